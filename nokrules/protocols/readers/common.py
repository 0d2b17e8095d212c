"""What every protocol reader shares: cleaning lines into findings, section headings, and column headers.

Protocols come from many regions and years and are retyped, exported and pasted many times over, so the
readers recognise headings and columns by keywords rather than exact wording, and every reader builds its
findings text the same way («- » and one finding per line), so a plan drafted from a DOCX protocol is the
plan drafted from the same protocol pasted as text.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from nokrules.core.errors import InputError
from nokrules.core.findings import group_lines, join_lines, normalize_line, without_bullet
from nokrules.core.limits import OFFICE_UNPACKED_MAX
from nokrules.core.model import ProtocolInstitution


class NotThisFormat(Exception):
    """The input is not a protocol in this reader's format. The message (Russian) says why: when no format
    fits, the error the user sees lists every reader's reason, so each must be specific."""


def check_unpacked(data: bytes, name: str) -> None:
    """Refuse a DOCX or XLSX (a ZIP archive) whose members unpack to more than OFFICE_UNPACKED_MAX, before
    any XML is parsed: a 110 KB file of 50 MB of empty paragraphs took 86 s and 2.3 GB. zipfile never
    returns more bytes than a member declares, so the declared sizes are a true bound."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        return  # the reader says it is no DOCX/XLSX
    if total > OFFICE_UNPACKED_MAX:
        mib = 1024 * 1024
        raise InputError(
            f"{name}: документ распаковывается в {total / mib:.0f} МБ, больше предела {OFFICE_UNPACKED_MAX // mib} МБ "
            "(так выглядят сжатые файлы-«бомбы»); если это настоящий протокол, разделите его на части"
        )


# ---------------------------------------------------------------- findings and plan lines


def clean(text: str) -> str:
    """One line or cell as a human reads it: invisible characters gone, runs of spaces and tabs made one."""
    return normalize_line(text)


def _strip_item(text: str) -> str:
    return text.strip().rstrip(";,").strip()


def clean_item(text: str) -> str:
    """One finding or plan line given on its own (a list element): spaces made one, the bullet and the
    trailing «;» or «,» of a list gone, a line break inside it made a space."""
    return _strip_item(without_bullet(clean(" ".join(text.split("\n")))))


def group_items(lines: Sequence[tuple[int, str]], wrapped: bool) -> list[tuple[int, str]]:
    """Lines of a findings or plan block → items, each with the line it starts on.

    Where an item wrapped over several lines ends is decided by the core's `group_lines`, the rule the
    planner splits pasted findings with. A blank line inside a protocol's block is spacing (a PDF page
    break, Word's paragraph spacing), not the end of an item, so blank lines are left out first.
    """
    out = []
    for parts in group_lines([(no, t) for no, t in lines if clean(t)], wrapped):
        item = _strip_item(join_lines(parts)[0])
        if item:  # a line of symbols («♿ 🚫», «???») is kept: the plan shows it unrecognised
            out.append((parts[0][0], item))
    return out


def findings_text(items: Sequence[str]) -> str:
    """The findings as the planner takes them: «- » and one finding per line."""
    return "\n".join(f"- {item}" for item in items)


# ---------------------------------------------------------------- numbers


_SCORE_RE = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
_INT_RE = re.compile(r"^(\d{1,6})[.)]?$")


def parse_score(text: str) -> float | None:
    """«29,70» (the Russian decimal comma) or «29.7» → 29.7; anything else → None."""
    t = clean(text).replace(" ", "")
    return float(t.replace(",", ".")) if _SCORE_RE.match(t) else None


def parse_int(text: str) -> int | None:
    """«1», «1.», «1)» → 1; anything else → None."""
    m = _INT_RE.match(clean(text))
    return int(m.group(1)) if m else None


# ---------------------------------------------------------------- sections: the kind of institution


_SECTION_RE = re.compile(r"^рейтинг\b", re.IGNORECASE)
_PAREN_RE = re.compile(r"\(([^()]+)\)")
_NOT_KIND = re.compile(r"балл|значени|мест[оа]|№|п/п|\d", re.IGNORECASE)


def is_section_heading(text: str) -> bool:
    """«Рейтинг учреждений …» opens a rating section. Capitalised: a wrapped finding may well start «рейтинге»."""
    return bool(_SECTION_RE.match(text)) and text[:1].isupper()


def kind_in(text: str) -> str | None:
    """The kind a heading names in parentheses: «(Центры социального обслуживания населения) Кемеровской
    области» → «Центры социального обслуживания населения». Capitalised and without digits, so that
    «(баллы)» or «(2016 г.)» are not taken for a kind."""
    for m in _PAREN_RE.finditer(text):
        inner = clean(m.group(1))
        if len(inner) >= 3 and inner[:1].isupper() and not _NOT_KIND.search(inner):
            return inner
    return None


@dataclass
class Sections:
    """The rating section being read. A protocol groups institutions by kind under headings such as
    «Рейтинг учреждений социального обслуживания населения» + «(Областные дома ветеранов) …»; every
    institution below takes that kind until the next section."""

    kind: str | None = None

    def feed(self, text: str) -> bool:
        """A line read between institutions. True when it opened a section or named a kind."""
        text = clean(text)
        if is_section_heading(text):
            self.kind = kind_in(text)
            return True
        kind = kind_in(text)
        if kind:
            self.kind = kind
            return True
        return False


# ---------------------------------------------------------------- columns


# Order matters: a header cell takes the first pattern it matches, and a role goes to the column matched
# by its earliest pattern (the leftmost on a tie). So the specific patterns come before the generic ones:
# «Недостатки, выявленные у учреждения» is the findings, not the name; «Вид учреждения» the kind;
# «Результаты оценки (баллы)» the score, while «Результаты рассмотрения…» is the findings only when no
# column says «Недостатки».
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (role, re.compile(rx, re.IGNORECASE))
    for role, rx in (
        ("number", r"^(?:№.*|n|no\.?|#|номер|п\s*/\s*п|number|num)$"),
        ("rank", r"\bмест[оа]?\b|^рейтинг$|\brank|\bplace\b|позици"),
        ("plan", r"план|мероприяти|предложени|рекомендаци|plan|measures"),
        ("findings", r"недостат(?:ок|к)|замечани|выявлен|нарушени|finding|deficienc|shortcoming|issues"),
        ("kind", r"^(?:вид|тип|категори|kind|type)"),
        ("name", r"наименовани|название|institution|organi[sz]ation|^name$"),
        ("score", r"интеграл|балл|значени|score|points|итог"),
        ("findings", r"результат|results?"),
        ("name", r"учреждени|организаци"),
    )
)


def identify_columns(cells: Sequence[str]) -> dict[str, int]:
    """Header cells → role → column index."""
    best: dict[str, tuple[int, int]] = {}  # role → (pattern index, column)
    for column, cell in enumerate(cells):
        text = clean(cell)
        match = next(((k, role) for k, (role, rx) in enumerate(_PATTERNS) if text and rx.search(text)), None)
        if match is None:
            continue
        k, role = match
        if role not in best or k < best[role][0]:
            best[role] = (k, column)
    return {role: column for role, (_, column) in best.items()}


def columns_missing(cols: dict[str, int]) -> list[str]:
    """What a header needs and lacks, in Russian, for the reason a table was not taken."""
    missing = []
    if "name" not in cols:
        missing.append("нет столбца с названием учреждения («Наименование», «Учреждение», «institution»)")
    if "findings" not in cols:
        missing.append("нет столбца с недостатками («Недостатки», «Результаты…», «findings»)")
    return missing


def _numbering_row(cells: Sequence[str]) -> bool:
    """The row of column numbers «1 | 2 | 3 | 4» Russian tables often put under the header."""
    values = [clean(c) for c in cells]
    filled = [v for v in values if v]
    return len(filled) >= 2 and all(re.fullmatch(r"\d{1,2}\.?", v) for v in filled)


@dataclass
class _Draft:
    """An institution being read from the rows of a table (its findings may go on over several rows)."""

    number: int | None
    name: str
    kind: str | None
    score: float | None
    rank: int | None
    line: int
    findings: list[str] = field(default_factory=list)
    plan: list[str] = field(default_factory=list)
    findings_line: int = 0

    def continued_by(self, name: str, number: int | None) -> bool:
        """A row without a name, or with this one's name (and no other number), goes on with this institution."""
        return (not name or name == self.name) and (number is None or number == self.number)

    def extend(self, row: _TableRow) -> None:
        findings = row.items("findings")
        if findings and not self.findings:
            self.findings_line = row.line
        self.findings += findings
        self.plan += row.items("plan")
        self.score = self.score if self.score is not None else parse_score(row.cell("score"))
        self.rank = self.rank if self.rank is not None else parse_int(row.cell("rank"))

    def institution(self) -> ProtocolInstitution:
        return ProtocolInstitution(
            number=self.number,
            name=self.name,
            kind=self.kind,
            score=self.score,
            rank=self.rank,
            findings=findings_text(self.findings),
            findings_line=self.findings_line or self.line,
            human_plan=self.plan,
        )


