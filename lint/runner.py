"""The run: collect inputs, read, parse, lint, suppress, filter, fix — once, for every caller.

The CLI, the language server, `mtlint audit` and a Dask task all lint through
`Runner`: the configuration that applies to a path is found the same way, the
same rules run, and findings are filtered and fixed the same way. `Runner` is
picklable, so worker processes get the same one.
"""
from __future__ import annotations

import gc
import os
import signal
import stat
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from . import formats
from .config import Config, Selection, find_config, generation, load_config_file, resolve
from .errors import MtlintError
from .finding import Finding
from .inputs import MAX_FILE_BYTES, Collected, Decoded, collect, decode, read_file, stamp
from .result import Result

# (--baseline and --changed-since modules load only when used: start-up; the engine, and with it the rule kinds,
# and the fixer when a file is linted or fixed: a run the content cache serves whole never loads them)
if TYPE_CHECKING:
    from .baseline import Baseline
    from .fixer import AppliedFix

BILINGUAL_FORMATS = ("xliff", "tsv", "jsonl")  # formats that bring their source along
PARALLEL_MIN_FILES = 8  # below this, starting worker processes costs more than it saves
CHUNK_FILES = 16  # at most this many files go to a --jobs worker at a time
CACHE_BATCH = 500  # files read and looked up in the content cache together
MAX_STDIN_READ = MAX_FILE_BYTES + 1  # one byte more than allowed, so an oversized input is recognised and refused


@dataclass(frozen=True)
class Options:
    """Everything about a run that is not a path: what runs, how findings are filtered and fixed."""

    config_path: str | None = None  # --config: one file for every article, instead of the nearest one
    selection: Selection = Selection()  # --pack, --enable, --disable on top of the configuration
    fix: str | None = None  # None, "fix" (write the files) or "diff" (only show)
    unsafe_fixes: bool = False  # also apply fixes whose applicability is "unsafe"
    stdin_filename: str | None = None  # name (and so format and configuration) of standard input
    force_exclude: bool = False  # apply `exclude` to files named on the command line too
    respect_gitignore: bool = True
    keep_text: bool = False  # keep each file's (fixed) text for formatters that quote it
    debug: bool = False  # an internal error shows its traceback
    languagetool_url: str | None = None  # --languagetool-url, for the grammar pack
    baseline: Baseline | None = None  # report only findings not in it
    changed: dict[str, frozenset[int] | None] | None = None  # path -> changed lines (--changed-since)
    cache: object | None = None  # a lint.cache.ContentCache (--cache-dir); None: --no-cache
    bilingual: object | None = None  # a lint.bilingual.context.Setup (--source, --glossary, languages)
    text_of_clean: bool = True  # keep_text for files without findings too (the HTML report shows every article)

    @property
    def applicable(self) -> frozenset[str]:
        """The fix applicabilities this run applies."""
        return frozenset({"safe", "unsafe"} if self.unsafe_fixes else {"safe"})


@dataclass
class Linted:
    """What linting one file produced, as reports, baselines and exit codes need it."""

    result: Result  # its findings are the reported ones (after --changed-since and --baseline)
    text: str = ""  # the text the findings point into (after --fix), when kept
    applied: list[AppliedFix] = field(default_factory=list)  # fixes applied (--fix) or that would be (--diff)
    diff: str = ""  # --diff: a unified diff of what --fix would change
    stdout: bytes | None = None  # --fix on standard input: the fixed text, encoded as it came
    failed: bool = False  # the input could not be read or linted at all (its error says why)

    @property
    def fixed(self) -> int:
        return len(self.applied)


@dataclass
class Run:
    """A whole run: every path accounted for, every file's outcome in the order given."""

    collected: Collected
    linted: list[Linted]

    @property
    def results(self) -> list[Result]:
        return [item.result for item in self.linted]

    @property
    def errors(self) -> list[str]:
        """One line per problem: paths that could not be collected, files that could not be linted."""
        lines = list(self.collected.problems)
        seen = set(lines)
        for item in self.linted:
            for error in item.result.errors:
                if error not in seen:  # a rule that cannot run says so once, not once per file
                    seen.add(error)
                    lines.append(error)
        return lines


