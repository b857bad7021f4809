"""Regressions found in review: positions into the original file, safe fixes, and bad input.

Each test names the symptom it guards against. Positions are checked against the
original text with `assert_spans_match` as well as by exact line and column.
"""
from __future__ import annotations

import os
import random
import textwrap

import pytest
from click.testing import CliRunner
from conftest import ROOT, assert_spans_match, lint, run_cli

from lint import formats
from lint.cli import main
from lint.config import Config, Selection, active_rules
from lint.engine import lint_text

PLACES = "Terminology.UkrainePlaces"


def _where(findings, rule=PLACES):
    return [(f.line, f.column, f.match) for f in findings if f.rule == rule]


def _fixes(findings, rule=PLACES):
    return [(f.match, f.fix.replacement if f.fix else None) for f in findings if f.rule == rule]


# -- Markdown: positions ----------------------------------------------------------------------
def test_markdown_with_lone_cr_line_ends_is_parsed_not_a_traceback():
    # markdown-it counts a lone CR as a line end; the report counts lines by "\n" only (as git does).
    text = "Intro.\r\rKharkov here.\rKiev\rand more.\r"
    findings = lint(text, "a.md")
    assert _where(findings) == [(1, 9, "Kharkov"), (1, 23, "Kiev")]  # "Kiev" after a soft break was lost too
    assert_spans_match(text, findings)


def test_markdown_multiline_inline_html_with_crlf_is_skipped_whole():
    # The attribute value used to be taken for the link text (and --fix rewrote the href).
    text = 'Intro.\r\n\r\nSee <a\r\nhref="Kiev">Kiev</a> now.\r\n'
    findings = lint(text, "a.md")
    assert _where(findings) == [(4, 13, "Kiev")]
    assert_spans_match(text, findings)


@pytest.mark.parametrize("entity", ["&#128;", "&NotEqualTilde;"])
def test_markdown_entities_markdown_it_decodes_its_own_way_keep_the_rest_of_the_line(entity):
    # markdown-it turns &#128; into U+FFFD and &NotEqualTilde; into two code points: the text after was lost.
    text = f"Intro.\n\nA {entity} then Kiev.\n"
    findings = lint(text, "a.md")
    assert _where(findings) == [(3, len(entity) + 9, "Kiev")]
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
    assert _where(lint(text, "a.md")) == [(3, 6, "Kiev")]


def test_markdown_link_title_with_a_parenthesis_is_not_prose():
    text = 'Intro.\n\nSee [a](u "x ) Kiev") Kiev now.\n'
    findings = lint(text, "a.md")
    assert _where(findings) == [(3, 23, "Kiev")]  # not the title's, 7 columns earlier
    assert_spans_match(text, findings)


def test_markdown_parentheses_after_a_reference_link_are_prose():
    # "(see Kiev below)" is not a link destination: markdown-it reads text there, and so must mtlint.
    text = "Intro.\n\nSee [Kharkov](see Kiev below) and Odessa.\n\n[Kharkov]: http://example.com/k\n"
    findings = lint(text, "a.md")
    assert _where(findings) == [(3, 6, "Kharkov"), (3, 19, "Kiev"), (3, 35, "Odessa")]
    assert_spans_match(text, findings)


def test_markdown_autolink_address_is_one_atomic_span():
    # markdown-it decodes "%69" to "i": the match ran on into the prose and the prose "Kiev" was lost.
    text = "Intro.\n\nSee <http://a.com/K%69ev> and Kiev now.\n"
    findings = lint(text, "a.md")
    assert _where(findings) == [(3, 6, "http://a.com/K%69ev"), (3, 31, "Kiev")]
    assert _fixes(findings) == [("http://a.com/K%69ev", None), ("Kiev", "Kyiv")]
    assert_spans_match(text, findings)


# -- Markdown: fixes that would break links ---------------------------------------------------------
LINKS = """Intro.

See [Kharkov], [Kiev][] and [Lvov][r] and <foo@Kiev.example>.

[Kharkov]: http://example.com/k
[Kiev]: http://example.com/kv
[r]: http://example.com/l
"""


def test_markdown_link_text_that_is_its_reference_label_gets_no_fix():
    findings = lint(LINKS, "a.md")
    assert _fixes(findings) == [("Kharkov", None), ("Kiev", None), ("Lvov", "Lviv"), ("foo@Kiev.example", None)]


