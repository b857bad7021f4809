"""Detection fixes found by the blind planting benchmark (bench/plant.py): misses and false alarms of
GarbledQuote, Untranslated, Mojibake, the punctuation, number and placeholder rules, and the Boilerplate
pack. Every case is a made-up news sentence; each finding is checked by rule, line, column and match."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import ROOT, assert_spans_match, lint


def found(text: str, packs=("MTArtefacts",), path: str = "article.txt"):
    findings = lint(text, path, packs=packs)
    assert_spans_match(text, findings)
    return [(f.rule, f.line, f.column, f.match) for f in findings]


def fixes(text: str, packs=("MTArtefacts",)):
    findings = lint(text, packs=packs)
    assert_spans_match(text, findings)
    return [(f.rule, f.level, f.line, f.column, f.match, f.fix.replacement if f.fix else None) for f in findings]


# -- GarbledQuote -----------------------------------------------------------------


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


def test_titles_bands_and_labels_made_of_function_words_pass():
    text = (
        "Headline\n\n"
        "“We went to watch The Who play at the stadium,” he said.\n\n"
        "“My mother loves the show This Is Us more than anything,” she said.\n\n"
        "“Nobody in the Lord Of The Rings cast was paid that much,” he said.\n\n"
        "“It Is What It Is was his favourite saying,” she said.\n\n"
        "“Most of them voted No in the referendum,” she said. “Press the On button twice,” he said.\n"
    )
    assert found(text) == []


def test_a_name_after_an_insertion_is_a_weak_sign_even_when_used_once():
    # "Ukraine" occurs once in the article: it may still be a name, so one bracket alone is not garbling
    assert found("Headline\n\nTalks went on. “It is [for] Ukraine to decide,” he said.\n") == []
    # with a second sign (a capitalised function word) the quote is reported
    assert found("Headline\n\n“It is [for] Ukraine to decide And nobody else,” he said.\n") == [
        ("MTArtefacts.GarbledQuote", 3, 1, "“It is [for] Ukraine to decide And nobody else,”")
    ]


def test_a_common_word_after_an_insertion_is_still_garbling():
    # written in lower case elsewhere in the article
    assert found("Headline\n\n“The [new] Government will fall,” he said. The government denied it.\n") == [
        ("MTArtefacts.GarbledQuote", 3, 1, "“The [new] Government will fall,”")
    ]
    # an ending that names do not have; and an adverb that is a function word
    assert found("Headline\n\n“Negotiations with the Russian side [are] Impossible at this stage,” the minister said.\n") == [
        ("MTArtefacts.GarbledQuote", 3, 1, "“Negotiations with the Russian side [are] Impossible at this stage,”")
    ]
    assert found("Headline\n\n“We were not focused [of the city] Enough after the win,” the coach said.\n") == [
        ("MTArtefacts.GarbledQuote", 3, 1, "“We were not focused [of the city] Enough after the win,”")
    ]


def test_the_seed_quotation_is_still_garbled_and_its_repair_clean():
    seed = (ROOT / "examples" / "seed-article.txt").read_text(encoding="utf-8")
    assert [f for f in found(seed) if f[0] == "MTArtefacts.GarbledQuote"] == [
        (
            "MTArtefacts.GarbledQuote",
            31,
            1,
            "“[This] A may be required [military] Being on Ukrainian territory, without crossing the threshold of conflict,”",
        )
    ]
    repaired = (ROOT / "examples" / "seed-article.repaired.txt").read_text(encoding="utf-8")
    assert found(repaired) == []


# -- Untranslated -----------------------------------------------------------------


def test_russian_sentence_whose_probability_is_split_with_bulgarian_and_ukrainian():
    sentence = "По словам губернатора, в результате атаки никто не пострадал."
    text = f"Headline\n\nThe governor spoke on Monday. {sentence} Talks continue.\n"
    findings = lint(text, packs=("MTArtefacts",))
    assert [(f.rule, f.line, f.column, f.match) for f in findings] == [("MTArtefacts.Untranslated", 3, 31, sentence)]
    assert findings[0].message.startswith("Untranslated Russian text")


def test_french_parenthesis_spanish_quotation_and_quote_after_a_sentence_ending_in_a_title_word():
    text = (
        "Headline\n\n"
        "The ministry confirmed the strike (selon nos informations) on Monday.\n\n"
        "“No vamos a permitir que esto vuelva a ocurrir,” she said.\n\n"
        "It was part of daily life. “Nous ne lâcherons rien sur les retraites,” he said.\n"
    )
    assert found(text) == [
        ("MTArtefacts.Untranslated", 3, 36, "selon nos informations"),
        ("MTArtefacts.Untranslated", 5, 2, "No vamos a permitir que esto vuelva a ocurrir"),
        ("MTArtefacts.Untranslated", 7, 29, "Nous ne lâcherons rien sur les retraites"),
    ]


def test_a_foreign_parenthesis_inside_an_english_quotation_is_reported_alone():
    text = "Headline\n\n“We met them (wie die Zeitung am Dienstag berichtet) yesterday,” he said.\n"
    assert found(text) == [("MTArtefacts.Untranslated", 3, 15, "wie die Zeitung am Dienstag berichtet")]


def test_english_sentences_quoting_foreign_names_dishes_and_laws_pass():
    text = (
        "Headline\n\n"
        "The menu offered jamón ibérico, queso manchego and pan con tomate.\n\n"
        "The café on Rue de la Paix serves crème brûlée and pâté de campagne.\n\n"
        "The Bundestag passed the Gesetz zur Stärkung der Wettbewerbsfähigkeit last week.\n\n"
        "He read the daily “Le Monde diplomatique et la revue des deux mondes” every week.\n\n"
        "The coup d'état was condemned as a fait accompli.\n"
    )
    assert found(text) == []


def test_function_word_lists_hold_no_yaml_booleans():
    """`no`, `on`, `yes` and `off` unquoted are read by YAML as true and false, and silently lost as words."""

    def booleans(value, path=()):
        if isinstance(value, bool):
            yield path
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in ("fixable", "enabled", "multiline", "names", "ignorecase", "diacritics"):
                    yield from booleans(item, path + (key,))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                yield from booleans(item, path + (i,))

    for path in sorted((ROOT / "rules").glob("*/*.yml")):
        assert list(booleans(yaml.safe_load(path.read_text(encoding="utf-8")))) == [], path


# -- Mojibake ---------------------------------------------------------------------


def test_a_lone_broken_letter_that_ftfy_leaves_is_repaired():
    text = "Headline\n\nTalks were held in EskiÅŸehir and BucureÅŸti; ErdoÄŸan met NausÄ—da.\n"
    assert fixes(text) == [
        ("MTArtefacts.Mojibake", "warning", 3, 24, "ÅŸ", "ş"),
        ("MTArtefacts.Mojibake", "warning", 3, 41, "ÅŸ", "ş"),
        ("MTArtefacts.Mojibake", "warning", 3, 51, "ÄŸ", "ğ"),
        ("MTArtefacts.Mojibake", "warning", 3, 64, "Ä—", "ė"),
    ]


def test_capitals_ordinals_and_real_accents_are_not_mojibake():
    assert found("Headline\n\nThe sign read CORAÇÃO ÓŠ; Nº 1ª won; úžas, naïve, São Paulo.\n") == []


# -- punctuation ------------------------------------------------------------------


def test_german_reversed_guillemets_but_not_breadcrumbs():
    assert fixes("Headline\n\nThe spokesman called the idea »a historic mistake« on Tuesday.\n") == [
        ("MTArtefacts.ForeignQuotes", "warning", 3, 31, "»a historic mistake«", "“a historic mistake”")
    ]
    assert found("Headline\n\nHome » News » Europe\n\nHome » World « Back\n") == []


def test_space_before_a_mark_inside_quotes_is_a_warning():
    text = "Headline\n\n“Enough !” the protesters shouted. “Why\u202f?” she asked. What a result ?! Nobody knew.\n"
    assert fixes(text) == [
        ("MTArtefacts.SourceSpacing", "warning", 3, 8, " !", "!"),
        ("MTArtefacts.SourceSpacing", "warning", 3, 40, "\u202f?", "?"),
        ("MTArtefacts.SourceSpacing", "warning", 3, 68, " ?!", "?!"),
    ]


def test_times_ratios_labels_urls_and_smileys_pass_source_spacing():
    text = (
        "Headline\n\n"
        "The ratio was 3 : 1 and the meeting began at 10 : 30.\n\n"
        "Tel : 0123 456 789\nPrice : 25 euros\nLocation : Kyiv\n\n"
        "Read it at https://example.com/news?id=5 or http://example.org/a:b today!\n\n"
        "He smiled :) and left; she said “Great!” and “Why?” twice.\n"
    )
    assert found(text) == []


# -- numbers and placeholders -----------------------------------------------------


def test_space_grouped_thousands():
    text = "Headline\n\nAbout 1 200 000 people took part, 25 000 soldiers and 30\u00a0000 euros.\n"
    assert found(text) == [
        ("MTArtefacts.SpaceThousands", 3, 7, "1 200 000"),
        ("MTArtefacts.SpaceThousands", 3, 35, "25 000"),
        ("MTArtefacts.SpaceThousands", 3, 55, "30\u00a0000"),
    ]


def test_number_lists_and_telephone_numbers_are_not_space_grouped_thousands():
    text = (
        "Headline\n\n"
        "The new designation that was intended, 255 001, was thus never used.\n\n"
        "Call +420 123 456 789 or 0800 123 456; in 2019 and 2020 some 300 people came.\n"
    )
    assert found(text) == []


def test_named_printf_placeholders():
    assert found("Headline\n\nA total of %(count)d troops and %(name)s were deployed; 5% (of 40%) rose.\n") == [
        ("MTArtefacts.Placeholder", 3, 12, "%(count)d"),
        ("MTArtefacts.Placeholder", 3, 33, "%(name)s"),
    ]


# -- doubled words ----------------------------------------------------------------


def test_it_is_is_is_a_doubled_word_but_what_it_is_is_is_english():
    assert fixes("Headline\n\nIt is is recommended to stay indoors.\n") == [
        ("MTArtefacts.DoubledWord", "warning", 3, 4, "is is", "is")
    ]
    assert fixes("Headline\n\nNext, I will apply for for other certificates.\n") == [
        ("MTArtefacts.DoubledWord", "warning", 3, 20, "for for", "for")
    ]
    text = (
        "Headline\n\n"
        "They waited for for hours. What it is is a new tax. The problem is is that nobody listens. All it was was a mistake.\n\n"
        "He said no no, and then yes yes.\n"
    )
    assert found(text) == []


# -- Boilerplate ------------------------------------------------------------------


def test_page_furniture_variants():
    text = (
        "Headline\n\n"
        "The talks ended.\n\n"
        "- Advertisement -\n\n"
        "Facebook Twitter WhatsApp Email\n\n"
        "Leave a Reply Cancel reply\n\n"
        "Post Comment\n\n"
        "Submit Comment\n"
    )
    assert found(text, packs=("Boilerplate",)) == [
        ("Boilerplate.Advertisement", 5, 1, "- Advertisement -"),
        ("Boilerplate.ShareWidgets", 7, 1, "Facebook Twitter WhatsApp Email"),
        ("Boilerplate.CommentForm", 9, 1, "Leave a Reply Cancel reply"),
        ("Boilerplate.CommentForm", 11, 1, "Post Comment"),
        ("Boilerplate.CommentForm", 13, 1, "Submit Comment"),
    ]


def test_advertisement_glued_to_a_paragraph_but_not_in_prose():
    text = (
        "Headline\n\n"
        "Advertisement  The minister said the talks would resume.\n\n"
        "Advertisement However, the talks failed.\n\n"
        "Advertisement revenue fell by a third last year.\n\n"
        "Advertisement Standards Authority rulings are published weekly.\n\n"
        "Facebook and Twitter removed the posts.\n"
    )
    assert found(text, packs=("Boilerplate",)) == [
        ("Boilerplate.Advertisement", 3, 1, "Advertisement"),
        ("Boilerplate.Advertisement", 5, 1, "Advertisement"),
    ]


def test_headline_suffix_of_a_french_headline_with_guillemets_and_agency_names():
    text = "Macron : « nous ne pouvons pas exclure » l’envoi de troupes – Le Monde\n\nThe talks ended.\n"
    findings = lint(text, packs=("Boilerplate",))
    assert [(f.rule, f.line, f.column, f.match, f.fix.replacement) for f in findings] == [
        ("Boilerplate.HeadlineSuffix", 1, 60, " – Le Monde", "")
    ]
    assert findings[0].message == "The headline ends with the site or section name 'Le Monde'; remove it."
    for outlet in ("UNIAN", "TASS", "Ukrinform", "Kyiv Independent", "Meduza", "Interfax-Ukraine", "RIA Novosti",
                   "Xinhua", "Kyodo", "NHK", "Yonhap"):
        assert found(f"Russian strikes hit the port - {outlet}\n\nThe talks ended.\n", packs=("Boilerplate",)) == [
            ("Boilerplate.HeadlineSuffix", 1, 29, f" - {outlet}")
        ], outlet
    # no outlet: a dash is headline punctuation
    assert found("Inflation - and why it matters now\n\nThe talks ended.\n", packs=("Boilerplate",)) == []


def test_precision_on_the_shared_human_corpus_is_not_made_worse_by_the_new_rules():
    human = ROOT.parent / "shared" / "corpus" / "dev" / "human"
    if not human.is_dir():
        pytest.skip("the shared dev corpus is not beside the repository")
    rules = {"MTArtefacts.SpaceThousands", "MTArtefacts.Placeholder", "MTArtefacts.ForeignQuotes",
             "MTArtefacts.Untranslated", "MTArtefacts.Mojibake", "MTArtefacts.GarbledQuote",
             "Boilerplate.Advertisement", "Boilerplate.ShareWidgets", "Boilerplate.CommentForm",
             "Boilerplate.HeadlineSuffix"}
    hits = []
    for path in sorted(Path(human).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        hits += [(path.name, f.rule, f.match) for f in lint(text, str(path)) if f.rule in rules]
    assert hits == []
