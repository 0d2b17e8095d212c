"""Batch results → the numbers of the regional summary. Pure: the same results give the same RegionalSummary.

Counting conventions (every table uses them, so the numbers add up):
- a finding is a line of an institution's findings: recognised ones are the distinct (line, text) of the
  plan's items, unrecognised ones are the plan's `unrecognized`;
- a deficiency is one (finding, deficiency) item of a plan, so a line naming three defects counts three;
- a measure is a row of the plan table that has a measure (rows that need one written by hand are `manual`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from nokrules.core.model import Catalog, Criterion, Plan, PlanItem, ProtocolInstitution, Suggestion
from nokrules.protocols.summary.scores import ScoreExtract, ScoresSummary, score_extract, summarize_scores

if TYPE_CHECKING:
    from nokrules.core.engine import Engine

TOP = 15  # the most frequent deficiencies listed
T = TypeVar("T")


@dataclass(frozen=True)
class BatchResult:
    """One institution of a protocol and the plan drafted for it."""

    entry: ProtocolInstitution
    plan: Plan
    file: str  # the plan file written for it, relative to the summary
    kind_id: str | None  # the catalog kind it resolved to, None if not recognised


class EntryExtract(NamedTuple):
    """The protocol entry as the summary and the reports name it: no findings text, no own plan, no scores."""

    name: str
    kind: str | None
    number: int | None
    score: float | None
    rank: int | None
    findings_line: int


@dataclass(frozen=True, slots=True)
class PlanExtract:
    """What the summary needs of one drafted plan, small enough to keep for 150,000 institutions (under 1 KB
    each once `Sharing` has met its like): the protocol entry without its text, per recognised finding its
    deficiency ids, the unrecognised lines, counts, and the comparison with the institution's own plan (made
    where the full plan is at hand)."""

    entry: EntryExtract
    file: str
    kind_id: str | None
    findings: tuple[tuple[int, tuple[str, ...]], ...]  # (line, deficiency ids) per recognised finding
    unrecognised: tuple[tuple[int, str, tuple[str, ...]], ...]  # (line, text, closest «title (сходство N из 100)», best first)
    measures: int
    manual: int
    comparison: OwnPlanCoverage | None
    scores: ScoreExtract | None = None  # total, criteria and indicators below threshold, for a scores table


SUGGESTION_MIN_SCORE = 35.0  # of 100: below it a suggestion shares hardly a word with the line (noise scores 2–3)


class Sharing:
    """Makes the extracts a batch keeps share what repeats from one institution to the next: a finding's
    (line, deficiency ids), the ids and kind names, the indicators below threshold. Extracts arrive from the
    workers pickled, each with copies of its own; 150,000 of them would otherwise hold 150,000 copies. One
    per batch; it holds only values that recur (no name, no number), bounded by the catalog and the lines."""

    def __init__(self) -> None:
        self._seen: dict[object, object] = {}

    def _one(self, x: T) -> T:
        return self._seen.setdefault(x, x)  # type: ignore[return-value]

    def __call__(self, x: PlanExtract) -> PlanExtract:
        one = self._one
        e = x.entry
        scores = x.scores
        if scores is not None:
            scores = ScoreExtract(scores.total, scores.criteria, one(scores.below))
        return PlanExtract(
            entry=e._replace(kind=one(e.kind)),
            file=x.file,
            kind_id=one(x.kind_id),
            findings=tuple(one(f) for f in x.findings),
            unrecognised=x.unrecognised,
            measures=x.measures,
            manual=x.manual,
            comparison=x.comparison,
            scores=scores,
        )


def suggestion_labels(suggestions: list[Suggestion]) -> tuple[str, ...]:
    """The suggestions the ministry is shown: only those close enough to mean something."""
    return tuple(suggestion_label(s) for s in suggestions if s.score >= SUGGESTION_MIN_SCORE)


def suggestion_label(s: Suggestion) -> str:
    """A suggested deficiency as the ministry reads it: its title and how close it is, no id."""
    return f"{s.title} (сходство {s.score:.0f} из 100)"


def extract_plan(engine: Engine, r: BatchResult) -> PlanExtract:
    groups = _finding_groups(r.plan)
    rows = [row for sec in r.plan.sections for row in sec.rows]
    e = r.entry
    return PlanExtract(
        entry=EntryExtract(e.name, e.kind, e.number, e.score, e.rank, e.findings_line),
        file=r.file,
        kind_id=r.kind_id,
        findings=tuple((line, tuple(it.deficiency.id for it in items)) for (line, _), items in groups.items()),
        unrecognised=tuple((u.line, u.text, suggestion_labels(u.suggestions)) for u in r.plan.unrecognized),
        measures=sum(row.measure is not None for row in rows),
        manual=sum(row.measure is None for row in rows),
        comparison=_own_plan_coverage(engine, r) if r.entry.human_plan else None,
        scores=score_extract(engine.catalog, r.plan.scores) if r.plan.scores is not None else None,
    )


@dataclass(frozen=True)
class Totals:
    institutions: int
    findings: int
    recognised: int
    unrecognised: int
    deficiencies: int
    measures: int
    manual: int


@dataclass(frozen=True)
class InstitutionRow:
    number: int | None
    name: str
    kind: str
    file: str
    score: float | None
    rank: int | None
    findings: int
    recognised: int
    unrecognised: int
    deficiencies: int
    measures: int
    manual: int


@dataclass(frozen=True)
class IndicatorCount:
    id: str
    title: str
    section: str
    deficiencies: int
    institutions: int


@dataclass(frozen=True)
class SectionCount:
    section: str
    title: str
    deficiencies: int
    institutions: int


@dataclass(frozen=True)
class KindCount:
    title: str
    known: bool  # a catalog kind (False: the kind as written in the protocol)
    institutions: int
    findings: int
    deficiencies: int
    measures: int


@dataclass(frozen=True)
class FrequentDeficiency:
    id: str
    title: str
    indicator: str
    institutions: int
    share: float  # of all institutions, 0..1
    occurrences: int


@dataclass(frozen=True)
class UnrecognisedLine:
    institution: str
    file: str
    line: int
    text: str
    suggestion: str | None  # «title (сходство N из 100)» of the closest catalog deficiency


@dataclass(frozen=True)
class UncoveredFinding:
    line: int
    text: str
    deficiencies: tuple[str, ...]  # titles
    measures: tuple[str, ...]  # the draft's measures for it; empty: to be written by hand


@dataclass(frozen=True)
class OwnPlanCoverage:
    """An institution's own plan (from the protocol) against its recognised findings."""

    institution: str
    file: str
    human_lines: int
    recognised: int  # findings with at least one recognised deficiency
    uncovered: tuple[UncoveredFinding, ...]

    @property
    def covered(self) -> int:
        return self.recognised - len(self.uncovered)


