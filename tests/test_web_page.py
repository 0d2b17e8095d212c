"""The inspector's page (server-rendered HTML forms, no script) on the mini catalog: labels and language,
nothing loaded from other hosts, the plan table with its «Почему», picking a suggestion for an unrecognised
finding and taking it back, downloads of exactly the plan on screen, errors next to the form, the version
for the visually impaired. Expectations come from tests/fixtures/mini by hand."""

from __future__ import annotations

import html
import io
import json
import re
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from typing import Any

import docx
import openpyxl  # type: ignore[import-untyped]
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx2 import Response

from nokrules import Engine
from nokrules.core.model import Choice
from nokrules.web.app import create_app

from .conftest import MINI
from .test_render_docx import SECTIONS  # the five official section titles, written by hand there

D = date(2027, 1, 15)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
COMPLAINT_ON_SITE = "нет порядка подачи жалоб на сайте"
UNRECOGNISED = "грубый охранник на входе"  # no pattern of the mini catalog matches it
PUBLISH_ON_SITE = "Разместить на официальном сайте организации порядок подачи жалоб"
INSTITUTION = "ГБУ «КЦСОН г. Примерска»"
FORM = {"text": COMPLAINT_ON_SITE, "institution": INSTITUTION, "kind": "kcson", "date": "2027-01-15", "form": "pp457"}
WITH_UNRECOGNISED = {**FORM, "text": f"{COMPLAINT_ON_SITE}\n{UNRECOGNISED}"}

ROLES = [  # tests/fixtures/mini/catalog/roles.yaml, in order
    "director",
    "deputy_director",
    "aho_deputy",
    "site_admin",
    "information_officer",
    "accessibility_officer",
    "head_of_department",
    "hr_officer",
    "quality_officer",
    "contract_manager",
    "chief_accountant",
    "psychologist",
    "dietitian",
    "leisure_organizer",
]
KINDS = [
    ("kcson", "Комплексный центр социального обслуживания населения"),
    ("veterans_home", "Дом ветеранов"),
    ("care_home", "Дом-интернат для престарелых и инвалидов"),
    ("psychoneurological_home", "Психоневрологический интернат"),
    ("gerontology_center", "Геронтологический центр"),
    ("children_rehab_center", "Реабилитационный центр для детей и подростков с ограниченными возможностями"),
    ("rehab_center", "Реабилитационный центр для инвалидов"),
    ("minors_center", "Социально-реабилитационный центр для несовершеннолетних"),
    ("shelter", "Социальный приют"),
    ("family_center", "Центр социальной помощи семье и детям"),
    ("adaptation_center", "Центр социальной адаптации"),
    ("other", "Иная организация социального обслуживания"),
]
# deficiency → (title, the measures a finding chosen for it gets with no kind, its section); a finding chosen
# by hand names no place, so the complaint measure names both
BY_HAND = {
    "ramp_missing": ("Нет пандуса", ["Установить пандус у входа"], "III"),
    "handrails_missing": ("Нет поручней", ["Установить поручни"], "III"),
    "complaint_procedure_missing": (
        "Нет порядка подачи жалоб",
        ["Разместить на официальном сайте и на информационных стендах организации порядок подачи жалоб"],
        "I",
    ),
    "faq_missing": ("Нет раздела «Часто задаваемые вопросы»", ["Создать раздел «Часто задаваемые вопросы»"], "I"),
    "staffing_shortage": (
        "Недостаточная укомплектованность кадрами",
        ["Укомплектовать штат", "Ежеквартально анализировать укомплектованность"],
        "IV",
    ),
}


@pytest.fixture(scope="module")
def mini_engine() -> Engine:
    return Engine.load(MINI)


@pytest.fixture(scope="module")
def app(mini_engine: Engine) -> FastAPI:
    return create_app(mini_engine)


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[TestClient]:
    """Shared by the tests that do not look at cookies (the visually-impaired ones get their own)."""
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


