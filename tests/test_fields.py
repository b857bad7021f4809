"""Rule kinds declare their fields once: the declaration checks YAML and documents the kind (README, rules show)."""
from __future__ import annotations

from conftest import ROOT, make_pack, run_cli
from lint.kinds import kinds_table


def test_the_readme_table_of_kinds_is_the_generated_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start, end = "<!-- kinds-table:start -->\n", "<!-- kinds-table:end -->"
    assert readme[readme.index(start) + len(start):readme.index(end)] == kinds_table(), \
        "README's table of kinds is out of date: paste the output of `mtlint rules kinds` between its markers"


def test_rules_show_lists_the_kind_s_declared_fields():
    shown = run_cli("rules", "show", "MTArtefacts.GarbledQuote").stdout
    assert "fields of kind 'quotation':" in shown
    assert "  min_weak (whole number; default 2): how many weak signs make a quotation garbled   (set here)" in shown
    assert "kind: quotation   level: warning   scope: quotation   fix: none   default: on" in shown


def test_a_value_of_the_wrong_type_names_the_field_file_and_line(tmp_path):
    pack = make_pack(tmp_path, {"Q.yml": "kind: quotation\nscope: quotation\nfunction_words: [the]\nmin_weak: 0\n"},
                     "House", run_only=False)
    (tmp_path / "a.txt").write_text("Talks\n", encoding="utf-8")
    result = run_cli("check", "a.txt", cwd=tmp_path)
    assert (result.exit_code, result.stderr) == (2, f"mtlint: error: {pack / 'Q.yml'}:4: rule House.Q: 'min_weak' must be at least 1, not 0\n")
