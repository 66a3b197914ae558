"""The beneficiary list as a table model that asks the services for one page at a time."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from hubdesk.services.beneficiary_search import BeneficiarySearch
from hubdesk.services.readmodels import BeneficiaryQuery, BeneficiaryRow
from hubdesk.ui import labels

PAGE = 200

#: the row's BeneficiaryRow
RecordRole = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class BeneficiaryTableModel(QAbstractTableModel):
    """Columns: code, last name, first name, name in Arabic, sex, birth, nationality, status, phone,
    registration date, counsellor. Sorting happens in the database (``sort``), rows arrive page by
    page as the view scrolls (``canFetchMore`` / ``fetchMore``), so 100,000 people cost one page.
    """

    #: (column key, key the services sort by or None)
    COLUMNS: tuple[tuple[str, str | None], ...] = (
        ("code", "code"),
        ("last_name", "name"),
        ("first_name", None),
        ("arabic_name", None),
        ("sex", "sex"),
        ("birth", "birth_date"),
        ("nationality", "nationality"),
        ("migration_status", "migration_status"),
        ("phone", None),
        ("registered_on", "registered_on"),
        ("counsellor", None),
    )

    def __init__(self, search: BeneficiarySearch, parent: Any = None) -> None:
        super().__init__(parent)
        self._search = search
        self._query = BeneficiaryQuery()
        self._rows: list[BeneficiaryRow] = []
        self._total = 0
        self._headers = (
            self.tr("Code"),
            self.tr("Last name"),
            self.tr("First name"),
            self.tr("Name in Arabic"),
            self.tr("Sex"),
            self.tr("Born"),
            self.tr("Nationality"),
            self.tr("Status"),
            self.tr("Phone"),
            self.tr("Registered"),
            self.tr("Counsellor"),
        )

    # -- what the page asks for -------------------------------------------------------------
    @property
    def query(self) -> BeneficiaryQuery:
        return self._query

    @property
    def total(self) -> int:
        return self._total

    def set_query(self, query: BeneficiaryQuery) -> None:
        """Show what ``query`` selects, from the first page."""
        self.beginResetModel()
        self._query = query
        self._total = self._search.count(query)
        self._rows = self._search.page(query, 0, PAGE)
        self.endResetModel()

    def refresh(self) -> None:
        self.set_query(self._query)

    def row_at(self, row: int) -> BeneficiaryRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # -- Qt model interface -----------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = self._search.page(self._query, len(self._rows), PAGE)
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == RecordRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, self.COLUMNS[index.column()][0])
        if role == Qt.ItemDataRole.TextAlignmentRole and self.COLUMNS[index.column()][0] == "arabic_name":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.COLUMNS[column][1]
        if key is None:
            return
        self.set_query(replace(self._query, sort=key, descending=order == Qt.SortOrder.DescendingOrder))

    def sortable(self, column: int) -> bool:
        return self.COLUMNS[column][1] is not None

    @staticmethod
    def _display(row: BeneficiaryRow, key: str) -> str:
        if key == "sex":
            return labels.sex(row.sex)
        if key == "birth":
            return labels.birth(row.birth_date, row.birth_year)
        if key == "nationality":
            return labels.country(row.nationality)
        if key == "migration_status":
            return labels.migration_status(row.migration_status)
        if key == "registered_on":
            return labels.short_date(row.registered_on)
        return str(getattr(row, key) or "")
