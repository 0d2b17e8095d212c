"""`nokrules catalog`: the whole catalog as a handbook (Markdown or DOCX) for review by ministry curators.

Curators sign off on what the rules will put into plans, so they get the catalog as a document rather
than YAML. Only the loaded catalog is needed, not the rule engine: durable-rules is never started here.
An existing file is never overwritten without --force, and files are written atomically, so an
interrupted run cannot leave a half-written handbook where the previous one was.
"""

from __future__ import annotations

from pathlib import Path

import click

from nokrules.core.catalog import load_catalog
from nokrules.core.errors import UsageError
from nokrules.curate.handbook import render_docx, render_markdown
from nokrules.documents.output import check_output, write_atomically

HELP = """Каталог целиком — справочник для кураторов министерства: разделы I–V, показатели, недостатки,
правила и мероприятия со сроками и ответственными.

Markdown печатается в стандартный вывод (или в файл -o); DOCX записывается только в файл -o.
"""


@click.command(name="catalog", help=HELP)
@click.option("--catalog", "catalog_dir", type=click.Path(file_okay=False), help="папка каталога (с catalog/ и rules/)")
@click.option("--format", "fmt", type=click.Choice(["md", "docx"]), default="md", show_default=True, help="формат справочника")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="файл справочника (для docx обязателен)")
@click.option("--force", is_flag=True, help="перезаписать существующий файл -o")
def command(catalog_dir: str | None, fmt: str, output: str | None, force: bool) -> None:
    """Render the handbook; checks come before loading so a bad call fails fast and touches no file."""
    if fmt == "docx" and output is None:
        raise UsageError("для формата docx укажите файл: -o СПРАВОЧНИК.docx (документ Word нельзя печатать в терминал)")
    path = Path(output) if output is not None else None
    if path is not None:
        check_output(path, force)
    catalog = load_catalog(catalog_dir)
    if path is None:  # md only: docx without -o was refused above
        click.echo(render_markdown(catalog), nl=False)
        return
    write_atomically(path, render_docx(catalog) if fmt == "docx" else render_markdown(catalog).encode("utf-8"))
    click.echo(f"справочник записан: {path}", err=True)
