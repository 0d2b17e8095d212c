"""Explain says what a reading of the whole line set aside of what was found, and why: a curator who sees a
deficiency missing from a plan finds the reason beside the line, not in the code."""

from __future__ import annotations

import datetime as dt

import pytest

from nokrules import Engine, Institution
from nokrules.curate.explain import explain, render


def aside(engine: Engine, text: str) -> list[tuple[str, str, str | None]]:
    e = explain(engine, text, Institution(), dt.date(2027, 1, 15))
    return [(a.deficiency, a.reason, a.of) for a in e.findings[0].set_aside]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Время ожидания приёма у логопеда — 9 минут", [("service_delays", "wait_in_norm", None)]),
        ("поручни у лестницы имеются, пандуса нет", [("handrails_missing", "thing_there", None)]),
        (
            "на стенде только устав и лицензия, тарифов нет",
            [("info_incomplete", "only_ones", None), ("license_missing", "only_ones", None)],
        ),
        (
            "Замечания прошлой НОК устранены: размещены тарифы и лицензия, а пандуса у входа по-прежнему нет",
            [("tariffs_missing", "said_clear", None), ("license_missing", "said_clear", None)],
        ),
    ],
)
def test_explain_says_what_was_set_aside(engine: Engine, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert aside(engine, text) == expected


def test_the_rendered_explanation_gives_the_reason_in_words(engine: Engine) -> None:
    e = explain(engine, "Время ожидания приёма у логопеда — 9 минут", Institution(), dt.date(2027, 1, 15))
    assert "совпал недостаток «service_delays», но названное ожидание в пределах нормы — не дольше 15 минут: не учтён" in render(e)


def test_a_line_that_names_what_it_names_sets_nothing_aside(engine: Engine) -> None:
    assert aside(engine, "на входе нет пандуса") == []


def test_beside_a_recognised_deficiency_the_note_says_also(engine: Engine) -> None:
    e = explain(engine, "поручни у лестницы имеются, пандуса нет", Institution(), dt.date(2027, 1, 15))
    assert "совпал и недостаток «handrails_missing», но о его предмете сказано, что он есть" in render(e)
