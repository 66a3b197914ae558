"""Field editors of the intake form: dates, choices, numbers that may be unknown, error labels."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSpinBox,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from hubdesk.domain.countries import sort_key

#: How a message under a field looks: dark red, readable on light and dark palettes.
ERROR_STYLE = "color: #c0392b;"

#: Field widths that keep short values from stretching across the whole dialog.
SHORT_WIDTH = 150
CHOICE_WIDTH = 380

_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})")
_YEAR_MONTH_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_EIGHT_DIGITS = re.compile(r"(\d{2})(\d{2})(\d{4})")


def parse_date(text: str) -> dt.date | None:
    """The date in "dd/mm/yyyy" (also with . - or space, or "ddmmyyyy", or ISO); ValueError otherwise."""
    text = text.strip()
    if not text:
        return None
    if match := _DAY_MONTH_YEAR.fullmatch(text) or _EIGHT_DIGITS.fullmatch(text):
        day, month, year = (int(part) for part in match.groups())
    elif match := _YEAR_MONTH_DAY.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    else:
        raise ValueError(text)
    return dt.date(year, month, day)


def make_error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("fieldError")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class DateField(QWidget):
    """A date typed as dd/mm/yyyy (or picked in a calendar), or left empty for "unknown".

    Signals:
        edited: the person changed the date: on leaving the field or picking in the calendar, so
            that a half-typed "12/0" is not reported as a wrong date while the person is typing.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line_edit = QLineEdit(self)
        self.line_edit.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.line_edit.setMaximumWidth(SHORT_WIDTH)
        self.line_edit.editingFinished.connect(self._finished)
        self._reported = ""
        self.setFocusProxy(self.line_edit)

        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        menu = QMenu(self)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._prepare_calendar)
        self._menu = menu
        self.calendar_button = QToolButton(self)
        self.calendar_button.setText("…")
        self.calendar_button.setToolTip(self.tr("Choose in a calendar"))
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar_button.setMenu(menu)
        self.calendar_button.setStyleSheet("QToolButton::menu-indicator { image: none; }")
        # the keyboard goes straight from field to field; the calendar is for the mouse
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line_edit)
        layout.addWidget(self.calendar_button)
        layout.addStretch(1)

    def date(self) -> dt.date | None:
        """The date typed, or None when the field is empty or does not hold a date."""
        try:
            return parse_date(self.line_edit.text())
        except ValueError:
            return None

    def set_date(self, value: dt.date | None) -> None:
        self.line_edit.setText("" if value is None else f"{value.day:02d}/{value.month:02d}/{value.year:04d}")
        self._reported = self.line_edit.text()

    def problem(self) -> str | None:
        """Why the text typed is not a date, or None."""
        try:
            parse_date(self.line_edit.text())
        except ValueError:
            return self.tr("Not a valid date: type it as dd/mm/yyyy")
        return None

    @Slot()
    def _finished(self) -> None:
        changed = self.line_edit.text() != self._reported
        value = self.date()
        if value is not None:
            self.set_date(value)  # "12031995" becomes "12/03/1995"
        self._reported = self.line_edit.text()
        if changed:
            self.edited.emit()

    @Slot()
    def _prepare_calendar(self) -> None:
        value = self.date() or dt.date.today()
        self.calendar.setSelectedDate(QDate(value.year, value.month, value.day))

    @Slot(QDate)
    def _picked(self, picked: QDate) -> None:
        self.set_date(dt.date(picked.year(), picked.month(), picked.day()))
        self._menu.close()
        self.line_edit.setFocus()
        self.edited.emit()


class ChoiceCombo(QComboBox):
    """A combo box over (value, label) pairs that may also show nothing chosen (value None).

    When ``searchable``, the person can type a label (any case, accents optional) with completion.
    """

    def __init__(
        self,
        choices: Sequence[tuple[Any, str]],
        placeholder: str = "",
        *,
        searchable: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._values = [value for value, _label in choices]
        self._folded = {fold(label): position for position, (_value, label) in enumerate(choices)}
        for position, (_value, label) in enumerate(choices):
            self.addItem(label, position)
        self.setPlaceholderText(placeholder)
        if searchable:
            make_searchable(self)
            line_edit = self.lineEdit()
            if line_edit is not None:
                line_edit.setPlaceholderText(placeholder)
        self.setCurrentIndex(-1)

    def value(self) -> Any:
        """The chosen value; None when nothing is chosen or the typed text names no entry."""
        position = self._position()
        return None if position is None else self._values[position]

    def set_value(self, value: Any) -> None:
        index = self._values.index(value) if value in self._values else -1
        self.setCurrentIndex(index)
        if index < 0 and self.isEditable():
            self.setEditText("")

    def has_value(self, value: Any) -> bool:
        return value in self._values

    def add_choice(self, value: Any, label: str) -> None:
        self._folded[fold(label)] = len(self._values)
        self.addItem(label, len(self._values))
        self._values.append(value)

    def unmatched_text(self) -> str:
        """The text typed when it names no entry (searchable combos), else ""."""
        if not self.isEditable():
            return ""
        text = self.currentText().strip()
        return text if text and self._position() is None else ""

    def _position(self) -> int | None:
        if self.isEditable():
            text = self.currentText().strip()
            return self._folded.get(fold(text)) if text else None
        index = self.currentIndex()
        return None if index < 0 else int(self.itemData(index))


def fold(text: str) -> str:
    """Text as compared when a person types a choice: no case, no accents, one kind of apostrophe."""
    return sort_key(text.strip().replace("’", "'"))[0]


class _FoldedFilter(QSortFilterProxyModel):
    """Keeps the entries whose label contains the typed text, ignoring case and accents."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""

    def set_needle(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = fold(text)
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        label = self.sourceModel().index(source_row, 0, source_parent).data()
        return self._needle in fold(str(label or ""))


def make_searchable(combo: QComboBox) -> None:
    """Let the person type into ``combo``: entries containing the typed text are offered.

    "senegal" finds "Sénégal" and "cote d'iv" finds "Côte d’Ivoire": people type without accents.
    """
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    matches = _FoldedFilter(combo)
    matches.setSourceModel(combo.model())
    completer = QCompleter(matches, combo)
    completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    combo.setCompleter(completer)

    def typed(text: str) -> None:
        matches.set_needle(text)
        popup = completer.popup()
        if text.strip() and matches.rowCount():
            completer.complete()
        elif popup is not None:
            popup.hide()

    line_edit = combo.lineEdit()
    if line_edit is not None:
        line_edit.textEdited.connect(typed)


class OptionalSpinBox(QSpinBox):
    """A spin box that can also say "unknown": its lowest value stands for ``None``."""

    def __init__(self, minimum: int, maximum: int, unknown_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(minimum - 1, maximum)
        self.setSpecialValueText(unknown_text)
        self.setValue(minimum - 1)

    def value_or_none(self) -> int | None:
        value = self.value()
        return None if value == self.minimum() else value

    def set_value_or_none(self, value: int | None) -> None:
        self.setValue(self.minimum() if value is None else value)
