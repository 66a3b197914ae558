"""Forms that neither lose, nor save too early, nor change by accident what a person typed.

Saving: :func:`ctrl_enter_saves` makes Ctrl+Enter the save key; plain Enter moves to the next field (a second
Enter pressed by habit never saves a half-filled form).

Cancelling: a dialog takes a :class:`Snapshot` of its fields once they are filled in, and in ``reject()``
(Cancel, Esc, closing the window) asks :func:`confirm_discard` only when the snapshot says something changed::

    self._before = Snapshot(self)            # at the end of __init__
    ...
    def reject(self) -> None:
        if not self._saved and self._before.changed() and not unsaved_changes.confirm_discard(self):
            return
        super().reject()

A wheel turned over a field the person is not working in leaves its value alone: :func:`wheel_only_when_focused`.

Call it as ``unsaved_changes.confirm_discard(...)`` (through the module) so tests can replace the question with
``monkeypatch.setattr(unsaved_changes, "confirm_discard", lambda parent: True)``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _tr(text: str) -> str:
    return QCoreApplication.translate("unsaved_changes", text)


def confirm_discard(parent: QWidget) -> bool:
    """Ask "Discard what you typed?"; True when the person answers Yes (No is the default)."""
    answer = QMessageBox.question(
        parent,
        parent.windowTitle(),
        _tr("Discard what you typed?"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def _value(widget: QWidget) -> object:
    """What a person can change in one input widget (None for widgets that hold nothing typed)."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QAbstractSpinBox):  # spin boxes, date and time fields
        return widget.text()
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.isChecked()
    return None


def field_values(root: QWidget) -> dict[int, object]:
    """The current value of every input widget under ``root``, keyed by widget."""
    values: dict[int, object] = {}
    for widget in root.findChildren(QWidget):
        value = _value(widget)
        if value is not None:
            values[id(widget)] = value
    return values


class Snapshot:
    """The values of a form's fields at one moment; ``changed()`` says whether any differ now."""

    def __init__(self, root: QWidget) -> None:
        self._root = root
        self._values = field_values(root)

    def retake(self) -> None:
        """Take the current values as the new starting point (e.g. after filling the form in code)."""
        self._values = field_values(self._root)

    def changed(self) -> bool:
        """True when a field now holds something other than when the snapshot was taken."""
        return field_values(self._root) != self._values


class _EnterMovesOn(QObject):
    """Event filter of a dialog: Ctrl+Enter saves, Enter presses a focused button or moves to the next field."""

    def __init__(self, dialog: QDialog, save_button: QPushButton, save: Callable[[], object]) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self._save_button = save_button
        self._save = save

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and watched is self._dialog:
            # a button box makes its Save the default button when shown: not drawn as what Enter presses
            self._save_button.setDefault(False)
            return False
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent) or event.key() not in _ENTER_KEYS:
            return False
        # a key the focused field did not take (a multi-line box keeps Enter: it starts a new line)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._save()
            return True
        focus = self._dialog.focusWidget()
        if isinstance(focus, QPushButton) and focus.isEnabled():
            focus.click()
        else:
            self._dialog.focusNextChild()
        return True


def ctrl_enter_saves(dialog: QDialog, save_button: QPushButton, save: Callable[[], object]) -> None:
    """Ctrl+Enter (from any field, the notes too) runs ``save``; Enter alone moves to the next field.

    The Save button's tooltip says so; it is no longer the button Enter presses.
    """
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        QShortcut(QKeySequence(keys), dialog, save)
    dialog.installEventFilter(_EnterMovesOn(dialog, save_button, save))
    save_button.setDefault(False)
    save_button.setToolTip(_tr("Save (Ctrl+Enter)"))


class _WheelOnlyWhenFocused(QObject):
    """Event filter: a wheel passing over a field without the focus (the page is being scrolled) is ignored."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()
            return True
        return False


def wheel_only_when_focused(field: QWidget) -> None:
    """The wheel changes ``field`` (a spin box, a combo box) only once it has the focus; a wheel gives no focus."""
    field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    field.installEventFilter(_WheelOnlyWhenFocused(field))
