"""suppression: findings about the inline suppression comments themselves.

Run after the other rules, once their findings have met the comments: a comment
that silenced nothing (`report: unused`, as `--report-unused-disables` asks) or
one that names a rule or pack that does not exist (`report: unknown`, with a
"did you mean"). Hits are in original offsets: a comment is not part of a block.
"""
from __future__ import annotations

from .base import Hit, Rule
from .fields import Field
from ..textutil import render


class Suppression(Rule):
    kind = "suppression"
    FIELDS = (
        Field("report", "text", "which comments to report: unused (silenced nothing) or unknown (names no rule or pack)",
              required=True, choices=("unused", "unknown")),
    )
    AFTER_SUPPRESSION = True  # the engine calls `directive_hits` once suppressions are applied

    def hits(self, doc):
        return iter(())

    def directive_hits(self, doc, unused, registry):
        """Hits on the comments of `doc` that this rule reports (`unused`: those that silenced nothing)."""
        if self.report == "unused":
            for d in unused:
                yield self._hit(doc, d, {})
            return
        if registry is None:
            return
        for d in doc.directives:
            for name in d.rules:
                if registry.resolve(name) is None:
                    yield self._hit(doc, d, {"name": name, "hint": registry.suggestion(name)})

    def _hit(self, doc, directive, values: dict) -> Hit:
        values = {"match": doc.text[directive.offset:directive.end], "suggestion": "", **values}
        return Hit(None, directive.offset, directive.end, render(self.message, values))
