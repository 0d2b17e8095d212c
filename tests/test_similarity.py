"""The second stage of recognition: a finding no pattern and no concept recognised is taken for the deficiency
its closest labelled phrasings agree on, or left unrecognised when they are not close or disagree.

The catalog is the hand-written mini catalog with phrasings added in memory, so every expectation below
follows from the lines written here, whatever the shipped catalog learns from.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nokrules import Engine, Institution
from nokrules.core.catalog import load_catalog
from nokrules.core.errors import CatalogError, SourceRef
from nokrules.core.model import CorpusItem, Phrasing, SimilaritySpec
from nokrules.core.similarity import NONE, Similarity
from nokrules.curate.evaluate import evaluate
from nokrules.curate.explain import explain, render

from .conftest import MINI

FAQ = [
    "в разделе вопрос-ответ на сайте нет ни одной записи",
    "вопросы посетителей на сайте остаются без ответа, раздел вопрос-ответ пустой",
    "раздел вопрос-ответ не ведётся, записей нет",
]
COMPLAINTS = [
    "жаловаться некуда: на сайте не сказано, куда писать жалобу",
    "не указано, куда обращаться с жалобой на работника",
]
NOTHING = ["замечаний по сайту нет, записей достаточно"]


def phrasing(text: str, *ids: str) -> Phrasing:
    return Phrasing(text=text, expect=list(ids), where="tests/test_similarity.py:1")


def learnt(mini: Engine, phrasings: list[Phrasing], **spec: float) -> Engine:
    """The mini catalog with a similarity stage that learns from `phrasings`."""
    sim = SimilaritySpec(learn_from=["corpus"], **spec)  # type: ignore[arg-type]
    return Engine(mini.catalog.model_copy(update={"similarity": sim, "phrasings": phrasings}))


@pytest.fixture(scope="module")
def faq_engine(mini: Engine) -> Engine:
    return learnt(
        mini,
        [phrasing(t, "faq_missing") for t in FAQ]
        + [phrasing(t, "complaint_procedure_missing") for t in COMPLAINTS]
        + [phrasing(t) for t in NOTHING],
    )


def test_a_finding_no_pattern_reads_is_taken_for_what_its_closest_phrasings_name(faq_engine: Engine) -> None:
    # no pattern of the mini catalog has «вопрос-ответ»; three phrasings about that section are close
    recs = faq_engine.recognize(faq_engine.findings("раздел вопрос-ответ давно не ведётся"))
    assert [(r.deficiency, r.source) for r in recs] == [("faq_missing", "similarity")]
    assert recs[0].close[0].text == "раздел вопрос-ответ не ведётся, записей нет"
    assert all(0 < c.similarity <= 1 for c in recs[0].close)
    assert {c.text for c in recs[0].close} <= set(FAQ)


def test_a_pattern_still_decides_where_it_matches(faq_engine: Engine) -> None:
    recs = faq_engine.recognize(faq_engine.findings("нет порядка подачи жалоб на сайте"))
    assert [(r.deficiency, r.source) for r in recs] == [("complaint_procedure_missing", "pattern")]


def test_a_finding_that_says_nothing_is_wrong_is_not_compared(faq_engine: Engine) -> None:
    # no cue word and no problem signal: a description of what is there, however close its words are
    assert faq_engine.recognize(faq_engine.findings("в разделе вопрос-ответ на сайте записи есть")) == []


def test_a_finding_far_from_every_phrasing_stays_unrecognised(faq_engine: Engine) -> None:
    assert faq_engine.recognize(faq_engine.findings("не хватает парковочных мест у здания")) == []


def test_phrasings_that_disagree_leave_the_finding_unrecognised(mini: Engine) -> None:
    split = learnt(
        mini,
        [
            phrasing("на сайте нет нужных сведений для посетителей", "faq_missing"),
            phrasing("на сайте нет сведений для посетителей о жалобах", "complaint_procedure_missing"),
        ],
    )
    assert split.recognize(split.findings("на сайте нет сведений")) == []


def test_the_closest_phrasing_saying_nothing_is_wrong_wins_over_a_weak_vote(mini: Engine) -> None:
    engine = learnt(
        mini,
        [
            phrasing("нет замечаний к разделу вопрос-ответ"),
            phrasing("замечаний к разделу вопрос-ответ нет"),
            phrasing("раздел вопрос-ответ не заполнен", "faq_missing"),
        ],
    )
    assert engine.recognize(engine.findings("нет замечаний по разделу вопрос-ответ")) == []


def test_a_phrasing_with_two_deficiencies_gives_both_when_its_neighbours_agree(mini: Engine) -> None:
    both = "на сайте нет раздела вопрос-ответ и не сказано, куда жаловаться"
    engine = learnt(mini, [phrasing(both, "faq_missing", "complaint_procedure_missing")], neighbours=1)
    recs = engine.recognize(engine.findings("на сайте нет раздела вопрос-ответ, не сказано куда жаловаться"))
    assert sorted(r.deficiency for r in recs) == ["complaint_procedure_missing", "faq_missing"]


def test_the_plan_json_and_explain_say_similarity_decided_and_to_what(faq_engine: Engine) -> None:
    plan = faq_engine.draft_plan(
        "раздел вопрос-ответ давно не ведётся", Institution(name="Учреждение"), date=dt.date(2027, 1, 15)
    )
    item = plan.items[0]
    assert item.recognised_by == "similarity"
    assert item.close[0].text == "раздел вопрос-ответ не ведётся, записей нет"
    assert plan.model_dump(mode="json")["items"][0]["close"][0]["text"] == "раздел вопрос-ответ не ведётся, записей нет"
    text = render(
        explain(faq_engine, "раздел вопрос-ответ давно не ведётся", Institution(name="Учреждение"), dt.date(2027, 1, 15))
    )
    assert "по сходству с размеченными находками — ближе всего: «раздел вопрос-ответ не ведётся, записей нет»" in text


def test_eval_sets_aside_the_lines_it_measures(faq_engine: Engine) -> None:
    # measured on its own phrasings, the stage may not vote with the line itself: each FAQ line is then
    # recognised only if the other FAQ lines are close enough — and the evaluation says what it set aside
    corpus = [
        (CorpusItem(text=t, expect=["faq_missing"], style="inspector"), SourceRef("c.yaml", k + 1, 3)) for k, t in enumerate(FAQ)
    ]
    ev = evaluate(faq_engine, corpus)
    assert ev.set_aside == 3
    assert ev.recognised == 0  # with all three set aside, nothing about «вопрос-ответ» is left to learn from
    unrelated = [(CorpusItem(text="нет пандуса", expect=["ramp_missing"], style="inspector"), SourceRef("c.yaml", 1, 3))]
    assert evaluate(faq_engine, unrelated).set_aside == 0


def labelled_copy(tmp_path: Path, corpus: str, similarity: str) -> Path:
    """The mini catalog in a folder of its own, with catalog/similarity.yaml and one labelled file corpus/a.yaml."""
    root = tmp_path / "cat"
    shutil.copytree(MINI, root)
    (root / "corpus").mkdir()
    (root / "corpus" / "a.yaml").write_text(corpus, encoding="utf-8")
    (root / "catalog" / "similarity.yaml").write_text(similarity, encoding="utf-8")
    return root


def test_similarity_yaml_is_read_with_its_labelled_folders(tmp_path: Path) -> None:
    corpus = '- text: "раздел вопрос-ответ пустой"\n  expect: [faq_missing]\n  style: inspector\n'
    cat = load_catalog(labelled_copy(tmp_path, corpus, "learn_from: [corpus]\nmin_similarity: 0.5\n"))
    assert cat.similarity is not None and cat.similarity.min_similarity == 0.5 and cat.similarity.neighbours == 5
    assert cat.phrasings == [Phrasing(text="раздел вопрос-ответ пустой", expect=["faq_missing"], where="corpus/a.yaml:1")]


def test_a_phrasing_naming_an_unknown_deficiency_is_a_catalog_error(tmp_path: Path) -> None:
    corpus = '- text: "раздел вопрос-ответ пустой"\n  style: inspector\n  expect: [faq_absent]\n'
    with pytest.raises(CatalogError) as e:
        load_catalog(labelled_copy(tmp_path, corpus, "learn_from: [corpus]\n"))
    assert [(str(p.ref), p.message, p.code) for p in e.value.problems] == [
        ("corpus/a.yaml:3:12 [0].expect[0]", "недостаток «faq_absent» не найден в каталоге", "NOK102")
    ]


def test_a_missing_labelled_folder_is_a_catalog_error(tmp_path: Path) -> None:
    root = tmp_path / "cat"
    shutil.copytree(MINI, root)
    (root / "catalog" / "similarity.yaml").write_text("learn_from: [nowhere]\n", encoding="utf-8")
    with pytest.raises(CatalogError) as e:
        load_catalog(root)
    assert [p.message for p in e.value.problems] == [
        "в папке «nowhere» нет размеченных находок (*.yaml), а similarity.yaml учится на ней"
    ]


WORDS = ["раздел", "вопрос-ответ", "нет", "записей", "сайт", "жалоба", "пустой", "не", "ведётся", "куда", "писать"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8))
def test_a_verdict_is_one_the_closest_phrasings_vote_for(faq_engine: Engine, words: list[str]) -> None:
    """Whatever the words: the same text gives the same verdict, similarities lie in (0, 1], and every
    phrasing shown as the reason carries the deficiency it is the reason for."""
    text = " ".join(words)
    sim = faq_engine.recognizer.similarity_stage()
    assert sim is not None
    first, again = sim.decide(text), sim.decide(text)
    assert first == again
    labels = dict(zip(sim.texts, sim.labels, strict=True))
    for did, close in first.deficiencies if first else ():
        assert close and all(0 < c.similarity <= 1 and did in labels[c.text] for c in close)


class _Walked(frozenset[str]):
    """A set of words walked in the order they were written: one process may walk two equal sets differently
    (a string's hash changes from run to run), and a sum of floats depends on its order."""

    order: tuple[str, ...]

    def __new__(cls, words: list[str]) -> _Walked:
        walked = super().__new__(cls, words)
        walked.order = tuple(words)
        return walked

    def __iter__(self) -> Iterator[str]:
        return iter(self.order)


def test_phrasings_with_the_same_words_are_exactly_as_close_whatever_order_their_words_come_in(mini: Engine) -> None:
    # «два раза в месяц» and «раз в два месяца» have the same words: one was labelled a deficiency, the other its
    # counterexample, and which of the two was the closer flipped with the last bit of a sum taken in set order
    words = "порядок сайт вопрос ответ раздел запись посетитель жалоба работник обращение".split()
    phrasings = [phrasing(" ".join(words), "faq_missing"), phrasing(" ".join(reversed(words)))]
    phrasings += [phrasing(" ".join(words[:k]), "faq_missing") for k in range(1, len(words))]  # words of every weight
    engine = learnt(mini, phrasings)
    stage = Similarity(engine.catalog, lambda text: _Walked(text.split()))
    for order in (words, words[::-1], sorted(words), words[1::2] + words[::2]):
        reading = stage.read(" ".join(order))
        assert stage.closest(reading, "faq_missing") == stage.closest(reading, NONE)


def test_a_waiting_norm_for_an_indicator_the_criteria_do_not_know_is_a_catalog_error(tmp_path: Path) -> None:
    root = tmp_path / "cat"
    shutil.copytree(MINI, root)
    with (root / "catalog" / "catalog.yaml").open("a", encoding="utf-8") as f:
        f.write('signals:\n  waiting_indicator: "2.9"\n')
    with pytest.raises(CatalogError) as e:
        load_catalog(root)
    assert [(p.message, p.code) for p in e.value.problems] == [
        ("catalog.yaml, signals.waiting_indicator: показатель «2.9» не описан в criteria.yaml", "NOK102")
    ]
