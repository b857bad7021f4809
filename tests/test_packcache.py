"""The pack cache: a pack that loaded cleanly is loaded lazily by the next process, with the same findings;
any change to the pack loads (and checks) it again; a broken cache entry is ignored."""
from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys

from conftest import ROOT, make_pack

RULE = """\
    kind: pattern
    message: "Placeholder '{match}'"
    pattern: "\\\\{\\\\{[a-z]+\\\\}\\\\}"
    """
ARTICLE = "Talks resumed on Tuesday.\n\nDear {{name}}, thanks for reading.\n"


def _check(folder, cache, *extra: str):
    env = {**os.environ, "MTLINT_CACHE_DIR": str(cache)}
    env.pop("MTLINT_PACK_CACHE", None)
    proc = subprocess.run([sys.executable, "-m", "lint", "check", "--no-cache", "--format", "json", *extra, "article.txt"],
                          cwd=folder, env=env, capture_output=True, text=True)
    return proc.returncode, proc.stdout, proc.stderr


def _entries(cache):
    return sorted((cache / "packs-v1").glob("*.json"))


def test_warm_load_finds_the_same_and_a_changed_pack_is_checked_again(tmp_path):
    pack = make_pack(tmp_path, {"Braces.yml": RULE})
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    cache = tmp_path / "cache"
    cold = _check(tmp_path, cache)
    assert cold[0] == 1
    assert [(f["rule"], f["line"], f["column"], f["match"]) for f in json.loads(cold[1])] == [("Custom.Braces", 3, 6, "{{name}}")]
    assert _entries(cache)  # what loading worked out is kept
    warm = _check(tmp_path, cache)
    assert warm[:2] == cold[:2]
    # A broken regex written into the pack: the cache entry no longer applies, so the pack is checked again.
    (pack / "Braces.yml").write_text(RULE.replace("pattern: ", "pattern: (").replace("    ", ""), encoding="utf-8")
    broken = _check(tmp_path, cache)
    assert broken[0] == 2
    assert "Braces.yml" in broken[2] and "invalid regex in 'pattern'" in broken[2]


def test_a_corrupt_entry_is_ignored(tmp_path):
    make_pack(tmp_path, {"Braces.yml": RULE})
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    cache = tmp_path / "cache"
    cold = _check(tmp_path, cache)
    for entry in _entries(cache):
        entry.write_bytes(b"\x00{not json")
    assert _check(tmp_path, cache)[:2] == cold[:2]


def test_a_warm_load_compiles_a_rules_regex_only_when_first_needed(tmp_path):
    script = (
        "from lint.config import Config, resolve\n"
        f"rules = resolve(Config(root={str(ROOT)!r})).registry.rules\n"
        "pattern = rules['MTArtefacts.StrayTag'].pattern\n"
        "print(pattern._compiled is None, bool(pattern.search('a <br> b')), pattern._compiled is not None)\n"
    )
    env = {**os.environ, "MTLINT_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("MTLINT_PACK_CACHE", None)
    run = lambda: subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,  # noqa: E731
                                 check=True).stdout.split()
    assert run() == ["False", "True", "True"]  # first process: compiled (and checked) while loading
    assert run() == ["True", "True", "True"]  # next one: compiled on first use


def test_a_changed_pack_leaves_one_entry_for_it(tmp_path):
    pack = make_pack(tmp_path, {"Braces.yml": RULE})
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    cache = tmp_path / "cache"
    _check(tmp_path, cache)
    before = len(_entries(cache))
    (pack / "Braces.yml").write_text(RULE.replace("    ", "") + "level: error\n", encoding="utf-8")
    assert _check(tmp_path, cache)[0] == 1
    assert len(_entries(cache)) == before  # the entry of the pack as it was is gone


