"""Log-in and first start, driven through the real dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from hubdesk.db.database import Database
from hubdesk.services.facade import Services
from hubdesk.ui.login_dialog import FirstAdministratorDialog, LoginDialog
from tests.conftest import ADMIN_PASSWORD


def _ok(dialog: QDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    button = box.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    button.click()


def test_a_wrong_password_says_so_and_keeps_the_user_name(qtbot: QtBot, database: Database) -> None:
    services = Services(database)
    dialog = LoginDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "admin")
    qtbot.keyClicks(dialog.password, "wrong-password")
    _ok(dialog)
    assert dialog.error.isVisible() and "Wrong user name or password" in dialog.error.text()
    assert dialog.username.text() == "admin"
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, ADMIN_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    assert services.user is not None and services.user.username == "admin"


def test_the_demo_accounts_are_listed_on_a_demo_database(qtbot: QtBot, database: Database) -> None:
    accounts = [
        ("admin", "Administrateur démo", "administrator"),
        ("amina", "Amina El Idrissi", "counsellor"),
    ]
    dialog = LoginDialog(Services(database), accounts)
    qtbot.addWidget(dialog)
    text = dialog.findChild(type(dialog.error), "demoAccounts").text()  # type: ignore[union-attr]
    assert "hubdesk-demo" in text and "amina" in text and "Amina El Idrissi" in text
    assert dialog.username.text() == "admin"


def test_first_start_creates_the_administrator_and_logs_in(qtbot: QtBot, empty_database: Database) -> None:
    services = Services(empty_database)
    assert services.accounts.needs_first_administrator()
    dialog = FirstAdministratorDialog(services)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.full_name, "Nadia Chraibi")
    qtbot.keyClicks(dialog.password, "short")
    qtbot.keyClicks(dialog.confirm, "short")
    _ok(dialog)
    assert "10 characters" in dialog.error.text()
    assert dialog.full_name.text() == "Nadia Chraibi"  # kept after the refusal
    for field in (dialog.password, dialog.confirm):
        field.clear()
        qtbot.keyClicks(field, "a-long-enough-secret")
    _ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not services.accounts.needs_first_administrator()
    assert services.user is not None and services.user.full_name == "Nadia Chraibi"
