"""Inputs: which files a run lints (folders, exclusions, .gitignore) and their bytes decoded.

Collecting is where a CI gate can pass for the wrong reason, so every path given
is accounted for: linted, excluded (and said so), or reported as a problem
(missing, holding no article mtlint reads).
"""
from __future__ import annotations

import codecs
import os
import stat
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from . import formats
from .errors import InputError

if TYPE_CHECKING:  # (imported where an ignore file is read: a tenth of start-up)
    import pathspec

MAX_FILE_BYTES = 20 * 1024 * 1024  # larger inputs (files or standard input) are refused with a message, not read
_BINARY_SNIFF = 8192
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"}


@dataclass
class Decoded:
    """A file's bytes decoded, with what --fix needs to write it back the same way."""

    path: str
    text: str
    encoding: str = "utf-8"  # "utf-8", "utf-16-le" or "utf-16-be" (the byte order of the BOM)
    has_bom: bool = False
    stamp: str = ""  # the `stamp` of the very file that was read, taken once it was open ("" for standard input)
    stamped_at: int = 0  # the clock (time.time_ns()) before the file was looked at: what the stamp's age is told by


def stamp(info: os.stat_result) -> str:
    """What the file system says of a file's identity and last change: device, inode, size, and the times of
    the last write (mtime, which a user may set back) and of the last change of any kind (ctime on POSIX, which
    no program sets back). A file whose stamp is unchanged holds what it held (the content cache's shortcut)."""
    return f"{info.st_dev}:{info.st_ino}:{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}"


