"""The content cache: a file's findings kept under a key of everything that decides them.

A second `mtlint check` over an unchanged tree reads each file, hashes it and
reads its findings back instead of linting. The key covers the file's path and
text, the configuration that applies to it (its path and content), every pack
file it can load (rules and the word lists they name, by content), the command line's rule selection, the mtlint
version, the versions of the libraries rules run on and the stamps of mtlint's
own source files (so an edited checkout never serves old findings). It is taken
before --baseline and --changed-since filter findings, which therefore need no
place in it. An entry that cannot be read is ignored (and linted again), never
fatal; entries are written whole or not at all (one SQLite transaction per run).
"""
from __future__ import annotations

import os
import re
import sys

try:  # the BLAKE2 module alone: hashlib would load OpenSSL's bindings first (a sixtieth of start-up) for nothing
    from _blake2 import blake2b
except ImportError:  # (a Python built without it)
    from hashlib import blake2b

from .builtin import builtin_packs_dir
from .document import Directive
from .finding import Finding, Fix
from .result import Result

FORMAT = "3"  # the entry layout; a change makes old entries unreachable (1: a msgpack file per entry; 2: keys of the text)
DATABASE = "findings.sqlite"
FLUSH_EVERY = 2000  # pending entries written at once, also before the run ends (memory stays flat)
QUERY_KEYS = 500  # keys looked up in one query (SQLite allows 32766 parameters)
BUSY_SECONDS = 2.0  # how long a write waits for another process's transaction before it gives up
SQLITE_CORRUPT, SQLITE_NOTADB = 11, 26  # sqlite3 error codes of a damaged file and of a file that is no database
_CHECKED = "checked:"  # the key prefix of the records of rules already checked
_STAMP = "stamp:"  # the key prefix of the records of what a file (by absolute path) held at a stamp
# A stamp is trusted only once its file has been left alone this long before it was read: a file written twice
# within one tick of the file system's clock (milliseconds) keeps its times, so a stamp taken in that tick could
# outlive a second write (git's "racy" entries, dealt with the same way).
SETTLED_NS = 2_000_000_000
_INHERITED: list = []  # connections a forked process found open: kept, never used or closed
# Libraries whose behaviour decides findings (the bilingual formats' segmentation and romanisation among them).
LIBRARIES = ("mtlint", "regex", "ftfy", "py3langid", "markdown-it-py", "mdit-py-plugins", "pyyaml", "ahocorasick-rs",
             "sentencex", "fugashi", "unidic-lite", "cutlet", "pypinyin", "iuliia", "lxml", "numpy")
ENV_DIR = "MTLINT_CACHE_DIR"


def default_dir() -> str:
    """$MTLINT_CACHE_DIR, else the user's cache directory (~/.cache/mtlint on Linux), as platformdirs names it."""
    chosen = os.environ.get(ENV_DIR)
    if chosen:
        return chosen
    common = _linux_cache_home()
    if common is not None:
        return os.path.join(common, "mtlint")
    from platformdirs import user_cache_dir

    return user_cache_dir("mtlint", appauthor=False)


def _linux_cache_home() -> str | None:
    """The cache home platformdirs gives on Linux in the common cases ($XDG_CACHE_HOME absolute, or unset with an
    absolute $HOME), without importing it: it brings pathlib, tempfile and shutil, a twentieth of start-up. None for
    anything else (another system, Android, a relative variable), which platformdirs itself then decides
    (tests/test_startup.py compares the two)."""
    if sys.platform != "linux" or "ANDROID_DATA" in os.environ or hasattr(sys, "getandroidapilevel"):
        return None
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if xdg.startswith("/"):
        return xdg
    home = os.environ.get("HOME", "")
    if xdg or not home.startswith("/"):
        return None
    return os.path.expanduser("~/.cache")


def text_digest(text: str) -> str:
    """The digest of an article's text, which its key holds."""
    return _hash(text.encode("utf-8", "surrogatepass"))


def _settled(stamp: str, looked_at: int) -> bool:
    """Whether the file of `stamp` had not been written or changed for SETTLED_NS at `looked_at` (the clock read
    before the file was looked at, however long its linting then took); a time in the future is never settled."""
    *_, mtime, ctime = stamp.split(":")
    return max(int(mtime), int(ctime)) < looked_at - SETTLED_NS


def _hash(*parts: bytes) -> str:
    digest = blake2b(digest_size=20)
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
    return re.sub(r"[-_.]+", "_", name).lower()


