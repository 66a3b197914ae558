"""The editable row list: adding, editing through the delegate, removing, and showing row problems."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from enum import StrEnum

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from hubdesk.ui.row_list_editor import (
    RowListEditor,
    RowListModel,
    bool_column,
    choice_column,
    int_column,
    text_column,
)


class Colour(StrEnum):
    RED = "red"
    GREEN = "green"
    BLUE = "blue"


@pytest.fixture
def editor(qtbot: QtBot) -> RowListEditor:
    widget = RowListEditor(
        [
            text_column("name", "Name"),
            choice_column("colour", "Colour", [(c, c.value.title()) for c in Colour], default=Colour.RED),
            int_column("years", "Years", 0, 70),
            bool_column("certified", "Certified"),
        ],
        "skills",
        "Add a skill",
    )
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def enter(qtbot: QtBot, editor: RowListEditor, cell: QWidget) -> None:
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    # the view commits the cell once back in the event loop
    qtbot.waitUntil(lambda: editor.view.state() != QAbstractItemView.State.EditingState)


def open_editor(editor: RowListEditor, row: int, key: str) -> QWidget:
    keys = [column.key for column in editor.model.columns]
    index = editor.model.index(row, keys.index(key))
    editor.view.setCurrentIndex(index)
    editor.view.edit(index)
    widget = editor.view.indexWidget(index)
    assert widget is not None, f"no editor opened on {key}"
    return widget


def test_add_edit_and_remove_a_row(qtbot: QtBot, editor: RowListEditor) -> None:
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert editor.model.rowCount() == 1
    # Add starts editing the first cell, so the person can type straight away
    name_editor = editor.view.indexWidget(editor.model.index(0, 0))
    assert isinstance(name_editor, QLineEdit)
    qtbot.keyClicks(name_editor, "Plumbing")
    enter(qtbot, editor, name_editor)

    combo = open_editor(editor, 0, "colour")
    assert isinstance(combo, QComboBox)
    qtbot.keyClicks(combo, "Blue")
    enter(qtbot, editor, combo)

    spin = open_editor(editor, 0, "years")
    assert isinstance(spin, QSpinBox)
    qtbot.keyClicks(spin, "12")
    enter(qtbot, editor, spin)

    editor.view.setCurrentIndex(editor.model.index(0, 3))
    qtbot.keyClick(editor.view, Qt.Key.Key_Space)

    assert editor.rows() == [{"name": "Plumbing", "colour": Colour.BLUE, "years": 12, "certified": True}]
    assert editor.model.index(0, 1).data() == "Blue"
    assert editor.model.index(0, 2).data() == "12"
    assert editor.model.index(0, 3).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked

    editor.view.selectRow(0)
    assert editor.remove_button.isEnabled()
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    assert editor.model.rowCount() == 0
    assert editor.rows() == []


def test_insert_adds_a_row_and_years_may_stay_unknown(qtbot: QtBot, editor: RowListEditor) -> None:
    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_Insert)
    qtbot.keyClick(editor.view.focusWidget(), Qt.Key.Key_Escape)
    assert editor.rows() == [{"name": "", "colour": Colour.RED, "years": None, "certified": False}]
    assert editor.model.index(0, 2).data() == ""


def test_remove_button_takes_the_selected_row(qtbot: QtBot, editor: RowListEditor) -> None:
    editor.set_rows([{"name": "A"}, {"name": "B"}, {"name": "C"}])
    assert not editor.remove_button.isEnabled()
    editor.view.selectRow(1)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert [row["name"] for row in editor.rows()] == ["A", "C"]


def test_problems_are_listed_under_the_list_by_row(editor: RowListEditor) -> None:
    editor.set_rows([{"name": "A"}, {"name": "B", "years": 60}])
    count = editor.show_errors({"skills.1.years": "More years than the person's age", "email": "ignored"})
    assert count == 1
    assert editor.error_label.text() == "Row 2, Years: More years than the person's age"
    assert not editor.error_label.isHidden()
    years = editor.model.index(1, 2)
    assert years.data(RowListModel.ErrorRole) == "More years than the person's age"
    assert years.data(Qt.ItemDataRole.ToolTipRole) == "More years than the person's age"

    editor.show_errors({"skills.0": "Listed twice"})
    assert editor.error_label.text() == "Row 1: Listed twice"
    assert editor.model.index(1, 2).data(RowListModel.ErrorRole) is None

    editor.show_errors({})
    assert editor.error_label.isHidden()


def test_rows_edited_is_emitted_for_every_change(qtbot: QtBot, editor: RowListEditor) -> None:
    with qtbot.waitSignal(editor.rows_edited):
        editor.model.add_row({"name": "Welding"})
    with qtbot.waitSignal(editor.rows_edited):
        editor.model.setData(editor.model.index(0, 2), 3)
    assert editor.rows()[0]["years"] == 3
    with qtbot.waitSignal(editor.rows_edited):
        editor.model.remove_row(0)


@pytest.mark.parametrize(("key", "typed", "expected"), [("name", "Plumbing", "Plumbing"), ("years", "12", 12)])
def test_commit_pending_edit_stores_the_open_cell(
    qtbot: QtBot, editor: RowListEditor, key: str, typed: str, expected: object
) -> None:
    editor.set_rows([{"name": ""}])
    cell = open_editor(editor, 0, key)
    qtbot.keyClicks(cell, typed)
    assert editor.view.state() == QAbstractItemView.State.EditingState
    with qtbot.waitSignal(editor.rows_edited):
        editor.commit_pending_edit()
    assert editor.rows()[0][key] == expected
    assert editor.view.state() != QAbstractItemView.State.EditingState
    assert editor.view.indexWidget(editor.model.index(0, 0)) is None
    editor.commit_pending_edit()  # nothing open: nothing happens
    assert editor.rows()[0][key] == expected


def test_commit_pending_edit_takes_the_text_typed_in_a_searchable_combo(qtbot: QtBot, editor: RowListEditor) -> None:
    editor.set_rows([{"name": "A"}])
    combo = open_editor(editor, 0, "colour")
    assert isinstance(combo, QComboBox)
    qtbot.keyClicks(combo, "Green")
    editor.commit_pending_edit()
    assert editor.rows()[0]["colour"] is Colour.GREEN
