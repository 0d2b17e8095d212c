"""`nokrules diff OLD_DIR NEW_DIR`: what a catalog change does, for the curator who reviews it.

A diff is information, not a verdict, so the command exits 0 whenever both catalogs load; a catalog
that fails to load raises CatalogError, which the CLI turns into one Russian line and exit code 2.
"""

from __future__ import annotations

from pathlib import Path

import click

from nokrules.core.findings import decode
from nokrules.curate.diff import diff_dirs, render_text


@click.command(name="diff")
@click.argument("old_dir", type=click.Path(exists=True, file_okay=False), metavar="СТАРЫЙ")
@click.argument("new_dir", type=click.Path(exists=True, file_okay=False), metavar="НОВЫЙ")
@click.option(
    "--corpus",
    "corpus",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="файл с недостатками (один план на файл, вид организации не указан); можно несколько",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="формат вывода")
def command(old_dir: str, new_dir: str, corpus: tuple[str, ...], fmt: str) -> None:
    """Что меняет новая версия каталога: записи и планы.

    СТАРЫЙ и НОВЫЙ — папки каталогов (с catalog/ и rules/). Планы составляются по примерам и
    контрпримерам обоих каталогов, сценариям НОВЫЙ/tests/scenarios и файлам --corpus.
    """
    files = [(path, decode(Path(path).read_bytes(), path)) for path in corpus]
    result = diff_dirs(old_dir, new_dir, files)
    click.echo(result.to_json() if fmt == "json" else render_text(result), nl=False)
