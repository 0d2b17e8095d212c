"""Plan → XLSX for ministries that collect plans in Excel: one flat sheet «План», one row per measure per
finding it answers, so a ministry can filter and pivot plans of many institutions in one workbook.

Rows follow `plan.items` (one per finding × deficiency) and each of its measures; a finding without a
measure and every unrecognised finding get a row saying «мероприятие требует ручной формулировки» with
«Ручная формулировка» = «да». Deadlines are real Excel dates (empty for «постоянно»). Same plan, same bytes:
the document properties are stamped with the plan date and the zip is re-packed with fixed timestamps.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.writer.excel import ExcelWriter  # type: ignore[import-untyped]

from nokrules.core.constants import NO_DEFICIENCY
from nokrules.core.model import Plan, PlanItem, PlanMeasure, Unrecognized
from nokrules.core.printable import printable
from nokrules.documents.cells import formula_like
from nokrules.documents.document import DocContext
from nokrules.documents.ooxml import fixed_zip

SHEET = "План"
CREATOR = "nokrules"
DATE_FORMAT = "dd.mm.yyyy"
YES, NO = "да", "нет"

# (header, width in characters)
COLUMNS: list[tuple[str, float]] = [
    ("Организация", 30),
    ("Вид организации", 26),
    ("Дата плана", 12),
    ("Раздел", 30),
    ("Показатель", 11),
    ("Строка ввода", 9),
    ("Недостаток (текст находки)", 45),
    ("Код недостатка", 24),
    ("Недостаток по каталогу", 34),
    ("Код мероприятия", 26),
    ("Мероприятие", 50),
    ("Срок (дата)", 12),
    ("Срок (текст)", 15),
    ("Ответственный", 32),
    ("Роль", 20),
    ("Ожидаемый результат", 34),
    ("Основание", 24),
    ("Правило", 18),
    ("Обоснование правила", 30),
    ("Ручная формулировка", 13),
    ("Версия каталога", 10),
]
HEADERS = [h for h, _ in COLUMNS]
DATE_COLUMNS = {HEADERS.index("Дата плана") + 1, HEADERS.index("Срок (дата)") + 1}
CENTRED = {
    HEADERS.index(h) + 1
    for h in ("Дата плана", "Показатель", "Строка ввода", "Срок (дата)", "Ручная формулировка", "Версия каталога")
}
MANUAL_FILL = PatternFill("solid", start_color="FFF2CC", end_color="FFF2CC")
MANUAL_FONT = Font(bold=True, color="9C0006")  # dark red on light yellow: contrast above 7:1


def _due_date(m: PlanMeasure) -> date | None:
    try:
        return date.fromisoformat(m.due)
    except ValueError:  # «постоянно»
        return None


def _common(plan: Plan) -> dict[str, Any]:
    inst = plan.institution
    return {
        "Организация": inst.name,
        "Вид организации": inst.kind_title or inst.kind or "",
        "Дата плана": plan.date,
        "Версия каталога": plan.catalog_version,
    }


def _item_rows(plan: Plan, item: PlanItem, sections: dict[str, str], manual_text: str) -> list[dict[str, Any]]:
    d = item.deficiency
    base = _common(plan) | {
        "Раздел": sections.get(d.section, d.section),
        "Показатель": d.indicator,
        "Строка ввода": item.finding.line,
        "Недостаток (текст находки)": item.finding.text,
        "Код недостатка": d.id,
        "Недостаток по каталогу": d.title,
    }
    if not item.measures:
        return [base | {"Мероприятие": manual_text, "Ручная формулировка": YES}]
    return [
        base
        | {
            "Код мероприятия": m.id,
            "Мероприятие": m.text,
            "Срок (дата)": _due_date(m),
            "Срок (текст)": m.due_text,
            "Ответственный": m.responsible,
            "Роль": m.responsible_role,
            "Ожидаемый результат": m.result,
            "Основание": m.basis or "",
            "Правило": m.rule,
            "Обоснование правила": m.because,
            "Ручная формулировка": NO,
        }
        for m in item.measures
    ]


def _unrecognized_row(plan: Plan, u: Unrecognized, section: str, manual_text: str) -> dict[str, Any]:
    return _common(plan) | {
        "Раздел": section,
        "Строка ввода": u.line,
        "Недостаток (текст находки)": u.text,
        "Мероприятие": manual_text,
        "Ручная формулировка": YES,
    }


def rows(plan: Plan, ctx: DocContext) -> list[list[Any]]:
    """The data rows (without the header), each a list of cell values in COLUMNS order."""
    sections: dict[str, str] = {s.section: f"{s.section}. {s.short}" for s in plan.sections}
    manual = ctx.layout.manual_text
    records: list[dict[str, Any]] = []
    for item in plan.items:
        records += _item_rows(plan, item, sections, manual)
    records += [_unrecognized_row(plan, u, ctx.layout.other_section, manual) for u in plan.unrecognized]
    records += [
        _common(plan) | {"Раздел": NO_DEFICIENCY, "Строка ввода": f.line, "Недостаток (текст находки)": f.text}
        for f in plan.no_deficiency
    ]
    return [[r.get(h) for h in HEADERS] for r in records]


def _cell(ws: Any, row: int, col: int, value: Any) -> Any:
    """Write one cell: text made printable, and a text that looks like a formula kept as text."""
    if not isinstance(value, str):
        return ws.cell(row=row, column=col, value=value)
    text = printable(value)
    cell = ws.cell(row=row, column=col, value=text)
    if formula_like(text):
        cell.data_type = "s"  # openpyxl took it for a formula on assignment
        cell.quotePrefix = True
    return cell


def _fill(ws: Any, data: Sequence[Sequence[Any]]) -> None:
    bold = Font(bold=True)
    header_align = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for col, (title, width) in enumerate(COLUMNS, start=1):
        cell = _cell(ws, 1, col, title)
        cell.font, cell.alignment = bold, header_align
        ws.column_dimensions[get_column_letter(col)].width = width
    manual_col = HEADERS.index("Мероприятие") + 1
    flag_col = HEADERS.index("Ручная формулировка") + 1
    for r, values in enumerate(data, start=2):
        manual = values[flag_col - 1] == YES
        for col, value in enumerate(values, start=1):
            cell = _cell(ws, r, col, value)
            cell.alignment = Alignment(vertical="top", wrap_text=True, horizontal="center" if col in CENTRED else None)
            if col in DATE_COLUMNS:
                cell.number_format = DATE_FORMAT
            if manual and col in (manual_col, flag_col):
                cell.font, cell.fill = MANUAL_FONT, MANUAL_FILL
    last = get_column_letter(len(COLUMNS))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{last}{len(data) + 1}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def render(plan: Plan, ctx: DocContext) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    _fill(ws, rows(plan, ctx))
    stamp = datetime(plan.date.year, plan.date.month, plan.date.day)
    props = wb.properties
    props.creator = props.lastModifiedBy = CREATOR
    props.created = props.modified = stamp
    props.title = "План по устранению недостатков, выявленных в ходе НОК"
    props.version = plan.catalog_version
    buf = io.BytesIO()
    # ExcelWriter directly: openpyxl's save_workbook stamps `modified` with the current time.
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).save()
    return fixed_zip(buf.getvalue(), plan.date)
