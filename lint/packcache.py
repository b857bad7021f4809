"""The pack cache: what loading a pack works out, kept on disk so the next process need not work it out again.

Loading a pack compiles every rule's regex, which is what checks it (a broken
regex is an error before any article is read) and costs most of mtlint's
start-up; the triggers `lint.triggers` derives from those regexes cost as much
again. The `regex` module cannot save a compiled pattern, so what is kept is
the knowledge that the pack, exactly as it is on disk, loaded cleanly, and the
derived triggers. A pack found in the cache is loaded with its regexes compiled
lazily (`LazyPattern`: when a candidate block first needs the rule, so a short
article pays for few compiles) and its triggers read back. Beside that entry the
whole loaded pack is kept, pickled (see "whole packs" below): a process that
finds it reads no YAML, builds no word-list look-up and compiles none of its
regexes (each comes back as the code `regex` compiled, when first used).

An entry is keyed by the pack folder, the name, size and modification time of
each of its files, mtlint's own source files (size and time), and the versions
of Python and `regex`: a change to any of them misses. This cache holds no
findings, so --no-cache (which is about findings) leaves it on;
MTLINT_PACK_CACHE=0 turns it off. An entry that cannot be read is ignored,
never fatal; entries are written whole (a temporary file renamed).
"""
from __future__ import annotations

import os
import pickle
import sys
from contextlib import contextmanager
from contextvars import ContextVar

import regex

FORMAT = "1"
SWITCH = "MTLINT_PACK_CACHE"
_LAZY: ContextVar[bool] = ContextVar("lazy_compiles", default=False)
_CODE: list[str] = []  # the code identity, once per process


class LazyPattern:
    """A rule's regex, compiled on first use; `pattern` and `flags` (as given) without compiling.

    Pickled (in the whole pack, below) with its compiled form when it has one, as the bytes of the compiled
    pattern's own pickle: `regex` pickles a pattern as the code its compiler produced, so loading it back
    takes some microseconds where compiling it again takes milliseconds (its parser is Python). Those bytes
    are unpickled only when the pattern is first used, so a pack loads as fast as before."""

    __slots__ = ("pattern", "flags", "_compiled", "_rule", "_key", "_saved")

    def __init__(self, pattern: str, flags: int, rule, key: str) -> None:
        self.pattern, self.flags = pattern, flags
        self._compiled = None
        self._saved = None  # the compiled pattern, pickled (from the pack cache)
        self._rule, self._key = rule, key  # compiled by the rule's own compile, checks and all (and picklable)

    def __getstate__(self):
        saved = self._saved
        if saved is None and self._compiled is not None:
            saved = pickle.dumps(self._compiled, protocol=pickle.HIGHEST_PROTOCOL)
        return self.pattern, self.flags, self._rule, self._key, saved

    def __setstate__(self, state) -> None:
        self.pattern, self.flags, self._rule, self._key, self._saved = state
        self._compiled = None

    @property
    def compiled(self) -> regex.Pattern:
        if self._compiled is None:
            if self._saved is not None:
                try:  # (checked when it was first compiled, before the pack was kept)
                    self._compiled = pickle.loads(self._saved)
                except Exception:
                    self._saved = None
            if self._compiled is None:
                self._compiled = self._rule._compile_now(self.pattern, self._key, self.flags)
            self._saved = None
        return self._compiled

    def finditer(self, *args, **kwargs):
        return self.compiled.finditer(*args, **kwargs)

    def __getattr__(self, name):  # search, match, fullmatch, groupindex, ...
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled, name)


def lazy() -> bool:
    """Whether the pack being loaded is known to load cleanly, so its regexes may wait until needed."""
    return _LAZY.get()


@contextmanager
def lazy_compiles(on: bool):
    token = _LAZY.set(on)
    try:
        yield
    finally:
        _LAZY.reset(token)


def _code_identity() -> str:
    if not _CODE:
        from .cache import _hash, _tree  # one notion of "mtlint's own source files", the content cache's

        here = os.path.dirname(os.path.abspath(__file__))
        _CODE.append(_hash(sys.version.encode(), regex.__version__.encode(), *_tree(here, (".py",), content=False)))
    return _CODE[0]


