"""The training form: a new training or workshop, or changes to one — what it is, who gives it, and its days."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.enums import TrainingTheme
from hubdesk.domain.errors import HubdeskError, ValidationError
from hubdesk.services.facade import Services
from hubdesk.services.venture_readmodels import TrainingDraft, TrainingInfo
from hubdesk.ui import labels
from hubdesk.ui.form_rows import OTHER, FormDialog, FormRows, date_edit, day, message
from hubdesk.ui.unsaved_changes import wheel_only_when_focused

#: the hours of a first day when nothing says otherwise
DEFAULT_HOURS = 3.0
FIELD_KEYS = ("title", "theme", "trainer", "place", "completion_share", "days")


class DaysEditor(QWidget):
    """The training's days, one line each: the day, its hours, a button removing it; "Add day" under them.

    Signals: ``days_edited()`` when a day is added, removed or changed.
    """

    days_edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[QDateEdit, QDoubleSpinBox, QToolButton]] = []
        self._grid_box = QWidget()
        column = QVBoxLayout(self._grid_box)
        self._grid = QGridLayout()
        column.addLayout(self._grid)
        column.addStretch(1)  # the lines stay at the top, however few
        self._grid.setColumnStretch(3, 1)
        self._grid.addWidget(QLabel(self.tr("Day")), 0, 0)
        self._grid.addWidget(QLabel(self.tr("Hours")), 0, 1)
        scroll = QScrollArea()
        scroll.setWidget(self._grid_box)
        scroll.setWidgetResizable(True)
        scroll.setMinimumHeight(150)
        self.add_button = QPushButton(self.tr("&Add day"))
        self.add_button.setToolTip(self.tr("The day after the last one, with the same hours"))
        self.add_button.clicked.connect(self.add_day)
        self.count_label = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.count_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    def days(self) -> list[tuple[date, float]]:
        return [(day(edit.date()), spin.value()) for edit, spin, _ in self._rows]

    def set_days(self, days: list[tuple[date, float]]) -> None:
        while self._rows:
            self._remove(self._rows[-1][2], notify=False)
        for on, hours in days:
            self._append(on, hours)
        self._count_changed()

    def date_edits(self) -> list[QDateEdit]:
        return [edit for edit, _, _ in self._rows]

    def remove_buttons(self) -> list[QToolButton]:
        return [button for _, _, button in self._rows]

    @Slot()
    def add_day(self) -> None:
        """The day after the last one (today when there is none), with the same hours."""
        days = self.days()
        on, hours = (
            (max(d for d, _ in days) + timedelta(days=1), days[-1][1]) if days else (date.today(), DEFAULT_HOURS)
        )
        edit = self._append(on, hours)
        edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self._count_changed()
        self.days_edited.emit()

    def _append(self, on: date, hours: float) -> QDateEdit:
        edit = date_edit(on)
        spin = QDoubleSpinBox()
        spin.setRange(0.5, 12.0)
        spin.setSingleStep(0.5)
        spin.setDecimals(1)
        spin.setSuffix(self.tr(" h"))
        spin.setValue(hours)
        for field in (edit, spin):
            wheel_only_when_focused(field)
        remove = QToolButton()
        remove.setText(self.tr("Remove"))
        remove.setToolTip(self.tr("Remove this day (a day with attendance marked cannot be removed)"))
        remove.clicked.connect(lambda: self._remove(remove))
        edit.dateChanged.connect(lambda _value: self.days_edited.emit())
        spin.valueChanged.connect(lambda _value: self.days_edited.emit())
        row = len(self._rows) + 1
        self._grid.addWidget(edit, row, 0)
        self._grid.addWidget(spin, row, 1)
        self._grid.addWidget(remove, row, 2)
        self._rows.append((edit, spin, remove))
        return edit

    def _remove(self, button: QToolButton, *, notify: bool = True) -> None:
        """Take the line of ``button`` out; the lines below move up."""
        index = next(i for i, (_, _, b) in enumerate(self._rows) if b is button)
        kept = [(day(e.date()), s.value()) for e, s, _ in self._rows]
        del kept[index]
        for widgets in self._rows:
            for widget in widgets:
                self._grid.removeWidget(widget)
                widget.deleteLater()
        self._rows.clear()
        for on, hours in kept:
            self._append(on, hours)
        if notify:
            self._count_changed()
            self.days_edited.emit()

    def _count_changed(self) -> None:
        total = sum(hours for _, hours in self.days())
        self.count_label.setText(
            self.tr("%n days", "", len(self._rows)) + " · " + self.tr("%1 hours").replace("%1", f"{total:g}")
        )


class TrainingDialog(FormDialog):
    """Create a training (``training`` None) or change one; the services' messages go next to the fields.

    ``saved_id`` holds the training's id once saved (the dialog is then accepted).
    """

    def __init__(self, services: Services, parent: QWidget | None = None, training: TrainingInfo | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._training = training
        self.saved_id: str | None = None
        self.setWindowTitle(
            self.tr("New training") if training is None else self.tr("Edit training — %1").replace("%1", training.code)
        )
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("For example: Create your business — module 1"))
        self.theme_combo = QComboBox()
        for theme in TrainingTheme:
            self.theme_combo.addItem(labels.training_theme(theme), theme.value)
        self.trainer_edit = QLineEdit()
        self.trainer_edit.setPlaceholderText(self.tr("Who gives it"))
        self.place_edit = QLineEdit()
        self.place_edit.setPlaceholderText(self.tr("Where it takes place"))
        self.share_spin = QSpinBox()
        self.share_spin.setRange(50, 100)
        self.share_spin.setSingleStep(5)
        self.share_spin.setSuffix(self.tr(" % of the days"))
        self.share_spin.setToolTip(self.tr("A trainee completes the training by attending at least this share"))
        for field in (self.theme_combo, self.share_spin):
            wheel_only_when_focused(field)
        self.description_edit = QPlainTextEdit()
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setFixedHeight(self.description_edit.fontMetrics().lineSpacing() * 3 + 12)
        self.days_editor = DaysEditor()

        self.form = FormRows(self, FIELD_KEYS)
        self.form.add(self.tr("&Title:"), self.title_edit, "title")
        self.form.add(self.tr("T&heme:"), self.theme_combo, "theme")
        self.form.add(self.tr("T&rainer:"), self.trainer_edit, "trainer")
        self.form.add(self.tr("&Place:"), self.place_edit, "place")
        self.form.add(self.tr("&Completed at:"), self.share_spin, "completion_share")
        self.form.form.addRow(self.tr("D&escription:"), self.description_edit)
        self.form.add(self.tr("&Days:"), self.days_editor, "days", buddy=self.days_editor.add_button)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip(self.tr("Save (Ctrl+Enter)"))
        self.save_button.setAutoDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form.form, 1)
        layout.addWidget(self.form.errors[OTHER])
        layout.addWidget(self.buttons)
        self.title_edit.textEdited.connect(lambda _t: self.form.clear_error("title"))
        self.days_editor.days_edited.connect(lambda: self.form.clear_error("days"))
        self.form.clear_errors()
        self._load()
        self.resize(560, 620)
        self.watch_changes()

    def _load(self) -> None:
        training = self._training
        if training is None:
            self.share_spin.setValue(80)
            self.days_editor.set_days([(date.today(), 3.0)])
        else:
            draft = training.draft
            self.title_edit.setText(draft.title)
            self.theme_combo.setCurrentIndex(max(self.theme_combo.findData(draft.theme.value), 0))
            self.trainer_edit.setText(draft.trainer)
            self.place_edit.setText(draft.place)
            self.share_spin.setValue(round(draft.completion_share * 100))
            self.description_edit.setPlainText(draft.description)
            self.days_editor.set_days([(d.held_on, d.hours) for d in training.days])
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def draft(self) -> TrainingDraft:
        """What the form holds, as typed."""
        return TrainingDraft(
            title=self.title_edit.text(),
            theme=TrainingTheme(self.theme_combo.currentData()),
            trainer=self.trainer_edit.text(),
            place=self.place_edit.text(),
            completion_share=self.share_spin.value() / 100,
            description=self.description_edit.toPlainText(),
            days=self.days_editor.days(),
        )

    @Slot()
    def save(self) -> None:
        """Create or change the training; what the services refuse stays next to its field, nothing is lost."""
        self.form.clear_errors()
        try:
            if self._training is None:
                self.saved_id = self._services.trainings.create(self.draft())
            else:
                self._services.trainings.update(self._training.id, self.draft())
                self.saved_id = self._training.id
        except ValidationError as exc:
            keys = self.form.show_errors(exc.errors)
            self._focus(keys[0] if keys else OTHER)
            return
        except HubdeskError as exc:
            self.form.show_error(OTHER, message(str(exc)))
            return
        self._before = None  # nothing left to lose
        self.accept()

    def _focus(self, key: str) -> None:
        fields: dict[str, QWidget] = {
            "title": self.title_edit,
            "theme": self.theme_combo,
            "trainer": self.trainer_edit,
            "place": self.place_edit,
            "completion_share": self.share_spin,
            "days": self.days_editor.add_button,
        }
        field = fields.get(key)
        if field is not None:
            field.setFocus(Qt.FocusReason.OtherFocusReason)
