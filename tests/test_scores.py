"""Scores by the methodology (приказ № 344н) from a checklist and survey: every indicator by hand, a whole
institution worked through by hand, the deficiencies the scores show, and the errors of bad input.

Every expected number below is computed by hand in the comments, never by the code under test."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from nokrules import Engine
from nokrules.core.model import Assessment
from nokrules.core.scores import Cell, ScoresInputError, compute, read_assessment

# ---------------------------------------------------------------- helpers

ITEMS_11 = ["общие", "структура", "услуги", "тарифы", "получатели", "места", "фхд", "мтб", "персонал",
            "попечительский", "лицензии", "проверки", "распорядок", "жалобы"]
ITEMS_12 = ["телефон", "почта", "форма", "вопросы", "мнение", "иной"]
ITEMS_21 = ["ожидание", "навигация", "вода", "санузлы", "санитария", "транспорт", "запись"]
ITEMS_31 = ["пандус", "стоянка", "поручни", "коляски", "санузел"]
ITEMS_32 = ["дублирование", "брайль", "сурдоперевод", "слабовидящие", "сопровождение", "дистанционно"]


def checklist(ind: str, items: list[str], absent: set[str], place: str = "") -> dict[str, object]:
    prefix = f"{ind}.{place}." if place else f"{ind}."
    return {prefix + k: 0 if k in absent else 1 for k in items}


def assess(engine: Engine, row: Mapping[str, object]) -> Assessment:
    cells = [Cell(col, v, f"t.csv, строка 2, столбец «{col}»") for col, v in row.items()]
    return read_assessment(engine.catalog.scores, cells, "t.csv, строка 2")  # type: ignore[arg-type]


def points(engine: Engine, row: Mapping[str, object]) -> dict[str, float | None]:
    block = compute(engine.catalog, assess(engine, row))
    return {i.indicator: i.points for i in block.indicators}


# ---------------------------------------------------------------- each indicator by hand


def test_11_is_the_mean_of_the_stand_and_site_shares(engine: Engine) -> None:
    # stand 14 of 14, site 7 of 14: 0,5·(14/14 + 7/14)·100 = 0,5·1,5·100 = 75
    row = checklist("1.1", ITEMS_11, set(), "стенд") | checklist("1.1", ITEMS_11, set(ITEMS_11[:7]), "сайт")
    assert points(engine, row)["1.1"] == 75.0
    # stand 13 of 14, site 14 of 14: 0,5·(13/14 + 1)·100 = 0,5·(27/14)·100 = 96,428… → 96,43
    row = checklist("1.1", ITEMS_11, {"тарифы"}, "стенд") | checklist("1.1", ITEMS_11, set(), "сайт")
    assert points(engine, row)["1.1"] == 96.43


@pytest.mark.parametrize(("present", "expected"), [(0, 0), (1, 30), (2, 60), (3, 90), (4, 100), (6, 100)])
def test_12_gives_30_per_way_and_at_most_100(engine: Engine, present: int, expected: float) -> None:
    # three ways are 90, four and more 100 (№ 344н)
    row = checklist("1.2", ITEMS_12, set(ITEMS_12[present:]))
    assert points(engine, row)["1.2"] == expected


@pytest.mark.parametrize(("present", "expected"), [(0, 0), (2, 40), (4, 80), (5, 100), (7, 100)])
def test_21_gives_20_per_condition_five_are_100(engine: Engine, present: int, expected: float) -> None:
    assert points(engine, checklist("2.1", ITEMS_21, set(ITEMS_21[present:])))["2.1"] == expected


@pytest.mark.parametrize(("present", "expected"), [(0, 0), (1, 20), (3, 60), (5, 100)])
def test_31_gives_20_per_item(engine: Engine, present: int, expected: float) -> None:
    assert points(engine, checklist("3.1", ITEMS_31, set(ITEMS_31[present:])))["3.1"] == expected


@pytest.mark.parametrize(("present", "expected"), [(4, 80), (5, 100), (6, 100)])
def test_32_five_of_six_items_are_already_100(engine: Engine, present: int, expected: float) -> None:
    assert points(engine, checklist("3.2", ITEMS_32, set(ITEMS_32[present:])))["3.2"] == expected


def test_13_is_the_mean_of_the_stand_and_site_shares(engine: Engine) -> None:
    # stand 30 of 40 = 75 %, site 18 of 20 = 90 %: 0,5·(0,75 + 0,9)·100 = 82,5
    row = {"1.3.стенд.удовлетворены": 30, "1.3.стенд.всего": 40, "1.3.сайт.удовлетворены": 18, "1.3.сайт.всего": 20}
    assert points(engine, row)["1.3"] == 82.5


@pytest.mark.parametrize("ind", ["2.2", "2.3", "3.3", "4.1", "4.2", "4.3", "5.1", "5.2", "5.3"])
def test_survey_indicators_are_the_satisfied_share(engine: Engine, ind: str) -> None:
    # 2 of 3 = 66,666… → 66,67; a share given as «91,5 %» is taken as it is
    assert points(engine, {f"{ind}.удовлетворены": 2, f"{ind}.всего": 3})[ind] == 66.67
    assert points(engine, {f"{ind}.доля": "91,5 %"})[ind] == 91.5


def test_an_indicator_without_data_is_not_assessed(engine: Engine) -> None:
    block = compute(engine.catalog, assess(engine, {"2.3.доля": 80}))
    by = {i.indicator: i for i in block.indicators}
    assert by["2.3"].points == 80.0 and by["2.1"].points is None
    assert block.criteria[1].points is None and block.total is None


# ---------------------------------------------------------------- a whole institution by hand

# КЦСОН «Пример», every indicator, criterion and the total, worked by hand:
#
# 1.1  stand: 12 of 14 (no тарифы 1.1.4, no попечительский 1.1.10); site: 13 of 14 (no проверки 1.1.12)
#      0,5·(12/14 + 13/14)·100 = 0,5·(25/14)·100 = 89,2857… → 89,29
# 1.2  телефон, почта, форма: 3 ways · 30 = 90 (no вопросы 1.2.4, мнение 1.2.5, иной 1.2.6)
# 1.3  stand 80 of 100 = 80 %, site 45 of 50 = 90 %: 0,5·(80 + 90) = 85,00           (below 90)
# K1 = 0,3·89,29 + 0,3·90 + 0,4·85 = 26,787 + 27 + 34 = 87,787 → 87,79
#
# 2.1  6 of 7 (no вода 2.1.3): 6·20 = 120, at most 100 → 100
# 2.2  190 of 200 = 95,00
# 2.3  86 of 100 = 86,00                                                              (below 90)
# K2 = 0,3·100 + 0,4·95 + 0,3·86 = 30 + 38 + 25,8 = 93,80
#
# 3.1  3 of 5 (no стоянка 3.1.2, коляски 3.1.4): 3·20 = 60
# 3.2  4 of 6 (no брайль 3.2.2, сурдоперевод 3.2.3): 4·20 = 80
# 3.3  18 of 20 = 90,00                                              (not below: 90 is the threshold)
# K3 = 0,3·60 + 0,4·80 + 0,3·90 = 18 + 32 + 27 = 77,00
#
# 4.1  share given: 100
# 4.2  97 of 100 = 97
# 4.3  30 of 40 = 75                                                                  (below 90)
# K4 = 0,4·100 + 0,4·97 + 0,2·75 = 40 + 38,8 + 15 = 93,80
#
# 5.1  92 of 100 = 92;  5.2  88 of 100 = 88 (below 90);  5.3  95 of 100 = 95
# K5 = 0,3·92 + 0,2·88 + 0,5·95 = 27,6 + 17,6 + 47,5 = 92,70
#
# Total = (87,79 + 93,80 + 77,00 + 93,80 + 92,70) / 5 = 445,09 / 5 = 89,018 → 89,02

WORKED: dict[str, object] = {
    **checklist("1.1", ITEMS_11, {"тарифы", "попечительский"}, "стенд"),
    **checklist("1.1", ITEMS_11, {"проверки"}, "сайт"),
    **checklist("1.2", ITEMS_12, {"вопросы", "мнение", "иной"}),
    "1.3.стенд.удовлетворены": 80, "1.3.стенд.всего": 100, "1.3.сайт.удовлетворены": 45, "1.3.сайт.всего": 50,
    **checklist("2.1", ITEMS_21, {"вода"}),
    "2.2.удовлетворены": 190, "2.2.всего": 200,
    "2.3.удовлетворены": 86, "2.3.всего": 100,
    **checklist("3.1", ITEMS_31, {"стоянка", "коляски"}),
    **checklist("3.2", ITEMS_32, {"брайль", "сурдоперевод"}),
    "3.3.удовлетворены": 18, "3.3.всего": 20,
    "4.1.доля": 100,
    "4.2.удовлетворены": 97, "4.2.всего": 100,
    "4.3.удовлетворены": 30, "4.3.всего": 40,
    "5.1.удовлетворены": 92, "5.1.всего": 100,
    "5.2.удовлетворены": 88, "5.2.всего": 100,
    "5.3.удовлетворены": 95, "5.3.всего": 100,
}


def test_the_worked_institution_scores_as_computed_by_hand(engine: Engine) -> None:
    block = compute(engine.catalog, assess(engine, WORKED))
    assert {i.indicator: i.points for i in block.indicators} == {
        "1.1": 89.29, "1.2": 90.0, "1.3": 85.0,
        "2.1": 100.0, "2.2": 95.0, "2.3": 86.0,
        "3.1": 60.0, "3.2": 80.0, "3.3": 90.0,
        "4.1": 100.0, "4.2": 97.0, "4.3": 75.0,
        "5.1": 92.0, "5.2": 88.0, "5.3": 95.0,
    }  # fmt: skip
    assert [c.points for c in block.criteria] == [87.79, 93.8, 77.0, 93.8, 92.7]
    assert block.total == 89.02
    below = [i.indicator for i in block.indicators if i.below_threshold]
    assert below == ["1.3", "2.3", "4.3", "5.2"]
    assert [(m.item, m.place) for m in block.missing] == [
        ("1.1.4", "stand"), ("1.1.10", "stand"), ("1.1.12", "site"),
        ("1.2.4", None), ("1.2.5", None), ("1.2.6", None),
        ("2.1.3", None), ("3.1.2", None), ("3.1.4", None), ("3.2.2", None), ("3.2.3", None),
    ]  # fmt: skip


def test_the_worked_institution_gets_one_deficiency_per_missing_item_and_low_share(engine: Engine) -> None:
    plan = engine.draft_plan("", kind="kcson", assessment=assess(engine, WORKED))
    got = [(i.deficiency.id, tuple(i.scores[0].place for _ in [0] if i.scores[0].place)) for i in plan.items]
    assert got == [
        ("tariffs_missing", ("stand",)), ("trustee_board_info_missing", ("stand",)), ("inspections_info_missing", ("site",)),
        ("faq_missing", ()), ("quality_opinion_missing", ()),  # «иной способ» (1.2.6) is no deficiency
        ("info_satisfaction_low", ()),
        ("drinking_water_missing", ()), ("comfort_satisfaction_low", ()),
        ("disabled_parking_missing", ()), ("wheelchairs_missing", ()),
        ("braille_missing", ()), ("sign_interpreter_missing", ()),
        ("courtesy_remote_low", ()), ("org_conditions_satisfaction_low", ()),
    ]  # fmt: skip
    assert all(i.recognised_by == "scores" and i.measures for i in plan.items)
    low = {i.deficiency.id: i.scores[0].value for i in plan.items if i.scores[0].value is not None}
    assert low == {"info_satisfaction_low": 85.0, "comfort_satisfaction_low": 86.0, "courtesy_remote_low": 75.0,
                   "org_conditions_satisfaction_low": 88.0}  # fmt: skip
    tariffs = plan.items[0]
    assert tariffs.finding.text == (
        "Отсутствует: сведения о тарифах на социальные услуги — на информационных стендах в помещениях организации "
        "(показатель 1.1, пункт 4 чек-листа)"
    )
    placed = [m.text for m in tariffs.measures if "{место}" not in m.text and "стенд" in m.text]
    assert placed and all("сайт" not in t for t in placed)  # the measure names the stand, where it is missing
    assert plan.scores is not None and plan.scores.total == 89.02


def test_the_share_goes_into_the_rule_facts(engine: Engine) -> None:
    trace = engine.trace("", engine.institution(kind="kcson"), assessment=assess(engine, {"5.3.удовлетворены": 40, "5.3.всего": 100}))
    assert [(r.deficiency, r.values) for r in trace.recognitions] == [("overall_satisfaction_low", {"satisfaction_percent": 40.0})]


def test_a_deficiency_found_in_the_text_and_the_scores_appears_once_with_both_sources(engine: Engine) -> None:
    row = checklist("3.2", ITEMS_32, {"брайль"}) | {"2.3.удовлетворены": 70, "2.3.всего": 100}
    text = "- нет табличек шрифтом Брайля\n- удовлетворённость комфортностью 80 %"
    plan = engine.draft_plan(text, kind="kcson", assessment=assess(engine, row))
    assert [(i.deficiency.id, i.recognised_by, i.finding.line) for i in plan.items] == [
        ("braille_missing", "concept", 1),
        ("comfort_satisfaction_low", plan.items[1].recognised_by, 2),
    ]
    assert [s.item for s in plan.items[0].scores] == ["3.2.2"]
    assert plan.items[1].recognised_by != "scores" and plan.items[1].scores[0].value == 70.0
    # the lower of the two shares decides (text 80 %, scores 70 %)
    trace = engine.trace(text, engine.institution(kind="kcson"), assessment=assess(engine, row))
    assert trace.recognitions[1].values == {"satisfaction_percent": 70.0}


def test_the_culture_sphere_has_no_22_and_weighs_21_and_23_equally(engine: Engine) -> None:
    # K2 = 0,5·2.1 + 0,5·2.3 = 0,5·60 + 0,5·80 = 70 (2.2 given but not part of culture's K2)
    row = checklist("2.1", ITEMS_21, set(ITEMS_21[3:])) | {"2.2.доля": 10, "2.3.доля": 80}
    block = compute(engine.catalog, assess(engine, row), sphere="culture")
    assert block.criteria[1].points == 70.0 and block.criteria[1].weights == {"2.1": 0.5, "2.3": 0.5}
    assert "2.2" not in {i.indicator for i in block.indicators}


# ---------------------------------------------------------------- bad input: one Russian line naming the cell


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"2.3.доля": "105"}, "t.csv, строка 2, столбец «2.3.доля»: доля 105 % больше 100 %"),
        (
            {"2.3.удовлетворены": 120, "2.3.всего": 100},
            "t.csv, строка 2, столбец «2.3.удовлетворены»: показатель 2.3: удовлетворённых 120 больше, чем опрошенных 100",
        ),
        (
            {"3.2.пандус": 1},
            "t.csv, строка 2, столбец «3.2.пандус»: в показателе 3.2 нет пункта «пандус»; известны: 1 «дублирование», "
            "2 «брайль», 3 «сурдоперевод», 4 «слабовидящие», 5 «сопровождение», 6 «дистанционно»",
        ),
        (
            {"1.3.стенд.удовлетворены": 30},
            "t.csv, строка 2, столбец «1.3.стенд.удовлетворены»: показатель 1.3 (стенд): указано число удовлетворённых, "
            "но нет числа опрошенных (знаменателя) — столбец «1.3.стенд.всего»",
        ),
        (
            {"3.1.пандус": 1, "3.1.стоянка": 0},
            "t.csv, строка 2: в показателе 3.1 не заполнен пункт «поручни» — ожидалось 1 (есть) или 0 (нет)",
        ),
        ({"3.1.пандус": "частично"}, "t.csv, строка 2, столбец «3.1.пандус»: в пункте чек-листа «частично», а ожидалось 1 (есть) или 0 (нет)"),
        ({"4.1.всего": "много"}, "t.csv, строка 2, столбец «4.1.всего»: «много», а ожидалось число респондентов (0 или больше)"),
        ({"пандус": 1}, "t.csv, строка 2, столбец «пандус»: столбец «пандус» не назван по показателю"),
        ({"2.4.доля": 1}, "t.csv, строка 2, столбец «2.4.доля»: показателя 2.4 в методике нет (столбец «2.4.доля»)"),
    ],
)
def test_bad_input_is_one_russian_line_naming_the_cell(engine: Engine, row: dict[str, object], message: str) -> None:
    with pytest.raises(ScoresInputError) as e:
        assess(engine, row)
    assert str(e.value).startswith(message)
    assert "\n" not in str(e.value)


def test_empty_cells_are_not_assessed_not_zero(engine: Engine) -> None:
    a = assess(engine, {"3.1.пандус": "", "3.1.стоянка": None, "2.3.доля": " "})
    assert a.checklist == [] and a.survey == []


def test_a_per_indicator_threshold_overrides_the_catalog_one(engine: Engine) -> None:
    # the ministry sets 95 for 4.1 only: 93 % is below it there, while 93 % in 4.2 stays above the catalog's 90
    spec = engine.catalog.scores
    assert spec is not None
    own = spec.model_copy(update={"indicators": {**spec.indicators, "4.1": spec.indicators["4.1"].model_copy(update={"threshold": 95.0})}})
    catalog = engine.catalog.model_copy(update={"scores": own})
    block = compute(catalog, assess(engine, {"4.1.доля": 93, "4.2.доля": 93}))
    by = {i.indicator: (i.threshold, i.below_threshold) for i in block.indicators}
    assert by["4.1"] == (95.0, True) and by["4.2"] == (90.0, False)
