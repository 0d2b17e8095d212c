"""The HTTP API under /api and its documentation page at /docs.

Endpoints are plain `def`s, so they run in the server's thread pool; the engine they share is the app's
(`app.state.engine`, set by `create_app`).
"""

from __future__ import annotations

from importlib.metadata import version
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, Response

from nokrules.core.engine import Engine
from nokrules.core.limits import MAX_PLAN_LINES, TIME_LIMIT
from nokrules.core.model import Plan
from nokrules.web.headers import docs_policy
from nokrules.web.schema import ErrorResponse, ExplainResponse, Health, PlanRequest
from nokrules.web.service import MEDIA, Tracer, catalog_view, disposition, document, draft, explain, plan_json
from nokrules.web.workers import Drafters

ERRORS: dict[int | str, dict[str, Any]] = {
    413: {
        "model": ErrorResponse,
        "description": f"тело запроса больше 1 МиБ или в тексте больше {MAX_PLAN_LINES} строк (ограничения — в README)",
    },
    422: {
        "model": ErrorResponse,
        "description": f"неверное поле запроса (поле названо в errors[].field) или план не составлен за {TIME_LIMIT:.0f} с",
    },
    500: {"model": ErrorResponse, "description": "внутренняя ошибка; сервис продолжает работать"},
}


def _engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


def _tracer(request: Request) -> Tracer:
    drafters: Drafters = request.app.state.drafters
    return drafters.trace


Req = Annotated[PlanRequest, Body()]
Eng = Annotated[Engine, Depends(_engine)]
Tra = Annotated[Tracer, Depends(_tracer)]
router = APIRouter()


@router.post(
    "/api/plan", tags=["план"], responses=ERRORS, response_model=Plan,
    response_description="проект плана nokrules.plan/2", summary="Проект плана (JSON nokrules.plan/2)",
)
def api_plan(req: Req, engine: Eng, tracer: Tra) -> Response:
    # the bytes `nokrules plan --format json` prints; response_model only publishes their schema (Plan)
    trace = draft(engine, req, tracer)
    return Response(trace.plan.to_json(), media_type="application/json")


def _file(engine: Engine, req: PlanRequest, fmt: str, tracer: Tracer) -> Response:
    trace = draft(engine, req, tracer)
    data = document(engine, req, trace.plan, fmt)
    return Response(data, media_type=MEDIA[fmt], headers={"Content-Disposition": disposition(req.institution, fmt)})


@router.post(
    "/api/plan.docx",
    tags=["план"],
    responses={**ERRORS, 200: {"content": {MEDIA["docx"]: {}}, "description": "документ Word"}},
    summary="План документом Word по форме",
    response_class=Response,
)
def api_plan_docx(req: Req, engine: Eng, tracer: Tra) -> Response:
    return _file(engine, req, "docx", tracer)


@router.post(
    "/api/plan.xlsx",
    tags=["план"],
    responses={**ERRORS, 200: {"content": {MEDIA["xlsx"]: {}}, "description": "таблица Excel"}},
    summary="План таблицей Excel",
    response_class=Response,
)
def api_plan_xlsx(req: Req, engine: Eng, tracer: Tra) -> Response:
    return _file(engine, req, "xlsx", tracer)


@router.post(
    "/api/explain", tags=["план"], responses=ERRORS, response_model=ExplainResponse,
    response_description="план и объяснение каждой строки", summary="План и почему каждая строка",
)
def api_explain(req: Req, engine: Eng, tracer: Tra) -> ExplainResponse:
    trace = draft(engine, req, tracer)
    return ExplainResponse(plan=plan_json(trace.plan), explain=explain(engine, trace))


@router.get("/api/catalog", tags=["каталог"], response_description="каталог", summary="Каталог: недостатки, мероприятия, правила, версия")
def api_catalog(engine: Eng) -> dict[str, Any]:
    return catalog_view(engine.catalog)


@router.get("/api/health", tags=["служебное"], response_model=Health, response_description="сервис работает", summary="Сервис работает")
def api_health(engine: Eng) -> Health:
    cat = engine.catalog
    return Health(
        status="ok",
        nokrules=version("nokrules"),
        catalog_version=cat.settings.version,
        deficiencies=len(cat.deficiencies),
        rules=len(cat.rules),
    )


@router.get("/docs", include_in_schema=False)
def docs() -> HTMLResponse:
    """Swagger UI 5 (OpenAPI 3.1), served from the fastapi-offline package: no CDN is ever asked."""
    page = get_swagger_ui_html(
        openapi_url="/openapi.json",
        title="nokrules — API",
        swagger_js_url="/static/swagger/swagger-ui-bundle.js",
        swagger_css_url="/static/swagger/swagger-ui.css",
        swagger_favicon_url="/static/favicon.svg",
    )
    html = bytes(page.body).decode("utf-8")
    inline = html.split("<script>", 1)[1].split("</script>", 1)[0]  # the one script that starts Swagger UI
    page.headers["content-security-policy"] = docs_policy(inline)
    return page
