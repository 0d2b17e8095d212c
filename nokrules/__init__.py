"""nokrules: НОК deficiencies → a draft improvement plan, from a declarative YAML catalog on durable-rules."""

from nokrules.core.catalog import load_catalog
from nokrules.core.engine import Engine
from nokrules.core.errors import CatalogError, EngineError, InputError, NokError, UsageError
from nokrules.core.model import Catalog, Choice, Finding, Institution, Plan, PlanItem, PlanMeasure, Recognition

__all__ = [
    "Catalog",
    "CatalogError",
    "Choice",
    "Engine",
    "EngineError",
    "Finding",
    "InputError",
    "Institution",
    "NokError",
    "Plan",
    "PlanItem",
    "PlanMeasure",
    "Recognition",
    "UsageError",
    "load_catalog",
]
__version__ = "0.1.0"
