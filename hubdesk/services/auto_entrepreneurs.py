"""A person's auto-entrepreneur status: who may register, the application, the registration and after.

Eligibility is checked when the person applies and when the registration is recorded, on the day of the
step: a foreigner needs a valid residence permit, an asylum seeker without one cannot register. Once
registered, later details (card, CNSS) are not blocked by a permit that expired since.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hubdesk.db.database import Database
from hubdesk.db.models import AutoEntrepreneur, Beneficiary, RevenueFollowUp, Venture, VentureMember
from hubdesk.domain.entrepreneurship import CEILINGS, auto_entrepreneur_eligibility
from hubdesk.domain.enums import (
    AuditAction,
    AutoEntrepreneurCategory,
    AutoEntrepreneurStatus,
    IdDocumentType,
    MigrationStatus,
)
from hubdesk.domain.errors import ValidationError
from hubdesk.services.access import CASE_WORKERS, FOLLOW_UP_READERS, require
from hubdesk.services.audit import diff_snapshots, record_event
from hubdesk.services.guidance_rows import live_person
from hubdesk.services.readmodels import Actor
from hubdesk.services.venture_readmodels import AutoEntrepreneurDraft, AutoEntrepreneurInfo

#: what a status holds (besides whose it is)
STATUS_FIELDS = (
    "status",
    "applied_on",
    "registered_on",
    "register_number",
    "tax_id",
    "ice",
    "activity",
    "category",
    "card_received_on",
    "cnss_registered_on",
    "lapsed_on",
    "venture_id",
    "note",
)
_ICE = re.compile(r"^\d{15}$")
_TAX_ID = re.compile(r"^\d{6,10}$")


def eligibility_on(person: Beneficiary, on: date) -> str:
    """Why the person could not register on ``on`` ("" when nothing stands in the way)."""
    return auto_entrepreneur_eligibility(
        MigrationStatus(person.migration_status),
        IdDocumentType(person.id_document_type),
        person.id_document_expiry,
        on,
    )


def _draft(row: AutoEntrepreneur) -> AutoEntrepreneurDraft:
    return AutoEntrepreneurDraft(
        applied_on=row.applied_on,
        category=AutoEntrepreneurCategory(row.category),
        activity=row.activity,
        status=AutoEntrepreneurStatus(row.status),
        registered_on=row.registered_on,
        register_number=row.register_number,
        tax_id=row.tax_id,
        ice=row.ice,
        card_received_on=row.card_received_on,
        cnss_registered_on=row.cnss_registered_on,
        lapsed_on=row.lapsed_on,
        venture_id=row.venture_id,
        note=row.note,
    )


class AutoEntrepreneurService:
    def __init__(self, database: Database, actor: Callable[[], Actor], today: Callable[[], date] = date.today) -> None:
        self._db = database
        self._actor = actor
        self._today = today

    def get(self, beneficiary_id: str) -> AutoEntrepreneurInfo:
        require(self._actor(), FOLLOW_UP_READERS, "Your role cannot read people's follow-up.")
        with self._db.unit_of_work() as uow:
            person = live_person(uow.session, beneficiary_id)
            row = self._row(uow.session, beneficiary_id)
            draft = _draft(row) if row is not None else None
            turnover = None
            if draft is not None and draft.venture_id is not None:
                year_ago = self._today() - timedelta(days=365)
                turnover = uow.session.scalar(
                    select(func.sum(RevenueFollowUp.revenue_mad)).where(
                        RevenueFollowUp.venture_id == draft.venture_id,
                        RevenueFollowUp.deleted_at.is_(None),
                        RevenueFollowUp.period_end > year_ago,
                    )
                )
            return AutoEntrepreneurInfo(
                beneficiary_id=beneficiary_id,
                draft=draft,
                eligibility=eligibility_on(person, self._today()),
                ceiling_mad=CEILINGS[draft.category] if draft is not None else None,
                turnover_12_months_mad=turnover,
            )

    def save(self, beneficiary_id: str, draft: AutoEntrepreneurDraft) -> None:
        """Record the application, or change the status; raises ValidationError naming the field at fault."""
        actor = require(self._actor(), CASE_WORKERS, "Your role cannot record the auto-entrepreneur status.")
        with self._db.unit_of_work() as uow:
            session = uow.session
            person = live_person(session, beneficiary_id)
            row = self._row(session, beneficiary_id)
            self._check(session, person, draft, row)
            created = row is None
            if row is None:
                row = AutoEntrepreneur(beneficiary_id=beneficiary_id, created_by=actor.user_id)
                session.add(row)
                before: dict[str, Any] = {}
            else:
                before = self._snapshot(row)
            self._apply(row, draft)
            row.updated_by = actor.user_id
            changes = diff_snapshots(before, self._snapshot(row))
            if not changes:
                return
            session.flush()
            record_event(
                session,
                actor,
                AuditAction.CREATE if created else AuditAction.UPDATE,
                "auto_entrepreneur",
                row.id,
                beneficiary_id=beneficiary_id,
                summary=f"auto-entrepreneur: {draft.status.value}"
                + (f", registered on {draft.registered_on:%d/%m/%Y}" if draft.registered_on else ""),
                diff=changes,
            )
            uow.commit()

    def _check(
        self, session: Session, person: Beneficiary, draft: AutoEntrepreneurDraft, row: AutoEntrepreneur | None
    ) -> None:
        for name in ("activity", "register_number", "tax_id", "ice", "note"):
            setattr(draft, name, " ".join(str(getattr(draft, name)).split()))
        today = self._today()
        problems: dict[str, str] = {}
        dates = {
            "applied_on": draft.applied_on,
            "registered_on": draft.registered_on,
            "card_received_on": draft.card_received_on,
            "cnss_registered_on": draft.cnss_registered_on,
            "lapsed_on": draft.lapsed_on,
        }
        for name, value in dates.items():
            if value is not None and value > today:
                problems[name] = "This day is still to come."
        if draft.registered_on is not None and draft.registered_on < draft.applied_on:
            problems["registered_on"] = "The registration comes before the application."
        for name in ("card_received_on", "cnss_registered_on", "lapsed_on"):
            value = dates[name]
            if value is not None and name not in problems:
                if draft.registered_on is None:
                    problems[name] = "Record the registration first."
                elif value < draft.registered_on:
                    problems[name] = "This comes before the registration."
        if draft.status is AutoEntrepreneurStatus.APPLIED and draft.registered_on is not None:
            problems["status"] = "The person is registered: the status is active (or lapsed)."
        if draft.status is not AutoEntrepreneurStatus.APPLIED and draft.registered_on is None:
            problems["registered_on"] = "Give the day of the registration."
        if draft.status is AutoEntrepreneurStatus.LAPSED and draft.lapsed_on is None:
            problems["lapsed_on"] = "Give the day the status lapsed."
        if draft.status is not AutoEntrepreneurStatus.LAPSED and draft.lapsed_on is not None:
            problems["lapsed_on"] = "Only a lapsed status has an end."
        if draft.status is not AutoEntrepreneurStatus.APPLIED and not draft.register_number:
            problems["register_number"] = "Give the number in the national register of auto-entrepreneurs."
        if len(draft.register_number) > 30:
            problems["register_number"] = "At most 30 characters."
        if draft.ice and not _ICE.match(draft.ice):
            problems["ice"] = "The ICE has 15 digits."
        if draft.tax_id and not _TAX_ID.match(draft.tax_id):
            problems["tax_id"] = "The tax identifier (IF) has 6 to 10 digits."
        if len(draft.activity) > 200:
            problems["activity"] = "At most 200 characters."
        if len(draft.note) > 300:
            problems["note"] = "At most 300 characters."
        if draft.venture_id is not None:
            member = session.scalar(
                select(VentureMember.id)
                .join(Venture, Venture.id == VentureMember.venture_id)
                .where(
                    VentureMember.venture_id == draft.venture_id,
                    VentureMember.beneficiary_id == person.id,
                    VentureMember.deleted_at.is_(None),
                    Venture.deleted_at.is_(None),
                )
            )
            if member is None:
                problems["venture_id"] = "Choose one of the person's own projects."
        # eligibility is asked at the steps that need it, on their day
        if row is None and "applied_on" not in problems:
            reason = eligibility_on(person, draft.applied_on)
            if reason:
                problems["status"] = reason
        newly_registered = draft.registered_on is not None and (row is None or row.registered_on is None)
        if newly_registered and "registered_on" not in problems and "status" not in problems:
            reason = eligibility_on(person, draft.registered_on or today)
            if reason:
                problems["status"] = reason
        if problems:
            raise ValidationError(problems)

    @staticmethod
    def _row(session: Session, beneficiary_id: str) -> AutoEntrepreneur | None:
        return session.scalar(select(AutoEntrepreneur).where(AutoEntrepreneur.beneficiary_id == beneficiary_id))

    @staticmethod
    def _apply(row: AutoEntrepreneur, draft: AutoEntrepreneurDraft) -> None:
        row.status = draft.status.value
        row.applied_on = draft.applied_on
        row.registered_on = draft.registered_on
        row.register_number = draft.register_number
        row.tax_id = draft.tax_id
        row.ice = draft.ice
        row.activity = draft.activity
        row.category = draft.category.value
        row.card_received_on = draft.card_received_on
        row.cnss_registered_on = draft.cnss_registered_on
        row.lapsed_on = draft.lapsed_on
        row.venture_id = draft.venture_id
        row.note = draft.note

    @staticmethod
    def _snapshot(row: AutoEntrepreneur) -> dict[str, Any]:
        return {name: getattr(row, name) for name in STATUS_FIELDS}
