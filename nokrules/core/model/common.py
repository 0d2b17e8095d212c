"""Shared id types and the strict base model: catalog YAML is edited by hand, so a misspelt key is an
error with a line number, never a silently ignored setting."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

DeficiencyId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
MeasureId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
RuleId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")]
IndicatorId = Literal["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3", "5.1", "5.2", "5.3"]
ChecklistItem = Annotated[str, Field(pattern=r"^[1-5]\.[1-3]\.\d{1,2}$")]  # «3.2.4»: indicator 3.2, item 4
Section = Literal["I", "II", "III", "IV", "V"]
Place = Literal["site", "stand"]
# The state of the thing a finding names: missing, only partly there, broken, worn out, or not to the norm.
FindingState = Literal["absent", "partial", "broken", "worn", "noncompliant"]
# What decided a recognition: a curator pattern, the deficiency's concept (object + problem signal), the
# similarity to labelled phrasings (when neither of those found anything), the model trained on them (when the
# closest phrasings left the finding alone too), the user's pick, or the scores.
RecognitionSource = Literal["pattern", "concept", "similarity", "model", "choice", "scores"]
# Why a deficiency found in a finding was set aside by a reading of the whole line (see finding.SetAside)
SetAsideReason = Literal["said_clear", "told_before", "aspect_satisfied", "channel_not_said", "thing_there", "only_ones", "wait_in_norm", "detail", "other_place"]

DUE_RE = re.compile(
    r"^(?:\+(?P<n>[1-9]\d{0,2}) (?P<unit>days?|workdays?|weeks?|months?)"
    r"|end_of_month|end_of_quarter|end_of_next_quarter|end_of_half_year|end_of_year|permanent)$"
)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Contract(BaseModel):
    """What nokrules writes and others read back (the plan JSON `nokrules.plan/2`). Its fields are only ever
    added, so a consumer on an older model ignores a field it does not know instead of rejecting the plan;
    what nokrules itself reads from people (catalog, profile, requests) stays Strict."""

    model_config = ConfigDict(extra="ignore", frozen=True)


M = TypeVar("M", bound=BaseModel)


def make(cls: type[M], fields: dict[str, Any]) -> M:
    """`cls(**fields)`, with the same checks, by the model's own validator: without `BaseModel.__init__` in
    between it takes half the time, and a batch makes ~200 models per plan (`model_construct` is slower still)."""
    return cls.__pydantic_validator__.validate_python(fields)  # type: ignore[no-any-return]

