"""Splitting pasted text into findings: bullets, numbering, wraps, several statements per line, encodings."""

from __future__ import annotations

import pytest

from nokrules.core.errors import InputError
from nokrules.core.findings import decode, split_findings


def _pairs(text: str) -> list[tuple[str, int]]:
    return [(f.text, f.line) for f in split_findings(text)]


def test_bullets_of_every_kind_start_findings() -> None:
    text = "- нет пандуса\n• нет поручней\n* нет кнопки вызова\n— нет парковки\n"
    assert _pairs(text) == [("нет пандуса", 1), ("нет поручней", 2), ("нет кнопки вызова", 3), ("нет парковки", 4)]


def test_numbering_with_parenthesis_and_dot() -> None:
    assert _pairs("1) нет пандуса\n2. нет поручней\n10) нет лифта") == [
        ("нет пандуса", 1),
        ("нет поручней", 2),
        ("нет лифта", 3),
    ]


def test_decimal_number_is_not_numbering() -> None:
    assert _pairs("2.1 нет зоны ожидания") == [("2.1 нет зоны ожидания", 1)]


def test_blank_lines_separate_and_line_numbers_count_them() -> None:
    assert _pairs("\n\nнет пандуса\n\n\nнет поручней\n") == [("нет пандуса", 3), ("нет поручней", 6)]


def test_wrapped_bullet_is_joined_and_keeps_its_first_line() -> None:
    text = "- нет информации о порядке подачи жалобы\nна официальном сайте организации\n- нет пандуса"
    assert _pairs(text) == [("нет информации о порядке подачи жалобы на официальном сайте организации", 1), ("нет пандуса", 3)]


def test_wrap_without_bullets_after_a_preposition() -> None:
    text = "нет информации о порядке подачи жалобы на\nофициальном сайте\nнет пандуса"
    assert _pairs(text) == [("нет информации о порядке подачи жалобы на официальном сайте", 1), ("нет пандуса", 3)]


def test_long_line_wrapped_mid_phrase_without_bullets() -> None:
    text = "не организована системная работа с обращениями граждан с помощью дистанционных способов\nвзаимодействия по электронной почте\nнет пандуса"
    got = _pairs(text)
    assert got[0][1] == 1 and got[0][0].endswith("взаимодействия по электронной почте")
    assert got[1] == ("нет пандуса", 3)


def test_plain_lines_are_separate_findings() -> None:
    assert _pairs("нет пандуса\nнет поручней") == [("нет пандуса", 1), ("нет поручней", 2)]


def test_hyphenated_word_across_lines_is_rejoined() -> None:
    assert _pairs("- нет специально оборудованного санитарно-гигие-\nнического помещения") == [
        ("нет специально оборудованного санитарно-гигиенического помещения", 1)
    ]


def test_semicolon_and_sentences_split_one_line_into_findings() -> None:
    text = "нет пандуса; нет поручней. Сайт не работает"
    assert _pairs(text) == [("нет пандуса", 1), ("нет поручней", 1), ("Сайт не работает", 1)]


def test_abbreviation_does_not_end_a_sentence() -> None:
    assert _pairs("нет информации о филиале в г. Кемерово") == [("нет информации о филиале в г. Кемерово", 1)]


def test_a_question_and_its_answer_are_one_finding() -> None:
    # a questionnaire's answer after its question: the question alone would name what the answer clears
    assert _pairs("Готовы ли Вы рекомендовать центр знакомым? «Да» — 58 из 60.") == [
        ("Готовы ли Вы рекомендовать центр знакомым? «Да» — 58 из 60", 1)
    ]
    assert _pairs("Удобен ли график? Нет, приём только до обеда.") == [("Удобен ли график? Нет, приём только до обеда", 1)]
    # a question followed by a statement of its own stays apart (a guard)
    assert _pairs("Почему нет пандуса? Туалет тоже не оборудован.") == [("Почему нет пандуса", 1), ("Туалет тоже не оборудован", 1)]


