"""What a run lints: every path accounted for (linted, excluded and said so, or an error), as a user types it."""
from __future__ import annotations

import os
import shutil
import subprocess

from click.testing import CliRunner

from conftest import EXAMPLES, run_cli
from lint.cli import main
from gitutil import GIT_ENV

ARTICLE = "Talks\n\nHeld in Kiev.\n"


def test_a_folder_without_articles_is_a_usage_error(tmp_path):
    (tmp_path / "notes.rst").write_text("Kiev\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    result = run_cli("check", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"mtlint: error: {tmp_path}: no articles to lint in this folder "
        "(mtlint reads .txt, .text, .md, .markdown, .mdown, .html, .htm, .xhtml, .xlf, .xliff)"]
    assert "No problems found" not in result.stdout


def test_no_path_checks_the_current_folder(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = run_cli("check", "--format", "json", cwd=tmp_path)
    assert result.exit_code == 1
    assert [(f["path"], f["line"], f["column"], f["match"]) for f in result.json()] == [("./a.txt", 3, 9, "Kiev")]


def test_force_exclude_applies_the_config_to_named_files(tmp_path):
    (tmp_path / ".mtlint.yaml").write_text("exclude: ['archive/**']\n", encoding="utf-8")
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "old.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "new.txt").write_text(ARTICLE, encoding="utf-8")
    # named without --force-exclude: linted, as a user who names a file expects
    assert run_cli("check", "archive/old.txt", cwd=tmp_path).exit_code == 1
    both = run_cli("check", "--force-exclude", "--format", "json", "archive/old.txt", "new.txt", cwd=tmp_path)
    assert [f["path"] for f in both.json()] == ["new.txt"]
    only_excluded = run_cli("check", "--force-exclude", "archive/old.txt", cwd=tmp_path)
    assert only_excluded.exit_code == 0
    assert only_excluded.stderr == ("mtlint: all 1 article given are excluded (exclude in the configuration, "
                                    "or .gitignore); nothing linted.\n")
    assert "No problems found" not in only_excluded.stdout


def test_walking_folders_respects_gitignore(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, env=GIT_ENV, check=True)
    (tmp_path / ".gitignore").write_text("build/\n*.draft.md\n!keep.draft.md\n", encoding="utf-8")
    for name in ("a.txt", "build/b.txt", "x.draft.md", "keep.draft.md", "sub/c.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / ".gitignore").write_text("c.md\n", encoding="utf-8")
    linted = {f["path"] for f in run_cli("check", "--format", "json", ".", cwd=tmp_path).json()}
    assert linted == {"./a.txt", "./keep.draft.md"}
    everything = {f["path"] for f in run_cli("check", "--no-gitignore", "--format", "json", ".", cwd=tmp_path).json()}
    assert everything == {"./a.txt", "./build/b.txt", "./x.draft.md", "./keep.draft.md", "./sub/c.md"}


def test_unreadable_inputs_are_errors_and_the_others_still_linted(tmp_path):
    (tmp_path / "good.txt").write_text("Talks\n\nHeld in Kyiv.\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    result = run_cli("check", "good.txt", "pipe.txt", "dangling.txt", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "mtlint: error: pipe.txt: not a regular file (a pipe, socket or device), not read",
        "mtlint: error: dangling.txt: a dangling symbolic link",
    ]
    assert "No problems found" not in result.stdout
    assert result.stdout == "No findings in the 1 file linted; 2 inputs could not be linted (see the errors above).\n"


def test_output_that_is_an_input_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = run_cli("check", "-o", "a.txt", "a.txt", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr == "mtlint: error: a.txt: --output names one of the inputs; the report would overwrite an article\n"
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == ARTICLE
    inside = run_cli("check", "-o", "./a.txt", ".", cwd=tmp_path)  # found by walking the folder
    assert inside.exit_code == 2 and (tmp_path / "a.txt").read_text(encoding="utf-8") == ARTICLE


def test_quiet_on_a_clean_run_prints_nothing(tmp_path):
    (tmp_path / "a.txt").write_text("Talks\n\nHeld in Kyiv.\n", encoding="utf-8")
    result = run_cli("check", "-q", "a.txt", cwd=tmp_path)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_diff_applies_with_git_apply_and_patch_whatever_the_paths(tmp_path):
    work = tmp_path / "work"
    (work / "sub").mkdir(parents=True)
    shutil.copy(EXAMPLES / "seed-article.txt", work / "sub" / "seed.txt")
    subprocess.run(["git", "init", "-q"], cwd=work, env=GIT_ENV, check=True)
    fixed = None
    for given in (".", "./sub/seed.txt", str(work / "sub" / "seed.txt"), "sub"):
        diff = run_cli("check", "--diff", given, cwd=work).stdout
        assert diff.startswith("--- a/sub/seed.txt\n+++ b/sub/seed.txt\n"), (given, diff[:80])
        for tool in (["git", "apply", "-"], ["patch", "-p1", "--quiet"]):
            copy = tmp_path / "copy"
            shutil.copytree(work, copy)
            subprocess.run(tool, cwd=copy, input=diff, text=True, env=GIT_ENV, check=True, capture_output=True)
            text = (copy / "sub" / "seed.txt").read_text(encoding="utf-8")
            assert "Kyiv's strongest" in text and fixed in (None, text)
            fixed = text
            shutil.rmtree(copy)


# -- Bad input through the command line ------------------------------------------------------------
def test_unreadable_subfolder_is_reported_not_skipped(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Kiev.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Intro.\n\nNothing here.\n", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.path.basename(os.fspath(path)) == "sub":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = run_cli("check", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"mtlint: error: {tmp_path / 'sub'}: cannot read folder: Permission denied"


def test_utf32_and_bom_only_files_are_refused(tmp_path):
    (tmp_path / "u32.txt").write_bytes("Kiev is here.\n".encode("utf-32"))
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf")
    result = run_cli("check", str(tmp_path / "u32.txt"), str(tmp_path / "bom.txt"))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"mtlint: error: {tmp_path / 'u32.txt'}: UTF-32 text is not supported; convert it to UTF-8",
        f"mtlint: error: {tmp_path / 'bom.txt'}: empty file, nothing to lint",
    ]


def test_fix_on_stdin_that_cannot_be_read_gives_the_input_back():
    # `mtlint check --fix - < a.md > fixed.md` left fixed.md empty.
    result = CliRunner().invoke(main, ["check", "--fix", "-"], input=b"ab\xffKiev")
    assert result.exit_code == 2
    assert result.stdout_bytes == b"ab\xffKiev"
    assert "<stdin>:1: not valid UTF-8 (byte 0xff at offset 2)" in result.stderr


def test_report_to_a_missing_folder_is_one_line_exit_2(tmp_path):
    (tmp_path / "a.txt").write_text("Intro.\n\nKiev.\n", encoding="utf-8")
    result = run_cli("check", "--output", str(tmp_path / "no" / "r.txt"), str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    assert result.stderr == f"mtlint: error: {tmp_path / 'no' / 'r.txt'}: cannot write the report: No such file or directory\n"


def test_a_file_named_twice_or_also_found_in_a_named_folder_is_linted_once(tmp_path):
    """`a.txt ./a.txt`, `. a.txt`, or a link beside its target: one file, so one report of each problem (and two
    --jobs processes never fix it at once), under the name it was first given. A path that only looks like
    another (`link/../a.txt`, where `link` points elsewhere) is another file, and linted."""
    (tmp_path / "a.txt").write_text("Talks\n\nHeld in Kiev.\n", encoding="utf-8")
    (tmp_path / "b.txt").symlink_to("a.txt")
    cases = [(("a.txt", "./a.txt"), ["a.txt"]), ((".", "a.txt"), ["./a.txt"]),
             (("a.txt", str(tmp_path / "a.txt")), ["a.txt"]), (("a.txt", "b.txt"), ["a.txt"]),
             (("a.txt", "link/../a.txt"), ["a.txt", "link/../a.txt"])]
    for args, shown in cases:
        if "link/../a.txt" in args:
            elsewhere = tmp_path.parent / (tmp_path.name + "-elsewhere")
            (elsewhere / "deep").mkdir(parents=True)
            (elsewhere / "a.txt").write_text("Talks\n\nHeld in Kiev.\n", encoding="utf-8")
            (tmp_path / "link").symlink_to(elsewhere / "deep")
        found = run_cli("check", "--format", "json", "-p", "Terminology", *args, cwd=tmp_path).json()
        assert [(f["path"], f["rule"], f["line"], f["column"]) for f in found] == [
            (path, "Terminology.UkrainePlaces", 3, 9) for path in shown], args
