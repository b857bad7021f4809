"""The MTArtefacts pack: garbled quotes, doubled words, source-language punctuation and
numbers, homoglyphs, untranslated fragments, mojibake, markup leakage; and its kinds' checks.

Every artefact here is planted by hand in made-up news sentences (or in the seed article).
"""
from __future__ import annotations

import json
import socket
import textwrap
import unicodedata
from pathlib import Path

import pytest

from conftest import EXAMPLES, SHARED, assert_spans_match, lint, run_cli

PACK = ("MTArtefacts",)


def found(text: str, path: str = "article.txt"):
    """(rule, line, column, match) of the pack's findings, spans checked against the text."""
    findings = lint(text, path, packs=PACK)
    assert_spans_match(text, findings)
    return [(f.rule, f.line, f.column, f.match) for f in findings]


def one(text: str, path: str = "article.txt"):
    findings = lint(text, path, packs=PACK)
    assert len(findings) == 1, findings
    assert_spans_match(text, findings)
    return findings[0]


# -- the seed article -------------------------------------------------------------


def test_seed_garbled_quotation_is_one_finding_over_the_whole_quote(seed_text):
    findings = lint(seed_text, "seed-article.txt", packs=PACK)
    assert [(f.rule, f.level, f.line, f.column, f.end_line, f.match) for f in findings] == [
        (
            "MTArtefacts.GarbledQuote",
            "warning",
            31,
            1,
            31,
            "“[This] A may be required [military] Being on Ukrainian territory, without crossing the threshold of conflict,”",
        )
    ]
    message = findings[0].message
    assert "a bracketed insertion followed by a capitalised word mid-sentence ('[This] A', '[military] Being')" in message
    assert "a capitalised function word mid-sentence ('A', 'Being')" in message
    assert findings[0].fix is None  # a garbled quote needs a human
    assert_spans_match(seed_text, findings)


def test_repaired_twin_has_nothing_from_the_pack():
    text = (EXAMPLES / "seed-article.repaired.txt").read_text(encoding="utf-8")
    assert lint(text, "seed-article.repaired.txt", packs=PACK) == []


def test_rules_test_runs_every_example_of_the_pack():
    result = run_cli("rules", "test", "MTArtefacts")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "14 rules checked, 0 examples failed." in result.stdout


# -- 1. garbled quotations --------------------------------------------------------


def test_legitimate_editorial_brackets_and_titles_pass():
    text = (
        "Headline\n\n"
        "“[This] may require a [military] presence on Ukrainian territory,” he said.\n\n"
        "“Then we must speak not of probability, but of inevitability [of direct conflict].”\n\n"
        "“[W]e will not send troops to The Hague or anywhere else,” she said.\n\n"
        "“We chose plan A because it works,” an official said of the talks in May.\n"
    )
    assert found(text) == []


def test_capitalised_function_word_mid_sentence_flags_the_quote():
    text = "Headline\n\nThe minister said “we will Not accept the Of ultimatum” on Monday.\n"
    f = one(text)
    assert (f.rule, f.line, f.column, f.match) == ("MTArtefacts.GarbledQuote", 3, 19, "“we will Not accept the Of ultimatum”")
    assert "('Not', 'Of')" in f.message


def test_weak_signs_alone_do_not_flag_but_two_do():
    assert found("Headline\n\n“Prices rose in May last year,” she said.\n") == []
    assert found("Headline\n\n“Prices rose in May and A new tax followed,” she said.\n") == [
        ("MTArtefacts.GarbledQuote", 3, 1, "“Prices rose in May and A new tax followed,”")
    ]


