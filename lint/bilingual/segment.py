"""Sentence segmentation for any source or target language, with offsets.

sentencex (Wikimedia's segmenter, ~300 languages including zh, ja, uk, ru, de,
fr, es) returns the sentences as strings that concatenate to the input; we turn
them into (start, end) spans trimmed of surrounding white space.
"""
from __future__ import annotations

from functools import lru_cache

from ..document import trimmed_spans


@lru_cache(maxsize=4096)
def sentences(text: str, lang: str) -> tuple[tuple[int, int], ...]:
    spans, pos = [], 0
    from sentencex import segment as _segment  # loaded when a bilingual check first splits sentences

    for piece in _segment(lang or "en", text):
        found = text.find(piece, pos)
        if found < 0:  # the segmenter normalised something: fall back to the running position
            found = pos
        pos = found + len(piece)
        spans.append((found, pos))
    return tuple(trimmed_spans(text, spans)) or ((0, len(text)),) if text.strip() else ()
