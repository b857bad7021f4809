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

import sys
import unicodedata
from array import array
from functools import lru_cache

import ahocorasick_rs

from .textutil import fold_char

# Every decimal digit the `regex` module's \d matches (read from regex DIGITS_OF; another release is checked against
# it once, `digits_are_regexs`) reads as "0" in the view: a trigger can then say "a digit, a comma, a digit" in three
# characters.
DIGITS_OF = "2026.11.19"
DIGITS = (
    (0x30, 0x39), (0x660, 0x669), (0x6F0, 0x6F9), (0x7C0, 0x7C9), (0x966, 0x96F), (0x9E6, 0x9EF), (0xA66, 0xA6F),
    (0xAE6, 0xAEF), (0xB66, 0xB6F), (0xBE6, 0xBEF), (0xC66, 0xC6F), (0xCE6, 0xCEF), (0xD66, 0xD6F), (0xDE6, 0xDEF),
    (0xE50, 0xE59), (0xED0, 0xED9), (0xF20, 0xF29), (0x1040, 0x1049), (0x1090, 0x1099), (0x17E0, 0x17E9),
    (0x1810, 0x1819), (0x1946, 0x194F), (0x19D0, 0x19D9), (0x1A80, 0x1A89), (0x1A90, 0x1A99), (0x1B50, 0x1B59),
    (0x1BB0, 0x1BB9), (0x1C40, 0x1C49), (0x1C50, 0x1C59), (0xA620, 0xA629), (0xA8D0, 0xA8D9), (0xA900, 0xA909),
    (0xA9D0, 0xA9D9), (0xA9F0, 0xA9F9), (0xAA50, 0xAA59), (0xABF0, 0xABF9), (0xFF10, 0xFF19), (0x104A0, 0x104A9),
    (0x10D30, 0x10D39), (0x10D40, 0x10D49), (0x11066, 0x1106F), (0x110F0, 0x110F9), (0x11136, 0x1113F),
    (0x111D0, 0x111D9), (0x112F0, 0x112F9), (0x11450, 0x11459), (0x114D0, 0x114D9), (0x11650, 0x11659),
    (0x116C0, 0x116C9), (0x116D0, 0x116E3), (0x11730, 0x11739), (0x118E0, 0x118E9), (0x11950, 0x11959),
    (0x11BF0, 0x11BF9), (0x11C50, 0x11C59), (0x11D50, 0x11D59), (0x11DA0, 0x11DA9), (0x11DE0, 0x11DE9),
    (0x11F50, 0x11F59), (0x16130, 0x16139), (0x16A60, 0x16A69), (0x16AC0, 0x16AC9), (0x16B50, 0x16B59),
    (0x16D70, 0x16D79), (0x1CCF0, 0x1CCF9), (0x1D7CE, 0x1D7FF), (0x1E140, 0x1E149), (0x1E2F0, 0x1E2F9),
    (0x1E4F0, 0x1E4F9), (0x1E5F1, 0x1E5FA), (0x1E950, 0x1E959), (0x1FBF0, 0x1FBF9),
)
_ASCII_DIGITS = str.maketrans("123456789", "000000000")


@lru_cache(maxsize=1)
def digits_are_regexs() -> bool:
    """Whether DIGITS is exactly the installed regex's \\d: so for the release it was read from; another release
    (perhaps with a newer Unicode and new digits) is checked once per process, in about 30 ms, and only where a
    pack's triggers are derived anew (they are kept in the pack cache, which a regex upgrade invalidates)."""
    import regex

    return regex.__version__ == DIGITS_OF or installed_digits() == {cp for low, high in DIGITS for cp in range(low, high + 1)}


def installed_digits() -> set[int]:
    """Every code point the installed regex's \\d matches."""
    import regex

    points = array("I", range(0xD800))
    points.extend(range(0xE000, 0x110000))  # (no surrogates: they are no characters)
    everything = points.tobytes().decode("utf-32-le" if sys.byteorder == "little" else "utf-32-be")
    return {ord(c) for c in regex.findall(r"\d", everything)}
_ASCII_DIGIT_BYTES = bytes.maketrans(b"123456789", b"000000000")


_BUILT: list = []  # [the table, the automaton of its characters], built when a text that is not ASCII first needs them


