"""Choosing people by typing part of a name or a code: a search box and the matches under it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from hubdesk.services.beneficiary_search import BeneficiarySearch
from hubdesk.services.readmodels import BeneficiaryRow

#: the id of the person an item of the list stands for
PERSON_ID = 0x0100


def row_label(row: BeneficiaryRow) -> str:
    name = " ".join(part for part in (row.first_name, row.last_name.upper()) if part)
    arabic = f" — {row.arabic_name}" if row.arabic_name else ""
    return f"{row.code}  {name}{arabic}"


class PersonPicker(QWidget):
    """A search box; the matches list below it. Enter or a double click picks the highlighted person.

    Signals: ``person_picked(id, label)`` when a person is chosen.
    """

    person_picked = Signal(str, str)

    def __init__(self, search: BeneficiarySearch, parent: QWidget | None = None, limit: int = 12) -> None:
        super().__init__(parent)
        self._search = search
        self._limit = limit
        self.box = QLineEdit()
        self.box.setPlaceholderText(self.tr("Type a name or a code (TNG-2026-00042)…"))
        self.box.setClearButtonEnabled(True)
        self.matches = QListWidget()
        self.matches.setMaximumHeight(150)
        self.matches.hide()  # shown while there are matches: an empty white box would push the form down
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.matches)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.refresh)
        self.box.textEdited.connect(lambda _text: self._timer.start())
        self.box.installEventFilter(self)
        self.matches.itemActivated.connect(self._pick)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the box picks the highlighted person (and does not press the dialog's default button);
        the arrows move through the matches."""
        if watched is self.box and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.box.text().strip():
                self._pick_current()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.matches.count():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = min(max(self.matches.currentRow() + step, 0), self.matches.count() - 1)
                self.matches.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)

    @Slot()
    def refresh(self) -> None:
        """Show the people matching what is typed now (at once, without waiting for the pause)."""
        self._timer.stop()
        self.matches.clear()
        text = self.box.text().strip()
        if not text:
            self.matches.hide()
            return
        for row in self._search.search(text, self._limit):
            item = QListWidgetItem(row_label(row))
            item.setData(PERSON_ID, row.id)
            self.matches.addItem(item)
        if self.matches.count():
            self.matches.setCurrentRow(0)
        self.matches.setVisible(self.matches.count() > 0)

    @Slot()
    def _pick_current(self) -> None:
        if self._timer.isActive() or not self.matches.count():  # what is typed was not searched yet
            self.refresh()
        item = self.matches.currentItem()
        if item is not None:
            self._pick(item)

    @Slot(QListWidgetItem)
    def _pick(self, item: QListWidgetItem) -> None:
        self.person_picked.emit(str(item.data(PERSON_ID)), item.text())
        self.box.clear()
        self.matches.clear()
        self.matches.hide()
