"""The inspector's page: paste findings, see the draft plan as the official table, fix what was not
recognised, fill in the people for the document, download the documents.

Plain HTML forms rendered on the server, no script and no inline style (a strict Content-Security-Policy
holds): it works in any browser, with the keyboard and screen readers, with nothing loaded from outside.
One form carries everything (text, institution, kind, date, document form, the profile fields, the
suggestions picked so far), so «Выбрать» redraws the plan and «Скачать DOCX» downloads exactly the plan on
screen with its approval block. The version for the visually impaired is a cookie and a CSS class.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html import escape
from typing import Any

from fastapi import Request
from fastapi.responses import Response
from pydantic import ValidationError

from nokrules.core.constants import CLOSE_TITLES, ECHO_NOTE, HOW_TITLES, PLACE_TITLES, STATE_TITLES, VALUE_TITLES, outvoted_note
from nokrules.core.engine import Engine, Trace
from nokrules.core.errors import InputError
from nokrules.core.limits import PlanTooLarge
from nokrules.core.model import Choice, PlanRow, Profile, ScoresBlock, Unrecognized
from nokrules.core.profile import parse_profile
from nokrules.core.scores import to_columns, unpack
from nokrules.documents import scores as scores_doc
from nokrules.documents.document import DocContext
from nokrules.documents.layout import Column
from nokrules.documents.table import GROUP_FIELDS, DataRow, Row, SectionRow, build_table, header_rows
from nokrules.protocols.readers.scores import read_scores
from nokrules.web.messages import translate
from nokrules.web.schema import BUILTIN_FORMS, ExplainEntry, FieldError, PlanRequest
from nokrules.web.service import FieldProblem, Tracer, draft, explain
from nokrules.web.workers import DraftTooSlow

VI_COOKIE = "nokrules_vi"
WHY_WIDTH, WHY_WIDTH_VI = 7, 12  # per cent of the table for «Почему»: larger print needs more room
# The page keeps the form's columns but not its paper proportions: the columns the draft leaves empty
# (filled in as the plan is carried out) get less, the measure and the responsible
# person, the longest texts of a row, get more, so that rows are as short as their text allows.
PAGE_WEIGHTS = {"empty": 0.85, "measure": 1.5, "responsible": 1.2}
FORM_TITLES = {"pp457": "Федеральная форма (ПП РФ № 457)", "vladimir2019": "Форма Владимирской области (2019)"}
FIELD_LABELS = {
    "text": "Недостатки",
    "institution": "Организация",
    "kind": "Вид организации",
    "date": "Дата плана",
    "form": "Форма документа",
    "choices": "Выбранные подсказки",
    "forms": "Формы обслуживания",
    "year": "Год плана",
    "report_date": "Отчётная дата",
    "founder": "Учредитель",
    "approver": "Утверждает",
    "people": "Ответственные",
    "profile": "Файл профиля",
    "scores": "Баллы (чек-лист и опрос)",
}
# the element an error links to, when it is not the field's name
FIELD_TARGETS = {"approver.position": "approver-position", "approver.name": "approver-name", "forms": "forms-fieldset"}
PROFILE_FIELDS = ("forms", "year", "report_date", "founder", "approver", "people", "profile")  # inside «Для документа»


def _text_field(data: Any, name: str) -> str:
    v = data.get(name)
    return v.strip() if isinstance(v, str) else ""


@dataclass
class PageForm:
    """The page's form fields as submitted (strings), the picked suggestions after this click, and the
    picks that no longer fit the text (shown, never silently dropped)."""

    text: str = ""
    institution: str = ""
    kind: str = ""
    date: str = ""
    form: str = "pp457"
    forms: list[str] = field(default_factory=list)
    year: str = ""
    report_date: str = ""  # the region's yearly reporting day «ДД.ММ»: every due precedes it
    founder: str = ""
    approver_position: str = ""
    approver_name: str = ""
    people: dict[str, str] = field(default_factory=dict)
    choices: list[dict[str, Any]] = field(default_factory=list)
    vi: str = ""
    dropped: list[tuple[dict[str, Any], str]] = field(default_factory=list)
    problems: list[FieldError] = field(default_factory=list)  # found before drafting (the profile file)
    scores: str = ""  # the uploaded scores as JSON (column → value), kept in the form between clicks

    @classmethod
    def of(cls, data: Any, profile: tuple[str, bytes] | None = None) -> PageForm:
        """The submitted form; `profile` is an uploaded profile file (name, bytes): its values replace the
        fields it fills, and stay in the fields for the next click."""

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
        people = {}
        for key in data:
            if isinstance(key, str) and key.startswith("person."):
                name = _text_field(data, key)
                if name:
                    people[key.removeprefix("person.")] = name
        form = cls(
            text=get("text"),
            institution=get("institution"),
            kind=get("kind"),
            date=get("date"),
            form=get("form") or "pp457",
            forms=[f for f in data.getlist("forms") if isinstance(f, str) and f],
            year=_text_field(data, "year"),
            report_date=_text_field(data, "report_date"),
            founder=_text_field(data, "founder"),
            approver_position=_text_field(data, "approver_position"),
            approver_name=_text_field(data, "approver_name"),
            people=people,
            choices=choices,
            vi=get("vi"),
            scores=get("scores"),
        )
        if profile is not None:
            name, content = profile
            try:
                form.apply(parse_profile(content, name))
            except InputError as e:
                form.problems.append(FieldError(field="profile", message=str(e)))
        return form

    def apply(self, prof: Profile) -> None:
        """What the profile file says replaces the fields; what it leaves out stays as typed."""
        self.institution = prof.name or self.institution
        self.kind = prof.kind or self.kind
        self.forms = list(prof.forms) or self.forms
        self.people = {**self.people, **prof.people}
        self.founder = prof.founder or self.founder
        self.report_date = prof.report_date or self.report_date
        self.approver_position = prof.approver.position or self.approver_position
        self.approver_name = prof.approver.name or self.approver_name

    def request(self) -> PlanRequest:
        return PlanRequest.model_validate(
            {
                "text": self.text,
                "institution": self.institution,
                "kind": self.kind or None,
                "forms": self.forms,
                "date": self.date or None,
                "form": self.form,
                "choices": self.choices,
                "people": self.people,
                "year": self.year or None,
                "report_date": self.report_date or None,
                "founder": self.founder,
                "approver": {"position": self.approver_position, "name": self.approver_name},
                "scores": _parse_scores(self.scores),
            }
        )

    def filled(self) -> list[str]:
        """What the «Для документа» part holds, in words, for its summary line."""
        out = []
        if self.people:
            out.append(f"ответственных: {len(self.people)}")
        if self.approver_position or self.approver_name:
            out.append("утверждает: " + " ".join(x for x in (self.approver_position, self.approver_name) if x))
        if self.founder:
            out.append("учредитель указан")
        if self.year:
            out.append(f"год {self.year}")
        if self.report_date:
            out.append(f"отчётная дата {self.report_date}")
        if self.forms:
            out.append(f"формы обслуживания: {len(self.forms)}")
        return out


def _parse_scores(value: str) -> dict[str, Any] | None:
    """The kept scores JSON; anything else (an edited hidden field) is treated as no scores."""
    if not value:
        return None
    try:
        got = json.loads(value)
    except ValueError:
        return None
    return got if isinstance(got, dict) and got else None


def read_upload(engine: Engine, form: PageForm, name: str, data: bytes) -> None:
    """An uploaded scores file → kept in the form as JSON (with its institution's name, kind and text
    findings where the form has none); what is wrong with it becomes a problem of the `scores` field."""
    spec = engine.catalog.scores
    if spec is None:
        form.problems.append(FieldError(field="scores", message="в каталоге нет catalog/scores.yaml: баллы не считаются"))
        return
    try:
        found = read_scores(data, name, spec)
    except InputError as e:
        form.problems.append(FieldError(field="scores", message=str(e)))
        return
    if len(found) != 1:
        form.problems.append(FieldError(field="scores", message=f"{name}: в файле {len(found)} учреждений, а страница строит план одного"))
        return
    inst = found[0]
    form.scores = json.dumps(to_columns(spec, unpack(spec, inst.scores or "")), ensure_ascii=False)
    form.institution = form.institution or inst.name
    form.kind = form.kind or ((engine.names.kind(inst.kind) or "") if inst.kind else "")
    if inst.findings and not form.text.strip():
        form.text = inst.findings


def _parse_choice(value: Any) -> dict[str, Any] | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        c = Choice.model_validate_json(value)
    except ValidationError:
        return None
    return c.model_dump(exclude_none=True)


def draft_page(
    engine: Engine, form: PageForm, trace: Tracer | None = None
) -> tuple[PlanRequest | None, Trace | None, list[FieldError]]:
    """The form's request and its plan (drafted by `trace`, see service.draft), or what to correct."""
    if form.problems:
        return None, None, form.problems
    try:
        req = form.request()
    except ValidationError as e:
        return None, None, translate(e.errors())
    if req.choices:  # lines may have moved since a suggestion was picked: each pick follows its finding's text
        kept, dropped = engine.place_choices(req.text, req.choices)
        form.choices = [c.model_dump(exclude_none=True) for c in kept]
        form.dropped = [(c.model_dump(exclude_none=True), why) for c, why in dropped]
        req = req.model_copy(update={"choices": kept})
    try:
        return req, draft(engine, req, trace), []
    except FieldProblem as e:
        return req, None, [FieldError(field=e.field, message=_for_the_page(engine, form, e))]
    except (PlanTooLarge, DraftTooSlow) as e:  # the text as a whole: said next to it
        return req, None, [FieldError(field="text", message=str(e))]