class Page(HTMLParser):
    """What the tests look at in a page: controls, labels, buttons of the form in order, hidden inputs."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.controls: list[dict[str, str]] = []  # input/select/textarea other than hidden
        self.hidden: list[dict[str, str]] = []
        self.label_for: list[str] = []
        self.buttons: list[dict[str, str]] = []  # inside the form, in document order, with their text
        self.options: dict[str, list[tuple[str, str]]] = {}
        self.urls: list[str] = []
        self.body_class = ""
        self._in_form = False
        self._button: dict[str, str] | None = None
        self._select: str | None = None
        self._option: list[str] | None = None
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        for key in ("href", "src", "action", "formaction"):
            if key in a:
                self.urls.append(a[key])
        if tag == "body":
            self.body_class = a.get("class", "")
        elif tag == "form":
            self._in_form = True
        elif tag == "label" and "for" in a:
            self.label_for.append(a["for"])
        elif tag == "input" and a.get("type") == "hidden":
            self.hidden.append(a)
        elif tag in ("input", "select", "textarea"):
            self.controls.append({"tag": tag, **a})
            if tag == "select":
                self._select = a.get("id", "")
                self.options[self._select] = []
        elif tag == "option" and self._select is not None:
            self._option = [a.get("value", ""), ""]
        elif tag == "button" and self._in_form:
            self._button = {**a, "text": ""}

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._in_form = False
        elif tag == "button" and self._button is not None:
            self.buttons.append(self._button)
            self._button = None
        elif tag == "option" and self._option is not None and self._select is not None:
            self.options[self._select].append((self._option[0], self._option[1]))
            self._option = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data: str) -> None:
        if self._button is not None:
            self._button["text"] += data
        if self._option is not None:
            self._option[1] += data

    def choose_values(self) -> list[dict[str, Any]]:
        return [json.loads(b["value"]) for b in self.buttons if b.get("name") == "choose"]

    def choices(self) -> list[dict[str, Any]]:
        return [json.loads(h["value"]) for h in self.hidden if h.get("name") == "choice"]


def section_headings(text: str) -> list[str]:
    """The section rows, spanning the form's columns and «Почему»."""
    return [html.unescape(h) for h in re.findall(r'<th scope="rowgroup" colspan="\d+">(.*?)</th>', text)]


def block(text: str, cls: str) -> str:
    """The HTML of `<section class="cls">…</section>` (these sections do not nest others)."""
    m = re.search(rf'<section class="{cls}".*?</section>', text, re.S)
    return m.group(0) if m else ""


def plan_table(text: str) -> str:
    m = re.search(r'<table class="plan" id="plan-table">.*?</table>', text, re.S)
    assert m, "no #plan-table"
    return m.group(0)


def table_rows(text: str) -> list[str]:
    return [r for r in re.findall(r"<tr[^>]*>.*?</tr>", plan_table(text), re.S) if "<td>" in r]


def rows_of(text: str, finding: str) -> list[str]:
    return [r for r in table_rows(text) if f"</span> {html.escape(finding, quote=True)}</p>" in r]


def row_of(text: str, finding: str) -> str:
    [row] = rows_of(text, finding)
    return row


def group_of(text: str, finding: str) -> list[str]:
    """The rows of a finding's group: the row drawing its finding cell and the rows that cell spans."""
    rows = table_rows(text)
    [first] = [k for k, r in enumerate(rows) if f"</span> {html.escape(finding, quote=True)}</p>" in r]
    m = re.match(r'<tr[^>]*>\s*<td rowspan="(\d+)">', rows[first])
    return rows[first : first + (int(m.group(1)) if m else 1)]


