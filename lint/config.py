"""Configuration: `.mtlint.yaml` or `[tool.mtlint]` in pyproject.toml, and which rules run.

The nearest configuration walking up from a file applies to it. Command-line
options (`--pack`, `--enable`, `--disable`, `--fail-on`) are applied on top.
"""
from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from typing import TYPE_CHECKING

from .builtin import builtin_packs_dir
from .errors import ConfigError
from .finding import LEVELS
from .registry import Registry
from .yamlio import LineDict, load_yaml_file

if TYPE_CHECKING:  # (the rule kinds load with the packs: a run the content cache serves never loads them)
    from .kinds.base import Rule
    from .packs import Pack

CONFIG_NAMES = (".mtlint.yaml", ".mtlint.yml")
FAIL_ON = LEVELS + ("never",)
CONFIG_FIELDS = {
    "packs": "names of the packs to run (default: every pack marked default)",
    "pack_paths": "extra folders holding packs (a pack folder or a folder of packs)",
    "rules": "per rule or pack: off, on, error, warning or suggestion",
    "exclude": "glob patterns of files not to lint (relative to the config's folder)",
    "fail_on": "error, warning, suggestion or never",
    "language": "the article language (default en)",
    "glossary": "a termbase for bilingual checks",
    "languagetool": "LanguageTool settings",
}


@dataclass(frozen=True)
class Config:
    path: str | None = None
    root: str = "."
    packs: tuple[str, ...] | None = None
    pack_paths: tuple[str, ...] = ()
    rules: tuple[tuple[str, str], ...] = ()
    exclude: tuple[str, ...] = ()
    fail_on: str = "warning"
    language: str = "en"
    extra: dict = field(default_factory=dict, compare=False, hash=False)
    lines: dict = field(default_factory=dict, compare=False, hash=False)  # (setting, name) -> line, for errors

    def excluded(self, path: str) -> bool:
        if not self.exclude:  # (asked for every file of a walk)
            return False
        rel = os.path.relpath(os.path.abspath(path), self.root).replace(os.sep, "/")
        return any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(os.path.basename(path), g) for g in self.exclude)


def _config_from(data, path: str) -> Config:
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError("configuration must be a mapping", path, 1)
    line_of = data.line_of if isinstance(data, LineDict) else (lambda key: None)
    data = {k.replace("-", "_") if isinstance(k, str) else k: v for k, v in data.items()}
    for key in data:
        if key not in CONFIG_FIELDS:
            raise ConfigError(f"unknown setting '{key}' (known: {', '.join(CONFIG_FIELDS)})", path, line_of(key))

    def str_list(key):
        value = data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"'{key}' must be a list of strings", path, line_of(key))
        return tuple(value)

    rules = data.get("rules", {}) or {}
    if not isinstance(rules, dict):
        raise ConfigError("'rules' must map rule or pack names to off, on or a level", path, line_of("rules"))
    normalised = []
    rule_line = rules.line_of if isinstance(rules, LineDict) else (lambda key: line_of("rules"))
    lines = {("packs",): line_of("packs")}
    for name, value in rules.items():
        lines[("rules", str(name))] = rule_line(name)
        if isinstance(value, bool):  # YAML reads a bare on/off as true/false; 1 and [x] are not levels
            value = "on" if value else "off"
        if value not in LEVELS + ("off", "on"):
            raise ConfigError(f"rule '{name}': '{value}' is not off, on or a level ({', '.join(LEVELS)})", path, rule_line(name))
        normalised.append((str(name), value))
    fail_on = data.get("fail_on", "warning")
    if fail_on not in FAIL_ON:
        raise ConfigError(f"fail_on must be one of {', '.join(FAIL_ON)}", path, line_of("fail_on"))
    language = data.get("language", "en")
    if not isinstance(language, str):
        raise ConfigError("'language' must be a language code such as en", path, line_of("language"))
    root = os.path.dirname(os.path.abspath(path))
    return Config(
        path=path,
        root=root,
        packs=str_list("packs") if "packs" in data else None,
        pack_paths=tuple(os.path.join(root, p) for p in str_list("pack_paths")),
        rules=tuple(normalised),
        exclude=str_list("exclude"),
        fail_on=fail_on,
        language=language,
        extra={k: data[k] for k in ("glossary", "languagetool") if k in data},
        lines=lines,
    )


@lru_cache(maxsize=None)  # --config names one file for every article: read it once
def load_config_file(path: str) -> Config:
    if path.endswith(".toml"):
        import tomllib  # (only a pyproject.toml configuration needs it)

        try:
            with open(path, "rb") as handle:
                data = tomllib.load(handle)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"invalid TOML: {exc}", path) from None
        except UnicodeDecodeError:
            raise ConfigError("not valid UTF-8", path) from None
        except OSError as exc:
            raise ConfigError(f"cannot read: {exc.strerror}", path) from None
        tool = data.get("tool", {})
        if not isinstance(tool, dict):  # `tool = 1`: no [tool.mtlint] table can be in it
            raise ConfigError("'tool' must be a table holding [tool.mtlint]", path)
        return _config_from(tool.get("mtlint", {}), path)
    return _config_from(load_yaml_file(path, ConfigError), path)


