"""GitHub Actions workflow commands: one annotation per finding, on the file and span.

`::warning file=F,line=L,col=C,endLine=L,endColumn=C2,title=Rule::message`. Columns
are only given for a finding on one line (GitHub ignores them otherwise);
`endColumn` is exclusive, as in SARIF. Levels map to error, warning and notice.
"""
from __future__ import annotations

from .paths import repo_path

COMMANDS = {"error": "error", "warning": "warning", "suggestion": "notice"}


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def render(results, context) -> str:
    out = []
    for result in results:
        for f in result.findings:
            props = [f"file={_property(repo_path(f.path))}", f"line={f.line}"]
            if f.end_line == f.line:
                props.append(f"col={f.column}")
            props.append(f"endLine={f.end_line}")
            if f.end_line == f.line:
                props.append(f"endColumn={f.end_column}")
            props.append(f"title={_property(f.rule)}")
            out.append(f"::{COMMANDS[f.level]} {','.join(props)}::{_data(f.message)}\n")
        for error in result.errors:
            out.append(f"::error title=mtlint::{_data(error)}\n")
    return "".join(out)
