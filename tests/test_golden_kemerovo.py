"""Golden test on the real Kemerovo 2016 protocol (institutions 1–27, tests/fixtures/kemerovo-2016).

The expected deficiency ids per finding are written here by hand from reading each finding; they are
never produced by the engine. Every finding must be recognised, and get at least one measure.
"""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from nokrules import Engine

from .conftest import KEMEROVO

DATA = KEMEROVO / "institutions-1-27.yaml"

# finding text (as in the protocol, whitespace-normalised) → deficiency ids, by hand
EXPECTED: dict[str, set[str]] = {
    "не организована системная работа с обращениями граждан с помощью дистанционных способов взаимодействия по электронной почте (с помощью электронных сервисов на официальном сайте организации в сети «Интернет»": {
        "appeals_system_missing"
    },
    "не организована системная работа с обращениями граждан с помощью дистанционных способов взаимодействия по электронной почте (с помощью электронных сервисов на официальном сайте организации в сети «Интернет» и по телефону": {
        "appeals_system_missing"
    },
    "низкий процент работников, прошедших повышение квалификации/профессиональную переподготовку по профилю социальной работы": {
        "staff_training_low"
    },
    "никто из работников, не прошёл повышение квалификации/профессиональную переподготовку по профилю социальной работы": {
        "staff_training_low"
    },
    "нет информации о порядке подачи жалобы по вопросам качества оказания социальных услуг на официальном сайте организации социального обслуживания в сети «Интернет»": {
        "complaint_procedure_missing"
    },
    "нет информации о порядке подачи жалобы по вопросам качества оказания социальных услуг на официальном сайте организации социального обслуживания в сети «Интернет» и на информационных стендах в учреждении": {
        "complaint_procedure_missing"
    },
    "нет информации о порядке подачи жалобы по вопросам качества оказания социальных услуг на официальном сайте организации социального обслуживания в сети «Интернет» и частично представлена на стендах организации": {
        "complaint_procedure_missing"
    },
    "нет информации о порядке подачи жалобы по вопросам качества оказания социальных услуг на официальном сайте организации социального обслуживания в сети «Интернет» и на стендах в организации": {
        "complaint_procedure_missing"
    },
    "нет информации о порядке подачи жалобы по вопросам качества оказания социальных услуг на официальном сайте организации социального обслуживания в сети «Интернет» и информационном стенде в организации": {
        "complaint_procedure_missing"
    },
    "нет информации о порядке подачи жалобы по вопросам качества оказания социальных услуг на официальном сайте организации социального обслуживания в сети «Интернет» и на информационных стендах в организации": {
        "complaint_procedure_missing"
    },
    "нет информации о порядке подачи жалобы по вопросам качества оказания социальных услуг на официальном сайте организации социального обслуживания в сети «Интернет» и на стенде в организации": {
        "complaint_procedure_missing"
    },
    "нет информации о порядке подачи жалобы по вопросам качества оказания социальных услуг на официальном сайте организации социального обслуживания в сети «Интернет», на стендах в организации": {
        "complaint_procedure_missing"
    },
    "не обеспечена полная информация об учреждении на сайте": {"info_incomplete"},
    "нет возможности направить заявление (жалобу), предложения и отзывы о качестве услуг в электронной форме на официальном сайте организации социального обслуживания в сети «Интернет»": {
        "electronic_form_missing"
    },
    "нет возможности направить заявление (жалобу), предложения и отзывы о качестве услуг в электронной форме на официальном сайте организации социального обслуживания в сети «Интернет», лично в организацию, по телефону на горячую линию": {
        "electronic_form_missing"
    },
    "не разработана альтернативная версия официального сайта в сети «Интернет» для слабовидящих и инвалидов по зрению": {
        "low_vision_site_missing"
    },
    "низкая удовлетворенность получателей социальных услуг изменением качества жизни в результате получения услуг в учреждении": {
        "quality_of_life_low"
    },
    "на сайте организации нет полезных ссылок на сайты администраций и учреждений в помощь клиентам": {"useful_links_missing"},
    "не обеспечен удобный поиск информации об учреждении на сайте": {"site_navigation_poor"},
    "низкая удовлетворенность получателей услуг порядком оплаты услуг, в анкетах указано на снижение оплаты услуг": {
        "payment_terms_dissatisfaction"
    },
    "достаточное число обслуживаемых указали об ожидании предоставления услуги при назначении": {"service_delays"},
    "низкий показатель удовлетворенности от получателей услуг о доступности и качестве информации": {"info_satisfaction_low"},
    "нет специально оборудованного санитарно-гигиенического помещения": {"accessible_sanitary_missing"},
    "помещение не оборудовано видео, аудио информаторами для лиц с нарушением функций слуха и зрения": {
        "sound_visual_duplication_missing"
    },
}

