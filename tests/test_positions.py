"""Every finding points into the ORIGINAL file: Markdown, HTML, CRLF, BOM, tabs, NFD, astral; and a fuzzer over both markups."""
from __future__ import annotations

import json
import random
import unicodedata

import pytest

from conftest import PLACES, ROOT, assert_spans_match, fixes_of, lint, run_cli, where
from lint import formats
from lint.config import Config, Selection, active_rules
from lint.engine import lint_text


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
    assert where(findings) == [
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
    assert where(findings) == [(4, 13, "Kiev")]
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
    assert where(findings) == [
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
    assert where(lint(md, "a.md")) == [(4, 1, "Kiev"), (4, 10, "Odessa")]
    html = "<p>A line about\r\nKiev</p>\r\n<p>x<br>\r\nOdessa</p>"
    findings = lint(html, "a.html")
    assert where(findings) == [(2, 1, "Kiev"), (4, 1, "Odessa")]
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
    assert where(findings) == [(3, 24, "Kiev")]
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


# -- Markdown: positions ----------------------------------------------------------------------
def test_markdown_with_lone_cr_line_ends_is_parsed_not_a_traceback():
    # markdown-it counts a lone CR as a line end; the report counts lines by "\n" only (as git does).
    text = "Intro.\r\rKharkov here.\rKiev\rand more.\r"
    findings = lint(text, "a.md")
    assert where(findings) == [(1, 9, "Kharkov"), (1, 23, "Kiev")]  # "Kiev" after a soft break was lost too
    assert_spans_match(text, findings)


def test_markdown_multiline_inline_html_with_crlf_is_skipped_whole():
    # The attribute value used to be taken for the link text (and --fix rewrote the href).
    text = 'Intro.\r\n\r\nSee <a\r\nhref="Kiev">Kiev</a> now.\r\n'
    findings = lint(text, "a.md")
    assert where(findings) == [(4, 13, "Kiev")]
    assert_spans_match(text, findings)


@pytest.mark.parametrize("entity", ["&#128;", "&NotEqualTilde;"])
def test_markdown_entities_markdown_it_decodes_its_own_way_keep_the_rest_of_the_line(entity):
    # markdown-it turns &#128; into U+FFFD and &NotEqualTilde; into two code points: the text after was lost.
    text = f"Intro.\n\nA {entity} then Kiev.\n"
    findings = lint(text, "a.md")
    assert where(findings) == [(3, len(entity) + 9, "Kiev")]
    assert_spans_match(text, findings)


def test_markdown_entity_made_of_an_entity_maps_to_the_whole_source():
    # "&amp;amp;" shows "&amp;": its plain "&amp;" used to map onto the first five source characters only.
    text = "Intro.\n\nTom &amp;amp; Jerry\n"
    block = formats.parse("a.md", text).blocks[1]
    start = block.text.index("&amp;")
    tm = block.textmap
    assert text[tm.orig_start(start) : tm.orig_end(start + 5)] == "&amp;amp;"


def test_markdown_nul_after_the_binary_sniff_keeps_the_rest_of_the_line():
    text = "Intro.\n\nA\0 b Kiev.\n"
    assert where(lint(text, "a.md")) == [(3, 6, "Kiev")]


def test_markdown_link_title_with_a_parenthesis_is_not_prose():
    text = 'Intro.\n\nSee [a](u "x ) Kiev") Kiev now.\n'
    findings = lint(text, "a.md")
    assert where(findings) == [(3, 23, "Kiev")]  # not the title's, 7 columns earlier
    assert_spans_match(text, findings)


def test_markdown_parentheses_after_a_reference_link_are_prose():
    # "(see Kiev below)" is not a link destination: markdown-it reads text there, and so must mtlint.
    text = "Intro.\n\nSee [Kharkov](see Kiev below) and Odessa.\n\n[Kharkov]: http://example.com/k\n"
    findings = lint(text, "a.md")
    assert where(findings) == [(3, 6, "Kharkov"), (3, 19, "Kiev"), (3, 35, "Odessa")]
    assert_spans_match(text, findings)


def test_markdown_autolink_address_is_one_atomic_span():
    # markdown-it decodes "%69" to "i": the match ran on into the prose and the prose "Kiev" was lost.
    text = "Intro.\n\nSee <http://a.com/K%69ev> and Kiev now.\n"
    findings = lint(text, "a.md")
    assert where(findings) == [(3, 6, "http://a.com/K%69ev"), (3, 31, "Kiev")]
    assert fixes_of(findings) == [("http://a.com/K%69ev", None), ("Kiev", "Kyiv")]
    assert_spans_match(text, findings)


# -- HTML --------------------------------------------------------------------------------------
@pytest.mark.parametrize("ref", ["&#", "&#;", "&#x;"])
def test_html_after_a_broken_character_reference_tags_are_still_tags(ref):
    # HTMLParser(convert_charrefs=False) handed the rest of the file over as text: comments and
    # <code> were linted (and fixed), "</p>" was reported as a stray tag.
    text = f"<p>Fig {ref} 3 &#; <!-- Kiev --> <code>Kharkov</code> Odessa</p>\n<p>Lvov</p>\n"
    findings = lint(text, "a.html")
    assert where(findings) == [(1, len(ref) + 50, "Odessa"), (2, 4, "Lvov")]
    assert not [f for f in findings if "<" in f.match]
    assert_spans_match(text, findings)


def test_html_empty_comments_do_not_hide_the_text_after_them():
    text = "<p>A <!--> Kiev and <!---> Kharkov.</p>"
    assert where(lint(text, "a.html")) == [(1, 12, "Kiev"), (1, 28, "Kharkov")]


def test_html_block_tag_inside_svg_does_not_split_the_paragraph():
    text = "<p>Headline</p><p>We met Stephane <svg><title>icon</title></svg>Sejourne today.</p>"
    findings = lint(text, "a.html")
    assert where(findings, "Names.People") == [(1, 26, "Stephane <svg><title>icon</title></svg>Sejourne")]


def test_html_entities_with_and_without_semicolons_map_to_their_source():
    # Guards the text alignment that replaced the parser's own character-reference events.
    text = "<p>Intro.</p><p>&ampfoo &notit; &copy 3 &#8212 x&#x41;y Tom &amp; Jerry in Kiev.</p>"
    findings = lint(text, "a.html")
    assert where(findings) == [(1, 76, "Kiev")]
    assert_spans_match(text, findings)


# -- Position mapping, fuzzed ----------------------------------------------------------------------
FLAG = "Kharkov"
_MD_INLINE = [
    ("{F}", True), ("*{F}*", True), ("**{F}**", True), ("_{F}_", True), ("~~{F}~~", True),
    ("[{F}](http://x/{W} \"{W} ) t\")", True), ("[{F}][ref]", True), ("\\*{F}\\*", True),
    ('<span class="{W}">{F}</span>', True), ("a\t{F}\tb", True), ("[a [b] {F}](u)", True),
    ("![{W}]({W}.png)", False), ("`{W}`", False), ("``a ` {W}``", False), ("<http://{w}.example>", False),
    ("&amp;", False), ("&#128;", False), ("&NotEqualTilde;", False), ("&amp;amp;", False), ("\\&", False),
    ("the the", False), ("3,5%", False), ("Leave a Reply", False), ("😀 𝒳", False), ("Se\u0301journe\u0301", False),
]
_HTML_INLINE = [
    ("{F}", True), ("<b>{F}</b>", True), ("<a href='/x>y'>{F}</a>", True), ("<span title='a > b'>{F}</span>", True),
    ("<b>a <i>{F}</i></b>", True), ("<!-- {W} -->", False), ("<![CDATA[ {W} ]]>", False), ("<code>{W}</code>", False),
    ('<img alt="{W}" src="x>y">', False), ("&amp;", False), ("&amp", False), ("&nbsp", False), ("&#8212", False),
    ("&#x2014;", False), ("&copy", False), ("&bogus;", False), ("&#;", False), ("<br/>", False), ("<br>", False),
    ("<!-->", False), ("the the", False), ("3,5%", False), ("&amp;quot;", False), ("😀 𝒳", False),
]


def _article(rnd: random.Random, fmt: str) -> tuple[str, list[int]]:
    """A random article and the offsets where FLAG stands in prose (so must be reported)."""
    parts: list[tuple[str, bool]] = []

    def inline(n):
        for _ in range(n):
            template, prose = rnd.choice(_MD_INLINE if fmt == "md" else _HTML_INLINE)
            before, _, after = template.partition("{F}")
            fill = {"W": FLAG, "w": FLAG.lower()}
            if prose:
                parts.extend([(" " + before.format(**fill), False), (FLAG, True), (after.format(**fill) + " ", False)])
            else:
                parts.append((" " + template.format(**fill) + " ", False))

    if fmt == "md":
        parts.append(("Intro.\n\n", False))
        for _ in range(rnd.randint(1, 5)):
            kind = rnd.choice(["p", "h", "quote", "list", "table", "code"])
            prefix = {"p": "", "h": "## ", "quote": "> ", "list": "- ", "table": "| ", "code": "```\n"}[kind]
            parts.append((prefix, False))
            if kind == "code":
                parts.append((FLAG + "\n```", False))
            else:
                inline(rnd.randint(1, 4))
            if kind == "quote":
                parts.append(("\nlazy", False))
                inline(1)
            parts.append((" |\n|---|\n\n" if kind == "table" else "\n\n", False))
        parts.append(("[ref]: http://x\n", False))
    else:
        parts.append(("<html><body>\n<p>Intro.</p>\n", False))
        for _ in range(rnd.randint(1, 5)):
            tag = rnd.choice(["p", "h2", "li", "td", "blockquote"])
            parts.append((f"<{tag}>", False))
            inline(rnd.randint(1, 4))
            parts.append((f"</{tag}>\n", False))
    eol = rnd.choice(["\n", "\n", "\r\n"] + (["\r"] if fmt == "md" else []))
    text, expected = "", []
    for piece, flagged in parts:
        if flagged:
            expected.append(len(text))
        text += piece.replace("\n", eol)
    return text, expected


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_fuzzed_articles_report_every_word_at_its_original_place(fmt):
    rules = active_rules(Config(root=str(ROOT)), Selection())
    rnd = random.Random(20261124)
    for _ in range(150):
        text, expected = _article(rnd, fmt)
        findings = lint_text(f"a.{fmt}", text, rules).findings
        assert_spans_match(text, findings)
        for f in findings:
            end = f.offset + f.length
            assert sum(len(line) + 1 for line in text.split("\n")[: f.end_line - 1]) + f.end_column - 1 == end, f
        reported = sorted(f.offset for f in findings if f.rule == PLACES and f.match == FLAG)
        assert reported == expected, text
        for block in formats.parse(f"a.{fmt}", text).blocks:  # copied pieces are the source's own text
            tm = block.textmap
            for part, start, end, verbatim in zip(tm._parts, tm._orig_starts, tm._orig_ends, tm._verbatim):
                assert not verbatim or text[start:end] == part
