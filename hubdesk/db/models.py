"""The registry's tables. Enum values are stored as short text so that migrations stay simple."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hubdesk.db.base import AuditedMixin, Base, UTCDateTime, new_id, utcnow


class User(AuditedMixin, Base):
    __tablename__ = "user_account"

    username: Mapped[str] = mapped_column(String(40), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    language: Mapped[str] = mapped_column(String(5), default="fr")
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Setting(Base):
    """Site-wide settings (site code, organisation name, demo flag…)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class CodeCounter(Base):
    """Last number handed out per site, year and kind of code (TNG-2026-00042)."""

    __tablename__ = "code_counter"

    site: Mapped[str] = mapped_column(String(8), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer, default=0)


class Beneficiary(AuditedMixin, Base):
    __tablename__ = "beneficiary"
    __table_args__ = (
        Index("ix_beneficiary_sort", "sort_name"),
        Index("ix_beneficiary_registered", "registered_on"),
        # covers the Home page's counts and the list's total without reading the wide rows; deleted_at
        # comes last so that no index leads with it (a planner without statistics would take it)
        Index("ix_beneficiary_live", "registered_on", "sex", "counsellor_id", "deleted_at"),
        # joins that leave deleted people out read this index, not the wide rows
        Index("ix_beneficiary_id_deleted", "id", "deleted_at"),
        # the few records merged into another: partial, as the planner's statistics see only NULLs otherwise
        Index(
            "ix_beneficiary_merged_into",
            "merged_into_id",
            sqlite_where=text("merged_into_id IS NOT NULL"),
            postgresql_where=text("merged_into_id IS NOT NULL"),
        ),
    )

    code: Mapped[str] = mapped_column(String(20), unique=True)
    site: Mapped[str] = mapped_column(String(8))
    first_name: Mapped[str] = mapped_column(String(80))
    last_name: Mapped[str] = mapped_column(String(80))
    arabic_name: Mapped[str] = mapped_column(String(80), default="")
    #: normalised "last first" used to sort the list without collation tricks
    sort_name: Mapped[str] = mapped_column(String(170))
    sex: Mapped[str] = mapped_column(String(10))
    birth_date: Mapped[date | None] = mapped_column(Date, index=True)
    birth_year: Mapped[int | None] = mapped_column(Integer)
    nationality: Mapped[str] = mapped_column(String(2), index=True)
    migration_status: Mapped[str] = mapped_column(String(20), index=True)
    arrival_year: Mapped[int | None] = mapped_column(Integer)
    id_document_type: Mapped[str] = mapped_column(String(20), default="none")
    id_document_number: Mapped[str] = mapped_column(String(30), default="", index=True)
    id_document_expiry: Mapped[date | None] = mapped_column(Date)
    email: Mapped[str] = mapped_column(String(254), default="")
    neighbourhood: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(200), default="")
    education_level: Mapped[str | None] = mapped_column(String(20))
    occupation: Mapped[str | None] = mapped_column(String(20))
    has_disability: Mapped[bool] = mapped_column(Boolean, default=False)
    disability_note: Mapped[str] = mapped_column(Text, default="")
    household_size: Mapped[int | None] = mapped_column(Integer)
    dependents: Mapped[int | None] = mapped_column(Integer)
    registered_on: Mapped[date] = mapped_column(Date)
    heard_from: Mapped[str | None] = mapped_column(String(20))
    referring_organisation: Mapped[str] = mapped_column(String(200), default="")
    counsellor_id: Mapped[str | None] = mapped_column(ForeignKey("user_account.id"), index=True)
    consent_given_on: Mapped[date | None] = mapped_column(Date)
    #: space-separated ConsentPurpose values
    consent_purposes: Mapped[str] = mapped_column(String(100), default="")
    consent_withdrawn_on: Mapped[date | None] = mapped_column(Date)
    merged_into_id: Mapped[str | None] = mapped_column(ForeignKey("beneficiary.id"))
    #: the case's current step (CaseStatus); its history is in case_status_change
    case_status: Mapped[str] = mapped_column(String(12), default="active", server_default="active")
    case_status_on: Mapped[date | None] = mapped_column(Date)

    phones: Mapped[list[Phone]] = relationship(
        back_populates="beneficiary", cascade="all, delete-orphan", order_by="Phone.position"
    )
    languages: Mapped[list[LanguageSkill]] = relationship(
        back_populates="beneficiary", cascade="all, delete-orphan", order_by="LanguageSkill.position"
    )
    diplomas: Mapped[list[Diploma]] = relationship(
        back_populates="beneficiary", cascade="all, delete-orphan", order_by="Diploma.position"
    )
    skills: Mapped[list[Skill]] = relationship(
        back_populates="beneficiary", cascade="all, delete-orphan", order_by="Skill.position"
    )
    experiences: Mapped[list[WorkExperience]] = relationship(
        back_populates="beneficiary", cascade="all, delete-orphan", order_by="WorkExperience.position"
    )
    counsellor: Mapped[User | None] = relationship(foreign_keys=[counsellor_id])


