"""Pydantic models: the contract between catalog loading, recognition, the engine, the planner and output.

Catalog models forbid unknown keys, because curators edit the YAML by hand and a misspelt key must be
an error with a line number, not a silently ignored setting. Plan models are the stable JSON contract
`nokrules.plan/1`: fields are only ever added, never renamed.
"""

from __future__ import annotations

import re
from datetime import date as Date
from functools import cached_property
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

DeficiencyId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
MeasureId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
RuleId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")]
IndicatorId = Literal["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3", "5.1", "5.2", "5.3"]
Section = Literal["I", "II", "III", "IV", "V"]
Place = Literal["site", "stand"]

DUE_RE = re.compile(
    r"^(?:\+(?P<n>[1-9]\d{0,2}) (?P<unit>days?|workdays?|weeks?|months?)"
    r"|end_of_month|end_of_quarter|end_of_next_quarter|end_of_half_year|end_of_year|permanent)$"
)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ---------------------------------------------------------------- catalog


class PlaceText(Strict):
    words: list[str] = Field(min_length=1)
    text: str


class Places(Strict):
    site: PlaceText
    stand: PlaceText
    both_text: str


class Settings(Strict):
    version: str = Field(pattern=r"^\d+\.\d+\.\d+$")
    effective_from: Date
    title: str
    cues: list[str] = Field(min_length=1)
    places: Places
    horizon_months: int = Field(ge=1, le=36)
    groups: dict[str, Literal["collect", "unique", "any", "priority", "first"]] = {}


class Indicator(Strict):
    id: IndicatorId
    title: str
    source: Literal["expert", "survey"]


class Criterion(Strict):
    id: int = Field(ge=1, le=5)
    section: Section
    title: str
    short: str
    indicators: list[Indicator]


class Form(Strict):
    id: str
    title: str


