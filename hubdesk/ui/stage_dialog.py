"""Moving a business project along its pipeline: the new stage, the day it was reached, a note."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from hubdesk.domain.entrepreneurship import ENDS
from hubdesk.domain.enums import VentureStage
from hubdesk.domain.errors import HubdeskError, ValidationError
from hubdesk.services.facade import Services
from hubdesk.ui import labels
from hubdesk.ui.form_rows import OTHER, FormDialog, FormRows, date_edit, day, message
from hubdesk.ui.unsaved_changes import wheel_only_when_focused

#: the fields the services name in a ValidationError ("other": anything else, under the form)
ERROR_KEYS = ("stage", "changed_on", "note", OTHER)
#: the longest note the services keep with a step
MAX_NOTE = 300
#: the services' words for a day to come (shown as the day is typed, before saving)
FUTURE_DAY = "A stage cannot be reached on a day still to come."


class StageDialog(FormDialog):
    """Moves a project to one of ``next_stages``: by default the next stage of the pipeline; the stages that
    end a project (closed, abandoned) come last and say so. The day is today unless changed.

    Enter moves from field to field and saves from the note; Ctrl+Enter saves from anywhere; Esc asks before
    throwing away what was typed. Once saved the dialog accepts; ``saved_stage`` and ``saved_on`` say where and
    when the project went.
    """

    def __init__(
        self,
        services: Services,
        venture_id: str,
        code: str,
        current: VentureStage,
        next_stages: tuple[VentureStage, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._venture_id = venture_id
        self._today = services.today()
        self.saved_stage: VentureStage | None = None
        self.saved_on: date | None = None
        self.rows = FormRows(self, ERROR_KEYS)
        self.errors = self.rows.errors
        self.setWindowTitle(self.tr("Project %1: next stage").replace("%1", code))

        summary = QLabel(
            self.tr("%1 is at the stage “%2”.").replace("%1", code).replace("%2", labels.venture_stage(current))
        )
        summary.setWordWrap(True)

        self.stage_combo = QComboBox()
        wheel_only_when_focused(self.stage_combo)
        going_on = [stage for stage in next_stages if stage not in ENDS]
        ending = [stage for stage in next_stages if stage in ENDS]
        for stage in going_on:
            self.stage_combo.addItem(labels.venture_stage(stage), stage.value)
        if going_on and ending:
            self.stage_combo.insertSeparator(self.stage_combo.count())
        for stage in ending:
            text = self.tr("%1 — ends the project").replace("%1", labels.venture_stage(stage))
            self.stage_combo.addItem(text, stage.value)
        self.stage_combo.currentIndexChanged.connect(lambda _index: self.rows.clear_error("stage"))
        self.ended_label = QLabel(self.tr("This project has ended: it takes no further stage."))
        self.ended_label.setVisible(not next_stages)
        self.stage_combo.setVisible(bool(next_stages))

        self.changed_on = date_edit(self._today)
        wheel_only_when_focused(self.changed_on)
        self.changed_on.dateChanged.connect(self._day_changed)
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_NOTE)
        self.note.setPlaceholderText(self.tr("Optional, at most %1 characters").replace("%1", str(MAX_NOTE)))
        self.note.textEdited.connect(lambda _text: self.rows.clear_error("note"))

        stage_column = QVBoxLayout()
        stage_column.setContentsMargins(0, 0, 0, 0)
        stage_column.addWidget(self.stage_combo)
        stage_column.addWidget(self.ended_label)
        self.rows.add(self.tr("New &stage:"), stage_column, "stage", buddy=self.stage_combo)
        self.rows.add(self.tr("&Reached on:"), self.changed_on, "changed_on")
        self.rows.add(self.tr("&Note:"), self.note, "note")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip(self.tr("Ctrl+Enter, or Enter in the note"))
        self.save_button.setDefault(True)
        self.save_button.setEnabled(bool(next_stages))
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(self.rows.form)
        layout.addWidget(self.errors[OTHER])
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.enter_saves(self.note)
        (self.stage_combo if next_stages else self.cancel_button).setFocus()
        self.watch_changes()

    def chosen(self) -> VentureStage | None:
        value = self.stage_combo.currentData()
        return VentureStage(value) if value else None

    @Slot(QDate)
    def _day_changed(self, value: QDate) -> None:
        """A day to come is pointed out at once; the services refuse it anyway."""
        self.rows.clear_error("changed_on")
        if day(value) > self._today:
            self.rows.show_error("changed_on", message(FUTURE_DAY))

    @Slot()
    def save(self) -> None:
        """Record the step; a refusal is shown next to its field and the dialog stays open as typed."""
        stage = self.chosen()
        if stage is None or not self.save_button.isEnabled():
            return
        on = day(self.changed_on.date())
        self.rows.clear_errors()
        try:
            self._services.ventures.move(self._venture_id, stage, on, self.note.text())
        except ValidationError as exc:
            self.rows.show_errors(exc.errors)
            return
        except HubdeskError as exc:
            self.rows.show_error(OTHER, message(str(exc)))
            return
        self.saved_stage, self.saved_on = stage, on
        self.accept()
