"""`mtlint lsp`: findings inside the editor, through the Language Server Protocol (pygls, stdio).

Every document is linted by `Runner.lint_string`, so the configuration and packs
are found exactly as `mtlint check` finds them for that path. Findings count
code points; the protocol counts in the position encoding negotiated at
initialisation (UTF-16 unless the client offers UTF-32 or UTF-8): `Lines` is the
one place that converts, both ways. Lints run one at a time on a worker thread,
after a pause in typing (`DEBOUNCE`), and a result is published only for the
version of the text it was computed on.
"""
from __future__ import annotations

import asyncio
import bisect
import os
import re
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from . import config as config_module
from . import formats
from .errors import MtlintError
from .finding import Finding
from .runner import Options, Runner

DEBOUNCE = 0.3  # seconds without a change before the document is linted again
SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
            "suggestion": types.DiagnosticSeverity.Information}
SYMBOLS = {"error": "✖", "warning": "▲", "suggestion": "●"}
# What an untitled buffer is linted as, by the client's language id.
LANGUAGE_EXTENSIONS = {"plaintext": ".txt", "text": ".txt", "markdown": ".md", "html": ".html"}
CONFIG_FILES = (".mtlint.yaml", ".mtlint.yml", "pyproject.toml")
_EOL = re.compile(r"\r\n|\r|\n")  # the protocol's line ends


class Lines:
    """Code-point offsets <-> protocol positions for one text, in one position encoding."""

    def __init__(self, text: str, encoding: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _EOL.finditer(text)]
        self.encoding = str(encoding)

    def _units(self, segment: str) -> int:
        if self.encoding == types.PositionEncodingKind.Utf32:
            return len(segment)
        if self.encoding == types.PositionEncodingKind.Utf8:
            return len(segment.encode("utf-8", "surrogatepass"))
        return len(segment.encode("utf-16-le", "surrogatepass")) // 2

    def _line_end(self, line: int) -> int:
        if line + 1 < len(self.starts):
            end = self.starts[line + 1]
            return end - (2 if self.text[end - 2:end] == "\r\n" else 1)
        return len(self.text)

    def position(self, offset: int) -> types.Position:
        line = bisect.bisect_right(self.starts, offset) - 1
        return types.Position(line=line, character=self._units(self.text[self.starts[line]:offset]))

    def range(self, offset: int, length: int) -> types.Range:
        return types.Range(start=self.position(offset), end=self.position(offset + length))

    def offset(self, position: types.Position) -> int:
        """The code-point offset of `position` (clamped to its line, as the protocol asks)."""
        if position.line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[position.line], self._line_end(position.line)
        units = 0
        for index in range(start, end):
            if units >= position.character:
                return index
            units += self._units(self.text[index])
        return end


@dataclass
class Linted:
    """The findings of one version of one document, with the rules that produced them."""

    version: int | None
    text: str
    findings: list[Finding]
    rules: dict = field(default_factory=dict)


