"""The main window: sidebar navigation, the pages, the status bar, the global shortcuts."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from hubdesk import __version__
from hubdesk.domain.enums import Role
from hubdesk.domain.errors import HubdeskError
from hubdesk.services.facade import Services
from hubdesk.ui import labels
from hubdesk.ui.beneficiary_list_page import BeneficiaryListPage
from hubdesk.ui.beneficiary_record_page import BeneficiaryRecordPage
from hubdesk.ui.documents_page import DocumentsPage
from hubdesk.ui.duplicates_page import DuplicatesPage
from hubdesk.ui.home_page import HomePage
from hubdesk.ui.intake_dialog import IntakeDialog
from hubdesk.ui.organisation_page import OrganisationPage


class MainWindow(QMainWindow):
    """Pages: Home, Beneficiaries (list and record), Documents, Possible duplicates (coordinators),
    Organisation (administrators)."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.intake: IntakeDialog | None = None
        self.setWindowTitle(self.tr("hubdesk — HUB Tangier"))
        self.resize(1280, 800)

        self.home = HomePage(services)
        self.beneficiaries = BeneficiaryListPage(services)
        self.record = BeneficiaryRecordPage(services)
        self.stack = QStackedWidget()
        self.nav = QListWidget()
        self.nav.setFixedWidth(200)
        self.nav.setObjectName("navigation")
        self.nav.setStyleSheet(
            "QListWidget#navigation { font-size: 11pt; border: none; background: palette(base); }"
            "QListWidget#navigation::item { padding: 10px 12px; }"
        )
        self._pages: list[QWidget] = []
        self._add_page(self.tr("Home"), self.home)
        self._add_page(self.tr("Beneficiaries"), self.beneficiaries)
        self.stack.addWidget(self.record)  # reached from a list, not from the sidebar
        self.documents = DocumentsPage(services)  # reloads its register each time it is shown
        self._add_page(self.tr("Documents"), self.documents)
        self.documents.beneficiary_opened.connect(self.open_beneficiary)
        self.duplicates: DuplicatesPage | None = None
        user = services.user
        if user is not None and user.role in {Role.ADMINISTRATOR, Role.COORDINATOR}:
            self.duplicates = DuplicatesPage(services)
            self._add_page(self.tr("Possible duplicates"), self.duplicates)
            self.duplicates.beneficiary_opened.connect(self.open_beneficiary)
            self.duplicates.records_changed.connect(self._records_changed)
        self.organisation: OrganisationPage | None = None
        if user is not None and user.role is Role.ADMINISTRATOR:
            self.organisation = OrganisationPage(services)
            self._add_page(self.tr("Organisation"), self.organisation)
        self.nav.currentRowChanged.connect(self._navigate)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.home.beneficiary_opened.connect(self.open_beneficiary)
        self.home.new_intake_requested.connect(self.new_intake)
        self.home.search_requested.connect(self.focus_search)
        self.beneficiaries.beneficiary_opened.connect(self.open_beneficiary)
        self.beneficiaries.new_intake_requested.connect(self.new_intake)
        self.record.back_requested.connect(self.show_list)
        self.record.edit_requested.connect(self.edit_beneficiary)

        new_action = QAction(self.tr("New intake"), self)
        new_action.setShortcut(QKeySequence("Ctrl+N"))
        new_action.triggered.connect(self.new_intake)
        new_action.setEnabled(services.can_change_people)
        search_action = QAction(self.tr("Find a person"), self)
        search_action.setShortcut(QKeySequence("Ctrl+F"))
        search_action.triggered.connect(self.focus_search)
        self.addAction(new_action)
        self.addAction(search_action)

        who = user.full_name + f" ({labels.role(user.role)})" if user else ""
        self.statusBar().addWidget(QLabel(self.tr("Logged in: %1").replace("%1", who)))
        self.statusBar().addPermanentWidget(
            QLabel(self.tr("Database: %1").replace("%1", services.database.label) + f"  ·  hubdesk {__version__}")
        )
        self.nav.setCurrentRow(0)

    def _add_page(self, title: str, page: QWidget) -> None:
        self._pages.append(page)
        self.stack.addWidget(page)
        QListWidgetItem(title, self.nav)

    @Slot(int)
    def _navigate(self, row: int) -> None:
        if 0 <= row < len(self._pages):
            page = self._pages[row]
            if page is self.home:
                self.home.refresh()
            self.stack.setCurrentWidget(page)

    @Slot()
    def show_list(self) -> None:
        self.nav.setCurrentRow(1)
        self.stack.setCurrentWidget(self.beneficiaries)

    @Slot()
    def focus_search(self) -> None:
        self.show_list()
        self.beneficiaries.focus_search()

    @Slot(str)
    def open_beneficiary(self, beneficiary_id: str) -> None:
        try:
            self.record.show_beneficiary(beneficiary_id)
        except HubdeskError as exc:
            QMessageBox.warning(self, self.tr("Cannot open the record"), str(exc))
            return
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(1)
        self.nav.blockSignals(False)
        self.stack.setCurrentWidget(self.record)

    @Slot()
    def new_intake(self) -> None:
        self._open_intake(None)

    @Slot(str)
    def edit_beneficiary(self, beneficiary_id: str) -> None:
        self._open_intake(beneficiary_id)

    def _open_intake(self, beneficiary_id: str | None) -> None:
        if not self._services.can_change_people:
            return
        if self.intake is not None and self.intake.isVisible():
            self.intake.raise_()
            self.intake.activateWindow()
            return
        self.intake = IntakeDialog(self._services, beneficiary_id, self)
        self.intake.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.intake.beneficiary_saved.connect(self._saved)
        self.intake.existing_opened.connect(self.open_beneficiary)
        self.intake.destroyed.connect(self._intake_closed)
        self.intake.open()

    @Slot()
    def _intake_closed(self) -> None:
        self.intake = None

    @Slot(str)
    def _saved(self, beneficiary_id: str) -> None:
        self._records_changed()
        self.open_beneficiary(beneficiary_id)
        if self.record.record is not None:
            self.statusBar().showMessage(self.tr("Saved: %1").replace("%1", self.record.record.code), 8000)

    @Slot()
    def _records_changed(self) -> None:
        self.beneficiaries.refresh()
        self.home.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        # An open intake asks before its typed data is thrown away.
        if self.intake is not None and self.intake.isVisible() and not self.intake.close():
            event.ignore()
            return
        if self.organisation is not None and not self.organisation.confirm_leave():
            event.ignore()
            return
        event.accept()
