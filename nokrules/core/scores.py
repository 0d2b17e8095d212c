"""Scores: an operator's checklist and survey → indicator points, criteria, the total, and the deficiencies
they show (приказ Минтруда № 344н).

The numbers — points per item, ceilings, places, weights, thresholds — are the catalog's (`ScoresSpec`, from
catalog/scores.yaml); this module knows only the three kinds of formula. Cells arrive as (column, value,
where) from any reader, so every format is validated here, once, with one Russian line per error naming
the cell; an institution is read whole or not at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any, NamedTuple

from nokrules.core.errors import InputError
from nokrules.core.lemmas import fold
from nokrules.core.memo import remembered
from nokrules.core.model import (
    Assessment,
    Catalog,
    ChecklistItemSpec,
    ChecklistMark,
    Criterion,
    CriterionScore,
    Finding,
    IndicatorScore,
    IndicatorSpec,
    MissingItem,
    Place,
    Recognition,
    ScoresBlock,
    ScoreSource,
    ScoresSpec,
    SurveyMark,
    make,
)

PLACE_WORDS: dict[str, Place] = {"стенд": "stand", "стенды": "stand", "stand": "stand", "сайт": "site", "site": "site"}
PLACE_NAMES: dict[Place, str] = {"stand": "стенд", "site": "сайт"}
FIELD_WORDS = {
    "удовлетворены": "satisfied",
    "удовлетворено": "satisfied",
    "удовлетворенных": "satisfied",
    "satisfied": "satisfied",
    "всего": "asked",
    "опрошены": "asked",
    "опрошено": "asked",
    "опрошенных": "asked",
    "asked": "asked",
    "total": "asked",
    "доля": "share",
    "процент": "share",
    "share": "share",
}
YES = {"1", "да", "есть", "+", "true", "yes", "д", "имеется"}
NO = {"0", "нет", "-", "false", "no", "н", "отсутствует"}
_NUMBER_RE = re.compile(r"^\d+(?:[.,]\d+)?$")
_COLUMN_RE = re.compile(r"^\s*(\d\.\d)\s*\.\s*(.+?)\s*$")


class ScoresInputError(InputError):
    """A checklist or survey cell that cannot be read: the message names the cell and what was expected."""


class Cell(NamedTuple):
    """One cell of an institution's scores as a reader found it: the column (after the header mapping), the
    value as written (text, number, bool or None for empty) and where it stands, for messages. A table row
    gives the row and the column's label apart (`at`, `label`): a national table has 10 million cells, and
    `where` is spelled out only for the few a message names. A tuple: cheap to make by the million."""

    column: str
    value: object
    at: str
    label: str = ""

    @property
    def where(self) -> str:
        return _where(self)


CellData = tuple[str, object, str, str]  # a Cell's fields: what a table reader zips from a row without making Cells


def _where(cell: CellData) -> str:
    """Where a cell stands, for a message: its row or cell and, for a table row, its column."""
    at, label = cell[2], cell[3]
    return f"{at}, {label}" if label else at


def norm_word(word: str) -> str:
    """How item and place words are compared: case, «ё», spaces, «_» and «-» do not count."""
    return re.sub(r"[\s_\-]+", "_", fold(word.strip()))


def is_score_column(column: str) -> bool:
    """A column that names an indicator («3.2.брайль», «1.3.стенд.всего»)."""
    return _COLUMN_RE.match(column) is not None


# ---------------------------------------------------------------- cells → Assessment


def read_assessment(spec: ScoresSpec, cells: Iterable[CellData], where: str) -> Assessment:
    """An institution's cells → its Assessment (see `AssessmentReader.read`)."""
    return AssessmentReader(spec).read(cells, where)


@dataclass(frozen=True)
class _Column:
    """What a score column names, worked out once per column name: the indicator, the place, and the survey
    field or the checklist item."""

    ind: str
    place: Place | None
    field: str | None
    item: ChecklistItemSpec | None
    word: str
    key: tuple[str, int, Place | None] | None = None  # a checklist item's mark: (indicator, item, place)


