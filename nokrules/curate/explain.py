"""Why a finding became what it did: its words and lemmas, the patterns that matched and where, the
deficiency, the rules that fired and those that nearly did (with the condition that failed), the measures.
Curators use it to fix patterns and rules; inspectors to trust a plan row.

`explain` gives the answer as data (`Explanation`); `render` writes it as the text `nokrules explain` prints.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from nokrules.core.concepts import MAX_WAIT_MINUTES
from nokrules.core.conditions import Unmet, unmet
from nokrules.core.constants import (
    CLOSE_TITLES,
    ECHO_NOTE,
    HOW_TITLES,
    MANUAL_MEASURE,
    PLACE_TITLES,
    STATE_TITLES,
    outvoted_note,
    set_aside_note,
)
from nokrules.core.engine import Engine, Trace
from nokrules.core.lemmas import is_known, lemmas
from nokrules.core.model import (
    Assessment,
    Catalog,
    Close,
    FindingState,
    Institution,
    Match,
    Outvoted,
    Place,
    PlanItem,
    PlanMeasure,
    Recognition,
    RecognitionSource,
    Rule,
    SetAside,
    Suggestion,
)
from nokrules.core.planner import fired_on
from nokrules.documents.scores import source_text


class Word(BaseModel):
    surface: str
    lemmas: list[str]  # its normal forms other than itself
    typo_of: list[str]  # catalog words an unknown word may be a misspelling of


class FiredRule(BaseModel):
    id: str
    then: list[str]
    because: str


class MissedRule(BaseModel):
    """A rule on the recognised deficiency that did not fire, and the conditions that failed."""

    id: str
    reasons: list[str]


class RecognitionWhy(BaseModel):
    deficiency: str
    indicator: str
    title: str
    pattern: int  # 1-based, as curators count the patterns of a deficiency; 0 when a concept decided or a user
    recognised_by: RecognitionSource = "pattern"
    state: FindingState | None = None
    matches: list[Match]
    close: list[Close] = []  # similarity decided: the labelled phrasings the finding was closest to
    echoes: list[str] = []  # deficiencies also matched whose words only echo this one's: not counted apart
    outvoted: list[Outvoted] = []  # deficiencies also matched that the phrasings closest to their words give to this one
    places: list[Place]
    values: dict[str, float]
    scores: list[str] = []  # where the scores show the same deficiency: the second source of a merged finding
    fired: list[FiredRule]
    missed: list[MissedRule]
    measures: list[PlanMeasure]  # empty: the measure is written by hand


class FindingWhy(BaseModel):
    line: int
    text: str
    words: list[Word]
    cues: list[str]
    recognitions: list[RecognitionWhy]
    suggestions: list[Suggestion]  # only when nothing was recognised and the line does not say nothing is wrong
    # found by a pattern or a concept and vetoed by the labelled phrasings closest to the line, when nothing is left
    left_out: list[Outvoted] = []
    # found and set aside by a reading of the whole line: a wait in the norm, a thing said to be there, a detail
    set_aside: list[SetAside] = []
    no_deficiency: bool = False  # the line says nothing is wrong («замечаний нет»): the plan gives it no measure


class Explanation(BaseModel):
    kind: str | None  # the institution's kind, by title
    forms: list[str]  # its service forms, by title
    findings: list[FindingWhy]


def explain(
    engine: Engine, text: str, institution: Institution, when: date, assessment: Assessment | None = None
) -> Explanation:
    """Every finding of `text` (and of the scores, when given), why it became the plan rows it did for
    `institution` on `when`; a deficiency found both ways lists its score sources beside the text's words."""
    cat = engine.catalog
    trace = engine.trace(text, institution, when, assessment=assessment)
    fired = fired_on(trace.recognitions, trace.firings)
    vocab = frozenset(engine.recognizer.vocabulary)
    findings = [_finding(engine, trace, i, institution, fired, vocab) for i in range(len(trace.findings))]
    kind = next((k.title for k in cat.kinds if k.id == institution.kind), None)
    form_titles = {f.id: f.title for f in cat.forms}
    return Explanation(kind=kind, forms=[form_titles[f] for f in institution.forms], findings=findings)


