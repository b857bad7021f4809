"""How the engine turns hits into findings: one problem, one finding (lint/engine.py `_deduplicate`)."""
from __future__ import annotations

from conftest import make_pack, run_cli

RULES = {
    # same span, same first suggestion: only the most severe is kept, whichever rule runs first
    "AWarn.yml": "kind: substitution\nlevel: warning\nswap: {Peking: Beijing}\n",
    "BError.yml": "kind: substitution\nlevel: error\nswap: {Peking: Beijing, Lvov: Lviv}\n",
    "CSuggest.yml": "kind: substitution\nlevel: suggestion\nswap: {Peking: Beijing, Lvov: Lviv}\n",
    "DWarn.yml": "kind: substitution\nlevel: warning\nswap: {Lvov: Lviv}\n",
    # same span, other advice: kept
    "EOld.yml": "kind: substitution\nlevel: suggestion\nswap: {Peking: Peiping}\n",
    # same span, no advice at all: each rule's finding is its own problem
    "FVague.yml": "kind: existence\nlevel: warning\ntokens: [Peking]\n",
    "GVague.yml": "kind: existence\nlevel: suggestion\ntokens: [Peking]\n",
}


def test_findings_on_one_span_with_the_same_advice_are_one_the_most_severe(tmp_path):
    make_pack(tmp_path, RULES)
    (tmp_path / "a.txt").write_text("Talks\n\nHeld in Peking and Lvov.\n", encoding="utf-8")
    result = run_cli("check", "--format", "json", "--fail-on", "never", "a.txt", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    got = [(f["rule"], f["level"], f["line"], f["column"], f["match"], f["suggestions"][:1]) for f in result.json()]
    assert sorted(got) == [
        ("Custom.BError", "error", 3, 9, "Peking", ["Beijing"]),
        ("Custom.BError", "error", 3, 20, "Lvov", ["Lviv"]),
        ("Custom.EOld", "suggestion", 3, 9, "Peking", ["Peiping"]),
        ("Custom.FVague", "warning", 3, 9, "Peking", []),
        ("Custom.GVague", "suggestion", 3, 9, "Peking", []),
    ]


def test_a_finding_on_a_longer_span_is_not_folded_into_a_shorter_one(tmp_path):
    make_pack(tmp_path, {
        "Word.yml": "kind: substitution\nlevel: warning\nswap: {Peking: Beijing}\n",
        "Dish.yml": "kind: substitution\nlevel: error\nswap: {Peking duck: Beijing duck}\n",
    })
    (tmp_path / "a.txt").write_text("Talks\n\nWe ate Peking duck.\n", encoding="utf-8")
    result = run_cli("check", "--format", "json", "--fail-on", "never", "a.txt", cwd=tmp_path)
    got = [(f["rule"], f["column"], f["match"]) for f in result.json()]
    assert sorted(got) == [("Custom.Dish", 8, "Peking duck"), ("Custom.Word", 8, "Peking")]
