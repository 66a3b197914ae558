"""The sign-in sheet of a training day, read back from the PDF in French, Arabic and English."""

from __future__ import annotations

from datetime import date

import pytest

from hubdesk.documents.data import LANGUAGES
from hubdesk.documents.samples import SAMPLE_ORGANISATION
from hubdesk.documents.sign_in_sheet import SignInRow, SignInSheetData, render_sign_in_sheet
from tests.pdf_reading import drawn_chars, find_word, has_all_words, page_count, page_width, pdf_text, words

TITLES = {"fr": "Feuille de présence", "ar": "ورقة الحضور", "en": "Attendance sheet"}
TRAININGS = {
    "fr": "Couture et retouche — niveau 1",
    "ar": "الخياطة والتعديل — المستوى 1",
    "en": "Sewing and alterations — level 1",
}
DAYS = {"fr": "Jour 2 sur 5", "ar": "اليوم 2 من 5", "en": "Day 2 of 5"}
FIRST = ("Awa", "Moussa", "Fatou", "Ibrahima", "Aminata", "Ousmane", "Mariam", "Cheikh")
LAST = ("DIALLO", "TRAORÉ", "KONATÉ", "NDIAYE", "BAMBA")
ARABIC = ("أمينة العمراني", "يوسف بنعلي", "", "فاطمة الزهراء", "")


def trainees(count: int) -> tuple[SignInRow, ...]:
    return tuple(
        SignInRow(f"TNG-2026-{i:05d}", f"{FIRST[i % len(FIRST)]} {LAST[i % len(LAST)]}", ARABIC[i % len(ARABIC)])
        for i in range(1, count + 1)
    )


def sheet(lang: str, count: int = 3) -> SignInSheetData:
    return SignInSheetData(
        letterhead=SAMPLE_ORGANISATION.letterhead(lang),
        training_code="FRM-2026-0003",
        training_title=TRAININGS[lang],
        day=date(2026, 12, 3),
        day_number=2,
        day_total=5,
        trainer="Karim Idrissi",
        place="Salle 2",
        hours=6,
        rows=trainees(count),
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_sheet_names_the_training_the_day_and_every_trainee(lang: str) -> None:
    data = sheet(lang, 12)
    pdf = render_sign_in_sheet(data, lang)

    assert pdf.startswith(b"%PDF")
    for phrase in (TITLES[lang], data.training_title, data.training_code, "03/12/2026", "Karim Idrissi", "Salle 2"):
        assert has_all_words(pdf, phrase), phrase
    for row in data.rows:
        assert has_all_words(pdf, row.code), row.code
        assert has_all_words(pdf, row.name), row.name
        assert has_all_words(pdf, row.arabic_name), row.arabic_name


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_day_reads_as_its_number_out_of_the_total(lang: str) -> None:
    text = pdf_text(render_sign_in_sheet(sheet(lang), lang))

    if lang == "ar":  # extractors may reorder a right-to-left line: its words at least
        assert words(DAYS[lang]) <= words(text)
    else:
        assert DAYS[lang] in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_forty_trainees_fit_on_two_pages_numbered_out_of_the_total(lang: str) -> None:
    data = sheet(lang, 40)
    pdf = render_sign_in_sheet(data, lang)

    assert page_count(pdf) <= 2
    assert all(has_all_words(pdf, row.code) for row in data.rows)
    assert "1/2" in pdf_text(pdf)
    assert "2/2" in pdf_text(pdf)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_same_sheet_prints_the_same_bytes(lang: str) -> None:
    assert render_sign_in_sheet(sheet(lang, 40), lang) == render_sign_in_sheet(sheet(lang, 40), lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_sheet_without_trainees_still_has_fifteen_numbered_rows(lang: str) -> None:
    pdf = render_sign_in_sheet(sheet(lang, 0), lang)
    found = words(pdf_text(pdf))

    assert page_count(pdf) == 1
    assert {str(n) for n in range(1, 16)} <= found
    assert "16" not in found
    assert has_all_words(pdf, TITLES[lang])


def test_blank_rows_follow_the_last_trainee_when_the_page_has_room() -> None:
    found = words(pdf_text(render_sign_in_sheet(sheet("fr", 3), "fr")))

    assert {"4", "5", "6", "7", "8"} <= found  # five blank rows for walk-ins
    assert "9" not in found


def test_blank_rows_never_add_a_page() -> None:
    # 20 rows fill the first page: the 20th trainee is last on it, with no blank row pushing a second page
    for count in (19, 20):
        assert page_count(render_sign_in_sheet(sheet("fr", count), "fr")) == 1, count


def test_the_arabic_sheet_mirrors_its_columns_and_keeps_latin_names_left_to_right() -> None:
    french, arabic = (render_sign_in_sheet(sheet(lang), lang) for lang in ("fr", "ar"))
    fr_chars, ar_chars = drawn_chars(french), drawn_chars(arabic)
    middle = page_width(arabic) / 2

    # the code column stands left of the names in French, right of them in Arabic
    assert find_word(fr_chars, "TNG-2026-00001")[0].left < find_word(fr_chars, "Moussa")[0].left
    assert find_word(ar_chars, "TNG-2026-00001")[0].left > find_word(ar_chars, "Moussa")[0].left
    assert find_word(ar_chars, "Moussa")[0].left > middle
    for latin in ("Moussa", "TRAOR", "TNG-2026-00001"):
        lefts = [c.left for c in find_word(ar_chars, latin)]
        assert lefts == sorted(lefts), latin
    for arabic_word in ("يوسف", "بنعلي"):
        lefts = [c.left for c in find_word(ar_chars, arabic_word)]
        assert lefts == sorted(lefts, reverse=True), arabic_word
