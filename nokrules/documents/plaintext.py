"""Plan → plain text for a terminal: sections I–V, numbered measures, each with its findings and fields."""

from __future__ import annotations

from nokrules.core.constants import MANUAL_MEASURE, NO_DEFICIENCY, NO_FINDINGS
from nokrules.core.model import Plan
from nokrules.documents import scores
from nokrules.documents.common import OTHER, finding_label, header_lines, suggestions_text


def render(plan: Plan) -> str:
    out = [*header_lines(plan), ""]
    n = 0
    for sec in plan.sections:
        out.append(f"{sec.section}. {sec.short}")
        if not sec.rows:
            out.append(f"   {NO_FINDINGS}")
        for row in sec.rows:
            n += 1
            out.append(f"{n:>3}. Недостаток: " + "\n        ".join(finding_label(f) for f in row.findings))
            if row.measure is None:
                out.append(f"     Мероприятие: [!] {MANUAL_MEASURE}")
                continue
            m = row.measure
            out += [
                f"     Мероприятие: {m.text}",
                f"     Срок: {m.due_text}",
                f"     Ответственный: {m.responsible}",
                f"     Результат: {m.result}",
                f"     Правило: {m.rule}",
            ]
        out.append("")
    if plan.unrecognized:
        out.append(OTHER)
        for u in plan.unrecognized:
            n += 1
            out += [
                f"{n:>3}. Недостаток: {u.text} (стр. {u.line})",
                f"     Мероприятие: [!] {MANUAL_MEASURE}",
                f"     Похожие: {suggestions_text([s.title for s in u.suggestions])}",
            ]
        out.append("")
    if plan.no_deficiency:
        out += [NO_DEFICIENCY, *(f"     {f.text} (стр. {f.line})" for f in plan.no_deficiency), ""]
    if plan.scores is not None:
        out += scores.text(plan.scores)
    return "\n".join(out)
