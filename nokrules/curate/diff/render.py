"""The catalog diff as Russian text for the curator who reviews a catalog change."""

from __future__ import annotations

from datetime import date as Date

from nokrules.core.model import ScenarioInstitution
from nokrules.curate.diff.impact import FindingImpact
from nokrules.curate.diff.report import CatalogDiff, Counts, Summary
from nokrules.curate.diff.structure import FieldChange, SectionDiff, Value

_SECTION_TITLES = (("deficiencies", "Недостатки"), ("measures", "Мероприятия"), ("rules", "Правила"))
_STATUS = {
    "became_unrecognized": "больше не распознаётся",
    "became_recognized": "теперь распознаётся",
    "deficiencies_changed": "распознаётся иначе",
    "measures_changed": "изменились мероприятия",
}
_PLAN_FIELDS = {"text": "текст", "due_text": "срок", "responsible": "ответственный", "result": "результат", "basis": "основание"}


def _ru_date(d: Date) -> str:
    return d.strftime("%d.%m.%Y")


def _show(v: Value) -> str:
    if v is None:
        return "(нет)"
    if isinstance(v, list):
        return "[" + ", ".join(v) + "]" if v else "[]"
    return v


def render_field(fc: FieldChange, indent: str, name: str | None = None) -> list[str]:
    """Texts and patterns: both versions in full; lists: elements added and removed; values: old → new.

    Catalog fields are shown by their YAML key (what the curator edits); `name` overrides it.
    """
    label = name or fc.field
    if fc.kind == "text":
        return [f"{indent}{label}:", f"{indent}  было:  {_show(fc.old)}", f"{indent}  стало: {_show(fc.new)}"]
    if fc.kind == "patterns":
        lines = [f"{indent}{label}:", f"{indent}  было:"]
        lines += [f"{indent}    - {p}" for p in (fc.old if isinstance(fc.old, list) else [])]
        lines.append(f"{indent}  стало:")
        lines += [f"{indent}    - {p}" for p in (fc.new if isinstance(fc.new, list) else [])]
        return lines
    if fc.kind == "list":
        if not fc.added and not fc.removed:
            return [f"{indent}{label}: изменён порядок {_show(fc.old)} → {_show(fc.new)}"]
        parts = [f"+ {x}" for x in fc.added] + [f"− {x}" for x in fc.removed]
        return [f"{indent}{label}: {'; '.join(parts)}"]
    return [f"{indent}{label}: {_show(fc.old)} → {_show(fc.new)}"]


def _institutions(insts: list[ScenarioInstitution]) -> str:
    def one(i: ScenarioInstitution) -> str:
        parts = [i.kind or "вид не указан"] + (["формы: " + ", ".join(i.forms)] if i.forms else [])
        return f"{i.name} ({', '.join(parts)})" if i.name else ", ".join(parts)

    return "; ".join(one(i) for i in insts)


def _render_finding(f: FindingImpact) -> list[str]:
    head = f"    строка {f.line} «{f.text}»: {_STATUS[f.status]}"
    if f.status != "measures_changed":
        was, now = (", ".join(ds) or "не распознана" for ds in (f.old_deficiencies, f.new_deficiencies))
        head += f" (было: {was}; стало: {now})"
    lines = [head]
    lines += [f"      + {m.id} — {m.text} ({m.due_text}; {m.responsible})" for m in f.added]
    lines += [f"      − {m.id} — {m.text}" for m in f.removed]
    for mc in f.changed:
        lines.append(f"      ~ {mc.id}")
        for fc in mc.fields:
            lines += render_field(fc, "          ", _PLAN_FIELDS.get(fc.field))
    return lines


def summary_line(s: Summary) -> str:
    def c(x: Counts) -> str:
        return f"+{x.added} −{x.removed} ~{x.changed}"

    return (
        f"Итого: недостатки {c(s.deficiencies)}, мероприятия {c(s.measures)}, правила {c(s.rules)}, "
        f"настройки каталога: {s.settings_changed}; планов проверено {s.plans_checked}, изменилось {s.plans_changed}; "
        f"в планах мероприятий +{s.measures_added} −{s.measures_removed} ~{s.measures_changed}, "
        f"находок перестали распознаваться {s.became_unrecognized}, стали распознаваться {s.became_recognized}, "
        f"распознаются иначе {s.deficiencies_changed}."
    )


def render_text(diff: CatalogDiff) -> str:
    """The report a curator reads: header, structural changes by section, changed plans, summary line."""
    o, n = diff.old, diff.new
    lines = [
        "Сравнение каталогов",
        f"  было:  {o.root} (версия {o.version}, действует с {_ru_date(o.effective_from)})",
        f"  стало: {n.root} (версия {n.version}, действует с {_ru_date(n.effective_from)})",
        "",
    ]
    st = diff.structure
    if st.empty:
        lines += ["Изменений в каталоге нет.", ""]
    if st.settings:
        lines.append("Настройки каталога")
        for fc in st.settings:
            lines += render_field(fc, "  ")
        lines.append("")
    for attr, title in _SECTION_TITLES:
        sec: SectionDiff = getattr(st, attr)
        if sec.empty:
            continue
        lines.append(title)
        lines += [f"  + {e.id} — {e.label}" for e in sec.added]
        lines += [f"  − {e.id} — {e.label}" for e in sec.removed]
        for ch in sec.changed:
            lines.append(f"  ~ {ch.id} — {ch.label}")
            for fc in ch.fields:
                lines += render_field(fc, "      ")
        lines.append("")
    im = diff.impact
    lines.append(f"Влияние на планы (дата плана {_ru_date(im.date)}; проверено планов: {im.plans_checked})")
    if not im.changes:
        lines.append("  Планы не изменились.")
    for pc in im.changes:
        quoted = f" «{pc.text.strip()}»" if pc.source in ("example", "counterexample") else ""
        lines.append(f"  {pc.label}{quoted} — {_institutions(pc.institutions)}")
        for f in pc.findings:
            lines += _render_finding(f)
    lines += ["", summary_line(diff.summary)]
    return "\n".join(lines) + "\n"
