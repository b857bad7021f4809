"""Running rules over one document: hits become findings, then suppressions apply.

This is the only place that converts a rule's plain-text hit into an original
file position (through the document model) and applies inline suppressions.
"""
from __future__ import annotations

import regex

from . import formats
from .candidates import narrow
from .config import ActiveRule
from .document import Directive, Document
from .errors import GrammarUnavailable
from .finding import LEVEL_RANK, Finding, Fix
from .kinds.base import RegexTimeout, collecting_timeouts
from .lazyre import compile_lazily
from .registry import Registry
from .result import Result

# A web address written out: a fix inside it would send readers to a page that does not exist.
_URL = compile_lazily(r"\b(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)[^\s<>\"'`]+", regex.IGNORECASE)
_URL_REACH = 2000  # the longest address looked for; a line may be megabytes long
_TOKEN_BEFORE = regex.compile(r"\S*", regex.REVERSE)
_TOKEN_AFTER = regex.compile(r"\S*")


def lint_text(path: str, text: str, rules: tuple[ActiveRule, ...], display_path: str | None = None,
              registry: Registry | None = None, attach_source=None) -> Result:
    doc = formats.parse(path, text)
    if attach_source is not None:  # bilingual: give the document its aligned source (lint.bilingual.context)
        attach_source(doc)
    return lint_document(doc, rules, display_path or path, registry)


def lint_document(doc: Document, rules: tuple[ActiveRule, ...], display_path: str | None = None,
                  registry: Registry | None = None) -> Result:
    """Lint `doc`: every rule's findings, deduplicated, less what inline comments silence.

    Rules about the comments themselves (`AFTER_SUPPRESSION`) run last, on what the
    others left; `registry` resolves the names comments give (aliases, packs).
    """
    result = Result(display_path or doc.path)
    findings = []
    later = []
    targets = narrow(doc, tuple(active.rule for active in rules))  # each rule sees only the blocks it can fire in
    with collecting_timeouts() as timeouts:
        for active, target in zip(rules, targets):
            if getattr(active.rule, "AFTER_SUPPRESSION", False):
                later.append(active)
                continue
            if target is None:
                continue
            try:
                for hit in active.rule.hits(target):
                    findings.append(_finding(doc, result.path, active, hit))
            except RegexTimeout as exc:  # raised by a kind's own code, not through `finditer`
                timeouts.setdefault(active.rule.id, str(exc))
            except GrammarUnavailable as exc:  # one line for the whole run, not a file's problem
                result.errors.append(str(exc))
    result.errors.extend(f"{result.path}: {timeout}" for timeout in timeouts.values())
    findings = _deduplicate(findings)
    covers = registry.covers if registry is not None else _names_rule
    findings, result.unused_directives = _apply_directives(doc, findings, covers)
    for active in later:
        findings.extend(_finding(doc, result.path, active, hit)
                        for hit in active.rule.directive_hits(doc, result.unused_directives, registry))
    findings.sort(key=lambda f: (f.offset, -f.rank, f.rule))
    result.findings = findings
    return result


def _finding(doc: Document, path: str, active: ActiveRule, hit) -> Finding:
    if hit.block is None:  # a hit on the original text itself (a suppression comment)
        start, end = hit.start, hit.end
    else:
        tm = hit.block.textmap
        start = tm.orig_start(hit.start)
        end = max(tm.orig_end(hit.end), start)
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    match = doc.text[start:end]
    # A hit's own level holds unless the configuration changed the rule's level.
    level = hit.level if hit.level and not active.level_set else active.level
    fix = None
    if hit.fixable and hit.suggestions and hit.block is not None:
        fix = _fix(doc, start, end, hit.block.text[hit.start:hit.end], hit.suggestions[0], _applicability(active, hit, level))
    return Finding(path, hit.rule or active.rule.id, level, hit.message, line, column, end_line, end_column,
                   start, end - start, match, list(hit.suggestions), fix, hit.source)


def _applicability(active: ActiveRule, hit, level: str) -> str:
    """The rule's (or the hit's own) fix applicability; a suggestion is never certain enough to be safe."""
    applicability = hit.applicability or active.rule.fix
    return "unsafe" if applicability == "safe" and level == "suggestion" else applicability


def _fix(doc: Document, start: int, end: int, plain: str, replacement: str, applicability: str) -> Fix | None:
    """A fix for the original span [start, end), or None when applying it would damage the document.

    A span the document locks (a Markdown reference label) or a web address gets no
    fix, in any format; whether the span can be rewritten in the file's own markup
    (entities, escapes, tags) is the format module's decision.
    """
    if any(s < end and start < e for s, e in doc.locked):
        return None
    # An address has no white space: only the words the span touches can hold one.
    first = _TOKEN_BEFORE.match(doc.text, max(0, start - _URL_REACH), start).start()
    last = _TOKEN_AFTER.match(doc.text, end, min(len(doc.text), end + _URL_REACH)).end()
    if any(m.start() < end and start < m.end() for m in _URL.finditer(doc.text, first, last)):
        return None
    written = formats.fix_replacement(doc, start, end, plain, replacement)
    return None if written is None else Fix(start, end - start, written, applicability)


def _deduplicate(findings: list[Finding]) -> list[Finding]:
    """One problem, one finding: of findings on the same span with the same advice, keep the most severe."""
    best: dict[tuple, Finding] = {}
    for f in findings:
        key = (f.offset, f.length, tuple(f.suggestions[:1]) if f.suggestions else f.rule)
        kept = best.get(key)
        if kept is None or LEVEL_RANK[f.level] > LEVEL_RANK[kept.level]:
            best[key] = f
    return list(best.values())


def _names_rule(name: str, rule_id: str) -> bool:
    """Whether a suppression's `name` covers `rule_id` (without a registry: no aliases)."""
    return name in ("all", rule_id, rule_id.split(".", 1)[0])


def _apply_directives(doc: Document, findings: list[Finding], covers) -> tuple[list[Finding], list[Directive]]:
    """Drop findings silenced by inline comments; return the kept ones and unused directives."""
    if not doc.directives:
        return findings, []
    # Each directive becomes a silenced region [start, end) of original offsets.
    regions: list[tuple[int, int, Directive]] = []
    open_: list[Directive] = []
    for d in sorted(doc.directives, key=lambda d: d.offset):
        if d.action == "disable-next-line":
            regions.append((*doc.next_line_span(d.end), d))
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
            if start <= f.offset < end and any(covers(name, f.rule) for name in d.rules):
                used.add(id(d))
                silenced = True
        if not silenced:
            kept.append(f)
    unused = [d for _, _, d in regions if id(d) not in used]
    return kept, unused
