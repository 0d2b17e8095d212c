"""The registry: every check nokrules lint runs, in code order."""

from __future__ import annotations

from .base import Check
from .ceiling import RulesetNearCeiling
from .coverage import DeficiencyWithoutRule, IndicatorWithoutDeficiency, UnusedMeasure
from .examples import AmbiguousExample, CounterexampleRecognised, ExampleNotRecognised
from .exclusive import ExclusiveTogether
from .load import LOAD
from .never_fires import RuleNeverFires
from .numeric_gap import NumericGap
from .rule_overlap import DuplicateConditions, GroupOverlap, RuleMasked

LOAD_CHECKS: list[type[Check]] = list(LOAD)
ALL_CHECKS: list[type[Check]] = sorted(
    [
        *LOAD,
        RuleNeverFires,
        ExclusiveTogether,
        ExampleNotRecognised,
        CounterexampleRecognised,
        DeficiencyWithoutRule,
        UnusedMeasure,
        IndicatorWithoutDeficiency,
        RuleMasked,
        DuplicateConditions,
        GroupOverlap,
        NumericGap,
        AmbiguousExample,
        RulesetNearCeiling,
    ],
    key=lambda c: c.code,
)
