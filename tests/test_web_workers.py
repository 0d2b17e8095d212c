"""The server drafts in worker processes (issue 13: one request once killed `nokrules serve` with a segfault in
the durable-rules extension). A worker that dies costs its request a 500 with a Russian message, logged;
one that overruns the time limit costs a 422; either way the next request is answered. Plans over the
limits of one plan are a 413 naming `nokrules batch`."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from nokrules import Engine
from nokrules.core.limits import MAX_PLAN_LINES
from nokrules.web.app import create_app
from nokrules.web.workers import Drafters

from .conftest import MINI
from .worker_hooks import CRASH, STALL, crash_or_stall

RAMP = "- нет пандуса у входа\n"


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    engine = Engine.load(MINI)
    drafters = Drafters(engine.catalog, size=1, time_limit=20, hook=crash_or_stall)  # one worker: it must be replaced
    with TestClient(create_app(engine, drafters), raise_server_exceptions=False) as c:
        yield c


def measures(client: TestClient, text: str) -> list[list[str]]:
    r = client.post("/api/plan", json={"text": text})
    assert r.status_code == 200, r.text
    return [[m["id"] for m in it["measures"]] for it in r.json()["items"]]


def test_a_crashed_worker_costs_one_request_and_the_next_is_answered(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    assert measures(client, RAMP) == [["install_ramp"]]
    with caplog.at_level(logging.ERROR, logger="nokrules.web"):
        r = client.post("/api/plan", json={"text": f"{RAMP}{CRASH}\n"})
    assert r.status_code == 500
    assert "процесс, составлявший план, аварийно завершился" in r.json()["message"]
    assert "Сервис продолжает работать" in r.json()["message"]
    assert any("drafting worker" in rec.getMessage() and "died" in rec.getMessage() for rec in caplog.records)
    assert measures(client, RAMP) == [["install_ramp"]]
    assert client.get("/api/health").json()["status"] == "ok"


def test_the_page_survives_a_crashed_worker_too(client: TestClient) -> None:
    r = client.post("/", data={"text": CRASH})
    assert r.status_code == 500
    r = client.post("/", data={"text": RAMP})
    assert r.status_code == 200
    assert "Установить пандус" in r.text


def test_a_draft_over_the_time_limit_is_a_422_and_the_next_is_answered(client: TestClient) -> None:
    r = client.post("/api/plan", json={"text": f"{RAMP}{STALL}\n"})
    assert r.status_code == 422
    assert "план не составлен за 20 с" in r.json()["message"]
    assert "nokrules batch" in r.json()["message"]
    assert measures(client, RAMP) == [["install_ramp"]]


def test_a_text_over_the_line_limit_is_a_413_naming_batch(client: TestClient) -> None:
    r = client.post("/api/plan", json={"text": "x\n" * (MAX_PLAN_LINES + 1)})  # short lines: under the body limit
    assert r.status_code == 413
    body = r.json()
    assert body["message"].startswith(f"в тексте {MAX_PLAN_LINES + 1} строк, а в одном плане их может быть не больше {MAX_PLAN_LINES}")
    assert "nokrules batch" in body["message"]
    assert body["errors"] == [{"field": "text", "message": body["message"]}]
    assert measures(client, RAMP * 3) == [["install_ramp"]] * 3


def test_the_page_says_the_line_limit_next_to_the_text(client: TestClient) -> None:
    r = client.post("/", data={"text": "x\n" * (MAX_PLAN_LINES + 1)})
    assert r.status_code == 422
    assert "nokrules batch" in r.text
