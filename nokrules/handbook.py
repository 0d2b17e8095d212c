"""The whole catalog as a handbook for ministry curators: Markdown or DOCX, the same content, the same bytes.

Curators approve the catalog, not its YAML: per section and indicator they need to read which deficiencies
are recognised and which measures each rule gives, with conditions and due terms spelled out in Russian.
Both renderers walk one neutral outline (`outline`), so the two formats cannot say different things, and
output is byte-stable so a changed handbook always means a changed catalog.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from typing import cast

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.oxml.text.font import CT_RPr
from docx.shared import Mm, Pt
from docx.styles.style import ParagraphStyle

from .model import DUE_RE, Catalog, Comparison, Measure, Rule

TITLE = "Справочник каталога недостатков и типовых мероприятий НОК"
NO_DEFICIENCIES = "Недостатки не описаны"
NO_RULES = "Правил нет: мероприятие формулируется вручную"
NO_CONDITIONS = "без дополнительных условий"
UNUSED = "Мероприятия, не используемые ни одним правилом"
EXCLUDES = "не ставится в один план с"
PLACES = {"site": "сайт", "stand": "стенд"}
OPS = {"lt": "<", "le": "≤", "gt": ">", "ge": "≥", "eq": "="}
PERIODS = {
    "end_of_month": "до конца месяца",
    "end_of_quarter": "до конца квартала",
    "end_of_next_quarter": "до конца следующего квартала",
    "end_of_half_year": "до конца полугодия",
    "end_of_year": "до конца года",
    "permanent": "постоянно",
}
GROUP_POLICIES = {  # what happens when several rules of one group fire on a finding (docs/catalog.md)
    "collect": "применяются все правила группы",
    "unique": "условия правил группы не должны пересекаться",
    "any": "пересечение допустимо при одинаковых мероприятиях",
    "priority": "срабатывает только правило с наибольшим приоритетом",
    "first": "срабатывает только правило, записанное первым",
}
UNITS = {
    "day": ("день", "дня", "дней"),
    "workday": ("рабочий день", "рабочих дня", "рабочих дней"),
    "week": ("неделя", "недели", "недель"),
    "month": ("месяц", "месяца", "месяцев"),
}


# ---------------------------------------------------------------- the outline both formats render


@dataclass(frozen=True)
class MeasureView:
    id: str
    text: str
    fields: list[tuple[str, str]]  # (label, value): срок, ответственный, результат, основание, исключения


@dataclass(frozen=True)
class RuleView:
    id: str
    lines: list[tuple[str, str]]  # (label, value): условия, приоритет, обоснование, замены
    measures: list[MeasureView]
    group: str | None = None  # «группа NAME (policy)», shown next to the rule's name


@dataclass(frozen=True)
class DeficiencyView:
    id: str
    title: str
    examples: list[str]
    counterexamples: list[str]
    rules: list[RuleView]


@dataclass(frozen=True)
class IndicatorView:
    heading: str
    deficiencies: list[DeficiencyView]


@dataclass(frozen=True)
class SectionView:
    heading: str
    title: str
    indicators: list[IndicatorView]


@dataclass(frozen=True)
class Outline:
    meta: list[tuple[str, str]]
    notes: list[str]
    sections: list[SectionView]
    unused: list[MeasureView]


def plural(n: int, forms: tuple[str, str, str]) -> str:
    """The Russian noun form for n: 1 месяц, 2 месяца, 5 месяцев, 11 месяцев, 21 месяц."""
    if n % 10 == 1 and n % 100 != 11:
        return forms[0]
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return forms[1]
    return forms[2]


def due_spec_text(spec: str) -> str:
    """A due spec as a curator reads it: `+2 months` → «2 месяца от даты плана»."""
    m = DUE_RE.match(spec)
    if m and m.group("n"):
        n = int(m.group("n"))
        return f"{n} {plural(n, UNITS[m.group('unit').rstrip('s')])} от даты плана"
    return PERIODS.get(spec, spec)


def _num(x: float) -> str:
    return f"{x:g}".replace(".", ",")


def _comparison(name: str, c: Comparison) -> str:
    parts = [f"{OPS[op]} {_num(v)}" for op in OPS if (v := getattr(c, op)) is not None]
    return f"значение {name} " + " и ".join(parts)


def conditions_text(catalog: Catalog, rule: Rule, deficiency: str) -> str:
    """A rule's `when` beyond the deficiency itself, in Russian and with titles instead of ids."""
    w, parts = rule.when, []
    kinds, forms = {k.id: k.title for k in catalog.kinds}, {f.id: f.title for f in catalog.forms}
    if w.kind:
        parts.append("вид организации: " + ", ".join(kinds.get(k, k) for k in w.kind))
    if w.form:
        parts.append("форма обслуживания: " + ", ".join(forms.get(f, f) for f in w.form))
    if w.place:
        parts.append(f"место: {PLACES[w.place]}")
    parts += [_comparison(name, c) for name, c in sorted(w.value.items())]
    others = [d for d in w.deficiencies if d != deficiency]
    if others:
        parts.append("вместе с недостатками: " + ", ".join(f"{catalog.deficiency(d).title} ({d})" for d in others))
    return "; ".join(parts) or NO_CONDITIONS


