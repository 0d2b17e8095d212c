"""The registry: every check nokrules lint runs, in code order."""

from __future__ import annotations

from nokrules.curate.lint.base import Check
from nokrules.curate.lint.ceiling import RulesetNearCeiling
from nokrules.curate.lint.coverage import (
    ChecklistItemUncovered,
    DeficiencyWithoutRule,
    IndicatorWithoutDeficiency,
    UnusedMeasure,
)
from nokrules.curate.lint.examples import (
    AmbiguousExample,
    CounterexampleRecognised,
    DeficiencyWithoutExamples,
    ExampleNotRecognised,
)
from nokrules.curate.lint.exclusive import ExclusiveTogether
from nokrules.curate.lint.load import LOAD
from nokrules.curate.lint.never_fires import RuleNeverFires
from nokrules.curate.lint.numeric_gap import NumericGap
from nokrules.curate.lint.phrasings import PhrasingContradicts
from nokrules.curate.lint.rule_overlap import DuplicateConditions, GroupOverlap, RuleMasked
from nokrules.curate.lint.version import VersionNotBumped

LOAD_CHECKS: list[type[Check]] = list(LOAD)
ALL_CHECKS: list[type[Check]] = sorted(
    [
        *LOAD,
        RuleNeverFires,
        ExclusiveTogether,
        ExampleNotRecognised,
        CounterexampleRecognised,
        DeficiencyWithoutExamples,
        DeficiencyWithoutRule,
        UnusedMeasure,
        IndicatorWithoutDeficiency,
        RuleMasked,
        DuplicateConditions,
        GroupOverlap,
        NumericGap,
        AmbiguousExample,
        RulesetNearCeiling,
        VersionNotBumped,
        ChecklistItemUncovered,
        PhrasingContradicts,
    ],
    key=lambda c: c.code,
)
