"""The `nokrules` command: the group with `plan` and `kinds` (the other commands live in cli/commands/,
one module each, imported when called) and `main`, the one place the program exits.

In `main`, every NokError becomes one Russian line on stderr and its exit code (2 for bad usage or input);
click's own usage errors are translated too; anything else is a bug: exit 1, one line, and the traceback
only with NOKRULES_DEBUG=1.
"""

from __future__ import annotations

import difflib
import os
import sys
import traceback
from pathlib import Path

import click

from nokrules.cli import lemma_cache
from nokrules.cli.commands import LazyGroup
from nokrules.cli.common import institution_options, parse_date
from nokrules.core.engine import Engine
from nokrules.core.errors import CheckFailed, InputError, NokError, UsageError
from nokrules.core.findings import decode
from nokrules.core.model import Profile
from nokrules.core.profile import parse_profile
from nokrules.core.scores import unpack
from nokrules.documents import FORMATS
from nokrules.documents.document import DOCUMENTS, render_document
from nokrules.documents.layout import load_layout, report_date
from nokrules.documents.output import check_output, write_atomically
from nokrules.protocols.readers.scores import read_scores_file


def _read_input(path: str | None) -> tuple[str, str]:
    if path in (None, "-"):
        if sys.stdin.isatty():
            raise UsageError("укажите файл с недостатками или передайте текст через стандартный ввод (nokrules plan - < файл)")
        return decode(sys.stdin.buffer.read(), "стандартный ввод"), "стандартный ввод"
    return decode(_read_file(path, "файл с недостатками", "файл не найден"), path), path


def _read_profile(path: str) -> Profile:
    """The institution profile YAML; a bad key or value names the file, line and key."""
    return parse_profile(_read_file(path, "файл профиля YAML", "файл профиля не найден"), path)


def _read_file(path: str, wanted: str, missing: str) -> bytes:
    """A file the user named, or InputError: a folder where `wanted` was expected, `missing`, or unreadable."""
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{path}: это папка, а нужен {wanted}")
    if not p.is_file():
        raise InputError(f"{path}: {missing}")
    try:
        return p.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: не удалось прочитать файл ({e.strerror})") from None


BINARY = ("docx", "xlsx")


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="nokrules", message="nokrules %(version)s")
def cli() -> None:
    """nokrules: недостатки НОК → проект плана по их устранению."""


@cli.command()
@click.argument("file", required=False, metavar="[ФАЙЛ]")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted([*FORMATS, *DOCUMENTS])),
    default="text",
    show_default=True,
    help="формат: text, md, json — в терминал или -o; docx, xlsx, html — документ",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="записать в файл (для docx и xlsx обязательно)")
