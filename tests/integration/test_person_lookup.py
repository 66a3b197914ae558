"""Finding a person by a code as typed (``BeneficiaryService.find``) and the attestation a person is given
unless someone chooses otherwise (``PersonDocuments.default_request``)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import event, func, select

from hubdesk.db.database import Database
from hubdesk.db.models import AuditEvent
from hubdesk.domain.enums import AuditAction, Role, SupportActionKind, SupportKind
from hubdesk.domain.errors import NotFound, PermissionDenied
from hubdesk.services.facade import Services
from hubdesk.services.person_documents import AttestationRequest
from hubdesk.services.venture_readmodels import SupportActionDraft
from tests.integration.test_beneficiary_service import person
from tests.integration.venture_helpers import TODAY, collective, people


def views(database: Database, beneficiary_id: str) -> int:
    with database.unit_of_work() as uow:
        return int(
            uow.session.scalar(
                select(func.count()).where(
                    AuditEvent.action == AuditAction.VIEW.value, AuditEvent.beneficiary_id == beneficiary_id
                )
            )
            or 0
        )


# --- find ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["TNG-2026-00002", "tng 2026 2", " tng-2026-0002 ", "tng202600002", "TNG/2026/2"])
def test_a_person_is_found_by_their_code_however_it_is_typed(services: Services, typed: str) -> None:
    services.beneficiaries.create(person())
    fatou = services.beneficiaries.create(person("Fatou", "Ndiaye"))

    record = services.beneficiaries.find(typed, record_view=False)

    assert (record.id, record.code, record.draft.first_name) == (fatou.id, "TNG-2026-00002", "Fatou")


def test_finding_a_person_records_the_view_as_opening_their_record_does(services: Services, database: Database) -> None:
    saved = services.beneficiaries.create(person())

    services.beneficiaries.find(saved.code, record_view=False)
    assert views(database, saved.id) == 0
    services.beneficiaries.find(saved.code)
    assert views(database, saved.id) == 1


def test_the_code_of_a_merged_record_finds_the_record_it_went_into(services: Services) -> None:
    keep, drop, later = people(services, 3)
    services.duplicates.merge(keep.id, drop.id)
    services.duplicates.merge(later.id, keep.id)  # what went into keep now lives on in later

    for code in (drop.code, keep.code, later.code):
        record = services.beneficiaries.find(code, record_view=False)
        assert record.id == later.id and record.code == later.code
    assert record.merged_codes == tuple(sorted((drop.code, keep.code)))


def test_a_merged_code_of_a_record_deleted_since_finds_nobody(services: Services) -> None:
    keep, drop = people(services, 2)
    services.duplicates.merge(keep.id, drop.id)
    services.beneficiaries.delete(keep.id)

    for code in (keep.code, drop.code):
        with pytest.raises(NotFound) as raised:
            services.beneficiaries.find(code)
        assert str(raised.value) == f"No person has the code {code}. Person codes look like TNG-2026-00012."


def test_an_unknown_or_deleted_code_says_what_codes_look_like(services: Services) -> None:
    gone = services.beneficiaries.create(person())
    services.beneficiaries.delete(gone.id)

    with pytest.raises(NotFound, match=r"^No person has the code TNG-2026-00001\. Person codes look like"):
        services.beneficiaries.find("tng 2026 1")
    with pytest.raises(NotFound, match=r"^No person has the code AMINATA\. "):
        services.beneficiaries.find(" aminata ")  # a name is no code: no search by name here


def test_finding_a_merged_code_costs_the_same_however_many_people_look_alike(
    services: Services, database: Database
) -> None:
    def statements(code: str) -> int:
        seen: list[str] = []

        def count(*args: object) -> None:
            seen.append(str(args[2]))

        event.listen(database.engine, "before_cursor_execute", count)
        try:
            services.beneficiaries.find(code, record_view=False)
        finally:
            event.remove(database.engine, "before_cursor_execute", count)
        return len(seen)

    keep, drop = people(services, 2)
    services.duplicates.merge(keep.id, drop.id)
    alone = statements(drop.code)
    people(services, 25)  # the same names again and again, codes TNG-2026-00010 to 00019 among them
    assert statements(drop.code) == alone
    assert services.beneficiaries.find(drop.code, record_view=False).id == keep.id


def test_nobody_logged_in_finds_nobody(services: Services) -> None:
    saved = services.beneficiaries.create(person())
    services.logout()

    with pytest.raises(PermissionDenied):
        services.beneficiaries.find(saved.code)


# --- default_request -----------------------------------------------------------------------------------


def test_someone_only_counselled_is_attested_counselling_since_their_registration(services: Services) -> None:
    saved = services.beneficiaries.create(person(registered_on=date(2026, 3, 2)))

    assert services.person_documents.default_request(saved.id) == AttestationRequest(
        since=date(2026, 3, 2), until=None, supports=(SupportKind.COUNSELLING,)
    )


def test_a_member_of_a_business_project_is_attested_business_creation_too(services: Services) -> None:
    pair = people(services, 3)
    venture_id = collective(services, pair[:2])

    request = services.person_documents.default_request(pair[0].id)
    assert request.supports == (SupportKind.COUNSELLING, SupportKind.BUSINESS_CREATION)
    assert request.since == date(2026, 3, 2) and request.until is None
    assert services.person_documents.default_request(pair[2].id).supports == (SupportKind.COUNSELLING,)

    services.ventures.delete(venture_id)  # a deleted project supports nobody
    assert services.person_documents.default_request(pair[0].id).supports == (SupportKind.COUNSELLING,)


def test_a_former_member_is_no_longer_in_business_creation(services: Services) -> None:
    trio = people(services, 3)
    venture_id = collective(services, trio)
    leaving = next(m.id for m in services.ventures.get(venture_id).members if m.beneficiary_id == trio[2].id)

    services.ventures.remove_member(leaving)

    assert services.person_documents.default_request(trio[2].id).supports == (SupportKind.COUNSELLING,)
    assert services.person_documents.default_request(trio[0].id).supports[-1] is SupportKind.BUSINESS_CREATION


def test_a_support_action_given_to_a_person_is_business_creation_until_deleted(services: Services) -> None:
    saved = services.beneficiaries.create(person())
    action = services.support_actions.record(
        SupportActionDraft(SupportActionKind.COACHING, TODAY - timedelta(days=1)), beneficiary_id=saved.id
    )

    assert services.person_documents.default_request(saved.id).supports == (
        SupportKind.COUNSELLING,
        SupportKind.BUSINESS_CREATION,
    )
    services.support_actions.delete(action)
    assert services.person_documents.default_request(saved.id).supports == (SupportKind.COUNSELLING,)


def test_the_default_request_prints(services: Services) -> None:
    saved = services.beneficiaries.create(person())

    request = services.person_documents.default_request(saved.id)
    printed = services.person_documents.attestation(saved.id, request, "fr")

    assert not printed.reprint and printed.info.person_code == saved.code


def test_the_default_request_of_a_deleted_person_is_not_found(services: Services) -> None:
    saved = services.beneficiaries.create(person())
    services.beneficiaries.delete(saved.id)

    with pytest.raises(NotFound):
        services.person_documents.default_request(saved.id)


def test_a_data_officer_may_not_learn_who_is_in_business_creation(services: Services) -> None:
    saved = services.beneficiaries.create(person())
    services.accounts.create_user(services.actor(), "dora", "Dora Données", "long-enough-1", Role.DATA_OFFICER)
    services.login("dora", "long-enough-1")

    with pytest.raises(PermissionDenied, match="cannot read business projects"):
        services.person_documents.default_request(saved.id)
