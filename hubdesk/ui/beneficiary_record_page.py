"""One person's record: their follow-up (first), the profile as registered, and its history."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.enums import ConsentPurpose
from hubdesk.domain.errors import HubdeskError
from hubdesk.domain.phones import format_phone
from hubdesk.services.access import FOLLOW_UP_READERS
from hubdesk.services.document_readmodels import PrintedDocument
from hubdesk.services.documents import DOCUMENT_LANGUAGES, PRINTERS
from hubdesk.services.facade import Services
from hubdesk.services.readmodels import BeneficiaryRecord
from hubdesk.ui import labels
from hubdesk.ui.attestation_dialog import AttestationChoice, AttestationDialog
from hubdesk.ui.enterprise_panel import EnterprisePanel
from hubdesk.ui.follow_up_panel import FollowUpPanel
from hubdesk.ui.history_table_model import HistoryTableModel
from hubdesk.ui.pdf_preview_dialog import PdfPreviewDialog, open_preview

_log = logging.getLogger(__name__)


class BeneficiaryRecordPage(QWidget):
    """Shows one person. Signals: ``edit_requested(str)`` with the id, ``back_requested()``,
    ``follow_up_changed()`` after a session, referral, job or case change made from the record,
    ``venture_opened(str)`` / ``training_opened(str)`` with the id of a project / training double-clicked on the
    Entrepreneurship tab."""

    edit_requested = Signal(str)
    back_requested = Signal()
    follow_up_changed = Signal()
    venture_opened = Signal(str)
    training_opened = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.record: BeneficiaryRecord | None = None
        self.preview: PdfPreviewDialog | None = None
        self._attestation_choice: AttestationChoice | None = None  # the last one, offered again

        self.title = QLabel()
        self.title.setObjectName("recordTitle")
        self.title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("color: palette(mid);")
        back = QPushButton(self.tr("← Back to the list"))
        back.clicked.connect(self.back_requested)
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.clicked.connect(self._edit)
        self.edit_button.setVisible(services.can_change_people)
        role = services.user.role if services.user is not None else None
        self.print_button = QPushButton(self.tr("Print"))
        print_menu = QMenu(self.print_button)
        self.attestation_action = print_menu.addAction(self.tr("Support attestation…"))
        self.attestation_action.triggered.connect(self.print_attestation)
        summary_menu = print_menu.addMenu(self.tr("Summary sheet"))
        summary_menu.setEnabled(role in PRINTERS)
        self.summary_actions = {
            lang: summary_menu.addAction(labels.printed_language(lang)) for lang in DOCUMENT_LANGUAGES
        }
        for lang, action in self.summary_actions.items():
            action.triggered.connect(lambda _checked=False, lang=lang: self.print_summary(lang))
        self.print_button.setMenu(print_menu)
        self.print_button.setVisible(role in PRINTERS)

        self._profile = QWidget()
        self._profile_layout = QVBoxLayout(self._profile)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._profile)

        self.history = HistoryTableModel(self)
        history_view = QTableView()
        history_view.setModel(self.history)
        history_view.verticalHeader().hide()
        history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        history_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        history_view.horizontalHeader().setStretchLastSection(True)
        history_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)

        # the follow-up is what a counsellor opens a record for; the data officer does not read it
        self.follow_up: FollowUpPanel | None = None
        self.enterprise: EnterprisePanel | None = None
        self.tabs = QTabWidget()
        if role in FOLLOW_UP_READERS:
            self.follow_up = FollowUpPanel(services)
            self.follow_up.follow_up_changed.connect(self._follow_up_changed)
            self.tabs.addTab(self.follow_up, self.tr("Follow-up"))
            self.enterprise = EnterprisePanel(services)
            self.enterprise.changed.connect(self._enterprise_changed)
            self.enterprise.venture_opened.connect(self.venture_opened)
            self.enterprise.training_opened.connect(self.training_opened)
            self.tabs.addTab(self.enterprise, self.tr("Entrepreneurship"))
        self.profile_tab = self.tabs.addTab(scroll, self.tr("Profile"))
        self.history_tab = self.tabs.addTab(history_view, self.tr("History"))

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header.addLayout(titles, 1)
        header.addWidget(self.print_button)
        header.addWidget(self.edit_button)
        header.addWidget(back)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

    def show_beneficiary(self, beneficiary_id: str) -> None:
        """Load the record (the opening is recorded in the audit trail) and its history."""
        if self.record is None or self.record.id != beneficiary_id:
            self._attestation_choice = None
            self.tabs.setCurrentIndex(0)
        self.record = self._services.beneficiaries.get(beneficiary_id)
        self.history.set_items(self._services.beneficiaries.history(beneficiary_id))
        self._render(self.record)
        self._show_follow_up(self.record)

    def refresh(self) -> None:
        if self.record is not None:
            self.record = self._services.beneficiaries.get(self.record.id, record_view=False)
            self.history.set_items(self._services.beneficiaries.history(self.record.id))
            self._render(self.record)
            self._show_follow_up(self.record)

    def _show_follow_up(self, record: BeneficiaryRecord) -> None:
        if self.follow_up is not None:
            self.follow_up.show_person(record.id, f"{record.draft.first_name} {record.draft.last_name}".strip())
        if self.enterprise is not None:
            self.enterprise.show_person(record.id)

    @Slot()
    def _enterprise_changed(self) -> None:
        """The status and support actions are audited: the history shows them at once."""
        if self.record is not None:
            self.history.set_items(self._services.beneficiaries.history(self.record.id))

    @Slot()
    def _follow_up_changed(self) -> None:
        """Sessions, referrals and case changes are audited: the history shows them at once."""
        if self.record is not None:
            self.history.set_items(self._services.beneficiaries.history(self.record.id))
        self.follow_up_changed.emit()

    @Slot()
    def _edit(self) -> None:
        if self.record is not None:
            self.edit_requested.emit(self.record.id)

    # --- printing --------------------------------------------------------------------------------

    def ask_attestation(self, dialog: AttestationDialog) -> bool:
        """Show the attestation options; True when the person chose to print."""
        return dialog.exec() == AttestationDialog.DialogCode.Accepted

    @Slot()
    def print_attestation(self) -> None:
        if self.record is None:
            return
        since = self.record.draft.registered_on or self.record.created_at.date()
        dialog = AttestationDialog(self._services.person_documents, since, self, initial=self._attestation_choice)
        try:
            if not self.ask_attestation(dialog):
                return
            self._attestation_choice = choice = dialog.choice()
        finally:
            dialog.deleteLater()
        self._print(
            lambda record_id: self._services.person_documents.attestation(record_id, choice.request, choice.lang)
        )

    def print_summary(self, lang: str) -> None:
        self._print(lambda record_id: self._services.person_documents.summary_sheet(record_id, lang))

    def _print(self, issue: Callable[[str], PrintedDocument]) -> None:
        if self.record is None:
            return
        try:
            printed = issue(self.record.id)
        except HubdeskError as exc:
            self._print_failed(str(exc))
            return
        except Exception as exc:  # a fault in the document engine must not close the window
            _log.exception("printing a document of %s failed", self.record.code)
            self._print_failed(self.tr("Printing failed: %1").replace("%1", str(exc) or type(exc).__name__))
            return
        name = f"{self.record.draft.first_name} {self.record.draft.last_name}".strip()
        number = printed.info.number
        self.preview = open_preview(printed, self, name, on_saved=lambda path: self._audit_saved(number, path))
        self.history.set_items(self._services.beneficiaries.history(self.record.id))

    def _audit_saved(self, number: str, path: str) -> None:
        """Saving a paper to a file is an export of personal data: the audit trail says where."""
        try:
            self._services.documents.record_saved([number], path)
        except HubdeskError as exc:
            self._print_failed(str(exc))
        if self.record is not None:
            self.history.set_items(self._services.beneficiaries.history(self.record.id))

    def _print_failed(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Printing"), message, parent=self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _render(self, record: BeneficiaryRecord) -> None:
        d = record.draft
        name = f"{d.first_name} {d.last_name}"
        self.title.setText(f"{name}   {labels.isolate(d.arabic_name)}".strip())
        self.subtitle.setText(
            self.tr("%1 · registered on %2 by %3 · counsellor: %4")
            .replace("%1", record.code)
            .replace("%2", labels.short_date(d.registered_on))
            .replace("%3", record.created_by)
            .replace("%4", record.counsellor_name or "—")
        )
        while self._profile_layout.count():
            item = self._profile_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        consent = d.consent
        if d.minimal_only:
            notice = QLabel(self.tr("No consent to case follow-up: only the minimal record is kept."))
            notice.setStyleSheet("background: #fff3cd; padding: 6px; border-radius: 4px;")
            self._profile_layout.addWidget(notice)
        self._section(
            self.tr("Identity"),
            [
                (self.tr("Sex"), labels.sex(d.sex)),
                (self.tr("Born"), labels.birth(d.birth_date, d.birth_year)),
                (self.tr("Nationality"), labels.country(d.nationality)),
                (self.tr("Migration status"), labels.migration_status(d.migration_status)),
                (self.tr("Arrived in Morocco"), str(d.arrival_year or "")),
                (
                    self.tr("Identity document"),
                    " ".join(x for x in (labels.id_document_type(d.id_document_type), d.id_document_number) if x),
                ),
                (self.tr("Document expires"), labels.short_date(d.id_document_expiry)),
            ],
        )
        self._section(
            self.tr("Contact"),
            [
                (
                    self.tr("Phones"),
                    ", ".join(format_phone(p.number) + (" (WhatsApp)" if p.whatsapp else "") for p in d.phones),
                ),
                (self.tr("E-mail"), d.email),
                (self.tr("Neighbourhood"), d.neighbourhood),
                (self.tr("City"), d.city),
            ],
        )
        self._section(
            self.tr("Languages and education"),
            [
                (
                    self.tr("Languages"),
                    ", ".join(f"{labels.language(x.language)} ({labels.language_level(x.level)})" for x in d.languages),
                ),
                (self.tr("Education"), labels.education_level(d.education_level)),
                (self.tr("Diplomas"), "; ".join(d.diplomas)),
            ],
        )
        self._section(
            self.tr("Skills and experience"),
            [
                (
                    s.name,
                    ", ".join(
                        x
                        for x in (
                            labels.skill_sector(s.sector),
                            labels.skill_level(s.level),
                            self.tr("%n years", "", s.years) if s.years is not None else "",
                            self.tr("certified") if s.certified else "",
                        )
                        if x
                    ),
                )
                for s in d.skills
            ]
            + [
                (
                    e.job,
                    ", ".join(
                        x
                        for x in (
                            e.employer,
                            labels.country(e.country),
                            f"{e.start_year or '?'}–{e.end_year or ''}" if e.start_year or e.end_year else "",
                        )
                        if x
                    ),
                )
                for e in d.experiences
            ],
        )
        self._section(
            self.tr("Situation"),
            [
                (self.tr("Occupation"), labels.occupation(d.occupation)),
                (
                    self.tr("Disability"),
                    (self.tr("Yes") + (f" — {d.disability_note}" if d.disability_note else ""))
                    if d.has_disability
                    else self.tr("No"),
                ),
                (self.tr("Household size"), str(d.household_size or "")),
                (self.tr("Dependents"), "" if d.dependents is None else str(d.dependents)),
            ],
        )
        self._section(
            self.tr("HUB"),
            [
                (self.tr("Heard of the HUB"), labels.heard_from(d.heard_from)),
                (self.tr("Referred by"), d.referring_organisation),
                (self.tr("Merged records"), ", ".join(record.merged_codes)),
            ],
        )
        self._section(
            self.tr("Consent"),
            [
                (self.tr("Given on"), labels.short_date(consent.given_on)),
                (
                    self.tr("Purposes"),
                    ", ".join(labels.consent_purpose(p) for p in ConsentPurpose if p in consent.purposes),
                ),
                (self.tr("Withdrawn on"), labels.short_date(consent.withdrawn_on)),
            ],
        )
        self._profile_layout.addStretch(1)

    def _section(self, title: str, rows: list[tuple[str, str]]) -> None:
        rows = [(label, value) for label, value in rows if value]
        if not rows:
            return
        box = QGroupBox(title)
        form = QFormLayout(box)
        for label, value in rows:
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label + ":", text)
        self._profile_layout.addWidget(box)
