"""Numbers written in words are read as digits by the readers of shares, sizes, waits and ratios, in place: every
position in the text stays where it was. Expectations written by hand."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nokrules import Engine
from nokrules.core.numerals import numerals


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("составила шестьдесят девять процентов", "составила 69                процентов"),
        ("проход сантиметров шестьдесят", "проход сантиметров 60        "),
        ("двенадцать пар на тридцать проживающих", "12         пар на 30       проживающих"),
        ("сто сорок файлов", "140       файлов"),
        # any case: «двух», «пятнадцати», «ста»
        ("в двух корпусах из пятнадцати", "в 2    корпусах из 15        "),
        ("из ста опрошенных", "из 100 опрошенных"),
        # people counted: «семерых из десяти»
        ("устроила семерых из десяти", "устроила 7       из 10    "),
        # «один» is a word of its own: «ни один», «один из», «один на всех»
        ("ни один из трёх", "ни один из 3   "),
        # words that only look like numbers stay
        ("Стоит в семье", "Стоит в семье"),
        # a unit ends a number: «девяносто девять и семь» are two numbers
        ("девяносто девять и семь", "99               и 7   "),
    ],
)
def test_numbers_in_words_become_digits_in_place(text: str, expected: str) -> None:
    assert numerals(text) == expected


@given(st.text(alphabet="абвгдежзийклмнопрстуфхцчшщъыьэюя ,.%-0123456789", max_size=60))
def test_the_view_keeps_every_position_and_every_character_that_is_no_number_word(text: str) -> None:
    out = numerals(text)
    assert len(out) == len(text)
    assert all(a == b for a, b in zip(text, out, strict=True) if not (a.isalpha() or b.isdigit() or b == " "))


def test_a_share_in_words_goes_into_the_rule_facts(engine: Engine) -> None:
    recs = engine.recognize(engine.findings("доля довольных вежливостью работников составила шестьдесят девять процентов"))
    assert [(r.deficiency, r.values) for r in recs] == [("courtesy_service_low", {"satisfaction_percent": 69.0})]


def test_a_size_in_words_with_its_unit_first_is_off_the_norm(engine: Engine) -> None:
    recs = engine.recognize(engine.findings("порог в зал ЛФК сантиметров пять, колёса застревают"))
    assert [(r.deficiency, r.state) for r in recs] == [("doorways_narrow", "noncompliant")]


def test_a_number_in_words_stands_where_a_pattern_asks_for_a_number(engine: Engine) -> None:
    # the overall satisfaction concept asks for «в целом» and a number
    recs = engine.recognize(engine.findings("условия оказания услуг в целом устраивают семерых из десяти получателей"))
    assert [(r.deficiency, r.values) for r in recs] == [("overall_satisfaction_low", {"satisfaction_percent": 70.0})]


def test_a_share_in_words_at_the_floor_names_nothing(engine: Engine) -> None:
    recs = engine.recognize(engine.findings("питанием удовлетворены девяносто семь процентов опрошенных"))
    assert [r.deficiency for r in recs if r.deficiency] == []
