"""Bytes that must never be misread in silence (issue 13, item 6), lines of symbols that must not vanish
(item 9), and the Russian messages for a directory given as a file and for YAML and JSON syntax errors
(item 12). Expectations are written by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nokrules.core.encoding import decode
from nokrules.core.errors import InputError
from nokrules.core.findings import split_findings
from nokrules.core.messages import json_problem, yaml_problem
from nokrules.protocols.readers import parse_bytes

from .conftest import MINI
from .test_cli import run

TEXT = "нет пандуса у входа\nнет поручней на лестнице\nРЕЙТИНГ УЧРЕЖДЕНИЙ\n"


@pytest.mark.parametrize("code", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "cp1251", "koi8_r"])
def test_every_code_russian_files_come_in_is_read_exactly(code: str) -> None:
    data = TEXT.encode(code)
    if code == "utf-16-be":
        data = b"\xfe\xff" + data  # with its BOM, as Notepad writes it
    assert decode(data) == TEXT


def test_short_and_capitalised_single_byte_lines_are_told_apart() -> None:
    for text in ("нет пандуса", "НЕТ ПАНДУСА", "Нет кнопки вызова персонала"):
        assert decode(text.encode("koi8_r")) == text
        assert decode(text.encode("cp1251")) == text


def test_one_stray_byte_in_utf8_is_refused_naming_the_line_and_byte() -> None:
    with pytest.raises(InputError) as e:
        decode("нет пандуса\nнет поручней\n".encode() + b"\xff", "f.txt")
    assert str(e.value).startswith("f.txt: строка 3, байт 1: 0xFF — не UTF-8, а строка 1 в UTF-8")


def test_utf8_lines_mixed_with_windows_1251_lines_are_refused() -> None:
    with pytest.raises(InputError) as e:
        decode("нет пандуса\n".encode() + "нет поручней\n".encode("cp1251"), "f.txt")
    assert "строка 2, байт 1: 0xED — не UTF-8" in str(e.value)


def test_windows_1251_lines_mixed_with_koi8_lines_are_refused() -> None:
    data = "нет пандуса у входа\n".encode("cp1251") + "нет поручней на лестнице\n".encode("koi8_r")
    with pytest.raises(InputError) as e:
        decode(data, "f.txt")
    assert str(e.value) == (
        "f.txt: в файле смешаны кодировки — строка 1 читается как Windows-1251, строка 2 — как KOI8-R; "
        "сохраните его целиком в UTF-8"
    )


def test_plan_reads_utf16_as_batch_does(tmp_path: Path) -> None:
    src = tmp_path / "u16.txt"
    src.write_bytes("нет пандуса\n".encode("utf-16"))
    r = run("plan", str(src), "--catalog", str(MINI), "--format", "json", "--date", "2027-01-15")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["items"][0]["finding"]["text"] == "нет пандуса"


def test_plan_refuses_a_stray_byte_instead_of_mojibake(tmp_path: Path) -> None:
    src = tmp_path / "s.txt"
    src.write_bytes("нет пандуса\nнет поручней\n".encode() + b"\xff")
    r = run("plan", str(src), "--catalog", str(MINI), "--format", "json")
    assert r.returncode == 2
    assert "s.txt: строка 3, байт 1: 0xFF — не UTF-8" in r.stderr


def test_batch_reads_a_koi8_protocol_and_refuses_a_broken_utf8_one() -> None:
    csv_text = "Учреждение;Недостатки\nЦентр Забота;нет пандуса\n"
    protocol = parse_bytes(csv_text.encode("koi8_r"), "p.csv")
    assert [(i.name, i.findings) for i in protocol.institutions] == [("Центр Забота", "- нет пандуса")]
    with pytest.raises(InputError) as e:
        parse_bytes(csv_text.encode() + b"\xff\n", "p.csv")
    assert str(e.value).startswith("p.csv: строка 3, байт 1: 0xFF — не UTF-8")


# ---------------------------------------------------------------- lines of symbols


def test_lines_without_a_letter_or_digit_are_findings_not_dropped() -> None:
    found = [(f.text, f.line) for f in split_findings("- нет пандуса\n- ♿ 🚫\n- ???\n-\n- .;\n")]
    assert found == [("нет пандуса", 1), ("♿ 🚫", 2), ("???", 3)]  # a lone bullet and «.;» carry nothing


def test_lines_of_symbols_are_shown_unrecognised_in_the_plan() -> None:
    r = run("plan", "-", "--catalog", str(MINI), "--format", "json", stdin="- нет пандуса\n- ♿ 🚫\n- ???\n".encode())
    assert r.returncode == 0, r.stderr
    assert [(u["text"], u["line"]) for u in json.loads(r.stdout)["unrecognized"]] == [("♿ 🚫", 2), ("???", 3)]


def test_a_protocol_keeps_a_finding_of_symbols() -> None:
    protocol = parse_bytes("Учреждение;Недостатки\nЦентр;\"нет пандуса\n♿ 🚫\"\n".encode(), "p.csv")
    assert protocol.institutions[0].findings == "- нет пандуса\n- ♿ 🚫"


# ---------------------------------------------------------------- messages


def test_a_directory_given_as_a_file_is_called_a_directory(tmp_path: Path) -> None:
    folder = tmp_path / "папка"
    folder.mkdir()
    for args, said in (
        (("plan", str(folder)), "это папка, а нужен файл с недостатками"),
        (("plan", "-", "--profile", str(folder)), "это папка, а нужен файл профиля YAML"),
        (("plan", "-", "--format", "docx", "-o", str(tmp_path / "p.docx"), "--form", str(folder)), "это папка, а нужен файл формы YAML"),
        (("batch", str(folder), "--out", str(tmp_path / "out")), "это папка, а нужен файл протокола"),
    ):
        r = run(*args, stdin="- нет пандуса\n".encode())
        assert r.returncode == 2, (args, r.stderr)
        assert f"{folder}: {said}" in r.stderr, r.stderr
        assert "не найден" not in r.stderr


def test_a_yaml_syntax_error_in_a_profile_is_in_russian_with_file_and_line(tmp_path: Path) -> None:
    profile = tmp_path / "профиль.yaml"
    profile.write_text("name: Центр\nkind: КЦСОН: Примерск\n", encoding="utf-8")
    r = run("plan", "-", "--catalog", str(MINI), "--profile", str(profile), stdin=b"- x\n")
    assert r.returncode == 2
    assert f"{profile}:2:" in r.stderr
    assert "ошибка синтаксиса YAML: двоеточие там, где значение уже начато" in r.stderr
    assert "mapping values" not in r.stderr


def test_a_json_syntax_error_in_a_protocol_is_in_russian_with_line_and_column(tmp_path: Path) -> None:
    src = tmp_path / "p.json"
    src.write_text('[{"name": "Центр"\n "findings": "нет пандуса"}]', encoding="utf-8")
    r = run("batch", str(src), "--out", str(tmp_path / "out"), "--catalog", str(MINI))
    assert r.returncode == 2
    assert "не разбирается как JSON (строка 2, столбец 2: пропущена запятая)" in r.stderr
    assert "Expecting" not in r.stderr


def test_parser_messages_translate_and_never_leak_english() -> None:
    assert yaml_problem("found character that cannot start any token").startswith("символ, с которого")
    assert yaml_problem("something new in libyaml") == "здесь нарушен синтаксис"
    assert json_problem("Expecting property name enclosed in double quotes").startswith("ключ должен быть")
    assert json_problem("Unterminated string starting at") == "не закрыта кавычка"