class AssessmentReader:
    """Reads institutions' cells against one ScoresSpec. A table repeats the same ~70 columns on each of up
    to 150,000 rows, so each column name is resolved once and kept here (one reader per file read: nothing
    outlives the spec it was built from)."""

    def __init__(self, spec: ScoresSpec) -> None:
        self.spec = spec
        self.order = _order(spec)
        self._columns: dict[str, _Column] = {}
        self._rank: dict[tuple[str, int, Place | None], tuple[int, int, int]] = {}  # a mark's place in methodology order
        self._rows: dict[tuple[str, ...], _RowReader | None] = {}  # a table's columns → how its plain rows are read

    def read(self, cells: Iterable[CellData], where: str) -> Assessment:
        """An institution's cells → its Assessment. Raises ScoresInputError (one Russian line: the cell, what
        was found, what was expected) for an unknown indicator or item, a value that is no 0/1 or number, a
        share over 100 %, more satisfied than asked, a count without its total, a mark given twice, and a
        checklist filled only in part (`where` names the institution then)."""
        checklist, survey = self._marks(cells, where)
        marks = [_survey_mark(ind, place, got) for (ind, place), got in survey.items()]
        order = self.order
        return Assessment(
            checklist=sorted(
                (
                    ChecklistMark(indicator=ind, n=n, place=place, present=present, source=_where(cell))  # type: ignore[arg-type]
                    for (ind, n, place), (present, cell) in checklist.items()
                ),
                key=lambda m: (order[m.indicator], _place_rank(m.place), m.n),
            ),
            survey=sorted(marks, key=lambda m: (order[m.indicator], _place_rank(m.place))),
        )

    def read_packed(self, cells: Iterable[CellData], where: str) -> str:
        """`pack(spec, self.read(cells, where))`, with the same checks and messages, without making a model per
        mark: what a batch keeps of each of 150,000 institutions."""
        checklist, survey = self._marks(cells, where)
        order = self.order
        groups: dict[tuple[str, Place | None], dict[int, bool]] = {}
        for ind, n, place in sorted(checklist, key=self._rank.__getitem__):
            groups.setdefault((ind, place), {})[n] = checklist[(ind, n, place)][0]
        values = [(ind, place, *_survey_values(ind, place, got)) for (ind, place), got in survey.items()]
        return _packed(self.spec, groups, sorted(values, key=lambda v: (order[v[0]], _place_rank(v[1]))))

    def read_row_packed(self, columns: tuple[str, ...], values: Sequence[object]) -> str | None:
        """`read_packed` of one table row (its values under `columns`) when every cell is plain — «1», «0», a
        whole number or empty — and every indicator is given whole or not at all; None otherwise, and the row
        is then read cell by cell by `read_packed`, which names what is wrong. A national table is 150,000
        such rows, and this reads one ~4 times faster: the columns are worked out once per table."""
        if columns not in self._rows:
            self._rows[columns] = self._row_reader(columns)
        rows = self._rows[columns]
        return rows(values) if rows is not None else None

    def _row_reader(self, columns: tuple[str, ...]) -> _RowReader | None:
        """How rows under these columns are read, or None when the columns alone send every row to `read_packed`:
        a column that names nothing known, a mark or survey field given twice, an indicator given in part."""
        items: dict[tuple[str, int, Place | None], int] = {}
        fields: dict[tuple[str, Place | None], dict[str, int]] = {}
        for j, name in enumerate(columns):
            try:
                col = self._columns.get(name) or self._resolve(Cell(name, None, ""))
            except ScoresInputError:
                return None
            if col.key is None:
                got = fields.setdefault((col.ind, col.place), {})
                if col.field in got:
                    return None
                got[col.field or ""] = j
            elif col.key in items:
                return None
            else:
                items[col.key] = j
        rank = self.order
        checklist: list[tuple[str, tuple[int, ...]]] = []
        for ind, place in sorted({(ind, place) for ind, _, place in items}, key=lambda g: (rank[g[0]], _place_rank(g[1]))):
            keys = [(ind, item.n, place) for item in required(self.spec.indicators[ind], place)]
            if any(k not in items for k in keys):
                return None
            checklist.append((_part_key(ind, place), tuple(items[k] for k in keys)))
        survey = [
            (_part_key(ind, place), got.get("share"), got.get("satisfied"), got.get("asked"))
            for (ind, place), got in sorted(fields.items(), key=lambda kv: (rank[kv[0][0]], _place_rank(kv[0][1])))
        ]
        return _RowReader(tuple(checklist), tuple(survey))

    def _marks(
        self, cells: Iterable[CellData], where: str
    ) -> tuple[dict[tuple[str, int, Place | None], tuple[bool, CellData]], dict[tuple[str, Place | None], dict[str, tuple[float, CellData]]]]:
        """Every cell checked: checklist marks (present, cell) and survey fields (number, cell); a checklist
        indicator given in part is refused here too."""
        spec = self.spec
        columns = self._columns
        checklist: dict[tuple[str, int, Place | None], tuple[bool, CellData]] = {}
        survey: dict[tuple[str, Place | None], dict[str, tuple[float, CellData]]] = {}
        for cell in cells:
            v = cell[1]
            if _empty(v):
                continue
            col = columns.get(cell[0]) or self._resolve(Cell(*cell))
            key = col.key
            if key is None:  # a survey field
                ind, place, field = col.ind, col.place, col.field
                assert field is not None  # a column is a survey field or a checklist item (`key`)
                got = survey.setdefault((ind, place), {})
                if field in got:
                    raise ScoresInputError(f"{_where(cell)}: {_what(ind, place)} «{col.word}» уже указано в {_where(got[field][1])}")
                got[field] = (_number(cell, field), cell)
                continue
            if key in checklist:
                raise ScoresInputError(
                    f"{_where(cell)}: пункт «{col.item.key}» показателя {col.ind} уже указан в {_where(checklist[key][1])}"  # type: ignore[union-attr]
                )
            checklist[key] = (v == "1" if v == "1" or v == "0" else _flag(Cell(*cell)), cell)  # «1» and «0»: nearly every cell
        _check_complete(spec, checklist, where)
        return checklist, survey

    def _resolve(self, cell: Cell) -> _Column:
        """What the cell's column names; ScoresInputError naming the cell when it names nothing the spec knows
        (such a column is never kept, so each bad cell gets its own message)."""
        spec = self.spec
        ind, rest = _split_column(spec, cell)
        ispec = spec.indicators[ind]
        parts = [p for p in rest.split(".") if p.strip()]
        place: Place | None = None
        if ispec.places:
            if len(parts) < 2 or norm_word(parts[0]) not in PLACE_WORDS:
                raise ScoresInputError(
                    f"{cell.where}: у показателя {ind} после номера ожидалось место (стенд или сайт), "
                    f"например «{ind}.стенд.{_example(ispec)}»; в столбце «{cell.column}»"
                )
            place = PLACE_WORDS[norm_word(parts[0])]
            parts = parts[1:]
        word = ".".join(parts)
        if ispec.formula == "survey":
            field = FIELD_WORDS.get(norm_word(word))
            if field is None:
                raise ScoresInputError(
                    f"{cell.where}: в столбце «{cell.column}» неизвестная величина «{word}»; у опросного показателя {ind} "
                    "ожидалось «удовлетворены», «всего» или «доля»"
                )
            col = _Column(ind, place, field, None, word)
        else:
            item = _item(ind, ispec, word, cell)
            if place is not None and item.places and place not in item.places:
                raise ScoresInputError(
                    f"{cell.where}: пункт «{item.key}» показателя {ind} проверяется только на: "
                    + ", ".join(PLACE_NAMES[p] for p in item.places)
                )
            col = _Column(ind, place, None, item, word, (ind, item.n, place))
            self._rank[(ind, item.n, place)] = (self.order[ind], _place_rank(place), item.n)
        self._columns[cell.column] = col
        return col


