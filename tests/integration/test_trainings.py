"""Trainings: days, enrolment, attendance, the completion rule and exceptional certificates."""

from __future__ import annotations

from datetime import timedelta

import pytest

from hubdesk.domain.enums import Role, TrainingTheme
from hubdesk.domain.errors import PermissionDenied, ValidationError
from hubdesk.services.facade import Services
from hubdesk.services.venture_readmodels import TrainingDraft, TrainingQuery
from tests.integration.test_document_register import as_role
from tests.integration.venture_helpers import TODAY, people, training


def attend(hub: Services, training_id: str, pattern: dict[str, int]) -> None:
    """Mark each enrolment present on its first ``n`` days."""
    info = hub.trainings.get(training_id)
    for index, day in enumerate(info.days):
        present = {t.enrolment_id for t in info.trainees if pattern.get(t.beneficiary_id, 0) > index}
        hub.trainings.mark_attendance(training_id, day.held_on, present)


def test_the_completion_rule_is_80_percent_of_the_days_by_default(services: Services) -> None:
    trio = people(services, 3)
    training_id = training(services, days=5)
    assert services.trainings.enrol(training_id, [p.id for p in trio]) == 3
    attend(services, training_id, {trio[0].id: 5, trio[1].id: 4, trio[2].id: 3})
    info = services.trainings.get(training_id)
    completed = {t.person_code: (len(t.attended), t.completed) for t in info.trainees}
    assert completed == {trio[0].code: (5, True), trio[1].code: (4, True), trio[2].code: (3, False)}
    assert [d.present for d in info.days] == [3, 3, 3, 2, 1]
    assert info.hours == 15.0
    mine = services.trainings.of_person(trio[2].id)
    assert [(t.code, t.days_attended, t.day_count, t.completed) for t in mine] == [(info.code, 3, 5, False)]


def test_a_training_of_its_own_rule_counts_with_it(services: Services) -> None:
    (someone,) = people(services, 1)
    training_id = services.trainings.create(
        TrainingDraft(
            title="Éducation financière",
            theme=TrainingTheme.FINANCIAL_EDUCATION,
            completion_share=1.0,
            days=[(TODAY - timedelta(days=2), 3.0), (TODAY - timedelta(days=1), 3.0)],
        )
    )
    services.trainings.enrol(training_id, [someone.id])
    attend(services, training_id, {someone.id: 1})
    assert not services.trainings.get(training_id).trainees[0].completed


def test_attendance_for_a_day_outside_the_training_is_refused(services: Services) -> None:
    (someone,) = people(services, 1)
    training_id = training(services, days=3)
    services.trainings.enrol(training_id, [someone.id])
    enrolment = services.trainings.get(training_id).trainees[0].enrolment_id
    with pytest.raises(ValidationError) as outside:
        services.trainings.mark_attendance(training_id, TODAY - timedelta(days=30), {enrolment})
    assert "is not a day of" in outside.value.errors["day"]
    future = training(services, days=2, first=TODAY + timedelta(days=3), title="Marketing digital")
    services.trainings.enrol(future, [someone.id])
    later = services.trainings.get(future)
    with pytest.raises(ValidationError) as to_come:
        services.trainings.mark_attendance(future, later.days[0].held_on, {later.trainees[0].enrolment_id})
    assert "still to come" in to_come.value.errors["day"]
    assert all(not t.attended for t in services.trainings.get(training_id).trainees)


def test_someone_enrolled_twice_is_refused_by_name(services: Services) -> None:
    pair = people(services, 2)
    training_id = training(services)
    services.trainings.enrol(training_id, [pair[0].id])
    with pytest.raises(ValidationError) as twice:
        services.trainings.enrol(training_id, [pair[1].id, pair[0].id])
    assert pair[0].code in twice.value.errors["people"]
    assert [t.person_code for t in services.trainings.get(training_id).trainees] == [pair[0].code]


