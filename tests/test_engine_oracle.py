"""durable-rules is a dormant C library: its behaviour is checked against the plain-Python reference
evaluator (nokrules/core/conditions.py) on random rules, institutions and recognitions, not assumed."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nokrules import Engine
from nokrules.core.conditions import Unmet, evaluate, unmet
from nokrules.core.model import Catalog, Comparison, Firing, Institution, Recognition, Rule, When
from nokrules.core.rules import DurableRules
from nokrules.curate.check import institutions, recognitions

from .conftest import MINI

BASE = Engine.load(MINI).catalog
DEFS = [d.id for d in BASE.deficiencies]
MEASURES = [m.id for m in BASE.measures]
KINDS = [k.id for k in BASE.kinds]
FORMS = [f.id for f in BASE.forms]

comparisons = (
    st.fixed_dictionaries(
        {},
        optional={
            "lt": st.integers(0, 100).map(float),
            "ge": st.integers(0, 100).map(float),
            "le": st.integers(0, 100).map(float),
            "eq": st.sampled_from([40.0, 60.0]),
        },
    )
    .filter(bool)
    .map(Comparison.model_validate)
)


@st.composite
def rules(draw: st.DrawFn, idx: int) -> Rule:
    multi = draw(st.booleans())
    if multi:
        ds = draw(st.lists(st.sampled_from(DEFS), min_size=2, max_size=3, unique=True))
        when = When(all=ds)
    else:
        when = When(deficiency=draw(st.sampled_from(DEFS)))
    first = when.deficiencies[0]
    update = {
        "kind": draw(st.lists(st.sampled_from(KINDS), max_size=2, unique=True).map(sorted)),
        "form": draw(st.lists(st.sampled_from(FORMS), max_size=2, unique=True).map(sorted)),
        "place": draw(st.none() | st.sampled_from(["site", "stand"])),
        "value": draw(st.dictionaries(st.just("staffing_percent"), comparisons, max_size=1))
        if first == "staffing_shortage"
        else {},
    }
    return Rule(id=f"r{idx}", when=when.model_copy(update=update), then=[draw(st.sampled_from(MEASURES))], because="test")


@st.composite
def catalogs(draw: st.DrawFn) -> Catalog:
    n = draw(st.integers(1, 8))
    rs = [draw(rules(i)) for i in range(n)]
    return BASE.model_copy(update={"rules": rs})


recs_strategy = recognitions(DEFS, ["staffing_percent"], max_size=6)
insts_strategy = institutions(KINDS, FORMS)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalog=catalogs(), inst=insts_strategy, recs=recs_strategy)
def test_durable_rules_agrees_with_the_reference_evaluator(catalog: Catalog, inst: Institution, recs: list[Recognition]) -> None:
    engine = DurableRules(catalog)
    assert engine.run(inst, recs) == evaluate(catalog.rules, inst, recs)
    # a second session of the same engine sees nothing of the first
    assert engine.run(inst, recs) == evaluate(catalog.rules, inst, recs)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalog=catalogs(), inst=insts_strategy, recs=recs_strategy)
def test_no_unmet_condition_exactly_when_the_rule_fires(catalog: Catalog, inst: Institution, recs: list[Recognition]) -> None:
    # explain's "why not" and the evaluator are one semantics: no unmet condition ⇔ a firing with that first recognition
    fired = {(f.rule, f.recognitions[0]) for f in evaluate(catalog.rules, inst, recs)}
    for rule in catalog.rules:
        for k, r in enumerate(recs):
            if r.deficiency == rule.when.deficiencies[0]:
                assert (unmet(rule, k, recs, inst) == []) == ((rule.id, k) in fired), (rule, k)


def _rec(finding: int, deficiency: str, places: list[str] | None = None, values: dict[str, float] | None = None) -> Recognition:
    return Recognition(finding=finding, deficiency=deficiency, pattern=0, matches=[], places=places or [], values=values or {})


def test_unmet_names_every_failed_condition_in_order() -> None:
    when = When.model_validate(
        {"all": ["staffing_shortage", "ramp_missing", "handrails_missing"], "kind": ["kcson"], "form": ["home"], "place": "site"}
    ).model_copy(update={"value": {"staffing_percent": Comparison(lt=50.0)}})
    rule = Rule(id="r", when=when, then=[MEASURES[0]], because="тест")
    recs = [_rec(0, "staffing_shortage", ["stand"], {"staffing_percent": 60.0}), _rec(1, "ramp_missing")]
    assert unmet(rule, 0, recs, Institution(kind="care_home", forms=["stationary"])) == [
        Unmet("kind"),
        Unmet("form"),
        Unmet("place"),
        Unmet("value", "staffing_percent"),
        Unmet("deficiency", "handrails_missing"),
    ]
    assert unmet(rule, 1, recs, Institution(kind="kcson")) == [Unmet("deficiency", "staffing_shortage")]  # not its first
    met = [*recs[1:], _rec(0, "staffing_shortage", ["site"], {"staffing_percent": 40.0}), _rec(2, "handrails_missing")]
    home = Institution(kind="kcson", forms=["home"])
    assert unmet(rule, 1, met, home) == []
    assert evaluate([rule], home, met) == [Firing(rule="r", recognitions=[1, 0, 2])]
