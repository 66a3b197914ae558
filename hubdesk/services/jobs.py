"""Jobs people started: employer, sector, contract, start date, and the referral that led there."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from hubdesk.db.database import Database
from hubdesk.db.models import JobOutcome, Referral
from hubdesk.domain.enums import ContractType, SkillSector
from hubdesk.domain.errors import NotFound, ValidationError
from hubdesk.services.access import CASE_WORKERS, FOLLOW_UP_READERS, require
from hubdesk.services.audit import record_creation, record_update, soft_delete
from hubdesk.services.guidance_readmodels import JobDraft, JobInfo
from hubdesk.services.guidance_rows import live_person
from hubdesk.services.readmodels import Actor

_FIELDS = ("employer", "sector", "job_title", "contract_type", "start_date", "referral_id", "note")


def job_infos(session: Session, beneficiary_id: str) -> list[JobInfo]:
    rows = list(
        session.scalars(
            select(JobOutcome)
            .where(JobOutcome.beneficiary_id == beneficiary_id, JobOutcome.deleted_at.is_(None))
            .order_by(JobOutcome.start_date.desc())
        )
    )
    codes = dict(
        session.execute(
            select(Referral.id, Referral.code).where(Referral.id.in_({r.referral_id for r in rows if r.referral_id}))
        ).all()
    )
    return [
        JobInfo(
            row.id,
            row.beneficiary_id,
            JobDraft(
                employer=row.employer,
                contract_type=ContractType(row.contract_type),
                start_date=row.start_date,
                sector=SkillSector(row.sector) if row.sector else None,
                job_title=row.job_title,
                referral_id=row.referral_id,
                note=row.note,
            ),
            codes.get(row.referral_id or "", ""),
        )
        for row in rows
    ]


class JobService:
    def __init__(self, database: Database, actor: Callable[[], Actor], today: Callable[[], date] = date.today) -> None:
        self._db = database
        self._actor = actor
        self._today = today

    def _worker(self) -> Actor:
        return require(self._actor(), CASE_WORKERS, "Your role cannot record jobs.")

    def _clean(self, session: Session, beneficiary_id: str, draft: JobDraft) -> JobDraft:
        draft.employer = " ".join(draft.employer.split())
        draft.job_title = " ".join(draft.job_title.split())
        draft.note = draft.note.strip()
        problems: dict[str, str] = {}
        if not draft.employer:
            problems["employer"] = "Give the employer's name."
        elif len(draft.employer) > 200:
            problems["employer"] = "At most 200 characters."
        if len(draft.job_title) > 200:
            problems["job_title"] = "At most 200 characters."
        if draft.start_date > self._today():
            problems["start_date"] = "Record a job once it has started."
        if draft.referral_id:
            referral = session.get(Referral, draft.referral_id)
            if referral is None or referral.beneficiary_id != beneficiary_id:
                problems["referral_id"] = "The referral chosen is not one of this person's."
        if problems:
            raise ValidationError(problems)
        return draft

    def of_person(self, beneficiary_id: str) -> list[JobInfo]:
        require(self._actor(), FOLLOW_UP_READERS, "Your role cannot read people's follow-up.")
        with self._db.unit_of_work() as uow:
            return job_infos(uow.session, beneficiary_id)

    def record(self, beneficiary_id: str, draft: JobDraft) -> str:
        actor = self._worker()
        with self._db.unit_of_work() as uow:
            session = uow.session
            live_person(session, beneficiary_id)
            draft = self._clean(session, beneficiary_id, draft)
            row = JobOutcome(beneficiary_id=beneficiary_id, created_by=actor.user_id, updated_by=actor.user_id)
            self._apply(row, draft)
            summary = f"job at {row.employer} ({row.contract_type}) from {row.start_date:%d/%m/%Y}"
            job_id = record_creation(
                session, actor, "job_outcome", row, summary, diff=self._snapshot(row), beneficiary_id=beneficiary_id
            )
            uow.commit()
            return job_id

    def update(self, job_id: str, draft: JobDraft) -> None:
        actor = self._worker()
        with self._db.unit_of_work() as uow:
            session = uow.session
            row = self._row(session, job_id)
            draft = self._clean(session, row.beneficiary_id, draft)
            before = self._snapshot(row)
            self._apply(row, draft)
            summary = f"changed job at {row.employer}"
            if record_update(
                session,
                actor,
                "job_outcome",
                row,
                before,
                self._snapshot(row),
                summary,
                beneficiary_id=row.beneficiary_id,
            ):
                uow.commit()

    def delete(self, job_id: str) -> None:
        actor = self._worker()
        with self._db.unit_of_work() as uow:
            row = self._row(uow.session, job_id)
            summary = f"deleted job at {row.employer}"
            soft_delete(uow.session, actor, "job_outcome", row, summary, beneficiary_id=row.beneficiary_id)
            uow.commit()

    @staticmethod
    def _row(session: Session, job_id: str) -> JobOutcome:
        row = session.get(JobOutcome, job_id)
        if row is None or row.deleted_at is not None:
            raise NotFound("This job does not exist or was deleted.")
        return row

    @staticmethod
    def _apply(row: JobOutcome, draft: JobDraft) -> None:
        row.employer = draft.employer
        row.sector = draft.sector.value if draft.sector else None
        row.job_title = draft.job_title
        row.contract_type = draft.contract_type.value
        row.start_date = draft.start_date
        row.referral_id = draft.referral_id or None
        row.note = draft.note

    @staticmethod
    def _snapshot(row: JobOutcome) -> dict[str, object]:
        return {name: getattr(row, name) for name in _FIELDS}