def cells(row: str) -> list[str]:
    found = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    return [re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", c))).strip() for c in found]


def assert_only_under_other(text: str, finding: str, line: int) -> None:
    """An unrecognised finding is in no section I–V: only under «Прочие недостатки», as in the DOCX, with
    its measure to be written by hand."""
    table = plan_table(text)
    assert table.index(">Прочие недостатки</th>") < table.index(html.escape(finding, quote=False))
    assert [cells(r)[:2] for r in rows_of(text, finding)] == [
        [f"стр. {line} {finding}", "мероприятие требует ручной формулировки"]
    ]


def assert_ok_page(r: Response) -> str:
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/html")
    assert 'role="alert"' not in r.text
    return r.text


def unlabelled(page: Page) -> list[dict[str, str]]:
    return [c for c in page.controls if not c.get("id") or c["id"] not in page.label_for]


# ---------------------------------------------------------------------------------------------- page


def test_page_is_russian_and_every_control_has_a_label(client: TestClient) -> None:
    text = assert_ok_page(client.get("/"))
    assert '<html lang="ru">' in text
    page = Page(text)
    assert {c["id"] for c in page.controls} == {
        "text",
        "scores",
        "institution",
        "kind",
        "date",
        "form",
        "profile",
        "approver-position",
        "approver-name",
        "founder",
        "year",
        "report_date",
        *(f"forms-{f}" for f in ("stationary", "semi_stationary", "home")),
        *(f"person-{r}" for r in ROLES),
    }
    assert unlabelled(page) == []
    assert len(page.label_for) == len(set(page.label_for))


def test_result_page_also_labels_every_control(client: TestClient) -> None:
    first = Page(assert_ok_page(client.post("/", data=WITH_UNRECOGNISED)))
    chosen = assert_ok_page(client.post("/", data={**WITH_UNRECOGNISED, "choose": json.dumps(first.choose_values()[0])}))
    page = Page(chosen)
    assert page.hidden  # the picked suggestion is carried in a hidden input, which needs no label
    assert unlabelled(page) == []


def test_kind_select_lists_the_catalog_kinds(client: TestClient) -> None:
    page = Page(assert_ok_page(client.get("/")))
    assert page.options["kind"] == [("", "— не указан —"), *KINDS]
    assert [v for v, _ in page.options["form"]] == ["pp457", "vladimir2019"]


def test_date_defaults_to_today(client: TestClient) -> None:
    before = date.today().isoformat()
    page = Page(assert_ok_page(client.get("/")))
    after = date.today().isoformat()
    [field] = [c for c in page.controls if c.get("id") == "date"]
    assert field["type"] == "date"
    assert field["value"] in {before, after}


def test_nothing_is_loaded_from_another_host(client: TestClient) -> None:
    pages = [client.get("/").text, client.post("/", data=WITH_UNRECOGNISED).text]
    css = client.get("/static/app.css")
    assert css.status_code == 200
    assert css.headers["content-type"].startswith("text/css")
    assert "font-family" in css.text
    for text in [*pages, css.text]:
        assert "http://" not in text and "https://" not in text
    for text in pages:
        for url in Page(text).urls:
            assert url.startswith(("/", "#")) and not url.startswith("//"), url
        assert "<script" not in text
        assert " style=" not in text and "<style" not in text  # a strict Content-Security-Policy would block them
    assert client.get("/static/favicon.svg").status_code == 200


# ---------------------------------------------------------------------------------------------- plan


def test_drafted_plan_is_the_official_table_with_five_sections(client: TestClient) -> None:
    text = assert_ok_page(client.post("/", data=FORM))
    assert section_headings(plan_table(text)) == SECTIONS
    assert plan_table(text).count("Недостатки не выявлены") == 4  # II–V have no findings
    row = row_of(text, COMPLAINT_ON_SITE)
    # the columns of the federal form, as in the DOCX: the two «ход реализации» columns are left to fill in
    assert cells(row)[:6] == [
        f"стр. 1 {COMPLAINT_ON_SITE}",
        PUBLISH_ON_SITE,
        "до 15.02.2027",
        "Ответственный за ведение официального сайта — ____________ (должность, Ф. И. О.)",
        "",
        "",
    ]
    assert html.escape(f"План по устранению недостатков: {INSTITUTION} (дата плана 15.01.2027)", quote=False) in text
    assert "Находок: 1; распознано: 1; не распознано: 0; строк плана: 1." in text


def test_the_table_has_the_columns_of_the_chosen_form(client: TestClient) -> None:
    federal = plan_table(assert_ok_page(client.post("/", data=FORM)))
    assert "Сведения о ходе реализации мероприятия" in federal and "Результат" not in federal
    text = assert_ok_page(client.post("/", data={**FORM, "form": "vladimir2019"}))
    assert "Показатели, характеризующие результат выполнения мероприятия" in plan_table(text)
    assert cells(row_of(text, COMPLAINT_ON_SITE))[:6] == [
        "1",
        PUBLISH_ON_SITE,
        f"стр. 1 {COMPLAINT_ON_SITE}",
        "до 15.02.2027",
        "Ответственный за ведение официального сайта — ____________ (должность, Ф. И. О.)",
        "Порядок размещён",
    ]


def test_the_form_keeps_what_was_submitted(client: TestClient) -> None:
    text = assert_ok_page(client.post("/", data={**FORM, "form": "vladimir2019"}))
    assert f">\n{html.escape(COMPLAINT_ON_SITE)}</textarea>" in text
    assert f'value="{html.escape(INSTITUTION, quote=True)}"' in text
    assert '<option value="kcson" selected>' in text
    assert '<option value="vladimir2019" selected>' in text
    assert 'value="2027-01-15"' in text


def test_a_kind_named_by_its_alias_stays_selected(client: TestClient) -> None:
    # the page resolves the kind as the plan does: «ЦСОН» is kcson, so the list shows kcson picked
    text = assert_ok_page(client.post("/", data={**FORM, "kind": "ЦСОН"}))
    assert '<option value="kcson" selected>' in text


def test_every_row_explains_why_in_plain_words(client: TestClient) -> None:
    text = assert_ok_page(client.post("/", data=FORM))
    why = cells(row_of(text, COMPLAINT_ON_SITE))[-1]
    assert why == (
        "Почему стр. 1: недостаток «Нет порядка подачи жалоб» (показатель 1.1) — распознано по шаблону каталога; "
        "слова находки: «порядка», «жалоб»; место: сайт. "
        "Мероприятие «Разместить на официальном сайте организации порядок…»: ст. 13 442-ФЗ."
    )
    assert "<code>" not in plan_table(text) and "complaint" not in plan_table(text)


def test_why_is_one_cell_per_group_with_the_value_read_from_the_finding(client: TestClient) -> None:
    text = assert_ok_page(client.post("/", data={**FORM, "text": "укомплектована кадрами на 40%"}))
    rows = group_of(text, "укомплектована кадрами на 40%")
    assert [cells(r)[1 if k == 0 else 0] for k, r in enumerate(rows)] == [
        "Срочно укомплектовать штат",
        "Ежеквартально анализировать укомплектованность",
    ]
    assert rows[0].count("<td") == 7 and rows[1].count("<td") == 5  # the finding and «Почему» cells span both
    assert rows[0].count('rowspan="2"') == 2
    why = cells(rows[0])[-1]
    assert "укомплектованность штата, %: 40" in why
    assert "staffing" not in why
    assert "Мероприятие «Срочно укомплектовать штат»: менее половины штата." in why
    assert "Мероприятие «Ежеквартально анализировать укомплектованность»: укомплектованность." in why


# ---------------------------------------------------------------------------------------------- suggestions


def test_unrecognised_line_is_listed_with_suggestion_buttons(client: TestClient) -> None:
    text = assert_ok_page(client.post("/", data=WITH_UNRECOGNISED))
    unrec = block(text, "unrecognized")
    assert "Не распознано" in unrec
    assert f'<span class="line">стр. 2</span> <q>{UNRECOGNISED}</q>' in unrec
    assert unrec.count('button type="submit" class="choose" name="choose"') == 3
    assert 'class="id"' not in unrec and not any(d in html.unescape(re.sub(r'value="[^"]*"', "", unrec)) for d in BY_HAND)
    values = Page(text).choose_values()
    assert len(values) == 3
    for v in values:
        assert v["line"] == 2 and v["text"] == UNRECOGNISED and v["deficiency"] in BY_HAND
        assert f"Выбрать: {html.escape(BY_HAND[v['deficiency']][0], quote=False)}" in unrec
    assert_only_under_other(text, UNRECOGNISED, 2)
    assert "Находок: 2; распознано: 1; не распознано: 1; строк плана: 1." in text


@pytest.mark.parametrize("k", [0, 1, 2])
def test_choosing_a_suggestion_puts_the_finding_in_the_table(client: TestClient, k: int) -> None:
    alone = {**FORM, "text": f"- {UNRECOGNISED}", "kind": ""}  # no other row for a chosen measure to join
    first = Page(assert_ok_page(client.post("/", data=alone)))
    pick = first.choose_values()[k]
    assert (pick["line"], pick["text"]) == (1, UNRECOGNISED)
    title, measures, section = BY_HAND[pick["deficiency"]]
    text = assert_ok_page(client.post("/", data={**alone, "choose": json.dumps(pick, ensure_ascii=False)}))
    page = Page(text)
    assert page.choices() == [pick]  # carried to the next click in a hidden input
    assert "Не распознано" not in text
    chosen = block(text, "chosen")
    assert "Выбрано вручную" in chosen
    assert f"стр. 1: {html.escape(title, quote=False)}" in chosen
    assert '<button type="submit" class="link" name="unchoose" value="0">Отменить</button>' in chosen
    rows = group_of(text, UNRECOGNISED)
    assert [cells(r)[1 if k == 0 else 0] for k, r in enumerate(rows)] == measures
    assert f"стр. 1: недостаток «{title}» (показатель" in html.unescape(rows[0]) and "— выбран вручную" in rows[0]
    # the finding's rows sit under its section's heading
    table = plan_table(text)
    heading = next(h for h in SECTIONS if h.startswith(f"{section}. "))
    after = table[table.index(html.escape(heading, quote=False)) :]
    assert after.index(html.escape(UNRECOGNISED)) < after.index("</tbody>")
    assert table.count("Недостатки не выявлены") == 4
    assert f"Находок: 1; распознано: 1; не распознано: 0; строк плана: {len(measures)}." in text


def test_a_chosen_finding_joins_the_row_of_the_same_measure(client: TestClient) -> None:
    pick = {"line": 2, "deficiency": "complaint_procedure_missing", "text": UNRECOGNISED}
    text = assert_ok_page(client.post("/", data={**WITH_UNRECOGNISED, "choose": json.dumps(pick, ensure_ascii=False)}))
    row = row_of(text, UNRECOGNISED)
    assert row == row_of(text, COMPLAINT_ON_SITE)
    # the chosen finding names no place, so the measure names the site and the stands
    assert cells(row)[1] == "Разместить на официальном сайте и на информационных стендах организации порядок подачи жалоб"
    assert "Находок: 2; распознано: 2; не распознано: 0; строк плана: 1." in text


def test_a_kept_choice_survives_the_next_redraw(client: TestClient) -> None:
    choice = {"line": 2, "deficiency": "faq_missing", "text": UNRECOGNISED}
    text = assert_ok_page(client.post("/", data={**WITH_UNRECOGNISED, "choice": json.dumps(choice, ensure_ascii=False)}))
    assert Page(text).choices() == [choice]
    assert cells(row_of(text, UNRECOGNISED))[1] == "Создать раздел «Часто задаваемые вопросы»"


def test_unchoose_takes_the_choice_back(client: TestClient) -> None:
    choice = json.dumps({"line": 2, "deficiency": "faq_missing", "text": UNRECOGNISED}, ensure_ascii=False)
    text = assert_ok_page(client.post("/", data={**WITH_UNRECOGNISED, "choice": choice, "unchoose": "0"}))
    assert Page(text).choices() == []
    assert "Выбрано вручную" not in text
    assert f"<q>{UNRECOGNISED}</q>" in block(text, "unrecognized")
    assert_only_under_other(text, UNRECOGNISED, 2)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (COMPLAINT_ON_SITE, "такой находки больше нет в тексте"),
        (f"{COMPLAINT_ON_SITE}\nнет пандуса", "такой находки больше нет в тексте"),
        (f"{COMPLAINT_ON_SITE}\n{UNRECOGNISED} и нет пандуса", "такой находки больше нет в тексте"),
    ],
    ids=["line-gone", "line-replaced", "line-edited"],
)
def test_a_stale_choice_is_dropped_and_said_so(client: TestClient, text: str, why: str) -> None:
    choice = json.dumps({"line": 2, "deficiency": "faq_missing", "text": UNRECOGNISED}, ensure_ascii=False)
    page = assert_ok_page(client.post("/", data={**FORM, "text": text, "choice": choice}))
    assert Page(page).choices() == []
    assert "Выбрано вручную" not in page
    assert "Создать раздел «Часто задаваемые вопросы»" not in page
    dropped = html.unescape(block(page, "dropped"))
    assert "Выбор не применён" in dropped
    assert f"«{UNRECOGNISED}» → Нет раздела «Часто задаваемые вопросы»: {why}." in dropped


