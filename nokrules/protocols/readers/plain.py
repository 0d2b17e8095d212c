"""The protocol as published in text: what a ministry's site offers, or what Word and PDF give when copied.

The Kemerovo 2016 protocol is the model: a rating section («Рейтинг учреждений …» + «(Областные дома
ветеранов) Кемеровской области»), the table header, then per institution its number («1. »), its name
(sometimes wrapped over two lines with a blank line between), «Результаты рассмотрения результатов
независимой оценки» and the findings as bullets, «Планы по улучшению качества работы организации» and the
plan bullets, and last the score «29,70» and the place «1» on lines of their own. Other regions word the
headings differently, so headings are found by keywords; the plan block and the numbers may be missing.

An institution is a numbered line followed by a name and a findings block (a heading or bullets straight
away). Numbered findings («1) нет …») look like numbered institutions, so inside a findings block a number
starts a new institution only when it is the next number and a findings heading or an organisation form
(«МБУ», «ГАУСО») follows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum, auto

from nokrules.core.findings import BULLET_RE
from nokrules.core.model import ProtocolInstitution
from nokrules.protocols.readers.common import (
    NotThisFormat,
    Sections,
    clean,
    findings_text,
    group_items,
    is_section_heading,
    parse_int,
    parse_score,
)

_NUMBER_RE = re.compile(r"^(\d{1,4})\s*[.)](?!\d)\s*(.*)$")
_VALUES_RE = re.compile(r"^(\d{1,4}(?:[.,]\d+)?)(?:\s+(\d{1,4}(?:[.,]\d+)?))?$")
_FINDINGS_HEAD_RE = re.compile(r"^(?:результат|(?:[^\W\d_]+\s+){0,2}(?:недостатк|недостаток|замечани|нарушени))", re.IGNORECASE)
_PLAN_HEAD_RE = re.compile(r"^(?:план|предложени|рекомендаци|мероприяти|меры\b)", re.IGNORECASE)
# Organisation forms: МБУ, ГБУ, МКУ, ГАУСО, ГБСУ СО, МБОУ, ГБУЗ … (capitals with a «У» for «учреждение»).
_ORG_RE = re.compile(r"(?<![^\W\d_])(?=[А-ЯЁ]{2,7}(?![^\W\d_]))[А-ЯЁ]*У[А-ЯЁ]*|\b(?:ООО|АНО|ОАО|ЗАО|АО|НКО)\b")
_SCORE_HEAD_RE = re.compile(r"интеграл|балл|значени", re.IGNORECASE)
_RANK_HEAD_RE = re.compile(r"\bмест[оа]?\b", re.IGNORECASE)
_HEADING_MAX = 200
LOOKAHEAD = 6
NAME_LINES_MAX = 6  # more is prose under a numbered paragraph («1. Общие положения»), not a name


class _State(Enum):
    NONE = auto()  # between institutions: titles, rating sections, the table header
    NAME = auto()  # after the number, before the findings
    FINDINGS = auto()
    PLAN = auto()
    TAIL = auto()  # score and place after the plan


@dataclass
class _Draft:
    number: int
    line: int
    kind: str | None
    rank_first: bool
    name: list[str] = field(default_factory=list)
    has_block: bool = False
    heading_line: int = 0
    findings: list[tuple[int, str]] = field(default_factory=list)
    plan: list[tuple[int, str]] = field(default_factory=list)
    values: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Line:
    """A non-empty line of the protocol and what it may be: a numbered line, a line of numbers."""

    text: str
    index: int  # 0-based
    numbered: re.Match[str] | None  # «1. Name»
    values: list[str] | None  # «29,70» or «29,70 1»

    @property
    def no(self) -> int:
        return self.index + 1


def read(text: str, name: str) -> list[ProtocolInstitution]:
    """A text protocol (decoded from UTF-8, BOM or Windows-1251 by `parse_bytes`) → its institutions."""
    return read_lines(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def _heading(text: str, rx: re.Pattern[str]) -> bool:
    """A heading: capitalised (a wrapped line of a finding starts in lower case), not a bullet, not long,
    and not a sentence of prose («Результаты оценки приведены ниже.»)."""
    if len(text) > _HEADING_MAX or not text[:1].isupper() or BULLET_RE.match(text) or not rx.match(text):
        return False
    return not (text.endswith(".") and len(text) > 40)


def _after_colon(text: str) -> str:
    """«Недостатки: нет сайта» → «нет сайта»: the first finding written on the heading's line."""
    head, sep, rest = text.partition(":")
    return rest.strip() if sep else ""


