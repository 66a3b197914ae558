"""The agenda: follow-ups overdue, due today and this week, and referrals waiting too long for the partner."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.enums import Role
from hubdesk.domain.errors import HubdeskError, ValidationError
from hubdesk.services.access import CASE_WORKERS, SUPERVISORS
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import Agenda, AwaitingItem, FollowUpItem
from hubdesk.ui.agenda_model import AgendaModel, AwaitingTableModel, RecordRole
from hubdesk.ui.referral_actions import ReferralActions
from hubdesk.ui.session_dialog import SessionDialog

#: the number of days is saved once the person stopped changing it
DAYS_DELAY_MS = 600


def mine_by_default(role: Role | None) -> bool:
    """A counsellor looks at their own follow-ups; coordinators, administrators and readers at everyone's."""
    return role is Role.COUNSELLOR


class _EnterTree(QTreeView):
    """A tree where Enter acts on the current row, like a double-click. Signals: ``row_activated(QModelIndex)``."""

    row_activated = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.row_activated.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class _EnterTable(QTableView):
    """A table where Enter acts on the current row, like a double-click. Signals: ``row_activated(QModelIndex)``."""

    row_activated = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.row_activated.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class AgendaPage(QWidget):
    """What is due: the follow-ups agreed at sessions, and the referrals the partners have not answered.

    Reloaded (one ``agenda()`` call) each time it is shown and after every change made from it.
    ``today`` is the day the delays are counted from (the services' day).

    Signals: ``beneficiary_opened(str)`` with a person's id; ``agenda_changed()`` after a session or a
    feedback was recorded from the page, the number of days changed, or the Mine / Everyone's switch moved
    (what the navigation counts changed).
    """

    beneficiary_opened = Signal(str)
    agenda_changed = Signal()

    def __init__(
        self, services: Services, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._today = today
        role = services.user.role if services.user is not None else None
        self.can_record = role in CASE_WORKERS
        self.can_set_days = role in SUPERVISORS
        self.referral_actions = ReferralActions(services, self)
        self.referral_actions.referrals_changed.connect(self._referrals_changed)
        self.agenda: Agenda | None = None

        title = QLabel(self.tr("Agenda"))
        title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        self.mine_button = QRadioButton(self.tr("Mine"))
        self.mine_button.setToolTip(self.tr("The follow-ups of my sessions and the referrals I made"))
        self.everyone_button = QRadioButton(self.tr("Everyone's"))
        self.everyone_button.setToolTip(self.tr("The follow-ups and referrals of every counsellor"))
        switch = QButtonGroup(self)
        switch.addButton(self.mine_button)
        switch.addButton(self.everyone_button)
        (self.mine_button if mine_by_default(role) else self.everyone_button).setChecked(True)
        self.mine_button.toggled.connect(self._switched)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.status = QLabel()
        self.status.setWordWrap(True)

        # --- follow-ups ---------------------------------------------------------------------------
        self.model = AgendaModel(self)
        self.tree = _EnterTree()
        self.tree.setModel(self.model)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(True)
        for column, width in enumerate((220, 240, 160)):
            self.tree.header().resizeSection(column, width)
        self.tree.doubleClicked.connect(self._follow_up_activated)
        self.tree.row_activated.connect(self._follow_up_activated)
        self.tree.selectionModel().selectionChanged.connect(self._update_actions)
        self.record_button = QPushButton(self.tr("Record the session…"))
        self.record_button.setToolTip(self.tr("Record the session held for the selected follow-up (Enter)"))
        self.record_button.clicked.connect(self.record_session)
        self.record_button.setVisible(self.can_record)
        self.open_follow_up_button = QPushButton(self.tr("Open the person"))
        self.open_follow_up_button.clicked.connect(self._open_follow_up_person)
        follow_up_box = QGroupBox(self.tr("Follow-ups"))
        follow_up_buttons = QHBoxLayout()
        follow_up_buttons.addStretch(1)
        follow_up_buttons.addWidget(self.open_follow_up_button)
        follow_up_buttons.addWidget(self.record_button)
        follow_up_layout = QVBoxLayout(follow_up_box)
        follow_up_layout.addWidget(self.tree, 1)
        follow_up_layout.addLayout(follow_up_buttons)

        # --- referrals awaiting feedback ----------------------------------------------------------
        self.awaiting_model = AwaitingTableModel(self)
        self.awaiting_table = _EnterTable()
        self.awaiting_table.setModel(self.awaiting_model)
        self.awaiting_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.awaiting_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.awaiting_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.awaiting_table.setAlternatingRowColors(True)
        self.awaiting_table.setWordWrap(False)
        self.awaiting_table.verticalHeader().hide()
        self.awaiting_table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((150, 220, 200, 110, 170)):
            self.awaiting_table.horizontalHeader().resizeSection(column, width)
        self.awaiting_table.doubleClicked.connect(self._awaiting_activated)
        self.awaiting_table.row_activated.connect(self._awaiting_activated)
        self.awaiting_table.selectionModel().selectionChanged.connect(self._update_actions)
        self.feedback_button = QPushButton(self.tr("Record feedback…"))
        self.feedback_button.setToolTip(self.tr("Type what the partner answered on the feedback slip (Enter)"))
        self.feedback_button.clicked.connect(self.record_feedback)
        self.feedback_button.setVisible(self.can_record)
        self.open_awaiting_button = QPushButton(self.tr("Open the person"))
        self.open_awaiting_button.clicked.connect(self._open_awaiting_person)

        self.days_spin = QSpinBox()
        self.days_spin.setRange(1, 365)
        self.days_spin.setSuffix(self.tr(" days"))
        self.days_spin.setToolTip(
            self.tr("How long a sent referral waits for the partner's answer before it shows here")
        )
        self.days_spin.setVisible(self.can_set_days)
        self._days_timer = QTimer(self, singleShot=True, interval=DAYS_DELAY_MS)
        self._days_timer.timeout.connect(self.save_feedback_days)
        self.days_spin.valueChanged.connect(self._days_timer.start)
        self.days_spin.editingFinished.connect(self.save_feedback_days)
        self.days_label = QLabel()
        self.days_error = QLabel()
        self.days_error.setStyleSheet("color: #b71c1c;")
        self.days_error.hide()
        days_row = QHBoxLayout()
        days_row.addWidget(self.days_label)
        days_row.addWidget(self.days_spin)
        days_row.addWidget(self.days_error)
        days_row.addStretch(1)
        awaiting_box = QGroupBox(self.tr("Referrals awaiting feedback"))
        awaiting_buttons = QHBoxLayout()
        awaiting_buttons.addStretch(1)
        awaiting_buttons.addWidget(self.open_awaiting_button)
        awaiting_buttons.addWidget(self.feedback_button)
        awaiting_layout = QVBoxLayout(awaiting_box)
        awaiting_layout.addLayout(days_row)
        awaiting_layout.addWidget(self.awaiting_table, 1)
        awaiting_layout.addLayout(awaiting_buttons)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(24)
        top.addWidget(self.mine_button)
        top.addWidget(self.everyone_button)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(follow_up_box)
        splitter.addWidget(awaiting_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

        self.setTabOrder(self.mine_button, self.everyone_button)
        self.setTabOrder(self.everyone_button, self.tree)
        self.setTabOrder(self.tree, self.open_follow_up_button)
        self.setTabOrder(self.open_follow_up_button, self.record_button)
        self.setTabOrder(self.record_button, self.days_spin)
        self.setTabOrder(self.days_spin, self.awaiting_table)
        self.setTabOrder(self.awaiting_table, self.open_awaiting_button)
        self.setTabOrder(self.open_awaiting_button, self.feedback_button)
        self._update_actions()

    @property
    def mine(self) -> bool:
        """Whether the page shows the user's own follow-ups and referrals (else everyone's)."""
        return self.mine_button.isChecked()

    # --- loading ---------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():  # a window coming back from the task bar is no reason to reload
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Reload the agenda (one query of the services for the lists); the selection stays if still listed."""
        follow_up = self.selected_follow_up()
        awaiting = self.selected_awaiting()
        try:
            days = self._services.follow_up.feedback_days()
            agenda = self._services.follow_up.agenda(mine=self.mine)
        except HubdeskError as exc:
            self.status.setText(str(exc))
            return
        self.agenda = agenda
        self.model.set_agenda(agenda, self._today())
        self.tree.expandAll()
        self.awaiting_model.set_items(agenda.awaiting)
        self._show_days(days)
        if follow_up is not None:
            self.select_follow_up(follow_up.session_id)
        if awaiting is not None:
            row = next((r for r, a in enumerate(agenda.awaiting) if a.referral_id == awaiting.referral_id), -1)
            if row >= 0:
                self.awaiting_table.selectRow(row)
        self._update_actions()

    def _show_days(self, days: int) -> None:
        self.days_spin.blockSignals(True)
        self.days_spin.setValue(days)
        self.days_spin.blockSignals(False)
        if self.can_set_days:
            self.days_label.setText(self.tr("Sent and not answered by the partner for more than"))
        else:
            self.days_label.setText(self.tr("Sent and not answered by the partner for more than %n days", "", days))

    @Slot(bool)
    def _switched(self, _mine: bool) -> None:
        self.refresh()
        self.agenda_changed.emit()

    # --- selection -------------------------------------------------------------------------------

    def selected_follow_up(self) -> FollowUpItem | None:
        rows = self.tree.selectionModel().selectedRows()
        return self.model.item(rows[0]) if rows else None

    def select_follow_up(self, session_id: str) -> bool:
        index = self.model.index_of(session_id)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        return True

    def selected_awaiting(self) -> AwaitingItem | None:
        rows = self.awaiting_table.selectionModel().selectedRows()
        item = rows[0].data(RecordRole) if rows else None
        return item if isinstance(item, AwaitingItem) else None

    @Slot()
    def _update_actions(self) -> None:
        follow_up = self.selected_follow_up() is not None
        awaiting = self.selected_awaiting() is not None
        self.record_button.setEnabled(follow_up)
        self.open_follow_up_button.setEnabled(follow_up)
        self.feedback_button.setEnabled(awaiting)
        self.open_awaiting_button.setEnabled(awaiting)

    # --- follow-ups ------------------------------------------------------------------------------

    def ask(self, dialog: QDialog) -> bool:
        """Show the session form; True when the session was saved. Tests replace this."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    @Slot(QModelIndex)
    def _follow_up_activated(self, index: QModelIndex) -> None:
        if self.model.item(index) is None:  # a section row: fold or unfold it
            self.tree.setExpanded(index.siblingAtColumn(0), not self.tree.isExpanded(index.siblingAtColumn(0)))
            return
        if self.can_record:
            self.record_session()
        else:
            self._open_follow_up_person()

    @Slot()
    def record_session(self) -> None:
        """The session form for the person of the selected follow-up; once saved, the follow-up is held."""
        item = self.selected_follow_up()
        if item is None or not self.can_record:
            return
        dialog = SessionDialog(self._services, item.beneficiary_id, item.person_name, self)
        try:
            saved = self.ask(dialog) or dialog.saved_id is not None
        finally:
            dialog.deleteLater()
        if not saved:
            return
        self.refresh()
        self.status.setText(self.tr("Session recorded for %1.").replace("%1", item.person_name))
        self.agenda_changed.emit()

    @Slot()
    def _open_follow_up_person(self) -> None:
        item = self.selected_follow_up()
        if item is not None:
            self.beneficiary_opened.emit(item.beneficiary_id)

    # --- referrals awaiting feedback --------------------------------------------------------------

    @Slot(QModelIndex)
    def _awaiting_activated(self, _index: QModelIndex) -> None:
        if self.can_record:
            self.record_feedback()
        else:
            self._open_awaiting_person()

    @Slot()
    def record_feedback(self) -> None:
        """The feedback form for the selected referral; the page reloads once it is recorded."""
        item = self.selected_awaiting()
        if item is not None and self.can_record:
            self.referral_actions.record_feedback(item.code)

    @Slot()
    def _referrals_changed(self) -> None:
        self.refresh()
        self.agenda_changed.emit()

    @Slot()
    def _open_awaiting_person(self) -> None:
        item = self.selected_awaiting()
        if item is not None:
            self.beneficiary_opened.emit(item.beneficiary_id)

    @Slot()
    def save_feedback_days(self) -> None:
        """Keep the number of days typed (coordinators and administrators) and reload."""
        self._days_timer.stop()
        if not self.can_set_days:
            return
        days = self.days_spin.value()
        try:
            if days == self._services.follow_up.feedback_days():
                return
            self._services.follow_up.set_feedback_days(days)
        except ValidationError as exc:
            self.days_error.setText(QCoreApplication.translate("validation", exc.errors.get("feedback_days", str(exc))))
            self.days_error.show()
            return
        except HubdeskError as exc:
            self.days_error.setText(str(exc))
            self.days_error.show()
            return
        self.days_error.hide()
        self.refresh()
        self.agenda_changed.emit()