_BIT: dict[object, str] = {"1": "1", "0": "0", 1: "1", 0: "0"}  # as `_flag` reads them (True, False, 1.0 and 0.0 too)


def _whole(v: object) -> float | None:
    """A survey cell as `_number` reads it when it is a whole number; None for anything else."""
    if type(v) is str and v.isdigit() and v.isascii():
        return float(v)
    if type(v) is int and v >= 0:
        return float(v)
    return None


def _blank(v: object) -> bool:
    return v is None or v == ""


@dataclass(frozen=True, slots=True)
class _RowReader:
    """A table's plain rows → packed lines (see `AssessmentReader.read_row_packed`): for each checklist group
    its packed key and the positions of its required items, for each survey group its key and the positions
    of the share, the satisfied and the asked (None: no such column), all in methodology order."""

    checklist: tuple[tuple[str, tuple[int, ...]], ...]
    survey: tuple[tuple[str, int | None, int | None, int | None], ...]

    def __call__(self, values: Sequence[object]) -> str | None:
        parts: list[str] = []
        for key, positions in self.checklist:
            marks = [values[j] for j in positions]
            try:
                bits = "".join(marks)  # type: ignore[arg-type]
            except TypeError:  # a number or a bool among the marks (a spreadsheet's cells)
                bits = ""
            if len(bits) != len(marks) or bits.strip("01") or "" in marks:  # not one «1» or «0» per cell
                read = [_BIT.get(v) for v in marks]
                if None in read:
                    if all(_blank(v) for v in marks):
                        continue  # the indicator was not assessed
                    return None
                bits = "".join(read)  # type: ignore[arg-type]
            parts.append(key + bits)
        for key, share, satisfied, asked in self.survey:
            x = values[share] if share is not None else None
            got = values[satisfied] if satisfied is not None else None
            of = values[asked] if asked is not None else None
            if _blank(x):
                if _blank(got) and _blank(of):
                    continue  # not surveyed
                a, b = _whole(got), _whole(of)
                if a is None or b is None or b == 0 or a > b:
                    return None
                parts.append(f"{key}{a!r}/{b!r}")
            else:
                y = _whole(x)
                if y is None or y > 100 or not _blank(got) or not _blank(of):
                    return None
                parts.append(f"{key}{y!r}%")
        return ";".join(parts)


def _part_key(ind: str, place: Place | None) -> str:
    """The head of a packed part: «3.1=», «1.1@stand=»."""
    return f"{ind}{'@' + place if place else ''}="


def _order(spec: ScoresSpec) -> dict[str, int]:
    return {ind: k for k, ind in enumerate(sorted(spec.indicators, key=lambda i: tuple(map(int, i.split(".")))))}


_PLACE_RANK: dict[Place | None, int] = {None: 0, "stand": 1, "site": 2}


def _place_rank(place: Place | None) -> int:
    return _PLACE_RANK[place]


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _split_column(spec: ScoresSpec, cell: Cell) -> tuple[str, str]:
    m = _COLUMN_RE.match(cell.column)
    if m is None:
        raise ScoresInputError(
            f"{cell.where}: столбец «{cell.column}» не назван по показателю (ожидалось, например, «3.1.стоянка» или "
            "«1.3.стенд.всего»); чужие названия столбцов сопоставляются в файле соответствия (--columns)"
        )
    ind, rest = m.group(1), m.group(2)
    if ind not in spec.indicators:
        raise ScoresInputError(f"{cell.where}: показателя {ind} в методике нет (столбец «{cell.column}»)")
    return ind, rest


def _example(ispec: IndicatorSpec) -> str:
    return ispec.items[0].key if ispec.items else "всего"


def _item(ind: str, ispec: IndicatorSpec, word: str, cell: Cell) -> ChecklistItemSpec:
    w = norm_word(word)
    for item in ispec.items:
        if w in {str(item.n), norm_word(item.key), *(norm_word(a) for a in item.aliases)}:
            return item
    known = ", ".join(f"{i.n} «{i.key}»" for i in ispec.items)
    raise ScoresInputError(f"{cell.where}: в показателе {ind} нет пункта «{word}»; известны: {known}")


