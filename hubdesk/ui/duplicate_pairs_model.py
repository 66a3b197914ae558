"""Pairs of records that look like one person, for the coordinator's review."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from hubdesk.services.readmodels import DuplicateCandidate, DuplicatePair
from hubdesk.ui import labels
from hubdesk.ui.list_table_model import ListTableModel


def describe(person: DuplicateCandidate) -> str:
    parts = [
        person.code,
        f"{person.first_name} {person.last_name}",
        labels.isolate(person.arabic_name),
        labels.birth(person.birth_date, person.birth_year),
    ]
    return " · ".join(p for p in parts if p)


class DuplicatePairsModel(ListTableModel[DuplicatePair]):
    """Columns: score, first record (the older), second record, what matches."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__([], parent)
        self._headers = (self.tr("Score"), self.tr("Older record"), self.tr("Newer record"), self.tr("Why"))

    def display(self, pair: DuplicatePair, column: int) -> Any:
        if column == 0:
            return pair.score
        if column == 1:
            return describe(pair.first)
        if column == 2:
            return describe(pair.second)
        return ", ".join(labels.match_reason(r) for r in pair.first.reasons)

    def alignment(self, column: int) -> Qt.AlignmentFlag | None:
        return Qt.AlignmentFlag.AlignRight if column == 0 else None
