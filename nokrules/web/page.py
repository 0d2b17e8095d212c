"""The inspector's page: paste findings, see the draft plan as the official table, fix what was not
recognised, download the documents.

Plain HTML forms rendered on the server, no script: it works in any browser, with the keyboard and screen
readers, with nothing loaded from outside. One form carries everything (text, institution, kind, date,
document form, the suggestions picked so far), so «Выбрать» redraws the plan and «Скачать DOCX» downloads
exactly the plan on screen. The version for the visually impaired is a cookie and a CSS class.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from fastapi import Request
from fastapi.responses import Response
from pydantic import ValidationError

from nokrules.core.constants import HOW_TITLES, PLACE_TITLES, STATE_TITLES
from nokrules.core.engine import Engine, Trace
from nokrules.core.model import Choice, PlanRow, Unrecognized
from nokrules.documents.document import DocContext
from nokrules.documents.layout import Column
from nokrules.documents.table import DataRow, SectionRow, build_table, header_rows
from nokrules.web.messages import translate
from nokrules.web.schema import BUILTIN_FORMS, ExplainEntry, FieldError, PlanRequest
from nokrules.web.service import FieldProblem, draft, explain

VI_COOKIE = "nokrules_vi"
WHY_WIDTH, WHY_WIDTH_VI = 12, 16  # per cent of the table for «Почему»: larger print needs more room
FORM_TITLES = {"pp457": "Федеральная форма (ПП РФ № 457)", "vladimir2019": "Форма Владимирской области (2019)"}
FIELD_LABELS = {
    "text": "Недостатки",
    "institution": "Организация",
    "kind": "Вид организации",
    "date": "Дата плана",
    "form": "Форма документа",
    "choices": "Выбранные подсказки",
}


class PageForm:
    """The page's form fields as submitted (strings), and the picked suggestions after this click."""

    def __init__(
        self,
        text: str = "",
        institution: str = "",
        kind: str = "",
        date: str = "",
        form: str = "pp457",
        choices: list[dict[str, Any]] | None = None,
        vi: str = "",
    ):
        self.text, self.institution, self.kind, self.date, self.form = text, institution, kind, date, form
        self.choices = choices or []
        self.vi = vi

    @classmethod
    def of(cls, data: Any) -> PageForm:
        def get(name: str) -> str:
            v = data.get(name)
            return v if isinstance(v, str) else ""

        choices = [c for c in (_parse_choice(v) for v in data.getlist("choice")) if c]
        picked = _parse_choice(get("choose"))
        if picked and picked not in choices:
            choices.append(picked)
        drop = get("unchoose")
        if drop.isascii() and drop.isdigit() and int(drop) < len(choices):
            del choices[int(drop)]
        return cls(get("text"), get("institution"), get("kind"), get("date"), get("form") or "pp457", choices, get("vi"))

    def request(self) -> PlanRequest:
        return PlanRequest.model_validate(
            {
                "text": self.text,
                "institution": self.institution,
                "kind": self.kind or None,
                "date": self.date or None,
                "form": self.form,
                "choices": self.choices,
            }
        )


def _parse_choice(value: Any) -> dict[str, Any] | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        c = Choice.model_validate_json(value)
    except ValidationError:
        return None
    return c.model_dump(exclude_none=True)


def draft_page(engine: Engine, form: PageForm) -> tuple[PlanRequest | None, Trace | None, list[FieldError]]:
    """The form's request and its plan, or what to correct."""
    try:
        req = form.request()
    except ValidationError as e:
        return None, None, translate(e.errors())
    if req.choices:  # the text may have been edited since a suggestion was picked: keep what still applies
        kept = engine.applicable_choices(req.text, req.choices)
        form.choices = [c.model_dump(exclude_none=True) for c in kept]
        req = req.model_copy(update={"choices": kept})
    try:
        return req, draft(engine, req), []
    except FieldProblem as e:
        return req, None, [FieldError(field=e.field, message=e.message)]


def vi_on(request: Request, asked: str | None) -> bool:
    if asked in ("0", "1"):
        return asked == "1"
    return request.cookies.get(VI_COOKIE) == "1"


