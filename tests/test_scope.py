"""Scopes: one selector language over the block tree, the same for every format."""
from __future__ import annotations

import textwrap

import pytest

from conftest import make_pack, run_cli
from lint import formats
from lint.scope import Selector

MARKDOWN = textwrap.dedent("""\
    # Peking talks

    Peking said “Peking is ready” today.

    > Peking was quoted.

    - Peking in a list

    | Peking |
    |--------|
    | Peking cell |
    """)


def _windows(expression: str, text: str = MARKDOWN, path: str = "a.md") -> list[str]:
    doc = formats.parse(path, text)
    return [block.text[start:end] for block, start, end in Selector(expression).units(doc)]


def test_block_names_and_negation():
    assert _windows("headline") == ["Peking talks"]
    assert _windows("paragraph") == ["Peking said “Peking is ready” today.", "Peking was quoted.", "Peking in a list"]
    assert _windows("paragraph & ~blockquote & ~list") == ["Peking said “Peking is ready” today."]
    assert _windows("blockquote") == ["Peking was quoted."]
    assert _windows("table") == ["Peking", "Peking cell"]
    assert _windows("heading | table") == ["Peking talks", "Peking", "Peking cell"]


def test_span_names_and_outside_quotations():
    assert _windows("quotation & paragraph & ~list & ~blockquote") == ["“Peking is ready”"]
    assert _windows("paragraph & ~quotation & ~list & ~blockquote") == ["Peking said ", " today."]
    assert _windows("sentence & blockquote") == ["Peking was quoted."]


def test_the_same_selector_means_the_same_in_every_format():
    html = ("<title>Peking talks</title><p>Peking said “Peking is ready” today.</p><blockquote><p>Peking was quoted."
            "</p></blockquote><ul><li>Peking in a list</li></ul><table><tr><td>Peking</td></tr><tr><td>Peking cell</td>"
            "</tr></table>")
    assert _windows("paragraph & ~blockquote & ~list", html, "a.html") == ["Peking said “Peking is ready” today."]
    assert _windows("table", html, "a.html") == ["Peking", "Peking cell"]
    assert _windows("headline", "Peking talks\n\nPeking said so.\n", "a.txt") == ["Peking talks"]


@pytest.mark.parametrize("expression, message", [
    ("paragrph", "unknown scope 'paragrph'"),
    ("sentence & quotation", "at most one of sentence, quotation, line in an alternative"),
    ("~sentence", "'~sentence' leaves nothing to check"),
    ("paragraph &", "an empty term"),
])
def test_bad_selectors_are_pack_errors_with_file_and_line(tmp_path, expression, message):
    pack = make_pack(tmp_path, {"Towns.yml": f"kind: existence\ntokens: [Peking]\nscope: '{expression}'\n"}, "House",
                     run_only=False)
    (tmp_path / "a.txt").write_text("Talks\n\nPeking.\n", encoding="utf-8")
    result = run_cli("check", "a.txt", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"mtlint: error: {pack / 'Towns.yml'}:3: rule House.Towns: scope: {message}")


def test_a_rule_scoped_outside_quotations(tmp_path):
    make_pack(tmp_path, {"Towns.yml": "kind: existence\ntokens: [Peking]\nscope: paragraph & ~quotation\n"}, "House")
    (tmp_path / "a.txt").write_text("Talks\n\nPeking said “Peking is ready” in Peking.\n", encoding="utf-8")
    found = run_cli("check", "--format", "json", "a.txt", cwd=tmp_path).json()
    assert [(f["line"], f["column"], f["match"]) for f in found] == [(3, 1, "Peking"), (3, 34, "Peking")]