def _values(text: str) -> list[str] | None:
    m = _VALUES_RE.match(text)
    return [g for g in m.groups() if g] if m else None


def read_lines(lines: Sequence[str]) -> list[ProtocolInstitution]:
    """Lines of a protocol → its institutions; `findings_line` is the 1-based index into `lines`.

    Raises NotThisFormat when no numbered institution with a findings block is found.
    """
    reader = _Reader([clean(raw) for raw in lines])
    reader.run()
    if not reader.out:
        detail = f" (пронумерованных строк: {reader.numbered}, но ни у одной нет блока недостатков)" if reader.numbered else ""
        raise NotThisFormat(
            "не найдено ни одного пронумерованного учреждения с блоком недостатков "
            "(«Недостатки», «Результаты рассмотрения…» или строки с «- »)" + detail
        )
    return reader.out


class _Reader:
    """The line-by-line state machine: NONE → NAME → FINDINGS → PLAN → TAIL → the next number."""

    def __init__(self, texts: list[str]):
        self.texts = texts
        self.sections = Sections()
        self.state = _State.NONE
        self.cur: _Draft | None = None
        self.out: list[ProtocolInstitution] = []
        self.numbered = 0
        self.rank_first = False  # the table header put «Место» before «Баллы»
        self.header: set[str] = set()
        self.resume = _State.FINDINGS  # the block a TAIL interrupted
        self.tail_from = 0

    def run(self) -> None:
        i = 0
        while i < len(self.texts):
            t = self.texts[i]
            if t and not self.line(t, i):
                continue  # read the same line again in the new state
            i += 1
        self.finish()

    def line(self, t: str, i: int) -> bool:
        """Take line `i`; False when it ended the institution and must be read again between institutions."""
        if is_section_heading(t) and self.state is not _State.NONE:
            self.finish()
        if self.state is _State.NONE:
            self.between(t, i + 1)
            return True
        assert self.cur is not None
        line = _Line(t, i, _NUMBER_RE.match(t), _values(t))
        if self.state is _State.NAME:
            self.in_name(self.cur, line)
        elif self.state in (_State.FINDINGS, _State.PLAN):
            self.in_block(self.cur, line)
        else:
            return self.in_tail(self.cur, line)
        return True

    def in_name(self, cur: _Draft, line: _Line) -> None:
        """After the number: another number, the findings heading or bullets, numbers, or more of the name."""
        t, no = line.text, line.no
        if line.numbered:
            self.start(line.numbered, no)
        elif _heading(t, _FINDINGS_HEAD_RE):
            self.state, cur.has_block, cur.heading_line = _State.FINDINGS, True, no
            if first := _after_colon(t):
                cur.findings.append((no, first))
        elif line.values is not None:
            cur.values += line.values
        elif BULLET_RE.match(t) and cur.name:
            self.state, cur.has_block = _State.FINDINGS, True
            cur.findings.append((no, t))
        else:
            cur.name.append(t)

    def in_block(self, cur: _Draft, line: _Line) -> None:
        """In the findings or the plan: the plan heading, the numbers that end them, the next institution,
        or one more item."""
        t, no, m = line.text, line.no, line.numbered
        if self.state is _State.FINDINGS and _heading(t, _PLAN_HEAD_RE):
            self.state = _State.PLAN
            if first := _after_colon(t):
                cur.plan.append((no, first))
        elif line.values is not None:
            self.resume, self.tail_from, self.state = self.state, len(cur.values), _State.TAIL
            cur.values += line.values
        elif m and int(m.group(1)) == cur.number + 1 and self.looks_like_institution(m, line.index):
            self.start(m, no)
        else:
            (cur.findings if self.state is _State.FINDINGS else cur.plan).append((no, t))

    def in_tail(self, cur: _Draft, line: _Line) -> bool:
        """The score and the place; a number starts the next institution, anything else ends this one
        (False: the line is read again)."""
        m = line.numbered
        if line.values is not None:
            cur.values += line.values
        elif m and (int(m.group(1)) == cur.number + 1 or self.looks_like_institution(m, line.index)):
            self.start(m, line.no)
        elif BULLET_RE.match(line.text):
            # More items after a lone number: it was a page number of a PDF copy, not the score.
            del cur.values[self.tail_from :]
            self.state = self.resume
            return False
        else:
            self.finish()
            return False
        return True

    def between(self, t: str, no: int) -> None:
        """A line between institutions: a number starts one; headings name the section and the column order."""
        m = _NUMBER_RE.match(t)
        if m:
            self.start(m, no)
            return
        if self.sections.feed(t):
            self.header.clear()
        score, rank = _SCORE_HEAD_RE.search(t), _RANK_HEAD_RE.search(t)
        if score and rank:
            self.rank_first = rank.start() < score.start()
        elif (score or rank) and not self.header:
            self.rank_first = bool(rank)
        if score:
            self.header.add("score")
        if rank:
            self.header.add("rank")

    def start(self, m: re.Match[str], no: int) -> None:
        self.finish()
        self.numbered += 1
        self.cur = _Draft(int(m.group(1)), no, self.sections.kind, self.rank_first)
        if rest := m.group(2).strip():
            self.cur.name.append(rest)
        self.state = _State.NAME

    def finish(self) -> None:
        cur = self.cur
        if cur is not None and (cur.has_block or cur.findings) and len(cur.name) <= NAME_LINES_MAX:
            self.out.append(_institution(cur))
        self.cur, self.state = None, _State.NONE

    def looks_like_institution(self, m: re.Match[str], i: int) -> bool:
        """Is numbered line `i` an institution rather than a numbered item? A findings heading follows
        before any bullet, or its name (on the line or the next) is capitalised with an organisation form."""
        name = m.group(2).strip()
        seen = 0
        for t in self.texts[i + 1 :]:
            if not t:
                continue
            if _heading(t, _FINDINGS_HEAD_RE):
                return True
            if BULLET_RE.match(t) or _values(t) is not None or seen >= LOOKAHEAD:
                break
            name = name or t
            seen += 1
        return bool(name) and name[:1].isupper() and bool(_ORG_RE.search(name))


