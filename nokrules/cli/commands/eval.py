"""`nokrules eval CORPUS…`: recognition measured on labelled findings (see nokrules/curate/evaluate.py)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from nokrules.core.catalog import default_root
from nokrules.core.engine import Engine
from nokrules.core.errors import CheckFailed, UsageError
from nokrules.curate import evaluate as ev


@click.command(name="eval")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="[КОРПУС]…")
@click.option("--catalog", "catalog_dir", type=click.Path(file_okay=False), help="папка каталога (с catalog/ и rules/)")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="формат отчёта")
@click.option("--errors/--no-errors", default=True, help="перечислить строки, распознанные неверно")
@click.option("--min-recognised", type=click.FloatRange(0, 100), help="код 1, если распознано меньше, %")
@click.option("--min-recall", type=click.FloatRange(0, 100), help="код 1, если полнота меньше, %")
@click.option("--max-wrong", type=click.FloatRange(0, 100), help="код 1, если лишних недостатков больше, %")
def command(
    paths: tuple[Path, ...], catalog_dir: str | None, fmt: str, errors: bool,
    min_recognised: float | None, min_recall: float | None, max_wrong: float | None,
) -> None:
    """Качество распознавания на размеченном корпусе (по умолчанию corpus/ каталога): доля распознанных строк,
    полнота и точность по каждому недостатку, ошибки."""
    root = Path(catalog_dir) if catalog_dir else default_root()
    if not root.is_dir():
        raise UsageError(f"папка каталога «{root}» не найдена")
    engine = Engine.load(root)
    corpus = ev.load_corpus(list(paths) or [ev.default_corpus(root)])
    report = ev.evaluate(engine, corpus)
    if fmt == "json":
        data = report.model_dump(mode="json")
        data.update(recognised_share=report.recognised_share, recall=report.recall, wrong_share=report.wrong_share)
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        click.echo(ev.render(report, engine, errors), nl=False)
    failed = [
        f"{name} {value:.1f} % {'>' if upper else '<'} {limit:g} %"
        for name, value, limit, upper in [
            ("распознано", 100 * report.recognised_share, min_recognised, False),
            ("полнота", 100 * report.recall, min_recall, False),
            ("лишних", 100 * report.wrong_share, max_wrong, True),
        ]
        if limit is not None and (value > limit if upper else value < limit)
    ]
    if failed:
        raise CheckFailed("ниже порога: " + "; ".join(failed))
