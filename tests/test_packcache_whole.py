"""The pack cache's whole packs: a warm process reads the pickled pack (no YAML, no word list), finds exactly what
a cold one finds, sees an edit to a word list (even one in a subfolder) and ignores a corrupt entry."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import ROOT, SEED, make_pack

RULE = """\
    kind: substitution
    message: "Use '{suggestion}' instead of '{match}'."
    swap_file:
      path: lists/pairs.tsv
      from: wrong
      to: right
    """
PAIRS = "wrong\tright\nKiev\tKyiv\n"
ARTICLE = "Talks resumed in Kiev on Tuesday.\n\nOfficials flew to Odessa later.\n"
# How many rule files this process read (0: every pack came whole from the cache), and what the pack's rule found.
PROBE = (
    "import json, sys\n"
    "import lint.packs as packs\n"
    "read, load_rule = [], packs.load_rule\n"
    "packs.load_rule = lambda pack, path: read.append(path) or load_rule(pack, path)\n"
    "from lint.config import find_config, resolve\n"
    "from lint.engine import lint_text\n"
    "resolved = resolve(find_config('.'))\n"
    "text = open('article.txt', encoding='utf-8').read()\n"
    "found = lint_text('article.txt', text, resolved.rules, 'article.txt', resolved.registry).findings\n"
    "print(json.dumps([len(read) > 0, [(f.rule, f.line, f.column, f.match) for f in found]]))\n"
)


def _env(cache) -> dict:
    env = {**os.environ, "MTLINT_CACHE_DIR": str(cache)}
    env.pop("MTLINT_PACK_CACHE", None)
    return env


def _probe(folder, cache):
    proc = subprocess.run([sys.executable, "-c", PROBE], cwd=folder, env=_env(cache), capture_output=True, text=True,
                          check=True)
    read_rules, found = json.loads(proc.stdout)
    return read_rules, [tuple(f) for f in found]


def _pickles(cache):
    return sorted((cache / "packs-v1").glob("*.pickle"))


def _user_pack(tmp_path):
    pack = make_pack(tmp_path, {"Swaps.yml": RULE})
    (pack / "lists").mkdir()
    (pack / "lists" / "pairs.tsv").write_text(PAIRS, encoding="utf-8")
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    return pack


def test_a_warm_process_reads_the_pickled_pack_and_finds_the_same(tmp_path):
    _user_pack(tmp_path)
    cache = tmp_path / "cache"
    cold = _probe(tmp_path, cache)
    assert cold == (True, [("Custom.Swaps", 1, 18, "Kiev")])
    assert _pickles(cache)
    assert _probe(tmp_path, cache) == (False, cold[1])  # no rule file read at all


def test_an_edit_to_a_word_list_in_a_subfolder_is_seen(tmp_path):
    pack = _user_pack(tmp_path)
    cache = tmp_path / "cache"
    assert _probe(tmp_path, cache)[1] == [("Custom.Swaps", 1, 18, "Kiev")]
    # The pack folder's own files are unchanged: only the stamp of the word list can tell.
    (pack / "lists" / "pairs.tsv").write_text(PAIRS + "Odessa\tOdesa\n", encoding="utf-8")
    assert _probe(tmp_path, cache) == (True, [("Custom.Swaps", 1, 18, "Kiev"), ("Custom.Swaps", 3, 19, "Odessa")])
    assert _probe(tmp_path, cache)[0] is False  # and the new pack is kept in turn


def test_an_edit_to_a_rule_is_seen(tmp_path):
    pack = _user_pack(tmp_path)
    cache = tmp_path / "cache"
    _probe(tmp_path, cache)
    entries = len(_pickles(cache))
    (pack / "Swaps.yml").write_text(RULE.replace("    ", "") + "level: error\nexceptions: ['in Kiev']\n", encoding="utf-8")
    assert _probe(tmp_path, cache) == (True, [])
    assert len(_pickles(cache)) == entries  # the entry of the pack as it was is gone


def test_a_corrupt_pickle_is_ignored(tmp_path):
    _user_pack(tmp_path)
    cache = tmp_path / "cache"
    cold = _probe(tmp_path, cache)
    for entry in _pickles(cache):
        entry.write_bytes(b"\x80\x05not a pickle")
    assert _probe(tmp_path, cache) == cold  # loaded from the YAML again, same findings
    for entry in _pickles(cache):
        entry.write_bytes(entry.read_bytes()[: len(entry.read_bytes()) // 2])  # truncated
    assert _probe(tmp_path, cache)[1] == cold[1]


def test_a_pickle_others_may_write_is_never_loaded(tmp_path):
    _user_pack(tmp_path)
    cache = tmp_path / "cache"
    cold = _probe(tmp_path, cache)
    assert _probe(tmp_path, cache)[0] is False  # served whole from the pickle
    for entry in _pickles(cache):
        entry.chmod(0o666)  # group and world writable: someone else could have put code in it
    assert _probe(tmp_path, cache) == (True, cold[1])  # read from the YAML again, same findings


def test_default_packs_find_the_same_on_the_seed_warm_and_cold(tmp_path):
    cache = tmp_path / "cache"
    command = [sys.executable, "-m", "lint", "check", "--no-cache", "--format", "json", "--config", "/dev/null", str(SEED)]
    env = _env(cache)
    uncached = subprocess.run(command, cwd=ROOT, env={**env, "MTLINT_PACK_CACHE": "0"}, capture_output=True, text=True)
    cold = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    warm = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert _pickles(cache)
    assert json.loads(uncached.stdout)  # the seed article has findings
    assert (warm.returncode, warm.stdout, warm.stderr) == (cold.returncode, cold.stdout, cold.stderr) \
        == (uncached.returncode, uncached.stdout, uncached.stderr)


def test_a_pickled_rule_keeps_no_compiled_state_and_builds_it_again_alike():
    import pickle

    from lint import formats
    from lint.config import Config, resolve
    from lint.packcache import LazyPattern

    rules = resolve(Config(root=str(ROOT))).registry.rules
    untranslated, places = rules["MTArtefacts.Untranslated"], rules["Terminology.UkrainePlaces"]
    untranslated.foreign_tokens, places.pattern  # noqa: B018 - built and compiled before pickling
    again = pickle.loads(pickle.dumps([untranslated, places], protocol=pickle.HIGHEST_PROTOCOL))
    assert "foreign_tokens" not in vars(again[0])  # (kept as one string until needed)
    assert again[0].foreign_tokens == untranslated.foreign_tokens
    lazy = [v for v in vars(again[1]).values() if isinstance(v, LazyPattern)]
    assert lazy and all(v._compiled is None for v in lazy)
    assert again[1].prefilter.key != places.prefilter.key  # its own place in a block's cache
    doc = formats.parse("a.txt", "Talks in Kiev and Kharkov.\n")
    assert [(h.start, h.end, h.suggestions) for h in again[1].hits(doc)] == [(9, 13, ["Kyiv"]), (18, 25, ["Kharkiv"])]
    assert [(h.start, h.end) for h in places.hits(formats.parse("a.txt", "Talks in Kiev and Kharkov.\n"))] == [(9, 13), (18, 25)]


def test_a_whole_pack_keeps_its_regexes_compiled(tmp_path):
    """A pack from the cache brings every regex compiled (as `regex` pickles a pattern: its compiled code), so a
    rule's first use compiles nothing; each is what compiling the pattern gives."""
    probe = (
        "import json, regex\n"
        "import lint.kinds.base as base\n"
        "from lint.config import find_config, resolve\n"
        "from lint.packcache import LazyPattern\n"
        "compiled, compile_now = [], base.Rule._compile_now\n"
        "base.Rule._compile_now = lambda self, *a: compiled.append(a[0]) or compile_now(self, *a)\n"
        "resolved = resolve(find_config('.'))\n"
        "before = len(compiled)\n"
        "lazy = [v for r in resolved.registry.rules.values() for v in vars(r).values() if isinstance(v, LazyPattern)]\n"
        "same = all(p.compiled.pattern == p.pattern and p.compiled.flags == regex.compile(p.pattern, p.flags | "
        "regex.VERSION0).flags and p.compiled.groupindex == regex.compile(p.pattern, p.flags | regex.VERSION0).groupindex"
        " for p in lazy)\n"
        "print(json.dumps([before, len(lazy), len(compiled) - before, same]))\n"
    )
    run = lambda: json.loads(subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=_env(tmp_path / "cache"),  # noqa: E731
                                            capture_output=True, text=True, check=True).stdout)
    cold_compiles, patterns, _, cold_same = run()
    assert cold_compiles >= patterns > 10 and cold_same  # the first process compiles (and checks) each one
    warm_compiles, warm_patterns, first_use, warm_same = run()
    assert (warm_compiles, warm_patterns, first_use, warm_same) == (0, patterns, 0, True)
