"""What to print of a training: the language, and the day (sign-in sheet) or who and in what file (certificates)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QRadioButton, QWidget

from hubdesk.services.documents import DOCUMENT_LANGUAGES
from hubdesk.ui import labels


@dataclass(frozen=True)
class PrintChoice:
    lang: str
    #: the sign-in sheet's day
    day: date | None = None
    #: the certificates of the selected trainees only (else everyone who completed)
    selected_only: bool = False
    as_zip: bool = False


class PrintChoiceDialog(QDialog):
    """The language of a paper, and the day (sign-in sheet) or who and in what file (certificates)."""

    def __init__(self, title: str, parent: QWidget, *, days: list[date] | None = None, selected: int = -1) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.language = QComboBox()
        for code in DOCUMENT_LANGUAGES:
            self.language.addItem(labels.printed_language(code), code)
        form.addRow(self.tr("&Language:"), self.language)
        self.day = QComboBox()
        for on in days or []:
            self.day.addItem(labels.short_date(on), on)
        form.addRow(self.tr("&Day:"), self.day)
        form.setRowVisible(self.day, days is not None)
        self.everyone = QRadioButton(self.tr("&Everyone who completed"))
        self.selected = QRadioButton(self.tr("The %n &selected trainees", "", max(selected, 0)))
        self.everyone.setChecked(True)
        self.selected.setEnabled(selected > 0)
        self.one_pdf = QRadioButton(self.tr("One &PDF to preview and print"))
        self.zip = QRadioButton(self.tr("A &ZIP with one PDF per person"))
        self.one_pdf.setChecked(True)
        for left, right in ((self.everyone, self.selected), (self.one_pdf, self.zip)):
            box = QWidget()
            row = QHBoxLayout(box)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(left)
            row.addWidget(right)
            form.addRow(box)
            form.setRowVisible(box, selected >= 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Print"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def choice(self) -> PrintChoice:
        return PrintChoice(
            self.language.currentData(), self.day.currentData(), self.selected.isChecked(), self.zip.isChecked()
        )
