"""The `mtlint` command line (Click): check, rules list|show|test."""
from __future__ import annotations

import os
import sys
from concurrent.futures import ProcessPoolExecutor

import click

from . import formats
from .config import Config, FAIL_ON, Selection, active_rules, available_packs, find_config, load_config_file
from .engine import Result, decode, lint_text, read_source
from .errors import InputError, MtlintError
from .finding import LEVEL_RANK
from .output import FORMATTERS, Context

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
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for name in sorted(names):
                    full = os.path.join(root, name)
                    if formats.format_for(name) and not config_for(full).excluded(full):
                        files.append(full)
        elif os.path.exists(path):
            files.append(path)
        else:
            problems.append(f"{path}: no such file or folder")
    return files, problems


class _Linter:
    """Lints one path under the right configuration; picklable for --jobs."""

    def __init__(self, config_path: str | None, selection: Selection, stdin_filename: str | None, keep_text: bool) -> None:
        self.config_path = config_path
        self.selection = selection
        self.stdin_filename = stdin_filename
        self.keep_text = keep_text

    def config_for(self, path: str) -> Config:
        if self.config_path:
            return load_config_file(self.config_path)
        if path == "-":
            base = os.getcwd()
        else:
            base = path if os.path.isdir(path) else os.path.dirname(os.path.abspath(path))
        return find_config(base)

    def __call__(self, path: str, data: bytes | None = None) -> tuple[Result, str]:
        display = path
        try:
            if path == "-":
                display = self.stdin_filename or "<stdin>"
                source = decode(display, data if data is not None else b"")
            else:
                source = read_source(path)
        except InputError as exc:
            result = Result(display)
            result.errors.append(str(exc))
            return result, ""
        rules = active_rules(self.config_for(path if path != "-" else display), self.selection)
        result = lint_text(display if path == "-" else path, source.text, rules, display)
        return result, source.text if self.keep_text else ""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="Use this config file instead of the nearest .mtlint.yaml.")
@click.option("--pack", "-p", "packs", multiple=True, help="Run only these packs (repeatable).")
@click.option("--enable", multiple=True, metavar="RULE|PACK", help="Turn on a rule or pack on top of the config.")
@click.option("--disable", multiple=True, metavar="RULE|PACK", help="Turn off a rule or pack.")
@click.option("--format", "output_format", type=click.Choice(sorted(FORMATTERS)), default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to FILE.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), help="Lowest level that makes the exit code 1 (default: warning).")
@click.option("--stdin-filename", help="Name (and so format) of the text read from '-'.")
@click.option("--jobs", "-j", type=click.IntRange(0), default=0, help="Worker processes (0: one per core).")
@click.option("--quiet", "-q", is_flag=True, help="Only the finding lines and the summary.")
@click.option("--no-color", is_flag=True, help="Never colour the text report.")
def check(paths, config_path, packs, enable, disable, output_format, output, fail_on, stdin_filename, jobs, quiet, no_color):
    """Lint articles: files, folders (recursively) or '-' for standard input."""
    if not paths:
        raise click.UsageError("give at least one file, folder or '-'")
    selection = Selection(tuple(packs), tuple(enable), tuple(disable))
    linter = _Linter(config_path, selection, stdin_filename, keep_text=output_format == "text")
    try:
        # Load the configuration and packs up front, so a broken pack fails before any file is read.
        base_config = linter.config_for(next((p for p in paths if p != "-"), "-"))
        active_rules(base_config, selection)
        files, problems = collect_files(paths, linter.config_for)
        stdin_data = sys.stdin.buffer.read() if "-" in files else None
        results = _run(linter, files, stdin_data, jobs)
    except MtlintError as exc:
        raise Failure(str(exc)) from None
    for problem in problems + [e for r, _ in results for e in r.errors]:
        click.echo(problem, err=True)
    context = Context(
        color=not no_color and output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ,
        quiet=quiet,
        texts={r.path: t for r, t in results},
        files=len(files),
    )
    report = FORMATTERS[output_format]([r for r, _ in results], context)
    if output:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(report)
    else:
        click.echo(report, nl=False)
    threshold = fail_on or base_config.fail_on
    failed = threshold != "never" and any(
        f.rank >= LEVEL_RANK[threshold] for r, _ in results for f in r.findings
    )
    if problems or any(r.errors for r, _ in results):
        sys.exit(2)
    sys.exit(1 if failed else 0)


def _run(linter: _Linter, files: list[str], stdin_data: bytes | None, jobs: int):
    jobs = jobs or os.cpu_count() or 1
    on_disk = [f for f in files if f != "-"]
    if jobs > 1 and len(on_disk) > 8:
        with ProcessPoolExecutor(max_workers=min(jobs, len(on_disk))) as pool:
            done = dict(zip(on_disk, pool.map(linter, on_disk, chunksize=max(1, len(on_disk) // (jobs * 8)))))
        return [done[f] if f != "-" else linter(f, stdin_data) for f in files]
    return [linter(f, stdin_data if f == "-" else None) for f in files]


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
    active = {a.rule.id: a.level for a in active_rules(config)}
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
