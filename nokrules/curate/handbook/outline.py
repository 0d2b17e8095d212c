"""The shared outline both formats render: sections, indicators, deficiencies, rule conditions and due dates in Russian."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from nokrules.core.constants import COMPARISONS, PLACE_TITLES, STATE_TITLES
from nokrules.core.model import DUE_RE, Catalog, Comparison, Deficiency, Measure, Rule
from nokrules.curate.catalog_checks import unused_measures

TITLE = "Справочник каталога недостатков и типовых мероприятий НОК"
NO_DEFICIENCIES = "Недостатки не описаны"
NO_RULES = "Правил нет: мероприятие формулируется вручную"
NO_CONDITIONS = "без дополнительных условий"
UNUSED = "Мероприятия, не используемые ни одним правилом"
EXCLUDES = "не ставится в один план с"
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
    recognised: list[str] = field(default_factory=list)  # what the deficiency matches, in a curator's words


def _words(items: list[str]) -> str:
    """Dictionary-form phrases as a reader sees them: «a|b» → «a» или «b», «брайл*» → слова на «брайл»."""
    out = []
    for item in items:
        alts = [
            (f"«{a[:-1]}…»" if " " in a else f"слова на «{a[:-1]}»") if a.endswith("*") else f"«{a}»" for a in item.split("|")
        ]
        out.append(" или ".join(alts))
    return ", ".join(out)


def recognised_text(d: Deficiency, phrasings: int = 0) -> list[str]:
    """How a deficiency is recognised, in plain Russian: its concept, its checklist items, how many patterns,
    and how many labelled findings name it for the similarity stage."""
    out = []
    c = d.concept
    if c is not None:
        if c.signal == "self":
            line = f"Распознаётся, если в находке названо: {_words(c.objects)}"
        elif c.signal == "survey":
            line = f"Распознаётся в результатах опроса (доля, «удовлетворены», «опрошенные») о: {_words(c.objects)}"
        else:
            line = f"Распознаётся, если рядом со словом о проблеме (нет, не работает, частично, изношен…) названо: {_words(c.objects)}"
        if c.with_:
            line += f"; и при этом есть одно из: {_words(c.with_)}"
        if c.without:
            line += f"; но не если есть: {_words(c.without)}"
        out.append(line)
    if d.checklist:
        out.append("Пункт чек-листа методики: " + ", ".join(d.checklist))
    if d.patterns:
        out.append(f"Точных шаблонов формулировок: {len(d.patterns)}")
    if phrasings:
        out.append(
            f"Если ни шаблон, ни предмет с признаком проблемы не подошли, распознаётся по сходству с размеченными "
            f"находками; его называют {phrasings} {plural(phrasings, ('находка', 'находки', 'находок'))} и примеры выше"
        )
    return out


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
    parts = [f"{sign} {_num(v)}" for op, sign in COMPARISONS.items() if (v := getattr(c, op)) is not None]
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
        parts.append(f"место: {PLACE_TITLES[w.place]}")
    if w.state:
        parts.append("состояние по находке: " + ", ".join(STATE_TITLES[s] for s in w.state))
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
    named = Counter(did for p in catalog.phrasings for did in p.expect)
    sections = []
    for c in catalog.criteria:
        indicators = []
        for ind in c.indicators:
            defs = []
            for d in (d for d in catalog.deficiencies if d.indicator == ind.id):
                rules = [rule_view(catalog, r, d.id) for r in catalog.rules if d.id in r.when.deficiencies]
                defs.append(DeficiencyView(d.id, d.title, d.examples, d.counterexamples, rules, recognised_text(d, named[d.id])))
            indicators.append(IndicatorView(f"{ind.id} {ind.title}", defs))
        sections.append(SectionView(f"{c.section}. {c.short}", c.title, indicators))
    unused = [measure_view(catalog, m) for m in unused_measures(catalog)]
    return Outline(meta, notes, sections, unused)
