"""repetition: a word written twice in a row ("the the").

Machine translation and hurried editing double words; a reader notices at once.
Some doublings are English ("had had", "that that"), and a capitalised pair
is usually a name ("Duran Duran", "Sirhan Sirhan", "Han Han"): those are left
alone. The fix keeps one of the two words.
"""
from __future__ import annotations

import re
from itertools import islice
from operator import eq

from ..chars import blank, blanked
from .base import Rule
from .fields import Field

# Two identical words separated by spaces or one line break; not inside a hyphenated compound.
# The standard library's `re` is several times faster than `regex` for this backreference,
# and the pattern is fixed (no user regex), so it needs no timeout.
_DOUBLE = re.compile(r"(?<![\w'’-])(?P<word>\w++)(?P<gap>[ \t\u00a0]+|[ \t]*\n[ \t]*)(?P<second>(?P=word))(?![\w'’-])", re.IGNORECASE)

# A cheap first look at a window: its words, lower-cased, split at white space and at the punctuation that
# may stand right before or after a word (`lint.chars.WORD_MARKS`), so that a doubled word the regex can find is
# two equal neighbours. The regex then runs only where there are such neighbours (a few blocks in a hundred).


def _neighbours(text: str) -> bool:
    """Whether two neighbouring words of `text` are equal, case aside (a superset of what _DOUBLE finds)."""
    return _equal_neighbours(blank(text.lower()))


def _equal_neighbours(data: bytes) -> bool:
    words = data.split()
    return any(map(eq, words, islice(words, 1, None)))


class Repetition(Rule):
    kind = "repetition"
    FIELDS = (
        Field("allow", "strings", "words that may legitimately follow themselves (had, that, bye)", list),
        Field("names", "bool", "a pair written capitalised both times is a name (Duran Duran), not an error", True),
    )
    DEFAULT_MESSAGE = "'{word}' is written twice in a row: delete one."

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.allow = {w.casefold() for w in self.allow}

    def hits(self, doc):
        for block, start, end in doc.units(self.scope):
            if start == 0 and end == len(block.textmap):
                if not _equal_neighbours(blanked(block)):
                    continue
            elif not _neighbours(block.text[start:end]):
                continue
            for m in _DOUBLE.finditer(block.text, start, end):
                first, second = m.group("word"), m.group("second")
                if not first[0].isalpha() or first.casefold() in self.allow:
                    continue
                if self.names and first[:1].isupper() and second[:1].isupper() and not first.isupper():
                    continue
                if self.excepted(block, m.start(), m.end()):
                    continue
                yield self.hit(block, m.start(), m.end(), {"word": first}, [first])
