"""The rule registry: every rule and pack a configuration can name, by id or alias.

Names come from users (config, `--pack/--enable/--disable`, inline disables,
baselines), so they are resolved in one place: a rule's former names (its
`aliases`) lead to its current id, and a name that resolves to nothing gets a
"did you mean" from the names that exist.
"""
from __future__ import annotations

from .errors import ConfigError


class Registry:
    def __init__(self, packs: dict) -> None:
        self.packs = packs
        self.rules = {rule.id: rule for pack in packs.values() for rule in pack.rules}
        self.aliases = {alias: rule.id for rule in self.rules.values() for alias in rule.aliases if alias not in self.rules}
        # Packs whose rules name their findings after another checker's rules (grammar.<LanguageTool rule>):
        # any id within them is a name a user may give.
        self.relaying = {rule.pack for rule in self.rules.values() if getattr(rule, "RELAYS_IDS", False)}

    def resolve(self, name: str) -> str | None:
        """The current rule id or pack name `name` stands for ("all" for all), or None."""
        if name == "all" or name in self.packs or name in self.rules:
            return name
        if name.split(".", 1)[0] in self.relaying and "." in name:
            return name
        return self.aliases.get(name)

    def suggestion(self, name: str) -> str:
        """' (did you mean X?)' for the closest known name, or ''."""
        import difflib  # (only a name that resolves to nothing needs it: start-up)

        known = list(self.packs) + list(self.rules) + list(self.aliases)
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        if not close:  # a rule written without its pack ("UkrainePlaces")
            close = [rid for rid in self.rules if rid.split(".", 1)[1] == name][:1]
        if not close:
            lower = {k.lower(): k for k in known}
            close = [lower[name.lower()]] if name.lower() in lower else []
        return f" (did you mean '{close[0]}'?)" if close else ""

    def require(self, name: str, where: str, path: str | None = None, line: int | None = None) -> str:
        """`name` resolved, or a ConfigError saying where it was written and what was meant."""
        found = self.resolve(name)
        if found is None:
            raise ConfigError(f"unknown rule or pack '{name}' in {where}{self.suggestion(name)}", path, line)
        return found

    def covers(self, name: str, rule_id: str) -> bool:
        """Whether `name` (a rule, an alias, a pack or "all") stands for the rule `rule_id`."""
        found = self.resolve(name)
        return found == "all" or found == rule_id or found == rule_id.split(".", 1)[0]
