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
  followed by another capitalised word and a lower-case one: weak (it may be a
  name: "[It is] Ukraine that decides");
- a capitalised function word between two lower-case words: strong, or weak
  for words that are also labels or names (`weak_words`: "plan A", "in May").
"""
from __future__ import annotations

from collections import Counter

import regex

from .base import Rule

_SPACE = r"[ \t\n\u00A0\u202F]+"
# An insertion in brackets with at least one letter ("[...]" marks an omission, "[sic]" a quoted
# error), then a capitalised word and what follows it.
_BRACKET = regex.compile(
    r"\[(?!sic\])(?=[^\[\]\n]*\p{L})[^\[\]\n]{1,80}\]" + _SPACE + r"(?P<word>\p{Lu}\p{Ll}*(?:['’]\p{Ll}+)?)(?![\p{L}\p{M}'’-])"
    r"(?P<next>[,;:]?" + _SPACE + r"\S)?"
)
_BRACKET_REASON = "a bracketed insertion followed by a capitalised word mid-sentence"
_FUNCTION_REASON = "a capitalised function word mid-sentence"

# A capitalised word followed by a lower-case word, a number or a bracketed insertion;
# what precedes it is checked with _AFTER_LOWER.
_CAPITAL = regex.compile(r"(?<![\p{L}\p{M}'’-])(?P<word>\p{Lu}\p{Ll}*(?:['’]\p{Ll}+)?)(?![\p{L}\p{M}'’-])(?=" + _SPACE + r"[\p{Ll}\p{N}\[])")
# ... preceded by a lower-case word (optionally with a comma): the word is in mid-sentence.
# (or by the capitalised word right after a bracketed insertion: "[he] Contact With many").
_AFTER_LOWER = regex.compile(
    r"(?:(?<![\p{L}\p{M}.'’-])\p{Ll}[\p{Ll}'’]*,?|\]" + _SPACE + r"\p{Lu}\p{Ll}*)" + _SPACE + r"\Z"
)
# A bracket that opens a sentence (caption markers such as "[Photo] Residents ...").
_SENTENCE_START = regex.compile(r"(?:\A|[.!?…:]" + _SPACE + r")[\"'“‘«„]?\Z")
_WORDS = regex.compile(r"[\p{L}\p{M}]+")


class Quotation(Rule):
    kind = "quotation"
    FIELDS = {
        "function_words": "lower-case function words; capitalised in mid-sentence they are a strong sign of a garbled quote",
        "weak_words": "function words that are also labels or names (a, may, will): a weak sign only",
        "min_weak": "how many weak signs make a quotation garbled (default 2)",
    }
    DEFAULT_SCOPE = "quotation"
    DEFAULT_MESSAGE = "Garbled quotation ({reasons}): this looks like a mangled machine translation of a quote; check it against the original."

    def __init__(self, *args) -> None:
        super().__init__(*args)
        if self.scope != "quotation":
            self.fail("a quotation rule only works with scope: quotation", "scope")
        self.function_words = {w.lower() for w in self.strings(self.get("function_words", []) or [], "function_words")}
        self.weak_words = {w.lower() for w in self.strings(self.get("weak_words", []) or [], "weak_words")}
        if not self.function_words and not self.weak_words:
            self.fail("needs 'function_words' and/or 'weak_words'", "function_words")
        self.min_weak = self.get("min_weak", 2)
        if not isinstance(self.min_weak, int) or isinstance(self.min_weak, bool) or self.min_weak < 1:
            self.fail("'min_weak' must be a whole number of at least 1", "min_weak")

    @staticmethod
    def _word_counts(doc) -> Counter:
        """How often each word occurs in the article (counted once per document, when first needed)."""
        counts = doc.cache.get("quotation.words")
        if counts is None:
            counts = doc.cache["quotation.words"] = Counter(_WORDS.findall("\n".join(b.text for b in doc.blocks)))
        return counts

    @staticmethod
    def _lower_the(doc, text: str, end: int) -> bool:
        """Whether the article also writes "the" + the capitalised word after `end` in lower case."""
        m = _WORDS.match(text, end + 1) if end < len(text) else None
        if m is None:
            return False
        phrase = regex.compile(r"(?<![\p{L}\p{M}])the\s+" + regex.escape(m.group()) + r"(?![\p{L}\p{M}])")
        return any(phrase.search(b.text) for b in doc.blocks)

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
                    # elsewhere, or nowhere else at all, is no name.
                    at_start = m.start() == start or _SENTENCE_START.search(text[max(start, m.start() - 4) : m.start()])
                    counts = self._word_counts(doc)
                    common = counts[lower] > 0 or (following.islower() and counts[word] <= 1)
                    if not at_start and common:
                        strong += 1
                    else:
                        weak += 1
        for m in _CAPITAL.finditer(text, start, end):
            lower = m.group("word").lower().replace("’", "'")
            if lower not in self.function_words and lower not in self.weak_words:
                continue
            if not _AFTER_LOWER.search(text[max(start, m.start() - 40) : m.start()]):
                continue
            reasons.setdefault(_FUNCTION_REASON, []).append(f"'{m.group('word')}'")
            if lower in self.function_words:
                strong += 1
            else:
                weak += 1
        return strong, weak, reasons

    def hits(self, doc):
        for block, start, end in doc.units(self.scope):
            strong, weak, reasons = self.signals(doc, block.text, start, end)
            if (strong or weak >= self.min_weak) and not self.excepted(block, start, end):
                why = "; ".join(f"{reason} ({', '.join(dict.fromkeys(examples))})" for reason, examples in reasons.items())
                yield self.hit(block, start, end, {"reasons": why})
