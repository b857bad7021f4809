"""Character triggers: a hand-declared trigger for a rule kind that is code and can only fire near certain letters.

A homoglyph needs a Cyrillic or Greek letter, mojibake a Latin-1 lead character,
a lost diacritic an accented letter: characters outside ASCII, which most blocks
of English news do not hold at all (and the rest mostly only as curly quotes and
dashes). Such a kind's `trigger()` returns a `Chars`: the one-character class its
own code searches for first. `lint.candidates` then runs the rule only on the
blocks (or, `whole_document`, only on the documents) holding one such character;
a block without one cannot pass the kind's own first test, so no finding is lost.
Which non-ASCII characters a block holds is worked out once per block, for every
rule (`non_ascii`); so is its text cut into words for the rules that split it
(`blanked`: DoubledWord compares neighbours, Untranslated counts foreign words).
"""
from __future__ import annotations

_ASCII = bytes(range(128))
KEY = "chars.non_ascii"  # where a block keeps the set of its characters outside ASCII


def characters_outside_ascii(text: str) -> frozenset[str]:
    # (UTF-8 with its ASCII bytes deleted is the text's other characters, still valid UTF-8: several times
    # faster than a regex, which tests every character of a text that is not ASCII one by one)
    if text.isascii():
        return frozenset()
    return frozenset(text.encode("utf-8", "surrogatepass").translate(None, _ASCII).decode("utf-8", "surrogatepass"))


def non_ascii(block) -> frozenset[str]:
    """The characters outside ASCII that `block`'s plain text holds (computed once per block)."""
    found = block.cache.get(KEY)
    if found is None:
        found = block.cache[KEY] = characters_outside_ascii(block.text)
    return found


# The marks that may stand right before or after a word (DoubledWord's word separators, `lint.kinds.repetition`).
WORD_MARKS = ",.;:!?“”‘\"()[]{}<>…«»„‹›—–/*•·|¿¡#@&+=\u200b\u00ad"
SPACES = "".join(filter(str.isspace, map(chr, range(0x3001))))  # what str.split() splits at (the last is U+3000)
# One bytes.translate blanks the ASCII marks and white space of a text's UTF-8; a replace each, the ones outside
# ASCII that it holds. UTF-8 is self-synchronising: a word stays a word, and equal words stay equal.
_BLANK = bytes.maketrans("".join(c for c in WORD_MARKS + SPACES if c.isascii()).encode(),
                         b" " * sum(c.isascii() for c in WORD_MARKS + SPACES))
_WIDE = {c: c.encode() for c in WORD_MARKS + SPACES if not c.isascii()}
BLANKED = "chars.blanked"


def blank(text: str) -> bytes:
    """The UTF-8 of `text` with every mark of WORD_MARKS and every white space a b" ": its words apart."""
    data = text.encode("utf-8", "surrogatepass").translate(_BLANK)
    if not text.isascii():
        for c in _WIDE:
            if c in text:
                data = data.replace(_WIDE[c], b" ")
    return data


def blanked(block) -> bytes:
    """`blank` of `block`'s lower-cased text (computed once per block, from the characters it holds)."""
    found = block.cache.get(BLANKED)
    if found is None:
        data = block.text.lower().encode("utf-8", "surrogatepass").translate(_BLANK)
        for c in non_ascii(block):  # (lower case changes no mark and no white space)
            wide = _WIDE.get(c)
            if wide is not None:
                data = data.replace(wide, b" ")
        found = block.cache[BLANKED] = data
    return found


class Chars:
    """A trigger: every block the rule fires in holds a character outside ASCII that `pattern` matches alone.

    `pattern` is the kind's own one-character class (a compiled `re` or `regex`); it must match no ASCII
    character (checked here: such a trigger would skip blocks it must not). `whole_document`: the rule looks at
    every block once one holds such a character (it compares blocks), so it runs on the whole document or not
    at all."""

    __slots__ = ("pattern", "whole_document", "_seen")

    def __init__(self, pattern, whole_document: bool = False) -> None:
        if any(pattern.match(chr(c)) for c in range(128)):
            raise ValueError(f"a character trigger must match no ASCII character: {pattern.pattern!r}")
        self.pattern, self.whole_document = pattern, whole_document
        self._seen: dict[str, bool] = {}  # character -> whether the class holds it (a handful per article)

    def holds(self, chars: frozenset[str]) -> bool:
        """Whether one of `chars` (a block's `non_ascii`) is in the class."""
        seen = self._seen
        for c in chars:
            held = seen.get(c)
            if held is None:
                held = seen[c] = self.pattern.match(c) is not None
            if held:
                return True
        return False

    def admits(self, block) -> bool:
        return self.holds(non_ascii(block))
