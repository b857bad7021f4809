"""The run as a whole: one file's failure never stops it, regex timeouts stay local, limits, workers die with it."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import make_pack, run_cli
from lint.runner import Options, Runner

MTLINT = str(Path(sys.executable).parent / "mtlint")


def _crashing_kind_pack(root: Path) -> None:
    """A plug-in kind that raises on one article: a bug in a rule must cost that file only."""
    make_pack(root, {"Boom.yml": "kind: pattern\npattern: 'BOOM'\n"}, "Buggy", run_only=False)


def test_an_internal_error_in_one_file_is_one_line_and_the_others_are_linted_and_fixed(tmp_path, monkeypatch):
    from lint.kinds import pattern

    real = pattern.Pattern.hits

    def hits(self, doc):
        if "BOOM" in doc.text:
            raise ZeroDivisionError("division by zero")
        return real(self, doc)

    monkeypatch.setattr(pattern.Pattern, "hits", hits)
    _crashing_kind_pack(tmp_path)
    (tmp_path / "a.txt").write_text("Talks\n\nBOOM in Kiev.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Talks\n\nHeld in Kiev.\n", encoding="utf-8")
    result = run_cli("check", "--fix", "a.txt", "b.txt", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == ("mtlint: error: a.txt: internal error while linting: ZeroDivisionError: "
                                             "division by zero (run with --debug for the traceback)")
    assert "Traceback" not in result.stderr
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == "Talks\n\nHeld in Kyiv.\n"
    debug = run_cli("check", "--debug", "a.txt", cwd=tmp_path)
    assert debug.exit_code == 2 and "Traceback (most recent call last):" in debug.stderr
    assert "ZeroDivisionError: division by zero" in debug.stderr


def test_a_bad_html_file_among_many_with_two_jobs(tmp_path):
    for i in range(12):
        (tmp_path / f"a{i:02}.html").write_text(f"<p>Talks {i} in Kiev.</p>\n" + ("<![ \n" if i == 5 else ""),
                                                encoding="utf-8")
    result = run_cli("check", "--jobs", "2", "--fix", "-p", "Terminology", ".", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert all("Kyiv" in (tmp_path / f"a{i:02}.html").read_text(encoding="utf-8") for i in range(12))


def test_a_regex_timeout_in_one_block_leaves_the_rule_running_on_the_others(tmp_path):
    make_pack(tmp_path, {"Catastrophic.yml": "kind: pattern\npattern: '(a|aa)+$|Kiev'\n"}, "Slow")
    bad = "a" * 60 + "b"
    (tmp_path / "a.txt").write_text(f"Talks\n\n{bad}\n\nHeld in Kiev.\n\n{bad}\n\nKiev again.\n", encoding="utf-8")
    started = time.monotonic()
    result = run_cli("check", "--format", "json", "a.txt", cwd=tmp_path)
    assert time.monotonic() - started < 30
    assert result.exit_code == 2
    assert [(f["line"], f["column"], f["match"]) for f in result.json()] == [(5, 9, "Kiev"), (9, 1, "Kiev")]
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("mtlint: error: a.txt: Slow.Catastrophic: regex '(a|aa)+$|Kiev' took over 2s")


def test_standard_input_has_the_file_size_limit(tmp_path):
    from lint import inputs

    limit = inputs.MAX_FILE_BYTES
    data = b"Talks in Kiev. " * (limit // 15 + 10)
    started = time.monotonic()
    done = subprocess.run([MTLINT, "check", "-", "--stdin-filename", "a.txt"], input=data, capture_output=True, cwd=tmp_path)
    assert time.monotonic() - started < 20
    assert done.returncode == 2
    assert done.stderr.decode() == "mtlint: error: a.txt: too large (20 MiB; the limit is 20 MiB)\n"


def test_workers_exit_when_the_run_is_killed(tmp_path):
    for i in range(400):
        (tmp_path / f"a{i:03}.txt").write_text("Talks\n\n" + "Held in Kiev with Stephane Sejourne. " * 300, encoding="utf-8")
    # --jobs 3: the run lints in its own process and two forked workers
    proc = subprocess.Popen([MTLINT, "check", "--jobs", "3", "."], cwd=tmp_path, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    children: list[int] = []
    for _ in range(200):  # wait for the two workers to start
        time.sleep(0.05)
        children = [int(p) for p in subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout.split()]
        if len(children) >= 2:
            break
    assert len(children) >= 2, "the workers never started"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    for _ in range(100):
        alive = [pid for pid in children if os.path.exists(f"/proc/{pid}") and "zombie" not in _state(pid)]
        if not alive:
            break
        time.sleep(0.05)
    assert alive == []
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".mtlint-tmp")]


def test_with_two_jobs_the_run_and_its_worker_both_lint_and_the_report_keeps_the_order(tmp_path, monkeypatch):
    """--jobs 2 is this process and one forked worker (which inherits the patched lint_file, so each file says
    which process linted it): both take part, every file is linted once, and the results come back in the
    order of the files, as --jobs 1 gives them."""
    names = [f"a{i:02}.txt" for i in range(40)]
    for i, name in enumerate(names):
        (tmp_path / name).write_text(f"Talks {i}\n\nHeld in Kiev with Stephane Sejourne.\n", encoding="utf-8")
    files = [str(tmp_path / name) for name in names]
    serial = [linted.result.findings for linted in Runner(Options()).lint_files(files, jobs=1)]
    log = tmp_path / "linted-by"
    real = Runner.lint_file

    def lint_file(self, path, data=None):
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()} {os.path.basename(path)}\n")
        return real(self, path, data)

    monkeypatch.setattr(Runner, "lint_file", lint_file)
    parallel = Runner(Options()).lint_files(files, jobs=2)
    assert [linted.result.path for linted in parallel] == files
    assert [linted.result.findings for linted in parallel] == serial
    assert [(f.rule, f.line, f.column, f.match) for f in serial[7]] == [
        ("Terminology.UkrainePlaces", 3, 9, "Kiev"), ("Names.People", 3, 19, "Stephane Sejourne")]
    by = [line.split() for line in log.read_text(encoding="utf-8").splitlines()]
    assert sorted(name for _, name in by) == names
    assert {pid for pid, _ in by} >= {str(os.getpid())} and len({pid for pid, _ in by}) == 2


def test_a_worker_that_dies_is_one_line_not_a_traceback(tmp_path, monkeypatch):
    """A --jobs worker killed mid-run (here: it exits on one article, as one the kernel kills for memory would)
    leaves nothing to report: the run says so in one line (exit code 2), not with BrokenProcessPool's traceback."""
    from lint.errors import MtlintError

    files = []
    for i in range(40):
        (tmp_path / f"a{i:02}.txt").write_text(f"Talks {i}\n\nHeld in Kiev.\n", encoding="utf-8")
        files.append(str(tmp_path / f"a{i:02}.txt"))
    parent, real = os.getpid(), Runner.lint_file

    def lint_file(self, path, data=None):
        if os.getpid() != parent:  # (a forked worker inherits this)
            os._exit(1)
        return real(self, path, data)

    monkeypatch.setattr(Runner, "lint_file", lint_file)
    try:
        Runner(Options()).lint_files(files, jobs=2)
    except MtlintError as exc:
        assert str(exc) == ("a --jobs worker process died (killed, or out of memory?); nothing was reported: run "
                            "again, or with --jobs 1")
    else:
        raise AssertionError("a dead worker went unnoticed")
    # The CLI, as the executable exits (lint.cli.run): a worker killed outright (SIGKILL, as the kernel's
    # out-of-memory killer does) on its first article; the run stops linting, says so, exits 2, and does not hang
    # on the pool's threads.
    script = ("import os, signal, sys\n"
              "from lint import cli, runner\n"
              "parent, real = os.getpid(), runner.Runner.lint_file\n"
              "def lint_file(self, path, data=None):\n"
              "    if os.getpid() != parent:\n"
              "        os.kill(os.getpid(), signal.SIGKILL)\n"
              "    return real(self, path, data)\n"
              "runner.Runner.lint_file = lint_file\n"
              "sys.argv = ['mtlint', 'check', '--jobs', '2', '--no-cache', '.']\n"
              "cli.run()\n")
    run = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert run.stderr.splitlines() == ["mtlint: error: a --jobs worker process died (killed, or out of memory?); "
                                       "nothing was reported: run again, or with --jobs 1"]


