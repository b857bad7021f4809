"""existence: report any occurrence of listed phrases or regexes."""
from __future__ import annotations

from ..textutil import Trie
from ..triggers import derive
from .base import Rule
from .fields import Field


class Existence(Rule):
    kind = "existence"
    FIELDS = (
        Field("tokens", "strings", "literal phrases, matched as whole words", list),
        Field("patterns", "strings", "regexes, matched as written", list),
        Field("suggest", "text", "a suggestion to offer with every hit (templated)"),
    )

    def __init__(self, *args) -> None:
        super().__init__(*args)
        if not self.tokens and not self.patterns:
            self.fail("needs 'tokens' or 'patterns'")
        parts = []
        if self.tokens:
            trie = Trie()
            for token in self.tokens:
                trie.add_literal(token)
            parts.append(trie.whole_words())
        parts.extend(f"(?:{p})" for p in self.patterns)
        self.pattern = self.compile("|".join(parts), "patterns" if self.patterns else "tokens")

    def trigger(self):
        strings = derive(self.pattern.pattern, self.pattern.flags)
        return None if strings is None else (strings, False)

    def hits(self, doc):
        for block, start, end in doc.units(self.scope):
            for m in self.finditer(self.pattern, block.text, start, end):
                if m.end() > m.start() and not self.excepted(block, m.start(), m.end()):
                    values = {k: v or "" for k, v in m.groupdict().items()}
                    yield self.hit(block, m.start(), m.end(), values, [self.suggest] if self.suggest else [])
