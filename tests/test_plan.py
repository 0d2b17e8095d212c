"""Rules → plan on the mini catalog: conditions, priorities, replaces, excludes, places, dates, rows."""

from __future__ import annotations

from datetime import date

import pytest

from nokrules import Choice, Engine, Institution, Plan
from nokrules.core.errors import UsageError
from nokrules.core.model import Firing
from nokrules.core.planner import fired_on

from .conftest import MINI

D = date(2027, 1, 15)


def _measures(plan: Plan) -> list[str]:
    return sorted({m.id for it in plan.items for m in it.measures})


def test_rule_without_conditions_fires_for_any_institution(mini: Engine) -> None:
    plan = mini.draft_plan("нет пандуса", date=D)
    assert _measures(plan) == ["install_ramp"]
    assert plan.items[0].measures[0].rule == "ramp"


def test_kind_and_form_conditions(mini: Engine) -> None:
    home_kcson = mini.institution("ЦСОН", kind="кцсон")
    assert home_kcson.forms == ["home", "semi_stationary"]
    plan = mini.draft_plan("нет пандуса", home_kcson, date=D)
    # the call button (priority 5) excludes the ramp
    assert _measures(plan) == ["install_call_button"]
    stationary = mini.institution("Дом", kind="care_home")
    assert _measures(mini.draft_plan("нет пандуса", stationary, date=D)) == ["install_ramp"]


def test_multi_deficiency_rule_and_replaces(mini: Engine) -> None:
    plan = mini.draft_plan("- нет пандуса\n- нет поручней", date=D)
    by_def = {it.deficiency.id: [m.id for m in it.measures] for it in plan.items}
    assert by_def == {"ramp_missing": ["renovate_entrance", "install_ramp"], "handrails_missing": ["renovate_entrance"]}


def test_value_thresholds_choose_the_measure(mini: Engine) -> None:
    low = mini.draft_plan("укомплектована кадрами на 40%", date=D)
    assert [m.id for m in low.items[0].measures] == ["recruit_staff_urgently", "monitor_staffing"]
    ok = mini.draft_plan("укомплектована кадрами на 75%", date=D)
    assert [m.id for m in ok.items[0].measures] == ["recruit_staff", "monitor_staffing"]
    unknown = mini.draft_plan("недостаточная укомплектованность кадрами", date=D)
    assert [m.id for m in unknown.items[0].measures] == ["recruit_staff", "monitor_staffing"]


def test_measure_text_names_the_place_of_the_finding(mini: Engine) -> None:
    site = mini.draft_plan("нет порядка подачи жалоб на сайте", date=D).items[0].measures[0].text
    stand = mini.draft_plan("нет порядка подачи жалоб на стенде", date=D).items[0].measures[0].text
    both = mini.draft_plan("нет порядка подачи жалоб на сайте и стендах", date=D).items[0].measures[0].text
    assert site == "Разместить на официальном сайте организации порядок подачи жалоб"
    assert stand == "Разместить на информационных стендах в помещениях организации порядок подачи жалоб"
    assert both == "Разместить на официальном сайте и на информационных стендах организации порядок подачи жалоб"


def test_due_dates_are_concrete_from_the_plan_date(mini: Engine) -> None:
    plan = mini.draft_plan(
        "нет порядка подачи жалоб\nнет раздела часто задаваемых вопросов\nнет поручней\nукомплектованность 40%", date=D
    )
    due = {m.id: (m.due, m.due_text) for it in plan.items for m in it.measures}
    assert due["publish_complaint_procedure"] == ("2027-02-15", "до 15.02.2027")
    assert due["publish_faq"] == ("2027-01-29", "до 29.01.2027")
    assert due["install_handrails"] == ("2027-03-31", "I квартал 2027 г.")  # end_of_quarter: quarter style (issue 4)
    assert due["monitor_staffing"] == ("постоянно", "постоянно")


def test_responsible_person_comes_from_the_profile(mini: Engine) -> None:
    inst = mini.institution("ЦСОН", people={"site_admin": "Петрова А. А."})
    m = mini.draft_plan("нет порядка подачи жалоб", inst, date=D).items[0].measures[0]
    assert m.responsible == "Ответственный за ведение официального сайта — Петрова А. А."
    assert m.responsible_role == "site_admin"


def test_an_unknown_role_or_kind_is_named_with_the_known_ones(mini: Engine) -> None:
    with pytest.raises(UsageError, match="неизвестная роль «librarian». Известны: .*site_admin"):
        mini.institution("ЦСОН", people={"librarian": "Иванова И. И."})
    with pytest.raises(UsageError, match="неизвестный вид организации «планетарий»"):
        mini.institution("ЦСОН", "планетарий")
    assert mini.resolve_kind("  комплексный центр социального ОБСЛУЖИВАНИЯ населения ") == mini.resolve_kind("KCSON") == "kcson"


