"""Concepts: a deficiency recognised from what a finding is about and a word saying that it is wrong.

Curator patterns list the phrasings of a deficiency; they are precise, but every new way of writing needs a new
pattern, and a single keyword can decide alone. A concept instead names the deficiency's objects («пандус»,
«подъёмная платформа») and relies on one catalog-wide list of problem signals, each with the state it describes
(«не работает» — broken, «только с одной стороны» — partial, «узкий» — not to the norm). The deficiency is
recognised where an object and a signal stand in the same part of the finding; parts are cut at sentence ends, at
«;», at a colon after a long lead and at contrast words, so «пандус есть, но без поручней» names the handrails,
not the ramp. Each object takes the state of the signal nearest to it, and that state goes into the rule facts,
so rules can repair what is broken and complete what is partial. Clear phrases («замечаний нет») make a part
name nothing. Objects, signals and clear phrases are indexed by the word forms they start with, so a finding is
tested only against what it could contain.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from nokrules.core.findings import ASKED_NAME_RE, COUNT_NAME, SENTENCE_END
from nokrules.core.lemmas import (
    PURPOSE_WORDS,
    WORD_RE,
    asks_for,
    fold,
    is_known,
    is_noun,
    may_be_locative,
    may_head,
    normal_form,
    opens_attached,
    wishes_more,
)
from nokrules.core.model import Catalog, FindingState, Match, Signals
from nokrules.core.numerals import numerals
from nokrules.core.phrases import Element, ElementIndex, Lemmas, compile_element, find_all, find_element, may_occur

STATE_ORDER: tuple[FindingState, ...] = ("broken", "noncompliant", "worn", "partial", "absent")
# who a survey counts: «7 из 10 опрошенных», «из 40 анкет»; «2 из 5 лестниц» counts things, it reports no survey
PEOPLE = r"(?:опрош|анкет|опрос|респондент|получател|человек|чел\b|граждан|проживающ|клиент|посетител|родител|родственник|пациент|ответ|участник|сем[еь]|инвалид|пользовател|жител|мам|пап|бабуш|дедуш|подопечн|опекун|пенсионер|воспитанник|подрост)"
# the unit of a length after its number: «70 см», «1,2 м», «3 км», «2 метра» (the one list every size and share reads)
LENGTH_UNIT = r"(?:см|мм|км|м|метр\w*|сантиметр\w*|километр\w*)(?![а-я/])"
# a share as surveys report it: «64 %», «64 процента», «0,64», «7 из 10», «каждый пятый» (not a size: «0,7 и 0,9 м»)
SHARE_RE = re.compile(
    rf"\d\s*(?:%|процент|проц\b)|(?<![\d.,])0[.,]\d+(?!\s*{LENGTH_UNIT}|\s*(?:и|или|[-–—/])\s*\d+(?:[.,]\d+)?\s*{LENGTH_UNIT})"
    rf"|\b\d{{1,4}}\s+(?:{PEOPLE}[а-я]*\s+)?из\s+\d{{1,4}}\b(?!\s+(?!{PEOPLE})[а-я])|\bкажд\w*\s+(?:втор|трет|четв|пят|шест|десят)"
)
# a share of what a checklist counts, not of people asked: «60 % требований», «11 из 19 позиций», «3 из 5 каналов»
_ITEMS = r"(?=(?:позици|требовани|пункт|критери|параметр|документ|сведени|раздел|элемент|канал|способ|фио\b)[а-я]*\b)"
ITEM_SHARE_RE = re.compile(
    rf"\d\s*(?:%|процент\w*)\s+(?:от\s+)?(?:[а-я]+\s+)?{_ITEMS}|\b\d{{1,4}}\s+из\s+\d{{1,4}}\s+(?:[а-я]+\s+)?{_ITEMS}"
    rf"|\b\d{{1,4}}\s+{_ITEMS}[а-я]+\s+из\s+\d",  # «размещено 12 ФИО из 47»
    re.I,
)
# a measurement as inspectors record it when a thing is off the norm: «ширина двери 70 см», «порог 4 см», «уклон 1:8»,
# and roughly, the unit first: «порог сантиметров пять»
MEASURE_RE = re.compile(rf"\b\d+(?:[.,]\d+)?\s*{LENGTH_UNIT}|\b(?:сантиметр|метр)\w*\s+\d+(?:[.,]\d+)?(?![\d.,]|\s*%|\s*процент)|\bуклон\w*\s+(?:[а-я]+\s+){{0,3}}\d+(?:[.,]\d+)?(?:\s*%|\s*:\s*\d+)?")
# a percentage of a physical measure, not of people asked: «уклон пандуса 15 %», «влажность 80 %», «износ 70 %»
MEASURE_PERCENT_RE = re.compile(
    r"\b(?:уклон|влажност|износ|изношенност|скидк|температур)\w*\s+(?:[а-я]+\s+){0,4}\d+(?:[.,]\d+)?\s*(?:%|процент)"
)
# a slope as inspectors write it: «уклон 1:12», «уклон около 1:6», «уклон 10 %»; «круче 1:12» says it is over
SLOPE_RE = re.compile(r"уклон\w*\s+(?:[а-я]+\s+){0,3}?(?P<over>(?:круче|больше|более|выше|свыше)\s+)?(?:\w+\s+)?(?:1\s*:\s*(?P<run>\d+)|(?P<percent>\d+(?:[.,]\d+)?)\s*%)")
# the steepest ramp the rules allow: 1:12, 8 % (СП 59.13330, пандус на входе); a gentler slope is no violation
MAX_SLOPE_RUN = 12
MAX_SLOPE_PERCENT = 8.0
# the other sizes the rules set for what inspectors measure (СП 59.13330.2020; a stop: СП 42.13330, by a social-care
# building): the thing's words, whether the number is a width, a height, a length or a way to walk, and the sizes in
# the norm, in metres; a thing may have several. A size in the norm says the thing is as it should be («поручни на
# высоте 0,9 м», «кабина лифта 1,1 × 2,1 м»).
SIZE_NORMS: tuple[tuple[str, str, float, float], ...] = (
    (r"поруч|перил", "height", 0.85, 0.95),
    (r"поруч|перил", "height", 0.65, 0.75),  # the lower handrail of a ramp, beside the upper one
    (r"\bконц|\bзаверша", "length", 0.3, 100.0),  # a handrail's ends run on past the ramp or the stairs
    (r"порог|порож|перепад", "height", 0.0, 0.014),
    (r"кнопк", "height", 0.85, 1.1),  # a call button, a lift's buttons: within reach from a wheelchair
    (r"двер|про[её]м|калитк", "width", 0.9, 100.0),
    (r"пандус|аппарел|марш", "width", 1.0, 100.0),
    (r"разворот", "width", 1.4, 100.0),  # the space to turn a wheelchair round (1,4–1,5 m across)
    (r"стенд", "height", 0.7, 1.5),  # within sight and reach from a wheelchair
    (r"машин\w*.?мест|стоянк|парков|мест\w* для", "width", 3.6, 100.0),
    (r"машин\w*.?мест|стоянк|парков|мест\w* для", "way", 0.0, 50.0),
    (r"остановк", "way", 0.0, 150.0),
)
SIZE_THING_RE = re.compile("|".join(dict.fromkeys(words for words, *_ in SIZE_NORMS)))  # a thing with a norm
SIZE_ABOUT = r"(?:(?:около|примерно|приблизительно|почти|более|свыше|менее|всего|лишь)\s+)?"
SIZE_HEIGHT_RE = re.compile(rf"высот|на уровне|(?:\bна|\bвыше)\s+{SIZE_ABOUT}$")
SIZE_WIDTH_RE = re.compile(r"ширин|в свету|шир\b")
SIZE_WAY_RE = re.compile(rf"(?:\bв|\bза|расстояни\w*)\s+{SIZE_ABOUT}$")
SIZE_LENGTH_RE = re.compile(rf"(?:продл|выступ|удлин|выход)\w*\s+(?:за\s+\w+\s+)?(?:на\s+)?{SIZE_ABOUT}$")
SIZE_CABIN_RE = re.compile(r"(?:лифт|кабин)\D{0,30}?(\d+(?:[.,]\d+)?)\s*(?:[×xх*]|на)\s*$")
LIFT_CABIN = (1.1, 2.1)  # the least cabin a wheelchair and a companion fit in: width and depth
# a length of time: «45 минут», «по 2 часа», «через 5 нед.», «2–3 недели», «более полугода» (not a term promised or a
# period reported: «в течение 3 дней», «за 9 месяцев»)
DURATION_RE = re.compile(  # (the look-ahead first: the look-behinds run only where a number or «пол» stands)
    r"(?=[\dп])(?<!за )(?<!течение )(?:(?P<half>\bпол(?:года|угод\w*))|(?P<n>\d+(?:[.,]\d+)?)(?:\s*[-–—]\s*\d+)?\s*"
    r"(?P<unit>минут\w*|мин\b|час\w*|ч\b|дн\w*|день|сут\w*|недел\w*|нед\b|месяц\w*|мес\b))"
)
# the longest wait that is no problem, in minutes: a visitor waits for reception at most 15 minutes
MAX_WAIT_MINUTES = 15
UNIT_MINUTES = {"мин": 1, "час": 60, "ч": 60, "дн": 1440, "ден": 1440, "сут": 1440, "нед": 10080, "мес": 43200}


def _long_wait(m: re.Match[str]) -> bool:
    """Is the length of time longer than a visitor should wait? «45 минут», «2 часа», «5 нед.» are; «10 минут» is not."""
    if m.group("half"):
        return True
    unit = m.group("unit")
    per = next((v for k, v in UNIT_MINUTES.items() if unit.startswith(k)), None)
    return per is not None and float(m.group("n").replace(",", ".")) * per > MAX_WAIT_MINUTES


# a few things for many people, as inspectors count them: «3 стула на 20 посетителей», «одна санитарка на весь
# корпус», «2 компьютера на группу из 12» (not a score: «оценили на 98 баллов из 100», nor a date: «14 мест по
# состоянию на 01.06.2025», «12 мест на 1 сентября»)
RATIO_RE = re.compile(  # (a count, not a measure: «поручни с двух сторон на высоте 0,7 м» is no ratio)
    r"\b(\d+|один|одна|одно|два|две|три|четыре|пять)\s+(?:[а-яе-]+\s+){0,3}(?<!состоянию )на\s+(?:[а-яе-]+\s+){0,2}"
    r"(?:\d+(?![.,]\d)(?!\s+(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр))|весь|все|всех)\b"
    r"|\bна\s+(?:весь|все|всех|\d+(?![\d.,]|\s*(?:балл|%|процент)))\s+(?:[а-яе-]+\s+){0,2}(один|одна|одно|два|две|\d+(?![.,]\d))\b"
)
EMPHASIS = frozenset({"один", "одна", "одно", "раз"})  # «ни один», «ни разу» (see Concepts._clear)
ASKED_WORD_RE = re.compile(r"опрош|анкет|респондент")  # those asked in a survey, counted
# some of the things, counted: «адаптированы 2 из 6 санузлов», «поручни на 1 из 3 лестниц» (not people asked)
COUNT_RE = re.compile(rf"\b(\d{{1,4}})\s+из\s+(\d{{1,4}})\s+(?!{PEOPLE})[а-я]")
# the same the other way round: «из 14 кабинетов табличками оснащено 3», «из 3 колясок исправна одна», «смонтирована в 12
# палатах из 30» (a count of things, never of people asked, nor a year)
COUNT_OF_RE = re.compile(
    rf"\bиз\s+(?P<all>\d{{1,3}})\s+(?!{PEOPLE})[а-я][а-я-]*(?:\s+[а-я][а-я-]*){{0,5}}?\s+(?P<some>\d{{1,3}}|одн[аоиу]|один)(?!\d|[.,]\d|\s*(?:%|процент|из\b))"
    rf"|\b(?P<some2>\d{{1,3}})\s+(?!{PEOPLE}|балл)[а-я][а-я-]*(?:\s+[а-я][а-я-]*)?\s+из\s+(?P<all2>\d{{1,3}})(?!\d|[.,]\d)"
)
PRAISE = frozenset({"довольный", "доволен", "удовлетворить", "удовлетворённый", "удовлетворять"})
# survey words that are a share themselves («треть», «двое из», «каждый седьмой»)
SHARE_WORD_RE = re.compile(r"(?:^|\s)из(?:\s|$)|треть|четверть|половина|доля|процент|удельный")
# the methodology's names of the indicators' values (приказ Минтруда № 344н), with the dots inside them or without
# («Поткруд — 87,5» is «1.3 — 87,5», «Пперв.контуд = 78,6» and «Ппервконтуд = 78,6» are «4.1 — 78,6»), and the
# same names without «уд» («удовлетворённых») and with «вежл» first («Пвежл.перв», «Пвежл.оказ»), as people shorten them
_SYMBOL_NAMES = {
    "1.1": ["пинф"], "1.2": ["пдист"], "1.3": ["поткруд", "потк.уд"], "2.1": ["пкомф.усл"], "2.2": ["пожид"],
    "2.3": ["пкомфуд", "пкомф.уд"], "3.1": ["порг.дост"], "3.2": ["пуслуг.дост"], "3.3": ["пдостуд", "пдост.уд"],
    "4.1": ["пперв.контуд", "пперв.конт", "пвежл.перв"], "4.2": ["показ.услугуд", "показ.услуд", "показ.услуг", "пвежл.оказ"],
    "4.3": ["пвежл.дистуд", "пвежл.дист"], "5.1": ["преком"], "5.2": ["порг.услуд", "порг.усл"], "5.3": ["пуд"],
}
INDICATOR_SYMBOLS = {name.replace(".", ""): ind for ind, names in _SYMBOL_NAMES.items() for name in names}
_SYMBOLS = "|".join(  # (the longest first, so that «пвежл.дистуд» is not cut at «пвежл.дист»; «Пперв. контуд» too)
    re.escape(name).replace(r"\.", r"(?:\.\s?)?") for name in sorted((n for ns in _SYMBOL_NAMES.values() for n in ns), key=len, reverse=True)
)
INDICATOR_SYMBOL_RE = re.compile(rf"\b(?:{_SYMBOLS})\b")
# the tail of a longer code is no indicator: «2.1.3» is item 3 of indicator 2.1, not indicator 1.3
NOT_IN_CODE = r"(?<!\d[.,])"
# an indicator and its value: «4.1 — 87,5 баллов», «показатель 1.3 составил 82», «2.3: 76,4», «4.3 (дистанционно)
# — 72 балла», «4.1 «при первичном обращении» — 88», «1.3 по итогам опроса: 86», «Пкомфуд = 83»
INDICATOR_VALUE_RE = re.compile(
    rf"(?:{NOT_IN_CODE}\b(?P<ind>[1-5]\.[1-3])(?![.,]?\d)|\b(?P<sym>{_SYMBOLS})\b)\s*"
    r"(?:по\s+[а-яё]+(?:\s+[а-яё]+)?\s*)?"
    r"(?:«[^»]{0,80}»\s*|\([^()]{0,80}\)\s*)?(?:[—–:=→⇒-]>?\s*|(?:состав\w*|равн\w*|получен\w*)\s+)+"
    r"(?![1-5]\.[1-3](?![.,]?\d))(?P<value>\d{1,3}(?:[.,]\d+)?)(?![.,]?\d)"  # «4.1–4.3» is a range, no value
)
# an indicator and the first number after it when that number is in points, whatever words stand between: «показатель
# 1.3 по филиалу в с. Ивановка — 83,5 балла», «по 5.3 итог 86,1 балла», «по показателю 5.1 набрано 62 балла», or
# after the count it comes from: «5.2: удовлетворённых 33 из 52 — 63,5 балла»
INDICATOR_POINTS_RE = re.compile(
    rf"{NOT_IN_CODE}\b(?P<ind>[1-5]\.[1-3])(?![.,]?\d)[^\d\n;]{{0,60}}?(?:\d+\s+из\s+\d+(?![.,]?\d)[^\d\n;]{{0,20}}?)?"
    r"(?<![\d.,])(?P<value>\d{1,3}(?:[.,]\d+)?)(?![.,]?\d)\s*балл"
)
# an indicator and the share of the satisfied after it, maybe after the count it comes from: «Итого по 2.3:
# удовлетворены 71 человек из 118 (60,2 %)», «по 1.3 довольны 78 %»; not a share of the dissatisfied, a change or
# a coverage («по 4.1 неудовлетворённых 2 %», «1.3 выросло на 5 %»), nor the answers to an added question («5.3 доп.
# вопрос (качество жизни): удовлетворены улучшением 41 %»)
INDICATOR_SHARE_RE = re.compile(
    rf"{NOT_IN_CODE}\b(?P<ind>[1-5]\.[1-3])(?![.,]?\d)(?![^\d\n;]{{0,60}}?\b(?:доп\b|вопр))"
    r"(?=[^\d\n;]{0,60}?\b(?:удовлетвор|довольн|удовл\b))[^\d\n;]{0,60}?(?:\d+\s+(?:[а-яё]+\s+)?из\s+\d+(?![.,]?\d)[^\d\n;]{0,20}?)?"
    r"(?<![\d.,])(?P<value>\d{1,3}(?:[.,]\d+)?)(?![.,]?\d)\s*(?:%|процент)"
)
# several indicators and as many values, in order: «показатели 5.1 и 5.3 — 82 и 80 баллов соответственно»
_IND = rf"{NOT_IN_CODE}[1-5]\.[1-3](?![.,]?\d)"
_VALUE = r"\d{1,3}(?:[.,]\d+)?(?![.,]?\d)"
# a row pasted from a table, its cells apart (a tab reads as a space) or saved with «;» between them: an indicator
# that opens a cell, maybe after «показатель», its value the next cell («2.3	76,2	ниже порога», «Показатель; Значение;
# — 3.3; 74; 5.3; 82», «Пок. 2.3; 71»), or exported with «|» («4.1 | 78 | красная зона», «Итог 5.3 | 66,7 из 100»)
ROW_VALUE_RE = re.compile(
    rf"(?:^|[;|]|[—–:])\s*(?:(?:показатель|пок|п|итог\w*)\.?\s*)?(?P<ind>{_IND})\.?(?:\s+[а-яё]+(?=\s*[;|]))?(?:\s*[;|]\s*|\s+)"
    rf"(?P<value>{_VALUE})(?!\s*(?:{LENGTH_UNIT}|шт|ед|чел|раз|из\b(?!\s+100\b)))"
)
# a wait and the time it takes, in minutes, within its clause: «время ожидания приёма — 7 минут», «приёма ждут не
# дольше 10–15 минут»; what makes the time the least one waits («не менее», «минимум», «от»), or more than that
WAIT_WORD_RE = re.compile(r"\b(?:ожида|жд[уеа]|прожда|дожида|подожда)\w*")
WAIT_TIME_RE = re.compile(r"(?P<between>[^.;!?\d,:()]{0,60}?)(?P<time>\d+(?:[.,]\d+)?(?:\s*[-–—]\s*\d+(?:[.,]\d+)?)?)\s*(?:минут\w*|мин\b)")
EXCESS_RE = re.compile(r"(?<!не )\b(?:превы[шс]|больше|более|дольше|свыше|позже|около)|\bне\s+(?:менее|меньше)|\bминимум|\bот\b")
OTHER_TIME_RE = re.compile(r"\b(?:пол(?:дня|часа|суток|года)|час|сут|дн[еяи]|день|недел|месяц|год)")  # a time not in minutes
MORE_AFTER_RE = re.compile(r"\s*(?:и\s+(?:более|больше|дольше)|больше|дольше|сверх|свыше|позже)")
COUNTED_RE = re.compile(r"\s+([а-яё]{3,})")  # the word right after a number
# «46/46», «24 пункта из 24» (not «из 100», nor the next indicator of a row: «4.2 — 80,5 / 4.3 — 71»)
OUT_OF_RE = re.compile(r"\s*(?:/\s*(?![1-5]\.[1-3](?![.,]?\d))\d|(?:[а-яё]+\s+)?из\s+(?!100\b)\d)")
# what a checklist or a survey counts: a number right before one is a count, not an indicator's value
COUNTED_NOUNS = frozenset(
    {"стенд", "сайт", "респондент", "человек", "получатель", "анкета", "позиция", "пункт", "документ", "раздел", "кабинет", "место", "штука"}
)
_UNIT = r"(?:\s*(?:%|балл[а-яё]*))?"  # each value of a list may carry its unit: «— 88 %, 90 % и 71 %»
INDICATOR_LIST_RE = re.compile(
    rf"\b(?P<inds>{_IND}(?:\s*(?:,|и|/)\s*{_IND})+)\s*[—–:=→⇒-]>?\s*(?P<values>{_VALUE}{_UNIT}(?:\s*(?:,|и|/)\s*{_VALUE}{_UNIT})+)"
)
# a fraction of those asked: «довольны 0,62 опрошенных» (not a size: «0,9 м»)
FRACTION_RE = re.compile(rf"(?<![\d.,])0[.,](\d+)(?!\s*{LENGTH_UNIT})")
# everyone asked satisfied, counted: «все 57 опрошенных получателей с инвалидностью удовлетворены доступностью», «из
# 28 опрошенных все 28 считают информацию понятной»
ALL_ASKED_RE = re.compile(
    rf"(?<!\bне )\bвсе\s+(?:\d+\s+)?(?:опрошенн|анкетированн|{PEOPLE})[а-я]*(?:,?\s+[а-я]+){{0,7}},?\s+"
    r"(?:удовлетвор[её]н|довольн|готовы\s+(?:[а-я]+\s+)?рекомендова|рекомендуют)"
    # or those satisfied, then all: «графиком посещения довольны все», «… удовлетворены все 40»
    rf"|(?<!\bне )(?:удовлетвор[её]н|довольн)[а-я]*\s+все(?:\s+\d+(?:\s+[а-яё]+){{0,3}}|(?:\s+(?:опрошенн|анкетированн|{PEOPLE})[а-я]*){{0,2}})"
    r"(?:\s*[,.;]\s*(?!кроме)|\s*$)"
    # or all, then satisfied, and nothing after: «опрос провели, все довольны»
    r"|(?<!\bне )(?<!\bпочти )\bвсе\s+(?:удовлетвор[её]н|довольн)[а-я]*(?:\s*[,.;]\s*(?!кроме)|\s*$)"
    # or the number asked, then all of them: «из 64 опрошенных все 64 отметили, что довольны»
    r"|\bиз\s+(?P<asked>\d+)\s+(?:[а-я]+\s+){0,4}?все\s+(?P=asked)\b"
)
# the number asked, told first: «из 40 опрошенных 39 довольны», «из 40 опрошенных рекомендовать готовы 28»
# an answer that counts those asked as satisfied: «рекомендовать готовы 28», «35 поставили хорошо», «оценили положительно»
GOOD_ANSWER_RE = re.compile(r"рекоменд|готов|хорош|отличн|положительн")
# the number asked in a survey: «из 40 опрошенных», «опрос был из 30», «спросила у своих 12 подопечных»
ASKED_TOTAL_RE = re.compile(
    rf"(?:\bиз\s+(?=\d{{1,4}}\s+{PEOPLE})|\b(?:опрос|анкетир)[а-я]*(?:\s+[а-я]+){{0,2}}?\s+из\s+"
    r"|\b(?:спросил|опросил|поговорил)[а-я]*(?:\s+[а-я]+){0,2}?\s+)"
    rf"(\d{{1,4}})\b(?:\s+{PEOPLE}[а-я]*)?"
)
ASKED_COUNT_RE = re.compile(r"(?<![\d.,:/№-])(\d{1,4})(?!\d|[.,:/]\d|\s*(?:%|процент|из\b|балл|раз|час|мин|дн|лет|год|г\.|ч\b))")
# a share with no unit, told after the aspect it rates in a survey line: «комфортностью — 98», «стенд — 88,4; сайт —
# 76,0», «вежливость регистр. 87, дист 79», «сиделок — 0,78»; not a time («9:40»), a range («2–3»), a date («15.07»,
# «01.04.2024»), a year or a count of something named after it («164 человека»)
BARE_SHARE_RE = re.compile(
    r"(?:(?<![\d\s])\s*[—–:-]\s*|(?<=[а-яё.])\s+)((?<![\d.,])(?:\d{2,3}(?:,\d+|\.\d(?!\d))?|0[.,]\d{1,3}))(?![\d.,]*\d)"
    r"(?=\s*(?:[,;.!?()]|$|[—–-]\s|\s+(?:и|а|но|при)\b))"
)
# what tells a number beside the finding's own share to compare it with: «0,9 при среднем по учреждениям 0,97», «факт
# 71 при плане 100», «(2023 — 93)»
COMPARED_RE = re.compile(r"\bпри\b|против|средн|план|регион|област|ранее|прошл|\bгод|\b(?:19|20)\d\d\b|целев|норм|порог")
SHARE_IN_WORDS_RE = re.compile(r"\bкажд\w*\s+(?:втор|трет|четв|пят|шест|седьм|восьм|девят|десят)")  # «каждый пятый»
NOWHERE = frozenset({"негде", "некуда", "нигде", "никуда", "нечего", "нечем"})  # negative adverbs: «сесть негде»
LEAD_WORDS = 1  # a signal that opens a part governs each item of an enumeration
NEAR = 3  # signals whose distances to an object fall in the same span of this many words are equally near
CLEAR_NEGATION_REACH = 4  # a negation this many words before a clear phrase turns it into a problem
# the words a remark noun («жалоба», «нарушение») hangs on as a complement: «порядок подачи жалоб на стенде
# отсутствует», «ящика для жалоб нет», «актов об устранении нарушений нет» deny the thing, not the remarks
GOVERNS_REMARK = frozenset(
    {"подача", "подать", "для", "ящик", "книга", "журнал", "рассмотрение", "порядок", "форма", "учёт", "учет", "регистрация", "устранение", "обжалование", "приём", "прием", "об", "о"}
)
# «в порядке» that ends a clause says its things are as they should be; «в порядке очереди», «в порядке исключения» go on
IN_ORDER_RE = re.compile(r"\bв\s+(?:полном\s+)?порядке\s*(?:[.,;:)!]|$)")
# a part that ends saying its problem was put right: «недостатки, выявленные в 2022 году, устранены», «ссылки исправлены»,
# «замечания устранены в 2025 г.»
FIXED_END_RE = re.compile(
    r"(?<!\bне )\b(?:устран|исправл|отремонтирова|восстановл|замен|почин|налаж)(?:ен|[её]н|ена|ено|ены|н|на|но|ны)"
    r"(?:\s+(?:в|к|до)\s+\d+\s*(?:г\.?|года|году)?)?\s*[.!]?\s*$"
)
PARTLY_RE = re.compile(r"частичн|не\s+полност|не\s+до\s+конца|не\s+в\s+полн|не\s+все|\bлишь\b|\bтолько\b")
# what a remark is about or when: «замечаний к …», «жалоб за год …», «перебоев с водой нет», «нарушений сроков (графика) …
# не зафиксировано», «нарушений порядка обработки данных не выявлено»
CLEAR_ABOUT = (
    "к", "по", "на", "за", "с", "в отношение", "относительно", "в часть", "при", "срок", "график", "порядок", "право", "требование",
    "правило", "конфиденциальность",
)
# remark nouns that are complements as often as framed_nouns, but never open a part saying nothing is wrong with
# words between: «плана по устранению недостатков нет», «акта об устранении замечаний нет»
REMARKS_GOVERNED = ("недостаток", "замечание")
# the remarks whose denial is a verdict on a whole line («…, жалоб на режим посещений нет», «замечаний нет: …»)
VERDICT_NOUNS = frozenset({"замечание", "претензия", "нарекание", "жалоба", "нарушение", "недостаток"})
# words between a remark noun and the word it hangs on: «об устранении выявленных нарушений»
REMARK_MODIFIERS = frozenset({"выявить", "выявленный", "указать", "указанный", "отметить", "отмеченный", "данный", "этот", "весь", "прошлый", "ранее"})
# words a framed remark may follow at the head of its part: «случаев нарушения …», «фактов нарушения …», «проверкой
# нарушений … не выявлено», «в ходе проверки нарушений … не установлено»
REMARK_LEADS = frozenset({"случай", "факт", "проверка", "в", "ход", "по", "итог", "результат"})
QUOTED_RE = re.compile(r"«[^«»]*»")
NOT_WORD_RE = re.compile(r"[^\w«»]")
PUNCTUATION_RE = re.compile(r"[,:;()—–]|\s-\s")
SHORT_LEAD = 4  # words before a colon that are a topic, not a sentence of their own
SENTENCE_RE = re.compile(rf"(?=[;\n:.!?])(?:[;\n]+|:(?!\d)|{SENTENCE_END.pattern})")  # (the look-ahead first: the rest runs only at these)
# words that put a noun into a phrase of another («с коляски», «для инвалидов»): no item of an enumeration
# prepositions that say where: «в холле», «на сайте» — where a whole line may be, not an item's own thing
LOCATIVES = frozenset({"в", "во", "на"})
# possessives that tie a thing to a thing named before it: «ФИО руководителей и их телефоны»
POSSESSIVES = frozenset({"его", "её", "ее", "их"})
PREPOSITIONS = frozenset("в во на с со из у для от о об по к ко при за под над перед до через про между среди около возле после вокруг".split())
# where a thing is: «на пандусе» (not «на страницу»: where to), «вдоль пандуса», «у кнопки вызова»
PLACE_PREPOSITIONS = frozenset("на у над под перед около возле вдоль вокруг внутри".split())
LINKS = frozenset({"ссылка", "переход", "баннер"})  # «ссылка на …» names where it leads, not where it is
ANY_PREPOSITIONS = PREPOSITIONS | PLACE_PREPOSITIONS
# a score told after its word: «итоговый балл по критерию «Комфортность» — 100» (see full_scores)
SCORE_AFTER_RE = re.compile(r"балл\w*[^\d;]{0,60}?[—–:=-]\s*(\d{1,3}(?:[.,]\d+)?)(?![.,]?\d)(?!\s*(?:%|процент))")
NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)?")
# a share with its value: «64 %», «64,5 процента», «97 из 100», «41 респондент из 42», «один из 30» (of those asked: the
# first of two counts; «ни один из» counts nobody)
SHARE_VALUE_RE = re.compile(  # (the look-ahead for a digit first: the rest runs only where one stands)
    # (several shares with one unit after the last count each: «88, 91, 97 и 99 процентов»)
    rf"(?=\d|од)(?:(?<![\d.,])(\d{{1,3}}(?:[.,]\d+)?)(?:\s*(?:%|процент)|(?<=\d\d)(?=(?:(?:,\s+|\s+и\s+)\d{{2,3}}(?:[.,]\d+)?)+\s*(?:%|процент)))|(?<![\d.,])(\d{{1,4}}(?:[.,]\d+)?|(?<![а-я])(?<!ни\s)од(?:ин|на|ного|ной)(?=\s+из\s+\d))\s+(?:{PEOPLE}[а-я]*\s+)?из\s+(\d{{1,4}})(?!\d|[.,]\d)"
    # a score on the methodology's 100-point scale: «оценили на 96 баллов (из 100)»; a number under 10 («3,4
    # балла», «4 балла») is a grade of five, and «из 5» another scale
    r"|(?<![\d.,])(\d{2,3}(?:[.,]\d+)?)\s*балл[а-я]*(?:\s+из\s+100\b)?(?!\s+из\s+\d))"
)


# a word for how those asked answered, and whether it names the dissatisfied: «удовлетворены», «довольны», «не
# устраивает», «неудовлетворённых», «недовольны»; «удовлетворительно» grades a thing, it counts no people
SATISFACTION_RE = re.compile(r"(?<![а-я])(не\s*)?(?:удовлетвор(?!ительн)|довол|устраива|устроил)[а-я]*")
CLAUSE_CUTS = ",;()\n"  # a share and the word that says whose it is stand between these
CLAUSE_CUT_RE = re.compile(f"[{re.escape(CLAUSE_CUTS)}]")
DIGIT_RE = re.compile(r"\d")  # every share, size, ratio and count has one
# a share told for another period or another value to compare with: «(2023 — 93 %)», «годом ранее было 89 %», «против
# 88 %», «выше среднего по региону (91 %)» before it, or «88 % годом ранее», «86 % (2023 г.)» after it (a year after
# a share may be the finding's own: «98 % в 2025 году»)
EARLIER = (
    r"(?:годом\s+ранее|в\s+прошлом\s+году|прошлого\s+года|прошлогодн\w*|в\s+предыдущ\w+\s+\w+|ранее|было|против"
    # or a value to compare with: «выше среднего по региону (91 %)», «при целевом уровне 90 %», «порог — 90 %»
    r"|(?:(?:выше|ниже|на\s+уровне)\s+)?средн\w*(?:\s+по\s+[а-я]+)?|региональн\w*\s+(?:значени|уровн)\w*|целев\w*(?:\s+(?:значени|уровн)\w*)?"
    r"|порогов\w*\s+значени\w*|порог\w*|норм[аеыу])"
)
EARLIER_HINT_RE = re.compile(r"ранее|прошл|против|было|средн|регионал|целев|порог|норм|(?:19|20)\d\d", re.I)  # one of them stands in every such line
# (a year before a share marks another period when it opens a bracket, «(2023 — 93 %)», or a later year stands in the
# line, «в 2024 г. — 70 %, в 2025 г. — 88 %»: the latest year is the finding's own)
EARLIER_BEFORE_RE = re.compile(
    rf"(?:{EARLIER}|(?:\bв\s+)?(?<!\d)(?P<year>(?:19|20)\d\d)(?:\s*(?:г\.?|год[а-я]*))?)\s*(?P<was>было\s*)?[—–:(-]?\s*$"
)
YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
EARLIER_AFTER_RE = re.compile(r"\s*(?:годом\s+ранее|в\s+прошлом\s+году|прошлого\s+года|\((?:в\s+)?(?:19|20)\d\d\s*(?:г\.?|год[а-я]*)?\))")


# a questionnaire's answers told by their counts: «да — 143, нет — 19», «да: 112; нет: 2», «нет — 3, да — 57»; or by one
# answer's count of a total or share: «„Да“ — 58 из 60», «нет: 21 из 64», ««Нет» ответили 11 из 40», «да — 96 %»
_ANSWER = r"[«\"]?(?P<{0}>да|нет)[»\"]?\s*(?:[—–:-]\s*|ответил[а-я]*\s+)"
_PEOPLE_AFTER = r"(?:\s*(?:чел\b\.?|человек[а-я]*|ответ[а-я]*))?"
_ANSWER_COUNT = rf"{_ANSWER}(?P<{{1}}>\d{{{{1,4}}}})(?![\d.,]\d|\s*(?:%|процент|из\b|балл))"
ANSWERS_RE = re.compile(
    rf"(?<![а-я])(?:{_ANSWER_COUNT.format('a', 'n')}{_PEOPLE_AFTER}\s*[,;]?\s*(?:а\s+)?{_ANSWER_COUNT.format('b', 'm')}{_PEOPLE_AFTER}"
    rf"|{_ANSWER.format('c')}(?:(?P<part>\d{{1,4}})\s+(?:(?P<who>{PEOPLE}[а-я]*)\s+)?из\s+(?P<total>\d{{1,4}})(?:\s+(?P<whom>{PEOPLE}[а-я]*))?(?![\d.,]\d)"
    r"|(?P<share>\d{1,3}(?:[.,]\d+)?)\s*(?:%|процент[а-я]*)))",
    re.I,
)


# a questionnaire's answers of any wording, each with its count or share, two or more in a row: «„да“ 31, „частично“
# 9, „нет“ 4», «„всегда“ — 12, „не всегда“ — 20, „никогда“ — 3», «„полностью“ 41 %, „скорее да“ 37 %, „нет“ 22 %»
_ANSWER_WORD = r"(?:скорее\s+)?(?:да|нет)|не\s+всегда|всегда|иногда|никогда|частично|полностью|вполне|затрудняюсь(?:\s+ответить)?|не\s+знаю"
_ANSWER_ITEM = rf"[«\"]?(?:{_ANSWER_WORD})[»\"]?\s*(?:[—–:-]\s*)?\d{{1,4}}(?:[.,]\d+)?(?![\d.,]\d)\s*(?:%|процент[а-я]*)?{_PEOPLE_AFTER}"
ANSWER_LIST_RE = re.compile(rf"(?<![а-я]){_ANSWER_ITEM}(?:\s*[,;]?\s*(?:а\s+)?{_ANSWER_ITEM})+", re.I)
ANSWER_ITEM_RE = re.compile(
    rf"[«\"]?(?P<answer>{_ANSWER_WORD})[»\"]?\s*(?:[—–:-]\s*)?(?P<count>\d{{1,4}}(?:[.,]\d+)?)\s*(?P<share>%|процент)?", re.I
)
SATISFIED_ANSWER_RE = re.compile(r"(?:скорее\s+)?да|всегда|полностью|вполне", re.I)  # the answers of those satisfied
# those who gave one answer, out of all asked: «18 из 25 ответили „да“», «из 40 семей 11 ответили „нет“»
ANSWERED_OF_RE = re.compile(
    r"(?<![\d.,])(?P<part>\d{1,4})\s+из\s+(?P<total>\d{1,4})\s+(?:[а-яё]+\s+)?ответил[а-я]*\s+[«\"]?(?P<answer>да|нет)(?![а-я])[»\"]?", re.I
)


def _share_said(value: float) -> str:
    """A share read from answers, as the text puts a share: 70.45 → «70,5 %»."""
    return f"{value:.1f} %".replace(".", ",")


def _share_of_yes(answer: str, value: float) -> float:
    """The share of «да» that one answer's share gives: «нет» — 20 % is «да» — 80 %."""
    return 100 - value if answer.lower() == "нет" else value


