"""The HUB's calendar for the demo's follow-up: opening days, and working hours as UTC moments."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from zoneinfo import ZoneInfo

from hubdesk.services.demo.draws import _Random
from hubdesk.services.demo.tangier import _HOLIDAYS, _HOURS

_LOCAL = ZoneInfo("Africa/Casablanca")
_MINUTES = (0, 0, 15, 30, 30, 45)


class Days:
    """Opening days up to ``today`` and moments within them, drawn from ``rng`` (both remembered per day)."""

    def __init__(self, rng: _Random, today: date) -> None:
        self.rng = rng
        self.today = today
        self._workdays: dict[date, date] = {}
        self._offsets: dict[date, timedelta] = {}

    def workday(self, day: date) -> date:
        """The day itself when the HUB is open then (or it is today), else the next opening day."""
        found = self._workdays.get(day)
        if found is None:
            found = day
            while found != self.today and (found.weekday() >= 5 or (found.month, found.day) in _HOLIDAYS):
                found += timedelta(days=1)
            self._workdays[day] = found
        return found

    def at(self, day: date) -> datetime:
        """A working hour of ``day``, local time, as an aware UTC moment."""
        offset = self._offsets.get(day)
        if offset is None:
            offset = self._offsets[day] = datetime.combine(day, clock(12), tzinfo=_LOCAL).utcoffset() or timedelta()
        rng = self.rng
        minute = _MINUTES[rng.below(6)] + rng.below(15)
        return datetime(day.year, day.month, day.day, _HOURS(rng), minute, tzinfo=UTC) - offset
