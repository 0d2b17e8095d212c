"""Scores tables: an operator's checklist and survey per institution → institutions with their `Assessment`.

Layouts:
- CSV or an Excel sheet, one row per institution: a header names the institution column («Учреждение»,
  «Наименование»), optionally the kind («Вид») and findings («Недостатки»: text findings for mixed input),
  and the score columns by indicator and item (`1.1.стенд.тарифы`, `3.1.стоянка`, `1.3.стенд.всего`);
- an Excel workbook with one sheet per institution: column A the score column names, column B the values;
  the sheet's title is the institution, unless a row «Учреждение» names it;
- YAML or JSON: a list of institutions (or `{institutions: [...]}`, or one institution), each with `name`,
  optional `kind`, `findings` and `scores`: the same column names as keys, flat or nested
  (`{"3.1": {"стоянка": 0}}` is `3.1.стоянка`).

A header mapping (YAML `columns: {their column: our column}`, `пропустить` to skip one) lets a ministry
read its operator's own column names without code. Every cell is checked by core.scores, whose messages
name the file, the row or cell and what was expected; a file is read whole or not at all.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import sys
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]
import yaml
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from nokrules.core.errors import InputError
from nokrules.core.findings import decode
from nokrules.core.model import ProtocolInstitution, ScoresSpec
from nokrules.core.scores import AssessmentReader, Cell, CellData, flatten_columns, is_score_column, norm_word
from nokrules.protocols.readers.common import clean, clean_item, findings_text, identify_columns

_SCORES_KEY = re.compile(r'^\s*(?:-\s*)?"?scores"?\s*:', re.MULTILINE)
SKIP = {"пропустить", "skip", "-"}
DELIMITERS = (";", ",", "\t")
NAME_KEYS = ("name", "institution", "учреждение", "наименование", "организация")
_GIVEN = {"name", "kind", "findings", "findings_line", "scores"}  # what `_institution` gives every entry


# ---------------------------------------------------------------- the header mapping


def load_column_map(path: Path) -> dict[str, str]:
    """A header mapping file → {their column (folded): our column or «пропустить»}. InputError naming the file
    and the key for anything else."""
    try:
        data = yaml.safe_load(decode(path.read_bytes(), str(path)))
    except FileNotFoundError:
        raise InputError(f"{path}: файл соответствия столбцов не найден") from None
    except yaml.YAMLError as e:
        raise InputError(f"{path}: не читается как YAML ({str(e).splitlines()[0]})") from None
    mapping = data.get("columns") if isinstance(data, dict) and "columns" in data else data
    if not isinstance(mapping, dict):
        raise InputError(f"{path}: ожидалось «columns:» и под ним строки «столбец оператора: 3.1.стоянка»")
    out: dict[str, str] = {}
    for theirs, ours in mapping.items():
        if not isinstance(ours, str | int | float) or not str(ours).strip():
            raise InputError(f"{path}: у столбца «{theirs}» нет нашего названия (например, «3.1.стоянка» или «пропустить»)")
        target = str(ours).strip()
        if norm_word(target) not in SKIP and not is_score_column(target) and _identity(target) is None:
            raise InputError(
                f"{path}: столбец «{theirs}» сопоставлен с «{target}» — ожидалось название по показателю "
                "(«3.1.стоянка», «1.3.стенд.всего»), «учреждение», «вид», «недостатки» или «пропустить»"
            )
        out[_key(str(theirs))] = target
    return out


def _key(header: str) -> str:
    return " ".join(clean(header).lower().replace("ё", "е").split())


def _identity(header: str) -> str | None:
    """«name», «kind», «findings» or «number» for an identity column; None for anything else."""
    role = next(iter(identify_columns([header])), None)
    return role if role in ("name", "kind", "findings", "number") else None


# ---------------------------------------------------------------- reading


def looks_like_scores(data: bytes, name: str, mapping: Mapping[str, str] | None = None) -> bool:
    """Whether a file is a scores table or file (some column or key names an indicator), so `batch` can take it
    without being told."""
    if mapping:
        return True
    head = data[:200_000].decode("utf-8", errors="ignore")
    if name.lower().endswith(".xlsx") or zipfile.is_zipfile(io.BytesIO(data)):
        try:
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception:  # not a workbook: the protocol readers will say why
            return False
        for sheet in book.worksheets:
            for row in sheet.iter_rows(max_row=30, values_only=True):
                if sum(1 for v in row if isinstance(v, str) and is_score_column(v)) >= 1:
                    return True
        return False
    if _SCORES_KEY.search(head):  # YAML or JSON: an institution with a `scores` key
        return True
    return _header_line(head)


_STRICT_COLUMN = re.compile(r"^\d\.\d(?:\.[^\s.]+){1,2}$")  # a header cell exactly: «3.1.стоянка», «1.3.стенд.всего»


def _header_line(text: str) -> bool:
    """A table header among the first lines: cells split by «;», «,» or tab, one naming the institution and one
    a score column exactly («3.1.стоянка») — a protocol line «3.2.4: нет версии сайта» is no header."""
    for line in [x for x in text.splitlines() if x.strip()][:5]:
        for d in DELIMITERS:
            cells = [c.strip().strip('"') for c in line.split(d)]
            if len(cells) > 1 and any(_STRICT_COLUMN.match(c) for c in cells) and any(_identity(c) == "name" for c in cells):
                return True
    return False


def read_scores(data: bytes, name: str, spec: ScoresSpec, mapping: Mapping[str, str] | None = None) -> list[ProtocolInstitution]:
    """The bytes of a scores file → its institutions, each with its assessment (and text findings, if any).
    Raises InputError (one Russian line) for a file that is no scores table and for any bad cell."""
    mapping = dict(mapping or {})
    lower = name.lower()
    if lower.endswith(".xlsx") or zipfile.is_zipfile(io.BytesIO(data)):
        raw: Iterable[_Raw] = _xlsx(data, name, mapping)
    elif lower.endswith((".yaml", ".yml", ".json")) or data.lstrip()[:1] in (b"{", b"["):
        raw = _structured(data, name)
    else:
        raw = _csv(data, name, mapping)
    reader = AssessmentReader(spec)
    out = [_institution(reader, r) for r in raw]  # one row's cells at a time: a national table is 10 million
    if not out:
        raise InputError(f"{name}: не найдено ни одного учреждения с баллами")
    return out


class _Raw:
    """One institution as read, before its cells are checked."""

    def __init__(self, name: str, where: str, line: int) -> None:
        self.name = name
        self.kind: str | None = None
        self.findings: list[str] = []
        self.cells: list[CellData] = []
        self.where = where
        self.line = line
        self.row: tuple[tuple[str, ...], list[object], list[str], str] | None = None  # a table row: columns, values, labels, at

    def all_cells(self) -> list[CellData]:
        """The cells as `read_packed` takes them; a table row's are made only when it needs them."""
        if self.row is None:
            return self.cells
        columns, values, labels, at = self.row
        return list(zip(columns, values, itertools.repeat(at, len(columns)), labels, strict=True))  # no object per cell


