"""Safe fixes: applying them to decoded text, writing files back, showing a diff.

Fixes come from findings (`Finding.fix`, offsets into the decoded original text).
Overlapping fixes are never applied together: the first one wins, and the file is
linted again so that a fix that was held back can apply to the new text. Writing
is atomic (a temporary file in the same folder, then a rename; see write_atomic) and keeps the
file's encoding, BOM, line endings (the text is never re-split into lines) and
permissions.
"""
from __future__ import annotations

import codecs
import errno
import os
import stat
from dataclasses import dataclass
from typing import Callable, Collection

from .result import Result
from .errors import InputError
from .finding import Finding, Fix
from .inputs import Decoded

MAX_PASSES = 10  # lint-and-fix rounds per file; fixes normally settle in one or two
_BOMS = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}


@dataclass
class AppliedFix:
    """One fix --fix applied (for --show-fixes): where it was, in the text it was applied to."""

    rule: str
    line: int
    column: int
    before: str
    after: str
    applicability: str


def choose_fixes(text: str, findings: list[Finding], applicable: Collection[str]) -> list[Finding]:
    """The findings whose fixes apply together: of those `applicable`, non-overlapping, in text order.

    A fix that overlaps one already taken (or inserts at the same place) is skipped;
    identical fixes count once; a fix that changes nothing is no fix.
    """
    chosen: list[Finding] = []
    candidates = [f for f in findings if f.fix is not None and f.fix.applicability in applicable]
    for finding in sorted(candidates, key=lambda f: (f.fix.offset, f.fix.length, f.fix.replacement)):
        fix = finding.fix
        if text[fix.offset:fix.offset + fix.length] == fix.replacement:
            continue  # changes nothing
        if chosen:
            last = chosen[-1].fix
            if (fix.offset, fix.length, fix.replacement) == (last.offset, last.length, last.replacement):
                continue
            if fix.offset < last.offset + last.length or fix.offset == last.offset:
                continue
        chosen.append(finding)
    return chosen


def apply_fixes(text: str, fixes: list[Fix]) -> str:
    """`text` with non-overlapping `fixes` (in text order) applied."""
    parts, pos = [], 0
    for fix in fixes:
        parts.append(text[pos:fix.offset])
        parts.append(fix.replacement)
        pos = fix.offset + fix.length
    parts.append(text[pos:])
    return "".join(parts)


def fix_text(text: str, result: Result, relint: Callable[[str], Result],
             applicable: Collection[str] = ("safe",)) -> tuple[str, Result, list[AppliedFix]]:
    """Apply the `applicable` fixes of `result` (the findings of `text`), linting again until none applies.

    Returns the final text, its result and the fixes applied. Stops after MAX_PASSES
    rounds, or when fixes would bring back a text already seen.
    """
    applied: list[AppliedFix] = []
    seen = {text}
    for _ in range(MAX_PASSES):
        chosen = choose_fixes(text, result.findings, applicable)
        if not chosen:
            break
        new = apply_fixes(text, [f.fix for f in chosen])
        if new in seen:
            break
        seen.add(new)
        applied.extend(AppliedFix(f.rule, f.line, f.column, text[f.fix.offset:f.fix.offset + f.fix.length],
                                  f.fix.replacement, f.fix.applicability) for f in chosen)
        text = new
        result = relint(text)
    return text, result, applied


def encode(source: Decoded, text: str) -> bytes:
    """`text` encoded the way `source` was: same encoding, BOM if it had one."""
    data = text.encode(source.encoding)
    return _BOMS.get(source.encoding, b"") + data if source.has_bom else data


_TEMP_SUFFIX = ".mtlint-tmp"
_unnamed_files = hasattr(os, "O_TMPFILE") and os.path.isdir("/proc/self/fd")  # Linux: O_TMPFILE + linkat
_cleaned: set[str] = set()  # folders whose stale temporary files this process has removed


def write_atomic(path: str, data: bytes) -> None:
    """Replace `path` by `data` through a temporary file and a rename, keeping its mode.

    A symbolic link is followed: the file it points to is replaced, the link stays.
    A file with several hard links is refused (a rename would leave the other links with
    the old text, and rewriting it in place could be cut off half-way). A new file gets
    the usual permissions (0666 less the umask). The data is written into an unnamed file
    (O_TMPFILE) where the system has them, so a run killed while writing leaves nothing;
    a named temporary file left by a killed run is removed by the next write in its folder.
    """
    target = os.path.realpath(path)
    folder, name = os.path.split(target)
    folder = folder or "."
    try:
        info = os.stat(target)
        mode = stat.S_IMODE(info.st_mode)
    except FileNotFoundError:
        info = None
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    if info is not None and info.st_nlink > 1:
        raise OSError(errno.EMLINK, f"it has {info.st_nlink} hard links, and replacing it would leave the "
                                    "others unfixed; not written (fix it as one file, or break the links)")
    _remove_stale_temps(folder)
    tmp = _write_temp(folder, name, data)
    try:
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


