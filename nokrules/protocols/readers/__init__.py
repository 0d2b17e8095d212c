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

from nokrules.core.encoding import UTF16_BOMS, decode, plain_utf8
from nokrules.core.errors import InputError
from nokrules.core.model import Protocol, ProtocolInstitution
from nokrules.protocols.readers import detect, docx, structured, tabular
from nokrules.protocols.readers import plain as text
from nokrules.protocols.readers.common import NotThisFormat

__all__ = ["parse_bytes", "read_protocol"]

BOM = b"\xef\xbb\xbf"


def _structured(flavour: str) -> Callable[[bytes, str], tuple[str, list[ProtocolInstitution]]]:
    return lambda data, name: structured.read(data, name, flavour)


def _plain(
    fmt: str, reader: Callable[[bytes, str], list[ProtocolInstitution]]
) -> Callable[[bytes, str], tuple[str, list[ProtocolInstitution]]]:
    return lambda data, name: (fmt, reader(data, name))


READERS: dict[str, Callable[[bytes, str], tuple[str, list[ProtocolInstitution]]]] = {
    "text": _plain("text", text.read),
    "docx": _plain("docx", docx.read),
    "xlsx": _plain("xlsx", tabular.read_xlsx),
    "csv": _plain("csv", tabular.read_csv),
    "yaml": _structured("yaml"),
    "json": _structured("json"),
}


def read_protocol(path: Path) -> Protocol:
    """Read a protocol file. Returns a `Protocol`: `source` is the path as given, `format` the one that
    read it (text, docx, csv, xlsx, yaml, json), `institutions` in the order the protocol lists them.
    Raises InputError (exit 2) for a missing or unreadable file and for a file no reader understands."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: файл не найден") from None
    except IsADirectoryError:
        raise InputError(f"{path}: это каталог, а не файл протокола") from None
    except OSError as e:
        raise InputError(f"{path}: не удалось прочитать файл ({e.strerror})") from None
    return parse_bytes(data, str(path))


def parse_bytes(data: bytes, name: str) -> Protocol:
    """Read a protocol from its bytes; `name` (a file name) picks the first reader by its extension and
    names the file in messages. Returns a `Protocol` as `read_protocol` does; raises InputError when the
    file is empty or no reader finds an institution in it, listing why each format did not fit."""
    if data.startswith(UTF16_BOMS) or not (data.startswith(detect.ZIP_MAGIC) or detect.binary_kind(data)):
        # text: decoded once, by the one decoder (a broken byte or mixed codes refused here, naming the line),
        # and handed to every reader as UTF-8, so a UTF-16 or KOI8-R protocol reads like any other
        if not plain_utf8(data):  # else `decode` would give it back as it is: no second copy of a 200 MB file
            data = decode(data, name).encode("utf-8")
    if not data.removeprefix(BOM).strip():
        raise InputError(f"{name}: файл пуст — в нём нет протокола")
    reasons: list[str] = []
    for key in detect.order(data, name):
        try:
            fmt, institutions = READERS[key](data, name)
        except NotThisFormat as e:
            reasons.append(f"{detect.LABELS[key]}: {e}")
            continue
        if institutions:
            return Protocol(source=name, format=fmt, institutions=institutions)
        reasons.append(f"{detect.LABELS[key]}: не найдено ни одного учреждения")
    what = detect.binary_kind(data)
    head = f"{name}: {what}; протокол не прочитан" if what else f"{name}: протокол не прочитан ни в одном формате"
    raise InputError(f"{head} — {'; '.join(reasons)}")
