"""Split pasted findings into one item per deficiency statement.

Inspectors paste from Word and PDF: bullets and numbering of every kind, blank lines, lines wrapped in
the middle of a phrase, several statements on one line. Wrapped lines are joined first, then a line is
cut at «;» (unless it is a table row) and at sentence ends, and every piece keeps the line where it starts
in the text as pasted, because curators and inspectors look it up there. Nothing is dropped but blank lines,
lone bullets and pieces of nothing but spaces and «, . ; :» (a line «- ♿ 🚫» or «- ???» is a finding, shown
unrecognised).
The protocol readers group the findings and plan blocks of a protocol with the same `group_lines`, so a
finding wrapped in a protocol ends where it would end pasted.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

from nokrules.core.encoding import decode
from nokrules.core.lemmas import WORD_RE, fold, is_done, is_done_by_someone, is_known, normal_form, tense
from nokrules.core.model import Finding
from nokrules.core.printable import printable

__all__ = [
    "ANSWER_CUT_RE", "PLACE_DASH_RE", "decode", "group_lines", "join_lines", "normalize_line", "split_findings", "without_bullet",
    "without_plan_columns",
]

TICKS = ("✓", "✔")  # a bullet, unless another mark in its line opens an item too
# a checklist mark that opens an item («✗ коляски»), not one that closes it («пандус ✗», «Брайль ✗;»)
OPENING_MARK_RE = re.compile(r"[✓✔☑✗✘☒]\s*[^\W\d_«\"]|[✓✔☑✗✘☒]\s*[«\"\d]")
BULLET_RE = re.compile(r"^\s*(?:[-–—•*·▪●○■□➢►✓✔>]+|\(?\d{1,3}[.)](?!\d)|\(?[а-яa-z][)])\s*")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_HAS_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")  # one scan; `translate` costs a lookup a character
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ODD_SPACES = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]|  ")  # what `_SPACES` would change
# Words a new finding typically starts with: a line beginning with one is not a wrapped continuation.
_STARTERS = re.compile(
    r"^(?:нет|не|ни|никто|отсутству\w*|отсутстви\w*|низк\w*|недостаточн\w*|неполн\w*|частичн\w*|требует\w*|"
    r"устаревш\w*|удовлетворенност\w*|удовлетворённост\w*|доля|информаци\w* не|помещени\w* не)\b"
)
_FUNCTION_END = re.compile(
    r"(?:\b(?:в|во|на|о|об|по|с|со|к|ко|для|от|до|из|у|за|при|и|или|а|но|что|как|не|без|через|между|под|над)|[,\-–(«])$"
)
# a sentence end: «.», «!» or «?» after a word of 3+ letters that is not a usual abbreviation («пос.», «каб.»,
# «тел.»), then a capital; shared with the concepts, which cut a finding into parts at the same places
_ABBREVIATIONS = "пос пер обл корп каб тел руб тыс стр мкр пгт дер просп пр-т ред прим табл соц спец зам нач зав отд".split()
SENTENCE_END = re.compile(
    # the look-ahead first: the look-behinds run only where a full stop stands, not at every character
    r"(?=[.!?])(?<=[^\W\d_]{3})" + "".join(rf"(?<!\b{a})" for a in _ABBREVIATIONS) + r"[.!?]+\s+(?=[«\"(]?[А-ЯЁA-Z])"
)

# a claim checked and found groundless: «доводы … не нашли подтверждения», «факты не подтвердились», «жалоба признана
# необоснованной», «вопрос снят» (see recognize._without_unconfirmed_claims;
# `_pieces` keeps such a verdict in one finding with the claims before it)
UNCONFIRMED_RE = re.compile(
    r"\bне\s+(?:нашл\w*\s+(?:сво\w+\s+)?подтвержд|подтвердил|подтвержда|подтвержден)\w*|\bпризна\w*\s+необоснованн\w*"
    r"|\bвопрос\s+снят",
    re.I,
)


def unconfirmed_verdicts(text: str) -> list[re.Match[str]]:
    """The verdicts on a claim in `text` (UNCONFIRMED_RE), with a cheap look for their stems first: most findings
    have none, and both the splitter and the reading of claims ask."""
    low = text.lower()
    if "подтвер" not in low and "снят" not in low and "необоснован" not in low:
        return []
    return list(UNCONFIRMED_RE.finditer(text))


# what tells a claim someone made: «заявитель сообщает», «доводы обращения», «со слов звонившей», «жалоба на …»
CLAIM_RE = re.compile(
    r"\b(?:заявител|заяв(?:ил|ля)|жалоб|(?:по)?жалова|довод|факт|утвержда|сообщ(?:а|и|ени)|звонивш|вопрос\s+снят)|\bсо\s+слов"
    r"|\bобращени\w*\s+(?:гр|от|№)", re.I
)

# a claim named right after its verdict: «проверка не подтвердила доводы о том, что …»
CLAIM_AFTER_RE = re.compile(r"\s+(?:[а-яё]+\s+)?(?:довод|факт|жалоб|утвержден|сведени|информаци)", re.I)


def judges_claim(text: str, start: int, verdict: re.Match[str]) -> bool:
    """Is the verdict a verdict on a claim: a claim word stands before it from `start` («доводы … не нашли
    подтверждения») or right after it («не подтвердила доводы о том, что …»)?"""
    return CLAIM_RE.search(text, start, verdict.end()) is not None or CLAIM_AFTER_RE.match(text, verdict.end()) is not None


# Lines a protocol repeats are what these caches are for; a national run's own lines (numbers, places) are
# new each time and would only fill them: 20,000 is room for every repeated line and ~15 MiB per process
LINES_CACHED = 20_000


@lru_cache(maxsize=LINES_CACHED)
def normalize_line(line: str) -> str:
    """One line as a human reads it: NFC, invisible characters gone, control characters made spaces
    (`printable`), runs of spaces made one."""
    line = unicodedata.normalize("NFC", printable(line))
    if _HAS_INVISIBLE.search(line):  # most lines have none: checked in one scan
        line = line.translate(_INVISIBLE)
    return (_SPACES.sub(" ", line) if _ODD_SPACES.search(line) else line).strip()


class _Open:
    """An item being assembled from one or more physical lines."""

    def __init__(self, text: str, line: int, bulleted: bool):
        self.parts: list[tuple[int, str]] = [(line, text)]
        self.bulleted = bulleted

    @property
    def last(self) -> str:
        return self.parts[-1][1]


def _continues(prev: _Open, text: str, wrapped: bool) -> bool:
    """Does `text` (a line without a bullet) continue the open item rather than start a new one?"""
    if prev.bulleted:
        return True
    if not wrapped:
        return False
    last = prev.last
    if _FUNCTION_END.search(last.lower()):
        return True
    return len(last) >= 60 and not re.search(r"[.;!?:%\d]$", last) and text[:1].islower() and not _STARTERS.match(text.lower())


def group_lines(lines: Iterable[tuple[int, str]], wrapped: bool = True) -> list[list[tuple[int, str]]]:
    """Numbered physical lines → the (line, text) parts of each item, in order, bullets removed.

    The one place that decides where an item wrapped over several lines ends, for pasted findings and
    for the findings and plan blocks of a protocol alike. A bullet («- », «1.», «а)») starts an item and
    the lines after it continue it, up to the next bullet or a blank line; a bullet alone on its line
    starts the item on the next one. A line without a bullet starts an item too, unless the text was
    `wrapped` by hand (pasted from Word or PDF, not the paragraphs of a table cell) and the line reads as
    the rest of the line before it.
    """
    closed: list[_Open] = []
    cur: _Open | None = None
    pending_bullet = False
    for no, raw in lines:
        line = normalize_line(raw)
        if not line:
            if cur:
                closed.append(cur)
                cur = None
            continue
        m = BULLET_RE.match(line)
        content = without_bullet(line, m)
        if m and not content:
            if cur:
                closed.append(cur)
                cur = None
            pending_bullet = True  # a bullet alone on its line: the text follows on the next one
            continue
        if m or pending_bullet:
            if cur:
                closed.append(cur)
            cur = _Open(content, no, True)
        elif cur and _continues(cur, content, wrapped):
            cur.parts.append((no, content))
        else:
            if cur:
                closed.append(cur)
            cur = _Open(content, no, False)
        pending_bullet = False
    if cur:
        closed.append(cur)
    return [block.parts for block in closed]


def join_lines(parts: Sequence[tuple[int, str]]) -> tuple[str, list[tuple[int, int]]]:
    """The lines of one item → its text, with (offset, line) marks for each part. A word hyphenated
    across lines («санитарно-гигие-» + «нического») is put back together."""
    text, marks = "", []
    for line, part in parts:
        if text and re.search(r"[^\W\d_]-$", text) and part[:1].islower():
            text = text[:-1]
        elif text:
            text += " "
        marks.append((len(text), line))
        text += part
    return text, marks


def _line_at(marks: list[tuple[int, int]], offset: int) -> int:
    line = marks[0][1]
    for off, ln in marks:
        if off <= offset:
            line = ln
    return line


LIST_COLON_RE = re.compile(r":(?!\d)")  # «Не размещены: A; B» opens a list, «с 9:00» does not
# a row of a table saved with «;» between its cells: a cell that is an indicator's number alone, maybe after the
# header it stands under or the word «показатель» («2.3; 76,2; ниже порога», «Показатель; Значение; Замечание — 3.3;
# 74; …», «Пок. 2.3; 71; < 90»)
TABLE_ROW_RE = re.compile(r"(?:^|;)\s*(?:[^;]*[—–:]\s*|(?:показатель|пок|п)\.?\s*)?[1-5]\.[1-3]\.?\s*;[^;]*;", re.I)


# a checklist's answer, the whole of a cell or after a dash: «+», «−», «да», «нет», «отс.», «частично», «не выполн.»,
# maybe with a remark after a comma or a bracket («есть, 2017 г.»)
ANSWER = (
    r"(?:\+|[-−–—]|да|нет|есть|имеется|в\s+наличии|отс\.?|отсутств[а-яё]*\.?|частичн[а-яё]*\.?|(?:не\s*)?выполн[а-яё]*\.?"
    r"|(?:не\s*)?соотв[а-яё]*\.?|(?:не)?удовл[а-яё]*\.?"
    # a count of the thing, its score, its checklist mark, or no remarks on it: «Сменные кресла-коляски; 2 шт.; замечаний
    # нет», «Стоянка для инвалидов; 0 баллов; не предусмотрена», «…; балл по позиции — 0», «3.2 п.3 сурдоперевод; 0; …»
    r"|[01](?=\s*(?:;|$))|\d+\s*(?:шт|ед)\.?|\d{1,3}(?:[.,]\d+)?\s*балл[а-яё]*|балл[а-яё]*(?:\s+по\s+[а-яё]+)?\s*[—–:-]\s*\d{1,3}(?:[.,]\d+)?|(?:замечани[йя]|нарушени[йя]|недостатк(?:ов|и))\s+(?:нет|не\s+выявлен[оы]?))(?=\s*(?:[,(;]|$))"
)
PLACE_ANSWER = r"(?:на\s+)?(?:сайт|стенд)[а-яё]*\s*[—–:-]?\s*"  # «сайт — нет», «на стенде: да»
ANSWER_CELL_RE = re.compile(rf"\s*(?:{PLACE_ANSWER})?{ANSWER}[^;]*", re.I)
PLACE_ANSWER_RE = re.compile(rf"\s*{PLACE_ANSWER}", re.I)
ANSWERED_RE = re.compile(rf"(?:^|[\s:—–-]){ANSWER}\s*$", re.I)  # a cell that ends in its answer: «тел. −»
PLACE_ANSWERED_RE = re.compile(rf"(?:^|[\s:;—–-]){PLACE_ANSWER}{ANSWER}\s*$", re.I)  # … a place's: «— сайт: нет»
# a place's dash before its answer, that the place is read without: «на сайте — нет» is «на сайте нет», and «на
# сайте — да» is «на сайте есть»
PLACE_DASH_RE = re.compile(
    rf"(?P<place>\bна\s+(?:сайт|стенд)[а-яё]*)\s*[—–:-]\s*(?:(?P<yes>да)(?=\s*(?:[,(;]|$))|(?={ANSWER}))", re.I
)
PLACE_ABSENT_RE = re.compile(
    r"(?:(?:а|но|однако|и)\s+)?(?:на|в)\s+(?:информационн[а-яё]*\s+)?(?:сайт|стенд)[^;]*?"
    r"(?:отсутству[а-яё]*|нет|не\s+(?:размещ|указ|представл|опубликов)[а-яё]*)\s*(?:\([^()]*\))?\s*[.!]?\s*",
    re.I,
)
# the «;» before an answer cell, that a row is read without: «Брайль; частично» reads «Брайль — частично»
ANSWER_CUT_RE = re.compile(rf"\s*;\s*(?P<place>{PLACE_ANSWER})?(?={ANSWER}[^;]*(?:;|$))", re.I)


# what a plan row or an order's annex tells beside a deficiency: when it was found, the time to fix it and who fixes
# it («— выявлено при осмотре 12.02.2025; срок устранения — 60 дней», «срок: 3 месяца», «(ответственный — юрисконсульт
# Салиндер А. П.)», «разместить в 5-дневный срок»); a column runs to a «;», a bracket, a new sentence or the end (see
# plan_columns). «Срок ожидания — 40 дней», «в установленный срок», «выявлено нарушение сроков» and «ответственный за
# сопровождение не назначен» are findings.
PLAN_HINT_RE = re.compile(r"срок|ответствен|отв\.|исполнител|выявлен|\.\d\d|квартал|течение", re.I)
# a column ends at a «;», a bracket, the end, or a new sentence: after a word, a date («до 01.09.2025. Нет кнопки») or
# initials («Петров И. И. Кнопка вызова не работает»; «Г. Ф. Нигматуллина.» is a name, not a sentence); a measure's column
# at a comma too. Looked for from the column's head on, so a long line is read once.
_END = (
    r"(?:(?<=[а-яё]{2})|(?<=\d))\.\s+(?-i:[А-ЯЁ][а-яё])|(?<=(?-i:[А-ЯЁ]))\.\s+(?-i:[А-ЯЁ][а-яё]+\s+[а-яё])|\.?$"
)
_COLUMN_END_RE = re.compile(rf"[;()]|{_END}", re.I)
_ACT_END_RE = re.compile(rf"[;(),]|{_END}", re.I)
# the verbs a plan's measure opens with, and the deadlines it is given
_FIX_VERB = (
    r"разместить|обновить|установить|обеспечить|устранить|оборудовать|приобрести|отремонтировать|обучить|провести|организовать"
    r"|разработать|утвердить|актуализировать|заменить|восстановить|смонтировать|нанести|привести|назначить|изготовить|дополнить"
    r"|опубликовать|закупить|выделить|создать|внести|исправить|довести|заключить|укомплектовать|переустроить|расширить"
)
# («в месячный срок» and «в III квартале» say a deadline wherever they stand; «до 01.03.2025» and «в течение 3 месяцев»
# only after a measure: «ожидание в течение трёх недель» is a finding)
_DEADLINE_SAID = r"(?:в\s+(?:\d+\s*-?\s*)?(?:[а-яё]*дневн|[а-яё]*месячн|[а-яё]*недельн|кратчайш)[а-яё]*\s+срок[а-яё]*|в\s+(?:I{1,3}|IV|[1-4])\s+квартал[а-яё]*)"
_DEADLINE = (
    rf"(?:{_DEADLINE_SAID}"
    r"|до\s+\d{1,2}\.\d{1,2}\.\d{2,4}|к\s+\d{1,2}\.\d{1,2}\.\d{2,4}"
    r"|в\s+течение\s+(?:\d+|одного|двух|трёх|трех|месяца|недели|года)(?:\s+[а-яё]+)?(?=\s*(?:[;().,]|$)))(?![а-яё])"
)
def _lead(stops: str) -> str:
    """What a column follows: the start, a separator, or a character of `stops` (a stop, a bracket, a colon); spaces
    before a separator are taken from the first one on, or a long run of them would be rescanned from each."""
    return rf"(?:^\s*|(?<!\s)\s*[,;—–]\s*|(?<={stops})\s*)"


_LEAD = _lead("[.(:]")
# a deadline's head: «срок устранения:», «срок —», «Срок до 01.03»; a bare «срок» not after a heading's colon
# («Путёвки в стационар: срок — 8 месяцев» is a wait)
_DEADLINE_HEAD = (
    rf"(?:{_LEAD}(?<![а-яё-])сроки?\s+(?:устранени|исполнени|выполнени|реализаци)[а-яё]*(?:\s+[а-яё]+){{0,2}}?"
    rf"|{_lead('[.(]')}(?<![а-яё-])сроки?)"
    r"(?:\s*[:—–-]|(?<=[а-яё])\s+(?=до\s|\d|немедленно|незамедлительно|постоянно|[IVX]+\s+кв))"
)
_OWNER_HEAD = rf"{_LEAD}(?<![а-яё-])(?:ответственн(?:ый|ая|ое|ые)|отв\.|исполнител[ьи])(?:\s+(?:исполнител[ьи]|лиц[оа]))?\s*[:—–-]"
# «выявлено», «выявлено оператором», «выявлено при визите 03.03.2025», alone in its clause
_FOUND = (
    rf"{_LEAD}(?<![а-яё-])выявлен[оаы]?"
    r"(?:\s+(?:при|в\s+ходе|во\s+время)(?:\s+[^\s;:,()]+){1,4}?|\s+(?:оператором|комиссией|экспертами|экспертом|инспектором))?"
    r"(?=\s*+(?:[;(),]|(?<=[а-яё]{2})\.\s+(?-i:[А-ЯЁ][а-яё])|\.?$))"
)
# the head of a column (`plan_columns` finds where it ends): a deadline, a person responsible («rest»), a measure
# («act»: «разместить в 5-дневный срок», «обучить до 31.12.2025», up to a comma — «установить пандус до 01.09.2024 не
# удалось, пандуса нет» is a finding); whole: when it was found, a deadline said anywhere («в месячный срок»)
PLAN_COLUMN_RE = re.compile(
    "|".join([
        rf"(?P<rest>{_DEADLINE_HEAD}|{_OWNER_HEAD})",
        rf"{_LEAD}(?P<act>(?:{_FIX_VERB})(?![а-яё]))",
        _FOUND,
        rf"(?<!\s)\s+{_DEADLINE_SAID}(?![а-яё])",
    ]),
    re.I,
)
_DEADLINE_RE = re.compile(_DEADLINE, re.I)
# a date alone, a diary's or a log's heading: «12 ноября», «5 марта 2025 г.», «12.03.2025»
DATE_ONLY_RE = re.compile(
    r"\s*(?:\d{1,2}\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)(?:\s+\d{4})?"
    r"|\d{1,2}\.\d{1,2}\.\d{2,4})(?:\s*(?:г\.?|года))?\s*",
    re.I,
)
# a column that says something is wrong is a finding after all: «ответственный: не назначен», «срок — нарушен»
_COLUMN_DENIED_RE = re.compile(r"(?<![а-яё])(?:(?:не|нет)(?![а-яё])|отсутств|наруш|превыш|соблюд|ожида|задерж|сорва|перенес|отлож)", re.I)


def plan_columns(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The spans of a plan's own columns in text[start:end], each with the separator before it."""
    piece = text[start:end]  # (not finditer's bounds: «^» would not match at the start of the piece)
    if PLAN_HINT_RE.search(piece) is None:
        return []  # most findings
    spans: list[tuple[int, int]] = []
    at = 0
    while (m := PLAN_COLUMN_RE.search(piece, at)) is not None:
        end = m.end()
        if m.group("rest") is not None or m.group("act") is not None:
            stop = (_COLUMN_END_RE if m.group("act") is None else _ACT_END_RE).search(piece, m.end())
            end = stop.start() if stop is not None else len(piece)  # («$» always matches)
            said = piece[m.end() : end]
            if _COLUMN_DENIED_RE.search(said) or m.group("act") is not None and _DEADLINE_RE.search(said) is None:
                at = max(m.end(), m.start() + 1)
                continue
        spans.append((m.start() + start, end + start))
        at = max(end, m.start() + 1)
    return spans