def group_text(catalog: Catalog, group: str) -> str:
    """A rule group with its policy in Russian: «группа staffing (срабатывает только правило с наибольшим приоритетом)»."""
    return f"группа {group} ({GROUP_POLICIES[catalog.settings.groups.get(group, 'collect')]})"


def _measure_ref(catalog: Catalog, mid: str) -> str:
    return f"{catalog.measure(mid).text} ({mid})"


def measure_view(catalog: Catalog, m: Measure) -> MeasureView:
    fields = [
        ("срок", due_spec_text(m.due)),
        ("ответственный", catalog.role_title(m.responsible)),
        ("результат", m.result),
    ]
    if m.basis:
        fields.append(("основание", m.basis))
    excluded = sorted(catalog.exclusions.get(m.id, frozenset()))
    if excluded:  # the planner applies exclusions both ways, so show them on both measures
        fields.append((EXCLUDES, "; ".join(_measure_ref(catalog, x) for x in excluded)))
    return MeasureView(m.id, m.text, fields)


def rule_view(catalog: Catalog, rule: Rule, deficiency: str) -> RuleView:
    lines = [("условия", conditions_text(catalog, rule, deficiency))]
    if rule.priority:
        lines.append(("приоритет", str(rule.priority)))
    lines.append(("обоснование", rule.because))
    if rule.replaces:
        lines.append(("заменяет для той же находки", "; ".join(_measure_ref(catalog, x) for x in rule.replaces)))
    group = group_text(catalog, rule.group) if rule.group else None
    return RuleView(rule.id, lines, [measure_view(catalog, catalog.measure(x)) for x in rule.then], group)


def outline(catalog: Catalog) -> Outline:
    """The handbook's content, independent of the output format."""
    s = catalog.settings
    meta = [
        ("Каталог", s.title),
        ("Версия", f"{s.version} от {s.effective_from:%d.%m.%Y}"),
        (
            "Состав",
            f"недостатков — {len(catalog.deficiencies)}, мероприятий — {len(catalog.measures)}, правил — {len(catalog.rules)}",
        ),
    ]
    if s.groups:
        meta.append(("Группы правил", "; ".join(f"{g} — {GROUP_POLICIES[p]}" for g, p in sorted(s.groups.items()))))
    notes = [
        f"Сроки считаются от даты плана и не выходят за {s.horizon_months} "
        f"{plural(s.horizon_months, UNITS['month'])} от неё; если конец периода наступает раньше чем через 30 дней, "
        "берётся конец следующего периода.",
        f"«{{место}}» в тексте мероприятия заменяется на «{s.places.site.text}», «{s.places.stand.text}» "
        f"или «{s.places.both_text}» — по тому, что названо в находке.",
        "Приоритет: чем он больше, тем выше мероприятия правила в плане. «Заменяет»: если правило сработало, "
        "названные мероприятия для той же находки в план не попадают.",
    ]
    sections = []
    for c in catalog.criteria:
        indicators = []
        for ind in c.indicators:
            defs = []
            for d in (d for d in catalog.deficiencies if d.indicator == ind.id):
                rules = [rule_view(catalog, r, d.id) for r in catalog.rules if d.id in r.when.deficiencies]
                defs.append(DeficiencyView(d.id, d.title, d.examples, d.counterexamples, rules))
            indicators.append(IndicatorView(f"{ind.id} {ind.title}", defs))
        sections.append(SectionView(f"{c.section}. {c.short}", c.title, indicators))
    used = {mid for r in catalog.rules for mid in r.then}
    unused = [measure_view(catalog, m) for m in catalog.measures if m.id not in used]
    return Outline(meta, notes, sections, unused)