def remember_vi(resp: Response, asked: str | None) -> None:
    if asked in ("0", "1"):
        resp.set_cookie(VI_COOKIE, asked, max_age=365 * 24 * 3600, samesite="lax", httponly=True)


# ---------------------------------------------------------------------------------------------- HTML


def _e(s: object) -> str:
    return escape(str(s), quote=True)


def render_page(engine: Engine, form: PageForm, trace: Trace | None, errors: list[FieldError], vi: bool) -> str:
    cat = engine.catalog
    out = [
        "<!DOCTYPE html>",
        '<html lang="ru">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>nokrules — проект плана по устранению недостатков НОК</title>",
        '<link rel="stylesheet" href="/static/app.css">',
        '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">',
        "</head>",
        f'<body class="{"vi" if vi else "regular"}">',
        '<a class="skip" href="#main">Перейти к содержанию</a>',
        '<form method="post" action="/" id="plan-form">',
        # Enter in a field submits with the form's first button: make that one «Составить план», not the toggle
        '<button type="submit" class="visually-hidden" tabindex="-1" aria-hidden="true">Составить план</button>',
        '<header class="top">',
        '<p class="brand">nokrules</p>',
        f'<p class="catalog">каталог {_e(cat.settings.version)} от {cat.settings.effective_from:%d.%m.%Y}</p>',
        f'<button type="submit" class="link" name="vi" value="{"0" if vi else "1"}" formnovalidate>'
        f"{'Обычная версия' if vi else 'Версия для слабовидящих'}</button>",
        "</header>",
        '<main id="main">',
        "<h1>Проект плана по устранению недостатков, выявленных в ходе НОК</h1>",
    ]
    if errors:
        out.append('<div class="errors" role="alert" id="errors"><h2>Исправьте, пожалуйста</h2><ul>')
        for err in errors:
            label = FIELD_LABELS.get(err.field.split(".")[0].split("[")[0], err.field)
            target = err.field if err.field in FIELD_LABELS else "text"
            out.append(f'<li><a href="#{_e(target)}">{_e(label)}</a>: {_e(err.message)}</li>')
        out.append("</ul></div>")
    out += _fields(engine, form)
    out += [f'<input type="hidden" name="choice" value="{_e(json.dumps(c, ensure_ascii=False))}">' for c in form.choices]
    if trace is not None:
        out += _results(engine, form, trace, vi)
    out += ["</main>", "</form>", "</body>", "</html>", ""]
    return "\n".join(out)


def _fields(engine: Engine, form: PageForm) -> list[str]:
    cat = engine.catalog
    chosen = engine.names.kind(form.kind)  # a link may name the kind by its title or an alias
    kinds = ['<option value="">— не указан —</option>'] + [
        f'<option value="{_e(k.id)}"{" selected" if chosen == k.id else ""}>{_e(k.title)}</option>' for k in cat.kinds
    ]
    forms = [f'<option value="{f}"{" selected" if form.form == f else ""}>{_e(FORM_TITLES[f])}</option>' for f in BUILTIN_FORMS]
    return [
        '<section class="inputs" aria-labelledby="inputs-title">',
        '<h2 id="inputs-title" class="visually-hidden">Исходные данные</h2>',
        '<div class="field wide">',
        '<label for="text">Недостатки из протокола НОК</label>',
        '<p class="hint" id="text-hint">Вставьте текст как есть: по одному недостатку в строке, маркеры и нумерация не мешают.</p>',
        f'<textarea id="text" name="text" rows="9" aria-describedby="text-hint" required>{_e(form.text)}</textarea>',
        "</div>",
        '<div class="row">',
        '<div class="field"><label for="institution">Организация</label>'
        f'<input id="institution" name="institution" type="text" value="{_e(form.institution)}" autocomplete="organization"></div>',
        f'<div class="field"><label for="kind">Вид организации</label><select id="kind" name="kind">{"".join(kinds)}</select></div>',
        f'<div class="field narrow"><label for="date">Дата плана</label><input id="date" name="date" type="date" value="{_e(form.date)}"></div>',
        f'<div class="field"><label for="form">Форма документа</label><select id="form" name="form">{"".join(forms)}</select></div>',
        "</div>",
        '<p class="actions"><button type="submit" class="primary" id="draft">Составить план</button></p>',
        "</section>",
    ]


