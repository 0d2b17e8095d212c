"""The whole catalog diff report: both catalogs' identity, structure, plan impact and summary counts."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date as Date
from typing import Literal

from pydantic import ConfigDict, Field

from nokrules.core.constants import PLAN_DATE
from nokrules.core.engine import Engine
from nokrules.core.model import Catalog
from nokrules.curate.diff.impact import (
    CorpusEntry,
    PlanImpact,
    default_corpus,
    file_entry,
    load_scenarios,
    plan_impact,
)
from nokrules.curate.diff.structure import SectionDiff, StructuralDiff, _Model, structural_diff


class CatalogInfo(_Model):
    root: str
    version: str
    effective_from: Date
    digest: str


class Counts(_Model):
    added: int
    removed: int
    changed: int


class Summary(_Model):
    settings_changed: int
    deficiencies: Counts
    measures: Counts
    rules: Counts
    plans_checked: int
    plans_changed: int
    measures_added: int
    measures_removed: int
    measures_changed: int
    became_unrecognized: int
    became_recognized: int
    deficiencies_changed: int


class CatalogDiff(_Model):
    schema_: Literal["nokrules.diff/1"] = Field(default="nokrules.diff/1", alias="schema")
    old: CatalogInfo
    new: CatalogInfo
    structure: StructuralDiff
    impact: PlanImpact
    summary: Summary

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    def to_json(self) -> str:
        return self.model_dump_json(by_alias=True, indent=2) + "\n"


def _info(c: Catalog) -> CatalogInfo:
    return CatalogInfo(root=c.root, version=c.settings.version, effective_from=c.settings.effective_from, digest=c.digest)


def _counts(s: SectionDiff) -> Counts:
    return Counts(added=len(s.added), removed=len(s.removed), changed=len(s.changed))


def summarize(structure: StructuralDiff, impact: PlanImpact) -> Summary:
    """Counts for the last line. Finding-level counts are over the reported (merged) changes."""
    fs = [f for c in impact.changes for f in c.findings]
    return Summary(
        settings_changed=len(structure.settings),
        deficiencies=_counts(structure.deficiencies),
        measures=_counts(structure.measures),
        rules=_counts(structure.rules),
        plans_checked=impact.plans_checked,
        plans_changed=impact.plans_changed,
        measures_added=sum(len(f.added) for f in fs),
        measures_removed=sum(len(f.removed) for f in fs),
        measures_changed=sum(len(f.changed) for f in fs),
        became_unrecognized=sum(f.status == "became_unrecognized" for f in fs),
        became_recognized=sum(f.status == "became_recognized" for f in fs),
        deficiencies_changed=sum(f.status == "deficiencies_changed" for f in fs),
    )


def compare(old: Engine, new: Engine, extra: Sequence[CorpusEntry] = (), plan_date: Date = PLAN_DATE) -> CatalogDiff:
    """The full report for two loaded engines: default corpus (with the new catalog's scenarios) + `extra`."""
    structure = structural_diff(old.catalog, new.catalog)
    corpus = default_corpus(old.catalog, new.catalog, load_scenarios(new.catalog.root)) + list(extra)
    impact = plan_impact(old, new, corpus, plan_date)
    return CatalogDiff(
        old=_info(old.catalog),
        new=_info(new.catalog),
        structure=structure,
        impact=impact,
        summary=summarize(structure, impact),
    )


def diff_dirs(
    old_dir: str | os.PathLike[str], new_dir: str | os.PathLike[str], files: Sequence[tuple[str, str]] = ()
) -> CatalogDiff:
    """Load both catalogs (CatalogError if either fails) and compare them; `files` are (name, pasted text)."""
    old, new = Engine.load(old_dir), Engine.load(new_dir)
    return compare(old, new, [file_entry(name, text) for name, text in files])
