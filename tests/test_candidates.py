"""The candidate pass never changes a finding: rules run only on the blocks that hold one of their triggers
find exactly what they find on every block (MTLINT_NO_PREFILTER=1, the slow path)."""
from __future__ import annotations

import itertools
import os
import sys
import unicodedata

import pytest

from conftest import EXAMPLES, REPAIRED, ROOT, SEED
from lint import formats
from lint.candidates import SWITCH, Narrowed, narrow
from lint.config import ActiveRule, Config, resolve
from lint.engine import lint_document
from lint.triggers import derive

sys.path.insert(0, str(ROOT / "bench"))
import bench as generator  # noqa: E402 - the benchmark's article generator

REGISTRY = resolve(Config(root=str(ROOT))).registry
# Every built-in rule, those shipped off too; bilingual and grammar rules need a source or a server.
RULES = tuple(ActiveRule(rule, rule.level) for rule in REGISTRY.rules.values() if rule.kind not in ("source", "grammar"))


def _findings(path: str, text: str, slow: bool) -> list[dict]:
    saved = os.environ.get(SWITCH)
    os.environ[SWITCH] = "1" if slow else "0"
    try:
        return [f.as_dict() for f in lint_document(formats.parse(path, text), RULES, path, REGISTRY).findings]
    finally:
        if saved is None:
            del os.environ[SWITCH]
        else:
            os.environ[SWITCH] = saved


def _variants(text: str) -> list[str]:
    """The text as written, shouted, case-swapped, decomposed, with long s and with other digits: what case-blind
    and digit rules still match."""
    eastern = text.translate({ord(d): 0x0660 + int(d) for d in "0123456789"})  # Arabic-Indic digits match \\d too
    return [text, text.upper(), text.swapcase(), unicodedata.normalize("NFD", text), text.replace("s", "ſ"), eastern]


def _example_texts() -> list[str]:
    texts = []
    for active in RULES:
        for examples in active.rule.examples.values():
            texts.extend(example.text for example in examples)
    return texts


def _shipped() -> list[tuple[str, str]]:
    found = [(str(SEED), SEED.read_text(encoding="utf-8")), (str(REPAIRED), REPAIRED.read_text(encoding="utf-8"))]
    for path in sorted(EXAMPLES.rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".md", ".html"):
            found.append((str(path), path.read_text(encoding="utf-8")))
    return found


def test_both_paths_agree_on_the_seed_and_the_shipped_examples():
    total = 0
    for path, text in _shipped():
        fast, slow = _findings(path, text, False), _findings(path, text, True)
        assert fast == slow, path
        total += len(fast)
    assert total >= 8  # the seed article alone has eight problems


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_both_paths_agree_on_generated_articles(tmp_path, fmt):
    generator.generate(tmp_path, 12_000, fmt, 400, seed=7)
    total = 0
    for path in sorted(tmp_path.iterdir()):
        text = path.read_text(encoding="utf-8")
        fast, slow = _findings(path.name, text, False), _findings(path.name, text, True)
        assert fast == slow, path.name
        total += len(fast)
    assert total > 0


def test_both_paths_agree_on_every_rules_examples_in_every_case():
    total = 0
    for text in _example_texts():
        for variant in _variants(text):
            fast, slow = _findings("example.txt", variant, False), _findings("example.txt", variant, True)
            assert fast == slow, variant
            total += len(fast)
    assert total > 100


def test_triggers_are_derived_from_the_rules_own_patterns():
    rules = REGISTRY.rules
    assert rules["MTArtefacts.ForeignQuotes"].trigger() == (frozenset("«»„"), False)
    assert rules["Terminology.TheUkraine"].trigger() == (frozenset(["the ukraine"]), False)
    strings, _ = rules["Boilerplate.SeeAlso"].trigger()
    assert {"see also", "read more", "ſee alſo"} <= strings  # (?i): every case variant the regex accepts
    assert rules["Terminology.UkrainePlaces"].trigger()[1] is True  # a word list: whole words only


