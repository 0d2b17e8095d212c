"""Shared fixtures: the shipped catalog's engine (loaded once: durable-rules allows one Host per process)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nokrules import Engine

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"
# the published Kemerovo 2016 protocol (institutions 1–27), kept in the repository: a plain clone runs every test
KEMEROVO = ROOT / "tests" / "fixtures" / "kemerovo-2016"


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.load(ROOT)


@pytest.fixture(scope="session")
def mini() -> Engine:
    return Engine.load(MINI)
