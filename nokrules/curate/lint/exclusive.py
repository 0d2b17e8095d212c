"""NOK202: two mutually exclusive measures that some findings can put into one plan."""

from __future__ import annotations

from collections.abc import Iterator

from nokrules.core.conditions import evaluate
from nokrules.core.planner import measures_per_recognition
from nokrules.curate.lint.base import Check, Context, Message
from nokrules.curate.lint.conditions import Cond, witness_institution, witness_recognitions


class ExclusiveTogether(Check):
    """Взаимоисключающие мероприятия (``excludes``) могут оказаться в одном плане.

    **Anti-pattern**: ``install_ramp`` и ``install_call_button`` объявлены взаимоисключающими, но правило
    для КЦСОН даёт кнопку, а общее правило — пандус, и ничто не убирает пандус у КЦСОН.

    **Best practice**: правило, дающее альтернативу, объявляет ``replaces: [install_ramp]`` (и срабатывает
    на той же находке), тогда план никогда не содержит обоих.
    """

    code, name, severity = "NOK202", "exclusive-measures-together", "error"

    def run(self, ctx: Context) -> Iterator[Message]:
        cat = ctx.catalog
        producers: dict[str, list[str]] = {}
        for r in cat.rules:
            for m in r.then:
                producers.setdefault(m, []).append(r.id)
        seen: set[tuple[str, str]] = set()
        for x in sorted(cat.exclusions):
            for y in sorted(cat.exclusions[x]):
                pair = (min(x, y), max(x, y))
                if pair in seen:
                    continue
                seen.add(pair)
                found = self._witness(ctx, pair, producers)
                if found:
                    r1, r2 = found
                    declarer = pair[0] if pair[1] in cat.measure(pair[0]).excludes else pair[1]
                    yield self.msg(
                        ctx.sources.ref("measure", declarer, "excludes"),
                        f"мероприятия «{pair[0]}» и «{pair[1]}» взаимоисключающие, но правила «{r1}» и «{r2}» "
                        f"ставят их в один план; добавьте replaces в одно из правил или уберите excludes",
                    )

    @staticmethod
    def _witness(ctx: Context, pair: tuple[str, str], producers: dict[str, list[str]]) -> tuple[str, str] | None:
        """Two rules and findings that make them fire for one institution, leaving both measures in."""
        cat = ctx.catalog
        for id1 in producers.get(pair[0], []):
            for id2 in producers.get(pair[1], []):
                r1, r2 = cat.rule(id1), cat.rule(id2)
                inst = witness_institution([Cond.of(r1), Cond.of(r2)])
                if inst is None:
                    continue
                recs = witness_recognitions(r1, cat, 0)
                recs += witness_recognitions(r2, cat, len(recs))
                picks = measures_per_recognition(cat, recs, evaluate(cat.rules, inst, recs))
                got = {p.measure for ps in picks for p in ps}
                if pair[0] in got and pair[1] in got:
                    return id1, id2
        return None
