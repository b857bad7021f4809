"""Start-up: a plain check on a warm pack cache imports none of the modules it does not use, and the content
cache's library versions, read from the .dist-info folder names, are importlib.metadata's."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import ROOT

UNUSED = ("lint.audit", "lint.baseline", "lint.changes", "yaml", "json", "tomllib", "secrets",
          "concurrent.futures", "importlib.metadata",
          # the cache folder is named without platformdirs (pathlib, tempfile); --no-cache needs no database;
          # BLAKE2 without OpenSSL's bindings; the language model only for a candidate fragment
          "platformdirs", "pathlib", "tempfile", "hashlib", "sqlite3", "msgpack", "numpy", "py3langid", "traceback")
# What a check that the content cache serves whole never loads: the packs, the rule kinds, the engine, `regex`.
UNUSED_WHEN_CACHED = ("lint.packs", "lint.kinds", "lint.engine", "lint.candidates", "lint.triggers", "regex", "pickle",
                      "ahocorasick_rs", "yaml")
PROBE = (
    "import sys\n"
    "from lint.cli import main\n"
    "sys.argv = ['mtlint', 'check', '--no-cache', '-q', sys.argv[1]]\n"
    "try:\n"
    "    main()\n"
    "except SystemExit:\n"
    "    pass\n"
    f"print('loaded:', *[m for m in {UNUSED!r} if m in sys.modules])\n"
)


def test_a_warm_check_imports_only_what_it_uses(tmp_path):
    article = tmp_path / "short.txt"
    article.write_text("Two of Kiev's strongest supporters met on Tuesday.\n", encoding="utf-8")
    env = {**os.environ, "MTLINT_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("MTLINT_PACK_CACHE", None)
    run = lambda: subprocess.run([sys.executable, "-c", PROBE, str(article)], cwd=tmp_path, env=env,  # noqa: E731
                                 capture_output=True, text=True, check=True).stdout.splitlines()
    cold = run()
    assert cold[0].startswith(f"{article}:1:8: warning Terminology.UkrainePlaces")
    assert "yaml" in cold[-1].split()  # the first process reads the packs' YAML
    warm = run()
    assert warm[:-1] == cold[:-1]
    assert warm[-1] == "loaded:"


def test_library_versions_are_those_importlib_metadata_gives():
    from importlib import metadata

    from lint.cache import LIBRARIES, library_versions

    def version(name):
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "none"

    assert library_versions(LIBRARIES) == {name: version(name) for name in LIBRARIES}
    assert library_versions(("mtlint", "no-such-library-here")) == {"mtlint": version("mtlint"), "no-such-library-here": "none"}


def test_the_audit_command_is_listed_and_runs_though_imported_late():
    help_text = subprocess.run([sys.executable, "-m", "lint", "--help"], cwd=ROOT, capture_output=True, text=True,
                               check=True).stdout
    assert "  audit  Audit an archive" in help_text
    audit = subprocess.run([sys.executable, "-m", "lint", "audit", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert audit.returncode == 0 and audit.stdout.startswith("Usage: python -m lint audit [OPTIONS] ARCHIVE")


def test_the_default_cache_folder_is_the_one_platformdirs_names():
    """lint.cache works out the common Linux cases itself (platformdirs costs a twentieth of start-up to import);
    in every environment it is platformdirs' answer."""
    probe = ("import json, platformdirs\nfrom lint.cache import default_dir\n"
             "print(json.dumps([default_dir(), platformdirs.user_cache_dir('mtlint', appauthor=False)]))\n")
    base = {k: v for k, v in os.environ.items() if k not in ("XDG_CACHE_HOME", "HOME", "MTLINT_CACHE_DIR")}
    for extra in ({"HOME": "/home/someone"}, {"HOME": "/home/someone/"}, {"HOME": "/root", "XDG_CACHE_HOME": "/var/cache/x"},
                  {"HOME": "/home/someone", "XDG_CACHE_HOME": ""}, {"HOME": "/home/someone", "XDG_CACHE_HOME": "relative/x"},
                  {"HOME": "relative", "XDG_CACHE_HOME": "/abs/cache"}, {"HOME": "/home/someone", "XDG_CACHE_HOME": " "}):
        ours, theirs = json.loads(subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env={**base, **extra},
                                                 capture_output=True, text=True, check=True).stdout)
        assert ours == theirs, extra
    chosen = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env={**base, "MTLINT_CACHE_DIR": "/elsewhere"},
                            capture_output=True, text=True, check=True).stdout
    assert json.loads(chosen)[0] == "/elsewhere"


def test_a_check_the_content_cache_serves_loads_no_pack_nor_rule_kind(tmp_path):
    for i in range(3):
        (tmp_path / f"article{i}.txt").write_text(f"Two of Kiev's strongest supporters met on Tuesday, {i} said.\n",
                                                  encoding="utf-8")
    probe = PROBE.replace("'--no-cache', ", "").replace(repr(UNUSED), repr(UNUSED_WHEN_CACHED))
    env = {**os.environ, "MTLINT_CACHE_DIR": str(tmp_path / "cache")}
    run = lambda: subprocess.run([sys.executable, "-c", probe, str(tmp_path)], cwd=tmp_path, env=env,  # noqa: E731
                                 capture_output=True, text=True, check=True).stdout.splitlines()
    cold = run()
    assert sum(line.endswith("Terminology.UkrainePlaces [*] Outdated Russian-derived spelling 'Kiev': current usage "
                             "and the Ukrainian original say 'Kyiv'.") for line in cold) == 3
    assert "lint.kinds" in cold[-1].split()
    warm = run()
    assert warm[:-1] == cold[:-1]
    assert warm[-1] == "loaded:"


def test_the_executable_exits_with_the_status_and_output_of_a_normal_exit(tmp_path):
    """`lint.cli.run` skips the interpreter's teardown: exit handlers still run, output is whole, the status is
    the command's."""
    article = tmp_path / "short.txt"
    article.write_text("Two of Kiev's strongest supporters met on Tuesday.\n", encoding="utf-8")
    probe = ("import atexit, sys\nfrom lint.cli import run\n"
             "atexit.register(lambda: print('exit handler ran', file=sys.stderr))\n"
             "sys.argv = ['mtlint'] + sys.argv[1:]\nrun()\n")
    env = {**os.environ, "MTLINT_CACHE_DIR": str(tmp_path / "cache")}

    def run(*args):
        return subprocess.run([sys.executable, "-c", probe, *args], cwd=tmp_path, env=env, capture_output=True, text=True)

    found = run("check", "--format", "json", str(article))
    assert found.returncode == 1
    assert [(f["rule"], f["line"], f["column"], f["match"]) for f in json.loads(found.stdout)] == \
        [("Terminology.UkrainePlaces", 1, 8, "Kiev")]
    assert found.stderr == "exit handler ran\n"
    clean = run("check", "--fail-on", "error", "-q", str(article))
    assert clean.returncode == 0 and clean.stderr == "exit handler ran\n"
    usage = run("check", "--no-such-option")
    assert usage.returncode == 2 and "No such option" in usage.stderr and usage.stderr.endswith("exit handler ran\n")
