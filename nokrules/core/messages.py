"""Pydantic's validation errors in Russian, and key paths written as a reader writes them.

Every input checked against a model goes through here: the catalog, profile, form and scenario YAML
(a curator reads «ключ» and gets the file and line) and the web API (a caller reads «поле» and gets the
field). Only the word for the thing differs between the two; the translation is one, so a type error
reads the same wherever it is made.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

IDENTIFIER_PATTERN = r"^[a-z][a-z0-9_]*$"

_BY_TYPE = {
    "string_type": "ожидалась строка",
    "string_too_short": "пустая строка",
    "int_type": "ожидалось целое число",
    "int_parsing": "ожидалось целое число",
    "int_from_float": "ожидалось целое число",
    "float_type": "ожидалось число",
    "float_parsing": "ожидалось число",
    "bool_type": "ожидалось true или false",
    "bool_parsing": "ожидалось true или false",
    "date_type": "ожидалась дата ГГГГ-ММ-ДД",
    "date_parsing": "ожидалась дата ГГГГ-ММ-ДД",
    "date_from_datetime_parsing": "ожидалась дата ГГГГ-ММ-ДД",
    "date_from_datetime_inexact": "ожидалась дата ГГГГ-ММ-ДД без времени",
    "list_type": "ожидался список",
    "too_short": "список не может быть пустым",
    "literal_error": "недопустимое значение",
    "json_invalid": "тело запроса — не JSON",
    "json_type": "тело запроса — не JSON",
}
# The JSON decoder's messages (json.JSONDecodeError.msg, by their start) in Russian
_JSON_SYNTAX = (
    ("Expecting value", "ожидалось значение"),
    ("Expecting property name enclosed in double quotes", "ожидалось имя поля в двойных кавычках"),
    ("Expecting ':' delimiter", "ожидалось «:»"),
    ("Expecting ',' delimiter", "ожидалась «,»"),
    ("Unterminated string", "строка не закрыта кавычкой"),
    ("Invalid control character", "управляющий символ внутри строки"),
    ("Invalid \\uXXXX escape", "неверная последовательность \\uXXXX"),
    ("Invalid \\escape", "неверная последовательность с «\\»"),
    ("Extra data", "лишние данные после JSON"),
    ("Illegal trailing comma", "лишняя запятая перед закрывающей скобкой"),
)
# What differs is only the name of the thing: a YAML file has keys and mappings, a JSON request fields and objects.
_IN_YAML = {
    "extra_forbidden": "неизвестный ключ «{key}»",
    "missing": "обязательный ключ не указан",
    "dict_type": "ожидался словарь (ключ: значение)",
    "model_type": "ожидался словарь (ключ: значение)",
    "model_attributes_type": "ожидался словарь (ключ: значение)",
}
_IN_JSON = {
    "extra_forbidden": "неизвестное поле",
    "missing": "обязательное поле не указано",
    "dict_type": "ожидался объект",
    "model_type": "ожидался объект",
    "model_attributes_type": "ожидался объект",
}


def error_message(err: Mapping[str, Any], fields: bool = False) -> str:
    """One pydantic error (an item of `ValidationError.errors()`) → what to correct, in Russian.
    `fields`: the input is a JSON request (fields, objects), not a YAML file (keys, mappings)."""
    kind = str(err.get("type", ""))
    ctx = err.get("ctx") or {}
    loc = err.get("loc") or ()
    if kind in ("value_error", "assertion_error") and ctx.get("error"):
        return str(ctx["error"])
    if kind == "json_invalid":
        said = str(ctx.get("error", ""))
        what = next((ru for en, ru in _JSON_SYNTAX if said.startswith(en)), None)
        return f"тело запроса — не JSON: {what}" if what else "тело запроса — не JSON"
    if kind == "greater_than_equal":
        return f"значение должно быть не меньше {ctx.get('ge')}"
    if kind == "greater_than":
        return f"значение должно быть больше {ctx.get('gt')}"
    if kind == "less_than_equal":
        return f"значение должно быть не больше {ctx.get('le')}"
    if kind == "literal_error" and "expected" in ctx:
        return f"недопустимое значение: ожидалось одно из {ctx['expected']}"
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern", IDENTIFIER_PATTERN) == IDENTIFIER_PATTERN:
            return "недопустимый идентификатор (латинские строчные буквы, цифры и _)"
        return f"значение не соответствует образцу «{ctx['pattern']}»"
    words = _IN_JSON if fields else _IN_YAML
    message = words.get(kind) or _BY_TYPE.get(kind) or f"недопустимое значение ({kind})"
    return message.format(key=loc[-1] if loc else "")


def key_path(path: Sequence[Any]) -> str:
    """("rules", 3, "then", 0) → «rules[3].then[0]»: how messages name a key in YAML or a field in JSON."""
    out = ""
    for k in path:
        out += f"[{k}]" if isinstance(k, int) else (f".{k}" if out else str(k))
    return out


# ---------------------------------------------------------------- parser messages

_YAML_PROBLEMS = (
    ("mapping values are not allowed", "двоеточие там, где значение уже начато (возможно, текст с «:» не взят в кавычки)"),
    (
        "cannot start any token",
        "символ, с которого не может начинаться значение (например, «@», «`» или «%»): возьмите текст в кавычки",
    ),
    ("did not find expected key", "ожидался ключ «имя: значение» — проверьте отступы"),
    ("could not find expected ':'", "нет двоеточия после ключа"),
    ("did not find expected '-' indicator", "ожидался элемент списка «- …» — проверьте отступы"),
    ("did not find expected ',' or ']'", "список в [ ] не закрыт или в нём нет запятой"),
    ("did not find expected ',' or '}'", "объект в { } не закрыт или в нём нет запятой"),
    ("did not find expected node content", "здесь ожидалось значение (не закрыта скобка или кавычка?)"),
    ("unexpected end of stream", "файл кончился внутри значения (не закрыта кавычка или скобка)"),
    ("tab character", "табуляция в отступе — в YAML отступы только пробелами"),
    ("unknown escape character", "неизвестная последовательность с «\\» в кавычках"),
    ("block sequence entries are not allowed", "элемент списка «- » там, где ожидалось значение — проверьте отступы"),
    ("found undefined alias", "ссылка *имя на якорь, которого нет"),
    ("found duplicate anchor", "якорь &имя объявлен дважды"),
    ("maximum nesting depth", "слишком глубокая вложенность"),
    ("expected <block end>", "лишний отступ или элемент на уровне, где его не ждали"),
    ("expected a single document", "в файле больше одного документа («---»)"),
    ("found unexpected ':'", "двоеточие не на своём месте"),
)

_JSON_PROBLEMS = (
    ("Expecting value", "ожидалось значение"),
    ("Expecting ',' delimiter", "пропущена запятая"),
    ("Expecting ':' delimiter", "пропущено двоеточие после ключа"),
    (
        "Expecting property name enclosed in double quotes",
        "ключ должен быть в двойных кавычках (и после последнего поля не ставится запятая)",
    ),
    ("Unterminated string", "не закрыта кавычка"),
    ("Invalid control character", "управляющий символ внутри строки"),
    ("Invalid \\uXXXX escape", "неверная последовательность \\uXXXX"),
    ("Invalid \\escape", "неизвестная последовательность с «\\»"),
    ("Extra data", "лишние данные после конца JSON"),
)


def yaml_problem(problem: str | None) -> str:
    """A YAML parser's problem (English, from libyaml) in Russian; a generic phrase when it is not known."""
    text = problem or ""
    return next((ru for en, ru in _YAML_PROBLEMS if en in text), "здесь нарушен синтаксис")


def json_problem(message: str) -> str:
    """A JSON parser's message (`JSONDecodeError.msg`) in Russian; a generic phrase when it is not known."""
    return next((ru for en, ru in _JSON_PROBLEMS if message.startswith(en)), "здесь нарушен синтаксис")