def _finding(
    engine: Engine, trace: Trace, i: int, inst: Institution, fired: list[tuple[str, ...]], vocab: frozenset[str]
) -> FindingWhy:
    finding = trace.findings[i]
    toks = engine.recognizer.tokens(finding.text)
    recs = [
        _recognition(engine.catalog, trace, k, inst, fired[k], trace.plan.items[k])  # items follow recognitions one to one
        for k, r in enumerate(trace.recognitions)
        if r.finding == i
    ]
    # as the plan filed it: a line with no deficiency that says nothing is wrong is no unrecognised finding
    clear = any(f.line == finding.line and f.text == finding.text for f in trace.plan.no_deficiency)
    return FindingWhy(
        line=finding.line,
        text=finding.text,
        words=[_word(w, forms, vocab) for w, forms in zip(toks.surface, toks.lemma_sets, strict=True)],
        cues=engine.recognizer.cues_in(toks),
        recognitions=recs,
        suggestions=[] if recs or clear else engine.recognizer.suggest(finding.text),
        left_out=[] if recs or clear else engine.recognizer.left_out(finding),
        set_aside=[] if clear else engine.recognizer.set_aside(finding),
        no_deficiency=clear,
    )


def _word(w: str, forms: frozenset[str], vocab: frozenset[str]) -> Word:
    return Word(surface=w, lemmas=sorted(lemmas(w) - {w}), typo_of=sorted((forms - lemmas(w)) & vocab) if not is_known(w) else [])


def _recognition(cat: Catalog, trace: Trace, k: int, inst: Institution, fired: tuple[str, ...], item: PlanItem) -> RecognitionWhy:
    r = trace.recognitions[k]
    d = cat.deficiency(r.deficiency)
    missed = []
    for rule in cat.rules:
        if rule.when.deficiencies[0] == r.deficiency and rule.id not in fired:
            reasons = [_reason(u, rule, r, inst, cat) for u in unmet(rule, k, trace.recognitions, inst)]
            if reasons:
                missed.append(MissedRule(id=rule.id, reasons=reasons))
    return RecognitionWhy(
        deficiency=d.id,
        indicator=d.indicator,
        title=d.title,
        pattern=r.pattern + 1,
        recognised_by=r.source,
        state=r.state,
        matches=r.matches,
        close=r.close,
        echoes=r.echoes,
        outvoted=r.outvoted,
        places=r.places,
        values=r.values,
        scores=[source_text(s) for s in r.scores],
        fired=[FiredRule(id=rid, then=cat.rule(rid).then, because=cat.rule(rid).because) for rid in fired],
        missed=missed,
        measures=item.measures,
    )


def _reason(u: Unmet, rule: Rule, rec: Recognition, inst: Institution, cat: Catalog) -> str:
    """One condition the reference evaluator found failing, in the curator's words."""
    w = rule.when
    if u.condition == "kind":
        kinds = {k.id: k.title for k in cat.kinds}
        return f"вид организации {inst.kind or 'не указан'}, а нужен один из: {', '.join(kinds.get(x, x) for x in w.kind)}"
    if u.condition == "form":
        forms = {f.id: f.title for f in cat.forms}
        have = ", ".join(forms.get(f, f) for f in inst.forms) or "не указаны"
        return f"формы обслуживания {have}, а нужна одна из: {', '.join(forms.get(f, f) for f in w.form)}"
    if u.condition == "place":
        return f"находка не о месте «{PLACE_TITLES[w.place or '']}»"
    if u.condition == "state":
        need = ", ".join(STATE_TITLES[x] for x in w.state)
        return f"состояние по находке — {STATE_TITLES[rec.state] if rec.state else 'не указано'}, а нужно: {need}"
    if u.condition == "value" and u.name not in rec.values:
        return f"в находке нет значения {u.name} (процента)"
    if u.condition == "value" and u.name:
        bounds = ", ".join(f"{op} {v:g}" for op, v in w.value[u.name].model_dump().items() if v is not None)
        return f"{u.name} = {rec.values[u.name]:g} не удовлетворяет условию {bounds}"
    return f"в плане нет недостатка «{u.name}» (правило требует все: {', '.join(w.deficiencies)})"