def _for_the_page(engine: Engine, form: PageForm, e: FieldProblem) -> str:
    """The API's message names the catalog's ids as a caller writes them; the page names its own fields."""
    if e.field == "kind":
        return f"неизвестный вид организации «{form.kind}»: выберите вид из списка"
    if e.field == "people":
        known = {r.id for r in engine.catalog.roles}
        unknown = ", ".join(f"«{k}»" for k in sorted(set(form.people) - known))
        return f"в файле профиля неизвестные роли {unknown}: ключи people — роли из examples/profile.yaml"
    return e.message


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
        '<form method="post" action="/" id="plan-form" enctype="multipart/form-data">',
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
            out.append(f'<li><a href="#{_e(_target(err.field))}">{_e(label)}</a>: {_e(err.message)}</li>')
        out.append("</ul></div>")
    out += _fields(engine, form, errors)
    out += [f'<input type="hidden" name="choice" value="{_e(json.dumps(c, ensure_ascii=False))}">' for c in form.choices]
    if form.scores:
        out.append(f'<input type="hidden" name="scores" value="{_e(form.scores)}">')
    if trace is not None:
        out += _results(engine, form, trace, vi)
    out += ["</main>", "</form>", "</body>", "</html>", ""]
    return "\n".join(out)


def _target(name: str) -> str:
    """The id of the control an error about request field `name` links to."""
    if name in FIELD_TARGETS:
        return FIELD_TARGETS[name]
    top = name.split(".")[0].split("[")[0]
    if top == "people":
        return "people"
    return top if top in FIELD_LABELS and top != "choices" else "text"