@pytest.mark.parametrize(
    "text",
    [
        f"{UNRECOGNISED}\n{COMPLAINT_ON_SITE}",  # the line moved up
        f"\n\n{COMPLAINT_ON_SITE}\n{UNRECOGNISED}",  # blank lines added above it
        f"{COMPLAINT_ON_SITE}  \r\n\r\n  {UNRECOGNISED}  \r\n",  # CRLF, trailing spaces, a blank line
    ],
    ids=["moved-up", "blank-lines-above", "crlf"],
)
def test_a_choice_follows_its_finding_when_lines_move(client: TestClient, text: str) -> None:
    choice = {"line": 2, "deficiency": "faq_missing", "text": UNRECOGNISED}
    page = assert_ok_page(client.post("/", data={**FORM, "text": text, "choice": json.dumps(choice, ensure_ascii=False)}))
    line = next(n for n, t in enumerate(text.replace("\r\n", "\n").split("\n"), start=1) if UNRECOGNISED in t)
    assert Page(page).choices() == [{**choice, "line": line}]
    assert 'class="dropped"' not in page
    assert cells(row_of(page, UNRECOGNISED))[1] == "Создать раздел «Часто задаваемые вопросы»"


def test_a_leading_blank_line_survives_the_round_trip(client: TestClient) -> None:
    # the parser of the next page drops one newline after <textarea>: the page emits one for it to drop
    text = f"\n{UNRECOGNISED}\n{COMPLAINT_ON_SITE}"
    page = assert_ok_page(client.post("/", data={**FORM, "text": text}))
    assert f'<textarea id="text" name="text" rows="9" aria-describedby="text-hint">\n\n{UNRECOGNISED}\n' in page
    assert [v["line"] for v in Page(page).choose_values()] == [2, 2, 2]


