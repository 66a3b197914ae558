"""The demo's entrepreneurship support (issue #5): projects, support actions, auto-entrepreneurs and trainings stored
as the services store them, on the small demo and on the large demo's generator scaled down."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import TypeVar

import pytest
from sqlalchemy import select

from hubdesk.db.base import Base
from hubdesk.db.database import Database, open_database
from hubdesk.db.models import (
    AuditEvent,
    AutoEntrepreneur,
    Beneficiary,
    CodeCounter,
    FinancingLine,
    RevenueFollowUp,
    SupportAction,
    Training,
    TrainingAttendance,
    TrainingDay,
    TrainingEnrolment,
    Venture,
    VentureMember,
    VentureStageChange,
)
from hubdesk.domain.entrepreneurship import ENDS, next_stages
from hubdesk.domain.enums import (
    AutoEntrepreneurStatus,
    FinancingKind,
    MemberRole,
    TrainingTheme,
    VentureKind,
    VentureStage,
)
from hubdesk.services.auto_entrepreneurs import eligibility_on
from hubdesk.services.demo import DEMO_PASSWORD, generate_demo
from hubdesk.services.demo.entrepreneurship import LARGE, SHOWCASE, volumes
from hubdesk.services.facade import Services
from hubdesk.services.venture_readmodels import MemberDraft, TrainingDraft, VentureDraft, VentureQuery

TODAY = date(2026, 11, 20)  # a Friday
SEED = 2026
SIZE = 300
M = TypeVar("M", bound=Base)
CODE = re.compile(r"^(PRJ|TRN)-TNG-(\d{4})-(\d{4})$")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(tmp_path_factory.mktemp("demo_entrepreneurship"))
    generate_demo(database, size=SIZE, seed=SEED, today=TODAY)
    yield database
    database.close()


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """The large demo's generator with a small size: a project for 3 people, a training for 20."""
    database = open_database(tmp_path_factory.mktemp("demo_entrepreneurship_large"))
    generate_demo(database, size=450, seed=SEED + 1, today=TODAY, projects=150, trainings=22)
    yield database
    database.close()


def _rows(database: Database, model: type[M]) -> list[M]:
    with database.unit_of_work() as uow:
        rows = list(uow.session.scalars(select(model)))
        uow.session.expunge_all()
        return rows


# --- what every demo keeps, small or large ------------------------------------------------------------


def _check_projects(database: Database) -> None:
    ventures = _rows(database, Venture)
    people = {p.id: p for p in _rows(database, Beneficiary)}
    members: dict[str, list[VentureMember]] = defaultdict(list)
    for member in _rows(database, VentureMember):
        members[member.venture_id].append(member)
    steps: dict[str, list[VentureStageChange]] = defaultdict(list)
    for step in _rows(database, VentureStageChange):
        steps[step.venture_id].append(step)
    for venture in ventures:
        crew = members[venture.id]
        assert crew, venture.code
        assert len({m.beneficiary_id for m in crew}) == len(crew)
        assert all(people[m.beneficiary_id].registered_on <= venture.started_on for m in crew)
        assert all("follow_up" in people[m.beneficiary_id].consent_purposes.split() for m in crew)
        assert Counter(m.role for m in crew)[MemberRole.FOUNDER.value] >= 1
        if venture.kind == VentureKind.INDIVIDUAL:
            assert len(crew) == 1
        elif venture.created_on is not None:
            assert len(crew) >= 2, venture.code
        history = sorted(steps[venture.id], key=lambda s: (s.changed_on, s.created_at))
        assert history[0].stage == VentureStage.IDEA and history[0].changed_on == venture.started_on
        for before, after in pairwise(history):
            assert VentureStage(after.stage) in next_stages(VentureStage(before.stage)), venture.code
            assert before.changed_on <= after.changed_on <= TODAY
        assert (history[-1].stage, history[-1].changed_on) == (venture.stage, venture.stage_on)
        reached = {s.stage for s in history}
        created = reached & {"created", "operating"}
        assert (venture.created_on is not None) == bool(created), venture.code
        assert (venture.ended_on is not None) == (VentureStage(venture.stage) in ENDS)
        assert (venture.legal_form == "none_yet") == (not created)
        assert venture.jobs_created == 0 or created
        if venture.kind == VentureKind.COLLECTIVE:
            assert venture.legal_form != "auto_entrepreneur"
    for line in _rows(database, FinancingLine):
        venture = next(v for v in ventures if v.id == line.venture_id)
        assert venture.started_on <= line.requested_on <= TODAY
        assert line.requested_mad > 0
        if line.decided_on is None:
            assert line.obtained_mad is None
        else:
            assert line.requested_on <= line.decided_on <= TODAY and line.obtained_mad is not None
            assert 0 <= line.obtained_mad <= line.requested_mad
    for revenue in _rows(database, RevenueFollowUp):
        venture = next(v for v in ventures if v.id == revenue.venture_id)
        assert venture.created_on is not None and venture.created_on <= revenue.period_start
        assert revenue.period_start < revenue.period_end < TODAY and revenue.revenue_mad > 0
    for action in _rows(database, SupportAction):
        assert (action.venture_id is None) != (action.beneficiary_id is None)
        assert action.held_on <= TODAY and 0 < action.hours <= 24
        if action.venture_id is not None:
            assert next(v for v in ventures if v.id == action.venture_id).started_on <= action.held_on


