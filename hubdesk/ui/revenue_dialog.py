"""A revenue follow-up of a created business: the turnover of a period, and the jobs it gives."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Slot
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from hubdesk.domain.errors import HubdeskError, ValidationError
from hubdesk.services.facade import Services
from hubdesk.services.venture_readmodels import RevenueDraft
from hubdesk.ui.financing_dialog import amount_box
from hubdesk.ui.form_rows import OTHER, FormDialog, FormRows, date_edit, day, message
from hubdesk.ui.intake_editors import SHORT_WIDTH

#: the fields the services name in a ValidationError, in the order of the form
ERROR_KEYS = ("period_start", "period_end", "revenue_mad", "jobs", "note", OTHER)
MAX_NOTE = 300
MAX_JOBS = 10_000


def last_month(today: date) -> tuple[date, date]:
    """The first and last day of the month before ``today``'s: the period most often looked at."""
    end = today.replace(day=1) - timedelta(days=1)
    return end.replace(day=1), end


class RevenueDialog(FormDialog):
    """Record the turnover of a period (last month by default), the jobs if known, a note.

    Ctrl+Enter saves, and Enter in the note. Once saved the dialog accepts and ``saved_id`` holds the follow-up's id.
    """

    def __init__(self, services: Services, venture_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._venture_id = venture_id
        self.saved_id: str | None = None
        self.rows = FormRows(self, ERROR_KEYS)
        self.errors = self.rows.errors
        self.setWindowTitle(self.tr("New revenue follow-up"))
        today = services.today()
        start, end = last_month(today)

        self.period_start = date_edit(start, latest=today)
        self.period_end = date_edit(end, latest=today)
        self.revenue = amount_box()
        self.jobs = QLineEdit()
        self.jobs.setValidator(QIntValidator(0, MAX_JOBS, self.jobs))
        self.jobs.setPlaceholderText(self.tr("Optional"))
        self.jobs.setFixedWidth(SHORT_WIDTH)
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_NOTE)
        self.note.setPlaceholderText(self.tr("Optional, at most %1 characters").replace("%1", str(MAX_NOTE)))

        self.rows.add(self.tr("Period &from:"), self.period_start, "period_start")
        self.rows.add(self.tr("&To:"), self.period_end, "period_end")
        self.rows.add(self.tr("T&urnover:"), self.revenue, "revenue_mad")
        self.rows.add(self.tr("&Jobs:"), self.jobs, "jobs")
        self.rows.add(self.tr("&Note:"), self.note, "note")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip(self.tr("Ctrl+Enter, or Enter in the note"))
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.rows.form)
        layout.addWidget(self.errors[OTHER])
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.enter_saves(self.note)
        self.period_start.dateChanged.connect(lambda: self.rows.clear_error("period_start"))
        self.period_end.dateChanged.connect(lambda: self.rows.clear_error("period_end"))
        self.period_start.setFocus()
        self.watch_changes()

    def draft(self) -> RevenueDraft:
        """What the form holds, as typed (jobs left empty: not known)."""
        jobs = self.jobs.text().strip()
        return RevenueDraft(
            period_start=day(self.period_start.date()),
            period_end=day(self.period_end.date()),
            revenue_mad=self.revenue.value(),
            jobs=int(jobs) if jobs else None,
            note=self.note.text(),
        )

    @Slot()
    def save(self) -> None:
        """Record the follow-up; a refusal shows next to its field and everything typed stays."""
        self.rows.clear_errors()
        try:
            saved_id = self._services.ventures.add_revenue(self._venture_id, self.draft())
        except ValidationError as exc:
            self.rows.show_errors(exc.errors)
            return
        except HubdeskError as exc:
            self.rows.show_error(OTHER, message(str(exc)))
            return
        self.saved_id = saved_id
        self.accept()
