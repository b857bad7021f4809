"""The MTArtefacts pack as a whole: the seed article and its repaired twin, its examples, and articles
where several of its rules meet (numbers, markup and placeholder leakage). Each kind has its own file
(test_kind_*.py); single flag/pass cases are the rules' own examples (`mtlint rules test`)."""
from __future__ import annotations

from conftest import REPAIRED, assert_spans_match, found, lint, run_cli

PACK = ("MTArtefacts",)



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
    text = REPAIRED.read_text(encoding="utf-8")
    assert lint(text, "seed-article.repaired.txt", packs=PACK) == []


def test_rules_test_runs_every_example_of_the_pack():
    result = run_cli("rules", "test", "MTArtefacts")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "14 rules checked, 0 examples failed." in result.stdout


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
    assert found(text, packs=PACK) == []


def test_entities_tags_and_placeholders_in_plain_text():
    text = (
        "Headline\n\n"
        "He called it &quot;a provocation&quot;.<br>Prices&amp;nbsp;rose. It wasn&#8217;t clear.</p>\n\n"
        "{0} people were killed; the minister %s said %1$s troops and {{name}} were there.\n"
    )
    assert [(r, line, col, m) for r, line, col, m in found(text, packs=PACK)] == [
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
    assert found(text, packs=PACK) == []
