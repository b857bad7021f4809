"""Running rules over documents: reading files, turning hits into findings, suppressions.

This is the only place that converts a rule's plain-text hit into an original
file position (through the document model) and applies inline suppressions.
"""
from __future__ import annotations

import codecs
import html as html_lib
import os
from dataclasses import dataclass, field

import regex

from . import formats
from .config import ActiveRule
from .document import Directive, Document
from .errors import InputError
from .finding import LEVEL_RANK, Finding, Fix
from .kinds.base import RegexTimeout

MAX_FILE_BYTES = 20 * 1024 * 1024  # larger files are refused with a message, not read
_BINARY_SNIFF = 8192
# A web address written out: a fix inside it would send readers to a page that does not exist.
_URL = regex.compile(r"\b(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)[^\s<>\"'`]+", regex.IGNORECASE)
_URL_REACH = 2000  # the longest address looked for; a line may be megabytes long
_TOKEN_BEFORE = regex.compile(r"\S*", regex.REVERSE)
_TOKEN_AFTER = regex.compile(r"\S*")


@dataclass
class Source:
    """A file's bytes decoded, with what --fix needs to write it back the same way."""

    path: str
    text: str
    encoding: str = "utf-8"  # "utf-8", "utf-16-le" or "utf-16-be" (the byte order of the BOM)
    has_bom: bool = False


