"""The ministry's regional summary of a batch of plans: `summary.md` and `summary.html`.

`nokrules batch` drafts one plan per institution of a protocol, then calls

    summary = summarize(engine, results)      # results: list[BatchResult]
    render_markdown(summary), render_html(summary)

All three are pure (no file I/O): counts that add up, the institutions, deficiencies by indicator,
section and kind, the most frequent deficiencies, the unrecognised lines, and the findings the
institutions' own plans (when the protocol has them) leave without a measure. Modules: `compute`
(the numbers), `chart` (the SVG bar chart), `markdown`, `html`, `common` (shared wording).
"""

from __future__ import annotations

from nokrules.protocols.summary.compute import (
    TOP,
    BatchResult,
    EntryExtract,
    FrequentDeficiency,
    IndicatorCount,
    InstitutionRow,
    KindCount,
    OwnPlanCoverage,
    PlanExtract,
    RegionalSummary,
    SectionCount,
    Sharing,
    Totals,
    UncoveredFinding,
    UnrecognisedLine,
    extract_plan,
    summarize,
)
from nokrules.protocols.summary.html import render_html
from nokrules.protocols.summary.markdown import render_markdown

__all__ = [
    "TOP",
    "BatchResult",
    "EntryExtract",
    "FrequentDeficiency",
    "IndicatorCount",
    "InstitutionRow",
    "KindCount",
    "OwnPlanCoverage",
    "PlanExtract",
    "RegionalSummary",
    "Sharing",
    "SectionCount",
    "Totals",
    "UncoveredFinding",
    "UnrecognisedLine",
    "extract_plan",
    "render_html",
    "render_markdown",
    "summarize",
]
