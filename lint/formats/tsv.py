"""Two-column TSV segment exports (source <TAB> target): see `segments`."""
from __future__ import annotations

from .segments import parse_tsv as parse

NAME = "tsv"


def fix_replacement(doc, start: int, end: int, plain: str, replacement: str) -> str | None:
    """A cell's text is written as is: a span holding exactly what the rule saw, a fix with no tab or line break."""
    if doc.text[start:end] != plain or any(c in replacement for c in "\t\r\n"):
        return None
    return replacement


__all__ = ["NAME", "fix_replacement", "parse"]
