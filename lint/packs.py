"""Rule packs: folders of YAML data (`pack.yaml` + one file per rule), loaded and checked.

A pack never contains code. Loading validates everything up front, so a broken
pack fails with one line naming its file and line before any article is read.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache

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


def builtin_packs_dir() -> str:
    """Where the built-in packs are: inside the installed package, or `rules/` in a checkout."""
    here = os.path.dirname(os.path.abspath(__file__))
    installed = os.path.join(here, "builtin_packs")
    return installed if os.path.isdir(installed) else os.path.join(os.path.dirname(here), "rules")


def load_pack(path: str) -> Pack:
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
    for entry in sorted(os.listdir(path)):
        if entry.endswith(RULE_EXTENSIONS) and entry not in ("pack.yaml", "pack.yml"):
            pack.rules.append(load_rule(pack, os.path.join(path, entry)))
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


def find_pack_dirs(path: str) -> list[str]:
    """`path` itself if it is a pack, else the packs directly inside it."""
    if os.path.isfile(os.path.join(path, "pack.yaml")):
        return [path]
    if not os.path.isdir(path):
        raise PackError("pack folder not found", path)
    return sorted(
        os.path.join(path, d) for d in os.listdir(path) if os.path.isfile(os.path.join(path, d, "pack.yaml"))
    )


@lru_cache(maxsize=None)
def load_packs(paths: tuple[str, ...]) -> dict[str, Pack]:
    """All packs found in `paths` (built-ins first), by name; a later pack of the same name wins."""
    packs: dict[str, Pack] = {}
    for base in paths:
        for pack_dir in find_pack_dirs(base):
            pack = load_pack(pack_dir)
            packs[pack.name] = pack
    return packs