@dataclass(frozen=True)
class _TableRow:
    """One row below the header, read through the header's columns."""

    cells: Sequence[str]
    cols: dict[str, int]
    line: int

    def cell(self, role: str) -> str:
        i = self.cols.get(role)
        return self.cells[i] if i is not None and i < len(self.cells) else ""

    def items(self, role: str) -> list[str]:
        """The findings or plan items of the row's cell, one per item however the cell wraps them."""
        return [t for _, t in group_items([(self.line, text) for text in self.cell(role).split("\n")], False)]


HEADER_SEARCH = 20  # rows above the header: a title, the rating heading, an empty row or two


# A reader's check of one row against the header: (cells, columns, header width, row index) → the cells to
# read, repaired, or an InputError naming the row. CSV uses it: a «;» inside an unquoted cell splits it.
RowCheck = Callable[[Sequence[str], dict[str, int], int, int], Sequence[str]]


def read_table(
    rows: Sequence[Sequence[str]], sections: Sections, first_row: int = 1, check: RowCheck | None = None
) -> list[ProtocolInstitution]:
    """Rows of a table (DOCX table, CSV, worksheet) → institutions.

    The header is the first row (among the first 20) with a name and a findings column; rows above it may
    name the section. Below it, a row with a single text outside the findings and plan columns that reads
    like a heading, or one merged across the row, is a section heading («(Центры социального обслуживания
    населения)»); a row without a name, or with the name of the row above, continues that institution
    (merged cells, one finding per row), so `findings_line` is the row of its first finding. Raises
    NotThisFormat saying which columns are missing when there is no header. `check`, when given, sees
    every row below the header first.
    """
    header, cols = _header(rows, sections)
    width = max((j + 1 for j, c in enumerate(rows[header]) if clean(c)), default=0)
    drafts: list[_Draft] = []
    for i in range(header + 1, len(rows)):
        cells = check(rows[i], cols, width, i) if check else rows[i]
        _read_row(_TableRow(cells, cols, first_row + i), sections, drafts)
    return [d.institution() for d in drafts]


