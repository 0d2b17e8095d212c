"""The plan half of a catalog diff: the corpus drafted with both catalogs, compared finding by finding into a PlanImpact."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date as Date
from pathlib import Path
from typing import Literal

from nokrules.core.constants import PLAN_DATE
from nokrules.core.engine import Engine
from nokrules.core.errors import UsageError
from nokrules.core.model import Catalog, Institution, Plan, PlanMeasure, Scenario, ScenarioInstitution
from nokrules.curate import scenarios
from nokrules.curate.diff.structure import FieldChange, FieldKind, _Model

# ---------------------------------------------------------------- corpus


class CorpusEntry(_Model):
    """One plan to draft with both catalogs. `across_kinds`: also try the kinds rules distinguish."""

    source: Literal["example", "counterexample", "scenario", "file"]
    label: str
    text: str
    institution: ScenarioInstitution = ScenarioInstitution()
    date: Date | None = None  # None: the report's fixed plan date; a scenario may fix its own
    across_kinds: bool = False


def load_scenarios(root: str | os.PathLike[str]) -> list[Scenario]:
    """Scenarios under `root`/tests/scenarios/*.yaml; a malformed file is a CatalogError naming the spot."""
    return [s for s, _ in scenarios.load_all(root, sorted((Path(root) / "tests" / "scenarios").glob("*.yaml")))]


def default_corpus(old: Catalog, new: Catalog, scenarios: Sequence[Scenario] = ()) -> list[CorpusEntry]:
    """Every example and counterexample of either catalog (sorted by deficiency id), then the scenarios."""
    phrasings: dict[tuple[str, str], set[str]] = {}
    for c in (old, new):
        for d in c.deficiencies:
            for source, texts in (("example", d.examples), ("counterexample", d.counterexamples)):
                for t in texts:
                    phrasings.setdefault((source, t), set()).add(d.id)
    names = {"example": "пример", "counterexample": "контрпример"}
    ordered = sorted(phrasings.items(), key=lambda kv: (min(kv[1]), kv[0][0] != "example"))
    out = [
        CorpusEntry(
            source="example" if source == "example" else "counterexample",
            label=f"{names[source]}: {', '.join(sorted(ids))}",
            text=text,
            across_kinds=True,
        )
        for (source, text), ids in ordered
    ]
    out.extend(
        CorpusEntry(source="scenario", label=f"сценарий «{s.name}»", text=s.findings, institution=s.institution, date=s.date)
        for s in scenarios
    )
    return out


def file_entry(label: str, text: str) -> CorpusEntry:
    """A pasted findings file: one plan, institution unknown."""
    return CorpusEntry(source="file", label=f"файл {label}", text=text)


def variant_kinds(old: Catalog, new: Catalog) -> list[str]:
    """Kinds worth a plan of their own: those rules name, plus one kind offering each form rules name.

    Trying every kind of the catalog would multiply the corpus by a dozen for nothing: a plan can only
    differ between kinds through a rule's `kind` or `form` condition (default forms come from the kind).
    """
    kinds = sorted({k for c in (old, new) for r in c.rules for k in r.when.kind})
    offered = {k.id: set(k.forms) for c in (new, old) for k in c.kinds}
    covered = {f for k in kinds for f in offered.get(k, set())}
    for form in sorted({f for c in (old, new) for r in c.rules for f in r.when.form}):
        if form not in covered:
            rep = next((k.id for c in (old, new) for k in c.kinds if form in k.forms), None)
            if rep is not None and rep not in kinds:
                kinds.append(rep)
                covered |= offered[rep]
    return kinds


def _kind_sensitive(old: Catalog, new: Catalog) -> set[str]:
    """Deficiencies some rule (in either catalog) treats differently by kind or form."""
    return {d for c in (old, new) for r in c.rules if r.when.kind or r.when.form for d in r.when.deficiencies}


# ---------------------------------------------------------------- plan impact


class MeasureBrief(_Model):
    id: str
    text: str
    due_text: str
    responsible: str


class MeasureChange(_Model):
    id: str
    fields: list[FieldChange]


FindingStatus = Literal["became_unrecognized", "became_recognized", "deficiencies_changed", "measures_changed"]


class FindingImpact(_Model):
    """How one finding's part of the plan changed: its deficiencies and its measures."""

    text: str
    line: int
    status: FindingStatus
    old_deficiencies: list[str]
    new_deficiencies: list[str]
    added: list[MeasureBrief] = []
    removed: list[MeasureBrief] = []
    changed: list[MeasureChange] = []


class PlanChange(_Model):
    """A corpus entry whose plan changed; `institutions` lists every institution with this same change."""

    source: Literal["example", "counterexample", "scenario", "file"]
    label: str
    text: str
    institutions: list[ScenarioInstitution]
    findings: list[FindingImpact]


class PlanImpact(_Model):
    date: Date
    plans_checked: int
    plans_changed: int
    changes: list[PlanChange]


_MEASURE_FIELDS: tuple[tuple[str, FieldKind], ...] = (
    ("text", "text"),
    ("due_text", "value"),
    ("responsible", "value"),
    ("result", "text"),
    ("basis", "text"),
)


def _brief(m: PlanMeasure) -> MeasureBrief:
    return MeasureBrief(id=m.id, text=m.text, due_text=m.due_text, responsible=m.responsible)


def _per_finding(plan: Plan) -> dict[tuple[int, str], tuple[list[str], dict[str, PlanMeasure]]]:
    """(line, text) → the finding's deficiency ids and its measures by id (first rendering wins)."""
    out: dict[tuple[int, str], tuple[list[str], dict[str, PlanMeasure]]] = {}
    for item in plan.items:
        defs, measures = out.setdefault((item.finding.line, item.finding.text), ([], {}))
        if item.deficiency.id not in defs:
            defs.append(item.deficiency.id)
        for m in item.measures:
            measures.setdefault(m.id, m)
    return out


def compare_plans(old: Plan, new: Plan, findings: Sequence[tuple[int, str]]) -> list[FindingImpact]:
    """Finding by finding (in input order): changed deficiencies, measures added, removed or reworded."""
    po, pn = _per_finding(old), _per_finding(new)
    out: list[FindingImpact] = []
    seen: set[tuple[int, str]] = set()
    for key in findings:
        if key in seen:
            continue
        seen.add(key)
        od, om = po.get(key, ([], {}))
        nd, nm = pn.get(key, ([], {}))
        added = [_brief(m) for i, m in nm.items() if i not in om]
        removed = [_brief(m) for i, m in om.items() if i not in nm]
        changed = []
        for i in (i for i in om if i in nm):
            fields = [
                FieldChange(field=f, kind=k, old=getattr(om[i], f), new=getattr(nm[i], f))
                for f, k in _MEASURE_FIELDS
                if getattr(om[i], f) != getattr(nm[i], f)
            ]
            if fields:
                changed.append(MeasureChange(id=i, fields=fields))
        status: FindingStatus
        if od and not nd:
            status = "became_unrecognized"
        elif nd and not od:
            status = "became_recognized"
        elif sorted(od) != sorted(nd):
            status = "deficiencies_changed"
        elif added or removed or changed:
            status = "measures_changed"
        else:
            continue
        out.append(
            FindingImpact(
                text=key[1],
                line=key[0],
                status=status,
                old_deficiencies=od,
                new_deficiencies=nd,
                added=added,
                removed=removed,
                changed=changed,
            )
        )
    return out


def _institution(engine: Engine, inst: ScenarioInstitution) -> Institution:
    """The institution as this catalog sees it; a kind or form it does not know is left out, not fatal."""
    try:
        return engine.institution(inst.name, inst.kind, list(inst.forms) or None)
    except UsageError:
        return Institution(name=inst.name)


def plan_impact(old: Engine, new: Engine, corpus: Sequence[CorpusEntry], plan_date: Date = PLAN_DATE) -> PlanImpact:
    """Draft every corpus entry with both engines and keep the entries whose plans differ.

    An `across_kinds` entry is first drafted without a kind; only if it touches a deficiency that some
    rule treats differently by kind or form is it drafted again for each of `variant_kinds` (otherwise
    those plans are the same by construction). Entries with the same change are merged, listing the
    institutions.
    """
    kinds = variant_kinds(old.catalog, new.catalog)
    sensitive = _kind_sensitive(old.catalog, new.catalog)
    checked = changed_count = 0
    merged: dict[tuple[str, str, str, str], tuple[PlanChange, list[ScenarioInstitution]]] = {}

    def run(entry: CorpusEntry, inst: ScenarioInstitution) -> set[str]:
        nonlocal checked, changed_count
        when = entry.date or plan_date
        p_old = old.draft_plan(entry.text, _institution(old, inst), date=when)
        p_new = new.draft_plan(entry.text, _institution(new, inst), date=when)
        checked += 1
        keys = [(f.line, f.text) for f in new.findings(entry.text)]
        impacts = compare_plans(p_old, p_new, keys)
        if impacts:
            changed_count += 1
            change = PlanChange(source=entry.source, label=entry.label, text=entry.text, institutions=[], findings=impacts)
            key = (entry.source, entry.label, entry.text, change.model_dump_json())
            merged.setdefault(key, (change, []))[1].append(inst)
        return {i.deficiency.id for p in (p_old, p_new) for i in p.items}

    for entry in corpus:
        touched = run(entry, entry.institution)
        if entry.across_kinds and touched & sensitive:
            for k in kinds:
                run(entry, ScenarioInstitution(name=entry.institution.name, kind=k))
    changes = [c.model_copy(update={"institutions": insts}) for c, insts in merged.values()]
    return PlanImpact(date=plan_date, plans_checked=checked, plans_changed=changed_count, changes=changes)
