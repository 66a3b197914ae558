"""Attestations and summary sheets printed from a person's record, under the register."""

from __future__ import annotations

import io
import threading
import zipfile
from datetime import date

import pytest
from sqlalchemy import select

from hubdesk.db.database import Database
from hubdesk.db.models import AuditEvent
from hubdesk.domain.enums import AuditAction, DocumentKind, IdDocumentType, Role, SupportKind
from hubdesk.domain.errors import Cancelled, PermissionDenied, ValidationError
from hubdesk.services.facade import Services
from hubdesk.services.person_documents import AttestationRequest
from tests.conftest import ADMIN_PASSWORD
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

    batch = services.person_documents.attestations(
        ids, REQUEST, "fr", as_zip=False, progress=lambda done, total: steps.append((done, total))
    )
    archive = services.person_documents.attestations(ids, REQUEST, "en", as_zip=True).data
    pdf = batch.data

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


def test_an_ongoing_attestation_asked_for_another_day_is_a_new_paper_dated_that_day(
    database: Database,
) -> None:
    today = [date(2026, 12, 1)]
    services = Services(database, today=lambda: today[0])
    services.login("admin", ADMIN_PASSWORD)
    saved = services.beneficiaries.create(person())
    first = services.person_documents.attestation(saved.id, REQUEST, "fr")
    same_day = services.person_documents.attestation(saved.id, REQUEST, "fr")
    today[0] = date(2027, 9, 20)
    later = services.person_documents.attestation(saved.id, REQUEST, "fr")

    assert same_day.reprint and same_day.info.number == first.info.number
    assert not later.reprint and later.info.number != first.info.number
    assert has_all_words(later.pdf, "20 septembre 2027")


def test_the_attestation_can_leave_out_the_birth_date_and_the_identity_document(services: Services) -> None:
    saved = services.beneficiaries.create(
        person(id_document_type=IdDocumentType.UNHCR_CARD, id_document_number="UNHCR-123-45")
    )
    discreet = AttestationRequest(date(2026, 3, 2), birth_date=False, id_document=False)

    text = pdf_text(services.person_documents.attestation(saved.id, discreet, "fr").pdf)

    assert "Aminata" in text
    assert "UNHCR-123-45" not in text and "HCR" not in text
    assert "1998" not in text


def test_two_prints_at_the_same_moment_get_two_numbers(services: Services) -> None:
    ids = [services.beneficiaries.create(person(f"Person{i}", "Test")).id for i in range(8)]
    numbers: list[str] = []
    failures: list[BaseException] = []

    def print_one(beneficiary_id: str) -> None:
        try:
            numbers.append(services.person_documents.attestation(beneficiary_id, REQUEST, "fr").info.number)
        except BaseException as error:  # reported below
            failures.append(error)

    threads = [threading.Thread(target=print_one, args=(i,)) for i in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    assert sorted(numbers) == [f"ATT-TNG-2026-{n:05d}" for n in range(1, 9)]


def test_merging_two_records_keeps_the_papers_with_the_kept_person(services: Services) -> None:
    kept = services.beneficiaries.create(person())
    dropped = services.beneficiaries.create(person("Aminatta", "Diallo", phones=[]))
    printed = services.person_documents.attestation(dropped.id, REQUEST, "fr")

    services.duplicates.merge(kept.id, dropped.id)

    assert services.documents.verify(printed.info.verification_code).person_code == kept.code
    assert [d.number for d in services.documents.register(beneficiary_id=kept.id)] == [printed.info.number]


def test_searching_the_register_by_a_person_code_finds_only_that_persons_papers(services: Services) -> None:
    first = services.beneficiaries.create(person())
    second = services.beneficiaries.create(person("Omar", "Benali"))
    services.person_documents.attestation(first.id, REQUEST, "fr")  # ATT-TNG-2026-00001
    services.person_documents.attestation(second.id, REQUEST, "fr")  # ATT-TNG-2026-00002

    found = services.documents.register(text=second.code)  # TNG-2026-00002, inside ATT-TNG-2026-00002

    assert [d.person_code for d in found] == [second.code]
    assert [d.person_code for d in services.documents.register(text=first.code)] == [first.code]


def test_saving_a_paper_to_a_file_is_in_the_audit_trail(services: Services, database: Database) -> None:
    saved = services.beneficiaries.create(person())
    printed = services.person_documents.attestation(saved.id, REQUEST, "fr")

    services.documents.record_saved([printed.info.number], "/media/usb/attestation.pdf")

    with database.unit_of_work() as uow:
        events = uow.session.execute(
            select(AuditEvent.beneficiary_id, AuditEvent.summary).where(AuditEvent.action == AuditAction.EXPORT.value)
        ).all()
    assert [tuple(e) for e in events] == [(saved.id, f"saved {printed.info.number} to /media/usb/attestation.pdf")]


@pytest.mark.parametrize("role", [Role.DATA_OFFICER, Role.READ_ONLY])
def test_only_those_who_print_may_browse_the_register_but_everyone_may_verify(services: Services, role: Role) -> None:
    saved = services.beneficiaries.create(person())
    printed = services.person_documents.attestation(saved.id, REQUEST, "fr")
    services.accounts.create_user(services.actor(), "someone", "Some One", "long-enough-1", role)
    services.login("someone", "long-enough-1")

    with pytest.raises(PermissionDenied):
        services.documents.register()
    assert services.documents.verify(printed.info.verification_code).number == printed.info.number
