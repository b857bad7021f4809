"""What every rule kind shares: common fields, validation, exceptions, regex safety.

A rule kind is a subclass of `Rule` that declares the YAML fields it adds
(`FIELDS`) and implements `hits(doc)`, yielding `Hit`s in plain-text coordinates
of a block. The engine turns hits into findings; kinds never compute positions.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Iterator

import regex

from ..document import ALL_SCOPES, Block, Document
from ..errors import PackError
from ..textutil import render
from ..yamlio import LineDict

LEVELS = ("error", "warning", "suggestion")
REGEX_TIMEOUT = 2.0  # seconds one regex may run on one block before it is cut off

COMMON_FIELDS = {
    "kind": "the rule kind",
    "level": "error, warning or suggestion",
    "message": "what the user is told; {match}, {suggestion} and named groups are filled in",
    "description": "why it matters (shown by `mtlint rules show`)",
    "link": "where to read more",
    "scope": "where it applies: " + ", ".join(ALL_SCOPES),
    "exceptions": "regexes; a hit inside one of their matches is not reported",
    "examples": "{flag: [...], pass: [...]} checked by `mtlint rules test`",
    "ignorecase": "match regardless of case",
    "enabled": "false to ship the rule switched off",
    "fixable": "whether the first suggestion is safe for --fix",
}


class RegexTimeout(Exception):
    """A rule's regex ran longer than REGEX_TIMEOUT on one block."""

    def __init__(self, rule_id: str, pattern: str) -> None:
        super().__init__(f"{rule_id}: regex {pattern[:60]!r} took over {REGEX_TIMEOUT:g}s and was stopped (catastrophic backtracking?)")


class _ShiftedMatch:
    """A match found in a window of a block, answering with positions in the whole block."""

    __slots__ = ("_m", "_shift")

    def __init__(self, m, shift: int) -> None:
        self._m, self._shift = m, shift

    def start(self, group=0) -> int:
        return self._m.start(group) + self._shift

    def end(self, group=0) -> int:
        return self._m.end(group) + self._shift

    def span(self, group=0) -> tuple[int, int]:
        return self.start(group), self.end(group)

    def __getattr__(self, name):  # group(), groups(), groupdict(), ...
        return getattr(self._m, name)


@dataclass
class Hit:
    """One match of a rule, in plain-text coordinates of `block`."""

    block: Block
    start: int
    end: int
    message: str
    suggestions: list[str] = field(default_factory=list)
    fixable: bool = False


class Rule:
    """Base of every rule kind. Subclasses set `kind`, `FIELDS`, and implement `hits`."""

    kind: ClassVar[str] = ""
    FIELDS: ClassVar[dict[str, str]] = {}
    DEFAULT_SCOPE: ClassVar[str] = "any"
    DEFAULT_MESSAGE: ClassVar[str] = "'{match}'"

    def __init__(self, rule_id: str, spec: LineDict, pack_dir: str) -> None:
        self.id = rule_id
        self.pack = rule_id.split(".", 1)[0]
        self.spec = spec
        self.pack_dir = pack_dir
        self.path = getattr(spec, "path", "")
        allowed = set(COMMON_FIELDS) | set(self.FIELDS)
        for key in spec:
            if key not in allowed:
                self.fail(f"unknown field '{key}' for kind '{self.kind}' (allowed: {', '.join(sorted(allowed))})", key)
        self.level = self.get("level", "warning")
        if self.level not in LEVELS:
            self.fail(f"level must be one of {', '.join(LEVELS)}, not '{self.level}'", "level")
        self.scope = self.get("scope", self.DEFAULT_SCOPE)
        if self.scope not in ALL_SCOPES:
            self.fail(f"scope must be one of {', '.join(ALL_SCOPES)}, not '{self.scope}'", "scope")
        self.message = str(self.get("message", self.DEFAULT_MESSAGE))
        self.description = str(self.get("description", "")).strip()
        self.link = str(self.get("link", ""))
        self.enabled = bool(self.get("enabled", True))
        self.fixable = bool(self.get("fixable", False))
        self.ignorecase = bool(self.get("ignorecase", False))
        self.examples = self.get("examples", {}) or {}
        if not isinstance(self.examples, dict) or set(self.examples) - {"flag", "pass"}:
            self.fail("examples must be a mapping with 'flag' and/or 'pass' lists", "examples")
        exceptions = self.get("exceptions", []) or []
        self.exceptions = self.compile("|".join(f"(?:{e})" for e in self.strings(exceptions, "exceptions"))) if exceptions else None

    # -- helpers for subclasses -------------------------------------------------
    def get(self, key: str, default: Any = None) -> Any:
        return self.spec.get(key, default)

    def fail(self, message: str, key: str | None = None):
        line = self.spec.line_of(key) if key is not None and isinstance(self.spec, LineDict) else getattr(self.spec, "line", None)
        raise PackError(f"rule {self.id}: {message}", self.path, line)

    def strings(self, value: Any, key: str) -> list[str]:
        if isinstance(value, str):
            return [value]
        if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
            self.fail(f"'{key}' must be a string or a list of strings", key)
        return [str(v) for v in value]

    def compile(self, pattern: str, key: str = "exceptions", flags: int = 0) -> regex.Pattern:
        if self.ignorecase:
            flags |= regex.IGNORECASE
        try:
            return regex.compile(pattern, flags | regex.VERSION0)
        except regex.error as exc:
            self.fail(f"invalid regex in '{key}': {exc}", key)

    def finditer(self, pattern: regex.Pattern, text: str, start: int = 0, end: int | None = None):
        """Matches of `pattern` in text[start:end], positions relative to `text`.

        A window inside the text (a sentence, a quotation) is searched as a string
        of its own, so `^` and `$` anchor at the window's edges. A timeout stops a
        catastrophic user regex instead of hanging the run.
        """
        end = len(text) if end is None else end
        try:
            if start == 0 and end == len(text):
                yield from pattern.finditer(text, timeout=REGEX_TIMEOUT)
            else:
                for m in pattern.finditer(text[start:end], timeout=REGEX_TIMEOUT):
                    yield _ShiftedMatch(m, start)
        except TimeoutError:
            raise RegexTimeout(self.id, pattern.pattern) from None

    def excepted(self, block: Block, start: int, end: int) -> bool:
        """Whether [start, end) lies inside a match of one of the rule's exceptions."""
        if self.exceptions is None:
            return False
        key = ("exceptions", self.id)
        spans = block.cache.get(key)
        if spans is None:
            spans = block.cache[key] = [m.span() for m in self.finditer(self.exceptions, block.text)]
        return any(s <= start and end <= e for s, e in spans)

    def hit(self, block: Block, start: int, end: int, values: dict[str, str] | None = None, suggestions=None) -> Hit:
        suggestions = [s for s in (suggestions or []) if s is not None]
        values = dict(values or {})
        values.setdefault("match", block.text[start:end])
        values.setdefault("suggestion", suggestions[0] if suggestions else "")
        return Hit(block, start, end, render(self.message, values), suggestions, self.fixable and bool(suggestions))

    # -- the contract -----------------------------------------------------------
    def hits(self, doc: Document) -> Iterator[Hit]:
        raise NotImplementedError
