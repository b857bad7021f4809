"""language: sentences, parentheses and quotations left untranslated.

Machine translation sometimes passes a sentence through untouched, and an
editor pasting from the source leaves a parenthesis or a quote in the original
language. Those fragments are found with an offline language identifier
(py3langid, whose model ships inside its wheel: no network, no download).

Identification is not cheap, so it never runs on ordinary English: a fragment
is a candidate only when it has enough words, few of the article language's
function words and at least two function words of a listed language (or
Cyrillic/Greek words, mostly lower-case, so not a name); words both languages
use ("no", "a" in Spanish) count for neither. Names, single words and short
quoted titles or slogans never get that far; a quotation just after a title
word in the same sentence ("the film", "the newspaper") or followed by a
translation in parentheses is left alone.

A candidate is reported when the identifier is sure of a listed language
(`confidence`), or, when it has no function word of the article language at
all, when the identifier leaves the article language little probability
(`article_probability`): related languages share the rest (ru, bg and uk for a
Russian sentence), so the top one alone may never look sure.
"""
from __future__ import annotations

import re
import unicodedata

import regex
from ahocorasick_rs import BytesAhoCorasick

from ..chars import WORD_MARKS, Chars, blanked, characters_outside_ascii, non_ascii
from ..errors import PackError
from ..lazyre import compile_lazily
from .base import Rule
from .fields import Field

_WORD = compile_lazily(r"[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*")
_OTHER_SCRIPT = compile_lazily(r"[\p{Cyrillic}\p{Greek}]")
_ACCENTED = compile_lazily(r"[^\x00-\x7f\P{L}]|\p{M}")  # a non-ASCII letter or a combining mark
# The same, narrowed for a fast first look at a whole block with the standard library's engine: Greek and
# Cyrillic (with their extensions), and accented Latin letters or combining diacritics.
_FAST_OTHER_SCRIPT = re.compile("[\u0370-\u03ff\u0400-\u052f\u1c80-\u1c8f\u1f00-\u1fff\u2de0-\u2dff\ua640-\ua69f]")
_FAST_LATIN_ACCENT = re.compile("[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff\u0300-\u036f]")
# The same two tests of a whole block, from the characters outside ASCII it holds (`lint.chars.non_ascii`).
_OTHER_SCRIPT_CHARS, _LATIN_ACCENT_CHARS = Chars(_FAST_OTHER_SCRIPT), Chars(_FAST_LATIN_ACCENT)
# A run of Cyrillic or Greek words (a fragment even where the sentence splitter sees none).
_RUN = compile_lazily(r"[\p{Cyrillic}\p{Greek}][\p{L}\p{M}'’]*(?:[ ,;:–—-]+[\p{Cyrillic}\p{Greek}][\p{L}\p{M}'’]*)+[.!?…]?")
_PARENTHESIS = compile_lazily(r"\(([^()\n]{2,400})\)")
_SENTENCE_END = compile_lazily(r"(?r)[.!?…][\"'”’»)\]]*\s")
_BEFORE = ("", "(", "“", "«", "„", '"', "'", "‘")
_AFTER = ("", ",", ".", ";", ":", ")", "”", "»", "“", "!", "?", '"', "'", "’")
_EDGE = " \t\n\u00a0\"'“”„«»‹›‘’‚「」『』,;:—–-"

_IDENTIFIERS: dict[tuple[str, ...] | None, object] = {}


def model():
    """py3langid's identifier over all its languages (a source's language is detected with it), loaded once."""
    return identifier(None)


def identifier(languages: tuple[str, ...] | None):
    """A py3langid identifier restricted to `languages` (None: all of them), loaded once per set of languages."""
    found = _IDENTIFIERS.get(languages)
    if found is None:
        from ..langid_model import load_identifier

        found = _IDENTIFIERS[languages] = load_identifier(languages)
    return found


_IS_ACCENTED: dict[str, bool] = {}  # character -> whether _ACCENTED matches it