INSTITUTIONS = yaml.safe_load(DATA.read_text(encoding="utf-8"))


def _norm(s: str) -> str:
    return " ".join(s.split())


def test_the_table_covers_every_distinct_finding_of_the_protocol() -> None:
    distinct = {_norm(f) for inst in INSTITUTIONS for f in inst["findings"]}
    assert distinct == set(EXPECTED)
    assert len(INSTITUTIONS) == 27


@pytest.mark.parametrize("inst", INSTITUTIONS, ids=lambda i: f"n{i['number']}")
def test_institution_plan_recognises_every_finding_and_gives_measures(engine: Engine, inst: dict) -> None:
    text = "\n".join(f"- {f}" for f in inst["findings"])
    plan = engine.draft_plan(text, engine.institution(inst["institution"], kind=inst["kind"]), date=date(2017, 3, 1))
    assert plan.unrecognized == []
    got: dict[int, set[str]] = {}
    for item in plan.items:
        got.setdefault(item.finding.line, set()).add(item.deficiency.id)
        assert item.measures, f"no measure for {item.deficiency.id}"
    expected = {k + 1: EXPECTED[_norm(f)] for k, f in enumerate(inst["findings"])}
    assert got == expected


def test_protocol_kinds_resolve_to_catalog_kinds(engine: Engine) -> None:
    assert {engine.resolve_kind(i["kind"]) for i in INSTITUTIONS} == {"kcson", "veterans_home"}


MODERN = [
    ("отсутствует раздел «Часто задаваемые вопросы»", {"faq_missing"}, "Часто задаваемые вопросы"),
    ("не обеспечено дублирование надписей знаками, выполненными рельефно-точечным шрифтом Брайля", {"braille_missing"}, "Брайл"),
    ("нет выделенной стоянки для автотранспорта инвалидов", {"disabled_parking_missing"}, "инвалид"),
    (
        "отсутствует техническая возможность выражения получателем услуг мнения о качестве условий оказания услуг",
        {"quality_opinion_missing"},
        "анкет",
    ),
    ("не предоставляются услуги сурдопереводчика (тифлосурдопереводчика)", {"sign_interpreter_missing"}, "сурдо"),
    ("входная группа не оборудована пандусом (подъемной платформой)", {"ramp_missing"}, "пандус"),
    ("отсутствуют сменные кресла-коляски", {"wheelchairs_missing"}, "кресл"),
]


@pytest.mark.parametrize(("text", "ids", "word"), MODERN, ids=[m[0][:40] for m in MODERN])
def test_modern_checklist_wording_gets_the_right_measures(engine: Engine, text: str, ids: set[str], word: str) -> None:
    plan = engine.draft_plan(text, date=date(2027, 1, 15))
    assert {it.deficiency.id for it in plan.items} == ids
    texts = [m.text for it in plan.items for m in it.measures]
    assert texts and any(word.lower() in t.lower() for t in texts), texts


def test_one_line_with_three_accessibility_defects_gives_all_three(engine: Engine) -> None:
    text = "помещение не оборудовано видео, аудио информаторами для лиц с нарушением функций слуха и зрения, частично оборудована входная зона (нет поручней и пандуса)"
    plan = engine.draft_plan(text, date=date(2027, 1, 15))
    assert {it.deficiency.id for it in plan.items} == {"sound_visual_duplication_missing", "handrails_missing", "ramp_missing"}
    assert all(it.measures for it in plan.items)
    assert plan.unrecognized == []


def test_complaint_measure_names_the_places_the_finding_names(engine: Engine) -> None:
    site = engine.draft_plan("нет информации о порядке подачи жалобы на официальном сайте", date=date(2027, 1, 15))
    both = engine.draft_plan("нет информации о порядке подачи жалобы на сайте и на стендах", date=date(2027, 1, 15))
    site_texts = " ".join(m.text for it in site.items for m in it.measures)
    both_texts = " ".join(m.text for it in both.items for m in it.measures)
    assert "на официальном сайте организации" in site_texts and "на информационных стендах" not in site_texts
    assert "на официальном сайте и на информационных стендах организации" in both_texts