def decode(path: str, data: bytes) -> Source:
    """Decode file bytes, refusing what is not text with one clear message."""
    if not data or data in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        raise InputError("empty file, nothing to lint", path)
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE 00 00 starts like FF FE
        raise InputError("UTF-32 text is not supported; convert it to UTF-8", path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            order = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
            return Source(path, data.decode("utf-16"), order, True)
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid UTF-16 (byte {exc.start})", path) from None
    if b"\0" in data[:_BINARY_SNIFF]:
        raise InputError("binary file (contains NUL bytes), not linted", path)
    has_bom = data.startswith(codecs.BOM_UTF8)
    try:
        text = data.decode("utf-8-sig" if has_bom else "utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); convert it to UTF-8", path, line) from None
    return Source(path, text, "utf-8", has_bom)


def read_source(path: str) -> Source:
    try:
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            raise InputError(f"file too large ({size // (1024 * 1024)} MiB; the limit is {MAX_FILE_BYTES // (1024 * 1024)} MiB)", path)
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise InputError("no such file", path) from None
    except IsADirectoryError:
        raise InputError("is a folder", path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None
    return decode(path, data)


@dataclass
class Result:
    """What linting one file produced."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one-line problems (regex timeouts, ...)
    unused_directives: list[Directive] = field(default_factory=list)


def lint_text(path: str, text: str, rules: tuple[ActiveRule, ...], display_path: str | None = None,
              report_unused: bool = False, attach_source=None) -> Result:
    doc = formats.parse(path, text)
    if attach_source is not None:  # bilingual: give the document its aligned source (lint.bilingual.context)
        attach_source(doc)
    return lint_document(doc, rules, display_path or path, report_unused)


def lint_document(doc: Document, rules: tuple[ActiveRule, ...], display_path: str | None = None,
                  report_unused: bool = False) -> Result:
    """Lint `doc`; with `report_unused`, each suppression that silenced nothing is a finding too."""
    result = Result(display_path or doc.path)
    findings = []
    for active in rules:
        try:
            for hit in active.rule.hits(doc):
                findings.append(_finding(doc, result.path, active, hit))
        except RegexTimeout as exc:
            result.errors.append(f"{result.path}: {exc}")
    findings = _deduplicate(findings)
    findings, result.unused_directives = _apply_directives(doc, findings)
    if report_unused:
        findings.extend(_unused_finding(doc, result.path, d) for d in result.unused_directives)
    findings.sort(key=lambda f: (f.offset, -f.rank, f.rule))
    result.findings = findings
    return result


def _finding(doc: Document, path: str, active: ActiveRule, hit) -> Finding:
    tm = hit.block.textmap
    start = tm.orig_start(hit.start)
    end = max(tm.orig_end(hit.end), start)
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    match = doc.text[start:end]
    fix = _safe_fix(doc, match, hit.block.text[hit.start:hit.end], start, hit.suggestions[0]) if hit.fixable else None
    return Finding(path, active.rule.id, active.level, hit.message, line, column, end_line, end_column,
                   start, end - start, match, list(hit.suggestions), fix)


def _safe_fix(doc: Document, original: str, plain: str, start: int, replacement: str) -> Fix | None:
    """A fix for the original span, or None when applying it would damage markup.

    The span must hold exactly the text the rule saw (no tag, emphasis or line
    prefix inside it); in HTML an entity-escaped form of it is fine, and the
    replacement is escaped in turn. A span the document locks (a Markdown reference
    label) or a web address gets no fix.
    """
    end = start + len(original)
    if any(s < end and start < e for s, e in doc.locked):
        return None
    # An address has no white space: only the words the span touches can hold one.
    first = _TOKEN_BEFORE.match(doc.text, max(0, start - _URL_REACH), start).start()
    last = _TOKEN_AFTER.match(doc.text, end, min(len(doc.text), end + _URL_REACH)).end()
    if any(m.start() < end and start < m.end() for m in _URL.finditer(doc.text, first, last)):
        return None
    if doc.format == "html":
        if html_lib.unescape(original) != plain or "<" in original:
            return None
        return Fix(start, len(original), html_lib.escape(replacement, quote=False))
    if original != plain:
        return None
    return Fix(start, len(original), replacement)


UNUSED_DISABLE = "mtlint.UnusedDisable"
UNUSED_DISABLE_DESCRIPTION = (
    "An inline mtlint-disable comment that suppressed no finding (reported with "
    "--report-unused-disables): the problem it was written for is gone, or it names "
    "a rule or pack that does not run here or is misspelt. Remove it or correct it."
)


def _unused_finding(doc: Document, path: str, d: Directive) -> Finding:
    """A finding on an inline suppression comment that silenced nothing."""
    comment = doc.text[d.offset:d.end]
    line, column = doc.position(d.offset)
    end_line, end_column = doc.position(d.end)
    message = f"Unused suppression '{comment}': it silenced nothing; remove it."
    return Finding(path, UNUSED_DISABLE, "warning", message, line, column, end_line, end_column,
                   d.offset, d.end - d.offset, comment)


def _deduplicate(findings: list[Finding]) -> list[Finding]:
    """One problem, one finding: of findings on the same span with the same advice, keep the most severe."""
    best: dict[tuple, Finding] = {}
    for f in findings:
        key = (f.offset, f.length, tuple(f.suggestions[:1]) if f.suggestions else f.rule)
        kept = best.get(key)
        if kept is None or LEVEL_RANK[f.level] > LEVEL_RANK[kept.level]:
            best[key] = f
    return list(best.values())


def _names_rule(names: tuple[str, ...], rule_id: str) -> bool:
    return "all" in names or rule_id in names or rule_id.split(".", 1)[0] in names


def _apply_directives(doc: Document, findings: list[Finding]) -> tuple[list[Finding], list[Directive]]:
    """Drop findings silenced by inline comments; return the kept ones and unused directives."""
    if not doc.directives:
        return findings, []
    # Each directive becomes a silenced region [start, end) of original offsets.
    regions: list[tuple[int, int, Directive]] = []
    open_: list[Directive] = []
    for d in sorted(doc.directives, key=lambda d: d.offset):
        if d.action == "disable-next-line":
            line, _ = doc.position(d.end)
            starts = doc.line_starts
            if line < len(starts):
                end = starts[line + 1] if line + 1 < len(starts) else len(doc.text)
                regions.append((starts[line], end, d))
            else:
                regions.append((len(doc.text), len(doc.text), d))
        elif d.action == "disable":
            open_.append(d)
        else:  # enable: closes the matching disables (all of them without names)
            still = []
            for o in open_:
                if "all" in d.rules or set(o.rules) <= set(d.rules):
                    regions.append((o.end, d.offset, o))
                else:
                    still.append(o)
            open_ = still
    regions.extend((o.end, len(doc.text), o) for o in open_)
    used: set[int] = set()
    kept = []
    for f in findings:
        silenced = False
        for start, end, d in regions:
            if start <= f.offset < end and _names_rule(d.rules, f.rule):
                used.add(id(d))
                silenced = True
        if not silenced:
            kept.append(f)
    unused = [d for _, _, d in regions if id(d) not in used]
    return kept, unused
