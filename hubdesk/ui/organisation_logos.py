"""The logos of the organisation settings: a list with thumbnails, in printing order, and its buttons."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.errors import HubdeskError, ValidationError
from hubdesk.ui.intake_editors import make_error_label
from hubdesk.ui.list_table_model import Index, ListTableModel

#: how big a logo is shown in the list
THUMBNAIL = QSize(72, 40)
#: the colour of a logo's problem, the one of the messages under the fields
PROBLEM_COLOUR = QColor("#c0392b")


def _message(text: str) -> str:
    return QCoreApplication.translate("validation", text)


class LogoTableModel(ListTableModel[Path]):
    """The logos in printing order (the association first, then its partners).

    Columns: 0 the logo (thumbnail and file name; the full path as tooltip), 1 why it would not print.
    Roles: ``RecordRole`` gives the path; ForegroundRole paints a problem red.
    """

    #: column of the logo itself
    LOGO = 0
    #: column of the problem ("File missing: …"), empty for a logo that prints
    PROBLEM = 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._headers = (self.tr("Logo"), self.tr("Problem"))
        self._problems: dict[Path, str] = {}
        self._thumbnails: dict[Path, QPixmap | None] = {}

    def set_problems(self, problems: dict[Path, str]) -> None:
        self._problems = dict(problems)
        self._thumbnails.clear()  # a file put back (or replaced) shows as it is now
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 1))

    def problem(self, row: int) -> str:
        """The problem shown for the logo of ``row`` ("" when it prints)."""
        path = self.item_at(row)
        return _message(self._problems.get(path, "")) if path is not None else ""

    def move(self, row: int, step: int) -> bool:
        """Move the logo of ``row`` by ``step`` places; False when it cannot go further."""
        target = row + step
        items = self.items()
        if not (0 <= row < len(items) and 0 <= target < len(items)):
            return False
        items[row], items[target] = items[target], items[row]
        self.set_items(items)
        return True

    def display(self, item: Path, column: int) -> Any:
        if column == self.LOGO:
            return item.name
        return _message(self._problems.get(item, ""))

    def _thumbnail(self, path: Path) -> QPixmap | None:
        if path not in self._thumbnails:
            pixmap = QPixmap(str(path)) if path not in self._problems else QPixmap()
            smooth = Qt.TransformationMode.SmoothTransformation
            self._thumbnails[path] = (
                None if pixmap.isNull() else pixmap.scaled(THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio, smooth)
            )
        return self._thumbnails[path]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        path = self._items[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.LOGO:
            return str(path)
        if role == Qt.ItemDataRole.DecorationRole and index.column() == self.LOGO:
            return self._thumbnail(path)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.PROBLEM:
            return PROBLEM_COLOUR
        return super().data(index, role)


class LogoEditor(QWidget):
    """The list of logos with Add…, Remove, Up and Down.

    ``copy_logo`` turns a chosen file into the copy the settings keep (ValidationError when it is not
    an image); ``find_problems`` says which logos would not print.

    Signals:
        logos_edited: a logo was added, removed or moved.
    """

    logos_edited = Signal()

    def __init__(
        self,
        copy_logo: Callable[[Path], Path],
        find_problems: Callable[[tuple[Path, ...]], dict[Path, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._copy_logo = copy_logo
        self._find_problems = find_problems
        self.model = LogoTableModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setIconSize(THUMBNAIL)
        self.view.setWordWrap(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(THUMBNAIL.height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(LogoTableModel.LOGO, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(LogoTableModel.LOGO, 240)
        header.setStretchLastSection(True)
        self.view.setMinimumHeight(4 * (THUMBNAIL.height() + 8) + 24)

        self.add_button = QPushButton(self.tr("Add…"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.up_button = QPushButton(self.tr("Up"), self)
        self.down_button = QPushButton(self.tr("Down"), self)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.error_label = make_error_label(self)

        buttons = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.view, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        self._update_buttons()

    # -- what the page reads and writes -----------------------------------------------------------

    def logos(self) -> tuple[Path, ...]:
        return tuple(self.model.items())

    def set_logos(self, logos: Sequence[Path]) -> None:
        self.model.set_items(list(logos))
        self.show_error("")
        self.refresh_problems()

    @Slot()
    def refresh_problems(self) -> None:
        """Look at the files again (a USB stick may have come back)."""
        self.model.set_problems(self._find_problems(self.logos()))

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def selected_row(self) -> int:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def choose_file(self) -> Path | None:
        """Ask for an image file (tests replace this)."""
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Add a logo"), "", self.tr("Images (*.png *.jpg *.jpeg);;All files (*)")
        )
        return Path(name) if name else None

    # -- buttons ----------------------------------------------------------------------------------

    @Slot()
    def add(self) -> None:
        source = self.choose_file()
        if source is None:
            return
        try:
            copy = self._copy_logo(source)
        except ValidationError as exc:
            self.show_error("\n".join(_message(text) for text in exc.errors.values()))
            return
        except HubdeskError as exc:
            self.show_error(_message(str(exc)))
            return
        self.show_error("")
        if copy in self.model.items():
            self._select(self.model.items().index(copy))
            return
        self.model.set_items([*self.model.items(), copy])
        self.refresh_problems()
        self._select(self.model.rowCount() - 1)
        self.logos_edited.emit()

    @Slot()
    def remove(self) -> None:
        row = self.selected_row()
        path = self.model.item_at(row)
        if path is None:
            return
        self.model.remove_item(path)
        self._select(min(row, self.model.rowCount() - 1))
        self.logos_edited.emit()

    def _move(self, step: int) -> None:
        row = self.selected_row()
        if self.model.move(row, step):
            self._select(row + step)
            self.logos_edited.emit()

    def _select(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.view.selectRow(row)
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        row = self.selected_row()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.model.rowCount() - 1)
