"""NOK307: numeric conditions that leave a range of values without any rule."""

from __future__ import annotations

import math
from collections.abc import Iterator

from nokrules.curate.lint.base import Check, Context, Message
from nokrules.curate.lint.conditions import Cond, Interval

DOMAIN = Interval(0.0, True, 100.0, True)  # percentages


class NumericGap(Check):
    """Условия на значение оставляют промежуток без правила.

    **Anti-pattern**: ``staffing_percent: {lt: 50}`` и ``staffing_percent: {ge: 70}`` — что при 50–69?

    **Best practice**: диапазоны стык в стык (``lt: 50``, ``ge: 50, lt: 70``, ``ge: 70``) или общее правило без
    условия на значение.
    """

    code, name, severity = "NOK307", "numeric-gap", "warning"

    def run(self, ctx: Context) -> Iterator[Message]:
        by_def: dict[tuple[str, str], list[str]] = {}
        covered_always: set[str] = set()
        for r in ctx.catalog.rules:
            c = Cond.of(r)
            if len(c.deficiencies) != 1 or c.kinds or c.forms or c.place:
                continue
            if not c.values:
                covered_always.add(c.first)
            for name, _ in c.values:
                by_def.setdefault((c.first, name), []).append(r.id)
        for (did, name), ids in sorted(by_def.items()):
            if did in covered_always:
                continue
            pieces = sorted((Cond.of(ctx.catalog.rule(i)).value_map[name] for i in ids), key=lambda iv: (iv.lo, not iv.lo_closed))
            for gap in _gaps(pieces):
                yield self.msg(
                    ctx.sources.ref("rule", ids[-1], "when", "value", name),
                    f"значения «{name}» {gap.ru()} у недостатка «{did}» не покрывает ни одно правило ({', '.join(ids)})",
                )


def _gaps(pieces: list[Interval]) -> list[Interval]:
    """Parts of 0–100 that no interval covers."""
    out = []
    cur_hi, cur_closed = DOMAIN.lo, False  # covered up to here
    for iv in pieces:
        starts_after = iv.lo > cur_hi or (iv.lo == cur_hi and not iv.lo_closed and not cur_closed)
        if starts_after:
            out.append(Interval(cur_hi, not cur_closed, iv.lo, not iv.lo_closed))
        if iv.hi > cur_hi or (iv.hi == cur_hi and iv.hi_closed):
            cur_hi, cur_closed = iv.hi, iv.hi_closed
    if cur_hi < DOMAIN.hi or (cur_hi == DOMAIN.hi and not cur_closed):
        out.append(Interval(cur_hi, not cur_closed, DOMAIN.hi, True))
    return [g for g in out if not g.intersect(DOMAIN).empty() and not math.isinf(g.lo)]
