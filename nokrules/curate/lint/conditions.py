"""A rule's `when` as plain sets and intervals, so checks can ask: does rule A fire whenever B does? can
both fire on one finding? can a rule fire at all? and build a witness: findings that make it fire."""

from __future__ import annotations

import math
from dataclasses import dataclass

from nokrules.core.constants import COMPARISONS
from nokrules.core.model import Catalog, Comparison, FindingState, Institution, Place, Recognition, Rule


@dataclass(frozen=True)
class Interval:
    lo: float = -math.inf
    lo_closed: bool = False
    hi: float = math.inf
    hi_closed: bool = False

    def empty(self) -> bool:
        return self.lo > self.hi or (self.lo == self.hi and not (self.lo_closed and self.hi_closed))

    def intersect(self, o: Interval) -> Interval:
        lo, lo_c = max((self.lo, not self.lo_closed), (o.lo, not o.lo_closed))
        hi, hi_c = min((self.hi, self.hi_closed), (o.hi, o.hi_closed))
        return Interval(lo, not lo_c, hi, hi_c)

    def contains(self, o: Interval) -> bool:
        if o.empty():
            return True
        lo_ok = self.lo < o.lo or (self.lo == o.lo and (self.lo_closed or not o.lo_closed))
        hi_ok = self.hi > o.hi or (self.hi == o.hi and (self.hi_closed or not o.hi_closed))
        return lo_ok and hi_ok

    def point(self) -> float:
        """A value inside the (non-empty) interval, preferring whole numbers within 0–100."""
        lo = max(self.lo, 0.0) if self.lo < 0 else self.lo
        hi = min(self.hi, 100.0) if self.hi > 100 else self.hi
        for x in (math.floor(lo), math.ceil(lo), lo + 1, (lo + hi) / 2, hi - 1, math.floor(hi)):
            if self._has(x):
                return float(x)
        return (self.lo + self.hi) / 2

    def _has(self, x: float) -> bool:
        return (x > self.lo or (x == self.lo and self.lo_closed)) and (x < self.hi or (x == self.hi and self.hi_closed))

    def ru(self) -> str:
        if self.lo == self.hi:
            return f"{COMPARISONS['eq']} {self.lo:g}"
        parts = []
        if self.lo != -math.inf:
            parts.append(f"{COMPARISONS['ge' if self.lo_closed else 'gt']} {self.lo:g}")
        if self.hi != math.inf:
            parts.append(f"{COMPARISONS['le' if self.hi_closed else 'lt']} {self.hi:g}")
        return " и ".join(parts) or "любое"


def interval(c: Comparison) -> Interval:
    iv = Interval()
    if c.lt is not None:
        iv = iv.intersect(Interval(hi=c.lt))
    if c.le is not None:
        iv = iv.intersect(Interval(hi=c.le, hi_closed=True))
    if c.gt is not None:
        iv = iv.intersect(Interval(lo=c.gt))
    if c.ge is not None:
        iv = iv.intersect(Interval(lo=c.ge, lo_closed=True))
    if c.eq is not None:
        iv = iv.intersect(Interval(c.eq, True, c.eq, True))
    return iv


@dataclass(frozen=True)
class Cond:
    first: str
    deficiencies: frozenset[str]
    kinds: frozenset[str]
    forms: frozenset[str]
    place: Place | None
    states: frozenset[str]
    values: tuple[tuple[str, Interval], ...]

    @classmethod
    def of(cls, r: Rule) -> Cond:
        w = r.when
        return cls(
            first=w.deficiencies[0],
            deficiencies=frozenset(w.deficiencies),
            kinds=frozenset(w.kind),
            forms=frozenset(w.form),
            place=w.place,
            states=frozenset(w.state),
            values=tuple(sorted((k, interval(v)) for k, v in w.value.items())),
        )

    @property
    def value_map(self) -> dict[str, Interval]:
        return dict(self.values)


def covers(a: Cond, b: Cond) -> bool:
    """Does a rule with condition `a` fire on every finding where one with `b` fires?"""
    av, bv = a.value_map, b.value_map
    return (
        a.first == b.first
        and a.deficiencies <= b.deficiencies
        and (not a.kinds or bool(b.kinds) and b.kinds <= a.kinds)
        and (not a.forms or bool(b.forms) and b.forms <= a.forms)
        and (a.place is None or a.place == b.place)
        and (not a.states or bool(b.states) and b.states <= a.states)
        and all(name in bv and av[name].contains(bv[name]) for name in av)
    )


def compatible(a: Cond, b: Cond) -> bool:
    """Can both fire on the same finding (for some institution)?"""
    av, bv = a.value_map, b.value_map
    return (
        a.first == b.first
        and (not a.kinds or not b.kinds or bool(a.kinds & b.kinds))
        and (a.place is None or b.place is None or a.place == b.place)
        and (not a.states or not b.states or bool(a.states & b.states))
        and all(not av[n].intersect(bv[n]).empty() for n in av.keys() & bv.keys())
    )


def witness_institution(conds: list[Cond]) -> Institution | None:
    """An institution for which every one of `conds` can hold, or None."""
    kinds: frozenset[str] | None = None
    for c in conds:
        if c.kinds:
            kinds = c.kinds if kinds is None else kinds & c.kinds
    if kinds is not None and not kinds:
        return None
    forms = sorted(frozenset().union(*(c.forms for c in conds)))
    return Institution(name="пример", kind=min(kinds) if kinds else None, forms=forms)


def witness_recognitions(rule: Rule, catalog: Catalog, first_finding: int) -> list[Recognition]:
    """One recognition per deficiency of `rule`, each its own finding, meeting the rule's conditions."""
    out = []
    for k, did in enumerate(rule.when.deficiencies):
        d = catalog.deficiency(did)
        places: list[Place] = list(d.places)
        values: dict[str, float] = {}
        state: FindingState | None = None
        if k == 0:
            if rule.when.place:
                places = [rule.when.place]
            values = {name: interval(c).point() for name, c in rule.when.value.items()}
            state = min(rule.when.state, default=None)
        out.append(
            Recognition(
                finding=first_finding + k, deficiency=did, pattern=0, matches=[], places=places, values=values, state=state
            )
        )
    return out
