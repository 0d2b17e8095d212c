"""`nokrules test`: a catalog's examples, counterexamples and scenario files, with coverage."""

from __future__ import annotations

from pathlib import Path

import click

from nokrules.core.catalog import default_root
from nokrules.core.engine import Engine
from nokrules.core.errors import CheckFailed, UsageError
from nokrules.curate import catalog_tests as catalogtest


@click.command(name="test")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, dir_okay=False), metavar="[СЦЕНАРИИ]…")
@click.option("--catalog", "catalog_dir", type=click.Path(file_okay=False), help="папка каталога (с catalog/ и rules/)")
@click.option("-v", "--verbose", is_flag=True, help="перечислить непроверенные недостатки, правила и мероприятия")
def command(paths: tuple[str, ...], catalog_dir: str | None, verbose: bool) -> None:
    """Примеры и контрпримеры каталога и сценарии (СЦЕНАРИИ… или tests/scenarios/*.yaml); код 1 при провале."""
    root = Path(catalog_dir) if catalog_dir else default_root()
    if not root.is_dir():
        raise UsageError(f"папка каталога «{root}» не найдена")
    engine = Engine.load(root)
    report = catalogtest.run(engine, root, [Path(p) for p in paths] or None)
    click.echo(catalogtest.render(report, engine, verbose), nl=False)
    if not report.results:
        raise CheckFailed("не найдено ни одной проверки: ни примеров, ни сценариев")
    if report.failed:
        raise CheckFailed(f"провалено проверок: {len(report.failed)}", quiet=True)
