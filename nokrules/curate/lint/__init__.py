"""`nokrules lint`: the catalog's checks, grouped by theme in the modules of this package and listed in
`checks.ALL_CHECKS`, each with a stable code, a name, a severity, and a docstring giving the anti-pattern
and the best practice (sqlfluff's rule docs), so curators learn what to write instead. The checks that
`nokrules test` and pytest run too are decided once in nokrules.curate.catalog_checks; lint says where.
Checks see the loaded catalog plus where each entry was written, and return messages in Russian that name
file, line, column and key path.
"""

from __future__ import annotations

import os

from nokrules.core.catalog import load_catalog_with_sources
from nokrules.core.errors import CatalogError
from nokrules.curate.lint.base import Check, Context, Message
from nokrules.curate.lint.checks import ALL_CHECKS, LOAD_CHECKS

__all__ = ["ALL_CHECKS", "Check", "Context", "Message", "lint"]


def lint(root: str | os.PathLike[str] | None = None) -> list[Message]:
    """All messages for the catalog under `root`, errors first, then by file and line."""
    by_code = {c.code: c for c in ALL_CHECKS}
    try:
        catalog, sources = load_catalog_with_sources(root)
    except CatalogError as e:
        out = [Message.of(by_code.get(p.code, LOAD_CHECKS[1]), p.ref, p.message) for p in e.problems]
        return sorted(out, key=Message.sort_key)
    ctx = Context(catalog, sources)
    out = [m for check in ALL_CHECKS if not check.at_load for m in check().run(ctx)]
    return sorted(out, key=Message.sort_key)
