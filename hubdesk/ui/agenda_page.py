"""The agenda: follow-ups overdue, due today and this week, and referrals waiting too long for the partner."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    Signal,
    Slot,
)
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
from hubdesk.ui import labels, unsaved_changes
from hubdesk.ui.agenda_model import AgendaModel, AwaitingTableModel, RecordRole, Section
from hubdesk.ui.referral_actions import ReferralActions
from hubdesk.ui.session_dialog import SessionDialog

#: the rows of a selection: the whole row, whatever the column under the pointer (also right to left)
ROW_SELECTION = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows


def mine_by_default(role: Role | None) -> bool:
    """A counsellor looks at their own follow-ups; coordinators, administrators and readers at everyone's."""
    return role is Role.COUNSELLOR


class _EnterActivates(QObject):
    """Event filter of a list: Enter acts on the current row, like a double-click.

    Signals: ``row_activated(QModelIndex)``.
    """

    row_activated = Signal(QModelIndex)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and isinstance(watched, QAbstractItemView) and watched.currentIndex().isValid():
            self.row_activated.emit(watched.currentIndex())
            return True
        return False


def _row(*parts: QWidget | int | None) -> QHBoxLayout:
    """Widgets side by side; None is a stretch, a number some space."""
    row = QHBoxLayout()
    for part in parts:
        if part is None:
            row.addStretch(1)
        elif isinstance(part, int):
            row.addSpacing(part)
        else:
            row.addWidget(part)
    return row


