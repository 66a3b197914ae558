"""The options of a support attestation: language, period, kinds of support, purpose (one person or many)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.enums import SupportKind
from hubdesk.services.documents import DOCUMENT_LANGUAGES
from hubdesk.services.person_documents import AttestationRequest, PersonDocuments
from hubdesk.ui import labels
from hubdesk.ui.intake_editors import SHORT_WIDTH, make_error_label


def _message(text: str) -> str:
    """A message of the services (English source), in the interface language."""
    return QCoreApplication.translate("validation", text)


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


@dataclass(frozen=True)
class AttestationChoice:
    """What the person chose: the request, the document language, and for a batch one PDF or a ZIP."""

    request: AttestationRequest
    lang: str = "fr"
    as_zip: bool = False


class AttestationDialog(QDialog):
    """Asks how to word an attestation; OK stays disabled while the choice cannot be printed.

    ``batch`` > 0 words it for that many people and adds the choice of one PDF or a ZIP of files.
    ``initial`` restores an earlier choice (after a failed print nothing typed is lost).
    """

    def __init__(
        self,
        documents: PersonDocuments,
        since: date,
        parent: QWidget | None = None,
        *,
        batch: int = 0,
        initial: AttestationChoice | None = None,
    ) -> None:
        super().__init__(parent)
        self._documents = documents
        self._batch = batch
        self.setWindowTitle(
            self.tr("Support attestations for %n people", "", batch) if batch else self.tr("Support attestation")
        )

        self.language = QComboBox()
        for code in DOCUMENT_LANGUAGES:
            self.language.addItem(labels.printed_language(code), code)
        self.language.setMinimumWidth(SHORT_WIDTH)
        self.language.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

        self.since = self._date_edit(since)
        self.ended = QCheckBox(self.tr("The support ended on"))
        self.ended.setToolTip(self.tr("Leave unticked while the person is still accompanied"))
        self.until = self._date_edit(date.today())
        self.until.setEnabled(False)
        self.still = QLabel(self.tr("(still accompanied)"))
        self.still.setStyleSheet("color: palette(mid);")
        self.ended.toggled.connect(self.until.setEnabled)
        self.ended.toggled.connect(lambda on: self.still.setVisible(not on))

        self.supports: dict[SupportKind, QCheckBox] = {}
        supports_box = QWidget()
        grid = QGridLayout(supports_box)
        grid.setContentsMargins(0, 0, 0, 0)
        for position, kind in enumerate(SupportKind):
            box = QCheckBox(labels.support_kind(kind))
            box.toggled.connect(self._validate)
            self.supports[kind] = box
            grid.addWidget(box, position // 2, position % 2)

        self.purpose = QPlainTextEdit()
        self.purpose.setTabChangesFocus(True)
        self.purpose.setPlaceholderText(
            self.tr("Optional. For example: to support an application for a residence permit renewal.")
        )
        self.purpose.setFixedHeight(self.purpose.fontMetrics().lineSpacing() * 4 + 12)
        self.purpose.textChanged.connect(self._validate)

        # what the paper says about the person: not every reader needs the birth date or the card
        self.show_birth_date = QCheckBox(self.tr("Date of birth"))
        self.show_id_document = QCheckBox(self.tr("Identity document and its number"))
        for box in (self.show_birth_date, self.show_id_document):
            box.setChecked(True)
        shown = QHBoxLayout()
        shown.addWidget(self.show_birth_date)
        shown.addWidget(self.show_id_document)
        shown.addStretch(1)

        self.one_pdf = QRadioButton(self.tr("One PDF with every attestation, ready to print"))
        self.zip = QRadioButton(self.tr("A ZIP file with one PDF per person"))
        self.one_pdf.setChecked(True)
        self._output = QButtonGroup(self)
        self._output.addButton(self.one_pdf)
        self._output.addButton(self.zip)

        self.errors = {key: make_error_label(self) for key in ("since", "until", "supports", "purpose", "other")}
        for edit in (self.since, self.until):
            edit.dateChanged.connect(self._validate)
        self.ended.toggled.connect(self._validate)

        until_row = QHBoxLayout()
        until_row.addWidget(self.ended)
        until_row.addWidget(self.until)
        until_row.addWidget(self.still)
        until_row.addStretch(1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Document language:"), self.language)
        form.addRow(self.tr("Accompanied since:"), self._with_error(self.since, "since"))
        form.addRow(self.tr("Until:"), self._with_error(until_row, "until"))
        form.addRow(self.tr("Kinds of support:"), self._with_error(supports_box, "supports"))
        form.addRow(self.tr("Purpose:"), self._with_error(self.purpose, "purpose"))
        form.addRow(self.tr("Also show:"), shown)
        if batch:
            output = QVBoxLayout()
            output.addWidget(self.one_pdf)
            output.addWidget(self.zip)
            form.addRow(self.tr("Output:"), output)
        else:
            self.one_pdf.hide()
            self.zip.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Print %n attestations", "", batch) if batch else self.tr("Print"))
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        if batch:
            note = QLabel(self.tr("The same period and kinds of support are printed for everyone selected."))
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.errors["other"])
        layout.addWidget(buttons)
        self.setMinimumWidth(620)

        # Enter in the purpose starts a new line: Ctrl+Enter prints from anywhere
        QShortcut(QKeySequence("Ctrl+Return"), self, self.accept)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.accept)
        self.supports[SupportKind.COUNSELLING].setChecked(True)
        if initial is not None:
            self.set_choice(initial)
        self._validate()
        self.language.setFocus()

    def _date_edit(self, value: date) -> QDateEdit:
        edit = QDateEdit(_qdate(value))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setMinimumDate(QDate(1990, 1, 1))
        edit.setFixedWidth(SHORT_WIDTH)
        return edit

    def _with_error(self, field: QWidget | QHBoxLayout, key: str) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(2)
        if isinstance(field, QWidget):
            column.addWidget(field)
        else:
            column.addLayout(field)
        column.addWidget(self.errors[key])
        return column

    # --- the choice --------------------------------------------------------------------------------

    def request(self) -> AttestationRequest:
        return AttestationRequest(
            since=_pydate(self.since.date()),
            until=_pydate(self.until.date()) if self.ended.isChecked() else None,
            supports=tuple(kind for kind, box in self.supports.items() if box.isChecked()),
            purpose=self.purpose.toPlainText().strip(),
            birth_date=self.show_birth_date.isChecked(),
            id_document=self.show_id_document.isChecked(),
        )

    def choice(self) -> AttestationChoice:
        return AttestationChoice(
            self.request(), str(self.language.currentData()), self._batch > 0 and self.zip.isChecked()
        )

    def set_choice(self, choice: AttestationChoice) -> None:
        self.language.setCurrentIndex(max(0, self.language.findData(choice.lang)))
        request = choice.request
        self.since.setDate(_qdate(request.since))
        self.ended.setChecked(request.until is not None)
        if request.until is not None:
            self.until.setDate(_qdate(request.until))
        for kind, box in self.supports.items():
            box.setChecked(kind in request.supports)
        self.purpose.setPlainText(request.purpose)
        self.show_birth_date.setChecked(request.birth_date)
        self.show_id_document.setChecked(request.id_document)
        (self.zip if choice.as_zip else self.one_pdf).setChecked(True)

    def problems(self) -> dict[str, str]:
        """Field -> message, as the services would refuse the choice; {} when it can be printed."""
        return self._documents.check_attestation(self.request())

    # --- checking as the person types --------------------------------------------------------------

    @Slot()
    def _validate(self) -> None:
        if not hasattr(self, "ok_button"):
            return  # still building the form
        problems = self.problems()
        for key, label in self.errors.items():
            if key == "other":  # a field this form does not show: said under the form, never lost
                message = "; ".join(_message(m) for k, m in problems.items() if k not in self.errors)
            else:
                message = _message(problems[key]) if key in problems else ""
            label.setText(message)
            label.setVisible(bool(message))
        self.ok_button.setEnabled(not problems)

    @Slot()
    def accept(self) -> None:
        """Refused while the choice cannot be printed: the messages stay and so does every value."""
        self._validate()
        if self.ok_button.isEnabled():
            super().accept()
