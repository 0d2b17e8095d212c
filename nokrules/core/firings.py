"""Which rules fire on a plan's recognitions: durable-rules' answer, checked against the plain-Python evaluator,
and remembered per fact where that is provably the same answer.

A national batch asks the same question over and over: «рядом нет стоянки» in a home for the elderly, a
survey share below 70 % in a day centre. A recognition whose deficiency no rule with `all: [a, b, …]` names
fires exactly the rules its own fact meets, so its firings are a function of that fact alone: the
deficiency, kind, forms of service, places, state (`rules.fact_for`, the very dict the engine is given)
and, for each value, which of the comparisons the rules of that deficiency make on it hold. `Firings`
keeps, per such fact, the rule ids both engines agreed on; a plan whose every fact is known is answered
from that, and the rest (joined deficiencies, facts not seen yet) go to durable-rules and the evaluator as
before, every answer checked (`check_firings`). A refused answer is never kept.
"""

from __future__ import annotations

from collections.abc import Hashable
from functools import partial

from nokrules.core.conditions import evaluate
from nokrules.core.errors import EngineError
from nokrules.core.memo import remembered
from nokrules.core.model import Catalog, Comparison, Firing, Institution, Recognition, make
from nokrules.core.rules import DurableRules, fact_for

CACHE_MAX = 50_000  # groups of facts kept before the memo is emptied (a national run meets a few thousand)
GROUP_MAX = 8  # recognitions of one group beyond which it is not kept (a pasted protocol repeats one defect)


def check_firings(got: list[Firing], want: list[Firing]) -> None:
    """durable-rules' firings must equal the reference evaluator's (cheap: rules x recognitions of their
    deficiencies): the C library has lost facts and measures before (issue 13), so a plan it answered
    differently is refused whole, never drafted in part."""
    got_set = {(f.rule, tuple(f.recognitions)) for f in got}
    want_set = {(f.rule, tuple(f.recognitions)) for f in want}
    if got_set != want_set:
        lost, extra = len(want_set - got_set), len(got_set - want_set)
        raise EngineError(
            f"движок правил durable-rules ответил не так, как эталонная проверка правил (потеряно срабатываний: "
            f"{lost}, лишних: {extra}); план не составлен, чтобы не выдать его без части мероприятий. "
            "Сообщите разработчикам nokrules"
        )


class Firings:
    """The rule firings of plans of one catalog, with the memo described above (it belongs to the engine and
    goes with it)."""

    def __init__(self, catalog: Catalog, rules: DurableRules):
        self.catalog = catalog
        self.rules = rules
        # deficiencies linked by rules with `all: [a, b, …]`, transitively: a recognition's firings depend on
        # the recognitions of its group alone
        group: dict[str, str] = {}

        def root(d: str) -> str:
            while group.get(d, d) != d:
                d = group[d]
            return d

        for r in catalog.rules:
            ds = r.when.deficiencies
            for d in ds[1:]:
                a, b = root(ds[0]), root(d)
                if a != b:
                    group[max(a, b)] = min(a, b)
        self._group = {d: root(d) for d in {d for r in catalog.rules for d in r.when.deficiencies}}
        self._joined = frozenset(d for r in catalog.rules if len(r.when.deficiencies) > 1 for d in r.when.deficiencies)
        # (deficiency, value name) → every comparison a rule of that deficiency makes on the value
        self._comparisons: dict[tuple[str, str], list[Comparison]] = {}
        for r in catalog.rules:
            for name, cmp in sorted(r.when.value.items()):
                self._comparisons.setdefault((r.when.deficiencies[0], name), []).append(cmp)
        # the facts of a group, in plan order → the firings on them (indexes into the group)
        self._known: dict[tuple[Hashable, ...], tuple[tuple[str, tuple[int, ...]], ...]] = {}
        self._firings: dict[tuple[str, tuple[int, ...]], Firing] = {}  # one object per firing, shared by plans

    def key(self, institution: Institution, rec: Recognition) -> Hashable:
        """What the rules can see of a recognition, built from the engine's own fact; a value enters as the
        outcome of each comparison a rule of its deficiency makes on it, the only way the rules (and the
        evaluator, `Comparison.holds`) read it."""
        out: list[tuple[str, object]] = []
        for name, v in fact_for(0, rec, institution, "").items():
            if name in ("sid", "fid"):
                continue
            if name.startswith("v_"):
                cmps = self._comparisons.get((rec.deficiency, name[2:]), [])
                out.append((name, tuple(c.holds(v) for c in cmps)))
            else:
                out.append((name, v))
        return tuple(out)  # in the fact's own order: equal keys are equal facts

    def groups(self, recognitions: list[Recognition]) -> list[list[int]]:
        """The recognitions whose firings depend on one another, in plan order: those of deficiencies linked
        by joined rules together, every other recognition alone."""
        out: list[list[int]] = []
        joined: dict[str, list[int]] = {}
        for i, rec in enumerate(recognitions):
            if rec.deficiency in self._joined:
                g = self._group[rec.deficiency]
                if g not in joined:
                    joined[g] = []
                    out.append(joined[g])
                joined[g].append(i)
            else:
                out.append([i])
        return out

    def run(self, institution: Institution, recognitions: list[Recognition]) -> list[Firing]:
        """Every firing on these recognitions, sorted by rule id and recognitions, as `DurableRules.run` gives
        them; EngineError when durable-rules and the evaluator disagree on the facts they were asked about."""
        found: list[tuple[str, tuple[int, ...]]] = []
        asked: list[int] = []  # recognitions sent to the engines, group after group
        new: list[tuple[tuple[Hashable, ...], list[int]]] = []
        for members in self.groups(recognitions):
            key = tuple(self.key(institution, recognitions[i]) for i in members) if len(members) <= GROUP_MAX else None
            known = self._known.get(key) if key is not None else None
            if known is not None:
                found += [(rule, tuple(members[k] for k in fids)) for rule, fids in known]
                continue
            if key is not None:
                new.append((key, members))
            asked += members
        if asked:
            sub = [recognitions[i] for i in asked]
            got = self.rules.run(institution, sub)
            by_first = self.catalog.rules_by_first  # only these can fire
            candidates = [r for d in sorted({rec.deficiency for rec in sub}) for r in by_first.get(d, [])]
            check_firings(got, evaluate(candidates, institution, sub))
            fired = [(f.rule, tuple(asked[j] for j in f.recognitions)) for f in got]
            found += fired
            if len(self._known) + len(new) > CACHE_MAX:
                self._known.clear()
            for key, members in new:
                at = {i: k for k, i in enumerate(members)}
                self._known[key] = tuple((rule, tuple(at[i] for i in fids)) for rule, fids in fired if fids[0] in at)
        return [remembered(self._firings, key, partial(_firing, *key), CACHE_MAX) for key in sorted(found)]


def _firing(rule: str, recognitions: tuple[int, ...]) -> Firing:
    return make(Firing, {"rule": rule, "recognitions": list(recognitions)})
