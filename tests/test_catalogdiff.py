"""`nokrules diff`: the structural diff and the plan impact of tests/fixtures/mini → tests/fixtures/mini_v2.

mini_v2 is mini with these deliberate edits, and every expectation below was worked out by hand from them:
version 1.0.0 → 1.1.0 and effective_from 2026-11-25 → 2027-02-01; new deficiency toilet_missing (example
«нет санитарной комнаты для инвалидов») with measure equip_toilet and rule toilet; measure monitor_staffing
removed, and with it from rule staffing; install_ramp reworded; publish_faq due +2 weeks → +1 month;
handrails_missing now needs «лестница» too (so «нет поручней» is no longer recognised) and its example is
«нет поручней на лестнице»; two scenarios in tests/scenarios/entrance.yaml. Nothing else differs: when
mini itself changes, make the same change in mini_v2 (test_mini_v2_tracks_mini says where).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from nokrules.cli.commands.diff import command
from nokrules.core.catalog import load_catalog
from nokrules.core.errors import CatalogError
from nokrules.curate.diff import (
    CatalogDiff,
    FieldChange,
    FindingImpact,
    Flat,
    PlanChange,
    compare_fields,
    diff_dirs,
    render_text,
    variant_kinds,
)

from .conftest import MINI

MINI_V2 = MINI.parent / "mini_v2"

RAMP_OLD = "Установить пандус у входа"
RAMP_NEW = "Установить пандус у главного входа по СП 59.13330.2020"


@pytest.fixture(scope="module")
def diff() -> CatalogDiff:
    return diff_dirs(MINI, MINI_V2)


def _change(diff: CatalogDiff, text: str) -> PlanChange:
    found = [c for c in diff.impact.changes if c.text == text]
    assert len(found) == 1, [c.text for c in diff.impact.changes]
    return found[0]


def _only_finding(change: PlanChange) -> FindingImpact:
    assert len(change.findings) == 1
    return change.findings[0]


def test_mini_v2_tracks_mini() -> None:
    """The files mini_v2 does not edit on purpose must stay byte-identical to mini's."""
    for rel in ("catalog/criteria.yaml", "catalog/kinds.yaml", "catalog/roles.yaml"):
        assert (MINI_V2 / rel).read_bytes() == (MINI / rel).read_bytes(), f"{rel} changed in mini: copy it to mini_v2"


# ---------------------------------------------------------------- structural diff


def test_settings_version_and_effective_from(diff: CatalogDiff) -> None:
    assert [(f.field, f.old, f.new) for f in diff.structure.settings] == [
        ("version", "1.0.0", "1.1.0"),
        ("effective_from", "2026-11-25", "2027-02-01"),
    ]
    assert (diff.old.version, diff.new.version) == ("1.0.0", "1.1.0")


def test_deficiencies_added_and_changed(diff: CatalogDiff) -> None:
    d = diff.structure.deficiencies
    assert [e.id for e in d.added] == ["toilet_missing"]
    assert d.added[0].label == "Нет санитарной комнаты, доступной для инвалидов"
    assert d.removed == []
    assert [c.id for c in d.changed] == ["handrails_missing"]
    patterns, examples = d.changed[0].fields
    assert (patterns.field, patterns.kind) == ("patterns", "patterns")
    assert patterns.old == ["all: [поручень]"]
    assert patterns.new == ["all: [поручень, лестница]"]
    assert (examples.field, examples.kind) == ("examples", "list")
    assert examples.added == ["нет поручней на лестнице"]
    assert examples.removed == ["нет поручней"]


def test_measures_added_removed_changed(diff: CatalogDiff) -> None:
    m = diff.structure.measures
    assert [e.id for e in m.added] == ["equip_toilet"]
    assert [(e.id, e.label) for e in m.removed] == [("monitor_staffing", "Ежеквартально анализировать укомплектованность")]
    assert [(c.id, [f.field for f in c.fields]) for c in m.changed] == [("install_ramp", ["text"]), ("publish_faq", ["due"])]
    ramp, faq = m.changed
    assert (ramp.fields[0].kind, ramp.fields[0].old, ramp.fields[0].new) == ("text", RAMP_OLD, RAMP_NEW)
    assert (faq.fields[0].old, faq.fields[0].new) == ("+2 weeks", "+1 month")


