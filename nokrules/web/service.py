"""What the API and the page do with a request, without HTTP: draft, explain, render, list the catalog.

Errors are `FieldProblem`s naming the request field at fault, so both the API (422 JSON) and the page
(a message next to the form) can say which input to correct.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from nokrules.core.engine import Engine, Trace
from nokrules.core.errors import InputError, UsageError
from nokrules.core.limits import PlanTooLarge
from nokrules.core.model import Assessment, Catalog, Plan
from nokrules.core.planner import fired_on
from nokrules.core.scores import Cell, flatten_columns, read_assessment
from nokrules.documents.document import render_document
from nokrules.documents.layout import report_date
from nokrules.documents.scores import source_text
from nokrules.protocols.batch import slug
from nokrules.web.schema import BUILTIN_FORMS, ExplainEntry, FiredRule, MatchView, OutvotedView, PlanRequest
from nokrules.web.workers import DraftTooSlow

MEDIA = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


@dataclass
class FieldProblem(Exception):
    """A request field with a value nokrules cannot use, and why (Russian)."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


Tracer = Callable[..., Trace]  # Engine.trace, or Drafters.trace (the same arguments, drafted in a worker)


def draft(engine: Engine, req: PlanRequest, trace: Tracer | None = None) -> Trace:
    """The plan of one request with every stage kept (the page shows why each row is there), drafted by
    `trace` (the app's worker processes) or, without it, by the engine in this process."""
    if not req.text.strip() and not req.scores:
        raise FieldProblem("text", "нет текста: вставьте недостатки из протокола или загрузите баллы")
    assessment = _assessment(engine, req.scores) if req.scores else None
    if req.form not in BUILTIN_FORMS:
        raise FieldProblem("form", f"неизвестная форма документа «{req.form}»; допустимо: {', '.join(BUILTIN_FORMS)}")
    try:
        kind = engine.resolve_kind(req.kind) if req.kind and req.kind.strip() else None
    except UsageError as e:
        raise FieldProblem("kind", str(e)) from None
    try:
        inst = engine.institution(req.institution.strip(), kind, req.forms or None, req.people)
    except UsageError as e:
        raise FieldProblem("forms" if "форма обслуживания" in str(e) else "people", str(e)) from None
    try:
        return (trace or engine.trace)(
            req.text, inst, req.date, req.choices, assessment, req.year, report_date(req.form, req.report_date)
        )  # no date: today
    except (PlanTooLarge, DraftTooSlow):
        raise  # the request as a whole: 413 and 422 of their own
    except UsageError as e:
        raise FieldProblem("choices", str(e)) from None


def _assessment(engine: Engine, scores: dict[str, Any]) -> Assessment:
    """The request's scores object → its Assessment; a bad cell is a problem of the `scores` field."""
    if engine.catalog.scores is None:
        raise FieldProblem("scores", "в каталоге нет catalog/scores.yaml: баллы не считаются")
    cells = [Cell(col, v, f"ключ «{col}»") for col, v in flatten_columns(scores)]
    try:
        return read_assessment(engine.catalog.scores, cells, "баллы")
    except InputError as e:
        raise FieldProblem("scores", str(e)) from None


def plan_json(plan: Plan) -> dict[str, Any]:
    """The `nokrules.plan/2` JSON of a plan, exactly as `nokrules plan --format json` prints it."""
    loaded: dict[str, Any] = json.loads(plan.to_json())
    return loaded


def document(engine: Engine, req: PlanRequest, plan: Plan, fmt: str) -> bytes:
    """The plan as a file: DOCX or XLSX in the request's form, or the plan JSON."""
    if fmt == "json":
        return plan.to_json().encode("utf-8")
    return render_document(fmt, plan, engine.catalog, req.form, req.year, req.approver, req.founder)


def explain(engine: Engine, trace: Trace) -> list[ExplainEntry]:
    """Per recognised finding: the words that matched each pattern element, or that it was picked by hand,
    and the rules that fired on it with their reasons."""
    cat = engine.catalog
    fired = fired_on(trace.recognitions, trace.firings)
    out = []
    for k, r in enumerate(trace.recognitions):
        d = cat.deficiency(r.deficiency)
        finding = trace.findings[r.finding]
        out.append(
            ExplainEntry(
                line=finding.line,
                finding=finding.text,
                deficiency=d.id,
                title=d.title,
                indicator=d.indicator,
                chosen=r.source == "choice",
                recognised_by=r.source,
                state=r.state,
                matches=[MatchView(element=m.element, words=list(m.words)) for m in r.matches],
                places=list(r.places),
                values=dict(r.values),
                scores=[source_text(s) for s in r.scores],
                close=list(r.close),
                echoes=[cat.deficiency(e).title for e in r.echoes],
                outvoted=[
                    OutvotedView(
                        deficiency=cat.deficiency(o.deficiency).title,
                        words=o.words,
                        close=o.close,
                        rival=cat.deficiency(o.rival).title if o.rival else None,
                        probability=o.probability,
                    )
                    for o in r.outvoted
                ],
                rules=[FiredRule(id=rid, because=cat.rule(rid).because) for rid in fired[k]],
            )
        )
    return out


def catalog_view(catalog: Catalog) -> dict[str, Any]:
    """The loaded catalog for other tools: version, criteria, kinds, forms, roles, deficiencies, measures, rules."""
    s = catalog.settings
    return {
        "version": s.version,
        "effective_from": s.effective_from.isoformat(),
        "criteria": [
            {
                "id": c.id,
                "section": c.section,
                "title": c.title,
                "indicators": [{"id": str(i.id), "title": i.title, "source": i.source} for i in c.indicators],
            }
            for c in catalog.criteria
        ],
        "kinds": [{"id": k.id, "title": k.title, "aliases": list(k.aliases), "forms": list(k.forms)} for k in catalog.kinds],
        "forms": [{"id": f.id, "title": f.title} for f in catalog.forms],
        "roles": [{"id": r.id, "title": r.title} for r in catalog.roles],
        "deficiencies": [
            {"id": d.id, "title": d.title, "indicator": d.indicator, "section": catalog.criterion_of(d.indicator)[0].section}
            for d in catalog.deficiencies
        ],
        "measures": [m.model_dump(mode="json", exclude_none=True) for m in catalog.measures],
        "rules": [r.model_dump(mode="json", exclude_none=True, exclude_defaults=True) for r in catalog.rules],
    }


def disposition(institution: str, fmt: str) -> str:
    """attachment; a Latin file name from the institution (every browser) plus the Russian one (RFC 6266)."""
    name = institution.strip()
    russian = f"План {name}" if name else "План"
    return f"attachment; filename=\"{slug(name) if name else 'plan'}.{fmt}\"; filename*=UTF-8''{quote(russian + '.' + fmt)}"
