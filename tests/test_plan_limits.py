"""The limits of one plan (nokrules/core/limits.py), from the command line: a text over them is refused at
once, in Russian, naming `nokrules batch`, with exit code 2; a plan the rule engine answered differently from
the reference evaluator ends with exit code 1 and no plan printed (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nokrules.cli.main import main
from nokrules.core.limits import MAX_JOINED, MAX_PLAN_LINES
from nokrules.core.model import Firing, Institution, Recognition
from nokrules.core.rules import DurableRules

from .conftest import MINI
from .test_cli import run


def test_a_text_over_the_line_limit_is_refused_at_once_naming_batch() -> None:
    r = run("plan", "-", "--catalog", str(MINI), "--format", "json", stdin=b"x\n" * (MAX_PLAN_LINES + 1))
    assert r.returncode == 2
    assert r.stdout == ""
    assert f"в тексте {MAX_PLAN_LINES + 1} строк, а в одном плане их может быть не больше {MAX_PLAN_LINES}" in r.stderr
    assert "nokrules batch" in r.stderr
    assert "Traceback" not in r.stderr


def test_a_text_at_the_line_limit_is_drafted() -> None:
    r = run("plan", "-", "--catalog", str(MINI), "--format", "json", stdin=b"x\n" * (MAX_PLAN_LINES - 1) + "- нет пандуса\n".encode())
    assert r.returncode == 0, r.stderr
    assert '"install_ramp"' in r.stdout


def test_too_many_combinations_for_all_rules_are_refused_naming_batch() -> None:
    """The mini catalog's `entrance` rule joins ramp_missing and handrails_missing: n of each is n*n combinations."""
    n = int(MAX_JOINED**0.5) + 1
    text = ("- нет пандуса\n- нет поручней\n" * n).encode()
    r = run("plan", "-", "--catalog", str(MINI), "--format", "json", stdin=text)
    assert r.returncode == 2
    assert f"больше {MAX_JOINED} сочетаний" in r.stderr and "nokrules batch" in r.stderr


def test_a_plan_the_engine_answered_differently_ends_with_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    run_ = DurableRules.run

    def lossy(self: DurableRules, inst: Institution, recs: list[Recognition]) -> list[Firing]:
        return run_(self, inst, recs)[1:]

    monkeypatch.setattr(DurableRules, "run", lossy)
    src = tmp_path / "findings.txt"
    src.write_text("- нет пандуса\n- нет поручней\n", encoding="utf-8")
    with pytest.raises(SystemExit) as e:
        main(["plan", str(src), "--catalog", str(MINI), "--format", "json"])
    assert e.value.code == 1
    out = capsys.readouterr()
    assert out.out == ""
    assert "движок правил durable-rules ответил не так, как эталонная проверка правил" in out.err