def test_rules_added_and_changed(diff: CatalogDiff) -> None:
    r = diff.structure.rules
    assert [(e.id, e.label) for e in r.added] == [("toilet", "toilet_missing → equip_toilet")]
    assert r.removed == []
    assert [c.id for c in r.changed] == ["staffing"]
    (then,) = r.changed[0].fields
    assert (then.field, then.added, then.removed) == ("then", [], ["monitor_staffing"])
    assert (then.old, then.new) == (["recruit_staff", "monitor_staffing"], ["recruit_staff"])


def test_list_order_matters_only_where_it_changes_behaviour() -> None:
    old: Flat = {"then": ("list", ["a", "b"]), "examples": ("list", ["x", "y"])}
    new: Flat = {"then": ("list", ["b", "a"]), "examples": ("list", ["y", "x"])}
    assert compare_fields(old, new) == [
        FieldChange(field="then", kind="list", old=["a", "b"], new=["b", "a"], added=[], removed=[])
    ]


# ---------------------------------------------------------------- plan impact


def test_ramp_example_shows_reworded_measure_but_not_for_kcson(diff: CatalogDiff) -> None:
    change = _change(diff, "нет пандуса")
    assert change.source == "example" and change.label == "пример: ramp_missing"
    # a KCSON (home service) gets install_call_button, which excludes install_ramp: its plan does not change
    assert [i.kind for i in change.institutions] == [None]
    f = _only_finding(change)
    assert (f.line, f.status, f.added, f.removed) == (1, "measures_changed", [], [])
    assert [(c.id, [(x.field, x.old, x.new) for x in c.fields]) for c in f.changed] == [
        ("install_ramp", [("text", RAMP_OLD, RAMP_NEW)])
    ]


def test_staffing_example_loses_monitor_staffing(diff: CatalogDiff) -> None:
    f = _only_finding(_change(diff, "укомплектована кадрами на 60%"))
    assert f.status == "measures_changed"
    assert f.old_deficiencies == f.new_deficiencies == ["staffing_shortage"]
    assert [m.id for m in f.removed] == ["monitor_staffing"]
    assert f.added == [] and f.changed == []


def test_handrails_example_becomes_unrecognized(diff: CatalogDiff) -> None:
    f = _only_finding(_change(diff, "нет поручней"))
    assert f.status == "became_unrecognized"
    assert (f.old_deficiencies, f.new_deficiencies) == (["handrails_missing"], [])
    assert [m.id for m in f.removed] == ["install_handrails"]


def test_new_deficiency_example_becomes_recognized(diff: CatalogDiff) -> None:
    f = _only_finding(_change(diff, "нет санитарной комнаты для инвалидов"))
    assert f.status == "became_recognized"
    assert (f.old_deficiencies, f.new_deficiencies) == ([], ["toilet_missing"])
    assert [(m.id, m.text, m.due_text) for m in f.added] == [
        ("equip_toilet", "Оборудовать санитарную комнату для инвалидов", "до 30.12.2027")  # 31.12.2027 is a day off
    ]


def test_faq_due_date_moves_on_the_fixed_plan_date(diff: CatalogDiff) -> None:
    f = _only_finding(_change(diff, "отсутствует раздел «Часто задаваемые вопросы»"))
    (c,) = f.changed
    assert c.id == "publish_faq"
    assert [(x.field, x.old, x.new) for x in c.fields] == [("due_text", "до 29.01.2027", "до 15.02.2027")]


def test_unchanged_examples_are_not_reported(diff: CatalogDiff) -> None:
    texts = [c.text for c in diff.impact.changes]
    assert "нет поручней на лестнице" not in texts
    assert "нет порядка подачи жалоб на сайте" not in texts


