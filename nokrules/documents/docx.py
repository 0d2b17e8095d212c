"""Plan → DOCX in a form's layout: the document an institution signs and files.

Landscape A4, Times New Roman, 11 pt in the table (10 pt in its header); the «УТВЕРЖДАЮ» block, the founder, the title, the
institution and «на 20__ год»; the header rows (merged cells for split columns) repeat on every page,
numbered columns under them, section rows I–V kept with their first row, one findings cell per finding
group spanning its measure rows (each finding a paragraph), a visibly marked «мероприятие требует ручной
формулировки», page numbers in the footer. A row that fits a page stays whole; a taller one breaks across
pages, so no text is ever cut off. Same plan, same bytes.
"""

from __future__ import annotations

import io
import re
from datetime import datetime
from html import escape
from typing import cast

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
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
from nokrules.documents.table import GROUP_FIELDS, DataRow, SectionRow, build_table, header_rows
from nokrules.documents.typography import typeset

MANUAL_COLOUR = RGBColor(0x9C, 0x00, 0x06)  # dark red on white: contrast above 7:1
TABLE_PT = 11  # the table: long measures at 11 pt keep a 4-finding plan on two pages
HEAD_PT = 9  # the header rows, repeated on every page


CM_PER_CHAR = 0.21  # Times New Roman 11 pt: an average Cyrillic letter is ~0.19 cm; more is the safe side
CM_PER_LINE = 0.45  # single spacing at 11 pt
CELL_PADDING = 0.38  # Table Grid: 0.19 cm each side
PAGE_BODY = 21.0 - 2.4 - 1.2  # landscape A4 height less the margins and the footer with the page number
WHOLE = 0.6  # a row is kept on one page only when its estimate is under this share of the room under the header
FINDING_GAP = 4  # pt between the findings of one merged cell


