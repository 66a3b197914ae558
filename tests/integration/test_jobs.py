"""Jobs people started, and the referral that led there."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from hubdesk.domain.enums import ContractType, SkillSector
from hubdesk.domain.errors import ValidationError
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import JobDraft
from tests.integration.guidance_helpers import referral_to, sharing_person

TODAY = date.today()


def test_a_job_found_through_a_referral_reads_back_with_its_code(services: Services) -> None:
    saved = sharing_person(services)
    referral = services.referrals.create(saved.id, referral_to(services), send=True)
    services.jobs.record(
        saved.id,
        JobDraft(" Hôtel  Rif ", ContractType.IDMAJ, TODAY, SkillSector.HOTELS_CATERING, "Commis", referral.id),
    )
    jobs = services.person_follow_up.follow_up(saved.id).jobs
    assert [(j.draft.employer, j.referral_code) for j in jobs] == [("Hôtel Rif", referral.code)]
    assert any("job at Hôtel Rif (idmaj)" in e.summary for e in services.beneficiaries.history(saved.id))


def test_bad_jobs_are_refused_field_by_field(services: Services) -> None:
    saved = sharing_person(services)
    other = sharing_person(services, "Fatou", "Ndiaye")
    not_hers = services.referrals.create(other.id, referral_to(services))
    with pytest.raises(ValidationError) as refused:
        services.jobs.record(
            saved.id, JobDraft("", ContractType.PERMANENT, TODAY + timedelta(days=3), referral_id=not_hers.id)
        )
    assert set(refused.value.errors) == {"employer", "start_date", "referral_id"}
    assert services.jobs.of_person(saved.id) == []