def test_scenarios_of_the_new_catalog_are_in_the_corpus(diff: CatalogDiff) -> None:
    scen = [c for c in diff.impact.changes if c.source == "scenario"]
    assert [c.label for c in scen] == [
        "сценарий «Дом-интернат без пандуса и поручней получает реконструкцию входа»",
        "сценарий «КЦСОН без раздела FAQ»",
    ]
    entrance, faq = scen
    assert [i.kind for i in entrance.institutions] == ["care_home"]
    # line 2 (handrails) is answered by renovate_entrance in both versions; only line 1's ramp text changed
    f = _only_finding(entrance)
    assert (f.line, f.text, [c.id for c in f.changed]) == (1, "нет пандуса", ["install_ramp"])
    assert [c.id for c in _only_finding(faq).changed] == ["publish_faq"]


def test_counts_and_order(diff: CatalogDiff) -> None:
    assert variant_kinds(load_catalog(MINI), load_catalog(MINI_V2)) == ["kcson"]
    # 7 example phrasings, «нет пандуса» again for kcson, 2 scenarios
    assert (diff.impact.plans_checked, diff.impact.plans_changed) == (10, 7)
    assert [c.text.strip() for c in diff.impact.changes if c.source == "example"] == [
        "отсутствует раздел «Часто задаваемые вопросы»",
        "нет поручней",
        "нет пандуса",
        "укомплектована кадрами на 60%",
        "нет санитарной комнаты для инвалидов",
    ]
    s = diff.summary
    assert (s.deficiencies.added, s.deficiencies.removed, s.deficiencies.changed) == (1, 0, 1)
    assert (s.measures.added, s.measures.removed, s.measures.changed) == (1, 1, 2)
    assert (s.rules.added, s.rules.removed, s.rules.changed) == (1, 0, 1)
    assert (s.measures_added, s.measures_removed, s.measures_changed) == (1, 2, 4)
    assert (s.became_unrecognized, s.became_recognized, s.deficiencies_changed) == (1, 1, 0)


def test_same_catalog_reports_no_changes() -> None:
    same = diff_dirs(MINI, MINI)
    assert same.structure.empty
    assert same.impact.changes == [] and same.impact.plans_changed == 0
    text = render_text(same)
    assert "Изменений в каталоге нет." in text and "Планы не изменились." in text


def test_diff_is_deterministic(diff: CatalogDiff) -> None:
    assert diff_dirs(MINI, MINI_V2).to_json() == diff.to_json()


def test_broken_catalog_raises_catalog_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(MINI, broken)
    rules = broken / "rules" / "all.yaml"
    rules.write_text(rules.read_text(encoding="utf-8").replace("then: [publish_faq]", "then: [publish_fak]"), encoding="utf-8")
    with pytest.raises(CatalogError, match="publish_fak"):
        diff_dirs(MINI, broken)


