"""Baselines: today's findings recorded by content, so that only new ones are reported.

A finding is identified by its *content*, never by its line: the rule, the matched
text and a few words either side of it on its line (whitespace collapsed). Lines
added or removed above a finding do not change its fingerprint. The same
fingerprint (with an occurrence number for repeats in one file) is SARIF's
`partialFingerprints` and the seed of GitLab's fingerprint.

Matching a run against a baseline is done per file, in two passes: first by exact
fingerprint, then what is left by rule and matched text alone (so rewording the
words around an old finding does not resurrect it), always with counts, so a
third "Kiev" in a file whose baseline holds two is reported as new.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

import regex

from .errors import ConfigError
from .finding import Finding

VERSION = 1
CONTEXT_WORDS = 3  # words either side of the match that belong to its fingerprint
_WORDS = regex.compile(r"\S+")
_SPACE = regex.compile(r"\s+")


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    """Up to CONTEXT_WORDS words before and after [start, end), on the same line(s)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end == -1:
        line_end = len(text)
    before = _WORDS.findall(text, line_start, start)[-CONTEXT_WORDS:]
    after = _WORDS.findall(text, end, line_end)[:CONTEXT_WORDS]
    return " ".join(before), " ".join(after)


def fingerprint(finding: Finding, text: str, rule: str | None = None) -> str:
    """A content hash of a finding: rule (or the former name `rule`), match and its surrounding words (not its line)."""
    before, after = _context(text, finding.offset, finding.offset + finding.length)
    match = _SPACE.sub(" ", finding.match.strip())
    key = "\0".join((rule or finding.rule, match, before, after))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def fingerprints(findings: list[Finding], text: str) -> list[tuple[str, int]]:
    """(fingerprint, occurrence) of each finding of one file; occurrence counts repeats from 1."""
    seen: Counter[str] = Counter()
    out = []
    for f in findings:
        fp = fingerprint(f, text)
        seen[fp] += 1
        out.append((fp, seen[fp]))
    return out


@dataclass
class Baseline:
    """Recorded findings per file (path relative to the baseline file's folder)."""

    root: str  # folder the paths are relative to
    files: dict[str, list[dict]] = field(default_factory=dict)  # path -> [{rule, match, fingerprint, count}]

    def key(self, path: str) -> str:
        if path.startswith("<") or not path:  # standard input without --stdin-filename
            return path
        return os.path.relpath(os.path.abspath(path), self.root).replace(os.sep, "/")

    def add(self, path: str, findings: list[Finding], text: str) -> None:
        entries: dict[str, dict] = {}
        for f, (fp, _) in zip(findings, fingerprints(findings, text)):
            entry = entries.setdefault(fp, {"rule": f.rule, "match": f.match, "fingerprint": fp, "count": 0})
            entry["count"] += 1
        if entries:
            self.files[self.key(path)] = list(entries.values())

    def new_findings(self, path: str, findings: list[Finding], text: str,
                     former: Callable[[str], list[str]] = lambda rule: []) -> list[Finding]:
        """The findings of `path` that the baseline does not account for, in their order.

        `former(rule_id)` gives a rule's former names (its aliases): a baseline written
        before a rule was renamed still accounts for its findings.
        """
        entries = self.files.get(self.key(path))
        if not entries or not findings:
            return findings
        left = Counter({e["fingerprint"]: e["count"] for e in entries})
        old = [False] * len(findings)
        for i, f in enumerate(findings):  # 1: the same finding in the same words, under any of its rule's names
            for name in [f.rule] + former(f.rule):
                fp = fingerprint(f, text, name)
                if left[fp] > 0:
                    left[fp] -= 1
                    old[i] = True
                    break
        # 2: what is left, by rule and matched text alone (the words around it were edited)
        by_match = Counter()
        for e in entries:
            by_match[(e["rule"], e["match"])] += left[e["fingerprint"]]
        for i, f in enumerate(findings):
            if old[i]:
                continue
            for name in [f.rule] + former(f.rule):
                if by_match[(name, f.match)] > 0:
                    by_match[(name, f.match)] -= 1
                    old[i] = True
                    break
        return [f for f, was in zip(findings, old) if not was]

    def count(self) -> int:
        return sum(e["count"] for entries in self.files.values() for e in entries)

    def dumps(self) -> str:
        data = {
            "version": VERSION,
            "tool": "mtlint",
            "files": {path: sorted(entries, key=lambda e: (e["rule"], e["match"], e["fingerprint"]))
                      for path, entries in sorted(self.files.items())},
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def new_baseline(path: str) -> Baseline:
    return Baseline(os.path.dirname(os.path.abspath(path)))


def load_baseline(path: str) -> Baseline:
    """Read a baseline written by --write-baseline; any problem is one ConfigError line."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise ConfigError("baseline file not found (write one with --write-baseline)", path) from None
    except json.JSONDecodeError as exc:
        raise ConfigError(f"not a baseline: invalid JSON ({exc.msg}, column {exc.colno})", path, exc.lineno) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read baseline: {getattr(exc, 'strerror', None) or exc}", path) from None
    if not isinstance(data, dict) or data.get("tool") != "mtlint" or not isinstance(data.get("files"), dict):
        raise ConfigError("not an mtlint baseline (expected an object with \"tool\": \"mtlint\" and \"files\")", path)
    if data.get("version") != VERSION:
        raise ConfigError(f"unsupported baseline version {data.get('version')!r} (this mtlint writes {VERSION})", path)
    baseline = new_baseline(path)
    for file, entries in data["files"].items():
        if not isinstance(entries, list) or not all(
            isinstance(e, dict) and isinstance(e.get("rule"), str) and isinstance(e.get("match"), str)
            and isinstance(e.get("fingerprint"), str) and isinstance(e.get("count"), int) for e in entries
        ):
            raise ConfigError(f"not a baseline: entries of '{file}' must be objects with rule, match, fingerprint and count", path)
        baseline.files[file] = entries
    return baseline
