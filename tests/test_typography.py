"""Russian typesetting shared by every document: which spaces become non-breaking, and that nothing else
changes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nokrules.documents.typography import NBSP, SHY, soft_hyphens, typeset

_ = NBSP


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("удовлетворённость 78 % при норме 90 %", f"удовлетворённость 78{_}% при норме 90{_}%"),
        ("приказ Минтруда № 675н", f"приказ Минтруда{_}№{_}675н"),
        ("по ПП РФ № 457", f"по ПП РФ{_}№{_}457"),
        ("(Ф. И. О.)", f"(Ф.{_}И.{_}О.)"),
        ("О. В. Артемьева", f"О.{_}В.{_}Артемьева"),
        ("Кузнецов О. В.", f"Кузнецов{_}О.{_}В."),
        ("Контрактный управляющий — Смирнов Алексей Игоревич", f"Контрактный управляющий{_}— Смирнов Алексей Игоревич"),
        ("ст. 13 442-ФЗ", f"ст.{_}13 442-ФЗ"),
        ("до 31.12.2027 г.", f"до{_}31.12.2027{_}г."),
        ("не реже 1 раза в квартал", "не реже 1 раза в квартал"),
        ("в 2027 году, с 1 января", f"в{_}2027 году, с{_}1 января"),
        ("150 000 руб.", f"150{_}000{_}руб."),
        ("в течение 10 рабочих дней", "в течение 10 рабочих дней"),
        ("Смирнов Алексей Игоревич", "Смирнов Алексей Игоревич"),
        ("в 2 этапа. В марте", f"в{_}2 этапа. В марте"),
    ],
)
def test_non_breaking_spaces_where_russian_typesetting_keeps_words_together(text: str, expected: str) -> None:
    assert typeset(text) == expected


@given(st.text(alphabet=st.sampled_from(list("78 %№АВОИФК.ст-гдабвы—\n")), max_size=60))
def test_only_spaces_change_and_twice_is_once(text: str) -> None:
    out = typeset(text)
    assert out.replace(NBSP, " ") == text.replace(NBSP, " ")
    assert typeset(out) == out


def test_soft_hyphens_only_in_words_longer_than_the_column_holds() -> None:
    s = SHY
    assert soft_hyphens("низкоквалифицированные работники", 15) == f"низ{s}ко{s}ква{s}ли{s}фи{s}ци{s}ро{s}ван{s}ные работники"
    assert soft_hyphens("низкоквалифицированные работники", 30) == "низкоквалифицированные работники"
    # a compound breaks at its own hyphen first: parts that fit are left alone
    assert soft_hyphens("административно-хозяйственной", 15) == "административно-хозяйственной"


def test_two_spaces_stay_two() -> None:
    # found by hypothesis: a run of spaces is kept as it is, never collapsed into one non-breaking space
    assert typeset("№  7") == "№  7"
    assert typeset("78  %") == "78  %"
