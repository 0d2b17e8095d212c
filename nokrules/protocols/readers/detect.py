"""Which reader to try first: by the file's extension, else by what the bytes look like.

Detection only orders the readers. A file named .txt that holds a CSV export, or a protocol saved without
an extension, still gets read: when the first reader finds no institution the others are tried, and the
error lists what each one said.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath

import yaml

from nokrules.core.errors import InputError
from nokrules.core.findings import decode
from nokrules.core.yamlsrc import UnsafeYaml, safe_load
from nokrules.protocols.readers.common import identify_columns

# Reader keys, in the order they are tried after the detected one.
READERS = ("text", "docx", "xlsx", "csv", "yaml", "json")
LABELS = {
    "text": "текст протокола",
    "docx": "DOCX",
    "xlsx": "XLSX",
    "csv": "CSV",
    "yaml": "YAML/JSON",
    "json": "YAML/JSON",
}
EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".docx": "docx",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".csv": "csv",
    ".tsv": "csv",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
}
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls: Office 97–2003
PDF_MAGIC = b"%PDF"
_STRUCTURED_START = re.compile(r"^(?:[\[{]|-\s|#|[\w\"']+\s*:)")


def detect(data: bytes, name: str) -> str:
    """The reader to try first: the extension's, else the content's."""
    by_name = EXTENSIONS.get(PurePath(name).suffix.lower())
    return by_name or detect_content(data)


def order(data: bytes, name: str) -> list[str]:
    """Every reader, the detected one first. YAML and JSON are one reader: only the first is kept."""
    first = detect(data, name)
    out = [first] + [r for r in READERS if r != first]
    structured = "yaml" if first != "json" else "json"
    return [r for r in out if r not in ("yaml", "json") or r == structured]


def detect_content(data: bytes) -> str:
    """Sniff: a ZIP with word/document.xml is a DOCX, with xl/workbook.xml an XLSX; text that loads as a
    YAML/JSON list is structured; a first line split by «;», «,» or tab with a findings column is CSV;
    anything else is taken for a text protocol."""
    if data.startswith(ZIP_MAGIC):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except zipfile.BadZipFile:
            return "docx"
        return "xlsx" if "xl/workbook.xml" in names and "word/document.xml" not in names else "docx"
    try:
        content = decode(data, "")
    except InputError:
        return "text"
    stripped = content.lstrip()
    if _STRUCTURED_START.match(stripped):
        try:
            loaded = safe_load(content)
        except (yaml.YAMLError, UnsafeYaml):
            loaded = None
        if isinstance(loaded, dict):
            loaded = loaded.get("institutions")
        if isinstance(loaded, list) and loaded and all(isinstance(x, dict) for x in loaded):
            return "json" if stripped.startswith(("[", "{")) else "yaml"
    first = next((line for line in content.splitlines() if line.strip()), "")
    for delimiter in (";", ",", "\t"):
        if delimiter in first and "findings" in identify_columns(first.split(delimiter)):
            return "csv"
    return "text"


def binary_kind(data: bytes) -> str | None:
    """What a file that is not text and not a DOCX/XLSX is, in Russian, with what to do; None for text."""
    if data.startswith(OLE_MAGIC):
        return "старый формат Microsoft Office (.doc или .xls) — сохраните файл как DOCX или XLSX"
    if data.startswith(PDF_MAGIC):
        return "PDF — сохраните протокол как DOCX или скопируйте его текст в файл .txt"
    if data.startswith(ZIP_MAGIC):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except zipfile.BadZipFile:
            return "повреждённый ZIP-архив (DOCX и XLSX — это ZIP-архивы)"
        if "word/document.xml" not in names and "xl/workbook.xml" not in names:
            return "ZIP-архив, но не документ Word (DOCX) и не книга Excel (XLSX)"
        return None
    if b"\x00" in data[:8192]:
        return "двоичный файл, но не документ Word (DOCX) и не книга Excel (XLSX): это не ZIP-архив"
    return None
