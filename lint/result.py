"""What linting one file produced: apart from the engine, so that a result the cache serves needs no rule kind."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .document import Directive
    from .finding import Finding


@dataclass
class Result:
    """What linting one file produced."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one-line problems (regex timeouts, ...)
    unused_directives: list[Directive] = field(default_factory=list)
