"""Numbers written in words, read as digits: «шестьдесят девять процентов», «сантиметров пять», «двенадцать пар на
тридцать проживающих» say what «69 %», «5 см» and «12 на 30» say, and the readers of shares, sizes, waits and ratios
look for digits. The words are replaced in place by the digits padded with spaces to the same length, so every
position in the text stays where it was (the readers hand positions on). Only the readers see this view; the words
stay words for the patterns («на три недели вперёд», «раз в две недели»). «Один» is left alone: «ни один», «один из»,
«один на всех» are words of their own.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nokrules.core.lemmas import normal_form

UNITS = {"ноль": 0, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9}
# «семеро из десяти», «устроила семерых»: people counted
UNITS |= {"двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "семеро": 7, "восьмеро": 8, "девятеро": 9}
TEENS = {
    "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15,
    "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "десятеро": 10,
}  # fmt: skip
TENS = {
    "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70,
    "восемьдесят": 80, "девяносто": 90,
}  # fmt: skip
HUNDREDS = {
    "сто": 100, "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500, "шестьсот": 600, "семьсот": 700,
    "восемьсот": 800, "девятьсот": 900,
}  # fmt: skip
# the words a number may be written with, in any case («шестидесяти», «двух», «ста»): the dictionary's normal form of
# a word is looked up only for a word that may be one of them
STEMS = re.compile(r"(?<![а-яё])(?:ноль|нул|дв|тр|четыр|четвер|пят|шест|сем|восем|восьм|девят|десят|одиннадцат|сорок|сто|ст[аеу])", re.I)
WORD = re.compile(r"[а-яё]+", re.I)


@lru_cache(maxsize=50_000)
def _value(word: str) -> tuple[int, int] | None:
    """(value, order) of a number word: order 0 for units and teens (nothing follows them), 1 for tens, 2 for
    hundreds; None for a word that is no number."""
    form = normal_form(word.lower())
    for order, table in ((2, HUNDREDS), (1, TENS), (1, TEENS), (0, UNITS)):
        if form in table:
            if table is TEENS:
                return table[form], 0  # nothing follows a teen
            return table[form], order
    return None


@lru_cache(maxsize=20_000)
def numerals(text: str) -> str:
    """The text with every number written in words replaced by its digits, padded to the same length."""
    if STEMS.search(text) is None:
        return text  # most lines: no number word
    out = list(text)
    words = [(m.start(), m.end(), _value(m.group())) for m in WORD.finditer(text)]
    k = 0
    while k < len(words):
        start, end, got = words[k]
        if got is None:
            k += 1
            continue
        total, order = got
        j = k + 1
        # «сто сорок пять»: each next word of a lower order, separated by spaces alone, adds to the number
        while j < len(words) and text[words[j - 1][1] : words[j][0]].isspace():
            step = words[j][2]
            if step is None or step[1] >= order:
                break
            total += step[0]
            order = step[1] if step[0] >= 10 else -1  # nothing follows a unit
            end = words[j][1]
            j += 1
        digits = str(total)
        if len(digits) <= end - start:
            out[start:end] = digits.ljust(end - start)
        k = j
    return "".join(out)