def test_a_worker_killed_while_taking_its_turn_does_not_hang_the_run(tmp_path, monkeypatch):
    """The run and its workers take chunks from two shared indices behind a lock; a worker killed while it holds
    that lock never gives it back. The run, waiting for its next turn, notices the dead worker and says so."""
    from lint import runner
    from lint.errors import MtlintError

    files = []
    for i in range(40):
        (tmp_path / f"a{i:02}.txt").write_text(f"Talks {i}\n\nHeld in Kiev.\n", encoding="utf-8")
        files.append(str(tmp_path / f"a{i:02}.txt"))
    parent, real = os.getpid(), runner._Turns.take

    def take(self, died=None, from_back=False):
        if os.getpid() != parent:  # (a forked worker inherits this: it dies holding the lock)
            self._ends.get_lock().acquire()
            os._exit(1)
        return real(self, died, from_back)

    monkeypatch.setattr(runner._Turns, "take", take)
    started = time.monotonic()
    try:
        Runner(Options()).lint_files(files, jobs=2)
    except MtlintError as exc:
        assert str(exc).startswith("a --jobs worker process died (killed, or out of memory?)")
    else:
        raise AssertionError("a dead worker went unnoticed")
    assert time.monotonic() - started < 30


def test_an_internal_error_in_a_worker_is_raised_by_the_run(tmp_path, monkeypatch):
    """A bug that raises in a worker surfaces in the run, as it would with --jobs 1 (the CLI then reports an
    internal error), rather than a worker that dies or a file silently left out."""
    files = []
    for i in range(40):
        (tmp_path / f"a{i:02}.txt").write_text(f"Talks {i}\n\nHeld in Kiev.\n", encoding="utf-8")
        files.append(str(tmp_path / f"a{i:02}.txt"))
    parent, real = os.getpid(), Runner.lint_file

    def lint_file(self, path, data=None):
        if os.getpid() != parent:
            raise ZeroDivisionError(f"in the worker, on {os.path.basename(path)}")
        return real(self, path, data)

    monkeypatch.setattr(Runner, "lint_file", lint_file)
    try:
        Runner(Options()).lint_files(files, jobs=2)
    except ZeroDivisionError as exc:
        assert str(exc).startswith("in the worker, on a") and str(exc).endswith(".txt")
    else:
        raise AssertionError("the worker's error was lost")


