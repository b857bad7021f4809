"""The quotation kind (MTArtefacts.GarbledQuote): which signs of a garbled machine-translated quotation
flag the whole quote, with the message naming them. Plain flag/pass cases are the rule's own examples."""
from __future__ import annotations

import pytest

from conftest import assert_spans_match, found, lint, one

PACK = ("MTArtefacts",)



def test_capitalised_function_word_mid_sentence_flags_the_quote():
    text = "Headline\n\nThe minister said “we will Not accept the Of ultimatum” on Monday.\n"
    f = one(text, packs=PACK)
    assert (f.rule, f.line, f.column, f.match) == ("MTArtefacts.GarbledQuote", 3, 19, "“we will Not accept the Of ultimatum”")
    assert "('Not', 'Of')" in f.message


@pytest.mark.parametrize(
    "quote, words",
    [
        ("“What should be the high point Of The year is now a hole without a bottom,”", "('Of', 'The')"),
        ("“This place used To Be a peninsula, you know,”", "('To', 'Be')"),
        ("“You have To Be resolute to start again,”", "('To', 'Be')"),
    ],
)
def test_two_capitalised_function_words_in_a_row_are_garbling(quote, words):
    text = f"Headline\n\nThe chairman spoke on Monday. {quote} he said.\n"
    findings = lint(text, packs=("MTArtefacts",))
    assert [(f.rule, f.line, f.column, f.match) for f in findings] == [("MTArtefacts.GarbledQuote", 3, 31, quote)]
    assert f"a capitalised function word mid-sentence {words}" in findings[0].message


def test_open_quote_at_paragraph_end_is_not_an_error_and_foreign_marks_are_quotes():
    text = (
        "Headline\n\n"
        "“We will stay as long as it takes. The talks are not over.\n\n"
        "“We will talk again next week,” the minister said.\n\n"
        "He said «we [the army] Are ready» on Tuesday.\n"
    )
    # the open quotation of paragraph 2 is fine; the guillemet quote is garbled (and foreign)
    assert found(text, packs=PACK) == [
        ("MTArtefacts.ForeignQuotes", 7, 9, "«we [the army] Are ready»"),
        ("MTArtefacts.GarbledQuote", 7, 9, "«we [the army] Are ready»"),
    ]


def test_garbled_quote_across_a_markdown_soft_line_break():
    text = (
        "# Talks in Paris\n\n"
        "The minister said that “[This] A may be required\n"
        "[military] Being on *Ukrainian* territory,” on Tuesday.\n"
    )
    findings = lint(text, "article.md", packs=PACK)
    assert [(f.rule, f.line, f.column, f.end_line, f.end_column) for f in findings] == [
        ("MTArtefacts.GarbledQuote", 3, 24, 4, 44)
    ]
    assert findings[0].match == "“[This] A may be required\n[military] Being on *Ukrainian* territory,”"
    assert_spans_match(text, findings)