def _check_auto_entrepreneurs(database: Database) -> list[AutoEntrepreneur]:
    people = {p.id: p for p in _rows(database, Beneficiary)}
    records = _rows(database, AutoEntrepreneur)
    assert records
    for record in records:
        person = people[record.beneficiary_id]
        for day in (record.applied_on, record.registered_on, TODAY):
            if day is not None:
                assert eligibility_on(person, day) == "", (person.code, person.migration_status)
        assert person.registered_on <= record.applied_on <= TODAY
        if record.status == AutoEntrepreneurStatus.APPLIED:
            assert record.registered_on is None and not record.register_number and not record.ice
        else:
            assert record.registered_on is not None and record.applied_on <= record.registered_on
            assert record.register_number and re.fullmatch(r"\d{15}", record.ice)
            assert re.fullmatch(r"\d{6,10}", record.tax_id)
            for later in (record.card_received_on, record.cnss_registered_on, record.lapsed_on):
                assert later is None or record.registered_on <= later <= TODAY
        assert (record.lapsed_on is not None) == (record.status == AutoEntrepreneurStatus.LAPSED)
    return records


def _check_trainings(database: Database) -> dict[str, tuple[int, int]]:
    """Checks the trainings; returns (completed, enrolled) per training already over."""
    people = {p.id: p for p in _rows(database, Beneficiary)}
    days: dict[str, list[TrainingDay]] = defaultdict(list)
    for day in _rows(database, TrainingDay):
        days[day.training_id].append(day)
    enrolments: dict[str, list[TrainingEnrolment]] = defaultdict(list)
    for enrolment in _rows(database, TrainingEnrolment):
        enrolments[enrolment.training_id].append(enrolment)
    attended = Counter(a.enrolment_id for a in _rows(database, TrainingAttendance))
    day_of = {day.id: day for day in _rows(database, TrainingDay)}
    for mark in _rows(database, TrainingAttendance):
        assert day_of[mark.day_id].held_on < TODAY
    over: dict[str, tuple[int, int]] = {}
    for training in _rows(database, Training):
        held = sorted(d.held_on for d in days[training.id])
        assert 1 <= len(held) <= 5
        assert (training.first_day, training.last_day, training.day_count) == (held[0], held[-1], len(held))
        trainees = enrolments[training.id]
        assert training.enrolled_count == len(trainees) == len({e.beneficiary_id for e in trainees})
        for enrolment in trainees:
            assert people[enrolment.beneficiary_id].registered_on <= enrolment.enrolled_on <= held[0]
            assert enrolment.enrolled_on <= TODAY
            assert attended[enrolment.id] <= len(held)
        if held[-1] < TODAY:
            needed = training.completion_share * len(held) - 1e-9
            over[training.code] = (sum(attended[e.id] >= needed for e in trainees), len(trainees))
    return over


