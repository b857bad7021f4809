"""JSONL segment exports ({"source": ..., "target": ...} per line): see `segments`."""
from __future__ import annotations

import json

from .segments import parse_jsonl as parse

NAME = "jsonl"


def fix_replacement(doc, start: int, end: int, plain: str, replacement: str) -> str | None:
    """Inside a JSON string: a span without escapes, and the fix escaped as JSON writes it."""
    if doc.text[start:end] != plain:
        return None
    return json.dumps(replacement, ensure_ascii=False)[1:-1]


__all__ = ["NAME", "fix_replacement", "parse"]
