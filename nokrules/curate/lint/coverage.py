"""NOK301, NOK302, NOK303: parts of the catalog nothing reaches. NOK302 is decided by the shared catalog
suite (nokrules.curate.catalog_checks)."""

from __future__ import annotations

from collections.abc import Iterator

from nokrules.curate.catalog_checks import UNUSED_MEASURE
from nokrules.curate.lint.base import Check, Context, Message, SuiteCheck


class DeficiencyWithoutRule(Check):
    """Ни одно правило не отвечает на недостаток: в плане он получит «мероприятие требует ручной формулировки».

    **Anti-pattern**: новый недостаток ``psychologist_missing`` в каталоге без правила в ``rules/``.

    **Best practice**: у каждого недостатка — правило без дополнительных условий, дающее хотя бы одно
    мероприятие, плюс при необходимости уточняющие правила.
    """

    code, name, severity = "NOK301", "deficiency-without-rule", "warning"

    def run(self, ctx: Context) -> Iterator[Message]:
        answered = {d for r in ctx.catalog.rules for d in r.when.deficiencies}
        for d in ctx.catalog.deficiencies:
            if d.id not in answered:
                yield self.msg(ctx.sources.ref("deficiency", d.id, "id"), f"на недостаток «{d.id}» не отвечает ни одно правило")


class UnusedMeasure(SuiteCheck):
    """Мероприятие не использует ни одно правило.

    **Anti-pattern**: мероприятие оставлено после того, как правило переписали на другое.

    **Best practice**: удалить мероприятие (с повышением major-версии, если id мог использоваться) или
    сослаться на него в правиле.
    """

    code, name, severity = UNUSED_MEASURE


class IndicatorWithoutDeficiency(Check):
    """Для показателя 1.1–5.3 в каталоге нет ни одного недостатка.

    **Anti-pattern**: каталог без недостатков показателя 2.2 («время ожидания»).

    **Best practice**: хотя бы один недостаток на каждый показатель, чтобы находки по нему распознавались.
    """

    code, name, severity = "NOK303", "indicator-without-deficiency", "warning"

    def run(self, ctx: Context) -> Iterator[Message]:
        have = {d.indicator for d in ctx.catalog.deficiencies}
        for c in ctx.catalog.criteria:
            for i in c.indicators:
                if i.id not in have:
                    yield self.msg(None, f"для показателя {i.id} («{i.title}») нет ни одного недостатка")
