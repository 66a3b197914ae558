"""The demo's follow-up (issue #4): sessions, cases, referrals and jobs stored exactly as the services store them."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from sqlalchemy import select

from hubdesk.db.base import Base
from hubdesk.db.database import Database, open_database
from hubdesk.db.models import (
    AuditEvent,
    Beneficiary,
    CaseStatusChange,
    CodeCounter,
    GuidanceSession,
    JobOutcome,
    Partner,
    PartnerContact,
    Referral,
    ReferralStatusChange,
)
from hubdesk.domain.enums import CaseStatus, CloseReason, PartnerType, ReferralFailure, ReferralStatus
from hubdesk.domain.local_time import local_day
from hubdesk.domain.partner_seed import TANGIER_PARTNERS
from hubdesk.domain.workflow import CASE_STEPS, REFERRAL_STEPS
from hubdesk.services.demo import DEMO_PASSWORD, generate_demo
from hubdesk.services.demo.follow_up_partners import EMPLOYERS
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import ReferralQuery

TODAY = date(2026, 11, 20)  # a Friday
SEED = 2026
SIZE = 200
REFERRAL_CODE = re.compile(r"^REF-TNG-(\d{4})-(\d{4})$")
RECENT = timedelta(days=30)  # a missed follow-up stays due this long at most


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(tmp_path_factory.mktemp("demo_follow_up"))
    generate_demo(database, size=SIZE, seed=SEED, today=TODAY)
    yield database
    database.close()


@pytest.fixture(scope="module")
def hub(demo: Database) -> Iterator[Services]:
    services = Services(demo, lambda: TODAY)
    services.login("admin", DEMO_PASSWORD)
    yield services


def _rows(database: Database, model: type[Base]) -> list[object]:
    with database.unit_of_work() as uow:
        rows = list(uow.session.scalars(select(model)))
        uow.session.expunge_all()
        return rows


def _referrals(database: Database) -> list[Referral]:
    return [row for row in _rows(database, Referral) if isinstance(row, Referral)]


def test_every_person_has_sessions_and_the_volumes_are_those_of_a_real_centre(demo: Database) -> None:
    people = {p.id: p for p in _rows(demo, Beneficiary) if isinstance(p, Beneficiary)}
    sessions = [s for s in _rows(demo, GuidanceSession) if isinstance(s, GuidanceSession)]
    jobs = [j for j in _rows(demo, JobOutcome) if isinstance(j, JobOutcome)]
    referrals = _referrals(demo)
    per_person = Counter(s.beneficiary_id for s in sessions)
    assert set(per_person) == set(people)
    assert 4 <= len(sessions) / len(people) <= 6.5
    assert 0.8 <= len(referrals) / len(people) <= 1.3
    assert 0.08 <= len({j.beneficiary_id for j in jobs}) / len(people) <= 0.18
    assert any(j.referral_id for j in jobs) and any(j.referral_id is None for j in jobs)
    assert any(s.confidential for s in sessions)
    assert {s.session_type for s in sessions} >= {"first_reception", "orientation", "job_search", "follow_up"}
    assert {s.mode for s in sessions} == {"in_person", "phone", "remote", "group"}
    for session in sessions:
        registered = people[session.beneficiary_id].registered_on
        assert registered <= local_day(session.held_at) < TODAY
        assert session.duration_minutes is None or 1 <= session.duration_minutes <= 480
    # people who declined the follow-up keep sessions with no notes, actions or follow-up (GuidanceService)
    declined = {p.id for p in people.values() if "follow_up" not in p.consent_purposes.split()}
    assert declined
    for session in sessions:
        if session.beneficiary_id in declined:
            assert (session.notes, session.agreed_actions, session.next_follow_up) == ("", "", None)


def test_every_referral_status_and_every_failure_reason_occurs(demo: Database) -> None:
    referrals = _referrals(demo)
    assert {r.status for r in referrals} == {status.value for status in ReferralStatus}
    failed = {r.failure_reason for r in referrals if r.status == "completed" and r.successful is False}
    assert failed == {failure.value for failure in ReferralFailure}
    assert any(r.status == "completed" and r.successful for r in referrals)
    assert any(r.consent_override_reason for r in referrals)


def test_referral_codes_are_unique_numbered_in_order_and_the_counter_continues_after_them(demo: Database) -> None:
    referrals = _referrals(demo)
    with demo.unit_of_work() as uow:
        counters = {
            c.year: c.last_value
            for c in uow.session.scalars(
                select(CodeCounter).where(CodeCounter.kind == "referral", CodeCounter.site == "TNG")
            )
        }
    assert len({r.code for r in referrals}) == len(referrals)
    numbers: dict[int, list[tuple[int, date]]] = defaultdict(list)
    for referral in referrals:
        match = REFERRAL_CODE.match(referral.code)
        assert match, referral.code
        assert int(match[1]) == referral.referred_on.year
        numbers[int(match[1])].append((int(match[2]), referral.referred_on))
    assert counters == {year: max(n for n, _ in found) for year, found in numbers.items()}
    for found in numbers.values():
        found.sort()
        assert [n for n, _ in found] == list(range(1, len(found) + 1))  # no gap
        days = [day for _, day in found]
        assert days == sorted(days)  # handed out in the order the referrals were made


def test_every_referral_went_through_the_workflow_step_by_step(demo: Database) -> None:
    referrals = {r.id: r for r in _referrals(demo)}
    steps: dict[str, list[ReferralStatusChange]] = defaultdict(list)
    for step in _rows(demo, ReferralStatusChange):
        assert isinstance(step, ReferralStatusChange)
        steps[step.referral_id].append(step)
    assert set(steps) == set(referrals)
    for referral_id, referral in referrals.items():
        path = sorted(steps[referral_id], key=lambda s: (s.changed_on, s.created_at))
        assert path[0].status == "draft" and path[0].changed_on == referral.referred_on
        for before, after in pairwise(path):
            assert ReferralStatus(after.status) in REFERRAL_STEPS[ReferralStatus(before.status)]
            assert before.changed_on <= after.changed_on <= TODAY
        assert referral.status == path[-1].status
        assert referral.status_on == path[-1].changed_on  # the day of the last step
        by_status = {s.status: s.changed_on for s in path}
        assert referral.sent_on == by_status.get("sent")
        answered = by_status.get("accepted") or by_status.get("rejected")
        assert referral.answered_on == answered
        if answered is not None:
            assert referral.feedback_days == (answered - by_status["sent"]).days
        else:
            assert referral.feedback_days is None
        finished = referral.status in ("completed", "rejected", "cancelled")
        assert referral.closed_on == (referral.status_on if finished else None)
        if referral.status == "completed":
            assert referral.successful is not None
            assert (referral.failure_reason is None) == referral.successful
        elif referral.status == "rejected":
            assert referral.successful is False
        else:
            assert referral.successful is None and referral.failure_reason is None
        notes = [s.note for s in path if s.note]
        assert referral.feedback_note == "\n".join(notes)


def test_only_the_latest_session_of_an_open_case_holds_a_follow_up(demo: Database) -> None:
    people = {p.id: p for p in _rows(demo, Beneficiary) if isinstance(p, Beneficiary)}
    sessions: dict[str, list[GuidanceSession]] = defaultdict(list)
    for session in _rows(demo, GuidanceSession):
        assert isinstance(session, GuidanceSession)
        sessions[session.beneficiary_id].append(session)
    due_count = 0
    for person_id, held in sessions.items():
        held.sort(key=lambda s: s.held_at)
        latest = held[-1]
        for earlier in held[:-1]:
            assert earlier.follow_up_due is None
        if people[person_id].case_status == CaseStatus.CLOSED.value:
            assert latest.follow_up_due is None
            continue
        # what GuidanceService keeps (refresh_follow_up): the next follow-up agreed at the latest session
        assert latest.follow_up_due == latest.next_follow_up
        if latest.follow_up_due is not None:
            due_count += 1
            assert latest.follow_up_due >= TODAY - RECENT  # still to come, or missed not long ago
    assert due_count > 0


def test_case_statuses_follow_their_history(demo: Database) -> None:
    people = [p for p in _rows(demo, Beneficiary) if isinstance(p, Beneficiary)]
    changes: dict[str, list[CaseStatusChange]] = defaultdict(list)
    for change in _rows(demo, CaseStatusChange):
        assert isinstance(change, CaseStatusChange)
        changes[change.beneficiary_id].append(change)
    statuses = Counter(p.case_status for p in people)
    assert statuses[CaseStatus.ACTIVE.value] > len(people) / 2  # most cases are active
    assert set(statuses) == {status.value for status in CaseStatus}
    reasons = {c.reason for history in changes.values() for c in history if c.status == "closed"}
    assert reasons == {reason.value for reason in CloseReason}
    for person in people:
        history = sorted(changes.get(person.id, []), key=lambda c: (c.changed_on, c.created_at))
        if not history:
            assert (person.case_status, person.case_status_on) == ("active", None)
            continue
        current = CaseStatus.ACTIVE
        for change in history:
            assert CaseStatus(change.status) in CASE_STEPS[current]
            assert (change.reason is not None) == (change.status == "closed")
            current = CaseStatus(change.status)
        assert person.case_status == history[-1].status
        assert person.case_status_on == history[-1].changed_on
        assert person.registered_on <= history[0].changed_on and history[-1].changed_on <= TODAY


def test_the_partners_of_the_migration_are_used_and_demo_employers_added(demo: Database) -> None:
    partners = {p.id: p for p in _rows(demo, Partner) if isinstance(p, Partner)}
    names = {p.name for p in partners.values()}
    assert names == {seed.name for seed in TANGIER_PARTNERS} | {employer.name for employer in EMPLOYERS}
    assert sum(p.partner_type == PartnerType.EMPLOYER.value for p in partners.values()) == len(EMPLOYERS)
    used = Counter(partners[r.partner_id].name for r in _referrals(demo))
    assert used.most_common(1)[0][0].startswith("ANAPEC")
    contacts = [c for c in _rows(demo, PartnerContact) if isinstance(c, PartnerContact)]
    assert {c.partner_id for c in contacts} == set(partners)


def test_each_creation_and_step_is_audited_as_the_services_do(demo: Database) -> None:
    events = [e for e in _rows(demo, AuditEvent) if isinstance(e, AuditEvent)]
    kinds = Counter((e.entity, e.action) for e in events)
    counts = {model: len(_rows(demo, model)) for model in (GuidanceSession, Referral, JobOutcome, CaseStatusChange)}
    steps = len(_rows(demo, ReferralStatusChange))
    assert kinds["guidance_session", "create"] == counts[GuidanceSession]
    assert kinds["referral", "create"] == counts[Referral]
    assert kinds["referral", "update"] == steps - counts[Referral]  # every step after the draft
    assert kinds["job_outcome", "create"] == counts[JobOutcome]
    assert kinds["case", "update"] == counts[CaseStatusChange]
    assert kinds["partner", "create"] == len(EMPLOYERS)
    for event in events:
        if event.entity in ("guidance_session", "referral", "job_outcome", "case", "partner"):
            # what record_event writes: json.dumps(sort_keys=True, ensure_ascii=False)
            assert event.diff == json.dumps(json.loads(event.diff), ensure_ascii=False, sort_keys=True)
    session = next(e for e in events if e.entity == "guidance_session")
    assert set(json.loads(session.diff)) == {
        "held_at", "session_type", "mode", "duration_minutes", "counsellor_id", "topics", "notes", "confidential",
        "agreed_actions", "next_follow_up",
    }  # fmt: skip
    assert json.loads(session.diff)["notes"].endswith(" characters")  # never the text of the notes


def test_the_services_read_the_demo(hub: Services, demo: Database) -> None:
    referrals = _referrals(demo)
    jobs = [j for j in _rows(demo, JobOutcome) if isinstance(j, JobOutcome)]
    people = {p.id: p for p in _rows(demo, Beneficiary) if isinstance(p, Beneficiary)}
    closed = next(p for p in people.values() if p.case_status == "closed")
    for person_id in {referrals[0].beneficiary_id, referrals[-1].beneficiary_id, jobs[0].beneficiary_id, closed.id}:
        assert hub.beneficiaries.get(person_id).code == people[person_id].code
        follow_up = hub.person_follow_up.follow_up(person_id)
        assert follow_up.sessions and follow_up.sessions[-1].session_type.value == "first_reception"
        assert follow_up.case.status.value == people[person_id].case_status
        for referral in follow_up.referrals:
            assert referral.steps[0].status is ReferralStatus.DRAFT
    assert hub.person_follow_up.follow_up(jobs[0].beneficiary_id).jobs
    agenda = hub.follow_up.agenda(mine=False)
    assert agenda.overdue and agenda.today and agenda.this_week and agenda.awaiting
    assert all(item.due == TODAY for item in agenda.today)
    counts = hub.follow_up.agenda_counts(mine=False)
    assert counts.today == len(agenda.today) and counts.awaiting == len(agenda.awaiting)
    figures = hub.follow_up.partner_figures()
    assert figures and any(f.median_feedback_days is not None for f in figures)
    assert hub.follow_up.referral_count(ReferralQuery()) == len(referrals)
    page = hub.follow_up.referral_page(ReferralQuery(), 0, 50)
    assert [row.referred_on for row in page] == sorted((row.referred_on for row in page), reverse=True)


@pytest.mark.parametrize("username", ["amina", "youssef", "fatou"])
def test_each_counsellor_has_follow_ups_overdue_today_and_this_week(demo: Database, username: str) -> None:
    services = Services(demo, lambda: TODAY)
    services.login(username, DEMO_PASSWORD)
    agenda = services.follow_up.agenda(mine=True)
    assert agenda.overdue and agenda.today and agenda.this_week


def _dump(folder: Path, size: int) -> list[tuple[object, ...]]:
    """The follow-up of a demo, partner ids replaced by names (the migration draws those at random)."""
    database = open_database(folder)
    try:
        generate_demo(database, size=size, seed=SEED, today=TODAY)
        with database.unit_of_work() as uow:
            partners = dict(uow.session.execute(select(Partner.id, Partner.name)).all())
            dump: list[tuple[object, ...]] = []
            for model in (
                GuidanceSession,
                CaseStatusChange,
                Referral,
                ReferralStatusChange,
                JobOutcome,
                PartnerContact,
            ):
                table = Base.metadata.tables[model.__tablename__]
                for row in uow.session.execute(select(table).order_by(*table.primary_key.columns)):
                    dump.append(tuple(partners.get(value, value) if isinstance(value, str) else value for value in row))
            return dump
    finally:
        database.close()


def test_the_same_seed_gives_the_same_follow_up(tmp_path: Path) -> None:
    first = _dump(tmp_path / "a", 60)
    assert first == _dump(tmp_path / "b", 60)
    assert len(first) > 300
