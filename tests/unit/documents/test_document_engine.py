"""The engine around the documents: fonts, logos, letterhead, page numbers, pages to PNG."""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pypdf
import pypdfium2
import pytest
from PIL import Image
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from hubdesk.documents import fonts
from hubdesk.documents.certificate import render_certificate
from hubdesk.documents.data import Letterhead
from hubdesk.documents.layout import LETTERHEAD_HEIGHT, MARGIN, PageSetup, build_pdf
from hubdesk.documents.referral import render_referral_letter
from hubdesk.documents.samples import sample_certificate, sample_referral
from tests.pdf_reading import drawn_chars, has_all_words, page_count, pdf_text


def test_a_character_amiri_lacks_prints_with_the_fallback_font() -> None:
    person = replace(sample_referral("fr").person, first_name="Kɛlɛ", last_name="Ŋgoma")  # West African letters

    pdf = render_referral_letter(replace(sample_referral("fr"), person=person), "fr")

    assert "Kɛlɛ" in pdf_text(pdf)
    assert "ŊGOMA" in pdf_text(pdf)


def test_a_character_no_font_has_gives_a_clear_error() -> None:
    person = replace(sample_referral("fr").person, first_name="王")

    with pytest.raises(fonts.UnprintableText, match=r"'王' \(U\+738B\)"):
        render_referral_letter(replace(sample_referral("fr"), person=person), "fr")


def test_invisible_marks_typed_into_a_name_are_dropped_not_printed_as_boxes() -> None:
    person = replace(sample_referral("fr").person, first_name="Ami\u200bna\u200f")

    assert "Amina" in pdf_text(render_referral_letter(replace(sample_referral("fr"), person=person), "fr"))


def _png(path: Path, colour: str = "navy", size: tuple[int, int] = (120, 60)) -> Path:
    Image.new("RGB", size, colour).save(path)
    return path


def _image_boxes(pdf: bytes, page: int = 0) -> list[tuple[float, float, float, float]]:
    objects = pypdfium2.PdfDocument(pdf)[page].get_objects()
    return [obj.get_bounds() for obj in objects if obj.type == pypdfium2.raw.FPDF_PAGEOBJ_IMAGE]


def test_logos_print_and_a_missing_or_broken_one_is_left_out(tmp_path: Path) -> None:
    broken = tmp_path / "notes.png"
    broken.write_text("not an image")
    logos = (_png(tmp_path / "hub.png"), tmp_path / "gone.png", broken, _png(tmp_path / "iom.png", "teal"))
    data = sample_referral("fr")
    head = Letterhead(name=data.letterhead.name, logos=logos)

    pdf = render_referral_letter(replace(data, letterhead=head), "fr")

    images = [
        obj for obj in pypdfium2.PdfDocument(pdf)[0].get_objects() if obj.type == pypdfium2.raw.FPDF_PAGEOBJ_IMAGE
    ]
    assert len(images) == 2


