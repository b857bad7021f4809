"""Shared test helpers: run the real CLI, lint text with the default rules, write user packs."""
from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from lint import packs
from lint.cli import main
from lint.config import Config, Selection, active_rules, forget
from lint.engine import lint_text

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEED = EXAMPLES / "seed-article.txt"
REPAIRED = EXAMPLES / "seed-article.repaired.txt"
SHARED = ROOT.parent / "shared"
HUMAN = SHARED / "corpus" / "dev" / "human"
CORE = ("-p", "Terminology", "-p", "Names", "-p", "Boilerplate")  # the packs the seed article's table covers
PLACES = "Terminology.UkrainePlaces"


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
    forget()  # each run reads configurations and packs afresh, as a new process would
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


def found(text: str, path: str = "article.txt", packs: tuple[str, ...] = ()):
    """(rule, line, column, match) of each finding, every span checked against the text."""
    findings = lint(text, path, packs=packs)
    assert_spans_match(text, findings)
    return [(f.rule, f.line, f.column, f.match) for f in findings]


def one(text: str, path: str = "article.txt", packs: tuple[str, ...] = ()):
    """The only finding on `text` (its span checked)."""
    findings = lint(text, path, packs=packs)
    assert len(findings) == 1, findings
    assert_spans_match(text, findings)
    return findings[0]


def where(findings, rule: str = PLACES):
    """(line, column, match) of `rule`'s findings."""
    return [(f.line, f.column, f.match) for f in findings if f.rule == rule]


def fixes_of(findings, rule: str = PLACES):
    """(match, fix replacement or None) of `rule`'s findings."""
    return [(f.match, f.fix.replacement if f.fix else None) for f in findings if f.rule == rule]


def rules_of(result: CliResult) -> list[str]:
    """The rules a JSON report names, sorted."""
    return sorted({f["rule"] for f in result.json()})


def make_pack(root: Path, files: dict[str, str | bytes], name: str = "Custom", meta: str | None = None,
              run_only: bool = True) -> Path:
    """A user pack `name` in `root` (rule files dedented) and a `.mtlint.yaml` loading it (and only it)."""
    pack = root / name
    pack.mkdir(parents=True, exist_ok=True)
    (pack / "pack.yaml").write_text(meta or f"name: {name}\n", encoding="utf-8")
    for filename, body in files.items():
        if isinstance(body, bytes):  # data files (word lists, tables) as raw bytes
            (pack / filename).write_bytes(body)
        else:
            (pack / filename).write_text(textwrap.dedent(body), encoding="utf-8")
    config = f"pack_paths: [{name}]\n" + (f"packs: [{name}]\n" if run_only else "")
    (root / ".mtlint.yaml").write_text(config, encoding="utf-8")
    return pack


@pytest.fixture(autouse=True, scope="session")
def built_in_packs_loaded_once():
    """Read each built-in pack once per test session, as `lint()` already shares them.

    `run_cli` forgets every configuration and pack so each run sees the user's files afresh; the
    built-in packs are the repository's own data, which no test edits, and parsing them again costs
    half a second per run (most of the suite's time). User packs are still read on every run.
    """
    builtin = os.path.realpath(packs.builtin_packs_dir()) + os.sep
    load_pack, loaded = packs.load_pack, {}

    def load_pack_once(path: str):
        real = os.path.realpath(path)
        if not real.startswith(builtin):
            return load_pack(path)
        if real not in loaded:
            loaded[real] = load_pack(path)
        return loaded[real]

    packs.load_pack = load_pack_once
    yield
    packs.load_pack = load_pack


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
