"""Russian typesetting for every printed document (DOCX, XLSX, HTML and the page): a number stays on the
line of its unit («78 %», «10 рабочих дней» is not affected), «№ 675н» and «ст. 13» do not break after
the sign, initials stay with each other and with the surname («Ф. И. О.», «Кузнецов О. В.»), a dash does
not start a line, a short preposition stays with its number («до 31.12.2027»).

One function, `typeset`, applied where a document's text is laid out (the official table and the front
matter), so every writer breaks lines the same way. It only turns ordinary spaces into non-breaking ones:
the words themselves never change, and a reader who copies the text gets the same words back.
"""

from __future__ import annotations

import re
from functools import cache

import pyphen

NBSP = "\u00a0"
SHY = "\u00ad"  # soft hyphen: a break point shown as a hyphen only where the line breaks

# a number and the unit or sign after it: «78 %», «2027 г.», «30 дней», «5 чел.», «150 руб.»
_UNITS = (
    r"%|‰|°|руб\.|коп\.|тыс\.|млн|млрд|чел\.|г\.|гг\.|лет|год[а]?|дн\.|дн(?:ей|я|ь)|"
    r"мес\.|месяц(?:а|ев)?|час(?:а|ов)?|ч\.|мин\.?|см|мм|км|м|кг|л|шт\."
)
_NUMBER_UNIT = re.compile(rf"(?<=\d) (?=(?:{_UNITS})(?![А-Яа-яЁёA-Za-z]))")
# a sign or an abbreviation that points at the number after it: «№ 675н», «§ 3», «ст. 13», «п. 5», «ч. 2»
_SIGN_NUMBER = re.compile(r"(?:(?<=[№§])|(?<=\bст\.)|(?<=\bп\.)|(?<=\bч\.)|(?<=\bпп\.)|(?<=\bрис\.)|(?<=\bтабл\.)) (?=\d)")
# «ПП РФ № 457»: the sign stays with the words before it too
_BEFORE_SIGN = re.compile(r"(?<=[А-Яа-яЁёA-Za-z]) (?=№[ \u00a0]?\d)")
# a short preposition stays with the number after it: «до 31.12.2027», «с 1 января»
_PREPOSITION_NUMBER = re.compile(r"(?<![А-Яа-яЁё])(до|с|со|по|от|на|в|к|за) (?=\d)", re.IGNORECASE)
# a dash never starts a line: «Директор — Иванов И. И.»
_BEFORE_DASH = re.compile(r" (?=—)")
# digit groups of a large number: «150 000»
_THOUSANDS = re.compile(r"(?<=\d) (?=\d{3}(?![\d-]))")
# an initial followed by another initial or by the surname: «Ф. И. О.», «О. В. Артемьева»
_INITIAL_NEXT = re.compile(r"(?<![А-Яа-яЁёA-Za-z])([А-ЯЁ]\.) (?=[А-ЯЁ])")
# a surname followed by initials: «Кузнецов О. В.»
_SURNAME_INITIALS = re.compile(r"\b([А-ЯЁ][а-яё]+) (?=[А-ЯЁ]\.[ \u00a0]?[А-ЯЁ]\.)")


def typeset(text: str) -> str:
    """The text with non-breaking spaces where Russian typesetting keeps words on one line."""
    if " " not in text:
        return text
    text = _NUMBER_UNIT.sub(NBSP, text)
    text = _SIGN_NUMBER.sub(NBSP, text)
    text = _BEFORE_SIGN.sub(NBSP, text)
    text = _PREPOSITION_NUMBER.sub(rf"\1{NBSP}", text)
    text = _THOUSANDS.sub(NBSP, text)
    text = _BEFORE_DASH.sub(NBSP, text)
    text = _INITIAL_NEXT.sub(rf"\1{NBSP}", text)
    return _SURNAME_INITIALS.sub(rf"\1{NBSP}", text)


_LONG_WORD = re.compile(r"[А-Яа-яЁёA-Za-z]{8,}")


@cache
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="ru_RU")


def soft_hyphens(text: str, letters: int) -> str:
    """Soft hyphens in the words longer than `letters` (what a column holds on one line), placed by the
    Russian hyphenation patterns (pyphen, LibreOffice's dictionaries): a browser, which has no Russian
    hyphenation of its own offline, then breaks such a word with a hyphen instead of cutting it at the
    column edge. Shorter words are left alone, so a copied text has no soft hyphens in it."""
    if len(text) <= letters:
        return text
    return _LONG_WORD.sub(lambda m: _dictionary().inserted(m.group(0), hyphen=SHY) if len(m.group(0)) > letters else m.group(0), text)
