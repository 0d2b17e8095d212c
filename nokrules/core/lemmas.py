"""Russian lemmas for words, cached. pymorphy3 lives here only, so the library can be swapped in one place.

pymorphy3 (the maintained fork of pymorphy2, OpenCorpora dictionary) is used rather than a Snowball
stemmer: curators write patterns as dictionary words, and a lemmatiser maps «пандуса», «поручней»,
«удовлетворённость» to exactly those words, while a stemmer's truncated stems are neither readable nor
stable. A word keeps every normal form of its parses, so ambiguous words («стали») match either reading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import pymorphy3
import pymorphy3_dicts_ru
from pymorphy3.analyzer import Parse

WORD_RE = re.compile(r"[0-9a-zа-я]+(?:-[0-9a-zа-я]+)*")

_analyzer: pymorphy3.MorphAnalyzer | None = None


def _morph() -> pymorphy3.MorphAnalyzer:
    global _analyzer
    if _analyzer is None:
        _analyzer = pymorphy3.MorphAnalyzer()
    return _analyzer


@lru_cache(maxsize=50_000)
def _parses(word: str) -> tuple[Parse, ...]:
    """Every parse of a folded word, likeliest first: the dictionary is asked once per word, however many
    questions the readings ask of it."""
    return tuple(_morph().parse(word))


def fold(text: str) -> str:
    """Lower case, ё → е: the form every comparison uses."""
    return text.lower().replace("ё", "е")


def words(text: str) -> list[str]:
    return WORD_RE.findall(fold(text))


# prepositions the dictionary also parses as rare other words («к» → «как», «для» → «длить», «при» → «переть»,
# «после» → «посол», «из» → «иза»): in a finding they are the preposition, and a pattern word must not match them
PREPOSITIONS_ONLY = frozenset({"к", "для", "при", "после", "из"})


# spoken forms of a word the dictionary does not tie to it: «сайта нету» says what «сайта нет» does
SPOKEN = {"нету": "нет"}


@lru_cache(maxsize=200_000)
def lemmas(word: str) -> frozenset[str]:
    """Every normal form of a folded word, plus the word itself."""
    if not re.search(r"[а-я]", word) or word in PREPOSITIONS_ONLY:
        return frozenset({word})
    out = {word, SPOKEN[word]} if word in SPOKEN else {word}
    for p in _parses(word):
        out.add(fold(p.normal_form))
    return frozenset(out)


@lru_cache(maxsize=200_000)
def is_known(word: str) -> bool:
    """Is the word in the dictionary (or a number / Latin)? Unknown words are typo candidates."""
    if not re.search(r"[а-я]", word):
        return True
    return bool(_morph().word_is_known(word))


@lru_cache(maxsize=50_000)
def may_head(word: str) -> bool:
    """Can the word stand as a thing named on its own — a subject, or the object of «нет», «ни», «без»
    (nominative, genitive or accusative)? «заставлен стульями» and «туалет с поручнями» name the chairs and
    the handrails as a means or a part of something else, not as an item of an enumeration."""
    if not re.search(r"[а-я]", word):
        return True
    return any(p.tag.case in (None, "nomn", "gent", "accs", "gen2", "acc2") for p in _parses(word))


@lru_cache(maxsize=50_000)
def _noun_reading(word: str) -> tuple[bool, frozenset[str]]:
    """(Can the word be a preposition — «в» is a letter's name too —, the cases it can be a noun in)."""
    parses = _parses(word)
    return any(p.tag.POS == "PREP" for p in parses), frozenset(p.tag.case for p in parses if p.tag.POS == "NOUN" and p.tag.case)


def names_thing(word: str) -> bool:
    """Can the word be a noun that names who (nominative: «воспитатели», «санитарка») or where
    (locative: «в кабинетах»)? A clause with one tells of its own people or place, not only more of what the same
    people do («перебивают», «разговаривает с родственниками свысока»)."""
    preposition, cases = _noun_reading(word)
    return not preposition and not cases.isdisjoint(("nomn", "loct", "loc2"))


def is_noun(word: str) -> bool:
    """Can the word be a noun in the genitive, what «нет» denies («скамеек», «мыла»), and no preposition («в» is a
    letter's name too)? «нет» before one denies it: «мусор и нет скамеек», but «запаха нет в туалетах»."""
    preposition, cases = _noun_reading(word)
    return not preposition and not cases.isdisjoint(("gent", "gen2"))


def may_be_locative(word: str) -> bool:
    """Can the word be a noun in the locative, where a thing is («на пандусе»), not where to («ссылка на страницу»)?"""
    return not _noun_reading(word)[1].isdisjoint(("loct", "loc2"))


def same_case(a: str, b: str) -> bool:
    """Can the two words be nouns in one case, as the items of a list are («нет кулера и стульев»: both genitive)?"""
    return not _noun_reading(a)[1].isdisjoint(_noun_reading(b)[1])


@lru_cache(maxsize=50_000)
def attachment(word: str) -> tuple[bool, bool, bool]:
    """How a word stands among the nouns of a phrase: (a noun — what others may hang on; a genitive — hangs on the
    noun before it, «телефоны структурных подразделений»; a modifier that waits for its noun, «о социальных
    работниках»)."""
    if not re.search(r"[а-я]", word):
        return False, False, False
    parses = _parses(word)
    noun = any(p.tag.POS == "NOUN" for p in parses)
    genitive = any(p.tag.case in ("gent", "gen2") and p.tag.POS in ("NOUN", "ADJF", "PRTF", "NPRO", "NUMR") for p in parses)
    modifier = parses[0].tag.POS in ("ADJF", "PRTF", "NUMR", "NPRO")
    return noun, genitive, modifier


# a pronoun that names a thing said before, with the gender (or the plural) of the nouns it can stand for
STANDS_FOR = {"он": ("masc",), "его": ("masc", "neut"), "оно": ("neut",), "она": ("femn",), "её": ("femn",), "ее": ("femn",),
              "они": ("plur",), "их": ("plur",)}


@lru_cache(maxsize=50_000)
def stands_for(pronoun: str, word: str) -> bool:
    """Can `pronoun` name the noun `word`, agreeing with it in gender and number («платформа … ждать её», «поручни …
    их»)? Not a dative or other form that names a person a thing is done to («договор им не выдали»)."""
    agrees = STANDS_FOR.get(pronoun)
    if agrees is None or not re.search(r"[а-я]", word):
        return False
    return any(
        p.tag.POS == "NOUN" and (p.tag.number == "plur" if agrees == ("plur",) else p.tag.number == "sing" and p.tag.gender in agrees)
        for p in _parses(word)
    )


FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "NPRO", "INTJ", "PRED"})  # (PRED: «нет», «можно», «негде»)