@dataclass(frozen=True)
class RegionalSummary:
    catalog_version: str
    totals: Totals
    institutions: tuple[InstitutionRow, ...]
    indicators: tuple[IndicatorCount, ...]
    sections: tuple[SectionCount, ...]
    kinds: tuple[KindCount, ...]
    frequent: tuple[FrequentDeficiency, ...]
    unrecognised: tuple[UnrecognisedLine, ...]
    comparisons: tuple[OwnPlanCoverage, ...]
    scores: ScoresSummary | None = None  # when the institutions came with checklist and survey scores

    @property
    def consistent(self) -> bool:
        """Do the tables add up: findings, deficiencies by indicator, by section, by kind, by institution?"""
        t = self.totals
        return (
            t.findings == t.recognised + t.unrecognised
            and t.findings == sum(r.findings for r in self.institutions)
            and t.unrecognised == len(self.unrecognised)
            and t.deficiencies == sum(i.deficiencies for i in self.indicators)
            and t.deficiencies == sum(s.deficiencies for s in self.sections)
            and t.deficiencies == sum(k.deficiencies for k in self.kinds)
            and t.institutions == sum(k.institutions for k in self.kinds)
        )


def _finding_groups(plan: Plan) -> dict[tuple[int, str], list[PlanItem]]:
    """Recognised findings (line, text) → their items, in line order."""
    groups: dict[tuple[int, str], list[PlanItem]] = {}
    for it in plan.items:
        groups.setdefault((it.finding.line, it.finding.text), []).append(it)
    return dict(sorted(groups.items()))