def test_the_run_takes_its_chunks_from_the_back_and_its_worker_never_waits_on_it(tmp_path, monkeypatch):
    """--jobs 2: the worker takes chunks from the front of the list and the run from the back, so a long article
    last in the list starts at once; while the run lints it (here: waits, up to 60 s, for the worker to be done),
    the worker lints every other file and sends results far larger than its pipe holds (every file's text is
    kept) without waiting for the run to read."""
    names = [f"a{i:03}.txt" for i in range(120)]
    for name in names:
        (tmp_path / name).write_text("Talks\n\n" + "Held in Kiev with Stephane Sejourne. " * 800, encoding="utf-8")
    files = [str(tmp_path / name) for name in names]
    log, parent, real = tmp_path / "linted-by", os.getpid(), Runner.lint_file

    def lint_file(self, path, data=None):
        if os.getpid() == parent and not (tmp_path / "waited").exists():
            (tmp_path / "waited").touch()
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and (not log.exists() or log.read_text(encoding="utf-8").count("worker") < 119):
                time.sleep(0.05)
        result = real(self, path, data)
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"{'run' if os.getpid() == parent else 'worker'} {time.monotonic():.3f} {os.path.basename(path)}\n")
        return result

    monkeypatch.setattr(Runner, "lint_file", lint_file)
    linted = Runner(Options(keep_text=True)).lint_files(files, jobs=2)
    assert [item.result.path for item in linted] == files and sum(len(item.text) for item in linted) > 3_000_000
    entries = [line.split() for line in log.read_text(encoding="utf-8").splitlines()]
    run_first = next(entry for entry in entries if entry[0] == "run")
    assert run_first[2] == names[-1]  # (the run's first file is the last of the list)
    worker = [float(at) for who, at, _ in entries if who == "worker"]
    assert len(worker) == 119 and max(worker) < float(run_first[1])  # (all linted while the run waited)


