"""Module-level regexes compiled on first use, not at import.

Compiling the larger patterns of the rule kinds and the document model (Unicode
properties, long alternations) cost a tenth of `mtlint check`'s start-up, though
a short article, or a run the content cache serves, uses few of them or none.
`compile_lazily` returns a stand-in that compiles the pattern when first used;
the module global holding the stand-in is then rebound to the compiled pattern
itself, so code that reads the global (every hot loop) pays nothing after that.
"""
from __future__ import annotations

import sys


class LazyRegex:
    """A `regex` pattern compiled on first attribute access (search, finditer, pattern, ...)."""

    __slots__ = ("_pattern", "_flags", "_globals", "_compiled")

    def __init__(self, pattern: str, flags: int, module_globals: dict) -> None:
        self._pattern, self._flags, self._globals = pattern, flags, module_globals
        self._compiled = None

    def compiled(self):
        if self._compiled is None:
            import regex  # (a run the content cache serves whole never imports it)

            self._compiled = regex.compile(self._pattern, self._flags)
            for name, value in list(self._globals.items()):  # the module's own global now names the pattern
                if value is self:
                    self._globals[name] = self._compiled
        return self._compiled

    def __getattr__(self, name: str):
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"LazyRegex({self._pattern!r}, {self._flags!r})"


def compile_lazily(pattern: str, flags: int = 0) -> LazyRegex:
    """`regex.compile(pattern, flags)`, deferred until first used (call it at module level)."""
    return LazyRegex(pattern, flags, sys._getframe(1).f_globals)
