"""`--changed-since REV`: which lines of which files were added or modified, from git.

A line counts as changed when `git diff` between the merge base of REV and HEAD
and the working tree shows it as added (a modified line is removed and added).
So on a pull-request branch `--changed-since origin/main` means "what this
branch changed", including uncommitted edits. A file git does not track (new,
not yet added) is new as a whole. Tracked files that did not change are not
linted at all.
"""
from __future__ import annotations

import os
import subprocess
from functools import lru_cache

import regex

from .errors import MtlintError

_HUNK = regex.compile(rb"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", regex.MULTILINE)


class GitError(MtlintError):
    """--changed-since cannot be answered: no git, not a repository, unknown revision."""


def _git(args: list[str], cwd: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", "--no-optional-locks", "--literal-pathspecs", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError("--changed-since needs git, and no 'git' command was found") from None


class _Repo:
    """One git work tree: the base commit, the paths that differ from it, the tracked paths."""

    def __init__(self, top: str, rev: str) -> None:
        self.top = top
        done = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], top)
        if done.returncode != 0:
            raise GitError(f"--changed-since: unknown revision '{rev}' in the git repository {top}")
        base = done.stdout.decode().strip()
        merge_base = _git(["merge-base", base, "HEAD"], top)
        self.base = merge_base.stdout.decode().strip() if merge_base.returncode == 0 else base
        diff = _git(["diff", "--name-only", "-z", "--no-renames", self.base, "--"], top)
        if diff.returncode != 0:
            raise GitError(f"--changed-since: git diff failed: {diff.stderr.decode(errors='replace').strip()}")
        self.changed = set(os.fsdecode(p) for p in diff.stdout.split(b"\0") if p)
        tracked = _git(["ls-files", "-z"], top)
        self.tracked = set(os.fsdecode(p) for p in tracked.stdout.split(b"\0") if p)

    def lines(self, rel: str) -> frozenset[int] | None:
        if rel not in self.tracked and rel not in self.changed:
            return None  # untracked: every line is new
        if rel not in self.changed:
            return frozenset()
        diff = _git(["diff", "--no-color", "--no-ext-diff", "--no-textconv", "--text", "--no-renames",
                     "--unified=0", self.base, "--", rel], self.top)
        lines: set[int] = set()
        for m in _HUNK.finditer(diff.stdout):
            start, count = int(m.group(1)), int(m.group(2) or 1)
            lines.update(range(start, start + count))
        return frozenset(lines)


class ChangedLines:
    """Answers, per file, which lines changed since `rev` (None: the whole file is new)."""

    def __init__(self, rev: str) -> None:
        self.rev = rev
        self._repos: dict[str, _Repo] = {}

    def lines(self, path: str) -> frozenset[int] | None:
        real = os.path.realpath(path)
        top, problem = _toplevel(os.path.dirname(real))
        if top is None:
            raise GitError(f"--changed-since: {path} is not inside a git repository{problem}")
        repo = self._repos.get(top)
        if repo is None:
            repo = self._repos[top] = _Repo(top, self.rev)
        return repo.lines(os.path.relpath(real, top).replace(os.sep, "/"))


@lru_cache(maxsize=None)
def _toplevel(folder: str) -> tuple[str | None, str]:
    """The work tree holding `folder`, or None and what git said when it is not "not a repository"."""
    done = _git(["rev-parse", "--show-toplevel"], folder)
    if done.returncode != 0:
        said = done.stderr.decode(errors="replace").strip().splitlines()
        unusual = said and "not a git repository" not in said[0]
        return None, f" ({said[0]})" if unusual else ""
    return os.path.realpath(os.fsdecode(done.stdout.rstrip(b"\n"))), ""


def on_changed_lines(findings, lines: frozenset[int] | None):
    """The findings that touch a changed line (all of them when the file is new)."""
    if lines is None:
        return findings
    return [f for f in findings if any(n in lines for n in range(f.line, f.end_line + 1))]
