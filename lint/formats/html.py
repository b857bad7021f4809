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

from ..document import EMBEDDED, Block, Document, TextMap
from ..errors import InputError
from .directives import find_directives
from .fixcheck import is_inert, is_words, keeps_structure

NAME = "html"

_BLOCKS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt", "td", "th", "caption",
    "figcaption", "blockquote", "title", "section", "article", "header", "footer", "aside",
    "main", "nav", "ul", "ol", "dl", "table", "tr", "form", "body", "html", "head", "address",
    "details", "summary", "hr",
}
_SKIP = {"script", "style", "code", "pre", "kbd", "samp", "var", "template", "noscript", "svg", "math", "textarea", "select", "button"}
# Skipped elements a reader sees (code, a form control): the text either side does not read on across
# them. <script>, <style>, <template>, <noscript> and an <svg> icon show no text: it does.
_SHOWN = {"code", "pre", "kbd", "samp", "var", "textarea", "select", "button", "math"}
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
            if not self.skip_depth and tag in _SHOWN:
                start = self._source_offset()
                self.tm.replace(EMBEDDED, start, start + len(self.get_starttag_text() or ""))
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

    def parse_html_declaration(self, i):
        """`<![` outside SVG/MathML is a bogus comment up to the next ">" (HTML5), `<![CDATA[` included.

        The standard library reads it as an SGML marked section and raises on anything else
        (`<![ `, `<![6`): a browser shows neither, so neither is text.
        """
        if self.rawdata.startswith("<![", i):
            return self.parse_bogus_comment(i)
        return super().parse_html_declaration(i)

    def finish(self) -> None:
        """End of file: what is still open is read as a browser reads it, then the last block ends.

        The standard library turns an unterminated construct into text; HTML5 says a comment,
        `<!…`, `</…` or `<?…` open at the end of the file is a comment to its end, and an
        unterminated tag is dropped. Neither is prose.
        """
        rest = self.rawdata
        if len(rest) > 1 and rest[0] == "<" and (rest[1] in "!/?" or rest[1].isascii() and rest[1].isalpha()):
            if rest[1] in "!/?":
                body = rest[4:] if rest.startswith("<!--") else rest[2:]
                self.handle_comment(body)
            self.rawdata = ""
        self.close()
        self.flush()

    def handle_comment(self, data):
        if "mtlint-" in data:
            start = self._source_offset()
            self.doc.directives.extend(find_directives(self.doc.text[start : start + len(data) + 7], start))


def parse(path: str, text: str) -> Document:
    doc = Document(path=path, text=text, format=NAME)
    builder = _Builder(doc)
    try:
        builder.feed(text)
        builder.finish()
    except Exception as exc:  # noqa: BLE001 - the standard library's parser raises bare assertions on odd markup
        line = builder.getpos()[0]
        raise InputError(f"cannot parse the HTML ({exc.__class__.__name__}: {str(exc)[:80]})", path, line) from None
    return doc


def fix_replacement(doc: Document, start: int, end: int, plain: str, replacement: str) -> str | None:
    """The source text that puts `replacement` where the plain `plain` stands at [start, end), or None.

    The span must be text only (no tag); an entity in it is fine, and the replacement is
    escaped in turn. A fix that would make markup of its surroundings (`<&#x4Biev>` to a
    `<Kyiv>` tag) is refused: unless it swaps words for words beside nothing markup-like,
    the document is parsed again and must keep its blocks.
    """
    original = doc.text[start:end]
    if html_lib.unescape(original) != plain or "<" in original:
        return None
    source = html_lib.escape(replacement, quote=False)
    before = doc.text[start - 1] if start else " "
    if "&" not in original and (is_words(original, replacement) or is_inert(doc.text, start, end, original, replacement)) \
            and not (before.isalnum() or before in "<&#/!?"):
        return source
    return source if keeps_structure(parse, doc, start, end, source, plain, replacement) else None
