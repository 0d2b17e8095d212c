"""Plan → a printable standalone HTML5 page in a form's layout: the same table as the DOCX, for a browser.

No external resources (inline CSS only), A4 landscape when printed, the table header repeats on every
printed page (thead as a table-header-group), the pages are numbered «Страница N из M» (@page margin box),
short rows are kept whole. Section rows I–V span the table, each section is its own <tbody> with a row
header, manual measures are marked in bold dark red, «Недостатки не выявлены» is in italics.
Every text is escaped; the output depends on the plan and the context only.
"""

from __future__ import annotations

from html import escape

from nokrules.core.model import Plan
from nokrules.core.printable import printable
from nokrules.documents.document import DocContext
from nokrules.documents.layout import Layout
from nokrules.documents.page import page_head
from nokrules.documents.table import GROUP_FIELDS, DataRow, SectionRow, build_table, header_rows
from nokrules.documents.typography import soft_hyphens, typeset

# #9c0006 on white: contrast 8.7:1; on the #fff2cc tint of manual rows: 7.8:1 (WCAG AA needs 4.5:1).
CSS = """\
@page { size: A4 landscape; margin: 1.2cm 1.5cm 1.5cm;
  @bottom-center { content: "Страница " counter(page) " из " counter(pages); font: 10pt "Times New Roman", Times, serif; } }
html { color: #000; background: #fff; }
body { font-family: "Times New Roman", Times, serif; font-size: 12pt; line-height: 1.25; margin: 0; }
@media screen { body { max-width: 26.7cm; margin: 1.5cm auto; padding: 0 1cm; } }
p { margin: 0; }
.approval { width: 10cm; margin: 0 0 1em auto; }
.approval .approve { font-weight: bold; }
.founder { text-align: center; margin: 0.5em 0 0; }
h1 { font-size: 14pt; font-weight: bold; text-align: center; margin: 0.5em 0 0; }
.subtitle { font-size: 14pt; font-weight: bold; text-align: center; }
.institution { font-size: 13pt; text-align: center; margin-top: 0.5em; }
.institution span { text-decoration: underline; }
.institution .blank { display: inline-block; width: 60%; border-bottom: 1px solid #000; text-decoration: none; }
.caption { font-size: 9pt; font-style: italic; text-align: center; }
.year { text-align: center; margin: 0.3em 0 0.6em; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-family: "Times New Roman", Times, serif; font-size: 11pt; }
th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; text-align: left; overflow-wrap: break-word; }
/* Chromium repeats a table header on every printed page only while it takes under a quarter of the page */
thead th, thead td { font-size: 9pt; line-height: 1.15; }
thead th { font-weight: bold; text-align: center; vertical-align: middle; }
thead td { text-align: center; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
tbody th[scope="rowgroup"] { font-weight: bold; }
td.centre { text-align: center; }
tr.note td { font-style: italic; }
td.group p + p { margin-top: 4pt; }
tr.manual td { background: #fff2cc; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.manual-mark { color: #9c0006; font-weight: bold; }
.footnote { font-size: 10pt; font-style: italic; margin-top: 0.6em; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; }
"""

CENTRED = ("number", "due")
PRINT_WIDTH_CM = 26.7  # A4 landscape less the 1.5 cm side margins


def _text(s: str, letters: int = 0) -> str:
    """Escaped, typeset text with its line breaks kept; characters a page cannot hold become spaces; with
    `letters` (what its column holds on a line), soft hyphens in the longer words."""
    text = typeset(printable(s))
    if letters:
        text = soft_hyphens(text, letters)
    return "<br>".join(escape(line) for line in text.split("\n"))


def _letters(layout: Layout) -> list[int]:
    """Letters each column holds on one printed line: its share of the landscape A4 text width, less the
    padding, at a generous 0.2 cm a letter in 11 pt."""
    widths = [leaf.width for leaf in layout.leaves()]
    return [max(4, int((w / sum(widths) * PRINT_WIDTH_CM - 0.3) / 0.2)) for w in widths]


def _span(colspan: int, rowspan: int) -> str:
    return (f' colspan="{colspan}"' if colspan > 1 else "") + (f' rowspan="{rowspan}"' if rowspan > 1 else "")


def _colgroup(layout: Layout) -> list[str]:
    widths = [leaf.width for leaf in layout.leaves()]
    total = sum(widths)
    return ["<colgroup>", *(f'<col style="width: {w / total * 100:.2f}%">' for w in widths), "</colgroup>"]


