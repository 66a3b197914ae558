"""The document register as a table: one issued document a row, cancelled ones greyed and struck."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont

from hubdesk.services.document_readmodels import IssuedDocumentInfo
from hubdesk.ui import labels
from hubdesk.ui.history_table_model import LOCAL_ZONE
from hubdesk.ui.list_table_model import Index, ListTableModel, RecordRole

__all__ = ["DocumentsTableModel", "RecordRole", "SortRole", "local_time", "person_text", "status_text"]

#: what a column sorts by (a date sorts as a date, the person by code, the status valid first)
SortRole = Qt.ItemDataRole.UserRole + 2

#: a cancelled row is drawn in this grey; its status in this red
CANCELLED_GREY = QColor("#8a8a8a")
CANCELLED_RED = QColor("#b71c1c")


def local_time(moment: datetime) -> str:
    """A stored UTC time as read in Tangier, kept left to right inside an Arabic line."""
    return "\u2066" + moment.astimezone(LOCAL_ZONE).strftime("%Y-%m-%d %H:%M") + "\u2069"


def person_text(info: IssuedDocumentInfo) -> str:
    """The person the document concerns: code and current name (either may be missing)."""
    return " · ".join(part for part in (info.person_code, labels.isolate(info.person_name)) if part)


def status_text(info: IssuedDocumentInfo) -> str:
    """Valid; or when, by whom and why the document was cancelled."""
    if info.cancelled_at is None:
        return QCoreApplication.translate("DocumentsTableModel", "Valid")
    text = (
        QCoreApplication.translate("DocumentsTableModel", "Cancelled on %1 by %2")
        .replace("%1", local_time(info.cancelled_at))
        .replace("%2", info.cancelled_by_name)
    )
    return f"{text}: {info.cancel_reason}" if info.cancel_reason else text


class DocumentsTableModel(ListTableModel[IssuedDocumentInfo]):
    """Register rows as the services list them (newest first); sort through a proxy on ``SortRole``.

    Roles: DisplayRole / ToolTipRole the text, ``RecordRole`` the IssuedDocumentInfo, ``SortRole``
    the sort key; ForegroundRole and FontRole grey and strike a cancelled row.
    """

    #: number (ATT-TNG-2026-00012)
    NUMBER = 0
    #: kind of document, in words
    KIND = 1
    #: person: code · name
    PERSON = 2
    #: language the document was printed in
    LANGUAGE = 3
    #: issued at, in local time
    ISSUED = 4
    #: who printed it
    ISSUED_BY = 5
    #: Valid, or Cancelled on … by …: reason
    STATUS = 6

    def __init__(self, parent: Any = None) -> None:
        super().__init__([], parent)
        self._headers = (
            self.tr("Number"),
            self.tr("Kind"),
            self.tr("Person"),
            self.tr("Language"),
            self.tr("Issued on"),
            self.tr("Issued by"),
            self.tr("Status"),
        )

    def update_item(self, info: IssuedDocumentInfo) -> None:
        """Show ``info`` in place of the row of the same document (after it was cancelled)."""
        for row, item in enumerate(self._items):
            if item.id == info.id:
                self._items[row] = info
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
                return

    def row_of(self, document_id: str) -> int:
        """The row of the document with this id, -1 if it is not listed."""
        return next((row for row, item in enumerate(self._items) if item.id == document_id), -1)

    def display(self, info: IssuedDocumentInfo, column: int) -> str:
        if column == self.NUMBER:
            return info.number
        if column == self.KIND:
            return labels.document_kind(info.kind)
        if column == self.PERSON:
            return person_text(info)
        if column == self.LANGUAGE:
            return labels.language(info.language)
        if column == self.ISSUED:
            return local_time(info.issued_at)
        if column == self.ISSUED_BY:
            return info.issued_by_name
        return status_text(info)

    def sort_key(self, info: IssuedDocumentInfo, column: int) -> Any:
        if column == self.ISSUED:
            return info.issued_at.timestamp()
        if column == self.PERSON:
            return f"{info.person_code} {info.person_name}"
        if column == self.STATUS:
            return f"{int(info.cancelled)} {info.cancelled_at.timestamp() if info.cancelled_at else ''}"
        return self.display(info, column).casefold()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        info = self._items[index.row()]
        if role == SortRole:
            return self.sort_key(info, index.column())
        if info.cancelled:
            if role == Qt.ItemDataRole.ForegroundRole:
                return CANCELLED_RED if index.column() == self.STATUS else CANCELLED_GREY
            if role == Qt.ItemDataRole.FontRole and index.column() != self.STATUS:
                font = QFont()
                font.setStrikeOut(True)
                return font
        return super().data(index, role)
