"""The rules a review of issue #5 found missing: deleted people, created collectives, certificates that must not
stay valid when wrong, merges that keep the furthest status, the turnover ceiling."""

from __future__ import annotations

from datetime import timedelta

import pytest

from hubdesk.domain.enums import (
    AutoEntrepreneurStatus,
    IdDocumentType,
    Role,
    VentureKind,
    VentureStage,
)
from hubdesk.domain.errors import PermissionDenied, ValidationError
from hubdesk.services.facade import Services
from hubdesk.services.venture_readmodels import (
    AutoEntrepreneurDraft,
    MemberDraft,
    RevenueDraft,
    TrainingDraft,
    VentureDraft,
    VentureQuery,
)
from tests.integration.test_auto_entrepreneurs import registered
from tests.integration.test_beneficiary_service import person
from tests.integration.test_document_register import as_role
from tests.integration.test_trainings import attend
from tests.integration.venture_helpers import TODAY, collective, people, training


def test_a_deleted_person_no_longer_counts_as_a_member(services: Services) -> None:
    pair = people(services, 2)
    venture_id = collective(services, pair, started_on=TODAY - timedelta(days=20))
    services.beneficiaries.delete(pair[1].id)
    assert [m.beneficiary_id for m in services.ventures.get(venture_id).members] == [pair[0].id]
    assert services.pipeline.page(VentureQuery())[0].member_count == 1
    with pytest.raises(ValidationError) as alone:
        services.ventures.move(venture_id, VentureStage.CREATED, TODAY)
    assert "two people" in alone.value.errors["stage"]


def test_a_created_collective_keeps_two_people(services: Services) -> None:
    trio = people(services, 3)
    venture_id = collective(services, trio[:2], started_on=TODAY - timedelta(days=20))
    services.ventures.move(venture_id, VentureStage.CREATED, TODAY)
    member = services.ventures.get(venture_id).members[1]
    with pytest.raises(ValidationError) as removal:
        services.ventures.remove_member(member.id)
    assert "at least two" in removal.value.errors["members"]
    alone = services.ventures.create(VentureDraft(name="Solo"), [MemberDraft(trio[2].id)])
    services.ventures.move(alone, VentureStage.CREATED, TODAY)
    draft = services.ventures.get(alone).draft
    draft.kind = VentureKind.COLLECTIVE
    with pytest.raises(ValidationError) as relabelled:
        services.ventures.update(alone, draft)
    assert "kind" in relabelled.value.errors
    assert services.pipeline.counts(VentureQuery(kind=VentureKind.COLLECTIVE))[VentureStage.CREATED] == 1


def test_revenue_follows_the_life_of_the_business(services: Services) -> None:
    venture_id = collective(services, people(services, 2), started_on=TODAY - timedelta(days=100))
    services.ventures.move(venture_id, VentureStage.CREATED, TODAY - timedelta(days=60))
    services.ventures.add_revenue(venture_id, RevenueDraft(TODAY - timedelta(days=50), TODAY - timedelta(days=20), 900))
    with pytest.raises(ValidationError) as undo:
        services.ventures.undo_last_step(venture_id)
    assert "revenue" in undo.value.errors["stage"]
    services.ventures.move(venture_id, VentureStage.CLOSED, TODAY - timedelta(days=15))
    with pytest.raises(ValidationError) as after:
        services.ventures.add_revenue(venture_id, RevenueDraft(TODAY - timedelta(days=10), TODAY, 500))
    assert "ended" in after.value.errors["period_start"]


def test_only_a_coordinator_deletes_a_project_or_a_training(services: Services) -> None:
    venture_id = collective(services, people(services, 2))
    training_id = training(services)
    counsellor = as_role(services, Role.COUNSELLOR)
    with pytest.raises(PermissionDenied):
        counsellor.ventures.delete(venture_id)
    with pytest.raises(PermissionDenied):
        counsellor.trainings.delete(training_id)
    services.ventures.delete(venture_id)
    assert sum(services.pipeline.counts(VentureQuery()).values()) == 0


def test_certificates_print_once_the_training_has_ended(services: Services) -> None:
    (someone,) = people(services, 1)
    training_id = services.trainings.create(
        TrainingDraft(
            title="Marketing digital", days=[(TODAY - timedelta(days=1), 3.0), (TODAY + timedelta(days=1), 3.0)]
        )
    )
    services.trainings.enrol(training_id, [someone.id])
    enrolment = services.trainings.get(training_id).trainees[0].enrolment_id
    services.trainings.mark_attendance(training_id, TODAY - timedelta(days=1), {enrolment})
    services.trainings.grant_exception(enrolment, "Leaves Tangier before the last day")
    with pytest.raises(ValidationError) as early:
        services.training_documents.certificate(training_id, someone.id, "fr")
    assert "ends on" in early.value.errors["days"]


