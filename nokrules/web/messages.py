"""Pydantic's validation errors as the API reports them: each in Russian (the core's translation, in the
words of a JSON request) and naming the request field (`choices[0].deficiency`), so a caller sees what to
correct without reading English or Python."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from nokrules.core.messages import error_message, key_path
from nokrules.web.schema import FieldError


def field_name(loc: Sequence[Any]) -> str:
    """("body", "choices", 0, "deficiency") → "choices[0].deficiency"; the whole body → "body"."""
    return key_path(loc[1:] if loc and loc[0] == "body" else loc) or "body"


def translate(errors: Sequence[Any], body: Any = None) -> list[FieldError]:
    """Each error for the caller; a JSON syntax error also says where, as line and character of `body`."""
    out = []
    for e in errors:
        field = "body" if str(e.get("type", "")).startswith("json_") else field_name(e.get("loc", ()))
        message = error_message(e, fields=True)
        loc = e.get("loc") or ()
        if e.get("type") == "json_invalid" and isinstance(body, str | bytes) and loc and isinstance(loc[-1], int):
            text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
            pos = min(loc[-1], len(text))
            line, column = text.count("\n", 0, pos) + 1, pos - text.rfind("\n", 0, pos)
            message += f" (строка {line}, символ {column})"
        out.append(FieldError(field=field, message=message))
    return out


def summary(errors: list[FieldError]) -> str:
    return "; ".join(f"поле «{e.field}»: {e.message}" for e in errors) or "неверный запрос"
