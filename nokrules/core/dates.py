"""Relative due dates (`+2 months`, `end_of_quarter`, `permanent`) → concrete working days of the plan year.

Plans must carry checkable dates, not «в течение года»; the catalog says how long a measure takes, the
plan date and year say from when. The rules, each in one place here:

- **plan year**: a plan dated in the last quarter (October–December) is next year's plan, unless the user
  names the year; dues count from the plan date or from 1 January of the plan year, whichever is later
  (`Schedule.start`), so a plan dated 1 December 2026 and one dated 1 January 2027 get the same dues;
- **horizon**: no due later than `horizon_months` after the start;
- **reporting date**: a region that files its report on a fixed day each year («01.10») gets every due
  before it: a due on or after the first such day at least MIN_LEAD_DAYS after the start moves to the last
  working day before it;
- **working days**: a due is «до» a date, so one that falls on a weekend or public holiday moves to the
  previous working day (the next one if that would reach back to the start), by the Russian production
  calendar of the `holidays` package (public holidays and the government's day-off transfers, including
  Saturdays made working days);
- **order**: a measure that must follow another (`after` in the catalog: works after the survey or the
  estimate) is due after it when both are in a plan (`schedule_dues`).
"""

from __future__ import annotations

import calendar
import graphlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays

from nokrules.core.model import DUE_RE

PERMANENT = "постоянно"
MIN_LEAD_DAYS = 30  # an end-of-period due closer than this to the start rolls to the next period
PLAN_YEARS = (2000, 2100)  # plan dates nokrules accepts: dues lie up to a horizon past them, far from date.max
NEXT_YEAR_FROM_MONTH = 10  # a plan dated from October on is a plan for the next year
QUARTER_SPECS = ("end_of_quarter", "end_of_next_quarter")


def plan_date_problem(d: date) -> str | None:
    """Why a plan date cannot be used (Russian), or None."""
    if PLAN_YEARS[0] <= d.year <= PLAN_YEARS[1]:
        return None
    return f"дата плана {d.isoformat()} вне допустимых лет {PLAN_YEARS[0]}–{PLAN_YEARS[1]}"


def plan_year(plan_date: date, year: int | None = None) -> int:
    """The year a plan is for: the one given, else the plan date's, or the next one for a plan dated in
    October–December (a plan drafted then is carried out next year)."""
    if year is not None:
        return year
    return plan_date.year + 1 if plan_date.month >= NEXT_YEAR_FROM_MONTH else plan_date.year


def parse_report_day(text: str) -> tuple[int, int]:
    """«01.10» → (10, 1): a day of the year as «ДД.ММ»; ValueError (Russian) if it is no such day.
    29 February is refused: it is not a day of every year."""
    try:
        day, month = (int(x) for x in text.strip().split("."))
        date(2027, month, day)  # a common year: 29.02 fails here
    except ValueError:
        raise ValueError(f"дата отчёта «{text}» должна быть днём года в виде ДД.ММ, например 01.10") from None
    return month, day


@dataclass(frozen=True)
class Schedule:
    """What the dues of one plan depend on besides the catalog."""

    plan_date: date
    year: int
    horizon_months: int
    report: tuple[int, int] | None = None  # (month, day) of the region's yearly reporting date

    @classmethod
    def of(cls, plan_date: date, horizon_months: int, year: int | None = None, report: str | None = None) -> Schedule:
        return cls(plan_date, plan_year(plan_date, year), horizon_months, parse_report_day(report) if report else None)

    @property
    def start(self) -> date:
        return max(self.plan_date, date(self.year, 1, 1))

    def report_date(self) -> date | None:
        """The reporting day the dues must precede: the first at least MIN_LEAD_DAYS after the start."""
        if self.report is None:
            return None
        month, day = self.report
        y = self.start.year
        while (date(y, month, day) - self.start).days < MIN_LEAD_DAYS:
            y += 1
        return date(y, month, day)

    def latest(self) -> date:
        """The latest day a due may fall on before it is moved to a working day."""
        last = add_months(self.start, self.horizon_months)
        report = self.report_date()
        return last if report is None else min(last, report - timedelta(days=1))


def add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


# ---------------------------------------------------------------- the production calendar


@lru_cache(maxsize=256)
def _days_off(year: int) -> frozenset[date]:
    """Weekends and public holidays of a year in Russia, less the Saturdays the government made working days.
    Fixed for a given version of `holidays`: the package is the single source of the calendar."""
    cal = holidays.country_holidays("RU", years=year)
    workdays = set(getattr(cal, "weekend_workdays", ()))
    first = date(year, 1, 1)
    days = (first + timedelta(days=k) for k in range(366 if calendar.isleap(year) else 365))
    return frozenset(d for d in days if (d.weekday() >= 5 or d in cal) and d not in workdays)


def is_working_day(d: date) -> bool:
    return d not in _days_off(d.year)


