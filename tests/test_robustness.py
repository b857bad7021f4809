"""Issue 8 reproducers, run as a user runs them: malformed HTML, autolinks after container
prefixes, suppressions, --diff of BOM and UTF-16 files, fixes that would make markup, deep
nesting, hard links and temporary files left by killed runs; and the crashes a fuzzer found in
reading numbers and broken letters."""
from __future__ import annotations

import codecs
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_cli
from lint import formats
from lint.inputs import Decoded
from lint.errors import InputError
from lint.fixer import unified_diff

PLACES = ("-p", "Terminology")
ROOT = Path(__file__).resolve().parents[1]


def _findings(tmp_path, name: str, data: str | bytes, *args: str):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    result = run_cli("check", *PLACES, "--format", "json", *args, name, cwd=tmp_path)
    assert result.exit_code in (0, 1), result.stderr
    return result.json()


def _spans(text: str, findings):
    """(line, column, match) of each finding, after checking match and position agree with the text."""
    out = []
    for f in findings:
        assert text[f["offset"] : f["offset"] + f["length"]] == f["match"]
        line_start = text.rfind("\n", 0, f["offset"]) + 1
        assert (f["line"], f["column"]) == (text.count("\n", 0, f["offset"]) + 1, f["offset"] - line_start + 1)
        out.append((f["line"], f["column"], f["match"]))
    return out


# -- 1. malformed HTML is text or a comment, never a crash ----------------------------------------
@pytest.mark.parametrize("html, expected", [
    ("<p>Talks in Kiev.</p>\n<![ \n", [(1, 13, "Kiev")]),
    ("<![6", []),
    ("<p>x <![ CDATA[ Kiev ]]></p>", []),          # a bogus comment up to the first ">", as browsers read it
    ("<p>Kiev and <![CDATA[Kiev]]> Kiev</p>", [(1, 4, "Kiev"), (1, 30, "Kiev")]),
    ("<p>Talks.</p>\n<!-- Kiev, never closed", []),  # an unclosed comment at the end is a comment
    ("<p>Talks in Kiev <a href='Kiev", [(1, 13, "Kiev")]),  # an unterminated tag is dropped
])
def test_malformed_html_is_read_as_a_browser_reads_it(tmp_path, html, expected):
    assert _spans(html, _findings(tmp_path, "a.html", html)) == expected


def test_malformed_html_does_not_stop_the_other_files(tmp_path):
    (tmp_path / "a.html").write_text("<p>Talks in Kiev.</p>\n<![ \n")
    (tmp_path / "b.txt").write_text("Talks in Kiev.\n")
    result = run_cli("check", *PLACES, "--fix", "a.html", "b.txt", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "a.html").read_text() == "<p>Talks in Kyiv.</p>\n<![ \n"
    assert (tmp_path / "b.txt").read_text() == "Talks in Kyiv.\n"


# -- 2. autolinks right after a container prefix -----------------------------------------------------
@pytest.mark.parametrize("markdown, column", [
    ("> <https://kiev.example/Kiev>\n", 4),
    ("- <https://kiev.example/Kiev> city\n", 4),
    ("# <https://kiev.example/Kiev>\n", 4),
    ("1. <https://kiev.example/Kiev>\n", 5),
    ("| <https://kiev.example/Kiev> | b |\n|---|---|\n", 4),
    ("> - > 1. <https://kiev.example/Kiev>\n", 11),
])
def test_autolink_after_a_container_prefix_maps_to_the_address(tmp_path, markdown, column):
    found = _spans(markdown, _findings(tmp_path, "a.md", markdown))
    assert found == [(1, column, "https://kiev.example/Kiev")]


def test_link_after_a_prefix_locks_only_its_label(tmp_path):
    text = "> [Kiev] is a label.\n\n[Kiev]: https://example.org/\n"
    found = _findings(tmp_path, "a.md", text)
    assert _spans(text, found) == [(1, 4, "Kiev")]
    assert "fix" not in found[0]  # the link text is its reference label: no fix


# -- 3. suppressions ---------------------------------------------------------------------------------
def test_directive_in_a_code_span_is_not_a_directive(tmp_path):
    text = "Write `<!-- mtlint-disable -->` to silence Kiev. <!-- mtlint-disable-next-line -->\nKiev again.\n\nKiev here.\n"
    assert _spans(text, _findings(tmp_path, "a.md", text)) == [(1, 44, "Kiev"), (4, 1, "Kiev")]


