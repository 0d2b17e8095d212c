"""The shared catalog checks (nokrules.curate.catalog_checks): the shipped catalog passes them, each finds
its problem in a small broken catalog, and `nokrules lint` and `nokrules test` fail wherever the suite
does, so a curator whose lint and test pass cannot turn this suite red."""

from __future__ import annotations

from pathlib import Path

import pytest

from nokrules import Engine
from nokrules.curate import catalog_tests
from nokrules.curate.catalog_checks import check_catalog, recogniser
from nokrules.curate.lint import lint

from .test_lint import build

LIFT = """- id: lift_missing
  indicator: "3.1"
  title: Нет лифта
  patterns:
    - all: [лифт]
"""
LIFT_RULE = """- id: lift
  when: {deficiency: lift_missing}
  then: [renovate_entrance]
  because: тест
"""
# code → a broken overlay on tests/fixtures/mini and exactly what the suite says about it
BROKEN = {
    "NOK203": (
        {"catalog/deficiencies/extra.yaml": LIFT + "  examples: [нет подъёмника]\n", "rules/extra.yaml": LIFT_RULE},
        [
            "NOK203 example-not-recognised lift_missing.examples[0]: пример «нет подъёмника» не распознаётся как "
            "«lift_missing» (распознано: —): дополните patterns"
        ],
    ),
    "NOK204": (
        {
            "catalog/deficiencies/extra.yaml": LIFT + "  examples: [нет лифта]\n  counterexamples: [нет жалоб на лифт]\n",
            "rules/extra.yaml": LIFT_RULE,
        },
        [
            "NOK204 counterexample-recognised lift_missing.counterexamples[0]: контрпример «нет жалоб на лифт» "
            "распознаётся как «lift_missing»: сузьте patterns (none: …)"
        ],
    ),
    "NOK205": (
        {"catalog/deficiencies/extra.yaml": LIFT, "rules/extra.yaml": LIFT_RULE},
        ["NOK205 deficiency-without-examples lift_missing.id: у недостатка «lift_missing» нет ни одного примера"],
    ),
    "NOK302": (
        {
            "catalog/measures/extra.yaml": "- id: orphan_measure\n  text: Сделать\n  due: +1 month\n"
            "  responsible: director\n  result: Сделано\n"
        },
        ["NOK302 unused-measure orphan_measure.id: мероприятие «orphan_measure» не использует ни одно правило"],
    ),
    "NOK308": (
        {
            "catalog/deficiencies/extra.yaml": LIFT.replace("all: [лифт]", "any: [лифт, вход]")
            + "  examples: [нет пандуса у входа]\n",
            "rules/extra.yaml": LIFT_RULE,
        },
        [
            "NOK308 ambiguous-example lift_missing.examples[0]: пример «нет пандуса у входа» распознаётся как "
            "«lift_missing» и ещё как «ramp_missing»"
        ],
    ),
}


def _suite(engine: Engine) -> list[str]:
    return [str(p) for p in check_catalog(engine.catalog, recogniser(engine))]


def test_the_shipped_catalog_passes_the_catalog_checks(engine: Engine) -> None:
    assert _suite(engine) == []


def test_the_mini_catalog_passes_the_catalog_checks(mini: Engine) -> None:
    assert _suite(mini) == []


@pytest.mark.parametrize("code", sorted(BROKEN))
def test_each_check_finds_its_problem_and_nothing_else(code: str, tmp_path: Path) -> None:
    overlay, expected = BROKEN[code]
    assert _suite(Engine.load(build({"overlay": overlay}, tmp_path))) == expected


@pytest.mark.parametrize("code", sorted(BROKEN))
def test_lint_and_nokrules_test_fail_wherever_the_suite_does(code: str, tmp_path: Path) -> None:
    root = build({"overlay": BROKEN[code][0]}, tmp_path)
    assert code in {m.code for m in lint(root) if m.severity == "error"}
    if code in ("NOK203", "NOK204", "NOK308"):  # the checks of examples, which `nokrules test` runs case by case
        engine = Engine.load(root)
        report = catalog_tests.run(engine, root, [])
        assert [f for r in report.failed for f in r.failures] == [
            p.text for p in check_catalog(engine.catalog, recogniser(engine))
        ]
