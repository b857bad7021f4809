"""The `mtlint` command line (Click): check, init, rules list|show|test|kinds.

The command line only reads options and prints: the run itself is `lint.runner`,
the same one the language server and archive audits use.
"""
from __future__ import annotations

import gc

# A run allocates many small objects that live until it ends (packs, tries, findings): the default
# collector thresholds re-scan them thousands of times (a fifth of a run's time); reference counting
# frees what a document leaves, so collecting rarely keeps memory flat.
gc.set_threshold(100_000, 50, 1000)

import os
import sys
from dataclasses import replace

import click

from . import fixer
from .cache import open_cache
from .config import CONFIG_NAMES, FAIL_ON, Config, Selection, available_packs, find_config, load_config_file, resolve
from .errors import MtlintError
from .finding import LEVEL_RANK
from .output import FORMATTERS, NEEDS_EVERY_TEXT, NEEDS_TEXT, Context
from .runner import MAX_STDIN_READ, Linted, Options, Run, Runner
from .starter import starter_config


class Failure(click.ClickException):
    """A usage, configuration or pack error: one line on stderr, exit code 2."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"mtlint: error: {self.message}", err=True)


def _error(line: str) -> None:
    click.echo(f"mtlint: error: {line}", err=True)


def _warning(line: str) -> None:
    click.echo(f"mtlint: warning: {line}", err=True)


class _Group(click.Group):
    """The command group; a command whose module a check never needs (audit) is imported only when run or listed."""

    LAZY = {"audit": "lint.audit"}  # command name -> the module holding it as `command`

    def list_commands(self, ctx) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self.LAZY))

    def get_command(self, ctx, name: str):
        if name in self.LAZY and name not in self.commands:
            import importlib

            self.add_command(importlib.import_module(self.LAZY[name]).command, name)
        return super().get_command(ctx, name)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mtlint")
def main() -> None:
    """mtlint: a translation-quality linter for machine-translated news."""


def run() -> None:
    """The `mtlint` executable: `main`, then an exit that does not tear the interpreter down object by object
    (freeing every pack, rule and finding cost a ninth of a short check). Exit handlers run and output is
    flushed first; with any other thread still running, or output that cannot be flushed, Python exits as usual."""
    try:
        main()
        status = 0
    except SystemExit as exc:
        if exc.code is not None and not isinstance(exc.code, int):
            raise  # (a message to print: the usual exit prints it)
        status = exc.code or 0
    import atexit
    import threading

    if threading.active_count() > 1:
        sys.exit(status)
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:
        sys.exit(status)
    os._exit(status)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


# -- check ---------------------------------------------------------------------------
@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="Use this config file instead of the nearest .mtlint.yaml.")
@click.option("--pack", "-p", "packs", multiple=True, metavar="PACK[,PACK]", help="Run only these packs (repeatable, or a comma list).")
@click.option("--enable", "--select", "enable", multiple=True, metavar="RULE|PACK", help="Turn on rules or packs on top of the config (comma list; --select is an alias).")
@click.option("--disable", "--ignore", "disable", multiple=True, metavar="RULE|PACK", help="Turn off rules or packs (comma list; --ignore is an alias).")
@click.option("--format", "output_format", type=click.Choice(list(FORMATTERS)), default="text", show_default=True,
              help="Report format: text, json, sarif (SARIF 2.1.0), github (workflow annotations), gitlab (code quality), html (one self-contained page).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to FILE.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), help="Lowest level that makes the exit code 1 (default: warning).")
@click.option("--fix", is_flag=True, help="Apply safe fixes in place; report what remains. With '-', print the fixed text.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, also apply fixes marked unsafe (suggestion-level ones among them).")
@click.option("--show-fixes", is_flag=True, help="List each fix applied (or, with --diff, that would be).")
@click.option("--diff", is_flag=True, help="Print a unified diff of what --fix would change; change nothing.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), metavar="FILE", help="Report only findings not recorded in FILE.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), metavar="FILE", help="Record every finding of this run in FILE, exit 0.")
@click.option("--changed-since", metavar="REV", help="Report only findings on lines added or changed since git revision REV.")
@click.option("--report-unused-disables", is_flag=True, help="Report inline mtlint-disable comments that suppressed nothing (the rule mtlint.UnusedDisable).")
@click.option("--force-exclude", is_flag=True, help="Apply the config's exclude to files named on the command line too (for pre-commit).")
@click.option("--no-gitignore", is_flag=True, help="Lint files .gitignore excludes when walking folders.")
@click.option("--stdin-filename", help="Name (and so format) of the text read from '-'.")
@click.option("--source", "source_path", type=click.Path(exists=True), metavar="FILE|DIR",
              help="Check against this source (a folder: pair files by relative path) with the Source pack.")
@click.option("--source-lang", metavar="CODE", help="The source language (default: identified offline).")
@click.option("--lang", "target_lang", metavar="CODE", help="The translation's language (default: the config's, else en).")
@click.option("--glossary", type=click.Path(exists=True, dir_okay=False), metavar="FILE", help="A termbase: TBX, CSV or YAML.")
@click.option("--jobs", "-j", type=click.IntRange(0), default=0, help="Processes that lint: this one and N-1 forked workers (0: one per core).")
@click.option("--quiet", "-q", is_flag=True, help="Only the finding lines and the summary; nothing on a clean run.")
@click.option("--no-color", is_flag=True, help="Never colour the text report.")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error (for bug reports).")
@click.option("--languagetool-url", metavar="URL", help="LanguageTool server for the grammar pack (default: a local one).")
@click.option("--cache-dir", type=click.Path(file_okay=False), envvar="MTLINT_CACHE_DIR", help="Keep findings of unchanged files here (default: the user's cache directory).")
@click.option("--no-cache", is_flag=True, help="Lint every file again; read and write no cache.")
def check(paths, config_path, packs, enable, disable, output_format, output, fail_on, fix, unsafe_fixes, show_fixes, diff,
          baseline_path, write_baseline, changed_since, report_unused_disables, force_exclude, no_gitignore,
          stdin_filename, source_path, source_lang, target_lang, glossary, jobs, quiet, no_color, debug,
          languagetool_url, cache_dir, no_cache):
    """Lint articles: files, folders (recursively) or '-' for standard input (default: the current folder).

    Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it (after
    --fix: what remains); 2 a usage, configuration, pack or input error.
    """
    paths = paths or (".",)
    if show_fixes and not (fix or diff):
        _warning("--show-fixes lists the fixes --fix applies or --diff would: give one of them")
    if fix and diff:
        _warning("--diff and --fix together: --diff wins, nothing is changed")
    if target_lang and not target_lang.lower().startswith("en"):
        _warning(f"--lang {target_lang}: the Source pack reads the translation as {target_lang}, but the other packs "
                 "(Terminology, Names, Boilerplate, MTArtefacts, grammar) assume English")
    if changed_since and "-" in paths:
        raise click.UsageError("--changed-since needs files in a git repository, not standard input ('-')")
    if output and any(p != "-" and os.path.exists(p) and _same_file(p, output) for p in paths):
        raise Failure(f"{output}: --output names one of the inputs; the report would overwrite an article")
    selection = Selection.from_options(packs, enable + (("mtlint.UnusedDisable",) if report_unused_disables else ()),
                                       disable)
    options = Options(config_path, selection, "diff" if diff else "fix" if fix else None, unsafe_fixes, stdin_filename,
                      force_exclude, not no_gitignore, output_format in NEEDS_TEXT or bool(write_baseline), debug,
                      languagetool_url=languagetool_url, cache=open_cache(cache_dir, no_cache),
                      bilingual=_bilingual(paths, source_path, source_lang, target_lang, glossary),
                      text_of_clean=output_format in NEEDS_EVERY_TEXT)
    runner = Runner(options)
    try:
        # Load the configuration and packs up front, so a broken pack fails before any file is read.
        base_path = next((p for p in paths if p != "-"), "-")
        base_config = runner.config_for(base_path)
        warnings, known_rules = runner.check_rules(base_path)  # (served by the cache when checked before)
        for warning in warnings:
            _warning(warning)
        if options.bilingual:
            options.bilingual.validate()
        if baseline_path and not write_baseline:
            from .baseline import load_baseline  # (modules a plain check does not use load only when used)

            runner = Runner(replace(options, baseline=load_baseline(baseline_path)))
        collected = runner.collect(paths)
        if options.bilingual:
            from .bilingual.context import orphan_sources

            collected.problems += orphan_sources(options.bilingual, collected.files)
            if options.bilingual.source and os.path.isfile(options.bilingual.source) and len(collected.files) > 1:
                raise Failure(f"{options.bilingual.source}: --source is one file, for one translation; "
                              f"{len(collected.files)} were given (give a source folder to pair files by path)")
        if changed_since:
            collected.files, changed = _changed_files(collected.files, changed_since)
            runner = Runner(replace(runner.options, changed=changed))
        if output and any(f != "-" and _same_file(f, output) for f in collected.files):
            raise Failure(f"{output}: --output names one of the inputs; the report would overwrite an article")
        stdin_data = sys.stdin.buffer.read(MAX_STDIN_READ) if "-" in collected.files else None
        threads = runner.start_grammar(collected.files)
        run = Run(collected, runner.lint_files(collected.files, stdin_data, jobs, threads))
    except MtlintError as exc:
        raise Failure(str(exc)) from None
    errors = run.errors
    for problem in errors:
        _error(problem)
    if not collected.files and collected.excluded and not errors:
        if not quiet:
            click.echo(f"mtlint: all {len(collected.excluded)} article{'s' if len(collected.excluded) != 1 else ''} "
                       "given are excluded (exclude in the configuration, or .gitignore); nothing linted.", err=True)
        sys.exit(0)
    if write_baseline:
        _write_baseline(write_baseline, run.linted, quiet)
        sys.exit(2 if errors else 0)
    if options.fix == "diff":
        _emit("".join(item.diff for item in run.linted), output)
        _fix_summary(run.linted, "Would fix", quiet, show_fixes)
    else:
        for item in run.linted:
            if item.stdout is not None:
                click.echo(item.stdout, nl=False)
        context = Context(
            color=not no_color and output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ,
            quiet=quiet,
            texts={item.result.path: item.text for item in run.linted},
            rules=known_rules,
            files=sum(not item.failed for item in run.linted),
            failed=sum(item.failed for item in run.linted) + len(collected.problems),
            applicable=options.applicable,
        )
        report = FORMATTERS[output_format](run.results, context)
        # With --fix on standard input, standard output carries the fixed text: the report goes to stderr.
        _emit(report, output, err=any(item.stdout is not None for item in run.linted))
        if options.fix == "fix":
            _fix_summary(run.linted, "Fixed", quiet, show_fixes)
    threshold = fail_on or base_config.fail_on
    failed = threshold != "never" and any(f.rank >= LEVEL_RANK[threshold] for r in run.results for f in r.findings)
    if errors:
        sys.exit(2)
    sys.exit(1 if failed else 0)


def _bilingual(paths, source_path, source_lang, target_lang, glossary):
    """The run's bilingual setup, or None when no option asks for one (bilingual formats bring their own)."""
    if not (source_path or source_lang or target_lang or glossary):
        return None
    from .bilingual.context import Setup

    return Setup(source_path, tuple(p for p in paths if p != "-"), source_lang, target_lang, glossary)