class Runner:
    """Lints paths or in-memory texts under the configuration that applies to each."""

    def __init__(self, options: Options = Options()) -> None:
        self.options = options
        self._configs: dict[tuple[str, str], Config] = {}  # (path, cwd) -> find_config's answer for it
        self._configs_generation = generation()

    # -- configuration ----------------------------------------------------------
    def config_for(self, path: str) -> Config:
        """The configuration for `path`: --config, else the nearest one walking up from it (asked several times
        for each file, so remembered until config.forget(), which the language server calls on a change)."""
        if self.options.config_path:
            return load_config_file(self.options.config_path)
        if self._configs_generation != generation() or len(self._configs) >= 100_000:  # (flat on huge archives)
            self._configs.clear()
            self._configs_generation = generation()
        key = (path, "" if path.startswith("/") else os.getcwd())  # (an absolute path needs no working folder)
        found = self._configs.get(key)
        if found is None:
            found = self._configs[key] = find_config(_config_base(*key))
        return found

    def rules_for(self, path: str):
        return resolve(self.config_for(path), self.options.selection).rules

    def registry_for(self, path: str):
        return resolve(self.config_for(path), self.options.selection).registry

    def check_rules(self, path: str) -> tuple[tuple[str, ...], Mapping]:
        """Load and check the rules for `path` now, so that a broken pack or an unknown rule name fails before any
        file is read; return their warnings and the rules by id. Rules an earlier run checked (the same packs,
        configuration, selection and code: `ContentCache.checked`) are not loaded here, only when an article
        misses the cache: a warm run may never load them."""
        config = self.config_for(path)
        checked = self.options.cache.checked(self, path) if self._may_cache(config) else None
        if checked is not None:
            return tuple(checked["warnings"]), _LazyRules(lambda: self.registry_for(path).rules)
        resolved = resolve(config, self.options.selection)
        if self._may_cache(config):
            self.options.cache.remember_checked(self, path, resolved)
        return resolved.warnings, resolved.registry.rules

    def excluded(self, path: str) -> bool:
        return self.config_for(path).excluded(path)

    def collect(self, paths: tuple[str, ...]) -> Collected:
        return collect(paths, self.excluded, self.options.force_exclude, self.options.respect_gitignore)

    # -- linting ----------------------------------------------------------------
    def lint_string(self, path: str, text: str, source: str | None = None, source_lang: str | None = None) -> Result:
        """Lint `text` as the article at `path` (its format and configuration), with this run's filters;
        `source`: the text it translates (an archive record's), checked against it as --source would be."""
        config = self.config_for(path)
        cached = self._cached(path, text, config) if source is None else None
        if cached is not None:  # (served before the packs are even loaded: a warm run may never load them)
            cached.findings = self._reported(path, cached.findings, text)
            return cached
        resolved = resolve(config, self.options.selection)
        attach = None
        if source is not None:
            from .bilingual.context import BilingualContext, source_text_paragraphs

            paragraphs = source_text_paragraphs(path, source)
            attach = lambda doc: BilingualContext(paragraphs, "<source>", source_lang,  # noqa: E731
                                                  config.language or "en").attach(doc)
        elif self.options.bilingual or config.extra.get("glossary") or formats.format_name(path) in BILINGUAL_FORMATS:
            from .bilingual.context import attacher

            attach = attacher(self.options.bilingual, path, config)  # the source, when the run checks against one
        from .engine import lint_text

        compute = lambda: lint_text(path, text, resolved.rules, path, resolved.registry, attach)  # noqa: E731
        cacheable = source is None and self._may_cache(config) and not resolved.runs_grammar
        if cacheable:
            self.options.cache.remember_checked(self, path, resolved)
        result = self.options.cache.lint(self, path, text, compute) if cacheable else compute()
        result.findings = self._reported(path, result.findings, text)
        return result

    def _may_cache(self, config: Config) -> bool:
        """The cache holds what lint_text gives, before this run's filters, keyed by the text itself; a result
        that also depends on what the key does not hold (a source file, a termbase, a LanguageTool server,
        which has its own paragraph cache) is never cached."""
        return bool(self.options.cache) and not self.options.bilingual and not config.extra.get("glossary")

    def _servable(self, path: str, config: Config) -> bool:
        """Whether the cache may serve `path` before its rules are loaded: they were loaded and checked by an
        earlier run (and run no grammar rule)."""
        if not self._may_cache(config):
            return False
        checked = self.options.cache.checked(self, path)
        return checked is not None and not checked["grammar"] and self.options.cache.may_hold(self, path)

    def _cached(self, path: str, text: str, config: Config) -> Result | None:
        """The cache's result for `text` at `path` when it may serve it before the rules are loaded, else None."""
        if not self._servable(path, config):
            return None
        return self.options.cache.lookup(self.options.cache.key(self, path, text))

    def lint_file(self, path: str, data: bytes | None = None) -> Linted:
        """Read (or decode `data` of standard input), lint, filter and fix one input; never raises."""
        name = (self.options.stdin_filename or "<stdin>") if path == "-" else path
        try:
            return self._lint_file(path, name, data)
        except MtlintError as exc:
            return self._failed(path, name, data, str(exc))
        except Exception as exc:  # a bug in mtlint or a plug-in: this file is reported, the run goes on
            return self._failed(path, name, data, self.crash_line(name, exc))

    def crash_line(self, name: str, exc: Exception) -> str:
        """The one line an unexpected error while linting `name` is reported as (with --debug: its traceback)."""
        import traceback  # (only a crash needs it: start-up)

        detail = "\n" + traceback.format_exc().rstrip() if self.options.debug else " (run with --debug for the traceback)"
        return f"{name}: internal error while linting: {type(exc).__name__}: {exc}{detail}"

    def _failed(self, path: str, name: str, data: bytes | None, message: str) -> Linted:
        # --fix on standard input: whatever could not be linted goes back out as it came, never lost.
        echo = (data or b"") if self.options.fix == "fix" and path == "-" else None
        return Linted(Result(name, errors=[message]), stdout=echo, failed=True)

    def _lint_file(self, path: str, name: str, data: bytes | None) -> Linted:
        source = decode(name, data or b"") if path == "-" else read_file(path)
        linted = Linted(self.lint_string(name, source.text))
        if source.stamp and self._may_cache(self.config_for(name)):  # (a warm run then need not read it)
            self.options.cache.remember_stamp(path, source.stamp, source.text, source.stamped_at)
        text = source.text
        if self.options.fix and any(self._fixable(f) for f in linted.result.findings):
            text = self._fix(path, source, linted)
        if self.options.fix == "fix" and path == "-":
            from . import fixer

            linted.stdout = fixer.encode(source, text)
        if self.options.keep_text:
            linted.text = text
        return linted

    def _fixable(self, finding: Finding) -> bool:
        return finding.fix is not None and finding.fix.applicability in self.options.applicable

    def _fix(self, path: str, source: Decoded, linted: Linted) -> str:
        """Fix what `linted` reports: --fix writes the file, --diff only keeps the diff. Returns the text now."""
        from . import fixer

        name = linted.result.path
        fixed_text, fixed_result, applied = fixer.fix_text(
            source.text, linted.result, lambda text: self.lint_string(name, text), self.options.applicable)
        if not applied:
            return source.text
        if self.options.fix == "diff":
            try:
                linted.diff = fixer.unified_diff(name, source.text, fixed_text, source)
            except MtlintError as exc:  # (a UTF-16 file: no diff can show it) the findings still stand
                linted.result.errors.append(str(exc))
                return source.text
            linted.applied = applied
            return source.text
        if path != "-":
            try:
                fixer.write_atomic(path, fixer.encode(source, fixed_text))
            except OSError as exc:
                linted.result.errors.append(f"{name}: cannot write the fixes: {exc.strerror or exc}")
                return source.text
        linted.applied, linted.result = applied, fixed_result
        return fixed_text

    def _reported(self, path: str, findings: list[Finding], text: str) -> list[Finding]:
        """The findings this run reports: on changed lines (--changed-since), not in the baseline."""
        if self.options.changed is not None:
            from .changes import on_changed_lines

            findings = on_changed_lines(findings, self.options.changed.get(path))
        if self.options.baseline is not None:
            rules = self.registry_for(path).rules
            findings = self.options.baseline.new_findings(path, findings, text, lambda rid: rules[rid].aliases if rid in rules else [])
        return findings

    # -- many files ---------------------------------------------------------------
    def start_grammar(self, files: list[str]) -> int:
        """Start the run's one LanguageTool session when a grammar rule runs for any of `files` (under its
        own configuration); return how many threads lint (0: none; worker processes would each start their
        own session, so files go on threads instead)."""
        configs = {}
        for f in files:
            configs.setdefault(self.config_for(f), f)
        for config, path in configs.items():
            checked = self.options.cache.checked(self, path) if self._may_cache(config) else None
            if checked["grammar"] if checked is not None else resolve(config, self.options.selection).runs_grammar:
                from . import grammar

                return grammar.start_run(config.extra, self.options.languagetool_url, config.path).max_in_flight
        return 0

    def lint_files(self, files: list[str], stdin_data: bytes | None = None, jobs: int = 1,
                   threads: int = 0) -> list[Linted]:
        """Lint `files` in their order: on `threads` threads, else in `jobs` processes when there are enough."""
        try:
            return self._lint_files(files, stdin_data, jobs, threads)
        finally:
            if self.options.cache:
                self.options.cache.flush()  # what this run stored, in one transaction
                self.options.cache.close()

    def _lint_files(self, files: list[str], stdin_data: bytes | None, jobs: int, threads: int) -> list[Linted]:
        if threads:
            from concurrent.futures import ThreadPoolExecutor  # (imported only when used: a twentieth of start-up)

            with ThreadPoolExecutor(max_workers=threads) as pool:
                return list(pool.map(lambda f: self.lint_file(f, stdin_data if f == "-" else None), files))
        jobs = jobs or os.cpu_count() or 1
        on_disk = [f for f in files if f != "-"]
        done: dict[str, Linted] = self._from_cache(on_disk) if self.options.cache and not self.options.fix else {}
        if done:  # what the cache holds is served here: worker processes start (and packs load) only for the rest
            on_disk = [f for f in on_disk if f not in done]
        if jobs > 1 and len(on_disk) > PARALLEL_MIN_FILES:
            done.update(self._lint_in_parallel(on_disk, jobs))
        return [done[f] if f in done else self.lint_file(f, stdin_data if f == "-" else None) for f in files]

    def _lint_in_parallel(self, paths: list[str], jobs: int) -> dict[str, Linted]:
        """Lint `paths` in `jobs` processes: this one and `jobs - 1` forked workers, which share what it built
        (automatons, compiled packs). Work goes out in small chunks that every process takes in turn from one
        shared counter, so one huge article never leaves the others idle. This process lints rather than only
        collects, because on two cores it would otherwise hold a core for little more than unpickling results,
        and it runs no thread: a pool's feeder and manager threads cost this process's linting a tenth of its
        speed on two cores (they take the GIL and the other core). Each worker sends a chunk's results as it
        finishes it; this process takes what has arrived between its own chunks, so no worker waits on a full
        pipe."""
        import multiprocessing

        from .candidates import prepare

        rules = self.rules_for(paths[0])
        for active in rules:  # built once here (automatons), shared by the forked workers
            active.rule.warm()
        prepare(tuple(active.rule for active in rules))
        # Small chunks: the last one taken decides when the run ends; a chunk's round trip costs a fraction of
        # one article.
        size = max(1, min(CHUNK_FILES, len(paths) // (jobs * 8)))
        chunks = [paths[first:first + size] for first in range(0, len(paths), size)]
        context = multiprocessing.get_context("fork") if _FORKS else multiprocessing.get_context()
        turn = _Turns(context, len(chunks))
        if self.options.cache:
            self.options.cache.close()  # (no database connection crosses the fork; the workers open their own)
        gc.freeze()  # what the workers inherit is never scanned by their collector (nor copied page by page)
        workers: list[tuple] = []
        done: dict[str, Linted] = {}
        finished = False
        try:
            for _ in range(max(1, min(jobs - 1, len(chunks) - 1))):  # (no more workers than chunks left to share)
                started = self._start_worker(context, chunks, turn)
                if started is None:
                    break  # (out of processes or file descriptors: the workers started, and this process, lint)
                workers.append(started)
            running = {receive: process for process, receive in workers}
            died = lambda: any(process.exitcode not in (None, 0) for process, _ in workers)  # noqa: E731
            while (index := turn.take(died, from_back=True)) is not None:
                for path in chunks[index]:
                    done[path] = self.lint_file(path)
                self._take_results(running, done, timeout=0)
            while running:
                self._take_results(running, done, timeout=None)
            finished = True
        except _WorkerDied:
            raise MtlintError("a --jobs worker process died (killed, or out of memory?); nothing was reported: "
                              "run again, or with --jobs 1") from None
        finally:
            for process, receive in workers:
                if not finished and process.is_alive():  # (interrupted, or another worker died or failed)
                    process.kill()
                process.join()
                receive.close()
        return done

    def _start_worker(self, context, chunks: list[list[str]], turn: "_Turns"):
        """A started worker and the end of its pipe this process reads, or None where the system refuses one
        more process or pipe (ulimit -u, ulimit -n): the run goes on with the workers it has."""
        try:
            receive, send = context.Pipe(duplex=False)
        except OSError:
            return None
        try:
            _widen(send)
            process = context.Process(target=_worker_main, args=(os.getpid(), self, chunks, turn, send),
                                      name="mtlint-worker", daemon=True)
            process.start()
        except OSError:
            receive.close()
            return None
        finally:
            send.close()  # (the worker's end: this process holding it would hide the worker's death)
        return process, receive

    def _take_results(self, running: dict, done: dict[str, Linted], timeout: float | None) -> None:
        """Take every chunk's results the workers in `running` have sent (waiting up to `timeout` for the first),
        and drop a worker from `running` once it says it has finished. A worker's pipe that ends without that
        word is a worker that died."""
        from multiprocessing.connection import wait

        from .packcache import keep_new_patterns

        while running and (ready := wait(list(running), timeout)):
            timeout = 0  # (then only what has arrived already)
            for receive in ready:
                try:
                    message = receive.recv()
                except (EOFError, OSError):
                    raise _WorkerDied from None
                if message is None:  # (finished: nothing more will come)
                    del running[receive]
                    continue
                if isinstance(message, BaseException):  # (an internal error in the worker: raised, as --jobs 1 would)
                    raise message
                for path, linted, entries, patterns in message:
                    done[path] = linted
                    if entries:
                        self.options.cache.add_pending(entries)
                    keep_new_patterns(patterns)

    def _from_cache(self, paths: list[str]) -> dict[str, Linted]:
        """The outcomes of those of `paths` the content cache holds, looked up a few hundred at a time (one
        database query each); a file it does not hold, or that cannot be read, is left to be linted."""
        done: dict[str, Linted] = {}
        for first in range(0, len(paths), CACHE_BATCH):
            done.update(self._from_cache_batch(paths[first:first + CACHE_BATCH]))
        return done

    def _from_cache_batch(self, paths: list[str]) -> dict[str, Linted]:
        """The batch's cached outcomes. A file whose stamp is the one the cache kept with its text's digest is
        not read: its key is made from the kept digest; it is read after all only when the report quotes it (a
        file with findings, for the formats that show lines; every file for the HTML report) or the baseline
        needs its text, and then served only if that text is still the one of the digest."""
        from .cache import text_digest

        cache, texts, keys, stamps = self.options.cache, {}, {}, {}
        every_text = self.options.baseline is not None or (self.options.keep_text and self.options.text_of_clean)
        servable = [path for path in paths if self._servable(path, self.config_for(path))]
        if cache.keeps_stamps and not every_text:
            for path in servable:
                try:
                    info = os.stat(path)
                except OSError:  # (reported when the file is linted)
                    continue
                if stat.S_ISREG(info.st_mode):
                    stamps[path] = stamp(info)
        digests = cache.digests(stamps) if stamps else {}
        for path in servable:
            try:
                digest = digests.get(path)
                if digest is None:
                    source = read_file(path)
                    texts[path], digest = source.text, text_digest(source.text)
                    cache.remember_stamp(path, source.stamp, source.text, source.stamped_at)
                keys[path] = cache.key_of(self, path, digest)
            except Exception:  # (reported when the file is linted)
                continue
        found = cache.lookup_many(list(keys.values()))
        done = {}
        for path, key in keys.items():
            result = found.get(key)
            if result is None:
                continue
            if path not in texts and self.options.keep_text and (result.findings or result.unused_directives):
                try:
                    text = read_file(path).text
                except Exception:  # (reported when the file is linted)
                    continue
                if text_digest(text) != digests[path]:
                    continue  # changed since its stamp was taken: linted again
                texts[path] = text
            result.findings = self._reported(path, result.findings, texts.get(path, ""))
            done[path] = Linted(result, text=texts.get(path, "") if self.options.keep_text else "")
        return done


class _LazyRules(Mapping):
    """Rules by id, loaded on first use (a report that names none of them never loads a pack)."""

    def __init__(self, load) -> None:
        self._load, self._rules = load, None

    def _loaded(self) -> Mapping:
        if self._rules is None:
            self._rules = self._load()
        return self._rules

    def __getitem__(self, rule_id: str):
        return self._loaded()[rule_id]

    def __iter__(self):
        return iter(self._loaded())

    def __len__(self) -> int:
        return len(self._loaded())


@lru_cache(maxsize=4096)
def _config_base(path: str, cwd: str) -> str:
    """The folder the configuration search for `path` starts from (asked several times per file: a stat each)."""
    if path == "-" or path.startswith("<"):
        return cwd
    return path if os.path.isdir(path) else os.path.dirname(os.path.abspath(path))


_FORKS = sys.platform.startswith("linux")  # where --jobs workers are forked (and told to die with the run)


class _WorkerDied(Exception):
    """A --jobs worker's pipe ended before it said it had finished: killed (by the kernel, for memory) or crashed."""


class _Turns:
    """Which chunk of the run's files a process lints next: the workers take them from the front of the list and
    the run from the back, until they meet (a huge article last in the list starts at once, not when all else is
    done). Two indices shared by the run and its workers behind one lock, so each chunk is taken once."""

    def __init__(self, context, chunks: int) -> None:
        self._ends = context.Array("q", [0, chunks])  # (the next chunk from the front, one past the last from the back)

    def take(self, died=None, from_back: bool = False) -> int | None:
        """The index of the next chunk nobody has taken, or None when all are taken. The run passes `died`, to
        be asked while it waits: a worker killed while holding the lock never gives it back."""
        lock = self._ends.get_lock()
        while not lock.acquire(timeout=None if died is None else 0.5):
            if died():
                raise _WorkerDied
        try:
            front, back = self._ends[0], self._ends[1]
            if front >= back:
                return None
            if from_back:
                self._ends[1] = back - 1
                return back - 1
            self._ends[0] = front + 1
            return front
        finally:
            lock.release()


def _worker_main(parent: int, runner: "Runner", chunks: list[list[str]], turn: _Turns, send) -> None:
    """A --jobs worker: take chunks in turn with the run, lint them, and send each chunk's results (with the content
    cache's new entries and the patterns made while linting, for the parent to write them all at once: a worker's
    exit writes nothing) as soon as it is done; then say it has finished (None). A thread of its own writes them
    to the pipe, so the worker lints on while the run, busy with a long article of its own, reads nothing."""
    import queue
    import threading
    from multiprocessing.reduction import ForkingPickler

    from .packcache import take_new_patterns

    _die_with(parent)
    take_new_patterns()  # (the parent's own, which it writes itself)
    cache = runner.options.cache
    outbox: queue.SimpleQueue = queue.SimpleQueue()

    def post() -> None:
        while (payload := outbox.get()) is not None:
            send.send_bytes(payload)

    poster = threading.Thread(target=post, name="mtlint-results", daemon=True)
    poster.start()
    try:
        while (index := turn.take()) is not None:
            outbox.put(bytes(ForkingPickler.dumps(
                [(path, runner.lint_file(path), cache.take_pending() if cache else [], take_new_patterns())
                 for path in chunks[index]])))
    except Exception as exc:  # (a bug: the run reports it as --jobs 1 would)
        outbox.put(bytes(ForkingPickler.dumps(exc if _picklable(exc) else MtlintError(f"a --jobs worker failed: {exc!r}"))))
    outbox.put(bytes(ForkingPickler.dumps(None)))
    outbox.put(None)
    poster.join()
    send.close()


def _widen(send) -> None:
    """A worker's pipe holds a megabyte where the system allows (Linux): a worker does not wait for the run to
    read while the run lints one long article of its own."""
    try:
        import fcntl

        fcntl.fcntl(send.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)
    except (ImportError, AttributeError, OSError):
        pass


def _picklable(exc: BaseException) -> bool:
    import pickle

    try:
        pickle.dumps(exc)
    except Exception:
        return False
    return True


def _die_with(parent: int) -> None:
    """A worker dies with the run that started it (Linux), instead of outliving a killed parent; Ctrl-C is the
    parent's to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if not _FORKS:
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)