def _header(rows: Sequence[Sequence[str]], sections: Sections) -> tuple[int, dict[str, int]]:
    """The header row's index and its columns; the title rows above it feed `sections`. NotThisFormat
    naming what the best candidate lacks when no row among the first HEADER_SEARCH has a name and findings."""
    best: dict[str, int] = {}
    above: list[str] = []
    for i, cells in enumerate(rows[:HEADER_SEARCH]):
        found = identify_columns(cells)
        if "name" in found and "findings" in found:
            for line in above:  # the title rows above the header («Рейтинг …», «(Центры …)»)
                sections.feed(line)
            return i, found
        if len(found) > len(best):
            best = found
        above.append(" ".join(_distinct(cells)))
    seen = [clean(c) for c in (rows[0] if rows else []) if clean(c)][:8]
    shown = f" (в первой строке: {', '.join(f'«{s}»' for s in seen)})" if seen else ""
    raise NotThisFormat(" и ".join(columns_missing(best)) + shown)


def _read_row(row: _TableRow, sections: Sections, drafts: list[_Draft]) -> None:
    """One row below the header: skipped, a section heading, more of the institution above, or a new one."""
    distinct = _distinct(row.cells)
    if not distinct or _numbering_row(row.cells):
        return
    if len(distinct) == 1 and _heading_row(row.cells, row.cols, distinct[0]):
        sections.feed(distinct[0])
        return
    name = clean(row.cell("name"))
    number = parse_int(row.cell("number"))
    if drafts and drafts[-1].continued_by(name, number):
        drafts[-1].extend(row)
        return
    findings = row.items("findings")
    if not name and not findings:
        return
    drafts.append(
        _Draft(
            number=number,
            name=name or (f"Учреждение № {number}" if number is not None else f"Учреждение из строки {row.line}"),
            kind=clean(row.cell("kind")) or sections.kind,
            score=parse_score(row.cell("score")),
            rank=parse_int(row.cell("rank")),
            line=row.line,
            findings=findings,
            plan=row.items("plan"),
            findings_line=row.line,
        )
    )


def _heading_row(cells: Sequence[str], cols: dict[str, int], text: str) -> bool:
    """A row with one text is a section heading when it is merged across the row, or when it sits outside
    the findings and plan columns and reads like one («Рейтинг …», «(Центры …)»). A lone finding on a
    continuation row is never taken for a heading, even with a capitalised parenthesis in it."""
    filled = [j for j, c in enumerate(cells) if clean(c)]
    if len(filled) > 1:
        return True
    if filled[0] in (cols.get("findings"), cols.get("plan")):
        return False
    return is_section_heading(text) or kind_in(text) is not None


def _distinct(cells: Sequence[str]) -> list[str]:
    """The different non-empty texts of a row, in order (a merged cell repeats its text in every column)."""
    out: list[str] = []
    for c in cells:
        t = clean(c)
        if t and t not in out:
            out.append(t)
    return out
