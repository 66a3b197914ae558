"""Starting the GUI: the application object, the log-in window at once, the rest behind it.

The log-in window appears as soon as Qt is up. Opening the database (and importing what that
needs) happens on a worker thread while the person types; by the time they press Enter the
services are ready, and the main window follows the log-in.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QObject, Slot
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from hubdesk import __version__
from hubdesk.resources import font_files
from hubdesk.ui.binding_guard import keep_none_alive
from hubdesk.ui.gc_guard import GuiThreadCollector
from hubdesk.ui.login_dialog import FirstAdministratorDialog, LoginDialog
from hubdesk.ui.workers import Worker

if TYPE_CHECKING:
    from hubdesk.services.facade import Services
    from hubdesk.ui.main_window import MainWindow


def application() -> QApplication:
    keep_none_alive()  # before the first call into Qt: PySide6 6.12 under-counts None
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
    GuiThreadCollector(app).start()  # worker threads must never free Qt objects
    return app


def open_services(data_dir: Path) -> tuple[Services, bool, list[tuple[str, str, str]]]:
    """Runs on the worker thread: the services, whether the first administrator is missing, demo accounts."""
    from hubdesk.services.facade import Services
    from hubdesk.ui import main_window  # noqa: F401  (imported now so that the log-in is not kept waiting)

    services = Services.open(data_dir)
    return services, services.accounts.needs_first_administrator(), services.settings.demo_accounts()


class Startup(QObject):
    """Log-in window first, database behind it, then the main window."""

    def __init__(self, app: QApplication, data_dir: Path) -> None:
        super().__init__()
        self._app = app
        self._data_dir = data_dir
        self.services: Services | None = None
        self.window: MainWindow | None = None
        self.login = LoginDialog(None)
        self.login.accepted.connect(self._logged_in)
        self.login.rejected.connect(self._cancelled)
        self._worker = Worker(lambda _control: open_services(data_dir), self)
        self._worker.done.connect(self._opened)
        self._worker.error.connect(self._failed)

    def start(self) -> None:
        # No window may count as "the last one closed" between the log-in and the main window.
        self._app.setQuitOnLastWindowClosed(False)
        self.login.show()
        self._worker.start()

    @Slot(object)
    def _opened(self, result: Any) -> None:
        services, first_start, demo_accounts = result
        self.services = services
        if first_start:
            self.login.hide()
            dialog = FirstAdministratorDialog(services)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self._logged_in()
            else:
                self._app.exit(0)
            return
        self.login.set_services(services, demo_accounts)

    @Slot(object)
    def _failed(self, error: Any) -> None:
        QMessageBox.critical(self.login, "hubdesk", str(error))
        self._app.exit(2)

    @Slot()
    def _cancelled(self) -> None:
        self._app.exit(0)

    @Slot()
    def _logged_in(self) -> None:
        from hubdesk.ui.main_window import MainWindow

        assert self.services is not None
        self.window = MainWindow(self.services)
        self.window.show()
        self._app.setQuitOnLastWindowClosed(True)


def run_gui(data_dir: Path) -> int:
    app = application()
    startup = Startup(app, data_dir)
    startup.start()
    try:
        return app.exec()
    finally:
        if startup.services is not None:
            startup.services.close()
