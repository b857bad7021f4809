"""Candidates: one pass over a document says which of its blocks each rule can fire in.

Every rule that declares a trigger (`Rule.trigger()`: view strings one of which
any block it fires in holds — derived from its regex by `lint.triggers`, or a
word list's longest words) contributes its strings to one Aho-Corasick automaton
(ahocorasick-rs) for the whole rule set. Per document the automaton runs once,
over the search view of its blocks (`prefilter.fold_for_search`, joined by line
breaks), and each rule is then given the document narrowed to the blocks where
one of its strings occurs and that its scope selects (a rule with none is not run
at all). A kind that is code may declare instead the characters outside ASCII it
needs (`lint.chars.Chars`: it runs only on the blocks holding one) or a document
attribute it needs (`Attribute`: a bilingual rule, the source). Rules without a
trigger see the whole document. Narrowing never changes a finding: a block left
out holds no trigger string (or is out of scope), so no match;
`MTLINT_NO_PREFILTER=1` turns it off (tests/test_candidates.py compares both paths).
"""
from __future__ import annotations

import os
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

import ahocorasick_rs

from .chars import Chars, non_ascii
from .prefilter import fold_for_search, fold_with_offsets
from .scope import Selector, selector

CHUNK = 1 << 18  # characters of text searched in one automaton pass
SWITCH = "MTLINT_NO_PREFILTER"  # set to 1: every rule sees every block (the slow path, for comparison)


class Attribute:
    """A trigger: the rule fires only in a document whose attribute `name` is set (a bilingual rule: `source`)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name


class Narrowed:
    """A document as one rule sees it: only the blocks it can fire in; everything else is the document's own."""

    __slots__ = ("_doc", "blocks")

    def __init__(self, doc, blocks) -> None:
        self._doc = doc
        self.blocks = blocks

    def __getattr__(self, name):
        return getattr(self._doc, name)

    def units(self, scope: Selector | str):
        return (scope if isinstance(scope, Selector) else selector(scope)).units(self)


