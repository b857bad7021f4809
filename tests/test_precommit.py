"""The real pre-commit (from PyPI) with this checkout's .pre-commit-hooks.yaml.

SLOW (network): pre-commit builds its own environment for the hook by pip-installing
this checkout, once per test session (a few seconds with a warm pip cache, about a
minute without). These tests run in the normal suite and in CI on purpose.

`pre-commit try-repo` on a checkout with uncommitted work only takes tracked files, so
the session fixture snapshots the checkout as it is (tracked and new, not ignored,
files) into a temporary repository and commits it there; that is what this checkout
will be once committed. The articles live in another temporary repository.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPAIRED, ROOT, SEED
from gitutil import GIT_ENV, commit_all, git, init_repo

PRE_COMMIT = Path(sys.executable).parent / "pre-commit"


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory) -> tuple[Path, str]:
    """(path, commit) of a committed snapshot of this checkout."""
    if not PRE_COMMIT.exists():
        pytest.fail(f"pre-commit is not installed beside {sys.executable}: install the test extras, pip install '.[test]'")
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            env=GIT_ENV, capture_output=True)
    if listed.returncode != 0:
        pytest.skip(f"{ROOT} is not a git checkout: pre-commit installs hooks from a git repository")
    snapshot = tmp_path_factory.mktemp("hook-repo")
    for name in listed.stdout.decode().split("\0"):
        source = ROOT / name
        if name and source.is_file():
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    init_repo(snapshot)
    return snapshot, commit_all(snapshot, "snapshot of the mtlint checkout")


@pytest.fixture(scope="session")
def pre_commit_env(tmp_path_factory) -> dict:
    """pre-commit's own cache (hook environments) fresh for this session; no colours."""
    return {**GIT_ENV, "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")), "PRE_COMMIT_COLOR": "never"}


@pytest.fixture
def articles(tmp_path) -> Path:
    repo = init_repo(tmp_path / "articles")
    shutil.copy(SEED, repo / "bad.txt")
    shutil.copy(REPAIRED, repo / "good.txt")
    (repo / "notes.md").write_text("# Notes\n\nTalks in Kiev.\n", encoding="utf-8")
    (repo / "data.csv").write_text("city\nKiev\n", encoding="utf-8")  # not an article: never passed to mtlint
    git(repo, "add", "-A")
    return repo


def _run(args: list[str], cwd: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def test_hook_definition():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (hook["id"], hook["entry"], hook["language"]) == ("mtlint", "mtlint check --force-exclude", "python")


def test_try_repo_fails_a_bad_article_with_locations(hook_repo, pre_commit_env, articles):
    path, commit = hook_repo
    done = _run([str(PRE_COMMIT), "try-repo", str(path), "mtlint", "--ref", commit,
                 "--files", "bad.txt", "good.txt", "data.csv"], articles, pre_commit_env)
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "Failed" in out and "- hook id: mtlint" in out and "- exit code: 1" in out
    assert "bad.txt:13:80: warning Terminology.UkrainePlaces" in out
    assert "bad.txt:37:1: warning Boilerplate.CommentForm" in out
    assert "good.txt:" not in out
    assert "notes.md" not in out  # only the files given are linted...
    assert "data.csv" not in out  # ...and of those only articles (by extension)


def test_try_repo_passes_clean_articles(hook_repo, pre_commit_env, articles):
    (articles / "notes.md").write_text("# Notes\n\nTalks in Kyiv.\n", encoding="utf-8")
    path, commit = hook_repo
    done = _run([str(PRE_COMMIT), "try-repo", str(path), "mtlint", "--ref", commit, "--files", "good.txt", "notes.md"],
                articles, pre_commit_env)
    out = done.stdout + done.stderr
    assert done.returncode == 0, out
    assert "mtlint" in out and "Passed" in out


def _install(repo: Path, hook_repo: tuple[Path, str], env: dict) -> None:
    path, commit = hook_repo
    config = {"repos": [{"repo": str(path), "rev": commit, "hooks": [{"id": "mtlint"}]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    done = _run([str(PRE_COMMIT), "install"], repo, env)
    assert done.returncode == 0, done.stdout + done.stderr


def test_git_commit_is_stopped_by_a_bad_article_and_allowed_once_repaired(hook_repo, pre_commit_env, tmp_path):
    repo = init_repo(tmp_path / "site")
    _install(repo, hook_repo, pre_commit_env)
    shutil.copy(SEED, repo / "article.txt")
    git(repo, "add", "-A")
    done = _run(["git", "commit", "-m", "add the article"], repo, pre_commit_env)
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "article.txt:1:75: warning Boilerplate.HeadlineSuffix" in out
    assert "article.txt:13:80: warning Terminology.UkrainePlaces" in out
    assert git(repo, "rev-parse", "--verify", "--quiet", "HEAD", check=False).returncode != 0  # nothing committed

    shutil.copy(REPAIRED, repo / "article.txt")
    git(repo, "add", "-A")
    done = _run(["git", "commit", "-m", "add the repaired article"], repo, pre_commit_env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "mtlint" in done.stdout + done.stderr and "Passed" in done.stdout + done.stderr


def test_only_staged_files_are_passed(hook_repo, pre_commit_env, tmp_path):
    repo = init_repo(tmp_path / "site")
    _install(repo, hook_repo, pre_commit_env)
    shutil.copy(REPAIRED, repo / "clean.txt")
    git(repo, "add", "-A")
    shutil.copy(SEED, repo / "draft.txt")  # not staged: not part of the commit, not linted
    done = _run(["git", "commit", "-m", "clean article"], repo, pre_commit_env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "draft.txt" not in done.stdout + done.stderr


def test_the_hook_never_lints_what_the_config_excludes(hook_repo, pre_commit_env, tmp_path):
    repo = init_repo(tmp_path / "site")
    _install(repo, hook_repo, pre_commit_env)
    (repo / ".mtlint.yaml").write_text("exclude: ['archive/**']\n", encoding="utf-8")
    (repo / "archive").mkdir()
    shutil.copy(SEED, repo / "archive" / "old.txt")  # legacy content, excluded: never linted, even when staged
    git(repo, "add", "-A")
    done = _run(["git", "commit", "-m", "archive an old article"], repo, pre_commit_env)
    out = done.stdout + done.stderr
    assert done.returncode == 0, out
    assert "Terminology.UkrainePlaces" not in out and "mtlint" in out and "Passed" in out
