"""Paths as CI services and SARIF consumers want them."""
from __future__ import annotations

import os


def repo_path(path: str) -> str:
    """`path` relative to the working folder when it is inside it, with '/' separators."""
    if os.path.isabs(path):
        rel = os.path.relpath(path)
        if not rel.startswith(".."):
            path = rel
    return path.replace(os.sep, "/")