def _answer_list_share(m: re.Match[str]) -> str:
    """The share of those satisfied that a list of answers gives (ANSWER_LIST_RE): «„да“ 31, „частично“ 9, „нет“ 4»
    reads «70,5 %»; a list that mixes counts and shares, of one kind of answer or of nobody stays as written."""
    items = list(ANSWER_ITEM_RE.finditer(m.group()))
    counts = [(float(i.group("count").replace(",", ".")), SATISFIED_ANSWER_RE.fullmatch(i.group("answer")) is not None) for i in items]
    every = sum(n for n, _ in counts)
    if len({bool(i.group("share")) for i in items}) > 1 or not every or len({yes for _, yes in counts}) < 2:
        return m.group()
    return _share_said(100 * sum(n for n, yes in counts if yes) / every)


def _answered_of_share(m: re.Match[str]) -> str:
    """«18 из 25 ответили „да“» as the share of those satisfied: «72,0 %» («нет»: those who were not)."""
    part, total = int(m.group("part")), int(m.group("total"))
    if not 0 < total or part > total:
        return m.group()
    return _share_said(_share_of_yes(m.group("answer"), 100 * part / total))


def answers_as_shares(text: str) -> str:
    """The text with a questionnaire's answer counts put as the share of those satisfied: «Питание: да — 112, нет — 2»
    reads «Питание: 98,2 %», «Удовлетворены ли вы навигацией? Нет — 21 из 64» reads «… 67,2 %», and answers in other
    words too («„всегда“ — 12, „не всегда“ — 20», «18 из 25 ответили „да“»). The answer words are no «нет» of the
    thing asked about, and the share meets the survey floor as any other; two counts of one answer («да — 5, да — 7»)
    or of nobody stay as written."""
    if DIGIT_RE.search(text) is None:
        return text  # most findings
    if ANSWER_LIST_RE.search(text):
        text = ANSWER_LIST_RE.sub(_answer_list_share, text)
    if "ответил" in text.lower():
        text = ANSWERED_OF_RE.sub(_answered_of_share, text)
    if "да" not in text.lower() and "нет" not in text.lower():
        return text

    def share(m: re.Match[str]) -> str:
        if m.group("a") is not None:
            counts = {m.group("a").lower(): int(m.group("n")), m.group("b").lower(): int(m.group("m"))}
            if len(counts) < 2 or not sum(counts.values()):
                return m.group()
            value = 100 * counts["да"] / sum(counts.values())
        else:
            if m.group("share") is not None:
                value = float(m.group("share").replace(",", "."))
            elif 0 < int(m.group("total")) and int(m.group("part")) <= int(m.group("total")):
                value = 100 * int(m.group("part")) / int(m.group("total"))
            else:
                return m.group()
            value = _share_of_yes(m.group("c"), value) if value <= 100 else value
        if not 0 <= value <= 100:
            return m.group()
        # (whose answers they are stays: «14 из 40 родственников» is «65,0 % родственников», a word the concepts read)
        who = m.group("who") or m.group("whom")
        return _share_said(value) + (f" {who}" if who else "")

    return ANSWERS_RE.sub(share, text)


