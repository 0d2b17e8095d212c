"""The scores block of a plan as rows every rendering shares (Markdown, text, the page, the Word appendix):
per indicator its value and points, per criterion its points, the total, and the checklist items at 0."""

from __future__ import annotations

from dataclasses import dataclass

from nokrules.core.model import IndicatorScore, MissingItem, ScoresBlock, ScoreSource

TITLE = "Баллы по показателям НОК"
MISSING_TITLE = "Отсутствующие пункты чек-листа"
NOT_ASSESSED = "не оценён"
PLACES = {"stand": "стенд", "site": "сайт"}


def number(x: float | None) -> str:
    """82.5 → «82,5», 90.0 → «90», None → «—»."""
    if x is None:
        return "—"
    return f"{x:.2f}".rstrip("0").rstrip(".").replace(".", ",")


@dataclass(frozen=True)
class ScoreRow:
    number: str  # «1.1», «К1» for a criterion, «Итого»
    title: str
    value: str  # the share (%) or the items present; empty for criteria
    points: str
    note: str  # «ниже порога 90 %» for a survey share below its threshold
    strong: bool  # criteria and the total


def _value(i: IndicatorScore) -> str:
    if i.value is None:
        return NOT_ASSESSED
    return f"{number(i.value)} %" if i.source == "survey" else f"пунктов: {number(i.value)}"


def score_rows(block: ScoresBlock) -> list[ScoreRow]:
    """Indicators grouped under their criterion, then the total."""
    rows: list[ScoreRow] = []
    for c in block.criteria:
        rows.append(ScoreRow(f"К{c.criterion}", f"{c.section}. {c.title}", "", number(c.points), "", True))
        for i in block.indicators:
            if i.indicator.split(".")[0] != str(c.criterion):
                continue
            note = f"ниже порога {number(i.threshold)} %" if i.below_threshold else ""
            rows.append(ScoreRow(i.indicator, i.title, _value(i), number(i.points), note, False))
    rows.append(ScoreRow("Итого", "среднее пяти критериев", "", number(block.total), "", True))
    return rows


def source_text(s: ScoreSource) -> str:
    """Where the scores say a deficiency, in words: «чек-лист: пункт 3.2.2 (стенд) = 0», «опрос 2.3: 70 % при пороге 90 %»."""
    if s.item is not None:
        where = f" ({PLACES[s.place]})" if s.place else ""
        return f"чек-лист: пункт {s.item}{where} = 0"
    return f"опрос {s.indicator}: {number(s.value)} % при пороге {number(s.threshold)} %"


def missing_text(m: MissingItem) -> str:
    where = f" ({PLACES[m.place]})" if m.place else ""
    return f"{m.item}{where}: {m.title}"


def markdown(block: ScoresBlock) -> list[str]:
    out = ["", f"## {TITLE}", "", "| № | Показатель | Значение | Баллы | Примечание |", "|---|---|---|---|---|"]
    for r in score_rows(block):
        b = "**" if r.strong else ""
        out.append(f"| {b}{r.number}{b} | {b}{r.title.replace('|', '/')}{b} | {r.value} | {b}{r.points}{b} | {r.note} |")
    if block.missing:
        out += ["", f"### {MISSING_TITLE}", "", *(f"- {missing_text(m)}" for m in block.missing)]
    return out


def text(block: ScoresBlock) -> list[str]:
    out = [TITLE]
    for r in score_rows(block):
        indent = "" if r.strong else "   "
        value = f"; {r.value}" if r.value else ""
        note = f" ({r.note})" if r.note else ""
        out.append(f"{indent}{r.number}. {r.title} — баллы: {r.points}{value}{note}")  # «баллы:» needs no declension
    if block.missing:
        out += ["", MISSING_TITLE, *(f"   {missing_text(m)}" for m in block.missing)]
    return [*out, ""]
