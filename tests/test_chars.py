"""The shortcuts of the per-block first looks find what the slow definitions find (lint.chars and the kinds that
use it): character triggers, the non-ASCII characters and words of a block, plain-text paragraphs."""
from __future__ import annotations

import random
import re
import sys
import unicodedata

import pytest
import regex

from conftest import ROOT
from lint import formats
from lint.candidates import narrow
from lint.chars import SPACES, WORD_MARKS, Chars, blanked, non_ascii
from lint.config import Config, resolve
from lint.document import Block, TextMap
from lint.formats.plaintext import _PARAGRAPH, _paragraphs
from lint.kinds.consistency import _ACCENTED_CAPITALISED, _accented_runs
from lint.textutil import has_diacritics

RULES = resolve(Config(root=str(ROOT))).registry.rules
EVERYTHING = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000)


def _block(text: str) -> Block:
    tm = TextMap()
    tm.copy(text, 0)
    return Block("paragraph", tm)


def _random_texts(alphabet, count: int, longest: int, seed: int):
    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, longest))) for _ in range(count)]


def test_a_character_trigger_may_not_match_ascii():
    with pytest.raises(ValueError):
        Chars(regex.compile(r"[\p{L}]"))
    assert Chars(regex.compile(r"[\p{Cyrillic}]")).holds(frozenset("«ж»"))
    assert not Chars(regex.compile(r"[\p{Cyrillic}]")).holds(frozenset("«é»"))


def test_rules_with_character_triggers_run_only_where_such_characters_are():
    rules = (RULES["MTArtefacts.Homoglyph"], RULES["MTArtefacts.Mojibake"], RULES["Names.Consistency"])
    plain = formats.parse("a.txt", "Talks in Kyiv\n\nLeaders met “today” in Kyiv.\n\nMore talks.\n")
    assert narrow(plain, rules) == [None, None, None]  # curly quotes are no letters
    mixed = formats.parse("a.txt", "Talks in Kyiv\n\nLeaders met in Kyіv.\n\nSéjourné and Sejourne spoke.\n")
    homoglyph, mojibake, consistency = narrow(mixed, rules)
    assert homoglyph.blocks == [mixed.blocks[1]]  # the Cyrillic і
    assert mojibake.blocks == [mixed.blocks[2]]  # é could be a UTF-8 lead byte read as Latin-1
    assert consistency is mixed  # it compares blocks: all of them once one has an accented letter


def test_bilingual_rules_run_only_with_a_source():
    rules = tuple(r for r in RULES.values() if r.kind == "source")
    doc = formats.parse("a.txt", "Talks in Kyiv.\n")
    assert all(target is None for target in narrow(doc, rules))
    doc.source = object()  # (what lint.bilingual.context attaches)
    assert all(target is doc for target in narrow(doc, rules))


def test_non_ascii_is_the_set_of_the_characters_outside_ascii():
    for text in (EVERYTHING, "plain", "“quoted” café", "\udcff surrogate-escaped"):
        assert non_ascii(_block(text)) == frozenset(c for c in text if ord(c) > 127)


def _reference_words(text: str) -> list[bytes]:
    """The words of `text` as DoubledWord always split them: lower case (first: a final sigma is one before a
    full stop too), WORD_MARKS blanked, str.split()."""
    text = text.lower()
    for mark in WORD_MARKS:
        text = text.replace(mark, " ")
    return [w.encode("utf-8", "surrogatepass") for w in text.split()]


def test_blanked_splits_into_the_words_of_the_definition():
    texts = [EVERYTHING[i : i + 5000] for i in range(0, len(EVERYTHING), 5000)]
    texts += _random_texts(list(WORD_MARKS + SPACES) + ["the", "The", "İ", "Σ", "ς", "é", "\u0301", "'", "’"], 5000, 12, 1)
    for text in texts:
        assert blanked(_block(text)).split() == _reference_words(text), repr(text[:40])


def test_the_untranslated_gate_passes_every_block_its_token_test_passes():
    rule = RULES["MTArtefacts.Untranslated"]
    words = sorted(rule.foreign)[:200] + ["the", "and", "Der", "DIE", "café", "Ж", "ж"]
    marks = list(WORD_MARKS + SPACES + "'’") + [" "] * 10
    for text in _random_texts(words + marks, 20000, 10, 2):
        if rule._worth_a_look(text):
            block = _block(text)
            assert rule._worth_a_look(text, blanked(block), non_ascii(block)), repr(text)


def test_accented_words_are_the_regexs():
    alphabet = ["Séjourné", "Sejourne", "é", "É", "\u0301", " ", "“", "_", "1", "-", "Ǆ", "ǅ", "ß", "Ж", "a", "A", "'"]
    for text in _random_texts(alphabet, 20000, 10, 3):
        want = [m.group() for m in _ACCENTED_CAPITALISED.finditer(text)
                if has_diacritics(unicodedata.normalize("NFC", m.group()))]
        got = [w for w in _accented_runs(text, frozenset(c for c in text if ord(c) > 127))
               if has_diacritics(unicodedata.normalize("NFC", w))]
        assert got == want, repr(text)


def test_plain_text_paragraphs_are_the_paragraph_regexs():
    assert [chr(c) for c in range(sys.maxunicode + 1) if bool(re.match(r"\s", chr(c))) != bool(regex.match(r"\s", chr(c)))] \
        == ["\x1c", "\x1d", "\x1e", "\x1f"]  # white space to str (and re), not to regex: _paragraphs tests them
    alphabet = ["a", " ", "\n", "\n", "\t", "\x1c", "\x1f", "\xa0", "\u2028", "\x0b", "\x0c", "\x85", "é", "\u3000", "\r"]
    for text in _random_texts(alphabet, 50000, 14, 4):
        assert _paragraphs(text) == [m.span() for m in _PARAGRAPH.finditer(text)], repr(text)


def test_lower_case_accented_words_are_counted_as_token_by_token():
    from lint.kinds.language import _ACCENTED, _lower_accented

    def reference(text: str, evidence: int) -> bool:  # each token outside ASCII, each accented letter's word start
        for token in text.split():
            starts = set()
            for m in _ACCENTED.finditer(token):
                i = m.start()
                while i and (token[i - 1].isalpha() or unicodedata.category(token[i - 1])[0] == "M"):
                    i -= 1
                if token[i].islower():
                    starts.add(i)
            evidence += len(starts)
        return evidence >= 2

    alphabet = ["é", "É", "\u0301", "a", "A", " ", "\n", "“", "-", "ß", "Ж", "ж", "1", "café", "Séjourné", "\xa0", "ǅ", "\x1c"]
    for text in _random_texts(alphabet, 30000, 12, 5):
        for evidence in (0, 1):
            assert _lower_accented(text, frozenset(c for c in text if ord(c) > 127), evidence) == reference(text, evidence)


def test_a_rule_runs_only_on_the_blocks_its_scope_selects():
    rule = RULES["Boilerplate.HeadlineSuffix"]  # scope: headline
    doc = formats.parse("a.txt", "Talks resume in Geneva\n\nThe talks - AP\n")
    assert narrow(doc, (rule,)) == [None]  # its trigger "ap" stands only in a block that is no headline
    doc = formats.parse("a.txt", "Talks resume in Geneva - AP\n\nThe talks went on.\n")
    assert narrow(doc, (rule,))[0].blocks == [doc.blocks[0]]
