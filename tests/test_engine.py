"""The durable-rules adapter: sharding, no-match, errors inside actions, session clean-up."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nokrules import Engine, EngineError, Institution
from nokrules.core import rules as engine_mod
from nokrules.core.conditions import evaluate
from nokrules.core.model import Catalog, Comparison, Recognition
from nokrules.core.rules import DurableRules, host

from .conftest import MINI

BASE = Engine.load(MINI).catalog


def rec(i: int, d: str, **values: float) -> Recognition:
    return Recognition(finding=i, deficiency=d, pattern=0, matches=[], places=["site"], values=values)


RECS = [
    rec(0, "ramp_missing"),
    rec(1, "handrails_missing"),
    rec(2, "staffing_shortage", staffing_percent=40.0),
    rec(3, "faq_missing"),
]


def test_rules_are_sharded_below_the_test_ceiling(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_mod, "SHARD_TESTS", 3)
    sharded = DurableRules(BASE)
    assert len(sharded.rulesets) > 2
    inst = Institution(kind="kcson", forms=["home"])
    assert sharded.run(inst, RECS) == evaluate(BASE.rules, inst, RECS)


def test_a_fact_no_rule_matches_is_not_an_error() -> None:
    only_conditional = [r for r in BASE.rules if r.id != "staffing"]
    eng = DurableRules(BASE.model_copy(update={"rules": only_conditional}))
    # staffing 75%: the only staffing rule left needs < 50, so the engine does not handle the fact
    assert eng.run(Institution(), [rec(0, "staffing_shortage", staffing_percent=75.0)]) == []


def test_a_matched_fact_still_fires_when_an_unmatched_one_follows_it_in_the_same_batch() -> None:
    # one ruleset gets both facts in one assert_facts call; the library raises MessageNotHandled for the
    # batch because of the second one, and must still run the first one's action
    only_conditional = [r for r in BASE.rules if r.id != "staffing"]
    eng = DurableRules(BASE.model_copy(update={"rules": only_conditional}))
    assert len(eng.rulesets) == 1
    recs = [rec(0, "staffing_shortage", staffing_percent=40.0), rec(1, "staffing_shortage", staffing_percent=75.0)]
    fired = eng.run(Institution(), recs)
    assert [(f.rule, f.recognitions) for f in fired] == [("staffing-low", [0])]
    again = eng.run(Institution(), list(reversed(recs)))  # now the unmatched fact comes first
    assert [(f.rule, f.recognitions) for f in again] == [("staffing-low", [1])]


def test_a_deficiency_without_rules_gives_a_manual_row() -> None:
    no_faq = [r for r in BASE.rules if r.id != "faq"]
    cat = BASE.model_copy(update={"rules": no_faq})
    plan = Engine(cat).draft_plan("нет раздела «Часто задаваемые вопросы»")
    assert plan.items[0].measures == []
    row = plan.sections[0].rows[0]
    assert row.manual and row.measure is None and row.deficiencies == ["faq_missing"]


class _Exploding(dict):  # type: ignore[type-arg]
    def __getitem__(self, key: str) -> list[object]:
        raise RuntimeError("сбой в действии")


def test_an_exception_inside_an_action_is_raised_not_swallowed(monkeypatch: pytest.MonkeyPatch) -> None:
    eng = DurableRules(BASE)
    monkeypatch.setattr(eng._c, "sink", _Exploding())  # the compiled rules are shared: put the sink back after
    with pytest.raises(EngineError, match="сбой в действии"):
        eng.run(Institution(), [rec(0, "ramp_missing")])


def test_sessions_are_deleted_after_each_plan() -> None:
    eng = DurableRules(BASE)
    before = next(eng._c.sessions)
    eng.run(Institution(), RECS)
    sid = f"s{before + 1}"
    for name in eng.rulesets:
        with pytest.raises(Exception, match="309"):
            host().get_facts(name, sid)
    assert eng._c.sink == {} and eng._c.errors == {}


def test_the_same_catalog_loaded_twice_reuses_its_rulesets() -> None:
    a = DurableRules(BASE)
    b = DurableRules(BASE)
    assert a.rulesets == b.rulesets and a._c is b._c


def _edit_rule(catalog: Catalog, rule_id: str, **update: object) -> Catalog:
    rules = [r.model_copy(update=update) if r.id == rule_id else r for r in catalog.rules]
    return catalog.model_copy(update={"rules": rules})


def test_a_catalog_edited_in_memory_gives_its_own_plan() -> None:
    faq = "нет раздела «Часто задаваемые вопросы»"
    before = Engine(BASE).draft_plan(faq)  # fills whatever the engine and planner keep
    assert [m.id for m in before.items[0].measures] == ["publish_faq"]
    edited = _edit_rule(BASE, "faq", then=["publish_complaint_procedure"])
    assert edited.digest != BASE.digest and edited.rule("faq").then == ["publish_complaint_procedure"]
    after = Engine(edited).draft_plan(faq)
    assert [m.id for m in after.items[0].measures] == ["publish_complaint_procedure"]
    assert [m.id for m in Engine(BASE).draft_plan(faq).items[0].measures] == ["publish_faq"]  # the original is intact


def test_a_condition_edited_in_memory_is_compiled_anew() -> None:
    staffing = "укомплектованность 60%"
    assert [m.id for m in Engine(BASE).draft_plan(staffing).items[0].measures] == ["recruit_staff", "monitor_staffing"]
    low = next(r for r in BASE.rules if r.id == "staffing-low")
    edited = _edit_rule(BASE, "staffing-low", when=low.when.model_copy(update={"value": {"staffing_percent": Comparison(lt=70)}}))
    assert DurableRules(edited).rulesets != DurableRules(BASE).rulesets
    got = [m.id for m in Engine(edited).draft_plan(staffing).items[0].measures]
    assert got == ["recruit_staff_urgently", "monitor_staffing"]


def test_the_digest_is_of_the_content_not_of_the_files(tmp_path: Path) -> None:
    shutil.copytree(MINI, tmp_path / "mini")
    (tmp_path / "mini" / "rules" / "all.yaml").write_text(
        "# a comment changes the bytes, not the catalog\n" + (MINI / "rules" / "all.yaml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    assert Engine.load(tmp_path / "mini").catalog.digest == BASE.digest


def test_a_choice_follows_its_finding_text_and_the_others_say_why(mini: Engine) -> None:
    from nokrules.core.model import Choice

    text = "\n\nгрубый охранник на входе\nнет пандуса\nгрубый охранник на входе"
    moved = Choice(line=1, deficiency="faq_missing", text="грубый охранник на входе")  # was line 1, now 3 and 5
    gone = Choice(line=2, deficiency="faq_missing", text="шумно в коридоре")
    recognised = Choice(line=4, deficiency="faq_missing")  # «нет пандуса» needs no pick
    kept, dropped = mini.place_choices(text, [moved, gone, recognised])
    assert kept == [Choice(line=3, deficiency="faq_missing", text="грубый охранник на входе")]  # the nearest
    assert dropped == [(gone, "такой находки больше нет в тексте"), (recognised, "находка теперь распознана сама")]
    assert mini.applicable_choices(text, [moved]) == kept