def test_fix_keeps_markdown_reference_links_and_addresses_working(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(LINKS, encoding="utf-8")
    run_cli("check", "--fix", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert "See [Kharkov], [Kiev][] and [Lviv][r] and <foo@Kiev.example>." in fixed


@pytest.mark.parametrize("name, text", [
    ("a.txt", "Intro.\n\nRead https://example.com/Kiev-news and Kiev.\n"),
    ("a.md", "Intro.\n\nRead https://example.com/Kiev-news and Kiev.\n"),
    ("a.html", '<p>Intro.</p><p>Read <a href="u">https://example.com/Kiev-news</a> and Kiev.</p>'),
])
def test_no_fix_inside_a_web_address(name, text):
    assert _fixes(lint(text, name)) == [("Kiev", None), ("Kiev", "Kyiv")]


# -- HTML --------------------------------------------------------------------------------------
@pytest.mark.parametrize("ref", ["&#", "&#;", "&#x;"])
def test_html_after_a_broken_character_reference_tags_are_still_tags(ref):
    # HTMLParser(convert_charrefs=False) handed the rest of the file over as text: comments and
    # <code> were linted (and fixed), "</p>" was reported as a stray tag.
    text = f"<p>Fig {ref} 3 &#; <!-- Kiev --> <code>Kharkov</code> Odessa</p>\n<p>Lvov</p>\n"
    findings = lint(text, "a.html")
    assert _where(findings) == [(1, len(ref) + 50, "Odessa"), (2, 4, "Lvov")]
    assert not [f for f in findings if "<" in f.match]
    assert_spans_match(text, findings)


def test_html_empty_comments_do_not_hide_the_text_after_them():
    text = "<p>A <!--> Kiev and <!---> Kharkov.</p>"
    assert _where(lint(text, "a.html")) == [(1, 12, "Kiev"), (1, 28, "Kharkov")]


def test_html_block_tag_inside_svg_does_not_split_the_paragraph():
    text = "<p>Headline</p><p>We met Stephane <svg><title>icon</title></svg>Sejourne today.</p>"
    findings = lint(text, "a.html")
    assert _where(findings, "Names.People") == [(1, 26, "Stephane <svg><title>icon</title></svg>Sejourne")]


def test_html_entities_with_and_without_semicolons_map_to_their_source():
    # Guards the text alignment that replaced the parser's own character-reference events.
    text = "<p>Intro.</p><p>&ampfoo &notit; &copy 3 &#8212 x&#x41;y Tom &amp; Jerry in Kiev.</p>"
    findings = lint(text, "a.html")
    assert _where(findings) == [(1, 76, "Kiev")]
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


# -- Bad input through the command line ------------------------------------------------------------
def test_unreadable_subfolder_is_reported_not_skipped(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Kiev.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Intro.\n\nNothing here.\n", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.path.basename(os.fspath(path)) == "sub":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = run_cli("check", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"mtlint: error: {tmp_path / 'sub'}: cannot read folder: Permission denied"


def test_utf32_and_bom_only_files_are_refused(tmp_path):
    (tmp_path / "u32.txt").write_bytes("Kiev is here.\n".encode("utf-32"))
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf")
    result = run_cli("check", str(tmp_path / "u32.txt"), str(tmp_path / "bom.txt"))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"mtlint: error: {tmp_path / 'u32.txt'}: UTF-32 text is not supported; convert it to UTF-8",
        f"mtlint: error: {tmp_path / 'bom.txt'}: empty file, nothing to lint",
    ]


def test_fix_on_stdin_that_cannot_be_read_gives_the_input_back():
    # `mtlint check --fix - < a.md > fixed.md` left fixed.md empty.
    result = CliRunner().invoke(main, ["check", "--fix", "-"], input=b"ab\xffKiev")
    assert result.exit_code == 2
    assert result.stdout_bytes == b"ab\xffKiev"
    assert "<stdin>:1: not valid UTF-8 (byte 0xff at offset 2)" in result.stderr


def test_report_to_a_missing_folder_is_one_line_exit_2(tmp_path):
    (tmp_path / "a.txt").write_text("Intro.\n\nKiev.\n", encoding="utf-8")
    result = run_cli("check", "--output", str(tmp_path / "no" / "r.txt"), str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    assert result.stderr == f"mtlint: error: {tmp_path / 'no' / 'r.txt'}: cannot write the report: No such file or directory\n"


def test_all_means_every_pack_wherever_a_pack_is_named(tmp_path):
    def article(folder: str, config: str = ""):
        (tmp_path / folder).mkdir()
        if config:
            (tmp_path / folder / ".mtlint.yaml").write_text(config, encoding="utf-8")
        (tmp_path / folder / "a.txt").write_text("Intro.\n\nKiev is here.\n", encoding="utf-8")
        return str(tmp_path / folder / "a.txt")

    result = run_cli("check", "--format", "json", "--pack", "all", article("plain"))
    assert [f["rule"] for f in result.json()] == [PLACES]  # was: no pack ran, exit 0
    result = run_cli("check", "--format", "json", article("one", "rules:\n  all: off\n  Terminology.UkrainePlaces: error\n"))
    assert [(f["rule"], f["level"]) for f in result.json()] == [(PLACES, "error")]  # was: "all" ignored
    path = article("none", "rules:\n  all: off\n")
    assert run_cli("check", path).exit_code == 0
    assert run_cli("check", "--enable", "all", path).exit_code == 1


@pytest.mark.parametrize("body, message", [
    ("tool = 1\n", "p.toml: 'tool' must be a table holding [tool.mtlint]"),
    ("\xff", "p.toml: not valid UTF-8"),
])
def test_bad_toml_config_is_one_line(tmp_path, body, message):
    (tmp_path / "p.toml").write_bytes(body.encode("latin-1"))
    (tmp_path / "a.txt").write_text("Intro.\n\nKiev.\n", encoding="utf-8")
    result = run_cli("check", "--config", str(tmp_path / "p.toml"), str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    assert result.stderr.strip().endswith(message)


@pytest.mark.parametrize("config, message", [
    ("rules:\n  Names.People: off\n  Names.Consistency: [x]\n", ".mtlint.yaml:3: rule 'Names.Consistency': '['x']' is not off, on or a level"),
    ("rules:\n  Names.People: 1\n", ".mtlint.yaml:2: rule 'Names.People': '1' is not off, on or a level"),
    ("language: [en]\n", ".mtlint.yaml:1: 'language' must be a language code such as en"),
])
def test_bad_config_values_are_one_line(tmp_path, config, message):
    (tmp_path / ".mtlint.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Intro.\n\nKiev.\n", encoding="utf-8")
    result = run_cli("check", str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_rules_list_with_a_config_naming_an_unknown_rule_is_one_line(tmp_path):
    (tmp_path / ".mtlint.yaml").write_text("rules:\n  Nope.X: off\n", encoding="utf-8")
    result = run_cli("rules", "list", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr == f"mtlint: error: {tmp_path / '.mtlint.yaml'}: unknown rule or pack 'Nope.X' in config\n".replace(".yaml:", ".yaml:2:")


# -- Bad packs -----------------------------------------------------------------------------------
def _pack(root, rule: str, files: dict[str, bytes] | None = None, meta: str = "name: Custom\n"):
    pack = root / "Custom"
    pack.mkdir(parents=True, exist_ok=True)
    (pack / "pack.yaml").write_text(meta, encoding="utf-8")
    (pack / "R.yml").write_text(textwrap.dedent(rule), encoding="utf-8")
    for name, data in (files or {}).items():
        (pack / name).write_bytes(data)
    (root / ".mtlint.yaml").write_text("pack_paths: [Custom]\npacks: [Custom]\n", encoding="utf-8")
    (root / "a.txt").write_text("Intro.\n\nKiev is here.\n", encoding="utf-8")
    return run_cli("check", str(root / "a.txt"))


TSV = b"# comment\nwrong\tright\tkind\nKiev\tKyiv\tcity\n"


@pytest.mark.parametrize("rule, files, message", [
    ("kind: substitution\nswap_file: {path: s.tsv, where: [1]}\n", {"s.tsv": TSV},
     "R.yml:2: rule Custom.R: 'swap_file' 'where' must map a column name to the value (or values) a row needs"),
    ("kind: substitution\nswap_file: {path: s.tsv}\n", {"s.tsv": b"wrong\tright\n\xff\tKyiv\n"},
     "R.yml:2: rule Custom.R: 'swap_file' s.tsv is not valid UTF-8"),
    ("kind: substitution\nswap_file: {path: s.tsv}\n", {"s.tsv": TSV + b"# two\nLvov\n"},
     "R.yml:2: rule Custom.R: 'swap_file' s.tsv line 5: no 'wrong' or no 'right' value"),
    ("kind: substitution\nnames_file: n.txt\n", {"n.txt": b"S\xe9journ\xe9\n"},
     "R.yml:2: rule Custom.R: 'names_file' file n.txt is not valid UTF-8"),
    ("kind: substitution\nfixable: true\nswap: {Kiev: null}\n", None,
     "R.yml:3: rule Custom.R: 'swap' must map text to text, not 'Kiev': None"),
    ("kind: consistency\neither: {Kyiv: [Kiev]}\n", None,
     "R.yml:2: rule Custom.R: 'either' must map text to text, not 'Kyiv': ['Kiev']"),
    ("kind: existence\ntokens: [Kiev]\nenabled: 'false'\n", None,
     "R.yml:3: rule Custom.R: 'enabled' must be true or false, not 'false'"),
    ("kind: existence\npatterns: ['(?:Kiev)?']\n", None,
     "R.yml:2: rule Custom.R: 'patterns' can match the empty string"),
    ("kind: existence\ntokens: [Kiev, '']\n", None,
     "R.yml:2: rule Custom.R: 'tokens' can match the empty string"),
    ("kind: existence\ntokens: [Kiev]\nexceptions: ['x|']\n", None,
     "R.yml:3: rule Custom.R: 'exceptions' can match the empty string"),
    ("kind: existence\ntokens: [Kiev]\nmessage: [x]\n", None,
     "R.yml:3: rule Custom.R: 'message' must be text, not ['x']"),
    ("kind: existence\ntokens: [Kiev]\nexamples: {flag: [[Kiev]]}\n", None,
     "R.yml:3: rule Custom.R: examples: an example must be text, not ['Kiev']"),
])
def test_bad_rule_files_fail_loudly_with_file_and_line(tmp_path, rule, files, message):
    result = _pack(tmp_path, rule, files)
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_pack_default_must_be_true_or_false(tmp_path):
    result = _pack(tmp_path, "kind: existence\ntokens: [Kiev]\n", meta="name: Custom\ndefault: 'no'\n")
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("pack.yaml:2: 'default' must be true or false")


def test_examples_given_as_one_string_are_one_example(tmp_path):
    _pack(tmp_path, "kind: existence\ntokens: [Kiev]\nexamples: {flag: Kiev is here., pass: Kyiv}\n")
    result = run_cli("rules", "test", "Custom", cwd=tmp_path)
    assert result.stdout == "1 rules checked, 0 examples failed.\n"  # was: each character an example


def test_rules_test_reports_a_regex_timeout_as_such(tmp_path, monkeypatch):
    from lint.kinds import base

    monkeypatch.setattr(base, "REGEX_TIMEOUT", 0.1)
    _pack(tmp_path, "kind: existence\ntokens: [foo]\nexceptions: ['(?:a|aa)+$']\n"
                    f"examples: {{flag: ['foo {'a' * 60}b']}}\n")
    result = run_cli("rules", "test", "Custom", cwd=tmp_path)
    assert result.exit_code == 1
    assert "took over 0.1s and was stopped" in result.stdout and "not flagged" not in result.stdout


def test_regex_timeout_counts_the_regex_not_the_work_on_its_matches(monkeypatch):
    # A long paragraph with many hits was reported as "catastrophic backtracking" of a built-in rule.
    from lint.kinds import base

    monkeypatch.setattr(base, "REGEX_TIMEOUT", 0.5)
    text = "Intro.\n\n" + "Kiev and Kharkov said. " * 20000 + "\n"
    rules = active_rules(Config(root=str(ROOT)), Selection(packs=("Terminology",)))
    result = lint_text("a.txt", text, rules)
    assert result.errors == []
    assert len([f for f in result.findings if f.rule == PLACES]) == 40000


def test_text_report_shows_a_lone_cr_as_a_space(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"Headline\r\rAbout Kiev here.\rMore.\r")
    result = run_cli("check", "--no-color", str(tmp_path / "a.txt"))
    assert "    1 | Headline  About Kiev here. More.\n" in result.stdout
