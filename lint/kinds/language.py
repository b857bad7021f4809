"""language: sentences, parentheses and quotations left untranslated.

Machine translation sometimes passes a sentence through untouched, and an
editor pasting from the source leaves a parenthesis or a quote in the original
language. Those fragments are found with an offline language identifier
(py3langid, whose model ships inside its wheel: no network, no download).

Identification is not cheap, so it never runs on ordinary English: a fragment
is a candidate only when it has enough words, few of the article language's
function words and at least two function words of a listed language (or
Cyrillic/Greek words, mostly lower-case, so not a name). Names, single words
and short quoted titles or slogans never get that far; a quotation just after a
title word ("the film", "the newspaper") or followed by a translation in
parentheses is left alone.
"""
from __future__ import annotations

import copy
import unicodedata

import regex

from ..errors import PackError
from .base import Rule

_WORD = regex.compile(r"[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*")
_OTHER_SCRIPT = regex.compile(r"[\p{Cyrillic}\p{Greek}]")
_ACCENTED = regex.compile(r"[^\x00-\x7f\P{L}]|\p{M}")  # a non-ASCII letter or a combining mark
# A run of Cyrillic or Greek words (a fragment even where the sentence splitter sees none).
_RUN = regex.compile(r"[\p{Cyrillic}\p{Greek}][\p{L}\p{M}'’]*(?:[ ,;:–—-]+[\p{Cyrillic}\p{Greek}][\p{L}\p{M}'’]*)+[.!?…]?")
_PARENTHESIS = regex.compile(r"\(([^()\n]{2,400})\)")
_BEFORE = ("", "(", "“", "«", "„", '"', "'", "‘")
_AFTER = ("", ",", ".", ";", ":", ")", "”", "»", "“", "!", "?", '"', "'", "’")
_EDGE = " \t\n\u00a0\"'“”„«»‹›‘’‚「」『』,;:—–-"

_MODEL = None  # the full identifier, loaded on first use
_IDENTIFIERS: dict[tuple[str, ...], object] = {}


def identifier(languages: tuple[str, ...]):
    """A py3langid identifier restricted to `languages` (the model is loaded once)."""
    global _MODEL
    found = _IDENTIFIERS.get(languages)
    if found is None:
        if _MODEL is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            _MODEL = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        found = copy.copy(_MODEL)
        found.set_languages(list(languages))
        _IDENTIFIERS[languages] = found
    return found


