"""NOK309: a ruleset close to durable-rules' ceiling of first-level tests."""

from __future__ import annotations

from collections.abc import Iterator

from nokrules.core.rules import CEILING, count_tests
from nokrules.curate.lint.base import Check, Context, Message


class RulesetNearCeiling(Check):
    """Набор правил durable-rules близок к пределу проверок первого уровня (около 512), за которым
    библиотека падает или зависает при регистрации.

    **Anti-pattern**: одно правило с ``kind:`` из сотни видов организаций.

    **Best practice**: nokrules сам делит правила на наборы; держите условия короткими — несколько
    видов организаций или форм на правило.
    """

    code, name, severity = "NOK309", "ruleset-near-ceiling", "warning"

    def run(self, ctx: Context) -> Iterator[Message]:
        for name, tests in count_tests(ctx.catalog):
            if tests >= CEILING * 0.8:
                yield self.msg(None, f"в наборе правил «{name}» {tests} проверок первого уровня из предельных ~{CEILING}")
