"""The document register on a real database: numbers, reprints, verification, cancelling, batches."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from pypdf import PdfReader
from sqlalchemy import select

from hubdesk.db import migrate
from hubdesk.db.database import Database, make_engine
from hubdesk.db.models import AuditEvent, CodeCounter, IssuedDocument
from hubdesk.documents.data import AttestationData, CertificateData, PersonRef, ReferralLetterData, Stamp
from hubdesk.documents.samples import sample_attestation, sample_certificate, sample_referral
from hubdesk.domain.document_numbers import qr_payload
from hubdesk.domain.enums import AuditAction, DocumentKind, Role
from hubdesk.domain.errors import Cancelled, HubdeskError, NotFound, PermissionDenied, ValidationError
from hubdesk.services.document_readmodels import BatchItem, PrintedDocument
from hubdesk.services.facade import Services
from hubdesk.services.readmodels import SavedBeneficiary
from tests.conftest import ADMIN_PASSWORD
from tests.integration.test_beneficiary_service import person

CERTIFICATE = DocumentKind.CERTIFICATE
PASSWORD = "long-enough-1"


class Clock:
    def __init__(self, today: date) -> None:
        self.today = today

    def __call__(self) -> date:
        return self.today


@pytest.fixture
def clock() -> Clock:
    return Clock(date(2026, 11, 30))


@pytest.fixture
def hub(database: Database, clock: Clock) -> Services:
    """Services logged in as the administrator, on a clock the test can move."""
    services = Services(database, today=clock)
    services.login("admin", ADMIN_PASSWORD)
    return services


def as_role(hub: Services, role: Role) -> Services:
    username = role.value.replace("_", "")
    hub.accounts.create_user(hub.actor(), username, f"{role.value.title()} User", PASSWORD, role)
    other = Services(hub.database)
    other.login(username, PASSWORD)
    return other


def register_person(hub: Services, first: str = "Aminata", last: str = "Diallo") -> SavedBeneficiary:
    return hub.beneficiaries.create(person(first, last))


def certificate(saved: SavedBeneficiary, first: str, last: str, title: str = "") -> Callable[[Stamp], CertificateData]:
    def build(stamp: Stamp) -> CertificateData:
        data = replace(sample_certificate("fr", stamp), person=PersonRef(saved.code, first, last))
        return replace(data, training_title=title) if title else data

    return build


def issue_certificate(hub: Services, saved: SavedBeneficiary, title: str = "", lang: str = "fr") -> PrintedDocument:
    return hub.documents.issue(
        CERTIFICATE, f"enrolment:{saved.id}", certificate(saved, "Aminata", "Diallo", title), lang, saved.id
    )


def an_attestation(stamp: Stamp) -> AttestationData:
    return sample_attestation("fr", stamp)


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def events(hub: Services, action: AuditAction) -> list[AuditEvent]:
    with hub.database.unit_of_work() as uow:
        found = list(
            uow.session.scalars(
                select(AuditEvent).where(AuditEvent.action == action.value, AuditEvent.entity == "document")
            )
        )
        uow.session.expunge_all()  # readable after the unit of work ends
        return found


def register_rows(hub: Services) -> int:
    with hub.database.unit_of_work() as uow:
        return uow.session.scalar(select(sa.func.count()).select_from(IssuedDocument)) or 0


# --- numbers and reprints ------------------------------------------------------------------------


def test_numbers_run_per_kind_and_year(hub: Services, clock: Clock) -> None:
    amina, fatou = register_person(hub), register_person(hub, "Fatou", "Ndiaye")
    first = hub.documents.issue(CERTIFICATE, f"enrolment:{amina.id}", certificate(amina, "Aminata", "Diallo"), "fr")
    second = hub.documents.issue(CERTIFICATE, f"enrolment:{fatou.id}", certificate(fatou, "Fatou", "Ndiaye"), "fr")
    attestation = hub.documents.issue(
        DocumentKind.ATTESTATION, f"attestation:{amina.id}:2026-02-09::", an_attestation, "fr", amina.id
    )
    assert (first.info.number, second.info.number) == ("CRT-TNG-2026-00001", "CRT-TNG-2026-00002")
    assert attestation.info.number == "ATT-TNG-2026-00001"
    assert not first.reprint and not second.reprint
    assert first.info.verification_code != second.info.verification_code
    clock.today = date(2027, 1, 4)
    fall = register_person(hub, "Cheikh", "Fall")
    next_year = hub.documents.issue(CERTIFICATE, f"enrolment:{fall.id}", certificate(fall, "Cheikh", "Fall"), "fr")
    assert next_year.info.number == "CRT-TNG-2027-00001"
    assert next_year.info.issued_on == date(2027, 1, 4)


def test_printing_the_same_document_again_reprints_its_number_and_bytes(hub: Services, clock: Clock) -> None:
    saved = register_person(hub)
    first = issue_certificate(hub, saved)
    clock.today = date(2027, 2, 1)  # printed again later: still the paper of the day it was issued
    again = issue_certificate(hub, saved)
    assert again.reprint
    assert again.info.number == first.info.number and again.info.verification_code == first.info.verification_code
    assert again.info.issued_on == date(2026, 11, 30)
    assert again.pdf == first.pdf
    assert register_rows(hub) == 1
    printed = events(hub, AuditAction.PRINT)
    assert sorted(e.summary.split()[0] for e in printed) == ["issued", "reprint"]
    assert all(e.beneficiary_id == saved.id and e.entity_id == first.info.id for e in printed)


def test_changed_content_or_another_language_gets_a_new_number(hub: Services) -> None:
    saved = register_person(hub)
    first = issue_certificate(hub, saved, title="Cuisine marocaine")
    changed = issue_certificate(hub, saved, title="Pâtisserie")
    english = issue_certificate(hub, saved, title="Pâtisserie", lang="en")
    assert not changed.reprint and changed.info.number == "CRT-TNG-2026-00002"
    assert english.info.number == "CRT-TNG-2026-00003" and english.info.language == "en"
    assert first.info.number in page_texts(first.pdf)[0]
    assert changed.info.number in page_texts(changed.pdf)[0]


def test_the_register_row_holds_the_hash_of_the_pdf_handed_out(hub: Services) -> None:
    saved = register_person(hub)
    printed = issue_certificate(hub, saved)
    assert printed.info.sha256 == hashlib.sha256(printed.pdf).hexdigest()
    assert printed.pdf.startswith(b"%PDF")
    text = page_texts(printed.pdf)[0]
    assert printed.info.number in text and printed.info.verification_code in text
    with hub.database.unit_of_work() as uow:
        row = uow.session.scalars(select(IssuedDocument)).one()
        assert (row.kind, row.language, row.subject_key) == ("certificate", "fr", f"enrolment:{saved.id}")
        assert row.issued_by_name == "Admin Istrateur" and row.size_bytes == len(printed.pdf)
    assert printed.info.person_code == saved.code and printed.info.person_name == "Aminata Diallo"
    assert printed.info.issued_by_name == "Admin Istrateur"


def test_a_document_that_fails_to_render_leaves_nothing_and_burns_no_number(hub: Services) -> None:
    saved = register_person(hub)

    def broken(stamp: Stamp) -> CertificateData:
        raise RuntimeError("font missing")

    with pytest.raises(RuntimeError):
        hub.documents.issue(CERTIFICATE, f"enrolment:{saved.id}", broken, "fr", saved.id)
    assert register_rows(hub) == 0 and events(hub, AuditAction.PRINT) == []
    assert issue_certificate(hub, saved).info.number == "CRT-TNG-2026-00001"


def test_bad_requests_are_refused(hub: Services) -> None:
    saved = register_person(hub)
    build = certificate(saved, "Aminata", "Diallo")
    with pytest.raises(ValidationError) as caught:
        hub.documents.issue(CERTIFICATE, f"enrolment:{saved.id}", build, "de")
    assert "lang" in caught.value.errors
    with pytest.raises(ValidationError):
        hub.documents.issue(CERTIFICATE, "  ", build, "fr")
    with pytest.raises(NotFound):
        hub.documents.issue(CERTIFICATE, "enrolment:x", build, "fr", beneficiary_id="no-such-person")
    assert register_rows(hub) == 0


@pytest.mark.parametrize("role", [Role.READ_ONLY, Role.DATA_OFFICER])
def test_who_may_not_print(hub: Services, role: Role) -> None:
    saved = register_person(hub)
    other = as_role(hub, role)
    with pytest.raises(PermissionDenied):
        issue_certificate(other, saved)
    with pytest.raises(PermissionDenied):
        other.documents.issue_batch(CERTIFICATE, [BatchItem("x", certificate(saved, "A", "B"))], "fr", as_zip=False)


def test_a_counsellor_prints(hub: Services) -> None:
    saved = register_person(hub)
    counsellor = as_role(hub, Role.COUNSELLOR)
    printed = issue_certificate(counsellor, saved)
    assert printed.info.issued_by_name == "Counsellor User"


# --- verification and cancelling ------------------------------------------------------------------


def test_verification_round_trips_typed_or_scanned(hub: Services) -> None:
    saved = register_person(hub)
    printed = issue_certificate(hub, saved)
    code = printed.info.verification_code
    for typed in (code, code.lower().replace("-", ""), f"  {code.lower()} ", qr_payload(printed.info.number, code)):
        found = hub.documents.verify(typed)
        assert found.number == printed.info.number and found.kind is CERTIFICATE
        assert found.person_name == "Aminata Diallo" and found.person_code == saved.code
        assert found.issued_by_name == "Admin Istrateur" and not found.cancelled
    assert hub.documents.verify_file(printed.pdf).number == printed.info.number


def test_verification_is_open_to_every_role_and_recorded(hub: Services) -> None:
    saved = register_person(hub)
    printed = issue_certificate(hub, saved)
    reader = as_role(hub, Role.READ_ONLY)
    assert reader.documents.verify(printed.info.verification_code).number == printed.info.number
    views = [e for e in events(hub, AuditAction.VIEW) if e.username == "readonly"]
    assert len(views) == 1 and views[0].beneficiary_id == saved.id


def test_unknown_codes_and_files_are_not_found(hub: Services) -> None:
    saved = register_person(hub)
    printed = issue_certificate(hub, saved)
    with pytest.raises(NotFound, match="No document was issued with code"):
        hub.documents.verify("AAAAA-BBBBB")
    with pytest.raises(NotFound, match="not a verification code"):
        hub.documents.verify("hello")
    with pytest.raises(NotFound):
        hub.documents.verify_file(printed.pdf + b"\n% changed")


def test_only_a_coordinator_or_an_administrator_cancels_and_verification_shows_it(hub: Services) -> None:
    saved = register_person(hub)
    printed = issue_certificate(hub, saved)
    counsellor = as_role(hub, Role.COUNSELLOR)
    coordinator = as_role(hub, Role.COORDINATOR)
    with pytest.raises(PermissionDenied):
        counsellor.documents.cancel(printed.info.id, "wrong dates")
    with pytest.raises(ValidationError) as caught:
        coordinator.documents.cancel(printed.info.id, "   ")
    assert "reason" in caught.value.errors
    assert not hub.documents.verify(printed.info.verification_code).cancelled

    cancelled = coordinator.documents.cancel(printed.info.id, "wrong  training dates")
    assert cancelled.cancelled and cancelled.cancel_reason == "wrong training dates"
    seen = counsellor.documents.verify(printed.info.verification_code)
    assert seen.cancelled_at is not None and seen.cancelled_by_name == "Coordinator User"
    assert seen.cancel_reason == "wrong training dates"
    (event,) = events(hub, AuditAction.CANCEL)
    assert event.beneficiary_id == saved.id and "wrong training dates" in event.summary
    with pytest.raises(HubdeskError, match="already cancelled"):
        coordinator.documents.cancel(printed.info.id, "again")
    with pytest.raises(NotFound):
        coordinator.documents.cancel("no-such-document", "gone")

    # printing it again after cancelling issues a new paper under a new number
    again = issue_certificate(hub, saved)
    assert not again.reprint and again.info.number == "CRT-TNG-2026-00002"


def test_the_register_lists_newest_first_and_filters(hub: Services) -> None:
    amina, fatou = register_person(hub), register_person(hub, "Fatou", "Ndiaye")
    a = issue_certificate(hub, amina)
    f = hub.documents.issue(CERTIFICATE, f"enrolment:{fatou.id}", certificate(fatou, "Fatou", "Ndiaye"), "fr", fatou.id)
    att = hub.documents.issue(DocumentKind.ATTESTATION, f"attestation:{amina.id}", an_attestation, "fr", amina.id)
    assert [d.number for d in hub.documents.register()] == [att.info.number, f.info.number, a.info.number]
    assert [d.number for d in hub.documents.register(kind=CERTIFICATE)] == [f.info.number, a.info.number]
    assert [d.number for d in hub.documents.register(beneficiary_id=amina.id)] == [att.info.number, a.info.number]
    assert [d.number for d in hub.documents.register(text="ndiaye")] == [f.info.number]
    assert [d.number for d in hub.documents.register(text="att-tng")] == [att.info.number]
    assert [d.number for d in hub.documents.register(text=a.info.verification_code.lower())] == [a.info.number]
    assert [d.number for d in hub.documents.register(text="%")] == []
    assert len(hub.documents.register(limit=2)) == 2


# --- batches --------------------------------------------------------------------------------------


NAMES = [("Aminata", "Diallo"), ("Fatou", "Ndiaye"), ("Cheikh", "Fall"), ("Moussa", "Traoré"), ("Awa", "Koné")]


def batch(hub: Services) -> list[BatchItem]:
    items = []
    for first, last in NAMES:
        saved = register_person(hub, first, last)
        items.append(BatchItem(f"enrolment:{saved.id}", certificate(saved, first, last), saved.id, f"{first} {last}"))
    return items


def test_a_batch_of_certificates_as_one_pdf(hub: Services) -> None:
    items = batch(hub)
    seen: list[tuple[int, int]] = []
    pdf = hub.documents.issue_batch(
        CERTIFICATE, items, "fr", as_zip=False, progress=lambda d, t: seen.append((d, t))
    ).data
    assert seen == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]
    texts = page_texts(pdf)
    assert len(texts) == 5
    numbers = [f"CRT-TNG-2026-{n:05d}" for n in range(1, 6)]
    for text, number, (_, last) in zip(texts, numbers, NAMES, strict=True):
        assert number in text and last.upper() in text.upper()
    rows = hub.documents.register(kind=CERTIFICATE)
    assert sorted(r.number for r in rows) == numbers
    assert len(events(hub, AuditAction.PRINT)) == 5

    # the same batch again reprints the same numbers
    again = hub.documents.issue_batch(CERTIFICATE, items, "fr", as_zip=False).data
    assert page_texts(again) == texts and register_rows(hub) == 5


def test_a_batch_of_certificates_as_a_zip(hub: Services) -> None:
    items = batch(hub)
    data = hub.documents.issue_batch(CERTIFICATE, items, "fr", as_zip=True).data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert names == [f"CRT-TNG-2026-{n:05d} {first} {last}.pdf" for n, (first, last) in enumerate(NAMES, 1)]
        for name in names:
            pdf = archive.read(name)
            assert hub.documents.verify_file(pdf).number == name[:18]
            assert name[:18] in page_texts(pdf)[0]


def test_cancelling_a_batch_midway_records_nothing(hub: Services) -> None:
    items = batch(hub)
    done: list[int] = []
    with pytest.raises(Cancelled):
        hub.documents.issue_batch(
            CERTIFICATE,
            items,
            "fr",
            as_zip=False,
            progress=lambda d, t: done.append(d),
            cancelled=lambda: len(done) >= 2,
        )
    assert done == [1, 2]
    assert register_rows(hub) == 0 and events(hub, AuditAction.PRINT) == []
    with hub.database.unit_of_work() as uow:
        assert uow.session.scalar(select(CodeCounter).where(CodeCounter.kind == "doc_certificate")) is None
    pdf = hub.documents.issue_batch(CERTIFICATE, items[:1], "fr", as_zip=False).data
    assert "CRT-TNG-2026-00001" in page_texts(pdf)[0]


def test_an_empty_batch_is_refused(hub: Services) -> None:
    with pytest.raises(ValidationError):
        hub.documents.issue_batch(CERTIFICATE, [], "fr", as_zip=True)


# --- schema ---------------------------------------------------------------------------------------


def test_a_database_of_the_first_release_gains_the_register_and_keeps_its_rows(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "old.sqlite3")
    try:
        migrate.upgrade(engine, "0001")
        with engine.begin() as connection:
            connection.execute(sa.text("INSERT INTO setting (key, value) VALUES ('site_code', 'TET')"))
        migrate.upgrade(engine)
        assert migrate.current_revision(engine) == migrate.HEAD_REVISION
        with engine.connect() as connection:
            assert connection.execute(sa.text("SELECT value FROM setting")).scalar() == "TET"
            assert connection.execute(sa.text("SELECT count(*) FROM document_register")).scalar() == 0
        migrate.upgrade(engine)  # nothing to do the second time
        from alembic import command

        config = migrate.alembic_config()
        with migrate.migration_connection(engine) as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0001")
        assert "document_register" not in sa.inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_audit_diffs_name_the_document(hub: Services) -> None:
    saved = register_person(hub)
    printed = issue_certificate(hub, saved)
    (event,) = events(hub, AuditAction.PRINT)
    diff = json.loads(event.diff)
    assert diff == {
        "number": printed.info.number,
        "kind": "certificate",
        "language": "fr",
        "sha256": printed.info.sha256,
    }


def test_a_batch_as_one_pdf_is_one_small_file_that_verifies_as_a_whole(hub: Services) -> None:
    items = batch(hub)
    pdf = hub.documents.issue_batch(CERTIFICATE, items, "fr", as_zip=False).data
    single = hub.documents.issue_batch(CERTIFICATE, items[:1], "fr", as_zip=True).data

    assert len(pdf) < 2 * len(single)  # the fonts are embedded once, not five times
    found = hub.documents.verify_file(pdf)
    assert found.number == "CRT-TNG-2026-00001" and found.file_documents == 5
    # printed again alone, the first certificate is a reprint of the same number
    again = hub.documents.issue(CERTIFICATE, items[0].subject_key, items[0].build, "fr", items[0].beneficiary_id)
    assert again.reprint and again.info.number == "CRT-TNG-2026-00001"


def test_a_zip_of_two_page_letters_gives_each_letter_its_own_two_pages(hub: Services) -> None:
    items = []
    for first, last in NAMES[:3]:
        saved = register_person(hub, first, last)

        def build(stamp: Stamp, code: str = saved.code, first: str = first, last: str = last) -> ReferralLetterData:
            person = PersonRef(code, first, last)
            return replace(sample_referral("fr", stamp), person=person)

        items.append(BatchItem(f"referral:{saved.id}", build, saved.id, last))

    data = hub.documents.issue_batch(DocumentKind.REFERRAL_LETTER, items, "fr", as_zip=True).data

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for n, name in enumerate(archive.namelist(), start=1):
            texts = page_texts(archive.read(name))
            assert len(texts) == 2, name
            assert all(f"LTR-TNG-2026-{n:05d}" in text for text in texts)
            assert "Page 2 sur 2" in texts[1]
            assert hub.documents.verify_file(archive.read(name)).number == f"LTR-TNG-2026-{n:05d}"
