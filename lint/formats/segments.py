"""Segment exports from QA tools: a two-column TSV (source, target) or JSONL of {source, target}.

Each target is a block mapped to its place in the file (for JSONL through the
string literal's escapes, read with the json module's own scanner); the sources
are paired one to one.
"""
from __future__ import annotations

import json
from json.decoder import scanstring

from ..document import Block, Document, TextMap
from ..errors import InputError

_WS = " \t"


def _context(doc: Document, sources: list[str]) -> None:
    from ..bilingual.context import BilingualContext

    BilingualContext(sources, doc.path, None, "en", [], segmented=True).attach(doc)


def _parse(path: str, text: str, fmt: str, segment) -> Document:
    """A segment export: `segment(path, line, start, number)` gives each line's (source, target TextMap) or None."""
    doc = Document(path=path, text=text, format=fmt)
    sources = []
    offset = 0
    for number, line in enumerate(text.split("\n"), 1):
        start, offset = offset, offset + len(line) + 1
        if not line.strip():
            continue
        pair = segment(path, line, start, number)
        if pair is not None and pair[1].text.strip():
            doc.blocks.append(Block("paragraph", pair[1]))
            sources.append(pair[0])
    _context(doc, sources)
    return doc


def _tsv_segment(path: str, line: str, start: int, number: int):
    body = line[:-1] if line.endswith("\r") else line
    if "\t" not in body:
        raise InputError("a segment line needs a source and a target separated by a tab", path, number)
    source, target = body.split("\t", 2)[:2]
    if number == 1 and source.strip().lower() == "source" and target.strip().lower() == "target":
        return None  # a header row
    lead = len(target) - len(target.lstrip())
    tm = TextMap()
    tm.copy(target.strip(), start + len(source) + 1 + lead)
    return source.strip(), tm


def _jsonl_segment(path: str, line: str, start: int, number: int):
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc.msg} (column {exc.colno})", path, number) from None
    if not isinstance(obj, dict) or not isinstance(obj.get("source"), str) or not isinstance(obj.get("target"), str):
        raise InputError('each line must be an object with string "source" and "target"', path, number)
    tm = _target_map(line, start)
    return (obj["source"], tm) if tm is not None else None


def parse_tsv(path: str, text: str) -> Document:
    return _parse(path, text, "tsv", _tsv_segment)


def parse_jsonl(path: str, text: str) -> Document:
    return _parse(path, text, "jsonl", _jsonl_segment)


def _target_map(line: str, base: int) -> TextMap | None:
    """The "target" value of a JSON object line, mapped escape by escape to the line's characters."""
    i = line.index("{") + 1
    while i < len(line):
        while line[i] in _WS + ",":
            i += 1
        if line[i] == "}":
            return None
        key, i = scanstring(line, i + 1)
        while line[i] in _WS + ":":
            i += 1
        if key == "target" and line[i] == '"':
            return _string_map(line, i + 1, base)
        _, i = json.JSONDecoder().raw_decode(line, i)
    return None


def _string_map(line: str, i: int, base: int) -> TextMap:
    tm = TextMap()
    while line[i] != '"':
        if line[i] == "\\":
            length = 6 if line[i + 1] == "u" else 2
            if line[i + 1] == "u" and line[i + 6:i + 8] == "\\u" and 0xD800 <= int(line[i + 2:i + 6], 16) < 0xDC00:
                length = 12  # a surrogate pair
            decoded, _ = scanstring('"' + line[i:i + length] + '"', 1)
            tm.replace(decoded, base + i, base + i + length)
            i += length
        else:
            j = i
            while line[j] not in '"\\':
                j += 1
            tm.copy(line[i:j], base + i)
            i = j
    return _strip(tm)


def _strip(tm: TextMap) -> TextMap:
    from .xliff import _trimmed

    return _trimmed(tm)