@pytest.mark.parametrize("junk", ["{", "[]", '{"line": 2}', '{"line": 2, "deficiency": "pool_missing"}', "null"])
def test_a_tampered_choice_is_ignored(client: TestClient, junk: str) -> None:
    text = assert_ok_page(client.post("/", data={**WITH_UNRECOGNISED, "choice": junk, "choose": junk}))
    assert Page(text).choices() == []
    assert f"<q>{UNRECOGNISED}</q>" in block(text, "unrecognized")


@pytest.mark.parametrize("index", ["5", "-1", "x", "²"])
def test_a_tampered_unchoose_is_ignored(client: TestClient, index: str) -> None:
    choice = {"line": 2, "deficiency": "faq_missing", "text": UNRECOGNISED}
    r = client.post("/", data={**WITH_UNRECOGNISED, "choice": json.dumps(choice, ensure_ascii=False), "unchoose": index})
    text = assert_ok_page(r)
    assert Page(text).choices() == [choice]


# ---------------------------------------------------------------------------------------------- downloads


def test_download_docx_is_the_plan_on_screen(client: TestClient) -> None:
    choice = json.dumps({"line": 2, "deficiency": "faq_missing", "text": UNRECOGNISED}, ensure_ascii=False)
    r = client.post("/download/docx", data={**WITH_UNRECOGNISED, "choice": choice})
    assert r.status_code == 200
    assert r.headers["content-type"] == DOCX
    assert r.headers["content-disposition"].startswith('attachment; filename="gbu-ktsson-g-primerska.docx"; ')
    doc = docx.Document(io.BytesIO(r.content))
    found = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    assert PUBLISH_ON_SITE in found
    assert "Создать раздел «Часто задаваемые вопросы»" in found  # the chosen suggestion is in the file too


def test_download_xlsx_is_the_plan_on_screen(client: TestClient) -> None:
    r = client.post("/download/xlsx", data=FORM)
    assert r.status_code == 200
    assert r.headers["content-type"] == XLSX
    wb = openpyxl.load_workbook(io.BytesIO(r.content))
    values = [v for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row]
    assert PUBLISH_ON_SITE in values
    assert INSTITUTION in values


