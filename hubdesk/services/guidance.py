"""Guidance sessions and case status: recording, reading (confidential notes masked) and the Sessions page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from hubdesk.db.base import utcnow
from hubdesk.db.database import Database
from hubdesk.db.models import Beneficiary, CaseStatusChange, GuidanceSession, User
from hubdesk.domain.enums import AuditAction, CaseStatus, CloseReason, SessionMode, SessionType
from hubdesk.domain.errors import NotFound, PermissionDenied, ValidationError
from hubdesk.domain.local_time import local_day
from hubdesk.domain.workflow import case_step_problems
from hubdesk.services.access import CASE_WORKERS, FOLLOW_UP_READERS, SUPERVISORS, require
from hubdesk.services.audit import record_event
from hubdesk.services.guidance_readmodels import (
    CaseState,
    SessionDraft,
    SessionEntry,
    SessionQuery,
    SessionRow,
)
from hubdesk.services.guidance_rows import (
    case_state,
    live_person,
    minimal_record_problems,
    refresh_follow_up,
    session_draft_problems,
    session_filters,
    sessions_of,
    to_entry,
    user_names,
)
from hubdesk.services.readmodels import Actor

MAX_NOTE = 300


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
            return to_entry(row, user_names(uow.session), actor)

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
            return uow.session.scalar(live.where(*session_filters(query), Beneficiary.deleted_at.is_(None))) or 0

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
            .where(*session_filters(query), Beneficiary.deleted_at.is_(None))
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