@pytest.mark.parametrize("name, text", [
    ("a.txt", "<!-- mtlint-disable-next-line -->\rKiev is silenced.\nKiev is not.\n"),
    ("a.md", "<!-- mtlint-disable-next-line -->\rKiev is silenced.\nKiev is not.\n"),
    ("a.html", "<p><!-- mtlint-disable-next-line -->\rKiev is silenced.\nKiev is not.</p>\n"),
])
def test_disable_next_line_after_a_lone_cr(tmp_path, name, text):
    found = _spans(text, _findings(tmp_path, name, text))
    assert [m for _, _, m in found] == ["Kiev"] and found[0][0] == 2


def test_next_line_span_counts_a_lone_cr():
    doc = formats.parse("a.txt", "<!-- x -->\rKiev\r\nnext\n")
    assert doc.next_line_span(10) == (11, 17)
    assert doc.next_line_span(12) == (17, 22)
    assert doc.next_line_span(22) == (22, 22)


# -- 4. --diff of BOM and UTF-16 files ---------------------------------------------------------------
def _apply(tmp_path, name: str, data: bytes, diff: str, fixed: bytes) -> None:
    """The diff applies with `git apply` and with `patch -p1`, giving exactly `fixed`."""
    for tool in (["git", "apply", "-"], ["patch", "-p1", "--quiet"]):
        (tmp_path / name).write_bytes(data)
        subprocess.run(tool, input=diff.encode("utf-8"), cwd=tmp_path, check=True)
        assert (tmp_path / name).read_bytes() == fixed, tool


@pytest.mark.skipif(not shutil.which("patch"), reason="patch is installed by .ci/run")
def test_diff_of_a_bom_file_applies(tmp_path):
    text = "Talks in Kiev.\r\nMore.\n"
    source = Decoded("a.txt", text, "utf-8", True)
    diff = unified_diff("a.txt", text, text.replace("Kiev", "Kyiv"), source)
    _apply(tmp_path, "a.txt", codecs.BOM_UTF8 + text.encode(), diff, codecs.BOM_UTF8 + text.replace("Kiev", "Kyiv").encode())


def test_diff_of_a_bom_file_applies_from_the_cli(tmp_path):
    data = codecs.BOM_UTF8 + b"Talks in Kiev.\n"
    (tmp_path / "a.txt").write_bytes(data)
    diff = run_cli("check", *PLACES, "--diff", "a.txt", cwd=tmp_path).stdout
    _apply(tmp_path, "a.txt", data, diff, codecs.BOM_UTF8 + b"Talks in Kyiv.\n")


def test_diff_of_a_utf16_file_says_why_not():
    source = Decoded("a.txt", "Kiev\n", "utf-16-le", True)
    with pytest.raises(InputError, match="UTF-16"):
        unified_diff("a.txt", "Kiev\n", "Kyiv\n", source)


# -- 5. a fix never makes markup ---------------------------------------------------------------------
def test_html_fix_that_would_make_a_tag_is_refused():
    doc = formats.parse("a.html", "<p>a <&#x4Biev> b</p>")
    assert doc.blocks[0].text == "a <Kiev> b"
    assert formats.fix_replacement(doc, 5, 13, "Kiev", "Kyiv") is None
    doc = formats.parse("a.html", "<p>a &#x4Biev b &amp; Kiev</p>")
    assert formats.fix_replacement(doc, 5, 13, "Kiev", "Kyiv") == "Kyiv"
    assert formats.fix_replacement(doc, 5, 13, "Kiev", "K&Y") == "K&amp;Y"


def test_markdown_and_text_fixes_that_would_make_structure_are_refused():
    doc = formats.parse("a.md", "Talks in Kiev today\n")
    assert formats.fix_replacement(doc, 9, 13, "Kiev", "*Kyiv*") is None       # emphasis
    assert formats.fix_replacement(doc, 9, 13, "Kiev", "«Kyiv»") == "«Kyiv»"
    doc = formats.parse("a.txt", "Talks in Kiev today\n")
    assert formats.fix_replacement(doc, 9, 13, "Kiev", "Kyiv\n\n") is None      # a paragraph break
    assert formats.fix_replacement(doc, 9, 13, "Kiev", "Kyiv") == "Kyiv"


def test_html_fix_that_would_make_a_tag_is_not_offered(tmp_path):
    found = _findings(tmp_path, "a.html", "<p>a <&#x4Biev> b</p>")
    assert [f["match"] for f in found] == ["&#x4Biev"] and "fix" not in found[0]


# -- 6. deep nesting ---------------------------------------------------------------------------------
def test_ten_list_levels_are_linted(tmp_path):
    text = "".join("  " * i + "- level Kiev\n" for i in range(10))
    assert _spans(text, _findings(tmp_path, "a.md", text)) == [(i + 1, 2 * i + 9, "Kiev") for i in range(10)]