def _tables():
    """The fold table and an automaton finding its characters, built on first need (an ASCII article, the
    commonest, needs neither: a fifteenth of start-up)."""
    if not _BUILT:
        # Latin letters with diacritics fold to their base letters; combining marks (NFD text) vanish.
        # (Latin, Greek, Cyrillic and their extensions: every letter `fold_char` changes.)
        table = {cp: fold_char(chr(cp)).lower() for r in ((0xC0, 0x250), (0x370, 0x530), (0x1E00, 0x2000))
                 for cp in range(*r) if fold_char(chr(cp)) != chr(cp)}
        table.update({cp: None for cp in range(0x300, 0x370)})
        table.update({cp: "0" for low, high in DIGITS[1:] for cp in range(low, high + 1)})  # (ASCII: _ASCII_DIGITS)
        # Every character the table changes, found by one Aho-Corasick pass (a stdlib regex scans a text that is
        # not ASCII at a few tens of nanoseconds a character; this is several times faster). Curly quotes and
        # dashes, the commonest non-ASCII characters in news, are not among them.
        _BUILT.extend((table, ahocorasick_rs.AhoCorasick([chr(cp) for cp in sorted(table)])))
    return _BUILT


def __getattr__(name: str):  # prefilter._TABLE, as the tests read it
    if name == "_TABLE":
        return _tables()[0]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def fold_for_search(text: str) -> str:
    """`text` lower-cased without diacritics, every digit a "0": a view in which every spelling of a phrase looks the same.

    Character by character: `text.translate(_TABLE).lower()`, the ASCII digits then "0" (tests pin it to that
    definition), without a translate of the whole text, which costs a look-up per character."""
    return fold_with_offsets(text)[0]


def fold_with_offsets(text: str) -> tuple[str, bool]:
    """(view of `text`, whether it has `text`'s offsets: no character folded to more or fewer than one)."""
    if text.isascii():
        return text.lower().translate(_ASCII_DIGITS), True
    pieces, last, aligned = [], 0, True
    table, changed = _tables()
    for _, start, end in changed.find_matches_as_indexes(text):
        folded = table[ord(text[start])] or ""
        aligned = aligned and len(folded) == 1
        pieces += (text[last:start], folded)
        last = end
    folded = ("".join(pieces) + text[last:] if pieces else text).lower()
    # (İ, the one character whose lower case is two, is in the table: lower() keeps the length now)
    # The ASCII digits in UTF-8, where a translate is one C loop (a regex tests every character in turn).
    return folded.encode("utf-8", "surrogatepass").translate(_ASCII_DIGIT_BYTES).decode("utf-8", "surrogatepass"), aligned


def longest_word(phrase: str) -> str:
    """The needle of `phrase`: its longest word in the search view (every match of the phrase holds it)."""
    words = fold_for_search(unicodedata.normalize("NFC", phrase)).split()
    return max(words, key=len) if words else ""


class Prefilter:
    """Which blocks of a document hold, as a whole word, the longest word of any of `phrases` (folded)."""

    def __init__(self, phrases) -> None:
        self.needle_of = {phrase: longest_word(phrase) for phrase in phrases}  # (kept: a trie of them needs it too)
        needles = sorted({w for w in self.needle_of.values() if w})
        self.needles = frozenset(needles)
        self._automaton = ahocorasick_rs.AhoCorasick(needles) if needles else None
        self.key = ("prefilter", id(self))  # where a block keeps what `found` found in it

    def __getstate__(self) -> dict:  # (the pack cache keeps rules) the automaton cannot be pickled: built again on use
        return {"needles": self.needles, "needle_of": self.needle_of}

    def __setstate__(self, state: dict) -> None:
        self.needles, self.needle_of = state["needles"], state["needle_of"]
        self._automaton = False  # not built yet
        self.key = ("prefilter", id(self))

    def admits(self, block) -> bool:
        """Whether `block` may hold one of the phrases (its folded text is computed once, for every rule)."""
        return bool(self.found(block))

    def found(self, block) -> frozenset[str]:
        """The needles `block` holds as whole words (the phrases it may hold are those of these needles)."""
        found = block.cache.get(self.key)
        if found is not None:
            return found
        found = frozenset()
        if self._automaton is False:
            self._automaton = ahocorasick_rs.AhoCorasick(sorted(self.needles)) if self.needles else None
        if self._automaton is not None:
            folded = block.cache.get("folded")
            if folded is None:
                folded = block.cache["folded"] = fold_for_search(block.text)
            size = len(folded)
            found = frozenset(folded[start:end] for _, start, end in self._automaton.find_matches_as_indexes(folded, overlapping=True)
                              if not (start and folded[start - 1].isalnum()) and not (end < size and folded[end].isalnum()))
        block.cache[self.key] = found
        return found
