"""The next step of a referral (sent, accepted, rejected, completed, cancelled), dated, as the workflow allows."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.enums import ReferralFailure, ReferralStatus
from hubdesk.domain.errors import HubdeskError, ValidationError
from hubdesk.domain.workflow import REFERRAL_STEPS
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import ReferralInfo
from hubdesk.services.referrals import MAX_NOTE
from hubdesk.ui import labels
from hubdesk.ui.form_rows import OTHER, FormDialog, FormRows, date_edit, day, message

#: the fields the services name in a ValidationError ("other": anything else, under the form)
ERROR_KEYS = ("status", "changed_on", "successful", "failure", "note", OTHER)


def failure_combo(optional_text: str) -> QComboBox:
    """The reasons a referral did not succeed, after an empty first choice (``optional_text``)."""
    combo = QComboBox()
    combo.addItem(optional_text, None)
    for failure in ReferralFailure:
        combo.addItem(labels.referral_failure(failure), failure)
    return combo


class ReferralStatusDialog(FormDialog):
    """Moves a referral one step: only the steps the workflow allows from its status are offered.

    Completing says whether it succeeded and, when not, why; a rejection may say why. Enter moves from field
    to field and saves from the note (the last one); Ctrl+Enter saves from anywhere.
    Signals: ``status_changed(object)`` with the ReferralInfo after the step.
    """

    status_changed = Signal(object)

    def __init__(self, services: Services, referral: ReferralInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._referral = referral
        self.saved: ReferralInfo | None = None
        self.rows = FormRows(self, ERROR_KEYS)
        self.errors, self.columns, self.form = self.rows.errors, self.rows.columns, self.rows.form
        self.setWindowTitle(self.tr("Referral %1: next step").replace("%1", referral.code))

        summary = QLabel(
            self.tr("%1 — %2 to %3\nNow: %4 since %5")
            .replace("%1", referral.code)
            .replace("%2", labels.isolate(referral.person_name))
            .replace("%3", labels.isolate(referral.partner))
            .replace("%4", labels.referral_status(referral.status))
            .replace("%5", labels.short_date(referral.status_on))
        )
        summary.setWordWrap(True)

        self.steps: dict[ReferralStatus, QRadioButton] = {}
        self._step_group = QButtonGroup(self)
        steps_box = QVBoxLayout()
        for status in ReferralStatus:  # in the order of the workflow
            if status in REFERRAL_STEPS[referral.status]:
                button = QRadioButton(labels.referral_status(status))
                self.steps[status] = button
                self._step_group.addButton(button)
                steps_box.addWidget(button)
                button.toggled.connect(self._step_changed)
        self.finished_label = QLabel(self.tr("This referral is finished: it takes no further step."))
        self.finished_label.setVisible(not self.steps)
        steps_box.addWidget(self.finished_label)

        today = services.today()
        self.changed_on = date_edit(today, latest=today, earliest=referral.status_on)

        self.successful_yes = QRadioButton(self.tr("Yes"))
        self.successful_no = QRadioButton(self.tr("No"))
        self._successful_group = QButtonGroup(self)
        for button in (self.successful_yes, self.successful_no):
            self._successful_group.addButton(button)
            button.toggled.connect(self._step_changed)
        successful_row = QHBoxLayout()
        successful_row.addWidget(self.successful_yes)
        successful_row.addWidget(self.successful_no)
        successful_row.addStretch(1)
        self.failure = failure_combo(self.tr("(no reason given)"))
        self.failure.currentIndexChanged.connect(lambda: self.rows.clear_error("failure"))
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_NOTE)
        self.note.setPlaceholderText(self.tr("Optional, at most %1 characters").replace("%1", str(MAX_NOTE)))

        self.rows.add(self.tr("Next step:"), steps_box, "status")
        self.rows.add(self.tr("&Date:"), self.changed_on, "changed_on")
        self.rows.add(self.tr("Successful:"), successful_row, "successful")
        self.rows.add(self.tr("&Why not:"), self.failure, "failure")
        self.rows.add(self.tr("&Note:"), self.note, "note")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save"))
        self.ok_button.setToolTip(self.tr("Ctrl+Enter, or Enter in the note"))
        self.ok_button.setDefault(True)
        self.ok_button.setEnabled(bool(self.steps))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(self.form)
        layout.addWidget(self.errors[OTHER])
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.enter_saves(self.note)

        if self.steps:  # the forward step first; cancelling is never the default
            next(iter(self.steps.values())).setChecked(True)
        self._step_changed()
        (
            next(iter(self.steps.values())) if self.steps else buttons.button(QDialogButtonBox.StandardButton.Cancel)
        ).setFocus()
        self.watch_changes()

    # --- the choice -----------------------------------------------------------------------------------

    def chosen(self) -> ReferralStatus | None:
        return next((status for status, button in self.steps.items() if button.isChecked()), None)

    def successful(self) -> bool | None:
        if self.chosen() is not ReferralStatus.COMPLETED:
            return None
        if self.successful_yes.isChecked():
            return True
        return False if self.successful_no.isChecked() else None

    def failure_reason(self) -> ReferralFailure | None:
        chosen = self.chosen()
        asks = chosen is ReferralStatus.REJECTED or (chosen is ReferralStatus.COMPLETED and self.successful() is False)
        value = self.failure.currentData()
        return ReferralFailure(value) if asks and value else None

    @Slot()
    def _step_changed(self) -> None:
        """Only the questions of the chosen step are shown; what was answered stays for a change of mind."""
        chosen = self.chosen()
        completing = chosen is ReferralStatus.COMPLETED
        self.form.setRowVisible(self.columns["successful"], completing)
        self.form.setRowVisible(
            self.columns["failure"],
            chosen is ReferralStatus.REJECTED or (completing and self.successful_no.isChecked()),
        )
        self.failure.setItemText(
            0, self.tr("(no reason given)") if chosen is ReferralStatus.REJECTED else self.tr("Choose a reason…")
        )
        for key in ("status", "successful", "failure"):
            self.rows.clear_error(key)

    # --- saving ---------------------------------------------------------------------------------------

    @Slot()
    def save(self) -> None:
        self.accept()

    @Slot()
    def accept(self) -> None:
        """Record the step; a refusal is shown next to its field and the dialog stays open as typed."""
        status = self.chosen()
        if status is None:
            return
        self.rows.clear_errors()
        try:
            info = self._services.referrals.change_status(
                self._referral.id,
                status,
                on=day(self.changed_on.date()),
                note=self.note.text(),
                successful=self.successful(),
                failure=self.failure_reason(),
            )
        except ValidationError as exc:
            self.rows.show_errors(exc.errors)
            if "consent_override" in exc.errors:  # no field here: the referral itself is changed to say why
                self.rows.show_error(OTHER, self.tr("Change the referral to say why, then send it."))
            return
        except HubdeskError as exc:
            self.rows.show_error(OTHER, message(str(exc)))
            return
        self.saved = info
        self.status_changed.emit(info)
        super().accept()