def _flag(cell: Cell) -> bool:
    v = cell.value
    if v == "1" or v == "0":  # what nearly every cell of a table holds
        return v == "1"
    if isinstance(v, bool):
        return v
    text = fold(str(v).strip())
    if isinstance(v, int | float) and not isinstance(v, bool):
        text = "1" if v == 1 else "0" if v == 0 else text
    text = {"1.0": "1", "0.0": "0", "1,0": "1", "0,0": "0"}.get(text, text)
    if text in YES:
        return True
    if text in NO:
        return False
    raise ScoresInputError(f"{cell.where}: в пункте чек-листа «{cell.value}», а ожидалось 1 (есть) или 0 (нет)")


def _number(cell: CellData, field: str) -> float:
    v = cell[1]
    if isinstance(v, str) and v.isascii() and v.isdigit():  # «86»: what nearly every survey cell holds
        whole = float(v)
        if field == "share" and whole > 100:
            raise ScoresInputError(f"{_where(cell)}: доля {_num(whole)} % больше 100 %")
        return whole
    if isinstance(v, bool):
        x = None
    elif isinstance(v, int | float):
        x = float(v)
    else:
        t = str(v).strip().replace("\u00a0", "").replace(" ", "")
        if field == "share":
            t = t.removesuffix("%")
        x = float(t.replace(",", ".")) if _NUMBER_RE.match(t) else None
    what = "доля в процентах от 0 до 100" if field == "share" else "число респондентов (0 или больше)"
    if x is None or x < 0 or x != x:
        where = _where(cell)
        raise ScoresInputError(f"{where}: «{v}», а ожидалась {what}" if field == "share" else f"{where}: «{v}», а ожидалось {what}")
    if field == "share" and x > 100:
        raise ScoresInputError(f"{_where(cell)}: доля {_num(x)} % больше 100 %")
    return x


def _what(ind: str, place: Place | None) -> str:
    return f"показатель {ind}" + (f" ({PLACE_NAMES[place]})" if place else "") + ":"


def _survey_mark(ind: str, place: Place | None, got: dict[str, tuple[float, CellData]]) -> SurveyMark:
    share, satisfied, asked = _survey_values(ind, place, got)
    src = "; ".join(_where(c) for _, c in got.values())
    if share is not None:
        return SurveyMark(indicator=ind, place=place, share=share, source=src)  # type: ignore[arg-type]
    return SurveyMark(indicator=ind, place=place, satisfied=satisfied, asked=asked, source=src)  # type: ignore[arg-type]


def _survey_values(
    ind: str, place: Place | None, got: dict[str, tuple[float, CellData]]
) -> tuple[float | None, float | None, float | None]:
    """The checked (share, satisfied, asked) of one survey indicator at one place: a share, or both counts."""
    column = f"{ind}." + (f"{PLACE_NAMES[place]}." if place else "")
    if "share" in got:
        if len(got) > 1:
            where = min((_where(c) for _, c in got.values()), key=len)
            raise ScoresInputError(f"{where}: {_what(ind, place)} указаны и доля, и числа респондентов — нужно что-то одно")
        return got["share"][0], None, None
    if "asked" not in got:
        raise ScoresInputError(
            f"{_where(got['satisfied'][1])}: {_what(ind, place)} указано число удовлетворённых, но нет числа опрошенных "
            f"(знаменателя) — столбец «{column}всего»"
        )
    asked, asked_cell = got["asked"]
    asked_at = _where(asked_cell)
    if "satisfied" not in got:
        raise ScoresInputError(
            f"{asked_at}: {_what(ind, place)} указано число опрошенных, но нет числа удовлетворённых — столбец «{column}удовлетворены»"
        )
    satisfied, sat_cell = got["satisfied"]
    if satisfied > asked:
        raise ScoresInputError(
            f"{_where(sat_cell)}: {_what(ind, place)} удовлетворённых {_num(satisfied)} больше, чем опрошенных {_num(asked)}"
        )
    if asked == 0:
        raise ScoresInputError(f"{asked_at}: {_what(ind, place)} опрошенных 0; если опроса не было, оставьте ячейки пустыми")
    return None, satisfied, asked


def _check_complete(spec: ScoresSpec, checklist: Mapping[tuple[str, int, Place | None], object], where: str) -> None:
    """A checklist indicator (a place of 1.1) is given whole or not at all: a missing cell is no «нет»."""
    given = {(ind, place) for ind, _, place in checklist}
    for ind, place in sorted(given, key=lambda k: (k[0], _place_rank(k[1]))):
        for item in spec.indicators[ind].items:
            if place is not None and item.places and place not in item.places:
                continue
            if (ind, item.n, place) not in checklist:
                at = f" ({PLACE_NAMES[place]})" if place else ""
                raise ScoresInputError(
                    f"{where}: в показателе {ind}{at} не заполнен пункт «{item.key}» — ожидалось 1 (есть) или 0 (нет)"
                )


def _num(x: float) -> str:
    """A number as Russian text: 82.5 → «82,5», 90.0 → «90»."""
    return f"{x:.2f}".rstrip("0").rstrip(".").replace(".", ",")


# ---------------------------------------------------------------- Assessment → ScoresBlock


def required(ispec: IndicatorSpec, place: Place | None) -> list[ChecklistItemSpec]:
    """The items an indicator requires at `place` (all of them for an indicator without places)."""
    return [i for i in ispec.items if place is None or not i.places or place in i.places]


Tick = tuple[int, Place | None, bool]  # a checklist mark as the formulas read it: item number, place, present
Share = tuple[Place | None, float]  # a survey mark as they read it: place, share of the satisfied (%)


