"""The follow-up's table rows and audit events, exactly as the guidance, referral and job services write them."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, NamedTuple

from hubdesk.domain.enums import AuditAction, CaseStatus, CloseReason, ReferralStatus, SessionMode, SessionType
from hubdesk.services.demo.bulk import _Rows, _Values
from hubdesk.services.demo.draws import _Random
from hubdesk.services.demo.follow_up_partners import DemoPartner


@dataclass(slots=True)
class SessionPlan:
    day: date  # local day
    at: datetime  # UTC start
    session_type: SessionType
    mode: SessionMode
    duration: int | None
    counsellor: str
    next_follow_up: date | None = None
    actions: list[str] = field(default_factory=list)
    note: str = ""  # what the counsellor wrote, when not drawn from the usual notes


@dataclass(slots=True)
class CaseStep:
    status: CaseStatus
    reason: CloseReason | None
    day: date
    at: datetime
    note: str
    by: str


@dataclass(slots=True)
class ReferralPlan:
    """A referral while it is invented (see StoredReferral for how it is kept until it is written)."""

    person_id: str
    counsellor: str
    partner: DemoPartner
    service: str
    reason: str
    priority: str
    channel: str
    contact: str
    override: str
    #: (status, day, moment, note), the draft first
    steps: list[tuple[ReferralStatus, date, datetime, str]]
    serial: int  # its place in the order referrals were made
    successful: bool | None = None
    failure: str | None = None

    def stored(self, partner: int) -> StoredReferral:
        steps = tuple((status.value, on, at, note) for status, on, at, note in self.steps)
        return StoredReferral(
            self.steps[0][1], self.steps[0][2], self.serial, self.person_id, self.counsellor, partner, self.service,
            self.reason, self.priority, self.channel, self.contact, self.override, steps, self.successful,
            self.failure,
        )  # fmt: skip


class StoredReferral(NamedTuple):
    """A referral made, kept until every person is made as a plain tuple of plain values, which the
    garbage collector stops following (a 100,000-person demo keeps 100,000 of them)."""

    referred_on: date
    created: datetime
    serial: int
    person_id: str
    counsellor: str
    partner: int  # its place in the list of partners
    service: str
    reason: str
    priority: str
    channel: str
    contact: str
    override: str
    steps: tuple[tuple[str, date, datetime, str], ...]  # (status, day, moment, note)
    successful: bool | None
    failure: str | None


class JobPlan(NamedTuple):
    person_id: str
    counsellor: str
    employer: str
    sector: str | None
    title: str
    contract: str
    start: date
    at: datetime
    referral: int | None  # the index of the referral that led to it
    note: str


#: as record_event writes a diff (its ``default=str`` is never needed: dates are given as ISO text here)
_json = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
_encode_text = json.encoder.encode_basestring  # a JSON string, as json.dumps(ensure_ascii=False) writes it
_JSON_FLAG = {False: "false", True: "true"}
_CREATE = AuditAction.CREATE.value
_DRAFT = ReferralStatus.DRAFT.value
_SENT = ReferralStatus.SENT.value
_REJECTED = ReferralStatus.REJECTED.value
_COMPLETED = ReferralStatus.COMPLETED.value
_ANSWERS = (ReferralStatus.ACCEPTED.value, _REJECTED)
_CLOSING = (_COMPLETED, _REJECTED, ReferralStatus.CANCELLED.value)
_UPDATE = AuditAction.UPDATE.value


def _json_day(day: date | None) -> str:
    return f'"{day.isoformat()}"' if day is not None else "null"


def _fast_moment(moment: datetime) -> str:
    """An aware UTC moment as SQLite's DATETIME column stores it (what its bind processor gives)."""
    return moment.replace(tzinfo=None).isoformat(" ", "microseconds")


def _same_moments(processor: Callable[[Any], Any]) -> bool:
    """Whether _fast_moment gives exactly what the dialect's own conversion gives (else that one is used)."""
    samples = (datetime(2026, 3, 1, 9, 5, 7, tzinfo=UTC), datetime(2024, 12, 31, 23, 59, 0, 120, tzinfo=UTC))
    return all(processor(moment) == _fast_moment(moment) for moment in samples)