def _entry(path: str, signature: tuple) -> str | None:
    if os.environ.get(SWITCH, "") == "0":
        return None
    from .cache import blake2b, default_dir

    def digest(value) -> str:
        return blake2b(repr(value).encode("utf-8", "surrogateescape"), digest_size=12).hexdigest()

    # "<the pack folder>-<everything else>": storing an entry removes the folder's older ones
    return os.path.join(default_dir(), f"packs-v{FORMAT}",
                        f"{digest(os.path.abspath(path))}-{digest((FORMAT, _code_identity(), signature))}.json")


def lookup(path: str, signature: tuple) -> dict | None:
    """What an earlier process stored for the pack in `path` as it is now, or None."""
    entry = _entry(path, signature)
    if entry is None or not signature:
        return None
    try:
        with open(entry, encoding="utf-8") as handle:
            import json  # (a pack found whole in the cache needs no JSON: start-up)

            data = json.load(handle)
        return data if isinstance(data, dict) and data.get("format") == FORMAT else None
    except Exception:  # missing, truncated, corrupt: load the pack the slow way
        return None


def store(path: str, signature: tuple, data: dict) -> None:
    """Keep `data` for the pack in `path` as it is now; failures (a read-only disk) are ignored."""
    entry = _entry(path, signature)
    if entry is None or not signature:
        return
    try:
        import json

        _write(entry, lambda handle: handle.write(json.dumps({**data, "format": FORMAT}, ensure_ascii=False).encode("utf-8")))
    except OSError:
        pass


def _write(entry: str, write) -> None:
    """Write an entry whole (a temporary file renamed), and remove the entries of the same pack as it was before."""
    import tempfile  # (only a process that stores an entry needs it: start-up)

    os.makedirs(os.path.dirname(entry), exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=os.path.dirname(entry), prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
        os.replace(temporary, entry)
    except BaseException:
        os.unlink(temporary)
        raise
    folder, name = os.path.split(entry)
    prefix, stem = name.split("-", 1)[0] + "-", os.path.splitext(name)[0]
    for other in os.listdir(folder):  # the same pack as it was before a change: never read again
        if other.startswith(prefix) and os.path.splitext(other)[0] != stem:
            try:
                os.unlink(os.path.join(folder, other))
            except OSError:
                pass


# -- whole packs --------------------------------------------------------------------------
# A pack as loading left it (rules, word-list look-ups, its YAML read), pickled beside the entry above: a process
# that finds it reads no YAML and builds no look-up. Its regexes are in it as `regex` pickles them (their compiled
# code, kept as bytes by LazyPattern and loaded on first use); a rule's Aho-Corasick automaton, which cannot be
# pickled, is built again on first use. The entry also holds the stamps of the files outside the pack folder's own
# that loading read (a word list in a subfolder); a change to one of them misses. Pickles are read from the user's
# own cache only.

def _stamp(path: str):
    try:
        info = os.stat(path)
        return [info.st_size, info.st_mtime_ns]
    except OSError:
        return None


def lookup_pack(path: str, signature: tuple) -> dict | None:
    """{"pack": the Pack, "triggers": ...} an earlier process stored for the pack in `path` as it is now, or None."""
    entry = _entry(path, signature)
    if entry is None or not signature:
        return None
    try:
        with open(entry[: -len(".json")] + ".pickle", "rb") as handle:
            if not _trusted(handle.fileno()):
                return None
            data = pickle.load(handle)
        if not (isinstance(data, dict) and data.get("format") == FORMAT and data.get("path") == path):
            return None  # (the same folder named another way: the pack's paths would be spelled differently)
        if any(_stamp(file) != stamp for file, stamp in data["files"]):
            return None
        return data
    except Exception:  # missing, truncated, corrupt, from another layout: load the pack the slow way
        return None


def _trusted(fd: int) -> bool:
    """Whether a pickle may be loaded: unpickling runs code, so only a file this user owns and nobody else may
    write (a cache folder pointed at somewhere shared, through MTLINT_CACHE_DIR, must not run another's code)."""
    if not hasattr(os, "getuid"):
        return True  # (Windows: the user's own profile folder)
    info = os.fstat(fd)
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


def store_pack(path: str, signature: tuple, pack, files: list[str], derived: list) -> None:
    """Keep `pack`, just loaded (and checked) from `path`, with the data files it read; failures are ignored."""
    entry = _entry(path, signature)
    if entry is None or not signature:
        return
    data = {"format": FORMAT, "path": path, "pack": pack, "triggers": derived,
            "files": [(file, _stamp(file)) for file in dict.fromkeys(files)]}
    try:
        payload = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
        _write(entry[: -len(".json")] + ".pickle", lambda handle: handle.write(payload))
    except (OSError, pickle.PicklingError, TypeError, AttributeError):  # (a plug-in kind that cannot be pickled)
        pass


# -- patterns made while linting ------------------------------------------------------------
# Some regexes are made while linting, not when a pack loads: a word list's trie pruned to the phrases whose words a
# paragraph holds (lint.kinds.substitution), one per set of such words. Every process built the trie and compiled
# them again, a few dozen in a run over real news (a fifth of what its first articles cost), though the same sets
# come back run after run. They are kept here, as `regex` pickles them (its compiled code), under a key their maker
# chooses (one that names everything the pattern is made of), in one file per code identity: a process reads it
# when it first needs such a pattern, and, when it made new ones, adds them at exit (the file read again first, so
# what other processes wrote stays, though of two exiting at once one's new patterns may be lost: they are made
# again; the newest MAX_PATTERNS kept). A --jobs worker hands its new ones to its parent.
MAX_PATTERNS = 1000
_PATTERNS: list[dict] = []  # [key -> the pattern, pickled], read on first need
_NEW_PATTERNS: dict = {}  # what this process made that the file did not hold
_SAVING: list[int] = []  # the process whose exit writes them, once it has some


def _patterns_file() -> str | None:
    if os.environ.get(SWITCH, "") == "0":
        return None
    from .cache import default_dir

    return os.path.join(default_dir(), f"packs-v{FORMAT}", f"patterns-{_code_identity()}.pickle")


def _read_patterns(path: str) -> dict:
    try:
        with open(path, "rb") as handle:
            if not _trusted(handle.fileno()):
                return {}
            data = pickle.load(handle)
        return data if isinstance(data, dict) else {}
    except Exception:  # missing, truncated, corrupt: made again
        return {}


def remembered_pattern(key):
    """What an earlier process kept under `key` (a compiled pattern, checked when it was first compiled, or
    False for "nothing to search for"), or None."""
    if not _PATTERNS:
        path = _patterns_file()
        _PATTERNS.append(_read_patterns(path) if path else {})
    saved = _PATTERNS[0].get(key)
    if saved is None:
        return None
    try:
        return pickle.loads(saved)
    except Exception:
        return None


def remember_pattern(key, compiled) -> None:
    """Keep a pattern just made (and checked) for the next process (written at exit)."""
    if _patterns_file() is None:  # (MTLINT_PACK_CACHE=0: nothing is kept)
        return
    try:
        _keep_new([(key, pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL))])
    except Exception:
        pass


