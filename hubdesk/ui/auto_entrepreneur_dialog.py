"""A person's auto-entrepreneur status: the application, the registration and what follows, or why they cannot
register today."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.enums import AutoEntrepreneurCategory, AutoEntrepreneurStatus
from hubdesk.domain.errors import HubdeskError, ValidationError
from hubdesk.services.facade import Services
from hubdesk.services.venture_readmodels import AutoEntrepreneurDraft, AutoEntrepreneurInfo, PersonVenture
from hubdesk.ui import labels
from hubdesk.ui.form_rows import OTHER, FormDialog, FormRows, date_edit, day, message, qdate

#: the fields the services name in a ValidationError ("other": anything else, under the form)
ERROR_KEYS = (
    "status",
    "applied_on",
    "registered_on",
    "register_number",
    "tax_id",
    "ice",
    "activity",
    "category",
    "card_received_on",
    "cnss_registered_on",
    "lapsed_on",
    "venture_id",
    "note",
    OTHER,
)
#: the services' words when a registered status has no registration day (shown as soon as it is chosen)
NO_REGISTRATION = "Give the day of the registration."
#: how the eligibility box looks: a notice a person cannot miss
NOTICE_STYLE = "background: #fff3cd; color: #5c4300; padding: 8px; border: 1px solid #e0c060; border-radius: 4px;"


class OptionalDate(QWidget):
    """A day that may not have come yet: a check box ("Registered on") and the day, enabled once ticked."""

    def __init__(self, text: str, value: date | None, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(text)
        self.edit: QDateEdit = date_edit(value or today, latest=today)
        self.check.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(self._focus_day)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self.setFocusProxy(self.check)

    def value(self) -> date | None:
        return day(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, value: date) -> None:
        self.edit.setDate(qdate(value))
        self.check.setChecked(True)

    @Slot(bool)
    def _focus_day(self, checked: bool) -> None:
        if checked:
            self.edit.setFocus()


class AutoEntrepreneurDialog(FormDialog):
    """Records the application or changes the status of one person. When the person cannot register today, a
    notice at the top says why and what to do; the services refuse the application with the same reason, shown
    next to the status. Enter moves from field to field and saves from the note; Ctrl+Enter saves from anywhere.

    ``info`` (the person's status) and ``ventures`` (their projects) are read from the services unless given (the
    Entrepreneurship tab has just read them). Once saved the dialog accepts and ``saved`` is True.
    """

    def __init__(
        self,
        services: Services,
        beneficiary_id: str,
        parent: QWidget | None = None,
        *,
        info: AutoEntrepreneurInfo | None = None,
        ventures: Sequence[PersonVenture] | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._beneficiary_id = beneficiary_id
        self.saved = False
        self.setWindowTitle(self.tr("Auto-entrepreneur status"))
        self.rows = FormRows(self, ERROR_KEYS)
        self.errors = self.rows.errors
        self.info: AutoEntrepreneurInfo | None = info
        problem = ""
        if self.info is None:
            try:
                self.info = services.auto_entrepreneurs.get(beneficiary_id)
            except HubdeskError as exc:
                problem = message(str(exc))
        draft = self.info.draft if self.info is not None else None
        today = services.today()

        self.eligibility = QLabel()
        self.eligibility.setObjectName("eligibilityNotice")
        self.eligibility.setWordWrap(True)
        self.eligibility.setStyleSheet(NOTICE_STYLE)
        reason = self.info.eligibility if self.info is not None else ""
        if reason:
            self.eligibility.setText(
                message(reason)
                + "\n"
                + self.tr(
                    "Update the identity document on the person's profile (Edit on the record), then record the "
                    "application."
                )
            )
        self.eligibility.setVisible(bool(reason))

        self.status = QComboBox()
        for status in AutoEntrepreneurStatus:
            self.status.addItem(labels.auto_entrepreneur_status(status), status)
        self.applied_on = date_edit(draft.applied_on if draft else today, latest=today)
        self.registered_on = OptionalDate(self.tr("Registered on"), draft.registered_on if draft else None, today)
        self.register_number = QLineEdit()
        self.register_number.setMaxLength(40)
        self.tax_id = QLineEdit()
        self.tax_id.setPlaceholderText(self.tr("6 to 10 digits"))
        self.ice = QLineEdit()
        self.ice.setPlaceholderText(self.tr("15 digits"))
        self.activity = QLineEdit()
        self.activity.setPlaceholderText(self.tr("For example: tailoring, home hairdressing, phone repair"))
        self.category = QComboBox()
        for category in AutoEntrepreneurCategory:
            self.category.addItem(labels.auto_entrepreneur_category(category), category)
        self.card_received_on = OptionalDate(self.tr("Received on"), draft.card_received_on if draft else None, today)
        self.cnss_registered_on = OptionalDate(
            self.tr("Registered on"), draft.cnss_registered_on if draft else None, today
        )
        self.lapsed_on = OptionalDate(self.tr("Lapsed on"), draft.lapsed_on if draft else None, today)
        self.venture = QComboBox()
        self.venture.addItem(self.tr("(no project)"), None)
        if ventures is None:
            try:
                ventures = services.ventures.of_person(beneficiary_id)
            except HubdeskError:
                ventures = []  # the link stays as it is; the services say so if it is wrong
        for venture in ventures:
            self.venture.addItem(f"{venture.code} — {labels.isolate(venture.name)}", venture.id)
        self.note = QLineEdit()
        self.note.setMaxLength(300)
        self.note.setPlaceholderText(self.tr("Optional"))

        self.rows.add(self.tr("&Status:"), self.status, "status")
        self.rows.add(self.tr("A&pplied on:"), self.applied_on, "applied_on")
        self.rows.add(self.tr("Registration:"), self.registered_on, "registered_on", self.registered_on.check)
        self.rows.add(self.tr("National &register no.:"), self.register_number, "register_number")
        self.rows.add(self.tr("&Tax identifier (IF):"), self.tax_id, "tax_id")
        self.rows.add(self.tr("&ICE:"), self.ice, "ice")
        self.rows.add(self.tr("&Activity:"), self.activity, "activity")
        self.rows.add(self.tr("&Category:"), self.category, "category")
        self.rows.add(self.tr("Card:"), self.card_received_on, "card_received_on", self.card_received_on.check)
        self.rows.add(
            self.tr("CNSS / AMO:"), self.cnss_registered_on, "cnss_registered_on", self.cnss_registered_on.check
        )
        self.rows.add(self.tr("End:"), self.lapsed_on, "lapsed_on", self.lapsed_on.check)
        self.rows.add(self.tr("&Linked project:"), self.venture, "venture_id")
        self.rows.add(self.tr("&Note:"), self.note, "note")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        assert save_button is not None
        self.save_button = save_button
        self.save_button.setToolTip(self.tr("Ctrl+Enter, or Enter in the note"))
        self.save_button.setDefault(True)
        self.save_button.setEnabled(self.info is not None)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.eligibility)
        layout.addLayout(self.rows.form)
        layout.addWidget(self.errors[OTHER])
        layout.addWidget(buttons)
        self.setMinimumWidth(620)
        self.enter_saves(self.note)

        if draft is not None:
            self._load(draft)
        if problem:
            self.rows.show_error(OTHER, problem)
        self.status.currentIndexChanged.connect(self._status_chosen)
        self.registered_on.check.toggled.connect(self._status_chosen)
        self._status_chosen()
        self.status.setFocus()
        self.watch_changes()

    def _load(self, draft: AutoEntrepreneurDraft) -> None:
        self._select(self.status, draft.status)
        self.register_number.setText(draft.register_number)
        self.tax_id.setText(draft.tax_id)
        self.ice.setText(draft.ice)
        self.activity.setText(draft.activity)
        self._select(self.category, draft.category)
        if draft.venture_id is not None and self.venture.findData(draft.venture_id) < 0:
            self.venture.addItem(self.tr("(a project no longer listed)"), draft.venture_id)
        self._select(self.venture, draft.venture_id)
        self.note.setText(draft.note)

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def chosen_status(self) -> AutoEntrepreneurStatus:
        return AutoEntrepreneurStatus(self.status.currentData())

    @Slot()
    def _status_chosen(self) -> None:
        """Only a lapsed status has an end; a registered one needs its registration day, said at once."""
        status = self.chosen_status()
        self.rows.set_row_visible("lapsed_on", status is AutoEntrepreneurStatus.LAPSED)
        self.rows.clear_error("status")
        self.rows.clear_error("registered_on")
        if status is not AutoEntrepreneurStatus.APPLIED and self.registered_on.value() is None:
            self.rows.show_error("registered_on", message(NO_REGISTRATION))

    def draft(self) -> AutoEntrepreneurDraft:
        status = self.chosen_status()
        venture = self.venture.currentData()
        return AutoEntrepreneurDraft(
            applied_on=day(self.applied_on.date()),
            category=AutoEntrepreneurCategory(self.category.currentData()),
            activity=self.activity.text(),
            status=status,
            registered_on=self.registered_on.value(),
            register_number=self.register_number.text(),
            tax_id=self.tax_id.text(),
            ice=self.ice.text(),
            card_received_on=self.card_received_on.value(),
            cnss_registered_on=self.cnss_registered_on.value(),
            # the end of a status that is not lapsed is kept on the screen, not saved
            lapsed_on=self.lapsed_on.value() if status is AutoEntrepreneurStatus.LAPSED else None,
            venture_id=str(venture) if venture else None,
            note=self.note.text(),
        )

    def _fit(self) -> None:
        """Grow to show the messages just shown in full (a wrapped message is otherwise cut)."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
            self.resize(self.width(), max(self.height(), layout.heightForWidth(self.width()), self.sizeHint().height()))

    @Slot()
    def save(self) -> None:
        """Save and close; a refusal shows each message next to its field and keeps everything typed."""
        if self.info is None:
            return
        self.rows.clear_errors()
        try:
            self._services.auto_entrepreneurs.save(self._beneficiary_id, self.draft())
        except ValidationError as exc:
            self.rows.show_errors(exc.errors)
            self._fit()
            return
        except HubdeskError as exc:
            self.rows.show_error(OTHER, message(str(exc)))
            self._fit()
            return
        self.saved = True
        self.accept()