def _fields(engine: Engine, form: PageForm, errors: list[FieldError]) -> list[str]:
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
        # the HTML parser drops one newline right after <textarea>: this one, so the text's own first blank
        # line survives the round trip and the line numbers of the findings (and the picks tied to them) hold
        f'<textarea id="text" name="text" rows="9" aria-describedby="text-hint">\n{_e(form.text)}</textarea>',
        "</div>",
        '<div class="field wide">',
        '<label for="scores">Баллы: чек-лист и опрос (необязательно)</label>',
        '<p class="hint" id="scores-hint">Файл CSV, XLSX, YAML или JSON одного учреждения со столбцами вида «3.1.стоянка», '
        "«1.3.стенд.всего»: недостатки по баллам войдут в план вместе с недостатками из текста."
        + (" Загружено: баллы учтены, новый файл их заменит." if form.scores else "")
        + "</p>",
        '<input id="scores" name="scores_file" type="file" accept=".csv,.xlsx,.yaml,.yml,.json" aria-describedby="scores-hint">',
        "</div>",
        '<div class="row">',
        '<div class="field"><label for="institution">Организация</label>'
        f'<input id="institution" name="institution" type="text" value="{_e(form.institution)}" autocomplete="organization"></div>',
        f'<div class="field"><label for="kind">Вид организации</label><select id="kind" name="kind">{"".join(kinds)}</select></div>',
        f'<div class="field narrow"><label for="date">Дата плана</label><input id="date" name="date" type="date" value="{_e(form.date)}"></div>',
        f'<div class="field"><label for="form">Форма документа</label><select id="form" name="form">{"".join(forms)}</select></div>',
        "</div>",
        *_profile_fields(engine, form, any(e.field.split(".")[0].split("[")[0] in PROFILE_FIELDS for e in errors)),
        '<p class="actions"><button type="submit" class="primary" id="draft">Составить план</button></p>',
        "</section>",
    ]


