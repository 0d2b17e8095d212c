"""The structural half of a catalog diff: entries flattened to fields, compared by id into a StructuralDiff."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, get_args, get_origin

from pydantic import BaseModel, ConfigDict

from nokrules.core.constants import COMPARISONS
from nokrules.core.model import Catalog, Deficiency, Measure, Pattern, Rule, Signals, SimilaritySpec

FieldKind = Literal["value", "text", "list", "patterns"]
Value = str | list[str] | None
Flat = dict[str, tuple[FieldKind, Value]]

# List fields whose order changes behaviour: `then` ranks measures, the first of `when.all` carries place and value.
_ORDERED = {"then", "when.all", "patterns"}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


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
    return [
        f"{name} {sym} {_num(bound)}"
        for name, cmp in sorted(rule.when.value.items())
        for op, sym in COMPARISONS.items()
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
    flat: Flat = {
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
    return flat | _flat_model("similarity", SimilaritySpec, c.similarity) | _flat_model("signals", Signals, s.signals)


def _flat_model(prefix: str, cls: type[BaseModel], m: BaseModel | None) -> Flat:
    """Every setting of a settings model (its defaults when the catalog leaves it out), named by its path
    («signals.remedies.broken», «similarity.contest.max_own»): a setting the model gains shows in the diff
    without a line here. A dict keyed by a Literal gives a row per key the Literal allows."""
    out: Flat = {}
    for name, f in cls.model_fields.items():
        key = f"{prefix}.{name}"
        v = getattr(m, name) if m is not None else (None if f.is_required() else f.get_default(call_default_factory=True))
        nested = [t for t in (f.annotation, *get_args(f.annotation)) if isinstance(t, type) and issubclass(t, BaseModel)]
        if isinstance(v, BaseModel):
            out |= _flat_model(key, type(v), v)
        elif v is None and nested:  # a part the catalog leaves off («model»): each of its settings, as unset
            out |= {k: ("value", _str(None)) for k in _flat_model(key, nested[0], None)}
        elif get_origin(f.annotation) is dict and get_args(f.annotation)[0] is str:  # «cuts»: one row, a pair an item
            out[key] = ("list", [f"{k}: {', '.join(x)}" for k, x in sorted((v or {}).items())])
        elif get_origin(f.annotation) is dict:
            for k in get_args(get_args(f.annotation)[0]):
                out[f"{key}.{k}"] = ("list", [str(x) for x in (v or {}).get(k, [])])
        elif isinstance(v, list) or (v is None and get_origin(f.annotation) is list):
            out[key] = ("list", [str(x) for x in v or []])
        elif isinstance(v, float):
            out[key] = ("value", _num(v))
        else:
            out[key] = ("value", _str(v))
    return out


def _phrasings(c: Catalog) -> dict[str, list[str]]:
    """The labelled findings the similarity stage learns from, by the deficiency they name."""
    out: dict[str, list[str]] = {}
    for p in c.phrasings:
        for did in p.expect:
            out.setdefault(did, []).append(p.text)
    return out


def _flat_deficiency(d: Deficiency, phrasings: dict[str, list[str]]) -> Flat:
    return {
        "indicator": ("value", d.indicator),
        "title": ("text", d.title),
        "patterns": ("patterns", [pattern_text(p) for p in d.patterns]),
        "concept.objects": ("list", list(d.concept.objects) if d.concept else []),
        "concept.with": ("list", list(d.concept.with_) if d.concept else []),
        "concept.without": ("list", list(d.concept.without) if d.concept else []),
        "concept.signal": ("value", d.concept.signal if d.concept else None),
        "checklist": ("list", list(d.checklist)),
        "places": ("list", list(d.places)),
        "value": ("value", d.value),
        "cue": ("value", _str(d.cue)),
        "unless": ("list", list(d.unless)),
        "examples": ("list", list(d.examples)),
        "counterexamples": ("list", list(d.counterexamples)),
        "todo": ("list", list(d.todo)),
        "phrasings": ("list", phrasings.get(d.id, [])),
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
        "when.state": ("list", list(w.state)),
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
    said_old, said_new = _phrasings(old), _phrasings(new)
    return StructuralDiff(
        settings=compare_fields(_flat_settings(old), _flat_settings(new)),
        deficiencies=_section(
            ((d.id, d.title, _flat_deficiency(d, said_old)) for d in old.deficiencies),
            ((d.id, d.title, _flat_deficiency(d, said_new)) for d in new.deficiencies),
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
