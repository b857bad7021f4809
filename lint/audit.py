"""`mtlint audit`: an archive of articles (JSONL or Parquet) in, one row per finding and a summary out.

The input is cut into partitions (byte ranges of a JSONL file, row groups of a
Parquet file) that are read, linted and written one at a time, so memory stays
flat however large the archive is. The same partition function runs in this
process (`--engine local`) or as a dask.bag task on a Dask cluster
(`--engine dask`); there each partition writes its own part file and sends back
only its summary, so the client never holds findings. Every article is linted
through `lint.runner.Runner.lint_string` under a pseudo-path `<id>.txt|.md|.html`
that chooses its format.
"""
from __future__ import annotations

import heapq
import json
import logging
import os
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Callable, Iterator

import click

from .config import Selection, find_config, resolve
from .errors import MtlintError
from .finding import LEVEL_RANK
from .runner import Options, Runner

FORMAT_EXTENSIONS = {"text": ".txt", "markdown": ".md", "html": ".html"}
FIELDS = ("id", "text", "format", "source", "source_language")  # other fields of a record are ignored
DEFAULT_PARTITION_BYTES = 64 * 1024 * 1024  # a JSONL partition: large enough that task overhead is small
DEFAULT_TOP = 20
MAX_ERRORS_KEPT = 20  # per-article error messages carried to the summary; the rest are only counted
FINDING_COLUMNS = ("id", "path", "rule", "level", "message", "line", "column", "end_line", "end_column",
                   "offset", "length", "match", "suggestions", "fix", "source")


class AuditError(MtlintError):
    """An archive that cannot be audited (missing, bad JSON, a row without text): one line, exit 2."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        # The whole line in one argument: raised on a Dask worker, it is pickled to the client intact.
        super().__init__(str(MtlintError(message, path, line)))


def _need(module: str):
    """Import an optional dependency of the audit extra, or say in one line how to get it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        top = module.split(".")[0]
        extra = "dask[distributed]" if top in ("dask", "distributed") else top
        raise AuditError(f"this needs {extra}, which is not installed: pip install 'mtlint[audit]'") from None


# -- input ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Article:
    id: str
    text: str
    format: str = "text"
    source: str | None = None  # the text the article translates: the Source pack checks it against that
    source_language: str | None = None

    @property
    def path(self) -> str:
        """The pseudo-path the article is linted as: its extension chooses the format."""
        return f"<{self.id}>{FORMAT_EXTENSIONS[self.format]}"


@dataclass(frozen=True)
class Partition:
    """One slice of the input, read where it is processed: bytes [start, end) of JSONL, or Parquet row groups."""

    index: int
    path: str
    kind: str  # "jsonl" or "parquet"
    start: int = 0
    end: int = 0
    row_groups: tuple[int, ...] = ()
    first_row: int = 0  # Parquet: the 0-based number of the first row, for messages

    @property
    def size(self) -> int:
        """How much progress finishing it is: bytes (JSONL) or rows (Parquet)."""
        return self.end - self.start


def input_kind(path: str) -> str:
    lower = path.lower()
    if lower.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if lower.endswith((".parquet", ".pq")):
        return "parquet"
    raise AuditError("unknown archive type: name a .jsonl or .parquet file", path)


def plan(path: str, partition_bytes: int = DEFAULT_PARTITION_BYTES) -> list[Partition]:
    """Cut the archive into partitions without reading it (JSONL: a seek per cut; Parquet: its footer)."""
    kind = input_kind(path)
    if not os.path.isfile(path):
        raise AuditError("no such file" if not os.path.exists(path) else "not a regular file", path)
    if kind == "parquet":
        pq = _need("pyarrow.parquet")
        try:
            meta = pq.ParquetFile(path).metadata
        except Exception as exc:  # pyarrow raises ArrowInvalid and others for a file that is not Parquet
            raise AuditError(f"not a readable Parquet file: {exc}", path) from None
        parts, row = [], 0
        for group in range(meta.num_row_groups):
            rows = meta.row_group(group).num_rows
            parts.append(Partition(len(parts), path, kind, row, row + rows, (group,), row))
            row += rows
        return parts
    size = os.path.getsize(path)
    cuts = [0]
    with open(path, "rb") as handle:
        while cuts[-1] < size:
            handle.seek(min(size, cuts[-1] + max(1, partition_bytes)))
            handle.readline()  # a partition ends at the end of a line
            cuts.append(min(size, handle.tell()))
    return [Partition(i, path, kind, a, b) for i, (a, b) in enumerate(zip(cuts, cuts[1:]))]


