"""One plan's input and what recognition and the rules make of it: the profile, the institution, findings,
choices made by hand, matches, recognitions and firings."""

from __future__ import annotations

from pydantic import Field, field_validator

from nokrules.core.model.common import (
    Contract,
    DeficiencyId,
    FindingState,
    Place,
    RecognitionSource,
    RuleId,
    SetAsideReason,
    Strict,
)
from nokrules.core.model.scores import ScoreSource

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
    # the region's yearly reporting day «ДД.ММ» («01.10»): every due precedes it (overrides the form's)
    report_date: str | None = None

    @field_validator("report_date")
    @classmethod
    def _report_day(cls, v: str | None) -> str | None:
        if v is not None:
            from nokrules.core.dates import parse_report_day

            parse_report_day(v)
        return v


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
    # the words before a colon that open the list this finding is an item of («Не размещены: A; B; C» → B has
    # the lead «Не размещены»): an item that says nothing itself is read with it
    lead: str = ""


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


class Close(Contract):
    """A labelled phrasing a finding was close to, when similarity decided: the curator's reason to trust it."""

    text: str
    similarity: float  # cosine of the two findings' weighted words, 0–1


class Outvoted(Contract):
    """A deficiency also matched in a finding and left out: the labelled phrasings closest to the place of its own
    words («words») name the recognised deficiency instead; `close` are those phrasings, the curator's reason.
    With `rival`, it is vetoed: the phrasings closest to the whole finding name that deficiency and none close names
    this one (see Recognizer._vetoed); a finding left with nothing goes to the similarity stage, or stays
    unrecognised and says so (`Unrecognized.left_out`). With `probability`, the model of the labelled phrasings
    vetoed it: the probability it gives the deficiency, weighing the whole finding (see Recognizer._doubted and,
    for what the closest phrasings found against the model's own sure answer, Recognizer._overruled)."""

    deficiency: DeficiencyId
    words: str
    close: list[Close] = []
    rival: DeficiencyId | None = None
    probability: float | None = None


class SetAside(Contract):
    """A deficiency a pattern, a concept, the phrasings or the model found in a finding and a reading of the whole
    line then set aside (`reason`): a wait in the norm, an aspect its share says is satisfied, a thing a clause says
    is there, a detail of another deficiency found (`of`). What the labelled phrasings decided is `Outvoted`."""

    deficiency: DeficiencyId
    reason: SetAsideReason
    of: DeficiencyId | None = None


class Recognition(Strict):
    finding: int  # index into the findings list
    deficiency: DeficiencyId
    pattern: int  # index of the curator pattern that matched; -1 when a concept decided or the user picked it
    matches: list[Match]
    places: list[Place]
    values: dict[str, float]
    source: RecognitionSource = "pattern"  # what decided (see RecognitionSource)
    state: FindingState | None = None  # what the finding says of the thing, when it says it
    scores: list[ScoreSource] = []  # where the scores say the same deficiency (a text finding may have both)
    close: list[Close] = []  # similarity decided: the labelled phrasings the finding was closest to
    # deficiencies whose words in the finding only echo this one's («телефоны структурных подразделений»:
    # not the structure): found, but not counted as deficiencies of their own
    echoes: list[DeficiencyId] = []
    # deficiencies also matched whose own words stand where the closest labelled phrasings name this one
    outvoted: list[Outvoted] = []


class Firing(Strict):
    """One rule fired on one set of recognitions (indexes into the recognitions list)."""

    rule: RuleId
    recognitions: list[int]
