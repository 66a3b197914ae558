"""Support actions: coaching, business plan help, formalities... given to a project or to one person."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from hubdesk.db.database import Database
from hubdesk.db.models import SupportAction, User, Venture, VentureMember
from hubdesk.domain.errors import NotFound, ValidationError
from hubdesk.services.access import CASE_WORKERS, FOLLOW_UP_READERS, require
from hubdesk.services.audit import record_creation, record_update, soft_delete
from hubdesk.services.guidance_rows import live_person, user_names
from hubdesk.services.readmodels import Actor
from hubdesk.services.venture_readmodels import SupportActionDraft, SupportActionInfo
from hubdesk.services.venture_rows import live_venture, support_infos

MAX_NOTES = 4000


class SupportActionService:
    def __init__(self, database: Database, actor: Callable[[], Actor], today: Callable[[], date] = date.today) -> None:
        self._db = database
        self._actor = actor
        self._today = today

    def _worker(self) -> Actor:
        return require(self._actor(), CASE_WORKERS, "Your role cannot record support actions.")

    def _clean(self, session: Session, draft: SupportActionDraft, since: date | None) -> SupportActionDraft:
        draft.notes = draft.notes.strip()
        problems: dict[str, str] = {}
        if draft.held_on > self._today():
            problems["held_on"] = "Record an action once it has taken place."
        elif since is not None and draft.held_on < since:
            problems["held_on"] = f"The project started on {since:%d/%m/%Y}: pick that day or later."
        if not 0 < draft.hours <= 24:
            problems["hours"] = "Hours: more than 0 and at most 24 for one action."
        if len(draft.notes) > MAX_NOTES:
            problems["notes"] = f"At most {MAX_NOTES} characters ({len(draft.notes)} typed)."
        if draft.counsellor_id is not None and session.get(User, draft.counsellor_id) is None:
            problems["counsellor_id"] = "Choose a counsellor from the list."
        if problems:
            raise ValidationError(problems)
        return draft

    def of_person(self, beneficiary_id: str) -> list[SupportActionInfo]:
        """The actions given to the person, and to the projects they are a member of, newest first."""
        require(self._actor(), FOLLOW_UP_READERS, "Your role cannot read people's follow-up.")
        with self._db.unit_of_work() as uow:
            session = uow.session
            ventures = (
                select(VentureMember.venture_id)
                .join(Venture, Venture.id == VentureMember.venture_id)
                .where(
                    VentureMember.beneficiary_id == beneficiary_id,
                    VentureMember.deleted_at.is_(None),
                    Venture.deleted_at.is_(None),
                )
            )
            rows = list(
                session.scalars(
                    select(SupportAction)
                    .where(
                        or_(SupportAction.beneficiary_id == beneficiary_id, SupportAction.venture_id.in_(ventures)),
                        SupportAction.deleted_at.is_(None),
                    )
                    .order_by(SupportAction.held_on.desc(), SupportAction.created_at.desc())
                )
            )
            return support_infos(session, rows, user_names(session))

    def record(
        self, draft: SupportActionDraft, *, venture_id: str | None = None, beneficiary_id: str | None = None
    ) -> str:
        """Record an action on a project or on a person (exactly one of the two); returns its id."""
        actor = self._worker()
        if (venture_id is None) == (beneficiary_id is None):
            raise ValidationError({"subject": "An action is given to a project or to a person: choose one."})
        with self._db.unit_of_work() as uow:
            session = uow.session
            since = None
            if venture_id is not None:
                venture = live_venture(session, venture_id)
                since = venture.started_on
                subject = f"project {venture.code}"
            else:
                person = live_person(session, beneficiary_id or "")
                subject = person.code
            self._clean(session, draft, since)
            row = SupportAction(
                venture_id=venture_id, beneficiary_id=beneficiary_id, created_by=actor.user_id, updated_by=actor.user_id
            )
            self._apply(row, draft, actor)
            summary = f"{draft.kind.value} for {subject} on {draft.held_on:%d/%m/%Y}, {draft.hours:g} h"
            action_id = record_creation(
                session, actor, "support_action", row, summary, diff=self._snapshot(row), beneficiary_id=beneficiary_id
            )
            uow.commit()
            return action_id

    def update(self, action_id: str, draft: SupportActionDraft) -> None:
        actor = self._worker()
        with self._db.unit_of_work() as uow:
            session = uow.session
            row = self._row(session, action_id)
            since = live_venture(session, row.venture_id).started_on if row.venture_id else None
            self._clean(session, draft, since)
            before = self._snapshot(row)
            self._apply(row, draft, actor)
            after = self._snapshot(row)
            if record_update(
                session,
                actor,
                "support_action",
                row,
                before,
                after,
                "changed support action",
                beneficiary_id=row.beneficiary_id,
            ):
                uow.commit()

    def delete(self, action_id: str) -> None:
        actor = self._worker()
        with self._db.unit_of_work() as uow:
            row = self._row(uow.session, action_id)
            summary = f"deleted {row.kind} of {row.held_on:%d/%m/%Y}"
            soft_delete(uow.session, actor, "support_action", row, summary, beneficiary_id=row.beneficiary_id)
            uow.commit()

    @staticmethod
    def _row(session: Session, action_id: str) -> SupportAction:
        row = session.get(SupportAction, action_id)
        if row is None or row.deleted_at is not None:
            raise NotFound("This support action does not exist or was deleted.")
        return row

    @staticmethod
    def _apply(row: SupportAction, draft: SupportActionDraft, actor: Actor) -> None:
        row.kind = draft.kind.value
        row.held_on = draft.held_on
        row.hours = draft.hours
        row.notes = draft.notes
        row.counsellor_id = draft.counsellor_id or actor.user_id

    @staticmethod
    def _snapshot(row: SupportAction) -> dict[str, Any]:
        return {name: getattr(row, name) for name in ("kind", "held_on", "hours", "notes", "counsellor_id")}
