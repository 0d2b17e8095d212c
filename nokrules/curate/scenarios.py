"""Scenario files (tests/scenarios/*.yaml, rules/*.test.yaml): read with positions, validated, errors named."""

from __future__ import annotations

import os
from pathlib import Path

from nokrules.core.catalog import validate_list
from nokrules.core.errors import CatalogError, Problem, SourceRef
from nokrules.core.model import Scenario
from nokrules.core.yamlsrc import load_located


def default_paths(root: str | os.PathLike[str]) -> list[Path]:
    base = Path(root)
    return sorted((base / "tests" / "scenarios").glob("*.yaml")) + sorted((base / "rules").glob("*.test.yaml"))


def load_file(path: Path, root: str | os.PathLike[str]) -> list[tuple[Scenario, SourceRef]]:
    """The scenarios of one file, each with where it starts; a malformed file is a CatalogError."""
    try:
        shown = path.resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        shown = str(path)
    src = load_located(path, shown, "scenarios")
    problems: list[Problem] = []
    entries = validate_list(src, Scenario, problems)
    if problems:
        raise CatalogError(problems)
    return [(s, src.ref(p)) for s, p, _ in entries]


def load_all(root: str | os.PathLike[str], paths: list[Path] | None = None) -> list[tuple[Scenario, SourceRef]]:
    """Every scenario of `paths` (default: the catalog's own), all problems reported together."""
    out: list[tuple[Scenario, SourceRef]] = []
    problems: list[Problem] = []
    for path in paths if paths is not None else default_paths(root):
        try:
            out.extend(load_file(path, root))
        except CatalogError as e:
            problems.extend(e.problems)
    if problems:
        raise CatalogError(problems)
    return out
