"""Protocol tables read whole or refused naming the file and line, never read short with exit 0 (issue 13,
item 5): unquoted «;» in the findings, decimal-comma scores in a «,» file, a quote left open, a row with
another delimiter, XLSX formulas without saved values. Expectations are written by hand."""

from __future__ import annotations

import io

import openpyxl  # type: ignore[import-untyped]
import pytest

from nokrules.core.errors import InputError
from nokrules.core.findings import split_findings
from nokrules.core.model import ProtocolInstitution
from nokrules.protocols.readers import parse_bytes


def _read(text: str, name: str = "p.csv") -> list[ProtocolInstitution]:
    return parse_bytes(text.encode(), name).institutions


def _refused(text: str, name: str = "p.csv") -> str:
    with pytest.raises(InputError) as e:
        parse_bytes(text.encode(), name)
    return str(e.value)


def test_an_unquoted_semicolon_in_the_last_findings_cell_keeps_every_finding() -> None:
    (a, b) = _read("№;Учреждение;Недостатки\n1;Центр;нет пандуса; нет поручней; нет лифта\n2;Школа;нет кнопки вызова\n")
    assert (a.name, a.findings) == ("Центр", "- нет пандуса; нет поручней; нет лифта")
    assert [f.text for f in split_findings(a.findings)] == ["нет пандуса", "нет поручней", "нет лифта"]
    assert (b.name, b.findings) == ("Школа", "- нет кнопки вызова")


def test_an_unquoted_semicolon_before_another_column_is_refused_naming_the_line() -> None:
    msg = _refused("Учреждение;Недостатки;Балл\nЦентр;нет пандуса;29,7\nШкола;нет лифта; нет поручней;30,1\n")
    assert msg.startswith("p.csv: строка 3: ячеек 4, а в заголовке 3 — видимо, знак «;» стоит внутри ячейки без кавычек")


@pytest.mark.parametrize(
    "text",
    [
        "Учреждение,Балл,Недостатки\nЦентр,29,70,нет пандуса\n",
        "№,Учреждение,Недостатки,Балл\n1,Центр,нет пандуса,29,70\n",
    ],
)
def test_a_decimal_comma_score_in_a_comma_file_keeps_the_score_and_the_finding(text: str) -> None:
    (inst,) = _read(text)
    assert (inst.name, inst.score, inst.findings) == ("Центр", 29.7, "- нет пандуса")


def test_a_quote_left_open_to_the_end_is_refused() -> None:
    msg = _refused('Учреждение;Недостатки\nЦентр;"нет пандуса\nШкола;нет лифта\n')
    assert msg.startswith('p.csv: строка 2: кавычка «"» в ячейке не закрыта — ячейка захватила всё до конца файла')


def test_a_quote_that_swallows_the_next_institution_is_refused() -> None:
    msg = _refused('№;Учреждение;Недостатки\n1;Центр;"нет пандуса\n2;Школа;нет лифта\n3;Дом;"нет поручней"\n')
    assert msg.startswith("p.csv: строка 2: ячейка в кавычках захватила строку 3 таблицы")


def test_a_multiline_findings_cell_with_semicolons_is_no_swallowed_row() -> None:
    (inst,) = _read('№;Учреждение;Недостатки\n1;Центр;"нет пандуса; нет поручней\nнет лифта; нет кнопки"\n')
    assert inst.findings == "- нет пандуса; нет поручней\n- нет лифта; нет кнопки"


def test_a_row_with_another_delimiter_is_refused_not_read_without_findings() -> None:
    msg = _refused("№;Учреждение;Недостатки\n1;Центр;нет пандуса\n2,Школа,нет лифта\n")
    assert msg == "p.csv: строка 3: разделитель «,», а в заголовке «;» — сохраните весь файл с одним разделителем"


def test_a_section_heading_with_a_comma_is_still_a_heading() -> None:
    (inst,) = _read("№;Учреждение;Недостатки\n(Дома ветеранов, интернаты)\n1;Центр;нет пандуса\n")
    assert (inst.kind, inst.findings) == ("Дома ветеранов, интернаты", "- нет пандуса")


def _workbook(*rows: list[object]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def test_xlsx_formulas_without_saved_values_are_refused_naming_the_cell() -> None:
    data = _workbook(["Учреждение", "Недостатки"], ["Центр", "нет пандуса"], ['=CONCATENATE("Шко","ла")', "нет лифта"])
    with pytest.raises(InputError) as e:
        parse_bytes(data, "p.xlsx")
    assert str(e.value).startswith(
        'p.xlsx: лист «Sheet», ячейка A3: формула «=CONCATENATE("Шко","ла")» без сохранённого значения'
    )


def test_xlsx_text_that_looks_like_a_formula_is_read_as_text() -> None:
    book = openpyxl.Workbook()
    book.active.append(["Учреждение", "Недостатки"])
    book.active.append(["Центр", "=нет пандуса"])
    book.active["B2"].data_type = "s"
    buf = io.BytesIO()
    book.save(buf)
    (inst,) = parse_bytes(buf.getvalue(), "p.xlsx").institutions
    assert inst.findings == "- =нет пандуса"
