"""What every rule kind shares: common fields, validation, exceptions, regex safety.

A rule kind is a subclass of `Rule` that declares the YAML fields it adds
(`FIELDS`, a tuple of `Field`s: each value is checked and set as an attribute of
the same name before the kind's own `__init__` body runs) and implements
`hits(doc)`, yielding `Hit`s in plain-text coordinates of a block. The engine
turns hits into findings; kinds never compute positions.
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, ClassVar, Iterator

import regex

from ..document import Block, Document
from ..errors import PackError
from ..finding import APPLICABILITIES, LEVELS
from ..packcache import LazyPattern, lazy as lazy_compiles
from ..scope import ALL_SCOPES, ScopeError, Selector
from ..textutil import render
from ..yamlio import LineDict
from .fields import Field, FieldError

REGEX_TIMEOUT = 2.0  # seconds one regex may run on one block before it is cut off
REGEX_TIMEOUT_CHARS = 1_000_000  # ... per this many characters: a block of megabytes takes seconds to scan at all
FIX_CHOICES = ("none",) + APPLICABILITIES
# rule id -> the timeout to report, once per rule and file: set by the engine around one document's run
_TIMEOUTS: ContextVar[dict | None] = ContextVar("regex_timeouts", default=None)


@contextmanager
def collecting_timeouts() -> Iterator[dict[str, str]]:
    """Collect the regex timeouts of the rules run inside (rule id -> message) instead of raising them."""
    found: dict[str, str] = {}
    token = _TIMEOUTS.set(found)
    try:
        yield found
    finally:
        _TIMEOUTS.reset(token)

COMMON_FIELDS = (
    Field("kind", "text", "the rule kind", required=True),
    Field("id", "text", "the rule's stable name within its pack (default: the file name)"),
    Field("aliases", "strings", "former names, still accepted by config, inline disables and baselines", list),
    Field("deprecated", "any", "true, or a message saying what to use instead: the rule still runs, and says so", False),
    Field("level", "text", "error, warning or suggestion", "warning", choices=LEVELS),
    Field("message", "text", "what the user is told; {match}, {suggestion} and named groups are filled in"),
    Field("description", "text", "why it matters (shown by `mtlint rules show`)", ""),
    Field("link", "text", "where to read more", ""),
    Field("scope", "text", "where it applies: a selector over " + ", ".join(ALL_SCOPES) + " (with &, | and ~)", "any"),
    Field("exceptions", "strings", "regexes; a hit inside one of their matches is not reported", list),
    Field("examples", "mapping", "{flag: [...], pass: [...]}; a flag example marks its match as [[...]] and may give "
          "{text: ..., fix: ...}; checked by `mtlint rules test`", dict),
    Field("ignorecase", "bool", "match regardless of case", False),
    Field("enabled", "bool", "false to ship the rule switched off", True),
    Field("fix", "text", "how sure the first suggestion is as a fix: safe (--fix), unsafe (--unsafe-fixes), "
          "display-only (shown, never applied) or none", "none", choices=FIX_CHOICES),
    Field("fixable", "bool", "deprecated spelling of `fix: safe`", False),
)


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
    fixable: bool = False  # whether the first suggestion is offered as a fix
    applicability: str | None = None  # the hit's own, instead of the rule's (a kind that knows better per hit)
    # A kind that relays another checker's rules (grammar: LanguageTool's) names the finding's rule
    # and level per hit; None: the rule's own id and effective level.
    rule: str | None = None
    level: str | None = None
    source: str | None = None  # a bilingual check's source segment, shown beside the target (HTML report, JSON)


class Rule:
    """Base of every rule kind. Subclasses set `kind`, `FIELDS`, and implement `hits`."""

    kind: ClassVar[str] = ""
    FIELDS: ClassVar[tuple[Field, ...]] = ()
    DEFAULT_SCOPE: ClassVar[str] = "any"
    DEFAULT_MESSAGE: ClassVar[str] = "'{match}'"

    def __init__(self, rule_id: str, spec: LineDict, pack_dir: str) -> None:
        self.pack = rule_id.split(".", 1)[0]
        self.id = rule_id
        self.spec = spec
        self.pack_dir = pack_dir
        self.path = getattr(spec, "path", "")
        fields = self.fields()
        for key in spec:
            if key not in fields:
                self.fail(f"unknown field '{key}' for kind '{self.kind}' (allowed: {', '.join(sorted(fields))})", key)
        values = {}
        for name, declared in fields.items():
            try:
                values[name] = declared.read(spec)
            except FieldError as exc:
                self.fail(str(exc), name)
        own_id = values.pop("id")
        for name, value in values.items():
            setattr(self, name, value)
        if own_id is not None:
            if not regex.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", own_id):
                self.fail(f"'id' must be a name of letters, digits, '-' and '_', not {own_id!r}", "id")
            self.id = f"{self.pack}.{own_id}"
        self.aliases = [a if "." in a else f"{self.pack}.{a}" for a in self.aliases]
        if not isinstance(self.deprecated, (bool, str)):
            self.fail("'deprecated' must be true or a message saying what to use instead", "deprecated")
        self.message = self.message if self.message is not None else self.DEFAULT_MESSAGE
        self.description = self.description.strip()
        if self.fixable and self.fix == "none":  # the old spelling
            self.fix = "safe"
        self.fixable = self.fix != "none"
        try:
            self.scope = Selector(self.scope if "scope" in spec else self.DEFAULT_SCOPE)
        except ScopeError as exc:
            self.fail(f"scope: {exc}", "scope")
        from ..examples import parse_examples  # the examples module runs rules, so it imports this one

        try:
            self.examples = parse_examples(self.examples)
        except ValueError as exc:
            self.fail(f"examples: {exc}", "examples")
        self.exceptions = self.compile("|".join(f"(?:{e})" for e in self.exceptions)) if self.exceptions else None

    @classmethod
    def fields(cls) -> dict[str, Field]:
        """Every field a rule of this kind takes: the common ones, then the kind's own."""
        declared = {f.name: f for f in COMMON_FIELDS}
        declared.update((f.name, f) for f in cls.FIELDS)
        return declared

    @property
    def deprecation(self) -> str:
        """'' for a current rule; else what its users are told."""
        if not self.deprecated:
            return ""
        return self.deprecated if isinstance(self.deprecated, str) else "this rule is deprecated"

    # -- helpers for subclasses -------------------------------------------------
    def get(self, key: str, default: Any = None) -> Any:
        return self.spec.get(key, default)

    def fail(self, message: str, key: str | None = None):
        line = self.spec.line_of(key) if key is not None and isinstance(self.spec, LineDict) else getattr(self.spec, "line", None)
        raise PackError(f"rule {self.id}: {message}", self.path, line)

    def compile(self, pattern: str, key: str = "exceptions", flags: int = 0) -> regex.Pattern:
        if self.ignorecase:
            flags |= regex.IGNORECASE
        compiled = LazyPattern(pattern, flags, self, key)
        if not lazy_compiles():  # unless this pack, as it is on disk, loaded cleanly before: compile (and check) now
            compiled.compiled
        return compiled

    def _compile_now(self, pattern: str, key: str, flags: int) -> regex.Pattern:
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
        size = len(text)
        end = size if end is None else end
        if type(pattern) is LazyPattern:
            pattern = pattern.compiled
        seconds = REGEX_TIMEOUT if end - start <= REGEX_TIMEOUT_CHARS else REGEX_TIMEOUT * (end - start) / REGEX_TIMEOUT_CHARS
        try:
            if start == 0 and end == size:
                # (most windows hold no match: one search says so without a scanner object and a list)
                return list(pattern.finditer(text, timeout=seconds)) if pattern.search(text, timeout=seconds) else []
            window = text[start:end]
            if not pattern.search(window, timeout=seconds):
                return []
            return [_ShiftedMatch(m, start) for m in pattern.finditer(window, timeout=seconds)]
        except TimeoutError:
            # This window is given up; the rule goes on with the others, and the file reports it once.
            self._timed_out(RegexTimeout(self.id, pattern.pattern, seconds))
            return []

    def _timed_out(self, timeout: RegexTimeout) -> None:
        found = _TIMEOUTS.get()
        if found is None:  # outside an engine run: the caller deals with it
            raise timeout
        found.setdefault(self.id, str(timeout))

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

    def strings_of(self, value: Any, key: str) -> list[str]:
        """A nested value that must be a string or a list of strings (inside a mapping field)."""
        try:
            return Field(key, "strings", "").read({key: value})
        except FieldError as exc:
            self.fail(str(exc), key)

    # -- the contract -----------------------------------------------------------
    def warm(self) -> None:
        """Build what the rule builds on first need (a large regex, a model), now: called before worker
        processes are forked, so they share it instead of each building its own."""

    def data_files(self) -> list[str]:
        """The files besides its YAML that loading the rule read (word lists): the pack cache watches them."""
        return []

    def trigger(self):
        """(strings, whole words only) one of which, in `prefilter.fold_for_search`'s view, every block this rule
        fires in holds; or a `lint.chars.Chars` (characters outside ASCII one of which it holds), or a
        `lint.candidates.Attribute` (a document attribute it needs); None: it may fire anywhere. Lets
        `lint.candidates` run the rule only where it can fire."""
        return None

    def hits(self, doc: Document) -> Iterator[Hit]:
        raise NotImplementedError