class Kind(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str
    forms: list[str] = Field(min_length=1)
    aliases: list[str] = []


class Role(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str


class Pattern(Strict):
    """One way to say a deficiency: every `all` element, one of `any`, none of `none`."""

    all: list[str] = []
    any: list[str] = []
    none: list[str] = []

    @model_validator(mode="after")
    def _not_empty(self) -> Pattern:
        if not self.all and not self.any:
            raise ValueError("шаблон должен содержать all или any")
        return self


class Deficiency(Strict):
    id: DeficiencyId
    indicator: IndicatorId
    title: str
    patterns: list[Pattern] = Field(min_length=1)
    places: list[Place] = []
    value: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9_]*$")
    cue: bool = True
    unless: list[DeficiencyId] = []
    examples: list[str] = []
    counterexamples: list[str] = []
    todo: list[str] = []


class Measure(Strict):
    id: MeasureId
    text: str
    due: str
    responsible: str
    result: str
    basis: str | None = None
    excludes: list[MeasureId] = []

    @field_validator("due")
    @classmethod
    def _due_grammar(cls, v: str) -> str:
        if not DUE_RE.match(v):
            raise ValueError(
                "срок должен быть вида «+N days|workdays|weeks|months», end_of_month, end_of_quarter, "
                "end_of_next_quarter, end_of_half_year, end_of_year или permanent"
            )
        return v


class Comparison(Strict):
    lt: float | None = None
    le: float | None = None
    gt: float | None = None
    ge: float | None = None
    eq: float | None = None

    @model_validator(mode="after")
    def _one_at_least(self) -> Comparison:
        if all(getattr(self, k) is None for k in ("lt", "le", "gt", "ge", "eq")):
            raise ValueError("нужно хотя бы одно из lt, le, gt, ge, eq")
        return self

    def holds(self, x: float) -> bool:
        return (
            (self.lt is None or x < self.lt)
            and (self.le is None or x <= self.le)
            and (self.gt is None or x > self.gt)
            and (self.ge is None or x >= self.ge)
            and (self.eq is None or x == self.eq)
        )


class When(Strict):
    deficiency: DeficiencyId | None = None
    all: list[DeficiencyId] = []
    kind: list[str] = []
    form: list[str] = []
    place: Place | None = None
    value: dict[str, Comparison] = {}

    @model_validator(mode="after")
    def _exactly_one_trigger(self) -> When:
        if (self.deficiency is None) == (not self.all):
            raise ValueError("укажите либо deficiency, либо all (список недостатков)")
        if self.all and len(set(self.all)) < max(2, len(self.all)):
            raise ValueError("all должен содержать не меньше двух разных недостатков")
        return self

    @property
    def deficiencies(self) -> list[str]:
        return [self.deficiency] if self.deficiency else list(self.all)


class Rule(Strict):
    id: RuleId
    when: When
    then: list[MeasureId] = Field(min_length=1)
    priority: int = 0
    replaces: list[MeasureId] = []
    group: str | None = None
    because: str


class Catalog(Strict):
    """A loaded, cross-checked catalog. `digest` identifies its content (ruleset names use it)."""

    root: str
    digest: str
    settings: Settings
    criteria: list[Criterion]
    forms: list[Form]
    kinds: list[Kind]
    roles: list[Role]
    deficiencies: list[Deficiency]
    measures: list[Measure]
    rules: list[Rule]

    @cached_property
    def _deficiencies(self) -> dict[str, Deficiency]:
        return {d.id: d for d in self.deficiencies}

    @cached_property
    def _measures(self) -> dict[str, Measure]:
        return {m.id: m for m in self.measures}

    @cached_property
    def _rules(self) -> dict[str, Rule]:
        return {r.id: r for r in self.rules}

    @cached_property
    def rule_order(self) -> dict[str, int]:
        """Rule id → its position in the catalog (rules/ files in name order): the «first» group policy."""
        return {r.id: k for k, r in enumerate(self.rules)}

    @cached_property
    def _indicators(self) -> dict[str, tuple[Criterion, Indicator]]:
        return {i.id: (c, i) for c in self.criteria for i in c.indicators}

    @cached_property
    def exclusions(self) -> dict[str, frozenset[str]]:
        """Measure id → the measures it may not share a plan with (declared on either side)."""
        out: dict[str, set[str]] = {m.id: set(m.excludes) for m in self.measures}
        for m in self.measures:
            for x in m.excludes:
                out.setdefault(x, set()).add(m.id)
        return {k: frozenset(v) for k, v in out.items()}

    def deficiency(self, id: str) -> Deficiency:
        return self._deficiencies[id]

    def measure(self, id: str) -> Measure:
        return self._measures[id]

    def rule(self, id: str) -> Rule:
        return self._rules[id]

    def role_title(self, id: str) -> str:
        return next(r.title for r in self.roles if r.id == id)

    def criterion_of(self, indicator: str) -> tuple[Criterion, Indicator]:
        return self._indicators[indicator]


class ScenarioInstitution(Strict):
    name: str = ""
    kind: str | None = None
    forms: list[str] = []


class Scenario(Strict):
    """A curator's end-to-end check: institution + pasted findings → measures that must / must not appear."""

    name: str
    institution: ScenarioInstitution = ScenarioInstitution()
    date: Date | None = None
    findings: str
    deficiencies: list[DeficiencyId] | None = None
    must: list[MeasureId] = []
    must_not: list[MeasureId] = []
    unrecognized: int | None = None


class ProtocolInstitution(Strict):
    """One institution as a protocol lists it: its findings as pasted text, and what the protocol says of it."""

    number: int | None = None
    name: str
    kind: str | None = None  # as written in the protocol («Центры социального обслуживания населения»)
    score: float | None = None  # integral score
    rank: int | None = None  # place in the rating
    findings: str  # one finding per line (bullets allowed), as text fed to the plan
    findings_line: int = 1  # line (or table row) of the source where the findings start
    human_plan: list[str] = []  # the institution's own plan lines, when the protocol has them


class Protocol(Strict):
    source: str  # file name as given
    format: str  # text | docx | csv | xlsx | yaml | json
    institutions: list[ProtocolInstitution]


# ---------------------------------------------------------------- input and recognition


class Approver(Strict):
    position: str = ""  # e.g. «Министр социальной защиты населения Владимирской области»
    name: str = ""


class Profile(Strict):
    """An institution profile (YAML): who it is, who approves its plan, and people for the roles."""

    name: str = ""
    kind: str | None = None
    forms: list[str] = []
    people: dict[str, str] = {}
    founder: str = ""  # учредитель / орган, в ведении которого находится организация
    approver: Approver = Approver()


class Institution(Strict):
    name: str = ""
    kind: str | None = None
    forms: list[str] = []
    people: dict[str, str] = {}


class Finding(Strict):
    """One deficiency statement as pasted: its text and the 1-based line where it starts."""

    text: str
    line: int
    end_line: int = 0  # last line of the input the finding spans (0: same as line)


class Choice(Strict):
    """An unrecognised finding assigned to a deficiency by hand, e.g. a suggestion picked on the web page.
    `line` is where the finding starts; `text`, when given, picks one of several findings on that line."""

    line: int = Field(ge=1)
    deficiency: DeficiencyId
    text: str | None = None


class Match(Strict):
    """Where a pattern element matched: the element and the words of the finding it covered."""

    element: str
    words: list[str]


class Recognition(Strict):
    finding: int  # index into the findings list
    deficiency: DeficiencyId
    pattern: int
    matches: list[Match]
    places: list[Place]
    values: dict[str, float]


class Firing(Strict):
    """One rule fired on one set of recognitions (indexes into the recognitions list)."""

    rule: RuleId
    recognitions: list[int]


# ---------------------------------------------------------------- plan (JSON contract nokrules.plan/1)


class PlanInstitution(Strict):
    name: str
    kind: str | None
    kind_title: str | None = None
    forms: list[str] = []


class FindingRef(Strict):
    text: str
    line: int


class DeficiencyRef(Strict):
    id: DeficiencyId
    title: str
    indicator: IndicatorId
    criterion: int
    section: Section


class PlanMeasure(Strict):
    id: MeasureId
    text: str
    due: str  # ISO date "YYYY-MM-DD" or "постоянно"
    due_text: str  # «до 31.03.2027», «I квартал 2027 г.» (quarter dues) or «постоянно»
    due_spec: str
    responsible: str  # the role title, followed by the person when the institution profile names one
    responsible_role: str
    responsible_person: str | None = None
    result: str
    basis: str | None
    rule: RuleId
    because: str


class PlanItem(Strict):
    finding: FindingRef
    deficiency: DeficiencyRef
    measures: list[PlanMeasure]


class Suggestion(Strict):
    id: DeficiencyId
    title: str
    score: float


class Unrecognized(Strict):
    text: str
    line: int
    suggestions: list[Suggestion]


class PlanRow(Strict):
    """A row of the official table: one measure, listing every finding it answers."""

    section: Section
    indicators: list[IndicatorId]
    findings: list[FindingRef]
    deficiencies: list[DeficiencyId]
    measure: PlanMeasure | None  # None: the finding needs a measure written by hand
    manual: bool = False


class PlanSection(Strict):
    section: Section
    title: str
    short: str
    rows: list[PlanRow]


class Plan(Strict):
    schema_: Literal["nokrules.plan/1"] = Field(default="nokrules.plan/1", alias="schema")
    institution: PlanInstitution
    date: Date
    catalog_version: str
    catalog_effective_from: Date
    items: list[PlanItem]
    unrecognized: list[Unrecognized]
    sections: list[PlanSection]

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    def to_json(self) -> str:
        return self.model_dump_json(by_alias=True, indent=2) + "\n"