def library_versions(names: tuple[str, ...]) -> dict[str, str]:
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
    versions = library_versions(LIBRARIES)
    parts = [f"{name}={versions[name]}".encode() for name in LIBRARIES]
    parts += _tree(os.path.dirname(os.path.abspath(__file__)), (".py",), content=False)
    return _hash(*parts)


class ContentCache:
    """Findings by content key, in one SQLite database (the stdlib's sqlite3) under `folder`.

    One database instead of a file per article: a warm run looks every article up in one open file, and a cold
    run writes its entries in one transaction at the end (`flush`) instead of creating a file per article. A
    database that cannot be read (garbage, truncated) is set aside and made again; a locked, read-only or full
    one leaves the run uncached; neither is ever fatal. Entries found by --jobs workers travel back to the
    parent with their results (`take_pending`, `add_pending`), which writes them all.
    """

    def __init__(self, folder: str) -> None:
        self.folder = os.path.join(os.path.abspath(folder), f"v{FORMAT}")
        self.path = os.path.join(self.folder, DATABASE)
        self._rules: dict = {}  # (config path, pack paths, selection) -> the rules' identity, once per process
        self._of_path: dict = {}  # file path -> its rules' identity, within one run, for `_of_selection`
        self._of_selection = None  # the selection `_of_path` holds identities for
        self._code: str | None = None
        self._checked: dict[str, dict | None] = {}  # rules identity -> what `checked` read for it
        self._stored: set[str] = set()  # the rules identities whose record `checked` read from the database
        self._db = None  # the connection, opened on first need (None: not yet; False: unusable in this process)
        self._damaged = False  # the database file is garbage: the next flush makes a new one
        self._pid = os.getpid()  # a forked worker never uses its parent's connection
        self.pending: list[tuple[str, bytes]] = []  # (key, entry) stored but not written yet

    def __getstate__(self) -> dict:  # worker processes work the identities out again, with a connection of their own
        return {"folder": self.folder, "path": self.path, "_rules": {}, "_of_path": {}, "_of_selection": None,
                "_code": None, "_checked": {}, "_stored": set(), "_db": None, "_damaged": False, "_pid": None, "pending": []}

    # -- the key ---------------------------------------------------------------------
    def rules_identity(self, runner, path: str) -> str:
        """What decides which rules run for `path` and how: its configuration, the packs, the selection, the code."""
        selection = runner.options.selection
        if selection is not self._of_selection:  # the memo is by path for one selection (hashing one costs more)
            self._of_path.clear()
            self._of_selection = selection
        known = self._of_path.get(path)  # (asked several times for each file)
        if known is not None:
            return known
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
        if len(self._of_path) >= 100_000:  # (memory stays flat on an archive of millions of files)
            self._of_path.clear()
        self._of_path[path] = identity
        return identity

    def key(self, runner, path: str, text: str) -> str:
        return self.key_of(runner, path, text_digest(text))

    def key_of(self, runner, path: str, digest: str) -> str:
        """The key of `path` holding the text of `digest` (`text_digest`) under the rules that apply to it."""
        return _hash(self.rules_identity(runner, path).encode(), path.encode("utf-8", "surrogateescape"), digest.encode())

    # -- what files held -------------------------------------------------------------
    keeps_stamps = os.name == "posix"  # (on Windows st_ctime is the creation time: a rewrite would keep the stamp)
    # A warm run over an unchanged tree would spend most of its time reading and hashing articles it will not lint.
    # The digest of what a file held is kept under its stamp (lint.inputs.stamp: inode, size, write and change
    # times); a file whose stamp is the one kept is not read again. Any write moves the change time (which no
    # user can set back), so a kept stamp never stands for other text, settled stamps apart (SETTLED_NS).
    def remember_stamp(self, path: str, stamp: str, text: str, looked_at: int) -> None:
        """Keep that `path`, at `stamp`, held `text` (when the stamp had settled at `looked_at`, the clock before
        the file was looked at: see SETTLED_NS); never where stamps are not kept (`keeps_stamps`)."""
        if stamp and self.keeps_stamps and _settled(stamp, looked_at):
            self._put(_STAMP + os.path.abspath(path), [stamp, text_digest(text)])

    def digests(self, stamps: dict[str, str]) -> dict[str, str]:
        """path -> the digest of its text, for those of `stamps` (path -> its stamp now) kept at that very stamp."""
        wanted = {_STAMP + os.path.abspath(path): (path, stamp) for path, stamp in stamps.items()}
        found = {}
        for key, data in self._read_many(list(wanted)).items():
            path, stamp = wanted[key]
            if isinstance(data, list) and len(data) == 2 and data[0] == stamp and isinstance(data[1], str):
                found[path] = data[1]
        return found

    # -- rules already checked ----------------------------------------------------------
    # A run that loaded the packs and configuration for a rules identity (and so checked them: a broken pack or an
    # unknown rule name is an error before any article is read) records what loading them told it: the warnings
    # to repeat and whether a grammar rule runs. A later run with that identity need not load them at all unless
    # an article misses the cache (the identity holds every pack file, the configuration and the code).
    def checked(self, runner, path: str) -> dict | None:
        """{"warnings": [...], "grammar": bool} recorded for the rules that apply to `path`, or None."""
        identity = self.rules_identity(runner, path)
        if identity not in self._checked:
            data = self._read(_CHECKED + identity)
            valid = (isinstance(data, dict) and isinstance(data.get("warnings"), list)
                     and isinstance(data.get("grammar"), bool))
            self._checked[identity] = data if valid else None
            if valid:
                self._stored.add(identity)
        return self._checked[identity]

    def may_hold(self, runner, path: str) -> bool:
        """Whether the database can hold entries for the rules of `path`: it held their record of rules checked
        when this run first asked. A record is written with (or before) the first entries under it, in one
        transaction, so without one there is nothing to look up: a cold run reads each article once, not twice."""
        self.checked(runner, path)
        return self.rules_identity(runner, path) in self._stored

    def remember_checked(self, runner, path: str, resolved) -> None:
        """Record what loading the rules for `path` gave (`resolved`: a lint.config.Resolved)."""
        identity = self.rules_identity(runner, path)
        if self._checked.get(identity) is None:
            data = self._checked[identity] = {"warnings": list(resolved.warnings), "grammar": resolved.runs_grammar}
            self._put(_CHECKED + identity, data)

    # -- entries ---------------------------------------------------------------------
    def lookup(self, key: str) -> Result | None:
        """The result stored under `key`, or None when there is none or it cannot be read back."""
        return self._result(key, self._read(key))

    def lookup_many(self, keys: list[str]) -> dict[str, Result]:
        """key -> stored result, for those of `keys` the cache holds (and can read back)."""
        found = {}
        for key, data in self._read_many(keys).items():
            result = self._result(key, data)
            if result is not None:
                found[key] = result
        return found

    @staticmethod
    def _result(key: str, data) -> Result | None:
        if data is None:
            return None
        try:
            if data.get("key") != key:
                return None
            findings = []
            for item in data["findings"]:
                fix = item.pop("fix", None)
                findings.append(Finding(**item, fix=Fix(**fix) if fix is not None else None))
            unused = [Directive(action, tuple(rules), offset, end) for action, rules, offset, end in data["unused"]]
            return Result(data["path"], findings, [], unused)
        except Exception:  # an entry of an incompatible layout: lint again
            return None

    def store(self, key: str, result: Result) -> None:
        """Keep `result` under `key` (written by `flush`); a result with errors (timeouts) is not kept."""
        if result.errors:
            return
        self._put(key, {
            "key": key,
            "path": result.path,
            "findings": [f.as_dict() for f in result.findings],
            "unused": [[d.action, list(d.rules), d.offset, d.end] for d in result.unused_directives],
        })

    def lint(self, runner, path: str, text: str, compute) -> Result:
        """The stored result for `path` holding `text`, else `compute()`, stored for next time."""
        key = self.key(runner, path, text)
        result = self.lookup(key)
        if result is None:
            result = compute()
            self.store(key, result)
        return result

    def take_pending(self) -> list[tuple[str, bytes]]:
        """The entries stored in this process and not written yet (a --jobs worker hands them to its parent)."""
        self._own()
        pending, self.pending = self.pending, []
        return pending

    def add_pending(self, entries: list[tuple[str, bytes]]) -> None:
        self._own()
        self.pending.extend(entries)
        if len(self.pending) >= FLUSH_EVERY:
            self.flush()

    def flush(self) -> None:
        """Write every pending entry in one transaction; failures (locked, read-only, full) are ignored."""
        self._own()
        if not self.pending:
            return
        entries, self.pending = self.pending, []
        if self._damaged:  # garbage where the database should be: set it aside, start a new one
            self._discard()
        db = self._connection(create=True)
        if db is None:
            return
        try:
            db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID")
            db.execute("BEGIN IMMEDIATE")
            try:
                db.executemany("INSERT OR REPLACE INTO entries (key, value) VALUES (?, ?)", entries)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        except Exception as exc:  # (sqlite3.Error, OSError; sqlite3 itself is imported only when used)
            if self._unreadable(exc):
                self._db, self._damaged = False, True  # made again by the next run that writes

    def close(self) -> None:
        """Close the database (the next use opens it again): its write-ahead log is folded into it."""
        self._own()
        if self._db:
            try:
                self._db.close()
            except Exception:
                pass
            self._db = None

    # -- the database -----------------------------------------------------------------
    def _put(self, key: str, data) -> None:
        import msgpack  # (a run with --no-cache never needs it: start-up)

        self.add_pending([(key, msgpack.packb(data, use_bin_type=True))])

    def _read(self, key: str):
        """The unpacked entry under `key`, or None (no database yet, no entry, garbage, a database error)."""
        self._own()
        db = self._connection(create=False)
        if db is None:
            return None
        try:
            row = db.execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone()
        except Exception as exc:  # no table yet, locked, or not a database at all
            if self._unreadable(exc):
                self._db, self._damaged = False, True  # nothing more is read from it; `flush` makes it again
            return None
        if row is None:
            return None
        import msgpack

        try:
            return msgpack.unpackb(row[0], raw=False)
        except Exception:  # a damaged entry: lint again (and store it again)
            return None

    def _read_many(self, keys: list[str]) -> dict:
        """key -> unpacked entry, for those of `keys` the database holds and that can be read."""
        self._own()
        db = self._connection(create=False) if keys else None
        if db is None:
            return {}
        import msgpack

        found = {}
        for first in range(0, len(keys), QUERY_KEYS):
            batch = keys[first:first + QUERY_KEYS]
            try:
                rows = db.execute(f"SELECT key, value FROM entries WHERE key IN ({','.join('?' * len(batch))})",
                                  batch).fetchall()
            except Exception as exc:  # no table yet, locked, or not a database at all
                if self._unreadable(exc):
                    self._db, self._damaged = False, True
                return found
            for key, value in rows:
                try:
                    found[key] = msgpack.unpackb(value, raw=False)
                except Exception:  # a damaged entry: lint again (and store it again)
                    pass
        return found

    def _own(self) -> None:
        if self._pid != os.getpid():  # (a forked worker: the parent's connection and pending entries are not its own)
            if self._db:
                _INHERITED.append(self._db)  # never closed here (SQLite connections must not cross a fork)
            self._db, self._pid, self.pending, self._checked, self._stored = None, os.getpid(), [], {}, set()

    def _connection(self, create: bool):
        """The open database (made when `create`), or None when there is none or it cannot be used."""
        if self._db is None:
            if not create and not os.path.exists(self.path):
                return None  # (nothing cached yet: not even sqlite3 is imported)
            self._db = self._open(create)
        return self._db or None

    def _open(self, create: bool):
        try:
            import sqlite3

            if create:
                os.makedirs(self.folder, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False)
        except Exception:  # a folder that cannot be made, a path that is a file
            return False
        try:
            # Write-ahead logging: readers never wait for a writer (a second mtlint run, an editor's). No fsync
            # (a cold run waited on eight, up to a second on a busy disk): a crash of the program loses nothing,
            # one of the machine may damage the database, which the next run then makes again.
            db.execute("PRAGMA synchronous=OFF")
            db.execute("PRAGMA journal_mode=WAL")
        except Exception as exc:
            if self._unreadable(exc):
                db.close()
                self._damaged = True
                return False
            # (a read-only folder: write-ahead logging cannot be set up; reading may still work)
        return db

    @staticmethod
    def _unreadable(exc: Exception) -> bool:
        """Whether `exc` says the database file is damaged or no database at all (not: locked, read-only)."""
        return getattr(exc, "sqlite_errorcode", None) in (SQLITE_CORRUPT, SQLITE_NOTADB)

    def _discard(self) -> None:
        """Remove a damaged database, so that the next connection makes a new one."""
        if self._db:
            try:
                self._db.close()
            except Exception:
                pass
        self._db, self._damaged = None, False
        for suffix in ("", "-wal", "-shm"):
            try:
                os.unlink(self.path + suffix)
            except OSError:
                pass


def open_cache(folder: str | None, disabled: bool) -> ContentCache | None:
    """The cache a run uses: None with --no-cache, else `folder` or the default folder."""
    return None if disabled else ContentCache(folder or default_dir())