def without_plan_columns(text: str) -> str:
    """A finding copied from a plan or an order's annex read without the plan's own columns: when it was found,
    the deadline, the person responsible and the measure with its deadline name no deficiency, yet «срок» and
    «в месячный срок» read as a delay of services. A text that is nothing but them reads as nothing."""
    spans = plan_columns(text)
    if not spans:
        return text
    kept = _outside(text, spans, 0, len(text))
    return kept if re.search(r"[^\W\d_]{2}", kept) else ""


def _outside(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    """text[start:end] without the spans (in order, within it)."""
    bounds = [start, *(x for span in spans for x in span), end]
    return "".join(text[a:b] for a, b in zip(bounds[::2], bounds[1::2], strict=True))


@lru_cache(maxsize=LINES_CACHED)
def _pieces(text: str) -> tuple[tuple[int, str], ...]:
    """Cut a finding at «;» and at sentence ends; return (offset, piece) pairs. Cached: protocols repeat lines.

    A table row is one finding: cut at its «;», its cells would be findings of their own («2.3», «76,2»), the
    value apart from its indicator and a remark apart from both. So is a checklist's row, a thing and its answer
    with a remark maybe («Брайль; частично; только на двери директора»; «Лицензия; +; ФХД; −» is two rows)."""
    out: list[tuple[int, str]] = []
    start = 0
    cells = [] if TABLE_ROW_RE.search(text) else _row_cuts(text, [m.span() for m in re.finditer(r";+\s*", text)])
    # «Порядок обжалования размещён на сайте; на стендах отсутствует»: a piece that is a place and its absence alone
    # goes on with the thing before («на стендах» alone is no stand missing; «на стенде нет тарифов» names its own)
    ends = [a for a, _ in cells[1:]] + [len(text)]
    cells = [c for c, end in zip(cells, ends, strict=False) if PLACE_ABSENT_RE.fullmatch(text, c[1], end) is None]
    cuts = sorted(
        cells
        + [m.span() for m in SENTENCE_END.finditer(text) if _ends_a_word(text, m.start()) and not _answered_question(text, m)]
    )
    # «…; срок устранения — 60 дней», «… . Выявлено оператором»: a plan's own columns go on with the finding before;
    # a diary's date («12 ноября. Были в …») goes on with the finding after
    nexts = [a for a, _ in cuts[1:]] + [len(text)]
    befores = [0] + [b for _, b in cuts]
    cuts = [
        (a, b)
        for (a, b), nxt, before in zip(cuts, nexts, befores, strict=False)
        if not _plan_columns_only(text, b, nxt) and DATE_ONLY_RE.fullmatch(text, before, a) is None
        and not (text[a] == ";" and VALUE_CELLS_RE.fullmatch(text, b, nxt))
        and not (text[a] == ";" and COUNT_CELL_RE.match(text, b) and ASKED_NAME_RE.search(text))
    ]
    cuts = _value_cuts(text, _fix_cuts(text, _verdict_cuts(text, cuts)))
    for a, b in cuts:
        if a < start:
            continue
        out.append((start, text[start:a]))
        start = b
    out.append((start, text[start:]))
    return tuple(out)


# the methodology's names of the counts an indicator's value is worked out from (приказ Минтруда № 344н): those
# satisfied («Укомф», «Устенд», «Греком») and those asked («Чобщ», «Чобщ.сайт», «Чинв»); a row of them is one finding
# («Чобщ.дист = 34; Удист = 27; 79,4»), and concepts.count_names_as_values reads it as the indicator's value
COUNT_NAME = r"(?<![а-яё])(?:[уг][а-яё]+(?:\.\s?[а-яё]+)?|чобщ(?:\.?\s?(?:стенд|сайт|дист))?|чинв)(?![а-яё])"
ASKED_NAME_RE = re.compile(r"чобщ|чинв", re.I)  # (one stands in every such line)
COUNT_CELL_RE = re.compile(rf"\s*{COUNT_NAME}\s*(?:[=:—–-]\s*)?\d", re.I)


# a table's cells that hold only the value of the row's thing, and maybe a dash for no remark: «100 %; —», «99,0»,
# «47 из 47 опрошенных», «86 баллов»
_VALUE = r"(?:\d{1,4}(?:[.,]\d+)?\s*(?:%|процент[а-яё]*|балл[а-яё]*)?|\d{1,4}\s+из\s+\d{1,4}(?:\s+[а-яё]+)?)"
VALUE_CELLS_RE = re.compile(rf"\s*{_VALUE}(?:\s*;\s*(?:[-–—]|{_VALUE}))*\s*[.;]?\s*", re.I)


# a sentence that gives only an indicator and its value: «Показатель 3.2 — 60 баллов», «Значение показателя 3.1 — 20
# баллов», «3.3 — 86 %»; what the next sentence says is what the value is for (see _value_cuts)
VALUE_ONLY_RE = re.compile(
    r"\s*(?:значени[а-яё]*\s+)?(?:показател[а-яё]*\s+)?\d\.\d\s*(?:[—–:-]|составил[а-яё]*|равн[а-яё]*)?\s*"
    r"\d{1,3}(?:[.,]\d+)?\s*(?:балл[а-яё]*|%|процент[а-яё]*)?\s*",
    re.I,
)


def _value_cuts(text: str, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The cuts that part findings, less those after a sentence that gives only an indicator and its value: in
    «Показатель 3.2 — 60 баллов. Не обеспечены надписи шрифтом Брайля» the value is the score of the items named
    next, one finding; apart, the value would name the indicator's general deficiency beside them."""
    starts = [0] + [b for _, b in cuts]
    return [cut for cut, start in zip(cuts, starts, strict=False) if not (text[cut[0]] == "." and VALUE_ONLY_RE.fullmatch(text, start, cut[0]))]


# the fixes a reply or a report tells done (normal forms of «установлен», «заменили», «восстановлена»; see
# recognize._without_fixed_states)
FIX_VERBS = frozenset(
    "установить разместить восстановить заменить поменять отремонтировать починить создать оборудовать приобрести закупить "
    "купить обновить исправить устранить выдать направить вручить ввести организовать смонтировать нанести оформить "
    "актуализировать дополнить внести обучить выполнить окончить закончить завершить подключить наладить повесить".split()
)
# what tells when a fix was made, or that it was: a date («12.03», not an indicator «1.1»), a month, a year, «выполнено:»,
# «уже»
FIX_WHEN_RE = re.compile(
    r"\b\d{1,2}\.\d{2}(?:\.\d{2,4})?\b|\b\d{1,2}\s+(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)"
    r"|\bв\s+(?:январ|феврал|март|апрел|ма[ею]|июн|июл|август|сентябр|октябр|ноябр|декабр)|\b(?:19|20)\d\d\s*(?:г\b|год)|\bвыполнено\s*[:—–-]|\bуже\b",
    re.I,
)
FIX_NOT_YET_RE = re.compile(r"\bбуд(?:ет|ут)\b|планир|\bдо\s+\d|\bно\b|однако|кроме|за\s+исключением|частичн|\bлишь\b|\bтолько\b", re.I)


def fixed_in(text: str, a: int, b: int, end: int | None = None) -> bool:
    """Does text[a:b] tell a fix done and when: «установлены 14.05.2024», «смеситель заменён в апреле», «(выполнено:
    раздел создан …)»? Not one to come, partial or with a «но» up to `end` (the end of its sentence): «будут
    установлены до 01.09», «установлены 14.05.2024, но только с одной стороны»."""
    if FIX_WHEN_RE.search(text, a, b) is None or FIX_NOT_YET_RE.search(text, a, max(b, end or b)) is not None:
        return False
    ws = WORD_RE.findall(fold(text[a:b]))
    return any((is_done(w) or is_done_by_someone(w)) and normal_form(w) in FIX_VERBS and (k == 0 or ws[k - 1] != "не") for k, w in enumerate(ws))


def _fix_cuts(text: str, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The cuts that part findings, less those before a fix told done and when after a state told in the past:
    «В душевой не работал смеситель; смеситель заменён 02.04.2024» is one finding, which names nothing wrong now
    (see recognize._without_fixed_states); apart, the state would read as a finding of its own."""
    if FIX_WHEN_RE.search(text) is None:
        return cuts  # most lines
    starts = [0] + [b for _, b in cuts]
    ends = [a for a, _ in cuts] + [len(text)]
    return [
        cut
        for k, cut in enumerate(cuts)
        if not (fixed_in(text, starts[k + 1], ends[k + 1]) and "past" in {tense(w) for w in WORD_RE.findall(fold(text[starts[k] : ends[k]]))})
    ]


def _verdict_cuts(text: str, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The cuts that part findings, less those before a verdict on a claim and between the claims it judges: in
    «Заявитель сообщает, что воды нет. … Факты не подтвердились.» the claim and its verdict are one finding, which
    names nothing wrong; apart, the claim would read as a finding of its own."""
    if not unconfirmed_verdicts(text):
        return cuts  # most lines
    starts = [0] + [b for _, b in cuts]
    ends = [a for a, _ in cuts] + [len(text)]
    kept: list[tuple[int, int]] = []
    joined = False  # the piece after the cut is a verdict, or is one with a verdict after it
    for k in range(len(cuts) - 1, -1, -1):
        after = starts[k + 1], ends[k + 1]
        verdict = (m := UNCONFIRMED_RE.search(text, *after)) is not None and judges_claim(text, after[0], m)
        joined = (verdict or joined) and CLAIM_RE.search(text, starts[k], ends[k]) is not None
        if not joined:
            kept.append(cuts[k])
    return kept[::-1]


def _plan_columns_only(text: str, start: int, end: int) -> bool:
    """Is text[start:end] nothing but a plan's own columns (`plan_columns`)?"""
    spans = plan_columns(text, start, end)
    return bool(spans) and re.search(r"[^\W\d_]", _outside(text, spans, start, end)) is None


def _row_cuts(text: str, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The «;» cuts that part findings, not those inside a checklist's row: before a cell that is an answer
    (`ANSWER_CELL_RE`), and after one, before the remarks on the row (cells with no answer after them)."""
    ends = [a for a, _ in cuts] + [len(text)]
    starts = [0] + [b for _, b in cuts]
    answer = [k > 0 and ANSWER_CELL_RE.fullmatch(text, a, b) is not None for k, (a, b) in enumerate(zip(starts, ends, strict=True))]
    if not any(answer):
        return cuts  # most lines: no cell after a «;» is an answer
    answer[0] = ANSWER_CELL_RE.fullmatch(text, starts[0], ends[0]) is not None
    placed = [k > 0 and answer[k] and PLACE_ANSWER_RE.match(text, starts[k]) is not None for k in range(len(answer))]
    for k in range(1, len(answer)):
        # «Запись: тел. −; сайт −»: a place's answer after a cell that has its own is an item of a list, not the place
        # of the thing before («Форма договора; сайт — нет; стенд — нет»); but the site and the stand side by side are
        # the places of the thing before them («Пасп. дост.: разраб. —; сайт —; стенд —», «МТО — сайт: нет; стенд: нет»)
        paired = k + 1 < len(answer) and placed[k + 1] or PLACE_ANSWERED_RE.search(text, starts[k - 1], ends[k - 1]) is not None
        if placed[k] and not paired and ANSWERED_RE.search(text, starts[k - 1], ends[k - 1]) and not answer[k - 1]:
            answer[k] = False
    kept = []
    in_row = False  # a cell of the row has answered
    for k, cut in enumerate(cuts):  # the cut between cells k and k + 1
        in_row = in_row or answer[k]
        if answer[k + 1] or in_row and not (k + 2 < len(answer) and answer[k + 2]):
            continue
        kept.append(cut)
        in_row = False
    return kept


# an answer that opens the sentence after a question: «Да» — 58 из 60», «Нет — 21 из 64», «Ответ: есть»
ANSWER_OPEN_RE = re.compile(r"[«\"]?(?:да|нет|ответ)(?![а-яё])", re.I)


def _answered_question(text: str, end: re.Match[str]) -> bool:
    """Is the sentence end `end` a question's, with its answer right after it? A questionnaire's question and its
    answer are one finding: «Готовы ли Вы рекомендовать …? «Да» — 58 из 60» is a share at the floor, and the
    question alone would name low readiness."""
    return "?" in end.group() and ANSWER_OPEN_RE.match(text, end.end()) is not None


def _ends_a_word(text: str, at: int) -> bool:
    """Is the full stop at `at` after a whole word, not a cut one? An inspector's own abbreviations («сопровожд.
    ЛОВЗ», «обеспеч. МГН», «пров. Инструктаж») are no dictionary words: a stop after one is not a sentence end,
    or the rest of the finding would be a finding of its own. A stop after a name the dictionary does not know
    keeps two statements in one finding, where each is still recognised."""
    word = re.search(r"[^\W\d_]+$", text[:at])
    return word is None or is_known(fold(word.group()))


def _clean(piece: str) -> str:
    piece = piece.strip().strip(" ,.;:")
    return piece.strip()


def without_bullet(line: str, m: re.Match[str] | None = None) -> str:
    """The line without its list bullet (`m`, BULLET_RE's match, when the caller has it). A tick that opens a line
    where another mark opens an item too is a checklist's mark, not a bullet: «✓ стоянка ✗ коляски» keeps it."""
    m = BULLET_RE.match(line) if m is None else m
    if m is None:
        return line
    content = line[m.end() :].strip()
    if m.group().strip() in TICKS and OPENING_MARK_RE.search(content):
        return line.strip()
    return content


def split_findings(text: str) -> list[Finding]:
    """Pasted text → findings in input order, each with the 1-based line where it starts."""
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    findings: list[Finding] = []
    for parts in group_lines(enumerate(raw_lines, start=1)):
        joined, marks = join_lines(parts)
        end_line = parts[-1][0]
        list_lead = ""
        for offset, piece in _pieces(joined):
            if not joined[:offset].rstrip().endswith(";"):
                list_lead = ""  # a sentence end closes the list
            cleaned = _clean(piece)
            if not cleaned:  # only spaces and list punctuation: what «;» or a sentence end left behind
                continue
            lead = len(piece) - len(piece.lstrip(" ,.;:"))
            findings.append(Finding(text=cleaned, line=_line_at(marks, offset + lead), end_line=end_line, lead=list_lead))
            colon = LIST_COLON_RE.search(cleaned)
            if colon and not list_lead:
                list_lead = cleaned[: colon.start()].strip()
    return findings