def _changed_files(files: list[str], rev: str) -> tuple[list[str], dict[str, frozenset[int] | None]]:
    """The files with lines changed since `rev`, and those lines (None: a new file)."""
    from .changes import ChangedLines

    changes = ChangedLines(rev)
    lines = {f: changes.lines(f) for f in files}
    return [f for f in files if lines[f] is None or lines[f]], lines


def _emit(text: str, output: str | None, err: bool = False) -> None:
    if output:
        try:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
        except OSError as exc:
            raise Failure(f"{output}: cannot write the report: {exc.strerror or exc}") from None
    elif text:
        click.echo(text, nl=False, err=err)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def _fix_summary(linted: list[Linted], verb: str, quiet: bool, show: bool) -> None:
    if show:
        for item in linted:
            for applied in item.applied:
                before = applied.before.replace("\n", "\\n")
                after = applied.after.replace("\n", "\\n") or "(removed)"
                mark = "" if applied.applicability == "safe" else f" ({applied.applicability})"
                click.echo(f"{item.result.path}:{applied.line}:{applied.column}: {applied.rule}: "
                           f"{before!r} -> {after!r}{mark}", err=True)
    fixed = sum(item.fixed for item in linted)
    if quiet:
        return
    if fixed:
        files = sum(1 for item in linted if item.fixed)
        click.echo(f"{verb} {_plural(fixed, 'problem')} in {_plural(files, 'file')}.", err=True)
    else:
        click.echo("Nothing to fix.", err=True)


