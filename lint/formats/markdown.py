"""Markdown through markdown-it-py, with every plain character mapped back to the source.

markdown-it-py gives block tokens with source line ranges and inline tokens
without positions. We walk the inline tokens of each block in order over that
block's source lines: markup tokens advance a cursor past their own syntax, and
each text token is aligned character by character (an escape like `\\*` or an
entity like `&amp;` becomes one atomic piece of the TextMap). Code spans, fenced
and indented code, raw HTML, images and front matter are never linted.
"""
from __future__ import annotations

import regex
from markdown_it import MarkdownIt
from markdown_it.common.entities import entities
from markdown_it.common.utils import isValidEntityCode
from markdown_it.helpers import parseLinkDestination, parseLinkTitle
from mdit_py_plugins.front_matter import front_matter_plugin

from ..document import EMBEDDED, Block, Directive, Document, TextMap
from ..errors import InputError
from .directives import find_directives
from .fixcheck import verbatim_fix

NAME = "markdown"

# What may stand between the inline cursor and the next markup: spaces and the characters of
# container prefixes (blockquote, list markers, ATX heading, table pipe).
_PREFIX = frozenset(" \t>-+*#|.)0123456789")
_LINE_END = regex.compile(r"\r\n|\r|\n")
_ENTITY = regex.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _decode_entity(ref: str) -> str | None:
    """What markdown-it makes of an entity (not always what html.unescape says: "&#128;" is U+FFFD)."""
    if ref[1] == "#":
        code = int(ref[3:-1], 16) if ref[2] in "xX" else int(ref[2:-1])
        return chr(code) if isValidEntityCode(code) else "\ufffd"
    return entities.get(ref[1:-1])  # None: not an entity, markdown-it keeps it as text


# markdown-it stops at 20 nested tokens and silently drops what is deeper (10 list levels: each is a
# list and an item). Articles do nest deeper; past MAX_NESTING the file is refused with a message
# (deeper still, the parser's recursion would exhaust Python's stack).
MAX_NESTING = 200
_PARSER = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable(["table", "strikethrough"]).use(front_matter_plugin)

_CONTAINERS = {
    "blockquote_open": "blockquote",
    "bullet_list_open": "list",
    "ordered_list_open": "list",
    "table_open": "table",
}


