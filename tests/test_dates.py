"""Relative due dates → concrete dates, by hand-computed calendar examples."""

from __future__ import annotations

from datetime import date

import pytest

from nokrules.core.dates import due_date, due_text

D = date(2027, 1, 15)


@pytest.mark.parametrize(
    ("spec", "start", "expected"),
    [
        ("+10 days", D, date(2027, 1, 25)),
        ("+2 weeks", D, date(2027, 1, 29)),
        ("+1 month", D, date(2027, 2, 15)),
        ("+1 month", date(2027, 1, 31), date(2027, 2, 28)),
        ("+2 months", date(2027, 12, 20), date(2028, 2, 20)),
        ("+10 workdays", date(2027, 1, 15), date(2027, 1, 29)),  # Fri 15 → Fri 29
        ("+1 workday", date(2027, 1, 16), date(2027, 1, 18)),  # Sat → Mon
        ("end_of_month", D, date(2027, 2, 28)),  # 31.01 is 16 days away: next month
        ("end_of_month", date(2027, 1, 1), date(2027, 1, 31)),
        ("end_of_quarter", D, date(2027, 3, 31)),
        ("end_of_quarter", date(2027, 3, 10), date(2027, 6, 30)),
        ("end_of_next_quarter", D, date(2027, 6, 30)),
        ("end_of_next_quarter", date(2027, 11, 2), date(2028, 3, 31)),
        ("end_of_half_year", D, date(2027, 6, 30)),
        ("end_of_half_year", date(2027, 7, 1), date(2027, 12, 31)),
        ("end_of_year", D, date(2027, 12, 31)),
        ("end_of_year", date(2027, 12, 20), date(2028, 12, 20)),  # next year's end, cut at the 12-month horizon
        ("+18 months", D, date(2028, 1, 15)),  # cut at the horizon
        ("permanent", D, None),
    ],
)
def test_due_date(spec: str, start: date, expected: date | None) -> None:
    assert due_date(spec, start, 12) == expected


def test_due_text_is_russian_style() -> None:
    assert due_text(date(2027, 3, 31)) == "до 31.03.2027"
    assert due_text(None) == "постоянно"
    assert due_text(date(2027, 12, 31), "end_of_quarter") == "IV квартал 2027 г."
    assert due_text(date(2027, 6, 30), "end_of_next_quarter") == "II квартал 2027 г."
    assert due_text(date(2027, 5, 15), "end_of_quarter") == "до 15.05.2027"  # cut at the horizon: a date, not a quarter
