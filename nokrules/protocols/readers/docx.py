"""The protocol as a Word document, as ministries send it.

Two layouts occur. In the first, a table (one per rating section, or one for all) has a column per field:
«№», «Наименование учреждения», «Результаты…»/«Недостатки» (one finding per paragraph or line of the cell),
optionally «Планы…», «Интегральное значение»/«Баллы», «Место в рейтинге»; the paragraph before a table may
name the kind in parentheses, as the text protocol does. Columns are found by header keywords.

In the second (the Kemerovo original), the findings and the plan sit inside the name cell under their own
headings, and the header has no findings column. Such a document reads like the text protocol once its
paragraphs and cells are laid out line by line, so it goes to the text reader; each line remembers the
table row it came from, and `findings_line` is that row (or the paragraph's number outside tables).
"""

from __future__ import annotations

import io
import zipfile

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from nokrules.core.model import ProtocolInstitution
from nokrules.protocols.readers import plain as text
from nokrules.protocols.readers.common import NotThisFormat, Sections, check_unpacked, read_table


def read(data: bytes, name: str) -> list[ProtocolInstitution]:
    """The bytes of a DOCX protocol → its institutions."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise NotThisFormat("не ZIP-архив, значит не документ Word")
    check_unpacked(data, name)
    try:
        doc = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises bare KeyError, ValueError, lxml errors … on foreign files
        raise NotThisFormat(f"не открывается как документ Word ({type(e).__name__}: {e})") from None

    sections = Sections()
    found: list[ProtocolInstitution] = []
    reasons: list[str] = []
    lines: list[str] = []  # the document laid out line by line, for the text reader
    where: list[int] = []  # for each line: the table row it comes from, or the paragraph's number
    paragraph_no = tables = 0
    for block in doc.iter_inner_content():
        if isinstance(block, Paragraph):
            paragraph_no += 1
            for line in block.text.split("\n"):
                sections.feed(line)
                lines.append(line)
                where.append(paragraph_no)
            continue
        assert isinstance(block, Table)
        tables += 1
        rows = _rows(block)
        try:
            found += read_table(rows, sections)
        except NotThisFormat as e:
            reasons.append(f"таблица {tables}: {e}")
        for row_no, cells in enumerate(rows, start=1):
            for cell in cells:
                for line in cell.split("\n"):
                    lines.append(line)
                    where.append(row_no)
    if found:
        return found
    try:
        laid_out = text.read_lines(lines)
    except NotThisFormat as e:
        tables_said = ", ".join(reasons) if reasons else "в документе нет таблиц"
        raise NotThisFormat(f"{tables_said}, а как текст — {e}") from None
    return [i.model_copy(update={"findings_line": where[i.findings_line - 1]}) for i in laid_out]


def _rows(table: Table) -> list[list[str]]:
    """A table's rows as texts. A merged cell appears once per row: python-docx repeats it for each grid
    column it spans, which would read as the same finding twice."""
    out = []
    for row in table.rows:
        cells: list[str] = []
        last = None
        for cell in row.cells:
            if cell._tc is last:  # noqa: SLF001 — the only way to tell a spanned cell from a repeated text
                cells.append("")
                continue
            last = cell._tc  # noqa: SLF001
            cells.append(cell.text)
        out.append(cells)
    return out
