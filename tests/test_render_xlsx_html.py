"""XLSX and HTML renderings of a plan on the mini catalog, with expectations written by hand."""

from __future__ import annotations

import io
import time
import zipfile
from datetime import date, datetime
from html.parser import HTMLParser

import openpyxl  # type: ignore[import-untyped]
import pytest

from nokrules import Engine, Plan
from nokrules.documents import html, xlsx
from nokrules.documents.document import DocContext

D = date(2027, 1, 15)
TEXT = "- нет пандуса\n- нет порядка подачи жалоб на сайте\n- грубый охранник"
MANUAL = "мероприятие требует ручной формулировки"
HEADERS = [
    "Организация",
    "Вид организации",
    "Дата плана",
    "Раздел",
    "Показатель",
    "Строка ввода",
    "Недостаток (текст находки)",
    "Код недостатка",
    "Недостаток по каталогу",
    "Код мероприятия",
    "Мероприятие",
    "Срок (дата)",
    "Срок (текст)",
    "Ответственный",
    "Роль",
    "Ожидаемый результат",
    "Основание",
    "Правило",
    "Обоснование правила",
    "Ручная формулировка",
    "Версия каталога",
]
SECTIONS_PP457 = [
    "I. Открытость и доступность информации об организации или о федеральном учреждении медико-социальной экспертизы",
    "II. Комфортность условий предоставления услуг",
    "III. Доступность услуг для инвалидов",
    "IV. Доброжелательность, вежливость работников организации или федерального учреждения медико-социальной экспертизы",
    "V. Удовлетворенность условиями оказания услуг",
]


@pytest.fixture(scope="module")
def plan(mini: Engine) -> Plan:
    return mini.draft_plan(TEXT, mini.institution("ГБУ «Дом-интернат „Ветеран“»", kind="care_home"), date=D)


@pytest.fixture(scope="module")
def pp457(plan: Plan, mini: Engine) -> DocContext:
    return DocContext.of(plan, mini.catalog, "pp457")


@pytest.fixture(scope="module")
def vladimir(plan: Plan, mini: Engine) -> DocContext:
    return DocContext.of(plan, mini.catalog, "vladimir2019")


def _sheet(data: bytes) -> list[dict[str, object]]:
    ws = openpyxl.load_workbook(io.BytesIO(data))["Данные"]
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    return [dict(zip(HEADERS, r, strict=True)) for r in rows[1:]]


# ---------------------------------------------------------------- XLSX


def test_xlsx_sheet_layout(plan: Plan, pp457: DocContext) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(xlsx.render(plan, pp457)))
    assert wb.sheetnames == ["План", "Данные"]  # the form, then the flat data with ids
    ws = wb["Данные"]
    assert [c.value for c in ws[1]] == HEADERS
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "A2"
    # three rows: the ramp, the complaint procedure, the unrecognised line
    assert ws.max_row == 4
    assert ws.auto_filter.ref == "A1:U4"
    assert ws["K2"].alignment.wrap_text
    assert ws.column_dimensions["K"].width > ws.column_dimensions["C"].width
    assert wb.properties.creator == "nokrules"
    assert wb.properties.created == datetime(2027, 1, 15)
    assert wb.properties.modified == datetime(2027, 1, 15)


