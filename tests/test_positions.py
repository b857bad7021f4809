"""Every finding points into the ORIGINAL file: Markdown, HTML, CRLF, BOM, tabs, NFD, astral."""
from __future__ import annotations

import json
import unicodedata

from conftest import assert_spans_match, lint, run_cli


def _where(findings, rule="Terminology.UkrainePlaces"):
    return [(f.line, f.column, f.match) for f in findings if f.rule == rule]


MARKDOWN = """---
title: Kiev in front matter
tags: [Kiev]
---

# Talks in *Kiev* end

Some **bold** text about [Kiev](https://kiev.example/Kiev "Kiev title") and `Kiev` code.

> A quote from Odessa
> continues on a second line.

- Item one, Kharkov
- Tom &amp; Jerry in Lvov
  1. nested Rovno

```
Kiev in a fence
```

    Kiev in indented code

Escaped \\*Kiev\\* and <span>Kiev</span> and ![Kiev photo](kiev.png) after.

| City | Note |
|------|------|
| Kiev | Kharkov |
"""


def test_markdown_positions_and_skipped_code():
    findings = lint(MARKDOWN, "article.md")
    assert _where(findings) == [
        (6, 13, "Kiev"),  # heading, inside emphasis
        (8, 27, "Kiev"),  # link text; not the URL or the title
        (10, 16, "Odessa"),  # block quote
        (13, 13, "Kharkov"),  # list items
        (14, 22, "Lvov"),  # after an entity
        (15, 13, "Rovno"),  # nested ordered list
        (23, 11, "Kiev"),  # after an escape
        (23, 28, "Kiev"),  # inside inline HTML; the image alt text is skipped
        (27, 3, "Kiev"),  # table cells
        (27, 10, "Kharkov"),
    ]
    assert_spans_match(MARKDOWN, findings)


def test_markdown_quotation_across_soft_line_break_keeps_positions():
    text = "Intro line here.\n\nHe said “we met Stephane\nSejourne in Kiev” on Monday.\n"
    findings = lint(text, "a.md")
    people = [(f.line, f.column, f.match) for f in findings if f.rule == "Names.People"]
    assert people == [(3, 17, "Stephane\nSejourne")]
    assert _where(findings) == [(4, 13, "Kiev")]
    assert_spans_match(text, findings)


def test_markdown_entity_and_escape_inside_a_match_cover_the_original_construct():
    text = "Intro.\n\nStephane&#32;Sejourne spoke, then \\Kiev.\n"
    findings = lint(text, "a.md")
    people = [f for f in findings if f.rule == "Names.People"]
    assert [(f.line, f.column, f.match) for f in people] == [(3, 1, "Stephane&#32;Sejourne")]
    assert_spans_match(text, findings)


HTML = """<!DOCTYPE html>
<html><head><title>Troops &amp; tanks | World News</title>
<style>.Kiev { color: red }</style>
<script>var city = "Kiev";</script></head>
<body>
<h1>Leaders meet in Kharkov</h1>
<p>Tom &amp; Jerry&nbsp;visited Kiev<br>and then Odessa.</p>
<p>St&eacute;phane Sejourne &#8212; <a href="/Kiev">Kiev</a></p>
<blockquote><p>Quoted Lvov</p></blockquote>
<pre>Kiev</pre><p>Inline <code>Kiev</code> skipped</p>
<!-- Kiev in a comment -->
</body></html>
"""


def test_html_positions_entities_and_skipped_elements():
    findings = lint(HTML, "page.html")
    assert _where(findings) == [
        (6, 21, "Kharkov"),  # the first h1 is the headline
        (7, 33, "Kiev"),  # after &amp; and &nbsp;
        (7, 50, "Odessa"),  # after <br>
        (8, 53, "Kiev"),  # link text, not the href
        (9, 23, "Lvov"),  # block quote
    ]
    people = [(f.line, f.column, f.match) for f in findings if f.rule == "Names.People"]
    assert people == [(8, 4, "St&eacute;phane Sejourne")]
    suffix = [(f.line, f.column, f.match) for f in findings if f.rule == "Boilerplate.HeadlineSuffix"]
    assert suffix == [(2, 38, " | World News")]
    assert_spans_match(HTML, findings)


