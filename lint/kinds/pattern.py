"""pattern: one regex whose named captures fill the message and, optionally, a fix."""
from __future__ import annotations

import regex

from ..textutil import render
from .base import Rule


class Pattern(Rule):
    kind = "pattern"
    FIELDS = {
        "pattern": "the regex; named groups are available in message and replace as {name}",
        "replace": "replacement template ({name} for groups) offered as the suggestion",
        "multiline": "^ and $ match at line breaks inside a block",
    }

    def __init__(self, *args) -> None:
        super().__init__(*args)
        if not isinstance(self.get("pattern"), str):
            self.fail("needs 'pattern' (a regex string)", "pattern")
        self.pattern = self.compile(self.get("pattern"), "pattern", regex.MULTILINE if self.flag("multiline", False) else 0)
        self.replace = self.get("replace")

    def hits(self, doc):
        for block, start, end in doc.units(self.scope):
            for m in self.finditer(self.pattern, block.text, start, end):
                if m.end() == m.start() or self.excepted(block, m.start(), m.end()):
                    continue
                values = {k: v or "" for k, v in m.groupdict().items()}
                suggestion = render(self.replace, values) if self.replace is not None else None
                yield self.hit(block, m.start(), m.end(), values, [suggestion])
