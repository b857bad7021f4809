"""Inline suppression comments, shared by every input format.

`<!-- mtlint-disable RULE[, RULE] -->`, `<!-- mtlint-enable [RULE] -->` and
`<!-- mtlint-disable-next-line RULE -->` work in plain text, Markdown and HTML.
"""
from __future__ import annotations

import regex

from ..document import Directive

DIRECTIVE = regex.compile(r"<!--\s*mtlint-(disable-next-line|disable|enable)\b([^>]*?)\s*-->")


def find_directives(text: str, base: int = 0) -> list[Directive]:
    """Directives in `text`, whose first character is at original offset `base`."""
    found = []
    for m in DIRECTIVE.finditer(text):
        names = tuple(r for r in regex.split(r"[\s,]+", m.group(2).strip()) if r) or ("all",)
        found.append(Directive(m.group(1), names, base + m.start(), base + m.end()))
    return found
