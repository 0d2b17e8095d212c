"""Relative due dates (`+2 months`, `end_of_quarter`, `permanent`) → concrete dates from the plan date.

Plans must carry checkable dates, not «в течение года»; the catalog says how long a measure takes, the
plan date says from when, and no date goes past the plan horizon.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache

from nokrules.core.model import DUE_RE

PERMANENT = "постоянно"
MIN_LEAD_DAYS = 30  # an end-of-period due closer than this to the plan date rolls to the next period
PLAN_YEARS = (2000, 2100)  # plan dates nokrules accepts: dues lie up to a horizon past them, far from date.max


def plan_date_problem(d: date) -> str | None:
    """Why a plan date cannot be used (Russian), or None."""
    if PLAN_YEARS[0] <= d.year <= PLAN_YEARS[1]:
        return None
    return f"дата плана {d.isoformat()} вне допустимых лет {PLAN_YEARS[0]}–{PLAN_YEARS[1]}"


def add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@lru_cache(maxsize=4096)
def due_date(spec: str, start: date, horizon_months: int) -> date | None:
    """The date a measure is due, or None for a permanent one."""
    m = DUE_RE.match(spec)
    if not m:
        raise ValueError(spec)
    if spec == "permanent":
        return None
    if m.group("n"):
        n, unit = int(m.group("n")), m.group("unit").rstrip("s")
        if unit == "day":
            d = start + timedelta(days=n)
        elif unit == "week":
            d = start + timedelta(weeks=n)
        elif unit == "month":
            d = add_months(start, n)
        else:  # workday: Monday–Friday; public holidays are not known here
            d, left = start, n
            while left:
                d += timedelta(days=1)
                if d.weekday() < 5:
                    left -= 1
    else:
        d = _period_end(spec, start)
        if (d - start).days < MIN_LEAD_DAYS:  # a plan dated 20 December is not due «до 31.12» of the same year
            d = _period_end(spec, d + timedelta(days=1))
    return min(d, add_months(start, horizon_months))


def _period_end(spec: str, start: date) -> date:
    if spec == "end_of_month":
        return _end_of_month(start.year, start.month)
    if spec in ("end_of_quarter", "end_of_next_quarter"):
        q_end_month = ((start.month - 1) // 3 + 1) * 3 + (3 if spec == "end_of_next_quarter" else 0)
        y, mo = start.year + (q_end_month - 1) // 12, (q_end_month - 1) % 12 + 1
        return _end_of_month(y, mo)
    if spec == "end_of_half_year":
        return date(start.year, 6, 30) if start.month <= 6 else date(start.year, 12, 31)
    return date(start.year, 12, 31)  # end_of_year


ROMAN = ("I", "II", "III", "IV")


def due_text(d: date | None, spec: str = "") -> str:
    """Russian plan style: «до 31.03.2027», «IV квартал 2027 г.» for quarter dues, «постоянно»."""
    if d is None:
        return PERMANENT
    if spec in ("end_of_quarter", "end_of_next_quarter") and d.day == _end_of_month(d.year, d.month).day and d.month % 3 == 0:
        return f"{ROMAN[d.month // 3 - 1]} квартал {d.year} г."
    return f"до {d:%d.%m.%Y}"
