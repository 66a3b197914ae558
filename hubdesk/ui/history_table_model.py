"""A person's history (their audit events) as a read-only table."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from hubdesk.services.readmodels import HistoryEntry

#: times are stored in UTC and shown in Moroccan time
LOCAL_ZONE = ZoneInfo("Africa/Casablanca")

_Index = QModelIndex | QPersistentModelIndex


class HistoryTableModel(QAbstractTableModel):
    """Columns: when (local time), who, what, details (the changed fields with old → new)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[HistoryEntry] = []
        self._headers = (self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Details"))
        self._actions = {
            "create": self.tr("Registered"),
            "update": self.tr("Changed"),
            "delete": self.tr("Deleted"),
            "view": self.tr("Opened the record"),
            "merge": self.tr("Merged"),
            "export": self.tr("Exported"),
        }

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if column == 0:
            return entry.at.astimezone(LOCAL_ZONE).strftime("%Y-%m-%d %H:%M")
        if column == 1:
            return entry.username
        if column == 2:
            return self._actions.get(entry.action, entry.action)
        if entry.changes:
            return "; ".join(f"{c.field}: {_short(c.old)} → {_short(c.new)}" for c in entry.changes)
        return entry.summary


def _short(value: object) -> str:
    text = "—" if value in (None, "", [], {}) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"
