"""Scopes: one selector language over a document's blocks, as Vale has it.

A rule's `scope` says where it looks. A selector is one or more alternatives
joined by `|`; an alternative is scope names joined by `&`, each optionally
negated with `~`:

    heading                   every heading (the headline too)
    paragraph & ~blockquote   paragraphs that are not inside a quotation block
    sentence & ~list          each sentence, except in lists
    paragraph & ~quotation    paragraph text outside quotation marks
    headline | line           the headline, and each line of every block

Block names (headline, heading, paragraph, blockquote, list, table) test a
block's kind and the containers it sits in; span names (sentence, quotation,
line) split each selected block into those windows — at most one of them per
alternative; `~quotation` leaves out the text between quotation marks.
Formats only say what a block is (its kind, containers and whether it is the
headline); what a scope name means is decided here, once.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

BLOCK_SCOPES = ("headline", "heading", "paragraph", "blockquote", "list", "table")
SPAN_SCOPES = ("sentence", "quotation", "line")  # "line": each line of a block, for whole-line furniture
ALL_SCOPES = BLOCK_SCOPES + SPAN_SCOPES + ("any",)
CONTAINERS = ("blockquote", "list", "table")


class ScopeError(ValueError):
    """A selector that cannot be read (the caller names the rule, file and line)."""


def block_has(block, name: str) -> bool:
    """Whether `block` is in block scope `name`."""
    if name == "any":
        return True
    if name == "headline":
        return block.headline
    if name in CONTAINERS:
        return name in block.containers
    return block.kind == name


@dataclass(frozen=True)
class _Alternative:
    wanted: tuple[str, ...]  # block scopes the block must have
    unwanted: tuple[str, ...]  # block scopes it must not have
    span: str | None  # sentence, quotation, line or None (the whole block)
    outside_quotations: bool  # ~quotation: leave the quoted text out

    def selects(self, block) -> bool:
        return all(block_has(block, n) for n in self.wanted) and not any(block_has(block, n) for n in self.unwanted)

    def windows(self, block):
        if self.span == "sentence":
            spans = block.sentences()
        elif self.span == "quotation":
            spans = block.quotations()
        elif self.span == "line":
            spans = block.lines()
        else:
            spans = [(0, len(block.textmap))]
        if not self.outside_quotations:
            return spans
        out = []
        quotes = block.quotations()
        for start, end in spans:
            pos = start
            for qs, qe in quotes:
                if qe <= pos or qs >= end:
                    continue
                if qs > pos:
                    out.append((pos, qs))
                pos = max(pos, qe)
            if pos < end:
                out.append((pos, end))
        return out


_EVERYTHING = _Alternative((), (), None, False)


class Selector:
    """A parsed scope expression."""

    def __init__(self, expression: str) -> None:
        self.expression = " ".join(str(expression).split())
        self.alternatives = tuple(self._parse(part) for part in self.expression.split("|"))

    @staticmethod
    def _parse(part: str) -> _Alternative:
        wanted, unwanted, spans, outside = [], [], [], False
        terms = [t.strip() for t in part.split("&")]
        if not all(terms):
            raise ScopeError("an empty term (a stray '&' or '|')")
        for term in terms:
            negated = term.startswith("~")
            name = term[1:].strip() if negated else term
            if name not in ALL_SCOPES:
                raise ScopeError(f"unknown scope '{name}' (known: {', '.join(ALL_SCOPES)})")
            if name in SPAN_SCOPES:
                if negated and name != "quotation":
                    raise ScopeError(f"'~{name}' leaves nothing to check; only '~quotation' can be negated among spans")
                if negated:
                    outside = True
                else:
                    spans.append(name)
            elif negated:
                unwanted.append(name)
            elif name != "any":
                wanted.append(name)
        if len(spans) > 1:
            raise ScopeError(f"at most one of {', '.join(SPAN_SCOPES)} in an alternative, not {' & '.join(spans)}")
        if outside and spans == ["quotation"]:
            raise ScopeError("'quotation & ~quotation' selects nothing")
        return _Alternative(tuple(wanted), tuple(unwanted), spans[0] if spans else None, outside)

    def __str__(self) -> str:
        return self.expression

    def __eq__(self, other) -> bool:
        return str(self) == str(other)

    def __hash__(self) -> int:
        return hash(self.expression)

    @property
    def is_quotation(self) -> bool:
        """Whether it selects exactly the quotations of every block (what a quotation rule needs)."""
        return all(a.span == "quotation" and not a.wanted and not a.unwanted for a in self.alternatives)

    def units(self, doc):
        """(block, start, end) windows of plain text this selector picks, in document order."""
        single = len(self.alternatives) == 1
        if single and self.alternatives[0] == _EVERYTHING:  # "any": the commonest scope, every block whole
            return [(block, 0, len(block.textmap)) for block in doc.blocks]
        if single and not self.alternatives[0].wanted and not self.alternatives[0].unwanted:  # every block: "line"
            windows = self.alternatives[0].windows
            return [(block, start, end) for block in doc.blocks for start, end in windows(block)]
        return self._units(doc, single)

    def _units(self, doc, single: bool):
        for block in doc.blocks:
            seen = set()
            for alternative in self.alternatives:
                if not alternative.selects(block):
                    continue
                for start, end in alternative.windows(block):
                    if single or (start, end) not in seen:
                        seen.add((start, end))
                        yield block, start, end

    def example_shape(self) -> tuple[str, tuple[str, ...], bool]:
        """(kind, containers, headline) of a block the first alternative selects: for a rule's examples."""
        wanted = self.alternatives[0].wanted
        containers = tuple(n for n in CONTAINERS if n in wanted)
        headline = "headline" in wanted
        kind = "heading" if headline or "heading" in wanted else "cell" if "table" in wanted else "paragraph"
        return kind, containers, headline


@lru_cache(maxsize=None)
def selector(expression: str) -> Selector:
    return Selector(expression)
