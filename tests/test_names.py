"""Kind and form names: one lookup for the rules in the catalog and for what a user or a protocol writes.

A rule may name a kind the way a protocol does («Областные дома ветеранов»), so the same name, spelt with
«ё» or in another case, must reach the same kind in both places; a kind's own forms are ids.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nokrules import Engine
from nokrules.core.catalog import load_catalog
from nokrules.core.errors import CatalogError

from .conftest import MINI


def edited(tmp_path: Path, rel: str, old: str, new: str) -> Path:
    """A copy of the mini catalog with `old` replaced by `new` (once) in the file `rel`."""
    root = tmp_path / "catalog"
    shutil.copytree(MINI, root)
    text = (root / rel).read_text(encoding="utf-8")
    assert old in text
    (root / rel).write_text(text.replace(old, new, 1), encoding="utf-8")
    return root


def test_the_engine_resolves_case_yo_and_spaces_alike(mini: Engine) -> None:
    assert mini.resolve_kind("  дома ВЕТЕРАНОВ ") == "veterans_home"
    assert mini.resolve_kind("Центр социальной адаптации лиц без определенного места жительства") == "adaptation_center"
    assert mini.institution("", forms=["Надомная ", "STATIONARY"]).forms == ["home", "stationary"]


def test_a_rule_names_kinds_and_forms_as_a_user_would(tmp_path: Path) -> None:
    rule = """
- id: ramp-in-shelters
  when:
    deficiency: ramp_missing
    kind: ["  ДОМА ВЕТЕРАНОВ", "Центр социальной адаптации лиц без определенного места жительства"]
    form: [Стационарная]
  then: [install_ramp]
  because: тест
"""
    rules = (MINI / "rules" / "all.yaml").read_text(encoding="utf-8")
    catalog = load_catalog(edited(tmp_path, "rules/all.yaml", rules, rules + rule))
    (got,) = [r for r in catalog.rules if r.id == "ramp-in-shelters"]
    assert (got.when.kind, got.when.form) == (["adaptation_center", "veterans_home"], ["stationary"])


def test_a_kind_lists_its_forms_by_id(tmp_path: Path) -> None:
    root = edited(tmp_path, "catalog/kinds.yaml", "forms: [home, semi_stationary]", "forms: [надомная, semi_stationary]")
    with pytest.raises(CatalogError) as e:
        load_catalog(root)
    assert [p.message for p in e.value.problems] == ["форма «надомная» не описана в forms (у вида пишется её id: home)"]
