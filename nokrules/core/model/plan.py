"""The plan: the stable JSON contract `nokrules.plan/2`. Fields are only ever added, never renamed
(version 2 added the scores block and the score sources of items), so every model here reads tolerantly
(`Contract`: an unknown field is ignored)."""

from __future__ import annotations

from datetime import date as Date
from typing import Literal

from pydantic import ConfigDict, Field, model_validator

from nokrules.core.model.common import (
    Contract,
    DeficiencyId,
    FindingState,
    IndicatorId,
    MeasureId,
    RecognitionSource,
    RuleId,
    Section,
)
from nokrules.core.model.finding import Close, Outvoted
from nokrules.core.model.scores import ScoresBlock, ScoreSource

# ---------------------------------------------------------------- plan (JSON contract nokrules.plan/2)


class PlanInstitution(Contract):
    name: str
    kind: str | None
    kind_title: str | None = None
    forms: list[str] = []


class FindingRef(Contract):
    text: str
    line: int


class DeficiencyRef(Contract):
    id: DeficiencyId
    title: str
    indicator: IndicatorId
    criterion: int
    section: Section


class PlanMeasure(Contract):
    id: MeasureId
    text: str
    due: str  # ISO date "YYYY-MM-DD" or "постоянно"
    due_text: str  # «до 31.03.2027», «I квартал 2027 г.» (quarter dues) or «постоянно»
    due_spec: str
    responsible: str  # the role title, then « — » and the person when the institution profile names one (column 4)
    responsible_role: str
    responsible_person: str | None = None
    result: str
    basis: str | None
    rule: RuleId
    because: str


class PlanItem(Contract):
    finding: FindingRef
    deficiency: DeficiencyRef
    measures: list[PlanMeasure]
    # how the deficiency was recognised (see RecognitionSource); the finding's words that decided; the state
    # the finding gives (absent, broken, …)
    recognised_by: RecognitionSource = "pattern"
    words: list[str] = []
    state: FindingState | None = None
    # the checklist items and survey shares that show the same deficiency: both sources when the text
    # found it too (recognised_by is then how the text was read), the only one when recognised_by is scores
    scores: list[ScoreSource] = []
    # recognised_by similarity: the labelled phrasings the finding was closest to; model: the closest of its deficiency
    close: list[Close] = []


class Suggestion(Contract):
    id: DeficiencyId
    title: str
    score: float


class Unrecognized(Contract):
    text: str
    line: int
    suggestions: list[Suggestion]
    # what a pattern or a concept found and the labelled phrasings closest to the line vetoed (see Outvoted)
    left_out: list[Outvoted] = []


class PlanRow(Contract):
    """A row of the official table: one measure, listing every finding it answers."""

    section: Section
    indicators: list[IndicatorId]
    findings: list[FindingRef]
    deficiencies: list[DeficiencyId]
    measure: PlanMeasure | None  # None: the finding needs a measure written by hand
    manual: bool = False


class PlanSection(Contract):
    section: Section
    title: str
    short: str
    rows: list[PlanRow]


class Plan(Contract):
    schema_: Literal["nokrules.plan/2"] = Field(default="nokrules.plan/2", alias="schema")
    institution: PlanInstitution
    date: Date
    # the year the plan is for: «на 2027 год» (a plan dated in October–December is next year's); a plan written
    # before the field existed is read with the year its date gives
    year: int
    catalog_version: str
    catalog_effective_from: Date
    items: list[PlanItem]
    unrecognized: list[Unrecognized]
    sections: list[PlanSection]
    # lines that say nothing is wrong («замечаний по показателю нет», «соответствует требованиям»): no measure
    no_deficiency: list[FindingRef] = []
    # the checklist and survey scores, when the plan was drafted from them (plan --scores)
    scores: ScoresBlock | None = None

    model_config = ConfigDict(extra="ignore", frozen=True, populate_by_name=True)

    @model_validator(mode="before")
    @classmethod
    def _year_of_older_plans(cls, data: object) -> object:
        if isinstance(data, dict) and "year" not in data and "date" in data:
            from nokrules.core.dates import plan_year

            day = data["date"]
            data = {**data, "year": plan_year(day if isinstance(day, Date) else Date.fromisoformat(str(day)))}
        return data

    def to_json(self) -> str:
        return self.model_dump_json(by_alias=True, indent=2) + "\n"
