"""Between mtlint's plain text and LanguageTool's: joining paragraphs, UTF-16 offsets, mapping back.

LanguageTool is a Java program: its offsets and lengths count UTF-16 code units, so an
emoji or any other character outside the Basic Multilingual Plane counts twice there and
once in Python. Matches are mapped back to the paragraph they fall in, in code points.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

SEPARATOR = "\n\n"  # paragraphs stay paragraphs for LanguageTool


@dataclass(frozen=True)
class LTMatch:
    """One LanguageTool match, in code points of one paragraph."""

    start: int
    end: int
    rule: str
    message: str
    replacements: tuple[str, ...]
    category: str
    issue_type: str

    def as_list(self) -> list:
        return [self.start, self.end, self.rule, self.message, list(self.replacements), self.category, self.issue_type]

    @classmethod
    def from_list(cls, data: list) -> "LTMatch":
        start, end, rule, message, replacements, category, issue_type = data
        return cls(start, end, rule, message, tuple(replacements), category, issue_type)


def utf16_to_codepoints(text: str):
    """A function turning a UTF-16 offset into `text` into a code-point offset."""
    astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
    if not astral:
        return lambda offset: offset
    # The UTF-16 offset at which each astral character starts.
    units = [i + n for n, i in enumerate(astral)]

    def convert(offset: int) -> int:
        # Each astral character starting before `offset` took one unit more.
        return offset - bisect.bisect_left(units, offset)

    return convert


def join(texts: list[str]) -> tuple[str, list[int]]:
    """The texts as one request body, and where each starts (code points)."""
    starts, pos = [], 0
    for text in texts:
        starts.append(pos)
        pos += len(text) + len(SEPARATOR)
    return SEPARATOR.join(texts), starts


def split_matches(raw: list[dict], body: str, starts: list[int], lengths: list[int]) -> list[list[LTMatch]]:
    """LanguageTool's JSON matches over `body`, per text, in code points of that text.

    A match that crosses from one text into the next (it would sit on the separator)
    belongs to no paragraph and is dropped.
    """
    convert = utf16_to_codepoints(body)
    out: list[list[LTMatch]] = [[] for _ in starts]
    for m in raw:
        start = convert(m["offset"])
        end = convert(m["offset"] + m["length"])
        i = bisect.bisect_right(starts, start) - 1
        if i < 0:
            continue
        local_start, local_end = start - starts[i], end - starts[i]
        if local_end > lengths[i] or local_start >= lengths[i]:
            continue
        rule = m.get("rule", {})
        out[i].append(LTMatch(
            local_start, max(local_end, local_start),
            rule.get("id", "UNKNOWN"),
            m.get("message", ""),
            tuple(r.get("value", "") for r in m.get("replacements", [])[:5]),
            rule.get("category", {}).get("id", ""),
            rule.get("issueType", ""),
        ))
    return out


def batches(texts: list[str], max_chars: int) -> list[list[int]]:
    """Indexes of `texts` grouped into request bodies of at most `max_chars` (a longer text goes alone)."""
    groups: list[list[int]] = []
    size = 0
    for i, text in enumerate(texts):
        if groups and size + len(SEPARATOR) + len(text) <= max_chars:
            groups[-1].append(i)
            size += len(SEPARATOR) + len(text)
        else:
            groups.append([i])
            size = len(text)
    return groups