def test_a_certificate_made_wrong_is_replaced_and_one_in_use_is_not_left_behind(services: Services) -> None:
    pair = people(services, 2)
    training_id = training(services, days=2)
    services.trainings.enrol(training_id, [p.id for p in pair])
    attend(services, training_id, {pair[0].id: 2, pair[1].id: 1})
    first = services.training_documents.certificate(training_id, pair[0].id, "fr").info
    draft = services.trainings.get(training_id).draft
    draft.title = "Créer et gérer son entreprise (session 2)"
    services.trainings.update(training_id, draft)
    second = services.training_documents.certificate(training_id, pair[0].id, "fr").info
    assert second.number != first.number
    assert services.documents.verify(first.verification_code).cancelled_at is not None
    enrolment = {t.beneficiary_id: t.enrolment_id for t in services.trainings.get(training_id).trainees}
    with pytest.raises(ValidationError) as unenrol:
        services.trainings.unenrol(enrolment[pair[0].id])
    assert second.number in unenrol.value.errors["people"]
    services.trainings.grant_exception(enrolment[pair[1].id], "Sick on the second day, did the exercises")
    services.training_documents.certificate(training_id, pair[1].id, "fr")
    with pytest.raises(ValidationError) as withdraw:
        services.trainings.grant_exception(enrolment[pair[1].id], "")
    assert "cancel it first" in withdraw.value.errors["reason"]


def test_attendance_is_audited_person_by_person_and_a_deleted_trainee_leaves_no_trace(services: Services) -> None:
    pair = people(services, 2)
    training_id = training(services, days=2)
    services.trainings.enrol(training_id, [p.id for p in pair])
    attend(services, training_id, {pair[0].id: 1, pair[1].id: 1})
    history = services.beneficiaries.history(pair[1].id)
    assert any("marked present" in entry.summary for entry in history)
    services.beneficiaries.delete(pair[1].id)
    info = services.trainings.get(training_id)
    assert [d.present for d in info.days] == [1, 0]
    draft = info.draft
    draft.days = draft.days[:1]
    services.trainings.update(training_id, draft)  # day 2: nobody living was marked
    assert len(services.trainings.get(training_id).days) == 1


def test_a_merge_keeps_the_status_that_went_furthest(services: Services) -> None:
    permit = {
        "id_document_type": IdDocumentType.RESIDENCE_PERMIT,
        "id_document_number": "E123456",
        "id_document_expiry": TODAY + timedelta(days=300),
    }
    keep = services.beneficiaries.create(person("Awa", "Sow", **permit))  # type: ignore[arg-type]
    drop = services.beneficiaries.create(person("Awa", "Sow", **permit))  # type: ignore[arg-type]
    services.auto_entrepreneurs.save(keep.id, AutoEntrepreneurDraft(applied_on=TODAY - timedelta(days=3)))
    services.auto_entrepreneurs.save(drop.id, registered())
    services.duplicates.merge(keep.id, drop.id)
    status = services.auto_entrepreneurs.get(keep.id).draft
    assert status is not None and status.status is AutoEntrepreneurStatus.ACTIVE
    assert status.register_number == "AE-2026-123456"


def test_the_turnover_of_the_linked_project_is_weighed_against_the_ceiling(services: Services) -> None:
    permit = {
        "id_document_type": IdDocumentType.RESIDENCE_PERMIT,
        "id_document_number": "E123456",
        "id_document_expiry": TODAY + timedelta(days=300),
    }
    someone = services.beneficiaries.create(person("Awa", "Sow", **permit))  # type: ignore[arg-type]
    venture_id = services.ventures.create(
        VentureDraft(name="Salon Awa"), [MemberDraft(someone.id)], TODAY - timedelta(days=90)
    )
    services.ventures.move(venture_id, VentureStage.CREATED, TODAY - timedelta(days=80))
    status = registered()
    status.venture_id = venture_id
    services.auto_entrepreneurs.save(someone.id, status)
    services.ventures.add_revenue(
        venture_id, RevenueDraft(TODAY - timedelta(days=70), TODAY - timedelta(days=40), 150_000)
    )
    assert not services.auto_entrepreneurs.get(someone.id).over_ceiling
    services.ventures.add_revenue(
        venture_id, RevenueDraft(TODAY - timedelta(days=39), TODAY - timedelta(days=9), 90_000)
    )
    info = services.auto_entrepreneurs.get(someone.id)
    assert (info.turnover_12_months_mad, info.ceiling_mad, info.over_ceiling) == (240_000, 200_000, True)


def test_unmarking_a_certified_trainee_below_the_rule_is_refused(services: Services) -> None:
    (someone,) = people(services, 1)
    training_id = training(services, days=5)
    services.trainings.enrol(training_id, [someone.id])
    attend(services, training_id, {someone.id: 4})
    number = services.training_documents.certificate(training_id, someone.id, "fr").info.number
    first_day = services.trainings.get(training_id).days[0].held_on
    with pytest.raises(ValidationError) as short:
        services.trainings.mark_attendance(training_id, first_day, set())
    assert number in short.value.errors["people"]
    assert len(services.trainings.get(training_id).trainees[0].attended) == 4
