"""What every lint check shares: the message, the context it reads, the base class."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

from nokrules.core.catalog import Sources
from nokrules.core.engine import Engine
from nokrules.core.errors import SourceRef
from nokrules.core.model import Catalog
from nokrules.curate.catalog_checks import Problem, Severity, check_catalog, recogniser

SEVERITY_RU = {"error": "ошибка", "warning": "предупреждение"}


@dataclass(frozen=True)
class Message:
    code: str
    name: str
    severity: Severity
    file: str | None
    line: int | None
    column: int | None
    path: str
    text: str

    @classmethod
    def of(cls, check: type[Check], ref: SourceRef | None, text: str) -> Message:
        return cls(
            code=check.code,
            name=check.name,
            severity=check.severity,
            file=ref.file if ref else None,
            line=ref.line if ref else None,
            column=ref.column if ref else None,
            path=ref.path if ref else "",
            text=text,
        )

    def sort_key(self) -> tuple[int, str, int, int, str, str]:
        return (0 if self.severity == "error" else 1, self.file or "", self.line or 0, self.column or 0, self.code, self.text)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.file else "каталог"
        path = f" {self.path}" if self.path else ""
        return f"{where}{path}: {SEVERITY_RU[self.severity]} {self.code} {self.name}: {self.text}"


class Context:
    """The catalog under lint, where its entries stand, and an engine built only when a check needs one."""

    def __init__(self, catalog: Catalog, sources: Sources):
        self.catalog = catalog
        self.sources = sources

    @cached_property
    def engine(self) -> Engine:
        return Engine(self.catalog)

    @cached_property
    def suite(self) -> list[Problem]:
        """The shared catalog checks (nokrules.curate.catalog_checks), run once for all their lint codes."""
        return check_catalog(self.catalog, recogniser(self.engine))


class Check:
    """Base of all checks. Subclasses set the class attributes and implement `run`."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    at_load: ClassVar[bool] = False  # reported by the catalog loader itself

    def run(self, ctx: Context) -> Iterator[Message]:
        return iter(())

    def msg(self, ref: SourceRef | None, text: str) -> Message:
        return Message.of(type(self), ref, text)


class SuiteCheck(Check):
    """A check decided by the shared catalog suite: lint only says where each problem was written.
    Subclasses set `code, name, severity` from the suite's `Spec`."""

    def run(self, ctx: Context) -> Iterator[Message]:
        for p in ctx.suite:
            if p.spec.code == self.code:
                yield self.msg(ctx.sources.ref(*p.entry, *p.path), p.text)
