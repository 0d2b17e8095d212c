"""Renderers: Plan → str. One module per format; none of them prints or writes files."""

from __future__ import annotations

from collections.abc import Callable

from ..model import Plan
from . import json as json_
from . import markdown, text

FORMATS: dict[str, Callable[[Plan], str]] = {"json": json_.render, "md": markdown.render, "text": text.render}
