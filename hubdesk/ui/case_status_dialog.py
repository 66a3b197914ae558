"""Move a person's case one step: put on hold, close (with the reason), reopen — dated, with a note."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.enums import CaseStatus, CloseReason
from hubdesk.domain.errors import HubdeskError, ValidationError
from hubdesk.domain.workflow import CASE_STEPS
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import CaseState
from hubdesk.ui import labels, unsaved_changes
from hubdesk.ui.intake_editors import SHORT_WIDTH, make_error_label

#: the fields whose messages show next to them
FIELDS = ("status", "reason", "changed_on", "note")


def _message(text: str) -> str:
    return QCoreApplication.translate("validation", text)


class CaseStatusDialog(QDialog):
    """Offers only the steps the workflow allows from ``state``; ``saved`` holds the new state once saved.

    Ctrl+Enter or the Save button saves; Enter moves to the next field; Cancel or Esc asks before throwing
    a choice or a note away.
    """

    def __init__(
        self, services: Services, beneficiary_id: str, state: CaseState, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._beneficiary_id = beneficiary_id
        self.saved: CaseState | None = None
        self.setWindowTitle(self.tr("Case status"))

        current = labels.case_status(state.status)
        self.current = QLabel(
            self.tr("The case is %1 since %2.").replace("%1", current).replace("%2", labels.short_date(state.since))
            if state.since is not None
            else self.tr("The case is %1.").replace("%1", current)
        )
        self.current.setWordWrap(True)

        self.status = QComboBox()
        for step in sorted(CASE_STEPS[state.status], key=list(CaseStatus).index):
            self.status.addItem(labels.case_status(step), step)
        self.reason = QComboBox()
        self.reason.addItem(self.tr("— choose a reason —"), None)
        for reason in CloseReason:
            self.reason.addItem(labels.close_reason(reason), reason)
        self.reason_label = QLabel(self.tr("Reason:"))
        today = services.today()
        self.changed_on = QDateEdit(QDate(today.year, today.month, today.day))
        self.changed_on.setDisplayFormat("dd/MM/yyyy")
        self.changed_on.setCalendarPopup(True)
        self.changed_on.setFixedWidth(SHORT_WIDTH)
        self.changed_on.setMaximumDate(QDate(today.year, today.month, today.day))
        if state.since is not None:
            self.changed_on.setMinimumDate(QDate(state.since.year, state.since.month, state.since.day))
        self.note = QLineEdit()
        self.note.setMaxLength(300)
        self.note.setPlaceholderText(self.tr("Optional"))

        self.errors = {key: make_error_label(self) for key in (*FIELDS, "other")}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("New status:"), self._with_error(self.status, "status"))
        form.addRow(self.reason_label, self._with_error(self.reason, "reason"))
        form.addRow(self.tr("On:"), self._with_error(self.changed_on, "changed_on"))
        form.addRow(self.tr("Note:"), self._with_error(self.note, "note"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        assert save_button is not None
        self.save_button = save_button
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.current)
        layout.addLayout(form)
        layout.addWidget(self.errors["other"])
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

        unsaved_changes.ctrl_enter_saves(self, self.save_button, self.save)
        self.status.currentIndexChanged.connect(self._status_chosen)
        self._status_chosen()
        self.status.setFocus()
        self._before = unsaved_changes.Snapshot(self)

    def _with_error(self, field: QWidget, key: str) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(self.errors[key])
        return column

    def chosen_status(self) -> CaseStatus | None:
        value = self.status.currentData()
        return CaseStatus(value) if value is not None else None

    @Slot()
    def _status_chosen(self) -> None:
        """The reason is asked only when closing."""
        closing = self.chosen_status() is CaseStatus.CLOSED
        self.reason.setVisible(closing)
        self.reason_label.setVisible(closing)
        if not closing:
            self.errors["reason"].hide()

    def show_errors(self, problems: dict[str, str]) -> None:
        for key, label in self.errors.items():
            if key == "other":
                text = "; ".join(_message(m) for k, m in problems.items() if k not in FIELDS)
            else:
                text = _message(problems[key]) if key in problems else ""
            label.setText(text)
            label.setVisible(bool(text))

    @Slot()
    def save(self) -> None:
        status = self.chosen_status()
        if status is None:
            self.show_errors({"status": self.tr("This case has no further step.")})
            return
        value = self.reason.currentData()
        reason = CloseReason(value) if status is CaseStatus.CLOSED and value is not None else None
        when = self.changed_on.date()
        try:
            self.saved = self._services.guidance.change_case(
                self._beneficiary_id,
                status,
                reason,
                self.note.text(),
                date(when.year(), when.month(), when.day()),
            )
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        except HubdeskError as exc:
            self.show_errors({"other": str(exc)})
            return
        self.accept()

    def reject(self) -> None:
        """Cancel, Esc or closing the window: ask first when something chosen or typed would be lost."""
        if self.saved is None and self._before.changed() and not unsaved_changes.confirm_discard(self):
            return
        super().reject()
