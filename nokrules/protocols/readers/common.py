"""What every protocol reader shares: cleaning lines into findings, section headings, and column headers.

Protocols come from many regions and years and are retyped, exported and pasted many times over, so the
readers recognise headings and columns by keywords rather than exact wording, and every reader builds its
findings text the same way («- » and one finding per line), so a plan drafted from a DOCX protocol is the
plan drafted from the same protocol pasted as text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from nokrules.core.findings import BULLET_RE, group_lines, join_lines, normalize_line
from nokrules.core.model import ProtocolInstitution


class NotThisFormat(Exception):
    """The input is not a protocol in this reader's format. The message (Russian) says why: when no format
    fits, the error the user sees lists every reader's reason, so each must be specific."""


# ---------------------------------------------------------------- findings and plan lines


def clean(text: str) -> str:
    """One line or cell as a human reads it: invisible characters gone, runs of spaces and tabs made one."""
    return normalize_line(text)


def _strip_item(text: str) -> str:
    return text.strip().rstrip(";,").strip()


def clean_item(text: str) -> str:
    """One finding or plan line given on its own (a list element): spaces made one, the bullet and the
    trailing «;» or «,» of a list gone, a line break inside it made a space."""
    text = clean(" ".join(text.split("\n")))
    m = BULLET_RE.match(text)
    return _strip_item(text[m.end() :] if m else text)


def group_items(lines: Sequence[tuple[int, str]], wrapped: bool) -> list[tuple[int, str]]:
    """Lines of a findings or plan block → items, each with the line it starts on.

    Where an item wrapped over several lines ends is decided by the core's `group_lines`, the rule the
    planner splits pasted findings with. A blank line inside a protocol's block is spacing (a PDF page
    break, Word's paragraph spacing), not the end of an item, so blank lines are left out first.
    """
    out = []
    for parts in group_lines([(no, t) for no, t in lines if clean(t)], wrapped):
        item = _strip_item(join_lines(parts)[0])
        if re.search(r"[^\W_]", item):
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
class _Row:
    number: int | None
    name: str
    kind: str | None
    score: float | None
    rank: int | None
    line: int
    findings: list[str] = field(default_factory=list)
    plan: list[str] = field(default_factory=list)
    findings_line: int = 0


HEADER_SEARCH = 20  # rows above the header: a title, the rating heading, an empty row or two


def read_table(rows: Sequence[Sequence[str]], sections: Sections, first_row: int = 1) -> list[ProtocolInstitution]:
    """Rows of a table (DOCX table, CSV, worksheet) → institutions.

    The header is the first row (among the first 20) with a name and a findings column; rows above it may
    name the section. Below it, a row with a single text outside the findings and plan columns that reads
    like a heading, or one merged across the row, is a section heading («(Центры социального обслуживания
    населения)»); a row without a name, or with the name of the row above, continues that institution
    (merged cells, one finding per row), so `findings_line` is the row of its first finding. Raises
    NotThisFormat saying which columns are missing when there is no header.
    """
    header = -1
    cols: dict[str, int] = {}
    best: dict[str, int] = {}
    above: list[str] = []
    for i, cells in enumerate(rows[:HEADER_SEARCH]):
        found = identify_columns(cells)
        if "name" in found and "findings" in found:
            header, cols = i, found
            break
        if len(found) > len(best):
            best = found
        above.append(" ".join(_distinct(cells)))
    if header >= 0:
        for line in above:  # the title rows above the header («Рейтинг …», «(Центры …)»)
            sections.feed(line)
    else:
        seen = [clean(c) for c in (rows[0] if rows else []) if clean(c)][:8]
        shown = f" (в первой строке: {', '.join(f'«{s}»' for s in seen)})" if seen else ""
        raise NotThisFormat(" и ".join(columns_missing(best)) + shown)

    def cell(cells: Sequence[str], role: str) -> str:
        i = cols.get(role)
        return cells[i] if i is not None and i < len(cells) else ""

    drafts: list[_Row] = []
    for i in range(header + 1, len(rows)):
        cells = rows[i]
        row_no = first_row + i
        distinct = _distinct(cells)
        if not distinct or _numbering_row(cells):
            continue
        if len(distinct) == 1 and _heading_row(cells, cols, distinct[0]):
            sections.feed(distinct[0])
            continue
        name = clean(cell(cells, "name"))
        number = parse_int(cell(cells, "number"))
        findings = [t for _, t in group_items([(row_no, line) for line in cell(cells, "findings").split("\n")], False)]
        plan = [t for _, t in group_items([(row_no, line) for line in cell(cells, "plan").split("\n")], False)]
        prev = drafts[-1] if drafts else None
        same = prev is not None and (not name or name == prev.name) and (number is None or number == prev.number)
        if prev is not None and same:
            if findings and not prev.findings:
                prev.findings_line = row_no
            prev.findings += findings
            prev.plan += plan
            prev.score = prev.score if prev.score is not None else parse_score(cell(cells, "score"))
            prev.rank = prev.rank if prev.rank is not None else parse_int(cell(cells, "rank"))
            continue
        if not name and not findings:
            continue
        kind = clean(cell(cells, "kind")) or sections.kind
        drafts.append(
            _Row(
                number=number,
                name=name or (f"Учреждение № {number}" if number is not None else f"Учреждение из строки {row_no}"),
                kind=kind,
                score=parse_score(cell(cells, "score")),
                rank=parse_int(cell(cells, "rank")),
                line=row_no,
                findings=findings,
                plan=plan,
                findings_line=row_no,
            )
        )
    return [
        ProtocolInstitution(
            number=d.number,
            name=d.name,
            kind=d.kind,
            score=d.score,
            rank=d.rank,
            findings=findings_text(d.findings),
            findings_line=d.findings_line or d.line,
            human_plan=d.plan,
        )
        for d in drafts
    ]


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
