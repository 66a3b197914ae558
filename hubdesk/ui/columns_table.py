"""A small read-only table whose columns are given as (header, text of an item, numeric): the tabs of a business
project's page and the boxes of a person's Entrepreneurship tab."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QItemSelectionModel, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from hubdesk.ui.list_table_model import ListTableModel, RecordRole

T = TypeVar("T")
#: a column: its header, the text of an item, whether it is a number (aligned on the trailing edge)
Column = tuple[str, Callable[[Any], str], bool]
ROW_SELECTION = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows


class ColumnsModel(ListTableModel[T]):
    """A read-only list whose columns are given as (header, text of an item, numeric).

    The texts are module functions or lambdas that do not capture the widget owning the model: a model holding
    a bound method of its parent makes a cycle whose collection broke the model's Python side.

    Roles: as ListTableModel (``RecordRole`` gives the item).
    """

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__([header for header, _text, _numeric in columns], parent)
        self._columns = tuple(columns)

    def display(self, item: T, column: int) -> str:
        return self._columns[column][1](item)

    def alignment(self, column: int) -> Qt.AlignmentFlag | None:
        """Figures line up on the trailing edge: the right, the left in a right-to-left layout."""
        return Qt.AlignmentFlag.AlignTrailing if self._columns[column][2] else None


def columns_table(
    columns: Sequence[Column], stretch: int, parent: QObject | None = None
) -> tuple[ColumnsModel[Any], QTableView]:
    """A read-only table of whole lines, one selected at a time, showing a new model of ``columns``; the column
    ``stretch`` takes the room left."""
    model: ColumnsModel[Any] = ColumnsModel(columns, parent)
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