def _article(record, where: Callable[[], str]) -> Article:
    if not isinstance(record, dict):
        raise AuditError(f"{where()}: a record must be a JSON object with 'id' and 'text'")
    ident, text = record.get("id"), record.get("text")
    if ident is None or isinstance(ident, (dict, list, bool)):
        raise AuditError(f"{where()}: the record has no 'id' (a string or a number)")
    if not isinstance(text, str):
        what = "no 'text'" if text is None else f"a 'text' that is not a string ({type(text).__name__})"
        raise AuditError(f"{where()}: article {ident!r} has {what}")
    fmt = record.get("format") or "text"
    if fmt not in FORMAT_EXTENSIONS:
        raise AuditError(f"{where()}: article {ident!r}: format must be one of {', '.join(FORMAT_EXTENSIONS)}, not {fmt!r}")
    for name in ("source", "source_language"):
        if record.get(name) is not None and not isinstance(record[name], str):
            raise AuditError(f"{where()}: article {ident!r}: '{name}' must be a string")
    return Article(str(ident), text, fmt, record.get("source"), record.get("source_language"))


def read_partition(part: Partition, advance: Callable[[int], None] = lambda n: None) -> Iterator[Article]:
    """The articles of one partition, in order, one at a time; `advance` hears the progress made."""
    if part.kind == "parquet":
        yield from _read_parquet(part, advance)
        return
    with open(part.path, "rb") as handle:
        handle.seek(part.start)
        position, local = part.start, 0
        while position < part.end:
            raw = handle.readline()
            if not raw:  # the file got shorter than planned: nothing more to read
                break
            position += len(raw)
            local += 1
            advance(len(raw))
            if not raw.strip():
                continue
            where = lambda: f"{part.path}:{_line_number(part, local)}"  # noqa: E731 - only built on an error
            try:
                record = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "not valid UTF-8"
                raise AuditError(f"{where()}: not a JSON line ({reason})") from None
            yield _article(record, where)


def _line_number(part: Partition, local: int) -> int:
    """The file's 1-based line number of the `local`-th line of `part` (counted only when a message needs it)."""
    before, left = 0, part.start
    with open(part.path, "rb") as handle:
        while left > 0:
            chunk = handle.read(min(left, 1 << 20))
            if not chunk:
                break
            before += chunk.count(b"\n")
            left -= len(chunk)
    return before + local


def _read_parquet(part: Partition, advance: Callable[[int], None]) -> Iterator[Article]:
    pq = _need("pyarrow.parquet")
    handle = pq.ParquetFile(part.path)
    names = set(handle.schema_arrow.names)
    for required in ("id", "text"):
        if required not in names:
            raise AuditError(f"the archive has no '{required}' column (it has: {', '.join(sorted(names))})", part.path)
    columns = [c for c in FIELDS if c in names]
    row = part.first_row
    for batch in handle.iter_batches(batch_size=1024, row_groups=list(part.row_groups), columns=columns):
        for record in batch.to_pylist():
            row += 1
            yield _article(record, lambda: f"{part.path}: row {row}")
        advance(batch.num_rows)


# -- output ------------------------------------------------------------------------------
def finding_row(article_id: str, finding) -> dict:
    """One output row: the article id and every Finding field (fix and source are null when there is none)."""
    row = {"id": article_id, **finding.as_dict()}
    row.setdefault("fix", None)
    row.setdefault("source", None)
    return {column: row[column] for column in FINDING_COLUMNS}


def output_format_of(path: str) -> str:
    return "parquet" if path.lower().endswith((".parquet", ".pq")) else "jsonl"


class JsonlWriter:
    def __init__(self, path: str) -> None:
        self.handle = open(path, "w", encoding="utf-8")

    def write(self, rows: list[dict]) -> None:
        self.handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)

    def close(self) -> None:
        self.handle.close()


