"""Plan documents in Word: read back with python-docx, for the federal form, the regional form and a
custom form YAML; rendered to PDF by LibreOffice where it is installed."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from nokrules import Engine
from nokrules.core.model import Approver
from nokrules.documents.document import DocContext
from nokrules.documents.docx import render

from .conftest import MINI
from .pdf import needs_office, to_pdf
from .pdf import pages as pdf_pages
from .test_cli import run

TEXT = "- нет пандуса\n- нет порядка подачи жалоб на сайте\n- грубый охранник"
ENGINE = Engine.load(MINI)
PLAN = ENGINE.draft_plan(TEXT, ENGINE.institution("КЦСОН Центрального района", "care_home"), date=date(2027, 1, 15))
APPROVER = Approver(position="Министр социальной защиты населения", name="О. В. Артемьева")

PP457_HEADERS = [
    "Недостатки, выявленные в ходе независимой оценки качества условий оказания услуг организацией",
    "Наименование мероприятия по устранению недостатков, выявленных в ходе независимой оценки качества условий оказания услуг организацией",
    "Плановый срок реализации мероприятия",
    "Ответственный исполнитель (с указанием фамилии, имени, отчества и должности)",
    "Сведения о ходе реализации мероприятия",
]
SECTIONS = [
    "I. Открытость и доступность информации об организации или о федеральном учреждении медико-социальной экспертизы",
    "II. Комфортность условий предоставления услуг",
    "III. Доступность услуг для инвалидов",
    "IV. Доброжелательность, вежливость работников организации или федерального учреждения медико-социальной экспертизы",
    "V. Удовлетворенность условиями оказания услуг",
]


def _doc(form: str = "pp457", approver: Approver | None = APPROVER) -> docx.document.Document:
    return docx.Document(io.BytesIO(render(PLAN, DocContext.of(PLAN, ENGINE.catalog, form, approver=approver))))


def _unique_texts(row: object) -> list[str]:
    out: list[str] = []
    for c in row.cells:  # type: ignore[attr-defined]
        if not out or out[-1] != c.text:
            out.append(c.text)
    return out


def test_title_approval_block_institution_and_year() -> None:
    paras = [p.text for p in _doc().paragraphs]
    assert paras[:4] == [
        "УТВЕРЖДАЮ",
        "Министр социальной защиты населения",
        "_______________ О.\u00a0В.\u00a0Артемьева",  # initials kept together
        "«___» ____________ 20__ г.",
    ]
    assert "ПЛАН по устранению недостатков, выявленных в ходе независимой оценки качества условий оказания услуг" in paras
    assert "КЦСОН Центрального района" in paras
    assert "(наименование организации)" in paras
    assert "на\u00a02027\u00a0год" in paras


def test_without_a_profile_the_approval_block_has_blanks_to_fill() -> None:
    paras = [p.text for p in _doc(approver=None).paragraphs]
    assert paras[1] == "(должность руководителя органа-учредителя)"
    assert paras[2] == "_______________ (Ф.\u00a0И.\u00a0О.)"


def test_pp457_header_columns_in_order_with_merged_column_5() -> None:
    table = _doc().tables[0]
    assert _unique_texts(table.rows[0]) == PP457_HEADERS
    assert [c.text for c in table.rows[1].cells][-2:] == [
        "реализованные меры по устранению выявленных недостатков",
        "фактический срок реализации",
    ]
    spans = [tc.tcPr.find(qn("w:gridSpan")) for tc in table.rows[0]._tr.tc_lst]
    assert [s.get(qn("w:val")) for s in spans if s is not None] == ["2"]
    # numbered as the footnote names them: «Графа 5» is the split column, one number over both parts
    assert _unique_texts(table.rows[2]) == ["1", "2", "3", "4", "5"]
    for r in table.rows[:3]:
        assert r._tr.trPr.find(qn("w:tblHeader")) is not None


def test_five_sections_in_order_then_other_deficiencies() -> None:
    table = _doc().tables[0]
    merged = [r.cells[0].text for r in table.rows[3:] if len(set(c.text for c in r.cells)) == 1 and r.cells[0].text]
    # a section without findings says so in one line across the table
    sections = [t for t in merged if t != "Недостатки не выявлены"]
    assert sections == [*SECTIONS, "Прочие недостатки"]


def test_every_finding_and_measure_is_in_the_document() -> None:
    table = _doc().tables[0]
    cells = [c.text.replace("\u00a0", " ") for r in table.rows for c in r.cells]  # non-breaking spaces are typesetting
    for it in PLAN.items:
        assert it.finding.text in cells
        for m in it.measures:
            assert m.text in cells
            assert m.due_text in cells
    assert "Недостатки не выявлены" in cells
    assert "грубый охранник" in cells
    manual = [r for r in table.rows if r.cells[0].text == "грубый охранник"][0]
    run_ = manual.cells[1].paragraphs[0].runs[0]
    assert manual.cells[1].text == "мероприятие требует ручной формулировки" and run_.bold


def test_landscape_a4_times_and_rows_kept_whole() -> None:
    d = _doc()
    sec = d.sections[0]
    assert sec.orientation == WD_ORIENT.LANDSCAPE and sec.page_width > sec.page_height
    assert round(sec.page_width.mm) == 297 and round(sec.page_height.mm) == 210
    fonts = d.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    assert fonts.get(qn("w:ascii")) == "Times New Roman"
    body = d.tables[0].rows[4]
    assert body._tr.trPr.find(qn("w:cantSplit")) is not None
    assert body.cells[0].paragraphs[0].runs[0].font.size.pt == 11
    footer = d.sections[0].footer.paragraphs[0]._p.xml
    assert "PAGE" in footer


def test_regional_form_vladimir2019() -> None:
    table = _doc("vladimir2019").tables[0]
    assert _unique_texts(table.rows[0]) == [
        "№ п/п",
        "Наименование мероприятия",
        "Основание реализации (результат независимой оценки качества)",
        "Срок реализации",
        "Ответственный исполнитель",
        "Результат",
        "Показатели, характеризующие результат выполнения мероприятия",
    ]
    ramp = [r for r in table.rows if r.cells[1].text == "Установить пандус у входа"][0]
    assert ramp.cells[2].text == "нет пандуса"
    assert ramp.cells[5].text == "Пандус установлен"
    assert ramp.cells[6].text.startswith("Показатель 3.1: Оборудование помещений организации")


def test_a_custom_form_yaml_needs_no_code(tmp_path: Path) -> None:
    form = tmp_path / "myform.yaml"
    form.write_text(
        "id: myform\nname: Моя форма\ntitle: План мероприятий учреждения\napproval: false\nyear_line: false\n"
        "section_titles: short\nnumber_columns: false\ncolumns:\n"
        "  - {title: Что сделать, field: measure, width: 8}\n  - {title: Почему, field: findings, width: 8}\n"
        "  - {title: Когда, field: due, width: 3}\n",
        encoding="utf-8",
    )
    d = _doc(str(form))
    assert [p.text for p in d.paragraphs][0] == "План мероприятий учреждения"
    table = d.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Что сделать", "Почему", "Когда"]
    assert table.rows[1].cells[0].text == "I. Открытость и доступность информации об организации"


def test_same_plan_same_bytes() -> None:
    ctx = DocContext.of(PLAN, ENGINE.catalog, "pp457")
    assert render(PLAN, ctx) == render(PLAN, ctx)


def test_plan_command_writes_docx_and_refuses_to_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "plan.docx"
    args = ("plan", "-", "--catalog", str(MINI), "--format", "docx", "-o", str(out), "--date", "2027-01-15")
    r = run(*args, stdin=TEXT.encode())
    assert r.returncode == 0, r.stderr
    assert docx.Document(str(out)).tables[0].rows[0].cells[0].text == PP457_HEADERS[0]
    again = run(*args, stdin=TEXT.encode())
    assert again.returncode == 2 and "файл уже существует" in again.stderr and "--force" in again.stderr
    assert run(*args, "--force", stdin=TEXT.encode()).returncode == 0


def test_docx_needs_an_output_file_and_a_known_form(tmp_path: Path) -> None:
    r = run("plan", "-", "--catalog", str(MINI), "--format", "docx", stdin=TEXT.encode())
    assert r.returncode == 2 and "укажите файл" in r.stderr
    r = run(
        "plan",
        "-",
        "--catalog",
        str(MINI),
        "--format",
        "docx",
        "-o",
        str(tmp_path / "x.docx"),
        "--form",
        "nosuch",
        stdin=TEXT.encode(),
    )
    assert r.returncode == 2 and "форма «nosuch» не найдена" in r.stderr and "pp457" in r.stderr
    assert not (tmp_path / "x.docx").exists()


@needs_office
def test_libreoffice_renders_the_plan_to_pdf(tmp_path: Path) -> None:
    src = tmp_path / "plan.docx"
    src.write_bytes(render(PLAN, DocContext.of(PLAN, ENGINE.catalog, "pp457", approver=APPROVER)))
    pages = len(pdf_pages(to_pdf(src)))
    # 3 findings and 5 sections: the whole plan fits on one landscape page with the approval block
    assert pages == 1


def test_responsible_cell_names_the_person_from_the_profile_or_leaves_a_line_for_the_name() -> None:
    with_person = ENGINE.draft_plan(
        TEXT, ENGINE.institution("x", "care_home", people={"aho_deputy": "Кузнецов О. В."}), date=date(2027, 1, 15)
    )
    cells = [
        c.text
        for r in docx.Document(io.BytesIO(render(with_person, DocContext.of(with_person, ENGINE.catalog)))).tables[0].rows
        for c in r.cells
    ]
    assert "Заместитель директора по административно-хозяйственной работе\u00a0— Кузнецов\u00a0О.\u00a0В." in cells
    cells = [c.text for r in _doc().tables[0].rows for c in r.cells]
    assert "Заместитель директора по административно-хозяйственной работе\u00a0— ____________ (Ф.\u00a0И.\u00a0О.)" in cells


def test_one_findings_cell_per_group_spanning_its_measures_each_finding_a_paragraph(engine: Engine) -> None:
    # «грубят» answers four measures at a КЦСОН; two near-identical findings share their measure rows
    text = "- сотрудники грубят\n- нет пандуса\n- пандус отсутствует"
    plan = engine.draft_plan(text, engine.institution("x", "kcson"), date=date(2027, 1, 15))
    table = docx.Document(io.BytesIO(render(plan, DocContext.of(plan, engine.catalog)))).tables[0]
    first_col = [r._tr.tc_lst[0] for r in table.rows[3:]]
    merges = [tc.tcPr.find(qn("w:vMerge")) for tc in first_col]
    states = [None if m is None else (m.get(qn("w:val")) or "continue") for m in merges]
    courtesy = [k for k, r in enumerate(table.rows[3:]) if r.cells[1].text.startswith(("Утвердить приказом", "Проводить не реже", "Рассматривать"))]
    assert len(courtesy) >= 2
    assert states[courtesy[0]] == "restart" and all(states[k] == "continue" for k in courtesy[1:])
    ramp = next(r for r in table.rows if "нет пандуса" in r.cells[0].text)
    assert [p.text for p in ramp.cells[0].paragraphs] == ["нет пандуса", "пандус отсутствует"]


def test_founder_above_the_title_in_ordinary_type_and_properties_from_the_profile() -> None:
    ctx = DocContext.of(PLAN, ENGINE.catalog, "pp457", approver=APPROVER, founder="Министерство социальной защиты населения")
    data = render(PLAN, ctx)
    d = docx.Document(io.BytesIO(data))
    paras = d.paragraphs
    k = next(i for i, p in enumerate(paras) if p.text == "Министерство социальной защиты населения")
    assert paras[k + 1].text.startswith("ПЛАН по устранению недостатков")
    run = paras[k].runs[0]
    assert not run.italic and run.font.size.pt == 12
    cp = d.core_properties
    assert cp.author == "КЦСОН Центрального района" and cp.last_modified_by == "КЦСОН Центрального района"
    assert cp.title == (
        "ПЛАН по устранению недостатков, выявленных в ходе независимой оценки качества условий оказания услуг"
        " — КЦСОН Центрального района, на 2027 год"
    )
    assert cp.comments == ""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        app = z.read("docProps/app.xml").decode("utf-8")
        core = z.read("docProps/core.xml").decode("utf-8")
    assert not any("thumbnail" in n for n in names)
    assert "<Company>КЦСОН Центрального района</Company>" in app and "<Pages>" not in app
    assert "python-docx" not in core + app and "nokrules" not in core + app
