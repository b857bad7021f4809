"""Where the built-in packs are (asked by the content cache's key, which must not load the rule kinds)."""
from __future__ import annotations

import os


def builtin_packs_dir() -> str:
    """Where the built-in packs are: inside the installed package, or `rules/` in a checkout."""
    here = os.path.dirname(os.path.abspath(__file__))
    installed = os.path.join(here, "builtin_packs")
    return installed if os.path.isdir(installed) else os.path.join(os.path.dirname(here), "rules")