def _institution(reader: AssessmentReader, r: _Raw) -> ProtocolInstitution:
    if not r.name:
        raise InputError(f"{r.where}: не указано название учреждения")
    # every field is checked above (the name, the packed scores by the reader), so the entry is made without
    # validating it again, and all entries share one set of the names given: a model keeps that set, 700 bytes
    # of each of the 150,000 entries a national batch holds (ProtocolInstitution is frozen: it never changes)
    return ProtocolInstitution.model_construct(
        _GIVEN,
        name=r.name,
        kind=sys.intern(r.kind) if r.kind else None,  # one string per kind, not per row
        findings=findings_text(r.findings),
        findings_line=r.line,
        scores=_packed_scores(reader, r),
    )


def _packed_scores(reader: AssessmentReader, r: _Raw) -> str:
    """A table row of plain cells is read as a row (`read_row_packed`); any other, cell by cell."""
    if r.row is not None:
        got = reader.read_row_packed(r.row[0], r.row[1])
        if got is not None:
            return got
    return reader.read_packed(r.all_cells(), r.where)


def _header_roles(headers: Sequence[str], mapping: Mapping[str, str], where: str) -> list[str | None]:
    """Each header → our column («3.1.стоянка»), an identity role («@name»), or None to skip."""
    out: list[str | None] = []
    for h in headers:
        text = clean(h)
        if not text:
            out.append(None)
            continue
        target = mapping.get(_key(text), text)
        if norm_word(target) in SKIP:
            out.append(None)
        elif is_score_column(target):
            out.append(target.strip())
        elif (role := _identity(target)) is not None:
            out.append(f"@{role}")
        else:
            raise InputError(
                f"{where}, столбец «{text}»: неизвестный столбец — ожидалось название по показателю («3.1.стоянка», "
                "«1.3.стенд.всего»), «Учреждение», «Вид» или «Недостатки»; чужие названия сопоставьте в файле "
                "соответствия (--columns), лишние отметьте «пропустить»"
            )
    return out


