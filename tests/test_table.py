"""The rows every view draws (documents.table): a finding group's measures are consecutive and its
finding cell spans them. Expectations from tests/fixtures/mini by hand."""

from __future__ import annotations

from datetime import date

from nokrules import Engine
from nokrules.core.model import PlanRow
from nokrules.documents.layout import load_layout
from nokrules.documents.table import DataRow, SectionRow, build_table


def test_one_finding_cell_per_group_spanning_its_measures(mini: Engine) -> None:
    text = "укомплектована кадрами на 40%\nнет порядка подачи жалоб на сайте\nнет пандуса"
    plan = mini.draft_plan(text, "ГБУ", kind="kcson", date=date(2027, 1, 15))
    rows = build_table(plan, load_layout("pp457"))
    data = [(r.cells[0], r.cells[1], r.span) for r in rows if isinstance(r, DataRow) and isinstance(r.source, PlanRow)]
    assert data == [
        ("нет порядка подачи жалоб на сайте", "Разместить на официальном сайте организации порядок подачи жалоб", 1),
        ("нет пандуса", "Установить кнопку вызова персонала", 1),  # ramp-home-kcson replaces the ramp
        ("укомплектована кадрами на 40%", "Срочно укомплектовать штат", 2),
        ("укомплектована кадрами на 40%", "Ежеквартально анализировать укомплектованность", 0),
    ]
    # every span covers rows of one section, and each group row is counted by exactly one span
    covered = 0
    for r in rows:
        if isinstance(r, SectionRow):
            assert covered == 0
        elif r.span:
            assert covered == 0
            covered = r.span - 1
        else:
            covered -= 1
    assert covered == 0
