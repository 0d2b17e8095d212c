"""Wording and number formats shared by the Markdown and HTML summaries, so both say the same thing."""

from __future__ import annotations

from nokrules.core.constants import MANUAL_MEASURE
from nokrules.protocols.summary.compute import SUGGESTION_MIN_SCORE, RegionalSummary

TITLE = "Сводка по результатам независимой оценки качества условий оказания услуг"
SUBTITLE = "проекты планов по устранению недостатков по каталогу типовых мероприятий"
CHART_TITLE = "Недостатки по показателям НОК"

H_TOTALS = "1. Итоги"
H_INSTITUTIONS = "2. Учреждения"
H_INDICATORS = "3. Недостатки по показателям"
H_SECTIONS = "4. Недостатки по разделам плана (критериям НОК)"
H_KINDS = "5. Недостатки по видам организаций"
H_FREQUENT = "6. Наиболее частые недостатки в регионе"
H_UNRECOGNISED = "7. Нераспознанные строки"
H_COMPARISON = "8. Сравнение с планами учреждений"

INSTITUTION_COLUMNS = ["№", "Учреждение", "Вид организации", "Балл", "Место", "Находок", "Мероприятий", "Не распознано"]
INDICATOR_COLUMNS = ["Показатель", "Наименование показателя", "Недостатков", "Учреждений"]
SECTION_COLUMNS = ["Раздел", "Критерий", "Недостатков", "Учреждений"]
KIND_COLUMNS = ["Вид организации", "Учреждений", "Находок", "Недостатков", "Мероприятий"]
FREQUENT_COLUMNS = ["№", "Недостаток", "Показатель", "Учреждений", "Доля учреждений"]
UNRECOGNISED_COLUMNS = ["Учреждение", "строка", "Текст строки", "Наиболее похожий недостаток каталога (сходство)"]
UNCOVERED_COLUMNS = ["строка", "Находка", "Недостатки по каталогу", "Мероприятия проекта плана"]
COMPARED_COLUMNS = ["Учреждение", "Строк в плане учреждения", "Распознанных находок", "Из них без мероприятия"]

FREQUENT_NOTE = "Материал для предложений общественного совета: доля — от числа всех учреждений сводки."
UNRECOGNISED_NOTE = (
    "Строки, которые не сопоставлены ни одному недостатку каталога: в планах они стоят в разделе "
    "«Прочие недостатки», мероприятие для них нужно сформулировать вручную. Номер строки — как в плане учреждения. "
    f"Похожий недостаток назван, только если сходство не ниже {SUGGESTION_MIN_SCORE:.0f} из 100."
)
COMPARISON_NOTE = (
    "Для учреждений, чей собственный план приведён в протоколе: распознанные находки, на которые в плане "
    "учреждения нет ни одного мероприятия (ни одна строка плана не называет недостаток находки), "
    "и мероприятия проекта плана для них. Нераспознанные строки не сравниваются."
)
NO_UNRECOGNISED = "Все строки распознаны."
NO_HUMAN_PLANS = "В протоколе нет планов учреждений."
COVERED_NOTE = "«0» в последней графе: каждая распознанная находка учреждения имеет мероприятие в его плане."
ALL_COVERED = "У каждого из этих учреждений каждая распознанная находка имеет мероприятие в его плане."
UNKNOWN_KIND = "(не из каталога)"


def number(x: float | None) -> str:
    """«87,5», «90», «—» for a missing value."""
    if x is None:
        return "—"
    s = f"{x:.2f}".rstrip("0").rstrip(".")
    return s.replace(".", ",")


def share(p: float) -> str:
    return f"{p * 100:.1f}".replace(".", ",") + " %"


def totals_lines(s: RegionalSummary) -> list[str]:
    t = s.totals
    return [
        f"Учреждений: {t.institutions}",
        f"Находок (строк с недостатками): {t.findings}",
        f"распознано: {t.recognised}",
        f"не распознано: {t.unrecognised}",
        f"Недостатков по каталогу (пар «находка — недостаток»): {t.deficiencies}",
        f"Мероприятий в проектах планов: {t.measures}; строк, требующих ручной формулировки: {t.manual}",
    ]


def check_line(s: RegionalSummary) -> str:
    t = s.totals
    verdict = "сходится" if s.consistent else "РАСХОЖДЕНИЕ — сообщите разработчикам"
    return (
        f"Проверка: находок {t.findings} = распознанных {t.recognised} + нераспознанных {t.unrecognised}; "
        f"недостатков {t.deficiencies} = сумма по показателям {sum(i.deficiencies for i in s.indicators)} "
        f"= сумма по разделам {sum(x.deficiencies for x in s.sections)} "
        f"= сумма по видам {sum(k.deficiencies for k in s.kinds)} — {verdict}."
    )


def comparison_heading(institution: str, recognised: int, uncovered: int) -> str:
    return f"{institution}: распознанных находок без мероприятия — {uncovered} из {recognised}"


def measures_text(measures: tuple[str, ...]) -> list[str]:
    return list(measures) or [MANUAL_MEASURE]


def catalog_line(s: RegionalSummary) -> str:
    return f"Каталог недостатков и мероприятий: версия {s.catalog_version}."


SHOWN = 1000  # institutions listed in the summary itself; a national run's full list goes to institutions.csv


def shown_note(total: int) -> str | None:
    """The line under a shortened institutions table, or None when every institution is listed."""
    return (
        None
        if total <= SHOWN
        else f"Показаны первые {SHOWN} из {total} учреждений по числу находок; полный список — в institutions.csv."
    )
