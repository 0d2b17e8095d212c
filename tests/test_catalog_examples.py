"""Every example phrasing kept beside a deficiency is recognised as that deficiency and as no other;
every counterexample is not recognised as it (semgrep-rules' ruleid / ok, in plain Russian)."""

from __future__ import annotations

import pytest

from nokrules import Engine
from nokrules.core.findings import split_findings

from .conftest import ROOT

SECTION_NAMES = {"1": "information", "2": "comfort", "3": "accessibility", "4": "courtesy", "5": "satisfaction"}
_catalog = Engine.load(ROOT).catalog


def _cases(kind: str) -> list[pytest.param]:
    out = []
    for d in _catalog.deficiencies:
        for k, text in enumerate(getattr(d, kind)):
            out.append(pytest.param(d.id, text, id=f"{SECTION_NAMES[d.indicator[0]]}-{d.id}-{k}"))
    return out


def _recognised(engine: Engine, text: str) -> list[str]:
    findings = split_findings(text)
    return sorted({r.deficiency for r in engine.recognize(findings)})


@pytest.mark.parametrize(("deficiency", "text"), _cases("examples"))
def test_example_is_recognised_as_its_deficiency_only(engine: Engine, deficiency: str, text: str) -> None:
    assert _recognised(engine, text) == [deficiency]


@pytest.mark.parametrize(("deficiency", "text"), _cases("counterexamples"))
def test_counterexample_is_not_recognised_as_its_deficiency(engine: Engine, deficiency: str, text: str) -> None:
    assert deficiency not in _recognised(engine, text)


def test_every_deficiency_has_examples() -> None:
    missing = [d.id for d in _catalog.deficiencies if not d.examples]
    assert missing == []