def _keep_new(entries) -> None:
    """Add `entries` (key, pickled pattern) to what this process's exit writes (its callers asked _patterns_file)."""
    if not _SAVING:
        import atexit

        atexit.register(_save_patterns, os.getpid())
        _SAVING.append(os.getpid())
    for key, saved in entries:
        if len(_NEW_PATTERNS) >= MAX_PATTERNS:  # (memory stays flat on an archive)
            break
        _NEW_PATTERNS[key] = saved


def take_new_patterns() -> list:
    """The patterns this process made since it last was asked (a --jobs worker, whose exit writes nothing, hands
    them to its parent with its results: `keep_new_patterns`)."""
    taken = list(_NEW_PATTERNS.items())
    _NEW_PATTERNS.clear()
    return taken


def keep_new_patterns(entries: list) -> None:
    """Keep patterns a --jobs worker made, to be written at this process's exit."""
    if entries:
        _keep_new(entries)


def _save_patterns(pid: int) -> None:
    path = _patterns_file()
    if os.getpid() != pid or path is None or not _NEW_PATTERNS:  # (a forked worker may inherit the handler)
        return
    merged = {**_read_patterns(path), **_NEW_PATTERNS}
    if len(merged) > MAX_PATTERNS:
        merged = dict(list(merged.items())[-MAX_PATTERNS:])
    try:
        payload = pickle.dumps(merged, protocol=pickle.HIGHEST_PROTOCOL)
        _write(path, lambda handle: handle.write(payload))
    except OSError:
        pass
