"""The rules a review found broken: consent at every step, when a follow-up is pending, merges, counts, letters."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from hubdesk.domain.beneficiary import Consent
from hubdesk.domain.enums import CaseStatus, CloseReason, ConsentPurpose, ReferralOutcome, ReferralStatus, Role
from hubdesk.domain.errors import ValidationError
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import ReferralQuery, SessionQuery
from tests.integration.guidance_helpers import partner_id, referral_to, session_on, sharing_person
from tests.integration.test_beneficiary_service import person
from tests.integration.test_document_register import as_role

TODAY = date.today()


def withdraw_sharing(hub: Services, beneficiary_id: str) -> None:
    draft = hub.beneficiaries.get(beneficiary_id).draft
    draft.consent = Consent(draft.consent.given_on, {ConsentPurpose.FOLLOW_UP})
    hub.beneficiaries.update(beneficiary_id, draft)


def test_a_draft_is_not_sent_nor_printed_once_the_person_withdrew_consent(services: Services) -> None:
    saved = sharing_person(services)
    made = services.referrals.create(saved.id, referral_to(services))
    withdraw_sharing(services, saved.id)
    counsellor = as_role(services, Role.COUNSELLOR)
    with pytest.raises(ValidationError) as refused:
        counsellor.referrals.change_status(made.id, ReferralStatus.SENT)
    assert "consent" in refused.value.errors
    with pytest.raises(ValidationError) as letter:
        services.person_follow_up.referral_letter(made.id, "fr")
    assert "no longer agrees" in letter.value.errors["consent"]
    assert services.documents.register() == []


def test_an_override_is_for_one_partner(services: Services) -> None:
    saved = services.beneficiaries.create(person())  # no consent to share
    coordinator = as_role(services, Role.COORDINATOR)
    made = coordinator.referrals.create(
        saved.id, referral_to(services, "Caritas", consent_override="Urgent medical case")
    )
    counsellor = as_role(services, Role.COUNSELLOR)
    with pytest.raises(ValidationError) as moved:
        counsellor.referrals.update(made.id, referral_to(services, "ANAPEC"))
    assert "consent" in moved.value.errors
    assert counsellor.referrals.get(made.id).partner.startswith("Caritas")
    history = [e.summary for e in services.beneficiaries.history(saved.id)]
    services.referrals.update(made.id, referral_to(services, "Caritas", service="Accueil"))
    assert len(services.beneficiaries.history(saved.id)) == len(history) + 1  # the change is audited


def test_changing_a_referrals_partner_is_audited(services: Services) -> None:
    saved = sharing_person(services)
    made = services.referrals.create(saved.id, referral_to(services, "Caritas"))
    services.referrals.update(made.id, referral_to(services, "OFPPT"))
    event = services.beneficiaries.history(saved.id)[0]
    assert "partner_id" in event.summary
    assert [c.new for c in event.changes if c.field == "partner_id"] == [partner_id(services, "OFPPT")]


def test_notes_edited_to_the_same_length_are_saved(services: Services) -> None:
    saved = sharing_person(services)
    session_id = services.guidance.record_session(saved.id, session_on(TODAY, notes="violence at home"))
    services.guidance.update_session(session_id, session_on(TODAY, notes="VIOLENCE AT HOME"))
    assert services.guidance.session(session_id).notes == "VIOLENCE AT HOME"


def test_the_pending_follow_up_is_the_latest_sessions(services: Services) -> None:
    saved = sharing_person(services)
    first = services.guidance.record_session(saved.id, session_on(TODAY - timedelta(days=10), 5))
    wrong = services.guidance.record_session(saved.id, session_on(TODAY - timedelta(days=2)))
    assert services.follow_up.agenda_counts(mine=False).overdue == 0
    services.guidance.delete_session(wrong)  # recorded on the wrong person: the follow-up comes back
    assert services.follow_up.agenda_counts(mine=False).overdue == 1
    services.guidance.record_session(saved.id, session_on(TODAY - timedelta(days=1), 3))
    services.guidance.record_session(saved.id, session_on(TODAY - timedelta(days=20), 8))  # typed in late
    agenda = services.follow_up.agenda(mine=False)
    assert [i.due for i in agenda.this_week] == [TODAY + timedelta(days=2)] and agenda.overdue == ()
    assert not services.guidance.session(first).follow_up_pending


def test_a_closed_case_has_no_follow_up_even_after_a_session(services: Services) -> None:
    saved = sharing_person(services)
    services.guidance.change_case(saved.id, CaseStatus.CLOSED, CloseReason.MOVED_AWAY)
    services.guidance.record_session(saved.id, session_on(TODAY, 2))
    assert services.follow_up.agenda_counts(mine=False).this_week == 0
    services.guidance.change_case(saved.id, CaseStatus.REOPENED)
    assert services.follow_up.agenda_counts(mine=False).this_week == 1


def test_no_notes_nor_follow_up_without_consent_to_follow_up(services: Services) -> None:
    saved = services.beneficiaries.create(person(consent=Consent()))
    with pytest.raises(ValidationError) as refused:
        services.guidance.record_session(saved.id, session_on(TODAY, 7, notes="Wants a job"))
    assert set(refused.value.errors) == {"notes", "next_follow_up"}
    services.guidance.record_session(saved.id, session_on(TODAY))  # the session itself is counted
    assert len(services.guidance.sessions(saved.id)) == 1


def test_a_deleted_person_leaves_the_counts_and_the_lists(services: Services) -> None:
    saved = sharing_person(services)
    services.guidance.record_session(saved.id, session_on(TODAY, 0))
    services.referrals.create(saved.id, referral_to(services), send=True)
    services.beneficiaries.delete(saved.id)
    assert services.follow_up.agenda_counts(mine=False).today == 0
    assert services.guidance.count(SessionQuery()) == 0 == len(services.guidance.page(SessionQuery(), 0, 10))
    assert services.follow_up.referral_count(ReferralQuery()) == 0


def test_a_merge_keeps_the_dropped_records_follow_up(services: Services) -> None:
    keep = sharing_person(services)
    drop = sharing_person(services, "Aminata", "Dialo")
    services.guidance.record_session(drop.id, session_on(TODAY, 4))
    made = services.referrals.create(drop.id, referral_to(services), send=True)
    services.duplicates.merge(keep.id, drop.id)
    kept = services.person_follow_up.follow_up(keep.id)
    assert len(kept.sessions) == 1 and [r.code for r in kept.referrals] == [made.code]
    assert services.follow_up.agenda_counts(mine=False).this_week == 1
    assert services.person_follow_up.referral_letter(made.id, "fr").info.beneficiary_id == keep.id


def test_a_changed_letter_replaces_the_earlier_one(services: Services) -> None:
    saved = sharing_person(services)
    made = services.referrals.create(saved.id, referral_to(services, service="Idmaj"), send=True)
    first = services.person_follow_up.referral_letter(made.id, "fr")
    services.referrals.update(made.id, referral_to(services, service="Taehil"))
    second = services.person_follow_up.referral_letter(made.id, "fr")
    assert second.info.number != first.info.number
    valid = {d.number: d for d in services.documents.register()}
    assert valid[first.info.number].cancelled_at is not None
    assert second.info.number in valid[first.info.number].cancel_reason


def test_accepted_then_cancelled_still_counts_as_accepted(services: Services) -> None:
    saved = sharing_person(services)
    made = services.referrals.create(saved.id, referral_to(services), send=True)
    services.referrals.record_feedback(made.code, ReferralOutcome.ACCEPTED)
    services.referrals.change_status(made.id, ReferralStatus.CANCELLED)
    anapec = next(f for f in services.follow_up.partner_figures() if f.partner.startswith("ANAPEC"))
    assert (anapec.sent, anapec.accepted, anapec.successful) == (1, 1, 0)


def test_a_paper_referral_typed_in_later_keeps_its_days(services: Services) -> None:
    saved = sharing_person(services)
    made = services.referrals.create(saved.id, referral_to(services), send=True, on=TODAY - timedelta(days=9))
    assert (made.referred_on, made.sent_on) == (TODAY - timedelta(days=9),) * 2
    services.referrals.record_feedback(made.code, ReferralOutcome.ACCEPTED)
    anapec = next(f for f in services.follow_up.partner_figures() if f.partner.startswith("ANAPEC"))
    assert anapec.median_feedback_days == 9
    with pytest.raises(ValidationError):
        services.referrals.create(saved.id, referral_to(services), on=TODAY + timedelta(days=1))
