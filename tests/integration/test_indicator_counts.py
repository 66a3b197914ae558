"""The donors' indicators counted over a hand-built dataset: every total and every breakdown cell, people
counted once however many sessions they had, period edges included, breakdowns summing to their totals."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from hubdesk.domain.enums import (
    AutoEntrepreneurStatus,
    ContractType,
    IdDocumentType,
    MigrationStatus,
    Sex,
    SupportActionKind,
    VentureStage,
)
from hubdesk.domain.indicators import Disaggregation, Period
from hubdesk.domain.local_time import LOCAL_ZONE
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import JobDraft, SessionDraft
from hubdesk.services.indicator_counts import IndicatorCount, IndicatorCounts
from hubdesk.services.venture_readmodels import AutoEntrepreneurDraft, SupportActionDraft
from tests.integration.guidance_helpers import SHARING, referral_to
from tests.integration.test_beneficiary_service import person
from tests.integration.test_trainings import attend
from tests.integration.venture_helpers import TODAY, collective, training

START, END = TODAY - timedelta(days=40), TODAY - timedelta(days=10)
PERIOD = Period(START, END)


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=LOCAL_ZONE).astimezone(UTC)


def counts(hub: Services, period: Period = PERIOD) -> dict[str, IndicatorCount]:
    return {c.id: c for c in IndicatorCounts(hub.database, hub.actor).count(period)}


def test_every_indicator_and_breakdown_of_a_known_dataset(services: Services) -> None:
    amina = services.beneficiaries.create(
        person(
            "Amina",
            "Diallo",
            birth_date=date(1998, 5, 1),
            nationality="SN",
            migration_status=MigrationStatus.REGULAR_MIGRANT,
            id_document_type=IdDocumentType.RESIDENCE_PERMIT,
            id_document_number="E1234567",
            id_document_expiry=TODAY + timedelta(days=400),
            registered_on=START,
            consent=SHARING,
        )
    )
    brahim = services.beneficiaries.create(
        person(
            "Brahim",
            "Alaoui",
            sex=Sex.MALE,
            birth_date=date(2010, 1, 1),
            nationality="MA",
            migration_status=MigrationStatus.MOROCCAN,
            has_disability=True,
            registered_on=START - timedelta(days=1),  # the day before the period
            consent=SHARING,
        )
    )
    chantal = services.beneficiaries.create(
        person(
            "Chantal",
            "Mbuyi",
            birth_date=None,
            birth_year=1970,
            nationality="CD",
            migration_status=MigrationStatus.ASYLUM_SEEKER,
            registered_on=END,  # the period's last day
            consent=SHARING,
        )
    )
    dawit = services.beneficiaries.create(person("Dawit", "Bekele", nationality="ET", registered_on=END + timedelta(1)))

    # sessions: Amina twice, Brahim at 00:30 on the first day, Chantal at 23:30 on the last, Dawit the day after
    for who, moment in (
        (amina, local(START + timedelta(days=3), 10)),
        (amina, local(START + timedelta(days=20), 15)),
        (brahim, local(START, 0, 30)),
        (chantal, local(END, 23, 30)),
        (dawit, local(END + timedelta(days=1), 0, 10)),
    ):
        services.guidance.record_session(who.id, SessionDraft(held_at=moment))

    # a collective project of Amina and Brahim, supported and created in the period
    venture_id = collective(services, [amina, brahim], started_on=START - timedelta(days=30))
    services.support_actions.record(
        SupportActionDraft(SupportActionKind.BUSINESS_PLAN, START + timedelta(days=5)), venture_id=venture_id
    )
    services.support_actions.record(  # before the period: Chantal is not counted
        SupportActionDraft(SupportActionKind.COACHING, START - timedelta(days=2)), beneficiary_id=chantal.id
    )
    services.ventures.move(venture_id, VentureStage.CREATED, START + timedelta(days=15))
    services.auto_entrepreneurs.save(
        amina.id,
        AutoEntrepreneurDraft(
            applied_on=START,
            status=AutoEntrepreneurStatus.ACTIVE,
            registered_on=END,
            register_number="AE-1",
        ),
    )
    # referrals: Amina to ANAPEC, Chantal to OFPPT, Brahim's stays a draft
    services.referrals.create(amina.id, referral_to(services, "ANAPEC"), send=True, on=START + timedelta(days=1))
    services.referrals.create(chantal.id, referral_to(services, "OFPPT"), send=True, on=END)
    services.referrals.create(brahim.id, referral_to(services, "ANAPEC"), on=START + timedelta(days=2))
    services.jobs.record(brahim.id, JobDraft("Hôtel Rif", ContractType.FIXED_TERM, START + timedelta(days=9)))
    # a training of three days ending in the period: Amina completes it, Brahim does not
    training_id = training(services, days=3, first=START + timedelta(days=2))
    services.trainings.enrol(training_id, [amina.id, brahim.id])
    attend(services, training_id, {amina.id: 3, brahim.id: 1})

    found = counts(services)
    totals = {key: value.total for key, value in found.items()}
    assert totals == {
        "counselled": 3,  # Amina once however many sessions; both edges included; Dawit after the end
        "business_support": 2,
        "auto_entrepreneur": 1,
        "collective_startups_created": 1,
        "individual_businesses_created": 0,
        "referrals_made": 2,
        "referrals_with_feedback": 0,
        "referrals_successful": 0,
        "jobs_started": 1,
        "trainings_held": 1,
        "training_completed": 1,
        "certificates_issued": 0,
        "new_registrations": 2,  # Amina on the first day, Chantal on the last
    }
    counselled = found["counselled"].breakdown
    assert counselled[Disaggregation.SEX] == {"female": 2, "male": 1}
    assert counselled[Disaggregation.AGE_BAND] == {"15_17": 1, "25_35": 1, "46_plus": 1}
    assert counselled[Disaggregation.STATUS_GROUP] == {"migrant": 1, "moroccan": 1, "refugee_or_asylum_seeker": 1}
    assert counselled[Disaggregation.NATIONALITY] == {"CD": 1, "MA": 1, "SN": 1}
    assert counselled[Disaggregation.DISABILITY] == {"no": 2, "yes": 1}
    assert counselled[Disaggregation.SITE] == {"TNG": 3}
    assert found["referrals_made"].by == {
        next(p.name for p in services.partners.list() if p.name.startswith("ANAPEC")): 1,
        next(p.name for p in services.partners.list() if p.name.startswith("OFPPT")): 1,
    }
    assert found["jobs_started"].by == {"fixed_term": 1}
    assert found["business_support"].breakdown[Disaggregation.SEX] == {"female": 1, "male": 1}
    for value in found.values():  # every breakdown sums to its total
        for axis, cells in value.breakdown.items():
            assert sum(cells.values()) == value.total, (value.id, axis)


def test_a_certificate_counts_on_the_day_it_was_issued_and_a_deleted_person_not_at_all(services: Services) -> None:
    amina = services.beneficiaries.create(person("Amina", "Diallo", registered_on=TODAY - timedelta(days=3)))
    other = services.beneficiaries.create(person("Awa", "Sow", registered_on=TODAY - timedelta(days=3)))
    training_id = training(services, days=2)
    services.trainings.enrol(training_id, [amina.id])
    attend(services, training_id, {amina.id: 2})
    services.training_documents.certificates(training_id, "fr")
    services.training_documents.certificates(training_id, "ar")
    recent = counts(services, Period(TODAY - timedelta(days=5), TODAY))
    assert recent["certificates_issued"].total == 2  # one per language
    assert recent["new_registrations"].total == 2
    services.beneficiaries.delete(other.id)
    assert counts(services, Period(TODAY - timedelta(days=5), TODAY))["new_registrations"].total == 1
