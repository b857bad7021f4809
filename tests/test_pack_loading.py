"""Loading packs: a pack is never dropped silently (same name as a built-in, no pack.yaml, switched off by `packs:`)."""
from __future__ import annotations

from conftest import run_cli

ARTICLE = "Talks\n\nHeld in Gotham.\n"
RULE = "kind: substitution\nswap: {Gotham: Metropolis}\nexamples: {flag: ['[[Gotham]]']}\n"


def _pack(folder, name: str) -> None:
    folder.mkdir(parents=True)
    (folder / "pack.yaml").write_text(f"name: {name}\n", encoding="utf-8")
    (folder / "Towns.yml").write_text(RULE, encoding="utf-8")


def test_a_user_pack_named_like_a_built_in_pack_is_an_error(tmp_path):
    _pack(tmp_path / "mine", "Terminology")
    (tmp_path / ".mtlint.yaml").write_text("pack_paths: [mine]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = run_cli("check", "a.txt", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr == (f"mtlint: error: {tmp_path / 'mine' / 'pack.yaml'}:1: pack name 'Terminology' is already "
                             "a built-in pack; give this pack another name\n")


def test_a_pack_path_without_pack_yaml_is_an_error_and_a_stray_rule_folder_a_warning(tmp_path):
    (tmp_path / "style").mkdir()
    (tmp_path / "style" / "Towns.yml").write_text(RULE, encoding="utf-8")
    (tmp_path / ".mtlint.yaml").write_text("pack_paths: [style]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = run_cli("check", "a.txt", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr == (f"mtlint: error: {tmp_path / 'style'}: not a rule pack: no pack.yaml here or in the "
                             "folders directly inside it\n")
    # a folder of packs in which one folder lacks its pack.yaml: the others load, that one is named
    (tmp_path / "style" / "Towns.yml").unlink()
    _pack(tmp_path / "style" / "good", "Good")
    (tmp_path / "style" / "broken").mkdir()
    (tmp_path / "style" / "broken" / "Towns.yml").write_text(RULE, encoding="utf-8")
    result = run_cli("check", "--format", "json", "a.txt", cwd=tmp_path)
    assert [f["rule"] for f in result.json()] == ["Good.Towns"]
    assert result.stderr == (f"mtlint: warning: {tmp_path / 'style' / 'broken'}: holds rule files but no pack.yaml, "
                             "so it is not loaded as a pack\n")


def test_a_user_pack_left_out_of_packs_is_reported(tmp_path):
    _pack(tmp_path / "mine", "House")
    (tmp_path / ".mtlint.yaml").write_text("packs: [Terminology]\npack_paths: [mine]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = run_cli("check", "a.txt", cwd=tmp_path)
    assert result.exit_code == 0
    assert result.stderr == (f"mtlint: warning: {tmp_path / '.mtlint.yaml'}: pack House (from pack_paths, "
                             f"{tmp_path / 'mine'}) does not run: 'packs:' does not list it; add it there\n")
    # naming one of its rules turns it on, and then there is nothing to warn about
    (tmp_path / ".mtlint.yaml").write_text("packs: [Terminology]\npack_paths: [mine]\nrules:\n  House.Towns: on\n",
                                           encoding="utf-8")
    result = run_cli("check", "a.txt", cwd=tmp_path)
    assert result.exit_code == 1 and result.stderr == ""
