"""Echoes on a small hand-written catalog: a deficiency whose words only hang on another deficiency's words
(«телефоны структурных подразделений») is not counted beside it, and the kept one names it; items of an
enumeration («нет пандуса и поручней», «телефон и электронная почта») both stay; a word many deficiencies use
(the catalog's `generic_share`) carries nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from nokrules import Engine, Institution
from nokrules.curate.explain import explain, render
from nokrules.web import service
from nokrules.web.page import _why

from .conftest import mini_copy, with_concepts

SIGNALS = {"absent": ["нет", "не", "без", "отсутствовать"], "contrast": ["но"], "present": ["есть"]}
EXTRA = [
    ("phone_missing", "1.2", "Не указан телефон", ["телефон"]),
    ("email_missing", "1.2", "Не указана электронная почта", ["электронный почта"]),
    ("electronic_form_missing", "1.2", "Нет электронной формы обращения", ["электронный обращение"]),
    ("structure_info_missing", "1.1", "Нет сведений о структуре", ["структурный подразделение", "информация о структура"]),
    ("service_procedure_missing", "1.1", "Нет порядка предоставления услуг", ["порядок зачисление"]),
    ("faq_page_missing", "1.2", "Нет раздела вопросов и ответов", ["вопрос ответ"]),
    ("info_incomplete", "1.1", "Информация неполная", ["информация"]),
    ("tariffs_missing", "1.1", "Нет сведений о тарифах", ["плата", "тариф"]),
]


def engine_with(tmp_path: Path, generic_share: float | None = None) -> Engine:
    signals = dict(SIGNALS, **({"generic_share": generic_share} if generic_share is not None else {}))
    root = mini_copy(tmp_path / "catalog-root", signals, with_concepts(EXTRA))
    return Engine.load(root)


@pytest.fixture(scope="module")
def cat(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return engine_with(tmp_path_factory.mktemp("echoes"))


def found(engine: Engine, text: str) -> list[tuple[str, list[str]]]:
    """(deficiency, the deficiencies it echoes) for the pasted text."""
    return [(r.deficiency, r.echoes) for r in engine.recognize(engine.findings(text))]


def test_a_genitive_on_the_thing_is_no_deficiency_of_its_own(cat: Engine) -> None:
    assert found(cat, "телефоны структурных подразделений на сайте не указаны") == [("phone_missing", ["structure_info_missing"])]


def test_a_phrase_after_a_preposition_hangs_on_the_thing(cat: Engine) -> None:
    text = "на сайте нет рубрики вопросов и ответов по порядку зачисления на обслуживание"
    assert found(cat, text) == [("faq_page_missing", ["service_procedure_missing"])]


def test_a_phrase_that_borrows_a_word_of_the_thing_echoes_it(cat: Engine) -> None:
    # «электронная … обращений» is not an electronic form: the adjective belongs to the e-mail
    assert found(cat, "не указана электронная почта для обращений граждан") == [("email_missing", ["electronic_form_missing"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("нет пандуса и поручней", ["ramp_missing", "handrails_missing"]),
        ("не указаны телефон и электронная почта", ["phone_missing", "email_missing"]),
        ("телефон не указан, структурные подразделения не указаны", ["phone_missing", "structure_info_missing"]),
    ],
)
def test_items_of_an_enumeration_both_stay(cat: Engine, text: str, expected: list[str]) -> None:
    assert found(cat, text) == [(d, []) for d in expected]


def test_a_bracket_after_the_thing_names_its_parts_not_deficiencies_of_their_own(cat: Engine) -> None:
    text = "не указаны структурные подразделения (адрес, телефон, электронная почта)"
    assert found(cat, text) == [("structure_info_missing", ["phone_missing", "email_missing"])]
    # a bracket that says something is wrong itself names a deficiency of its own, no echo
    text = "структурные подразделения указаны (нет телефона)"
    assert ("phone_missing", []) in found(cat, text)


def test_a_word_many_deficiencies_use_carries_nothing(cat: Engine, tmp_path: Path) -> None:
    # «информация» is a word of 2 of the 13 deficiencies: above 12.5 %, it names a kind of thing, and what hangs
    # on it says which one — the tariffs stay
    text = "нет информации о размере платы"
    assert found(cat, text) == [("info_incomplete", []), ("tariffs_missing", [])]
    # a catalog that counts only words of more than a fifth of its deficiencies as kinds of things takes
    # «информация» for a thing, and the tariffs for a detail of it
    assert found(engine_with(tmp_path, generic_share=20), text) == [("info_incomplete", ["tariffs_missing"])]


def test_explain_names_the_echo(cat: Engine) -> None:
    e = explain(cat, "телефоны структурных подразделений не указаны", Institution(), dt.date(2027, 1, 15))
    assert [(r.deficiency, r.echoes) for r in e.findings[0].recognitions] == [("phone_missing", ["structure_info_missing"])]
    assert "совпал и недостаток «structure_info_missing», но его слова здесь — лишь часть этой формулировки" in render(e)


def test_the_page_names_the_echo_by_its_title(cat: Engine) -> None:
    trace = cat.trace("телефоны структурных подразделений не указаны", Institution(), dt.date(2027, 1, 15))
    [entry] = service.explain(cat, trace)
    assert entry.echoes == ["Нет сведений о структуре"]
    assert "совпал и недостаток «Нет сведений о структуре», но его слова здесь — лишь часть этой формулировки" in _why([], [entry])


@pytest.mark.parametrize(
    ("text", "word", "hanging"),
    [
        ("телефоны структурных подразделений на сайте не указаны", "телефоны", ["структурных", "подразделений"]),
        ("нет рубрики вопросов по порядку зачисления", "вопросов", ["по", "порядку", "зачисления"]),
        ("поручни только с двух сторон", "поручни", []),  # «с» starts a manner, not an attribute
        ("стенд в холле двух корпусов", "стенд", []),
        ("нет пандуса и поручней", "пандуса", []),
        ("информация о тарифах, поручни", "тарифах", []),
        # a bracket right after the thing says what it consists of
        ("сведения о структуре (телефоны, почта)", "структуре", ["телефоны", "почта"]),
        ("структура подразделений (телефоны)", "структура", ["подразделений", "телефоны"]),
        ("структура, (телефоны)", "структура", []),  # the comma ends the phrase before the bracket
        ("структура (телефоны (рабочие))", "структура", []),  # a bracket in a bracket: where it ends is unclear
    ],
)
def test_what_hangs_on_a_word(cat: Engine, text: str, word: str, hanging: list[str]) -> None:
    r = cat.recognizer
    toks = r.tokens(text)
    at = toks.surface.index(word)
    assert [toks.surface[i] for i in sorted(r._tail(frozenset({at}), text, toks, set()))] == hanging