def _flag(row: _Row, tag: str) -> None:
    """Set a row property: w:tblHeader (repeat on every page) or w:cantSplit (keep the row on one page)."""
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement(tag)
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _height(text: str, width_cm: float) -> float:
    """A generous estimate of a cell's height in cm: wrapped lines of its paragraphs at 12 pt."""
    per_line = max(1, int((width_cm - CELL_PADDING) / CM_PER_CHAR))
    lines = sum(max(1, -(-len(line) // per_line)) for line in (text.split("\n") if text else [""]))
    return lines * CM_PER_LINE + 0.1


def _keep_with_next(row: _Row) -> None:
    """Keep-with-next on every paragraph of a row: Word and LibreOffice then keep it with the next row."""
    for cell in row.cells:
        for p in cell.paragraphs:
            p.paragraph_format.keep_with_next = True


def _fits(line: str, width_cm: float, size: int, bold: bool) -> bool:
    """Whether the longest word of a line (words joined by non-breaking spaces count as one) surely fits
    the column: a generous 0.2 cm per letter at 11 pt, a tenth more in bold."""
    longest = max((len(w) for w in re.split(r"[ \t]+", line)), default=0)
    return longest * 0.2 * size / 11 * (1.1 if bold else 1.0) <= width_cm - CELL_PADDING


def _hyphenate(p: Paragraph, allowed: bool) -> None:
    """Automatic hyphenation is on for the document (w:autoHyphenation) and off in every paragraph whose
    words all fit their column: only a word too long for it is broken, by the Russian rules, with a hyphen."""
    if not allowed:
        p.paragraph_format.element.get_or_add_pPr().append(OxmlElement("w:suppressAutoHyphens"))


def _write(
    cell: _Cell,
    text: str,
    width_cm: float,
    bold: bool = False,
    italic: bool = False,
    colour: RGBColor | None = None,
    align: WD_ALIGN_PARAGRAPH | None = None,
    gap: int = 0,
    size: int = TABLE_PT,
) -> None:
    """Cell text, one paragraph per line, in the table font size; `gap` pt between the paragraphs."""
    lines = typeset(printable(text)).split("\n") if text else [""]
    first = cell.paragraphs[0]
    for k, line in enumerate(lines):
        p = first if k == 0 else cell.add_paragraph()
        p.paragraph_format.space_after = Pt(gap if k < len(lines) - 1 else 0)
        if align is not None:
            p.alignment = align
        _hyphenate(p, not _fits(line, width_cm, size, bold))
        run = p.add_run(line)
        run.font.size = Pt(size)
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
    _hyphenate(p, False)
    if align is not None:
        p.alignment = align
    run = p.add_run(typeset(printable(text)))
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


def _setup(doc: DocxDocument, plan: Plan, ctx: DocContext) -> None:
    russian_times(doc)
    normal = cast(ParagraphStyle, doc.styles["Normal"])
    normal.font.size = Pt(12)
    times(normal.element.get_or_add_rPr(), black=True)
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Mm(297), Mm(210)
    sec.left_margin, sec.right_margin, sec.top_margin, sec.bottom_margin = Mm(15), Mm(15), Mm(12), Mm(12)
    sec.header_distance, sec.footer_distance = Mm(6), Mm(6)
    # a word too long for its column (narrow columns, long words of a finding) is broken by the Russian
    # hyphenation rules with a hyphen, never cut at the column edge; no more than two hyphens in a row
    settings = doc.settings.element
    for tag, value in (("w:autoHyphenation", "true"), ("w:consecutiveHyphenLimit", "2"), ("w:doNotHyphenateCaps", "true")):
        el = settings.find(qn(tag))
        if el is None:
            el = OxmlElement(tag)
            settings.append(el)
        el.set(qn("w:val"), value)
    _properties(doc, plan, ctx)


def _properties(doc: DocxDocument, plan: Plan, ctx: DocContext) -> None:
    """File properties from the plan and the profile: the title of this plan, the institution as author
    and company (it drafts the plan), no library name, no statistics that would be wrong (Word counts the
    pages itself), no template thumbnail."""
    cp = doc.core_properties
    cp.created = cp.modified = datetime(plan.date.year, plan.date.month, plan.date.day)
    name = printable(plan.institution.name)
    cp.author = cp.last_modified_by = name
    cp.comments = cp.keywords = cp.category = ""
    cp.revision = 1
    title = printable(ctx.layout.title)
    cp.title = f"{title} — {name}, {ctx.year_line()}" if name else f"{title}, {ctx.year_line()}"
    cp.subject = "Независимая оценка качества условий оказания услуг"
    cp.version = plan.catalog_version
    package = doc.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rid)
    for part in package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            part._blob = _app_xml(name)


def _app_xml(company: str) -> bytes:
    """docProps/app.xml with the organisation only."""
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        f"<Company>{escape(company)}</Company></Properties>"
    ).encode()


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
        _write(table.rows[0].cells[k], head, widths[k], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _flag(table.rows[0], "w:tblHeader")
    for r, row in zip(rows, table.rows[1:], strict=True):
        _flag(row, "w:cantSplit")
        for k, text in enumerate((r.number, r.title, r.value, r.points, r.note)):
            _write(row.cells[k], text, widths[k], bold=r.strong, align=WD_ALIGN_PARAGRAPH.CENTER if k in (0, 3) else None)
    if block.missing:
        _para(doc, "")
        _para(doc, scores_doc.MISSING_TITLE, bold=True, after=4)
        for m in block.missing:
            _para(doc, f"— {scores_doc.missing_text(m)}", size=11)


def _header(table: Table, ctx: DocContext, widths: list[float]) -> int:
    """Header rows (merged cells for split columns) and the row of column numbers; returns rows used. Columns
    are numbered as the form's footnote refers to them: a split column has one number over its parts."""
    top, second = header_rows(ctx.layout)
    n_rows = 2 if second else 1
    col = 0
    centre = WD_ALIGN_PARAGRAPH.CENTER
    for column, colspan, rowspan in top:
        cell = table.cell(0, col)
        if colspan > 1 or rowspan > 1:
            cell = cell.merge(table.cell(rowspan - 1, col + colspan - 1))
        _write(cell, column.title, sum(widths[col : col + colspan]), bold=True, align=centre, size=HEAD_PT)
        col += colspan
    if second:
        leaves = ctx.layout.leaves()
        for column in second:
            k = leaves.index(column)
            _write(table.cell(1, k), column.title, widths[k], bold=True, align=centre, size=HEAD_PT)
    if ctx.layout.number_columns:
        col = 0
        for k, (_, colspan, _) in enumerate(top):
            cell = table.cell(n_rows, col)
            if colspan > 1:
                cell = cell.merge(table.cell(n_rows, col + colspan - 1))
            _write(cell, str(k + 1), sum(widths[col : col + colspan]), align=centre, size=HEAD_PT)
            col += colspan
        n_rows += 1
    for r in range(n_rows):
        _flag(table.rows[r], "w:tblHeader")
    return n_rows


def _header_height(ctx: DocContext, widths: list[float]) -> float:
    top, second = header_rows(ctx.layout)
    col, first = 0, 0.0
    for column, colspan, _ in top:
        first = max(first, _height(column.title, sum(widths[col : col + colspan])))
        col += colspan
    leaves = ctx.layout.leaves()
    below = max((_height(c.title, widths[leaves.index(c)]) for c in second), default=0.0)
    return first + below + (CM_PER_LINE + 0.1 if ctx.layout.number_columns else 0.0)


def render(plan: Plan, ctx: DocContext) -> bytes:
    layout = ctx.layout
    doc = docx.Document()
    _setup(doc, plan, ctx)
    if layout.approval:
        lines = ctx.approval_lines()
        for line in lines:
            p = _para(doc, line, bold=line == lines[0], after=10 if line == lines[-1] else 0)
            p.paragraph_format.left_indent = Cm(15)  # the block sits at the right, its lines left-aligned
    if ctx.founder:  # the founding body, above the title as on the institution's letterhead
        _para(doc, ctx.founder, align=WD_ALIGN_PARAGRAPH.CENTER, after=6)
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
    widths = [leaf.width * scale for leaf in leaves]
    for k, w in enumerate(widths):
        table.columns[k].width = Cm(w)  # w:gridCol, which LibreOffice and Word lay out by
        for cell in table.columns[k].cells:
            cell.width = Cm(w)
    used = _header(table, ctx, widths)
    room = PAGE_BODY - _header_height(ctx, widths)
    for k, row in enumerate(rows):
        tr = table.rows[used + k]
        if isinstance(row, SectionRow):
            cell = tr.cells[0].merge(tr.cells[len(leaves) - 1])
            _write(cell, row.title, sum(widths), bold=True)
            _flag(tr, "w:cantSplit")
            _keep_with_next(tr)  # a section title never stands alone at the foot of a page
            continue
        assert isinstance(row, DataRow)
        if row.note and not row.source:  # «Недостатки не выявлены» and the like: one line across the table
            cell = tr.cells[0].merge(tr.cells[len(leaves) - 1])
            _write(cell, next(t for t in row.cells if t), sum(widths), italic=True)
            _flag(tr, "w:cantSplit")
            continue
        spanned = {j for j, leaf in enumerate(leaves) if leaf.field in GROUP_FIELDS and row.span != 1}
        if row.span > 1:
            for j in spanned:  # one findings cell for the group, over all its measure rows
                tr.cells[j].merge(table.rows[used + k + row.span - 1].cells[j])
        for j, (leaf, text) in enumerate(zip(leaves, row.cells, strict=True)):
            if j in spanned and row.span == 0:
                continue
            manual = row.manual and leaf.field == "measure"
            _write(
                tr.cells[j],
                text,
                widths[j],
                bold=manual,
                italic=row.note,
                colour=MANUAL_COLOUR if manual else None,
                align=WD_ALIGN_PARAGRAPH.CENTER if leaf.field in ("number", "due") else None,
                gap=FINDING_GAP if leaf.field == "findings" else 0,
            )
        # a row is kept whole only when it surely fits under the header: a taller one breaks across pages
        # (its end is never cut off), the header repeating above its continuation
        own = max((_height(t, w) for j, (t, w) in enumerate(zip(row.cells, widths, strict=True)) if j not in spanned), default=0.0)
        if own <= WHOLE * room:
            _flag(tr, "w:cantSplit")
    if layout.footnote:
        _keep_with_next(table.rows[-1])  # the footnote never stands alone on the last page
        note = _para(doc, layout.footnote, size=10, italic=True)
        note.paragraph_format.space_before = Pt(6)
    if ctx.appendix and plan.scores is not None:
        _scores_appendix(doc, plan.scores)
    _page_number(doc)
    buf = io.BytesIO()
    doc.save(buf)
    return fixed_zip(buf.getvalue(), plan.date)
