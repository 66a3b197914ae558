"""The demo's referrals: made at sessions, taken through the workflow as partners answer by today, and the
jobs they lead to (or that people find alone)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from hubdesk.domain.enums import ReferralFailure, ReferralStatus, SessionType
from hubdesk.services.demo import follow_up_words as words
from hubdesk.services.demo.draws import _Pick
from hubdesk.services.demo.follow_up_days import Days
from hubdesk.services.demo.follow_up_partners import DemoPartner, partner_picks
from hubdesk.services.demo.follow_up_rows import JobPlan, ReferralPlan, SessionPlan
from hubdesk.services.follow_up_queries import DEFAULT_FEEDBACK_DAYS

_R = ReferralStatus
_REFERRALS = _Pick([(0, 28), (1, 36), (2, 20), (3, 10), (4, 4), (5, 2)])  # per person who agreed to share
_PRIORITY = _Pick([("normal", 78), ("high", 17), ("urgent", 5)])
_CHANNEL = _Pick([("letter", 60), ("email", 28), ("phone", 12)])
_SPREAD = _Pick([(0.3, 8), (0.6, 18), (1.0, 30), (1.4, 20), (2.0, 14), (3.0, 7), (4.5, 3)])  # of answer times
_AGENDA_AWAITING = 2  # referrals of each member of staff left waiting longer than the agenda allows, at least


class Referrals:
    """The referrals and jobs of the people, as they are made; kept until every person is."""

    def __init__(self, days: Days, coordinator: str) -> None:
        self.days = days
        self.rng = days.rng
        self.coordinator = coordinator
        self.partners: list[DemoPartner] = []
        self.picks: dict[str, _Pick[DemoPartner]] = {}
        self.business: _Pick[DemoPartner] | None = None
        self.employers: list[DemoPartner] = []
        self._index: dict[str, int] = {}
        #: StoredReferral values as plain tuples (the garbage collector stops following those, not named tuples)
        self.stored: list[tuple[Any, ...]] = []
        self.jobs: list[JobPlan] = []  # few: a tenth of the people
        self._waiting: dict[str, int] = {}  # referrals left waiting, per member of staff

    def use(self, partners: list[DemoPartner]) -> None:
        self.partners = partners
        self.picks = partner_picks(partners)
        self.business = _Pick([(p, 1.0) for p in partners if p.business])
        self.employers = [p for p in partners if p.employer_sector]
        self._index = {partner.id: index for index, partner in enumerate(partners)}

    def of_person(self, person_id: str, sessions: list[SessionPlan], group: str, sharing: bool) -> list[ReferralPlan]:
        """The referrals of a person who agreed to follow-up, made at their sessions. Without their consent
        to share with partners, a coordinator refers a few of them anyway, and says why."""
        rng = self.rng
        if sharing:
            return [self.refer(person_id, rng.pick(sessions), group, "") for _ in range(_REFERRALS(rng))]
        if rng.random() < 0.06:
            return [self.refer(person_id, rng.pick(sessions), group, rng.pick(words.OVERRIDE_REASONS))]
        return []

    def refer(self, person_id: str, session: SessionPlan, group: str, override: str) -> ReferralPlan:
        rng = self.rng
        if session.session_type is SessionType.BUSINESS_COACHING and self.business is not None and rng.random() < 0.7:
            partner = self.business(rng)
        else:
            partner = self.picks[group](rng)
        by = self.coordinator if override else session.counsellor
        day = session.day
        created = session.at + timedelta(minutes=(session.duration or 30) + rng.between(2, 30))
        plan = ReferralPlan(
            person_id=person_id,
            counsellor=by,
            partner=partner,
            service=rng.pick(partner.services),
            reason=rng.pick(words.EMPLOYER_REASONS if partner.employer_sector else words.REASONS),
            priority=_PRIORITY(rng),
            channel=_CHANNEL(rng),
            contact=rng.pick(partner.contacts) if partner.contacts and rng.random() < 0.5 else "",
            override=override,
            steps=[(_R.DRAFT, day, created, "")],
            serial=len(self.stored),
        )
        self._workflow(plan, created)
        self.stored.append(tuple(plan.stored(self._index[partner.id])))
        if len(session.actions) < 2:
            session.actions.append(f"Se présenter chez {partner.short} avec la lettre d'orientation")
        return plan

    def _workflow(self, plan: ReferralPlan, created: datetime) -> None:
        """The steps a referral went through by today, each dated as the counsellor recorded it."""
        rng = self.rng
        today = self.days.today
        steps = plan.steps
        behaviour = plan.partner.behaviour

        def step(status: ReferralStatus, day: date, note: str = "") -> bool:
            if day > today:
                return False
            previous = steps[-1][2]
            at = self.days.at(day) if day != steps[-1][1] else previous
            steps.append((status, day, max(at, previous + timedelta(minutes=2)), note))
            return True

        day = steps[0][1]
        roll = rng.random()
        if roll < 0.015:
            return  # a draft never sent
        if roll < 0.035:
            step(_R.CANCELLED, self.days.workday(day + timedelta(days=rng.below(7))), words.CANCEL_NOTES[2])
            return
        sent = day if rng.random() < 0.75 else self.days.workday(day + timedelta(days=rng.between(1, 4)))
        if not step(_R.SENT, sent):
            return
        if today - timedelta(days=60) <= sent <= today - timedelta(days=DEFAULT_FEEDBACK_DAYS):
            # each member of staff has a few referrals whose partner has not answered yet
            waiting = self._waiting.get(plan.counsellor, 0)
            if waiting < _AGENDA_AWAITING:
                self._waiting[plan.counsellor] = waiting + 1
                return
        answer = self.days.workday(sent + timedelta(days=max(0, round(behaviour.feedback_days * _SPREAD(rng)))))
        roll = rng.random()
        if roll < 0.07:  # the partner never answers: cancelled after one to three months
            step(_R.CANCELLED, self.days.workday(sent + timedelta(days=rng.between(30, 90))), words.CANCEL_NOTES[0])
            return
        if roll < 0.09:
            step(_R.CANCELLED, self.days.workday(sent + timedelta(days=rng.between(1, 20))), words.CANCEL_NOTES[1])
            return
        if roll < 0.23:
            failure = words.REJECTIONS(rng)
            plan.failure = failure.value if failure else None
            if not step(_R.REJECTED, answer, rng.pick(words.REJECTED_NOTES)):
                plan.failure = None
            else:
                plan.successful = False
            return
        if not step(_R.ACCEPTED, answer, rng.pick(words.ACCEPTED_NOTES)):
            return
        if rng.random() < 0.03:
            step(_R.CANCELLED, self.days.workday(answer + timedelta(days=rng.between(5, 40))), words.CANCEL_NOTES[3])
            return
        low, high = behaviour.duration
        done = self.days.workday(answer + timedelta(days=rng.between(low, high)))
        successful = rng.random() < behaviour.success
        failure = None if successful else words.FAILURES(rng)
        if successful:
            note = rng.pick(words.SUCCESS_NOTES)
        else:
            assert isinstance(failure, ReferralFailure)
            note = words.FAILURE_NOTES[failure] if rng.random() < 0.5 else ""
        if step(_R.COMPLETED, done, note):
            plan.successful = successful
            plan.failure = failure.value if failure else None

    def jobs_of(
        self,
        person_id: str,
        sessions: list[SessionPlan],
        referrals: list[ReferralPlan],
        sector: str | None,
        counsellor: str,
    ) -> list[JobPlan]:
        """Jobs found through a referral that succeeded (employers, ANAPEC), and a few found alone."""
        rng = self.rng
        today = self.days.today
        found: list[JobPlan] = []
        for plan in referrals:
            behaviour = plan.partner.behaviour
            if not plan.successful or rng.random() >= behaviour.job:
                continue
            start = self.days.workday(plan.steps[-1][1] + timedelta(days=rng.below(15)))
            if start > today:
                continue
            employer_sector = plan.partner.employer_sector
            if employer_sector:
                job_sector, employer = employer_sector, plan.partner.name
            else:
                job_sector = sector or words.ANY_SECTOR(rng).value
                employer = self._employer(job_sector)
            found.append(self._job(person_id, counsellor, job_sector, employer, start, plan))
        if len(sessions) >= 2 and rng.random() < 0.05:
            first, last = sessions[1].day, min(today, sessions[-1].day + timedelta(days=60))
            start = self.days.workday(first + timedelta(days=rng.below(max(1, (last - first).days))))
            if start <= today:
                job_sector = sector or words.ANY_SECTOR(rng).value
                found.append(self._job(person_id, counsellor, job_sector, self._employer(job_sector), start, None))
        found.sort(key=lambda job: job.start)
        self.jobs.extend(found)
        return found

    def _employer(self, sector: str) -> str:
        rng = self.rng
        own = [p.name for p in self.employers if p.employer_sector == sector]
        others = words.OTHER_EMPLOYERS.get(words.SkillSector(sector), ())
        return rng.pick(own) if own and rng.random() < 0.5 else rng.pick(others or ("Employeur particulier",))

    def _job(
        self, person_id: str, counsellor: str, sector: str, employer: str, start: date, plan: ReferralPlan | None
    ) -> JobPlan:
        rng = self.rng
        titles, contracts = words.JOBS[words.SkillSector(sector)]
        contract = contracts(rng).value
        if plan is not None and plan.partner.short == "ANAPEC" and rng.random() < 0.6:
            contract = "idmaj"
        recorded = min(self.days.today, self.days.workday(start + timedelta(days=rng.below(10))))
        return JobPlan(
            person_id=person_id,
            counsellor=counsellor,
            employer=employer,
            sector=sector,
            title=rng.pick(titles),
            contract=contract,
            start=start,
            at=self.days.at(recorded),
            referral=plan.serial if plan is not None else None,
            note=rng.pick(words.JOB_NOTES),
        )
