"""Safe fixes: applying them to decoded text, writing files back, showing a diff.

Fixes come from findings (`Finding.fix`, offsets into the decoded original text).
Overlapping fixes are never applied together: the first one wins, and the file is
linted again so that a fix that was held back can apply to the new text. Writing
is atomic (a temporary file in the same folder, then a rename) and keeps the
file's encoding, BOM, line endings (the text is never re-split into lines) and
permissions.
"""
from __future__ import annotations

import codecs
import difflib
import os
import stat
import tempfile
from typing import Callable

from .engine import Result, Source
from .finding import Fix

MAX_PASSES = 10  # lint-and-fix rounds per file; fixes normally settle in one or two
_BOMS = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}


def apply_fixes(text: str, fixes: list[Fix]) -> tuple[str, int]:
    """Apply non-overlapping fixes to `text`; return the new text and how many were applied.

    Fixes are taken in order of position; one that overlaps a fix already taken (or
    inserts at the same place) is skipped. Identical fixes count once.
    """
    chosen: list[Fix] = []
    for fix in sorted(fixes, key=lambda f: (f.offset, f.length, f.replacement)):
        if text[fix.offset:fix.offset + fix.length] == fix.replacement:
            continue  # changes nothing
        if chosen:
            last = chosen[-1]
            if (fix.offset, fix.length, fix.replacement) == (last.offset, last.length, last.replacement):
                continue
            if fix.offset < last.offset + last.length or fix.offset == last.offset:
                continue
        chosen.append(fix)
    parts, pos = [], 0
    for fix in chosen:
        parts.append(text[pos:fix.offset])
        parts.append(fix.replacement)
        pos = fix.offset + fix.length
    parts.append(text[pos:])
    return "".join(parts), len(chosen)


def fix_text(text: str, result: Result, relint: Callable[[str], Result]) -> tuple[str, Result, int]:
    """Apply the fixes of `result` (the findings of `text`), linting again until no fix applies.

    Returns the final text, its result and the number of fixes applied. Stops after
    MAX_PASSES rounds, or when fixes would bring back a text already seen.
    """
    applied = 0
    seen = {text}
    for _ in range(MAX_PASSES):
        new, count = apply_fixes(text, [f.fix for f in result.findings if f.fix is not None])
        if not count or new in seen:
            break
        seen.add(new)
        text, applied = new, applied + count
        result = relint(text)
    return text, result, applied


def encode(source: Source, text: str) -> bytes:
    """`text` encoded the way `source` was: same encoding, BOM if it had one."""
    data = text.encode(source.encoding)
    return _BOMS.get(source.encoding, b"") + data if source.has_bom else data


def write_atomic(path: str, data: bytes) -> None:
    """Replace `path` by `data` through a temporary file and a rename, keeping its mode.

    A symbolic link is followed: the file it points to is replaced, the link stays.
    A new file gets the usual permissions (0666 less the umask).
    """
    target = os.path.realpath(path)
    folder, name = os.path.split(target)
    try:
        info = os.stat(target)
        mode = stat.S_IMODE(info.st_mode)
    except FileNotFoundError:
        info = None
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".mtlint-tmp", dir=folder or ".")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        if info is not None and hasattr(os, "chown"):
            try:
                os.chown(tmp, info.st_uid, info.st_gid)
            except OSError:
                pass  # not allowed to give it away: it stays ours, with the same mode
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def unified_diff(path: str, old: str, new: str) -> str:
    """A unified diff (as `git diff` prints it, applicable with `git apply`/`patch -p1`)."""
    name = path.replace(os.sep, "/").lstrip("/")
    lines = difflib.unified_diff(_lines(old), _lines(new), f"a/{name}", f"b/{name}", lineterm="\n")
    out = []
    for line in lines:
        if line.endswith("\n"):
            out.append(line)
        else:  # the last line of a file without a final newline
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _lines(text: str) -> list[str]:
    """Lines split on "\n" only (as git does), each keeping its end ("\r\n" stays whole)."""
    parts = text.split("\n")
    lines = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines
