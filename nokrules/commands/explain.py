"""`nokrules explain`: why a finding becomes the plan rows it does."""

from __future__ import annotations

from datetime import date

import click

from ..api import Engine
from ..cli_common import parse_date
from ..explain import explain


@click.command(name="explain")
@click.argument("text")
@click.option("--kind", help="вид организации (id, название или сокращение)")
@click.option(
    "--service-form",
    "forms",
    multiple=True,
    help="форма обслуживания: стационарная, полустационарная, надомная (можно несколько)",
)
@click.option("--date", "plan_date", help="дата плана ГГГГ-ММ-ДД")
@click.option("--catalog", "catalog_dir", type=click.Path(file_okay=False), help="папка каталога")
def command(text: str, kind: str | None, forms: tuple[str, ...], plan_date: str | None, catalog_dir: str | None) -> None:
    """Слова и леммы, совпавшие шаблоны, недостаток, сработавшие и почти сработавшие правила, мероприятия."""
    engine = Engine.load(catalog_dir)
    inst = engine.institution("", kind, list(forms) or None)
    click.echo(explain(engine, text, inst, parse_date(plan_date) or date.today()))
