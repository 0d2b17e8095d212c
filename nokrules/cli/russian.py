"""click in Russian: its help chrome, usage errors and type messages, whatever the user's locale.

click passes every text it shows through gettext (`from gettext import gettext as _` in each module), and
gettext picks the language from LANG/LANGUAGE, so a system catalog would leave most users with English.
Here the same message ids get their Russian text from the table below, installed once into click's modules
(`speak_russian`, called by `nokrules.cli` before any command is built: a `click.Path` names itself when
constructed). Type names shown as metavars and in conversion errors («'abc' — не целое число») are class
attributes in click, not messages, so they are set here too. A message id click changes falls back to its
English text; tests/test_cli_russian.py reads every help page and error for Latin words to catch that.
"""

from __future__ import annotations

import gettext
import importlib
from typing import Any

import click

# click's message ids (English, as in its source) → Russian. Placeholders stay as click fills them.
MESSAGES: dict[str, str] = {
    # help pages
    "Usage:": "Использование:",
    "Options": "Параметры",
    "Positional arguments": "Аргументы",
    "Commands": "Команды",
    "Show this message and exit.": "Показать эту справку и выйти.",
    "Show the version and exit.": "Показать версию и выйти.",
    "%(prog)s, version %(version)s": "%(prog)s, версия %(version)s",
    "default: {default}": "по умолчанию: {default}",
    "env var: {var}": "переменная окружения: {var}",
    "required": "обязательный",
    "(dynamic)": "(вычисляется)",
    "deprecated": "устарело",
    "Do you want to continue?": "Продолжить?",
    "Confirm the action without prompting.": "Подтвердить без вопроса.",
    # usage errors
    "Error: {message}": "Ошибка: {message}",
    "Try '{command} {option}' for help.": "Справка: {command} {option}",
    "Aborted!": "Прервано.",
    "Missing command.": "Не указана команда.",
    "No such option {name!r}.": "Нет такого параметра {name!r}.",
    "No such command {name!r}.": "Нет такой команды {name!r}.",
    "Missing argument": "Не указан аргумент",
    "Missing option": "Не указан параметр",
    "Missing parameter": "Не указано значение",
    "Missing parameter: {param_name}": "Не указано значение: {param_name}",
    "Missing {param_type}": "Не указано: {param_type}",
    "Invalid value for {param_hint}: {message}": "Неверное значение {param_hint}: {message}",
    "Invalid value: {message}": "Неверное значение: {message}",
    "Could not open file {filename!r}: {message}": "Не удалось открыть файл {filename!r}: {message}",
    "unknown error": "неизвестная ошибка",
    "Value must be an iterable.": "Нужен список значений.",
    "Option {name!r} does not take a value.": "Параметр {name!r} не принимает значения.",
    "Argument {name!r} takes {nargs} values.": "Аргументу {name!r} нужно значений: {nargs}.",
    "Invalid start character for option ({option})": "Неверный первый символ параметра ({option})",
    # values of a type
    "file": "файл",
    "directory": "папка",
    "path": "путь",
    "{value} is not in the range {range}.": "{value} вне диапазона {range}.",
    "{value!r} is not a valid {number_type}.": "{value!r} — не {number_type}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} — не «да» или «нет». Допустимо: {states}",
    "{value!r} is not a valid UUID.": "{value!r} — не UUID.",
    "Choose from:\n\t{choices}": "Выберите из:\n\t{choices}",
    "{name} {filename!r} does not exist.": "{name} {filename!r} не существует.",
    "{name} {filename!r} is a file.": "{name} {filename!r}: это файл.",
    "{name} {filename!r} is a directory.": "{name} {filename!r}: это папка.",
    "{name} {filename!r} is not readable.": "{name} {filename!r}: нет прав на чтение.",
    "{name} {filename!r} is not writable.": "{name} {filename!r}: нет прав на запись.",
    "{name} {filename!r} is not executable.": "{name} {filename!r}: нет прав на запуск.",
    # prompts
    "Repeat for confirmation": "Повторите для подтверждения",
    "Error: The two entered values do not match.": "Ошибка: введённые значения не совпадают.",
    "Error: invalid input": "Ошибка: неверный ввод",
    "Press any key to continue...": "Нажмите любую клавишу…",
}

# (singular id, plural id) → Russian (one, few, many), chosen by the Russian plural rule
PLURALS: dict[tuple[str, str], tuple[str, str, str]] = {
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
        "Возможно, имелось в виду {possibility}?",
        "(Возможно, имелось в виду одно из: {possibilities}?)",
        "(Возможно, имелось в виду одно из: {possibilities}?)",
    ),
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        "Лишний аргумент ({args})",
        "Лишние аргументы ({args})",
        "Лишние аргументы ({args})",
    ),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
        "Параметру {name!r} нужно значение.",
        "Параметру {name!r} нужно значений: {nargs}.",
        "Параметру {name!r} нужно значений: {nargs}.",
    ),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."): (
        "Нужно значений: {nargs}, дано: 1.",
        "Нужно значений: {nargs}, дано: {len}.",
        "Нужно значений: {nargs}, дано: {len}.",
    ),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
        "{value!r} — не {choice}.",
        "{value!r} — не одно из: {choices}.",
        "{value!r} — не одно из: {choices}.",
    ),
    ("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."): (
        "{value!r} не в формате {format}.",
        "{value!r} не в одном из форматов {formats}.",
        "{value!r} не в одном из форматов {formats}.",
    ),
    ("{len_type} values are required, but {len_value} was given.", "{len_type} values are required, but {len_value} were given."): (
        "Нужно значений: {len_type}, дано: {len_value}.",
        "Нужно значений: {len_type}, дано: {len_value}.",
        "Нужно значений: {len_type}, дано: {len_value}.",
    ),
}

# click's type names (metavars in help, the noun in «'abc' — не целое число»)
TYPE_NAMES: dict[str, str] = {
    "StringParamType": "текст",
    "UnprocessedParamType": "текст",
    "IntParamType": "целое число",
    "IntRange": "целое число",
    "FloatParamType": "число",
    "FloatRange": "число",
    "BoolParamType": "да/нет",
    "DateTime": "дата",
    "File": "файл",
}

# click's modules that show text through gettext
MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types", "utils", "shell_completion")


def _plural_form(n: int) -> int:
    """Russian plural: 1, 21 → one; 2–4, 22–24 → few; else many."""
    if n % 10 == 1 and n % 100 != 11:
        return 0
    return 1 if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else 2


class Russian(gettext.NullTranslations):
    """The table above as a gettext translation; an unknown id stays as click wrote it."""

    def gettext(self, message: str) -> str:
        return MESSAGES.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        forms = PLURALS.get((msgid1, msgid2))
        if forms is None:
            return msgid1 if n == 1 else msgid2
        return forms[_plural_form(n)]


RUSSIAN = Russian()


def speak_russian() -> None:
    """Make click show Russian: its modules' `_`/`ngettext` and its type names. Idempotent."""
    for name in MODULES:
        module: Any = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = RUSSIAN.gettext
        if hasattr(module, "ngettext"):
            module.ngettext = RUSSIAN.ngettext
    for cls_name, title in TYPE_NAMES.items():
        getattr(click.types, cls_name).name = title
