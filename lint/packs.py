"""Rule packs: folders of YAML data (`pack.yaml` + one file per rule), loaded and checked.

A pack never contains code. Loading validates everything up front, so a broken
pack fails with one line naming its file and line before any article is read.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache

from . import packcache, triggers
from .builtin import builtin_packs_dir  # noqa: F401 (where it is asked for)
from .errors import PackError
from .kinds import KINDS, kind_class
from .kinds.base import Rule
from .yamlio import LineDict, load_yaml_file

PACK_FIELDS = {"name", "description", "language", "version", "default", "link", "license"}
RULE_EXTENSIONS = (".yml", ".yaml")


@dataclass
class Pack:
    name: str
    path: str
    description: str = ""
    language: str = "en"
    version: str = ""
    default: bool = True  # whether the pack runs when the config does not name packs
    rules: list[Rule] = field(default_factory=list)
    user: bool = False  # added through pack_paths, not built in


class Packs(dict):
    """Packs by name, with what loading them found worth a warning (folders that are not packs)."""

    def __init__(self) -> None:
        super().__init__()
        self.warnings: list[str] = []


_LOADED: dict[str, tuple[tuple, Pack]] = {}  # pack folder -> (its files' signature, the pack loaded from them)


def _signature(path: str) -> tuple:
    """Name, size and modification time of every file in a pack folder: what loading it read."""
    try:
        return tuple(sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in os.scandir(path) if e.is_file()))
    except OSError:
        return ()


def load_pack(path: str) -> Pack:
    """The pack in folder `path`, read again only when one of its files changed (a long-lived process,
    such as the language server or a test session, reads an unchanged pack once)."""
    signature = _signature(path)
    known = _LOADED.get(path)
    if known is not None and known[0] == signature:
        return known[1]
    whole = packcache.lookup_pack(path, signature)  # the pack as an earlier process loaded it: no YAML read
    if whole is not None:
        triggers.remember(whole["triggers"])
        _LOADED[path] = (signature, whole["pack"])
        return whole["pack"]
    cached = packcache.lookup(path, signature)  # loaded cleanly by an earlier process: compile lazily
    with packcache.lazy_compiles(cached is not None):
        pack = _read_pack(path)
    if cached is not None:
        triggers.remember(cached.get("triggers", ()))
    else:
        for rule in pack.rules:
            rule.trigger()  # derived once here, kept for the next process
        packcache.store(path, signature, {"triggers": triggers.exported()})
    packcache.store_pack(path, signature, pack, [f for rule in pack.rules for f in rule.data_files()],
                         [entry for entry in triggers.exported()])
    _LOADED[path] = (signature, pack)
    return pack


def _read_pack(path: str) -> Pack:
    meta_path = os.path.join(path, "pack.yaml")
    if not os.path.isfile(meta_path):
        raise PackError("not a rule pack: no pack.yaml", path)
    meta = load_yaml_file(meta_path, PackError)
    if not isinstance(meta, LineDict) or not isinstance(meta.get("name"), str):
        raise PackError("pack.yaml must be a mapping with a 'name'", meta_path, 1)
    for key in meta:
        if key not in PACK_FIELDS:
            raise PackError(f"unknown field '{key}' (allowed: {', '.join(sorted(PACK_FIELDS))})", meta_path, meta.line_of(key))
    if not isinstance(meta.get("default", True), bool):  # "false" in quotes would count as true
        raise PackError("'default' must be true or false", meta_path, meta.line_of("default"))
    pack = Pack(
        name=meta["name"],
        path=path,
        description=str(meta.get("description", "")).strip(),
        language=str(meta.get("language", "en")),
        version=str(meta.get("version", "")),
        default=meta.get("default", True),
    )
    seen: dict[str, str] = {}
    for entry in sorted(os.listdir(path)):
        if entry.endswith(RULE_EXTENSIONS) and entry not in ("pack.yaml", "pack.yml"):
            rule = load_rule(pack, os.path.join(path, entry))
            for name in [rule.id] + rule.aliases:
                if name in seen:
                    raise PackError(f"rule id '{name}' is also the id or alias of the rule in {seen[name]}", rule.path)
                seen[name] = os.path.basename(rule.path)
            pack.rules.append(rule)
    return pack


def load_rule(pack: Pack, path: str) -> Rule:
    spec = load_yaml_file(path, PackError)
    if not isinstance(spec, LineDict):
        raise PackError("a rule file must be a YAML mapping", path, 1)
    kind = spec.get("kind")
    cls = kind_class(kind) if isinstance(kind, str) else None
    if cls is None:
        raise PackError(f"unknown kind '{kind}' (known: {', '.join(sorted(KINDS))})", path, spec.line_of("kind"))
    rule_id = f"{pack.name}.{os.path.splitext(os.path.basename(path))[0]}"
    return cls(rule_id, spec, pack.path)


def _has_rules(path: str) -> bool:
    try:
        return any(e.endswith(RULE_EXTENSIONS) for e in os.listdir(path))
    except OSError:
        return False


def find_pack_dirs(path: str, warnings: list[str]) -> list[str]:
    """`path` itself if it is a pack, else the packs directly inside it; a folder with neither is an error."""
    if os.path.isfile(os.path.join(path, "pack.yaml")):
        return [path]
    if not os.path.isdir(path):
        raise PackError("pack folder not found", path)
    found = []
    for entry in sorted(os.listdir(path)):
        sub = os.path.join(path, entry)
        if os.path.isfile(os.path.join(sub, "pack.yaml")):
            found.append(sub)
        elif os.path.isdir(sub) and _has_rules(sub):
            warnings.append(f"{sub}: holds rule files but no pack.yaml, so it is not loaded as a pack")
    if not found:
        raise PackError("not a rule pack: no pack.yaml here or in the folders directly inside it", path)
    return found


@lru_cache(maxsize=None)
def load_packs(paths: tuple[str, ...]) -> Packs:
    """All packs found in `paths` (built-ins first), by name. Two packs of one name are an error."""
    packs = Packs()
    for index, base in enumerate(paths):
        for pack_dir in find_pack_dirs(base, packs.warnings):
            pack = load_pack(pack_dir)
            pack.user = index > 0
            if pack.name in packs:
                other = packs[pack.name]
                what = "a built-in pack" if not other.user else f"the pack in {other.path}"
                raise PackError(f"pack name '{pack.name}' is already {what}; give this pack another name",
                                os.path.join(pack_dir, "pack.yaml"), 1)
            packs[pack.name] = pack
    return packs