class ParquetWriter:
    """Findings as Parquet, written a batch at a time (never the whole table in memory)."""

    BATCH = 10_000

    def __init__(self, path: str) -> None:
        pa = _need("pyarrow")
        pq = _need("pyarrow.parquet")
        self.pa = pa
        fix = pa.struct([("offset", pa.int64()), ("length", pa.int64()), ("replacement", pa.string()),
                         ("applicability", pa.string())])
        ints = ("line", "column", "end_line", "end_column", "offset", "length")
        self.schema = pa.schema([(c, pa.int64() if c in ints else pa.list_(pa.string()) if c == "suggestions"
                                  else fix if c == "fix" else pa.string()) for c in FINDING_COLUMNS])
        self.writer = pq.ParquetWriter(path, self.schema)
        self.rows: list[dict] = []

    def write(self, rows: list[dict]) -> None:
        self.rows.extend(rows)
        if len(self.rows) >= self.BATCH:
            self._flush()

    def _flush(self) -> None:
        if self.rows:
            self.writer.write_table(self.pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self._flush()
        self.writer.close()


def open_writer(path: str, fmt: str):
    try:
        return ParquetWriter(path) if fmt == "parquet" else JsonlWriter(path)
    except OSError as exc:
        raise AuditError(f"cannot write the findings: {exc.strerror or exc}", path) from None


def read_findings(path: str) -> list[dict]:
    """Every finding row of an audit's output (a file, or a folder of part files in order), for tests and tools."""
    files = sorted(os.path.join(path, n) for n in os.listdir(path) if n.startswith("part-")) \
        if os.path.isdir(path) else [path]
    rows: list[dict] = []
    for name in files:
        if name.endswith(".parquet"):
            rows.extend(_need("pyarrow.parquet").read_table(name).to_pylist())
        else:
            with open(name, encoding="utf-8") as handle:
                rows.extend(json.loads(line) for line in handle if line.strip())
    return rows


# -- summary ------------------------------------------------------------------------------
@dataclass
class Summary:
    """What an audit found, small enough to send from every partition to the client and add up."""

    top: int = DEFAULT_TOP
    articles: int = 0
    words: int = 0
    findings: int = 0
    flagged: int = 0  # articles with at least one finding
    levels: Counter = field(default_factory=Counter)
    rules: Counter = field(default_factory=Counter)  # rule -> findings
    rule_articles: Counter = field(default_factory=Counter)  # rule -> articles it fires in
    worst: list = field(default_factory=list)  # the `top` worst: (findings, errors, -partition, -row, id, words)
    failed: int = 0  # articles that could not be linted (an internal error, a regex timeout)
    errors: list = field(default_factory=list)  # their first messages

    def add(self, article: Article, findings: list, errors: list[str], partition: int, row: int) -> None:
        words = len(article.text.split())
        self.articles += 1
        self.words += words
        self.findings += len(findings)
        if findings:
            self.flagged += 1
            levels = Counter(f.level for f in findings)
            self.levels.update(levels)
            rules = Counter(f.rule for f in findings)
            self.rules.update(rules)
            self.rule_articles.update(rules.keys())
            entry = (len(findings), levels.get("error", 0), -partition, -row, article.id, words)
            if len(self.worst) < self.top:
                heapq.heappush(self.worst, entry)
            else:
                heapq.heappushpop(self.worst, entry)
        if errors:
            self.failed += 1
            self.errors.extend(errors[: max(0, MAX_ERRORS_KEPT - len(self.errors))])

    def merge(self, other: "Summary") -> None:
        self.articles += other.articles
        self.words += other.words
        self.findings += other.findings
        self.flagged += other.flagged
        self.levels.update(other.levels)
        self.rules.update(other.rules)
        self.rule_articles.update(other.rule_articles)
        self.worst = heapq.nlargest(self.top, self.worst + other.worst)
        heapq.heapify(self.worst)
        self.failed += other.failed
        self.errors.extend(other.errors[: max(0, MAX_ERRORS_KEPT - len(self.errors))])

    def as_dict(self) -> dict:
        per_1000 = lambda n: round(1000 * n / self.words, 3) if self.words else 0.0  # noqa: E731
        return {
            "articles": self.articles, "words": self.words, "findings": self.findings,
            "articles_with_findings": self.flagged, "findings_per_1000_words": per_1000(self.findings),
            "levels": {level: self.levels.get(level, 0) for level in sorted(LEVEL_RANK, key=LEVEL_RANK.get, reverse=True)},
            "rules": [{"rule": r, "findings": n, "articles": self.rule_articles[r], "per_1000_words": per_1000(n)}
                      for r, n in sorted(self.rules.items(), key=lambda kv: (-kv[1], kv[0]))],
            "worst_articles": [{"id": e[4], "findings": e[0], "errors": e[1], "words": e[5],
                                "per_1000_words": round(1000 * e[0] / e[5], 3) if e[5] else 0.0}
                               for e in sorted(self.worst, reverse=True)],
            "articles_not_linted": self.failed, "errors": self.errors,
        }

    def text(self) -> str:
        data = self.as_dict()
        levels = ", ".join(f"{n:,} {level}" for level, n in data["levels"].items())
        lines = [f"Audited {self.articles:,} articles ({self.words:,} words): {self.findings:,} findings ({levels}) "
                 f"in {self.flagged:,} articles, {data['findings_per_1000_words']} per 1000 words."]
        if data["rules"]:
            width = max(len(r["rule"]) for r in data["rules"])
            lines += ["", f"{'rule':<{width}}  {'findings':>9}  {'articles':>9}  {'per 1000 words':>14}"]
            lines += [f"{r['rule']:<{width}}  {r['findings']:>9,}  {r['articles']:>9,}  {r['per_1000_words']:>14}"
                      for r in data["rules"]]
        if data["worst_articles"]:
            width = max(len(a["id"]) for a in data["worst_articles"])
            lines += ["", f"Worst {len(data['worst_articles'])} articles (most findings first):",
                      f"{'id':<{width}}  {'findings':>9}  {'at error':>8}  {'words':>7}  {'per 1000 words':>14}"]
            lines += [f"{a['id']:<{width}}  {a['findings']:>9,}  {a['errors']:>8,}  {a['words']:>7,}  {a['per_1000_words']:>14}"
                      for a in data["worst_articles"]]
        if self.failed:
            lines += ["", f"{self.failed:,} articles could not be linted completely:"] + [f"  {e}" for e in self.errors]
        return "\n".join(lines) + "\n"


# -- the work -------------------------------------------------------------------------------
def lint_article(runner: Runner, article: Article) -> tuple[list, list[str]]:
    """The findings of one article and its problems; a bug in one article is reported, the audit goes on."""
    try:
        result = runner.lint_string(article.path, article.text, article.source, article.source_language)
    except MtlintError:
        raise  # a broken configuration or pack stops the audit
    except Exception as exc:  # a bug in one article is that article's line; the audit goes on
        return [], [runner.crash_line(article.path, exc)]
    return result.findings, list(result.errors)


def audit_partition(part: Partition, runner: Runner, write: Callable[[list[dict]], None], top: int = DEFAULT_TOP,
                    advance: Callable[[int], None] = lambda n: None) -> Summary:
    """Read, lint and write one partition, one article at a time; return its summary."""
    summary = Summary(top)
    for row, article in enumerate(read_partition(part, advance)):
        findings, errors = lint_article(runner, article)
        write([finding_row(article.id, f) for f in findings])
        summary.add(article, findings, errors, part.index, row)
    return summary


def part_path(folder: str, index: int, fmt: str) -> str:
    return os.path.join(folder, f"part-{index:05}.{fmt}")


def _dask_partition(part: Partition, runner: Runner, folder: str, fmt: str, top: int) -> Summary:
    """A Dask task: one partition in, its part file written next to the others, only its summary back."""
    writer = open_writer(part_path(folder, part.index, fmt), fmt)
    try:
        return audit_partition(part, runner, writer.write, top)
    finally:
        writer.close()


def _progress(total: int, unit: str, enabled: bool):
    """A tqdm bar on a terminal; nothing otherwise (a log or a pipe gets no control characters)."""
    if not enabled:
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    scale = unit == "B"
    return tqdm(total=total, unit=unit, unit_scale=scale, unit_divisor=1024 if scale else 1000,
                desc="auditing", file=sys.stderr, dynamic_ncols=True)


def run_local(parts: list[Partition], runner: Runner, output: str, fmt: str, top: int = DEFAULT_TOP,
              progress: bool = False) -> Summary:
    """Every partition in this process, in order, into one output file."""
    summary = Summary(top)
    bar = _progress(sum(p.size for p in parts), "B" if parts and parts[0].kind == "jsonl" else "article", progress)
    writer = open_writer(output, fmt)
    try:
        for part in parts:
            summary.merge(audit_partition(part, runner, writer.write, top, bar.update if bar else (lambda n: None)))
    finally:
        writer.close()
        if bar:
            bar.close()
    return summary


def run_dask(parts: list[Partition], runner: Runner, folder: str, fmt: str, scheduler: str | None,
             top: int = DEFAULT_TOP, progress: bool = False, client=None) -> Summary:
    """Every partition as a dask.bag task on the cluster at `scheduler`; each writes `folder/part-NNNNN.<fmt>`.

    The input and `folder` must be at the same path on every worker (a shared file system).
    """
    bag_module = _need("dask.bag")
    distributed = _need("distributed")
    try:
        os.makedirs(folder, exist_ok=True)
        for name in os.listdir(folder):  # parts of an earlier audit would be read back as this one's
            if name.startswith("part-"):
                os.remove(os.path.join(folder, name))
    except OSError as exc:
        raise AuditError(f"cannot use the output folder: {exc.strerror or exc}", folder) from None
    summary = Summary(top)
    if not parts:
        return summary
    parts = [replace(p, path=os.path.abspath(p.path)) for p in parts]  # workers start in folders of their own
    own = client is None
    if own:
        try:
            client = distributed.Client(scheduler, timeout="15s") if scheduler else distributed.Client(processes=True, silence_logs=logging.ERROR)
        except (OSError, TimeoutError) as exc:
            raise AuditError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
    bar = _progress(len(parts), "partition", progress)
    try:
        bag = bag_module.from_sequence(parts, partition_size=1)
        tasks = bag.map(_dask_partition, runner=runner, folder=os.path.abspath(folder), fmt=fmt, top=top).to_delayed()
        futures = client.compute(tasks)
        for future in distributed.as_completed(futures):
            for part_summary in future.result():  # a partition's task returns [its Summary]
                summary.merge(part_summary)
            if bar:
                bar.update(1)
    finally:
        if bar:
            bar.close()
        if own:
            client.close()
    return summary


# -- the command ------------------------------------------------------------------------------
@click.command("audit")
@click.argument("archive", type=click.Path(dir_okay=False))
@click.option("--output", "-o", required=True, type=click.Path(), metavar="PATH",
              help="Findings, one row each: a .jsonl or .parquet file; with --engine dask a folder of part files.")
@click.option("--output-format", type=click.Choice(["jsonl", "parquet"]), help="Findings format (default: from PATH, else jsonl).")
@click.option("--summary", "summary_path", type=click.Path(dir_okay=False), metavar="FILE",
              help="Also write the summary as JSON to FILE (every rule, the worst articles).")
@click.option("--top", type=click.IntRange(0), default=DEFAULT_TOP, show_default=True, help="Worst articles listed in the summary.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this process; dask: a Dask cluster (dask.bag, one task per partition).")
@click.option("--scheduler", metavar="ADDRESS", help="With --engine dask: the scheduler, e.g. tcp://host:8786 (default: a local cluster).")
@click.option("--partition-bytes", type=click.IntRange(1), default=DEFAULT_PARTITION_BYTES, show_default=True,
              help="Bytes of JSONL per partition (Parquet partitions are its row groups).")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="Use this config file (default: the nearest to the current folder).")
