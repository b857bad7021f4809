"""Rule and pack names as users type them: comma lists, ruff's aliases, "did you mean", rule ids, aliases, deprecation."""
from __future__ import annotations

import json
import textwrap

from conftest import make_pack, rules_of, run_cli

ARTICLE = "Talks\n\nHeld in Kiev.\n\nLeave a Reply\n"


def test_comma_lists_and_ruff_aliases(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE + "\nStephane Sejourne spoke.\n", encoding="utf-8")
    both = run_cli("check", "--format", "json", "-p", "Names,Terminology", "a.txt", cwd=tmp_path)
    assert rules_of(both) == ["Names.People", "Terminology.UkrainePlaces"]
    ignored = run_cli("check", "--format", "json", "--ignore", "Names.People,Terminology", "a.txt", cwd=tmp_path)
    assert rules_of(ignored) == ["Boilerplate.CommentForm"]
    selected = run_cli("check", "--format", "json", "-p", "Names", "--select", "Terminology.UkrainianGivenNames",
                       "a.txt", cwd=tmp_path)
    assert rules_of(selected) == ["Names.People"]  # the rule runs; the article has no given name for it


def test_unknown_names_say_did_you_mean_everywhere(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    for option, name, meant in (("--pack", "Terminolgy", "Terminology"), ("--enable", "Names.Peple", "Names.People"),
                                ("--disable", "UkrainePlaces", "Terminology.UkrainePlaces")):
        result = run_cli("check", option, name, "a.txt", cwd=tmp_path)
        assert result.exit_code == 2
        assert result.stderr == f"mtlint: error: unknown rule or pack '{name}' in {option} (did you mean '{meant}'?)\n"
    (tmp_path / ".mtlint.yaml").write_text("rules:\n  Boilerplate.ComentForm: off\n", encoding="utf-8")
    result = run_cli("check", "a.txt", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr == (f"mtlint: error: {tmp_path / '.mtlint.yaml'}:2: unknown rule or pack "
                             "'Boilerplate.ComentForm' in config (did you mean 'Boilerplate.CommentForm'?)\n")


def test_an_inline_disable_naming_no_rule_is_a_finding_with_did_you_mean(tmp_path):
    (tmp_path / "a.md").write_text("# Talks\n\n<!-- mtlint-disable-next-line Terminolgy -->\nHeld in Kiev.\n", encoding="utf-8")
    found = run_cli("check", "--format", "json", "a.md", cwd=tmp_path).json()
    assert [(f["rule"], f["line"], f["column"], f["match"]) for f in found] == [
        ("mtlint.UnknownName", 3, 1, "<!-- mtlint-disable-next-line Terminolgy -->"),
        ("Terminology.UkrainePlaces", 4, 9, "Kiev"),  # not silenced: the name was misspelt
    ]
    assert "(did you mean 'Terminology'?)" in found[0]["message"]


def _renamed_pack(root, extra: str = "") -> None:
    make_pack(root, {"towns.yml": textwrap.dedent(f"""\
        kind: substitution
        id: Towns
        aliases: [OldTowns]
        fix: safe
        swap: {{Peking: Beijing}}
        {extra}
        examples:
          flag: [{{text: "Held in [[Peking]].", fix: Beijing}}]
        """)}, name="House")


def test_rule_id_is_independent_of_the_file_and_aliases_still_work(tmp_path):
    _renamed_pack(tmp_path)
    (tmp_path / "a.txt").write_text("Talks\n\nHeld in Peking.\n\n<!-- mtlint-disable-next-line House.OldTowns -->\nPeking again.\n",
                                    encoding="utf-8")
    found = run_cli("check", "--format", "json", "a.txt", cwd=tmp_path).json()
    assert [(f["rule"], f["line"], f["column"], f["match"]) for f in found] == [("House.Towns", 3, 9, "Peking")]
    # an old name in the config still works, with a warning to use the new one
    (tmp_path / ".mtlint.yaml").write_text("pack_paths: [House]\npacks: [House]\nrules:\n  House.OldTowns: off\n",
                                           encoding="utf-8")
    result = run_cli("check", "a.txt", cwd=tmp_path)
    assert result.exit_code == 0
    assert "'House.OldTowns' is a former name of 'House.Towns'; use the new name" in result.stderr


def test_a_baseline_written_under_an_old_rule_id_still_holds(tmp_path):
    pack = tmp_path / "House"
    pack.mkdir()
    (pack / "pack.yaml").write_text("name: House\n", encoding="utf-8")
    (pack / "OldTowns.yml").write_text("kind: substitution\nswap: {Peking: Beijing}\nexamples: {flag: ['[[Peking]]']}\n",
                                       encoding="utf-8")
    (tmp_path / ".mtlint.yaml").write_text("pack_paths: [House]\npacks: [House]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Talks\n\nHeld in Peking.\n", encoding="utf-8")
    assert run_cli("check", "--write-baseline", "base.json", "a.txt", cwd=tmp_path).exit_code == 0
    assert json.loads((tmp_path / "base.json").read_text())["files"]["a.txt"][0]["rule"] == "House.OldTowns"
    (pack / "OldTowns.yml").unlink()
    _renamed = "kind: substitution\nid: Towns\naliases: [OldTowns]\nswap: {Peking: Beijing}\nexamples: {flag: ['[[Peking]]']}\n"
    (pack / "Towns.yml").write_text(_renamed, encoding="utf-8")
    result = run_cli("check", "--baseline", "base.json", "--format", "json", "a.txt", cwd=tmp_path)
    assert (result.exit_code, result.json()) == (0, [])


def test_a_deprecated_rule_runs_and_says_so(tmp_path):
    _renamed_pack(tmp_path, extra="deprecated: use Style.Capitals instead")
    (tmp_path / "a.txt").write_text("Talks\n\nHeld in Peking.\n", encoding="utf-8")
    result = run_cli("check", "a.txt", cwd=tmp_path)
    assert result.exit_code == 1
    assert f"mtlint: warning: {tmp_path / 'House' / 'towns.yml'}: rule House.Towns is deprecated: use Style.Capitals instead" in result.stderr
    listed = json.loads(run_cli("rules", "list", "--format", "json", cwd=tmp_path).stdout)
    towns = next(r for r in listed if r["id"] == "House.Towns")
    assert (towns["aliases"], towns["deprecated"], towns["running"], towns["fix"]) == (
        ["House.OldTowns"], "use Style.Capitals instead", "warning", "safe")


def test_rules_list_json_for_tools(tmp_path):
    listed = json.loads(run_cli("rules", "list", "--format", "json", cwd=tmp_path).stdout)
    by_id = {r["id"]: r for r in listed}
    assert by_id["Names.People"]["fix"] == "safe" and by_id["Names.People"]["level"] == "suggestion"
    assert by_id["Terminology.UkrainianGivenNames"]["running"] == "off"
    assert by_id["mtlint.UnusedDisable"]["kind"] == "suppression"
    assert set(by_id["MTArtefacts.GarbledQuote"]) >= {"id", "pack", "kind", "level", "running", "fix", "scope",
                                                      "aliases", "deprecated", "message", "description", "link"}
