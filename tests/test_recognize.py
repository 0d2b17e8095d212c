"""Recognition on the hand-written mini catalog: inflections, typos, cues, places, values, suggestions."""

from __future__ import annotations

from nokrules import Engine
from nokrules.core.findings import split_findings


def _ids(engine: Engine, text: str) -> list[list[str]]:
    findings = split_findings(text)
    recs = engine.recognize(findings)
    return [[r.deficiency for r in recs if r.finding == i] for i in range(len(findings))]


def test_any_inflection_of_a_dictionary_word_matches(mini: Engine) -> None:
    assert _ids(mini, "нет пандуса\nотсутствуют пандусы\nвход не оборудован пандусом") == [["ramp_missing"]] * 3


def test_one_line_with_two_deficiencies_gives_both(mini: Engine) -> None:
    assert _ids(mini, "частично оборудована входная зона (нет поручней и пандуса)") == [["ramp_missing", "handrails_missing"]]


def test_phrase_allows_two_words_between_and_keeps_order(mini: Engine) -> None:
    assert _ids(mini, "нет раздела часто задаваемых посетителями вопросов") == [["faq_missing"]]
    assert _ids(mini, "нет раздела вопросов, задаваемых часто") == [[]]


def test_case_yo_and_quotes_do_not_matter(mini: Engine) -> None:
    assert _ids(mini, "ОТСУТСТВУЕТ РАЗДЕЛ «ЧАСТО ЗАДАВАЕМЫЕ ВОПРОСЫ»") == [["faq_missing"]]


def test_a_typo_in_a_pattern_word_is_forgiven(mini: Engine) -> None:
    assert _ids(mini, "нет пондуса") == [["ramp_missing"]]
    assert _ids(mini, "нет порученей") == [["handrails_missing"]]


def test_a_typo_in_an_inflected_word_is_forgiven_by_its_stem(mini: Engine) -> None:
    # «пандсуа» is «пандуса» with two letters swapped: its stem «пандсу» is close to «пандус»
    assert _ids(mini, "нет пандсуа у входа") == [["ramp_missing"]]


def test_a_short_stem_of_an_abbreviation_is_no_typo(engine: Engine) -> None:
    # «дистанц.» cut to «диста» would be taken for «диета» (food): a stem under 6 letters is not compared
    assert engine.recognize(split_findings("дистанц. консультир. инвалидов — не организ.")) != []
    assert "food_quality_poor" not in {r.deficiency for r in engine.recognize(split_findings("дистанц. консультир. не организ."))}


def test_without_a_cue_word_a_positive_statement_is_not_a_deficiency(mini: Engine) -> None:
    assert _ids(mini, "порядок подачи жалоб размещён на сайте") == [[]]


def test_cue_false_deficiency_needs_no_cue(mini: Engine) -> None:
    recs = mini.recognize(split_findings("укомплектована кадрами на 60 %"))
    assert [(r.deficiency, r.values) for r in recs] == [("staffing_shortage", {"staffing_percent": 60.0})]


def test_decimal_comma_percentage_is_read(mini: Engine) -> None:
    recs = mini.recognize(split_findings("укомплектованность 47,5 процента"))
    assert recs[0].values == {"staffing_percent": 47.5}


def test_places_named_in_the_finding_are_kept(mini: Engine) -> None:
    def places(text: str) -> list[str]:
        return mini.recognize(split_findings(text))[0].places

    assert places("нет порядка подачи жалоб на официальном сайте") == ["site"]
    assert places("нет порядка подачи жалоб на стенде") == ["stand"]
    assert places("нет порядка подачи жалоб на сайте и на стендах") == ["site", "stand"]
    assert places("нет порядка подачи жалоб") == ["site", "stand"]


def test_matches_name_the_words_that_matched(mini: Engine) -> None:
    rec = mini.recognize(split_findings("нет поручней"))[0]
    assert [(m.element, m.words) for m in rec.matches] == [("поручень", ["поручней"])]


def test_suggestions_rank_the_closest_deficiencies(mini: Engine) -> None:
    got = mini.recognizer.suggest("поручни шатаются")
    assert got[0].id == "handrails_missing"
    assert len(got) == 3
    assert [s.score for s in got] == sorted((s.score for s in got), reverse=True)


def test_of_several_percentages_the_lowest_counts(mini: Engine) -> None:
    recs = mini.recognize(split_findings("укомплектованность: отделение 1 — 80 %, отделение 2 — 45 %"))
    assert recs[0].values == {"staffing_percent": 45.0}
