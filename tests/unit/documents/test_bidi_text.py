"""The bidi paragraph: each paragraph reads in its own direction, and brackets face the right way.

Display strings run left to right, as the canvas draws them: an Arabic line is read from its right end.
"""

from __future__ import annotations

import io
import random

import pytest
from bidi import get_display
from bidi.algorithm import get_display as reference_display
from bidi.mirror import MIRRORED
from reportlab.pdfgen.canvas import Canvas

from hubdesk.documents import fonts
from hubdesk.documents.bidi_mirror import _BRACKET_PAIRS, _NEUTRAL_MARKERS
from hubdesk.documents.bidi_mirror import display as _display
from hubdesk.documents.bidi_text import (
    BidiParagraph,
    TextStyle,
    draw_aligned,
    is_rtl_paragraph,
    visual,
    wrap_directed,
    wrap_logical,
)
from tests.pdf_reading import drawn_chars

FONT = fonts.REGULAR
SIZE = 10.5


def shaped(text: str) -> str:
    """``text`` with its Arabic letters joined, as the lines to display are (one line, however long)."""
    (line,) = wrap_logical(text, FONT, SIZE, 100_000)
    return line


def rtl_reference(line: str) -> str:
    """How a line of Arabic words, spaces and round brackets only is drawn: all reversed, brackets mirrored."""
    return line[::-1].translate(str.maketrans("()", ")("))


def backwards(text: str) -> str:
    """An Arabic word or phrase as drawn: its joined letters from right to left."""
    return shaped(text)[::-1]


# 1. A paragraph reads in its own direction, whatever the document's


@pytest.mark.parametrize("text", ["12, rue de Fès, 90000 Tanger", "Dr. A. Benali.", "Amina EL AMRANI", "(Tanger)"])
def test_latin_values_in_an_arabic_document_stay_as_typed(text: str) -> None:
    assert visual(text, rtl=True) == text


def test_a_paragraph_takes_its_direction_from_its_first_letter() -> None:
    assert is_rtl_paragraph("12, rue de Fès", rtl=True) is False
    assert is_rtl_paragraph("12 شارع فاس", rtl=False) is True
    assert is_rtl_paragraph("(Amina) أمينة", rtl=True) is False
    assert is_rtl_paragraph(shaped("أمينة"), rtl=False) is True  # joined letter forms are Arabic letters too
    # without any letter, the document's direction
    assert is_rtl_paragraph("+212 539 94 12 34", rtl=True) is True
    assert is_rtl_paragraph("2021–2024", rtl=False) is False
    # what an isolate holds does not count
    assert is_rtl_paragraph("\u2066Amina\u2069 أمينة", rtl=False) is True


def test_every_line_of_a_wrapped_paragraph_reads_in_the_paragraph_direction() -> None:
    text = "العنوان الجديد للمقر هو Avenue Hassan II, 2e étage.\n12, rue de Fès, 90000 Tanger"
    width = fonts.width(shaped("العنوان الجديد"), FONT, SIZE) + 1
    lines = wrap_directed(text, FONT, SIZE, width, rtl=True)

    assert len(lines) > 4
    arabic_paragraph = [line for line, rtl in lines if rtl]
    latin_paragraph = [line for line, rtl in lines if not rtl]
    assert " ".join(arabic_paragraph) == shaped("العنوان الجديد للمقر هو Avenue Hassan II, 2e étage.")
    assert " ".join(latin_paragraph) == "12, rue de Fès, 90000 Tanger"
    assert [line for line, _rtl in lines] == wrap_logical(text, FONT, SIZE, width)
    # a line of the Arabic paragraph holding only Latin words still ends the Arabic sentence: its full
    # stop stands at the left end, where a right-to-left sentence ends; alone, the line would read as typed
    assert visual("Hassan II, 2e étage.", rtl=True, base_rtl=True) == ".Hassan II, 2e étage"
    assert visual("Hassan II, 2e étage.", rtl=True) == "Hassan II, 2e étage."


