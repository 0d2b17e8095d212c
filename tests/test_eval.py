"""`nokrules eval`: recognition measured on a labelled corpus, on the mini catalog with a corpus written here."""

from __future__ import annotations

from pathlib import Path

from nokrules import Engine
from nokrules.curate.evaluate import evaluate, load_corpus

from .conftest import MINI
from .test_cli import run

CORPUS = """\
- text: нет пандуса
  expect: [ramp_missing]
  style: inspector
- text: нет пандуса и поручней
  expect: [ramp_missing, handrails_missing]
  style: multi
- text: отсутствует раздел «Часто задаваемые вопросы», нет поручней
  expect: [faq_missing]
  style: multi
- text: с коляской к стенду не подъехать
  expect: [ramp_missing]
  style: state
- text: замечаний нет
  expect: []
  style: negative
"""


def write(tmp_path: Path, text: str = CORPUS) -> Path:
    p = tmp_path / "corpus.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def test_counts_lines_pairs_and_wrong_deficiencies(mini: Engine, tmp_path: Path) -> None:
    ev = evaluate(mini, load_corpus([write(tmp_path)]))
    # by hand: 4 labelled lines, 3 of them give something; 5 named pairs, 4 found; 5 given, 1 not named
    # (the handrails of line 3); the one negative line stays empty
    assert (ev.lines, ev.labelled, ev.recognised, ev.negatives, ev.negatives_clean) == (5, 4, 3, 1, 1)
    assert (ev.named, ev.found, ev.produced, ev.wrong) == (5, 4, 5, 1)
    assert [(m.text, m.expected, m.found) for m in ev.misses] == [
        ("отсутствует раздел «Часто задаваемые вопросы», нет поручней", ["faq_missing"], ["handrails_missing", "faq_missing"]),
        ("с коляской к стенду не подъехать", ["ramp_missing"], []),
    ]
    ramp = next(s for s in ev.by_deficiency if s.id == "ramp_missing")
    assert (ramp.expected, ramp.found, ramp.wrong) == (3, 2, 0)


def test_the_report_is_russian_and_the_thresholds_set_the_exit_code(tmp_path: Path) -> None:
    corpus = str(write(tmp_path))
    ok = run("eval", corpus, "--catalog", str(MINI), "--no-errors", "--min-recall", "80")
    assert ok.returncode == 0, ok.stderr
    assert "распознано строк: 3 из 4 (75,0 %)" in ok.stdout
    assert "найдено названных недостатков (полнота): 4 из 5 (80,0 %)" in ok.stdout
    assert "лишних недостатков (о другом): 1 из 5 (20,0 %)" in ok.stdout
    low = run("eval", corpus, "--catalog", str(MINI), "--min-recognised", "97", "--max-wrong", "2")
    assert low.returncode == 1
    assert "ниже порога: распознано 75.0 % < 97 %; лишних 20.0 % > 2 %" in low.stderr


def test_a_bad_corpus_line_is_named_with_file_and_line(tmp_path: Path) -> None:
    bad = write(tmp_path, "- text: нет пандуса\n  expect: [ramp_missing]\n  style: somebody\n")
    r = run("eval", str(bad), "--catalog", str(MINI))
    assert r.returncode == 2
    assert "corpus.yaml:3" in r.stderr and "style" in r.stderr and "Traceback" not in r.stderr


def test_a_missing_corpus_is_a_clear_error(tmp_path: Path) -> None:
    r = run("eval", str(tmp_path / "nothing"), "--catalog", str(MINI))
    assert r.returncode == 2
    assert "нет такого файла или папки корпуса" in r.stderr