class _InlineAligner:
    """Walks one inline token's children over the source, filling a TextMap."""

    def __init__(self, src: str, cursor: int, limit: int) -> None:
        self.src = src
        self.cursor = cursor
        self.limit = limit
        self.tm = TextMap()
        self.locked: list[tuple[int, int]] = []  # link texts that are also their reference label
        self.directives: list[Directive] = []  # suppression comments among the inline HTML
        self._link_text = 0
        self._autolink: tuple[int, int] | None = None  # the address between "<" and ">"

    def skip_literal(self, markup: str) -> None:
        """Advance past `markup` if it is next in the source, after spaces and container prefixes.

        The cursor may stand at the start of a line, before its `> `, `- `, `1. `, `# ` or `| `:
        markdown-it gives those no inline token, so the markup of the first one is behind them.
        """
        j = self.cursor
        while j < self.limit and not (markup and self.src.startswith(markup, j)) and self.src[j] in _PREFIX:
            j += 1
        if markup and self.src.startswith(markup, j):
            self.cursor = j + len(markup)

    def skip_to_after(self, needle: str) -> int | None:
        """Advance past the next `needle` and return where it starts (None: not found).

        markdown-it gives "\n" for each CRLF or CR of the source.
        """
        if "\n" in needle:
            pattern = r"(?:\r\n|\r|\n)".join(regex.escape(part) for part in needle.split("\n"))
            m = regex.compile(pattern).search(self.src, self.cursor, self.limit)
            if m:
                self.cursor = m.end()
                return m.start()
            return None
        j = self.src.find(needle, self.cursor, self.limit)
        if j != -1:
            self.cursor = j + len(needle)
            return j
        return None

    def _skip_space(self, j: int) -> int:
        while j < self.limit and self.src[j] in " \t\r\n":
            j += 1
        return j

    def skip_link_tail(self) -> bool:
        """Skip what follows the "]" of a link or image, as markdown-it's link rule reads it.

        An inline `(destination "title")` (whose title may hold a ")") or a reference `[label]`.
        Returns whether the bracketed text is its own reference label (`[Kiev]`, `[Kiev][]`).
        """
        src, end, pos = self.src, self.limit, self.cursor
        if pos < end and src[pos] == "(":
            j = self._skip_space(pos + 1)
            res = parseLinkDestination(src, j, end)
            if res.ok and _PARSER.validateLink(_PARSER.normalizeLink(res.str)):
                j = start = res.pos
                j = self._skip_space(j)
                title = parseLinkTitle(src, j, end)
                if j < end and start != j and title.ok:
                    j = self._skip_space(title.pos)
            if j < end and src[j] == ")":
                self.cursor = j + 1
                return False
        if pos < end and src[pos] == "[":
            self.skip_bracketed("[", "]")
            if self.cursor > pos:
                return self.cursor == pos + 2  # "[]": a collapsed reference; "[label]": a full one
        return True

    def skip_bracketed(self, open_: str, close: str) -> None:
        """Skip a balanced (...) or [...] group starting at the cursor, if there is one."""
        if self.cursor >= self.limit or self.src[self.cursor] != open_:
            return
        depth, j = 0, self.cursor
        while j < self.limit:
            c = self.src[j]
            if c == "\\":
                j += 2
                continue
            if c == open_:
                depth += 1
            elif c == close:
                depth -= 1
                if depth == 0:
                    self.cursor = j + 1
                    return
            j += 1

    def text(self, content: str) -> None:
        """Align a text token, character by character, from the cursor."""
        src, c = self.src, self.cursor
        # Fast path: the text stands verbatim at the next non-markup position (a "&" in it may be an
        # entity's own, as in "&amp;amp;": that needs the careful path).
        j = src.find(content, c, self.limit) if "&" not in content else -1
        if j != -1 and (j == c or not src[c:j].strip(" \t*_~[>#`\n\r-+.0123456789)|!")):
            self.tm.copy(content, j)
            self.cursor = j + len(content)
            return
        i, n = 0, len(content)
        while i < n:
            ch = content[i]
            while c < self.limit:
                s = src[c]
                # An escape or an entity first: their own characters are not the text ("&amp;amp;" is "&amp;").
                if s == "\\" and c + 1 < self.limit and src[c + 1] == ch:
                    self.tm.replace(ch, c, c + 2)
                    c, i = c + 2, i + 1
                    break
                if s == "&":
                    m = _ENTITY.match(src, c, self.limit)
                    decoded = _decode_entity(m.group()) if m else None
                    if decoded and content.startswith(decoded, i):
                        self.tm.replace(decoded, c, m.end())
                        c, i = m.end(), i + len(decoded)
                        break
                if s == ch:
                    self.tm.copy(ch, c)
                    c, i = c + 1, i + 1
                    break
                if s == "\0" and ch == "\ufffd":  # markdown-it replaces NUL, as CommonMark says
                    self.tm.replace(ch, c, c + 1)
                    c, i = c + 1, i + 1
                    break
                c += 1  # markup we did not model (a line prefix, a delimiter)
            else:
                break  # the source ran out: the rest of the text cannot be placed
        self.cursor = c

    def run(self, children) -> TextMap:
        for tok in children:
            t = tok.type
            if t == "text" and self._autolink:
                # markdown-it decodes an autolink's address ("%69" is "i"): it stands for the whole, atomically.
                self.tm.replace(tok.content, *self._autolink)
            elif t == "text":
                self.text(tok.content)
            elif t in ("softbreak", "hardbreak"):
                m = _LINE_END.search(self.src, self.cursor, self.limit)  # CRLF, LF or a lone CR
                if m:
                    self.tm.replace("\n", m.start(), m.end())
                    self.cursor = m.end()
            elif t.endswith("_open") and t != "link_open":
                self.skip_literal(tok.markup)
            elif t.endswith("_close") and t != "link_close":
                self.skip_literal(tok.markup)
            elif t == "link_open" and tok.markup == "autolink":
                self.skip_literal("<")
                end = self.src.find(">", self.cursor, self.limit)
                self._autolink = (self.cursor, end) if end != -1 else None
            elif t == "link_open":
                self.skip_literal("[")
                self._link_text = self.cursor
            elif t == "link_close":
                if tok.markup == "autolink":
                    if self._autolink:
                        self.cursor = self._autolink[1]
                    self._autolink = None
                    self.skip_literal(">")
                else:
                    self.skip_literal("]")
                    text_end = self.cursor - 1
                    if self.skip_link_tail():  # changing the text would change the label: the link would break
                        self.locked.append((self._link_text, text_end))
            elif t == "code_inline":
                # The source between the backticks is at least as long as the content.
                start = self.src.find(tok.markup, self.cursor, self.limit)
                if start != -1:
                    end = self.src.find(tok.markup, start + len(tok.markup) + len(tok.content), self.limit)
                    if end != -1:
                        self.cursor = end + len(tok.markup)
                        self.tm.replace(EMBEDDED, start, self.cursor)
            elif t == "html_inline":
                start = self.skip_to_after(tok.content)
                if start is not None and "mtlint-" in tok.content:  # only a real comment: not one in a code span
                    self.directives.extend(find_directives(self.src[start : self.cursor], start))
            elif t == "image":
                self.skip_to_after("![")
                self.cursor -= 1
                self.skip_bracketed("[", "]")
                self.skip_link_tail()
        return self.tm


