"""Pydantic's validation errors in Russian, each naming the request field (`choices[0].deficiency`), so a
caller of the API sees what to correct without reading English or Python."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from nokrules.web.schema import FieldError

_BY_TYPE = {
    "missing": "обязательное поле не указано",
    "extra_forbidden": "неизвестное поле",
    "string_type": "ожидалась строка",
    "string_too_short": "пустая строка",
    "string_pattern_mismatch": "недопустимый идентификатор (латинские строчные буквы, цифры и _)",
    "int_type": "ожидалось целое число",
    "int_parsing": "ожидалось целое число",
    "int_from_float": "ожидалось целое число",
    "bool_type": "ожидалось true или false",
    "float_type": "ожидалось число",
    "float_parsing": "ожидалось число",
    "date_type": "ожидалась дата ГГГГ-ММ-ДД",
    "date_parsing": "ожидалась дата ГГГГ-ММ-ДД",
    "date_from_datetime_parsing": "ожидалась дата ГГГГ-ММ-ДД",
    "date_from_datetime_inexact": "ожидалась дата ГГГГ-ММ-ДД без времени",
    "list_type": "ожидался список",
    "dict_type": "ожидался объект",
    "model_type": "ожидался объект",
    "model_attributes_type": "ожидался объект",
    "json_invalid": "тело запроса — не JSON",
    "json_type": "тело запроса — не JSON",
    "greater_than_equal": "значение меньше допустимого",
    "less_than_equal": "значение больше допустимого",
}


def field_name(loc: Sequence[Any]) -> str:
    """("body", "choices", 0, "deficiency") → "choices[0].deficiency"; the whole body → "body"."""
    parts = list(loc[1:] if loc and loc[0] == "body" else loc)
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "body"


def translate(errors: Sequence[Any]) -> list[FieldError]:
    out = []
    for e in errors:
        kind = e.get("type", "")
        message = _BY_TYPE.get(kind, f"недопустимое значение ({kind})")
        ctx = e.get("ctx") or {}
        if kind == "greater_than_equal":
            message = f"значение должно быть не меньше {ctx.get('ge')}"
        elif kind == "less_than_equal":
            message = f"значение должно быть не больше {ctx.get('le')}"
        elif kind == "value_error" and ctx.get("error"):
            message = str(ctx["error"])
        elif kind == "json_invalid" and ctx.get("error"):
            message = f"тело запроса — не JSON ({ctx['error']})"
        field = "body" if kind.startswith("json_") else field_name(e.get("loc", ()))
        out.append(FieldError(field=field, message=message))
    return out


def summary(errors: list[FieldError]) -> str:
    return "; ".join(f"поле «{e.field}»: {e.message}" for e in errors) or "неверный запрос"
