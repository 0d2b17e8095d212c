"""The rule semantics written down once, simply, in plain Python: the oracle the durable-rules engine is
checked against (tests/test_engine_oracle.py), because that engine is a dormant C library whose behaviour
is measured, not assumed.

A rule with one deficiency fires once per recognition of it that meets every condition; a rule with
`all: [a, b, …]` fires once per combination of recognitions of a, b, … (each on a different
recognition), with place, state and value conditions tested on the first one.
"""

from __future__ import annotations

import itertools

from nokrules.core.model import Firing, Institution, Recognition, Rule


def _fact_holds(rule: Rule, rec: Recognition, inst: Institution, first: bool) -> bool:
    w = rule.when
    if w.kind and (inst.kind or "") not in w.kind:
        return False
    if w.form and not set(w.form) & set(inst.forms):
        return False
    if first and w.place and w.place not in rec.places:
        return False
    if first and w.state and rec.state not in w.state:
        return False
    if first:
        for name, cmp in w.value.items():
            if name not in rec.values or not cmp.holds(rec.values[name]):
                return False
    return True


def evaluate(rules: list[Rule], institution: Institution, recognitions: list[Recognition]) -> list[Firing]:
    out = set()
    for rule in rules:
        ds = rule.when.deficiencies
        candidates = [
            [i for i, r in enumerate(recognitions) if r.deficiency == d and _fact_holds(rule, r, institution, k == 0)]
            for k, d in enumerate(ds)
        ]
        for combo in itertools.product(*candidates):
            if len(set(combo)) == len(combo):
                out.add((rule.id, combo))
    return [Firing(rule=r, recognitions=list(c)) for r, c in sorted(out)]
