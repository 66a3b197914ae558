"""Starting the GUI: the application object, the database, log-in, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from hubdesk import __version__
from hubdesk.db.database import open_database
from hubdesk.domain.errors import DatabaseUnavailable
from hubdesk.resources import font_files
from hubdesk.services.facade import Services
from hubdesk.ui.login_dialog import FirstAdministratorDialog, LoginDialog
from hubdesk.ui.main_window import MainWindow


def application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setApplicationName("hubdesk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("HUB Tanger")
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.Morocco))
    # Amiri is bundled so that Arabic names render even where the system has no Arabic font.
    for path in font_files():
        QFontDatabase.addApplicationFont(str(path))
    return app


def start(services: Services) -> MainWindow | None:
    """Log in (or create the first administrator) and build the main window; None if cancelled."""
    if services.accounts.needs_first_administrator():
        dialog: QDialog = FirstAdministratorDialog(services)
    else:
        dialog = LoginDialog(services, services.settings.demo_accounts())
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return MainWindow(services)


def run_gui(data_dir: Path) -> int:
    app = application()
    try:
        database = open_database(data_dir)
    except DatabaseUnavailable as exc:
        QMessageBox.critical(None, "hubdesk", str(exc))
        return 2
    services = Services(database)
    try:
        window = start(services)
        if window is None:
            return 0
        window.show()
        return app.exec()
    finally:
        services.close()
