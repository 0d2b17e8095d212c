"""One institution whose plan cannot be made does not cost the others theirs (issue 13, item 2): the batch
writes every other plan and the reports, names the institution that failed and ends with exit 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nokrules.cli.main import main
from nokrules.core.model import Plan
from nokrules.protocols import batch

from .conftest import MINI


def test_a_failing_institution_is_named_and_the_others_are_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    render = batch.Drafter.render

    def fail_on_fifth(self: batch.Drafter, plan: Plan) -> bytes:
        if plan.institution.name == "Центр 5":
            raise OSError("нет места на диске")
        return render(self, plan)

    monkeypatch.setattr(batch.Drafter, "render", fail_on_fifth)
    src = tmp_path / "p.json"
    src.write_text(json.dumps([{"number": i, "name": f"Центр {i}", "findings": "- нет пандуса"} for i in range(1, 11)]), "utf-8")
    out = tmp_path / "out"
    with pytest.raises(SystemExit) as e:
        main(["batch", str(src), "--out", str(out), "--catalog", str(MINI), "--date", "2027-01-15", "--format", "json"])
    assert e.value.code == 1
    err = capsys.readouterr().err
    assert "план не составлен: «Центр 5» (№ 5, недостатки со строки 1): нет места на диске" in err
    assert "планы 1 из 10 учреждений не составлены (причины выше); остальные планы и сводка записаны" in err
    plans = sorted(p.name for p in out.glob("tsentr-*.json"))
    assert plans == sorted(f"tsentr-{i}.json" for i in (1, 2, 3, 4, 6, 7, 8, 9, 10))
    assert (out / "summary.md").is_file() and (out / "institutions.csv").is_file()
