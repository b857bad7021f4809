"""Configuration, rule selection, exit codes and bad input on the real command line."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import EXAMPLES, PLACES, ROOT, rules_of, run_cli

ARTICLE = "Intro.\n\nTwo of Kiev's backers. Stephane Sejourne spoke.\n\nLeave a Reply\n"


def test_default_run_and_fail_on(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert rules_of(run_cli("check", "--format", "json", str(tmp_path / "a.txt"))) == [
        "Boilerplate.CommentForm", "Names.People", "Terminology.UkrainePlaces"]
    assert run_cli("check", "--fail-on", "error", str(tmp_path / "a.txt")).exit_code == 0
    assert run_cli("check", "--fail-on", "never", str(tmp_path / "a.txt")).exit_code == 0
    assert run_cli("check", "--fail-on", "warning", str(tmp_path / "a.txt")).exit_code == 1
    # suggestions alone never fail a run by default, but do with --fail-on suggestion
    (tmp_path / "b.txt").write_text("Intro.\n\nStephane Sejourne spoke.\n", encoding="utf-8")
    assert run_cli("check", str(tmp_path / "b.txt")).exit_code == 0
    assert run_cli("check", "--fail-on", "suggestion", str(tmp_path / "b.txt")).exit_code == 1


def test_pack_enable_disable_options(tmp_path):
    path = str(tmp_path / "a.txt")
    (tmp_path / "a.txt").write_text(ARTICLE + "\nAleksandr spoke.\n", encoding="utf-8")
    assert rules_of(run_cli("check", "--format", "json", "-p", "Names", path)) == ["Names.People"]
    assert rules_of(run_cli("check", "--format", "json", "--disable", "Names", "--disable", "Boilerplate.CommentForm", path)) == [
        "Terminology.UkrainePlaces"]
    enabled = rules_of(run_cli("check", "--format", "json", "--enable", "Terminology.UkrainianGivenNames", path))
    assert "Terminology.UkrainianGivenNames" in enabled
    bad = run_cli("check", "--enable", "No.Such", path)
    assert bad.exit_code == 2 and "unknown rule or pack 'No.Such' in --enable" in bad.stderr


def test_nearest_config_levels_off_and_exclude(tmp_path):
    (tmp_path / ".mtlint.yaml").write_text(
        "rules:\n  Names.People: warning\n  Boilerplate: off\nexclude: ['drafts/**']\nfail_on: error\n", encoding="utf-8")
    sub = tmp_path / "news" / "2024"
    sub.mkdir(parents=True)
    (sub / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    result = run_cli("check", "--format", "json", str(tmp_path))
    found = {(f["path"].replace("\\", "/").split("/")[-1], f["rule"], f["level"]) for f in result.json()}
    assert found == {("a.txt", "Names.People", "warning"), ("a.txt", "Terminology.UkrainePlaces", "warning")}
    assert result.exit_code == 0  # fail_on: error from the config


def test_pyproject_tool_section(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname="x"\n\n[tool.mtlint]\npacks = ["Names"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    assert rules_of(run_cli("check", "--format", "json", str(tmp_path / "a.md"))) == ["Names.People"]


def test_bad_config_is_exit_2_with_file_and_line(tmp_path):
    (tmp_path / ".mtlint.yaml").write_text("packs: [Names]\nfail_on: sometimes\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = run_cli("check", str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    assert result.stderr.strip().endswith(".mtlint.yaml:2: fail_on must be one of error, warning, suggestion, never")
    (tmp_path / ".mtlint.yaml").write_text("rules:\n  Names.Nobody: off\n", encoding="utf-8")
    result = run_cli("check", str(tmp_path / "a.txt"))
    assert result.exit_code == 2 and "unknown rule or pack 'Names.Nobody'" in result.stderr


def test_bad_input_files_are_reported_and_others_still_linted(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 in Kiev\n".encode("latin-1"))
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "empty.md").write_bytes(b"")
    result = run_cli("check", "--format", "json", str(tmp_path), str(tmp_path / "missing.txt"))
    assert result.exit_code == 2
    errors = sorted(line.replace(str(tmp_path) + os.sep, "") for line in result.stderr.strip().splitlines())
    assert errors == [
        "mtlint: error: binary.txt: binary file (contains NUL bytes), not linted",
        "mtlint: error: empty.md: empty file, nothing to lint",
        "mtlint: error: latin1.txt:1: not valid UTF-8 (byte 0xe9 at offset 3); convert it to UTF-8",
        "mtlint: error: missing.txt: no such file or folder",
    ]
    assert {f["path"].split(os.sep)[-1] for f in result.json()} == {"good.txt"}


def test_huge_file_is_refused(tmp_path, monkeypatch):
    from lint import inputs

    monkeypatch.setattr(inputs, "MAX_FILE_BYTES", 1000)
    (tmp_path / "big.txt").write_text("Kiev. " * 500, encoding="utf-8")
    result = run_cli("check", str(tmp_path / "big.txt"))
    assert result.exit_code == 2
    assert "mtlint: error: " + str(tmp_path / "big.txt") + ": too large (0 MiB; the limit is 0 MiB)" in result.stderr


def test_parallel_jobs_give_the_same_findings(tmp_path):
    for i in range(12):
        (tmp_path / f"a{i:02}.txt").write_text(ARTICLE.replace("Kiev", "Kiev " * (i % 3 + 1)), encoding="utf-8")
    one = run_cli("check", "--format", "json", "--jobs", "1", str(tmp_path)).json()
    two = run_cli("check", "--format", "json", "--jobs", "2", str(tmp_path)).json()
    assert one == two and len(one) == 12 * 3 + 12  # 1-3 Kievs + People + CommentForm each


def test_installed_command_runs_as_a_process_with_colour_off_when_piped():
    exe = os.path.join(os.path.dirname(sys.executable), "mtlint")
    proc = subprocess.run([exe, "check", str(EXAMPLES / "seed-article.txt")], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1
    assert "\x1b[" not in proc.stdout
    assert "seed-article.txt:13:80: warning Terminology.UkrainePlaces" in proc.stdout


def test_all_means_every_pack_wherever_a_pack_is_named(tmp_path):
    def article(folder: str, config: str = ""):
        (tmp_path / folder).mkdir()
        if config:
            (tmp_path / folder / ".mtlint.yaml").write_text(config, encoding="utf-8")
        (tmp_path / folder / "a.txt").write_text("Intro.\n\nKiev is here.\n", encoding="utf-8")
        return str(tmp_path / folder / "a.txt")

    result = run_cli("check", "--format", "json", "--pack", "all", article("plain"))
    assert [f["rule"] for f in result.json()] == [PLACES]  # was: no pack ran, exit 0
    result = run_cli("check", "--format", "json", article("one", "rules:\n  all: off\n  Terminology.UkrainePlaces: error\n"))
    assert [(f["rule"], f["level"]) for f in result.json()] == [(PLACES, "error")]  # was: "all" ignored
    path = article("none", "rules:\n  all: off\n")
    assert run_cli("check", path).exit_code == 0
    assert run_cli("check", "--enable", "all", path).exit_code == 1


@pytest.mark.parametrize("body, message", [
    ("tool = 1\n", "p.toml: 'tool' must be a table holding [tool.mtlint]"),
    ("\xff", "p.toml: not valid UTF-8"),
])
def test_bad_toml_config_is_one_line(tmp_path, body, message):
    (tmp_path / "p.toml").write_bytes(body.encode("latin-1"))
    (tmp_path / "a.txt").write_text("Intro.\n\nKiev.\n", encoding="utf-8")
    result = run_cli("check", "--config", str(tmp_path / "p.toml"), str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    assert result.stderr.strip().endswith(message)


@pytest.mark.parametrize("config, message", [
    ("rules:\n  Names.People: off\n  Names.Consistency: [x]\n", ".mtlint.yaml:3: rule 'Names.Consistency': '['x']' is not off, on or a level"),
    ("rules:\n  Names.People: 1\n", ".mtlint.yaml:2: rule 'Names.People': '1' is not off, on or a level"),
    ("language: [en]\n", ".mtlint.yaml:1: 'language' must be a language code such as en"),
])
def test_bad_config_values_are_one_line(tmp_path, config, message):
    (tmp_path / ".mtlint.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Intro.\n\nKiev.\n", encoding="utf-8")
    result = run_cli("check", str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_rules_list_with_a_config_naming_an_unknown_rule_is_one_line(tmp_path):
    (tmp_path / ".mtlint.yaml").write_text("rules:\n  Nope.X: off\n", encoding="utf-8")
    result = run_cli("rules", "list", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr == f"mtlint: error: {tmp_path / '.mtlint.yaml'}: unknown rule or pack 'Nope.X' in config\n".replace(".yaml:", ".yaml:2:")
