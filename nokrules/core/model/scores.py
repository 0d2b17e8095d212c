"""Scores by the methodology (приказ Минтруда № 344н): what the catalog says of them (`ScoresSpec`, from
catalog/scores.yaml), one institution's checklist and survey (`Assessment`), and what they come to
(`ScoresBlock`, part of the plan contract).

Formulas are named here (three kinds cover every indicator), their numbers — points per item, ceilings,
places, weights, thresholds — are data in the catalog, so a curator corrects them when the order changes."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field, model_validator

from nokrules.core.model.common import Contract, DeficiencyId, IndicatorId, Place, Strict

INDICATORS: tuple[str, ...] = get_args(IndicatorId)

# ---------------------------------------------------------------- catalog side (catalog/scores.yaml)

ItemKey = str  # «тарифы», «брайль»: how a column names a checklist item


class ChecklistItemSpec(Strict):
    """One numbered item of an expert indicator's checklist (1.1, 1.2, 2.1, 3.1, 3.2)."""

    n: int = Field(ge=1, le=99)
    key: ItemKey = Field(pattern=r"^[^\s.]+$")  # the column word: `3.2.брайль`
    title: str  # what is there when the item is met, as a noun phrase: «надписи шрифтом Брайля»
    aliases: list[str] = []  # other column words for the same item
    places: list[Place] = []  # 1.1 only: where the item is required (default: every place of the indicator)
    deficiency: bool = True  # false: an item whose absence is no deficiency (1.2 «иной способ»)


class IndicatorSpec(Strict):
    """How one indicator is scored.

    - `checklist_share`: 100 · mean over `places` of (items present / items required there) — 1.1;
    - `checklist_points`: `points` per item present, at most `cap` — 1.2, 2.1, 3.1, 3.2;
    - `survey`: 100 · satisfied / asked, the mean over `places` when there are places — 1.3, 2.2 … 5.3.
    A survey share below `threshold` (else the catalog-wide one) is a deficiency: `deficiency` (lint NOK311
    reports a survey indicator without one)."""

    formula: Literal["checklist_share", "checklist_points", "survey"]
    places: list[Place] = []
    points: float | None = Field(default=None, gt=0)
    cap: float = Field(default=100, gt=0, le=100)
    items: list[ChecklistItemSpec] = []
    deficiency: DeficiencyId | None = None
    threshold: float | None = Field(default=None, ge=0, le=100)

    @model_validator(mode="after")
    def _fits_formula(self) -> IndicatorSpec:
        if self.formula == "survey":
            if self.items or self.points is not None:
                raise ValueError("у опросного показателя (survey) нет пунктов (items) и баллов за пункт (points)")
        else:
            if not self.items:
                raise ValueError("у экспертного показателя нужен перечень пунктов (items)")
            if self.formula == "checklist_points" and self.points is None:
                raise ValueError("для checklist_points нужны баллы за пункт (points)")
            if self.formula == "checklist_share" and not self.places:
                raise ValueError("для checklist_share нужны места (places: [stand, site])")
        return self


class SphereSpec(Strict):
    """A sphere's weights: criterion number → indicator → weight (the weights of a criterion sum to 1)."""

    title: str
    weights: dict[int, dict[str, float]]

    @model_validator(mode="after")
    def _sum_to_one(self) -> SphereSpec:
        if sorted(self.weights) != [1, 2, 3, 4, 5]:
            raise ValueError("веса нужны для всех пяти критериев (1–5)")
        for crit, ws in self.weights.items():
            if abs(sum(ws.values()) - 1) > 1e-9:
                raise ValueError(f"веса критерия {crit} в сумме дают {sum(ws.values()):g}, а должны 1")
            if any(i.split(".")[0] != str(crit) for i in ws):
                raise ValueError(f"в весах критерия {crit} показатель другого критерия")
        return self


class ScoresSpec(Strict):
    threshold: float = Field(default=90, ge=0, le=100)
    sphere: str
    spheres: dict[str, SphereSpec]
    indicators: dict[str, IndicatorSpec]

    @model_validator(mode="after")
    def _sphere_known(self) -> ScoresSpec:
        bad = sorted(set(self.indicators) - set(INDICATORS))
        if bad:
            raise ValueError(f"показателя «{bad[0]}» в методике нет (ожидались 1.1–5.3)")
        if self.sphere not in self.spheres:
            raise ValueError(f"сфера «{self.sphere}» не описана в spheres")
        for name, s in self.spheres.items():
            missing = sorted({i for ws in s.weights.values() for i in ws} - set(self.indicators))
            if missing:
                raise ValueError(f"в весах сферы «{name}» показатель {missing[0]}, не описанный в indicators")
        return self

    def threshold_of(self, indicator: str) -> float:
        own = self.indicators[indicator].threshold
        return self.threshold if own is None else own


# ---------------------------------------------------------------- one institution's input


class ChecklistMark(Strict):
    """One checklist cell: item `indicator`.`n` at `place` (None: the item has no place) is there or not.
    `source` says where it was read («scores.csv, строка 3, столбец «3.2.брайль»»), for messages and explain."""

    indicator: IndicatorId
    n: int
    place: Place | None = None
    present: bool
    source: str = ""


class SurveyMark(Strict):
    """One survey result: satisfied of asked, or the share itself (percent)."""

    indicator: IndicatorId
    place: Place | None = None
    satisfied: float | None = None
    asked: float | None = None
    share: float | None = None
    source: str = ""


class Assessment(Strict):
    """One institution's checklist and survey, validated: each mark once, values in range."""

    checklist: list[ChecklistMark] = []
    survey: list[SurveyMark] = []


# ---------------------------------------------------------------- what they come to (plan contract: read tolerantly)


class MissingItem(Contract):
    """A checklist item at 0: the item number («3.2.2»), what it is, and where it is missing."""

    item: str
    title: str
    place: Place | None = None


class IndicatorScore(Contract):
    indicator: IndicatorId
    title: str
    source: Literal["expert", "survey"]
    value: float | None  # survey: the share, %; checklist: items present (all places together)
    points: float | None  # 0–100; None: not assessed
    threshold: float | None = None  # survey indicators: a share below it is a deficiency
    below_threshold: bool = False
    missing: list[MissingItem] = []


class CriterionScore(Contract):
    criterion: int
    section: str
    title: str
    points: float | None  # None: an indicator of the criterion was not assessed
    weights: dict[str, float]


class ScoresBlock(Contract):
    sphere: str
    indicators: list[IndicatorScore]
    criteria: list[CriterionScore]
    total: float | None  # the mean of the five criteria; None when one of them is missing
    missing: list[MissingItem]  # every checklist item at 0, in checklist order


class ScoreSource(Contract):
    """Where scores say a deficiency: the checklist item at 0 or the survey share below its threshold."""

    indicator: IndicatorId
    item: str | None = None  # «3.2.2» for a checklist item
    place: Place | None = None
    value: float | None = None  # the survey share, %
    threshold: float | None = None