@lru_cache(maxsize=50_000)
def is_content(word: str) -> bool:
    """Does the word name something (a thing, an action, a quality), not only tie words together or point back
    («а», «у», «нас», «нет», «его»)? A word no parse knows, or a number, counts as naming something."""
    if not re.search(r"[а-я]", word):
        return True
    return _parses(word)[0].tag.POS not in FUNCTION_POS


@lru_cache(maxsize=50_000)
def is_infinitive(word: str) -> bool:
    """Can the word be an infinitive («установить», «обеспечить»)? A recommendation is told in them, a state in
    participles («установлен», «обеспечена»)."""
    return bool(re.search(r"[а-я]", word)) and any(p.tag.POS == "INFN" for p in _parses(word))


@lru_cache(maxsize=50_000)
def is_imperative(word: str) -> bool:
    """Can the word be a verb that bids («почините», «сделайте», «поставь»)? Relatives ask for a fix in them."""
    return bool(re.search(r"[а-я]", word)) and any(p.tag.POS == "VERB" and "impr" in p.tag for p in _parses(word))


@lru_cache(maxsize=50_000)
def is_past(word: str) -> bool:
    """Can the word be a verb in the past («поставили»)? With «бы» or «чтобы» it tells a wish."""
    return bool(re.search(r"[а-я]", word)) and any(p.tag.POS == "VERB" and "past" in p.tag for p in _parses(word))


@lru_cache(maxsize=50_000)
def is_comparative(word: str) -> bool:
    """Is the word most likely a comparative («разнообразнее», «почаще», «теплее»)?"""
    return bool(re.search(r"[а-я]", word)) and "COMP" in _parses(word)[0].tag


PURPOSE_WORDS = frozenset({"чтобы", "чтоб"})  # they open a clause of purpose, or of a wish: «чтобы повесили расписание»
WISH_WORDS = PURPOSE_WORDS | {"бы"}  # a wish for more opens with one: «хорошо бы почаще»
ONWARD = frozenset({"дальше"})  # comparatives that ask for nothing more: «хотелось бы, чтобы и дальше так»


def wishes_more(surface: Sequence[str]) -> list[int]:
    """Where a wish asks for more of a thing: a comparative after «бы», «чтобы» or «чтоб» («хорошо бы, чтобы кормили
    разнообразнее», «хочу, чтобы в палате было теплее»). The wish says by its form that there is too little now,
    though its words («хорошо», «разнообразный») are praise elsewhere."""
    out: list[int] = []
    wish = False
    for i, word in enumerate(surface):
        if word in WISH_WORDS:
            wish = True
        elif wish and word not in ONWARD and is_comparative(word):
            out.append(i)
    return out