def test_a_table_rows_value_cells_stay_with_its_title() -> None:
    # «title; value; remark»: the value is the title's, not a finding of its own
    assert _pairs("Доля получателей, удовлетворённых питанием; 97 %; —") == [("Доля получателей, удовлетворённых питанием; 97 %; —", 1)]
    assert _pairs("Доступность для инвалидов; 38 из 40 опрошенных") == [("Доступность для инвалидов; 38 из 40 опрошенных", 1)]
    # a finding after the «;» is still a finding of its own (a guard)
    assert _pairs("нет пандуса; 2 входа без поручней") == [("нет пандуса", 1), ("2 входа без поручней", 1)]


def test_an_inspectors_own_abbreviation_does_not_end_a_sentence() -> None:
    # «сопровожд.» and «пров.» are cut words, not sentence ends, though a capital follows
    text = "сопровожд. ЛОВЗ — приказ не издан, инструктаж не пров. Нет пандуса"
    assert _pairs(text) == [("сопровожд. ЛОВЗ — приказ не издан, инструктаж не пров. Нет пандуса", 1)]
    assert _pairs("нет пандуса. Нет поручней") == [("нет пандуса", 1), ("Нет поручней", 1)]


def test_piece_after_a_wrap_reports_the_line_it_starts_on() -> None:
    text = "- нет пандуса и\nпоручней; нет кнопки вызова"
    assert _pairs(text) == [("нет пандуса и поручней", 1), ("нет кнопки вызова", 2)]


def test_spaces_tabs_nbsp_are_collapsed() -> None:
    assert _pairs("  нет\u00a0\u00a0пандуса\t у входа  ") == [("нет пандуса у входа", 1)]


def test_bullet_alone_on_its_line_takes_the_next_line() -> None:
    assert _pairs("-\nнет пандуса\n-\nнет поручней") == [("нет пандуса", 2), ("нет поручней", 4)]


def test_punctuation_only_lines_are_not_findings() -> None:
    assert _pairs("---\n; ;\nнет пандуса") == [("нет пандуса", 3)]


def test_crlf_and_cr_line_ends() -> None:
    assert _pairs("нет пандуса\r\nнет поручней\rнет лифта") == [("нет пандуса", 1), ("нет поручней", 2), ("нет лифта", 3)]


def test_decode_utf8_with_and_without_bom_and_cp1251() -> None:
    s = "нет пандуса"
    assert decode(s.encode("utf-8")) == s
    assert decode(b"\xef\xbb\xbf" + s.encode("utf-8")) == s
    assert decode(s.encode("cp1251")) == s


def test_decode_rejects_binary() -> None:
    with pytest.raises(InputError, match="двоичный"):
        decode(b"\x00\x01\x02\xff\x00")


def test_a_line_ending_in_a_percentage_is_complete() -> None:
    text = "Доля получателей услуг, которые готовы рекомендовать организацию родственникам и знакомым — 88%\nудовлетворенность условиями оказания услуг в целом 91%"
    assert [line for _, line in _pairs(text)] == [1, 2]


def test_a_survey_line_starts_a_new_finding() -> None:
    text = (
        "не обеспечена полная информация об учреждении на официальном сайте в сети Интернет\nудовлетворенность комфортностью 70"
    )
    assert [line for _, line in _pairs(text)] == [1, 2]


def test_a_table_row_saved_with_semicolons_is_one_finding() -> None:
    # the cells of a row are no findings of their own: «4.2» and «83» apart would be two unrecognised lines
    text = "4.2; 83; ожидание приёма у юриста до двух недель\nНомер; Значение; Примечание: 1.1; 67,5; нет тарифов"
    assert [(f.text, f.line) for f in split_findings(text)] == [
        ("4.2; 83; ожидание приёма у юриста до двух недель", 1),
        ("Номер; Значение; Примечание: 1.1; 67,5; нет тарифов", 2),
    ]
    # a list after a plain lead is still cut at its «;»
    assert [f.text for f in split_findings("нет тарифов; нет лицензии")] == ["нет тарифов", "нет лицензии"]


