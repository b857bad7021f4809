"""Markdown through markdown-it-py, with every plain character mapped back to the source.

markdown-it-py gives block tokens with source line ranges and inline tokens
without positions. We walk the inline tokens of each block in order over that
block's source lines: markup tokens advance a cursor past their own syntax, and
each text token is aligned character by character (an escape like `\\*` or an
entity like `&amp;` becomes one atomic piece of the TextMap). Code spans, fenced
and indented code, raw HTML, images and front matter are never linted.
"""
from __future__ import annotations

import html as html_lib

import regex
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from ..document import Block, Document, TextMap
from .directives import find_directives

_ENTITY = regex.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin)

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

    def skip_literal(self, markup: str) -> None:
        """Advance past `markup` if it is next in the source (after optional spaces)."""
        j = self.cursor
        while j < self.limit and self.src[j] in " \t":
            j += 1
        if markup and self.src.startswith(markup, j):
            self.cursor = j + len(markup)

    def skip_to_after(self, needle: str) -> None:
        j = self.src.find(needle, self.cursor, self.limit)
        if j != -1:
            self.cursor = j + len(needle)

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
        # Fast path: the text stands verbatim at the next non-markup position.
        j = src.find(content, c, self.limit)
        if j != -1 and (j == c or not src[c:j].strip(" \t*_~[>#`\n\r-+.0123456789)|!")):
            self.tm.copy(content, j)
            self.cursor = j + len(content)
            return
        for ch in content:
            while c < self.limit:
                s = src[c]
                if s == ch:
                    self.tm.copy(ch, c)
                    c += 1
                    break
                if s == "\\" and c + 1 < self.limit and src[c + 1] == ch:
                    self.tm.replace(ch, c, c + 2)
                    c += 2
                    break
                if s == "&":
                    m = _ENTITY.match(src, c, self.limit)
                    if m and html_lib.unescape(m.group()) == ch:
                        self.tm.replace(ch, c, m.end())
                        c = m.end()
                        break
                c += 1  # markup we did not model (a line prefix, a delimiter)
        self.cursor = c

    def run(self, children) -> TextMap:
        for tok in children:
            t = tok.type
            if t == "text":
                self.text(tok.content)
            elif t in ("softbreak", "hardbreak"):
                j = self.src.find("\n", self.cursor, self.limit)
                if j != -1:
                    k = j - 1 if j and self.src[j - 1] == "\r" else j
                    self.tm.replace("\n", k, j + 1)
                    self.cursor = j + 1
            elif t.endswith("_open") and t != "link_open":
                self.skip_literal(tok.markup)
            elif t.endswith("_close") and t != "link_close":
                self.skip_literal(tok.markup)
            elif t == "link_open":
                self.skip_literal("<" if tok.markup == "autolink" else "[")
            elif t == "link_close":
                if tok.markup == "autolink":
                    self.skip_literal(">")
                else:
                    self.skip_literal("]")
                    self.skip_bracketed("(", ")")
                    self.skip_bracketed("[", "]")
            elif t == "code_inline":
                # The source between the backticks is at least as long as the content.
                start = self.src.find(tok.markup, self.cursor, self.limit)
                if start != -1:
                    end = self.src.find(tok.markup, start + len(tok.markup) + len(tok.content), self.limit)
                    if end != -1:
                        self.cursor = end + len(tok.markup)
            elif t == "html_inline":
                self.skip_to_after(tok.content)
            elif t == "image":
                self.skip_to_after("![")
                self.cursor -= 1
                self.skip_bracketed("[", "]")
                self.skip_bracketed("(", ")")
                self.skip_bracketed("[", "]")
        return self.tm


def parse(path: str, text: str) -> Document:
    doc = Document(path=path, text=text, format="markdown")
    starts = doc.line_starts
    end_of = lambda line: starts[line] if line < len(starts) else len(text)  # noqa: E731
    containers: list[str] = []
    heading = False
    first_block = True
    previous_map_start, previous_cursor = None, 0
    for tok in _PARSER.parse(text):
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
            previous_map_start, previous_cursor = tok.map[0], aligner.cursor
            for child in tok.children or []:
                if child.type == "html_inline" and "mtlint-" in child.content:
                    doc.directives.extend(find_directives(text[begin : end_of(tok.map[1])], begin))
                    break
            if not tm.text.strip():
                continue
            scopes = set(containers)
            if heading:
                scopes.add("heading")
                if first_block and heading in ("h1", "h2"):
                    scopes.add("headline")
            elif "table" not in scopes:
                scopes.add("paragraph")
            first_block = False
            doc.blocks.append(Block(frozenset(scopes), tm))
        elif t in ("fence", "code_block", "hr"):
            first_block = False
    return doc
