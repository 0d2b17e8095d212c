"""The catalog contract: settings, criteria, kinds and forms, roles, deficiencies with their patterns,
measures and rules, as loaded from catalog/ and rules/."""

from __future__ import annotations

import hashlib
from datetime import date as Date
from functools import cached_property
from typing import Any, Literal, Self

from pydantic import Field, field_validator, model_validator

from nokrules.core.model.common import (
    DUE_RE,
    ChecklistItem,
    DeficiencyId,
    FindingState,
    IndicatorId,
    MeasureId,
    Place,
    RuleId,
    Section,
    Strict,
)
from nokrules.core.model.scores import ScoresSpec

# ---------------------------------------------------------------- catalog


class PlaceText(Strict):
    words: list[str] = Field(min_length=1)
    text: str


class Places(Strict):
    site: PlaceText
    stand: PlaceText
    both_text: str


class Signals(Strict):
    """Words that say something is wrong with what a finding names, by the state they describe (dictionary
    forms, phrases allowed). A concept (see `Concept`) matches only where one of them stands in the same
    part of the finding as its object; the state picks the measure (repair what is broken, complete what is
    partial). `low` words say a level is low without naming a state; `survey` words and shares mark a
    survey result, which the council lists as a finding whatever the share."""

    broken: list[str] = []
    noncompliant: list[str] = []
    worn: list[str] = []
    partial: list[str] = []
    absent: list[str] = []
    low: list[str] = []
    survey: list[str] = []
    scores: list[str] = []  # score words: a survey result for survey indicators, no problem for expert ones
    # what a recommendation asks to do, by the state of the thing it implies: «установить», «обеспечить наличие» →
    # absent, «отремонтировать» → broken, «заменить» → worn, «дооборудовать» → partial, «привести в
    # соответствие» → noncompliant. A verb counts as an infinitive only («рекомендуется установить», «обеспечить
    # доступ»): «установлен», «размещена» say the thing is there
    remedies: dict[FindingState, list[str]] = {}
    contrast: list[str] = []  # words that open a new part of a finding («пандус есть, но без поручней»)
    present: list[str] = []  # words that say a thing is there: a clause with one and no signal names no place
    # fixes that, told in the past («кулер установили», «пандус отремонтировали»), say the thing is there now
    done: list[str] = []
    ignore: list[str] = []  # phrases whose words are no signal there («с нарушением слуха», «не менее»)
    clear: list[str] = []  # phrases that say nothing is wrong («замечаний нет»): such a part names no deficiency
    # words for a problem that a denial turns into «nothing is wrong»: each `clear_nouns` word with each
    # `denials` word in either order («нареканий нет», «нет нареканий», «претензий не поступало») and after
    # each `denials_before` word («без замечаний», «отсутствие жалоб»; «жалоба на отсутствие пандуса» is one)
    clear_nouns: list[str] = []
    # words that are a complement as often («ящик для жалоб», «порядок подачи жалоб на действия работников»): one
    # says nothing is wrong only at the head of its part, framed and denied («жалоб на питание не поступало»)
    framed_nouns: list[str] = []
    denials: list[str] = []
    denials_before: list[str] = []
    # words that name only where or which document («корпус», «этаж», «акт»): a clause of nothing else, with its
    # numbers and names («(7 этаж, кабинет 12)», «акт № 5 от 12.03.2026»), says nothing of the deficiency
    where: list[str] = []
    # an inspector's short cuts and the words they stand for («инв» → «инвалид», «соц» → «социальный»): a cut is read
    # as its words before a dot («мед. обслуживание»), and one the dictionary does not know («инв», «каб») anywhere
    cuts: dict[str, list[str]] = {}
    # a survey line whose every share is at least this, with no word of a problem, says nothing is wrong
    # («удовлетворены комфортностью 97,4 %»); below it the share is a finding («вежливостью довольны 91 %»)
    satisfied: float = Field(default=100.0, ge=0, le=100)
    # a word used by more than this share (%) of the deficiencies («информация», «сайт», «услуга») names a kind of
    # thing: a deficiency whose words hang on it («информация о размере платы») is no echo of another
    generic_share: float = Field(default=12.5, ge=0, le=100)
    # the timeliness indicator: a wait told in minutes within the norm («время ожидания — 7 минут», «ждут не дольше 15
    # минут»; concepts.MAX_WAIT_MINUTES) names none of its deficiencies (None: waits are not read so)
    waiting_indicator: str | None = None


