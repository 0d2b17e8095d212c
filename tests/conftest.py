"""Shared fixtures: the shipped catalog's engine (loaded once: durable-rules allows one Host per process)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import settings

from nokrules import Engine

# CI draws the same examples on every run: a crash inside durable-rules' C library kills the process before
# Hypothesis can save its example, so a random draw would leave a flake nobody can replay. Locally the draws stay
# random to find new cases. Either way a failure prints the blob that replays it (@reproduce_failure).
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("dev", print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

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


def edit_yaml(path: Path, edit: Callable[[Any], None]) -> None:
    """Load a YAML file of a catalog copy, let `edit` change it in place, and write it back."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def mini_copy(root: Path, signals: dict[str, Any], deficiencies: Callable[[list[dict[str, Any]]], None]) -> Path:
    """The mini catalog copied to `root`, with these signals in its settings and its deficiencies edited by
    `deficiencies` (in place): what the tests of concepts, echoes and the contest start from."""
    shutil.copytree(MINI, root)
    edit_yaml(root / "catalog" / "catalog.yaml", lambda data: data.__setitem__("signals", signals))
    edit_yaml(root / "catalog" / "deficiencies" / "all.yaml", deficiencies)
    return root


def with_concepts(extra: list[tuple[str, str, str, list[str]]]) -> Callable[[list[dict[str, Any]]], None]:
    """An edit adding deficiencies known only by their concept: (id, indicator, title, object words)."""
    return lambda defs: defs.extend({"id": i, "indicator": ind, "title": t, "concept": {"objects": objs}} for i, ind, t, objs in extra)


# («не действует» is broken, as in the catalog: only a part that says a thing is missing makes «… размещён»
# before it say its thing is there)
CHANNEL_SIGNALS = {
    "absent": ["нет", "не", "без", "отсутствовать"],
    "broken": ["не действовать"],
    "contrast": ["но"],
    "present": ["есть"],
}
CHANNELS = [
    ("phone_missing", "1.2", "Не указан телефон", ["телефон"]),
    ("email_missing", "1.2", "Не указана электронная почта", ["электронный почта"]),
]


def channels_copy(root: Path) -> Path:
    """The mini catalog with a missing phone and a missing e-mail known by their concepts: where the tests of the
    contest and the veto start, each adding the labelled phrasings it needs."""
    return mini_copy(root, CHANNEL_SIGNALS, with_concepts(CHANNELS))
