"""Properties of the scores (hypothesis): every score is within 0–100, no score falls when an item is added
or a share rises, and the ceilings of 1.2, 2.1, 3.1 and 3.2 hold."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nokrules.core.catalog import load_catalog
from nokrules.core.model import ScoresBlock
from nokrules.core.scores import AssessmentReader, Cell, ScoresInputError, compute, pack, read_assessment, unpack

from .test_scores import ITEMS_11, ITEMS_12, ITEMS_21, ITEMS_31, ITEMS_32

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
CATALOG = load_catalog()  # the catalog alone: scores need no rule engine
SURVEY = ["1.3.стенд", "1.3.сайт", "2.2", "2.3", "3.3", "4.1", "4.2", "4.3", "5.1", "5.2", "5.3"]
CHECKLISTS = {
    "1.1.стенд": ITEMS_11, "1.1.сайт": ITEMS_11, "1.2": ITEMS_12, "2.1": ITEMS_21, "3.1": ITEMS_31, "3.2": ITEMS_32,
}  # fmt: skip


@st.composite
def rows(draw: st.DrawFn) -> dict[str, object]:
    row: dict[str, object] = {}
    for prefix, items in CHECKLISTS.items():
        for k in items:
            row[f"{prefix}.{k}"] = draw(st.sampled_from([0, 1]))
    for prefix in SURVEY:
        asked = draw(st.integers(1, 600))
        row[f"{prefix}.всего"] = asked
        row[f"{prefix}.удовлетворены"] = draw(st.integers(0, asked))
    return row


def block_of(row: dict[str, object]) -> ScoresBlock:
    cells = [Cell(k, v, k) for k, v in row.items()]
    return compute(CATALOG, read_assessment(CATALOG.scores, cells, "t"))  # type: ignore[arg-type]


def all_points(b: ScoresBlock) -> list[float]:
    return [p for p in [*(i.points for i in b.indicators), *(c.points for c in b.criteria), b.total] if p is not None]


@SETTINGS
@given(rows())
def test_every_score_is_between_0_and_100(row: dict[str, object]) -> None:
    b = block_of(row)
    assert b.total is not None
    assert all(0 <= p <= 100 for p in all_points(b))


@SETTINGS
@given(rows(), st.data())
def test_adding_a_checklist_item_never_lowers_a_score(row: dict[str, object], data: st.DataObject) -> None:
    zeros = [k for k, v in row.items() if v == 0 and not k.endswith((".всего", ".удовлетворены"))]
    if not zeros:
        return
    k = data.draw(st.sampled_from(zeros))
    before, after = block_of(row), block_of(row | {k: 1})
    for x, y in zip(all_points(before), all_points(after), strict=True):
        assert y >= x - 1e-9


@SETTINGS
@given(rows(), st.data())
def test_one_more_satisfied_respondent_never_lowers_a_score(row: dict[str, object], data: st.DataObject) -> None:
    prefix = data.draw(st.sampled_from(SURVEY))
    sat, asked = row[f"{prefix}.удовлетворены"], row[f"{prefix}.всего"]
    assert isinstance(sat, int) and isinstance(asked, int)
    if sat == asked:
        return
    before, after = block_of(row), block_of(row | {f"{prefix}.удовлетворены": sat + 1})
    for x, y in zip(all_points(before), all_points(after), strict=True):
        assert y >= x - 1e-9


@SETTINGS
@given(rows())
def test_the_ceilings_hold(row: dict[str, object]) -> None:
    b = {i.indicator: i.points for i in block_of(row).indicators}
    present = {p: sum(1 for k in items if row[f"{p}.{k}"] == 1) for p, items in CHECKLISTS.items()}
    assert b["1.2"] == min(100, 30 * present["1.2"])  # three ways 90, four and more 100
    for ind in ("2.1", "3.1", "3.2"):
        assert b[ind] == min(100, 20 * present[ind])  # five items are 100, whatever the list's length
    if present["1.1.стенд"] == present["1.1.сайт"] == len(ITEMS_11):
        assert b["1.1"] == 100


@SETTINGS
@given(rows())
def test_packing_keeps_every_mark(row: dict[str, object]) -> None:
    spec = CATALOG.scores
    assert spec is not None
    a = read_assessment(spec, [Cell(k, v, k) for k, v in row.items()], "t")
    plain = a.model_copy(update={"checklist": [m.model_copy(update={"source": ""}) for m in a.checklist],
                                 "survey": [m.model_copy(update={"source": ""}) for m in a.survey]})  # fmt: skip
    assert unpack(spec, pack(spec, a)) == plain


@SETTINGS
@given(rows(), st.sampled_from(["plain", "text", "shares"]), st.randoms(use_true_random=False))
def test_a_table_row_packs_as_its_assessment_does(row: dict[str, object], how: str, rnd: random.Random) -> None:
    # read_packed (what batch keeps of each row) is pack(read(...)) whatever the cells hold and in any column order
    spec = CATALOG.scores
    assert spec is not None
    if how == "text":  # as a CSV gives them, with the spellings a checklist allows
        row = {k: {0: rnd.choice(["0", "нет", " 0 "]), 1: rnd.choice(["1", "да", "1,0"])}.get(v, str(v)) if not k.endswith(("всего", "удовлетворены")) else f" {v} " for k, v in row.items()}  # type: ignore[call-overload]
    elif how == "shares":
        row = {k.replace(".всего", ".доля"): round(100 * int(row[k.replace(".всего", ".удовлетворены")]) / int(v), 1) if k.endswith(".всего") else v  # type: ignore[call-overload]
               for k, v in row.items() if not k.endswith(".удовлетворены")}  # fmt: skip
    cells = [Cell(k, v, "t.csv, строка 2", f"столбец «{k}»") for k, v in row.items()]
    rnd.shuffle(cells)
    reader = AssessmentReader(spec)
    assert reader.read_packed(cells, "t") == pack(spec, reader.read(cells, "t"))


# what a table cell may hold: the plain values the row path reads, and every other kind it hands to read_packed
CELL_VALUES = ["1", "0", "", None, 1, 0, True, 1.0, "да", " 1", "10", "2", "-1", "86", "150", "0,5", 86.5, "абв"]


@SETTINGS
@given(rows(), st.randoms(use_true_random=False), st.integers(0, 6), st.integers(0, 3))
def test_a_plain_table_row_reads_as_read_packed_reads_it(row: dict[str, object], rnd: random.Random, odd: int, dropped: int) -> None:
    # the row path gives exactly read_packed's line, or None, and None wherever read_packed refuses the row
    spec = CATALOG.scores
    assert spec is not None
    values = {k: str(v) for k, v in row.items()}
    for k in rnd.sample(sorted(values), odd):  # a few cells of any kind, blanked groups among them
        values[k] = rnd.choice(CELL_VALUES)
    for prefix in rnd.sample([*CHECKLISTS, *SURVEY], dropped):  # whole indicators left blank: not assessed
        for k in values:
            if k.startswith(prefix + "."):
                values[k] = rnd.choice(["", None])
    columns = sorted(values, key=lambda _: rnd.random())
    reader = AssessmentReader(spec)
    cells = [(c, values[c], "t.csv, строка 2", f"столбец «{c}»") for c in columns]
    try:
        expected: str | None = reader.read_packed(cells, "t")
    except ScoresInputError:
        expected = None
    got = reader.read_row_packed(tuple(columns), [values[c] for c in columns])
    assert got is None or got == expected
    if expected is None:
        assert got is None
    if odd == 0:  # every cell plain: the row path reads it itself
        assert got == expected
