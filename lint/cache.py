"""The content cache: a file's findings kept under a key of everything that decides them.

A second `mtlint check` over an unchanged tree reads each file, hashes it and
reads its findings back instead of linting. The key covers the file's path and
text, the configuration that applies to it (its path and content), every pack
file it can load (rules and the word lists they name, by content), the command line's rule selection, the mtlint
version, the versions of the libraries rules run on and the stamps of mtlint's
own source files (so an edited checkout never serves old findings). It is taken
before --baseline and --changed-since filter findings, which therefore need no
place in it. An entry that cannot be read is ignored (and linted again), never
fatal; entries are written whole or not at all (a temporary file renamed).
"""
from __future__ import annotations

import hashlib
import os
import sys
import tempfile

import msgpack
import regex

from .document import Directive
from .engine import Result
from .finding import Finding, Fix
from .packs import builtin_packs_dir

FORMAT = "1"  # the entry layout; a change makes old entries unreachable
# Libraries whose behaviour decides findings (the bilingual formats' segmentation and romanisation among them).
LIBRARIES = ("mtlint", "regex", "ftfy", "py3langid", "markdown-it-py", "mdit-py-plugins", "pyyaml", "ahocorasick-rs",
             "sentencex", "fugashi", "unidic-lite", "cutlet", "pypinyin", "iuliia", "lxml", "numpy")
ENV_DIR = "MTLINT_CACHE_DIR"


def default_dir() -> str:
    """$MTLINT_CACHE_DIR, else the user's cache directory (~/.cache/mtlint on Linux)."""
    from platformdirs import user_cache_dir

    return os.environ.get(ENV_DIR) or user_cache_dir("mtlint", appauthor=False)


def _hash(*parts: bytes) -> str:
    digest = hashlib.blake2b(digest_size=20)
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))  # length-prefixed: no two part lists hash alike
        digest.update(part)
    return digest.hexdigest()


def _tree(folder: str, suffixes: tuple[str, ...] | None, content: bool) -> list[bytes]:
    """Every file under `folder` (with one of `suffixes`): its relative path and its content or (size, mtime)."""
    found = []
    for base, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if suffixes and not name.endswith(suffixes):
                continue
            full = os.path.join(base, name)
            try:
                if content:
                    with open(full, "rb") as handle:
                        stamp = handle.read()
                else:
                    info = os.stat(full)
                    stamp = f"{info.st_size}:{info.st_mtime_ns}".encode()
            except OSError:
                stamp = b"unreadable"
            found += [os.path.relpath(full, folder).encode("utf-8", "surrogateescape"), stamp]
    return found


def _file(path: str | None) -> bytes:
    if not path:
        return b""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return b"unreadable"


def _normalised(name: str) -> str:
    return regex.sub(r"[-_.]+", "_", name).lower()


def _versions(names: tuple[str, ...]) -> dict[str, str]:
    """name -> version, as `importlib.metadata.version` gives it, read from the names of the `.dist-info` folders
    on sys.path (the first one of a name wins, as there); importlib.metadata (a tenth of a warm run to import and
    ask) only for a name not found that way, or when any `.egg-info` could come first."""
    wanted, found = {_normalised(n): n for n in names}, {}
    for entry in sys.path:
        try:
            listing = os.listdir(entry or ".")
        except OSError:
            continue
        for item in listing:
            if item.endswith(".egg-info"):
                wanted, found = {}, {}  # another layout: ask importlib.metadata for everything
                break
            if item.endswith(".dist-info") and "-" in item:
                name, version = item[: -len(".dist-info")].split("-", 1)
                original = wanted.get(_normalised(name))
                if original is not None and original not in found:
                    found[original] = version
        else:
            continue
        break
    missing = [n for n in names if n not in found]
    if missing:
        from importlib import metadata

        for name in missing:
            try:
                found[name] = metadata.version(name)
            except metadata.PackageNotFoundError:
                found[name] = "none"
    return found


