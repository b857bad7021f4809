"""Errors a user can act on: each renders as one line, never a traceback."""
from __future__ import annotations


class MtlintError(Exception):
    """A problem with the user's input, configuration or packs (exit code 2)."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line:
            where += f":{self.line}"
        return f"{where}: {self.message}" if where else self.message


class PackError(MtlintError):
    """A rule pack that cannot be loaded: bad YAML, unknown kind, bad field, bad regex."""


class ConfigError(MtlintError):
    """A configuration file that cannot be used."""


class InputError(MtlintError):
    """An input file that cannot be linted: missing, unreadable, binary, not UTF-8, empty, too large."""


class GrammarUnavailable(MtlintError):
    """The grammar checker (LanguageTool) cannot be used: not installed, unreachable, refusing, too slow.

    Raised by the grammar kind instead of findings; the engine records it like a regex
    timeout, so the other packs' findings are still reported and the exit code is 2.
    """
