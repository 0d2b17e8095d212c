"""NOK301, NOK302, NOK303, NOK311: parts of the catalog nothing reaches. NOK302 is decided by the shared
catalog suite (nokrules.curate.catalog_checks)."""

from __future__ import annotations

from collections.abc import Iterator

from nokrules.core.catalog import SCORES
from nokrules.core.scores import uncovered_items
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


class ChecklistItemUncovered(Check):
    """Пункт чек-листа из catalog/scores.yaml не назван ни у одного недостатка (``checklist:``), или у
    опросного показателя нет недостатка (``deficiency:``): когда в таблице баллов пункт равен 0 или доля
    ниже порога, план не знает, какой это недостаток и какое мероприятие дать.

    **Anti-pattern**: в показатель 3.2 добавлен пункт ``{n: 7, key: табло}``, а недостатка с
    ``checklist: ["3.2.7"]`` нет.

    **Best practice**: у каждого пункта — недостаток с ``checklist: ["3.2.7"]`` (новый или существующий);
    если отсутствие пункта недостатком не считается (1.2 «иной способ»), у пункта ``deficiency: false``.
    """

    code, name, severity = "NOK311", "checklist-item-uncovered", "error"

    def run(self, ctx: Context) -> Iterator[Message]:
        spec = ctx.catalog.scores
        if spec is None:
            return
        for ind, item in uncovered_items(ctx.catalog):
            if item is None:
                ref = ctx.sources.ref("scores", SCORES, "indicators", ind)
                yield self.msg(ref, f"у опросного показателя {ind} нет недостатка (deficiency) для доли ниже порога")
                continue
            k = spec.indicators[ind].items.index(item)
            ref = ctx.sources.ref("scores", SCORES, "indicators", ind, "items", k)
            yield self.msg(ref, f"пункт {ind}.{item.n} «{item.key}» не назван ни у одного недостатка (checklist)")