def test_download_json_is_the_plan_contract(client: TestClient, mini_engine: Engine) -> None:
    choice = {"line": 2, "deficiency": "faq_missing", "text": UNRECOGNISED}
    r = client.post("/download/json", data={**WITH_UNRECOGNISED, "choice": json.dumps(choice, ensure_ascii=False)})
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/json"
    plan = r.json()
    assert plan["schema"] == "nokrules.plan/2"
    assert [(it["finding"]["line"], it["deficiency"]["id"]) for it in plan["items"]] == [
        (1, "complaint_procedure_missing"),
        (2, "faq_missing"),
    ]
    inst = mini_engine.institution(INSTITUTION, "kcson")
    expected = mini_engine.draft_plan(WITH_UNRECOGNISED["text"], inst, date=D, choices=[Choice.model_validate(choice)]).to_json()
    assert r.content == expected.encode("utf-8")


def test_download_of_an_unknown_format_is_404(client: TestClient) -> None:
    r = client.post("/download/pdf", data=FORM)
    assert r.status_code == 404
    assert 'role="alert"' in r.text and "нет формата pdf" in r.text


def test_download_with_bad_input_is_422_with_the_page(client: TestClient) -> None:
    r = client.post("/download/docx", data={**FORM, "text": ""})
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("text/html")
    assert 'role="alert"' in r.text and "нет текста" in r.text


# ---------------------------------------------------------------------------------------------- errors


def alert(text: str) -> str:
    m = re.search(r'<div class="errors" role="alert" id="errors">.*?</div>', text, re.S)
    assert m, "no alert block"
    return html.unescape(m.group(0))


def test_bad_date_is_422_with_an_alert_naming_the_field(client: TestClient) -> None:
    r = client.post("/", data={**FORM, "date": "2027-13-01"})
    assert r.status_code == 422
    box = alert(r.text)
    assert '<a href="#date">Дата плана</a>: ожидалась дата ГГГГ-ММ-ДД' in box
    assert f">\n{html.escape(COMPLAINT_ON_SITE)}</textarea>" in r.text  # the text is kept for correcting
    assert 'id="plan-table"' not in r.text


def test_missing_text_is_422_with_an_alert_naming_the_field(client: TestClient) -> None:
    for data in ({k: v for k, v in FORM.items() if k != "text"}, {**FORM, "text": "  \n "}):
        r = client.post("/", data=data)
        assert r.status_code == 422
        assert '<a href="#text">Недостатки</a>: нет текста: вставьте недостатки из протокола' in alert(r.text)


def test_unknown_kind_and_form_are_422_naming_the_field(client: TestClient) -> None:
    r = client.post("/", data={**FORM, "kind": "планетарий"})
    assert r.status_code == 422
    assert '<a href="#kind">Вид организации</a>: неизвестный вид организации «планетарий»: выберите вид из списка' in alert(r.text)
    assert "kcson" not in alert(r.text)
    r = client.post("/", data={**FORM, "form": "/etc/passwd"})
    assert r.status_code == 422
    assert '<a href="#form">Форма документа</a>: неизвестная форма документа «/etc/passwd»' in alert(r.text)


def test_far_plan_date_is_422_naming_the_date(client: TestClient) -> None:
    r = client.post("/", data={**FORM, "date": "9999-12-31"})
    assert r.status_code == 422
    assert '<a href="#date">Дата плана</a>' in alert(r.text)


def test_the_body_limit_guards_the_page(client: TestClient) -> None:
    r = client.post("/", data={**FORM, "text": "нет пандуса " * 100_000})
    assert r.status_code == 413
    assert r.json()["message"].startswith("тело запроса больше 1024 КиБ")


# ---------------------------------------------------------------------------------------------- visually impaired


def test_vi_is_turned_on_by_the_link_and_kept_by_the_cookie(app: FastAPI) -> None:
    with TestClient(app, raise_server_exceptions=False) as c:
        assert Page(c.get("/").text).body_class == "regular"
        r = c.get("/?vi=1")
        assert r.status_code == 200
        assert Page(r.text).body_class == "vi"
        cookie = r.headers["set-cookie"]
        assert cookie.startswith("nokrules_vi=1;")
        assert "httponly" in cookie.lower() and "samesite=lax" in cookie.lower()
        assert c.cookies.get("nokrules_vi") == "1"
        toggle = next(b for b in Page(r.text).buttons if b.get("name") == "vi")
        assert (toggle["value"], toggle["text"]) == ("0", "Обычная версия")
        # later requests, with the cookie: still on, the plan is drawn as usual
        again = c.get("/")
        assert Page(again.text).body_class == "vi" and "set-cookie" not in again.headers
        drawn = c.post("/", data=FORM)
        assert drawn.status_code == 200 and Page(drawn.text).body_class == "vi"
        assert PUBLISH_ON_SITE in plan_table(drawn.text)


