"""Pairs of records that look like one person, for the coordinator's review."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from hubdesk.services.readmodels import DuplicateCandidate, DuplicatePair
from hubdesk.ui import labels

#: the row's DuplicatePair
RecordRole = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


def describe(person: DuplicateCandidate) -> str:
    parts = [
        person.code,
        f"{person.first_name} {person.last_name}",
        labels.isolate(person.arabic_name),
        labels.birth(person.birth_date, person.birth_year),
    ]
    return " · ".join(p for p in parts if p)


class DuplicatePairsModel(QAbstractTableModel):
    """Columns: score, first record (the older), second record, what matches."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._pairs: list[DuplicatePair] = []
        self._headers = (self.tr("Score"), self.tr("Older record"), self.tr("Newer record"), self.tr("Why"))

    def set_pairs(self, pairs: list[DuplicatePair]) -> None:
        self.beginResetModel()
        self._pairs = list(pairs)
        self.endResetModel()

    def pair_at(self, row: int) -> DuplicatePair | None:
        return self._pairs[row] if 0 <= row < len(self._pairs) else None

    def remove_pair(self, pair: DuplicatePair) -> None:
        if pair in self._pairs:
            row = self._pairs.index(pair)
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._pairs[row]
            self.endRemoveRows()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._pairs)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        pair = self._pairs[index.row()]
        if role == RecordRole:
            return pair
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == 0:
            return pair.score
        if column == 1:
            return describe(pair.first)
        if column == 2:
            return describe(pair.second)
        return ", ".join(reason_text(r) for r in pair.first.reasons)


def reason_text(reason: str) -> str:
    """A match reason in words (shared with the intake's duplicate warning)."""
    texts = {
        "name": QCoreApplication.translate("duplicates", "similar name"),
        "same_phone": QCoreApplication.translate("duplicates", "same phone"),
        "same_document": QCoreApplication.translate("duplicates", "same document number"),
        "same_birth_date": QCoreApplication.translate("duplicates", "same date of birth"),
        "same_birth_year": QCoreApplication.translate("duplicates", "same year of birth"),
        "different_birth_date": QCoreApplication.translate("duplicates", "different date of birth"),
    }
    return texts.get(str(reason), str(reason))