def asks_for(surface: Sequence[str], i: int) -> bool:
    """Does the verb at `i` ask for something to be done, not tell that it is? An infinitive («рекомендуется
    установить»), a bidding («почините кнопку»), or a wish: a past verb with «бы» up to two words before it or
    right after it («поставили бы стулья», «хоть бы кулер поставили»), or right after «чтобы» («чтобы повесили
    расписание»). «Установлен», «поставили», «поставили, чтоб держались», «корпус Б: повесили» tell what is
    there."""
    word = surface[i]
    if is_infinitive(word) or is_imperative(word):
        return True
    if not is_past(word):
        return False
    return "бы" in surface[max(0, i - 2) : i + 2] or i > 0 and surface[i - 1].lower() in PURPOSE_WORDS


@lru_cache(maxsize=50_000)
def is_predicate(word: str) -> bool:
    """Is the word most likely a verb form that says something of its own («расположены», «найти»)? An item of
    a list («сведения о попечительском совете») has none."""
    if not re.search(r"[а-я]", word):
        return False
    return _parses(word)[0].tag.POS in ("VERB", "INFN", "PRTS", "GRND")


@lru_cache(maxsize=50_000)
def is_gerund(word: str) -> bool:
    """Is the word most likely a gerund («выходя», «покидая»)? «не выходя из дома» tells how, and denies nothing."""
    return bool(re.search(r"[а-я]", word)) and _parses(word)[0].tag.POS == "GRND"


@lru_cache(maxsize=50_000)
def is_done(word: str) -> bool:
    """Is the word most likely a short passive participle («установлена», «утверждён», «размечено»)? It says
    that a thing was made or put in place: «мнемосхема установлена, но …» — the thing is there."""
    if not re.search(r"[а-я]", word):
        return False
    tag = _parses(word)[0].tag
    return tag.POS == "PRTS" and "pssv" in tag


@lru_cache(maxsize=50_000)
def is_done_by_someone(word: str) -> bool:
    """Is the word most likely a perfective verb in the past («установили», «отремонтировал»)? Of a fix it says
    the thing was made or put in place, as a short passive participle does."""
    if not re.search(r"[а-я]", word):
        return False
    tag = _parses(word)[0].tag
    return tag.POS == "VERB" and "past" in tag and "perf" in tag


@lru_cache(maxsize=50_000)
def tense(word: str) -> str | None:
    """«past» for a verb most likely in the past («отсутствовал», «не работал»), «pres» for one in the present or
    «нет» («отсутствует», «нет»), None for any other word: what tells a state that was from one that is."""
    if not re.search(r"[а-я]", word):
        return None
    tag = _parses(word)[0].tag
    if tag.POS == "VERB" and "past" in tag:
        return "past"
    return "pres" if "pres" in tag and tag.POS in ("VERB", "PRED") else None


@lru_cache(maxsize=50_000)
def noun_of(word: str) -> str | None:
    """The normal form of a word most likely a noun («мармита» → «мармит»), else None."""
    if not re.search(r"[а-я]", word):
        return None
    parse = _parses(word)[0]
    return fold(parse.normal_form) if parse.tag.POS == "NOUN" else None


@lru_cache(maxsize=50_000)
def is_attached(word: str) -> bool:
    """Does a clause that opens with this word hang on the noun before it: a full participle («таблички,
    выполненные шрифтом Брайля») or «который» («телефон, который не отвечает»)? Then it names no thing of its own."""
    if not re.search(r"[а-я]", word):
        return False
    parse = _parses(word)[0]
    return bool(parse.tag.POS == "PRTF" or parse.normal_form == "который")


def opens_attached(words: Sequence[str]) -> bool:
    """Does a clause with these words hang on the noun before it: a participle, with or without an adverb before
    it («работниками, непосредственно оказывающими услуги»), or «который»?"""
    for word in words[:2]:
        if is_attached(word):
            return True
        if not _is_adverb(word):
            return False
    return False


@lru_cache(maxsize=50_000)
def _is_adverb(word: str) -> bool:
    return bool(re.search(r"[а-я]", word)) and _parses(word)[0].tag.POS == "ADVB"


_NORMAL: dict[str, str] = {}  # word → its normal form: a pure function of the word and the dictionary
NORMAL_MAX = 200_000
DICTIONARY = f"pymorphy3-dicts-ru {getattr(pymorphy3_dicts_ru, '__version__', '?')}"


def normal_form(word: str) -> str:
    """The most likely normal form of a folded word (used for a curator's pattern words)."""
    got = _NORMAL.get(word)
    if got is None:
        if len(_NORMAL) > NORMAL_MAX:
            _NORMAL.clear()
        got = _NORMAL[word] = fold(_parses(word)[0].normal_form) if re.search(r"[а-я]", word) else word
    return got


def normal_forms() -> dict[str, str]:
    """The normal forms worked out so far in this process, to be kept for the next one (see `remember`)."""
    return dict(_NORMAL)


def remember(forms: dict[str, str]) -> None:
    """Normal forms worked out by an earlier process with the same dictionary: compiling a catalog's thousands
    of words then needs no parse, which is most of a cold start."""
    for word, form in forms.items():
        _NORMAL.setdefault(word, form)
