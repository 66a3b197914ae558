"""The demo database: complete, reproducible, indexed and validated exactly as the app would store it."""

from __future__ import annotations

import re
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import phonenumbers
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hubdesk.db.base import Base
from hubdesk.db.database import Database, open_database
from hubdesk.db.models import (
    AuditEvent,
    Beneficiary,
    CodeCounter,
    Diploma,
    LanguageSkill,
    MatchKey,
    Phone,
    SearchKey,
    Setting,
    Skill,
    User,
    WorkExperience,
)
from hubdesk.domain.enums import ConsentPurpose, Role
from hubdesk.domain.errors import HubdeskError
from hubdesk.domain.validation import validate_beneficiary
from hubdesk.services import beneficiary_mapping as mapping
from hubdesk.services.accounts import AccountService
from hubdesk.services.beneficiaries import load_beneficiary
from hubdesk.services.demo import (
    DEMO_ACCOUNTS,
    DEMO_ORGANISATION,
    DEMO_PASSWORD,
    DemoSummary,
    demo_accounts,
    generate_demo,
)
from hubdesk.services.duplicates import DuplicateService
from hubdesk.services.organisation import OrganisationService
from hubdesk.services.readmodels import Actor
from hubdesk.services.settings import DEMO, ORGANISATION, SITE_CODE, SettingsService

TODAY = date(2026, 11, 20)
SEED = 2026
SIZE = 300
CODE = re.compile(r"^TNG-(\d{4})-(\d{5})$")
MOROCCAN_MOBILE = re.compile(r"^\+212(6\d|7[067])\d{7}$")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(tmp_path_factory.mktemp("demo"))
    generate_demo(database, size=SIZE, seed=SEED, today=TODAY)
    yield database
    database.close()


def _count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def _generate(folder: Path, seed: int, size: int = 120) -> list[tuple[object, ...]]:
    """Every stored value of a demo database but the password salts, in a stable order."""
    database = open_database(folder)
    try:
        generate_demo(database, size=size, seed=seed, today=TODAY)
        with database.unit_of_work() as uow:
            dump: list[tuple[object, ...]] = []
            for model in (
                Beneficiary, Phone, LanguageSkill, Diploma, Skill, WorkExperience, SearchKey, MatchKey,
                AuditEvent, CodeCounter, Setting,
            ):  # fmt: skip
                table = Base.metadata.tables[model.__tablename__]
                rows = uow.session.execute(select(table).order_by(*table.primary_key.columns))
                dump.extend(tuple(row) for row in rows)
            user = Base.metadata.tables[User.__tablename__]
            columns = [c for c in user.columns if c.key != "password_hash"]  # salted: differs every time
            dump.extend(tuple(row) for row in uow.session.execute(select(*columns).order_by(user.c.id)))
            return dump
    finally:
        database.close()


def test_it_writes_the_people_the_accounts_and_the_settings(demo: Database) -> None:
    with demo.unit_of_work() as uow:
        session = uow.session
        assert _count(session, Beneficiary) == SIZE
        assert _count(session, User) == len(DEMO_ACCOUNTS) == 5
        assert _count(session, Phone) > SIZE * 0.8
        assert _count(session, LanguageSkill) > SIZE
        assert _count(session, Skill) > SIZE * 0.8
        assert _count(session, WorkExperience) > SIZE * 0.5
        assert _count(session, Diploma) > SIZE * 0.3
        settings = {key: value for key, value in session.execute(select(Setting.key, Setting.value))}
    assert settings[SITE_CODE] == "TNG"
    assert settings[ORGANISATION] == DEMO_ORGANISATION
    assert settings[DEMO] == "1"
    assert SettingsService(demo).is_demo()
    assert demo_accounts(demo) == [(u, n, r.value) for u, n, r in DEMO_ACCOUNTS]
    assert demo_accounts(demo)[2] == ("amina", "Amina El Idrissi", "counsellor")


def test_a_demo_account_logs_in_with_the_demo_password(demo: Database) -> None:
    user = AccountService(demo).authenticate("amina", DEMO_PASSWORD)
    assert user.full_name == "Amina El Idrissi"
    assert user.role is Role.COUNSELLOR
    assert AccountService(demo).authenticate("admin", DEMO_PASSWORD).role is Role.ADMINISTRATOR


