"""A table model for long lists: the services are asked for one page of rows at a time, the count comes after."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QObject, Signal, Slot
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from hubdesk.domain.errors import HubdeskError
from hubdesk.ui.form_rows import message
from hubdesk.ui.list_table_model import Index, ListTableModel
from hubdesk.ui.workers import WorkControl, Worker

__all__ = ["PAGE", "PagedTableModel"]

T = TypeVar("T")

#: rows asked for at a time; more come as the view scrolls
PAGE = 200
#: at most this many rows are asked for at once when a list is reloaded where the person had scrolled to
MAX_KEPT = 5000

_log = logging.getLogger(__name__)


class PagedTableModel(ListTableModel[T]):
    """Rows arrive page by page as the view scrolls (``canFetchMore`` / ``fetchMore``).

    ``load(count, page)`` shows the first page at once. When it holds every row the count is known; when it
    is full, ``count()`` runs off the GUI thread and ``counted`` follows (a count for an earlier load is
    dropped). A HubdeskError while loading is told through ``load_failed``, never raised: the rows shown stay.

    Signals: ``counted(int)`` with the number of rows the list holds; ``load_failed(str)`` with the message.
    """

    counted = Signal(int)
    load_failed = Signal(str)

    def __init__(self, headers: Sequence[str], parent: QObject | None = None, *, page_size: int = PAGE) -> None:
        super().__init__(headers, parent)
        self._page_size = page_size
        self._page: Callable[[int, int], Sequence[T]] = lambda _offset, _limit: []
        self._total: int | None = 0
        self._complete = True
        self._load_number = 0
        #: the count running off the GUI thread, if any
        self.count_worker: Worker | None = None

    @property
    def total(self) -> int | None:
        """The number of rows the list holds; None while it is being counted."""
        return self._total

    @property
    def counting(self) -> bool:
        return self._total is None

    def load(self, count: Callable[[], int], page: Callable[[int, int], Sequence[T]], *, at_least: int = 0) -> bool:
        """Show the first page of a new list (``at_least`` rows when more were shown, to keep a place);
        False when the services refused (told through ``load_failed``, the rows shown stay)."""
        size = max(self._page_size, min(at_least, MAX_KEPT))
        try:
            rows = list(page(0, size))
        except HubdeskError as exc:
            self.load_failed.emit(message(str(exc)))
            return False
        self._load_number += 1
        self._page = page
        self._complete = len(rows) < size
        self.set_items(rows)
        if self._complete:
            self._total = len(rows)
            self.counted.emit(len(rows))
        else:
            self._total = None
            self._count(count, self._load_number)
        return True

    def _count(self, count: Callable[[], int], number: int) -> None:
        def work(_control: WorkControl) -> tuple[int, int | None, Exception | None]:
            try:
                return number, count(), None
            except Exception as exc:  # told on the GUI thread
                return number, None, exc

        # parented to the application, the worker ends cleanly even when the page is closed meanwhile (a slot
        # of a deleted model is disconnected, so its result is dropped)
        worker = Worker(work, QCoreApplication.instance())
        worker.done.connect(self._counted)
        worker.done.connect(worker.deleteLater)
        worker.error.connect(worker.deleteLater)
        self.count_worker = worker
        worker.start()

    @Slot(object)
    def _counted(self, result: Any) -> None:
        number, total, error = result
        if number != self._load_number:
            return  # the count of an earlier list
        self.count_worker = None
        if not self.counting:
            return  # the last page came first
        if error is not None:
            if not isinstance(error, HubdeskError):
                _log.error("counting the rows failed", exc_info=error)
            self.load_failed.emit(message(str(error)))
            return
        self._total = max(int(total), len(self._items))
        self.counted.emit(self._total)

    # --- Qt -------------------------------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._complete

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._complete:
            return
        try:
            more = list(self._page(len(self._items), self._page_size))
        except HubdeskError as exc:
            self._complete = True  # the view would ask again at once
            self.load_failed.emit(message(str(exc)))
            return
        if len(more) < self._page_size:
            self._complete = True
        if more:
            self.beginInsertRows(QModelIndex(), len(self._items), len(self._items) + len(more) - 1)
            self._items.extend(more)
            self.endInsertRows()
        if self._complete and self.counting:
            self._total = len(self._items)
            self.counted.emit(self._total)


def record_table(model: QAbstractItemModel, widths: Sequence[int]) -> QTableView:
    """The read-only list of a page: whole rows, one at a time, columns of the given widths, the last stretched."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for column, width in enumerate(widths):
        header.resizeSection(column, width)
    return table
