"""Option parsing shared by the CLI commands."""

from __future__ import annotations

from datetime import date, datetime

from .errors import UsageError


def parse_date(value: str | None) -> date | None:
    """`--date`: ГГГГ-ММ-ДД or ДД.ММ.ГГГГ; None when not given."""
    if value is None:
        return None
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            pass
    raise UsageError(f"дата «{value}» не распознана: ожидалось ГГГГ-ММ-ДД (например, 2027-01-15) или ДД.ММ.ГГГГ")