def _kind_title(titles: dict[str, str], r: PlanExtract) -> tuple[str, bool]:
    title = titles.get(r.kind_id or "")
    if title is not None:
        return title, True
    return (r.entry.kind or "вид не указан").strip(), False


def _institution_row(titles: dict[str, str], r: PlanExtract) -> InstitutionRow:
    return InstitutionRow(
        number=r.entry.number,
        name=r.entry.name,
        kind=_kind_title(titles, r)[0],
        file=r.file,
        score=r.entry.score,
        rank=r.entry.rank,
        findings=len(r.findings) + len(r.unrecognised),
        recognised=len(r.findings),
        unrecognised=len(r.unrecognised),
        deficiencies=sum(map(len, map(itemgetter(1), r.findings))),
        measures=r.measures,
        manual=r.manual,
    )


def _own_plan_coverage(engine: Engine, r: BatchResult) -> OwnPlanCoverage:
    addressed = {d for line in r.entry.human_plan for d in engine.recognizer.mentions(line)}
    groups = _finding_groups(r.plan)
    uncovered = []
    for (line, text), items in groups.items():
        if any(it.deficiency.id in addressed for it in items):
            continue
        defs = tuple(dict.fromkeys(it.deficiency.title for it in items))
        measures = tuple(dict.fromkeys(m.text for it in items for m in it.measures))
        uncovered.append(UncoveredFinding(line, text, defs, measures))
    return OwnPlanCoverage(r.entry.name, r.file, len(r.entry.human_plan), len(groups), tuple(uncovered))


def summarize(engine: Engine, items: Sequence[BatchResult | PlanExtract]) -> RegionalSummary:
    """The regional summary of a batch: counts, tables and comparisons (no file I/O). Takes full results
    or their extracts (what `nokrules batch` keeps for a national run)."""
    catalog = engine.catalog
    results = [r if isinstance(r, PlanExtract) else extract_plan(engine, r) for r in items]
    titles = {k.id: k.title for k in catalog.kinds}  # looked up twice per institution: 300,000 times nationally
    inst_rows = [_institution_row(titles, r) for r in results]
    tally = _Tally.of(catalog, results)
    return RegionalSummary(
        catalog_version=catalog.settings.version,
        totals=_totals(inst_rows),
        institutions=tuple(sorted(inst_rows, key=lambda x: (-x.findings, x.name, x.number or 0))),
        indicators=tuple(
            IndicatorCount(i.id, i.title, c.section, tally.by_indicator[i.id], tally.inst_by_indicator[i.id])
            for c in catalog.criteria
            for i in c.indicators
        ),
        sections=tuple(_section_count(c, tally) for c in catalog.criteria),
        kinds=_kind_counts(titles, results, inst_rows),
        frequent=_frequent(tally, len(results)),
        unrecognised=tuple(
            UnrecognisedLine(r.entry.name, r.file, line, text, sugg[0] if sugg else None)
            for r in results
            for line, text, sugg in r.unrecognised
        ),
        comparisons=tuple(r.comparison for r in results if r.comparison is not None),
        scores=summarize_scores(catalog, [(r.entry.name, r.file, r.scores) for r in results]),
    )


