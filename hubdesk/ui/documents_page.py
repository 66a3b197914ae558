"""The Documents page: verify a presented paper, browse the register, cancel a document."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.enums import DocumentKind
from hubdesk.domain.errors import HubdeskError
from hubdesk.services.document_readmodels import IssuedDocumentInfo
from hubdesk.services.documents import CANCELLERS, PRINTERS
from hubdesk.services.facade import Services
from hubdesk.ui import labels
from hubdesk.ui.cancel_document_dialog import CancelDocumentDialog
from hubdesk.ui.documents_table_model import DocumentsTableModel, RecordRole, SortRole
from hubdesk.ui.verify_panel import VerifyPanel

SEARCH_DELAY_MS = 200
#: the register lists this many rows at most, newest first; a search finds older ones
REGISTER_LIMIT = 500


class DocumentsPage(QWidget):
    """The verification box on top, the register below. The list reloads each time the page is shown.

    Signals: ``beneficiary_opened(str)`` with the id of the person of the selected document.
    """

    beneficiary_opened = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.cancel_dialog: CancelDocumentDialog | None = None
        self.verify_panel = VerifyPanel(services)
        self.verify_panel.document_verified.connect(self._select_document)

        self.model = DocumentsTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search by number, verification code, person code or name…"))
        self.search_edit.setClearButtonEnabled(True)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(self._timer.start)
        self.search_edit.returnPressed.connect(self.refresh)
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for kind in DocumentKind:
            self.kind_filter.addItem(labels.document_kind(kind), kind.value)
        self.kind_filter.currentIndexChanged.connect(self.refresh)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.count_label = QLabel()

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(DocumentsTableModel.ISSUED, Qt.SortOrder.DescendingOrder)
        self.table.doubleClicked.connect(self._open_person)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)

        self.open_button = QPushButton(self.tr("Open person"))
        self.open_button.clicked.connect(self._open_person)
        self.cancel_button = QPushButton(self.tr("Cancel document…"))
        self.cancel_button.setToolTip(self.tr("Mark the selected document as no longer valid, with the reason"))
        self.cancel_button.clicked.connect(self.cancel_selected)
        user = services.user
        self.cancel_button.setVisible(user is not None and user.role in CANCELLERS)
        self.status = QLabel()
        self.status.setWordWrap(True)

        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.refresh_button)
        filters.addWidget(self.count_label)
        actions = QHBoxLayout()
        actions.addWidget(self.status, 1)
        actions.addWidget(self.open_button)
        actions.addWidget(self.cancel_button)
        title = QLabel(self.tr("Document register"))
        title.setStyleSheet("font-weight: bold; font-size: 11pt;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.verify_panel)
        #: the register names people: only those who print may browse it; everyone may verify
        self.register_shown = user is not None and user.role in PRINTERS
        if self.register_shown:
            layout.addSpacing(8)
            layout.addWidget(title)
            layout.addLayout(filters)
            layout.addWidget(self.table, 1)
            layout.addLayout(actions)
        else:
            hidden: tuple[QWidget, ...] = (title, self.search_edit, self.kind_filter, self.refresh_button)
            for widget in (*hidden, self.count_label, self.table, self.status, self.open_button, self.cancel_button):
                widget.hide()
            layout.addStretch(1)
        self._update_actions()

    # --- the register ------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Reload the register with the search text and kind filter; the selection stays if listed."""
        self._timer.stop()
        if not self.register_shown:
            return
        selected = self.selected_document()
        kind = self.kind_filter.currentData()
        try:
            documents = self._services.documents.register(
                kind=DocumentKind(kind) if kind else None, text=self.search_edit.text(), limit=REGISTER_LIMIT
            )
        except HubdeskError as exc:
            self.status.setText(str(exc))
            return
        self.model.set_items(documents)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount() - 1):  # a little air: the text is not cut at the edge
            header.resizeSection(column, header.sectionSize(column) + 12)
        if len(documents) >= REGISTER_LIMIT:
            self.count_label.setText(
                self.tr("The newest %1 shown: search to find older ones").replace("%1", str(REGISTER_LIMIT))
            )
        else:
            self.count_label.setText(self.tr("%n documents", "", len(documents)))
        if selected is not None:
            self._select_document(selected)
        self._update_actions()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # a window coming back from the task bar is no reason to reload
        if not event.spontaneous():
            self.refresh()

    def selected_document(self) -> IssuedDocumentInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        info = rows[0].data(RecordRole)
        return info if isinstance(info, IssuedDocumentInfo) else None

    @Slot(object)
    def _select_document(self, info: IssuedDocumentInfo) -> None:
        row = self.model.row_of(info.id)
        if row < 0:
            self.table.clearSelection()
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        # not QTableView.selectRow: right to left it picks the column under the viewport's edge, often none
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    @Slot()
    def _update_actions(self) -> None:
        info = self.selected_document()
        self.open_button.setEnabled(info is not None and bool(info.beneficiary_id))
        self.cancel_button.setEnabled(info is not None and not info.cancelled)

    # --- actions -----------------------------------------------------------------------------

    @Slot()
    def _open_person(self, _index: QModelIndex | None = None) -> None:
        info = self.selected_document()
        if info is not None and info.beneficiary_id:
            self.beneficiary_opened.emit(info.beneficiary_id)

    @Slot()
    def cancel_selected(self) -> None:
        """Ask for the reason, then cancel the selected document (coordinators and administrators)."""
        info = self.selected_document()
        if info is None or info.cancelled or not self.cancel_button.isVisible():
            return
        self.cancel_dialog = CancelDocumentDialog(self._services, info, self)
        self.cancel_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.cancel_dialog.document_cancelled.connect(self._cancelled)
        self.cancel_dialog.destroyed.connect(self._dialog_closed)
        self.cancel_dialog.open()

    @Slot(object)
    def _cancelled(self, info: IssuedDocumentInfo) -> None:
        self.model.update_item(info)
        self.verify_panel.document_changed(info)
        self.status.setText(self.tr("%1 is cancelled.").replace("%1", info.number))
        self._update_actions()

    @Slot()
    def _dialog_closed(self) -> None:
        self.cancel_dialog = None