def test_vi_is_turned_off_by_posting_vi_0(app: FastAPI) -> None:
    with TestClient(app, raise_server_exceptions=False) as c:
        c.get("/?vi=1")
        r = c.post("/", data={**FORM, "vi": "0"})
        assert r.status_code == 200
        assert Page(r.text).body_class == "regular"
        assert r.headers["set-cookie"].startswith("nokrules_vi=0;")
        assert Page(c.get("/").text).body_class == "regular"
        toggle = next(b for b in Page(r.text).buttons if b.get("name") == "vi")
        assert (toggle["value"], toggle["text"]) == ("1", "Версия для слабовидящих")


def test_vi_toggle_button_in_the_form_keeps_the_plan(app: FastAPI) -> None:
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.post("/", data={**FORM, "vi": "1"})
        assert r.status_code == 200
        assert Page(r.text).body_class == "vi"
        assert PUBLISH_ON_SITE in plan_table(r.text)
        assert c.cookies.get("nokrules_vi") == "1"


def test_enter_submits_with_draft_not_the_vi_toggle(client: TestClient) -> None:
    for text in (client.get("/").text, client.post("/", data=WITH_UNRECOGNISED).text):
        buttons = Page(text).buttons
        first = buttons[0]
        assert first["text"] == "Составить план"
        assert first.get("type") == "submit"
        assert "name" not in first and "formaction" not in first  # submits the form as is, no vi, no choose
        names = [b.get("name") for b in buttons]
        assert names.index("vi") > 0


# ---------------------------------------------------------------------------------------------- profile

PROFILE = {
    "approver_position": "Министр социальной защиты населения Примерской области",
    "approver_name": "О. В. Артемьева",
    "founder": "Министерство социальной защиты населения Примерской области",
    "year": "2028",
    "person.site_admin": "Смирнов Алексей Игоревич",
}
PROFILE_YAML = """\
# as examples/profile.yaml
name: КЦСОН Центрального района
kind: ЦСОН
forms: [надомная]
people:
  site_admin: Смирнов Алексей Игоревич
  director: Иванова Мария Петровна
founder: Министерство социальной защиты населения Примерской области
approver:
  position: Министр социальной защиты населения Примерской области
  name: О. В. Артемьева
"""


def docx_text(content: bytes) -> tuple[str, str]:
    """The paragraphs and the table cells of a DOCX, each joined by newlines (non-breaking spaces read as
    spaces: they are typesetting)."""
    doc = docx.Document(io.BytesIO(content))
    cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return "\n".join(p.text for p in doc.paragraphs).replace("\u00a0", " "), "\n".join(cells).replace("\u00a0", " ")


def test_profile_fields_reach_the_docx(client: TestClient) -> None:
    r = client.post("/download/docx", data={**FORM, **PROFILE})
    assert r.status_code == 200, r.text
    paras, cells = docx_text(r.content)
    assert "УТВЕРЖДАЮ" in paras
    assert "Министр социальной защиты населения Примерской области" in paras
    assert "О. В. Артемьева" in paras
    assert "(Ф. И. О.)" not in paras  # the approval block is filled, not left blank
    assert "Министерство социальной защиты населения Примерской области" in paras
    assert "на 2028 год" in paras
    assert "Смирнов Алексей Игоревич" in cells


def test_profile_fields_are_kept_and_summarised(client: TestClient) -> None:
    text = assert_ok_page(client.post("/", data={**FORM, **PROFILE}))
    assert 'value="О. В. Артемьева"' in text and 'value="2028"' in text
    assert 'name="person.site_admin" type="text" value="Смирнов Алексей Игоревич"' in text
    summary = html.unescape(re.search(r"<summary>(Для документа.*?)</summary>", text).group(1))  # type: ignore[union-attr]
    assert summary == (
        "Для документа: ответственные, утверждающий, учредитель, год — ответственных: 1; утверждает: "
        "Министр социальной защиты населения Примерской области О. В. Артемьева; учредитель указан; год 2028"
    )
    assert cells(row_of(text, COMPLAINT_ON_SITE))[3] == "Ответственный за ведение официального сайта — Смирнов Алексей Игоревич"


