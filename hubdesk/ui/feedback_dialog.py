"""Typing in a partner's feedback slip: the referral number as printed, what the partner ticked, the day."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
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
from hubdesk.ui.form_rows import OTHER, FormDialog, FormRows, date_edit, day, message
from hubdesk.ui.referral_status_dialog import failure_combo

#: the fields the services name in a ValidationError ("other": anything else, under the form)
ERROR_KEYS = ("code", "outcome", "changed_on", "failure", "note", OTHER)
#: the outcome buttons are large: the slip is typed in quickly, often one after another
OUTCOME_STYLE = "QRadioButton { font-size: 13pt; padding: 8px; min-height: 28px; }"
_DIGITS = {Qt.Key.Key_1: 0, Qt.Key.Key_2: 1, Qt.Key.Key_3: 2, Qt.Key.Key_4: 3}


class FeedbackDialog(FormDialog):
    """The partner's answer to a referral letter, typed from the slip: number, outcome (keys 1-4), date, note.

    Enter moves to the next field (and looks the number up); Ctrl+Enter, or Enter in the note, saves. What is
    saved is the referral shown: a number changed after it was looked up is looked up again first.
    Signals: ``feedback_recorded(object)`` with the ReferralInfo after the feedback.
    """

    feedback_recorded = Signal(object)

    def __init__(self, services: Services, parent: QWidget | None = None, code: str = "") -> None:
        super().__init__(parent)
        self._services = services
        self._looked_up: str | None = None
        #: the referral the label shows; the one it showed before the number was changed
        self.found: ReferralInfo | None = None
        self._seen: ReferralInfo | None = None
        self.saved: ReferralInfo | None = None
        self.rows = FormRows(self, ERROR_KEYS)
        self.errors, self.columns, self.form = self.rows.errors, self.rows.columns, self.rows.form
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
            button.toggled.connect(lambda _on: self.rows.clear_error("outcome"))
            self._outcome_group.addButton(button)
            self.outcomes[outcome] = button
            grid.addWidget(button, position // 2, position % 2)

        today = services.today()
        self.changed_on = date_edit(today, latest=today)
        self.failure = failure_combo(self.tr("(as the outcome implies)"))
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_NOTE)
        self.note.setPlaceholderText(self.tr("Optional: the partner's remark"))

        self.rows.add(self.tr("&Referral number:"), self.code, "code")
        self.form.addRow("", self.referral_label)
        self.rows.add(self.tr("Outcome:"), grid, "outcome")
        self.rows.add(self.tr("&Date:"), self.changed_on, "changed_on")
        self.rows.add(self.tr("&Why not:"), self.failure, "failure")
        self.rows.add(self.tr("&Note:"), self.note, "note")

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
        layout.addLayout(self.form)
        layout.addWidget(self.errors[OTHER])
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self.enter_saves(self.note)

        if code.strip():
            self.look_up()
        self.code.selectAll()
        self.code.setFocus()
        self.watch_changes()

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
        self.rows.clear_error("code")
        if not typed:
            return
        try:
            found = self._services.referrals.find(typed)
        except ValidationError as exc:
            self.rows.show_error("code", message(exc.errors.get("code", str(exc))))
            return
        except HubdeskError as exc:
            self.rows.show_error("code", message(str(exc)))
            return
        self.found = found
        self.referral_label.setText(
            self.tr("%1: %2 → %3, %4 since %5")
            .replace("%1", found.code)
            .replace("%2", labels.isolate(found.person_name))
            .replace("%3", labels.isolate(found.partner))
            .replace("%4", labels.referral_status(found.status))
            .replace("%5", labels.short_date(found.status_on))
        )
        self.referral_label.show()

    @Slot()
    def _code_edited(self) -> None:
        """Another number: the referral shown until now is no longer the one the slip is saved for."""
        self.rows.clear_error("code")
        self._looked_up = None
        if self.found is not None:
            self._seen = self.found
        self.found = None
        self.referral_label.clear()
        self.referral_label.hide()

    def outcome(self) -> ReferralOutcome | None:
        return next((outcome for outcome, button in self.outcomes.items() if button.isChecked()), None)

    # --- the keyboard ---------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys 1-4 tick an outcome (fields that take text keep their digits); Enter as ``enter_pressed`` says."""
        key = event.key()
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if key in _DIGITS and plain:
            button = list(self.outcomes.values())[_DIGITS[Qt.Key(key)]]
            button.setChecked(True)
            button.setFocus()
            return
        super().keyPressEvent(event)

    def enter_pressed(self, focused: QWidget | None) -> bool:
        """Enter on the number looks it up and goes to the outcome; on an outcome, to the date; elsewhere it
        moves on (in the note, the last field, it saves: ``enter_saves``)."""
        if focused is self.code:
            self.look_up()
            (self.outcome_button() or self.code).setFocus()
        elif focused in self.outcomes.values():
            self.changed_on.setFocus()
        else:
            return False
        return True

    def outcome_button(self) -> QRadioButton | None:
        """Where the outcome takes the focus: the ticked button, else the first (none while no referral is found)."""
        if self.found is None:
            return None
        outcome = self.outcome()
        return self.outcomes[outcome] if outcome else next(iter(self.outcomes.values()))

    # --- saving ---------------------------------------------------------------------------------------

    @Slot()
    def save(self) -> None:
        self.accept()

    @Slot()
    def accept(self) -> None:
        """Record the slip for the referral shown; a refusal is shown next to its field and the dialog stays
        open as typed. The number is looked up again first: when it names another referral than the one shown,
        that one is shown and nothing is saved until the person saves again."""
        self.rows.clear_errors()
        outcome = self.outcome()
        if not self.code.text().strip():
            self.rows.show_error("code", self.tr("Type the referral number printed on the slip."))
        if outcome is None:
            self.rows.show_error("outcome", self.tr("Tick what the partner answered (keys 1 to 4)."))
        if outcome is None or not self.code.text().strip():
            return
        shown = self.found if self.found is not None else self._seen
        self._looked_up = None
        self.look_up()
        found = self.found
        if found is None:
            self.code.setFocus()
            return
        if shown is not None and shown.id != found.id:
            self.rows.show_error("code", self.tr("This number is another referral: check it, then save again."))
            self.code.setFocus()
            return
        failure = self.failure.currentData()
        try:
            info = self._services.referrals.record_feedback(
                found.code,
                outcome,
                on=day(self.changed_on.date()),
                note=self.note.text(),
                failure=ReferralFailure(failure) if failure else None,
            )
        except ValidationError as exc:
            self.rows.show_errors(exc.errors)
            return
        except HubdeskError as exc:
            self.rows.show_error(OTHER, message(str(exc)))
            return
        self.saved = info
        self.feedback_recorded.emit(info)
        super().accept()
