"""The scores part of the regional summary: institutions ranked by total score, each criterion against the
region's mean, the indicators most often below threshold, and a chart of the criteria.

A national run keeps 150,000 of these, so each plan's scores are cut down to `ScoreExtract` (a few floats
and indicator ids) where the plan is drafted; the plan itself is not kept.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from nokrules.core.model import Catalog, ScoresBlock

H_SCORES = "9. Баллы НОК: рейтинг учреждений"
H_BELOW = "10. Показатели, чаще всего ниже порога"
CHART_TITLE = "Средний балл по критериям НОК в регионе"
SHOWN = 1000  # institutions listed in the ranking; the rest are in institutions.csv
RANK_COLUMNS = ["Место", "Учреждение", "Итог", "К1", "К2", "К3", "К4", "К5"]
BELOW_COLUMNS = ["Показатель", "Наименование показателя", "Учреждений ниже порога", "Доля учреждений с баллами"]
NOTE = (
    "Итог — среднее пяти критериев (приказ Минтруда № 344н). У критерия в скобках — отклонение от среднего по "
    "региону. Ниже порога: доля опроса ниже порога каталога или балл экспертного показателя ниже того же порога."
)


@dataclass(frozen=True, slots=True)
class ScoreExtract:
    """One institution's scores as the summary keeps them."""

    total: float | None
    criteria: tuple[float | None, ...]  # K1…K5
    below: tuple[str, ...]  # indicators whose points are below their threshold


def score_extract(catalog: Catalog, block: ScoresBlock) -> ScoreExtract:
    spec = catalog.scores
    threshold = spec.threshold_of if spec is not None else (lambda _: 90.0)
    below = tuple(i.indicator for i in block.indicators if i.points is not None and i.points < threshold(i.indicator))
    return ScoreExtract(block.total, tuple(c.points for c in block.criteria), below)


@dataclass(frozen=True)
class RankedInstitution:
    place: int
    name: str
    file: str
    total: float | None
    criteria: tuple[float | None, ...]


@dataclass(frozen=True)
class BelowCount:
    indicator: str
    title: str
    institutions: int
    share: float  # of the institutions whose indicator was assessed


@dataclass(frozen=True)
class ScoresSummary:
    assessed: int  # institutions with scores
    ranking: tuple[RankedInstitution, ...]
    means: tuple[float | None, ...]  # the region's mean per criterion
    mean_total: float | None
    below: tuple[BelowCount, ...]  # most often below threshold first; indicators never below are left out


def _mean(xs: Sequence[float | None]) -> float | None:
    got = [x for x in xs if x is not None]
    return round(sum(got) / len(got), 2) if got else None


def summarize_scores(catalog: Catalog, rows: Sequence[tuple[str, str, ScoreExtract | None]]) -> ScoresSummary | None:
    """(name, plan file, scores) per institution → the summary's scores part; None when no institution has scores."""
    scored = [(name, file, s) for name, file, s in rows if s is not None]
    if not scored:
        return None
    ordered = sorted(scored, key=lambda r: (r[2].total is None, -(r[2].total or 0), r[0], r[1]))
    ranking = tuple(RankedInstitution(k, name, file, s.total, s.criteria) for k, (name, file, s) in enumerate(ordered, start=1))
    means = tuple(_mean([s.criteria[j] for _, _, s in scored]) for j in range(len(catalog.criteria)))
    counts = Counter(i for _, _, s in scored for i in s.below)
    titles: dict[str, str] = {i.id: i.title for c in catalog.criteria for i in c.indicators}
    below = tuple(
        BelowCount(ind, titles[ind], n, n / len(scored))
        for ind, n in sorted(counts.items(), key=lambda kv: (-kv[1], tuple(map(int, kv[0].split(".")))))
    )
    return ScoresSummary(len(scored), ranking, means, _mean([s.total for _, _, s in scored]), below)


def number(x: float | None) -> str:
    if x is None:
        return "—"
    return f"{x:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def versus(x: float | None, mean: float | None) -> str:
    """«87,79 (−2,1)»: a criterion with its difference from the region's mean."""
    if x is None or mean is None:
        return number(x)
    d = round(x - mean, 1)
    sign = "+" if d > 0 else "−" if d < 0 else "±"
    return f"{number(x)} ({sign}{number(abs(d))})"


def _rank_cells(s: ScoresSummary, r: RankedInstitution) -> list[str]:
    return [str(r.place), r.name, number(r.total), *(versus(x, m) for x, m in zip(r.criteria, s.means, strict=True))]


