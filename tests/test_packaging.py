"""An installed nokrules works anywhere: the default catalog ships in the wheel, the checkout serves a dev install,
and `nokrules --help` needs nothing beyond the command it lists. The wheel itself is built, installed into a fresh
venv and smoke-tested by .ci/wheel-smoke (run from .ci/run)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from nokrules.core.catalog import default_root, load_catalog

from .conftest import ROOT


def test_dev_install_reads_the_checkouts_catalog(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NOKRULES_CATALOG", raising=False)
    assert default_root() == ROOT
    assert not (ROOT / "nokrules" / "default_catalog").exists()  # the build hook never writes into the checkout


def test_nokrules_catalog_variable_names_another_catalog(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NOKRULES_CATALOG", str(tmp_path))
    assert default_root() == tmp_path


def test_build_copies_catalog_rules_corpus_and_scenarios_into_the_package(tmp_path: Path) -> None:
    r = subprocess.run(
        [sys.executable, "setup.py", "-q", "build_py", "--build-lib", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert r.returncode == 0, r.stderr
    shipped = tmp_path / "nokrules" / "default_catalog"
    for folder in ("catalog", "rules", "corpus", "tests/scenarios"):
        want = sorted(p.relative_to(ROOT / folder).as_posix() for p in (ROOT / folder).rglob("*") if p.is_file())
        got = sorted(p.relative_to(shipped / folder).as_posix() for p in (shipped / folder).rglob("*") if p.is_file())
        assert want and got == want, folder
    assert (tmp_path / "nokrules" / "documents" / "layouts" / "pp457.yaml").is_file()
    assert (tmp_path / "nokrules" / "web" / "static" / "app.css").is_file()
    assert load_catalog(shipped).rules == load_catalog(ROOT).rules


def test_help_lists_every_command_without_hypothesis() -> None:
    code = "import sys; sys.modules['hypothesis'] = None; from nokrules.cli import main; main(['--help'])"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    for command in ("batch", "catalog", "check", "diff", "eval", "explain", "kinds", "lint", "plan", "serve", "test"):
        assert f"\n  {command} " in r.stdout, command
