"""An editable list of small rows (phones, languages, diplomas, skills, experiences).

The rows live in ``RowListModel`` (intake_row_model); this module edits them: the delegate, the table
with its keyboard, and the widget with Add / Remove buttons and the problems found in the rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hubdesk.ui.intake_editors import ERROR_STYLE, OptionalSpinBox, fold, make_searchable
from hubdesk.ui.intake_row_model import (
    Column,
    ColumnKind,
    RowListModel,
    bool_column,
    choice_column,
    int_column,
    text_column,
)

__all__ = [
    "Column",
    "ColumnKind",
    "RowListDelegate",
    "RowListEditor",
    "RowListModel",
    "bool_column",
    "choice_column",
    "int_column",
    "text_column",
]

Index = QModelIndex | QPersistentModelIndex

#: Choice lists longer than this get a combo box the person can type into, with completion.
_SEARCHABLE_CHOICES = 12


class RowListDelegate(QStyledItemDelegate):
    """Edits CHOICE cells with a combo box and INT cells with a spin box; TEXT cells with a line edit."""

    def __init__(self, model: RowListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def _column(self, index: Index) -> Column:
        return self._model.columns[index.column()]

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = self._column(index)
        if column.kind is ColumnKind.CHOICE:
            combo = QComboBox(parent)
            if column.optional:
                combo.addItem("", None)
            for position, (_value, label) in enumerate(column.choices):
                combo.addItem(label, position)
            if len(column.choices) > _SEARCHABLE_CHOICES:
                make_searchable(combo)
            return combo
        if column.kind is ColumnKind.INT:
            spin = OptionalSpinBox(column.minimum, column.maximum, self.tr("unknown"), parent)
            spin.setFrame(False)
            return spin
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        column = self._column(index)
        value = index.data(RowListModel.ValueRole)
        if isinstance(editor, QComboBox):
            positions = [choice for choice, _label in column.choices]
            found = editor.findData(positions.index(value)) if value in positions else editor.findData(None)
            editor.setCurrentIndex(max(found, 0))
        elif isinstance(editor, OptionalSpinBox):
            editor.set_value_or_none(value)
            editor.selectAll()  # typed digits replace "unknown" or the old number
        else:
            super().setEditorData(editor, index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        handled = super().eventFilter(watched, event)
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            # Enter ends the cell (the base class commits it); it must not reach the dialog's default
            # button and save the whole form half-typed.
            return handled or event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        return handled

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        column = self._column(index)
        if isinstance(editor, QComboBox):
            position = editor.currentData()
            if editor.isEditable():
                # the text typed wins over the highlighted entry; unknown text leaves the value as it was
                typed = fold(editor.currentText())
                labels = [fold(label) for _value, label in column.choices]
                if not typed and column.optional:
                    position = None
                elif typed in labels:
                    position = labels.index(typed)
                else:
                    return
            value = None if position is None else column.choices[int(position)][0]
            model.setData(index, value, RowListModel.ValueRole)
        elif isinstance(editor, OptionalSpinBox):
            editor.interpretText()
            model.setData(index, editor.value_or_none(), RowListModel.ValueRole)
        else:
            super().setModelData(editor, model, index)


class _RowTable(QTableView):
    """The table: Insert asks for a new row, Delete for removing the selected one."""

    insert_pressed = Signal()
    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() != QAbstractItemView.State.EditingState and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            if event.key() == Qt.Key.Key_Insert:
                self.insert_pressed.emit()
                return
            if event.key() == Qt.Key.Key_Delete:
                self.delete_pressed.emit()
                return
        super().keyPressEvent(event)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), min(hint.height(), 150))

    def commit_open_editor(self) -> bool:
        """Store the cell being edited in the model and close its editor; False when no cell is edited."""
        if self.state() != QAbstractItemView.State.EditingState:
            return False
        model = self.model()
        cells = [self.currentIndex()] + [
            model.index(row, column) for row in range(model.rowCount()) for column in range(model.columnCount())
        ]
        for index in cells:
            editor = self.indexWidget(index) if index.isValid() else None
            if editor is not None:
                self.commitData(editor)
                self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                return True
        return False


class RowListEditor(QWidget):
    """A table of rows with Add / Remove buttons and, under it, the problems found in the rows.

    Signals:
        rows_edited: a row was added, removed or changed.
    """

    rows_edited = Signal()

    def __init__(
        self,
        columns: Sequence[Column],
        error_key: str,
        add_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        #: the validation key of this list ("phones"): its errors are "phones.<row>[.<column key>]"
        self.error_key = error_key
        self.model = RowListModel(columns, self)
        self.model.rows_edited.connect(self.rows_edited)

        self.view = _RowTable(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(RowListDelegate(self.model, self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        # Tab leaves the list for the next field; while a cell is edited, Tab still moves to the next cell.
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 12)
        self.view.setMinimumHeight(90)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        for number, column in enumerate(self.model.columns):
            if column.stretch:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)
            elif column.kind is ColumnKind.BOOL:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.ResizeToContents)
            else:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(number, self._editor_width(column))
        self.view.insert_pressed.connect(self.add_row)
        self.view.delete_pressed.connect(self.remove_selected)

        self.add_button = QPushButton(add_text or self.tr("Add"), self)
        self.add_button.setToolTip(self.tr("Add a row (Insert)"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setToolTip(self.tr("Remove the selected row (Delete)"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_selected)
        self.remove_button.setEnabled(False)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.model.rowsRemoved.connect(self._update_buttons)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        layout.addWidget(self.error_label)

    def _editor_width(self, column: Column) -> int:
        # wide enough for the longest choice (and the combo box arrow) or a spin box of four digits
        metrics = self.view.fontMetrics()
        texts = [column.title, *(label for _value, label in column.choices)]
        if column.kind is ColumnKind.INT:
            texts += [str(column.maximum), self.tr("unknown")]
        widest = max(metrics.horizontalAdvance(text) for text in texts)
        return min(widest + (34 if column.kind is ColumnKind.INT else 44), 200)

    def rows(self) -> list[dict[str, Any]]:
        return self.model.rows()

    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        self.model.set_rows(rows)
        self.show_errors({})

    def commit_pending_edit(self) -> None:
        """Store what is typed in a cell still open in its editor, and close the editor.

        A save started with a shortcut does not take the focus from the cell, so its editor would not
        commit by itself: read the rows after this.
        """
        self.view.commit_open_editor()

    @Slot()
    def add_row(self) -> None:
        """Add a row and start editing its first cell, so the person can type straight away."""
        row = self.model.add_row()
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.model.columns[0].kind is not ColumnKind.BOOL:
            self.view.edit(index)

    @Slot()
    def remove_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        row = rows[0].row()
        self.model.remove_row(row)
        if self.model.rowCount():
            self.view.selectRow(min(row, self.model.rowCount() - 1))

    def show_errors(self, errors: dict[str, str]) -> int:
        """Show the errors of this list (keys "<error_key>.<row>[.<column>]") under it; return how many."""
        prefix = self.error_key + "."
        titles = {column.key: column.title for column in self.model.columns}
        cells: dict[tuple[int, str | None], str] = {}
        lines: list[str] = []
        for key, message in errors.items():
            if not key.startswith(prefix):
                continue
            row_text, _dot, column_key = key[len(prefix) :].partition(".")
            if not row_text.isdigit():
                continue
            row = int(row_text)
            cells[(row, column_key or None)] = message
            if column_key in titles:
                line = self.tr("Row {row}, {column}: {message}").format(
                    row=row + 1, column=titles[column_key], message=message
                )
            else:
                line = self.tr("Row {row}: {message}").format(row=row + 1, message=message)
            lines.append(line)
        self.model.set_errors(cells)
        self.error_label.setText("\n".join(lines))
        self.error_label.setVisible(bool(lines))
        return len(lines)

    @Slot()
    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.view.selectionModel().hasSelection())