@click.option("--pack", "-p", "packs", multiple=True, metavar="PACK[,PACK]", help="Run only these packs.")
@click.option("--enable", "--select", "enable", multiple=True, metavar="RULE|PACK", help="Turn on rules or packs.")
@click.option("--disable", "--ignore", "disable", multiple=True, metavar="RULE|PACK", help="Turn off rules or packs.")
@click.option("--no-progress", is_flag=True, help="No progress bar (there is none anyway when stderr is not a terminal).")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error.")
def command(archive, output, output_format, summary_path, top, engine, scheduler, partition_bytes, config_path,
            packs, enable, disable, no_progress, debug):
    """Audit an archive: ARCHIVE is JSONL or Parquet with id, text and optionally format (text, markdown, html),
    source and source_language; findings go to --output, the summary to standard output.

    Exit codes: 0 the archive was audited (whatever it found); 2 a usage, input or configuration error.
    """
    from .cli import Failure

    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    for given in (output, summary_path):
        if given and os.path.exists(given) and os.path.exists(archive) and os.path.samefile(given, archive):
            raise Failure(f"{given}: names the archive itself; the audit would overwrite it")
    fmt = output_format or output_format_of(output)
    selection = Selection.from_options(packs, enable, disable)
    try:
        # Workers may not share this process's current folder: they get the configuration by its path.
        config = find_config(os.getcwd()) if not config_path else None
        config_path = os.path.abspath(config_path) if config_path else config.path
        runner = Runner(Options(config_path=config_path, selection=selection, debug=debug))
        resolve(runner.config_for("<audit>"), selection)  # a broken pack fails before the archive is read
        parts = plan(archive, partition_bytes)
        show = not no_progress and sys.stderr.isatty()
        if engine == "dask":
            summary = run_dask(parts, runner, output, fmt, scheduler, top, show)
        else:
            summary = run_local(parts, runner, output, fmt, top, show)
        if summary_path:
            with open(summary_path, "w", encoding="utf-8") as handle:
                json.dump(summary.as_dict(), handle, ensure_ascii=False, indent=2)
    except MtlintError as exc:
        raise Failure(str(exc)) from None
    except OSError as exc:
        raise Failure(f"{exc.filename or summary_path}: {exc.strerror or exc}") from None
    click.echo(summary.text(), nl=False)
    if summary.failed:  # a CI job auditing an archive must not pass over articles nobody checked
        sys.exit(2)
