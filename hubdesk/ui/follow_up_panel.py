"""A person's follow-up on their record: the case status, the timeline, the selected item in full, the actions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.errors import HubdeskError
from hubdesk.domain.workflow import AWAITING_FEEDBACK
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import JobInfo, PersonFollowUp, ReferralInfo, SessionEntry
from hubdesk.ui import labels
from hubdesk.ui.case_status_dialog import CaseStatusDialog
from hubdesk.ui.follow_up_actions import FollowUpRights, ItemAction, letter_menu
from hubdesk.ui.job_dialog import JobDialog
from hubdesk.ui.list_table_model import RecordRole
from hubdesk.ui.referral_actions import ReferralActions
from hubdesk.ui.session_dialog import SessionDialog
from hubdesk.ui.timeline_model import TimelineItem, TimelineKind, TimelineModel

#: the rows of a selection: the whole row, whatever the column under the pointer (also right to left)
ROW_SELECTION = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows


def _row(*widgets: QWidget | None) -> QHBoxLayout:
    """The widgets side by side; None is a stretch."""
    row = QHBoxLayout()
    for widget in widgets:
        if widget is None:
            row.addStretch(1)
        else:
            row.addWidget(widget)
    return row


class FollowUpPanel(QWidget):
    """The case line, the buttons that record what happened, the timeline (filtered) and the selected item.

    One read of the services per load, whatever the number of sessions and referrals. Write actions show
    only to those who may (the services refuse the others and the message is shown).

    Signals:
        follow_up_changed: something of the person's follow-up was saved (the panel has reloaded).
    """

    follow_up_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._beneficiary_id: str | None = None
        self._person_name = ""
        self.follow_up: PersonFollowUp | None = None
        self.last_message: QMessageBox | None = None
        self._loads = 0
        #: what the user may do with the lines (follow_up_actions)
        self.rights = FollowUpRights.of(services)
        self._writer = self.rights.writer
        self.referral_actions = ReferralActions(services, self)
        self.referral_actions.referrals_changed.connect(self._changed)

        self.case_label = QLabel()
        self.case_label.setStyleSheet("font-weight: 600;")
        self.case_button = self._button(self.tr("Change status…"), self.change_case)
        self.session_button = self._button(self.tr("Record a session"), self.record_session)
        self.session_button.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.session_button.setToolTip(self.tr("Record a session (Ctrl+Shift+S)"))
        self.refer_button = self._button(self.tr("Refer to a partner…"), self.new_referral)
        self.feedback_button = self._button(self.tr("Record feedback…"), self.record_feedback)
        self.job_button = self._button(self.tr("Record a job…"), self.record_job)
        self.filter = QComboBox()
        for text, kind in (
            (self.tr("All"), ""),
            (self.tr("Sessions"), TimelineKind.SESSION.value),
            (self.tr("Referrals"), TimelineKind.REFERRAL.value),
            (self.tr("Jobs"), TimelineKind.JOB.value),
        ):
            self.filter.addItem(text, kind)
        self.filter.currentIndexChanged.connect(self._filter_chosen)

        self.timeline = TimelineModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.timeline)
        self.proxy.setFilterRole(TimelineModel.KindRole)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.verticalHeader().hide()
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(TimelineModel.DATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TimelineModel.WHAT, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(TimelineModel.STATUS, 220)
        header.resizeSection(TimelineModel.BY, 160)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.doubleClicked.connect(self._open)
        # the current row moving, and a Ctrl+click taking the selection away, both change the detail pane
        self.view.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.setPlaceholderText(self.tr("Select a line to see it in full."))
        self.edit_session_button = self._button(self.tr("Edit the session…"), self.edit_session)
        self.delete_session_button = self._button(self.tr("Delete the session…"), self.delete_session)
        self.referral_status_button = self._button(self.tr("Change the referral's status…"), self.change_referral)
        self.edit_referral_button = self._button(self.tr("Edit the referral…"), self.edit_referral)
        self.print_letter_button = QPushButton(self.tr("Print the letter"))
        self.letter_actions = letter_menu(self.print_letter_button, self.print_letter)
        self.edit_job_button = self._button(self.tr("Edit the job…"), self.edit_job)
        self._action_buttons = {
            ItemAction.EDIT_SESSION: self.edit_session_button,
            ItemAction.DELETE_SESSION: self.delete_session_button,
            ItemAction.REFERRAL_STATUS: self.referral_status_button,
            ItemAction.EDIT_REFERRAL: self.edit_referral_button,
            ItemAction.PRINT_LETTER: self.print_letter_button,
            ItemAction.EDIT_JOB: self.edit_job_button,
        }
        self.item_buttons = tuple(self._action_buttons.values())

        detail_box = QWidget()
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail, 1)
        detail_layout.addLayout(_row(*self.item_buttons, None))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(detail_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(_row(self.case_label, self.case_button, None))
        writes = (self.session_button, self.refer_button, self.feedback_button, self.job_button)
        layout.addLayout(_row(*writes, None, QLabel(self.tr("Show:")), self.filter))
        layout.addWidget(splitter, 1)
        for button in (self.case_button, *writes):
            button.setVisible(self._writer)
        self._selection_changed()

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    # --- loading -------------------------------------------------------------------------------------

    def show_person(self, beneficiary_id: str, person_name: str) -> None:
        """Load the person's follow-up (one read) and show it, newest first."""
        if beneficiary_id != self._beneficiary_id:
            self.filter.setCurrentIndex(0)
        self._beneficiary_id = beneficiary_id
        self._person_name = person_name
        self.reload()

    def reload(self) -> None:
        """Read the follow-up again; the selected line stays selected when it is still there."""
        if self._beneficiary_id is None:
            return
        current = self.selected_item()
        self._loads += 1
        try:
            self.follow_up = self._services.person_follow_up.follow_up(self._beneficiary_id)
        except HubdeskError as exc:
            self.follow_up = None
            self.timeline.set_items([])
            self.case_label.setText(str(exc))
            self._selection_changed()
            return
        case = self.follow_up.case
        text = self.tr("Case: %1").replace("%1", labels.case_status(case.status))
        if case.since is not None:
            text = self.tr("Case: %1 since %2").replace("%1", labels.case_status(case.status))
            text = text.replace("%2", labels.short_date(case.since))
        self.case_label.setText(text)
        self.timeline.set_follow_up(self.follow_up, self._services.today())
        if current is not None:
            self.select(current.key)
        self._selection_changed()

    def select(self, key: str) -> bool:
        """Select the line of ``key`` (as ``TimelineItem.key``); False when it is not shown."""
        row = self.timeline.row_of(key)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.timeline.index(row, 0))
        if not index.isValid():
            return False
        # not QTableView.selectRow / setCurrentIndex: right to left they may pick no column, hence no row
        self.view.selectionModel().setCurrentIndex(index, ROW_SELECTION)
        self.view.scrollTo(index)
        return True

    def selected_item(self) -> TimelineItem | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isSelected(index):
            return None
        item = index.data(RecordRole)
        return item if isinstance(item, TimelineItem) else None

    @Slot()
    def _filter_chosen(self) -> None:
        self.proxy.setFilterFixedString(str(self.filter.currentData() or ""))
        self._selection_changed()

    @Slot()
    def _changed(self) -> None:
        self.reload()
        self.follow_up_changed.emit()

    # --- what the selected line offers -----------------------------------------------------------------

    def may_change_session(self, entry: SessionEntry) -> bool:
        """Its author or counsellor, a coordinator or an administrator (the service checks it too)."""
        return self.rights.may_change_session(entry)

    def _offers(self, item: TimelineItem | None) -> dict[QPushButton, bool]:
        offered = self.rights.offers(item.record if item is not None else None)
        return {button: offered[action] for action, button in self._action_buttons.items()}

    @Slot()
    def _selection_changed(self) -> None:
        item = self.selected_item()
        self.detail.setHtml(self.timeline.describe(item) if item is not None else "")
        for button, shown in self._offers(item).items():
            button.setVisible(shown)

    @Slot(QPoint)
    def _context_menu(self, point: QPoint) -> None:
        item = self.selected_item()
        if item is None:
            return
        menu = QMenu(self)
        for button, shown in self._offers(item).items():
            submenu = button.menu()
            if shown and submenu is not None:
                menu.addMenu(submenu)  # the letter's languages
            elif shown:
                menu.addAction(button.text(), button.click)
        if not menu.isEmpty():
            menu.exec(self.view.viewport().mapToGlobal(point))
        menu.deleteLater()

    @Slot(QModelIndex)
    def _open(self, _index: QModelIndex) -> None:
        """Double-click: the line's main action, when the user may take it."""
        item = self.selected_item()
        if item is None:
            return
        if item.kind is TimelineKind.CASE:
            self.change_case()
            return
        main = {
            TimelineKind.SESSION: self.edit_session_button,
            TimelineKind.REFERRAL: self.referral_status_button,
            TimelineKind.JOB: self.edit_job_button,
        }[item.kind]
        if self._offers(item)[main]:
            main.click()

    # --- asking (tests replace these) --------------------------------------------------------------------

    def ask(self, dialog: QDialog) -> bool:
        """Show a dialog; True when it was saved."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Follow-up"), text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        )
        return answer == QMessageBox.StandardButton.Yes

    def inform(self, text: str) -> None:
        """Say why something was refused (the services' words), without blocking."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Follow-up"), text, parent=self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_message = box
        box.open()

    def _run(self, dialog: QDialog) -> None:
        try:
            saved = self.ask(dialog)
        finally:
            dialog.deleteLater()
        if saved:
            self._changed()

    # --- the actions ---------------------------------------------------------------------------------

    @Slot()
    def record_session(self) -> None:
        if self._beneficiary_id is not None and self._writer:
            self._run(SessionDialog(self._services, self._beneficiary_id, self._person_name, self))

    @Slot()
    def edit_session(self) -> None:
        item = self.selected_item()
        if self._beneficiary_id is not None and item is not None and isinstance(item.record, SessionEntry):
            self._run(SessionDialog(self._services, self._beneficiary_id, self._person_name, self, entry=item.record))

    @Slot()
    def delete_session(self) -> None:
        item = self.selected_item()
        if item is None or not isinstance(item.record, SessionEntry):
            return
        when = self.timeline.display(item, TimelineModel.DATE)
        if not self.confirm(self.tr("Delete the session of %1? It leaves the person's follow-up.").replace("%1", when)):
            return
        try:
            self._services.guidance.delete_session(item.record.id)
        except HubdeskError as exc:
            self.inform(str(exc))
            return
        self._changed()

    @Slot()
    def change_case(self) -> None:
        if self._beneficiary_id is not None and self.follow_up is not None and self._writer:
            self._run(CaseStatusDialog(self._services, self._beneficiary_id, self.follow_up.case, self))

    @Slot()
    def record_job(self) -> None:
        if self._beneficiary_id is not None and self.follow_up is not None and self._writer:
            self._run(JobDialog(self._services, self._beneficiary_id, self.follow_up.referrals, self))

    @Slot()
    def edit_job(self) -> None:
        item = self.selected_item()
        if self._beneficiary_id is None or self.follow_up is None or item is None:
            return
        if isinstance(item.record, JobInfo):
            self._run(JobDialog(self._services, self._beneficiary_id, self.follow_up.referrals, self, job=item.record))

    def _referral(self, action: Callable[[], object]) -> None:
        """Run a referral action; reload after it unless its ``referrals_changed`` already did."""
        before = self._loads
        if action() and self._loads == before:
            self._changed()

    def _selected_referral(self) -> ReferralInfo | None:
        item = self.selected_item()
        return item.record if item is not None and isinstance(item.record, ReferralInfo) else None

    @Slot()
    def new_referral(self) -> None:
        if self._beneficiary_id is not None and self._writer:
            beneficiary_id, name = self._beneficiary_id, self._person_name
            self._referral(lambda: self.referral_actions.new_referral(beneficiary_id, name))

    @Slot()
    def record_feedback(self) -> None:
        referral = self._selected_referral()
        code = referral.code if referral is not None and referral.status in AWAITING_FEEDBACK else ""
        self._referral(lambda: self.referral_actions.record_feedback(code))

    @Slot()
    def change_referral(self) -> None:
        referral = self._selected_referral()
        if referral is not None:
            self._referral(lambda: self.referral_actions.change_status(referral))

    @Slot()
    def edit_referral(self) -> None:
        referral = self._selected_referral()
        if referral is not None:
            self._referral(lambda: self.referral_actions.edit_referral(referral))

    def print_letter(self, lang: str) -> None:
        referral = self._selected_referral()
        if referral is not None:
            self.referral_actions.print_letter(referral.id, lang, self._person_name)
