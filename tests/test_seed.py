"""The seed article end to end: every artefact of SPEC.md's table, exactly, and nothing else."""
from __future__ import annotations

from conftest import EXAMPLES, assert_spans_match, run_cli

EXPECTED = [
    # rule, line, column, match, first suggestion (None: no suggestion)
    ("Boilerplate.HeadlineSuffix", 1, 75, " | Russia-Ukraine War News", ""),
    ("Terminology.UkrainePlaces", 13, 80, "Kiev", "Kyiv"),
    (
        "Boilerplate.SeeAlso",
        21,
        1,
        "See also\u00a0 SpaceX launch from Cape marks record breakthrough time with record booster reflight - Orlando Sentinel",
        None,
    ),
    ("Names.People", 29, 25, "Stephane Sejourne", "Stéphane Séjourné"),
    (
        "MTArtefacts.GarbledQuote",
        31,
        1,
        "“[This] A may be required [military] Being on Ukrainian territory, without crossing the threshold of conflict,”",
        None,
    ),
    ("Names.People", 31, 113, "Sejourne", "Séjourné"),
    ("Boilerplate.CommentForm", 37, 1, "Leave a Reply", None),
    ("Boilerplate.CommentForm", 39, 1, "Your email address will not be published. Required fields are marked *", None),
]


def _core(findings):
    return findings


def test_seed_article_findings_exact():
    result = run_cli("check", "--format", "json", str(EXAMPLES / "seed-article.txt"))
    assert result.exit_code == 1
    found = [
        (f["rule"], f["line"], f["column"], f["match"], f["suggestions"][0] if f["suggestions"] else None)
        for f in _core(result.json())
    ]
    assert found == EXPECTED


def test_seed_article_json_fields_and_spans(seed_text):
    findings = run_cli("check", "--format", "json", str(EXAMPLES / "seed-article.txt")).json()
    for f in findings:
        assert set(f) - {"fix"} == {
            "path", "rule", "level", "message", "line", "column", "end_line",
            "end_column", "offset", "length", "match", "suggestions",
        }
        assert seed_text[f["offset"] : f["offset"] + f["length"]] == f["match"]
        assert f["end_line"] == f["line"] and f["end_column"] == f["column"] + f["length"]
    kiev = next(f for f in findings if f["match"] == "Kiev")
    assert kiev["level"] == "warning" and kiev["fix"] == {"offset": kiev["offset"], "length": 4, "replacement": "Kyiv", "applicability": "safe"}
    assert "Kyiv" in kiev["message"]


def test_seed_levels_boilerplate_and_exonyms_fail_the_run():
    findings = _core(run_cli("check", "--format", "json", str(EXAMPLES / "seed-article.txt")).json())
    levels = {f["rule"]: f["level"] for f in findings}
    assert levels["Boilerplate.CommentForm"] == "warning"
    assert levels["Boilerplate.SeeAlso"] == "warning"
    assert levels["Terminology.UkrainePlaces"] == "warning"
    assert levels["Names.People"] == "suggestion"  # house styles differ (AP drops accents)


def test_repaired_twin_has_no_findings():
    result = run_cli("check", "--format", "json", str(EXAMPLES / "seed-article.repaired.txt"))
    assert result.exit_code == 0
    assert result.json() == []


def test_text_report_has_location_context_caret_and_summary():
    result = run_cli("check", "--no-color", str(EXAMPLES / "seed-article.txt"))
    out = result.stdout
    assert "examples/seed-article.txt:13:80: warning Terminology.UkrainePlaces " in out.replace("\\", "/")
    lines = out.splitlines()
    i = next(n for n, line in enumerate(lines) if ":13:80:" in line)
    context, carets = lines[i + 1], lines[i + 2]
    assert context.lstrip().startswith("13 |")
    start = carets.index("^")
    assert carets[start:].rstrip() == "^^^^"
    assert context[start : start + 4] == "Kiev"
    assert "= fix: 'Kyiv'" in lines[i + 3]
    assert lines[-1].startswith("Found ") and "in 1 of 1 file" in lines[-1]
    assert "\x1b[" not in out  # --no-color


def test_examples_folder_is_linted_recursively():
    result = run_cli("check", "--format", "json", str(EXAMPLES))
    paths = {f["path"].replace("\\", "/").split("examples/")[-1] for f in result.json()}
    assert "seed-article.txt" in paths
    assert "seed-article.repaired.txt" not in paths


def test_spans_always_match_original(seed_text):
    from conftest import lint

    assert_spans_match(seed_text, lint(seed_text))
