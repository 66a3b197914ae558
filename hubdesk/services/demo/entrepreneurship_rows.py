"""The demo's entrepreneurship rows (issue #5) as the venture, support, auto-entrepreneur and training services
write them, with their audit events (the words they are made of: ``entrepreneurship_data``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from hubdesk.domain.enums import AuditAction
from hubdesk.services.demo.bulk import _Rows
from hubdesk.services.demo.follow_up_days import Days
from hubdesk.services.demo.follow_up_rows import RowWriter, _json

_CREATE = AuditAction.CREATE.value
_UPDATE = AuditAction.UPDATE.value
_CHUNK = 2000  # projects written per batch (trainings: a tenth)

#: a support action: (kind, held_on, hours, notes, counsellor)
Action = tuple[str, date, float, str, str]


@dataclass(slots=True)
class VenturePlan:
    serial: int
    name: str
    kind: str
    sector: str
    description: str
    legal_form: str
    counsellor: str
    #: (stage, day, note), "idea" first on the day the project started
    steps: list[tuple[str, date, str]]
    #: (person_id, role)
    members: list[tuple[str, str]]
    jobs_created: int = 0
    #: (kind, source, requested, obtained or None, requested_on, decided_on or None, note)
    financing: list[tuple[str, str, int, int | None, date, date | None, str]] = field(default_factory=list)
    #: (period_start, period_end, revenue, jobs)
    revenues: list[tuple[date, date, int, int]] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    id: str = ""
    code: str = ""


@dataclass(slots=True)
class AutoPlan:
    person_id: str
    status: str
    applied_on: date
    registered_on: date | None
    register_number: str
    tax_id: str
    ice: str
    activity: str
    category: str
    card_received_on: date | None
    cnss_registered_on: date | None
    lapsed_on: date | None
    venture: VenturePlan | None
    note: str
    counsellor: str


@dataclass(slots=True)
class TrainingPlan:
    serial: int
    title: str
    theme: str
    description: str
    trainer: str
    place: str
    share: float
    counsellor: str
    days: list[tuple[date, float]]
    #: (person_id, enrolled_on, indexes of the days attended, exception reason)
    trainees: list[tuple[str, date, tuple[int, ...], str]]
    code: str = ""


def expected_ids(ventures: Sequence[VenturePlan], trainings: Sequence[TrainingPlan], others: int) -> int:
    """The ids the records hand out (with their audit events), with room to spare; ``others``: how many
    auto-entrepreneurs and support actions given to a person alone."""
    expected = 2 * sum(
        4 + 2 * (len(v.members) + len(v.steps) + len(v.financing) + len(v.revenues) + len(v.actions)) for v in ventures
    )
    expected += 2 * sum(4 + 2 * len(t.days) + 2 * len(t.trainees) for t in trainings)
    return expected + 4 * others + 1000


class EntrepreneurshipWriter:
    """Turns the plans into stored rows and audit events, as the services write them."""

    def __init__(self, writer: RowWriter, days: Days, coordinator: str) -> None:
        self.w = writer
        self.days = days
        self.coordinator = coordinator

    def batches(
        self,
        ventures: list[VenturePlan],
        trainings: list[TrainingPlan],
        autos: Sequence[AutoPlan],
        actions: Sequence[tuple[Action, str, str]],
    ) -> Iterator[_Rows]:
        """The rows in batches: the projects, then the trainings (each in the order of their codes, which they are
        sorted by), then the auto-entrepreneurs and the ``actions`` given to a person alone (action, person's id and
        code)."""
        ventures.sort(key=lambda v: v.code)
        for start in range(0, len(ventures), _CHUNK):
            rows = _Rows()
            for plan in ventures[start : start + _CHUNK]:
                self.venture(rows, plan)
            yield rows
        trainings.sort(key=lambda t: t.code)
        for start in range(0, len(trainings), _CHUNK // 10):
            rows = _Rows()
            for training in trainings[start : start + _CHUNK // 10]:
                self.training(rows, training)
            yield rows
        rows = _Rows()
        for auto in autos:
            self.auto_entrepreneur(rows, auto)
        for action, person_id, person_code in actions:
            self.action(rows, action, None, person_id, person_code)
        yield rows

    def event(
        self,
        rows: _Rows,
        at: object,
        user_id: str,
        action: str,
        entity: str,
        entity_id: str,
        person_id: str | None,
        summary: str,
        diff: str,
    ) -> None:
        rows.events.append(
            {
                "id": self.w.new_id(), "at": at, "user_id": user_id,
                "username": self.w.usernames.get(user_id, "system"), "action": action, "entity": entity,
                "entity_id": entity_id, "beneficiary_id": person_id,
                "summary": summary[:300], "diff": diff,
            }
        )  # fmt: skip

    def venture(self, rows: _Rows, plan: VenturePlan) -> None:
        w, at = self.w, self.days.at
        venture_id = plan.id = w.new_id()
        started = plan.steps[0][1]
        by = plan.counsellor
        created = w.moment(at(started))
        stage, stage_on, _ = plan.steps[-1]
        created_on = next((on for step, on, _ in plan.steps if step in ("created", "operating")), None)
        ended_on = stage_on if stage in ("closed", "abandoned") else None
        rows.ventures.append(
            {
                "id": venture_id, "created_at": created, "updated_at": w.moment(at(stage_on)), "created_by": by,
                "updated_by": by, "deleted_at": None, "code": plan.code, "name": plan.name, "kind": plan.kind,
                "sector": plan.sector, "description": plan.description, "legal_form": plan.legal_form,
                "stage": stage, "stage_on": w.day(stage_on), "started_on": w.day(started),
                "created_on": w.day(created_on), "ended_on": w.day(ended_on), "jobs_created": plan.jobs_created,
                "counsellor_id": by,
            }
        )  # fmt: skip
        snapshot = {
            "name": plan.name, "kind": plan.kind, "sector": plan.sector, "description": plan.description,
            "legal_form": plan.legal_form, "jobs_created": plan.jobs_created, "counsellor_id": by,
        }  # fmt: skip
        summary = f"project {plan.code} {plan.name} ({plan.kind})"
        self.event(rows, created, by, _CREATE, "venture", venture_id, None, summary, _json(snapshot))
        for person_id, role in plan.members:
            rows.venture_members.append(
                {
                    "id": w.new_id(), "created_at": created, "updated_at": created, "created_by": by,
                    "updated_by": by, "deleted_at": None, "venture_id": venture_id, "beneficiary_id": person_id,
                    "role": role, "joined_on": w.day(started),
                }
            )  # fmt: skip
            summary = f"joined project {plan.code} as {role}"
            self.event(rows, created, by, _CREATE, "venture_member", venture_id, person_id, summary, "{}")
        previous: tuple[str, date] | None = None
        for step, on, note in plan.steps:
            moment = created if previous is None else w.moment(at(on))
            rows.venture_steps.append(
                {
                    "id": w.new_id(), "created_at": moment, "updated_at": moment, "created_by": by,
                    "updated_by": None, "deleted_at": None, "venture_id": venture_id, "stage": step,
                    "changed_on": w.day(on), "note": note,
                }
            )  # fmt: skip
            if previous is not None:
                summary = f"project {plan.code}: {previous[0]} -> {step} on {on:%d/%m/%Y}"
                diff = _json({"stage": [previous[0], step], "stage_on": [previous[1].isoformat(), on.isoformat()]})
                self.event(rows, moment, by, _UPDATE, "venture", venture_id, None, summary, diff)
            previous = (step, on)
        for kind, source, requested, obtained, requested_on, decided_on, note in plan.financing:
            line_id = w.new_id()
            moment = w.moment(at(requested_on))
            rows.financing.append(
                {
                    "id": line_id, "created_at": moment,
                    "updated_at": w.moment(at(decided_on)) if decided_on else moment, "created_by": by,
                    "updated_by": by, "deleted_at": None, "venture_id": venture_id, "kind": kind, "source": source,
                    "requested_mad": requested, "obtained_mad": obtained, "requested_on": w.day(requested_on),
                    "decided_on": w.day(decided_on), "note": note,
                }
            )  # fmt: skip
            snapshot = {
                "kind": kind, "source": source, "requested_mad": requested, "obtained_mad": obtained,
                "requested_on": requested_on.isoformat(), "decided_on": decided_on.isoformat() if decided_on else None,
                "note": note,
            }  # fmt: skip
            summary = f"project {plan.code}: {kind} {requested} MAD requested"
            self.event(rows, moment, by, _CREATE, "financing_line", line_id, None, summary, _json(snapshot))
        for start, end, revenue, jobs in plan.revenues:
            line_id = w.new_id()
            moment = w.moment(at(self.days.workday(end)))
            rows.revenues.append(
                {
                    "id": line_id, "created_at": moment, "updated_at": moment, "created_by": by, "updated_by": by,
                    "deleted_at": None, "venture_id": venture_id, "period_start": w.day(start),
                    "period_end": w.day(end), "revenue_mad": revenue, "jobs": jobs, "note": "",
                }
            )  # fmt: skip
            summary = f"project {plan.code}: {revenue} MAD from {start:%d/%m/%Y} to {end:%d/%m/%Y}"
            self.event(rows, moment, by, _CREATE, "revenue_follow_up", line_id, None, summary, "{}")
        for action in plan.actions:
            self.action(rows, action, venture_id, None, f"project {plan.code}")

    def action(
        self,
        rows: _Rows,
        action: Action,
        venture_id: str | None,
        person_id: str | None,
        subject: str,
    ) -> None:
        w = self.w
        kind, held_on, hours, notes, by = action
        action_id = w.new_id()
        moment = w.moment(self.days.at(held_on))
        rows.support_actions.append(
            {
                "id": action_id, "created_at": moment, "updated_at": moment, "created_by": by, "updated_by": by,
                "deleted_at": None, "venture_id": venture_id, "beneficiary_id": person_id, "kind": kind,
                "held_on": w.day(held_on), "counsellor_id": by, "hours": hours, "notes": notes,
            }
        )  # fmt: skip
        summary = f"{kind} for {subject} on {held_on:%d/%m/%Y}, {hours:g} h"
        snapshot = {"kind": kind, "held_on": held_on.isoformat(), "hours": hours, "counsellor_id": by}
        self.event(rows, moment, by, _CREATE, "support_action", action_id, person_id, summary, _json(snapshot))

    def auto_entrepreneur(self, rows: _Rows, plan: AutoPlan) -> None:
        w = self.w
        row_id = w.new_id()
        by = plan.counsellor
        last = max(d for d in (plan.applied_on, plan.registered_on, plan.card_received_on, plan.cnss_registered_on,
                               plan.lapsed_on) if d is not None)  # fmt: skip
        created = w.moment(self.days.at(plan.applied_on))
        values = {
            "status": plan.status, "applied_on": plan.applied_on, "registered_on": plan.registered_on,
            "register_number": plan.register_number, "tax_id": plan.tax_id, "ice": plan.ice,
            "activity": plan.activity, "category": plan.category, "card_received_on": plan.card_received_on,
            "cnss_registered_on": plan.cnss_registered_on, "lapsed_on": plan.lapsed_on,
            "venture_id": plan.venture.id if plan.venture is not None else None, "note": plan.note,
        }  # fmt: skip
        rows.auto_entrepreneurs.append(
            {
                "id": row_id, "created_at": created, "updated_at": w.moment(self.days.at(last)), "created_by": by,
                "updated_by": by, "deleted_at": None, "beneficiary_id": plan.person_id,
                **{k: w.day(v) if isinstance(v, date) or (v is None and k.endswith("_on")) else v
                   for k, v in values.items()},
            }
        )  # fmt: skip
        summary = f"auto-entrepreneur: {plan.status}" + (
            f", registered on {plan.registered_on:%d/%m/%Y}" if plan.registered_on else ""
        )
        diff = {k: [None, v.isoformat() if isinstance(v, date) else v] for k, v in values.items() if v}
        self.event(rows, created, by, _CREATE, "auto_entrepreneur", row_id, plan.person_id, summary, _json(diff))

    def training(self, rows: _Rows, plan: TrainingPlan) -> None:
        w, at = self.w, self.days.at
        training_id = w.new_id()
        by = plan.counsellor
        first, last = plan.days[0][0], plan.days[-1][0]
        enrolled = min((on for _, on, _, _ in plan.trainees), default=first)
        created = w.moment(at(self.days.workday(min(enrolled, first))))
        rows.trainings.append(
            {
                "id": training_id, "created_at": created, "updated_at": created, "created_by": by,
                "updated_by": by, "deleted_at": None, "code": plan.code, "title": plan.title, "theme": plan.theme,
                "trainer": plan.trainer, "place": plan.place, "completion_share": plan.share,
                "description": plan.description, "first_day": w.day(first), "last_day": w.day(last),
                "day_count": len(plan.days), "enrolled_count": len(plan.trainees),
            }
        )  # fmt: skip
        snapshot = {
            "title": plan.title, "theme": plan.theme, "trainer": plan.trainer, "place": plan.place,
            "completion_share": plan.share, "description": plan.description,
            "days": ", ".join(f"{on:%d/%m/%Y} {hours:g} h" for on, hours in plan.days),
        }  # fmt: skip
        summary = f"training {plan.code} {plan.title}"
        self.event(rows, created, by, _CREATE, "training", training_id, None, summary, _json(snapshot))
        day_ids = []
        for on, hours in plan.days:
            day_ids.append(day_id := w.new_id())
            rows.training_days.append(
                {
                    "id": day_id, "created_at": created, "updated_at": created, "created_by": by, "updated_by": None,
                    "deleted_at": None, "training_id": training_id, "held_on": w.day(on), "hours": hours,
                }
            )  # fmt: skip
        present = [0] * len(plan.days)
        summary = f"enrolled in training {plan.code} {plan.title}"
        for person_id, enrolled_on, attended, exception in plan.trainees:
            enrolment_id = w.new_id()
            moment = w.moment(at(enrolled_on))
            rows.enrolments.append(
                {
                    "id": enrolment_id, "created_at": moment, "updated_at": moment, "created_by": by,
                    "updated_by": self.coordinator if exception else by, "deleted_at": None,
                    "training_id": training_id, "beneficiary_id": person_id, "enrolled_on": w.day(enrolled_on),
                    "exception_reason": exception, "exception_by": self.coordinator if exception else None,
                }
            )  # fmt: skip
            self.event(rows, moment, by, _CREATE, "training_enrolment", training_id, person_id, summary, "{}")
            for index in attended:
                present[index] += 1
                rows.attendance.append({"day_id": day_ids[index], "enrolment_id": enrolment_id, "marked_by": by})
        for index, (on, _) in enumerate(plan.days):
            if not present[index]:
                continue
            moment = w.moment(at(on))
            summary = f"attendance of {plan.code} on {on:%d/%m/%Y}: {present[index]} of {len(plan.trainees)} present"
            diff = f'{{"present": [0, {present[index]}]}}'
            self.event(rows, moment, by, _UPDATE, "training_attendance", training_id, None, summary, diff)
