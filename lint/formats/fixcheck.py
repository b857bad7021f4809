"""Whether a fix leaves the rest of the document parsed the same: shared by every format.

A fix replaces text with text, but the characters around it may make markup of the
result (`<&#x4Biev>` fixed to `<Kyiv>` is a tag; `&#x` + `Beijing` is a character
reference; a `*` or a line start of `1.` in Markdown). A replacement of letters by
letters, with nothing markup-like beside it, cannot; anything else is parsed again
and its blocks compared with what the fix should give.
"""
from __future__ import annotations

import regex

from ..document import Document
from ..errors import InputError

# Words of letters (and digits after the first letter), single spaces between them.
_WORDS = regex.compile(r"\p{L}[\p{L}\p{M}\p{N}]*(?: \p{L}[\p{L}\p{M}\p{N}]*)*")


def is_words(original: str, replacement: str) -> bool:
    """Both sides are plain words: swapping one for the other changes no markup around them."""
    return bool(_WORDS.fullmatch(original) and _WORDS.fullmatch(replacement))


# Characters no markup mtlint reads is made of: not ASCII, not white space, not control characters.
_NO_MARKUP = regex.compile(r"[^\x00-\x7f\s\p{C}]+")
# Neighbours whose meaning can depend on the character beside them: emphasis delimiters (flanking looks at
# whether the next character is punctuation), code spans, escapes, entities, tags and links.
_SENSITIVE = frozenset("*_~`<>&[]\\!|#;")


def is_inert(text: str, start: int, end: int, original: str, replacement: str) -> bool:
    """A fix of non-ASCII characters for non-ASCII characters or none (â€™ to ’, Ã© to é) beside nothing markup-like:
    no format's markup can appear or change, so the document need not be parsed again (a mojibake-ridden
    article gets hundreds of such fixes: parsing it again for each was quadratic)."""
    if not (_NO_MARKUP.fullmatch(original) and (not replacement or _NO_MARKUP.fullmatch(replacement))):
        return False
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return before not in _SENSITIVE and after not in _SENSITIVE


def _structure(doc: Document) -> list[tuple[frozenset[str], str]]:
    found = doc.cache.get("fixcheck.structure")
    if found is None:
        found = doc.cache["fixcheck.structure"] = [(b.scopes, b.text) for b in doc.blocks]
    return found


def keeps_structure(parse, doc: Document, start: int, end: int, source: str, plain: str, replacement: str) -> bool:
    """Whether writing `source` over [start, end) gives the same blocks, with only `plain` now `replacement`.

    `parse` is the format's own parser; the blocks must keep their number, order and
    scopes, and exactly one block's text must differ by that one replacement.
    """
    try:
        new = _structure(parse(doc.path, doc.text[:start] + source + doc.text[end:]))
    except InputError:
        return False
    old = _structure(doc)
    if len(new) != len(old):
        return False
    changed = [i for i, (a, b) in enumerate(zip(old, new)) if a != b]
    if not changed:
        return plain == replacement
    if len(changed) != 1:
        return False
    (scopes, before), (new_scopes, after) = old[changed[0]], new[changed[0]]
    if scopes != new_scopes or len(after) - len(before) != len(replacement) - len(plain):
        return False
    k = before.find(plain)
    while k != -1:
        if after.startswith(replacement, k) and before[:k] == after[:k] and before[k + len(plain):] == after[k + len(replacement):]:
            return True
        k = before.find(plain, k + 1)
    return False


def verbatim_fix(parse, doc: Document, start: int, end: int, plain: str, replacement: str) -> str | None:
    """The fix for a format whose text is its own source (plain text, Markdown): the span must hold
    exactly what the rule saw, and a fix that is more than words for words must keep the structure."""
    original = doc.text[start:end]
    if original != plain:
        return None
    if is_words(original, replacement) or is_inert(doc.text, start, end, original, replacement) or \
            keeps_structure(parse, doc, start, end, replacement, plain, replacement):
        return replacement
    return None
