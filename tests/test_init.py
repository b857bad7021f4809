"""`mtlint init`: a commented starter .mtlint.yaml that loads as it is and is easy to edit."""
from __future__ import annotations

import shutil

from conftest import EXAMPLES, run_cli


def test_init_writes_a_commented_starter_that_works(tmp_path):
    result = run_cli("init", cwd=tmp_path)
    assert result.exit_code == 0
    assert result.stdout.startswith("Wrote .mtlint.yaml")
    text = (tmp_path / ".mtlint.yaml").read_text(encoding="utf-8")
    assert text.startswith("# mtlint configuration")
    for line in ("# packs: [", "  # Terminology.UkrainePlaces: warning", "  # Names.People: suggestion",
                 "fail_on: warning", "exclude: []", "# pack_paths:"):
        assert line in text
    assert sum(line.lstrip().startswith("#") for line in text.splitlines()) > 20
    # it is picked up and behaves like the defaults
    shutil.copy(EXAMPLES / "seed-article.txt", tmp_path / "seed.txt")
    with_config = run_cli("check", "--format", "json", "seed.txt", cwd=tmp_path)
    (tmp_path / ".mtlint.yaml").unlink()
    without = run_cli("check", "--format", "json", "seed.txt", cwd=tmp_path)
    assert with_config.exit_code == without.exit_code == 1
    assert with_config.json() == without.json()


def test_uncommenting_a_rule_line_takes_effect(tmp_path):
    run_cli("init", cwd=tmp_path)
    config = tmp_path / ".mtlint.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("  # Names.People: suggestion", "  Names.People: off"),
                      encoding="utf-8")
    shutil.copy(EXAMPLES / "seed-article.txt", tmp_path / "seed.txt")
    rules = {f["rule"] for f in run_cli("check", "--format", "json", "seed.txt", cwd=tmp_path).json()}
    assert "Names.People" not in rules and "Terminology.UkrainePlaces" in rules


def test_uncommenting_the_sample_pack_paths_line_turns_that_pack_on(tmp_path):
    run_cli("init", cwd=tmp_path)
    config = tmp_path / ".mtlint.yaml"
    text = config.read_text(encoding="utf-8")
    assert "# pack_paths: [style/our-pack]" in text
    config.write_text(text.replace("# pack_paths: [style/our-pack]", "pack_paths: [style/our-pack]"), encoding="utf-8")
    pack = tmp_path / "style" / "our-pack"
    pack.mkdir(parents=True)
    (pack / "pack.yaml").write_text("name: Ours\n", encoding="utf-8")
    (pack / "Towns.yml").write_text("kind: substitution\nswap: {Gotham: Metropolis}\nexamples: {flag: ['[[Gotham]]']}\n",
                                    encoding="utf-8")
    (tmp_path / "a.txt").write_text("Talks\n\nHeld in Gotham.\n", encoding="utf-8")
    result = run_cli("check", "--format", "json", "a.txt", cwd=tmp_path)
    assert [(f["rule"], f["line"], f["column"], f["match"]) for f in result.json()] == [("Ours.Towns", 3, 9, "Gotham")]
    assert result.stderr == ""  # no warning: the pack runs


def test_init_refuses_to_overwrite_without_force(tmp_path):
    (tmp_path / ".mtlint.yaml").write_text("fail_on: error\n", encoding="utf-8")
    result = run_cli("init", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr == "mtlint: error: .mtlint.yaml already exists; use --force to overwrite it\n"
    assert (tmp_path / ".mtlint.yaml").read_text(encoding="utf-8") == "fail_on: error\n"
    assert run_cli("init", "--force", cwd=tmp_path).exit_code == 0
    assert (tmp_path / ".mtlint.yaml").read_text(encoding="utf-8").startswith("# mtlint configuration")


def test_init_refuses_when_a_yml_config_exists_and_takes_a_directory(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / ".mtlint.yml").write_text("fail_on: error\n", encoding="utf-8")
    result = run_cli("init", "site", cwd=tmp_path)
    assert result.exit_code == 2 and "site/.mtlint.yml already exists" in result.stderr
    other = tmp_path / "other"
    other.mkdir()
    assert run_cli("init", "other", cwd=tmp_path).exit_code == 0
    assert (other / ".mtlint.yaml").is_file()
