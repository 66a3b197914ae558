"""The table model under the row list editor: rows as dicts, columns described by ``Column``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

Index = QModelIndex | QPersistentModelIndex

_ERROR_BACKGROUND = QColor("#fde7e9")


class ColumnKind(Enum):
    TEXT = "text"
    CHOICE = "choice"
    INT = "int"
    BOOL = "bool"


@dataclass(frozen=True)
class Column:
    """How one key of the row dicts is shown and edited.

    ``choices`` are (value, label) pairs of a CHOICE column; an INT column holds ``None`` (shown empty,
    "unknown") or an integer in [minimum, maximum]. ``default`` is the value of a freshly added row.
    """

    key: str
    title: str
    kind: ColumnKind = ColumnKind.TEXT
    choices: tuple[tuple[Any, str], ...] = ()
    minimum: int = 0
    maximum: int = 99
    default: Any = None
    optional: bool = True  # a CHOICE or INT column that may stay empty
    stretch: bool = False  # takes the width left over

    def label_of(self, value: Any) -> str:
        for choice, label in self.choices:
            if choice == value:
                return label
        return "" if value is None else str(value)

    def fresh_value(self) -> Any:
        if self.default is not None:
            return self.default
        return {ColumnKind.TEXT: "", ColumnKind.BOOL: False}.get(self.kind)


def text_column(key: str, title: str, *, stretch: bool = True) -> Column:
    return Column(key, title, ColumnKind.TEXT, stretch=stretch)


def choice_column(
    key: str, title: str, choices: Sequence[tuple[Any, str]], *, default: Any = None, stretch: bool = False
) -> Column:
    return Column(
        key,
        title,
        ColumnKind.CHOICE,
        tuple(choices),
        default=default,
        optional=default is None,
        stretch=stretch,
    )


def int_column(key: str, title: str, minimum: int, maximum: int, *, default: int | None = None) -> Column:
    return Column(key, title, ColumnKind.INT, minimum=minimum, maximum=maximum, default=default)


def bool_column(key: str, title: str) -> Column:
    return Column(key, title, ColumnKind.BOOL, default=False)


class RowListModel(QAbstractTableModel):
    """Rows as dicts keyed by the ``Column.key`` of each column; one table column per ``Column``.

    Columns are the ones given to the constructor, in that order.
    """

    #: The stored value of a cell (an enum member, an int, a bool, ``None``), for any column kind.
    ValueRole = Qt.ItemDataRole.UserRole + 1
    #: The problem found in a cell (str), or ``None``; also shown as its tooltip and background.
    ErrorRole = Qt.ItemDataRole.UserRole + 2

    rows_edited = Signal()

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._rows: list[dict[str, Any]] = []
        self._errors: dict[tuple[int, int], str] = {}
        self.modelReset.connect(self.rows_edited)
        self.rowsInserted.connect(self.rows_edited)
        self.rowsRemoved.connect(self.rows_edited)

    # -- the rows as plain data -------------------------------------------------------------------

    def rows(self) -> list[dict[str, Any]]:
        """Copies of the rows, in the order shown."""
        return [dict(row) for row in self._rows]

    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = [self._complete(row) for row in rows]
        self._errors = {}
        self.endResetModel()

    def add_row(self, values: dict[str, Any] | None = None) -> int:
        """Append a row (column defaults, overridden by ``values``); return its number."""
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(self._complete(values or {}))
        self.endInsertRows()
        return row

    def remove_row(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        # errors are keyed by row number: they no longer point at the right rows
        self._errors = {}
        self.endRemoveRows()

    def set_errors(self, errors: dict[tuple[int, str | None], str]) -> None:
        """Mark cells (row, column key) as wrong; a key of ``None`` marks the row's first column."""
        keys = [column.key for column in self.columns]
        marked: dict[tuple[int, int], str] = {}
        for (row, key), message in errors.items():
            column = keys.index(key) if key in keys else 0
            marked.setdefault((row, column), message)
        if marked == self._errors:
            return
        self._errors = marked
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self.columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.BackgroundRole, self.ErrorRole])

    def _complete(self, values: dict[str, Any]) -> dict[str, Any]:
        return {column.key: values.get(column.key, column.fresh_value()) for column in self.columns}

    # -- QAbstractTableModel ------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].kind is ColumnKind.BOOL:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        value = self._rows[index.row()][column.key]
        if role == self.ValueRole:
            return value
        if role in (self.ErrorRole, Qt.ItemDataRole.ToolTipRole):
            return self._errors.get((index.row(), index.column()))
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(_ERROR_BACKGROUND) if (index.row(), index.column()) in self._errors else None
        if column.kind is ColumnKind.BOOL:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if column.kind is ColumnKind.CHOICE:
                return column.label_of(value)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.EditRole:
            return value
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        column = self.columns[index.column()]
        if column.kind is ColumnKind.BOOL:
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            new: Any = _is_checked(value)
        elif role in (Qt.ItemDataRole.EditRole, self.ValueRole):
            new = self._coerce(column, value)
        else:
            return False
        row = self._rows[index.row()]
        if row[column.key] == new:
            return True
        row[column.key] = new
        self.dataChanged.emit(index, index)
        self.rows_edited.emit()
        return True

    @staticmethod
    def _coerce(column: Column, value: Any) -> Any:
        if column.kind is ColumnKind.TEXT:
            return "" if value is None else str(value)
        if column.kind is ColumnKind.INT:
            if value is None or value == "":
                return None
            return max(column.minimum, min(column.maximum, int(value)))
        return value


def _is_checked(value: Any) -> bool:
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    return value in (2, True) or value == Qt.CheckState.Checked.value
