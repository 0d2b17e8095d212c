"""The FastAPI application: the HTTP API under /api (routes_api), the inspector's page at / (routes_page),
OpenAPI at /docs.

One Engine per app, loaded when the app is built: it answers the catalog, the page and the documents.
Plans are drafted in worker processes (web/workers.py), each with the same catalog loaded, so a crash of
the durable-rules C extension costs one request (a 500, logged) and the server answers the next one; the
workers start with the app and stop with it. Every error a user can cause is a 4xx with a Russian
message naming the field; a plan over the limits of one plan is a 413 naming `nokrules batch`; a 500 is
a bug.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from importlib.metadata import version

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from nokrules.core.engine import Engine
from nokrules.core.errors import InputError, NokError, UsageError
from nokrules.core.limits import PlanTooLarge
from nokrules.web import routes_api, routes_page
from nokrules.web.headers import HEADERS, SecurityHeaders
from nokrules.web.limits import BodyLimit
from nokrules.web.messages import summary, translate
from nokrules.web.schema import ErrorResponse, FieldError
from nokrules.web.service import FieldProblem
from nokrules.web.workers import Drafters

log = logging.getLogger("nokrules.web")

_HTTP_RU = {
    # FastAPI answers 400 when reading the body fails other than by a JSON syntax error: JSON nested too deep
    400: "тело запроса не удалось разобрать: JSON вложен слишком глубоко или повреждён",
    404: "нет такой страницы",
    405: "метод не поддерживается для этого адреса",
}


def create_app(engine: Engine, drafters: Drafters | None = None) -> FastAPI:
    """The app around one loaded engine (tests build it with the mini catalog) and its drafting workers
    (by default WORKERS processes with the engine's catalog)."""
    workers = drafters or Drafters(engine.catalog)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        workers.start()
        try:
            yield
        finally:
            workers.close()

    app = FastAPI(
        lifespan=lifespan,
        title="nokrules",
        version=version("nokrules"),
        description=(
            "Проект плана по устранению недостатков, выявленных в ходе независимой оценки качества (НОК), "
            "из текста недостатков. План возвращается в формате nokrules.plan/2 — тот же JSON, что печатает "
            "`nokrules plan --format json`."
        ),
        docs_url=None,
        redoc_url=None,
        exception_handlers={
            PlanTooLarge: _too_large,
            RequestValidationError: _invalid,
            FieldProblem: _problem,
            NokError: _nok,
            StarletteHTTPException: _http,
            Exception: _bug,
        },
    )
    app.state.engine = engine
    app.state.drafters = workers
    # Swagger UI for /docs from the fastapi-offline package, so the page never asks a CDN
    app.mount("/static/swagger", StaticFiles(directory=str(resources.files("fastapi_offline") / "static")), name="swagger")
    app.mount("/static", StaticFiles(directory=str(resources.files("nokrules.web") / "static")), name="static")
    app.include_router(routes_api.router)
    app.include_router(routes_page.router(engine, workers.trace))
    app.add_middleware(BodyLimit)
    app.add_middleware(SecurityHeaders)  # outermost: a 413 from BodyLimit carries the headers too
    return app


def _error(status: int, errors: list[FieldError], message: str | None = None) -> JSONResponse:
    body = ErrorResponse(message=message or summary(errors), errors=errors)
    # the headers here too: Starlette answers an unhandled exception outside every middleware
    return JSONResponse(body.model_dump(), status_code=status, headers=HEADERS)


async def _invalid(request: Request, exc: RequestValidationError) -> Response:
    return _error(422, translate(exc.errors(), exc.body))


async def _problem(request: Request, exc: FieldProblem) -> Response:
    return _error(422, [FieldError(field=exc.field, message=exc.message)])


async def _too_large(request: Request, exc: PlanTooLarge) -> Response:
    return _error(413, [FieldError(field="text", message=str(exc))], str(exc))


async def _nok(request: Request, exc: NokError) -> Response:
    if isinstance(exc, UsageError | InputError):  # what the request asked for cannot be done
        return _error(422, [], str(exc))
    log.error("nokrules error: %s", exc)  # EngineError and the like: a bug, not the caller's fault
    return _error(500, [], f"внутренняя ошибка nokrules: {exc}")


async def _http(request: Request, exc: StarletteHTTPException) -> Response:
    return _error(exc.status_code, [], _HTTP_RU.get(exc.status_code, str(exc.detail)))


async def _bug(request: Request, exc: Exception) -> Response:
    log.exception("internal error")
    return _error(500, [], f"внутренняя ошибка nokrules ({type(exc).__name__}); сообщите разработчикам")