@click.option("--force", is_flag=True, help="перезаписать существующий файл -o")
@click.option(
    "--form",
    "form",
    default="pp457",
    show_default=True,
    help="форма документа: pp457 (ПП РФ № 457), vladimir2019 или путь к своей форме YAML",
)
@click.option(
    "--year", type=click.IntRange(2000, 2100), help="год плана: строка «на 20__ год» и сроки (по умолчанию — год даты плана, а для даты в октябре–декабре — следующий)"
)
@click.option("--institution", "name", help="наименование организации")
@institution_options
@click.option(
    "--profile",
    type=click.Path(),  # not dir_okay=False: a directory gets our own message, «это папка»
    metavar="ФАЙЛ",
    help="профиль учреждения YAML: name, kind, forms, people (роль: ФИО), founder, approver (position, name)",
)
@click.option(
    "--scores",
    "scores_file",
    type=click.Path(dir_okay=False),
    help="чек-лист и опрос учреждения: CSV, XLSX, YAML или JSON (столбцы «3.1.стоянка», «1.3.стенд.всего»)",
)
@click.option(
    "--columns",
    "columns_file",
    type=click.Path(dir_okay=False),
    help="файл соответствия столбцов YAML: названия столбцов оператора → названия nokrules",
)
@click.option("--appendix", is_flag=True, help="docx: приложить к плану таблицу баллов (с --scores)")
def plan(
    file: str | None,
    fmt: str,
    output: str | None,
    force: bool,
    form: str,
    year: int | None,
    name: str | None,
    kind: str | None,
    service_forms: tuple[str, ...],
    plan_date: str | None,
    catalog_dir: str | None,
    profile: str | None,
    scores_file: str | None,
    columns_file: str | None,
    appendix: bool,
) -> None:
    """Проект плана по устранению недостатков для одной организации.

    ФАЙЛ — текст с недостатками (UTF-8, UTF-16, Windows-1251 или KOI8-R); «-» или без ФАЙЛА — стандартный ввод.
    С --scores ФАЙЛ можно не указывать: план строится по баллам (и недостаткам из таблицы баллов).
    """
    when = parse_date(plan_date)
    if fmt in BINARY and output is None:
        raise UsageError(f"для формата {fmt} укажите файл: -o ПЛАН.{fmt} (документ нельзя печатать в терминал)")
    if output:
        check_output(Path(output), force)
    if fmt in DOCUMENTS:
        load_layout(form)  # a bad --form fails before any work
    if columns_file and not scores_file:
        raise UsageError("--columns задаёт столбцы таблицы баллов: укажите и --scores ФАЙЛ")
    prof = _read_profile(profile) if profile else Profile()
    text, source = _read_input(file) if file is not None or not scores_file else ("", scores_file)
    known = lemma_cache.load()
    engine = Engine.load(catalog_dir)
    lemma_cache.save(known)
    scored = None
    if scores_file:
        found = read_scores_file(Path(scores_file), engine.catalog.scores, Path(columns_file) if columns_file else None)
        if len(found) > 1:
            raise UsageError(f"{scores_file}: в файле {len(found)} учреждений; план по каждому — nokrules batch {scores_file}")
        scored = found[0]
        text = "\n".join(t for t in (text, scored.findings) if t.strip())
    inst = engine.institution(
        name=name or prof.name or (scored.name if scored else ""),
        kind=kind or prof.kind or (scored.kind if scored else None),
        forms=list(service_forms) or prof.forms or None,
        people=prof.people,
    )
    result = engine.draft_plan(text, inst, date=when, year=year, report_date=report_date(form, prof.report_date), assessment=unpack(engine.catalog.scores, scored.scores) if scored and scored.scores and engine.catalog.scores else None)
    if not result.items and not result.unrecognized and not result.scores:
        click.echo(f"{source}: во входном тексте нет ни одного недостатка", err=True)
    if fmt in DOCUMENTS:
        data = render_document(fmt, result, engine.catalog, form, year, prof.approver, prof.founder, appendix)
    else:
        data = FORMATS[fmt](result).encode("utf-8")
    if output:
        write_atomically(Path(output), data)
        click.echo(f"план записан: {output}", err=True)
    else:
        click.echo(data.decode("utf-8"), nl=False)


@cli.command()
@click.option("--catalog", "catalog_dir", type=click.Path(file_okay=False), help="папка каталога")
def kinds(catalog_dir: str | None) -> None:
    """Виды организаций и формы обслуживания, известные каталогу."""
    engine = Engine.load(catalog_dir)
    forms = {f.id: f.title for f in engine.catalog.forms}
    for k in engine.catalog.kinds:
        click.echo(f"{k.id}\t{k.title}\t({', '.join(forms[f] for f in k.forms)})")


def _maybe(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    return f"; возможно, {close[0]}" if close else ""


def _click_message(e: click.ClickException) -> str:
    """One Russian line for a usage error; click's own texts are Russian already (nokrules.cli.russian)."""
    if isinstance(e, click.NoSuchOption):
        return f"неизвестный параметр {e.option_name}{_maybe(e.option_name, sorted(e.possibilities or []))}"
    if isinstance(e, click.exceptions.NoSuchCommand):
        names = cli.list_commands(click.Context(cli))
        return f"неизвестная команда «{e.command_name}»{_maybe(e.command_name, names)}; команды: {', '.join(names)}"
    if isinstance(e, click.MissingParameter):
        what = e.param.make_metavar(e.ctx) if e.param and e.ctx else ""
        return f"не указан обязательный {'параметр' if isinstance(e.param, click.Option) else 'аргумент'} {what}".strip()
    if isinstance(e, click.BadParameter):
        name = e.param.opts[0] if e.param and e.param.opts else (e.param_hint or "")
        if isinstance(e.param, click.Argument):
            name = e.param.make_metavar(e.ctx) if e.ctx else name
        if isinstance(e.param, click.Option) and isinstance(e.param.type, click.Choice):
            return f"неверное значение {name}: допустимо {', '.join(map(str, e.param.type.choices))}"
        return f"неверное значение {name}: {e.message.rstrip('.')}"
    message = e.format_message().rstrip(".")
    message = message[:1].lower() + message[1:]
    if isinstance(e, click.UsageError) and not isinstance(e, click.BadOptionUsage):
        return f"неверный вызов: {message}"
    return message


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
    except click.exceptions.NoArgsIsHelpError as e:  # `nokrules` alone: the help, as it is, and exit 2
        click.echo(e.format_message(), err=True)
        sys.exit(2)
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
