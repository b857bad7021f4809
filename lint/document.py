"""The document model: the one place that owns text and offsets.

Every input format (plain text, Markdown, HTML) is turned into a `Document`: the
original text exactly as decoded from the file, plus a list of `Block`s. A block
holds the *plain* text a rule sees (markup removed, entities decoded) and a
`TextMap` that maps any plain offset back to the original text. Rules only ever
see plain text; the engine asks the document to turn plain spans into original
offsets, lines and columns. Nothing else in mtlint computes a position.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .lazyre import compile_lazily
from .scope import BLOCK_SCOPES, Selector, block_has, selector

_BREAK = compile_lazily(r"\r\n|\r|\n")
_CARRIAGE_RETURN = compile_lazily(r"(\r\n|\r)")
# Stands in the plain text for code, a <script> and the like inside a block: text on either side
# of it must not read as one run ("talks `Kiev` talks" is no doubled word). U+FFFC is Unicode's
# object replacement character: no letter, space or punctuation a rule could match.
EMBEDDED = "\ufffc"
_QUOTES: list = []  # lint.quotes.find_quotations, once a block first needs its quotations


class TextMap:
    """Plain text of a block, built piece by piece, with the original span of each piece.

    A *copy* piece is the original text verbatim (offsets map one to one); a
    *replace* piece stands for a different original span (an entity such as
    `&amp;`, an escape such as `\\*`, a CRLF or a `<br>` tag) and maps atomically,
    so a span that touches it covers the whole original construct.
    """

    __slots__ = ("_parts", "_plain_starts", "_orig_starts", "_orig_ends", "_verbatim", "_length", "_text")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._plain_starts: list[int] = []
        self._orig_starts: list[int] = []
        self._orig_ends: list[int] = []
        self._verbatim: list[bool] = []
        self._length = 0
        self._text: str | None = None

    def copy(self, text: str, orig_start: int) -> None:
        """Append original text that appears verbatim at `orig_start`."""
        if not text:
            return
        if "\r" in text:  # CRLF/CR become "\n" in plain text, mapped to the full line break
            for piece in _CARRIAGE_RETURN.split(text):
                if piece in ("\r\n", "\r"):
                    self.replace("\n", orig_start, orig_start + len(piece))
                else:
                    self._append(piece, orig_start, orig_start + len(piece), True)
                orig_start += len(piece)
            return
        self._append(text, orig_start, orig_start + len(text), True)

    def replace(self, text: str, orig_start: int, orig_end: int) -> None:
        """Append `text` standing for the original span [orig_start, orig_end)."""
        self._append(text, orig_start, orig_end, False)

    def _append(self, text: str, orig_start: int, orig_end: int, verbatim: bool) -> None:
        if not text:
            return
        # Merge a verbatim piece into the previous one when they are contiguous.
        if verbatim and self._verbatim and self._verbatim[-1] and self._orig_ends[-1] == orig_start:
            self._parts[-1] += text
            self._orig_ends[-1] = orig_end
        else:
            self._parts.append(text)
            self._plain_starts.append(self._length)
            self._orig_starts.append(orig_start)
            self._orig_ends.append(orig_end)
            self._verbatim.append(verbatim)
        self._length += len(text)
        self._text = None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = "".join(self._parts)
        return self._text

    def __len__(self) -> int:
        return self._length

    def orig_start(self, plain: int) -> int:
        """Original offset where a span starting at plain offset `plain` starts."""
        if not self._parts:
            return 0
        i = max(bisect.bisect_right(self._plain_starts, plain) - 1, 0)
        if self._verbatim[i]:
            return min(self._orig_starts[i] + plain - self._plain_starts[i], self._orig_ends[i])
        # Inside an atomic piece: widen to its start, so the whole construct is covered.
        return self._orig_ends[i] if plain >= self._length else self._orig_starts[i]

    def orig_end(self, plain_end: int) -> int:
        """Original offset just after a span whose plain end (exclusive) is `plain_end`."""
        if not self._parts or plain_end <= 0:
            return self.orig_start(0)
        i = max(bisect.bisect_right(self._plain_starts, plain_end - 1) - 1, 0)
        if self._verbatim[i]:
            return min(self._orig_starts[i] + plain_end - self._plain_starts[i], self._orig_ends[i])
        return self._orig_ends[i]


@dataclass
class Block:
    """A unit of running text: what it is (`kind`), what it sits in (`containers`, outermost first).

    Formats fill these in; what a scope name means for a block is decided by `lint.scope`.
    """

    kind: str  # "paragraph", "heading" or "cell" (of a table)
    textmap: TextMap
    containers: tuple[str, ...] = ()  # "blockquote", "list", "table", outermost first
    headline: bool = False  # the article's title (plain text: its first line when it reads as one)

    @property
    def text(self) -> str:
        return self.textmap.text

    @property
    def scopes(self) -> frozenset[str]:
        """The block scopes this block is in (for display and tests)."""
        return frozenset(name for name in BLOCK_SCOPES if block_has(self, name))

    cache: dict = field(default_factory=dict, repr=False)  # per-rule memo (exception spans, ...)
    _sentences: list[tuple[int, int]] | None = field(default=None, repr=False)
    _quotations: list[tuple[int, int]] | None = field(default=None, repr=False)

    def lines(self) -> list[tuple[int, int]]:
        """(start, end) of each non-blank line of the block's plain text."""
        key = "lines"
        spans = self.cache.get(key)
        if spans is None:
            text, spans, start = self.text, [], 0
            if "\n" not in text:  # one line, the commonest block (a line is blank when strip() leaves nothing)
                spans = self.cache[key] = [(0, len(text))] if text and not text.isspace() else []
                return spans
            for line in text.split("\n"):
                if line.strip():
                    spans.append((start, start + len(line)))
                start += len(line) + 1
            self.cache[key] = spans
        return spans

    def sentences(self) -> list[tuple[int, int]]:
        if self._sentences is None:
            self._sentences = split_sentences(self.text)
        return self._sentences

    def quotations(self) -> list[tuple[int, int]]:
        if self._quotations is None:
            if not _QUOTES:  # (imported on first need, once: an import statement per block costs microseconds)
                from .quotes import find_quotations

                _QUOTES.append(find_quotations)
            self._quotations = [(q.start, q.end) for q in _QUOTES[0](self.text)]
        return self._quotations


