"""Dues of whole plans on the shipped catalog, by hand: the plan year, the order of works after the survey
or estimate they rest on, working days and the region's reporting date, through the engine, CLI and DOCX."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nokrules.core.dates import Schedule, due_date, schedule_dues
from nokrules.core.engine import Engine
from nokrules.documents.document import render_document

from .test_cli import run

TEXT = "помещения требуют ремонта\nудовлетворены организационными условиями 67%\nнет порядка подачи жалоб на сайте"


def dues(engine: Engine, plan_date: date, **kw: object) -> dict[str, str]:
    plan = engine.draft_plan(TEXT, date=plan_date, **kw)  # type: ignore[arg-type]
    return {m.id: m.due_text for it in plan.items for m in it.measures}


# 01.03.2027 is a Monday; the works on the survey take their own two months from it: 01.05.2027 is a
# Saturday and a holiday, so 30.04.2027; 31.12.2027 is a day off, so 30.12.2027.
NEXT_YEAR = {
    "inspect_premises_and_estimate": "до 01.03.2027",
    "do_repair_works": "до 30.12.2027",
    "map_client_journey": "I квартал 2027 г.",
    "survey_satisfaction_reasons": "до 01.03.2027",
    "revise_organizational_conditions": "до 30.04.2027",
    "publish_complaint_procedure": "до 01.02.2027",
}


@pytest.mark.parametrize("plan_date", [date(2026, 12, 1), date(2026, 12, 31), date(2027, 1, 1)])
def test_a_plan_dated_in_december_is_next_years(engine: Engine, plan_date: date) -> None:
    assert engine.draft_plan(TEXT, date=plan_date).year == 2027
    assert dues(engine, plan_date) == NEXT_YEAR


def test_a_mid_year_plan(engine: Engine) -> None:
    # 15.08.2027 is a Sunday: 13.08; the revision two months after the survey: 13.10.2027, a Wednesday
    assert dues(engine, date(2027, 6, 15)) == {
        "inspect_premises_and_estimate": "до 13.08.2027",
        "do_repair_works": "до 30.12.2027",
        "map_client_journey": "III квартал 2027 г.",
        "survey_satisfaction_reasons": "до 13.08.2027",
        "revise_organizational_conditions": "до 13.10.2027",
        "publish_complaint_procedure": "до 15.07.2027",
    }


def test_the_year_given_keeps_the_plan_in_it(engine: Engine) -> None:
    plan = engine.draft_plan(TEXT, date=date(2026, 12, 1), year=2026)
    assert plan.year == 2026
    got = {m.id: m.due_text for it in plan.items for m in it.measures}
    assert got["publish_complaint_procedure"] == "до 30.12.2026"  # 01.01.2027 and 31.12.2026 are days off


def test_the_reporting_date_caps_the_dues(engine: Engine) -> None:
    got = dues(engine, date(2026, 12, 1), report_date="01.10")
    assert got == NEXT_YEAR | {"do_repair_works": "до 30.09.2027"}


def test_every_after_of_the_catalog_is_kept_whatever_the_plan_date(engine: Engine) -> None:
    cat = engine.catalog
    pairs = [(m.id, p) for m in cat.measures for p in m.after]
    assert ("do_repair_works", "inspect_premises_and_estimate") in pairs
    day = date(2026, 9, 1)
    while day <= date(2027, 12, 31):
        for report in (None, "01.10"):
            sched = Schedule.of(day, cat.settings.horizon_months, report=report)
            for m, p in pairs:
                got = schedule_dues({x: (cat.measure(x).due, tuple(cat.measure(x).after)) for x in (m, p)}, sched)
                assert got[m] is not None and got[p] is not None and got[m] > got[p], (day, report, m, p, got)
                assert due_date(cat.measure(m).due, sched) is not None
        day += timedelta(days=7)


def test_the_cli_takes_the_year_and_the_profiles_reporting_date(tmp_path: Path) -> None:
    prof = tmp_path / "p.yaml"
    prof.write_text("name: КЦСОН\nreport_date: '01.10'\n", encoding="utf-8")
    args = ("plan", "-", "--format", "json", "--date", "2026-12-01")
    data = json.loads(run(*args, "--profile", str(prof), stdin=TEXT.encode()).stdout)
    assert data["year"] == 2027
    got = {m["id"]: m["due"] for it in data["items"] for m in it["measures"]}
    assert got["do_repair_works"] == "2027-09-30"
    data = json.loads(run(*args, "--year", "2026", stdin=TEXT.encode()).stdout)
    assert data["year"] == 2026


def test_a_bad_reporting_date_in_the_profile_is_a_clear_message(tmp_path: Path) -> None:
    prof = tmp_path / "p.yaml"
    prof.write_text("report_date: '31.09'\n", encoding="utf-8")
    r = run("plan", "-", "--profile", str(prof), stdin=b"x")
    assert r.returncode == 2
    assert "дата отчёта «31.09» должна быть днём года в виде ДД.ММ" in r.stderr
    assert "Traceback" not in r.stderr


def test_the_document_title_names_the_plan_year(engine: Engine) -> None:
    plan = engine.draft_plan(TEXT, date=date(2026, 12, 1))
    text = [p.text.replace("\xa0", " ") for p in docx.Document(io.BytesIO(render_document("docx", plan, engine.catalog))).paragraphs]
    assert "на 2027 год" in text


def test_the_api_takes_the_reporting_date_and_refuses_a_day_that_is_none() -> None:
    from fastapi.testclient import TestClient

    from nokrules.web.app import create_app

    with TestClient(create_app(Engine.load(None)), raise_server_exceptions=False) as client:
        body = {"text": TEXT, "date": "2026-12-01", "report_date": "01.10"}
        plan = client.post("/api/plan", json=body).json()
        assert plan["year"] == 2027
        got = {m["id"]: m["due_text"] for it in plan["items"] for m in it["measures"]}
        assert got["do_repair_works"] == "до 30.09.2027"
        r = client.post("/api/plan", json=body | {"report_date": "31.09"})
        assert r.status_code == 422
        assert "дата отчёта «31.09» должна быть днём года в виде ДД.ММ" in r.text


def test_a_plan_json_written_before_the_year_field_is_read_with_its_dates_year(engine: Engine) -> None:
    from nokrules.core.model import Plan

    data = json.loads(engine.draft_plan(TEXT, date=date(2026, 12, 1)).to_json())
    del data["year"]
    assert Plan.model_validate(data).year == 2027  # dated December 2026: a plan for 2027
    assert Plan.model_validate_json(json.dumps(data | {"date": "2027-06-15"})).year == 2027


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), days=st.integers(0, 800))
def test_the_planner_dues_equal_the_whole_plans_schedule(engine: Engine, data: st.DataObject, days: int) -> None:
    # the planner keeps the dues of `after`-ordered measures only and takes every other one's own due: the
    # same dues schedule_dues gives the whole plan
    cat = engine.catalog
    ordered = [m.id for m in cat.measures if m.after] + [p for m in cat.measures for p in m.after]
    pool = sorted(set(ordered)) + [m.id for m in cat.measures[:40]]
    ids = tuple(sorted(set(data.draw(st.lists(st.sampled_from(pool), max_size=25)))))
    schedule = Schedule.of(date(2026, 1, 1) + timedelta(days=days), cat.settings.horizon_months)
    whole = schedule_dues({i: (cat.measure(i).due, tuple(cat.measure(i).after)) for i in ids}, schedule)
    assert engine.planner._dues(ids, schedule) == whole
