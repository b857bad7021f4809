"""Running a rule's own `examples` (`mtlint rules test`).

Each example is a small article (paragraphs separated by blank lines). Its blocks
are given the rule's scope, so a headline rule's example is read as a headline
and a paragraph rule's as a paragraph, whatever it looks like.
"""
from __future__ import annotations

from dataclasses import replace

from .config import ActiveRule
from .document import BLOCK_SCOPES
from .engine import lint_document
from .formats import plaintext


def example_document(text: str, scope: str):
    doc = plaintext.parse("<example>", text)
    for i, block in enumerate(doc.blocks):
        if scope in BLOCK_SCOPES and (i == 0 or scope != "headline"):
            scopes = {scope, "heading"} if scope == "headline" else {scope, "paragraph"}
        else:
            scopes = {"paragraph"}
        doc.blocks[i] = replace(block, scopes=frozenset(scopes))
    return doc


def run_examples(rule) -> list[str]:
    """Problems with `rule`'s examples, as one line each (empty when all behave)."""
    problems = []
    active = (ActiveRule(rule, rule.level),)
    for expected, texts in (("flag", rule.examples.get("flag") or []), ("pass", rule.examples.get("pass") or [])):
        for text in texts:
            make = getattr(rule, "example_document", None)  # bilingual rules read 'SOURCE => TARGET'
            result = lint_document(make(str(text)) if make else example_document(str(text), rule.scope), active)
            findings = result.findings
            if result.errors:  # a regex that timed out: say so, not "not flagged"
                problems.extend(f"{error.split(': ', 1)[1]} in: {text!r}" for error in result.errors)
            elif expected == "flag" and not findings:
                problems.append(f"{rule.id}: not flagged: {text!r}")
            elif expected == "pass" and findings:
                problems.append(f"{rule.id}: flagged {findings[0].match!r} in: {text!r}")
    if not rule.examples.get("flag") and not rule.examples.get("pass"):
        problems.append(f"{rule.id}: has no examples")
    return problems
