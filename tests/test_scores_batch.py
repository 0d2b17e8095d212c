"""`nokrules batch` on a scores table: a plan per institution with its scores, and the regional summary's
ranking, criteria against the region's mean and the indicators most often below threshold.

examples/scores.csv holds two institutions; their scores, worked by hand:
- ГБУ СО «КЦСОН Центрального района» is the worked institution of test_scores: K 87,79 / 93,8 / 77 / 93,8 /
  92,7, total 89,02; below 90: 1.1 (89,29), 1.3, 2.3, 3.1 (60), 3.2 (80), 4.3, 5.2.
- ГБСУ СО «Дом-интернат…»: 1.1 = 0,5·(14/14 + 13/14)·100 = 96,43; 1.2 = 5 ways → 100; 1.3 = 0,5·(95 + 93,75) =
  94,375 → 94,38; K1 = 28,929 + 30 + 37,752 = 96,68. K2 = 0,3·100 + 0,4·98 + 0,3·97 = 98,3.
  K3 = 0,3·100 + 0,4·80 + 0,3·75 = 84,5. K4 = 0,4·99 + 0,4·100 + 0,2·100 = 99,6. K5 = 0,3·96 + 0,2·93 + 0,5·97 = 95,9.
  Total = (96,68 + 98,3 + 84,5 + 99,6 + 95,9) / 5 = 474,98 / 5 = 94,996 → 95. Below 90: 3.2 (80), 3.3 (75).
Region: K3 mean (77 + 84,5) / 2 = 80,75, so the КЦСОН's K3 is 77 (−3,8) and the дом-интернат's 84,5 (+3,8);
total mean (89,02 + 95) / 2 = 92,01.
"""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import ROOT
from .test_cli import run

EXAMPLE = ROOT / "examples" / "scores.csv"


def test_batch_on_a_scores_table_ranks_institutions_and_counts_indicators_below_threshold(tmp_path: Path) -> None:
    out = tmp_path / "out"
    r = run("batch", str(EXAMPLE), "--out", str(out), "--date", "2027-01-15", "--format", "json")
    assert r.returncode == 0, r.stderr
    plans = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.json")}
    totals = sorted((p["institution"]["name"], p["scores"]["total"]) for p in plans.values())
    assert totals == [("ГБСУ СО «Дом-интернат для престарелых и инвалидов»", 95.0), ("ГБУ СО «КЦСОН Центрального района»", 89.02)]
    md = (out / "summary.md").read_text(encoding="utf-8")
    assert "| 1 | ГБСУ СО «Дом-интернат для престарелых и инвалидов» | 95 | 96,68 (" in md
    assert "| 2 | ГБУ СО «КЦСОН Центрального района» | 89,02 | " in md
    assert "| 84,5 (+3,8) |" in md and "| 77 (−3,8) |" in md
    assert "|  | Среднее по региону | 92,01 | " in md
    below = md[md.index("## 10.") :]
    rows = [line.split(" | ")[0].lstrip("| ") + ":" + line.split(" | ")[2] for line in below.splitlines()[4:]]
    assert rows == ["3.2:2", "1.1:1", "1.3:1", "2.3:1", "3.1:1", "3.3:1", "4.3:1", "5.2:1"]
    html = (out / "summary.html").read_text(encoding="utf-8")
    assert "<svg" in html and "Средний балл по критериям НОК в регионе" in html
    csv = (out / "institutions.csv").read_text(encoding="utf-8-sig")
    assert csv.splitlines()[0].endswith(";итог по баллам;К1;К2;К3;К4;К5")
    assert any(line.endswith(";95;96,68;98,3;84,5;99,6;95,9") for line in csv.splitlines())


def test_batch_with_a_bad_scores_cell_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "b.csv"
    bad.write_text("Учреждение;2.2.доля\nЦСО № 1;90\nЦСО № 2;190\n", encoding="utf-8")
    out = tmp_path / "out"
    r = run("batch", str(bad), "--out", str(out))
    assert r.returncode == 2
    assert r.stderr == f"nokrules: ошибка: {bad}, строка 3, столбец «2.2.доля»: доля 190 % больше 100 %\n"
    assert not out.exists() or not any(out.iterdir())
