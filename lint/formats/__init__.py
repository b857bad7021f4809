"""Input formats: each module turns decoded file text into a `Document`.

A format module exposes `NAME` (the `Document.format` it produces),
`parse(path, text) -> Document` and `fix_replacement(doc, start, end, plain,
replacement) -> str | None` (how a fix is written in that format's markup, or None
when the span cannot be rewritten safely). Which one runs is decided by the file
extension (or `--stdin-filename` for standard input).
"""
from __future__ import annotations

import os

from ..document import Document
from . import html, markdown, plaintext

EXTENSIONS = {
    ".txt": plaintext,
    ".text": plaintext,
    ".md": markdown,
    ".markdown": markdown,
    ".mdown": markdown,
    ".html": html,
    ".htm": html,
    ".xhtml": html,
}


BY_NAME = {module.NAME: module for module in (plaintext, markdown, html)}


def module_for(name: str):
    """The format module that produced documents of format `name`."""
    return BY_NAME[name]


def fix_replacement(doc: Document, start: int, end: int, plain: str, replacement: str) -> str | None:
    """What to write over [start, end) of `doc` so that its plain `plain` reads `replacement`.

    None when the fix is not safe in this format (it would damage or create markup);
    each format module decides.
    """
    return module_for(doc.format).fix_replacement(doc, start, end, plain, replacement)


def format_for(path: str):
    """The format module for `path`, or None when the extension is not one mtlint reads."""
    return EXTENSIONS.get(os.path.splitext(path)[1].lower())


def parse(path: str, text: str, has_bom: bool = False) -> Document:
    """Parse decoded `text` of `path` into a Document (plain text when unknown)."""
    module = format_for(path) or plaintext
    doc = module.parse(path, text)
    doc.has_bom = has_bom
    return doc
