"""What a catalog change does: a structural diff by id and the change it makes to plans over a corpus.

A curator edits YAML; what the ministry signs off is the effect on plans. So the diff has two halves:
the entries that were added, removed or edited (with old and new values, because a reviewer must see
the wording, not just "text changed"), and the plans that come out differently, measure by measure,
for a corpus of findings (every example and counterexample of both catalogs, the scenarios of the new
catalog, and any pasted texts). Plans are drafted on a fixed date so that due dates differ only when
the catalog made them differ. Everything is sorted by id or kept in corpus order, so the same two
catalogs always give the same report.

The package is split by idea: `structure` (entries by id), `impact` (plans over the corpus), `report`
(the whole CatalogDiff and how it is assembled) and `render` (the Russian text). What `nokrules diff` and
its tests use is re-exported here; anything else is imported from its module.
"""

from nokrules.curate.diff.impact import FindingImpact, PlanChange, variant_kinds
from nokrules.curate.diff.render import render_text
from nokrules.curate.diff.report import CatalogDiff, diff_dirs
from nokrules.curate.diff.structure import FieldChange, Flat, compare_fields

__all__ = [
    "CatalogDiff",
    "FieldChange",
    "FindingImpact",
    "Flat",
    "PlanChange",
    "compare_fields",
    "diff_dirs",
    "render_text",
    "variant_kinds",
]
