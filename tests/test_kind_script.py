"""The script kind (MTArtefacts.Homoglyph): lookalike letters fixed to the word's own script, with
article context (a word wholly in lookalikes counts only if the article spells it in Latin)."""
from __future__ import annotations

import unicodedata

from conftest import assert_spans_match, found, lint

PACK = ("MTArtefacts",)



def test_homoglyphs_are_fixed_to_the_word_s_own_script():
    text = "Headline\n\nTalks in Kyіv and Mоscow; the ΝΑΤΟ summit.\n\nThe Ukrainian word Мiсто means city. NATO met.\n"
    findings = lint(text, packs=PACK)
    assert [(f.rule, f.line, f.column, f.match, f.fix.replacement) for f in findings] == [
        ("MTArtefacts.Homoglyph", 3, 10, "Kyіv", "Kyiv"),
        ("MTArtefacts.Homoglyph", 3, 19, "Mоscow", "Moscow"),
        ("MTArtefacts.Homoglyph", 3, 31, "ΝΑΤΟ", "NATO"),
        ("MTArtefacts.Homoglyph", 5, 20, "Мiсто", "Місто"),
    ]
    assert_spans_match(text, findings)
    # a word wholly in lookalikes is a homoglyph only if the article spells it in Latin ("NATO" above)
    assert found("Headline\n\nThe Ukrainian word сера means sulphur.\n", packs=PACK) == []
    assert findings[0].message.startswith("'Kyіv' contains Cyrillic letters that look like Latin ones")
    assert findings[3].message.startswith("'Мiсто' contains Latin letters that look like Cyrillic ones")


def test_plain_cyrillic_and_greek_words_and_units_pass():
    text = "Headline\n\nKyiv (Київ) and NATO (ΝΑΤΟ: Οργανισμός Βορειοατλαντικού Συμφώνου); a dose of 5 μg.\n"
    assert found(text, packs=PACK) == []


def test_homoglyph_position_after_nfd_text_in_markdown():
    decomposed = unicodedata.normalize("NFD", "Séjourné")  # two combining accents: two extra code points
    text = f"# Paris\n\n*{decomposed}* met officials in Kyіv.\n"
    findings = lint(text, "article.md", packs=PACK)
    assert [(f.rule, f.line, f.column, f.match) for f in findings] == [("MTArtefacts.Homoglyph", 3, 31, "Kyіv")]
    assert_spans_match(text, findings)
