"""What a catalog change does: a structural diff by id and the change it makes to plans over a corpus.

A curator edits YAML; what the ministry signs off is the effect on plans. So the diff has two halves:
the entries that were added, removed or edited (with old and new values, because a reviewer must see
the wording, not just "text changed"), and the plans that come out differently, measure by measure,
for a corpus of findings (every example and counterexample of both catalogs, the scenarios of the new
catalog, and any pasted texts). Plans are drafted on a fixed date so that due dates differ only when
the catalog made them differ. Everything is sorted by id or kept in corpus order, so the same two
catalogs always give the same report.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from datetime import date as Date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from . import scenarios
from .api import Engine
from .errors import UsageError
from .model import Catalog, Deficiency, Institution, Measure, Pattern, Plan, PlanMeasure, Rule, Scenario, ScenarioInstitution

PLAN_DATE = Date(2027, 1, 15)
SCHEMA = "nokrules.diff/1"

FieldKind = Literal["value", "text", "list", "patterns"]
Value = str | list[str] | None
Flat = dict[str, tuple[FieldKind, Value]]

# List fields whose order changes behaviour: `then` ranks measures, the first of `when.all` carries place and value.
_ORDERED = {"then", "when.all", "patterns"}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ---------------------------------------------------------------- structural diff


class FieldChange(_Model):
    """One edited field. Lists also say which elements came and went; texts keep both versions whole."""

    field: str
    kind: FieldKind
    old: Value
    new: Value
    added: list[str] = []
    removed: list[str] = []


class EntryRef(_Model):
    """An added or removed entry: its id and what a curator recognises it by (title, text, trigger)."""

    id: str
    label: str


class EntryChange(_Model):
    id: str
    label: str
    fields: list[FieldChange]


class SectionDiff(_Model):
    added: list[EntryRef] = []
    removed: list[EntryRef] = []
    changed: list[EntryChange] = []

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


class StructuralDiff(_Model):
    settings: list[FieldChange]
    deficiencies: SectionDiff
    measures: SectionDiff
    rules: SectionDiff

    @property
    def empty(self) -> bool:
        return not self.settings and self.deficiencies.empty and self.measures.empty and self.rules.empty


def pattern_text(p: Pattern) -> str:
    """A pattern as a curator wrote it, on one line: «all: [поручень]; none: [размещён]»."""
    parts = [f"{k}: [{', '.join(v)}]" for k, v in (("all", p.all), ("any", p.any), ("none", p.none)) if v]
    return "; ".join(parts)


def _num(x: float) -> str:
    return f"{x:g}"


def _conditions(rule: Rule) -> list[str]:
    ops = (("lt", "<"), ("le", "≤"), ("gt", ">"), ("ge", "≥"), ("eq", "="))
    return [
        f"{name} {sym} {_num(bound)}"
        for name, cmp in sorted(rule.when.value.items())
        for op, sym in ops
        if (bound := getattr(cmp, op)) is not None
    ]


def _str(v: object) -> str | None:
    if v is None:
        return None
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def _flat_settings(c: Catalog) -> Flat:
    s = c.settings
    return {
        "version": ("value", s.version),
        "effective_from": ("value", s.effective_from.isoformat()),
        "title": ("text", s.title),
        "cues": ("list", list(s.cues)),
        "places.site.words": ("list", list(s.places.site.words)),
        "places.site.text": ("text", s.places.site.text),
        "places.stand.words": ("list", list(s.places.stand.words)),
        "places.stand.text": ("text", s.places.stand.text),
        "places.both_text": ("text", s.places.both_text),
        "horizon_months": ("value", str(s.horizon_months)),
    }


def _flat_deficiency(d: Deficiency) -> Flat:
    return {
        "indicator": ("value", d.indicator),
        "title": ("text", d.title),
        "patterns": ("patterns", [pattern_text(p) for p in d.patterns]),
        "places": ("list", list(d.places)),
        "value": ("value", d.value),
        "cue": ("value", _str(d.cue)),
        "unless": ("list", list(d.unless)),
        "examples": ("list", list(d.examples)),
        "counterexamples": ("list", list(d.counterexamples)),
        "todo": ("list", list(d.todo)),
    }


def _flat_measure(m: Measure) -> Flat:
    return {
        "text": ("text", m.text),
        "due": ("value", m.due),
        "responsible": ("value", m.responsible),
        "result": ("text", m.result),
        "basis": ("text", m.basis),
        "excludes": ("list", list(m.excludes)),
    }


def _flat_rule(r: Rule) -> Flat:
    w = r.when
    return {
        "when.deficiency": ("value", w.deficiency),
        "when.all": ("list", list(w.all)),
        "when.kind": ("list", list(w.kind)),
        "when.form": ("list", list(w.form)),
        "when.place": ("value", w.place),
        "when.value": ("list", _conditions(r)),
        "then": ("list", list(r.then)),
        "priority": ("value", str(r.priority)),
        "replaces": ("list", list(r.replaces)),
        "because": ("text", r.because),
    }


def compare_fields(old: Flat, new: Flat) -> list[FieldChange]:
    """Changed fields in the order of `old`. Unordered lists differ only when their elements do."""
    out: list[FieldChange] = []
    for name, (kind, o) in old.items():
        n = new[name][1]
        if isinstance(o, list) and isinstance(n, list):
            same = o == n if name in _ORDERED else sorted(o) == sorted(n)
            if not same:
                added = [x for x in n if x not in o]
                removed = [x for x in o if x not in n]
                out.append(FieldChange(field=name, kind=kind, old=o, new=n, added=added, removed=removed))
        elif o != n:
            out.append(FieldChange(field=name, kind=kind, old=o, new=n))
    return out


def _section(old: Iterable[tuple[str, str, Flat]], new: Iterable[tuple[str, str, Flat]]) -> SectionDiff:
    """Entries as (id, label, flat fields) → added / removed / changed, each sorted by id."""
    o = {i: (label, flat) for i, label, flat in old}
    n = {i: (label, flat) for i, label, flat in new}
    changed = []
    for i in sorted(o.keys() & n.keys()):
        fields = compare_fields(o[i][1], n[i][1])
        if fields:
            changed.append(EntryChange(id=i, label=n[i][0], fields=fields))
    return SectionDiff(
        added=[EntryRef(id=i, label=n[i][0]) for i in sorted(n.keys() - o.keys())],
        removed=[EntryRef(id=i, label=o[i][0]) for i in sorted(o.keys() - n.keys())],
        changed=changed,
    )


def _rule_label(r: Rule) -> str:
    return f"{' + '.join(r.when.deficiencies)} → {', '.join(r.then)}"


def structural_diff(old: Catalog, new: Catalog) -> StructuralDiff:
    """Added, removed and changed deficiencies, measures and rules by id, plus changed catalog settings."""
    return StructuralDiff(
        settings=compare_fields(_flat_settings(old), _flat_settings(new)),
        deficiencies=_section(
            ((d.id, d.title, _flat_deficiency(d)) for d in old.deficiencies),
            ((d.id, d.title, _flat_deficiency(d)) for d in new.deficiencies),
        ),
        measures=_section(
            ((m.id, m.text, _flat_measure(m)) for m in old.measures),
            ((m.id, m.text, _flat_measure(m)) for m in new.measures),
        ),
        rules=_section(
            ((r.id, _rule_label(r), _flat_rule(r)) for r in old.rules),
            ((r.id, _rule_label(r), _flat_rule(r)) for r in new.rules),
        ),
    )


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


# ---------------------------------------------------------------- the whole report


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


# ---------------------------------------------------------------- Russian text


_SECTION_TITLES = (("deficiencies", "Недостатки"), ("measures", "Мероприятия"), ("rules", "Правила"))
_STATUS = {
    "became_unrecognized": "больше не распознаётся",
    "became_recognized": "теперь распознаётся",
    "deficiencies_changed": "распознаётся иначе",
    "measures_changed": "изменились мероприятия",
}
_PLAN_FIELDS = {"text": "текст", "due_text": "срок", "responsible": "ответственный", "result": "результат", "basis": "основание"}


def _ru_date(d: Date) -> str:
    return d.strftime("%d.%m.%Y")


def _show(v: Value) -> str:
    if v is None:
        return "(нет)"
    if isinstance(v, list):
        return "[" + ", ".join(v) + "]" if v else "[]"
    return v


def render_field(fc: FieldChange, indent: str, name: str | None = None) -> list[str]:
    """Texts and patterns: both versions in full; lists: elements added and removed; values: old → new.

    Catalog fields are shown by their YAML key (what the curator edits); `name` overrides it.
    """
    label = name or fc.field
    if fc.kind == "text":
        return [f"{indent}{label}:", f"{indent}  было:  {_show(fc.old)}", f"{indent}  стало: {_show(fc.new)}"]
    if fc.kind == "patterns":
        lines = [f"{indent}{label}:", f"{indent}  было:"]
        lines += [f"{indent}    - {p}" for p in (fc.old if isinstance(fc.old, list) else [])]
        lines.append(f"{indent}  стало:")
        lines += [f"{indent}    - {p}" for p in (fc.new if isinstance(fc.new, list) else [])]
        return lines
    if fc.kind == "list":
        if not fc.added and not fc.removed:
            return [f"{indent}{label}: изменён порядок {_show(fc.old)} → {_show(fc.new)}"]
        parts = [f"+ {x}" for x in fc.added] + [f"− {x}" for x in fc.removed]
        return [f"{indent}{label}: {'; '.join(parts)}"]
    return [f"{indent}{label}: {_show(fc.old)} → {_show(fc.new)}"]


def _institutions(insts: list[ScenarioInstitution]) -> str:
    def one(i: ScenarioInstitution) -> str:
        parts = [i.kind or "вид не указан"] + (["формы: " + ", ".join(i.forms)] if i.forms else [])
        return f"{i.name} ({', '.join(parts)})" if i.name else ", ".join(parts)

    return "; ".join(one(i) for i in insts)


def _render_finding(f: FindingImpact) -> list[str]:
    head = f"    строка {f.line} «{f.text}»: {_STATUS[f.status]}"
    if f.status != "measures_changed":
        was, now = (", ".join(ds) or "не распознана" for ds in (f.old_deficiencies, f.new_deficiencies))
        head += f" (было: {was}; стало: {now})"
    lines = [head]
    lines += [f"      + {m.id} — {m.text} ({m.due_text}; {m.responsible})" for m in f.added]
    lines += [f"      − {m.id} — {m.text}" for m in f.removed]
    for mc in f.changed:
        lines.append(f"      ~ {mc.id}")
        for fc in mc.fields:
            lines += render_field(fc, "          ", _PLAN_FIELDS.get(fc.field))
    return lines


def summary_line(s: Summary) -> str:
    def c(x: Counts) -> str:
        return f"+{x.added} −{x.removed} ~{x.changed}"

    return (
        f"Итого: недостатки {c(s.deficiencies)}, мероприятия {c(s.measures)}, правила {c(s.rules)}, "
        f"настройки каталога: {s.settings_changed}; планов проверено {s.plans_checked}, изменилось {s.plans_changed}; "
        f"в планах мероприятий +{s.measures_added} −{s.measures_removed} ~{s.measures_changed}, "
        f"находок перестали распознаваться {s.became_unrecognized}, стали распознаваться {s.became_recognized}, "
        f"распознаются иначе {s.deficiencies_changed}."
    )


def render_text(diff: CatalogDiff) -> str:
    """The report a curator reads: header, structural changes by section, changed plans, summary line."""
    o, n = diff.old, diff.new
    lines = [
        "Сравнение каталогов",
        f"  было:  {o.root} (версия {o.version}, действует с {_ru_date(o.effective_from)})",
        f"  стало: {n.root} (версия {n.version}, действует с {_ru_date(n.effective_from)})",
        "",
    ]
    st = diff.structure
    if st.empty:
        lines += ["Изменений в каталоге нет.", ""]
    if st.settings:
        lines.append("Настройки каталога")
        for fc in st.settings:
            lines += render_field(fc, "  ")
        lines.append("")
    for attr, title in _SECTION_TITLES:
        sec: SectionDiff = getattr(st, attr)
        if sec.empty:
            continue
        lines.append(title)
        lines += [f"  + {e.id} — {e.label}" for e in sec.added]
        lines += [f"  − {e.id} — {e.label}" for e in sec.removed]
        for ch in sec.changed:
            lines.append(f"  ~ {ch.id} — {ch.label}")
            for fc in ch.fields:
                lines += render_field(fc, "      ")
        lines.append("")
    im = diff.impact
    lines.append(f"Влияние на планы (дата плана {_ru_date(im.date)}; проверено планов: {im.plans_checked})")
    if not im.changes:
        lines.append("  Планы не изменились.")
    for pc in im.changes:
        quoted = f" «{pc.text.strip()}»" if pc.source in ("example", "counterexample") else ""
        lines.append(f"  {pc.label}{quoted} — {_institutions(pc.institutions)}")
        for f in pc.findings:
            lines += _render_finding(f)
    lines += ["", summary_line(diff.summary)]
    return "\n".join(lines) + "\n"