def test_xlsx_one_row_per_measure(plan: Plan, pp457: DocContext) -> None:
    ramp, complaint, other = _sheet(xlsx.render(plan, pp457))
    assert ramp == {
        "Организация": "ГБУ «Дом-интернат „Ветеран“»",
        "Вид организации": "Дом-интернат для престарелых и инвалидов",
        "Дата плана": datetime(2027, 1, 15),
        "Раздел": "III. Доступность услуг для инвалидов",
        "Показатель": "3.1",
        "Строка ввода": 1,
        "Недостаток (текст находки)": "нет пандуса",
        "Код недостатка": "ramp_missing",
        "Недостаток по каталогу": "Нет пандуса",
        "Код мероприятия": "install_ramp",
        "Мероприятие": "Установить пандус у входа",
        "Срок (дата)": datetime(2027, 12, 30),  # 31.12.2027 is a day off
        "Срок (текст)": "до 30.12.2027",
        "Ответственный": "Заместитель директора по административно-хозяйственной работе",
        "Роль": "aho_deputy",
        "Ожидаемый результат": "Пандус установлен",
        "Основание": None,
        "Правило": "ramp",
        "Обоснование правила": "СП 59.13330",
        "Ручная формулировка": "нет",
        "Версия каталога": "1.0.0",
    }
    assert complaint["Код мероприятия"] == "publish_complaint_procedure"
    assert complaint["Мероприятие"] == "Разместить на официальном сайте организации порядок подачи жалоб"
    assert complaint["Срок (дата)"] == datetime(2027, 2, 15)
    assert complaint["Раздел"] == "I. Открытость и доступность информации об организации"
    assert other["Недостаток (текст находки)"] == "грубый охранник"
    assert other["Строка ввода"] == 3
    assert other["Мероприятие"] == MANUAL
    assert other["Ручная формулировка"] == "да"
    assert other["Раздел"] == "Прочие недостатки"
    assert other["Код мероприятия"] is None and other["Срок (дата)"] is None


def test_xlsx_due_cells_are_dates_in_russian_format(plan: Plan, pp457: DocContext) -> None:
    ws = openpyxl.load_workbook(io.BytesIO(xlsx.render(plan, pp457)))["Данные"]
    due = ws["L2"]
    assert due.is_date and due.value == datetime(2027, 12, 30)
    assert due.number_format == "dd.mm.yyyy"
    assert ws["C2"].is_date and ws["C2"].number_format == "dd.mm.yyyy"


def test_xlsx_permanent_measure_has_no_date(mini: Engine, pp457: DocContext) -> None:
    plan = mini.draft_plan("укомплектована кадрами на 40%", date=D)
    rows = _sheet(xlsx.render(plan, pp457))
    # one finding, two measures: two rows
    assert [(r["Код мероприятия"], r["Срок (дата)"], r["Срок (текст)"]) for r in rows] == [
        ("recruit_staff_urgently", datetime(2027, 3, 31), "I квартал 2027 г."),
        ("monitor_staffing", None, "постоянно"),
    ]
    assert {r["Недостаток (текст находки)"] for r in rows} == {"укомплектована кадрами на 40%"}


def test_xlsx_item_without_measures_is_manual(plan: Plan, pp457: DocContext) -> None:
    bare = plan.model_copy(update={"items": [plan.items[0].model_copy(update={"measures": []})], "unrecognized": []})
    (row,) = _sheet(xlsx.render(bare, pp457))
    assert row["Код недостатка"] == "ramp_missing"
    assert row["Мероприятие"] == MANUAL
    assert row["Ручная формулировка"] == "да"


def test_xlsx_same_plan_same_bytes(plan: Plan, pp457: DocContext) -> None:
    first = xlsx.render(plan, pp457)
    time.sleep(1.1)
    second = xlsx.render(plan, pp457)
    assert first == second
    names = zipfile.ZipFile(io.BytesIO(first)).namelist()
    assert names[0] == "[Content_Types].xml"
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(first)).infolist()} == {(2027, 1, 15, 0, 0, 0)}


# ---------------------------------------------------------------- HTML


