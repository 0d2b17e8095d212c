"""Bytes of a text file → text: the one decoder of nokrules (`plan`, `batch`, `diff` and the readers).

Russian files arrive in UTF-8 (with or without BOM), UTF-16 with a BOM (Notepad's «Юникод»), Windows-1251
and, from old mail systems, KOI8-R. UTF-8 is strict: a file whose lines are UTF-8 but for one stray byte,
or that mixes UTF-8 lines with others, is refused naming the line and the byte, since decoding it all as
Windows-1251 would turn every word into mojibake that nothing recognises. A file with no UTF-8 in it is a
single-byte code; Windows-1251 and KOI8-R hold the same letters at different bytes, so each line is read
both ways and scored by how common its letters are in Russian (a mis-decoded line is made of rare ones:
«ПЮМДСЯЮ» for «пандуса»). Lines that clearly disagree are refused as mixed.

Why not charset-normalizer or chardet: they guess among dozens of codes, short lines («нет пандуса») are
often called MacCyrillic or cp1125, and they cannot say which line is broken; the four codes above are
all a Russian inspector's files come in, and letter frequency tells them apart deterministically.
"""

from __future__ import annotations

import math
import re

from nokrules.core.errors import InputError

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
SINGLE_BYTE = {"cp1251": "Windows-1251", "koi8_r": "KOI8-R"}

# Letter frequencies of Russian prose (per mille); a letter's log-frequency scores a decoding.
_FREQ = dict(
    zip(
        "оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё",
        (
            110,
            85,
            80,
            74,
            67,
            63,
            55,
            47,
            45,
            44,
            35,
            32,
            30,
            28,
            26,
            20,
            19,
            17,
            17,
            17,
            16,
            14,
            12,
            10,
            9,
            7,
            6,
            5,
            4,
            3,
            3,
            1,
            1,
        ),
        strict=True,
    )
)
_LOG = {ch: math.log(f) for ch, f in _FREQ.items()}
_CYRILLIC = re.compile(r"[а-яё]")
DECISIVE = 6.0  # a line whose two readings differ by less than this (a few letters) decides nothing


def decode(data: bytes, source: str = "ввод") -> str:
    """Bytes of a pasted file or protocol → text; InputError (exit 2) naming `source`, the line and the byte
    when the bytes are binary, broken UTF-8, mixed codes, or no code these files come in."""
    if data.startswith(UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise InputError(f"{source}: файл помечен как UTF-16, но байт {e.start} не по правилам UTF-16") from None
    data = data.removeprefix(UTF8_BOM)
    if b"\x00" in data:
        raise InputError(f"{source}: похоже на двоичный файл, ожидался текст")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    utf8 = next((no for no, line in enumerate(lines, 1) if not line.isascii() and _is_utf8(line)), None)
    if utf8 is not None:
        no, column, byte = _first_bad(lines)
        raise InputError(
            f"{source}: строка {no}, байт {column}: 0x{byte:02X} — не UTF-8, а строка {utf8} в UTF-8; файл повреждён "
            "или в нём смешаны кодировки — сохраните его целиком в UTF-8"
        )
    return _single_byte(lines, source)


def plain_utf8(data: bytes) -> bool:
    """Bytes `decode` reads as they are (UTF-8 with no BOM and no NUL byte): their text encodes back to them."""
    return not data.startswith(UTF16_BOMS) and not data.startswith(UTF8_BOM) and b"\x00" not in data and _is_utf8(data)


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _first_bad(lines: list[bytes]) -> tuple[int, int, int]:
    """(line, 1-based byte in the line, the byte) of the first byte that breaks UTF-8."""
    for no, line in enumerate(lines, 1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as e:
            return no, e.start + 1, line[e.start]
    raise AssertionError("called on bytes that are valid UTF-8")


def _score(text: str) -> float:
    return sum(_LOG.get(ch, 0.0) for ch in _CYRILLIC.findall(text.lower()))


def _read(line: bytes, code: str) -> str | None:
    try:
        return line.decode(code)
    except UnicodeDecodeError:  # Windows-1251 leaves 0x98 undefined
        return None


def _single_byte(lines: list[bytes], source: str) -> str:
    """Windows-1251 or KOI8-R, whichever reads as Russian; refused when lines clearly disagree."""
    totals = dict.fromkeys(SINGLE_BYTE, 0.0)
    first: dict[str, int] = {}  # the first line that clearly reads better in each code
    for no, line in enumerate(lines, 1):
        if line.isascii():
            continue
        readings = {code: _read(line, code) for code in SINGLE_BYTE}
        scores = {code: _score(text) if text is not None else -math.inf for code, text in readings.items()}
        for code, score in scores.items():
            totals[code] += score if score != -math.inf else -1e6
        best, other = sorted(SINGLE_BYTE, key=lambda c: -scores[c])
        if scores[best] - scores[other] >= DECISIVE:
            first.setdefault(best, no)
    if len(first) > 1:
        a, b = sorted(first, key=first.__getitem__)
        raise InputError(
            f"{source}: в файле смешаны кодировки — строка {first[a]} читается как {SINGLE_BYTE[a]}, строка {first[b]} — "
            f"как {SINGLE_BYTE[b]}; сохраните его целиком в UTF-8"
        )
    # KOI8-R defines every byte, so it is the choice when Windows-1251 cannot read a line; a tie (no Russian
    # letters at all) goes to Windows-1251, the usual code of Russian Windows
    code = max(SINGLE_BYTE, key=lambda c: (totals[c], c == "cp1251"))
    return b"\n".join(lines).decode(code)