def test_codes_are_unique_per_year_and_the_counters_continue_after_them(demo: Database) -> None:
    with demo.unit_of_work() as uow:
        rows = uow.session.execute(select(Beneficiary.code, Beneficiary.registered_on)).all()
        counters = {
            (c.site, c.year, c.kind): c.last_value
            for c in uow.session.scalars(select(CodeCounter).where(CodeCounter.kind == "beneficiary"))
        }
    codes = [code for code, _ in rows]
    assert len(set(codes)) == SIZE
    numbers: dict[int, list[int]] = {}
    for code, registered_on in rows:
        match = CODE.match(code)
        assert match, code
        assert int(match[1]) == registered_on.year
        numbers.setdefault(registered_on.year, []).append(int(match[2]))
    # numbered 1..n in each year without gaps, and the next code of the year is n + 1
    for found in numbers.values():
        assert sorted(found) == list(range(1, len(found) + 1))
    assert counters == {("TNG", year, "beneficiary"): len(found) for year, found in numbers.items()}


def test_registrations_cover_the_last_three_years_on_working_days(demo: Database) -> None:
    with demo.unit_of_work() as uow:
        days = list(uow.session.scalars(select(Beneficiary.registered_on)))
        events = list(uow.session.scalars(select(AuditEvent.at).where(AuditEvent.entity == "beneficiary")))
    assert min(days) >= date(2023, 11, 20)
    assert max(days) <= TODAY
    assert all(day.weekday() < 5 for day in days)
    by_year = Counter(day.year for day in days)
    assert by_year[2026] > by_year[2024]  # busier lately
    assert all(8 <= at.hour <= 18 for at in events)  # office hours (UTC)


def test_every_person_is_indexed_exactly_as_the_app_indexes_them(demo: Database) -> None:
    with demo.unit_of_work() as uow:
        session = uow.session
        search: dict[str, set[str]] = {}
        for key, owner in session.execute(select(SearchKey.key, SearchKey.beneficiary_id)):
            search.setdefault(owner, set()).add(key)
        match: dict[str, set[str]] = {}
        for key, owner in session.execute(select(MatchKey.key, MatchKey.beneficiary_id)):
            match.setdefault(owner, set()).add(key)
        for beneficiary_id in session.scalars(select(Beneficiary.id)):
            row = load_beneficiary(session, beneficiary_id)
            draft = mapping.to_draft(row)
            assert search.get(row.id) == mapping.search_keys_for(row.code, draft), row.code
            assert match.get(row.id) == mapping.match_keys_for(draft), row.code
            assert row.sort_name == mapping.sort_name(row.first_name, row.last_name)


def test_every_record_is_what_validation_would_keep(demo: Database) -> None:
    minimal = 0
    with demo.unit_of_work() as uow:
        session = uow.session
        for beneficiary_id in session.scalars(select(Beneficiary.id)):
            row = load_beneficiary(session, beneficiary_id)
            assert uuid.UUID(row.id).version == 4
            draft = mapping.to_draft(row)
            cleaned, errors = validate_beneficiary(draft, TODAY)
            assert errors == {}, (row.code, errors)
            assert cleaned == draft, row.code
            if draft.minimal_only:
                minimal += 1
                assert draft == draft.minimal_record(), row.code
                assert not (row.phones or row.skills or row.languages or row.diplomas or row.experiences)
                assert row.consent_given_on is None and row.consent_purposes == ""
            else:
                assert draft.consent.given_on == draft.registered_on
                assert ConsentPurpose.FOLLOW_UP in draft.consent.purposes
    assert 0.03 * SIZE < minimal < 0.15 * SIZE


def test_every_phone_is_a_valid_number(demo: Database) -> None:
    with demo.unit_of_work() as uow:
        numbers = list(uow.session.scalars(select(Phone.number)))
    assert numbers
    for number in numbers:
        assert phonenumbers.is_valid_number(phonenumbers.parse(number)), number
    moroccan = [n for n in numbers if n.startswith("+212")]
    assert len(moroccan) > 0.9 * len(numbers)
    assert all(MOROCCAN_MOBILE.match(n) for n in moroccan)
    assert len(set(numbers)) < len(numbers) or len(moroccan) < len(numbers)  # foreign numbers too