def test_a_page_renders_to_a_png_with_the_letterhead_inked(tmp_path: Path) -> None:
    pdf = render_referral_letter(sample_referral("ar"), "ar")
    page = pypdfium2.PdfDocument(pdf)[0]
    image = page.render(scale=1).to_pil().convert("L")
    image.save(tmp_path / "page.png")

    width, height = image.size
    assert abs(width - 595) <= 1 and abs(height - 842) <= 1  # A4 in points
    top_right = image.crop((width // 2, 0, width, height // 10))
    top_left = image.crop((0, 0, width // 3, height // 12))
    assert top_right.getextrema()[0] < 100  # dark ink: the organisation's name, at the right in Arabic
    assert top_left.getextrema()[0] > 200  # nothing there


def test_every_page_says_which_of_how_many_it_is() -> None:
    data = replace(sample_referral("fr"), reason=" ".join(f"motif{i}" for i in range(900)))

    pdf = render_referral_letter(data, "fr")

    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        text = page.extract_text()
        assert f"Page {number} sur {len(pages)}" in text
        assert data.stamp.number in text


def test_the_sample_letter_in_each_language_is_one_letter_and_its_slip() -> None:
    for lang in ("fr", "ar", "en"):
        pdf = render_referral_letter(sample_referral(lang), lang)
        assert page_count(pdf) <= 2
        assert has_all_words(pdf, "K7QM4-XPT9C")


@pytest.mark.parametrize("wide", [False, True], ids=["small-logos", "wide-logos"])
@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_a_long_letterhead_never_runs_over_the_logos(tmp_path: Path, lang: str, wide: bool) -> None:
    if wide:  # the association's logo and three wide partners' logos (800 × 200 px)
        partners = [_png(tmp_path / f"partner{i}.png", "teal", (800, 200)) for i in range(3)]
        logos = (_png(tmp_path / "hub.png", size=(300, 300)), *partners)
    else:
        logos = tuple(_png(tmp_path / f"logo{i}.png") for i in range(3))
    data = sample_referral(lang)
    head = replace(data.letterhead, logos=logos, address=data.letterhead.address * 3, email="secretariat@" + "x" * 40)

    pdf = render_referral_letter(replace(data, letterhead=head), lang)

    page = pypdfium2.PdfDocument(pdf)[0]
    boxes = _image_boxes(pdf)
    assert len(boxes) == len(logos)
    top_band = [c for c in drawn_chars(pdf) if c.bottom > page.get_height() - 90 and c.char.strip()]
    assert top_band
    for char in top_band:
        for left, _bottom, right, _top in boxes:
            assert not left - 1 < char.left < right - 1, (char, left, right)
    # the partners' logos shrink so that the text keeps at least half of the width between the margins
    edges = sorted(boxes)
    inner = page.get_width() - 2 * MARGIN
    free = edges[1][0] - edges[0][2] if lang == "fr" else edges[-1][0] - edges[-2][2]
    assert free >= inner / 2, (free, inner)

    # the letterhead alone (no body to hide in): every one of its characters stays above the rule
    setup = PageSetup(lang=lang, stamp=data.stamp, letterhead=head, title="letterhead")
    alone = build_pdf([Spacer(1, 1)], setup)
    height = pypdfium2.PdfDocument(alone)[0].get_height()
    rule_y = height - MARGIN - LETTERHEAD_HEIGHT + 6 * mm
    letterhead = [c for c in drawn_chars(alone) if c.bottom > height / 2 and c.char.strip()]
    assert has_all_words(alone, head.name)
    assert has_all_words(alone, head.email)
    for char in letterhead:
        assert char.bottom > rule_y, (char, rule_y)


def test_a_damaged_logo_is_left_out_and_the_document_still_prints(tmp_path: Path) -> None:
    whole = _png(tmp_path / "whole.png", "teal", (800, 200)).read_bytes()
    cut_png = tmp_path / "cut.png"
    cut_png.write_bytes(whole[: len(whole) // 2])  # a copy interrupted half-way
    photo = tmp_path / "photo.jpg"
    Image.effect_noise((600, 400), 60).convert("RGB").save(photo, "JPEG")
    cut_jpeg = tmp_path / "cut.jpg"
    cut_jpeg.write_bytes(photo.read_bytes()[: photo.stat().st_size // 2])
    logos = (_png(tmp_path / "hub.png"), cut_png, cut_jpeg)
    letter = sample_referral("fr")
    certificate = sample_certificate("fr")

    pdf = render_referral_letter(replace(letter, letterhead=replace(letter.letterhead, logos=logos)), "fr")
    paper = render_certificate(replace(certificate, letterhead=replace(certificate.letterhead, logos=logos)), "fr")

    assert has_all_words(pdf, letter.stamp.verification_code)
    assert len(_image_boxes(pdf)) == 1
    assert has_all_words(paper, certificate.training_title)
    assert len(_image_boxes(paper)) == 1


def test_a_camera_photo_as_logo_is_scaled_down_before_it_is_embedded(tmp_path: Path) -> None:
    size = (4000, 3000)
    noise = Image.effect_noise(size, 40)
    photo = Image.merge(
        "RGB", (noise, Image.linear_gradient("L").resize(size), noise.transpose(Image.Transpose.FLIP_LEFT_RIGHT))
    )
    path = tmp_path / "photo.jpg"
    photo.save(path, "JPEG", quality=92)
    assert path.stat().st_size > 2_000_000
    letter = sample_referral("fr")
    certificate = sample_certificate("ar")

    pdf = render_referral_letter(replace(letter, letterhead=replace(letter.letterhead, logos=(path,))), "fr")
    paper = render_certificate(replace(certificate, letterhead=replace(certificate.letterhead, logos=(path,))), "ar")

    for document in (pdf, paper):
        assert len(document) < 300_000
        (image,) = [
            obj
            for obj in pypdfium2.PdfDocument(document)[0].get_objects()
            if obj.type == pypdfium2.raw.FPDF_PAGEOBJ_IMAGE
        ]
        width, height = image.get_px_size()
        assert width <= 900 and height <= 400
        assert width / height == pytest.approx(4 / 3, rel=0.01)


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_the_slips_dotted_lines_fit_their_cell_whole(lang: str) -> None:
    pdf = render_referral_letter(sample_referral(lang), lang)
    last = page_count(pdf) - 1

    dots = Counter(round(c.bottom) for c in drawn_chars(pdf, last) if c.char == "…")

    # two full comment lines (as wide as their cell allows), no stray fragment of one on a line of its own
    assert len([n for n in dots.values() if n > 30]) == 2, dots
    assert min(dots.values()) >= 24, dots  # the shortest: a third of the date, the signature line
