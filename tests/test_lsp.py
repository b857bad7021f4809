"""`mtlint lsp` end to end: pytest-lsp starts the real server over stdio and talks to it as an editor does."""
from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from conftest import EXAMPLES, run_cli

SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "lint", "lsp"])
SEED = EXAMPLES / "seed-article.txt"


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient):
    """An editor that offers no position encoding: the server must use UTF-16."""
    result = await lsp_client.initialize_session(
        types.InitializeParams(capabilities=client_capabilities("visual-studio-code")))
    assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf16
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=SERVER)
async def client32(lsp_client: LanguageClient):
    """An editor that prefers UTF-32 (Neovim, Helix can)."""
    capabilities = client_capabilities("visual-studio-code")
    capabilities.general = types.GeneralClientCapabilities(
        position_encodings=[types.PositionEncodingKind.Utf32, types.PositionEncodingKind.Utf16])
    result = await lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities))
    assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf32
    yield
    await lsp_client.shutdown_session()


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _expected_range(text: str, f: dict, units=_utf16) -> tuple[int, int, int, int]:
    """The protocol range of a JSON finding, from its 1-based code-point line/column (independent of the server)."""
    lines = text.split("\n")
    start = lines[f["line"] - 1][: f["column"] - 1]
    end = lines[f["end_line"] - 1][: f["end_column"] - 1]
    return (f["line"] - 1, units(start), f["end_line"] - 1, units(end))


def _range(d: types.Diagnostic) -> tuple[int, int, int, int]:
    return (d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character)


def _offset(text: str, position: types.Position) -> int:
    """A UTF-16 position in `text` (lines split on \\n) as a code-point offset: what an editor does."""
    lines = text.split("\n")
    offset = sum(len(line) + 1 for line in lines[: position.line])
    units = 0
    for ch in lines[position.line]:
        if units >= position.character:
            break
        units += _utf16(ch)
        offset += 1
    return offset


def _apply(text: str, edits: list[types.TextEdit]) -> str:
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: _offset(text, edit.range.start)] + edit.new_text + text[_offset(text, edit.range.end):]
    return text


async def _open(client: LanguageClient, path: Path, text: str, language: str = "plaintext") -> list[types.Diagnostic]:
    uri = path.resolve().as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
    await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 30)
    return client.diagnostics[uri]


async def _change(client: LanguageClient, path: Path, text: str, version: int) -> list[types.Diagnostic]:
    uri = path.resolve().as_uri()
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
    await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 30)
    return client.diagnostics[uri]


async def _actions(client: LanguageClient, path: Path, d: types.Diagnostic) -> list[types.CodeAction]:
    return await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=path.resolve().as_uri()), range=d.range,
        context=types.CodeActionContext(diagnostics=[d])))


@pytest.mark.asyncio
async def test_seed_article_diagnostics_match_the_cli(client: LanguageClient):
    text = SEED.read_text(encoding="utf-8")
    diagnostics = await _open(client, SEED, text)
    findings = run_cli("check", "--format", "json", str(SEED)).json()
    assert len(findings) == 8
    got = sorted((d.code, _range(d), d.message, d.severity, d.source) for d in diagnostics)
    severity = {"warning": types.DiagnosticSeverity.Warning, "suggestion": types.DiagnosticSeverity.Information}
    want = sorted((f["rule"], _expected_range(text, f), f["message"], severity[f["level"]], "mtlint") for f in findings)
    assert got == want
    kiev = next(d for d in diagnostics if d.code == "Terminology.UkrainePlaces")
    assert _range(kiev) == (12, 79, 12, 83)
    assert kiev.code_description.href == "https://github.com/Tyrrrz/SpellingUkraine"
    # the seed's curly quotes are one UTF-16 unit: the garbled quotation ends where the CLI says
    garbled = next(d for d in diagnostics if d.code == "MTArtefacts.GarbledQuote")
    assert _range(garbled) == (30, 0, 30, 111)


EMOJI = "Talks in Odesa 😀 and in Kiev went on.\n"


@pytest.mark.asyncio
async def test_emoji_before_a_finding_counts_two_utf16_units(client: LanguageClient, tmp_path):
    path = tmp_path / "emoji.txt"
    path.write_text(EMOJI, encoding="utf-8")
    diagnostics = await _open(client, path, EMOJI)
    kiev = [d for d in diagnostics if d.code == "Terminology.UkrainePlaces"]
    # "Kiev" starts at code point 24 (0-based); the emoji before it is two UTF-16 units
    assert EMOJI.index("Kiev") == 24
    assert [_range(d) for d in kiev] == [(0, 25, 0, 29)]


@pytest.mark.asyncio
async def test_utf32_negotiated_counts_code_points(client32: LanguageClient, tmp_path):
    path = tmp_path / "emoji.txt"
    path.write_text(EMOJI, encoding="utf-8")
    diagnostics = await _open(client32, path, EMOJI)
    kiev = [d for d in diagnostics if d.code == "Terminology.UkrainePlaces"]
    assert [_range(d) for d in kiev] == [(0, 24, 0, 28)]
    # an edit in UTF-32 units is applied where the client means it (pygls syncs in the same encoding)
    hover = await client32.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=path.resolve().as_uri()),
        position=types.Position(line=0, character=26)))
    assert hover is not None and "Terminology.UkrainePlaces" in hover.contents.value


