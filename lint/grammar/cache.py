"""Checked paragraphs remembered by content hash, so an unchanged article is not sent again.

One SQLite file (the standard library's; safe for several processes at once) in the user's
cache folder. The key covers the server, the language, the rule settings and the paragraph's
text: changing any of them checks the paragraph again.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading

from .mapping import LTMatch


class MatchCache:
    def __init__(self, folder: str | None, namespace: str) -> None:
        self.namespace = namespace
        self._db = None
        self._lock = threading.Lock()  # one connection, shared by the run's threads
        if folder:
            try:
                os.makedirs(folder, exist_ok=True)
                self._db = sqlite3.connect(os.path.join(folder, "grammar-cache.sqlite3"), timeout=30,
                                           check_same_thread=False)
                self._db.execute("CREATE TABLE IF NOT EXISTS matches (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                self._db.commit()
            except (OSError, sqlite3.Error):  # an unusable cache folder only costs speed
                self._db = None

    def key(self, text: str) -> str:
        return hashlib.sha256(f"{self.namespace}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()

    def get_many(self, keys: list[str]) -> dict[str, list[LTMatch]]:
        if self._db is None or not keys:
            return {}
        found = {}
        try:
            with self._lock:
                rows = self._select(keys)
            for key, value in rows:
                found[key] = [LTMatch.from_list(m) for m in json.loads(value)]
        except (sqlite3.Error, ValueError, TypeError):  # a locked or damaged cache: ask LanguageTool instead
            return {}
        return found

    def _select(self, keys: list[str]) -> list[tuple[str, str]]:
        rows = []
        for i in range(0, len(keys), 500):  # SQLite limits the number of parameters
            chunk = keys[i:i + 500]
            rows += self._db.execute(f"SELECT key, value FROM matches WHERE key IN ({','.join('?' * len(chunk))})", chunk).fetchall()
        return rows

    def put_many(self, items: dict[str, list[LTMatch]]) -> None:
        if self._db is None or not items:
            return
        try:
            with self._lock:
                self._db.executemany("INSERT OR REPLACE INTO matches VALUES (?, ?)",
                                     [(k, json.dumps([m.as_list() for m in v])) for k, v in items.items()])
                self._db.commit()
        except sqlite3.Error:
            pass

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
