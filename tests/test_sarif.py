"""--format sarif: valid SARIF 2.1.0 (checked with jsonschema against the official schema), rule
metadata, code-point regions, fixes, and fingerprints that survive lines moving above a finding."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from conftest import CORE, EXAMPLES, SHARED, run_cli

SCHEMA_PATH = SHARED / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator():
    if not SCHEMA_PATH.is_file():
        pytest.skip(f"the shared SARIF schema is not beside the repository ({SCHEMA_PATH} is missing)")
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _sarif(*args: str, cwd=None) -> tuple[int, dict]:
    result = run_cli("check", "--format", "sarif", *args, cwd=cwd)
    return result.exit_code, json.loads(result.stdout)


def _assert_valid(validator, log: dict) -> None:
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_seed_article_sarif_is_valid_and_exact(validator, tmp_path):
    shutil.copy(EXAMPLES / "seed-article.txt", tmp_path / "seed.txt")
    code, log = _sarif(*CORE, "seed.txt", cwd=tmp_path)
    assert code == 1
    _assert_valid(validator, log)
    assert log["version"] == "2.1.0"
    [run] = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["tool"]["driver"]["name"] == "mtlint"
    found = [
        (r["ruleId"], r["level"], reg["startLine"], reg["startColumn"], reg["endLine"], reg["endColumn"], reg["snippet"]["text"])
        for r in run["results"]
        for reg in [r["locations"][0]["physicalLocation"]["region"]]
    ]
    assert ("Terminology.UkrainePlaces", "warning", 13, 80, 13, 84, "Kiev") in found
    assert ("Names.People", "note", 29, 25, 29, 42, "Stephane Sejourne") in found
    assert ("Names.People", "note", 31, 113, 31, 121, "Sejourne") in found
    assert ("Boilerplate.CommentForm", "warning", 37, 1, 37, 14, "Leave a Reply") in found
    assert ("Boilerplate.HeadlineSuffix", "warning", 1, 75, 1, 101, " | Russia-Ukraine War News") in found
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uri"] == "seed.txt" and location["uriBaseId"] == "%SRCROOT%"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"


def test_rule_metadata_and_fix(validator, tmp_path):
    (tmp_path / "a.txt").write_text("Talks\n\nThe talks were held in Kiev on Monday.\n", encoding="utf-8")
    code, log = _sarif("a.txt", cwd=tmp_path)
    _assert_valid(validator, log)
    [run] = log["runs"]
    [rule] = run["tool"]["driver"]["rules"]
    assert rule["id"] == "Terminology.UkrainePlaces"
    assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
    assert rule["fullDescription"]["text"].startswith(rule["shortDescription"]["text"])
    assert rule["helpUri"].startswith("https://")
    assert rule["defaultConfiguration"]["level"] == "warning"
    [result] = run["results"]
    assert result["ruleIndex"] == 0
    [fix] = result["fixes"]
    [change] = fix["artifactChanges"]
    assert change["artifactLocation"]["uri"] == "a.txt"
    [replacement] = change["replacements"]
    assert replacement["insertedContent"]["text"] == "Kyiv"
    region = replacement["deletedRegion"]
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (3, 24, 3, 28)
    assert (region["charOffset"], region["charLength"]) == (30, 4)


def test_columns_count_code_points_and_unfixable_results_have_no_fix(validator, tmp_path):
    # "東京" and "é" are one code point each (two UTF-16 units would be a different column for emoji)
    (tmp_path / "a.txt").write_text("Talks 🙂\n\n東京 café 🙂 Kiev.\n\nLeave a Reply\n", encoding="utf-8")
    _, log = _sarif("a.txt", cwd=tmp_path)
    _assert_valid(validator, log)
    results = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    region = results["Terminology.UkrainePlaces"]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (3, 11, 15)
    assert "fixes" not in results["Boilerplate.CommentForm"]


def test_partial_fingerprints_stable_when_lines_above_move(validator, tmp_path):
    body = "Talks\n\nThe talks were held in Kiev on Monday.\n\nLater Kiev said no.\n"
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    _, before = _sarif("a.txt", cwd=tmp_path)
    (tmp_path / "a.txt").write_text("Talks\n\nA new paragraph.\n\nAnd another one.\n\n" + body[len("Talks\n\n"):], encoding="utf-8")
    _, after = _sarif("a.txt", cwd=tmp_path)
    _assert_valid(validator, after)

    def prints(log):
        return [(r["partialFingerprints"]["mtlintContent/v1"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
                for r in log["runs"][0]["results"]]

    (fp1, line1), (fp2, line2) = prints(before)
    assert (line1, line2) == (3, 5)
    assert fp1 != fp2
    assert prints(after) == [(fp1, 7), (fp2, 9)]


def test_repeated_findings_get_distinct_fingerprints(validator, tmp_path):
    (tmp_path / "a.txt").write_text("Talks\n\nLeave a Reply\n\nLeave a Reply\n", encoding="utf-8")
    _, log = _sarif("a.txt", cwd=tmp_path)
    _assert_valid(validator, log)
    prints = [r["partialFingerprints"]["mtlintContent/v1"] for r in log["runs"][0]["results"]]
    assert len(prints) == 2 and prints[0] != prints[1]
    assert prints[0].rsplit(":", 1)[0] == prints[1].rsplit(":", 1)[0]  # same content, occurrence 1 and 2


def test_clean_article_and_input_errors(validator, tmp_path):
    shutil.copy(EXAMPLES / "seed-article.repaired.txt", tmp_path / "clean.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    code, log = _sarif("clean.txt", "empty.txt", cwd=tmp_path)
    assert code == 2  # an unreadable input is exit code 2, and still valid SARIF on stdout
    _assert_valid(validator, log)
    [run] = log["runs"]
    assert run["results"] == []
    [invocation] = run["invocations"]
    assert invocation["executionSuccessful"] is False
    assert "empty file" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_markdown_and_html_regions_point_into_the_original(validator, tmp_path):
    (tmp_path / "a.md").write_text("# Talks\n\nThe **talks** were in *Kiev*.\n", encoding="utf-8")
    (tmp_path / "a.html").write_text("<h1>Talks</h1>\n<p>Talks &amp; more in Kiev.</p>\n", encoding="utf-8")
    _, log = _sarif("a.md", "a.html", cwd=tmp_path)
    _assert_valid(validator, log)
    regions = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: r["locations"][0]["physicalLocation"]["region"]
        for r in log["runs"][0]["results"]
    }
    assert (regions["a.md"]["startLine"], regions["a.md"]["startColumn"], regions["a.md"]["snippet"]["text"]) == (3, 24, "Kiev")
    assert (regions["a.html"]["startLine"], regions["a.html"]["startColumn"], regions["a.html"]["snippet"]["text"]) == (2, 24, "Kiev")


def test_sarif_to_output_file(validator, tmp_path):
    shutil.copy(EXAMPLES / "seed-article.txt", tmp_path / "seed.txt")
    result = run_cli("check", "--format", "sarif", "--output", "out.sarif", "seed.txt", cwd=tmp_path)
    assert result.exit_code == 1 and result.stdout == ""
    _assert_valid(validator, json.loads(Path(tmp_path / "out.sarif").read_text(encoding="utf-8")))
