"""grammar: LanguageTool's matches on the article's plain text, as findings `<pack>.<LT rule id>`.

The kind is thin: it hands the blocks' plain text (no markup) to the run's LanguageTool
session (lint/grammar/) and turns each match, already in a block's code points, into a hit
the engine maps to the original file. Which LanguageTool rules run, and at which level, is
the pack's data (tuned by bench/grammar_eval.py) plus the user's `languagetool:` settings.
LanguageTool's replacements are suggestions, never applied by --fix: they change wording.
"""
from __future__ import annotations

from ..errors import GrammarUnavailable
from ..textutil import render
from .base import LEVELS, Hit, Rule
from .fields import Field


class Grammar(Rule):
    kind = "grammar"
    FIELDS = (
        Field("disabled_rules", "strings", "LanguageTool rule ids not run (the configuration's "
              "languagetool.enabled_rules turns them back on)", list),
        Field("disabled_categories", "strings", "LanguageTool category ids not run", list),
        Field("levels", "mapping", "LanguageTool issue type (grammar, misspelling, style, ...) -> level or off; "
              "'default' for the rest", dict),
        Field("rule_levels", "mapping", "LanguageTool rule id -> level or off (beats `levels`)", dict),
    )
    DEFAULT_MESSAGE = "{message}"
    RELAYS_IDS = True  # findings are <pack>.<LanguageTool rule id>: those are names users may give too

    def __init__(self, rule_id, spec, pack_dir) -> None:
        super().__init__(rule_id, spec, pack_dir)
        self.disabled_rules = tuple(self.disabled_rules)
        self.disabled_categories = tuple(self.disabled_categories)
        self.levels = self._level_map("levels")
        self.rule_levels = self._level_map("rule_levels")

    def _level_map(self, key: str) -> dict[str, str]:
        value = {str(k): "off" if v is False else v for k, v in getattr(self, key).items()}
        if not all(v in LEVELS + ("off",) for v in value.values()):
            self.fail(f"'{key}' must map names to a level ({', '.join(LEVELS)}) or off", key)
        return value

    def params(self):
        from .. import grammar  # (the checker's package loads when a grammar rule runs, not with the packs)
        from ..grammar.session import RuleParams

        current = grammar.settings()
        return RuleParams(current.enabled_rules, self.disabled_rules + current.disabled_rules,
                          current.enabled_categories, self.disabled_categories + current.disabled_categories)

    def judge(self, m, text: str) -> str | None:
        """The level of LanguageTool match `m` on paragraph `text`, or None when the pack drops it."""
        from .. import grammar

        chosen = grammar.settings()
        named = m.rule in chosen.enabled_rules or m.category in chosen.enabled_categories
        if m.rule in self.disabled_rules or m.category in self.disabled_categories:
            if not named:
                return None
        level = self.rule_levels.get(m.rule) or self.levels.get(m.issue_type) or self.levels.get("default") or self.level
        if level == "off":  # measured to misfire; the configuration can still name it
            return self.level if named else None
        return level

    def hits(self, doc):
        units = [(block, start, end) for block, start, end in doc.units(self.scope) if block.text[start:end].strip()]
        if not units:
            return
        from .. import grammar  # its HTTP client and LanguageTool session load only when a grammar rule runs

        results = grammar.session_for(self.params()).check([block.text[start:end] for block, start, end in units])
        if results is None:  # the session failed earlier in this run: this file's grammar is missing too
            raise GrammarUnavailable(grammar.session_for(self.params()).failure)
        for (block, offset, stop), matches in zip(units, results):
            for m in matches:
                start, end = offset + m.start, offset + m.end
                level = self.judge(m, block.text[offset:stop])
                if level is None or end <= start or self.excepted(block, start, end):
                    continue
                values = {"message": m.message, "match": block.text[start:end], "category": m.category,
                          "lt_rule": m.rule, "suggestion": m.replacements[0] if m.replacements else ""}
                # LanguageTool's replacements change wording: fixes only with --unsafe-fixes.
                yield Hit(block, start, end, render(self.message, values), list(m.replacements),
                          bool(m.replacements), "unsafe", rule=f"{self.pack}.{m.rule}", level=level)
