"""Exporting business projects and trainees to CSV, XLSX or JSON: streamed, formula-safe and audited.

Follows ``follow_up_export``: rows read in batches (``yield_per``) and written as they come by its
column-generic writers, values as recorded (enum values, not labels), people identified by their code
only, users by their name, a file renamed into place once complete, and an audit event per export.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import exists, func, literal, select
from sqlalchemy.orm import Session

from hubdesk.db.database import Database
from hubdesk.db.models import (
    Beneficiary,
    FinancingLine,
    IssuedDocument,
    SupportAction,
    Training,
    TrainingAttendance,
    TrainingDay,
    TrainingEnrolment,
    Venture,
    VentureMember,
)
from hubdesk.domain.entrepreneurship import completed
from hubdesk.domain.enums import DocumentKind
from hubdesk.services.follow_up_export import BATCH, Record, check_exporter, export_records
from hubdesk.services.guidance_rows import user_names
from hubdesk.services.readmodels import Actor
from hubdesk.services.training_rows import CERTIFICATE_KEY

#: exported columns of a business project, in order
VENTURE_COLUMNS = (
    "code",
    "name",
    "kind",
    "sector",
    "legal_form",
    "stage",
    "stage_since",
    "started_on",
    "created_on",
    "ended_on",
    "members",  # the members' person codes, separated by spaces, in the order they joined
    "member_count",
    "jobs_created",
    "financing_requested_mad",
    "financing_obtained_mad",  # lines still awaiting an answer count as 0
    "support_actions",  # actions given to the project itself (not to its members one by one)
    "support_hours",
    "counsellor",
)

#: exported columns of a trainee (one row per person enrolled in a training), in order
TRAINING_COLUMNS = (
    "training_code",
    "title",
    "theme",
    "trainer",
    "place",
    "first_day",
    "last_day",
    "days",
    "hours",
    "person_code",
    "days_attended",
    "completed",  # attended the share of days the training asks for
    "exception_reason",  # a coordinator's reason for an exceptional certificate
    "certificate_issued",  # a valid (not cancelled) certificate is in the register, in any language
)


def _venture_records(session: Session) -> Iterator[Record]:
    """Living projects by code, with their financing and support totals and their living members."""
    names = user_names(session)
    financing = (
        select(
            FinancingLine.venture_id,
            func.sum(FinancingLine.requested_mad).label("requested"),
            func.sum(func.coalesce(FinancingLine.obtained_mad, 0)).label("obtained"),
        )
        .where(FinancingLine.deleted_at.is_(None))
        .group_by(FinancingLine.venture_id)
        .subquery()
    )
    support = (
        select(
            SupportAction.venture_id,
            func.count().label("actions"),
            func.sum(SupportAction.hours).label("hours"),
        )
        .where(SupportAction.venture_id.is_not(None), SupportAction.deleted_at.is_(None))
        .group_by(SupportAction.venture_id)
        .subquery()
    )
    statement = (
        select(
            Venture.id,
            Venture.code,
            Venture.name,
            Venture.kind,
            Venture.sector,
            Venture.legal_form,
            Venture.stage,
            Venture.stage_on,
            Venture.started_on,
            Venture.created_on,
            Venture.ended_on,
            Venture.jobs_created,
            Venture.counsellor_id,
            func.coalesce(financing.c.requested, 0).label("requested"),
            func.coalesce(financing.c.obtained, 0).label("obtained"),
            func.coalesce(support.c.actions, 0).label("actions"),
            func.coalesce(support.c.hours, 0.0).label("hours"),
        )
        .outerjoin(financing, financing.c.venture_id == Venture.id)
        .outerjoin(support, support.c.venture_id == Venture.id)
        .where(Venture.deleted_at.is_(None))
        .order_by(Venture.code)
    )
    result = session.execute(statement.execution_options(yield_per=BATCH))
    for batch in result.partitions():
        members: dict[str, list[str]] = {}
        for venture_id, code in session.execute(
            select(VentureMember.venture_id, Beneficiary.code)
            .join(Beneficiary, Beneficiary.id == VentureMember.beneficiary_id)
            .where(
                VentureMember.venture_id.in_([row.id for row in batch]),
                VentureMember.deleted_at.is_(None),
                Beneficiary.deleted_at.is_(None),
            )
            .order_by(VentureMember.venture_id, VentureMember.joined_on, VentureMember.created_at)
        ):
            members.setdefault(venture_id, []).append(code)
        for row in batch:
            codes = members.get(row.id, [])
            yield {
                "code": row.code,
                "name": row.name,
                "kind": row.kind,
                "sector": row.sector,
                "legal_form": row.legal_form,
                "stage": row.stage,
                "stage_since": row.stage_on,
                "started_on": row.started_on,
                "created_on": row.created_on,
                "ended_on": row.ended_on,
                "members": " ".join(codes),
                "member_count": len(codes),
                "jobs_created": row.jobs_created,
                "financing_requested_mad": int(row.requested),
                "financing_obtained_mad": int(row.obtained),
                "support_actions": int(row.actions),
                "support_hours": float(row.hours),
                "counsellor": names.get(row.counsellor_id or "", ""),
            }


def _trainee_records(session: Session) -> Iterator[Record]:
    """Everyone enrolled in a living training, trainings by first day then code, trainees by name."""
    days = (
        select(
            TrainingDay.training_id,
            func.count().label("days"),
            func.sum(TrainingDay.hours).label("hours"),
        )
        .where(TrainingDay.deleted_at.is_(None))
        .group_by(TrainingDay.training_id)
        .subquery()
    )
    attended = (
        select(TrainingAttendance.enrolment_id, func.count().label("attended"))
        .join(TrainingDay, TrainingDay.id == TrainingAttendance.day_id)
        .where(TrainingDay.deleted_at.is_(None))
        .group_by(TrainingAttendance.enrolment_id)
        .subquery()
    )
    # the subject key training_documents gives a certificate: "certificate:<training id>:<person id>"
    certified = exists().where(
        IssuedDocument.kind == DocumentKind.CERTIFICATE.value,
        IssuedDocument.subject_key == literal(CERTIFICATE_KEY) + Training.id + literal(":") + Beneficiary.id,
        IssuedDocument.cancelled_at.is_(None),
        IssuedDocument.deleted_at.is_(None),
    )
    statement = (
        select(
            Training.code,
            Training.title,
            Training.theme,
            Training.trainer,
            Training.place,
            Training.first_day,
            Training.last_day,
            Training.completion_share,
            func.coalesce(days.c.days, 0).label("days"),
            func.coalesce(days.c.hours, 0.0).label("hours"),
            Beneficiary.code.label("person_code"),
            func.coalesce(attended.c.attended, 0).label("attended"),
            TrainingEnrolment.exception_reason,
            certified.label("certificate_issued"),
        )
        .join(TrainingEnrolment, TrainingEnrolment.training_id == Training.id)
        .join(Beneficiary, Beneficiary.id == TrainingEnrolment.beneficiary_id)
        .outerjoin(days, days.c.training_id == Training.id)
        .outerjoin(attended, attended.c.enrolment_id == TrainingEnrolment.id)
        .where(
            Training.deleted_at.is_(None),
            TrainingEnrolment.deleted_at.is_(None),
            Beneficiary.deleted_at.is_(None),
        )
        .order_by(Training.first_day.nulls_last(), Training.code, Beneficiary.sort_name, Beneficiary.code)
    )
    for row in session.execute(statement.execution_options(yield_per=BATCH)):
        yield {
            "training_code": row.code,
            "title": row.title,
            "theme": row.theme,
            "trainer": row.trainer,
            "place": row.place,
            "first_day": row.first_day,
            "last_day": row.last_day,
            "days": int(row.days),
            "hours": float(row.hours),
            "person_code": row.person_code,
            "days_attended": int(row.attended),
            "completed": completed(int(row.attended), int(row.days), row.completion_share),
            "exception_reason": row.exception_reason,
            "certificate_issued": bool(row.certificate_issued),
        }


class EntrepreneurshipExport:
    """Business projects and trainees to a file, for the users who may export personal data and read
    follow-up (as ``FollowUpExport``)."""

    def __init__(self, database: Database, actor: Callable[[], Actor]) -> None:
        self._db = database
        self._actor = actor

    def export_ventures(self, path: Path, fmt: str) -> int:
        """Write every business project (one row each) to ``path``; returns how many."""
        actor = check_exporter(self._actor(), fmt, "Your role cannot read business projects.")
        return export_records(
            self._db, Path(path), fmt, actor, "venture", "ventures", VENTURE_COLUMNS, _venture_records, filters={}
        )

    def export_trainings(self, path: Path, fmt: str) -> int:
        """Write one row per trainee of every training to ``path``; returns how many rows."""
        actor = check_exporter(self._actor(), fmt, "Your role cannot read trainings.")
        return export_records(
            self._db, Path(path), fmt, actor, "training", "trainings", TRAINING_COLUMNS, _trainee_records, filters={}
        )
