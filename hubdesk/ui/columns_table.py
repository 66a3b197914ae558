"""The lines of one tab of a business project's page (members, stages, financing…), and the table showing them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QItemSelectionModel, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from hubdesk.ui.list_table_model import ListTableModel, RecordRole

T = TypeVar("T")
#: a column: its header, the text of an item, whether it is a number (aligned right)
Column = tuple[str, Callable[[Any], str], bool]
ROW_SELECTION = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
_RIGHT = Qt.AlignmentFlag.AlignRight


class SectionModel(ListTableModel[T]):
    """The lines of one section of the page; the columns are given as (header, text of an item, numeric)."""

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__([header for header, _text, _numeric in columns], parent)
        self._columns = tuple(columns)

    def display(self, item: T, column: int) -> str:
        return self._columns[column][1](item)

    def alignment(self, column: int) -> Qt.AlignmentFlag | None:
        return _RIGHT if self._columns[column][2] else None


def section_table(
    columns: Sequence[Column], stretch: int, parent: QObject | None = None
) -> tuple[SectionModel[Any], QTableView]:
    """A read-only table of whole lines, one selected at a time, showing a new model of ``columns``; the column
    ``stretch`` takes the room left."""
    model: SectionModel[Any] = SectionModel(columns, parent)
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return model, view


def selected_item(view: QTableView) -> Any:
    """The item of the selected line of ``view``, or None."""
    index = view.currentIndex()
    if not index.isValid() or not view.selectionModel().isSelected(index):
        return None
    return index.data(RecordRole)


def select_row(view: QTableView, row: int) -> None:
    view.selectionModel().setCurrentIndex(view.model().index(row, 0), ROW_SELECTION)
