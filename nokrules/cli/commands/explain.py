"""`nokrules explain`: why a finding becomes the plan rows it does."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from nokrules.cli.common import institution_options, parse_date
from nokrules.core.engine import Engine
from nokrules.core.errors import UsageError
from nokrules.core.scores import unpack
from nokrules.curate.explain import explain, render


@click.command(name="explain")
@click.argument("text", metavar="ТЕКСТ")
@institution_options
@click.option("--scores", "scores_file", type=click.Path(dir_okay=False), help="чек-лист и опрос одного учреждения (как plan --scores)")
@click.option("--columns", "columns_file", type=click.Path(dir_okay=False), help="файл соответствия столбцов таблицы баллов")
def command(
    text: str,
    kind: str | None,
    service_forms: tuple[str, ...],
    plan_date: str | None,
    catalog_dir: str | None,
    scores_file: str | None,
    columns_file: str | None,
) -> None:
    """Слова и леммы, совпавшие шаблоны, недостаток, сработавшие и почти сработавшие правила, мероприятия.
    С --scores — и недостатки по баллам: у найденного и в тексте, и в баллах видны оба источника."""
    engine = Engine.load(catalog_dir)
    inst = engine.institution("", kind, list(service_forms) or None)
    assessment = None
    if scores_file:
        from nokrules.protocols.readers.scores import read_scores_file

        found = read_scores_file(Path(scores_file), engine.catalog.scores, Path(columns_file) if columns_file else None)
        if len(found) > 1:
            raise UsageError(f"{scores_file}: в файле {len(found)} учреждений, а explain разбирает одно")
        packed = found[0].scores
        assessment = unpack(engine.catalog.scores, packed) if packed and engine.catalog.scores else None
    click.echo(render(explain(engine, text, inst, parse_date(plan_date) or date.today(), assessment)))