def _profile_fields(engine: Engine, form: PageForm, wrong: bool) -> list[str]:
    """People by role, approver, founder, year, service forms, or a profile YAML (as `--profile`), folded
    under one summary that says what is filled; open when one of them is wrong."""
    cat = engine.catalog
    filled = form.filled()
    summary = "Для документа: ответственные, утверждающий, учредитель, год" + (f" — {'; '.join(filled)}" if filled else "")
    out = [
        f'<details class="profile" id="profile-fields"{" open" if wrong else ""}>',
        f"<summary>{_e(summary)}</summary>",
        '<div class="field wide"><label for="profile">Профиль организации (файл YAML, как для nokrules plan --profile)</label>'
        '<p class="hint" id="profile-hint">Значения из файла заменят поля ниже при нажатии «Составить план».</p>'
        '<input id="profile" name="profile" type="file" accept=".yaml,.yml,text/yaml" aria-describedby="profile-hint"></div>',
        '<div class="row">',
        f'<div class="field"><label for="approver-position">Утверждает: должность</label><input id="approver-position" '
        f'name="approver_position" type="text" value="{_e(form.approver_position)}"></div>',
        f'<div class="field"><label for="approver-name">Утверждает: фамилия и инициалы</label><input id="approver-name" '
        f'name="approver_name" type="text" value="{_e(form.approver_name)}"></div>',
        f'<div class="field"><label for="founder">Учредитель</label><input id="founder" name="founder" type="text" '
        f'value="{_e(form.founder)}"></div>',
        '<div class="field narrow"><label for="year">Год плана</label><input id="year" name="year" type="text" '
        f'inputmode="numeric" maxlength="4" aria-describedby="year-hint" value="{_e(form.year)}">'
        '<p class="hint" id="year-hint">пусто — по дате плана</p></div>',
        '<div class="field narrow"><label for="report_date">Отчётная дата</label><input id="report_date" name="report_date" '
        f'type="text" maxlength="5" placeholder="ДД.ММ" aria-describedby="report-date-hint" value="{_e(form.report_date)}">'
        '<p class="hint" id="report-date-hint">все сроки — до неё; пусто — по форме документа</p></div>',
        "</div>",
        '<fieldset class="forms" id="forms-fieldset"><legend>Формы обслуживания (если не отмечены — по виду организации)</legend>',
    ]
    for f in cat.forms:
        checked = " checked" if f.id in form.forms or f.title in form.forms else ""
        out.append(
            f'<span class="check"><input type="checkbox" id="forms-{_e(f.id)}" name="forms" value="{_e(f.id)}"{checked}>'
            f'<label for="forms-{_e(f.id)}">{_e(f.title)}</label></span>'
        )
    out += ["</fieldset>", '<fieldset class="people" id="people"><legend>Ответственные исполнители (ФИО по ролям)</legend>']
    for r in cat.roles:
        out.append(
            f'<div class="field"><label for="person-{_e(r.id)}">{_e(r.title)}</label>'
            f'<input id="person-{_e(r.id)}" name="person.{_e(r.id)}" type="text" value="{_e(form.people.get(r.id, ""))}" '
            'autocomplete="off"></div>'
        )
    out += ["</fieldset>", "</details>"]
    return out


