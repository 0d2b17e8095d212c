"""Curator commands end to end: lint, test, explain, check (exit codes, Russian output, counterexamples)."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import yaml

from nokrules import Engine
from nokrules.curate.check import Checker
from nokrules.curate.explain import explain, render

from .conftest import MINI
from .test_cli import run


def _mini_copy(tmp: Path) -> Path:
    root = tmp / "cat"
    shutil.copytree(MINI, root)
    return root


def test_lint_exit_codes_and_json(tmp_path: Path) -> None:
    ok = run("lint", "--catalog", str(MINI))
    assert ok.returncode == 0 and "ошибок: 0, предупреждений: 11" in ok.stdout
    strict = run("lint", "--catalog", str(MINI), "--strict")
    assert strict.returncode == 1
    root = _mini_copy(tmp_path)
    (root / "rules" / "all.yaml").write_text(
        (root / "rules" / "all.yaml").read_text(encoding="utf-8").replace("then: [publish_faq]", "then: [publish_fak]"),
        encoding="utf-8",
    )
    bad = run("lint", "--catalog", str(root), "--format", "json")
    assert bad.returncode == 1
    data = json.loads(bad.stdout)
    assert data["errors"] == 1
    (err,) = [m for m in data["messages"] if m["severity"] == "error"]
    assert (err["code"], err["file"], err["path"]) == ("NOK102", "rules/all.yaml", "rules[5].then[0]")


def test_lint_of_a_missing_folder_exits_2() -> None:
    r = run("lint", "--catalog", "/no/such/catalog")
    assert r.returncode == 2 and "не найдена" in r.stderr


def _scenario_file(tmp: Path, must: list[str], must_not: list[str]) -> Path:
    f = tmp / "s.yaml"
    f.write_text(
        yaml.safe_dump(
            [
                {
                    "name": "КЦСОН без пандуса получает кнопку вызова",
                    "institution": {"kind": "kcson"},
                    "findings": "- нет пандуса\n",
                    "must": must,
                    "must_not": must_not,
                }
            ],
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    return f


def test_test_command_passes_and_reports_coverage(tmp_path: Path) -> None:
    f = _scenario_file(tmp_path, ["install_call_button"], ["install_ramp"])
    r = run("test", "--catalog", str(MINI), str(f))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "сценариев 1" in r.stdout and "провалено: 0" in r.stdout
    assert (
        "покрытие, правила: 2/8 (25 %)" in r.stdout
    )  # ramp and ramp-home-kcson both fire; the latter replaces the former's measure


def test_test_command_shows_a_readable_diff_and_exits_1(tmp_path: Path) -> None:
    f = _scenario_file(tmp_path, ["install_ramp"], ["install_call_button"])
    r = run("test", "--catalog", str(MINI), str(f))
    assert r.returncode == 1
    assert "ПРОВАЛ сценарий «КЦСОН без пандуса получает кнопку вызова» (" in r.stdout
    assert "нет в плане, а должно быть: install_ramp" in r.stdout
    assert "есть в плане, а не должно быть: install_call_button" in r.stdout


def test_test_command_runs_examples_and_counterexamples_by_default() -> None:
    r = run("test", "--catalog", str(MINI))
    assert r.returncode == 0
    assert "примеров 5, контрпримеров 0, сценариев 0" in r.stdout
    assert "покрытие, недостатки: 5/5 (100 %)" in r.stdout


def test_test_command_with_nothing_to_test_fails(tmp_path: Path) -> None:
    root = _mini_copy(tmp_path)
    p = root / "catalog" / "deficiencies" / "all.yaml"
    p.write_text(
        "\n".join(line for line in p.read_text(encoding="utf-8").splitlines() if "examples:" not in line) + "\n", encoding="utf-8"
    )
    r = run("test", "--catalog", str(root))
    assert r.returncode == 1 and "не найдено ни одной проверки" in r.stderr


def test_test_command_names_the_line_of_a_bad_scenario(tmp_path: Path) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text("- name: x\n  findings: нет пандуса\n  mustt: [install_ramp]\n", encoding="utf-8")
    r = run("test", "--catalog", str(MINI), str(f))
    assert r.returncode == 2
    assert ":3:3 scenarios[0].mustt: неизвестный ключ «mustt»" in r.stderr


def test_explain_shows_lemmas_patterns_rules_and_the_failed_condition() -> None:
    r = run("explain", "нет пондуса", "--catalog", str(MINI), "--kind", "care_home", "--date", "2027-01-15")
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "пондуса → пондус (опечатка? → пандус)" in out
    assert "недостаток ramp_missing (показатель 3.1): Нет пандуса" in out
    assert "шаблон 1: «пандус» ← пондуса" in out
    assert "сработало правило ramp: install_ramp" in out
    assert (
        "не сработало правило ramp-home-kcson: вид организации care_home, а нужен один из: Комплексный центр социального обслуживания населения"
        in out
    )
    assert "install_ramp (до 30.12.2027" in out


def test_explain_gives_the_why_as_data_which_the_cli_renders(mini: Engine) -> None:
    e = explain(mini, "нет пондуса", mini.institution("", "care_home"), date(2027, 1, 15))
    assert (e.kind, e.forms) == ("Дом-интернат для престарелых и инвалидов", ["стационарная"])
    (f,) = e.findings
    assert [(w.surface, w.lemmas, w.typo_of) for w in f.words] == [("нет", [], []), ("пондуса", ["пондус"], ["пандус"])]
    (r,) = f.recognitions
    assert (r.deficiency, r.pattern, [x.id for x in r.fired], [m.id for m in r.measures]) == (
        "ramp_missing",
        1,
        ["ramp"],
        ["install_ramp"],
    )
    assert [(x.id, x.reasons) for x in r.missed] == [
        (
            "ramp-home-kcson",
            [
                "вид организации care_home, а нужен один из: Комплексный центр социального обслуживания населения",
                "формы обслуживания стационарная, а нужна одна из: надомная",
            ],
        ),
        ("entrance", ["в плане нет недостатка «handrails_missing» (правило требует все: ramp_missing, handrails_missing)"]),
    ]
    cli = run("explain", "нет пондуса", "--catalog", str(MINI), "--kind", "care_home", "--date", "2027-01-15")
    assert cli.stdout == render(e) + "\n"


def test_explain_of_an_unrecognised_line_lists_suggestions() -> None:
    r = run("explain", "поручни шатаются", "--catalog", str(MINI))
    assert "не распознано; похожие недостатки каталога:" in r.stdout
    assert "handrails_missing" in r.stdout


def test_explain_of_a_line_that_says_nothing_is_wrong_says_so_as_the_plan_does(engine: Engine) -> None:
    e = explain(engine, "замечаний по показателю нет", engine.institution("", None), date(2027, 1, 15))
    (f,) = e.findings
    assert f.no_deficiency and not f.recognitions and not f.suggestions
    assert "недостатка не называет (сказано, что всё в порядке): мероприятий не нужно" in render(e)
    assert "не распознано" not in render(e)


def test_check_passes_on_the_mini_catalog() -> None:
    r = run("check", "--catalog", str(MINI), "--examples", "30")
    assert r.returncode == 0, r.stdout
    assert "свойств: 8, нарушено: 0" in r.stdout


def test_check_finds_a_monotonicity_break_and_prints_a_scenario(tmp_path: Path) -> None:
    # install_handrails now excludes publish_faq; faq wins by rule id, so adding a FAQ finding removes handrails
    root = _mini_copy(tmp_path)
    m = root / "catalog" / "measures" / "all.yaml"
    m.write_text(
        m.read_text(encoding="utf-8").replace(
            "  result: Поручни установлены\n", "  result: Поручни установлены\n  excludes: [publish_faq]\n"
        ),
        encoding="utf-8",
    )
    checker = Checker(Engine.load(root), examples=200)
    res = checker.monotone()
    assert not res.ok
    assert "install_handrails" in res.detail
    scenario = yaml.safe_load(res.scenario)[0]
    assert scenario["must"] == ["install_handrails"]
    assert "поруч" in scenario["findings"] and "вопрос" in scenario["findings"].lower()
    r = run("check", "--catalog", str(root), "--examples", "200")
    assert r.returncode == 1
    assert "✗ добавленная находка не убирает мероприятий" in r.stdout
    assert "минимальный контрпример (сценарий для tests/scenarios/):" in r.stdout
