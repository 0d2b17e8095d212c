"""The firings memo (core/firings.py): a plan answered from it gets exactly the firings durable-rules and the
evaluator give, and only answers both engines agreed on are kept."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nokrules import Engine, EngineError
from nokrules.core.conditions import evaluate
from nokrules.core.firings import Firings
from nokrules.core.model import Catalog, Comparison, Firing, Institution, Recognition, Rule, When
from nokrules.core.rules import DurableRules

from .test_engine_oracle import BASE, MEASURES, catalogs, insts_strategy, recs_strategy


class Counting(DurableRules):
    """DurableRules that counts the recognitions it is asked about."""

    asked = 0

    def run(self, institution: Institution, recognitions: list[Recognition]) -> list[Firing]:
        self.asked += len(recognitions)
        return super().run(institution, recognitions)


def _rec(deficiency: str, places: list[str] | None = None, values: dict[str, float] | None = None) -> Recognition:
    return Recognition(finding=0, deficiency=deficiency, pattern=0, matches=[], places=places or [], values=values or {})


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalog=catalogs(), inst=insts_strategy, plans=st.lists(recs_strategy, min_size=1, max_size=4))
def test_remembered_firings_equal_the_evaluator(catalog: Catalog, inst: Institution, plans: list[list[Recognition]]) -> None:
    # plans that share facts in random orders: each answer, from the engines or the memo, is the evaluator's
    firings = Firings(catalog, DurableRules(catalog))
    for recs in [*plans, *reversed(plans), *plans]:
        assert firings.run(inst, recs) == evaluate(catalog.rules, inst, recs)


def _staffing_catalog() -> Catalog:
    low = Rule(
        id="low",
        when=When(deficiency="staffing_shortage").model_copy(update={"value": {"staffing_percent": Comparison(lt=50.0)}}),
        then=[MEASURES[0]],
        because="тест",
    )
    joined = Rule(id="both", when=When(all=["ramp_missing", "handrails_missing"]), then=[MEASURES[1]], because="тест")
    return BASE.model_copy(update={"rules": [low, joined]})


def test_a_value_is_remembered_by_what_the_rules_compare_it_with() -> None:
    catalog = _staffing_catalog()
    rules = Counting(catalog)
    firings = Firings(catalog, rules)
    inst = Institution(kind=None)
    assert firings.run(inst, [_rec("staffing_shortage", values={"staffing_percent": 40.0})]) == [Firing(rule="low", recognitions=[0])]
    assert rules.asked == 1
    # 45 < 50 as 40 is: the same answer, from the memo
    assert firings.run(inst, [_rec("staffing_shortage", values={"staffing_percent": 45.0})]) == [Firing(rule="low", recognitions=[0])]
    assert rules.asked == 1
    # 50 is not below 50: asked anew, and nothing fires
    assert firings.run(inst, [_rec("staffing_shortage", values={"staffing_percent": 50.0})]) == []
    assert rules.asked == 2
    # another kind of institution is another fact
    assert firings.run(Institution(kind="kcson"), [_rec("staffing_shortage", values={"staffing_percent": 40.0})]) == [
        Firing(rule="low", recognitions=[0])
    ]
    assert rules.asked == 3


def test_joined_deficiencies_are_remembered_together() -> None:
    catalog = _staffing_catalog()
    rules = Counting(catalog)
    firings = Firings(catalog, rules)
    inst = Institution()
    ramp, rails = _rec("ramp_missing"), _rec("handrails_missing")
    assert firings.run(inst, [ramp]) == []
    assert firings.run(inst, [ramp, rails]) == [Firing(rule="both", recognitions=[0, 1])]
    assert rules.asked == 3  # a ramp alone and a ramp with handrails are different groups
    # the same group after another finding: from the memo, its indexes where they are in this plan
    staff = _rec("staffing_shortage", values={"staffing_percent": 10.0})
    assert firings.run(inst, [staff, ramp, rails]) == [Firing(rule="both", recognitions=[1, 2]), Firing(rule="low", recognitions=[0])]
    assert rules.asked == 4
    # handrails before the ramp: another order, asked anew (the rule's first deficiency is the ramp)
    assert firings.run(inst, [rails, ramp]) == [Firing(rule="both", recognitions=[1, 0])]
    assert rules.asked == 6


def test_a_refused_answer_is_not_remembered(monkeypatch: pytest.MonkeyPatch) -> None:
    catalog = _staffing_catalog()
    rules = Counting(catalog)
    firings = Firings(catalog, rules)
    recs = [_rec("staffing_shortage", values={"staffing_percent": 40.0})]
    run = rules.run
    monkeypatch.setattr(rules, "run", lambda inst, rs: run(inst, rs)[1:])  # loses the firing, as in issue 13
    with pytest.raises(EngineError, match="потеряно срабатываний: 1"):
        firings.run(Institution(), recs)
    monkeypatch.undo()
    assert firings.run(Institution(), recs) == [Firing(rule="low", recognitions=[0])]
    assert rules.asked == 2  # asked again: the refused answer was not kept


def test_one_recognition_object_gets_each_institutions_own_firings(engine: Engine) -> None:
    # the memo keeps a recognition's own part of the fact per object (a batch shares a scored deficiency's
    # recognition between plans); the institution's part is each plan's own. vacancies_missing: every
    # institution publishes its free places (vacant-places-publish); a care home also reports free beds
    # weekly (vacant-places-stationary-weekly, kind: care_home, …)
    rec = _rec("vacancies_missing")
    home, centre = engine.institution("Дом", "care_home"), engine.institution("Центр", "kcson")
    both = [Firing(rule="vacant-places-publish", recognitions=[0]), Firing(rule="vacant-places-stationary-weekly", recognitions=[0])]
    one = [Firing(rule="vacant-places-publish", recognitions=[0])]
    for _ in range(2):
        assert engine.firings.run(home, [rec]) == both
        assert engine.firings.run(centre, [rec]) == one