def test_a_checklist_row_keeps_its_answer_and_remark() -> None:
    # a thing, its answer and a remark on it are one finding; the next thing with an answer starts another
    text = "Таблички на кабинетах; частично; только на первом этаже\nУстав; +; Положение о платных услугах; −\nКнига отзывов; сайт — нет; стенд — нет"
    assert [(f.text, f.line) for f in split_findings(text)] == [
        ("Таблички на кабинетах; частично; только на первом этаже", 1),
        ("Устав; +", 2),
        ("Положение о платных услугах; −", 2),
        ("Книга отзывов; сайт — нет; стенд — нет", 3),
    ]
    # a place's answer after a cell with its own answer is an item of the list, not the place of the thing before
    assert [f.text for f in split_findings("Обратная связь: почта +; телефон −; сайт −")] == [
        "Обратная связь: почта +",
        "телефон −",
        "сайт −",
    ]


def test_a_row_opened_by_the_word_indicator_is_one_finding() -> None:
    assert [f.text for f in split_findings("Показатель 2.1; 76 баллов; нет питьевой воды\nПок. 4.3; 81; < 90")] == [
        "Показатель 2.1; 76 баллов; нет питьевой воды",
        "Пок. 4.3; 81; < 90",
    ]


def test_a_plans_own_columns_go_on_with_the_finding_before() -> None:
    # a deadline, a person responsible, when it was found, a measure with its deadline: the columns of a plan row
    assert [f.text for f in split_findings("Нет пандуса у входа; срок устранения: 60 дней; ответственный — завхоз Петров И. И.")] == [
        "Нет пандуса у входа; срок устранения: 60 дней; ответственный — завхоз Петров И. И"
    ]
    assert [f.text for f in split_findings("Нет кнопки вызова. Выявлено оператором; установить кнопку до 01.07.2026.")] == [
        "Нет кнопки вызова. Выявлено оператором; установить кнопку до 01.07.2026"
    ]
    # … while a wait and a finding that names what was found are findings of their own
    assert [f.text for f in split_findings("Нет пандуса; срок ожидания консультации — 40 дней. Выявлено нарушение сроков")] == [
        "Нет пандуса",
        "срок ожидания консультации — 40 дней",
        "Выявлено нарушение сроков",
    ]


def test_a_diarys_date_goes_on_with_the_finding_after() -> None:
    assert [f.text for f in split_findings("12 ноября. Были в интернате. Пандуса у входа нет")] == [
        "12 ноября. Были в интернате",
        "Пандуса у входа нет",
    ]
    assert [f.text for f in split_findings("5 марта 2025 г. Кнопка вызова не работает")] == ["5 марта 2025 г. Кнопка вызова не работает"]


def test_a_checklist_rows_mark_zero_or_one_stays_in_its_row() -> None:
    assert [f.text for f in split_findings("3.2 п.3 сурдоперевод; 0; договора с переводчиком нет")] == [
        "3.2 п.3 сурдоперевод; 0; договора с переводчиком нет"
    ]
    assert [f.text for f in split_findings("Пандус; 1; Кнопка вызова; 0")] == ["Пандус; 1", "Кнопка вызова; 0"]


def test_a_place_and_its_absence_go_on_with_the_thing_before() -> None:
    # «на стенде их нет» alone names no thing: it is where the thing before is missing …
    assert [f.text for f in split_findings("Перечень платных услуг опубликован на сайте; на стенде его нет")] == [
        "Перечень платных услуг опубликован на сайте; на стенде его нет"
    ]
    # … while a place with a thing of its own is a finding of its own
    assert [f.text for f in split_findings("Журнал обращений не ведётся; на стенде нет телефона горячей линии")] == [
        "Журнал обращений не ведётся",
        "на стенде нет телефона горячей линии",
    ]
