"""Run a catalog's own tests: the examples and counterexamples kept beside each deficiency and the scenario
files (institution + pasted findings → measures that must / must not appear), with OPA-style coverage:
the share of deficiencies, rules and measures the tests exercised. No tests found is a failure. Examples
and counterexamples are judged by the shared catalog suite (`catalog_checks`), as lint and pytest judge them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from nokrules.core.constants import PLAN_DATE
from nokrules.core.engine import Engine
from nokrules.core.model import Institution
from nokrules.curate import scenarios
from nokrules.curate.catalog_checks import judge_counterexample, judge_example


@dataclass
class CaseResult:
    kind: str  # "пример" | "контрпример" | "сценарий"
    name: str
    where: str
    failures: list[str]

    @property
    def ok(self) -> bool:
        return not self.failures


@dataclass
class Report:
    results: list[CaseResult] = field(default_factory=list)
    deficiencies: set[str] = field(default_factory=set)
    rules: set[str] = field(default_factory=set)
    measures: set[str] = field(default_factory=set)

    @property
    def failed(self) -> list[CaseResult]:
        return [r for r in self.results if not r.ok]


def run(engine: Engine, root: Path, paths: list[Path] | None = None) -> Report:
    report = Report()
    cat = engine.catalog
    nobody = Institution(name="пример")

    def exercise(text: str, inst: Institution, when: date) -> tuple[set[str], set[str], int]:
        tr = engine.trace(text, inst, when)
        defs = {r.deficiency for r in tr.recognitions}
        measures = {m.id for it in tr.plan.items for m in it.measures}
        report.deficiencies |= defs
        report.rules |= {f.rule for f in tr.firings}
        report.measures |= measures
        return defs, measures, len(tr.plan.unrecognized)

    if paths is None or not paths:
        for d in cat.deficiencies:
            for k, ex in enumerate(d.examples):
                got, _, _ = exercise(ex, nobody, PLAN_DATE)
                fail = [p.text for p in judge_example(d, k, got)]
                report.results.append(CaseResult("пример", ex, f"{d.id}.examples[{k}]", fail))
            for k, ex in enumerate(d.counterexamples):
                got, _, _ = exercise(ex, nobody, PLAN_DATE)
                fail = [p.text for p in judge_counterexample(d, k, got)]
                report.results.append(CaseResult("контрпример", ex, f"{d.id}.counterexamples[{k}]", fail))
    for s, ref in scenarios.load_all(root, paths or None):
        inst = engine.institution(s.institution.name, s.institution.kind, s.institution.forms or None)
        defs, measures, unrec = exercise(s.findings, inst, s.date or PLAN_DATE)
        fail = [f"нет в плане, а должно быть: {m}" for m in s.must if m not in measures]
        fail += [f"есть в плане, а не должно быть: {m}" for m in s.must_not if m in measures]
        if s.deficiencies is not None and set(s.deficiencies) != defs:
            fail.append(f"распознано: {_ids(defs)}; ожидалось: {_ids(set(s.deficiencies))}")
        if s.unrecognized is not None and s.unrecognized != unrec:
            fail.append(f"не распознано строк: {unrec}; ожидалось: {s.unrecognized}")
        if fail:
            fail.append(f"мероприятия плана: {_ids(measures)}")
        report.results.append(CaseResult("сценарий", s.name, f"{ref.file}:{ref.line}", fail))
    return report


def _ids(ids: set[str]) -> str:
    return ", ".join(sorted(ids)) or "—"


def render(report: Report, engine: Engine, verbose: bool = False) -> str:
    cat = engine.catalog
    out = []
    for r in report.failed:
        out.append(f"ПРОВАЛ {r.kind} «{r.name}» ({r.where})")
        out += [f"  {line}" for line in r.failures]
    n, bad = len(report.results), len(report.failed)
    kinds = {k: sum(r.kind == k for r in report.results) for k in ("пример", "контрпример", "сценарий")}
    out.append(
        f"проверок: {n} (примеров {kinds['пример']}, контрпримеров {kinds['контрпример']}, сценариев {kinds['сценарий']}); "
        f"пройдено: {n - bad}, провалено: {bad}"
    )
    for title, seen, total in (
        ("недостатки", report.deficiencies, [d.id for d in cat.deficiencies]),
        ("правила", report.rules, [r.id for r in cat.rules]),
        ("мероприятия", report.measures, [m.id for m in cat.measures]),
    ):
        hit = len(set(total) & seen)
        pct = 100 * hit / len(total) if total else 100.0
        out.append(f"покрытие, {title}: {hit}/{len(total)} ({pct:.0f} %)")
        missing = sorted(set(total) - seen)
        if verbose and missing:
            out.append("  не проверены: " + ", ".join(missing))
    return "\n".join(out) + "\n"