def _thead(layout: Layout) -> list[str]:
    top, second = header_rows(layout)
    out = ["<thead>", "<tr>"]
    for column, colspan, rowspan in top:
        scope = "colgroup" if column.children else "col"
        out.append(f'<th scope="{scope}"{_span(colspan, rowspan)}>{_text(column.title)}</th>')
    out.append("</tr>")
    if second:
        out += ["<tr>", *(f'<th scope="col">{_text(c.title)}</th>' for c in second), "</tr>"]
    if layout.number_columns:  # as the form's footnote names them: a split column has one number over its parts
        numbers = (f"<td{_span(colspan, 1)}>{k}</td>" for k, (_, colspan, _) in enumerate(top, 1))
        out += ['<tr class="numbers">', *numbers, "</tr>"]
    out.append("</thead>")
    return out


def _data_row(layout: Layout, row: DataRow) -> str:
    """A table row; the cells of a finding group (findings, deficiencies, indicators) once, spanning the
    group's rows, each finding a paragraph; a note without a source («Недостатки не выявлены») across the
    table."""
    cls = "manual" if row.manual else "note" if row.note else ""
    row_attr = f' class="{cls}"' if cls else ""
    leaves = layout.leaves()
    if row.note and row.source is None:
        return f'<tr{row_attr}><td colspan="{len(leaves)}">{_text(next((t for t in row.cells if t), ""))}</td></tr>'
    cells = []
    for leaf, text, letters in zip(leaves, row.cells, _letters(layout), strict=True):
        if leaf.field in GROUP_FIELDS and row.span != 1:
            if row.span == 0:
                continue  # covered by the group's cell above
            paras = "".join(f"<p>{_text(line, letters)}</p>" for line in text.split("\n"))
            cells.append(f'<td class="group" rowspan="{row.span}">{paras}</td>')
            continue
        attr = ' class="centre"' if leaf.field in CENTRED else ""
        body = _text(text, letters)
        if row.manual and leaf.field == "measure" and text:
            body = f'<strong class="manual-mark">{body}</strong>'
        cells.append(f"<td{attr}>{body}</td>")
    return f"<tr{row_attr}>{''.join(cells)}</tr>"


def _tbodies(plan: Plan, ctx: DocContext) -> list[str]:
    n = len(ctx.layout.leaves())
    out: list[str] = []
    open_ = False
    for row in build_table(plan, ctx.layout, ctx.indicator_titles):
        if isinstance(row, SectionRow):
            if open_:
                out.append("</tbody>")
            out += ["<tbody>", f'<tr class="section"><th scope="rowgroup" colspan="{n}">{_text(row.title)}</th></tr>']
            open_ = True
            continue
        if not open_:
            out.append("<tbody>")
            open_ = True
        out.append(_data_row(ctx.layout, row))
    if open_:
        out.append("</tbody>")
    return out


def _front(plan: Plan, ctx: DocContext) -> list[str]:
    layout = ctx.layout
    out: list[str] = []
    if layout.approval:
        lines = ctx.approval_lines()
        out += [
            '<div class="approval">',
            f'<p class="approve">{_text(lines[0])}</p>',
            *(f"<p>{_text(x)}</p>" for x in lines[1:]),
            "</div>",
        ]
    if ctx.founder:  # the founding body, above the title as on the institution's letterhead
        out.append(f'<p class="founder">{_text(ctx.founder)}</p>')
    out.append(f"<h1>{_text(layout.title)}</h1>")
    if layout.subtitle:
        out.append(f'<p class="subtitle">{_text(layout.subtitle)}</p>')
    name = plan.institution.name
    inst = f"<span>{_text(name)}</span>" if name else '<span class="blank">&nbsp;</span>'
    out += [f'<p class="institution">{inst}</p>', f'<p class="caption">{_text(layout.institution_caption)}</p>']
    if layout.year_line:
        out.append(f'<p class="year">{_text(ctx.year_line())}</p>')
    return out


def render(plan: Plan, ctx: DocContext) -> str:
    layout = ctx.layout
    name = plan.institution.name or layout.institution_caption
    heading = printable(f"{layout.title} — {name}" + (f", {ctx.year_line()}" if layout.year_line else ""))
    out = [
        *page_head(heading, CSS),
        "</head>",
        "<body>",
        "<main>",
        *_front(plan, ctx),
        "<table>",
        f'<caption class="visually-hidden">{_text(heading)}</caption>',
        *_colgroup(layout),
        *_thead(layout),
        *_tbodies(plan, ctx),
        "</table>",
    ]
    if layout.footnote:
        out.append(f'<p class="footnote">{_text(layout.footnote)}</p>')
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