def _ticks(marks: Iterable[ChecklistMark]) -> list[Tick]:
    return [(m.n, m.place, m.present) for m in marks]


def _share(share: float | None, satisfied: float | None, asked: float | None) -> float:
    """A survey mark's share of the satisfied (%): given, or satisfied out of those asked."""
    return share if share is not None else 100 * (satisfied or 0) / (asked or 1)


def _shares(marks: Iterable[SurveyMark]) -> list[Share]:
    return [(m.place, _share(m.share, m.satisfied, m.asked)) for m in marks]


def indicator_points(ispec: IndicatorSpec, assessment: Assessment, ind: str) -> tuple[float | None, float | None]:
    """(value, points) of one indicator by its formula; (None, None) when it was not assessed. Points are
    rounded to two decimals, as protocols print them, and criteria are computed from the rounded points."""
    return _points(
        ispec,
        _ticks(m for m in assessment.checklist if m.indicator == ind),
        _shares(m for m in assessment.survey if m.indicator == ind),
    )


def _points(ispec: IndicatorSpec, ticks: list[Tick], shares: list[Share]) -> tuple[float | None, float | None]:
    """`indicator_points` on the marks of that one indicator."""
    if ispec.formula == "survey":
        if not shares or (ispec.places and {p for p, _ in shares} != set(ispec.places)):
            return None, None
        value = round(sum(x for _, x in shares) / len(shares), 2)
        return value, value
    places: list[Place | None] = list(ispec.places) or [None]
    if {p for _, p, _ in ticks} != set(places):
        return None, None
    present = sum(1 for _, _, x in ticks if x)
    if ispec.formula == "checklist_share":
        per = [sum(1 for _, q, x in ticks if q == p and x) / len(required(ispec, p)) for p in places]
        return float(present), round(100 * sum(per) / len(per), 2)
    return float(present), round(min(ispec.cap, (ispec.points or 0) * present), 2)


def compute(catalog: Catalog, assessment: Assessment, sphere: str | None = None) -> ScoresBlock:
    """Indicator points, criteria (weighted sums by the sphere's weights) and the total (their mean)."""
    return Scorer(catalog).block(assessment, sphere)


def _spec(catalog: Catalog) -> ScoresSpec:
    if catalog.scores is None:
        raise InputError(f"в каталоге {catalog.root} нет catalog/scores.yaml: баллы не считаются")
    return catalog.scores


def _missing(
    ind: str, ispec: IndicatorSpec, ticks: list[Tick], made: dict[tuple[str, int, Place | None], MissingItem] | None = None
) -> list[MissingItem]:
    """The items of indicator `ind` at 0, from its marks; `made` keeps each once made (it depends on nothing else)."""
    if all(x for _, _, x in ticks):
        return []
    items = {i.n: i for i in ispec.items}
    out = []
    for n, place, x in ticks:
        if x:
            continue
        got = made.get((ind, n, place)) if made is not None else None
        if got is None:
            got = make(MissingItem, {"item": f"{ind}.{n}", "title": items[n].title, "place": place})
            if made is not None:
                made[(ind, n, place)] = got
        out.append(got)
    return out


# ---------------------------------------------------------------- ScoresBlock → deficiencies


@dataclass(frozen=True)
class ScoredDeficiency:
    """A deficiency the scores show: the text a plan lists it by, the catalog deficiency, where, and why."""

    text: str
    deficiency: str
    places: tuple[Place, ...]
    values: tuple[tuple[str, float], ...]
    source: ScoreSource
    absent: bool  # a checklist item at 0: the thing is absent
    # its recognition at each position of a plan's findings, made once: a Scorer shares the deficiency with
    # every plan whose scores show it
    _recognitions: dict[int, Recognition] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def finding(self) -> Finding:
        """The finding a plan lists it by (line 0: no line of the text)."""
        return make(Finding, {"text": self.text, "line": 0})

    def recognition(self, k: int) -> Recognition:
        """Its recognition as finding `k` of a plan."""
        got = self._recognitions.get(k)
        if got is None:
            got = make(
                Recognition,
                {
                    "finding": k,
                    "deficiency": self.deficiency,
                    "pattern": -1,
                    "matches": [],
                    "places": list(self.places),
                    "values": dict(self.values),
                    "source": "scores",
                    "state": "absent" if self.absent else None,
                    "scores": [self.source],
                    "close": [],  # given, not defaulted: a default list is deep-copied, 15 µs a recognition
                    "echoes": [],
                    "outvoted": [],
                },
            )
            if self.absent and k < RECOGNITIONS_MAX:  # a survey share's recurs less: not kept
                self._recognitions[k] = got
        return got


def scored_deficiencies(catalog: Catalog, block: ScoresBlock) -> list[ScoredDeficiency]:
    """Each checklist item at 0 (stand and site apart) whose absence is a deficiency, and each survey share
    below its threshold, as the catalog deficiency that says it. An item no deficiency names is reported by
    lint (NOK311), never dropped silently here: it raises."""
    return [sd for score in block.indicators for sd in _scored(catalog, score)]