# the methodology's names of the counts an indicator's value is worked out from (приказ Минтруда № 344н): those
# satisfied, by the indicator and the place asked about (see findings.COUNT_NAME), with the dots inside them or without
_SATISFIED_NAMES = {
    "устенд": ("1.3", "стенд"), "усайт": ("1.3", "сайт"), "усвоевр": ("2.2", ""), "укомф": ("2.3", ""), "удост": ("3.3", ""),
    "упервконт": ("4.1", ""), "увежлперв": ("4.1", ""), "уоказуслуг": ("4.2", ""), "увежлоказ": ("4.2", ""),
    "увежлдист": ("4.3", "дист"), "удист": ("4.3", "дист"), "уреком": ("5.1", ""), "греком": ("5.1", ""),
    "уоргусл": ("5.2", ""), "ууд": ("5.3", ""),
}
_COUNT = r"\d{1,5}(?![.,]?\d)"
COUNT_NAMES_RE = re.compile(
    rf"(?P<a>{COUNT_NAME})\s*/\s*(?P<b>{COUNT_NAME})\s*=\s*(?P<x>{_COUNT})\s*/\s*(?P<y>{_COUNT})"
    rf"|(?P<name>{COUNT_NAME})\s*(?:[=:—–-]\s*)?(?P<n>{_COUNT})",
    re.I,
)


