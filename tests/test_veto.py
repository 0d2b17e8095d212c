"""A second opinion on what a pattern or a concept found: when the labelled phrasings closest to the whole finding
clearly name another deficiency and none close to it names the one found, the one found is vetoed. The finding then
goes to the similarity stage as any line the first two stages left alone, or, when that is not sure either, to
«Прочие недостатки» with suggestions; either way the vetoed deficiency and the phrasings are named.

The catalog is the hand-written mini catalog with two concepts and labelled phrasings added here, so every
expectation follows from the lines written in this file, whatever the shipped catalog learns from.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nokrules import Engine, Institution
from nokrules.core.catalog import load_catalog
from nokrules.core.errors import CatalogError
from nokrules.core.model import ModelSpec, Phrasing, SimilaritySpec, VetoSpec
from nokrules.core.similarity import Similarity
from nokrules.curate.explain import explain, render
from nokrules.web import service
from nokrules.web.page import PageForm, _results, _why

from .conftest import channels_copy

# the line: the concept «телефон» + «не» finds a missing phone; the labelled findings say it is the complaint procedure
LINE = "Телефон для жалоб не действует уже месяц"
COMPLAINT_PHONE = [
    "телефон для жалоб не действует",
    "телефон для жалоб в порядке обжалования не действует",
]
PHONE = [
    "на сайте не указан телефон",
    "телефона учреждения на сайте нет",
]


def phrasing(text: str, *ids: str) -> Phrasing:
    return Phrasing(text=text, expect=list(ids), where="tests/test_veto.py:1")


def learnt(engine: Engine, phrasings: list[Phrasing], stage_min: float = 0.4, **veto: float) -> Engine:
    """The catalog with a similarity stage that learns from `phrasings` (two neighbours vote); the veto needs two
    phrasings of a deficiency to judge it, unless told otherwise."""
    spec = VetoSpec(**{"min_known": 2, **veto})  # type: ignore[arg-type]
    sim = SimilaritySpec(learn_from=["corpus"], neighbours=2, min_similarity=stage_min, veto=spec)
    return Engine(engine.catalog.model_copy(update={"similarity": sim, "phrasings": phrasings}))


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine.load(channels_copy(tmp_path_factory.mktemp("veto") / "catalog-root"))


LABELLED = [phrasing(t, "complaint_procedure_missing") for t in COMPLAINT_PHONE] + [phrasing(t, "phone_missing") for t in PHONE]


@pytest.fixture(scope="module")
def cat(plain: Engine) -> Engine:
    return learnt(plain, LABELLED)


def found(engine: Engine, text: str) -> list[tuple[str, str, list[tuple[str, str | None]]]]:
    """(deficiency, what decided, the deficiencies it names as left out with their rivals) for the pasted text."""
    return [
        (r.deficiency, r.source, [(o.deficiency, o.rival) for o in r.outvoted]) for r in engine.recognize(engine.findings(text))
    ]


def test_without_labelled_phrasings_the_concept_decides(plain: Engine) -> None:
    assert found(plain, LINE) == [("phone_missing", "concept", [])]


def test_a_contradicted_answer_is_vetoed_and_the_line_goes_to_the_phrasings(cat: Engine) -> None:
    assert found(cat, LINE) == [("complaint_procedure_missing", "similarity", [("phone_missing", "complaint_procedure_missing")])]
    (rec,) = cat.recognize(cat.findings(LINE))
    assert {c.text for c in rec.outvoted[0].close} == set(COMPLAINT_PHONE)


def test_a_close_phrasing_of_the_found_deficiency_keeps_it(plain: Engine) -> None:
    kept = learnt(plain, [*LABELLED, phrasing("телефон уже месяц не действует", "phone_missing")])
    assert found(kept, LINE) == [("phone_missing", "concept", [])]


def test_a_deficiency_the_phrasings_hardly_know_is_never_vetoed(plain: Engine) -> None:
    # two phrasings of the missing phone: their silence says nothing when three are needed
    assert found(learnt(plain, LABELLED, min_known=3), LINE) == [("phone_missing", "concept", [])]


def test_the_thresholds_are_the_catalogs(plain: Engine) -> None:
    assert found(learnt(plain, LABELLED, min_similarity=1.0), LINE) == [("phone_missing", "concept", [])]
    strict = learnt(plain, LABELLED, min_rival=1.0)  # the rival gets all the vote of both neighbours: still vetoed
    assert [d for d, _, _ in found(strict, LINE)] == ["complaint_procedure_missing"]
    far = learnt(plain, LABELLED, max_own=0.0)  # a phrasing of the missing phone shares «телефон», «не»: kept
    assert found(far, LINE) == [("phone_missing", "concept", [])]


def test_a_hit_the_model_of_all_the_phrasings_backs_is_not_vetoed(plain: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))  # (the model is trained here, not in the user's cache)

    def judged(max_model: float) -> Engine:
        veto = VetoSpec(min_known=2, max_model=max_model)
        model = ModelSpec(min_probability=0.6, c=500.0)
        sim = SimilaritySpec(learn_from=["corpus"], neighbours=2, min_similarity=0.4, veto=veto, model=model)
        return Engine(plain.catalog.model_copy(update={"similarity": sim, "phrasings": LABELLED}))

    assert [d for d, _, _ in found(judged(1.0), LINE)] == ["complaint_procedure_missing"]  # 1: the model is not asked
    rec = judged(0.001).recognizer
    staged = rec._model_stage()
    assert staged is not None
    backing = staged[1].probability(rec._weighed(LINE, rec.tokens(LINE)), "phone_missing")
    assert backing is not None and 0.001 <= backing < 0.5  # the model leans to the complaints, yet backs the phone a little
    assert found(judged(0.001), LINE) == [("phone_missing", "concept", [])]
    assert [d for d, _, _ in found(judged(0.5), LINE)] == ["complaint_procedure_missing"]


def test_a_vetoed_line_the_phrasings_are_not_sure_of_is_unrecognised_and_says_why(plain: Engine) -> None:
    unsure = learnt(plain, LABELLED, stage_min=0.99)  # the similarity stage answers nothing
    assert unsure.recognize(unsure.findings(LINE)) == []
    plan = unsure.trace(LINE, Institution(), dt.date(2027, 1, 15)).plan
    [u] = plan.unrecognized
    assert [(o.deficiency, o.rival) for o in u.left_out] == [("phone_missing", "complaint_procedure_missing")]
    assert u.suggestions  # the finding is offered for a choice as any other unrecognised line
    text = render(explain(unsure, LINE, Institution(), dt.date(2027, 1, 15)))
    assert "совпал недостаток «phone_missing», но размеченные находки, ближайшие к этой находке, называют" in text
    assert "«complaint_procedure_missing»" in text and "не распознано; похожие недостатки каталога:" in text
    page = "".join(_results(unsure, PageForm(text=LINE), unsure.trace(LINE, Institution(), dt.date(2027, 1, 15)), False))
    complaint = unsure.catalog.deficiency("complaint_procedure_missing").title
    assert f"совпал недостаток «Не указан телефон», но размеченные находки, ближайшие к этой находке, называют «{complaint}»" in page


def test_explain_the_page_and_the_api_name_the_vetoed_deficiency(cat: Engine) -> None:
    e = explain(cat, LINE, Institution(), dt.date(2027, 1, 15))
    [rec] = e.findings[0].recognitions
    assert [(o.deficiency, o.rival) for o in rec.outvoted] == [("phone_missing", "complaint_procedure_missing")]
    assert "«телефон для жалоб не действует» (" in render(e)
    trace = cat.trace(LINE, Institution(), dt.date(2027, 1, 15))
    [entry] = service.explain(cat, trace)
    [o] = entry.outvoted
    assert (o.deficiency, o.rival) == ("Не указан телефон", cat.catalog.deficiency("complaint_procedure_missing").title)
    why = _why([], [entry])
    assert "совпал недостаток «Не указан телефон», но размеченные находки, ближайшие к этой находке, называют «" in why


def test_similarity_yaml_reads_the_veto_and_rejects_a_bad_value(tmp_path: Path) -> None:
    root = channels_copy(tmp_path / "catalog-root")
    (root / "corpus").mkdir()
    (root / "corpus" / "lines.yaml").write_text(
        "- text: телефон для жалоб не действует\n  expect: [complaint_procedure_missing]\n  style: inspector\n", encoding="utf-8"
    )
    spec = root / "catalog" / "similarity.yaml"
    spec.write_text(
        "learn_from: [corpus]\nveto:\n  min_similarity: 0.5\n  min_rival: 0.6\n  max_own: 0.3\n  max_own_place: 0.5\n  min_known: 7\n",
        encoding="utf-8",
    )
    assert load_catalog(root).similarity.veto == VetoSpec(  # type: ignore[union-attr]
        min_similarity=0.5, min_rival=0.6, max_own=0.3, max_own_place=0.5, min_known=7
    )
    spec.write_text("learn_from: [corpus]\nveto:\n  max_own: 1.5\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="max_own"):
        load_catalog(root)
    spec.write_text("learn_from: [corpus]\nveto:\n  min_share: 0.5\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="min_share"):
        load_catalog(root)


def test_a_hit_its_own_phrasing_keeps_is_kept_without_scoring_every_phrasing(plain: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    kept = learnt(plain, [*LABELLED, phrasing("телефон уже месяц не действует", "phone_missing")])
    stage = kept.recognizer.similarity_stage()
    assert stage is not None

    def unread(*_: object) -> None:
        raise AssertionError("a phrasing of the hit's own is closer than max_own: the whole index need not be read")

    monkeypatch.setattr(stage, "read_query", unread)
    assert found(kept, LINE) == [("phone_missing", "concept", [])]


def test_surely_closer_scores_the_labels_own_phrasings(cat: Engine) -> None:
    stage = cat.recognizer.similarity_stage()
    assert stage is not None
    same = stage.query("телефон для жалоб не действует")  # a phrasing of the complaint procedure, word for word
    assert stage.surely_closer(same, "complaint_procedure_missing", 0.99)
    assert not stage.surely_closer(same, "complaint_procedure_missing", 1.0)  # a cosine of 1 is not surely above 1
    assert not stage.surely_closer(same, "email_missing", 0.0)  # no phrasing of it
    assert not stage.surely_closer(stage.query("пандус у входа"), "phone_missing", 0.0)  # no word shared
    # the same words in another order, one twice: the same set of words, as close
    assert stage.surely_closer(stage.query("не действует телефон для жалоб, для"), "complaint_procedure_missing", 0.99)
    # a word no phrasing has lengthens the text: «телефон для жалоб не действует» is no longer the same
    assert not stage.surely_closer(stage.query("телефон для жалоб не действует бессрочно"), "complaint_procedure_missing", 0.99)


WORDS = ["телефон", "для", "жалоб", "не", "действует", "на", "сайте", "указан", "учреждения", "нет", "порядке", "Ивановка", "телфон", "12"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8), st.sampled_from([0.0, 0.2, 0.45, 0.7, 1.0]))
def test_the_veto_s_shortcuts_agree_with_the_full_reading(cat: Engine, words: list[str], similarity: float) -> None:
    """The tokens give the features the text gives, and a label surely closer is closer on the full reading; one
    clearly closer is seen as surely closer."""
    text = " ".join(words)
    rec = cat.recognizer
    stage = rec.similarity_stage()
    assert isinstance(stage, Similarity)
    assert rec._features_of(rec.tokens(text)) == rec.features(text)
    query = stage.weigh(rec._features_of(rec.tokens(text)))
    assert query == stage.query(text)
    reading = stage.read_query(query)
    for label in ("phone_missing", "complaint_procedure_missing"):
        closest = stage.closest(reading, label)
        if stage.surely_closer(query, label, similarity):
            assert closest > similarity
        elif closest > similarity * (1 + 1e-5):
            raise AssertionError(f"{label}: {closest} > {similarity}, not seen")
