"""Property-based consistency checks of any catalog (`nokrules check`), with hypothesis strategies built
from that catalog: institution kinds and forms, findings drawn from its example phrasings (with the
percentages changed), shuffled and duplicated. A failing invariant comes back as the shrunk minimal
counterexample, written as a scenario file the curator can paste into tests/scenarios/.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml
from hypothesis import HealthCheck, Phase, find, settings
from hypothesis import strategies as st
from hypothesis.errors import NoSuchExample

from nokrules.core.conditions import evaluate
from nokrules.core.constants import PLAN_DATE
from nokrules.core.dates import PERMANENT, add_months
from nokrules.core.engine import Engine
from nokrules.core.model import Institution, Plan, Recognition
from nokrules.core.planner import measures_per_recognition

PERCENT = re.compile(r"\d{1,3}(?:[.,]\d+)?\s*(?:%|процент\w*)")


@dataclass(frozen=True)
class Case:
    kind: str | None
    forms: tuple[str, ...]
    findings: tuple[str, ...]
    extra: str = ""  # a further finding (monotonicity) or nothing
    order: tuple[int, ...] = ()  # a permutation of findings (order independence)

    def text(self, findings: tuple[str, ...] | None = None) -> str:
        return "\n".join(f"- {f}" for f in (self.findings if findings is None else findings))


@dataclass
class Result:
    invariant: str
    ok: bool
    detail: str = ""
    scenario: str = ""


class Checker:
    def __init__(self, engine: Engine, examples: int = 100, seed: int = 0):
        self.engine = engine
        self.cat = engine.catalog
        self.examples = examples
        self.seed = seed
        self.phrases = sorted({(d.id, e) for d in self.cat.deficiencies for e in d.examples}, key=lambda p: p[1])
        self.valued = {d.id for d in self.cat.deficiencies if d.value}
        self.kinds = [k.id for k in self.cat.kinds]
        self.forms = [f.id for f in self.cat.forms]

    # -- strategies

    def _finding(self) -> st.SearchStrategy[str]:
        def with_value(pair: tuple[str, str]) -> st.SearchStrategy[str]:
            did, text = pair
            if did not in self.valued:
                return st.just(text)
            return st.integers(0, 100).map(lambda n: _set_percent(text, n))

        return st.sampled_from(self.phrases).flatmap(with_value)

    def cases(self) -> st.SearchStrategy[Case]:
        @st.composite
        def build(draw: st.DrawFn) -> Case:
            kind = draw(st.none() | st.sampled_from(self.kinds))
            forms = tuple(draw(st.lists(st.sampled_from(self.forms), unique=True, max_size=2).map(sorted)))
            findings = tuple(draw(st.lists(self._finding(), min_size=1, max_size=6)))
            dup = draw(st.booleans())
            if dup:
                findings = findings + (draw(st.sampled_from(findings)),)
            extra = draw(self._finding())
            order = tuple(draw(st.permutations(range(len(findings)))))
            return Case(kind, forms, findings, extra, order)

        return build()

    # -- helpers

    def institution(self, c: Case) -> Institution:
        return self.engine.institution("проверка", c.kind, list(c.forms) or None)

    def plan(self, c: Case, findings: tuple[str, ...] | None = None) -> Plan:
        return self.engine.draft_plan(c.text(findings), self.institution(c), date=PLAN_DATE)

    @staticmethod
    def measures(p: Plan) -> set[str]:
        return {m.id for it in p.items for m in it.measures}

    def _find(self, strategy: st.SearchStrategy[Any], fails: Callable[[Any], bool]) -> Any | None:
        try:
            return find(
                strategy,
                fails,
                settings=settings(
                    max_examples=self.examples,
                    database=None,
                    derandomize=True,
                    deadline=None,
                    phases=[Phase.generate, Phase.shrink],
                    suppress_health_check=list(HealthCheck),
                ),
            )
        except NoSuchExample:
            return None

    # -- invariants

    def every_deficiency_gets_a_measure(self) -> Result:
        name = "каждый недостаток получает мероприятие для каждого вида организации"
        rules_for: dict[str, list[set[str]]] = {}
        for r in self.cat.rules:
            rules_for.setdefault(r.when.deficiencies[0], []).append(set(r.when.kind))
        for d in self.cat.deficiencies:
            kinds_sets = rules_for.get(d.id, [])
            applies = (
                [None, *self.kinds] if any(not ks for ks in kinds_sets) or not kinds_sets else sorted(set().union(*kinds_sets))
            )
            for kind in applies:
                inst = self.engine.institution("проверка", kind)
                rec = Recognition(finding=0, deficiency=d.id, pattern=0, matches=[], places=list(d.places), values={})
                tr = self.engine.rules.run(inst, [rec])
                if not measures_per_recognition(self.cat, [rec], tr)[0]:
                    case = Case(kind, tuple(inst.forms), (d.examples[0] if d.examples else d.title,))
                    return Result(
                        name,
                        False,
                        f"«{d.id}» для вида {kind or 'не указан'} не получает ни одного мероприятия",
                        self._scenario(name, case, case.findings, must=[]),
                    )
        return Result(name, True)

    def deterministic(self) -> Result:
        name = "один и тот же ввод даёт один и тот же план"
        bad = self._find(self.cases(), lambda c: self.plan(c).to_json() != self.plan(c).to_json())
        return self._result(name, bad, "два расчёта одного плана различаются")

    def order_independent(self) -> Result:
        name = "порядок находок не меняет мероприятий"

        def fails(c: Case) -> bool:
            shuffled = tuple(c.findings[i] for i in c.order)
            return _rows(self.plan(c)) != _rows(self.plan(c, shuffled))

        bad = self._find(self.cases(), fails)
        return self._result(name, bad, "после перестановки находок набор мероприятий другой")

    def monotone(self) -> Result:
        name = "добавленная находка не убирает мероприятий (кроме объявленных в replaces)"

        def lost(c: Case) -> set[str]:
            small = self.measures(self.plan(c))
            big_plan = self.plan(c, c.findings + (c.extra,))
            big = self.measures(big_plan)
            fired = {m.rule for it in big_plan.items for m in it.measures}
            replaced = {x for r in self.cat.rules if r.id in fired for x in r.replaces}
            return small - big - replaced

        bad = self._find(self.cases(), lambda c: bool(lost(c)))
        if bad is None:
            return Result(name, True)
        gone = sorted(lost(bad))
        return Result(
            name,
            False,
            f"после добавления «{bad.extra}» пропали: {', '.join(gone)}",
            self._scenario(name, bad, bad.findings + (bad.extra,), must=gone),
        )

    def no_exclusive_pair(self) -> Result:
        name = "в плане нет взаимоисключающих мероприятий"

        def pair(c: Case) -> tuple[str, str] | None:
            ms = self.measures(self.plan(c))
            for m in sorted(ms):
                both = sorted(self.cat.exclusions.get(m, frozenset()) & ms)
                if both:
                    return m, both[0]
            return None

        bad = self._find(self.cases(), lambda c: pair(c) is not None)
        if bad is None:
            return Result(name, True)
        p = pair(bad)
        assert p is not None
        return Result(name, False, f"в одном плане «{p[0]}» и «{p[1]}»", self._scenario(name, bad, bad.findings, must_not=[p[1]]))

    def dues_in_horizon(self) -> Result:
        name = "все сроки — после даты плана и в пределах горизонта"
        limit = add_months(PLAN_DATE, self.cat.settings.horizon_months)

        def fails(c: Case) -> bool:
            for it in self.plan(c).items:
                for m in it.measures:
                    if m.due != PERMANENT and not (PLAN_DATE < date.fromisoformat(m.due) <= limit):
                        return True
            return False

        bad = self._find(self.cases(), fails)
        return self._result(name, bad, f"срок вне промежутка {PLAN_DATE:%d.%m.%Y}–{limit:%d.%m.%Y}")

    def rows_complete(self) -> Result:
        name = "у каждой строки плана есть мероприятие, срок, ответственный и результат"

        def fails(c: Case) -> bool:
            rows = [r for s in self.plan(c).sections for r in s.rows if r.measure]
            return any(
                not (r.measure and r.measure.text and r.measure.due and r.measure.responsible and r.measure.result) for r in rows
            )

        bad = self._find(self.cases(), fails)
        return self._result(name, bad, "у строки плана пустое поле")

    def engine_matches_reference(self) -> Result:
        name = "durable-rules и эталонный вычислитель на Python дают одно и то же"
        ids = [d.id for d in self.cat.deficiencies]
        value_names = sorted({d.value for d in self.cat.deficiencies if d.value})
        recs = recognitions(ids, value_names)
        insts = institutions(self.kinds, self.forms)

        def fails(x: tuple[Institution, list[Recognition]]) -> bool:
            inst, rs = x
            return self.engine.rules.run(inst, rs) != evaluate(self.cat.rules, inst, rs)

        bad = self._find(st.tuples(insts, recs), fails)
        if bad is None:
            return Result(name, True)
        inst, rs = bad
        return Result(name, False, f"различие для вида {inst.kind}, форм {inst.forms}, фактов {[r.deficiency for r in rs]}")

    def run_all(self) -> list[Result]:
        return [
            self.every_deficiency_gets_a_measure(),
            self.deterministic(),
            self.order_independent(),
            self.monotone(),
            self.no_exclusive_pair(),
            self.dues_in_horizon(),
            self.rows_complete(),
            self.engine_matches_reference(),
        ]

    # -- output

    def _result(self, name: str, bad: Case | None, detail: str) -> Result:
        if bad is None:
            return Result(name, True)
        return Result(name, False, detail, self._scenario(name, bad, bad.findings))

    def _scenario(
        self, name: str, c: Case, findings: tuple[str, ...], must: list[str] | None = None, must_not: list[str] | None = None
    ) -> str:
        inst: dict[str, Any] = {}
        if c.kind:
            inst["kind"] = c.kind
        if c.forms:
            inst["forms"] = list(c.forms)
        entry: dict[str, Any] = {"name": f"check: {name}"}
        if inst:
            entry["institution"] = inst
        entry["date"] = PLAN_DATE
        entry["findings"] = c.text(findings) + "\n"
        if must:
            entry["must"] = must
        if must_not:
            entry["must_not"] = must_not
        return yaml.dump([entry], allow_unicode=True, sort_keys=False, width=1000, Dumper=_Literal)


def recognitions(ids: list[str], value_names: list[str], max_size: int = 8) -> st.SearchStrategy[list[Recognition]]:
    """Random recognitions of the given deficiencies, with places and (named) percentages."""
    values = (
        st.sampled_from(value_names).flatmap(lambda n: st.dictionaries(st.just(n), st.integers(0, 100).map(float), max_size=1))
        if value_names
        else st.just({})
    )
    return st.lists(
        st.builds(
            Recognition,
            finding=st.integers(0, 5),
            deficiency=st.sampled_from(ids),
            pattern=st.just(0),
            matches=st.just([]),
            places=st.lists(st.sampled_from(["site", "stand"]), unique=True).map(sorted),
            values=values,
        ),
        max_size=max_size,
    )


def institutions(kinds: list[str], forms: list[str]) -> st.SearchStrategy[Institution]:
    return st.builds(
        Institution,
        kind=st.none() | st.sampled_from(kinds),
        forms=st.lists(st.sampled_from(forms), unique=True).map(sorted),
    )


def _rows(p: Plan) -> set[tuple[str, str]]:
    return {(m.id, m.text) for it in p.items for m in it.measures}


def _set_percent(text: str, n: int) -> str:
    return PERCENT.sub(f"{n}%", text, count=1) if PERCENT.search(text) else f"{text} {n}%"


class _Literal(yaml.SafeDumper):
    """Multi-line findings as a YAML block (|), the way curators write scenario files."""


def _str(dumper: yaml.SafeDumper, s: str) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", s, style="|" if "\n" in s else None)


_Literal.add_representer(str, _str)


def check(engine: Engine, examples: int = 100) -> list[Result]:
    return Checker(engine, examples).run_all()
