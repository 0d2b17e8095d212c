"""The XLSX plan as the form (sheet «План»): the same layout as the Word document for the chosen form, readable
on screen and on paper; ids only on «Данные»; LibreOffice prints every finding and measure in full."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]
import pytest

from nokrules import Engine, Plan
from nokrules.documents import xlsx
from nokrules.documents.document import DocContext, render_document

from .pdf import missing, needs_office, pages, to_pdf

D = date(2026, 12, 1)
TEXT = "- нет пандуса\n- нет порядка подачи жалоб на сайте\n- грубый охранник"
PP457_HEADER = [
    "Недостатки, выявленные в ходе независимой оценки качества условий оказания услуг организацией",
    "Наименование мероприятия по устранению недостатков, выявленных в ходе независимой оценки качества условий "
    "оказания услуг организацией",
    "Плановый срок реализации мероприятия",
    "Ответственный исполнитель (с указанием фамилии, имени, отчества и должности)",
    "Сведения о ходе реализации мероприятия",
    None,
]
PP457_SUBHEADER = [
    None,
    None,
    None,
    None,
    "реализованные меры по устранению выявленных недостатков",
    "фактический срок реализации",
]
VLADIMIR_HEADER = [
    "№ п/п",
    "Наименование мероприятия",
    "Основание реализации (результат независимой оценки качества)",
    "Срок реализации",
    "Ответственный исполнитель",
    "Результат",
    "Показатели, характеризующие результат выполнения мероприятия",
]


@pytest.fixture(scope="module")
def plan(mini: Engine) -> Plan:
    return mini.draft_plan(TEXT, mini.institution("ГБУ «Дом-интернат „Ветеран“»", kind="care_home"), date=D)


def _values(ws: openpyxl.worksheet.worksheet.Worksheet) -> list[list[object]]:
    return [list(r) for r in ws.iter_rows(values_only=True)]


def _row_of(rows: list[list[object]], first: object) -> int:
    return next(k for k, r in enumerate(rows) if r[0] == first)


def test_pp457_sheet_is_the_form(plan: Plan, mini: Engine) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(xlsx.render(plan, DocContext.of(plan, mini.catalog, "pp457"))))
    assert wb.sheetnames == ["План", "Данные"]
    ws = wb["План"]
    rows = _values(ws)
    column_5 = [r[4] for r in rows[:4]]  # the approval block at the right, over the last two columns
    assert column_5 == [
        "УТВЕРЖДАЮ",
        "(должность руководителя органа-учредителя)",
        "_______________ (Ф. И. О.)",
        "«___» ____________ 20__ г.",
    ]
    flat = [v for r in rows for v in r if v is not None]
    k = flat.index("ПЛАН по устранению недостатков, выявленных в ходе независимой оценки качества условий оказания услуг")
    assert flat[k + 1 : k + 4] == ["ГБУ «Дом-интернат „Ветеран“»", "(наименование организации)", "на 2027 год"]
    head = _row_of(rows, PP457_HEADER[0])
    assert rows[head] == PP457_HEADER
    assert rows[head + 1] == PP457_SUBHEADER
    assert rows[head + 2] == ["1", "2", "3", "4", "5", "6"]
    assert ws.print_title_rows == f"${head + 1}:${head + 3}"  # the three header rows repeat on every page
    body = [r for r in rows[head + 3 :] if r[0] is not None]
    assert [r[0] for r in body] == [
        "I. Открытость и доступность информации об организации или о федеральном учреждении медико-социальной экспертизы",
        "нет порядка подачи жалоб на сайте",
        "II. Комфортность условий предоставления услуг",
        "Недостатки не выявлены",
        "III. Доступность услуг для инвалидов",
        "нет пандуса",
        "IV. Доброжелательность, вежливость работников организации или федерального учреждения медико-социальной экспертизы",
        "Недостатки не выявлены",
        "V. Удовлетворенность условиями оказания услуг",  # «е», as in the official title
        "Недостатки не выявлены",
        "Прочие недостатки",
        "грубый охранник",
        "Графа 5 заполняется по мере реализации плана.",
    ]
    ramp = body[5]
    assert ramp[1:4] == [
        "Установить пандус у входа",
        "до 30.12.2027",
        "Заместитель директора по административно-хозяйственной работе — ____________ (Ф. И. О.)",
    ]
    other = body[11]
    assert other[1] == "мероприятие требует ручной формулировки"
    manual = ws.cell(row=head + 3 + 12, column=2)
    assert manual.font.bold and manual.font.color.rgb.endswith("9C0006")


def test_the_form_prints_landscape_fitted_to_width_wrapped_and_tall_enough(plan: Plan, mini: Engine) -> None:
    long = "нет пандуса у главного входа, " * 12 + "и у запасного выхода тоже"  # 385 characters
    big = mini.draft_plan(long, date=D)
    ws = openpyxl.load_workbook(io.BytesIO(xlsx.render(big, DocContext.of(big, mini.catalog, "pp457"))))["План"]
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    row = next(r for r in ws.iter_rows() if r[0].value == long)
    assert all(c.alignment.wrap_text for c in row)
    # column 1 is 4.6 cm = 23 width units, 26 characters a line: 385 characters take 15 lines of 13.5 pt
    assert ws.column_dimensions["A"].width == pytest.approx(23)
    assert ws.row_dimensions[row[0].row].height >= 15 * 13.5


def test_vladimir2019_is_respected(plan: Plan, mini: Engine) -> None:
    data = render_document("xlsx", plan, mini.catalog, "vladimir2019")
    assert data != render_document("xlsx", plan, mini.catalog, "pp457")
    ws = openpyxl.load_workbook(io.BytesIO(data))["План"]
    rows = _values(ws)
    flat = [v for r in rows for v in r if v is not None]
    assert "План мероприятий по улучшению деятельности" in flat
    head = _row_of(rows, "№ п/п")
    assert rows[head] == VLADIMIR_HEADER
    assert rows[head + 1] == ["1", "2", "3", "4", "5", "6", "7"]
    ramp = next(r for r in rows if r[2] == "нет пандуса")
    assert ramp[:2] == ["2", "Установить пандус у входа"]  # numbered rows, the measure first
    assert ramp[5] == "Пандус установлен"
    assert (
        ramp[6]
        == "Показатель 3.1: Оборудование помещений организации и прилегающей к ней территории с учётом доступности для инвалидов"
    )
    assert "III. Доступность услуг для инвалидов" in flat  # the short section titles of this form


def test_ids_and_rule_names_are_only_on_the_data_sheet(plan: Plan, mini: Engine) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(render_document("xlsx", plan, mini.catalog)))
    form = [v for r in _values(wb["План"]) for v in r if isinstance(v, str)]
    assert not [v for v in form if re.fullmatch(r"[a-z][a-z_0-9.-]*", v)]
    data = [v for r in _values(wb["Данные"]) for v in r]
    assert {"ramp_missing", "install_ramp", "aho_deputy", "ramp"} <= set(data)


BIG = (
    "\n".join(f"- {d.examples[0]}" for d in Engine.load().catalog.deficiencies if d.examples)
    + "\n- нет пандуса у главного входа для инвалидов-колясочников и маломобильных граждан, "
    + "откидной пандус у запасного выхода не закреплён и не выставляется по кнопке вызова, " * 3
    + "\n- непонятная строка, которую каталог не знает: "
    + "очень длинное замечание общественного совета " * 10
)


@needs_office
@pytest.mark.parametrize("form", ["pp457", "vladimir2019"])
def test_libreoffice_prints_every_finding_and_measure_in_full(engine: Engine, tmp_path: Path, form: str) -> None:
    plan = engine.draft_plan(BIG, engine.institution("МБУ «КЦСОН»", "kcson"), date=D)
    assert len(plan.items) >= 50 and all(s.rows for s in plan.sections) and plan.unrecognized
    src = tmp_path / "plan.xlsx"
    src.write_bytes(render_document("xlsx", plan, engine.catalog, form))
    texts = {f.text for row in (r for s in plan.sections for r in s.rows) for f in row.findings}
    texts |= {r.measure.text for s in plan.sections for r in s.rows if r.measure}
    texts |= {u.text for u in plan.unrecognized}
    assert not missing(pages(to_pdf(src)), sorted(texts))