def _scored(
    catalog: Catalog, score: IndicatorScore, items: dict[tuple[object, ...], ScoredDeficiency] | None = None
) -> list[ScoredDeficiency]:
    """`scored_deficiencies` of one indicator's score. `items` keeps each deficiency once made, by what it depends
    on: a missing checklist item by (item, place, title), a survey share by (indicator, title, share, threshold);
    a batch meets the same in thousands of plans."""
    spec = _spec(catalog)
    by_item = catalog.checklist_items
    pl = catalog.settings.places
    ispec = spec.indicators[score.indicator]
    out: list[ScoredDeficiency] = []
    for miss in score.missing:
        key = (miss.item, miss.place, miss.title)
        got = items.get(key) if items is not None else None
        if got is not None:
            out.append(got)
            continue
        item = next(i for i in ispec.items if f"{score.indicator}.{i.n}" == miss.item)
        if not item.deficiency:
            continue
        if miss.item not in by_item:
            raise InputError(f"пункт чек-листа {miss.item} не назван ни у одного недостатка каталога")
        d = catalog.deficiency(by_item[miss.item])
        places: tuple[Place, ...] = (miss.place,) if miss.place else tuple(d.places)
        where = f" — {(pl.stand if miss.place == 'stand' else pl.site).text}" if miss.place else ""
        text = f"Отсутствует: {miss.title}{where} (показатель {score.indicator}, пункт {item.n} чек-листа)"
        src = make(ScoreSource, {"indicator": score.indicator, "item": miss.item, "place": miss.place})
        out.append(ScoredDeficiency(text, d.id, places, (), src, True))
        if items is not None:
            items[key] = out[-1]
    if score.below_threshold and score.value is not None:
        skey = (score.indicator, score.title, score.value, score.threshold)
        got = items.get(skey) if items is not None else None
        if got is not None:
            out.append(got)
            return out
        if ispec.deficiency is None:
            raise InputError(f"у показателя {score.indicator} в catalog/scores.yaml не указан недостаток (deficiency)")
        d = catalog.deficiency(ispec.deficiency)
        values = ((d.value, score.value),) if d.value else ()
        thr = score.threshold or 0
        text = f"{score.title}: {_num(score.value)} % при пороге {_num(thr)} % (показатель {score.indicator}, опрос)"
        src = make(ScoreSource, {"indicator": score.indicator, "value": score.value, "threshold": thr})
        out.append(ScoredDeficiency(text, d.id, tuple(d.places), values, src, False))
        if items is not None:
            items[skey] = out[-1]
    return out


SCORED_MAX = 5_000  # checklist groups a Scorer keeps the score of before it is emptied
ITEMS_MAX = 5_000  # deficiencies of missing checklist items it keeps (the catalog has a few hundred)
RECOGNITIONS_MAX = 64  # plan positions a scored deficiency keeps its recognition for (a scores plan has ~15)


class _Indicator:
    """An indicator's score as computed from one set of marks, and (once asked) the deficiencies it shows."""

    __slots__ = ("score", "deficiencies")

    def __init__(self, score: IndicatorScore) -> None:
        self.score = score
        self.deficiencies: tuple[ScoredDeficiency, ...] | None = None


