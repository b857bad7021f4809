"""--changed-since REV in real git repositories: only findings on added or modified lines, untracked
files count as new, the merge base is the reference on a branch, and bad input is one line."""
from __future__ import annotations

import shutil

import pytest

from conftest import CORE, SEED, run_cli
from gitutil import commit_all, git, init_repo



def _check(repo, *args: str):
    result = run_cli("check", *CORE, "--format", "json", *args, cwd=repo)
    found = [(f["path"], f["rule"], f["line"], f["column"], f["match"]) for f in result.json()] if result.stdout.strip() else []
    return result, found


@pytest.fixture
def repo(tmp_path):
    """A repository whose first commit holds the (unrepaired) seed article as legacy content."""
    repo = init_repo(tmp_path / "repo")
    (repo / "content").mkdir()
    shutil.copy(SEED, repo / "content" / "a.txt")
    commit_all(repo, "legacy article")
    return repo


def _edit(path, insert_after_headline: str = "", replace: tuple[str, str] | None = None) -> None:
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("\n", 1)
    text = head + "\n" + insert_after_headline + rest
    if replace:
        assert replace[0] in text
        text = text.replace(*replace)
    path.write_text(text, encoding="utf-8")


def test_only_added_and_modified_lines(repo):
    _edit(repo / "content" / "a.txt", "\nOfficials in Kharkov met.\n",
          ("meanwhile said they too were not", "said meanwhile they too were not"))
    result, found = _check(repo, "--changed-since", "HEAD", "content/a.txt")
    assert found == [
        ("content/a.txt", "Terminology.UkrainePlaces", 3, 14, "Kharkov"),  # an added line
        ("content/a.txt", "Terminology.UkrainePlaces", 15, 80, "Kiev"),  # a modified line (was 13)
    ]
    assert result.exit_code == 1
    # the whole file still has its legacy findings
    assert len(_check(repo, "content/a.txt")[1]) == 8


def test_unchanged_file_passes_and_is_not_linted(repo):
    result, found = _check(repo, "--changed-since", "HEAD", "content")
    assert (result.exit_code, found) == (0, [])
    text = run_cli("check", *CORE, "--changed-since", "HEAD", "content", cwd=repo)
    assert text.exit_code == 0 and "No problems found in 0 files." in text.stdout


def test_untracked_and_staged_files_are_new_as_a_whole(repo):
    shutil.copy(SEED, repo / "content" / "untracked.txt")
    shutil.copy(SEED, repo / "content" / "staged.txt")
    git(repo, "add", "content/staged.txt")
    result, found = _check(repo, "--changed-since", "HEAD", "content")
    by_path = {}
    for path, *rest in found:
        by_path.setdefault(path, []).append(tuple(rest))
    assert set(by_path) == {"content/staged.txt", "content/untracked.txt"}
    assert by_path["content/staged.txt"] == by_path["content/untracked.txt"]
    assert ("Terminology.UkrainePlaces", 13, 80, "Kiev") in by_path["content/staged.txt"]
    assert len(by_path["content/staged.txt"]) == 7
    assert result.exit_code == 1


def test_branch_is_compared_with_its_merge_base(repo):
    git(repo, "checkout", "-q", "-b", "feature")
    _edit(repo / "content" / "a.txt", "\nOfficials in Kharkov met.\n")
    commit_all(repo, "feature: a new paragraph")
    git(repo, "checkout", "-q", "main")
    # main moves on after the branch point: it repairs Kiev on line 13
    _edit(repo / "content" / "a.txt", replace=("two of Kiev's", "two of Kyiv's"))
    commit_all(repo, "main: repair Kiev")
    git(repo, "checkout", "-q", "feature")
    result, found = _check(repo, "--changed-since", "main", "content/a.txt")
    # the branch still has Kiev (it branched before the repair) but did not write it: not reported
    assert found == [("content/a.txt", "Terminology.UkrainePlaces", 3, 14, "Kharkov")]
    assert result.exit_code == 1


def test_github_format_with_changed_since(repo):
    _edit(repo / "content" / "a.txt", "\nOfficials in Kharkov met.\n")
    result = run_cli("check", *CORE, "--format", "github", "--changed-since", "HEAD", "content/a.txt", cwd=repo)
    assert result.stdout == ("::warning file=content/a.txt,line=3,col=14,endLine=3,endColumn=21,"
                             "title=Terminology.UkrainePlaces::Outdated Russian-derived spelling 'Kharkov': "
                             "current usage and the Ukrainian original say 'Kharkiv'.\n")


def test_fix_with_changed_since_fixes_only_changed_lines(repo):
    article = repo / "content" / "a.txt"
    _edit(article, "\nOfficials in Kharkov met.\n")
    result = run_cli("check", *CORE, "--fix", "--changed-since", "HEAD", "content/a.txt", cwd=repo)
    assert result.exit_code == 0
    text = article.read_text(encoding="utf-8")
    assert "Officials in Kharkiv met." in text
    assert "two of Kiev's" in text  # legacy line left alone


def test_unknown_revision(repo):
    result = run_cli("check", "--changed-since", "no-such-branch", "content/a.txt", cwd=repo)
    assert result.exit_code == 2
    assert result.stderr == f"mtlint: error: --changed-since: unknown revision 'no-such-branch' in the git repository {repo.resolve()}\n"


def test_outside_a_git_repository(tmp_path):
    (tmp_path / "a.txt").write_text("Talks\n\nKiev.\n", encoding="utf-8")
    result = run_cli("check", "--changed-since", "HEAD", "a.txt", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr == "mtlint: error: --changed-since: a.txt is not inside a git repository\n"


def test_standard_input_is_refused(repo):
    result = run_cli("check", "--changed-since", "HEAD", "-", input="Kiev.\n", cwd=repo)
    assert result.exit_code == 2
    assert "--changed-since needs files in a git repository, not standard input" in result.stderr
