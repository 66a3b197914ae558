"""What each document says, read back from the PDF, in French, Arabic and English."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pypdf
import pytest

from hubdesk.documents import render
from hubdesk.documents.attestation import render_attestation
from hubdesk.documents.certificate import render_certificate
from hubdesk.documents.data import LANGUAGES, Disclosure
from hubdesk.documents.referral import render_referral_letter
from hubdesk.documents.samples import (
    sample,
    sample_attestation,
    sample_certificate,
    sample_referral,
    sample_summary,
)
from hubdesk.documents.summary import render_summary_sheet
from hubdesk.domain.enums import DocumentKind
from tests.pdf_reading import has_all_words, page_count, pdf_text, words

#: per kind, the words of the title in each language
TITLES = {
    DocumentKind.REFERRAL_LETTER: {"fr": "Lettre d'orientation", "ar": "رسالة توجيه", "en": "Referral letter"},
    DocumentKind.CERTIFICATE: {"fr": "ATTESTATION DE FORMATION", "ar": "شهادة تكوين", "en": "CERTIFICATE OF TRAINING"},
    DocumentKind.ATTESTATION: {"fr": "Attestation d'accompagnement", "ar": "شهادة مواكبة", "en": "Support attestation"},
    DocumentKind.SUMMARY: {
        "fr": "Fiche de synthèse du bénéficiaire",
        "ar": "بطاقة ملخص المستفيد",
        "en": "Beneficiary summary sheet",
    },
}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", list(DocumentKind))
def test_every_document_carries_its_title_number_code_and_person(kind: DocumentKind, lang: str) -> None:
    data = sample(kind, lang)
    pdf = render(kind, data, lang)

    assert pdf.startswith(b"%PDF")
    assert has_all_words(pdf, TITLES[kind][lang])
    assert has_all_words(pdf, data.stamp.number)
    assert has_all_words(pdf, data.stamp.verification_code)
    assert has_all_words(pdf, "Amina AMRANI")
    assert has_all_words(pdf, "أمينة العمراني")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_referral_letter_says_who_goes_where_and_why(lang: str) -> None:
    data = sample_referral(lang)
    pdf = render_referral_letter(data, lang)

    for given in (data.partner, data.service, data.contact_person, data.subject, data.reason):
        assert has_all_words(pdf, given), given
    assert has_all_words(pdf, data.service_requested)
    assert has_all_words(pdf, data.referral_number)
    assert has_all_words(pdf, "17/04/1999")
    assert has_all_words(pdf, data.counsellor.name)
    assert has_all_words(pdf, "+212 661 23 45 67")
    slip = {"fr": "Coupon-réponse", "ar": "قسيمة الرد", "en": "Feedback slip"}[lang]
    assert has_all_words(pdf, slip)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_field_not_consented_never_appears_in_the_letter(lang: str) -> None:
    # the reason is the counsellor's own text: here it does not name the person
    data = replace(sample_referral(lang), disclosure=Disclosure(), reason="Recherche d'un premier emploi.")

    text = pdf_text(render_referral_letter(data, lang))

    assert "TNG-2026-00042" in text or {"TNG", "2026", "00042"} <= words(text)
    for secret in ("Amina", "AMRANI", "أمينة", "العمراني", "1999", "K123456", "Cuisine", "OFPPT"):
        assert secret not in text, secret
    nationality = {"fr": "Maroc", "ar": "المغرب", "en": "Morocco"}[lang]
    assert nationality not in text


def test_each_consented_field_appears_only_when_agreed() -> None:
    base = sample_referral("fr")
    only_birth = render_referral_letter(replace(base, disclosure=Disclosure(birth_date=True)), "fr")
    with_document = render_referral_letter(replace(base, disclosure=Disclosure(id_document=True)), "fr")

    assert "17/04/1999" in pdf_text(only_birth)
    assert "K123456" not in pdf_text(only_birth)
    assert "K123456" in pdf_text(with_document)
    assert "Amina" not in pdf_text(with_document)


def test_missing_optional_fields_leave_no_empty_label() -> None:
    data = replace(sample_referral("fr"), service="", contact_person="", partner_address="", reason="", profile=None)
    text = pdf_text(render_referral_letter(data, "fr"))

    for label in ("Service / programme", "À l'attention de", "Adresse", "Motif de l'orientation", "Profil"):
        assert label not in text, label
    assert "Destinataire" in text


def test_a_certificate_without_hours_or_place_does_not_mention_them() -> None:
    data = replace(sample_certificate("fr"), hours=None, place="")
    text = pdf_text(render_certificate(data, "fr"))

    assert "heures" not in text
    assert "salle" not in text
    assert has_all_words(render_certificate(data, "fr"), "du 5 octobre 2026 au 23 octobre 2026")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_certificate_gives_training_dates_and_hours(lang: str) -> None:
    data = sample_certificate(lang)
    pdf = render_certificate(data, lang)

    assert has_all_words(pdf, data.training_title)
    assert has_all_words(pdf, "42")
    assert has_all_words(pdf, data.signatory.name)
    october = {"fr": "octobre", "ar": "أكتوبر", "en": "October"}[lang]
    assert has_all_words(pdf, f"5 {october} 2026")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_attestation_gives_the_period_and_the_kinds_of_support(lang: str) -> None:
    data = sample_attestation(lang)
    still = pdf_text(render_attestation(data, lang))
    ended = pdf_text(render_attestation(replace(data, until=date(2026, 11, 20)), lang))

    february = {"fr": "février", "ar": "فبراير", "en": "February"}[lang]
    assert {"9", february, "2026"} <= words(still)
    assert "20" in words(ended) and "20" not in words(still)
    support = {"fr": "auto-entrepreneur", "ar": "المقاول الذاتي", "en": "Auto-entrepreneur"}[lang]
    assert words(support) <= words(still)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_summary_sheet_is_marked_confidential_on_every_page(lang: str) -> None:
    data = sample_summary(lang)
    pdf = render_summary_sheet(data, lang)

    mark = {"fr": "CONFIDENTIEL", "ar": "سري", "en": "CONFIDENTIAL"}[lang]
    assert page_count(pdf) >= 1
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        assert mark in page.extract_text() or words(mark) <= words(page.extract_text())
    assert has_all_words(pdf, "amina.elamrani@example.ma")
    assert has_all_words(pdf, "Riad Zitoun")
    assert has_all_words(pdf, "REF-2026-0007")


def test_very_long_texts_wrap_onto_more_pages_and_lose_no_word() -> None:
    reason = " ".join(f"motif{i}" for i in range(900))
    long_name = "Abdelkarim" * 12  # one word wider than the column
    person = replace(sample_referral("fr").person, last_name=long_name)
    data = replace(sample_referral("fr"), reason=reason, person=person)

    pdf = render_referral_letter(data, "fr")
    found = words(pdf_text(pdf))

    assert page_count(pdf) >= 3
    assert {f"motif{i}" for i in range(900)} <= found
    # the long name is cut into pieces that fit; all its letters are there
    assert "".join(sorted(w for w in found if "ABDELKARIM" in w.upper())).upper().count("ABDELKARIM") >= 12


def test_same_data_gives_the_same_bytes() -> None:
    data = sample_referral("ar")

    assert render_referral_letter(data, "ar") == render_referral_letter(data, "ar")


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="fr, ar, en"):
        render_referral_letter(sample_referral("fr"), "de")


def _text_of(length: int, stem: str) -> str:
    """Words ``stem1 stem2 …`` exactly ``length`` characters long."""
    text = ""
    number = 0
    while len(text) < length:
        number += 1
        text = f"{text} {stem}{number}".strip()
    return text[:length].rstrip() + "x" * (length - len(text[:length].rstrip()))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_certificate_with_a_long_title_and_place_stays_on_one_page(lang: str) -> None:
    title = _text_of(200, "تدبير" if lang == "ar" else "Module")
    place = _text_of(150, "قاعة" if lang == "ar" else "Salle")
    assert (len(title), len(place)) == (200, 150)
    data = replace(sample_certificate(lang), training_title=title, place=place)

    pdf = render_certificate(data, lang)

    assert page_count(pdf) == 1
    for given in (
        title,
        place,
        data.signatory.name,
        data.stamp.verification_code,
        TITLES[DocumentKind.CERTIFICATE][lang],
    ):
        assert has_all_words(pdf, given), given


def test_a_certificate_of_a_very_long_text_still_prints_on_one_page() -> None:
    title = " ".join(f"Module{i}" for i in range(400))
    data = replace(sample_certificate("fr"), training_title=title, place="Tanger " * 40)

    pdf = render_certificate(data, "fr")

    assert page_count(pdf) == 1
    assert has_all_words(pdf, title)