class MtlintServer(LanguageServer):
    """The mtlint language server: diagnostics, quick fixes, inline disables, hover."""

    def __init__(self) -> None:
        try:
            version = metadata.version("mtlint")
        except metadata.PackageNotFoundError:
            version = "0"
        super().__init__("mtlint", version)
        self.runner = Runner(Options())
        self.linted: dict[str, Linted] = {}
        self.pending: dict[str, asyncio.Task] = {}
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mtlint-lint")
        self.reported: set[str] = set()  # configuration errors already shown

    # -- linting ------------------------------------------------------------------
    def path_for(self, document) -> str | None:
        """The path the document is linted as (its format and configuration), None when mtlint does not read it."""
        uri = urllib.parse.urlparse(document.uri)
        path = document.path if uri.scheme == "file" else f"<{uri.scheme or 'untitled'}>"
        if formats.format_name(path) is None:
            extension = LANGUAGE_EXTENSIONS.get(document.language_id or "")
            if extension is None:
                return None
            path += extension
        return path

    def lint_now(self, uri: str) -> Linted | None:
        """Lint the document's current text (on the worker thread); None when it is not one mtlint reads."""
        document = self.workspace.get_text_document(uri)
        path = self.path_for(document)
        text, version = document.source, document.version
        if path is None:
            return None
        try:
            rules = {active.rule.id: active.rule for active in self.runner.rules_for(path)}
            result = self.runner.lint_string(path, text)
        except MtlintError as exc:
            message = f"mtlint: {exc}"
            if message not in self.reported:
                self.reported.add(message)
                self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=message))
            return Linted(version, text, [])
        for error in result.errors:
            self.window_log_message(types.LogMessageParams(type=types.MessageType.Warning, message=error))
        return Linted(version, text, result.findings, rules)

    async def linted_now(self, uri: str) -> Linted | None:
        """The findings of the document as it is now: the last lint when it is current, else a new one."""
        document = self.workspace.get_text_document(uri)
        known = self.linted.get(uri)
        if known is not None and known.version == document.version and known.text == document.source:
            return known
        linted = await asyncio.get_running_loop().run_in_executor(self.worker, self.lint_now, uri)
        if linted is not None:
            self.linted[uri] = linted
        return linted

    async def publish(self, uri: str, delay: float = 0.0) -> None:
        if delay:
            await asyncio.sleep(delay)
        linted = await asyncio.get_running_loop().run_in_executor(self.worker, self.lint_now, uri)
        document = self.workspace.get_text_document(uri)
        if linted is None:
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
            return
        if linted.version != document.version:  # typed on meanwhile: the newer lint publishes
            return
        self.linted[uri] = linted
        lines = Lines(linted.text, self.workspace.position_encoding)
        diagnostics = [self.diagnostic(f, lines, linted.rules) for f in linted.findings]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=linted.version))

    def schedule(self, uri: str, delay: float) -> None:
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self.publish(uri, delay))

    # -- what the client is sent ----------------------------------------------------
    @staticmethod
    def diagnostic(f: Finding, lines: Lines, rules: dict) -> types.Diagnostic:
        rule = rules.get(f.rule)
        link = getattr(rule, "link", "") or ""
        description = None
        if urllib.parse.urlparse(link).scheme in ("http", "https"):
            description = types.CodeDescription(href=link)
        return types.Diagnostic(
            range=lines.range(f.offset, f.length), message=f.message, severity=SEVERITY[f.level],
            code=f.rule, code_description=description, source="mtlint",
            data={"offset": f.offset, "length": f.length, "rule": f.rule})

    def actions(self, uri: str, linted: Linted, start: int, end: int) -> list[types.CodeAction]:
        lines = Lines(linted.text, self.workspace.position_encoding)
        fixes, disables = [], []
        disabled = set()
        for f in linted.findings:
            if not (f.offset <= end and start <= f.offset + f.length):
                continue
            diagnostic = self.diagnostic(f, lines, linted.rules)
            fix = f.fix
            if fix is not None and fix.applicability in ("safe", "unsafe"):
                before = linted.text[fix.offset:fix.offset + fix.length]
                title = f"Replace '{before}' with '{fix.replacement}'" if fix.replacement else f"Remove '{before}'"
                if fix.applicability == "unsafe":
                    title += " (unsafe fix: check the result)"
                edit = types.TextEdit(range=lines.range(fix.offset, fix.length), new_text=fix.replacement)
                fixes.append(types.CodeAction(
                    title=f"{title} [{f.rule}]", kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                    is_preferred=fix.applicability == "safe", edit=types.WorkspaceEdit(changes={uri: [edit]})))
            key = (f.rule, f.line)
            if key in disabled:
                continue
            disabled.add(key)
            disables.append(types.CodeAction(
                title=f"Disable {f.rule} for this line", kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                edit=types.WorkspaceEdit(changes={uri: [self.disable_edit(linted.text, lines, f)]})))
        return fixes + disables

    @staticmethod
    def disable_edit(text: str, lines: Lines, f: Finding) -> types.TextEdit:
        """`<!-- mtlint-disable-next-line RULE -->` on its own line above the finding's, with its indentation."""
        line = lines.position(f.offset).line
        start = lines.starts[line]
        indent = re.match(r"[ \t]*", text[start:]).group()
        eol = m.group() if (m := _EOL.search(text)) else "\n"
        at = types.Position(line=line, character=0)
        return types.TextEdit(range=types.Range(start=at, end=at),
                              new_text=f"{indent}<!-- mtlint-disable-next-line {f.rule} -->{eol}")

    @staticmethod
    def hover_text(f: Finding, text: str, rules: dict) -> str:
        rule = rules.get(f.rule)
        parts = [f"**{SYMBOLS[f.level]} {f.level}** `{f.rule}`: {f.message}"]
        if rule is not None and rule.description:
            parts.append(rule.description)
        if f.fix is not None:
            before = text[f.fix.offset:f.fix.offset + f.fix.length]
            parts.append(f"Fix ({f.fix.applicability}): `{before}` → `{f.fix.replacement}`" if f.fix.replacement
                         else f"Fix ({f.fix.applicability}): remove `{before}`")
        link = getattr(rule, "link", "") or ""
        if urllib.parse.urlparse(link).scheme in ("http", "https"):
            parts.append(f"[More about {f.rule}]({link})")
        return "\n\n".join(parts)


def _forget_configuration() -> None:
    """A configuration or pack file changed: read them again (they are cached for the run)."""
    config_module.forget()


server = MtlintServer()


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
async def did_open(ls: MtlintServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, 0.0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
async def did_change(ls: MtlintServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, DEBOUNCE)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
async def did_save(ls: MtlintServer, params: types.DidSaveTextDocumentParams) -> None:
    if os.path.basename(urllib.parse.urlparse(params.text_document.uri).path) in CONFIG_FILES:
        _forget_configuration()
        for uri in list(ls.linted):
            ls.schedule(uri, 0.0)
    else:
        ls.schedule(params.text_document.uri, 0.0)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
async def did_close(ls: MtlintServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    task = ls.pending.pop(uri, None)
    if task is not None:
        task.cancel()
    ls.linted.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
async def watched_files(ls: MtlintServer, params: types.DidChangeWatchedFilesParams) -> None:
    _forget_configuration()
    for uri in list(ls.linted):
        ls.schedule(uri, 0.0)


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
async def code_action(ls: MtlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    linted = await ls.linted_now(uri)
    if linted is None:
        return []
    lines = Lines(linted.text, ls.workspace.position_encoding)
    return ls.actions(uri, linted, lines.offset(params.range.start), lines.offset(params.range.end))


@server.feature(types.TEXT_DOCUMENT_HOVER)
async def hover(ls: MtlintServer, params: types.HoverParams) -> types.Hover | None:
    uri = params.text_document.uri
    linted = await ls.linted_now(uri)
    if linted is None:
        return None
    lines = Lines(linted.text, ls.workspace.position_encoding)
    at = lines.offset(params.position)
    here = [f for f in linted.findings if f.offset <= at < f.offset + f.length or at == f.offset == f.offset + f.length]
    if not here:
        return None
    first = min(here, key=lambda f: f.offset)
    last = max(here, key=lambda f: f.offset + f.length)
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                     value="\n\n---\n\n".join(ls.hover_text(f, linted.text, linted.rules) for f in here)),
        range=types.Range(start=lines.position(first.offset), end=lines.position(last.offset + last.length)))


def serve() -> None:
    """Serve one editor over standard input and output until it says exit."""
    server.start_io()
