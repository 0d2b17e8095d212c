"""The FastAPI application: the HTTP API under /api, the inspector's page at /, OpenAPI at /docs.

One Engine per process, loaded when the app is built and shared by every request. Endpoints are plain
`def`s, so they run in the server's thread pool; the rule engine serialises its durable-rules sessions
behind its own lock and names each session uniquely, so concurrent requests never see each other's
facts (the load check in `make bench` compares 200 concurrent plans with sequential ones).
Every error a user can cause is a 4xx with a Russian message naming the field; a 500 is a bug.
"""

from __future__ import annotations

import logging
from importlib import resources
from importlib.metadata import version
from typing import Annotated, Any

from fastapi import Body, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from nokrules.core.engine import Engine
from nokrules.core.errors import InputError, NokError, UsageError
from nokrules.web import page
from nokrules.web.limits import BodyLimit
from nokrules.web.messages import summary, translate
from nokrules.web.schema import ErrorResponse, ExplainResponse, FieldError, Health, PlanRequest
from nokrules.web.service import MEDIA, FieldProblem, catalog_view, disposition, document, draft, explain, plan_json

log = logging.getLogger("nokrules.web")

ERRORS: dict[int | str, dict[str, Any]] = {
    413: {"model": ErrorResponse, "description": "тело запроса больше 1 МиБ"},
    422: {"model": ErrorResponse, "description": "неверное поле запроса (поле названо в errors[].field)"},
}
Req = Annotated[PlanRequest, Body()]
_HTTP_RU = {404: "нет такой страницы", 405: "метод не поддерживается для этого адреса"}


def _error(status: int, errors: list[FieldError], message: str | None = None) -> JSONResponse:
    body = ErrorResponse(message=message or summary(errors), errors=errors)
    return JSONResponse(body.model_dump(), status_code=status)


def create_app(engine: Engine) -> FastAPI:
    """The app around one loaded engine (tests build it with the mini catalog)."""
    app = FastAPI(
        title="nokrules",
        version=version("nokrules"),
        description=(
            "Проект плана по устранению недостатков, выявленных в ходе независимой оценки качества (НОК), "
            "из текста недостатков. План возвращается в формате nokrules.plan/1 — тот же JSON, что печатает "
            "`nokrules plan --format json`."
        ),
        docs_url=None,
        redoc_url=None,
    )
    # Swagger UI 5 (OpenAPI 3.1) for /docs, served from the fastapi-offline package: no CDN is ever asked
    app.mount("/static/swagger", StaticFiles(directory=str(resources.files("fastapi_offline") / "static")), name="swagger")
    static = resources.files("nokrules.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return _error(422, translate(exc.errors()))

    @app.exception_handler(FieldProblem)
    async def _problem(request: Request, exc: FieldProblem) -> Response:
        return _error(422, [FieldError(field=exc.field, message=exc.message)])

    @app.exception_handler(NokError)
    async def _nok(request: Request, exc: NokError) -> Response:
        if isinstance(exc, UsageError | InputError):  # what the request asked for cannot be done
            return _error(422, [], str(exc))
        log.error("nokrules error: %s", exc)  # EngineError and the like: a bug, not the caller's fault
        return _error(500, [], f"внутренняя ошибка nokrules: {exc}")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(exc.status_code, [], _HTTP_RU.get(exc.status_code, str(exc.detail)))

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> Response:
        log.exception("internal error")
        return _error(500, [], f"внутренняя ошибка nokrules ({type(exc).__name__}); сообщите разработчикам")

    @app.post("/api/plan", tags=["план"], responses=ERRORS, summary="Проект плана (JSON nokrules.plan/1)")
    def api_plan(req: Req) -> Response:
        trace = draft(engine, req)
        return Response(trace.plan.to_json(), media_type="application/json")

    def _file(req: PlanRequest, fmt: str) -> Response:
        trace = draft(engine, req)
        data = document(engine, req, trace.plan, fmt)
        return Response(data, media_type=MEDIA[fmt], headers={"Content-Disposition": disposition(req.institution, fmt)})

    @app.post(
        "/api/plan.docx",
        tags=["план"],
        responses={**ERRORS, 200: {"content": {MEDIA["docx"]: {}}, "description": "документ Word"}},
        summary="План документом Word по форме",
        response_class=Response,
    )
    def api_plan_docx(req: Req) -> Response:
        return _file(req, "docx")

    @app.post(
        "/api/plan.xlsx",
        tags=["план"],
        responses={**ERRORS, 200: {"content": {MEDIA["xlsx"]: {}}, "description": "таблица Excel"}},
        summary="План таблицей Excel",
        response_class=Response,
    )
    def api_plan_xlsx(req: Req) -> Response:
        return _file(req, "xlsx")

    @app.post(
        "/api/explain", tags=["план"], responses=ERRORS, response_model=ExplainResponse, summary="План и почему каждая строка"
    )
    def api_explain(req: Req) -> ExplainResponse:
        trace = draft(engine, req)
        return ExplainResponse(plan=plan_json(trace.plan), explain=explain(engine, trace))

    @app.get("/api/catalog", tags=["каталог"], summary="Каталог: недостатки, мероприятия, правила, версия")
    def api_catalog() -> dict[str, Any]:
        return catalog_view(engine.catalog)

    @app.get("/api/health", tags=["служебное"], response_model=Health, summary="Сервис работает")
    def api_health() -> Health:
        cat = engine.catalog
        return Health(
            status="ok",
            nokrules=version("nokrules"),
            catalog_version=cat.settings.version,
            deficiencies=len(cat.deficiencies),
            rules=len(cat.rules),
        )

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="nokrules — API",
            swagger_js_url="/static/swagger/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    page.add_routes(app, engine)
    app.add_middleware(BodyLimit)
    return app
