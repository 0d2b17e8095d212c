"""Findings → recognised deficiencies (several per finding), how and by which words, their state, places,
values, and suggestions for the rest.

Two layers decide: curator patterns over the whole finding (precise phrasings, a cue word required) and
concepts part by part (concepts.py: an object and a problem signal). A finding's words are lemmatised
(lemmas.py) so any inflection matches; an unknown word is a typo candidate matched to the closest catalog
word of its first letter and length, or an abbreviation of the catalog words it begins; capitalised names
are neither. Findings that differ only in plain numbers and unknown names share one analysis by their
shape, so a protocol whose lines carry their own act numbers and addresses is analysed once per wording.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz, process

from nokrules.core.classifier import Classifier, Guess
from nokrules.core.concepts import (
    ALL_ASKED_RE,
    DIGIT_RE,
    DURATION_RE,
    INDICATOR_SYMBOL_RE,
    ITEM_SHARE_RE,
    LENGTH_UNIT,
    LOCATIVES,
    NOWHERE,
    PARTLY_RE,
    PREPOSITIONS,
    PUNCTUATION_RE,
    QUOTED_RE,
    SENTENCE_RE,
    SHARE_VALUE_RE,
    SHORT_LEAD,
    SLOPE_RE,
    VERDICT_NOUNS,
    ConceptHit,
    Concepts,
    PartSignal,
    answers_as_shares,
    asked_counts,
    bare_shares,
    count_names_as_values,
    earlier_shares,
    full_share,
    indicator_counts,
    indicator_value,
    indicator_values,
    only_counts_asked,
    shares,
    surveyed,
    waits_in_norm,
)
from nokrules.core.findings import (
    ANSWER_CUT_RE,
    CLAIM_RE,
    FIX_WHEN_RE,
    PLACE_DASH_RE,
    SENTENCE_END,
    fixed_in,
    judges_claim,
    unconfirmed_verdicts,
    without_plan_columns,
)
from nokrules.core.lemmas import (
    PURPOSE_WORDS,
    WORD_RE,
    attachment,
    fold,
    is_content,
    is_done,
    is_done_by_someone,
    is_gerund,
    is_infinitive,
    is_known,
    is_predicate,
    lemmas,
    names_thing,
    normal_form,
    noun_of,
    opens_attached,
    same_case,
    stands_for,
    tense,
    wishes_more,
    words,
)
from nokrules.core.model import (
    Catalog,
    Close,
    Deficiency,
    Finding,
    FindingState,
    Match,
    ModelSpec,
    Outvoted,
    Pattern,
    Place,
    Recognition,
    RecognitionSource,
    SetAside,
    SetAsideReason,
    Signals,
    Suggestion,
)
from nokrules.core.numerals import numerals
from nokrules.core.phrases import (
    Element,
    ElementIndex,
    KeyIndex,
    Lemmas,
    compile_element,
    find_all,
    find_element,
    first_forms,
    index_keys,
)
from nokrules.core.similarity import CLOSE_SHOWN, NONE, NOT, Reading, Similarity

TYPO_CUTOFF = 80.0  # rapidfuzz ratio for an unknown word to count as a misspelt pattern word
TYPO_MIN_LEN = 5
TYPO_ENDINGS = (1, 2)  # letters of an ending cut off an unknown word to compare its stem with the catalog's words
TYPO_STEM_MIN_LEN = 6  # … when at least this many remain: a shorter stem is close to too many words («диста» — «диета»)
ABBREVIATION_MIN_LEN = 4  # an unknown word this long that begins catalog words is taken as their abbreviation
ABBREVIATION_MAX = 4  # … when it begins at most this many of them
SPLIT_HALF_MAX = 4  # the longest half of a word split by voice typing that is no word itself («дуса»)
CLAUSE_RE = re.compile(r"[,;]|\s[—–]\s")
# the usual tail of the name of a social-service institution or unit, by the word before it: «центр социального
# обслуживания граждан пожилого возраста и инвалидов», «дом-интернат для престарелых и инвалидов»
NAME_TAIL_RE = re.compile(
    r"\b((?:обслуживани[яе]|отделени[еияю]|центр(?:а|е|у|ом)?|интернат(?:а|е|у|ом)?|учреждени[еияю]|дом(?:а|е|у|ом)?|пансионат(?:а|е|у|ом)?)"
    r"(?:\s+на\s+дому)?)\s+(?:для\s+)?(?:граждан\s+пожилого\s+возраста|пожилых\s+граждан|престарелых(?:\s+граждан)?|пожилых(?:\s+людей)?)"
    r"\s+и\s+инвалидов\b",
    re.I,
)
# a checklist's answer after a dash that a thing is there: «пандус — да», «поручни — есть», «кнопка вызова — в наличии»
# «— да», «— да/да» (site and stand), «— да (тел., лично, ЕПГУ)»: not a bracket that takes some of it back
THERE_ANSWER_RE = re.compile(
    r"\s[—–-]\s*(?:да|есть|имеется|имеются|(?:имеется\s+)?в\s+наличии)(?:\s*/\s*(?:да|есть))*\s*"
    r"(?=[,;.!]|$|\((?![^)]*(?:\b(?:ни|без|лишь|только|кроме|но|однако)\b|\b(?:не|частичн|односторон|времен|требу|слом|устар|плох|стар)))[^)]*\)\s*(?:[,;.!]|$))",
    re.I,
)
# the catalog's `contrast` words that set a flaw against a thing said to be there: «пандус есть, но …» («зато»,
# «а», «тогда как» join a second thing)
BUT = frozenset({"но", "однако", "хотя", "при этом"})
ASPECT_RE = re.compile(r";|,(?!\d)")  # where the aspects of a survey line part, each with its share (not at «65,0 %»)
SURVEY_TOPIC = "удовлетворённость"  # what an aspect of a survey line is read under when the line's topic is not its own
BREAK_RE = re.compile(r"[,;]")  # what no phrase spans (see Lemmas.breaks)
# a table's row of an indicator, its title and its value: «4.1 | Доля получателей … | 99,0», «2.3 Доля …; 71 %; —»
TITLED_ROW_RE = re.compile(
    r"(?:^|[;|])\s*(?:(?:показатель|пок|п)\.?\s*)?(?<![\d.,])(?P<ind>[1-5]\.[1-3])(?![.,]?\d)\.?(?:\s+|\s*[;|]\s*)"
    r"(?P<title>[^\d\s;|][^\d;|\n]{0,300}?)\s*[;|]\s*(?P<value>\d{1,3}(?:[.,]\d+)?)(?![.,]?\d)(?!\s*(?:шт|ед|чел|раз|из\b))"
)
# the `where` words that only link the others; unlike `_where_nouns` (for a number after a place), «с.» and «к.» count
# as a village and a building here: a piece of them and a number alone is an address
WHERE_LINKS = frozenset({"в", "на", "по", "у", "при", "и", "от"})
NEGATIONS = frozenset({"не", "нет", "ни", "без"})
PRONOUNS = frozenset({"он", "она", "оно", "они"})  # what names a thing said just before
POSSESSIVES = frozenset({"его", "её", "ее", "их"})  # the same words before a noun: whose it is
# words that point back to a thing named before («данный документ», «его нет»)
ANAPHORA = PRONOUNS | {"данный", "этот", "такой", "указанный", "соответствующий", "последний"}
# words that tell the problem of the clause before again of another thing: «на вахте хамят, по телефону тоже»
SAME_AGAIN_RE = re.compile(r"(?<!\w)(?:тоже|так\s+же|то\s+же(?:\s+сам\w+)?|та\s+же\s+\w+)(?!\w)", re.I)
LIST_JOINS = frozenset({"и", "ни", "а", "также"})  # the words that join the items of a list (see _listed_apart)
_JOINED_BY = r"(?:и|ни|а\s+также)"
LIST_JOIN_RE = re.compile(rf"\s*(?:,\s*|(?:,\s*)?{_JOINED_BY}\s+)(?:ни\s+)?", re.I)  # between two items of a list
LISTED_RE = re.compile(rf"\s{_JOINED_BY}\s", re.I)  # a list joined by words, not commas
DENIALS = frozenset({"не", "нет", "ни", "без", "отсутствие", "отсутствовать"})  # what denies a list of things
ITEM_RE = re.compile(r"[,;]|\s[—–]\s|\s(?:и|или)\s", re.I)  # where the items of an enumeration part
CHECKLIST_RE = re.compile(
    r"\b(?P<ind>[1-5]\.[1-3])\s*[,:]?\s*(?:п\.|пп\.|пункт\w*|подпункт\w*|п)\s*(?P<item>\d{1,2})\b"
    r"|\b(?:п\.|пункт\w*)\s*(?P<item2>\d{1,2})\s+(?:показател\w*|критери\w*)\s+(?P<ind2>[1-5]\.[1-3])\b"
    r"|\b(?P<ind3>[1-5]\.[1-3])\.(?P<item3>\d{1,2})\b(?![.,]\d)"
)
# several items of one indicator: «3.1: пп. 1, 4», «по показателю 3.2 отсутствуют пункты 2, 5 и 6», «пункты 1 и 3
# показателя 3.1» (each item its own deficiency)
_ITEMS = r"(?:пп?\.|пункт\w*|подпункт\w*)\s*(?P<items>\d{1,2}(?:\s*(?:,|и)\s*\d{1,2}(?![.,]?\d))*)(?![.,]?\d)"
CHECKLIST_LIST_RE = re.compile(
    rf"\b(?P<ind>[1-5]\.[1-3])(?![.,]?\d)[^.;:\d]{{0,60}}?[:\s]\s*{_ITEMS}"
    rf"|{_ITEMS.replace('items', 'items2')}\s+(?:показател\w*|критери\w*)\s+(?P<ind2>[1-5]\.[1-3])\b"
)
# a score given in points: «60 баллов», «оценено в 40 баллов из 100»
SCORE_VALUE_RE = re.compile(r"(?<![\d.,])(\d{1,3}(?:[.,]\d+)?)\s*балл")
# a year before «г.» or «год»: it says when a document dates from («тарифы 2019 года», «в редакции 2015 г.»), which an
# age («мама, 31 год») or a count («не обновлялся 3 года») masked the same way would not. Not a year of a period or an
# event («на 2026 год», «в 2025 году») nor of a date («15 мая 2025 г.»): those say nothing of how old a thing is
YEAR_RE = re.compile(r"(?<![\d.,])(?:19[5-9]\d|20\d\d)(?=\s*(?:г\b|гг|год))")
NOT_DATED_RE = re.compile(
    r"(?:^|[^а-яё])(?:на|в|во|январ[а-яё]*|феврал[а-яё]*|март[а-яё]*|апрел[а-яё]*|ма[яйе]|июн[а-яё]*|июл[а-яё]*"
    r"|август[а-яё]*|сентябр[а-яё]*|октябр[а-яё]*|ноябр[а-яё]*|декабр[а-яё]*)\s*$"
)
TITLE_COVER = 0.8  # a finding quotes an indicator's title when it holds this share of the title's content words
# the model's first answer at a hit's own place keeps the hit when it holds this much belief, a little short of the
# similarity spec's `min_probability`: «хамит» alone is rudeness at 0.64, «стулья» alone furniture at 0.51
PLACE_FIRST = 0.6
# a finding that opens with this many words or fewer before its first verb names who every verb after them is said of
# («соцработник опаздывает, хамит, …»): a hit's place is also weighed with them
ACTOR_WORDS = 3
# a number that is neither a share, a score nor a size (those are read from each finding's own text or decide it)
# (fractions «0,64» and indicator numbers «4.1» say something too)
PLAIN_NUMBER_RE = re.compile(  # (the look-ahead for a digit first: the rest runs only where one stands)
    r"(?=\d)(?<![\d.,])(?!0[.,]\d)(?![1-5]\.[1-3](?![.,]?\d))\d+(?:[.,]\d+)*(?![.,]?\d)"
    rf"(?!\s*(?:%|процент|проц\b|балл|{LENGTH_UNIT}))"
    # a count of things in pieces or units says how many there are: «214 единиц» masked to «0 единиц» would read «none»
    r"(?!\s*(?:шт\b|штук|ед\b|ед\.|единиц))"
)
# what ends the reach of a list's lead: a sentence end or a new line
LEAD_BREAK_RE = re.compile(rf"\n|{SENTENCE_END.pattern}")
# an inspector's marks after an item of a list (a minus of any dash): «лицензия -, тарифы −, ПВР +», «кнопка вызова:
# -», «брайль - 0», «сведения — н/д» (no data): a minus or a zero says the item is missing, a plus that it is there
# (each begins with a space, a colon or a plus: the look-ahead first, so the look-behinds run only there)
MINUS_MARK_RE = re.compile(
    r"(?=[\s:])(?:(?<=[^\s,;:(-])(\s*:)?\s+[-–—−](?:\s*0(?![.,]\d))?(?=\s*(?:[,;)(]|\.?$))|(?<=[^\s,;(-]):\s*[-–—−](?=\s*(?:[,;)(]|\.?$)))"
)
# the state a thing fixed was in, told beside the fix: «ранее отсутствовавший», «отсутствовавшая ранее», «ранее не
# работавшая», «отсутствовавший на момент НОК 2022 г.», «неисправность которой отмечалась», «которой не было на момент
# прошлой оценки», «которой в прошлом году не было», «о нехватке которых говорили» (see _without_former_state)
FORMER_HINT_RE = re.compile(r"ранее|раньше|прежде|котор|вш[а-яё]*\s+(?:на\s+момент|при|в\s+ходе|во\s+время)\b", re.I)
# a remark told as removed, with what it was about between: «замечание прошлой НОК (нет политики ПДн) устранено»,
# «нарушения — отсутствие пандуса и поручней — устранены» (see _without_resolved_remarks). Only a removal told done:
# «будет устранено», «снять с контроля после …» are fixes to come; what it was about holds no «:» or «;» (a remark
# that heads a list: «Нарушение: санузел закрыт на ключ»)
# A complaint checked and not confirmed is told so too: «обращение гр. К. от 19.10 не подтвердилось», «факты,
# изложенные в жалобе, не подтвердились» (what it was about may hold the dots of initials and dates); and so is an
# inspector's order carried out: «предписание от 12.05.2023 № 48 в части устройства поручней выполнено»
RESOLVED_REMARK_RE = re.compile(
    r"\b(?:замечани[ейяю]|нарушени[ейяю]|недостат(?:ок|ки|ка|ков)|(?P<complaint>жалоб[аыу]|обращени[еяю]|факты?|доводы?)"
    r"|(?P<order>предписани[еяю]))\b"
    r"(?P<about>(?:[^.;:!?\n]|\.(?=\s*(?:\d|[А-ЯЁ]\.|[а-яё]))){1,160}?)\s+"
    r"(?P<verb>(?(order)(?:вы|ис)полнен[оы]?|(?:устранен[аоы]?|устранён|устранили|сняты?|снято|сняли"
    r"|(?(complaint)не\s+подтвердил(?:ся|ась|ось|ись)|(?!)))))\b",
    re.I,
)
# an institution disputes a remark: «Учреждение не согласно с замечанием об …», «С выводом об … не согласны»
DISPUTED_REMARK_RE = re.compile(
    r"\bне\s+согласн\w*\s+с\s+(?:замечани|вывод|оценк)|\bс\s+(?:замечани|вывод|оценк)\w*[^.;!?]{0,160}?\bне\s+согласн", re.I
)
# what grants a disputed remark in part: «не согласны в части пандуса, согласны в части стоянки», «план размещён на
# bus.gov.ru, на сайте его действительно нет», «однако», «вместе с тем»
CONCEDED_RE = re.compile(r"\bв\s+части\b|(?<!не\s)\bсогласн|действительно|однако|\bно\b|вместе\s+с\s+тем|\bкроме\b|\bхотя\b", re.I)
# what says a removal is not done, or not whole, or to come: «не был устранён», «так и не», «частично», «будет», «невозможно»
UNRESOLVED_RE = re.compile(rf"{PARTLY_RE.pattern}|\bне\b|\bбуд[уе]т|\bпланир|\bневозможн|\bнельзя|\bкроме\b")
# the time an earlier state was found at: an assessment, a check, a visit («на момент НОК 2022 г.», «при прошлой проверке»)
ASSESSED_AT = (
    r"(?:на\s+момент|при|в\s+ходе|во\s+время)(?=(?:\s+[^\s,;]+){0,3}?\s+(?:нок|независим|оценк|проверк|обследовани|мониторинг"
    r"|осмотр|визит|посещени|аудит|анкетировани)[а-яё]*)"
)
# an earlier time a thing was not there: «которой ранее не было», «которого в прошлом году не было», «… в 2023 году …»
EARLIER = r"(?:ранее|раньше|прежде|в\s+прошл[а-яё]+\s+(?:году|раз)|год\s+назад|в\s+\d{4}\s*(?:г\.|году))"
# an item of a building norm, before or after the norm: «п. 5.1.3 СП 59.13330.2020», «СП 59.13330.2020 (п. 6.2.1)»,
# «ГОСТ Р 51261-2022, п. 4.3»; its number is no indicator of the methodology (see _without_norm_items)
_NORM = r"(?:СП|ГОСТ|СНиП|СанПиН|свод[а-яё]*\s+правил)"
_ITEM = r"(?<![а-яё])(?:пп|п|пункт[а-яё]*)\.?\s*\d+(?:\.\d+)+\.?"
NORM_ITEM_RE = re.compile(
    rf"{_ITEM}\s*(?={_NORM}(?![а-яё]))|(?P<norm>(?<![а-яё]){_NORM}[\s\dР.\-–]{{2,30}}?)\s*,?\s*\(?{_ITEM}\)?", re.I
)
# what a finding says was so before, against how it is now (see _without_then_now): «Раньше пускали только по
# выходным, теперь — каждый день», «в прошлом году писали об отсутствии пандуса — теперь стоит платформа»
THEN_CLAUSE_RE = re.compile(rf"(?:^|(?<=[,;:.!?—–(]))[^,;:.!?—–()]*\b{EARLIER}\b[^,;:.!?—–()]*", re.I)
NOW_RE = re.compile(r"\bтеперь\b", re.I)
# what says the thing is wrong now too: «теперь его нет», «теперь только по записи», «теперь сломался»
NOW_WRONG_RE = re.compile(r"\b(?:не|нет|без|ни|только|лишь|хуже|перестал\w*|сломал\w*|закрыл\w*|убрал\w*|сократил\w*)\b", re.I)
FORMER_STATE_RE = re.compile(
    r"(?P<before>,\s*)?(?:\b(?:ранее|раньше|прежде)\s+(?:не\s*)?[а-яё]+(?:вш|ющ|ящ|нн|н)[а-яё]*"
    r"|\b(?:не\s*)?[а-яё]+вш[а-яё]*\s+(?:ранее|раньше|прежде)\b"
    rf"|\b(?:не\s*)?[а-яё]+вш[а-яё]*\s+{ASSESSED_AT}(?:\s+[^\s,;]+){{1,8}}?(?=\s*,)"
    rf"|\bкотор[а-яё]+\s+(?:{EARLIER}\s+)?не\s+был[аио]?\b(?:(?:\s+[^\s,;]+){{0,5}}?(?=\s*,))?"
    r"|\b(?:(?:о|об)\s+)?(?:неисправност|отсутстви|поломк|нарушени|нехватк|недостатк)[а-яё]*\s+котор[а-яё]+\s+(?:ранее\s+)?"
    r"(?:отмечал|фиксировал|выявлял|указывал|говорил|писал|сообщал|жаловал)[а-яё]*"
    r"(?:(?:\s+[^\s,;]+){0,4}?(?=\s*,))?)"
    r"(?P<after>\s*,)?",
    re.I,
)
# how a report reached whoever writes it down, not where what it tells happened (see _without_report_frame): a hotline
# log's header «Звонок 16:40, дочь получателя:», «Со слов звонившей Ефимовой Т. В.,», «Позвонила дочь получателя,
# сообщила, что …», «Заявитель сообщает, что …»: the call is no telephone conversation with the staff
REPORT_FRAME_RE = re.compile(
    r"^\s*(?:входящий\s+)?звонок\s+(?:в\s+)?\d{1,2}[:.]\d{2}\s*,\s*[^:;.!?]{1,60}?:(?!\d)\s*"  # (who called, not an operator's own call)
    r"|(?<![а-яё])со\s+слов\s+(?:по)?звонивш[а-яё]*(?:\s+[А-ЯЁ][а-яё]+){0,3}(?:\s+[А-ЯЁ]\.\s*(?:[А-ЯЁ]\.)?)?\s*,?\s*"
    r"|(?:^|(?<=[.;!?]))\s*(?:по)?звонивш[а-яё]*(?=(?:\s+[А-ЯЁ][а-яё]+){1,3})"  # («Звонившая Захарченко М. В. недовольна»)
    r"|(?<![а-яё])позвонил[аи]?\s+[^,;.!?]{1,60},\s*(?:и\s+)?(?:сообщил|рассказал|пожаловал|указал|просил)[а-яё]*\s*,?\s*(?:что\s+)?"
    # the applicant of a complaints register is who wrote, not one met at the first contact (4.1)
    r"|(?<![а-яё])(?:со\s+слов|по\s+словам)\s+заявител[а-яё]*(?:\s+[А-ЯЁ][а-яё]+){0,3}(?:\s+[А-ЯЁ]\.\s*(?:[А-ЯЁ]\.)?)?\s*,?\s*"
    r"|(?<![а-яё])заявител[а-яё]*(?:\s+[А-ЯЁ][а-яё]+){0,3}(?:\s+[А-ЯЁ]\.\s*(?:[А-ЯЁ]\.)?)?(?:\s*\([^()]{0,60}\))?\s*,?\s+"
    r"(?:сообща|указыва|указал|жалу|пожаловал|пиш|просит|проси|утвержда|обраща)[а-яё]*(?:\s+внимание)?\s*,?\s*(?:что\s+|на\s+то\s*,\s*что\s+)?",
    re.I,
)
FRAME_HINT_RE = re.compile(r"звон|заявит", re.I)  # (one stands in every such frame)
# a question of a questionnaire or an interview, its clause only, and what opens its answer (see
# _without_answered_questions): «Удовлетворены ли Вы …? — Да», «— Выдавали ли вам договор? — Выдавали, …», «В.: Вежливы
# ли с вами? — О.: «Да, …»», «— Бывает, что в комнатах холодно? — Нет, что вы, …»
QUESTION_RE = re.compile(r"(?:^|(?<=[?.!;]))[^?.!;]*\?")
ANSWER_LEAD_RE = re.compile(r"\s*(?:[—–:-]\s*)?(?:(?:о|ответ)\.?(?:\s*\([^)]*\))?\s*:\s*)?[«\"]?\s*", re.I)
YES_RE = re.compile(r"(?:да|конечно|разумеется|безусловно)(?![а-яё])(?!\s+(?:не|нет)(?![а-яё]))[\s,.!—–-]*", re.I)  # («да не очень»)
NO_RE = re.compile(
    r"(?:(?:(?:да\s+)?(?:нет(?:-нет)?|ничего(?!\s+не(?![а-яё]))|никаких|ни\s+на\s+что|никогда|ни\s+разу)|что\s+вы|такого\s+(?:нет|не\s+было)"
    r"|не\s+(?:бывает|было|бывало|случалось|приходилось))(?![а-яё])[\s,.!—–…-]*)+",
    re.I,
)
ECHO_RE = re.compile(r"([а-яё]+)\s+ли(?![а-яё])", re.I)  # the word a «ли» asks of: «Выдавали ли»
NOT_RE = re.compile(r"(?<![а-яё])(?:не|нет)\s+([а-яё]+)", re.I)
ANSWER_SEPARATORS = " \t\n,.!—–-"
ASKED_RE = re.compile(r"(?<![а-яё])ли(?![а-яё])", re.I)
GOOD_ASKED_RE = re.compile(
    r"удовлетвор|доволь|устраива|удобн|доступн|вежлив|понятн|комфортн|рекоменд|(?:есть|имеется|имеются|размещ[а-яё]*|работает|соблюда[а-яё]*)\s+ли",
    re.I,
)
# a question asks after a trouble by a word of one («бывает ли», «часто ли грубят», «что бы вы поменяли»), or by a «не»
# of its own clause that is no gerund's («не выходя из дома» tells how, «если что не так» is another clause)
TROUBLE_WORDS_RE = re.compile(
    r"(?<![а-яё])(?:по)?(?:жалоб|жалов|жалу|претенз|трудн|затрудн|груб|нагруб|ожид|жд[аеёу]|подожд|дожид|очеред|проблем|случа"
    r"|быва|приходилось|наруш|отказ|сложн|неудоб|холод|душн|грязн|пахн|запах|теч[её]т|протека)"
    r"|(?<![а-яё])бы\s+(?:вы\s+)?(?:помен|измен|улучш|исправ|добав)",
    re.I,
)
OTHER_CLAUSE_RE = re.compile(r",?\s*(?<![а-яё])(?:если|когда|пока|чтобы|хотя|куда|где)(?![а-яё])[^,?]*", re.I)
BUT_WORDS = r"но|однако|только|правда"
# what goes on after a yes that is not all well: «Помогают, но неумело», «Есть, только на ремонте»
BUT_RE = re.compile(rf"(?<![а-яё])(?:{BUT_WORDS}|а\s+вот)(?![а-яё])", re.I)
# what an answer sets against its «нет»: «— Нет, но бывает душно», «— Нет, зато кормят плохо»
AGAINST_RE = re.compile(rf"(?<![а-яё])(?:{BUT_WORDS}|а|зато|хотя|кроме|вот)(?![а-яё])", re.I)
ANSWER_END_RE = re.compile(r"[.!?;]")
# the status of a plan's item before what was done and what was not (see _without_plan_status): done, and done in part
DONE_STATUS = r"(?:выполнен|исполнен|реализован)"
PARTLY_DONE = r"(?:частично|не\s+полностью|не\s+в\s+полном\s+объ[её]ме)"
STATUS_HINT_RE = re.compile(r"частичн|не\s+полност|не\s+в\s+полн|(?:»|[—–:-])\s*(?:[—–-]\s*)?(?:мероприятие\s+)?(?:выполн|реализ|исполн)", re.I)
STATUS_LEAD_RE = re.compile(
    rf"\s*(?:(?:пункт|мероприятие)\s+)?(?:{DONE_STATUS}[оа]?\s+)?{PARTLY_DONE}\s*[:—–-]\s*",
    re.I,
)
# (a quoted measure done, with nothing after the word: «… выполнено частично» or «… выполнено формально» is not done)
QUOTED_DONE_RE = re.compile(rf"«[^«»]*»\s*(?:[—–-]\s*)?(?={DONE_STATUS}[а-яё]*\s*(?:[.;:,!]|$))", re.I)
# a plan's measure in its own words, an infinitive first, and its status after a dash or a colon (see
# _without_plan_status): «Установить кнопку вызова у входа — выполнено», «3. Приобрести кресло-коляску — выполнено
# (закуплены 2 шт.)», «Разместить … сведения о совете и копию лицензии — выполнено частично: лицензия размещена, …»
MEASURE_STATUS_RE = re.compile(
    r"(?:^|(?<=[.;!?]))\s*(?:(?:пункт|п\.)\s*)?(?:\d+(?:\.\d+)*\.?\s+)?(?P<verb>[а-яё]+)[^.;!?«»]*(?:«[^«»]*»[^.;!?«»]*)*?"
    rf"\s*[—–:-]\s*(?:мероприятие\s+)?{DONE_STATUS}[оа]?(?![а-яё])"
    rf"(?P<partly>\s*(?:{PARTLY_DONE}|формально|только|не\s+везде|не\s+во\s+всех"
    r"|(?:в|на)\s+\d+\s+из\s+\d+)(?![а-яё])(?P<told>\s*:)?)?",  # («… — выполнено в 2 из 4 отделений» is done in part)
    re.I,
)
# a place as a checklist's item, after a separator: «— сайт −», «, стенд +», «: сайт — нет» (see _read_place_items)
PLACE_ITEM_RE = re.compile(
    r"(?:^|[,;:(—–]|\s-)\s*(?P<place>сайт|стенды?)(?![а-яё])"
    r"(?P<mark>(?=\s*(?:[:—–-]\s*)?(?:[-–—−+](?![\w]|\s*\d)|нет\b|есть\b|да\b|отс\b)))?",
    re.I,
)
PLACE_HEADING_RE = re.compile(r"\s*(?P<place>сайт|стенды?)\s*:\s*(?=[а-яёa-z])", re.I)  # «Сайт: политика ПДн −»
# the things listed after «только» up to the end of their clause: «только устав и лицензия» (not «только с одной стороны»,
# «только на сайте», «только 2 из 6»: see _drop_the_only_ones)
ONLY_LIST_RE = re.compile(r"\b(?:только|лишь)\s+(?!(?:на|в|во|с|со|по|у|для|при|к|от|до|за|из|через|после|без|под|над|о|об|раз|один|одн[аоуи])\b|\d)[^,;.:!?()—–]+", re.I)
DENIED_RE = re.compile(r"(?<![а-яё])(?:не|нет|без|отсутств[а-яё]*)(?![а-яё])", re.I)  # a denial said of a «ни …, ни …» list
# a table's remark cell left empty after a value: «5.1; 99; —», «3.3 | 94 % | —» (see _read_marks)
EMPTY_REMARK_RE = re.compile(r"(?<=[\d%])\s*[;|]\s*[-–—−]\s*(?=[;|]|$)")
# a fix promised (see _read_future): «будет размещён», «будут после ремонта установлены», «планируется установить»,
# «запланировано на 2026 год», «намечены на III квартал», «планируется к установке»
FUTURE_HINT_RE = re.compile(r"будет|будут|планир|наме[чт]", re.I)
FUTURE_FIX_RE = re.compile(
    r"(?<![а-яё])(?<!не )(?:будет|будут)\s+(?P<done>[а-яё]+)(?![а-яё])"
    r"|(?<![а-яё])(?<!не )(?:планиру[а-яё]*|намеч[а-яё]*ся)\s+(?P<inf>[а-яё]+ть)(?![а-яё])"
    r"|(?<![а-яё])(?P<planned>(?:за)?планирован[аоы]?|намечен[аоы]?|планиру[а-яё]*ся(?=\s+к\s))(?![а-яё])",
    re.I,
)
FUTURE_WORD_RE = re.compile(r"[а-яё]+", re.I)
FUTURE_REACH = 4  # words after «будет» a promised fix may stand at: «будут после ремонта установлены»
SLASH_FOR_RE = re.compile(r"(?<![а-яёА-ЯЁ/])(?:[дД]/|[бБ]/(?![уУ](?![а-яё])))(?=[а-яё])")  # «д/инв.», «б/поручней»
# what a fix promised waits for, up to the end of its clause: «после утверждения тарифов», «по окончании ремонта»
FIX_WAITS_RE = re.compile(
    r"(?:\s+[^\s,;.:]+){0,3}?\s+(?:после|по\s+окончании|по\s+завершении|при\s+условии|в\s+связи\s+с|по\s+мере)(?![а-яё])[^,;.:()]*",
    re.I,
)
NEITHER_RE = re.compile(r"(?<![а-яё])ни\s+(?=[а-яё])", re.I)  # «ни пандуса ни кнопки» (see _read_neither)
ONLY_AT_RE = re.compile(r"\b(?:только|лишь|исключительно)\s+(?:на|в)\s+(?:официальн\w+\s+|информационн\w+\s+)?(?:сайт|стенд)", re.I)
NO_DATA_RE = re.compile(r"(?<![а-яё])н/д(?![а-яё])", re.I)
PLUS_MARK_RE = re.compile(r"(?=[\s:+])(?<=[^\s,;:(+])(\s*:)?\s*\+(?=\s*(?:[,;)(]|\.?$))")
# a tick or a cross after an item of a checklist: «Брайль ✓; сурдопер. ✗», «лифт ✗ (стоит с марта)» (not a bullet that
# opens a line: «✓ пандус отсутствует»); in a table of ones and zeros a one says the item is there: «сопровождение — 1»
CHECK_MARK_RE = re.compile(r"(?<=[^\s,;:(])(?:\s*:)?\s*(?:(?P<yes>[✓✔☑])|[✗✘☒])")
# a box or a mark before an item of a checklist app's export, the item saying nothing of itself: «[ ] пандус», «[x]
# стенд», «✗ кнопка вызова»; once a line opens with one, each mark in it opens its item («✓ парковка ✗ ФХД»). An item
# that tells its own state («✓ пандус отсутствует») keeps the mark as a bullet.
LEAD_MARK = r"(?:(?P<yes>[✓✔☑]|\[[xхvV✓✔+]\])|[✗✘]|\[[\s✗✘]?\])\s*(?P<item>[^;|✓✔☑✗✘\[\]—–:(,]*[^;|✓✔☑✗✘\[\]—–:(,\s])"
LEAD_SIGNS = frozenset("✓✔☑✗✘[")  # what a mark before an item starts with
LEAD_MARK_RE = re.compile(rf"(?:^\s*|(?<=[;|])\s*|(?<=\s\s)){LEAD_MARK}", re.I)
LEAD_MARKS_RE = re.compile(rf"(?:^\s*|(?<=[;|])\s*|(?<=\s)){LEAD_MARK}", re.I)  # a line that opens with a mark: every mark leads
# an item that tells its own state, so a mark before it is a bullet
LEAD_ITEM_SAYS_RE = re.compile(
    rf"{DENIED_RE.pattern}|(?<![а-яё])(?:есть|имеется|размещ[а-яё]*|установлен[а-яё]*|неисправ[а-яё]*|сломан[а-яё]*"
    r"|недостаточ[а-яё]*|плох[а-яё]*|устарел[а-яё]*|изношен[а-яё]*)(?![а-яё])",
    re.I,
)
ROW_ONE_RE = re.compile(r"(?<=[^\s\d,;:(-]) — 1(?=\s*(?:[;—–]|$))")  # a checklist row's mark one, its «;» read as a dash
ONE_MARK_RE = re.compile(r"(?=\s)(?<=[^\s\d,;:(-])\s+[-–—−]\s*1(?=\s*(?:[,;)(]|\.?$))")
# a temperature indoors as inspectors note it: «в холле +14», «плюс четырнадцать», «16 градусов», «15 °С»
TEMPERATURE_RE = re.compile(
    r"(?<![\d.,])(?:(?:\+\s?|плюс\s+)(?P<signed>\d{1,2})(?:[.,]\d)?(?:\s*°\s*[cс]?|\s*градус\w*)?"
    r"|(?P<unsigned>\d{1,2})(?:[.,]\d)?\s*(?:°\s*[cс]?|градус\w*))(?!\d|[.,]\d)",
    re.I,
)
# the warmth a room for people should have (СанПиН 1.2.3685-21: 18–24 °C in offices and halls, 20–24 °C in living rooms)
COLD_BELOW = 18
HOT_ABOVE = 28
NAME_RE = re.compile(r"\b[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё]+)*\b")
ABBREVIATION_DOT_RE = re.compile(r"(?:^|[^\w])[а-яё]{1,5}\.$")
NAME = "Ааа"  # what a name becomes in a finding's shape: an unknown word, matched to nothing
PLAIN_FORMS_MAX = 200_000  # known words whose feature is kept (the dictionary has millions of forms)
MASKED = frozenset({"0", fold(NAME)})  # a masked number or name, as a word of the folded shape
BRACKET_RE = re.compile(r"\s*\(([^()]*)\)")
# a number, or a capital past the first letter (each look-ahead first lets the rest run only where the character it
# needs stands: a regular expression tries its alternatives and look-behinds at every character otherwise)
NUMBER_OR_NAME_RE = re.compile(r"(?=[\dА-ЯЁ])(?:\d|(?<=.)[А-ЯЁ])")
MASKABLE_RE = re.compile(r"(?=[\dА-ЯЁ])(?:\d|(?<=.)[А-ЯЁ])", re.S)  # the same, a capital after a line break included
BRACKET_PIECE_RE = re.compile(r"[,;]")  # the pieces of a bracket, each of which may be whereabouts
WHEREABOUTS_CUT_RE = re.compile(r"(?=[,;\s])(\s*[,;]\s*|\s+[—–-]\s+)")
# what a hit's words may carry after them as their own (see Recognizer._echoes)
INDICATOR_RE = re.compile(r"[1-5]\.[1-3]")  # an indicator of the methodology: «5.1»
DIGITS_RE = re.compile(r"\d+")
INDICATOR_WORD_RE = re.compile(r"показател|п$|пп$|пункт|по$|значени")  # words that only name an indicator
# the value after an indicator: the first number within a few words («5.1 — 98,7», «5.1 набрано 99», «5.1 составил
# 0,98»), not another indicator nor a year
VALUE_AFTER_RE = re.compile(r"\D{0,40}?(?<![\d.,])(\d{1,3}(?:[.,]\d+)?)(?![.,]?\d)(?!\.[1-3]\b)")
# prepositions that make a means of contact the way something else is done: «ответили по телефону», «через e-mail»,
# «на телефоне сайт не помещается»
CHANNEL_MEANS = frozenset({"по", "через", "на"})
ATTRIBUTE_PREPOSITIONS = frozenset({"о", "об", "обо", "по", "для", "за", "про"})
JOINS = frozenset({"и", "или", "а", "но", "либо"})
CHANNEL_CUT_RE = re.compile(r"[,;:()]")  # where the clauses of _channel_said part (commas in brackets too)
GAP_BREAK_RE = re.compile(r"[,;:()!?.]|[—–]|\s-\s")
NUMBER_NOUNS = frozenset({"показатель", "пункт", "п", "пп", "критерий"})  # what names an indicator or an item by its number
CLAUSE_CUT_RE = re.compile(r";|,(?!\d)")  # where a finding's clauses part (not at the comma of «2,5 м»)
# another organisation, and ours set against it: «у соседнего центра сайт не работает, а у нас всё в порядке», «отмеченное
# в акте относится к соседнему зданию, а не к центру», «выявлены в СРЦН «Радуга», а не в нашем центре»
OTHERS_RE = re.compile(r"соседн|\b(?:в|у|к)\s+друг(?:ом|ой|ого|их|им)\b|\bу\s+них\b")
OURS_RE = re.compile(r"\bа\s+(?:вот\s+)?(?:у\s+нас\b|(?:[а-я]+\s+){0,3}?наш[а-я]*\b)")  # «а у входа в наш центр …»
OUR_PLACE = r"(?:центр|учрежден|организац|отделени|филиал|дом|интернат|кцсон)[а-я]*"
NOT_OURS_RE = re.compile(rf"\bа\s+не\s+(?:(?:в|у|к)\s+)?(?:наш[а-я]*\s+{OUR_PLACE}|нас|нам)\s*[.!]?\s*$")
# «…, но к проверяемой организации это не относится», «к учреждениям нашего района это замечание не относится»
NOT_OURS_SAID_RE = re.compile(
    r"\bк\s+(?:[а-я]+\s+){0,2}?(?:наш[а-я]*|проверяем[а-я]*|оцениваем[а-я]*)(?:\s+[а-я]+){0,3}?\s+(?:это\s+|данное\s+|эти\s+)?"
    r"(?:замечани[а-я]*\s+|недостат[а-я]*\s+)?(?:не\s+относ|отношения\s+не\s+име)"
)
# a line that opens by comparing: what it tells is of the other organisation it names (see _about_others)
COMPARED_RE = re.compile(r"\W*(?:для\s+сравнения|для\s+примера|в\s+качестве\s+(?:положительного\s+)?примера|например|в\s+сравнении\s+с)\b")
NOT_OURS_AFTER_OTHERS_RE = re.compile(rf"\bа\s+не\s+(?:(?:в|у|к)\s+)?{OUR_PLACE}\s*[.!]?\s*$")
CLAUSE_SPLIT_RE = re.compile(r";|,(?!\d)|[()]")  # the same, and the brackets that hold a clause together
# the fewest words of a clause read on its own; a clause of just so many («кулера нет», «замены нет») is like too many
# phrasings, and the model must be surer of it (ModelSpec.min_short)
CLAUSE_WORDS = 2
# where the place of a hit's own words ends, for the phrasings closest to it (see Recognizer._outvoted)
PLACE_CUT_RE = re.compile(r"[,;:.!?()]|\s[—–-]\s|\s(?:и|или|а|но)\s")


@dataclass(frozen=True)
class CompiledPattern:
    all: tuple[Element, ...]
    any: tuple[Element, ...]
    none: ElementIndex
    # per element, the word forms one of which must occur for it to match (None: has a prefix word, no filter)
    need_all: tuple[frozenset[str], ...] = ()
    # the forms one of which an `any` element needs, all together (None: an `any` has a prefix word, or there is none)
    need_any: frozenset[str] | None = None
    # the `any` elements (by number) under each of their anchors' forms, and those with no anchors (tried always):
    # a pattern may list dozens, and a text holds the anchors of a few
    any_by_anchor: Mapping[str, tuple[int, ...]] = field(default_factory=dict, compare=False)
    any_anchors: frozenset[str] = frozenset()
    any_always: tuple[int, ...] = ()

    def any_present(self, forms: frozenset[str]) -> list[int]:
        """The `any` elements (by number, in order) whose anchors the text holds, and those with no anchors."""
        present = self.any_anchors.intersection(forms)
        if not present and not self.any_always:
            return []
        ks = set(self.any_always)
        for f in present:
            ks.update(self.any_by_anchor[f])
        return sorted(ks)

    def may_match(self, present: frozenset[str]) -> bool:
        """A cheap set test before the positional scan: most patterns fail here."""
        for n in self.need_all:
            if n.isdisjoint(present):
                return False
        return self.need_any is None or not self.need_any.isdisjoint(present)


def _compile_pattern(p: Pattern) -> CompiledPattern:
    all_ = tuple(compile_element(e) for e in p.all)
    any_ = tuple(compile_element(e) for e in p.any)
    none = ElementIndex([compile_element(e) for e in p.none])
    need_all = tuple(n for n in map(first_forms, all_) if n is not None)
    need_any = [first_forms(e) for e in any_]
    # one `any` element matches if it may: it needs the first forms of one of them, unless one starts with a prefix
    union = frozenset().union(*need_any) if need_any and all(n is not None for n in need_any) else None  # type: ignore[arg-type]
    by_anchor: dict[str, list[int]] = {}
    for k, el in enumerate(any_):
        for f in el.anchors or ():
            by_anchor.setdefault(f, []).append(k)
    always = tuple(k for k, el in enumerate(any_) if el.anchors is None)
    return CompiledPattern(
        all_, any_, none, need_all, union, {f: tuple(ks) for f, ks in by_anchor.items()}, frozenset(by_anchor), always
    )


class _Analysis(NamedTuple):
    """What a finding's shape was found to name, the deficiencies vetoed when none is left (see _vetoed), and those
    a reading of the whole line set aside (see SetAside)."""

    hits: tuple[_Hit, ...]
    left_out: tuple[Outvoted, ...] = ()
    set_aside: tuple[SetAside, ...] = ()


class _Hit(NamedTuple):
    deficiency: str
    source: RecognitionSource
    pattern: int
    matches: tuple[Match, ...]
    state: FindingState | None
    part: int  # the part of the finding a concept matched in; -1 for the whole finding
    places: tuple[Place, ...] = ()
    values: tuple[tuple[str, float], ...] = ()
    at: tuple[int, ...] = ()  # a pattern hit: positions in the finding of what it is about
    close: tuple[Close, ...] = ()  # a similarity hit: the phrasings that voted for it
    words: tuple[int, ...] = ()  # positions in the finding of every word its pattern or object matched
    echoes: tuple[str, ...] = ()  # deficiencies dropped because their words only echo this hit's (see _echoes)
    outvoted: tuple[Outvoted, ...] = ()  # deficiencies dropped because phrasings of their place name this one


@dataclass(frozen=True)
class Tokens:
    surface: tuple[str, ...]
    lemma_sets: tuple[frozenset[str], ...]
    spans: tuple[tuple[int, int], ...] = ()  # character span of each word in the text
    breaks: frozenset[int] = frozenset()  # the words a comma or «;» stands before (see Lemmas)
    _indexed: dict[tuple[int, int], Lemmas] = field(default_factory=dict, compare=False, repr=False)
    _said: dict[tuple[int, int], PartSignal] = field(default_factory=dict, compare=False, repr=False)  # see _signal
    _ignored: list[set[int]] = field(default_factory=list, compare=False, repr=False)  # see _stands: read once
    _clause_of: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False, repr=False)  # see _said_clauses

    def _range(self, start: int, end: int) -> slice:
        return slice(bisect.bisect_left(self.spans, (start, -1)), bisect.bisect_left(self.spans, (end, -1)))

    def lemmas(self, start: int = 0, end: int | None = None) -> Lemmas:
        """The lemmas of the words inside the character range [start, end) of the text, indexed once per range
        of words (a part that is the whole finding shares the finding's)."""
        words = slice(0, len(self.lemma_sets)) if start == 0 and end is None else self._range(start, end if end is not None else 1 << 30)
        key = (words.start, words.stop)
        got = self._indexed.get(key)
        if got is None:
            breaks = frozenset(i - words.start for i in self.breaks if words.start < i < words.stop)
            got = self._indexed[key] = Lemmas(self.lemma_sets[words], breaks)
        return got

    def words_in(self, start: int, end: int) -> tuple[str, ...]:
        return self.surface[self._range(start, end)]


class Recognizer:
    """Compiled patterns of one catalog. Pure: same finding text → same recognitions."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.patterns = {d.id: [_compile_pattern(p) for p in d.patterns] for d in catalog.deficiencies}
        self.cues = ElementIndex([compile_element(c) for c in catalog.settings.cues])
        pl = catalog.settings.places
        self.place_elements: dict[Place, ElementIndex] = {
            "site": ElementIndex([compile_element(w) for w in pl.site.words]),
            "stand": ElementIndex([compile_element(w) for w in pl.stand.words]),
        }
        self.concepts = Concepts(catalog)
        # the words that tell a deficiency's indicator apart by its place or people («вахта», «по телефону»)
        self._with_of = {c.deficiency: c.with_ for c in self.concepts.compiled if c.with_}
        self._without_of = {c.deficiency: c.without for c in self.concepts.compiled if c.without}
        signals = catalog.settings.signals
        self._contrast = frozenset(fold(w) for w in (signals.contrast if signals else []))
        self.present = ElementIndex([compile_element(w) for w in (signals.present if signals else [])])
        self._where = frozenset(fold(w) for w in (signals.where if signals else [])) | frozenset(
            normal_form(fold(w)) for w in (signals.where if signals else [])
        )
        self._where_nouns = self._where - PREPOSITIONS - {"и"}  # «корпус 2», not «на 71 %»
        # an inspector's cut → the words it stands for, read as its lemmas too (see tokens)
        self._cuts = {fold(k): frozenset(fold(w) for w in v) for k, v in (signals.cuts if signals else {}).items()}
        vocab: set[str] = {f for f in self.concepts.words() if len(f) >= TYPO_MIN_LEN and "-" not in f}
        for pats in self.patterns.values():
            for cp in pats:
                for el in cp.all + cp.any:
                    for phrase in el.alternatives:
                        for spec in phrase:
                            vocab.update(f for f in spec.forms if len(f) >= TYPO_MIN_LEN and "-" not in f)
        self.vocabulary = sorted(vocab)
        # numbers the catalog's words name («ошибка 404», «знак 6.4»): a finding's shape keeps them
        self._catalog_numbers = frozenset(
            f for el in self._all_elements() for phrase in el.alternatives for spec in phrase for f in spec.forms if f.isdigit()
        )
        # typo candidates by (first letter, length): a word is compared with words 2 letters shorter to 2 longer
        self._near: dict[tuple[str, int], list[str]] = {}
        for w in self.vocabulary:
            for n in range(len(w) - 2, len(w) + 3):
                self._near.setdefault((w[0], n), []).append(w)
        # the pattern index: each pattern by what it needs (the least common words of one of its `all` elements, or
        # of every `any`), numbered in catalog order so a deficiency's patterns are tried in their order
        common: dict[str, int] = {}  # how many of the patterns' words use each word form
        for pats in self.patterns.values():
            for cp in pats:
                for el in (*cp.all, *cp.any):
                    for f in {f for phrase in el.alternatives for spec in phrase for f in spec.forms}:
                        common[f] = common.get(f, 0) + 1
        self._pattern_of: list[tuple[Deficiency, int, CompiledPattern]] = []
        self._pattern_index = KeyIndex()
        for d in catalog.deficiencies:
            for k, cp in enumerate(self.patterns[d.id]):
                keys = [ks for ks in (index_keys(el, common) for el in cp.all) if ks]
                key = min(keys, key=lambda ks: sum(common.get(f, 0) for f in ks)) if keys else None
                any_keys = [index_keys(el, common) for el in cp.any]
                if key is None and any_keys and all(ks is not None for ks in any_keys):
                    key = set().union(*(ks for ks in any_keys if ks is not None))
                self._pattern_index.add(len(self._pattern_of), key)
                self._pattern_of.append((d, k, cp))
        # how many deficiencies use each word form: above a share of them a word names a kind of thing
        used: dict[str, set[str]] = {}
        for d in catalog.deficiencies:
            els = [el for cp in self.patterns[d.id] for el in (*cp.all, *cp.any)]
            els += [el for c in self.concepts.compiled if c.deficiency == d.id for el in c.objects]
            for el in els:
                for phrase in el.alternatives:
                    for spec in phrase:
                        for f in spec.forms:
                            used.setdefault(f, set()).add(d.id)
        self._generality = {f: len(ds) for f, ds in used.items()}
        given = signals or Signals()
        self._generic = given.generic_share / 100 * len(catalog.deficiencies)
        # the words that name each deficiency's own thing: a one-word `all` alternative of its patterns that its
        # concept's objects name too («стакан», «кулер»), not a word many deficiencies use nor a negative adverb
        self._thing_words = {
            d.id: frozenset(
                f
                for cp in self.patterns[d.id]
                for el in cp.all
                for phrase in el.alternatives
                if len(phrase) == 1
                for f in phrase[0].forms
                if self._generality.get(f, 0) <= self._generic and f not in NOWHERE
            )
            & frozenset(f for c in self.concepts.compiled if c.deficiency == d.id for el in c.objects for phrase in el.alternatives for spec in phrase for f in spec.forms)
            for d in catalog.deficiencies
        }
        self._thing_of: dict[str, set[str]] = {}  # a thing word → the deficiencies it names
        for did, forms_ in self._thing_words.items():
            for f in forms_:
                self._thing_of.setdefault(f, set()).add(did)
        self._rank = {d.id: k for k, d in enumerate(catalog.deficiencies)}
        # the deficiencies a wait in the norm answers
        self._waited = frozenset(d.id for d in catalog.deficiencies if d.indicator == given.waiting_indicator)
        self._results: dict[str, str] = {i.id: i.result for c in catalog.criteria for i in c.indicators if i.result is not None}
        # the low satisfaction of each survey indicator: a share of those satisfied at the floor or above names none
        self._survey_results = frozenset(i.result for c in catalog.criteria for i in c.indicators if i.source == "survey" and i.result)
        # the survey indicators by number («4.3»): a count of those satisfied after one is its value (_values_given)
        self._surveyed = frozenset(i.id for c in catalog.criteria for i in c.indicators if i.source == "survey")
        # each indicator with a result by the content words of its official title, for a finding that quotes it
        self._indicator_titles = [
            (i.id, frozenset(normal_form(w) for w in words(i.title) if len(w) > 3))
            for c in catalog.criteria
            for i in c.indicators
            if i.result is not None
        ]
        self._done = ElementIndex([compile_element(w) for w in (signals.done if signals else [])])  # see _says_there
        self._fixes = frozenset(fold(w) for w in (signals.done if signals else []) if " " not in w)  # see _read_future
        # the word forms of each means of contact (`channel: true`): its concept's objects, where a hit names it
        self._channels: dict[str, frozenset[str]] = {
            d.id: frozenset(
                f
                for el in (compile_element(o) for o in d.concept.objects)
                for phrase in el.alternatives
                for spec in phrase
                for f in spec.forms
                if f not in PREPOSITIONS
            )
            for d in catalog.deficiencies
            if d.channel and d.concept is not None
        }
        self._checklist: dict[str, list[str]] = {}
        self._item_indicator = {d.id: d.indicator for d in catalog.deficiencies if d.checklist}  # of checklist items
        for d in catalog.deficiencies:
            for item in d.checklist:
                self._checklist.setdefault(item, []).append(d.id)
        self._suggestions_ready = False  # built on the first unrecognised line: most plans never need them
        self._vocabulary_set = frozenset(self.vocabulary)
        self._plain_forms: dict[str, str] = {}  # a known word → the feature it gives ("" for a number or a mask)
        self._similarity: Similarity | None = None  # built on the first line patterns and concepts leave alone
        self._analyse = lru_cache(maxsize=50_000)(self._analyse_uncached)
        # masked lines and their pieces repeat far more than lines do («кабинет 0», «ул. Ааа»): each is cut once
        self._unplaced = lru_cache(maxsize=20_000)(self._without_whereabouts)
        self._is_whereabouts = lru_cache(maxsize=20_000)(self._whereabouts)

    # -- tokens

    @lru_cache(maxsize=200_000)  # noqa: B019 - one Recognizer per loaded catalog: the vocabulary is its own
    def _token(self, word: str, typo: bool = True) -> frozenset[str]:
        """A word's lemmas; an unknown word (a typo candidate) also gets the closest catalog word, looked for
        only among words of about its length that start with the same letter, where typos rarely fall."""
        if not typo and not is_known(word) and not self._begins_catalog_word(word):
            return frozenset({word})  # a name the dictionary does not know: guessing its lemmas is slow and useless
        forms = set(lemmas(word))
        number = numerals(word).strip()
        if number.isdigit():
            forms.add(number)  # «семерых» is also «7»: a pattern that asks for a number («в целом 7*») finds it
        if "-" in word:
            for part in word.split("-"):
                if part:
                    forms |= lemmas(part)
        if typo and len(word) >= ABBREVIATION_MIN_LEN and not is_known(word):
            # «своб. мест», «альтерн. версия», «слабовид»: a cut word stands for the catalog words it begins
            lo = bisect.bisect_left(self.vocabulary, word)
            starts = list(itertools.takewhile(lambda v: v.startswith(word), self.vocabulary[lo : lo + ABBREVIATION_MAX + 1]))
            if 0 < len(starts) <= ABBREVIATION_MAX:
                forms.update(starts)
        parts_known = "-" in word and all(is_known(part) for part in word.split("-") if part)
        if typo and len(word) >= TYPO_MIN_LEN and not is_known(word) and not parts_known:  # «дом-интернат» is no typo
            # an inflected typo («пандсуа») is compared by its stem too: the vocabulary holds dictionary forms
            stems = {word[:-k] for k in TYPO_ENDINGS if len(word) - k >= TYPO_STEM_MIN_LEN}
            for probe in sorted(forms | stems):
                near = self._near.get((probe[0], len(probe)))
                if near:
                    hit = process.extractOne(probe, near, scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF)
                    if hit:
                        forms.add(hit[0])
        return frozenset(forms)

    def _begins_catalog_word(self, word: str) -> bool:
        """Does a catalog word start like this one («Брайля» — «брайль»)? Such a capitalised word is lemmatised."""
        stem = word[:5]
        i = bisect.bisect_left(self.vocabulary, stem)
        return i < len(self.vocabulary) and self.vocabulary[i].startswith(stem)

    def tokens(self, text: str) -> Tokens:
        """The words of a text with their lemmas. A capitalised word inside the text («с. Ивановка»,
        «ул. Ленина») is a name, never a typo of a catalog word: it is not matched to the vocabulary. An inspector's
        cut (`signals.cuts`) has the lemmas of the words it stands for as well."""
        folded = fold(text)
        spans = tuple(m.span() for m in WORD_RE.finditer(folded))
        surface = tuple(folded[a:b] for a, b in spans)
        token = self._token
        # (a word with no capital is no name: most words are told at this test)
        lemma_sets = tuple(
            token(w, True) if w == text[a:b] else token(w, not _is_name(text, a, b)) for w, (a, b) in zip(surface, spans, strict=True)
        )
        if len(surface) > 1:
            lemma_sets = self._split_words(folded, surface, spans, lemma_sets)
        cuts = self._cuts
        if cuts and not cuts.keys().isdisjoint(surface):
            # «мед. обслуж.», «туалет для инв»: a cut before a dot, or one the dictionary does not know, is its words too
            lemma_sets = tuple(
                forms | cuts[w] if w in cuts and (folded[b : b + 1] == "." or not is_known(w)) else forms
                for w, forms, (_, b) in zip(surface, lemma_sets, spans, strict=True)
            )
        return Tokens(surface, lemma_sets, spans, _breaks(folded, spans))

    def _split_words(
        self, folded: str, surface: tuple[str, ...], spans: tuple[tuple[int, int], ...], lemma_sets: tuple[frozenset[str], ...]
    ) -> tuple[frozenset[str], ...]:
        """«пан дус», «пан дуса»: a word that voice typing split in two, one half no dictionary word, is read as the
        catalog word the two halves make, each half taking its lemmas (two dictionary words, «в ходе», stay apart)."""
        # (the half that is no word is short: «дус», «ки»; a long unknown word is a typo or a name)
        unknown = [k for k, w in enumerate(surface) if len(w) <= SPLIT_HALF_MAX and w.isalpha() and not is_known(w)]
        if not unknown:
            return lemma_sets  # most lines: every word a dictionary word
        out = list(lemma_sets)
        for k in sorted({j for i in unknown for j in (i - 1, i) if 0 <= j < len(surface) - 1}):
            a, b = surface[k], surface[k + 1]
            if spans[k][1] + 1 != spans[k + 1][0] or folded[spans[k][1]] != " " or not (a.isalpha() and b.isalpha()):
                continue
            if not is_known(a + b):
                continue
            whole = self._token(a + b, False)
            if not whole.isdisjoint(self._vocabulary_set):
                out[k] |= whole
                out[k + 1] |= whole
        return tuple(out)

    def cues_in(self, toks: Tokens) -> list[str]:
        """The cue words (catalog.yaml) present in the tokens."""
        return [c.source for c in self.cues if self._stands(c, toks) is not None]

    def _stands(self, el: Element, toks: Tokens) -> list[int] | None:
        """Where a cue or a word of a pattern's `any` first stands in the finding. A bare «не» of an `ignore`
        phrase («не старше трёх лет», «не дольше 15 минут») does not count: it denies nothing."""
        if el.word != ("не",):
            return find_element(el, toks.lemmas())
        return next(iter(self._standing(el, toks)), None)

    def _standing(self, el: Element, toks: Tokens) -> list[list[int]]:
        """Every place a cue or a word of a pattern's `any` stands, but a bare «не» of an `ignore` phrase."""
        lem = toks.lemmas()
        if el.word != ("не",):
            return find_all(el, lem)
        if not toks._ignored:
            toks._ignored.append(self.concepts.ignored(lem))
        return [p for p in find_all(el, lem) if p[0] not in toks._ignored[0]]

    def _has_cue(self, toks: Tokens) -> bool:
        """Does any cue stand in the finding (`_stands`)? Most lines with no problem have none at all."""
        lem = toks.lemmas()
        if not self.cues.found(lem):
            return False
        return "не" not in lem.forms or any(self._stands(self.cues.elements[k], toks) is not None for k in self.cues.candidates(lem))

    # -- recognition

    def _match_pattern(
        self, cp: CompiledPattern, toks: Tokens, veto: bool = True
    ) -> tuple[list[Match], list[int], list[int]] | None:
        """The matched words (in the whole finding), the positions of what the pattern is about (its `all` words,
        else its `any`), and the positions of every word it matched; `veto=False` leaves the `none` words out of it."""
        ls = toks.lemmas()
        hit: list[tuple[Element, list[int]]] = []
        for el in cp.all:
            pos = find_element(el, ls)
            if pos is None:
                return None
            hit.append((el, pos))
        about = [i for _, p in hit for i in p]
        if cp.any:
            n = len(hit)
            for k in cp.any_present(ls.forms):  # most are out: their anchors are not in the text
                el = cp.any[k]
                pos = self._stands(el, toks)
                if pos is not None:
                    hit.append((el, pos))
            if len(hit) == n:
                return None
            if about:
                # what it is about stands nearest its other words: in «лицензии на сайте нет, стенд не обновлялся»
                # the stand is the one not updated
                told = [i for _, p in hit[n:] for i in p]
                for k in range(n):
                    places = find_all(hit[k][0], ls)
                    if len(places) > 1:
                        hit[k] = (hit[k][0], min(places, key=lambda p: min(abs(p[0] - i) for i in told)))
                about = [i for _, p in hit[:n] for i in p]
            else:
                about = [i for _, p in hit for i in p]
        if veto and cp.none.found(ls):
            return None
        surface = toks.surface
        every = [i for _, p in hit for i in p]
        return [Match(element=el.source, words=[surface[i] for i in p]) for el, p in hit], about, every

    def _analyse_uncached(self, text: str) -> _Analysis:
        """Curator patterns over the whole finding (a cue word required), concepts part by part; a deficiency
        found both ways keeps the pattern's words and the concept's state; then `unless` drops the general ones."""
        toks = self.tokens(text)
        lem = toks.lemmas()
        hits: dict[str, _Hit] = {}
        held: dict[str, list[tuple[int, tuple[list[Match], list[int], list[int]], CompiledPattern]]] = {}
        has_cue = self._has_cue(toks)
        present = lem.forms
        digit = DIGIT_RE.search(numerals(text)) is not None  # (an indicator's value or a share needs one)
        heading: list[range] = []  # the unit a finding opens with, worked out once a `none` word is found

        def pattern_hit(did: str, k: int, m: tuple[list[Match], list[int], list[int]]) -> _Hit:
            return _Hit(did, "pattern", k, tuple(m[0]), None, -1, at=tuple(m[1]), words=tuple(m[2]))

        def value_met(words: Sequence[int]) -> bool:
            return digit and self._value_met(text, toks, words)

        for n in self._pattern_index.candidates(lem):
            d, k, cp = self._pattern_of[n]
            if d.id in hits or d.cue and not has_cue or not cp.may_match(present):
                continue
            m = self._match_pattern(cp, toks, veto=False)  # (matched once; its `none` words are asked next)
            if m is not None and cp.none.found(lem) and not self._only_in_heading(text, toks, cp.none.positions(lem), heading):
                if "," in text or LISTED_RE.search(text):
                    held.setdefault(d.id, []).append((k, m, cp))  # its `none` word may be said of another thing
                continue
            if m is not None and not value_met(m[2]):
                hits[d.id] = pattern_hit(d.id, k, m)
        parts, seen, signals = self._part_signals(text, toks)
        if _clear_line(text, parts, signals) or self._all_satisfied(text, signals):
            return _Analysis(())  # the line says nothing is wrong: «замечаний нет», «соответствует требованиям»
        set_aside: dict[str, SetAside] = {}  # what a reading of the whole line sets aside, for explain

        def drop(step: Callable[[], object], reason: SetAsideReason) -> None:
            before = list(hits)
            step()
            for did in before:
                if did not in hits:
                    set_aside.setdefault(did, SetAside(deficiency=did, reason=reason))

        if any(sg.clear for sg in signals):
            # a pattern whose words all stand in parts that say nothing is wrong: «тарифы утверждены; жалоб на размер
            # платы нет»
            # so do the items of a list whose lead says it was put right: «замечания устранены: размещены тарифы, …»
            # and a heading the remark after its colon is given on: «Показатели доброжелательности …: замечаний нет»
            calm = [
                toks._range(*span)
                for n, (span, sg) in enumerate(zip(parts, signals, strict=True))
                if sg.clear or self._put_right(text, toks, span, sg) or _heads_clear(text, parts, signals, n)
            ]
            calmed = [did for did, h in hits.items() if all(any(r.start <= i < r.stop for r in calm) for i in h.words)]

            def calm_down() -> None:
                for did in calmed:
                    del hits[did]

            drop(calm_down, "said_clear")
        borrowed: set[str] = set()  # concepts found in a part by a `with` word of another part (see Concepts.match)
        for n, (plem, surface, _) in enumerate(seen):
            if _heads_clear(text, parts, signals, n):
                continue  # «Показатели доброжелательности …: замечаний нет» names what has no remark
            pieces = self._clauses(text, toks, parts[n], ASPECT_RE) if signals[n].survey else ()
            found = self.concepts.match(
                plem, surface, signals[n], n, clauses=self._clauses(text, toks, parts[n]), context=lem, aspects=pieces
            )
            offset = toks._range(*parts[n]).start  # concept positions are the part's; the finding's are wanted
            own_found = bool(found)
            flaw = self._flaw_of_present(text, toks, parts, signals, n) if not found else None
            if not found and not signals[n].clear and (signals[n].problem or signals[n].survey or flaw is not None):
                # «пандус есть, но слишком крутой», «НЕТ: эл. приёмной, анкеты»: a part that only says what is
                # wrong names the thing of a neighbouring part that says nothing is wrong
                for j in (n - 1, n + 1):
                    if 0 <= j < len(parts) and not (signals[j].problem or signals[j].survey):
                        a, b = min(parts[n][0], parts[j][0]), max(parts[n][1], parts[j][1])
                        sig = flaw if flaw is not None and j == n - 1 else signals[n]
                        found = self.concepts.match(toks.lemmas(a, b), toks.words_in(a, b), sig, n, near=False)
                        if found:
                            offset = toks._range(a, b).start
                            break
            if not found and not (signals[n].problem or signals[n].survey or signals[n].clear):
                lead = self._lead(text, toks, parts[n][0])
                if lead is not None and not any(map(is_predicate, surface)):
                    clauses = self._clauses(text, toks, parts[n])  # each item of the list is governed by the lead
                    found = self.concepts.match(plem, surface, lead, n, near=False, clauses=clauses)
            batches = [(found, offset)]
            placed = own_found and n > 0 and all(ch.at and _after_preposition(surface, ch.at[0]) for ch in found)
            if placed and self._flaw_of_present(text, toks, parts, signals, n) is not None:
                # «паспорт доступности разработан, однако на стенде отсутствует»: the flaw names only where the thing
                # the part before says is there is missing; it is that thing's flaw, with the flaw's own state
                a, b = parts[n - 1]
                lent = self.concepts.match(toks.lemmas(a, b), toks.words_in(a, b), signals[n], n, near=False)
                if lent:
                    batches = [(lent, toks._range(a, b).start)]
            elif own_found and n > 0 and signals[n].problem and signals[n].state not in (None, "absent") and self._free_flaw(text, toks, parts[n], signals[n], found):
                # «пандус есть, но покрытие скользкое, перил нет»: the flaw names a thing of its own, and a problem it
                # tells in an item with no thing of its own is said of the thing the part before says is there
                flaw = self._flaw_of_present(text, toks, parts, signals, n)
                if flaw is not None:
                    a, b = parts[n - 1]
                    mine = {ch.deficiency for ch in found}
                    lent = [ch for ch in self.concepts.match(toks.lemmas(a, b), toks.words_in(a, b), flaw, n, near=False) if ch.deficiency not in mine]
                    batches.append((lent, toks._range(a, b).start))
            for ch, offset in ((ch, off) for batch, off in batches for ch in batch):
                old = hits.get(ch.deficiency)
                at = tuple(offset + i for i in ch.at)
                if old is None and digit and self._value_met(text, toks, at):
                    continue  # «показатель 5.1 — 99 баллов»: the indicator is met
                if old is None or ch.deficiency in borrowed and not ch.lent:
                    # «на стенде нет лицензии, а тарифы прошлогодние»: the part with its own `with` word tells
                    # which object the concept is about
                    hits[ch.deficiency] = _Hit(ch.deficiency, "concept", -1, ch.matches, ch.state, n, words=at)
                    if ch.lent:
                        borrowed.add(ch.deficiency)
                    else:
                        borrowed.discard(ch.deficiency)
                elif old.part < 0:
                    hits[ch.deficiency] = old._replace(state=ch.state, part=n, words=tuple(sorted({*old.words, *at})))
        whole: list[PartSignal] = []  # the whole finding's signal, read once if a pattern hit needs it

        def whole_signal() -> PartSignal:
            if not whole:
                # (the span of the whole text holds every word, unless folding lengthened the text: «İ»)
                every = not toks.spans or toks.spans[-1][0] < len(text)
                whole.append(self._signal(text, toks, 0, len(text)) if every else self.concepts.signal(lem, toks.surface, fold(text)))
            return whole[0]

        for did, tried in held.items():
            if did in hits:
                continue
            telling = not self.catalog.deficiency(did).cue  # (its words tell its problem: «грубят», «некомфортно»)
            with_ = self._with_of.get(did)
            # each held pattern read as it matched, and then (its words telling its problem) in each clause alone
            alone = next(
                (
                    (k, r)
                    for k, m, cp in tried
                    # (not the words of its problem: «свысока» may tell 4.2 apart as well)
                    for where in (with_.positions(lem) - {i for p in find_all(cp.all[0], lem) for i in p} if telling and with_ and cp.all else set(),)
                    for r in (m, *(self._clause_readings(text, toks, lem, cp, m[2]) if telling else ()))
                    if self._held_back(text, toks, lem, cp, r[2], hits, whole_signal, telling, r is not m, where) and not value_met(r[2])
                ),
                None,
            ) if "," in text else None
            if alone is not None:
                hits[did] = pattern_hit(did, *alone)
                continue
            # any of its patterns may name one item of a list whose other item is its `none` word's thing
            listed = next(
                ((k, m) for k, m, cp in tried if self._listed_apart(text, toks, cp.none.positions(lem), m[2], hits) and not value_met(m[2])), None
            )
            if listed is not None:
                hits[did] = pattern_hit(did, *listed)
        numbered: set[str] = set()  # deficiencies a number names: the phrasings, blind to numbers, do not judge them
        results: set[str] = set()  # those an indicator's value names: each is its own indicator's result
        for did, value in self._indicator_results(text, lem):  # beside what the words name: «5.1 и 5.3 — 82 и 80»
            hits[did] = hits.get(did) or _Hit(did, "concept", -1, (Match(element=f"показатель {value}", words=[value]),), None, -1)
            numbered.add(did)
            results.add(did)
        rows = self._titled_rows(text, lem) if digit and hits else []
        for did, (a, b), given in rows:
            # «4.1 Доля получателей, удовлетворённых вежливостью …; 79,0»: the words of an indicator's title in its row
            # name the indicator, whose value alone tells whether anything is wrong
            for other in [o for o, h in hits.items() if o not in results and h.words and all(a <= toks.spans[i][0] < b for i in h.words)]:
                del hits[other]
            if given < self.concepts.satisfied and did not in hits:
                hits[did] = _Hit(did, "concept", -1, (Match(element=f"показатель {given:g}", words=[text[a:b]]),), None, -1)
                numbered.add(did)
                results.add(did)
        met = bool(rows) and not hits and all(value >= self.concepts.satisfied for *_, value in rows)  # nothing else is said
        if any(sg.problem and not sg.clear for sg in signals):
            # checklists are numbered differently from region to region and year to year: where a finding names one
            # item by its number and its words name another item of the same indicator, the words say which item is
            # meant («1.1.5 / тарифы на сайте — нет»); a list of numbers, or words of no item, leave the numbers be
            by_number = self._checklist_items(text)
            worded = {
                self._item_indicator[did]
                for did, h in hits.items()
                if did not in numbered and did in self._item_indicator and _worded(toks, h.words)
            } if by_number else set()  # (most findings name no item: nothing to weigh)
            single = len({words for _, words in by_number}) == 1
            for did, words in by_number:
                if did in hits or not single or self._item_indicator[did] not in worded:
                    hits.setdefault(did, _Hit(did, "concept", -1, (Match(element=f"пункт {words}", words=[words]),), None, -1))
                    numbered.add(did)
        # what the labelled phrasings clearly contradict is left out: the line may then go to them as a whole
        vetoed = self._vetoed(hits, text, toks, parts, signals, numbered) if hits else {}
        vetoed.update(self._doubted(hits, text, toks, parts, signals, numbered))
        for did in vetoed:
            del hits[did]
        modelled: dict[str, _Hit] | None = None  # the model stage's answer, once asked
        # a survey word alone («анкета», «опрошенные») with no one dissatisfied and no number says nothing is wrong
        if not hits and not met and (has_cue or any(sg.problem or sg.survey and (sg.short or DIGIT_RE.search(text)) for sg in signals)):
            hits = self._similar_hits(text)
            doubted = self._doubted(hits, text, toks, parts, signals, numbered)  # the model's second opinion, as above
            for did in doubted:
                del hits[did]
            if hits:  # (the model's own answer, asked once: it may overrule the phrasings and then stand instead)
                modelled = self._modelled_hits(text, toks, signals)
                overruled = self._overruled(hits, modelled, text, toks)
                for did in overruled:
                    del hits[did]
                doubted.update(overruled)
            vetoed.update(doubted)
        if not hits and not met:
            hits = self._modelled_hits(text, toks, signals, overruled=bool(vetoed)) if modelled is None else modelled
        hits.update(self._clause_hits(text, toks, hits))
        if len(hits) > 1:
            drop(lambda: _drop_told_of_before(text, toks, hits), "told_before")
        aspects = self._aspects(text, toks) if hits and digit else None  # (a share has a digit)
        under_topic: set[str] = set()  # the deficiencies of items read under the line's topic: no phrasing outvotes them
        if aspects is not None:
            for did, h in self._aspects_under_topic(text, toks, aspects, hits).items():
                hits.setdefault(did, h)
                under_topic.add(did)
            drop(lambda: self._drop_satisfied_aspects(toks, aspects, hits), "aspect_satisfied")
        for did in [did for did in hits if did in self._channels]:
            others = {i for o, h in hits.items() if o != did for i in (*h.at, *h.words)}
            if not self._channel_said(hits[did], text, toks, parts, signals, others):
                drop(lambda: hits.pop(did), "channel_not_said")  # noqa: B023 - called at once
        if len(hits) > 1:
            drop(lambda: self._drop_things_there(text, toks, parts, signals, hits), "thing_there")
        if len(hits) > 1 and ONLY_LIST_RE.search(text):
            drop(lambda: _drop_the_only_ones(text, toks, hits), "only_ones")
        if not self._waited.isdisjoint(hits):
            drop(lambda: self._drop_waits_in_norm(text, toks, hits), "wait_in_norm")
        line = whole_signal() if any(h.part < 0 for h in hits.values()) else None
        named: dict[tuple[int, int], tuple[Place, ...]] = {}  # places by span, each worked out once
        percent: list[float | None] = []  # the finding's percentage, read once a deficiency with a value asks

        def places_in(span: tuple[int, int]) -> tuple[Place, ...]:
            if span not in named:
                named[span] = self._places(text, toks, span)
            return named[span]

        kept: dict[str, _Hit] = {}
        shared = _shared_words(hits) if aspects is not None else frozenset()  # a survey topic told once for its aspects
        items = self._list_items(text, toks) if len(hits) > 1 and ":" in text else None
        details = len(hits) > 1 and any(u in hits for did in hits for u in self.catalog.deficiency(did).unless)
        told = self._told_clauses(text, toks) if details else None
        # (a negation tells no topic: «Сайт не адаптирован под смартфон, раздела FAQ нет» — the FAQ's «не» of the
        # first clause puts it in no clause of the site's; the words matter only where a hit may be another's detail)
        topical = {did: h._replace(words=_topical(toks, h.words)) for did, h in hits.items()} if details else hits
        for did in sorted(hits, key=self._rank.__getitem__):  # in catalog order
            h = hits[did]
            d = self.catalog.deficiency(did)
            if not self._kept(did, topical, {}, items, results, told):
                of = next((u for u in d.unless if u in hits), None)
                set_aside.setdefault(did, SetAside(deficiency=did, reason="detail", of=of))
                continue
            places: tuple[Place, ...] = ()
            if d.places:  # the places named matter only to a deficiency that has places
                span = parts[h.part] if h.part >= 0 else (0, len(text))
                said = places_in(span) or places_in((0, len(text)))
                if said and not set(said) & set(d.places):
                    set_aside.setdefault(did, SetAside(deficiency=did, reason="other_place"))
                    continue  # a site-only deficiency where the finding speaks of the stand only (or the reverse)
                places = _places_for(d, said)
            values: tuple[tuple[str, float], ...] = ()
            if d.value:
                if not percent:
                    percent.append(self._percent(text))
                own = aspects.share_of(toks, h, shared) if aspects is not None and percent[0] is not None else None
                share = own if own is not None else percent[0]
                values = ((d.value, share),) if share is not None else ()
                if did in self._survey_results and share is not None and share >= self.concepts.satisfied and not self.concepts.reports_short(text) and not any(sg.problem and not only_counts_asked(sg.words) for sg in signals):
                    # «оценили положительно 152 человека из 160 (95 %)»: the indicator is met, and the line says
                    # nothing is wrong («98 % жалуются на очереди» does; «двое из 60 недовольны» only counts those
                    # the share leaves out)
                    set_aside.setdefault(did, SetAside(deficiency=did, reason="aspect_satisfied"))
                    continue
            state = h.state if h.part >= 0 or line is None else line.state_near(h.at) if h.at else line.state
            kept[d.id] = h._replace(places=places, values=values, state=state)
        echoes = self._echoes(kept, text, toks, parts, signals) if len(kept) > 1 else {}
        rest = {did: h for did, h in kept.items() if did not in echoes}
        outvoted = self._outvoted(rest, text, toks, parts, signals, under_topic) if len(rest) > 1 else {}
        left = [did for did in rest if did not in outvoted]
        # a vetoed deficiency is named by the first deficiency that stays, or by the line when none does
        reasons = {did: tuple(why for a, why in outvoted.values() if a == did) for did in left}
        if left and vetoed:
            reasons[left[0]] += tuple(vetoed.values())
        return _Analysis(
            tuple(rest[did]._replace(echoes=tuple(b for b, a in echoes.items() if a == did), outvoted=reasons[did]) for did in left),
            () if left else tuple(vetoed.values()),
            tuple(a for did, a in sorted(set_aside.items(), key=lambda x: self._rank[x[0]]) if did not in left),
        )

    def _echoes(
        self, hits: Mapping[str, _Hit], text: str, toks: Tokens, parts: list[tuple[int, int]], signals: list[PartSignal]
    ) -> dict[str, str]:
        """Hits that only echo a word of another hit, each with the kept hit it echoes. B echoes A when every word
        B adds to what both matched (problem words aside) hangs on a word of A's own: «телефоны структурных
        подразделений» is about telephones, «рубрика вопросов и ответов по порядку зачисления» about the FAQ,
        «электронная почта для обращений» about e-mail. What B adds to a word both share is B's own reading of
        it («график работы» beside «график посещений»); items of an enumeration («нет пандуса и поручней») hang
        on nothing; a word many deficiencies use («информация о размере платы») carries nothing either."""
        said = self._said(toks, parts, signals)
        own = {did: frozenset(h.words) - said for did, h in hits.items()}
        tails: dict[frozenset[int], set[int]] = {}

        def tail(words: frozenset[int]) -> set[int]:
            if words not in tails:
                tails[words] = self._tail(self._specific(words, toks), text, toks, said)
            return tails[words]

        found: dict[str, str] = {}
        for b, mine in own.items():
            for a, theirs in own.items():
                extra = mine - theirs
                if a != b and extra and extra <= tail(theirs - mine) and not theirs <= mine | tail(mine):
                    found[b] = a
                    break
        out = {}
        for b, a in found.items():
            seen = {b}
            while a in found and a not in seen:  # echo of an echo: name the hit that stays
                seen.add(a)
                a = found[a]
            if a not in found:
                out[b] = a
        return out

    def _said(self, toks: Tokens, parts: list[tuple[int, int]], signals: list[PartSignal]) -> set[int]:
        """The positions of the words that say something is wrong (cue words and problem signals), not what."""
        said = self.cues.positions(toks.lemmas())
        for span, sg in zip(parts, signals, strict=True):
            start = toks._range(*span).start
            said.update(start + i for spot in sg.spots for i in spot if i >= 0)
        return said

    def _outvoted(
        self,
        hits: Mapping[str, _Hit],
        text: str,
        toks: Tokens,
        parts: list[tuple[int, int]],
        signals: list[PartSignal],
        under_topic: Collection[str] = (),
    ) -> dict[str, tuple[str, Outvoted]]:
        """Hits the labelled phrasings give to another hit of the finding, each with the hit kept and the reason.
        B is outvoted by A when every place of the words B has and A has not (a clause: between punctuation, «и»,
        «или», «а», «но»; problem, survey and number words aside; words many deficiencies use too, if B has
        others) is close to labelled phrasings (similarity.yaml, `contest`) that give B at most `max_own` of their
        vote and A at least `min_rival`: «указан телефон вышестоящей организации, который больше не действует»
        beside the complaint procedure is the procedure's phone, not a missing phone. One place of its own
        («…входная зона (нет поручней и пандуса)») keeps B; a place the phrasings do not know, or split on, too. So
        does an item of a survey line read under the line's topic (`under_topic`): its words alone lack the topic, and
        a pattern hit whose words tell its problem by themselves (`cue: false`: «хамит», «сквозь зубы») in places
        that hold no word of A's."""
        stage = self.similarity_stage()
        if stage is None:
            return {}
        rule = stage.contest
        aside = self._aside(toks, parts, signals)
        voted: dict[tuple[int, int], tuple[list[tuple[float, int]], dict[str, float]]] = {}
        found: dict[str, tuple[str, Outvoted]] = {}
        for b, hb in hits.items():
            if hb.source == "similarity" or b in under_topic:
                continue
            telling = self._tells(hb)
            for a, ha in hits.items():
                if a == b or a in found:
                    continue
                # the places its own words stand in: each must be given to the other deficiency
                places = self._own_places(hb.words, aside | set(ha.words), text, toks)
                if not places:
                    continue
                if telling and not any(lo <= toks.spans[i][0] < hi for i in ha.words for lo, hi in places):
                    continue  # «Гардеробщица хамит, а логопед разговаривает сквозь зубы»: each clause its own
                said: list[tuple[list[tuple[float, int]], dict[str, float]]] = []
                for place in places:
                    if place not in voted:
                        voted[place] = stage.votes(text[place[0] : place[1]])
                    said.append(voted[place])
                if all(
                    near and near[0][0] >= rule.min_similarity and votes.get(b, 0.0) <= rule.max_own and votes.get(a, 0.0) >= rule.min_rival
                    for near, votes in said
                ):
                    close = [c for near, _ in said for c in stage.close(near, a)]
                    found[b] = a, Outvoted(deficiency=b, words=_place_words(text, places), close=close[:CLOSE_SHOWN])
                    break
        for b, (a, why) in list(found.items()):
            seen = {b}
            while a in found and a not in seen:  # outvoted by an outvoted hit: name the hit that stays
                seen.add(a)
                a = found[a][0]
            found[b] = a, why
        return found

    def _tells(self, h: _Hit) -> bool:
        """Is the hit a pattern's whose words tell its problem by themselves (`cue: false`: «хамит», «сквозь зубы»)?"""
        return h.source == "pattern" and not self.catalog.deficiency(h.deficiency).cue

    def _aside(self, toks: Tokens, parts: list[tuple[int, int]], signals: list[PartSignal]) -> set[int]:
        """The positions of the words that say something is wrong or that a survey asked, not what."""
        return self._said(toks, parts, signals) | self.concepts.survey.positions(toks.lemmas())

    def _own_places(self, words: Sequence[int], aside: set[int], text: str, toks: Tokens) -> list[tuple[int, int]]:
        """The places (spans between punctuation, «и», «или», «а», «но») where a hit's own words stand: its words
        less those `aside` and numbers, and less the words many deficiencies use if it has others."""
        mine = frozenset(i for i in words if i not in aside and not toks.surface[i].isdigit())
        mine = self._specific(mine, toks) or mine
        if not mine:
            return []
        cuts = [m.span() for m in PLACE_CUT_RE.finditer(text)]
        starts, ends = [0, *(b for _, b in cuts)], [*(a for a, _ in cuts), len(text)]
        return sorted({(starts[bisect.bisect_right(starts, lo) - 1], ends[bisect.bisect_left(ends, lo)]) for lo, _ in map(toks.spans.__getitem__, mine)})

    def _vetoed(
        self,
        hits: Mapping[str, _Hit],
        text: str,
        toks: Tokens,
        parts: list[tuple[int, int]],
        signals: list[PartSignal],
        numbered: Collection[str] = (),
    ) -> dict[str, Outvoted]:
        """Pattern and concept hits the labelled phrasings clearly contradict, each with the reason. The phrasings
        closest to the whole finding (similarity.yaml, `veto`) must be close (`min_similarity`) and give one other
        deficiency at least `min_rival` of their vote, while no phrasing labelled with the hit's deficiency comes
        near: the closest is at most `max_own` times as close as the nearest, and at most `max_own_place` times at
        each place of the hit's own words. «В помещениях грязно, полы моются нерегулярно» is the sanitary state, not
        household services. A rival whose concept asks for whom or where (`with`: «приёмного отделения» for 4.1) that
        the finding does not name vetoes nothing: «доля довольных вежливостью работников — 69 %» is not 4.1. A hit that rests on a number alone (an indicator's value, a checklist item) is never
        judged (`numbered`), even when its words were found too («показатель 5.1 — 77»): the phrasings do not see
        numbers."""
        stage = self.similarity_stage()
        if stage is None:
            return {}
        rule = stage.veto
        judged = [
            h
            for h in hits.values()
            if h.source != "similarity" and h.words and h.deficiency not in numbered and stage.known(h.deficiency) >= rule.min_known
        ]
        if not judged:
            return {}
        query = stage.weigh(self._features_of(toks))
        # a phrasing of its own closer than `max_own` keeps a hit whatever the nearest is (no cosine is above 1): most
        # hits are kept so, by their own few dozen phrasings, and the whole index is read for the rest
        judged = [h for h in judged if not stage.surely_closer(query, h.deficiency, rule.max_own)]
        if not judged:
            return {}
        whole = stage.read_query(query)
        if not whole.near or whole.near[0][0] < rule.min_similarity:
            return {}
        others = sorted((-v, label) for label, v in whole.votes.items() if label != NONE and not label.startswith(NOT))
        aside: set[int] | None = None
        found: dict[str, Outvoted] = {}
        staged = self._model_stage() if rule.max_model < 1 else None
        features = self._weighed(text, toks) if staged is not None else frozenset()
        for h in judged:
            rival = next((label for v, label in others if label != h.deficiency and -v >= rule.min_rival), None)
            if rival is None or stage.closest(whole, h.deficiency) > rule.max_own * whole.near[0][0]:
                continue
            if (rival_with := self._with_of.get(rival)) is not None and not rival_with.found(toks.lemmas()):
                continue  # the rival asks for whom or where («приёмного отделения»), and the finding names none of it
            if staged is not None and (staged[1].probability(features, h.deficiency) or 0.0) >= rule.max_model:
                continue  # the model, weighing all the phrasings, backs it: a few close ones are not all of them
            aside = self._aside(toks, parts, signals) if aside is None else aside
            places = self._own_places(h.words, aside, text, toks)
            if not all(_far(stage, stage.read(text[a:b]), h.deficiency, rule.max_own_place) for a, b in places):
                continue  # a place of its own words is close to a phrasing of its deficiency
            words = _place_words(text, places) if places else text.strip()
            found[h.deficiency] = Outvoted(deficiency=h.deficiency, words=words, close=list(stage.close(whole.near, rival)), rival=rival)
        return found

    def _doubted(
        self, hits: Mapping[str, _Hit], text: str, toks: Tokens, parts: list[tuple[int, int]], signals: list[PartSignal], numbered: Collection[str]
    ) -> dict[str, Outvoted]:
        """Hits of patterns, concepts or the closest phrasings that the model of the labelled phrasings, weighing
        every word of the finding, finds all but impossible (below `min_found`), each with its probability: one word
        (or one odd phrasing) decided them, and the rest of the finding is about something else («кнопка вызова у
        ворот не работает, питание к ней не подведено» is not about food). Where several were found, or a part says all
        is well and weighs the whole line down («жалоб на уборку нет, но нянечка грубит маме»), each is also weighed at
        the places of its own words (with what each place itself says of its thing, and with the words that say what
        is wrong), and kept where the model would take it on its own (`min_probability`, or its first answer at
        PLACE_FIRST): a line that lists several aspects («недовольны питанием, мебелью, досугом») is like no phrasing
        of any one. A hit whose own words hold a number («показатель 5.1 — 62») or that rests on a number alone
        (`numbered`) is never judged: the model does not see numbers, nor an aspect of a survey line with its own share
        («…, мебелью — 70 %», see _own_share). Nor is one with a word of its own the model has seen in fewer than
        `min_seen` phrasings («водицы испить негде»: a curator's word no phrasing has yet, or one odd line has), whose probability
        the finding's other words, or that one line's label, would make. Nor is one in a part that wishes for more
        («хорошо бы, чтобы кормили разнообразнее», `lemmas.wishes_more`): the wish tells what is wrong by its form,
        which the model does not see, and its words are praise elsewhere."""
        spec = self.catalog.similarity.model if self.catalog.similarity is not None else None
        wished = _wished_more(toks, parts)
        judged = [
            h for h in hits.values()
            if h.deficiency not in numbered
            and not any(toks.surface[i].isdigit() for i in h.words)
            and not self._own_share(text, toks, h)
            and not wished.intersection(_part_of(toks, parts, i) for i in h.words)
        ]
        staged = self._model_stage() if judged and spec is not None and spec.min_found else None
        if staged is None:
            return {}
        spec, model = staged
        judged = [h for h in judged if all(model.knows(self._features_of(toks, slice(i, i + 1)), spec.min_seen) for i in h.words)]
        marks = self._marks(text, toks)
        features = self._features_of(toks) | marks  # (as `_weighed` gives them)
        aside: set[int] | None = None
        said: frozenset[str] = frozenset()
        actor, by = "", frozenset[str]()  # who the line's verbs are said of, and its features
        found: dict[str, Outvoted] = {}
        for h in judged:
            p = model.probability(features, h.deficiency)
            if p is None or p >= spec.min_found:
                continue
            places: list[tuple[int, int]] = []
            if len(hits) > 1 or any(sg.clear for sg in signals):  # (a part that says all is well weighs the line down)
                if aside is None:
                    aside = self._aside(toks, parts, signals)
                    said = self.features(" ".join(toks.surface[i] for i in sorted(aside)))  # what is wrong, of any place
                    actor = _actor(text, toks)
                    by = self.features(actor) if actor else frozenset()
                places = self._own_places(h.words, aside, text, toks)
                if any(
                    (model.probability(place | extra, h.deficiency) or 0.0) >= spec.min_probability
                    or _named_first(model.guess(place | extra, PLACE_FIRST), h.deficiency)
                    for a, b in places
                    # (the place's own marks: «опаздывает» elsewhere makes no «хамит» a shortfall)
                    for place in (self.features(text[a:b]) | self._marks(text, toks, a, b),)
                    for extra in (frozenset(), said, *((by,) if actor and a >= len(actor) else ()))
                ):
                    continue
            words = _place_words(text, places) if places else text.strip()
            found[h.deficiency] = Outvoted(deficiency=h.deficiency, words=words, probability=p)
        return found

    def _own_share(self, text: str, toks: Tokens, h: _Hit) -> bool:
        """Is a hit a thing that is an aspect of a survey line with its own share, its item (between commas and «;»)
        holding its words, the share and nothing else but survey words and links: «…, мебелью — 70 %»? (A survey
        indicator's own share, «вежливостью довольны 65 %», is told apart by the words of the rest of the line.)"""
        if not h.words or not DIGIT_RE.search(text) or self.catalog.deficiency(h.deficiency).value:
            return False
        cuts = [m.start() for m in ASPECT_RE.finditer(text)]
        items = {bisect.bisect_right(cuts, toks.spans[i][0]) for i in h.words}
        if len(items) != 1:
            return False
        k = items.pop()
        a, b = cuts[k - 1] + 1 if k else 0, cuts[k] if k < len(cuts) else len(text)
        asked = self.concepts.survey.positions(toks.lemmas())
        words = range(*toks._range(a, b).indices(len(toks.surface)))
        rest = [i for i in words if i not in h.words and i not in asked and not toks.surface[i][:1].isdigit()]
        return all(toks.surface[i] in WHERE_LINKS | PREPOSITIONS for i in rest) and bool(shares(fold(text[a:b])))

    def _overruled(self, hits: Mapping[str, _Hit], rival: Mapping[str, _Hit], text: str, toks: Tokens) -> dict[str, Outvoted]:
        """What the closest phrasings found, when the model, weighing every phrasing, would take another deficiency
        (`rival`, its own answer: `_modelled_hits`) for the whole finding: a few close phrasings of the contract's form
        («образец договора о соц. обслуживании — нет») are not enough against «дог. о соц. обслуживании на руки не
        выдают», which the model reads as the copy not handed. The model's answer then stands instead."""
        if not rival or not rival.keys().isdisjoint(hits):
            return {}
        staged = self._model_stage()
        if staged is None:
            return {}
        features = self._weighed(text, toks)
        return {
            did: Outvoted(deficiency=did, words=text.strip(), probability=staged[1].probability(features, did) or 0.0)
            for did in hits
        }

    def _clause_hits(self, text: str, toks: Tokens, hits: Mapping[str, _Hit]) -> dict[str, _Hit]:
        """What the clauses no hit's words touch name: «меню однообразное, бельё после стирки возвращают через
        неделю, врач приходит раз в месяц» names three things, and the words of one may be known to no pattern. A
        clause of at least CLAUSE_WORDS words that does not say nothing is wrong, nor only that its thing is there
        (in a line nothing else recognised, one that says what is wrong), nor one that names its thing by a pronoun
        («ждать его приходится неделями»: the problem of a thing named before), is read on its own by the similarity
        stage; a deficiency its closest phrasings agree on is taken if the model, reading the clause, would take it
        too (`min_probability`; a clause of only CLAUSE_WORDS words, at `min_short`). A clause with a number is left
        alone: the phrasings do not see numbers, and a measure may be in the norm («двери 80 см»). On corpus/dev
        batches left out of the pool, the phrasings alone added 84 right answers and 110 wrong; with the model and
        these bounds, 71 and 10."""
        staged = self._model_stage()
        if staged is None:
            return {}
        spec, model = staged
        cuts = [m.start() for m in CLAUSE_CUT_RE.finditer(text)]
        if not cuts and not hits:
            return {}  # the line is its only clause, and nothing read it
        # (a negation a pattern shares with the clause, «не» of «не оборудована», does not make the clause its own)
        covered = {i for h in hits.values() for i in _topical(toks, (*h.words, *h.at))}
        lead = _lead_place(toks, cuts[0]) if cuts else slice(0)
        criteria = {self._criterion(did) for did in hits}  # (a place rules out only what is of the same kind)
        found: dict[str, _Hit] = {}
        for a, b in zip([0, *(c + 1 for c in cuts)], [*cuts, len(text)], strict=True):
            words = toks._range(a, b)
            if words.stop - words.start < CLAUSE_WORDS or covered.intersection(range(words.start, words.stop)):
                continue
            if not any(is_content(toks.surface[i]) for i in range(words.start, words.stop)):
                continue  # «… есть сурдопереводчик, а у нас нет»: no thing of its own, it tells of the one before
            sig = self._signal(text, toks, a, b)
            there = self._says_there(text, toks, a, b)
            if sig.clear or there and not sig.problem or not hits and (there or not sig.problem):
                continue  # «остальное в порядке», «ящик для жалоб висит у входа»; alone, only a clause saying what is wrong
            if not sig.problem and opens_attached(toks.surface[words]):
                continue  # «работники, осуществляющие первичный приём, без бейджей»: it tells who, the rest what is wrong
            if not sig.problem and text.count("(", 0, a) > text.count(")", 0, a):
                continue  # «… дистанционных форм (по телефону, … получения консультации)»: it lists what the thing is
            if hits and any(_names_back(toks, i) for i in range(words.start, words.stop)):
                continue  # «подъёмник один на три корпуса, ждать его приходится по полдня»: it tells of a thing named before
            if DIGIT_RE.search(text, a, b):
                continue  # «двери 80 см»: the phrasings do not see numbers, and a measure may be in the norm
            # (the model first: it is cheap, and only one deficiency can reach a probability above one half)
            least = spec.min_probability if words.stop - words.start > CLAUSE_WORDS else spec.min_short
            if least >= 1:
                continue
            guess = model.guess(self._weighed(text, toks, a, b), least)
            if guess is None or guess.deficiency in hits or guess.deficiency in found:
                continue
            if self._criterion(guess.deficiency) in criteria and self._placed_out(guess.deficiency, toks, lead, words):
                continue  # «в туалете кнопки вызова нет, поручней нет»: the handrails are the toilet's
            said = self._similar_hits(text[a:b])
            if guess.deficiency in said:
                found[guess.deficiency] = said[guess.deficiency]
        return found

    def _placed_out(self, did: str, toks: Tokens, lead: slice, words: slice) -> bool:
        """Is a clause's deficiency ruled out by the place the line opens with (`lead`, see _lead_place), the clause
        naming no place of its own and not set against it by «а», «но»? The clause's thing is there, and a place its
        concept's `without` names is none of its: «в туалете для инвалидов кнопки вызова нет, поручней нет» — not
        the handrails of a corridor; «в холле стульев нет, кулера нет» — still drinking water. The caller asks it
        only of a deficiency of the criterion of one already found: «на сайте нет лицензии, бельё возвращают через
        неделю» moves from the site to the laundry."""
        without = self._without_of.get(did)
        if without is None or lead.stop is None or lead.stop <= (lead.start or 0):
            return False
        if fold(toks.surface[words.start].lower()) in self._contrast or any(
            toks.surface[i].lower() in LOCATIVES for i in range(lead.stop, words.stop)
        ):
            return False  # a clause set against the lead, or a place named since: «…, в столовой мебель неудобная, питание …»
        return without.found(Lemmas(toks.lemma_sets[lead]))

    def _criterion(self, did: str) -> str:
        """The criterion (section I–V, as «1»–«5») of a deficiency's indicator."""
        return self.catalog.deficiency(did).indicator.split(".")[0]

    def _specific(self, words: frozenset[int], toks: Tokens) -> frozenset[int]:
        """The words that name a thing, not a kind of thing: a word more deficiencies use than the catalog's
        `generic_share` («информация», «сайт», «услуга»; never a word of one deficiency alone) is followed by what
        says which one («информация о размере платы»), so nothing hangs on it."""
        def uses(i: int) -> int:
            return max((self._generality.get(f, 0) for f in toks.lemma_sets[i]), default=0)

        floor = max(1.0, self._generic)
        # a phrase whose modifier says which one is a thing too: «организационные условия (запись, график работы)»
        return frozenset(
            i for i in words if uses(i) <= floor or i - 1 in words and attachment(toks.surface[i - 1])[2] and uses(i - 1) <= floor
        )

    @staticmethod
    def _tail(words: frozenset[int], text: str, toks: Tokens, said: set[int]) -> set[int]:
        """The words that hang on these words: genitives and phrases with «о», «по», «для», «за», «про» after
        them, up to punctuation, «и» / «или», another preposition, a problem word or a verb (and, after a noun that
        follows a preposition, a genitive right before «нет»: «у пандуса перил нет» — the handrails); and a bracket right
        after them that says nothing is wrong, which lists what the thing consists of («сведения о руководстве
        (ФИО, должность, телефон)»)."""
        out: set[int] = set()
        n = len(toks.surface)
        for p in sorted(words):
            if not attachment(toks.surface[p])[0] or is_predicate(toks.surface[p]):
                continue  # only a noun has attributes: «ждут стоя по часу», «размещены копии» hang on no thing
            j, waiting = p + 1, False
            while j < n:
                w = toks.surface[j]
                gap = text[toks.spans[j - 1][1] : toks.spans[j][0]]
                if gap.strip() == "(":
                    inside = Recognizer._bracket(j, text, toks)
                    if inside and not said & set(inside):
                        out.update(inside)  # «информация о руководстве (ФИО, должность, телефон)»: what it gives
                    break
                if GAP_BREAK_RE.search(gap) or w in JOINS or j in said or is_predicate(w):
                    break
                if w in ATTRIBUTE_PREPOSITIONS:
                    waiting = True
                elif w in PREPOSITIONS:
                    break  # «на стенде в холле», «поручни с одной стороны»: a place or a manner, no attribute
                else:
                    _, genitive, modifier = attachment(w)
                    if not (waiting or genitive):
                        break
                    if not waiting and j + 1 < n and toks.surface[j + 1] in NEGATIONS and _after_preposition(toks.surface, p):
                        break  # «у входного пандуса перил нет»: after «у пандуса» the genitive is what is missing
                    waiting = waiting and modifier
                out.add(j)
                j += 1
        return out - words

    @staticmethod
    def _bracket(j: int, text: str, toks: Tokens) -> list[int]:
        """The words of the bracket that opens before word `j`, when it closes before any other opens."""
        close = text.find(")", toks.spans[j][0])
        if close < 0 or "(" in text[toks.spans[j][0] : close]:
            return []
        out = []
        while j < len(toks.spans) and toks.spans[j][1] <= close:
            out.append(j)
            j += 1
        return out

    def _aspects(self, text: str, toks: Tokens) -> _Aspects | None:
        """A survey line that gives several shares, cut into its aspects; None when it gives fewer than two, or when
        its shares are of a checklist's items («сайт — 18 из 27 пунктов, 0,67; стенд — 11 из 18, 0,61»)."""
        folded = fold(text)
        found = shares(folded)
        if len(found) < 2 or ITEM_SHARE_RE.search(folded) and not surveyed(folded):
            return None
        cuts = [m.start() for m in ASPECT_RE.finditer(folded)]
        bounds = list(zip([0, *(c + 1 for c in cuts)], [*cuts, len(folded)], strict=True))
        groups = frozenset(k for k, (a, b) in enumerate(bounds) if k and GROUP_ITEM_RE.match(folded, a, b))
        return _Aspects(folded, found, cuts, bounds, self.concepts.survey.positions(toks.lemmas()), groups)

    def _aspects_under_topic(self, text: str, toks: Tokens, aspects: _Aspects, hits: Mapping[str, _Hit]) -> dict[str, _Hit]:
        """The aspects of a survey line that tells its topic once and then each aspect by whom or where: «Вежливость
        регистраторов оценили 85 %, соцработников — 92 %, операторов телефонной линии — 77 %», «Вежливостью довольны:
        при первичном обращении — 82 %, по телефону — 71 %». An item with a share and no word of any hit but the
        topic's is read with the topic (the words before the colon, or else the line's first word, or else its words up
        to whom or where it names: «Удовлетворены вежливостью персонала приёмного отделения 88 %, работников отделений —
        79 %»); items with no share join the next («специалистов, оказывающих услуги, — 0,85»). A survey deficiency (one
        with a value) it then names is the item's own, with the item's words, so it takes the item's share. In a line of
        survey topics alone, an item that is a topic of its own («Комфортность — 84 %, доступность — 73 %») is read as
        one."""
        head_a, head_b = aspects.bounds[0]
        colon = aspects.folded.find(":", head_a, head_b)
        if colon >= 0 and not DIGIT_RE.search(aspects.folded, head_a, colon):
            topics, first = [text[head_a:colon]], 0
            bounds = [(colon + 1, head_b), *aspects.bounds[1:]]
        else:
            word = WORD_RE.search(aspects.folded, head_a, head_b)
            if word is None:
                return {}
            topics, first = [text[word.start() : word.end()], *self._topic_before_whom(text, toks, head_a, head_b, hits)], 1
            bounds = aspects.bounds
        said = set().union(*(self.tokens(t).lemmas().forms for t in topics))
        # (a hit's word that is the topic's, told again in an item, says nothing of the item's whom or where)
        covered = {i for h in hits.values() for i in h.words if not toks.surface[i].isdigit() and not toks.lemma_sets[i] <= said}
        # a line whose every topic is a survey's (the hits all give a value): an item that names its own survey topic
        # with no word of the line's («доступность — 73 %» after «Комфортность условий — 84 %») is that topic's share
        surveyed_line = all(self.catalog.deficiency(did).value for did in hits)
        # the shares an indicator reading took as its indicators' values («по показателям 4.1, 4.2 и 4.3 — 97 %, 85 % и
        # 98 % соответственно») are no aspects of their own
        valued = [span for *_, span in self._values_given(aspects.folded)] if DIGIT_RE.search(aspects.folded) else []
        found: dict[str, _Hit] = {}
        start: int | None = None  # where items with no share of their own began
        for k in range(first, len(bounds)):
            a, b = bounds[k]
            words = [i for i in range(*toks._range(a, b).indices(len(toks.surface))) if not toks.surface[i].isdigit()]
            if valued and aspects.shares_in(k) and all(any(x <= at < y for x, y in valued) for at, _ in aspects.shares if a <= at < b):
                continue
            if not aspects.shares_in(k):
                # (one that tells a found deficiency's words is an item of its own: «но порции маленькие»)
                start = None if covered.intersection(words) else a if start is None else start
                continue
            if start is not None:
                words = [i for i in range(*toks._range(start, b).indices(len(toks.surface))) if not toks.surface[i].isdigit()]
                a, start = start, None
            if not words or covered.intersection(words):
                continue
            item = text[a:b].strip()
            own: tuple[_Hit, ...] = ()
            for topic in topics:
                own = self._analyse(f"{topic} {item}").hits
                if any(self.catalog.deficiency(h.deficiency).value and h.deficiency not in hits for h in own):
                    break
            if surveyed_line and not any(self.catalog.deficiency(h.deficiency).value and h.deficiency not in hits for h in own):
                own = self._analyse(f"{SURVEY_TOPIC} {item}").hits  # «Комфортность — 84 %, доступность — 73 %»
            for h in own:
                if h.deficiency not in hits and h.deficiency not in found and self.catalog.deficiency(h.deficiency).value:
                    found[h.deficiency] = _Hit(h.deficiency, h.source, h.pattern, h.matches, None, -1, close=h.close, words=tuple(words))
        return found

    def _topic_before_whom(self, text: str, toks: Tokens, a: int, b: int, hits: Mapping[str, _Hit]) -> list[str]:
        """The first item's words up to whom or where it names (a word that tells a found deficiency's indicator
        apart, its concept's `with`) or up to its share: «Удовлетворены вежливостью персонала» of «Удовлетворены
        вежливостью персонала приёмного отделения 88 %». Empty when that is its first word alone."""
        lem = toks.lemmas()
        whom = {i for did in hits if (w := self._with_of.get(did)) is not None for i in w.positions(lem)}
        words = list(range(*toks._range(a, b).indices(len(toks.surface))))
        upto = next((n for n, i in enumerate(words) if i in whom or toks.surface[i][:1].isdigit()), len(words))
        while upto > 1 and toks.surface[words[upto - 1]] in WHERE_LINKS | PREPOSITIONS:
            upto -= 1
        if upto < 2:
            return []
        return [text[toks.spans[words[0]][0] : toks.spans[words[upto - 1]][1]]]

    def _drop_satisfied_aspects(self, toks: Tokens, aspects: _Aspects, hits: dict[str, _Hit]) -> None:
        """A survey line that gives each aspect its own share («питание — 97 %, мебель — 74 %, досуг — 95 %»)
        names a deficiency only for the aspects below the catalog's `satisfied` share: an aspect whose item
        (between commas) gives shares all at or above it, and says nothing else is wrong, is left out."""
        at_floor: dict[int, bool] = {}  # item → it gives shares, all at the floor, and says nothing is wrong
        shared = _shared_words(hits)
        for did, h in list(hits.items()):
            items = aspects.items_of(toks, h, shared)
            for k in items:
                if k not in at_floor:
                    a, b = aspects.bounds[k]
                    own = aspects.shares_in(k)
                    sig = self.concepts.signal(toks.lemmas(a, b), toks.words_in(a, b), aspects.folded[a:b]) if own else None
                    at_floor[k] = sig is not None and not sig.problem and min(own) >= self.concepts.satisfied
                if not at_floor[k]:
                    break
            else:
                if items:
                    del hits[did]

    def _similar_hits(self, text: str) -> dict[str, _Hit]:
        """The second stage (similarity.py), for a finding that says something is wrong but that no pattern or
        concept recognised: the deficiencies its closest labelled phrasings agree on, if they do."""
        stage = self.similarity_stage()
        verdict = stage.decide(text) if stage is not None else None
        if verdict is None:
            return {}
        return {did: _Hit(did, "similarity", -1, (), None, -1, close=close) for did, close in verdict.deficiencies}

    def _modelled_hits(self, text: str, toks: Tokens, signals: list[PartSignal], overruled: bool = False) -> dict[str, _Hit]:
        """The third stage (classifier.py), for a finding every other stage left alone, whether or not it says
        something is wrong: the deficiency the model of the labelled phrasings gives it, if it is sure enough (the
        lines that name nothing are a class of their own, so «замечаний нет» stays where it is). Where the model
        has just `overruled` what a curator's pattern or concept found, its answer may not be one the curator's
        patterns exclude (`_excluded`)."""
        if self.catalog.similarity is None or self.catalog.similarity.model is None:
            return {}
        # not for a line that says its thing is there («полезные ссылки есть») or reads a temperature in the norm («в
        # кабинете +22»), and no word of a problem: nothing is wrong, whatever its words lean to
        if not any(sg.problem for sg in signals) and (self._says_there(text, toks, 0, len(text)) or _temperature_in_norm(text)):
            return {}
        staged = self._model_stage()
        stage = self.similarity_stage()
        if staged is None or stage is None:
            return {}
        spec, model = staged
        guess = model.guess(self._weighed(text, toks), spec.min_probability)
        if guess is None or overruled and self._excluded(guess.deficiency, toks):
            return {}
        # the labelled lines outweigh the model: a counterexample of the deficiency or a line that names nothing, at
        # least as close as the closest phrasing of the deficiency, says wording like this is not it (the counterexample
        # itself is one; on corpus/dev batches left out of the pool this took 3 wrong answers for 6 right ones)
        reading = stage.read(text)
        own = stage.closest(reading, guess.deficiency)
        if max(stage.closest(reading, NOT + guess.deficiency), stage.closest(reading, NONE)) >= own:
            return {}
        return {guess.deficiency: _Hit(guess.deficiency, "model", -1, (), None, -1, close=stage.close_to(reading, guess.deficiency))}

    def _excluded(self, did: str, toks: Tokens) -> bool:
        """Does a curator pattern of the deficiency match the finding but for its `none` words? The curator then said
        words like these are not it («лицензия … устаревшая» is outdated, not missing), and the model, which weighs
        the thing's name more than such words, does not say otherwise."""
        lem = toks.lemmas()
        return any(
            cp.may_match(lem.forms) and cp.none.found(lem) and self._match_pattern(cp, toks, veto=False) is not None
            for cp in self.patterns[did]
        )

    def similarity_stage(self) -> Similarity | None:
        """The similarity index of this catalog (None without catalog/similarity.yaml), built when first needed."""
        if self._similarity is None and self.catalog.similarity is not None:
            self._similarity = Similarity(self.catalog, self.features)
        return self._similarity

    def _model_stage(self) -> tuple[ModelSpec, Classifier] | None:
        """The model stage's settings and its model, trained when first asked for (None when similarity.yaml asks
        for no model)."""
        spec = self.catalog.similarity.model if self.catalog.similarity is not None else None
        stage = self.similarity_stage() if spec is not None else None
        model = stage.model(self.model_features) if stage is not None else None
        return (spec, model) if spec is not None and model is not None else None

    def _weighed(self, text: str, toks: Tokens, a: int = 0, b: int | None = None) -> frozenset[str]:
        """`model_features` of the characters [a, b) of a finding (all of it by default), from the tokens at hand."""
        words = slice(None) if b is None and a == 0 else toks._range(a, len(text) if b is None else b)
        return self._features_of(toks, words) | self._marks(text, toks, a, b)

    def features(self, text: str) -> frozenset[str]:
        """What similarity compares: each word's most likely lemma, and for a word the dictionary does not know
        the catalog words it is a typo or a cut of («пандуса» → пандус, «слабовид» → слабовидящий); numbers and
        unknown names say nothing. Only the most likely lemma, which the command keeps between runs: the
        thousands of labelled findings are read in a second, not parsed word by word every time."""
        folded = fold(text)
        found = list(WORD_RE.finditer(folded))
        words = [m.group() for m in found]
        out = self._features(words, lambda i, word: self._token(word, not _is_name(text, *found[i].span())))
        return out | self._cut_words(words, lambda i, w: folded[found[i].end() : found[i].end() + 1] == "." or not is_known(w))

    def model_features(self, text: str) -> frozenset[str]:
        """What the model stage weighs: the words `features` gives, and what the finding says of its thing as marks
        no word can be («#problem», «#there», «#clear», «#survey», «#broken»…): «анкета размещена на сайте» and
        «анкета на сайте не работает» share every word that names the thing."""
        return self.features(text) | self._marks(text, self.tokens(text))

    def _marks(self, text: str, toks: Tokens, a: int = 0, b: int | None = None) -> frozenset[str]:
        """The marks of `model_features`: what the characters [a, b) of a finding say of their thing."""
        b = len(text) if b is None else b
        words = toks._range(a, b)
        sig = self._signal(text, toks, a, b) if words.stop > words.start else None
        marks = {"#digit"} if DIGIT_RE.search(text, a, b) else set()
        if sig is not None:
            marks |= {m for m, on in (("#problem", sig.problem), ("#clear", sig.clear), ("#survey", sig.survey), ("#short", sig.short)) if on}
            marks |= {f"#{sig.state}"} if sig.state else set()
            if self._says_there(text, toks, a, b):
                marks.add("#there")
        return frozenset(marks)

    def _features_of(self, toks: Tokens, words: slice = slice(None)) -> frozenset[str]:
        """`features` of the text the tokens are of (of its `words`), from the lemmas they already have (an unknown
        word's are the same: a name is told the same way)."""
        sets = toks.lemma_sets[words]
        surface = toks.surface[words]
        return self._features(surface, lambda i, _: sets[i]) | self._cut_words(surface, lambda i, w: self._cuts[w] <= sets[i])

    def _cut_words(self, words: Sequence[str], cut: Callable[[int, str], bool]) -> frozenset[str]:
        """The words an inspector's cuts among `words` stand for (`cut` tells a cut from a word that only looks like
        one): «контраст. марк. ступ.» is weighed as the marking of steps, as the patterns read it, even where the
        dictionary knows «ступ» and «марк» as words of their own."""
        cuts = self._cuts
        if not cuts or cuts.keys().isdisjoint(words):
            return frozenset()
        return frozenset(f for i, w in enumerate(words) if w in cuts and cut(i, w) for f in cuts[w])

    def _features(self, words: Sequence[str], forms: Callable[[int, str], frozenset[str]]) -> frozenset[str]:
        out: set[str] = set()
        plain = self._plain_forms
        for i, word in enumerate(words):
            form = plain.get(word)
            if form is None:
                form = "" if word.isdigit() or word in MASKED else normal_form(word)
                if form and not is_known(word):  # what an unknown word may be a typo of depends on where it stands
                    out.add(form)
                    out.update(f for f in forms(i, word) if f != word and f in self._vocabulary_set)
                    continue
                if len(plain) >= PLAIN_FORMS_MAX:
                    plain.clear()
                plain[word] = form
            if form:
                out.add(form)
        return frozenset(out)

    def _lead(self, text: str, toks: Tokens, start: int) -> PartSignal | None:
        """What the lead of a list says is wrong, for an item of the list that says nothing itself: «Не размещены:
        сведения о персонале; информация о попечительском совете; план ФХД» — each item is not placed. The lead
        is the text before a colon in the same sentence, and it must say that things are missing; an item that has
        a verb of its own («пандус есть», «разделы расположены бессистемно») says its own thing."""
        sig = self._lead_signal(text, toks, start)
        if sig is None:
            return None
        # only a lead that says things are missing lends itself to the items: «не совпадают:» or «не соблюдены
        # требования:» is followed by what differs, not by a list of what is absent
        return sig if sig.state in ("absent", "partial") and not sig.clear else None

    def _lead_signal(self, text: str, toks: Tokens, start: int) -> PartSignal | None:
        """What the text before a colon in the same sentence as `start` says, if there is such a lead."""
        colon = text.rfind(":", 0, start)
        if colon < 0 or LEAD_BREAK_RE.search(text, colon, start):
            return None
        begin = max((m.end() for m in LEAD_BREAK_RE.finditer(text, 0, colon)), default=0)
        return self._signal(text, toks, begin, colon)

    def _put_right(self, text: str, toks: Tokens, span: tuple[int, int], sg: PartSignal) -> bool:
        """Is the part an item, with nothing wrong of its own, of a list whose lead says it was put right?"""
        if sg.problem or sg.survey:
            return False
        lead = self._lead_signal(text, toks, span[0])
        return lead is not None and lead.clear

    def _drop_things_there(
        self, text: str, toks: Tokens, parts: list[tuple[int, int]], signals: list[PartSignal], hits: dict[str, _Hit]
    ) -> None:
        """Drop the hits about things a clause of their own says are there («пандус имеется, поручней нет»: the
        handrails are missing, not the ramp; «на сайте размещены устав и лицензия, отчёта о ФХД нет»). Such a clause
        says its thing is there (`_says_there`), comes before every signal of its part and tells no number of it;
        another hit must stand outside such clauses for the signal to be about: with none («тарифы размещены,
        устарели») the signal is the thing's own."""
        if not self._says_there(text, toks, 0, len(text)):
            return  # most findings: no word saying something is there
        there: set[int] = set()  # finding positions of the words in clauses that say a thing is there
        # a part with no signal of its own says its thing is there when a later part says another is missing or
        # short («лицензия на сайте есть, а тарифов нет», «кулер есть, но стаканов не хватает»), not when a later one
        # tells a flaw («класс есть, но ПК старые»)
        last_absent = max((n for n, (span, sg) in enumerate(zip(parts, signals, strict=True)) if self._says_missing(toks, span, sg)), default=-1)
        for n, ((a0, b0), sig) in enumerate(zip(parts, signals, strict=True)):
            first = toks._range(a0, b0).start
            if any(p[0] < 0 for p in sig.spots):
                continue  # a state told by a number stands nowhere in particular
            spots = {first + i for p in sig.spots for i in p}
            start = a0
            # (the dash of «пандус — есть» cuts no clause: what follows it says the thing before is there)
            found = [m.span() for m in CLAUSE_RE.finditer(text, a0, b0)]
            before = [a0, *(b for _, b in found)]  # where the clause before each cut starts
            cuts = [(a, b) for (a, b), c in zip(found, before, strict=False) if not self._answers_there(text, toks, c, b0, at=a)]
            for a, b in cuts + [(b0, b0)]:
                words = toks._range(start, a)
                own = set(range(words.start, words.stop))
                # a signal before the clause may lead it («отсутствуют стоянка, … и оборудованный санузел»), unless the
                # clause ends in «есть» of its own after items with their own signals («лицензии нет, ПВР есть»); a
                # number tells how the thing is there («указана одной цифрой (412 чел.)»)
                if (
                    own
                    and (
                        (min(spots) > max(own) if spots else n < last_absent)
                        or spots
                        and not own & spots
                        and (self.present.found(toks.lemmas(*toks.spans[words.stop - 1])) or self._answers_there(text, toks, start, a))
                    )
                    and not any(self._telling_number(toks, i) for i in own)
                    and self._says_there(text, toks, start, a)
                ):
                    there |= own
                start = b
        # «на сайте данный документ отсутствует»: the signal is about the thing said to be there after all
        if not there or any(f in ANAPHORA for i in range(len(toks.surface)) if i not in there for f in toks.lemma_sets[i]):
            return
        details = {u for did in hits for u in self.catalog.deficiency(did).unless}  # their signal is the whole's
        # a hit whose thing is named again outside those clauses is what the signal is about: «в холле есть кулер и
        # стулья, но не хватает стаканов» — the cups are the water's, so the chairs are the ones said to be there
        # (said in the signal's own clause and not quoted: «…, но содержит одну фразу: «Учреждение оснащено
        # оборудованием»» names no equipment)
        clause = self._said_clauses(text, toks)
        signalled = {
            clause[toks._range(*span).start + i] for span, sg in zip(parts, signals, strict=True) for p in sg.spots if p[0] >= 0 for i in p
        }
        quoted = [m.span() for m in re.finditer(r"«[^«»]*»", text)]
        named = {
            did
            for i in range(len(toks.surface))
            if i not in there and clause[i] in signalled and not any(a < toks.spans[i][0] < b for a, b in quoted)
            for f in toks.lemma_sets[i]
            for did in self._thing_of.get(f, ())
            if did in hits
        }
        _drop_within(hits, there, spare=details, outside=named)

    @staticmethod
    def _says_missing(toks: Tokens, span: tuple[int, int], sg: PartSignal) -> bool:
        """Does a part say its thing is missing or short («тарифов нет», «не хватает стаканов», «недостаточно»,
        «дефицит»)? Not a thing there only in part («такси есть, но только в будни», «содержит одну фразу»): that
        tells how the thing before is there."""
        if sg.state == "absent":
            return True
        first = toks._range(*span).start
        return sg.state == "partial" and any(
            toks.surface[first + i].startswith("не") or toks.surface[first + i].startswith("дефицит")
            for _, st, pos in sg.marks
            if st == "partial"
            for i in pos
        )

    def _says_there(self, text: str, toks: Tokens, start: int, end: int) -> bool:
        """Do the words in [start, end) say a thing is there: a `present` word («есть», «имеется»), a short passive
        participle («установлена», «утверждён», «размечено»: made or put in place) or a `done` fix told in the past
        and not denied («кулер поставили»)? Not a participle that opens a list («Выявлены: …», «Установлено:»): it
        reports what follows; nor one that tells a problem itself («посещения запрещены», «часы сокращены»)."""
        lem = toks.lemmas(start, end)
        if self.present.found(lem) or self._answers_there(text, toks, start, end):
            return True
        words = toks._range(start, end)
        done = [i for i in range(words.start, words.stop) if is_done(toks.surface[i]) and not text[toks.spans[i][1] :].lstrip().startswith(":")]
        if done:
            told = {words.start + i for spot in self._signal(text, toks, start, end).spots for i in spot if i >= 0}
            if any(i not in told for i in done):
                return True
        return any(
            is_done_by_someone(toks.surface[words.start + pos[0]]) and (pos[0] == 0 or "не" not in lem.sets[pos[0] - 1])
            for k in self._done.candidates(lem)
            for pos in find_all(self._done.elements[k], lem)
        )

    def _answers_there(self, text: str, toks: Tokens, start: int, end: int, at: int | None = None) -> bool:
        """Does a checklist's answer after a dash in [start, end) (at `at`, if given) say that the thing of the
        clause before it is there («пандус — есть», «поручни — да»)? Not after a problem («замечания по пандусу — есть»)."""
        answers = [m for m in [THERE_ANSWER_RE.match(text, at, end)] if m] if at is not None else THERE_ANSWER_RE.finditer(text, start, end)
        for m in answers:
            clause = max([start, *(c.end() for c in CLAUSE_CUT_RE.finditer(text, start, m.start()))])
            if not self._signal(text, toks, clause, m.start()).problem:
                return True
        return False

    def _telling_number(self, toks: Tokens, i: int) -> bool:
        """Is word `i` a number that tells how much or how («указана одной цифрой (412 чел.)», «уклон 15 %»), not
        which building or room («в корпусе 2», «кабинет № 12»)?"""
        return toks.surface[i][:1].isdigit() and not (
            i > 0 and (toks.surface[i - 1] == "№" or not toks.lemma_sets[i - 1].isdisjoint(self._where_nouns))
        )

    def _problem_places(self, h: _Hit, lem: Lemmas) -> list[list[int]]:
        """Every place of the words of a pattern hit's problem: its pattern's first `all` word («грубят»), wherever it
        stands, or the words it matched when it has none."""
        pat = self.patterns[h.deficiency][h.pattern]
        return find_all(pat.all[0], lem) if pat.all else [list(h.words)]

    def _clause_readings(
        self, text: str, toks: Tokens, lem: Lemmas, cp: CompiledPattern, words: Sequence[int]
    ) -> list[tuple[list[Match], list[int], list[int]]]:
        """The other readings of a pattern, each with all its words in one clause of the finding: its `all` words and,
        if it has `any`, one of them. The pattern may be told again in a clause of its own («охранник хамит на входе,
        а воспитатели отвечают сквозь зубы»), or its first reading took its words from two clauses: in «охранник
        грубит, на горячей линии раздраженный тон» the guard's clause has its own rudeness, and in «центр открыт
        только до 16:00 в будни, а к маме пускают только по субботам» the centre's hours are the first clause's."""
        if not cp.all:
            return []
        clause = self._said_clauses(text, toks)
        places = [find_all(el, lem) for el in cp.all]
        extra = [(el, self._standing(el, toks)) for el in (cp.any[k] for k in cp.any_present(lem.forms))] if cp.any else []
        out = []
        for c in sorted(set(clause)):

            def inside(p: Sequence[int], c: int = c) -> bool:
                return all(i < len(clause) and clause[i] == c for i in p)

            picks = [next((p for p in ps if inside(p)), None) for ps in places]
            told = next(((el, p) for el, ps in extra for p in ps if inside(p)), None)
            got = [p for p in picks if p is not None]
            if len(got) < len(picks) or cp.any and told is None:
                continue
            hit = list(zip(cp.all, got, strict=True)) + ([told] if told is not None else [])
            about = [i for p in got for i in p]
            every = [i for _, p in hit for i in p]
            if set(every) <= set(words) and inside(words):
                continue  # the first reading itself
            out.append(([Match(element=el.source, words=[toks.surface[i] for i in p]) for el, p in hit], about, every))
        return out

    def _only_in_heading(self, text: str, toks: Tokens, vetoes: set[int], heading: list[range]) -> bool:
        """Do a pattern's `none` words stand only in the heading that names the unit the finding is about, a
        `where` noun up to a colon («Отделение надомного обслуживания № 2: приём — только по понедельникам»)? They
        name the unit, not what is wrong in it. `heading` holds the heading's words once read."""
        if not heading:
            colon = text.find(":")
            words = toks._range(0, colon) if colon > 0 else range(0)
            named = words.stop > words.start and bool(toks.lemma_sets[words.start] & self._where_nouns)
            heading.append(range(words.start, words.stop) if named else range(0))
        return bool(vetoes) and all(i in heading[0] for i in vetoes)

    def _held_back(
        self,
        text: str,
        toks: Tokens,
        lem: Lemmas,
        cp: CompiledPattern,
        own: Sequence[int],
        hits: Mapping[str, _Hit],
        line: Callable[[], PartSignal],
        telling: bool = False,
        again: bool = False,
        where: Collection[int] = (),
    ) -> bool:
        """Is every `none` word of a pattern that matched otherwise said of another thing? It must stand in another
        clause (between commas, «;» or dashes) than the pattern's own words, and that clause must hold the words of
        another deficiency found in the line, while the pattern's own clause tells its own problem: in «на стенде
        устаревшие тарифы, нет лицензии» «устаревшие» is said of the tariffs, so the licence is missing; in «лицензия
        есть, но устарела» it is the licence's own, and in «удовлетворённых вежливостью, обеспечивающих первичный
        контакт» the clauses name one thing. `telling`: the deficiency's own words tell its problem (`cue: false`),
        so its clause needs no other word for it: «охранник хамит на входе, а воспитатели отвечают сквозь зубы».
        `again`: `own` is a later place of the pattern's phrase, which stands only on that reading. `where`: the
        positions of the words that tell the deficiency's indicator apart by whom or where (its concept's `with`).
        `line`: the whole finding's signal, asked for last."""
        clause = self._said_clauses(text, toks)
        mine = {clause[i] for i in own}
        vetoes = cp.none.positions(lem)
        others = {clause[i] for h in hits.values() for i in h.words if i < len(clause)}
        if not vetoes or not all(clause[i] not in mine and clause[i] in others for i in vetoes):
            return False
        # a clause that says its thing is there («кнопка вызова есть, но без таблички») or hangs on the noun before
        # it («таблички, выполненные шрифтом Брайля») is no other thing
        for c in {clause[i] for i in vetoes}:
            words = [i for i, k in enumerate(clause) if k == c]
            if self._says_there(text, toks, toks.spans[words[0]][0], toks.spans[words[-1]][1]) or opens_attached([toks.surface[i] for i in words]):
                return False
        # its own clause says what is wrong with it, and of no thing named before («парковки для них нет»); by a
        # word the pattern matched too, if all its words stand there («двери 75 см, лифта нет»), not if they span
        # clauses («зона ожидания есть, а воды — нет»)
        words = [i for i, c in enumerate(clause) if c in mine]
        if any(f in ANAPHORA for i in words for f in toks.lemma_sets[i]):
            return False
        # (the pattern's own words may name them, by the words that tell its indicator apart: «на вахте грубят»)
        if telling and len(mine) == 1 and any(j in where or j not in own and names_thing(toks.surface[j]) for j in words):
            # each clause of the veto words tells its own problem, by a signal or by the pattern's words again, and
            # the pattern's own clause names whom or where of its own: «по телефону хамят, в кабинетах разговаривают
            # свысока»; «Регистратура — груб. тон» names the registry rude, «… повышают голос, перебивают» goes on
            # about the same people; or by the words of another deficiency found there whose words tell their problem:
            # «охранник у входа нагрубил, а дежурная по телефону бросила трубку»
            # (by the words of its problem, wherever they stand, not by a veto word: «на вахте грубят, по телефону …»
            # gives the remote rudeness by «грубят» and «телефону»); «тоже», «то же самое» tell the clause before's
            # problem again: «на вахте хамят, по телефону тоже»
            told = {clause[j] for p in (*line().spots, *(q for el in cp.all for q in find_all(el, lem))) if p and p[0] >= 0 for j in p}
            told |= {
                clause[i]
                for h in hits.values()
                if self._tells(h)
                for p in self._problem_places(h, lem)
                for i in p
                if i < len(clause) and i not in vetoes
            }
            told |= {c for c in set(clause) if SAME_AGAIN_RE.search(self._clause_text(text, toks, clause, c))}
            if {clause[i] for i in vetoes} <= told:
                return True
        if again:
            return False
        if any(all(j in words and (len(mine) == 1 or j not in own) for j in p) for p in line().spots if p and p[0] >= 0):
            return True
        # in a survey line, a share of its own under the floor tells its problem: «Вежливость регистраторов оценили
        # 85 %, …, операторов телефонной линии — 77 %»
        return line().survey and any(
            v < self.concepts.satisfied for c in mine for _, v in shares(self._clause_text(text, toks, clause, c))
        )

    @staticmethod
    def _listed_apart(text: str, toks: Tokens, vetoes: Collection[int], own: Sequence[int], hits: Mapping[str, _Hit]) -> bool:
        """Is every `none` word of a pattern that matched another item of a denied list one of the pattern's own nouns
        is an item of, and the words of another deficiency found in the line? «в зоне ожидания нет кулера и стульев»,
        «нет ни кулера, ни стульев»: the cooler is the drinking water's item, the chairs are the waiting area's. Items
        are nouns in one case joined by «и», «ни», «а также» or a comma, with the words that hang on them («нет стульев и
        исправного кулера»); «или» offers another name of the same thing («анкета или ссылка»). The list
        is denied as a whole: a denial stands before it or right after it in its clause, and nothing after it says
        how things are («нет кулера, стульев достаточно»; «есть кулер и стулья, но не хватает стаканов» denies no list)."""
        others = [set(h.words) for h in hits.values()]
        mine = set(own)
        surface, spans = toks.surface, toks.spans
        told = mine.union(*others)
        clause = Recognizer._clauses(text, toks, (0, len(text)), CLAUSE_RE)

        def hangs(i: int) -> bool:  # a word that hangs on an item's noun: a modifier, a genitive, «для», «по»
            if surface[i] in LIST_JOINS or toks.lemma_sets[i] & DENIALS:
                return False
            _, genitive, modifier = attachment(surface[i])
            return genitive or modifier or surface[i] in ATTRIBUTE_PREPOSITIONS

        def denied(lo: int, hi: int) -> bool:
            before = [i for i in range(lo) if clause[i] == clause[lo]]
            after = [i for i in range(hi + 1, len(surface)) if clause[i] == clause[hi]]
            says = [i for i in after if i not in told and not toks.lemma_sets[i] & DENIALS]
            if any(surface[i].isdigit() or is_predicate(surface[i]) or not (surface[i] in PREPOSITIONS or any(attachment(surface[i]))) for i in says):
                return False  # «стульев достаточно», «стульев хватает», «стульев 12»
            return any(toks.lemma_sets[i] & DENIALS for i in (*before, *after))

        def joined(v: int, words: set[int]) -> bool:
            for step in (1, -1):
                k = v
                while 0 <= k + step < len(surface) and k + step not in mine and (k + step in words or step < 0 and hangs(k + step)):
                    k += step  # the item's own words and, before its noun, what hangs on it («исправного кулера»)
                j = k + step
                while 0 <= j < len(surface) and surface[j] in LIST_JOINS:
                    j += step
                if not 0 <= j < len(surface):
                    continue
                a, b = sorted((k, j))
                if not LIST_JOIN_RE.fullmatch(text[spans[a][1] : spans[b][0]]):
                    continue
                for _ in range(3):  # what hangs on the next item's noun before it: «и мягких стульев»
                    if not 0 <= j < len(surface) or j in mine or not hangs(j):
                        break
                    j += step
                head = v + 1 if attachment(surface[v])[2] and v + 1 in words else v  # «питьевой воды и зоны ожидания»
                if 0 <= j < len(surface) and j in mine and same_case(surface[head], surface[j]) and denied(min(k, j), max(k, j)):
                    return True
            return False

        return bool(vetoes) and all(any(v in words and v not in mine and joined(v, words) for words in others) for v in vetoes)

    @staticmethod
    def _clause_text(text: str, toks: Tokens, clause: tuple[int, ...], c: int) -> str:
        """The text of clause `c` (see _clauses) from its first word up to the next comma or «;», so that its share
        is its own whatever sign stands before it («администраторов на входе — 84 %»)."""
        words = [i for i, k in enumerate(clause) if k == c]
        cut = CLAUSE_CUT_RE.search(text, toks.spans[words[-1]][1])
        return text[toks.spans[words[0]][0] : cut.start() if cut else len(text)]

    @staticmethod
    def _said_clauses(text: str, toks: Tokens) -> tuple[int, ...]:
        """The clause each word of the finding stands in, cut at commas, «;» and dashes (CLAUSE_RE), but not at a dash
        that stands for a verb left out: in «охранник грубит, медсёстры в отделении — свысока» the words before the
        dash have no verb, and «свысока» is said of the nurses. A dash before a number still cuts: «по телефону — 64 %»
        is an aspect of a survey line with its own share. Read once per finding: three readings ask for it."""
        got = toks._clause_of.get(text)
        if got is None:
            got = toks._clause_of[text] = Recognizer._read_said_clauses(text, toks)
        return got

    @staticmethod
    def _read_said_clauses(text: str, toks: Tokens) -> tuple[int, ...]:
        found = list(CLAUSE_RE.finditer(text))
        cuts: list[int] = []
        for k, m in enumerate(found):
            after = text[m.end() : found[k + 1].start() if k + 1 < len(found) else len(text)]
            if m.group().strip() in "—–" and not DIGIT_RE.search(after) and not any(map(is_predicate, toks.words_in(cuts[-1] if cuts else 0, m.start()))):
                continue  # (a dash before a number gives an aspect's share: «по телефону — 64 %»)
            cuts.append(m.start())
        return tuple(bisect.bisect_left(cuts, start) for start, _ in toks.spans)

    @staticmethod
    def _clauses(text: str, toks: Tokens, span: tuple[int, int], cut: re.Pattern[str] = ITEM_RE) -> tuple[int, ...]:
        """The item of an enumeration each word of a part stands in (0, 1, …): items are cut at commas, dashes and
        «и» / «или» (`cut`: another cut, such as CLAUSE_RE's commas and dashes alone)."""
        a, b = span
        cuts = [m.start() for m in cut.finditer(text, a, b)]
        return tuple(bisect.bisect_left(cuts, start) for start, _ in toks.spans[toks._range(a, b)])

    def _drop_waits_in_norm(self, text: str, toks: Tokens, hits: dict[str, _Hit]) -> None:
        """A timeliness deficiency found only in what the finding says of a wait in the norm (`waits_in_norm`:
        «время ожидания приёма — 7 минут», «ждут не дольше 15 минут») is no deficiency; one with words elsewhere
        («…, но соцработник опаздывает»), one a number found (an indicator's value, a checklist item) or a share of
        those asked below the `satisfied` floor («83 % ждали не дольше 15 минут») stays; what the phrasings or the model
        found for the whole finding goes with it."""
        folded = fold(text)
        spans = waits_in_norm(folded) if len(folded) == len(text) else []  # (the spans are the text's)
        if not spans or any(v < self.concepts.satisfied for _, v in shares(text)):
            return
        for did in [did for did in hits if did in self._waited]:
            h = hits[did]
            at = (*h.words, *h.at)
            if all(any(a <= toks.spans[i][0] < b for a, b in spans) for i in at) if at else h.source in ("similarity", "model"):
                del hits[did]

    def _titled_rows(self, text: str, lem: Lemmas) -> list[tuple[str, tuple[int, int], float]]:
        """A table's rows that give an indicator's value after the indicator's own title in words («4.1 | Доля
        получателей, удовлетворённых доброжелательностью … | 99,0»): the deficiency of the indicator's result, where
        the row stands and the value. A row of a checklist item («3.1 | Наличие сменных кресел-колясок | 0») is no
        indicator's title: its value is the item's mark."""
        folded = fold(text)
        if len(folded) != len(text) or INDICATOR_RE.search(folded) is None:
            return []
        out: list[tuple[str, tuple[int, int], float]] = []
        titles: dict[str, frozenset[str]] = dict(self._indicator_titles)
        for m in TITLED_ROW_RE.finditer(folded):
            title = titles.get(m.group("ind"))
            said = frozenset(normal_form(w) for w in words(m.group("title")) if len(w) > 3)
            if title and len(title & said) >= TITLE_COVER * len(title):
                out.append((self._results[m.group("ind")], m.span(), indicator_value(m.group("value"))))
        return out

    def _indicator_results(self, text: str, lem: Lemmas) -> list[tuple[str, str]]:
        """An indicator's value below the catalog's `satisfied` share given on its own, by number («4.1 — 87,5
        баллов», «показатель 1.3 составил 82», «показатели 5.1 и 5.3 — 82 и 80») or by its official title
        («Показатель «Оборудование помещений … с учётом доступности для инвалидов» — 60 баллов»): the deficiency the
        catalog names for the indicator's result (criteria.yaml, `result`)."""
        out: list[tuple[str, str]] = []
        if DIGIT_RE.search(text) is None:
            return out  # a value has digits: most findings end here
        folded = fold(text)
        for ind, value, said, _ in self._values_given(folded) if _names_indicator(folded) else ():
            did = self._results.get(ind)
            if did is not None and value < self.concepts.satisfied:
                out.append((did, said))
        if out:
            return out
        scored = SCORE_VALUE_RE.search(folded)
        if scored and float(scored.group(1).replace(",", ".")) < self.concepts.satisfied:
            best = max(self._indicator_titles, key=lambda t: (len(t[1] & lem.forms) / len(t[1]), -len(t[1])), default=None)
            if best is not None and len(best[1] & lem.forms) >= TITLE_COVER * len(best[1]):
                out.append((self._results[best[0]], f"показатель {best[0]} — {scored.group().strip()}"))
        return out

    def _values_given(self, folded: str) -> list[tuple[str, float, str, tuple[int, int]]]:
        """The indicators' values a finding gives (concepts.indicator_values), and the shares it counts for a survey
        indicator where it gives no value: «4.3 — 74 из 81» is 4.3 at 91.4, but «2.1: 3 условия из 5» counts items."""
        given = indicator_values(folded)
        taken = [span for *_, span in given]
        return given + [
            c for c in indicator_counts(folded) if c[0] in self._surveyed and not any(a <= c[3][0] < b or c[3][0] <= a < c[3][1] for a, b in taken)
        ]

    def _given_values(self, text: str) -> dict[str, float]:
        """The value the finding gives each indicator («4.1, 4.2 — 95, 84»: each its own), the first one where it gives
        two."""
        return {ind: value for ind, value, _, _ in reversed(self._values_given(fold(text)))}

    def _checklist_items(self, text: str) -> list[tuple[str, str]]:
        """Deficiencies named by their checklist item: «3.2 п.4», «п. 4 показателя 3.2», «3.1.5»."""
        out: list[tuple[str, str]] = []
        folded = fold(text)
        if INDICATOR_RE.search(folded) is None:
            return out  # every item is of an indicator («3.2»): most findings name none
        for m in CHECKLIST_RE.finditer(folded):
            indicator = m.group("ind") or m.group("ind2") or m.group("ind3")
            item = m.group("item") or m.group("item2") or m.group("item3")
            for did in self._checklist.get(f"{indicator}.{item}", ()):
                out.append((did, m.group().strip()))
        if "," in folded or " и " in folded:  # a list of items: each is named («3.1: пп. 1, 4»)
            for m in CHECKLIST_LIST_RE.finditer(folded):
                indicator = m.group("ind") or m.group("ind2")
                for item in re.findall(r"\d{1,2}", m.group("items") or m.group("items2")):
                    for did in self._checklist.get(f"{indicator}.{item}", ()):
                        out.append((did, f"{indicator} п. {item}"))
        return out

    def _flaw_of_present(
        self, text: str, toks: Tokens, parts: list[tuple[int, int]], signals: list[PartSignal], n: int
    ) -> PartSignal | None:
        """What part `n` says of the thing the part before it says is there, when it sets something against it:
        «кнопка вызова есть, но висит за шкафом», «книга жалоб имеется, однако её выдают по требованию». The thing
        is there but not as it should be («не соответствует требованиям»), whatever words the flaw is told in;
        a flaw with a signal of its own keeps that signal, except «нет»: the thing itself is not missing
        («питьевая вода есть, но стаканчиков нет»). None when part `n` is not such a flaw."""
        if n == 0 or signals[n].survey or signals[n].clear or signals[n - 1].problem or signals[n - 1].survey:
            return None
        opening = WORD_RE.findall(fold(text[parts[n][0] : parts[n][1]]))[:2]
        if not opening or not (opening[0] in BUT or " ".join(opening) in BUT):
            return None
        if not self._says_there(text, toks, *parts[n - 1]):
            return None
        sig = signals[n]
        if sig.problem and sig.state not in (None, "absent"):
            return sig
        words = sig.words or (Match(element="есть, но", words=[opening[0]]),)
        return dataclasses.replace(sig, problem=True, state="noncompliant", words=words, marks=(), spots=())

    def _free_flaw(self, text: str, toks: Tokens, span: tuple[int, int], sig: PartSignal, found: Sequence[ConceptHit]) -> bool:
        """Does a part tell a problem in an item of its enumeration (see _clauses) where none of the things it names
        stands? «но покрытие скользкое, перил нет»: «скользкое» is said of no thing of the part; in «но поручни
        только с одной стороны» or «но поручни сломаны» every problem is said of the handrails."""
        clauses = self._clauses(text, toks, span)
        named = {clauses[i] for ch in found for i in ch.at if i < len(clauses)}
        return any(p and all(0 <= i < len(clauses) and clauses[i] not in named for i in p) for p in sig.spots)

    def _part_signals(
        self, text: str, toks: Tokens
    ) -> tuple[list[tuple[int, int]], list[tuple[Lemmas, tuple[str, ...], str]], list[PartSignal]]:
        """The parts of a finding (spans), each with its lemmas, words and folded text, and what each says is wrong."""
        parts = self.concepts.parts(text)
        seen = [(toks.lemmas(a, b), toks.words_in(a, b), fold(text[a:b])) for a, b in parts]
        signals = [self._signal(text, toks, a, b) for a, b in parts]
        if self._about_others(text, toks):
            signals = [dataclasses.replace(sg, clear=True) for sg in signals]
        return parts, seen, signals

    def _about_others(self, text: str, toks: Tokens) -> bool:
        """Does the finding tell another organisation's problem and set ours against it? Then it names none of ours:
        «а не в нашем центре», «но к проверяемой организации это не относится», a comparison with another one alone
        («Для сравнения: в соседнем ПНИ …»), or another one named and then «а у нас» with nothing wrong after it
        («…, а у нас всё открывается»; «у них пандус есть, а у нас нет» is ours)."""
        said = "относ" in text
        compared = "сравн" in text or "пример" in text
        if " а " not in text and not said and not compared:
            return False  # most findings
        folded = fold(text)
        if said and NOT_OURS_SAID_RE.search(folded):
            return True
        if compared and COMPARED_RE.match(folded) and OTHERS_RE.search(folded) and " а " not in folded and " но " not in folded:
            return True  # «Для сравнения: в соседнем ПНИ установлен лифт на все этажи»
        if " а " not in text:
            return False
        if NOT_OURS_RE.search(folded):
            return True
        others = OTHERS_RE.search(folded)
        if others is None:
            return False
        if NOT_OURS_AFTER_OTHERS_RE.search(folded, others.end()):
            return True
        ours = OURS_RE.search(folded)
        return ours is not None and others.start() < ours.start() and not self._signal(text, toks, ours.end(), len(text)).problem

    def _signal(self, text: str, toks: Tokens, a: int, b: int) -> PartSignal:
        """What the characters [a, b) of a finding (`toks` are its tokens) say is wrong, read once per span: a part
        is often the whole line, a clause that names a place or the lead of a list as well."""
        got = toks._said.get((a, b))
        if got is None:
            context = text[max(0, a - 80) : a]  # (folded and read only where the part holds a measurement)
            got = toks._said[a, b] = self.concepts.signal(toks.lemmas(a, b), toks.words_in(a, b), fold(text[a:b]), context)
        return got

    def _all_satisfied(self, text: str, signals: list[PartSignal]) -> bool:
        """Does a survey line give every share at the floor, with nothing said to be wrong in any part? «Оценка
        вежливости по телефону: 38 из 38 — удовлетворены», «… довольны 19 из 20 — на уровне прошлого года»: the parts
        that name what was asked, or compare, say nothing wrong of their own."""
        return (
            any(sg.clear and sg.survey for sg in signals)
            and not any(sg.problem or sg.short for sg in signals)
            and full_share(text, self.concepts.satisfied)
        )

    def says_nothing_wrong(self, text: str) -> bool:
        """Does the finding say nothing is wrong («замечаний нет», «соответствует требованиям»), in every part or by a
        verdict on the whole line (see _clear_line)? Such a line names no deficiency and needs no measure."""
        parts, _, signals = self._part_signals(text, self.tokens(text))
        return _clear_line(text, parts, signals)

    def _kept(
        self,
        did: str,
        hits: Mapping[str, _Hit],
        seen: dict[str, bool],
        items: tuple[int, ...] | None = None,
        results: Collection[str] = (),
        told: tuple[int, ...] | None = None,
    ) -> bool:
        """Is a found deficiency kept? Not when one of its `unless` is found and kept itself: «A unless B» keeps
        A when B was dropped by its own `unless` (a cycle keeps both). `unless` says A's words are a detail of B
        («сведения о руководителе (ФИО, телефон)»); an item of a list of its own («Отсутствуют: ФИО руководителя,
        контактные телефоны, …») is no detail of another item (`items`: see _list_items), nor is a clause that tells
        its own problem («телефон с сайта не отвечает, обращения остаются без ответа»: `told`, see _told_clauses),
        nor one indicator's result of another's («показатель 3.1 — 60 баллов, показатель 3.2 — 40 баллов»: `results`)."""
        if did in seen:
            return seen[did]
        seen[did] = True
        kept = not any(
            u in hits
            and not (did in results and u in results)
            and not _apart(hits[did].words, hits[u].words, items)
            and not (hits[u].words and _apart(hits[did].words, hits[u].words, told))  # (a checklist item has no words)
            and self._kept(u, hits, seen, items, results, told)
            for u in self.catalog.deficiency(did).unless
        )
        seen[did] = kept
        return kept

    def _value_met(self, text: str, toks: Tokens, matched: Sequence[int]) -> bool:
        """Does a hit rest on an indicator and its value alone («показатель 5.1 … 0*», a concept's «показатель 5.1»
        with a score word) where the value is at or above the catalog's `satisfied` floor? Then the indicator is
        met, not low: «по показателю 5.1 набрано 99 баллов», «показатель 5.1 составил 0,98». The value is the
        one the finding gives the indicator (in a list, its own: «4.1, 4.2 — 95, 84»), else the first number
        after it, read whole (a digit word is only its first part); a fraction of one is a share of 100. A hit
        with a problem word of its own («жалобы на грубость») stays; its other words only name what the indicator
        is of («вежливость … показатель 4.1 — 100 %»), where they count only if the finding gives the indicator a
        value of its own."""
        surface, spans = toks.surface, toks.spans
        named = [i for i in matched if not surface[i].isdigit() and not INDICATOR_WORD_RE.match(surface[i])]
        given: dict[str, float] | None = None  # the values the finding gives its indicators, read once
        if named:
            given = self._given_values(text)
            if not given or any(i in spot for spot in self._signal(text, toks, 0, len(text)).spots for i in named):
                return False
        digits = sorted(i for i in matched if surface[i].isdigit())
        for x, y in zip(digits, digits[1:], strict=False):
            indicator = f"{surface[x]}.{surface[y]}"
            if not (y == x + 1 and text[spans[x][1] : spans[y][0]] == "." and INDICATOR_RE.fullmatch(indicator)):
                continue
            if given is None:
                given = self._given_values(text)
            m = VALUE_AFTER_RE.match(text, spans[y][1])
            # «показатели 4.1, 4.2, 4.3 — 95, 84, 72»: a list gives each its own value, not the next number
            value = given.get(indicator, indicator_value(m.group(1)) if m is not None and not named else None)
            if value is not None and value >= self.concepts.satisfied:
                return True
        return False

    def _channel_said(
        self, h: _Hit, text: str, toks: Tokens, parts: list[tuple[int, int]], signals: list[PartSignal], taken: set[int]
    ) -> bool:
        """Does the finding say a means of contact itself is missing or broken? A problem signal must be said of
        the channel's words, at any clause they stand in: in its own clause (cut at commas outside brackets,
        brackets, «:» and «;»; brackets the channel is not in are passed over), in the
        clauses after it when its own has no verb («телефон, указанный на сайте, не отвечает»), or before it as
        the lead of an enumeration («отсутствуют: лицензия, телефон»). A channel named as the way something else
        was done («ответили по телефону грубо», «опрошенные по телефону», «(по видеосвязи, телефону)») needs a
        signal that it is missing or broken («по телефону не дозвониться»); one said to be there with «только»
        («работают только телефон и e-mail») is there. The channel's other words in the part count as well, but
        not the words of `taken` (other hits'). A line whose part has no signal of its own (a list's item under its
        lead) or a hit with no words (similarity) is left as found."""
        forms = self._channels[h.deficiency]
        if not h.words and not h.at:
            return True  # a similarity hit: the phrasings decided
        mine = [i for i in {*h.at, *h.words} if i < len(toks.lemma_sets) and toks.lemma_sets[i] & forms]
        if not mine:
            return True
        # each place the channel is named in may tell its problem: «телефон указан один — бухгалтерии, номера
        # приёмной не приведены»
        firsts: dict[int, int] = {}  # the first channel word of each clause (cut at commas, «;», «:» and brackets)
        for i in sorted(mine):
            firsts.setdefault(len(CHANNEL_CUT_RE.findall(text, 0, toks.spans[i][0])), i)
        if any(self._channel_said_at(first, set(mine), text, toks, parts, signals) for first in firsts.values()):
            return True
        if h.part < 0:
            return False
        # and so may its words in the part's clauses the hit's own are not in, unless another hit's («электронная
        # форма» is no e-mail): «звонила в приют …, никто трубку не берёт»
        span = toks._range(*parts[h.part])
        others = [i for i in range(span.start, span.stop) if toks.lemma_sets[i] & forms and i not in taken]
        more: dict[int, int] = {}
        for i in others:
            clause = len(CHANNEL_CUT_RE.findall(text, 0, toks.spans[i][0]))
            if clause not in firsts:
                more.setdefault(clause, i)
        return any(self._channel_said_at(first, set(others), text, toks, parts, signals) for first in more.values())

    def _channel_said_at(
        self, first: int, own_words: set[int], text: str, toks: Tokens, parts: list[tuple[int, int]], signals: list[PartSignal]
    ) -> bool:
        """_channel_said for the channel named at word `first`. Words in brackets the channel is not in are set
        aside: «телефон, указанный на сайте (8 495 318-22-40), не отвечал» goes on after them."""
        n = next((n for n, span in enumerate(parts) if toks._range(*span).start <= first < toks._range(*span).stop), None)
        if n is None:
            return True
        span, sig = parts[n], signals[n]
        words = toks._range(*span)
        if not sig.spots:
            return True
        a, b = span
        cuts: list[tuple[int, bool]] = []  # (where, hard): a comma is soft, a bracket, colon or semicolon hard
        bracketed = _in_brackets(text, toks.spans[first][0])  # then the brackets are cuts, as any
        aside: list[tuple[int, int]] = []  # brackets the channel is not in, with what they hold
        depth = 0
        for k in range(a, b):
            ch = text[k]
            if ch in "()":
                depth = max(0, depth + (1 if ch == "(" else -1))
                if not bracketed:
                    if ch == "(" and depth == 1:
                        aside.append((k, b))
                    elif ch == ")" and not depth and aside:
                        aside[-1] = (aside[-1][0], k + 1)
                    continue
                cuts.append((k, True))
            elif depth and not bracketed:
                continue
            elif ch == ":":  # after a short topic («e-mail с сайта: письмо не доставлено») it is what is said of it
                cuts.append((k, len(WORD_RE.findall(text[a:k])) > SHORT_LEAD))
            elif ch == ";":
                cuts.append((k, True))
            elif ch == "," and not depth:
                cuts.append((k, False))
        starts = [k for k, _ in cuts]
        off = words.start
        clause = [
            -1 if any(x <= toks.spans[i][0] < y for x, y in aside) else bisect.bisect_left(starts, toks.spans[i][0])
            for i in range(words.start, words.stop)
        ]
        verbal = {clause[i - off] for i in range(words.start, words.stop) if is_predicate(toks.surface[i])}
        own = clause[first - off]
        means = any(toks.surface[j] in CHANNEL_MEANS and clause[j - off] == own for j in range(max(off, first - 2), first))
        allowed = {own}
        k = own
        # the channel's verb may come later: «телефон, указанный на сайте, не отвечает», «на письма, направленные по
        # электронной почте, ответы не поступают» (up to the clause with the verb); after a channel used as a means,
        # what came of it in clauses with no verb: «написала на почту с сайта, ответа нет»
        while k < len(cuts) and not cuts[k][1] and (k not in verbal if own not in verbal else means and k + 1 not in verbal):
            k += 1
            allowed.add(k)
        # a clause after it that names the channel by a pronoun: «телефон на сайте указан, только по нему не отвечают»
        while k < len(cuts) and not cuts[k][1] and any(
            clause[i - off] == k + 1 and not toks.lemma_sets[i].isdisjoint(PRONOUNS) for i in range(words.start, words.stop)
        ):
            k += 1
            allowed.add(k)
        k = own  # a lead before a channel that is an item of a list: «на сайте отсутствуют лицензия, телефон»
        while own not in verbal and k > 0 and not cuts[k - 1][1] and not any(
            (starts[k - 2] if k > 1 else a) <= x < starts[k - 1] for x, _ in aside
        ):  # (a clause that ends in brackets set aside is no lead: «тел. не отвеч (3 звонка), почта ок»)
            k -= 1
            allowed.add(k)
            if k in verbal:
                break

        def said(p: tuple[int, ...]) -> bool:
            return all(0 <= j and j + off < words.stop and clause[j] in allowed for j in p) and not {j + off for j in p} & own_words

        states = [st for _, st, p in sig.marks if said(p)]
        if means:
            return any(st in ("absent", "broken") for st in states)
        if not any(said(p) for p in sig.spots):
            return False
        if states and all(st == "partial" for st in states):
            # «работают только телефон и e-mail», «указан только телефон приёмной»: the channel is there
            own_lem = Lemmas([toks.lemma_sets[i] for i in range(words.start, words.stop) if clause[i - off] == own])
            return not self.present.found(own_lem)
        return True

    def _told_clauses(self, text: str, toks: Tokens) -> tuple[int, ...]:
        """The clause each word stands in (clauses part at «;» and commas outside brackets), when that clause says
        itself what is wrong; -1 for the words of the others («на сайте не указаны ФИО директора, телефон» tells of
        the telephone only in the clause before)."""
        cuts = _cuts_outside_brackets(text)
        bounds = list(zip([0, *(c + 1 for c in cuts)], [*cuts, len(text)], strict=True))
        own = [k if self._signal(text, toks, a, b).problem else -1 for k, (a, b) in enumerate(bounds)]
        return tuple(own[bisect.bisect_left(cuts, a)] for a, _ in toks.spans)

    @staticmethod
    def _list_items(text: str, toks: Tokens) -> tuple[int, ...] | None:
        """For a list after a colon («На сайте отсутствуют: устав, лицензия, контактные телефоны»), the item each
        word stands in (1, 2, …; items part at commas and «;» outside brackets, so «руководство (ФИО, телефон)» is
        one item); -1 for the words before the colon and for an item with a verb of its own («указан только
        телефон приёмной» says something of its own). None when the finding is no such list."""
        colon = text.find(":")
        if colon < 0:
            return None
        cuts = _cuts_outside_brackets(text, colon + 1)
        out = [-1 if a < colon else 1 + bisect.bisect_left(cuts, a) for a, _ in toks.spans]
        for item in set(out) - {-1}:
            if any(is_predicate(toks.surface[i]) for i, k in enumerate(out) if k == item):
                out = [-1 if k == item else k for k in out]
        return tuple(out)

    def _places(self, text: str, toks: Tokens, span: tuple[int, int]) -> tuple[Place, ...]:
        """The places a part of a finding names as the place of the problem: a clause that says a thing is there
        («на стенде тарифы есть, на сайте нет») without a problem signal does not count, and one that says it is
        there only in one place names the other («тарифы размещены только на сайте»)."""
        keep: list[Place] = []
        named: list[Place] = []
        a0, b0 = span
        start = a0
        bounds = [m.span() for m in CLAUSE_RE.finditer(text, a0, b0)] + [(b0, b0)]
        for a, b in bounds:
            clem = toks.lemmas(start, a)
            here = [p for p, els in self.place_elements.items() if els.found(clem)]
            if here:
                named += here
                sig = self._signal(text, toks, start, a)
                if len(here) == 1 and ONLY_AT_RE.search(text, start, a) and (sig.state in (None, "partial") or self._says_there(text, toks, start, a)):
                    keep += [p for p in ("site", "stand") if p not in here]  # «размещён только на сайте»: not on the stand
                elif sig.state is not None or not self.present.found(clem):
                    keep += here
            start = b
        found = keep or named
        return tuple(p for p in ("site", "stand") if p in found)

    def _percent(self, text: str) -> float | None:
        """The finding's percentage: several («на сайте 80 %, на стендах 60 %») → the lowest, the weakest result."""
        return min((v for _, v in shares(fold(text))), default=None)

    def picked(self, i: int, text: str, deficiency: str) -> Recognition:
        """A finding the user assigned to a deficiency by hand (a picked suggestion): no pattern matched
        (`pattern` is -1), but places and the percentage are read from the text as for any finding."""
        d = self.catalog.deficiency(deficiency)
        percent = self._percent(text)
        values = {d.value: percent} if d.value and percent is not None else {}
        places = self._places(text, self.tokens(text), (0, len(text)))
        return Recognition(
            finding=i, deficiency=d.id, pattern=-1, matches=[], places=list(_places_for(d, places)),
            values=values, source="choice",
        )

    def forget(self) -> None:
        """Drop what was learnt of whole lines and shapes (word caches stay): the next line is analysed as a
        wording never seen, as `make bench` measures it."""
        self._analyse.cache_clear()
        self._unplaced.cache_clear()
        self._is_whereabouts.cache_clear()
        Recognizer._recognitions.cache_clear()

    def recognize(self, findings: list[Finding]) -> list[Recognition]:
        return [r for i, f in enumerate(findings) for r in self._recognitions(i, self._read_with_lead(f))]

    def left_out(self, f: Finding) -> list[Outvoted]:
        """What a pattern or a concept found in a finding left unrecognised and the labelled phrasings vetoed (see
        _vetoed): the finding goes to «Прочие недостатки» with suggestions, and says what was left out and why."""
        return list(self._analyse(self._shape(self._read_with_lead(f))).left_out)

    def set_aside(self, f: Finding) -> list[SetAside]:
        """What a reading of the whole finding set aside of what was found in it, and why (see SetAside)."""
        return list(self._analyse(self._shape(self._read_with_lead(f))).set_aside)

    def _read_with_lead(self, f: Finding) -> str:
        """The text a finding is recognised from: an item of a list that says nothing itself («информация о
        попечительском совете» after «Не размещены: …;») is read with the list's lead; an item with a verb or a
        signal of its own («пандус есть») is read alone."""
        text = _read_notation(f.text, self._fixes)
        if not f.lead:
            return text
        toks = self.tokens(text)
        _, _, signals = self._part_signals(text, toks)
        if any(sg.problem or sg.survey or sg.clear for sg in signals) or any(map(is_predicate, toks.surface)):
            return text
        return f"{_read_notation(f.lead, self._fixes)}: {text}"

    @lru_cache(maxsize=20_000)  # noqa: B019 - one Recognizer per loaded catalog; a text repeats rarely, its shape often
    def _recognitions(self, i: int, text: str) -> tuple[Recognition, ...]:
        """Recognitions are immutable: the same text at the same position gives the same objects. The analysis
        is shared by findings that differ only in act numbers and names («корпус № 12, с. Ивановка»): they
        are analysed once by their shape, and each takes its percentage from its own text."""
        shape = self._shape(text)
        hits = self._analyse(shape).hits
        valued = shape != text and any(self.catalog.deficiency(h.deficiency).value for h in hits)
        percent = self._percent(text) if valued else None
        return tuple(
            Recognition(
                finding=i, deficiency=h.deficiency, pattern=h.pattern, matches=list(h.matches), places=list(h.places),
                values=dict(h.values) if shape == text else _values(self.catalog.deficiency(h.deficiency), percent),
                source=h.source, state=h.state, close=list(h.close), echoes=list(h.echoes), outvoted=list(h.outvoted),
            )
            for h in hits
        )

    def _shape(self, text: str) -> str:
        """The text with what makes a finding unique and says nothing of its deficiency masked: numbers that are
        no share, score, size or year («акт № 1234 от 12.03.2026», «корпус 3»; checklist items such as «3.2 п.4»
        and «тарифы 2019 года» stay) and names the dictionary does not know («ул. Каролиская»)."""
        if not MASKABLE_RE.search(text.lstrip()):
            return text  # no number and no capital past the first letter: nothing to mask, no whereabouts
        masked = text
        listed: list[tuple[int, int]] = []
        if DIGIT_RE.search(text):  # (each expression below needs a digit)
            folded = fold(text)
            # a share and a wait start at a number («пол» of «полгода» aside), so they are looked for from the first
            # one on; checklist items and indicator values hold an indicator number («3.2»): most lines give none
            digit = DIGIT_RE.search(folded)
            first = digit.start() if digit is not None else len(folded)
            half = folded.find("пол")
            indicated = _names_indicator(folded, first)
            # checklist items, the counts of a share, indicator values and slopes («3.2 п.4», «97 из 100», «1.3 —
            # 98», «уклон 1:12») say what the finding is
            keep = [m.span() for m in CHECKLIST_RE.finditer(folded)] if indicated else []
            listed = [m.span() for m in CHECKLIST_LIST_RE.finditer(folded)] if indicated else []
            keep += listed
            if "из" in folded:  # (a count of a share and a score «из 100»: the total tells the share)
                keep += [m.span() for m in SHARE_VALUE_RE.finditer(folded, first) if m.group(2) or m.group(4)]
                counted = numerals(folded)  # «из 40 (сорока) опрошенных 39 довольны»
                keep += asked_counts(counted)
                if "все" in folded:  # «из 28 опрошенных все 28 …»: the count tells all of them
                    keep += [m.span() for m in ALL_ASKED_RE.finditer(counted)]
            if indicated:  # «показатель 1.3 составил 98»
                keep += [at for *_, at in self._values_given(folded)]
            keep += [(a, b) for a, b, _ in bare_shares(numerals(folded))]  # «комфортностью — 98»
            if "уклон" in folded:  # a slope is measured against the norm: «уклон 1:12» is within it, «1:8» is not
                keep += [m.span() for m in SLOPE_RE.finditer(folded)]
            # so is a wait: «45 минут» is too long, «10 минут» not
            keep += [m.span() for m in DURATION_RE.finditer(folded, first if half < 0 else min(first, half))]
            # and a temperature: «в кабинете +22» says nothing is wrong
            keep += [m.span() for _, m in _temperatures(folded)]
            keep += [m.span() for m in YEAR_RE.finditer(folded, first) if not NOT_DATED_RE.search(folded, max(0, m.start() - 12), m.start())]

            def number(m: re.Match[str]) -> str:
                meaningful = any(a <= m.start() < b for a, b in keep) or not self._catalog_numbers.isdisjoint(DIGITS_RE.findall(m.group()))
                return m.group() if meaningful else "0"

            masked = PLAIN_NUMBER_RE.sub(number, text)
        if masked != masked.lower():  # a name has a capital
            masked = NAME_RE.sub(lambda m: NAME if self._is_unknown_name(masked, m) else m.group(), masked)
        if listed:
            return masked  # «пункты 2, 5 и 6»: the items of a list are no house numbers to cut
        return self._unplaced(masked)

    def _whereabouts(self, piece: str) -> bool:
        """Does a piece of a masked finding name only where or which document? `where` words with a number or a
        name, nothing else: «7 этаж», «кабинет 0», «корпус № 0», «ул. Ааа», «акт № 0 от 0», «с. Ивановка» (a
        capital after the first word). A bare «кабинет» or «здание» may be what the finding is about; a piece
        with a bracket, a share or a checklist item («3.1 п.3») is never one."""
        if not NUMBER_OR_NAME_RE.search(piece.lstrip()):
            return False  # most pieces: no number and no name, so no address
        if "(" in piece or ")" in piece or "%" in piece or "процент" in piece.lower():
            return False
        folded = fold(piece)  # of the same length: the spans find the words as written, capitals and all
        if INDICATOR_RE.search(folded) is not None and CHECKLIST_RE.search(folded) is not None:  # (an item has an indicator)
            return False
        where = named = found = 0  # (a word may count as both)
        placed = False  # a place noun or a name: «и» or a preposition with numbers alone names no place («— 60 и 40»)
        for m in WORD_RE.finditer(folded):
            w = m.group()
            if w in self._where or normal_form(w) in self._where:
                where += 1
                placed = placed or w not in WHERE_LINKS
            if w in MASKED or w.isdigit():
                named += 1
                placed = placed or not w.isdigit()
            elif found:
                word = piece[m.start() : m.end()]
                capital = word[:1].isupper() and word[1:2].islower()
                named += capital
                placed = placed or capital
            found += 1
        return placed and bool(named) and where + named == found

    def _without_whereabouts(self, masked: str) -> str:
        """The masked text without its whereabouts: a bracket whose every piece is one, then such pieces between
        commas and dashes with the mark before them. Nothing is taken if nothing else would be left. So a
        protocol whose lines carry their own buildings, rooms and acts is analysed once per wording, and a
        place's words cannot tip the recognition."""
        if not self._where or not NUMBER_OR_NAME_RE.search(masked.lstrip()):
            return masked
        out = BRACKET_RE.sub(lambda m: "" if all(map(self._is_whereabouts, BRACKET_PIECE_RE.split(m.group(1)))) else m.group(), masked)
        pieces = WHEREABOUTS_CUT_RE.split(out)  # piece, mark, piece, mark, …, piece
        kept = [pieces[0]]
        dropped = False
        for k in range(1, len(pieces), 2):
            piece = pieces[k + 1]
            # the house number after a street («ул. Ааа, 5») goes with it
            dropped = self._is_whereabouts(piece) or dropped and piece.strip().isdigit()
            if not dropped:
                kept += [pieces[k], piece]
        if self._is_whereabouts(kept[0]) and len(kept) > 1:
            kept = kept[2:]
        trimmed = "".join(kept).strip(" ,;—–-")
        return trimmed if trimmed and trimmed != masked.strip() else masked

    def _all_elements(self) -> list[Element]:
        out = [el for pats in self.patterns.values() for cp in pats for el in (*cp.all, *cp.any, *cp.none)]
        out += [el for c in self.concepts.compiled for el in (*c.objects, *c.with_, *c.without)]
        return [*out, *self.concepts.signals, *self.concepts.clear, *self.cues]

    def _is_unknown_name(self, text: str, m: re.Match[str]) -> bool:
        """Is a capitalised word a name to mask? Not a word one knows, nor the name of an indicator's value
        («Значения: Преком — 64»)."""
        word = fold(m.group())
        if word[:1] == "п" and INDICATOR_SYMBOL_RE.match(fold(text), m.start()) is not None:  # (every such name is «П…»)
            return False
        return _is_name(text, m.start(), m.end()) and not is_known(word) and not self._begins_catalog_word(word)

    def mentions(self, text: str) -> list[str]:
        """Deficiency ids (catalog order) whose patterns match the text, cue word or not, `unless` not applied:
        which deficiencies a measure such as «разместить порядок подачи жалоб на сайте» addresses."""
        toks = self.tokens(text)
        return [
            d.id
            for d in self.catalog.deficiencies
            if any(self._match_pattern(cp, toks) is not None for cp in self.patterns[d.id])
        ]

    # -- suggestions for what was not recognised

    def _lemmas_of(self, text: str) -> set[str]:
        return {normal_form(w) for w in words(text) if len(w) > 2}

    def _suggestion_choices(self) -> None:
        """Per deficiency: the lemmas of its title and examples, less the words shared by many deficiencies
        and the cue words, since «в учреждении отсутствует …» says nothing about which deficiency is meant."""
        per_def = {d.id: set().union(*(self._lemmas_of(p) for p in [d.title, *d.examples])) for d in self.catalog.deficiencies}
        df: dict[str, int] = {}
        for lemmas_ in per_def.values():
            for lemma in lemmas_:
                df[lemma] = df.get(lemma, 0) + 1
        limit = max(3, len(per_def) // 8)
        cues = {normal_form(w) for c in self.catalog.settings.cues for w in words(c)}
        self._stop = frozenset({lemma for lemma, n in df.items() if n > limit} | cues)
        self._def_lemmas = {did: sorted(lemmas_ - self._stop) for did, lemmas_ in per_def.items()}
        self._titles = {d.id: " ".join(sorted(self._lemmas_of(d.title) - self._stop)) for d in self.catalog.deficiencies}

    @lru_cache(maxsize=50_000)  # noqa: B019 - one Recognizer per loaded catalog: the words are its own
    def _cover(self, q: str) -> dict[str, float]:
        """Per deficiency, how well the content word `q` is covered by its words (only those above 0)."""
        out = {}
        for did, vocab in self._def_lemmas.items():
            c = _word_cover(q, vocab)
            if c:
                out[did] = c
        return out

    def suggest(self, text: str, limit: int = 3) -> list[Suggestion]:
        """The closest deficiencies: the share of the text's content words found among a deficiency's words
        (a misspelt word counts by its similarity), with the similarity to its title to break ties."""
        if not self._suggestions_ready:
            self._suggestion_choices()
            self._suggestions_ready = True
        content = self._lemmas_of(text)
        query = sorted(content - self._stop) or sorted(content)
        if not query:
            return []
        qline = " ".join(query)
        covers = [self._cover(q) for q in query]
        scored = []
        for did in self._def_lemmas:
            cover = sum(c.get(did, 0.0) for c in covers)
            score = 70 * cover / len(query) + 0.3 * fuzz.token_set_ratio(qline, self._titles[did])
            scored.append((-round(score, 1), did))
        scored.sort()
        return [Suggestion(id=did, title=self.catalog.deficiency(did).title, score=-neg) for neg, did in scored[:limit]]


# an item of a survey line that names a group of those asked, not an aspect: «для граждан пожилого возраста — 92 %»,
# «среди родителей — 88 %»
GROUP_ITEM_RE = re.compile(r"[\s—–-]*(?:а\s+|и\s+)?(?:для|среди)\s")


class _Aspects(NamedTuple):
    """A survey line that gives several shares, cut into its aspects (items between commas and «;»), each with its
    own shares: what leaves out the aspects at the floor and gives each remaining hit its own aspect's share."""

    folded: str
    shares: list[tuple[int, float]]  # (where, value) of every share the line gives
    cuts: list[int]
    bounds: list[tuple[int, int]]  # each item's (start, end) in `folded`
    asked: set[int]  # the positions of survey words («удовлетворены», «опрошенные»)
    groups: frozenset[int] = frozenset()  # items that name a group of those asked, not an aspect: «для пожилых — 92 %»

    def items_of(self, toks: Tokens, h: _Hit, shared: Collection[int] = ()) -> set[int]:
        """The items where a hit's own words stand: a share it matched («0*|1*…» takes any number) or a survey word
        is no word of its own (a pattern's `at` is among its words), nor a word other hits stand on too, the topic
        told once («Вежливостью довольны 79 %, при первичном обращении — 97 %»), if it has words besides. The items
        right after them that name only a group of those asked are theirs too: in «комфортностью для детей — 97 %,
        для граждан пожилого возраста — 92 %» both shares are of the comfort."""
        words = [i for i in h.words if not toks.surface[i].isdigit() and i not in self.asked]
        own = {bisect.bisect_right(self.cuts, toks.spans[i][0]) for i in [i for i in words if i not in shared] or words}
        for k in sorted(own):
            while k + 1 in self.groups:
                k += 1
                own.add(k)
        return own

    def shares_in(self, k: int) -> list[float]:
        a, b = self.bounds[k]
        return [v for x, v in self.shares if a <= x < b]

    def share_of(self, toks: Tokens, h: _Hit, shared: Collection[int] = ()) -> float | None:
        """The share of a hit's own aspect («рекомендовать готовы 99 %, питанием 64 %»): the lowest share in its
        items; None when they give none."""
        own = [v for k in self.items_of(toks, h, shared) for v in self.shares_in(k)]
        return min(own) if own else None


def _breaks(text: str, spans: Sequence[tuple[int, int]]) -> frozenset[int]:
    """The words a comma or «;» stands before, not one between digits («1,5 м» is one number), nor one that opens a
    clause hanging on the noun before it («обращения, поступившие через приёмную, остаются без ответа»), nor «чтобы»
    after the wish it completes («хочу, чтобы пускали в выходные»)."""
    return frozenset(
        i
        for i in range(1, len(spans))
        if BREAK_RE.search(text, spans[i - 1][1], spans[i][0])
        and not (text[spans[i - 1][1] - 1].isdigit() and text[spans[i][0]].isdigit() and spans[i][0] - spans[i - 1][1] == 1)
        and not opens_attached([text[x:y] for x, y in spans[i : i + 2]])
        and text[slice(*spans[i])].lower() not in PURPOSE_WORDS  # «хочу, чтобы …»: the comma before them ends no phrase
    )


def _topical(toks: Tokens, positions: Iterable[int]) -> tuple[int, ...]:
    """The positions of words that tell what a hit is about: a negation («не», «нет») tells no topic."""
    return tuple(i for i in positions if toks.surface[i] not in NEGATIONS)


def _names_back(toks: Tokens, i: int) -> bool:
    """Is the word at `i` a pronoun for the thing a clause is about, named before («ждать его приходится», «их нет»)?
    Not after a preposition («поручней на нём нет»: the ramp is where, the handrails what), nor a possessive before
    its noun («их жизнь», «на их просьбы»)."""
    if toks.lemma_sets[i].isdisjoint(PRONOUNS) or toks.surface[i].startswith("н"):
        return False
    if toks.surface[i] in POSSESSIVES and i + 1 < len(toks.surface):
        noun, _, modifier = attachment(toks.surface[i + 1])
        return not (noun or modifier)
    return True


def _in_brackets(text: str, at: int) -> bool:
    """Does the character at `at` stand in brackets?"""
    opening = text.rfind("(", 0, at)
    return opening >= 0 and text.rfind(")", opening, at) < 0


def _cuts_outside_brackets(text: str, start: int = 0) -> list[int]:
    """Where the clauses of a text from `start` part: at «;» and at commas (not the comma of «2,5 м»), outside brackets,
    so «руководство (ФИО, телефон)» is one clause."""
    cuts: list[int] = []
    depth = 0
    for m in CLAUSE_SPLIT_RE.finditer(text, start):
        depth = max(0, depth + (m.group() == "(") - (m.group() == ")"))
        if m.group() not in "()" and not depth:
            cuts.append(m.start())
    return cuts


def _shared_words(hits: Mapping[str, _Hit]) -> frozenset[int]:
    """The words more than one hit stands on."""
    seen = Counter(i for h in hits.values() for i in set(h.words))
    return frozenset(i for i, n in seen.items() if n > 1)


def _names_indicator(folded: str, start: int = 0) -> bool:
    """Does a text name an indicator, by its number («5.1», from `start` on) or by the name of its value («Поткруд»)?
    Only such a text may give an indicator's value or a checklist item (most findings name none)."""
    return INDICATOR_RE.search(folded, start) is not None or INDICATOR_SYMBOL_RE.search(folded) is not None


def _read_notation(text: str, fixes: Collection[str]) -> str:
    """What an inspector writes in signs put in words, for the finding and its list's lead alike: marks, then
    temperatures («брайль -, в холле +14» reads «брайль нет, в холле +14 холодно»); and an institution's name without
    the tail that names whom it serves, a thing fixed without the words of its former state; «ни пандуса ни кнопки»
    typed without its comma reads with it, an item each; a fix promised is one not made yet; «д/инв.» and «б/поручней»
    read «для инв.» and «без поручней» («б/у» stays); a questionnaire's counts of answers read as the share of «да»
    («да — 112, нет — 2» is «98,2 %»), and the methodology's counts as the value they give («Укомф 188 | Чобщ 197»);
    a hotline's entry without the call it came by, a question by its answer, a plan's measure told done without its
    words."""
    if "/" in text:
        text = SLASH_FOR_RE.sub(lambda m: "для " if m.group()[0] in "дД" else "без ", text)
    return _read_neither(_read_temperatures(_read_marks(_read_future(_without_then_now(_without_fixed_states(_without_former_state(_without_resolved_remarks(_without_unconfirmed_claims(_without_disputed_remarks(_without_earlier_shares(_without_name_tail(_without_plan_status(_without_answered_questions(_without_report_frame(answers_as_shares(count_names_as_values(_without_norm_items(without_plan_columns(text))))))))))))))), fixes))))


def _read_future(text: str, fixes: Collection[str]) -> str:
    """A fix promised, not made: «ящик для отзывов будет установлен после ремонта», «тарифы планируется разместить
    в III квартале», «благоустройство запланировано на 2026 год» read «пока не установлен», «пока не разместить»,
    «пока не выполнено на 2026 год»: the thing is not there yet (a fix told in the past, «был установлен», says it
    is; «не будет» stays as it is). A fix is a word of one of the catalog's `fixes` (signals.done): «ответ будет
    дан в течение 30 дней» promises no fix; the fix may stand a few words after «будут» («будут после ремонта
    установлены»). What the fix waits for tells when, not what is missing: «стенд будет обновлён после утверждения
    тарифов» reads without «после утверждения тарифов»."""
    if FUTURE_HINT_RE.search(text) is None:
        return text  # most findings
    out, last = [], 0
    for m in FUTURE_FIX_RE.finditer(text):
        if m.start() < last:
            continue  # inside the words of a fix read already
        end = m.end()
        if m.group("done"):  # the fix may stand a few words after «будут»: «будут после ремонта установлены»
            fix = next((w for w in FUTURE_WORD_RE.finditer(text, m.start("done"), _words_end(text, m.start("done"))) if _is_fix(w.group(), fixes)), None)
            if fix is None:
                continue
            said, end = "пока не " + text[m.start("done") : fix.end()], fix.end()
        elif m.group("inf") and lemmas(fold(m.group("inf"))).isdisjoint(fixes):
            continue
        else:
            said = "пока не выполнено" if m.group("planned") else "пока не " + m.group("inf")
        waits = FIX_WAITS_RE.match(text, end)
        out += [text[last : m.start()], said]
        last = waits.end() if waits else end
    return "".join(out) + text[last:] if out else text


def _words_end(text: str, start: int) -> int:
    """Where the FUTURE_REACH words from `start` end (or the clause does)."""
    words = list(FUTURE_WORD_RE.finditer(text, start, start + 200))[:FUTURE_REACH]
    stop = re.search(r"[,;.!?]", text[start : words[-1].end()]) if words else None
    return start + stop.start() if stop else (words[-1].end() if words else start)


def _is_fix(word: str, fixes: Collection[str]) -> bool:
    return not lemmas(fold(word)).isdisjoint(fixes) and is_done(fold(word))


def _read_neither(text: str) -> str:
    """«ни пандуса ни кнопки вызова» read with the comma it goes without, before each «ни» after the first in a
    clause: the items of «ни …, ни …» are apart, as «нет пандуса, кнопки» («ни разу» alone stays as it is). With no
    denial around it, the list says the things are missing: «у приюта ни сайта, ни стенда» is «нет ни сайта, ни
    стенда» («ни сайта, ни стенда не обновляли» keeps its verb)."""
    found = list(NEITHER_RE.finditer(text)) if "ни " in text.lower() else []
    if len(found) < 2:
        return text
    out, last = [], 0
    first = found[0].start()
    lead = re.split(r"[,;:.!?()—–]", text[:first])[-1]
    rest = re.split(r"[;.!?()—–]", text[found[-1].end() :])[0]
    if not DENIED_RE.search(lead) and not DENIED_RE.search(rest):
        out, last = [text[:first], "нет "], first  # «у приюта ни сайта, ни стенда»: no verb, the things are missing
    for before, m in zip(found, found[1:], strict=False):
        if not re.search(r"[,;:.!?()—–]", text[before.end() : m.start()]):
            out += [text[last : m.start()].rstrip(), ", "]
            last = m.start()
    return "".join(out) + text[last:]


def _without_earlier_shares(text: str) -> str:
    """«удовлетворены 97 % (2023 — 93 %)» read without the share told for another period (see `earlier_shares`):
    the part that holds it would otherwise report the old result as the finding's own."""
    spans = earlier_shares(text) if DIGIT_RE.search(text) else []
    return "".join(text[a:b] for a, b in zip([0, *(end for _, end in spans)], [*(at for at, _ in spans), len(text)], strict=True))


def _without_resolved_remarks(text: str) -> str:
    """«Замечание прошлой НОК (нет политики ПДн) устранено: документ опубликован» reads «Замечание устранено: …»: what
    a remark removed was about is no problem now, and the remark removed says nothing is wrong (signals.clear); so
    does a complaint checked and not confirmed («обращение гр. К. о пандусе не подтвердилось»). A
    removal its sentence says is not done, partial or to come («не было устранено», «частично устранены», «будет
    устранено», «устранены, кроме …») keeps the words."""
    if RESOLVED_REMARK_RE.search(text) is None:
        return text  # most findings
    out, last = [], 0
    for m in RESOLVED_REMARK_RE.finditer(text):
        start = max(text.rfind(".", 0, m.start()), text.rfind(";", 0, m.start())) + 1
        sentence = text[start:] if (end := SENTENCE_END.search(text, m.end())) is None else text[start : end.start()]
        about = m.group("about")
        # (what the remark was about may say «нет», «не работает»; the words after its last comma or dash, brackets
        # aside, are the removal's own: «… так и не было устранено», «… — будет устранено»)
        tail = re.sub(r"\([^)]*\)", " ", re.split(r"[,—–]| - ", about)[-1])
        rest = sentence.replace(about, " ").replace(m.group("verb"), " ")  # (the removal's own «не подтвердилось»)
        if UNRESOLVED_RE.search(f"{fold(rest)} {fold(tail)}") or re.search(r"\bкроме\b", about):
            continue
        out.append(text[last : m.start("about")])
        last = m.end("about")
    return "".join(out) + text[last:]


def _without_unconfirmed_claims(text: str) -> str:
    """«Доводы заявителя об отсутствии кресел-колясок не нашли подтверждения: в наличии 4 исправных» and «Заявитель
    утверждает, что в холле нет воды. … Факты не подтвердились.» read «замечаний нет»: a claim checked and found
    groundless names nothing wrong. The sentence that says so (with a claim word before the verdict) goes, and so do
    the sentences before it that tell a claim. A verdict its sentence grants in part («…, однако выявлено…», «кроме»)
    keeps every word, and so does any sentence that tells no claim."""
    verdicts = unconfirmed_verdicts(text)
    if not verdicts:
        return text  # most findings
    cuts = [0, *(m.end() for m in SENTENCE_RE.finditer(text) if m.group()[:1] != ":"), len(text)]
    sentences = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]
    last = -1  # the last sentence that gives a verdict
    for k, (a, b) in enumerate(sentences):
        m = next((v for v in verdicts if a <= v.start() < b), None)
        if m is not None and judges_claim(text, a, m) and not CONCEDED_RE.search(text, m.end(), b):
            last = k
    if last < 0:
        return text
    out = [
        " замечаний нет." if k == last or k < last and CLAIM_RE.search(text, a, b) else text[a:b]
        for k, (a, b) in enumerate(sentences)
    ]
    return "".join(out).strip()


def _without_disputed_remarks(text: str) -> str:
    """«Учреждение не согласно с замечанием об отсутствии стоянки: место размечено в июне, фото прилагаем» reads
    «замечаний нет»: the institution disputes the remark and tells why, its sentence names nothing wrong. A sentence
    that grants the remark in part («не согласны в части пандуса, согласны в части стоянки», «действительно»,
    «однако») keeps its words, and so do the finding's other sentences."""
    m = DISPUTED_REMARK_RE.search(text) if "соглас" in text else None
    if m is None:
        return text  # most findings
    start = max(text.rfind(c, 0, m.start()) for c in ".;!?") + 1
    end = len(text) if (stop := SENTENCE_END.search(text, m.end())) is None else stop.start()
    if CONCEDED_RE.search(text, m.end(), end) or CONCEDED_RE.search(text, start, m.start()):
        return text
    return f"{text[:start]} замечаний нет{text[end:]}"


def _without_norm_items(text: str) -> str:
    """«не соответствует п. 5.1.3 СП 59.13330.2020» reads «не соответствует СП 59.13330.2020»: the item of a
    building norm names no indicator (5.1 is the readiness to recommend)."""
    if "СП" not in text and "ГОСТ" not in text and "СНиП" not in text and "СанПиН" not in text and "свод" not in text.lower():
        return text  # most findings
    return NORM_ITEM_RE.sub(lambda m: m.group("norm") or "", text)


def _without_then_now(text: str) -> str:
    """«Раньше к маме пускали только по выходным, теперь — каждый день с 10 до 19», «на сайте теперь есть политика
    ПДн? раньше не было» read without the clause of how it was: the finding tells a change for the better. Only in a
    sentence whose «теперь» says nothing is wrong now («раньше был кулер, теперь его нет» keeps every word)."""
    if NOW_RE.search(text) is None:
        return text  # most findings
    out, last = [], 0
    bounds = [0, *(m.end() for m in SENTENCE_END.finditer(text)), len(text)]
    for a, b in zip(bounds, bounds[1:], strict=False):
        now = NOW_RE.search(text, a, b)
        if now is None:
            continue
        then = [m for m in THEN_CLAUSE_RE.finditer(text, a, b) if not m.start() <= now.start() < m.end()]
        rest = THEN_CLAUSE_RE.sub(" ", text[now.start() : b])  # (the clause of how it was may follow «теперь»)
        if not then or NOW_WRONG_RE.search(rest):
            continue
        for m in then:
            out.append(text[last : m.start()])
            last = m.end()
    return "".join(out) + text[last:] if out else text


def _without_former_state(text: str) -> str:
    """«Ранее отсутствовавший кулер теперь установлен», «версия, ранее не работавшая, восстановлена», «платформу,
    неисправность которой отмечалась, отремонтировали» read without the words of the state the thing was in: the
    finding tells a fix, not a problem. Only where a fix follows in the sentence, not denied nor partial («ранее
    отсутствовавший пандус так и не установлен», «… размещена частично» keep them)."""
    if FORMER_HINT_RE.search(text) is None:
        return text  # most findings
    out, last = [], 0
    for m in FORMER_STATE_RE.finditer(text):
        rest = text[m.end() :].split(";", 1)[0]
        words = [w.group().lower() for w in WORD_RE.finditer(rest)]
        fixed = any(
            (w == "теперь" or is_done(w) or is_done_by_someone(w)) and (k == 0 or words[k - 1] != "не") for k, w in enumerate(words)
        )
        if fixed and PARTLY_RE.search(fold(rest)) is None:
            out += [text[last : m.start()], "," if m.group("before") and m.group("after") else ""]
            last = m.end()
    return "".join(out) + text[last:] if out else text


FIX_END_RE = re.compile(r"[.;!?](?!\d)")
FIX_CUT_RE = re.compile(r"[.,](?!\d)|[;:!?()]")  # (not inside a date: «12.03.2024»)
TIME_NOUNS = frozenset({"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь", "год", "число", "дата", "срок"})


def _lead_place(toks: Tokens, end: int) -> slice:
    """The place a line opens with, before `end`: «в туалете», «в универсальной кабине» (the words of the noun after
    «в» or «на», with its modifiers before it), or none."""
    if not toks.surface or toks.surface[0].lower() not in LOCATIVES:
        return slice(0)
    stop = min(len(toks.surface), toks._range(0, end).stop)
    i = 1
    while i < stop and attachment(toks.surface[i])[2] and not attachment(toks.surface[i])[0]:
        i += 1  # «в универсальной …»: a modifier waiting for its noun
    return slice(1, min(i + 1, stop))


def _without_fixed_states(text: str) -> str:
    """«Пандус отсутствовал, установлен 12.03.2024», «ужин подавался остывшим из-за поломки мармита, мармит заменён
    10.01.2024», «отсутствовал раздел «Часто задаваемые вопросы» (выполнено: раздел создан 20.03.2024)» read without
    the clause of the state that was: a reply or a report tells a thing wrong in the past and fixed since, which
    names nothing wrong now. The fix must be told done and when (`findings.fixed_in`), and be of the same thing (a
    noun of both clauses, or the fix names none right after the state: «установлен 12.03.2024»); the clause of the
    state says it in the past and nothing in the present. A fix to come, partial or with a «но» keeps every word, and
    so does a fix of another thing («кнопка не работала, поручни установлены 12.03.2024»)."""
    if FIX_WHEN_RE.search(text) is None:
        return text  # most findings
    bounds = [0, *(m.end() for m in FIX_CUT_RE.finditer(text)), len(text)]
    clauses = [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]
    low = fold(text)  # (the same length: «ё» is «е»)
    words = [[w.group() for w in WORD_RE.finditer(low, a, b)] for a, b in clauses]
    nouns = [{n for w in ws if (n := noun_of(w)) is not None and n not in TIME_NOUNS} for ws in words]
    dropped: set[int] = set()
    for j, (a, b) in enumerate(clauses):
        end = m.start() if (m := FIX_END_RE.search(text, b - 1)) is not None else len(text)  # (the sentence's rest)
        if not fixed_in(text, a, b, max(b, end)):
            continue
        for i in range(j):
            tenses = {tense(w) for w in words[i]}
            if "past" not in tenses or "pres" in tenses or i in dropped:
                continue
            if nouns[i] & nouns[j] or not nouns[j] and i == j - 1:
                dropped.add(i)
    if not dropped:
        return text
    return "".join(" " if k in dropped else text[a:b] for k, (a, b) in enumerate(clauses))


def _without_plan_status(text: str) -> str:
    """A report on last year's plan tells an item's status before what was done and what was not: «Выполнено
    частично: коляска закуплена, а санитарная комната не оборудована», «Частично: инструктаж проведён, но бегущая
    строка не установлена». Where the things tell their own states (a denial stands after the status), the status is
    no state of each of them and is read without. A measure quoted or told as done («пункт «Установить кнопку вызова»
    выполнен», «Установить кнопку вызова у входа — выполнено») names no missing thing: it is read without its words
    («… не выполнен» keeps them; see _done_measure)."""
    if STATUS_HINT_RE.search(text) is None:
        return text  # most findings
    lead = STATUS_LEAD_RE.match(text)
    if lead is not None and DENIED_RE.search(text, lead.end()) is not None:
        text = text[lead.end() :]
    return MEASURE_STATUS_RE.sub(_done_measure, QUOTED_DONE_RE.sub(" ", text))


def _done_measure(m: re.Match[str]) -> str:
    """A measure told done is read without its words and its status; told done in part, without them where what was
    not done is told after a colon («… — выполнено частично: лицензия размещена, сведения о совете не размещены»),
    and as it stands where it is not («… — выполнено частично» keeps the thing missing)."""
    if not is_infinitive(fold(m.group("verb"))) or m.group("partly") and not m.group("told"):
        return m.group()
    return " "


def _without_report_frame(text: str) -> str:
    """A hotline's entry read without the words of how it came («Звонок 07:55, дочь получателя: санитарка грубит»,
    «Со слов звонившей, сиделка отвечает матом», «Заявитель сообщает, что санитарки грубят»): the call is how the
    report reached the operator, and read with it the rudeness it tells would be a telephone's; the applicant is who
    wrote, and read with it the rudeness would be at the first contact."""
    if FRAME_HINT_RE.search(text) is None or unconfirmed_verdicts(text):
        return text  # most findings; a claim judged unconfirmed keeps the words that make it a claim
    return REPORT_FRAME_RE.sub(" ", text)


def _without_answered_questions(text: str) -> str:
    """A question of a questionnaire or an interview is read by its answer. Asking after what is good and answered yes
    («Удовлетворены ли Вы информацией на сайте? — Да», «Есть ли пандус? — да, у входа», «— Выдавали ли вам
    программу? — Выдавали, …»), or asking after a trouble and answered no («— Бывает, что в комнатах холодно? — Нет,
    что вы, топят исправно», «— Вы ждали? — Нет, сразу приняли», «— На что жалуетесь? — Да ни на что»), it names
    nothing: it is read without the question and the words of its yes or no, and the rest of the answer is read on
    its own; a rest that speaks on of the thing by a pronoun goes with the yes when it says nothing wrong («—
    Выдавали, она у меня дома лежит»), and else the line is read as it stands. Answered otherwise («Есть ли тарифы? — Нет», «Были ли случаи грубости? — Да»), it is read as it
    stands."""
    if "?" not in text:
        return text  # most findings
    out, last = [], 0
    for q in QUESTION_RE.finditer(text):
        a = lead.end() if (lead := ANSWER_LEAD_RE.match(text, q.end())) is not None else q.end()
        said = _answered_as_asked(q.group(), text, a)
        if said is not None:
            out.append(text[last : q.start()])
            last = said
    return "".join(out) + text[last:] if out else text


def _answered_as_asked(question: str, text: str, at: int) -> int | None:
    """Where the yes or no at `at` that says all is well ends (with the rest that speaks on of its thing, see
    _without_answered_questions), or None when the answer says otherwise."""
    if _asks_after_trouble(question):
        if (no := NO_RE.match(text, at)) is None:
            return None
        # «— Нет, батареи горячие, даже жарко»: a rest with nothing set against the no says on that all is well
        stop = _answer_end(text, no.end())
        rest = text[no.end() : stop]
        said = words(rest)
        plain = said and AGAINST_RE.search(rest) is None and NEGATIONS.isdisjoint(said)
        return stop if plain else no.end()
    if ASKED_RE.search(question) is None:
        return None
    if (yes := YES_RE.match(text, at)) is not None and GOOD_ASKED_RE.search(question) is not None:
        return yes.end()
    asked, echo = ECHO_RE.search(question), WORD_RE.match(fold(text), at)
    if asked is None or echo is None or not is_predicate(echo.group()):
        return None
    if lemmas(echo.group()).isdisjoint(lemmas(fold(asked.group(1)))):
        return None
    end = len(text) - len(text[echo.end() :].lstrip(ANSWER_SEPARATORS))  # («Выдавали, и договор тоже»)
    stop = _answer_end(text, end)
    if BUT_RE.search(text, end, stop) is not None:
        return None  # («Есть, но на ремонте» is no yes)
    rest = text[end:stop]
    said = words(rest)
    if not said or said[0] not in PRONOUNS:
        return end
    # the rest speaks on of the thing asked after, by a pronoun: «Выдавали, она у меня дома лежит» says more of what
    # is well, «Работает, она иногда не срабатывает» what is wrong with it, read with the question that names it
    return stop if NEGATIONS.isdisjoint(said) and TROUBLE_WORDS_RE.search(rest) is None else None


def _answer_end(text: str, at: int) -> int:
    """Where the sentence of an answer that goes on at `at` ends: its stop mark, or the end of the text."""
    return m.start() if (m := ANSWER_END_RE.search(text, at)) is not None else len(text)


def _asks_after_trouble(question: str) -> bool:
    own = OTHER_CLAUSE_RE.sub(" ", question)  # («куда пожаловаться, если что не так» asks after no trouble)
    if TROUBLE_WORDS_RE.search(own) is not None:
        return True
    return any(not is_gerund(fold(m.group(1))) for m in NOT_RE.finditer(own))


def _without_name_tail(text: str) -> str:
    """«отделение социального обслуживания на дому граждан пожилого возраста и инвалидов», «дом-интернат для
    престарелых и инвалидов» read without whom they serve: the name tells no finding about disabled people («стенд
    … инвалидов» would be a stand for them)."""
    return NAME_TAIL_RE.sub(r"\1", text) if "инвалид" in text.lower() else text


def _lead_mark(m: re.Match[str]) -> str:
    """A mark before its item, put after it as a word (see LEAD_MARK_RE); kept where the item tells its own state."""
    if LEAD_ITEM_SAYS_RE.search(m.group("item")):
        return m.group()
    # (a «;» before the next mark: it opens another item, not more of this one — «✓ стоянка ✗ коляски»)
    rest = m.string[m.end() :]
    follows = rest.lstrip()[:1] not in (";", "|") and not LEAD_SIGNS.isdisjoint(rest)
    return f" {m.group('item')} {'есть' if m.group('yes') else 'нет'}{';' if follows else ''}"


def _read_marks(text: str) -> str:
    """The text with an inspector's marks put in words: «лицензия -, тарифы -, ПВР +» (or «✗» and «✓») reads
    «лицензия нет, тарифы нет, ПВР есть», so the rules of «нет» and «есть» apply to them (the item with a plus is
    there, not missing); a checklist's row saved with «;» reads as if written with a dash («лицензия; −» is
    «лицензия — −»); a dash in the remark cell after a value says there is no remark («5.1 | 99 | —»); in a table of
    ones and zeros («сурдоперевод — 0, версия для слабовидящих — 1») a one says the item is there; a checklist app's
    box or mark before its item is put after it as a word («[ ] пандус» reads «пандус нет»)."""
    # (each mark has its sign: a line without it is not searched for the mark)
    if not LEAD_SIGNS.isdisjoint(text):  # «[ ] пандус», «✗ ФХД»
        text = (LEAD_MARKS_RE if LEAD_MARK_RE.match(text) else LEAD_MARK_RE).sub(_lead_mark, text)
    if "✓" in text or "✔" in text or "☑" in text or "✗" in text or "✘" in text or "☒" in text:  # a tick is a plus
        text = CHECK_MARK_RE.sub(lambda m: " +" if m.group("yes") else " −", text)
    if ";" in text or "|" in text:  # «5.1; 99; —»: a table's remark cell left empty after a value, no minus
        text = EMPTY_REMARK_RE.sub("", text)
    if "сайт" in text.lower() or "стенд" in text.lower():
        text = _read_place_items(text)
    if ";" in text:  # a checklist's row: «Брайль; частично» is «Брайль — частично», «…; сайт — нет» a place of it
        text = ANSWER_CUT_RE.sub(_row_answer, text)
        if " — 1" in text:  # and its mark one says the item is there: «Пандус; 1; замечаний нет» (a zero is a minus)
            text = ROW_ONE_RE.sub(" — есть", text)
    if "на " in text:  # «лицензия: на сайте — нет, на стенде — да»: the answer is the place's, not a missing stand
        text = PLACE_DASH_RE.sub(lambda m: m.group("place") + (" есть" if m.group("yes") else " "), text)
    if "-" in text or "–" in text or "—" in text or "−" in text:
        if "1" in text and "0" in text and MINUS_MARK_RE.search(text):  # a table of ones and zeros
            text = ONE_MARK_RE.sub(" есть", text)
        text = MINUS_MARK_RE.sub(" нет", text)
    if "+" in text:
        text = PLUS_MARK_RE.sub(" есть", text)
    return NO_DATA_RE.sub("нет данных", text) if "/" in text else text


def _worded(toks: Tokens, words: Sequence[int]) -> bool:
    """Do these words name a thing, not only an indicator or an item by its number («показателя 3.1»)?"""
    return any(toks.surface[i].isalpha() and toks.lemma_sets[i].isdisjoint(NUMBER_NOUNS) for i in words)


def _drop_told_of_before(text: str, toks: Tokens, hits: dict[str, _Hit]) -> None:
    """Leave out a hit whose words all stand in a clause that names its thing by a pronoun (`_names_back`) agreeing with
    a noun of another hit before it: «подъёмная платформа одна на два корпуса, ждать её приходится по часу» tells what
    is wrong with the platform, not a delay of the service of its own (as `_clause_hits` reads such a clause); «договор
    им не выдали» names people, not the thing before."""
    cuts = [m.start() for m in CLAUSE_CUT_RE.finditer(text)]
    if not cuts:
        return

    def clause(i: int) -> int:
        return bisect.bisect_right(cuts, toks.spans[i][0])

    for did, h in list(hits.items()):
        own = {clause(i) for i in (*h.words, *h.at)}
        if len(own) != 1 or not (c := own.pop()):
            continue
        pronouns = [toks.surface[i] for i in range(len(toks.surface)) if clause(i) == c and i not in h.words and _names_back(toks, i)]
        before = [toks.surface[i] for o, other in hits.items() if o != did for i in (*other.words, *other.at) if clause(i) < c]
        if any(stands_for(p, w) for p in pronouns for w in before):
            del hits[did]


def _drop_the_only_ones(text: str, toks: Tokens, hits: dict[str, _Hit]) -> None:
    """«на стенде только устав и лицензия, тарифов нет», «почты на сайте нет, только телефон и адрес»: the things after
    «только» are the ones that are there; a hit whose words all stand among them is dropped when another hit of the
    finding stands outside, where the thing missing is named («только с одной стороны», «только 2 из 6» say how much)."""
    spans = [(m.start(), m.end()) for m in ONLY_LIST_RE.finditer(text)]
    _drop_within(hits, {i for i, (a, b) in enumerate(toks.spans) if any(s <= a and b <= e for s, e in spans)})


def _drop_within(hits: dict[str, _Hit], inside: set[int], spare: Collection[str] = (), outside: Collection[str] = ()) -> None:
    """Drop the hits about words that all stand `inside` (a clause that says its thing is there, a «только» list),
    when another hit stands outside: that one names the problem. The `spare` hits (details of another) stay; the
    `outside` hits (their thing named again outside) stand outside whatever their words, when no hit stands outside
    and each has its words."""
    about = {did: set(h.at if h.source == "pattern" else h.words) for did, h in hits.items()}
    if any(pos and not pos <= inside for pos in about.values()) or not all(about.values()):
        outside = ()  # a hit stands outside (or one found by its whole wording may): it names the problem
    doubted = [did for did, pos in about.items() if pos and pos <= inside and did not in spare and did not in outside]
    if doubted and (outside or any(pos and not pos <= inside for pos in about.values())):
        for did in doubted:
            del hits[did]


def _read_place_items(text: str) -> str:
    """Where a thing is, as a checklist gives it: «Тарифы — сайт −, стенд −», «Паспорт доступности: сайт −, стенд +»
    read «на сайте −, на стенде −» — the site and the stand are the thing's places, not things missing; so is a heading
    «Сайт: политика ПДн −; образец договора −». A list of things with marks and no thing before them («Стенд −, сайт −,
    ящик жалоб −») stays as it is."""
    heading = PLACE_HEADING_RE.match(text)
    if heading is not None:
        return f"На {_PLACE_CASE[heading.group('place').lower()[:4]]}: {text[heading.end():]}"
    items = list(PLACE_ITEM_RE.finditer(text))
    places = {m.group("place").lower()[:4] for m in items}
    if places != {"сайт", "стен"} or all(m.group("mark") is None for m in items) or not re.search(r"[а-яёa-z]{2}", text[: items[0].start()], re.I):
        return text
    out, last = [], 0
    for m in items:
        out += [text[last : m.start("place")], "на ", _PLACE_CASE[m.group("place").lower()[:4]]]
        last = m.end("place")
    return "".join(out) + text[last:]


_PLACE_CASE = {"сайт": "сайте", "стен": "стенде"}


def _row_answer(m: re.Match[str]) -> str:
    """A checklist row's «;» before an answer, read as a dash; a place's answer, as that place's: «Форма договора;
    сайт — нет» reads «Форма договора, на сайте — нет», not a missing site."""
    place = m.group("place")
    return " — " if not place else ", на сайте — " if "сайт" in place.lower() else ", на стенде — "  # (see PLACE_DASH_RE)


def _temperatures(text: str) -> list[tuple[int, re.Match[str]]]:
    """Every temperature indoors the text tells by its reading («+14», «плюс четырнадцать», «16 градусов»)."""
    if "+" not in text and "°" not in text and "плюс" not in text.lower() and "градус" not in text.lower():
        return []
    # (numerals keeps every position: «плюс четырнадцать»)
    return [(int(m.group("signed") or m.group("unsigned")), m) for m in TEMPERATURE_RE.finditer(numerals(text))]


def _temperature_in_norm(text: str) -> bool:
    """Does the text tell temperatures, each between COLD_BELOW and HOT_ABOVE («в кабинете +22»)?"""
    found = _temperatures(text)
    return bool(found) and all(COLD_BELOW <= value <= HOT_ABOVE for value, _ in found)


def _read_temperatures(text: str) -> str:
    """The text with a temperature told by its reading put in words: «в холле +14» reads «в холле +14 холодно», so the
    concepts of cold and heat apply; a reading between COLD_BELOW and HOT_ABOVE says nothing."""
    out, last = [], 0
    for value, m in _temperatures(text):
        word = " холодно" if value < COLD_BELOW else " жарко" if value > HOT_ABOVE else ""
        end = m.end()
        while end < len(text) and text[end].isalpha():  # the rest of a number word («четырнадцать») past its digits
            end += 1
        if word:
            out += [text[last:end].rstrip(), word]
            last = end
    return "".join(out) + text[last:] if out else text


def _wished_more(toks: Tokens, parts: Sequence[tuple[int, int]]) -> set[int]:
    """The parts that wish for more of a thing (`lemmas.wishes_more`)."""
    return {_part_of(toks, parts, i) for i in wishes_more(toks.surface)}


def _part_of(toks: Tokens, parts: Sequence[tuple[int, int]], i: int) -> int:
    """The part of a finding the word at `i` stands in."""
    return next((k for k, (a, b) in enumerate(parts) if a <= toks.spans[i][0] < b), -1)


def _named_first(guess: Guess | None, deficiency: str) -> bool:
    """Is the deficiency the model's first answer?"""
    return guess is not None and guess.deficiency == deficiency


def _actor(text: str, toks: Tokens) -> str:
    """The words a finding opens with before its first verb, when they are few (ACTOR_WORDS): who the verbs after
    them are said of («соцработник» in «соцработник опаздывает, хамит, ставок не хватает»); else nothing."""
    for k, word in enumerate(toks.surface[: ACTOR_WORDS + 1]):
        if is_predicate(word):
            return text[: toks.spans[k][0]].strip() if k and not PLACE_CUT_RE.search(text, 0, toks.spans[k][0]) else ""
    return ""


def _far(stage: Similarity, reading: Reading, deficiency: str, share: float) -> bool:
    """Is no phrasing of the deficiency close to the text read: the closest at most `share` times the nearest?"""
    return bool(reading.near) and stage.closest(reading, deficiency) <= share * reading.near[0][0]


def _place_words(text: str, places: list[tuple[int, int]]) -> str:
    """The places of a finding as a curator reads them: «телефон не действует … для жалоб»."""
    return " … ".join(text[x:y].strip(" ,;:.!?()—–-") for x, y in places)


def _apart(mine: tuple[int, ...], theirs: tuple[int, ...], items: tuple[int, ...] | None) -> bool:
    """Do a hit's own words stand in items of a list (see Recognizer._list_items) that hold none of the other
    hit's words? Then the one is no detail of the other."""
    if items is None:
        return False
    own = {items[i] for i in mine if i < len(items) and i not in theirs}
    other = {items[i] for i in theirs if i < len(items)}
    return bool(own) and -1 not in own and not own & other


def _clear_line(text: str, parts: Sequence[tuple[int, int]], signals: Sequence[PartSignal]) -> bool:
    """Does the finding say nothing is wrong? Every part does, or one part gives the verdict on the whole line (the
    last, or the first before a colon or dash) and no other says anything is wrong or gives a survey's or a score's
    figure: «Родственники могут посещать проживающих с 9 до 20 часов, жалоб на режим посещений нет», «Замечаний нет:
    пандус установлен». The verdict is a clause of its own (see _verdict): in «…, но не подключена к почте — обращения
    никуда не поступают» the part says what is wrong before it."""
    if all(sg.clear for sg in signals):
        return True
    if len(signals) < 2:
        return False
    if signals[-1].clear and _verdict(text, parts[-1]):
        rest = range(len(parts) - 1)
    elif signals[0].clear and _verdict(text, parts[0]) and _before_colon(text, parts, 0):
        rest = range(1, len(parts))
    else:
        return False
    # (a survey or score word with a number reports a result, which the verdict does not judge: «показатель 1.3 — 78»)
    return not any(
        signals[n].problem or signals[n].short or (signals[n].survey or signals[n].score) and DIGIT_RE.search(text, *parts[n])
        for n in rest
    )


def _verdict(text: str, span: tuple[int, int]) -> bool:
    """Is the part a verdict on the whole line: one clause (a name in quotes aside) that denies remarks («замечаний
    нет», «жалоб на режим посещений нет», «недостатков не выявлено»)? «а медсёстры не грубят» judges one thing only."""
    inner = QUOTED_RE.sub("«»", text[span[0] : span[1]].strip().rstrip(".!;"))
    return PUNCTUATION_RE.search(inner) is None and any(VERDICT_NOUNS & lemmas(w) for w in words(inner))


def _heads_clear(text: str, parts: Sequence[tuple[int, int]], signals: Sequence[PartSignal], n: int) -> bool:
    """Is part `n` a heading with nothing wrong of its own, and the part after its colon or dash says nothing is
    wrong («Показатели доброжелательности, вежливости, компетентности работников: замечаний нет»)?"""
    if n + 1 >= len(parts) or not signals[n + 1].clear or signals[n].problem or signals[n].survey:
        return False
    return _before_colon(text, parts, n)


def _before_colon(text: str, parts: Sequence[tuple[int, int]], n: int) -> bool:
    """Does a colon or a dash follow part `n`, so that the part heads what comes after it?"""
    return text[parts[n][1] : parts[n + 1][1]].lstrip()[:1] in (":", "—", "–", "-")


def _after_preposition(surface: Sequence[str], at: int) -> bool:
    """Does the phrase of the word at `at` follow a preposition, past the words that modify it («на информационном
    стенде», «после ремонта»)? Then it names where or after what, not a thing of its own."""
    k = at - 1
    while k >= 0 and surface[k] not in PREPOSITIONS and attachment(surface[k])[2]:
        k -= 1
    return k >= 0 and surface[k] in PREPOSITIONS


def _values(d: Deficiency, percent: float | None) -> dict[str, float]:
    return {d.value: percent} if d.value and percent is not None else {}


def _word_cover(q: str, vocab: list[str]) -> float:
    """How well one content word of a finding is covered by a deficiency's words: 1 when it is one of them,
    else its closest similarity, or 0.8 for a word of the same root."""
    if q in vocab:
        return 1.0
    if not vocab:
        return 0.0
    hit = process.extractOne(q, vocab, scorer=fuzz.ratio, score_cutoff=75)
    same_root = any(_common_prefix(q, v) >= max(4, 0.6 * min(len(q), len(v))) for v in vocab)
    return max(hit[1] / 100 if hit else 0.0, 0.8 if same_root else 0.0)


def _is_name(text: str, start: int, end: int) -> bool:
    """A word written with a capital inside the text and not in capitals throughout: a proper name. After a full
    stop it is a name only when the stop closes a short lower-case abbreviation («ул. Садовая», «пос. Ясный»)."""
    word = text[start:end]
    if start == 0 or not word[:1].isupper() or word.isupper():
        return False
    before = text[:start].rstrip()
    if not before or before[-1] in "!?":
        return False
    # (a match ends the text and is at most 7 characters long: only the tail is searched; `^` still means its start)
    return before[-1] != "." or bool(ABBREVIATION_DOT_RE.search(before, max(0, len(before) - 7)))


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _places_for(d: Deficiency, found: tuple[Place, ...]) -> tuple[Place, ...]:
    if not d.places:
        return ()
    named = tuple(p for p in found if p in d.places)
    return named or tuple(d.places)
