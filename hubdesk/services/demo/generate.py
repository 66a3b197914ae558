"""``generate_demo``: the demo accounts and settings, then the people in batches, in one transaction."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from itertools import chain
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from hubdesk.db.database import Database
from hubdesk.db.models import AuditEvent, Beneficiary, CodeCounter, User
from hubdesk.domain.codes import format_code
from hubdesk.domain.enums import AuditAction, Role
from hubdesk.domain.errors import HubdeskError
from hubdesk.services import settings
from hubdesk.services.accounts import hash_password
from hubdesk.services.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SITE
from hubdesk.services.demo.bulk import _insert_behind, _Rows, _table, _Values
from hubdesk.services.demo.draws import _Pick, _Random, _uuid
from hubdesk.services.demo.entrepreneurship import EntrepreneurshipGenerator, volumes
from hubdesk.services.demo.follow_up import FollowUpGenerator
from hubdesk.services.demo.organisation import set_up_demo_organisation
from hubdesk.services.demo.people import _Generator
from hubdesk.services.demo.tangier import _HOLIDAYS, _HOURS

_CHUNK = 5000  # people generated and inserted per batch
_YEARS = 3  # registrations spread over this many years before ``today``
_LOCAL = ZoneInfo("Africa/Casablanca")


@dataclass(frozen=True)
class DemoSummary:
    beneficiaries: int
    users: int
    seconds: float


def _registrations(rng: _Random, size: int, today: date) -> list[tuple[date, datetime]]:
    """Registration days and times, oldest first: working days of the last three years, busier lately."""
    start = today - timedelta(days=_YEARS * 365 - 1)
    span = (today - start).days or 1
    weights: list[tuple[date, float]] = []
    for offset in range(span + 1):
        day = start + timedelta(days=offset)
        if day.weekday() >= 5 or (day.month, day.day) in _HOLIDAYS:
            continue
        growth = 1.0 + 0.8 * offset / span  # the centre gets better known
        season = 0.5 if day.month == 8 else 1.0  # summer holidays
        weights.append((day, growth * season))
    if not weights:  # cannot happen over three years, but never divide by nothing
        weights = [(today, 1.0)]
    pick_day = _Pick(weights)
    moments = sorted((pick_day(rng), _HOURS(rng), rng.below(60), rng.below(60)) for _ in range(size))
    return [
        (day, datetime.combine(day, clock(hour, minute, second), tzinfo=_LOCAL).astimezone(UTC))
        for day, hour, minute, second in moments
    ]


def _is_empty(session: Session) -> bool:
    users = session.scalar(select(func.count()).select_from(User)) or 0
    people = session.scalar(select(func.count()).select_from(Beneficiary)) or 0
    return users == 0 and people == 0


def _people(
    generator: _Generator,
    plan: list[tuple[date, datetime]],
    person_ids: list[str],
    counters: dict[int, int],
    follow_up: FollowUpGenerator,
    entrepreneurship: EntrepreneurshipGenerator,
) -> Iterator[_Rows]:
    """The rows of the planned people and their follow-up, _CHUNK people at a time; ``counters`` keeps the
    last code number per year."""
    size = len(plan)
    for start in range(0, size, _CHUNK):
        rows = _Rows()
        for index in range(start, min(start + _CHUNK, size)):
            registered_on, at = plan[index]
            year = registered_on.year
            number = counters.get(year, 0) + 1
            counters[year] = number
            code = format_code(DEMO_SITE, year, number)
            generator.person(registered_on, at, code, person_ids[index], rows)
            follow_up.person(rows, registered_on, at)
            entrepreneurship.person(rows, registered_on)
        yield rows


def generate_demo(
    database: Database,
    size: int = 1500,
    seed: int = 2026,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    *,
    projects: int | None = None,
    trainings: int | None = None,
) -> DemoSummary:
    """Fill an empty, freshly migrated database with ``size`` invented people and the demo accounts.

    Everything is derived from ``seed`` and ``today``: the same pair gives the same database (but
    for the password salts). All is written in one transaction: on any error nothing is kept.
    ``progress(done, total)`` is called from the calling thread after each batch of people.
    ``projects`` and ``trainings`` (the entrepreneurship support) default to the hand-picked set of a small
    demo, and to one project per 5 people and one training per 50 from 10,000 people (``entrepreneurship``).
    Raises HubdeskError when the database already holds accounts or people.
    """
    if size < 0:
        raise ValueError("size must not be negative")
    began = time.perf_counter()
    today = today or date.today()
    rng = _Random(seed)
    plan = _registrations(rng, size, today)

    with database.unit_of_work() as uow:
        session = uow.session
        if not _is_empty(session):
            raise HubdeskError("Demo data can only be generated in an empty database.")
        opened = datetime.combine(today - timedelta(days=_YEARS * 365 + 30), clock(8, 30), tzinfo=UTC)
        password_hash = hash_password(DEMO_PASSWORD)  # slow on purpose: hashed once for every account
        users: list[tuple[str, str, Role]] = []
        user_rows: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        admin_id: str | None = None
        for username, full_name, role in DEMO_ACCOUNTS:
            user_id = _uuid(rng)
            users.append((user_id, username, role))
            created = opened + timedelta(minutes=5 * len(user_rows))
            user_rows.append(
                {
                    "id": user_id,
                    "created_at": created,
                    "updated_at": created,
                    "created_by": admin_id,
                    "updated_by": admin_id,
                    "deleted_at": None,
                    "username": username,
                    "full_name": full_name,
                    "role": role.value,
                    "password_hash": password_hash,
                    "active": True,
                    "language": "fr",
                    "last_login_at": None,
                }
            )
            events.append(
                {
                    "id": _uuid(rng),
                    "at": created,
                    "user_id": admin_id,
                    "username": "admin" if admin_id else "system",
                    "action": AuditAction.CREATE.value,
                    "entity": "user_account",
                    "entity_id": user_id,
                    "beneficiary_id": None,
                    "summary": f"account {username} ({role.value})",
                    "diff": json.dumps({"role": role.value, "username": username}, sort_keys=True),
                }
            )
            admin_id = admin_id or user_id
        session.execute(insert(_table(User)), user_rows)
        session.execute(insert(_table(AuditEvent)), events)

        settings.write_setting(session, settings.SITE_CODE, DEMO_SITE)
        set_up_demo_organisation(session, database)
        settings.write_setting(session, settings.DEMO, "1")
        # the log-in screen of a demo lists its accounts
        settings.write_setting(
            session,
            settings.DEMO_ACCOUNTS,
            json.dumps([[u, n, r.value] for u, n, r in DEMO_ACCOUNTS], ensure_ascii=False),
        )
        session.flush()

        connection = session.connection()
        values = _Values(connection.dialect)
        generator = _Generator(rng, users, values)
        follow_up = FollowUpGenerator(seed, today, users, values, DEMO_SITE, size)
        assert admin_id is not None
        scale = volumes(size)
        entrepreneurship = EntrepreneurshipGenerator(
            seed,
            today,
            users,
            values,
            DEMO_SITE,
            scale[0] if projects is None else projects,
            scale[1] if trainings is None else trainings,
        )
        follow_up.set_up(session, admin_id, opened)
        counters: dict[int, int] = {}
        # Random ids handed out in ascending order: the indexes on beneficiary_id (the person's and
        # every child table's) then grow at their end instead of everywhere.
        person_ids = sorted(_uuid(rng) for _ in range(size))
        if progress is not None:
            progress(0, size)
        written = None if progress is None else lambda done: progress(done, size)
        chunks = chain(
            _people(generator, plan, person_ids, counters, follow_up, entrepreneurship),
            follow_up.later(),
            entrepreneurship.later(follow_up.writer.new_id),
        )
        _insert_behind(connection, chunks, written)
        if progress is not None and size:
            progress(size, size)
        codes = [
            ("beneficiary", counters),
            ("referral", follow_up.counters),
            ("venture", entrepreneurship.venture_counters),
            ("training", entrepreneurship.training_counters),
        ]
        if counters:
            session.execute(
                insert(_table(CodeCounter)),
                [
                    {"site": DEMO_SITE, "year": year, "kind": kind, "last_value": last}
                    for kind, numbers in codes
                    for year, last in sorted(numbers.items())
                ],
            )
        uow.commit()
    # The planner's statistics: without them SQLite guesses, and may guess wrong on 100,000 rows.
    database.analyze()
    return DemoSummary(beneficiaries=size, users=len(DEMO_ACCOUNTS), seconds=time.perf_counter() - began)
