"""What the referral dialogs share: rows with their message under the field, dates, and a keyboard that never
saves by accident.

``FormRows`` lays a form out (label, field, the field's message under it; "other" collects what has no visible
field). ``FormDialog`` is a dialog around such a form: Enter in a field moves to the next one, Ctrl+Enter saves,
Esc and Cancel ask before throwing away what was typed (``unsaved_changes.confirm_discard``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hubdesk.ui import unsaved_changes
from hubdesk.ui.intake_editors import SHORT_WIDTH, make_error_label

#: the message of anything without a field of its own (or whose field is hidden), shown under the form
OTHER = "other"
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


def message(text: str) -> str:
    """A message of the services (English source), in the interface language."""
    return QCoreApplication.translate("validation", text)


def day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def date_edit(value: date, *, latest: date | None = None, earliest: date | None = None) -> QDateEdit:
    """A day typed as dd/mm/yyyy or picked in a calendar, between ``earliest`` and ``latest`` when given."""
    edit = QDateEdit(qdate(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    if latest is not None:
        edit.setMaximumDate(qdate(latest))
    if earliest is not None:
        edit.setMinimumDate(qdate(min(earliest, latest) if latest is not None else earliest))
    edit.setFixedWidth(SHORT_WIDTH)
    return edit


def is_enter(event: QKeyEvent) -> bool:
    """Enter or Return without Ctrl, Shift or Alt."""
    return event.key() in _ENTER and event.modifiers() in _PLAIN


def is_ctrl_enter(event: QKeyEvent) -> bool:
    return event.key() in _ENTER and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)


class FormRows:
    """A form whose rows each carry their field's message under the field; ``errors[OTHER]`` takes the rest.

    The ``errors`` labels are created here; the caller places ``errors[OTHER]`` (and any key it did not give a
    row, e.g. a message under a banner) in its layout.
    """

    def __init__(self, parent: QWidget, keys: Sequence[str]) -> None:
        self.form = QFormLayout()
        self.errors = {key: make_error_label(parent) for key in dict.fromkeys((*keys, OTHER))}
        #: a field with its message, by error key
        self.columns: dict[str, QVBoxLayout] = {}

    def add(self, text: str, field: QWidget | QLayout, key: str, buddy: QWidget | None = None) -> QLabel:
        """A row: its label (Alt+letter goes to ``buddy``, by default the field), the field, its message under it."""
        label = QLabel(text)
        buddy = buddy if buddy is not None else field if isinstance(field, QWidget) else None
        if buddy is not None:
            label.setBuddy(buddy)
        column = QVBoxLayout()
        column.setSpacing(2)
        if isinstance(field, QWidget):
            column.addWidget(field)
        else:
            column.addLayout(field)
        column.addWidget(self.errors[key])
        self.columns[key] = column
        self.form.addRow(label, column)
        return label

    def set_row_visible(self, key: str, visible: bool) -> None:
        self.form.setRowVisible(self.columns[key], visible)

    def row_visible(self, key: str) -> bool:
        column = self.columns.get(key)
        return column is None or self.form.isRowVisible(column)

    def show_error(self, key: str, text: str) -> str:
        """Show ``text`` under its field, or under the form when the field is unknown or hidden; the key used."""
        if key not in self.errors or not self.row_visible(key):
            key = OTHER
        label = self.errors[key]
        label.setText(f"{label.text()}\n{text}" if label.text() else text)
        label.show()
        return key

    def show_errors(self, errors: Mapping[str, str]) -> list[str]:
        """Every message of a ValidationError in the interface language; the keys they went under."""
        return [self.show_error(key, message(text)) for key, text in errors.items()]

    def clear_error(self, key: str) -> None:
        self.errors[key].clear()
        self.errors[key].hide()

    def clear_errors(self) -> None:
        for key in self.errors:
            self.clear_error(key)


class FormDialog(QDialog):
    """A dialog around a form: Enter in a field moves to the next field (it never saves nor sends by accident),
    Ctrl+Enter saves (``save``), a focused button takes Enter; Esc, Cancel and closing the window ask before
    throwing away what was typed.

    Subclasses implement ``save`` and call ``watch_changes()`` once their fields are filled in.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._before: unsaved_changes.Snapshot | None = None
        self._saved_by_enter = False
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)

    @Slot()
    def save(self) -> None:
        raise NotImplementedError

    def watch_changes(self) -> None:
        """What the fields hold now is what Esc may throw away without asking."""
        self._before = unsaved_changes.Snapshot(self)

    def typed_something(self) -> bool:
        return self._before is not None and self._before.changed()

    def enter_saves(self, edit: QLineEdit) -> None:
        """Enter in ``edit`` (the last field of the form) saves."""
        edit.returnPressed.connect(self._enter_in_last_field)

    @Slot()
    def _enter_in_last_field(self) -> None:
        self._saved_by_enter = True  # the key goes on to keyPressEvent, which must not move on as well
        self.save()

    def enter_pressed(self, focused: QWidget | None) -> bool:
        """Enter in ``focused`` (a field): True when the subclass did something of it. The default moves on."""
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if is_ctrl_enter(event):
            self.save()  # when a field passed Ctrl+Enter on instead of the shortcut
            return
        if is_enter(event):
            if self._saved_by_enter:
                self._saved_by_enter = False
                return
            focused = self.focusWidget()
            if isinstance(focused, QAbstractButton) and not focused.isCheckable():
                focused.click()
            elif not self.enter_pressed(focused):
                self.focusNextChild()
            return
        super().keyPressEvent(event)

    @Slot()
    def reject(self) -> None:
        """Esc, Cancel, the window's close button: nothing is saved, after asking when something was typed."""
        if self.typed_something() and not unsaved_changes.confirm_discard(self):
            return
        super().reject()
