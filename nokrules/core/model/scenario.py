"""Inputs from outside one pasted text: curator scenarios and whole protocols of many institutions."""

from __future__ import annotations

from datetime import date as Date
from typing import Literal

from nokrules.core.model.common import DeficiencyId, FindingState, MeasureId, Place, Strict


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
    # its checklist and survey when read from a scores table, packed (core.scores.pack): a national table holds
    # 150,000 institutions, and each is unpacked only where its plan is drafted
    scores: str | None = None


class Protocol(Strict):
    source: str  # file name as given
    format: str  # text | docx | csv | xlsx | yaml | json
    institutions: list[ProtocolInstitution]


CorpusStyle = Literal["protocol2016", "operator", "inspector", "survey", "multi", "state", "negative"]


class CorpusItem(Strict):
    """One labelled finding of a recognition corpus (corpus/dev, corpus/heldout): the deficiencies a careful
    expert names for the line ([] when it names none), and optionally the state and the only place it names."""

    text: str
    expect: list[DeficiencyId]
    state: FindingState | None = None
    places: list[Place] = []
    style: CorpusStyle
