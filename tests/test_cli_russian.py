"""Everything the command line shows is Russian, click's own help chrome and usage errors included
(nokrules/cli/russian.py): a word of English on a help page or in an error is a leak."""

from __future__ import annotations

import re

import pytest

from nokrules.cli.russian import _plural_form

from .test_cli import run

COMMANDS = ["batch", "catalog", "check", "diff", "eval", "explain", "kinds", "lint", "plan", "serve", "test"]
# Latin words our own help texts use on purpose: formats, folders, YAML keys, form ids, and the x of a range
OURS = {
    "nokrules", "catalog", "rules", "tests", "scenarios", "corpus", "x", "id", "name", "kind", "forms", "people",
    "founder", "approver", "position", "yaml", "YAML", "json", "JSON", "docx", "DOCX", "xlsx", "XLSX", "html", "md",
    "text", "CSV", "HTTP", "API", "http", "docs", "durable-rules", "pp457", "vladimir2019", "UTF-8", "UTF-16", "Windows-1251", "KOI8-R",
    "Markdown", "I", "V", *COMMANDS,
}


def latin_words(text: str) -> set[str]:
    """Latin words left once option names (--year, -o) and choice lists ([docx|html]) are taken out."""
    text = re.sub(r"(?<![\w/])--?[a-z][a-z0-9-]*|\[[a-z0-9|]+\]", " ", text)
    return set(re.findall(r"[A-Za-z][A-Za-z0-9_.-]*(?<![.-])", text))


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_page_is_russian(command: str) -> None:
    r = run(*([command] if command else []), "--help")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(f"Использование: nokrules {command + ' ' if command else ''}[ПАРАМЕТРЫ]")
    assert "\nПараметры:\n" in r.stdout and "-h, --help" in r.stdout and "Показать эту справку и выйти." in r.stdout
    assert latin_words(r.stdout) <= OURS, latin_words(r.stdout) - OURS


def test_top_help_lists_commands_under_a_russian_heading() -> None:
    r = run("--help")
    assert "Использование: nokrules [ПАРАМЕТРЫ] КОМАНДА [АРГУМЕНТЫ]…" in r.stdout
    assert "\nКоманды:\n" in r.stdout and "Показать версию и выйти." in r.stdout


def test_plan_help_names_defaults_types_and_the_file_in_russian() -> None:
    out = run("plan", "--help").stdout
    assert "Использование: nokrules plan [ПАРАМЕТРЫ] [ФАЙЛ]" in out
    assert "[по умолчанию: pp457]" in out
    assert "--year ЦЕЛОЕ ЧИСЛО" in out and "--profile ФАЙЛ" in out and "--catalog ПАПКА" in out and "--form ТЕКСТ" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["plan", "--yaer", "2027"], "nokrules: ошибка: неизвестный параметр --yaer; возможно, --year. Справка: nokrules --help"),
        (["plan", "--year", "3000"], "nokrules: ошибка: неверное значение --year: 3000 вне диапазона 2000<=x<=2100. Справка: nokrules --help"),
        (["plan", "--year", "abc"], "nokrules: ошибка: неверное значение --year: 'abc' — не целое число. Справка: nokrules --help"),
        (["explain"], "nokrules: ошибка: не указан обязательный аргумент ТЕКСТ. Справка: nokrules --help"),
        (["plan", "--format"], "nokrules: ошибка: параметру '--format' нужно значение. Справка: nokrules --help"),
        (["plan", "a", "b"], "nokrules: ошибка: неверный вызов: лишний аргумент (b). Справка: nokrules --help"),
        (["diff", "/nonexistent-old", "/nonexistent-new"], "nokrules: ошибка: неверное значение СТАРЫЙ: Папка '/nonexistent-old' не существует. Справка: nokrules --help"),
        (["serve", "--port", "0"], "nokrules: ошибка: неверное значение --port: 0 вне диапазона 1<=x<=65535. Справка: nokrules --help"),
    ],
)
def test_usage_errors_are_one_russian_line(args: list[str], message: str) -> None:
    r = run(*args, stdin=b"")
    assert r.returncode == 2
    assert r.stderr == message + "\n"


def test_no_command_shows_the_russian_help_and_exits_2() -> None:
    r = run()
    assert r.returncode == 2
    assert r.stderr.startswith("Использование: nokrules [ПАРАМЕТРЫ] КОМАНДА [АРГУМЕНТЫ]…\n")
    assert "\nКоманды:\n" in r.stderr and "ошибка" not in r.stderr


def test_mistyped_command_suggests_the_lazy_one_and_lists_all() -> None:
    r = run("bach")
    assert r.returncode == 2
    assert r.stderr.startswith("nokrules: ошибка: неизвестная команда «bach»; возможно, batch; команды: batch, catalog, check,")


def test_russian_plural_forms() -> None:
    assert [_plural_form(n) for n in (1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111)] == [0, 1, 1, 2, 2, 2, 2, 0, 1, 2, 0, 2]
