"""The Referrals page: every referral over everyone, filtered, with the figures of each partner."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
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
from hubdesk.services.guidance_readmodels import PartnerFigures, ReferralQuery, ReferralRow
from hubdesk.ui import labels
from hubdesk.ui.form_rows import message
from hubdesk.ui.paged_table_model import record_table
from hubdesk.ui.partner_figures_model import PartnerFiguresModel, SortRole
from hubdesk.ui.period_filter import FILTER_CHARS, CounsellorFilter, PeriodFilter, fit_popup
from hubdesk.ui.referral_actions import ReferralActions, prints_letter
from hubdesk.ui.referrals_table_model import RecordRole, ReferralsTableModel
from hubdesk.ui.workers import WorkControl, Worker


class ReferralsPage(QWidget):
    """Filters on top, the referrals (page by page, newest first), the per-partner figures under them.

    The rows come first; their count and the figures (which read every referral of the period) are computed
    off the GUI thread and shown when ready, unless the filters changed meanwhile. Reloaded each time the page
    is shown and after every change made from it, keeping the referral selected and the place in the list.

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
        # as narrow as a name of FILTER_CHARS characters: the partners' long names are read in the list
        self.partner_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.partner_filter.setMinimumContentsLength(FILTER_CHARS)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in ReferralStatus:
            self.status_filter.addItem(labels.referral_status(status), status.value)
        self.overdue_check = QCheckBox(self.tr("Only &overdue"))
        self.overdue_check.setToolTip(self.tr("Sent, and the partner has not answered in time"))
        self.counsellor_filter = CounsellorFilter()
        self.period = PeriodFilter(self.tr("&Referred from"), services.today())
        self.period_check, self.from_edit, self.to_edit = self.period.check, self.period.from_edit, self.period.to_edit
        self._fill_filters()
        for combo in (self.partner_filter, self.status_filter, self.counsellor_filter):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.overdue_check.toggled.connect(self.apply_filters)
        self.period.changed.connect(self.apply_filters)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)

        # --- the referrals -------------------------------------------------------------------------
        self.model = ReferralsTableModel(services.follow_up, self)
        self.model.counted.connect(self._counted)
        self.model.load_failed.connect(self.status.setText)
        self.table = record_table(self.model, (140, 90, 210, 190, 140, 80, 250))
        self.table.doubleClicked.connect(self._open_person)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # PySide6 ignores ``context=`` when a slot is given: without this, Enter anywhere in the window opens
            QShortcut(QKeySequence(key), self.table, self._open_person).setContext(Qt.ShortcutContext.WidgetShortcut)
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
        #: the figures asked for last (numbered): only those are shown, earlier ones are dropped
        self._figures_asked = 0
        self.figures_pending = False

        # --- actions -------------------------------------------------------------------------------
        self.status_button = QPushButton(self.tr("Change &status…"))
        self.status_button.clicked.connect(self.change_status)
        self.feedback_button = QPushButton(self.tr("Record &feedback…"))
        self.feedback_button.setToolTip(
            self.tr("Type a partner's feedback slip: for the selected referral, or any number typed")
        )
        self.feedback_button.clicked.connect(self.record_feedback)
        self.letter_button = QPushButton(self.tr("Print &letter"))
        self.letter_button.setToolTip(self.tr("The letter of a referral sent, accepted or completed"))
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

        filters = QHBoxLayout()  # two rows: the page fits a window 1280 pixels wide
        for widget in (self.partner_filter, self.status_filter, self.overdue_check):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.refresh_button)
        filters_below = QHBoxLayout()
        filters_below.addWidget(self.counsellor_filter)
        filters_below.addSpacing(12)
        filters_below.addWidget(self.period)
        filters_below.addStretch(1)
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
        layout.addLayout(filters_below)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self._update_actions()

    def _fill_filters(self) -> None:
        """Every partner (disabled ones too: their referrals stay) and every counsellor (those who left too),
        as they are now; the ones chosen stay chosen."""
        chosen = self.partner_filter.currentData()
        self.partner_filter.blockSignals(True)
        self.partner_filter.clear()
        self.partner_filter.addItem(self.tr("All partners"), None)
        try:
            partners = self._services.partners.list(include_inactive=True)
        except HubdeskError as exc:
            self.status.setText(message(str(exc)))
            partners = []
        for partner in partners:
            self.partner_filter.addItem(partner.name, partner.id)
            self.partner_filter.setItemData(self.partner_filter.count() - 1, partner.name, Qt.ItemDataRole.ToolTipRole)
        self.partner_filter.setCurrentIndex(max(0, self.partner_filter.findData(chosen)))
        self.partner_filter.setToolTip(self.partner_filter.currentText())
        self.partner_filter.blockSignals(False)
        fit_popup(self.partner_filter)
        problem = self.counsellor_filter.reload(self._services)
        if problem:
            self.status.setText(message(problem))

    # --- loading -----------------------------------------------------------------------------------

    def current_query(self) -> ReferralQuery:
        status = self.status_filter.currentData()
        referred_from, referred_to = self.period.period()
        return ReferralQuery(
            partner_id=self.partner_filter.currentData(),
            status=ReferralStatus(status) if status else None,
            overdue=self.overdue_check.isChecked(),
            counsellor_id=self.counsellor_filter.currentData(),
            referred_from=referred_from,
            referred_to=referred_to,
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():  # a window coming back from the task bar is no reason to reload
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Reload the partners and counsellors offered and the referrals with the same filters, in place."""
        self._fill_filters()
        self._load(keep_place=True)

    @Slot()
    def apply_filters(self) -> None:
        """Show the first page of what the filters select at once; the count and the figures follow."""
        self.partner_filter.setToolTip(self.partner_filter.currentText())
        self._load(keep_place=False)

    def _load(self, *, keep_place: bool) -> None:
        """Load the list; with ``keep_place`` as many rows as were shown, the same selected and scrolled to."""
        selected = self.selected_referral()
        scrolled = self.table.verticalScrollBar().value()
        shown = self.model.rowCount()
        if not self.model.set_query(self.current_query(), at_least=shown if keep_place else 0):
            return  # load_failed told why; the rows shown stay
        self.status.clear()
        if self.model.counting:
            self.count_label.setText(self.tr("%n referrals shown, counting…", "", self.model.rowCount()))
        if selected is not None:
            self._select(selected.id)
        if keep_place:
            self.table.verticalScrollBar().setValue(scrolled)
        self._update_actions()
        self.load_figures()

    @Slot(int)
    def _counted(self, total: int) -> None:
        self.count_label.setText(self.tr("%n referrals", "", total))

    @Slot()
    def load_figures(self) -> None:
        """Compute the per-partner figures of the current filters off the GUI thread."""
        self._figures_asked += 1
        self.figures_pending = True
        number, query, follow_up = self._figures_asked, self.model.query, self._services.follow_up

        def work(_control: WorkControl) -> tuple[int, list[PartnerFigures] | Exception]:
            try:
                return number, follow_up.partner_figures(query)
            except Exception as exc:  # told on the GUI thread
                return number, exc

        # parented to the application: a page closed meanwhile is simply not told (its slot is disconnected)
        worker = Worker(work, QCoreApplication.instance())
        worker.done.connect(self._figures_loaded)
        worker.done.connect(worker.deleteLater)
        worker.error.connect(worker.deleteLater)
        worker.start()

    @Slot(object)
    def _figures_loaded(self, result: Any) -> None:
        number, figures = result
        if number != self._figures_asked:
            return  # the filters or the referrals changed while these were computed: newer figures follow
        self.figures_pending = False
        if isinstance(figures, HubdeskError):
            self.status.setText(message(str(figures)))
        elif isinstance(figures, Exception):
            self.status.setText(self.tr("The figures could not be computed: %1").replace("%1", str(figures)))
        else:
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
        """The letter of a referral sent (accepted, completed) is printed; a draft is sent, then printed."""
        selected = self.selected_referral()
        self.open_button.setEnabled(selected is not None)
        self.status_button.setEnabled(selected is not None and bool(REFERRAL_STEPS[selected.status]))
        draft = selected is not None and selected.status is ReferralStatus.DRAFT
        self.letter_button.setText(self.tr("Send and print &letter") if draft else self.tr("Print &letter"))
        self.letter_button.setEnabled(selected is not None and (draft or prints_letter(selected.status)))

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
            self.status.setText(message(str(exc)))
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
        """The letter of the selected referral in ``lang``; a draft is marked sent first."""
        row = self.selected_referral()
        if row is None or not self.can_change:
            return
        if row.status is ReferralStatus.DRAFT:
            self.referral_actions.send_and_print(row.id, lang, row.person_name)
        elif prints_letter(row.status):
            self.referral_actions.print_letter(row.id, lang, row.person_name)

    @Slot()
    def _changed(self) -> None:
        self._load(keep_place=True)
        self.referrals_changed.emit()
