"""Option parsing shared by the CLI commands."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TypeVar

import click

from nokrules.core.dates import plan_date_problem
from nokrules.core.errors import UsageError

F = TypeVar("F", bound=Callable[..., object])


def institution_options(f: F) -> F:
    """--kind, --service-form, --date and --catalog: how every command that drafts a plan is told about it."""
    for option in reversed(
        [
            click.option("--kind", help="вид организации (id, название или сокращение, например КЦСОН)"),
            click.option(
                "--service-form",
                "service_forms",
                multiple=True,
                help="форма обслуживания: стационарная, полустационарная, надомная (можно несколько)",
            ),
            click.option("--date", "plan_date", help="дата плана ГГГГ-ММ-ДД (по умолчанию сегодня): от неё считаются сроки"),
            click.option(
                "--catalog", "catalog_dir", type=click.Path(file_okay=False), help="папка каталога (с catalog/ и rules/)"
            ),
        ]
    ):
        f = option(f)
    return f


def parse_date(value: str | None) -> date | None:
    """`--date`: ГГГГ-ММ-ДД or ДД.ММ.ГГГГ; None when not given."""
    if value is None:
        return None
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            parsed = datetime.strptime(value, fmt).date()
        except ValueError:
            continue
        problem = plan_date_problem(parsed)
        if problem:
            raise UsageError(problem)
        return parsed
    raise UsageError(f"дата «{value}» не распознана: ожидалось ГГГГ-ММ-ДД (например, 2027-01-15) или ДД.ММ.ГГГГ")
