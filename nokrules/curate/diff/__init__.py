"""What a catalog change does: a structural diff by id and the change it makes to plans over a corpus.

A curator edits YAML; what the ministry signs off is the effect on plans. So the diff has two halves:
the entries that were added, removed or edited (with old and new values, because a reviewer must see
the wording, not just "text changed"), and the plans that come out differently, measure by measure,
for a corpus of findings (every example and counterexample of both catalogs, the scenarios of the new
catalog, and any pasted texts). Plans are drafted on a fixed date so that due dates differ only when
the catalog made them differ. Everything is sorted by id or kept in corpus order, so the same two
catalogs always give the same report.

The package is split by idea: `structure` (entries by id), `impact` (plans over the corpus), `report`
(the whole CatalogDiff and how it is assembled) and `render` (the Russian text). Everything importers
used from the former single module is re-exported here.
"""

from nokrules.core.constants import PLAN_DATE
from nokrules.curate.diff.impact import (
    CorpusEntry,
    FindingImpact,
    FindingStatus,
    MeasureBrief,
    MeasureChange,
    PlanChange,
    PlanImpact,
    compare_plans,
    default_corpus,
    file_entry,
    load_scenarios,
    plan_impact,
    variant_kinds,
)
from nokrules.curate.diff.render import render_field, render_text, summary_line
from nokrules.curate.diff.report import SCHEMA, CatalogDiff, CatalogInfo, Counts, Summary, compare, diff_dirs, summarize
from nokrules.curate.diff.structure import (
    EntryChange,
    EntryRef,
    FieldChange,
    FieldKind,
    Flat,
    SectionDiff,
    StructuralDiff,
    Value,
    compare_fields,
    pattern_text,
    structural_diff,
)

__all__ = [
    "PLAN_DATE",
    "SCHEMA",
    "CatalogDiff",
    "CatalogInfo",
    "CorpusEntry",
    "Counts",
    "EntryChange",
    "EntryRef",
    "FieldChange",
    "FieldKind",
    "FindingImpact",
    "FindingStatus",
    "Flat",
    "MeasureBrief",
    "MeasureChange",
    "PlanChange",
    "PlanImpact",
    "SectionDiff",
    "StructuralDiff",
    "Summary",
    "Value",
    "compare",
    "compare_fields",
    "compare_plans",
    "default_corpus",
    "diff_dirs",
    "file_entry",
    "load_scenarios",
    "pattern_text",
    "plan_impact",
    "render_field",
    "render_text",
    "structural_diff",
    "summarize",
    "summary_line",
    "variant_kinds",
]
