"""Normal forms of the words of a finding: what a pattern word is compared with."""

from __future__ import annotations

import pytest

from nokrules.core.lemmas import is_done, is_infinitive, lemmas, wishes_more


@pytest.mark.parametrize(("word", "reading"), [("к", "как"), ("для", "длить"), ("при", "переть"), ("после", "посол"), ("из", "иза")])
def test_a_preposition_is_not_read_as_a_rare_word_of_the_same_spelling(word: str, reading: str) -> None:
    assert lemmas(word) == frozenset({word})
    assert reading not in lemmas(word)


def test_other_words_keep_every_reading() -> None:
    assert {"пандус"} <= lemmas("пандуса")
    assert {"стать", "сталь"} <= lemmas("стали")  # ambiguous words match either reading
    assert {"в", "во"} == lemmas("во")


def test_a_recommendation_is_told_in_infinitives_a_state_in_participles() -> None:
    assert is_infinitive("установить") and is_infinitive("обеспечить") and is_infinitive("отремонтировать")
    assert not is_infinitive("установлен") and not is_infinitive("обеспечена") and not is_infinitive("размещённая")
    assert not is_infinitive("2023")


@pytest.mark.parametrize("word", ["установлена", "утверждён", "размечено", "согласован", "оборудованы"])
def test_a_short_passive_participle_says_a_thing_was_put_in_place(word: str) -> None:
    assert is_done(word)


@pytest.mark.parametrize("word", ["установить", "есть", "пандус", "ведётся", "чистый", "404"])
def test_other_words_say_nothing_was_put_in_place(word: str) -> None:
    assert not is_done(word)


@pytest.mark.parametrize(
    ("words", "where"),
    [
        (["хорошо", "бы", "кормили", "разнообразнее"], [3]),
        (["хочу", "чтобы", "в", "палате", "было", "теплее"], [5]),
        (["хотелось", "бы", "почаще", "и", "подольше"], [2, 4]),
        # no wish before it, or a wish that things stay as they are
        (["стало", "теплее", "бы"], []),
        (["хотелось", "бы", "чтобы", "и", "дальше", "так"], []),
    ],
)
def test_a_comparative_after_a_wish_asks_for_more(words: list[str], where: list[int]) -> None:
    assert wishes_more(words) == where
