"""The Referrals page: every referral over everyone, filtered, with the figures of each partner."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.enums import ReferralStatus
from hubdesk.domain.errors import HubdeskError
from hubdesk.domain.workflow import REFERRAL_STEPS
from hubdesk.services.access import CASE_WORKERS
from hubdesk.services.documents import DOCUMENT_LANGUAGES
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import ReferralQuery, ReferralRow
from hubdesk.ui import labels
from hubdesk.ui.partner_figures_model import PartnerFiguresModel, SortRole
from hubdesk.ui.referral_actions import ReferralActions
from hubdesk.ui.referrals_table_model import RecordRole, ReferralsTableModel


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ReferralsPage(QWidget):
    """Filters on top, the referrals (page by page, newest first), the per-partner figures under them.

    The rows come first; the figures are computed just after (they read every referral of the period).
    Reloaded each time the page is shown and after every change made from it.

    Signals: ``beneficiary_opened(str)`` with a person's id; ``referrals_changed()`` after a referral was
    changed from the page (its status, its feedback).
    """

    beneficiary_opened = Signal(str)
    referrals_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        role = services.user.role if services.user is not None else None
        self.can_change = role in CASE_WORKERS
        self.referral_actions = ReferralActions(services, self)
        self.referral_actions.referrals_changed.connect(self._changed)
        self.status = QLabel()
        self.status.setWordWrap(True)

        # --- filters -------------------------------------------------------------------------------
        self.partner_filter = QComboBox()
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in ReferralStatus:
            self.status_filter.addItem(labels.referral_status(status), status.value)
        self.overdue_check = QCheckBox(self.tr("Only &overdue"))
        self.overdue_check.setToolTip(self.tr("Sent, and the partner has not answered in time"))
        self.counsellor_filter = QComboBox()
        self.counsellor_filter.addItem(self.tr("All counsellors"), None)
        try:
            for user in services.accounts.counsellors():
                self.counsellor_filter.addItem(user.full_name, user.id)
        except HubdeskError:
            pass
        self.period_check = QCheckBox(self.tr("&Referred from"))
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
        self._fill_partners()
        for combo in (self.partner_filter, self.status_filter, self.counsellor_filter):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.overdue_check.toggled.connect(self.apply_filters)
        self.period_check.toggled.connect(self.apply_filters)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)

        # --- the referrals -------------------------------------------------------------------------
        self.model = ReferralsTableModel(services.follow_up, self)
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
        for column, width in enumerate((140, 90, 210, 190, 140, 80, 250)):
            header.resizeSection(column, width)
        self.table.doubleClicked.connect(self._open_person)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self.table, self._open_person, context=Qt.ShortcutContext.WidgetShortcut)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.count_label = QLabel()

        # --- the figures ---------------------------------------------------------------------------
        self.figures_model = PartnerFiguresModel(self)
        self.figures_proxy = QSortFilterProxyModel(self)
        self.figures_proxy.setSourceModel(self.figures_model)
        self.figures_proxy.setSortRole(SortRole)
        self.figures_table = QTableView()
        self.figures_table.setModel(self.figures_proxy)
        self.figures_table.setSortingEnabled(True)
        self.figures_table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.figures_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.figures_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.figures_table.setAlternatingRowColors(True)
        self.figures_table.setWordWrap(False)
        self.figures_table.verticalHeader().hide()
        self.figures_table.horizontalHeader().setStretchLastSection(True)
        self.figures_table.horizontalHeader().resizeSection(0, 260)
        self.figures_note = QLabel(
            self.tr("The period and the counsellor apply to the figures; the other filters do not.")
        )
        self.figures_note.setStyleSheet("color: palette(mid);")
        self._figures_timer = QTimer(self, singleShot=True, interval=0)
        self._figures_timer.timeout.connect(self.load_figures)

        # --- actions -------------------------------------------------------------------------------
        self.status_button = QPushButton(self.tr("Change &status…"))
        self.status_button.clicked.connect(self.change_status)
        self.feedback_button = QPushButton(self.tr("Record &feedback…"))
        self.feedback_button.setToolTip(
            self.tr("Type a partner's feedback slip: for the selected referral, or any number typed")
        )
        self.feedback_button.clicked.connect(self.record_feedback)
        self.letter_button = QPushButton(self.tr("Print &letter"))
        letter_menu = QMenu(self.letter_button)
        self.letter_actions = {
            lang: letter_menu.addAction(labels.printed_language(lang)) for lang in DOCUMENT_LANGUAGES
        }
        for lang, action in self.letter_actions.items():
            action.triggered.connect(lambda _checked=False, lang=lang: self.print_letter(lang))
        self.letter_button.setMenu(letter_menu)
        self.open_button = QPushButton(self.tr("Open the &person"))
        self.open_button.clicked.connect(self._open_person)
        for button in (self.status_button, self.feedback_button, self.letter_button):
            button.setVisible(self.can_change)

        filters = QHBoxLayout()
        for widget in (self.partner_filter, self.status_filter, self.overdue_check, self.counsellor_filter):
            filters.addWidget(widget)
        filters.addSpacing(12)
        filters.addWidget(self.period_check)
        filters.addWidget(self.from_edit)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.to_edit)
        filters.addStretch(1)
        filters.addWidget(self.refresh_button)
        actions = QHBoxLayout()
        actions.addWidget(self.count_label)
        actions.addStretch(1)
        for button in (self.open_button, self.letter_button, self.status_button, self.feedback_button):
            actions.addWidget(button)
        referrals = QWidget()
        referrals_layout = QVBoxLayout(referrals)
        referrals_layout.setContentsMargins(0, 0, 0, 0)
        referrals_layout.addWidget(self.table, 1)
        referrals_layout.addLayout(actions)
        figures_box = QGroupBox(self.tr("Per partner"))
        figures_layout = QVBoxLayout(figures_box)
        figures_layout.addWidget(self.figures_table, 1)
        figures_layout.addWidget(self.figures_note)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(referrals)
        splitter.addWidget(figures_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        title = QLabel(self.tr("Referrals"))
        title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self._update_actions()

    def _fill_partners(self) -> None:
        """Every partner (disabled ones too: their referrals stay), the chosen one kept."""
        chosen = self.partner_filter.currentData()
        self.partner_filter.blockSignals(True)
        self.partner_filter.clear()
        self.partner_filter.addItem(self.tr("All partners"), None)
        try:
            partners = self._services.partners.list(include_inactive=True)
        except HubdeskError as exc:
            self.status.setText(str(exc))
            partners = []
        for partner in partners:
            self.partner_filter.addItem(partner.name, partner.id)
        self.partner_filter.setCurrentIndex(max(0, self.partner_filter.findData(chosen)))
        self.partner_filter.blockSignals(False)

    # --- loading -----------------------------------------------------------------------------------

    def current_query(self) -> ReferralQuery:
        dated = self.period_check.isChecked()
        status = self.status_filter.currentData()
        return ReferralQuery(
            partner_id=self.partner_filter.currentData(),
            status=ReferralStatus(status) if status else None,
            overdue=self.overdue_check.isChecked(),
            counsellor_id=self.counsellor_filter.currentData(),
            referred_from=_day(self.from_edit.date()) if dated else None,
            referred_to=_day(self.to_edit.date()) if dated else None,
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():  # a window coming back from the task bar is no reason to reload
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Reload the partners offered and the referrals with the same filters."""
        self._fill_partners()
        self.apply_filters()

    @Slot()
    def _period_changed(self) -> None:
        if self.period_check.isChecked():
            self.apply_filters()

    @Slot()
    def apply_filters(self) -> None:
        """Show the first page of what the filters select at once; the figures follow a moment later."""
        selected = self.selected_referral()
        try:
            self.model.set_query(self.current_query())
        except HubdeskError as exc:
            self.status.setText(str(exc))
            return
        self.status.clear()
        self.count_label.setText(self.tr("%n referrals", "", self.model.total))
        if selected is not None:
            self._select(selected.id)
        self._update_actions()
        self._figures_timer.start()

    @Slot()
    def load_figures(self) -> None:
        self._figures_timer.stop()
        try:
            figures = self._services.follow_up.partner_figures(self.model.query)
        except HubdeskError as exc:
            self.status.setText(str(exc))
            return
        self.figures_model.set_items(figures)

    # --- selection ---------------------------------------------------------------------------------

    def selected_referral(self) -> ReferralRow | None:
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].data(RecordRole) if rows else None
        return row if isinstance(row, ReferralRow) else None

    def _select(self, referral_id: str) -> None:
        row = self.model.row_of(referral_id)
        if row >= 0:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)

    @Slot()
    def _update_actions(self) -> None:
        selected = self.selected_referral()
        self.open_button.setEnabled(selected is not None)
        self.status_button.setEnabled(selected is not None and bool(REFERRAL_STEPS[selected.status]))
        # no letter goes out for a referral cancelled or refused by the partner
        closed = (ReferralStatus.CANCELLED, ReferralStatus.REJECTED)
        self.letter_button.setEnabled(selected is not None and selected.status not in closed)

    # --- actions -----------------------------------------------------------------------------------

    @Slot()
    def _open_person(self, _index: QModelIndex | None = None) -> None:
        row = self.selected_referral()
        if row is not None:
            self.beneficiary_opened.emit(row.beneficiary_id)

    @Slot()
    def change_status(self) -> None:
        row = self.selected_referral()
        if row is None or not self.can_change:
            return
        try:
            info = self._services.referrals.get(row.id)
        except HubdeskError as exc:
            self.status.setText(str(exc))
            return
        self.referral_actions.change_status(info)

    @Slot()
    def record_feedback(self) -> None:
        """The feedback slip of the selected referral, or of a number to type when none is selected."""
        if not self.can_change:
            return
        row = self.selected_referral()
        self.referral_actions.record_feedback(row.code if row is not None else "")

    def print_letter(self, lang: str) -> None:
        row = self.selected_referral()
        if row is not None and self.can_change:
            self.referral_actions.print_letter(row.id, lang, row.person_name)

    @Slot()
    def _changed(self) -> None:
        self.apply_filters()
        self.referrals_changed.emit()
