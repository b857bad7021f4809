"""Small text helpers shared by rule kinds: diacritic folding, tries, templating."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

# Letters that carry a diacritic-like mark but do not decompose under NFD.
_SPECIAL_FOLDS = {
    "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ı": "i", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "ħ": "h", "Ħ": "H", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th",
}


def fold_char(ch: str) -> str:
    """The plain-ASCII letters a writer who drops diacritics types for `ch`."""
    if ch in _SPECIAL_FOLDS:
        return _SPECIAL_FOLDS[ch]
    decomposed = unicodedata.normalize("NFD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class _FoldTable(dict):
    """code point -> its folded letters, for str.translate: filled on first sight of each character."""

    def __missing__(self, cp: int) -> str:
        folded = self[cp] = fold_char(chr(cp))
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """`text` with its diacritics removed ("Séjourné" -> "Sejourne"); one C-level pass, not a loop per character."""
    text = unicodedata.normalize("NFC", text)
    if text.isascii():
        return text
    return text.translate(_FOLD_TABLE)


def has_diacritics(text: str) -> bool:
    return fold(text) != unicodedata.normalize("NFC", text)


class Trie:
    """Builds one compact regex alternation from many literal phrases.

    Each phrase is a sequence of units; a unit has a key (what makes two phrases
    share a branch) and the regex alternatives that match it. A trie regex is far
    faster than a flat alternation of hundreds of phrases and, because optional
    continuations are greedy, always prefers the longest phrase at a position.

    A phrase may carry a `tag`; `pattern(only=tags)` is then the same trie pruned
    to the phrases of those tags, branches in the same order, so at any position it
    matches what the whole trie matches whenever that is one of those phrases.
    """

    def __init__(self) -> None:
        self.root: dict = {}

    def add(self, units: list[tuple[str, frozenset[str]]], tag=None) -> None:
        # Nodes hold frozensets shared with the units and other nodes (a new one only when a node's set grows):
        # a trie of thousands of names holds a hundred thousand nodes.
        node = self.root
        tags = _tags(tag)
        for key, alternatives in units:
            entry = node.get(key)
            if entry is None:
                entry = node[key] = [alternatives, {}, tags]
            else:
                if not alternatives <= entry[0]:
                    entry[0] = entry[0] | alternatives
                if tag not in entry[2]:
                    entry[2] = entry[2] | tags
            node = entry[1]
        ends = node.get("")
        node[""] = tags if ends is None else ends | tags

    def add_literal(self, phrase: str, tag=None) -> None:
        self.add(list(map(_literal_unit, phrase)), tag)

    def add_folded(self, phrase: str, tag=None) -> None:
        """Add `phrase` so that it matches with or without its diacritics (NFC or NFD)."""
        self.add(list(map(_folded_unit, unicodedata.normalize("NFC", phrase))), tag)

    def pattern(self, only=None) -> str:
        return self._emit(self.root, only)

    def whole_words(self, only=None) -> str:
        """The trie's pattern, matching only where no letter or mark touches either end."""
        return WORD_START + self.pattern(only) + WORD_END

    def _emit(self, node: dict, only=None) -> str:
        branches = []
        for key, value in node.items():
            if key == "":
                continue
            alts, child, tags = value
            if only is not None and only.isdisjoint(tags):
                continue
            # longest first, then by text: the same pattern in every process (a set's order changes with the
            # process's string hashing), so that packcache can keep it between runs
            alt = next(iter(alts)) if len(alts) == 1 else "(?:" + "|".join(sorted(alts, key=_longest_first)) + ")"
            branches.append(alt + self._emit(child, only))
        ends = "" in node and (only is None or not only.isdisjoint(node[""]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body


def _longest_first(alternative: str) -> tuple[int, str]:
    return -len(alternative), alternative


@lru_cache(maxsize=4096)
def _escape(text: str) -> str:
    return regex.escape(text)


@lru_cache(maxsize=4096)
def _folded_unit(c: str) -> tuple[str, frozenset[str]]:
    """`c` with or without its diacritics, composed or decomposed (a space: any run of white space)."""
    if _space_unit(c):
        return _space_unit(c)
    base = fold_char(c)
    return base, frozenset({_escape(c), _escape(base), _escape(unicodedata.normalize("NFD", c))})


@lru_cache(maxsize=None)
def _tags(tag) -> frozenset:
    return frozenset([tag])


@lru_cache(maxsize=4096)
def _literal_unit(c: str) -> tuple[str, frozenset[str]]:
    return _space_unit(c) or (c, frozenset([_escape(c)]))


WORD_START = r"(?<![\w\p{M}])"  # not preceded by a letter, digit or combining mark
WORD_END = r"(?![\w\p{M}])"


def _space_unit(c: str):
    """A space in a phrase matches any run of white space (a line break in a paragraph, a no-break space)."""
    return (" ", frozenset([r"\s+"])) if c == " " else None


def squash_spaces(text: str) -> str:
    """`text` with each run of white space turned into one space (to look a matched phrase up)."""
    return " ".join(text.split())


_PLACEHOLDER = regex.compile(r"\{(\w+)\}")


def render(template: str, values: dict[str, str]) -> str:
    """Fill `{name}` placeholders; unknown names are left as they are. Code inside the text a value quotes
    (U+FFFC in plain text, see document.EMBEDDED) reads as an ellipsis."""
    return _PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0)) or "").replace("\ufffc", "…"), template)
