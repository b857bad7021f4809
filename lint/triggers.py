"""Triggers: literal strings, derived from a rule's own regex, at least one of which every match holds.

A pattern rule's regex is scanned over every block, though most blocks cannot
match it. Parsing the regex (with the `regex` module's own parser, so every
pattern a rule can have is understood exactly as it is compiled) gives, for
each part, the strings it can match when they are few (`[Tt]he` is "The" or
"the") and else a set of factors one of which any match contains; a sequence
keeps its most selective factor, an alternation the union of its branches'.
Strings are in the search view of `prefilter.fold_for_search` (lower case,
no diacritics), which maps text character by character, so a text that holds
a match holds one of the factors in its view. Whatever the analysis does not
understand (a property such as \\p{L}, a back-reference, fuzzy matching, full
case folding) contributes no factor: a rule with no safe factor, or only too
common ones, gets `None` and always runs.
"""
from __future__ import annotations

import unicodedata

import regex
from regex import _regex, _regex_core as core

from .prefilter import digits_are_regexs, fold_for_search

MAX_STRINGS = 256  # the most strings one part may stand for before it counts as "anything"
MAX_REPEAT = 3  # a bounded repeat expanded into its strings (x{1,3}), at most this many times
# Single characters too common in running text to narrow anything down.
COMMON = frozenset(" \n\t,.;:'\"-()abcdefghijklmnopqrstuvwxyz0123456789")
_UNKNOWN = None  # "this part may match anything"


def _view(ch: str) -> str | None:
    """`ch` in the search view; None for a letter whose lower case depends on its neighbours (Greek sigma)."""
    if ch in "Σσς":
        return None
    return fold_for_search(ch)


def _chars_view(codes, case_flags: int, info) -> frozenset[str] | None:
    """The views of every character one of `codes` matches (with its case variants when ignoring case)."""
    if case_flags & core.FULLCASE and case_flags & core.IGNORECASE:
        return _UNKNOWN  # full case folding matches one character against several ("ß" and "ss")
    out = set()
    for code in codes:
        variants = _regex.get_all_cases(info.flags | core.IGNORECASE, code) if case_flags & core.IGNORECASE else (code,)
        for variant in set(variants) | {code}:
            view = _view(chr(variant))
            if view is None:
                return _UNKNOWN
            out.add(view)
    return frozenset(out)


class _Analysis:
    """(exact, factor) of one parsed node: the strings it matches when few, and strings every match holds."""

    __slots__ = ("exact", "factor")

    def __init__(self, exact, factor) -> None:
        self.exact, self.factor = exact, factor


_EMPTY = _Analysis(frozenset([""]), _UNKNOWN)
_ANYTHING = _Analysis(_UNKNOWN, _UNKNOWN)


def _product(a: frozenset[str], b: frozenset[str]) -> frozenset[str] | None:
    if len(a) * len(b) > MAX_STRINGS:
        return _UNKNOWN
    return frozenset(x + y for x in a for y in b)


def _score(strings: frozenset[str] | None) -> float:
    """How well a factor narrows the search: longer and fewer strings are rarer (0: useless)."""
    if not strings or any(not s for s in strings):
        return 0.0
    if any(s in COMMON for s in strings):  # one common character: nearly every block has it
        return 0.0
    return min(map(len, strings)) * 10 - len(strings) * 0.01


def _best(*candidates):
    best, best_score = _UNKNOWN, 0.0
    for c in candidates:
        score = _score(c)
        if score > best_score:
            best, best_score = c, score
    return best


def _factor_of(a: _Analysis):
    """The analysis's factor, or its exact strings when they are better."""
    return _best(a.exact, a.factor)


def _analyse(node, info) -> _Analysis:
    t = type(node)
    if isinstance(node, core.ZeroWidthBase) and t is not core.Failure:
        return _EMPTY
    if t is core.LookAround or t is core.Keep:
        return _EMPTY
    if t is core.Character:
        if not node.positive or node.zerowidth:
            return _ANYTHING
        exact = _chars_view([node.value], node.case_flags, info)
        return _Analysis(exact, _UNKNOWN)
    if isinstance(node, core.String):  # Literal too
        exact = frozenset([""])
        for code in node.characters:
            views = _chars_view([code], node.case_flags, info)
            exact = _product(exact, views) if views is not None and exact is not None else _UNKNOWN
        return _Analysis(exact, _UNKNOWN)
    if t is core.Property:
        return _Analysis(frozenset(["0"]), _UNKNOWN) if _is_digit(node) else _ANYTHING
    if t is core.SetUnion and node.positive and not node.zerowidth:
        codes, digit = [], False
        for item in node.items:
            if type(item) is core.Character and item.positive:
                codes.append(item.value)
            elif type(item) is core.Range and item.positive and item.upper - item.lower < 64:
                codes.extend(range(item.lower, item.upper + 1))
            elif type(item) is core.Property and _is_digit(item):
                digit = True
            else:
                return _ANYTHING
        exact = _chars_view(codes, node.case_flags, info)
        if exact is not None and digit:
            exact |= {"0"}
        return _Analysis(exact if exact is not None and len(exact) <= MAX_STRINGS else _UNKNOWN, _UNKNOWN)
    if t is core.Range and node.positive and not node.zerowidth and node.upper - node.lower < 64:
        return _Analysis(_chars_view(range(node.lower, node.upper + 1), node.case_flags, info), _UNKNOWN)
    if t is core.Group or t is core.Atomic:
        return _analyse(node.subpattern, info)
    if t is core.Sequence:
        return _sequence([_analyse(item, info) for item in node.items])
    if t is core.Branch:
        parts = [_analyse(b, info) for b in node.branches]
        exact = frozenset()
        for p in parts:
            exact = exact | p.exact if exact is not None and p.exact is not None else _UNKNOWN
        if exact is not None and len(exact) > MAX_STRINGS:
            exact = _UNKNOWN
        factor = frozenset()
        for p in parts:
            f = _factor_of(p)
            if f is None:
                factor = _UNKNOWN
                break
            factor |= f
        return _Analysis(exact, factor)
    if t in (core.GreedyRepeat, core.LazyRepeat, core.PossessiveRepeat):
        sub = _analyse(node.subpattern, info)
        low, high = node.min_count, node.max_count
        exact = _UNKNOWN
        if sub.exact is not None and high is not None and high <= MAX_REPEAT:
            exact, power = (frozenset([""]) if low == 0 else frozenset()), frozenset([""])
            for count in range(1, high + 1):
                power = _product(power, sub.exact)
                if power is None:
                    exact = _UNKNOWN
                    break
                if count >= low:
                    exact |= power
            if exact is not None and len(exact) > MAX_STRINGS:
                exact = _UNKNOWN
        return _Analysis(exact, _factor_of(sub) if low >= 1 else _UNKNOWN)
    return _ANYTHING  # properties, \w, back-references, conditionals, fuzzy matching, calls: no guarantee


