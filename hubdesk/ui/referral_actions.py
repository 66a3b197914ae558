"""What the record page, the agenda and the referrals page do with referrals: refer, change, step, letter, slip."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from hubdesk.domain.enums import ReferralChannel, ReferralStatus
from hubdesk.domain.errors import HubdeskError, ValidationError
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import ReferralInfo
from hubdesk.ui.feedback_dialog import FeedbackDialog
from hubdesk.ui.form_rows import message
from hubdesk.ui.pdf_preview_dialog import PdfPreviewDialog, open_preview
from hubdesk.ui.referral_dialog import ReferralDialog
from hubdesk.ui.referral_status_dialog import ReferralStatusDialog

_log = logging.getLogger(__name__)

#: the statuses whose letter is not printed: not sent yet, or cancelled, or refused by the partner
NO_LETTER = frozenset({ReferralStatus.DRAFT, ReferralStatus.CANCELLED, ReferralStatus.REJECTED})


def prints_letter(status: ReferralStatus) -> bool:
    """Whether the letter of a referral in ``status`` may be printed (sent, accepted or completed)."""
    return status not in NO_LETTER


class ReferralActions(QObject):
    """Opens the referral dialogs over ``parent``, prints the letter of a referral sent by hand, and sends a
    draft then prints its letter. A problem is told in a message box that does not block.

    Signals: ``referrals_changed()`` after a referral was created, changed, moved a step or got its feedback.
    """

    referrals_changed = Signal()

    def __init__(self, services: Services, parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services
        self._window = parent
        #: the last letter shown, and the last problem told (for tests)
        self.preview: PdfPreviewDialog | None = None
        self.last_message: QMessageBox | None = None

    def ask(self, dialog: QDialog) -> bool:
        """Show a dialog and wait; True when it was accepted. Tests replace this."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _run(self, dialog: ReferralDialog | ReferralStatusDialog | FeedbackDialog) -> ReferralInfo | None:
        try:
            saved = dialog.saved if self.ask(dialog) else None
        finally:
            dialog.deleteLater()
        if saved is not None:
            self.referrals_changed.emit()
        return saved

    # --- the dialogs ------------------------------------------------------------------------------------

    def new_referral(self, beneficiary_id: str, person_name: str) -> ReferralInfo | None:
        """Refer a person; a referral sent as a letter in hand is printed at once, in the language chosen."""
        try:
            dialog = ReferralDialog(self._services, beneficiary_id, person_name, self._window)
        except HubdeskError as exc:  # the partners could not be read
            self._tell(message(str(exc)), self.tr("Referral"))
            return None
        return self._refer(dialog)

    def edit_referral(self, referral: ReferralInfo) -> ReferralInfo | None:
        """Change a draft or sent referral (a draft sent from here as a letter is printed too)."""
        try:
            dialog = ReferralDialog(
                self._services, referral.beneficiary_id, referral.person_name, self._window, referral=referral
            )
        except HubdeskError as exc:
            self._tell(message(str(exc)), self.tr("Referral"))
            return None
        return self._refer(dialog)

    def _refer(self, dialog: ReferralDialog) -> ReferralInfo | None:
        try:
            saved = dialog.saved if self.ask(dialog) else None
            sent, lang = dialog.just_sent, dialog.letter_language()
        finally:
            dialog.deleteLater()
        if saved is None:
            return None
        self.referrals_changed.emit()
        if sent and saved.channel is ReferralChannel.LETTER:
            self.print_letter(saved.id, lang, saved.person_name)
        return saved

    def change_status(self, referral: ReferralInfo) -> ReferralInfo | None:
        return self._run(ReferralStatusDialog(self._services, referral, self._window))

    def record_feedback(self, code: str = "") -> ReferralInfo | None:
        return self._run(FeedbackDialog(self._services, self._window, code))

    # --- the letter -------------------------------------------------------------------------------------

    def send_and_print(self, referral_id: str, lang: str, person: str = "") -> ReferralInfo | None:
        """Mark a draft sent today, then print its letter; a refusal (consent, partner disabled) is told."""
        try:
            sent = self._services.referrals.change_status(referral_id, ReferralStatus.SENT)
        except ValidationError as exc:
            told = [message(text) for text in exc.errors.values()]
            if "consent_override" in exc.errors:
                told.append(self.tr("Change the referral from the person's record to say why."))
            self._tell("\n".join(told))
            return None
        except HubdeskError as exc:
            self._tell(message(str(exc)))
            return None
        self.referrals_changed.emit()
        self.print_letter(sent.id, lang, person or sent.person_name)
        return sent

    def print_letter(self, referral_id: str, lang: str, person: str = "") -> None:
        """Print (or reprint) the letter of a referral and show it; a refusal is told in a message box."""
        try:
            printed = self._services.person_follow_up.referral_letter(referral_id, lang)
        except HubdeskError as exc:
            self._tell(message(str(exc)))
            return
        except Exception as exc:  # a fault in the document engine must not close the window
            _log.exception("printing the letter of referral %s failed", referral_id)
            self._tell(self.tr("Printing failed: %1").replace("%1", str(exc) or type(exc).__name__))
            return
        number = printed.info.number
        self.preview = open_preview(
            printed,
            self._window,
            person or printed.info.person_name,
            on_saved=lambda path: self._audit_saved(number, path),
        )

    def _audit_saved(self, number: str, path: str) -> None:
        """Saving a paper to a file is an export of personal data: the audit trail says where."""
        try:
            self._services.documents.record_saved([number], path)
        except HubdeskError as exc:
            self._tell(message(str(exc)))

    def _tell(self, text: str, title: str = "") -> None:
        """A problem in a message box that does not block (so tests and the person can go on)."""
        box = QMessageBox(QMessageBox.Icon.Warning, title or self.tr("Referral letter"), text, parent=self._window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_message = box
        box.open()