def _write_baseline(path: str, linted: list[Linted], quiet: bool) -> None:
    from .baseline import new_baseline

    baseline = new_baseline(path)
    for item in linted:
        baseline.add(item.result.path, item.result.findings, item.text)
    try:
        fixer.write_atomic(path, baseline.dumps().encode("utf-8"))
    except OSError as exc:
        raise Failure(f"{path}: cannot write the baseline: {exc.strerror or exc}") from None
    if not quiet:
        click.echo(f"Wrote {_plural(baseline.count(), 'finding')} in {_plural(len(baseline.files), 'file')} "
                   f"to the baseline {path}.", err=True)


# -- lsp -----------------------------------------------------------------------------
@main.command()
def lsp():
    """Run the language server on standard input and output (for editors: diagnostics, quick fixes, hover)."""
    from .lsp import serve  # pygls loads only for this command

    serve()


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
    """Browse the available rules, run their examples, document the rule kinds."""


def _resolved(config_path: str | None):
    try:
        config = load_config_file(config_path) if config_path else find_config(os.getcwd())
        from . import grammar

        grammar.start_run(config.extra, None, config.path)  # `rules test` checks the grammar pack's examples
        return config, resolve(config)
    except MtlintError as exc:
        raise Failure(str(exc)) from None


def rule_record(rule, level: str) -> dict:
    """A rule as tools read it (`rules list --format json`)."""
    return {
        "id": rule.id, "pack": rule.pack, "kind": rule.kind, "level": rule.level, "running": level,
        "fix": rule.fix, "scope": str(rule.scope), "aliases": list(rule.aliases),
        "deprecated": rule.deprecation or False, "message": rule.message,
        "description": rule.description, "link": rule.link, "path": rule.path,
    }