def test_crlf_positions_are_the_same_lines_and_columns(seed_text):
    lf = lint(seed_text)
    crlf_text = seed_text.replace("\n", "\r\n")
    crlf = lint(crlf_text)
    assert [(f.rule, f.line, f.column, f.match) for f in crlf] == [(f.rule, f.line, f.column, f.match) for f in lf]
    for f in crlf:
        assert crlf_text[f.offset : f.offset + f.length] == f.match
        assert "\r" not in f.match
    assert crlf[1].offset == lf[1].offset + (lf[1].line - 1)  # one extra code point per line above


def test_crlf_markdown_and_html():
    md = "# Title\r\n\r\nA line about\r\nKiev and Odessa.\r\n"
    assert _where(lint(md, "a.md")) == [(4, 1, "Kiev"), (4, 10, "Odessa")]
    html = "<p>A line about\r\nKiev</p>\r\n<p>x<br>\r\nOdessa</p>"
    findings = lint(html, "a.html")
    assert _where(findings) == [(2, 1, "Kiev"), (4, 1, "Odessa")]
    assert_spans_match(html, findings)


def test_bom_is_not_counted(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffKiev talks began.\n".encode("utf-8"))
    result = run_cli("check", "--format", "json", str(path))
    [finding] = [f for f in result.json() if f["rule"] == "Terminology.UkrainePlaces"]
    assert (finding["line"], finding["column"], finding["offset"], finding["match"]) == (1, 1, 0, "Kiev")


def test_tabs_nfd_and_astral_characters_count_one_code_point_each():
    nfd_name = unicodedata.normalize("NFD", "Séjourné")
    text = f"Intro.\n\n\t{nfd_name} 😀🇺🇦 met in Kiev with 𝒳 Stephane Sejourne.\n"
    findings = lint(text)
    # tab = 1, "Séjourné" in NFD = 10 code points, emoji = 1 each (flag = 2)
    assert _where(findings) == [(3, 24, "Kiev")]
    people = [(f.line, f.column, f.match) for f in findings if f.rule == "Names.People"]
    assert people == [(3, 36, "Stephane Sejourne")]
    assert_spans_match(text, findings)


def test_nfd_name_with_diacritics_is_not_flagged():
    text = "Intro.\n\n" + unicodedata.normalize("NFD", "Stéphane Séjourné spoke.") + "\n"
    assert [f for f in lint(text) if f.rule.startswith("Names")] == []


def test_stdin_uses_stdin_filename_for_format_and_path():
    md = "# Head\n\nText with `Kiev` code and Kiev prose.\n"
    result = run_cli("check", "--format", "json", "-", "--stdin-filename", "story.md", input=md)
    found = [(f["path"], f["line"], f["column"], f["match"]) for f in result.json()]
    assert found == [("story.md", 3, 27, "Kiev")]
    assert result.exit_code == 1


def test_json_output_is_valid_and_utf8():
    result = run_cli("check", "--format", "json", "-", "--stdin-filename", "x.txt", input="Intro.\n\nStephane Sejourne\n")
    data = json.loads(result.stdout)
    assert data[0]["suggestions"] == ["Stéphane Séjourné"]
    assert "Séjourné" in result.stdout  # not \\u-escaped


def test_fixes_are_offered_only_where_they_cannot_damage_markup():
    md = "Intro.\n\nStephane *Sejourne* met Stephane Sejourne in Kiev.\n"
    fixes = {f.match: f.fix for f in lint(md, "a.md") if f.rule in ("Names.People", "Terminology.UkrainePlaces")}
    assert fixes["Stephane *Sejourne"] is None  # emphasis inside the span: no automatic fix
    assert fixes["Stephane Sejourne"].replacement == "Stéphane Séjourné"
    assert fixes["Kiev"].replacement == "Kyiv"
    html = "<p>St&eacute;phane Sejourne visited Kiev &amp; Odessa</p>"
    fixes = {f.match: f.fix for f in lint(html, "a.html") if f.fix}
    fix = fixes["St&eacute;phane Sejourne"]
    assert (html[fix.offset : fix.offset + fix.length], fix.replacement) == ("St&eacute;phane Sejourne", "Stéphane Séjourné")
    assert fixes["Odessa"].replacement == "Odesa"