def test_the_people_look_like_those_the_hub_meets(demo: Database) -> None:
    with demo.unit_of_work() as uow:
        people = uow.session.execute(
            select(
                Beneficiary.nationality,
                Beneficiary.migration_status,
                Beneficiary.sex,
                Beneficiary.arabic_name,
                Beneficiary.registered_on,
                Beneficiary.birth_date,
                Beneficiary.birth_year,
            )
        ).all()
    nationalities = Counter(p.nationality for p in people)
    assert 0.35 * SIZE < nationalities["MA"] < 0.55 * SIZE
    assert {"SN", "GN", "CI", "ML", "CM", "CD"} <= set(nationalities)
    assert 0.3 * SIZE < sum(p.sex == "female" for p in people) < 0.5 * SIZE
    for p in people:
        if p.nationality == "MA":
            assert p.migration_status in ("moroccan", "returnee")
        else:
            assert p.migration_status not in ("moroccan", "returnee")
        if p.nationality in ("SN", "GN", "CI", "CM", "CD", "NG"):
            assert p.arabic_name == ""
        born = p.birth_date.year if p.birth_date else p.birth_year
        assert 16 <= p.registered_on.year - born <= 56
    assert sum(bool(p.arabic_name) for p in people if p.nationality == "MA") > 0.7 * nationalities["MA"]


def test_one_creation_event_per_person_by_their_counsellor(demo: Database) -> None:
    with demo.unit_of_work() as uow:
        session = uow.session
        users = {user_id: name for user_id, name in session.execute(select(User.id, User.username))}
        people = {b.id: b for b in session.scalars(select(Beneficiary))}
        events = list(session.scalars(select(AuditEvent).where(AuditEvent.entity == "beneficiary")))
        assert len(events) == SIZE
        for event in events:
            assert event.beneficiary_id is not None and event.user_id is not None
            person = people[event.beneficiary_id]
            assert event.action == "create"
            assert event.entity_id == person.id
            assert event.summary == f"registered {person.code}"
            assert event.user_id == person.counsellor_id == person.created_by
            assert users[event.user_id] in ("amina", "youssef", "fatou", "coordination")
            assert event.username == users[event.user_id]
            assert event.at.date() == person.registered_on
            assert person.created_at == event.at


def test_a_few_people_were_registered_twice_for_the_duplicate_review(demo: Database) -> None:
    with demo.unit_of_work() as uow:
        coordinator = uow.session.scalar(select(User.id).where(User.username == "coordination"))
    actor = Actor(coordinator, "coordination", Role.COORDINATOR)
    pairs = DuplicateService(demo, lambda: actor, lambda: TODAY).possible_duplicates()
    assert pairs


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data(tmp_path: Path) -> None:
    first = _generate(tmp_path / "one", seed=7)
    again = _generate(tmp_path / "two", seed=7)
    other = _generate(tmp_path / "three", seed=8)
    assert first == again
    assert first != other


def test_progress_is_reported_up_to_the_size(tmp_path: Path) -> None:
    database = open_database(tmp_path)
    seen: list[tuple[int, int]] = []
    try:
        summary = generate_demo(database, size=40, seed=1, today=TODAY, progress=lambda d, t: seen.append((d, t)))
    finally:
        database.close()
    assert isinstance(summary, DemoSummary)
    assert (summary.beneficiaries, summary.users) == (40, 5)
    assert summary.seconds > 0
    assert seen[0] == (0, 40) and seen[-1] == (40, 40)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_it_refuses_a_database_that_is_not_empty(demo: Database, tmp_path: Path) -> None:
    with pytest.raises(HubdeskError):
        generate_demo(demo, size=10, seed=SEED, today=TODAY)
    with demo.unit_of_work() as uow:
        assert _count(uow.session, Beneficiary) == SIZE
    database = open_database(tmp_path)
    try:
        AccountService(database).create_first_administrator("chef", "Chef de site", "a-long-password")
        with pytest.raises(HubdeskError):
            generate_demo(database, size=10, seed=SEED, today=TODAY)
        assert demo_accounts(database) == []  # not a demo database
    finally:
        database.close()


def test_the_demo_prints_with_its_own_organisation_and_logo(demo: Database) -> None:
    profile = OrganisationService(demo, Actor.system).profile()

    assert profile.names["fr"] == DEMO_ORGANISATION
    assert profile.signatory_name
    assert len(profile.logos) == 1
    assert profile.logos[0].is_relative_to(demo.data_dir)
    assert OrganisationService(demo, Actor.system).logo_problems(profile) == {}