def _how(r: RecognitionWhy) -> str:
    words = "; ".join(f"«{m.element}» ← {' '.join(m.words)}" for m in r.matches)
    also = f"; по баллам: {'; '.join(r.scores)}" if r.scores else ""
    if r.recognised_by == "concept":
        return f"    понятие (предмет и признак проблемы): {words}{also}"
    if r.recognised_by == "scores":
        return f"    {HOW_TITLES['scores']}: {'; '.join(r.scores)}"
    if r.recognised_by == "pattern":
        return f"    шаблон {r.pattern}: {words}{also}"
    if r.recognised_by in ("similarity", "model"):
        close = "; ".join(f"«{c.text}» ({c.similarity:.2f})" for c in r.close)
        return f"    {HOW_TITLES[r.recognised_by]} — {CLOSE_TITLES[r.recognised_by]}: {close}{also}"
    return f"    {HOW_TITLES['choice']}{also}"


def render(e: Explanation) -> str:
    """The explanation as `nokrules explain` prints it."""
    out = [f"Учреждение: вид {e.kind or 'не указан'}; формы: {', '.join(e.forms) or 'не указаны'}", ""]
    if not e.findings:
        out.append("Во введённом тексте нет ни одной находки.")
    for f in e.findings:
        out += _render_finding(f)
    return "\n".join(out)


def _render_finding(f: FindingWhy) -> list[str]:
    out = [f"Находка (стр. {f.line}): «{f.text}»"]
    words = [
        w.surface
        + (f" → {', '.join(w.lemmas)}" if w.lemmas else "")
        + (f" (опечатка? → {', '.join(w.typo_of)})" if w.typo_of else "")
        for w in f.words
    ]
    out.append("  слова и леммы: " + "; ".join(words or ["—"]))
    out.append("  слова-сигналы недостатка: " + (", ".join(f.cues) or "нет (распознаются только недостатки с cue: false)"))
    if f.no_deficiency:
        out.append("  недостатка не называет (сказано, что всё в порядке): мероприятий не нужно")
    elif not f.recognitions:
        out += [line for o in f.left_out for line in _render_outvoted(o, "  ")]
        out.append("  не распознано; похожие недостатки каталога:")
        out += [f"    {s.id} — {s.title} ({s.score:g})" for s in f.suggestions]
    for r in f.recognitions:
        out += _render_recognition(r)
    out += [f"  {set_aside_note(a.deficiency, a.reason, a.of, MAX_WAIT_MINUTES, bool(f.recognitions))}" for a in f.set_aside]
    return [*out, ""]


def _render_outvoted(o: Outvoted, indent: str) -> list[str]:
    """A deficiency also matched and left out, and the labelled phrasings that decided it."""
    return [f"{indent}{outvoted_note(o.deficiency, o.words, o.rival, o.probability)}", *(f"{indent}  «{c.text}» ({c.similarity:.2f})" for c in o.close)]


def _render_recognition(r: RecognitionWhy) -> list[str]:
    out = [
        f"  недостаток {r.deficiency} (показатель {r.indicator}): {r.title}",
        _how(r),
    ]
    out += [f"    {ECHO_NOTE.format(deficiency=e)}" for e in r.echoes]
    for o in r.outvoted:
        out += _render_outvoted(o, "    ")
    if r.state:
        out.append(f"    состояние: {STATE_TITLES[r.state]}")
    if r.places:
        out.append("    места: " + ", ".join(PLACE_TITLES[p] for p in r.places))
    if r.values:
        out.append("    значения: " + ", ".join(f"{n} = {v:g}" for n, v in r.values.items()))
    out += [f"    сработало правило {x.id}: {', '.join(x.then)} — {x.because}" for x in r.fired]
    out += [f"    не сработало правило {x.id}: " + "; ".join(x.reasons) for x in r.missed]
    if not r.measures:
        return [*out, f"    {MANUAL_MEASURE}"]
    out.append("    мероприятия в плане:")
    return out + [f"      {m.id} ({m.due_text}; {m.responsible}; правило {m.rule}): {m.text}" for m in r.measures]
