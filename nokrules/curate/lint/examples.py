"""NOK203, NOK204, NOK308: the phrasings kept beside each deficiency, recognised as the curator says."""

from __future__ import annotations

from collections.abc import Iterator

from nokrules.core.findings import split_findings
from nokrules.curate.lint.base import Check, Context, Message


def _recognised(ctx: Context, text: str) -> set[str]:
    return {r.deficiency for r in ctx.engine.recognize(split_findings(text))}


class ExampleNotRecognised(Check):
    """Пример формулировки не распознаётся как свой недостаток.

    **Anti-pattern**: шаблон ``all: [пандус]`` и пример «вход не оборудован подъёмной платформой».

    **Best practice**: каждому способу сказать о недостатке — свой шаблон (``any: [пандус, подъёмный платформа]``),
    а пример — дословно из протокола.
    """

    code, name, severity = "NOK203", "example-not-recognised", "error"

    def run(self, ctx: Context) -> Iterator[Message]:
        for d in ctx.catalog.deficiencies:
            for k, ex in enumerate(d.examples):
                if d.id not in _recognised(ctx, ex):
                    yield self.msg(
                        ctx.sources.ref("deficiency", d.id, "examples", k),
                        f"пример «{ex}» не распознаётся как «{d.id}»: дополните patterns",
                    )


class CounterexampleRecognised(Check):
    """Контрпример распознаётся как недостаток, для которого он записан как «не считается».

    **Anti-pattern**: шаблон ``any: [жалоба]`` и контрпример «порядок подачи жалоб размещён на сайте».

    **Best practice**: сузить шаблон (``none: [размещён]``) или положиться на слова-сигналы (``cue: true``).
    """

    code, name, severity = "NOK204", "counterexample-recognised", "error"

    def run(self, ctx: Context) -> Iterator[Message]:
        for d in ctx.catalog.deficiencies:
            for k, ex in enumerate(d.counterexamples):
                if d.id in _recognised(ctx, ex):
                    yield self.msg(
                        ctx.sources.ref("deficiency", d.id, "counterexamples", k),
                        f"контрпример «{ex}» распознаётся как «{d.id}»: сузьте patterns (none: …)",
                    )


class AmbiguousExample(Check):
    """Пример распознаётся и как другой недостаток.

    **Anti-pattern**: пример «нет поручней у пандуса» у недостатка ``handrails_missing`` даёт ещё и ``ramp_missing``.

    **Best practice**: если в примере действительно два недостатка — выбрать пример без второго; если нет —
    сузить шаблон другого недостатка (``none``) или объявить ``unless``.
    """

    code, name, severity = "NOK308", "ambiguous-example", "warning"

    def run(self, ctx: Context) -> Iterator[Message]:
        for d in ctx.catalog.deficiencies:
            for k, ex in enumerate(d.examples):
                got = _recognised(ctx, ex)
                others = sorted(got - {d.id})
                if d.id in got and others:
                    yield self.msg(
                        ctx.sources.ref("deficiency", d.id, "examples", k),
                        f"пример «{ex}» распознаётся как «{d.id}» и ещё как {', '.join(f'«{o}»' for o in others)}",
                    )