def test_a_measure_answering_two_findings_is_one_row_listing_both(mini: Engine) -> None:
    plan = mini.draft_plan("- нет порядка подачи жалоб на сайте\n- на стенде нет порядка подачи жалоб", date=D)
    rows = plan.sections[0].rows
    assert len(rows) == 1
    assert [f.line for f in rows[0].findings] == [1, 2]
    assert rows[0].measure is not None
    assert rows[0].measure.text.startswith("Разместить на официальном сайте и на информационных стендах")


def test_sections_are_the_five_criteria_in_order(mini: Engine) -> None:
    plan = mini.draft_plan("нет пандуса", date=D)
    assert [s.section for s in plan.sections] == ["I", "II", "III", "IV", "V"]
    assert [len(s.rows) for s in plan.sections] == [0, 0, 1, 0, 0]


def test_unrecognised_line_is_kept_with_suggestions(mini: Engine) -> None:
    plan = mini.draft_plan("нет пандуса\nгрубый охранник на входе", date=D)
    assert [(u.text, u.line) for u in plan.unrecognized] == [("грубый охранник на входе", 2)]
    assert len(plan.unrecognized[0].suggestions) == 3


def test_json_contract_fields(mini: Engine) -> None:
    import json

    data = json.loads(mini.draft_plan("нет пандуса", Institution(name="Дом", kind="care_home"), date=D).to_json())
    assert data["schema"] == "nokrules.plan/2"
    assert data["institution"]["name"] == "Дом" and data["institution"]["kind"] == "care_home"
    assert data["date"] == "2027-01-15"
    assert data["catalog_version"] == "1.0.0"
    item = data["items"][0]
    assert item["finding"] == {"text": "нет пандуса", "line": 1}
    assert item["deficiency"]["id"] == "ramp_missing" and item["deficiency"]["indicator"] == "3.1"
    assert item["deficiency"]["criterion"] == 3
    assert set(item["measures"][0]) >= {"id", "text", "due", "responsible", "result", "rule"}
    assert data["unrecognized"] == []


def _with_groups(policy: str) -> Engine:
    from nokrules.core.model import Rule, When

    cat = Engine.load(MINI).catalog
    rules = [r for r in cat.rules if not r.id.startswith("staffing")] + [
        Rule(
            id="st-low",
            when=When(deficiency="staffing_shortage", value={"staffing_percent": {"lt": 50}}),
            then=["recruit_staff_urgently"],
            priority=5,
            group="st",
            because="t",
        ),
        Rule(id="st-any", when=When(deficiency="staffing_shortage"), then=["recruit_staff"], priority=1, group="st", because="t"),
        Rule(id="st-watch", when=When(deficiency="staffing_shortage"), then=["monitor_staffing"], because="t"),
    ]
    settings = cat.settings.model_copy(update={"groups": {"st": policy}})
    return Engine(cat.model_copy(update={"rules": rules, "settings": settings}))


def test_group_policy_priority_keeps_only_the_highest_priority_rule_of_the_group() -> None:
    plan = _with_groups("priority").draft_plan("укомплектованность 40%", date=D)
    assert [m.id for m in plan.items[0].measures] == ["recruit_staff_urgently", "monitor_staffing"]
    plan = _with_groups("priority").draft_plan("укомплектованность 70%", date=D)
    assert [m.id for m in plan.items[0].measures] == ["recruit_staff", "monitor_staffing"]


def test_group_policy_first_keeps_the_first_written_rule() -> None:
    plan = _with_groups("first").draft_plan("укомплектованность 40%", date=D)
    assert [m.id for m in plan.items[0].measures] == ["recruit_staff_urgently", "monitor_staffing"]


def test_group_policy_collect_keeps_every_rule() -> None:
    plan = _with_groups("collect").draft_plan("укомплектованность 40%", date=D)
    assert [m.id for m in plan.items[0].measures] == ["recruit_staff_urgently", "recruit_staff", "monitor_staffing"]


TWO_ON_ONE_LINE = "- телефон постоянно занят; на сайте нет ответов на вопросы\n- нет порядка подачи жалоб"


def test_a_picked_deficiency_turns_an_unrecognised_finding_into_a_plan_item(mini: Engine) -> None:
    choice = Choice(line=1, deficiency="faq_missing", text="на сайте нет ответов на вопросы")
    plan = mini.draft_plan(TWO_ON_ONE_LINE, date=D, choices=[choice])
    assert [(i.finding.text, i.deficiency.id) for i in plan.items] == [
        ("на сайте нет ответов на вопросы", "faq_missing"),
        ("нет порядка подачи жалоб", "complaint_procedure_missing"),
    ]
    assert [m.id for m in plan.items[0].measures] == ["publish_faq"]
    assert [u.text for u in plan.unrecognized] == ["телефон постоянно занят"]  # the other finding on line 1 stays


