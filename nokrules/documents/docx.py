"""Plan → DOCX in a form's layout: the document an institution signs and files.

Landscape A4, Times New Roman, 12 pt in the table; the «УТВЕРЖДАЮ» block, the title, the institution and
«на 20__ год»; the header rows (merged cells for split columns) repeat on every page, numbered columns
under them, rows never split across pages, section rows I–V, a visibly marked «мероприятие требует ручной
формулировки», page numbers in the footer. Same plan, same bytes.
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import cast

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from nokrules.core.model import Plan, ScoresBlock
from nokrules.core.printable import printable
from nokrules.documents import scores as scores_doc
from nokrules.documents.document import DocContext
from nokrules.documents.ooxml import fixed_zip, russian_times, times
from nokrules.documents.table import DataRow, SectionRow, build_table, header_rows

MANUAL_COLOUR = RGBColor(0x9C, 0x00, 0x06)  # dark red on white: contrast above 7:1
TABLE_PT = 12


def _flag(row: _Row, tag: str) -> None:
    """Set a row property: w:tblHeader (repeat on every page) or w:cantSplit (keep the row on one page)."""
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement(tag)
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _write(
    cell: _Cell,
    text: str,
    bold: bool = False,
    italic: bool = False,
    colour: RGBColor | None = None,
    align: WD_ALIGN_PARAGRAPH | None = None,
) -> None:
    """Cell text, one paragraph per line, in the table font size."""
    lines = printable(text).split("\n") if text else [""]
    first = cell.paragraphs[0]
    for k, line in enumerate(lines):
        p = first if k == 0 else cell.add_paragraph()
        p.paragraph_format.space_after = Pt(0)
        if align is not None:
            p.alignment = align
        run = p.add_run(line)
        run.font.size = Pt(TABLE_PT)
        run.bold, run.italic = bold, italic
        if colour is not None:
            run.font.color.rgb = colour


def _para(
    doc: DocxDocument,
    text: str,
    *,
    bold: bool = False,
    size: int = 12,
    align: WD_ALIGN_PARAGRAPH | None = None,
    italic: bool = False,
    after: int = 0,
) -> Paragraph:
    p = doc.add_paragraph()
    p.paragraph_format.space_after = Pt(after)
    if align is not None:
        p.alignment = align
    run = p.add_run(printable(text))
    run.bold, run.italic = bold, italic
    run.font.size = Pt(size)
    return p


def _page_number(doc: DocxDocument) -> None:
    """A PAGE field centred in the footer."""
    p = doc.sections[0].footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run()
    for tag, attrs in (("w:fldChar", {"w:fldCharType": "begin"}), ("w:instrText", {}), ("w:fldChar", {"w:fldCharType": "end"})):
        el = OxmlElement(tag)
        for k, v in attrs.items():
            el.set(qn(k), v)
        if tag == "w:instrText":
            el.set(qn("xml:space"), "preserve")
            el.text = " PAGE "
        run._r.append(el)


def _setup(doc: DocxDocument, plan: Plan) -> None:
    russian_times(doc)
    normal = cast(ParagraphStyle, doc.styles["Normal"])
    normal.font.size = Pt(12)
    times(normal.element.get_or_add_rPr(), black=True)
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Mm(297), Mm(210)
    sec.left_margin, sec.right_margin, sec.top_margin, sec.bottom_margin = Mm(15), Mm(15), Mm(15), Mm(15)
    cp = doc.core_properties
    cp.created = cp.modified = datetime(plan.date.year, plan.date.month, plan.date.day)
    cp.author = cp.last_modified_by = "nokrules"
    cp.revision = 1
    cp.title = "План по устранению недостатков, выявленных в ходе НОК"
    cp.version = plan.catalog_version


def _scores_appendix(doc: DocxDocument, block: ScoresBlock) -> None:
    """The appendix on a new page: criteria with their indicators (value and points), the total, and the
    checklist items at 0 — the same rows the Markdown and the page show."""
    doc.add_page_break()  # type: ignore[no-untyped-call]
    _para(doc, f"Приложение. {scores_doc.TITLE}", bold=True, size=13, align=WD_ALIGN_PARAGRAPH.CENTER, after=6)
    rows = scores_doc.score_rows(block)
    widths = (1.6, 15.0, 3.2, 2.2, 4.7)
    table = doc.add_table(rows=1 + len(rows), cols=len(widths))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for k, w in enumerate(widths):
        table.columns[k].width = Cm(w)
        for cell in table.columns[k].cells:
            cell.width = Cm(w)
    for k, head in enumerate(("№", "Показатель", "Значение", "Баллы", "Примечание")):
        _write(table.rows[0].cells[k], head, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _flag(table.rows[0], "w:tblHeader")
    for r, row in zip(rows, table.rows[1:], strict=True):
        _flag(row, "w:cantSplit")
        for k, text in enumerate((r.number, r.title, r.value, r.points, r.note)):
            _write(row.cells[k], text, bold=r.strong, align=WD_ALIGN_PARAGRAPH.CENTER if k in (0, 3) else None)
    if block.missing:
        _para(doc, "")
        _para(doc, scores_doc.MISSING_TITLE, bold=True, after=4)
        for m in block.missing:
            _para(doc, f"— {scores_doc.missing_text(m)}", size=11)


def _header(table: Table, ctx: DocContext) -> int:
    """Header rows (merged cells for split columns) and the row of column numbers; returns rows used."""
    top, second = header_rows(ctx.layout)
    n_rows = 2 if second else 1
    col = 0
    for column, colspan, rowspan in top:
        cell = table.cell(0, col)
        if colspan > 1 or rowspan > 1:
            cell = cell.merge(table.cell(rowspan - 1, col + colspan - 1))
        _write(cell, column.title, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        col += colspan
    if second:
        leaves = ctx.layout.leaves()
        for column in second:
            _write(table.cell(1, leaves.index(column)), column.title, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    if ctx.layout.number_columns:
        for k in range(len(ctx.layout.leaves())):
            _write(table.cell(n_rows, k), str(k + 1), align=WD_ALIGN_PARAGRAPH.CENTER)
        n_rows += 1
    for r in range(n_rows):
        _flag(table.rows[r], "w:tblHeader")
    return n_rows


def render(plan: Plan, ctx: DocContext) -> bytes:
    layout = ctx.layout
    doc = docx.Document()
    _setup(doc, plan)
    if layout.approval:
        for line in ctx.approval_lines():
            p = _para(doc, line, bold=line == ctx.approval_lines()[0])
            p.paragraph_format.left_indent = Cm(17)  # the block sits at the right, its lines left-aligned
        if ctx.founder:
            _para(doc, ctx.founder, italic=True, size=10, align=WD_ALIGN_PARAGRAPH.RIGHT)
        _para(doc, "")
    _para(doc, layout.title, bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
    if layout.subtitle:
        _para(doc, layout.subtitle, bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
    name = plan.institution.name
    inst = _para(doc, name or "_" * 80, align=WD_ALIGN_PARAGRAPH.CENTER, size=13)
    if name:
        inst.runs[0].underline = True
    _para(doc, layout.institution_caption, size=9, align=WD_ALIGN_PARAGRAPH.CENTER, italic=True)
    if layout.year_line:
        _para(doc, ctx.year_line(), align=WD_ALIGN_PARAGRAPH.CENTER, after=8)

    rows = build_table(plan, layout, ctx.indicator_titles)
    leaves = layout.leaves()
    head_rows = (2 if any(c.children for c in layout.columns) else 1) + (1 if layout.number_columns else 0)
    table = doc.add_table(rows=head_rows + len(rows), cols=len(leaves))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    scale = min(1.0, 26.7 / sum(leaf.width for leaf in leaves))  # fit the landscape text width (29.7 − 3 cm)
    for k, leaf in enumerate(leaves):
        table.columns[k].width = Cm(leaf.width * scale)  # w:gridCol, which LibreOffice and Word lay out by
        for cell in table.columns[k].cells:
            cell.width = Cm(leaf.width * scale)
    used = _header(table, ctx)
    for k, row in enumerate(rows):
        tr = table.rows[used + k]
        _flag(tr, "w:cantSplit")
        if isinstance(row, SectionRow):
            cell = tr.cells[0].merge(tr.cells[len(leaves) - 1])
            _write(cell, row.title, bold=True)
            continue
        assert isinstance(row, DataRow)
        for j, (leaf, text) in enumerate(zip(leaves, row.cells, strict=True)):
            manual = row.manual and leaf.field == "measure"
            _write(
                tr.cells[j],
                text,
                bold=manual,
                italic=row.note,
                colour=MANUAL_COLOUR if manual else None,
                align=WD_ALIGN_PARAGRAPH.CENTER if leaf.field in ("number", "due") else None,
            )
    if layout.footnote:
        _para(doc, "")
        _para(doc, layout.footnote, size=10, italic=True)
    if ctx.appendix and plan.scores is not None:
        _scores_appendix(doc, plan.scores)
    _page_number(doc)
    buf = io.BytesIO()
    doc.save(buf)
    return fixed_zip(buf.getvalue(), plan.date)