class _Tags(HTMLParser):
    """Start tags with their attributes, and the text of every table row (cells joined by «|»)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:  # non-breaking spaces (typesetting) read as spaces
            self.rows[-1].append("".join(self._cell).replace("\u00a0", " "))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _parse(page: str) -> _Tags:
    p = _Tags()
    p.feed(page)
    p.close()
    return p


def test_html_page_frame(plan: Plan, pp457: DocContext) -> None:
    page = html.render(plan, pp457)
    assert page.startswith('<!DOCTYPE html>\n<html lang="ru">')
    assert '<meta charset="utf-8">' in page
    assert "@page { size: A4 landscape; margin: 1.2cm 1.5cm 1.5cm;" in page
    assert 'content: "Страница " counter(page) " из " counter(pages);' in page
    assert "thead { display: table-header-group; }" in page
    assert "page-break-inside: avoid" in page
    assert '"Times New Roman"' in page
    # approval block, in order, before the title
    approval = [
        "УТВЕРЖДАЮ",
        "(должность руководителя органа-учредителя)",
        "_______________ (Ф.\u00a0И.\u00a0О.)",  # initials never broken apart
        "«___» ____________ 20__ г.",
    ]
    positions = [page.index(f">{line}</p>") for line in approval]
    assert positions == sorted(positions)
    title = "<h1>ПЛАН по устранению недостатков, выявленных в ходе независимой оценки качества условий оказания услуг</h1>"
    assert positions[-1] < page.index(title)
    # the institution, escaped, with its caption under it, then the year
    name = "ГБУ «Дом-интернат „Ветеран“»"
    assert (
        page.index(name)
        < page.index('<p class="caption">(наименование организации)</p>')
        < page.index('<p class="year">на\u00a02027\u00a0год</p>')
    )
    assert "<caption" in page
    assert page.rstrip().endswith("</html>")


def test_html_header_rows_pp457(plan: Plan, pp457: DocContext) -> None:
    tags = _parse(html.render(plan, pp457))
    ths = [a for t, a in tags.tags if t == "th"]
    assert {"scope": "colgroup", "colspan": "2"} in ths
    assert '<th scope="colgroup" colspan="2">Сведения о ходе реализации мероприятия</th>' in html.render(plan, pp457)
    assert sum(1 for a in ths if a.get("rowspan") == "2") == 4
    assert tags.rows[0][0].startswith("Недостатки, выявленные в ходе независимой оценки")
    assert tags.rows[1] == ["реализованные меры по устранению выявленных недостатков", "фактический срок реализации"]
    # numbered as the footnote names them: «Графа 5» over both its parts
    assert tags.rows[2] == ["1", "2", "3", "4", "5"]
    assert '<td colspan="2">5</td>' in html.render(plan, pp457)
    assert all(a.get("scope") in ("col", "colgroup", "rowgroup") for a in ths)


def test_html_body_rows_pp457(plan: Plan, pp457: DocContext) -> None:
    page = html.render(plan, pp457)
    body = _parse(page).rows[3:]
    assert (
        body
        == [
            [SECTIONS_PP457[0]],
            [
                "нет порядка подачи жалоб на сайте",
                "Разместить на официальном сайте организации порядок подачи жалоб",
                "до 15.02.2027",
                "Ответственный за ведение официального сайта — ____________ (должность, Ф. И. О.)",  # no profile: a line for the name
                "",
                "",
            ],
            [SECTIONS_PP457[1]],
            ["Недостатки не выявлены"],  # one line across the table
            [SECTIONS_PP457[2]],
            [
                "нет пандуса",
                "Установить пандус у входа",
                "до 30.12.2027",
                "Заместитель директора по административно-хозяйственной работе — ____________ (Ф. И. О.)",  # no profile: a line for the name
                "",
                "",
            ],
            [SECTIONS_PP457[3]],
            ["Недостатки не выявлены"],  # one line across the table
            [SECTIONS_PP457[4]],
            ["Недостатки не выявлены"],  # one line across the table
            ["Прочие недостатки"],
            ["грубый охранник", MANUAL, "", "", "", ""],
        ]
    )
    assert page.count('<th scope="rowgroup" colspan="6">') == 6
    assert page.count('<tr class="note">') == 3
    assert "tr.note td { font-style: italic; }" in page
    assert f'<tr class="manual"><td>грубый охранник</td><td><strong class="manual-mark">{MANUAL}</strong></td>' in page
    assert ".manual-mark { color: #9c0006; font-weight: bold; }" in page
    assert "Графа 5 заполняется по мере реализации плана." in page


def test_html_vladimir2019(plan: Plan, vladimir: DocContext) -> None:
    page = html.render(plan, vladimir)
    rows = _parse(page).rows
    assert rows[0] == [
        "№ п/п",
        "Наименование мероприятия",
        "Основание реализации (результат независимой оценки качества)",
        "Срок реализации",
        "Ответственный исполнитель",
        "Результат",
        "Показатели, характеризующие результат выполнения мероприятия",
    ]
    assert rows[1] == ["1", "2", "3", "4", "5", "6", "7"]
    assert "<h1>План мероприятий по улучшению деятельности</h1>" in page
    assert 'colspan="2"' not in page and "rowspan" not in page
    assert rows[2] == ["I. Открытость и доступность информации об организации"]
    assert rows[4] == ["II. Комфортность условий предоставления услуг"]
    assert rows[5] == ["Недостатки не выявлены"]
    assert (
        rows[6:8]
        == [
            ["III. Доступность услуг для инвалидов"],
            [
                "2",
                "Установить пандус у входа",
                "нет пандуса",
                "до 30.12.2027",
                "Заместитель директора по административно-хозяйственной работе — ____________ (Ф. И. О.)",  # no profile: a line for the name
                "Пандус установлен",
                "Показатель 3.1: Оборудование помещений организации и прилегающей к ней территории с учётом доступности для инвалидов",
            ],
        ]
    )
    assert rows[-2:] == [["Прочие недостатки"], ["3", MANUAL, "грубый охранник", "", "", "", ""]]
    # the federal footnote about column 5 does not belong to this form
    assert "Графа 5" not in page


def test_html_section_titles_in_order(plan: Plan, pp457: DocContext) -> None:
    page = html.render(plan, pp457)
    positions = [page.index(f">{t}</th>") for t in SECTIONS_PP457]
    assert positions == sorted(positions)
    assert page.index(SECTIONS_PP457[-1]) < page.index(">Прочие недостатки</th>")


def test_html_multiline_cells_keep_breaks(mini: Engine, pp457: DocContext) -> None:
    # two findings answered by one measure: one row, both findings in its first cell
    plan = mini.draft_plan("- нет пандуса\n- отсутствует пандус у входа", date=D)
    rows = _parse(html.render(plan, pp457)).rows
    ramp = next(r for r in rows if len(r) > 1 and r[1] == "Установить пандус у входа")
    assert ramp[0] == "нет пандуса\nотсутствует пандус у входа"


def test_html_escapes_and_is_self_contained(mini: Engine, pp457: DocContext) -> None:
    plan = mini.draft_plan('- <script>alert("x")</script> & нет пандуса\n- <b>грубо</b>', "A & B <i>", date=D)
    page = html.render(plan, pp457)
    assert "<script>" not in page and "<b>" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; нет пандуса" in page
    assert "A &amp; B &lt;i&gt;" in page
    for _tag, attrs in _parse(page).tags:
        for key in ("src", "href"):
            value = attrs.get(key) or ""
            assert not value.startswith(("http://", "https://", "//"))
    assert "http://" not in page and "https://" not in page and "@import" not in page and "url(" not in page


def test_html_same_plan_same_text(plan: Plan, pp457: DocContext) -> None:
    first = html.render(plan, pp457)
    time.sleep(0.01)
    assert html.render(plan, pp457) == first


def test_html_without_approval_and_year(plan: Plan, pp457: DocContext) -> None:
    layout = pp457.layout.model_copy(
        update={"approval": False, "year_line": False, "number_columns": False, "subtitle": "Подзаголовок"}
    )
    page = html.render(plan, DocContext(layout, 2027))
    assert "УТВЕРЖДАЮ" not in page and "на 2027 год" not in page and 'class="numbers"' not in page
    assert '<p class="subtitle">Подзаголовок</p>' in page


def test_html_blank_institution_keeps_the_caption(mini: Engine, pp457: DocContext) -> None:
    plan = mini.draft_plan("нет пандуса", date=D)
    page = html.render(plan, pp457)
    assert '<span class="blank">' in page
    assert page.count("(наименование организации)") >= 1
