"""What the document tests need from a PDF: LibreOffice converts a DOCX or XLSX, poppler's pdftotext reads
the text back page by page (Chromium prints the HTML plan the same way), and two checks on that text — nothing lost, no word broken without a hyphen.

pdftotext (Debian poppler-utils) rather than pypdf: it is poppler's own text extractor, kept by the
freedesktop project and used by most Linux viewers; its `-raw` mode gives each table cell's lines in the
order LibreOffice drew them, so a cell continued on the next page reads on after the repeated header.
pypdf's extractor works without a system package but guesses word spacing from glyph positions and loses
it in narrow justified cells, which is exactly what these checks look at.

A missing LibreOffice or poppler skips the tests that need them, with the reason, except under
NOKRULES_REQUIRE_OFFICE=1 (`.ci/run` sets it after installing them), where it is an error.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

SOFFICE = os.environ.get("NOKRULES_SOFFICE") or shutil.which("soffice") or shutil.which("libreoffice") or ""
PDFTOTEXT = shutil.which("pdftotext") or ""
MISSING = (
    "нет LibreOffice (soffice): установите пакеты Debian libreoffice-writer-nogui и libreoffice-calc-nogui (.ci/run это делает)"
    if not SOFFICE
    else "нет pdftotext: установите пакет Debian poppler-utils (.ci/run это делает)"
    if not PDFTOTEXT
    else ""
)
if MISSING and os.environ.get("NOKRULES_REQUIRE_OFFICE") == "1":  # CI installs them: never skip there
    raise RuntimeError(f"проверка PDF обязательна (NOKRULES_REQUIRE_OFFICE=1), но {MISSING}")
needs_office = pytest.mark.skipif(bool(MISSING), reason=MISSING)

CHROMIUM = os.environ.get("NOKRULES_CHROMIUM") or shutil.which("chromium") or ""
NO_CHROMIUM = (
    "нет Chromium: установите пакет Debian chromium (.ci/run это делает)"
    if not CHROMIUM
    else "нет pdftotext: установите пакет Debian poppler-utils (.ci/run это делает)"
    if not PDFTOTEXT
    else ""
)
if NO_CHROMIUM and os.environ.get("NOKRULES_REQUIRE_BROWSER") == "1":
    raise RuntimeError(f"проверка печати HTML обязательна (NOKRULES_REQUIRE_BROWSER=1), но {NO_CHROMIUM}")
needs_chromium = pytest.mark.skipif(bool(NO_CHROMIUM), reason=NO_CHROMIUM)
# as root in a container with no network beyond loopback, as in tests/test_web_e2e.py
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
]

_PUNCT = "«»„“”\"'()[]{},.;:!?…—–/"
_NUMBERS = re.compile(r"^\s*1(?: \d+)+\s*$")  # the row of column numbers under the header


def to_pdf(src: Path) -> Path:
    """`src` (DOCX, XLSX) converted by LibreOffice into a PDF beside it. Each call has its own LibreOffice
    profile in the same folder, so conversions running at the same time do not share one."""
    profile = src.parent / f".lo-{src.stem}"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(src.parent),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = src.with_suffix(".pdf")
    assert pdf.is_file(), f"LibreOffice не создал {pdf.name}"
    return pdf


def print_html(src: Path) -> Path:
    """`src` (an HTML file) printed by headless Chromium to a PDF beside it, without the browser's own
    header and footer (the page's @page rules number the pages)."""
    pdf = src.with_suffix(".pdf")
    subprocess.run(
        [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={src.parent / '.chromium'}", f"--print-to-pdf={pdf}", src.as_uri()],
        check=True,
        capture_output=True,
        timeout=180,
    )
    assert pdf.is_file(), f"Chromium не создал {pdf.name}"
    return pdf


def pages(pdf: Path) -> list[str]:
    """The text of each page, lines in drawing order (pdftotext -raw)."""
    out = subprocess.run([PDFTOTEXT, "-raw", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, timeout=120)
    texts = out.stdout.decode("utf-8").split("\f")
    return texts[:-1] if texts and not texts[-1].strip() else texts


def flat(text: str) -> str:
    """Text compared regardless of line breaks and hyphens: whitespace (non-breaking too), hyphens and soft
    hyphens removed."""
    return re.sub(r"[\s\u00ad\-‐]+", "", text)


def _body(page_texts: list[str]) -> list[str]:
    """Each page without the page number at its foot and, after the first, without the repeated table
    header (up to its row of column numbers)."""
    out: list[str] = []
    for k, text in enumerate(page_texts):
        lines = text.splitlines()
        while lines and not lines[-1].strip():
            lines.pop()
        if lines and lines[-1].strip().isdigit():
            lines = lines[:-1]
        if k > 0:
            numbers = next((j for j, line in enumerate(lines) if _NUMBERS.match(line)), None)
            if numbers is not None:
                lines = lines[numbers + 1 :]
        out.append("\n".join(lines))
    return out


def _longest_prefix(needle: str, page: str) -> int:
    """The length of the longest start of `needle` found in `page` (a start found means every shorter one is)."""
    lo, hi = 0, len(needle)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if needle[:mid] in page:
            lo = mid
        else:
            hi = mid - 1
    return lo


PIECE = 20  # characters (of `flat` text) a piece of a cell broken across pages must have to count
FIRST_PIECE = 8  # the piece on the page where the cell begins


def missing(page_texts: list[str], texts: list[str]) -> list[str]:
    """The texts not printed in full (compared by `flat`): each must be read on one page, or begin on one
    page and go on at the top of the next ones, as a cell broken across pages does (other cells of the
    same row may be drawn between its parts, so the pages are searched, not one joined flow)."""
    bodies = [flat(t) for t in _body(page_texts)]

    def printed(needle: str) -> bool:
        for k in range(len(bodies)):
            rest, j = needle, k
            while j < len(bodies):
                n = _longest_prefix(rest, bodies[j])
                if n == len(rest):
                    return True
                # a piece shorter than PIECE could be found by chance; the first may be shorter (a cell whose first
                # line is the last of its page, «информационный стенд»), as long as the rest then follows in full
                if n < min(FIRST_PIECE if j == k else PIECE, len(rest)):
                    break
                rest, j = rest[n:], j + 1
        return False

    return [t for t in texts if not printed(flat(t))]


def _words(text: str) -> list[str]:
    """Words without the punctuation around them. Soft hyphens are break points inside a word (Chromium
    writes each part of such a word as its own piece of text), a hyphen U+2010 that ends a line is where
    the line broke, a line broken after a slash («п/» «п») reads as one word."""
    text = re.sub("\u00ad\\s*", "", text)
    text = re.sub("\u2010(?=\\s)", "-", text)
    text = re.sub(r"/\s+", "/", text)
    return [w for w in (t.strip(_PUNCT) for t in text.split()) if w]


def broken_words(page_texts: list[str], source: list[str]) -> list[str]:
    """Fragments in the PDF text that are no word of the source: a word split across lines without a
    hyphen. Parts ending in a hyphen are fine when together they make a word of the source, each hyphen
    kept («чек-» «листу») or dropped (a hyphenated word, «фи-» «нансово-хозяйствен-» «ной»). The pages are
    read as one flow without their repeated header; a word broken at the foot of a page goes on after the
    first lines of the other cells continued on the next page, so its end is looked for a little further."""
    vocabulary = {w for t in source for w in _words(t)}
    tokens = [w for body in _body(page_texts) for w in _words(body)]
    found: list[str] = []
    used: set[int] = set()
    k = 0
    while k < len(tokens):
        w = tokens[k]
        if k in used or w in vocabulary or w.isdigit():
            k += 1
            continue
        joined, j = {w}, k
        while not joined & vocabulary and j + 1 < len(tokens) and j - k < 4 and any(c.endswith("-") for c in joined):
            j += 1
            joined = {c + tokens[j] for c in joined if c.endswith("-")} | {c[:-1] + tokens[j] for c in joined if c.endswith("-")}
        if joined & vocabulary:
            used.update(range(k, j + 1))
        elif w.endswith("-"):
            end = next(
                (i for i in range(k + 1, min(k + 80, len(tokens))) if {w + tokens[i], w[:-1] + tokens[i]} & vocabulary), None
            )
            if end is None:
                found.append(w)
            else:
                used.update((k, end))
        else:
            found.append(w)
        k += 1
    return found
