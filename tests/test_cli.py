"""The `nokrules plan` command as a user runs it: exit codes, Russian messages on stderr, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import MINI


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "nokrules", *args],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        timeout=120,
    )
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())


def test_plan_json_from_stdin(tmp_path: Path) -> None:
    r = run("plan", "-", "--catalog", str(MINI), "--format", "json", "--date", "2027-01-15", stdin="- нет пандуса\n".encode())
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["items"][0]["measures"][0]["id"] == "install_ramp"


def test_plan_reads_cp1251_and_utf8_bom_files(tmp_path: Path) -> None:
    for enc, prefix in (("cp1251", b""), ("utf-8", b"\xef\xbb\xbf")):
        f = tmp_path / f"{enc}.txt"
        f.write_bytes(prefix + "нет пандуса".encode(enc))
        r = run("plan", str(f), "--catalog", str(MINI), "--format", "json")
        assert r.returncode == 0, r.stderr
        assert json.loads(r.stdout)["items"][0]["finding"]["text"] == "нет пандуса"


def test_plan_exits_2_on_missing_file() -> None:
    r = run("plan", "/no/such/file.txt", "--catalog", str(MINI))
    assert r.returncode == 2
    assert "файл не найден" in r.stderr
    assert "Traceback" not in r.stderr


def test_plan_exits_2_on_unknown_kind_and_lists_known() -> None:
    r = run("plan", "-", "--catalog", str(MINI), "--kind", "космодром", stdin="нет пандуса".encode())
    assert r.returncode == 2
    assert "неизвестный вид организации «космодром»" in r.stderr and "kcson" in r.stderr


def test_plan_exits_2_on_bad_date() -> None:
    r = run("plan", "-", "--catalog", str(MINI), "--date", "31/02/2027", stdin="нет пандуса".encode())
    assert r.returncode == 2
    assert "дата «31/02/2027» не распознана" in r.stderr


def test_plan_exits_2_on_a_date_outside_the_supported_years() -> None:
    r = run("plan", "-", "--catalog", str(MINI), "--date", "31.12.9999", stdin="нет пандуса".encode())
    assert r.returncode == 2
    assert "дата плана 9999-12-31 вне допустимых лет 2000–2100" in r.stderr
    assert "внутренняя ошибка" not in r.stderr


def test_plan_exits_2_on_bad_format_in_russian() -> None:
    r = run("plan", "-", "--format", "pdf", stdin=b"x")
    assert r.returncode == 2
    assert "неверное значение --format" in r.stderr and "json" in r.stderr


def test_unknown_option_is_reported_in_russian() -> None:
    r = run("plan", "--colour", stdin=b"x")
    assert r.returncode == 2
    assert "неизвестный параметр --colour" in r.stderr


def test_broken_catalog_names_file_line_and_key(tmp_path: Path) -> None:
    import shutil

    cat = tmp_path / "cat"
    shutil.copytree(MINI, cat)
    rules = cat / "rules" / "all.yaml"
    rules.write_text(rules.read_text(encoding="utf-8").replace("then: [publish_faq]", "then: [publish_fak]"), encoding="utf-8")
    r = run("plan", "-", "--catalog", str(cat), stdin="нет пандуса".encode())
    assert r.returncode == 2
    assert "rules/all.yaml:" in r.stderr and "then[0]" in r.stderr and "мероприятие «publish_fak» не найдено" in r.stderr
    assert "Traceback" not in r.stderr


def test_unrecognised_line_is_shown_in_every_format() -> None:
    for fmt in ("json", "md", "text"):
        r = run("plan", "-", "--catalog", str(MINI), "--format", fmt, stdin="нет пандуса\nгрубый охранник".encode())
        assert r.returncode == 0, r.stderr
        assert "грубый охранник" in r.stdout
        if fmt != "json":
            assert "мероприятие требует ручной формулировки" in r.stdout


def test_a_markdown_plan_names_no_rule_ids() -> None:
    # a document is for people: which rule chose a measure is for explain and the JSON
    r = run("plan", "-", "--catalog", str(MINI), "--format", "md", stdin="нет пандуса".encode())
    assert r.returncode == 0, r.stderr
    assert "правило" not in r.stdout
    assert "ramp" not in r.stdout


@pytest.mark.parametrize("fmt", ["md", "text"])
def test_a_plain_plan_says_its_year_and_suggests_deficiencies_by_title_only(fmt: str) -> None:
    # a plan dated in November is next year's plan; an unrecognised line lists the closest deficiencies by
    # what a person reads, not by catalog ids and scores
    r = run("plan", "-", "--catalog", str(MINI), "--format", fmt, "--date", "2026-11-20", stdin="нет порядка жалоб и вопросов".encode())
    assert r.returncode == 0, r.stderr
    assert "услуг на 2027 год" in r.stdout.splitlines()[0]
    r = run("plan", "-", "--catalog", str(MINI), "--format", fmt, "--date", "2026-11-20", stdin="в холле дует из окон".encode())
    assert "Нет пандуса" in r.stdout or "Нет поручней" in r.stdout or "Нет порядка подачи жалоб" in r.stdout
    for internal in ("ramp_missing", "handrails_missing", "complaint_procedure_missing", "faq_missing", "staffing_shortage"):
        assert internal not in r.stdout


def test_profile_fills_name_kind_and_people(tmp_path: Path) -> None:
    prof = tmp_path / "p.yaml"
    prof.write_text("name: КЦСОН Центрального района\nkind: КЦСОН\npeople:\n  aho_deputy: Сидоров С. С.\n", encoding="utf-8")
    r = run("plan", "-", "--catalog", str(MINI), "--profile", str(prof), "--format", "json", stdin="нет пандуса".encode())
    data = json.loads(r.stdout)
    assert data["institution"]["name"] == "КЦСОН Центрального района"
    assert data["institution"]["kind"] == "kcson"
    assert data["items"][0]["measures"][0]["responsible"].endswith("Сидоров С. С.")


def test_bad_profile_key_exits_2(tmp_path: Path) -> None:
    prof = tmp_path / "p.yaml"
    prof.write_text("nane: x\n", encoding="utf-8")
    r = run("plan", "-", "--catalog", str(MINI), "--profile", str(prof), stdin=b"x")
    assert r.returncode == 2
    assert "p.yaml:1:1 nane: неизвестный ключ «nane»" in r.stderr


def test_same_input_gives_the_same_bytes() -> None:
    args = ("plan", "-", "--catalog", str(MINI), "--format", "json", "--date", "2027-01-15")
    a = run(*args, stdin="нет пандуса и поручней\nнет порядка подачи жалоб".encode())
    b = run(*args, stdin="нет пандуса и поручней\nнет порядка подачи жалоб".encode())
    assert a.returncode == 0 and a.stdout == b.stdout


def _plan_with_cache(cache: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    return subprocess.run(
        [sys.executable, "-m", "nokrules", "plan", "-", "--catalog", str(MINI), "--format", "json", "--date", "2027-01-15"],
        input="- нет пандуса\n".encode(),
        capture_output=True,
        timeout=120,
        env=env,
    )


def test_normal_forms_are_kept_between_runs_and_change_nothing(tmp_path: Path) -> None:
    first = _plan_with_cache(tmp_path)
    assert first.returncode == 0, first.stderr
    [kept] = list((tmp_path / "nokrules").glob("normal-forms-*.json"))
    assert json.loads(kept.read_text(encoding="utf-8"))["пандус"] == "пандус"
    second = _plan_with_cache(tmp_path)
    assert second.stdout == first.stdout


def test_a_broken_or_unwritable_cache_is_ignored(tmp_path: Path) -> None:
    good = _plan_with_cache(tmp_path / "fresh")
    broken = tmp_path / "broken"
    (broken / "nokrules").mkdir(parents=True)
    kept = next((tmp_path / "fresh" / "nokrules").glob("normal-forms-*.json")).name
    (broken / "nokrules" / kept).write_text("[not json", encoding="utf-8")
    r = _plan_with_cache(broken)
    assert r.returncode == 0 and r.stdout == good.stdout
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("", encoding="utf-8")
    r = _plan_with_cache(blocked)
    assert r.returncode == 0 and r.stdout == good.stdout and b"Traceback" not in r.stderr
