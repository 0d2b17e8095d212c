"""Plan → Markdown: the official table (columns 1–5 of the ПП РФ № 457 form) with section rows I–V."""

from __future__ import annotations

from nokrules.core.constants import MANUAL_MEASURE, NO_DEFICIENCY, NO_FINDINGS
from nokrules.core.model import Plan
from nokrules.documents import scores
from nokrules.documents.common import OTHER, finding_label, header_lines, suggestions_text

COLUMNS = [
    "№",
    "Недостатки, выявленные в ходе НОК",
    "Мероприятие по устранению недостатков",
    "Плановый срок реализации",
    "Ответственный исполнитель",
    "Результат (ожидаемый)",
]


def _cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def render(plan: Plan) -> str:
    head = header_lines(plan)
    out = [f"# {head[0]}", "", *(f"**{h.split(': ', 1)[0]}:** {h.split(': ', 1)[1]}  " for h in head[1:]), ""]
    out += ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    n = 0
    for sec in plan.sections:
        out.append(f"| **{sec.section}** | **{_cell(sec.short)}** | | | | |")
        if not sec.rows:
            out.append(f"| | {NO_FINDINGS} | | | | |")
        for row in sec.rows:
            n += 1
            found = "<br>".join(_cell(finding_label(f)) for f in row.findings)
            if row.measure is None:
                out.append(f"| {n} | {found} | **{MANUAL_MEASURE}** | | | |")
                continue
            m = row.measure
            result = _cell(m.result)  # the rule that chose it is for explain and JSON: no ids in a document
            out.append(f"| {n} | {found} | {_cell(m.text)} | {m.due_text} | {_cell(m.responsible)} | {result} |")
    if plan.unrecognized:
        out += [
            "",
            f"## {OTHER}",
            "",
            "| № | Недостаток (как в тексте) | Мероприятие | Похожие недостатки каталога |",
            "|---|---|---|---|",
        ]
        for u in plan.unrecognized:
            n += 1
            sugg = suggestions_text([s.title for s in u.suggestions])
            out.append(f"| {n} | {_cell(u.text)} (стр. {u.line}) | **{MANUAL_MEASURE}** | {_cell(sugg)} |")
    if plan.no_deficiency:
        out += ["", f"## {NO_DEFICIENCY}", "", *(f"- {_cell(f.text)} (стр. {f.line})" for f in plan.no_deficiency)]
    if plan.scores is not None:
        out += scores.markdown(plan.scores)
    return "\n".join(out) + "\n"
