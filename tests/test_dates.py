"""Relative due dates → concrete working days of the plan year, by hand-computed calendar examples.

The calendar facts used (Russian production calendar): 2026 — 1–9 January, 23 February, 9 March, 1 and 11 May,
12 June, 4 November and 31 December are days off; 2027 — 1–8 January, 22–23 February, 8 March, 3 and 10 May,
14 June, 4–5 November and 31 December are days off, Saturday 20 February is a working day.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nokrules.core.dates import (
    Schedule,
    due_date,
    due_text,
    is_working_day,
    parse_report_day,
    plan_year,
    schedule_dues,
)
from nokrules.core.model import DUE_RE


def s(plan_date: date, year: int | None = None, report: str | None = None) -> Schedule:
    return Schedule.of(plan_date, 12, year, report)


@pytest.mark.parametrize(
    ("plan_date", "year"),
    [
        (date(2026, 9, 30), 2026),
        (date(2026, 10, 1), 2027),  # the last quarter: next year's plan
        (date(2026, 12, 1), 2027),
        (date(2026, 12, 31), 2027),
        (date(2027, 1, 1), 2027),
        (date(2027, 6, 15), 2027),
    ],
)
def test_plan_year(plan_date: date, year: int) -> None:
    assert plan_year(plan_date) == year


def test_an_explicit_year_wins() -> None:
    assert plan_year(date(2026, 12, 1), 2026) == 2026
    assert s(date(2026, 12, 1), 2026).start == date(2026, 12, 1)
    assert s(date(2026, 12, 1)).start == date(2027, 1, 1)


def test_the_production_calendar() -> None:
    assert not is_working_day(date(2026, 12, 31))  # Thursday, moved from 4 January
    assert not is_working_day(date(2027, 12, 31))  # Friday, moved from 3 January
    assert not is_working_day(date(2027, 1, 8))
    assert is_working_day(date(2027, 1, 11))
    assert is_working_day(date(2027, 2, 20))  # a working Saturday
    assert not is_working_day(date(2027, 2, 22))
    assert not is_working_day(date(2027, 5, 10))
    assert is_working_day(date(2027, 12, 30))


# A plan dated 1 December 2026 is a plan for 2027: dues count from 1 January 2027.
NEXT_YEAR = {
    "+10 days": date(2027, 1, 11),
    "+2 weeks": date(2027, 1, 15),
    "+1 month": date(2027, 2, 1),
    "+2 months": date(2027, 3, 1),
    "+10 workdays": date(2027, 1, 22),  # 11 January is the first working day, 22 January the tenth
    "end_of_month": date(2027, 1, 29),  # 31.01 is a Sunday
    "end_of_quarter": date(2027, 3, 31),
    "end_of_next_quarter": date(2027, 6, 30),
    "end_of_half_year": date(2027, 6, 30),
    "end_of_year": date(2027, 12, 30),  # 31.12.2027 is a day off
    "+18 months": date(2027, 12, 30),  # cut at the horizon 01.01.2028, a holiday; 31.12 too
    "permanent": None,
}


@pytest.mark.parametrize("plan_date", [date(2026, 12, 1), date(2026, 12, 31), date(2027, 1, 1)])
@pytest.mark.parametrize(("spec", "expected"), NEXT_YEAR.items())
def test_plans_dated_1_december_31_december_and_1_january_get_the_same_dues(
    plan_date: date, spec: str, expected: date | None
) -> None:
    assert due_date(spec, s(plan_date)) == expected


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("+10 days", date(2027, 6, 25)),
        ("+1 month", date(2027, 7, 15)),
        ("+10 workdays", date(2027, 6, 29)),
        ("end_of_month", date(2027, 7, 30)),  # 30.06 is 15 days away; 31.07 is a Saturday
        ("end_of_quarter", date(2027, 9, 30)),  # 30.06 is 15 days away: the next quarter
        ("end_of_next_quarter", date(2027, 9, 30)),
        ("end_of_half_year", date(2027, 12, 30)),
        ("end_of_year", date(2027, 12, 30)),
        ("+18 months", date(2028, 6, 15)),  # the horizon, a Thursday
    ],
)
def test_a_mid_year_plan(spec: str, expected: date) -> None:
    assert due_date(spec, s(date(2027, 6, 15))) == expected


def test_an_explicit_year_keeps_dues_in_the_plan_dates_year() -> None:
    sched = s(date(2026, 12, 1), 2026)
    assert due_date("end_of_year", sched) == date(2026, 12, 30)  # 30 days away: kept; 31.12.2026 is a day off
    assert due_date("+1 month", sched) == date(2026, 12, 30)  # 01.01.2027 and 31.12.2026 are days off


def test_a_due_never_falls_back_to_the_plan_date() -> None:
    # Friday 15 January + 1 day is a Saturday; the working day before is the plan date itself: Monday instead
    assert due_date("+1 day", s(date(2027, 1, 15))) == date(2027, 1, 18)


def test_workdays_follow_the_calendar() -> None:
    # Thursday 18.02.2027: Friday 19, Saturday 20 (working), then 22 and 23 February off: Wednesday 24
    assert due_date("+3 workdays", s(date(2027, 2, 18))) == date(2027, 2, 24)


def test_the_reporting_date_comes_before_every_due() -> None:
    sched = s(date(2026, 12, 1), report="01.10")
    assert sched.report_date() == date(2027, 10, 1)
    assert due_date("end_of_year", sched) == date(2027, 9, 30)
    assert due_date("end_of_next_quarter", sched) == date(2027, 6, 30)
    mid = s(date(2027, 6, 15), report="01.10")
    assert due_date("end_of_year", mid) == date(2027, 9, 30)
    assert due_date("+1 month", mid) == date(2027, 7, 15)
    # 11 days before the report: this year's is too close, the plan reports next year
    late = s(date(2027, 9, 20), report="01.10")
    assert late.report_date() == date(2028, 10, 1)
    assert due_date("end_of_year", late) == date(2027, 12, 30)
    # a reporting day that is itself followed by days off: the working day before it
    assert due_date("end_of_year", s(date(2027, 1, 15), report="01.05")) == date(2027, 4, 30)


def test_report_day_is_dd_mm() -> None:
    assert parse_report_day("01.10") == (10, 1)
    assert parse_report_day(" 15.12 ") == (12, 15)
    for bad in ("29.02", "31.04", "1 октября", "10/01", ""):
        with pytest.raises(ValueError, match="ДД.ММ"):
            parse_report_day(bad)


def test_due_text_is_russian_style() -> None:
    assert due_text(date(2027, 3, 31)) == "до 31.03.2027"
    assert due_text(None) == "постоянно"
    assert due_text(date(2027, 3, 31), "end_of_quarter") == "I квартал 2027 г."
    assert due_text(date(2027, 12, 30), "end_of_quarter") == "IV квартал 2027 г."  # 31.12.2027 is a day off
    assert due_text(date(2027, 6, 30), "end_of_next_quarter") == "II квартал 2027 г."
    assert due_text(date(2027, 5, 14), "end_of_quarter") == "до 14.05.2027"  # cut at the horizon: a date
    assert due_text(date(2027, 12, 30), "end_of_year") == "до 30.12.2027"


def test_works_come_after_the_survey_they_rest_on() -> None:
    sched = s(date(2026, 12, 1))
    dues = schedule_dues({"survey": ("+2 months", ()), "works": ("+2 months", ("survey",))}, sched)
    # the survey by 01.03.2027; the works take their two months from it: 01.05.2027 is a holiday (Saturday)
    assert dues == {"survey": date(2027, 3, 1), "works": date(2027, 4, 30)}
    ordered = schedule_dues({"survey": ("+2 months", ()), "works": ("end_of_quarter", ("survey",))}, sched)
    assert ordered == {"survey": date(2027, 3, 1), "works": date(2027, 3, 31)}  # already later: kept
    alone = schedule_dues({"works": ("+2 months", ("survey",))}, sched)
    assert alone == {"works": date(2027, 3, 1)}  # no survey in the plan: nothing to follow


def test_at_the_limit_the_prerequisite_moves_earlier() -> None:
    sched = s(date(2026, 12, 1), report="01.10")
    dues = schedule_dues({"survey": ("end_of_year", ()), "works": ("end_of_year", ("survey",))}, sched)
    assert dues == {"survey": date(2027, 9, 29), "works": date(2027, 9, 30)}


SPECS = [
    "+1 day",
    "+10 days",
    "+3 workdays",
    "+2 weeks",
    "+1 month",
    "+6 months",
    "+30 months",
    "end_of_month",
    "end_of_quarter",
    "end_of_next_quarter",
    "end_of_half_year",
    "end_of_year",
]


@given(
    st.dates(date(2026, 1, 1), date(2027, 12, 31)),
    st.sampled_from(SPECS),
    st.one_of(st.none(), st.sampled_from(["01.10", "15.12", "01.04", "01.02"])),
    st.one_of(st.none(), st.integers(2026, 2028)),
)
def test_every_due_is_a_working_day_after_the_start_and_within_the_limits(
    plan_date: date, spec: str, report: str | None, year: int | None
) -> None:
    assert DUE_RE.match(spec)
    sched = s(plan_date, year, report)
    d = due_date(spec, sched)
    assert d is not None
    assert is_working_day(d)
    assert d > sched.start
    first = sched.start + timedelta(days=1)
    while not is_working_day(first):
        first += timedelta(days=1)
    assert d <= sched.latest() or d == first