def _results(engine: Engine, form: PageForm, trace: Trace, vi: bool) -> list[str]:
    plan = trace.plan
    entries = explain(engine, trace)
    total = len(trace.findings)
    out = [
        '<section class="results" aria-labelledby="results-title">',
        '<h2 id="results-title">Проект плана</h2>',
        f'<p class="counts" role="status">Находок: {total}; '
        f"распознано: {total - len(plan.unrecognized) - len(plan.no_deficiency)}; не распознано: {len(plan.unrecognized)}; "
        + (f"без недостатков: {len(plan.no_deficiency)}; " if plan.no_deficiency else "")
        + f"строк плана: {sum(len(s.rows) for s in plan.sections)}.</p>",
    ]
    if plan.unrecognized:
        out += [
            '<section class="unrecognized" aria-labelledby="unrec-title">',
            '<h3 id="unrec-title">Не распознано — выберите подходящий недостаток</h3>',
            "<ul>",
        ]
        for u in plan.unrecognized:
            out.append(f'<li class="unrec"><p><span class="line">стр. {u.line}</span> <q>{_e(u.text)}</q></p>')
            if u.suggestions:
                out.append('<p class="suggest">Похоже на:</p><ul class="suggestions">')
                for s in u.suggestions:
                    value = json.dumps({"line": u.line, "deficiency": s.id, "text": u.text}, ensure_ascii=False)
                    out.append(
                        f'<li><button type="submit" class="choose" name="choose" value="{_e(value)}">'
                        f'Выбрать: {_e(s.title)}</button> <span class="id">{_e(s.id)}</span></li>'
                    )
                out.append("</ul>")
            else:
                out.append('<p class="suggest">Похожих недостатков в каталоге нет: мероприятие впишите вручную.</p>')
            out.append("</li>")
        out += ["</ul>", "</section>"]
    if form.choices:
        titles = {d.id: d.title for d in engine.catalog.deficiencies}
        out += ['<section class="chosen" aria-labelledby="chosen-title">', '<h3 id="chosen-title">Выбрано вручную</h3>', "<ul>"]
        for i, c in enumerate(form.choices):
            out.append(
                f"<li>стр. {c['line']}: {_e(titles.get(c['deficiency'], c['deficiency']))} "
                f'<button type="submit" class="link" name="unchoose" value="{i}">Отменить</button></li>'
            )
        out += ["</ul>", "</section>"]
    out += _table(engine, form, trace, entries, vi)
    out += [
        '<section class="downloads" aria-labelledby="dl-title">',
        '<h3 id="dl-title">Скачать план</h3>',
        '<p><button type="submit" formaction="/download/docx" id="download-docx">Скачать DOCX (Word)</button> '
        '<button type="submit" formaction="/download/xlsx" id="download-xlsx">Скачать XLSX (Excel)</button> '
        '<button type="submit" formaction="/download/json" id="download-json">Скачать JSON</button></p>',
        "</section>",
        "</section>",
    ]
    return out


