"""Input formats: each module turns decoded file text into a `Document`.

A format module exposes `NAME` (the `Document.format` it produces),
`parse(path, text) -> Document` and `fix_replacement(doc, start, end, plain,
replacement) -> str | None` (how a fix is written in that format's markup, or None
when the span cannot be rewritten safely). Which one runs is decided by the file
extension (or `--stdin-filename` for standard input).
"""
from __future__ import annotations

import importlib
import os

from ..document import Document

# Extension -> the `Document.format` of the module that reads it; modules are imported on first use
# (a run over plain text never loads the Markdown or HTML parser).
EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xlf": "xliff",  # bilingual: the source travels in the file
    ".xliff": "xliff",
    ".tsv": "tsv",
    ".jsonl": "jsonl",
}
# Document.format -> module name
MODULES = {"text": "plaintext", "markdown": "markdown", "html": "html", "xliff": "xliff", "tsv": "tsv", "jsonl": "jsonl"}
# Data formats read only when named on the command line, never picked up from a folder walk.
EXPLICIT_ONLY = (".tsv", ".jsonl")


def module_for(name: str):
    """The format module that produced documents of format `name`."""
    return importlib.import_module(f"{__name__}.{MODULES[name]}")


def fix_replacement(doc: Document, start: int, end: int, plain: str, replacement: str) -> str | None:
    """What to write over [start, end) of `doc` so that its plain `plain` reads `replacement`.

    None when the fix is not safe in this format (it would damage or create markup);
    each format module decides.
    """
    return module_for(doc.format).fix_replacement(doc, start, end, plain, replacement)


def format_name(path: str) -> str | None:
    """The format of `path` by its extension, or None when the extension is not one mtlint reads."""
    return EXTENSIONS.get(os.path.splitext(path)[1].lower())


def format_for(path: str):
    """The format module for `path`, or None when the extension is not one mtlint reads."""
    name = format_name(path)
    return module_for(name) if name else None


def parse(path: str, text: str, has_bom: bool = False) -> Document:
    """Parse decoded `text` of `path` into a Document (plain text when unknown)."""
    module = module_for(format_name(path) or "text")
    doc = module.parse(path, text)
    doc.has_bom = has_bom
    return doc
