"""Every lint check has a stable code, a docstring with an anti-pattern and a best practice, and a
broken catalog in tests/lint/cases/ (an overlay on tests/fixtures/mini) that it must flag, at the
file and line written by hand in the case. The shipped catalog lints clean."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from nokrules.curate.lint import ALL_CHECKS, lint
from nokrules.curate.lint import ceiling as ceiling_mod

from .conftest import MINI, ROOT

CASES = sorted((Path(__file__).parent / "lint" / "cases").glob("NOK*.yaml"))


def build(case: dict, tmp: Path) -> Path:
    root = tmp / "catalog"
    shutil.copytree(MINI, root)
    for rel in case.get("remove", []):
        (root / rel).unlink()
    for rel, text in (case.get("append") or {}).items():
        with (root / rel).open("a", encoding="utf-8") as f:
            f.write(text)
    for rel, text in (case.get("overlay") or {}).items():
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_every_check_has_a_code_name_docs_and_a_case() -> None:
    codes = [c.code for c in ALL_CHECKS]
    assert len(codes) == len(set(codes))
    case_codes = {p.name.split("-")[0] for p in CASES}
    for c in ALL_CHECKS:
        assert re.fullmatch(r"NOK\d{3}", c.code)
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", c.name)
        assert c.severity in ("error", "warning")
        doc = c.__doc__ or ""
        assert "**Anti-pattern**" in doc and "**Best practice**" in doc, c.code
        assert c.code in case_codes, f"no case for {c.code}"
        assert any(p.name == f"{c.code}-{c.name}.yaml" for p in CASES), (
            f"case file of {c.code} must be named {c.code}-{c.name}.yaml"
        )


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_lint_case_is_flagged_where_the_case_says(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    if "ceiling" in case:
        monkeypatch.setattr(ceiling_mod, "CEILING", case["ceiling"])
    messages = lint(build(case, tmp_path))
    for exp in case["expect"]:
        hits = [
            m
            for m in messages
            if m.code == exp["code"] and m.file == exp["file"] and ("line" not in exp or m.line == exp["line"])
        ]
        assert hits, f"{exp} not in:\n" + "\n".join(map(str, messages))
    expected_errors = {e["code"] for e in case["expect"]}
    assert {m.code for m in messages if m.severity == "error"} <= expected_errors


def test_the_shipped_catalog_lints_clean() -> None:
    assert [str(m) for m in lint(ROOT)] == []


def test_the_mini_catalog_has_only_indicator_warnings() -> None:
    assert {m.code for m in lint(MINI)} == {"NOK303"}


def test_messages_name_file_line_column_and_key_path(tmp_path: Path) -> None:
    case = yaml.safe_load(
        (Path(__file__).parent / "lint" / "cases" / "NOK102-unknown-reference.yaml").read_text(encoding="utf-8")
    )
    (msg,) = [m for m in lint(build(case, tmp_path)) if m.code == "NOK102"]
    assert (
        str(msg)
        == "rules/extra.yaml:3:10 rules[0].then[0]: ошибка NOK102 unknown-reference: мероприятие «publish_fak» не найдено в каталоге"
    )
