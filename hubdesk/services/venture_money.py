"""The money of a business project: financing lines (asked, obtained) and revenue follow-ups once created."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from hubdesk.db.database import Database
from hubdesk.db.models import FinancingLine, RevenueFollowUp, Venture
from hubdesk.domain.errors import NotFound, ValidationError
from hubdesk.services.audit import record_creation, record_update, soft_delete
from hubdesk.services.readmodels import Actor
from hubdesk.services.venture_readmodels import FinancingDraft, RevenueDraft
from hubdesk.services.venture_rows import live_venture

MAX_AMOUNT = 100_000_000  # dirhams: past this, a typing slip


class VentureMoney:
    """Part of ``VentureService``: the checks and the audit of a project's money."""

    _db: Database
    _today: Callable[[], date]

    def _worker(self) -> Actor:
        raise NotImplementedError

    def _clean_financing(self, row: Venture, draft: FinancingDraft) -> FinancingDraft:
        draft.source = " ".join(draft.source.split())
        draft.note = " ".join(draft.note.split())
        problems: dict[str, str] = {}
        if not 0 < draft.requested_mad <= MAX_AMOUNT:
            problems["requested_mad"] = "The amount requested is a positive number of dirhams."
        if draft.obtained_mad is not None and not 0 <= draft.obtained_mad <= MAX_AMOUNT:
            problems["obtained_mad"] = "The amount obtained cannot be negative (0: refused; empty: still awaited)."
        if draft.requested_on > self._today():
            problems["requested_on"] = "A request cannot be made on a day still to come."
        elif draft.requested_on < row.started_on:
            problems["requested_on"] = f"The project started on {row.started_on:%d/%m/%Y}: pick that day or later."
        if draft.decided_on is not None:
            if draft.obtained_mad is None:
                problems["obtained_mad"] = "Give the amount obtained (0 if refused) with the day of the answer."
            if draft.decided_on < draft.requested_on:
                problems["decided_on"] = "The answer comes before the request."
            elif draft.decided_on > self._today():
                problems["decided_on"] = "The answer cannot be dated in the future."
        if len(draft.source) > 120:
            problems["source"] = "At most 120 characters."
        if len(draft.note) > 300:
            problems["note"] = "At most 300 characters."
        if problems:
            raise ValidationError(problems)
        return draft

    def add_financing(self, venture_id: str, draft: FinancingDraft) -> str:
        actor = self._worker()
        with self._db.unit_of_work() as uow:
            row = live_venture(uow.session, venture_id)
            self._clean_financing(row, draft)
            line = FinancingLine(venture_id=row.id, created_by=actor.user_id, updated_by=actor.user_id)
            self._apply_financing(line, draft)
            summary = f"project {row.code}: {draft.kind.value} {draft.requested_mad} MAD requested"
            line_id = record_creation(
                uow.session, actor, "financing_line", line, summary, diff=self._financing_snapshot(line)
            )
            uow.commit()
            return line_id

    def update_financing(self, line_id: str, draft: FinancingDraft) -> None:
        actor = self._worker()
        with self._db.unit_of_work() as uow:
            line = self._line(uow.session, line_id)
            row = live_venture(uow.session, line.venture_id)
            self._clean_financing(row, draft)
            before = self._financing_snapshot(line)
            self._apply_financing(line, draft)
            after = self._financing_snapshot(line)
            if record_update(
                uow.session, actor, "financing_line", line, before, after, f"project {row.code}: financing changed"
            ):
                uow.commit()

    def delete_financing(self, line_id: str) -> None:
        actor = self._worker()
        with self._db.unit_of_work() as uow:
            line = self._line(uow.session, line_id)
            soft_delete(uow.session, actor, "financing_line", line, "financing removed")
            uow.commit()

    @staticmethod
    def _line(session: Session, line_id: str) -> FinancingLine:
        line = session.get(FinancingLine, line_id)
        if line is None or line.deleted_at is not None:
            raise NotFound("This financing line does not exist or was removed.")
        return line

    @staticmethod
    def _apply_financing(line: FinancingLine, draft: FinancingDraft) -> None:
        line.kind = draft.kind.value
        line.source = draft.source
        line.requested_mad = draft.requested_mad
        line.obtained_mad = draft.obtained_mad
        line.requested_on = draft.requested_on
        line.decided_on = draft.decided_on
        line.note = draft.note

    @staticmethod
    def _financing_snapshot(line: FinancingLine) -> dict[str, Any]:
        names = ("kind", "source", "requested_mad", "obtained_mad", "requested_on", "decided_on", "note")
        return {name: getattr(line, name) for name in names}

    def add_revenue(self, venture_id: str, draft: RevenueDraft) -> str:
        """A periodic look at the turnover of a business once it is created."""
        actor = self._worker()
        draft.note = " ".join(draft.note.split())
        with self._db.unit_of_work() as uow:
            row = live_venture(uow.session, venture_id)
            problems: dict[str, str] = {}
            if row.created_on is None:
                problems["period_start"] = "Revenue is followed once the business is created."
            elif draft.period_start < row.created_on:
                problems["period_start"] = (
                    f"The business was created on {row.created_on:%d/%m/%Y}: start then or later."
                )
            elif row.ended_on is not None and draft.period_start > row.ended_on:
                problems["period_start"] = f"The business ended on {row.ended_on:%d/%m/%Y}: the period starts by then."
            if draft.period_end < draft.period_start:
                problems["period_end"] = "The period ends before it starts."
            elif draft.period_end > self._today():
                problems["period_end"] = "Record a period once it is over."
            if not 0 <= draft.revenue_mad <= MAX_AMOUNT:
                problems["revenue_mad"] = "The turnover is a number of dirhams, 0 or more."
            if draft.jobs is not None and not 0 <= draft.jobs <= 10_000:
                problems["jobs"] = "Jobs: a number from 0 to 10,000."
            if len(draft.note) > 300:
                problems["note"] = "At most 300 characters."
            if problems:
                raise ValidationError(problems)
            line = RevenueFollowUp(
                venture_id=row.id,
                period_start=draft.period_start,
                period_end=draft.period_end,
                revenue_mad=draft.revenue_mad,
                jobs=draft.jobs,
                note=draft.note,
                created_by=actor.user_id,
                updated_by=actor.user_id,
            )
            summary = f"project {row.code}: {draft.revenue_mad} MAD from {draft.period_start:%d/%m/%Y}"
            line_id = record_creation(
                uow.session, actor, "revenue_follow_up", line, f"{summary} to {draft.period_end:%d/%m/%Y}"
            )
            uow.commit()
            return line_id

    def delete_revenue(self, revenue_id: str) -> None:
        actor = self._worker()
        with self._db.unit_of_work() as uow:
            line = uow.session.get(RevenueFollowUp, revenue_id)
            if line is None or line.deleted_at is not None:
                raise NotFound("This revenue follow-up does not exist or was removed.")
            soft_delete(uow.session, actor, "revenue_follow_up", line, "revenue removed")
            uow.commit()