def count_names_as_values(text: str) -> str:
    """The text with the counts an indicator's value is worked out from put as that value: «Укомф 188 | Чобщ 197» reads
    «пкомфуд = 95,4», «Удост/Чинв = 17/24» reads «пдостуд = 70,8», «Устенд 143 Чобщ.стенд 180 Усайт 61 Чобщ.сайт 82»
    reads «поткруд = 76,9» (the mean of the stand's and the site's shares, as the formula has it). The raw counts are no
    shares, and a count of those satisfied with no count of those asked stays as written."""
    if ASKED_NAME_RE.search(text) is None:
        return text  # most findings
    satisfied: dict[tuple[str, str], tuple[int, re.Match[str]]] = {}
    asked: dict[str, tuple[int, re.Match[str]]] = {}
    for m in COUNT_NAMES_RE.finditer(text):
        pairs = [(m.group("a"), m.group("x")), (m.group("b"), m.group("y"))] if m.group("a") else [(m.group("name"), m.group("n"))]
        for name, count in pairs:
            key = re.sub(r"[.\s]", "", name.lower())
            if key in _SATISFIED_NAMES:
                satisfied[_SATISFIED_NAMES[key]] = (int(count), m)
            elif key.startswith("ч"):
                asked[key[4:] if key.startswith("чобщ") else ""] = (int(count), m)
    values: dict[str, list[float]] = {}
    used: set[re.Match[str]] = set()
    for (ind, place), (part, m) in satisfied.items():
        total = asked.get(place) or asked.get("")
        if total is None or not 0 < total[0] or part > total[0]:
            continue
        values.setdefault(ind, []).append(100 * part / total[0])
        used |= {m, total[1]}
    if not values:
        return text
    # (by the value's own name: «2.3 — 75,8» after «Показатель 2.3» would read «показатель 2.3 2.3», and «3 2» in it)
    said = "; ".join(f"{_SYMBOL_NAMES[ind][0]} = {f'{sum(v) / len(v):.1f}'.replace('.', ',')}" for ind, v in values.items())
    spans = sorted(m.span() for m in used)
    out, last = [], 0
    for k, (a, b) in enumerate(spans):
        out += [text[last:a], f" {said} " if k == 0 else " "]
        last = b
    return "".join(out) + text[last:]


COUNTING_WORDS = frozenset({"только", "лишь", "не все", "один из"})  # signal words that count some of those asked


def only_counts_asked(words: Sequence[Match]) -> bool:
    """Are a part's problem words only those that count the dissatisfied («недовольны», «не удовлетворены») or count
    some of those asked («только двое из», «не все»)? A share reads them already: «только двое из шестидесяти чем-то
    недовольны» is 96.7 % satisfied."""
    return bool(words) and all(
        w.element in COUNTING_WORDS or (m := SATISFACTION_RE.fullmatch(fold(" ".join(w.words)))) is not None and m.group(1) is not None
        for w in words
    )


def _clause_around(folded: str, at: int, end: int) -> tuple[int, int]:
    """The clause (between CLAUSE_CUTS) that holds the characters `at`..`end`: from just past the last cut before
    them, or 0, to the next cut after them, or the end."""
    a = max(folded.rfind(c, 0, at) for c in CLAUSE_CUTS) + 1
    b = m.start() if (m := CLAUSE_CUT_RE.search(folded, end)) else len(folded)
    return a, b


def _of_dissatisfied(folded: str, at: int, end: int) -> bool:
    """Is the share at `at`..`end` the share of the dissatisfied? The answer word nearest to it in its clause
    decides: «не удовлетворены 31 %», «неудовлетворённых — 12 %», «20 % недовольны»; but «не в полной мере
    удовлетворены (удовлетворены 64 %)» gives the satisfied share, and a share with no answer word
    («укомплектован на 68 %») is taken as it stands."""
    a, b = _clause_around(folded, at, end)
    words = list(SATISFACTION_RE.finditer(folded, a, b))
    if not words:
        return False
    nearest = min(words, key=lambda w: at - w.end() if w.end() <= at else w.start() - end)
    return nearest.group(1) is not None


def shares(text: str) -> list[tuple[int, float]]:
    """Every share a finding gives, where it stands and its value in percent of those satisfied: «64 %»,
    «64,5 процента», «97 из 100 опрошенных» (97.0), «3 из 6 ставок» (50.0), a mean grade «3,2 из 5» (64.0), a score
    «оценили на 96 баллов» (96.0), «не удовлетворены 31 %» (69.0); not one told for another period beside the
    finding's own («97 % (2023 — 93 %)» is 97.0, see `earlier_shares`).
    One reading for the survey floor, the values handed to the rules, and each aspect's own share in a line
    that lists several; «из» with a count larger than its total, over nothing or over a year is no share."""
    found = _all_shares(text)
    mixed = any(then for *_, then in found) and not all(then for *_, then in found)
    return [(at, value) for at, _, value, then in found if not (mixed and then)]


def earlier_shares(text: str) -> list[tuple[int, int]]:
    """Where the shares told for another period stand, with the words that say so, when the finding gives its own
    beside them: «годом ранее 87 %» in «удовлетворены 95 %, годом ранее 87 %». They compare; they say nothing of
    the finding."""
    if EARLIER_HINT_RE.search(text) is None:
        return []  # most lines: no word or year that tells another period
    found = _all_shares(text)
    if all(then for *_, then in found):
        return []
    return [then for *_, then in found if then]


def _all_shares(text: str) -> list[tuple[int, int, float, tuple[int, int] | None]]:
    """Every share of `shares`, with where it ends and, if it is told for another period, where that is said with the
    words that say so (see `_earlier`)."""
    out: list[tuple[int, int, float, tuple[int, int] | None]] = []
    text = numerals(text)  # «шестьдесят девять процентов» is «69 %»
    if DIGIT_RE.search(text) is None:
        return out  # most lines: no number, so no share
    folded = fold(text)
    indicated: bool | None = None  # (whether the line gives indicator values, read at the first score in points)
    for m in SHARE_VALUE_RE.finditer(text):
        if m.group(4) is not None:
            indicated = bool(indicator_values(folded)) if indicated is None else indicated
            if indicated:
                continue  # «показатели 1.3 и 2.3 — 80 и 97 баллов»: the points are the indicators' values, read as such
            value = float(m.group(4).replace(",", "."))
        elif m.group(1) is not None:
            value = float(m.group(1).replace(",", "."))
        else:
            part, total = float(m.group(2).replace(",", ".")) if m.group(2)[0].isdigit() else 1.0, int(m.group(3))
            if not 0 < total or part > total or 1990 <= total < 2100:
                continue  # «3 из 2025» is a date
            value = round(100 * part / total, 1)
        if 0 <= value <= 100:
            if _of_dissatisfied(folded, m.start(), m.end()):
                value = round(100 - value, 1)
            out.append((m.start(), m.end(), value, _earlier(folded, m.start(), m.end())))
    if not out and (asked := ASKED_TOTAL_RE.search(folded)) is not None:
        out = [(m.start(), m.end(), value, None) for m, value in _counts_of_asked(folded, asked)]
    if not out:
        out = [(a, b, value, None) for a, b, value in bare_shares(folded)]
    return out


def bare_shares(folded: str) -> list[tuple[int, int, float]]:
    """The shares a survey line gives with no unit, each after the aspect it rates (see BARE_SHARE_RE), where they
    stand and their value in percent: «0,86» is 86.0, «87» is 87.0. Only in a line that speaks of those satisfied
    or of a share («удовлетворённость», «довольны», «доля») and gives no indicator's value («4.1 — 93»)."""
    if not (SATISFACTION_RE.search(folded) or "доля" in folded) or indicator_values(folded):
        return []
    out = []
    for m in BARE_SHARE_RE.finditer(folded):
        clause = max(folded.rfind(c, 0, m.start()) for c in ",;:—–(")
        if COMPARED_RE.search(folded, clause + 1, m.start()):
            continue  # a number to compare the share with
        value = float(m.group(1).replace(",", "."))
        value = round(100 * value, 1) if value < 1 else value
        if value <= 100:
            out.append((m.start(1), m.end(1), value))
    return out


def _earlier(folded: str, at: int, end: int) -> tuple[int, int] | None:
    """Where the share at `at`..`end` is told for another period, to compare with the finding's own, with the words
    that say so: «(2023 — 93 %)», «годом ранее было 89 %», «92 % против 88 % годом ранее». The words stand right
    before it, in its clause, or right after it."""
    a = max(folded.rfind(c, 0, at) for c in ",;\n") + 1
    if (before := EARLIER_BEFORE_RE.search(folded, max(a, at - 40), at)) is not None:
        year = before.group("year")
        opens = folded[: before.start()].rstrip().endswith("(")
        if year is None or before.group("was") or opens or any(int(y) > int(year) for y in YEAR_RE.findall(folded)):
            return before.start(), end
    return (at, after.end()) if (after := EARLIER_AFTER_RE.match(folded, end)) is not None else None


def asked_counts(folded: str) -> list[tuple[int, int]]:
    """Where a survey line tells the number asked and the counts of how they answered (see `_counts_of_asked`):
    numbers that say what the finding is, as a share does."""
    asked = ASKED_TOTAL_RE.search(folded)
    if asked is None:
        return []
    return [asked.span(1), *(m.span(1) for m, _ in _counts_of_asked(folded, asked))]


def _counts_of_asked(folded: str, asked: re.Match[str]) -> list[tuple[re.Match[str], float]]:
    """The shares a survey line gives as counts after the number asked: «из 40 опрошенных 39 довольны и чистотой»
    (97.5), «из 40 опрошенных рекомендовать готовы 28, условиями довольны 30» (70.0 and 75.0), «опрос был из 30, 26
    поставили хорошо» (86.7). A count must say how those asked answered in its clause (GOOD_ANSWER_RE, or a word of
    satisfaction), and be no more than those asked."""
    total = int(asked.group(1))
    out: list[tuple[re.Match[str], float]] = []
    for m in ASKED_COUNT_RE.finditer(folded, asked.end()):
        part = int(m.group(1))
        a, b = _clause_around(folded, m.start(), m.end())
        clause = folded[max(a, asked.end()) : b]
        if 0 < total and part <= total and (SATISFACTION_RE.search(clause) or GOOD_ANSWER_RE.search(clause)):
            value = round(100 * part / total, 1)
            out.append((m, round(100 - value, 1) if _of_dissatisfied(folded, m.start(), m.end()) else value))
    return out


def surveyed(text: str, context: str = "") -> bool:
    """Does a part give a share of people asked? A percentage of a physical measure («уклон пандуса 15 %») is none,
    nor a share of a checklist's items («выполнено 60 % требований»; «стенд 11 из 19 позиций, сайт 13 из 22»: once
    the part or the finding before it (`context`) counts items, its other counts and fractions count them too)."""
    measured = [m.span() for m in MEASURE_PERCENT_RE.finditer(text)] if "%" in text or "процент" in text else []
    counted = [m.span() for m in ITEM_SHARE_RE.finditer(text)]
    items: bool | None = None  # (whether items are counted «из» a total, read at the first count)
    for m in SHARE_RE.finditer(text):
        if any(a <= m.start() < b for a, b in (*measured, *counted)):
            continue
        if "из" in m.group() or m.group().startswith("0"):  # a count or a fraction: «полнота 0,26» of the items
            if items is None:
                items = any(" из " in f.group() for f in ITEM_SHARE_RE.finditer(f"{context} {text}"))
            if items:
                continue
        return True
    return False


def _gentle_slope(text: str, at: int) -> bool:
    """Is the measurement at `at` a slope within the rules («пандус с поручнями, уклон 1:12», «уклон 5 %»)? Then it
    says the ramp is as it should be, not that it is off the norm; «уклон круче 1:12» or «уклон 1:8» is off."""
    m = SLOPE_RE.match(text, at)
    if m is None or m.group("over"):
        return False
    if m.group("run") is not None:
        return int(m.group("run")) >= MAX_SLOPE_RUN
    return float(m.group("percent").replace(",", ".")) <= MAX_SLOPE_PERCENT


