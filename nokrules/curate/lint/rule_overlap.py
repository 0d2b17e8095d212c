"""NOK304, NOK305, NOK306: rules that add nothing, repeat each other, or overlap where a group forbids it."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from nokrules.curate.lint.base import Check, Context, Message
from nokrules.curate.lint.conditions import Cond, compatible, covers


class RuleMasked(Check):
    """Правило ничего не добавляет: другое правило срабатывает всегда, когда срабатывает оно, и уже даёт
    (или заменяет более приоритетным) все его мероприятия.

    **Anti-pattern**: ``ramp`` (без условий, даёт ``install_ramp``) и ``ramp-kcson`` (``kind: [kcson]``, даёт тоже
    ``install_ramp``).

    **Best practice**: уточняющее правило даёт другое мероприятие или заменяет общее (``replaces``) и имеет
    больший ``priority``.
    """

    code, name, severity = "NOK304", "rule-masked", "warning"

    def run(self, ctx: Context) -> Iterator[Message]:
        rules = ctx.catalog.rules
        conds = {r.id: Cond.of(r) for r in rules}
        for b in rules:
            for a in rules:
                if a.id == b.id or not covers(conds[a.id], conds[b.id]) or (covers(conds[b.id], conds[a.id]) and a.id > b.id):
                    continue
                if set(b.then) <= set(a.then):
                    yield self.msg(
                        ctx.sources.ref("rule", b.id, "then"),
                        f"правило «{b.id}» поглощено правилом «{a.id}»: то срабатывает всегда, когда и это, и даёт те же мероприятия",
                    )
                    break
                if a.priority > b.priority and set(b.then) <= set(a.replaces):
                    yield self.msg(
                        ctx.sources.ref("rule", b.id, "then"),
                        f"правило «{b.id}» замаскировано правилом «{a.id}» (priority {a.priority}): его мероприятия всегда заменяются",
                    )
                    break


class DuplicateConditions(Check):
    """Два правила с одинаковыми условиями.

    **Anti-pattern**: ``faq-publish`` и ``faq-site`` — оба ``when: {deficiency: faq_missing}``.

    **Best practice**: одно правило со всеми мероприятиями в ``then``.
    """

    code, name, severity = "NOK305", "duplicate-conditions", "warning"

    def run(self, ctx: Context) -> Iterator[Message]:
        seen: dict[Cond, str] = {}
        for r in ctx.catalog.rules:
            c = Cond.of(r)
            if c in seen:
                yield self.msg(
                    ctx.sources.ref("rule", r.id, "when"), f"у правил «{seen[c]}» и «{r.id}» одинаковые условия: объедините их"
                )
            else:
                seen[c] = r.id


class GroupOverlap(Check):
    """Правила одной группы могут сработать на одной находке, хотя политика группы это запрещает
    (``unique``; для ``any`` — если они дают разные мероприятия).

    **Anti-pattern**: группа ``staffing`` с политикой ``unique`` и правила ``lt: 50`` и ``lt: 80``.

    **Best practice**: непересекающиеся диапазоны (``lt: 50`` и ``ge: 50, lt: 80``) или политика ``priority``.
    """

    code, name, severity = "NOK306", "group-overlap", "warning"

    def run(self, ctx: Context) -> Iterator[Message]:
        policies = ctx.catalog.settings.groups
        by_group: dict[str, list[str]] = {}
        for r in ctx.catalog.rules:
            if r.group and policies.get(r.group) in ("unique", "any"):
                by_group.setdefault(r.group, []).append(r.id)
        for group, ids in sorted(by_group.items()):
            for x, y in combinations(ids, 2):
                a, b = ctx.catalog.rule(x), ctx.catalog.rule(y)
                if not compatible(Cond.of(a), Cond.of(b)):
                    continue
                if policies[group] == "any" and set(a.then) == set(b.then):
                    continue
                yield self.msg(
                    ctx.sources.ref("rule", y, "when"),
                    f"правила «{x}» и «{y}» группы «{group}» ({policies[group]}) могут сработать на одной находке",
                )
