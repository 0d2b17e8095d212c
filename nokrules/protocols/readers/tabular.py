"""The protocol as a table: CSV (what an operator exports from a registry) or an Excel workbook.

A header row names the columns in Russian or English (institution/учреждение/организация/наименование,
kind/вид/тип, findings/недостатки/результаты, and optionally №, score/балл, rank/место, plan/план); a
findings cell holds one finding per line. Rows above the header and rows with a single text may name the
rating section, as in the other formats. `findings_line` is the row number as a spreadsheet shows it.
"""

from __future__ import annotations

import csv
import io
import itertools
import zipfile
from datetime import date, datetime, time

import openpyxl  # type: ignore[import-untyped]

from nokrules.core.errors import InputError
from nokrules.core.findings import decode
from nokrules.core.model import ProtocolInstitution
from nokrules.protocols.readers.common import (
    HEADER_SEARCH,
    NotThisFormat,
    Sections,
    check_unpacked,
    identify_columns,
    read_table,
)

DELIMITERS = (";", ",", "\t")


def read_csv(data: bytes, name: str) -> list[ProtocolInstitution]:
    """The bytes of a CSV protocol (UTF-8, BOM or Windows-1251; «;», «,» or tab) → its institutions."""
    try:
        content = decode(data, name)
    except InputError as e:
        raise NotThisFormat(str(e).removeprefix(f"{name}: ")) from None
    return read_table(csv_rows(content), Sections())


def csv_rows(content: str) -> list[list[str]]:
    """CSV text → rows, with the delimiter that yields a header with a name and a findings column (or, when
    none does, the one the first line has most of, so the error names the columns it did find)."""
    chosen = None
    for delimiter in DELIMITERS:
        try:
            head = _split(content, delimiter, HEADER_SEARCH)
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
    return _split(content, chosen)


def _split(content: str, delimiter: str, limit: int | None = None) -> list[list[str]]:
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    try:
        return [[c.replace("\r\n", "\n") for c in row] for row in itertools.islice(reader, limit)]
    except csv.Error as e:
        raise NotThisFormat(f"не разбирается как CSV со знаком «{delimiter}» ({e})") from None


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
    rows = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    try:
        return read_table(rows, Sections())
    except NotThisFormat as e:
        raise NotThisFormat(f"лист «{sheet.title}»: {e}") from None


def _cell_text(value: object) -> str:
    """A cell's value as its text: 1.0 is «1» (a place or a number), 29.7 is «29.7»."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value).replace("\r\n", "\n")
