"""Registering, changing, reading and deleting people, and their history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import delete, func, insert, select, type_coerce
from sqlalchemy.orm import Session, selectinload

from hubdesk.db.base import UTCDateTime, utcnow
from hubdesk.db.database import Database
from hubdesk.db.models import AuditEvent, Beneficiary, MatchKey, SearchKey, User
from hubdesk.domain.beneficiary import BeneficiaryDraft
from hubdesk.domain.codes import DEFAULT_SITE, code_search_key
from hubdesk.domain.enums import AuditAction, Role
from hubdesk.domain.errors import NotFound, PermissionDenied, ValidationError
from hubdesk.domain.validation import validate_beneficiary
from hubdesk.services import beneficiary_mapping as mapping
from hubdesk.services.audit import beneficiary_history, diff_snapshots, record_event
from hubdesk.services.codes import next_code
from hubdesk.services.readmodels import (
    Actor,
    BeneficiaryRecord,
    HistoryEntry,
    HomeCounts,
    RecentItem,
    SavedBeneficiary,
)
from hubdesk.services.settings import SITE_CODE, read_setting

WRITERS = frozenset({Role.ADMINISTRATOR, Role.COORDINATOR, Role.COUNSELLOR})
_LOADERS = (
    selectinload(Beneficiary.phones),
    selectinload(Beneficiary.languages),
    selectinload(Beneficiary.diplomas),
    selectinload(Beneficiary.skills),
    selectinload(Beneficiary.experiences),
)


def load_beneficiary(session: Session, beneficiary_id: str) -> Beneficiary:
    row = session.scalar(
        select(Beneficiary).options(*_LOADERS).where(Beneficiary.id == beneficiary_id, Beneficiary.deleted_at.is_(None))
    )
    if row is None:
        raise NotFound("This person does not exist or was deleted.")
    return row


def reindex(session: Session, row: Beneficiary, draft: BeneficiaryDraft) -> None:
    """Rewrite the derived search and duplicate keys of one person."""
    session.execute(delete(SearchKey).where(SearchKey.beneficiary_id == row.id))
    session.execute(delete(MatchKey).where(MatchKey.beneficiary_id == row.id))
    keys = mapping.search_keys_for(row.code, draft)
    # the codes of records merged into this one still find the person
    merged = session.scalars(select(Beneficiary.code).where(Beneficiary.merged_into_id == row.id))
    keys.update(code_search_key(code) for code in merged)
    if keys:
        session.execute(insert(SearchKey), [{"key": k, "beneficiary_id": row.id} for k in keys])
    blocks = mapping.match_keys_for(draft)
    if blocks:
        session.execute(insert(MatchKey), [{"key": k, "beneficiary_id": row.id} for k in blocks])


class BeneficiaryService:
    def __init__(self, database: Database, actor: Callable[[], Actor], today: Callable[[], date] = date.today) -> None:
        self._db = database
        self._actor = actor
        self._today = today

    def _writer(self) -> Actor:
        actor = self._actor()
        if actor.role not in WRITERS:
            raise PermissionDenied("Your role cannot register or change people.")
        return actor

    def clean(self, draft: BeneficiaryDraft) -> BeneficiaryDraft:
        """The validated, cleaned draft; ValidationError listing every problem otherwise."""
        cleaned, errors = validate_beneficiary(draft, self._today())
        if errors:
            raise ValidationError(errors)
        return cleaned.minimal_record() if cleaned.minimal_only else cleaned

    def create(self, draft: BeneficiaryDraft) -> SavedBeneficiary:
        actor = self._writer()
        cleaned = self.clean(draft)
        with self._db.unit_of_work() as uow:
            session = uow.session
            site = read_setting(session, SITE_CODE, DEFAULT_SITE)
            assert cleaned.registered_on is not None  # validation requires it
            code = next_code(session, site, cleaned.registered_on.year)
            row = Beneficiary(code=code, site=site, created_by=actor.user_id)
            mapping.apply_draft(row, cleaned, actor.user_id)
            session.add(row)
            session.flush()
            reindex(session, row, cleaned)
            record_event(
                session,
                actor,
                AuditAction.CREATE,
                "beneficiary",
                row.id,
                beneficiary_id=row.id,
                summary=f"registered {code}",
                diff=mapping.snapshot(cleaned),
            )
            uow.commit()
            warnings = []
            if cleaned.minimal_only:
                warnings.append("No consent to case follow-up: only the minimal record was kept.")
            return SavedBeneficiary(row.id, code, warnings)

    def update(self, beneficiary_id: str, draft: BeneficiaryDraft) -> SavedBeneficiary:
        actor = self._writer()
        cleaned = self.clean(draft)
        with self._db.unit_of_work() as uow:
            session = uow.session
            row = load_beneficiary(session, beneficiary_id)
            before = mapping.snapshot(mapping.to_draft(row))
            after = mapping.snapshot(cleaned)
            changes = diff_snapshots(before, after)
            if not changes:
                return SavedBeneficiary(row.id, row.code)
            mapping.apply_draft(row, cleaned, actor.user_id)
            reindex(session, row, cleaned)
            record_event(
                session,
                actor,
                AuditAction.UPDATE,
                "beneficiary",
                row.id,
                beneficiary_id=row.id,
                summary=f"changed {', '.join(sorted(changes))}",
                diff=changes,
            )
            uow.commit()
            return SavedBeneficiary(row.id, row.code)

    def delete(self, beneficiary_id: str) -> None:
        """Soft deletion: the person disappears from lists and search but the record stays."""
        actor = self._actor()
        if actor.role not in {Role.ADMINISTRATOR, Role.COORDINATOR}:
            raise PermissionDenied("Only a coordinator or an administrator can delete a record.")
        with self._db.unit_of_work() as uow:
            row = load_beneficiary(uow.session, beneficiary_id)
            row.deleted_at = utcnow()
            row.updated_by = actor.user_id
            record_event(
                uow.session,
                actor,
                AuditAction.DELETE,
                "beneficiary",
                row.id,
                beneficiary_id=row.id,
                summary=f"deleted {row.code}",
            )
            uow.commit()

    def get(self, beneficiary_id: str, *, record_view: bool = True) -> BeneficiaryRecord:
        """The person's record; opening it is itself recorded ("who looked at this person")."""
        actor = self._actor()
        with self._db.unit_of_work() as uow:
            session = uow.session
            row = load_beneficiary(session, beneficiary_id)
            users = {k: v for k, v in session.execute(select(User.id, User.full_name))}
            merged = tuple(
                session.scalars(
                    select(Beneficiary.code).where(Beneficiary.merged_into_id == row.id).order_by(Beneficiary.code)
                )
            )
            record = BeneficiaryRecord(
                id=row.id,
                code=row.code,
                draft=mapping.to_draft(row),
                counsellor_name=users.get(row.counsellor_id or "", ""),
                created_at=row.created_at,
                created_by=users.get(row.created_by or "", "system"),
                updated_at=row.updated_at,
                updated_by=users.get(row.updated_by or "", "system"),
                merged_codes=merged,
            )
            if record_view:
                record_event(session, actor, AuditAction.VIEW, "beneficiary", row.id, beneficiary_id=row.id)
                uow.commit()
            return record

    def history(self, beneficiary_id: str) -> list[HistoryEntry]:
        with self._db.unit_of_work() as uow:
            return beneficiary_history(uow.session, beneficiary_id)

    def counts(self) -> HomeCounts:
        today = self._today()
        actor = self._actor()
        with self._db.unit_of_work() as uow:
            live = select(func.count()).select_from(Beneficiary).where(Beneficiary.deleted_at.is_(None))
            session = uow.session
            return HomeCounts(
                total=session.scalar(live) or 0,
                registered_this_month=session.scalar(live.where(Beneficiary.registered_on >= today.replace(day=1)))
                or 0,
                registered_this_year=session.scalar(
                    live.where(Beneficiary.registered_on >= today.replace(month=1, day=1))
                )
                or 0,
                women=session.scalar(live.where(Beneficiary.sex == "female")) or 0,
                mine=session.scalar(live.where(Beneficiary.counsellor_id == actor.user_id)) or 0
                if actor.user_id
                else 0,
            )

    def recently_seen(self, limit: int = 10) -> list[RecentItem]:
        """People the current user opened last, newest first, each once."""
        actor = self._actor()
        with self._db.unit_of_work() as uow:
            last_seen = type_coerce(func.max(AuditEvent.at), UTCDateTime()).label("seen")
            recent = (
                select(AuditEvent.beneficiary_id, last_seen)
                .where(AuditEvent.user_id == actor.user_id, AuditEvent.action == AuditAction.VIEW.value)
                .group_by(AuditEvent.beneficiary_id)
                .order_by(last_seen.desc())
                .limit(limit * 2)
                .subquery()
            )
            rows = uow.session.execute(
                select(
                    Beneficiary.id,
                    Beneficiary.code,
                    Beneficiary.first_name,
                    Beneficiary.last_name,
                    recent.c.seen,
                )
                .join(recent, recent.c.beneficiary_id == Beneficiary.id)
                .where(Beneficiary.deleted_at.is_(None))
                .order_by(recent.c.seen.desc())
                .limit(limit)
            )
            return [RecentItem(r.id, r.code, f"{r.first_name} {r.last_name}", r.seen) for r in rows]
