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
from hubdesk.services.access import FOLLOW_UP_READERS
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import AgendaCounts
from hubdesk.ui import labels
from hubdesk.ui.agenda_page import AgendaPage
from hubdesk.ui.beneficiary_list_page import BeneficiaryListPage
from hubdesk.ui.beneficiary_record_page import BeneficiaryRecordPage
from hubdesk.ui.documents_page import DocumentsPage
from hubdesk.ui.duplicates_page import DuplicatesPage
from hubdesk.ui.home_page import HomePage
from hubdesk.ui.intake_dialog import IntakeDialog
from hubdesk.ui.organisation_page import OrganisationPage
from hubdesk.ui.partners_page import PartnersPage
from hubdesk.ui.pipeline_page import PipelinePage
from hubdesk.ui.referrals_page import ReferralsPage
from hubdesk.ui.sessions_page import SessionsPage
from hubdesk.ui.trainings_page import TrainingsPage
from hubdesk.ui.venture_page import VenturePage


class MainWindow(QMainWindow):
    """Pages: Home, Beneficiaries (list and record), Agenda (with the number due), Sessions, Referrals,
    Partners, Business projects (the pipeline, and a project's page) and Trainings (the roles that read
    people's follow-up: not the data officer), Documents, Possible duplicates (coordinators), Organisation
    (administrators).

    The agenda's numbers (the sidebar's "Agenda (n)" and Home's agenda box, the same numbers, Mine or
    Everyone's as on the Agenda page) are read when Home is shown and when something changed them; the
    Agenda page brings its own each time it loads.
    """

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
        user = services.user
        self.agenda: AgendaPage | None = None
        self.sessions: SessionsPage | None = None
        self.referrals: ReferralsPage | None = None
        self.partners: PartnersPage | None = None
        self.pipeline: PipelinePage | None = None
        self.venture: VenturePage | None = None
        self.trainings: TrainingsPage | None = None
        self._agenda_item: QListWidgetItem | None = None
        if user is not None and user.role in FOLLOW_UP_READERS:
            self._add_follow_up_pages(services)
            self._add_enterprise_pages(services)
        self.documents = DocumentsPage(services)  # reloads its register each time it is shown
        self._add_page(self.tr("Documents"), self.documents)
        self.documents.beneficiary_opened.connect(self.open_beneficiary)
        self.duplicates: DuplicatesPage | None = None
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
        # a click on the current entry goes back to its page from a record or a project reached from it
        self.nav.itemClicked.connect(lambda item: self._navigate(self.nav.row(item)))

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.home.beneficiary_opened.connect(self.open_beneficiary)
        self.home.new_intake_requested.connect(self.new_intake)
        self.home.search_requested.connect(self.focus_search)
        self.home.agenda_requested.connect(self.show_agenda)
        self.beneficiaries.beneficiary_opened.connect(self.open_beneficiary)
        self.beneficiaries.new_intake_requested.connect(self.new_intake)
        self.record.back_requested.connect(self.show_list)
        self.record.edit_requested.connect(self.edit_beneficiary)
        # a session or referral recorded from a record changes what is due
        self.record.follow_up_changed.connect(self.update_agenda_count)
        self.agenda_counts: AgendaCounts | None = None

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

    def _add_page(self, title: str, page: QWidget) -> QListWidgetItem:
        self._pages.append(page)
        self.stack.addWidget(page)
        return QListWidgetItem(title, self.nav)

    def _add_follow_up_pages(self, services: Services) -> None:
        """Agenda, Sessions, Referrals, Partners: each loads what it lists when it is shown."""
        self.agenda = AgendaPage(services, today=services.today)
        self._agenda_item = self._add_page(self.tr("Agenda"), self.agenda)
        self.agenda.beneficiary_opened.connect(self.open_beneficiary)
        # the page reads its numbers with the agenda (after each change made from it too): no second read
        self.agenda.counts_loaded.connect(self.show_agenda_counts)
        self.sessions = SessionsPage(services)
        self._add_page(self.tr("Sessions"), self.sessions)
        self.sessions.beneficiary_opened.connect(self.open_beneficiary)
        self.referrals = ReferralsPage(services)
        self._add_page(self.tr("Referrals"), self.referrals)
        self.referrals.beneficiary_opened.connect(self.open_beneficiary)
        self.referrals.referrals_changed.connect(self.update_agenda_count)
        self.partners = PartnersPage(services)
        self._add_page(self.tr("Partners"), self.partners)

    def _add_enterprise_pages(self, services: Services) -> None:
        """Business projects (the pipeline; a project opens on its own page, reached from it) and Trainings."""
        self.pipeline = PipelinePage(services)
        self._add_page(self.tr("Business projects"), self.pipeline)
        self.venture = VenturePage(services)
        self.stack.addWidget(self.venture)
        self.pipeline.venture_opened.connect(self.open_venture)
        self.venture.back_requested.connect(self.show_pipeline)
        self.venture.beneficiary_opened.connect(self.open_beneficiary)
        self.trainings = TrainingsPage(services)
        self._add_page(self.tr("Trainings"), self.trainings)
        self.trainings.beneficiary_opened.connect(self.open_beneficiary)
        self.record.venture_opened.connect(self.open_venture)
        self.record.training_opened.connect(self.open_training)

    @Slot(str)
    def open_venture(self, venture_id: str) -> None:
        """A project on its page; the sidebar stays on Business projects."""
        if self.venture is None or self.pipeline is None:
            return
        self.venture.show_venture(venture_id)
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(self._pages.index(self.pipeline))
        self.nav.blockSignals(False)
        self.stack.setCurrentWidget(self.venture)

    @Slot()
    def show_pipeline(self) -> None:
        if self.pipeline is not None:  # shown again, the page reloads (PipelinePage.showEvent)
            self.stack.setCurrentWidget(self.pipeline)

    @Slot(str)
    def open_training(self, training_id: str) -> None:
        if self.trainings is None:
            return
        self.nav.setCurrentRow(self._pages.index(self.trainings))
        self.trainings.show_training(training_id)

    @Slot()
    def update_agenda_count(self) -> None:
        """Read the agenda's numbers (one query) for the sidebar and Home, Mine or Everyone's as on the Agenda."""
        if self.agenda is None:
            return
        mine = self.agenda.mine
        try:
            counts = self._services.follow_up.agenda_counts(mine=mine)
        except HubdeskError:
            self.show_agenda_counts(None, mine)
            return
        self.show_agenda_counts(counts, mine)

    @Slot(object, bool)
    def show_agenda_counts(self, counts: AgendaCounts | None, mine: bool) -> None:
        """The sidebar's "Agenda (n)" (overdue, today, awaiting feedback) and Home's agenda box, from one read."""
        self.agenda_counts = counts
        self.home.show_agenda_counts(counts, mine)
        if self._agenda_item is None:
            return
        if counts is None:
            self._agenda_item.setText(self.tr("Agenda"))
            self._agenda_item.setToolTip("")
            return
        due = counts.due
        self._agenda_item.setText(self.tr("Agenda (%1)").replace("%1", str(due)))
        self._agenda_item.setToolTip(
            self.tr("Mine: %n follow-ups or referrals due: overdue, today, or awaiting the partner's feedback", "", due)
            if mine
            else self.tr(
                "Everyone's: %n follow-ups or referrals due: overdue, today, or awaiting the partner's feedback",
                "",
                due,
            )
        )

    @Slot(int)
    def _navigate(self, row: int) -> None:
        if 0 <= row < len(self._pages):
            page = self._pages[row]
            if page is self.home:
                self.home.refresh()
                self.update_agenda_count()  # the Agenda page, once shown, brings its own numbers
            self.stack.setCurrentWidget(page)

    @Slot()
    def show_agenda(self) -> None:
        if self.agenda is not None:
            self.nav.setCurrentRow(self._pages.index(self.agenda))

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
        self.update_agenda_count()

    def closeEvent(self, event: QCloseEvent) -> None:
        # An open intake asks before its typed data is thrown away.
        if self.intake is not None and self.intake.isVisible() and not self.intake.close():
            event.ignore()
            return
        if self.organisation is not None and not self.organisation.confirm_leave():
            event.ignore()
            return
        if self.trainings is not None and not self.trainings.confirm_leave():  # attendance ticked, not saved
            event.ignore()
            return
        event.accept()
