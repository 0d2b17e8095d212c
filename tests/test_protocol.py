"""Protocol readers: the Kemerovo 2016 protocol as published, and the same 27 institutions as DOCX, CSV,
XLSX, YAML and JSON, all read back to what institutions-1-27.yaml says; other wordings; detection; errors.

Expected values come from institutions-1-27.yaml (transcribed by hand from the protocol), never from a
reader's own output; names and findings are compared with whitespace normalised, since the published
text has double spaces the transcription does not keep.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
import openpyxl  # type: ignore[import-untyped]
import pytest
import yaml

from nokrules.core.errors import InputError
from nokrules.core.findings import split_findings
from nokrules.core.model import Protocol, ProtocolInstitution
from nokrules.protocols.readers import parse_bytes, read_protocol
from nokrules.protocols.readers.detect import detect_content
from tests.conftest import KEMEROVO

TEXT = KEMEROVO / "protocol-part1.txt"
EXPECTED: list[dict[str, Any]] = yaml.safe_load((KEMEROVO / "institutions-1-27.yaml").read_text(encoding="utf-8"))
KIND_VETERANS = "Областные дома ветеранов"
KIND_CENTRES = "Центры социального обслуживания населения"
ALL_FORMATS = ("текст протокола:", "DOCX:", "XLSX:", "CSV:", "YAML/JSON:")


def ws(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def findings_list(inst: ProtocolInstitution) -> list[str]:
    lines = [line for line in inst.findings.split("\n") if line.strip()]
    assert all(line.startswith("- ") for line in lines), lines
    return [ws(line[2:]) for line in lines]


def assert_kemerovo(protocol: Protocol, fmt: str) -> None:
    assert protocol.format == fmt
    assert len(protocol.institutions) == 27
    for got, exp in zip(protocol.institutions, EXPECTED, strict=True):
        where = f"учреждение {exp['number']}"
        assert got.number == exp["number"], where
        assert ws(got.name) == ws(exp["institution"]), where
        assert got.kind == exp["kind"], where
        assert got.score == pytest.approx(exp["integral_score"]), where
        assert got.rank == exp["rank"], where
        assert findings_list(got) == [ws(f) for f in exp["findings"]], where
        assert [ws(p) for p in got.human_plan] == [ws(p) for p in exp["human_plan"]], where


def comma(score: float) -> str:
    return f"{score:.2f}".replace(".", ",")


# ---------------------------------------------------------------- builders (from institutions-1-27.yaml)


def groups() -> list[tuple[str, list[dict[str, Any]]]]:
    out: list[tuple[str, list[dict[str, Any]]]] = []
    for e in EXPECTED:
        if not out or out[-1][0] != e["kind"]:
            out.append((e["kind"], []))
        out[-1][1].append(e)
    return out


def fill(cell: Any, lines: list[str]) -> None:
    """One paragraph per line, as an inspector types findings in a Word cell."""
    cell.text = lines[0] if lines else ""
    for line in lines[1:]:
        cell.add_paragraph(line)


def build_docx() -> bytes:
    """Two tables, one per rating section, each after a paragraph naming the kind in parentheses."""
    doc = docx.Document()
    doc.add_paragraph("Показатели качества работы учреждений социального обслуживания Кемеровской области за 2016 год")
    for kind, items in groups():
        doc.add_paragraph(f"Рейтинг учреждений социального обслуживания населения ({kind}) Кемеровской области")
        table = doc.add_table(rows=1, cols=6)
        header = [
            "№",
            "Наименование учреждения",
            "Результаты рассмотрения результатов независимой оценки",
            "Планы по улучшению качества работы организации",
            "Интегральное значение критериев",
            "Место в рейтинге",
        ]
        for cell, title in zip(table.rows[0].cells, header, strict=True):
            cell.text = title
        for e in items:
            cells = table.add_row().cells
            cells[0].text = f"{e['number']}."
            cells[1].text = e["institution"]
            fill(cells[2], e["findings"])
            fill(cells[3], e["human_plan"])
            cells[4].text = comma(e["integral_score"])
            cells[5].text = str(e["rank"])
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def build_docx_kemerovo_layout() -> bytes:
    """The layout of the original: the findings and the plan inside the name cell, under their headings."""
    doc = docx.Document()
    for kind, items in groups():
        doc.add_paragraph("Рейтинг учреждений социального обслуживания населения")
        doc.add_paragraph(f"({kind}) Кемеровской области")
        table = doc.add_table(rows=1, cols=4)
        for cell, title in zip(
            table.rows[0].cells,
            ["№", "Наименование учреждения", "Интегральное значение критериев", "Место в рейтинге"],
            strict=True,
        ):
            cell.text = title
        for e in items:
            cells = table.add_row().cells
            cells[0].text = f"{e['number']}. "
            fill(
                cells[1],
                [e["institution"], "Результаты рассмотрения результатов независимой оценки"]
                + [f"- {f}" for f in e["findings"]]
                + ["Планы по улучшению качества работы организации"]
                + [f"- {p}" for p in e["human_plan"]],
            )
            cells[2].text = comma(e["integral_score"])
            cells[3].text = str(e["rank"])
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def build_csv(delimiter: str = ";", encoding: str = "cp1251") -> bytes:
    out = io.StringIO()
    w = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    w.writerow(["№", "Наименование организации", "Вид организации", "Выявленные недостатки", "Балл", "Место", "План мероприятий"])
    for e in EXPECTED:
        w.writerow([e["number"], e["institution"], e["kind"], "\n".join(e["findings"]), comma(e["integral_score"]), e["rank"],
                    "\n".join(e["human_plan"])])  # fmt: skip
    return out.getvalue().encode(encoding)


def build_xlsx() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Протокол"
    sheet.append(["number", "institution", "kind", "findings", "score", "rank", "plan"])
    for e in EXPECTED:
        sheet.append([e["number"], e["institution"], e["kind"], "\n".join(e["findings"]), e["integral_score"], e["rank"],
                      "\n".join(e["human_plan"])])  # fmt: skip
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------- the Kemerovo protocol as published


def test_kemerovo_text_reads_27_institutions_as_transcribed() -> None:
    assert_kemerovo(read_protocol(TEXT), "text")


def test_kemerovo_findings_line_is_the_line_of_the_first_finding() -> None:
    protocol = read_protocol(TEXT)
    # Counted by hand in protocol-part1.txt: line 21 is «- не разработана альтернативная версия …» of
    # institution 1; line 110 the first finding of institution 5, whose name is wrapped over lines 105–107.
    assert protocol.institutions[0].findings_line == 21
    assert protocol.institutions[4].findings_line == 110
    lines = TEXT.read_text(encoding="utf-8").split("\n")
    assert lines[20].startswith("- не разработана альтернативная версия")


def test_kemerovo_wrapped_name_is_joined_with_one_space() -> None:
    fifth = read_protocol(TEXT).institutions[4]
    assert fifth.name == "МБУ Комплексный центр социального обслуживания населения Орджоникидзевского района, г.Новокузнецка"


def test_source_is_the_path_as_given() -> None:
    assert read_protocol(TEXT).source == str(TEXT)


# ---------------------------------------------------------------- the same institutions in other formats


def test_docx_two_tables_read_back(tmp_path: Path) -> None:
    protocol = read_protocol(write(tmp_path, "protocol.docx", build_docx()))
    assert_kemerovo(protocol, "docx")
    # findings_line is the table row (the header is row 1): the first institution of each table is row 2.
    assert protocol.institutions[0].findings_line == 2
    assert protocol.institutions[2].findings_line == 2
    assert protocol.institutions[3].findings_line == 3


def test_docx_with_findings_inside_the_name_cell_reads_as_the_text(tmp_path: Path) -> None:
    protocol = read_protocol(write(tmp_path, "protocol.docx", build_docx_kemerovo_layout()))
    assert_kemerovo(protocol, "docx")
    assert protocol.institutions[0].findings_line == 2  # the row of institution 1 in its table


def test_csv_cp1251_semicolon_reads_back(tmp_path: Path) -> None:
    protocol = read_protocol(write(tmp_path, "protocol.csv", build_csv()))
    assert_kemerovo(protocol, "csv")
    assert [i.findings_line for i in protocol.institutions[:3]] == [2, 3, 4]  # rows as a spreadsheet numbers them


def test_csv_utf8_bom_comma_reads_back(tmp_path: Path) -> None:
    protocol = read_protocol(write(tmp_path, "protocol.csv", b"\xef\xbb\xbf" + build_csv(",", "utf-8")))
    assert_kemerovo(protocol, "csv")


def test_xlsx_reads_back(tmp_path: Path) -> None:
    protocol = read_protocol(write(tmp_path, "protocol.xlsx", build_xlsx()))
    assert_kemerovo(protocol, "xlsx")
    assert protocol.institutions[0].findings_line == 2


def test_yaml_with_the_transcription_keys_reads_back() -> None:
    protocol = read_protocol(KEMEROVO / "institutions-1-27.yaml")
    assert_kemerovo(protocol, "yaml")
    # institution 1's findings list starts on line 9 of institutions-1-27.yaml
    assert protocol.institutions[0].findings_line == 9


def test_json_reads_back(tmp_path: Path) -> None:
    path = write(tmp_path, "protocol.json", json.dumps(EXPECTED, ensure_ascii=False, indent=1).encode())
    assert_kemerovo(read_protocol(path), "json")


def test_a_dumped_protocol_reads_back_unchanged(tmp_path: Path) -> None:
    original = read_protocol(TEXT)
    path = write(tmp_path, "dump.json", original.model_dump_json(indent=2).encode())
    again = read_protocol(path)
    assert again.institutions == original.institutions


def test_yaml_with_model_keys_and_findings_as_text(tmp_path: Path) -> None:
    data = """
