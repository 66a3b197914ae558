"""Record or change a job a person started: employer, title, sector, contract, start, the referral behind it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.enums import ContractType, SkillSector
from hubdesk.domain.errors import HubdeskError, ValidationError
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import JobDraft, JobInfo, ReferralInfo
from hubdesk.ui import labels, unsaved_changes
from hubdesk.ui.intake_editors import SHORT_WIDTH, make_error_label

#: the fields whose messages show next to them
FIELDS = ("employer", "job_title", "sector", "contract_type", "start_date", "referral_id", "note")


def _message(text: str) -> str:
    return QCoreApplication.translate("validation", text)


class JobDialog(QDialog):
    """A new job of the person (``job`` None) or a change to ``job``; ``saved_id`` once saved.

    Ctrl+Enter or the Save button saves; Enter moves to the next field; Cancel or Esc asks before throwing
    typing away.

    Signals:
        job_saved: the job was saved; carries its id.
    """

    job_saved = Signal(str)

    def __init__(
        self,
        services: Services,
        beneficiary_id: str,
        referrals: Sequence[ReferralInfo],
        parent: QWidget | None = None,
        *,
        job: JobInfo | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._beneficiary_id = beneficiary_id
        self._job = job
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("Record a job") if job is None else self.tr("Change the job"))

        self.employer = QLineEdit()
        self.employer.setMaxLength(200)
        self.job_title = QLineEdit()
        self.job_title.setMaxLength(200)
        self.sector = QComboBox()
        self.sector.addItem(self.tr("— not said —"), None)
        for sector in SkillSector:
            self.sector.addItem(labels.skill_sector(sector), sector)
        self.contract = QComboBox()
        for contract in ContractType:
            self.contract.addItem(labels.contract_type(contract), contract)
        today = services.today()
        self.start_date = QDateEdit(QDate(today.year, today.month, today.day))
        self.start_date.setDisplayFormat("dd/MM/yyyy")
        self.start_date.setCalendarPopup(True)
        self.start_date.setFixedWidth(SHORT_WIDTH)
        self.referral = QComboBox()
        self.referral.addItem(self.tr("None"), None)
        for referral in referrals:
            self.referral.addItem(f"{referral.code} — {referral.partner}", referral.id)
            self.referral.setItemData(
                self.referral.count() - 1,
                self.referral.itemText(self.referral.count() - 1),
                Qt.ItemDataRole.ToolTipRole,
            )
        for combo in (self.sector, self.contract, self.referral):
            # a long partner name must not take the width of the labels ("Found through referral:")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(24)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 3 + 12)

        self.errors = {key: make_error_label(self) for key in (*FIELDS, "other")}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, field, key in (
            (self.tr("Employer:"), self.employer, "employer"),
            (self.tr("Job title:"), self.job_title, "job_title"),
            (self.tr("Sector:"), self.sector, "sector"),
            (self.tr("Contract:"), self.contract, "contract_type"),
            (self.tr("Started on:"), self.start_date, "start_date"),
            (self.tr("Found through referral:"), self.referral, "referral_id"),
            (self.tr("Note:"), self.note, "note"),
        ):
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(field)
            column.addWidget(self.errors[key])
            form.addRow(text, column)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        assert save_button is not None
        self.save_button = save_button
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors["other"])
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        unsaved_changes.ctrl_enter_saves(self, self.save_button, self.save)

        if job is not None:
            self._load(job)
        self.employer.setFocus()
        self._before = unsaved_changes.Snapshot(self)

    def _load(self, job: JobInfo) -> None:
        draft = job.draft
        self.employer.setText(draft.employer)
        self.job_title.setText(draft.job_title)
        self.sector.setCurrentIndex(max(0, self.sector.findData(draft.sector)))
        self.contract.setCurrentIndex(max(0, self.contract.findData(draft.contract_type)))
        self.start_date.setDate(QDate(draft.start_date.year, draft.start_date.month, draft.start_date.day))
        if draft.referral_id and self.referral.findData(draft.referral_id) < 0:
            self.referral.addItem(job.referral_code or "?", draft.referral_id)
        self.referral.setCurrentIndex(max(0, self.referral.findData(draft.referral_id)))
        self.note.setPlainText(draft.note)

    def draft(self) -> JobDraft:
        start = self.start_date.date()
        sector = self.sector.currentData()
        referral = self.referral.currentData()
        return JobDraft(
            employer=self.employer.text(),
            contract_type=ContractType(self.contract.currentData()),
            start_date=date(start.year(), start.month(), start.day()),
            sector=SkillSector(sector) if sector is not None else None,
            job_title=self.job_title.text(),
            referral_id=str(referral) if referral else None,
            note=self.note.toPlainText(),
        )

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
        """Save and close; a refusal shows its messages and keeps everything typed."""
        draft = self.draft()
        try:
            if self._job is None:
                saved_id = self._services.jobs.record(self._beneficiary_id, draft)
            else:
                self._services.jobs.update(self._job.id, draft)
                saved_id = self._job.id
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        except HubdeskError as exc:
            self.show_errors({"other": str(exc)})
            return
        self.saved_id = saved_id
        self.job_saved.emit(saved_id)
        self.accept()

    def reject(self) -> None:
        """Cancel, Esc or closing the window: ask first when something typed would be lost."""
        if self.saved_id is None and self._before.changed() and not unsaved_changes.confirm_discard(self):
            return
        super().reject()
