"""The agenda: follow-ups overdue, today and this week, mine or everyone's, and referrals waiting for feedback."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from hubdesk.domain.enums import ReferralStatus, Role
from hubdesk.domain.errors import PermissionDenied, ValidationError
from hubdesk.services.facade import Services
from tests.conftest import ADMIN_PASSWORD
from tests.integration.guidance_helpers import other_counsellor, referral_to, session_on, sharing_person
from tests.integration.test_document_register import as_role

TODAY = date.today()


def later(hub: Services, days: int) -> Services:
    """The same database, ``days`` later, logged in as the administrator."""
    moved = Services(hub.database, today=lambda: TODAY + timedelta(days=days))
    moved.login("admin", ADMIN_PASSWORD)
    return moved


def test_follow_ups_fall_into_overdue_today_and_this_week(services: Services) -> None:
    late = sharing_person(services, "Aminata", "Diallo")
    due = sharing_person(services, "Fatou", "Ndiaye")
    soon = sharing_person(services, "Cheikh", "Fall")
    far = sharing_person(services, "Moussa", "Traore")
    services.guidance.record_session(late.id, session_on(TODAY - timedelta(days=9), 6, agreed_actions="Bring the CV"))
    services.guidance.record_session(due.id, session_on(TODAY - timedelta(days=7), 7))
    services.guidance.record_session(soon.id, session_on(TODAY, 3))
    services.guidance.record_session(far.id, session_on(TODAY, 30))
    agenda = services.follow_up.agenda(mine=True)
    assert [i.person_name for i in agenda.overdue] == ["Aminata Diallo"]
    assert agenda.overdue[0].due == TODAY - timedelta(days=3) and agenda.overdue[0].agreed_actions == "Bring the CV"
    assert [i.person_name for i in agenda.today] == ["Fatou Ndiaye"]
    assert [i.person_name for i in agenda.this_week] == ["Cheikh Fall"]
    counts = services.follow_up.agenda_counts()
    assert (counts.overdue, counts.today, counts.this_week, counts.due) == (1, 1, 1, 2)


def test_mine_is_what_i_agreed_everyones_is_the_whole_team(services: Services) -> None:
    saved = sharing_person(services)
    colleague = other_counsellor(services)
    colleague.guidance.record_session(
        saved.id, session_on(TODAY, 0, notes="private", confidential=True, agreed_actions="Call the clinic")
    )
    assert services.follow_up.agenda(mine=True).today == ()
    everyone = services.follow_up.agenda(mine=False).today
    assert [i.counsellor for i in everyone] == ["Other Counsellor"]
    assert everyone[0].agreed_actions == "Call the clinic"  # the administrator reads confidential actions
    third = other_counsellor(services, "third")
    assert third.follow_up.agenda(mine=False).today[0].agreed_actions == ""  # a colleague does not


def test_a_referral_waiting_too_long_shows_until_the_partner_answers(services: Services) -> None:
    saved = sharing_person(services)
    made = services.referrals.create(saved.id, referral_to(services), send=True)
    assert services.follow_up.agenda(mine=True).awaiting == ()
    after = later(services, 15)  # the default wait is 14 days
    waiting = after.follow_up.agenda(mine=True).awaiting
    assert [(w.code, w.days, w.status) for w in waiting] == [(made.code, 15, ReferralStatus.SENT)]
    assert after.follow_up.agenda_counts().awaiting == 1
    after.referrals.change_status(made.id, ReferralStatus.ACCEPTED)
    assert after.follow_up.agenda(mine=True).awaiting == ()


def test_only_coordinators_set_the_waiting_days(services: Services) -> None:
    counsellor = as_role(services, Role.COUNSELLOR)
    with pytest.raises(PermissionDenied):
        counsellor.follow_up.set_feedback_days(3)
    with pytest.raises(ValidationError):
        services.follow_up.set_feedback_days(0)
    services.follow_up.set_feedback_days(3)
    assert counsellor.follow_up.feedback_days() == 3
