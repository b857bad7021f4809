"""`mtlint init`: a commented starter `.mtlint.yaml` listing the packs and rules available."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (lint.cli imports this module: the packs, and the rule kinds, load only when used)
    from .packs import Pack

HEADER = """\
# mtlint configuration (see the README, "Configuration").
# mtlint uses the nearest .mtlint.yaml walking up from each article; settings
# given on the command line (--pack, --enable, --disable, --fail-on) win.

# Which packs run. Without this line: every pack marked default, and every pack
# that pack_paths adds. With it, only the packs it lists (add yours to it).
# packs: [{packs}]

# Extra pack folders (a pack folder or a folder of packs), relative to this file.
# Uncomment to run your own pack beside the built-in ones:
# pack_paths: [style/our-pack]

# Per rule or per pack: off, on, error, warning or suggestion.
# A rule's own setting beats its pack's. The rules available, at their default level:
rules:
{rules}

# Files not to lint: glob patterns relative to this file (or a file name).
exclude: []
#  - "archive/**"
#  - "*.draft.md"

# The lowest level that fails a run (exit code 1): error, warning, suggestion or never.
# Suggestions alone never fail a run at the default, warning.
fail_on: warning
"""


def starter_config(packs: dict[str, Pack]) -> str:
    """The text of a starter configuration for these packs (every rule line commented out)."""
    import regex

    default = [name for name, pack in packs.items() if pack.default]
    rule_lines = []
    for name, pack in packs.items():
        summary = regex.split(r"[.:](?:\s|$)", " ".join(pack.description.split()), maxsplit=1)[0]
        rule_lines.append(f"  # {name}: {'on' if pack.default else 'off'}{'   # ' + summary if summary else ''}")
        for rule in pack.rules:
            level = rule.level if rule.enabled else "off"
            rule_lines.append(f"  # {rule.id}: {level}")
    return HEADER.format(packs=", ".join(default), rules="\n".join(rule_lines))
