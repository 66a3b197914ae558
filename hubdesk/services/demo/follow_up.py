"""The demo's follow-up (issue #4): each person's sessions, case, referrals and jobs, from registration to today.

A person's story: a first reception on the day they register, then follow-ups agreed a few weeks
apart and mostly kept, until their plan ends, they stop coming, or today comes. Referrals are made
at sessions and go through the workflow as partners answer; some lead to a job, and the case may be
put on hold, closed with a reason and reopened. Only the latest session of a person may hold a
pending follow-up (still to come, or missed less than a month ago), never on a closed case.

Sessions and cases are written with their person; referrals are kept until every person is made,
then numbered per year in the order they were made (REF-TNG-2026-0001 first) and written with the
jobs. Everything comes from the seed and ``today``, drawn from a stream of its own: the people are
the same with or without their follow-up.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from hubdesk.domain.codes import referral_code
from hubdesk.domain.enums import CaseStatus, CloseReason, Role, SessionMode, SessionType
from hubdesk.services.demo import follow_up_words as words
from hubdesk.services.demo.bulk import _Rows, _Values
from hubdesk.services.demo.draws import _Pick, _Random
from hubdesk.services.demo.follow_up_days import Days
from hubdesk.services.demo.follow_up_partners import set_up_partners
from hubdesk.services.demo.follow_up_referrals import Referrals
from hubdesk.services.demo.follow_up_rows import AscendingIds, CaseStep, JobPlan, RowWriter, SessionPlan, StoredReferral

_RECENT = 30  # days a missed follow-up stays in the agenda before the counsellor closes the case
_CHUNK = 10_000  # referrals written per batch
#: what each member of staff's agenda shows at least, on any demo: (0 today, 1 overdue, 2 this week,
#: number of follow-ups), one of each first
_AGENDA = ((0, 1), (1, 1), (2, 1), (0, 3), (1, 2), (2, 2))
_IDS_PER_PERSON = 32  # ids planned per person, with room to spare (about 20 are handed out)

_T = SessionType
_C = CaseStatus
#: follow-up sessions a person would come to if time allowed (after the first reception)
_PLANNED = _Pick(
    [(0, 10), (1, 12), (2, 12), (3, 11), (4, 10), (5, 9), (6, 8), (7, 6), (8, 5), (10, 5), (12, 3), (15, 3),
     (20, 2), (25, 1)]
)  # fmt: skip
_GAP = _Pick([(7, 15), (10, 10), (14, 25), (21, 20), (28, 15), (35, 8), (42, 7)])  # days to the next follow-up
#: days a kept follow-up comes after the agreed day (none most of the time, early or late otherwise)
_DELAYS: _Pick[tuple[int, int] | None] = _Pick([(None, 70), ((-3, -1), 8), ((1, 7), 14), ((8, 25), 8)])
#: how a finished follow-up ends (no follow-up agreed at the last session)
_ENDINGS = _Pick(
    [(None, 46), (CloseReason.MOVED_AWAY, 14), (CloseReason.OTHER, 8), (CloseReason.UNREACHABLE, 4),
     (_C.ON_HOLD, 12), (CloseReason.DECLINED, 2)]
)  # fmt: skip
_CONFIDENTIAL = {_T.PSYCHOSOCIAL: 0.75, _T.ADMIN_LEGAL: 0.25}


class FollowUpGenerator:
    """Invents the follow-up of each person as they are made, then the numbered referrals and the jobs."""

    def __init__(
        self,
        seed: int,
        today: date,
        users: Sequence[tuple[str, str, Role]],
        values: _Values,
        site: str,
        size: int,
    ) -> None:
        self.rng = _Random(seed * 7919 + 4)  # a stream of its own: the people do not change
        self.today = today
        self.site = site
        self.days = Days(self.rng, today)
        by_name = {username: user_id for user_id, username, _ in users}
        self.staff = [by_name["amina"], by_name["youssef"], by_name["fatou"], by_name["coordination"]]
        self.referrals = Referrals(self.days, by_name["coordination"])
        ids = AscendingIds(self.rng, size * _IDS_PER_PERSON)
        self.writer = RowWriter(ids, values, {user_id: username for user_id, username, _ in users})
        #: the last referral number handed out per year (the CodeCounter rows of kind "referral")
        self.counters: dict[int, int] = {}
        #: per member of staff: follow-ups due today, overdue and this week that were moved there (see _agenda_day)
        self._agenda: dict[str, list[int]] = {}

    def set_up(self, session: Session, admin_id: str, opened: datetime) -> None:
        """The partner directory of the demo (employers and contact people added), in its transaction."""
        self.referrals.use(set_up_partners(session, self.rng, admin_id, opened))

    def workday(self, day: date) -> date:
        return self.days.workday(day)

    def at(self, day: date) -> datetime:
        return self.days.at(day)

    # -- one person -----------------------------------------------------------------------------------

    def person(self, rows: _Rows, registered_on: date, registered_at: datetime) -> None:
        """The follow-up of the person just added to ``rows`` (their beneficiary row is the last one)."""
        rng = self.rng
        row = rows.beneficiaries[-1]
        person_id = row["id"]
        counsellor = row["counsellor_id"]
        purposes = row["consent_purposes"].split()
        first = SessionPlan(
            registered_on,
            registered_at - timedelta(minutes=rng.between(15, 45)),
            _T.FIRST_RECEPTION,
            SessionMode.IN_PERSON,
            5 * rng.between(6, 12),
            counsellor,
        )
        sessions = [first]
        steps: list[CaseStep] = []
        if "follow_up" not in purposes:  # declined the follow-up: only the minimal record is kept
            note = words.CLOSE_NOTES[CloseReason.DECLINED][0]
            steps.append(self._case(_C.CLOSED, CloseReason.DECLINED, registered_on, counsellor, note))
            self._write(rows, row, sessions, steps, minimal=True)
            return
        nationality, status = row["nationality"], row["migration_status"]
        moroccan = nationality == "MA" or status in ("moroccan", "returnee")
        group = "moroccan" if moroccan else ("irregular" if status in ("irregular", "asylum_seeker") else "regular")
        sector = self._sector(rows.skills, person_id)
        in_progress = self._follow(sessions, _PLANNED(rng), counsellor, moroccan)
        referrals = self.referrals.of_person(person_id, sessions, group, "partner_sharing" in purposes)
        jobs = self.referrals.jobs_of(person_id, sessions, referrals, sector, counsellor)
        if not in_progress:
            business = any(plan.successful and plan.partner.business for plan in referrals)
            self._end(sessions, steps, jobs, counsellor, business)
            if steps and steps[-1].status is _C.CLOSED:
                self._reopen(sessions, steps, counsellor, moroccan)
        elif len(sessions) >= 4 and rng.random() < 0.05:
            self._pause(sessions, steps, counsellor)
        self._write(rows, row, sessions, steps)

    def _sector(self, skills: list[dict[str, object]], person_id: str) -> str | None:
        """The sector of the person's first skill (their skills are the last rows of ``skills``)."""
        found: str | None = None
        for skill in reversed(skills):
            if skill["beneficiary_id"] != person_id:
                break
            found = str(skill["sector"])
        return found if found != "other" else None

    def _follow(self, sessions: list[SessionPlan], planned: int, counsellor: str, moroccan: bool) -> bool:
        """Add the sessions kept until ``planned`` more were held or today came; True when the plan goes on."""
        rng = self.rng
        today = self.today
        last = sessions[-1]
        for _ in range(planned):
            agreed = self.workday(last.day + timedelta(days=_GAP(rng) + rng.below(4)))
            last.next_follow_up = None if rng.random() < 0.12 else agreed  # else they simply come back
            spread = _DELAYS(rng)
            delay = rng.between(*spread) if spread else 0
            day = self.workday(max(agreed + timedelta(days=delay), last.day + timedelta(days=1)))
            if day >= today:  # still to come (a follow-up due today has not been held yet)
                return True
            last = self._session(day, counsellor, moroccan)
            sessions.append(last)
        return False

    def _session(self, day: date, counsellor: str, moroccan: bool, kind: SessionType | None = None) -> SessionPlan:
        rng = self.rng
        kind = kind or (words.SESSION_TYPES_MA if moroccan else words.SESSION_TYPES_MIGRANT)(rng)
        mode = words.MODES[kind](rng)
        low, high = words.DURATIONS[mode]
        duration = None if rng.random() < 0.02 else 5 * rng.between(low // 5, high // 5)
        who = counsellor if rng.random() < 0.85 else rng.pick(self.staff)
        return SessionPlan(day, self.at(day), kind, mode, duration, who)

    def _case(self, status: CaseStatus, reason: CloseReason | None, day: date, by: str, note: str = "") -> CaseStep:
        return CaseStep(status, reason, day, self.at(day), note, by)

    def _end(
        self, sessions: list[SessionPlan], steps: list[CaseStep], jobs: list[JobPlan], counsellor: str, business: bool
    ) -> None:
        """How a follow-up that did not reach today ends: a missed follow-up, a job, a closing, a pause."""
        rng = self.rng
        today = self.today
        last = sessions[-1]
        if rng.random() < 0.25:  # a follow-up is agreed, and the person does not come back
            missed = self.workday(last.day + timedelta(days=_GAP(rng)))
            last.next_follow_up = missed
            if missed >= today - timedelta(days=_RECENT):
                return  # still in the agenda
            later = min(today - timedelta(days=1), self.workday(missed + timedelta(days=rng.between(1, _RECENT))))
            if rng.random() < 0.65:  # the counsellor phones: they will come back when they need to
                call = SessionPlan(
                    later, self.at(later), _T.FOLLOW_UP, SessionMode.PHONE, 5 * rng.between(1, 2), counsellor
                )
                call.note = rng.pick(words.RELAUNCH_NOTES)
                sessions.append(call)
            else:
                note = rng.pick(words.CLOSE_NOTES[CloseReason.UNREACHABLE])
                steps.append(self._case(_C.CLOSED, CloseReason.UNREACHABLE, later, counsellor, note))
            return
        job = next((job for job in reversed(jobs) if job.start >= last.day - timedelta(days=14)), None)
        if job is not None and rng.random() < 0.7:
            closing = self.workday(job.start + timedelta(days=rng.between(14, 60)))
            if closing <= today:
                note = rng.pick(words.CLOSE_NOTES[CloseReason.EMPLOYED])
                steps.append(self._case(_C.CLOSED, CloseReason.EMPLOYED, closing, counsellor, note))
            return
        ending = CloseReason.BUSINESS_CREATED if business and rng.random() < 0.6 else _ENDINGS(rng)
        day = self.workday(last.day + timedelta(days=rng.between(7, 90)))
        if ending is None or day > today:
            return
        if ending is _C.ON_HOLD:
            steps.append(self._case(_C.ON_HOLD, None, day, counsellor, rng.pick(words.HOLD_NOTES)))
            return
        assert isinstance(ending, CloseReason)
        steps.append(self._case(_C.CLOSED, ending, day, counsellor, rng.pick(words.CLOSE_NOTES[ending])))

    def _reopen(self, sessions: list[SessionPlan], steps: list[CaseStep], counsellor: str, moroccan: bool) -> None:
        """A few people come back after their case was closed: reopened, and followed again."""
        rng = self.rng
        closed = steps[-1].day
        room = (self.today - closed).days
        if room < 60 or rng.random() >= 0.1:
            return
        day = self.workday(closed + timedelta(days=rng.between(30, min(room - 1, 400))))
        if day >= self.today:
            return
        steps.append(self._case(_C.REOPENED, None, day, counsellor, rng.pick(words.REOPEN_NOTES)))
        sessions.append(self._session(day, counsellor, moroccan, _T.FOLLOW_UP))
        self._follow(sessions, rng.between(0, 4), counsellor, moroccan)

    def _pause(self, sessions: list[SessionPlan], steps: list[CaseStep], counsellor: str) -> None:
        """On hold between two sessions (training elsewhere, illness, a journey), active again when back."""
        rng = self.rng
        index = rng.between(1, len(sessions) - 2)
        before, after = sessions[index], sessions[index + 1]
        hold = self.workday(before.day + timedelta(days=rng.between(1, 5)))
        if hold >= after.day:
            return
        before.next_follow_up = None
        steps.append(self._case(_C.ON_HOLD, None, hold, counsellor, rng.pick(words.HOLD_NOTES)))
        steps.append(self._case(_C.ACTIVE, None, after.day, counsellor, "De retour."))

    # -- rows -----------------------------------------------------------------------------------------

    def _write(
        self,
        rows: _Rows,
        row: dict[str, object],
        sessions: list[SessionPlan],
        steps: list[CaseStep],
        *,
        minimal: bool = False,
    ) -> None:
        """The rows of the person's sessions and case. Only the latest session's follow-up may be due
        (as GuidanceService keeps it): one missed long ago is dropped, as the counsellor would have.
        Without consent to follow-up, sessions keep no notes, actions or follow-up."""
        rng = self.rng
        writer = self.writer
        person_id = str(row["id"])
        closed = bool(steps) and steps[-1].status is _C.CLOSED
        last = sessions[-1]
        if (
            not closed
            and last.next_follow_up is not None
            and last.next_follow_up < self.today - timedelta(days=_RECENT)
        ):
            last.next_follow_up = None
        due = None if closed else last.next_follow_up
        if due is not None and due > self.today:
            due = last.next_follow_up = self._agenda_day(last, due)
        for plan in sessions:
            kind = plan.session_type
            topics = words.TOPICS[kind]
            picked = {rng.pick(topics) for _ in range(1 + rng.below(3))}
            notes = plan.note or (rng.pick(words.NOTES[kind]) if rng.random() < 0.8 and not minimal else "")
            if plan.next_follow_up is not None and not plan.actions and rng.random() < 0.8:
                plan.actions.append(rng.pick(words.ACTIONS[kind]))
            confidential = rng.random() < _CONFIDENTIAL.get(kind, 0.02)
            writer.session(
                rows, person_id, plan, ", ".join(sorted(picked)), notes, confidential, due if plan is last else None
            )
        if steps:
            writer.case(rows, person_id, steps)
            final = steps[-1]
            row["case_status"] = final.status.value
            row["case_status_on"] = writer.day(final.day)
            row["updated_at"] = writer.moment(final.at)
            row["updated_by"] = final.by
        else:
            row["case_status"] = _C.ACTIVE.value
            row["case_status_on"] = None

    def _agenda_day(self, last: SessionPlan, due: date) -> date:
        """``due``, or for the first follow-ups of each member of staff due after the coming week, today, a
        recent day or a day of the week: the agenda of even a small demo then shows each of them a few
        follow-ups due today, overdue and this week."""
        today = self.today
        counts = self._agenda.setdefault(last.counsellor, [0, 0, 0])  # today, overdue, this week
        if due <= today + timedelta(days=7):
            counts[2] += 1
            return due
        days = (today - last.day).days
        for kind, wanted in _AGENDA:  # one of each first, then up to the number wanted
            if counts[kind] >= wanted or (kind < 2 and days < 7):
                continue
            counts[kind] += 1
            if kind == 0:
                return today
            if kind == 1:
                return self.workday(today - timedelta(days=self.rng.between(1, min(7, days - 5))))
            return self.workday(today + timedelta(days=self.rng.between(1, 5)))
        return due

    def later(self) -> Iterator[_Rows]:
        """The referrals, numbered per year in the order they were made, then the jobs (after every person).

        They are written person after person, as they were invented: the indexes by person grow at their end.
        """
        plans = self.referrals.stored
        self.referrals.stored = []
        codes = [""] * len(plans)
        counters = self.counters
        for plan in sorted(plans):  # by day and moment made
            serial = plan[2]
            year = plan[0].year
            number = counters.get(year, 0) + 1
            counters[year] = number
            codes[serial] = referral_code(self.site, year, number)
        referral_ids = [""] * len(plans)
        partners = self.referrals.partners
        for start in range(0, len(plans), _CHUNK):
            rows = _Rows()
            for serial in range(start, min(start + _CHUNK, len(plans))):
                plan = StoredReferral._make(plans[serial])
                referral_ids[serial] = self.writer.referral(rows, plan, partners[plan.partner], codes[serial])
            yield rows
        rows = _Rows()
        for job in self.referrals.jobs:
            self.writer.job(rows, job, referral_ids)
        self.referrals.jobs = []
        yield rows
