"""source: bilingual checks of a translation against its source (inert without one).

The rule names one check of `lint.bilingual.checks` (terminology, glossary,
numbers, names, diacritics, entities, omission, paragraphs, untranslated,
quotations, negation); its settings tune it. Examples are bilingual: the source,
a line `=>`, then the translation.
"""
from __future__ import annotations

from ..bilingual.checks import CHECKS
from .base import Rule

EXAMPLE_SEPARATOR = "\n=>\n"


class Source(Rule):
    kind = "source"
    FIELDS = {
        "check": "which bilingual check: " + ", ".join(CHECKS),
        "raise": "terminology: the rules whose finds become errors when the source does not use the outdated form",
        "builtin_termbase": "glossary: also use the built-in Ukrainian termbase for Ukrainian sources (default true)",
        "min_value": "numbers: the smallest source number checked (default 0)",
        "min_length": "names: the fewest letters a name needs to be checked (default 2)",
        "entities": "entities: which kinds (url, email, handle, hashtag, placeholder, tag)",
        "min_chars": "omission/untranslated: the shortest expected span that counts",
        "max_ratio": "omission: a translation shorter than this share of its expected length is reported",
        "min_words": "untranslated/quotations: the fewest words that count",
        "source_lang": "examples: the source language of the examples (else detected)",
        "example_glossary": "examples: a termbase file (in the pack folder) the rule's examples are checked with",
    }

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.check = self.get("check")
        if self.check not in CHECKS:
            self.fail(f"'check' must be one of {', '.join(CHECKS)}, not {self.check!r}", "check")
        self.raised = tuple(self.strings(self.get("raise", []) or [], "raise"))
        self.builtin_termbase = self.flag("builtin_termbase", True)
        self.min_value = self._number("min_value", 0)
        self.min_length = int(self._number("min_length", 2))
        self.entity_kinds = tuple(self.strings(self.get("entities", ["url", "email", "handle", "hashtag", "placeholder", "tag"]), "entities"))
        self.min_chars = self._number("min_chars", 40)
        self.max_ratio = self._number("max_ratio", 0.3)
        self.min_words = int(self._number("min_words", 3))
        self.example_lang = self.get("source_lang")
        self._raised_rules = None
        self.example_glossary = self.get("example_glossary")
        self._in_example = False

    def _number(self, key: str, default: float) -> float:
        value = self.get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(f"'{key}' must be a number, not {value!r}", key)
        return value

    def raised_rules(self):
        """The rules named in `raise`, loaded from the built-in packs."""
        if self._raised_rules is None:
            from ..packs import builtin_packs_dir, load_packs

            rules = {r.id: r for p in load_packs((builtin_packs_dir(),)).values() for r in p.rules}
            missing = [r for r in self.raised if r not in rules]
            if missing:
                self.fail(f"'raise' names an unknown built-in rule '{missing[0]}'", "raise")
            self._raised_rules = [rules[r] for r in self.raised]
        return self._raised_rules

    def example_glossaries(self) -> list:
        """The termbase of the rule's examples, only while they are checked (never in a real run)."""
        if not self._in_example or not self.example_glossary:
            return []
        import os

        from ..bilingual.glossary import load

        return [load(os.path.join(self.pack_dir, str(self.example_glossary)))]

    def hits(self, doc):
        ctx = getattr(doc, "source", None)
        if ctx is None:
            return
        for block, start, end, values, suggestions in CHECKS[self.check](ctx, self):
            if not self.excepted(block, start, end):
                yield self.hit(block, start, end, values, suggestions)

    def example_document(self, text: str):
        """An example 'SOURCE\\n=>\\nTARGET' as a target document with its source attached."""
        from ..bilingual.context import BilingualContext
        from ..formats import plaintext

        source, _, target = text.partition(EXAMPLE_SEPARATOR)
        doc = plaintext.parse("<example>", target or source)
        BilingualContext([b.text for b in plaintext.parse("<source>", source).blocks], "<source>",
                         self.example_lang).attach(doc)
        self._in_example = True  # examples run one after another, in this process: the flag is theirs
        return doc
