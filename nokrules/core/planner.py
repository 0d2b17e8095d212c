"""Recognitions + fired rules → the Plan: measures per finding, rows of the official table by section I–V.

Ordering is fully determined by the input order of findings and by the catalog (rule priority, then the
direct fix before the extras for a kind or form of service, then rule id, then the order of `then`), never
by the order the engine happened to fire in, so the same input gives the same bytes. A measure that answers several findings becomes one table row listing them all.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import partial

from nokrules.core.dates import PERMANENT, Schedule, due_date, due_text, schedule_dues
from nokrules.core.memo import remembered
from nokrules.core.model import (
    Catalog,
    DeficiencyRef,
    Finding,
    FindingRef,
    Firing,
    Institution,
    Outvoted,
    Place,
    Plan,
    PlanInstitution,
    PlanItem,
    PlanMeasure,
    PlanRow,
    PlanSection,
    Recognition,
    Rule,
    ScoresBlock,
    Section,
    Suggestion,
    Unrecognized,
    make,
)

PLACE_TOKEN = "{место}"
NAME_LINE = "____________"
DUTY = "Ответственный"  # a role named by a duty, not by a position: column 4 then asks for the position too
CACHE_MAX = 50_000  # entries a Planner's cache holds before it is emptied
SCHEDULES_MAX = 100  # plan dates (and years, report days) a Planner keeps the measures' own dues for
FREFS_MAX = 5_000  # finding refs kept: those that recur are few (a survey finding names its share)


@dataclass(frozen=True)
class _ChosenMeasure:
    """A measure a fired rule chose (what the user picks by hand is a `Choice` of a deficiency)."""

    measure: str
    rule: Rule
    rank: tuple[int, int, str, int]


@dataclass
class _PendingRow:
    order: tuple[int, int, tuple[int, int, str, int]]  # first finding, first recognition, rank of the measure there
    chosen: _ChosenMeasure | None  # None: no rule answered the deficiency, the measure is written by hand
    recs: list[int]


def _rank(rule: Rule, k: int) -> tuple[int, int, str, int]:
    """Where a measure stands among those of one finding: higher priority first; at equal priority a rule
    for any institution (the direct fix) before one narrowed to a kind or a form of service (an extra for
    those clients, e.g. a memo for home clients after publishing the complaint procedure)."""
    extra = 1 if rule.when.kind or rule.when.form else 0
    return (-rule.priority, extra, rule.id, k)


def responsible_text(role: str, person: str | None, blank: bool = False) -> str:
    """Column 4 of the form («с указанием фамилии, имени, отчества и должности»): «Роль — Ф. И. О.» when
    the profile names the person; else the role alone, or, for a filed document (`blank`), the role and a
    line to write the name on (and the position, for a role named by a duty rather than a position)."""
    if person:
        return f"{role} — {person}"
    if not blank:
        return role
    return f"{role} — {NAME_LINE} ({'должность, ' if role.startswith(DUTY) else ''}Ф. И. О.)"


def place_text(catalog: Catalog, places: list[Place]) -> str:
    pl = catalog.settings.places
    s = set(places)
    if s == {"site"}:
        return pl.site.text
    if s == {"stand"}:
        return pl.stand.text
    return pl.both_text


def fired_on(recognitions: list[Recognition], firings: list[Firing]) -> list[tuple[str, ...]]:
    """The ids of the rules that fired on each recognition, sorted, each once (a rule with `all: […]` fired
    on every recognition it joined): the one view of firings the planner, explain and the web page share."""
    fired: list[set[str]] = [set() for _ in recognitions]
    for f in firings:
        for idx in f.recognitions:
            fired[idx].add(f.rule)
    return [tuple(sorted(rs)) for rs in fired]


def measures_per_recognition(
    catalog: Catalog, recognitions: list[Recognition], firings: list[Firing]
) -> list[list[_ChosenMeasure]]:
    """Measures per recognition, best-ranked first, after group policies and `replaces` (not `excludes`)."""
    return [_choose(catalog, [catalog.rule(r) for r in rs]) for rs in fired_on(recognitions, firings)]


def _choose(catalog: Catalog, rs: list[Rule]) -> list[_ChosenMeasure]:
    if catalog.settings.groups:
        rs = _apply_group_policies(rs, catalog.settings.groups, catalog.rule_order)
    chosen = [_ChosenMeasure(m, rule, _rank(rule, k)) for rule in rs for k, m in enumerate(rule.then)]
    replaced = {m for p in chosen for m in p.rule.replaces if m not in p.rule.then}
    seen: set[str] = set()
    out = []
    for p in sorted(chosen, key=lambda p: p.rank):
        if p.measure in seen or p.measure in replaced:
            continue
        seen.add(p.measure)
        out.append(p)
    return out


def _apply_group_policies(rules: list[Rule], policies: Mapping[str, str], order: dict[str, int]) -> list[Rule]:
    """Within a group whose policy is `priority` (or `first`), only the highest-priority (or first-written)
    rule that fired on a finding applies; `collect`, `unique` and `any` keep every rule (DMN hit policies)."""

    def selective(r: Rule) -> bool:
        return r.group is not None and policies.get(r.group) in ("priority", "first")

    def key(r: Rule) -> tuple[int, int]:
        return (-r.priority if policies.get(r.group or "") == "priority" else 0, order[r.id])

    winners: dict[str | None, Rule] = {}
    for r in sorted(filter(selective, rules), key=key):
        winners.setdefault(r.group, r)
    return [r for r in rules if not selective(r) or winners[r.group] is r]


def _settle_exclusions(catalog: Catalog, chosen: list[list[_ChosenMeasure]]) -> list[list[_ChosenMeasure]]:
    """Measures per recognition after `excludes`: of two mutually exclusive measures, the better-ranked one
    wins across the whole plan."""
    exclusions = catalog.exclusions  # every measure is a key, most with no exclusion
    if not any(exclusions.get(p.measure) for ps in chosen for p in ps):
        return chosen  # the common case: nothing to settle
    kept: set[str] = set()
    banned: set[str] = set()
    for p in sorted((p for ps in chosen for p in ps), key=lambda p: p.rank):
        if p.measure in banned:
            continue
        kept.add(p.measure)
        banned |= exclusions.get(p.measure, frozenset()) - kept
    return [[p for p in ps if p.measure not in banned] for ps in chosen]


class Planner:
    """Builds the plans of one catalog. Plan parts repeat from plan to plan (a batch drafts thousands), so
    the planner keeps them: the caches belong to it and to its catalog, and go with them."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self._measures_of: dict[tuple[str, ...], list[_ChosenMeasure]] = {}  # fired rule ids → their measures
        self._rendered: dict[tuple[object, ...], PlanMeasure] = {}
        self._drefs: dict[str, DeficiencyRef] = {}
        self._frefs: dict[tuple[str, int], FindingRef] = {}
        self._schedules: dict[tuple[tuple[str, ...], Schedule], dict[str, date | None]] = {}
        self._own_dues: dict[Schedule, dict[str, date | None]] = {}  # a measure's due by its own spec alone
        # measures that come after another or have one coming after them: only their dues depend on the plan
        self._ordered = frozenset(m.id for m in catalog.measures if m.after) | {p for m in catalog.measures for p in m.after}

    def _dues(self, ids: tuple[str, ...], schedule: Schedule) -> dict[str, date | None]:
        """The dues of a plan's measures: they depend on the schedule and, for measures ordered by `after`,
        on which of those are in the plan; every other measure's due is its own (`schedule_dues` changes
        only measures with a prerequisite in the plan and those prerequisites), so the dues kept are those
        of the plan's ordered measures alone."""
        cat = self.catalog
        ordered = tuple(i for i in ids if i in self._ordered)
        held = remembered(
            self._schedules,
            (ordered, schedule),
            lambda: schedule_dues({i: (cat.measure(i).due, tuple(cat.measure(i).after)) for i in ordered}, schedule),
            CACHE_MAX,
        )
        own = remembered(self._own_dues, schedule, dict, SCHEDULES_MAX)
        out: dict[str, date | None] = {}
        for i in ids:
            if i in held:
                out[i] = held[i]
            elif i in own:
                out[i] = own[i]
            else:
                out[i] = own[i] = due_date(cat.measure(i).due, schedule)
        return out

    def _chosen(self, recognitions: list[Recognition], firings: list[Firing]) -> list[list[_ChosenMeasure]]:
        """Measures per recognition after `replaces` and `excludes`, best-ranked first."""
        chosen = [self._measures(rs) for rs in fired_on(recognitions, firings)]
        return _settle_exclusions(self.catalog, chosen)

    def _measures(self, rule_ids: tuple[str, ...]) -> list[_ChosenMeasure]:
        """The measures the rules fired on one finding give, in rank order: they depend on those rules alone."""
        cat = self.catalog
        return remembered(self._measures_of, rule_ids, lambda: _choose(cat, [cat.rule(r) for r in rule_ids]), CACHE_MAX)

    def build(
        self,
        institution: Institution,
        findings: list[Finding],
        recognitions: list[Recognition],
        firings: list[Firing],
        plan_date: date,
        suggest: Callable[[str], list[Suggestion]],
        nothing_wrong: Callable[[str], bool] = lambda _: False,
        scores: ScoresBlock | None = None,
        year: int | None = None,
        report_date: str | None = None,
        left_out: Callable[[Finding], list[Outvoted]] = lambda _: [],
    ) -> Plan:
        """The plan; `year` overrides the plan year (see dates.plan_year), `report_date` («ДД.ММ») is the
        region's yearly reporting day that every due precedes; `left_out` says what a finding left unrecognised
        was found to name and why that was left out."""
        catalog = self.catalog
        chosen = self._chosen(recognitions, firings)
        schedule = Schedule.of(plan_date, catalog.settings.horizon_months, year, report_date)
        dues = self._dues(tuple(sorted({c.measure for cs in chosen for c in cs})), schedule)
        render: _Render = partial(self._measure, institution=institution, dues=dues)
        items = [
            make(
                PlanItem,
                {
                    "finding": self._fref(findings[rec.finding]),
                    "deficiency": self._dref(rec.deficiency),
                    "measures": [render(c, rec.places) for c in chosen[k]],
                    "recognised_by": rec.source,
                    "words": [w for m in rec.matches for w in m.words],
                    "state": rec.state,
                    "scores": rec.scores,
                    "close": rec.close,
                },
            )
            for k, rec in enumerate(recognitions)
        ]
        by_section: dict[Section, list[PlanRow]] = {c.section: [] for c in catalog.criteria}
        for section, row in _pending_rows(recognitions, chosen, self._dref):
            by_section[section].append(self._plan_row(section, row, findings, recognitions, render))
        recognised = {r.finding for r in recognitions}
        rest = [f for i, f in enumerate(findings) if i not in recognised]
        clear = [nothing_wrong(f.text) for f in rest]
        unrecognized = [
            Unrecognized(text=f.text, line=f.line, suggestions=suggest(f.text), left_out=left_out(f))
            for f, c in zip(rest, clear, strict=True)
            if not c
        ]
        kind = next((k for k in catalog.kinds if k.id == institution.kind), None)
        return Plan(
            institution=PlanInstitution(
                name=institution.name,
                kind=institution.kind,
                kind_title=kind.title if kind else None,
                forms=list(institution.forms),
            ),
            date=plan_date,
            year=schedule.year,
            catalog_version=catalog.settings.version,
            catalog_effective_from=catalog.settings.effective_from,
            items=items,
            unrecognized=unrecognized,
            no_deficiency=[self._fref(f) for f, c in zip(rest, clear, strict=True) if c],
            sections=[
                make(PlanSection, {"section": c.section, "title": c.title, "short": c.short, "rows": by_section[c.section]})
                for c in catalog.criteria
            ],
            scores=scores,
        )

    def _plan_row(
        self, section: Section, row: _PendingRow, findings: list[Finding], recognitions: list[Recognition], render: _Render
    ) -> PlanRow:
        if len(row.recs) == 1:  # most rows: one finding, one deficiency
            rec = recognitions[row.recs[0]]
            places: list[Place] = sorted(set(rec.places))
            refs = [self._fref(findings[rec.finding])]
            deficiencies = [rec.deficiency]
            indicators = [self._dref(rec.deficiency).indicator]
        else:
            recs = [recognitions[k] for k in row.recs]
            places = sorted({p for r in recs for p in r.places})
            refs = [self._fref(findings[i]) for i in sorted({r.finding for r in recs})]
            deficiencies = sorted({r.deficiency for r in recs})
            indicators = sorted({self._dref(d).indicator for d in deficiencies})
        return make(
            PlanRow,
            {
                "section": section,
                "indicators": indicators,
                "findings": refs,
                "deficiencies": deficiencies,
                "measure": render(row.chosen, places) if row.chosen else None,
                "manual": row.chosen is None,
            },
        )

    def _measure(
        self, cm: _ChosenMeasure, places: list[Place], institution: Institution, dues: Mapping[str, date | None]
    ) -> PlanMeasure:
        """A measure as the plan states it; it depends on these alone (the person only through the role)."""
        person = institution.people.get(self.catalog.measure(cm.measure).responsible) if institution.people else None
        due = dues[cm.measure]
        key = (cm.measure, cm.rule.id, tuple(places), due, person)
        got = self._rendered.get(key)  # ~60 per plan, nearly all known
        return got if got is not None else remembered(self._rendered, key, lambda: self._render(cm, places, person, due), CACHE_MAX)

    def _render(self, cm: _ChosenMeasure, places: list[Place], person: str | None, d: date | None) -> PlanMeasure:
        catalog = self.catalog
        m = catalog.measure(cm.measure)
        role = catalog.role_title(m.responsible)
        return PlanMeasure(
            id=m.id,
            text=m.text.replace(PLACE_TOKEN, place_text(catalog, places)),
            due=PERMANENT if d is None else d.isoformat(),
            due_text=due_text(d, m.due),
            due_spec=m.due,
            responsible=responsible_text(role, person),
            responsible_role=m.responsible,
            responsible_person=person,
            result=m.result.replace(PLACE_TOKEN, place_text(catalog, places)),
            basis=m.basis,
            rule=cm.rule.id,
            because=cm.rule.because,
        )

    def _dref(self, deficiency: str) -> DeficiencyRef:
        got = self._drefs.get(deficiency)  # a plan asks ~60 times: no closure when it is known
        if got is not None:
            return got

        def build() -> DeficiencyRef:
            d = self.catalog.deficiency(deficiency)
            crit, _ = self.catalog.criterion_of(d.indicator)
            return DeficiencyRef(id=d.id, title=d.title, indicator=d.indicator, criterion=crit.id, section=crit.section)

        return remembered(self._drefs, deficiency, build, CACHE_MAX)

    def _fref(self, f: Finding) -> FindingRef:
        got = self._frefs.get((f.text, f.line))
        if got is not None:
            return got
        return remembered(self._frefs, (f.text, f.line), lambda: make(FindingRef, {"text": f.text, "line": f.line}), FREFS_MAX)


_Render = Callable[[_ChosenMeasure, list[Place]], PlanMeasure]


def _pending_rows(
    recognitions: list[Recognition], chosen: list[list[_ChosenMeasure]], dref: Callable[[str], DeficiencyRef]
) -> list[tuple[Section, _PendingRow]]:
    """The rows of the official table in plan order: one per (section, measure), or one per unanswered
    (finding, deficiency)."""
    rows: dict[tuple[Section, str], _PendingRow] = {}
    for k, rec in enumerate(recognitions):
        section = dref(rec.deficiency).section
        if not chosen[k]:
            rows[(section, f"#manual{k}")] = _PendingRow((rec.finding, k, (0, 0, "", 0)), None, [k])
        for c in chosen[k]:
            row = rows.setdefault((section, c.measure), _PendingRow((rec.finding, k, c.rank), c, []))
            row.recs.append(k)
    return [(section, row) for (section, _), row in sorted(rows.items(), key=lambda kv: kv[1].order)]
