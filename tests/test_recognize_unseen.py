"""Findings in wording the catalog was not written from (the recognition issue's «What fails today»), on the
shipped catalog: each gives the right deficiency — with its state, place and value where the finding gives
them — or none, and the measures answer that problem, not another one that shares a keyword.

Every expectation here is written by hand from the methodology, not taken from the engine's output.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from nokrules import Engine, Institution
from nokrules.core.concepts import answers_as_shares, count_names_as_values, shares


def recognised(engine: Engine, text: str) -> list[tuple[str, str | None]]:
    """(deficiency, state) for every recognition of the pasted text, in catalog order."""
    recs = engine.recognize(engine.findings(text))
    order = [d.id for d in engine.catalog.deficiencies]
    return sorted({(r.deficiency, r.state) for r in recs}, key=lambda x: order.index(x[0]))


def ids(engine: Engine, text: str) -> list[str]:
    return [d for d, _ in recognised(engine, text)]


def measures(engine: Engine, text: str, kind: str | None = None) -> set[str]:
    plan = engine.draft_plan(text, Institution(name="Учреждение", kind=kind), date=dt.date(2027, 1, 15))
    return {m.id for item in plan.items for m in item.measures}


# 1. One keyword must not decide alone.


def test_a_stand_hung_too_high_is_hard_to_read_not_a_wheelchair_problem(engine: Engine) -> None:
    assert ids(engine, "стенд с информацией висит слишком высоко, с коляски не прочитать") == ["stand_unreadable"]


def test_missing_tactile_paving_is_not_braille(engine: Engine) -> None:
    assert ids(engine, "нет тактильной плитки перед лестницей") == ["tactile_guides_missing"]


def test_a_lift_out_of_order_is_repaired_not_adapted_for_the_blind(engine: Engine) -> None:
    assert recognised(engine, "не работает лифт") == [("lifts_not_adapted", "broken")]
    assert "adapt_lift_or_install_platform" not in measures(engine, "не работает лифт")


def test_a_phone_always_busy_is_a_phone_that_does_not_work(engine: Engine) -> None:
    assert recognised(engine, "телефон постоянно занят") == [("phone_missing", "broken")]
    assert "publish_contact_phone" not in measures(engine, "телефон постоянно занят")


def test_late_social_workers_are_a_delay_not_a_booking_problem(engine: Engine) -> None:
    assert ids(engine, "социальные работники опаздывают к получателям") == ["service_delays"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a booking a month away is a wait; coming without one is a convenience
        ("Записи к психологу ждать через месяц, не раньше", ["service_delays"]),
        ("Приходить к маме можно в любой день без предварительной записи", []),
        ("Записаться к юристу нельзя ни по телефону, ни через сайт", ["appointment_booking_unavailable"]),
    ],
)
def test_a_booking_far_ahead_is_a_wait_and_none_needed_is_no_problem(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


# 2. The state of a thing, not only its absence.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("пандус есть, но без поручней", [("handrails_missing", "absent")]),
        ("поручни у пандуса только с одной стороны", [("handrails_missing", "partial")]),
        ("мнемосхема есть только у главного входа", [("braille_missing", "partial")]),
        ("компьютеры в кабинете психолога 2009 года выпуска", [("equipment_outdated", "worn")]),
        ("смесители в душевых подтекают", [("premises_repair_needed", "broken")]),
        ("в разделе «Вопрос — ответ» нет ни одной записи", [("faq_missing", "partial")]),
        ("официальный сайт не открывается с мобильного телефона", [("site_faults", "broken")]),
        ("ссылка на сайт учредителя не работает", [("site_faults", "broken")]),
        ("кнопка вызова персонала не работает", [("call_button_missing", "broken")]),
        ("ширина двери в санузел 70 см", [("doorways_narrow", "noncompliant")]),
    ],
)
def test_the_state_of_a_thing_is_recognised_with_the_thing(engine: Engine, text: str, expected: list[tuple[str, str]]) -> None:
    assert recognised(engine, text) == expected


def test_not_in_full_measure_is_a_partial_state_and_in_full_measure_no_finding(engine: Engine) -> None:
    # «не в полной мере» is the protocols' commonest way to say «partly»; «в полной мере» alone says all is there
    assert recognised(engine, "Не в полной мере обеспечены условия доступности для инвалидов") == [
        ("equal_access_conditions_missing", "partial")
    ]
    assert recognised(engine, "Условия доступности обеспечены в полной мере") == []


def test_a_broken_call_button_is_repaired_not_installed(engine: Engine) -> None:
    got = measures(engine, "кнопка вызова персонала не работает")
    assert got and "install_entrance_call_button" not in got


# 3. Several aspects in one finding: each gives its own deficiency.


def test_each_aspect_of_a_satisfaction_line_gives_its_own_deficiency(engine: Engine) -> None:
    text = (
        "получатели не удовлетворены питанием, мебелью, организацией досуга, бытовым обслуживанием, "
        "порядком посещения родственниками и условиями хранения личных вещей"
    )
    assert set(ids(engine, text)) == {
        "food_quality_poor",
        "furniture_worn",
        "leisure_lacking",
        "household_services_poor",
        "visiting_schedule_inconvenient",
        "belongings_storage_missing",
    }


def values(engine: Engine, text: str) -> dict[str, float | None]:
    """The share handed to the rules for each deficiency recognised (None when none)."""
    recs = engine.recognize(engine.findings(text))
    return {r.deficiency: next(iter(r.values.values()), None) for r in recs}


def test_each_share_belongs_to_its_own_aspect(engine: Engine) -> None:
    # the 99 % of those ready to recommend is no low recommendation, whatever number a pattern took
    text = "по итогам анкетирования: готовы рекомендовать организацию 99 %, удовлетворены графиком работы 72 %, питанием 64 %"
    got = values(engine, text)
    assert "recommend_low" not in got
    assert got["work_schedule_inconvenient"] == 72.0
    assert got["food_quality_poor"] == 64.0


def test_a_satisfied_aspect_is_left_out_even_when_it_is_the_only_one_recognised(engine: Engine) -> None:
    assert "courtesy_service_low" not in ids(engine, "довольны вежливостью работников 97 процентов, удобством графика — 68 процентов")


# 4. Numbers and survey shares in any shape.


@pytest.mark.parametrize(
    ("text", "deficiency"),
    [
        ("удовлетворены вежливостью персонала при первичном обращении 91 процент", "courtesy_first_contact_low"),
        ("за два года повышение квалификации прошли только трое специалистов по социальной работе из пятнадцати", "staff_training_low"),
        ("ЗАПИСЬ К ЛОГОПЕДУ НА ТРИ НЕДЕЛИ ВПЕРЁД", "service_delays"),
        ("штат укомплектован на 68 процентов, не хватает сиделок", "staffing_shortage"),
        ("в целом условиями оказания услуг довольны 86,5 % опрошенных", "overall_satisfaction_low"),
        # a mean grade out of five: 3,2 of 5 is 64 %
        ("вкус и разнообразие блюд в столовой оценены в среднем на 3,2 из 5", "food_quality_poor"),
        # the staff's attitude is their courtesy; the reception desk is the first contact (4.1), carers serve (4.2)
        ("доля довольных отношением работников приёмного отделения составила 69 %", "courtesy_first_contact_low"),
        ("отношением сиделок довольны 71 % проживающих", "courtesy_service_low"),
        ("84 процента получателей считают условия оказания услуг комфортными", "comfort_satisfaction_low"),
        # the site's users asked, in either word order
        ("сайтом довольны 68 процентов опрошенных", "info_satisfaction_low"),
        ("недовольных тем, как учреждение информирует об услугах, почти треть", "info_satisfaction_low"),
    ],
)
def test_numbers_and_shares_in_any_shape(engine: Engine, text: str, deficiency: str) -> None:
    assert ids(engine, text) == [deficiency]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the methodology's names of the values (приказ Минтруда № 344н) stand for their indicators
        ("Поткруд по учреждению — 87,5", ["info_satisfaction_low"]),
        ("Пкомфуд = 0,83", ["comfort_satisfaction_low"]),
        ("Пожид — 96", []),  # at the catalog's `satisfied` floor or above: nothing to improve
        # what the value was taken from may stand between the indicator and its value
        ("Значение 1.3 по итогам опроса: 86", ["info_satisfaction_low"]),
    ],
)
def test_an_indicator_value_under_any_of_its_names(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


def test_an_indicator_value_is_never_vetoed_by_phrasings_of_another_indicator(engine: Engine) -> None:
    # the labelled phrasings nearest «показатель 5.1 — 77» are values of 3.3 («Показатель 3.3: 68,0»): they see the
    # word «показатель» and not the number, so they must not judge a deficiency the number names (5.1: recommend_low)
    assert ids(engine, "показатель 5.1 — 77") == ["recommend_low"]
    assert ids(engine, "показатель 5.1 — 0,77") == ["recommend_low"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a thing named only with a word saying it is missing is named by a fix asked for too
        ("Рекомендовать разместить на сайте учреждения ссылку на анкету для оценки качества услуг", ["quality_opinion_missing"]),
        ("Рекомендовать оборудовать информационный стенд в отделении", ["stand_missing"]),
        # an imperfective infinitive asks for the same
        ("Рекомендовать размещать информационный стенд в каждом отделении", ["stand_missing"]),
        ("рекомендуется организовывать занятия логопеда в онлайн-формате", ["remote_service_missing"]),
        # and not by the same verb saying it is done
        ("анкета для оценки качества размещена на сайте", []),
    ],
)
def test_a_council_s_recommendation_names_what_is_missing(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


def test_a_recommendation_asks_for_a_fix_even_to_meet_a_norm(engine: Engine) -> None:
    # «соответствующим СП» describes the ramp asked for, it does not say that all is well
    assert ids(engine, "Рекомендовать оснастить входную группу пандусом, соответствующим СП 59.13330") == ["ramp_missing"]


@pytest.mark.parametrize(
    ("text", "deficiency"),
    [
        # an inspector's cut words and slashes: «адаптир.» — adapted, «с/у» — a sanitary room, «бус гов» — bus.gov.ru
        ("адаптир. с/у отсутств", "accessible_sanitary_missing"),
        ("бус гов ссылки нет", "quality_opinion_missing"),
        ("соц. такси не организовано", "disabled_transport_missing"),
        ("инвалиду из Ивановки на приём не добраться, спецтранспорта у центра нет", "disabled_transport_missing"),
        ("отчёт по НОК 2022 г. не опубликован нигде", "nok_results_unpublished"),
        # the public council's stock phrases of 2016
        ("недостаточно комфортные условия ожидания предоставления услуг", "waiting_area_missing"),
        ("не в полной мере созданы условия для беспрепятственного получения социальных услуг инвалидами", "equal_access_conditions_missing"),
        # «лица с ограниченными возможностями здоровья», «с нарушениями опорно-двигательного аппарата» name the disabled
        (
            "Не в полной мере обеспечена доступность помещений и прилегающей территории центра для детей с ограниченными возможностями здоровья",
            "premises_access_not_adapted",
        ),
        ("Здание приюта в целом остаётся недоступным для детей с нарушениями опорно-двигательного аппарата", "premises_access_not_adapted"),
    ],
)
def test_inspector_notes_and_stock_phrases(engine: Engine, text: str, deficiency: str) -> None:
    assert ids(engine, text) == [deficiency]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a reading under 18 °C in a hall or an office is cold (СанПиН 1.2.3685-21), in words too
        ("в холле +14, посетители в куртках", ["indoor_climate_poor"]),
        ("в актовом зале зимой плюс четырнадцать, на занятиях сидят в куртках", ["indoor_climate_poor"]),
        ("температура в кабинете 15 градусов", ["indoor_climate_poor"]),
        # a reading in the norm says nothing, and a plus mark is no temperature
        ("в кабинете +22", []),
        ("пандус +, поручни +", []),
    ],
)
def test_a_temperature_under_the_norm_is_cold(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


def test_zero_of_a_thing_is_none_of_it(engine: Engine) -> None:
    assert ids(engine, "брайлевских надписей ноль") == ["braille_missing"]
    assert ids(engine, "мест для машин инвалидов на стоянке ноль, всё под сотрудников") == ["disabled_parking_missing"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an inspector's minus after an item says it is missing, a zero too; a plus says it is there
        ("сменная коляска -", ["wheelchairs_missing"]),
        ("кнопка помощи на крыльце: -", ["call_button_missing"]),
        ("брайль - 0", ["braille_missing"]),
        ("пандус +, поручни -", ["handrails_missing"]),
        # the rules internal (ПВР) are there, after two missing items
        ("сайт: лицензия -, тарифы -, ПВР +", ["tariffs_missing", "license_missing"]),
        # a dash before a number is no mark: the door is 0,7 m wide
        ("дверь в каб. 12 — 0,7 м", ["doorways_narrow"]),
    ],
)
def test_an_inspector_s_plus_and_minus_marks(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


def test_the_share_is_read_into_the_rule_facts(engine: Engine) -> None:
    recs = engine.recognize(engine.findings("в целом условиями оказания услуг довольны 86,5 % опрошенных"))
    assert [list(r.values.values()) for r in recs] == [[86.5]]


# 6. The place: only where the thing is missing.


def test_only_the_place_where_the_thing_is_missing_counts(engine: Engine) -> None:
    recs = engine.recognize(engine.findings("на стенде информация о тарифах есть, на сайте нет"))
    assert [(r.deficiency, r.places) for r in recs] == [("tariffs_missing", ["site"])]


# Lines that name no deficiency.


@pytest.mark.parametrize(
    "text",
    [
        "замечаний по показателю нет",
        "пандус соответствует требованиям",
        "Критерий 3. Доступность услуг для инвалидов",
        "Итоговый балл 87,4, место 12",
        # a survey word with no share and no one dissatisfied reports nothing wrong
        "все опрошенные считают условия пребывания комфортными",
        # everyone asked is satisfied: «без исключения» and «ни одного отрицательного ответа» say no one is not
        "все без исключения опрошенные родственники посоветовали бы этот дом-интернат знакомым",
        "Общая удовлетворённость условиями в доме-интернате — 100 %, ни одного отрицательного ответа",
        # a mean grade at the catalog's `satisfied` floor (95 %) or above
        "питание оценено на 4,9 из 5",
        # a remark denied with what it is about between the two
        "замечаний к санитарному состоянию помещений не выявлено",
        "нареканий на питание от проживающих не поступало",
        # what is not needed is not missing; «не имеем» denies a remark as «нет» does
        "в здании один этаж, лифт не требуется",
        "соцработник приходит вовремя, всё делает, претензий не имеем",
    ],
)
def test_a_line_that_names_no_deficiency_gets_nothing(engine: Engine, text: str) -> None:
    assert ids(engine, text) == []


def test_a_line_that_says_nothing_is_wrong_is_shown_without_a_measure(engine: Engine, tmp_path: Path) -> None:
    from nokrules.documents.document import render_document

    text = "- нет пандуса\n- замечаний по показателю 1.1 нет"
    plan = engine.draft_plan(text, Institution(name="Центр"), date=dt.date(2027, 1, 15))
    assert [i.deficiency.id for i in plan.items] == ["ramp_missing"]
    assert plan.unrecognized == []
    assert [(f.text, f.line) for f in plan.no_deficiency] == [("замечаний по показателю 1.1 нет", 2)]
    docx = tmp_path / "plan.docx"
    docx.write_bytes(render_document("docx", plan, engine.catalog))
    import docx as python_docx

    cells = [c.text for t in python_docx.Document(str(docx)).tables for r in t.rows for c in r.cells]
    assert "Строки без недостатков (мероприятия не требуются)" in cells
    assert "замечаний по показателю 1.1 нет" in cells


# General means behind the examples above, each on wording of its own.


def test_each_item_of_an_enumeration_with_its_own_signal_is_found_with_its_own_state(engine: Engine) -> None:
    assert recognised(engine, "входная группа: пандус сломан, кнопки вызова нет, колясок нет") == [
        ("ramp_missing", "broken"),
        ("wheelchairs_missing", "absent"),
        ("call_button_missing", "absent"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Пандус имеется, поручней нет", ["handrails_missing"]),
        ("у входа установлены поручни, пандуса нет", ["ramp_missing"]),
        ("пандус и поручни есть, кнопка вызова не работает", ["call_button_missing"]),
        ("в корпусе 2 поручни на лестнице имеются, тактильной плитки нет", ["tactile_guides_missing"]),
    ],
)
def test_a_thing_its_own_clause_says_is_there_is_not_missing(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # «устаревшие» would say the licence is outdated, not missing; here it is said of the tariffs
        ("На стенде устаревшие тарифы, нет лицензии", {"info_outdated", "license_missing"}),
        ("информация о тарифах устарела, лицензии нет", {"info_outdated", "license_missing"}),
    ],
)
def test_an_exclusion_said_of_another_thing_does_not_stop_a_pattern(engine: Engine, text: str, expected: set[str]) -> None:
    assert set(ids(engine, text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "лицензия на стенде есть, но устарела",  # the licence's own state: outdated, not missing
        "копия лицензии размещена, устаревшая",
    ],
)
def test_an_exclusion_said_of_the_thing_itself_still_stops_the_pattern(engine: Engine, text: str) -> None:
    assert "license_missing" not in ids(engine, text)


def test_a_thing_said_to_be_there_after_missing_things_is_not_missing(engine: Engine) -> None:
    assert ids(engine, "лицензии нет, тарифов нет, правила внутреннего распорядка есть") == ["tariffs_missing", "license_missing"]


def test_a_signal_with_no_other_thing_is_about_the_thing_said_to_be_there(engine: Engine) -> None:
    # «размещена» says the tariffs are on the stand; «устарела» can only be about them
    assert ids(engine, "информация о тарифах на стенде размещена, устарела") == ["info_outdated"]


def test_a_lead_signal_governs_an_item_with_a_participle(engine: Engine) -> None:
    # «оборудованный» describes the toilet the lead says is missing, it does not say it is there
    assert set(ids(engine, "Нет стоянки для инвалидов, сменных кресел-колясок и оборудованного санузла")) == {
        "disabled_parking_missing",
        "wheelchairs_missing",
        "accessible_sanitary_missing",
    }


def test_an_opening_negation_governs_items_joined_by_and(engine: Engine) -> None:
    assert set(ids(engine, "Не обеспечены зона ожидания и питьевой режим для посетителей")) == {
        "waiting_area_missing",
        "drinking_water_missing",
    }


def test_a_thing_named_after_a_preposition_is_no_item_of_an_enumeration(engine: Engine) -> None:
    assert ids(engine, "стенд с информацией висит слишком высоко, с коляски не прочитать") == ["stand_unreadable"]


def test_a_word_of_another_criterion_still_says_what_the_line_is_about(engine: Engine) -> None:
    assert ids(engine, "на сайте ничего не найти, всё запрятано, меню непонятное") == ["site_navigation_poor"]


def test_a_word_of_another_item_that_names_its_own_thing_does_not_veto(engine: Engine) -> None:
    # «слабовидящих» and «воды» belong to things of their own items, each with its own «нет»
    assert ids(engine, "на сайте есть версия для слабовидящих, нет электронной приёмной") == ["electronic_form_missing"]
    assert set(ids(engine, "в холле нет кулера с водой, стульев для ожидания нет")) == {"waiting_area_missing", "drinking_water_missing"}


def test_a_thing_tied_to_the_thing_of_another_item_is_no_item_of_its_own(engine: Engine) -> None:
    # «их телефоны» are the heads' phones: the line is about the staff information, not a missing phone
    assert "phone_missing" not in ids(engine, "ФИО руководителей отделений и их телефоны не указаны")


def test_a_list_lead_lends_its_absence_to_each_item(engine: Engine) -> None:
    text = "Не размещены: сведения о персональном составе работников; информация о попечительском совете; план ФХД"
    assert set(ids(engine, text)) == {"staff_info_missing", "trustee_board_info_missing", "fhd_info_missing"}


def test_a_long_list_after_a_lead_gives_every_item(engine: Engine) -> None:
    # the lead «отсутствуют» stands before the first thing: it governs all seven, whatever vetoes each other
    text = (
        "в здании поликлинического отделения отсутствуют: пандус, поручни, кнопка вызова персонала, тактильная "
        "плитка, сменное кресло-коляска, стоянка для автомобилей инвалидов, адаптированный туалет"
    )
    assert {
        "ramp_missing",
        "handrails_missing",
        "call_button_missing",
        "tactile_guides_missing",
        "wheelchairs_missing",
        "disabled_parking_missing",
        "accessible_sanitary_missing",
    } <= set(ids(engine, text))


def test_a_short_lead_inside_the_first_item_governs_the_list_too(engine: Engine) -> None:
    text = "в учреждении нет пандуса, поручней, тактильной плитки, сменной коляски, стоянки для инвалидов"
    assert {
        "ramp_missing",
        "handrails_missing",
        "tactile_guides_missing",
        "wheelchairs_missing",
        "disabled_parking_missing",
    } <= set(ids(engine, text))


def test_an_item_of_its_own_is_no_detail_of_another_item(engine: Engine) -> None:
    # «контактные телефоны» is an item of the list, not the head's phone: `unless` does not fold it into it
    text = "На официальном сайте не размещены: лицензия, сведения о руководителе, контактные телефоны, адрес электронной почты"
    assert {"license_missing", "staff_info_missing", "phone_missing", "email_missing"} <= set(ids(engine, text))


def test_a_detail_in_brackets_stays_a_detail_of_its_item(engine: Engine) -> None:
    assert ids(engine, "Не размещены на сайте: сведения о руководителе (ФИО, телефон, e-mail)") == ["staff_info_missing"]


def test_a_list_item_with_a_verb_of_its_own_borrows_nothing(engine: Engine) -> None:
    assert "handrails_missing" not in ids(engine, "Замечания: пандус есть; поручни установлены")


def test_a_few_things_for_many_people_is_partial(engine: Engine) -> None:
    assert recognised(engine, "в зоне ожидания 3 стула на 20 посетителей") == [("waiting_area_missing", "partial")]


@pytest.mark.parametrize(
    "text",
    [
        "питанием удовлетворены 100 % проживающих",
        "проживающие довольны досугом, кружки работают ежедневно",
        "удовлетворены комфортностью условий 97,4 % получателей",
        "98,6 % опрошенных считают информацию об учреждении открытой и полной",
    ],
)
def test_everyone_satisfied_or_praise_names_no_deficiency(engine: Engine, text: str) -> None:
    assert ids(engine, text) == []
    assert engine.recognizer.says_nothing_wrong(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("удовлетворённость комфортностью условий — 94,9 %", "comfort_satisfaction_low"),
        ("комфортностью удовлетворены 97 %, но жалуются на холод в палатах", "living_conditions_poor"),
    ],
)
def test_a_share_below_the_satisfied_floor_or_a_complaint_beside_it_is_a_finding(
    engine: Engine, text: str, expected: str
) -> None:
    assert expected in ids(engine, text)


def test_praise_words_do_not_hide_a_negative_attitude(engine: Engine) -> None:
    text = "в анкетах получатели отмечают недоброжелательное отношение администратора на входе"
    assert ids(engine, text) == ["courtesy_first_contact_low"]


def test_a_site_only_deficiency_is_not_read_where_only_the_stand_is_named(engine: Engine) -> None:
    assert ids(engine, "на стенде не указан телефон") == []


def test_a_checklist_item_number_is_no_indicator_number(engine: Engine) -> None:
    assert ids(engine, "п. 4 показателя 3.2 не выполнен") == ["low_vision_site_missing"]
    assert ids(engine, "пункт 5 показателя 3.1 — отсутствует") == ["accessible_sanitary_missing"]


def test_list_items_keep_their_own_text_and_know_the_lead(engine: Engine) -> None:
    found = engine.findings("Не размещены: тарифы; лицензия. Правила распорядка размещены")
    assert [(f.text, f.lead) for f in found] == [
        ("Не размещены: тарифы", ""),
        ("лицензия", "Не размещены"),
        ("Правила распорядка размещены", ""),
    ]


@pytest.mark.parametrize(
    ("text", "deficiency"),
    [
        ("показатель 1.3 — 82 балла", "info_satisfaction_low"),
        ("2.3: 76,4", "comfort_satisfaction_low"),
        ("показатель 4.3 составил 78,2 балла", "courtesy_remote_low"),
        ("Показатель 2.2 «Время ожидания» — 72 балла", "service_delays"),
        ("4.3 (дистанционно) — 72 балла", "courtesy_remote_low"),
        # an expert indicator of accessibility below the floor, with no item named: the general deficiency of it
        ("3.1 — 60 баллов", "premises_access_not_adapted"),
        # information to the official list below the floor, with no item named: not all of it is there
        ("Показатель 1.1 — 64 балла (стенд 14/22, сайт 30/46).", "info_incomplete"),
        # the indicator named by its official title, not its number
        ("Показатель «Время ожидания предоставления услуги» — 70 баллов", "service_delays"),
        (
            "Показатель «Обеспечение в организации условий доступности, позволяющих инвалидам получать услуги наравне "
            "с другими» — 40 баллов",
            "equal_access_conditions_missing",
        ),
    ],
)
def test_an_indicator_below_the_floor_names_its_result(engine: Engine, text: str, deficiency: str) -> None:
    assert ids(engine, text) == [deficiency]


@pytest.mark.parametrize(
    "text",
    [
        "по показателю 5.1 набрано 99 баллов",
        "показатель 5.1 — 100 %",
        "показатель 5.1 составил 0,98",  # a fraction of one: 98 of 100
        "Показатель 1.1 — 100 баллов.",
        "значение показателя 4.2 — 97,5",
    ],
)
def test_an_indicator_at_the_floor_names_nothing_whatever_the_pattern(engine: Engine, text: str) -> None:
    assert ids(engine, text) == []


@pytest.mark.parametrize(
    ("text", "deficiency"),
    [
        ("по показателю 5.1 набрано 62 балла", "recommend_low"),
        ("показатель 5.1 составил 0,8", "recommend_low"),
    ],
)
def test_an_indicator_below_the_floor_still_names_its_result_in_any_shape(engine: Engine, text: str, deficiency: str) -> None:
    assert ids(engine, text) == [deficiency]


def test_a_met_indicator_does_not_hide_a_complaint_beside_it(engine: Engine) -> None:
    assert "courtesy_first_contact_low" in ids(engine, "показатель 4.1 — 100, но отмечены жалобы на грубость вахтёра")


def test_several_indicators_each_take_their_own_value(engine: Engine) -> None:
    assert ids(engine, "Показатели 1.3 и 2.3 — 97 и 80 баллов соответственно") == ["comfort_satisfaction_low"]
    assert ids(engine, "Показатели 1.3 и 2.3 — 80 и 97 баллов соответственно") == ["info_satisfaction_low"]
    # a value at the floor is read as it stands, whatever numbers the line carries
    assert ids(engine, "показатель 1.3 составил 98") == []


@pytest.mark.parametrize(
    "text",
    [
        "показатель 5.3 — 100 баллов, недостатков нет",
        "Замечаний по показателям 5.1–5.3 не имеется",
        "Показатели критерия 2: 2.1 — 100; 2.2 — 98,6; 2.3 — 99,0.",  # every value at the floor
        "Показатель «Время ожидания предоставления услуги» — 100 баллов",
        "1.2 — 60 баллов",  # an expert indicator the catalog names no result for: the items say what is missing
    ],
)
def test_a_full_score_a_range_or_an_indicator_with_no_result_names_nothing(engine: Engine, text: str) -> None:
    assert ids(engine, text) == []


# Real protocols give each line its own building, room, street or act: those pieces say nothing of the deficiency.


@pytest.mark.parametrize(
    "tail",
    [
        " (7 этаж, кабинет 512)",
        ", корпус № 12, ул. Каролиская, 5",
        " — отделение в с. Ивановка",
        " (акт № 1234 от 12.03.2026)",
        ", Корпус 2",
    ],
)
def test_a_place_or_act_tail_changes_nothing(engine: Engine, tail: str) -> None:
    for text in ("пандус есть, но без поручней", "телефон постоянно занят", "нет тактильной плитки перед лестницей"):
        assert recognised(engine, text + tail) == recognised(engine, text)


def test_a_place_word_with_the_thing_itself_is_kept(engine: Engine) -> None:
    # «кабинет психолога» names the thing, and «0 %» is a share: neither piece is a mere address
    assert ids(engine, "компьютеры в кабинете психолога 2009 года выпуска") == ["equipment_outdated"]
    shape = engine.recognizer._shape("удовлетворены питанием 64 %, корпус 2")
    assert shape == "удовлетворены питанием 64 %"
    assert engine.recognizer._shape("корпус 3") == "корпус 3"  # nothing else: nothing taken


def test_a_checklist_item_is_no_address(engine: Engine) -> None:
    # «п.» is «пункт» here, not «посёлок»: the piece names the deficiency
    assert ids(engine, "3.1 п.3 — не выполнен") == ["premises_access_not_adapted"]


def test_a_survey_indicator_at_the_satisfied_level_names_no_result(engine: Engine) -> None:
    assert ids(engine, "2.3: 96,4") == []
    assert ids(engine, "2.3: 94,9") == ["comfort_satisfaction_low"]


# A survey line of several aspects, each with its own share: one aspect's words veto no other aspect.


@pytest.mark.parametrize(
    "text",
    [
        "в целом довольны 70 %, рекомендовать готовы 65 %, улучшение качества жизни отмечают 60 %",
        "рекомендовать готовы 81 %, в целом довольны 84 %, качеством жизни — 70 %",
    ],
)
def test_each_surveyed_aspect_with_its_own_share_is_found(engine: Engine, text: str) -> None:
    assert ids(engine, text) == ["recommend_low", "overall_satisfaction_low", "quality_of_life_low"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # food and leisure at or above the catalog's `satisfied` (95): only the furniture is a finding
        ("Удовлетворённость аспектами проживания: питание — 97 %, мебель и инвентарь — 74 %, досуг — 95 %", ["furniture_worn"]),
        # a complaint in the item of its own keeps the food, though the share of its other item is high
        ("питанием довольны 97 %, но порции маленькие, мебелью — 70 %", ["food_quality_poor", "furniture_worn"]),
    ],
)
def test_an_aspect_whose_own_share_reaches_the_floor_is_no_finding(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


def test_a_count_of_those_asked_is_a_share(engine: Engine) -> None:
    assert ids(engine, "Удовлетворены открытостью информации 97 из 100 опрошенных") == []
    found = engine.recognizer.recognize(engine.findings("Удовлетворены открытостью информации 70 из 100 опрошенных"))
    assert [(r.deficiency, r.values) for r in found] == [("info_satisfaction_low", {"satisfaction_percent": 70.0})]


def test_the_share_of_the_dissatisfied_hands_the_rules_the_satisfied_share(engine: Engine) -> None:
    # 96 % dissatisfied is 4 % satisfied: the rules for a very low share must see 4, not 96
    found = engine.recognizer.recognize(engine.findings("Неудовлетворённых вежливостью персонала 96 %"))
    assert [(r.deficiency, r.values) for r in found] == [("courtesy_service_low", {"satisfaction_percent": 4.0})]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # «информация» vetoes the timeliness (2.2) when said of it; here it is the 1.3 aspect, with a figure of its own
        ("открытость информации — 79 %, своевременность — 81 %", ["info_satisfaction_low", "service_delays"]),
        ("своевременность — 81 %, комфортность — 86 %, открытость информации — 79 %", ["info_satisfaction_low", "service_delays", "comfort_satisfaction_low"]),
    ],
)
def test_an_aspect_of_another_criterion_with_its_own_figure_vetoes_no_other(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


def test_an_aspect_without_a_share_of_its_own_is_still_vetoed(engine: Engine) -> None:
    assert "overall_satisfaction_low" not in ids(engine, "в целом удовлетворены качеством жизни 70 %")


def test_an_operator_recommendation_names_the_deficiency_it_answers(engine: Engine) -> None:
    # operators' reports name a deficiency by the measure they recommend
    assert ids(engine, "рекомендуется установить кнопку вызова персонала у входа") == ["call_button_missing"]
    # «рекомендовать» of a survey is readiness to recommend the organisation, no recommendation to it
    assert ids(engine, "готовы рекомендовать учреждение 98 % опрошенных") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count of things is part of them done, not a survey: no satisfaction deficiency beside the thing
        ("доступность для инвалидов: адаптированы 2 из 6 санузлов", [("accessible_sanitary_missing", "partial")]),
        ("поручни установлены только на 2 из 5 лестниц", [("handrails_missing", "partial")]),
        ("кнопки вызова установлены в 3 из 8 палат", [("call_button_missing", "partial")]),
        ("адаптированы 6 из 6 санузлов", []),  # all of them: nothing is wrong
        # a count of people asked is still a survey share
        ("комфортностью довольны 7 из 10 опрошенных", [("comfort_satisfaction_low", None)]),
    ],
)
def test_a_count_of_things_is_a_partial_state_and_a_count_of_people_a_survey(
    engine: Engine, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert recognised(engine, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a thing said to be there, then a flaw set against it in words no pattern knows: the thing, off the norm
        ("кнопка вызова есть, но висит за шкафом", [("call_button_missing", "noncompliant")]),
        ("кнопка вызова установлена, однако до неё не дотянуться с коляски", [("call_button_missing", "noncompliant")]),
        ("сменное кресло-коляска есть, но хранится на складе под замком", [("wheelchairs_missing", "noncompliant")]),
        # «нет» of something else does not make the thing itself missing
        ("питьевая вода есть, но стаканчиков никогда нет", [("drinking_water_missing", "noncompliant")]),
        # a flaw with a state of its own keeps it; a second thing after the contrast is that thing's
        ("пандус есть, но сломан", [("ramp_missing", "broken")]),
        ("пандус есть, но поручни только с одной стороны", [("handrails_missing", "partial")]),
    ],
)
def test_a_flaw_set_against_a_thing_that_is_there_is_that_things_flaw(
    engine: Engine, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert recognised(engine, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an operator's recommendation names the deficiency by its fix; the verb tells the state
        ("Обеспечить наличие сменного кресла-коляски", [("wheelchairs_missing", "absent")]),
        ("Рекомендуем разместить на стенде информацию о тарифах", [("tariffs_missing", "absent")]),
        ("Провести ремонт пандуса", [("ramp_missing", "broken")]),
        ("Дооборудовать санузел поручнями", [("accessible_sanitary_missing", "partial")]),
        ("Привести пандус в соответствие с нормами", [("ramp_missing", "noncompliant")]),
        # a word that vetoes a concept when it says the thing is there («зона ожидания оборудована») asks for it here
        ("Оборудовать зону ожидания мягкой мебелью", [("waiting_area_missing", "absent")]),
        # a participle says the thing is there; keeping up what works is no deficiency
        ("пандус установлен в 2023 году", []),
        ("Рекомендуется поддерживать сайт в актуальном состоянии", []),
    ],
)
def test_a_recommendation_names_the_deficiency_its_fix_answers(
    engine: Engine, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert recognised(engine, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an institution's plan line: «сделать», «увеличить», «повысить» ask for the thing or more of it
        ("Сделать пандус у входа", [("ramp_missing", "absent")]),
        ("Увеличить количество стульев в зоне ожидания", [("waiting_area_missing", "partial")]),
        # a thing that needs repair or replacing is worn (broken is a fault mended at once)
        ("пандус требует ремонта", [("ramp_missing", "worn")]),
        ("кнопка вызова в неудовлетворительном состоянии", [("call_button_missing", "worn")]),
    ],
)
def test_a_plan_line_and_a_need_of_repair_tell_the_state(
    engine: Engine, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert recognised(engine, text) == expected


# A means of contact (`channel: true`) is a finding only when the line says the channel itself is missing or broken.


@pytest.mark.parametrize(
    "text",
    [
        # the phone is the way something else was done
        "заявление о переводе в другое отделение по телефону у родственников не приняли, предложили приехать лично",
        "родственники, опрошенные по телефону, недовольны качеством питания",
        # the channels are said to be there
        "из каналов обратной связи действуют только телефон и e-mail, онлайн-приёмной нет",
    ],
)
def test_a_channel_named_as_a_means_or_said_to_work_is_no_channel_finding(engine: Engine, text: str) -> None:
    found = ids(engine, text)
    assert "phone_missing" not in found
    assert "email_missing" not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("по телефону приёмной невозможно дозвониться", {"phone_missing"}),
        ("на сайте нет ни телефона, ни e-mail", {"phone_missing", "email_missing"}),
        ("номер телефона, указанный на сайте, не отвечает", {"phone_missing"}),
    ],
)
def test_a_channel_said_to_be_missing_or_broken_is_found(engine: Engine, text: str, expected: set[str]) -> None:
    assert expected <= set(ids(engine, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("не выполнены требования 3.1: пп. 1, 4", {"ramp_missing", "wheelchairs_missing"}),
        ("по показателю 3.2 отсутствуют пункты 2, 5 и 6", {"braille_missing", "escort_staff_untrained", "remote_service_missing"}),
        ("не обеспечены пункты 2 и 4 показателя 3.1", {"disabled_parking_missing", "wheelchairs_missing"}),
    ],
)
def test_every_checklist_item_of_a_list_is_named(engine: Engine, text: str, expected: set[str]) -> None:
    assert set(ids(engine, text)) == expected


@pytest.mark.parametrize("text", ["уклон пандуса у входа 6 %", "влажность воздуха в спальных комнатах 55 %"])
def test_a_percentage_of_a_physical_measure_is_no_survey_share(engine: Engine, text: str) -> None:
    # a slope within the rules (8 %) and a plain measurement: no one was asked, nothing is said to be wrong
    assert ids(engine, text) == []


def test_a_slope_in_percent_over_the_norm_is_a_ramp_off_the_norm(engine: Engine) -> None:
    assert recognised(engine, "уклон пандуса на входе 14 %") == [("ramp_missing", "noncompliant")]


# A second opinion and a closer reading: the model of the labelled phrasings weighs the whole finding.


def test_what_one_word_found_is_left_out_when_the_whole_finding_is_about_something_else(engine: Engine) -> None:
    # «питание» is the power of the call button here, not the residents' food
    assert ids(engine, "кнопка вызова у ворот не работает, питание к ней не подведено") == ["call_button_missing"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (the stand keeps the medical care pattern off the whole line: the clause is read by itself)
        ("на стенде нет тарифов, терапевт бывает в отделении раз в месяц", {"tariffs_missing", "medical_care_poor"}),
        ("на сайте нет лицензии, бельё после стирки возвращают через неделю", {"license_missing", "household_services_poor"}),
    ],
)
def test_a_clause_no_pattern_reads_is_read_on_its_own(engine: Engine, text: str, expected: set[str]) -> None:
    assert set(ids(engine, text)) == expected


@pytest.mark.parametrize(
    ("text", "deficiency"),
    [
        ("показатель 1.3 по филиалу в с. Ивановка — 83,5 балла", "info_satisfaction_low"),
        ("по 5.3 итог 86,1 балла", "overall_satisfaction_low"),
    ],
)
def test_an_indicator_in_points_is_read_whatever_words_stand_before_its_value(engine: Engine, text: str, deficiency: str) -> None:
    assert ids(engine, text) == [deficiency]


def test_an_indicator_in_points_at_the_floor_names_nothing(engine: Engine) -> None:
    assert ids(engine, "показатель 2.1 по филиалу в с. Ивановка — 99 баллов") == []


@pytest.mark.parametrize(
    "text",
    [
        "Рекомендуется продолжить обучение сиделок приёмам ухода за лежачими",
        "совет рекомендует продолжать выпуск буклетов об услугах центра",
    ],
)
def test_a_recommendation_to_go_on_names_nothing(engine: Engine, text: str) -> None:
    assert ids(engine, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "поручни у лестницы на высоте 0,9 м с обеих сторон",
        "кабина лифта 1,1 × 2,1 м",
        "машиноместо для инвалидов шириной 3,6 м",
        "остановка автобуса в 80 м от входа",
    ],
)
def test_a_size_in_the_norm_names_nothing(engine: Engine, text: str) -> None:
    # СП 59.13330.2020: handrails at 0,85–0,95 m, a cabin of at least 1,1 × 2,1 m, a parking space 3,6 m wide
    assert ids(engine, text) == []


@pytest.mark.parametrize(
    ("text", "deficiency"),
    [
        ("поручни у лестницы на высоте 1,1 м", "handrails_missing"),
        ("кабина лифта 1,0 × 1,3 м", "lifts_not_adapted"),
        ("машиноместо для инвалидов шириной 2,5 м", "disabled_parking_missing"),
        ("стоянка для инвалидов примерно в 120 м от входа", "disabled_parking_missing"),
    ],
)
def test_a_size_off_the_norm_is_a_thing_off_the_norm(engine: Engine, text: str, deficiency: str) -> None:
    assert recognised(engine, text) == [(deficiency, "noncompliant")]


@pytest.mark.parametrize(
    "text",
    ["раздел «Вопрос — ответ» пополнен ответами в текущем месяце", "замечаний по стенду эксперты не делали"],
)
def test_the_current_month_is_no_leak_and_no_remarks_made_is_no_remark(engine: Engine, text: str) -> None:
    assert ids(engine, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "на сайте прайс 2019 года, с тех пор цены поднимали дважды",
        "новости на сайте последний раз выкладывали в марте 2022 года",
        "на стенде до сих пор висит приказ о назначении директора, который уволился",
    ],
)
def test_information_told_stale_by_when_it_last_changed(engine: Engine, text: str) -> None:
    assert ids(engine, text) == ["info_outdated"]


def test_a_reply_still_awaited_or_a_recent_change_is_not_stale_information(engine: Engine) -> None:
    assert "info_outdated" not in ids(engine, "ответа на письмо, отправленное через сайт, нет до сих пор")
    assert "info_outdated" not in ids(engine, "стенд последний раз обновляли в прошлом месяце")


@pytest.mark.parametrize(
    ("text", "deficiency"),
    [
        ("адрес почты на сайте указан, письма на него возвращаются", "email_missing"),
        ("телефон на сайте опубликован, днём по нему никто не отвечает", "phone_missing"),
    ],
)
def test_a_channel_said_to_be_there_and_then_not_to_work(engine: Engine, text: str, deficiency: str) -> None:
    assert recognised(engine, text) == [(deficiency, "broken")]


@pytest.mark.parametrize(
    "text",
    ["по телефону из раздела «Контакты» весь день длинные гудки", "номер приёмной на сайте указан, звонок на него не проходит"],
)
def test_a_phone_that_rings_out_or_does_not_connect_is_broken(engine: Engine, text: str) -> None:
    assert recognised(engine, text) == [("phone_missing", "broken")]


def test_a_clause_whose_only_shared_word_is_a_negation_is_read_on_its_own(engine: Engine) -> None:
    # «не» of «не оборудована» is also a word of the drinking-water pattern: it must not hide the waiting area
    text = "зона ожидания в филиале не оборудована, питьевой воды нет, туалет для посетителей на замке"
    assert {"waiting_area_missing", "drinking_water_missing"} <= set(ids(engine, text))


@pytest.mark.parametrize(
    ("text", "deficiency"),
    [
        ("ответ на жалобу, отправленную через сайт, пришёл через 40 дней при сроке 30", "appeals_system_missing"),
        ("на приём к юристу ждут по 30 минут сверх времени записи", "service_delays"),
    ],
)
def test_a_term_overrun_is_told_against_the_term(engine: Engine, text: str, deficiency: str) -> None:
    assert ids(engine, text) == [deficiency]


@pytest.mark.parametrize(
    ("text", "deficiency"),
    [
        ("из 8 кабинетов тактильными табличками оборудованы 2", "braille_missing"),
        ("из четырёх колясок исправна одна", "wheelchairs_missing"),
        ("из 10 жилых комнат кнопками вызова оснащены 4", "call_button_missing"),
    ],
)
def test_some_of_the_things_counted_from_the_whole_are_a_partial_state(engine: Engine, text: str, deficiency: str) -> None:
    assert recognised(engine, text) == [(deficiency, "partial")]


def test_a_page_s_menu_is_no_food(engine: Engine) -> None:
    assert "food_quality_poor" not in ids(engine, "кнопка «Написать нам» в меню ведёт на страницу-заглушку")


@pytest.mark.parametrize(
    "text",
    [
        "вежливостью персонала удовлетворены все 86 опрошенных",
        "все 30 штатных ставок отделения заняты",
        "среди опрошенных недовольных условиями проживания нет",
    ],
)
def test_everyone_satisfied_and_every_post_filled_name_nothing(engine: Engine, text: str) -> None:
    assert ids(engine, text) == []


def test_a_survey_topic_told_once_covers_each_aspect_after_it(engine: Engine) -> None:
    text = "Вежливостью удовлетворены: в регистратуре — 80 %, у специалистов по социальной работе — 87 %, при звонках по телефону — 70 %"
    assert values(engine, text) == {
        "courtesy_first_contact_low": 80.0,
        "courtesy_service_low": 87.0,
        "courtesy_remote_low": 70.0,
    }
    # an aspect at the floor is no deficiency, whoever it is told of
    assert ids(engine, "доброжелательность персонала на приёме — 97 %, при телефонных звонках — 72 %") == ["courtesy_remote_low"]


def test_in_order_at_the_end_of_a_clause_is_clear_but_not_a_queue(engine: Engine) -> None:
    assert ids(engine, "контрастная маркировка крайних ступеней лестницы — в порядке") == []
    assert ids(engine, "приём ведётся в порядке живой очереди, ждут по два часа") == ["service_delays"]


@pytest.mark.parametrize("text", ["показатель 3.1 — 52 балла, показатель 3.2 — 38 баллов", "показатели 3.1 и 3.2 — 55 и 45"])
def test_each_indicator_value_names_its_own_result(engine: Engine, text: str) -> None:
    # 3.2's result does not make 3.1's a detail of it, and «— 55 и 45» is no address to cut from the line
    assert ids(engine, text) == ["premises_access_not_adapted", "equal_access_conditions_missing"]


def test_a_clause_that_tells_who_names_no_deficiency_of_its_own(engine: Engine) -> None:
    # the participle clause says which workers; the badge or the staffing is what is wrong
    assert ids(engine, "Сотрудники, осуществляющие первичный приём заявителей, не обеспечены именными бейджами") == ["staff_badges_missing"]
    assert ids(engine, "Не укомплектован штат сотрудниками, непосредственно оказывающими социальные услуги") == ["staffing_shortage"]


def test_an_aspect_told_whole_is_that_aspect_not_satisfaction_overall(engine: Engine) -> None:
    assert ids(engine, "комфортностью условий в целом довольны 81 % опрошенных") == ["comfort_satisfaction_low"]
    assert ids(engine, "комфортностью довольны 81 %, в целом условиями — 84 %") == ["comfort_satisfaction_low", "overall_satisfaction_low"]


@pytest.mark.parametrize("text", ["по тел. в приёмной грубят и бросают трубку", "тел. регистратуры — отвечают невежливо"])
def test_rudeness_on_the_phone_of_a_desk_is_remote_only(engine: Engine, text: str) -> None:
    # the desk names who answers the call; the talk is remote, not the first contact in person
    assert ids(engine, text) == ["courtesy_remote_low"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Пандус — есть, поручни — нет.", ["handrails_missing"]),
        ("поручни — нет, пандус — да", ["handrails_missing"]),
        ("тарифы — да, лицензия — нет, ПВР — да", ["license_missing"]),
        ("пандус — нет, поручни — нет", ["ramp_missing", "handrails_missing"]),
        ("кнопка вызова — имеется в наличии, табличек Брайля — нет", ["braille_missing"]),
    ],
)
def test_a_checklist_answer_after_a_dash_says_the_thing_is_there(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


def test_a_button_within_reach_from_a_wheelchair_is_in_the_norm(engine: Engine) -> None:
    assert ids(engine, "кнопка вызова персонала на высоте 1 м") == []
    assert ids(engine, "кнопку вызова повесили на высоте 1,7 м") == ["call_button_missing"]


def test_a_topic_word_shared_by_aspects_gives_no_aspect_another_s_share(engine: Engine) -> None:
    # «Вежливостью» is the topic of both aspects: each takes the share of its own words
    text = "Вежливостью специалистов довольны 79 %, при первичном обращении — 85 %"
    assert values(engine, text) == {"courtesy_first_contact_low": 85.0, "courtesy_service_low": 79.0}
    assert ids(engine, "Вежливостью специалистов довольны 79 %, при первичном обращении — 97 %") == ["courtesy_service_low"]


@pytest.mark.parametrize(
    "text",
    [
        "В доме-интернате для престарелых и инвалидов нет стенда",
        "в здании отделения социального обслуживания граждан пожилого возраста и инвалидов информационного стенда нет",
    ],
)
def test_whom_an_institution_s_name_serves_tells_nothing_of_the_finding(engine: Engine, text: str) -> None:
    # «и инвалидов» in the name makes no stand a stand for disabled people
    assert ids(engine, text) == ["stand_missing"]


def test_a_complaints_book_is_the_complaints_box_not_leisure(engine: Engine) -> None:
    assert ids(engine, "Жалобная книга в холле лежит, но страницы не пронумерованы") == ["complaint_box_missing"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("телефон на сайте не отвечает, обращения по электронной почте не регистрируются", ["phone_missing", "appeals_system_missing"]),
        ("эл. почта с сайта не работает, учёт обращений не ведётся", ["email_missing", "appeals_system_missing"]),
        ("на стенде сведения неполные, сайт не открывается", ["info_incomplete", "site_missing"]),
        # told in no clause of its own, the telephone is still a detail of the appeals
        ("обращения по телефону не регистрируются", ["appeals_system_missing"]),
    ],
)
def test_a_clause_that_tells_its_own_problem_is_no_detail_of_another(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


def test_a_broken_link_of_the_booking_button_is_booking_not_a_site_fault(engine: Engine) -> None:
    assert ids(engine, "кнопка «Записаться онлайн» на сайте ведёт на несуществующую страницу") == ["appointment_booking_unavailable"]


def test_each_aspect_s_own_share_tells_its_problem_beside_another_channel(engine: Engine) -> None:
    # «телефонной» is the third aspect's word, not a veto of the first: each aspect keeps its own share
    text = "Вежливость администраторов на входе оценили 84 %, социальных работников — 90 %, операторов телефонной линии — 75 %"
    assert values(engine, text) == {"courtesy_first_contact_low": 84.0, "courtesy_service_low": 90.0, "courtesy_remote_low": 75.0}
    text = "Вежливость администраторов на входе — 84 %, социальных работников — 90 %, операторов телефонной линии — 75 %"
    assert values(engine, text) == {"courtesy_first_contact_low": 84.0, "courtesy_service_low": 90.0, "courtesy_remote_low": 75.0}


@pytest.mark.parametrize(
    "text",
    ["сайт филиала полгода не открывается, а стенда в холле так и не появилось", "сайт лежит вторую неделю, стенд из коридора убрали во время ремонта"],
)
def test_a_stand_that_never_appeared_or_was_taken_away_is_missing(engine: Engine, text: str) -> None:
    assert ids(engine, text) == ["site_missing", "stand_missing"]


# Sizes as inspectors write them: the thing may be named before the colon, heights come in pairs, a count of sides is
# no ratio; in the norm they name nothing, off it they tell the problem.


@pytest.mark.parametrize(
    "text",
    [
        "Пандус у входа соответствует нормам: ширина 1,2 м",  # the ramp's width, the ramp named before the colon
        "Пандус у входа сделан по нормам: ширина 1,2 м, поручни с обеих сторон",
        "поручни лестницы на высоте 0,7 и 0,9 м",  # two heights, not a share of 0,7
        "перила с 2 сторон на высоте 0,9 м",  # two sides at a height, not two things for all
        "в туалете для инвалидов зона разворота кресла-коляски 1,5 м",
        "стенд в коридоре у входа на высоте 1,2 м, шрифт крупный",
    ],
)
def test_sizes_in_the_norm_name_nothing(engine: Engine, text: str) -> None:
    assert ids(engine, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Пандус у входа: ширина 0,8 м", [("ramp_missing", "noncompliant")]),
        ("поручни лестницы на высоте 0,7 и 1,2 м", [("handrails_missing", "noncompliant")]),
        ("в туалете для инвалидов зона разворота коляски всего 1,1 м", [("accessible_sanitary_missing", "noncompliant")]),
        ("2 коляски на 3 корпуса", [("wheelchairs_missing", "partial")]),
        ("Стенд в фойе: нижний край на высоте 1,6 м", [("stand_unreadable", "noncompliant")]),
    ],
)
def test_sizes_and_counts_off_the_norm_still_tell_the_problem(engine: Engine, text: str, expected: list[tuple[str, str]]) -> None:
    assert recognised(engine, text) == expected


# A bound is no complaint: «не выше 1 см» says where the norm stops, and a part whose every size is in the norm says
# the thing is as it should be; «порог» beside points is the indicator's threshold, not a door sill.


@pytest.mark.parametrize(
    "text",
    [
        "Пороги во всех кабинетах не выше 1 см, дверные проёмы не уже 0,95 м.",
        "Высота порогов — не выше 1,2 см, ширина дверей — не менее 0,9 м.",
        "Шрифт на стенде не мельче 16 кегля, стенд на высоте 1,2 м.",
    ],
)
def test_bounds_and_sizes_within_the_norm_name_nothing(engine: Engine, text: str) -> None:
    assert ids(engine, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Показатель 3.3 — 64 балла, ниже порога 90.", ["accessibility_satisfaction_low"]),
        ("Показатель 1.3 составил 78 баллов — выше порога 70, но ниже 90.", ["info_satisfaction_low"]),
        ("Пороги высотой 5 см у входа в каждый кабинет.", ["doorways_narrow"]),
    ],
)
def test_a_threshold_of_points_is_no_door_sill(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


# A wait for a thing of the accessibility criterion (a social taxi, a lift, an interpreter) is that thing's deficiency,
# not the timeliness of services; a wait for a reception still is.


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Машина соцтакси одна на весь округ, по заявке её ждут недели три.", ["disabled_transport_missing"]),
        ("Лифт один на корпус, колясочники ждут его по 30 минут.", ["lifts_not_adapted"]),
        ("Приёма у юриста ждут по два часа.", ["service_delays"]),
    ],
)
def test_a_wait_for_a_thing_of_accessibility_is_that_thing_s_deficiency(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Спасибо нянечкам: к детям относятся как к своим.", []),  # praise, not «относятся как к вещи»
        ("Санитарки относятся к лежачим как к мебели.", ["courtesy_service_low"]),
    ],
)
def test_treated_like_one_s_own_is_praise(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Вакансий санитарок нет, штат укомплектован на 98 %.", []),  # no vacancy: nothing is short
        ("Нет вакансий, но сиделок всё равно не хватает.", ["staffing_shortage"]),
    ],
)
def test_no_vacancies_is_a_full_staff(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Замечания прошлого года (нет раздела FAQ, нет электронной формы обращения) устранены.", []),
        ("Битые ссылки в разделе «Документы», найденные весной, исправлены.", []),
        ("Выявленные нарушения до сих пор не устранены: пандуса нет.", ["ramp_missing"]),
        ("Ссылки на сайте, найденные весной, исправлены лишь частично — половина по-прежнему не открывается.", ["site_faults"]),
    ],
)
def test_a_part_that_ends_saying_the_problem_was_put_right_names_nothing(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


def test_no_phrase_spans_a_comma(engine: Engine) -> None:
    # «навигации, сайт» is no «навигация сайта»: the navigation of the hall is missing, the site is down
    assert ids(engine, "в холле нет навигации, сайт учреждения не открывается") == ["site_missing", "navigation_missing"]


def test_a_pattern_is_about_the_thing_nearest_its_problem(engine: Engine) -> None:
    # the stand, not the site of the first clause, is the one not updated; so the licence is missing too
    assert ids(engine, "лицензии на сайте не найти, стенд не обновляли с прошлого года") == ["info_outdated", "license_missing"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("двери в душевую 75 см, лифта нет", ["lifts_not_adapted", "doorways_narrow"]),
        ("по телефону грубят, а юрист принимает только до 12 часов", ["courtesy_remote_low", "work_schedule_inconvenient"]),
        # the rest area is there: «нет» is said of the cooler and the toilet
        ("Зона отдыха есть, а вот кулера и туалета для посетителей — нет", ["drinking_water_missing", "sanitary_rooms_unavailable"]),
        # the hours of the centre are read in their own clause, though «только» and «по субботам» stand in the next
        ("центр открыт только до 16:00 в будни, а к маме пускают только по субботам", ["visiting_schedule_inconvenient", "work_schedule_inconvenient"]),
        ("юрист принимает только по средам, а внука к деду пускают лишь в выходные", ["visiting_schedule_inconvenient", "work_schedule_inconvenient"]),
    ],
)
def test_a_clause_that_tells_its_own_problem_keeps_it_beside_another_thing(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a number in brackets does not end the clause: the verb after it is said of the phone
        ("Телефон отдела кадров, указанный на сайте (8 3842 55-12-34), с 9 до 17 не отвечал", ["phone_missing"]),
        # the second place the phone is named in tells its problem
        ("На сайте указан один телефон — вахты, номера отделений не приведены.", ["phone_missing"]),
        # a clause that ends in brackets is no lead of the next: the e-mail is fine
        ("сайт: тел. не отвечает (2 звонка), почта ок", ["phone_missing"]),
    ],
)
def test_a_channel_s_problem_is_read_past_brackets_and_at_each_place_it_is_named(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Жалоб на размер и порядок оплаты в 2024 г. не поступало.", []),
        # a complaint as a complement of the thing missing is no remark denied
        ("Порядок подачи жалоб на действия работников на сайте отсутствует", ["complaint_procedure_missing"]),
        ("Ящика для жалоб на качество услуг нет", ["complaint_box_missing"]),
    ],
)
def test_no_complaints_at_the_head_of_a_part_says_nothing_is_wrong(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


def test_a_pattern_in_a_part_that_says_nothing_is_wrong_is_left_out(engine: Engine) -> None:
    assert ids(engine, "Тарифы утверждены; жалоб на размер платы нет.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Лицензию на сайт выложили, а тарифов так и нет.", ["tariffs_missing"]),
        ("Кулер в холле поставили, но стульев для ожидания нет.", ["waiting_area_missing"]),
        ("Лицензия на сайте есть, а тарифов нет.", ["tariffs_missing"]),
        # a fix asked for, an issue that is no installing, a flaw of the thing that is there: as before
        ("Рекомендуется установить пандус, поручней нет.", ["ramp_missing", "handrails_missing"]),
        ("Куртку выдали, а сапоги на размер меньше.", ["clothing_supply_poor"]),
        ("Сенсорная комната есть, но оборудование в ней 2010 года и половина не работает", ["equipment_outdated"]),
    ],
)
def test_a_thing_said_to_be_there_or_put_in_place_is_not_the_missing_one(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Рекомендации: рассмотреть возможность установки кулера с питьевой водой в холле.", ["drinking_water_missing"]),
        ("Предложения совета: разнообразить досуговые мероприятия для проживающих.", ["leisure_lacking"]),
    ],
)
def test_a_recommendation_to_consider_or_to_vary_names_what_it_fixes(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Соцработники приходят вовремя, опозданий за полгода не зафиксировано.", []),
        ("Социальное такси работает по заявкам, отказов в поездках нет.", []),
        ("Соцработник постоянно опаздывает, опоздания по часу.", ["service_delays"]),
    ],
)
def test_no_lateness_and_no_refusals_say_nothing_is_wrong(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


def test_a_comma_before_a_participle_clause_is_no_break(engine: Engine) -> None:
    # «письма, пришедшие …, остаются без ответа»: the clause hangs on the letters, the phrase runs on past the comma
    assert ids(engine, "письма, пришедшие через форму на сайте, остаются без ответа") == ["appeals_system_missing"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the lower handrail of a ramp, the ends run on past it, a parking place near the door: each in the norm
        ("Поручни пандуса с двух сторон на высоте 0,9 и 0,7 м, концы поручней продлены на 0,3 м.", []),
        ("Поручни на лестнице на высоте 0,9 м, их концы выступают на 0,3 м за марш.", []),
        ("Стоянка для автомобилей инвалидов в 40 м от входа, места обозначены знаком.", []),
        ("Остановка автобуса в 0,1 км от входа.", []),
        # off the norm, as before; a way in kilometres is a way too
        ("Поручни пандуса на высоте 0,5 м.", ["handrails_missing"]),
        ("Концы поручней продлены лишь на 0,1 м.", ["handrails_missing"]),
        ("Стоянка для автомобилей инвалидов в 120 м от входа.", ["disabled_parking_missing"]),
        ("Филиал: пандуса нет, до остановки автобуса 3 км.", ["transport_access_poor", "ramp_missing"]),
    ],
)
def test_every_norm_of_a_thing_is_read_and_kilometres_are_a_way(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Несоответствий сведений на стенде требованиям приказа не выявлено.", []),
        ("Кнопка вызова на высоте 1,2 м — в норме.", []),
        # the violations are what the missing acts are about; «не в норме» is a problem
        ("актов об устранении нарушений нет", ["inspections_info_missing"]),
        ("температура в палатах не в норме", ["living_conditions_poor"]),
    ],
)
def test_no_discrepancy_and_in_the_norm_say_nothing_is_wrong(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the FAQ's pattern takes the «не» of the site's clause: a negation tells no topic, the site's flaw stays
        ("Сайт не адаптирован под смартфон, раздела FAQ нет.", ["site_faults", "faq_missing"]),
        ("Сайт не адаптирован под планшеты, раздела FAQ нет.", ["site_faults", "faq_missing"]),
        # a site not fit for phones is no phone number missing; a phone that does not answer is
        ("сайт не адаптирован под телефоны", ["site_faults"]),
        ("телефон указан под фотографией директора, но не отвечает", ["phone_missing"]),
    ],
)
def test_a_negation_ties_no_clauses_together_and_a_site_for_phones_is_the_site_s(
    engine: Engine, text: str, expected: list[str]
) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a resident's wish names what is missing now
        ("хочу чтобы внука пускали ко мне и в выходные", ["visiting_schedule_inconvenient"]),
        ("хорошо бы чтобы в столовой кормили разнообразнее", ["food_quality_poor"]),
        ("хочу, чтобы внука пускали ко мне и в выходные", ["visiting_schedule_inconvenient"]),
        ("Было бы хорошо, если бы на сайте был указан состав сотрудников", ["staff_info_missing"]),
        ("Было бы здорово, если бы на сайте был раздел с частыми вопросами", ["faq_missing"]),
        ("Желательно установить в холле кулер с питьевой водой", ["drinking_water_missing"]),
        ("В холле не помешал бы кулер с питьевой водой", ["drinking_water_missing"]),
        # a wish that all stays as it is names nothing
        ("Было бы хорошо, если бы и дальше так кормили", []),
        # thanks are no wish, and «хотя» is no «хотеть»
        ("хотелось бы поблагодарить сиделок за заботу", []),
        ("Кнопки вызова у входа нет, хотя телефон дежурного на двери указан и отвечает.", ["call_button_missing"]),
    ],
)
def test_a_wish_names_what_is_missing(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("На сайте e-mail указан с опечаткой (kcson-ural@yandx.ru).", ["email_missing"]),
        ("E-mail отдела кадров на сайте: письма отклоняются.", ["email_missing"]),
        ("Номер приёмной на сайте — длинные гудки весь день.", ["phone_missing"]),
    ],
)
def test_a_channel_with_a_misprint_or_letters_turned_back_is_broken(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a recommended level is no readiness to recommend; calls to a phone are no call button
        ("Показатель 4.2 — 88 баллов при рекомендуемом значении 90.", ["courtesy_service_low"]),
        ("Горячая линия: контрольные звонки (6 вызовов) — оператор не представился.", ["courtesy_remote_low"]),
        ("Показатель 5.1 — 70 баллов.", ["recommend_low"]),
    ],
)
def test_a_recommended_level_and_calls_to_a_phone_name_their_own_things(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a clause whose thing is a pronoun for one named before tells that thing's problem, no wait of its own
        ("Переводчик жестового языка приезжает раз в месяц, ждать его приходится неделями.", ["sign_interpreter_missing"]),
        ("Подъёмная платформа одна на два корпуса, ждать её приходится по часу.", ["ramp_missing"]),
        # a pronoun after a preposition is where, a possessive is whose: those clauses keep their own thing
        ("Уклон пандуса в норме, но поручней на нём нет.", ["handrails_missing"]),
        ("Проживающие жалуются, что ночью на их просьбы никто не подходит.", ["care_neglect"]),
    ],
)
def test_a_clause_that_names_its_thing_by_a_pronoun_is_read_with_it(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


def test_after_a_place_the_genitive_before_net_is_what_is_missing(engine: Engine) -> None:
    # «у пандуса перил нет»: the handrails are missing, not an attribute of the ramp (the ramp is still named as well:
    # a thing after «у» is where, a rule not made yet)
    assert "handrails_missing" in ids(engine, "у входного пандуса перил нет")


@pytest.mark.parametrize(
    "text, expected",
    [
        # visits kept to the schedule, no lateness or missed visit: nothing is wrong …
        ("Соцработники навещают подопечных строго по графику, за полгода ни одного опоздания.", []),
        ("Выезды мобильной бригады за 2025 год — ни одного срыва.", []),
        # … but a negation between the words of «график соблюдается» denies it
        ("График посещений получателей на дому не соблюдается.", ["service_delays"]),
        ("Соцработники график не соблюдают, приходят когда вздумается.", ["service_delays"]),
    ],
)
def test_visits_kept_to_the_schedule_say_nothing_is_wrong_unless_denied(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a score in points is a share on the methodology's 100-point scale: at the floor nothing is wrong …
        ("Доступность филиала для маломобильных посетители оценили на 97 баллов из 100.", []),
        ("Вежливость сиделок проживающие оценили в 98 баллов.", []),
        # … below it the survey names its deficiency
        ("Вежливость сиделок проживающие оценили в 76 баллов из 100.", ["courtesy_service_low"]),
    ],
)
def test_a_score_in_points_is_read_as_a_share(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


def test_a_score_in_points_is_handed_to_the_rules() -> None:
    # «из 100» is the scale, not a count of things; a grade of five stays a grade
    assert shares("довольны на 82 балла из 100") == [(12, 82.0)]
    assert shares("средняя оценка 4 балла") == []


def test_the_ne_of_an_ignored_phrase_is_no_cue(engine: Engine) -> None:
    # «не старше трёх лет» says the certificates are recent: its «не» denies nothing, so the pattern «повышение
    # квалификации» that needs a cue is not taken (another stage may still weigh the line)
    toks = engine.recognizer.tokens("удостоверения о повышении квалификации не старше трёх лет")
    assert engine.recognizer.cues_in(toks) == []
    toks = engine.recognizer.tokens("повышение квалификации не пройдено")
    assert engine.recognizer.cues_in(toks) == ["не"]


@pytest.mark.parametrize(
    "text",
    [
        # a bound said with «не больше», «не превысило», like «не более»: the thing is within it, nothing is denied
        "Ответ на обращение через сайт приходит не больше чем через сутки.",
        "Время ожидания приёма не превысило 15 минут.",
        "Порог у входа не выше 1,4 см, ширина двери не больше 1,2 м.",
    ],
)
def test_a_bound_kept_is_no_problem(engine: Engine, text: str) -> None:
    assert ids(engine, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a document on the site or stand «approved back in <year>» is outdated
        ("Прейскурант платных услуг на стенде утверждён ещё в 2017 году.", ["info_outdated"]),
        ("Копия лицензии на стенде висит ещё с 2014 года.", ["info_outdated"]),
    ],
)
def test_a_document_approved_back_in_a_year_is_outdated(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # those who have enough information, as a share below the floor, are the 1.3 survey
        ("Лишь 58 % родителей сказали, что им хватает сведений о занятиях центра.", ["info_satisfaction_low"]),
        # a wheelchair user who cannot get in, with nothing said of what stops them, is the premises as a whole …
        ("Мы на коляске в ваш филиал никак не можем попасть.", ["premises_access_not_adapted"]),
        # … and one who gets in with ease names nothing
        ("В филиал на коляске заезжаем без проблем.", []),
    ],
)
def test_enough_information_and_getting_in_on_a_wheelchair(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # indicators listed with their values, by slashes or commas: each takes its own value, and one at the floor
        # is met whatever number follows it
        ("Показатели 5.1 / 5.2 / 5.3: 79 / 96 / 98.", ["recommend_low"]),
        ("Показатели 2.1, 2.2, 2.3 — 97, 100, 81.", ["comfort_satisfaction_low"]),
        # points after listed indicators are their values, not a share of the whole line
        ("Показатели 4.2 и 4.3 — 82 и 99 баллов.", ["courtesy_service_low"]),
    ],
)
def test_listed_indicators_each_take_their_own_value(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # «без» names what is missing right after it, not the thing said before it …
        ("Пандус у центрального входа построен в 2021 году без поручней.", ["handrails_missing"]),
        # … and a thing right after «без» is itself the missing one
        ("Филиал работает в здании без пандуса.", ["ramp_missing"]),
    ],
)
def test_bez_names_the_thing_after_it(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a remark denied with its subject between may end a clause that a plain fact follows …
        ("Замечаний к санитарному состоянию палат нет, генеральная уборка еженедельно.", []),
        ("Нареканий на чистоту санузлов не поступало, уборщица на этаже весь день.", []),
        # … but not one that a problem follows, nor does a clear phrase clear a later clause that names one …
        ("Замечаний по питанию нет, в столовой нет питьевой воды.", ["drinking_water_missing"]),
        # … unless that clause says nothing is wrong itself, for a time as for a subject
        ("Соцработники соблюдают график посещений, жалоб за 2025 год не поступало.", []),
    ],
)
def test_a_denied_remark_may_end_a_clause(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a count in pieces or units is how many there are, not a number to mask: many units are not «none» …
        ("Штатная численность центра — 186 единиц, из них 52 специалиста по социальной работе.", []),
        ("Тактильных табличек установлено 18 шт.", []),
        # … and none is still none
        ("Кресел-колясок в отделении — 0 шт.", ["wheelchairs_missing"]),
    ],
)
def test_a_count_of_units_is_not_masked(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


def test_a_list_of_what_was_put_right_names_nothing(engine: Engine) -> None:
    # the lead says when the remarks were put right, the list after it what was done
    text = "Замечания по разделу I устранены в 2026 г.: опубликованы тарифы, план ФХД и состав попечительского совета."
    assert ids(engine, text) == []
    # a lead that says they were not put right keeps the list's problem
    assert ids(engine, "Замечания по сайту не устранены в 2026 г.: нет тарифов.") == ["tariffs_missing"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # what never happened is no deficiency …
        ("Соцработник за полгода ни разу не опоздал.", []),
        ("Водитель соцтакси ни разу не сорвал поездку за 2025 год.", []),
        # … nor are violations of the time limits or the schedule denied, with what they are of between
        ("Нарушений сроков зачисления на надомное обслуживание в 2025 году не выявлено.", []),
    ],
)
def test_what_never_happened_names_nothing(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # another organisation's problem, ours set against it, names none of ours …
        ("У соседнего КЦСОН пандус разбит, а у нас всё в исправности.", []),
        ("Отмеченная в протоколе грязь в санузлах касается соседнего учреждения, а не нашего центра.", []),
        # … but ours lacking what the other has is ours
        ("В соседнем центре есть сурдопереводчик, а у нас нет.", ["sign_interpreter_missing"]),
    ],
)
def test_another_organisations_problem_is_not_ours(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # «каждый» is a share only with an ordinal: each one asked is everyone …
        ("Советовать отделение знакомым готов каждый анкетированный.", []),
        ("Посоветовать отделение знакомым готов лишь каждый четвёртый анкетированный.", ["recommend_low"]),
        # … and so are all of them, counted
        ("Все 64 опрошенных получателя с инвалидностью удовлетворены доступностью помещений.", []),
        ("Не все 64 опрошенных получателя с инвалидностью удовлетворены доступностью помещений.", ["accessibility_satisfaction_low"]),
    ],
)
def test_each_and_all_asked_are_everyone(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


def test_ours_set_against_another_without_u_nas(engine: Engine) -> None:
    text = "Соседний КЦСОН до сих пор без версии для слабовидящих, а наш сайт её имеет с 2023 года."
    assert ids(engine, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # writing to the e-mail with no answer is the work with appeals …
        ("Написала на почту центра насчёт справки, ответа нет третью неделю.", ["appeals_system_missing"]),
        ("Отправляли на почту отделения заявление, так никто и не ответил.", ["appeals_system_missing"]),
        # … and an answer names nothing
        ("Написала на почту центра насчёт справки, ответили на следующий день.", []),
    ],
)
def test_an_unanswered_letter_to_the_email(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a wish that a service were given at home says it is not …
        ("Хотелось бы, чтобы ЛФК проводили на дому, маму из квартиры не вывезти.", ["remote_service_missing"]),
        ("Хорошо бы, чтобы занятия с дефектологом проводили на дому, сын не ходит.", ["remote_service_missing"]),
        # … and a service given at home names nothing
        ("ЛФК на дому проводят дважды в неделю, претензий нет.", []),
    ],
)
def test_a_wish_for_a_service_at_home(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a fault denied — no broken links, no delays, no interruptions, no failures — names nothing …
        ("Проверка 03.2026: страницы сайта открываются быстро, битых ссылок не обнаружено.", []),
        ("Сурдопереводчик работает по договору, перевод обеспечивается без задержек.", []),
        ("Питьевая вода в кулерах есть всегда, перебоев с поставкой бутылей не было.", []),
        ("Кнопка вызова персонала у входа работает без сбоев.", []),
        # … and a fault said is one
        ("На сайте битые ссылки в разделе «Документы».", ["site_faults"]),
    ],
)
def test_a_denied_fault_names_nothing(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


def test_four_to_a_room_in_words_is_crowded(engine: Engine) -> None:
    assert ids(engine, "В палатах живут по четыре человека.") == ["living_conditions_poor"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # rudeness denied is none …
        ("Санитарки в отделении милосердия не грубят, всегда помогут.", []),
        ("Медсёстры на проживающих никогда не кричат.", []),
        # … and rudeness said in another clause still is
        ("Санитарки хамят, а медсёстры не грубят.", ["courtesy_service_low"]),
    ],
)
def test_rudeness_denied_is_none(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a row pasted from a table: the indicator, then its value in the next cell …
        ("5.1\t79\tниже целевого", ["recommend_low"]),
        ("4.3\t81,5", ["courtesy_remote_low"]),
        # … at the floor names nothing, and a count of things is no value
        ("2.3\t96,4", []),
        ("1.1\t2 стенда", []),
        ("1.1 — 2 стенда", []),
        ("Показатель 1.1 — 46/46", []),  # items found out of those required: a count, not a value
        ("Итого по 1.1: 24 пункта из 24", []),
        ("4.1 — 87 балов", ["courtesy_first_contact_low"]),  # a value, whatever follows it
        ("5.3 — 0,71 при среднем по краю 0,95", ["overall_satisfaction_low"]),
        ("2.3\t71\tзона риска", ["comfort_satisfaction_low"]),
    ],
)
def test_a_table_row_gives_the_indicator_its_value(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a row saved with «;» between its cells: each indicator takes the value in the cell after it …
        ("3.3; 71,3; нет", ["accessibility_satisfaction_low"]),
        ("Пок.; Балл; Прим. — 4.2; 77; 5.2; 80", ["courtesy_service_low", "org_conditions_satisfaction_low"]),
        # … at the floor names nothing
        ("3.3; 98; замечаний нет", []),
    ],
)
def test_a_row_saved_with_semicolons_gives_each_indicator_its_value(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a checklist's minus typed as the minus sign (U+2212), not a hyphen, says the item is missing …
        ("Лицензия — стенд −, сайт +", ["license_missing"]),
        ("поручни у крыльца −", ["handrails_missing"]),
        ("отчёт о ФХД на стенде −", ["fhd_info_missing"]),
        # … and a plus after it that it is there
        ("e-mail на сайте −, телефон +", ["email_missing"]),
    ],
)
def test_a_minus_sign_is_a_missing_mark(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a means of contact is broken where any of its words is told so, not only where the hit's word stands
        ("пишу в центр уже неделю по адресу с сайта, письма возвращаются обратно", ["email_missing"]),
        ("звонили в отделение всё утро по номеру с сайта, трубку так никто и не снял", ["phone_missing"]),
        # … but not where the word is another hit's: the form is missing, the e-mail works
        ("e-mail — работает, электронная форма обращения — нет", ["electronic_form_missing"]),
    ],
)
def test_a_channel_is_broken_in_any_clause_that_tells_so(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the number asked told first, then how many answered so: a share all the same …
        ("из 30 опрошенных 29 удовлетворены питанием", []),
        ("из 60 опрошенных питанием довольны 58", []),
        ("из 60 опрошенных питанием довольны 41", ["food_quality_poor"]),
        ("из 50 опрошенных 12 недовольны графиком работы", ["work_schedule_inconvenient"]),
        # (the number asked in words keeps its counts: «39» is not masked as a number that says nothing)
        ("из сорока опрошенных 39 довольны питанием", []),
        # … and everyone asked ready to recommend is no one short of it
        ("Телефонный опрос: все 33 респондента готовы рекомендовать пансионат знакомым", []),
    ],
)
def test_counts_after_the_number_asked_are_shares(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # fewer workers than the norm, told after another clause, and one carer for a whole group
        "кружки закрыли, в отделении милосердия четыре сиделки вместо положенных семи",
        "на всю старшую группу одна воспитательница",
    ],
)
def test_fewer_workers_than_required_is_a_shortage(engine: Engine, text: str) -> None:
    assert ids(engine, text) == ["staffing_shortage"]


@pytest.mark.parametrize(
    "text",
    [
        # a remark withdrawn is a deficiency put right
        "по п. 2 замечание снято: питьевой кулер установлен в вестибюле",
        "замечание о тарифах снято, прайс размещён на стенде",
    ],
)
def test_a_remark_withdrawn_names_nothing(engine: Engine, text: str) -> None:
    assert ids(engine, text) == []


def test_an_answering_machine_on_the_phone_is_no_informer(engine: Engine) -> None:
    # the machine that answers a call is the phone's, not the duplication of sound for the deaf
    assert ids(engine, "номер приёмной с сайта не обслуживается: автоинформатор сообщает, что такого номера нет") == ["phone_missing"]


@pytest.mark.parametrize(
    "text",
    [
        # someone on the staff is there: a count of the staff or a specialist «в штате» names no shortage …
        "Сурдопереводчик в штате центра с 2025 года.",
        "В штате пансионата 64 работника, из них 30 санитарок.",
        # … and parents busy at work are no busy phone line
        "Приём юриста по четвергам до 19:00 введён для родителей, занятых на работе днём.",
    ],
)
def test_on_the_staff_and_busy_at_work_name_nothing(engine: Engine, text: str) -> None:
    assert ids(engine, text) == []


def test_a_busy_line_is_still_a_phone_fault(engine: Engine) -> None:
    assert ids(engine, "телефон отделения занят на протяжении всего рабочего дня") == ["phone_missing"]


def test_ours_set_against_another_further_on(engine: Engine) -> None:
    # «а у входа в наш центр …» sets ours against the neighbour as «а у нас» does: the neighbour's fault is not ours
    assert ids(engine, "в соседнем КЦСОН пандус без поручней, а у входа в наш центр поручни с двух сторон") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # mockery is rudeness, wherever it happens
        ("нянечка высмеивает малышей, когда те плачут", ["courtesy_service_low"]),
        ("охранник на входе высмеял мою маму", ["courtesy_first_contact_low"]),
    ],
)
def test_mockery_is_rudeness(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a barked word, an answer with irritation, a name refused: rudeness told by what was done
        ("администратор гаркнула «ждите» и ушла", ["courtesy_first_contact_low"]),
        ("в чате центра отвечают с раздражением", ["courtesy_remote_low"]),
        ("На ресепшене девушка отказалась представиться и отвернулась к компьютеру", ["courtesy_first_contact_low"]),
        ("сотрудники на входе всегда представляются и вежливо отвечают", []),
    ],
)
def test_rudeness_told_by_what_was_done(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


def test_a_heading_naming_the_unit_vetoes_nothing(engine: Engine) -> None:
    # «надомного обслуживания» names the unit the finding is about, not the home visits a pattern is kept from
    text = "Отделение социального обслуживания на дому: приём заявлений только по вторникам с 10 до 12"
    assert ids(engine, text) == ["work_schedule_inconvenient"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a specialist the centre has none of is a staffing shortage …
        ("логопеда нет с осени", ["staffing_shortage"]),
        # … a specialist without a certificate is training, not staffing
        ("у психологов нет удостоверений о повышении квалификации", ["staff_training_low"]),
    ],
)
def test_no_specialist_is_a_shortage(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a checklist row saved with «;»: the answer is the thing's
        ("Устав; +; Лицензия; +; Отчёт о ФХД; +", []),
        ("Кулер с питьевой водой; да; замечаний нет", []),
        ("Таблички на кабинетах; частично; только на первом этаже", ["navigation_missing"]),
        ("Положение о попечительском совете; отс.; раздел на сайте пустой", ["trustee_board_info_missing"]),
    ],
)
def test_a_checklist_row_answers_for_its_thing(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


def test_a_place_answer_is_the_place_of_the_thing(engine: Engine) -> None:
    # «стенд — нет» in the row of a document says where the document is missing, not that there is no stand
    recs = engine.recognize(engine.findings("Образец договора на соцобслуживание; сайт — да; стенд — нет"))
    assert [(r.deficiency, r.places) for r in recs] == [("contract_form_missing", ["stand"])]
    assert ids(engine, "Правила внутреннего распорядка: на сайте — нет, на стенде — нет") == ["internal_rules_missing"]


@pytest.mark.parametrize(
    "text",
    [
        # a share for another year only compares: the finding's own share is at the floor
        "Доброжелательностью специалистов при оказании услуг довольны 98 % (2024 — 86 %).",
        "Готовность рекомендовать центр знакомым — 96 %, в прошлом году было 81 %.",
        "Удовлетворённость питанием 97 % против 84 % годом ранее.",
    ],
)
def test_a_share_of_another_year_is_no_result(engine: Engine, text: str) -> None:
    assert ids(engine, text) == []


def test_the_own_share_is_the_value_beside_another_year() -> None:
    assert shares("довольны вежливостью 72 %, годом ранее 91 %") == [(21, 72.0)]
    # two years and no other share: both stay, the lowest is the weakest result
    assert [v for _, v in shares("в 2024 г. довольны 70 %, в 2025 г. — 88 %")] == [70.0, 88.0]


@pytest.mark.parametrize(
    "text",
    [
        # a thing fixed, told with the words of its former state: nothing is missing now
        "Ранее отсутствовавшая кнопка вызова персонала теперь установлена у входа.",
        "Информация о тарифах, ранее не размещавшаяся на сайте, размещена в марте.",
        "Лифт, неисправность которого отмечалась на прошлой проверке, отремонтирован.",
    ],
)
def test_a_fix_told_with_the_former_state_names_nothing(engine: Engine, text: str) -> None:
    assert ids(engine, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # no fix after the former state, or a partial one: the problem stays
        ("Ранее отсутствовавшая кнопка вызова персонала так и не установлена.", ["call_button_missing"]),
        ("Ранее отсутствовавший пандус установлен, но поручней у него нет.", ["handrails_missing"]),
    ],
)
def test_a_former_state_without_a_fix_stays(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # every share at the floor, and the other parts only name what was asked or compare: nothing to improve
        "Опрос о вежливости сотрудников регистратуры: 52 из 52 — довольны",
        "Питанием довольны 48 из 50 опрошенных проживающих — на уровне прошлого года.",
        "Организационными условиями удовлетворены 99 % получателей, это выше прошлогоднего.",
        # a count of people before «из», and «все … ответили, что довольны» with more words between
        "Рекомендовать пансионат знакомым готовы 57 опрошенных из 58.",
        "все 23 опрошенных родителя ответили, что комфортностью условий в центре довольны",
    ],
)
def test_a_survey_line_with_everyone_satisfied_names_nothing(engine: Engine, text: str) -> None:
    assert ids(engine, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a share below the floor stays a finding, whatever the line compares it with
        ("Рекомендовать пансионат знакомым готовы 40 опрошенных из 58.", ["recommend_low"]),
        ("Питанием довольны 61 % опрошенных — на уровне прошлого года.", ["food_quality_poor"]),
    ],
)
def test_a_survey_line_with_a_low_share_stays(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


def test_an_inspector_cut_reads_as_its_words(engine: Engine) -> None:
    tokens = engine.recognizer.tokens
    # before a dot a cut is its word, even one the dictionary knows («мед» is honey too) …
    assert "медицинский" in tokens("мед. кабинет закрыт").lemma_sets[0]
    assert "медицинский" not in tokens("мед к чаю дают по праздникам").lemma_sets[0]
    # … and one the dictionary does not know is its word anywhere, as operators type in a messenger
    assert "инвалид" in tokens("туалет для инв закрыт").lemma_sets[2]
    assert ids(engine, "Дог. о соц. обслуживании на руки получателям не выдают") == ["contract_copy_not_handed"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # «показатель» before the number of a row's indicator: the next cell is its value
        ("Пок. 5.1; 83; ниже целевого", ["recommend_low"]),
        ("Показатель 4.2; 96; замечаний нет", []),
    ],
)
def test_a_row_opened_by_the_word_indicator_gives_its_value(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, places",
    [
        # a thing there only in one place is missing in the other
        ("Положение о порядке подачи жалоб размещено только на сайте учреждения.", ["stand"]),
        ("Сведения о тарифах представлены лишь на информационном стенде", ["site"]),
        ("Положение о порядке подачи жалоб опубликовано на сайте; на стендах отделений отсутствует", ["stand"]),
    ],
)
def test_a_thing_only_in_one_place_is_missing_in_the_other(engine: Engine, text: str, places: list[str]) -> None:
    recs = engine.recognize(engine.findings(text))
    assert [r.places for r in recs] == [places]


@pytest.mark.parametrize(
    "text, expected",
    [
        # voice typing splits a word in two, one half no dictionary word: the halves make the catalog word
        ("у крыльца пан дуса нет совсем", ["ramp_missing"]),
        ("вход со двора, пан дус отсутствует, три ступени", ["ramp_missing"]),
        # two dictionary words stay apart: «в ходе» is no entrance
        ("в ходе осмотра здания замечаний не выявлено", []),
    ],
)
def test_a_word_split_by_voice_typing_reads_whole(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


def test_neither_nor_without_commas_names_each_item(engine: Engine) -> None:
    # «ни X ни Y» is typed without its comma: each item is its own, as «ни X, ни Y»
    assert ids(engine, "на крыльце ни пандуса ни кнопки вызова") == ["ramp_missing", "call_button_missing"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a mark before a bracket or a full stop is a mark: the plus says the thing is there
        ("Тактильная плитка — + (у входа и у лестницы); мнемосхема — +.", []),
        ("Кнопка вызова: + (у входа и в с/у); табло: + (в холле)", []),
        ("Табло бегущей строки − (не закуплено)", ["sound_visual_duplication_missing"]),
    ],
)
def test_a_mark_before_a_bracket_is_a_mark(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a value to compare with (an average, a threshold) is not the finding's own share
        ("Комфортностью условий довольны 97 %, выше среднего по краю (90 %).", []),
        ("Вежливостью по телефону довольны 96,5 %, что выше порогового значения", []),
        # the number asked, then all of them
        ("Из 45 опрошенных все 45 ответили, что готовы рекомендовать центр знакомым.", []),
        ("Вежливостью по телефону довольны 74 %, ниже среднего по краю (90 %).", ["courtesy_remote_low"]),
    ],
)
def test_a_value_to_compare_with_is_no_result(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the site and the stand as a checklist's items after a thing are the thing's places …
        ("Лицензия: сайт −, стенд −", [("license_missing", ["site", "stand"])]),
        ("Порядок подачи жалоб: сайт +, стенд −", [("complaint_procedure_missing", ["stand"])]),
        # … and with no thing before them, they are the things missing
        ("Стенд −, сайт −", [("site_missing", ["site"]), ("stand_missing", ["stand"])]),
    ],
)
def test_a_place_item_after_a_thing_is_its_place(engine: Engine, text: str, expected: list[tuple[str, list[str]]]) -> None:
    recs = engine.recognize(engine.findings(text))
    order = [d.id for d in engine.catalog.deficiencies]
    assert sorted(((r.deficiency, r.places) for r in recs), key=lambda x: order.index(x[0])) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the things after «только» are there; the thing missing is named elsewhere in the finding
        ("на стенде только устав и лицензия, тарифов нет", ["tariffs_missing"]),
        ("Структура — только ФИО директора, органов управления нет", ["structure_info_missing"]),
        # «только с одной стороны» says how much, and «только» alone names the thing it is about
        ("пандус только с одной стороны, поручней нет", ["handrails_missing"]),
        ("На стенде только лицензия.", ["license_missing"]),
    ],
)
def test_the_things_after_only_are_there(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a checklist item's code of three numbers is the item, not an indicator read from its tail
        ("2.1.3 Питьевая вода для посетителей — не обеспечена — 0 баллов", ["drinking_water_missing"]),
        ("3.2.4 Версия сайта для слабовидящих — нет — 0 баллов", ["low_vision_site_missing"]),
        ("Показатель 1.3 — 64 балла", ["info_satisfaction_low"]),
    ],
)
def test_a_three_number_code_is_no_indicator(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a share of what a checklist counts is no survey result
        ("Полнота сведений на стенде признана недостаточной (выполнено 55 % требований).", ["info_incomplete"]),
        ("Сведения на сайте неполные: размещено 12 из 20 позиций, на стенде 9 из 20", ["info_incomplete"]),
        ("Информацией на стенде удовлетворены 55 % опрошенных", ["info_satisfaction_low"]),
    ],
)
def test_a_share_of_checklist_items_is_no_survey(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # everyone asked is satisfied, told in other ways
        ("Из 85 опрошенных полнотой информации на стенде удовлетворены 85.", []),
        ("Из 52 опрошенных ни один не отметил трудностей с записью к специалистам.", []),
        ("Все 26 родителей, заполнивших анкету, довольны питанием детей.", []),
        ("Режимом работы центра довольны все, неудобств никто не указал", []),
        ("Советовать центр знакомым готовы 98 % опрошенных, что соответствует высокой оценке.", []),
        # … but not when some are left out, or fewer are satisfied than were asked
        ("Питанием довольны все, кроме проживающих на диете", ["food_quality_poor"]),
        ("Из 85 опрошенных полнотой информации на стенде удовлетворены 70.", ["info_satisfaction_low"]),
    ],
)
def test_everyone_satisfied_names_nothing(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the former state told after the thing, or in a clause of its own, beside the fix
        ("Кулер, отсутствовавший ранее, установлен в холле.", []),
        ("Сведения о тарифах, которых не было при прошлой проверке, теперь размещены на стенде.", []),
        ("Пандус, которого не было при прошлой проверке, так и не построен.", ["ramp_missing"]),
    ],
)
def test_a_fix_told_with_the_former_state_after_the_thing(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # «жалоб» as a complement of the thing denied is no «жалоб нет»
        ("Порядок подачи жалоб на сайте отсутствует.", ["complaint_procedure_missing"]),
        ("Лицензия и порядок подачи жалоб на стенде отсутствуют.", ["complaint_procedure_missing", "license_missing"]),
        ("Жалоб от проживающих не поступало.", []),
    ],
)
def test_complaints_as_a_complement_are_not_denied(engine: Engine, text: str, expected: list[str]) -> None:
    assert sorted(ids(engine, text)) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # «ни …, ни …» with no verb says the things are missing
        ("у отделения ни сайта, ни стенда", ["site_missing", "stand_missing"]),
        ("в отделении ни пандуса ни поручней", ["ramp_missing", "handrails_missing"]),
        # another organisation's problem, said not to be ours
        ("В соседнем районе у центра «Луч» пандуса нет, но к проверяемой организации это не относится.", []),
    ],
)
def test_neither_without_a_verb_and_another_organisation(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the site and the stand side by side after a thing are its places, whatever cell stands before them
        ("Пасп. дост.: разраб. —; сайт —; стенд —", [("accessibility_passport_missing", ["site", "stand"])]),
        ("Сведения о МТО — сайт: нет; стенд: нет", [("material_base_info_missing", ["site", "stand"])]),
    ],
)
def test_the_site_and_the_stand_side_by_side_are_places(engine: Engine, text: str, expected: list[tuple[str, list[str]]]) -> None:
    recs = engine.recognize(engine.findings(text))
    assert sorted((r.deficiency, r.places) for r in recs) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a full score after its word, and remarks denied with what they are about, name nothing
        ("Балл по критерию «Комфортность условий» — 100", []),
        ("Балл по критерию «Комфортность условий» — 64", ["comfort_satisfaction_low"]),
        ("Нарушений правил обработки персональных данных не выявлено.", []),
    ],
)
def test_a_full_score_and_remarks_denied_name_nothing(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a count of the thing and «no remarks» answer a checklist row: one finding
        ("Кнопка вызова; 1 шт.; нарушений не выявлено", []),
        ("Тактильные таблички; замечаний нет; Кнопка вызова; −", ["call_button_missing"]),
    ],
)
def test_a_count_and_no_remarks_answer_a_row(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a table exported with «|» between its cells: the indicator, its value in the next cell
        ("2.3 | 64 | ниже порога", ["comfort_satisfaction_low"]),
        ("Итог 4.3 | 58,5 из 100 | недостаток: да", ["courtesy_remote_low"]),
        ("5.1 итог | 71 | —", ["recommend_low"]),
    ],
)
def test_a_table_row_with_bars_gives_the_indicator_its_value(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a dash in the remark cell after a value is no remark, not a minus; after a thing it is still a minus
        ("5.1 | 99 | —", []),
        ("4.2; 98; —", []),
        ("Кнопка вызова; —", ["call_button_missing"]),
    ],
)
def test_an_empty_remark_cell_is_no_minus(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a score in a cell answers the checklist's row: the row stays one finding
        ("Сведения о тарифах — отсутствуют; балл по позиции — 0", ["tariffs_missing"]),
        ("Стоянка для машин инвалидов; 0 баллов; не обозначена, знака нет", ["disabled_parking_missing"]),
    ],
)
def test_a_score_cell_answers_a_row(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # «ведётся» says the book is there and in use; «не ведётся» that it is not used
        ("Книга отзывов и предложений в холле ведётся, ответы даются в течение недели.", []),
        ("Книга отзывов и предложений не ведётся.", ["complaint_box_missing"]),
    ],
)
def test_a_book_that_is_kept_is_there(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an indicator's value in points after the count it comes from is the indicator's own
        ("2.3: довольны 30 из 40 опрошенных — 75 баллов", ["comfort_satisfaction_low"]),
        ("5.1 — готовы рекомендовать 41 из 60, итог 68,3 балла", ["recommend_low"]),
    ],
)
def test_an_indicator_value_after_its_count(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a tick after an item says it is there, a cross that it is missing; a tick that opens a line is a bullet
        ("Пандус ✓, поручни ✗, табличка Брайля ✗", ["handrails_missing", "braille_missing"]),
        ("Лифт ✔; кнопка вызова ✘", ["call_button_missing"]),
        ("✓ Пандус у главного входа отсутствует", ["ramp_missing"]),
        # in a table of ones and zeros a one says the item is there
        ("3.2: сурдоперевод — 0, версия для слабовидящих — 1, Брайль — 0", ["braille_missing", "sign_interpreter_missing"]),
    ],
)
def test_ticks_crosses_and_ones_are_marks(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a fraction beside a count of a checklist's items is the items' share, not a survey's
        ("Персональный состав на сайте: 8 ФИО из 30, полнота 0,27", ["staff_info_missing"]),
        ("Сайт — 15 из 22 пунктов перечня, Исайт/Инорм = 0,68", ["info_incomplete"]),
        # a date is no ratio of places to people
        ("Свободных мест в стационаре — 7 на 1 сентября, сведения размещены на сайте и стенде", []),
    ],
)
def test_shares_of_items_and_dates_are_no_survey(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a line that opens by comparing tells of the other organisation it names
        ("Для сравнения: в соседнем интернате лифта до сих пор нет.", []),
        ("Например, в другом отделении кулера нет.", []),
        # unless it sets ours against it, or compares nothing
        ("Для сравнения: в соседнем интернате кулер есть, а у нас нет.", ["drinking_water_missing"]),
        ("Например, у главного входа нет пандуса.", ["ramp_missing"]),
    ],
)
def test_a_comparison_tells_of_the_other_organisation(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # «нету» is spoken «нет»
        ("кулера в холле нету", ["drinking_water_missing"]),
        ("на сайте телефона нету", ["phone_missing"]),
    ],
)
def test_spoken_nety_is_net(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a fix promised is one not made yet
        ("Кнопка вызова у входа будет установлена после ремонта крыльца", ["call_button_missing"]),
        ("Тарифы на платные услуги планируется разместить на сайте в марте", ["tariffs_missing"]),
        ("Благоустройство двора запланировано на 2027 год", ["territory_poor"]),
        ("Подъёмная платформа планируется к установке в 2027 году", ["ramp_missing"]),
        # what it waits for is when, not what is missing
        ("Информационный стенд в холле будет обновлён после утверждения тарифов", []),
        # a fix made, or a promise of no fix
        ("Пандус был установлен в прошлом году", []),
        ("Ответ заявителю будет дан в течение 30 дней", []),
    ],
)
def test_a_fix_promised_is_not_made_yet(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # «в целом» after organisational conditions is about them, not about the conditions overall
        ("Удовлетворённость режимом работы — 70 %, организационными условиями в целом — 78 %", ["org_conditions_satisfaction_low", "work_schedule_inconvenient"]),
        # a number after «вход» says which entrance, not how the thing is there
        ("Вход 2: пандус есть, поручни нет", ["handrails_missing"]),
        # «д/» is «для», «б/» is «без» («б/у» is used)
        ("Туалет д/инв. — нет", ["accessible_sanitary_missing"]),
        ("Крыльцо б/пандуса, 5 ступеней", ["ramp_missing"]),
        ("Кресло-коляска б/у, исправна", []),
        # an inspector's cuts of the catalog's words
        ("Таблички Брайля — нет; контраст. марк. ступ. — нет", ["tactile_guides_missing", "braille_missing"]),
    ],
)
def test_an_inspectors_notation(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # «проф. подг.» is professional training, not a profession missing from the staff
        ("Проф. подг. санитарок — нет", ["staff_training_low"]),
    ],
)
def test_professional_training_cut(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # «до сих пор нет» says the thing is still missing, not that what is there is old
        ("Почему на сайте до сих пор нет тарифов?", ["tariffs_missing"]),
        ("На сайте до сих пор указан прежний директор", ["info_outdated"]),
    ],
)
def test_still_missing_is_not_outdated(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a negation reaches the next word or one more: «не вежливый … грубо» holds no «не грубо»
        ("сотрудник не вежливый разговаривал грубо", ["courtesy_service_low"]),
        ("персонал не был груб", []),
    ],
)
def test_a_negation_reaches_the_next_word(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # «жалоба» as a complement of a box or a book tells no problem
        ("ящик для жалоб и предложений висит у входа, замок исправен", []),
        ("Отделение 3: стенд ✓, ящик жалоб ✓, книга отзывов ✓", []),
        ("поступают жалобы на качество питания", ["food_quality_poor"]),
    ],
)
def test_a_box_for_complaints_is_no_complaint(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a thing that is there but cannot be used: taped over, behind a cupboard, in a dark corner
        ("Кнопка вызова заклеена скотчем.", ["call_button_missing"]),
        ("Информационный стенд закрыт шкафом.", ["stand_unreadable"]),
        ("Стенд висит в тёмном углу.", ["stand_unreadable"]),
        ("Кнопка вызова установлена у входа", []),
    ],
)
def test_a_thing_blocked_from_use(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a thing taken away or switched off is missing or broken
        ("Поручни на лестнице сняты при ремонте", ["handrails_missing"]),
        ("Кнопка вызова у входа демонтирована", ["call_button_missing"]),
        ("Бегущая строка в холле выключена", ["sound_visual_duplication_missing"]),
        # remarks taken away are none
        ("Недостатки устранены, замечания сняты", []),
    ],
)
def test_a_thing_taken_away_or_switched_off(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a line of survey topics alone: each topic below the floor is its own deficiency
        ("Комфортность условий — 84 %, доступность — 73 %", ["comfort_satisfaction_low", "accessibility_satisfaction_low"]),
        ("Комфортность — 84 %, доступность — 97 %", ["comfort_satisfaction_low"]),
    ],
)
def test_a_line_of_survey_topics(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a recommendation to improve, strengthen or widen a thing says it falls short
        ("Укрепить материально-техническую базу", ["equipment_outdated"]),
        ("Улучшить качество питания", ["food_quality_poor"]),
        ("Материально-техническая база улучшена", []),
    ],
)
def test_a_call_to_improve_says_it_falls_short(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # mould is the rooms' sanitary state; repair comes with words of repair
        ("В душевой в углах плесень", ["sanitary_state_poor"]),
        ("в палате сырость и плесень на стенах, штукатурка отваливается", ["sanitary_state_poor", "premises_repair_needed"]),
        # and its absence is nothing wrong
        ("Плесени в помещениях не обнаружено", []),
    ],
)
def test_mould_is_a_sanitary_state(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a territory not fit for wheelchairs is access for the disabled, not the grounds' upkeep
        ("территория вокруг корпуса для колясок не приспособлена, дорожки в ямах", ["premises_access_not_adapted"]),
        ("двор для колясок приспособлен, дорожки ровные", []),
    ],
)
def test_a_territory_unfit_for_wheelchairs_is_access(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a relative named in the family's own words is a person cared for
        ("Деда не кормят, поднос ставят и уходят.", ["care_neglect"]),
    ],
)
def test_care_left_undone_for_a_grandfather(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a contract on the site or the stand is its form, named after another thing too
        ("на стенде нет ни лицензии, ни договора", ["license_missing", "contract_form_missing"]),
        ("на стенде нет договора о сотрудничестве с больницей", []),
    ],
)
def test_a_contract_on_the_stand_is_its_form(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a curator's word no labelled phrasing has yet: the model, blind to it, does not judge the hit it makes
        ("Водицы испить в холле негде", ["drinking_water_missing"]),
        # a board for notices is a stand
        ("В коридоре ни одной доски с объявлениями", ["stand_missing"]),
    ],
)
def test_a_word_the_model_has_never_seen_is_not_doubted_by_it(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # «только привезли» is «just now», not «only»; wanting for nothing is no denial of a thing
        ("Новые диваны в холл только привезли, они ещё в плёнке", []),
        ("Ни в чём нужды не знаем: кормят хорошо, в палатах чисто", []),
    ],
)
def test_words_that_only_look_like_a_problem(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a state told with the time it was found in, beside the fix, is the past of a fixed thing
        ("Подъёмная платформа, отсутствовавшая на момент прошлой оценки, смонтирована в мае", []),
        ("Кнопка вызова, не работавшая при НОК 2023 года, отремонтирована", []),
        ("Пандус, отсутствовавший на момент проверки, так и не установлен", ["ramp_missing"]),
        ("Пандус, отсутствовавший на момент проведения независимой оценки качества в 2022 году, смонтирован в мае", []),
        # a time that is no assessment tells no former state
        ("Работники, не получившие при приёме инструктаж по сопровождению инвалидов, допущены к работе", ["escort_staff_untrained"]),
    ],
)
def test_a_state_told_with_its_time_beside_a_fix_is_past(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # another region's numbering of the checklist: the words say which item is meant
        ("1.1.5 / тарифы на платные услуги: на сайте нет", ["tariffs_missing"]),
        ("п. 1.2.4 — телефон на сайте не указан", ["phone_missing"]),
        # the number alone still names its item; so does each number of a list, and one beside words of no item
        ("1.1.5 — сведения не размещены", ["recipients_count_missing"]),
        (
            "Не выполнены пункты 1.1.5 и 1.1.6, а на сайте нет тарифов",
            ["tariffs_missing", "recipients_count_missing", "vacancies_missing"],
        ),
        ("п. 1.1.5 не выполнен, информация на стенде устарела", ["info_outdated", "recipients_count_missing"]),
    ],
)
def test_a_checklist_number_yields_to_the_words(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a fix promised in a reply to a citizen: the thing is not there yet
        ("Сообщаем, что тактильные таблички будут изготовлены к июню", ["braille_missing"]),
        ("Работники вахты будут обучены сопровождению инвалидов до конца квартала", ["escort_staff_untrained"]),
        # the fix may stand a few words after «будут»
        ("Тактильные таблички будут после ремонта изготовлены", ["braille_missing"]),
        ("Будут после ремонта установлены поручни у пандуса", ["handrails_missing"]),
    ],
)
def test_a_fix_promised_in_a_reply_is_not_made_yet(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a checklist app's box or mark before its item: an empty box or a cross is the item missing, a tick is it there
        ("[ ] раздел «Часто задаваемые вопросы» на сайте", ["faq_missing"]),
        ("✗ кнопка вызова персонала у входа", ["call_button_missing"]),
        ("[x] информационный стенд в холле", []),
        # a mark before an item that tells its own state is a bullet
        ("✓ пандус у входа отсутствует", ["ramp_missing"]),
        # in a line that opens with a mark each mark opens its item
        ("[ ] пандус у входа; [x] кнопка вызова персонала", ["ramp_missing"]),
        ("✓ стоянка для инвалидов ✗ сменные кресла-коляски", ["wheelchairs_missing"]),
    ],
)
def test_a_checklist_apps_marks(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a row copied from a plan or an order's annex: when it was found, the deadline and who fixes it name nothing
        ("Нет кулера с питьевой водой в холле. Срок — до 01.03.2026", ["drinking_water_missing"]),
        ("На сайте нет раздела с тарифами на платные услуги; ответственный — программист Ким Л. В.; срок — 1 месяц", ["tariffs_missing"]),
        ("Стенд с правилами внутреннего распорядка отсутствует; разместить в 10-дневный срок", ["internal_rules_missing"]),
        ("Нет поручней на пандусе — выявлено при осмотре 02.04.2025; срок устранения: 30 дней", ["handrails_missing"]),
        # a deadline alone is no finding; a wait, a service out of time, a person not appointed and a measure not
        # done are
        ("Срок устранения: до 01.06.2026", []),
        ("Установить пандус до 01.09.2024 не удалось, пандуса у входа нет", ["ramp_missing"]),
        ("Путёвки в стационарное отделение: срок ожидания — 8 месяцев", ["service_delays"]),
        # a column ends at a new sentence, after a date or initials
        ("Нет пандуса. Установить до 01.09.2026. Нет кнопки вызова персонала", ["ramp_missing", "call_button_missing"]),
        ("Пандуса нет; ответственный — Петров И. И. Кнопка вызова не работает", ["ramp_missing", "call_button_missing"]),
        ("Срок ожидания консультации психолога — 40 дней", ["service_delays"]),
        ("Услуги на дому предоставляются не в установленный срок", ["service_delays"]),
        ("Ответственный за сопровождение инвалидов не назначен", ["escort_staff_untrained"]),
    ],
)
def test_a_plans_own_columns_name_no_deficiency(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a fix told with the earlier time the thing was missing: «которой в прошлом году не было», «о нехватке которых
        # говорили»
        ("Информация о тарифах, которой в прошлом году не было на стенде, теперь размещена", []),
        ("Сменные кресла-коляски, о нехватке которых говорили в прошлом году, закуплены", []),
        # … but not a thing still missing
        ("Пандуса, которого в прошлом году не было, нет и сейчас", ["ramp_missing"]),
    ],
)
def test_a_thing_missing_last_year_and_fixed_now(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # «придраться не к чему», «жаловаться не на что», «без сюрпризов» are praise, not a denial
        ("Итоги опроса без сюрпризов: рекомендовать готовы 97 %, в целом довольны 98 %. Придраться не к чему.", []),
        ("Жаловаться не на что: в целом условиями довольны 96 % опрошенных", []),
        # «нарушений нет» clears what it is said of, as «нарушения отсутствуют» does
        ("Конфиденциальность: личные дела хранятся в сейфе, нарушений нет", []),
        ("Пандус у входа есть, но нарушений много: уклон 1:8", ["ramp_missing"]),
        # a nuisance denied is praise: «запаха нет», «тараканов не обнаружено», «мусора на территории нет»
        ("В санузле чисто, мыло есть, запаха нет", []),
        ("Тараканов и грызунов при осмотре не обнаружено", []),
        ("Тараканов нет в жилых комнатах", []),
        ("В туалете стоит запах, мыла нет", ["sanitary_state_poor"]),
        # … and a «нет» before another noun denies that noun
        ("На территории мусор и нет скамеек", ["territory_poor"]),
        # a diary's date is no finding of its own
        ("14 мая. В зале ожидания нет ни одного стула, люди стоят в очереди", ["waiting_area_missing"]),
    ],
)
def test_praise_and_a_diarys_date_name_no_deficiency(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a report on last year's plan: the item's status is no state of the things that tell their own
        ("Выполнено частично: пандус у входа смонтирован, а поручни к нему не установлены", ["handrails_missing"]),
        ("Частично: кулер в холле поставили, но тактильные таблички не изготовлены", ["braille_missing"]),
        ("Частично: стенд с тарифами", ["tariffs_missing"]),
        # a measure quoted as done names no missing thing; quoted as not done it does
        ("Мероприятие «Разместить на сайте тарифы на платные услуги» выполнено", []),
        ("Мероприятие «Разместить на сайте тарифы на платные услуги» не выполнено", ["tariffs_missing"]),
        ("Мероприятие «Установить пандус у входа» выполнено частично", ["ramp_missing"]),
        ("Мероприятие «Установить кнопку вызова» выполнено формально, кнопка не работает", ["call_button_missing"]),
    ],
)
def test_a_report_on_last_years_plan(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a questionnaire's question after what is good answered yes names nothing; answered no, or asking after a
        # trouble, it names what it asks of
        ("Вопрос 4. Удовлетворены ли Вы информацией на стендах? — Да", []),
        ("Были ли случаи грубости со стороны персонала? — Да", ["courtesy_service_low"]),
        ("Есть ли у Вас жалобы на качество питания? — да", ["food_quality_poor"]),
        ("Удовлетворены ли Вы информацией на стендах? — Нет", ["info_satisfaction_low"]),
        ("Есть ли на сайте тарифы на платные услуги? — Нет", ["tariffs_missing"]),
        ("Вежливы ли работники? — Да, но тарифов на стенде нет", ["tariffs_missing"]),
    ],
)
def test_a_questionnaires_answers(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an operator's checklist rows: item; mark (1 — there, 0 — missing); remark
        ("3.1 п.2 стоянка для инвалидов; 1; замечаний нет", []),
        ("Пандус у входа; 1; Кнопка вызова персонала; 0", ["call_button_missing"]),
        ("Сменное кресло-коляска; 1", []),
        ("Сменное кресло-коляска; 0", ["wheelchairs_missing"]),
    ],
)
def test_a_checklist_rows_zeros_and_ones(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # praise in a resident's words: «плохого не скажу», «без вопросов»
        ("Про еду не скажу плохого, у нас нормально кормили, даже фрукты давали каждый день", []),
        ("кормят хорошо, мама довольна, добавку дают без вопросов", []),
        # a problem, however it is put
        ("в палатах проблема с отоплением", ["living_conditions_poor"]),
        ("Нет возможности решить проблему с отоплением в палатах", ["living_conditions_poor"]),
        ("Получатели не смеют жаловаться на холод в палатах", ["living_conditions_poor"]),
    ],
)
def test_praise_in_plain_words_names_nothing(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a wait told in minutes within the norm (15 minutes in the shipped catalog) is no delay
        ("Среднее время ожидания приёма у юриста — 6 минут, запись соблюдается", []),
        ("Приёма логопеда ждут не дольше 12 минут", []),
        ("Время ожидания консультации не превысило 15 минут", []),
        # longer, over the bound, a share of those asked below the floor, or a delay said elsewhere: a delay
        ("Время ожидания приёма превышает 15 минут", ["service_delays"]),
        ("к психологу ждали 40 минут", ["service_delays"]),
        ("80 % опрошенных ждали приёма не дольше 15 минут, остальные — дольше", ["service_delays"]),
        ("ожидание приёма до 10 минут, но соцработник опаздывает на час", ["service_delays"]),
        ("Время ожидания приёма не менее 15 минут", ["service_delays"]),
        ("Приёма специалиста ждать приходится 15 минут и более", ["service_delays"]),
        ("Приёма юриста ждали в течение 47 минут", ["service_delays"]),
        ("ждали по 10 минут каждый раз, а всего полдня", ["service_delays"]),
        ("Показатель 2.2 — 60 баллов, ожидание приёма не превышает 10 минут", ["service_delays"]),
        # a range within the norm
        ("Время ожидания приёма 10–15 минут", []),
        # no wait at all is no delay, and a part beside it keeps its own problem
        ("Ждать почти не пришлось.", []),
        ("Долго ждать не пришлось, приняли сразу", []),
        ("Приходится ждать по часу", ["service_delays"]),
        ("Ждать не надо, но регистратор грубит", ["courtesy_first_contact_low"]),
    ],
)
def test_a_wait_in_the_norm_is_no_delay(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # care left undone beside rudeness or too few staff: each is a deficiency of its own
        ("сиделки огрызаются, а лежачих в третьей палате с утра не переворачивали", ["courtesy_service_low", "care_neglect"]),
        ("нянечек на этаже не хватает, на звонок из палаты никто не идёт", ["staffing_shortage", "care_neglect"]),
        ("В отделении милосердия ночью не дозовёшься санитарку", ["care_neglect"]),
        # a bell at the door is the call button's, a telephone call the telephone's
        ("Звонок для маломобильных у крыльца проверен, дежурный вышел через две минуты", []),
        ("при контрольном звонке по номеру с сайта никто не ответил", ["phone_missing"]),
    ],
)
def test_care_left_undone_beside_rudeness_and_shortage(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # rudeness told twice, each time with its own place, names each place's deficiency
        ("Вахтёр грубит посетителям, а сиделки разговаривают с проживающими свысока",
         ["courtesy_first_contact_low", "courtesy_service_low"]),
        ("на телефоне грубят, в кабинете логопед тоже разговаривает свысока", ["courtesy_service_low", "courtesy_remote_low"]),
        # told once, by the phone, or more of what the same people do there: the phone's only
        ("позвонила в центр узнать про путёвку — нагрубили", ["courtesy_remote_low"]),
        ("Операторы колл-центра грубят, не представляются, бросают трубку", ["courtesy_remote_low"]),
        ("При звонке по телефону регистратор грубит, разговаривает с родственниками свысока", ["courtesy_remote_low"]),
        ("Поездка в театр сорвалась на прошлой неделе из-за отсутствия автобуса", []),
        # what rudeness is called in plain words
        ("соцработница отчитывает бабушку за немытую посуду", ["courtesy_service_low"]),
        ("воспитатели с детьми разговаривают на повышенных тонах", ["courtesy_service_low"]),
    ],
)
def test_rudeness_told_in_each_place(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a remark told as removed names nothing, whatever it was about
        ("Замечание прошлой оценки (нет версии для слабовидящих) устранено: версия работает с мая.", []),
        ("Нарушения — отсутствие поручней и кнопки вызова — устранены, что подтвердила повторная проверка", []),
        ("Недостаток, отмеченный при прошлой оценке (нет поручней на крыльце), устранён.", []),
        # not removed, or removed in part: still a deficiency
        ("Замечание по отсутствию поручней так и не устранено", ["handrails_missing"]),
        ("Нарушения устранены частично: кнопки вызова у входа по-прежнему нет", ["call_button_missing"]),
        ("Замечание по поручням снято, а кнопки вызова у входа по-прежнему нет", ["call_button_missing"]),
        ("Нарушение — отсутствие поручней у входа — будет устранено в третьем квартале", ["handrails_missing"]),
        ("Недостаток (нет кнопки вызова у входа) невозможно устранить без ремонта крыльца", ["call_button_missing"]),
        # «снят», «закрыт» of a thing, not of a remark
        ("Нарушение: санузел для инвалидов закрыт на ключ", ["accessible_sanitary_missing"]),
        ("Выявлено нарушение: поручни на лестнице сняты при ремонте и не возвращены", ["handrails_missing"]),
    ],
)
def test_a_remark_told_as_removed_names_nothing(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # one «нет» for a list of things: each item names its own deficiency, whatever the other item is
        ("у кабинета логопеда нет кулера и стульев", ["waiting_area_missing", "drinking_water_missing"]),
        ("в коридоре нет стульев и указателей", ["waiting_area_missing", "navigation_missing"]),
        ("на входе нет пандуса и кнопки вызова", ["ramp_missing", "call_button_missing"]),
        ("в холле нет стульев и исправного кулера", ["waiting_area_missing", "drinking_water_missing"]),
        # one thing and what it lacks, or a list that is not denied: no list of missing things
        ("в холле нет кулера", ["drinking_water_missing"]),
        ("в холле нет кулера, стульев достаточно", ["drinking_water_missing"]),
        ("в холле есть кулер и стулья, но не хватает стаканов", ["drinking_water_missing"]),
        ("нет кулера и стаканчиков", ["drinking_water_missing"]),
    ],
)
def test_each_item_of_a_denied_list(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a bracket after a survey's topic tells what the topic is made of, not what else is wrong
        ("Организационными условиями (порядок записи, расписание специалистов) довольны 72 % родителей",
         ["org_conditions_satisfaction_low"]),
        ("Комфортностью условий (чистота, температура в помещениях) удовлетворены 88 % получателей", ["comfort_satisfaction_low"]),
        # a problem told outside the bracket is its own
        ("организационными условиями недовольны 30 %, график работы неудобный",
         ["org_conditions_satisfaction_low", "work_schedule_inconvenient"]),
    ],
)
def test_a_survey_topic_with_its_parts_in_brackets(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # fewer people than the staff list, in a clerk's words
        ("в отделении милосердия недобор санитарок", ["staffing_shortage"]),
        ("ставки санитарок урезали вдвое", ["staffing_shortage"]),
        # a shortfall of something else
        ("недобор баллов по показателю 3.2 у специалистов", []),
    ],
)
def test_staff_fewer_than_the_list(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # where a stand hangs can make it unreadable as surely as small print
        ("стенд висит за турникетом", ["stand_unreadable"]),
        ("информационный стенд повешен под самым потолком", ["stand_unreadable"]),
        ("стенд находится в затемнённом коридоре", ["stand_unreadable"]),
        # moved from there: nothing wrong now
        ("стенд перенесли из-за турникета в холл, теперь его видно", []),
    ],
)
def test_a_stand_hung_where_nobody_reads_it(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a past year on what a site or a stand shows says it is stale
        ("на стенде у кассы прейскурант 2018 года", ["info_outdated"]),
        ("положение о порядке приёма на сайте в редакции 2016 г.", ["info_outdated"]),
        ("на стенде висит список специалистов за позапрошлый год", ["info_outdated"]),
        ("на сайте новости 2022 года", ["info_outdated"]),
        ("стенд в холле есть, но сведения на нём за 2020 год", ["info_outdated"]),
        # a year of its own (a plan's, an assessment's, an event's, a date's), an age, a thing done
        ("тарифы на 2026 год размещены на сайте", []),
        ("на сайте тарифы на 2026 год", []),
        ("результаты НОК 2024 года размещены на сайте", []),
        ("на стенде объявление о дне открытых дверей 15 мая 2025 г.", []),
        ("сайт работает с 2015 года, информация на нём полная", []),
        ("бабушка, 83 года: «на стенде всё понятно, написано крупно»", []),
    ],
)
def test_information_dated_by_a_past_year(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the site says one thing, the stand another
        ("на стенде часы приёма юриста одни, на сайте другие", ["info_outdated"]),
        ("телефон дежурного на сайте и на стенде разный", ["info_outdated"]),
        ("сведения на стенде совпадают с сайтом, сверка 12.03.2026", []),
        # other ways, other sections: nothing compared
        ("информация размещается на сайте, на стенде и другими способами", []),
        ("на сайте и стенде материалы размещены в разных разделах", []),
    ],
)
def test_site_and_stand_that_disagree(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


def test_a_problem_weighed_at_its_own_place_is_not_judged_by_the_others(engine: Engine) -> None:
    # the model, weighing «хамит» at its place, once saw the line's «опаздывает» and «не хватает» there too
    text = "соцработник опаздывает, хамит, ставок не хватает"
    never_seen = Engine(engine.catalog.model_copy(update={"phrasings": [p for p in engine.catalog.phrasings if p.text != text]}))
    assert set(ids(never_seen, text)) == {"service_delays", "courtesy_service_low", "staffing_shortage"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # the building not adapted (3.1) and services not on equal terms (3.2): two indicators, two deficiencies
        ("Корпус для инвалидов не приспособлен, условия для получения ими услуг наравне с другими не созданы.",
         ["premises_access_not_adapted", "equal_access_conditions_missing"]),
        ("доступная среда в отделении не создана, условий для получения услуг инвалидами наравне с другими нет",
         ["premises_access_not_adapted", "equal_access_conditions_missing"]),
    ],
)
def test_premises_and_equal_terms_are_two_indicators(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a wait that does not exceed its limit is no delay
        ("ожидание приёма у юриста не превышает установленного срока", []),
        ("ожидание приёма у юриста превышает установленный срок", ["service_delays"]),
        # a service nobody brings home, told after the place
        ("соцтакси в районе нет, и на дому инвалидов не обслуживают", ["remote_service_missing", "disabled_transport_missing"]),
        ("Спецтранспорта нет, на дому услуги центр не оказывает.", ["remote_service_missing", "disabled_transport_missing"]),
        # a tick that opens a line is a bullet when the other mark closes its item
        ("✔ пандус ✗", ["ramp_missing"]),
    ],
)
def test_waits_within_limits_and_services_not_brought_home(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


def test_premises_not_adapted_for_hearing_are_its_items(engine: Engine) -> None:
    # the hearing items name what is missing; the general 3.1 adds nothing to them
    text = "объект не адаптирован для инвалидов по слуху: нет сурдопереводчика, нет бегущей строки"
    assert set(ids(engine, text)) == {"sign_interpreter_missing", "sound_visual_duplication_missing"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a checklist's «да» for the site and the stand, or with what is there in brackets
        ("1.1.09 тарифы на услуги — да/да", []),
        ("2.1.05 питьевая вода — да (кулер в холле)", []),
        ("2.1.05 питьевая вода — нет (кулер убрали)", ["drinking_water_missing"]),
        # a bracket that takes some of it back
        ("2.1.07 запись на услугу — да (только лично)", ["appointment_booking_unavailable"]),
        # a remark denied with a clause that hangs on its thing between them
        ("Жалоб на уборку, которую проводит клининговая компания, не поступало", []),
        ("Жалоб на работу сурдопереводчика, постоянно приглашаемого по договору, не поступало", []),
        # the denial is the attached clause's own: the thing is missing
        ("Получатели высказали нарекания на пандус, который отсутствует", ["ramp_missing"]),
        # a heading, then «no remarks» after its colon or dash
        ("Показатели доброжелательности, вежливости, компетентности работников: замечаний нет", []),
        ("Показатели доступности услуг для инвалидов: замечаний нет", []),
        ("Комфортность условий предоставления услуг — нарушений не выявлено", []),
        ("Доступность для инвалидов: пандуса нет", ["ramp_missing"]),
    ],
)
def test_checklist_yes_and_remarks_denied_say_nothing_is_wrong(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # what is postponed or still on its way is not there yet
        ("Установка кнопки вызова персонала перенесена на 2027 год", ["call_button_missing"]),
        ("Расширение дверного проёма в санузел перенесено на следующий год", ["doorways_narrow"]),
        # a delivery on a schedule is no postponement
        ("Поставка овощей ожидается по понедельникам", []),
        ("в стадии согласования: договор на услуги сурдопереводчика", ["sign_interpreter_missing"]),
        # a room moved to another floor is no postponement
        ("Кабинет логопеда перенесли на 2 этаж в прошлом году", []),
    ],
)
def test_what_is_postponed_is_still_missing(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an indicator, then the share it comes to after its count
        ("Итого по 3.3: удовлетворены 40 человек из 61 (65,6 %)", ["accessibility_satisfaction_low"]),
        ("по 1.3 довольны 98,2 %", []),
        # a share of the dissatisfied or a change is no value of the indicator
        ("По 4.1 неудовлетворённых 2 %", []),
        ("Значение 1.3 увеличилось на 5 % к прошлому году", []),
        # everyone asked is satisfied, whoever they are
        ("Питанием довольны все 52 опрошенных проживающих", []),
        ("опрос провели, 38 анкет, все довольны", []),
        # a fence in good order, and one knocked down
        ("Территория благоустроена: освещение, ограждение по периметру, лавочки", []),
        ("забор вокруг территории повален", ["territory_poor"]),
        ("Утром повалил снег, дворник сразу расчистил дорожки во дворе", []),
    ],
)
def test_shares_after_an_indicator_and_the_grounds_in_order(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # care nobody gives: left alone at night, nobody coming for half an hour
        ("Лежачих на ночь оставляют одних, пост пустует", ["care_neglect"]),
        ("попросит судно — санитарка не идёт по полчаса", ["care_neglect"]),
        # a room left with one resident is no neglect
        ("В палате осталась одна проживающая, остальных перевели в новый корпус", []),
        # rudeness that was not there
        ("персонал не был груб", []),
    ],
)
def test_care_nobody_gives_and_rudeness_denied(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the methodology's names of the indicators' values, with their dots or without
        ("Пперв.контуд = 74,2; Показ.услугуд = 96", ["courtesy_first_contact_low"]),
        ("Пвежлдистуд — 71,4", ["courtesy_remote_low"]),
        ("Итоговые значения: Преком — 64, Пуд — 97,5", ["recommend_low"]),
        ("Порг.услуд = 99", []),  # (a guard: met values give nothing)
        ("Пперв. контуд — 60", ["courtesy_first_contact_low"]),
    ],
)
def test_the_names_of_indicator_values(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a message sent by mail or through the site's form that nobody answered
        ("На e-mail центра отправили запрос о путёвке, ответ не получен.", ["appeals_system_missing"]),  # (a guard)
        ("на эл. почту писала дважды, ответа так и нет", ["appeals_system_missing"]),
        ("Запрос через форму обратной связи от 4 марта остался без ответа", ["appeals_system_missing"]),
        # an answer that came, and came rudely, is the remote courtesy (a guard of the veto on the new objects)
        ("Ответ через электронную приёмную пришёл хамский, с упрёками", ["courtesy_remote_low"]),
        # a letter the institution sent elsewhere is no citizen's appeal
        ("Отправили письмо в Минтруд о финансировании ремонта, ответа нет", ["premises_repair_needed"]),
    ],
)
def test_messages_nobody_answered(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a check of the stand against the site that found nothing apart
        ("Сведения на стенде и сайте сверены 2 марта, расхождений нет.", []),
        ("Сверку провели в апреле, несоответствий не выявлено", []),  # (a guard)
        ("Расхождений не обнаружено", []),
        ("На стенде и сайте есть расхождения в режиме работы", ["info_outdated"]),  # (a guard)
    ],
)
def test_a_check_that_found_nothing_apart(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # what is wrong is the handrails' or the button's; the ramp only says where they are
        ("Вдоль пандуса у запасного выхода поручни не установлены", ["handrails_missing"]),
        ("Кнопка вызова у пандуса не работает", ["call_button_missing"]),  # (a guard)
        # a list before its predicate: each thing is missing (a guard)
        ("Пандус, поручни, кнопка вызова отсутствуют", ["ramp_missing", "handrails_missing", "call_button_missing"]),
        # a thing named again with a problem of its own
        ("Возле лифта нет кнопки вызова персонала, лифт не озвучивает этажи", ["lifts_not_adapted", "call_button_missing"]),
        ("Вдоль пандуса нет поручней, и сам пандус в трещинах", ["ramp_missing", "handrails_missing"]),
    ],
)
def test_a_thing_that_only_tells_where(engine: Engine, text: str, expected: list[str]) -> None:
    assert sorted(ids(engine, text)) == sorted(expected)



@pytest.mark.parametrize(
    "text, expected",
    [
        # an indicator with a long title in brackets before its value
        ("Показатель 4.3 (вежливость работников при дистанционных формах) — 68 %, показатель 4.1 — 100 %", ["courtesy_remote_low"]),
        # a row of indicators apart by slashes: «80,5 / 4.2» is no fraction
        ("4.1 — 80,5 / 4.2 — 99", ["courtesy_first_contact_low"]),
        # a list of indicators and a list of values, each with its unit
        ("Доброжелательность по показателям 4.1, 4.2 и 4.3 — 97 %, 85 % и 98 % соответственно", ["courtesy_service_low"]),
        ("Показатели 4.1, 4.2 и 4.3 — 98 баллов, 97 баллов и 70 баллов", ["courtesy_remote_low"]),
        # the words that name what an indicator is of do not make its met value low (a guard)
        ("Вежливость при оказании услуг (показатель 4.2) — 98 %, при первичном контакте (4.1) — 81 %", ["courtesy_first_contact_low"]),
    ],
)
def test_indicator_values_in_any_shape(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a fix asked for by bidding or by a wish says the thing is missing, broken or not where it should be
        ("Почините, пожалуйста, кнопку вызова у входа", ["call_button_missing"]),
        ("Поручни бы сделали в коридоре", ["handrails_missing"]),
        ("Стенд бы повесили пониже", ["stand_unreadable"]),
        ("Поставьте в холле хоть пару стульев", ["waiting_area_missing"]),  # (a guard)
        ("Хотим, чтобы повесили таблички на кабинеты", ["navigation_missing"]),  # (a guard)
        # the same verbs told as done say the things are there (guards): a «б» or «чтоб» near is no wish
        ("Поручни в коридоре сделали, таблички повесили", []),
        ("Корпус Б: повесили поручни", []),
        ("Поручни поставили, чтоб бабушки держались", []),
        # «поставить в известность» asks for no thing (a guard)
        ("Необходимо поставить в известность получателей об изменении тарифов", []),
    ],
)
def test_a_fix_asked_for(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


def test_a_fix_asked_for_is_of_its_own_things(engine: Engine) -> None:
    # the food is named in a clause that tells when, not asked for
    found = ids(engine, "Повесили бы где-то распорядок дня, чтоб родные знали, когда можно приносить еду")
    assert "food_quality_poor" not in found


@pytest.mark.parametrize(
    "text, expected",
    [
        # a complaint checked and not confirmed names no deficiency, whatever it was about
        ("Жалоба на холод в жилых комнатах проверена и не подтвердилась", []),
        ("Обращение гр. П. от 03.04 не подтвердилось: пандус и поручни на месте", []),
        ("Факты, изложенные в обращении о грубости сиделки, не подтвердились", []),  # (a guard)
        # a thing whose presence is not confirmed is missing (guards)
        ("Наличие пандуса при проверке не подтвердилось", ["ramp_missing"]),
        ("Наличие договора с сурдопереводчиком не подтверждено", ["sign_interpreter_missing"]),
        # what the rest of the line finds stays (a guard)
        ("Жалоба на грубость вахтёра не подтвердилась, но на стенде нет тарифов", ["tariffs_missing"]),
    ],
)
def test_a_complaint_not_confirmed(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # sharpness and snapping at people are rudeness
        ("Отмечается резкость в общении персонала с получателями", ["courtesy_service_low"]),
        ("Вахтёр шикнул на посетителя", ["courtesy_first_contact_low"]),
    ],
)
def test_sharp_words(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


def test_a_resident_who_grumbles_is_no_rude_worker(engine: Engine) -> None:
    assert "courtesy_service_low" not in ids(engine, "Дедушка ворчит, что суп холодный")


@pytest.mark.parametrize(
    "text, expected",
    [
        # an inspector's order told carried out names no deficiency, whatever it was about
        ("Предписание Роспотребнадзора от 03.02.2024 № 12 в части ремонта душевой выполнено, душевая отремонтирована", []),
        # an order carried out in part keeps what is still missing (a guard)
        ("Предписание в части поручней выполнено частично: поручни есть только на первом этаже", ["handrails_missing"]),
    ],
)
def test_an_order_carried_out(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the words of indicator 5.1's own title are no need of the institution: the share decides
        ("Доля готовых рекомендовать учреждение знакомым, нуждающимся в социальном обслуживании, — 98 процентов", []),
        ("Доля готовых рекомендовать учреждение знакомым, нуждающимся в социальном обслуживании, — 88 процентов", ["recommend_low"]),
        # «грех жаловаться» is praise; what the rest of the line finds stays (a guard)
        ("— Довольны ли вы питанием? — Да, жаловаться грех.", []),
        ("Грех жаловаться, но в столовой нет питьевой воды", ["drinking_water_missing"]),
    ],
)
def test_set_phrases_that_tell_nothing_wrong(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # «N из M» read as a share where the sentence or clause ends right after it
        ("Рекомендовать центр знакомым готовы 57 из 60.", []),
        ("Рекомендовать центр знакомым готовы 41 из 60.", ["recommend_low"]),
    ],
)
def test_a_count_of_those_asked_at_the_end_of_a_sentence(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


def test_a_count_of_those_asked_before_a_comma_is_its_value() -> None:
    assert shares("Довольны питанием 12 из 40, остальные жалуются на однообразие") == [(18, 30.0)]  # «12 из 40» opens at character 18


@pytest.mark.parametrize(
    "text, expected",
    [
        # the aspect asked about («ожидание») is no problem when those asked are satisfied with it at the floor
        ("Временем ожидания приёма довольны 98 % опрошенных.", []),
        ("Очередностью записи к специалистам довольны все 40 опрошенных", []),
        # below the floor, or said of the dissatisfied, it is (guards)
        ("Временем ожидания приёма довольны 78 % опрошенных.", ["service_delays"]),
        ("98 % опрошенных жалуются на очереди к специалистам", ["service_delays"]),
    ],
)
def test_satisfied_with_the_wait(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # violations denied, with what they were about between, after a word that leads them
        ("Случаев нарушения конфиденциальности сведений о проживающих не установлено.", []),
        ("В ходе проверки нарушений сроков предоставления услуг не выявлено", []),
        ("Нарушений в части размещения сведений о тарифах не выявлено", []),
        # a violation found, or a denial of the thing itself, stays (guards)
        ("Случаи нарушения конфиденциальности зафиксированы: личные дела лежат на столе", ["confidentiality_breach"]),
        ("Порядок подачи жалоб на действия работников на стенде отсутствует", ["complaint_procedure_missing"]),
    ],
)
def test_violations_denied_after_a_lead(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # «без выходных», «без перерыва» widen a schedule
        ("Приём граждан ведётся без перерыва на обед, с 8 до 18", []),
        ("Отделение открыто без выходных", []),
        # a short day beside them is still a short day (a guard)
        ("Отделение работает без выходных, но только до 15:00, после работы не успеть", ["work_schedule_inconvenient"]),
    ],
)
def test_a_wide_schedule(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a questionnaire's answers by their counts are a share of «да», and its «нет» denies nothing
        ("Удовлетворены ли Вы качеством питания? Да — 112, нет — 2.", []),
        ("Питание в отделении: да: 112; нет: 2", []),
        ("Устраивает ли Вас график посещений? «Нет» — 1 из 40.", []),
        ("Готовы ли Вы рекомендовать центр знакомым? Да — 40 человек, нет — 20 человек", ["recommend_low"]),
        ("Устраивает ли Вас график посещений? «Нет» ответили 14 из 40 родственников.", ["visiting_schedule_inconvenient"]),
    ],
)
def test_answers_counted_in_a_questionnaire(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


def test_answer_counts_read_as_the_share_of_yes() -> None:
    assert answers_as_shares("Питание: да — 143, нет — 19.") == "Питание: 88,3 %."
    assert answers_as_shares("«Нет» — 3 из 60") == "95,0 %"
    # a count of one thing, not of answers, stays as written (a guard)
    assert answers_as_shares("пандуса нет — 2 входа") == "пандуса нет — 2 входа"
    # whose answers they are stays with the share: the word tells relatives' visits from a social worker's
    assert answers_as_shares("«Нет» ответили 9 из 30 родственников.") == "70,0 % родственников."
    assert answers_as_shares("нет — 6 опрошенных из 24") == "75,0 % опрошенных"


def test_answers_of_any_wording_read_as_the_share_of_the_satisfied() -> None:
    assert answers_as_shares("«да» 31, «частично» 9, «нет» 4.") == "70,5 %."
    assert answers_as_shares("«всегда» — 12, «не всегда» — 20, «никогда» — 3") == "34,3 %"
    assert answers_as_shares("«полностью» 41 %, «скорее да» 37 %, «нет» 22 %") == "78,0 %"
    assert answers_as_shares("«Удобно ли вам?» — 18 из 25 ответили «да».") == "«Удобно ли вам?» — 72,0 %."
    # one kind of answer, or counts mixed with shares, give no share (guards)
    assert answers_as_shares("«да» 12, «да» 7") == "«да» 12, «да» 7"
    assert answers_as_shares("«да» 61 %, «нет» 19") == "«да» 61 %, «нет» 19"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Доступна ли вам информация о работе центра? «да» 31, «частично» 9, «нет» 4", ["info_satisfaction_low"]),
        ("«Довольны ли вы комфортностью условий?» — «да» 153, «нет» 1, «затрудняюсь» 2", []),  # 98 %
        ("Комфортно ли вам в отделении? 18 из 25 ответили «да»", ["comfort_satisfaction_low"]),
    ],
)
def test_answers_of_any_wording_in_a_questionnaire(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a survey indicator's count of the satisfied out of those asked is its value
        ("4.3 — 74 из 81 (91,4 %)", ["courtesy_remote_low"]),
        ("2.3: удовл. 112 чел. из 140", ["comfort_satisfaction_low"]),
        ("4.2 | удовлетворены 147 / 160", ["courtesy_service_low"]),
        ("5.1 — 96 из 120", ["recommend_low"]),
        ("5.1 — 98 из 100", []),
        # a checklist's count of items is no share, and a count of those asked says nothing (guards)
        ("2.1: 5 условий из 7", []),
        ("5.1: опрошено 57 из 60", []),
        # an arrow joins an indicator and its value
        ("4.2 → 0,88", ["courtesy_service_low"]),
        ("показатель 5.2 => 99", []),
    ],
)
def test_a_survey_indicator_given_its_count_of_the_satisfied(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an indicator's row with its official title in a cell: the value is the indicator's own
        (
            "4.1 Доля получателей услуг, удовлетворённых доброжелательностью, вежливостью работников, обеспечивающих первичный "
            "контакт и информирование получателя услуги; 79,0; —",
            ["courtesy_first_contact_low"],
        ),
        # a checklist item's row: its mark is the item's, not the indicator's value (a guard)
        ("3.1 | Наличие сменного кресла-коляски для посетителей | 0 | нет ни одной", ["wheelchairs_missing"]),
        ("2.3 | Доля получателей, удовлетворённых комфортностью условий | 71 | ниже порога", ["comfort_satisfaction_low"]),
        # a row's value or share at the floor names nothing
        (
            "4.1 Доля получателей услуг, удовлетворённых доброжелательностью, вежливостью работников, обеспечивающих первичный "
            "контакт и информирование получателя услуги; 99,0; —",
            [],
        ),
        ("Доля получателей, удовлетворённых комфортностью условий; 100 %; —", []),
    ],
)
def test_an_indicators_row_with_its_title(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # rudeness at the entrance and on the phone, each in its own clause: the phone is the other clause's, not a
        # word that takes the entrance's rudeness back
        ("Администратор на входе нахамил, а оператор по телефону бросил трубку", ["courtesy_first_contact_low", "courtesy_remote_low"]),
        # the entrance said to be polite stays so (a guard)
        ("Охранник у входа вежливый, а дежурная по телефону бросила трубку", ["courtesy_remote_low"]),
    ],
)
def test_rudeness_told_of_two_places(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the first clause names the registry and its rudeness, the second says «the same» of the phone: both places
        ("в регистратуре хамят, по телефону тоже", ["courtesy_first_contact_low", "courtesy_remote_low"]),
        ("в справочной нагрубили, в переписке то же самое", ["courtesy_first_contact_low", "courtesy_remote_low"]),
        # the pattern's first reading took «раздражённый» from the phone's clause; the cloakroom's clause has its own
        ("гардеробщица грубит, на горячей линии раздражённый тон", ["courtesy_first_contact_low", "courtesy_remote_low"]),
        # the phone tells when the rudeness is, in a clause with no problem of its own: only remote (guards)
        ("администратор грубит, когда звонишь по телефону", ["courtesy_remote_low"]),
        ("в регистратуре грубят по телефону", ["courtesy_remote_low"]),
    ],
)
def test_rudeness_said_again_of_another_place(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the topic told once, then whom: the registry's share is 4.1, the other staff's 4.2 (without a colon, the
        # topic is the first item's words up to whom it names)
        ("Удовлетворены вежливостью персонала регистратуры 87 %, работников отделений — 76 %",
         ["courtesy_first_contact_low", "courtesy_service_low"]),
        ("Довольны доброжелательностью охраны 84 %, воспитателей — 90 %", ["courtesy_first_contact_low", "courtesy_service_low"]),
        # the topic's word told again in the second item is no word of the phone's
        ("вежливостью по телефону довольны 72 %, вежливостью нянечек — 84 %", ["courtesy_service_low", "courtesy_remote_low"]),
        # an item cut by commas of its own joins the share after it
        ("Вежливость: при входе — 89 %, специалисты, которые ведут занятия, — 90 %, по телефону — 80 %",
         ["courtesy_first_contact_low", "courtesy_service_low", "courtesy_remote_low"]),
        # the other staff at the floor name nothing (a guard)
        ("Удовлетворены вежливостью персонала регистратуры 87 %, работников отделений — 98 %", ["courtesy_first_contact_low"]),
        # an aspect with its own share rests on it, which the model does not see: it does not judge it
        ("питанием довольны 96 %, но каши холодные, мебелью — 71 %", ["food_quality_poor", "furniture_worn"]),
    ],
)
def test_aspects_read_under_the_lines_topic(engine: Engine, text: str, expected: list[str]) -> None:
    assert ids(engine, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a share with no unit after its aspect: below the floor it names the aspect, at the floor nothing
        ("Доля удовлетворённых доступностью — 71", {"accessibility_satisfaction_low"}),
        ("Удовлетворённость организационными условиями — девяносто семь", set()),
        ("удовлетворённость питанием — 0,81, досугом — 0,97", {"food_quality_poor"}),
        ("удовлетворённость вежливостью вахтёров — 0,86, санитарок — 0,78", {"courtesy_first_contact_low", "courtesy_service_low"}),
    ],
)
def test_a_bare_number_after_a_surveyed_aspect_is_its_share(engine: Engine, text: str, expected: set[str]) -> None:
    assert set(ids(engine, text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # «сесть негде» says its own state: an item of the list beside the cooler's and the signs'
        ("кулер не работает, сесть негде, указателей к кабинетам нет",
         {"waiting_area_missing", "navigation_missing", "drinking_water_missing"}),
        ("кулера нет, туалет закрыт на ключ, сидеть негде",
         {"waiting_area_missing", "drinking_water_missing", "sanitary_rooms_unavailable"}),
        # a chair of a ward is the living room's furniture
        ("в палате сломался стул, сидеть не на чем", {"furniture_worn"}),
    ],
)
def test_nowhere_to_sit_is_an_item_of_its_own(engine: Engine, text: str, expected: set[str]) -> None:
    assert set(ids(engine, text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the institution disputes the remark and tells why: nothing is named
        ("Учреждение с замечанием об отсутствии кнопки вызова не согласно: кнопка установлена у входа в марте, акт приложен.", set()),
        ("Не согласны с выводом о нехватке указателей: таблички размещены на всех кабинетах.", set()),
        # what it grants stays named
        ("Не согласны с замечанием о пандусе, однако стоянки для инвалидов действительно нет", {"disabled_parking_missing"}),
    ],
)
def test_a_disputed_remark_names_nothing_unless_granted(engine: Engine, text: str, expected: set[str]) -> None:
    assert set(ids(engine, text)) == expected


def test_a_dash_for_a_left_out_verb_does_not_cut_the_clause(engine: Engine) -> None:
    # «санитарки в отделении — свысока»: the dash stands for «разговаривают», the nurses' clause has its own rudeness
    assert set(ids(engine, "вахтёр на входе отвечает грубо, санитарки в отделении — свысока")) == {
        "courtesy_first_contact_low",
        "courtesy_service_low",
    }


@pytest.mark.parametrize(
    "text, expected",
    [
        # a claim checked and found groundless names nothing, in its own sentence or told after the claim
        ("Изложенные в обращении доводы о холоде в палатах не нашли подтверждения: температура 22–23 градуса.", set()),
        ("Гражданка Петрова сообщила, что её отцу не меняют постельное бельё. Факты не подтвердились.", set()),
        ("Сын проживающей пожаловался, что в палате холодно; при проверке факт не подтвердился.", set()),
        ("Жалоба признана необоснованной: сиделки в отделении работают по графику.", set()),
        # what the check found besides stays named
        ("Жалоба на шум не подтвердилась, но выявлено отсутствие поручней в коридоре.", {"handrails_missing"}),
        ("Жалоба на грубость медсестры не подтвердилась; при этом в холле не оказалось кулера.", {"drinking_water_missing"}),
        # a claim with no verdict is a finding
        ("Заявитель сообщает, что в холле нет кулера.", {"drinking_water_missing"}),
    ],
)
def test_a_claim_found_groundless_names_nothing(engine: Engine, text: str, expected: set[str]) -> None:
    assert set(ids(engine, text)) == expected


def test_a_claim_and_its_verdict_are_one_finding(engine: Engine) -> None:
    # apart, the claim would be a finding of its own and name the linen
    found = engine.findings("Гражданка Петрова сообщила, что её отцу не меняют постельное бельё. Факты не подтвердились.")
    assert [f.text for f in found] == ["Гражданка Петрова сообщила, что её отцу не меняют постельное бельё. Факты не подтвердились"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # how it was, against how it is now: a change for the better names nothing
        ("Раньше записаться к психологу можно было только лично, теперь — и по телефону, и через сайт.", set()),
        ("Год назад на стенде не было тарифов, теперь они висят у входа.", set()),
        # now worse, or still wanting: the words stay
        ("год назад тарифы висели на стенде, теперь их нет", {"tariffs_missing"}),
        ("раньше пандуса не было, теперь есть, но без поручней", {"handrails_missing"}),
    ],
)
def test_how_it_was_against_how_it_is_now(engine: Engine, text: str, expected: set[str]) -> None:
    assert set(ids(engine, text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a survey indicator's share at the floor or above names no low satisfaction, however it is told
        ("Условия ожидания в отделении положительно оценили 143 человека из 150 (95,3 %).", set()),
        # what else the line names stays
        ("Доступностью для инвалидов удовлетворены 57 из 59 опрошенных, но жалуются на крутой пандус", {"ramp_missing"}),
    ],
)
def test_a_share_at_the_floor_names_no_low_satisfaction(engine: Engine, text: str, expected: set[str]) -> None:
    assert set(ids(engine, text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the item of a building norm is no indicator: «п. 5.2.1» does not name 5.2, nor «5.1.3» the readiness to recommend
        ("Ширина дверного проёма в кабинет психолога 0,75 м, что не соответствует п. 5.2.1 СП 59.13330.2020.", {"doorways_narrow"}),
        ("Поручни у лестницы отсутствуют (СП 59.13330.2020, п. 5.1.3).", {"handrails_missing"}),
    ],
)
def test_an_item_of_a_building_norm_names_no_indicator(engine: Engine, text: str, expected: set[str]) -> None:
    assert set(ids(engine, text)) == expected


def test_an_indicator_value_goes_with_the_items_named_after_it(engine: Engine) -> None:
    # the score and the items it is for are one finding: the items stand, not the indicator's general deficiency
    text = "Показатель 3.2 — 40 баллов. Нет надписей шрифтом Брайля и сурдопереводчика. Кнопки вызова нет."
    assert [f.text for f in engine.findings(text)] == [
        "Показатель 3.2 — 40 баллов. Нет надписей шрифтом Брайля и сурдопереводчика",
        "Кнопки вызова нет",
    ]
    assert set(ids(engine, text)) == {"braille_missing", "sign_interpreter_missing", "call_button_missing"}
    # the value alone still names it
    assert ids(engine, "Показатель 3.2 — 40 баллов.") == ["equal_access_conditions_missing"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # rudeness denied says nothing is wrong
        ("За всё время ни одного грубого слова от медсестёр.", set()),
        ("Грубых слов от сиделок не слышали ни разу.", set()),
        ("Грубости со стороны охраны не было.", set()),
        # rudeness told is a finding (guard)
        ("санитарки грубят, окрики слышны в коридоре", {"courtesy_service_low"}),
    ],
)
def test_rudeness_denied_names_nothing(engine: Engine, text: str, expected: set[str]) -> None:
    assert set(ids(engine, text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # those asked counted in words, the number asked first, as people say it
        ("опрос был из пятидесяти у нас сорок довольны питанием", [80.0]),
        ("Спросили у своих двадцати подопечных, довольны ли они уборкой, — довольны пятнадцать.", [75.0]),
        ("из 40 опрошенных 34 поставили хорошо за чистоту", [85.0]),
        # a group of people counted with the number before «из»
        ("27 бабушек из 30 довольны досугом", [90.0]),
        ("один из двадцати недоволен стиркой", [95.0]),
        # several shares with one unit after the last
        ("Питанием довольны по отделениям: 81, 93 и 98 процентов.", [81.0, 93.0, 98.0]),
        # «ни один из» counts nobody
        ("ни один из 20 опрошенных не жаловался", []),
    ],
)
def test_counts_of_those_asked_in_any_order(text: str, expected: list[float]) -> None:
    assert [v for _, v in shares(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the shares of groups of those asked are the aspect's own: the lowest one counts
        ("Удовлетворённость комфортностью условий: для проживающих — 98 %, для посетителей — 90 %.", {"comfort_satisfaction_low"}),
        ("Удовлетворённость комфортностью условий: для проживающих — 98 %, для посетителей — 96 %.", set()),
        # the dissatisfied counted by a share at the floor name nothing
        ("по питанию спрашивали, только трое из восьмидесяти чем-то недовольны", set()),
        ("довольны в целом почти все, один из сорока недоволен", set()),
        # below the floor they do
        ("по питанию спрашивали, восемь из сорока недовольны", {"food_quality_poor"}),
    ],
)
def test_shares_of_groups_and_of_the_dissatisfied(engine: Engine, text: str, expected: set[str]) -> None:
    assert set(ids(engine, text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a state that was, fixed since (told done and when): nothing is wrong now
        ("Поручни на лестнице отсутствовали, установлены 14.05.2024.", set()),
        ("В марте в душевой не работал смеситель; смеситель заменён 02.04.2024.", set()),
        ("На сайте отсутствовал раздел о платных услугах (выполнено: раздел создан 11.02.2024).", set()),
        ("Указателей к кабинетам не было, указатели повесили в октябре.", set()),
        # a fix of another thing, a fix to come or a partial one keep the state
        ("Кнопка вызова у входа не работала, поручни установлены 14.05.2024.", {"call_button_missing", "handrails_missing"}),
        ("Поручни на лестнице отсутствовали, будут установлены до 01.09.2025.", {"handrails_missing"}),
        ("Поручни на лестнице отсутствовали, установлены 14.05.2024, но только с одной стороны.", {"handrails_missing"}),
        # told in the past with no fix: still a finding
        ("На момент проверки поручни на лестнице отсутствовали.", {"handrails_missing"}),
    ],
)
def test_a_state_fixed_since_names_nothing(engine: Engine, text: str, expected: set[str]) -> None:
    assert set(ids(engine, text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the verdict told before the claim it judges
        ("Служебная проверка не подтвердила доводы о том, что санитарки грубят лежачим.", set()),
        ("Комиссия не подтвердила факты отсутствия питьевой воды в холле.", set()),
        # a verdict on no claim keeps the words
        ("Кнопка вызова у входа не работает, проверка это подтвердила.", {"call_button_missing"}),
    ],
)
def test_a_verdict_before_the_claim_it_judges(engine: Engine, text: str, expected: set[str]) -> None:
    assert set(ids(engine, text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # «без» of emphasis names nothing missing
        ("Довезли маму на коляске до столовой без единой кочки, всё ровно.", set()),
        ("Пандус удобный, с поручнями, заехали без единой заминки.", set()),
        # a barrier told stays (a high threshold is a doorway's deficiency)
        ("У входа в столовую высокий порог, колясочнику не заехать, пандуса нет", {"ramp_missing", "doorways_narrow"}),
    ],
)
def test_without_a_single_one_names_nothing_missing(engine: Engine, text: str, expected: set[str]) -> None:
    assert set(ids(engine, text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a question after a trouble, answered no, names nothing
        ("— Бывает ли, что в палатах холодно зимой? — Нет, батареи горячие, даже жарко.", set()),
        ("— Часто ли вам грубят санитарки? — Нет-нет, что вы, девочки у нас ласковые.", set()),
        ("— Приходилось ли вам подолгу ждать приёма у юриста? — Ни разу, принимают по записи минута в минуту.", set()),
        ("— Что бы вы поменяли в распорядке посещений? — Да ничего, пускают когда угодно.", set()),
        # a question after what is good, answered yes by its own verb, names nothing
        ("— Выдавали ли вам копию договора? — Выдавали, она у меня дома лежит.", set()),
        # answered otherwise, the question and its answer name the trouble
        ("— Бывает ли, что в палатах холодно? — Бывает, особенно в январе, батареи чуть тёплые.", {"living_conditions_poor"}),
        ("— Хватает ли санитарок ночью? — Нет, одна на два этажа.", {"staffing_shortage"}),
        ("— Есть ли кнопка вызова у входа? — Есть, но не работает с весны.", {"call_button_missing"}),
        ("— Довольны ли вы тем, как с вами разговаривают санитарки? — Да не очень, бывает, и прикрикнут, и нагрубят.", {"courtesy_service_low"}),
        ("— Довольны ли вы тем, как с вами разговаривают санитарки? — Да, всегда вежливые.", set()),
        ("— Что изменилось после ремонта? — Ничего не изменилось, крыша как текла, так и течёт.", {"premises_repair_needed"}),
        # a «не» of a gerund or of another clause asks after no trouble: «нет» says the thing is missing
        ("— Можно ли у вас получить консультацию, не выходя из дома? — Нет, только лично.", {"remote_service_missing"}),
        ("— Вы знаете, куда обратиться с жалобой, если что не так? — Нет, нигде об этом не написано.", {"complaint_procedure_missing"}),
    ],
)
def test_a_question_is_read_by_its_answer(engine: Engine, text: str, expected: set[str]) -> None:
    assert set(ids(engine, text)) == expected


def test_count_names_read_as_the_value_they_give() -> None:
    # 191 of 199 satisfied with comfort is 96.0; the stand's 90 of 92 and the site's 30 of 41 give (97.8 + 73.2) / 2
    assert count_names_as_values("Укомф 191, Чобщ 199") == " пкомфуд = 96,0 ,  "
    assert count_names_as_values("Устенд 90; Чобщ.стенд 92; Усайт 30; Чобщ.сайт 41").strip(" ;") == "поткруд = 85,5"
    assert count_names_as_values("Уреком/Чобщ = 46/50") == " преком = 92,0 "
    # those satisfied with no count of those asked, or more satisfied than asked, stay as written
    assert count_names_as_values("Укомф 191, опрошено 199") == "Укомф 191, опрошено 199"
    assert count_names_as_values("Удост 30, Чинв 21") == "Удост 30, Чинв 21"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Показатель 2.3 | Укомф 150 | Чобщ 198", {"comfort_satisfaction_low"}),
        ("Показатель 2.3 | Укомф 191 | Чобщ 199", set()),
        ("Чобщ.дист = 40; Увежл.дист = 31; 77,5", {"courtesy_remote_low"}),
        ("Показатель 1.3: Устенд 90, Чобщ.стенд 92; Усайт 30, Чобщ.сайт 41", {"info_satisfaction_low"}),
        ("Показатель 1.3: Устенд 90, Чобщ.стенд 92; Усайт 40, Чобщ.сайт 41", set()),
        ("Усвоевр 70 Чобщ 100", {"service_delays"}),
    ],
)
def test_count_names_in_findings(engine: Engine, text: str, expected: set[str]) -> None:
    assert set(ids(engine, text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a plan's measure told done names nothing
        ("Установить кнопку вызова у входа — выполнено.", set()),
        ("Разместить на стенде информацию о тарифах — выполнено, размещена 12.02.2024.", set()),
        ("3. Оборудовать зону ожидания креслами — выполнено в марте 2024 г.", set()),
        ("Приобрести кресло-коляску — выполнено (закуплены 2 шт.).", set()),
        ("Организовать обучение сотрудников по этике — мероприятие выполнено.", set()),
        # told done in part, what is still missing is read after the colon
        (
            "Пункт 4. Разместить на сайте сведения о попечительском совете и копию лицензии — выполнено частично: "
            "лицензия размещена, сведения о попечительском совете не размещены.",
            {"trustee_board_info_missing"},
        ),
        # not done, done in part with nothing told, or only in some places: the measure names its deficiency
        ("Установить кнопку вызова у входа — не выполнено, перенесено на 2025 год.", {"call_button_missing"}),
        ("Установить кнопку вызова у входа — выполнено частично.", {"call_button_missing"}),
        ("Разместить правила внутреннего распорядка на стендах всех отделений — выполнено в 1 из 3 отделений.", {"internal_rules_missing"}),
    ],
)
def test_a_measure_told_done_names_nothing(engine: Engine, text: str, expected: set[str]) -> None:
    assert set(ids(engine, text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # staff who cannot work a lift they have: the help is missing, not the lift
        ("Лифт есть, но санитарки не знают, как им пользоваться, их никто не учил.", {"escort_staff_untrained"}),
        ("Гусеничный подъёмник стоит в кладовке: сотрудникам инструктажа по работе с ним не проводили.", {"escort_staff_untrained"}),
        # the lift itself
        ("Лифт в корпусе не работает с весны, персонал носит колясочников на руках.", {"lifts_not_adapted"}),
    ],
)
def test_a_lift_nobody_can_work(engine: Engine, text: str, expected: set[str]) -> None:
    assert set(ids(engine, text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a hotline's entry: the call is how the report came, not where the rudeness happened
        ("Звонок 09:10, внучка проживающей: санитарка грубит бабушке и кричит на неё.", {"courtesy_service_low"}),
        ("Со слов звонившей Петровой А. И., медсестра в отделении кричит на её мать.", {"courtesy_service_low"}),
        ("Позвонила дочь получателя, сообщила, что соцработник грубит её матери.", {"courtesy_service_low"}),
        # the applicant of a complaints register is who wrote, not one met at the first contact
        ("Заявитель сообщает, что санитарки в доме-интернате грубят его матери.", {"courtesy_service_low"}),
        ("По словам заявителя, соцработник разговаривает с матерью на повышенных тонах.", {"courtesy_service_low"}),
        # a claim judged unconfirmed keeps its words and names nothing
        ("Заявитель утверждает, что в холле нет питьевой воды, однако при выезде кулер исправен. Факты не подтвердились.", set()),
        # rudeness on the telephone itself stays the telephone's
        ("Звонок 14:05, сын получателя: по телефону в регистратуре ему нагрубили и бросили трубку.", {"courtesy_remote_low"}),
    ],
)
def test_a_hotline_entry_is_read_without_its_call(engine: Engine, text: str, expected: set[str]) -> None:
    assert set(ids(engine, text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the sanitary room that opens the line is where the handrails and the seat are missing: its equipment
        ("в душевой второго этажа нет ни поручней, ни сиденья для мытья", {"accessible_sanitary_missing"}),
        ("в туалете для колясочников не развернуться, поручней нет", {"accessible_sanitary_missing"}),
        ("нет ни поручней в душевой, ни сменной коляски", {"accessible_sanitary_missing", "wheelchairs_missing"}),
        # handrails «there», «in it», «inside» are the room's named before them
        ("в уборной для инвалидов раковина высоко, поручней там нет", {"accessible_sanitary_missing"}),
        ("санузел для колясочников тесный, поручней в нём нет", {"accessible_sanitary_missing"}),
        # a toilet «без поручней» is not equipped; a ramp «без поручней» lacks the handrails of its own deficiency
        ("санузел без поручней, раковина высоко", {"accessible_sanitary_missing"}),
        ("душевая кабина без поручней", {"accessible_sanitary_missing"}),
        ("пандус у входа сделан без поручней", {"handrails_missing"}),
        # the call button there is a deficiency of its own, beside the room's handrails
        ("в уборной для колясочников кнопки вызова нет, поручней нет", {"call_button_missing", "accessible_sanitary_missing"}),
        ("кнопка вызова в санузле для МГН сломана, опорных поручней у раковины нет", {"call_button_missing", "accessible_sanitary_missing"}),
        # a place of its own: the handrails of a staircase, the chairs of an office
        ("на лестнице в корпусе поручней нет, в уборной грязно", {"handrails_missing", "sanitary_state_poor"}),
        ("в кабинете приёма стульев нет, а у входа поручней нет", {"waiting_area_missing", "handrails_missing"}),
        # what the hall lacks stays what it is
        ("в холле стульев нет, кулера нет", {"waiting_area_missing", "drinking_water_missing"}),
        ("в санузле для инвалидов опорные поручни и кнопка вызова на месте, замечаний нет", set()),
    ],
)
def test_handrails_in_a_sanitary_room_are_its_equipment(engine: Engine, text: str, expected: set[str]) -> None:
    assert set(ids(engine, text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a count of items followed by a comma still counts them: not every name is there
        ("Персональный состав на стенде: 12 ФИО из 40, данные от марта", {"staff_info_missing"}),
        # the decimal comma of a share cuts no aspect off a survey line: the relatives stay with the visits
        ("Нравится ли вам график посещений? «Нет» ответили 9 из 30 родственников.", {"visiting_schedule_inconvenient"}),
    ],
)
def test_a_count_and_a_share_keep_the_words_beside_them(engine: Engine, text: str, expected: set[str]) -> None:
    assert set(ids(engine, text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Хотелось бы, чтобы кружков было побольше", {"leisure_lacking"}),
        ("было бы неплохо, чтобы соцработник приходил почаще", {"service_delays"}),
        # a wish that nothing changes names nothing
        ("хотелось бы, чтобы и дальше нас так же хорошо кормили", set()),
        ("Хочу, чтобы и впредь сиделки были такими же внимательными", set()),
    ],
)
def test_a_wish_for_more_says_there_is_too_little_now(engine: Engine, text: str, expected: set[str]) -> None:
    assert set(ids(engine, text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # more of what the yes says is well, or what is wrong with the thing asked after
        ("— Выдали ли вам памятку о правах? — Выдали, она висит у меня над кроватью.", set()),
        ("— Работает ли кнопка вызова? — Работает, она иногда не срабатывает.", {"call_button_missing"}),
    ],
)
def test_a_yes_that_goes_on_by_a_pronoun_speaks_of_the_thing_asked(engine: Engine, text: str, expected: set[str]) -> None:
    assert set(ids(engine, text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # words that tell rudeness by themselves, in a clause of their own, are not the other hit's detail
        ("Гардеробщица хамит, а логопед с мамами разговаривает сквозь зубы", {"courtesy_first_contact_low", "courtesy_service_low"}),
        ("Вахтёр грубит посетителям, а медсёстры в отделении говорят с проживающими свысока", {"courtesy_first_contact_low", "courtesy_service_low"}),
    ],
)
def test_words_that_tell_their_problem_keep_their_clause(engine: Engine, text: str, expected: set[str]) -> None:
    assert set(ids(engine, text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # what a clause before a denial of remarks says is wrong stays wrong
        ("Кулера в холле нет, замечаний по санитарному состоянию нет", {"drinking_water_missing"}),
        ("Поручни только с одной стороны, других замечаний нет", {"handrails_missing"}),
        # a name in quotes is one word of its clause
        ("Нарушений по разделу «Питание, проживание, досуг» не выявлено", set()),
        ("Жалоб на работу «Соцтакси, Доступная среда» не поступало", set()),
        # the remarks a plan is to put right are its complement, not a verdict
        ("Плана мероприятий по устранению выявленных недостатков на сайте нет", {"nok_results_unpublished"}),
    ],
)
def test_a_denial_of_remarks_clears_its_own_clause(engine: Engine, text: str, expected: set[str]) -> None:
    assert set(ids(engine, text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # care not given, in the words relatives and inspectors use
        ("Папа жмёт кнопку вызова ночью, а подходят только к утру", {"care_neglect"}),
        ("Ночная сиделка выключает звук у кнопки вызова", {"care_neglect"}),
        ("На просьбу принести воды санитарка отвечает «подождёшь»", {"care_neglect"}),
        # beside another problem, in the words of bedsores, unanswered calls, wet beds, care nobody gives
        ("Санитарка грубит, у мамы пролежни на спине", {"courtesy_service_low", "care_neglect"}),
        ("Нянечка кричит на бабушку, а на вызов отвечают через час", {"courtesy_service_low", "care_neglect"}),
        ("Сиделок мало, маму оставляют без ухода на все выходные", {"staffing_shortage", "care_neglect"}),
        ("Санитарки грубят, ночью их не допросишься", {"courtesy_service_low", "care_neglect"}),
        ("Санитарок мало, к лежачим ночью никто не заглядывает", {"staffing_shortage", "care_neglect"}),
        # no bedsores is care given
        ("Жалоб на пролежни нет, санитарок хватает", set()),
        ("Случаев пролежней у лежачих не выявлено", set()),
    ],
)
def test_care_left_undone_is_neglect(engine: Engine, text: str, expected: set[str]) -> None:
    assert set(ids(engine, text)) == expected


def test_last_years_prices_are_outdated_information_by_the_curators_words(engine: Engine) -> None:
    recs = engine.recognize(engine.findings("Тарифы в холле висят прошлогодние"))
    assert [(r.deficiency, r.source) for r in recs] == [("info_outdated", "concept")]
    assert not [o for r in recs for o in r.outvoted]


@pytest.mark.parametrize(
    "text, expected",
    [
        # cold in the words relatives use, beside another item of the waiting area
        ("в коридорах отделения колотун, а кулера нет", {"indoor_climate_poor", "drinking_water_missing"}),
        ("в палате у мамы холодина, батареи чуть тёплые", {"living_conditions_poor"}),
        ("в кабинете логопеда колотун, дети занимаются в куртках", {"indoor_climate_poor"}),
    ],
)
def test_cold_in_plain_words_is_the_climate_of_its_room(engine: Engine, text: str, expected: set[str]) -> None:
    assert set(ids(engine, text)) == expected


def test_a_concept_is_read_in_the_part_that_says_its_problem(engine: Engine) -> None:
    # «позапрошлогодний» is said of the price list, not of the licence the part before says is missing
    recs = engine.recognize(engine.findings("Лицензии на стенде нет, а прейскурант там висит позапрошлогодний"))
    outdated = [r for r in recs if r.deficiency == "info_outdated"]
    assert [[w for m in r.matches for w in m.words] for r in outdated] == [["прейскурант", "позапрошлогодний"]]
    assert {r.deficiency for r in recs} == {"info_outdated", "license_missing"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # the letter reached the centre and nobody answers it: the work with appeals, not the address
        ("Почта указана, но на два письма инспектора ответа так и не пришло", {"appeals_system_missing"}),
        ("e-mail на сайте рабочий, но на письма там не отвечают", {"appeals_system_missing"}),
        # a letter that came back is the address itself
        ("письмо на адрес с сайта вернулось — ящик переполнен", {"email_missing"}),
    ],
)
def test_a_letter_left_unanswered_is_the_work_with_appeals(engine: Engine, text: str, expected: set[str]) -> None:
    assert set(ids(engine, text)) == expected


def test_a_bracket_that_lists_the_forms_of_a_thing_names_no_deficiency_of_its_own(engine: Engine) -> None:
    text = (
        "Низкая доля довольных доброжелательностью работников при дистанционных формах общения "
        "(телефон, почта, получение консультаций в дистанционной форме)"
    )
    assert set(ids(engine, text)) == {"courtesy_remote_low"}


def test_a_participle_that_tells_a_problem_does_not_say_its_thing_is_there(engine: Engine) -> None:
    # «запрещены» is no «установлены»: the visiting clause tells its own problem, so the office hours are another
    text = "Свидания с родными запрещены по будням, а бухгалтерия принимает только по пятницам с 9 до 12"
    assert set(ids(engine, text)) == {"visiting_schedule_inconvenient", "work_schedule_inconvenient"}

