"""The next step of a referral (sent, accepted, rejected, completed, cancelled), dated, as the workflow allows."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
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
from hubdesk.ui.intake_editors import SHORT_WIDTH, make_error_label

#: the fields the services name in a ValidationError ("other": anything else, under the form)
ERROR_KEYS = ("status", "changed_on", "successful", "failure", "note", "other")


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _message(text: str) -> str:
    """A message of the services (English source), in the interface language."""
    return QCoreApplication.translate("validation", text)


def failure_combo(optional_text: str) -> QComboBox:
    """The reasons a referral did not succeed, after an empty first choice (``optional_text``)."""
    combo = QComboBox()
    combo.addItem(optional_text, None)
    for failure in ReferralFailure:
        combo.addItem(labels.referral_failure(failure), failure)
    return combo


class ReferralStatusDialog(QDialog):
    """Moves a referral one step: only the steps the workflow allows from its status are offered.

    Completing says whether it succeeded and, when not, why; a rejection may say why.
    Signals: ``status_changed(object)`` with the ReferralInfo after the step.
    """

    status_changed = Signal(object)

    def __init__(self, services: Services, referral: ReferralInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._referral = referral
        self.saved: ReferralInfo | None = None
        self.setWindowTitle(self.tr("Referral %1: next step").replace("%1", referral.code))

        summary = QLabel(
            self.tr("%1 — %2 to %3\nNow: %4 since %5")
            .replace("%1", referral.code)
            .replace("%2", referral.person_name)
            .replace("%3", referral.partner)
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

        self.changed_on = QDateEdit(QDate(date.today()))
        self.changed_on.setCalendarPopup(True)
        self.changed_on.setDisplayFormat("dd/MM/yyyy")
        self.changed_on.setMaximumDate(QDate(date.today()))
        self.changed_on.setMinimumDate(QDate(min(referral.status_on, date.today())))
        self.changed_on.setFixedWidth(SHORT_WIDTH)

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
        self.failure.currentIndexChanged.connect(lambda: self._clear_error("failure"))
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_NOTE)
        self.note.setPlaceholderText(self.tr("Optional, at most %1 characters").replace("%1", str(MAX_NOTE)))

        self.errors = {key: make_error_label(self) for key in ERROR_KEYS}
        self.columns: dict[str, QVBoxLayout] = {}  # a field with its message, by error key
        self.form = form = QFormLayout()
        self._row(self.tr("Next step:"), steps_box, "status")
        self._row(self.tr("&Date:"), self.changed_on, "changed_on")
        self._row(self.tr("Successful:"), successful_row, "successful")
        self._row(self.tr("&Why not:"), self.failure, "failure")
        self._row(self.tr("&Note:"), self.note, "note")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save"))
        self.ok_button.setDefault(True)
        self.ok_button.setEnabled(bool(self.steps))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(self.errors["other"])
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)

        if self.steps:  # the forward step first; cancelling is never the default
            next(iter(self.steps.values())).setChecked(True)
        self._step_changed()
        (
            next(iter(self.steps.values())) if self.steps else buttons.button(QDialogButtonBox.StandardButton.Cancel)
        ).setFocus()

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
            self._clear_error(key)

    # --- saving ---------------------------------------------------------------------------------------

    @Slot()
    def accept(self) -> None:
        """Record the step; a refusal is shown next to its field and the dialog stays open as typed."""
        status = self.chosen()
        if status is None:
            return
        for key in ERROR_KEYS:
            self._clear_error(key)
        try:
            info = self._services.referrals.change_status(
                self._referral.id,
                status,
                on=_day(self.changed_on.date()),
                note=self.note.text(),
                successful=self.successful(),
                failure=self.failure_reason(),
            )
        except ValidationError as exc:
            for key, text in exc.errors.items():
                self._show_error(key if key in self.errors else "other", _message(text))
            return
        except HubdeskError as exc:
            self._show_error("other", _message(str(exc)))
            return
        self.saved = info
        self.status_changed.emit(info)
        super().accept()

    def _show_error(self, key: str, text: str) -> None:
        label = self.errors[key]
        label.setText(f"{label.text()}\n{text}" if label.text() else text)
        label.show()

    def _clear_error(self, key: str) -> None:
        self.errors[key].clear()
        self.errors[key].hide()