def _rows_to_raw(
    rows: Iterable[Sequence[object]], where: str, mapping: Mapping[str, str], row_at: Callable[[int], str]
) -> Iterator[_Raw]:
    """A table whose header row has score columns → one _Raw per non-empty row below it, as it is read."""
    it = iter(rows)
    head, header = None, None
    for k, row in enumerate(itertools.islice(it, 30)):
        if _has_score_column(row, mapping):
            head, header = k, row
            break
    if head is None or header is None:
        raise InputError(f"{where}: нет строки заголовка со столбцами баллов («3.1.стоянка», «1.3.стенд.всего»)")
    roles = _header_roles([_text(v) for v in header], mapping, where)
    if "@name" not in roles:
        raise InputError(f"{where}: нет столбца с названием учреждения («Учреждение», «Наименование»)")
    labels = [f"столбец «{clean(_text(v))}»" for v in header]  # once per table, not per cell: 10 million cells
    scored = [j for j, role in enumerate(roles) if role is not None and not role.startswith("@")]
    columns: tuple[str, ...] = tuple(roles[j] for j in scored)  # type: ignore[misc]
    column_labels = [labels[j] for j in scored]
    width = max(scored, default=-1) + 1
    identity = [(j, role) for j, role in enumerate(roles) if role is not None and role.startswith("@")]
    for k, row in enumerate(it, start=head + 1):
        if all(_text(v) == "" for v in row):
            continue
        at = row_at(k)  # where the row stands; each cell adds its column only when a message names it
        r = _Raw("", at, k + 1)
        n = len(row)
        values = [row[j] for j in scored] if n >= width else [row[j] if j < n else None for j in scored]
        r.row = (columns, values, column_labels, at)
        for j, role in identity:
            v = row[j] if j < n else None
            if role == "@name":
                r.name = clean(_text(v))
            elif role == "@kind":
                r.kind = clean(_text(v)) or None
            elif role == "@findings":
                r.findings += [clean_item(x) for x in _text(v).split("\n") if clean_item(x)]
        yield r


def _has_score_column(row: Sequence[object], mapping: Mapping[str, str]) -> bool:
    return any(is_score_column(mapping.get(_key(_text(v)), _text(v))) for v in row if _text(v))