class _ChildMixin(AuditedMixin):
    beneficiary_id: Mapped[str] = mapped_column(ForeignKey("beneficiary.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Phone(_ChildMixin, Base):
    __tablename__ = "beneficiary_phone"

    number: Mapped[str] = mapped_column(String(20), index=True)  # E.164
    whatsapp: Mapped[bool] = mapped_column(Boolean, default=False)
    beneficiary: Mapped[Beneficiary] = relationship(back_populates="phones")


class LanguageSkill(_ChildMixin, Base):
    __tablename__ = "beneficiary_language"

    language: Mapped[str] = mapped_column(String(8))
    level: Mapped[str] = mapped_column(String(10))
    beneficiary: Mapped[Beneficiary] = relationship(back_populates="languages")


class Diploma(_ChildMixin, Base):
    __tablename__ = "beneficiary_diploma"

    title: Mapped[str] = mapped_column(String(200))
    beneficiary: Mapped[Beneficiary] = relationship(back_populates="diplomas")


class Skill(_ChildMixin, Base):
    __tablename__ = "beneficiary_skill"

    name: Mapped[str] = mapped_column(String(200))
    sector: Mapped[str] = mapped_column(String(20), index=True)
    level: Mapped[str] = mapped_column(String(20))
    years: Mapped[int | None] = mapped_column(Integer)
    certified: Mapped[bool] = mapped_column(Boolean, default=False)
    beneficiary: Mapped[Beneficiary] = relationship(back_populates="skills")


class WorkExperience(_ChildMixin, Base):
    __tablename__ = "work_experience"

    job: Mapped[str] = mapped_column(String(200))
    employer: Mapped[str] = mapped_column(String(200), default="")
    country: Mapped[str | None] = mapped_column(String(2))
    start_year: Mapped[int | None] = mapped_column(Integer)
    end_year: Mapped[int | None] = mapped_column(Integer)
    beneficiary: Mapped[Beneficiary] = relationship(back_populates="experiences")


class SearchKey(Base):
    """Derived index: every key a person can be found by (name tokens, code, phones, document).

    Rebuilt from the beneficiary on every save, so it carries no audit columns of its own.
    """

    __tablename__ = "search_key"
    # SQLite: the primary key is the table (no hidden rowid b-tree to write beside it)
    __table_args__ = {"sqlite_with_rowid": False}

    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    beneficiary_id: Mapped[str] = mapped_column(
        ForeignKey("beneficiary.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class MatchKey(Base):
    """Derived index: blocking keys that bring up duplicate candidates without a table scan."""

    __tablename__ = "match_key"
    __table_args__ = {"sqlite_with_rowid": False}

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    beneficiary_id: Mapped[str] = mapped_column(
        ForeignKey("beneficiary.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class NotDuplicate(Base):
    """A pair a coordinator confirmed to be two different people (lower id first)."""

    __tablename__ = "not_duplicate"

    first_id: Mapped[str] = mapped_column(ForeignKey("beneficiary.id", ondelete="CASCADE"), primary_key=True)
    second_id: Mapped[str] = mapped_column(ForeignKey("beneficiary.id", ondelete="CASCADE"), primary_key=True)
    decided_by: Mapped[str | None] = mapped_column(String(36))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AuditEvent(Base):
    """Append-only trail: who did what to which record, with the diff. Never edited or deleted."""

    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_event_beneficiary_at", "beneficiary_id", "at"),
        Index("ix_audit_event_user_action_at", "user_id", "action", "at"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    user_id: Mapped[str | None] = mapped_column(String(36))
    username: Mapped[str] = mapped_column(String(40), default="")
    action: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str | None] = mapped_column(String(36))
    beneficiary_id: Mapped[str | None] = mapped_column(String(36))
    summary: Mapped[str] = mapped_column(String(300), default="")
    #: JSON: {"field": [old, new], ...} for updates, the record for creates
    diff: Mapped[str] = mapped_column(Text, default="{}")


class IssuedDocument(AuditedMixin, Base):
    """The document register: one row per number handed out. Rows are never deleted, only cancelled."""

    __tablename__ = "document_register"
    __table_args__ = (
        # finds the earlier issue of the same document, to reprint it under its number
        Index("ix_document_register_subject", "kind", "subject_key", "language"),
    )

    kind: Mapped[str] = mapped_column(String(20))
    number: Mapped[str] = mapped_column(String(30), unique=True)
    #: shown form, K7QM4-XPT9C
    verification_code: Mapped[str] = mapped_column(String(11), unique=True)
    language: Mapped[str] = mapped_column(String(5))
    #: what the document is about: a referral id, an enrolment id, "attestation:<person id>:<since>:..."
    subject_key: Mapped[str] = mapped_column(String(200))
    beneficiary_id: Mapped[str | None] = mapped_column(ForeignKey("beneficiary.id"), index=True)
    #: the date printed on the document (local), kept to rebuild it identically on a reprint
    issued_on: Mapped[date] = mapped_column(Date)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    issued_by: Mapped[str | None] = mapped_column(String(36))
    issued_by_name: Mapped[str] = mapped_column(String(120), default="")
    #: hex SHA-256 of the PDF of this one document
    #: SHA-256 of the PDF file the document was handed out in: its own file, or the one PDF of a batch
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size_bytes: Mapped[int | None] = mapped_column(Integer)
    #: SHA-256 of what the document says (its data and language): printing the same again is a reprint
    content_sha256: Mapped[str] = mapped_column(String(64))
    #: how many documents the file of ``sha256`` holds (more than 1 for a batch printed as one PDF)
    file_documents: Mapped[int] = mapped_column(Integer, default=1)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cancelled_by: Mapped[str | None] = mapped_column(String(36))
    cancel_reason: Mapped[str] = mapped_column(String(300), default="")


from hubdesk.db.guidance_models import (  # noqa: E402  (registered with the same metadata)
    CaseStatusChange,
    GuidanceSession,
    JobOutcome,
    Partner,
    PartnerContact,
    Referral,
    ReferralStatusChange,
)
from hubdesk.db.venture_models import (  # noqa: E402  (registered with the same metadata)
    AutoEntrepreneur,
    FinancingLine,
    RevenueFollowUp,
    SupportAction,
    Training,
    TrainingAttendance,
    TrainingDay,
    TrainingEnrolment,
    Venture,
    VentureMember,
    VentureStageChange,
)

__all__ = [
    "AuditEvent",
    "AutoEntrepreneur",
    "Beneficiary",
    "CaseStatusChange",
    "CodeCounter",
    "Diploma",
    "FinancingLine",
    "GuidanceSession",
    "IssuedDocument",
    "JobOutcome",
    "LanguageSkill",
    "MatchKey",
    "NotDuplicate",
    "Partner",
    "PartnerContact",
    "Phone",
    "Referral",
    "ReferralStatusChange",
    "RevenueFollowUp",
    "SearchKey",
    "Setting",
    "Skill",
    "SupportAction",
    "Training",
    "TrainingAttendance",
    "TrainingDay",
    "TrainingEnrolment",
    "User",
    "Venture",
    "VentureMember",
    "VentureStageChange",
    "WorkExperience",
    "new_id",
]
