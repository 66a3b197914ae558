"""The tables of issue #4: guidance sessions, case status, partners, referrals and jobs found.

Enum values are stored as short text, as in ``models``. Indexes follow the screens that read them:
a person's timeline (person, date), the agenda (pending follow-up date; referral status and the day
it last changed) and the referrals page (partner, status).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hubdesk.db.base import AuditedMixin, Base, UTCDateTime


class GuidanceSession(AuditedMixin, Base):
    """A counselling or orientation session with one person."""

    __tablename__ = "guidance_session"
    __table_args__ = (
        Index("ix_guidance_session_person", "beneficiary_id", "held_at"),
        Index("ix_guidance_session_held", "held_at"),
        # the agenda: only pending follow-ups have a due date, so these indexes stay small
        Index("ix_guidance_session_due", "follow_up_due", "counsellor_id"),
        Index("ix_guidance_session_counsellor_due", "counsellor_id", "follow_up_due"),
    )

    beneficiary_id: Mapped[str] = mapped_column(ForeignKey("beneficiary.id", ondelete="CASCADE"))
    held_at: Mapped[datetime] = mapped_column(UTCDateTime)
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    counsellor_id: Mapped[str | None] = mapped_column(ForeignKey("user_account.id"))
    session_type: Mapped[str] = mapped_column(String(20))
    mode: Mapped[str] = mapped_column(String(12))
    #: short subjects, separated by commas ("CV, ANAPEC, French course")
    topics: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    #: notes readable only by their author, coordinators and administrators
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    agreed_actions: Mapped[str] = mapped_column(Text, default="")
    #: the follow-up agreed at the session, kept as said
    next_follow_up: Mapped[date | None] = mapped_column(Date)
    #: the same date while the follow-up is still to be held; cleared by the next session or a closing
    follow_up_due: Mapped[date | None] = mapped_column(Date)


class CaseStatusChange(AuditedMixin, Base):
    """One step of a person's case (active, on hold, closed with a reason, reopened)."""

    __tablename__ = "case_status_change"
    __table_args__ = (Index("ix_case_status_change_person", "beneficiary_id", "changed_on"),)

    beneficiary_id: Mapped[str] = mapped_column(ForeignKey("beneficiary.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(12))
    reason: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(String(300), default="")
    changed_on: Mapped[date] = mapped_column(Date)


class Partner(AuditedMixin, Base):
    """An organisation people are referred to. Never deleted once referred to: disabled instead."""

    __tablename__ = "partner"

    name: Mapped[str] = mapped_column(String(200), index=True)
    arabic_name: Mapped[str] = mapped_column(String(200), default="")
    partner_type: Mapped[str] = mapped_column(String(20))
    #: services and programmes offered, one per line ("Idmaj", "Taehil"...)
    services: Mapped[str] = mapped_column(Text, default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class PartnerContact(AuditedMixin, Base):
    """A contact person at a partner."""

    __tablename__ = "partner_contact"

    partner_id: Mapped[str] = mapped_column(ForeignKey("partner.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(254), default="")


class Referral(AuditedMixin, Base):
    """A person sent to a partner for a service, and what came of it."""

    __tablename__ = "referral"
    __table_args__ = (
        Index("ix_referral_person", "beneficiary_id", "referred_on", "deleted_at"),
        # the referrals page, newest first, whole or by partner or status: each order served by an index that
        # also answers the count (the person, to leave deleted people out, is in it)
        Index("ix_referral_referred", "referred_on", "code"),
        Index("ix_referral_partner", "partner_id", "referred_on", "code", "beneficiary_id", "deleted_at"),
        Index("ix_referral_status", "status", "referred_on", "code", "beneficiary_id", "deleted_at"),
        # the agenda: sent referrals by the day they were sent, everyone's or one counsellor's
        Index("ix_referral_waiting", "status", "status_on"),
        Index("ix_referral_counsellor_waiting", "counsellor_id", "status", "status_on"),
        # per-partner figures, read from the index alone
        Index(
            "ix_referral_figures",
            "partner_id",
            "status",
            "answered_on",
            "successful",
            "sent_on",
            "feedback_days",
            "deleted_at",
        ),
        Index("ix_referral_feedback", "partner_id", "feedback_days", "deleted_at"),
    )

    code: Mapped[str] = mapped_column(String(20), unique=True)  # TNG-2026-0007
    beneficiary_id: Mapped[str] = mapped_column(ForeignKey("beneficiary.id", ondelete="CASCADE"))
    partner_id: Mapped[str] = mapped_column(ForeignKey("partner.id"))
    counsellor_id: Mapped[str | None] = mapped_column(ForeignKey("user_account.id"))
    service: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    priority: Mapped[str] = mapped_column(String(10), default="normal")
    channel: Mapped[str] = mapped_column(String(10), default="letter")
    contact_person: Mapped[str] = mapped_column(String(120), default="")
    status: Mapped[str] = mapped_column(String(12), default="draft")
    #: the day of the last status change: how long a referral has waited
    status_on: Mapped[date] = mapped_column(Date)
    referred_on: Mapped[date] = mapped_column(Date)
    sent_on: Mapped[date | None] = mapped_column(Date)
    #: the partner's first answer (accepted or rejected)
    answered_on: Mapped[date | None] = mapped_column(Date)
    #: days from sending to the partner's first answer
    feedback_days: Mapped[int | None] = mapped_column(Integer)
    closed_on: Mapped[date | None] = mapped_column(Date)
    successful: Mapped[bool | None] = mapped_column(Boolean)
    failure_reason: Mapped[str | None] = mapped_column(String(24))
    feedback_note: Mapped[str] = mapped_column(Text, default="")
    #: set when a coordinator shared data the person did not agree to share, with why
    consent_override_reason: Mapped[str] = mapped_column(String(300), default="")
    consent_override_by: Mapped[str | None] = mapped_column(String(36))


class ReferralStatusChange(AuditedMixin, Base):
    """One dated step of a referral."""

    __tablename__ = "referral_status_change"

    referral_id: Mapped[str] = mapped_column(ForeignKey("referral.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(12))
    changed_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(300), default="")


class JobOutcome(AuditedMixin, Base):
    """A job a person started."""

    __tablename__ = "job_outcome"
    __table_args__ = (
        Index("ix_job_outcome_person", "beneficiary_id", "start_date"),
        Index("ix_job_outcome_start", "start_date"),
    )

    beneficiary_id: Mapped[str] = mapped_column(ForeignKey("beneficiary.id", ondelete="CASCADE"))
    employer: Mapped[str] = mapped_column(String(200))
    sector: Mapped[str | None] = mapped_column(String(20))
    job_title: Mapped[str] = mapped_column(String(200), default="")
    contract_type: Mapped[str] = mapped_column(String(12))
    start_date: Mapped[date] = mapped_column(Date)
    referral_id: Mapped[str | None] = mapped_column(ForeignKey("referral.id"), index=True)
    note: Mapped[str] = mapped_column(Text, default="")


__all__ = [
    "CaseStatusChange",
    "GuidanceSession",
    "JobOutcome",
    "Partner",
    "PartnerContact",
    "Referral",
    "ReferralStatusChange",
]
