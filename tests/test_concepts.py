"""Concepts on a small hand-written catalog (the mini one plus signals and concepts written here): an object and
a problem signal in the same part of a finding recognise a deficiency, with the state the signal gives; the state
picks the measure; parts, clear phrases, ignored phrases, longer objects, measurements and checklist items."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from nokrules import Engine, Institution
from nokrules.core.concepts import answers_as_shares, full_scores, full_share, indicator_counts, indicator_values, shares
from nokrules.core.model import Phrasing, SimilaritySpec

from .conftest import edit_yaml, mini_copy, with_concepts

SIGNALS = {
    "broken": ["не работать", "сломать"],
    "noncompliant": ["не соответствовать", "узкий", "крутой", "нарушение"],
    "worn": ["старый"],
    "partial": ["только", "частично"],
    "absent": ["нет", "не", "без", "отсутствовать"],
    "low": ["низкий"],
    "survey": ["удовлетворить", "анкета"],
    "scores": ["балл"],
    "contrast": ["но", "а"],
    "present": ["есть"],
    "ignore": ["нарушение слух"],
    "clear": ["замечание нет", "соответствовать требование"],
}
CONCEPTS = {
    "ramp_missing": {"objects": ["пандус"], "without": ["поручень"]},
    "handrails_missing": {"objects": ["поручень", "перила"]},
    "faq_missing": {"objects": ["раздел вопрос", "вопрос-ответ"]},
    "complaint_procedure_missing": {"objects": ["порядок жалоба", "форма жалоба"]},
}


@pytest.fixture(scope="module")
def cat(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    def deficiencies(defs: list[dict[str, object]]) -> None:
        for d in defs:
            if d["id"] in CONCEPTS:
                d["concept"] = CONCEPTS[str(d["id"])]
            if d["id"] == "ramp_missing":
                d["checklist"] = ["3.1.1"]
        # a deficiency known only by its concept: an object word that also stands inside another one's longer phrase
        defs.append(
            {"id": "form_missing", "indicator": "1.1", "title": "Нет формы", "concept": {"objects": ["форма"]}, "unless": ["doorways_narrow"]}
        )
        defs.append(
            {
                "id": "doorways_narrow",
                "indicator": "3.1",
                "title": "Узкие двери",
                "concept": {"objects": ["дверь", "дверной проём"]},
                "unless": ["handrails_missing"],
            }
        )

    root = mini_copy(tmp_path_factory.mktemp("concepts") / "catalog-root", SIGNALS, deficiencies)
    edit_yaml(
        root / "catalog" / "measures" / "all.yaml",
        lambda measures: measures.append(
            {"id": "repair_ramp", "text": "Отремонтировать пандус", "due": "+1 month", "responsible": "aho_deputy", "result": "Пандус исправен"}
        ),
    )
    edit_yaml(
        root / "rules" / "all.yaml",
        lambda rules: rules.append(
            {
                "id": "ramp-repair",
                "when": {"deficiency": "ramp_missing", "state": ["broken", "worn"]},
                "then": ["repair_ramp"],
                "replaces": ["install_ramp"],
                "priority": 3,
                "because": "сломанный пандус ремонтируют, а не ставят новый",
            }
        ),
    )
    return Engine.load(root)


def found(engine: Engine, text: str) -> list[tuple[str, str, str | None]]:
    """(deficiency, how it was recognised, state) for the pasted text."""
    return [(r.deficiency, r.source, r.state) for r in engine.recognize(engine.findings(text))]


def test_an_object_and_a_signal_recognise_wording_no_pattern_has(cat: Engine) -> None:
    assert found(cat, "пандус сломан") == [("ramp_missing", "concept", "broken")]


def test_a_pattern_hit_keeps_its_words_and_takes_the_state_from_the_signal(cat: Engine) -> None:
    assert found(cat, "нет пандуса") == [("ramp_missing", "pattern", "absent")]


def test_the_state_of_higher_precedence_wins(cat: Engine) -> None:
    assert found(cat, "пандус не работает") == [("ramp_missing", "pattern", "broken")]  # «не» is a mini cue word
    assert found(cat, "поручни только на первом этаже") == [("handrails_missing", "concept", "partial")]


def test_without_a_signal_an_object_is_no_deficiency(cat: Engine) -> None:
    assert found(cat, "у входа пандус") == []


def test_a_contrast_word_cuts_the_finding_into_parts(cat: Engine) -> None:
    assert found(cat, "пандус есть, но без поручней") == [("handrails_missing", "concept", "absent")]  # «без»: no cue


def test_a_part_that_only_says_what_is_wrong_names_its_neighbours_thing(cat: Engine) -> None:
    assert found(cat, "пандус есть, но слишком крутой") == [("ramp_missing", "concept", "noncompliant")]


def test_a_measurement_is_a_non_compliance(cat: Engine) -> None:
    assert found(cat, "ширина двери 70 см") == [("doorways_narrow", "concept", "noncompliant")]


@pytest.mark.parametrize("text", ["замечаний нет", "пандус соответствует требованиям", "по поручням замечаний нет"])
def test_a_clear_phrase_names_no_deficiency(cat: Engine, text: str) -> None:
    assert found(cat, text) == []


def test_a_negated_clear_phrase_is_a_problem(cat: Engine) -> None:
    assert found(cat, "пандус не соответствует требованиям") == [("ramp_missing", "pattern", "noncompliant")]


def test_an_ignored_phrase_is_no_signal(cat: Engine) -> None:
    assert found(cat, "перила для посетителей с нарушением слуха") == []
    assert found(cat, "перила установлены с нарушением") == [("handrails_missing", "concept", "noncompliant")]


def test_the_longer_object_wins_where_two_overlap(cat: Engine) -> None:
    assert [d for d, _, _ in found(cat, "на сайте нет формы для жалоб")] == ["complaint_procedure_missing"]
    assert [d for d, _, _ in found(cat, "на сайте нет формы заявления")] == ["form_missing"]


def test_several_objects_in_one_part_each_give_their_deficiency(cat: Engine) -> None:
    assert [d for d, _, _ in found(cat, "сломаны перила и пандус")] == ["ramp_missing", "handrails_missing"]


def test_a_checklist_item_number_names_its_deficiency(cat: Engine) -> None:
    assert [d for d, _, _ in found(cat, "3.1 п.1: не выполнено")] == ["ramp_missing"]
    assert [d for d, _, _ in found(cat, "п. 1 показателя 3.1 — не выполнен")] == ["ramp_missing"]
    assert found(cat, "3.1 п.1: выполнено") == []


def test_the_state_picks_the_measure(cat: Engine) -> None:
    inst = Institution(name="Дом-интернат")

    def measures(text: str) -> list[str]:
        plan = cat.draft_plan(text, inst, date=dt.date(2027, 1, 15))
        return [m.id for item in plan.items for m in item.measures]

    assert measures("пандус сломан") == ["repair_ramp"]
    assert measures("пандус старый, облезлый") == ["repair_ramp"]
    assert measures("нет пандуса") == ["install_ramp"]


def test_the_plan_says_how_each_deficiency_was_recognised(cat: Engine) -> None:
    plan = cat.draft_plan("пандус сломан\nнет пандуса", Institution(name="Дом-интернат"), date=dt.date(2027, 1, 15))
    assert [(i.recognised_by, i.state, i.words) for i in plan.items] == [
        ("concept", "broken", ["пандус", "сломан"]),
        ("pattern", "absent", ["пандуса"]),
    ]


def test_the_handbook_says_in_words_what_a_deficiency_matches(cat: Engine) -> None:
    from nokrules.curate.handbook.outline import recognised_text

    assert recognised_text(cat.catalog.deficiency("ramp_missing")) == [
        "Распознаётся, если рядом со словом о проблеме (нет, не работает, частично, изношен…) названо: «пандус»; "
        "но не если есть: «поручень»",
        "Пункт чек-листа методики: 3.1.1",
        "Точных шаблонов формулировок: 1",
    ]


def test_the_diff_reports_a_changed_concept_and_state_condition(cat: Engine, tmp_path: Path) -> None:
    from nokrules.curate.diff import diff_dirs

    old_root = Path(cat.catalog.root)
    new_root = tmp_path / "new"
    shutil.copytree(old_root, new_root)
    defs_path = new_root / "catalog" / "deficiencies" / "all.yaml"
    defs = yaml.safe_load(defs_path.read_text(encoding="utf-8"))
    next(d for d in defs if d["id"] == "ramp_missing")["concept"]["objects"] = ["пандус", "аппарель"]
    defs_path.write_text(yaml.safe_dump(defs, allow_unicode=True), encoding="utf-8")
    rules_path = new_root / "rules" / "all.yaml"
    rules = yaml.safe_load(rules_path.read_text(encoding="utf-8"))
    next(r for r in rules if r["id"] == "ramp-repair")["when"]["state"] = ["broken"]
    rules_path.write_text(yaml.safe_dump(rules, allow_unicode=True), encoding="utf-8")
    d = diff_dirs(old_root, new_root)
    [ramp] = d.structure.deficiencies.changed
    assert [(f.field, f.added, f.removed) for f in ramp.fields] == [("concept.objects", ["аппарель"], [])]
    [rule] = d.structure.rules.changed
    assert [(f.field, f.added, f.removed) for f in rule.fields] == [("when.state", [], ["worn"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a survey word alone, or everyone satisfied, says nothing of a thing an expert checks
        ("по анкете: перила на лестнице", []),
        ("по анкете перилами на лестнице удовлетворены 100 %", []),
        # someone dissatisfied: a share below the floor, a fraction, a share in words, or a problem word
        ("по анкете перилами на лестнице удовлетворены 60 %", [("handrails_missing", "concept", None)]),
        ("по анкете перилами удовлетворены 0,6 опрошенных", [("handrails_missing", "concept", None)]),
        ("по анкете перилами удовлетворён каждый пятый", [("handrails_missing", "concept", None)]),
        ("по анкете перила старые", [("handrails_missing", "concept", "worn")]),
    ],
)
def test_a_survey_names_an_expert_item_only_when_someone_is_dissatisfied(
    cat: Engine, text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert found(cat, text) == expected


def test_a_survey_word_with_no_one_dissatisfied_is_not_compared_with_phrasings(cat: Engine) -> None:
    sim = SimilaritySpec(learn_from=["corpus"], neighbours=1)
    learnt = Engine(
        cat.catalog.model_copy(
            update={"similarity": sim, "phrasings": [Phrasing(text="анкета на сайте про раздел вопрос-ответ", expect=["faq_missing"], where="t:1")]}
        )
    )
    # a survey word and no share, no number, no problem word: nothing to compare
    assert found(learnt, "анкета на сайте, раздел вопрос-ответ") == []
    # a number may be a result below the floor: the closest phrasing decides
    assert found(learnt, "анкета на сайте, раздел вопрос-ответ: 70 баллов") == [("faq_missing", "similarity", None)]


def test_a_score_alone_says_nothing_wrong_with_an_expert_item(cat: Engine) -> None:
    assert found(cat, "пандус: 90 баллов") == []


def test_a_deficiency_stays_when_the_one_it_yields_to_was_dropped(cat: Engine) -> None:
    # form_missing yields to doorways_narrow, which yields to handrails_missing: doorways go, the form stays
    assert [d for d, _, _ in found(cat, "нет формы и поручней и двери узкие")] == ["handrails_missing", "form_missing"]
    # each told in a clause of its own, with its own problem, none is a detail of another
    assert sorted(d for d, _, _ in found(cat, "нет формы, узкие двери, нет поручней")) == ["doorways_narrow", "form_missing", "handrails_missing"]


@pytest.mark.parametrize(
    ("text", "floor", "expected"),
    [
        ("удовлетворены 100 % опрошенных", 100.0, True),
        ("удовлетворены 97,4 % опрошенных", 100.0, False),
        ("удовлетворены 97,4 % опрошенных", 95.0, True),
        ("по стендам 97 %, по сайту 80 %", 95.0, False),  # the worst share decides
        ("удовлетворены 95 процентов", 95.0, True),
        ("удовлетворены все опрошенные", 95.0, False),  # no share at all is no survey result
        ("удовлетворены 97 из 100 опрошенных", 95.0, True),
        ("удовлетворены 45 из 50 опрошенных", 95.0, False),  # 90 %
    ],
)
def test_a_survey_line_says_nothing_wrong_when_every_share_reaches_the_floor(text: str, floor: float, expected: bool) -> None:
    assert full_share(text, floor) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("удовлетворены 64 %", [(14, 64.0)]),
        ("64,5 процента и 80 %", [(0, 64.5), (16, 80.0)]),
        ("97 из 100 опрошенных", [(0, 97.0)]),
        ("занято 3 из 6 ставок", [(7, 50.0)]),
        ("довольны 2 из 3", [(9, 66.7)]),
        ("7 из 3 кабинетов", []),  # more than the total: no share
        ("акт 12 из 2025", []),  # «из» a year: a date, no share
        ("0 из 0", []),
        ("уклон 8 %, 140 %", [(6, 8.0)]),  # over 100 is no share
        # the share of the dissatisfied gives the satisfied share by its rest
        ("не удовлетворены 31 %", [(17, 69.0)]),
        ("неудовлетворённых вежливостью — 12,5 %", [(32, 87.5)]),
        ("20 % опрошенных недовольны", [(0, 80.0)]),
        ("не устраивает график 3 из 10", [(21, 70.0)]),
        # the answer word nearest to the share in its clause decides
        ("удовлетворены 64 %, не удовлетворены 36 %", [(14, 64.0), (37, 64.0)]),
        ("не в полной мере удовлетворены (удовлетворены 64 %)", [(46, 64.0)]),
        ("не в полной мере удовлетворены питанием, 64 %", [(41, 64.0)]),
        ("оценили питание удовлетворительно 80 %", [(34, 80.0)]),  # a grade, not the dissatisfied
        # a survey line may give its shares with no unit, each after its aspect, as a number or a fraction
        ("удовлетворённость комфортностью — 98", [(34, 98.0)]),
        ("доля удовлетворённых: стенд — 0,86, сайт — 0,78", [(30, 86.0), (43, 78.0)]),
        # not a time, a range, a date or a count of people; nor in a line that speaks of no one satisfied
        ("удовлетворены: звонок в 9:40, корпус 2–3, 01.04.2024, 164 человека", []),
        ("комфортностью — 98", []),
        # an indicator's value is read as such, not as a bare share
        ("доля удовлетворённых 4.1 — 93", []),
        # a date is no share; a number to compare the share with is not the finding's own
        ("звонок 15.07, в целом доволен", []),
        ("доля удовлетворённых — 0,9 при среднем по учреждениям 0,97", [(23, 90.0)]),
        ("общая удовлетворённость — факт 71 при плане 100", [(31, 71.0)]),
    ],
)
def test_shares_are_read_in_every_shape_with_where_they_stand(text: str, expected: list[tuple[int, float]]) -> None:
    assert shares(text) == expected


@pytest.mark.parametrize(
    ("text", "clear"),
    [
        # a problem word and its denial, in either order, say nothing is wrong
        ("нареканий на питание нет", True),
        ("нет нареканий", True),
        ("претензий от получателей не поступало", True),
        ("без замечаний", True),
        ("отклонений от норматива не выявлено", True),
        # a complaint about an absence is a problem; a denial only before its noun
        ("нарекания на отсутствие горячей воды", False),
        # a clear phrase with a share below the floor is a survey result to improve
        ("полностью удовлетворены — 61 %", False),
        ("полностью удовлетворены — 97 %", True),
    ],
)
def test_a_denied_problem_word_says_nothing_is_wrong(engine: Engine, text: str, clear: bool) -> None:
    assert engine.recognizer.says_nothing_wrong(text) is clear


@pytest.mark.parametrize(
    ("text", "clear"),
    [
        # a denial of remarks that ends the line, or opens it before a colon, judges the plain facts beside it
        ("Свидания с родственниками ежедневно с 10 до 19; жалоб на режим посещений не поступало", True),
        ("Замечаний нет: пандус у входа с поручнями, кнопка вызова работает", True),
        # … not a figure of a score or a survey, nor what another part says is wrong
        ("Показатель 1.3 — 78 баллов; жалоб на информирование нет", False),
        ("На стенде нет тарифов; замечаний к сайту нет", False),
        # a denial of one thing is no verdict on the others
        ("Санитарки хамят, а медсёстры не грубят.", False),
        # nor is a denial after a clause that says what is wrong
        ("Сайт не обновляется с 2021 года — обращения никуда не поступают", False),
    ],
)
def test_a_verdict_on_the_whole_line_says_nothing_is_wrong(engine: Engine, text: str, clear: bool) -> None:
    assert engine.recognizer.says_nothing_wrong(text) is clear


@given(st.integers(min_value=0, max_value=1000), st.sampled_from(["не удовлетворены", "неудовлетворённых —", "недовольны"]))
def test_the_share_of_the_dissatisfied_reads_as_its_rest_of_the_satisfied(tenths: int, dissatisfied: str) -> None:
    satisfied = tenths / 10
    said = f"{100 - satisfied:g}".replace(".", ",")
    assert [v for _, v in shares(f"{dissatisfied} {said} %")] == [satisfied]
    assert [v for _, v in shares(f"удовлетворены {satisfied:g} %".replace(".", ","))] == [satisfied]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4.1 — 87,5 баллов", [("4.1", 87.5)]),
        ("показатель 1.3 составил 82", [("1.3", 82.0)]),
        ("4.3 (дистанционно) — 72 балла", [("4.3", 72.0)]),
        ("4.1 «при первичном обращении» — 88", [("4.1", 88.0)]),
        ("показатели 5.1 и 5.3 — 82 и 80 баллов соответственно", [("5.1", 82.0), ("5.3", 80.0)]),
        ("показатели 4.1, 4.2 и 4.3 — 90, 85 и 70", [("4.1", 90.0), ("4.2", 85.0), ("4.3", 70.0)]),
        ("показатели 5.1 и 5.3 — 82", [("5.3", 82.0)]),  # one value for two: only the one it stands after
        ("по показателям 4.1–4.3 замечаний нет", []),  # a range gives no value
        ("4.2 → 0,88", [("4.2", 88.0)]),  # an arrow joins them as a dash does
    ],
)
def test_indicator_values_are_read_in_every_shape(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(i, v) for i, v, _, _ in indicator_values(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4.3 — 74 из 81 (91,4 %)", [("4.3", 91.358)]),
        ("5.2: 104/118", [("5.2", 88.136)]),
        ("1.3: стенд 31/44, сайт 12/25", [("1.3", 70.455)]),  # the first count: the stand's
        ("4.2 — недовольны 3 из 50", []),  # a count of the dissatisfied is no count of the satisfied
        ("5.1: опрошено 57 из 60", []),  # nor one of those asked
        ("4.1/4.2/4.3 — 89/95/97", []),  # a list of values is no count
        ("2.3 — 12 из 10", []),  # more satisfied than asked: a typo, no share
    ],
)
def test_indicator_counts_read_the_share_of_the_satisfied(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(i, v) for i, v, _, _ in indicator_counts(text)] == expected


@given(st.integers(min_value=1, max_value=500), st.integers(min_value=0, max_value=500), st.integers(min_value=1, max_value=500))
def test_answers_in_any_words_read_as_the_share_of_the_satisfied(yes: int, partly: int, no: int) -> None:
    # the share of those satisfied is the «да» answers out of all answers, whatever the other answers are called
    said = f"«да» — {yes}, «частично» — {partly}, «нет» — {no}"
    assert answers_as_shares(said) == f"{100 * yes / (yes + partly + no):.1f} %".replace(".", ",")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("показатели критерия 2: 2.1 — 100; 2.2 — 98,6; 2.3 — 99,0", True),
        ("2.1 — 100; 2.2 — 94,9", False),
        ("удовлетворены 100 %", False),  # a share, not an indicator value
    ],
)
def test_indicator_values_all_at_the_floor_say_nothing_is_wrong(text: str, expected: bool) -> None:
    assert full_scores(text, 95.0) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a slope within the rules (1:12, 8 %) says the ramp is as it should be
        ("у входа пандус, уклон 1:12", []),
        ("у входа пандус, уклон 1:20", []),
        # a steeper one is off the norm
        ("у входа пандус, уклон 1:8", [("ramp_missing", "concept", "noncompliant")]),
        ("у входа пандус, уклон 10 %", [("ramp_missing", "concept", "noncompliant")]),
        ("у входа пандус, уклон 1:6", [("ramp_missing", "concept", "noncompliant")]),
        ("у входа пандус, уклон круче 1:12", [("ramp_missing", "concept", "noncompliant")]),
    ],
)
def test_a_slope_within_the_rules_is_no_violation(cat: Engine, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert found(cat, text) == expected


def test_a_thing_put_in_place_is_there_and_a_flaw_is_said_of_it(cat: Engine) -> None:
    # «установлен»: a short passive participle says the thing was put in place, like «есть»
    assert found(cat, "пандус установлен, но ведёт к запасному выходу") == [("ramp_missing", "concept", "noncompliant")]
    assert found(cat, "пандус установлен") == []


def test_a_flaw_that_names_a_thing_of_its_own_is_said_of_the_thing_before_it_too(cat: Engine) -> None:
    assert found(cat, "пандус есть, но крутой, и перила старые") == [
        ("ramp_missing", "concept", "noncompliant"),
        ("handrails_missing", "concept", "worn"),
    ]
    # a problem said of the flaw's own thing says nothing of the thing that is there
    assert found(cat, "пандус есть, но перила только у входа") == [("handrails_missing", "concept", "partial")]
    assert found(cat, "пандус есть, но перила сломаны") == [("handrails_missing", "concept", "broken")]


@pytest.fixture(scope="module")
def waits(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """The mini catalog with a waiting concept whose object holds a problem word («время ожидания»): the word names
    the thing, so only something else said of it makes it a problem."""
    signals = {**SIGNALS, "low": ["низкий", "ожидание"]}
    root = mini_copy(
        tmp_path_factory.mktemp("waits") / "catalog-root",
        signals,
        with_concepts([("service_delays", "2.2", "Долгое ожидание", ["время ожидание", "срок ожидание"])]),
    )
    return Engine.load(root)


@pytest.mark.parametrize("text", ["время ожидания в кассе — 40 минут", "срок ожидания места в интернате — более полугода", "время ожидания: 2 часа"])
def test_a_wait_told_by_its_length_is_too_long(waits: Engine, text: str) -> None:
    assert found(waits, text) == [("service_delays", "concept", None)]


@pytest.mark.parametrize("text", ["время ожидания в кассе — 10 минут", "время ожидания за 9 месяцев", "справки выдают через 2 недели"])
def test_a_short_wait_a_period_or_a_length_of_no_wait_is_no_problem(waits: Engine, text: str) -> None:
    assert found(waits, text) == []


def test_a_flaw_that_names_only_where_is_said_of_the_thing_there(cat: Engine) -> None:
    # «на двери» says where the form is missing: the door is not
    assert found(cat, "форма есть, но на входной двери отсутствует") == [("form_missing", "concept", "absent")]
    # a thing named on its own in the flaw stays its own
    assert found(cat, "форма есть, но дверь узкая") == [("doorways_narrow", "concept", "noncompliant")]