def test_a_worker_the_system_refuses_leaves_the_run_to_the_others(tmp_path, monkeypatch):
    """Where the system refuses one more process (ulimit -u, or no file descriptor left for its pipe), the run
    goes on with the workers it could start, and reports what --jobs 1 does."""
    import errno

    for i in range(30):
        (tmp_path / f"a{i:02}.txt").write_text(f"Talks {i}\n\nHeld in Kiev with Stephane Sejourne.\n", encoding="utf-8")
    files = [str(tmp_path / f"a{i:02}.txt") for i in range(30)]
    serial = [linted.result.findings for linted in Runner(Options()).lint_files(files, jobs=1)]
    real_fork, forks = os.fork, []

    def fork():
        if forks:
            raise OSError(errno.EAGAIN, "Resource temporarily unavailable")
        forks.append(1)
        return real_fork()

    monkeypatch.setattr(os, "fork", fork)
    parallel = Runner(Options()).lint_files(files, jobs=4)
    assert forks == [1] and [linted.result.findings for linted in parallel] == serial


def test_jobs_work_whatever_the_default_start_method(tmp_path):
    """Python 3.14 makes forkserver the default on Linux; a worker's parent is then the fork server, not the run,
    and every worker used to exit at its parent check. The run forks its workers itself on Linux (they share its
    built rules and die with it), so every default gives the same report. macOS and Windows, where the Runner, the
    chunks, the shared counter and the result pipes are pickled to spawned workers, cannot be had here: the run is
    told it is not on Linux (runner._FORKS) and spawns its workers as there, on Linux's own spawn."""
    for i in range(20):
        (tmp_path / f"a{i:02}.txt").write_text(f"Talks {i}\n\nHeld in Kiev with Stephane Sejourne.\n", encoding="utf-8")
    script = ("import multiprocessing, sys\n"
              "if __name__ == '__main__':\n"
              "    multiprocessing.set_start_method(sys.argv[1].split('-')[0])\n"
              "    from lint import runner\n"
              "    runner._FORKS = not sys.argv[1].endswith('-elsewhere')\n"
              "    from lint.runner import Options, Runner\n"
              "    files = sorted(str(p) for p in __import__('pathlib').Path(sys.argv[2]).iterdir())\n"
              "    for linted in Runner(Options()).lint_files(files, jobs=3):\n"
              "        print(linted.result.path, [(f.rule, f.line, f.column) for f in linted.result.findings])\n")
    outputs = {method: subprocess.run([sys.executable, "-c", script, method, str(tmp_path)], capture_output=True,
                                      text=True, timeout=120)
               for method in ("fork", "spawn", "forkserver", "spawn-elsewhere")}
    assert all(run.returncode == 0 and run.stderr == "" for run in outputs.values()), outputs
    lines = outputs["fork"].stdout.splitlines()
    assert len(lines) == 20 and lines[3] == (f"{tmp_path / 'a03.txt'} [('Terminology.UkrainePlaces', 3, 9), "
                                             "('Names.People', 3, 19)]")
    assert outputs["spawn"].stdout == outputs["forkserver"].stdout == outputs["spawn-elsewhere"].stdout == \
        outputs["fork"].stdout


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text().split("State:", 1)[1].split("\n", 1)[0].lower()
    except (OSError, IndexError):
        return "zombie"


def test_the_runner_lints_in_memory_text_as_the_cli_lints_the_file(tmp_path):
    (tmp_path / ".mtlint.yaml").write_text("rules:\n  Names.People: warning\n", encoding="utf-8")
    text = "Talks\n\nStephane Sejourne met officials in Kiev.\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    cli = run_cli("check", "--format", "json", "a.md", cwd=tmp_path).json()
    result = Runner(Options()).lint_string(str(tmp_path / "a.md"), text)
    assert [f.as_dict() | {"path": "a.md"} for f in result.findings] == cli
    assert {f.level for f in result.findings} == {"warning"}


def test_a_configuration_written_later_is_seen_after_forget(tmp_path):
    """The language server's Runner lives for the session: config.forget() must reach its memo of configurations."""
    from lint import config

    article = tmp_path / "a.txt"
    article.write_text("Officials met in Kiev on Tuesday.\n", encoding="utf-8")
    runner = Runner(Options())
    assert runner.config_for(str(article)).path is None
    (tmp_path / ".mtlint.yml").write_text("fail_on: error\n", encoding="utf-8")
    assert runner.config_for(str(article)).path is None  # remembered until told
    config.forget()
    assert runner.config_for(str(article)).path == str(tmp_path / ".mtlint.yml")
