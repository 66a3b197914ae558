"""Counting the donors' indicators over a period, each with its breakdowns (issue #6).

Each indicator is first reduced to what it counts: the people (each once), or the events with the
person they concern (a referral, a certificate), or projects and trainings. The breakdowns are then
read from the people's records in one query, so every breakdown sums to its indicator's total.
Deleted people are left out; people merged into another record count as that record.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, select
from sqlalchemy.orm import Session

from hubdesk.db.database import Database
from hubdesk.db.models import (
    AutoEntrepreneur,
    Beneficiary,
    GuidanceSession,
    IssuedDocument,
    JobOutcome,
    Partner,
    Referral,
    SupportAction,
    Training,
    TrainingDay,
    TrainingEnrolment,
    Venture,
    VentureMember,
)
from hubdesk.domain.entrepreneurship import completed
from hubdesk.domain.enums import DocumentKind, ReferralStatus, VentureKind
from hubdesk.domain.indicators import INDICATORS, Disaggregation, Period, age_band, status_group
from hubdesk.domain.local_time import day_end_utc, day_start_utc
from hubdesk.services.training_rows import attended_days

#: nationalities shown by name in a breakdown; the rest are counted together as "other"
TOP_NATIONALITIES = 5
OTHER = "other"


@dataclass(frozen=True)
class IndicatorCount:
    """An indicator over a period: its total, its breakdowns (value -> count) and its own split (``by``)."""

    id: str
    total: int
    breakdown: dict[Disaggregation, dict[str, int]] = field(default_factory=dict)
    by: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class _Person:
    sex: str
    age_band: str
    status_group: str
    nationality: str
    disability: str
    site: str


def _in(column: Any, period: Period) -> ColumnElement[bool]:
    """``column`` on a day of the period, both ends included."""
    result: ColumnElement[bool] = column.between(period.start, period.end)
    return result


def _people(session: Session, ids: Iterable[str], period: Period) -> dict[str, _Person]:
    wanted = list(set(ids))
    people: dict[str, _Person] = {}
    for start in range(0, len(wanted), 900):  # SQLite's limit on bound parameters
        for row in session.execute(
            select(
                Beneficiary.id,
                Beneficiary.sex,
                Beneficiary.birth_date,
                Beneficiary.birth_year,
                Beneficiary.migration_status,
                Beneficiary.nationality,
                Beneficiary.has_disability,
                Beneficiary.site,
            ).where(Beneficiary.id.in_(wanted[start : start + 900]), Beneficiary.deleted_at.is_(None))
        ):
            people[row.id] = _Person(
                sex=row.sex,
                age_band=age_band(row.birth_date, row.birth_year, period.end).value,
                status_group=status_group(row.migration_status).value,
                nationality=row.nationality or OTHER,
                disability="yes" if row.has_disability else "no",
                site=row.site,
            )
    return people


def _breakdown(subjects: list[str], people: dict[str, _Person]) -> dict[Disaggregation, dict[str, int]]:
    """Each disaggregation of the counted units (one person id per unit, repeated for events)."""
    units = [people[s] for s in subjects if s in people]
    result: dict[Disaggregation, dict[str, int]] = {}
    for axis in Disaggregation:
        counts = Counter(getattr(person, axis.value) for person in units)
        if axis is Disaggregation.NATIONALITY and len(counts) > TOP_NATIONALITIES + 1:
            top = dict(counts.most_common(TOP_NATIONALITIES))
            rest = sum(counts.values()) - sum(top.values())
            top[OTHER] = top.get(OTHER, 0) + rest
            counts = Counter(top)
        result[axis] = dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
    return result


class IndicatorCounts:
    """Every indicator over a period, read in a few queries per indicator."""

    def __init__(self, database: Database, reader: Callable[[], object]) -> None:
        self._db = database
        self._reader = reader

    def count(self, period: Period) -> list[IndicatorCount]:
        self._reader()
        with self._db.unit_of_work() as uow:
            session = uow.session
            units = _Units(session, period)
            subjects = {indicator.id: units.of(indicator.id) for indicator in INDICATORS}
            people = _people(session, {s for ids, _ in subjects.values() for s in ids}, period)
            results = []
            for indicator in INDICATORS:
                ids, by = subjects[indicator.id]
                living = [s for s in ids if s in people] if indicator.disaggregated else ids
                results.append(
                    IndicatorCount(
                        indicator.id,
                        len(living),
                        _breakdown(living, people) if indicator.disaggregated else {},
                        by,
                    )
                )
            return results


class _Units:
    """What each indicator counts over the period: (person ids, or event or project ids; its own split)."""

    def __init__(self, session: Session, period: Period) -> None:
        self._session = session
        self._period = period

    def of(self, indicator_id: str) -> tuple[list[str], dict[str, int]]:
        counted: tuple[list[str], dict[str, int]] = getattr(self, f"_{indicator_id}")()
        return counted

    def _people_of(self, statement: Select[Any]) -> tuple[list[str], dict[str, int]]:
        return sorted(set(self._session.scalars(statement))), {}

    def _counselled(self) -> tuple[list[str], dict[str, int]]:
        return self._people_of(
            select(GuidanceSession.beneficiary_id)
            .distinct()
            .join(Beneficiary, Beneficiary.id == GuidanceSession.beneficiary_id)
            .where(
                GuidanceSession.deleted_at.is_(None),
                GuidanceSession.held_at >= day_start_utc(self._period.start),
                GuidanceSession.held_at < day_end_utc(self._period.end),
                Beneficiary.deleted_at.is_(None),
            )
        )

    def _business_support(self) -> tuple[list[str], dict[str, int]]:
        in_period = and_(SupportAction.deleted_at.is_(None), _in(SupportAction.held_on, self._period))
        direct = select(SupportAction.beneficiary_id).where(in_period, SupportAction.beneficiary_id.is_not(None))
        through_project = (
            select(VentureMember.beneficiary_id)
            .join(SupportAction, SupportAction.venture_id == VentureMember.venture_id)
            .join(Venture, Venture.id == VentureMember.venture_id)
            .where(in_period, VentureMember.deleted_at.is_(None), Venture.deleted_at.is_(None))
        )
        ids = set(self._session.scalars(direct)) | set(self._session.scalars(through_project))
        return sorted(i for i in ids if i is not None), {}

    def _auto_entrepreneur(self) -> tuple[list[str], dict[str, int]]:
        return self._people_of(
            select(AutoEntrepreneur.beneficiary_id).where(
                AutoEntrepreneur.deleted_at.is_(None), _in(AutoEntrepreneur.registered_on, self._period)
            )
        )

    def _created(self, kind: VentureKind) -> tuple[list[str], dict[str, int]]:
        ids = self._session.scalars(
            select(Venture.id).where(
                Venture.deleted_at.is_(None), Venture.kind == kind.value, _in(Venture.created_on, self._period)
            )
        )
        return sorted(ids), {}

    def _collective_startups_created(self) -> tuple[list[str], dict[str, int]]:
        return self._created(VentureKind.COLLECTIVE)

    def _individual_businesses_created(self) -> tuple[list[str], dict[str, int]]:
        return self._created(VentureKind.INDIVIDUAL)

    def _referrals(self, condition: ColumnElement[bool]) -> tuple[list[str], dict[str, int]]:
        rows = self._session.execute(
            select(Referral.beneficiary_id, Partner.name)
            .join(Partner, Partner.id == Referral.partner_id)
            .where(Referral.deleted_at.is_(None), condition)
        ).all()
        by = Counter(name for _, name in rows)
        return [person for person, _ in rows], dict(sorted(by.items(), key=lambda item: (-item[1], item[0])))

    def _referrals_made(self) -> tuple[list[str], dict[str, int]]:
        made = ~Referral.status.in_([ReferralStatus.DRAFT.value, ReferralStatus.CANCELLED.value])
        return self._referrals(and_(made, _in(Referral.referred_on, self._period)))

    def _referrals_with_feedback(self) -> tuple[list[str], dict[str, int]]:
        return self._referrals(_in(Referral.answered_on, self._period))

    def _referrals_successful(self) -> tuple[list[str], dict[str, int]]:
        return self._referrals(and_(Referral.successful.is_(True), _in(Referral.closed_on, self._period)))

    def _jobs_started(self) -> tuple[list[str], dict[str, int]]:
        rows = set(
            self._session.execute(
                select(JobOutcome.beneficiary_id, JobOutcome.contract_type).where(
                    JobOutcome.deleted_at.is_(None), _in(JobOutcome.start_date, self._period)
                )
            ).all()
        )
        by = Counter(contract for _, contract in rows)  # a person who started two kinds of job counts in each
        return sorted({person for person, _ in rows}), dict(sorted(by.items()))

    def _trainings_held(self) -> tuple[list[str], dict[str, int]]:
        ids = self._session.scalars(
            select(TrainingDay.training_id)
            .distinct()
            .join(Training, Training.id == TrainingDay.training_id)
            .where(
                TrainingDay.deleted_at.is_(None), Training.deleted_at.is_(None), _in(TrainingDay.held_on, self._period)
            )
        )
        return sorted(ids), {}

    def _training_completed(self) -> tuple[list[str], dict[str, int]]:
        rows = self._session.execute(
            select(TrainingEnrolment, Training.day_count, Training.completion_share)
            .join(Training, Training.id == TrainingEnrolment.training_id)
            .where(
                TrainingEnrolment.deleted_at.is_(None),
                Training.deleted_at.is_(None),
                _in(Training.last_day, self._period),
            )
        ).all()
        attended = attended_days(self._session, [enrolment.id for enrolment, _, _ in rows])
        ids = {
            enrolment.beneficiary_id
            for enrolment, days, share in rows
            if enrolment.exception_reason or completed(attended.get(enrolment.id, 0), days, share)
        }
        return sorted(ids), {}

    def _certificates_issued(self) -> tuple[list[str], dict[str, int]]:
        people = self._session.scalars(
            select(IssuedDocument.beneficiary_id).where(
                IssuedDocument.kind == DocumentKind.CERTIFICATE.value,
                IssuedDocument.cancelled_at.is_(None),
                IssuedDocument.deleted_at.is_(None),
                _in(IssuedDocument.issued_on, self._period),
            )
        )
        return [person for person in people if person is not None], {}

    def _new_registrations(self) -> tuple[list[str], dict[str, int]]:
        return self._people_of(
            select(Beneficiary.id).where(Beneficiary.deleted_at.is_(None), _in(Beneficiary.registered_on, self._period))
        )
