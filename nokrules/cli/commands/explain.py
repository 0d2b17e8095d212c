"""`nokrules explain`: why a finding becomes the plan rows it does."""

from __future__ import annotations

from datetime import date

import click

from nokrules.cli.common import institution_options, parse_date
from nokrules.core.engine import Engine
from nokrules.curate.explain import explain, render


@click.command(name="explain")
@click.argument("text", metavar="ТЕКСТ")
@institution_options
def command(text: str, kind: str | None, service_forms: tuple[str, ...], plan_date: str | None, catalog_dir: str | None) -> None:
    """Слова и леммы, совпавшие шаблоны, недостаток, сработавшие и почти сработавшие правила, мероприятия."""
    engine = Engine.load(catalog_dir)
    inst = engine.institution("", kind, list(service_forms) or None)
    click.echo(render(explain(engine, text, inst, parse_date(plan_date) or date.today())))
