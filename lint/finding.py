"""A finding: what one rule reports at one place in one file."""
from __future__ import annotations

from dataclasses import dataclass, field

LEVELS = ("error", "warning", "suggestion")
LEVEL_RANK = {"suggestion": 1, "warning": 2, "error": 3}
# How sure a fix is, as ruff has it: `--fix` applies "safe" ones, `--unsafe-fixes` adds "unsafe" ones,
# "display-only" fixes are shown and never applied.
APPLICABILITIES = ("safe", "unsafe", "display-only")


@dataclass
class Fix:
    """Replace the original text [offset, offset+length) with `replacement`."""

    offset: int
    length: int
    replacement: str
    applicability: str = "safe"


@dataclass
class Finding:
    path: str
    rule: str
    level: str
    message: str
    line: int
    column: int
    end_line: int
    end_column: int  # exclusive: the column just after the match, as in SARIF
    offset: int  # code points from the start of the file (after a BOM)
    length: int
    match: str
    suggestions: list[str] = field(default_factory=list)
    fix: Fix | None = None
    source: str | None = None  # bilingual findings: the source segment the target span was checked against

    def as_dict(self) -> dict:
        data = {
            "path": self.path,
            "rule": self.rule,
            "level": self.level,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.offset,
            "length": self.length,
            "match": self.match,
            "suggestions": list(self.suggestions),
        }
        if self.source is not None:
            data["source"] = self.source
        if self.fix is not None:
            data["fix"] = {"offset": self.fix.offset, "length": self.fix.length, "replacement": self.fix.replacement,
                           "applicability": self.fix.applicability}
        return data

    @property
    def rank(self) -> int:
        return LEVEL_RANK[self.level]