def test_malformed_scenario_raises_catalog_error_naming_the_file(tmp_path: Path) -> None:
    new = tmp_path / "new"
    shutil.copytree(MINI_V2, new)
    (new / "tests" / "scenarios" / "bad.yaml").write_text("- name: без текста\n  must: [publish_faq]\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="tests/scenarios/bad.yaml"):
        diff_dirs(MINI, new)


# ---------------------------------------------------------------- the command


def test_command_text_in_russian() -> None:
    r = CliRunner().invoke(command, [str(MINI), str(MINI_V2)])
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    for expected in (
        "  version: 1.0.0 → 1.1.0",
        "  + toilet_missing — Нет санитарной комнаты, доступной для инвалидов",
        "  − monitor_staffing — Ежеквартально анализировать укомплектованность",
        f"        стало: {RAMP_NEW}",
        "      due: +2 weeks → +1 month",
        "      then: − monitor_staffing",
        "    строка 1 «нет поручней»: больше не распознаётся (было: handrails_missing; стало: не распознана)",
        "      − monitor_staffing — Ежеквартально анализировать укомплектованность",
        "          срок: до 29.01.2027 → до 15.02.2027",
    ):
        assert expected in lines, expected
    assert lines[-1].startswith("Итого: недостатки +1 −0 ~1, мероприятия +1 −1 ~2, правила +1 −0 ~1")
    assert "планов проверено 10, изменилось 7" in lines[-1]


def test_command_json_parses() -> None:
    r = CliRunner().invoke(command, [str(MINI), str(MINI_V2), "--format", "json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert data["schema"] == "nokrules.diff/1"
    assert [e["id"] for e in data["structure"]["measures"]["removed"]] == ["monitor_staffing"]
    assert data["summary"]["plans_changed"] == 7


def test_command_corpus_file(tmp_path: Path) -> None:
    f = tmp_path / "findings.txt"
    f.write_bytes("- нет пандуса\n- нет санитарной комнаты для инвалидов\n".encode("cp1251"))
    r = CliRunner().invoke(command, [str(MINI), str(MINI_V2), "--corpus", str(f), "--format", "json"])
    assert r.exit_code == 0, r.output
    (change,) = [c for c in json.loads(r.output)["impact"]["changes"] if c["source"] == "file"]
    assert change["label"] == f"файл {f}"
    assert change["institutions"] == [{"name": "", "kind": None, "forms": []}]
    assert [(x["line"], x["status"]) for x in change["findings"]] == [(1, "measures_changed"), (2, "became_recognized")]
    text = CliRunner().invoke(command, [str(MINI), str(MINI_V2), "--corpus", str(f)]).output
    assert f"  файл {f} — вид не указан" in text.splitlines()


def test_command_same_catalog_exits_zero() -> None:
    r = CliRunner().invoke(command, [str(MINI), str(MINI)])
    assert r.exit_code == 0, r.output
    assert "Изменений в каталоге нет." in r.output


def test_a_new_remedy_verb_is_a_settings_change(tmp_path: Path) -> None:
    changed = tmp_path / "remedies"
    shutil.copytree(MINI, changed)
    settings = changed / "catalog" / "catalog.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + "signals:\n  remedies:\n    broken: [отремонтировать]\n", encoding="utf-8"
    )
    fields = {f.field: (f.old, f.new) for f in diff_dirs(MINI, changed).structure.settings}
    assert "signals.remedies.broken" in fields
    assert "отремонтировать" in str(fields["signals.remedies.broken"][1])


def test_every_setting_of_signals_and_similarity_is_compared(tmp_path: Path) -> None:
    # settings the diff once left out: a share setting of the signals and the contest of close phrasings
    changed = tmp_path / "shares"
    shutil.copytree(MINI, changed)
    settings = changed / "catalog" / "catalog.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "signals:\n  generic_share: 20\n  scores: [балл]\n", encoding="utf-8")
    (changed / "catalog" / "similarity.yaml").write_text(
        "learn_from: [corpus]\ncontest:\n  max_own: 0.25\n", encoding="utf-8"
    )
    (changed / "corpus").mkdir()
    (changed / "corpus" / "lines.yaml").write_text("- text: пандуса нет\n  expect: [ramp_missing]\n  style: inspector\n", encoding="utf-8")
    fields = {f.field: (f.old, f.new) for f in diff_dirs(MINI, changed).structure.settings}
    assert fields["signals.generic_share"] == ("12.5", "20")
    assert fields["signals.scores"] == ([], ["балл"])
    assert fields["similarity.contest.max_own"] == ("0.2", "0.25")  # the mini catalog has no similarity stage: defaults
    assert fields["similarity.learn_from"] == ([], ["corpus"])
    assert "similarity.neighbours" not in fields  # default on both sides: no change


def test_an_inspector_cut_is_a_settings_change(tmp_path: Path) -> None:
    changed = tmp_path / "cuts"
    shutil.copytree(MINI, changed)
    settings = changed / "catalog" / "catalog.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "signals:\n  cuts:\n    инв: [инвалид]\n    пит: [питание, питьевой]\n", encoding="utf-8")
    fields = {f.field: (f.old, f.new) for f in diff_dirs(MINI, changed).structure.settings}
    assert fields["signals.cuts"] == ([], ["инв: инвалид", "пит: питание, питьевой"])