@lru_cache(maxsize=None)
def find_config(directory: str) -> Config:
    """The nearest configuration at or above `directory` (defaults when there is none)."""
    directory = os.path.abspath(directory)
    while True:
        for name in CONFIG_NAMES:
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate):
                return load_config_file(candidate)
        pyproject = os.path.join(directory, "pyproject.toml")
        if os.path.isfile(pyproject):
            try:
                with open(pyproject, "rb") as handle:
                    mentions = b"[tool.mtlint" in handle.read()
            except OSError as exc:
                raise ConfigError(f"cannot read: {exc.strerror}", pyproject) from None
            if mentions:
                return load_config_file(pyproject)
        parent = os.path.dirname(directory)
        if parent == directory:
            return Config(root=os.getcwd())
        directory = parent


@dataclass(frozen=True)
class Selection:
    """What the command line adds on top of a configuration."""

    packs: tuple[str, ...] = ()  # --pack: run only these
    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()

    @classmethod
    def from_options(cls, packs=(), enable=(), disable=()) -> Selection:
        """From repeated options and comma lists alike: `-p A,B -p C` is A, B, C."""
        def names(values):
            return tuple(name.strip() for value in values for name in value.split(",") if name.strip())

        return cls(names(packs), names(enable), names(disable))


@dataclass(frozen=True)
class ActiveRule:
    rule: Rule
    level: str
    level_set: bool = False  # the configuration named a level for it (beats a level a hit carries)


@dataclass(frozen=True)
class Resolved:
    """What a configuration and a selection come to: the rules that run, the names known, what to warn about."""

    rules: tuple[ActiveRule, ...]
    registry: Registry
    warnings: tuple[str, ...] = ()

    @cached_property
    def runs_grammar(self) -> bool:
        """Whether a grammar rule runs (it needs the run's LanguageTool session; its results are not cached)."""
        return any(a.rule.kind == "grammar" for a in self.rules)


def available_packs(config: Config) -> dict[str, Pack]:
    from .packs import load_packs

    return load_packs((builtin_packs_dir(),) + config.pack_paths)


def active_rules(config: Config, selection: Selection = Selection()) -> tuple[ActiveRule, ...]:
    """The rules that run under `config` and `selection`, each with its effective level."""
    return resolve(config, selection).rules


@lru_cache(maxsize=None)
def resolve(config: Config, selection: Selection = Selection()) -> Resolved:
    """Which rules run, at which level; every name checked against the registry (with "did you mean")."""
    packs = available_packs(config)
    registry = Registry(packs)
    warnings = list(getattr(packs, "warnings", ()))

    def canonical(name: str, where: str, line: int | None = None) -> str:
        found = registry.require(name, where, config.path if where == "config" else None, line)
        if found != name:
            warnings.append(f"{config.path if where == 'config' else where}: '{name}' is a former name of '{found}'; "
                            "use the new name")
        return found

    settings = {}
    for name, value in config.rules:
        settings[canonical(name, "config", config.lines.get(("rules", name)))] = value
    chosen_names = [canonical(n, "--pack") for n in selection.packs]
    enable = {canonical(n, "--enable") for n in selection.enable}
    disable = {canonical(n, "--disable") for n in selection.disable}
    for name in chosen_names:
        if name in registry.rules:
            raise ConfigError(f"--pack takes pack names; '{name}' is a rule (use --enable {name})")
    if chosen_names:
        chosen = chosen_names
    elif config.packs is not None:
        chosen = [canonical(n, "config", config.lines.get(("packs",))) for n in config.packs]
    else:
        chosen = [name for name, pack in packs.items() if pack.default]
    if "all" in chosen:  # "all" is accepted wherever a pack is named, so it must mean every pack
        chosen = list(packs)
    active = []
    for pack_name, pack in packs.items():
        for rule in pack.rules:
            on = pack_name in chosen and rule.enabled
            level, level_set = rule.level, False
            for key in ("all", pack_name, rule.id):  # the rule's own setting beats its pack's, which beats "all"
                value = settings.get(key)
                if value == "off":
                    on = False
                elif value is not None:  # naming a rule or pack turns it on
                    on = True if key == rule.id else rule.enabled
                    level, level_set = (level, level_set) if value == "on" else (value, True)
            if rule.id in enable or ({pack_name, "all"} & enable and rule.enabled):
                on = True
            if rule.id in disable or pack_name in disable or "all" in disable:
                on = False
            if on:
                active.append(ActiveRule(rule, level, level_set))
                if rule.deprecation:
                    warnings.append(f"{rule.path}: rule {rule.id} is deprecated: {rule.deprecation}")
    running = {a.rule.pack for a in active}
    for pack in packs.values():
        if pack.user and pack.name not in running and pack.name not in chosen and not selection.packs \
                and config.packs is not None:
            warnings.append(f"{config.path}: pack {pack.name} (from pack_paths, {pack.path}) does not run: "
                            f"'packs:' does not list it; add it there")
    return Resolved(tuple(active), registry, tuple(dict.fromkeys(warnings)))


_GENERATION = [0]  # how many times forget() was called: what remembers a configuration keys on it


def generation() -> int:
    """Bumped by forget(): a memo of configurations taken before it must not be used after it."""
    return _GENERATION[0]


def forget() -> None:
    """Forget every configuration and pack read so far (a long-lived process, such as the language server,
    calls this when files may have changed; a `mtlint check` run reads each once)."""
    from .packs import load_packs

    _GENERATION[0] += 1

    for cached in (load_config_file, find_config, resolve, load_packs):
        cached.cache_clear()
    from .bilingual import context  # termbases named by a configuration

    context._glossary.cache_clear()
