"""source: bilingual checks of a translation against its source (inert without one).

The rule names one check of `lint.bilingual.checks` (terminology, glossary,
numbers, names, diacritics, entities, omission, paragraphs, untranslated,
quotations, negation); its settings tune it. Examples are bilingual: the source,
a line `=>`, then the translation.
"""
from __future__ import annotations

from ..bilingual import CHECK_NAMES
from ..candidates import Attribute
from .base import Rule
from .fields import Field

EXAMPLE_SEPARATOR = "\n=>\n"
_NEEDS_SOURCE = Attribute("source")


class Source(Rule):
    kind = "source"
    FIELDS = (
        Field("check", "text", "which bilingual check: " + ", ".join(CHECK_NAMES), required=True, choices=CHECK_NAMES),
        Field("raise", "strings", "terminology: the rules whose finds become errors when the source does not use "
              "the outdated form", list),
        Field("builtin_termbase", "bool", "glossary: also use the built-in Ukrainian termbase for Ukrainian sources", True),
        Field("min_value", "number", "numbers: the smallest source number checked", 0),
        Field("min_length", "int", "names: the fewest letters a name needs to be checked", 2),
        Field("entities", "strings", "entities: which kinds (url, email, handle, hashtag, placeholder, tag)",
              lambda: ["url", "email", "handle", "hashtag", "placeholder", "tag"]),
        Field("min_chars", "number", "omission/untranslated: the shortest expected span that counts", 40),
        Field("max_ratio", "number", "omission: a translation shorter than this share of its expected length is "
              "reported", 0.3),
        Field("max_group_ratio", "number", "omission: several source sentences aligned with one target sentence "
              "shorter than this share of their expected length are reported", 0.5),
        Field("min_words", "int", "untranslated/quotations: the fewest words that count", 3),
        Field("allow", "strings", "diacritics: English names that drop the source's diacritics (Paris for París, "
              "Quebec for Québec)", list),
        Field("english_names", "pairs", "cyrillic_names: a Cyrillic stem -> the English words its name takes, "
              "separated by | (Москв: Moscow; Німеччин: Germany|German)", dict),
        Field("source_lang", "text", "examples: the source language of the examples (else detected)"),
        Field("example_glossary", "text", "examples: a termbase file (in the pack folder) the rule's examples are "
              "checked with"),
    )

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.raised = tuple(getattr(self, "raise"))
        self.entity_kinds = tuple(self.entities)
        self.allowed = frozenset(self.allow)
        self.english = tuple((stem.lower(), tuple(w.lower() for w in words.split("|")))
                             for stem, words in sorted(self.english_names.items(), key=lambda kv: -len(kv[0])))
        self.example_lang = self.source_lang
        self._raised_rules = None
        self._in_example = False

    def raised_rules(self):
        """The rules named in `raise`, loaded from the built-in packs."""
        if self._raised_rules is None:
            from ..packs import builtin_packs_dir, load_packs

            rules = {r.id: r for p in load_packs((builtin_packs_dir(),)).values() for r in p.rules}
            missing = [r for r in self.raised if r not in rules]
            if missing:
                self.fail(f"'raise' names an unknown built-in rule '{missing[0]}'", "raise")
            self._raised_rules = tuple(rules[r] for r in self.raised)  # a tuple: the candidate plan is cached by it
        return self._raised_rules

    def example_glossaries(self) -> list:
        """The termbase of the rule's examples, only while they are checked (never in a real run)."""
        if not self._in_example or not self.example_glossary:
            return []
        import os

        from ..bilingual.glossary import load

        return [load(os.path.join(self.pack_dir, str(self.example_glossary)))]

    def trigger(self):
        return _NEEDS_SOURCE  # (`hits` finds nothing in a document without one)

    def hits(self, doc):
        ctx = getattr(doc, "source", None)
        if ctx is None:
            return
        from ..bilingual.checks import CHECKS  # compiled only when a document has a source

        for block, start, end, values, suggestions in CHECKS[self.check](ctx, self):
            if not self.excepted(block, start, end):
                hit = self.hit(block, start, end, values, suggestions)
                hit.source = values.get("source")
                yield hit

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
