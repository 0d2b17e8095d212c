"""Deficiencies by indicator as an SVG bar chart (matplotlib), to be inlined into the HTML summary.

Deterministic: a fixed `svg.hashsalt` for element ids, text kept as text (`svg.fonttype: none`, so no
glyph paths whose ids would vary), the bundled DejaVu Sans for the metrics, and no date in the metadata:
the same numbers give the same bytes. The figure is built with the object API (no pyplot state), so
nothing is left open between calls; matplotlib is imported on first use, keeping the CLI start fast.
"""

from __future__ import annotations

import io
import re

from nokrules.protocols.summary.compute import IndicatorCount

# one colour per criterion I–V (Okabe–Ito palette: distinguishable with colour-blindness, and in grey print)
COLOURS = {"I": "#0072B2", "II": "#E69F00", "III": "#009E73", "IV": "#CC79A7", "V": "#56B4E9"}

METADATA_RE = re.compile(r"\s*<metadata>.*?</metadata>", re.S)

SALT = "nokrules-summary"


def indicator_chart(indicators: tuple[IndicatorCount, ...], title: str) -> str:
    """The chart as an SVG element (no XML declaration or DOCTYPE), ready to be put inside HTML."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator

    with matplotlib.rc_context(
        {
            "svg.hashsalt": SALT,
            "svg.fonttype": "none",
            "font.family": "DejaVu Sans",
            "font.size": 10.0,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    ):
        fig = Figure(figsize=(8.0, 0.32 * len(indicators) + 1.6))
        ax = fig.add_subplot()
        ys = list(range(len(indicators)))
        values = [i.deficiencies for i in indicators]
        bars = ax.barh(ys, values, color=[COLOURS.get(i.section, "#555555") for i in indicators], height=0.7)
        ax.bar_label(bars, padding=3)
        ax.set_yticks(ys, [i.id for i in indicators])
        ax.invert_yaxis()
        ax.set_xlim(0, max([*values, 1]) * 1.12)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel("Число недостатков")
        ax.set_ylabel("Показатель")
        ax.set_title(title)
        sections = list(dict.fromkeys(i.section for i in indicators))
        ax.legend(
            handles=[Patch(color=COLOURS.get(x, "#555555"), label=f"Раздел {x}") for x in sections],
            loc="upper center",
            bbox_to_anchor=(0.5, -0.13),
            ncol=len(sections),
            frameon=False,
        )
        fig.tight_layout()
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": "nokrules"})
    svg = buf.getvalue()
    # the XML prologue and the RDF metadata have no place inside an HTML page
    return METADATA_RE.sub("", svg[svg.index("<svg") :]).strip()
