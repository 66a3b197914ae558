"""The beneficiary list as a table model that asks the services for one page at a time."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from hubdesk.services.beneficiary_search import BeneficiarySearch
from hubdesk.services.readmodels import BeneficiaryQuery, BeneficiaryRow
from hubdesk.ui import labels
from hubdesk.ui.list_table_model import Index, ListTableModel, RecordRole

PAGE = 200

__all__ = ["PAGE", "BeneficiaryTableModel", "RecordRole"]


class BeneficiaryTableModel(ListTableModel[BeneficiaryRow]):
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
        super().__init__([], parent)
        self._search = search
        self._query = BeneficiaryQuery()
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

    @property
    def query(self) -> BeneficiaryQuery:
        return self._query

    @property
    def total(self) -> int:
        return self._total

    def set_query(self, query: BeneficiaryQuery) -> None:
        """Show what ``query`` selects, from the first page."""
        self._query = query
        self._total = self._search.count(query)
        self.set_items(self._search.page(query, 0, PAGE))

    def refresh(self) -> None:
        self.set_query(self._query)

    def row_at(self, row: int) -> BeneficiaryRow | None:
        return self.item_at(row)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._items) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = self._search.page(self._query, len(self._items), PAGE)
        if not more:
            self._total = len(self._items)
            return
        self.beginInsertRows(QModelIndex(), len(self._items), len(self._items) + len(more) - 1)
        self._items.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.COLUMNS[column][1]
        if key is None:
            return
        self.set_query(replace(self._query, sort=key, descending=order == Qt.SortOrder.DescendingOrder))

    def sortable(self, column: int) -> bool:
        return self.COLUMNS[column][1] is not None

    def alignment(self, column: int) -> Qt.AlignmentFlag | None:
        return Qt.AlignmentFlag.AlignRight if self.COLUMNS[column][0] == "arabic_name" else None

    def display(self, row: BeneficiaryRow, column: int) -> str:
        key = self.COLUMNS[column][0]
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
