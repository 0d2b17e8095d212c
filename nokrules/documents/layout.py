"""Plan document layouts («формы») as data: columns, which plan field fills each, titles and captions.

The federal form (ПП РФ № 457) and regional forms differ only in columns and captions, so a ministry adds
its own form as a YAML file (`--form PATH`) instead of code. Built-in forms live in nokrules/documents/layouts/.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field

from nokrules.core.catalog import validate_model
from nokrules.core.constants import MANUAL_MEASURE, NO_FINDINGS
from nokrules.core.errors import CatalogError, InputError, Problem
from nokrules.core.limits import FORM_COLUMNS_MAX
from nokrules.core.model import Strict
from nokrules.core.yamlsrc import load_located

LAYOUTS = Path(__file__).resolve().parent / "layouts"

FieldName = Literal[
    "number", "findings", "measure", "due", "responsible", "result", "basis", "indicators", "deficiencies", "empty"
]


class Column(Strict):
    title: str
    field: FieldName | None = None  # None only for a header cell split into `children`
    width: float = Field(default=3.0, gt=0, le=20)  # centimetres
    children: list[Column] = []

    def leaves(self) -> list[Column]:
        return [leaf for c in self.children for leaf in c.leaves()] if self.children else [self]


class Layout(Strict):
    id: str = Field(pattern=r"^[a-z0-9_-]+$")
    name: str
    title: str
    subtitle: str = ""
    approval: bool = True
    year_line: bool = True
    institution_caption: str = "(наименование организации)"
    section_titles: Literal["official", "short"] = "official"
    number_columns: bool = True
    empty_section: str = NO_FINDINGS
    other_section: str = "Прочие недостатки"
    manual_text: str = MANUAL_MEASURE
    footnote: str = ""
    # the region's yearly reporting day «ДД.ММ» (e.g. «01.10»): every due of a plan in this form precedes it
    report_date: str | None = Field(default=None, pattern=r"^\d{2}\.\d{2}$")
    columns: list[Column] = Field(min_length=1)

    def leaves(self) -> list[Column]:
        return [leaf for c in self.columns for leaf in c.leaves()]


def report_date(form: str, profile: str | None = None) -> str | None:
    """The reporting day the dues precede: the profile's if it names one, else the form's."""
    return profile or load_layout(form).report_date


def builtin() -> list[str]:
    return sorted(p.stem for p in LAYOUTS.glob("*.yaml"))


def load_layout(name_or_path: str) -> Layout:
    """A built-in form by id (pp457, vladimir2019) or a form YAML file by path."""
    path = LAYOUTS / f"{name_or_path}.yaml" if name_or_path in builtin() else Path(name_or_path)
    if path.is_dir():
        raise InputError(f"{name_or_path}: это папка, а нужен файл формы YAML")
    if not path.is_file():
        raise InputError(f"форма «{name_or_path}» не найдена: встроенные формы — {', '.join(builtin())}, или путь к файлу YAML")
    return _load(path, path.stat().st_mtime_ns)


@lru_cache(maxsize=64)
def _load(path: Path, mtime_ns: int) -> Layout:
    """Parsed once per file version (`mtime_ns` is part of the cache key): a batch renders every plan of a
    protocol in the same form."""
    src = load_located(path, str(path) if path.parent != LAYOUTS else f"{path.stem} (встроенная форма)")
    problems: list[Problem] = []
    layout = validate_model(Layout, src.data, src, (), problems)
    if problems or layout is None:
        raise CatalogError(problems)
    if len(layout.leaves()) > FORM_COLUMNS_MAX:
        raise CatalogError(
            [
                Problem(
                    src.ref(("columns",)),
                    f"в форме {len(layout.leaves())} граф — больше {FORM_COLUMNS_MAX}, сколько помещается на лист A4",
                    "NOK002",
                )
            ]
        )
    for leaf in layout.leaves():
        if leaf.field is None:
            raise CatalogError([Problem(src.ref(("columns",)), f"у графы «{leaf.title}» нет field и нет children", "NOK002")])
    assert isinstance(layout, Layout)
    return layout