def _in_norm(text: str, m: re.Match[str], context: str = "") -> bool:
    """Is the measurement `m` one the rules allow for the thing measured: a gentle slope (`_gentle_slope`), or a size
    SIZE_NORMS allows for the thing named nearest before it, or for a stop named right after a way to it («в 200 м от
    остановки»)? A size of a thing the norms do not give, or a size with no thing, says nothing by itself and stays a
    sign of a problem, as inspectors write one when it is off. `context` is the finding's text before the part, as
    written: the thing may be named there («Пандус соответствует нормам: уклон 5 %, ширина 1,2 м»); it is read only
    here, when a part holds a measurement."""
    said = m.group()
    if said.startswith("уклон"):
        return _gentle_slope(text, m.start())
    number = re.search(r"\d+(?:[.,]\d+)?", said)
    if number is None:
        return False
    value = float(number.group().replace(",", "."))
    if re.search(r"км|километр", said):
        value *= 1000
    else:
        value /= 1000 if re.search(r"мм", said) else 100 if re.search(r"см|сантиметр", said) else 1
    before = ((numerals(fold(context)) if context else "") + text[: m.start()])[-80:]
    cabin = SIZE_CABIN_RE.search(before)
    if cabin is not None:  # «кабина лифта 1,0 × 1,2 м»: both sides against the least cabin
        sides = sorted((float(cabin.group(1).replace(",", ".")), value))
        return sides[0] >= LIFT_CABIN[0] and sides[1] >= LIFT_CABIN[1]
    near = before[-25:]
    said_as = (
        "length" if SIZE_LENGTH_RE.search(near) else "way" if SIZE_WAY_RE.search(near) else "height" if SIZE_HEIGHT_RE.search(near)
        else "width" if SIZE_WIDTH_RE.search(near) else None
    )
    after = re.match(r"\s*\w*\s+от\s+(\w+)", text[m.end() :]) if said_as == "way" else None
    # the thing nearest before the number that has a norm of its kind («поручень пандуса на высоте 1,1 м»: the handrail's
    # height), a stop after a way to it first; a size not said as a length, width, height or way is the thing's own («порог 1 см»)
    things = [*SIZE_THING_RE.finditer(after.group(1) if after else ""), *reversed(list(SIZE_THING_RE.finditer(before)))]
    for thing in things:
        # (every norm of the thing: a parking place has a width and a way to it, a handrail an upper and a lower height)
        norms = [n for n in SIZE_NORMS if re.fullmatch(n[0], thing.group())]
        norms = [n for n in norms if n[1] == said_as or said_as is None and n[1] != "way"]
        if norms:
            return any(low <= value <= high for _, _, low, high in norms)
    return False


def indicator_value(said: str) -> float:
    """An indicator's value as written, in points of 100: «98,7» → 98.7; a fraction of one «0,98» → 98.0 (a bare «1»
    is a point, not all of them)."""
    value = float(said.replace(",", "."))
    return round(value * 100, 3) if value <= 1 and said != "1" else value


def indicator_values(folded: str) -> list[tuple[str, float, str, tuple[int, int]]]:
    """Every indicator a finding gives a value for, with the value, the words that say it and where they stand:
    «4.1 — 87,5», «4.3 (дистанционно) — 72 балла», «показатели 5.1 и 5.3 — 82 и 80» (each its own value, in
    order)."""
    out: list[tuple[str, float, str, tuple[int, int]]] = []
    taken: list[tuple[int, int]] = []
    for m in INDICATOR_LIST_RE.finditer(folded):
        inds = re.findall(_IND, m.group("inds"))
        values = re.findall(_VALUE, m.group("values"))
        if len(inds) == len(values):
            out += [(i, indicator_value(v), m.group().strip(), m.span()) for i, v in zip(inds, values, strict=True)]
            taken.append(m.span())
    for m in INDICATOR_VALUE_RE.finditer(folded):
        if not any(a <= m.start() < b for a, b in taken) and not _counts_things(folded, m.end("value")):
            ind = m.group("ind") or INDICATOR_SYMBOLS[re.sub(r"[.\s]", "", m.group("sym"))]
            out.append((ind, indicator_value(m.group("value")), m.group().strip(), m.span()))
            taken.append(m.span())
    for m in itertools.chain(INDICATOR_POINTS_RE.finditer(folded), INDICATOR_SHARE_RE.finditer(folded)):
        if not any(a <= m.start() < b for a, b in taken):
            out.append((m.group("ind"), indicator_value(m.group("value")), m.group().strip(), m.span()))
            taken.append(m.span())
    for row in ROW_VALUE_RE.finditer(folded):
        if not any(a <= row.start("ind") < b for a, b in taken) and not _counts_things(folded, row.end("value")):
            out.append((row.group("ind"), indicator_value(row.group("value")), row.group().strip(" ;—–:"), row.span()))
    return out


# an indicator and the count of those satisfied out of those asked right after it: «4.3 — 74 из 81 (91,4 %)», «5.2:
# 104/118», «2.3: удовл. 112 чел. из 140», «4.2 | удовлетворены 147 / 160»; not a list of values («4.1/4.2 — 89/95/97»)
INDICATOR_COUNT_RE = re.compile(
    rf"(?P<ind>{_IND})\s*(?:[—–:=→|-]>?\s*)+(?P<words>(?:[а-яё]+\.?\s+){{0,3}}?)"
    r"(?P<some>\d{1,4})\s*(?:[а-яё]+\.?\s+)?(?:из|/)\s*(?P<all>\d{1,4})(?![.,]?\d|\s*/)"
)
# words before such a count that make it no count of the satisfied: of the dissatisfied, of complaints, of those asked
# or answering («4.2 — недовольны 3 из 50», «5.1: опрошено 50 из 60»)
NOT_SATISFIED_RE = re.compile(r"(?:^|\s)не\s|недовол|неудовл|жалоб|претенз|опрош|охва|анкет|ответ")


def indicator_counts(folded: str) -> list[tuple[str, float, str, tuple[int, int]]]:
    """Every indicator a finding gives the count of those satisfied for, out of those asked, as the share it makes
    (in points of 100), with the words that say it and where they stand: «4.3 — 74 из 81» is 4.3 at 91.4. Only a
    survey indicator's value is such a share: «2.1: 5 условий из 7» counts a checklist's items (the caller tells
    them apart)."""
    out: list[tuple[str, float, str, tuple[int, int]]] = []
    for m in INDICATOR_COUNT_RE.finditer(folded):
        some, every = int(m.group("some")), int(m.group("all"))
        if 0 < every and some <= every and not NOT_SATISFIED_RE.search(m.group("words")):
            out.append((m.group("ind"), round(100 * some / every, 3), m.group().strip(), m.span()))
    return out


def waits_in_norm(folded: str) -> list[tuple[int, int]]:
    """Where a finding says how long people wait, when every wait it tells is told in minutes, at most
    MAX_WAIT_MINUTES and no more than that («время ожидания приёма — 7 минут», «ждут не дольше 15 минут», «не
    превысило 10–15 минут»), and it tells no time in other units; [] otherwise («превышает 15 минут», «не менее 15 минут», «15
    минут и более», «10 минут, а потом ещё час», «с отставанием на неделю», or a number the shape masked)."""
    if OTHER_TIME_RE.search(folded) or any(_long_wait(m) for m in DURATION_RE.finditer(folded)):
        return []
    spans: list[tuple[int, int]] = []
    for wait in WAIT_WORD_RE.finditer(folded):
        said = WAIT_TIME_RE.match(folded, wait.end())
        if said is None or EXCESS_RE.search(said.group("between")) or MORE_AFTER_RE.match(folded, said.end()):
            return []
        longest = max(float(n.replace(",", ".")) for n in re.findall(r"\d+(?:[.,]\d+)?", said.group("time")))
        if not 0 < longest <= MAX_WAIT_MINUTES:  # (0: a number the shape masked, which says nothing)
            return []
        spans.append((wait.start(), said.end()))
    return spans


def _counts_things(folded: str, end: int) -> bool:
    """Does the number ending at `end` count things rather than give the indicator's value: things of a checklist or a
    survey named right after it («1.1 — 2 стенда», «2.3 76 респондентов»), or out of a whole («1.1 — 46/46», «24
    пункта из 24»)? A value may be followed by anything else («4.1 — 87 балов», «5.3 — 0,71 при среднем 0,95»,
    «2.3 71 зона риска»: a tab between cells reads as a space)."""
    if OUT_OF_RE.match(folded, end):
        return True
    after = COUNTED_RE.match(folded, end)
    return after is not None and normal_form(after.group(1)) in COUNTED_NOUNS


def firmer(state: FindingState | None, other: FindingState) -> FindingState:
    """Of two states said of one part, the one of higher precedence (STATE_ORDER): «не работает» over «нет»."""
    return other if state is None or STATE_ORDER.index(other) < STATE_ORDER.index(state) else state


def full_scores(text: str, floor: float) -> bool:
    """Does a part give indicator values, every one at least `floor` («показатели критерия 2: 2.1 — 100; 2.2 —
    98,6»), or scores after their word and nothing else in numbers («итоговый балл по критерию «Комфортность» —
    100»)? Like shares at the floor, there is nothing to improve."""
    found = indicator_values(text)
    if found:
        return min(v for _, v, _, _ in found) >= floor
    scores = [float(m.group(1).replace(",", ".")) for m in SCORE_AFTER_RE.finditer(text)] if "балл" in text else []
    return bool(scores) and min(scores) >= floor and len(NUMBER_RE.findall(text)) == len(scores)


def full_share(text: str, floor: float = 100.0) -> bool:
    """Does a survey line report (nearly) everyone satisfied («питанием удовлетворены 100 %», «комфортностью
    97,4 %», «97 из 100» with the catalog's `satisfied: 95`)? Every share it gives is at least `floor`: there
    is nothing to improve, so the line names no deficiency."""
    found = shares(text)
    return bool(found) and min(v for _, v in found) >= floor


# words that open a clause telling why or when, not what is asked for: «повесить бы распорядок, чтоб родные знали,
# когда можно приносить еду»
SUBORDINATORS = PURPOSE_WORDS | {"когда", "где", "если", "пока", "потому", "поскольку", "раз"}


def _asked_elsewhere(sig: PartSignal, pos: Sequence[int], surface: Sequence[str], clauses: Sequence[int]) -> bool:
    """Is the part's only problem a fix asked for in another clause, while the object stands in a clause that tells
    why or when («повесить бы распорядок дня, чтоб родные знали, когда можно приносить еду»: the food is not
    missing)? The fix is asked of its own things."""
    if not sig.asked or not clauses:
        return False
    asked = set(sig.asked)
    if any(not set(p) <= asked for p in sig.spots):
        return False  # a problem word of its own
    own = {clauses[i] for i in pos if 0 <= i < len(clauses)}
    if any(0 <= j < len(clauses) and clauses[j] in own for j in asked):
        return False
    first = min((i for i, c in enumerate(clauses) if c in own), default=-1)
    return 0 <= first < len(surface) and surface[first].lower() in SUBORDINATORS


def _lent_without(sig: PartSignal, pos: Sequence[int], surface: Sequence[str], objects: set[int]) -> bool:
    """Is every signal of the part beside an object a «без» after it that governs another thing's object right
    after it? «Пандус у входа сделан без поручней» says the handrails are missing, not the ramp."""
    own = [p for p in (*sig.spots, *(m[2] for m in sig.marks)) if not set(p) & set(pos)]
    return bool(own) and all(
        len(p) == 1 and 0 <= p[0] < len(surface) and surface[p[0]] == "без" and p[0] > max(pos) and p[0] + 1 in objects for p in own
    )


def _equipped_with(c: CompiledConcept, pos: Sequence[int], lem: Lemmas, surface: Sequence[str]) -> bool:
    """Is the thing after a «без» the object's own equipment, by a `with` phrase that names both? «Санузел без
    поручней» says the toilet is not equipped (its `with`: «санузел … поручень»), not only that handrails are missing."""
    after = {i + 1 for i, word in enumerate(surface) if word == "без"}
    return any(
        not set(p).isdisjoint(pos) and not after.isdisjoint(p)
        for k in c.with_.candidates(lem)
        for p in find_all(c.with_.elements[k], lem)
    )


def _leads(spot: Sequence[int], clauses: Sequence[int], things: Sequence[int]) -> bool:
    """Does a signal stand in the first item of an enumeration, before a thing named in that item («отсутствуют:
    устав, лицензия, …», «в здании нет пандуса, поручней, …»)? Then it is the lead of the whole list."""
    last = spot[-1]
    return 0 <= last < len(clauses) and clauses[last] == 0 and any(last < t < len(clauses) and clauses[t] == 0 for t in things)


def _leads_as_place(hit: Sequence[int], mine: int, surface: Sequence[str], clauses: Sequence[int]) -> bool:
    """Does a thing of an earlier item, said as the place after «в» or «на» that opens its item («в душевой нет ни
    сиденья, ни поручней», «в туалете кнопки вызова нет, поручней нет»), tell where the items after it are, the item
    `mine` naming no place of its own? Then it is where the object is, not another item: «в коридоре поручней нет,
    в туалете грязно» names its own place, and «нет ни поручней в туалете, ни коляски» the toilet only for the
    handrails."""
    first = hit[0]
    if first >= len(clauses) or clauses[first] >= mine or not _placed(surface, first):
        return False
    if first > 1 and clauses[first - 2] == clauses[first]:
        return False  # the place does not open its item
    return not any(_placed(surface, i) for i, k in enumerate(clauses) if k == mine)


def _placed(surface: Sequence[str], i: int) -> bool:
    """Is the word the place after «в» or «на» («в холле», «на крыльце»)?"""
    return i > 0 and surface[i - 1] in LOCATIVES


def _numbered(surface: Sequence[str], clauses: Sequence[int], clause: int) -> bool:
    """Does this item of an enumeration give a number of its own («рекомендовать готовы 65 %», «качеством жизни —
    70 %»: the dash cuts the number into the next item; «комфортом семьдесят девять» gives one in words)?"""
    return any(clauses[i] in (clause, clause + 1) and numerals(w)[:1].isdigit() for i, w in enumerate(surface[: len(clauses)]))


@dataclass(frozen=True)
class CompiledConcept:
    deficiency: str
    signal: str
    surveyed: bool  # the deficiency's indicator is measured by survey: a score word there is a survey result
    objects: tuple[Element, ...]
    with_: ElementIndex
    without: ElementIndex
    criterion: str = ""  # the criterion (section) of the deficiency's indicator: «3» for 3.1
    # its `with` asks for a word saying the thing is missing («нет», «отсутствует»): a fix asked for says it too
    # («рекомендовать разместить ссылку на анкету»)
    missing_with: bool = False


def _other_aspects(pos: Sequence[int], surface: Sequence[str], aspects: Sequence[int]) -> tuple[int, ...]:
    """The words of the other aspects of a survey line that gives each aspect its own figure, when the object's
    aspect has one too: in «открытость информации — 79 %, своевременность — 81 %» the word «информация» speaks
    of its own aspect, not of the timeliness."""
    figured = {aspects[i] for i, w in enumerate(surface) if i < len(aspects) and w[:1].isdigit()}
    own = {aspects[i] for i in pos if i < len(aspects)}
    if not own or not own <= figured:
        return ()
    return tuple(i for i, k in enumerate(aspects) if k in figured and k not in own)


