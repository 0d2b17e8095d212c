"""`nokrules lint`: check a catalog before publishing it. Exit 1 on errors (or warnings with --strict)."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click

from nokrules.core.catalog import default_root
from nokrules.core.errors import CheckFailed, UsageError
from nokrules.curate.lint import lint


@click.command(name="lint")
@click.option("--catalog", "catalog_dir", type=click.Path(file_okay=False), help="папка каталога (с catalog/ и rules/)")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="формат вывода")
@click.option("--strict", is_flag=True, help="предупреждения тоже дают код выхода 1")
def command(catalog_dir: str | None, fmt: str, strict: bool) -> None:
    """Проверка каталога: ошибки (код 1) и предупреждения, с файлом, строкой и ключом."""
    root = Path(catalog_dir) if catalog_dir else default_root()
    if not root.is_dir():
        raise UsageError(f"папка каталога «{root}» не найдена")
    messages = lint(root)
    errors = sum(m.severity == "error" for m in messages)
    warnings = len(messages) - errors
    if fmt == "json":
        click.echo(
            json.dumps(
                {"errors": errors, "warnings": warnings, "messages": [asdict(m) for m in messages]}, ensure_ascii=False, indent=2
            )
        )
    else:
        for m in messages:
            click.echo(str(m))
        click.echo(f"ошибок: {errors}, предупреждений: {warnings}")
    if errors or (strict and warnings):
        raise CheckFailed(f"каталог не прошёл проверку: ошибок {errors}, предупреждений {warnings}", quiet=True)
