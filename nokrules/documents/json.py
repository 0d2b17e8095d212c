"""Plan → the `nokrules.plan/2` JSON contract (UTF-8, two-space indent, stable field order)."""

from __future__ import annotations

from nokrules.core.model import Plan


def render(plan: Plan) -> str:
    return plan.to_json()
