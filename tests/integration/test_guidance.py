"""Guidance sessions, follow-ups, case status and the confidentiality of notes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from hubdesk.domain.enums import CaseStatus, CloseReason, Role, SessionType
from hubdesk.domain.errors import PermissionDenied, ValidationError
from hubdesk.services.facade import Services
from tests.integration.guidance_helpers import at, other_counsellor, session_on, sharing_person
from tests.integration.test_document_register import as_role

TODAY = date.today()


def test_a_session_reads_back_on_the_timeline_newest_first(services: Services) -> None:
    saved = sharing_person(services)
    services.guidance.record_session(saved.id, session_on(TODAY - timedelta(days=20), topics="CV"))
    services.guidance.record_session(
        saved.id, session_on(TODAY, 7, session_type=SessionType.JOB_SEARCH, notes="Wants hotel work")
    )
    sessions = services.guidance.sessions(saved.id)
    assert [s.topics for s in sessions] == ["", "CV"]
    assert sessions[0].notes == "Wants hotel work" and sessions[0].counsellor == "Admin Istrateur"
    assert sessions[0].next_follow_up == TODAY + timedelta(days=7) and sessions[0].follow_up_pending


def test_the_next_session_holds_the_follow_up_agreed_before(services: Services) -> None:
    saved = sharing_person(services)
    services.guidance.record_session(saved.id, session_on(TODAY - timedelta(days=10), 5))
    assert services.follow_up.agenda_counts(mine=False).overdue == 1
    services.guidance.record_session(saved.id, session_on(TODAY))
    assert services.follow_up.agenda_counts(mine=False).overdue == 0
    older = services.guidance.sessions(saved.id)[1]
    assert older.next_follow_up == TODAY - timedelta(days=5) and not older.follow_up_pending


def test_bad_dates_are_refused_with_the_field_and_nothing_is_saved(services: Services) -> None:
    saved = sharing_person(services)
    with pytest.raises(ValidationError) as before:
        services.guidance.record_session(saved.id, session_on(TODAY, -1))
    assert "next_follow_up" in before.value.errors
    with pytest.raises(ValidationError) as future:
        services.guidance.record_session(saved.id, session_on(TODAY + timedelta(days=2)))
    assert "held_at" in future.value.errors
    assert services.guidance.sessions(saved.id) == []


def test_confidential_notes_are_read_by_their_author_and_coordinators_only(services: Services) -> None:
    saved = sharing_person(services)
    author = as_role(services, Role.COUNSELLOR)
    author.guidance.record_session(
        saved.id, session_on(TODAY, notes="Talked about the journey", confidential=True, agreed_actions="See a doctor")
    )
    colleague = other_counsellor(services)
    coordinator = as_role(services, Role.COORDINATOR)
    assert author.guidance.sessions(saved.id)[0].notes == "Talked about the journey"
    assert coordinator.guidance.sessions(saved.id)[0].agreed_actions == "See a doctor"
    hidden = colleague.guidance.sessions(saved.id)[0]
    assert hidden.notes_hidden and hidden.notes == "" and hidden.agreed_actions == ""
    # the audit trail does not keep the text either
    assert all("journey" not in str(entry) for entry in services.beneficiaries.history(saved.id))


def test_a_colleague_cannot_change_someone_elses_session(services: Services) -> None:
    saved = sharing_person(services)
    author = as_role(services, Role.COUNSELLOR)
    session_id = author.guidance.record_session(saved.id, session_on(TODAY))
    reader = as_role(services, Role.READ_ONLY)
    with pytest.raises(PermissionDenied):
        reader.guidance.record_session(saved.id, session_on(TODAY))
    colleague = other_counsellor(services)
    with pytest.raises(PermissionDenied):
        colleague.guidance.delete_session(session_id)
    services.guidance.delete_session(session_id)  # the administrator may
    assert services.guidance.sessions(saved.id) == []


def test_the_case_follows_its_workflow_dated_and_audited(services: Services) -> None:
    saved = sharing_person(services)
    assert services.guidance.case(saved.id).status is CaseStatus.ACTIVE
    with pytest.raises(ValidationError) as no_reason:
        services.guidance.change_case(saved.id, CaseStatus.CLOSED)
    assert "reason" in no_reason.value.errors
    with pytest.raises(ValidationError) as skip:
        services.guidance.change_case(saved.id, CaseStatus.REOPENED)
    assert "status" in skip.value.errors
    services.guidance.record_session(saved.id, session_on(TODAY, 3))
    state = services.guidance.change_case(saved.id, CaseStatus.CLOSED, CloseReason.EMPLOYED, "Hired by a hotel")
    assert state.status is CaseStatus.CLOSED and state.since == TODAY
    assert state.history[0].reason is CloseReason.EMPLOYED and state.history[0].changed_by == "Admin Istrateur"
    assert services.follow_up.agenda_counts(mine=False).today == 0  # a closed case has no follow-up due
    reopened = services.guidance.change_case(saved.id, CaseStatus.REOPENED)
    assert [c.status for c in reopened.history] == [CaseStatus.REOPENED, CaseStatus.CLOSED]
    assert any("case closed -> reopened" in e.summary for e in services.beneficiaries.history(saved.id))


def test_the_sessions_page_filters_and_pages(services: Services) -> None:
    from hubdesk.services.guidance_readmodels import SessionQuery

    first = sharing_person(services)
    second = sharing_person(services, "Fatou", "Ndiaye")
    for days in range(5):
        services.guidance.record_session(first.id, session_on(TODAY - timedelta(days=days)))
    services.guidance.record_session(
        second.id, session_on(TODAY - timedelta(days=30), session_type=SessionType.BUSINESS_COACHING)
    )
    everything = SessionQuery()
    assert services.guidance.count(everything) == 6
    page = services.guidance.page(everything, 0, 4)
    assert len(page) == 4 and page[0].held_at == at(TODAY)
    coaching = SessionQuery(session_type=SessionType.BUSINESS_COACHING)
    assert [r.person_name for r in services.guidance.page(coaching, 0, 10)] == ["Fatou Ndiaye"]
    recent = SessionQuery(held_from=TODAY - timedelta(days=2), held_to=TODAY)
    assert services.guidance.count(recent) == 3