def test_a_choice_without_text_applies_to_every_unrecognised_finding_on_its_line(mini: Engine) -> None:
    plan = mini.draft_plan(TWO_ON_ONE_LINE, date=D, choices=[Choice(line=1, deficiency="faq_missing")])
    assert [i.deficiency.id for i in plan.items] == ["faq_missing", "faq_missing", "complaint_procedure_missing"]
    assert plan.unrecognized == []
    assert len(plan.sections[0].rows[0].findings) == 2  # one measure row listing both findings


def test_a_picked_finding_reads_places_and_percentages_from_its_text(mini: Engine) -> None:
    plan = mini.draft_plan(
        "- кадров не хватает, занято 40 % ставок", date=D, choices=[Choice(line=1, deficiency="staffing_shortage")]
    )
    trace_values = mini.trace(
        "- кадров не хватает, занято 40 % ставок", Institution(), D, [Choice(line=1, deficiency="staffing_shortage")]
    )
    assert trace_values.recognitions[0].values == {"staffing_percent": 40.0}
    assert trace_values.recognitions[0].pattern == -1 and trace_values.recognitions[0].matches == []
    assert "recruit_staff_urgently" in [m.id for m in plan.items[0].measures]  # the < 50 % rule fired


@pytest.mark.parametrize(
    ("choice", "message"),
    [
        (Choice(line=1, deficiency="no_such_thing"), "выбор 1: в каталоге нет недостатка «no_such_thing»"),
        (Choice(line=7, deficiency="faq_missing"), "выбор 1: в тексте нет такой находки на строке 7"),
        (Choice(line=2, deficiency="faq_missing"), "выбор 1: находка на строке 2 уже распознана"),
        (Choice(line=1, deficiency="faq_missing", text="другой текст"), "выбор 1: в тексте нет такой находки на строке 1"),
    ],
)
def test_a_choice_that_does_not_fit_the_text_is_a_usage_error(mini: Engine, choice: Choice, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        mini.draft_plan(TWO_ON_ONE_LINE, date=D, choices=[choice])


def test_a_finding_may_be_given_several_deficiencies_each_once(mini: Engine) -> None:
    text = "- телефон постоянно занят"
    picks = [
        Choice(line=1, deficiency="faq_missing"),
        Choice(line=1, deficiency="staffing_shortage"),
        Choice(line=1, deficiency="faq_missing"),
    ]
    plan = mini.draft_plan(text, date=D, choices=picks)
    assert [i.deficiency.id for i in plan.items] == ["faq_missing", "staffing_shortage"]


@pytest.mark.parametrize("when", [date(1999, 12, 31), date(2101, 1, 1), date(9999, 12, 31)])
def test_a_plan_date_outside_2000_2100_is_a_usage_error(mini: Engine, when: date) -> None:
    with pytest.raises(UsageError, match=f"дата плана {when.isoformat()} вне допустимых лет 2000–2100"):
        mini.draft_plan("нет порядка подачи жалоб", date=when)


def test_fired_on_gives_each_recognition_its_rules_sorted_and_once(mini: Engine) -> None:
    trace = mini.trace("нет пандуса\nнет поручней", Institution(kind="kcson", forms=["home"]), D)
    # entrance (all: ramp and handrails) fired on both findings; ramp-home-kcson and ramp on the first
    assert fired_on(trace.recognitions, trace.firings) == [("entrance", "ramp", "ramp-home-kcson"), ("entrance", "handrails")]
    twice = [Firing(rule="b", recognitions=[0, 1]), Firing(rule="a", recognitions=[0]), Firing(rule="b", recognitions=[0, 2])]
    assert fired_on(trace.recognitions * 2, twice) == [("a", "b"), ("b",), ("b",), ()]


def test_the_direct_fix_comes_before_the_extras_for_a_kind_or_form_of_service(engine: Engine) -> None:
    # the rule for home clients sorts first by id («complaint-procedure-home»), but publishing the
    # procedure is the fix itself and the memo only carries it to those who never see the stand
    text = "нет порядка подачи жалобы на сайте и стендах"
    home = engine.draft_plan(text, engine.institution("КЦСОН", "kcson"), date=D)
    assert [m.id for m in home.items[0].measures] == ["publish_complaint_procedure", "hand_out_home_memo"]
    rows = [r.measure.id for s in home.sections for r in s.rows if r.measure]
    assert rows == ["publish_complaint_procedure", "hand_out_home_memo"]
    residential = engine.draft_plan(text, engine.institution("Дом", "care_home"), date=D)
    assert [m.id for m in residential.items[0].measures] == ["publish_complaint_procedure", "post_rules_in_residential_units"]
