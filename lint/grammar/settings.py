"""Where the grammar pack's checker is and how it is asked: one `GrammarSettings` per run.

Sources, strongest first: `--languagetool-url`, the environment (`MTLINT_LANGUAGETOOL_URL`,
`MTLINT_CACHE_DIR`), the `languagetool:` mapping of the configuration. Without a URL,
language-tool-python starts a LanguageTool of its own on this machine. The public
LanguageTool API is used only when named (`url: public`): articles leave the machine then.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from ..errors import ConfigError

PUBLIC_API = "https://api.languagetool.org/"
URL_ENV = "MTLINT_LANGUAGETOOL_URL"
CACHE_ENV = "MTLINT_CACHE_DIR"
FIELDS = {
    "url": "a LanguageTool server (http://127.0.0.1:8081), or 'public' for the public API (articles leave the machine)",
    "language": "the language code LanguageTool checks (default en-US)",
    "enabled_rules": "LanguageTool rule ids to turn on (also those the pack turns off)",
    "disabled_rules": "LanguageTool rule ids to turn off",
    "enabled_categories": "LanguageTool category ids to turn on",
    "disabled_categories": "LanguageTool category ids to turn off",
    "cache_dir": "where checked paragraphs are remembered (default: the user's cache folder); false: no cache",
    "timeout": "seconds one request may take (default 60)",
    "max_in_flight": "requests sent at the same time (default 2)",
    "max_chars": "characters in one request at most (default 8000)",
}


def default_cache_dir() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "mtlint")


@dataclass(frozen=True)
class GrammarSettings:
    url: str | None = None  # None: language-tool-python starts a local LanguageTool
    language: str = "en-US"
    enabled_rules: tuple[str, ...] = ()
    disabled_rules: tuple[str, ...] = ()
    enabled_categories: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    cache_dir: str | None = None  # None: no cache
    timeout: float = 60.0
    max_in_flight: int = 2
    max_chars: int = 8000
    config_path: str | None = None  # for error messages

    @classmethod
    def resolve(cls, data: dict | None = None, url: str | None = None, config_path: str | None = None,
                environ=os.environ) -> "GrammarSettings":
        """Settings from the configuration's `languagetool:` mapping, the environment and the CLI."""
        data = data if data is not None else {}
        if not isinstance(data, dict):
            raise ConfigError("'languagetool' must be a mapping (url, disabled_rules, ...)", config_path)
        unknown = sorted(set(data) - set(FIELDS))
        if unknown:
            raise ConfigError(f"unknown languagetool setting '{unknown[0]}' (known: {', '.join(FIELDS)})", config_path)

        def names(key: str) -> tuple[str, ...]:
            value = data.get(key, []) or []
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"languagetool.{key} must be a list of ids", config_path)
            return tuple(value)

        def number(key: str, default, kind=float):
            value = data.get(key, default)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
                raise ConfigError(f"languagetool.{key} must be a positive number", config_path)
            return kind(value)

        chosen = url or environ.get(URL_ENV) or data.get("url")
        if chosen is not None and not isinstance(chosen, str):
            raise ConfigError("languagetool.url must be a URL or 'public'", config_path)
        if chosen == "public":
            chosen = PUBLIC_API
        if chosen and not chosen.startswith(("http://", "https://")):
            raise ConfigError(f"LanguageTool URL '{chosen}' must start with http:// or https:// (or be 'public')", config_path)
        cache = data.get("cache_dir", True)
        if environ.get(CACHE_ENV):
            cache = environ[CACHE_ENV]
        if cache is True:
            cache = default_cache_dir()
        elif cache is False:
            cache = None
        elif not isinstance(cache, str):
            raise ConfigError("languagetool.cache_dir must be a folder or false", config_path)
        language = data.get("language", "en-US")
        if not isinstance(language, str):
            raise ConfigError("languagetool.language must be a language code such as en-US", config_path)
        return cls(
            url=chosen or None,
            language=language,
            enabled_rules=names("enabled_rules"),
            disabled_rules=names("disabled_rules"),
            enabled_categories=names("enabled_categories"),
            disabled_categories=names("disabled_categories"),
            cache_dir=cache,
            timeout=number("timeout", 60.0),
            max_in_flight=number("max_in_flight", 2, int),
            max_chars=number("max_chars", 8000, int),
            config_path=config_path,
        )
