"""Typing in a partner's feedback slip: the referral number as printed, what the partner ticked, the day."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.enums import ReferralFailure, ReferralOutcome
from hubdesk.domain.errors import HubdeskError, ValidationError
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import ReferralInfo
from hubdesk.services.referrals import MAX_NOTE
from hubdesk.ui import labels
from hubdesk.ui.intake_editors import SHORT_WIDTH, make_error_label
from hubdesk.ui.referral_status_dialog import failure_combo

#: the fields the services name in a ValidationError ("other": anything else, under the form)
ERROR_KEYS = ("code", "outcome", "changed_on", "failure", "note", "other")
#: the outcome buttons are large: the slip is typed in quickly, often one after another
OUTCOME_STYLE = "QRadioButton { font-size: 13pt; padding: 8px; min-height: 28px; }"
_DIGITS = {Qt.Key.Key_1: 0, Qt.Key.Key_2: 1, Qt.Key.Key_3: 2, Qt.Key.Key_4: 3}


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _message(text: str) -> str:
    """A message of the services (English source), in the interface language."""
    return QCoreApplication.translate("validation", text)


class FeedbackDialog(QDialog):
    """The partner's answer to a referral letter, typed from the slip: number, outcome (keys 1-4), date, note.

    Enter moves to the next field (and looks the number up); Ctrl+Enter, or Enter in the note, saves.
    Signals: ``feedback_recorded(object)`` with the ReferralInfo after the feedback.
    """

    feedback_recorded = Signal(object)

    def __init__(self, services: Services, parent: QWidget | None = None, code: str = "") -> None:
        super().__init__(parent)
        self._services = services
        self._looked_up: str | None = None
        self.found: ReferralInfo | None = None
        self.saved: ReferralInfo | None = None
        self.setWindowTitle(self.tr("Partner feedback"))

        self.code = QLineEdit(code)
        self.code.setPlaceholderText(self.tr("The number printed on the slip, e.g. REF-TNG-2026-0007"))
        self.code.setMinimumWidth(320)
        self.code.editingFinished.connect(self.look_up)
        self.code.textEdited.connect(self._code_edited)
        self.referral_label = QLabel()
        self.referral_label.setWordWrap(True)
        self.referral_label.hide()

        self.outcomes: dict[ReferralOutcome, QRadioButton] = {}
        self._outcome_group = QButtonGroup(self)
        grid = QGridLayout()
        for position, outcome in enumerate(ReferralOutcome):
            button = QRadioButton(f"&{position + 1}  {labels.referral_outcome(outcome)}")
            button.setStyleSheet(OUTCOME_STYLE)
            button.setToolTip(self.tr("Key %1").replace("%1", str(position + 1)))
            button.toggled.connect(lambda _on: self._clear_error("outcome"))
            self._outcome_group.addButton(button)
            self.outcomes[outcome] = button
            grid.addWidget(button, position // 2, position % 2)

        self.changed_on = QDateEdit(QDate(date.today()))
        self.changed_on.setCalendarPopup(True)
        self.changed_on.setDisplayFormat("dd/MM/yyyy")
        self.changed_on.setMaximumDate(QDate(date.today()))
        self.changed_on.setFixedWidth(SHORT_WIDTH)
        self.failure = failure_combo(self.tr("(as the outcome implies)"))
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_NOTE)
        self.note.setPlaceholderText(self.tr("Optional: the partner's remark"))

        self.errors = {key: make_error_label(self) for key in ERROR_KEYS}
        self.columns: dict[str, QVBoxLayout] = {}  # a field with its message, by error key
        self.form = form = QFormLayout()
        self._row(self.tr("&Referral number:"), self.code, "code")
        form.addRow("", self.referral_label)
        self._row(self.tr("Outcome:"), grid, "outcome")
        self._row(self.tr("&Date:"), self.changed_on, "changed_on")
        self._row(self.tr("&Why not:"), self.failure, "failure")
        self._row(self.tr("&Note:"), self.note, "note")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save"))
        self.ok_button.setToolTip(self.tr("Ctrl+Enter"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for push in buttons.buttons():
            if isinstance(push, QPushButton):
                push.setAutoDefault(False)  # Enter moves on; it does not save from the middle of the slip

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors["other"])
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)

        if code.strip():
            self.look_up()
        self.code.selectAll()
        self.code.setFocus()

    def _row(self, text: str, field: QWidget | QLayout, key: str, buddy: QWidget | None = None) -> None:
        """A row of the form: its label (Alt+letter goes to ``buddy``), the field and its message under it."""
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

    # --- the referral ---------------------------------------------------------------------------------

    @Slot()
    def look_up(self) -> None:
        """Show whose referral the number is, or why it is not one (once per number typed)."""
        typed = self.code.text().strip()
        if typed == self._looked_up:
            return
        self._looked_up = typed
        self.found = None
        self.referral_label.hide()
        self._clear_error("code")
        if not typed:
            return
        try:
            found = self._services.referrals.find(typed)
        except ValidationError as exc:
            self._show_error("code", _message(exc.errors.get("code", str(exc))))
            return
        except HubdeskError as exc:
            self._show_error("code", _message(str(exc)))
            return
        self.found = found
        self.referral_label.setText(
            self.tr("%1: %2 → %3, %4 since %5")
            .replace("%1", found.code)
            .replace("%2", found.person_name)
            .replace("%3", found.partner)
            .replace("%4", labels.referral_status(found.status))
            .replace("%5", labels.short_date(found.status_on))
        )
        self.referral_label.show()

    @Slot()
    def _code_edited(self) -> None:
        self._clear_error("code")

    def outcome(self) -> ReferralOutcome | None:
        return next((outcome for outcome, button in self.outcomes.items() if button.isChecked()), None)

    # --- the keyboard ---------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys 1-4 tick an outcome (fields that take text keep their digits); Enter moves to the next field."""
        key = event.key()
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if key in _DIGITS and plain:
            button = list(self.outcomes.values())[_DIGITS[Qt.Key(key)]]
            button.setChecked(True)
            button.setFocus()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.accept()  # the shortcut's work, when a field passed Ctrl+Enter on instead
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            focused = self.focusWidget()
            if isinstance(focused, QPushButton):
                focused.click()
            elif focused is self.note:
                self.accept()
            elif focused is self.code:
                self.look_up()
                (self.outcome_button() or self.code).setFocus()
            elif focused in self.outcomes.values():
                self.changed_on.setFocus()
            else:
                self.focusNextChild()
            return
        super().keyPressEvent(event)

    def outcome_button(self) -> QRadioButton | None:
        """Where the outcome takes the focus: the ticked button, else the first (none while no referral is found)."""
        if self.found is None:
            return None
        outcome = self.outcome()
        return self.outcomes[outcome] if outcome else next(iter(self.outcomes.values()))

    # --- saving ---------------------------------------------------------------------------------------

    @Slot()
    def accept(self) -> None:
        """Record the slip; a refusal is shown next to its field and the dialog stays open as typed."""
        for key in ERROR_KEYS:
            self._clear_error(key)
        outcome = self.outcome()
        if not self.code.text().strip():
            self._show_error("code", self.tr("Type the referral number printed on the slip."))
        if outcome is None:
            self._show_error("outcome", self.tr("Tick what the partner answered (keys 1 to 4)."))
        if outcome is None or not self.code.text().strip():
            return
        failure = self.failure.currentData()
        try:
            info = self._services.referrals.record_feedback(
                self.code.text(),
                outcome,
                on=_day(self.changed_on.date()),
                note=self.note.text(),
                failure=ReferralFailure(failure) if failure else None,
            )
        except ValidationError as exc:
            for key, text in exc.errors.items():
                self._show_error(key if key in self.errors else "other", _message(text))
            return
        except HubdeskError as exc:
            self._show_error("other", _message(str(exc)))
            return
        self.saved = info
        self.feedback_recorded.emit(info)
        super().accept()

    def _show_error(self, key: str, text: str) -> None:
        label = self.errors[key]
        label.setText(f"{label.text()}\n{text}" if label.text() else text)
        label.show()

    def _clear_error(self, key: str) -> None:
        self.errors[key].clear()
        self.errors[key].hide()