def _institution(d: _Draft) -> ProtocolInstitution:
    findings = group_items(d.findings, wrapped=True)
    plan = group_items(d.plan, wrapped=True)
    score, rank = _score_rank(d.values, d.rank_first)
    name = clean(" ".join(d.name)) or f"Учреждение № {d.number}"
    return ProtocolInstitution(
        number=d.number,
        name=name,
        kind=d.kind,
        score=score,
        rank=rank,
        findings=findings_text([t for _, t in findings]),
        findings_line=findings[0][0] if findings else (d.heading_line or d.line),
        human_plan=[t for _, t in plan],
    )


def _score_rank(values: list[str], rank_first: bool) -> tuple[float | None, int | None]:
    """The numbers after an institution → (score, place). A number with a decimal part is the score; two
    whole numbers are taken in the order of the table header (score first, as in «Интегральное значение
    критериев | Место в рейтинге», unless the header put the place first)."""
    nums = values[:2]
    if not nums:
        return None, None
    if len(nums) == 1:
        v = nums[0]
        if rank_first and not re.search(r"[.,]", v):
            return None, parse_int(v)
        return parse_score(v), None
    a, b = nums
    if re.search(r"[.,]", b) and not re.search(r"[.,]", a) or (rank_first and not re.search(r"[.,]", a + b)):
        a, b = b, a
    return parse_score(a), parse_int(b)
