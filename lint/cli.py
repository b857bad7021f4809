"""The `mtlint` command line (Click): check, init, rules list|show|test."""
from __future__ import annotations

import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

import click

from . import fixer, formats
from .bilingual.context import Setup, attacher, orphan_sources
from .baseline import Baseline, load_baseline, new_baseline
from .changes import ChangedLines, on_changed_lines
from .config import CONFIG_NAMES, Config, FAIL_ON, Selection, active_rules, available_packs, find_config, load_config_file
from .engine import UNUSED_DISABLE, UNUSED_DISABLE_DESCRIPTION, Result, Source, decode, lint_text, read_source
from .errors import InputError, MtlintError
from .finding import LEVEL_RANK, Finding
from .output import FORMATTERS, NEEDS_TEXT, Context, RuleInfo
from .starter import starter_config

SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"}


class Failure(click.ClickException):
    """A usage, configuration or pack error: one line on stderr, exit code 2."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"mtlint: error: {self.message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mtlint")
def main() -> None:
    """mtlint: a translation-quality linter for machine-translated news."""


# -- check ---------------------------------------------------------------------------
def collect_files(paths: tuple[str, ...], config_for) -> tuple[list[str], list[str]]:
    """Expand folders (recursively, by extension); return (files, problems)."""
    files, problems = [], []
    for path in paths:
        if path == "-":
            files.append(path)
        elif os.path.isdir(path):
            # A folder that cannot be listed is a problem to report, not a folder without articles.
            def unreadable(exc: OSError) -> None:
                problems.append(f"{exc.filename}: cannot read folder: {exc.strerror}")

            for root, dirs, names in os.walk(path, onerror=unreadable):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for name in sorted(names):
                    full = os.path.join(root, name)
                    if formats.format_for(name) and not name.lower().endswith(formats.EXPLICIT_ONLY) and not config_for(full).excluded(full):
                        files.append(full)
        elif os.path.exists(path):
            files.append(path)
        else:
            problems.append(f"{path}: no such file or folder")
    return files, problems


@dataclass
class Linted:
    """What linting one file produced, as the report, the baseline and the exit code need it."""

    result: Result  # its findings are the reported ones (after --changed-since and --baseline)
    text: str = ""  # the text the findings point into (after --fix), when a formatter needs it
    fixed: int = 0  # fixes applied (--fix) or shown (--diff)
    diff: str = ""  # --diff: a unified diff of what --fix would change
    stdout: bytes | None = None  # --fix on standard input: the fixed text, encoded as it came


class _Linter:
    """Lints one path under the right configuration, then filters and fixes; picklable for --jobs."""

    def __init__(self, config_path: str | None, selection: Selection, stdin_filename: str | None, keep_text: bool,
                 fix: str | None = None, report_unused: bool = False, baseline: Baseline | None = None,
                 changed: dict[str, frozenset[int] | None] | None = None, bilingual=None) -> None:
        self.bilingual = bilingual  # lint.bilingual.context.Setup: --source, --glossary, languages
        self.config_path = config_path
        self.selection = selection
        self.stdin_filename = stdin_filename
        self.keep_text = keep_text
        self.fix = fix  # None, "fix" (write the files) or "diff" (only show)
        self.report_unused = report_unused
        self.baseline = baseline
        self.changed = changed  # path -> changed lines (None: all new); None: every line counts

    def config_for(self, path: str) -> Config:
        if self.config_path:
            return load_config_file(self.config_path)
        if path == "-":
            base = os.getcwd()
        else:
            base = path if os.path.isdir(path) else os.path.dirname(os.path.abspath(path))
        return find_config(base)

    def __call__(self, path: str, data: bytes | None = None) -> Linted:
        name = (self.stdin_filename or "<stdin>") if path == "-" else path
        try:
            source = decode(name, data or b"") if path == "-" else read_source(path)
        except InputError as exc:
            # --fix on standard input: whatever could not be read goes back out as it came, never lost.
            echo = (data or b"") if self.fix == "fix" and path == "-" else None
            return Linted(Result(name, errors=[str(exc)]), stdout=echo)
        config = self.config_for(name)
        rules = active_rules(config, self.selection)
        try:
            attach = attacher(self.bilingual, name, config)
        except InputError as exc:  # a target without its source: one line, and the target is linted alone
            attach, source_problem = None, str(exc)
        else:
            source_problem = None

        def lint(text: str) -> Result:
            result = lint_text(name, text, rules, name, self.report_unused, attach)
            if source_problem:
                result.errors.append(source_problem)
            result.findings = self._reported(name, result.findings, text)
            return result

        try:
            linted = Linted(lint(source.text))
        except InputError as exc:  # a broken bilingual file (XLIFF, TSV, JSONL): one line, the other files go on
            return Linted(Result(name, errors=[str(exc)]))
        text = source.text
        if self.fix and any(f.fix for f in linted.result.findings):
            text = self._fix(path, source, linted, lint)
        if self.fix == "fix" and path == "-":
            linted.stdout = fixer.encode(source, text)
        if self.keep_text:
            linted.text = text
        return linted

    def _fix(self, path: str, source: Source, linted: Linted, lint) -> str:
        """Fix what `linted` reports: --fix writes the file, --diff only keeps the diff. Returns the text now."""
        fixed_text, fixed_result, count = fixer.fix_text(source.text, linted.result, lint)
        if not count:
            return source.text
        if self.fix == "diff":
            linted.fixed, linted.diff = count, fixer.unified_diff(linted.result.path, source.text, fixed_text)
            return source.text
        if path != "-":
            try:
                fixer.write_atomic(path, fixer.encode(source, fixed_text))
            except OSError as exc:
                linted.result.errors.append(f"{linted.result.path}: cannot write the fixes: {exc.strerror or exc}")
                return source.text
        linted.fixed, linted.result = count, fixed_result
        return fixed_text

    def _reported(self, path: str, findings: list[Finding], text: str) -> list[Finding]:
        """The findings this run reports: on changed lines (--changed-since), not in the baseline."""
        if self.changed is not None:
            findings = on_changed_lines(findings, self.changed.get(path))
        if self.baseline is not None:
            findings = self.baseline.new_findings(path, findings, text)
        return findings


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="Use this config file instead of the nearest .mtlint.yaml.")
@click.option("--pack", "-p", "packs", multiple=True, help="Run only these packs (repeatable).")
@click.option("--enable", multiple=True, metavar="RULE|PACK", help="Turn on a rule or pack on top of the config.")
@click.option("--disable", multiple=True, metavar="RULE|PACK", help="Turn off a rule or pack.")
@click.option("--format", "output_format", type=click.Choice(list(FORMATTERS)), default="text", show_default=True,
              help="Report format: text, json, sarif (SARIF 2.1.0), github (workflow annotations), gitlab (code quality).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to FILE.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), help="Lowest level that makes the exit code 1 (default: warning).")
@click.option("--fix", is_flag=True, help="Apply safe fixes in place; report what remains. With '-', print the fixed text.")
@click.option("--diff", is_flag=True, help="Print a unified diff of what --fix would change; change nothing.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), metavar="FILE", help="Report only findings not recorded in FILE.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), metavar="FILE", help="Record every finding of this run in FILE, exit 0.")
@click.option("--changed-since", metavar="REV", help="Report only findings on lines added or changed since git revision REV.")
@click.option("--report-unused-disables", is_flag=True, help="Report inline mtlint-disable comments that suppressed nothing.")
@click.option("--stdin-filename", help="Name (and so format) of the text read from '-'.")
@click.option("--source", "source_path", type=click.Path(exists=True), metavar="FILE|DIR",
              help="Check against this source (a folder: pair files by relative path) with the Source pack.")
@click.option("--source-lang", metavar="CODE", help="The source language (default: identified offline).")
@click.option("--lang", "target_lang", metavar="CODE", help="The translation's language (default: the config's, else en).")
@click.option("--glossary", type=click.Path(exists=True, dir_okay=False), metavar="FILE", help="A termbase: TBX, CSV or YAML.")
@click.option("--jobs", "-j", type=click.IntRange(0), default=0, help="Worker processes (0: one per core).")
@click.option("--quiet", "-q", is_flag=True, help="Only the finding lines and the summary.")
@click.option("--no-color", is_flag=True, help="Never colour the text report.")
def check(paths, config_path, packs, enable, disable, output_format, output, fail_on, fix, diff, baseline_path,
          write_baseline, changed_since, report_unused_disables, stdin_filename, source_path, source_lang, target_lang,
          glossary, jobs, quiet, no_color):
    """Lint articles: files, folders (recursively) or '-' for standard input.

    Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it (after
    --fix: what remains); 2 a usage, configuration, pack or input error.
    """
    if not paths:
        raise click.UsageError("give at least one file, folder or '-'")
    if changed_since and "-" in paths:
        raise click.UsageError("--changed-since needs files in a git repository, not standard input ('-')")
    mode = "diff" if diff else "fix" if fix else None
    selection = Selection(tuple(packs), tuple(enable), tuple(disable))
    bilingual = Setup(source_path, tuple(p for p in paths if p != "-"), source_lang, target_lang, glossary)
    linter = _Linter(config_path, selection, stdin_filename, output_format in NEEDS_TEXT or bool(write_baseline),
                     mode, report_unused_disables, bilingual=bilingual)
    try:
        # Load the configuration and packs up front, so a broken pack fails before any file is read.
        base_config = linter.config_for(next((p for p in paths if p != "-"), "-"))
        active_rules(base_config, selection)
        bilingual.validate()
        files, problems = collect_files(paths, linter.config_for)
        problems += orphan_sources(bilingual, files)
        if changed_since:
            files, linter.changed = _changed_files(files, changed_since)
        if baseline_path and not write_baseline:
            linter.baseline = load_baseline(baseline_path)
        stdin_data = sys.stdin.buffer.read() if "-" in files else None
        linted = _run(linter, files, stdin_data, jobs)
    except MtlintError as exc:
        raise Failure(str(exc)) from None
    errors = problems + [e for item in linted for e in item.result.errors]
    for problem in errors:
        click.echo(problem, err=True)
    results = [item.result for item in linted]
    if write_baseline:
        _write_baseline(write_baseline, linted, quiet)
        sys.exit(2 if errors else 0)
    if mode == "diff":
        _emit("".join(item.diff for item in linted), output)
        _fix_summary(linted, "Would fix", quiet)
    else:
        for item in linted:
            if item.stdout is not None:
                click.echo(item.stdout, nl=False)
        context = Context(
            color=not no_color and output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ,
            quiet=quiet,
            texts={item.result.path: item.text for item in linted},
            rules=_rule_metadata(base_config),
            files=len(files),
        )
        report = FORMATTERS[output_format](results, context)
        # With --fix on standard input, standard output carries the fixed text: the report goes to stderr.
        _emit(report, output, err=any(item.stdout is not None for item in linted))
        if mode == "fix":
            _fix_summary(linted, "Fixed", quiet)
    threshold = fail_on or base_config.fail_on
    failed = threshold != "never" and any(f.rank >= LEVEL_RANK[threshold] for r in results for f in r.findings)
    if errors:
        sys.exit(2)
    sys.exit(1 if failed else 0)


def _changed_files(files: list[str], rev: str) -> tuple[list[str], dict[str, frozenset[int] | None]]:
    """The files with lines changed since `rev`, and those lines (None: a new file)."""
    changes = ChangedLines(rev)
    lines = {f: changes.lines(f) for f in files}
    return [f for f in files if lines[f] is None or lines[f]], lines


def _rule_metadata(config: Config) -> dict:
    """Rule id -> rule, for formatters that describe rules (SARIF)."""
    rules = {r.id: r for pack in available_packs(config).values() for r in pack.rules}
    rules[UNUSED_DISABLE] = RuleInfo(UNUSED_DISABLE, "warning", "Unused suppression", UNUSED_DISABLE_DESCRIPTION)
    return rules


def _emit(text: str, output: str | None, err: bool = False) -> None:
    if output:
        try:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
        except OSError as exc:
            raise Failure(f"{output}: cannot write the report: {exc.strerror or exc}") from None
    elif text:
        click.echo(text, nl=False, err=err)


def _fix_summary(linted: list[Linted], verb: str, quiet: bool) -> None:
    fixed = sum(item.fixed for item in linted)
    files = sum(1 for item in linted if item.fixed)
    if quiet:
        return
    if fixed:
        click.echo(f"{verb} {fixed} problem{'s' if fixed != 1 else ''} in {files} file{'s' if files != 1 else ''}.", err=True)
    else:
        click.echo("Nothing to fix.", err=True)


def _write_baseline(path: str, linted: list[Linted], quiet: bool) -> None:
    baseline = new_baseline(path)
    for item in linted:
        baseline.add(item.result.path, item.result.findings, item.text)
    try:
        fixer.write_atomic(path, baseline.dumps().encode("utf-8"))
    except OSError as exc:
        raise Failure(f"{path}: cannot write the baseline: {exc.strerror or exc}") from None
    if not quiet:
        count, files = baseline.count(), len(baseline.files)
        click.echo(f"Wrote {count} finding{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''} to the baseline {path}.", err=True)


def _run(linter: _Linter, files: list[str], stdin_data: bytes | None, jobs: int) -> list[Linted]:
    jobs = jobs or os.cpu_count() or 1
    on_disk = [f for f in files if f != "-"]
    if jobs > 1 and len(on_disk) > 8:
        with ProcessPoolExecutor(max_workers=min(jobs, len(on_disk))) as pool:
            done = dict(zip(on_disk, pool.map(linter, on_disk, chunksize=max(1, len(on_disk) // (jobs * 8)))))
        return [done[f] if f != "-" else linter(f, stdin_data) for f in files]
    return [linter(f, stdin_data if f == "-" else None) for f in files]


# -- init ----------------------------------------------------------------------------
@main.command()
@click.argument("directory", default=".", type=click.Path(file_okay=False, exists=True))
@click.option("--force", is_flag=True, help="Overwrite an existing configuration.")
def init(directory, force):
    """Write a commented starter .mtlint.yaml in DIRECTORY (default: here)."""
    existing = [p for p in (os.path.normpath(os.path.join(directory, n)) for n in CONFIG_NAMES) if os.path.exists(p)]
    if existing and not force:
        raise Failure(f"{existing[0]} already exists; use --force to overwrite it")
    path = os.path.normpath(os.path.join(directory, CONFIG_NAMES[0]))
    try:
        text = starter_config(available_packs(Config(root=os.path.abspath(directory))))
        fixer.write_atomic(path, text.encode("utf-8"))
    except MtlintError as exc:
        raise Failure(str(exc)) from None
    except OSError as exc:
        raise Failure(f"{path}: cannot write: {exc.strerror or exc}") from None
    click.echo(f"Wrote {path}: every pack and rule with its default, commented. Edit it, then run 'mtlint check'.")


# -- rules ---------------------------------------------------------------------------
@main.group()
def rules() -> None:
    """Browse the available rules and run their examples."""


def _packs(config_path: str | None):
    try:
        config = load_config_file(config_path) if config_path else find_config(os.getcwd())
        return config, available_packs(config)
    except MtlintError as exc:
        raise Failure(str(exc)) from None


@rules.command("list")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False))
def rules_list(config_path):
    """List every rule with its level and whether it runs by default."""
    config, packs = _packs(config_path)
    try:
        active = {a.rule.id: a.level for a in active_rules(config)}
    except MtlintError as exc:  # the config names a rule or pack that does not exist
        raise Failure(str(exc)) from None
    for pack in packs.values():
        click.echo(f"{pack.name} — {pack.description.splitlines()[0] if pack.description else ''}")
        for rule in pack.rules:
            state = active.get(rule.id, "off")
            summary = (rule.description.splitlines() or [rule.message])[0]
            click.echo(f"  {rule.id:<32} {rule.kind:<13} {state:<10} {summary}")


@rules.command("show")
@click.argument("rule_id")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False))
def rules_show(rule_id, config_path):
    """Show one rule: kind, level, scope, why it matters, examples."""
    _, packs = _packs(config_path)
    rule = next((r for p in packs.values() for r in p.rules if r.id == rule_id), None)
    if rule is None:
        raise Failure(f"unknown rule '{rule_id}' (see 'mtlint rules list')")
    click.echo(f"{rule.id}\n")
    click.echo(f"kind: {rule.kind}   level: {rule.level}   scope: {rule.scope}   fixable: {'yes' if rule.fixable else 'no'}   default: {'on' if rule.enabled else 'off'}")
    click.echo(f"file: {rule.path}\n")
    click.echo(f"message: {rule.message}\n")
    if rule.description:
        click.echo(rule.description + "\n")
    if rule.link:
        click.echo(f"link: {rule.link}\n")
    for key, label in (("flag", "Flagged"), ("pass", "Not flagged")):
        if rule.examples.get(key):
            click.echo(f"{label}:")
            for example in rule.examples[key]:
                click.echo(f"  - {example}")


@rules.command("test")
@click.argument("pack_names", nargs=-1)
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False))
def rules_test(pack_names, config_path):
    """Run every rule's own examples: each 'flag' must be flagged, each 'pass' must not."""
    from .examples import run_examples

    _, packs = _packs(config_path)
    unknown = [n for n in pack_names if n not in packs]
    if unknown:
        raise Failure(f"unknown pack '{unknown[0]}' (known: {', '.join(packs)})")
    chosen = [packs[n] for n in pack_names] if pack_names else list(packs.values())
    failures = checked = 0
    for pack in chosen:
        for rule in pack.rules:
            for problem in run_examples(rule):
                failures += 1
                click.echo(f"FAIL {problem}")
            checked += 1
    click.echo(f"{checked} rules checked, {failures} example{'s' if failures != 1 else ''} failed.")
    sys.exit(1 if failures else 0)
