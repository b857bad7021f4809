"""Input formats: each module turns decoded file text into a `Document`.

A format module exposes `parse(path, text) -> Document`. Which one runs is
decided by the file extension (or `--stdin-filename` for standard input).
"""
from __future__ import annotations

import os

from ..document import Document
from . import html, jsonl, markdown, plaintext, tsv, xliff

EXTENSIONS = {
    ".txt": plaintext,
    ".text": plaintext,
    ".md": markdown,
    ".markdown": markdown,
    ".mdown": markdown,
    ".html": html,
    ".htm": html,
    ".xhtml": html,
    ".xlf": xliff,  # bilingual: the source travels in the file
    ".xliff": xliff,
    ".tsv": tsv,
    ".jsonl": jsonl,
}
# Data formats read only when named on the command line, never picked up from a folder walk.
EXPLICIT_ONLY = (".tsv", ".jsonl")


def format_for(path: str):
    """The format module for `path`, or None when the extension is not one mtlint reads."""
    return EXTENSIONS.get(os.path.splitext(path)[1].lower())


def parse(path: str, text: str, has_bom: bool = False) -> Document:
    """Parse decoded `text` of `path` into a Document (plain text when unknown)."""
    module = format_for(path) or plaintext
    doc = module.parse(path, text)
    doc.has_bom = has_bom
    return doc