def working_day_before(d: date) -> date:
    """`d` if it is a working day, else the last working day before it."""
    while not is_working_day(d):
        d -= timedelta(days=1)
    return d


def working_day_after(d: date) -> date:
    """`d` if it is a working day, else the first working day after it."""
    while not is_working_day(d):
        d += timedelta(days=1)
    return d


def add_working_days(d: date, n: int) -> date:
    left = n
    while left:
        d += timedelta(days=1)
        if is_working_day(d):
            left -= 1
    return d


# ---------------------------------------------------------------- dues


def _nominal(spec: str, start: date) -> date | None:
    """The date a spec names from `start`, before the horizon, the reporting date and the calendar apply."""
    m = DUE_RE.match(spec)
    if not m:
        raise ValueError(spec)
    if spec == "permanent":
        return None
    if m.group("n"):
        n, unit = int(m.group("n")), m.group("unit").rstrip("s")
        if unit == "day":
            return start + timedelta(days=n)
        if unit == "week":
            return start + timedelta(weeks=n)
        if unit == "month":
            return add_months(start, n)
        return add_working_days(start, n)
    d = _period_end(spec, start)
    if (d - start).days < MIN_LEAD_DAYS:  # a plan dated 20 December is not due «до 31.12» of the same year
        d = _period_end(spec, d + timedelta(days=1))
    return d


def _on_working_day(d: date, start: date) -> date:
    """A «до» date on a working day: the previous one, or the next one if the previous reaches the start."""
    before = working_day_before(d)
    return before if before > start else working_day_after(d)


@lru_cache(maxsize=4096)
def due_date(spec: str, schedule: Schedule) -> date | None:
    """The working day a measure is due, or None for a permanent one."""
    d = _nominal(spec, schedule.start)
    if d is None:
        return None
    return _on_working_day(min(d, schedule.latest()), schedule.start)


def _due_after(spec: str, prerequisite: date, schedule: Schedule) -> date:
    """A dependent's due when its own falls on or before its prerequisite's: its own time counted from the
    prerequisite's due, within the same limits; if the limits leave no later day, the limit itself."""
    d = _nominal(spec, prerequisite) or schedule.latest()
    return _on_working_day(min(d, schedule.latest()), schedule.start)


def schedule_dues(measures: Mapping[str, tuple[str, tuple[str, ...]]], schedule: Schedule) -> dict[str, date | None]:
    """Dues of the measures of one plan, `id → (due spec, ids it comes after)`. A measure due on or before a
    prerequisite that is in the plan is moved after it; where the plan's last day leaves no room, the
    prerequisite moves before it instead. The catalog loader refuses cycles and permanent ends of `after`."""
    dues = {m: due_date(spec, schedule) for m, (spec, _) in measures.items()}
    deps = {m: ps for m, (_, after) in measures.items() if after and (ps := tuple(p for p in after if p in measures))}
    if not deps:  # most plans: nothing to order (a national run drafts 150,000 of them)
        return dues
    order = list(graphlib.TopologicalSorter(deps).static_order())
    for m in order:  # prerequisites first
        d = dues[m]
        for p in deps.get(m, ()):
            pd = dues[p]
            if d is not None and pd is not None and d <= pd:
                d = _due_after(measures[m][0], pd, schedule)
        dues[m] = d
    for m in reversed(order):  # dependents first: pull a prerequisite before a dependent held at the limit
        d = dues[m]
        for p in deps.get(m, ()):
            pd = dues[p]
            if d is not None and pd is not None and pd >= d:
                dues[p] = working_day_before(d - timedelta(days=1))
    return dues


def _period_end(spec: str, start: date) -> date:
    if spec == "end_of_month":
        return _end_of_month(start.year, start.month)
    if spec in QUARTER_SPECS:
        q_end_month = ((start.month - 1) // 3 + 1) * 3 + (3 if spec == "end_of_next_quarter" else 0)
        y, mo = start.year + (q_end_month - 1) // 12, (q_end_month - 1) % 12 + 1
        return _end_of_month(y, mo)
    if spec == "end_of_half_year":
        return date(start.year, 6, 30) if start.month <= 6 else date(start.year, 12, 31)
    return date(start.year, 12, 31)  # end_of_year


ROMAN = ("I", "II", "III", "IV")


def due_text(d: date | None, spec: str = "") -> str:
    """Russian plan style: «до 31.03.2027»; «I квартал 2027 г.» for a quarter due on the last working day
    of its quarter; «постоянно»."""
    if d is None:
        return PERMANENT
    quarter_end = _end_of_month(d.year, ((d.month - 1) // 3 + 1) * 3)
    if spec in QUARTER_SPECS and d == working_day_before(quarter_end):
        return f"{ROMAN[(d.month - 1) // 3]} квартал {d.year} г."
    return f"до {d:%d.%m.%Y}"
