"""quotation: quotations that machine translation mangled.

A quote run through machine translation and pasted back with an editor's
brackets comes out as "[This] A may be required [military] Being on ...": a
bracketed insertion followed by a capitalised word, function words capitalised
in mid-sentence. Real editorial brackets ("[This] may require a [military]
presence") and titles ("The Hague", "plan A") do not look like that. Such a
quote misquotes a person, so it is reported once, over the whole quotation,
with the reasons, for a human to check against the original.

Each sign is a *strong* or a *weak* signal; a quotation is reported when it has
one strong signal or `min_weak` weak ones:
- an insertion in brackets followed by a capitalised function word: strong;
  followed by another capitalised word: weak, as it may be a name ("It is
  [for] Ukraine to decide"), unless the article writes that word in lower case
  elsewhere or it has an ending names hardly have ("[are] Impossible");
- a capitalised function word in mid-sentence, that is with a lower-case word
  before and after it, or with up to two more capitalised function words in
  between ("the high point Of The year", "used To Be a"): strong, or weak for
  words that are also labels or names (`weak_words`: "plan A", "in May").
"""
from __future__ import annotations

from collections import Counter

import regex

from ..lazyre import compile_lazily
from ..quotes import PAIRS
from .base import Rule
from .fields import Field

_SPACE = r"[ \t\n\u00A0\u202F]+"
# An insertion in brackets with at least one letter ("[...]" marks an omission, "[sic]" a quoted
# error), then a capitalised word and what follows it.
_BRACKET = compile_lazily(
    r"\[(?!sic\])(?=[^\[\]\n]*\p{L})[^\[\]\n]{1,80}\]" + _SPACE + r"(?P<word>\p{Lu}\p{Ll}*(?:['’]\p{Ll}+)?)(?![\p{L}\p{M}'’-])"
    r"(?P<next>[,;:]?" + _SPACE + r"\S)?"
)
_BRACKET_REASON = "a bracketed insertion followed by a capitalised word mid-sentence"
_FUNCTION_REASON = "a capitalised function word mid-sentence"

# A capitalised word; whether it stands in mid-sentence is decided from its neighbours.
_CAPITAL = compile_lazily(r"(?<![\p{L}\p{M}'’-])(?P<word>\p{Lu}\p{Ll}*(?:['’]\p{Ll}+)?)(?![\p{L}\p{M}'’-])")
# Before it: a lower-case word (optionally with a comma), or the capitalised word right after a bracketed
# insertion ("[he] Contact With many"), or another capitalised word (`cap`, checked to be a function word).
_BEFORE = compile_lazily(
    r"(?:(?<![\p{L}\p{M}.'’-])\p{Ll}[\p{Ll}'’]*,?|\]" + _SPACE + r"\p{Lu}\p{Ll}*"
    r"|(?<![\p{L}\p{M}.'’-])(?P<cap>\p{Lu}\p{Ll}*(?:['’]\p{Ll}+)?))" + _SPACE + r"\Z"
)
# After it: a lower-case word, a number or a bracketed insertion, or another capitalised word (`cap`).
_AFTER = compile_lazily(_SPACE + r"(?:[\p{Ll}\p{N}\[]|(?P<cap>\p{Lu}\p{Ll}*(?:['’]\p{Ll}+)?)(?![\p{L}\p{M}'’-]))")
# The most capitalised function words in a row that still read as garbling ("point Of The year",
# "used To Be a"); a longer run is a title ("It Is What It Is").
_MAX_RUN = 3
# A bracket that opens a sentence (caption markers such as "[Photo] Residents ...").
_SENTENCE_START = compile_lazily(r"(?:\A|[.!?…:]" + _SPACE + r")[\"'“‘«„]?\Z")
# Endings of English adjectives, adverbs and abstract nouns that names of people and places hardly ever have
# ("[are] Impossible", "[it] Carefully"): such a word after an insertion is no name.
_COMMON_SUFFIX = compile_lazily(r"\p{L}{3}(?:ible|able|ful|less|ous|ally|ively|ness|[iy][sz]ed|[iy][sz]ing)\Z")
_WORDS = compile_lazily(r"[\p{L}\p{M}]+")


