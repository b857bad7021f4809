"""mojibake: text decoded with the wrong character set ("donâ€™t", "cafÃ©").

A scraper that reads UTF-8 as Windows-1252 or Latin-1 turns every apostrophe,
accent and dash into a run of odd characters. The detection and the repair are
ftfy's (a maintained library that knows the encodings and avoids false
positives), not a hand-made table; mtlint only narrows each repair down to the
characters that change and offers the repaired text as the fix.

ftfy leaves a lone broken letter in an otherwise clean text alone
("EskiÅŸehir", "ErdoÄŸan": it cannot tell it from a rare letter pair). What it
leaves, mtlint tries itself, narrowly: a UTF-8 byte sequence read as
Windows-1252 inside a lower-case word that decodes strictly to one letter.
"""
from __future__ import annotations

import importlib
from difflib import SequenceMatcher
from functools import lru_cache

import regex

from ..lazyre import compile_lazily
from ..chars import Chars
from .base import Rule

# UTF-8 lead byte read as Latin-1/Windows-1252 (Â..ô), then a continuation byte read the same way.
# Cheap: only blocks with such a pair are given to ftfy.
_SUSPECT = compile_lazily(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
# A block without _SUSPECT's first character is skipped by the first test of `hits`.
_TRIGGER = Chars(regex.compile("[\u00c2-\u00f4]"))



def _sloppy(byte: int) -> str:
    """What ftfy's sloppy Windows-1252 reads one byte as: Windows-1252, and Latin-1 for the five bytes it leaves
    undefined (without importing ftfy, a third of start-up, for a table)."""
    if byte == 0x1A:  # (ftfy reads SUBSTITUTE as the replacement character)
        return "\ufffd"
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


def _chars(first: int, last: int) -> str:
    """The characters Windows-1252 (ftfy's sloppy variant: every byte maps) reads bytes first..last as."""
    return regex.escape("".join(map(_sloppy, range(first, last + 1))), special_only=False)


_CONT = "[" + _chars(0x80, 0xBF) + "]"
# A whole UTF-8 sequence for one character (lead byte, then its continuation bytes) read as Windows-1252.
_SEQUENCE = compile_lazily(
    "(?:[" + _chars(0xC2, 0xDF) + "]" + _CONT + "|[" + _chars(0xE0, 0xEF) + "]" + _CONT + "{2}|[" + _chars(0xF0, 0xF4) + "]" + _CONT + "{3})"
)


def _lone_letters(text: str) -> str:
    """`text` with each broken letter inside a lower-case word repaired (what ftfy leaves: "EskiÅŸehir")."""
    out, last = [], 0
    for m in _SEQUENCE.finditer(text):
        s, e = m.span()
        before, after = text[s - 1 : s], text[e : e + 1]
        if not (before.islower() or after.islower()):  # inside a lower-case word, not in capitals or alone
            continue
        importlib.import_module("ftfy.bad_codecs")  # registers "sloppy-windows-1252" (only once a letter is read)

        try:
            letter = m.group().encode("sloppy-windows-1252").decode("utf-8")
        except UnicodeError:
            continue
        if len(letter) == 1 and letter.isalpha():
            out += [text[last:s], letter]
            last = e
    return "".join(out) + text[last:] if out else text


def _fix_encoding(text: str) -> str:
    """`ftfy.fix_encoding(text)`. ftfy returns a text its heuristic (`ftfy.badness.is_bad`) does not find bad
    unchanged, before anything else; that test is asked first, from ftfy's badness.py loaded on its own (it
    imports nothing of ftfy's): most suspect blocks are Czech or Turkish names ("Lukáš"), and the whole package
    (its tables, wcwidth, codecs) costs four times as much to import as that one module."""
    is_bad = _ftfy_is_bad()
    if is_bad is not None and not is_bad(text):
        return text
    import ftfy  # a third of start-up: only once a block looks like mojibake to ftfy itself

    return ftfy.fix_encoding(text)


@lru_cache(maxsize=None)
def _ftfy_is_bad():
    """ftfy's `badness.is_bad`, from the installed ftfy's badness.py run as a module of its own (without the
    package's __init__); None when that cannot be done (then ftfy.fix_encoding decides, as it always did)."""
    try:
        import importlib.util
        import os

        package = importlib.util.find_spec("ftfy")
        spec = importlib.util.spec_from_file_location("_mtlint_ftfy_badness",
                                                      os.path.join(os.path.dirname(package.origin), "badness.py"))
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module.is_bad
    except Exception:
        return None


class Mojibake(Rule):
    kind = "mojibake"
    FIELDS = ()
    DEFAULT_MESSAGE = "'{match}' is mojibake (text decoded with the wrong character set): it should read '{suggestion}'."

    def trigger(self):
        return _TRIGGER

    def hits(self, doc):
        for block, start, end in doc.units(self.scope):
            text = block.text[start:end]
            if text.isascii() or not _SUSPECT.search(text):
                continue
            fixed = _lone_letters(_fix_encoding(text))
            if fixed == text:
                continue
            for s, e, replacement in _changes(text, fixed):
                if not self.excepted(block, start + s, start + e):
                    yield self.hit(block, start + s, start + e, None, [replacement])


def _changes(old: str, new: str) -> list[tuple[int, int, str]]:
    """Changed spans of `old` with their replacement; changes inside one word are merged."""
    spans: list[list] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if spans and i1 - spans[-1][1] <= 2 and not any(c.isspace() for c in old[spans[-1][1] : i1]):
            spans[-1][1], spans[-1][3] = i2, j2
        else:
            spans.append([i1, i2, j1, j2])
    return [(i1, i2, new[j1:j2]) for i1, i2, j1, j2 in spans if i2 > i1]
