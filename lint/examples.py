"""A rule's own examples, and running them (`mtlint rules test`).

As LanguageTool's rule examples do, a `flag` example pins what the rule must
report: `[[…]]` marks each expected match, and the mapping form also pins the
fix (`{text: "Two of [[Kiev]]'s allies", fix: "Kyiv"}`) or the first suggestion
(`suggestion:`). A flag example without markers only has to be flagged somewhere;
a `pass` example must not be flagged at all.

Each example is a small article (paragraphs separated by blank lines). Its blocks
are shaped to what the rule's scope selects, so a headline rule's example is read
as a headline and a paragraph rule's as a paragraph, whatever it looks like.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import regex

_MARK = regex.compile(r"\[\[(.+?)\]\]", regex.DOTALL)


@dataclass(frozen=True)
class Example:
    text: str  # the article, markers removed
    spans: tuple[tuple[int, int], ...] | None  # the expected matches; None: any finding will do
    fix: tuple[str, ...] | None = None  # the expected fix of each marked match (one value: of all)
    suggestion: tuple[str, ...] | None = None

    @property
    def pinned(self) -> bool:
        return self.spans is not None

    def shown(self) -> str:
        """The example as written, markers and all (for messages)."""
        if not self.spans:
            return self.text
        out, pos = [], 0
        for start, end in self.spans:
            out += [self.text[pos:start], "[[", self.text[start:end], "]]"]
            pos = end
        return "".join(out) + self.text[pos:]


def _parse_one(value, expected: str) -> Example:
    fix = suggestion = None
    if isinstance(value, dict):
        unknown = set(value) - {"text", "fix", "suggestion"}
        if expected == "pass" or unknown or "text" not in value:
            raise ValueError("a flag example is a string or {text, fix, suggestion}; a pass example is a string")
        fix, suggestion = (_values(value.get(k), k) for k in ("fix", "suggestion"))
        value = value["text"]
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ValueError(f"an example must be text, not {value!r}")
    text = str(value)
    if expected == "pass" or "[[" not in text:
        if fix is not None or suggestion is not None:
            raise ValueError(f"an example that pins a fix or suggestion marks its match with [[...]]: {text!r}")
        return Example(text, None)
    spans, plain, pos = [], [], 0
    for m in _MARK.finditer(text):
        plain.append(text[pos:m.start()])
        start = sum(map(len, plain))
        plain.append(m.group(1))
        spans.append((start, start + len(m.group(1))))
        pos = m.end()
    plain.append(text[pos:])
    for name, values in (("fix", fix), ("suggestion", suggestion)):
        if values is not None and len(values) not in (1, len(spans)):
            raise ValueError(f"'{name}' gives {len(values)} values for {len(spans)} marked matches: {text!r}")
    return Example("".join(plain), tuple(spans), fix, suggestion)


def _values(value, key: str) -> tuple[str, ...] | None:
    if value is None:
        return None
    values = value if isinstance(value, list) else [value]
    if not all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in values):
        raise ValueError(f"'{key}' of an example must be text or a list of texts")
    return tuple(str(v) for v in values)


def parse_examples(value: dict) -> dict[str, list[Example]]:
    """The `examples` field, checked: {flag: [Example], pass: [Example]}."""
    if not isinstance(value, dict) or set(value) - {"flag", "pass"}:
        raise ValueError("examples must be a mapping with 'flag' and/or 'pass' lists")
    out = {}
    for key, items in value.items():
        items = items if isinstance(items, list) else [items] if items is not None else []
        out[key] = [_parse_one(item, key) for item in items]
    return out


def example_document(text: str, rule):
    """The example as a plain-text article whose blocks are what the rule's scope selects."""
    from .formats import plaintext

    kind, containers, headline = rule.scope.example_shape()
    doc = plaintext.parse("<example>", text)
    for i, block in enumerate(doc.blocks):
        if headline and i > 0:
            doc.blocks[i] = replace(block, kind="paragraph", containers=(), headline=False, cache={})
        else:
            doc.blocks[i] = replace(block, kind=kind, containers=containers, headline=headline, cache={})
    return doc


def _describe(findings) -> str:
    return ", ".join(f"{f.match!r} at {f.offset}-{f.offset + f.length}" for f in findings) or "nothing"


def _check_pinned(rule, example: Example, findings, shift: int = 0) -> list[str]:
    """How the findings differ from what the example pins (empty when they agree); `shift`: where the
    document linted starts in the example (a bilingual example lints only its target, after the source)."""
    problems = []
    expected = [(s - shift, e - shift) for s, e in example.spans]
    got = {(f.offset, f.offset + f.length): f for f in findings}
    missing = [s for s in expected if s not in got]
    extra = [f for span, f in got.items() if span not in expected]
    if missing or extra:
        want = ", ".join(f"{example.text[s + shift:e + shift]!r} at {s}-{e}" for s, e in expected)
        problems.append(f"{rule.id}: expected {want}; got {_describe(findings)} in: {example.shown()!r}")
        return problems
    for i, span in enumerate(expected):
        f = got[span]
        for name, values, actual in (("fix", example.fix, f.fix.replacement if f.fix else None),
                                     ("suggestion", example.suggestion, f.suggestions[0] if f.suggestions else None)):
            if values is None:
                continue
            want = values[i] if len(values) > 1 else values[0]
            if actual != want:
                said = "no fix" if name == "fix" and actual is None else repr(actual)
                problems.append(f"{rule.id}: {f.match!r} should have {name} {want!r}, has {said} in: {example.shown()!r}")
    return problems


def run_examples(rule, registry=None, companions=()) -> list[str]:
    """Problems with `rule`'s examples, as one line each (empty when all behave).

    A rule about suppression comments needs findings to suppress: its examples run
    with `companions` (the default rules) and `registry` (the names comments may give).
    """
    from .config import ActiveRule
    from .engine import lint_document

    problems = []
    active = (ActiveRule(rule, rule.level),)
    others: set[str] = set()
    if getattr(rule, "AFTER_SUPPRESSION", False):
        helpers = tuple(a for a in companions if a.rule.id != rule.id)
        active, others = helpers + active, {a.rule.id for a in helpers}
    for expected in ("flag", "pass"):
        for example in rule.examples.get(expected) or []:
            make = getattr(rule, "example_document", None)  # bilingual rules read 'SOURCE => TARGET'
            doc = make(example.text) if make else example_document(example.text, rule)
            result = lint_document(doc, active, registry=registry)
            findings = [f for f in result.findings if f.rule not in others]  # (a relaying rule names its findings)
            if result.errors:  # a regex that timed out: say so, not "not flagged"
                problems.extend(f"{error.split(': ', 1)[1]} in: {example.text!r}" for error in result.errors)
            elif expected == "flag" and example.pinned:
                shift = example.text.rfind(doc.text) if doc.text != example.text else 0
                problems.extend(_check_pinned(rule, example, findings, max(shift, 0)))
            elif expected == "flag" and not findings:
                problems.append(f"{rule.id}: not flagged: {example.text!r}")
            elif expected == "pass" and findings:
                problems.append(f"{rule.id}: flagged {findings[0].match!r} in: {example.text!r}")
    if not rule.examples.get("flag") and not rule.examples.get("pass"):
        problems.append(f"{rule.id}: has no examples")
    return problems
