"""Cancelling an issued document: the reason is required and is shown to whoever verifies it later."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.errors import HubdeskError, ValidationError
from hubdesk.services.document_readmodels import IssuedDocumentInfo
from hubdesk.services.documents import MAX_REASON
from hubdesk.services.facade import Services
from hubdesk.ui import labels
from hubdesk.ui.documents_table_model import person_text
from hubdesk.ui.intake_editors import make_error_label


class CancelDocumentDialog(QDialog):
    """Asks why ``document`` is cancelled, then cancels it; a refused reason keeps the dialog open
    with the message under the field.

    Signals: ``document_cancelled(object)`` with the IssuedDocumentInfo as it is now.
    """

    document_cancelled = Signal(object)

    def __init__(self, services: Services, document: IssuedDocumentInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.document = document
        self.setWindowTitle(self.tr("Cancel a document"))
        self.setMinimumWidth(480)

        who = person_text(document)
        what = labels.document_kind(document.kind) + (f", {who}" if who else "")
        self.intro = QLabel(
            self.tr(
                "Cancel %1 (%2)? It stays in the register, and whoever verifies it will read that it was "
                "cancelled, by whom and why."
            )
            .replace("%1", document.number)
            .replace("%2", what)
        )
        self.intro.setWordWrap(True)
        caption = QLabel(self.tr("Reason (required):"))
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(MAX_REASON)
        self.reason_edit.setPlaceholderText(self.tr("For example: wrong dates, reissued as a new document"))
        caption.setBuddy(self.reason_edit)
        self.reason_error = make_error_label(self)
        self.error = make_error_label(self)
        self.reason_edit.textEdited.connect(self._reason_edited)

        self.buttons = QDialogButtonBox()
        self.confirm_button = self.buttons.addButton(
            self.tr("Cancel the document"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.keep_button = self.buttons.addButton(self.tr("Keep it"), QDialogButtonBox.ButtonRole.RejectRole)
        self.confirm_button.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(6)
        layout.addWidget(caption)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.reason_error)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.reason_edit.setFocus()

    @Slot()
    def submit(self) -> None:
        """Cancel the document with the typed reason; close only when it worked."""
        self.error.hide()
        try:
            info = self._services.documents.cancel(self.document.id, self.reason_edit.text())
        except ValidationError as exc:
            self.reason_error.setText(exc.errors.get("reason", str(exc)))
            self.reason_error.show()
            self.reason_edit.setFocus()
            return
        except HubdeskError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.document = info
        self.document_cancelled.emit(info)
        self.accept()

    @Slot(str)
    def _reason_edited(self, text: str) -> None:
        # the message goes as soon as the reason is there; it does not come back while typing
        if text.strip():
            self.reason_error.hide()
