"""Words and values several layers show or rely on, spelt once.

The plan's fixed phrases appear in the documents, on the web page and in the explanations, and a reader
compares them; the comparison signs appear wherever a rule's `value:` condition is written out; the
catalog's own checks draft every plan on one date, so that due dates in their expectations stay valid.
"""

from __future__ import annotations

from datetime import date

from nokrules.core.model.common import FindingState, SetAsideReason

MANUAL_MEASURE = "мероприятие требует ручной формулировки"
NO_FINDINGS = "Недостатки не выявлены"
# lines of the pasted text that say nothing is wrong («замечаний нет»): shown, never given a measure
NO_DEFICIENCY = "Строки без недостатков (мероприятия не требуются)"
PLACE_TITLES = {"site": "сайт", "stand": "стенд"}
COMPARISONS = {"lt": "<", "le": "≤", "gt": ">", "ge": "≥", "eq": "="}  # `Comparison` fields → signs, in this order
PLAN_DATE = date(2027, 1, 15)  # the date `nokrules test`, `check` and `diff` draft plans on

# what a finding says of the thing it names, and what decided its deficiency, as the user reads them
STATE_TITLES: dict[FindingState, str] = {
    "absent": "отсутствует",
    "partial": "есть частично",
    "broken": "неисправно, не работает",
    "worn": "изношено или устарело",
    "noncompliant": "не соответствует требованиям",
}
# numbers a deficiency reads from its finding (`value:` in the catalog), as the page names them
VALUE_TITLES = {"satisfaction_percent": "доля удовлетворённых, %", "staffing_percent": "укомплектованность штата, %"}
HOW_TITLES = {
    "pattern": "по шаблону каталога",
    "concept": "по предмету недостатка и признаку проблемы",
    "similarity": "по сходству с размеченными находками",
    "model": "по модели, обученной на размеченных находках",
    "choice": "отнесено вручную (выбрана подсказка)",
    "scores": "по баллам (чек-лист или опрос)",
}
# how the phrasings shown with a similarity or model answer are introduced: the model's are the closest of those
# labelled with its deficiency, not the closest of all
CLOSE_TITLES = {"similarity": "ближе всего", "model": "ближе всего из находок с этим недостатком"}
# a deficiency also matched whose words only echo the recognised one's («телефоны структурных подразделений»)
ECHO_NOTE = "совпал и недостаток «{deficiency}», но его слова здесь — лишь часть этой формулировки: отдельно не учтён"
# a deficiency also matched whose own words stand where the closest labelled findings name the recognised one
OUTVOTED_NOTE = (
    "совпал и недостаток «{deficiency}», но размеченные находки, ближайшие к словам «{words}», называют этот: отдельно не учтён"
)
# a deficiency a pattern or a concept found that the labelled findings closest to the whole finding contradict
VETOED_NOTE = (
    "совпал недостаток «{deficiency}», но размеченные находки, ближайшие к этой находке, называют «{rival}», "
    "а близких к словам «{words}» находок с этим недостатком нет: не учтён"
)

# a deficiency a pattern or a concept found that the model of the labelled findings, weighing the whole finding, doubts
DOUBTED_NOTE = (
    "совпал недостаток «{deficiency}», но модель, обученная на размеченных находках, по всем словам находки даёт ему "
    "лишь {probability} вероятности: не учтён"
)


def outvoted_note(deficiency: str, words: str, rival: str | None, probability: float | None = None) -> str:
    """Why a deficiency also matched was left out: the contest of two found deficiencies, a veto (with `rival`), or
    the model's doubt (with `probability`)."""
    if probability is not None:
        return DOUBTED_NOTE.format(deficiency=deficiency, probability=f"{100 * probability:.1f} %".replace(".", ","))
    if rival is None:
        return OUTVOTED_NOTE.format(deficiency=deficiency, words=words)
    return VETOED_NOTE.format(deficiency=deficiency, words=words, rival=rival)


# a deficiency also found and then set aside by a reading of the whole line (`SetAside.reason`), as explain says it
SET_ASIDE_NOTES: dict[SetAsideReason, str] = {
    "said_clear": "часть строки, где стоят его слова, говорит, что всё в порядке или исправлено",
    "told_before": "его слова говорят о вещи, названной раньше («ждать её приходится по часу» — о платформе)",
    "aspect_satisfied": "доля довольных этой стороной не ниже порога каталога",
    "channel_not_said": "не сказано, что сам этот способ связи отсутствует или не работает",
    "thing_there": "о его предмете сказано, что он есть, а недостаток назван о другом",
    "only_ones": "его предмет назван среди того, что есть («только …»)",
    "wait_in_norm": "названное ожидание в пределах нормы — не дольше {minutes} минут",
    "detail": "его слова — частность недостатка «{of}»",
    "other_place": "находка говорит о другом месте размещения (сайт или стенд), чем его",
}


def set_aside_note(deficiency: str, reason: SetAsideReason, of: str | None, minutes: int, beside: bool = True) -> str:
    """Why a deficiency found was set aside, in the words explain shows (`minutes`: the wait norm's bound; `beside`:
    the finding names other deficiencies, so this one was found «и»)."""
    why = SET_ASIDE_NOTES[reason].format(of=of or "другого", minutes=minutes)
    return f"совпал {'и ' if beside else ''}недостаток «{deficiency}», но {why}: не учтён"