class ContestSpec(Strict):
    """When two deficiencies are found in one finding, the labelled phrasings closest to the place of one's own
    words may name the other instead: then the first is left out (see Recognizer._outvoted). The place's nearest
    phrasing must be at least `min_similarity` close, the doubted deficiency get at most `max_own` of their vote
    and the other at least `min_rival`: a place the labelled findings do not know, or split on, keeps both."""

    min_similarity: float = Field(default=0.35, gt=0, le=1)
    max_own: float = Field(default=0.2, ge=0, lt=1)
    min_rival: float = Field(default=0.3, gt=0, le=1)


class VetoSpec(Strict):
    """A second opinion on what a pattern or a concept found: the labelled phrasings closest to the whole finding may
    clearly name another deficiency (see Recognizer._vetoed). The nearest must be at least `min_similarity` close, one
    other deficiency get at least `min_rival` of their vote, and the closest phrasing labelled with the found
    deficiency be at most `max_own` times as close as the nearest, for the finding and at most `max_own_place` times
    for each place of the deficiency's own words: a deficiency that some close phrasing names stays. The phrasings'
    silence says something only of a deficiency they know: one with fewer than `min_known` of them is never vetoed.
    A hit the model of the phrasings (`model`) gives at least `max_model` over the whole finding is not vetoed: a few
    close phrasings are not all of them (1, the default, never asks it).
    The defaults suit a pool of a few thousand phrasings; catalog/similarity.yaml sets its own for its larger pool."""

    min_similarity: float = Field(default=0.35, gt=0, le=1)
    min_rival: float = Field(default=0.4, gt=0, le=1)
    max_own: float = Field(default=0.45, ge=0, lt=1)
    max_own_place: float = Field(default=0.7, ge=0, le=1)
    min_known: int = Field(default=20, ge=1)
    max_model: float = Field(default=1.0, gt=0, le=1)


class ModelSpec(Strict):
    """The third stage (see classifier.py): a logistic model of the same phrasings, for a finding the closest ones
    left alone. Its deficiency is taken only at a probability of at least `min_probability`; `c` is the inverse of
    its L2 penalty: the smaller, the more a word's weight is held back (the same phrasings and settings give the
    same model, trained to convergence, so one phrasing more or less moves it little). It is
    also a second opinion on what a pattern, a concept or the closest phrasings found: a deficiency it gives less than
    `min_found` over the whole finding is left out (see Recognizer._doubted; 0, the default, asks it nothing). A
    clause of two words that no hit touched is taken only at `min_short` («воды нет» may be anyone's; 1, the default,
    leaves such clauses alone). A hit is judged only if each of its own words was in at least `min_seen` phrasings:
    a word of a single phrasing carries that one line's label, not what the word means."""

    min_probability: float = Field(default=0.7, gt=0.5, le=1)
    min_found: float = Field(default=0.0, ge=0, lt=0.5)
    min_short: float = Field(default=1.0, gt=0.5, le=1)
    c: float = Field(default=30.0, gt=0, le=10000)
    min_seen: int = Field(default=1, ge=1, le=1000)


class SimilaritySpec(Strict):
    """catalog/similarity.yaml: the second stage of recognition. A finding that neither a pattern nor a concept
    recognises is compared with labelled findings (the folders of `learn_from`, corpus YAML) and with the
    deficiencies' examples; its `neighbours` closest phrasings vote with their similarity, and a deficiency
    is taken only when the closest is at least `min_similarity` and its share of the vote at least `min_share`.
    Otherwise the finding stays unrecognised, with suggestions: a doubtful answer is never forced."""

    learn_from: list[str] = Field(min_length=1)
    neighbours: int = Field(default=5, ge=1, le=50)
    min_similarity: float = Field(default=0.4, gt=0, le=1)
    min_share: float = Field(default=0.6, gt=0.5, le=1)
    contest: ContestSpec = ContestSpec()
    veto: VetoSpec = VetoSpec()
    model: ModelSpec | None = None  # no model stage unless similarity.yaml asks for one


class Phrasing(Strict):
    """A labelled finding the similarity stage learns from, and where it was written (file:line)."""

    text: str
    expect: list[DeficiencyId]
    where: str


class Settings(Strict):
    version: str = Field(pattern=r"^\d+\.\d+\.\d+$")
    effective_from: Date
    title: str
    cues: list[str] = Field(min_length=1)
    signals: Signals | None = None
    places: Places
    horizon_months: int = Field(ge=1, le=36)
    groups: dict[str, Literal["collect", "unique", "any", "priority", "first"]] = {}