def _lower_accented(text: str, chars: frozenset[str], evidence: int) -> bool:
    """Whether `evidence` and the lower-case words of `text` with a letter of _ACCENTED make two; `chars`: the
    characters of `text` outside ASCII. From each such letter back to its word's start (white space is no letter
    or mark, so the word is the one its token holds), instead of a regex over every token outside ASCII."""
    starts = set()
    for c in chars:
        accented = _IS_ACCENTED.get(c)
        if accented is None:
            accented = _IS_ACCENTED[c] = _ACCENTED.match(c) is not None
        if not accented:
            continue
        at = text.find(c)
        while at != -1:
            i = at
            while i and (text[i - 1].isalpha() or unicodedata.category(text[i - 1])[0] == "M"):
                i -= 1
            if text[i].islower():
                starts.add(i)
                if evidence + len(starts) >= 2:
                    return True
            at = text.find(c, at + 1)
    return evidence + len(starts) >= 2


class Language(Rule):
    kind = "language"
    FIELDS = (
        Field("languages", "pairs", "mapping of language code -> name: text identified as one of these is reported",
              required=True),
        Field("article_language", "text", "the code of the language the article is written in", "en"),
        Field("function_words", "mapping", "mapping of language code -> its common short words, for the cheap "
              "pre-filter (the article language's too)", required=True),
        Field("min_words", "mapping", "{sentence: n, parenthesis: n, quotation: n}: the fewest words a fragment of "
              "each kind needs (default 4, 3, 5)", dict),
        Field("confidence", "number", "the identifier's least probability for the language it finds, for a report",
              0.9, minimum=0.01, maximum=1),
        Field("article_probability", "number", "the most probability the identifier may leave to the article "
              "language when a fragment has none of its function words, for a report whatever the top language's "
              "own", 0.15, minimum=0.0001, maximum=1),
        Field("title_words", "strings", "words that, just before a quotation, make it a title or a name (film, "
              "newspaper, titled)", list),
    )
    DEFAULT_MESSAGE = "Untranslated {language} text in an English article: '{match}'."

    def __init__(self, *args) -> None:
        super().__init__(*args)
        if not self.languages:
            self.fail("needs 'languages': a mapping of language code -> name", "languages")
        self.article = self.article_language
        codes = list(self.languages) + [self.article]
        if not all(regex.fullmatch(r"[a-z]{2,3}", c) for c in codes):
            self.fail("language codes are two or three lower-case letters (ISO 639)", "languages")
        self.codes = tuple(sorted(set(codes)))
        words = self.function_words
        if self.article not in words:
            self.fail(f"needs 'function_words': a mapping of language code -> words, including '{self.article}'", "function_words")
        self.english = {w.lower() for w in self.strings_of(words[self.article], "function_words")}
        self.foreign = set()
        for code, listed in words.items():
            if str(code) != self.article:
                self.foreign.update(w.lower() for w in self.strings_of(listed, "function_words"))
        # Words both languages use ("no", "a" in English and Spanish) are evidence of neither.
        self.neutral = self.english & self.foreign
        self.english -= self.neutral
        self.foreign -= self.neutral
        # the same words as a plain split() leaves them next to punctuation, for the cheap test
        self.foreign_tokens = {p + w + q for w in self.foreign for p in _BEFORE for q in _AFTER}
        minimum = self.min_words
        if set(minimum) - {"sentence", "parenthesis", "quotation"}:
            self.fail("'min_words' must map sentence, parenthesis and/or quotation to a number", "min_words")
        self.min_words = {"sentence": 4, "parenthesis": 3, "quotation": 5}
        for key, value in minimum.items():
            if not isinstance(value, int) or isinstance(value, bool) or value < 2:
                self.fail(f"'min_words' for {key} must be a whole number of at least 2", "min_words")
            self.min_words[key] = value
        self.title_words = {w.lower() for w in self.title_words}

    # -- the cheap pre-filter ---------------------------------------------------
    def __getstate__(self) -> dict:
        # (the pack cache keeps rules) tens of thousands of tokens unpickle several times faster as one string
        state = dict(self.__dict__)
        state.pop("_gate_automaton", None)  # (an automaton cannot be pickled: built again when first needed)
        tokens = state.get("foreign_tokens")
        if isinstance(tokens, set) and not any("\0" in t for t in tokens):
            state["foreign_tokens"] = ("\0".join(tokens),)
        return state

    def __setstate__(self, state: dict) -> None:
        tokens = state.get("foreign_tokens")
        if isinstance(tokens, tuple):  # made a set again when first needed (a run served by the content cache never does)
            state["_foreign_joined"] = state.pop("foreign_tokens")[0]
        self.__dict__.update(state)

    def __getattr__(self, name: str):
        if name == "foreign_tokens" and "_foreign_joined" in self.__dict__:
            joined = self.__dict__.pop("_foreign_joined")
            self.foreign_tokens = set(joined.split("\0")) if joined else set()
            return self.foreign_tokens
        raise AttributeError(name)

    def candidate(self, text: str, kind: str) -> int | None:
        """None when `text` is no candidate; else how many of the article language's function words it has."""
        words = _WORD.findall(text)
        if len(words) < self.min_words[kind]:
            return None
        lower = [w for w in words if w[0].islower()]
        if len(lower) < 2:  # names and titles are capitalised
            return None
        lowered = list(map(str.lower, words))
        # (Cyrillic, Greek and accented letters are all outside ASCII: only such words need a regex)
        outside = [] if text.isascii() else [w for w in lower if not w.isascii()]
        if sum(1 for w in outside if _OTHER_SCRIPT.search(w)) >= 2:
            return sum(map(self.english.__contains__, lowered))
        # evidence of another language: its function words, lower-case words with diacritics
        foreign = sum(map(self.foreign.__contains__, lowered)) + sum(1 for w in outside if _ACCENTED.search(w))
        if foreign < 2:
            return None
        # an English sentence quoting foreign names or dishes keeps its frame: "The café on Rue de la Paix serves
        # crème brûlée and pâté" has three English function words in thirteen
        english = sum(map(self.english.__contains__, lowered))
        return english if english * 6 <= len(words) else None

    def _gate(self):
        """An automaton of the foreign words as whole words of `lint.chars.blank`'s view, marks and all: a
        `foreign_tokens` token is such a word there (its marks before and after blanked, but "'" and "’"),
        so it counts at least the tokens `foreign_tokens` does. None: a word that view would cut in two."""
        gate = self.__dict__.get("_gate_automaton", False)
        if gate is False:
            gate = None
            if not any(c in WORD_MARKS or c.isspace() for w in self.foreign for c in w):
                before = {"" if p in WORD_MARKS else p for p in _BEFORE}
                after = {"" if q in WORD_MARKS else q for q in _AFTER}
                words = {p + w + q for w in self.foreign for p in before for q in after}
                gate = BytesAhoCorasick([f" {w} ".encode() for w in sorted(words)])
            self._gate_automaton = gate
        return gate

    def _worth_a_look(self, window: str, blanked: bytes | None = None, chars: frozenset[str] | None = None) -> bool:
        """Cheap test of a whole block: could any fragment of it be a candidate? (Runs on every block of every
        article, so it works on whitespace-split tokens with C-level set look-ups and stdlib character classes.)
        A whole block comes with `lint.chars.blanked` of its text and its characters outside ASCII: its foreign
        words are then counted by one automaton pass, at least as many as its tokens hold."""
        # (lower-casing the whole window lower-cases each token alike: no white space is case-ignorable, so the
        # one context-dependent lower case, a final sigma, never looks across a token's edge)
        if blanked is not None and self._gate() is not None:
            evidence = len(self._gate().find_matches_as_indexes(b" " + blanked + b" ", overlapping=True))
        else:
            tokens = window.lower().split()
            foreign = self.foreign_tokens
            evidence = 0 if foreign.isdisjoint(tokens) else sum(map(foreign.__contains__, tokens))
        if evidence < 2 and not window.isascii():
            if _OTHER_SCRIPT_CHARS.holds(chars) if chars is not None else _FAST_OTHER_SCRIPT.search(window):
                return True
            if _LATIN_ACCENT_CHARS.holds(chars) if chars is not None else _FAST_LATIN_ACCENT.search(window):
                # lower-case words with an accented letter: rare in English ("café"), common in French or Czech
                return _lower_accented(window, chars if chars is not None else characters_outside_ascii(window), evidence)
        return evidence >= 2

    def warm(self) -> None:
        # (the gate is built here once, not in every forked worker. Not `foreign_tokens`, 57,000 strings: only a
        # window narrower than a block needs them, which most runs never see. Nor the model: it loads, memory-
        # mapped, only in a worker whose articles have a candidate fragment)
        self._gate()

    def identify(self, text: str, article_words: int = 1) -> str | None:
        """The listed language `text` is in, or None (the article language, or unsure). `article_words`: how many
        function words of the article language it has."""
        try:
            ident = identifier(self.codes)
        except ValueError as exc:
            raise PackError(f"rule {self.id}: {exc}", self.path, self.spec.line_of("languages")) from None
        ranked = ident.rank(text)
        code, top = ranked[0]
        if code == self.article or code not in self.languages or top <= 0.0:  # 0: no feature known at all
            return None
        if top >= self.confidence:
            return code
        # The probability is split between related languages (ru, bg and uk for a Russian sentence, es and pt),
        # so the top one alone may never look sure: a fragment without a single function word of the article
        # language is decided by how little is left for the article language. (With some, an English sentence
        # quoting names or dishes, "the menu offered jamón ibérico and pan con tomate", the top one must be sure.)
        if article_words == 0 and next((p for c, p in ranked if c == self.article), 0.0) <= self.article_probability:
            return code
        return None

    # -- fragments --------------------------------------------------------------
    def _fragments(self, block, start: int, end: int):
        """(kind, start, end, holes): the sentences of the window (with their quotations and parentheses as
        holes), the quotations (with their parentheses as holes) and parentheses themselves, and runs of
        Cyrillic or Greek words."""
        text = block.text
        inner = []
        for qs, qe in block.quotations():
            if start <= qs and qe <= end:
                inner.append(("quotation", qs, qe))
        quoted = []  # parentheses inside a quotation: judged on their own, but no hole of a sentence (the quote is)
        for m in _PARENTHESIS.finditer(text, start, end):
            if any(s <= m.start() < e for _, s, e in inner):
                quoted.append(("parenthesis", m.start(1), m.end(1)))
            else:
                inner.append(("parenthesis", m.start(1), m.end(1)))
        for ss, se in block.sentences():
            if start <= ss and se <= end:
                yield "sentence", ss, se, [(s, e) for _, s, e in inner if ss <= s and e <= se]
        for kind, s, e in inner:
            yield kind, s, e, [(ps, pe) for _, ps, pe in quoted if s <= ps and pe <= e] if kind == "quotation" else []
        for kind, s, e in quoted:
            yield kind, s, e, []
        if _OTHER_SCRIPT.search(text, start, end):
            for m in _RUN.finditer(text, start, end):
                yield "sentence", m.start(), m.end(), []

    def _is_title(self, text: str, start: int, end: int) -> bool:
        window = text[max(0, start - 40) : start]
        cut = _SENTENCE_END.search(window)  # "... of daily life. “Nous ...”": the word before is another sentence's
        before = _WORD.findall(window[cut.end() if cut else 0 :])[-2:]
        if any(w.lower() in self.title_words for w in before):
            return True
        return bool(regex.match(r"[\s,]*\(", text[end : end + 5]))  # a translation follows

    def hits(self, doc):
        for block, start, end in doc.units(self.scope):
            text = block.text
            if start == 0 and end == len(text):
                if not self._worth_a_look(text, blanked(block), non_ascii(block)):
                    continue
            elif not self._worth_a_look(text[start:end]):
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
                article_words = self.candidate(fragment, kind)
                if article_words is None:
                    continue
                if kind == "quotation" and self._is_title(text, s, e):
                    continue
                code = self.identify(fragment, article_words)
                if code is None or self.excepted(block, s, e):
                    continue
                reported.append((s, e))
                yield self.hit(block, s, e, {"language": self.languages[code]})
