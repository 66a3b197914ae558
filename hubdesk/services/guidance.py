"""Guidance sessions and case status: recording, reading (confidential notes masked) and the Sessions page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select, update
from sqlalchemy.orm import Session

from hubdesk.db.base import utcnow
from hubdesk.db.database import Database
from hubdesk.db.models import Beneficiary, CaseStatusChange, GuidanceSession, User
from hubdesk.domain.enums import AuditAction, CaseStatus, CloseReason, ConsentPurpose, SessionMode, SessionType
from hubdesk.domain.errors import NotFound, PermissionDenied, ValidationError
from hubdesk.domain.local_time import day_end_utc, day_start_utc, local_day
from hubdesk.domain.workflow import case_step_problems, session_problems
from hubdesk.services.access import CASE_WORKERS, FOLLOW_UP_READERS, SUPERVISORS, reads_confidential, require
from hubdesk.services.audit import record_event
from hubdesk.services.guidance_readmodels import (
    CaseChange,
    CaseState,
    SessionDraft,
    SessionEntry,
    SessionQuery,
    SessionRow,
)
from hubdesk.services.readmodels import Actor

MAX_TOPICS = 300
MAX_TEXT = 20_000
MAX_NOTE = 300


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


def _entry(row: GuidanceSession, names: dict[str, str], actor: Actor) -> SessionEntry:
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
    return [_entry(row, names, actor) for row in rows]


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


def _session_filters(query: SessionQuery) -> list[ColumnElement[bool]]:
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


class GuidanceService:
    def __init__(self, database: Database, actor: Callable[[], Actor], today: Callable[[], date] = date.today) -> None:
        self._db = database
        self._actor = actor
        self._today = today

    def _worker(self) -> Actor:
        return require(self._actor(), CASE_WORKERS, "Your role cannot record sessions or change a case.")

    def _reader(self) -> Actor:
        return require(self._actor(), FOLLOW_UP_READERS, "Your role cannot read people's follow-up.")

    # --- sessions -------------------------------------------------------------------------------------

    def clean(self, draft: SessionDraft) -> SessionDraft:
        draft.topics = draft.topics.strip()
        draft.notes = draft.notes.strip()
        draft.agreed_actions = draft.agreed_actions.strip()
        problems = session_draft_problems(draft, self._today())
        if problems:
            raise ValidationError(problems)
        return draft

    def record_session(self, beneficiary_id: str, draft: SessionDraft) -> str:
        """Save a session; it holds any follow-up of the person that was due by then. Returns its id."""
        actor = self._worker()
        draft = self.clean(draft)
        with self._db.unit_of_work() as uow:
            session = uow.session
            person = live_person(session, beneficiary_id)
            problems = minimal_record_problems(person, draft)
            if problems:
                raise ValidationError(problems)
            counsellor_id = self._counsellor(session, draft.counsellor_id or actor.user_id)
            row = GuidanceSession(
                beneficiary_id=beneficiary_id,
                created_by=actor.user_id,
                updated_by=actor.user_id,
                counsellor_id=counsellor_id,
            )
            self._apply(row, draft)
            session.add(row)
            session.flush()
            # the session holds the follow-ups agreed before it; its own follow-up is the one pending
            refresh_follow_up(session, beneficiary_id)
            record_event(
                session,
                actor,
                AuditAction.CREATE,
                "guidance_session",
                row.id,
                beneficiary_id=beneficiary_id,
                summary=f"session {draft.session_type.value} ({draft.mode.value})",
                diff=self._masked(self._values(row)),
            )
            uow.commit()
            return row.id

    def update_session(self, session_id: str, draft: SessionDraft) -> None:
        actor = self._worker()
        draft = self.clean(draft)
        with self._db.unit_of_work() as uow:
            session = uow.session
            row = self._own_session(session, session_id, actor)
            person = live_person(session, row.beneficiary_id)
            problems = minimal_record_problems(person, draft)
            if problems:
                raise ValidationError(problems)
            before = self._values(row)
            wanted = draft.counsellor_id or row.counsellor_id
            if wanted != row.counsellor_id:  # a session of a counsellor who left stays editable
                row.counsellor_id = self._counsellor(session, wanted)
            self._apply(row, draft)
            after = self._values(row)
            changed = sorted(k for k in after if before[k] != after[k])
            if not changed:
                return
            row.updated_by = actor.user_id
            refresh_follow_up(session, row.beneficiary_id)
            masked_before, masked_after = self._masked(before), self._masked(after)
            changes = {k: [masked_before[k], masked_after[k]] for k in changed}
            record_event(
                session,
                actor,
                AuditAction.UPDATE,
                "guidance_session",
                row.id,
                beneficiary_id=row.beneficiary_id,
                summary=f"changed session of {local_day(row.held_at):%Y-%m-%d}: {', '.join(changed)}",
                diff=changes,
            )
            uow.commit()

    def delete_session(self, session_id: str) -> None:
        """Soft deletion by its author, a coordinator or an administrator."""
        actor = self._worker()
        with self._db.unit_of_work() as uow:
            row = self._own_session(uow.session, session_id, actor)
            row.deleted_at = utcnow()
            row.updated_by = actor.user_id
            refresh_follow_up(uow.session, row.beneficiary_id)  # a follow-up this session held may come back
            record_event(
                uow.session,
                actor,
                AuditAction.DELETE,
                "guidance_session",
                row.id,
                beneficiary_id=row.beneficiary_id,
                summary=f"deleted session of {local_day(row.held_at):%Y-%m-%d}",
            )
            uow.commit()

    def session(self, session_id: str) -> SessionEntry:
        actor = self._reader()
        with self._db.unit_of_work() as uow:
            row = uow.session.get(GuidanceSession, session_id)
            if row is None or row.deleted_at is not None:
                raise NotFound("This session does not exist or was deleted.")
            return _entry(row, user_names(uow.session), actor)

    def sessions(self, beneficiary_id: str) -> list[SessionEntry]:
        """The person's sessions, newest first; confidential notes masked for those who may not read them."""
        actor = self._reader()
        with self._db.unit_of_work() as uow:
            return sessions_of(uow.session, beneficiary_id, actor, user_names(uow.session))

    def count(self, query: SessionQuery) -> int:
        self._reader()
        with self._db.unit_of_work() as uow:
            live = (
                select(func.count())
                .select_from(GuidanceSession)
                .join(Beneficiary, Beneficiary.id == GuidanceSession.beneficiary_id)
            )
            return uow.session.scalar(live.where(*_session_filters(query), Beneficiary.deleted_at.is_(None))) or 0

    def page(self, query: SessionQuery, offset: int, limit: int) -> list[SessionRow]:
        """Sessions over everyone, newest first, one page at a time."""
        self._reader()
        with self._db.unit_of_work() as uow:
            session = uow.session
            names = user_names(session)
            rows = session.execute(self._page_select(query).offset(offset).limit(limit))
            return [
                SessionRow(
                    id=r.id,
                    beneficiary_id=r.beneficiary_id,
                    person_code=r.code,
                    person_name=f"{r.first_name} {r.last_name}",
                    held_at=r.held_at,
                    session_type=SessionType(r.session_type),
                    mode=SessionMode(r.mode),
                    duration_minutes=r.duration_minutes,
                    counsellor=names.get(r.counsellor_id or "", ""),
                    topics=r.topics,
                    confidential=r.confidential,
                    next_follow_up=r.next_follow_up,
                )
                for r in rows
            ]

    @staticmethod
    def _page_select(query: SessionQuery) -> Select[*tuple[Any, ...]]:
        return (
            select(
                GuidanceSession.id,
                GuidanceSession.beneficiary_id,
                GuidanceSession.held_at,
                GuidanceSession.session_type,
                GuidanceSession.mode,
                GuidanceSession.duration_minutes,
                GuidanceSession.counsellor_id,
                GuidanceSession.topics,
                GuidanceSession.confidential,
                GuidanceSession.next_follow_up,
                Beneficiary.code,
                Beneficiary.first_name,
                Beneficiary.last_name,
            )
            .join(Beneficiary, Beneficiary.id == GuidanceSession.beneficiary_id)
            .where(*_session_filters(query), Beneficiary.deleted_at.is_(None))
            .order_by(GuidanceSession.held_at.desc(), GuidanceSession.id)
        )

    def _own_session(self, session: Session, session_id: str, actor: Actor) -> GuidanceSession:
        row = session.get(GuidanceSession, session_id)
        if row is None or row.deleted_at is not None:
            raise NotFound("This session does not exist or was deleted.")
        if actor.role not in SUPERVISORS and actor.user_id not in (row.created_by, row.counsellor_id):
            raise PermissionDenied("Only the counsellor of a session, a coordinator or an administrator can change it.")
        return row

    @staticmethod
    def _counsellor(session: Session, user_id: str | None) -> str | None:
        if user_id is None:
            return None
        user = session.get(User, user_id)
        if user is None or not user.active:
            raise ValidationError({"counsellor": "Choose an active account as the session's counsellor."})
        return user_id

    @staticmethod
    def _apply(row: GuidanceSession, draft: SessionDraft) -> None:
        row.held_at = draft.held_at
        row.session_type = draft.session_type.value
        row.mode = draft.mode.value
        row.duration_minutes = draft.duration_minutes
        row.topics = draft.topics
        row.notes = draft.notes
        row.confidential = draft.confidential
        row.agreed_actions = draft.agreed_actions
        row.next_follow_up = draft.next_follow_up

    @staticmethod
    def _values(row: GuidanceSession) -> dict[str, object]:
        return {
            "held_at": row.held_at.isoformat(),
            "session_type": row.session_type,
            "mode": row.mode,
            "duration_minutes": row.duration_minutes,
            "counsellor_id": row.counsellor_id,
            "topics": row.topics,
            "notes": row.notes,
            "confidential": row.confidential,
            "agreed_actions": row.agreed_actions,
            "next_follow_up": row.next_follow_up,
        }

    @staticmethod
    def _masked(values: dict[str, object]) -> dict[str, object]:
        """What the audit trail keeps: never the text of the notes and actions (they may be confidential)."""
        return {
            **values,
            "notes": f"{len(str(values['notes']))} characters",
            "agreed_actions": f"{len(str(values['agreed_actions']))} characters",
        }

    # --- case status ----------------------------------------------------------------------------------

    def case(self, beneficiary_id: str) -> CaseState:
        self._reader()
        with self._db.unit_of_work() as uow:
            session = uow.session
            return case_state(session, live_person(session, beneficiary_id), user_names(session))

    def change_case(
        self,
        beneficiary_id: str,
        status: CaseStatus,
        reason: CloseReason | None = None,
        note: str = "",
        on: date | None = None,
    ) -> CaseState:
        """Move the case one step (dated, audited). Closing clears the person's pending follow-ups."""
        actor = self._worker()
        on = on or self._today()
        note = note.strip()
        with self._db.unit_of_work() as uow:
            session = uow.session
            person = live_person(session, beneficiary_id)
            current = CaseStatus(person.case_status)
            problems = case_step_problems(current, status, reason)
            if len(note) > MAX_NOTE:
                problems["note"] = f"At most {MAX_NOTE} characters."
            if on > self._today():
                problems["changed_on"] = "A case cannot change status on a day still to come."
            elif person.case_status_on is not None and on < person.case_status_on:
                problems["changed_on"] = (
                    f"The case already changed on {person.case_status_on:%d/%m/%Y}: pick that day or later."
                )
            if problems:
                raise ValidationError(problems)
            person.case_status = status.value
            person.case_status_on = on
            person.updated_by = actor.user_id
            session.add(
                CaseStatusChange(
                    beneficiary_id=beneficiary_id,
                    status=status.value,
                    reason=reason.value if reason else None,
                    note=note,
                    changed_on=on,
                    created_by=actor.user_id,
                    updated_by=actor.user_id,
                )
            )
            refresh_follow_up(session, beneficiary_id)  # a closed case has no follow-up due; a reopened one has
            record_event(
                session,
                actor,
                AuditAction.UPDATE,
                "case",
                beneficiary_id,
                beneficiary_id=beneficiary_id,
                summary=f"case {current.value} -> {status.value}" + (f" ({reason.value})" if reason else ""),
                diff={
                    "case_status": [current.value, status.value],
                    "reason": [None, reason.value if reason else None],
                    "changed_on": [None, on.isoformat()],
                    "note": [None, note],
                },
            )
            session.flush()
            state = case_state(session, person, user_names(session))
            uow.commit()
            return state
