"""The HUB's clock: times are stored in UTC and shown, and cut into days, in Tangier's time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

LOCAL_ZONE = ZoneInfo("Africa/Casablanca")


def local_day(moment: datetime) -> date:
    """The day ``moment`` (aware) falls on in Tangier."""
    return moment.astimezone(LOCAL_ZONE).date()


def day_start_utc(day: date) -> datetime:
    """The UTC instant a local day starts."""
    return datetime.combine(day, time(0, 0), tzinfo=LOCAL_ZONE).astimezone(UTC)


def day_end_utc(day: date) -> datetime:
    """The UTC instant the local day after ``day`` starts (an exclusive bound)."""
    return day_start_utc(day + timedelta(days=1))
