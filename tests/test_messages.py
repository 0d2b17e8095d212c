"""Validation errors in Russian: one translation for the YAML a curator writes and the JSON a caller sends.

Only the word for the thing differs (a YAML file has keys, a request has fields); the rest reads the same,
and key paths are written alike in both. Expected texts are written by hand.
"""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from nokrules.core.messages import error_message, key_path
from nokrules.core.model import Choice, Profile, Settings
from nokrules.web.messages import translate


def errors(model: type[BaseModel], data: Any) -> list[Any]:
    with pytest.raises(ValidationError) as e:
        model.model_validate(data)
    return e.value.errors()


def test_the_same_error_in_yaml_and_in_a_request_differs_only_in_the_noun() -> None:
    (unknown,) = errors(Profile, {"nane": "МБУ"})
    assert error_message(unknown) == "неизвестный ключ «nane»"
    assert error_message(unknown, fields=True) == "неизвестное поле"
    (missing,) = errors(Choice, {"line": 1})
    assert error_message(missing) == "обязательный ключ не указан"
    assert error_message(missing, fields=True) == "обязательное поле не указано"
    (line,) = errors(Choice, {"line": 0, "deficiency": "ramp_missing"})
    assert error_message(line) == error_message(line, fields=True) == "значение должно быть не меньше 1"


def test_bounds_choices_and_patterns_are_named() -> None:
    base = {"version": "1.0.0", "effective_from": "2026-01-01", "cues": ["x"]}
    by_field = {e["loc"][0]: error_message(e) for e in errors(Settings, {**base, "horizon_months": 40})}
    assert by_field["horizon_months"] == "значение должно быть не больше 36"
    (bad_id,) = errors(Choice, {"line": 1, "deficiency": "Пандус"})
    assert error_message(bad_id) == "недопустимый идентификатор (латинские строчные буквы, цифры и _)"
    version = [e for e in errors(Settings, {**base, "version": "1.0"}) if e["loc"] == ("version",)]
    assert [error_message(e) for e in version] == [r"значение не соответствует образцу «^\d+\.\d+\.\d+$»"]


def test_an_unknown_error_type_is_still_russian() -> None:
    assert error_message({"type": "url_parsing", "loc": ("x",), "msg": "Input should be a valid URL"}) == (
        "недопустимое значение (url_parsing)"
    )


def test_key_paths_read_alike_in_yaml_and_in_the_api() -> None:
    assert key_path(("rules", 3, "then", 0)) == "rules[3].then[0]"
    assert key_path(()) == ""
    (err,) = translate(errors(Choice, {"line": 1, "deficiency": "ramp_missing", "why": "x"}))
    assert (err.field, err.message) == ("why", "неизвестное поле")
    body = [{"type": "missing", "loc": ("body", "choices", 0, "deficiency")}]
    assert [(e.field, e.message) for e in translate(body)] == [("choices[0].deficiency", "обязательное поле не указано")]
