"""The exception hierarchy. Each error carries the exit code the CLI ends with (the web app answers with
an HTTP error instead).

Messages are in Russian because they are read by inspectors and curators; `SourceRef` lets a curator
find the spot in the YAML (file, line, column, key path).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True)
class SourceRef:
    file: str
    line: int
    column: int
    path: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where} {self.path}" if self.path else where


class Problem(NamedTuple):
    """One thing wrong in a catalog: where, what (Russian, for the curator), and the lint code."""

    ref: SourceRef | None
    message: str
    code: str = "NOK002"


class NokError(Exception):
    """Base of all nokrules errors."""

    exit_code = 1


class UsageError(NokError):
    """Bad command-line usage: unknown kind, bad date, conflicting options."""

    exit_code = 2


class InputError(NokError):
    """Input that cannot be read: missing file, undecodable bytes, bad profile."""

    exit_code = 2


class CatalogError(NokError):
    """A catalog that fails to load. Holds every problem found, each with its source."""

    exit_code = 2

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(f"{p.ref}: {p.message}" if p.ref else p.message for p in problems))


class CheckFailed(NokError):
    """Lint errors or failing catalog tests: the report is already printed, only the exit code remains."""

    exit_code = 1

    def __init__(self, message: str, quiet: bool = False):
        super().__init__(message)
        self.quiet = quiet


class EngineError(NokError):
    """The rule engine misbehaved (an exception inside a rule action, a lost session): a bug."""

    exit_code = 1
