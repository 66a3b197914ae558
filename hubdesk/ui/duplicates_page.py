"""The coordinator's list of possible duplicates: review, merge, or confirm two different people."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.errors import HubdeskError
from hubdesk.services.facade import Services
from hubdesk.services.readmodels import DuplicatePair
from hubdesk.ui.duplicate_pairs_model import DuplicatePairsModel, describe
from hubdesk.ui.workers import Worker


class DuplicatesPage(QWidget):
    """Signals: ``beneficiary_opened(str)``, ``records_changed()`` after a merge."""

    beneficiary_opened = Signal(str)
    records_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._worker: Worker | None = None
        self.model = DuplicatePairsModel(self)
        intro = QLabel(
            self.tr(
                "Records that look like the same person. Merging keeps the chosen record, completes it "
                "with what only the other one knows, and keeps the history of both."
            )
        )
        intro.setWordWrap(True)
        self.scan_button = QPushButton(self.tr("Look for duplicates"))
        self.scan_button.clicked.connect(self.scan)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel)
        self.status = QLabel()

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(self._open_first)

        self.keep_older = QPushButton(self.tr("Merge into the older record"))
        self.keep_newer = QPushButton(self.tr("Merge into the newer record"))
        self.different = QPushButton(self.tr("Two different people"))
        self.keep_older.clicked.connect(lambda: self._merge(keep_first=True))
        self.keep_newer.clicked.connect(lambda: self._merge(keep_first=False))
        self.different.clicked.connect(self._different)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        top = QHBoxLayout()
        top.addWidget(self.scan_button)
        top.addWidget(self.progress)
        top.addWidget(self.cancel_button)
        top.addWidget(self.status, 1)
        actions = QHBoxLayout()
        actions.addStretch(1)
        for button in (self.keep_older, self.keep_newer, self.different):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self._update_buttons()

    @Slot()
    def scan(self) -> None:
        """Look for pairs off the GUI thread; the list fills when the search is done."""
        self.scan_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.status.setText(self.tr("Comparing records…"))
        duplicates = self._services.duplicates
        self._worker = Worker(
            lambda control: duplicates.possible_duplicates(progress=control.report, cancelled=control.is_cancelled),
            self,
        )
        self._worker.done.connect(self._scanned)
        self._worker.error.connect(self._failed)
        self._worker.progressed.connect(self._progressed)
        self._worker.start()

    @Slot()
    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finished(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.scan_button.setEnabled(True)

    @Slot(object)
    def _scanned(self, pairs: Any) -> None:
        self.model.set_items(pairs)
        self._finished()
        self.status.setText(self.tr("%n possible duplicates", "", len(pairs)))
        self._update_buttons()

    @Slot(object)
    def _failed(self, error: Any) -> None:
        self._finished()
        self.status.setText(str(error))

    def selected_pair(self) -> DuplicatePair | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item_at(rows[0].row()) if rows else None

    @Slot()
    def _update_buttons(self) -> None:
        enabled = self.selected_pair() is not None
        for button in (self.keep_older, self.keep_newer, self.different):
            button.setEnabled(enabled)

    @Slot(QModelIndex)
    def _open_first(self, index: QModelIndex) -> None:
        pair = self.model.item_at(index.row())
        if pair is not None:
            self.beneficiary_opened.emit(pair.first.id if index.column() != 2 else pair.second.id)

    def _confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Merge records"), text)
        return answer == QMessageBox.StandardButton.Yes

    def _merge(self, keep_first: bool) -> None:
        pair = self.selected_pair()
        if pair is None:
            return
        keep, drop = (pair.first, pair.second) if keep_first else (pair.second, pair.first)
        question = self.tr("Keep %1 and merge %2 into it?").replace("%1", describe(keep)).replace("%2", describe(drop))
        if not self._confirm(question):
            return
        try:
            self._services.duplicates.merge(keep.id, drop.id)
        except HubdeskError as exc:
            QMessageBox.warning(self, self.tr("Merge records"), str(exc))
            return
        # every pair naming the dropped record is stale now (the kept one may pair anew: scan again)
        for stale in [p for p in self.model.items() if drop.id in (p.first.id, p.second.id)]:
            self.model.remove_item(stale)
        self.status.setText(self.tr("%1 merged into %2.").replace("%1", drop.code).replace("%2", keep.code))
        self.records_changed.emit()

    @Slot()
    def _different(self) -> None:
        pair = self.selected_pair()
        if pair is None:
            return
        self._services.duplicates.mark_different(pair.first.id, pair.second.id)
        self.model.remove_item(pair)
        self.status.setText(self.tr("Marked as two different people."))
