"""Rule fields, declared once: the declaration validates YAML and documents the kind.

Each kind lists its `Field`s (name, type, default, one-line doc). Loading a rule
checks every value against its declaration and names the file and line of a bad
one; `mtlint rules show` and the README's table of kinds are generated from the
same declarations, so a kind never hand-writes a type check or a doc line twice.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

_MISSING = object()


class FieldError(ValueError):
    """A value that does not fit its declaration (the caller adds the rule, file and line)."""


def _text(value, name):
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise FieldError(f"'{name}' must be text, not {value!r}")
    return str(value)


def _bool(value, name):
    if not isinstance(value, bool):  # "false" in quotes would otherwise count as true
        raise FieldError(f"'{name}' must be true or false, not {value!r}")
    return value


def _int(value, name):
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldError(f"'{name}' must be a whole number, not {value!r}")
    return value


def _number(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise FieldError(f"'{name}' must be a number, not {value!r}")
    return value


def _strings(value, name):
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise FieldError(f"'{name}' must be a string or a list of strings")
    booleans = [v for v in value if isinstance(v, bool)]
    if booleans:  # YAML reads a bare no/yes/on/off as a boolean: the word would be lost
        raise FieldError(f"'{name}' holds {str(booleans[0]).lower()}: YAML reads bare no, yes, on and off as "
                         "booleans; quote the word ('no')")
    return [str(v) for v in value]


def _pairs(value, name):
    if not isinstance(value, dict):
        raise FieldError(f"'{name}' must be a mapping of text to text")
    out = {}
    for k, v in value.items():
        if any(isinstance(x, bool) or not isinstance(x, (str, int, float)) for x in (k, v)) or k == "":
            raise FieldError(f"'{name}' must map text to text, not {k!r}: {v!r}")
        out[str(k)] = str(v)
    return out


def _mapping(value, name):
    if not isinstance(value, dict):
        raise FieldError(f"'{name}' must be a mapping")
    return value


def _raw(value, name):
    return value


TYPES: dict[str, tuple[Callable[[Any, str], Any], str]] = {
    "text": (_text, "text"),
    "bool": (_bool, "true/false"),
    "int": (_int, "whole number"),
    "number": (_number, "number"),
    "strings": (_strings, "string or list"),
    "pairs": (_pairs, "mapping text: text"),
    "mapping": (_mapping, "mapping"),
    "any": (_raw, "see doc"),
}


@dataclass(frozen=True)
class Field:
    """One YAML field of a rule kind."""

    name: str
    type: str
    doc: str
    default: Any = None
    choices: tuple[str, ...] = ()  # for text: the values allowed
    minimum: float | None = None  # for numbers: the least value allowed
    maximum: float | None = None
    required: bool = False

    def read(self, spec: dict) -> Any:
        """The field's value in `spec` (its default when absent), checked against the declaration."""
        value = spec.get(self.name, _MISSING)
        if value is _MISSING or value is None:
            if self.required:
                raise FieldError(f"needs '{self.name}' ({self.doc})")
            return self.default() if callable(self.default) else self.default
        value = TYPES[self.type][0](value, self.name)
        if self.choices and value not in self.choices:
            raise FieldError(f"'{self.name}' must be one of {', '.join(self.choices)}, not '{value}'")
        if self.minimum is not None and value < self.minimum or self.maximum is not None and value > self.maximum:
            bounds = f"at least {self.minimum:g}" if self.maximum is None else f"between {self.minimum:g} and {self.maximum:g}"
            raise FieldError(f"'{self.name}' must be {bounds}, not {value!r}")
        return value

    @property
    def type_label(self) -> str:
        if self.choices:
            return " | ".join(self.choices)
        return TYPES[self.type][1]

    @property
    def default_label(self) -> str:
        default = self.default() if callable(self.default) else self.default
        if default in (None, "", [], {}):
            return "required" if self.required else "—"
        if isinstance(default, bool):
            return str(default).lower()
        return str(default)