def _mean_cells(s: ScoresSummary) -> list[str]:
    return ["", "Среднее по региону", number(s.mean_total), *(number(m) for m in s.means)]


def _shown_note(s: ScoresSummary) -> list[str]:
    return [f"Показаны первые {SHOWN} из {len(s.ranking)} учреждений; полный список — в institutions.csv."] if len(s.ranking) > SHOWN else []


def markdown(s: ScoresSummary) -> list[str]:
    def row(cells: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    out = ["", f"## {H_SCORES}", "", f"Учреждений с баллами: {s.assessed}. {NOTE}", ""]
    out += [row(RANK_COLUMNS), "|" + "---|" * len(RANK_COLUMNS), row(_mean_cells(s))]
    out += [row(_rank_cells(s, r)) for r in s.ranking[:SHOWN]]
    out += ["", *_shown_note(s), f"## {H_BELOW}", ""]
    if not s.below:
        return [*out, "Ни один показатель ни у одного учреждения не ниже порога."]
    out += [row(BELOW_COLUMNS), "|" + "---|" * len(BELOW_COLUMNS)]
    out += [row([b.indicator, b.title, str(b.institutions), f"{b.share * 100:.1f}".replace(".", ",") + " %"]) for b in s.below]
    return out


def html(s: ScoresSummary) -> list[str]:
    def table(caption: str, columns: list[str], rows: list[list[str]]) -> list[str]:
        out = ["<table>", f"<caption>{escape(caption)}</caption>", "<thead>", "<tr>"]
        out += [f'<th scope="col">{escape(c)}</th>' for c in columns]
        out += ["</tr>", "</thead>", "<tbody>"]
        for r in rows:
            cells = [f'<th scope="row">{escape(r[1])}</th>' if k == 1 else f'<td class="num">{escape(x)}</td>' for k, x in enumerate(r)]
            out.append("<tr>" + "".join(cells) + "</tr>")
        return [*out, "</tbody>", "</table>"]

    out = [f"<h2>{escape(H_SCORES)}</h2>", f"<p>Учреждений с баллами: {s.assessed}. {escape(NOTE)}</p>"]
    out += ["<figure>", criteria_chart(s.means, CHART_TITLE), f"<figcaption>{escape(CHART_TITLE)}: "]
    out += [escape("; ".join(f"К{k} — {number(m)}" for k, m in enumerate(s.means, start=1))) + "</figcaption>", "</figure>"]
    out += table("Рейтинг учреждений по итоговому баллу", RANK_COLUMNS, [_mean_cells(s), *(_rank_cells(s, r) for r in s.ranking[:SHOWN])])
    out += [f"<p>{escape(n)}</p>" for n in _shown_note(s)]
    out.append(f"<h2>{escape(H_BELOW)}</h2>")
    if not s.below:
        return [*out, "<p>Ни один показатель ни у одного учреждения не ниже порога.</p>"]
    rows = [[b.indicator, b.title, str(b.institutions), f"{b.share * 100:.1f}".replace(".", ",") + " %"] for b in s.below]
    return out + table("Показатели ниже порога", BELOW_COLUMNS, rows)


def criteria_chart(means: Sequence[float | None], title: str) -> str:
    """The region's mean per criterion as an SVG bar chart, deterministic as the indicator chart is."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    from nokrules.protocols.summary.chart import COLOURS, METADATA_RE, SALT

    sections = ["I", "II", "III", "IV", "V"][: len(means)]
    with matplotlib.rc_context(
        {"svg.hashsalt": SALT, "svg.fonttype": "none", "font.family": "DejaVu Sans", "font.size": 10.0,
         "axes.spines.top": False, "axes.spines.right": False}
    ):  # fmt: skip
        fig = Figure(figsize=(8.0, 3.2))
        ax = fig.add_subplot()
        values = [m or 0 for m in means]
        bars = ax.bar([f"К{k}" for k in range(1, len(means) + 1)], values, color=[COLOURS[x] for x in sections])
        ax.bar_label(bars, labels=[number(m) for m in means], padding=2)
        ax.set_ylim(0, 105)
        ax.set_ylabel("Баллы")
        ax.set_title(title)
        fig.tight_layout()
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": "nokrules"})
    svg = buf.getvalue()
    return METADATA_RE.sub("", svg[svg.index("<svg") :]).strip()
