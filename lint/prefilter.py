"""Candidate search: one Aho-Corasick pass says which blocks a word-list rule can fire in.

A rule with hundreds of phrases (place names, people) compiles them into one exact
trie regex; running that regex over every block costs most of a run, though most
blocks hold none of the phrases. A `Prefilter` holds the first word of each phrase,
folded (no case, no diacritics) into an Aho-Corasick automaton (ahocorasick-rs):
a block whose folded text contains none of them cannot match, and the exact regex
runs only on the blocks that can. Folding only ever merges spellings, so the
prefilter finds a superset of what the regex finds: findings are the same.
"""
from __future__ import annotations

import unicodedata

import ahocorasick_rs

from .textutil import fold_char

# Latin letters with diacritics fold to their base letters; combining marks (NFD text) vanish.
# (Latin, Greek, Cyrillic and their extensions: every letter `fold_char` changes.)
_TABLE = {cp: fold_char(chr(cp)).lower() for r in ((0xC0, 0x250), (0x370, 0x530), (0x1E00, 0x2000)) for cp in range(*r)
          if fold_char(chr(cp)) != chr(cp)}
_TABLE.update({cp: None for cp in range(0x300, 0x370)})


def fold_for_search(text: str) -> str:
    """`text` lower-cased without diacritics: a view in which every spelling of a phrase looks the same."""
    return text.translate(_TABLE).lower()


def _first_word(phrase: str) -> str:
    folded = fold_for_search(unicodedata.normalize("NFC", phrase))
    return folded.split()[0] if folded.split() else folded


class Prefilter:
    """Which blocks of a document hold the first word of any of `phrases` (folded)."""

    def __init__(self, phrases) -> None:
        needles = sorted({w for w in map(_first_word, phrases) if w})
        self._automaton = ahocorasick_rs.AhoCorasick(needles) if needles else None

    def admits(self, block) -> bool:
        """Whether `block` may hold one of the phrases (its folded text is computed once, for every rule)."""
        if self._automaton is None:
            return False
        folded = block.cache.get("folded")
        if folded is None:
            folded = block.cache["folded"] = fold_for_search(block.text)
        return bool(self._automaton.find_matches_as_indexes(folded, overlapping=False)[:1])
