"""The beneficiary list: search as you type, filters, sorting, export, open a record."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.enums import MigrationStatus, Sex
from hubdesk.domain.errors import HubdeskError
from hubdesk.services.documents import PRINTERS
from hubdesk.services.facade import Services
from hubdesk.services.readmodels import BeneficiaryQuery, BeneficiaryRow
from hubdesk.ui import labels
from hubdesk.ui.batch_print import BatchPrint
from hubdesk.ui.beneficiary_table_model import BeneficiaryTableModel

SEARCH_DELAY_MS = 120


class _ListView(QTableView):
    """A table where Enter opens the current row, like a double-click.

    Signals: ``row_activated(QModelIndex)``.
    """

    row_activated = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.row_activated.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class BeneficiaryListPage(QWidget):
    """Everyone registered, found by typing. Signals: ``beneficiary_opened(str)`` with the id,
    ``new_intake_requested()``.
    """

    beneficiary_opened = Signal(str)
    new_intake_requested = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.model = BeneficiaryTableModel(services.search, self)

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search by name (Latin or Arabic), code, phone or document…"))
        self.search_edit.setClearButtonEnabled(True)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filters)
        self.search_edit.textChanged.connect(self._timer.start)
        self.search_edit.returnPressed.connect(self._open_first)

        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in MigrationStatus:
            self.status_filter.addItem(labels.migration_status(status), status.value)
        self.sex_filter = QComboBox()
        self.sex_filter.addItem(self.tr("Both sexes"), None)
        for sex in Sex:
            self.sex_filter.addItem(labels.sex(sex), sex.value)
        self.nationality_filter = QComboBox()
        self.nationality_filter.addItem(self.tr("All nationalities"), None)
        for code in ("MA", "SN", "GN", "CI", "ML", "CM", "CD", "NG", "SD", "SY", "YE"):
            self.nationality_filter.addItem(labels.country(code), code)
        self.counsellor_filter = QComboBox()
        self.counsellor_filter.addItem(self.tr("All counsellors"), None)
        for user in services.accounts.counsellors():
            self.counsellor_filter.addItem(user.full_name, user.id)
        self.period_filter = QComboBox()
        for text, key in (
            (self.tr("Registered any time"), ""),
            (self.tr("This month"), "month"),
            (self.tr("Last 3 months"), "quarter"),
            (self.tr("This year"), "year"),
            (self.tr("Last year"), "last_year"),
        ):
            self.period_filter.addItem(text, key)
        for combo in (
            self.status_filter,
            self.sex_filter,
            self.nationality_filter,
            self.counsellor_filter,
            self.period_filter,
        ):
            combo.currentIndexChanged.connect(self.apply_filters)

        self.count_label = QLabel()
        new_button = QPushButton(self.tr("New intake"))
        new_button.setToolTip(self.tr("Register a new person (Ctrl+N)"))
        new_button.clicked.connect(self.new_intake_requested)
        new_button.setVisible(services.can_change_people)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Export the people shown to CSV, Excel or JSON"))
        self.export_button.clicked.connect(self._export)
        self.export_button.setVisible(services.can_export)
        self.batch = BatchPrint(services, self)
        self.print_button = QPushButton(self.tr("Print attestations…"))
        self.print_button.setToolTip(self.tr("Support attestations for the people selected (Ctrl or Shift + click)"))
        self.print_button.clicked.connect(self.print_attestations)
        self.print_button.setVisible(services.user is not None and services.user.role in PRINTERS)

        self.table = _ListView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(self._open)
        self.table.row_activated.connect(self._open)
        self.table.selectionModel().selectionChanged.connect(self._update_print_button)

        filters = QHBoxLayout()
        for widget in (
            self.status_filter,
            self.sex_filter,
            self.nationality_filter,
            self.counsellor_filter,
            self.period_filter,
        ):
            filters.addWidget(widget)
        filters.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(new_button)
        top.addWidget(self.print_button)
        top.addWidget(self.export_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        QShortcut(QKeySequence(Qt.Key.Key_Down), self.search_edit, self._focus_table)
        self.apply_filters()
        self._fit_columns()

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def current_query(self) -> BeneficiaryQuery:
        start, end = self._period(self.period_filter.currentData())
        return replace(
            self.model.query,
            text=self.search_edit.text(),
            migration_status=self.status_filter.currentData(),
            sex=self.sex_filter.currentData(),
            nationality=self.nationality_filter.currentData(),
            counsellor_id=self.counsellor_filter.currentData(),
            registered_from=start,
            registered_to=end,
        )

    @Slot()
    def apply_filters(self) -> None:
        self._timer.stop()
        query = self.current_query()
        self.model.set_query(query)
        total = self.model.total
        if query.is_search() and total >= query.search_limit:
            text = self.tr("More than %n people match: type more to narrow the search.", "", query.search_limit)
        else:
            text = self.tr("%n people", "", total)
        self.count_label.setText(text)
        self._update_print_button()  # a new query clears the selection without a signal

    def refresh(self) -> None:
        self.apply_filters()

    @Slot()
    def _focus_table(self) -> None:
        if self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    @Slot()
    def _open_first(self) -> None:
        self.apply_filters()
        if self.model.rowCount() >= 1:
            self._open(self.model.index(0, 0))

    @Slot(QModelIndex)
    def _open(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.beneficiary_opened.emit(row.id)

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        for column, width in enumerate((120, 140, 130, 140, 70, 90, 120, 200, 130, 90, 140)):
            header.resizeSection(column, width)

    @staticmethod
    def _period(key: str) -> tuple[date | None, date | None]:
        today = date.today()
        if key == "month":
            return today.replace(day=1), None
        if key == "quarter":
            return today - timedelta(days=91), None
        if key == "year":
            return today.replace(month=1, day=1), None
        if key == "last_year":
            return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
        return None, None

    def selected_rows(self) -> list[BeneficiaryRow]:
        indexes = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        rows = (self.model.row_at(row) for row in indexes)
        return [row for row in rows if row is not None]

    @Slot()
    def _update_print_button(self) -> None:
        self.print_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    @Slot()
    def print_attestations(self) -> None:
        """Attestations for everyone selected; they all share one period, so it starts when the last arrived."""
        rows = self.selected_rows()
        if rows:
            self.batch.run([row.id for row in rows], max(row.registered_on for row in rows))

    @Slot()
    def _export(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export beneficiaries"),
            str(Path.home() / f"beneficiaries-{date.today().isoformat()}.xlsx"),
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv);;JSON (*.json)"),
        )
        if path:
            self.export_to(Path(path), chosen)

    def export_to(self, path: Path, chosen_filter: str = "") -> int | None:
        """Export what the list shows (its search and filters) and say how many were written."""
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in {"xlsx", "csv", "json"}:
            fmt = "csv" if "csv" in chosen_filter.lower() else "json" if "json" in chosen_filter.lower() else "xlsx"
            path = path.with_suffix("." + fmt)
        try:
            count = self._services.exports.export_beneficiaries(path, fmt, self.current_query())
        except HubdeskError as exc:
            QMessageBox.warning(self, self.tr("Export failed"), str(exc))
            return None
        QMessageBox.information(
            self,
            self.tr("Export done"),
            self.tr("%n people exported to %1.", "", count).replace("%1", str(path)),
        )
        return count