@pytest.mark.asyncio
async def test_safe_quick_fix_removes_the_diagnostic(client: LanguageClient, tmp_path):
    path = tmp_path / "fix.txt"
    text = "Talks went on\n\nThe talks 😀 in Kiev went on, said Stephane Sejourne.\n"
    path.write_text(text, encoding="utf-8")
    diagnostics = await _open(client, path, text)
    kiev = next(d for d in diagnostics if d.code == "Terminology.UkrainePlaces")
    actions = await _actions(client, path, kiev)
    preferred = [a for a in actions if a.is_preferred]
    assert [a.title for a in preferred] == ["Replace 'Kiev' with 'Kyiv' [Terminology.UkrainePlaces]"]
    assert preferred[0].kind == types.CodeActionKind.QuickFix
    fixed = _apply(text, preferred[0].edit.changes[path.resolve().as_uri()])
    assert fixed == text.replace("Kiev", "Kyiv")
    after = await _change(client, path, fixed, 2)
    assert "Terminology.UkrainePlaces" not in [d.code for d in after]
    assert "Names.People" in [d.code for d in after]
    # the unsafe fix is offered, marked unsafe, never preferred
    names = next(d for d in after if d.code == "Names.People")
    unsafe = [a for a in await _actions(client, path, names) if "Séjourné" in a.title]
    assert len(unsafe) == 1 and "unsafe" in unsafe[0].title and not unsafe[0].is_preferred


@pytest.mark.asyncio
async def test_disable_quick_fix_silences_only_that_line(client: LanguageClient):
    text = SEED.read_text(encoding="utf-8")
    diagnostics = await _open(client, SEED, text)
    see_also = next(d for d in diagnostics if d.code == "Boilerplate.SeeAlso")
    actions = await _actions(client, SEED, see_also)
    disable = [a for a in actions if a.title == "Disable Boilerplate.SeeAlso for this line"]
    assert len(disable) == 1
    edits = disable[0].edit.changes[SEED.resolve().as_uri()]
    assert [(e.range.start.line, e.range.start.character, e.new_text) for e in edits] == [
        (20, 0, "<!-- mtlint-disable-next-line Boilerplate.SeeAlso -->\n")]
    after = await _change(client, SEED, _apply(text, edits), 2)
    assert sorted(d.code for d in after) == sorted(d.code for d in diagnostics if d.code != "Boilerplate.SeeAlso")


@pytest.mark.asyncio
async def test_hover_explains_the_rule(client: LanguageClient):
    text = SEED.read_text(encoding="utf-8")
    await _open(client, SEED, text)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=SEED.resolve().as_uri()), position=types.Position(line=12, character=81)))
    value = hover.contents.value
    assert value.startswith("**▲ warning** `Terminology.UkrainePlaces`: Outdated Russian-derived spelling 'Kiev'")
    assert "Ukraine's official romanisation" in value and "`Kiev` → `Kyiv`" in value
    assert "(https://github.com/Tyrrrz/SpellingUkraine)" in value
    assert (hover.range.start.line, hover.range.start.character, hover.range.end.character) == (12, 79, 83)
    nothing = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=SEED.resolve().as_uri()), position=types.Position(line=2, character=3)))
    assert nothing is None


@pytest.mark.asyncio
async def test_configuration_is_found_as_the_cli_finds_it(client: LanguageClient, tmp_path):
    (tmp_path / ".mtlint.yaml").write_text("rules:\n  Terminology.UkrainePlaces: off\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    path = tmp_path / "sub" / "article.md"
    text = "# Talks\n\nThe talks in Kiev went on, said Stephane Sejourne.\n"
    path.write_text(text, encoding="utf-8")
    diagnostics = await _open(client, path, text, "markdown")
    cli = run_cli("check", "--format", "json", str(path)).json()
    assert sorted((d.code, _range(d)) for d in diagnostics) == sorted((f["rule"], _expected_range(text, f)) for f in cli)
    assert [d.code for d in diagnostics] == ["Names.People"]


@pytest.mark.asyncio
async def test_rapid_changes_are_linted_once_on_the_last_text(client: LanguageClient, tmp_path):
    path = tmp_path / "typing.txt"
    text = "Talks went on\n\nThe talks in Kiev went on.\n"
    path.write_text(text, encoding="utf-8")
    assert [d.code for d in await _open(client, path, text)] == ["Terminology.UkrainePlaces"]
    uri = path.resolve().as_uri()
    for version, typed in enumerate(("The talks in Kyiv went on.", "The talks in Kyiv and Odessa", "The talks in Kyiv and Lvov went on."), 2):
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=f"Talks went on\n\n{typed}\n")]))
    await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 30)
    diagnostics = client.diagnostics[uri]
    assert [(d.code, _range(d)) for d in diagnostics] == [("Terminology.UkrainePlaces", (2, 22, 2, 26))]


@pytest.mark.asyncio
async def test_a_broken_configuration_is_one_message_not_a_crash(client: LanguageClient, tmp_path):
    (tmp_path / ".mtlint.yaml").write_text("rules:\n  Terminology.NoSuchRule: off\n", encoding="utf-8")
    path = tmp_path / "article.txt"
    text = "Talks went on\n\nThe talks in Kiev went on.\n"
    path.write_text(text, encoding="utf-8")
    assert list(await _open(client, path, text)) == []
    cli = run_cli("check", str(path))
    assert cli.exit_code == 2
    assert [m.message for m in client.messages] == [cli.stderr.strip().replace("mtlint: error: ", "mtlint: ")]
    # the server is still there and lints what it can
    other = tmp_path.parent / f"{tmp_path.name}-ok.txt"
    other.write_text(text, encoding="utf-8")
    assert [d.code for d in await _open(client, other, text)] == ["Terminology.UkrainePlaces"]
