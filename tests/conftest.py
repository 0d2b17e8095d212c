"""Shared fixtures: the shipped catalog's engine (loaded once: durable-rules allows one Host per process)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nokrules import Engine

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"
# the project's shared material (protocols, seeds) sits beside the checkout; a clone elsewhere names it
SHARED = Path(os.environ.get("NOKRULES_SHARED") or ROOT.parent / "shared")


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.load(ROOT)


@pytest.fixture(scope="session")
def mini() -> Engine:
    return Engine.load(MINI)
