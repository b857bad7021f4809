"""Plain text: paragraphs are runs of non-blank lines; the first short line is the headline."""
from __future__ import annotations

import regex

from ..document import Block, Document, TextMap
from .directives import DIRECTIVE, find_directives
from .fixcheck import verbatim_fix

NAME = "text"

_PARAGRAPH = regex.compile(r"[^\r\n]*\S[^\r\n]*(?:(?:\r\n|\r|\n)[^\r\n]*\S[^\r\n]*)*")
_HEADLINE_MAX_WORDS = 40


def looks_like_headline(text: str) -> bool:
    """A first block that is one short line not ending like a sentence is a headline."""
    text = text.strip()
    return (
        "\n" not in text
        and len(text.split()) <= _HEADLINE_MAX_WORDS
        and not text.endswith((".", ",", ";", ":"))
    )


def parse(path: str, text: str) -> Document:
    doc = Document(path=path, text=text, format=NAME)
    doc.directives = find_directives(text) if "mtlint-" in text else []
    first = True
    for m in _PARAGRAPH.finditer(text):
        body = m.group()
        if doc.directives and DIRECTIVE.fullmatch(body.strip()):
            continue  # a comment line of its own is not prose
        tm = TextMap()
        start = m.start()
        stripped = body.lstrip()
        start += len(body) - len(stripped)
        tm.copy(stripped.rstrip(), start)
        headline = first and looks_like_headline(tm.text)
        first = False
        doc.blocks.append(Block("heading" if headline else "paragraph", tm, (), headline))
    return doc


def fix_replacement(doc: Document, start: int, end: int, plain: str, replacement: str) -> str | None:
    """The source text for a fix of [start, end), or None when it is not safe here.

    The span must be verbatim text; a fix that could change the paragraphs or the
    headline (a line break, a line left blank) is checked by parsing the fixed text again.
    """
    return verbatim_fix(parse, doc, start, end, plain, replacement)