def _check_codes(database: Database) -> None:
    with database.unit_of_work() as uow:
        counters = {
            (c.kind, c.year): c.last_value
            for c in uow.session.scalars(select(CodeCounter).where(CodeCounter.kind.in_(("venture", "training"))))
        }
    numbers: dict[tuple[str, int], list[int]] = defaultdict(list)
    dated: list[tuple[str, str, date | None]] = [("venture", v.code, v.started_on) for v in _rows(database, Venture)]
    dated += [("training", t.code, t.first_day) for t in _rows(database, Training)]
    for kind, code, first in dated:
        match = CODE.match(code)
        assert match, code
        year = int(match.group(2))
        assert first is not None and first.year == year
        numbers[(kind, year)].append(int(match.group(3)))
    assert {key: max(found) for key, found in numbers.items()} == counters
    for found in numbers.values():
        assert sorted(found) == list(range(1, len(found) + 1))


# --- the small demo -------------------------------------------------------------------------------------


def test_the_small_demo_has_projects_at_every_stage_of_both_kinds(demo: Database) -> None:
    ventures = _rows(demo, Venture)
    assert len(ventures) == len(SHOWCASE)
    assert {v.stage for v in ventures} == {stage.value for stage in VentureStage}
    assert {v.kind for v in ventures} == {kind.value for kind in VentureKind}
    collective = [v for v in ventures if v.kind == VentureKind.COLLECTIVE]
    crews = Counter(m.venture_id for m in _rows(demo, VentureMember))
    assert all(3 <= crews[v.id] <= 5 for v in collective)
    assert any(v.created_on is not None for v in collective)
    roles = {m.role for m in _rows(demo, VentureMember)}
    assert roles == {role.value for role in MemberRole}
    _check_projects(demo)


def test_the_small_demo_has_financing_revenue_and_support(demo: Database) -> None:
    lines = _rows(demo, FinancingLine)
    assert {line.kind for line in lines} >= {"honour_loan", "microcredit"}
    assert {line.kind for line in lines} <= {kind.value for kind in FinancingKind}
    assert any(line.obtained_mad for line in lines) and any(line.obtained_mad is None for line in lines)
    running = {v.id: v for v in _rows(demo, Venture) if v.stage in ("operating", "closed")}
    followed = {r.venture_id for r in _rows(demo, RevenueFollowUp)}
    assert followed <= set(running)
    assert any(running[venture_id].stage == "operating" for venture_id in followed)
    actions = _rows(demo, SupportAction)
    assert any(a.venture_id for a in actions) and any(a.beneficiary_id for a in actions)
    assert any(v.jobs_created for v in _rows(demo, Venture))


def test_auto_entrepreneurs_are_only_people_who_may_register(demo: Database) -> None:
    records = _check_auto_entrepreneurs(demo)
    assert 6 <= len(records) <= 10
    assert {r.status for r in records} == {status.value for status in AutoEntrepreneurStatus}
    linked = [r for r in records if r.venture_id]
    assert linked
    forms = {v.id: v.legal_form for v in _rows(demo, Venture)}
    assert all(forms[r.venture_id] == "auto_entrepreneur" for r in linked if r.venture_id)


def test_trainings_have_days_trainees_and_completion_that_varies(demo: Database) -> None:
    trainings = _rows(demo, Training)
    assert 6 <= len(trainings) <= 8
    assert "Créer et gérer son entreprise" in {t.title for t in trainings}
    assert {t.theme for t in trainings} == {theme.value for theme in TrainingTheme}
    assert {t.day_count for t in trainings} >= {1, 5}
    assert all(8 <= t.enrolled_count <= 25 for t in trainings)
    over = _check_trainings(demo)
    assert len(over) >= 4
    done = sum(completed for completed, _ in over.values())
    enrolled = sum(count for _, count in over.values())
    assert done > enrolled / 2  # most complete
    assert any(completed < count for completed, count in over.values())  # some do not
    assert any(e.exception_reason for e in _rows(demo, TrainingEnrolment))


def test_codes_are_numbered_per_year_in_order_and_counted(demo: Database) -> None:
    _check_codes(demo)


