"""Arabic comes out right to left with joined letters, and an Arabic document mirrors its page."""

from __future__ import annotations

from hubdesk.documents.attestation import render_attestation
from hubdesk.documents.bidi_text import visual
from hubdesk.documents.referral import render_referral_letter
from hubdesk.documents.samples import sample_attestation, sample_referral
from tests.pdf_reading import drawn_chars, find_word, page_width, raw_text

# "أمينة" written by hand in its joined forms: alef-hamza isolated, meem initial, yeh medial,
# noon medial, teh marbuta final
AMINA_JOINED = "\ufe83\ufee3\ufef4\ufee8\ufe94"
# "العمراني": alef isolated, lam initial, ain medial, meem medial, reh final, alef isolated,
# noon initial, yeh final
ALAMRANI_JOINED = "\ufe8d\ufedf\ufecc\ufee4\ufeae\ufe8d\ufee7\ufef2"


def test_arabic_letters_are_drawn_in_their_joined_forms() -> None:
    for lang in ("fr", "ar"):
        text = raw_text(render_attestation(sample_attestation(lang), lang))

        assert AMINA_JOINED in text, lang
        assert ALAMRANI_JOINED in text, lang
        assert "أمينة" not in text  # never the unjoined letters, which would print as separate glyphs


def test_arabic_words_run_right_to_left_inside_a_french_document() -> None:
    pdf = render_attestation(sample_attestation("fr"), "fr")
    chars = drawn_chars(pdf)

    for word in ("أمينة", "العمراني"):
        lefts = [c.left for c in find_word(chars, word)]
        assert lefts == sorted(lefts, reverse=True), word  # the first letter read is the rightmost
    latin = [c.left for c in find_word(chars, "Amina")]
    assert latin == sorted(latin)


def test_arabic_words_run_right_to_left_and_latin_names_left_to_right_in_an_arabic_document() -> None:
    pdf = render_referral_letter(sample_referral("ar"), "ar")
    chars = drawn_chars(pdf)

    for word in ("رسالة", "توجيه", "العمراني"):
        lefts = [c.left for c in find_word(chars, word)]
        assert lefts == sorted(lefts, reverse=True), word
    for word in ("Amina", "Karim"):
        lefts = [c.left for c in find_word(chars, word)]
        assert lefts == sorted(lefts), word


def test_an_arabic_document_mirrors_the_letterhead_and_the_tables() -> None:
    french = render_referral_letter(sample_referral("fr"), "fr")
    arabic = render_referral_letter(sample_referral("ar"), "ar")
    middle = page_width(french) / 2

    assert find_word(drawn_chars(french), "HUB")[0].left < middle  # name at the left
    assert find_word(drawn_chars(arabic), "الهب")[0].left > middle  # name at the right
    # in a field table, the label stands at the start side and the value after it
    fr_chars, ar_chars = drawn_chars(french), drawn_chars(arabic)
    assert find_word(fr_chars, "Code bénéficiaire")[0].left < find_word(fr_chars, "TNG-2026-00042")[0].left
    # (pdfium reorders the code's hyphens when it reads an Arabic line back; its digits stay put)
    assert find_word(ar_chars, "رمز المستفيد")[0].left > find_word(ar_chars, "00042")[0].left


def test_brackets_phone_numbers_and_year_ranges_read_correctly_in_arabic() -> None:
    # display order is left to right: what a reader sees, reading from the right, is the original
    assert visual("برنامج (عقد)", rtl=True).startswith("(")  # the closing bracket, mirrored, is leftmost
    shown = visual("الهاتف +212 539 00 00 00", rtl=True)
    assert "+212 539 00 00 00" in shown  # the number keeps its own order, plus sign first
    assert "2021–2024" in visual("الفترة 2021–2024", rtl=True)


def test_document_numbers_and_codes_stay_whole_in_arabic() -> None:
    assert "CRT-TNG-2026-00012" in visual("رقم CRT-TNG-2026-00012", rtl=True)
    assert "TNG-2026-00042" in visual("الرمز TNG-2026-00042، يستفيد", rtl=True)