COUNTING = (
    "import atexit, sys\n"
    "from lint.kinds import base\n"
    "from lint import cli\n"
    "compiled = []\n"
    "real = base.Rule._compile_now\n"
    "base.Rule._compile_now = lambda self, pattern, key, flags: compiled.append(pattern) or real(self, pattern, key, flags)\n"
    "atexit.register(lambda: print('compiled', len(compiled), file=sys.stderr))  # (after the pattern file is written)\n"
    "sys.argv = ['mtlint', 'check', '--no-cache', '--jobs', '1', '--format', 'json', '--fail-on', 'never', 'article.txt']\n"
    "cli.run()\n"
)


def _counted_run(folder, cache) -> tuple[str, int]:
    """A whole `mtlint check` (its exit, where new patterns are written, included): the report, and how many
    regexes it compiled (Rule._compile_now: what neither the pack cache nor the pattern file held)."""
    env = {**os.environ, "MTLINT_CACHE_DIR": str(cache)}
    env.pop("MTLINT_PACK_CACHE", None)
    proc = subprocess.run([sys.executable, "-c", COUNTING], cwd=folder, env=env, capture_output=True, text=True)
    return proc.stdout, int(proc.stderr.rsplit("compiled ", 1)[1])


def test_patterns_compiled_while_linting_are_kept_for_the_next_process(tmp_path):
    """A word list's trie pruned to the names a paragraph holds is compiled while linting; the next process, the
    packs unchanged, reads it back compiled (the same pattern text in every process) and finds the same."""
    (tmp_path / "article.txt").write_text("Stephane Sejourne met Recep Tayyip Erdogan in Kiev.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    first, _ = _counted_run(tmp_path, cache)  # (packs loaded and checked: every regex compiled)
    (kept,) = (cache / "packs-v1").glob("patterns-*.pickle")
    with open(kept, "rb") as handle:
        keys = list(pickle.load(handle))
    # the two pruned tries only (the people the article's words may name; its Ukrainian place), no regex of a pack
    assert sorted(sorted(needles) for kind, _, _, needles in keys if kind == "substitution") == [
        ["erdogan", "sejourne", "stephane"], ["kiev"]] and len(keys) == 2
    rules = [(f["rule"], f["column"], f["match"]) for f in json.loads(first)]
    assert ("Names.People", 1, "Stephane Sejourne") in rules and ("Terminology.UkrainePlaces", 47, "Kiev") in rules
    again, compiled_again = _counted_run(tmp_path, cache)
    assert (again, compiled_again) == (first, 0)

    kept.write_bytes(b"\x80\x05garbage")  # a damaged file: compiled again, same findings, and written anew
    damaged, compiled_damaged = _counted_run(tmp_path, cache)
    assert damaged == first and compiled_damaged > 0
    kept.chmod(0o666)  # a file others may write is never unpickled
    assert _counted_run(tmp_path, cache)[1] > 0


def test_patterns_made_in_jobs_workers_are_written_by_the_parent(tmp_path):
    """A --jobs worker's exit writes nothing: its new patterns travel back with its results."""
    from lint.runner import PARALLEL_MIN_FILES

    for i in range(PARALLEL_MIN_FILES + 4):
        (tmp_path / f"a{i}.txt").write_text(f"Stephane Sejourne met officials in Kiev on day {i}.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    env = {**os.environ, "MTLINT_CACHE_DIR": str(cache)}
    env.pop("MTLINT_PACK_CACHE", None)
    run = lambda: subprocess.run([sys.executable, "-m", "lint", "check", "--no-cache", "--jobs", "2", "--format", "json",  # noqa: E731
                                  "."], cwd=tmp_path, env=env, capture_output=True, text=True)
    first = run()
    assert first.returncode == 1 and first.stdout.count("Names.People") == PARALLEL_MIN_FILES + 4
    (kept,) = (cache / "packs-v1").glob("patterns-*.pickle")
    with open(kept, "rb") as handle:
        assert sorted(sorted(key[3]) for key in pickle.load(handle)) == [["kiev"], ["sejourne", "stephane"]]
    assert run().stdout == first.stdout
