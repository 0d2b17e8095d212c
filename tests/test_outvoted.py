"""Two deficiencies in one finding, one of them outvoted: when the labelled phrasings closest to the place of one
deficiency's own words name the other deficiency of the finding, the first is left out and the kept one names it
(«порядок подачи жалоб размещён, но телефон не действует» is the procedure's phone, not a missing phone). A
deficiency with a place of its own that the phrasings name it for, or a place they do not know, stays.

The catalog is the hand-written mini catalog with two concepts and labelled phrasings added here, so every
expectation follows from the lines written in this file, whatever the shipped catalog learns from.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from nokrules import Engine, Institution
from nokrules.core.catalog import load_catalog
from nokrules.core.errors import CatalogError
from nokrules.core.model import ContestSpec, Phrasing, SimilaritySpec
from nokrules.curate.explain import explain, render
from nokrules.web import service
from nokrules.web.page import _why

from .conftest import channels_copy

# what the labelled findings say: a phone that does not work beside the complaint procedure is the procedure's
COMPLAINT_PHONE = [
    "телефон для жалоб не действует",
    "телефон в порядке обжалования не действует",
]
PHONE = [
    "на сайте не указан телефон",
    "телефона учреждения на сайте нет",
]
OUTDATED_PHONE = "Порядок подачи жалоб размещён, но телефон не действует"


def phrasing(text: str, *ids: str) -> Phrasing:
    return Phrasing(text=text, expect=list(ids), where="tests/test_outvoted.py:1")


def catalog_root(tmp_path: Path) -> Path:
    """The mini catalog with the signals and the two concepts above."""
    root = channels_copy(tmp_path / "catalog-root")
    return root


def learnt(engine: Engine, phrasings: list[Phrasing], **contest: float) -> Engine:
    """The catalog with a similarity stage that learns from `phrasings` (two neighbours vote)."""
    sim = SimilaritySpec(learn_from=["corpus"], neighbours=2, contest=ContestSpec(**contest))  # type: ignore[arg-type]
    return Engine(engine.catalog.model_copy(update={"similarity": sim, "phrasings": phrasings}))


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine.load(catalog_root(tmp_path_factory.mktemp("outvoted")))


@pytest.fixture(scope="module")
def cat(plain: Engine) -> Engine:
    return learnt(
        plain,
        [phrasing(t, "complaint_procedure_missing") for t in COMPLAINT_PHONE] + [phrasing(t, "phone_missing") for t in PHONE],
    )


def found(engine: Engine, text: str) -> list[tuple[str, list[str], list[str]]]:
    """(deficiency, the deficiencies it outvoted, the words of their places) for the pasted text."""
    return [
        (r.deficiency, [o.deficiency for o in r.outvoted], [o.words for o in r.outvoted])
        for r in engine.recognize(engine.findings(text))
    ]


def test_without_labelled_phrasings_both_deficiencies_stay(plain: Engine) -> None:
    assert found(plain, OUTDATED_PHONE) == [("complaint_procedure_missing", [], []), ("phone_missing", [], [])]


def test_a_word_whose_place_the_phrasings_give_to_the_other_deficiency_is_outvoted(cat: Engine) -> None:
    assert found(cat, OUTDATED_PHONE) == [("complaint_procedure_missing", ["phone_missing"], ["телефон не действует"])]
    (rec,) = cat.recognize(cat.findings(OUTDATED_PHONE))
    assert {c.text for c in rec.outvoted[0].close} == set(COMPLAINT_PHONE)


def test_a_deficiency_with_a_place_of_its_own_stays(cat: Engine) -> None:
    text = "Порядок подачи жалоб не размещён, телефон на сайте не указан"
    assert found(cat, text) == [("complaint_procedure_missing", [], []), ("phone_missing", [], [])]


def test_a_place_no_phrasing_is_close_to_keeps_both(plain: Engine) -> None:
    far = learnt(plain, [phrasing("электронная почта для обращений не работает", "email_missing")])
    assert found(far, OUTDATED_PHONE) == [("complaint_procedure_missing", [], []), ("phone_missing", [], [])]


def test_the_thresholds_are_the_catalogs(plain: Engine) -> None:
    strict = learnt(
        plain,
        [phrasing(t, "complaint_procedure_missing") for t in COMPLAINT_PHONE] + [phrasing(t, "phone_missing") for t in PHONE],
        min_similarity=1.0,
    )
    assert [d for d, _, _ in found(strict, OUTDATED_PHONE)] == ["complaint_procedure_missing", "phone_missing"]


def test_similarity_yaml_reads_the_contest_and_rejects_an_unknown_key(tmp_path: Path) -> None:
    root = catalog_root(tmp_path)
    (root / "corpus").mkdir()
    (root / "corpus" / "lines.yaml").write_text(
        "- text: телефон для жалоб не действует\n  expect: [complaint_procedure_missing]\n  style: inspector\n", encoding="utf-8"
    )
    spec = root / "catalog" / "similarity.yaml"
    spec.write_text("learn_from: [corpus]\ncontest:\n  min_similarity: 0.5\n  max_own: 0.1\n  min_rival: 0.4\n", encoding="utf-8")
    assert load_catalog(root).similarity.contest == ContestSpec(min_similarity=0.5, max_own=0.1, min_rival=0.4)  # type: ignore[union-attr]
    spec.write_text("learn_from: [corpus]\ncontest:\n  min_share: 0.5\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="min_share"):
        load_catalog(root)


def test_explain_names_the_outvoted_deficiency_and_the_phrasings(cat: Engine) -> None:
    e = explain(cat, OUTDATED_PHONE, Institution(), dt.date(2027, 1, 15))
    [rec] = e.findings[0].recognitions
    assert [(o.deficiency, o.words) for o in rec.outvoted] == [("phone_missing", "телефон не действует")]
    text = render(e)
    assert "совпал и недостаток «phone_missing», но размеченные находки, ближайшие к словам «телефон не действует»" in text
    assert "«телефон для жалоб не действует»" in text


def test_the_page_and_the_api_name_it_by_its_title(cat: Engine) -> None:
    trace = cat.trace(OUTDATED_PHONE, Institution(), dt.date(2027, 1, 15))
    [entry] = service.explain(cat, trace)
    assert [(o.deficiency, o.words) for o in entry.outvoted] == [("Не указан телефон", "телефон не действует")]
    assert {c.text for c in entry.outvoted[0].close} == set(COMPLAINT_PHONE)
    why = _why([], [entry])
    assert "совпал и недостаток «Не указан телефон», но размеченные находки, ближайшие к словам «телефон не действует»" in why
