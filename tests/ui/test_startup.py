"""Starting hubdesk: the log-in window comes first, the database opens behind it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from hubdesk.db.location import DATABASE_FILE
from hubdesk.ui.app import Startup, application
from hubdesk.ui.login_dialog import FirstAdministratorDialog
from tests.conftest import ADMIN_PASSWORD


@pytest.fixture
def data_dir(tmp_path: Path, _template: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(_template, folder / DATABASE_FILE)
    return folder


def _close(startup: Startup) -> None:
    # Closing the main window, or the log-in window (which exits the application), outside the
    # application's own event loop would leave Qt quitting: the next tests' event loops would return at once.
    QApplication.instance().setQuitOnLastWindowClosed(False)  # type: ignore[union-attr]
    startup.login.blockSignals(True)
    if startup.window is not None:
        startup.window.close()
    if startup.services is not None:
        startup.services.close()


def test_typing_before_the_database_is_open_logs_in_when_it_is(qtbot: QtBot, data_dir: Path) -> None:
    startup = Startup(application(), data_dir)
    qtbot.addWidget(startup.login)
    startup.login.show()  # shown, but the database is not being opened yet
    qtbot.keyClicks(startup.login.username, "admin")
    qtbot.keyClicks(startup.login.password, ADMIN_PASSWORD)
    qtbot.keyClick(startup.login.password, Qt.Key.Key_Return)
    assert "Opening the database" in startup.login.error.text()
    startup.start()
    try:
        qtbot.waitUntil(lambda: startup.window is not None and startup.window.isVisible(), timeout=15000)
        assert startup.services is not None and startup.services.user is not None
        assert startup.services.user.username == "admin"
    finally:
        _close(startup)


def test_a_first_start_asks_for_the_administrator(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[bool] = []

    def create_admin(dialog: FirstAdministratorDialog) -> int:
        asked.append(True)
        dialog.full_name.setText("Nadia Chraibi")
        dialog.password.setText("a-long-enough-secret")
        dialog.confirm.setText("a-long-enough-secret")
        dialog.create_account()
        return dialog.result()

    monkeypatch.setattr(FirstAdministratorDialog, "exec", create_admin)
    startup = Startup(application(), tmp_path / "new")
    qtbot.addWidget(startup.login)
    startup.start()
    try:
        qtbot.waitUntil(lambda: startup.window is not None, timeout=15000)
        assert asked and startup.services is not None and startup.services.user is not None
        assert startup.services.user.full_name == "Nadia Chraibi"
        assert not startup.login.isVisible()
    finally:
        _close(startup)


def test_a_damaged_database_is_explained_not_a_traceback(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    exits: list[int] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    # the application would exit with code 2: recorded here, as exiting outside its own loop would leave
    # every later event loop of the test run returning at once
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: exits.append(code)))
    (tmp_path / DATABASE_FILE).write_bytes(b"garbage" * 1000)
    startup = Startup(application(), tmp_path)
    qtbot.addWidget(startup.login)
    startup.start()
    try:
        qtbot.waitUntil(lambda: bool(shown), timeout=15000)
        assert "damaged" in shown[0] or "not a hubdesk database" in shown[0]
        assert startup.window is None and exits == [2]
    finally:
        _close(startup)
