"""Plans printed through LibreOffice (DOCX) and Chromium (HTML), read back from the PDF text: nothing is lost, no word is broken
without a hyphen, a row taller than the room on a page breaks across pages under the repeated header,
a short row stays on one page, a section title never ends a page, a 4-finding plan takes 1–2 pages (the federal form).
Both built-in forms. Needs LibreOffice and poppler-utils (tests/pdf.py)."""

from __future__ import annotations

import html
import io
import re
from datetime import date
from pathlib import Path

import docx
import pytest

from nokrules import Engine, Plan
from nokrules.core.model import Approver, PlanRow
from nokrules.documents.document import render_document

from .pdf import broken_words, flat, missing, needs_chromium, needs_office, pages, print_html, to_pdf

INSTITUTION = "МБУ «Комплексный центр социального обслуживания населения Центрального района»"
APPROVER = Approver(position="Министр социальной защиты населения Владимирской области", name="О. В. Артемьева")
FOUNDER = "Министерство социальной защиты населения Владимирской области"
SATISFACTION = (
    "низкий показатель удовлетворенности от условий оказания услуг среди получателей социальных услуг, "
    "опрошенных в ходе независимой оценки качества, в том числе по вопросам навигации внутри организации, "
    "графика работы и времени ожидания предоставления услуги"
)
# one finding taller than a landscape page in its column: its row has to break across pages
RAMP = "нет пандуса при входе в корпус, " + "; ".join(
    f"корпус № {k}: маломобильные граждане не могут самостоятельно попасть к кабинетам специалистов по социальной работе" for k in range(1, 16)
) + " (осмотр всех пятнадцати корпусов проведён комиссией 12.01.2027)"
FOUR = (
    "- нет пандуса\n- на сайте нет раздела «Часто задаваемые вопросы»\n"
    "- нет порядка подачи жалобы на сайте и стендах\n- удовлетворенность комфортностью 78 %"
)


def _big_text(engine: Engine) -> str:
    """An example of every deficiency of the catalog (every section), six long near-duplicates that merge
    into one cell, a finding longer than a page, a line nobody recognises."""
    lines = [d.examples[0] for d in engine.catalog.deficiencies if d.examples]
    lines += [f"{SATISFACTION} (отделение № {k}, опрошено {20 + k} человек, удовлетворены {70 + k} %)" for k in range(1, 7)]
    lines += [RAMP, "lorem ipsum полезные ссылки на сайте отсутствуют"]
    return "\n".join(f"- {line}" for line in lines)


@pytest.fixture(scope="module")
def big(engine: Engine) -> Plan:
    inst = engine.institution(INSTITUTION, "kcson", people={"director": "Иванова Мария Петровна", "site_admin": "Смирнов Алексей Игоревич"})
    plan = engine.draft_plan(_big_text(engine), inst, date=date(2027, 1, 15))
    assert len(plan.items) >= 50 and all(s.rows for s in plan.sections) and plan.unrecognized
    assert any(len(r.findings) >= 6 for s in plan.sections for r in s.rows)  # the merged near-duplicates
    return plan


def _alone(row: PlanRow, rows: list[PlanRow]) -> bool:
    """The only row of its findings (no findings cell spanning it and others)."""
    return sum(r.findings == row.findings for r in rows) == 1


def _print(plan: Plan, engine: Engine, form: str, folder: Path) -> tuple[Path, list[str]]:
    src = folder / f"plan-{form}.docx"
    data = render_document("docx", plan, engine.catalog, form, approver=APPROVER, founder=FOUNDER)
    src.write_bytes(data)
    d = docx.Document(io.BytesIO(data))
    source = [p.text for p in d.paragraphs] + [c.text for t in d.tables for r in t.rows for c in r.cells]
    return to_pdf(src), source


