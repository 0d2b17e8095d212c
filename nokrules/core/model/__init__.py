"""Pydantic models, the contracts between the layers, one module per contract: `catalog` (what curators
write), `finding` (one plan's input and its recognition), `plan` (the JSON contract), `scenario` (curator
scenarios and protocols). Everything is re-exported here so callers import from `nokrules.core.model`."""

from nokrules.core.model.catalog import (
    Catalog,
    Comparison,
    Criterion,
    Deficiency,
    Form,
    Indicator,
    Kind,
    Measure,
    Pattern,
    Places,
    PlaceText,
    Role,
    Rule,
    Settings,
    When,
)
from nokrules.core.model.common import DUE_RE, DeficiencyId, IndicatorId, MeasureId, Place, RuleId, Section, Strict
from nokrules.core.model.finding import Approver, Choice, Finding, Firing, Institution, Match, Profile, Recognition
from nokrules.core.model.plan import (
    DeficiencyRef,
    FindingRef,
    Plan,
    PlanInstitution,
    PlanItem,
    PlanMeasure,
    PlanRow,
    PlanSection,
    Suggestion,
    Unrecognized,
)
from nokrules.core.model.scenario import (
    CorpusItem,
    CorpusStyle,
    FindingState,
    Protocol,
    ProtocolInstitution,
    Scenario,
    ScenarioInstitution,
)

__all__ = ["CorpusItem", "CorpusStyle", "FindingState", "Approver", "Catalog", "Choice", "Comparison", "Criterion", "DUE_RE", "Deficiency", "DeficiencyId", "DeficiencyRef", "Finding", "FindingRef", "Firing", "Form", "Indicator", "IndicatorId", "Institution", "Kind", "Match", "Measure", "MeasureId", "Pattern", "Place", "PlaceText", "Places", "Plan", "PlanInstitution", "PlanItem", "PlanMeasure", "PlanRow", "PlanSection", "Profile", "Protocol", "ProtocolInstitution", "Recognition", "Role", "Rule", "RuleId", "Scenario", "ScenarioInstitution", "Section", "Settings", "Strict", "Suggestion", "Unrecognized", "When"]
