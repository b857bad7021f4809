"""Output formats: each module renders a list of results for one audience.

A formatter is `render(results, context) -> str`, where `context` carries the
documents' texts (for context lines) and presentation options.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import json_format, text

FORMATTERS = {"text": text.render, "json": json_format.render}


@dataclass
class Context:
    color: bool = False
    quiet: bool = False
    texts: dict[str, str] = field(default_factory=dict)  # path -> original text, for context lines
    rules: dict = field(default_factory=dict)  # rule id -> Rule, for metadata
    files: int = 0
