"""Bounded memos. A batch drafts up to 150,000 plans, and the parts of a plan recur from one to the next, so the
objects that build plans (Planner, Scorer, Firings) keep what they made, each in a dict of its own: it belongs to
them, goes with them, and is emptied when full, so a national run never holds more than the limit."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


def remembered(cache: dict[K, V], key: K, build: Callable[[], V], limit: int) -> V:
    """What `cache` holds for `key`, built (and kept) when it holds nothing; the cache is emptied first when it
    holds `limit` entries already."""
    got = cache.get(key)
    if got is None:
        if len(cache) >= limit:
            cache.clear()
        got = cache[key] = build()
    return got
