"""The grammar pack against a real LanguageTool (scripts/languagetool-server, started by conftest).

Locations through every format (with an emoji before the error: LanguageTool counts UTF-16),
suggestions, levels, the cache (counted in the server's own log), and each way LanguageTool
can fail: one line, the other packs still report, exit code 2.
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT, LanguageToolServer, free_port, run_cli
from lint import grammar
from lint.config import Config, Selection, active_rules
from lint.engine import lint_text

PACK = ("--enable", "grammar")


def grammar_findings(text: str, path: str = "article.txt", **languagetool):
    grammar.start_run({"languagetool": languagetool} if languagetool else None)
    rules = active_rules(Config(root=str(ROOT)), Selection(packs=("grammar",)))
    result = lint_text(path, text, rules)
    assert not result.errors, result.errors
    return [(f.rule, f.line, f.column, f.match, f.level) for f in result.findings], result.findings


def write(tmp_path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


# -- locations -------------------------------------------------------------------------------
def test_plain_text_after_an_emoji(tmp_path):
    text = "Rain 🌧 fell all day.\n\nThe minister said he go to Kyiv 🇺🇦 on Monday.\n"
    found, findings = grammar_findings(text)
    assert found == [("grammar.HE_VERB_AGR", 3, 22, "go", "suggestion")]
    assert findings[0].suggestions[:2] == ["goes", "went"]
    # a reworded sentence is an unsafe fix: applied only with --unsafe-fixes
    assert (findings[0].fix.replacement, findings[0].fix.applicability) == ("goes", "unsafe")


def test_markdown_markup_and_emoji_before_the_error():
    text = "# Talks 🇺🇦\n\nThe *minister* 😀 said **he** go to [Kyiv](https://kyiv.example) today.\n"
    found, _ = grammar_findings(text, "article.md")
    assert found == [("grammar.HE_VERB_AGR", 3, 30, "go", "suggestion")]


def test_html_entities_tags_and_emoji_before_the_error():
    text = "<html><body><h1>Talks</h1>\n<p>Caf&eacute; 😀 news: <b>he</b>&nbsp;go to Kyiv today.</p></body></html>\n"
    found, _ = grammar_findings(text, "article.html")
    assert found == [("grammar.HE_VERB_AGR", 2, 39, "go", "suggestion")]


def test_cli_reports_grammar_beside_the_other_packs(tmp_path):
    path = write(tmp_path, "a.txt", "Officials in Kiev said he go home.\n")
    result = run_cli("check", "--format", "json", *PACK, path)
    assert result.exit_code == 1
    rules = [(f["rule"], f["line"], f["column"], f["match"]) for f in result.json()]
    assert rules == [("Terminology.UkrainePlaces", 1, 14, "Kiev"), ("grammar.HE_VERB_AGR", 1, 27, "go")]


def test_off_by_default(tmp_path):
    path = write(tmp_path, "a.txt", "He go home.\n")
    assert run_cli("check", "--format", "json", path).json() == []


# -- levels ------------------------------------------------------------------------------------
def test_level_from_issue_type_and_configured_level(tmp_path):
    # Grammar (issue type "grammar") is a suggestion; a repeated word, measured precise, a warning.
    found, findings = grammar_findings("He go home. The minister said that this is is the last offer.\n")
    assert found == [("grammar.HE_VERB_AGR", 1, 4, "go", "suggestion"), ("grammar.ENGLISH_WORD_REPEAT_RULE", 1, 41, "is is", "warning")]
    assert findings[1].suggestions == ["is"]
    path = write(tmp_path, "a.txt", "He go home.\n")
    assert run_cli("check", "--format", "json", *PACK, path).exit_code == 0  # suggestions alone do not fail a run
    config = tmp_path / ".mtlint.yaml"
    config.write_text("rules:\n  grammar: warning\n", encoding="utf-8")
    result = run_cli("check", "--format", "json", "--config", str(config), path)
    assert [(f["rule"], f["level"]) for f in result.json()] == [("grammar.HE_VERB_AGR", "warning")]
    assert result.exit_code == 1


def test_languagetool_rules_can_be_turned_off_and_on(tmp_path):
    config = tmp_path / ".mtlint.yaml"
    config.write_text("packs: [grammar]\nlanguagetool:\n  disabled_rules: [HE_VERB_AGR]\n", encoding="utf-8")
    path = write(tmp_path, "a.txt", "He go home.\n")
    assert run_cli("check", "--format", "json", "--config", str(config), path).json() == []
    # A rule the pack turns off comes back when the configuration names it.
    config = tmp_path / "spelling.yaml"  # a new file: a configuration is read once per process
    config.write_text("packs: [grammar]\nlanguagetool:\n  enabled_rules: [MORFOLOGIK_RULE_EN_US]\n", encoding="utf-8")
    path = write(tmp_path, "b.txt", "The goverment said so.\n")
    found = [(f["rule"], f["match"]) for f in run_cli("check", "--format", "json", "--config", str(config), path).json()]
    assert found == [("grammar.MORFOLOGIK_RULE_EN_US", "goverment")]


def test_inline_suppression_by_languagetool_rule(tmp_path):
    path = write(tmp_path, "a.txt", "<!-- mtlint-disable-next-line grammar.HE_VERB_AGR -->\nHe go home.\n\nShe go home.\n")
    found = [(f["rule"], f["line"], f["column"]) for f in run_cli("check", "--format", "json", *PACK, path).json()]
    assert found == [("grammar.HE_VERB_AGR", 4, 5)]


def test_fix_leaves_grammar_suggestions_alone(tmp_path):
    path = write(tmp_path, "a.txt", "The minister said that this is is the last offer.\n")
    result = run_cli("check", "--fix", "--pack", "grammar", path)
    assert open(path, encoding="utf-8").read() == "The minister said that this is is the last offer.\n"
    assert "grammar.ENGLISH_WORD_REPEAT_RULE" in result.stdout and result.exit_code == 1
    unsafe = run_cli("check", "--fix", "--unsafe-fixes", "--pack", "grammar", path)
    assert open(path, encoding="utf-8").read() == "The minister said that this is the last offer.\n"
    assert unsafe.exit_code == 0


# -- the cache -------------------------------------------------------------------------------
def test_second_run_sends_nothing(tmp_path, languagetool):
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(3):
        (folder / f"a{i}.md").write_text(f"# Report {i}\n\nHe go home on day {i}.\n\nAll is well.\n", encoding="utf-8")
    config = tmp_path / ".mtlint.yaml"
    config.write_text(f"packs: [grammar]\nlanguagetool:\n  cache_dir: {tmp_path / 'cache'}\n", encoding="utf-8")
    os.environ.pop("MTLINT_CACHE_DIR_UNUSED", None)
    env_cache = os.environ.pop("MTLINT_CACHE_DIR")
    try:
        before = languagetool.checks()
        first = run_cli("check", "--format", "json", "--config", str(config), str(folder))
        sent = languagetool.checks() - before
        assert sent == 3  # one request per article, all of its paragraphs in one body
        second = run_cli("check", "--format", "json", "--config", str(config), str(folder))
        assert languagetool.checks() - before == 3  # nothing sent again
        assert second.json() == first.json() and len(first.json()) == 3 and first.exit_code == 0
        # One paragraph edited: only that paragraph is sent.
        (folder / "a1.md").write_text("# Report 1\n\nHe go home on day one.\n\nAll is well.\n", encoding="utf-8")
        third = run_cli("check", "--format", "json", "--config", str(config), str(folder))
        assert languagetool.checks() - before == 4
        assert [f["match"] for f in third.json()] == ["go", "go", "go"]
    finally:
        os.environ["MTLINT_CACHE_DIR"] = env_cache


# -- failure modes: one line, the other packs still report, exit code 2 --------------------------
def assert_one_line_failure(result, *words: str):
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    assert "Traceback" not in result.stderr
    assert result.exit_code == 2


def test_wrong_port_is_one_line_and_other_packs_still_report(tmp_path):
    a = write(tmp_path, "a.txt", "Officials in Kiev said he go home.\n")
    b = write(tmp_path, "b.txt", "Officials in Kiev said she go home.\n")
    url = f"http://127.0.0.1:{free_port()}"
    result = run_cli("check", "--format", "json", *PACK, "--languagetool-url", url, a, b)
    assert_one_line_failure(result, url, "not reachable", "scripts/languagetool-server")
    assert [(f["path"], f["rule"]) for f in result.json()] == [(a, "Terminology.UkrainePlaces"), (b, "Terminology.UkrainePlaces")]


def test_server_killed_mid_run_then_stopped(tmp_path):
    server = LanguageToolServer(tmp_path / "victim.log")
    try:
        grammar.start_run({"languagetool": {"cache_dir": False}}, server.url)
        rules = active_rules(Config(root=str(ROOT)), Selection(packs=("grammar", "Terminology")))
        first = lint_text("a.txt", "He go home.\n", rules)
        assert [f.rule for f in first.findings] == ["grammar.HE_VERB_AGR"] and not first.errors
        server.stop()  # killed mid-run
        second = lint_text("b.txt", "Officials in Kiev said he go home.\n", rules)
        assert [f.rule for f in second.findings] == ["Terminology.UkrainePlaces"]
        assert len(second.errors) == 1 and "not reachable" in second.errors[0]
        third = lint_text("c.txt", "She go home in Kiev.\n", rules)
        # every file whose grammar is missing says so (so none is cached as clean); a run prints the line once
        assert [f.rule for f in third.findings] == ["Terminology.UkrainePlaces"] and third.errors == second.errors
    finally:
        server.stop()
        grammar.end_run()
    # Stopped: a new run against it.
    path = write(tmp_path, "d.txt", "He go home to Kiev.\n")
    result = run_cli("check", "--format", "json", *PACK, "--languagetool-url", server.url, path)
    assert_one_line_failure(result, "not reachable")
    assert [f["rule"] for f in result.json()] == ["Terminology.UkrainePlaces"]


def test_slow_server_times_out_in_one_line(tmp_path):
    config = tmp_path / ".mtlint.yaml"
    config.write_text("packs: [grammar, Terminology]\nlanguagetool:\n  timeout: 0.001\n  cache_dir: false\n", encoding="utf-8")
    path = write(tmp_path, "a.txt", "He go home to Kiev.\n")
    result = run_cli("check", "--format", "json", "--config", str(config), path)
    assert_one_line_failure(result, "did not answer within 0.001 s", "languagetool.timeout")
    assert [f["rule"] for f in result.json()] == ["Terminology.UkrainePlaces"]


def test_server_refusing_too_long_texts_then_too_many_requests(tmp_path):
    properties = tmp_path / "strict.properties"
    properties.write_text("maxTextLength=200\nrequestLimit=4\nrequestLimitPeriodInSeconds=600\n", encoding="utf-8")
    server = LanguageToolServer(tmp_path / "strict.log", "--config", str(properties))  # the fixture's GET counts: 1
    try:
        config = tmp_path / ".mtlint.yaml"
        config.write_text("packs: [grammar, Terminology]\nlanguagetool:\n  cache_dir: false\n", encoding="utf-8")
        long = write(tmp_path, "long.txt", "Officials in Kiev said he go home. " * 10 + "\n")
        result = run_cli("check", "--format", "json", "--config", str(config), "--languagetool-url", server.url, long)
        assert_one_line_failure(result, "HTTP 413", "too long", "maxTextLength")  # requests 2 and 3
        assert [f["rule"] for f in result.json()] == ["Terminology.UkrainePlaces"] * 10
        short = write(tmp_path, "short.txt", "He go home to Kiev.\n")
        result = run_cli("check", "--format", "json", "--config", str(config), "--languagetool-url", server.url, short)
        assert_one_line_failure(result, "HTTP 429", "too many requests")  # request 4 passes, 5 is refused
    finally:
        server.stop()


def run_mtlint(args, env_changes: dict, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("MTLINT_LANGUAGETOOL_URL",)}
    env.update(env_changes)
    return subprocess.run([sys.executable, "-m", "lint", *args], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=240)


def test_no_java_is_one_line(tmp_path):
    path = write(tmp_path, "a.txt", "He go home to Kiev.\n")
    lt_dir = subprocess.run([str(ROOT / "scripts" / "languagetool-server"), "--print-dir"], capture_output=True, text=True).stdout.strip()
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    os.symlink(sys.executable, bin_dir / "python")
    proc = run_mtlint(["check", "--format", "json", *PACK, path], {"PATH": str(bin_dir), "LTP_PATH": lt_dir,
                                                                      "JAVA_HOME": ""}, tmp_path)
    lines = [line for line in proc.stderr.splitlines() if line.strip() and not line.startswith("mtlint: grammar: starting")]
    assert len(lines) == 1 and "Java 17" in lines[0] and "--languagetool-url" in lines[0], proc.stderr
    assert proc.returncode == 2
    assert '"Terminology.UkrainePlaces"' in proc.stdout


def test_download_impossible_is_one_line(tmp_path):
    path = write(tmp_path, "a.txt", "He go home to Kiev.\n")
    closed = f"http://127.0.0.1:{free_port()}/"
    hosts = {f"LTP_DOWNLOAD_HOST_{k}": closed for k in ("SNAPSHOT", "NEW_RELEASES", "RELEASE", "ARCHIVE")}
    proc = run_mtlint(["check", "--format", "json", *PACK, path], {"LTP_PATH": str(tmp_path / "empty"), **hosts}, tmp_path)
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert lines[0].startswith("mtlint: grammar: starting a local LanguageTool")  # the progress line
    failure = [line for line in lines[1:] if not line.startswith(("Downloading", "\r"))]
    assert len(failure) == 1 and "could not be downloaded" in failure[0] and "LTP_PATH" in failure[0], proc.stderr
    assert proc.returncode == 2
    assert '"Terminology.UkrainePlaces"' in proc.stdout


def test_local_languagetool_started_by_language_tool_python(tmp_path):
    """No URL: language-tool-python starts LanguageTool itself from LTP_PATH (here: the Maven-assembled one)."""
    path = write(tmp_path, "a.md", "# Note\n\nThe *minister* 😀 said he go home.\n")
    lt_dir = subprocess.run([str(ROOT / "scripts" / "languagetool-server"), "--print-dir"], capture_output=True, text=True).stdout.strip()
    proc = run_mtlint(["check", "--format", "json", *PACK, path], {"LTP_PATH": lt_dir, "MTLINT_CACHE_DIR": str(tmp_path / "c")}, tmp_path)
    assert "starting a local LanguageTool" in proc.stderr
    import json

    assert [(f["rule"], f["line"], f["column"], f["match"]) for f in json.loads(proc.stdout)] == [("grammar.HE_VERB_AGR", 3, 26, "go")]
    assert proc.returncode == 0  # a suggestion alone does not fail the run


# -- pieces that need no server ----------------------------------------------------------------
def test_utf16_offsets_become_code_points():
    from lint.grammar.mapping import split_matches, utf16_to_codepoints

    text = "a😀b🇺🇦c"  # 😀 and each regional indicator take two UTF-16 units
    convert = utf16_to_codepoints(text)
    assert [convert(u) for u in (0, 1, 3, 4, 6, 8, 9)] == [0, 1, 2, 3, 4, 5, 6]
    # A match whose span holds astral characters keeps its whole length.
    raw = [{"offset": 3, "length": 5, "rule": {"id": "X", "category": {"id": "C"}, "issueType": "grammar"},
            "message": "m", "replacements": [{"value": "r"}]}]
    [[m]] = split_matches(raw, text, [0], [len(text)])
    assert text[m.start:m.end] == "b🇺🇦"


def test_public_api_only_when_named(monkeypatch):
    from lint.grammar.settings import PUBLIC_API, GrammarSettings
    from lint.errors import ConfigError

    monkeypatch.delenv("MTLINT_LANGUAGETOOL_URL")
    assert GrammarSettings.resolve({}).url is None  # local LanguageTool, nothing leaves the machine
    assert GrammarSettings.resolve({"url": "public"}).url == PUBLIC_API
    assert GrammarSettings.resolve({"url": "http://a:1"}, "http://b:2").url == "http://b:2"  # --languagetool-url wins
    with pytest.raises(ConfigError, match="unknown languagetool setting 'urll'"):
        GrammarSettings.resolve({"urll": "x"})
    with pytest.raises(ConfigError, match="must start with http"):
        GrammarSettings.resolve({"url": "localhost:8081"})


def test_bad_languagetool_setting_is_one_line_exit_2(tmp_path):
    config = tmp_path / ".mtlint.yaml"
    config.write_text("packs: [grammar]\nlanguagetool:\n  timeout: soon\n", encoding="utf-8")
    path = write(tmp_path, "a.txt", "He go home.\n")
    result = run_cli("check", "--config", str(config), path)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"mtlint: error: {config}: languagetool.timeout must be a positive number"


def test_server_answering_an_error_is_one_line(tmp_path):
    config = tmp_path / ".mtlint.yaml"
    config.write_text("packs: [grammar, Terminology]\nlanguagetool:\n  language: xx-XX\n  cache_dir: false\n", encoding="utf-8")
    path = write(tmp_path, "a.txt", "He go home to Kiev.\n")
    result = run_cli("check", "--format", "json", "--config", str(config), path)
    assert_one_line_failure(result, "answered HTTP 400", "'xx-XX' is not a language code known to LanguageTool")
    assert [f["rule"] for f in result.json()] == ["Terminology.UkrainePlaces"]
