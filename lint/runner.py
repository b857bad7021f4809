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
        (automatons, compiled packs). Work goes out in small chunks, the workers' from the front of the list and
        this process's own from the back, until they meet. This process lints rather than only collects because
        on two cores it would otherwise hold a core for little more than unpickling results. A feeder thread
        keeps every worker two chunks ahead whatever this process is linting (one huge article must not leave
        the workers idle); the forks happen before that thread starts, with this process's only thread."""
        import threading
        from collections import deque
        from concurrent.futures import ProcessPoolExecutor, wait
        from concurrent.futures.process import BrokenProcessPool

        from .candidates import prepare
        from .packcache import keep_new_patterns

        rules = self.rules_for(paths[0])
        for active in rules:  # built once here (automatons), shared by the forked workers
            active.rule.warm()
        prepare(tuple(active.rule for active in rules))
        # Small chunks: the last one taken decides when the run ends; a chunk's round trip costs a fraction of
        # one article.
        size = max(1, min(CHUNK_FILES, len(paths) // (jobs * 8)))
        chunks = deque(paths[first:first + size] for first in range(0, len(paths), size))
        workers = max(1, min(jobs - 1, len(chunks) - 1))  # (no more workers than chunks the parent leaves them)
        if self.options.cache:
            self.options.cache.close()  # (no database connection crosses the fork; the workers open their own)
        gc.freeze()  # what the workers inherit is never scanned by their collector (nor copied page by page)
        sent: list = []  # futures, in the order their chunks were sent
        slots = threading.Semaphore(2 * workers)  # a chunk in hand and one queued per worker (the first each
        # at the start, the second by the feeder: with few chunks, the parent keeps some)
        feed_error: list[BaseException] = []

        def send_next(pool) -> bool:
            try:
                chunk = chunks.popleft()  # (deque pops are atomic: this process's own take from the other end)
            except IndexError:
                slots.release()
                return False
            future = pool.submit(_lint_chunk_in_worker, chunk)
            future.add_done_callback(lambda _: slots.release())
            sent.append(future)
            return True

        def feed(pool) -> None:
            try:
                while slots.acquire() and send_next(pool):
                    pass
            except BaseException as exc:  # a broken pool: raised by this process once its own part is done
                feed_error.append(exc)

        pool = ProcessPoolExecutor(max_workers=workers, mp_context=_fork_context(), initializer=_worker_init,
                                   initargs=(os.getpid(), self))
        died = False
        try:
            for _ in range(workers):  # the first submit forks every worker, before any thread is started
                if not (slots.acquire() and send_next(pool)):
                    break
            processes = list(getattr(pool, "_processes", {}).values())  # (the workers, to see one die)

            def broken() -> bool:
                return bool(feed_error) or any(process.exitcode is not None for process in processes)

            feeder = threading.Thread(target=feed, args=(pool,), name="mtlint-feeder", daemon=True)
            feeder.start()
            done: dict[str, Linted] = {}
            try:
                while not broken():  # (a dead worker: the run is lost, linting on would be for nothing)
                    try:
                        chunk = chunks.pop()
                    except IndexError:
                        break
                    for path in chunk:
                        done[path] = self.lint_file(path)
            finally:
                chunks.clear()  # (interrupted: the feeder sends nothing more)
            # Never an unbounded wait: a worker killed while sending its results leaves the pool waiting for the
            # rest of the message, its futures unset, for ever.
            while feeder.is_alive() or not all(future.done() for future in sent):
                if broken():
                    raise BrokenProcessPool
                if feeder.is_alive():
                    feeder.join(0.1)
                else:  # (a dead thread's join returns at once: wait on the results instead of spinning on the GIL)
                    wait([future for future in sent if not future.done()], timeout=0.1)
            if feed_error:
                raise feed_error[0]
            for future in sent:
                for path, (linted, entries, patterns) in future.result():
                    done[path] = linted
                    if entries:
                        self.options.cache.add_pending(entries)
                    keep_new_patterns(patterns)
        except BrokenProcessPool:
            died = True
            _ABANDONED.append(pool)  # (its threads may wait for ever: the process exits without joining them)
            raise MtlintError("a --jobs worker process died (killed, or out of memory?); nothing was reported: "
                              "run again, or with --jobs 1") from None
        finally:
            pool.shutdown(wait=not died, cancel_futures=died)
        return done

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


_ABANDONED: list = []  # --jobs pools left behind when a worker died (see workers_abandoned)
_FORKS = sys.platform.startswith("linux")  # where --jobs workers are forked (and told to die with the run)


def workers_abandoned() -> bool:
    """Whether a --jobs worker died in this process's run: the pool's threads may then wait for ever on a pipe
    the dead worker half wrote, so the process must end without joining them (lint.cli.run does)."""
    return bool(_ABANDONED)


_WORKER_RUNNER: "Runner | None" = None  # the run a --jobs worker serves (inherited when forked, sent once otherwise)


def _lint_chunk_in_worker(paths: list[str]) -> list[tuple[str, tuple[Linted, list, list]]]:
    """A chunk of files in a --jobs worker: the task is their paths alone, not a pickled Runner per chunk; the
    content cache's new entries and the patterns made while linting go back with each result, for the parent to
    write them all at once."""
    from .packcache import take_new_patterns

    cache = _WORKER_RUNNER.options.cache
    return [(path, (_WORKER_RUNNER.lint_file(path), cache.take_pending() if cache else [], take_new_patterns()))
            for path in paths]


def _fork_context():
    """The fork start method where there is one that is safe (Linux): the workers share the parent's built rules
    and are told to die with it. Elsewhere (macOS, Windows) the platform's own, which sends the Runner."""
    import multiprocessing

    return multiprocessing.get_context("fork") if _FORKS else None


def _worker_init(parent: int, runner: "Runner") -> None:
    """A worker dies with the run that started it (Linux), instead of outliving a killed parent."""
    from .packcache import take_new_patterns

    global _WORKER_RUNNER
    _WORKER_RUNNER = runner
    take_new_patterns()  # (the parent's own, which it writes itself)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
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
