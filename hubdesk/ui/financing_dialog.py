"""One financing line of a business project: what was asked of whom, and what came of it."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.enums import FinancingKind
from hubdesk.domain.errors import HubdeskError, ValidationError
from hubdesk.services.facade import Services
from hubdesk.services.venture_money import MAX_AMOUNT
from hubdesk.services.venture_readmodels import FinancingDraft, FinancingInfo
from hubdesk.ui import labels, unsaved_changes
from hubdesk.ui.form_rows import OTHER, FormDialog, FormRows, date_edit, day, message, qdate
from hubdesk.ui.intake_editors import CHOICE_WIDTH, SHORT_WIDTH

#: the fields the services name in a ValidationError, in the order of the form
ERROR_KEYS = ("kind", "source", "requested_mad", "requested_on", "obtained_mad", "decided_on", "note", OTHER)
MAX_NOTE = 300
MAX_SOURCE = 120


def amount_box() -> QSpinBox:
    """Whole dirhams from 0 (a minus sign cannot be typed), thousands grouped as the locale writes them."""
    box = QSpinBox()
    box.setRange(0, MAX_AMOUNT)
    box.setSuffix(" MAD")
    box.setGroupSeparatorShown(True)
    box.setFixedWidth(SHORT_WIDTH + 30)
    unsaved_changes.wheel_only_when_focused(box)
    return box


class FinancingDialog(FormDialog):
    """Add a financing line to a project (``line`` None) or change one: kind, source, amounts and days.

    The answer (amount obtained, day of the decision) is asked once "Answer received" is ticked: unticked, the
    request is still awaited; 0 obtained means refused. Ctrl+Enter saves, and Enter in the note. Once saved the
    dialog accepts and ``saved_id`` holds the line's id.
    """

    def __init__(
        self, services: Services, venture_id: str, parent: QWidget | None = None, line: FinancingInfo | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._venture_id = venture_id
        self._line = line
        self.saved_id: str | None = None
        self.rows = FormRows(self, ERROR_KEYS)
        self.errors = self.rows.errors
        self.setWindowTitle(self.tr("New financing line") if line is None else self.tr("Edit the financing line"))
        today = services.today()

        self.kind = QComboBox()
        for kind in FinancingKind:
            self.kind.addItem(labels.financing_kind(kind), kind.value)
        self.kind.setMaximumWidth(CHOICE_WIDTH)
        unsaved_changes.wheel_only_when_focused(self.kind)
        self.source = QLineEdit()
        self.source.setMaxLength(MAX_SOURCE)
        self.requested = amount_box()
        self.requested_on = date_edit(today, latest=today)
        self.answered = QCheckBox(self.tr("&Answer received"))
        self.answered.setToolTip(self.tr("Unticked: the answer is still awaited"))
        self.obtained = amount_box()
        self.obtained.setToolTip(self.tr("0 when the request was refused"))
        self.decided_on = date_edit(today, latest=today)
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_NOTE)
        self.note.setPlaceholderText(self.tr("Optional, at most %1 characters").replace("%1", str(MAX_NOTE)))

        self.rows.add(self.tr("&Kind:"), self.kind, "kind")
        self.rows.add(self.tr("&Source:"), self.source, "source")
        self.rows.add(self.tr("Amount &requested:"), self.requested, "requested_mad")
        self.rows.add(self.tr("Requested &on:"), self.requested_on, "requested_on")
        self.rows.form.addRow("", self.answered)
        self.rows.add(self.tr("Amount o&btained:"), self.obtained, "obtained_mad")
        self.rows.add(self.tr("&Decided on:"), self.decided_on, "decided_on")
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
        self.setMinimumWidth(520)
        self.enter_saves(self.note)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.answered.toggled.connect(self._answer_toggled)
        self.requested.valueChanged.connect(lambda: self.rows.clear_error("requested_mad"))
        self.obtained.valueChanged.connect(lambda: self.rows.clear_error("obtained_mad"))
        self._load(line)
        self.kind.setFocus()
        self.watch_changes()

    def _load(self, line: FinancingInfo | None) -> None:
        if line is not None:
            draft = line.draft
            self.kind.setCurrentIndex(max(self.kind.findData(draft.kind.value), 0))
            self.source.setText(draft.source)
            self.requested.setValue(draft.requested_mad)
            self.requested_on.setDate(qdate(draft.requested_on))
            self.answered.setChecked(draft.obtained_mad is not None or draft.decided_on is not None)
            self.obtained.setValue(draft.obtained_mad or 0)
            if draft.decided_on is not None:
                self.decided_on.setDate(qdate(draft.decided_on))
            self.note.setText(draft.note)
        self._kind_changed()
        self._answer_toggled(self.answered.isChecked())

    @Slot()
    def _kind_changed(self) -> None:
        """The source's examples follow the kind of financing."""
        examples = {
            FinancingKind.OWN_FUNDS: self.tr("e.g. savings, family"),
            FinancingKind.HONOUR_LOAN: self.tr("e.g. Forsa"),
            FinancingKind.BANK_LOAN: self.tr("e.g. Intelaka"),
            FinancingKind.MICROCREDIT: self.tr("e.g. a microcredit association"),
            FinancingKind.GRANT: self.tr("e.g. INDH, a donor"),
            FinancingKind.EQUIPMENT_KIT: self.tr("e.g. the HUB, a partner"),
        }
        self.source.setPlaceholderText(examples[FinancingKind(self.kind.currentData())])

    @Slot(bool)
    def _answer_toggled(self, answered: bool) -> None:
        for field in (self.obtained, self.decided_on):
            field.setEnabled(answered)
        self.rows.clear_error("obtained_mad")
        self.rows.clear_error("decided_on")

    def draft(self) -> FinancingDraft:
        """What the form holds, as typed."""
        answered = self.answered.isChecked()
        return FinancingDraft(
            kind=FinancingKind(self.kind.currentData()),
            requested_mad=self.requested.value(),
            requested_on=day(self.requested_on.date()),
            source=self.source.text(),
            obtained_mad=self.obtained.value() if answered else None,
            decided_on=day(self.decided_on.date()) if answered else None,
            note=self.note.text(),
        )

    @Slot()
    def save(self) -> None:
        """Add or change the line; a refusal shows next to its field and everything typed stays."""
        self.rows.clear_errors()
        try:
            if self._line is None:
                saved_id = self._services.ventures.add_financing(self._venture_id, self.draft())
            else:
                self._services.ventures.update_financing(self._line.id, self.draft())
                saved_id = self._line.id
        except ValidationError as exc:
            self.rows.show_errors(exc.errors)
            return
        except HubdeskError as exc:
            self.rows.show_error(OTHER, message(str(exc)))
            return
        self.saved_id = saved_id
        self.accept()