# ---------------------------------------------------------------- Markdown

MD_SPECIAL = re.compile(r"[\\`*\[\]]|<(?=[A-Za-z/!?])|(?<!\w)_|_(?!\w)")
MD_LEADING = re.compile(r"^(?:>|[+-](?=\s|$)|#+(?=\s|$)|\d+(?=[.)](?:\s|$)))")


def _md(s: str) -> str:
    """Catalog text as literal Markdown: only what would turn into markup is escaped, so the source stays readable."""
    out = MD_SPECIAL.sub(r"\\\g<0>", s.replace("\n", " "))
    return MD_LEADING.sub(lambda m: m.group(0) + "\\" if m.group(0)[0].isdigit() else "\\" + m.group(0), out)


def _md_measures(ms: list[MeasureView]) -> list[str]:
    out = []
    for i, m in enumerate(ms, 1):
        out.append(f"{i}. {_md(m.text)} (`{m.id}`)")
        out += [f"   - {label}: {_md(value)}" for label, value in m.fields]
    return out


def render_markdown(catalog: Catalog) -> str:
    """The handbook as Markdown (CommonMark): headings # title, ## section, ### indicator, #### deficiency."""
    o = outline(catalog)
    out = [f"# {TITLE}", "", *(f"**{k}:** {_md(v)}  " for k, v in o.meta), "", *(f"_{_md(n)}_\n" for n in o.notes)]
    for sec in o.sections:
        out += ["", f"## {_md(sec.heading)}", "", f"_Официальное наименование раздела:_ {_md(sec.title)}"]
        for ind in sec.indicators:
            out += ["", f"### {_md(ind.heading)}"]
            if not ind.deficiencies:
                out += ["", f"_{NO_DEFICIENCIES}._"]
            for d in ind.deficiencies:
                out += ["", f"#### {_md(d.title)} (`{d.id}`)"]
                if d.examples:
                    out += ["", "Примеры формулировок:", "", *(f"- {_md(x)}" for x in d.examples)]
                if d.counterexamples:
                    out += ["", "Не считается недостатком:", "", *(f"- {_md(x)}" for x in d.counterexamples)]
                if not d.rules:
                    out += ["", f"_{NO_RULES}._"]
                for r in d.rules:
                    group = f", {_md(r.group)}" if r.group else ""
                    out += ["", f"**Правило `{r.id}`**{group}  ", *(f"{label.capitalize()}: {_md(v)}  " for label, v in r.lines)]
                    out += ["", *_md_measures(r.measures)]
    if o.unused:
        out += ["", f"## {UNUSED}", "", *_md_measures(o.unused)]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- DOCX

FONT = "Times New Roman"
COLUMNS = ["Мероприятие", "Срок", "Ответственный", "Результат", "Основание"]
STYLES = (("Normal", 12), ("Title", 18), ("Heading 1", 15), ("Heading 2", 13), ("Heading 3", 12), ("List Bullet", 12))


def _times(rpr: CT_RPr, black: bool = False) -> None:
    """Times New Roman for every script: the default template's theme fonts and colours would override it."""
    fonts = rpr.get_or_add_rFonts()
    fonts.attrib.clear()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    if black:
        color = rpr.get_or_add_color()
        color.attrib.clear()
        color.set(qn("w:val"), "000000")


