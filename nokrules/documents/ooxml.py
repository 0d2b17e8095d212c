"""Shared by every Office file nokrules writes (plan DOCX, handbook DOCX, XLSX): one font everywhere and
byte-identical packages, since python-docx and openpyxl stamp each zip entry with the current time."""

from __future__ import annotations

import io
import zipfile
from datetime import date

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.oxml.text.font import CT_RPr

FONT = "Times New Roman"


def times(rpr: CT_RPr, black: bool = False) -> None:
    """Times New Roman for every script: the default template's theme fonts and colours would override it."""
    fonts = rpr.get_or_add_rFonts()
    fonts.attrib.clear()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    if black:
        color = rpr.get_or_add_color()
        color.attrib.clear()
        color.set(qn("w:val"), "000000")


def russian_times(doc: DocxDocument) -> None:
    """Document defaults: Times New Roman in every script and Russian proofing."""
    defaults = doc.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if isinstance(defaults, CT_RPr):
        times(defaults)
        lang = defaults.find(qn("w:lang"))
        if lang is not None:
            lang.set(qn("w:val"), "ru-RU")


def fixed_zip(data: bytes, day: date) -> bytes:
    """Re-pack an OOXML package with one fixed timestamp per entry; [Content_Types].xml first, as Office
    writes it (file-type sniffers look there), then the original order."""
    stamp = (max(day.year, 1980), day.month, day.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in sorted(src.infolist(), key=lambda i: i.filename != "[Content_Types].xml"):
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type, fixed.create_system, fixed.external_attr = zipfile.ZIP_DEFLATED, 3, 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
