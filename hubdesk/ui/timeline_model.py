"""A person's follow-up as one table: sessions, referrals, jobs and case changes, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from html import escape
from typing import Any

from PySide6.QtCore import QObject, Qt

from hubdesk.domain.local_time import LOCAL_ZONE
from hubdesk.services.guidance_readmodels import CaseChange, JobInfo, PersonFollowUp, ReferralInfo, SessionEntry
from hubdesk.ui import labels
from hubdesk.ui.list_table_model import Index, ListTableModel


class TimelineKind(StrEnum):
    SESSION = "session"
    REFERRAL = "referral"
    JOB = "job"
    CASE = "case"


#: on the same day: a case change above a job, a job above a referral, a referral above a session
_RANK = {TimelineKind.SESSION: 0, TimelineKind.REFERRAL: 1, TimelineKind.JOB: 2, TimelineKind.CASE: 3}

TimelineRecord = SessionEntry | ReferralInfo | JobInfo | CaseChange


@dataclass(frozen=True)
class TimelineItem:
    """One row: what happened on ``day`` (and at ``moment`` for a session, local time)."""

    kind: TimelineKind
    day: date
    record: TimelineRecord
    moment: datetime | None = None

    @property
    def key(self) -> str:
        """Stable across reloads, to keep the selection (case changes have no id of their own)."""
        if isinstance(self.record, CaseChange):
            return f"case:{self.day.isoformat()}:{self.record.status.value}"
        return f"{self.kind.value}:{self.record.id}"

    def _order(self) -> tuple[date, int, str]:
        return self.day, _RANK[self.kind], self.moment.strftime("%H:%M:%S") if self.moment else ""


def timeline_items(follow_up: PersonFollowUp) -> list[TimelineItem]:
    """Every event of the person, newest first."""
    items = [
        TimelineItem(TimelineKind.SESSION, local.date(), s, local)
        for s in follow_up.sessions
        for local in (s.held_at.astimezone(LOCAL_ZONE),)
    ]
    items += [TimelineItem(TimelineKind.REFERRAL, r.referred_on, r) for r in follow_up.referrals]
    items += [TimelineItem(TimelineKind.JOB, j.draft.start_date, j) for j in follow_up.jobs]
    items += [TimelineItem(TimelineKind.CASE, c.changed_on, c) for c in follow_up.case.history]
    # the newest first; Python's sort is stable, so the services' order holds within a tie
    return sorted(items, key=TimelineItem._order, reverse=True)


def lower_first(text: str) -> str:
    """A label used inside a sentence ("By phone" -> "by phone"); scripts without case are left alone."""
    return text[:1].lower() + text[1:]


class TimelineModel(ListTableModel[TimelineItem]):
    """Rows are ``TimelineItem``s, newest first.

    Columns:
        0 Date: the local day (and time, for a session, kept left to right: ``labels.local_time``);
        1 What: "Session — Job search and CV (by phone) · topics" (" · Confidential notes" when the notes are
          hidden from the reader), "Referral REF-… to ANAPEC — Idmaj",
          "Job — Hotel Rif, fixed-term contract", "Case: Closed — Found a job";
        2 Status / next step: a referral's status ("Sent, waiting 23 days" while the partner has not answered),
          a session's next follow-up (", overdue" once past and not held), the referral a job was found
          through ("Found through REF-…"), a case change's note;
        3 By: the counsellor (who changed the case).

    Roles: ``RecordRole`` gives the ``TimelineItem``; ``KindRole`` its kind's value ("session", "referral",
    "job", "case"), for filtering; ToolTipRole on What gives a session's notes, or "Confidential notes".
    """

    #: the row's kind as a string ("session", "referral", "job", "case"), for a filter proxy
    KindRole = Qt.ItemDataRole.UserRole + 2

    #: the columns, in order: Date, What, Status / next step, By
    DATE, WHAT, STATUS, BY = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._headers = (self.tr("Date"), self.tr("What"), self.tr("Status / next step"), self.tr("By"))
        self._today = date.today()

    def set_follow_up(self, follow_up: PersonFollowUp, today: date | None = None) -> None:
        self._today = today or date.today()
        self.set_items(timeline_items(follow_up))

    def row_of(self, key: str) -> int:
        """The row of the item of ``key``; -1 when it is gone."""
        return next((row for row, item in enumerate(self._items) if item.key == key), -1)

    # --- what each column says -----------------------------------------------------------------------

    def display(self, item: TimelineItem, column: int) -> str:
        if column == self.DATE:
            # a session's date and time stay in that order in an Arabic interface
            return labels.local_time(item.moment) if item.moment is not None else labels.short_date(item.day)
        if column == self.WHAT:
            return self.what(item)
        if column == self.STATUS:
            return self.status(item)
        record = item.record
        if isinstance(record, SessionEntry | ReferralInfo):
            return record.counsellor
        if isinstance(record, CaseChange):
            return record.changed_by
        return ""

    def what(self, item: TimelineItem) -> str:
        record = item.record
        if isinstance(record, SessionEntry):
            text = (
                self.tr("Session — %1 (%2)")
                .replace("%1", labels.session_type(record.session_type))
                .replace("%2", lower_first(labels.session_mode(record.mode)))
            )
            if record.notes_hidden:
                text += " · " + self.tr("Confidential notes")
            elif record.topics:
                text += f" · {record.topics}"
            return text
        if isinstance(record, ReferralInfo):
            text = self.tr("Referral %1 to %2").replace("%1", record.code).replace("%2", record.partner)
            return f"{text} — {record.service}" if record.service else text
        if isinstance(record, JobInfo):
            draft = record.draft
            where = f"{draft.employer} ({draft.job_title})" if draft.job_title else draft.employer
            return (
                self.tr("Job — %1, %2")
                .replace("%1", where)
                .replace("%2", lower_first(labels.contract_type(draft.contract_type)))
            )
        text = self.tr("Case: %1").replace("%1", labels.case_status(record.status))
        return f"{text} — {labels.close_reason(record.reason)}" if record.reason else text

    def status(self, item: TimelineItem) -> str:
        record = item.record
        if isinstance(record, SessionEntry):
            if record.next_follow_up is None:
                return ""
            text = self.tr("Next follow-up: %1").replace("%1", labels.short_date(record.next_follow_up))
            if record.follow_up_pending and record.next_follow_up < self._today:
                text += ", " + self.tr("overdue")
            return text
        if isinstance(record, ReferralInfo):
            text = labels.referral_status(record.status)
            days = record.waiting_days(self._today)
            if days is not None:
                text += ", " + self.tr("waiting %n days", "", days)
            return text
        if isinstance(record, JobInfo):
            if record.referral_code:
                return self.tr("Found through %1").replace("%1", record.referral_code)
            return ""
        return record.note

    # --- the item in full (the detail pane) -----------------------------------------------------------

    def describe(self, item: TimelineItem) -> str:
        """The item in full, as rich text (every value escaped)."""
        record = item.record
        if isinstance(record, SessionEntry):
            return self._describe_session(record)
        if isinstance(record, ReferralInfo):
            return self._describe_referral(record)
        if isinstance(record, JobInfo):
            return self._describe_job(record)
        return _html(
            self.what(item),
            [
                (self.tr("On"), labels.short_date(record.changed_on)),
                (self.tr("By"), record.changed_by),
                (self.tr("Note"), record.note),
            ],
        )

    def _describe_session(self, entry: SessionEntry) -> str:
        when = labels.local_time(entry.held_at)
        if entry.duration_minutes:
            when += " · " + self.tr("%n minutes", "", entry.duration_minutes)
        hidden = f"<i>{escape(self.tr('Confidential notes'))}</i>"
        rows: list[tuple[str, str | Markup]] = [
            (self.tr("When"), when),
            (self.tr("Counsellor"), entry.counsellor),
            (self.tr("Topics"), entry.topics),
            (self.tr("Notes"), Markup(hidden) if entry.notes_hidden else entry.notes),
            (self.tr("Agreed actions"), Markup(hidden) if entry.notes_hidden else entry.agreed_actions),
            (self.tr("Next follow-up"), labels.short_date(entry.next_follow_up)),
        ]
        if entry.confidential and not entry.notes_hidden:
            rows.append(
                (
                    self.tr("Confidential notes"),
                    self.tr("Read only by their author, coordinators and administrators."),
                )
            )
        title = (
            self.tr("Session — %1 (%2)")
            .replace("%1", labels.session_type(entry.session_type))
            .replace("%2", lower_first(labels.session_mode(entry.mode)))
        )
        return _html(title, rows)

    def _describe_referral(self, referral: ReferralInfo) -> str:
        steps = "<br>".join(
            escape(
                " — ".join(
                    part
                    for part in (
                        labels.short_date(step.changed_on),
                        labels.referral_status(step.status),
                        step.changed_by,
                        step.note,
                    )
                    if part
                )
            )
            for step in referral.steps
        )
        outcome = ""
        if referral.successful is not None:
            outcome = self.tr("Successful") if referral.successful else self.tr("Not successful")
        rows: list[tuple[str, str | Markup]] = [
            (self.tr("Status"), self.status(TimelineItem(TimelineKind.REFERRAL, referral.referred_on, referral))),
            (self.tr("Partner"), referral.partner),
            (self.tr("Service"), referral.service),
            (self.tr("Priority"), labels.referral_priority(referral.priority)),
            (self.tr("Channel"), labels.referral_channel(referral.channel)),
            (self.tr("Contact person"), referral.contact_person),
            (self.tr("Reason"), referral.reason),
            (self.tr("Steps"), Markup(steps)),
            (self.tr("Outcome"), outcome),
            (self.tr("Why it failed"), labels.referral_failure(referral.failure_reason)),
            (self.tr("Feedback"), referral.feedback_note),
            (self.tr("Counsellor"), referral.counsellor),
            (self.tr("Referred without consent to share, because"), referral.consent_override),
        ]
        return _html(self.tr("Referral %1").replace("%1", referral.code), rows)

    def _describe_job(self, job: JobInfo) -> str:
        draft = job.draft
        return _html(
            self.tr("Job at %1").replace("%1", draft.employer),
            [
                (self.tr("Job title"), draft.job_title),
                (self.tr("Sector"), labels.skill_sector(draft.sector) if draft.sector else ""),
                (self.tr("Contract"), labels.contract_type(draft.contract_type)),
                (self.tr("Started on"), labels.short_date(draft.start_date)),
                (self.tr("Found through referral"), job.referral_code),
                (self.tr("Note"), draft.note),
            ],
        )

    # --- Qt model interface ------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        if role == self.KindRole:
            return item.kind.value
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.WHAT:
            record = item.record
            if isinstance(record, SessionEntry):
                if record.notes_hidden:
                    return self.tr("Confidential notes")
                return _excerpt(record.notes) or self.what(item)
        return super().data(index, role)


class Markup(str):
    """Rich text already escaped (the other values are escaped when put on the page)."""


def _html(title: str, rows: list[tuple[str, str | Markup]]) -> str:
    """A title and the rows that have a value, as label: value lines (multi-line text kept)."""
    lines = [f"<p><b>{escape(title)}</b></p>", "<table cellspacing='2'>"]
    for label, value in rows:
        if not value:
            continue
        text = value if isinstance(value, Markup) else escape(value).replace("\n", "<br>")
        lines.append(
            f"<tr><td valign='top' style='color: gray; padding-right: 8px'>{escape(label)}</td><td>{text}</td></tr>"
        )
    lines.append("</table>")
    return "".join(lines)


def _excerpt(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
