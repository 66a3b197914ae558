"""The donors' indicators: every one defined in three languages, ages banded at the period's end, periods
closed at both ends."""

from __future__ import annotations

import re
from datetime import date

import pytest

from hubdesk.domain.enums import MigrationStatus
from hubdesk.domain.indicators import (
    BY_ID,
    INDICATORS,
    LABELS,
    AgeBand,
    Disaggregation,
    Indicator,
    Period,
    StatusGroup,
    Unit,
    age_band,
    label,
    status_group,
)

ARABIC = re.compile(r"[\u0600-\u06ff]")
LATIN = re.compile(r"[A-Za-z]")


def test_the_issue_s_indicators_are_all_defined_once() -> None:
    assert [i.id for i in INDICATORS] == [
        "counselled",
        "business_support",
        "auto_entrepreneur",
        "collective_startups_created",
        "individual_businesses_created",
        "referrals_made",
        "referrals_with_feedback",
        "referrals_successful",
        "jobs_started",
        "trainings_held",
        "training_completed",
        "certificates_issued",
        "new_registrations",
    ]
    assert len(BY_ID) == len(INDICATORS)
    assert {i.id for i in INDICATORS if i.by == "partner"} == {
        "referrals_made",
        "referrals_with_feedback",
        "referrals_successful",
    }
    assert BY_ID["jobs_started"].by == "contract_type"


@pytest.mark.parametrize("indicator", INDICATORS, ids=lambda i: i.id)
def test_each_indicator_reads_in_french_arabic_and_english(indicator: Indicator) -> None:
    for texts in (indicator.labels, indicator.definitions):
        fr, ar, en = texts
        assert fr and ar and en and len({fr, ar, en}) == 3
        assert ARABIC.search(ar) and not LATIN.search(ar)
        assert not ARABIC.search(fr) and not ARABIC.search(en)
    assert indicator.label("ar-MA") == indicator.labels[1]
    assert indicator.label("xx") == indicator.labels[0]  # French by default


def test_people_and_their_events_are_broken_down_projects_and_trainings_are_not() -> None:
    assert BY_ID["counselled"].disaggregated and BY_ID["referrals_made"].disaggregated
    assert not BY_ID["collective_startups_created"].disaggregated
    assert BY_ID["trainings_held"].unit is Unit.TRAININGS and not BY_ID["trainings_held"].disaggregated


def test_every_breakdown_value_has_three_labels() -> None:
    for member in [*Disaggregation, *AgeBand, *StatusGroup]:
        fr, ar, en = LABELS[member]
        assert ARABIC.search(ar) and not LATIN.search(ar), member
        assert label(member, "en") == en and label(member, "fr") == fr


@pytest.mark.parametrize(
    ("birth_date", "birth_year", "band"),
    [
        (date(2011, 12, 31), None, AgeBand.FROM_15_TO_17),  # 15 on the period's last day
        (date(2012, 1, 1), None, AgeBand.UNDER_15),  # 15 only the next day
        (date(2008, 12, 31), None, AgeBand.FROM_18_TO_24),
        (date(2001, 12, 31), None, AgeBand.FROM_25_TO_35),  # 25 exactly
        (date(1990, 12, 31), None, AgeBand.FROM_36_TO_45),  # 36 exactly
        (date(1981, 1, 1), None, AgeBand.FROM_36_TO_45),  # 45
        (date(1980, 12, 31), None, AgeBand.FROM_46),
        (None, 2008, AgeBand.FROM_18_TO_24),  # the age reached during the year
        (None, None, AgeBand.UNKNOWN),
        (date(2030, 1, 1), None, AgeBand.UNKNOWN),  # a typing slip: born after the period
    ],
)
def test_ages_are_banded_on_the_period_s_last_day(
    birth_date: date | None, birth_year: int | None, band: AgeBand
) -> None:
    assert age_band(birth_date, birth_year, date(2026, 12, 31)) is band


def test_status_groups_cover_every_migration_status() -> None:
    assert {status_group(s) for s in MigrationStatus} == set(StatusGroup)
    assert status_group("returnee") is StatusGroup.MOROCCAN
    assert status_group(MigrationStatus.ASYLUM_SEEKER) is StatusGroup.REFUGEE_OR_ASYLUM_SEEKER
    assert status_group(MigrationStatus.IRREGULAR) is StatusGroup.MIGRANT


def test_periods_include_their_first_and_last_day() -> None:
    quarter = Period.quarter(2026, 3)
    assert (quarter.start, quarter.end) == (date(2026, 7, 1), date(2026, 9, 30))
    assert date(2026, 7, 1) in quarter and date(2026, 9, 30) in quarter
    assert date(2026, 6, 30) not in quarter and date(2026, 10, 1) not in quarter
    assert Period.month(2028, 2).end == date(2028, 2, 29)
    assert Period.year(2026) == Period(date(2026, 1, 1), date(2026, 12, 31))
    assert Period.last_quarter(date(2026, 11, 29)) == quarter
    assert Period.last_quarter(date(2026, 2, 1)) == Period.quarter(2025, 4)
    with pytest.raises(ValueError):
        Period(date(2026, 2, 1), date(2026, 1, 31))
    with pytest.raises(ValueError):
        Period.quarter(2026, 5)


def test_a_period_s_months_are_clipped_to_it() -> None:
    months = Period(date(2026, 1, 15), date(2026, 3, 10)).months()
    assert [(m.start, m.end) for m in months] == [
        (date(2026, 1, 15), date(2026, 1, 31)),
        (date(2026, 2, 1), date(2026, 2, 28)),
        (date(2026, 3, 1), date(2026, 3, 10)),
    ]
    assert len(Period.year(2026).months()) == 12
