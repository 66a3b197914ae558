"""Log-in, and on the very first start the creation of the administrator account."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.errors import AuthenticationFailed, HubdeskError, ValidationError
from hubdesk.ui import labels

if TYPE_CHECKING:
    from hubdesk.services.facade import Services


class LoginDialog(QDialog):
    """Asks for a user name and password until they are right (or the person cancels).

    It can be shown before the database is open (``services`` None): the person types while
    hubdesk finishes starting, and ``set_services`` makes the log-in possible.
    """

    def __init__(
        self,
        services: Services | None,
        demo_accounts: list[tuple[str, str, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._waiting = False
        self.setWindowTitle(self.tr("hubdesk — log in"))
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        # Enter moves from the name to the password, and logs in from the password
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.try_login)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.demo = QLabel()
        self.demo.setObjectName("demoAccounts")
        self.demo.setStyleSheet("background: #eef6ff; padding: 8px; border-radius: 4px;")
        self.demo.hide()

        title = QLabel(self.tr("hubdesk"))
        title.setStyleSheet("font-size: 20pt; font-weight: 600;")
        subtitle = QLabel(self.tr("HUB Tangier — counselling and orientation"))
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.login_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.login_button.setText(self.tr("Log in"))
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.demo)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.username.setFocus()
        if demo_accounts:
            self.show_demo_accounts(demo_accounts)

    def set_services(self, services: Services, demo_accounts: list[tuple[str, str, str]] | None = None) -> None:
        """The database is open: log-in works from now on (at once if the person already asked)."""
        self._services = services
        if demo_accounts:
            self.show_demo_accounts(demo_accounts)
        if self._waiting:
            self._waiting = False
            self.error.hide()
            self.try_login()

    def show_demo_accounts(self, accounts: list[tuple[str, str, str]]) -> None:
        lines = [self.tr("Demo database — accounts (password: hubdesk-demo):")]
        lines += [f"  • {user} — {name} ({labels.role(role)})" for user, name, role in accounts]
        self.demo.setText("\n".join(lines))
        self.demo.show()
        if not self.username.text():
            self.username.setText(accounts[0][0])
            self.password.setFocus()

    @Slot()
    def try_login(self) -> None:
        if self._services is None:
            self._waiting = True
            self.error.setText(self.tr("Opening the database…"))
            self.error.show()
            return
        try:
            self._services.login(self.username.text(), self.password.text())
        except AuthenticationFailed:
            self.error.setText(self.tr("Wrong user name or password."))
            self.error.show()
            self.password.selectAll()
            self.password.setFocus()
            return
        except HubdeskError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()


class FirstAdministratorDialog(QDialog):
    """First start: the person installing hubdesk creates the administrator account."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setWindowTitle(self.tr("hubdesk — first start"))
        intro = QLabel(
            self.tr(
                "Welcome. This database has no account yet: create the administrator account. "
                "Keep the password safe; it protects the personal data of the people you serve."
            )
        )
        intro.setWordWrap(True)
        self.username = QLineEdit("admin")
        self.full_name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Full name:"), self.full_name)
        form.addRow(self.tr("Password (10 characters or more):"), self.password)
        form.addRow(self.tr("Password again:"), self.confirm)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create the account"))
        buttons.accepted.connect(self.create_account)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.full_name.setFocus()
        self.setMinimumWidth(480)

    @Slot()
    def create_account(self) -> None:
        if self.password.text() != self.confirm.text():
            self.error.setText(self.tr("The two passwords differ."))
            return
        try:
            self._services.accounts.create_first_administrator(
                self.username.text(), self.full_name.text(), self.password.text()
            )
            self._services.login(self.username.text(), self.password.text())
        except ValidationError as exc:
            names = {
                "username": self.tr("User name"),
                "full_name": self.tr("Full name"),
                "password": self.tr("Password"),
            }
            self.error.setText("\n".join(f"{names.get(k, k)}: {v}" for k, v in exc.errors.items()))
            return
        except HubdeskError as exc:
            self.error.setText(str(exc))
            return
        self.accept()
