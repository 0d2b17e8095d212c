"""`nokrules check`: property-based consistency checks of a catalog (hypothesis)."""

from __future__ import annotations

import click

from nokrules.core.engine import Engine
from nokrules.core.errors import CheckFailed


@click.command(name="check")
@click.option("--catalog", "catalog_dir", type=click.Path(file_okay=False), help="папка каталога (с catalog/ и rules/)")
@click.option(
    "--examples",
    type=click.IntRange(1, 100_000),
    default=100,
    show_default=True,
    help="сколько случайных планов проверять для каждого свойства",
)
def command(catalog_dir: str | None, examples: int) -> None:
    """Свойства каталога: детерминизм, независимость от порядка, монотонность, сроки, взаимоисключения,
    совпадение durable-rules с эталоном. При нарушении печатает минимальный контрпример как сценарий."""
    from nokrules.curate.check import check  # hypothesis loads only for this command, not for `nokrules --help`

    engine = Engine.load(catalog_dir)
    results = check(engine, examples)
    for r in results:
        click.echo(f"{'✓' if r.ok else '✗'} {r.invariant}")
        if not r.ok:
            click.echo(f"  {r.detail}")
            if r.scenario:
                click.echo("  минимальный контрпример (сценарий для tests/scenarios/):")
                click.echo("\n".join("    " + line for line in r.scenario.rstrip().splitlines()))
    failed = [r for r in results if not r.ok]
    click.echo(f"свойств: {len(results)}, нарушено: {len(failed)}")
    if failed:
        raise CheckFailed(f"нарушено свойств: {len(failed)}", quiet=True)