def test_both_halves_of_a_split_paragraph_keep_its_direction() -> None:
    text = " ".join(["Avenue Hassan II, 2e étage."] * 6)  # Latin: reads left to right in an Arabic document
    paragraph = BidiParagraph(text, TextStyle(), rtl=True)
    paragraph.wrap(120, 1000)
    head, tail = paragraph.split(120, 2 * TextStyle().leading)

    for part in (paragraph, head, tail):
        assert isinstance(part, BidiParagraph)
        assert part._lines
        assert all(rtl is False for _line, rtl in part._lines)


def test_a_latin_line_in_an_arabic_letterhead_stays_as_typed_but_stands_at_the_right() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(400, 100))
    fonts.register_fonts()
    draw_aligned(canvas, "12, rue de Fès, 90000 Tanger", 20, 50, 360, TextStyle(), rtl=True)
    canvas.save()

    chars = [c for c in drawn_chars(buffer.getvalue()) if not c.char.isspace()]
    assert "".join(c.char for c in chars) == "12,ruedeFès,90000Tanger"
    assert [c.left for c in chars] == sorted(c.left for c in chars)  # left to right, as typed
    assert chars[0].left > 200  # at the right of the box, as an Arabic document aligns


# 2. Brackets face the right way, paired on the line or not


def test_a_bracket_pair_that_wraps_across_two_lines_faces_the_right_way_on_both() -> None:
    text = "وقع المستفيد على (عقد الإدماج) في البرنامج"
    width = fonts.width(shaped("وقع المستفيد على (عقد"), FONT, SIZE) + 0.5
    lines = wrap_directed(text, FONT, SIZE, width, rtl=True)
    assert lines[0][0].endswith("(" + shaped("عقد"))  # the opening bracket ends the first line…
    assert lines[1][0].startswith(shaped("الإدماج") + ")")  # …and the closing one starts the next

    first, second = (visual(line, rtl=True, base_rtl=rtl) for line, rtl in lines[:2])
    # read from the right: the opening bracket, drawn as ")", opens to the left onto the words it holds
    assert first.startswith(backwards("عقد") + ")")
    assert "(" not in first
    # and the closing one, drawn as "(", closes them at their left
    assert second.endswith("(" + backwards("الإدماج"))
    assert ")" not in second
    assert first == rtl_reference(lines[0][0])
    assert second == rtl_reference(lines[1][0])


def test_a_bracket_closing_a_number_in_an_arabic_list_faces_the_number() -> None:
    assert visual(shaped("1) نص"), rtl=True) == backwards("نص") + " (1"
    assert visual(shaped("أ) نص البند"), rtl=True) == backwards("نص البند") + " (" + backwards("أ")


def test_brackets_around_arabic_words_on_one_line() -> None:
    assert visual(shaped("برنامج (عقد)"), rtl=True) == "(" + backwards("عقد") + ") " + backwards("برنامج")
    line = shaped("برنامج (عقد الإدماج (المرحلة الأولى)) مستمر")
    assert visual(line, rtl=True) == rtl_reference(line)
    # guillemets are mirrored too
    assert visual(shaped("قال «نعم»"), rtl=True) == "«" + backwards("نعم") + "» " + backwards("قال")


def test_a_latin_name_with_its_arabic_form_in_brackets_inside_an_arabic_sentence() -> None:
    line = shaped("المستفيدة Amina EL AMRANI (أمينة العمراني) مسجلة في البرنامج")
    expected = (
        backwards("مسجلة في البرنامج")
        + " ("
        + backwards("أمينة العمراني")
        + ") Amina EL AMRANI "
        + backwards("المستفيدة")
    )
    assert visual(line, rtl=True) == expected


def test_a_latin_word_in_brackets_inside_an_arabic_sentence() -> None:
    line = shaped("سجل في برنامج (Tremplin) هذا العام")
    assert visual(line, rtl=True) == backwards("هذا العام") + " (Tremplin) " + backwards("سجل في برنامج")


