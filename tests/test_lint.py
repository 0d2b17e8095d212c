"""Every lint check has a stable code, a docstring with an anti-pattern and a best practice, and a
broken catalog in tests/lint/cases/ (an overlay on tests/fixtures/mini) that it must flag, at the
file and line written by hand in the case. The shipped catalog lints clean."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from nokrules.curate.lint import ALL_CHECKS, lint
from nokrules.curate.lint import ceiling as ceiling_mod

from .conftest import MINI, ROOT

CASES = sorted((Path(__file__).parent / "lint" / "cases").glob("NOK*.yaml"))


def git(root: Path, *args: str) -> None:
    """git in `root` as a curator would run it, whatever hook or identity the test run has around it."""
    if shutil.which("git") is None:
        pytest.skip("нет git")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    config = ["-c", "user.name=nokrules", "-c", "user.email=nokrules@example.invalid", "-c", "commit.gpgSign=false"]
    config += ["-c", "tag.gpgSign=false", "-c", "init.defaultBranch=main"]
    subprocess.run(["git", *config, *args], cwd=root, env=env, check=True, capture_output=True)


def release(root: Path, tag: str) -> None:
    """Commit everything under `root` and tag it, as a catalog release."""
    if not (root / ".git").exists():
        git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "--allow-empty", "-m", tag)
    git(root, "tag", tag)


def build(case: dict, tmp: Path) -> Path:
    root = tmp / "catalog"
    shutil.copytree(MINI, root)
    if "tag" in case:  # the copy as released under this tag; the case's edits come after the release
        release(root, case["tag"])
    for rel in case.get("remove", []):
        (root / rel).unlink()
    for rel, text in (case.get("append") or {}).items():
        with (root / rel).open("a", encoding="utf-8") as f:
            f.write(text)
    for rel, text in (case.get("overlay") or {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
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


# ---------------------------------------------------------------- NOK310: a changed catalog keeps its version


def _nok310(root: Path) -> list[str]:
    return [m.text for m in lint(root) if m.code == "NOK310"]


def _released_mini(tmp: Path) -> Path:
    root = tmp / "catalog"
    shutil.copytree(MINI, root)
    release(root, "catalog-v1.0.0")
    return root


def _set_version(root: Path, version: str) -> None:
    path = root / "catalog" / "catalog.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("version: 1.0.0", f"version: {version}"), encoding="utf-8")


def _add_rule(root: Path) -> None:
    with (root / "rules" / "all.yaml").open("a", encoding="utf-8") as f:
        f.write("- id: faq-again\n  when: {deficiency: faq_missing}\n  then: [publish_faq]\n  because: t\n")


def test_version_check_is_silent_outside_a_git_checkout(tmp_path: Path) -> None:
    root = tmp_path / "catalog"
    shutil.copytree(MINI, root)
    _add_rule(root)
    assert _nok310(root) == []


def test_version_check_is_silent_before_the_first_release_tag(tmp_path: Path) -> None:
    root = tmp_path / "catalog"
    shutil.copytree(MINI, root)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "first")
    git(root, "tag", "v1.0.0")  # not a catalog release tag
    _add_rule(root)
    assert _nok310(root) == []


def test_version_check_is_silent_when_nothing_changed_since_the_release(tmp_path: Path) -> None:
    assert _nok310(_released_mini(tmp_path)) == []


def test_version_check_is_silent_when_the_version_was_raised(tmp_path: Path) -> None:
    root = _released_mini(tmp_path)
    _add_rule(root)
    _set_version(root, "1.1.0")
    assert _nok310(root) == []


def test_version_check_sees_a_new_file_not_yet_added_and_ignores_rule_tests(tmp_path: Path) -> None:
    root = _released_mini(tmp_path)
    (root / "rules" / "extra.test.yaml").write_text("[]\n", encoding="utf-8")
    assert _nok310(root) == []  # a catalog's tests are not the catalog
    (root / "rules" / "extra.yaml").write_text(
        "- id: faq-again\n  when: {deficiency: faq_missing}\n  then: [publish_faq]\n  because: t\n", encoding="utf-8"
    )
    assert _nok310(root) == ["каталог изменён после выпуска «catalog-v1.0.0», а версия осталась 1.0.0: поднимите version"]


def test_version_check_sees_the_labelled_findings_similarity_learns_from(tmp_path: Path) -> None:
    root = tmp_path / "catalog"
    shutil.copytree(MINI, root)
    (root / "catalog" / "similarity.yaml").write_text("learn_from: [corpus]\n", encoding="utf-8")
    (root / "corpus").mkdir()
    line = '- text: "нет пандуса у входа"\n  expect: [ramp_missing]\n  style: inspector\n'
    (root / "corpus" / "a.yaml").write_text(line, encoding="utf-8")
    release(root, "catalog-v1.0.0")
    assert _nok310(root) == []
    (root / "corpus" / "b.yaml").write_text(line.replace("у входа", "у крыльца"), encoding="utf-8")
    assert _nok310(root) == ["каталог изменён после выпуска «catalog-v1.0.0», а версия осталась 1.0.0: поднимите version"]


def test_version_check_compares_with_the_latest_release(tmp_path: Path) -> None:
    root = _released_mini(tmp_path)
    _add_rule(root)
    _set_version(root, "1.1.0")
    release(root, "catalog-v1.1.0")
    assert _nok310(root) == []
    (root / "rules" / "all.yaml").unlink()  # a removed file is a change too
    assert _nok310(root) == ["каталог изменён после выпуска «catalog-v1.1.0», а версия осталась 1.1.0: поднимите version"]

