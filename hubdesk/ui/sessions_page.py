"""The Sessions page: every guidance session over everyone, filtered, page by page."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.enums import SessionMode, SessionType
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import SessionQuery, SessionRow
from hubdesk.ui import labels
from hubdesk.ui.form_rows import message
from hubdesk.ui.paged_table_model import record_table
from hubdesk.ui.period_filter import CounsellorFilter, PeriodFilter
from hubdesk.ui.sessions_table_model import RecordRole, SessionsTableModel


class SessionsPage(QWidget):
    """Filters on top (period, type, mode, counsellor, follow-up pending), the sessions newest first.

    The first rows show at once, their count follows (computed off the GUI thread on a large list). Reloaded
    each time the page is shown, in place. Double-click or Enter on a session opens its person.

    Signals: ``beneficiary_opened(str)`` with a person's id.
    """

    beneficiary_opened = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.period = PeriodFilter(self.tr("&Held from"), services.today())
        self.period_check, self.from_edit, self.to_edit = self.period.check, self.period.from_edit, self.period.to_edit
        self.type_filter = QComboBox()
        self.type_filter.addItem(self.tr("All types"), None)
        for kind in SessionType:
            self.type_filter.addItem(labels.session_type(kind), kind.value)
        self.mode_filter = QComboBox()
        self.mode_filter.addItem(self.tr("All modes"), None)
        for mode in SessionMode:
            self.mode_filter.addItem(labels.session_mode(mode), mode.value)
        self.counsellor_filter = CounsellorFilter()
        self.pending_check = QCheckBox(self.tr("Follow-up &pending"))
        self.pending_check.setToolTip(self.tr("Only sessions whose agreed follow-up has not been held yet"))
        for combo in (self.type_filter, self.mode_filter, self.counsellor_filter):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.pending_check.toggled.connect(self.apply_filters)
        self.period.changed.connect(self.apply_filters)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)

        self.model = SessionsTableModel(services.guidance, self)
        self.model.counted.connect(self._counted)
        self.model.load_failed.connect(self.status.setText)
        self.table = record_table(self.model, (130, 220, 170, 100, 70, 150, 220, 90))
        self.table.doubleClicked.connect(self._open_person)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # PySide6 ignores ``context=`` when a slot is given: without this, Enter anywhere in the window opens
            QShortcut(QKeySequence(key), self.table, self._open_person).setContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.count_label = QLabel()
        self.open_button = QPushButton(self.tr("Open the &person"))
        self.open_button.setToolTip(self.tr("Open the record of the selected session's person (Enter)"))
        self.open_button.clicked.connect(self._open_person)

        filters = QHBoxLayout()  # two rows, as on the Referrals page: the page fits a window 1280 pixels wide
        for widget in (self.type_filter, self.mode_filter, self.pending_check):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.refresh_button)
        filters_below = QHBoxLayout()
        filters_below.addWidget(self.counsellor_filter)
        filters_below.addSpacing(12)
        filters_below.addWidget(self.period)
        filters_below.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        bottom.addWidget(self.open_button)
        title = QLabel(self.tr("Sessions"))
        title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addLayout(filters_below)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.status)
        self._update_actions()

    def current_query(self) -> SessionQuery:
        kind, mode = self.type_filter.currentData(), self.mode_filter.currentData()
        held_from, held_to = self.period.period()
        return SessionQuery(
            held_from=held_from,
            held_to=held_to,
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
        """The counsellors offered as they are now, the sessions with the same filters, in place."""
        problem = self.counsellor_filter.reload(self._services)
        if problem:
            self.status.setText(message(problem))
        self._load(keep_place=True)

    @Slot()
    def apply_filters(self) -> None:
        """The first rows of what the filters select at once; their count follows."""
        self._load(keep_place=False)

    def _load(self, *, keep_place: bool) -> None:
        selected = self.selected_session()
        scrolled = self.table.verticalScrollBar().value()
        shown = self.model.rowCount() if keep_place else 0
        if not self.model.set_query(self.current_query(), at_least=shown):
            return  # load_failed told why; the rows shown stay
        self.status.clear()
        if self.model.counting:
            self.count_label.setText(self.tr("%n sessions shown, counting…", "", self.model.rowCount()))
        if keep_place and selected is not None:
            row = next((i for i, item in enumerate(self.model.items()) if item.id == selected.id), -1)
            if row >= 0:
                self.table.selectRow(row)
        if keep_place:
            self.table.verticalScrollBar().setValue(scrolled)
        self._update_actions()

    @Slot(int)
    def _counted(self, total: int) -> None:
        self.count_label.setText(self.tr("%n sessions", "", total))

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
