"""Invariants of the shipped catalog, checked with hypothesis: order independence, duplicates add nothing,
any text is accounted for line by line and never crashes, same input gives the same bytes."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from nokrules import Engine, Plan
from nokrules.core.findings import split_findings
from nokrules.core.printable import printable

from .conftest import ROOT

ENGINE = Engine.load(ROOT)
EXAMPLES = sorted({e for d in ENGINE.catalog.deficiencies for e in d.examples})
KINDS = [None] + [k.id for k in ENGINE.catalog.kinds]
D = date(2027, 1, 15)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

findings_lists = st.lists(st.sampled_from(EXAMPLES), min_size=1, max_size=8)


def measure_set(plan: Plan) -> set[tuple[str, str]]:
    return {(m.id, m.text) for it in plan.items for m in it.measures}


def plan_of(lines: list[str], kind: str | None) -> Plan:
    return ENGINE.draft_plan("\n".join(f"- {x}" for x in lines), ENGINE.institution("Организация", kind), date=D)


@SETTINGS
@given(lines=findings_lists, kind=st.sampled_from(KINDS), data=st.data())
def test_findings_order_does_not_change_the_measures(lines: list[str], kind: str | None, data: st.DataObject) -> None:
    shuffled = data.draw(st.permutations(lines))
    assert measure_set(plan_of(lines, kind)) == measure_set(plan_of(shuffled, kind))


@SETTINGS
@given(lines=findings_lists, kind=st.sampled_from(KINDS), data=st.data())
def test_a_duplicated_line_adds_no_measure(lines: list[str], kind: str | None, data: st.DataObject) -> None:
    dup = data.draw(st.sampled_from(lines))
    assert measure_set(plan_of(lines + [dup], kind)) == measure_set(plan_of(lines, kind))


@SETTINGS
@given(lines=findings_lists, kind=st.sampled_from(KINDS))
def test_every_catalog_example_gets_a_measure(lines: list[str], kind: str | None) -> None:
    plan = plan_of(lines, kind)
    assert plan.unrecognized == []
    assert all(it.measures for it in plan.items)


@SETTINGS
@given(lines=findings_lists, kind=st.sampled_from(KINDS))
def test_output_is_deterministic(lines: list[str], kind: str | None) -> None:
    assert plan_of(lines, kind).to_json() == plan_of(lines, kind).to_json()


MARKER_ONLY = re.compile(r"^\s*\(?(?:\d{1,3}[.)]|[а-яёa-z]\))\s*$", re.IGNORECASE)

any_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300) | st.lists(
    st.sampled_from(EXAMPLES + ["", " ", "-", "•", "1)", "2.", ";", "«", "нет", "\t", "ё"]), max_size=12
).map("\n".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text)
@example(text="УДОВЛЕТВОРЕ")  # a survey word and no share: named no deficiency, still shown in the plan
@example(text="0)\x1b")  # a numbering mark and a control character: no text left to account for
def test_any_text_never_crashes_and_every_line_is_accounted_for(text: str) -> None:
    plan = ENGINE.draft_plan(text, date=D)
    findings = split_findings(text)
    # every finding is in the plan: as an item, as unrecognised, or among the lines that name no deficiency
    # («замечаний нет», a bare «УДОВЛЕТВОРЕ»), which every document prints in a section of their own
    shown = {(it.finding.text, it.finding.line) for it in plan.items} | {(u.text, u.line) for u in plan.unrecognized}
    shown |= {(f.text, f.line) for f in plan.no_deficiency}
    assert shown == {(f.text, f.line) for f in findings}
    # every input line with a letter or digit lies inside some finding
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    covered = {n for f in findings for n in range(f.line, max(f.line, f.end_line) + 1)}
    for no, line in enumerate(lines, start=1):
        if MARKER_ONLY.match(printable(line)):
            continue  # «1)» or «а)» alone (a control character reads as a space): a numbering mark whose text follows
        if re.search(r"[^\W_]", line):
            assert no in covered, (no, line)


def test_the_consistency_invariants_hold_on_the_shipped_catalog() -> None:
    """`nokrules check` on the catalog we ship: the same invariants a ministry runs on its own edits."""
    from nokrules.curate.check import Checker

    results = Checker(ENGINE, examples=40).run_all()
    assert [(r.invariant, r.detail) for r in results if not r.ok] == []
    assert len(results) == 8
