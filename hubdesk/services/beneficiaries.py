"""Registering, changing, reading and deleting people, and their history."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import ColumnElement, case, delete, func, insert, literal, or_, select
from sqlalchemy.orm import Session, aliased, selectinload

from hubdesk.db.base import utcnow
from hubdesk.db.database import Database
from hubdesk.db.models import AuditEvent, Beneficiary, MatchKey, SearchKey, User
from hubdesk.db.uow import UnitOfWork
from hubdesk.domain.beneficiary import BeneficiaryDraft
from hubdesk.domain.codes import DEFAULT_SITE, code_search_key, normalise_person_code
from hubdesk.domain.enums import AuditAction, Role
from hubdesk.domain.errors import NotFound, PermissionDenied, ValidationError
from hubdesk.domain.validation import validate_beneficiary
from hubdesk.services import beneficiary_mapping as mapping
from hubdesk.services.audit import beneficiary_history, diff_snapshots, record_event
from hubdesk.services.codes import next_code
from hubdesk.services.guidance_rows import refresh_follow_up
from hubdesk.services.readmodels import (
    Actor,
    BeneficiaryRecord,
    FieldChange,
    HistoryEntry,
    HomeCounts,
    RecentItem,
    SavedBeneficiary,
)
from hubdesk.services.settings import SITE_CODE, read_setting
from hubdesk.services.training_rows import refresh_trainings_of

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
            refresh_follow_up(uow.session, row.id)  # nobody holds a follow-up with a deleted person
            refresh_trainings_of(uow.session, row.id)  # the trainings list counts living trainees
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
            row = load_beneficiary(uow.session, beneficiary_id)
            return self._opened(uow, actor, row, record_view)

    def find(self, code: str, *, record_view: bool = True) -> BeneficiaryRecord:
        """The living person of a code as typed (``tng 2026 12``), also the code of a record merged into
        theirs; NotFound otherwise. Opening the record is recorded as ``get`` does."""
        actor = self._actor()
        wanted = normalise_person_code(code)
        merged = aliased(Beneficiary)
        with self._db.unit_of_work() as uow:
            # the person of the code, or the one a merged record of the code went into: never both, codes
            # being unique and a merged record deleted
            row = uow.session.scalar(
                select(Beneficiary)
                .options(*_LOADERS)
                .outerjoin(merged, (merged.merged_into_id == Beneficiary.id) & (merged.code == wanted))
                .where(Beneficiary.deleted_at.is_(None), or_(Beneficiary.code == wanted, merged.id.is_not(None)))
                .limit(1)
            )
            if row is None:
                raise NotFound(f"No person has the code {wanted}. Person codes look like TNG-2026-00012.")
            return self._opened(uow, actor, row, record_view)

    @staticmethod
    def _opened(uow: UnitOfWork, actor: Actor, row: Beneficiary, record_view: bool) -> BeneficiaryRecord:
        """The record of a loaded row, its opening recorded when ``record_view``."""
        session = uow.session
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
        """The person's audit events. Old and new values are for coordinators and administrators:
        others see which fields changed, not what a withdrawn phone or note used to say."""
        reviewer = self._actor().role in {Role.ADMINISTRATOR, Role.COORDINATOR}
        with self._db.unit_of_work() as uow:
            entries = beneficiary_history(uow.session, beneficiary_id)
        if reviewer:
            return entries
        return [
            replace(entry, changes=tuple(FieldChange(c.field, None, None) for c in entry.changes)) for entry in entries
        ]

    def counts(self) -> HomeCounts:
        """The Home page's figures, in one pass over the table."""
        today = self._today()
        actor = self._actor()

        def tally(condition: ColumnElement[bool]) -> ColumnElement[int]:
            return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

        with self._db.unit_of_work() as uow:
            row = uow.session.execute(
                select(
                    func.count(),
                    tally(Beneficiary.registered_on >= today.replace(day=1)),
                    tally(Beneficiary.registered_on >= today.replace(month=1, day=1)),
                    tally(Beneficiary.sex == "female"),
                    tally(Beneficiary.counsellor_id == actor.user_id) if actor.user_id else literal(0),
                ).where(Beneficiary.deleted_at.is_(None))
            ).one()
            return HomeCounts(*(int(value or 0) for value in row))

    def recently_seen(self, limit: int = 10) -> list[RecentItem]:
        """People the current user opened last, newest first, each once."""
        actor = self._actor()
        with self._db.unit_of_work() as uow:
            session = uow.session
            # Walk the user's views newest first (an index range) rather than group them all.
            views = session.execute(
                select(AuditEvent.beneficiary_id, AuditEvent.at)
                .where(AuditEvent.user_id == actor.user_id, AuditEvent.action == AuditAction.VIEW.value)
                .order_by(AuditEvent.at.desc())
                .limit(limit * 20)
            ).all()
            seen: dict[str, datetime] = {}
            for beneficiary_id, at in views:
                if beneficiary_id is not None:
                    seen.setdefault(beneficiary_id, at)
            people = {
                row.id: row
                for row in session.execute(
                    select(Beneficiary.id, Beneficiary.code, Beneficiary.first_name, Beneficiary.last_name).where(
                        Beneficiary.id.in_(list(seen)), Beneficiary.deleted_at.is_(None)
                    )
                )
            }
            return [
                RecentItem(i, people[i].code, f"{people[i].first_name} {people[i].last_name}", at)
                for i, at in seen.items()
                if i in people
            ][:limit]