def _results(engine: Engine, form: PageForm, trace: Trace, vi: bool) -> list[str]:
    plan = trace.plan
    entries = explain(engine, trace)
    titles = {d.id: d.title for d in engine.catalog.deficiencies}
    total = len(trace.findings)
    out = [
        '<section class="results" aria-labelledby="results-title">',
        '<h2 id="results-title">Проект плана</h2>',
        f'<p class="counts" role="status">Находок: {total}; '
        f"распознано: {total - len(plan.unrecognized) - len(plan.no_deficiency)}; не распознано: {len(plan.unrecognized)}; "
        + (f"без недостатков: {len(plan.no_deficiency)}; " if plan.no_deficiency else "")
        + f"строк плана: {sum(len(s.rows) for s in plan.sections)}.</p>",
    ]
    if form.dropped:
        out += [
            '<section class="dropped" role="status" aria-labelledby="dropped-title">',
            '<h3 id="dropped-title">Выбор не применён</h3>',
            "<ul>",
        ]
        for c, why in form.dropped:
            what = f"«{_e(c['text'])}»" if c.get("text") else f"находка на строке {c['line']}"
            out.append(f"<li>{what} → {_e(titles.get(c['deficiency'], 'недостаток каталога'))}: {_e(why)}.</li>")
        out += ["</ul>", "</section>"]
    if plan.unrecognized:
        out += [
            '<section class="unrecognized" aria-labelledby="unrec-title">',
            '<h3 id="unrec-title">Не распознано — выберите подходящий недостаток</h3>',
            "<ul>",
        ]
        for u in plan.unrecognized:
            out.append(f'<li class="unrec"><p><span class="line">стр. {u.line}</span> <q>{_e(u.text)}</q></p>')
            for o in u.left_out:  # what a pattern or a concept found and the labelled findings contradicted
                title = titles.get(o.deficiency, "недостаток каталога")
                rival = titles.get(o.rival, "другой недостаток") if o.rival else None
                out.append(f'<p class="left-out">{_e(outvoted_note(title, o.words, rival, o.probability))}.</p>')
            if u.suggestions:
                out.append('<p class="suggest">Похоже на:</p><ul class="suggestions">')
                for s in u.suggestions:
                    value = json.dumps({"line": u.line, "deficiency": s.id, "text": u.text}, ensure_ascii=False)
                    out.append(
                        f'<li><button type="submit" class="choose" name="choose" value="{_e(value)}">'
                        f"Выбрать: {_e(s.title)}</button></li>"
                    )
                out.append("</ul>")
            else:
                out.append('<p class="suggest">Похожих недостатков в каталоге нет: мероприятие впишите вручную.</p>')
            out.append("</li>")
        out += ["</ul>", "</section>"]
    if form.choices:
        out += ['<section class="chosen" aria-labelledby="chosen-title">', '<h3 id="chosen-title">Выбрано вручную</h3>', "<ul>"]
        for i, c in enumerate(form.choices):
            out.append(
                f"<li>стр. {c['line']}: {_e(titles.get(c['deficiency'], 'недостаток каталога'))} "
                f'<button type="submit" class="link" name="unchoose" value="{i}">Отменить</button></li>'
            )
        out += ["</ul>", "</section>"]
    out += _table(engine, form, trace, entries, vi)
    if trace.plan.scores is not None:
        out += _scores(trace.plan.scores)
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


