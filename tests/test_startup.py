"""Start-up: a plain check on a warm pack cache imports none of the modules it does not use, and the content
cache's library versions, read from the .dist-info folder names, are importlib.metadata's."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import ROOT

UNUSED = ("lint.audit", "lint.baseline", "lint.changes", "yaml", "json", "tomllib", "secrets",
          "concurrent.futures", "importlib.metadata")
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

    from lint.cache import LIBRARIES, _versions

    def version(name):
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "none"

    assert _versions(LIBRARIES) == {name: version(name) for name in LIBRARIES}
    assert _versions(("mtlint", "no-such-library-here")) == {"mtlint": version("mtlint"), "no-such-library-here": "none"}


def test_the_audit_command_is_listed_and_runs_though_imported_late():
    help_text = subprocess.run([sys.executable, "-m", "lint", "--help"], cwd=ROOT, capture_output=True, text=True,
                               check=True).stdout
    assert "  audit  Audit an archive" in help_text
    audit = subprocess.run([sys.executable, "-m", "lint", "audit", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert audit.returncode == 0 and audit.stdout.startswith("Usage: python -m lint audit [OPTIONS] ARCHIVE")
