"""Trainees of a training: enrolment, attendance day by day, and a coordinator's exceptional certificate."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from hubdesk.db.base import utcnow
from hubdesk.db.database import Database
from hubdesk.db.models import Training, TrainingAttendance, TrainingEnrolment
from hubdesk.domain.entrepreneurship import completed
from hubdesk.domain.enums import AuditAction
from hubdesk.domain.errors import NotFound, ValidationError
from hubdesk.services.access import SUPERVISORS, require
from hubdesk.services.audit import record_event
from hubdesk.services.guidance_rows import live_person
from hubdesk.services.readmodels import Actor
from hubdesk.services.training_rows import (
    attended_days,
    certificates_in_use,
    live_days,
    live_enrolments,
    live_training,
    refresh_training,
    valid_certificates,
)

MIN_REASON = 10


class TrainingTrainees:
    """Part of ``TrainingService``: the people of a training."""

    _db: Database
    _actor: Callable[[], Actor]
    _today: Callable[[], date]

    def _worker(self) -> Actor:
        raise NotImplementedError

    def enrol(self, training_id: str, beneficiary_ids: Iterable[str]) -> int:
        """Enrol people; someone already enrolled is refused by name. Returns how many were enrolled."""
        actor = self._worker()
        wanted = list(dict.fromkeys(beneficiary_ids))
        if not wanted:
            raise ValidationError({"people": "Choose at least one person to enrol."})
        with self._db.unit_of_work() as uow:
            session = uow.session
            row = live_training(session, training_id)
            already = {e.beneficiary_id for e in live_enrolments(session, training_id)}
            people = [live_person(session, beneficiary_id) for beneficiary_id in wanted]
            twice = [p for p in people if p.id in already]
            if twice:
                names = ", ".join(f"{p.code} {p.first_name} {p.last_name.upper()}" for p in twice[:5])
                raise ValidationError({"people": f"Already enrolled in {row.code}: {names}."})
            for person in people:
                session.add(
                    TrainingEnrolment(
                        training_id=row.id,
                        beneficiary_id=person.id,
                        enrolled_on=self._today(),
                        created_by=actor.user_id,
                        updated_by=actor.user_id,
                    )
                )
                record_event(
                    session,
                    actor,
                    AuditAction.CREATE,
                    "training_enrolment",
                    row.id,
                    beneficiary_id=person.id,
                    summary=f"enrolled in training {row.code} {row.title}",
                )
            refresh_training(session, row)
            uow.commit()
            return len(people)

    def unenrol(self, enrolment_id: str) -> None:
        actor = self._worker()
        with self._db.unit_of_work() as uow:
            session = uow.session
            enrolment = self._enrolment(session, enrolment_id)
            row = live_training(session, enrolment.training_id)
            issued = valid_certificates(session, row.id, enrolment.beneficiary_id)
            if issued:
                raise ValidationError(
                    {
                        "people": f"{', '.join(issued)} certifies this person: "
                        "a coordinator cancels it first (Documents)."
                    }
                )
            enrolment.deleted_at = utcnow()
            enrolment.updated_by = actor.user_id
            session.execute(delete(TrainingAttendance).where(TrainingAttendance.enrolment_id == enrolment.id))
            record_event(
                session,
                actor,
                AuditAction.DELETE,
                "training_enrolment",
                row.id,
                beneficiary_id=enrolment.beneficiary_id,
                summary=f"removed from training {row.code}",
            )
            refresh_training(session, row)
            uow.commit()

    def mark_attendance(self, training_id: str, on: date, present: Iterable[str]) -> None:
        """Who was there on day ``on``: the enrolments in ``present``, and nobody else."""
        actor = self._worker()
        present_ids = set(present)
        with self._db.unit_of_work() as uow:
            session = uow.session
            row = live_training(session, training_id)
            days = live_days(session, training_id)
            day = next((d for d in days if d.held_on == on), None)
            if day is None:
                held = ", ".join(f"{d.held_on:%d/%m/%Y}" for d in days)
                raise ValidationError({"day": f"{on:%d/%m/%Y} is not a day of {row.code} (its days: {held})."})
            if on > self._today():
                raise ValidationError({"day": f"{on:%d/%m/%Y} is still to come: mark attendance on the day."})
            enrolled = {e.id: e.beneficiary_id for e in live_enrolments(session, training_id)}
            strangers = present_ids - set(enrolled)
            if strangers:
                raise ValidationError({"people": "Only people enrolled in the training can be marked present."})
            before = set(
                session.scalars(
                    select(TrainingAttendance.enrolment_id).where(
                        TrainingAttendance.day_id == day.id, TrainingAttendance.enrolment_id.in_(list(enrolled))
                    )
                )
            )
            if before == present_ids:
                return
            self._check_certified_stay_complete(session, row, len(days), before - present_ids)
            session.execute(
                delete(TrainingAttendance).where(
                    TrainingAttendance.day_id == day.id, TrainingAttendance.enrolment_id.in_(list(before - present_ids))
                )
            )
            session.add_all(
                TrainingAttendance(day_id=day.id, enrolment_id=enrolment_id, marked_by=actor.user_id)
                for enrolment_id in sorted(present_ids - before)
            )
            # one event per person whose mark changed: a disputed certificate is traced person by person
            for enrolment_id in sorted(before ^ present_ids):
                now_present = enrolment_id in present_ids
                record_event(
                    session,
                    actor,
                    AuditAction.UPDATE,
                    "training_attendance",
                    row.id,
                    beneficiary_id=enrolled[enrolment_id],
                    summary=f"{row.code} on {on:%d/%m/%Y}: marked {'present' if now_present else 'absent'}",
                    diff={"present": [not now_present, now_present]},
                )
            uow.commit()

    def grant_exception(self, enrolment_id: str, reason: str) -> None:
        """A coordinator lets someone who did not complete have a certificate, saying why; "" withdraws it."""
        actor = require(self._actor(), SUPERVISORS, "Only a coordinator can allow an exceptional certificate.")
        reason = " ".join(reason.split())
        if reason and len(reason) < MIN_REASON:
            raise ValidationError({"reason": f"Say why in at least {MIN_REASON} characters."})
        if len(reason) > 300:
            raise ValidationError({"reason": "At most 300 characters."})
        with self._db.unit_of_work() as uow:
            session = uow.session
            enrolment = self._enrolment(session, enrolment_id)
            row = live_training(session, enrolment.training_id)
            if enrolment.exception_reason == reason:
                return
            if not reason:
                attended = attended_days(session, [enrolment.id]).get(enrolment.id, 0)
                done = completed(attended, len(live_days(session, row.id)), row.completion_share)
                issued = valid_certificates(session, row.id, enrolment.beneficiary_id)
                if issued and not done:
                    raise ValidationError(
                        {"reason": f"{', '.join(issued)} was issued under this exception: cancel it first (Documents)."}
                    )
            record_event(
                session,
                actor,
                AuditAction.UPDATE,
                "training_enrolment",
                row.id,
                beneficiary_id=enrolment.beneficiary_id,
                summary=f"exceptional certificate for {row.code}: {reason}" if reason else "exception withdrawn",
                diff={"exception_reason": [enrolment.exception_reason, reason]},
            )
            enrolment.exception_reason = reason
            enrolment.exception_by = actor.user_id if reason else None
            enrolment.updated_by = actor.user_id
            uow.commit()

    @staticmethod
    def _check_certified_stay_complete(
        session: Session, training: Training, day_count: int, unmarked: set[str]
    ) -> None:
        """A certificate in use must stay true: unmarking someone it certifies below the rule is refused."""
        enrolments = [
            e
            for e in session.scalars(select(TrainingEnrolment).where(TrainingEnrolment.id.in_(list(unmarked))))
            if not e.exception_reason
        ]
        certificates = certificates_in_use(session, training.id, [e.beneficiary_id for e in enrolments])
        attended = attended_days(session, [e.id for e in enrolments if e.beneficiary_id in certificates])
        for enrolment in enrolments:
            issued = certificates.get(enrolment.beneficiary_id, [])
            if issued and not completed(attended.get(enrolment.id, 0) - 1, day_count, training.completion_share):
                raise ValidationError(
                    {
                        "people": f"{', '.join(issued)} certifies someone this change leaves short of the "
                        "attendance needed: a coordinator cancels it first (Documents) or records an exception."
                    }
                )

    @staticmethod
    def _enrolment(session: Session, enrolment_id: str) -> TrainingEnrolment:
        enrolment = session.get(TrainingEnrolment, enrolment_id)
        if enrolment is None or enrolment.deleted_at is not None:
            raise NotFound("This person is no longer enrolled in the training.")
        return enrolment
