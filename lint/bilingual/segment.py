"""Sentence segmentation for any source or target language, with offsets.

sentencex (Wikimedia's segmenter, ~300 languages including zh, ja, uk, ru, de,
fr, es) returns the sentences as strings that concatenate to the input; we turn
them into (start, end) spans trimmed of surrounding white space.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..document import trimmed_spans


@lru_cache(maxsize=4096)
def sentences(text: str, lang: str) -> tuple[tuple[int, int], ...]:
    spans, pos = [], 0
    from sentencex import segment as _segment  # loaded when a bilingual check first splits sentences

    for piece in _segment(lang or "en", text):
        found = text.find(piece, pos)
        if found < 0:  # the segmenter normalised something: fall back to the running position
            found = pos
        if spans and _DECIMAL_CUT.match(text, spans[-1][1] - 2) and found == spans[-1][1]:
            spans[-1] = (spans[-1][0], found + len(piece))  # ５．２: a full-width decimal point is no sentence end
        else:
            spans.append((found, found + len(piece)))
        pos = found + len(piece)
    if "." in text:
        spans = _join_false_stops(text, spans)
    return tuple(trimmed_spans(text, spans)) or ((0, len(text)),) if text.strip() else ()


def _join_false_stops(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans cut at a full stop that ends no sentence joined again: inside an era's abbreviation (après J.-C.,
    v. Chr., a. C., н. е.), or after the ordinal of a German club's name (Frankfurt hosts 1. FC Köln)."""
    stops = [m.span() for m in _ERA.finditer(text)] + [(m.start(), m.end() + 1) for m in _CLUB_ORDINAL.finditer(text)]
    if not stops:
        return spans
    out = [spans[0]]
    for start, end in spans[1:]:
        if any(a < start < b for a, b in stops):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


_DECIMAL_CUT = regex.compile(r"[0-9０-９][.．][0-9０-９]")
# An era's abbreviation up to its last full stop (après J.-C., v. Chr., a. C., н. е.): no sentence ends there.
ERA_BEFORE_ITS_STOP = r"\bJ\.-C|\b[vn]\.\s?(?:u\.\s?Z|Chr)|\b[ad]\.\s?(?:de\s)?(?:J\.\s?)?C|(?<!\p{L})н\.\s?[эе]"
_ERA = regex.compile(rf"(?:{ERA_BEFORE_ITS_STOP})\.")
# A German club's ordinal: 1. FC Köln, 1. FSV Mainz 05, 1. FFC Turbine Potsdam (up to the club's initials); not a
# figure that ends a sentence before initials ("ruled 6-3. US President", "2:1. ФК Ростов", "minute 9. VAR"): only
# "1." on its own, before a German club's initials
_CLUB_ORDINAL = regex.compile(r"(?<![\p{L}\d.,:;/+\-–—])1\.\s+(?=(?:FC|FSV|FFC|SC|SV|TSV|VfB|VfL|BC|SSV|FCN|FCK|CfR)\s\p{Lu})")
