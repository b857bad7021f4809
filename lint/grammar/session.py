"""One LanguageTool session per run: started (or reached) once, reused for every article.

language-tool-python owns a local LanguageTool's life: it finds Java, downloads LanguageTool
on first use (honouring LTP_PATH and LTP_JAR_DIR_PATH), starts the server on a free port,
waits until it answers and stops it at exit. A configured server is reached directly. The
/v2/check requests themselves are sent here, over one pooled HTTP session, because mtlint needs three things the library's `check()`
does not give: several requests in flight (its `Match` keeps the last text's emoji positions
in a class attribute, shared by every thread), match lengths converted from UTF-16 too (it
converts only offsets), and the HTTP status (413, 429) to tell the user what went wrong.

Whatever fails becomes one `GrammarUnavailable` line, raised once per run; after that the
session stays quiet, so a folder of articles does not repeat it per file.
"""
from __future__ import annotations

import sys
import threading
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

import requests

from ..errors import GrammarUnavailable
from .cache import MatchCache
from .mapping import LTMatch, batches, join, split_matches
from .settings import PUBLIC_API, GrammarSettings

USER_AGENT = "mtlint"
HOW_TO_RUN = "start one with scripts/languagetool-server --port 8081 and pass --languagetool-url http://127.0.0.1:8081"


