"""--format github (workflow annotations) and --format gitlab (code quality), and the example CI
jobs in examples/ci/ run with bash in real git repositories: a clean article passes, the seed
article fails with annotations at its artefacts, legacy content does not fail a pull request."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPAIRED, ROOT, SEED, run_cli
from gitutil import GIT_ENV, commit_all, git, init_repo
from lint.engine import Result
from lint.finding import Finding
from lint.output import Context, github

CORE = {"Terminology", "Names", "Boilerplate"}
# (command, line, col, endLine, endColumn, title) of the seed's artefacts, from SPEC.md's table
SEED_ANNOTATIONS = [
    ("warning", 1, 75, 1, 101, "Boilerplate.HeadlineSuffix"),
    ("warning", 13, 80, 13, 84, "Terminology.UkrainePlaces"),
    ("warning", 21, 1, 21, 113, "Boilerplate.SeeAlso"),
    ("notice", 29, 25, 29, 42, "Names.People"),
    ("notice", 31, 113, 31, 121, "Names.People"),
    ("warning", 37, 1, 37, 14, "Boilerplate.CommentForm"),
    ("warning", 39, 1, 39, 71, "Boilerplate.CommentForm"),
]
_COMMAND = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def _unescape(value: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(code, char)
    return value


def parse_annotations(output: str) -> list[dict]:
    """Workflow commands as GitHub reads them: command, properties, message."""
    found = []
    for line in output.splitlines():
        m = _COMMAND.match(line)
        if m:
            props = dict(p.split("=", 1) for p in m.group(2).split(","))
            found.append({"command": m.group(1), **{k: _unescape(v) for k, v in props.items()}, "message": _unescape(m.group(3))})
    return found


def _key(a: dict) -> tuple:
    return (a["command"], int(a["line"]), int(a["col"]), int(a["endLine"]), int(a["endColumn"]), a["title"])


# -- github --------------------------------------------------------------------------
def test_github_annotations_on_the_seed_article(tmp_path):
    shutil.copy(SEED, tmp_path / "seed.txt")
    result = run_cli("check", "--format", "github", "seed.txt", cwd=tmp_path)
    assert result.exit_code == 1
    annotations = parse_annotations(result.stdout)
    assert len(annotations) == len(result.stdout.splitlines())  # nothing but workflow commands
    assert all(a["file"] == "seed.txt" for a in annotations)
    core = [_key(a) for a in annotations if a["title"].split(".")[0] in CORE]
    assert core == SEED_ANNOTATIONS
    kiev = next(a for a in annotations if a["title"] == "Terminology.UkrainePlaces")
    assert kiev["message"] == "Outdated Russian-derived spelling 'Kiev': current usage and the Ukrainian original say 'Kyiv'."


def test_github_clean_article_passes_without_annotations(tmp_path):
    shutil.copy(REPAIRED, tmp_path / "clean.txt")
    result = run_cli("check", "--format", "github", "clean.txt", cwd=tmp_path)
    assert result.exit_code == 0
    assert result.stdout == ""


def test_github_escaping(tmp_path):
    name = "a,b:c.txt"
    (tmp_path / name).write_text("Talks\n\nNews in Kiev at 100%.\n", encoding="utf-8")
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "pack.yaml").write_text("name: Local\n", encoding="utf-8")
    (pack / "Percent.yml").write_text(
        'kind: pattern\nlevel: error\npattern: "100%"\nmessage: "Percent: {match}, spelled out\\nin news"\n', encoding="utf-8")
    (tmp_path / ".mtlint.yaml").write_text("pack_paths: [pack]\n", encoding="utf-8")
    result = run_cli("check", "--format", "github", name, cwd=tmp_path)
    assert result.exit_code == 1
    assert "::error file=a%2Cb%3Ac.txt,line=3,col=17,endLine=3,endColumn=21,title=Local.Percent::Percent: 100%25, spelled out%0Ain news" in result.stdout.splitlines()
    [annotation] = [a for a in parse_annotations(result.stdout) if a["title"] == "Local.Percent"]
    assert (annotation["file"], annotation["message"]) == (name, "Percent: 100%, spelled out\nin news")


def test_github_span_over_lines_has_no_columns():
    finding = Finding("a.txt", "X.Y", "warning", "m", 2, 5, 3, 4, 10, 9, "ab\ncdefg")
    out = github.render([Result("a.txt", [finding])], Context())
    assert out == "::warning file=a.txt,line=2,endLine=3,title=X.Y::m\n"


def test_github_input_error_is_an_error_command(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run_cli("check", "--format", "github", "empty.txt", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stdout.startswith("::error title=mtlint::empty.txt: empty file")


# -- gitlab --------------------------------------------------------------------------
def test_gitlab_code_quality_report(tmp_path):
    shutil.copy(SEED, tmp_path / "seed.txt")
    result = run_cli("check", "--format", "gitlab", "seed.txt", cwd=tmp_path)
    assert result.exit_code == 1
    issues = result.json()
    core = [i for i in issues if i["check_name"].split(".")[0] in CORE]
    assert [(i["check_name"], i["location"]["lines"]["begin"], i["severity"]) for i in core] == [
        ("Boilerplate.HeadlineSuffix", 1, "minor"),
        ("Terminology.UkrainePlaces", 13, "minor"),
        ("Boilerplate.SeeAlso", 21, "minor"),
        ("Names.People", 29, "info"),
        ("Names.People", 31, "info"),
        ("Boilerplate.CommentForm", 37, "minor"),
        ("Boilerplate.CommentForm", 39, "minor"),
    ]
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["location"]["path"] == "seed.txt"
        assert issue["description"].startswith(issue["check_name"] + ": ")
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_gitlab_fingerprints_survive_lines_moving(tmp_path):
    body = "Talks\n\nLeave a Reply\n\nTalks in Kiev.\n\nLeave a Reply\n"
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    before = run_cli("check", "--format", "gitlab", "a.txt", cwd=tmp_path).json()
    (tmp_path / "a.txt").write_text("Talks\n\nA new first paragraph.\n\n" + body[7:], encoding="utf-8")
    after = run_cli("check", "--format", "gitlab", "a.txt", cwd=tmp_path).json()
    assert [i["fingerprint"] for i in before] == [i["fingerprint"] for i in after]
    assert [i["location"]["lines"]["begin"] for i in after] == [5, 7, 9]


def test_gitlab_clean_article(tmp_path):
    shutil.copy(REPAIRED, tmp_path / "clean.txt")
    result = run_cli("check", "--format", "gitlab", "clean.txt", cwd=tmp_path)
    assert result.exit_code == 0
    assert result.json() == []


# -- the example CI jobs, run as the CI services would run them ----------------------------
def _ci_env(**extra: str) -> dict:
    env = {k: v for k, v in GIT_ENV.items() if not k.startswith(("GITHUB_", "CI_"))}
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env.update(extra)
    return env


def _content_repo(tmp_path: Path, legacy: Path | None, new: Path | None) -> Path:
    """A clone of a bare 'origin' whose main holds `legacy`; branch 'pr' adds `new`."""
    origin = tmp_path / "origin.git"
    seed_repo = init_repo(tmp_path / "seed-repo")
    (seed_repo / "content").mkdir()
    (seed_repo / "content" / "README").write_text("Articles.\n", encoding="utf-8")
    if legacy:
        shutil.copy(legacy, seed_repo / "content" / "legacy.txt")
    commit_all(seed_repo, "main")
    git(tmp_path, "clone", "-q", "--bare", str(seed_repo), str(origin))
    work = tmp_path / "work"
    git(tmp_path, "clone", "-q", str(origin), str(work))
    git(work, "config", "user.name", "Test Editor")
    git(work, "config", "user.email", "editor@example.org")
    git(work, "checkout", "-q", "-b", "pr")
    if new:
        shutil.copy(new, work / "content" / "new.txt")
        commit_all(work, "new article")
    return work


def _github_step() -> str:
    workflow = yaml.safe_load((ROOT / "examples" / "ci" / "github-workflow.yml").read_text(encoding="utf-8"))
    [step] = [s for s in workflow["jobs"]["lint"]["steps"] if s.get("id") == "mtlint"]
    return step["run"]


def _run_github(work: Path, **env: str) -> subprocess.CompletedProcess:
    # GitHub runs a `run:` step as `bash --noprofile --norc -eo pipefail {0}`.
    script = work.parent / "step.sh"
    script.write_text(_github_step(), encoding="utf-8")
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=work,
                          env=_ci_env(**env), capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("event", ["pull_request", "push"])
def test_github_workflow_passes_a_clean_article(tmp_path, event):
    work = _content_repo(tmp_path, legacy=None, new=REPAIRED)
    done = _run_github(work, **({"GITHUB_BASE_REF": "main"} if event == "pull_request" else {}))
    assert done.returncode == 0, done.stdout + done.stderr
    assert parse_annotations(done.stdout) == []


@pytest.mark.parametrize("event", ["pull_request", "push"])
def test_github_workflow_fails_the_seed_article_with_annotations(tmp_path, event):
    work = _content_repo(tmp_path, legacy=None, new=SEED)
    done = _run_github(work, **({"GITHUB_BASE_REF": "main"} if event == "pull_request" else {}))
    assert done.returncode == 1, done.stdout + done.stderr
    annotations = parse_annotations(done.stdout)
    assert {a["file"] for a in annotations} == {"content/new.txt"}
    assert [_key(a) for a in annotations if a["title"].split(".")[0] in CORE] == SEED_ANNOTATIONS


def test_github_workflow_pull_request_ignores_legacy_content(tmp_path):
    # main already holds the (unrepaired) seed article; the pull request only adds a clean one.
    work = _content_repo(tmp_path, legacy=SEED, new=REPAIRED)
    done = _run_github(work, GITHUB_BASE_REF="main")
    assert done.returncode == 0, done.stdout + done.stderr
    assert parse_annotations(done.stdout) == []
    # ...while a push checks the whole folder and finds the legacy article
    done = _run_github(work)
    assert done.returncode == 1
    assert {a["file"] for a in parse_annotations(done.stdout)} == {"content/legacy.txt"}


def _run_gitlab(work: Path, **env: str) -> subprocess.CompletedProcess:
    jobs = yaml.safe_load((ROOT / "examples" / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8"))
    job = jobs["mtlint"]
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    variables = {k: str(v) for k, v in job.get("variables", {}).items()}
    script = work.parent / "job.sh"
    script.write_text("\n".join(job["script"]) + "\n", encoding="utf-8")  # before_script installs mtlint: already here
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=work,
                          env=_ci_env(**variables, **env), capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("event", ["merge_request", "branch"])
def test_gitlab_job(tmp_path, event):
    env = {"CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main"} if event == "merge_request" else {}
    clean = _content_repo(tmp_path / "clean", legacy=SEED if event == "merge_request" else None, new=REPAIRED)
    done = _run_gitlab(clean, **env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads((clean / "gl-code-quality-report.json").read_text(encoding="utf-8")) == []

    bad = _content_repo(tmp_path / "bad", legacy=None, new=SEED)
    done = _run_gitlab(bad, **env)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "content/new.txt:13:80: warning Terminology.UkrainePlaces" in done.stdout
    report = json.loads((bad / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    lines = [(i["check_name"], i["location"]["path"], i["location"]["lines"]["begin"]) for i in report
             if i["check_name"].split(".")[0] in CORE]
    assert lines == [(rule, "content/new.txt", line) for _, line, _, _, _, rule in SEED_ANNOTATIONS]