def test_the_services_read_the_demo_and_numbering_continues_after_it(tmp_path: Path) -> None:
    database = open_database(tmp_path)
    try:
        generate_demo(database, size=120, seed=SEED, today=TODAY)
        hub = Services(database, lambda: TODAY)
        hub.login("amina", DEMO_PASSWORD)
        counts = hub.pipeline.counts()
        assert sum(counts.values()) == len(_rows(database, Venture)) > 0
        rows = hub.pipeline.page(VentureQuery(), 0, 100)
        assert rows and all(row.members for row in rows)
        venture = hub.ventures.get(rows[0].id)
        assert venture.code == rows[0].code
        last = max(int(v.code[-4:]) for v in _rows(database, Venture) if v.code.startswith("PRJ-TNG-2026-"))
        person = _rows(database, Beneficiary)[0]
        made = hub.ventures.create(VentureDraft(name="Nouveau projet"), [MemberDraft(person.id)], started_on=TODAY)
        assert hub.ventures.get(made).code == f"PRJ-TNG-2026-{last + 1:04d}"
        trainings = [t for t in _rows(database, Training) if t.code.startswith("TRN-TNG-2026-")]
        draft = TrainingDraft(title="Atelier", theme=TrainingTheme.DIGITAL, days=[(TODAY, 3.0)])
        made = hub.trainings.create(draft)
        assert hub.trainings.get(made).code == f"TRN-TNG-2026-{len(trainings) + 1:04d}"
        for training in trainings[:3]:
            info = hub.trainings.get(training.id)
            assert len(info.trainees) == training.enrolled_count
    finally:
        database.close()


def test_the_same_seed_gives_the_same_projects_and_trainings(tmp_path: Path) -> None:
    dumps = []
    for folder in ("a", "b"):
        database = open_database(tmp_path / folder)
        generate_demo(database, size=80, seed=SEED, today=TODAY)
        dumps.append(
            [
                (v.id, v.code, v.name, v.stage, v.stage_on, v.started_on)
                for v in sorted(_rows(database, Venture), key=lambda v: v.code)
            ]
            + [(t.id, t.code, t.title, t.first_day) for t in sorted(_rows(database, Training), key=lambda t: t.code)]
        )
        database.close()
    assert dumps[0] == dumps[1] and dumps[0]


# --- the large demo, scaled down ------------------------------------------------------------------------


def test_the_large_demo_scales_with_the_people() -> None:
    assert volumes(LARGE - 1) == (None, None)
    assert volumes(100_000) == (20_000, 2_000)


def test_the_large_generator_scaled_down_is_consistent(large: Database) -> None:
    ventures = _rows(large, Venture)
    assert len(ventures) == 150
    assert {v.stage for v in ventures} == {stage.value for stage in VentureStage}
    assert 0.15 < sum(v.kind == VentureKind.COLLECTIVE for v in ventures) / len(ventures) < 0.45
    _check_projects(large)
    assert len(_rows(large, SupportAction)) > 2 * len(ventures)
    _check_auto_entrepreneurs(large)
    trainings = _rows(large, Training)
    assert len(trainings) == 22
    over = _check_trainings(large)
    assert sum(done for done, _ in over.values()) > sum(count for _, count in over.values()) / 2
    _check_codes(large)


def test_the_large_demo_audits_what_it_made(large: Database) -> None:
    events = Counter(e.entity for e in _rows(large, AuditEvent) if e.action == "create")
    assert events["venture"] == len(_rows(large, Venture))
    assert events["venture_member"] == len(_rows(large, VentureMember))
    assert events["training"] == len(_rows(large, Training))
    assert events["training_enrolment"] == len(_rows(large, TrainingEnrolment))
    assert events["auto_entrepreneur"] == len(_rows(large, AutoEntrepreneur))
    assert events["support_action"] == len(_rows(large, SupportAction))
    hub = Services(large, lambda: TODAY)
    hub.login("coordination", DEMO_PASSWORD)
    person = next(iter(_rows(large, AutoEntrepreneur))).beneficiary_id
    info = hub.auto_entrepreneurs.get(person)
    assert info.draft is not None and info.eligibility == ""
    assert sum(hub.pipeline.counts(VentureQuery(kind=VentureKind.COLLECTIVE)).values()) > 0
    ids = {e.id for e in _rows(large, AuditEvent)}
    assert len(ids) == len(_rows(large, AuditEvent))
    assert timedelta(0) <= TODAY - max(v.stage_on for v in _rows(large, Venture))
