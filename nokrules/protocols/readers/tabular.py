"""The protocol as a table: CSV (what an operator exports from a registry) or an Excel workbook.

A header row names the columns in Russian or English (institution/учреждение/организация/наименование,
kind/вид/тип, findings/недостатки/результаты, and optionally №, score/балл, rank/место, plan/план); a
findings cell holds one finding per line. Rows above the header and rows with a single text may name the
rating section, as in the other formats. `findings_line` is the row number as a spreadsheet shows it.

Nothing is lost in silence. A CSV row split into more cells than the header has is repaired where the
reading is certain — a decimal comma split off a score («29,70» in a «,» file), or a «;» inside the
findings when they are the last column — and refused naming the file line otherwise; so is a row written
with another delimiter than the header and a quote left open that swallows the rows after it. An XLSX
formula whose value was never computed (the file was written by a program, not saved by Excel) is
refused naming its cell, instead of reading as an empty name or findings cell.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

import openpyxl  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from nokrules.core.errors import InputError
from nokrules.core.model import ProtocolInstitution
from nokrules.protocols.readers.common import (
    HEADER_SEARCH,
    NotThisFormat,
    Sections,
    check_unpacked,
    clean,
    identify_columns,
    is_section_heading,
    kind_in,
    read_table,
)

DELIMITERS = (";", ",", "\t")


def read_csv(content: str, name: str) -> list[ProtocolInstitution]:
    """A CSV protocol (decoded by `parse_bytes`; «;», «,» or tab) → its institutions."""
    delimiter = csv_delimiter(content)
    rows, lines = _split(content, delimiter)
    _check_closed(content, delimiter, rows, lines, name)
    return read_table(rows, Sections(), check=_CsvRowCheck(name, delimiter, lines))


def csv_rows(content: str) -> list[list[str]]:
    """CSV text → rows, split by `csv_delimiter`."""
    return _split(content, csv_delimiter(content))[0]


def csv_delimiter(content: str) -> str:
    """CSV text → rows, with the delimiter that yields a header with a name and a findings column (or, when
    none does, the one the first line has most of, so the error names the columns it did find)."""
    chosen = None
    for delimiter in DELIMITERS:
        try:
            head, _ = _split(content, delimiter, HEADER_SEARCH)
        except NotThisFormat:
            continue
        for cells in head:
            cols = identify_columns(cells)
            if "name" in cols and "findings" in cols:
                chosen = delimiter
                break
        if chosen:
            break
    if chosen is None:
        first = next((line for line in content.splitlines() if line.strip()), "")
        chosen = max(DELIMITERS, key=first.count)
    return chosen


def _split(content: str, delimiter: str, limit: int | None = None) -> tuple[list[list[str]], list[int]]:
    """Rows, and the file line each starts on (a quoted cell may span lines)."""
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    lines: list[int] = []
    try:
        last = 0
        for row in itertools.islice(reader, limit):
            lines.append(last + 1)
            last = reader.line_num
            rows.append([c.replace("\r\n", "\n") for c in row])
    except csv.Error as e:
        raise NotThisFormat(f"не разбирается как CSV со знаком «{delimiter}» ({e})") from None
    return rows, lines


def _check_closed(content: str, delimiter: str, rows: list[list[str]], lines: list[int], name: str) -> None:
    """A quote opened and never closed makes its cell swallow the rest of the file: refuse it, naming the
    line where the cell starts. Checked by a strict re-reading only when the last row spans lines."""
    if not rows or not any("\n" in c for c in rows[-1]):
        return
    try:
        for _ in csv.reader(io.StringIO(content, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as e:
        if "unexpected end of data" in str(e):
            raise InputError(
                f'{name}: строка {lines[-1]}: кавычка «"» в ячейке не закрыта — ячейка захватила всё до конца файла; '
                "закройте кавычку или уберите её"
            ) from None


_WHOLE = re.compile(r"\d+")
_ROW_START = r"^\s*\d{{1,6}}\s*{}"


@dataclass(frozen=True)
class _CsvRowCheck:
    """Each CSV row below the header checked against it (see the module docstring); `lines` maps row index
    to the file line it starts on, for the messages."""

    name: str
    delimiter: str
    lines: list[int]

    def __call__(self, cells: Sequence[str], cols: dict[str, int], width: int, i: int) -> Sequence[str]:
        line = self.lines[i]
        out = list(cells)
        while len(out) > width and not clean(out[-1]):
            out.pop()
        self._not_swallowing(out, width, line)
        if len(out) > width:
            return self._surplus(out, cols, width, line)
        self._one_delimiter(out, cols, line)
        return out

    def _surplus(self, cells: list[str], cols: dict[str, int], width: int, line: int) -> list[str]:
        d = self.delimiter
        s = cols.get("score")
        if (
            d == ","
            and s is not None
            and s + 1 < len(cells)
            and _WHOLE.fullmatch(clean(cells[s]))
            and _WHOLE.fullmatch(clean(cells[s + 1]))
        ):
            cells = [*cells[:s], f"{clean(cells[s])},{clean(cells[s + 1])}", *cells[s + 2 :]]  # «29,70» split in two
            if len(cells) <= width:
                return cells
        f = cols.get("findings")
        if f == width - 1:  # the findings are the last column: what follows them is more of them
            return [*cells[:f], d.join(cells[f:])]
        raise InputError(
            f"{self.name}: строка {line}: ячеек {len(cells)}, а в заголовке {width} — видимо, знак «{d}» стоит внутри "
            'ячейки без кавычек; возьмите такую ячейку в кавычки "…" (Excel делает это сам при сохранении в CSV)'
        )

    def _one_delimiter(self, cells: list[str], cols: dict[str, int], line: int) -> None:
        """A row that stops short of the findings column but holds another delimiter was written with it."""
        f = cols.get("findings", 0)
        text = " ".join(t for t in (clean(c) for c in cells) if t)
        if len(cells) > f or not text or is_section_heading(text) or kind_in(text):
            return
        other = next((d for d in DELIMITERS if d != self.delimiter and d in text), None)
        if other is not None:
            shown = "табуляция" if other == "\t" else f"«{other}»"
            raise InputError(
                f"{self.name}: строка {line}: разделитель {shown}, а в заголовке «{self.delimiter}» — сохраните весь файл "
                "с одним разделителем"
            )

    def _not_swallowing(self, cells: list[str], width: int, line: int) -> None:
        """A cell with lines that read as rows of the table («2;МБУ …;…») took them in through a stray quote."""
        row_start = re.compile(_ROW_START.format(re.escape(self.delimiter)))
        for cell in cells:
            for k, part in enumerate(cell.split("\n")[1:], start=1):
                if row_start.match(part) and part.count(self.delimiter) >= width - 1:
                    raise InputError(
                        f"{self.name}: строка {line}: ячейка в кавычках захватила строку {line + k} таблицы — "
                        'видимо, кавычка «"» не закрыта; закройте её или уберите'
                    )


def read_xlsx(data: bytes, name: str) -> list[ProtocolInstitution]:
    """The bytes of an XLSX workbook → the institutions on its first sheet."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise NotThisFormat("не ZIP-архив, значит не книга Excel")
    check_unpacked(data, name)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as e:  # openpyxl raises InvalidFileException, KeyError, BadZipFile … on foreign files
        raise NotThisFormat(f"не открывается как книга Excel ({type(e).__name__}: {e})") from None
    if not book.worksheets:
        raise NotThisFormat("в книге нет листов")
    sheet = book.worksheets[0]
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    _check_computed(data, values, name, sheet.title)
    rows = [[_cell_text(v) for v in row] for row in values]
    try:
        return read_table(rows, Sections())
    except NotThisFormat as e:
        raise NotThisFormat(f"лист «{sheet.title}»: {e}") from None


def _check_computed(data: bytes, values: list[list[object]], name: str, title: str) -> None:
    """Refuse a formula without a saved value: openpyxl and other libraries write formulas and leave the
    computing to Excel, and such a cell reads as empty — a lost name or findings. The formulas come from
    a second, streaming reading of the first sheet."""
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        for r, row in enumerate(book.worksheets[0].iter_rows(values_only=True)):
            for c, value in enumerate(row):
                if not (isinstance(value, str) and value.startswith("=")):
                    continue
                if r >= len(values) or c >= len(values[r]) or values[r][c] is None:
                    raise InputError(
                        f"{name}: лист «{title}», ячейка {get_column_letter(c + 1)}{r + 1}: формула «{value[:60]}» без "
                        "сохранённого значения — файл записан программой, которая не вычисляет формулы; откройте его "
                        "в Excel или LibreOffice и сохраните заново"
                    )
    finally:
        book.close()


def _cell_text(value: object) -> str:
    """A cell's value as its text: 1.0 is «1» (a place or a number), 29.7 is «29.7»."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value).replace("\r\n", "\n")
