"""Reading trainings into read models: days, trainees, attendance and who completed."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hubdesk.db.models import Beneficiary, IssuedDocument, Training, TrainingAttendance, TrainingDay, TrainingEnrolment
from hubdesk.domain.entrepreneurship import completed
from hubdesk.domain.enums import DocumentKind, TrainingTheme
from hubdesk.domain.errors import NotFound
from hubdesk.services.venture_readmodels import TraineeInfo, TrainingDayInfo, TrainingDraft, TrainingInfo
from hubdesk.services.venture_rows import person_name


def live_training(session: Session, training_id: str) -> Training:
    row = session.get(Training, training_id)
    if row is None or row.deleted_at is not None:
        raise NotFound("This training does not exist or was deleted.")
    return row


def live_days(session: Session, training_id: str) -> list[TrainingDay]:
    return list(
        session.scalars(
            select(TrainingDay)
            .where(TrainingDay.training_id == training_id, TrainingDay.deleted_at.is_(None))
            .order_by(TrainingDay.held_on)
        )
    )


def live_enrolments(session: Session, training_id: str) -> list[TrainingEnrolment]:
    """Who is enrolled, deleted people left out (their attendance no longer counts anywhere)."""
    return list(
        session.scalars(
            select(TrainingEnrolment)
            .join(Beneficiary, Beneficiary.id == TrainingEnrolment.beneficiary_id)
            .where(
                TrainingEnrolment.training_id == training_id,
                TrainingEnrolment.deleted_at.is_(None),
                Beneficiary.deleted_at.is_(None),
            )
        )
    )


#: what a certificate's subject key starts with in the document register
CERTIFICATE_KEY = "certificate:"


def certificate_key(training_id: str, beneficiary_id: str) -> str:
    """The register's subject of a person's certificate of a training (one per language)."""
    return f"{CERTIFICATE_KEY}{training_id}:{beneficiary_id}"


def valid_certificates(session: Session, training_id: str, beneficiary_id: str) -> list[str]:
    """The numbers of the person's certificates of the training that are neither cancelled nor deleted."""
    return certificates_in_use(session, training_id, [beneficiary_id]).get(beneficiary_id, [])


def refresh_training(session: Session, row: Training) -> None:
    """Keep the first and last day and the counts the trainings page lists."""
    session.flush()
    days = live_days(session, row.id)
    row.first_day = days[0].held_on if days else None
    row.last_day = days[-1].held_on if days else None
    row.day_count = len(days)
    row.enrolled_count = (
        session.scalar(
            select(func.count())
            .select_from(TrainingEnrolment)
            .join(Beneficiary, Beneficiary.id == TrainingEnrolment.beneficiary_id)
            .where(
                TrainingEnrolment.training_id == row.id,
                TrainingEnrolment.deleted_at.is_(None),
                Beneficiary.deleted_at.is_(None),
            )
        )
        or 0
    )


def training_draft(row: Training, days: list[TrainingDay]) -> TrainingDraft:
    return TrainingDraft(
        title=row.title,
        theme=TrainingTheme(row.theme),
        trainer=row.trainer,
        place=row.place,
        completion_share=row.completion_share,
        description=row.description,
        days=[(day.held_on, day.hours) for day in days],
    )


def training_info(session: Session, row: Training) -> TrainingInfo:
    days = live_days(session, row.id)
    day_ids = [day.id for day in days]
    enrolled = session.execute(
        select(TrainingEnrolment, Beneficiary)
        .join(Beneficiary, Beneficiary.id == TrainingEnrolment.beneficiary_id)
        .where(
            TrainingEnrolment.training_id == row.id,
            TrainingEnrolment.deleted_at.is_(None),
            Beneficiary.deleted_at.is_(None),
        )
        .order_by(Beneficiary.sort_name, Beneficiary.code)
    ).all()
    attended: dict[str, set[str]] = {}
    for day_id, enrolment_id in session.execute(
        select(TrainingAttendance.day_id, TrainingAttendance.enrolment_id).where(TrainingAttendance.day_id.in_(day_ids))
    ).all():
        attended.setdefault(enrolment_id, set()).add(day_id)
    present = {day_id: 0 for day_id in day_ids}
    for enrolment, _person in enrolled:  # the living trainees only
        for day_id in attended.get(enrolment.id, ()):
            present[day_id] += 1
    trainees = []
    for enrolment, person in enrolled:
        days_of = frozenset(attended.get(enrolment.id, set()))
        done = completed(len(days_of), len(days), row.completion_share)
        trainees.append(
            TraineeInfo(
                enrolment_id=enrolment.id,
                beneficiary_id=person.id,
                person_code=person.code,
                person_name=person_name(person),
                arabic_name=person.arabic_name,
                attended=days_of,
                completed=done,
                exception_reason=enrolment.exception_reason,
                certified=done or bool(enrolment.exception_reason),
            )
        )
    return TrainingInfo(
        id=row.id,
        code=row.code,
        draft=training_draft(row, days),
        days=tuple(TrainingDayInfo(day.id, day.held_on, day.hours, present[day.id]) for day in days),
        trainees=tuple(trainees),
    )


def refresh_trainings_of(session: Session, beneficiary_id: str) -> None:
    """Recount the trainings a person is enrolled in (after the person was deleted or restored)."""
    ids = select(TrainingEnrolment.training_id).where(
        TrainingEnrolment.beneficiary_id == beneficiary_id, TrainingEnrolment.deleted_at.is_(None)
    )
    for training in session.scalars(select(Training).where(Training.id.in_(ids))):
        refresh_training(session, training)


def attended_days(session: Session, enrolment_ids: Iterable[str]) -> dict[str, int]:
    """How many of its training's (living) days each enrolment attended; absent from the result: none."""
    wanted = list(enrolment_ids)
    if not wanted:
        return {}
    rows = session.execute(
        select(TrainingAttendance.enrolment_id, func.count())
        .join(TrainingDay, TrainingDay.id == TrainingAttendance.day_id)
        .where(TrainingAttendance.enrolment_id.in_(wanted), TrainingDay.deleted_at.is_(None))
        .group_by(TrainingAttendance.enrolment_id)
    ).all()
    return {enrolment_id: count for enrolment_id, count in rows}


def certificates_in_use(session: Session, training_id: str, beneficiary_ids: Iterable[str]) -> dict[str, list[str]]:
    """Person id -> the numbers of their certificates of the training that are neither cancelled nor deleted."""
    keys = {certificate_key(training_id, beneficiary_id): beneficiary_id for beneficiary_id in beneficiary_ids}
    found: dict[str, list[str]] = {}
    if not keys:
        return found
    for key, number in session.execute(
        select(IssuedDocument.subject_key, IssuedDocument.number).where(
            IssuedDocument.kind == DocumentKind.CERTIFICATE.value,
            IssuedDocument.subject_key.in_(list(keys)),
            IssuedDocument.cancelled_at.is_(None),
            IssuedDocument.deleted_at.is_(None),
        )
    ).all():
        found.setdefault(keys[key], []).append(number)
    return found
