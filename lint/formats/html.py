"""HTML through the standard library's HTMLParser, which reports source positions.

The parser decodes character references in text (`convert_charrefs=True`: its
other mode hands the rest of the file, tags and all, over as text after a "&#"
that is not a reference); each run of text is aligned back to its source with
the standard library's own reference pattern, so each `&amp;`/`&nbsp;`/`&#8217;`
becomes one atomic piece of the TextMap. Block elements start new blocks;
`<script>`, `<style>`, `<code>`, `<pre>` and other non-prose elements are skipped.
"""
from __future__ import annotations

import html as html_lib
from html.parser import HTMLParser

import regex

from ..document import Block, Document, TextMap
from .directives import find_directives

NAME = "html"

_BLOCKS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt", "td", "th", "caption",
    "figcaption", "blockquote", "title", "section", "article", "header", "footer", "aside",
    "main", "nav", "ul", "ol", "dl", "table", "tr", "form", "body", "html", "head", "address",
    "details", "summary", "hr",
}
_SKIP = {"script", "style", "code", "pre", "kbd", "samp", "var", "template", "noscript", "svg", "math", "textarea", "select", "button"}
_VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "area", "base", "col", "embed", "source", "track"}
# What html.unescape replaces (CPython's `html._charref`): a reference, with or without its ";".
_CHARREF = regex.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
_CONTAINERS = {"blockquote": "blockquote", "ul": "list", "ol": "list", "table": "table"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6", "title"}


class _Builder(HTMLParser):
    def __init__(self, doc: Document) -> None:
        super().__init__(convert_charrefs=True)
        self.doc = doc
        self.starts = doc.line_starts
        self.tm = TextMap()
        self.stack: list[str] = []
        self.skip_depth = 0
        self.block_tag = ""
        self.seen_headline = False

    def _source_offset(self) -> int:
        line, col = self.getpos()
        return self.starts[line - 1] + col

    def flush(self) -> None:
        tm, self.tm = self.tm, TextMap()
        if not tm.text.strip():
            return
        containers = tuple(dict.fromkeys(_CONTAINERS[t] for t in self.stack if t in _CONTAINERS))
        tag = self.block_tag
        headline = False
        if tag in _HEADINGS:
            kind = "heading"
            headline = tag == "title" or (tag == "h1" and not self.seen_headline)
            self.seen_headline = self.seen_headline or tag == "h1"
        else:
            kind = "cell" if "table" in containers else "paragraph"
        self.doc.blocks.append(Block(kind, tm, containers, headline))

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip_depth += 1
        elif tag in _BLOCKS and not self.skip_depth:  # an <svg>'s <title> does not end the paragraph around it
            self.flush()
            self.block_tag = tag
        elif tag == "br" and not self.skip_depth:
            start = self._source_offset()
            self.tm.replace("\n", start, start + len(self.get_starttag_text() or ""))
        if tag not in _VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        if tag == "br" and not self.skip_depth:
            start = self._source_offset()
            self.tm.replace("\n", start, start + len(self.get_starttag_text() or ""))
        elif tag in _BLOCKS and not self.skip_depth:
            self.flush()

    def handle_endtag(self, tag):
        if tag not in self.stack:
            return
        while self.stack:
            top = self.stack.pop()
            if top in _SKIP:
                self.skip_depth -= 1
            if top == tag:
                break
        if tag in _BLOCKS and not self.skip_depth:
            self.flush()
            self.block_tag = next((t for t in reversed(self.stack) if t in _BLOCKS), "")

    def handle_data(self, data):
        if not self.skip_depth:
            self._align(data, self._source_offset())

    def _align(self, data: str, start: int) -> None:
        """Map `data` (html.unescape of the source from `start`) back to the source, a reference at a time."""
        src, i, n = self.doc.text, 0, len(data)
        while i < n:
            m = _CHARREF.match(src, start) if src.startswith("&", start) else None
            if m:
                decoded = html_lib.unescape(m.group())
                if data.startswith(decoded, i):
                    self.tm.replace(decoded, start, m.end())
                    i, start = i + len(decoded), m.end()
                    continue
            end = src.find("&", start + 1, start + n - i)
            literal = src[start : end if end != -1 else start + n - i]
            if not literal or not data.startswith(literal, i):
                break  # not the source's text (never expected): leave the rest out rather than misplace it
            self.tm.copy(literal, start)
            i, start = i + len(literal), start + len(literal)

    def parse_comment(self, i, report=1):
        """`<!-->` and `<!--->` are empty comments (as browsers read them), not the start of one that hides the text."""
        for empty in ("<!-->", "<!--->"):
            if self.rawdata.startswith(empty, i):
                return i + len(empty)
        return super().parse_comment(i, report)

    def handle_comment(self, data):
        if "mtlint-" in data:
            start = self._source_offset()
            self.doc.directives.extend(find_directives(self.doc.text[start : start + len(data) + 7], start))


def parse(path: str, text: str) -> Document:
    doc = Document(path=path, text=text, format=NAME)
    builder = _Builder(doc)
    builder.feed(text)
    builder.close()
    builder.flush()
    return doc


def fix_replacement(doc: Document, start: int, end: int, plain: str, replacement: str) -> str | None:
    """A span of text (entities allowed, no tag) whose decoded text is what the rule saw; the fix is escaped."""
    original = doc.text[start:end]
    if "<" in original or html_lib.unescape(original) != plain:
        return None
    return html_lib.escape(replacement, quote=False)
