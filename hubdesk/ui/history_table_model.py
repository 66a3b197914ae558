"""A person's history (their audit events) as a read-only table."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from hubdesk.services.readmodels import HistoryEntry
from hubdesk.ui.list_table_model import ListTableModel

#: times are stored in UTC and shown in Moroccan time
LOCAL_ZONE = ZoneInfo("Africa/Casablanca")


class HistoryTableModel(ListTableModel[HistoryEntry]):
    """Columns: when (local time), who, what, details (the changed fields with old → new)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__([], parent)
        self._headers = (self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Details"))
        self._actions = {
            "create": self.tr("Registered"),
            "update": self.tr("Changed"),
            "delete": self.tr("Deleted"),
            "view": self.tr("Opened the record"),
            "merge": self.tr("Merged"),
            "export": self.tr("Exported"),
        }

    def display(self, entry: HistoryEntry, column: int) -> str:
        if column == 0:
            return entry.at.astimezone(LOCAL_ZONE).strftime("%Y-%m-%d %H:%M")
        if column == 1:
            return entry.username
        if column == 2:
            return self._actions.get(entry.action, entry.action)
        if entry.changes:
            return "; ".join(
                f"{c.field}: {_short(c.old)} → {_short(c.new)}" if (c.old, c.new) != (None, None) else c.field
                for c in entry.changes
            )
        return entry.summary


def _short(value: object) -> str:
    text = "—" if value in (None, "", [], {}) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"
