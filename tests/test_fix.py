"""--fix and --diff: safe fixes only, atomic writes that keep encoding, BOM, line endings and
mode, no overlapping fixes, idempotent, no fix that would break a link or an address, and what
cannot be fixed still reported and failing."""
from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORE, REPAIRED, SEED, fixes_of, lint, make_pack, run_cli
from gitutil import GIT_ENV
from lint.finding import Finding, Fix
from lint.fixer import apply_fixes, choose_fixes

MTLINT = str(Path(sys.executable).parent / "mtlint")


def _fixed_seed(unsafe: bool = False) -> str:
    """The seed with its safe fixes applied (and, with `unsafe`, the suggestion-level accents too)."""
    text = SEED.read_text(encoding="utf-8")
    changes = [(" | Russia-Ukraine War News", ""), ("Kiev's", "Kyiv's")]
    if unsafe:
        changes += [("Stephane Sejourne", "Stéphane Séjourné"), ("conflict,” Sejourne", "conflict,” Séjourné")]
    for old, new in changes:
        assert text.count(old) == 1
        text = text.replace(old, new)
    return text


def _listing(folder) -> list[str]:
    return sorted(os.listdir(folder))


def test_fix_seed_article_then_idempotent(tmp_path):
    article = tmp_path / "seed.txt"
    shutil.copy(SEED, article)
    result = run_cli("check", *CORE, "--fix", "seed.txt", cwd=tmp_path)
    assert article.read_text(encoding="utf-8") == _fixed_seed()
    # what cannot be fixed is still reported, at its (unchanged) place, and fails the run
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if line.startswith("seed.txt:")]
    assert [line.split(" ")[0:3] for line in lines] == [
        ["seed.txt:21:1:", "warning", "Boilerplate.SeeAlso"],
        ["seed.txt:29:25:", "suggestion", "Names.People"],
        ["seed.txt:31:113:", "suggestion", "Names.People"],
        ["seed.txt:37:1:", "warning", "Boilerplate.CommentForm"],
        ["seed.txt:39:1:", "warning", "Boilerplate.CommentForm"],
    ]
    assert "Fixed 2 problems in 1 file." in result.stderr
    assert _listing(tmp_path) == ["seed.txt"]  # no temporary file left behind
    # the names' accents are suggestions (house styles differ): never applied by plain --fix
    assert "Stephane Sejourne" in article.read_text(encoding="utf-8")

    before = article.stat()
    again = run_cli("check", *CORE, "--fix", "seed.txt", cwd=tmp_path)
    assert again.exit_code == 1
    assert article.read_text(encoding="utf-8") == _fixed_seed()
    assert article.stat().st_mtime_ns == before.st_mtime_ns and article.stat().st_ino == before.st_ino  # not rewritten
    assert "Nothing to fix." in again.stderr


def test_unsafe_fixes_accent_the_names_and_show_fixes_lists_each(tmp_path):
    article = tmp_path / "seed.txt"
    shutil.copy(SEED, article)
    plain = run_cli("check", *CORE, "seed.txt", cwd=tmp_path)
    assert "[*] 2 fixable with --fix; 2 more with --unsafe-fixes." in plain.stdout
    assert "seed.txt:13:80: warning Terminology.UkrainePlaces [*] Outdated" in plain.stdout
    assert "seed.txt:29:25: suggestion Names.People 'Stephane" in plain.stdout  # no [*]: not applied by --fix
    result = run_cli("check", *CORE, "--fix", "--unsafe-fixes", "--show-fixes", "seed.txt", cwd=tmp_path)
    assert article.read_text(encoding="utf-8") == _fixed_seed(unsafe=True)
    shown = [line for line in result.stderr.splitlines() if line.startswith("seed.txt:")]
    assert shown == [
        "seed.txt:1:75: Boilerplate.HeadlineSuffix: ' | Russia-Ukraine War News' -> '(removed)'",
        "seed.txt:13:80: Terminology.UkrainePlaces: 'Kiev' -> 'Kyiv'",
        "seed.txt:29:25: Names.People: 'Stephane Sejourne' -> 'Stéphane Séjourné' (unsafe)",
        "seed.txt:31:113: Names.People: 'Sejourne' -> 'Séjourné' (unsafe)",
    ]
    assert "Fixed 4 problems in 1 file." in result.stderr


