"""RegionalSummary → a standalone printable HTML page (`summary.html`): inline CSS, the chart as inline SVG.

No external resources. Every table has a <caption> and header cells with a scope; the chart is an image
with a text alternative, and its numbers are in the table next to it. Every text is escaped; plan links
are relative to the summary, percent-encoded.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from nokrules.documents.page import page_head
from nokrules.protocols.summary import common as c
from nokrules.protocols.summary import scores
from nokrules.protocols.summary.chart import indicator_chart
from nokrules.protocols.summary.compute import RegionalSummary

CSS = """\
@page { size: A4 landscape; margin: 1.5cm; }
html { color: #000; background: #fff; }
body { font-family: "Times New Roman", Times, serif; font-size: 12pt; line-height: 1.25; margin: 0; }
@media screen { body { max-width: 26.7cm; margin: 1.5cm auto; padding: 0 1cm; } }
h1 { font-size: 16pt; text-align: center; margin: 0; }
.subtitle { text-align: center; font-style: italic; margin: 0.2em 0 1em; }
h2 { font-size: 14pt; margin: 1.2em 0 0.4em; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 12pt; margin: 1em 0 0.3em; break-after: avoid; page-break-after: avoid; }
p { margin: 0.3em 0; }
ul { margin: 0.3em 0; }
.check { font-weight: bold; }
.check.bad { color: #9c0006; }
table { width: 100%; border-collapse: collapse; margin: 0.3em 0 0.8em; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.2em; caption-side: top; }
th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; text-align: left; overflow-wrap: break-word; }
thead th { text-align: center; vertical-align: middle; background: #eee; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
thead { display: table-header-group; }
tfoot th, tfoot td { font-weight: bold; }
tr { page-break-inside: avoid; break-inside: avoid; }
td.num, th.num { text-align: right; white-space: nowrap; }
code { font-family: "Courier New", monospace; font-size: 10pt; }
a { color: #0b4f8a; }
@media print { a { color: #000; text-decoration: none; } }
figure { margin: 0.5em 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figcaption { text-align: center; font-style: italic; }
.manual-mark { color: #9c0006; font-weight: bold; }
"""

Cell = tuple[str, str]  # (inner HTML, class)


def _e(s: str) -> str:
    return escape(s).replace("\n", "<br>")


def _link(text: str, file: str) -> str:
    return f'<a href="{escape(quote(file))}">{_e(text)}</a>' if file else _e(text)


def _num(x: int | str) -> Cell:
    return (escape(str(x)), "num")


def _table(
    caption: str, columns: list[str], rows: list[list[Cell]], foot: list[Cell] | None = None, header_col: int = 0
) -> list[str]:
    """A table whose cells in column `header_col` are row headers."""

    def row(cells: list[Cell], body_tag: str = "td") -> str:
        out = []
        for k, (inner, cls) in enumerate(cells):
            attr = f' class="{cls}"' if cls else ""
            if k == header_col:
                out.append(f'<th scope="row"{attr}>{inner}</th>')
            else:
                out.append(f"<{body_tag}{attr}>{inner}</{body_tag}>")
        return "<tr>" + "".join(out) + "</tr>"

    out = ["<table>", f"<caption>{_e(caption)}</caption>", "<thead>", "<tr>"]
    out += [f'<th scope="col">{_e(col)}</th>' for col in columns]
    out += ["</tr>", "</thead>", "<tbody>", *(row(r) for r in rows), "</tbody>"]
    if foot is not None:
        out += ["<tfoot>", row(foot), "</tfoot>"]
    out.append("</table>")
    return out


def _chart(s: RegionalSummary) -> list[str]:
    svg = indicator_chart(s.indicators, c.CHART_TITLE)
    alt = c.CHART_TITLE + ": " + "; ".join(f"{i.id} — {i.deficiencies}" for i in s.indicators)
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{escape(alt)}" ', 1)
    caption = f"{c.CHART_TITLE}: число недостатков по каждому показателю (цвет — раздел I–V); те же числа — в таблице ниже."
    return ["<figure>", svg, f"<figcaption>{_e(caption)}</figcaption>", "</figure>"]


def render_html(s: RegionalSummary) -> str:
    t = s.totals
    lines = c.totals_lines(s)
    out = [
        *page_head(c.TITLE, CSS),
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{_e(c.TITLE)}</h1>",
        f'<p class="subtitle">{_e(c.SUBTITLE)}. {_e(c.catalog_line(s))}</p>',
        f"<h2>{_e(c.H_TOTALS)}</h2>",
        "<ul>",
        f"<li>{_e(lines[0])}</li>",
        f"<li>{_e(lines[1])}<ul><li>{_e(lines[2])}</li><li>{_e(lines[3])}</li></ul></li>",
        f"<li>{_e(lines[4])}</li>",
        f"<li>{_e(lines[5])}</li>",
        "</ul>",
        f'<p class="check{"" if s.consistent else " bad"}">{_e(c.check_line(s))}</p>',
        f"<h2>{_e(c.H_INSTITUTIONS)}</h2>",
    ]
    out += _table(
        "Учреждения по числу находок",
        c.INSTITUTION_COLUMNS,
        [
            [
                _num("" if r.number is None else r.number),
                (_link(r.name, r.file), ""),
                (_e(r.kind), ""),
                _num(c.number(r.score)),
                _num("" if r.rank is None else r.rank),
                _num(r.findings),
                _num(r.measures),
                _num(r.unrecognised),
            ]
            for r in s.institutions[: c.SHOWN]
        ],
        [("", ""), ("Итого", ""), ("", ""), ("", ""), ("", ""), _num(t.findings), _num(t.measures), _num(t.unrecognised)],
        header_col=1,
    )
    note = c.shown_note(len(s.institutions))
    if note:
        out.append(f"<p>{_e(note)}</p>")
    out += [f"<h2>{_e(c.H_INDICATORS)}</h2>", *_chart(s)]
    out += _table(
        "Недостатки по показателям",
        c.INDICATOR_COLUMNS,
        [[(i.id, ""), (_e(i.title), ""), _num(i.deficiencies), _num(i.institutions)] for i in s.indicators],
        [("Итого", ""), ("", ""), _num(t.deficiencies), ("", "")],
    )
    out.append(f"<h2>{_e(c.H_SECTIONS)}</h2>")
    out += _table(
        "Недостатки по разделам",
        c.SECTION_COLUMNS,
        [[(x.section, ""), (_e(x.title), ""), _num(x.deficiencies), _num(x.institutions)] for x in s.sections],
        [("Итого", ""), ("", ""), _num(t.deficiencies), ("", "")],
    )
    out.append(f"<h2>{_e(c.H_KINDS)}</h2>")
    out += _table(
        "Недостатки по видам организаций",
        c.KIND_COLUMNS,
        [
            [
                (_e(k.title + ("" if k.known else f" {c.UNKNOWN_KIND}")), ""),
                _num(k.institutions),
                _num(k.findings),
                _num(k.deficiencies),
                _num(k.measures),
            ]
            for k in s.kinds
        ],
    )
    out += [f"<h2>{_e(c.H_FREQUENT)}</h2>", f"<p>{_e(c.FREQUENT_NOTE)}</p>"]
    out += _table(
        f"Наиболее частые недостатки (до {len(s.frequent)})" if s.frequent else "Наиболее частые недостатки",
        c.FREQUENT_COLUMNS,
        [
            [
                _num(n),
                (_e(f.title), ""),
                (f.indicator, ""),
                _num(f.institutions),
                _num(c.share(f.share)),
            ]
            for n, f in enumerate(s.frequent, 1)
        ],
        header_col=1,
    )
    out += [f"<h2>{_e(c.H_UNRECOGNISED)}</h2>", f"<p>{_e(c.UNRECOGNISED_NOTE)}</p>"]
    if s.unrecognised:
        out += _table(
            "Нераспознанные строки",
            c.UNRECOGNISED_COLUMNS,
            [
                [(_link(u.institution, u.file), ""), _num(u.line), (_e(u.text), ""), (_e(u.suggestion or "—"), "")]
                for u in s.unrecognised
            ],
        )
    else:
        out.append(f"<p>{_e(c.NO_UNRECOGNISED)}</p>")
    out += [f"<h2>{_e(c.H_COMPARISON)}</h2>", f"<p>{_e(c.COMPARISON_NOTE)}</p>"]
    if not s.comparisons:
        out.append(f"<p>{_e(c.NO_HUMAN_PLANS)}</p>")
    else:
        out += _table(
            "Учреждения, чей план приведён в протоколе",
            c.COMPARED_COLUMNS,
            [
                [(_link(cmp.institution, cmp.file), ""), _num(cmp.human_lines), _num(cmp.recognised), _num(len(cmp.uncovered))]
                for cmp in s.comparisons
            ],
            header_col=0,
        )
        out.append(f"<p>{_e(c.COVERED_NOTE if any(cmp.uncovered for cmp in s.comparisons) else c.ALL_COVERED)}</p>")
    for cmp in s.comparisons:
        if not cmp.uncovered:
            continue
        out.append(f"<h3>{_e(c.comparison_heading(cmp.institution, cmp.recognised, len(cmp.uncovered)))}</h3>")
        out += _table(
            f"{cmp.institution}: находки без мероприятия в плане учреждения",
            c.UNCOVERED_COLUMNS,
            [
                [
                    _num(u.line),
                    (_e(u.text), ""),
                    ("<br>".join(_e(title) for title in u.deficiencies), ""),
                    (
                        "<br>".join(_e(m) for m in u.measures)
                        if u.measures
                        else f'<span class="manual-mark">{_e(c.measures_text(())[0])}</span>',
                        "",
                    ),
                ]
                for u in cmp.uncovered
            ],
            header_col=1,
        )
    if s.scores is not None:
        out += scores.html(s.scores)
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
