"""Checking a presented paper: type or scan its verification code, or pick its PDF file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.errors import HubdeskError, NotFound
from hubdesk.services.document_readmodels import IssuedDocumentInfo
from hubdesk.services.facade import Services
from hubdesk.ui import labels
from hubdesk.ui.documents_table_model import local_time, person_text

#: (background, border, headline) of each kind of answer; the text stays dark on the light tint
_LOOKS = {
    "genuine": ("#e8f5e9", "#2e7d32", "#1b5e20"),
    "refused": ("#fdecea", "#c62828", "#b71c1c"),
    "idle": ("palette(base)", "palette(mid)", "palette(text)"),
}


class VerifyPanel(QGroupBox):
    """The verification box. A USB QR scanner types the QR payload and Enter into the code field,
    so scanning a paper verifies it at once. Works for every logged-in role.

    Signals: ``document_verified(object)`` with the IssuedDocumentInfo found (valid or cancelled).
    """

    document_verified = Signal(object)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Verify a document"))
        self._services = services
        #: the document the result shows, None when it shows no document
        self.document: IssuedDocumentInfo | None = None

        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("Type or scan the verification code"))
        self.code_edit.setToolTip(
            self.tr("The code printed at the foot of every page, like K7QM4-XPT9C; or scan the QR code.")
        )
        self.code_edit.setClearButtonEnabled(True)
        self.code_edit.setMinimumWidth(320)
        self.code_edit.returnPressed.connect(self.verify)
        self.verify_button = QPushButton(self.tr("Verify"))
        self.verify_button.clicked.connect(self.verify)
        self.file_button = QPushButton(self.tr("Check a PDF file…"))
        self.file_button.setToolTip(self.tr("Check that a PDF file is a document as this HUB issued it, unchanged"))
        self.file_button.clicked.connect(self.check_file)

        self.result = QFrame()
        self.result.setObjectName("verifyResult")
        self.headline = QLabel()
        self.headline.setObjectName("verifyHeadline")
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        #: field key -> the label showing its value
        self.fields: dict[str, QLabel] = {}
        self.details = QWidget()
        grid = QGridLayout(self.details)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.setHorizontalSpacing(12)
        # the space goes after each value, so a caption stays next to its value in either direction
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(5, 1)
        pairs = (
            (("number", self.tr("Number")), ("issued", self.tr("Issued on"))),
            (("kind", self.tr("Kind")), ("issued_by", self.tr("Issued by"))),
            (("person", self.tr("Person")), ("language", self.tr("Language"))),
        )
        for row, pair in enumerate(pairs):
            for half, (key, caption) in enumerate(pair):
                name = QLabel(caption + ":")
                name.setObjectName("verifyCaption")
                value = QLabel()
                # not wrapped: the values are short, and wrapped labels in a grid report too small a height
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(name, row, half * 3)
                grid.addWidget(value, row, half * 3 + 1)
                self.fields[key] = value
        inside = QVBoxLayout(self.result)
        inside.setContentsMargins(12, 8, 12, 10)
        inside.addWidget(self.headline)
        inside.addWidget(self.explanation)
        inside.addWidget(self.details)

        entry = QHBoxLayout()
        entry.addWidget(self.code_edit, 1)
        entry.addWidget(self.verify_button)
        entry.addSpacing(12)
        entry.addWidget(self.file_button)
        layout = QVBoxLayout(self)
        layout.addLayout(entry)
        layout.addWidget(self.result)
        self._show_idle()

    # --- checking ----------------------------------------------------------------------------

    @Slot()
    def verify(self) -> None:
        """Look the typed or scanned code up in the register and show the answer; the text stays."""
        text = self.code_edit.text()
        self.code_edit.setFocus()
        # selected, so that the next scan replaces it
        self.code_edit.selectAll()
        if not text.strip():
            self._show_idle(self.tr("Type the verification code first, or scan the QR code."))
            return
        try:
            info = self._services.documents.verify(text)
        except NotFound as exc:
            self._show_refused(self.tr("No document with this code was issued by this HUB"), str(exc))
            return
        except HubdeskError as exc:
            self._show_refused(self.tr("The code could not be checked"), str(exc))
            return
        self.show_document(info)
        self.document_verified.emit(info)

    @Slot()
    def check_file(self) -> None:
        """Ask for a PDF file and say whether it is, byte for byte, a document the HUB issued."""
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Check a PDF file"), "", self.tr("PDF documents (*.pdf);;All files (*)")
        )
        if not name:
            return
        try:
            pdf = Path(name).read_bytes()
        except OSError as exc:
            self._show_refused(self.tr("The file could not be read"), exc.strerror or str(exc))
            return
        try:
            info = self._services.documents.verify_file(pdf)
        except NotFound as exc:
            self._show_refused(
                self.tr("No document matching this file was issued by this HUB"), f"{Path(name).name}: {exc}"
            )
            return
        except HubdeskError as exc:
            self._show_refused(self.tr("The file could not be checked"), str(exc))
            return
        self.show_document(info)
        if info.file_documents > 1:
            self.explanation.setText(
                self.explanation.text()
                + " "
                + self.tr("The file holds %n documents printed together; this is the first.", "", info.file_documents)
            )
        self.document_verified.emit(info)

    # --- showing -----------------------------------------------------------------------------

    def show_document(self, info: IssuedDocumentInfo) -> None:
        """The answer for a document in the register: genuine (green) or cancelled (red)."""
        self.document = info
        if info.cancelled_at is None:
            self._look("genuine")
            self.headline.setText("✔ " + self.tr("Genuine document"))
            self.explanation.setText(self.tr("This HUB issued this document and it has not been cancelled."))
        else:
            self._look("refused")
            headline = (
                self.tr("Cancelled on %1 by %2")
                .replace("%1", local_time(info.cancelled_at))
                .replace("%2", info.cancelled_by_name)
            )
            self.headline.setText(f"✖ {headline} — {info.cancel_reason}" if info.cancel_reason else f"✖ {headline}")
            self.explanation.setText(
                self.tr("This HUB issued this document, then cancelled it: it is no longer valid.")
            )
        self.fields["number"].setText(info.number)
        self.fields["kind"].setText(labels.document_kind(info.kind))
        self.fields["person"].setText(person_text(info) or "—")
        self.fields["issued"].setText(local_time(info.issued_at))
        self.fields["issued_by"].setText(info.issued_by_name)
        self.fields["language"].setText(labels.language(info.language))
        self.explanation.show()
        self.details.show()

    def document_changed(self, info: IssuedDocumentInfo) -> None:
        """Show the new state of a document if it is the one on display (cancelled meanwhile)."""
        if self.document is not None and self.document.id == info.id:
            self.show_document(info)

    def _show_refused(self, headline: str, explanation: str) -> None:
        self.document = None
        self._look("refused")
        self.headline.setText("✖ " + headline)
        self.explanation.setText(explanation)
        self.explanation.setVisible(bool(explanation))
        self.details.hide()

    def _show_idle(self, hint: str = "") -> None:
        self.document = None
        self._look("idle")
        self.headline.setText(
            hint
            or self.tr("Type the code printed at the foot of the document, scan its QR code, or check its PDF file.")
        )
        self.explanation.hide()
        self.details.hide()

    def _look(self, kind: str) -> None:
        background, border, headline = _LOOKS[kind]
        text = "#1a1a1a" if kind != "idle" else "palette(text)"
        # the font is set on the label, not in the style sheet: a label keeps the height of a style
        # sheet's former font, and a one-line hint would sit in the space of a two-line verdict
        font = QFont(self.font())
        if kind != "idle":
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.45)
        self.headline.setFont(font)
        self.result.setStyleSheet(
            f"QFrame#verifyResult {{ background: {background}; border: 1px solid {border}; border-radius: 6px; }}"
            f"QFrame#verifyResult QLabel {{ color: {text}; background: transparent; border: none; }}"
            f"QFrame#verifyResult QLabel#verifyCaption {{ color: #555555; }}"
            f"QFrame#verifyResult QLabel#verifyHeadline {{ color: {headline}; }}"
        )