@dataclass
class Directive:
    """An inline suppression comment found in the original text."""

    action: str  # "disable", "enable" or "disable-next-line"
    rules: tuple[str, ...]  # rule ids, pack names or "all"
    offset: int  # original offset of the comment
    end: int  # original offset just after the comment


@dataclass
class Document:
    """An input file: its original text, its blocks of plain text and its directives."""

    path: str
    text: str  # original text as decoded (without a BOM)
    format: str  # "text", "markdown" or "html"
    blocks: list[Block] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    # Original spans that are syntax as well as text (a Markdown link whose text is its reference
    # label): no fix may touch them.
    locked: list[tuple[int, int]] = field(default_factory=list)
    has_bom: bool = False
    source: object = None  # a bilingual.context.BilingualContext when the document is checked against a source
    cache: dict = field(default_factory=dict, repr=False)  # per-document memo for rules
    _line_starts: list[int] | None = field(default=None, repr=False)

    @property
    def plain_text(self) -> str:
        """The article's plain text, its blocks joined by line breaks (for article-wide word counts)."""
        text = self.cache.get("plain_text")
        if text is None:
            text = self.cache["plain_text"] = "\n".join(b.text for b in self.blocks)
        return text

    @property
    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            starts = [0]
            find = self.text.find
            i = find("\n")
            while i != -1:
                starts.append(i + 1)
                i = find("\n", i + 1)
            self._line_starts = starts
        return self._line_starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an original offset, columns in code points."""
        starts = self.line_starts
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1


    def next_line_span(self, offset: int) -> tuple[int, int]:
        """[start, end) of the line after the one holding `offset`, as a reader sees lines.

        For `mtlint-disable-next-line`: a lone CR ends a line on screen (and in every format's
        blocks), though line *numbers* count only "\n". At the end of the file: an empty span.
        """
        m = _BREAK.search(self.text, offset)
        if not m:
            return len(self.text), len(self.text)
        after = _BREAK.search(self.text, m.end())
        return m.end(), after.end() if after else len(self.text)

    def units(self, scope: Selector | str):
        """Yield (block, start, end) windows of plain text that a rule of `scope` checks."""
        return (scope if isinstance(scope, Selector) else selector(scope)).units(self)



# Sentence ends: terminal punctuation, optional closing quotes/brackets, then space
# and an upper-case letter, digit or opening quote. Abbreviations are excluded.
_ABBREVIATIONS = (
    "Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Mt|Gen|Lt|Col|Sgt|Capt|Cmdr|Adm|Gov|Sen|Rep|Rev|Hon|Pres|"
    "Inc|Ltd|Co|Corp|No|Nos|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    "U\\.S|U\\.K|U\\.N|E\\.U|a\\.m|p\\.m|e\\.g|i\\.e|[A-Z]"
)
_SENTENCE_END = compile_lazily(
    r"(?<!\b(?:" + _ABBREVIATIONS + r"))[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[\p{Lu}\p{N}])"
)


def trimmed_spans(text: str, spans) -> list[tuple[int, int]]:
    """The spans (start, end) of `text` trimmed of surrounding white space; those left empty are dropped."""
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split plain text into sentence spans (start, end), trimmed of surrounding space."""
    spans = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    return trimmed_spans(text, spans)
