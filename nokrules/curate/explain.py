"""Why a finding became what it did: its words and lemmas, the patterns that matched and where, the
deficiency, the rules that fired and those that nearly did (with the condition that failed), the measures.
Curators use it to fix patterns and rules; inspectors to trust a plan row.
"""

from __future__ import annotations

from datetime import date

from nokrules.core.conditions import unmet
from nokrules.core.engine import Engine, Trace
from nokrules.core.lemmas import is_known, lemmas
from nokrules.core.model import Institution, Rule
from nokrules.core.planner import fired_on

PLACE_RU = {"site": "сайт", "stand": "стенд"}


def _why_not(
    rule: Rule, k: int, trace: Trace, inst: Institution, kind_titles: dict[str, str], form_titles: dict[str, str]
) -> list[str]:
    """The conditions of `rule` that fail for recognition `k`, as the reference evaluator finds them (empty:
    the rule should have fired)."""
    w = rule.when
    rec = trace.recognitions[k]
    out = []
    for u in unmet(rule, k, trace.recognitions, inst):
        if u.condition == "kind":
            out.append(
                f"вид организации {inst.kind or 'не указан'}, а нужен один из: {', '.join(kind_titles.get(k, k) for k in w.kind)}"
            )
        elif u.condition == "form":
            have = ", ".join(form_titles.get(f, f) for f in inst.forms) or "не указаны"
            out.append(f"формы обслуживания {have}, а нужна одна из: {', '.join(form_titles.get(f, f) for f in w.form)}")
        elif u.condition == "place" and w.place:
            out.append(f"находка не о месте «{PLACE_RU[w.place]}»")
        elif u.condition == "value" and u.name:
            if u.name not in rec.values:
                out.append(f"в находке нет значения {u.name} (процента)")
            else:
                bounds = ", ".join(f"{op} {v:g}" for op, v in w.value[u.name].model_dump().items() if v is not None)
                out.append(f"{u.name} = {rec.values[u.name]:g} не удовлетворяет условию {bounds}")
        elif u.condition == "deficiency":
            out.append(f"в плане нет недостатка «{u.name}» (правило требует все: {', '.join(w.deficiencies)})")
    return out


def explain(engine: Engine, text: str, institution: Institution, when: date) -> str:
    cat = engine.catalog
    trace = engine.trace(text, institution, when)
    kind_titles = {k.id: k.title for k in cat.kinds}
    form_titles = {f.id: f.title for f in cat.forms}
    vocab = set(engine.recognizer.vocabulary)
    fired_by_rec = fired_on(trace.recognitions, trace.firings)
    out = [
        f"Учреждение: вид {kind_titles.get(institution.kind or '', 'не указан')}; "
        f"формы: {', '.join(form_titles[f] for f in institution.forms) or 'не указаны'}",
        "",
    ]
    if not trace.findings:
        out.append("Во введённом тексте нет ни одной находки.")
    for i, finding in enumerate(trace.findings):
        out.append(f"Находка (стр. {finding.line}): «{finding.text}»")
        toks = engine.recognizer.tokens(finding.text)
        shown = []
        for w, forms in zip(toks.surface, toks.lemma_sets, strict=True):
            base = sorted(lemmas(w) - {w})
            extra = sorted((forms - lemmas(w)) & vocab) if not is_known(w) else []
            label = w + (f" → {', '.join(base)}" if base else "")
            if extra:
                label += f" (опечатка? → {', '.join(extra)})"
            shown.append(label)
        out.append("  слова и леммы: " + "; ".join(shown or ["—"]))
        cues = engine.recognizer.cues_in(toks)
        out.append("  слова-сигналы недостатка: " + (", ".join(cues) or "нет (распознаются только недостатки с cue: false)"))
        recs = [(k, r) for k, r in enumerate(trace.recognitions) if r.finding == i]
        if not recs:
            out.append("  не распознано; похожие недостатки каталога:")
            for s in engine.recognizer.suggest(finding.text):
                out.append(f"    {s.id} — {s.title} ({s.score:g})")
            out.append("")
            continue
        for k, r in recs:
            d = cat.deficiency(r.deficiency)
            out.append(f"  недостаток {d.id} (показатель {d.indicator}): {d.title}")
            out.append(f"    шаблон {r.pattern + 1}: " + "; ".join(f"«{m.element}» ← {' '.join(m.words)}" for m in r.matches))
            if r.places:
                out.append("    места: " + ", ".join(PLACE_RU[p] for p in r.places))
            if r.values:
                out.append("    значения: " + ", ".join(f"{n} = {v:g}" for n, v in r.values.items()))
            fired = fired_by_rec[k]
            for rid in fired:
                rule = cat.rule(rid)
                out.append(f"    сработало правило {rid}: {', '.join(rule.then)} — {rule.because}")
            for rule in cat.rules:
                if r.deficiency in rule.when.deficiencies and rule.id not in fired and rule.when.deficiencies[0] == r.deficiency:
                    reasons = _why_not(rule, k, trace, institution, kind_titles, form_titles)
                    if reasons:
                        out.append(f"    не сработало правило {rule.id}: " + "; ".join(reasons))
            plan_item = trace.plan.items[k]  # items follow the recognitions one to one
            if plan_item.measures:
                out.append("    мероприятия в плане:")
                for m in plan_item.measures:
                    out.append(f"      {m.id} ({m.due_text}; {m.responsible}; правило {m.rule}): {m.text}")
            else:
                out.append("    мероприятие требует ручной формулировки")
        out.append("")
    return "\n".join(out)