class Language(Rule):
    kind = "language"
    FIELDS = {
        "languages": "mapping of language code -> name: text identified as one of these is reported",
        "article_language": "the code of the language the article is written in (default en)",
        "function_words": "mapping of language code -> its common short words, for the cheap pre-filter (the article language's too)",
        "min_words": "{sentence: n, parenthesis: n, quotation: n}: the fewest words a fragment of each kind needs",
        "confidence": "the identifier's least probability (0-1) for a report (default 0.9)",
        "title_words": "words that, just before a quotation, make it a title or a name (film, newspaper, titled)",
    }
    DEFAULT_MESSAGE = "Untranslated {language} text in an English article: '{match}'."

    def __init__(self, *args) -> None:
        super().__init__(*args)
        languages = self.get("languages")
        if not isinstance(languages, dict) or not languages:
            self.fail("needs 'languages': a mapping of language code -> name", "languages")
        self.languages = {str(k): str(v) for k, v in languages.items()}
        self.article = str(self.get("article_language", "en"))
        codes = list(self.languages) + [self.article]
        if not all(regex.fullmatch(r"[a-z]{2,3}", c) for c in codes):
            self.fail("language codes are two or three lower-case letters (ISO 639)", "languages")
        self.codes = tuple(sorted(set(codes)))
        words = self.get("function_words")
        if not isinstance(words, dict) or self.article not in words:
            self.fail(f"needs 'function_words': a mapping of language code -> words, including '{self.article}'", "function_words")
        self.english = {w.lower() for w in self.strings(words[self.article], "function_words")}
        self.foreign = set()
        for code, listed in words.items():
            if str(code) != self.article:
                self.foreign.update(w.lower() for w in self.strings(listed, "function_words"))
        self.foreign -= self.english
        # the same words as a plain split() leaves them next to punctuation, for the cheap test
        self.foreign_tokens = {p + w + q for w in self.foreign for p in _BEFORE for q in _AFTER}
        minimum = self.get("min_words", {}) or {}
        if not isinstance(minimum, dict) or set(minimum) - {"sentence", "parenthesis", "quotation"}:
            self.fail("'min_words' must map sentence, parenthesis and/or quotation to a number", "min_words")
        self.min_words = {"sentence": 4, "parenthesis": 3, "quotation": 5}
        for key, value in minimum.items():
            if not isinstance(value, int) or isinstance(value, bool) or value < 2:
                self.fail(f"'min_words' for {key} must be a whole number of at least 2", "min_words")
            self.min_words[key] = value
        self.confidence = self.get("confidence", 0.9)
        if not isinstance(self.confidence, (int, float)) or isinstance(self.confidence, bool) or not 0 < self.confidence <= 1:
            self.fail("'confidence' must be a number between 0 and 1", "confidence")
        self.title_words = {w.lower() for w in self.strings(self.get("title_words", []) or [], "title_words")}

    # -- the cheap pre-filter ---------------------------------------------------
    def candidate(self, text: str, kind: str) -> bool:
        words = _WORD.findall(text)
        if len(words) < self.min_words[kind]:
            return False
        lower = [w for w in words if w[0].islower()]
        if len(lower) < 2:  # names and titles are capitalised
            return False
        other = sum(1 for w in lower if _OTHER_SCRIPT.search(w))
        if other >= 2:
            return True
        english = sum(1 for w in words if w.lower() in self.english)
        # evidence of another language: its function words, lower-case words with diacritics
        foreign = sum(1 for w in words if w.lower() in self.foreign) + sum(1 for w in lower if _ACCENTED.search(w))
        return foreign >= 2 and english * 4 <= len(words)

    def _worth_a_look(self, window: str) -> bool:
        """Cheap test of a whole block: could any fragment of it be a candidate?"""
        evidence = sum(map(self.foreign_tokens.__contains__, window.lower().split()))
        if evidence < 2 and not window.isascii():
            if _OTHER_SCRIPT.search(window):
                return True
            starts = set()  # lower-case words with a non-ASCII letter: rare in English
            for m in _ACCENTED.finditer(window):
                i = m.start()
                while i and (window[i - 1].isalpha() or unicodedata.category(window[i - 1])[0] == "M"):
                    i -= 1
                if window[i].islower():
                    starts.add(i)
            evidence += len(starts)
        return evidence >= 2

    def identify(self, text: str) -> str | None:
        """The listed language `text` is in, or None (the article language, or unsure)."""
        try:
            ident = identifier(self.codes)
        except ValueError as exc:
            raise PackError(f"rule {self.id}: {exc}", self.path, self.spec.line_of("languages")) from None
        code, probability = ident.classify(text)
        if code != self.article and code in self.languages and probability >= self.confidence:
            return code
        return None

    # -- fragments --------------------------------------------------------------
    def _fragments(self, block, start: int, end: int):
        """(kind, start, end, holes): the sentences of the window (with their quotations and parentheses as
        holes), the quotations and parentheses themselves, and runs of Cyrillic or Greek words."""
        text = block.text
        inner = []
        for qs, qe in block.quotations():
            if start <= qs and qe <= end:
                inner.append(("quotation", qs, qe))
        for m in _PARENTHESIS.finditer(text, start, end):
            if not any(s <= m.start() < e for _, s, e in inner):
                inner.append(("parenthesis", m.start(1), m.end(1)))
        for ss, se in block.sentences():
            if start <= ss and se <= end:
                yield "sentence", ss, se, [(s, e) for _, s, e in inner if ss <= s and e <= se]
        for kind, s, e in inner:
            yield kind, s, e, []
        if _OTHER_SCRIPT.search(text, start, end):
            for m in _RUN.finditer(text, start, end):
                yield "sentence", m.start(), m.end(), []

    def _is_title(self, text: str, start: int, end: int) -> bool:
        before = _WORD.findall(text[max(0, start - 40) : start])[-2:]
        if any(w.lower() in self.title_words for w in before):
            return True
        return bool(regex.match(r"[\s,]*\(", text[end : end + 5]))  # a translation follows

    def hits(self, doc):
        for block, start, end in doc.units(self.scope):
            text = block.text
            if not self._worth_a_look(text[start:end]):
                continue
            reported: list[tuple[int, int]] = []
            for kind, s, e, holes in self._fragments(block, start, end):
                while s < e and text[s] in _EDGE:
                    s += 1
                while e > s and text[e - 1] in _EDGE:
                    e -= 1
                if e <= s or any(rs <= s and e <= re for rs, re in reported):
                    continue
                fragment = text[s:e]
                for hs, he in sorted(holes, reverse=True):  # a sentence is judged without its quotes
                    hs, he = max(hs, s), min(he, e)
                    if hs < he:
                        fragment = fragment[: hs - s] + " " + fragment[he - s :]
                if not self.candidate(fragment, kind):
                    continue
                if kind == "quotation" and self._is_title(text, s, e):
                    continue
                code = self.identify(fragment)
                if code is None or self.excepted(block, s, e):
                    continue
                reported.append((s, e))
                yield self.hit(block, s, e, {"language": self.languages[code]})
