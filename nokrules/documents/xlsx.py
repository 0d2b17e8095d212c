"""Plan → XLSX in the chosen form: the sheet «План» is the document an institution files, laid out as the
Word one (approval block, title, institution, «на 20__ год», the form's columns with their Russian titles,
sections I–V, «Прочие недостатки»), drawn from the same table model (`table.build_table`) as Word and HTML.
The sheet «Данные» is for those who pivot plans: a flat row per measure per finding, with the ids of
deficiencies, measures, roles and rules.

On screen and on paper: A4 landscape fitted to the page width, the header rows repeated on every page,
text wrapped, each row as high as its text needs (estimated from the text length and the column width:
Excel and LibreOffice keep a stored height, so it must be enough), page numbers in the footer.
Same plan, same bytes: the document properties are stamped with the plan date and the zip is re-packed
with fixed timestamps.
"""

from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.writer.excel import ExcelWriter  # type: ignore[import-untyped]

from nokrules.core.constants import NO_DEFICIENCY
from nokrules.core.model import Plan, PlanItem, PlanMeasure, Unrecognized
from nokrules.core.printable import printable
from nokrules.documents.cells import formula_like
from nokrules.documents.document import DocContext
from nokrules.documents.ooxml import fixed_zip
from nokrules.documents.table import GROUP_FIELDS, DataRow, SectionRow, build_table, header_rows

SHEET = "План"
DATA_SHEET = "Данные"
CREATOR = "nokrules"
DATE_FORMAT = "dd.mm.yyyy"
YES, NO = "да", "нет"
FONT = "Times New Roman"
TABLE_PT = 11
CHARS_PER_CM = 5.0  # Excel column width units (the width of «0» in the default font) per centimetre of the form
LINE_PT = 13.5  # one line of 11 pt Times New Roman, with its leading
ROW_PAD_PT = 6.0
MAX_ROW_PT = 409.0  # Excel's limit for one row
FILL_FACTOR = 1.15  # characters of 11 pt Times New Roman per width unit, wrapped words filling a line

# «Данные»: (header, width in characters)
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
MANUAL_FONT = Font(name=FONT, size=TABLE_PT, bold=True, color="9C0006")  # dark red on light yellow: contrast above 7:1
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


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


def lines_needed(text: str, width_chars: float) -> int:
    """How many lines `text` takes wrapped in a column `width_chars` wide: each paragraph at least one."""
    per_line = max(1, int(width_chars * FILL_FACTOR))
    return sum(max(1, math.ceil(len(par) / per_line)) for par in (text.split("\n") if text else [""]))


def row_height(texts: Sequence[tuple[str, float]]) -> float:
    """Points for a row of (text, column width in characters) cells: its tallest cell, within Excel's limit."""
    lines = max((lines_needed(t, w) for t, w in texts), default=1)
    return min(MAX_ROW_PT, lines * LINE_PT + ROW_PAD_PT)


# ---------------------------------------------------------------- the form («План»)


