"""The engine around the documents: fonts, logos, pages to PNG, batches."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pypdf
import pypdfium2
import pytest
from PIL import Image

from hubdesk.documents import fonts
from hubdesk.documents.certificate import render_certificates
from hubdesk.documents.data import Letterhead
from hubdesk.documents.referral import render_referral_letter
from hubdesk.documents.samples import sample_certificate, sample_referral, sample_stamp
from hubdesk.domain.enums import DocumentKind
from hubdesk.domain.errors import Cancelled
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


def _png(path: Path, colour: str = "navy") -> Path:
    Image.new("RGB", (120, 60), colour).save(path)
    return path


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


def test_many_certificates_share_one_pdf_with_one_stamp_per_page() -> None:
    items = [replace(sample_certificate("fr"), stamp=sample_stamp(DocumentKind.CERTIFICATE, n)) for n in range(1, 4)]
    seen: list[int] = []

    pdf = render_certificates(items, "fr", progress=seen.append)

    assert page_count(pdf) == 3
    assert seen == [1, 2, 3]
    for n, page in enumerate(pypdf.PdfReader(io.BytesIO(pdf)).pages, start=1):
        text = page.extract_text()
        assert f"CRT-TNG-2026-{n:05d}" in text
        assert "Page 1 sur 1" in text


def test_cancelling_a_batch_stops_it() -> None:
    items = [sample_certificate("fr")] * 5
    calls: list[int] = []

    with pytest.raises(Cancelled):
        render_certificates(items, "fr", progress=calls.append, cancelled=lambda: len(calls) >= 2)
    assert calls == [1, 2]


def test_the_sample_letter_in_each_language_is_one_letter_and_its_slip() -> None:
    for lang in ("fr", "ar", "en"):
        pdf = render_referral_letter(sample_referral(lang), lang)
        assert page_count(pdf) <= 2
        assert has_all_words(pdf, "K7QM4-XPT9C")


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_a_long_letterhead_never_runs_over_the_logos(tmp_path: Path, lang: str) -> None:
    logos = tuple(_png(tmp_path / f"logo{i}.png") for i in range(3))
    data = sample_referral(lang)
    head = replace(data.letterhead, logos=logos, address=data.letterhead.address * 3, email="secretariat@" + "x" * 40)

    pdf = render_referral_letter(replace(data, letterhead=head), lang)

    page = pypdfium2.PdfDocument(pdf)[0]
    boxes = [obj.get_bounds() for obj in page.get_objects() if obj.type == pypdfium2.raw.FPDF_PAGEOBJ_IMAGE]
    assert len(boxes) == 3
    top_band = [c for c in drawn_chars(pdf) if c.bottom > page.get_height() - 90 and c.char.strip()]
    assert top_band
    for char in top_band:
        for left, _bottom, right, _top in boxes:
            assert not left - 1 < char.left < right - 1, (char, left, right)