def _temp_name(folder: str, name: str) -> str:
    """A temporary name beside `name` that says which process made it (for _remove_stale_temps)."""
    import secrets  # (imports are kept off start-up: only --fix writes)

    return os.path.join(folder, f".{name}.{os.getpid()}.{secrets.token_hex(4)}{_TEMP_SUFFIX}")


def _write_temp(folder: str, name: str, data: bytes) -> str:
    """Write `data` to a new file in `folder`, synced to disk; return its name."""
    global _unnamed_files
    fd = -1
    if _unnamed_files:
        try:
            fd = os.open(folder, os.O_TMPFILE | os.O_WRONLY, 0o600)
        except OSError:
            fd = -1  # the file system has no unnamed files: use a named one
    if fd != -1:
        try:
            _write_all(fd, data)
            tmp = _temp_name(folder, name)
            # Named only now: between this and the rename nothing can be left half-written.
            os.link(f"/proc/self/fd/{fd}", tmp, follow_symlinks=True)
            return tmp
        except OSError:
            _unnamed_files = False  # some systems cannot name an unnamed file: write named ones
        finally:
            os.close(fd)
    for _ in range(10):
        tmp = _temp_name(folder, name)
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            break
        except FileExistsError:
            continue
    else:
        raise FileExistsError(errno.EEXIST, "no free temporary name", folder)
    try:
        _write_all(fd, data)
    except BaseException:
        os.close(fd)
        os.unlink(tmp)
        raise
    os.close(fd)
    return tmp


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
    os.fsync(fd)


def _remove_stale_temps(folder: str) -> None:
    """Remove our temporary files in `folder` whose process is gone (a run killed mid-write)."""
    if folder in _cleaned:
        return
    _cleaned.add(folder)
    try:
        entries = [e.name for e in os.scandir(folder) if e.name.startswith(".") and e.name.endswith(_TEMP_SUFFIX)]
    except OSError:
        return
    for entry in entries:
        parts = entry[: -len(_TEMP_SUFFIX)].rsplit(".", 2)
        if len(parts) != 3 or not parts[1].isdigit() or _alive(int(parts[1])):
            continue
        try:
            os.unlink(os.path.join(folder, entry))
        except OSError:
            pass


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):  # gone, or a number no process can have
        return False
    except OSError:
        return True  # someone else's: it exists
    return True


def unified_diff(path: str, old: str, new: str, source: Decoded | None = None) -> str:
    """A unified diff (as `git diff` prints it, applicable with `git apply`/`patch -p1` from the working folder).

    With the file's `source`, the diff is of its bytes as they are: a UTF-8 BOM is part of
    line 1 (else a hunk touching line 1 does not apply). A UTF-16 file cannot be shown:
    git and patch read it as binary, and a UTF-8 diff of it applies to nothing.
    """
    if source is not None and source.encoding != "utf-8":
        raise InputError(
            "--diff cannot show the fixes of a UTF-16 file (git and patch read it as binary); "
            "use --fix, which keeps its encoding, or convert it to UTF-8", path)
    if source is not None and source.has_bom:
        old, new = "\ufeff" + old, "\ufeff" + new
    name = diff_path(path)
    import difflib  # (only --diff needs it: start-up)

    lines = difflib.unified_diff(_lines(old), _lines(new), f"a/{name}", f"b/{name}", lineterm="\n")
    out = []
    for line in lines:
        if line.endswith("\n"):
            out.append(line)
        else:  # the last line of a file without a final newline
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)


def diff_path(path: str) -> str:
    """`path` as a diff names it: relative to the working folder, '/'-separated, without './'."""
    if os.path.isabs(path):
        rel = os.path.relpath(path)
        path = rel if not rel.startswith("..") else path
    return os.path.normpath(path).replace(os.sep, "/").lstrip("/")


def _lines(text: str) -> list[str]:
    """Lines split on "\n" only (as git does), each keeping its end ("\r\n" stays whole)."""
    parts = text.split("\n")
    lines = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines
