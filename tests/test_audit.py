"""`mtlint audit`: archives in, finding rows and a summary out, in this process and on a real Dask cluster."""
from __future__ import annotations

import json

import pytest

from conftest import EXAMPLES, run_cli
from lint.audit import Article, plan, read_findings, run_dask, run_local
from lint.runner import Options, Runner

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

SEED = (EXAMPLES / "seed-article.txt").read_text(encoding="utf-8")
REPAIRED = (EXAMPLES / "seed-article.repaired.txt").read_text(encoding="utf-8")


def _articles(n: int = 24) -> list[dict]:
    """Seed and repaired twins in the three formats, some with a source, in a fixed order."""
    rows = []
    for i in range(n):
        text = SEED if i % 2 == 0 else REPAIRED
        fmt = ("text", "markdown", "html")[i % 3]
        if fmt == "html":
            text = "<html><body>" + "".join(f"<p>{p}</p>" for p in text.split("\n\n")) + "</body></html>"
        row = {"id": f"a{i:03}", "text": text, "format": fmt, "title": "ignored"}
        if i % 4 == 0:
            row.update(source="Quelltext.", source_language="de")
        rows.append(row)
    rows.append({"id": 9999, "text": "Kiev said so.\n"})  # a number as id; no format: text
    return rows


def _jsonl(path, rows) -> str:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return str(path)


@pytest.fixture
def archive(tmp_path):
    return _jsonl(tmp_path / "archive.jsonl", _articles())


def test_local_audit_rows_are_the_runner_findings(tmp_path, archive):
    runner = Runner(Options())
    out = tmp_path / "findings.jsonl"
    summary = run_local(plan(archive, 5000), runner, str(out), "jsonl")
    rows = read_findings(str(out))
    expected = []
    for record in _articles():
        article = Article(str(record["id"]), record["text"], record.get("format", "text"))
        expected += [{"id": article.id, **f.as_dict(), "fix": f.as_dict().get("fix"), "source": f.source}
                     for f in runner.lint_string(article.path, article.text, record.get("source"),
                                                 record.get("source_language")).findings]
    assert rows == expected
    last = [r for r in rows if r["id"] == "9999"]
    assert [(r["path"], r["rule"], r["line"], r["column"], r["match"]) for r in last] == \
        [("<9999>.txt", "Terminology.UkrainePlaces", 1, 1, "Kiev")]
    kiev = next(r for r in rows if r["id"] == "a002" and r["match"] == "Kiev")  # no source: the house-style warning
    html = _articles()[2]["text"]  # one line: the column is the offset of "Kiev's" plus one
    assert (kiev["path"], kiev["rule"], kiev["level"], kiev["line"], kiev["column"]) == (
        "<a002>.html", "Terminology.UkrainePlaces", "warning", 1, html.index("Kiev's") + 1)
    assert kiev["fix"]["replacement"] == "Kyiv"
    # a record with its source is checked against it: its source does not say Kiev, so that is an error
    sourced = next(r for r in rows if r["id"] == "a000" and r["match"] == "Kiev")
    assert (sourced["rule"], sourced["level"], sourced["line"], sourced["column"]) == ("Source.Terminology", "error", 13, 80)
    assert summary.articles == 25 and summary.findings == len(rows)
    data = summary.as_dict()
    assert sum(r["findings"] for r in data["rules"]) == len(rows)
    worst = data["worst_articles"]
    assert [w["findings"] for w in worst] == sorted((w["findings"] for w in worst), reverse=True)
    per_article = {}
    for r in rows:
        per_article[r["id"]] = per_article.get(r["id"], 0) + 1
    assert worst[0]["findings"] == max(per_article.values())
    assert data["articles_with_findings"] == len(per_article)


def test_parquet_in_and_out_equals_jsonl(tmp_path, archive):
    table = pa.Table.from_pylist([{**r, "id": str(r["id"])} for r in _articles()])
    pq.write_table(table, tmp_path / "archive.parquet", row_group_size=7)
    assert len(plan(str(tmp_path / "archive.parquet"))) == 4  # 25 rows in row groups of 7
    code = run_cli("audit", str(tmp_path / "archive.parquet"), "-o", str(tmp_path / "f.parquet"))
    assert code.exit_code == 0, code.stderr
    run_cli("audit", archive, "-o", str(tmp_path / "f.jsonl"))
    assert read_findings(str(tmp_path / "f.parquet")) == read_findings(str(tmp_path / "f.jsonl"))
    assert code.stdout.startswith("Audited 25 articles")
    assert code.stderr == ""  # not a terminal: no progress bar


def test_dask_cluster_gives_the_single_process_findings(tmp_path, archive):
    distributed = pytest.importorskip("distributed")
    runner = Runner(Options())
    local = run_local(plan(archive), runner, str(tmp_path / "one.jsonl"), "jsonl")
    parts = plan(archive, 3000)  # several partitions, so both workers take some
    assert len(parts) > 4
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        on_dask = run_dask(parts, runner, str(tmp_path / "parts"), "parquet", None, client=client)
        assert len(client.scheduler_info()["workers"]) == 2
        # The command line, connecting to the same cluster by its address as it would to a remote one.
        cli = run_cli("audit", archive, "-o", str(tmp_path / "cli"), "--engine", "dask", "--scheduler",
                      cluster.scheduler_address, "--partition-bytes", "3000", "--summary", str(tmp_path / "s.json"))
    assert cli.exit_code == 0, cli.stderr
    assert read_findings(str(tmp_path / "cli")) == read_findings(str(tmp_path / "one.jsonl"))
    assert json.loads((tmp_path / "s.json").read_text(encoding="utf-8")) == local.as_dict()
    assert sorted(p.name for p in (tmp_path / "parts").iterdir()) == [f"part-{i:05}.parquet" for i in range(len(parts))]
    assert read_findings(str(tmp_path / "parts")) == read_findings(str(tmp_path / "one.jsonl"))
    assert on_dask.as_dict() == local.as_dict()


@pytest.mark.parametrize("content, expected", [
    (None, "missing.jsonl: no such file"),
    ('{"id": 1, "text": "ok"}\n\n{"id": 2, "text": \n', "archive.jsonl:3: not a JSON line (Expecting value)"),
    ('{"id": 1, "text": "ok"}\n{"id": 2}\n', "archive.jsonl:2: article 2 has no 'text'"),
    ('{"id": 1, "text": 5}\n', "archive.jsonl:1: article 1 has a 'text' that is not a string (int)"),
    ('{"text": "no id"}\n', "archive.jsonl:1: the record has no 'id' (a string or a number)"),
    ('{"id": 1, "text": "x", "format": "pdf"}\n', "archive.jsonl:1: article 1: format must be one of text, markdown, html, not 'pdf'"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, content, expected):
    path = tmp_path / ("missing.jsonl" if content is None else "archive.jsonl")
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = run_cli("audit", str(path), "-o", str(tmp_path / "out.jsonl"), "--partition-bytes", "10")
    assert result.exit_code == 2
    assert result.stderr == f"mtlint: error: {tmp_path}/{expected}\n"
    assert "Traceback" not in result.stdout + result.stderr


def test_parquet_without_text_column(tmp_path):
    pq.write_table(pa.Table.from_pylist([{"id": "x", "body": "Kiev"}]), tmp_path / "a.parquet")
    result = run_cli("audit", str(tmp_path / "a.parquet"), "-o", str(tmp_path / "o.jsonl"))
    assert result.exit_code == 2
    assert result.stderr == f"mtlint: error: {tmp_path}/a.parquet: the archive has no 'text' column (it has: body, id)\n"
