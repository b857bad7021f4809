"""consistency: variants that must not mix in one article.

- `either`: pairs of spellings (`Kyiv: Kiev`); when both occur, the rarer one
  (on a tie, the one that appears later) is reported.
- `diacritics: true`: needs no list; a capitalised word written with diacritics
  somewhere in the article and without them elsewhere ("Séjourné" / "Sejourne").
"""
from __future__ import annotations

import unicodedata
from collections import defaultdict
from functools import lru_cache

import regex

from ..lazyre import compile_lazily
from ..chars import Chars, non_ascii
from ..textutil import Trie, fold, has_diacritics, squash_spaces
from ..triggers import derive
from .base import Rule
from .fields import Field

# A capitalised word of three letters or more with at least one letter outside ASCII.
_ACCENTED_CAPITALISED = compile_lazily(r"(?<![\w\p{M}])\p{Lu}[\p{L}\p{M}]{2,}(?<=[^\x00-\x7f][\p{L}\p{M}]*)(?![\w\p{M}])")


@lru_cache(maxsize=256)
def _plain_forms(words: tuple[str, ...]):
    """The whole-word trie of `words`, compiled once per set of them (articles about the same people share it)."""
    trie = Trie()
    for plain in words:
        trie.add_literal(plain)
    return regex.compile(trie.whole_words())


# What such a word needs: a letter or mark outside ASCII (curly quotes and dashes alone need no closer look).
_NON_ASCII_LETTER = regex.compile(r"(?V1)[[\p{L}\p{M}]--[\x00-\x7f]]")
# An article without one has no accented word to compare (the first test of `_diacritic_hits`).
_ACCENT_TRIGGER = Chars(_NON_ASCII_LETTER, whole_document=True)
_LETTER = regex.compile(r"[\p{L}\p{M}]")
_CAPITAL = regex.compile(r"\p{Lu}")
_WORD_CHAR = regex.compile(r"[\w\p{M}]")
_CLASS: dict[str, tuple[bool, bool, bool]] = {}  # character -> (letter or mark, capital, word character)


def _class(ch: str) -> tuple[bool, bool, bool]:
    found = _CLASS.get(ch)
    if found is None:
        found = _CLASS[ch] = (bool(_LETTER.match(ch)), bool(_CAPITAL.match(ch)), bool(_WORD_CHAR.match(ch)))
    return found


def _accented_runs(text: str, chars: frozenset[str]) -> list[str]:
    """The matches of _ACCENTED_CAPITALISED in the whole of `text` that can have diacritics, in order, found from
    the letters outside ASCII (`chars`: the text's characters outside ASCII) instead of at every capital.

    Such a match is a whole run of letters and marks (no word character or mark on either side) that starts
    with a capital, has three characters or more and holds a letter or mark outside ASCII (the pattern also
    takes an ASCII run after a curly quote, which has no diacritics: `has_diacritics` drops it)."""
    runs = {}
    for ch in chars:
        if not _class(ch)[0]:
            continue
        at = text.find(ch)
        while at != -1:
            if not any(s <= at < e for s, e in runs.items()):
                s, e = at, at + 1
                while s and _class(text[s - 1])[0]:
                    s -= 1
                while e < len(text) and _class(text[e])[0]:
                    e += 1
                runs[s] = e
            at = text.find(ch, at + 1)
    out = []
    for s in sorted(runs):
        e = runs[s]
        if e - s >= 3 and _class(text[s])[1] and not (s and _class(text[s - 1])[2]) and not (e < len(text) and _class(text[e])[2]):
            out.append(text[s:e])
    return out


