"""Candidate search: one Aho-Corasick pass says which blocks a word-list rule can fire in.

A rule with hundreds of phrases (place names, people) compiles them into one exact
trie regex; running that regex over every block costs most of a run, though most
blocks hold none of the phrases. A `Prefilter` holds the longest word of each phrase
(every word of a phrase is in any match of it, and the longest is the rarest),
folded (no case, no diacritics), in an Aho-Corasick automaton (ahocorasick-rs)
with a whole-word check: a block whose folded text holds none of them cannot
match, and the exact regex runs only on the blocks that can. Folding only ever
merges spellings, so the prefilter admits a superset of what the regex finds:
findings are the same (tests/test_prefilter.py compares the two paths).
"""
from __future__ import annotations

import re
import unicodedata

import ahocorasick_rs

from .textutil import fold_char

# Latin letters with diacritics fold to their base letters; combining marks (NFD text) vanish.
# (Latin, Greek, Cyrillic and their extensions: every letter `fold_char` changes.)
_TABLE = {cp: fold_char(chr(cp)).lower() for r in ((0xC0, 0x250), (0x370, 0x530), (0x1E00, 0x2000)) for cp in range(*r)
          if fold_char(chr(cp)) != chr(cp)}
_TABLE.update({cp: None for cp in range(0x300, 0x370)})


# Runs of the characters the table changes (curly quotes and dashes, the commonest non-ASCII in news, are not).
_FOLDABLE = re.compile("[\u00c0-\u052f\u1e00-\u1fff]+")
# Characters whose view is not one character long (ß -> ss, combining marks -> nothing; İ lower-cases to two).
_RESIZING = re.compile("[" + re.escape("".join(chr(cp) for cp, folded in _TABLE.items() if len(folded or "") != 1)) + "\u0130]")


def fold_for_search(text: str) -> str:
    """`text` lower-cased without diacritics: a view in which every spelling of a phrase looks the same.

    Character by character (`str.translate`), but only the runs of non-ASCII characters go through the
    table: a translate with a Python mapping costs a look-up per character, and most news text is ASCII."""
    if text.isascii():
        return text.lower()
    return _FOLDABLE.sub(_fold_run, text).lower()


def same_length(text: str) -> bool:
    """Whether the view of `text` has its offsets (no character of it folds to more or fewer than one)."""
    return text.isascii() or _RESIZING.search(text) is None


def _fold_run(m) -> str:
    return m.group().translate(_TABLE)


def longest_word(phrase: str) -> str:
    """The needle of `phrase`: its longest word in the search view (every match of the phrase holds it)."""
    words = fold_for_search(unicodedata.normalize("NFC", phrase)).split()
    return max(words, key=len) if words else ""


class Prefilter:
    """Which blocks of a document hold, as a whole word, the longest word of any of `phrases` (folded)."""

    def __init__(self, phrases) -> None:
        needles = sorted({w for w in map(longest_word, phrases) if w})
        self.needles = frozenset(needles)
        self._automaton = ahocorasick_rs.AhoCorasick(needles) if needles else None
        self._key = ("prefilter", id(self))

    def admits(self, block) -> bool:
        """Whether `block` may hold one of the phrases (its folded text is computed once, for every rule)."""
        return bool(self.found(block))

    def found(self, block) -> frozenset[str]:
        """The needles `block` holds as whole words (the phrases it may hold are those of these needles)."""
        found = block.cache.get(self._key)
        if found is not None:
            return found
        found = frozenset()
        if self._automaton is not None:
            folded = block.cache.get("folded")
            if folded is None:
                folded = block.cache["folded"] = fold_for_search(block.text)
            size = len(folded)
            found = frozenset(folded[start:end] for _, start, end in self._automaton.find_matches_as_indexes(folded, overlapping=True)
                              if not (start and folded[start - 1].isalnum()) and not (end < size and folded[end].isalnum()))
        block.cache[self._key] = found
        return found
