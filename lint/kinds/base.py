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
REGEX_TIMEOUT_CHARS = 1_000_000  # ... per this many characters: a block of megabytes takes seconds to scan at all

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

    def __init__(self, rule_id: str, pattern: str, seconds: float = REGEX_TIMEOUT) -> None:
        super().__init__(f"{rule_id}: regex {pattern[:60]!r} took over {seconds:g}s and was stopped (catastrophic backtracking?)")


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
    # A kind that relays another checker's rules (grammar: LanguageTool's) names the finding's rule
    # and level per hit; None: the rule's own id and effective level.
    rule: str | None = None
    level: str | None = None


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
        self.message = self.text("message", self.DEFAULT_MESSAGE)
        self.description = self.text("description", "").strip()
        self.link = self.text("link", "")
        self.enabled = self.flag("enabled", True)
        self.fixable = self.flag("fixable", False)
        self.ignorecase = self.flag("ignorecase", False)
        examples = self.get("examples", {}) or {}
        if not isinstance(examples, dict) or set(examples) - {"flag", "pass"}:
            self.fail("examples must be a mapping with 'flag' and/or 'pass' lists", "examples")
        # A string would be read a character at a time; a nested list would never be an article.
        self.examples = {key: self.strings(value or [], "examples") for key, value in examples.items()}
        exceptions = self.get("exceptions", []) or []
        self.exceptions = self.compile("|".join(f"(?:{e})" for e in self.strings(exceptions, "exceptions"))) if exceptions else None

    # -- helpers for subclasses -------------------------------------------------
    def get(self, key: str, default: Any = None) -> Any:
        return self.spec.get(key, default)

    def fail(self, message: str, key: str | None = None):
        line = self.spec.line_of(key) if key is not None and isinstance(self.spec, LineDict) else getattr(self.spec, "line", None)
        raise PackError(f"rule {self.id}: {message}", self.path, line)

    def flag(self, key: str, default: bool) -> bool:
        """A true/false field; a string such as "false" would otherwise count as true."""
        value = self.get(key, default)
        if not isinstance(value, bool):
            self.fail(f"'{key}' must be true or false, not {value!r}", key)
        return value

    def text(self, key: str, default: str) -> str:
        value = self.get(key, default)
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            self.fail(f"'{key}' must be text, not {value!r}", key)
        return str(value)

    def strings(self, value: Any, key: str) -> list[str]:
        if isinstance(value, str):
            return [value]
        if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
            self.fail(f"'{key}' must be a string or a list of strings", key)
        booleans = [v for v in value if isinstance(v, bool)]
        if booleans:  # YAML reads a bare no/yes/on/off as a boolean: the word would be lost
            self.fail(f"'{key}' holds {str(booleans[0]).lower()}: YAML reads bare no, yes, on and off as booleans; "
                      "quote the word ('no')", key)
        return [str(v) for v in value]

    def compile(self, pattern: str, key: str = "exceptions", flags: int = 0) -> regex.Pattern:
        if self.ignorecase:
            flags |= regex.IGNORECASE
        try:
            compiled = regex.compile(pattern, flags | regex.VERSION0)
        except regex.error as exc:
            self.fail(f"invalid regex in '{key}': {exc}", key)
        if compiled.fullmatch(""):  # it would "match" between every two characters: a mistake, never a finding
            self.fail(f"'{key}' can match the empty string (an empty token, an optional-only pattern or a stray '|')", key)
        return compiled

    def finditer(self, pattern: regex.Pattern, text: str, start: int = 0, end: int | None = None):
        """Matches of `pattern` in text[start:end], positions relative to `text`.

        A window inside the text (a sentence, a quotation) is searched as a string
        of its own, so `^` and `$` anchor at the window's edges. A timeout (longer
        for a block of megabytes) stops a catastrophic user regex instead of
        hanging the run. The matches are all
        found before the first is handed out: the timeout runs from the start of
        the search, so the caller's work between matches must not count towards it.
        """
        end = len(text) if end is None else end
        seconds = REGEX_TIMEOUT * max(1, (end - start) / REGEX_TIMEOUT_CHARS)
        try:
            if start == 0 and end == len(text):
                yield from list(pattern.finditer(text, timeout=seconds))
            else:
                for m in list(pattern.finditer(text[start:end], timeout=seconds)):
                    yield _ShiftedMatch(m, start)
        except TimeoutError:
            raise RegexTimeout(self.id, pattern.pattern, seconds) from None

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