class Consistency(Rule):
    kind = "consistency"
    FIELDS = (
        Field("either", "pairs", "mapping of variant -> variant that must not both appear", dict),
        Field("diacritics", "bool", "true: flag a word written both with and without its diacritics", False),
    )
    DEFAULT_MESSAGE = "'{match}' is also written '{suggestion}' in this article; use one spelling."

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.partner: dict[str, str] = {}
        for a, b in self.either.items():
            if not b:
                self.fail(f"'either' must pair two spellings, not {a!r}: {b!r}", "either")
            self.partner[a] = b
            self.partner[b] = a
        if not self.partner and not self.diacritics:
            self.fail("needs 'either' pairs or 'diacritics: true'")
        if self.partner:
            trie = Trie()
            for word in self.partner:
                trie.add_literal(word)
            self.pattern = self.compile(trie.whole_words(), "either")

    def trigger(self):
        if self.diacritics and not self.partner:  # the accented words are the article's own: any such letter
            return _ACCENT_TRIGGER
        if self.diacritics or not self.partner:  # (both: the pairs fire without such letters)
            return None
        strings = derive(self.pattern.pattern, self.pattern.flags)
        return None if strings is None else (strings, False)

    def hits(self, doc):
        if self.partner:
            yield from self._either_hits(doc)
        if self.diacritics:
            yield from self._diacritic_hits(doc)

    def _occurrences(self, doc, pattern, words=None):
        """Matches of `pattern` by their text; `words`: literals one of which any match is (blocks without any
        of them are not searched)."""
        found = defaultdict(list)
        for block, start, end in doc.units(self.scope):
            if words is not None and not any(w in block.text for w in words):
                continue
            for m in self.finditer(pattern, block.text, start, end):
                if not self.excepted(block, m.start(), m.end()):
                    found[squash_spaces(m.group())].append((block, m.start(), m.end()))
        return found

    def _either_hits(self, doc):
        found = self._occurrences(doc, self.pattern)
        order = list(found)
        for word, places in found.items():
            other = self.partner[word]
            if other not in found:
                continue
            mine, theirs = len(places), len(found[other])
            if mine < theirs or (mine == theirs and order.index(word) > order.index(other)):
                for block, start, end in places:
                    yield self.hit(block, start, end, {"other": other}, [other])

    def _plain_occurrences(self, doc, words):
        """`_occurrences` of the whole-word trie of `words` (plain forms: runs of letters), found with str.find
        in a whole block: each match of that trie is a whole run of word characters that is one of `words`."""
        found = defaultdict(list)
        for block, start, end in doc.units(self.scope):
            text = block.text
            if not any(w in text for w in words):
                continue
            if start or end != len(text):  # (a window: the trie itself, whose end is the window's)
                for m in self.finditer(_plain_forms(tuple(words)), text, start, end):
                    if not self.excepted(block, m.start(), m.end()):
                        found[squash_spaces(m.group())].append((block, m.start(), m.end()))
                continue
            places = []
            for word in words:
                at = text.find(word)
                while at != -1:
                    after = at + len(word)
                    if not (at and _class(text[at - 1])[2]) and not (after < len(text) and _class(text[after])[2]):
                        places.append((at, after, word))
                    at = text.find(word, at + 1)
            for s, e, word in sorted(places):
                if not self.excepted(block, s, e):
                    found[word].append((block, s, e))
        return found

    def _diacritic_hits(self, doc):
        # First the accented capitalised words the article has (most English articles have none),
        # then only their plain-ASCII forms are searched for.
        accented = {}
        for block, start, end in doc.units(self.scope):
            text = block.text
            if start == 0 and end == len(text):  # a whole block: from its few letters outside ASCII
                words = _accented_runs(text, non_ascii(block))
            elif text.isascii() or not _NON_ASCII_LETTER.search(text, start, end):
                continue
            else:
                words = (m.group() for m in _ACCENTED_CAPITALISED.finditer(text, start, end))
            for word in words:
                nfc = unicodedata.normalize("NFC", word)
                if has_diacritics(nfc):
                    accented.setdefault(fold(nfc), nfc)
        if not accented:
            return
        for word, places in self._plain_occurrences(doc, accented).items():
            right = accented[word]
            for block, start, end in places:
                yield self.hit(block, start, end, {"other": right}, [right])
