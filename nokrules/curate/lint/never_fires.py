"""NOK201: a rule that can never fire."""

from __future__ import annotations

from collections.abc import Iterator

from nokrules.curate.lint.base import Check, Context, Message
from nokrules.curate.lint.conditions import interval


class RuleNeverFires(Check):
    """Правило не может сработать: противоречивые условия или неизвестный вид организации.

    **Anti-pattern**: ``value: {staffing_percent: {lt: 50, gt: 70}}``; ``place: stand`` у недостатка, который
    бывает только на сайте (``places: [site]``); ``kind: [космодром]``.

    **Best practice**: одно правило — один непротиворечивый случай; для «меньше 50 или больше 70» —
    два правила.
    """

    code, name, severity = "NOK201", "rule-never-fires", "error"

    def run(self, ctx: Context) -> Iterator[Message]:
        cat = ctx.catalog
        for r in cat.rules:
            w = r.when
            for name, cmp in sorted(w.value.items()):
                if interval(cmp).empty():
                    yield self.msg(
                        ctx.sources.ref("rule", r.id, "when", "value", name),
                        f"условия на «{name}» противоречат друг другу: правило «{r.id}» не сработает",
                    )
            if w.place:
                d = cat.deficiency(w.deficiencies[0])
                if w.place not in d.places:
                    yield self.msg(
                        ctx.sources.ref("rule", r.id, "when", "place"),
                        f"у недостатка «{d.id}» нет места «{w.place}» (places: {d.places or 'не указаны'}): "
                        f"правило «{r.id}» не сработает",
                    )
