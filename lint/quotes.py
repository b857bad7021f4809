"""Finding quotations in plain text, with English and foreign quote marks.

Used by the document model (the "quotation" scope) and by quotation rules.
A quotation left open at the end of a block is returned with `closed=False`:
in English a quotation that runs over several paragraphs leaves each paragraph
but the last one open, so an open quote is not an error by itself.
"""
from __future__ import annotations

from dataclasses import dataclass



# opening mark -> closing marks it may pair with
PAIRS = {
    "“": "”",  # English
    "„": "“”",  # German, Czech ("„…“"), Polish, Romanian ("„…”")
    "«": "»",  # French, Russian, Ukrainian, Spanish
    "»": "«",  # Danish, some German
    "‹": "›",
    "「": "」",
    "『": "』",
    "‚": "‘’",  # German, Czech single
    "‘": "’",  # English single (only when it cannot be an apostrophe)
    '"': '"',  # straight double
}


@dataclass(frozen=True)
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (or the block end if left open)
    opener: str
    closer: str  # "" when left open
    inner_start: int
    inner_end: int

    @property
    def closed(self) -> bool:
        return bool(self.closer)


# Jump from one quote mark to the next instead of walking every character: str.find of each mark the text
# holds at all (a regex search costs a call and a test per character; a block holds one or two kinds of mark).
_RELEVANT = {ch: ch + "".join(c for c in closers if c != ch) for ch, closers in PAIRS.items()}


def _next(text: str, marks, start: int) -> int:
    """Where the first of `marks` (characters) at or after `start` is in `text`; -1: none."""
    best = -1
    for mark in marks:
        at = text.find(mark, start, best if best != -1 else len(text))
        if at != -1:
            best = at
    return best

# French typography puts a (no-break) space inside guillemets: "« Oui »".
_SPACED_OPENERS = "«‹"


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace() and not (text[i] in _SPACED_OPENERS and i + 2 < len(text) and not text[i + 2].isspace()):
        return False
    if text[i] in "‘\"":  # ambiguous marks open only after space or an opening bracket
        return before.isspace() or before in "([{—–-/"
    return True


def find_quotations(text: str) -> list[Quote]:
    """Top-level quotations in `text`, in order. Nested quotations stay inside their parent."""
    quotes: list[Quote] = []
    i, n = 0, len(text)
    openers = [mark for mark in PAIRS if mark in text]
    while True:
        i = _next(text, openers, i)
        if i == -1:
            break
        ch = text[i]
        if not _can_open(text, i):
            i += 1
            continue
        closers = PAIRS[ch]
        relevant = [mark for mark in _RELEVANT[ch] if mark in text]
        j = i + 1
        depth = 0
        while True:
            j = _next(text, relevant, j)
            if j == -1:
                j = n
                break
            c = text[j]
            if c in closers and depth == 0 and not (c == "’" and j + 1 < n and text[j + 1].isalpha()):
                if c == '"' and j + 1 < n and text[j + 1].isalnum():
                    j += 1
                    continue
                break
            if c == ch and ch not in closers and _can_open(text, j):
                depth += 1
            elif c in closers and depth:
                depth -= 1
            j += 1
        if j < n:
            quotes.append(Quote(i, j + 1, ch, text[j], i + 1, j))
            i = j + 1
            continue
        if ch not in "‘\"":  # an ambiguous mark left open is more likely a stray
            quotes.append(Quote(i, n, ch, "", i + 1, n))
            break
        i += 1
    return quotes
