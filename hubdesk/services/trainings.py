"""Trainings and workshops: their days, who is enrolled, attendance per day, and exceptional certificates."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select

from hubdesk.db.base import utcnow
from hubdesk.db.database import Database
from hubdesk.db.models import Training, TrainingAttendance, TrainingDay, TrainingEnrolment
from hubdesk.domain.codes import DEFAULT_SITE, normalise_prefixed_code, prefixed_code
from hubdesk.domain.entrepreneurship import completed
from hubdesk.domain.enums import AuditAction, TrainingTheme
from hubdesk.domain.errors import NotFound, ValidationError
from hubdesk.services.access import CASE_WORKERS, FOLLOW_UP_READERS, SUPERVISORS, require
from hubdesk.services.audit import diff_snapshots, record_event, soft_delete
from hubdesk.services.codes import next_code
from hubdesk.services.readmodels import Actor
from hubdesk.services.settings import SITE_CODE, read_setting
from hubdesk.services.training_rows import (
    live_days,
    live_enrolments,
    live_training,
    refresh_training,
    training_info,
)
from hubdesk.services.training_trainees import TrainingTrainees
from hubdesk.services.venture_readmodels import PersonTraining, TrainingDraft, TrainingInfo, TrainingQuery, TrainingRow


def _conditions(query: TrainingQuery) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [Training.deleted_at.is_(None)]
    if query.theme is not None:
        conditions.append(Training.theme == query.theme.value)
    text = " ".join(query.text.split())
    if text:
        pattern = f"%{text.replace('%', '').replace('_', '')}%"
        conditions.append(
            or_(Training.code.ilike(pattern), Training.title.ilike(pattern), Training.trainer.ilike(pattern))
        )
    if query.date_from is not None:
        conditions.append(Training.last_day >= query.date_from)
    if query.date_to is not None:
        conditions.append(Training.first_day <= query.date_to)
    return conditions


def _snapshot(row: Training, days: Iterable[tuple[date, float]]) -> dict[str, Any]:
    return {
        "title": row.title,
        "theme": row.theme,
        "trainer": row.trainer,
        "place": row.place,
        "completion_share": row.completion_share,
        "description": row.description,
        "days": ", ".join(f"{on:%d/%m/%Y} {hours:g} h" for on, hours in sorted(days)),
    }


class TrainingService(TrainingTrainees):
    """Trainings and their days; who is enrolled and who came comes from ``TrainingTrainees``."""

    def __init__(self, database: Database, actor: Callable[[], Actor], today: Callable[[], date] = date.today) -> None:
        self._db = database
        self._actor = actor
        self._today = today

    def _worker(self) -> Actor:
        return require(self._actor(), CASE_WORKERS, "Your role cannot change trainings.")

    def _reader(self) -> Actor:
        return require(self._actor(), FOLLOW_UP_READERS, "Your role cannot read trainings.")

    # --- reading ---------------------------------------------------------------------------------

    def get(self, training_id: str) -> TrainingInfo:
        self._reader()
        with self._db.unit_of_work() as uow:
            return training_info(uow.session, live_training(uow.session, training_id))

    def find(self, code: str) -> TrainingInfo:
        """The training of a code as typed (``trn tng 2026 3``)."""
        self._reader()
        wanted = normalise_prefixed_code(code, "training")
        with self._db.unit_of_work() as uow:
            row = uow.session.scalar(select(Training).where(Training.code == wanted, Training.deleted_at.is_(None)))
            if row is None:
                raise NotFound(f"No training has the code {wanted}.")
            return training_info(uow.session, row)

    def count(self, query: TrainingQuery) -> int:
        self._reader()
        with self._db.unit_of_work() as uow:
            return uow.session.scalar(select(func.count()).select_from(Training).where(*_conditions(query))) or 0

    def page(self, query: TrainingQuery, offset: int = 0, limit: int = 100) -> list[TrainingRow]:
        """Trainings under ``query``, the latest first (those without days yet at the top)."""
        self._reader()
        with self._db.unit_of_work() as uow:
            rows = uow.session.scalars(
                select(Training)
                .where(*_conditions(query))
                .order_by(Training.first_day.desc().nulls_first(), Training.code.desc())
                .offset(max(offset, 0))
                .limit(max(limit, 0))
            )
            return [
                TrainingRow(
                    r.id,
                    r.code,
                    r.title,
                    TrainingTheme(r.theme),
                    r.trainer,
                    r.first_day,
                    r.last_day,
                    r.day_count,
                    r.enrolled_count,
                )
                for r in rows
            ]

    def of_person(self, beneficiary_id: str) -> list[PersonTraining]:
        self._reader()
        with self._db.unit_of_work() as uow:
            session = uow.session
            rows = session.execute(
                select(Training, TrainingEnrolment.id, TrainingEnrolment.exception_reason)
                .join(TrainingEnrolment, TrainingEnrolment.training_id == Training.id)
                .where(
                    TrainingEnrolment.beneficiary_id == beneficiary_id,
                    TrainingEnrolment.deleted_at.is_(None),
                    Training.deleted_at.is_(None),
                )
                .order_by(Training.first_day.desc().nulls_first())
            ).all()
            attended = dict(
                session.execute(
                    select(TrainingAttendance.enrolment_id, func.count())
                    .where(TrainingAttendance.enrolment_id.in_([enrolment for _, enrolment, _ in rows]))
                    .group_by(TrainingAttendance.enrolment_id)
                ).all()
            )
            return [
                PersonTraining(
                    t.id,
                    t.code,
                    t.title,
                    t.first_day,
                    attended.get(enrolment, 0),
                    t.day_count,
                    completed(attended.get(enrolment, 0), t.day_count, t.completion_share),
                    bool(exception),
                )
                for t, enrolment, exception in rows
            ]

    # --- the training ----------------------------------------------------------------------------

    @staticmethod
    def _clean(draft: TrainingDraft) -> TrainingDraft:
        for name in ("title", "trainer", "place"):
            setattr(draft, name, " ".join(str(getattr(draft, name)).split()))
        draft.description = draft.description.strip()
        problems: dict[str, str] = {}
        if not draft.title:
            problems["title"] = "Give the training a title."
        elif len(draft.title) > 200:
            problems["title"] = "At most 200 characters."
        if len(draft.trainer) > 120:
            problems["trainer"] = "At most 120 characters."
        if len(draft.place) > 200:
            problems["place"] = "At most 200 characters."
        if not 0.5 <= draft.completion_share <= 1.0:
            problems["completion_share"] = "Attendance needed to complete: from 50% to 100% of the days."
        days = [on for on, _ in draft.days]
        if not days:
            problems["days"] = "Add the training's days."
        elif len(set(days)) < len(days):
            twice = sorted({on for on in days if days.count(on) > 1})
            problems["days"] = f"{twice[0]:%d/%m/%Y} is listed twice."
        elif any(not 0 < hours <= 12 for _, hours in draft.days):
            problems["days"] = "Each day lasts more than 0 and at most 12 hours."
        if problems:
            raise ValidationError(problems)
        draft.days = sorted(draft.days)
        return draft

    def create(self, draft: TrainingDraft) -> str:
        actor = self._worker()
        self._clean(draft)
        with self._db.unit_of_work() as uow:
            session = uow.session
            site = read_setting(session, SITE_CODE, DEFAULT_SITE)
            year = draft.days[0][0].year
            number = int(next_code(session, site, year, "training").rsplit("-", 1)[1])
            row = Training(
                code=prefixed_code("training", site, year, number), created_by=actor.user_id, updated_by=actor.user_id
            )
            self._apply(row, draft)
            session.add(row)
            session.flush()
            for on, hours in draft.days:
                session.add(TrainingDay(training_id=row.id, held_on=on, hours=hours, created_by=actor.user_id))
            refresh_training(session, row)
            record_event(
                session,
                actor,
                AuditAction.CREATE,
                "training",
                row.id,
                summary=f"training {row.code} {row.title}",
                diff=_snapshot(row, draft.days),
            )
            uow.commit()
            return row.id

    def update(self, training_id: str, draft: TrainingDraft) -> None:
        """Change the training; a day that has attendance marked cannot be removed."""
        actor = self._worker()
        self._clean(draft)
        with self._db.unit_of_work() as uow:
            session = uow.session
            row = live_training(session, training_id)
            days = live_days(session, training_id)
            before = _snapshot(row, [(d.held_on, d.hours) for d in days])
            wanted = dict(draft.days)
            for day in days:
                if day.held_on not in wanted:
                    living = [e.id for e in live_enrolments(session, training_id)]
                    marked = session.scalar(
                        select(func.count()).where(
                            TrainingAttendance.day_id == day.id, TrainingAttendance.enrolment_id.in_(living)
                        )
                    )
                    if marked:
                        raise ValidationError(
                            {"days": f"{day.held_on:%d/%m/%Y} has attendance marked: clear it before removing the day."}
                        )
                    day.deleted_at = utcnow()
                    day.updated_by = actor.user_id
                else:
                    day.hours = wanted.pop(day.held_on)
            for on, hours in wanted.items():
                session.add(TrainingDay(training_id=row.id, held_on=on, hours=hours, created_by=actor.user_id))
            self._apply(row, draft)
            changes = diff_snapshots(before, _snapshot(row, draft.days))
            if not changes:
                return
            row.updated_by = actor.user_id
            refresh_training(session, row)
            record_event(
                session,
                actor,
                AuditAction.UPDATE,
                "training",
                row.id,
                summary=f"changed training {row.code}: {', '.join(sorted(changes))}",
                diff=changes,
            )
            uow.commit()

    def delete(self, training_id: str) -> None:
        """Coordinators and administrators only: a training holds its trainees' attendance."""
        actor = require(self._actor(), SUPERVISORS, "Only a coordinator or an administrator can delete a training.")
        with self._db.unit_of_work() as uow:
            row = live_training(uow.session, training_id)
            soft_delete(uow.session, actor, "training", row, f"deleted {row.code}")
            uow.commit()

    @staticmethod
    def _apply(row: Training, draft: TrainingDraft) -> None:
        row.title = draft.title
        row.theme = draft.theme.value
        row.trainer = draft.trainer
        row.place = draft.place
        row.completion_share = draft.completion_share
        row.description = draft.description
