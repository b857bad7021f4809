"""Human-readable text: `path:line:col: level Rule message`, a context line, a caret underline."""
from __future__ import annotations

import unicodedata

import click

_STYLES = {"error": {"fg": "red", "bold": True}, "warning": {"fg": "yellow", "bold": True}, "suggestion": {"fg": "cyan"}}
_CONTEXT_WIDTH = 100


def _width(text: str) -> int:
    """Terminal columns taken by `text` (wide CJK counts 2, combining marks 0)."""
    w = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


def _context(line_text: str, start_col: int, end_col: int) -> tuple[str, str]:
    """The source line (trimmed around the match if long) and its caret underline."""
    line_text = line_text.replace("\t", " ").replace("\r", " ")  # a lone CR would send the terminal back to column 1
    start, end = start_col - 1, max(end_col - 1, start_col)
    left = 0
    if len(line_text) > _CONTEXT_WIDTH:
        left = max(0, min(start - 20, len(line_text) - _CONTEXT_WIDTH))
    right = min(len(line_text), max(left + _CONTEXT_WIDTH, end))
    shown = ("…" if left else "") + line_text[left:right] + ("…" if right < len(line_text) else "")
    pad = _width(("…" if left else "") + line_text[left:start])
    carets = "^" * max(1, _width(line_text[start:min(end, right)]))
    return shown, " " * pad + carets


def render(results, context) -> str:
    out = []
    style = (lambda s, **kw: click.style(s, **kw)) if context.color else (lambda s, **kw: s)
    counts = {"error": 0, "warning": 0, "suggestion": 0}
    fixable = more = 0  # fixable with this run's options, and with --unsafe-fixes on top
    files_with = 0
    for result in results:
        if result.findings:
            files_with += 1
        text = context.texts.get(result.path, "")
        lines = text.split("\n") if text else []
        for f in result.findings:
            counts[f.level] += 1
            applies = f.fix is not None and f.fix.applicability in context.applicable
            fixable += applies
            more += f.fix is not None and not applies and f.fix.applicability == "unsafe"
            mark = style("[*] ", bold=True) if applies else ""
            head = f"{style(f'{f.path}:{f.line}:{f.column}', bold=True)}: {style(f.level, **_STYLES[f.level])} {style(f.rule, dim=True)} {mark}{f.message}"
            out.append(head)
            if context.quiet or f.line > len(lines):
                continue
            end_col = f.end_column if f.end_line == f.line else len(lines[f.line - 1].rstrip("\r")) + 1
            shown, carets = _context(lines[f.line - 1].rstrip("\r"), f.column, end_col)
            gutter = f"{f.line:>5} | "
            out.append(style(gutter, dim=True) + shown)
            out.append(style(" " * (len(gutter) - 2) + "| ", dim=True) + style(carets, **_STYLES[f.level]))
            if f.suggestions:
                label = "fix" if applies else f"{f.fix.applicability} fix" if f.fix else "suggestion"
                out.append(style(" " * (len(gutter) - 2) + f"= {label}: ", dim=True) + " / ".join(repr(s) if s else "remove it" for s in f.suggestions[:3]))
    total = sum(counts.values())
    files = f"{context.files} file{'s' if context.files != 1 else ''}"
    unread = f"; {context.failed} input{'s' if context.failed != 1 else ''} could not be linted (see the errors above)" if context.failed else ""
    if total:
        parts = [f"{n} {lvl}{'s' if n != 1 else ''}" for lvl, n in counts.items() if n]
        summary = f"Found {total} problem{'s' if total != 1 else ''} ({', '.join(parts)}) in {files_with} of {files}"
        if fixable:
            summary += f"; [*] {fixable} fixable with --fix"
        if more:
            summary += f"; {more} more with --unsafe-fixes"
        out.append(("\n" if not context.quiet else "") + style(summary + unread + ".", bold=True))
    elif context.failed:
        out.append(style(f"No findings in the {files} linted{unread}.", fg="red", bold=True))
    elif not context.quiet:
        out.append(style(f"No problems found in {files}.", fg="green"))
    return "\n".join(out) + "\n" if out else ""
