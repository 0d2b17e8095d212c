"""nokrules: НОК deficiencies → a draft improvement plan, from a declarative YAML catalog on durable-rules."""

from .api import Engine
from .catalog import load_catalog
from .errors import CatalogError, EngineError, InputError, NokError, UsageError
from .model import Catalog, Choice, Finding, Institution, Plan, PlanItem, PlanMeasure, Recognition

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