_DIGIT: list[int] = []


def _is_digit(node) -> bool:
    """Whether `node` is \\d (\\p{Nd}) as the view knows it: every such digit reads "0" there (prefilter.DIGITS)."""
    if not digits_are_regexs():  # another regex, with another Unicode: the table misses digits
        return False
    if not _DIGIT:
        tree = _parse(r"\d", 0)[0]
        _DIGIT.append((tree.items[0] if type(tree) is core.Sequence else tree).value)
    return node.positive and not node.zerowidth and node.value == _DIGIT[0]


def _sequence(parts: list[_Analysis]) -> _Analysis:
    """Adjacent exact parts join into longer strings (rarer); the best factor of any part or run holds."""
    candidates = []
    run = frozenset([""])
    whole = frozenset([""])
    for p in parts:
        if p.exact is not None:
            joined = _product(run, p.exact)
            if joined is None:  # too many combinations: close the run, start again where the two meet
                candidates.append(run)
                joined = _meeting(run, p.exact)
            run = joined
            whole = _product(whole, p.exact) if whole is not None else _UNKNOWN
        else:
            candidates.append(run)
            candidates.append(p.factor)
            run = frozenset([""])
            whole = _UNKNOWN
        # a factor inside an exact part may be better than the run as a whole
        if p.exact is not None:
            candidates.append(p.factor)
    candidates.append(run)
    return _Analysis(whole, _best(*candidates))


def _meeting(run: frozenset[str], exact: frozenset[str]) -> frozenset[str]:
    """What a run followed by a part starts from when their product is too large: the run's last characters
    joined to the part's strings (every match of the two holds one, as `[ \u00a0]{1,3}[?!]{1,3}` holds " ?",
    " !", "\u00a0?" or "\u00a0!"), when every string of the run has a last character and the join is not too
    large itself; else the part's own strings."""
    if not all(run):
        return exact
    return _product(frozenset(s[-1] for s in run), exact) or exact


def _parse(pattern: str, flags: int):
    """The `regex` module's own parse tree of `pattern` (as `regex.compile` builds it)."""
    global_flags = flags
    while True:
        source = core.Source(pattern)
        info = core.Info(global_flags, source.char_type, {})
        info.guess_encoding = core.UNICODE
        source.ignore_space = bool(info.flags & regex.VERBOSE)
        try:
            return core._parse_pattern(source, info), info
        except core._UnscopedFlagSet:
            global_flags = info.global_flags


_DERIVED: dict[tuple[str, int], frozenset[str] | None] = {}  # (pattern, flags) -> strings, this process's and the pack cache's


def derive(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Strings (search view) one of which the view of any text a match of `pattern` lies in holds; None: no
    such set narrows anything (the rule must run everywhere). Never raises: an unexpected parse is None."""
    key = (pattern, flags)
    if key not in _DERIVED:
        _DERIVED[key] = _derive(pattern, flags)
    return _DERIVED[key]


def exported() -> list:
    """Every derivation made or read so far, as JSON-able data (for the pack cache)."""
    return [[p, f, None if s is None else sorted(s)] for (p, f), s in _DERIVED.items()]


def remember(entries) -> None:
    """Take derivations read back from the pack cache (`exported()` of an earlier process)."""
    for p, f, s in entries:
        _DERIVED.setdefault((p, f), None if s is None else frozenset(s))


def _derive(pattern: str, flags: int) -> frozenset[str] | None:
    try:
        tree, info = _parse(pattern, flags | regex.VERSION0)
        if info.flags & regex.FULLCASE and info.flags & regex.IGNORECASE:
            return None
        found = _factor_of(_analyse(tree, info))
    except Exception:  # the analysis is an optimisation: anything unexpected means "always run"
        return None
    return found if _score(found) > 0 else None


def normalised(strings) -> frozenset[str]:
    """Literal phrases (a word list) as view strings, NFC first, as `fold_for_search` sees them in text."""
    return frozenset(fold_for_search(unicodedata.normalize("NFC", s)) for s in strings)
