"""Protocol readers: one НОК protocol (text, DOCX, CSV, XLSX, YAML or JSON) → its institutions.

A ministry receives one protocol listing all its institutions; `nokrules batch` drafts a plan for each.
The format is guessed from the extension, else from the content; when the first reader finds nothing the
others are tried, because protocols arrive misnamed («протокол.txt» holding a CSV export). When none
fits, the error names the file and says, for each format tried, why it did not fit, so the user can see
whether the file is broken or merely laid out in a way no reader knows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from nokrules.core.encoding import UTF16_BOMS, decode
from nokrules.core.errors import InputError
from nokrules.core.model import Protocol, ProtocolInstitution
from nokrules.protocols.readers import detect, docx, structured, tabular
from nokrules.protocols.readers import plain as text
from nokrules.protocols.readers.common import NotThisFormat

__all__ = ["parse_bytes", "read_protocol"]

ASCII_SPACE = " \t\n\r\x0b\x0c"  # what `bytes.strip` strips: a file of no-break spaces is not empty


Reader = Callable[[str, str], tuple[str, list[ProtocolInstitution]]]  # (decoded text, file name) → (format, institutions)


def _structured(flavour: str) -> Reader:
    return lambda content, name: structured.read(content, name, flavour)


def _plain(fmt: str, reader: Callable[[str, str], list[ProtocolInstitution]]) -> Reader:
    return lambda content, name: (fmt, reader(content, name))


def _binary(fmt: str, reader: Callable[[bytes, str], list[ProtocolInstitution]]) -> Callable[[bytes, str], tuple[str, list[ProtocolInstitution]]]:
    return lambda data, name: (fmt, reader(data, name))


TEXT_READERS: dict[str, Reader] = {
    "text": _plain("text", text.read),
    "csv": _plain("csv", tabular.read_csv),
    "yaml": _structured("yaml"),
    "json": _structured("json"),
}
BINARY_READERS: dict[str, Callable[[bytes, str], tuple[str, list[ProtocolInstitution]]]] = {
    "docx": _binary("docx", docx.read),
    "xlsx": _binary("xlsx", tabular.read_xlsx),
}


def read_protocol(path: Path) -> Protocol:
    """Read a protocol file. Returns a `Protocol`: `source` is the path as given, `format` the one that
    read it (text, docx, csv, xlsx, yaml, json), `institutions` in the order the protocol lists them.
    Raises InputError (exit 2) for a missing or unreadable file and for a file no reader understands."""
    return parse_bytes(_read_bytes(path), str(path))  # no name kept here for the bytes: see parse_bytes


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: файл не найден") from None
    except IsADirectoryError:
        raise InputError(f"{path}: это каталог, а не файл протокола") from None
    except OSError as e:
        raise InputError(f"{path}: не удалось прочитать файл ({e.strerror})") from None


def _as_text(data: bytes, name: str) -> str:
    """A binary file tried as text anyway (its extension may lie): why it is none, as the readers say it."""
    try:
        return decode(data, name)
    except InputError as e:
        raise NotThisFormat(str(e).removeprefix(f"{name}: ")) from None


def parse_bytes(data: bytes, name: str) -> Protocol:
    """Read a protocol from its bytes; `name` (a file name) picks the first reader by its extension and
    names the file in messages. Returns a `Protocol` as `read_protocol` does; raises InputError when the
    file is empty or no reader finds an institution in it, listing why each format did not fit.

    Text is decoded once, by the one decoder (a broken byte or mixed codes refused here, naming the line),
    and every text reader takes that text, so a UTF-16 or KOI8-R protocol reads like any other. The bytes
    are let go once decoded: when the caller keeps no other reference (`read_protocol`), a 200 MB national
    file is not held beside its text and its parsed records (the read's peak: 794 → 720 MiB)."""
    orders = detect.order(data, name)
    content: str | None = None
    if data.startswith(UTF16_BOMS) or not (data.startswith(detect.ZIP_MAGIC) or detect.binary_kind(data)):
        content = decode(data, name)
        del data
        if not content.strip(ASCII_SPACE):
            raise InputError(f"{name}: файл пуст — в нём нет протокола")
    reasons: list[str] = []
    for key in orders:
        try:
            if key in BINARY_READERS:  # a text misnamed .docx or .xlsx is tried as one too, and told why not
                fmt, institutions = BINARY_READERS[key](data if content is None else content.encode("utf-8"), name)
            else:
                fmt, institutions = TEXT_READERS[key](content if content is not None else _as_text(data, name), name)
        except NotThisFormat as e:
            reasons.append(f"{detect.LABELS[key]}: {e}")
            continue
        if institutions:
            return Protocol(source=name, format=fmt, institutions=institutions)
        reasons.append(f"{detect.LABELS[key]}: не найдено ни одного учреждения")
    what = detect.binary_kind(data) if content is None else None
    head = f"{name}: {what}; протокол не прочитан" if what else f"{name}: протокол не прочитан ни в одном формате"
    raise InputError(f"{head} — {'; '.join(reasons)}")