class _Plan:
    """The automaton of every trigger string of a rule set, and which rules each string stands for."""

    def __init__(self, rules) -> None:
        owners: dict[str, list[tuple[int, bool]]] = {}
        self.always = set()
        self.memo: dict[int, object] = {}
        self.chars: list[tuple[int, Chars]] = []  # rules triggered by characters outside ASCII
        self.attributes: list[tuple[int, str]] = []  # rules that need a document attribute set
        self.scoped: dict[int, tuple] = {}  # rules whose scope leaves blocks out: its alternatives
        for index, rule in enumerate(rules):
            trigger = rule.trigger()
            if trigger is None:
                self.always.add(index)
                continue
            if isinstance(trigger, Chars):
                self.chars.append((index, trigger))
                continue
            if isinstance(trigger, Attribute):
                self.attributes.append((index, trigger.name))
                continue
            strings, whole_words, *memo = trigger
            alternatives = getattr(rule, "scope", None)
            alternatives = alternatives.alternatives if isinstance(alternatives, Selector) else ()
            if alternatives and all(a.wanted or a.unwanted for a in alternatives):  # (headline, heading, table, ...)
                self.scoped[index] = alternatives
            for s in strings:
                owners.setdefault(s, []).append((index, whole_words))
            if memo:  # where the rule keeps, per block, which of its strings the block holds (its prefilter's)
                self.memo[index] = memo[0]
        self.needles = sorted(owners)
        self.owners = [owners[n] for n in self.needles]
        self.automaton = ahocorasick_rs.AhoCorasick(self.needles) if self.needles else None
        self.count = len(rules)

    def blocks_per_rule(self, doc) -> list[list | None]:
        """For each rule: the indexes of the blocks it can fire in (None: every block)."""
        found: dict[int, set[int]] = {}
        blocks = doc.blocks
        texts = [block.textmap.text for block in blocks]
        if self.automaton is not None:
            first, count = 0, len(blocks)
            if sum(map(len, texts)) + count <= CHUNK:  # an article: one pass
                self._search(blocks, texts, 0, count, found)
                first = count
            while first < count:  # a few hundred kB at a time: a book-length file needs no more memory
                last, size = first, 0
                while last < count and (size < CHUNK or last == first):
                    size += len(texts[last]) + 1
                    last += 1
                self._search(blocks, texts, first, last, found)
                first = last
        always, nothing = self.always, ()
        out = [None if r in always else sorted(found.get(r, nothing)) for r in range(self.count)]
        for r, alternatives in self.scoped.items():  # a block the rule's scope leaves out gives it no window
            if out[r]:
                out[r] = [i for i in out[r] if any(a.selects(blocks[i]) for a in alternatives)]
        for r, name in self.attributes:
            out[r] = None if getattr(doc, name, None) is not None else []
        if self.chars:
            held = [(i, chars) for i, text in enumerate(texts) if not text.isascii() and (chars := non_ascii(blocks[i]))]
            for r, trigger in self.chars:
                admitted = [i for i, chars in held if trigger.holds(chars)]
                out[r] = None if admitted and trigger.whole_document else admitted
        return out

    def _search(self, blocks, texts, first: int, last: int, found: dict[int, set[int]]) -> None:
        """Mark, in `found`, the rules whose strings occur in blocks[first:last] (one automaton pass)."""
        texts = texts[first:last] if first or last < len(texts) else texts
        joined = "\n".join(texts)
        text, aligned = fold_with_offsets(joined)
        if aligned:  # one fold of the whole chunk, with the offsets of the text
            lengths = list(map(len, texts))
        else:
            views = [fold_for_search(t) for t in texts]
            text, lengths = "\n".join(views), list(map(len, views))
        starts = list(accumulate([length + 1 for length in lengths[:-1]], initial=0))
        owners, size, memo, held, needles = self.owners, len(text), self.memo, {}, self.needles
        for needle, start, end in self.automaton.find_matches_as_indexes(text, overlapping=True):
            i = bisect_right(starts, start) - 1
            if end > starts[i] + lengths[i]:  # across two blocks: no match lies there
                continue
            word = None
            for rule, whole_words in owners[needle]:
                if whole_words:
                    if word is None:
                        word = not (start and text[start - 1].isalnum()) and not (end < size and text[end].isalnum())
                    if not word:
                        continue
                    if rule in memo:
                        held.setdefault((rule, first + i), set()).add(needles[needle])
                rule_found = found.get(rule)
                if rule_found is None:
                    found[rule] = {first + i}
                else:
                    rule_found.add(first + i)
        for (rule, i), strings in held.items():  # what the rule's prefilter would find there, found already
            blocks[i].cache[memo[rule]] = frozenset(strings)


@lru_cache(maxsize=64)
def _plan(rules: tuple) -> _Plan:
    return _Plan(rules)


def prepare(rules: tuple) -> None:
    """Work out now what running `rules` first needs whatever the articles hold (the automaton), so that worker
    processes forked after this share it instead of each building it. The rules' lazily compiled regexes are
    left to the workers: compiling them all here cost a tenth of a second before any worker started, mostly for
    patterns no article of the run needs; each worker compiles those its articles need."""
    _plan(rules)


def enabled() -> bool:
    """Whether rules run only where they can fire (the default); MTLINT_NO_PREFILTER=1: everywhere."""
    return os.environ.get(SWITCH, "") in ("", "0")


def narrow(doc, rules: tuple) -> list:
    """For each of `rules` (Rule objects): what it should be run on — `doc`, a `Narrowed` view, or None (no block
    can hold a match)."""
    if not enabled():
        return [doc] * len(rules)
    out = []
    for rule_blocks in _plan(rules).blocks_per_rule(doc):
        if rule_blocks is None:
            out.append(doc)
        elif not rule_blocks:
            out.append(None)
        elif len(rule_blocks) == len(doc.blocks):
            out.append(doc)
        else:
            out.append(Narrowed(doc, [doc.blocks[i] for i in rule_blocks]))
    return out