def test_raising_a_suggestion_to_a_warning_makes_its_fix_safe(tmp_path):
    (tmp_path / ".mtlint.yaml").write_text("rules:\n  Names.People: warning\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Talks\n\nStephane Sejourne spoke.\n", encoding="utf-8")
    assert run_cli("check", "--fix", "a.txt", cwd=tmp_path).exit_code == 0
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "Talks\n\nStéphane Séjourné spoke.\n"


def test_fix_everything_fixable_exits_zero(tmp_path):
    (tmp_path / "a.txt").write_text("Talks\n\nThe talks were held in Kiev and Kharkov.\n", encoding="utf-8")
    result = run_cli("check", "--fix", "a.txt", cwd=tmp_path)
    assert result.exit_code == 0
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "Talks\n\nThe talks were held in Kyiv and Kharkiv.\n"
    assert "No problems found" in result.stdout


def test_fix_keeps_crlf_bom_and_mode(tmp_path):
    article = tmp_path / "a.txt"
    body = "Talks in Kiev\r\n\r\nStephane Sejourne met officials in Kiev.\r\n"
    article.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    article.chmod(0o640)
    result = run_cli("check", "--fix", "--unsafe-fixes", "a.txt", cwd=tmp_path)
    assert result.exit_code == 0, result.stdout
    data = article.read_bytes()
    assert data == b"\xef\xbb\xbf" + "Talks in Kyiv\r\n\r\nStéphane Séjourné met officials in Kyiv.\r\n".encode("utf-8")
    assert stat.S_IMODE(article.stat().st_mode) == 0o640
    assert _listing(tmp_path) == ["a.txt"]