class Session:
    """A LanguageTool to check paragraphs with, and the cache in front of it."""

    def __init__(self, settings: GrammarSettings, rules: "RuleParams") -> None:
        self.settings = settings
        self.rules = rules
        self.url: str | None = None  # .../v2/ once started
        self._tool = None  # language_tool_python.LanguageTool
        self._http = requests.Session()
        self._http.headers["User-Agent"] = USER_AGENT
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(settings.max_in_flight)  # requests in flight, across threads
        self.failed = False  # later calls return nothing
        self.failure = ""  # the one line the failure was reported with
        self._reported = False  # the failure was raised once (threads may fail together)
        self.requests = 0  # /v2/check requests sent (for measuring)
        self.chars_sent = 0
        where = settings.url or "local"
        self.cache = MatchCache(settings.cache_dir, f"{where}\0{settings.language}\0{rules.key()}")

    # -- the checker's life --------------------------------------------------------------
    def _start(self) -> None:
        """Reach the configured server, or have language-tool-python start a local one."""
        if self.settings.url is not None:
            # A server: one GET of its language list says whether it answers (and how it refuses).
            self.url = urllib.parse.urljoin(self.settings.url.rstrip("/") + "/", "v2/")
            self._request("get", "languages")
            return
        import language_tool_python
        from language_tool_python import exceptions as lt_errors

        print("mtlint: grammar: starting a local LanguageTool through language-tool-python "
              "(it downloads LanguageTool, about 250 MB, on first use)...", file=sys.stderr, flush=True)
        try:
            self._tool = language_tool_python.LanguageTool(self.settings.language)
        except lt_errors.JavaError as exc:
            raise self._unavailable(f"LanguageTool needs Java 17 or newer and none was found ({exc}); "
                                    f"install it (apt-get install openjdk-17-jre-headless) or {HOW_TO_RUN}") from None
        except ModuleNotFoundError as exc:  # the library's "No java install detected"
            raise self._unavailable(f"LanguageTool needs Java 17 or newer ({exc}); install it or {HOW_TO_RUN}") from None
        except SystemError as exc:  # the library's "Detected java 11 ..."
            raise self._unavailable(f"{exc}; install Java 17 or newer, or {HOW_TO_RUN}") from None
        except (lt_errors.LanguageToolError, requests.RequestException, OSError, TimeoutError, ValueError) as exc:
            raise self._unavailable(f"the local LanguageTool could not be downloaded or started ({_first_line(exc)[:160]}); "
                                    f"set LTP_PATH to a folder holding LanguageTool-{_lt_version()}, or {HOW_TO_RUN}") from None
        self.url = self._tool.url

    def close(self) -> None:
        if self._tool is not None:
            try:
                self._tool.close()  # stops a local server language-tool-python started
            except Exception:  # noqa: BLE001 - closing must never fail a finished run
                pass
            self._tool = None
        self._http.close()
        self.cache.close()

    # -- checking ------------------------------------------------------------------------
    def check(self, texts: list[str]) -> list[list[LTMatch]] | None:
        """LanguageTool's matches for each paragraph; None once the session has failed. Thread-safe."""
        if self.failed:
            return None
        keys = [self.cache.key(t) for t in texts]
        known = self.cache.get_many(keys)
        missing = [i for i, k in enumerate(keys) if k not in known]
        if missing:
            try:
                fresh = self._check_uncached([texts[i] for i in missing])
            except GrammarUnavailable as exc:
                with self._lock:
                    first, self._reported, self.failed = not self._reported, True, True
                    self.failure = str(exc)
                if first:
                    raise
                return None
            new = {keys[i]: matches for i, matches in zip(missing, fresh)}
            self.cache.put_many(new)
            known.update(new)
        return [known[k] for k in keys]

    def _check_uncached(self, texts: list[str]) -> list[list[LTMatch]]:
        with self._lock:
            if self.url is None:
                self._start()
        groups = batches(texts, self.settings.max_chars)
        results: list[list[LTMatch]] = [[] for _ in texts]

        def run(group: list[int]) -> None:
            body, starts = join([texts[i] for i in group])
            raw = self._post(body)
            for i, matches in zip(group, split_matches(raw, body, starts, [len(texts[i]) for i in group])):
                results[i] = matches

        if len(groups) == 1:
            run(groups[0])
        else:
            with ThreadPoolExecutor(max_workers=min(self.settings.max_in_flight, len(groups))) as pool:
                for future in [pool.submit(run, g) for g in groups]:
                    future.result()  # re-raises the first failure
        return results

    def _post(self, body: str) -> list[dict]:
        data = {"language": self.settings.language, "text": body, **self.rules.params()}
        with self._lock:
            self.requests += 1
            self.chars_sent += len(body)
        with self._slots:
            response = self._request("post", "check", data, len(body))
        try:
            return response.json()["matches"]
        except (ValueError, KeyError, TypeError):
            raise self._unavailable(f"LanguageTool at {self._where()} answered something that is not LanguageTool's JSON") from None

    def _request(self, method: str, endpoint: str, data: dict | None = None, chars: int = 0) -> requests.Response:
        """One HTTP request to LanguageTool; any failure becomes one line saying what to do."""
        try:
            response = self._http.request(method, urllib.parse.urljoin(self.url, endpoint), data=data,
                                          timeout=self.settings.timeout)
        except requests.RequestException as exc:
            # urllib3 reports some read timeouts as connection errors ("Read timed out.")
            if isinstance(exc, requests.Timeout) or "timed out" in str(exc):
                raise self._unavailable(f"LanguageTool at {self._where()} did not answer within {self.settings.timeout:g} s; "
                                        "check the server, or raise languagetool.timeout") from None
            raise self._unreachable(exc) from None
        if response.status_code == 413:
            raise self._unavailable(f"LanguageTool at {self._where()} refused a text of {chars} characters as too long "
                                    "(HTTP 413); raise the server's maxTextLength or lower languagetool.max_chars")
        if response.status_code == 429:
            raise self._unavailable(f"LanguageTool at {self._where()} refused the request: too many requests (HTTP 429); "
                                    f"wait and retry, raise the server's requestLimit, or {HOW_TO_RUN}")
        if response.status_code != 200:
            raise self._unavailable(f"LanguageTool at {self._where()} answered HTTP {response.status_code} "
                                    f"({_first_line(response.text)[:120]})")
        return response

    # -- messages --------------------------------------------------------------------------
    def _where(self) -> str:
        if self.settings.url == PUBLIC_API:
            return "the public API"
        return self.settings.url or f"{self.url} (local)"

    def _unreachable(self, exc: Exception) -> GrammarUnavailable:
        reason = "connection refused" if "refused" in str(exc).lower() else _first_line(exc)[:160]
        if self.settings.url is None:
            return self._unavailable(f"the local LanguageTool stopped answering ({reason}); run again, or {HOW_TO_RUN}")
        return self._unavailable(f"LanguageTool server at {self.settings.url} is not reachable ({reason}); "
                                 "start it (scripts/languagetool-server --port N) or fix --languagetool-url")

    def _unavailable(self, message: str) -> GrammarUnavailable:
        self.failed = True
        return GrammarUnavailable(f"grammar: {message}; the grammar pack's findings are missing from this run")


class RuleParams:
    """The rule and category switches sent with every request (part of the cache key)."""

    def __init__(self, enabled_rules=(), disabled_rules=(), enabled_categories=(), disabled_categories=()) -> None:
        self.enabled_rules = tuple(sorted(set(enabled_rules)))
        self.disabled_rules = tuple(sorted(set(disabled_rules) - set(enabled_rules)))
        self.enabled_categories = tuple(sorted(set(enabled_categories)))
        self.disabled_categories = tuple(sorted(set(disabled_categories) - set(enabled_categories)))

    def params(self) -> dict[str, str]:
        out = {}
        for name, values in (("enabledRules", self.enabled_rules), ("disabledRules", self.disabled_rules),
                             ("enabledCategories", self.enabled_categories),
                             ("disabledCategories", self.disabled_categories)):
            if values:
                out[name] = ",".join(values)
        return out

    def key(self) -> str:
        return repr(sorted(self.params().items()))


def _first_line(exc) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _lt_version() -> str:
    from language_tool_python.download_lt import LTP_DOWNLOAD_VERSION

    return LTP_DOWNLOAD_VERSION
