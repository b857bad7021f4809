"""Output formats: each module renders a list of results for one audience.

A formatter is `render(results, context) -> str`, where `context` carries the
documents' texts (for context lines and content fingerprints), the rules'
metadata and presentation options.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field


class _Formatters(dict):
    """Format name -> its `render`; a format's module is imported when a report first needs it (start-up)."""

    def __getitem__(self, name: str):
        return importlib.import_module(f"{__name__}.{dict.__getitem__(self, name)}").render


FORMATTERS = _Formatters(text="text", json="json_format", sarif="sarif", github="github", gitlab="gitlab", html="html")
# Formats that need each file's text: context lines (text), content fingerprints, the article itself (html).
NEEDS_TEXT = {"text", "sarif", "gitlab", "html"}
NEEDS_EVERY_TEXT = {"html"}  # (the others quote only the files that have findings)


@dataclass
class Context:
    color: bool = False
    quiet: bool = False
    texts: dict[str, str] = field(default_factory=dict)  # path -> original text, for context lines
    rules: dict = field(default_factory=dict)  # rule id -> Rule, for metadata
    files: int = 0  # files linted
    failed: int = 0  # inputs that could not be linted (their errors are printed apart)
    applicable: frozenset = frozenset({"safe"})  # fix applicabilities this run applies (--unsafe-fixes adds "unsafe")