class AscendingIds:
    """Random-looking version 4 UUIDs handed out in ascending order, as the people's ids are: each table's
    primary key index then grows at its end instead of everywhere, which keeps a large demo fast."""

    def __init__(self, rng: _Random, expected: int) -> None:
        self.rng = rng
        self.high = 0  # the 60 bits before the variant: ascending by a random step
        self.step = 2 * (1 << 60) // max(expected, 1000)  # the mean step spreads ``expected`` ids over the space

    def __call__(self) -> str:
        self.high += 1 + int(self.rng.random() * self.step)
        high = self.high
        if high >> 60:
            raise RuntimeError("the demo handed out more ids than it planned")
        # 122 random bits around the version (4) and the variant (binary 10), in the order of ``high``
        head = f"{high:015x}"
        tail = f"{self.rng.getrandbits(62) | _VARIANT:016x}"
        return f"{head[:8]}-{head[8:12]}-4{head[12:]}-{tail[:4]}-{tail[4:]}"


_VARIANT = 0x2 << 62


class RowWriter:
    """Turns the plans into stored rows (values converted as the columns store them) and audit events."""

    def __init__(self, ids: AscendingIds, values: _Values, usernames: dict[str, str]) -> None:
        self.new_id = ids
        self.moment = _fast_moment if _same_moments(values.moment) else values.moment
        self.store_day = values.day
        self.flag = values.flag
        self.days: dict[date | None, Any] = {}
        self.usernames = usernames

    def day(self, value: date | None) -> Any:
        stored = self.days.get(value, self)
        if stored is self:
            stored = self.days[value] = self.store_day(value)
        return stored

    def event(
        self,
        rows: _Rows,
        at: Any,
        user_id: str,
        action: str,
        entity: str,
        entity_id: str,
        person_id: str,
        summary: str,
        diff: str,
    ) -> None:
        rows.events.append(
            {
                "id": self.new_id(),
                "at": at,
                "user_id": user_id,
                "username": self.usernames.get(user_id, "system"),
                "action": action,
                "entity": entity,
                "entity_id": entity_id,
                "beneficiary_id": person_id,
                "summary": summary[:300],
                "diff": diff,
            }
        )

    def session(
        self,
        rows: _Rows,
        person_id: str,
        plan: SessionPlan,
        topics: str,
        notes: str,
        confidential: bool,
        due: date | None,
    ) -> None:
        session_id = self.new_id()
        held = self.moment(plan.at)
        recorded = self.moment(plan.at + timedelta(minutes=(plan.duration or 30) + 5))
        actions = ". ".join(plan.actions) + ("." if plan.actions else "")
        by = plan.counsellor
        rows.sessions.append(
            {
                "id": session_id,
                "created_at": recorded,
                "updated_at": recorded,
                "created_by": by,
                "updated_by": by,
                "deleted_at": None,
                "beneficiary_id": person_id,
                "held_at": held,
                "duration_minutes": plan.duration,
                "counsellor_id": by,
                "session_type": plan.session_type,
                "mode": plan.mode,
                "topics": topics,
                "notes": notes,
                "confidential": self.flag(confidential),
                "agreed_actions": actions,
                "next_follow_up": self.day(plan.next_follow_up),
                "follow_up_due": self.day(due),
            }
        )
        # the diff GuidanceService._snapshot gives record_event, as json.dumps(sort_keys=True) writes it
        diff = (
            f'{{"agreed_actions": "{len(actions)} characters", "confidential": {_JSON_FLAG[confidential]}, '
            f'"counsellor_id": "{by}", "duration_minutes": {plan.duration or "null"}, '
            f'"held_at": "{plan.at.isoformat()}", "mode": "{plan.mode}", '
            f'"next_follow_up": {_json_day(plan.next_follow_up)}, "notes": "{len(notes)} characters", '
            f'"session_type": "{plan.session_type}", "topics": {_encode_text(topics)}}}'
        )
        summary = f"session {plan.session_type} ({plan.mode})"
        self.event(rows, recorded, by, _CREATE, "guidance_session", session_id, person_id, summary, diff)

    def case(self, rows: _Rows, person_id: str, steps: list[CaseStep]) -> None:
        current = CaseStatus.ACTIVE
        for step in steps:
            at = self.moment(step.at)
            reason = step.reason.value if step.reason else None
            rows.case_changes.append(
                {
                    "id": self.new_id(),
                    "created_at": at,
                    "updated_at": at,
                    "created_by": step.by,
                    "updated_by": step.by,
                    "deleted_at": None,
                    "beneficiary_id": person_id,
                    "status": step.status.value,
                    "reason": reason,
                    "note": step.note,
                    "changed_on": self.day(step.day),
                }
            )
            summary = f"case {current.value} -> {step.status.value}" + (f" ({reason})" if reason else "")
            diff = {
                "case_status": [current.value, step.status.value],
                "reason": [None, reason],
                "changed_on": [None, step.day.isoformat()],
                "note": [None, step.note],
            }
            self.event(rows, at, step.by, _UPDATE, "case", person_id, person_id, summary, _json(diff))
            current = step.status

    def referral(self, rows: _Rows, plan: StoredReferral, partner: DemoPartner, code: str) -> str:
        """The rows of a referral, its steps and their events; returns its id."""
        referral_id = self.new_id()
        by = plan.counsellor
        steps = plan.steps
        status, status_on, last_at, _ = steps[-1]
        sent_on = answered_on = closed_on = None
        notes = []
        for step, on, _, note in steps:
            if step == _SENT:
                sent_on = on
            elif step in _ANSWERS and answered_on is None:
                answered_on = on
            if note:
                notes.append(note)
        if status in _CLOSING:
            closed_on = status_on
        feedback = (answered_on - sent_on).days if answered_on is not None and sent_on is not None else None
        created = self.moment(plan.created)
        rows.referrals.append(
            {
                "id": referral_id,
                "created_at": created,
                "updated_at": self.moment(last_at),
                "created_by": by,
                "updated_by": by,
                "deleted_at": None,
                "code": code,
                "beneficiary_id": plan.person_id,
                "partner_id": partner.id,
                "counsellor_id": by,
                "service": plan.service,
                "reason": plan.reason,
                "priority": plan.priority,
                "channel": plan.channel,
                "contact_person": plan.contact,
                "status": status,
                "status_on": self.day(status_on),
                "referred_on": self.day(plan.referred_on),
                "sent_on": self.day(sent_on),
                "answered_on": self.day(answered_on),
                "feedback_days": feedback,
                "closed_on": self.day(closed_on),
                "successful": None if plan.successful is None else self.flag(plan.successful),
                "failure_reason": plan.failure,
                "feedback_note": "\n".join(notes),
                "consent_override_reason": plan.override,
                "consent_override_by": by if plan.override else None,
            }
        )
        summary = f"referral {code} to {partner.name}" + (
            " (consent overridden by a coordinator)" if plan.override else ""
        )
        diff: dict[str, Any] = {
            "partner": partner.name,
            "service": plan.service,
            "priority": plan.priority,
            "channel": plan.channel,
            "consent_override": plan.override,
        }
        person_id = plan.person_id
        self.event(rows, created, by, _CREATE, "referral", referral_id, person_id, summary, _json(diff))
        previous = _DRAFT
        for index, (step, on, at, note) in enumerate(steps):
            moment = created if index == 0 else self.moment(at)
            rows.referral_steps.append(
                {
                    "id": self.new_id(),
                    "created_at": moment,
                    "updated_at": moment,
                    "created_by": by,
                    "updated_by": by,
                    "deleted_at": None,
                    "referral_id": referral_id,
                    "status": step,
                    "changed_on": self.day(on),
                    "note": note,
                }
            )
            if index == 0:
                continue
            detail = ""
            if step == _COMPLETED:
                detail = " (successful)" if plan.successful else f" (not successful: {plan.failure or ''})"
            elif step == _REJECTED and plan.failure:
                detail = f" ({plan.failure})"
            summary = f"referral {code}: {previous} -> {step}{detail}"
            step_diff = f'{{"on": [null, "{on.isoformat()}"], "status": ["{previous}", "{step}"]}}'
            self.event(rows, moment, by, _UPDATE, "referral", referral_id, person_id, summary, step_diff)
            previous = step
        return referral_id

    def job(self, rows: _Rows, plan: JobPlan, referral_ids: list[str]) -> None:
        referral_id = referral_ids[plan.referral] if plan.referral is not None else None
        job_id = self.new_id()
        at = self.moment(plan.at)
        rows.jobs.append(
            {
                "id": job_id,
                "created_at": at,
                "updated_at": at,
                "created_by": plan.counsellor,
                "updated_by": plan.counsellor,
                "deleted_at": None,
                "beneficiary_id": plan.person_id,
                "employer": plan.employer,
                "sector": plan.sector,
                "job_title": plan.title,
                "contract_type": plan.contract,
                "start_date": self.day(plan.start),
                "referral_id": referral_id,
                "note": plan.note,
            }
        )
        snapshot = {
            "employer": plan.employer,
            "sector": plan.sector,
            "job_title": plan.title,
            "contract_type": plan.contract,
            "start_date": plan.start.isoformat(),
            "referral_id": referral_id,
            "note": plan.note,
        }
        summary = f"job at {plan.employer} ({plan.contract}) from {plan.start:%d/%m/%Y}"
        by = plan.counsellor
        self.event(rows, at, by, _CREATE, "job_outcome", job_id, plan.person_id, summary, _json(snapshot))
