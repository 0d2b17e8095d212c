"""The `nokrules` command. The only module that reads files given by the user, prints, and exits.

Every NokError becomes one Russian line on stderr and its exit code (2 for bad usage or input); click's
own usage errors are translated too; anything else is a bug: exit 1, one line, and the traceback only
with NOKRULES_DEBUG=1.
"""

from __future__ import annotations

import os
import re
import sys
import traceback
from pathlib import Path
from typing import Any

import click
import yaml

from .api import Engine
from .cli_common import parse_date
from .commands import LazyGroup
from .errors import CheckFailed, InputError, NokError, UsageError
from .render import FORMATS
from .text import decode


def _read_input(path: str | None) -> tuple[str, str]:
    if path in (None, "-"):
        if sys.stdin.isatty():
            raise UsageError("укажите файл с недостатками или передайте текст через стандартный ввод (nokrules plan - < файл)")
        return decode(sys.stdin.buffer.read(), "стандартный ввод"), "стандартный ввод"
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{path}: файл не найден")
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: не удалось прочитать файл ({e.strerror})") from None
    return decode(data, path), path


def _read_profile(path: str) -> dict[str, Any]:
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{path}: файл профиля не найден")
    try:
        data = yaml.safe_load(decode(p.read_bytes(), path))
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise InputError(f"{path}{where}: ошибка синтаксиса YAML в профиле: {e.problem}") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: профиль должен быть словарём (name, kind, forms, people)")
    unknown = sorted(set(data) - {"name", "kind", "forms", "people"})
    if unknown:
        raise InputError(f"{path}: неизвестный ключ профиля «{unknown[0]}» (ожидались name, kind, forms, people)")
    people = data.get("people") or {}
    if not isinstance(people, dict) or not all(isinstance(v, str) for v in people.values()):
        raise InputError(f"{path}: people должен быть словарём «роль: ФИО»")
    forms = data.get("forms") or []
    if isinstance(forms, str):
        forms = [forms]
    return {"name": str(data.get("name") or ""), "kind": data.get("kind"), "forms": list(forms), "people": people}


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="nokrules", message="nokrules %(version)s")
def cli() -> None:
    """nokrules: недостатки НОК → проект плана по их устранению."""


@cli.command()
@click.argument("file", required=False)
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True, help="формат вывода")
@click.option("--institution", "name", help="наименование организации")
@click.option("--kind", help="вид организации (id, название или сокращение, например КЦСОН)")
@click.option(
    "--form", "forms", multiple=True, help="форма обслуживания: стационарная, полустационарная, надомная (можно несколько)"
)
@click.option("--date", "plan_date", help="дата плана ГГГГ-ММ-ДД (по умолчанию сегодня): от неё считаются сроки")
@click.option("--catalog", "catalog_dir", type=click.Path(file_okay=False), help="папка каталога (с catalog/ и rules/)")
@click.option("--profile", type=click.Path(dir_okay=False), help="профиль учреждения YAML: name, kind, forms, people (роль: ФИО)")
def plan(
    file: str | None,
    fmt: str,
    name: str | None,
    kind: str | None,
    forms: tuple[str, ...],
    plan_date: str | None,
    catalog_dir: str | None,
    profile: str | None,
) -> None:
    """Проект плана по устранению недостатков для одной организации.

    FILE — текст с недостатками (UTF-8 или Windows-1251); «-» или без FILE — стандартный ввод.
    """
    when = parse_date(plan_date)
    prof = _read_profile(profile) if profile else {"name": "", "kind": None, "forms": [], "people": {}}
    text, source = _read_input(file)
    engine = Engine.load(catalog_dir)
    inst = engine.institution(
        name=name or prof["name"],
        kind=kind or prof["kind"],
        forms=list(forms) or prof["forms"] or None,
        people=prof["people"],
    )
    result = engine.draft_plan(text, inst, date=when)
    if not result.items and not result.unrecognized:
        click.echo(f"{source}: во входном тексте нет ни одного недостатка", err=True)
    click.echo(FORMATS[fmt](result), nl=False)


@cli.command()
@click.option("--catalog", "catalog_dir", type=click.Path(file_okay=False), help="папка каталога")
def kinds(catalog_dir: str | None) -> None:
    """Виды организаций и формы обслуживания, известные каталогу."""
    engine = Engine.load(catalog_dir)
    forms = {f.id: f.title for f in engine.catalog.forms}
    for k in engine.catalog.kinds:
        click.echo(f"{k.id}\t{k.title}\t({', '.join(forms[f] for f in k.forms)})")


def _click_message(e: click.ClickException) -> str:
    if isinstance(e, click.NoSuchOption):
        return f"неизвестный параметр {e.option_name}"
    if isinstance(e, click.MissingParameter):
        return f"не указан обязательный параметр {e.param.name if e.param else ''}".strip()
    if isinstance(e, click.BadParameter):
        name = e.param.opts[0] if e.param and e.param.opts else (e.param_hint or "")
        if isinstance(e.param, click.Option) and isinstance(e.param.type, click.Choice):
            return f"неверное значение {name}: допустимо {', '.join(map(str, e.param.type.choices))}"
        return f"неверное значение параметра {name}: {e.format_message()}"
    if isinstance(e, click.BadOptionUsage):
        return f"параметр {e.option_name} указан неверно"
    if isinstance(e, click.UsageError):
        msg = e.format_message()
        m = re.match(r"No such command '(.+)'", msg)
        if m:
            return f"неизвестная команда «{m.group(1)}»; команды: {', '.join(cli.list_commands(click.Context(cli)))}"
        if msg.startswith("Got unexpected extra argument"):
            return "лишний аргумент: укажите не больше одного файла"
        return f"неверный вызов: {msg}"
    return e.format_message()


def main(argv: list[str] | None = None) -> None:
    try:
        rv = cli.main(args=argv, prog_name="nokrules", standalone_mode=False)
        sys.exit(rv if isinstance(rv, int) else 0)
    except CheckFailed as e:
        if not e.quiet:
            click.echo(f"nokrules: {e}", err=True)
        sys.exit(e.exit_code)
    except NokError as e:
        click.echo(f"nokrules: ошибка: {e}", err=True)
        sys.exit(e.exit_code)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except click.Abort:
        click.echo("nokrules: прервано", err=True)
        sys.exit(130)
    except click.ClickException as e:
        click.echo(f"nokrules: ошибка: {_click_message(e)}. Справка: nokrules --help", err=True)
        sys.exit(2 if isinstance(e, click.UsageError) else 1)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as e:  # a bug: one line, the traceback only when asked for
        if os.environ.get("NOKRULES_DEBUG"):
            traceback.print_exc()
        click.echo(
            f"nokrules: внутренняя ошибка ({type(e).__name__}: {e}); запустите с NOKRULES_DEBUG=1 и сообщите разработчикам",
            err=True,
        )
        sys.exit(1)


if __name__ == "__main__":
    main()