def test_a_profile_file_fills_the_fields_and_the_docx(client: TestClient) -> None:
    files = {"profile": ("profile.yaml", PROFILE_YAML.encode("utf-8"), "application/x-yaml")}
    text = assert_ok_page(client.post("/", data={**FORM, "institution": "", "kind": ""}, files=files))
    assert 'value="КЦСОН Центрального района"' in text
    assert '<option value="kcson" selected>' in text
    assert 'name="person.director" type="text" value="Иванова Мария Петровна"' in text
    assert 'value="Министерство социальной защиты населения Примерской области"' in text
    assert '<input type="checkbox" id="forms-home" name="forms" value="home" checked>' in text
    assert '<input type="checkbox" id="forms-semi_stationary" name="forms" value="semi_stationary">' in text
    # the file's values now sit in the fields: the next click (a download, no file) carries them
    r = client.post("/download/docx", data={**FORM, **PROFILE, "year": ""}, files=files)
    paras, cells = docx_text(r.content)
    assert "О. В. Артемьева" in paras and "КЦСОН Центрального района" in paras
    assert "Смирнов Алексей Игоревич" in cells


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"nane: x\n", "профиль учреждения: p.yaml:1:1 nane: неизвестный ключ «nane»"),
        (b"people:\n  site_admin: [1, 2]\n", "профиль учреждения: p.yaml:2:15 people.site_admin: ожидалась строка"),
        (b"name: [\n", "p.yaml:2:1: ошибка синтаксиса YAML: здесь ожидалось значение (не закрыта скобка или кавычка?)"),
        ("name: Дом".encode("cp1251"), "p.yaml:1:1 файл не в кодировке UTF-8"),
    ],
    ids=["unknown-key", "wrong-type", "syntax", "encoding"],
)
def test_a_bad_profile_file_is_422_in_russian(client: TestClient, content: bytes, message: str) -> None:
    r = client.post("/", data=FORM, files={"profile": ("p.yaml", content, "application/x-yaml")})
    assert r.status_code == 422
    box = alert(r.text)
    assert f'<a href="#profile">Файл профиля</a>: {message}' in box
    assert '<details class="profile" id="profile-fields" open>' in r.text
    assert 'id="plan-table"' not in r.text


def test_an_unknown_role_from_the_file_names_the_role(client: TestClient) -> None:
    files = {"profile": ("p.yaml", b"people:\n  janitor: X\n", "application/x-yaml")}
    r = client.post("/", data=FORM, files=files)
    assert r.status_code == 422
    assert (
        '<a href="#people">Ответственные</a>: в файле профиля неизвестные роли «janitor»: ключи people — роли из '
        "examples/profile.yaml" in alert(r.text)
    )
    # the error said it once; the role has no field, so the next click drafts with the known ones
    assert 'name="person.janitor"' not in r.text


@pytest.mark.parametrize(
    ("year", "message"),
    [("двадцать", "ожидалось целое число"), ("1999", "значение должно быть не меньше 2000")],
)
def test_a_bad_year_is_422_in_russian(client: TestClient, year: str, message: str) -> None:
    r = client.post("/", data={**FORM, "year": year})
    assert r.status_code == 422
    assert f'<a href="#year">Год плана</a>: {message}' in alert(r.text)
    assert '<details class="profile" id="profile-fields" open>' in r.text


def test_the_regional_form_spans_its_finding_and_indicator_cells(client: TestClient) -> None:
    # vladimir2019: № | measure | finding | due | responsible | result | indicator, then «Почему»; the finding,
    # the indicator and «Почему» describe the group and span its two measures, the rest is per measure
    text = assert_ok_page(client.post("/", data={**FORM, "form": "vladimir2019", "text": "укомплектована кадрами на 40%"}))
    first, second = group_of_second_column(text, "укомплектована кадрами на 40%")
    assert first.count("<td") == 8 and first.count('rowspan="2"') == 3
    assert cells(second) == ["2", "Ежеквартально анализировать укомплектованность", "постоянно", *cells(second)[3:5]]
    assert second.count("<td") == 5


def group_of_second_column(text: str, finding: str) -> list[str]:
    """The two rows of a group whose finding cell is not the first of the row (the regional form)."""
    rows = table_rows(text)
    [k] = [k for k, r in enumerate(rows) if f"</span> {html.escape(finding, quote=True)}</p>" in r]
    return rows[k : k + 2]


def test_the_reporting_day_of_a_profile_file_brings_every_due_before_it(client: TestClient) -> None:
    # the ramp measure is due by the year's end; a region reporting on 1 March needs it done before, on the
    # last working day of February
    form = {**FORM, "text": "нет пандуса", "kind": ""}
    assert cells(row_of(assert_ok_page(client.post("/", data=form)), "нет пандуса"))[2] == "до 30.12.2027"
    files = {"profile": ("p.yaml", b'report_date: "01.03"\n', "application/x-yaml")}
    text = assert_ok_page(client.post("/", data=form, files=files))
    assert cells(row_of(text, "нет пандуса"))[2] == "до 26.02.2027"
    assert 'name="report_date" type="text" maxlength="5" placeholder="ДД.ММ" aria-describedby="report-date-hint" value="01.03"' in text
    assert "отчётная дата 01.03" in html.unescape(text)
    # kept in its field, the next click without the file says the same
    again = assert_ok_page(client.post("/", data={**form, "report_date": "01.03"}))
    assert cells(row_of(again, "нет пандуса"))[2] == "до 26.02.2027"


def test_a_wrong_reporting_day_is_422_naming_the_field(client: TestClient) -> None:
    r = client.post("/", data={**FORM, "report_date": "31.02"})
    assert r.status_code == 422
    assert '<a href="#report_date">Отчётная дата</a>' in alert(r.text)
