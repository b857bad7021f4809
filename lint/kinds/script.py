"""script: words that mix writing systems, such as a Latin word with a Cyrillic letter.

"Kyіv" with a Cyrillic "і", "Mоscow" with a Cyrillic "о": text that passed
through a Ukrainian or Russian keyboard, OCR or a copy from a source document
looks right but does not match in search, spell-checking or a reader's screen
reader. A word is reported when it mixes Latin with Cyrillic or Greek letters
and the stray letters have lookalikes (`homoglyphs`, a pack's data) in the
word's own script, so the fix is certain; the reverse (a Latin lookalike in a
Cyrillic word) is reported too. A word written wholly in lookalikes of another
script ("ΝΑΤΟ" in Greek capitals) amid Latin words is reported when the article
also spells it in Latin. Plain
Cyrillic or Greek words are left to a `language` rule.
"""
from __future__ import annotations

import regex

from ..lazyre import compile_lazily
from ..chars import Chars
from .base import Rule
from .fields import Field

_SCRIPTS = ("Latin", "Cyrillic", "Greek")
_FOREIGN = regex.compile(r"[\p{Cyrillic}\p{Greek}]")
_TRIGGER = Chars(_FOREIGN)  # a block without a Cyrillic or Greek letter is skipped by the first test of `hits`
_WORD = compile_lazily(r"[\p{L}\p{M}]+")
_SCRIPT_OF = {name: regex.compile(rf"\p{{{name}}}") for name in _SCRIPTS}


def script_of(ch: str) -> str | None:
    for name, pattern in _SCRIPT_OF.items():
        if pattern.match(ch):
            return name
    return None


class Script(Rule):
    kind = "script"
    FIELDS = (
        Field("homoglyphs", "pairs", "mapping of a Cyrillic or Greek letter -> the Latin letter it looks like "
              "(both cases listed)", required=True),
    )
    DEFAULT_MESSAGE = "'{match}' contains {stray} letters that look like {target} ones: write '{suggestion}'."

    def __init__(self, *args) -> None:
        super().__init__(*args)
        table = self.homoglyphs
        if not table:
            self.fail("needs 'homoglyphs': a mapping of Cyrillic/Greek letter -> Latin letter", "homoglyphs")
        # letter -> {script: lookalike in that script}
        self.lookalike: dict[str, dict[str, str]] = {}
        for foreign, latin in table.items():
            foreign, latin = str(foreign), str(latin)
            if len(foreign) != 1 or len(latin) != 1 or script_of(foreign) not in ("Cyrillic", "Greek") or script_of(latin) != "Latin":
                self.fail(f"homoglyph '{foreign}: {latin}' must map one Cyrillic or Greek letter to one Latin letter", "homoglyphs")
            self.lookalike.setdefault(foreign, {})["Latin"] = latin
            self.lookalike.setdefault(latin, {}).setdefault(script_of(foreign), foreign)

    def _rewrite(self, word: str, target: str) -> str | None:
        out = []
        for ch in word:
            script = script_of(ch)
            if script is None or script == target:
                out.append(ch)
            elif target in self.lookalike.get(ch, {}):
                out.append(self.lookalike[ch][target])
            else:
                return None
        return "".join(out)

    def _suggest(self, word: str, scripts: dict[str, int], latin_context: bool) -> str | None:
        """The word rewritten in the one script it can be written in wholly; None if unsure."""
        options = {s: w for s in scripts if (w := self._rewrite(word, s)) is not None}
        if len(options) == 1:
            return next(iter(options.values()))
        if len(options) > 1:  # every letter has a lookalike: the majority, then the context, decides
            ranked = sorted(options, key=lambda s: (scripts[s], s == "Latin" and latin_context), reverse=True)
            return options[ranked[0]]
        return None

    @staticmethod
    def _in_article(doc, word: str) -> bool:
        words = doc.cache.get("script.words")
        if words is None:
            words = doc.cache["script.words"] = set()
            for block in doc.blocks:  # (no list of every word of a book-length file at once)
                words.update(_WORD.findall(block.text))
        return word in words

    def trigger(self):
        return _TRIGGER

    def hits(self, doc):
        for block, start, end in doc.units(self.scope):
            text = block.text
            if text.isascii() or not _FOREIGN.search(text, start, end):
                continue
            words = [(m.start(), m.end(), m.group()) for m in self.finditer(_WORD, text, start, end)]
            # a word wholly in lookalikes is a homoglyph only if no real Cyrillic or Greek is around
            lookalikes_only = all(self._rewrite(w, "Latin") is not None for _, _, w in words if _FOREIGN.search(w))
            for i, (s, e, word) in enumerate(words):
                if word.isascii() or not _FOREIGN.search(word):
                    continue
                scripts: dict[str, int] = {}
                for ch in word:
                    sc = script_of(ch)
                    if sc:
                        scripts[sc] = scripts.get(sc, 0) + 1
                neighbours = [words[j][2] for j in (i - 1, i + 1) if 0 <= j < len(words)]
                latin_context = bool(neighbours) and all(
                    not _FOREIGN.search(n) and any(script_of(c) == "Latin" for c in n) for n in neighbours
                )
                if len(scripts) > 1:
                    fixed = self._suggest(word, scripts, latin_context)
                elif latin_context and lookalikes_only and "Latin" not in scripts:
                    # wholly in lookalikes amid Latin words: a homoglyph if the article spells it in Latin too
                    fixed = self._rewrite(word, "Latin")
                    if fixed is None or not self._in_article(doc, fixed):
                        continue
                else:
                    continue
                if fixed is None or fixed == word or self.excepted(block, s, e):
                    continue
                stray = sorted({script_of(a) for a, b in zip(word, fixed) if a != b})
                target = script_of(next(b for a, b in zip(word, fixed) if a != b))
                yield self.hit(block, s, e, {"stray": " and ".join(stray), "target": target}, [fixed])