def _setup(doc: DocxDocument, catalog: Catalog) -> None:
    """Fonts, A4 page, Russian proofing and fixed core properties (python-docx would stamp the current time)."""
    defaults = doc.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if isinstance(defaults, CT_RPr):
        _times(defaults)
        lang = defaults.find(qn("w:lang"))
        if lang is not None:
            lang.set(qn("w:val"), "ru-RU")
    for name, size in STYLES:
        style = cast(ParagraphStyle, doc.styles[name])
        style.font.size = Pt(size)
        _times(style.element.get_or_add_rPr(), black=True)
    cast(ParagraphStyle, doc.styles["Table Grid"]).font.size = Pt(10)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin, sec.right_margin, sec.top_margin, sec.bottom_margin = Mm(30), Mm(15), Mm(20), Mm(20)
    s, cp = catalog.settings, doc.core_properties
    stamp = datetime(s.effective_from.year, s.effective_from.month, s.effective_from.day)
    cp.created = cp.modified = stamp
    cp.last_modified_by = cp.author = "nokrules"
    cp.revision = 1
    cp.title, cp.version, cp.comments = TITLE, s.version, s.title


def _labelled(doc: DocxDocument, label: str, value: str) -> None:
    p = doc.add_paragraph()
    p.add_run(f"{label}: ").bold = True
    p.add_run(value)


def _italic(doc: DocxDocument, text: str) -> None:
    doc.add_paragraph().add_run(text).italic = True


def _docx_measures(doc: DocxDocument, ms: list[MeasureView]) -> None:
    """One table per rule, with the columns of the official plan form."""
    table = doc.add_table(rows=1, cols=len(COLUMNS))
    table.style = doc.styles["Table Grid"]
    for cell, title in zip(table.rows[0].cells, COLUMNS, strict=True):
        cell.paragraphs[0].add_run(title).bold = True
    for m in ms:
        f = dict(m.fields)
        cells = table.add_row().cells
        cells[0].text = f"{m.text} ({m.id})"
        if EXCLUDES in f:
            cells[0].add_paragraph().add_run(f"{EXCLUDES.capitalize()}: {f[EXCLUDES]}").italic = True
        for cell, key in zip(cells[1:], ("срок", "ответственный", "результат", "основание"), strict=True):
            cell.text = f.get(key, "—")
    doc.add_paragraph()


def _fixed_zip(data: bytes, day: date) -> bytes:
    """Re-pack the package with one fixed timestamp: python-docx stamps every entry with the current time."""
    stamp = (max(day.year, 1980), day.month, day.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type, fixed.create_system, fixed.external_attr = zipfile.ZIP_DEFLATED, 3, 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def render_docx(catalog: Catalog) -> bytes:
    """The handbook as a Word document: Heading 1 sections, Heading 2 indicators, Heading 3 deficiencies."""
    o, doc = outline(catalog), docx.Document()
    _setup(doc, catalog)
    doc.add_heading(TITLE, 0)
    for k, v in o.meta:
        _labelled(doc, k, v)
    for n in o.notes:
        _italic(doc, n)
    for sec in o.sections:
        doc.add_heading(sec.heading, 1)
        _labelled(doc, "Официальное наименование раздела", sec.title)
        for ind in sec.indicators:
            doc.add_heading(ind.heading, 2)
            if not ind.deficiencies:
                _italic(doc, f"{NO_DEFICIENCIES}.")
            for d in ind.deficiencies:
                doc.add_heading(d.title, 3)
                _labelled(doc, "Код", d.id)
                for label, items in (("Примеры формулировок", d.examples), ("Не считается недостатком", d.counterexamples)):
                    if items:
                        doc.add_paragraph(f"{label}:")
                        for x in items:
                            doc.add_paragraph(x, style="List Bullet")
                if not d.rules:
                    _italic(doc, f"{NO_RULES}.")
                for r in d.rules:
                    p = doc.add_paragraph()
                    p.add_run(f"Правило {r.id}").bold = True
                    if r.group:
                        p.add_run(f", {r.group}")
                    for label, v in r.lines:
                        _labelled(doc, label.capitalize(), v)
                    _docx_measures(doc, r.measures)
    if o.unused:
        doc.add_heading(UNUSED, 1)
        _docx_measures(doc, o.unused)
    buf = io.BytesIO()
    doc.save(buf)
    return _fixed_zip(buf.getvalue(), catalog.settings.effective_from)
