"""Reading sessions and cases into read models, and the rules of a pending follow-up (shared by the services)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.orm import Session

from hubdesk.db.models import Beneficiary, CaseStatusChange, GuidanceSession, User
from hubdesk.domain.enums import CaseStatus, CloseReason, ConsentPurpose, SessionMode, SessionType
from hubdesk.domain.errors import NotFound
from hubdesk.domain.local_time import day_end_utc, day_start_utc, local_day
from hubdesk.domain.workflow import session_problems
from hubdesk.services.access import reads_confidential
from hubdesk.services.guidance_readmodels import CaseChange, CaseState, SessionDraft, SessionEntry, SessionQuery
from hubdesk.services.readmodels import Actor

MAX_TOPICS = 300
MAX_TEXT = 20_000


def user_names(session: Session) -> dict[str, str]:
    return {user_id: name for user_id, name in session.execute(select(User.id, User.full_name))}


def live_person(session: Session, beneficiary_id: str) -> Beneficiary:
    row = session.get(Beneficiary, beneficiary_id)
    if row is None or row.deleted_at is not None:
        raise NotFound("This person does not exist or was deleted.")
    return row


def refresh_follow_up(session: Session, beneficiary_id: str) -> None:
    """Put the person's pending follow-up where it belongs: the next follow-up agreed at their latest
    session, unless the case is closed or the person deleted. Called after every change that may move it."""
    session.flush()
    session.execute(
        update(GuidanceSession)
        .where(GuidanceSession.beneficiary_id == beneficiary_id, GuidanceSession.follow_up_due.is_not(None))
        .values(follow_up_due=None)
    )
    person = session.get(Beneficiary, beneficiary_id)
    if person is None or person.deleted_at is not None or person.case_status == CaseStatus.CLOSED.value:
        return
    latest = session.execute(
        select(GuidanceSession.id, GuidanceSession.next_follow_up)
        .where(GuidanceSession.beneficiary_id == beneficiary_id, GuidanceSession.deleted_at.is_(None))
        .order_by(GuidanceSession.held_at.desc(), GuidanceSession.created_at.desc())
        .limit(1)
    ).first()
    if latest is not None and latest.next_follow_up is not None:
        session.execute(
            update(GuidanceSession).where(GuidanceSession.id == latest.id).values(follow_up_due=latest.next_follow_up)
        )
    session.expire_all()


def follows_up(person: Beneficiary) -> bool:
    """Whether the person agreed to case follow-up (without it only a minimal record is kept)."""
    return (
        person.consent_given_on is not None
        and person.consent_withdrawn_on is None
        and ConsentPurpose.FOLLOW_UP.value in person.consent_purposes.split()
    )


def minimal_record_problems(person: Beneficiary, draft: SessionDraft) -> dict[str, str]:
    """A person without consent to follow-up gets sessions, but no notes, actions or follow-up are kept."""
    if follows_up(person):
        return {}
    why = (
        f"{person.first_name} {person.last_name} did not agree to case follow-up: "
        "only the session's date, type and mode are kept."
    )
    kept = {"notes": draft.notes, "agreed_actions": draft.agreed_actions, "next_follow_up": draft.next_follow_up}
    return {name: why for name, value in kept.items() if value}


def session_draft_problems(draft: SessionDraft, today: date) -> dict[str, str]:
    """Field -> message for a session that cannot be saved as typed."""
    problems = session_problems(draft.held_at, draft.next_follow_up, draft.duration_minutes)
    if draft.held_at.tzinfo is None:
        problems["held_at"] = "The session's time has no time zone."
    elif local_day(draft.held_at) > today:
        problems["held_at"] = "A session cannot be recorded on a day still to come: plan a follow-up instead."
    if len(draft.topics) > MAX_TOPICS:
        problems["topics"] = f"Topics hold at most {MAX_TOPICS} characters."
    for name in ("notes", "agreed_actions"):
        if len(getattr(draft, name)) > MAX_TEXT:
            problems[name] = f"At most {MAX_TEXT} characters."
    return problems


def to_entry(row: GuidanceSession, names: dict[str, str], actor: Actor) -> SessionEntry:
    hidden = row.confidential and not reads_confidential(actor, row.created_by, row.counsellor_id)
    return SessionEntry(
        id=row.id,
        beneficiary_id=row.beneficiary_id,
        held_at=row.held_at,
        session_type=SessionType(row.session_type),
        mode=SessionMode(row.mode),
        duration_minutes=row.duration_minutes,
        counsellor_id=row.counsellor_id,
        counsellor=names.get(row.counsellor_id or "", ""),
        topics=row.topics,
        notes="" if hidden else row.notes,
        confidential=row.confidential,
        notes_hidden=hidden,
        agreed_actions="" if hidden else row.agreed_actions,
        next_follow_up=row.next_follow_up,
        follow_up_pending=row.follow_up_due is not None,
        created_by=row.created_by,
    )


def sessions_of(session: Session, beneficiary_id: str, actor: Actor, names: dict[str, str]) -> list[SessionEntry]:
    rows = session.scalars(
        select(GuidanceSession)
        .where(GuidanceSession.beneficiary_id == beneficiary_id, GuidanceSession.deleted_at.is_(None))
        .order_by(GuidanceSession.held_at.desc())
    )
    return [to_entry(row, names, actor) for row in rows]


def case_state(session: Session, person: Beneficiary, names: dict[str, str]) -> CaseState:
    changes = session.scalars(
        select(CaseStatusChange)
        .where(CaseStatusChange.beneficiary_id == person.id)
        .order_by(CaseStatusChange.changed_on.desc(), CaseStatusChange.created_at.desc())
    )
    history = tuple(
        CaseChange(
            CaseStatus(c.status),
            CloseReason(c.reason) if c.reason else None,
            c.note,
            c.changed_on,
            names.get(c.created_by or "", "system"),
        )
        for c in changes
    )
    return CaseState(CaseStatus(person.case_status), person.case_status_on, history)


def session_filters(query: SessionQuery) -> list[ColumnElement[bool]]:
    filters: list[ColumnElement[bool]] = [GuidanceSession.deleted_at.is_(None)]
    if query.held_from is not None:
        filters.append(GuidanceSession.held_at >= day_start_utc(query.held_from))
    if query.held_to is not None:
        filters.append(GuidanceSession.held_at < day_end_utc(query.held_to))
    if query.session_type is not None:
        filters.append(GuidanceSession.session_type == query.session_type.value)
    if query.mode is not None:
        filters.append(GuidanceSession.mode == query.mode.value)
    if query.counsellor_id is not None:
        filters.append(GuidanceSession.counsellor_id == query.counsellor_id)
    if query.follow_up_pending:
        filters.append(GuidanceSession.follow_up_due.is_not(None))
    return filters
