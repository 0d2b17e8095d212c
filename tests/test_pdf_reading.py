"""The test helper that reads printed plans back (tests/pdf.py): what it counts as printed in full."""

from __future__ import annotations

from .pdf import missing

FINDING = "информационный стенд висит за турникетом, посетителям к нему не пройти"


def test_a_cell_whose_first_line_ends_a_page_is_printed_in_full() -> None:
    pages = [
        "27 Переоформить информационные информационный стенд до 15.03.2027 Ответственный за\n10",
        "стенды — основной текст\nвисит за турникетом,\nпосетителям к нему не\nпройти\n11",
    ]
    assert missing(pages, [FINDING]) == []


def test_a_text_whose_end_is_not_printed_is_missing() -> None:
    pages = ["информационный стенд\n10", "висит за турникетом,\n11"]
    assert missing(pages, [FINDING]) == [FINDING]


def test_a_few_letters_found_by_chance_do_not_start_a_text() -> None:
    # «инфор» (5 letters) stands on the first page, the rest on the second: too short to be the text's start
    pages = ["инфор\n10", "мационный стенд висит за турникетом, посетителям к нему не пройти\n11"]
    assert missing(pages, [FINDING]) == [FINDING]