class Quotation(Rule):
    kind = "quotation"
    FIELDS = (
        Field("function_words", "strings", "lower-case function words; capitalised in mid-sentence they are a strong "
              "sign of a garbled quote", list),
        Field("weak_words", "strings", "function words that are also labels or names (a, may, will): a weak sign only", list),
        Field("min_weak", "int", "how many weak signs make a quotation garbled", 2, minimum=1),
    )
    DEFAULT_SCOPE = "quotation"
    DEFAULT_MESSAGE = "Garbled quotation ({reasons}): this looks like a mangled machine translation of a quote; check it against the original."

    def __init__(self, *args) -> None:
        super().__init__(*args)
        if not self.scope.is_quotation:
            self.fail("a quotation rule only works with scope: quotation", "scope")
        self.function_words = {w.lower() for w in self.function_words}
        self.weak_words = {w.lower() for w in self.weak_words}
        if not self.function_words and not self.weak_words:
            self.fail("needs 'function_words' and/or 'weak_words'", "function_words")

    @staticmethod
    def _word_counts(doc) -> Counter:
        """How often each word occurs in the article (counted once per document, when first needed)."""
        counts = doc.cache.get("quotation.words")
        if counts is None:
            counts = doc.cache["quotation.words"] = Counter()
            for block in doc.blocks:  # (a list of every word of a book-length file at once would be its peak memory)
                counts.update(_WORDS.findall(block.text))
        return counts

    @staticmethod
    def _lower_the(doc, text: str, end: int) -> bool:
        """Whether the article also writes "the" + the capitalised word after `end` in lower case."""
        m = _WORDS.match(text, end + 1) if end < len(text) else None
        if m is None:
            return False
        phrase = regex.compile(r"(?<![\p{L}\p{M}])the\s+" + regex.escape(m.group()) + r"(?![\p{L}\p{M}])")
        return any(phrase.search(b.text) for b in doc.blocks)

    def _strong(self, word: str) -> bool:
        return word.lower().replace("’", "'") in self.function_words

    def _mid_sentence(self, text: str, start: int, end: int, m) -> bool:
        """Whether the capitalised function word `m` stands in mid-sentence: a lower-case word (or a
        bracketed insertion's capitalised word) before it and a lower-case word, number or insertion after
        it, with at most _MAX_RUN capitalised function words in a row ("point Of The year", "used To Be a").
        The other words of such a run must be function words that are no label or name ("watch The Who
        play", "plan A Or" are titles and labels)."""
        run = 1
        stop = m.start()
        while True:
            before = _BEFORE.search(text, max(start, stop - 40), stop)
            if before is None:
                return False
            cap = before.group("cap")
            if cap is None:
                break
            run += 1
            if run > _MAX_RUN or not self._strong(cap):
                return False
            stop = before.start("cap")
        pos = m.end()
        while True:
            after = _AFTER.match(text, pos, end)
            if after is None:
                return False
            cap = after.group("cap")
            if cap is None:
                return True
            run += 1
            if run > _MAX_RUN or not self._strong(cap):
                return False
            pos = after.end()

    def signals(self, doc, text: str, start: int, end: int) -> tuple[int, int, dict[str, list[str]]]:
        """(strong, weak, {reason: [examples]}) found in text[start:end] (fixed regexes: no timeout needed)."""
        strong = weak = 0
        reasons: dict[str, list[str]] = {}
        if "[" in text[start:end]:
            for m in _BRACKET.finditer(text, start, end):
                word, following = m.group("word"), (m.group("next") or "")[-1:]
                lower = word.lower().replace("’", "'")
                if word == "I" or word.startswith(("I'", "I’")):
                    continue
                if lower in self.function_words or lower in self.weak_words:
                    if lower == "the" and following.isupper() and not self._lower_the(doc, text, m.end("word")):
                        continue  # "[in] The Hague", unless the article writes "the Iranian" elsewhere
                    reasons.setdefault(_BRACKET_REASON, []).append(f"'{text[m.start() : m.end('word')]}'")
                    reasons.setdefault(_FUNCTION_REASON, []).append(f"'{word}'")
                    strong += 1
                else:
                    reasons.setdefault(_BRACKET_REASON, []).append(f"'{text[m.start() : m.end('word')]}'")
                    # A name may follow an insertion ("[It is] Ukraine that") and a caption marker may open a
                    # sentence ("[Photo] Residents"): weak signs. A word the article writes in lower case
                    # elsewhere is no name.
                    at_start = m.start() == start or _SENTENCE_START.search(text[max(start, m.start() - 4) : m.start()])
                    common = self._word_counts(doc)[lower] > 0 or bool(_COMMON_SUFFIX.search(lower))
                    if not at_start and common:
                        strong += 1
                    else:
                        weak += 1
        for m in _CAPITAL.finditer(text, start, end):
            lower = m.group("word").lower().replace("’", "'")
            if lower not in self.function_words and lower not in self.weak_words:
                continue
            if not self._mid_sentence(text, start, end, m):
                continue
            reasons.setdefault(_FUNCTION_REASON, []).append(f"'{m.group('word')}'")
            if lower in self.function_words:
                strong += 1
            else:
                weak += 1
        return strong, weak, reasons

    def trigger(self):
        return frozenset(PAIRS), False  # a quotation opens with one of these marks (lint.quotes)

    def hits(self, doc):
        for block, start, end in doc.units(self.scope):
            strong, weak, reasons = self.signals(doc, block.text, start, end)
            if (strong or weak >= self.min_weak) and not self.excepted(block, start, end):
                why = "; ".join(f"{reason} ({', '.join(dict.fromkeys(examples))})" for reason, examples in reasons.items())
                yield self.hit(block, start, end, {"reasons": why})
