"""What the web promises beyond one plan: security headers on every answer, JSON syntax errors and deeply nested
JSON answered in Russian with where the error is, the plan's response schema in OpenAPI, and a plan JSON that a
consumer on an older model still reads when fields are added (the contract nokrules.plan/2)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterator
from datetime import date

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from nokrules import Engine, Plan
from nokrules.core.model import Deficiency
from nokrules.web.app import create_app

from .conftest import MINI

JSON_HEADERS = {"content-type": "application/json"}
PAGE_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


@pytest.fixture(scope="module")
def mini_engine() -> Engine:
    return Engine.load(MINI)


@pytest.fixture(scope="module")
def client(mini_engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(mini_engine), raise_server_exceptions=False) as c:
        yield c


def assert_secure(headers: dict[str, str] | object, policy: str = PAGE_POLICY) -> None:
    h = {k.lower(): v for k, v in dict(headers).items()}  # type: ignore[call-overload]
    assert h["content-security-policy"] == policy
    assert h["x-frame-options"] == "DENY"
    assert h["x-content-type-options"] == "nosniff"
    assert h["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize(
    ("method", "url", "body", "status"),
    [
        ("GET", "/", None, 200),
        ("POST", "/", {"text": "нет пандуса"}, 200),
        ("GET", "/static/app.css", None, 200),
        ("GET", "/api/health", None, 200),
        ("GET", "/openapi.json", None, 200),
        ("POST", "/api/plan", {"text": "нет пандуса"}, 200),
        ("POST", "/api/plan.docx", {"text": "нет пандуса"}, 200),
        ("POST", "/api/plan", {"txt": "нет пандуса"}, 422),
        ("GET", "/nowhere", None, 404),
        ("DELETE", "/api/plan", None, 405),
    ],
)
def test_every_answer_carries_the_security_headers(client: TestClient, method: str, url: str, body: dict[str, str] | None, status: int) -> None:
    if method == "POST" and url == "/":
        r = client.post(url, data=body)
    else:
        r = client.request(method, url, json=body)
    assert r.status_code == status, r.text
    assert_secure(r.headers)


def test_a_refused_large_body_carries_the_security_headers(client: TestClient) -> None:
    r = client.post("/api/plan", content=b"x" * (1024 * 1024 + 1), headers=JSON_HEADERS)
    assert r.status_code == 413
    assert_secure(r.headers)


def test_a_bug_answers_500_with_the_security_headers(mini_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    app = create_app(mini_engine)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("nokrules.web.routes_api.draft", broken)
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.post("/api/plan", json={"text": "нет пандуса"})
    assert r.status_code == 500
    assert r.json()["message"] == "внутренняя ошибка nokrules (RuntimeError); сообщите разработчикам"
    assert_secure(r.headers)


def test_docs_policy_allows_exactly_its_one_inline_script(client: TestClient) -> None:
    r = client.get("/docs")
    assert r.status_code == 200
    [inline] = re.findall(r"<script>(.*?)</script>", r.text, re.S)
    digest = base64.b64encode(hashlib.sha256(inline.encode()).digest()).decode()
    assert_secure(
        r.headers,
        f"default-src 'none'; script-src 'self' 'sha256-{digest}'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'",
    )


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b'{"text": ', "тело запроса — не JSON: ожидалось значение (строка 1, символ 10)"),
        (b"{'text': 'x'}", "тело запроса — не JSON: ожидалось имя поля в двойных кавычках (строка 1, символ 2)"),
        (b'{\n  "text": "x",\n}', "тело запроса — не JSON: ожидалось имя поля в двойных кавычках (строка 3, символ 1)"),
        (b'{"text" "x"}', "тело запроса — не JSON: ожидалось «:» (строка 1, символ 9)"),
        (b'{"text": "x" "y"}', "тело запроса — не JSON: ожидалась «,» (строка 1, символ 14)"),
        (b'{"text": "x', "тело запроса — не JSON: строка не закрыта кавычкой (строка 1, символ 10)"),
        (b'{"text": "a\\qb"}', "тело запроса — не JSON: неверная последовательность с «\\» (строка 1, символ 12)"),
        (b'{"text": "x"} []', "тело запроса — не JSON: лишние данные после JSON (строка 1, символ 15)"),
    ],
)
def test_json_syntax_errors_are_russian_and_say_where(client: TestClient, raw: bytes, message: str) -> None:
    r = client.post("/api/plan", content=raw, headers=JSON_HEADERS)
    assert r.status_code == 422
    assert r.json() == {"message": f"поле «body»: {message}", "errors": [{"field": "body", "message": message}]}


def test_deeply_nested_json_is_400_in_russian(client: TestClient) -> None:
    r = client.post("/api/plan", content=b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", headers=JSON_HEADERS)
    assert r.status_code == 400
    assert r.json() == {"message": "тело запроса не удалось разобрать: JSON вложен слишком глубоко или повреждён", "errors": []}
    assert_secure(r.headers)


def test_openapi_publishes_the_plan_schema_for_api_plan(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    ok = spec["paths"]["/api/plan"]["post"]["responses"]["200"]
    assert ok["description"] == "проект плана nokrules.plan/2"
    assert ok["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Plan"}
    plan = spec["components"]["schemas"]["Plan"]
    assert {"schema", "institution", "date", "items", "unrecognized", "sections", "no_deficiency"} <= set(plan["properties"])
    assert "additionalProperties" not in plan  # consumers generating a client from it accept added fields


def test_a_plan_with_added_fields_still_parses(client: TestClient) -> None:
    r = client.post("/api/plan", json={"text": "нет пандуса", "date": "2027-01-15"})
    data = r.json()
    newer = json.loads(r.text)
    newer["signed_by"] = "Иванова М. П."  # a field a later nokrules.plan/2 may add, at every level
    newer["institution"]["inn"] = "4200000000"
    newer["items"][0]["confidence"] = 0.9
    newer["items"][0]["measures"][0]["cost"] = 1000
    newer["sections"][2]["rows"][0]["note"] = "…"
    plan = Plan.model_validate_json(json.dumps(newer))
    assert plan.date == date(2027, 1, 15)
    assert json.loads(plan.to_json()) == data  # what the older model knows is read unchanged, the rest ignored


def test_catalog_input_stays_strict() -> None:
    entry = {"id": "ramp_missing", "indicator": "3.1", "title": "Нет пандуса", "patterns": [{"all": ["пандус"]}], "colour": "red"}
    with pytest.raises(ValidationError, match="colour"):
        Deficiency.model_validate(entry)
