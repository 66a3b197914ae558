"""Choosing people by typing: matches appear under the box, the arrows move, Enter picks (and only picks)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout
from pytestqt.qtbot import QtBot

from hubdesk.services.facade import Services
from hubdesk.ui.person_picker import PersonPicker
from tests.integration.venture_helpers import people


def test_typing_shows_the_matches_and_enter_picks_the_highlighted_one(qtbot: QtBot, services: Services) -> None:
    _aminata, moussa, _fatou = people(services, 3)
    dialog = QDialog()
    qtbot.addWidget(dialog)
    picker = PersonPicker(services.search, dialog)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
    buttons.accepted.connect(dialog.accept)
    layout = QVBoxLayout(dialog)
    layout.addWidget(picker)
    layout.addWidget(buttons)
    dialog.show()
    assert not picker.matches.isVisible()  # no white box before anything is typed
    picked: list[tuple[str, str]] = []
    picker.person_picked.connect(lambda pid, label: picked.append((pid, label)))
    qtbot.keyClicks(picker.box, "Moussa")
    qtbot.keyClick(picker.box, Qt.Key.Key_Return)
    assert picked == [(moussa.id, f"{moussa.code}  Moussa TRAORÉ")]
    assert not dialog.result() and dialog.isVisible()  # Enter picked; it did not press OK
    assert picker.box.text() == "" and not picker.matches.isVisible()
    qtbot.keyClicks(picker.box, "TNG")  # every code
    picker.refresh()
    assert picker.matches.isVisible() and picker.matches.count() >= 2
    qtbot.keyClick(picker.box, Qt.Key.Key_Down)
    second = picker.matches.currentItem().text()
    qtbot.keyClick(picker.box, Qt.Key.Key_Return)
    assert picked[-1][1] == second and picker.matches.count() == 0  # the one the arrow went to
