"""The grammar pack's checker: LanguageTool through language-tool-python.

`start_run()` is called once per run by whatever runs the linter (the CLI) with the
configuration and the command line's URL; every grammar rule then shares one `Session`
per distinct set of LanguageTool switches. Without `start_run()` (the library used
directly), the settings come from the environment alone.
"""
from __future__ import annotations

import atexit
import threading

from typing import TYPE_CHECKING

from .settings import GrammarSettings

if TYPE_CHECKING:  # the session (an HTTP client, language-tool-python) loads when a grammar rule first runs
    from .session import RuleParams, Session

_settings: GrammarSettings | None = None
_sessions: dict[tuple, Session] = {}
_lock = threading.Lock()  # files are linted on several threads


def start_run(config_extra: dict | None = None, url: str | None = None, config_path: str | None = None) -> GrammarSettings:
    """Begin a run: settings from config, environment and CLI; sessions of a previous run are closed."""
    global _settings
    settings = GrammarSettings.resolve((config_extra or {}).get("languagetool"), url, config_path)
    end_run()
    _settings = settings
    return settings


def settings() -> GrammarSettings:
    global _settings
    if _settings is None:
        _settings = GrammarSettings.resolve()
    return _settings


def session_for(params: RuleParams) -> Session:
    from .session import Session

    current = settings()
    key = (current, params.key())
    with _lock:
        session = _sessions.get(key)
        if session is None:
            session = _sessions[key] = Session(current, params)
    return session


def sessions() -> list[Session]:
    return list(_sessions.values())


@atexit.register
def end_run() -> None:
    """Close every session (a local LanguageTool language-tool-python started is stopped)."""
    global _settings
    for session in _sessions.values():
        session.close()
    _sessions.clear()
    _settings = None
