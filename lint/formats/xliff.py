"""XLIFF 1.2 and 2.x: the target segments are the blocks, the source segments their source.

Parsed with expat (the standard library's XML parser, also under lxml's API
family) because it reports the byte offset of every event: each piece of target
text maps back to its exact place in the XLIFF file, entities (`&amp;`) and
character references as atomic spans, inline tags (`<g>`, `<pc>`, `<ph/>`,
`<x/>` …) left out of the text but counted, so a tag lost in translation is found.
"""
from __future__ import annotations

import html as html_lib

from xml.parsers import expat

from ..document import Block, Document, TextMap
from ..errors import InputError

_UNIT = {"trans-unit", "segment"}  # 1.2: trans-unit; 2.x: segment (inside unit)
_TEXT_INLINE = {"g", "pc", "mrk"}  # their content is text
_CODE_INLINE = {"ph", "bpt", "ept", "it", "sub"}  # 1.2 native code: not text (2.x <ph/> is empty anyway)
_EMPTY_INLINE = {"x", "bx", "ex", "sc", "ec", "sm", "em", "ph", "cp"}


def _local(name: str) -> str:
    return name.rsplit(" ", 1)[-1].rsplit(":", 1)[-1]


class _Segment:
    def __init__(self) -> None:
        self.source: list[str] = []
        self.target: TextMap | None = None
        self.source_tags: list[str] = []
        self.target_tags: list[str] = []


NAME = "xliff"


def parse(path: str, text: str) -> Document:
    from ..bilingual.context import BilingualContext

    data = text.encode("utf-8")
    # byte offset -> code point offset, for the non-ASCII parts
    ascii_only = len(data) == len(text)
    if not ascii_only:
        index = []
        pos = 0
        for ch in text:
            index.append(pos)
            pos += len(ch.encode("utf-8"))
        byte_to_cp = {b: i for i, b in enumerate(index)}
        byte_to_cp[len(data)] = len(text)
    doc = Document(path=path, text=text, format=NAME)
    segments: list[_Segment] = []
    state = {"seg": None, "side": None, "code": 0, "version": None, "srclang": None, "trglang": None, "root": None}
    parser = expat.ParserCreate("UTF-8", namespace_separator=" ")  # the text is re-encoded: its declaration may say UTF-16
    parser.buffer_text = False

    def cp(byte_index: int) -> int:
        return byte_index if ascii_only else byte_to_cp.get(byte_index, 0)

    def start(name, attrs):
        tag = _local(name)
        if state["root"] is None:
            state["root"] = tag
            if tag != "xliff":
                raise InputError(f"not an XLIFF file (root element <{tag}>)", path, parser.CurrentLineNumber)
            state["version"] = attrs.get("version")
            state["srclang"] = attrs.get("srcLang")
            state["trglang"] = attrs.get("trgLang")
        if tag == "file" and not state["srclang"]:
            state["srclang"] = attrs.get("source-language")
            state["trglang"] = attrs.get("target-language")
        if tag in _UNIT:
            state["seg"] = _Segment()
        elif state["seg"] is not None and tag in ("source", "target") and state["side"] is None:
            state["side"] = tag
            if tag == "target":
                state["seg"].target = TextMap()
        elif state["side"]:
            seg = state["seg"]
            label = f"{tag}#{attrs.get('id') or attrs.get('rid') or ''}"
            (seg.source_tags if state["side"] == "source" else seg.target_tags).append(label)
            if tag in _CODE_INLINE and tag not in _TEXT_INLINE:
                state["code"] += 1

    def end(name):
        tag = _local(name)
        if tag in _UNIT and state["seg"] is not None:
            segments.append(state["seg"])
            state["seg"] = None
        elif tag in ("source", "target") and state["side"] == tag:
            state["side"] = None
        elif state["side"] and tag in _CODE_INLINE and tag not in _TEXT_INLINE:
            state["code"] -= 1

    def chars(data_text):
        if not state["side"] or state["code"]:
            return
        seg = state["seg"]
        if state["side"] == "source":
            seg.source.append(data_text)
            return
        b = parser.CurrentByteIndex
        raw = data[b:b + len(data_text.encode("utf-8"))]
        if raw.decode("utf-8", "replace") == data_text:
            seg.target.copy(data_text, cp(b))
        else:  # an entity, a character reference or a CRLF: one atomic span of the original
            if data[b:b + 1] == b"&":
                stop = data.find(b";", b) + 1
            elif data[b:b + 2] == b"\r\n":
                stop = b + 2
            else:
                stop = b + 1
            seg.target.replace(data_text, cp(b), cp(stop))

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise InputError(f"not valid XML: {expat.errors.messages[exc.code]} (column {exc.offset + 1})", path, exc.lineno) from None
    if state["root"] is None:
        raise InputError("not an XLIFF file", path)
    sources, tags = [], []
    for seg in segments:
        if seg.target is None or not seg.target.text.strip():
            continue  # not translated yet: nothing to check
        tm = _trimmed(seg.target)
        doc.blocks.append(Block("paragraph", tm))
        sources.append("".join(seg.source).strip())
        tags.append((sorted(seg.source_tags), sorted(seg.target_tags)))
    ctx = BilingualContext(sources, path, state["srclang"], state["trglang"] or "en", [], segmented=True)
    ctx.inline_tags = tags
    ctx.attach(doc)
    return doc


def _trimmed(tm: TextMap) -> TextMap:
    """The segment's text without surrounding white space (XML indentation), mapped as before."""
    text = tm.text
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    out = TextMap()
    i = start
    while i < end:  # copy character by character through the map: exact for verbatim and atomic pieces
        j = i + 1
        o_start, o_end = tm.orig_start(i), tm.orig_end(j)
        if o_end - o_start == 1:
            out.copy(text[i], o_start)
        else:
            out.replace(text[i], o_start, o_end)
        i = j
    return out


def fix_replacement(doc: Document, start: int, end: int, plain: str, replacement: str) -> str | None:
    """XML text: a span with no tag whose decoded text is what the rule saw; the fix is escaped as XML."""
    original = doc.text[start:end]
    if "<" in original or html_lib.unescape(original) != plain:
        return None
    return html_lib.escape(replacement, quote=False)
