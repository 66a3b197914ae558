"""When two records of one person are merged, their projects, support, status and trainings become the kept one's."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from hubdesk.db.base import utcnow
from hubdesk.db.models import (
    AutoEntrepreneur,
    IssuedDocument,
    SupportAction,
    Training,
    TrainingAttendance,
    TrainingEnrolment,
    VentureMember,
)
from hubdesk.domain.enums import DocumentKind
from hubdesk.services.auto_entrepreneurs import STATUS_FIELDS
from hubdesk.services.training_rows import CERTIFICATE_KEY, refresh_training


def merge_entrepreneurship(session: Session, drop_id: str, keep_id: str) -> None:
    """Move the dropped record's memberships, support actions, auto-entrepreneur status and enrolments to the
    kept record. Where both were in the same project or training, one membership or enrolment remains, with
    every day either attended."""
    session.execute(update(SupportAction).where(SupportAction.beneficiary_id == drop_id).values(beneficiary_id=keep_id))
    _merge_status(session, drop_id, keep_id)
    # the certificates issued to the dropped record are the kept person's: a reprint finds them
    for document in session.scalars(
        select(IssuedDocument).where(
            IssuedDocument.kind == DocumentKind.CERTIFICATE.value,
            IssuedDocument.subject_key.like(f"{CERTIFICATE_KEY}%:{drop_id}"),
        )
    ):
        document.subject_key = document.subject_key.removesuffix(drop_id) + keep_id
    now = utcnow()
    kept_ventures = set(
        session.scalars(
            select(VentureMember.venture_id).where(
                VentureMember.beneficiary_id == keep_id, VentureMember.deleted_at.is_(None)
            )
        )
    )
    for member in session.scalars(
        select(VentureMember).where(VentureMember.beneficiary_id == drop_id, VentureMember.deleted_at.is_(None))
    ):
        if member.venture_id in kept_ventures:
            member.deleted_at = now
        else:
            member.beneficiary_id = keep_id
    kept_enrolments = {
        e.training_id: e
        for e in session.scalars(
            select(TrainingEnrolment).where(
                TrainingEnrolment.beneficiary_id == keep_id, TrainingEnrolment.deleted_at.is_(None)
            )
        )
    }
    touched: set[str] = set()
    for enrolment in session.scalars(
        select(TrainingEnrolment).where(
            TrainingEnrolment.beneficiary_id == drop_id, TrainingEnrolment.deleted_at.is_(None)
        )
    ):
        touched.add(enrolment.training_id)
        kept = kept_enrolments.get(enrolment.training_id)
        if kept is None:
            enrolment.beneficiary_id = keep_id
            continue
        attended = set(
            session.scalars(select(TrainingAttendance.day_id).where(TrainingAttendance.enrolment_id == kept.id))
        )
        for row in session.scalars(select(TrainingAttendance).where(TrainingAttendance.enrolment_id == enrolment.id)):
            if row.day_id not in attended:
                session.add(TrainingAttendance(day_id=row.day_id, enrolment_id=kept.id, marked_by=row.marked_by))
            session.delete(row)
        if not kept.exception_reason and enrolment.exception_reason:
            kept.exception_reason, kept.exception_by = enrolment.exception_reason, enrolment.exception_by
        enrolment.deleted_at = now
    session.flush()
    for training in session.scalars(select(Training).where(Training.id.in_(touched))):
        refresh_training(session, training)


def _progress(row: AutoEntrepreneur) -> tuple[int, date]:
    """How far a status went: registered beats applied; then the later step."""
    return (1 if row.registered_on is not None else 0, row.registered_on or row.applied_on)


def _merge_status(session: Session, drop_id: str, keep_id: str) -> None:
    """The status that went further is the kept person's; the other stays, unseen, with the dropped record."""
    dropped = session.scalar(select(AutoEntrepreneur).where(AutoEntrepreneur.beneficiary_id == drop_id))
    if dropped is None:
        return
    kept = session.scalar(select(AutoEntrepreneur).where(AutoEntrepreneur.beneficiary_id == keep_id))
    if kept is None:
        dropped.beneficiary_id = keep_id
        return
    if _progress(dropped) > _progress(kept):
        for name in STATUS_FIELDS:
            setattr(kept, name, getattr(dropped, name))
