"""The Scorer's memos (core/scores.Scorer): institutions of a batch that share a checklist group share its score
and deficiencies, yet each plan is its own — its own values, its own finding positions, nothing left over from
the plan before. Every expected number and text below is worked out by hand in the comments."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from nokrules import Engine
from nokrules.core.model import Plan
from nokrules.core.scores import Cell, pack, read_assessment

WHEN = date(2027, 1, 15)
ITEMS_21 = ["ожидание", "навигация", "вода", "санузлы", "санитария", "транспорт", "запись"]
ITEMS_31 = ["пандус", "стоянка", "поручни", "коляски", "санузел"]
PARKING = "Отсутствует: выделенная стоянка для автотранспортных средств инвалидов (показатель 3.1, пункт 2 чек-листа)"
WATER = "Отсутствует: доступная питьевая вода (показатель 2.1, пункт 3 чек-листа)"


def packed(engine: Engine, row: Mapping[str, object]) -> str:
    """The row as a batch holds it (the reader validates the cells, then packs them)."""
    spec = engine.catalog.scores
    assert spec is not None
    cells = [Cell(col, v, f"t.csv, строка 2, столбец «{col}»") for col, v in row.items()]
    return pack(spec, read_assessment(spec, cells, "t.csv, строка 2"))


def checklist(ind: str, items: list[str], absent: set[str]) -> dict[str, object]:
    return {f"{ind}.{k}": 0 if k in absent else 1 for k in items}


def draft(engine: Engine, row: Mapping[str, object]) -> Plan:
    return engine.draft_plan("", engine.institution("Центр"), date=WHEN, packed=packed(engine, row))


def scored(plan: Plan) -> list[tuple[str, int]]:
    """(finding text, its position among the plan's findings) of every item."""
    return [(i.finding.text, k) for k, i in enumerate(plan.items)]


# A: no питьевая вода (2.1.3), no стоянка (3.1.2); 2.3: 80 of 100 = 80 % (below 90)
# B: 2.1 whole, the same 3.1 group as A (no стоянка); 2.3: 85 of 100 = 85 % (below 90)
ROW_A = checklist("2.1", ITEMS_21, {"вода"}) | checklist("3.1", ITEMS_31, {"стоянка"}) | {"2.3.удовлетворены": 80, "2.3.всего": 100}
ROW_B = checklist("2.1", ITEMS_21, set()) | checklist("3.1", ITEMS_31, {"стоянка"}) | {"2.3.удовлетворены": 85, "2.3.всего": 100}
SHARE_A = (
    "Доля получателей услуг, удовлетворённых комфортностью предоставления услуг: 80 % при пороге 90 % (показатель 2.3, опрос)"
)
SHARE_B = (
    "Доля получателей услуг, удовлетворённых комфортностью предоставления услуг: 85 % при пороге 90 % (показатель 2.3, опрос)"
)


def test_institutions_sharing_a_checklist_group_each_get_their_own_plan(engine: Engine) -> None:
    a, b = draft(engine, ROW_A), draft(engine, ROW_B)
    # indicators in methodology order: 2.1 (вода), 2.3 (the share), 3.1 (стоянка)
    assert scored(a) == [(WATER, 0), (SHARE_A, 1), (PARKING, 2)]
    assert scored(b) == [(SHARE_B, 0), (PARKING, 1)]
    # 3.1: 4 of 5 · 20 = 80 in both; 2.1: 6 of 7 · 20 = 120 → 100 in A, 7 · 20 → 100 in B
    for plan, share in ((a, 80.0), (b, 85.0)):
        assert plan.scores is not None
        by = {i.indicator: i for i in plan.scores.indicators}
        assert by["3.1"].points == 80.0 and by["2.1"].points == 100.0 and by["2.3"].value == share
        assert [m.item for m in by["3.1"].missing] == ["3.1.2"]
    # the shared parking deficiency is at position 2 in A and 1 in B: each plan's rows list their own finding
    for plan, pos in ((a, 2), (b, 1)):
        rows = [r for s in plan.sections for r in s.rows if PARKING in [f.text for f in r.findings]]
        assert rows and all(r.indicators == ["3.1"] for r in rows)
        assert plan.items[pos].deficiency.indicator == "3.1" and plan.items[pos].scores[0].item == "3.1.2"


def test_a_plan_drafted_again_after_others_is_the_same_bytes(engine: Engine) -> None:
    first = draft(engine, ROW_A).to_json()
    draft(engine, ROW_B)
    draft(engine, ROW_B | {"2.3.удовлетворены": 80})  # B's groups with A's share: the share memo is shared too
    assert draft(engine, ROW_A).to_json() == first


def test_packed_scores_give_the_plan_the_validated_assessment_gives(engine: Engine) -> None:
    # the batch path (packed, from the memos) and the single-plan path (a validated Assessment, no memo)
    from nokrules.core.scores import unpack

    spec = engine.catalog.scores
    assert spec is not None
    for row in (ROW_A, ROW_B):
        line = packed(engine, row)
        by_memo = engine.draft_plan("", engine.institution("Центр"), date=WHEN, packed=line)
        plain = engine.draft_plan("", engine.institution("Центр"), date=WHEN, assessment=unpack(spec, line))
        assert by_memo.to_json() == plain.to_json()


def test_the_planners_dues_are_each_plan_dates_own(engine: Engine) -> None:
    # the Planner keeps each measure's own due per plan date; survey_comfort_causes is due in two months
    # (2.3 below its threshold): from 15.01.2027 that is Monday 15.03.2027; from 01.03.2027 it is 01.05.2027, a
    # Saturday and Labour Day, so the working day before it, Friday 30.04.2027
    def due(day: date) -> str:
        plan = engine.draft_plan("", engine.institution("Центр"), date=day, packed=packed(engine, ROW_A))
        return next(m.due for i in plan.items for m in i.measures if m.id == "survey_comfort_causes")

    assert due(WHEN) == "2027-03-15"
    assert due(date(2027, 3, 1)) == "2027-04-30"
    assert due(WHEN) == "2027-03-15"


def test_an_engine_on_demand_reads_no_text_until_given_some() -> None:
    # a batch's processes load the engine on demand: a scores plan is drafted without building the recognizer,
    # and a text finding builds it then; the plans are those of an engine built whole
    lazy, whole = Engine.load(on_demand=True), Engine.load()
    assert lazy._recognizer is None
    assert draft(lazy, ROW_A) == draft(whole, ROW_A)
    assert scored(draft(lazy, ROW_A)) == [(WATER, 0), (SHARE_A, 1), (PARKING, 2)]
    assert lazy._recognizer is None  # still: nothing was read
    text = "- нет пандуса у входа"
    assert lazy.draft_plan(text, lazy.institution("Центр"), date=WHEN) == whole.draft_plan(text, whole.institution("Центр"), date=WHEN)
    assert lazy._recognizer is not None