def test_days_are_checked_and_a_day_with_attendance_stays(services: Services) -> None:
    with pytest.raises(ValidationError) as no_days:
        services.trainings.create(TrainingDraft(title="Sans jours"))
    assert "days" in no_days.value.errors
    day = TODAY - timedelta(days=1)
    with pytest.raises(ValidationError) as twice:
        services.trainings.create(TrainingDraft(title="Deux fois", days=[(day, 3.0), (day, 2.0)]))
    assert "twice" in twice.value.errors["days"]
    (someone,) = people(services, 1)
    training_id = training(services, days=2)
    services.trainings.enrol(training_id, [someone.id])
    attend(services, training_id, {someone.id: 2})
    info = services.trainings.get(training_id)
    draft = info.draft
    draft.days = draft.days[:1]
    with pytest.raises(ValidationError) as marked:
        services.trainings.update(training_id, draft)
    assert "attendance marked" in marked.value.errors["days"]
    draft.days = [*services.trainings.get(training_id).draft.days, (TODAY, 2.0)]
    services.trainings.update(training_id, draft)
    assert services.trainings.get(training_id).hours == 8.0


def test_only_a_coordinator_allows_an_exceptional_certificate_with_a_reason(services: Services) -> None:
    (someone,) = people(services, 1)
    training_id = training(services, days=5)
    services.trainings.enrol(training_id, [someone.id])
    attend(services, training_id, {someone.id: 2})
    enrolment = services.trainings.get(training_id).trainees[0].enrolment_id
    counsellor = as_role(services, Role.COUNSELLOR)
    with pytest.raises(PermissionDenied):
        counsellor.trainings.grant_exception(enrolment, "Hospitalised two days, caught up with the trainer")
    with pytest.raises(ValidationError):
        services.trainings.grant_exception(enrolment, "ill")
    services.trainings.grant_exception(enrolment, "Hospitalised two days, caught up with the trainer")
    trainee = services.trainings.get(training_id).trainees[0]
    assert (trainee.completed, trainee.certified) == (False, True)


def test_the_trainings_list_filters_by_theme_text_and_period(services: Services) -> None:
    training(services, title="Créer son entreprise")
    training(services, days=1, first=TODAY - timedelta(days=200), title="Couture industrielle")
    assert services.trainings.count(TrainingQuery()) == 2
    assert [r.title for r in services.trainings.page(TrainingQuery(text="couture"))] == ["Couture industrielle"]
    recent = services.trainings.page(TrainingQuery(date_from=TODAY - timedelta(days=30)))
    assert [r.title for r in recent] == ["Créer son entreprise"]
    assert services.trainings.count(TrainingQuery(theme=TrainingTheme.DIGITAL)) == 0


def test_merging_two_records_of_one_trainee_keeps_one_enrolment_with_every_day_attended(services: Services) -> None:
    from hubdesk.domain.enums import SupportActionKind
    from hubdesk.services.venture_readmodels import SupportActionDraft
    from tests.integration.venture_helpers import collective

    keep, drop, partner = people(services, 3)
    training_id = training(services, days=5)
    services.trainings.enrol(training_id, [keep.id, drop.id])
    attend(services, training_id, {keep.id: 2})
    info = services.trainings.get(training_id)
    dropped = next(t.enrolment_id for t in info.trainees if t.beneficiary_id == drop.id)
    kept = next(t.enrolment_id for t in info.trainees if t.beneficiary_id == keep.id)
    services.trainings.mark_attendance(training_id, info.days[2].held_on, {dropped, kept})  # both records marked
    services.trainings.mark_attendance(training_id, info.days[3].held_on, {dropped})
    venture_id = collective(services, [keep, drop])
    other = collective(services, [drop, partner])
    services.support_actions.record(SupportActionDraft(SupportActionKind.COACHING, TODAY), beneficiary_id=drop.id)
    services.duplicates.merge(keep.id, drop.id)
    trainee = services.trainings.get(training_id).trainees
    assert [(t.beneficiary_id, len(t.attended)) for t in trainee] == [(keep.id, 4)]
    assert len(services.ventures.get(venture_id).members) == 1
    assert {m.beneficiary_id for m in services.ventures.get(other).members} == {keep.id, partner.id}
    assert [a.draft.kind for a in services.support_actions.of_person(keep.id)] == [SupportActionKind.COACHING]
    assert services.trainings.page(TrainingQuery())[0].enrolled == 1


def test_a_deleted_person_no_longer_counts_among_the_trainees(services: Services) -> None:
    pair = people(services, 2)
    training_id = training(services)
    services.trainings.enrol(training_id, [p.id for p in pair])
    services.beneficiaries.delete(pair[1].id)
    assert services.trainings.page(TrainingQuery())[0].enrolled == 1
    assert [t.person_code for t in services.trainings.get(training_id).trainees] == [pair[0].code]