@pytest.mark.parametrize("encoding, bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_fix_keeps_utf16_and_its_byte_order(tmp_path, encoding, bom):
    article = tmp_path / "a.txt"
    article.write_bytes(bom + "Talks\n\nHeld in Kiev.\n".encode(encoding))
    assert run_cli("check", "--fix", "a.txt", cwd=tmp_path).exit_code == 0
    assert article.read_bytes() == bom + "Talks\n\nHeld in Kyiv.\n".encode(encoding)


def test_fix_markdown_and_html_in_place(tmp_path):
    (tmp_path / "a.md").write_text("# Talks in *Kiev*\n\nHeld in **Kiev** &amp; [Kharkov](https://example.org/Kiev).\n", encoding="utf-8")
    (tmp_path / "a.html").write_text("<h1>Talks</h1>\n<p>Held in <b>Kiev</b> &amp; Kharkov.</p>\n", encoding="utf-8")
    assert run_cli("check", "--fix", "a.md", "a.html", cwd=tmp_path).exit_code == 0
    # the link target is not prose and stays as it is
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "# Talks in *Kyiv*\n\nHeld in **Kyiv** &amp; [Kharkiv](https://example.org/Kiev).\n"
    assert (tmp_path / "a.html").read_text(encoding="utf-8") == "<h1>Talks</h1>\n<p>Held in <b>Kyiv</b> &amp; Kharkiv.</p>\n"


def test_fix_follows_a_symlink_and_keeps_it(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("Talks\n\nHeld in Kiev.\n", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(real)
    assert run_cli("check", "--fix", "link.txt", cwd=tmp_path).exit_code == 0
    assert (tmp_path / "link.txt").is_symlink()
    assert real.read_text(encoding="utf-8") == "Talks\n\nHeld in Kyiv.\n"


def test_suppressed_findings_are_not_fixed(tmp_path):
    body = "Talks\n\n<!-- mtlint-disable-next-line Terminology -->\nThe \"Kiev\" of the 1990 treaty.\n\nHeld in Kiev.\n"
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    assert run_cli("check", "--fix", "a.txt", cwd=tmp_path).exit_code == 0
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == body.replace("Held in Kiev", "Held in Kyiv")


def _apply(text: str, fixes: list[Fix], applicable=("safe",)) -> tuple[str, int]:
    findings = [Finding("a.txt", "R.R", "warning", "", 1, 1, 1, 1, f.offset, f.length, "", [], f) for f in fixes]
    chosen = choose_fixes(text, findings, applicable)
    return apply_fixes(text, [f.fix for f in chosen]), len(chosen)


def test_overlapping_fixes_are_never_applied_together():
    text = "abc def"
    assert _apply(text, [Fix(2, 5, "Y"), Fix(0, 6, "X")]) == ("Xf", 1)  # the first in the text wins
    assert _apply(text, [Fix(0, 0, "<"), Fix(0, 0, ">")]) == ("<abc def", 1)  # two insertions at one place
    assert _apply(text, [Fix(0, 3, "ABC"), Fix(0, 0, "<")]) == ("<abc def", 1)  # insertion where a fix starts
    assert _apply(text, [Fix(4, 3, "DEF"), Fix(0, 3, "ABC")]) == ("ABC DEF", 2)  # touching is not overlapping
    assert _apply(text, [Fix(0, 3, "ABC"), Fix(0, 3, "ABC")]) == ("ABC def", 1)  # identical fixes: once
    assert _apply(text, [Fix(0, 3, "abc")]) == (text, 0)  # a no-op is not a fix


def test_only_applicable_fixes_are_chosen():
    text = "abc def"
    fixes = [Fix(0, 3, "ABC", "unsafe"), Fix(4, 3, "DEF", "safe"), Fix(0, 1, "Z", "display-only")]
    assert _apply(text, fixes) == ("abc DEF", 1)
    assert _apply(text, fixes, ("safe", "unsafe")) == ("ABC DEF", 2)  # display-only is never applied


def test_overlapping_fixes_from_two_rules(tmp_path):
    make_pack(tmp_path, {"Long.yml": 'kind: pattern\nfix: safe\npattern: "Kiev Oblast"\nreplace: "Kyiv Oblast"\n',
                         "Word.yml": 'kind: pattern\nfix: safe\npattern: "Oblast council"\nreplace: "regional council"\n'},
              "Local")
    (tmp_path / "a.txt").write_text("Talks\n\nThe Kiev Oblast council met.\n", encoding="utf-8")
    result = run_cli("check", "--fix", "a.txt", cwd=tmp_path)
    # One pass takes the first of the overlapping fixes; the file is linted again and the other one
    # (still matching the new text) applies then. Never a mix of both on the old text.
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "Talks\n\nThe Kyiv Oblast council met.\n".replace(
        "Oblast council", "regional council")
    assert result.exit_code == 0
    assert "Fixed 2 problems in 1 file." in result.stderr


def test_diff_changes_nothing_and_applies_with_git(tmp_path):
    article = tmp_path / "seed.txt"
    shutil.copy(SEED, article)
    before = article.read_bytes()
    mtime = article.stat().st_mtime_ns
    result = run_cli("check", *CORE, "--diff", "seed.txt", cwd=tmp_path)
    assert result.exit_code == 1  # findings exist: nothing was fixed
    assert article.read_bytes() == before and article.stat().st_mtime_ns == mtime
    assert _listing(tmp_path) == ["seed.txt"]
    diff = result.stdout
    assert diff.startswith("--- a/seed.txt\n+++ b/seed.txt\n@@ ")
    assert "-Polish Prime Minister Donald Tusk and Czech Prime Minister Petr Fiala – two of Kiev's" in diff
    assert "+Polish Prime Minister Donald Tusk and Czech Prime Minister Petr Fiala – two of Kyiv's" in diff
    assert "Would fix 2 problems in 1 file." in result.stderr
    # the diff is a real patch: git applies it and gets what --fix writes
    (tmp_path / "fix.patch").write_text(diff, encoding="utf-8")
    subprocess.run(["git", "apply", "fix.patch"], cwd=tmp_path, env=GIT_ENV, check=True, capture_output=True)
    assert article.read_text(encoding="utf-8") == _fixed_seed()


def test_diff_of_a_file_without_final_newline_and_crlf(tmp_path):
    # run the installed executable: the diff's bytes (CRLF) matter here
    article = tmp_path / "a.txt"
    article.write_bytes(b"Talks\r\n\r\nHeld in Kiev.")
    done = subprocess.run([MTLINT, "check", "--diff", "a.txt"], cwd=tmp_path, capture_output=True)
    assert done.returncode == 1
    assert done.stdout == (b"--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,3 @@\n Talks\r\n \r\n"
                           b"-Held in Kiev.\n\\ No newline at end of file\n+Held in Kyiv.\n\\ No newline at end of file\n")
    (tmp_path / "fix.patch").write_bytes(done.stdout)
    subprocess.run(["git", "apply", "fix.patch"], cwd=tmp_path, env=GIT_ENV, check=True, capture_output=True)
    assert article.read_bytes() == b"Talks\r\n\r\nHeld in Kyiv."


def test_diff_with_nothing_to_fix(tmp_path):
    shutil.copy(REPAIRED, tmp_path / "clean.txt")
    result = run_cli("check", "--diff", "clean.txt", cwd=tmp_path)
    assert (result.exit_code, result.stdout) == (0, "")
    assert "Nothing to fix." in result.stderr


def test_fix_standard_input_prints_the_fixed_text(tmp_path):
    result = run_cli("check", "--fix", "-", "--stdin-filename", "a.md", input="# Talks\n\nHeld in *Kiev*.\n\nLeave a Reply\n")
    assert result.stdout == "# Talks\n\nHeld in *Kyiv*.\n\nLeave a Reply\n"
    assert "a.md:5:1: warning Boilerplate.CommentForm" in result.stderr  # the report goes to stderr
    assert result.exit_code == 1


def test_fix_failed_write_leaves_the_file_and_no_temporary(tmp_path, monkeypatch):
    article = tmp_path / "a.txt"
    article.write_text("Talks\n\nHeld in Kiev.\n", encoding="utf-8")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    result = run_cli("check", "--fix", "a.txt", cwd=tmp_path)
    assert result.exit_code == 2
    assert "a.txt: cannot write the fixes: Permission denied" in result.stderr
    assert article.read_text(encoding="utf-8") == "Talks\n\nHeld in Kiev.\n"
    assert _listing(tmp_path) == ["a.txt"]
    assert "a.txt:3:9: warning Terminology.UkrainePlaces" in result.stdout  # still reported


# -- Markdown: fixes that would break links ---------------------------------------------------------
LINKS = """Intro.

See [Kharkov], [Kiev][] and [Lvov][r] and <foo@Kiev.example>.

[Kharkov]: http://example.com/k
[Kiev]: http://example.com/kv
[r]: http://example.com/l
"""


def test_markdown_link_text_that_is_its_reference_label_gets_no_fix():
    findings = lint(LINKS, "a.md")
    assert fixes_of(findings) == [("Kharkov", None), ("Kiev", None), ("Lvov", "Lviv"), ("foo@Kiev.example", None)]


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
    assert fixes_of(lint(text, name)) == [("Kiev", None), ("Kiev", "Kyiv")]


def test_non_ascii_fixes_beside_no_markup_skip_the_second_parse():
    from lint.formats.fixcheck import is_inert

    text = "the cafÃ© and *rÃ©sumÃ©* and &Ã©; and naÃ¯ve"
    cafe = text.index("Ã©")
    assert is_inert(text, cafe, cafe + 2, "Ã©", "é")
    resume_end = text.index("Ã©*")
    assert not is_inert(text, resume_end, resume_end + 2, "Ã©", "é")  # beside an emphasis delimiter: parsed again
    entity = text.index("&Ã©;") + 1
    assert not is_inert(text, entity, entity + 2, "Ã©", "é")  # inside something entity-like
    assert not is_inert(text, cafe, cafe + 2, "Ã©", "e*")  # the replacement brings ASCII punctuation
    assert is_inert(text, cafe, cafe + 2, "Ã©", "")

def test_a_mojibake_ridden_markdown_article_is_fixed_whole(tmp_path):
    line = "Paragraph {}: the ministerâ€™s â€œplanâ€\ufffd went to the cafÃ© and *the rÃ©sumÃ© too*.\n\n"
    path = tmp_path / "a.md"
    path.write_text("".join(line.format(i) for i in range(300)), encoding="utf-8")
    run_cli("check", "--fix", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert fixed.count("the minister’s “plan") == 300 and fixed.count("café and *the résumé too*.") == 300
