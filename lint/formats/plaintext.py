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


def _paragraphs(text: str):
    """(start, end) of each match of _PARAGRAPH in `text`: runs of lines holding a character that is not
    white space (to the regex: str.strip() leaves such a line something, or it holds one of \x1c-\x1f,
    which only str calls white space). Line by line with str methods when there is no CR (the regex
    otherwise): the regex tests every character."""
    if "\r" in text:
        return [m.span() for m in _PARAGRAPH.finditer(text)]
    spans, at, run_start, run_end = [], 0, -1, -1
    size = len(text)
    while at <= size:
        end = text.find("\n", at)
        if end == -1:
            end = size
        line = text[at:end]
        if line.strip() or (line and any(c in line for c in "\x1c\x1d\x1e\x1f")):
            if run_start == -1:
                run_start = at
            run_end = end
        elif run_start != -1:
            spans.append((run_start, run_end))
            run_start = -1
        at = end + 1
    if run_start != -1:
        spans.append((run_start, run_end))
    return spans


def parse(path: str, text: str) -> Document:
    doc = Document(path=path, text=text, format=NAME)
    doc.directives = find_directives(text) if "mtlint-" in text else []
    first = True
    for start, end in _paragraphs(text):
        body = text[start:end]
        if doc.directives and DIRECTIVE.fullmatch(body.strip()):
            continue  # a comment line of its own is not prose
        tm = TextMap()
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