@rules.command("list")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules_list(config_path, output_format):
    """List every rule with its kind and the level it runs at ("off" when not running)."""
    _, resolved = _resolved(config_path)
    active = {a.rule.id: a.level for a in resolved.rules}
    packs = resolved.registry.packs
    if output_format == "json":
        records = [rule_record(r, active.get(r.id, "off")) for p in packs.values() for r in p.rules]
        import json

        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    for pack in packs.values():
        click.echo(f"{pack.name} — {pack.description.splitlines()[0] if pack.description else ''}")
        for rule in pack.rules:
            summary = (rule.description.splitlines() or [rule.message])[0]
            mark = " [deprecated]" if rule.deprecation else ""
            click.echo(f"  {rule.id:<32} {rule.kind:<13} {active.get(rule.id, 'off'):<10} {summary}{mark}")


@rules.command("show")
@click.argument("rule_id")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False))
def rules_show(rule_id, config_path):
    """Show one rule: kind, level, scope, fix, why it matters, its fields and examples."""
    _, resolved = _resolved(config_path)
    registry = resolved.registry
    found = registry.resolve(rule_id)
    rule = registry.rules.get(found) if found else None
    if rule is None:
        raise Failure(f"unknown rule '{rule_id}'{registry.suggestion(rule_id)} (see 'mtlint rules list')")
    click.echo(f"{rule.id}" + (f"   (also: {', '.join(rule.aliases)})" if rule.aliases else "") + "\n")
    if rule.deprecation:
        click.echo(f"DEPRECATED: {rule.deprecation}\n")
    click.echo(f"kind: {rule.kind}   level: {rule.level}   scope: {rule.scope}   fix: {rule.fix}   default: {'on' if rule.enabled else 'off'}")
    click.echo(f"file: {rule.path}\n")
    click.echo(f"message: {rule.message}\n")
    if rule.description:
        click.echo(rule.description + "\n")
    if rule.link:
        click.echo(f"link: {rule.link}\n")
    own = [f for f in type(rule).FIELDS]
    if own:
        click.echo(f"fields of kind '{rule.kind}':")
        for f in own:
            set_here = "   (set here)" if f.name in rule.spec else ""
            click.echo(f"  {f.name} ({f.type_label}; default {f.default_label}): {f.doc}{set_here}")
        click.echo("")
    for key, label in (("flag", "Flagged"), ("pass", "Not flagged")):
        if rule.examples.get(key):
            click.echo(f"{label}:")
            for example in rule.examples[key]:
                pinned = f"   -> fix {', '.join(example.fix)}" if example.fix else ""
                click.echo(f"  - {example.shown()!r}{pinned}")


@rules.command("test")
@click.argument("pack_names", nargs=-1)
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False))
def rules_test(pack_names, config_path):
    """Run every rule's own examples: each 'flag' must be flagged (at its [[marked]] span, with its fix), each 'pass' not."""
    from .examples import run_examples

    _, resolved = _resolved(config_path)
    packs = resolved.registry.packs
    unknown = [n for n in pack_names if n not in packs]
    if unknown:
        raise Failure(f"unknown pack '{unknown[0]}'{resolved.registry.suggestion(unknown[0])} (known: {', '.join(packs)})")
    chosen = [packs[n] for n in pack_names] if pack_names else list(packs.values())
    failures = checked = 0
    for pack in chosen:
        for rule in pack.rules:
            for problem in run_examples(rule, resolved.registry, resolved.rules):
                failures += 1
                click.echo(f"FAIL {problem}")
            checked += 1
    click.echo(f"{checked} rules checked, {failures} example{'s' if failures != 1 else ''} failed.")
    sys.exit(1 if failures else 0)


@rules.command("kinds")
def rules_kinds():
    """Print the table of rule kinds and their fields (Markdown), as the README has it."""
    from .kinds import kinds_table

    click.echo(kinds_table(), nl=False)