def _code_identity() -> str:
    """The versions mtlint and its rule libraries run at, and the stamps of mtlint's own source files."""
    versions = _versions(LIBRARIES)
    parts = [f"{name}={versions[name]}".encode() for name in LIBRARIES]
    parts += _tree(os.path.dirname(os.path.abspath(__file__)), (".py",), content=False)
    return _hash(*parts)


class ContentCache:
    """Findings by content key, one small msgpack file per linted text under `folder`."""

    def __init__(self, folder: str) -> None:
        self.folder = os.path.join(os.path.abspath(folder), f"v{FORMAT}")
        self._rules: dict = {}  # (config path, pack paths, selection) -> the rules' identity, once per process
        self._code: str | None = None

    def __getstate__(self) -> dict:  # worker processes work the identities out again
        return {"folder": self.folder, "_rules": {}, "_code": None}

    # -- the key ---------------------------------------------------------------------
    def rules_identity(self, runner, path: str) -> str:
        """What decides which rules run for `path` and how: its configuration, the packs, the selection, the code."""
        config = runner.config_for(path)
        memo = (config.path, config.pack_paths, runner.options.selection)
        identity = self._rules.get(memo)
        if identity is None:
            if self._code is None:
                self._code = _code_identity()
            parts = [self._code.encode(), repr(runner.options.selection).encode(),
                     (config.path or "").encode("utf-8", "surrogateescape"), _file(config.path)]
            for folder in (builtin_packs_dir(),) + config.pack_paths:
                parts += [folder.encode("utf-8", "surrogateescape")] + _tree(folder, None, content=True)  # rules and the word lists they name
            identity = self._rules[memo] = _hash(*parts)
        return identity

    def key(self, runner, path: str, text: str) -> str:
        return _hash(self.rules_identity(runner, path).encode(), path.encode("utf-8", "surrogateescape"),
                     text.encode("utf-8", "surrogatepass"))

    def _entry(self, key: str) -> str:
        return os.path.join(self.folder, key[:2], key + ".msgpack")

    # -- entries ---------------------------------------------------------------------
    def lookup(self, key: str) -> Result | None:
        """The result stored under `key`, or None when there is none or it cannot be read back."""
        try:
            with open(self._entry(key), "rb") as handle:
                data = msgpack.unpackb(handle.read(), raw=False)
            if data.get("key") != key:
                return None
            findings = []
            for item in data["findings"]:
                fix = item.pop("fix", None)
                findings.append(Finding(**item, fix=Fix(**fix) if fix is not None else None))
            unused = [Directive(action, tuple(rules), offset, end) for action, rules, offset, end in data["unused"]]
            return Result(data["path"], findings, [], unused)
        except Exception:  # missing, truncated, corrupt or from an incompatible layout: lint again
            return None

    def store(self, key: str, result: Result) -> None:
        """Keep `result` under `key`, atomically; a result with errors (timeouts) is not kept; failures are ignored."""
        if result.errors:
            return
        data = {
            "key": key,
            "path": result.path,
            "findings": [f.as_dict() for f in result.findings],
            "unused": [[d.action, list(d.rules), d.offset, d.end] for d in result.unused_directives],
        }
        entry = self._entry(key)
        try:
            os.makedirs(os.path.dirname(entry), exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=os.path.dirname(entry), prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(msgpack.packb(data, use_bin_type=True))
                os.replace(temporary, entry)
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError:  # a read-only or full disk: the run goes on uncached
            pass

    def lint(self, runner, path: str, text: str, compute) -> Result:
        """The stored result for `path` holding `text`, else `compute()`, stored for next time."""
        key = self.key(runner, path, text)
        result = self.lookup(key)
        if result is None:
            result = compute()
            self.store(key, result)
        return result


def open_cache(folder: str | None, disabled: bool) -> ContentCache | None:
    """The cache a run uses: None with --no-cache, else `folder` or the default folder."""
    return None if disabled else ContentCache(folder or default_dir())