def _table(engine: Engine, form: PageForm, trace: Trace, entries: list[ExplainEntry], vi: bool) -> list[str]:
    """The plan in the chosen form's columns, as the DOCX draws it (documents.table), with the lines of the
    findings in the text and a last column «Почему» that only the page has."""
    plan = trace.plan
    ctx = DocContext.of(plan, engine.catalog, form.form)
    layout, leaves = ctx.layout, ctx.layout.leaves()
    total, why_width = sum(leaf.width for leaf in leaves), WHY_WIDTH_VI if vi else WHY_WIDTH
    top, second = header_rows(layout)
    out = [
        '<table class="plan" id="plan-table">',
        f"<caption>План по устранению недостатков{': ' + _e(plan.institution.name) if plan.institution.name else ''}"
        f" (дата плана {plan.date:%d.%m.%Y})</caption>",
        "<colgroup>",
        *(f'<col style="width: {leaf.width / total * (100 - why_width):.2f}%">' for leaf in leaves),
        f'<col style="width: {why_width}%">',
        "</colgroup>",
        "<thead><tr>",
    ]
    for column, colspan, rowspan in top:
        span = (f' colspan="{colspan}"' if colspan > 1 else "") + (f' rowspan="{rowspan}"' if rowspan > 1 else "")
        out.append(f'<th scope="{"colgroup" if column.children else "col"}"{span}>{_e(column.title)}</th>')
    why_span = ' rowspan="2"' if second else ""
    out.append(f'<th scope="col"{why_span}>Почему</th></tr>')
    if second:
        out += ["<tr>", *(f'<th scope="col">{_e(c.title)}</th>' for c in second), "</tr>"]
    if layout.number_columns:
        out += ['<tr class="numbers">', *(f"<td>{k}</td>" for k in range(1, len(leaves) + 1)), "<td></td></tr>"]
    out.append("</thead>")
    opened = False
    for row in build_table(plan, layout, ctx.indicator_titles):
        if isinstance(row, SectionRow):
            out += ["</tbody>"] if opened else []
            out.append(f'<tbody><tr class="section"><th scope="rowgroup" colspan="{len(leaves) + 1}">{_e(row.title)}</th></tr>')
            opened = True
        else:
            out += _row(leaves, row, entries)
    out += ["</tbody>"] if opened else []
    out.append("</table>")
    if layout.footnote:
        out.append(f'<p class="footnote">{_e(layout.footnote)}</p>')
    return out


def _row(leaves: list[Column], row: DataRow, entries: list[ExplainEntry]) -> list[str]:
    src = row.source
    cells = []
    for leaf, text in zip(leaves, row.cells, strict=True):
        if leaf.field == "findings" and isinstance(src, PlanRow):
            body = "".join(f'<p><span class="line">стр. {f.line}</span> {_e(f.text)}</p>' for f in src.findings)
        elif leaf.field == "findings" and isinstance(src, Unrecognized):
            body = f'<p><span class="line">стр. {src.line}</span> {_e(src.text)}</p>'
        else:
            body = "<br>".join(_e(line) for line in text.split("\n"))
            if row.manual and leaf.field == "measure" and text:
                body = f'<strong class="manual-mark">{body}</strong>'
        cells.append(f"<td>{body}</td>")
    if isinstance(src, PlanRow):
        lines = {(f.line, f.text) for f in src.findings}
        why = _why(src, [e for e in entries if (e.line, e.finding) in lines and e.deficiency in src.deficiencies])
    elif isinstance(src, Unrecognized):
        why = "<p>Недостаток не распознан: выберите подходящий в списке «Не распознано» или впишите мероприятие вручную.</p>"
    else:
        why = ""
    cls = "manual" if row.manual else "note" if row.note else ""
    return [f'<tr class="{cls}">' if cls else "<tr>", *cells, f"<td>{why}</td>", "</tr>"]


def _why(row: PlanRow, entries: list[ExplainEntry]) -> str:
    parts = []
    for e in entries:
        how = HOW_TITLES[e.recognised_by]
        if not e.chosen:
            how += ", слова находки: " + "; ".join(f"«{_e(' '.join(m.words))}»" for m in e.matches)
        extra = f"; состояние: {STATE_TITLES[e.state]}" if e.state else ""
        if e.places:
            extra += f"; место: {', '.join(PLACE_TITLES.get(p, p) for p in e.places)}"
        if e.values:
            extra += "; " + ", ".join(f"{_e(n)} = {v:g}" for n, v in e.values.items())
        parts.append(
            f"<p>стр. {e.line}: {_e(e.title)} (показатель {_e(e.indicator)}, <code>{_e(e.deficiency)}</code>); {how}{extra}.</p>"
        )
    m = row.measure
    if m is not None:
        parts.append(f"<p>Правило <code>{_e(m.rule)}</code>: {_e(m.because)}.</p>")
    else:
        parts.append("<p>Ни одно правило каталога не даёт мероприятия для этого недостатка.</p>")
    return f"<details><summary>Почему</summary>{''.join(parts)}</details>"
