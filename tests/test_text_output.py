"""The text report: colour on a terminal, caret under wide characters, long lines trimmed, --output."""
from __future__ import annotations

from conftest import lint, run_cli
from lint.engine import Result
from lint.output import Context, text


def _render(source: str, color: bool = False) -> str:
    result = Result("a.txt", lint(source))
    return text.render([result], Context(color=color, texts={"a.txt": source}, files=1))


def test_colour_only_when_asked():
    source = "Intro.\n\nTalks in Kiev.\n"
    assert "\x1b[" in _render(source, color=True)
    assert "\x1b[" not in _render(source, color=False)


def test_caret_is_under_the_match_after_wide_characters():
    source = "Intro.\n\n東京で会談 Kiev talks.\n"
    out = _render(source).splitlines()
    context, carets = out[1], out[2]
    # each CJK character takes two terminal columns
    assert context.endswith("東京で会談 Kiev talks.")
    prefix = context[: context.index("東")]
    assert carets.index("^") == len(prefix) + 2 * 5 + 1
    assert carets.strip().endswith("| " + " " * 11 + "^^^^")


def test_long_lines_are_trimmed_around_the_match():
    source = "Intro.\n\n" + "word, " * 60 + "Kiev " + "word, " * 60 + "\n"  # commas: "word word" is a doubled word
    out = _render(source).splitlines()
    assert out[1].count("…") == 2 and len(out[1]) < 120
    start = out[2].index("^")
    assert out[1][start : start + 4] == "Kiev"


def test_output_file(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Intro.\n\nTalks in Kiev.\n", encoding="utf-8")
    result = run_cli("check", "--format", "json", "--output", str(tmp_path / "report.json"), str(article))
    assert result.stdout == "" and result.exit_code == 1
    assert '"match": "Kiev"' in (tmp_path / "report.json").read_text(encoding="utf-8")


def test_text_report_shows_a_lone_cr_as_a_space(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"Headline\r\rAbout Kiev here.\rMore.\r")
    result = run_cli("check", "--no-color", str(tmp_path / "a.txt"))
    assert "    1 | Headline  About Kiev here. More.\n" in result.stdout