def _text(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _csv(data: bytes, name: str, mapping: Mapping[str, str]) -> Iterator[_Raw]:
    content = decode(data, name)
    first = next((line for line in content[:100_000].splitlines() if line.strip()), "")
    delimiter = max(DELIMITERS, key=first.count)
    try:
        yield from _rows_to_raw(csv.reader(io.StringIO(content, newline=""), delimiter=delimiter), name, mapping,
                                lambda k: f"{name}, строка {k + 1}")  # fmt: skip
    except csv.Error as e:
        raise InputError(f"{name}: не разбирается как CSV ({e})") from None


def _xlsx(data: bytes, name: str, mapping: Mapping[str, str]) -> list[_Raw]:
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as e:  # openpyxl raises many kinds on foreign files
        raise InputError(f"{name}: не открывается как книга Excel ({type(e).__name__})") from None
    out: list[_Raw] = []
    for sheet in book.worksheets:
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        if not any(any(_text(v).strip() for v in r) for r in rows):
            continue
        where = f"{name}, лист «{sheet.title}»"
        if any(_has_score_column(r, mapping) and len([v for v in r if _text(v)]) > 2 for r in rows[:30]):
            out += list(_rows_to_raw(rows, where, mapping, _row_at(where)))
        else:
            out.append(_vertical(rows, sheet.title, where, mapping))
    return out


def _row_at(where: str) -> Callable[[int], str]:
    return lambda k: f"{where}, строка {k + 1}"


def _vertical(rows: Sequence[Sequence[object]], title: str, where: str, mapping: Mapping[str, str]) -> _Raw:
    """One sheet per institution: column A the column names, column B the values."""
    r = _Raw(clean(title), where, 1)
    for k, row in enumerate(rows):
        key = clean(_text(row[0] if row else None))
        if not key:
            continue
        v = row[1] if len(row) > 1 else None
        role = _header_roles([key], mapping, f"{where}, ячейка A{k + 1}")[0]
        if role == "@name":
            r.name = clean(_text(v)) or r.name
        elif role == "@kind":
            r.kind = clean(_text(v)) or None
        elif role == "@findings":
            r.findings += [clean_item(x) for x in _text(v).split("\n") if clean_item(x)]
        elif role is not None and not role.startswith("@"):
            r.cells.append(Cell(role, v, f"{where}, ячейка {get_column_letter(2)}{k + 1} («{key}»)"))
    return r


def _structured(data: bytes, name: str) -> list[_Raw]:
    content = decode(data, name)
    try:
        loaded = json.loads(content) if content.lstrip()[:1] in ("{", "[") and name.lower().endswith(".json") else yaml.safe_load(content)
    except (yaml.YAMLError, json.JSONDecodeError) as e:
        raise InputError(f"{name}: не читается как YAML/JSON ({str(e).splitlines()[0]})") from None
    records = loaded.get("institutions", [loaded]) if isinstance(loaded, dict) else loaded
    if not isinstance(records, list):
        raise InputError(f"{name}: ожидался список учреждений (у каждого name и scores)")
    out = []
    for i, rec in enumerate(records, start=1):
        where = f"{name}, учреждение {i}"
        if not isinstance(rec, dict):
            raise InputError(f"{where}: ожидался объект с полями name, kind, findings, scores")
        unknown = sorted(str(k) for k in rec if k not in ("name", "kind", "findings", "scores", *NAME_KEYS))
        if unknown:
            raise InputError(f"{where}: неизвестное поле «{unknown[0]}» (ожидались name, kind, findings, scores)")
        r = _Raw(clean(str(next((rec[k] for k in NAME_KEYS if k in rec), "") or "")), where, 1)
        if r.name:
            r.where = where = f"{name}, учреждение {i} («{r.name}»)"
        r.kind = clean(str(rec["kind"])) if rec.get("kind") else None
        f = rec.get("findings") or []
        items = f.split("\n") if isinstance(f, str) else [str(x) for x in f]
        r.findings = [clean_item(x) for x in items if clean_item(x)]
        scores = rec.get("scores")
        if scores is None:
            raise InputError(f"{where}: нет поля scores (баллы чек-листа и опроса)")
        if not isinstance(scores, dict):
            raise InputError(f"{where}: scores должно быть словарём «столбец: значение»")
        for col, v in flatten_columns(scores):
            r.cells.append(Cell(col, v, f"{where}, ключ «{col}»"))
        out.append(r)
    return out


def read_scores_file(path: Path, spec: ScoresSpec | None, columns: Path | None = None) -> list[ProtocolInstitution]:
    """A scores file on disk → its institutions (see `read_scores`); InputError for a missing file, a catalog
    without scores.yaml or any bad cell."""
    if spec is None:
        raise InputError("в каталоге нет catalog/scores.yaml: баллы не считаются")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: файл с баллами не найден") from None
    except OSError as e:
        raise InputError(f"{path}: не удалось прочитать файл ({e.strerror})") from None
    return read_scores(data, str(path), spec, load_column_map(columns) if columns else None)
