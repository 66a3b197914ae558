"""The intake form: registering a new person, or changing what is recorded about someone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.beneficiary import MINIMAL_FIELDS, BeneficiaryDraft, Consent
from hubdesk.domain.countries import HOME
from hubdesk.domain.errors import HubdeskError, ValidationError
from hubdesk.domain.validation import validate_beneficiary
from hubdesk.services.facade import Services
from hubdesk.services.readmodels import DuplicateCandidate, SavedBeneficiary
from hubdesk.ui.duplicate_warning_dialog import DuplicateWarningDialog
from hubdesk.ui.intake_case_sections import ConsentSection, HubSection, SituationSection
from hubdesk.ui.intake_duplicates import DuplicateWatch
from hubdesk.ui.intake_editors import ERROR_STYLE
from hubdesk.ui.intake_fields import IntakeSection
from hubdesk.ui.intake_sections import ContactSection, IdentitySection, LanguagesSection, SkillsSection
from hubdesk.ui.intake_tabs import MinimalNotice, SectionTabs
from hubdesk.ui.row_list_editor import RowListEditor

#: Typing pauses this long before the form is checked again.
VALIDATION_DELAY_MS = 300


def _message(text: str) -> str:
    """A message of the domain or the services (English source), in the interface language."""
    return QCoreApplication.translate("validation", text)


def _root(key: str) -> str:
    return key.split(".", 1)[0]


class IntakeDialog(QDialog):
    """Register a new person (``beneficiary_id`` None) or edit an existing one.

    Editing loads the record at once: ``NotFound`` or ``PermissionDenied`` propagate from the constructor.

    Signals:
        beneficiary_saved: the person was saved; carries their id. ``saved`` holds the code too.
        existing_opened: the counsellor dropped this intake to open an existing record (its id).
    """

    beneficiary_saved = Signal(str)
    existing_opened = Signal(str)

    def __init__(
        self,
        services: Services,
        beneficiary_id: str | None = None,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._id = beneficiary_id
        self._today = today
        #: what the services answered to the last successful save
        self.saved: SavedBeneficiary | None = None
        #: the duplicate warning while it is open
        self.duplicate_dialog: DuplicateWarningDialog | None = None
        self._touched: set[str] = set()
        self._save_attempted = False
        self._loading = False
        self._leaving = False  # closing was decided: do not ask about unsaved changes
        self._loaded_full = False  # the record being edited was saved with consent to case follow-up

        counsellors = services.accounts.counsellors()
        self.identity = IdentitySection()
        self.contact = ContactSection()
        self.languages = LanguagesSection()
        self.skills = SkillsSection()
        self.situation = SituationSection()
        self.hub = HubSection([(user.id, user.full_name) for user in counsellors])
        self.consent = ConsentSection()
        self.sections: list[IntakeSection] = [
            self.identity,
            self.contact,
            self.languages,
            self.skills,
            self.situation,
            self.hub,
            self.consent,
        ]
        self._build(counsellors_ids={user.id for user in counsellors})

    # -- building ---------------------------------------------------------------------------------

    def _build(self, counsellors_ids: set[str]) -> None:
        self.duplicates = DuplicateWatch(self._services.duplicates.check, self.draft, self)
        self.duplicate_banner = self.duplicates.banner
        self.duplicate_banner.clicked.connect(self.show_duplicates)

        self.minimal_notice = MinimalNotice(self)
        self.minimal_notice.consent_requested.connect(self._go_to_consent)
        self.tabs = SectionTabs(self.sections, self)
        for section in self.sections:
            section.edited.connect(self._on_edited)

        self.status_label = QLabel(self)
        self.status_label.setStyleSheet(ERROR_STYLE)
        self.status_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Save (Enter or Ctrl+Enter)"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter", QKeySequence.StandardKey.Save):
            QShortcut(QKeySequence(keys), self, self.save)

        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.duplicate_banner)
        layout.addWidget(self.minimal_notice)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        self._validation_timer = QTimer(self)
        self._validation_timer.setSingleShot(True)
        self._validation_timer.setInterval(VALIDATION_DELAY_MS)
        self._validation_timer.timeout.connect(self._validate_now)

        self._load(counsellors_ids)
        self.resize(880, 640)
        self.identity.first_name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _load(self, counsellors_ids: set[str]) -> None:
        if self._id is None:
            today = self._today()
            user = self._services.user
            draft = BeneficiaryDraft(
                nationality=HOME,
                registered_on=today,
                counsellor_id=user.id if user is not None and user.id in counsellors_ids else None,
                consent=Consent(given_on=today),
            )
            self.setWindowTitle(self.tr("New intake"))
        else:
            record = self._services.beneficiaries.get(self._id, record_view=False)
            draft = record.draft
            self._loaded_full = not draft.minimal_only
            if draft.counsellor_id:
                self.hub.ensure_counsellor(draft.counsellor_id, record.counsellor_name)
            name = f"{draft.first_name} {draft.last_name}".strip()
            self.setWindowTitle(self.tr("Edit {code} — {name}").format(code=record.code, name=name))
        self._loading = True
        try:
            for section in self.sections:
                section.load(draft)
        finally:
            self._loading = False
        self._initial = self._snapshot()
        self._update_minimal()

    # -- reading the form -----------------------------------------------------------------------

    def draft(self) -> BeneficiaryDraft:
        """Everything the form holds, as typed (including sections a minimal record does not keep)."""
        draft = BeneficiaryDraft()
        for section in self.sections:
            section.store(draft)
        return draft

    def _commit_open_cells(self) -> None:
        """Store the cells still open in their editors: a shortcut saves without taking the focus from them."""
        for editor in self.findChildren(RowListEditor):
            editor.commit_pending_edit()

    def _draft_to_save(self) -> BeneficiaryDraft:
        draft = self.draft()
        return draft.minimal_record() if draft.minimal_only else draft

    def _snapshot(self) -> tuple[BeneficiaryDraft, tuple[tuple[str, str], ...]]:
        local = {key: text for section in self.sections for key, text in section.local_errors().items()}
        return self.draft(), tuple(sorted(local.items()))

    def is_dirty(self) -> bool:
        """True when the form holds something that is not saved."""
        return self._snapshot() != self._initial

    def _current_errors(self) -> dict[str, str]:
        draft = self._draft_to_save()
        _cleaned, errors = validate_beneficiary(draft, self._today())
        for section in self.sections:
            errors.update(section.local_errors())  # "not a date" explains better than "required"
        if draft.minimal_only:
            errors = {key: text for key, text in errors.items() if _root(key) in MINIMAL_FIELDS}
        return errors

    # -- showing problems -----------------------------------------------------------------------

    def _show_errors(self, errors: dict[str, str]) -> int:
        """Show the messages the person should see now; return how many fields need attention."""
        if not self._save_attempted:
            errors = {key: text for key, text in errors.items() if _root(key) in self._touched}
        messages = {key: _message(text) for key, text in errors.items()}
        total = 0
        for number, section in enumerate(self.sections):
            count = section.show_errors(messages)
            total += count
            self.tabs.mark(number, count)
        if self._save_attempted and total:
            if total == 1:
                self.status_label.setText(self.tr("1 field needs attention"))
            else:
                self.status_label.setText(self.tr("{count} fields need attention").format(count=total))
        else:
            self.status_label.clear()
        return total

    def _focus_first_error(self, errors: dict[str, str]) -> None:
        for number, section in enumerate(self.sections):
            if section.isEnabled() and section.focus_error(errors):
                self.tabs.setCurrentIndex(number)
                section.focus_error(errors)  # again: a hidden tab's widget cannot take focus
                return

    def _show_failure(self, message: str) -> None:
        self.status_label.setText(self.tr("Not saved: {reason}").format(reason=_message(message)))

    # -- reacting to the person -------------------------------------------------------------------

    @Slot(str)
    def _on_edited(self, key: str) -> None:
        if self._loading:
            return
        self._touched.add(key)
        self._validation_timer.start()
        if key == "consent":
            self._update_minimal()
        if self._id is None:
            self.duplicates.edited(key)

    @Slot()
    def _validate_now(self) -> None:
        self._show_errors(self._current_errors())

    def _update_minimal(self) -> None:
        minimal = self.draft().minimal_only
        self.minimal_notice.setVisible(minimal)
        for section in self.sections:
            if section.keeps_nothing_when_minimal():
                section.setEnabled(not minimal)
            else:
                section.set_minimal(minimal)

    @Slot()
    def _go_to_consent(self) -> None:
        self.tabs.show_section(self.consent)
        self.consent.follow_up.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def show_duplicates(self) -> None:
        """Open the duplicate warning on the records that look like the person typed so far."""
        self._commit_open_cells()
        self.duplicates.check_now()
        if self.duplicates.candidates:
            self._ask_about_duplicates(self.duplicates.candidates)

    # -- saving and leaving -----------------------------------------------------------------------

    @Slot()
    def save(self) -> None:
        """Check the form, look for the person among existing records (new intakes), then save."""
        if self.duplicate_dialog is not None:
            return
        self._commit_open_cells()
        self._validation_timer.stop()
        self._save_attempted = True
        errors = self._current_errors()
        if self._show_errors(errors):
            self._focus_first_error(errors)
            return
        if self._would_erase_follow_up() and not self._confirm(
            self.tr(
                "Without consent to case follow-up, this person's contact details, languages, skills and situation"
                " will be erased from the record. Continue?"
            )
        ):
            return
        if self._id is None:
            self.duplicates.stop()
            try:
                candidates = self._services.duplicates.check(self.draft())
            except HubdeskError as exc:
                self._show_failure(str(exc))
                return
            self.duplicates.set_candidates(candidates)
            if candidates:
                self._ask_about_duplicates(candidates)
                return
        self._commit()

    def _would_erase_follow_up(self) -> bool:
        """True when saving would turn the full record being edited into a minimal one."""
        return self._id is not None and self._loaded_full and self.draft().minimal_only

    def make_duplicate_dialog(self, candidates: list[DuplicateCandidate]) -> DuplicateWarningDialog:
        """The warning listing ``candidates`` (tests replace this to drive it)."""
        return DuplicateWarningDialog(candidates, self)

    def _ask_about_duplicates(self, candidates: list[DuplicateCandidate]) -> None:
        dialog = self.make_duplicate_dialog(candidates)
        dialog.existing_chosen.connect(self._open_existing)
        dialog.save_chosen.connect(self._save_different_person)
        dialog.finished.connect(self._duplicate_dialog_closed)
        self.duplicate_dialog = dialog
        dialog.open()

    @Slot()
    def _duplicate_dialog_closed(self) -> None:
        self.duplicate_dialog = None

    @Slot()
    def _save_different_person(self) -> None:
        self.duplicate_dialog = None
        self._commit_open_cells()
        self._save_attempted = True
        errors = self._current_errors()
        if self._show_errors(errors):
            self._focus_first_error(errors)
            return
        self._commit()

    @Slot(str)
    def _open_existing(self, beneficiary_id: str) -> None:
        self.duplicate_dialog = None
        if not self._confirm(self.tr("Discard this intake and open the existing record?")):
            return
        self._leaving = True
        self.existing_opened.emit(beneficiary_id)
        self.reject()

    def _commit(self) -> None:
        draft = self._draft_to_save()
        try:
            if self._id is None:
                saved = self._services.beneficiaries.create(draft)
            else:
                saved = self._services.beneficiaries.update(self._id, draft)
        except ValidationError as exc:
            if not self._show_errors(exc.errors):
                self._show_failure("; ".join(exc.errors.values()))
            self._focus_first_error(exc.errors)
            return
        except HubdeskError as exc:
            self._show_failure(str(exc))
            return
        self.saved = saved
        self._leaving = True
        if saved.warnings:
            text = "\n\n".join([self.tr("Saved as {code}.").format(code=saved.code), *map(_message, saved.warnings)])
            self._inform(self.tr("Saved"), text)
        self.beneficiary_saved.emit(saved.id)
        self.accept()

    def reject(self) -> None:
        """Cancel, Esc or closing the window: ask first when something typed would be lost."""
        if not self._leaving:
            self._commit_open_cells()  # a cell still open holds typing too
        if not self._leaving and self.is_dirty() and not self._confirm(self.tr("Discard the changes?")):
            return
        self._validation_timer.stop()
        self.duplicates.stop()
        super().reject()

    def _confirm(self, text: str) -> bool:
        """Ask a yes/no question (tests replace this to answer without a modal box)."""
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _inform(self, title: str, text: str) -> None:
        """Tell the person something after the fact (tests replace this)."""
        QMessageBox.information(self, title, text)
