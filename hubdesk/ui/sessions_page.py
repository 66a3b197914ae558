"""The Sessions page: every guidance session over everyone, filtered, page by page."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.enums import SessionMode, SessionType
from hubdesk.domain.errors import HubdeskError
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import SessionQuery, SessionRow
from hubdesk.ui import labels
from hubdesk.ui.sessions_table_model import RecordRole, SessionsTableModel


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class SessionsPage(QWidget):
    """Filters on top (period, type, mode, counsellor, follow-up pending), the sessions newest first.

    Reloaded each time the page is shown. Double-click or Enter on a session opens its person.

    Signals: ``beneficiary_opened(str)`` with a person's id.
    """

    beneficiary_opened = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.period_check = QCheckBox(self.tr("&Held from"))
        today = date.today()
        self.from_edit = QDateEdit(_qdate(today.replace(day=1)))
        self.to_edit = QDateEdit(_qdate(today))
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setEnabled(False)
            edit.dateChanged.connect(self._period_changed)
        self.period_check.toggled.connect(self.from_edit.setEnabled)
        self.period_check.toggled.connect(self.to_edit.setEnabled)
        self.type_filter = QComboBox()
        self.type_filter.addItem(self.tr("All types"), None)
        for kind in SessionType:
            self.type_filter.addItem(labels.session_type(kind), kind.value)
        self.mode_filter = QComboBox()
        self.mode_filter.addItem(self.tr("All modes"), None)
        for mode in SessionMode:
            self.mode_filter.addItem(labels.session_mode(mode), mode.value)
        self.counsellor_filter = QComboBox()
        self.counsellor_filter.addItem(self.tr("All counsellors"), None)
        try:
            for user in services.accounts.counsellors():
                self.counsellor_filter.addItem(user.full_name, user.id)
        except HubdeskError as exc:
            self.status.setText(str(exc))
        self.pending_check = QCheckBox(self.tr("Follow-up &pending"))
        self.pending_check.setToolTip(self.tr("Only sessions whose agreed follow-up has not been held yet"))
        for combo in (self.type_filter, self.mode_filter, self.counsellor_filter):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.pending_check.toggled.connect(self.apply_filters)
        self.period_check.toggled.connect(self.apply_filters)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)

        self.model = SessionsTableModel(services.guidance, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((130, 220, 170, 100, 70, 150, 220, 90)):
            header.resizeSection(column, width)
        self.table.doubleClicked.connect(self._open_person)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self.table, self._open_person, context=Qt.ShortcutContext.WidgetShortcut)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.count_label = QLabel()
        self.open_button = QPushButton(self.tr("Open the &person"))
        self.open_button.setToolTip(self.tr("Open the record of the selected session's person (Enter)"))
        self.open_button.clicked.connect(self._open_person)

        filters = QHBoxLayout()
        filters.addWidget(self.period_check)
        filters.addWidget(self.from_edit)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.to_edit)
        filters.addSpacing(12)
        for widget in (self.type_filter, self.mode_filter, self.counsellor_filter, self.pending_check):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.refresh_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        bottom.addWidget(self.open_button)
        title = QLabel(self.tr("Sessions"))
        title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.status)
        self._update_actions()

    def current_query(self) -> SessionQuery:
        dated = self.period_check.isChecked()
        kind, mode = self.type_filter.currentData(), self.mode_filter.currentData()
        return SessionQuery(
            held_from=_day(self.from_edit.date()) if dated else None,
            held_to=_day(self.to_edit.date()) if dated else None,
            session_type=SessionType(kind) if kind else None,
            mode=SessionMode(mode) if mode else None,
            counsellor_id=self.counsellor_filter.currentData(),
            follow_up_pending=self.pending_check.isChecked(),
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():  # a window coming back from the task bar is no reason to reload
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        self.apply_filters()

    @Slot()
    def _period_changed(self) -> None:
        if self.period_check.isChecked():
            self.apply_filters()

    @Slot()
    def apply_filters(self) -> None:
        try:
            self.model.set_query(self.current_query())
        except HubdeskError as exc:
            self.status.setText(str(exc))
            return
        self.status.clear()
        self.count_label.setText(self.tr("%n sessions", "", self.model.total))
        self._update_actions()

    def selected_session(self) -> SessionRow | None:
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].data(RecordRole) if rows else None
        return row if isinstance(row, SessionRow) else None

    @Slot()
    def _update_actions(self) -> None:
        self.open_button.setEnabled(self.selected_session() is not None)

    @Slot()
    def _open_person(self, _index: QModelIndex | None = None) -> None:
        row = self.selected_session()
        if row is not None:
            self.beneficiary_opened.emit(row.beneficiary_id)
