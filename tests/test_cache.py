"""The content cache: identical results with and without it, exact invalidation, corrupt entries ignored."""
from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import subprocess
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import msgpack

from conftest import EXAMPLES, ROOT
from lint.cache import FORMAT, ContentCache
from lint.runner import Options, Runner

SEED = (EXAMPLES / "seed-article.txt").read_text(encoding="utf-8")
REPAIRED = (EXAMPLES / "seed-article.repaired.txt").read_text(encoding="utf-8")


def _tree(root: Path) -> Path:
    """Articles in every format, a user pack and a config that loads it."""
    content = root / "content"
    content.mkdir(parents=True)
    (content / "seed.txt").write_text(SEED, encoding="utf-8")
    (content / "repaired.txt").write_text(REPAIRED, encoding="utf-8")
    (content / "seed.md").write_text("# Title\n\n" + SEED, encoding="utf-8")
    (content / "seed.html").write_text("<p>" + SEED.replace("\n\n", "</p><p>") + "</p>", encoding="utf-8")
    (content / "towns.txt").write_text("Officials in Kiev and Peking said the the talks went on in Gotham.\n", encoding="utf-8")
    shutil.copytree(EXAMPLES / "packs" / "HouseStyle", root / "packs" / "HouseStyle")
    (root / "packs" / "HouseStyle" / "Lists.yml").write_text(
        "kind: substitution\nlevel: warning\nmessage: \"Write '{suggestion}', not '{match}'.\"\n"
        "swap_file: {path: lists.tsv}\n", encoding="utf-8")
    (root / "packs" / "HouseStyle" / "lists.tsv").write_text("wrong\tright\nGothamm\tGotham\n", encoding="utf-8")
    (root / ".mtlint.yaml").write_text("pack_paths: [packs]\nrules:\n  HouseStyle: on\n", encoding="utf-8")
    return content


def _check(root: Path, *args: str) -> subprocess.CompletedProcess:
    """The real `mtlint check` as a process (so nothing is remembered between runs but the cache)."""
    return subprocess.run([sys.executable, "-m", "lint", "check", "--format", "json", "--jobs", "1", *args, "content"],
                          cwd=root, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})


def _rows(folder: Path) -> dict[str, bytes]:
    """The cache's entries (key -> stored bytes), without its records of rules already checked."""
    database = folder / f"v{FORMAT}" / "findings.sqlite"
    if not database.exists():
        return {}
    with closing(sqlite3.connect(database)) as db:
        rows = db.execute("SELECT key, value FROM entries").fetchall()
    return {key: value for key, value in rows if not key.startswith(("checked:", "stamp:"))}


def _set_row(folder: Path, key: str, value: bytes) -> None:
    with closing(sqlite3.connect(folder / f"v{FORMAT}" / "findings.sqlite")) as db, db:
        db.execute("UPDATE entries SET value = ? WHERE key = ?", (value, key))


def _entries(folder: Path) -> set[str]:
    return set(_rows(folder))