class AgendaPage(QWidget):
    """What is due: the follow-ups agreed at sessions, and the referrals the partners have not answered.

    Reloaded (one ``agenda()`` call) each time it is shown and after every change made from it; the titles
    give the exact numbers and say when a list is cut. Delays count from ``today`` (default: the services').

    Signals: ``beneficiary_opened(str)`` with a person's id; ``agenda_changed()`` after a session or a
    feedback was recorded from the page, the number of days changed, or the Mine / Everyone's switch moved
    (what the navigation counts changed); ``counts_loaded(AgendaCounts, bool)`` each time the page read the
    agenda: its exact numbers and whether they are the user's own (Mine) or everyone's.
    """

    beneficiary_opened = Signal(str)
    agenda_changed = Signal()
    counts_loaded = Signal(object, bool)

    def __init__(
        self, services: Services, parent: QWidget | None = None, *, today: Callable[[], date] | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._today = today or services.today
        role = services.user.role if services.user is not None else None
        self.can_record = role in CASE_WORKERS
        self.can_set_days = role in SUPERVISORS
        self.referral_actions = ReferralActions(services, self)
        self.referral_actions.referrals_changed.connect(self._changed)
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
        self.mine_button.toggled.connect(self._changed)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.status = QLabel()
        self.status.setWordWrap(True)

        # --- follow-ups ---------------------------------------------------------------------------
        self.model = AgendaModel(self)
        self.tree = QTreeView()
        self._list(self.tree, self.model, (220, 240, 160), self._follow_up_activated)
        self.tree.setUniformRowHeights(True)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.model.modelReset.connect(self._span_sections)
        self.record_button = QPushButton(self.tr("Record the session…"))
        self.record_button.setToolTip(self.tr("Record the session held for the selected follow-up (Enter)"))
        self.record_button.clicked.connect(self.record_session)
        self.record_button.setVisible(self.can_record)
        self.open_follow_up_button = QPushButton(self.tr("Open the person"))
        self.open_follow_up_button.clicked.connect(self._open_follow_up_person)
        follow_up_box = QGroupBox(self.tr("Follow-ups"))
        follow_up_layout = QVBoxLayout(follow_up_box)
        follow_up_layout.addWidget(self.tree, 1)
        follow_up_layout.addLayout(_row(None, self.open_follow_up_button, self.record_button))

        # --- referrals awaiting feedback ----------------------------------------------------------
        self.awaiting_model = AwaitingTableModel(self)
        self.awaiting_table = QTableView()
        self._list(self.awaiting_table, self.awaiting_model, (150, 220, 200, 110, 170), self._awaiting_activated)
        self.awaiting_table.setWordWrap(False)
        self.awaiting_table.verticalHeader().hide()
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
            self.tr(
                "How long a sent referral waits for the partner's answer before it shows here, for the whole "
                "centre. Saved on Enter or when you leave the field."
            )
        )
        self.days_spin.setVisible(self.can_set_days)
        # a centre-wide setting: never changed by a wheel passing over it, saved once the person is done
        unsaved_changes.wheel_only_when_focused(self.days_spin)
        self.days_spin.editingFinished.connect(self.save_feedback_days)
        self.days_label = QLabel()
        self.days_error = QLabel()
        self.days_error.setStyleSheet("color: #b71c1c;")
        self.days_error.hide()
        self.awaiting_box = QGroupBox(self.tr("Referrals awaiting feedback"))
        awaiting_layout = QVBoxLayout(self.awaiting_box)
        awaiting_layout.addLayout(_row(self.days_label, self.days_spin, self.days_error, None))
        awaiting_layout.addWidget(self.awaiting_table, 1)
        awaiting_layout.addLayout(_row(None, self.open_awaiting_button, self.feedback_button))

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(follow_up_box)
        splitter.addWidget(self.awaiting_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(_row(title, 24, self.mine_button, self.everyone_button, None, self.refresh_button))
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

        order: tuple[QWidget, ...] = (self.mine_button, self.everyone_button, self.tree, self.open_follow_up_button)
        order += (self.record_button, self.days_spin, self.awaiting_table, self.open_awaiting_button)
        for before, after in itertools.pairwise((*order, self.feedback_button)):
            self.setTabOrder(before, after)
        self._update_actions()

    def _list(
        self,
        view: QAbstractItemView,
        model: QAbstractItemModel,
        widths: tuple[int, ...],
        activated: Callable[[QModelIndex], None],
    ) -> None:
        """One row selected at a time, read only; a double-click or Enter acts on the row (``activated``)."""
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()  # type: ignore[attr-defined]
        header.setStretchLastSection(True)
        for column, width in enumerate(widths):
            header.resizeSection(column, width)
        view.doubleClicked.connect(activated)
        enter = _EnterActivates(view)
        view.installEventFilter(enter)
        enter.row_activated.connect(activated)
        view.selectionModel().selectionChanged.connect(self._update_actions)

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
        self.awaiting_model.set_awaiting(agenda.awaiting, agenda.counts.awaiting)
        self.awaiting_box.setTitle(self.awaiting_model.title())
        self._show_days(days)
        if follow_up is not None:
            self.select_follow_up(follow_up.session_id)
        if awaiting is not None:
            self.select_awaiting(awaiting.referral_id)
        self._update_actions()
        self.counts_loaded.emit(agenda.counts, self.mine)

    @Slot()
    def _span_sections(self) -> None:
        """A section's title runs across the columns (it says how many, and which part is listed)."""
        for section in Section:
            self.tree.setFirstColumnSpanned(int(section), QModelIndex(), True)

    def _show_days(self, days: int) -> None:
        self.days_spin.setValue(days)  # (saved on editingFinished only: setting it saves nothing)
        if self.can_set_days:
            self.days_label.setText(self.tr("Sent and not answered by the partner for more than"))
        else:
            self.days_label.setText(self.tr("Sent and not answered by the partner for more than %n days", "", days))

    @Slot()
    def _changed(self) -> None:
        """What is due changed (a referral's feedback, the days) or the switch moved: reload, and say so."""
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
        self.tree.selectionModel().setCurrentIndex(index, ROW_SELECTION)
        self.tree.scrollTo(index)
        return True

    def select_awaiting(self, referral_id: str) -> bool:
        """Select the referral's row; False when it is not listed."""
        items = self.awaiting_model.items()
        row = next((r for r, a in enumerate(items) if a.referral_id == referral_id), -1)
        if row < 0:
            return False
        # not QTableView.selectRow: right to left it picks the column under the viewport's edge, often none
        index = self.awaiting_model.index(row, 0)
        self.awaiting_table.selectionModel().setCurrentIndex(index, ROW_SELECTION)
        self.awaiting_table.scrollTo(index)
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
        self.status.setText(self.tr("Session recorded for %1.").replace("%1", labels.isolate(item.person_name)))
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
    def _open_awaiting_person(self) -> None:
        item = self.selected_awaiting()
        if item is not None:
            self.beneficiary_opened.emit(item.beneficiary_id)

    @Slot()
    def save_feedback_days(self) -> None:
        """Keep the number of days typed (coordinators and administrators) and reload."""
        if not self.can_set_days:
            return
        days = self.days_spin.value()
        try:
            if days == self._services.follow_up.feedback_days():
                return
            self._services.follow_up.set_feedback_days(days)
        except HubdeskError as exc:
            problems = exc.errors if isinstance(exc, ValidationError) else {}
            self.days_error.setText(QCoreApplication.translate("validation", problems.get("feedback_days", str(exc))))
            self.days_error.show()
            return
        self.days_error.hide()
        self._changed()
