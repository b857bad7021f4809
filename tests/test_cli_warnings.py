"""Options that would do nothing, or less than a user expects, say so on standard error."""
from __future__ import annotations

from conftest import run_cli

ARTICLE = "Talks\n\nHeld in Kiev.\n"


def test_show_fixes_without_fix_or_diff_says_so(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = run_cli("check", "--show-fixes", "a.txt", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stderr == "mtlint: warning: --show-fixes lists the fixes --fix applies or --diff would: give one of them\n"


def test_fix_and_diff_together_say_which_wins(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = run_cli("check", "--fix", "--diff", "a.txt", cwd=tmp_path)
    assert "mtlint: warning: --diff and --fix together: --diff wins, nothing is changed" in result.stderr
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == ARTICLE


def test_a_target_language_other_than_english_says_what_assumes_english(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = run_cli("check", "--lang", "de", "a.txt", cwd=tmp_path)
    assert result.stderr.startswith("mtlint: warning: --lang de: the Source pack reads the translation as de, but the "
                                    "other packs (Terminology, Names, Boilerplate, MTArtefacts, grammar) assume English\n")
