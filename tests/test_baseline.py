"""--write-baseline / --baseline: findings matched by content (rule, match, surrounding words), not by
line, so edits above old findings do not bring them back, and new findings are reported exactly."""
from __future__ import annotations

import json
import shutil

import pytest

from conftest import CORE, SEED, run_cli



def _check(tmp_path, *args: str, cwd=None):
    result = run_cli("check", *CORE, "--format", "json", *args, cwd=cwd or tmp_path)
    found = [(f["rule"], f["line"], f["column"], f["match"]) for f in result.json()] if result.stdout else []
    return result, found


@pytest.fixture
def baselined(tmp_path):
    """The seed article with a baseline of its findings."""
    shutil.copy(SEED, tmp_path / "seed.txt")
    result = run_cli("check", *CORE, "--write-baseline", "baseline.json", "seed.txt", cwd=tmp_path)
    assert result.exit_code == 0
    assert "Wrote 7 findings in 1 file to the baseline baseline.json." in result.stderr
    return tmp_path


def test_baseline_file_is_readable_json(baselined):
    data = json.loads((baselined / "baseline.json").read_text(encoding="utf-8"))
    assert data["tool"] == "mtlint" and data["version"] == 1
    entries = data["files"]["seed.txt"]
    assert {(e["rule"], e["match"], e["count"]) for e in entries} >= {
        ("Terminology.UkrainePlaces", "Kiev", 1),
        ("Names.People", "Stephane Sejourne", 1),
        ("Boilerplate.CommentForm", "Leave a Reply", 1),
    }
    assert all("line" not in e for e in entries)  # content, not positions


def test_baselined_findings_are_not_reported(baselined):
    result, found = _check(baselined, "--baseline", "baseline.json", "seed.txt")
    assert (result.exit_code, found) == (0, [])


def test_edit_above_does_not_resurrect_old_findings(baselined):
    article = baselined / "seed.txt"
    text = article.read_text(encoding="utf-8")
    head, rest = text.split("\n", 1)
    article.write_text(head + "\n\nA new paragraph.\n\nAnother new paragraph, quite long.\n" + rest, encoding="utf-8")
    result, found = _check(baselined, "--baseline", "baseline.json", "seed.txt")
    assert (result.exit_code, found) == (0, [])
    # without the baseline they are all there, four lines further down
    _, everything = _check(baselined, "seed.txt")
    assert ("Terminology.UkrainePlaces", 17, 80, "Kiev") in everything


def test_new_finding_is_reported_exactly(baselined):
    article = baselined / "seed.txt"
    text = article.read_text(encoding="utf-8")
    head, rest = text.split("\n", 1)
    article.write_text(head + "\n\nOfficials in Kiev and Kharkov disagreed.\n" + rest, encoding="utf-8")
    result, found = _check(baselined, "--baseline", "baseline.json", "seed.txt")
    assert found == [("Terminology.UkrainePlaces", 3, 14, "Kiev"), ("Terminology.UkrainePlaces", 3, 23, "Kharkov")]
    assert result.exit_code == 1


def test_rewording_around_an_old_finding_keeps_it_baselined(baselined):
    article = baselined / "seed.txt"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("two of Kiev's strongest supporters", "among Kiev's firmest backers"), encoding="utf-8")
    result, found = _check(baselined, "--baseline", "baseline.json", "seed.txt")
    assert (result.exit_code, found) == (0, [])


def test_repeats_are_counted(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Talks\n\nLeave a Reply\n\nText.\n\nLeave a Reply\n", encoding="utf-8")
    assert run_cli("check", "--write-baseline", "b.json", "a.txt", cwd=tmp_path).exit_code == 0
    assert json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["files"]["a.txt"][0]["count"] == 2
    article.write_text("Talks\n\nLeave a Reply\n\nText.\n\nLeave a Reply\n\nLeave a Reply\n", encoding="utf-8")
    result, found = _check(tmp_path, "--baseline", "b.json", "a.txt")
    assert found == [("Boilerplate.CommentForm", 9, 1, "Leave a Reply")]
    assert result.exit_code == 1


def test_paths_are_relative_to_the_baseline_file(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(SEED, content / "seed.txt")
    assert run_cli("check", *CORE, "--write-baseline", ".mtlint-baseline.json", "content", cwd=tmp_path).exit_code == 0
    assert list(json.loads((tmp_path / ".mtlint-baseline.json").read_text(encoding="utf-8"))["files"]) == ["content/seed.txt"]
    result, found = _check(tmp_path, "--baseline", "../.mtlint-baseline.json", "seed.txt", cwd=content)
    assert (result.exit_code, found) == (0, [])


def test_fix_with_a_baseline_fixes_only_new_findings(baselined):
    article = baselined / "seed.txt"
    text = article.read_text(encoding="utf-8")
    head, rest = text.split("\n", 1)
    article.write_text(head + "\n\nOfficials in Kiev disagreed.\n" + rest, encoding="utf-8")
    result = run_cli("check", *CORE, "--baseline", "baseline.json", "--fix", "seed.txt", cwd=baselined)
    assert result.exit_code == 0
    fixed = article.read_text(encoding="utf-8")
    assert "Officials in Kyiv disagreed." in fixed
    assert "two of Kiev's strongest supporters" in fixed  # the old one is left for another day
    assert "| Russia-Ukraine War News" in fixed


@pytest.mark.parametrize("content, message", [
    (None, "missing.json: baseline file not found (write one with --write-baseline)"),
    ('{"tool": "mtlint",\n  "files": [}', "bad.json:2: not a baseline: invalid JSON"),
    ('{"tool": "other", "files": {}}', "bad.json: not an mtlint baseline"),
    ('{"tool": "mtlint", "version": 1, "files": {"a.txt": [{"rule": 1}]}}', "bad.json: not a baseline: entries of 'a.txt'"),
])
def test_bad_baseline_is_one_line_and_exit_2(tmp_path, content, message):
    (tmp_path / "a.txt").write_text("Talks\n\nKiev.\n", encoding="utf-8")
    name = "missing.json" if content is None else "bad.json"
    if content is not None:
        (tmp_path / name).write_text(content, encoding="utf-8")
    result = run_cli("check", "--baseline", name, "a.txt", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"mtlint: error: {message}")
    assert len(result.stderr.splitlines()) == 1
    assert result.stdout == ""
