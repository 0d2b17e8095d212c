"""The bounded memos of the plan builders (core/memo.py): built once, given again, and never past the limit."""

from __future__ import annotations

from nokrules.core.memo import remembered


def test_a_memo_builds_once_and_empties_itself_when_full() -> None:
    built: list[str] = []

    def make(key: str) -> list[str]:
        built.append(key)
        return [key]

    cache: dict[str, list[str]] = {}
    a = remembered(cache, "a", lambda: make("a"), limit=2)
    assert remembered(cache, "a", lambda: make("a"), limit=2) is a  # given again, not built again
    remembered(cache, "b", lambda: make("b"), limit=2)
    assert built == ["a", "b"] and set(cache) == {"a", "b"}
    remembered(cache, "c", lambda: make("c"), limit=2)  # full: emptied first, so it holds only the newest
    assert set(cache) == {"c"}
    assert remembered(cache, "a", lambda: make("a"), limit=2) is not a  # forgotten, built anew
    assert built == ["a", "b", "c", "a"]
