"""Scores files: CSV and XLSX (a row per institution or a sheet per institution), YAML and JSON, the header
mapping, mixed text + scores, and bad input as one Russian line naming the file, row or cell."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]
import pytest

from nokrules import Engine
from nokrules.core.errors import InputError
from nokrules.core.model import Assessment, ProtocolInstitution, ScoresSpec
from nokrules.core.scores import unpack
from nokrules.protocols.readers.scores import load_column_map, looks_like_scores, read_scores

from .conftest import ROOT
from .test_cli import run
from .test_scores import ITEMS_31

EXAMPLES = ROOT / "examples"


def spec(engine: Engine) -> ScoresSpec:
    assert engine.catalog.scores is not None
    return engine.catalog.scores


def unpacked(engine: Engine, inst: ProtocolInstitution) -> Assessment | None:
    return unpack(spec(engine), inst.scores) if inst.scores is not None else None


def csv_bytes(*rows: list[object]) -> bytes:
    return "\n".join(";".join(str(c) for c in r) for r in rows).encode("utf-8")


def test_a_csv_row_per_institution(engine: Engine) -> None:
    data = csv_bytes(
        ["Учреждение", "Вид", *(f"3.1.{k}" for k in ITEMS_31), "2.3.удовлетворены", "2.3.всего"],
        ["КЦСОН № 1", "КЦСОН", 1, 0, 1, 1, 1, 45, 50],
        ["", "", "", "", "", "", "", "", ""],
        ["КЦСОН № 2", "", 1, 1, 1, 1, 1, "", ""],
    )
    got = read_scores(data, "баллы.csv", spec(engine))
    assert [(i.name, i.kind) for i in got] == [("КЦСОН № 1", "КЦСОН"), ("КЦСОН № 2", None)]
    a = unpacked(engine, got[0])
    assert a is not None
    assert [(m.indicator, m.n, m.present) for m in a.checklist] == [("3.1", 1, True), ("3.1", 2, False), ("3.1", 3, True), ("3.1", 4, True), ("3.1", 5, True)]
    assert [(m.satisfied, m.asked) for m in a.survey] == [(45, 50)]
    assert unpacked(engine, got[1]) is not None and unpacked(engine, got[1]).survey == []


def test_a_plain_row_and_a_spelled_out_row_keep_the_same_line(engine: Engine) -> None:
    # a row of «1»/«0» and whole numbers is read as a row, one with «да», «нет» and «86 %» cell by cell: the same line
    header = ["Учреждение", *(f"3.1.{k}" for k in ITEMS_31), "2.3.удовлетворены", "2.3.всего", "4.1.доля"]
    got = read_scores(
        csv_bytes(header, ["А", 1, 0, 1, 1, 0, 45, 50, 97], ["Б", "да", "нет", "да", "1", "нет", " 45", "50", "97 %"]), "t.csv", spec(engine)
    )
    assert [i.scores for i in got] == ["3.1=10110;2.3=45.0/50.0;4.1=97.0%"] * 2


def test_a_header_mapping_reads_the_operators_own_columns(engine: Engine, tmp_path: Path) -> None:
    mapping = tmp_path / "columns.yaml"
    mapping.write_text(
        "columns:\n  Организация: учреждение\n  Стоянка для инвалидов: 3.1.стоянка\n  Пандус: 3.1.пандус\n"
        "  Поручни: 3.1.3\n  Коляски: 3.1.коляски\n  Санузел: 3.1.санузел\n  Примечание: пропустить\n",
        encoding="utf-8",
    )
    data = csv_bytes(["Организация", "Пандус", "Стоянка для инвалидов", "Поручни", "Коляски", "Санузел", "Примечание"],
                     ["ЦСО", 1, 0, 1, 1, 1, "осмотр 12.03"])  # fmt: skip
    got = read_scores(data, "оператор.csv", spec(engine), load_column_map(mapping))
    a = unpacked(engine, got[0])
    assert a is not None and [m.n for m in a.checklist if not m.present] == [2]


def test_an_unmapped_foreign_column_is_named(engine: Engine) -> None:
    data = csv_bytes(["Учреждение", "3.1.пандус", "Стоянка для инвалидов"], ["ЦСО", 1, 1])
    with pytest.raises(InputError, match=r"^t\.csv, столбец «Стоянка для инвалидов»: неизвестный столбец"):
        read_scores(data, "t.csv", spec(engine))


def test_a_mapping_to_nothing_known_is_refused(tmp_path: Path) -> None:
    mapping = tmp_path / "columns.yaml"
    mapping.write_text("columns:\n  Стоянка: 3.стоянка\n", encoding="utf-8")
    with pytest.raises(InputError, match="столбец «Стоянка» сопоставлен с «3.стоянка» — ожидалось название по показателю"):
        load_column_map(mapping)


def _book(sheets: dict[str, list[list[object]]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for r in rows:
            sheet.append(r)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def test_an_xlsx_sheet_per_institution(engine: Engine) -> None:
    data = _book({
        "КЦСОН № 1": [[f"3.1.{k}", 1] for k in ITEMS_31] + [["1.3.стенд.доля", 95], ["1.3.сайт.доля", 71.5]],
        "Лист2": [["Учреждение", "Дом-интернат «Берёзка»"], ["3.2.брайль", None], ["2.2.доля", "88,5"]],
    })  # fmt: skip
    got = read_scores(data, "баллы.xlsx", spec(engine))
    assert [i.name for i in got] == ["КЦСОН № 1", "Дом-интернат «Берёзка»"]
    a0, a1 = unpacked(engine, got[0]), unpacked(engine, got[1])
    assert a0 is not None and a1 is not None
    assert [m.share for m in a0.survey] == [95, 71.5]
    assert [m.share for m in a1.survey] == [88.5] and a1.checklist == []


def test_an_xlsx_row_per_institution_names_the_sheet_and_row(engine: Engine) -> None:
    data = _book({"Баллы": [["Учреждение", "2.3.удовлетворены", "2.3.всего"], ["ЦСО", 60, 50]]})
    with pytest.raises(InputError) as e:
        read_scores(data, "баллы.xlsx", spec(engine))
    assert str(e.value) == (
        "баллы.xlsx, лист «Баллы», строка 2, столбец «2.3.удовлетворены»: показатель 2.3: удовлетворённых 60 больше, "
        "чем опрошенных 50"
    )


def test_yaml_and_json_take_the_same_keys_flat_or_nested(engine: Engine) -> None:
    nested = "- name: ЦСО\n  scores:\n    '3.1': {пандус: 1, стоянка: 0, поручни: 1, коляски: 1, санузел: 1}\n    2.3: {доля: 50}\n"
    flat = {"institutions": [{"name": "ЦСО", "scores": {**{f"3.1.{k}": int(k != "стоянка") for k in ITEMS_31}, "2.3.доля": 50}}]}
    a = unpacked(engine, read_scores(nested.encode(), "b.yaml", spec(engine))[0])
    b = unpacked(engine, read_scores(json.dumps(flat, ensure_ascii=False).encode(), "b.json", spec(engine))[0])
    assert a is not None and a == b and [m.n for m in a.checklist if not m.present] == [2]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"2.3.доля": "120%"}, "t.csv, строка 2, столбец «2.3.доля»: доля 120 % больше 100 %"),
        ({"4.2.удовлетворены": 9, "4.2.всего": 8}, "t.csv, строка 2, столбец «4.2.удовлетворены»: показатель 4.2: удовлетворённых 9 больше, чем опрошенных 8"),
        ({"3.1.лифт": 1}, "t.csv, строка 2, столбец «3.1.лифт»: в показателе 3.1 нет пункта «лифт»"),
        ({"5.3.удовлетворены": 9}, "t.csv, строка 2, столбец «5.3.удовлетворены»: показатель 5.3: указано число удовлетворённых, но нет числа опрошенных (знаменателя)"),
    ],
)
def test_each_bad_cell_is_named_and_nothing_is_half_read(engine: Engine, row: dict[str, object], message: str) -> None:
    # the first institution is fine: the file is still refused as a whole
    data = csv_bytes(["Учреждение", *row], ["Плохое", *row.values()], ["Хорошее", *("" for _ in row)])
    with pytest.raises(InputError) as e:
        read_scores(data, "t.csv", spec(engine))
    assert str(e.value).startswith(message) and "\n" not in str(e.value)


def test_a_column_read_on_one_row_still_checks_every_later_cell(engine: Engine) -> None:
    # each column's meaning is worked out once per table; its cells are still checked row by row
    header = ["Учреждение", *(f"3.1.{k}" for k in ITEMS_31), "2.3.удовлетворены", "2.3.всего"]
    good = ["КЦСОН № 1", 1, 1, 1, 1, 1, 45, 50]
    got = read_scores(csv_bytes(header, good, ["КЦСОН № 2", 1, 1, 0, 1, 1, 50, 50]), "t.csv", spec(engine))
    second = unpacked(engine, got[1])
    assert second is not None and [m.n for m in second.checklist if not m.present] == [3]
    with pytest.raises(InputError) as e:
        read_scores(csv_bytes(header, good, good, ["КЦСОН № 3", 1, 1, "да-нет", 1, 1, 45, 50]), "t.csv", spec(engine))
    assert str(e.value).startswith(f"t.csv, строка 4, столбец «3.1.{ITEMS_31[2]}»: в пункте чек-листа «да-нет»")
    with pytest.raises(InputError) as e:
        read_scores(csv_bytes(header, good, ["КЦСОН № 2", 1, 1, 1, 1, 1, 51, 50]), "t.csv", spec(engine))
    assert str(e.value).startswith("t.csv, строка 3, столбец «2.3.удовлетворены»: показатель 2.3: удовлетворённых 51 больше")


def test_institutions_of_one_file_may_spell_a_column_differently(engine: Engine) -> None:
    first = {f"3.1.{k}": 1 for k in ITEMS_31}
    second = {f"3.1.{n}": 1 for n in range(1, 6)} | {"3.1.2": 0}
    data = json.dumps([{"name": "А", "scores": first}, {"name": "Б", "scores": second}], ensure_ascii=False).encode()
    a, b = (unpacked(engine, i) for i in read_scores(data, "b.json", spec(engine)))
    assert a is not None and b is not None
    assert [m.n for m in a.checklist if not m.present] == [] and [m.n for m in b.checklist if not m.present] == [2]


def test_scores_files_are_told_from_protocols() -> None:
    assert looks_like_scores((EXAMPLES / "scores.csv").read_bytes(), "scores.csv")
    assert looks_like_scores((EXAMPLES / "scores.yaml").read_bytes(), "scores.yaml")
    assert not looks_like_scores("Учреждение;Недостатки\nЦСО;нет пандуса\n".encode(), "p.csv")


# ---------------------------------------------------------------- the command line


def test_plan_scores_prints_the_plan_and_the_scores_block(tmp_path: Path) -> None:
    r = run("plan", "--scores", str(EXAMPLES / "scores.yaml"), "--date", "2027-01-15", "--format", "json")
    assert r.returncode == 0, r.stderr
    plan = json.loads(r.stdout)
    assert plan["schema"] == "nokrules.plan/2"
    assert plan["institution"]["name"] == "ГБУ СО «КЦСОН Центрального района»" and plan["institution"]["kind"] == "kcson"
    # the example is the worked institution of test_scores: total 89,02
    assert plan["scores"]["total"] == 89.02
    first = plan["items"][0]  # found in the text and by the checklist: one item, both sources
    assert (first["deficiency"]["id"], first["recognised_by"], [s["item"] for s in first["scores"]]) == (
        "tariffs_missing", "pattern", ["1.1.4"],
    )  # fmt: skip
    assert sum(1 for i in plan["items"] if i["deficiency"]["id"] == "tariffs_missing") == 1
    md = run("plan", "--scores", str(EXAMPLES / "scores.yaml"), "--date", "2027-01-15", "--format", "md")
    assert "| **Итого** | **среднее пяти критериев** |  | **89,02** |  |" in md.stdout
    assert "- 3.2.2: дублирование надписей и знаков рельефно-точечным шрифтом Брайля" in md.stdout


def test_plan_scores_with_a_bad_cell_is_one_line_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "b.csv"
    bad.write_text("Учреждение;1.3.стенд.удовлетворены\nЦСО;40\n", encoding="utf-8")
    r = run("plan", "--scores", str(bad))
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr == (
        f"nokrules: ошибка: {bad}, строка 2, столбец «1.3.стенд.удовлетворены»: показатель 1.3 (стенд): указано число "
        "удовлетворённых, но нет числа опрошенных (знаменателя) — столбец «1.3.стенд.всего»\n"
    )


def test_plan_scores_refuses_a_file_of_many_institutions() -> None:
    r = run("plan", "--scores", str(EXAMPLES / "scores.csv"))
    assert r.returncode == 2 and "в файле 2 учреждений; план по каждому — nokrules batch" in r.stderr


def test_the_xlsx_and_operator_examples_read_as_documented(engine: Engine) -> None:
    book = read_scores((EXAMPLES / "scores.xlsx").read_bytes(), "scores.xlsx", spec(engine))
    assert [(i.name, i.kind) for i in book] == [("ГБУ СО «КЦСОН Южного района»", "КЦСОН"), ("Дом-интернат «Берёзка»", "дом-интернат")]
    assert book[0].findings == "- нет кнопки вызова персонала у входа"
    mapping = load_column_map(EXAMPLES / "columns.yaml")
    operator = read_scores((EXAMPLES / "scores-operator.csv").read_bytes(), "scores-operator.csv", spec(engine), mapping)
    a = unpacked(engine, operator[0])
    assert a is not None and operator[0].kind == "КЦСОН"
    # КЦСОН Северного района: no стоянка (3.1.2), no коляски (3.1.4); 14 of 20 disabled respondents; 95 % recommend
    assert [(m.n, m.present) for m in a.checklist] == [(1, True), (2, False), (3, True), (4, False), (5, True)]
    assert [(m.indicator, m.satisfied, m.asked, m.share) for m in a.survey] == [("3.3", 14, 20, None), ("5.1", None, None, 95)]


def test_plan_docx_appendix_holds_the_scores_table(tmp_path: Path) -> None:
    import docx

    out = tmp_path / "plan.docx"
    r = run("plan", "--scores", str(EXAMPLES / "scores.yaml"), "--date", "2027-01-15", "--format", "docx", "-o", str(out), "--appendix")
    assert r.returncode == 0, r.stderr
    doc = docx.Document(str(out))
    assert "Приложение. Баллы по показателям НОК" in [p.text for p in doc.paragraphs]
    table = doc.tables[-1]
    rows = [[c.text.replace("\u00a0", " ") for c in row.cells] for row in table.rows]  # non-breaking spaces: typesetting
    assert rows[0] == ["№", "Показатель", "Значение", "Баллы", "Примечание"]
    assert rows[-1] == ["Итого", "среднее пяти критериев", "", "89,02", ""]
    assert ["2.3", rows[8][1], "86 %", "86", "ниже порога 90 %"] == rows[8]  # header, К1, 1.1–1.3, К2, 2.1, 2.2, 2.3
    assert "— 3.2.2: дублирование надписей и знаков рельефно-точечным шрифтом Брайля" in [p.text for p in doc.paragraphs]
    without = tmp_path / "plain.docx"
    run("plan", "--scores", str(EXAMPLES / "scores.yaml"), "--date", "2027-01-15", "--format", "docx", "-o", str(without))
    assert "Приложение. Баллы по показателям НОК" not in [p.text for p in docx.Document(str(without)).paragraphs]


def test_a_text_protocol_naming_checklist_items_is_no_scores_table() -> None:
    protocol = "1. ГБУ «КЦСОН»\nНедостатки:\n3.2.4: нет версии сайта для слабовидящих; 3.1.2: нет стоянки\n".encode()
    assert not looks_like_scores(protocol, "протокол.txt")
    assert looks_like_scores('"Наименование","3.1.стоянка"\n"ЦСО",1\n'.encode(), "t.csv")