@dataclass(frozen=True)
class PartSignal:
    """What one part of a finding says is wrong: whether anything is, the state, the words, a survey result."""

    problem: bool
    state: FindingState | None
    words: tuple[Match, ...]
    survey: bool
    clear: bool = False  # the part says nothing is wrong («замечаний нет», «соответствует требованиям»)
    score: bool = False  # a score word («показатель», «балл»): a survey result only for survey concepts
    # every signal with a state: (precedence, state, token positions), to give each object the state said of it
    marks: tuple[tuple[int, FindingState, tuple[int, ...]], ...] = ()
    spots: tuple[tuple[int, ...], ...] = ()  # token positions of every problem signal, state or not
    asked: tuple[int, ...] = ()  # token positions of the fixes asked for («оборудовать зону ожидания»)
    # a survey result that reports someone dissatisfied: a share below the catalog's `satisfied` floor, or a share
    # told in words («треть», «каждый пятый»); «все опрошенные получили услуги в срок» reports no one
    short: bool = False

    def beside(self, positions: Sequence[int]) -> bool:
        """Does anything say the thing is wrong? A signal with a state does, even among the object's words
        («недоступный»); a `low` word only beside them: «ожидание» in «зона ожидания» names the thing."""
        return (
            bool(self.marks)
            or any(not set(p) & set(positions) or set(positions) <= set(p) for p in self.spots)
            or not self.spots and self.problem
        )

    def state_near(self, positions: Sequence[int], clauses: Sequence[int] = ()) -> FindingState | None:
        """The state of the signal nearest to an object («нет FAQ, тел. не отвечает»: the phone is broken, the FAQ
        absent); signals about as near (within NEAR words of each other: «нет ни одной записи») are taken in
        order of precedence. A signal in the object's own clause comes first: in «пандус сломан, кнопки вызова
        нет» the button is absent, not broken."""
        if not self.marks:
            return self.state
        marks = self.marks
        if clauses:
            own = {clauses[i] for i in positions if 0 <= i < len(clauses)}
            mine = tuple(m for m in marks if any(0 <= j < len(clauses) and clauses[j] in own for j in m[2]))
            marks = mine or marks
        _, _, state = min((min(abs(i - j) for i in positions for j in pos) // NEAR, rank, st) for rank, st, pos in marks)
        return state

    def signalled_in(self, positions: Sequence[int], clauses: Sequence[int], things: Sequence[int] = ()) -> bool:
        """Does a problem signal stand in the object's own clause, apart from the object's words («колясок нет»),
        or lead the enumeration and so govern every item of it: it opens the part («Не обеспечены зона ожидания и
        питьевой режим») or stands in the first item before a thing named there (`things`: where the things of the
        part start; «в здании отсутствуют: пандус, поручни, тактильная плитка, …»)?"""
        own = {clauses[i] for i in positions if 0 <= i < len(clauses)}
        # a lead that says some things are there governs nothing: «имеются только пандус и поручни»
        only = {m[2] for m in self.marks if m[1] == "partial"} if things else set()
        return any(
            not set(p) & set(positions)
            and (
                p[0] < LEAD_WORDS
                or p not in only and _leads(p, clauses, things)
                or all(0 <= j < len(clauses) and clauses[j] in own for j in p)
            )
            for p in self.spots
        )


@dataclass(frozen=True)
class ConceptHit:
    deficiency: str
    matches: tuple[Match, ...]
    state: FindingState | None
    part: int  # index of the part of the finding it stands in
    at: tuple[int, ...] = ()  # token positions (in the lemmas matched) of the object that decided
    lent: bool = False  # its `with` word stands only elsewhere in the finding (`context`), not in its part


class Concepts:
    """The concepts and signals of one catalog, compiled and indexed."""

    def __init__(self, catalog: Catalog):
        signals = catalog.settings.signals or Signals()
        self.satisfied = signals.satisfied
        # the word forms of the place words (сайт, стенд, страница): a place is no thing of an item of its own
        pl = catalog.settings.places
        self.places = frozenset(
            f for w in (*pl.site.words, *pl.stand.words) for phrase in compile_element(w).alternatives for spec in phrase for f in spec.forms
        )
        states: list[tuple[FindingState | None, Element]] = [
            (state, compile_element(w)) for state in STATE_ORDER for w in getattr(signals, state)
        ]
        states += [(None, compile_element(w)) for w in signals.low]
        remedies = [(state, compile_element(w)) for state in STATE_ORDER for w in signals.remedies.get(state, [])]
        self.remedies = ElementIndex([el for _, el in remedies])
        self.remedy_state = [st for st, _ in remedies]
        self.state_of = [st for st, _ in states]
        self.signals = ElementIndex([el for _, el in states])
        # a negation governs the next word or the one after it: «не работает», «не всегда работает», but not
        # «не хватает медсестёр, работают …»
        self.tight = {k for k, (_, el) in enumerate(states) if re.match(r"(?:не|ни|нет)\s", el.source)}
        self.survey = ElementIndex([compile_element(w) for w in signals.survey])
        self.scores = ElementIndex([compile_element(w) for w in signals.scores])
        self.ignore = ElementIndex([compile_element(w) for w in signals.ignore])
        denied = [f"{n} {d}" for n in signals.clear_nouns for d in signals.denials]
        denied += [f"{d} {n}" for n in signals.clear_nouns for d in [*signals.denials, *signals.denials_before]]
        self.clear = ElementIndex([compile_element(w) for w in dict.fromkeys([*signals.clear, *denied])])
        # «замечаний к санитарному состоянию помещений нет»: the noun and its denial with what it is about between
        self.framed = [compile_element(f"{n} {p}") for n in signals.clear_nouns for p in CLEAR_ABOUT]
        self.framed_at_head = [compile_element(f"{n} {p}") for n in signals.framed_nouns for p in CLEAR_ABOUT]
        self.remark_nouns = frozenset(normal_form(fold(n)) for n in (*signals.framed_nouns, *REMARKS_GOVERNED))
        self.denials = [compile_element(d) for d in signals.denials]
        self.negation = [compile_element(w) for w in ("не", "нет", "ни", "без")]
        alts = "|".join(re.escape(fold(w)) for w in signals.contrast)
        self.contrast_re = re.compile(rf"(?=[,\s—–-])(?:,\s*|\s+|\s*[—–-]\s*)(?=(?:{alts})\s)") if alts else None
        self.compiled: list[CompiledConcept] = []
        objects: list[Element] = []
        self.owner: list[int] = []  # object element → its concept
        surveyed = {i.id for c in catalog.criteria for i in c.indicators if i.source == "survey"}
        concepts = [
            (d, c, tuple(compile_element(o) for o in c.objects), [compile_element(w) for w in c.with_], [compile_element(w) for w in c.without])
            for d in catalog.deficiencies
            if (c := d.concept) is not None
        ]
        # how many of the concepts' phrases use each word form: each is filed under its least common word
        common: dict[str, int] = {}
        for el in (*(el for *_, els, with_, without in concepts for el in (*els, *with_, *without)), *self.signals):
            for f in {f for phrase in el.alternatives for spec in phrase for f in spec.forms}:
                common[f] = common.get(f, 0) + 1
        missing = {fold(w) for w in signals.absent}
        for d, c, els, with_, without in concepts:
            self.compiled.append(
                CompiledConcept(
                    d.id,
                    c.signal,
                    d.indicator in surveyed,
                    els,
                    ElementIndex(with_, common),
                    ElementIndex(without, common),
                    d.indicator.split(".")[0],
                    bool(missing & {fold(w) for w in c.with_}),
                )
            )
            objects.extend(els)
            self.owner.extend([len(self.compiled) - 1] * len(els))
        self.objects = ElementIndex(objects, common)
        # per object element, its concept's signal and whether it is a survey indicator's or concept (`_survey`)
        self._kind = [self.compiled[o].signal for o in self.owner]
        self._scored = [self.compiled[o].surveyed or self.compiled[o].signal == "survey" for o in self.owner]

    def words(self) -> set[str]:
        """Every word form of the concepts' objects and context (the vocabulary typos are matched against)."""
        out: set[str] = set()
        for c in self.compiled:
            for el in (*c.objects, *c.with_):
                for phrase in el.alternatives:
                    for spec in phrase:
                        out |= spec.forms
        return out

    def parts(self, text: str) -> list[tuple[int, int]]:
        """Where a finding is cut: at sentence ends, «;», «:» and contrast words («но», «однако», «а» after a comma).
        Character spans of the folded text, in order."""
        folded = fold(text)
        out: list[tuple[int, int]] = []
        start = 0
        # capitals matter for sentence ends: the original text. A colon after a short lead («регистратура:
        # хамят», «НЕТ: эл. приёмной, FAQ») names the topic of what follows, so it does not cut.
        cuts = [
            m.span()
            for m in SENTENCE_RE.finditer(text)
            if not (m.group().startswith(":") and len(folded[: m.start()].split(";")[-1].split()) <= SHORT_LEAD)
        ]
        if self.contrast_re:
            cuts += [m.span() for m in self.contrast_re.finditer(folded)]
        for a, b in sorted(cuts):
            if a > start and folded[start:a].strip():
                out.append((start, a))
            start = max(start, b)
        if folded[start:].strip():
            out.append((start, len(folded)))
        return out or [(0, len(folded))]

    def ignored(self, lem: Lemmas) -> set[int]:
        """The positions of the `ignore` phrases' words («не более», «не старше»): no problem signal stands there.
        They stand word by word: «не более» must not swallow «не обновлялся более 5 лет»."""
        return {
            i
            for k in self.ignore.candidates(lem)
            for pos in find_all(self.ignore.elements[k], lem)
            if pos == list(range(pos[0], pos[0] + len(pos)))
            for i in pos
        }

    def signal(self, lem: Lemmas, surface: Sequence[str], text: str, context: str = "") -> PartSignal:
        """What a part says is wrong: the first state in order of precedence, and the signal words (`context`: the
        finding's text before the part as written, where the thing a size is of may be named; see _in_norm)."""
        state: FindingState | None = None
        words: list[Match] = []
        marks: list[tuple[int, FindingState, tuple[int, ...]]] = []
        spots: list[tuple[int, ...]] = []
        stated: list[tuple[int, ...]] = []  # the spots of the catalog's words that say what is wrong (`signals` with a state)
        ignored = self.ignored(lem)
        low = False  # a problem word with no state («ожидание», «очередь»)
        lows = 0  # how many of the words are such
        for k in self.signals.candidates(lem):
            el = self.signals.elements[k]
            found = [p for p in find_all(el, lem) if not ignored.issuperset(p) and (k not in self.tight or p[1] - p[0] <= 2)]
            # a remark noun as a complement tells no problem: «ящик жалоб есть», «книга жалоб ведётся»
            found = [p for p in found if len(p) > 1 or not self._governed_remark(lem, p[0])]
            if not found:
                continue
            words.append(Match(element=el.source, words=[surface[i] for i in found[0]]))
            spots += [tuple(p) for p in found]
            st = self.state_of[k]
            if st is not None:
                state = firmer(state, st)
                marks += [(STATE_ORDER.index(st), st, tuple(p)) for p in found]
                stated += [tuple(p) for p in found]
            else:
                low = True
                lows += 1
        asked: list[int] = []
        for k in self.remedies.candidates(lem):  # «рекомендуется установить …», «почините …»: a verb asks for the fix
            el = self.remedies.elements[k]
            found = [p for p in find_all(el, lem) if p[0] < len(surface) and asks_for(surface, p[0]) and not ignored.issuperset(p)]
            if not found:
                continue
            asked += [i for p in found for i in p]
            words.append(Match(element=el.source, words=[surface[i] for i in found[0]]))
            spots += [tuple(p) for p in found]
            st = self.remedy_state[k]
            state = firmer(state, st)
            marks += [(STATE_ORDER.index(st), st, tuple(p)) for p in found]
        for i in wishes_more(surface):  # «хорошо бы повежливее»: there is too little now
            words.append(Match(element="пожелание", words=[surface[i]]))
            spots.append((i,))
            low = True
            lows += 1

        def counted_as(element: str, said: str, st: FindingState, at: tuple[int, ...]) -> None:
            """A state told by numbers (a size, a ratio, a count of things): its words, state and place."""
            nonlocal state
            words.append(Match(element=element, words=[said]))
            state = firmer(state, st)
            marks.append((STATE_ORDER.index(st), st, at or tuple(range(len(surface)))))
            spots.append(at or (-1,))

        # most parts hold no number: the regular expressions that need one are not run there; a number in words
        # («шестьдесят девять процентов», «сантиметров пять») is read as its digits
        text = numerals(text)
        digit = DIGIT_RE.search(text) is not None
        sizes = list(MEASURE_RE.finditer(text)) if digit else []
        measured = next((m for m in sizes if not _in_norm(text, m, context)), None)
        # sizes all in the norm and nothing else said to be wrong: the thing is as it should be («двери не уже 0,9 м»)
        sized = bool(sizes) and measured is None
        if measured:
            number = re.match(r"\D*(\d+)", measured.group())
            at = tuple(i for i, w in enumerate(surface) if number and w == number.group(1))
            counted_as("размер", measured.group(), "noncompliant", at)
        waited = next((m for m in DURATION_RE.finditer(text) if _long_wait(m)), None) if low and (digit or "пол" in text) else None
        if waited:
            # «время ожидания приёма — 45 минут», «очередь — более полугода»: a wait told by its length is too long; a
            # length alone («выдают через 2 недели») says nothing of waiting, and a problem word must say what it is
            words.append(Match(element="долго", words=[waited.group().strip()]))
            n = waited.group("n")
            spots.append(tuple(i for i, w in enumerate(surface) if n and w == n.split(",")[0].split(".")[0])[:1] or (-1,))
        # («из 120 опрошенных … на сайте удовлетворены 120» counts those asked: no ratio)
        ratio = next((m for m in RATIO_RE.finditer(text) if not ASKED_WORD_RE.search(m.group())), None) if "на" in text else None
        if ratio:
            first = ratio.group(1) or ratio.group(2)
            counted_as("на всех не хватает", ratio.group(), "partial", tuple(i for i, w in enumerate(surface) if w == first)[:1])
        counted = next((m for m in COUNT_RE.finditer(text) if int(m.group(1)) < int(m.group(2))), None) if digit else None
        if counted:
            at = tuple(i for i, w in enumerate(surface) if w == counted.group(1))[:1]
            counted_as("не все", counted.group().rsplit(" ", 1)[0], "partial", at)
        elif digit and "из" in text:
            for m in COUNT_OF_RE.finditer(text):
                some, every = (m.group("some"), m.group("all")) if m.group("all") else (m.group("some2"), m.group("all2"))
                if (int(some) if some.isdigit() else 1) < int(every):
                    counted_as("не все", m.group(), "partial", tuple(i for i, w in enumerate(surface) if w == every)[:1])
                    break
        said = [self.survey.elements[k].source for k in self.survey.candidates(lem) if find_element(self.survey.elements[k], lem) is not None]
        survey = (digit or "кажд" in text) and surveyed(text, context) or bool(said)
        score = any(find_element(self.scores.elements[k], lem) is not None for k in self.scores.candidates(lem))
        # «проживающие довольны досугом»: «satisfied» with no share, no number, no negative word and nothing said
        # to be wrong is praise («недоброжелательное отношение» is not)
        praise = (
            bool(PRAISE & set(said))
            and not words
            and not SHARE_RE.search(text)
            and not re.search(r"\d", text)
            and not any(SHARE_WORD_RE.search(w) for w in said)
            and not re.search(r"(?:^|[^а-я])(?:не|без)", text)
        )
        # «полностью удовлетворены — 61 %» gives a share below the floor: the clear phrase does not hold (the shares
        # are read only for a part with a clear phrase, not for every part)
        # a part that asks for a fix says something is wrong, whatever the fix is to meet («рекомендовать оснастить вход
        # пандусом, соответствующим СП»)
        # «временем ожидания довольны 98 %»: words with no state of their own only name what those asked are
        # satisfied with
        named = bool(PRAISE & set(said)) and len(words) == lows
        clear = (
            self._clear(lem, text, spots, stated)
            and not asked
            and not any(v < self.satisfied for _, v in shares(text))
            or (not words or named)
            and (full_share(text, self.satisfied) or digit and (full_scores(text, self.satisfied) or sized) or ALL_ASKED_RE.search(text) is not None)
            or praise
            # «только трое из восьмидесяти недовольны»: the words only count the dissatisfied, and the share is met
            or survey and only_counts_asked(words) and not SHARE_IN_WORDS_RE.search(text) and full_share(text, self.satisfied)
        )
        short = survey and self._short(text, said)
        return PartSignal(
            bool(words), state, tuple(words), survey, clear, score, tuple(sorted(marks)), tuple(spots), tuple(sorted(set(asked))), short
        )

    def reports_short(self, text: str) -> bool:
        """Does the text report some of those asked dissatisfied, by a share below the floor or told in words?"""
        return self._short(text, ())

    def _short(self, text: str, said: Sequence[str]) -> bool:
        """Does a survey part report some of those asked dissatisfied? A share below the `satisfied` floor («довольны
        64 %», «0,62 проживающих», «не удовлетворены 31 %») or a share in words («треть», «двое из», «каждый
        пятый») does; a survey word alone («анкета», «опрошенные») or shares at the floor do not."""
        if any(SHARE_WORD_RE.search(w) for w in said) or SHARE_IN_WORDS_RE.search(text):
            return True
        fractions = (100 * float(f"0.{m.group(1)}") for m in FRACTION_RE.finditer(text))
        return any(v < self.satisfied for v in itertools.chain((v for _, v in shares(text)), fractions))

    def _clear(self, lem: Lemmas, text: str, spots: Sequence[Sequence[int]] = (), stated: Sequence[Sequence[int]] = ()) -> bool:
        """Does the part say nothing is wrong? A clear phrase counts unless a negation stands up to four words
        before it («не в полной мере соответствует требованиям») or between its words («график не соблюдается»),
        or it runs across punctuation («Замечания: нет пандуса» names a missing ramp). Numbers do not count as
        words here: «замечаний по показателю 1.1 нет». `spots`: the part's problem words (see _framed); `stated`: those
        that say what is wrong, in a clause before the phrase («кулера нет, замечаний по санитарному состоянию нет»);
        a word that only counts or names, such as a size or «раз в неделю», does not."""
        clear = self.clear.elements
        in_order = IN_ORDER_RE.search(text) if "порядк" in text else None
        if in_order is not None and not re.search(r"\bне\b", text[max(0, in_order.start() - 12) : in_order.start()]):
            return True  # «знак и разметка в порядке», «остальное — в порядке»
        if FIXED_END_RE.search(text) and not PARTLY_RE.search(text):
            return True  # «замечания прошлого цикла (нет FAQ, нет формы обращения) устранены»
        if not any(may_occur(clear[k], lem.forms) for k in self.clear.candidates(lem)):
            # no clear phrase's words in the part (most parts end here), unless it holds a framed noun
            if not any(may_occur(el, lem.forms) for el in self.framed_at_head):
                return False
            spans = _word_spans(text, lem)
            return bool(spans) and self._framed(lem, text, spans, spots, stated)
        spans = _word_spans(text, lem)
        kept = [i for i, t in enumerate(lem.sets) if not all(f.isdigit() for f in t)]
        variants = [(lem, list(range(len(lem.sets))))]
        if len(kept) < len(lem.sets):
            variants.append((Lemmas([lem.sets[i] for i in kept]), kept))
        for sets, index in variants:
            negations = [index[i] for el in self.negation for pos in find_all(el, sets) for i in pos]
            # «ни один не отметил трудностей», «ни разу не опоздала»: «ни» stresses the denial, it does not deny it
            negations = [n for n in negations if not (n + 1 < len(lem.sets) and EMPHASIS & lem.sets[n + 1] and "ни" in lem.sets[n])]
            for k in self.clear.candidates(sets):
                for pos in find_all(self.clear.elements[k], sets):
                    first, last = index[pos[0]], index[pos[-1]]
                    own = {index[i] for i in pos}
                    if any(0 < first - n <= CLEAR_NEGATION_REACH or first < n < last and n not in own for n in negations):
                        continue
                    if spans and PUNCTUATION_RE.search(text, spans[first][1], spans[last][0]):
                        continue
                    if spans and self._denies_next(lem, text, spans, last):
                        continue  # «на территории мусор и нет скамеек»: the «нет» is the benches', not the litter's
                    if any(self._governed_remark(lem, index[i]) for i in pos):
                        continue  # «порядок подачи жалоб … отсутствует»: the remark is a complement of the thing denied
                    if spans and self._troubled_after(lem, text, spans, spots, last):
                        continue  # «замечаний по питанию нет, в столовой нет воды»: the phrase clears its clause only
                    if spans and self._troubled_before(text, spans, stated, first):
                        continue  # «кулера нет, замечаний по санитарному состоянию нет»: likewise
                    return True
        return bool(spans) and self._framed(lem, text, spans, spots, stated)

    @staticmethod
    def _denies_next(lem: Lemmas, text: str, spans: Sequence[tuple[int, int]], at: int) -> bool:
        """Is the word `at` a «нет» with a noun right after it, which it denies?"""
        if at + 1 >= len(spans) or "нет" not in lem.sets[at] or PUNCTUATION_RE.search(text, spans[at][1], spans[at + 1][0]):
            return False
        return is_noun(fold(text[spans[at + 1][0] : spans[at + 1][1]]))

    def _troubled_after(
        self, lem: Lemmas, text: str, spans: Sequence[tuple[int, int]], spots: Sequence[Sequence[int]], at: int
    ) -> bool:
        """Does a later clause than word `at` say something is wrong? One with a problem word (`spots`) does,
        unless it says nothing is wrong itself: «график соблюдают, нарушений не зафиксировано»."""
        later = [i for spot in spots for i in spot if i > at and PUNCTUATION_RE.search(text, spans[at][1], spans[i][0])]
        if not later:
            return False
        first = min(later)
        start = next(k for k in range(first, at, -1) if PUNCTUATION_RE.search(text, spans[k - 1][1], spans[k][0]))
        rest = [tuple(i - start for i in spot if i >= start) for spot in spots]
        return not self._clear(Lemmas(lem.sets[start:]), text[spans[start][0] :], [r for r in rest if r])

    @staticmethod
    def _troubled_before(text: str, spans: Sequence[tuple[int, int]], spots: Sequence[Sequence[int]], at: int) -> bool:
        """Does a clause before word `at` say something is wrong: a word that says so (`spots`) wholly before it,
        with punctuation between («пандус слишком крутой, других замечаний нет»)?"""
        return any(spot and max(spot) < at and PUNCTUATION_RE.search(text, spans[max(spot)][1], spans[at][0]) for spot in spots)

    def _governed_remark(self, lem: Lemmas, i: int) -> bool:
        """Is word `i` a remark noun («жалоба», «нарушение», «недостаток») hanging on the word before it, or before
        its modifiers, as a complement («ящик жалоб», «для жалоб», «порядок подачи жалоб», «об устранении выявленных
        нарушений»)?"""
        if not self.remark_nouns & lem.sets[i]:
            return False
        k = i - 1
        while k >= 0 and REMARK_MODIFIERS & lem.sets[k]:
            k -= 1  # «плана по устранению выявленных недостатков нет»
        return k >= 0 and bool(GOVERNS_REMARK & lem.sets[k])

    def _framed(
        self, lem: Lemmas, text: str, spans: Sequence[tuple[int, int]], spots: Sequence[Sequence[int]] = (), stated: Sequence[Sequence[int]] = ()
    ) -> bool:
        """Does the part end in a remark denied with what it is about between: «замечаний к санитарному состоянию
        помещений нет», «нареканий на питание не поступало»? Nothing but words may stand between the two. The
        denial may also end a clause followed by a plain fact: «замечаний по санитарному состоянию нет, уборка 2
        раза в день» — but not when a problem word (`spots`) follows it: «…нет, в туалете нет мыла», or stands in a clause
        before: «кулера нет, замечаний по санитарному состоянию нет»."""
        remarks = [
            pos
            for el, head in [*((el, False) for el in self.framed), *((el, True) for el in self.framed_at_head)]
            for pos in find_all(el, lem)
            # «порядок подачи жалоб на действия работников отсутствует»: the complaint is a complement
            if not (
                head
                and pos[0]
                and not text[: spans[pos[0]][0]].rstrip().endswith((";", ":", "."))
                and not all(REMARK_LEADS & lem.sets[j] for j in range(pos[0]))
            )
        ]
        if not remarks:
            return False
        last = len(lem.sets) - 1
        for el in self.denials:
            for pos in find_all(el, lem):
                if not any(pos[0] > r[-1] and _one_clause(text, spans, r[0], pos[0]) and not self._troubled_before(text, spans, stated, r[0]) for r in remarks):
                    continue  # no remark before it in its clause, after no clause that says something is wrong
                if pos[-1] == last or text[spans[pos[-1]][1] :].lstrip().startswith((",", ";")) and not self._troubled_after(
                    lem, text, spans, spots, pos[-1]
                ):
                    return True
        return False

    @staticmethod
    def _vetoed(
        c: CompiledConcept,
        pos: Sequence[int],
        el: Element,
        lem: Lemmas,
        clauses: Sequence[int],
        asked: Sequence[int] = (),
        apart: Sequence[int] = (),
        spots: Sequence[Sequence[int]] = (),
    ) -> bool:
        """Does a `without` word veto the concept? Not when it is a word of the longer object that matched
        («приём в порядке живой очереди» is the booking's own object, though «очередь» alone means waiting), nor
        a phrase that runs across a comma («сотрудники не обучены, грубят» does not say «не грубят»), nor a fix
        asked for: «зона ожидания оборудована» says it is there, «оборудовать зону ожидания» that it is not.
        `apart`: the words of items of an enumeration that say their own thing (see _apart_items): a veto word there speaks
        of another thing («в холле нет кулера с водой, стульев для ожидания нет» — the waiting area too), unless it
        is a problem signal itself (`spots`): «не обновляется», «не хватает» tell the state of the whole line."""
        own = set(pos)
        words: set[str] | None = None  # the object's word forms, worked out once a veto word is found
        for k in c.without.candidates(lem):  # only the veto words whose rarest word is in the part
            w = c.without.elements[k]
            found = find_all(w, lem)
            if not found:
                continue  # most candidates: their rarest word is here, the phrase is not
            if words is None:
                words = {f for alt in el.alternatives for spec in alt for f in spec.forms}
            inside = all(spec.forms & words for alt in w.alternatives for spec in alt)
            for hit in found:
                if inside and set(hit) < own or asked and set(hit) <= set(asked):
                    continue
                if len(hit) > 1 and clauses and len({clauses[i] for i in hit if i < len(clauses)}) > 1:
                    continue
                # (a veto that is a signal itself, «не обновляется», «не хватает», tells the state of the whole line)
                if apart and set(hit) <= set(apart) and not any(set(hit) & set(p) for p in spots):
                    continue
                return True
        return False

    @staticmethod
    def _apart_items(
        sig: PartSignal,
        pos: Sequence[int],
        lem: Lemmas,
        surface: Sequence[str],
        clauses: Sequence[int],
        others: Sequence[Sequence[int]],
        places: frozenset[str],
    ) -> tuple[int, ...]:
        """The words of the items of an enumeration that say their own thing, apart from the object at `pos`: the
        words of every other item that names a thing of another deficiency of the same criterion (`others`: where
        those things stand), when the object is the thing its own item names and a problem signal is said of it
        there: «на сайте есть версия для слабовидящих, нет электронной приёмной», «в холле нет кулера с водой,
        стульев для ожидания нет». A word after «в», «на» that is no word of the other thing says where the
        whole line is («в холле нет указателей и кулера, стульев нет») and is left out. An object after a
        preposition or in an oblique case («прогибаются под коляской», «в общем туалете»), one that belongs to a
        thing of another item («их телефоны не указаны»), a cut word the dictionary does not know («не оборуд.») or
        a place word («страница закрыта» after «группа ВКонтакте не работает») names no item of its own."""
        head = surface[pos[0]]
        before = surface[pos[0] - 1] if pos[0] > 0 else ""
        if not clauses or before in PREPOSITIONS or before in POSSESSIVES or not is_known(head) or not may_head(head):
            return ()
        if lem.sets[pos[0]] & places:
            return ()  # «страница», «сайт»: a place is where other things are, whose items may speak of it
        own = {clauses[i] for i in pos if 0 <= i < len(clauses)}
        if not any(not set(p) & set(pos) and all(0 <= j < len(clauses) and clauses[j] in own for j in p) for p in sig.spots):
            return ()
        named = {clauses[i] for p in others for i in p if 0 <= i < len(clauses)} - own
        things = {i for p in others for i in p}
        # a word of an item that names another thing, but not where that thing is («в холле нет указателей»: the hall
        # is where the whole line is), unless it is the other thing's own word
        mine = min(own)
        return tuple(
            i
            for i, k in enumerate(clauses)
            if k in named
            and (i in things and not _leads_as_place((i,), mine, surface, clauses) or not _placed(surface, i))
        )

    def _enumerated(
        self,
        c: CompiledConcept,
        pos: Sequence[int],
        best: dict[int, tuple[float, list[int], Element]],
        owner: int,
        lem: Lemmas,
        surface: Sequence[str],
        sig: PartSignal,
        clauses: Sequence[int],
        lent: bool = False,
    ) -> bool:
        """Is every `without` word found here the object of another concept of the same criterion, named in
        another clause of an enumeration, each thing with its own signal («пандус сломан, кнопки вызова нет,
        колясок нет»)? An object after a preposition («с коляски не прочитать») or in another case than a thing
        named on its own («заставлен стульями») is no item of an enumeration; a word of another criterion
        («сайт» beside «меню») says what the whole line is about. `lent`: the signal is a list's lead before a
        colon («На входе в здание отсутствуют: пандус, поручни, …»), so it governs every item."""
        if not clauses:
            return False
        mine = clauses[pos[0]]
        # a survey line of several aspects, each with its own share («в целом довольны 70 %, рекомендовать готовы
        # 65 %, улучшение качества жизни — 60 %»): each aspect is a result of its own
        surveyed = (c.surveyed or c.signal == "survey") and sig.survey and _numbered(surface, clauses, mine)
        things = [p[0] for _, p, _ in best.values()]  # a signal before a thing of the first item leads them all
        # an object that says its own state by a negative adverb («сесть негде», «присесть некуда») is signalled in its
        # item by its own words; not by a bare «не» («я работаю и не успеваю» tells why, beside another item)
        told = any(set(m[2]) <= set(pos) and surface[m[2][0]] in NOWHERE for m in sig.marks)
        if not surveyed and (c.signal != "problem" or not (lent or told or sig.signalled_in(pos, clauses, things))):
            return False
        if not surveyed and (pos[0] > 0 and surface[pos[0] - 1] in PREPOSITIONS or not may_head(surface[pos[0]])):
            return False
        own = Lemmas([t for i, t in enumerate(lem.sets) if i < len(clauses) and clauses[i] == mine])
        if c.with_ and not c.with_.found(own):
            return False
        others = [
            set(p)
            for o, (_, p, _) in best.items()
            if o != owner
            and self.compiled[o].criterion == c.criterion
            and clauses[p[0]] != mine
            and (
                self.compiled[o].signal == "self"
                or lent
                or sig.signalled_in(p, clauses, things)
                or surveyed and _numbered(surface, clauses, clauses[p[0]])
            )
        ]
        for k in c.without.candidates(lem):  # (the others cannot stand here)
            for hit in find_all(c.without.elements[k], lem):
                if surveyed and len({clauses[i] for i in hit if i < len(clauses)}) > 1:
                    continue  # a phrase that runs across a comma vetoes nothing (as in _vetoed)
                if not any(set(hit) <= other for other in others) or _leads_as_place(hit, mine, surface, clauses):
                    return False
        return True

    def _only_where(
        self,
        owner: int,
        places: Sequence[Sequence[int]],
        best: Mapping[int, tuple[float, list[int], Element]],
        surface: Sequence[str],
        sig: PartSignal,
        clauses: Sequence[int],
    ) -> bool:
        """Does the object only tell where another thing of the criterion is, the problem being that thing's? At
        each of its `places` it stands after a preposition of place in the clause of another thing that is no place
        itself and has a problem word of its own there: «вдоль пандуса поручни не установлены», «кнопка вызова у
        пандуса не работает». «на» counts before a locative only («ссылки на страницу в ВК нет» names the page), and
        not after a link («ссылки на соцсети нет»). A thing named again with its own problem («возле лифта нет кнопки
        вызова, лифт не озвучивает этажи») is not only a place."""
        criterion = self.compiled[owner].criterion
        others = [
            p
            for o, (_, p, _) in best.items()
            if o != owner
            and self.compiled[o].criterion == criterion
            and self.compiled[o].signal == "problem"
            and p[0] < len(clauses)
            and not (p[0] > 0 and surface[p[0] - 1] in ANY_PREPOSITIONS)
        ]
        troubled = [p for p in others if any(all(clauses[i] == clauses[p[0]] and i not in p for i in spot if i < len(clauses)) for spot in sig.spots)]
        return bool(troubled) and all(self._placed_at(pos, surface, clauses, troubled) for pos in places)

    @staticmethod
    def _placed_at(pos: Sequence[int], surface: Sequence[str], clauses: Sequence[int], troubled: Sequence[Sequence[int]]) -> bool:
        """Does the object at `pos` stand after a preposition of place in the clause of one of the `troubled` things?"""
        before = surface[pos[0] - 1] if 0 < pos[0] < len(clauses) else ""
        if before not in PLACE_PREPOSITIONS or before == "на" and (
            not may_be_locative(fold(surface[pos[0]])) or pos[0] > 1 and normal_form(fold(surface[pos[0] - 2])) in LINKS
        ):
            return False
        return any(clauses[p[0]] == clauses[pos[0]] for p in troubled)

    @staticmethod
    def _state(sig: PartSignal, places: list[list[int]], clauses: Sequence[int]) -> FindingState | None:
        """The state said of a thing named in several places takes precedence («кулер сломан, воды нет»: the
        drinking water is a broken cooler, not an absent one)."""
        said = [sig.state_near(pos, clauses) for pos in places]
        known = [st for st in said if st is not None]
        return min(known, key=STATE_ORDER.index) if known else None

    @staticmethod
    def _survey(sig: PartSignal, c: CompiledConcept) -> bool:
        """Does the part report a survey result for this concept? A score word counts only for a survey
        indicator or a survey concept; for another concept only a result that reports someone dissatisfied."""
        return Concepts._survey_for(sig, c.surveyed or c.signal == "survey")

    @staticmethod
    def _survey_for(sig: PartSignal, surveyed: bool) -> bool:
        """`_survey` for a survey indicator or concept (`surveyed`) or another one."""
        if surveyed:
            # a survey word alone («все опрошенные считают условия комфортными») reports no one dissatisfied
            return sig.score or sig.survey and (sig.problem or sig.short)
        # a thing an expert checks («телефон», «поручни») is named by a survey only when someone is dissatisfied:
        # «телефон, e-mail, анкета … имеются и функционируют» names nothing
        return sig.survey and (sig.problem or sig.short)

    def match(
        self,
        lem: Lemmas,
        surface: Sequence[str],
        sig: PartSignal,
        part: int,
        near: bool = True,
        clauses: Sequence[int] = (),
        context: Lemmas | None = None,
        aspects: Sequence[int] = (),
    ) -> list[ConceptHit]:
        """The concepts recognised in one part of a finding, given its lemmas and signal. Where the objects of two
        concepts overlap, the longer phrase wins («электронная форма» over «форма»), as the more specific. `near`:
        the signal's positions are in `lem` (not so when a neighbouring part lends its thing), and each object
        takes the state of the signal nearest to it. `clauses`: the comma clause of each word, for enumerations
        («пандус сломан, кнопки вызова нет, колясок нет»): a `without` word that is another concept's object,
        named with its own signal in another clause, does not veto a concept that has its own signal too.
        `context`: the whole finding, where a concept's `with` words may stand as well: «По анкетам
        проживающих: …, посещения (74 %)» speaks of the residents' visitors though the part does not. `aspects`:
        the comma piece of each word of a survey line, whose aspects may each carry their own figure."""
        if sig.clear:
            return []
        best: dict[int, tuple[float, list[int], Element]] = {}
        spots: dict[int, list[list[int]]] = {}  # every place a concept's objects stand, for its state
        objects, owners, kinds, scored = self.objects.elements, self.owner, self._kind, self._scored
        problem = sig.problem
        survey = (self._survey_for(sig, False), self._survey_for(sig, True))  # `_survey`, by the object's `scored`
        for k in self.objects.candidates(lem):
            kind = kinds[k]  # «problem» needs a problem signal or a survey result, «survey» the latter, «self» nothing
            if kind != "self" and not (kind == "problem" and problem) and not survey[scored[k]]:
                continue
            owner = owners[k]
            el = objects[k]
            # (most objects are one word: its places are read off the index, not scanned for)
            for pos in [[i] for i in lem.of_word(el.word)] if el.word is not None else find_all(el, lem):
                spots.setdefault(owner, []).append(pos)
                score = float(len(pos))
                got = best.get(owner)
                if got is None or score > got[0]:
                    best[owner] = (score, pos, el)
        found = []
        # where the objects stand, for `_lent_without` (only a part with «без» asks)
        others_at = {i for _, p, _ in best.values() for i in p} if "без" in surface else set()
        for owner, (score, pos, el) in best.items():
            c = self.compiled[owner]
            if (
                c.signal == "problem"
                and near
                and not self._survey(sig, c)
                and (
                    not sig.beside(pos)
                    or bool(others_at) and _lent_without(sig, pos, surface, others_at) and not _equipped_with(c, pos, lem, surface)
                    or _asked_elsewhere(sig, pos, surface, clauses)
                )
            ):
                continue
            lent = False
            if c.with_:
                if not c.with_.found(lem):
                    lent = context is not None and c.with_.found(context)
                    if not lent and not (c.missing_with and sig.asked):
                        continue
                score += 0.5
            apart: tuple[int, ...] = ()
            if near and c.signal == "problem":
                others = [p for o, (_, p, _) in best.items() if o != owner and self.compiled[o].criterion == c.criterion]
                apart = self._apart_items(sig, pos, lem, surface, clauses, others, self.places)
            if near and aspects:
                apart = (*apart, *_other_aspects(pos, surface, aspects))
            if near and c.signal == "problem" and clauses and self._only_where(owner, spots[owner], best, surface, sig, clauses):
                continue
            if self._vetoed(c, pos, el, lem, clauses, sig.asked if near else (), apart, sig.spots) and not self._enumerated(
                c, pos, best, owner, lem, surface, sig, clauses, not near
            ):
                continue
            found.append((score, owner, pos, el, lent))
        kept: list[tuple[float, int, list[int], Element, bool]] = []
        for score, owner, pos, el, lent in sorted(found, key=lambda x: (-x[0], x[1])):
            if any(other > score and set(pos) & set(p) for other, _, p, _, _ in kept):
                continue
            kept.append((score, owner, pos, el, lent))
        hits = []
        for _, owner, pos, el, lent in sorted(kept, key=lambda x: x[1]):
            c = self.compiled[owner]
            matches = (Match(element=el.source, words=[surface[i] for i in pos]), *sig.words[:1])
            state = (self._state(sig, spots[owner], clauses) if near else sig.state) if c.signal != "survey" else None
            hits.append(ConceptHit(c.deficiency, matches, state, part, tuple(pos), lent))
        return hits


def _one_clause(text: str, spans: Sequence[tuple[int, int]], a: int, b: int) -> bool:
    """Do words `a` and `b` stand in one clause? Only clauses that hang on a noun («приглашаемого по договору»,
    «которое готовит подрядчик») may stand between them, set off by commas, and the denial opens the piece after the
    last comma: «жалоб на работу сурдопереводчика, приглашаемого по договору с ВОГ, не поступало». «Жалоб нет, пандус
    сломан» is two clauses, and in «нарекания на пандус, который отсутствует» the denial is the attached clause's.
    A name in quotes is one word of the clause, whatever its punctuation: «нарушений по критерию «Доброжелательность,
    вежливость и компетентность работников» не выявлено»."""
    text = QUOTED_RE.sub(lambda m: NOT_WORD_RE.sub(" ", m[0]), text)  # (same length: the spans still hold)
    if not PUNCTUATION_RE.search(text, spans[a][1], spans[b][0]):
        return True
    after_comma = [k for k in range(a + 1, b + 1) if PUNCTUATION_RE.search(text, spans[k - 1][1], spans[k][0])]
    if any(re.search(r"[^,.\s]", text[spans[k - 1][1] : spans[k][0]]) for k in after_comma):
        return False  # a colon, a dash or a bracket: another clause
    inner = [k for k in after_comma if k != b]
    if not inner or after_comma[-1] != b:
        return False  # the denial is the attached clause's own: «нарекания на пандус, который отсутствует»
    return all(opens_attached([fold(text[spans[i][0] : spans[i][1]]) for i in range(k, min(k + 2, b))]) for k in inner)


def _word_spans(text: str, lem: Lemmas) -> list[tuple[int, int]]:
    """The character spans of a part's words, or none if they do not line up with its lemmas."""
    spans = [m.span() for m in WORD_RE.finditer(text)]
    return spans if len(spans) == len(lem.sets) else []