class Indicator(Strict):
    id: IndicatorId
    title: str
    source: Literal["expert", "survey"]
    # the deficiency a value below the `satisfied` floor names when a finding gives only the indicator (its number
    # or its title) and its value («4.1 — 87,5 баллов»): a survey indicator's dissatisfaction, 3.1's and 3.2's
    # general accessibility deficiency
    result: DeficiencyId | None = None


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


class Concept(Strict):
    """What a deficiency is about, as words: it is recognised where one of its `objects` and a problem signal
    (settings `signals`) stand in the same part of a finding, with one of `with` if given and none of
    `without`. `signal: self` — the object words name the problem themselves («грубят», «хамство»);
    `signal: survey` — only a survey word or a share counts as the signal."""

    objects: list[str] = Field(min_length=1)
    with_: list[str] = Field(default=[], alias="with")
    without: list[str] = []
    signal: Literal["problem", "survey", "self"] = "problem"


class Deficiency(Strict):
    id: DeficiencyId
    indicator: IndicatorId
    title: str
    patterns: list[Pattern] = []
    concept: Concept | None = None
    # the numbered checklist items of the methodology this deficiency is («3.2.4»: indicator 3.2, item 4), so
    # «3.2 п.4: … отсутствует» names it without any other word
    checklist: list[ChecklistItem] = []
    places: list[Place] = []
    value: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9_]*$")
    cue: bool = True
    # a means of contact (a phone, an e-mail address): a finding names it only when it says the channel itself
    # is missing or broken, not when the channel is the way something else was done («ответили по телефону
    # грубо», «опрошенные по телефону») or is said to be there («работают только телефон и e-mail»)
    channel: bool = False
    unless: list[DeficiencyId] = []
    examples: list[str] = []
    counterexamples: list[str] = []
    todo: list[str] = []

    @model_validator(mode="after")
    def _recognisable(self) -> Deficiency:
        if not self.patterns and self.concept is None:
            raise ValueError("у недостатка должны быть шаблоны (patterns) или понятие (concept)")
        return self


class Measure(Strict):
    id: MeasureId
    text: str
    due: str
    responsible: str
    result: str
    basis: str | None = None
    excludes: list[MeasureId] = []
    # measures this one follows when both are in a plan (works after the survey or the estimate they rest
    # on): its due is later than theirs
    after: list[MeasureId] = []

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
    state: list[FindingState] = []
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
    """A loaded, cross-checked catalog. Frozen: a changed catalog is a new object (`model_copy`), and the
    values derived from it below are cached on the object and dropped from every copy."""

    root: str
    settings: Settings
    criteria: list[Criterion]
    forms: list[Form]
    kinds: list[Kind]
    roles: list[Role]
    deficiencies: list[Deficiency]
    measures: list[Measure]
    rules: list[Rule]
    scores: ScoresSpec | None = None  # catalog/scores.yaml: formulas, weights, checklists, thresholds
    similarity: SimilaritySpec | None = None  # catalog/similarity.yaml: the second stage of recognition
    phrasings: list[Phrasing] = []  # what it learns from, read from its `learn_from` folders

    def __copy__(self) -> Self:
        # pydantic copies __dict__, where cached_property keeps its values: a copy with an update would
        # otherwise answer from the original's lookups and digest
        copied = super().__copy__()
        for name in _DERIVED:
            copied.__dict__.pop(name, None)
        return copied

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Self:
        copied = super().__deepcopy__(memo)
        for name in _DERIVED:
            copied.__dict__.pop(name, None)
        return copied

    @cached_property
    def digest(self) -> str:
        """A hash of the content, not of the files it was read from nor of `root`: a catalog changed in
        memory gets its own, and the same content read from two folders shares one."""
        return hashlib.sha256(self.__pydantic_serializer__.to_json(self, exclude={"root"})).hexdigest()[:16]

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
    def rules_by_first(self) -> dict[str, list[Rule]]:
        """First deficiency of a rule → the rules it starts, in catalog order: a rule fires only on a plan that
        has its first deficiency, so a plan need look at these alone."""
        out: dict[str, list[Rule]] = {}
        for r in self.rules:
            out.setdefault(r.when.deficiencies[0], []).append(r)
        return out

    @cached_property
    def checklist_items(self) -> dict[str, str]:
        """Checklist item («3.2.2») → the first deficiency that names it (each scored plan looks items up)."""
        out: dict[str, str] = {}
        for d in self.deficiencies:
            for item in d.checklist:
                out.setdefault(item, d.id)
        return out

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


_DERIVED = frozenset(name for name, v in vars(Catalog).items() if isinstance(v, cached_property))