def _scores(block: ScoresBlock) -> list[str]:
    """The scores block: criteria and their indicators, the total, and the checklist items at 0."""
    out = [
        '<section class="scores" aria-labelledby="scores-title">',
        f'<h3 id="scores-title">{_e(scores_doc.TITLE)}</h3>',
        "<table>",
        f"<caption>{_e(scores_doc.TITLE)}</caption>",
        '<thead><tr><th scope="col">№</th><th scope="col">Показатель</th><th scope="col">Значение</th>'
        '<th scope="col">Баллы</th><th scope="col">Примечание</th></tr></thead>',
        "<tbody>",
    ]
    for r in scores_doc.score_rows(block):
        cls = ' class="criterion"' if r.strong else ""
        out.append(
            f'<tr{cls}><th scope="row">{_e(r.number)}</th><td>{_e(r.title)}</td><td>{_e(r.value)}</td>'
            f"<td>{_e(r.points)}</td><td>{_e(r.note)}</td></tr>"
        )
    out += ["</tbody>", "</table>"]
    if block.missing:
        out += [f"<h4>{_e(scores_doc.MISSING_TITLE)}</h4>", "<ul>"]
        out += [f"<li>{_e(scores_doc.missing_text(m))}</li>" for m in block.missing]
        out.append("</ul>")
    return [*out, "</section>"]


def _widths(leaves: list[Column], why: int) -> list[str]:
    """Column widths in per cent: the form's proportions weighed by PAGE_WEIGHTS, «Почему» last. Written as `<col width>` (an attribute, not inline style, which a strict CSP would block)."""
    weights = [leaf.width * PAGE_WEIGHTS.get(leaf.field or "empty", 1) for leaf in leaves]
    total = sum(weights)
    return [f"{w / total * (100 - why):.1f}%" for w in weights] + [f"{why}%"]


