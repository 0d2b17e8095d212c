"""The HTTP contract: request and response models of the API (they are also its OpenAPI schema at /docs).

A plan comes back as the same `nokrules.plan/2` JSON the CLI prints; these models only describe what
goes in, the explain view of the web page, the catalog listing and errors.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from nokrules.core.dates import parse_report_day, plan_date_problem
from nokrules.core.model import Approver, Choice, Close, FindingState, RecognitionSource

BUILTIN_FORMS = ("pp457", "vladimir2019")  # document forms over HTTP: never a path on the server


class PlanRequest(BaseModel):
    """Findings of one institution and what the plan needs to know about it."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "text": "- на сайте нет раздела «Часто задаваемые вопросы»\n- отсутствует пандус у входа",
                    "institution": "ГБУ «КЦСОН г. Примерска»",
                    "kind": "kcson",
                    "date": "2027-01-15",
                }
            ]
        },
    )

    text: str = Field("", description="недостатки, как в протоколе: по одному на строку, можно несколько в строке")
    scores: dict[str, Any] | None = Field(
        None,
        description="чек-лист и опрос: столбец → значение, плоско или вложенно, как в таблице баллов "
        "({\"3.1.стоянка\": 0, \"2.3\": {\"удовлетворены\": 86, \"всего\": 100}}); нужен text или scores",
    )
    institution: str = Field("", description="наименование организации")
    kind: str | None = Field(None, description="вид организации: id, название или сокращение (GET /api/catalog → kinds)")
    forms: list[str] = Field(default_factory=list, description="формы обслуживания (по умолчанию — формы вида)")
    date: dt.date | None = Field(None, description="дата плана ГГГГ-ММ-ДД (по умолчанию — сегодня)")
    choices: list[Choice] = Field(
        default_factory=list, description="нераспознанные находки, отнесённые к недостатку вручную (строка, id)"
    )
    people: dict[str, str] = Field(default_factory=dict, description="ФИО по ролям ответственных (роль → ФИО)")
    form: str = Field("pp457", description="форма документа для DOCX: pp457 или vladimir2019")
    year: int | None = Field(
        None, ge=2000, le=2100, description="год плана: «на 20__ год» и сроки (по умолчанию — год даты, для октября–декабря — следующий)"
    )
    report_date: str | None = Field(
        None, pattern=r"^\d{2}\.\d{2}$", description="дата отчёта региона ДД.ММ: все сроки раньше неё (по умолчанию — из формы)"
    )
    approver: Approver = Field(default_factory=Approver, description="гриф «УТВЕРЖДАЮ» документа")
    founder: str = Field("", description="учредитель (строка над заголовком документа)")

    @field_validator("date")
    @classmethod
    def _plan_year(cls, v: dt.date | None) -> dt.date | None:
        problem = plan_date_problem(v) if v is not None else None
        if problem:
            raise ValueError(problem)
        return v

    @field_validator("report_date")
    @classmethod
    def _report_day(cls, v: str | None) -> str | None:
        if v is not None:
            parse_report_day(v)  # ValueError in Russian: «дата отчёта «31.09» должна быть днём года…»
        return v

    @field_validator("*")
    @classmethod
    def _encodable(cls, v: Any) -> Any:
        """JSON may carry lone UTF-16 surrogates («\\ud800»), which no document or JSON output can encode."""
        if _has_surrogate(v):
            raise ValueError("недопустимый символ: одиночный суррогат UTF-16 (текст повреждён при копировании)")
        return v


def _has_surrogate(v: Any) -> bool:
    if isinstance(v, str):
        return not v.isascii() and any("\ud800" <= ch <= "\udfff" for ch in v)
    if isinstance(v, BaseModel):
        return any(_has_surrogate(x) for x in v.__dict__.values())
    if isinstance(v, dict):
        return any(_has_surrogate(k) or _has_surrogate(x) for k, x in v.items())
    if isinstance(v, list | tuple):
        return any(_has_surrogate(x) for x in v)
    return False


class MatchView(BaseModel):
    element: str
    words: list[str]


class FiredRule(BaseModel):
    id: str
    because: str


class OutvotedView(BaseModel):
    deficiency: str = Field(description="название недостатка, который тоже совпал, но не учтён")
    words: str = Field(description="место находки, где стоят его собственные слова")
    close: list[Close] = Field(default_factory=list, description="ближайшие к этому месту размеченные находки и сходство 0–1")
    rival: str | None = Field(
        default=None, description="название недостатка, который называют размеченные находки, ближайшие ко всей находке (отвод)"
    )
    probability: float | None = Field(
        default=None, description="вероятность недостатка 0–1 по модели размеченных находок, когда модель его отвела"
    )


class ExplainEntry(BaseModel):
    """Why one finding became one deficiency, and which rules gave its measures."""

    line: int
    finding: str
    deficiency: str
    title: str
    indicator: str
    chosen: bool = Field(description="отнесено вручную (выбрана подсказка), а не распознано")
    recognised_by: RecognitionSource = Field(
        default="pattern", description="как распознано: pattern — шаблон каталога, concept — предмет и признак проблемы, similarity — "
        "по сходству с размеченными находками, model — по модели, обученной на них, choice — вручную, scores — по баллам"
    )
    state: FindingState | None = Field(default=None, description="состояние предмета по находке")
    matches: list[MatchView]
    places: list[str]
    values: dict[str, float]
    scores: list[str] = Field(default_factory=list, description="где тот же недостаток показали баллы (чек-лист, опрос)")
    close: list[Close] = Field(
        default_factory=list, description="распознано по сходству или моделью: ближайшие размеченные находки и сходство 0–1"
    )
    echoes: list[str] = Field(
        default_factory=list, description="недостатки (по названиям), которые тоже совпали, но их слова — лишь часть этой формулировки"
    )
    outvoted: list[OutvotedView] = Field(
        default_factory=list,
        description="недостатки (по названиям), которые тоже совпали, но размеченные находки, ближайшие к их словам, называют этот",
    )
    rules: list[FiredRule]


class ExplainResponse(BaseModel):
    plan: dict[str, Any] = Field(description="план nokrules.plan/2, как у POST /api/plan")
    explain: list[ExplainEntry]


class Health(BaseModel):
    status: str
    nokrules: str
    catalog_version: str
    deficiencies: int
    rules: int


class FieldError(BaseModel):
    field: str
    message: str


class ErrorResponse(BaseModel):
    message: str
    errors: list[FieldError] = Field(default_factory=list)