def test_cached_runs_equal_uncached_runs_and_change_invalidates_exactly(tmp_path):
    content = _tree(tmp_path)
    store = tmp_path / "cache"
    uncached = _check(tmp_path, "--no-cache")
    assert uncached.returncode == 1, uncached.stderr
    assert not store.exists()
    cold = _check(tmp_path, "--cache-dir", str(store))
    first = _entries(store)
    assert len(first) == 5  # one entry per file
    warm = _check(tmp_path, "--cache-dir", str(store))
    assert uncached.stdout == cold.stdout == warm.stdout
    assert _entries(store) == first  # nothing linted again
    towns = json.loads(warm.stdout)
    assert [(f["path"], f["rule"], f["line"], f["column"], f["match"]) for f in towns if f["path"].endswith("towns.txt")] == [
        ("content/towns.txt", "Terminology.UkrainePlaces", 1, 14, "Kiev"),
        ("content/towns.txt", "Terminology.Renames", 1, 23, "Peking"),
        ("content/towns.txt", "MTArtefacts.DoubledWord", 1, 35, "the the"),
    ]

    # One article changes: exactly one new entry, the same findings as without a cache.
    (content / "towns.txt").write_text("Officials in Kiev said so.\n", encoding="utf-8")
    after = _check(tmp_path, "--cache-dir", str(store))
    assert len(_entries(store) - first) == 1
    assert after.stdout == _check(tmp_path, "--no-cache").stdout
    seen = _entries(store)

    # An option that changes the rules: every file again.
    disabled = _check(tmp_path, "--cache-dir", str(store), "--disable", "MTArtefacts.DoubledWord")
    assert len(_entries(store) - seen) == 5
    assert disabled.stdout == _check(tmp_path, "--no-cache", "--disable", "MTArtefacts.DoubledWord").stdout
    assert "DoubledWord" not in disabled.stdout
    seen = _entries(store)

    # A pack file changes: every file again, and what the edited rule finds is reported.
    (content / "towns.txt").write_text("Talks went on in Gotham.\n", encoding="utf-8")
    seen = _entries(store) if _check(tmp_path, "--cache-dir", str(store)).stdout.count("Gotham") == 0 else None
    rule = tmp_path / "packs" / "HouseStyle" / "Towns.yml"
    rule.write_text(rule.read_text(encoding="utf-8").replace("  Peking: Beijing", "  Peking: Beijing\n  Gotham: Metropolis"),
                    encoding="utf-8")
    edited = _check(tmp_path, "--cache-dir", str(store))
    assert len(_entries(store) - seen) == 5
    assert edited.stdout == _check(tmp_path, "--no-cache").stdout
    assert [(f["rule"], f["column"], f["match"]) for f in json.loads(edited.stdout) if f["path"].endswith("towns.txt")] == \
        [("HouseStyle.Towns", 18, "Gotham")]
    seen = _entries(store)

    # A word list a rule names changes: every file again, and its new pair is what is reported.
    (tmp_path / "packs" / "HouseStyle" / "lists.tsv").write_text("wrong\tright\nGotham\tSmallville\n", encoding="utf-8")
    listed = _check(tmp_path, "--cache-dir", str(store))
    assert len(_entries(store) - seen) == 5
    assert listed.stdout == _check(tmp_path, "--no-cache").stdout
    assert ("HouseStyle.Lists", 18, "Gotham") in [(f["rule"], f["column"], f["match"]) for f in json.loads(listed.stdout)]
    seen = _entries(store)

    # The configuration changes: every file again.
    (tmp_path / ".mtlint.yaml").write_text("pack_paths: [packs]\nrules:\n  HouseStyle: off\n", encoding="utf-8")
    configured = _check(tmp_path, "--cache-dir", str(store))
    assert len(_entries(store) - seen) == 5
    assert configured.stdout == _check(tmp_path, "--no-cache").stdout