class Scorer:
    """`compute` and `scored_deficiencies` for one catalog (one per Engine).

    A batch holds each institution's checklist and survey packed (`pack`: a part per checklist group or survey
    share, «3.1=10111»), and a national table repeats a checklist group thousands of times. A checklist
    indicator of one group (every indicator but 1.1, whose stand and site groups seldom recur together) has its
    score and deficiencies made once per the exact text of that group, and the deficiency of a missing item
    once per item and place, and shared (none is changed once made). The memos belong to the Scorer and are
    bounded."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._groups: dict[tuple[str, str], _Indicator] = {}
        self._items: dict[tuple[object, ...], ScoredDeficiency] = {}
        self._missing: dict[tuple[str, int, Place | None], MissingItem] = {}
        self._order: dict[str, list[tuple[str, str, bool]]] = {}
        self._criteria: dict[tuple[str, int, tuple[float | None, ...]], CriterionScore] = {}

    def score(self, assessment: Assessment, sphere: str | None = None) -> tuple[ScoresBlock, list[ScoredDeficiency]]:
        """The block (`compute`) and the deficiencies it shows (`scored_deficiencies`)."""
        return self._deficient(*self._block(assessment, sphere))

    def score_packed(self, packed: str, sphere: str | None = None) -> tuple[ScoresBlock, list[ScoredDeficiency]]:
        """`score` of the Assessment `unpack` makes of `packed`, from the memos where its parts were met before."""
        spec = _spec(self.catalog)
        parts: dict[str, list[str]] = {}
        for part in filter(None, packed.split(";")):
            parts.setdefault(part.partition("=")[0].partition("@")[0], []).append(part)
        sphere_id = sphere or spec.sphere
        held: list[_Indicator] = []
        for ind, title, survey_ind in self._used(spec, sphere_id):
            own = parts.get(ind, [])
            kept = len(own) == 1 and not survey_ind
            scored = partial(self._scored_parts, spec, ind, title, own)
            held.append(remembered(self._groups, (ind, own[0]), scored, SCORED_MAX) if kept else scored())
        return self._deficient(self._finish(spec, sphere_id, held), held)

    def _scored_parts(self, spec: ScoresSpec, ind: str, title: str, parts: list[str]) -> _Indicator:
        """An indicator's score from its packed parts."""
        ticks: list[Tick] = []
        shares: list[Share] = []
        for part in parts:
            _, place, bits, survey = _read_part(spec, part)
            if survey is None:
                ticks += [(item.n, place, x) for item, x in bits]
            else:
                shares.append((place, _share(*survey)))
        return _Indicator(_indicator_score(spec, ind, title, ticks, shares, self._missing))

    def block(self, assessment: Assessment, sphere: str | None = None) -> ScoresBlock:
        return self._block(assessment, sphere)[0]

    def _block(self, assessment: Assessment, sphere: str | None) -> tuple[ScoresBlock, list[_Indicator]]:
        spec = _spec(self.catalog)
        sphere_id = sphere or spec.sphere
        checklist: dict[str, list[ChecklistMark]] = {}  # each indicator's marks, in the assessment's order
        survey: dict[str, list[SurveyMark]] = {}
        for m in assessment.checklist:
            checklist.setdefault(m.indicator, []).append(m)
        for sm in assessment.survey:
            survey.setdefault(sm.indicator, []).append(sm)
        held = [
            _Indicator(_indicator_score(spec, ind, title, _ticks(checklist.get(ind, [])), _shares(survey.get(ind, []))))
            for ind, title, _ in self._used(spec, sphere_id)
        ]
        return self._finish(spec, sphere_id, held), held

    def _used(self, spec: ScoresSpec, sphere_id: str) -> list[tuple[str, str, bool]]:
        """The indicators the sphere weighs, with their titles and whether a survey scores them, in the
        methodology's order."""
        got = self._order.get(sphere_id)
        if got is None:
            used = {i for ws in spec.spheres[sphere_id].weights.values() for i in ws}
            got = self._order[sphere_id] = [
                (d.id, d.title, spec.indicators[d.id].formula == "survey")
                for crit in self.catalog.criteria
                for d in crit.indicators
                if d.id in used
            ]
        return got

    def _finish(self, spec: ScoresSpec, sphere_id: str, held: list[_Indicator]) -> ScoresBlock:
        """Criteria (weighted sums of the indicators' points) and the total (their mean) of these scores."""
        weights = spec.spheres[sphere_id].weights
        points: dict[str, float | None] = {h.score.indicator: h.score.points for h in held}
        criteria = []
        for crit in self.catalog.criteria:
            ws = weights[crit.id]
            pts_c = tuple(points.get(i) for i in ws)
            key = (sphere_id, crit.id, pts_c)
            criteria.append(remembered(self._criteria, key, partial(_criterion, crit, ws, pts_c), SCORED_MAX))
        crit_pts = [c.points for c in criteria]
        total = None if any(p is None for p in crit_pts) else round(sum(p or 0 for p in crit_pts) / len(crit_pts), 2)
        indicators = [h.score for h in held]
        return make(
            ScoresBlock,
            {"sphere": sphere_id, "indicators": indicators, "criteria": criteria, "total": total, "missing": [m for i in indicators for m in i.missing]},
        )

    def _deficient(self, block: ScoresBlock, held: list[_Indicator]) -> tuple[ScoresBlock, list[ScoredDeficiency]]:
        if len(self._items) >= ITEMS_MAX or len(self._missing) >= ITEMS_MAX:
            self._items.clear()
            self._missing.clear()
        out: list[ScoredDeficiency] = []
        for h in held:
            if h.deficiencies is None:
                h.deficiencies = tuple(_scored(self.catalog, h.score, self._items))
            out += h.deficiencies
        return block, out


def _criterion(crit: Criterion, weights: Mapping[str, float], points: tuple[float | None, ...]) -> CriterionScore:
    """A criterion's score: the weighted sum of its indicators' points (`points` in the order of `weights`), none
    while one of them is not assessed."""
    total = None if any(p is None for p in points) else round(sum(w * (p or 0) for w, p in zip(weights.values(), points, strict=True)), 2)
    return make(
        CriterionScore, {"criterion": crit.id, "section": crit.section, "title": crit.short, "points": total, "weights": dict(weights)}
    )


def _indicator_score(
    spec: ScoresSpec,
    ind: str,
    title: str,
    ticks: list[Tick],
    shares: list[Share],
    made: dict[tuple[str, int, Place | None], MissingItem] | None = None,
) -> IndicatorScore:
    """One indicator's score from its own marks."""
    ispec = spec.indicators[ind]
    value, pts = _points(ispec, ticks, shares)
    threshold = spec.threshold_of(ind) if ispec.formula == "survey" else None
    return make(
        IndicatorScore,
        {
            "indicator": ind,
            "title": title,
            "source": "survey" if ispec.formula == "survey" else "expert",
            "value": value,
            "points": pts,
            "threshold": threshold,
            "below_threshold": threshold is not None and value is not None and value < threshold,
            "missing": _missing(ind, ispec, ticks, made),
        },
    )


def checklist_deficiencies(catalog: Catalog) -> dict[str, str]:
    """Checklist item («3.2.2») → the first catalog deficiency that names it."""
    return dict(catalog.checklist_items)


def uncovered_items(catalog: Catalog) -> list[tuple[str, ChecklistItemSpec | None]]:
    """What scores may show but no catalog deficiency says: checklist items whose absence is a deficiency
    and no deficiency names (indicator, item), and survey indicators without a deficiency (indicator, None)."""
    if catalog.scores is None:
        return []
    covered = checklist_deficiencies(catalog)
    out: list[tuple[str, ChecklistItemSpec | None]] = []
    for ind, ispec in catalog.scores.indicators.items():
        if ispec.formula == "survey" and ispec.deficiency is None:
            out.append((ind, None))
        out += [(ind, item) for item in ispec.items if item.deficiency and f"{ind}.{item.n}" not in covered]
    return out