def _table(engine: Engine, form: PageForm, trace: Trace, entries: list[ExplainEntry], vi: bool) -> list[str]:
    """The plan in the chosen form's columns, as the DOCX draws it (documents.table): one finding cell per
    finding group spanning its measures, with the lines of the findings in the text, and a last column
    «Почему», one per group, that only the page has."""
    plan = trace.plan
    ctx = DocContext.of(plan, engine.catalog, form.form)
    layout, leaves = ctx.layout, ctx.layout.leaves()
    top, second = header_rows(layout)
    out = [
        '<table class="plan" id="plan-table">',
        f"<caption>План по устранению недостатков{': ' + _e(plan.institution.name) if plan.institution.name else ''}"
        f" (дата плана {plan.date:%d.%m.%Y})</caption>",
        "<colgroup>",
        *(f'<col width="{w}">' for w in _widths(leaves, WHY_WIDTH_VI if vi else WHY_WIDTH)),
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
    rows = build_table(plan, layout, ctx.indicator_titles)
    for k, row in enumerate(rows):
        if isinstance(row, SectionRow):
            out += ["</tbody>"] if opened else []
            out.append(f'<tbody><tr class="section"><th scope="rowgroup" colspan="{len(leaves) + 1}">{_e(row.title)}</th></tr>')
            opened = True
        else:
            out += _row(leaves, row, rows[k : k + row.span], entries)
    out += ["</tbody>"] if opened else []
    out.append("</table>")
    if layout.footnote:
        out.append(f'<p class="footnote">{_e(layout.footnote)}</p>')
    return out


def _row(leaves: list[Column], row: DataRow, group: list[Row], entries: list[ExplainEntry]) -> list[str]:
    """One table row; the first row of a finding group draws the group's cells with a rowspan, the others
    leave them to it."""
    src = row.source
    span = f' rowspan="{row.span}"' if row.span > 1 else ""
    cells = []
    for leaf, text in zip(leaves, row.cells, strict=True):
        grouped = leaf.field in GROUP_FIELDS
        if grouped and row.span == 0:
            continue
        if leaf.field == "findings" and isinstance(src, PlanRow):
            body = "".join(f'<p><span class="line">стр. {f.line}</span> {_e(f.text)}</p>' for f in src.findings)
        elif leaf.field == "findings" and isinstance(src, Unrecognized):
            body = f'<p><span class="line">стр. {src.line}</span> {_e(src.text)}</p>'
        else:
            body = "<br>".join(_e(line) for line in text.split("\n"))
            if row.manual and leaf.field == "measure" and text:
                body = f'<strong class="manual-mark">{body}</strong>'
        cells.append(f"<td{span if grouped else ''}>{body}</td>")
    if row.span:
        if isinstance(src, PlanRow):
            measures = [r.source for r in group if isinstance(r, DataRow) and isinstance(r.source, PlanRow)]
            lines = {(f.line, f.text) for f in src.findings}
            wanted = {d for r in measures for d in r.deficiencies}
            why = _why(measures, [e for e in entries if (e.line, e.finding) in lines and e.deficiency in wanted])
        elif isinstance(src, Unrecognized):
            why = "<p>Недостаток не распознан: выберите подходящий в списке «Не распознано» или впишите мероприятие вручную.</p>"
        else:
            why = ""
        cells.append(f'<td class="why"{span}>{why}</td>')
    cls = "manual" if row.manual else "note" if row.note else ""
    return [f'<tr class="{cls}">' if cls else "<tr>", *cells, "</tr>"]


def _words(e: ExplainEntry) -> list[str]:
    """The words of the finding that matched, each once, in the order they stand in the finding."""
    found = list(dict.fromkeys(" ".join(m.words) for m in e.matches if m.words))
    low = e.finding.lower()
    return sorted(found, key=lambda w: (low.find(w.lower()) % (len(low) + 1), found.index(w)))


def _why(rows: list[PlanRow], entries: list[ExplainEntry]) -> str:
    """Why a finding group has its measures, in plain Russian: what each finding was taken for and by
    which of its words, then the reason for each measure. No ids, no pattern syntax."""
    parts = []
    for e in entries:
        said = (f"стр. {e.line}: " if e.line else "") + f"недостаток «{_e(e.title)}» (показатель {_e(e.indicator)})"
        if e.chosen:
            said += " — выбран вручную"
        elif e.recognised_by == "scores":
            said += f" — {HOW_TITLES['scores']}: " + "; ".join(_e(x) for x in e.scores)
        elif e.recognised_by in ("similarity", "model"):
            said += f" — распознано {HOW_TITLES[e.recognised_by]}; {CLOSE_TITLES[e.recognised_by]}: " + "; ".join(
                f"«{_e(c.text)}» (сходство {c.similarity:.2f})" for c in e.close
            )
        else:
            said += f" — распознано {HOW_TITLES[e.recognised_by]}; слова находки: " + ", ".join(f"«{_e(w)}»" for w in _words(e))
        said += "".join("; " + _e(ECHO_NOTE.format(deficiency=t)) for t in e.echoes)
        said += "".join("; " + _e(outvoted_note(o.deficiency, o.words, o.rival, o.probability)) for o in e.outvoted)
        if e.scores and e.recognised_by != "scores":
            said += "; также по баллам: " + "; ".join(_e(x) for x in e.scores)
        if e.state:
            said += f"; состояние: {STATE_TITLES[e.state]}"
        if e.places:
            said += f"; место: {', '.join(PLACE_TITLES.get(p, 'место из находки') for p in e.places)}"
        for name, v in e.values.items():
            said += f"; {_e(VALUE_TITLES.get(name, 'число из находки'))}: {v:g}"
        parts.append(f"<p>{said}.</p>")
    reasons: dict[str, list[str]] = {}  # one reason, said once, for the measures it gives
    for r in rows:
        if r.measure is not None:
            reasons.setdefault(r.measure.because.rstrip("."), []).append(f"«{_e(_lead(r.measure.text))}»")
    for because, named in reasons.items():
        parts.append(f"<p>{'Мероприятие' if len(named) == 1 else 'Мероприятия'} {', '.join(named)}: {_e(because)}.</p>")
    if any(r.measure is None for r in rows):
        parts.append("<p>Ни одно правило каталога не даёт мероприятия для этого недостатка: впишите его вручную.</p>")
    return f'<details><summary>Почему</summary><div class="why-text">{"".join(parts)}</div></details>'


def _lead(text: str, words: int = 6) -> str:
    """The first words of a measure, to name it next to its reason (the full text is in its own cell)."""
    split = text.split()
    return " ".join(split[:words]) + ("…" if len(split) > words else "")
