"""What every human-readable rendering shares: titles and finding labels (the fixed phrases of a plan are in
core.constants)."""

from __future__ import annotations

from nokrules.core.model import FindingRef, Plan

TITLE = "ПЛАН по устранению недостатков, выявленных в ходе независимой оценки качества условий оказания услуг"
OTHER = "Прочие недостатки (не распознаны)"


def finding_label(f: FindingRef) -> str:
    """A finding with the line it came from; one the scores show (line 0) has no line."""
    return f"{f.text} (стр. {f.line})" if f.line else f.text


def header_lines(plan: Plan) -> list[str]:
    inst = plan.institution
    name = inst.name or "(наименование организации)"
    kind = f" — {inst.kind_title}" if inst.kind_title else ""
    return [
        f"{TITLE} на {plan.year} год",
        f"Организация: {name}{kind}",
        f"Дата плана: {plan.date:%d.%m.%Y}; каталог {plan.catalog_version} от {plan.catalog_effective_from:%d.%m.%Y}",
    ]


def suggestions_text(titles: list[str]) -> str:
    """The closest catalog deficiencies of an unrecognised finding, by their titles (a document names no ids)."""
    return "; ".join(titles) or "нет"