@dataclass
class _Tally:
    """Recognised deficiencies counted by indicator, section and id, each also as the number of institutions
    it occurs in."""

    by_indicator: Counter[str] = field(default_factory=Counter)
    inst_by_indicator: Counter[str] = field(default_factory=Counter)
    inst_by_section: Counter[str] = field(default_factory=Counter)
    by_deficiency: Counter[str] = field(default_factory=Counter)
    inst_by_deficiency: Counter[str] = field(default_factory=Counter)
    refs: dict[str, tuple[str, str]] = field(default_factory=dict)  # id → (title, indicator) as the plans have it

    @classmethod
    def of(cls, catalog: Catalog, results: list[PlanExtract]) -> _Tally:
        """Counted by the iterators of the standard library, not pair by pair in Python: a national run has
        2,000,000 (finding, deficiency) pairs, and this runs after the last plan, while the workers wait."""
        t = cls()
        t.by_deficiency = Counter(_ids(chain.from_iterable(r.findings for r in results)))
        present = [frozenset(_ids(r.findings)) for r in results]
        t.inst_by_deficiency = Counter(chain.from_iterable(present))
        section: dict[str, str] = {i.id: c.section for c in catalog.criteria for i in c.indicators}
        indicator: dict[str, str] = {}
        for did, n in t.by_deficiency.items():
            d = catalog.deficiency(did)
            indicator[did] = d.indicator
            t.by_indicator[d.indicator] += n
            t.refs[did] = (d.title, d.indicator)
        indicators = [frozenset(map(indicator.__getitem__, ids)) for ids in present]
        t.inst_by_indicator = Counter(chain.from_iterable(indicators))
        t.inst_by_section = Counter(chain.from_iterable({section[i] for i in ids if i in section} for ids in indicators))
        return t


def _ids(findings: Iterable[tuple[int, tuple[str, ...]]]) -> Iterator[str]:
    """The deficiency ids of (line, ids) findings, one per item."""
    return chain.from_iterable(map(itemgetter(1), findings))


def _totals(inst_rows: list[InstitutionRow]) -> Totals:
    return Totals(
        institutions=len(inst_rows),
        findings=sum(x.findings for x in inst_rows),
        recognised=sum(x.recognised for x in inst_rows),
        unrecognised=sum(x.unrecognised for x in inst_rows),
        deficiencies=sum(x.deficiencies for x in inst_rows),
        measures=sum(x.measures for x in inst_rows),
        manual=sum(x.manual for x in inst_rows),
    )


def _section_count(c: Criterion, tally: _Tally) -> SectionCount:
    return SectionCount(
        c.section,
        c.short,
        sum(tally.by_indicator[i.id] for i in c.indicators),
        tally.inst_by_section[c.section],
    )


def _kind_counts(titles: dict[str, str], results: list[PlanExtract], inst_rows: list[InstitutionRow]) -> tuple[KindCount, ...]:
    """Institutions by kind: the catalog's kinds by title, the others as the protocol writes them."""
    kinds: dict[tuple[str, bool], list[InstitutionRow]] = {}
    for r, row in zip(results, inst_rows, strict=True):
        kinds.setdefault(_kind_title(titles, r), []).append(row)
    counts = (
        KindCount(
            title,
            known,
            len(rows),
            sum(x.findings for x in rows),
            sum(x.deficiencies for x in rows),
            sum(x.measures for x in rows),
        )
        for (title, known), rows in kinds.items()
    )
    return tuple(sorted(counts, key=lambda k: (-k.institutions, not k.known, k.title)))


def _frequent(tally: _Tally, n: int) -> tuple[FrequentDeficiency, ...]:
    """The TOP deficiencies found in most institutions (then most often, then by indicator and id)."""
    insts, times, refs = tally.inst_by_deficiency, tally.by_deficiency, tally.refs
    ranked = sorted(times, key=lambda d: (-insts[d], -times[d], refs[d][1], d))
    return tuple(FrequentDeficiency(d, refs[d][0], refs[d][1], insts[d], insts[d] / n, times[d]) for d in ranked[:TOP])
