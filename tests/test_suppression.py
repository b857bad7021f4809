"""Inline suppression in plain text, Markdown and HTML: disable/enable, disable-next-line, several
rules, a pack, `all`; --report-unused-disables lists the comments that suppressed nothing."""
from __future__ import annotations

import pytest

from conftest import CORE, run_cli


TEXT = """\
Talks in Lviv

<!-- mtlint-disable Terminology.UkrainePlaces, Boilerplate -->
The 1991 treaty was signed in Kiev.

Leave a Reply
<!-- mtlint-enable -->

Later talks in Kiev.

<!-- mtlint-disable-next-line Terminology -->
Kharkov and Kiev.
Kharkov again.

<!-- mtlint-disable all -->
Kiev, Kharkov.

Leave a Reply
"""

HTML = """\
<html><body>
<h1>Talks in Lviv</h1>
<!-- mtlint-disable Terminology.UkrainePlaces, Boilerplate -->
<p>The 1991 treaty was signed in Kiev.</p>
<p>Leave a Reply</p>
<!-- mtlint-enable -->
<p>Later talks in Kiev.</p>
<!-- mtlint-disable-next-line Terminology -->
<p>Kharkov and Kiev.</p>
<p>Kharkov again.</p>
<!-- mtlint-disable all -->
<p>Kiev, Kharkov.</p>
<p>Leave a Reply</p>
</body></html>
"""

EXPECTED = {
    "a.txt": [("Terminology.UkrainePlaces", 9, 16, "Kiev"), ("Terminology.UkrainePlaces", 13, 1, "Kharkov")],
    "a.md": [("Terminology.UkrainePlaces", 9, 16, "Kiev"), ("Terminology.UkrainePlaces", 13, 1, "Kharkov")],
    "a.html": [("Terminology.UkrainePlaces", 7, 19, "Kiev"), ("Terminology.UkrainePlaces", 10, 4, "Kharkov")],
}


def _findings(tmp_path, name: str, *args: str):
    result = run_cli("check", *CORE, "--format", "json", *args, name, cwd=tmp_path)
    return result.exit_code, [(f["rule"], f["line"], f["column"], f["match"]) for f in result.json()]


@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.html"])
def test_suppression_in_every_format(tmp_path, name):
    (tmp_path / name).write_text(HTML if name.endswith(".html") else TEXT, encoding="utf-8")
    code, found = _findings(tmp_path, name)
    assert found == EXPECTED[name]
    assert code == 1
    # without the comments everything is reported (the comments do the suppressing)
    bare = "\n".join(line for line in (tmp_path / name).read_text(encoding="utf-8").split("\n") if "mtlint-" not in line)
    (tmp_path / name).write_text(bare, encoding="utf-8")
    assert len(_findings(tmp_path, name)[1]) > len(EXPECTED[name]) + 4


def test_enable_naming_a_rule_closes_only_that_rule(tmp_path):
    body = ("Talks\n\n<!-- mtlint-disable Terminology -->\n<!-- mtlint-disable Boilerplate -->\nKiev.\n\n"
            "<!-- mtlint-enable Boilerplate -->\nLeave a Reply\n\nKiev again.\n")
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    assert _findings(tmp_path, "a.txt")[1] == [("Boilerplate.CommentForm", 8, 1, "Leave a Reply")]


@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.html"])
def test_report_unused_disables(tmp_path, name):
    if name.endswith(".html"):
        body = ("<h1>Talks</h1>\n<!-- mtlint-disable-next-line Terminology -->\n<p>Kiev.</p>\n"
                "<!-- mtlint-disable Names.People -->\n<p>Nothing here.</p>\n<!-- mtlint-enable -->\n"
                "<!-- mtlint-disable-next-line Terminology.Kieve -->\n<p>Kharkov.</p>\n")
        unused = [("mtlint.UnusedDisable", 4, 1, "<!-- mtlint-disable Names.People -->"),
                  ("mtlint.UnusedDisable", 7, 1, "<!-- mtlint-disable-next-line Terminology.Kieve -->")]
        kharkov = ("Terminology.UkrainePlaces", 8, 4, "Kharkov")
    else:
        body = ("Talks\n\n<!-- mtlint-disable-next-line Terminology -->\nKiev.\n\n"
                "<!-- mtlint-disable Names.People -->\nNothing here.\n<!-- mtlint-enable -->\n\n"
                "<!-- mtlint-disable-next-line Terminology.Kieve -->\nKharkov.\n")
        unused = [("mtlint.UnusedDisable", 6, 1, "<!-- mtlint-disable Names.People -->"),
                  ("mtlint.UnusedDisable", 10, 1, "<!-- mtlint-disable-next-line Terminology.Kieve -->")]
        kharkov = ("Terminology.UkrainePlaces", 11, 1, "Kharkov")
    (tmp_path / name).write_text(body, encoding="utf-8")
    code, found = _findings(tmp_path, name, "--report-unused-disables")
    assert found == sorted(unused + [kharkov], key=lambda f: (f[1], f[2]))
    assert code == 1
    # the misspelt rule name suppressed nothing, so Kharkov is reported; without the flag only that
    assert _findings(tmp_path, name)[1] == [kharkov]


def test_report_unused_disables_text_output_and_exit_code(tmp_path):
    (tmp_path / "a.txt").write_text("Talks\n\n<!-- mtlint-disable Boilerplate -->\nAll fine here.\n", encoding="utf-8")
    plain = run_cli("check", *CORE, "a.txt", cwd=tmp_path)
    assert plain.exit_code == 0
    result = run_cli("check", *CORE, "--report-unused-disables", "a.txt", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        "a.txt:3:1: warning mtlint.UnusedDisable Unused suppression '<!-- mtlint-disable Boilerplate -->': "
        "it silenced nothing; remove it.")
    # it is a finding like any other: --fail-on decides
    assert run_cli("check", *CORE, "--report-unused-disables", "--fail-on", "error", "a.txt", cwd=tmp_path).exit_code == 0
