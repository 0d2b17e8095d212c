"""The inspector's page at /: show the form, draft on submission, download the drafted plan; the HTML is
page.py's, the drafting and documents service.py's."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from nokrules.core.engine import Engine
from nokrules.web.page import PageForm, draft_page, read_upload, remember_vi, render_page, vi_on
from nokrules.web.schema import FieldError
from nokrules.web.service import MEDIA, Tracer, disposition, document


async def _form(request: Request, engine: Engine) -> PageForm:
    """The submitted page form, with the profile file and the scores file if chosen (the body limit bounds
    their size)."""
    data = await request.form()
    upload = data.get("profile")
    profile = None
    if isinstance(upload, UploadFile) and upload.filename:
        profile = (upload.filename, await upload.read())
    form = PageForm.of(data, profile)
    scores = data.get("scores_file")
    if isinstance(scores, UploadFile) and scores.filename:
        content = await scores.read()
        if content:
            await run_in_threadpool(read_upload, engine, form, scores.filename, content)
    return form


def router(engine: Engine, tracer: Tracer) -> APIRouter:
    """The page's routes for one engine: the form, its submission and the downloads (drafted by `tracer`)."""
    r = APIRouter()

    @r.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request, vi: str | None = None) -> Response:
        on = vi_on(request, vi)
        resp = HTMLResponse(render_page(engine, PageForm(date=dt.date.today().isoformat()), None, [], on))
        remember_vi(resp, vi)
        return resp

    @r.post("/", response_class=HTMLResponse, include_in_schema=False)
    async def submit(request: Request) -> Response:
        form = await _form(request, engine)
        on = form.vi == "1" if form.vi in ("0", "1") else vi_on(request, None)
        _, trace, errors = await run_in_threadpool(draft_page, engine, form, tracer)  # as the API's plain defs: off the event loop
        resp = HTMLResponse(render_page(engine, form, trace, errors, on), status_code=422 if errors else 200)
        remember_vi(resp, form.vi)
        return resp

    @r.post("/download/{fmt}", include_in_schema=False)
    async def download(request: Request, fmt: str) -> Response:
        form = await _form(request, engine)
        if fmt not in MEDIA:
            return HTMLResponse(
                render_page(engine, form, None, [FieldError(field="format", message=f"нет формата {fmt}")], vi_on(request, None)),
                404,
            )
        req, trace, errors = await run_in_threadpool(draft_page, engine, form, tracer)
        if req is None or trace is None:
            return HTMLResponse(render_page(engine, form, None, errors, vi_on(request, None)), status_code=422)
        return Response(
            await run_in_threadpool(document, engine, req, trace.plan, fmt),
            media_type=MEDIA[fmt],
            headers={"Content-Disposition": disposition(req.institution, fmt)},
        )

    return r
