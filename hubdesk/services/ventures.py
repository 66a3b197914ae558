"""Business projects: members, the stage pipeline with its dates, financing lines and revenue follow-ups.

Every change is validated here (not only in the interface) and audited; a refused change names the field
and why, and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hubdesk.db.base import utcnow
from hubdesk.db.database import Database
from hubdesk.db.models import Beneficiary, RevenueFollowUp, Venture, VentureMember, VentureStageChange
from hubdesk.domain.codes import DEFAULT_SITE, normalise_prefixed_code, prefixed_code
from hubdesk.domain.entrepreneurship import ENDS, PIPELINE, stage_problems
from hubdesk.domain.enums import AuditAction, LegalForm, MemberRole, VentureKind, VentureStage
from hubdesk.domain.errors import NotFound, ValidationError
from hubdesk.services.access import CASE_WORKERS, FOLLOW_UP_READERS, SUPERVISORS, require
from hubdesk.services.audit import record_event, record_update, soft_delete
from hubdesk.services.codes import next_code
from hubdesk.services.guidance_rows import live_person
from hubdesk.services.readmodels import Actor
from hubdesk.services.settings import SITE_CODE, read_setting
from hubdesk.services.venture_money import VentureMoney
from hubdesk.services.venture_readmodels import (
    MemberDraft,
    PersonVenture,
    VentureDraft,
    VentureInfo,
)
from hubdesk.services.venture_rows import live_members, live_venture, person_name, venture_info

_CREATED_AT = PIPELINE.index(VentureStage.CREATED)


def _reached_creation(stage: VentureStage) -> bool:
    return stage in PIPELINE[_CREATED_AT:] or stage is VentureStage.CLOSED


def _snapshot(row: Venture) -> dict[str, Any]:
    return {
        "name": row.name,
        "kind": row.kind,
        "sector": row.sector,
        "description": row.description,
        "legal_form": row.legal_form,
        "jobs_created": row.jobs_created,
        "counsellor_id": row.counsellor_id,
    }


class VentureService(VentureMoney):
    """Projects, their members and their steps; the money of a project comes from ``VentureMoney``."""

    def __init__(self, database: Database, actor: Callable[[], Actor], today: Callable[[], date] = date.today) -> None:
        self._db = database
        self._actor = actor
        self._today = today

    def _worker(self) -> Actor:
        return require(self._actor(), CASE_WORKERS, "Your role cannot change business projects.")

    def _reader(self) -> Actor:
        return require(self._actor(), FOLLOW_UP_READERS, "Your role cannot read business projects.")

    # --- reading ---------------------------------------------------------------------------------

    def get(self, venture_id: str) -> VentureInfo:
        self._reader()
        with self._db.unit_of_work() as uow:
            return venture_info(uow.session, live_venture(uow.session, venture_id))

    def find(self, code: str) -> VentureInfo:
        """The project of a code as typed (``prj tng 2026 12``)."""
        self._reader()
        wanted = normalise_prefixed_code(code, "venture")
        with self._db.unit_of_work() as uow:
            row = uow.session.scalar(select(Venture).where(Venture.code == wanted, Venture.deleted_at.is_(None)))
            if row is None:
                raise NotFound(f"No business project has the code {wanted}.")
            return venture_info(uow.session, row)

    def of_person(self, beneficiary_id: str) -> list[PersonVenture]:
        self._reader()
        with self._db.unit_of_work() as uow:
            rows = uow.session.execute(
                select(Venture, VentureMember.role)
                .join(VentureMember, VentureMember.venture_id == Venture.id)
                .where(
                    VentureMember.beneficiary_id == beneficiary_id,
                    VentureMember.deleted_at.is_(None),
                    Venture.deleted_at.is_(None),
                )
                .order_by(Venture.started_on.desc())
            ).all()
            return [
                PersonVenture(v.id, v.code, v.name, VentureKind(v.kind), VentureStage(v.stage), MemberRole(role))
                for v, role in rows
            ]

    # --- the project -----------------------------------------------------------------------------

    def _clean(self, draft: VentureDraft, member_count: int, created: bool = False) -> VentureDraft:
        draft.name = " ".join(draft.name.split())
        draft.description = draft.description.strip()
        problems: dict[str, str] = {}
        if not draft.name:
            problems["name"] = "Give the project a name."
        elif len(draft.name) > 200:
            problems["name"] = "At most 200 characters."
        if not 0 <= draft.jobs_created <= 10_000:
            problems["jobs_created"] = "Jobs created: a number from 0 to 10,000."
        if draft.kind is VentureKind.INDIVIDUAL and member_count > 1:
            problems["kind"] = f"The project has {member_count} members: an individual project has one."
        if draft.kind is VentureKind.COLLECTIVE and created and member_count < 2:
            problems["kind"] = "A collective start-up was created by at least two people: add the members first."
        if draft.kind is VentureKind.COLLECTIVE and draft.legal_form is LegalForm.AUTO_ENTREPRENEUR:
            problems["legal_form"] = "An auto-entrepreneur is one person: a collective project needs another form."
        if problems:
            raise ValidationError(problems)
        return draft

    def create(self, draft: VentureDraft, members: list[MemberDraft], started_on: date | None = None) -> str:
        """A new project at the idea stage, with its first members; returns its id."""
        actor = self._worker()
        started_on = started_on or self._today()
        with self._db.unit_of_work() as uow:
            session = uow.session
            self._clean(draft, len(members))
            problems: dict[str, str] = {}
            if not members:
                problems["members"] = "Add the person (or people) behind the project."
            elif len({m.beneficiary_id for m in members}) < len(members):
                problems["members"] = "The same person is listed twice."
            if started_on > self._today():
                problems["started_on"] = "A project cannot start on a day still to come."
            if problems:
                raise ValidationError(problems)
            people = [live_person(session, m.beneficiary_id) for m in members]
            site = read_setting(session, SITE_CODE, DEFAULT_SITE)
            number = int(next_code(session, site, started_on.year, "venture").rsplit("-", 1)[1])
            row = Venture(
                code=prefixed_code("venture", site, started_on.year, number),
                stage=VentureStage.IDEA.value,
                stage_on=started_on,
                started_on=started_on,
                created_by=actor.user_id,
                updated_by=actor.user_id,
            )
            self._apply(row, draft, actor)
            session.add(row)
            session.flush()
            session.add(
                VentureStageChange(venture_id=row.id, stage=row.stage, changed_on=started_on, created_by=actor.user_id)
            )
            for member, person in zip(members, people, strict=True):
                self._add_member(session, actor, row, person, member.role, started_on)
            record_event(
                session,
                actor,
                AuditAction.CREATE,
                "venture",
                row.id,
                summary=f"project {row.code} {row.name} ({row.kind})",
                diff=_snapshot(row),
            )
            uow.commit()
            return row.id

    def update(self, venture_id: str, draft: VentureDraft) -> None:
        actor = self._worker()
        with self._db.unit_of_work() as uow:
            row = live_venture(uow.session, venture_id)
            self._clean(draft, len(live_members(uow.session, venture_id)), created=row.created_on is not None)
            before = _snapshot(row)
            self._apply(row, draft, actor)
            if record_update(uow.session, actor, "venture", row, before, _snapshot(row), f"changed project {row.code}"):
                uow.commit()

    def delete(self, venture_id: str) -> None:
        """Coordinators and administrators only: a project holds several people's history."""
        actor = require(self._actor(), SUPERVISORS, "Only a coordinator or an administrator can delete a project.")
        with self._db.unit_of_work() as uow:
            row = live_venture(uow.session, venture_id)
            soft_delete(uow.session, actor, "venture", row, f"deleted {row.code}")
            uow.commit()

    @staticmethod
    def _apply(row: Venture, draft: VentureDraft, actor: Actor) -> None:
        row.name = draft.name
        row.kind = draft.kind.value
        row.sector = draft.sector.value
        row.description = draft.description
        row.legal_form = draft.legal_form.value
        row.jobs_created = draft.jobs_created
        row.counsellor_id = draft.counsellor_id or actor.user_id

    # --- members ---------------------------------------------------------------------------------

    def _add_member(
        self, session: Session, actor: Actor, row: Venture, person: Beneficiary, role: MemberRole, on: date
    ) -> VentureMember:
        member = VentureMember(
            venture_id=row.id,
            beneficiary_id=person.id,
            role=role.value,
            joined_on=on,
            created_by=actor.user_id,
            updated_by=actor.user_id,
        )
        session.add(member)
        record_event(
            session,
            actor,
            AuditAction.CREATE,
            "venture_member",
            row.id,
            beneficiary_id=person.id,
            summary=f"{person.code} joined project {row.code} as {role.value}",
        )
        return member

    def add_member(self, venture_id: str, member: MemberDraft) -> None:
        actor = self._worker()
        with self._db.unit_of_work() as uow:
            session = uow.session
            row = live_venture(session, venture_id)
            person = live_person(session, member.beneficiary_id)
            members = live_members(session, venture_id)
            if any(m.beneficiary_id == person.id for m in members):
                raise ValidationError({"members": f"{person.code} {person_name(person)} is already a member."})
            if row.kind == VentureKind.INDIVIDUAL and members:
                raise ValidationError(
                    {"members": "An individual project has one person: make it collective to add members."}
                )
            self._add_member(session, actor, row, person, member.role, self._today())
            uow.commit()

    def change_role(self, member_id: str, role: MemberRole) -> None:
        actor = self._worker()
        with self._db.unit_of_work() as uow:
            member = self._member(uow.session, member_id)
            if member.role == role.value:
                return
            record_event(
                uow.session,
                actor,
                AuditAction.UPDATE,
                "venture_member",
                member.venture_id,
                beneficiary_id=member.beneficiary_id,
                summary=f"role in the project: {role.value}",
                diff={"role": [member.role, role.value]},
            )
            member.role = role.value
            member.updated_by = actor.user_id
            uow.commit()

    def remove_member(self, member_id: str) -> None:
        actor = self._worker()
        with self._db.unit_of_work() as uow:
            member = self._member(uow.session, member_id)
            remaining = len(live_members(uow.session, member.venture_id)) - 1
            if remaining < 1:
                raise ValidationError({"members": "A project keeps at least one person: delete the project instead."})
            venture = live_venture(uow.session, member.venture_id)
            if venture.kind == VentureKind.COLLECTIVE and venture.created_on is not None and remaining < 2:
                raise ValidationError(
                    {"members": "A created collective start-up keeps at least two people: add one before this removal."}
                )
            member.deleted_at = utcnow()
            member.updated_by = actor.user_id
            record_event(
                uow.session,
                actor,
                AuditAction.DELETE,
                "venture_member",
                member.venture_id,
                beneficiary_id=member.beneficiary_id,
                summary="left the project",
            )
            uow.commit()

    @staticmethod
    def _member(session: Session, member_id: str) -> VentureMember:
        member = session.get(VentureMember, member_id)
        if member is None or member.deleted_at is not None:
            raise NotFound("This member is no longer in the project.")
        return member

    # --- the pipeline ----------------------------------------------------------------------------

    def move(self, venture_id: str, stage: VentureStage, on: date | None = None, note: str = "") -> None:
        """Move the project to ``stage`` on ``on`` (today by default); the date is recorded with the step."""
        actor = self._worker()
        on = on or self._today()
        note = " ".join(note.split())
        with self._db.unit_of_work() as uow:
            session = uow.session
            row = live_venture(session, venture_id)
            current = VentureStage(row.stage)
            problems = stage_problems(current, stage, on, row.stage_on, self._today())
            if not problems and on < row.started_on:
                problems["changed_on"] = f"The project started on {row.started_on:%d/%m/%Y}: pick that day or later."
            if (
                not problems
                and _reached_creation(stage)
                and row.created_on is None
                and row.kind == VentureKind.COLLECTIVE
                and len(live_members(session, venture_id)) < 2
            ):
                problems["stage"] = "A collective start-up is created by at least two people: add the members."
            if len(note) > 300:
                problems["note"] = "At most 300 characters."
            if problems:
                raise ValidationError(problems)
            session.add(
                VentureStageChange(
                    venture_id=row.id, stage=stage.value, changed_on=on, note=note, created_by=actor.user_id
                )
            )
            if _reached_creation(stage) and stage is not VentureStage.CLOSED and row.created_on is None:
                row.created_on = on
            if stage in ENDS:
                row.ended_on = on
            record_event(
                session,
                actor,
                AuditAction.UPDATE,
                "venture",
                row.id,
                summary=f"project {row.code}: {current.value} -> {stage.value} on {on:%d/%m/%Y}",
                diff={"stage": [current.value, stage.value], "stage_on": [row.stage_on, on]},
            )
            row.stage = stage.value
            row.stage_on = on
            row.updated_by = actor.user_id
            uow.commit()

    def undo_last_step(self, venture_id: str) -> VentureStage:
        """Take back the last stage change (a slip of the mouse); returns the stage the project is back at."""
        actor = self._worker()
        with self._db.unit_of_work() as uow:
            session = uow.session
            row = live_venture(session, venture_id)
            steps = list(
                session.scalars(
                    select(VentureStageChange)
                    .where(VentureStageChange.venture_id == row.id, VentureStageChange.deleted_at.is_(None))
                    .order_by(VentureStageChange.changed_on.desc(), VentureStageChange.created_at.desc())
                    .limit(2)
                )
            )
            if len(steps) < 2:
                raise ValidationError({"stage": "The project is at its first step: there is nothing to take back."})
            last, previous = steps
            creating = row.created_on == last.changed_on and not _reached_creation(VentureStage(previous.stage))
            if creating and session.scalar(
                select(RevenueFollowUp.id).where(
                    RevenueFollowUp.venture_id == row.id, RevenueFollowUp.deleted_at.is_(None)
                )
            ):
                raise ValidationError(
                    {"stage": "The business has revenue follow-ups: remove them before taking back its creation."}
                )
            last.deleted_at = utcnow()
            last.updated_by = actor.user_id
            if creating:
                row.created_on = None
            if VentureStage(last.stage) in ENDS:
                row.ended_on = None
            record_event(
                session,
                actor,
                AuditAction.UPDATE,
                "venture",
                row.id,
                summary=f"project {row.code}: took back {last.stage}, back at {previous.stage}",
                diff={"stage": [row.stage, previous.stage], "stage_on": [row.stage_on, previous.changed_on]},
            )
            row.stage = previous.stage
            row.stage_on = previous.changed_on
            row.updated_by = actor.user_id
            uow.commit()
            return VentureStage(previous.stage)
