"""The exception hierarchy. Each error carries its exit code; only the CLI turns them into a message and exit.

Messages are in Russian because they are read by inspectors and curators; `SourceRef` lets a curator
find the spot in the YAML (file, line, column, key path).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceRef:
    file: str
    line: int
    column: int
    path: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where} {self.path}" if self.path else where


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

    def __init__(self, problems: list[tuple[SourceRef | None, str]]):
        self.problems = problems
        super().__init__("\n".join(f"{ref}: {msg}" if ref else msg for ref, msg in problems))


class EngineError(NokError):
    """The rule engine misbehaved (an exception inside a rule action, a lost session): a bug."""

    exit_code = 1