class _Form:
    """Writes the sheet «План» row by row."""

    def __init__(self, ws: Any, ctx: DocContext):
        self.ws = ws
        self.ctx = ctx
        self.leaves = ctx.layout.leaves()
        self.widths = [leaf.width * CHARS_PER_CM for leaf in self.leaves]
        self.n = len(self.leaves)
        self.row = 1
        for k, w in enumerate(self.widths, start=1):
            ws.column_dimensions[get_column_letter(k)].width = w

    def line(
        self,
        text: str,
        *,
        first: int = 1,
        bold: bool = False,
        italic: bool = False,
        size: int = 12,
        align: str = "center",
        underline: bool = False,
    ) -> None:
        """A line of text across columns `first`..last (merged), as high as it wraps."""
        ws, r = self.ws, self.row
        cell = _cell(ws, r, first, text)
        cell.font = Font(name=FONT, size=size, bold=bold, italic=italic, underline="single" if underline else None)
        cell.alignment = Alignment(horizontal=align, vertical="top", wrap_text=True)
        if first < self.n:
            ws.merge_cells(start_row=r, start_column=first, end_row=r, end_column=self.n)
        width = sum(self.widths[first - 1 :])
        ws.row_dimensions[r].height = row_height([(text, width * TABLE_PT / size)])
        self.row += 1

    def header(self) -> tuple[int, int]:
        """The header rows (merged cells for split columns) and the row of column numbers: (first, last)."""
        ws, layout = self.ws, self.ctx.layout
        top, second = header_rows(layout)
        first = self.row
        n_rows = 2 if second else 1
        col = 1
        bold = Font(name=FONT, size=TABLE_PT, bold=True)
        centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
        heights = [0.0] * n_rows
        for column, colspan, rowspan in top:
            cell = _cell(ws, first, col, column.title)
            cell.font, cell.alignment = bold, centre
            if colspan > 1 or rowspan > 1:
                ws.merge_cells(start_row=first, start_column=col, end_row=first + rowspan - 1, end_column=col + colspan - 1)
            width = sum(self.widths[col - 1 : col - 1 + colspan])
            heights[0] = max(heights[0], row_height([(column.title, width)]) / rowspan)
            col += colspan
        if second:
            for column in second:
                k = self.leaves.index(column) + 1
                cell = _cell(ws, first + 1, k, column.title)
                cell.font, cell.alignment = bold, centre
                heights[1] = max(heights[1], row_height([(column.title, self.widths[k - 1])]))
        for j, h in enumerate(heights):
            ws.row_dimensions[first + j].height = max(h, LINE_PT + ROW_PAD_PT)
        if layout.number_columns:
            for k in range(1, self.n + 1):
                cell = _cell(ws, first + n_rows, k, str(k))
                cell.font, cell.alignment = Font(name=FONT, size=TABLE_PT), centre
            n_rows += 1
        for r in range(first, first + n_rows):
            for k in range(1, self.n + 1):
                ws.cell(row=r, column=k).border = BOX
        self.row += n_rows
        return first, self.row - 1

    def body(self, plan: Plan) -> None:
        """Section rows across the table, data rows; a finding group's cells span its measure rows, and the
        rows of a group together are as high as its findings need."""
        ws = self.ws
        group: tuple[int, int, float] | None = None  # (first row, last row, height the group cells need)
        for row in build_table(plan, self.ctx.layout, self.ctx.indicator_titles):
            r = self.row
            if isinstance(row, SectionRow):
                cell = _cell(ws, r, 1, row.title)
                cell.font = Font(name=FONT, size=TABLE_PT, bold=True)
                cell.alignment = Alignment(vertical="top", wrap_text=True)
                for k in range(1, self.n + 1):
                    ws.cell(row=r, column=k).border = BOX
                ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=self.n)
                ws.row_dimensions[r].height = row_height([(row.title, sum(self.widths))])
                self.row += 1
                continue
            assert isinstance(row, DataRow)
            own: list[tuple[str, float]] = []
            spanned: list[tuple[str, float]] = []
            for k, (leaf, text) in enumerate(zip(self.leaves, row.cells, strict=True), start=1):
                grouped = leaf.field in GROUP_FIELDS and row.span != 1
                cell = ws.cell(row=r, column=k) if grouped and row.span == 0 else _cell(ws, r, k, text)
                cell.border = BOX
                if grouped and row.span == 0:
                    continue  # covered by the group's cell above
                manual = row.manual and leaf.field == "measure"
                cell.font = MANUAL_FONT if manual else Font(name=FONT, size=TABLE_PT, italic=row.note)
                if manual:
                    cell.fill = MANUAL_FILL
                centred = leaf.field in ("number", "due")
                cell.alignment = Alignment(horizontal="center" if centred else "left", vertical="top", wrap_text=True)
                if grouped:
                    ws.merge_cells(start_row=r, start_column=k, end_row=r + row.span - 1, end_column=k)
                    spanned.append((text, self.widths[k - 1]))
                else:
                    own.append((text, self.widths[k - 1]))
            ws.row_dimensions[r].height = row_height(own)
            if spanned:
                group = (r, r + row.span - 1, row_height(spanned))
            if group is not None and r == group[1]:
                first, last, need = group
                have = sum(ws.row_dimensions[x].height for x in range(first, last + 1))
                if have < need:
                    ws.row_dimensions[last].height = min(MAX_ROW_PT, ws.row_dimensions[last].height + need - have)
                group = None
            self.row += 1


def _form_sheet(ws: Any, plan: Plan, ctx: DocContext) -> None:
    layout = ctx.layout
    form = _Form(ws, ctx)
    if layout.approval:
        first = max(1, form.n - 1)  # the block sits at the right, over the last two columns
        for k, line in enumerate(ctx.approval_lines()):
            form.line(line, first=first, bold=k == 0, align="left")
        if ctx.founder:
            form.line(ctx.founder, first=first, size=11, align="left")
        form.row += 1
    form.line(layout.title, bold=True, size=14)
    if layout.subtitle:
        form.line(layout.subtitle, bold=True, size=14)
    name = plan.institution.name
    form.line(name or "_" * 80, size=13, underline=bool(name))
    form.line(layout.institution_caption, size=9, italic=True)
    if layout.year_line:
        form.line(ctx.year_line())
    form.row += 1
    first, last = form.header()
    form.body(plan)
    if layout.footnote:
        form.row += 1
        form.line(layout.footnote, size=10, italic=True, align="left")
    ws.print_title_rows = f"{first}:{last}"
    _page_setup(ws)
    ws.oddFooter.center.text = "&P"
    ws.oddFooter.center.font = FONT
    ws.sheet_view.showGridLines = False


def _page_setup(ws: Any) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.6
    ws.page_margins.top = ws.page_margins.bottom = 0.6


# ---------------------------------------------------------------- the data («Данные»)


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
    """The rows of «Данные» (without the header), each a list of cell values in COLUMNS order."""
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


def _data_sheet(ws: Any, data: Sequence[Sequence[Any]]) -> None:
    bold = Font(bold=True)
    header_align = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for col, (title, width) in enumerate(COLUMNS, start=1):
        cell = _cell(ws, 1, col, title)
        cell.font, cell.alignment = bold, header_align
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[1].height = row_height([(t, w) for t, w in COLUMNS])
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
                cell.font, cell.fill = Font(bold=True, color="9C0006"), MANUAL_FILL
        texts = [(v if isinstance(v, str) else "", w) for v, (_, w) in zip(values, COLUMNS, strict=True)]
        ws.row_dimensions[r].height = row_height(texts)
    last = get_column_letter(len(COLUMNS))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{last}{len(data) + 1}"
    ws.print_title_rows = "1:1"
    _page_setup(ws)


def render(plan: Plan, ctx: DocContext) -> bytes:
    wb = Workbook()
    form = wb.active
    form.title = SHEET
    _form_sheet(form, plan, ctx)
    _data_sheet(wb.create_sheet(DATA_SHEET), rows(plan, ctx))
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