def test_twenty_blockquote_levels_are_linted(tmp_path):
    text = ">" * 20 + " Kiev\n"
    assert _spans(text, _findings(tmp_path, "a.md", text)) == [(1, 22, "Kiev")]


def test_nesting_past_the_limit_is_reported(tmp_path):
    (tmp_path / "a.md").write_text(">" * 300 + " Kiev\n")
    result = run_cli("check", *PLACES, "a.md", cwd=tmp_path)
    assert result.exit_code == 2
    # One line (the run loop may prefix it: today "mtlint: error: ", per file after the runner rewrite).
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.strip().endswith("a.md:1: Markdown nested too deeply (more than 200 levels of quotes, "
                                          "lists and list items); not linted")


# -- 7. hard links, temporary files ------------------------------------------------------------------
def test_hard_linked_file_is_refused_not_split(tmp_path):
    (tmp_path / "a.txt").write_text("Talks in Kiev.\n")
    os.link(tmp_path / "a.txt", tmp_path / "b.txt")
    result = run_cli("check", *PLACES, "--fix", "a.txt", cwd=tmp_path)
    assert result.exit_code == 2
    assert "a.txt: cannot write the fixes: it has 2 hard links" in result.stderr
    assert (tmp_path / "a.txt").read_text() == (tmp_path / "b.txt").read_text() == "Talks in Kiev.\n"
    assert os.stat(tmp_path / "a.txt").st_ino == os.stat(tmp_path / "b.txt").st_ino


def test_temporary_file_of_a_killed_run_is_removed(tmp_path):
    (tmp_path / "a.txt").write_text("Talks in Kiev.\n")
    dead = tmp_path / ".a.txt.4194305.0a1b2c3d.mtlint-tmp"  # a pid above any pid_max: its run is gone
    dead.write_text("half")
    alive = tmp_path / f".a.txt.{os.getpid()}.0a1b2c3d.mtlint-tmp"  # a running process's own: kept
    alive.write_text("busy")
    result = run_cli("check", *PLACES, "--fix", "a.txt", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["a.txt", alive.name])
    assert (tmp_path / "a.txt").read_text() == "Talks in Kyiv.\n"


# -- found by the fuzz suite -------------------------------------------------------------------------
@pytest.mark.parametrize("name, text", [
    ("a.md", "Talks `Kiev` talks about aid.\n"),
    ("a.html", "<p>Talks <code>Kiev</code> talks about aid.</p>\n"),
])
def test_words_either_side_of_code_are_not_one_run(tmp_path, name, text):
    """A doubled-word match across a code span covered the code: code stands between the words."""
    found = _findings(tmp_path, name, text, "-p", "MTArtefacts")
    assert [f for f in found if f["rule"] == "MTArtefacts.DoubledWord"] == []


def test_a_broken_letter_after_a_sharp_s_is_read_in_a_fresh_process(tmp_path):
    """ß before », … or ’ looks like a mis-decoded sequence; reading it needs ftfy's codec, which a process that had not
    imported ftfy yet did not have (LookupError: unknown encoding: sloppy-windows-1252). A fresh process, as a user
    runs it: in this one, earlier tests may have imported ftfy."""
    article = tmp_path / "a.txt"
    article.write_text("The sign read »Fuß«, meaning foot.\n\nIt was Spaß… they said.\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "lint", "check", "--no-cache", "--format", "json", "--fail-on", "never",
                          str(article)], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert [(f["rule"], f["line"], f["column"], f["match"]) for f in json.loads(run.stdout)] == [
        ("MTArtefacts.ForeignQuotes", 1, 15, "»Fuß«")]


@pytest.mark.parametrize("lang, source, target", [
    # a digit newer than this Python's Unicode (Kawi U+11F51), which float() cannot read: no digit here
    ("de", "Preis: 5 Euro.", "Price: 5\U00011F51 euros."),
    # letters a case-insensitive pattern takes for ASCII ones (long s, dotted capital I) in English number words
    # (an English source: a same-language rewrite)
    ("en", "Two thirdſ of them came.", "Two thirds of them came."),
    ("en", "Fİve in ten voted.", "Five in ten voted."),
])
def test_unusual_digits_and_letters_in_numbers_are_no_crash(tmp_path, lang, source, target):
    (tmp_path / "s.txt").write_text(source + "\n", encoding="utf-8")
    (tmp_path / "t.txt").write_text(target + "\n", encoding="utf-8")
    result = run_cli("check", "--format", "json", "--fail-on", "never", "--source", str(tmp_path / "s.txt"),
                     "--source-lang", lang, str(tmp_path / "t.txt"))
    assert result.exit_code == 0, result.stderr
    assert [f for f in result.json() if f["rule"] == "Source.Numbers"] == []