def columns(spec: ScoresSpec) -> Iterable[str]:
    """Every column name the scores table knows, in methodology order (for templates and messages)."""
    for ind in sorted(spec.indicators, key=lambda i: tuple(map(int, i.split(".")))):
        ispec = spec.indicators[ind]
        places: list[Place | None] = list(ispec.places) or [None]
        for p in places:
            prefix = f"{ind}." + (f"{PLACE_NAMES[p]}." if p else "")
            if ispec.formula == "survey":
                yield prefix + "удовлетворены"
                yield prefix + "всего"
            else:
                for item in required(ispec, p):
                    yield prefix + item.key


def flatten_columns(scores: Mapping[Any, Any], prefix: str = "") -> list[tuple[str, object]]:
    """A scores object, flat or nested (`{"3.1": {"стоянка": 0}}`), → (column, value) pairs («3.1.стоянка»).
    YAML reads an unquoted `3.1:` as the number 3.1, so keys are written back as text."""
    out: list[tuple[str, object]] = []
    for k, v in scores.items():
        key = f"{prefix}{_key_text(k)}"
        if isinstance(v, Mapping):
            out += flatten_columns(v, key + ".")
        else:
            out.append((key, v))
    return out


def _key_text(k: object) -> str:
    if isinstance(k, float) and k.is_integer():
        return str(int(k))
    return str(k)


def to_columns(spec: ScoresSpec, assessment: Assessment) -> dict[str, object]:
    """An Assessment back to the column → value form `read_assessment` takes (the page keeps it in the form)."""
    out: dict[str, object] = {}
    for m in assessment.checklist:
        item = next(i for i in spec.indicators[m.indicator].items if i.n == m.n)
        place = f"{PLACE_NAMES[m.place]}." if m.place else ""
        out[f"{m.indicator}.{place}{item.key}"] = 1 if m.present else 0
    for s in assessment.survey:
        place = f"{PLACE_NAMES[s.place]}." if s.place else ""
        if s.share is not None:
            out[f"{s.indicator}.{place}доля"] = s.share
        else:
            out[f"{s.indicator}.{place}удовлетворены"] = s.satisfied
            out[f"{s.indicator}.{place}всего"] = s.asked
    return out


# ---------------------------------------------------------------- packed form (a national table holds 150,000)


def pack(spec: ScoresSpec, assessment: Assessment) -> str:
    """An Assessment as a short line, what a batch keeps per institution until its plan is drafted (50 small
    models per institution would not fit 150,000 institutions in memory): «3.1=10111;2.3=86/100;4.1=97.5%».
    Checklist groups are the items of an indicator (at a place: «1.1@stand=…») in catalog order."""
    groups: dict[tuple[str, Place | None], dict[int, bool]] = {}
    for m in assessment.checklist:
        groups.setdefault((m.indicator, m.place), {})[m.n] = m.present
    return _packed(spec, groups, [(s.indicator, s.place, s.share, s.satisfied, s.asked) for s in assessment.survey])


def _packed(
    spec: ScoresSpec,
    groups: Mapping[tuple[str, Place | None], Mapping[int, bool]],
    survey: Sequence[tuple[str, Place | None, float | None, float | None, float | None]],
) -> str:
    """The packed line (see `pack`) of checklist groups (item number → present) and survey (indicator, place,
    share, satisfied, asked), each in the order given."""
    parts: list[str] = []
    for (ind, place), marks in groups.items():
        bits = "".join("1" if marks[i.n] else "0" for i in required(spec.indicators[ind], place))
        parts.append(_part_key(ind, place) + bits)
    for ind, place, share, satisfied, asked in survey:
        value = f"{share!r}%" if share is not None else f"{satisfied!r}/{asked!r}"
        parts.append(_part_key(ind, place) + value)
    return ";".join(parts)


def unpack(spec: ScoresSpec, packed: str) -> Assessment:
    """The Assessment `pack` made the line of (without the cells' sources: it was validated when read). A batch
    does not unpack: it scores the packed line itself (`Scorer.score_packed`)."""
    checklist: list[ChecklistMark] = []
    survey: list[SurveyMark] = []
    for part in filter(None, packed.split(";")):
        ind, place, bits, said = _read_part(spec, part)
        if said is None:
            checklist += [make(ChecklistMark, {"indicator": ind, "n": item.n, "place": place, "present": x}) for item, x in bits]
        else:
            share, satisfied, asked = said
            survey.append(make(SurveyMark, {"indicator": ind, "place": place, "share": share, "satisfied": satisfied, "asked": asked}))
    return make(Assessment, {"checklist": checklist, "survey": survey})


def _read_part(
    spec: ScoresSpec, part: str
) -> tuple[str, Place | None, list[tuple[ChecklistItemSpec, bool]], tuple[float | None, float | None, float | None] | None]:
    """One packed part (see `pack`): its indicator and place, and either each required item with whether it is
    there, or the survey's (share, satisfied, asked)."""
    key, value = part.split("=", 1)
    ind, _, at = key.partition("@")
    place: Place | None = at or None  # type: ignore[assignment]
    if value.endswith("%"):
        return ind, place, [], (float(value[:-1]), None, None)
    if "/" in value:
        sat, asked = value.split("/")
        return ind, place, [], (None, float(sat), float(asked))
    items = required(spec.indicators[ind], place)
    return ind, place, [(item, bit == "1") for item, bit in zip(items, value, strict=True)], None
