"""existence: report any occurrence of listed phrases or regexes."""
from __future__ import annotations

from ..textutil import Trie
from .base import Rule


class Existence(Rule):
    kind = "existence"
    FIELDS = {
        "tokens": "literal phrases, matched as whole words",
        "patterns": "regexes, matched as written",
        "suggest": "a suggestion to offer with every hit (templated)",
    }

    def __init__(self, *args) -> None:
        super().__init__(*args)
        tokens = self.strings(self.get("tokens", []) or [], "tokens")
        patterns = self.strings(self.get("patterns", []) or [], "patterns")
        if not tokens and not patterns:
            self.fail("needs 'tokens' or 'patterns'")
        parts = []
        if tokens:
            trie = Trie()
            for token in tokens:
                trie.add_literal(token)
            parts.append(trie.whole_words())
        parts.extend(f"(?:{p})" for p in patterns)
        self.pattern = self.compile("|".join(parts), "patterns" if patterns else "tokens")
        self.suggest = self.get("suggest")

    def hits(self, doc):
        for block, start, end in doc.units(self.scope):
            for m in self.finditer(self.pattern, block.text, start, end):
                if m.end() > m.start() and not self.excepted(block, m.start(), m.end()):
                    values = {k: v or "" for k, v in m.groupdict().items()}
                    yield self.hit(block, m.start(), m.end(), values, [self.suggest] if self.suggest else [])