- name: МБУ «Центр»
  kind: Центры социального обслуживания населения
  score: "28,5"
  rank: 3
  findings: |
    - нет пандуса
    - нет версии сайта для слабовидящих
  human_plan: установить пандус
"""
    (inst,) = read_protocol(write(tmp_path, "p.yml", data.encode())).institutions
    assert inst.findings == "- нет пандуса\n- нет версии сайта для слабовидящих"
    assert (inst.score, inst.rank, inst.human_plan) == (28.5, 3, ["установить пандус"])
    assert inst.findings_line == 7  # the line after «findings: |»


# ---------------------------------------------------------------- other wordings


OTHER_REGION = """\
ПРОТОКОЛ заседания общественного совета

Рейтинг организаций культуры (Библиотеки) Энской области
№\tНаименование организации\tМесто\tБаллы
1. МБУК «Центральная библиотека», г. Энск
Выявленные недостатки:
1) отсутствует информация о порядке
подачи жалобы на сайте;
2) нет пандуса
Предложения по улучшению:
- разместить информацию о порядке подачи жалобы
2. ГБУК «Областная
библиотека»
Недостатки: нет версии сайта для слабовидящих
3. МАУК «Музей истории»
Замечания
- нет информации о стоимости услуг
- 2. Нет сайта
3 28,5
"""


def test_other_wording_numbered_findings_no_plan_and_inline_heading(tmp_path: Path) -> None:
    first, second, third = read_protocol(write(tmp_path, "p.txt", OTHER_REGION.encode("cp1251"))).institutions
    assert (first.number, first.name, first.kind) == (1, "МБУК «Центральная библиотека», г. Энск", "Библиотеки")
    assert findings_list(first) == ["отсутствует информация о порядке подачи жалобы на сайте", "нет пандуса"]
    assert first.findings_line == 7
    assert first.human_plan == ["разместить информацию о порядке подачи жалобы"]
    assert (second.name, second.kind, second.human_plan) == ("ГБУК «Областная библиотека»", "Библиотеки", [])
    assert findings_list(second) == ["нет версии сайта для слабовидящих"]
    assert second.findings_line == 14
    assert findings_list(third) == ["нет информации о стоимости услуг", "2. Нет сайта"]
    assert (third.rank, third.score) == (3, 28.5)  # the header put the place before the score


def test_numbered_institution_on_its_own_line_after_numbered_findings(tmp_path: Path) -> None:
    text = "1. МБУ «Центр А»\nНедостатки\n1. нет пандуса\n2. нет поручней\n2. МБУ «Центр Б»\nНедостатки\n1. нет сайта\n"
    a, b = read_protocol(write(tmp_path, "p.txt", text.encode())).institutions
    assert findings_list(a) == ["нет пандуса", "нет поручней"]
    assert (b.name, findings_list(b)) == ("МБУ «Центр Б»", ["нет сайта"])


def test_xlsx_one_finding_per_row_with_merged_name_and_title_rows(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Рейтинг организаций (Дома-интернаты для престарелых и инвалидов)"])
    sheet.append([])
    sheet.append(["№ п/п", "Наименование учреждения", "Недостатки", "Итоговый балл", "Место в рейтинге"])
    sheet.append([1, 2, 3, 4, 5])
    sheet.append([1, "ГБСУ СО «Дом-интернат № 1»", "нет пандуса", 30.5, 1])
    sheet.append([None, None, "нет поручней", None, None])
    sheet.append([2, "ГБСУ СО «Дом-интернат № 2»", "- нет сайта\n- нет стенда", 29, 2])
    sheet.merge_cells("B5:B6")
    out = io.BytesIO()
    book.save(out)
    a, b = read_protocol(write(tmp_path, "p.xlsx", out.getvalue())).institutions
    assert (a.kind, a.score, a.rank, a.findings_line) == ("Дома-интернаты для престарелых и инвалидов", 30.5, 1, 5)
    assert findings_list(a) == ["нет пандуса", "нет поручней"]
    assert (b.score, findings_list(b), b.findings_line) == (29.0, ["нет сайта", "нет стенда"], 7)


def test_page_number_of_a_pdf_copy_is_not_the_score(tmp_path: Path) -> None:
    text = "1. МБУ «Центр»\nНедостатки\n- нет пандуса\n\n12\n\n- нет сайта\n30,5\n1\n"
    (inst,) = read_protocol(write(tmp_path, "p.txt", text.encode())).institutions
    assert (findings_list(inst), inst.score, inst.rank) == (["нет пандуса", "нет сайта"], 30.5, 1)


def test_whole_score_and_place_follow_the_header_order(tmp_path: Path) -> None:
    text = "№ | Место | Баллы\n1. МБУ «Центр»\nНедостатки\n- нет пандуса\n2\n30\n"
    (inst,) = read_protocol(write(tmp_path, "p.txt", text.encode())).institutions
    assert (inst.rank, inst.score) == (2, 30.0)


# ---------------------------------------------------------------- detection


def test_content_detection() -> None:
    assert detect_content(build_docx()) == "docx"
    assert detect_content(build_xlsx()) == "xlsx"
    assert detect_content(build_csv()) == "csv"
    assert detect_content(json.dumps(EXPECTED, ensure_ascii=False).encode()) == "json"
    assert detect_content((KEMEROVO / "institutions-1-27.yaml").read_bytes()) == "yaml"
    assert detect_content(TEXT.read_bytes()) == "text"


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (build_docx, "docx"),
        (build_xlsx, "xlsx"),
        (build_csv, "csv"),
        (lambda: TEXT.read_bytes(), "text"),
        (lambda: (KEMEROVO / "institutions-1-27.yaml").read_bytes(), "yaml"),
    ],
)
def test_without_extension_the_content_decides(data: Any, fmt: str) -> None:
    assert parse_bytes(data(), "протокол").format == fmt


def test_a_misnamed_file_is_read_by_the_reader_that_fits() -> None:
    protocol = parse_bytes(build_csv(), "протокол.txt")
    assert protocol.format == "csv"
    assert len(protocol.institutions) == 27
    assert parse_bytes(TEXT.read_bytes(), "protocol.csv").format == "text"


# ---------------------------------------------------------------- errors


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="файл не найден"):
        read_protocol(tmp_path / "нет.txt")


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf  \r\n\t\n"])
def test_empty_file(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(InputError, match=r"p\.txt: файл пуст"):
        read_protocol(write(tmp_path, "p.txt", data))


def test_binary_non_zip_file_says_so_and_lists_every_format(tmp_path: Path) -> None:
    with pytest.raises(InputError) as e:
        read_protocol(write(tmp_path, "p.bin", bytes(range(256)) * 8))
    msg = str(e.value)
    assert "p.bin: двоичный файл, но не документ Word (DOCX) и не книга Excel (XLSX): это не ZIP-архив" in msg
    assert all(label in msg for label in ALL_FORMATS), msg


def test_old_office_file_gets_a_hint(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"\.doc или \.xls\) — сохраните файл как DOCX или XLSX"):
        read_protocol(write(tmp_path, "p.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600))


def test_zip_that_is_not_office(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("readme.txt", "привет")
    with pytest.raises(InputError, match="ZIP-архив, но не документ Word"):
        read_protocol(write(tmp_path, "p.zip", out.getvalue()))


def test_csv_without_findings_column(tmp_path: Path) -> None:
    data = "№;Учреждение;Балл\n1;МБУ «Центр»;30,5\n".encode("cp1251")
    path = write(tmp_path, "p.csv", data)
    with pytest.raises(InputError) as e:
        read_protocol(path)
    msg = str(e.value)
    assert msg.startswith(f"{path}: протокол не прочитан ни в одном формате — CSV: нет столбца с недостатками"), msg
    assert "«№», «Учреждение», «Балл»" in msg
    assert all(label in msg for label in ALL_FORMATS), msg


def test_text_that_is_no_protocol_lists_why_each_format_failed(tmp_path: Path) -> None:
    with pytest.raises(InputError) as e:
        read_protocol(write(tmp_path, "p.txt", "Уважаемые коллеги!\nНаправляем протокол.\n".encode()))
    msg = str(e.value)
    assert "текст протокола: не найдено ни одного пронумерованного учреждения с блоком недостатков" in msg
    assert "DOCX: не ZIP-архив" in msg and "XLSX: не ZIP-архив" in msg
    assert "YAML/JSON: не список учреждений" in msg
    assert "CSV: нет столбца с названием учреждения" in msg


def test_numbered_lines_without_findings_are_not_a_protocol(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"пронумерованных строк: 2, но ни у одной нет блока недостатков"):
        read_protocol(write(tmp_path, "p.txt", "1. Общие положения\n2. Порядок работы\n".encode()))


def test_structured_record_without_findings_names_the_record(tmp_path: Path) -> None:
    data = "- institution: МБУ «А»\n  findings: [нет пандуса]\n- institution: МБУ «Б»\n  findigs: [нет сайта]\n"
    with pytest.raises(InputError) as e:
        read_protocol(write(tmp_path, "p.yaml", data.encode()))
    msg = str(e.value)
    assert "YAML/JSON: запись 2: «МБУ «Б»»: нет поля findings" in msg
    assert all(label in msg for label in ALL_FORMATS), msg


def test_broken_json_says_where(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"YAML/JSON: не разбирается как JSON \(строка 2, столбец 14: ожидалось значение\)"):
        read_protocol(write(tmp_path, "p.json", b'[{"name": "A",\n "findings": ]'))


def test_wraps_in_a_protocol_end_where_they_end_in_pasted_findings(tmp_path: Path) -> None:
    # One rule for line wraps: a findings block without bullets is grouped as the same text pasted.
    block = "нет информации о порядке подачи жалобы на\nофициальном сайте\nнет пандуса\nнет поручней"
    (inst,) = read_protocol(write(tmp_path, "p.txt", f"1. МБУ «Центр»\nНедостатки\n{block}\n".encode())).institutions
    assert findings_list(inst) == ["нет информации о порядке подачи жалобы на официальном сайте", "нет пандуса", "нет поручней"]
    assert findings_list(inst) == [f.text for f in split_findings(block)]


def test_lines_after_a_bullet_alone_on_its_line_continue_its_item(tmp_path: Path) -> None:
    # «•» on a line of its own and the text below is one item, as «• текст» is, in a cell too.
    data = 'Учреждение;Недостатки\nМБУ «Центр»;"•\nнет пандуса\nу главного входа"\n'
    (inst,) = read_protocol(write(tmp_path, "p.csv", data.encode())).institutions
    assert findings_list(inst) == ["нет пандуса у главного входа"]
