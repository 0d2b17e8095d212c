"""Scores over HTTP: `POST /api/plan` with a scores object, and the page's scores file upload, kept in the
form between clicks and in the downloaded plan."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from nokrules import Engine
from nokrules.web.app import create_app

from .conftest import ROOT
from .test_scores import ITEMS_31

EXAMPLE = ROOT / "examples" / "scores.yaml"


@pytest.fixture(scope="module")
def client(engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(engine), raise_server_exceptions=False) as c:
        yield c


def test_api_plan_takes_a_nested_scores_object(client: TestClient) -> None:
    scores = {"3.1": {k: int(k != "стоянка") for k in ITEMS_31}, "2.3.доля": 70}
    r = client.post("/api/plan", json={"scores": scores, "kind": "kcson", "date": "2027-01-15"})
    assert r.status_code == 200, r.text
    plan = r.json()
    # 3.1: 4 items · 20 = 80; 2.3: 70 % < 90 → comfort_satisfaction_low with the share
    by = {i["indicator"]: i["points"] for i in plan["scores"]["indicators"]}
    assert by["3.1"] == 80 and by["2.3"] == 70 and by["1.1"] is None
    assert [(i["deficiency"]["id"], i["recognised_by"]) for i in plan["items"]] == [
        ("comfort_satisfaction_low", "scores"), ("disabled_parking_missing", "scores"),
    ]  # fmt: skip
    assert plan["items"][0]["scores"] == [{"indicator": "2.3", "item": None, "place": None, "value": 70.0, "threshold": 90.0}]


def test_api_plan_with_a_bad_scores_cell_is_422_naming_the_key(client: TestClient) -> None:
    r = client.post("/api/plan", json={"scores": {"1.3": {"сайт": {"удовлетворены": 20, "всего": 10}}}})
    assert r.status_code == 422
    assert r.json()["errors"] == [
        {"field": "scores", "message": "ключ «1.3.сайт.удовлетворены»: показатель 1.3 (сайт): удовлетворённых 20 больше, чем опрошенных 10"}
    ]


def test_api_plan_needs_text_or_scores(client: TestClient) -> None:
    r = client.post("/api/plan", json={"text": " "})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "text"


def test_the_page_reads_an_uploaded_scores_file_and_keeps_it(client: TestClient) -> None:
    r = client.post("/", data={"date": "2027-01-15"}, files={"scores_file": ("scores.yaml", EXAMPLE.read_bytes(), "application/yaml")})
    assert r.status_code == 200, r.text
    page = r.text
    # the file's institution and text findings fill the empty fields; the scores table is on the page
    assert 'value="ГБУ СО «КЦСОН Центрального района»"' in page
    assert "на стенде нет информации о тарифах на социальные услуги" in page
    assert '<tr class="criterion"><th scope="row">Итого</th><td>среднее пяти критериев</td><td></td><td>89,02</td>' in page
    assert "чек-лист: пункт 1.1.4 (стенд) = 0" in page  # found in the text and by the checklist: both sources
    kept = re.search(r'name="scores" value="([^"]*)"', page)
    assert kept is not None
    # a later click sends the kept scores without the file: the same plan, downloadable as JSON
    form = {"date": "2027-01-15", "scores": kept.group(1).replace("&quot;", '"'), "institution": "ЦСО"}
    d = client.post("/download/json", data=form)
    assert d.status_code == 200
    assert json.loads(d.content)["scores"]["total"] == 89.02


def test_the_page_names_a_bad_upload(client: TestClient) -> None:
    bad = "Учреждение;2.3.доля\nЦСО;150\n".encode()
    r = client.post("/", data={"text": "- нет пандуса"}, files={"scores_file": ("b.csv", bad, "text/csv")})
    assert r.status_code == 422
    assert '<li><a href="#scores">Баллы (чек-лист и опрос)</a>: b.csv, строка 2, столбец «2.3.доля»: доля 150 % больше 100 %</li>' in r.text
