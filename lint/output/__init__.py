"""Output formats: each module renders a list of results for one audience.

A formatter is `render(results, context) -> str`, where `context` carries the
documents' texts (for context lines and content fingerprints), the rules'
metadata and presentation options.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import github, gitlab, html, json_format, sarif, text

FORMATTERS = {
    "text": text.render,
    "json": json_format.render,
    "sarif": sarif.render,
    "github": github.render,
    "gitlab": gitlab.render,
    "html": html.render,
}
# Formats that need each file's text: context lines (text), content fingerprints, the article itself (html).
NEEDS_TEXT = {"text", "sarif", "gitlab", "html"}


@dataclass
class Context:
    color: bool = False
    quiet: bool = False
    texts: dict[str, str] = field(default_factory=dict)  # path -> original text, for context lines
    rules: dict = field(default_factory=dict)  # rule id -> Rule, for metadata
    files: int = 0  # files linted
    failed: int = 0  # inputs that could not be linted (their errors are printed apart)
    applicable: frozenset = frozenset({"safe"})  # fix applicabilities this run applies (--unsafe-fixes adds "unsafe")
