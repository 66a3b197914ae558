"""The tables of issue #5: business projects, support actions, auto-entrepreneur status, trainings.

Enum values are stored as short text, as in ``models``. Amounts are whole dirhams. Indexes follow
the screens that read them: the pipeline page counts and lists projects by stage and kind, a
person's page lists their projects, actions and trainings, a training's page its days and trainees.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Float, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from hubdesk.db.base import AuditedMixin, Base


class Venture(AuditedMixin, Base):
    """A business project: one person's, or a collective start-up's."""

    __tablename__ = "venture"
    __table_args__ = (
        # the pipeline page: counts by stage (and kind), then a stage's projects by the day they got there
        Index("ix_venture_pipeline", "deleted_at", "stage", "kind", "stage_on"),
        Index("ix_venture_kind_pipeline", "deleted_at", "kind", "stage", "stage_on"),
        Index("ix_venture_created_on", "created_on"),
    )

    code: Mapped[str] = mapped_column(String(24), unique=True)  # PRJ-TNG-2026-0007
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(12))
    sector: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text, default="")
    legal_form: Mapped[str] = mapped_column(String(20), default="none_yet")
    stage: Mapped[str] = mapped_column(String(20), default="idea")
    #: the day of the last stage change
    stage_on: Mapped[date] = mapped_column(Date)
    #: the day the project was first recorded as an idea
    started_on: Mapped[date] = mapped_column(Date)
    #: the day the business was created (reached "created")
    created_on: Mapped[date | None] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    jobs_created: Mapped[int] = mapped_column(Integer, default=0)
    counsellor_id: Mapped[str | None] = mapped_column(ForeignKey("user_account.id"))


class VentureMember(AuditedMixin, Base):
    """A person in a project, with their role."""

    __tablename__ = "venture_member"
    __table_args__ = (
        Index("ix_venture_member_person", "beneficiary_id", "venture_id"),
        Index(
            "uq_venture_member_live",
            "venture_id",
            "beneficiary_id",
            unique=True,
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
    )

    venture_id: Mapped[str] = mapped_column(ForeignKey("venture.id", ondelete="CASCADE"))
    beneficiary_id: Mapped[str] = mapped_column(ForeignKey("beneficiary.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(12))
    joined_on: Mapped[date] = mapped_column(Date)


class VentureStageChange(AuditedMixin, Base):
    """One dated step of a project through the pipeline."""

    __tablename__ = "venture_stage_change"

    venture_id: Mapped[str] = mapped_column(ForeignKey("venture.id", ondelete="CASCADE"), index=True)
    stage: Mapped[str] = mapped_column(String(20))
    changed_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(300), default="")


class FinancingLine(AuditedMixin, Base):
    """Money asked for a project, and what was obtained."""

    __tablename__ = "financing_line"

    venture_id: Mapped[str] = mapped_column(ForeignKey("venture.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    #: the programme or lender: "Forsa", "Intelaka", "Al Amana"...
    source: Mapped[str] = mapped_column(String(120), default="")
    requested_mad: Mapped[int] = mapped_column(Integer)
    #: None while the answer is awaited; 0 when refused
    obtained_mad: Mapped[int | None] = mapped_column(Integer)
    requested_on: Mapped[date] = mapped_column(Date)
    decided_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(300), default="")


class RevenueFollowUp(AuditedMixin, Base):
    """A periodic look at a running business: turnover over a period, jobs at that time."""

    __tablename__ = "revenue_follow_up"

    venture_id: Mapped[str] = mapped_column(ForeignKey("venture.id", ondelete="CASCADE"), index=True)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    revenue_mad: Mapped[int] = mapped_column(Integer)
    jobs: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(String(300), default="")


class SupportAction(AuditedMixin, Base):
    """Help given to a project or a person: coaching, business plan, formalities..."""

    __tablename__ = "support_action"
    __table_args__ = (
        Index("ix_support_action_person", "beneficiary_id", "held_on"),
        Index("ix_support_action_venture", "venture_id", "held_on"),
        Index("ix_support_action_held", "held_on"),
    )

    #: exactly one of the two is set
    venture_id: Mapped[str | None] = mapped_column(ForeignKey("venture.id", ondelete="CASCADE"))
    beneficiary_id: Mapped[str | None] = mapped_column(ForeignKey("beneficiary.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    held_on: Mapped[date] = mapped_column(Date)
    counsellor_id: Mapped[str | None] = mapped_column(ForeignKey("user_account.id"))
    hours: Mapped[float] = mapped_column(Float, default=1.0)
    notes: Mapped[str] = mapped_column(Text, default="")


class AutoEntrepreneur(AuditedMixin, Base):
    """A person's auto-entrepreneur status: application, registration, card, social cover."""

    __tablename__ = "auto_entrepreneur"
    __table_args__ = (Index("ix_auto_entrepreneur_registered", "registered_on"),)

    beneficiary_id: Mapped[str] = mapped_column(ForeignKey("beneficiary.id", ondelete="CASCADE"), unique=True)
    status: Mapped[str] = mapped_column(String(10), default="applied")
    applied_on: Mapped[date] = mapped_column(Date)
    registered_on: Mapped[date | None] = mapped_column(Date)
    #: national register of auto-entrepreneurs
    register_number: Mapped[str] = mapped_column(String(30), default="")
    tax_id: Mapped[str] = mapped_column(String(20), default="")
    ice: Mapped[str] = mapped_column(String(15), default="")
    activity: Mapped[str] = mapped_column(String(200), default="")
    category: Mapped[str] = mapped_column(String(30))
    card_received_on: Mapped[date | None] = mapped_column(Date)
    #: CNSS registration, which brings AMO health cover
    cnss_registered_on: Mapped[date | None] = mapped_column(Date)
    lapsed_on: Mapped[date | None] = mapped_column(Date)
    venture_id: Mapped[str | None] = mapped_column(ForeignKey("venture.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(String(300), default="")


class Training(AuditedMixin, Base):
    """A training or workshop held on one or more days."""

    __tablename__ = "training"
    __table_args__ = (Index("ix_training_first_day", "first_day", "code"),)

    code: Mapped[str] = mapped_column(String(24), unique=True)  # TRN-TNG-2026-0007
    title: Mapped[str] = mapped_column(String(200))
    theme: Mapped[str] = mapped_column(String(24))
    trainer: Mapped[str] = mapped_column(String(120), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    #: share of the days a trainee must attend to complete it (0.8: 80%)
    completion_share: Mapped[float] = mapped_column(Float, default=0.8)
    description: Mapped[str] = mapped_column(Text, default="")
    #: first and last day, kept with the days for lists and periods
    first_day: Mapped[date | None] = mapped_column(Date)
    last_day: Mapped[date | None] = mapped_column(Date)
    day_count: Mapped[int] = mapped_column(Integer, default=0)
    enrolled_count: Mapped[int] = mapped_column(Integer, default=0)


class TrainingDay(AuditedMixin, Base):
    """One day of a training, with its hours."""

    __tablename__ = "training_day"
    __table_args__ = (
        Index(
            "uq_training_day_live",
            "training_id",
            "held_on",
            unique=True,
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
    )

    training_id: Mapped[str] = mapped_column(ForeignKey("training.id", ondelete="CASCADE"))
    held_on: Mapped[date] = mapped_column(Date)
    hours: Mapped[float] = mapped_column(Float, default=3.0)


class TrainingEnrolment(AuditedMixin, Base):
    """A person enrolled in a training; a coordinator's reason lets them have a certificate anyway."""

    __tablename__ = "training_enrolment"
    __table_args__ = (
        Index("ix_training_enrolment_person", "beneficiary_id"),
        Index(
            "uq_training_enrolment_live",
            "training_id",
            "beneficiary_id",
            unique=True,
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
    )

    training_id: Mapped[str] = mapped_column(ForeignKey("training.id", ondelete="CASCADE"))
    beneficiary_id: Mapped[str] = mapped_column(ForeignKey("beneficiary.id", ondelete="CASCADE"))
    enrolled_on: Mapped[date] = mapped_column(Date)
    #: an exceptional certificate for someone who did not complete: why, and who allowed it
    exception_reason: Mapped[str] = mapped_column(String(300), default="")
    exception_by: Mapped[str | None] = mapped_column(String(36))


class TrainingAttendance(Base):
    """A trainee present on a day of a training (absent: no row)."""

    __tablename__ = "training_attendance"

    day_id: Mapped[str] = mapped_column(ForeignKey("training_day.id", ondelete="CASCADE"), primary_key=True)
    enrolment_id: Mapped[str] = mapped_column(
        ForeignKey("training_enrolment.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    marked_by: Mapped[str | None] = mapped_column(String(36))


__all__ = [
    "AutoEntrepreneur",
    "FinancingLine",
    "RevenueFollowUp",
    "SupportAction",
    "Training",
    "TrainingAttendance",
    "TrainingDay",
    "TrainingEnrolment",
    "Venture",
    "VentureMember",
    "VentureStageChange",
]
