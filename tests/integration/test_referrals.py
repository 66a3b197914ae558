"""Referrals: the consent gate, the workflow, the feedback slip, the partner figures and the letter."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from hubdesk.domain.enums import ReferralFailure, ReferralOutcome, ReferralStatus, Role
from hubdesk.domain.errors import ValidationError
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import ReferralQuery
from tests.integration.guidance_helpers import partner_id, referral_to, sharing_person
from tests.integration.test_beneficiary_service import person
from tests.integration.test_document_register import as_role
from tests.pdf_reading import has_all_words

TODAY = date.today()


def test_a_referral_gets_a_code_and_its_steps_are_dated(services: Services) -> None:
    saved = sharing_person(services)
    draft = services.referrals.create(saved.id, referral_to(services, service="Idmaj"))
    assert draft.code == f"REF-TNG-{TODAY.year}-0001" and draft.status is ReferralStatus.DRAFT
    sent = services.referrals.change_status(draft.id, ReferralStatus.SENT)
    assert sent.sent_on == TODAY and [s.status for s in sent.steps] == [ReferralStatus.DRAFT, ReferralStatus.SENT]
    second = services.referrals.create(saved.id, referral_to(services, "OFPPT"), send=True)
    assert second.code.endswith("-0002") and second.status is ReferralStatus.SENT


def test_no_referral_without_consent_unless_a_coordinator_says_why(services: Services) -> None:
    saved = services.beneficiaries.create(person())  # agreed to follow-up, not to sharing
    counsellor = as_role(services, Role.COUNSELLOR)
    with pytest.raises(ValidationError) as refused:
        counsellor.referrals.create(saved.id, referral_to(services))
    assert "consent" in refused.value.errors and "Aminata Diallo" in refused.value.errors["consent"]
    coordinator = as_role(services, Role.COORDINATOR)
    with pytest.raises(ValidationError) as no_reason:
        coordinator.referrals.create(saved.id, referral_to(services, consent_override="urgent"))
    assert "consent_override" in no_reason.value.errors
    assert counsellor.referrals.of_person(saved.id) == []
    made = coordinator.referrals.create(
        saved.id, referral_to(services, consent_override="Agreed orally, paper consent to follow")
    )
    assert made.consent_override.startswith("Agreed orally")
    assert any("consent overridden" in e.summary for e in services.beneficiaries.history(saved.id))


def test_a_step_that_skips_the_workflow_is_refused(services: Services) -> None:
    saved = sharing_person(services)
    made = services.referrals.create(saved.id, referral_to(services))
    with pytest.raises(ValidationError) as skip:
        services.referrals.change_status(made.id, ReferralStatus.COMPLETED, successful=True)
    assert "status" in skip.value.errors
    services.referrals.change_status(made.id, ReferralStatus.SENT)
    services.referrals.change_status(made.id, ReferralStatus.ACCEPTED)
    with pytest.raises(ValidationError) as why:
        services.referrals.change_status(made.id, ReferralStatus.COMPLETED, successful=False)
    assert "failure" in why.value.errors
    done = services.referrals.change_status(
        made.id, ReferralStatus.COMPLETED, successful=False, failure=ReferralFailure.NO_CAPACITY
    )
    assert done.successful is False and done.failure_reason is ReferralFailure.NO_CAPACITY
    assert services.referrals.get(made.id).status is ReferralStatus.COMPLETED


def test_the_feedback_slip_is_typed_in_one_go(services: Services) -> None:
    saved = sharing_person(services)
    made = services.referrals.create(saved.id, referral_to(services), send=True)
    typed = made.code.lower().replace("-", " ")
    done = services.referrals.record_feedback(typed, ReferralOutcome.SERVICE_GIVEN, note="Registered at ANAPEC")
    assert done.status is ReferralStatus.COMPLETED and done.successful is True
    assert [s.status for s in done.steps][-2:] == [ReferralStatus.ACCEPTED, ReferralStatus.COMPLETED]
    assert done.feedback_note == "Registered at ANAPEC"
    other = services.referrals.create(saved.id, referral_to(services, "OFPPT"), send=True)
    unreachable = services.referrals.record_feedback(other.code, ReferralOutcome.UNREACHABLE)
    assert unreachable.status is ReferralStatus.REJECTED
    assert unreachable.failure_reason is ReferralFailure.PERSON_UNREACHABLE
    with pytest.raises(ValidationError) as unknown:
        services.referrals.record_feedback("REF-TNG-1999-0042", ReferralOutcome.ACCEPTED)
    assert "code" in unknown.value.errors


def test_partner_figures_and_overdue_filter(services: Services) -> None:
    saved = sharing_person(services)
    long_ago = TODAY - timedelta(days=40)
    first = services.referrals.create(saved.id, referral_to(services))
    services.referrals.change_status(first.id, ReferralStatus.SENT, on=TODAY)
    services.referrals.record_feedback(first.code, ReferralOutcome.SERVICE_GIVEN)
    stuck = services.referrals.create(saved.id, referral_to(services))
    # sent long ago and never answered: the step is back-dated as the paper says
    with pytest.raises(ValidationError):
        services.referrals.change_status(stuck.id, ReferralStatus.SENT, on=long_ago)  # before it was made
    services.referrals.change_status(stuck.id, ReferralStatus.SENT)
    figures = {f.partner: f for f in services.follow_up.partner_figures()}
    anapec = next(f for name, f in figures.items() if name.startswith("ANAPEC"))
    assert (anapec.sent, anapec.accepted, anapec.successful, anapec.median_feedback_days) == (2, 1, 1, 0)
    overdue = ReferralQuery(overdue=True)
    assert services.follow_up.referral_count(overdue) == 0
    services.follow_up.set_feedback_days(1)
    assert services.follow_up.referral_count(ReferralQuery(partner_id=partner_id(services))) == 2


def test_the_letter_is_registered_and_a_reprint_keeps_its_number(services: Services) -> None:
    saved = sharing_person(services)
    made = services.referrals.create(
        saved.id, referral_to(services, service="Idmaj", reason="Looking for a first job"), send=True
    )
    letter = services.person_follow_up.referral_letter(made.id, "fr")
    assert has_all_words(letter.pdf, f"{made.code} Aminata DIALLO Idmaj")
    again = services.person_follow_up.referral_letter(made.id, "fr")
    assert again.reprint and again.info.number == letter.info.number
    arabic = services.person_follow_up.referral_letter(made.id, "ar")
    assert arabic.info.number != letter.info.number
    assert "الوكالة" in arabic.pdf.decode("latin-1", "ignore") or arabic.info.language == "ar"