def decode(path: str, data: bytes) -> Decoded:
    """Decode file bytes, refusing what is not text with one clear message."""
    if len(data) > MAX_FILE_BYTES:
        raise InputError(_too_large(len(data)), path)
    if not data or data in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        raise InputError("empty file, nothing to lint", path)
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE 00 00 starts like FF FE
        raise InputError("UTF-32 text is not supported; convert it to UTF-8", path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            order = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
            return Decoded(path, data.decode("utf-16"), order, True)
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid UTF-16 (byte {exc.start})", path) from None
    if b"\0" in data[:_BINARY_SNIFF]:
        raise InputError("binary file (contains NUL bytes), not linted", path)
    has_bom = data.startswith(codecs.BOM_UTF8)
    try:
        text = data.decode("utf-8-sig" if has_bom else "utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); convert it to UTF-8", path, line) from None
    return Decoded(path, text, "utf-8", has_bom)


def _too_large(size: int) -> str:
    return f"too large ({size / (1024 * 1024):.0f} MiB; the limit is {MAX_FILE_BYTES // (1024 * 1024)} MiB)"


def read_file(path: str) -> Decoded:
    """Read and decode one article; anything but a readable regular file is one InputError."""
    looked_at = time.time_ns()
    try:
        info = os.stat(path)
    except FileNotFoundError:
        kind = "a dangling symbolic link" if os.path.islink(path) else "no such file"
        raise InputError(kind, path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError("is a folder", path)
    if not stat.S_ISREG(info.st_mode):  # a FIFO or a device would block or never end
        raise InputError("not a regular file (a pipe, socket or device), not read", path)
    if info.st_size > MAX_FILE_BYTES:
        raise InputError(_too_large(info.st_size), path)
    try:
        with open(path, "rb") as handle:
            # The stamp of the file this handle reads, not of whatever the path named at the stat above (a link
            # re-pointed, a file renamed over it in between): what the content cache keeps with its text.
            opened = os.fstat(handle.fileno())
            # sized to the file: a read of the limit itself allocates (and returns) 20 MiB for every article
            data = handle.read(min(info.st_size, MAX_FILE_BYTES) + 1)
            if len(data) > info.st_size:  # it grew since: read on, up to the limit
                data += handle.read(MAX_FILE_BYTES + 1 - len(data))
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None
    decoded = decode(path, data)
    if stat.S_ISREG(opened.st_mode):
        decoded.stamp, decoded.stamped_at = stamp(opened), looked_at
    return decoded


# -- collecting -----------------------------------------------------------------------
def extensions_read() -> str:
    return ", ".join(e for e in formats.EXTENSIONS if not e.endswith(formats.EXPLICIT_ONLY))


@dataclass
class Collected:
    """The files a run lints, and what became of every path it was given."""

    files: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)  # named or found, but excluded by config or .gitignore
    problems: list[str] = field(default_factory=list)  # one line each: missing paths, folders without articles


class _GitIgnore:
    """The .gitignore rules that apply in a folder: its own and those of the folders above it in the repository."""

    def __init__(self) -> None:
        self._specs: dict[str, list[tuple[str, pathspec.PathSpec]]] = {}

    def _own(self, folder: str) -> list[tuple[str, pathspec.PathSpec]]:
        specs = []
        for name in (".gitignore", os.path.join(".git", "info", "exclude")):
            try:
                with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as handle:
                    import pathspec  # only where there is an ignore file to read: a tenth of start-up

                    specs.append((folder, pathspec.GitIgnoreSpec.from_lines(handle)))
            except OSError:
                continue
        return specs

    def specs(self, folder: str) -> list[tuple[str, pathspec.PathSpec]]:
        folder = os.path.abspath(folder)
        found = self._specs.get(folder)
        if found is None:
            top = os.path.exists(os.path.join(folder, ".git"))  # a folder, or a file in worktrees and submodules
            parent = os.path.dirname(folder)
            inherited = [] if top or parent == folder else self.specs(parent)
            found = self._specs[folder] = inherited + self._own(folder)
        return found

    def ignored(self, path: str, is_dir: bool = False) -> bool:
        path = os.path.abspath(path)
        verdict = False
        for base, spec in self.specs(os.path.dirname(path)):  # outer rules first, so inner ones win
            rel = os.path.relpath(path, base).replace(os.sep, "/") + ("/" if is_dir else "")
            result = spec.check_file(rel)
            if result.include is not None:
                verdict = result.include
        return verdict


def collect(paths: tuple[str, ...], excluded: Callable[[str], bool], force_exclude: bool = False,
            respect_gitignore: bool = True) -> Collected:
    """Expand folders (recursively, by extension, minus excluded and git-ignored files); account for every path.

    `excluded(path)` says whether the configuration that applies to `path` excludes it.
    Files named on the command line are linted whatever their extension; `force_exclude`
    applies `excluded` (not .gitignore) to them too, as ruff does.
    """
    out = Collected()
    gitignore = _GitIgnore() if respect_gitignore else None
    for path in paths:
        if path == "-":
            out.files.append(path)
        elif os.path.isdir(path):
            found = _walk(path, excluded, gitignore, out)
            if found == 0:
                out.problems.append(f"{path}: no articles to lint in this folder (mtlint reads {extensions_read()})")
        elif os.path.lexists(path):
            if force_exclude and excluded(path):
                out.excluded.append(path)
            else:
                out.files.append(path)
        else:
            out.problems.append(f"{path}: no such file or folder")
    out.files = _once_each(out.files)
    return out


def _once_each(files: list[str]) -> list[str]:
    """`files` with each file once, as first named (`a.txt ./a.txt`, a folder and a file in it, a link and its
    target): a file linted twice would be reported twice, and fixed twice, by two --jobs processes at once. The
    file is known by its device and inode, not by its spelling (`link/../a.txt` may be another file)."""
    seen: set = set()
    kept = []
    for path in files:
        key = path if path == "-" else _file_identity(path)
        if key not in seen:
            seen.add(key)
            kept.append(path)
    return kept


def _file_identity(path: str):
    """(device, inode), or for a path that cannot be stat'ed (a dangling link: reported when it is read) its
    absolute spelling."""
    try:
        info = os.stat(path)
    except OSError:
        return os.path.abspath(path)
    return info.st_dev, info.st_ino


def _walk(top: str, excluded: Callable[[str], bool], gitignore: _GitIgnore | None, out: Collected) -> int:
    """Add the articles under `top` to `out`; return how many supported files were seen (linted or excluded)."""
    seen = 0

    def unreadable(exc: OSError) -> None:  # a folder that cannot be listed is a problem, not a folder without articles
        out.problems.append(f"{exc.filename}: cannot read folder: {exc.strerror}")

    for root, dirs, names in os.walk(top, onerror=unreadable):
        kept = []
        for d in sorted(dirs):
            if d in SKIP_DIRS or d.startswith("."):
                continue
            if gitignore is not None and gitignore.ignored(os.path.join(root, d), is_dir=True):
                continue
            kept.append(d)
        dirs[:] = kept
        for name in sorted(names):
            if not formats.format_name(name) or name.lower().endswith(formats.EXPLICIT_ONLY):
                continue  # (segment exports are data: linted when named, never picked up from a folder)
            full = os.path.join(root, name)
            seen += 1
            if (gitignore is not None and gitignore.ignored(full)) or excluded(full):
                out.excluded.append(full)
            else:
                out.files.append(full)
    return seen
