"""The handbook as DOCX: `render_docx`, its styles and tables, fixed core properties and a deterministic zip."""

from __future__ import annotations

import dataclasses
import io
from datetime import datetime
from typing import Any, cast

import docx
from docx.document import Document as DocxDocument
from docx.shared import Mm, Pt
from docx.styles.style import ParagraphStyle

from nokrules.core.model import Catalog
from nokrules.core.printable import printable
from nokrules.curate.handbook.outline import EXCLUDES, NO_DEFICIENCIES, NO_RULES, TITLE, UNUSED, MeasureView, outline
from nokrules.documents.ooxml import fixed_zip, russian_times, times

COLUMNS = ["Мероприятие", "Срок", "Ответственный", "Результат", "Основание"]
STYLES = (("Normal", 12), ("Title", 18), ("Heading 1", 15), ("Heading 2", 13), ("Heading 3", 12), ("List Bullet", 12))


def _setup(doc: DocxDocument, catalog: Catalog) -> None:
    """Fonts, A4 page, Russian proofing and fixed core properties (python-docx would stamp the current time)."""
    russian_times(doc)
    for name, size in STYLES:
        style = cast(ParagraphStyle, doc.styles[name])
        style.font.size = Pt(size)
        times(style.element.get_or_add_rPr(), black=True)
    cast(ParagraphStyle, doc.styles["Table Grid"]).font.size = Pt(10)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin, sec.right_margin, sec.top_margin, sec.bottom_margin = Mm(30), Mm(15), Mm(20), Mm(20)
    s, cp = catalog.settings, doc.core_properties
    stamp = datetime(s.effective_from.year, s.effective_from.month, s.effective_from.day)
    cp.created = cp.modified = stamp
    cp.last_modified_by = cp.author = "nokrules"
    cp.revision = 1
    cp.title, cp.version, cp.comments = TITLE, s.version, s.title


def _labelled(doc: DocxDocument, label: str, value: str) -> None:
    p = doc.add_paragraph()
    p.add_run(f"{label}: ").bold = True
    p.add_run(value)


def _italic(doc: DocxDocument, text: str) -> None:
    doc.add_paragraph().add_run(text).italic = True


def _docx_measures(doc: DocxDocument, ms: list[MeasureView]) -> None:
    """One table per rule, with the columns of the official plan form."""
    table = doc.add_table(rows=1, cols=len(COLUMNS))
    table.style = doc.styles["Table Grid"]
    for cell, title in zip(table.rows[0].cells, COLUMNS, strict=True):
        cell.paragraphs[0].add_run(title).bold = True
    for m in ms:
        f = dict(m.fields)
        cells = table.add_row().cells
        cells[0].text = f"{m.text} ({m.id})"
        if EXCLUDES in f:
            cells[0].add_paragraph().add_run(f"{EXCLUDES.capitalize()}: {f[EXCLUDES]}").italic = True
        for cell, key in zip(cells[1:], ("срок", "ответственный", "результат", "основание"), strict=True):
            cell.text = f.get(key, "—")
    doc.add_paragraph()


def _printable(x: Any) -> Any:
    """The outline with every text a Word file can hold (core/printable.py): a control character that YAML let
    through in a catalog text («\\x0b» in double quotes) would otherwise fail the whole document."""
    if isinstance(x, str):
        return printable(x)
    if isinstance(x, list | tuple):
        return type(x)(_printable(v) for v in x)
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        return dataclasses.replace(x, **{f.name: _printable(getattr(x, f.name)) for f in dataclasses.fields(x)})
    return x


def render_docx(catalog: Catalog) -> bytes:
    """The handbook as a Word document: Heading 1 sections, Heading 2 indicators, Heading 3 deficiencies."""
    o, doc = _printable(outline(catalog)), docx.Document()
    _setup(doc, catalog)
    doc.add_heading(TITLE, 0)
    for k, v in o.meta:
        _labelled(doc, k, v)
    for n in o.notes:
        _italic(doc, n)
    for sec in o.sections:
        doc.add_heading(sec.heading, 1)
        _labelled(doc, "Официальное наименование раздела", sec.title)
        for ind in sec.indicators:
            doc.add_heading(ind.heading, 2)
            if not ind.deficiencies:
                _italic(doc, f"{NO_DEFICIENCIES}.")
            for d in ind.deficiencies:
                doc.add_heading(d.title, 3)
                _labelled(doc, "Код", d.id)
                for line in d.recognised:
                    doc.add_paragraph(f"{line}.")
                for label, items in (("Примеры формулировок", d.examples), ("Не считается недостатком", d.counterexamples)):
                    if items:
                        doc.add_paragraph(f"{label}:")
                        for x in items:
                            doc.add_paragraph(x, style="List Bullet")
                if not d.rules:
                    _italic(doc, f"{NO_RULES}.")
                for r in d.rules:
                    p = doc.add_paragraph()
                    p.add_run(f"Правило {r.id}").bold = True
                    if r.group:
                        p.add_run(f", {r.group}")
                    for label, v in r.lines:
                        _labelled(doc, label.capitalize(), v)
                    _docx_measures(doc, r.measures)
    if o.unused:
        doc.add_heading(UNUSED, 1)
        _docx_measures(doc, o.unused)
    buf = io.BytesIO()
    doc.save(buf)
    return fixed_zip(buf.getvalue(), catalog.settings.effective_from)