@pytest.mark.parametrize("pattern, expected", [
    (r"[Tt]he Ukraine", {"the ukraine"}),
    (r"«|»", {"«", "»"}),
    (r"(?i)\bKIEV\b", {"kiev", "\u212aiev".lower()}),  # the Kelvin sign K is a case variant of k
    (r"Séjourné", {"sejourne"}),  # the search view has no diacritics
    (r"(?:ab|cd)x{2}", {"abxx", "cdxx"}),
    (r"zz(?=qq)", {"zz"}),  # what a look-ahead sees is not part of the match
    (r"\d{1,3},\d{2}", {"0,00", "00,00", "000,00"}),  # every digit is "0" in the search view
    # 39 runs of spaces times 14 of marks is too many strings: where the two meet, a space and the marks
    ("[ \u00a0\u202f]{1,3}[?!]{1,3}", {space + "".join(marks) for space in " \u00a0\u202f" for n in (1, 2, 3)
                                      for marks in itertools.product("?!", repeat=n)}),
])
def test_derived_strings(pattern, expected):
    assert derive(pattern) == frozenset(expected)


@pytest.mark.parametrize("pattern", [
    r"\p{L}+", r"ab|\w+", r"x*", r"(?P<w>\w+) (?P=w)", r"\d+", r"(?:kiev){e<=1}", r"(?V1i)straße", r"[^<]+",
])
def test_no_trigger_when_none_is_safe_or_useful(pattern):
    assert derive(pattern) is None


def test_a_rule_without_a_trigger_string_in_the_document_is_not_run():
    doc = formats.parse("a.md", "# Talks\n\nTalks in Kiev.\n\nLeaders met «today».\n")
    rules = (REGISTRY.rules["MTArtefacts.ForeignQuotes"], REGISTRY.rules["Terminology.TheUkraine"],
             REGISTRY.rules["MTArtefacts.DoubledWord"])
    quotes, ukraine, doubled = narrow(doc, rules)
    assert isinstance(quotes, Narrowed) and quotes.blocks == [doc.blocks[2]]
    assert ukraine is None
    assert doubled is doc  # no trigger: every block


def test_the_search_view_keeps_offsets_wherever_it_says_so():
    from lint.prefilter import fold_with_offsets

    for cp in range(0x110000):
        if 0xD800 <= cp < 0xE000:
            continue
        view, aligned = fold_with_offsets("a" + chr(cp) + "b")
        assert aligned == (len(view) == 3), hex(cp)


def test_the_digit_table_is_the_installed_regexs_own():
    import regex

    from lint.prefilter import DIGITS, digits_are_regexs, installed_digits

    everything = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000)
    table = {cp for low, high in DIGITS for cp in range(low, high + 1)}
    assert {ord(c) for c in regex.findall(r"\d", everything)} == installed_digits() == table
    assert digits_are_regexs()  # else digits give no trigger (triggers._is_digit), which is safe but slow


def test_a_regex_release_with_other_digits_turns_the_digit_triggers_off(monkeypatch):
    """A regex release other than the table's own (regex 2026.12.2 came out after it) is checked, not trusted and
    not refused: the same digits keep their triggers; a digit the table lacks turns them off."""
    from lint import prefilter, triggers

    monkeypatch.setattr(prefilter, "DIGITS_OF", "0.0")
    prefilter.digits_are_regexs.cache_clear()
    try:
        assert prefilter.digits_are_regexs()
        monkeypatch.setattr(prefilter, "DIGITS", prefilter.DIGITS[:-1])
        prefilter.digits_are_regexs.cache_clear()
        assert not prefilter.digits_are_regexs()
        triggers._DERIVED.pop((r"\d{1,3},\d{2}", 0), None)
        assert triggers.derive(r"\d{1,3},\d{2}") is None
    finally:
        monkeypatch.undo()
        prefilter.digits_are_regexs.cache_clear()
        triggers._DERIVED.pop((r"\d{1,3},\d{2}", 0), None)
    assert triggers.derive(r"\d{1,3},\d{2}") == {"0,00", "00,00", "000,00"}


def test_the_search_view_is_the_table_then_lower_case_then_zeros():
    from lint.prefilter import _TABLE, fold_for_search

    def reference(text: str) -> str:
        return text.translate(_TABLE).lower().translate(str.maketrans("123456789", "000000000"))

    everything = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000)
    assert fold_for_search(everything) == reference(everything)
    for text in ("Séjourné paid 1,234.56 € on ٣ May", "ΟΔΥΣΣΕΥΣ 𝟗𝟘 ŞİŞLİ", "plain ascii 2024"):
        assert fold_for_search(text) == reference(text)