def test_version_and_code_are_in_the_key(tmp_path, monkeypatch):
    runner = Runner(Options(config_path=None))
    before = ContentCache(str(tmp_path)).key(runner, "a.txt", "Kiev.")
    assert ContentCache(str(tmp_path)).key(runner, "a.txt", "Kiev.") == before
    assert ContentCache(str(tmp_path)).key(runner, "b.txt", "Kiev.") != before
    assert ContentCache(str(tmp_path)).key(runner, "a.txt", "Kyiv.") != before
    # Another mtlint version installed first on sys.path (as importlib.metadata, and lint.cache, would find it).
    site = tmp_path / "site" / "mtlint-9.9.dist-info"
    site.mkdir(parents=True)
    (site / "METADATA").write_text("Metadata-Version: 2.1\nName: mtlint\nVersion: 9.9\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(site.parent))
    assert importlib.metadata.version("mtlint") == "9.9"
    assert ContentCache(str(tmp_path)).key(runner, "a.txt", "Kiev.") != before


def test_entries_are_served_and_corrupt_ones_ignored(tmp_path):
    _tree(tmp_path)
    store = tmp_path / "cache"
    expected = _check(tmp_path, "--cache-dir", str(store)).stdout
    rows = _rows(store)
    # (the entries with findings first: which file an entry belongs to is in its key's hash)
    keys = sorted(rows, key=lambda k: (not msgpack.unpackb(rows[k])["findings"], k))
    # A hit is served from its entry: an entry edited by hand shows up in the report.
    data = msgpack.unpackb(rows[keys[0]])
    assert data["findings"]
    data["findings"][0]["message"] = "from the cache"
    _set_row(store, keys[0], msgpack.packb(data))
    assert "from the cache" in _check(tmp_path, "--cache-dir", str(store)).stdout
    # Garbage, a truncated entry, an empty one, a wrong structure: linted again, same report, exit as before.
    _set_row(store, keys[0], b"\x00garbage")
    _set_row(store, keys[1], rows[keys[1]][:7])
    _set_row(store, keys[2], b"")
    _set_row(store, keys[3], msgpack.packb({"key": keys[3], "findings": [{"nope": 1}], "unused": []}))
    again = _check(tmp_path, "--cache-dir", str(store))
    assert again.returncode == 1 and again.stderr == ""
    assert again.stdout == expected
    assert _rows(store) == rows  # each stored again, whole


def test_a_database_that_is_garbage_is_made_again(tmp_path):
    _tree(tmp_path)
    store = tmp_path / "cache"
    expected = _check(tmp_path, "--cache-dir", str(store)).stdout
    rows = _rows(store)
    assert len(rows) == 5
    database = store / f"v{FORMAT}" / "findings.sqlite"
    for damage in (b"this is not a database at all" * 200, database.read_bytes()[:5000]):
        database.write_bytes(damage)
        again = _check(tmp_path, "--cache-dir", str(store))
        assert again.returncode == 1 and again.stderr == ""
        assert again.stdout == expected
        assert _rows(store) == rows  # a new database, every entry in it again
        assert _check(tmp_path, "--cache-dir", str(store)).stdout == expected  # and served from it


def test_a_warm_run_loads_no_pack_and_repeats_the_warnings(tmp_path):
    """Rules an earlier run loaded and checked are not loaded again while every article is in the cache: the
    warnings loading gave are repeated from the cache, and any change to a pack loads (and checks) it again."""
    _tree(tmp_path)
    store = tmp_path / "cache"
    (tmp_path / "packs" / "HouseStyle" / "Old.yml").write_text(
        "kind: existence\nlevel: warning\nmessage: old\ntokens: [Gothamm]\ndeprecated: use HouseStyle.Towns\n",
        encoding="utf-8")
    probe = ("import sys\nfrom lint import packs\nfrom lint.cli import main\n"
             "sys.argv = ['mtlint', 'check', '--format', 'json', '--jobs', '1', '--cache-dir', sys.argv[1], 'content']\n"
             "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code\n"
             "print('packs loaded:', len(packs._LOADED), 'exit', code, file=sys.stderr)\n")
    run = lambda: subprocess.run([sys.executable, "-c", probe, str(store)], cwd=tmp_path,  # noqa: E731
                                 capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    warning = "mtlint: warning: " + str(tmp_path / "packs" / "HouseStyle" / "Old.yml") + \
        ": rule HouseStyle.Old is deprecated: use HouseStyle.Towns"
    cold, warm = run(), run()
    assert cold.stdout == warm.stdout == _check(tmp_path, "--no-cache").stdout
    every = len(os.listdir(ROOT / "rules")) + 1  # the built-in packs and HouseStyle
    assert cold.stderr.splitlines() == [warning, f"packs loaded: {every} exit 1"]
    assert warm.stderr.splitlines() == [warning, "packs loaded: 0 exit 1"]
    # One article changes: the packs are loaded for it (and only it is linted).
    (tmp_path / "content" / "towns.txt").write_text("Officials in Kiev said so.\n", encoding="utf-8")
    changed = run()
    assert changed.stderr.splitlines() == [warning, f"packs loaded: {every} exit 1"]
    assert changed.stdout == _check(tmp_path, "--no-cache").stdout
    # A pack broken since: an error before any article is read, cache or not.
    (tmp_path / "packs" / "HouseStyle" / "Old.yml").write_text("kind: existence\nlevel: loud\n", encoding="utf-8")
    broken = run()
    assert broken.stdout == ""
    assert broken.stderr.startswith("mtlint: error: ") and "Old.yml" in broken.stderr.splitlines()[0]
    assert broken.stderr.splitlines()[-1].endswith("exit 2")


def test_an_unusable_cache_folder_is_not_fatal(tmp_path):
    _tree(tmp_path)
    (tmp_path / "blocked").write_text("a file where the cache folder would be", encoding="utf-8")
    result = _check(tmp_path, "--cache-dir", str(tmp_path / "blocked" / "cache"))  # cannot be made
    assert result.returncode == 1 and result.stderr == ""
    assert result.stdout == _check(tmp_path, "--no-cache").stdout


def test_fix_with_a_warm_cache_writes_what_an_uncached_fix_writes(tmp_path):
    cached_root, plain_root = tmp_path / "cached", tmp_path / "plain"
    for root in (cached_root, plain_root):
        _tree(root)
    store = tmp_path / "cache"
    _check(cached_root, "--cache-dir", str(store))  # warm
    fixed = _check(cached_root, "--cache-dir", str(store), "--fix")
    plain = _check(plain_root, "--no-cache", "--fix")
    assert fixed.stdout == plain.stdout and fixed.returncode == plain.returncode
    for name in ("seed.txt", "seed.md", "seed.html", "towns.txt", "repaired.txt"):
        assert (cached_root / "content" / name).read_text(encoding="utf-8") == \
            (plain_root / "content" / name).read_text(encoding="utf-8")
    assert "Kyiv" in (cached_root / "content" / "towns.txt").read_text(encoding="utf-8")
    # After the fix, a cached check reports what is left, as an uncached one does.
    assert _check(cached_root, "--cache-dir", str(store)).stdout == _check(plain_root, "--no-cache").stdout


def test_jobs_with_the_cache_give_the_same_report(tmp_path):
    content = _tree(tmp_path)
    for i in range(12):  # enough files for worker processes
        (content / f"copy{i}.txt").write_text(SEED.replace("Macron", f"Macron {i}"), encoding="utf-8")
    store = tmp_path / "cache"
    one = _check(tmp_path, "--no-cache")
    cold = subprocess.run([sys.executable, "-m", "lint", "check", "--format", "json", "--jobs", "2", "--cache-dir",
                           str(store), "content"], cwd=tmp_path, capture_output=True, text=True)
    warm = subprocess.run([sys.executable, "-m", "lint", "check", "--format", "json", "--jobs", "2", "--cache-dir",
                           str(store), "content"], cwd=tmp_path, capture_output=True, text=True)
    assert one.stdout == cold.stdout == warm.stdout
    assert len(_entries(store)) == 17


def test_a_database_another_process_holds_locked_leaves_the_run_uncached(tmp_path):
    """Another writer (a second mtlint run, say) holding the database: this run waits a moment, then goes on
    without storing; the report is the same and nothing is said about it."""
    _tree(tmp_path)
    store = tmp_path / "cache"
    expected = _check(tmp_path, "--cache-dir", str(store)).stdout
    (tmp_path / "content" / "towns.txt").write_text("Officials in Kharkov said so.\n", encoding="utf-8")
    before = _entries(store)
    with closing(sqlite3.connect(store / f"v{FORMAT}" / "findings.sqlite", isolation_level=None)) as holder:
        holder.execute("BEGIN EXCLUSIVE")
        locked = _check(tmp_path, "--cache-dir", str(store))
        holder.execute("ROLLBACK")
    assert locked.returncode == 1 and locked.stderr == ""
    assert locked.stdout == _check(tmp_path, "--no-cache").stdout != expected
    assert _entries(store) == before  # nothing stored while it was held
    assert _check(tmp_path, "--cache-dir", str(store)).stdout == locked.stdout
    assert len(_entries(store) - before) == 1  # stored by the next run


def test_jobs_lint_only_what_the_cache_misses_and_the_parent_stores_it(tmp_path):
    """With --jobs, the parent serves what the cache holds and sends only the rest to the workers, whose entries
    it writes: a run after editing ten articles stores ten entries and reports what an uncached run reports."""
    content = _tree(tmp_path)
    for i in range(20):
        (content / f"copy{i}.txt").write_text(SEED.replace("Macron", f"Macron {i}"), encoding="utf-8")
    store = tmp_path / "cache"
    jobs = lambda: subprocess.run([sys.executable, "-m", "lint", "check", "--format", "json", "--jobs", "2",  # noqa: E731
                                   "--cache-dir", str(store), "content"], cwd=tmp_path, capture_output=True, text=True)
    cold = jobs()
    assert cold.stdout == _check(tmp_path, "--no-cache").stdout and cold.stderr == ""
    first = _entries(store)
    assert len(first) == 25
    for i in range(10):
        (content / f"copy{i}.txt").write_text(REPAIRED.replace("Macron", f"Macron {i}"), encoding="utf-8")
    again = jobs()
    assert again.stdout == _check(tmp_path, "--no-cache").stdout != cold.stdout
    assert len(_entries(store) - first) == 10
    assert not list(store.rglob("*-wal")) and not list(store.rglob("*-shm"))  # closed: the log folded in


def _counting_reads(monkeypatch) -> list[str]:
    """The paths the runner reads from now on (lint.runner.read_file, which every article read goes through)."""
    from lint import runner

    read, real = [], runner.read_file

    def counted(path):
        read.append(os.path.basename(path))
        return real(path)

    monkeypatch.setattr(runner, "read_file", counted)
    return read


def test_a_warm_run_reads_no_file_whose_stamp_it_kept_and_rereads_one_rewritten(tmp_path, monkeypatch):
    """A file whose stamp (inode, size, write and change times) is the one kept is not read: its key comes from
    the digest kept with the stamp. Rewritten with the same size and its write time put back, a file still gets a
    new change time, which no one can set back: it is read and linted again, and the report is an uncached one's."""
    from lint import cache
    from conftest import run_cli

    monkeypatch.setattr(cache, "SETTLED_NS", 0)  # (these files are milliseconds old: trust their stamps at once)
    content = _tree(tmp_path)
    store = str(tmp_path / "cache")
    check = lambda *extra: run_cli("check", "--format", "json", "--jobs", "1", *extra, "content", cwd=tmp_path)  # noqa: E731
    read = _counting_reads(monkeypatch)
    cold = check("--cache-dir", store)
    assert sorted(read) == ["repaired.txt", "seed.html", "seed.md", "seed.txt", "towns.txt"]
    read.clear()
    warm = check("--cache-dir", store)
    assert read == [] and warm.stdout == cold.stdout

    towns = content / "towns.txt"
    before = towns.stat()
    text = towns.read_text(encoding="utf-8")
    towns.write_text(text.replace("Kiev", "Kyiv"), encoding="utf-8")  # the same length
    os.utime(towns, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (towns.stat().st_size, towns.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    read.clear()
    after = check("--cache-dir", store)
    assert set(read) == {"towns.txt"}  # (read for its key, then by the lint its miss leads to)
    assert after.stdout == check("--no-cache").stdout != cold.stdout
    assert "UkrainePlaces" not in [f["rule"].split(".")[1] for f in json.loads(after.stdout) if f["path"].endswith("towns.txt")]


def test_a_stamp_taken_while_its_file_may_still_be_written_is_not_trusted(tmp_path, monkeypatch):
    """A file written within SETTLED_NS of being read could be written again within the same tick of the file
    system's clock, keeping its stamp: such a stamp is not kept, and the next run reads the file again."""
    from conftest import run_cli

    _tree(tmp_path)  # just written: none of its files has settled
    store = str(tmp_path / "cache")
    read = _counting_reads(monkeypatch)
    cold = run_cli("check", "--format", "json", "--cache-dir", store, "content", cwd=tmp_path)
    read.clear()
    warm = run_cli("check", "--format", "json", "--cache-dir", store, "content", cwd=tmp_path)
    assert len(read) == 5 and warm.stdout == cold.stdout  # read again, and still served from the cache
    with closing(sqlite3.connect(tmp_path / "cache" / f"v{FORMAT}" / "findings.sqlite")) as db:
        assert db.execute("SELECT count(*) FROM entries WHERE key LIKE 'stamp:%'").fetchone() == (0,)


def test_the_text_report_reads_on_a_warm_run_only_the_files_it_quotes(tmp_path, monkeypatch):
    """The text report quotes the lines of findings: a warm run reads the files that have findings and serves the
    rest by their stamps; the HTML report shows every article, so it reads them all."""
    from lint import cache
    from conftest import run_cli

    monkeypatch.setattr(cache, "SETTLED_NS", 0)
    _tree(tmp_path)
    store = str(tmp_path / "cache")
    check = lambda *extra: run_cli("check", "--jobs", "1", "--cache-dir", store, *extra, "content", cwd=tmp_path)  # noqa: E731
    cold = check()
    read = _counting_reads(monkeypatch)
    warm = check()
    assert warm.stdout == cold.stdout and "repaired.txt" not in cold.stdout
    assert sorted(read) == ["seed.html", "seed.md", "seed.txt", "towns.txt"]  # not repaired.txt: nothing to quote
    read.clear()
    check("--format", "html")
    assert len(read) == 5


def test_the_stamp_kept_is_the_one_of_the_file_read_not_of_what_the_path_named_before(tmp_path, monkeypatch):
    """A link re-pointed between the look at the path and the opening: the text read is the new file's, and so
    is the stamp kept with it (else, the link pointed back, the old file's stamp would stand for the new text)."""
    from lint import inputs

    (tmp_path / "a.txt").write_text("Talks in Kiev.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Talks in Kyiv.\n", encoding="utf-8")
    link = tmp_path / "current.txt"
    link.symlink_to(tmp_path / "a.txt")
    real_open = open

    def switching_open(path, *args, **kwargs):
        link.unlink()
        link.symlink_to(tmp_path / "b.txt")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(inputs, "open", switching_open, raising=False)
    before = inputs.time.time_ns()
    decoded = inputs.read_file(str(link))
    assert decoded.text == "Talks in Kyiv.\n"
    assert decoded.stamp == inputs.stamp(os.stat(tmp_path / "b.txt")) != inputs.stamp(os.stat(tmp_path / "a.txt"))
    assert decoded.stamped_at <= before + 1_000_000  # (the clock before the look, not after the read)


def test_a_stamp_is_settled_by_the_clock_before_its_file_was_looked_at_not_after_the_lint(tmp_path, monkeypatch):
    """However long the lint takes, a stamp taken within SETTLED_NS of the file's last change is not kept."""
    import time

    from lint import cache, runner
    from conftest import run_cli

    (tmp_path / "a.txt").write_text("Talks in Kiev.\n", encoding="utf-8")
    real = runner.Runner.lint_string

    def slow(self, *args, **kwargs):
        time.sleep(cache.SETTLED_NS / 1e9 + 0.2)  # (the file is settled by the end of this, not at its look)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(runner.Runner, "lint_string", slow)
    run_cli("check", "--jobs", "1", "--cache-dir", str(tmp_path / "cache"), "a.txt", cwd=tmp_path)
    with closing(sqlite3.connect(tmp_path / "cache" / f"v{FORMAT}" / "findings.sqlite")) as db:
        assert db.execute("SELECT count(*) FROM entries WHERE key LIKE 'stamp:%'").fetchone() == (0,)
    stamp = "1:2:3:1000000000:1000000000"
    assert cache._settled(stamp, 1_000_000_000 + cache.SETTLED_NS + 1)
    assert not cache._settled(stamp, 1_000_000_000 + cache.SETTLED_NS)
