"""The rule semantics written down once, simply, in plain Python: the oracle the durable-rules engine is
checked against (tests/test_engine_oracle.py), because that engine is a dormant C library whose behaviour
is measured, not assumed; and, condition by condition, why a rule did not fire (`unmet`, for explain).

A rule with one deficiency fires once per recognition of it that meets every condition; a rule with
`all: [a, b, …]` fires once per combination of recognitions of a, b, … (each on a different
recognition), with place, state and value conditions tested on the first one.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Literal

from nokrules.core.model import Firing, Institution, Recognition, Rule, When

Condition = Literal["kind", "form", "place", "state", "value", "deficiency"]


@dataclass(frozen=True)
class Unmet:
    """One condition of a rule that does not hold: `kind`, `form`, `place`, `state`, `value` (`name` says which; the
    recognition may lack it) or `deficiency` (`name`: one the rule also needs and the plan lacks)."""

    condition: Condition
    name: str | None = None


def _institution_unmet(w: When, inst: Institution) -> list[Unmet]:
    out = []
    if w.kind and (inst.kind or "") not in w.kind:
        out.append(Unmet("kind"))
    if w.form and not set(w.form) & set(inst.forms):
        out.append(Unmet("form"))
    return out


def _first_unmet(w: When, rec: Recognition) -> list[Unmet]:
    """The conditions tested on the recognition of the rule's first deficiency."""
    out = []
    if w.place and w.place not in rec.places:
        out.append(Unmet("place"))
    if w.state and rec.state not in w.state:
        out.append(Unmet("state"))
    for name, cmp in sorted(w.value.items()):
        if name not in rec.values or not cmp.holds(rec.values[name]):
            out.append(Unmet("value", name))
    return out


def unmet(rule: Rule, first: int, recognitions: list[Recognition], inst: Institution) -> list[Unmet]:
    """The conditions that keep `rule` from firing with `recognitions[first]` as its first deficiency, in the
    order kind, form, place, state, values by name, other deficiencies; empty exactly when `evaluate` has it fire so."""
    w = rule.when
    if recognitions[first].deficiency != w.deficiencies[0]:
        return [Unmet("deficiency", w.deficiencies[0])]
    out = _institution_unmet(w, inst) + _first_unmet(w, recognitions[first])
    present = {r.deficiency for r in recognitions}  # the deficiencies of `all` differ, so each has a recognition of its own
    out += [Unmet("deficiency", d) for d in w.deficiencies[1:] if d not in present]
    return out


def evaluate(rules: list[Rule], institution: Institution, recognitions: list[Recognition]) -> list[Firing]:
    """Every firing of `rules`, sorted by rule id and recognitions (durable-rules' answer must equal it)."""
    of: dict[str, list[int]] = {}  # each rule looks only at the recognitions of its deficiencies
    for i, r in enumerate(recognitions):
        of.setdefault(r.deficiency, []).append(i)
    out: set[tuple[str, tuple[int, ...]]] = set()
    for rule in rules:
        w = rule.when
        ds = w.deficiencies
        if ds[0] not in of or (len(ds) > 1 and not all(d in of for d in ds)):
            continue  # a deficiency the plan lacks: no combination (most rules, for any one plan)
        if _institution_unmet(w, institution):
            continue  # the facts of a plan share its institution: a kind or form that fails, fails for all
        # place, state and values are tested on the first deficiency's recognition only
        first = [i for i in of[ds[0]] if not _first_unmet(w, recognitions[i])]
        if len(ds) == 1:
            out.update((rule.id, (i,)) for i in first)
            continue
        for combo in itertools.product(first, *(of[d] for d in ds[1:])):
            if len(set(combo)) == len(combo):
                out.add((rule.id, combo))
    return [Firing(rule=r, recognitions=list(c)) for r, c in sorted(out)]