def parse(path: str, text: str) -> Document:
    doc = Document(path=path, text=text, format=NAME)
    # markdown-it counts lines as CommonMark does (a lone CR ends a line too), not as the report does.
    starts = [0] + [m.end() for m in _LINE_END.finditer(text)]
    end_of = lambda line: starts[line] if line < len(starts) else len(text)  # noqa: E731
    containers: list[str] = []
    heading = False
    first_block = True
    previous_map_start, previous_cursor = None, 0
    try:
        tokens = _PARSER.parse(text)
    except RecursionError:
        raise InputError(f"Markdown nested too deeply to read (more than {MAX_NESTING} levels); not linted", path) from None
    too_deep = next((tok for tok in tokens if tok.level >= MAX_NESTING - 1), None)
    if too_deep is not None:  # markdown-it has dropped what is deeper: refuse rather than lint half the file
        line = text.count("\n", 0, starts[too_deep.map[0]]) + 1 if too_deep.map else None
        raise InputError(f"Markdown nested too deeply (more than {MAX_NESTING} levels of quotes, lists and list items); not linted", path, line)
    for tok in tokens:
        t = tok.type
        if t in _CONTAINERS:
            containers.append(_CONTAINERS[t])
        elif t in ("blockquote_close", "bullet_list_close", "ordered_list_close", "table_close"):
            containers.pop()
        elif t == "heading_open":
            heading = tok.tag
        elif t == "heading_close":
            heading = False
        elif t == "html_block" and tok.map:
            doc.directives.extend(find_directives(text[starts[tok.map[0]] : end_of(tok.map[1])], starts[tok.map[0]]))
        elif t == "inline" and tok.map:
            begin = starts[tok.map[0]]
            if tok.map[0] == previous_map_start:  # table cells share their row's line
                begin = previous_cursor
            aligner = _InlineAligner(text, begin, end_of(tok.map[1]))
            tm = aligner.run(tok.children or [])
            doc.locked.extend(aligner.locked)
            previous_map_start, previous_cursor = tok.map[0], aligner.cursor
            doc.directives.extend(aligner.directives)
            if not tm.text.strip():
                continue
            outer = tuple(dict.fromkeys(containers))
            kind = "heading" if heading else "cell" if "table" in outer else "paragraph"
            doc.blocks.append(Block(kind, tm, outer, bool(heading) and first_block and heading in ("h1", "h2")))
            first_block = False
        elif t in ("fence", "code_block", "hr"):
            first_block = False
    return doc


def fix_replacement(doc: Document, start: int, end: int, plain: str, replacement: str) -> str | None:
    """The source text for a fix of [start, end), or None when it is not safe here.

    The span must be verbatim text (no markup, escape or line prefix inside); a fix that
    could make emphasis, a list or a heading (a `*`, a line start of `1.`) of its surroundings
    is checked by parsing the fixed text again.
    """
    return verbatim_fix(parse, doc, start, end, plain, replacement)
