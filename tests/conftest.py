"""Shared test helpers: run the real CLI, lint text with the default rules, write user packs."""
from __future__ import annotations

import atexit
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import textwrap
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

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


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


# -- a real LanguageTool for the grammar pack ----------------------------------------------

LT_SCRIPT = ROOT / "scripts" / "languagetool-server"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LanguageToolServer:
    """A real LanguageTool HTTP server started with scripts/languagetool-server."""

    def __init__(self, log_path: Path, *options: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self._log = open(log_path, "wb")
        self.process = subprocess.Popen([str(LT_SCRIPT), "--port", str(self.port), *options],
                                        stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 180
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"LanguageTool exited early: {log_path.read_text(errors='replace')[-2000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/v2/languages", timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("LanguageTool did not answer /v2/languages within 180 s")
            time.sleep(0.3)

    def checks(self) -> int:
        """How many /v2/check requests the server has handled (its own log)."""
        self._log.flush()
        return self.log_path.read_text(errors="replace").count("Handling POST /v2/check")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)  # the script execs java: its group is the server
            self.process.wait(timeout=30)
        self._log.close()


@pytest.fixture(scope="session", autouse=True)
def languagetool(tmp_path_factory):
    """One real LanguageTool for the whole suite; every run's grammar pack reaches it by default."""
    folder = tmp_path_factory.mktemp("languagetool")
    server = LanguageToolServer(folder / "server.log")
    saved = {k: os.environ.get(k) for k in ("MTLINT_LANGUAGETOOL_URL", "MTLINT_CACHE_DIR")}
    os.environ["MTLINT_LANGUAGETOOL_URL"] = server.url
    os.environ["MTLINT_CACHE_DIR"] = str(folder / "cache")
    yield server
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    server.stop()
