"""Shared test helpers: run the real CLI, lint text with the default rules."""
from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from lint.cli import main
from lint.config import Config, Selection, active_rules
from lint.engine import lint_text

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
# The content cache of every run the tests start goes to a folder of this session, not the user's cache.
if "MTLINT_CACHE_DIR" not in os.environ:
    os.environ["MTLINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="mtlint-test-cache-")
    atexit.register(shutil.rmtree, os.environ["MTLINT_CACHE_DIR"], True)


class CliResult:
    def __init__(self, result) -> None:
        self.exit_code = result.exit_code
        self.stdout = result.stdout
        self.stderr = result.stderr
        self.exception = result.exception

    def json(self):
        return json.loads(self.stdout)


def run_cli(*args: str, input: str | bytes | None = None, cwd: str | os.PathLike | None = None) -> CliResult:
    """Run `mtlint ARGS` in-process (as Click would), capturing stdout and stderr apart."""
    runner = CliRunner()
    old = os.getcwd()
    try:
        if cwd:
            os.chdir(cwd)
        result = runner.invoke(main, list(args), input=input, catch_exceptions=True)
    finally:
        os.chdir(old)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return CliResult(result)


def lint(text: str, path: str = "article.txt", packs: tuple[str, ...] = (), enable: tuple[str, ...] = ()):
    """Findings of the default configuration (optionally only `packs`) on `text`."""
    rules = active_rules(Config(root=str(ROOT)), Selection(packs=packs, enable=enable))
    return lint_text(path, text, rules).findings


def assert_spans_match(text: str, findings) -> None:
    """Every finding's offset/length and line/column point at exactly its `match`."""
    lines = text.split("\n")
    for f in findings:
        assert text[f.offset : f.offset + f.length] == f.match, f
        line_start = sum(len(line) + 1 for line in lines[: f.line - 1])
        assert line_start + f.column - 1 == f.offset, f


@pytest.fixture
def seed_text() -> str:
    return (EXAMPLES / "seed-article.txt").read_text(encoding="utf-8")
