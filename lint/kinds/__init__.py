"""Rule kinds: one module per kind, looked up by the name a pack's YAML gives.

Third-party kinds plug in through the `mtlint.kinds` entry-point group: the entry
point's name is the kind name and its object a `Rule` subclass.
"""
from __future__ import annotations

from importlib.metadata import entry_points

from .base import Rule
from .consistency import Consistency
from .existence import Existence
from .language import Language
from .mojibake import Mojibake
from .pattern import Pattern
from .quotation import Quotation
from .repetition import Repetition
from .script import Script
from .source import Source
from .substitution import Substitution

KINDS: dict[str, type[Rule]] = {
    cls.kind: cls
    for cls in (Existence, Substitution, Consistency, Pattern, Quotation, Repetition, Script, Language, Mojibake, Source)
}
_plugins_loaded = False


def kind_class(name: str) -> type[Rule] | None:
    """The Rule class for kind `name`, loading entry-point plugins on first miss."""
    global _plugins_loaded
    if name not in KINDS and not _plugins_loaded:
        _plugins_loaded = True
        for ep in entry_points(group="mtlint.kinds"):
            cls = ep.load()
            if isinstance(cls, type) and issubclass(cls, Rule):
                KINDS.setdefault(ep.name, cls)
    return KINDS.get(name)
