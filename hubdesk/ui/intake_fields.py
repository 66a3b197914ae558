"""The base class of the intake sections: a form whose fields show their errors under them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.beneficiary import MINIMAL_FIELDS, BeneficiaryDraft
from hubdesk.ui.intake_editors import DateField, make_error_label
from hubdesk.ui.row_list_editor import RowListEditor


class IntakeSection(QWidget):
    """One part of the intake form: it loads from and stores into a ``BeneficiaryDraft``.

    Subclasses build their fields with ``add_field`` and ``add_list`` and implement ``load`` and
    ``store``. Error keys are the ones of ``validate_beneficiary`` ("email", "phones.0", ...).

    Signals:
        edited: the person changed a field; carries the draft attribute it belongs to ("phones").
    """

    edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: the name of the section, on its tab
        self.title = ""
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.form.setVerticalSpacing(8)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 12)
        outer.addLayout(self.form)
        outer.addStretch(1)
        #: error key -> the label under the field that shows its message
        self._error_labels: dict[str, QLabel] = {}
        #: error key -> the widget to focus when its message is shown
        self._focus: dict[str, QWidget] = {}
        self._lists: list[RowListEditor] = []
        self._dates: dict[str, DateField] = {}
        self._not_minimal: list[QWidget] = []
        #: draft attributes this section edits (the part of an error key before the first dot)
        self.keys: set[str] = set()

    # -- building ---------------------------------------------------------------------------------

    def add_field(self, label: str, widget: QWidget, *keys: str, watch: QWidget | None = None) -> QWidget:
        """A form row: ``widget`` with its error label under it, for the error keys ``keys``.

        Edits of ``watch`` (default ``widget``) are reported; a field outside the minimal record is
        disabled while only a minimal record is kept.
        """
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = make_error_label(box)
        column.addWidget(error)
        self.form.addRow(label, box)
        watched = watch or widget
        for key in keys:
            self._error_labels[key] = error
            self._focus[key] = watched
            self.keys.add(key.split(".")[0])
        if isinstance(watched, DateField):
            self._dates[keys[0]] = watched
        root = keys[0].split(".")[0]
        self.watch(watched, root)
        if root not in MINIMAL_FIELDS:
            self._not_minimal.append(box)
            label_widget = self.form.labelForField(box)
            if label_widget is not None:
                self._not_minimal.append(label_widget)
        return box

    def add_list(self, label: str, editor: RowListEditor) -> None:
        self.form.addRow(label, editor)
        self._lists.append(editor)
        self._focus[editor.error_key] = editor.view
        self.keys.add(editor.error_key)
        editor.rows_edited.connect(lambda key=editor.error_key: self.edited.emit(key))
        if editor.error_key not in MINIMAL_FIELDS:
            self._not_minimal.append(editor)
            label_widget = self.form.labelForField(editor)
            if label_widget is not None:
                self._not_minimal.append(label_widget)

    def watch(self, widget: QWidget, key: str) -> None:
        """Report the person's edits of ``widget`` as edits of the draft attribute ``key``."""

        def changed(*_args: object) -> None:
            self.edited.emit(key)

        if isinstance(widget, DateField):
            widget.edited.connect(changed)
        elif isinstance(widget, QLineEdit):
            widget.textEdited.connect(changed)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(changed)
            if widget.isEditable():
                widget.editTextChanged.connect(changed)
        elif isinstance(widget, QAbstractSpinBox):
            widget.valueChanged.connect(changed)  # type: ignore[attr-defined]
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(changed)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(changed)

    # -- the interface the dialog uses ----------------------------------------------------------

    def load(self, draft: BeneficiaryDraft) -> None:
        raise NotImplementedError

    def store(self, draft: BeneficiaryDraft) -> None:
        raise NotImplementedError

    def local_errors(self) -> dict[str, str]:
        """Problems found before any validation: text typed into a date field that is not a date."""
        errors = {}
        for key, field in self._dates.items():
            if field.isEnabled() and (problem := field.problem()):
                errors[key] = problem
        return errors

    def show_errors(self, errors: dict[str, str]) -> int:
        """Show the messages of this section's fields (others are ignored); return how many."""
        shown = 0
        by_label: dict[QLabel, list[str]] = {label: [] for label in self._error_labels.values()}
        for key, label in self._error_labels.items():
            if key in errors:
                by_label[label].append(errors[key])
                shown += 1
        for label, messages in by_label.items():
            label.setText("\n".join(messages))
            label.setVisible(bool(messages))
        for editor in self._lists:
            shown += editor.show_errors(errors)
        return shown

    def error_text(self, key: str) -> str:
        """The message shown under the field of ``key`` ("" when none is shown)."""
        if key in self._error_labels:
            label = self._error_labels[key]
            return label.text() if not label.isHidden() else ""
        for editor in self._lists:
            if editor.error_key == key:
                return editor.error_label.text() if not editor.error_label.isHidden() else ""
        return ""

    def form_labels(self) -> list[QWidget]:
        """The labels in front of the fields (the dialog gives them one width on every tab)."""
        found: list[QWidget] = []
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = item.widget() if item is not None else None
            if widget is not None:
                found.append(widget)
        return found

    def focus_error(self, errors: dict[str, str]) -> bool:
        """Put the cursor in the first field of this section that has an error."""
        for key, widget in self._focus.items():
            if key in errors or any(error.startswith(key + ".") for error in errors):
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def set_minimal(self, minimal: bool) -> None:
        """Disable the fields a minimal record does not keep; their values stay in the widgets."""
        for widget in self._not_minimal:
            widget.setEnabled(not minimal)

    def keeps_nothing_when_minimal(self) -> bool:
        """True when no field of this section is kept in a minimal record."""
        return bool(self.keys) and not self.keys & MINIMAL_FIELDS
