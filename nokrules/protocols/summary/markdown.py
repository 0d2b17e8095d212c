"""RegionalSummary → Markdown (`summary.md`): the same sections and numbers as the HTML, the chart as a table."""

from __future__ import annotations

from nokrules.protocols.summary import common as c
from nokrules.protocols.summary import scores
from nokrules.protocols.summary.compute import RegionalSummary


def _cell(s: str) -> str:
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _link(text: str, file: str) -> str:
    label = _cell(text).replace("[", "\\[").replace("]", "\\]")
    return f"[{label}](<{file}>)" if file else label


def _table(columns: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns), *("| " + " | ".join(r) + " |" for r in rows)]


def render_markdown(s: RegionalSummary) -> str:
    t = s.totals
    lines = c.totals_lines(s)
    out = [f"# {c.TITLE}", "", f"_{c.SUBTITLE}. {c.catalog_line(s)}_", "", f"## {c.H_TOTALS}", ""]
    out += [f"- {lines[0]}", f"- {lines[1]}", f"  - {lines[2]}", f"  - {lines[3]}", f"- {lines[4]}", f"- {lines[5]}"]
    out += ["", f"**{c.check_line(s)}**", "", f"## {c.H_INSTITUTIONS}", ""]
    out += _table(
        c.INSTITUTION_COLUMNS,
        [
            [
                "" if r.number is None else str(r.number),
                _link(r.name, r.file),
                _cell(r.kind),
                c.number(r.score),
                "" if r.rank is None else str(r.rank),
                str(r.findings),
                str(r.measures),
                str(r.unrecognised),
            ]
            for r in s.institutions[: c.SHOWN]
        ]
        + [["", "**Итого**", "", "", "", f"**{t.findings}**", f"**{t.measures}**", f"**{t.unrecognised}**"]],
    )
    note = c.shown_note(len(s.institutions))
    if note:
        out += ["", note]
    out += ["", f"## {c.H_INDICATORS}", ""]
    out += _table(
        c.INDICATOR_COLUMNS,
        [[i.id, _cell(i.title), str(i.deficiencies), str(i.institutions)] for i in s.indicators]
        + [["", "**Итого**", f"**{t.deficiencies}**", ""]],
    )
    out += ["", f"## {c.H_SECTIONS}", ""]
    out += _table(
        c.SECTION_COLUMNS,
        [[x.section, _cell(x.title), str(x.deficiencies), str(x.institutions)] for x in s.sections]
        + [["", "**Итого**", f"**{t.deficiencies}**", ""]],
    )
    out += ["", f"## {c.H_KINDS}", ""]
    out += _table(
        c.KIND_COLUMNS,
        [
            [
                _cell(k.title) + ("" if k.known else f" {c.UNKNOWN_KIND}"),
                str(k.institutions),
                str(k.findings),
                str(k.deficiencies),
                str(k.measures),
            ]
            for k in s.kinds
        ],
    )
    out += ["", f"## {c.H_FREQUENT}", "", c.FREQUENT_NOTE, ""]
    out += _table(
        c.FREQUENT_COLUMNS,
        [
            [str(n), _cell(f.title), f.indicator, str(f.institutions), c.share(f.share)]
            for n, f in enumerate(s.frequent, 1)
        ],
    )
    out += ["", f"## {c.H_UNRECOGNISED}", "", c.UNRECOGNISED_NOTE, ""]
    if s.unrecognised:
        out += _table(
            c.UNRECOGNISED_COLUMNS,
            [[_link(u.institution, u.file), str(u.line), _cell(u.text), _cell(u.suggestion or "—")] for u in s.unrecognised],
        )
    else:
        out.append(c.NO_UNRECOGNISED)
    out += ["", f"## {c.H_COMPARISON}", "", c.COMPARISON_NOTE]
    if not s.comparisons:
        out += ["", c.NO_HUMAN_PLANS]
    else:
        out.append("")
        out += _table(
            c.COMPARED_COLUMNS,
            [
                [_link(cmp.institution, cmp.file), str(cmp.human_lines), str(cmp.recognised), str(len(cmp.uncovered))]
                for cmp in s.comparisons
            ],
        )
        out += ["", c.COVERED_NOTE if any(cmp.uncovered for cmp in s.comparisons) else c.ALL_COVERED]
    for cmp in s.comparisons:
        if not cmp.uncovered:
            continue
        out += ["", f"### {_cell(c.comparison_heading(cmp.institution, cmp.recognised, len(cmp.uncovered)))}", ""]
        out += _table(
            c.UNCOVERED_COLUMNS,
            [
                [
                    str(u.line),
                    _cell(u.text),
                    "<br>".join(_cell(title) for title in u.deficiencies),
                    "<br>".join(_cell(m) for m in c.measures_text(u.measures)),
                ]
                for u in cmp.uncovered
            ],
        )
    if s.scores is not None:
        out += scores.markdown(s.scores)
    return "\n".join(out) + "\n"