@needs_office
@pytest.mark.parametrize("form", ["pp457", "vladimir2019"])
def test_a_big_plan_prints_every_finding_and_measure_in_full(big: Plan, engine: Engine, form: str, tmp_path: Path) -> None:
    pdf, source = _print(big, engine, form, tmp_path)
    texts = pages(pdf)
    rows = [r for s in big.sections for r in s.rows]
    findings = [f.text for r in rows for f in r.findings] + [u.text for u in big.unrecognized]
    measures = [r.measure.text for r in rows if r.measure]
    assert missing(texts, findings) == []
    assert missing(texts, measures) == []
    assert missing(texts, [r.measure.due_text for r in rows if r.measure]) == []
    assert broken_words(texts, source) == []
    # the finding longer than a page starts on one page and ends on a later one, nothing cut between
    start = next(k for k, t in enumerate(texts) if flat(RAMP[:60]) in flat(t))
    end = next(k for k, t in enumerate(texts) if flat(RAMP[-60:]) in flat(t))
    assert end > start
    # a row of one finding and one measure is short: it is printed on one page, never broken between two
    single = [r.measure.text for r in rows if r.measure and len(r.findings) == 1 and _alone(r, rows)]
    per_page = [flat(t) for t in texts]
    assert len(single) > 20
    assert [m for m in single if not any(flat(m) in p for p in per_page)] == []
    # the header repeats on every page and no page ends with a section title
    sections = [f"{s.section}. " for s in big.sections]
    for k, t in enumerate(texts):
        lines = [line for line in t.splitlines() if line.strip()]
        if k == len(texts) - 1 and len(lines) <= 2:
            continue  # the footnote alone may move to a last page of its own (LibreOffice keeps no paragraph with a table)
        assert any(line.strip().startswith("1 2 3 4 5") for line in lines), f"страница {k + 1} без шапки"
        body = lines[:-1] if lines[-1].strip().isdigit() else lines
        assert not any(body[-1].startswith(s) for s in sections), f"страница {k + 1} кончается заголовком раздела"


@needs_office
@pytest.mark.parametrize(("form", "most"), [("pp457", 2), ("vladimir2019", 3)])
def test_a_four_finding_plan_takes_one_or_two_pages(engine: Engine, form: str, most: int, tmp_path: Path) -> None:
    # the regional form adds a column of indicator titles, a paragraph per row: one page more at most
    plan = engine.draft_plan(FOUR, engine.institution(INSTITUTION, "kcson"), date=date(2027, 1, 15))
    assert len(plan.items) == 4 and not plan.unrecognized
    pdf, source = _print(plan, engine, form, tmp_path)
    texts = pages(pdf)
    assert 1 <= len(texts) <= most
    assert missing(texts, [m.text for it in plan.items for m in it.measures]) == []
    assert broken_words(texts, source) == []


@needs_chromium
@pytest.mark.parametrize("form", ["pp457", "vladimir2019"])
def test_the_printed_html_plan_repeats_its_header_and_numbers_its_pages(big: Plan, engine: Engine, form: str, tmp_path: Path) -> None:
    src = tmp_path / f"plan-{form}.html"
    src.write_bytes(render_document("html", big, engine.catalog, form, approver=APPROVER, founder=FOUNDER))
    texts = pages(print_html(src))
    assert len(texts) > 10
    for k, t in enumerate(texts, 1):
        assert f"Страница {k} из {len(texts)}" in t
        assert "Срок" in t.replace("\n", " ") or "срок" in t, f"страница {k} без шапки"  # both forms' due column
        assert any(line.strip().startswith("1 2 3 4 5") for line in t.splitlines()), f"страница {k} без номеров граф"
    rows = [r for s in big.sections for r in s.rows]
    assert missing(texts, [f.text for r in rows for f in r.findings] + [u.text for u in big.unrecognized]) == []
    assert missing(texts, [r.measure.text for r in rows if r.measure]) == []
    source = re.sub(r"<[^>]+>", " ", html.unescape(src.read_text(encoding="utf-8")))
    assert broken_words(texts, [source]) == []
