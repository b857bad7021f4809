"""Rule kinds: one module per kind, looked up by the name a pack's YAML gives.

Third-party kinds plug in through the `mtlint.kinds` entry-point group: the entry
point's name is the kind name and its object a `Rule` subclass.
"""
from __future__ import annotations

import sys

from .base import COMMON_FIELDS, Rule
from .consistency import Consistency
from .existence import Existence
from .grammar import Grammar
from .language import Language
from .mojibake import Mojibake
from .pattern import Pattern
from .quotation import Quotation
from .repetition import Repetition
from .script import Script
from .source import Source
from .substitution import Substitution
from .suppression import Suppression

KINDS: dict[str, type[Rule]] = {
    cls.kind: cls
    for cls in (Existence, Substitution, Consistency, Pattern, Quotation, Repetition, Script, Language, Mojibake,
                Suppression, Grammar, Source)
}
_plugins_loaded = False


def kind_class(name: str) -> type[Rule] | None:
    """The Rule class for kind `name`, loading entry-point plugins on first miss."""
    global _plugins_loaded
    if name not in KINDS and not _plugins_loaded:
        _plugins_loaded = True
        from importlib.metadata import entry_points  # slow to import: only when a pack names an unknown kind

        for ep in entry_points(group="mtlint.kinds"):
            cls = ep.load()
            if isinstance(cls, type) and issubclass(cls, Rule):
                KINDS.setdefault(ep.name, cls)
    return KINDS.get(name)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _type_and_default(f) -> str:
    if f.required:
        return f"{f.type_label}, required"
    return f.type_label if f.default_label == "—" else f"{f.type_label}, default {f.default_label}"


def kinds_table() -> str:
    """The README's table of rule kinds, generated from each kind's declared fields and module docstring."""
    rows = ["| kind | what it reports | its own fields |", "|---|---|---|"]
    for name, cls in KINDS.items():
        doc = (sys.modules[cls.__module__].__doc__ or "").strip().split("\n\n")[0]
        summary = doc.split(": ", 1)[1] if doc.startswith(f"{name}:") else doc
        fields = "<br>".join(f"`{f.name}` ({_type_and_default(f)}): {f.doc}" for f in cls.FIELDS)
        rows.append(f"| `{name}` | {_cell(summary)} | {_cell(fields) or '(none)'} |")
    rows += ["", "Fields every rule takes:", "", "| field | type | default | what it is |", "|---|---|---|---|"]
    rows += [f"| `{f.name}` | {_cell(f.type_label)} | {_cell(f.default_label)} | {_cell(f.doc)} |" for f in COMMON_FIELDS]
    return "\n".join(rows) + "\n"
