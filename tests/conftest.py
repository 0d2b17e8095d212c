"""Shared fixtures: the shipped catalog's engine (loaded once: durable-rules allows one Host per process)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nokrules import Engine

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.load(ROOT)


@pytest.fixture(scope="session")
def mini() -> Engine:
    return Engine.load(MINI)
