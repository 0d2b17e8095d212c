"""The HTTP API (nokrules.web) on the mini catalog: every endpoint, every error a caller can cause (422 and
413 with Russian messages naming the field), documents read back, no 5xx for any JSON, and concurrent
requests giving exactly the sequential answers. Expectations come from tests/fixtures/mini by hand."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

import docx
import openpyxl  # type: ignore[import-untyped]
import pytest
from fastapi.testclient import TestClient
from httpx2 import Response
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nokrules import Engine
from nokrules.core.model import Choice
from nokrules.web.app import create_app

from .conftest import MINI

D = date(2027, 1, 15)
MIB = 1024 * 1024
JSON_HEADERS = {"content-type": "application/json"}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PLAN_ENDPOINTS = ["/api/plan", "/api/plan.docx", "/api/plan.xlsx", "/api/explain"]

COMPLAINT = "нет порядка подачи жалоб"
COMPLAINT_ON_SITE = "нет порядка подачи жалоб на сайте"
FAQ = "нет раздела «Часто задаваемые вопросы»"
UNRECOGNISED = "грубый охранник на входе"  # no pattern of the mini catalog matches it
INSTITUTION = "ГБУ «КЦСОН г. Примерска»"
PUBLISH_ON_SITE = "Разместить на официальном сайте организации порядок подачи жалоб"

# tests/fixtures/mini, read by hand
MINI_DEFICIENCIES = ["ramp_missing", "handrails_missing", "complaint_procedure_missing", "faq_missing", "staffing_shortage"]
MINI_MEASURES = [
    "install_ramp",
    "install_call_button",
    "install_handrails",
    "renovate_entrance",
    "publish_complaint_procedure",
    "publish_faq",
    "recruit_staff_urgently",
    "recruit_staff",
    "monitor_staffing",
]
MINI_RULES = ["ramp", "ramp-home-kcson", "handrails", "entrance", "complaint", "faq", "staffing-low", "staffing"]
MINI_KINDS = {
    "kcson": ("Комплексный центр социального обслуживания населения", ["home", "semi_stationary"]),
    "veterans_home": ("Дом ветеранов", ["stationary"]),
    "care_home": ("Дом-интернат для престарелых и инвалидов", ["stationary"]),
    "psychoneurological_home": ("Психоневрологический интернат", ["stationary"]),
    "gerontology_center": ("Геронтологический центр", ["stationary", "semi_stationary"]),
    "children_rehab_center": (
        "Реабилитационный центр для детей и подростков с ограниченными возможностями",
        ["stationary", "semi_stationary"],
    ),
    "rehab_center": ("Реабилитационный центр для инвалидов", ["stationary", "semi_stationary"]),
    "minors_center": ("Социально-реабилитационный центр для несовершеннолетних", ["stationary", "semi_stationary"]),
    "shelter": ("Социальный приют", ["stationary"]),
    "family_center": ("Центр социальной помощи семье и детям", ["semi_stationary", "home"]),
    "adaptation_center": ("Центр социальной адаптации", ["stationary", "semi_stationary"]),
    "other": ("Иная организация социального обслуживания", ["stationary", "semi_stationary", "home"]),
}
REQUEST_KEYS = ["text", "institution", "kind", "forms", "date", "choices", "people", "form", "year", "approver", "founder"]


@pytest.fixture(scope="module")
def mini_engine() -> Engine:
    return Engine.load(MINI)


@pytest.fixture(scope="module")
def client(mini_engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(mini_engine), raise_server_exceptions=False) as c:
        yield c


def post_json(client: TestClient, url: str, body: Any) -> Response:
    """POST any JSON value, serialised here (ASCII escapes, NaN allowed) so the client never refuses it."""
    return client.post(url, content=json.dumps(body).encode("ascii"), headers=JSON_HEADERS)


def field_errors(r: Response) -> list[tuple[str, str]]:
    """The (field, message) pairs of a 422, after checking the summary message names each field."""
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    pairs = [(e["field"], e["message"]) for e in body["errors"]]
    assert pairs, body
    for f, m in pairs:
        assert f"поле «{f}»: {m}" in body["message"]
    return pairs


def measures_by_deficiency(plan: dict[str, Any]) -> dict[str, list[tuple[str, str, str]]]:
    return {it["deficiency"]["id"]: [(m["id"], m["due"], m["due_text"]) for m in it["measures"]] for it in plan["items"]}


# ---------------------------------------------------------------------------------------------- health


def test_health_is_ok_with_the_catalog_version_and_counts(client: TestClient) -> None:
    r = client.get("/api/health")
    assert r.status_code == 200
    assert r.json() == {"status": "ok", "nokrules": "0.1.0", "catalog_version": "1.0.0", "deficiencies": 5, "rules": 8}


# ---------------------------------------------------------------------------------------------- plan


def test_plan_gives_the_plan_json_with_measures_and_due_dates(client: TestClient) -> None:
    r = client.post(
        "/api/plan", json={"text": f"{COMPLAINT}\n{FAQ}", "institution": INSTITUTION, "kind": "kcson", "date": "2027-01-15"}
    )
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/json"
    plan = r.json()
    assert plan["schema"] == "nokrules.plan/2"
    assert plan["institution"] == {
        "name": INSTITUTION,
        "kind": "kcson",
        "kind_title": "Комплексный центр социального обслуживания населения",
        "forms": ["home", "semi_stationary"],
    }
    assert plan["date"] == "2027-01-15"
    assert plan["catalog_version"] == "1.0.0"
    assert plan["catalog_effective_from"] == "2026-11-25"
    assert [(it["finding"]["line"], it["finding"]["text"]) for it in plan["items"]] == [(1, COMPLAINT), (2, FAQ)]
    assert measures_by_deficiency(plan) == {
        "complaint_procedure_missing": [("publish_complaint_procedure", "2027-02-15", "до 15.02.2027")],
        "faq_missing": [("publish_faq", "2027-01-29", "до 29.01.2027")],
    }
    faq = plan["items"][1]["measures"][0]
    assert faq["text"] == "Создать раздел «Часто задаваемые вопросы»"
    assert faq["responsible"] == "Ответственный за ведение официального сайта"
    assert faq["rule"] == "faq" and faq["because"] == "№ 344н"
    assert plan["unrecognized"] == []
    assert [(s["section"], len(s["rows"])) for s in plan["sections"]] == [("I", 2), ("II", 0), ("III", 0), ("IV", 0), ("V", 0)]


def test_plan_body_is_byte_identical_to_the_engine_plan_json(client: TestClient, mini_engine: Engine) -> None:
    text = f"- нет пандуса\n- {COMPLAINT_ON_SITE}\n- укомплектована кадрами на 40%\n- {UNRECOGNISED}"
    r = client.post(
        "/api/plan",
        json={
            "text": text,
            "institution": INSTITUTION,
            "kind": "КЦСОН",
            "date": "2027-01-15",
            "people": {"site_admin": "Петрова А. А."},
            "choices": [{"line": 4, "deficiency": "faq_missing"}],
        },
    )
    assert r.status_code == 200
    inst = mini_engine.institution(INSTITUTION, "kcson", None, {"site_admin": "Петрова А. А."})
    cli = mini_engine.draft_plan(text, inst, date=D, choices=[Choice(line=4, deficiency="faq_missing")]).to_json()
    assert r.content == cli.encode("utf-8")


@pytest.mark.parametrize("kind", ["kcson", "КЦСОН", "цсон", "Комплексный центр социального обслуживания населения", "  KCSON  "])
def test_kind_may_be_given_by_id_title_or_alias(client: TestClient, kind: str) -> None:
    r = client.post("/api/plan", json={"text": "нет пандуса", "kind": kind, "date": "2027-01-15"})
    assert r.status_code == 200
    plan = r.json()
    assert plan["institution"]["kind"] == "kcson"
    assert plan["institution"]["forms"] == ["home", "semi_stationary"]
    # the kcson + home rule (priority 5) gives the call button and excludes the ramp
    assert measures_by_deficiency(plan) == {"ramp_missing": [("install_call_button", "2027-02-15", "до 15.02.2027")]}


def test_explicit_service_forms_replace_the_kinds_forms(client: TestClient) -> None:
    r = client.post(
        "/api/plan", json={"text": "нет пандуса", "kind": "kcson", "forms": ["полустационарная"], "date": "2027-01-15"}
    )
    assert r.status_code == 200
    plan = r.json()
    assert plan["institution"]["forms"] == ["semi_stationary"]
    assert measures_by_deficiency(plan) == {"ramp_missing": [("install_ramp", "2027-12-30", "до 30.12.2027")]}  # 31.12.2027 is a day off


def test_responsible_person_comes_from_people(client: TestClient) -> None:
    r = client.post("/api/plan", json={"text": COMPLAINT, "people": {"site_admin": "Петрова А. А."}, "date": "2027-01-15"})
    assert r.status_code == 200
    m = r.json()["items"][0]["measures"][0]
    assert m["responsible"] == "Ответственный за ведение официального сайта — Петрова А. А."
    assert m["responsible_person"] == "Петрова А. А."


def test_date_omitted_means_today(client: TestClient) -> None:
    before = date.today()
    r = client.post("/api/plan", json={"text": "нет пандуса"})
    after = date.today()
    assert r.status_code == 200
    assert r.json()["date"] in {before.isoformat(), after.isoformat()}


def test_plan_without_kind_or_institution_is_fine(client: TestClient) -> None:
    r = client.post("/api/plan", json={"text": "нет поручней", "date": "2027-01-15", "kind": None})
    assert r.status_code == 200
    plan = r.json()
    assert plan["institution"] == {"name": "", "kind": None, "kind_title": None, "forms": []}
    assert measures_by_deficiency(plan) == {"handrails_missing": [("install_handrails", "2027-03-31", "I квартал 2027 г.")]}


# ---------------------------------------------------------------------------------------------- 422


def test_missing_text_is_422_naming_the_field(client: TestClient) -> None:
    # text may be left out when scores are given; with neither, the text is what is missing
    assert field_errors(client.post("/api/plan", json={"institution": INSTITUTION})) == [
        ("text", "нет текста: вставьте недостатки из протокола или загрузите баллы")
    ]


@pytest.mark.parametrize("text", ["", "   ", " \n\t\n "])
def test_empty_or_blank_text_is_422_asking_for_the_findings(client: TestClient, text: str) -> None:
    assert field_errors(client.post("/api/plan", json={"text": text})) == [
        ("text", "нет текста: вставьте недостатки из протокола или загрузите баллы")
    ]


def test_unknown_kind_is_422_listing_the_known_kinds(client: TestClient) -> None:
    [(field, message)] = field_errors(client.post("/api/plan", json={"text": "нет пандуса", "kind": "планетарий"}))
    assert field == "kind"
    assert message.startswith("неизвестный вид организации «планетарий». Известны: ")
    for kind_id, (title, _) in MINI_KINDS.items():
        assert f"{kind_id} ({title})" in message


def test_unknown_service_form_is_422_naming_forms(client: TestClient) -> None:
    r = client.post("/api/plan", json={"text": "нет пандуса", "forms": ["надомная", "лесная"]})
    assert field_errors(r) == [
        ("forms", "неизвестная форма обслуживания «лесная». Известны: стационарная, полустационарная, надомная")
    ]


def test_unknown_role_in_people_is_422_naming_people(client: TestClient) -> None:
    [(field, message)] = field_errors(
        client.post("/api/plan", json={"text": "нет пандуса", "people": {"librarian": "Иванова И. И."}})
    )
    assert field == "people"
    assert message.startswith("в профиле неизвестная роль «librarian». Известны: ")
    assert "site_admin" in message and "aho_deputy" in message


@pytest.mark.parametrize("bad", ["2027-13-01", "2027-02-30", "15.01.2027", "завтра", ""])
def test_bad_date_is_422_naming_the_date(client: TestClient, bad: str) -> None:
    assert field_errors(client.post("/api/plan", json={"text": "нет пандуса", "date": bad})) == [
        ("date", "ожидалась дата ГГГГ-ММ-ДД")
    ]


def test_extra_field_is_422_unknown_field(client: TestClient) -> None:
    assert field_errors(client.post("/api/plan", json={"text": "нет пандуса", "region": "Владимирская область"})) == [
        ("region", "неизвестное поле")
    ]


@pytest.mark.parametrize("kind", [5, ["kcson"], {"id": "kcson"}, True])
def test_kind_of_wrong_type_is_422_expecting_a_string(client: TestClient, kind: Any) -> None:
    assert field_errors(client.post("/api/plan", json={"text": "нет пандуса", "kind": kind})) == [("kind", "ожидалась строка")]


def test_wrong_types_inside_lists_and_objects_name_the_nested_field(client: TestClient) -> None:
    r = client.post(
        "/api/plan",
        json={"text": "нет пандуса", "forms": "надомная", "people": {"site_admin": 7}, "approver": {"position": 1}},
    )
    assert sorted(field_errors(r)) == [
        ("approver.position", "ожидалась строка"),
        ("forms", "ожидался список"),
        ("people.site_admin", "ожидалась строка"),
    ]


@pytest.mark.parametrize("raw", [b'{"text": ', b"{'text': 'x'}", b'{"text": "x",}', b"\xff\xfe"])
def test_malformed_json_is_422_on_the_body(client: TestClient, raw: bytes) -> None:
    [(field, message)] = field_errors(client.post("/api/plan", content=raw, headers=JSON_HEADERS))
    assert field == "body"
    assert message.startswith("тело запроса — не JSON")


@pytest.mark.parametrize("value", [[], ["нет пандуса"], "нет пандуса", 42, None])
def test_json_that_is_not_an_object_is_422_on_the_body(client: TestClient, value: Any) -> None:
    [(field, message)] = field_errors(post_json(client, "/api/plan", value))
    assert field == "body"
    assert message in {"ожидался объект", "обязательное поле не указано"}


def test_empty_body_is_422_on_the_body(client: TestClient) -> None:
    [(field, _)] = field_errors(client.post("/api/plan", content=b"", headers=JSON_HEADERS))
    assert field == "body"


@pytest.mark.parametrize("form", ["/etc/passwd", "../layouts/pp457.yaml", "PP457", ""])
def test_document_form_must_be_builtin(client: TestClient, form: str) -> None:
    assert field_errors(client.post("/api/plan.docx", json={"text": "нет пандуса", "form": form})) == [
        ("form", f"неизвестная форма документа «{form}»; допустимо: pp457, vladimir2019")
    ]


@pytest.mark.parametrize(
    ("year", "message"),
    [
        (1999, "значение должно быть не меньше 2000"),
        (2101, "значение должно быть не больше 2100"),
        ("двадцать седьмой", "ожидалось целое число"),
        (2027.5, "ожидалось целое число"),
    ],
)
def test_year_out_of_range_or_not_a_number_is_422_naming_year(client: TestClient, year: Any, message: str) -> None:
    assert field_errors(client.post("/api/plan.docx", json={"text": "нет пандуса", "year": year})) == [("year", message)]


def test_choice_of_an_unknown_deficiency_is_422_naming_choices(client: TestClient) -> None:
    r = client.post("/api/plan", json={"text": UNRECOGNISED, "choices": [{"line": 1, "deficiency": "pool_missing"}]})
    assert field_errors(r) == [("choices", "выбор 1: в каталоге нет недостатка «pool_missing»")]


def test_choice_of_a_line_without_a_finding_is_422_naming_choices(client: TestClient) -> None:
    r = client.post("/api/plan", json={"text": UNRECOGNISED, "choices": [{"line": 7, "deficiency": "faq_missing"}]})
    assert field_errors(r) == [("choices", "выбор 1: в тексте нет такой находки на строке 7")]


def test_choice_whose_text_is_not_on_that_line_is_422_naming_choices(client: TestClient) -> None:
    r = client.post(
        "/api/plan",
        json={"text": UNRECOGNISED, "choices": [{"line": 1, "deficiency": "faq_missing", "text": "другой текст"}]},
    )
    assert field_errors(r) == [("choices", "выбор 1: в тексте нет такой находки на строке 1")]


def test_choice_of_an_already_recognised_finding_is_422_naming_choices(client: TestClient) -> None:
    r = client.post(
        "/api/plan",
        json={
            "text": f"{UNRECOGNISED}\nнет пандуса",
            "choices": [{"line": 1, "deficiency": "faq_missing"}, {"line": 2, "deficiency": "handrails_missing"}],
        },
    )
    assert field_errors(r) == [("choices", "выбор 2: находка на строке 2 уже распознана")]


@pytest.mark.parametrize(
    ("choice", "field", "message"),
    [
        ({"line": 0, "deficiency": "faq_missing"}, "choices[0].line", "значение должно быть не меньше 1"),
        ({"line": 1}, "choices[0].deficiency", "обязательное поле не указано"),
        (
            {"line": 1, "deficiency": "Нет FAQ"},
            "choices[0].deficiency",
            "недопустимый идентификатор (латинские строчные буквы, цифры и _)",
        ),
        ({"line": 1, "deficiency": "faq_missing", "why": "похоже"}, "choices[0].why", "неизвестное поле"),
    ],
)
def test_malformed_choice_is_422_naming_the_choice_field(
    client: TestClient, choice: dict[str, Any], field: str, message: str
) -> None:
    assert field_errors(client.post("/api/plan", json={"text": UNRECOGNISED, "choices": [choice]})) == [(field, message)]


BAD_REQUESTS = [
    pytest.param({"institution": "x"}, "text", id="missing-text"),
    pytest.param({"text": " "}, "text", id="blank-text"),
    pytest.param({"text": "нет пандуса", "kind": "планетарий"}, "kind", id="unknown-kind"),
    pytest.param({"text": "нет пандуса", "forms": ["лесная"]}, "forms", id="unknown-form"),
    pytest.param({"text": "нет пандуса", "people": {"librarian": "И."}}, "people", id="unknown-role"),
    pytest.param({"text": "нет пандуса", "date": "2027-13-01"}, "date", id="bad-date"),
    pytest.param({"text": "нет пандуса", "colour": "red"}, "colour", id="extra-field"),
    pytest.param({"text": "нет пандуса", "form": "/etc/passwd"}, "form", id="form-path"),
    pytest.param({"text": "нет пандуса", "year": 3000}, "year", id="year-range"),
    pytest.param({"text": UNRECOGNISED, "choices": [{"line": 1, "deficiency": "pool_missing"}]}, "choices", id="choice"),
]


@pytest.mark.parametrize(("body", "field"), BAD_REQUESTS)
@pytest.mark.parametrize("endpoint", PLAN_ENDPOINTS)
def test_every_plan_endpoint_gives_the_same_422(client: TestClient, endpoint: str, body: dict[str, Any], field: str) -> None:
    r = client.post(endpoint, json=body)
    assert [f for f, _ in field_errors(r)] == [field]
    assert re.search("[а-яё]", r.json()["message"])  # Russian
    assert r.json() == client.post("/api/plan", json=body).json()


# ---------------------------------------------------------------------------------------------- 413

TOO_BIG = "тело запроса больше 1024 КиБ"


def padded(size: int) -> bytes:
    """A valid plan request of exactly `size` bytes (JSON may end with blanks)."""
    head = json.dumps({"text": "нет пандуса", "date": "2027-01-15"}, ensure_ascii=False).encode("utf-8")
    assert size >= len(head)
    return head + b" " * (size - len(head))


def chunks(data: bytes, size: int = 64 * 1024) -> Iterator[bytes]:
    for i in range(0, len(data), size):
        yield data[i : i + size]


def test_body_over_1_mib_with_content_length_is_413_in_russian(client: TestClient) -> None:
    r = client.post("/api/plan", content=padded(MIB + 1), headers=JSON_HEADERS)
    assert r.request.headers["content-length"] == str(MIB + 1)
    assert r.status_code == 413
    assert r.headers["content-type"].startswith("application/json")
    assert r.json()["message"] == "тело запроса больше 1024 КиБ: разделите протокол на части"


def test_streamed_body_over_1_mib_without_content_length_is_413(client: TestClient) -> None:
    r = client.post("/api/plan", content=chunks(padded(MIB + 1)), headers=JSON_HEADERS)
    assert "content-length" not in r.request.headers
    assert r.status_code == 413
    assert r.json()["message"].startswith(TOO_BIG)


def test_streamed_body_far_over_the_limit_is_413(client: TestClient) -> None:
    def endless() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(64):  # 4 MiB
            yield b"a" * (64 * 1024)
        yield b'"}'

    r = client.post("/api/plan", content=endless(), headers=JSON_HEADERS)
    assert r.status_code == 413
    assert r.json()["message"].startswith(TOO_BIG)


@pytest.mark.parametrize("size", [MIB, MIB - 1, 100])
def test_body_of_1_mib_or_less_is_accepted(client: TestClient, size: int) -> None:
    declared = client.post("/api/plan", content=padded(size), headers=JSON_HEADERS)
    streamed = client.post("/api/plan", content=chunks(padded(size)), headers=JSON_HEADERS)
    for r in (declared, streamed):
        assert r.status_code == 200, r.text
        assert measures_by_deficiency(r.json()) == {"ramp_missing": [("install_ramp", "2027-12-30", "до 30.12.2027")]}  # 31.12.2027 is a day off


@pytest.mark.parametrize("endpoint", ["/api/plan.docx", "/api/plan.xlsx", "/api/explain"])
def test_the_body_limit_guards_every_endpoint(client: TestClient, endpoint: str) -> None:
    r = client.post(endpoint, content=padded(MIB + 1), headers=JSON_HEADERS)
    assert r.status_code == 413
    assert r.json()["message"].startswith(TOO_BIG)


# ---------------------------------------------------------------------------------------------- choices


def test_unrecognised_finding_is_listed_with_suggestions(client: TestClient) -> None:
    r = client.post("/api/plan", json={"text": f"{COMPLAINT}\n{UNRECOGNISED}", "date": "2027-01-15"})
    assert r.status_code == 200
    plan = r.json()
    assert [it["deficiency"]["id"] for it in plan["items"]] == ["complaint_procedure_missing"]
    [unrec] = plan["unrecognized"]
    assert (unrec["line"], unrec["text"]) == (2, UNRECOGNISED)
    ids = [s["id"] for s in unrec["suggestions"]]
    assert len(ids) == 3 and len(set(ids)) == 3
    assert set(ids) <= set(MINI_DEFICIENCIES)
    for s in unrec["suggestions"]:
        assert s["title"] and s["score"] > 0


def test_a_choice_moves_the_unrecognised_finding_into_the_plan(client: TestClient) -> None:
    r = client.post(
        "/api/plan",
        json={
            "text": f"{COMPLAINT}\n{UNRECOGNISED}",
            "date": "2027-01-15",
            "choices": [{"line": 2, "deficiency": "handrails_missing"}],
        },
    )
    assert r.status_code == 200
    plan = r.json()
    assert plan["unrecognized"] == []
    assert [(it["finding"]["line"], it["finding"]["text"], it["deficiency"]["id"]) for it in plan["items"]] == [
        (1, COMPLAINT, "complaint_procedure_missing"),
        (2, UNRECOGNISED, "handrails_missing"),
    ]
    assert measures_by_deficiency(plan)["handrails_missing"] == [("install_handrails", "2027-03-31", "I квартал 2027 г.")]
    assert [(s["section"], len(s["rows"])) for s in plan["sections"]] == [("I", 1), ("II", 0), ("III", 1), ("IV", 0), ("V", 0)]


def test_a_chosen_deficiency_takes_part_in_multi_deficiency_rules(client: TestClient) -> None:
    # ramp recognised + handrails chosen → the entrance rule (all: ramp, handrails) replaces install_handrails
    r = client.post(
        "/api/plan",
        json={
            "text": f"нет пандуса\n{UNRECOGNISED}",
            "date": "2027-01-15",
            "choices": [{"line": 2, "deficiency": "handrails_missing", "text": UNRECOGNISED}],
        },
    )
    assert r.status_code == 200
    by_def = {it["deficiency"]["id"]: [m["id"] for m in it["measures"]] for it in r.json()["items"]}
    assert by_def == {"ramp_missing": ["renovate_entrance", "install_ramp"], "handrails_missing": ["renovate_entrance"]}


# ---------------------------------------------------------------------------------------------- documents


def docx_cells(data: bytes) -> list[str]:
    """The cells' words (the document's non-breaking spaces read as spaces: they are typesetting)."""
    doc = docx.Document(io.BytesIO(data))
    return [cell.text.replace("\u00a0", " ") for table in doc.tables for row in table.rows for cell in row.cells]


def xlsx_values(data: bytes) -> list[Any]:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    return [v for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row]


def test_plan_docx_is_a_word_attachment_with_the_measure_in_the_table(client: TestClient) -> None:
    r = client.post(
        "/api/plan.docx",
        json={"text": f"{COMPLAINT_ON_SITE}\n{FAQ}", "institution": INSTITUTION, "kind": "kcson", "date": "2027-01-15"},
    )
    assert r.status_code == 200
    assert r.headers["content-type"] == DOCX
    russian = quote("План ГБУ «КЦСОН г. Примерска».docx")
    assert r.headers["content-disposition"] == f"attachment; filename=\"gbu-ktsson-g-primerska.docx\"; filename*=UTF-8''{russian}"
    assert r.headers["content-disposition"].isascii()
    cells = docx_cells(r.content)
    assert PUBLISH_ON_SITE in cells
    assert "Создать раздел «Часто задаваемые вопросы»" in cells
    assert "до 15.02.2027" in cells and "до 29.01.2027" in cells
    assert COMPLAINT_ON_SITE in cells


def test_plan_docx_in_the_regional_form_with_year_and_approver(client: TestClient) -> None:
    r = client.post(
        "/api/plan.docx",
        json={
            "text": "нет пандуса",
            "form": "vladimir2019",
            "year": 2027,
            "approver": {"position": "Министр социальной защиты населения", "name": "О. В. Артемьева"},
            "founder": "Министерство социальной защиты населения",
            "date": "2027-01-15",
        },
    )
    assert r.status_code == 200
    assert r.headers["content-type"] == DOCX
    assert "Установить пандус у входа" in docx_cells(r.content)
    doc = docx.Document(io.BytesIO(r.content))
    text = "\n".join(p.text.replace("\u00a0", " ") for p in doc.paragraphs) + "\n".join(docx_cells(r.content))
    assert "О. В. Артемьева" in text


def test_plan_file_without_institution_is_named_plan(client: TestClient) -> None:
    r = client.post("/api/plan.docx", json={"text": "нет пандуса"})
    assert r.status_code == 200
    assert (
        r.headers["content-disposition"] == "attachment; filename=\"plan.docx\"; filename*=UTF-8''%D0%9F%D0%BB%D0%B0%D0%BD.docx"
    )


def test_plan_xlsx_is_an_excel_attachment_with_the_measure(client: TestClient) -> None:
    r = client.post(
        "/api/plan.xlsx",
        json={"text": f"{COMPLAINT_ON_SITE}\n{FAQ}", "institution": INSTITUTION, "kind": "kcson", "date": "2027-01-15"},
    )
    assert r.status_code == 200
    assert r.headers["content-type"] == XLSX
    russian = quote("План ГБУ «КЦСОН г. Примерска».xlsx")
    assert r.headers["content-disposition"] == f"attachment; filename=\"gbu-ktsson-g-primerska.xlsx\"; filename*=UTF-8''{russian}"
    values = xlsx_values(r.content)
    assert PUBLISH_ON_SITE in values
    assert "publish_complaint_procedure" in values and "publish_faq" in values
    assert datetime(2027, 2, 15) in values
    assert INSTITUTION in values


# ---------------------------------------------------------------------------------------------- explain


def test_explain_names_the_matched_words_and_the_rules_fired(client: TestClient) -> None:
    r = client.post("/api/explain", json={"text": f"{COMPLAINT_ON_SITE}\nукомплектована кадрами на 40%", "date": "2027-01-15"})
    assert r.status_code == 200
    body = r.json()
    assert (
        body["plan"]
        == client.post(
            "/api/plan", json={"text": f"{COMPLAINT_ON_SITE}\nукомплектована кадрами на 40%", "date": "2027-01-15"}
        ).json()
    )
    assert body["explain"] == [
        {
            "line": 1,
            "finding": COMPLAINT_ON_SITE,
            "deficiency": "complaint_procedure_missing",
            "title": "Нет порядка подачи жалоб",
            "indicator": "1.1",
            "chosen": False,
            "recognised_by": "pattern",
            "state": None,
            "matches": [{"element": "жалоба", "words": ["жалоб"]}, {"element": "порядок", "words": ["порядка"]}],
            "places": ["site"],
            "values": {},
            "scores": [],
            "close": [],
            "echoes": [],
            "outvoted": [],
            "rules": [{"id": "complaint", "because": "ст. 13 442-ФЗ"}],
        },
        {
            "line": 2,
            "finding": "укомплектована кадрами на 40%",
            "deficiency": "staffing_shortage",
            "title": "Недостаточная укомплектованность кадрами",
            "indicator": "4.2",
            "chosen": False,
            "recognised_by": "pattern",
            "state": None,
            "matches": [{"element": "укомплектовать|укомплектованность", "words": ["укомплектована"]}],
            "places": [],
            "values": {"staffing_percent": 40.0},
            "scores": [],
            "close": [],
            "echoes": [],
            "outvoted": [],
            "rules": [
                {"id": "staffing", "because": "укомплектованность"},
                {"id": "staffing-low", "because": "менее половины штата"},
            ],
        },
    ]


def test_explain_marks_a_chosen_finding_without_matches(client: TestClient) -> None:
    r = client.post(
        "/api/explain",
        json={
            "text": f"нет пандуса\n{UNRECOGNISED}",
            "date": "2027-01-15",
            "choices": [{"line": 2, "deficiency": "faq_missing"}],
        },
    )
    assert r.status_code == 200
    entries = r.json()["explain"]
    assert [(e["line"], e["deficiency"], e["chosen"]) for e in entries] == [(1, "ramp_missing", False), (2, "faq_missing", True)]
    chosen = entries[1]
    assert chosen["finding"] == UNRECOGNISED
    assert chosen["matches"] == []
    assert chosen["rules"] == [{"id": "faq", "because": "№ 344н"}]
    assert entries[0]["matches"] == [{"element": "пандус", "words": ["пандуса"]}]
    assert entries[0]["rules"] == [{"id": "ramp", "because": "СП 59.13330"}]


# ---------------------------------------------------------------------------------------------- catalog


def test_catalog_lists_the_fixture_catalog(client: TestClient) -> None:
    r = client.get("/api/catalog")
    assert r.status_code == 200
    cat = r.json()
    assert cat["version"] == "1.0.0"
    assert cat["effective_from"] == "2026-11-25"
    assert [d["id"] for d in cat["deficiencies"]] == MINI_DEFICIENCIES
    assert [(d["indicator"], d["section"]) for d in cat["deficiencies"]] == [
        ("3.1", "III"),
        ("3.1", "III"),
        ("1.1", "I"),
        ("1.2", "I"),
        ("4.2", "IV"),
    ]
    assert [m["id"] for m in cat["measures"]] == MINI_MEASURES
    assert [r["id"] for r in cat["rules"]] == MINI_RULES
    assert {k["id"]: (k["title"], k["forms"]) for k in cat["kinds"]} == MINI_KINDS
    assert [k["id"] for k in cat["kinds"]] == list(MINI_KINDS)
    assert cat["kinds"][0]["aliases"] == [
        "КЦСОН",
        "ЦСОН",
        "центр социального обслуживания населения",
        "центры социального обслуживания населения",
        "комплексный центр социального обслуживания",
    ]
    assert cat["forms"] == [
        {"id": "stationary", "title": "стационарная"},
        {"id": "semi_stationary", "title": "полустационарная"},
        {"id": "home", "title": "надомная"},
    ]
    assert len(cat["roles"]) == 14
    assert [c["section"] for c in cat["criteria"]] == ["I", "II", "III", "IV", "V"]
    faq = next(m for m in cat["measures"] if m["id"] == "publish_faq")
    assert faq == {
        "id": "publish_faq",
        "text": "Создать раздел «Часто задаваемые вопросы»",
        "due": "+2 weeks",
        "responsible": "site_admin",
        "result": "Раздел создан",
        "excludes": [],
        "after": [],
    }
    home = next(r for r in cat["rules"] if r["id"] == "ramp-home-kcson")
    assert home["then"] == ["install_call_button"] and home["replaces"] == ["install_ramp"] and home["priority"] == 5


# ---------------------------------------------------------------------------------------------- docs, 404, 405


def test_docs_page_is_swagger_served_locally(client: TestClient) -> None:
    r = client.get("/docs")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert '<script src="/static/swagger/swagger-ui-bundle.js">' in r.text
    assert 'href="/static/swagger/swagger-ui.css"' in r.text
    assert "/openapi.json" in r.text
    assert not re.search(r"https?://", r.text)
    for asset in ["/static/swagger/swagger-ui-bundle.js", "/static/swagger/swagger-ui.css", "/static/favicon.svg"]:
        a = client.get(asset)
        assert a.status_code == 200, asset
        assert len(a.content) > 100
    assert "javascript" in client.get("/static/swagger/swagger-ui-bundle.js").headers["content-type"]


def test_openapi_lists_the_api_paths(client: TestClient) -> None:
    r = client.get("/openapi.json")
    assert r.status_code == 200
    spec = r.json()
    assert set(spec["paths"]) == {"/api/plan", "/api/plan.docx", "/api/plan.xlsx", "/api/explain", "/api/catalog", "/api/health"}
    assert set(spec["paths"]["/api/plan"]) == {"post"}
    assert {"413", "422"} <= set(spec["paths"]["/api/plan"]["post"]["responses"])
    assert DOCX in spec["paths"]["/api/plan.docx"]["post"]["responses"]["200"]["content"]


@pytest.mark.parametrize("url", ["/api/nothing", "/api", "/static/nothing.css", "/download"])
def test_unknown_address_is_404_in_russian(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 404
    assert r.json() == {"message": "нет такой страницы", "errors": []}


@pytest.mark.parametrize(
    ("method", "url"), [("GET", "/api/plan"), ("GET", "/api/explain"), ("POST", "/api/health"), ("DELETE", "/api/catalog")]
)
def test_wrong_method_is_405_in_russian(client: TestClient, method: str, url: str) -> None:
    r = client.request(method, url)
    assert r.status_code == 405
    assert r.json() == {"message": "метод не поддерживается для этого адреса", "errors": []}


# ---------------------------------------------------------------------------------------------- bugs found


def test_lone_surrogate_in_text_is_422_not_500(client: TestClient) -> None:
    # valid JSON (a \ud800 escape); the plan cannot be written as UTF-8, which must be the caller's error
    r = client.post(
        "/api/plan",
        content=b'{"text": "\\ud800 \\u043d\\u0435\\u0442 \\u043f\\u0430\\u043d\\u0434\\u0443\\u0441\\u0430"}',
        headers=JSON_HEADERS,
    )
    assert [f for f, _ in field_errors(r)] == ["text"]


def test_lone_surrogate_in_institution_is_422_not_500(client: TestClient) -> None:
    r = client.post("/api/plan.docx", content=b'{"text": "x", "institution": "\\udc00"}', headers=JSON_HEADERS)
    assert [f for f, _ in field_errors(r)] == ["institution"]


@pytest.mark.parametrize(
    "text", [COMPLAINT, "нет пандуса", "укомплектована кадрами на 40%"], ids=["plus-1-month", "end-of-year", "end-of-quarter"]
)
def test_plan_date_whose_due_dates_overflow_is_422_naming_the_date(client: TestClient, text: str) -> None:
    r = client.post("/api/plan", json={"text": text, "date": "9999-12-31"})
    assert [f for f, _ in field_errors(r)] == ["date"]


# ---------------------------------------------------------------------------------------------- shipped catalog


def test_the_documented_example_request_works_on_the_shipped_catalog() -> None:
    with TestClient(create_app(Engine.load(None)), raise_server_exceptions=False) as shipped:
        spec = shipped.get("/openapi.json").json()
        [example] = spec["components"]["schemas"]["PlanRequest"]["examples"]
        r = shipped.post("/api/plan", json=example)
        assert r.status_code == 200, r.text
        plan = r.json()
        assert plan["institution"]["kind"] == "kcson"
        assert plan["date"] == "2027-01-15"
        assert sorted(it["deficiency"]["id"] for it in plan["items"]) == ["faq_missing", "ramp_missing"]
        assert plan["unrecognized"] == []
        assert all(it["measures"] for it in plan["items"])
        health = shipped.get("/api/health").json()
        assert health["status"] == "ok" and health["catalog_version"] == "1.3.0"
        assert health["deficiencies"] > 5 and health["rules"] > 8


# ---------------------------------------------------------------------------------------------- properties

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
json_values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4), max_leaves=12
)
LINES = ["нет пандуса", "нет поручней", COMPLAINT_ON_SITE, FAQ, "укомплектована кадрами на 40%", UNRECOGNISED]
PLAUSIBLE: dict[str, st.SearchStrategy[Any]] = {
    "text": st.lists(st.sampled_from(LINES) | st.text(max_size=40), min_size=1, max_size=5).map("\n".join),
    "institution": st.text(max_size=40),
    "kind": st.sampled_from([*MINI_KINDS, "КЦСОН", "планетарий", "", " "]),
    "forms": st.lists(st.sampled_from(["home", "надомная", "stationary", "лесная", ""]), max_size=3),
    # far dates (year 9999) overflow the due dates: test_plan_date_whose_due_dates_overflow_is_422_naming_the_date
    "date": st.dates(date(1900, 1, 1), date(2200, 12, 31)).map(date.isoformat) | st.text(max_size=12),
    "choices": st.lists(
        st.fixed_dictionaries(
            {
                "line": st.integers(min_value=-2, max_value=8),
                "deficiency": st.sampled_from([*MINI_DEFICIENCIES, "pool_missing", "X"]),
            },
            optional={"text": st.sampled_from(LINES) | st.text(max_size=10)},
        ),
        max_size=3,
    ),
    "people": st.dictionaries(st.sampled_from(["site_admin", "director", "librarian"]), st.text(max_size=10), max_size=2),
    "form": st.sampled_from(["pp457", "vladimir2019", "/etc/passwd", ""]),
    "year": st.integers(min_value=1990, max_value=2110),
    "approver": st.fixed_dictionaries({}, optional={"position": st.text(max_size=10), "name": st.text(max_size=10)}),
    "founder": st.text(max_size=20),
}
well_typed = st.fixed_dictionaries({"text": PLAUSIBLE["text"]}, optional={k: PLAUSIBLE[k] for k in REQUEST_KEYS[1:]})
any_typed = st.lists(st.sampled_from(REQUEST_KEYS), unique=True).flatmap(
    lambda keys: st.fixed_dictionaries({k: PLAUSIBLE[k] | json_values for k in keys})
)
request_like = well_typed | any_typed
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_no_server_error(r: Response) -> None:
    assert r.status_code in {200, 413, 422}, (r.status_code, r.text)
    if r.status_code != 200:
        assert re.search("[а-яё]", r.json()["message"])


@PROPERTY
@given(value=json_values)
def test_any_json_value_never_gives_a_server_error(client: TestClient, value: Any) -> None:
    assert_no_server_error(post_json(client, "/api/plan", value))


@PROPERTY
@given(body=request_like)
def test_any_request_shaped_object_never_gives_a_server_error(client: TestClient, body: dict[str, Any]) -> None:
    assert_no_server_error(post_json(client, "/api/plan", body))


# ---------------------------------------------------------------------------------------------- concurrency


def test_concurrent_plans_equal_sequential_ones(client: TestClient) -> None:
    kinds = [None, "kcson", "care_home", "КЦСОН"]
    bodies = []
    for i in range(40):
        lines = [line for bit, line in enumerate(LINES) if (i + 1) >> bit & 1]
        bodies.append({"text": "\n".join(lines), "institution": f"Учреждение № {i}", "kind": kinds[i % 4], "date": "2027-01-15"})
    sequential = [client.post("/api/plan", json=b).content for b in bodies]
    with ThreadPoolExecutor(16) as pool:
        concurrent = list(pool.map(lambda b: client.post("/api/plan", json=b), bodies))
    assert [r.status_code for r in concurrent] == [200] * 40
    assert [r.content for r in concurrent] == sequential
    assert len(set(sequential)) == 40
