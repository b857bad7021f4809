"""pattern: one regex whose named captures fill the message and, optionally, a fix."""
from __future__ import annotations

import regex

from ..textutil import render
from ..triggers import derive
from .base import Rule
from .fields import Field


class Pattern(Rule):
    kind = "pattern"
    FIELDS = (
        Field("pattern", "text", "the regex; named groups are available in message and replace as {name}", required=True),
        Field("replace", "text", "replacement template ({name} for groups) offered as the suggestion"),
        Field("multiline", "bool", "^ and $ match at line breaks inside a block", False),
    )

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.pattern = self.compile(self.pattern, "pattern", regex.MULTILINE if self.multiline else 0)

    def trigger(self):
        strings = derive(self.pattern.pattern, self.pattern.flags)
        return None if strings is None else (strings, False)

    def hits(self, doc):
        for block, start, end in doc.units(self.scope):
            for m in self.finditer(self.pattern, block.text, start, end):
                if m.end() == m.start() or self.excepted(block, m.start(), m.end()):
                    continue
                values = {k: v or "" for k, v in m.groupdict().items()}
                suggestion = render(self.replace, values) if self.replace is not None else None
                yield self.hit(block, m.start(), m.end(), values, [suggestion])