def test_open_quote_at_paragraph_end_is_not_an_error_and_foreign_marks_are_quotes():
    text = (
        "Headline\n\n"
        "“We will stay as long as it takes. The talks are not over.\n\n"
        "“We will talk again next week,” the minister said.\n\n"
        "He said «we [the army] Are ready» on Tuesday.\n"
    )
    # the open quotation of paragraph 2 is fine; the guillemet quote is garbled (and foreign)
    assert found(text) == [
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


# -- 2. doubled words -------------------------------------------------------------


def test_doubled_word_with_fix_and_across_a_line_break():
    text = "Headline\n\nThe the talks will resume in in Geneva, and the\nthe army is ready.\n"
    findings = lint(text, packs=PACK)
    assert [(f.rule, f.line, f.column, f.match, f.fix.replacement) for f in findings] == [
        ("MTArtefacts.DoubledWord", 3, 1, "The the", "The"),
        ("MTArtefacts.DoubledWord", 3, 27, "in in", "in"),
        ("MTArtefacts.DoubledWord", 3, 45, "the\nthe", "the"),
    ]
    assert findings[0].message == "'The' is written twice in a row ('The the'): delete one."
    assert_spans_match(text, findings)


def test_real_doublings_and_names_pass():
    text = (
        "Headline\n\n"
        "He had had enough; she said that that was wrong. What it is is a tax.\n\n"
        "Duran Duran played; Sirhan Sirhan was denied parole; Han Han won a rally.\n\n"
        "Police have been looking for for several days. Low-power power lines fell. Bye bye!\n"
    )
    assert found(text) == []


# -- 3. source-language punctuation ----------------------------------------------


def test_foreign_quotation_marks_with_fix():
    text = "Headline\n\nPeskov called it «absolutely unacceptable», Macron « not excluded » and Scholz „not on the table“.\n"
    findings = lint(text, packs=PACK)
    assert [(f.rule, f.column, f.match, f.fix.replacement) for f in findings] == [
        ("MTArtefacts.ForeignQuotes", 18, "«absolutely unacceptable»", "“absolutely unacceptable”"),
        ("MTArtefacts.ForeignQuotes", 52, "« not excluded »", "“not excluded”"),
        ("MTArtefacts.ForeignQuotes", 80, "„not on the table“", "“not on the table”"),
    ]
    single = one("Headline\n\n“He called it ‹a provocation›,” the official said.\n")
    assert (single.rule, single.column, single.match, single.fix.replacement) == (
        "MTArtefacts.ForeignSingleQuotes", 15, "‹a provocation›", "‘a provocation’",
    )


def test_french_spacing_is_a_warning_and_times_scores_pass():
    text = "Headline\n\nWhy send troops ? He said\u00a0: the talks are over ; nobody knows.\n"
    findings = lint(text, packs=PACK)
    assert [(f.rule, f.level, f.column, f.match, f.fix.replacement) for f in findings] == [
        ("MTArtefacts.SourceSpacing", "warning", 16, " ?", "?"),
        ("MTArtefacts.SourceSpacing", "warning", 26, "\u00a0:", ":"),
        ("MTArtefacts.SourceSpacing", "warning", 47, " ;", ";"),
    ]
    assert found("Headline\n\nThe score was 2 : 1 at 10 : 30. Menu: Wafers Tiger : Crunchy.\n") == []


# -- 4. source-locale numbers -----------------------------------------------------


def test_source_locale_numbers():
    text = "Headline\n\nPrices rose 3,5% to 1,5 million; the army has 1.000.000 reservists and 2.000 people left; turnout was 65 %.\n"
    findings = lint(text, packs=PACK)
    assert [(f.rule, f.level, f.column, f.match, f.suggestions) for f in findings] == [
        ("MTArtefacts.DecimalComma", "warning", 13, "3,5", ["3.5"]),
        ("MTArtefacts.DecimalComma", "warning", 21, "1,5", ["1.5"]),
        ("MTArtefacts.DotThousands", "warning", 47, "1.000.000", []),
        ("MTArtefacts.DotThousands", "warning", 72, "2.000", []),
        ("MTArtefacts.SourceSpacing", "warning", 105, " %", ["%"]),
    ]


def test_english_numbers_times_scores_and_abbreviations_pass():
    text = (
        "Headline\n\n"
        "About 1,500 soldiers and 2,000,000 civilians, items 1,2,3, at 10:30 the score was 2-1 in the U.S. and St. Louis; "
        "the index rose 1.234 points, or 0.5%, and the euro rose to 1.085 dollars; version 2.1.3.\n"
    )
    assert found(text) == []


# -- 5. mixed scripts and homoglyphs ----------------------------------------------


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
    assert found("Headline\n\nThe Ukrainian word сера means sulphur.\n") == []
    assert findings[0].message.startswith("'Kyіv' contains Cyrillic letters that look like Latin ones")
    assert findings[3].message.startswith("'Мiсто' contains Latin letters that look like Cyrillic ones")


def test_plain_cyrillic_and_greek_words_and_units_pass():
    text = "Headline\n\nKyiv (Київ) and NATO (ΝΑΤΟ: Οργανισμός Βορειοατλαντικού Συμφώνου); a dose of 5 μg.\n"
    assert found(text) == []


def test_homoglyph_position_after_nfd_text_in_markdown():
    decomposed = unicodedata.normalize("NFD", "Séjourné")  # two combining accents: two extra code points
    text = f"# Paris\n\n*{decomposed}* met officials in Kyіv.\n"
    findings = lint(text, "article.md", packs=PACK)
    assert [(f.rule, f.line, f.column, f.match) for f in findings] == [("MTArtefacts.Homoglyph", 3, 31, "Kyіv")]
    assert_spans_match(text, findings)


# -- 6. untranslated fragments ----------------------------------------------------

UNTRANSLATED = [
    ("Ukrainian", "Ми не будемо відправляти війська в Україну."),
    ("Russian", "Мы не будем отправлять войска на Украину."),
    ("German", "Wir werden keine Bodentruppen in die Ukraine schicken."),
    ("French", "Nous n'enverrons pas de troupes en Ukraine, a dit le ministre."),
    ("Spanish", "El gobierno no enviará tropas a Ucrania en ningún caso."),
]


@pytest.mark.parametrize("language, sentence", UNTRANSLATED)
def test_untranslated_sentence_in_each_source_language(language, sentence):
    text = f"Headline\n\nThe ministry did not comment on Tuesday. {sentence} Talks continue next week.\n"
    f = one(text)
    assert (f.rule, f.level, f.line, f.column, f.match) == ("MTArtefacts.Untranslated", "warning", 3, 42, sentence)
    assert f.message.startswith(f"Untranslated {language} text in an English article: '{sentence}'.")


def test_untranslated_parenthesis_and_quotation():
    text = (
        "Headline\n\n"
        "The minister spoke to reporters (das wurde gestern in Berlin beschlossen) after the meeting.\n\n"
        "“Мы не будем отправлять войска на Украину,” Peskov told reporters.\n"
    )
    assert found(text) == [
        ("MTArtefacts.Untranslated", 3, 34, "das wurde gestern in Berlin beschlossen"),
        ("MTArtefacts.Untranslated", 5, 2, "Мы не будем отправлять войска на Украину"),
    ]


def test_names_titles_slogans_and_single_words_pass():
    text = (
        "Headline\n\n"
        "The speaker of the Verkhovna Rada (Верховна Рада) met Ursula von der Leyen and Charles de Gaulle's heirs.\n\n"
        "Merkel's slogan “Wir schaffen das” (We can do it) was quoted by Le Monde and the Frankfurter Allgemeine Zeitung.\n\n"
        "He watched the film “La vita è bella” and called the plan a “провокація”, as Hume et al. wrote.\n"
    )
    assert found(text) == []


def test_language_identification_needs_no_network(monkeypatch):
    from lint.kinds import language

    def no_network(*args, **kwargs):
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(language, "_MODEL", None)
    monkeypatch.setattr(language, "_IDENTIFIERS", {})
    ident = language.identifier(("de", "en", "uk"))
    assert ident.classify("Wir werden keine Bodentruppen in die Ukraine schicken.")[0] == "de"
    assert ident.classify("Ми не будемо відправляти війська в Україну.")[0] == "uk"


def test_plain_english_never_loads_the_identifier(monkeypatch):
    from lint.kinds import language

    def fail(*args):
        raise AssertionError("the identifier ran on plain English")

    monkeypatch.setattr(language, "identifier", fail)
    text = (EXAMPLES / "seed-article.repaired.txt").read_text(encoding="utf-8")
    assert lint(text, packs=PACK) == []


# -- 7. mojibake ------------------------------------------------------------------


def test_mojibake_is_narrowed_to_the_broken_characters_with_ftfy_fix():
    text = "Headline\n\nThe minister said he donâ€™t know; talks were held at a cafÃ© in SÃ£o Paulo.\n"
    findings = lint(text, packs=PACK)
    assert [(f.rule, f.column, f.match, f.fix.replacement) for f in findings] == [
        ("MTArtefacts.Mojibake", 25, "â€™", "’"),
        ("MTArtefacts.Mojibake", 60, "Ã©", "é"),
        ("MTArtefacts.Mojibake", 67, "Ã£", "ã"),
    ]
    # accented letters and typographic marks are not mojibake (the German quotation marks are another rule's)
    assert found("Headline\n\nThe bear in Bärenfels said „Nein“ – naïve, in São Paulo’s café.\n") == [
        ("MTArtefacts.ForeignQuotes", 3, 28, "„Nein“")
    ]


# -- 8. markup and placeholder leakage --------------------------------------------


def test_entities_tags_and_placeholders_in_plain_text():
    text = (
        "Headline\n\n"
        "He called it &quot;a provocation&quot;.<br>Prices&amp;nbsp;rose. It wasn&#8217;t clear.</p>\n\n"
        "{0} people were killed; the minister %s said %1$s troops and {{name}} were there.\n"
    )
    assert [(r, line, col, m) for r, line, col, m in found(text)] == [
        ("MTArtefacts.HtmlEntity", 3, 14, "&quot;"),
        ("MTArtefacts.HtmlEntity", 3, 33, "&quot;"),
        ("MTArtefacts.StrayTag", 3, 40, "<br>"),
        ("MTArtefacts.HtmlEntity", 3, 50, "&amp;nbsp;"),
        ("MTArtefacts.HtmlEntity", 3, 73, "&#8217;"),
        ("MTArtefacts.StrayTag", 3, 88, "</p>"),
        ("MTArtefacts.Placeholder", 5, 1, "{0}"),
        ("MTArtefacts.Placeholder", 5, 38, "%s"),
        ("MTArtefacts.Placeholder", 5, 46, "%1$s"),
        ("MTArtefacts.Placeholder", 5, 62, "{{name}}"),
    ]


def test_double_escaped_entity_and_escaped_tag_in_html_point_at_the_original():
    text = (
        "<html><body><h1>Talks</h1>\n"
        "<p>He called it &amp;quot;a provocation&amp;quot; and &lt;br&gt; leaked; &quot;real&quot; quotes are fine.</p>\n"
        "</body></html>\n"
    )
    findings = lint(text, "article.html", packs=PACK)
    assert [(f.rule, f.line, f.column, f.end_column, f.match) for f in findings] == [
        ("MTArtefacts.HtmlEntity", 2, 17, 27, "&amp;quot;"),
        ("MTArtefacts.HtmlEntity", 2, 40, 50, "&amp;quot;"),
        ("MTArtefacts.StrayTag", 2, 55, 65, "&lt;br&gt;"),
    ]
    assert_spans_match(text, findings)


def test_anonymisation_tags_company_names_and_percentages_pass():
    text = "Headline\n\nThe #PRS_ORG# deal with AT&T and R&D spending rose 5% (10%-15% in July); Q&As; <A note on eating>.\n"
    assert found(text) == []


# -- the kinds fail loudly on bad YAML --------------------------------------------


def _bad_pack(tmp_path, body: str):
    pack = tmp_path / "Bad"
    pack.mkdir()
    (pack / "pack.yaml").write_text("name: Bad\n", encoding="utf-8")
    (pack / "Rule.yml").write_text(textwrap.dedent(body), encoding="utf-8")
    (tmp_path / ".mtlint.yaml").write_text("pack_paths: [Bad]\npacks: [Bad]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Headline\n\nText.\n", encoding="utf-8")
    return run_cli("check", str(tmp_path / "a.txt"))


@pytest.mark.parametrize(
    "body, line, words",
    [
        ("kind: quotation\nscope: paragraph\nfunction_words: [the]\n", 2, "scope: quotation"),
        ("kind: quotation\nfunction_words: [the]\nmin_weak: many\n", 3, "'min_weak'"),
        ("kind: quotation\nlevel: warning\n", 1, "needs 'function_words'"),
        ("kind: repetition\nnames: maybe\n", 2, "'names' must be true or false"),
        ("kind: repetition\nallow: {a: b}\n", 2, "'allow' must be a string or a list"),
        ("kind: script\nhomoglyphs: {a: б}\n", 2, "must map one Cyrillic or Greek letter"),
        ("kind: script\nlevel: warning\n", 1, "needs 'homoglyphs'"),
        ("kind: language\nlanguages: [de]\n", 2, "'languages' must be a mapping of text to text"),
        ("kind: language\nlanguages: {German: German}\nfunction_words: {en: [the]}\n", 2, "ISO 639"),
        ("kind: language\nlanguages: {de: German}\nfunction_words: {de: [der]}\n", 3, "including 'en'"),
        ("kind: language\nlanguages: {de: German}\nfunction_words: {en: [the]}\nconfidence: 2\n", 4, "'confidence'"),
        ("kind: language\nlanguages: {de: German}\nfunction_words: {en: [the]}\nmin_words: {title: 3}\n", 4, "'min_words'"),
        ("kind: mojibake\ncharset: cp1252\n", 2, "unknown field 'charset'"),
    ],
)
def test_bad_fields_of_the_new_kinds_fail_with_file_and_line(tmp_path, body, line, words):
    result = _bad_pack(tmp_path, body)
    assert result.exit_code == 2
    assert f"Rule.yml:{line}:" in result.stderr
    assert words in result.stderr


def test_unknown_language_code_is_a_pack_error_not_a_crash(tmp_path):
    result = _bad_pack(
        tmp_path,
        """\
        kind: language
        languages: {xx: Martian, de: German}
        function_words: {en: [the], de: [der, die, das, und]}
        """,
    )
    assert result.exit_code == 0  # the model is not loaded for text with no candidate
    (tmp_path / "a.txt").write_text("Headline\n\nDie Regierung und der Kanzler haben das gestern beschlossen.\n", encoding="utf-8")
    result = run_cli("check", str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    assert "Rule.yml:2:" in result.stderr and "xx" in result.stderr


# -- false alarms on real human-written news (read in place, never copied) ---------

HUMAN = SHARED / "corpus" / "dev" / "human"


@pytest.mark.skipif(not HUMAN.is_dir(), reason="the shared dev corpus is not beside the repository")
def test_false_alarms_on_human_news_stay_below_one_per_10000_words():
    result = run_cli("check", "--pack", "MTArtefacts", "--format", "json", "--fail-on", "never", str(HUMAN))
    findings = json.loads(result.stdout)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in Path(HUMAN).glob("*.txt"))
    serious = [f for f in findings if f["level"] != "suggestion"]
    assert len(serious) * 1000 / words < 0.1, [(f["rule"], f["match"]) for f in serious]
