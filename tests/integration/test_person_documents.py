"""Attestations and summary sheets printed from a person's record, under the register."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest

from hubdesk.domain.enums import DocumentKind, IdDocumentType, SupportKind
from hubdesk.domain.errors import Cancelled, ValidationError
from hubdesk.services.facade import Services
from hubdesk.services.person_documents import AttestationRequest
from tests.integration.test_beneficiary_service import person
from tests.pdf_reading import has_all_words, page_count, pdf_text

REQUEST = AttestationRequest(since=date(2026, 3, 2), supports=(SupportKind.COUNSELLING, SupportKind.AUTO_ENTREPRENEUR))


def test_an_attestation_names_the_person_as_registered_and_is_recorded(services: Services) -> None:
    saved = services.beneficiaries.create(
        person(arabic_name="أميناتا ديالو", id_document_type=IdDocumentType.PASSPORT, id_document_number="A1234567")
    )

    printed = services.person_documents.attestation(saved.id, REQUEST, "fr")

    assert has_all_words(printed.pdf, "Aminata DIALLO")
    assert has_all_words(printed.pdf, "أميناتا ديالو")
    assert "A1234567" in pdf_text(printed.pdf)
    assert has_all_words(printed.pdf, saved.code)
    assert has_all_words(printed.pdf, "2 mars 2026")
    assert printed.info.kind is DocumentKind.ATTESTATION
    assert printed.info.person_code == saved.code
    assert services.documents.verify(printed.info.verification_code).number == printed.info.number


def test_printing_the_same_attestation_again_keeps_its_number(services: Services) -> None:
    saved = services.beneficiaries.create(person())
    first = services.person_documents.attestation(saved.id, REQUEST, "ar")
    again = services.person_documents.attestation(saved.id, REQUEST, "ar")
    other_period = services.person_documents.attestation(
        saved.id, AttestationRequest(date(2026, 3, 2), date(2026, 6, 30), REQUEST.supports), "ar"
    )

    assert again.reprint and again.info.number == first.info.number and again.pdf == first.pdf
    assert other_period.info.number != first.info.number


def test_a_wrong_attestation_request_names_its_fields(services: Services) -> None:
    saved = services.beneficiaries.create(person())
    wrong = AttestationRequest(since=date(2026, 5, 1), until=date(2026, 4, 1), supports=())

    with pytest.raises(ValidationError) as raised:
        services.person_documents.attestation(saved.id, wrong, "fr")

    assert set(raised.value.errors) == {"until", "supports"}
    assert services.documents.register() == []


def test_the_summary_sheet_holds_the_record_and_says_who_prepared_it(services: Services) -> None:
    saved = services.beneficiaries.create(person(email="aminata@example.sn"))

    printed = services.person_documents.summary_sheet(saved.id, "en")

    assert has_all_words(printed.pdf, "CONFIDENTIAL")
    assert has_all_words(printed.pdf, "aminata@example.sn")
    assert has_all_words(printed.pdf, "Senegal")
    assert has_all_words(printed.pdf, services.user.full_name if services.user else "")
    assert printed.info.kind is DocumentKind.SUMMARY


def test_attestations_for_several_people_in_one_pdf_or_a_zip(services: Services) -> None:
    ids = [services.beneficiaries.create(person(f"Person{i}", "Test")).id for i in range(3)]
    steps: list[tuple[int, int]] = []

    pdf = services.person_documents.attestations(
        ids, REQUEST, "fr", as_zip=False, progress=lambda done, total: steps.append((done, total))
    )
    archive = services.person_documents.attestations(ids, REQUEST, "en", as_zip=True)

    assert page_count(pdf) == 3
    assert steps[-1] == (3, 3)
    assert len(zipfile.ZipFile(io.BytesIO(archive)).namelist()) == 3
    assert len(services.documents.register(kind=DocumentKind.ATTESTATION)) == 6


def test_a_cancelled_batch_of_attestations_records_nothing(services: Services) -> None:
    ids = [services.beneficiaries.create(person(f"Person{i}", "Test")).id for i in range(3)]
    done: list[int] = []

    with pytest.raises(Cancelled):
        services.person_documents.attestations(
            ids, REQUEST, "fr", as_zip=False, progress=lambda d, _t: done.append(d), cancelled=lambda: bool(done)
        )
    assert services.documents.register() == []
