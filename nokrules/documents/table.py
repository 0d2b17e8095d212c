"""A Plan laid out in a form's columns: the rows every document renderer (DOCX, HTML) and the web page draw.

Keeping the mapping from plan fields to columns in one place means that every view built on these rows
shows the same table for the same form, and a new form needs no renderer changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from nokrules.core.constants import NO_DEFICIENCY
from nokrules.core.model import Plan, PlanRow, Unrecognized
from nokrules.core.planner import responsible_text
from nokrules.documents.layout import Column, Layout

# cells that describe the finding group, not the measure: one cell spans the group's measure rows
GROUP_FIELDS = frozenset({"findings", "deficiencies", "indicators"})


@dataclass(frozen=True)
class SectionRow:
    title: str


@dataclass(frozen=True)
class DataRow:
    cells: tuple[str, ...]
    manual: bool = False  # the measure must be written by hand: renderers mark it visibly
    note: bool = False  # «Недостатки не выявлены»
    source: PlanRow | Unrecognized | None = None  # what the row shows: the web page adds finding lines and «Почему»
    # rows the GROUP_FIELDS cells span from here (the measures of the same findings, consecutive in a section);
    # 0: this row's group cells are covered by the spanning cell above (its text is still in `cells`)
    span: int = 1


Row = SectionRow | DataRow


def header_rows(layout: Layout) -> tuple[list[tuple[Column, int, int]], list[Column]]:
    """Top header cells with (column, colspan, rowspan) and the second-row cells under split columns."""
    split = any(c.children for c in layout.columns)
    top = [(c, max(1, len(c.leaves())), 1 if c.children or not split else 2) for c in layout.columns]
    second = [leaf for c in layout.columns if c.children for leaf in c.leaves()]
    return top, second


def _cells(layout: Layout, values: dict[str, str]) -> tuple[str, ...]:
    return tuple(values.get(leaf.field or "empty", "") for leaf in layout.leaves())


def _row_values(plan: Plan, row: PlanRow, number: int, manual_text: str, indicator_titles: dict[str, str]) -> dict[str, str]:
    m = row.measure
    values = {
        "number": str(number),
        "findings": "\n".join(f.text for f in row.findings),
        "deficiencies": "\n".join(row.deficiencies),
        "indicators": "\n".join(f"Показатель {i}: {indicator_titles.get(i, '')}".rstrip(": ") for i in row.indicators),
        "empty": "",
    }
    if m is None:
        values["measure"] = manual_text
    else:
        # the form asks for a name and a position: without a profile, a line to write them on
        who = m.responsible if m.responsible_person else responsible_text(m.responsible, None, blank=True)
        values |= {"measure": m.text, "due": m.due_text, "responsible": who, "result": m.result, "basis": m.basis or ""}
    return values


def _groups(rows: list[PlanRow]) -> list[list[PlanRow]]:
    """Runs of consecutive rows answering the same findings: each run is one finding group."""
    out: list[list[PlanRow]] = []
    for r in rows:
        if out and out[-1][0].findings == r.findings:
            out[-1].append(r)
        else:
            out.append([r])
    return out


def build_table(plan: Plan, layout: Layout, indicator_titles: dict[str, str] | None = None) -> list[Row]:
    """Section rows I–V (official or short titles), a row per plan row, then «Прочие недостатки».
    The rows of one finding group carry its span, so every view can draw the findings once per group."""
    titles = indicator_titles or {}
    first_text = next((leaf.field for leaf in layout.leaves() if leaf.field not in ("number", "empty")), "findings")
    rows: list[Row] = []
    n = 0
    for sec in plan.sections:
        rows.append(SectionRow(f"{sec.section}. {sec.title if layout.section_titles == 'official' else sec.short}"))
        if not sec.rows:
            rows.append(DataRow(_cells(layout, {first_text or "findings": layout.empty_section}), note=True))
        for group in _groups(sec.rows):
            for k, r in enumerate(group):
                n += 1
                values = _row_values(plan, r, n, layout.manual_text, titles)
                rows.append(DataRow(_cells(layout, values), manual=r.measure is None, source=r, span=len(group) if k == 0 else 0))
    if plan.unrecognized:
        rows.append(SectionRow(layout.other_section))
        for u in plan.unrecognized:
            n += 1
            values = {"number": str(n), "findings": u.text, "measure": layout.manual_text}
            rows.append(DataRow(_cells(layout, values), manual=True, source=u))
    if plan.no_deficiency:
        rows.append(SectionRow(NO_DEFICIENCY))
        for f in plan.no_deficiency:
            rows.append(DataRow(_cells(layout, {first_text or "findings": f.text}), note=True))
    return rows