def test_an_arabic_name_in_brackets_inside_french_text() -> None:
    line = shaped("Mme Amina EL AMRANI (أمينة العمراني) est inscrite.")
    assert visual(line, rtl=False) == "Mme Amina EL AMRANI (" + backwards("أمينة العمراني") + ") est inscrite."
    line = shaped("Mme أمينة (العمراني) est inscrite.")  # the brackets belong to the Arabic run
    assert visual(line, rtl=False) == "Mme (" + backwards("العمراني") + ") " + backwards("أمينة") + " est inscrite."


# 3. Numbers, codes and Arabic values


def test_phone_numbers_and_year_ranges_stay_whole_inside_arabic() -> None:
    shown = visual(shaped("للتواصل: +212 539 94 12 34"), rtl=True)
    assert "+212 539 94 12 34" in shown
    assert shown.endswith(backwards("للتواصل:"))  # the label is read first, at the right
    shown = visual(shaped("الفترة 2021–2024 (برنامج تكوين)"), rtl=True)
    assert "2021–2024" in shown
    assert shown.startswith("(" + backwards("برنامج تكوين") + ")")


@pytest.mark.parametrize(
    "text", ["رقم CRT-TNG-2026-00012", "الرمز TNG-2026-00042، يستفيد", "الوثيقة (CRT-TNG-2026-00012)"]
)
def test_document_numbers_and_codes_stay_whole_inside_arabic(text: str) -> None:
    code = next(word.strip("()،") for word in text.split() if "-" in word)
    assert code in visual(shaped(text), rtl=True)


def test_a_pure_arabic_value_in_a_french_document_reads_right_to_left() -> None:
    assert visual(shaped("أمينة العمراني"), rtl=False) == backwards("أمينة العمراني")
    assert visual(shaped("العمراني (أمينة)"), rtl=False) == "(" + backwards("أمينة") + ") " + backwards("العمراني")


# 4. The mirroring machinery agrees with the bidi algorithm


def test_the_bracket_table_holds_exactly_the_pairs_python_bidi_pairs() -> None:
    # in a left-to-right paragraph, a pair holding Arabic after Arabic is right to left as a whole (rule N0),
    # while two lone neutrals would split: "ب(ج)a" shows as ")ج(بa" only when the brackets pair
    table = dict(zip(_BRACKET_PAIRS[::2], _BRACKET_PAIRS[1::2], strict=True))
    for opening, closing in MIRRORED.items():
        pairs = get_display(f"ب{opening}ج{closing}a", base_dir="L") == f"{closing}ج{opening}بa"
        assert pairs == (table.get(opening) == closing), (opening, closing)


def test_the_neutral_markers_are_reordered_like_any_neutral() -> None:
    for marker in _NEUTRAL_MARKERS:
        for text, base in (("ب!a", "L"), ("a!ب", "R"), ("ب !1 a", "L"), ("1!ب", "R")):
            probe = text.replace("!", marker)
            assert get_display(probe, base_dir=base) == get_display(text, base_dir=base).replace("!", marker)


def test_mirroring_agrees_with_the_reference_algorithm_for_unpaired_characters() -> None:
    # python-bidi's older pure-Python algorithm resolves levels without bracket pairs or isolates and
    # mirrors at odd levels: on text where nothing can pair, both must draw exactly the same
    rng = random.Random(7)
    alphabet = [*"بتثجab cd0 12٣ ,.-+", *"(«<[>»"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14)))
        for base_rtl in (True, False):
            expected = reference_display(text, base_dir="R" if base_rtl else "L")
            assert _display(text, base_rtl) == expected, (text, base_rtl)


def test_a_display_line_holds_the_same_characters_some_mirrored() -> None:
    rng = random.Random(11)
    alphabet = [*"بتجab 01,", *"()[]«»", "\u2066", "\u2069"]
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 16)))
        for base_rtl in (True, False):
            shown = _display(text, base_rtl)
            plain = str(get_display(text, base_dir="R" if base_rtl else "L"))
            assert len(shown) == len(plain)
            assert all(a == b or MIRRORED.get(b) == a for a, b in zip(shown, plain, strict=True)), text
