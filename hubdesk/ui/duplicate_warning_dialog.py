"""The warning shown before a new person is saved when they look like someone already registered."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.phones import format_phone
from hubdesk.services.readmodels import DuplicateCandidate
from hubdesk.ui import labels
from hubdesk.ui.list_table_model import ListTableModel, RecordRole

Index = QModelIndex | QPersistentModelIndex


def _phone(number: str) -> str:
    try:
        return format_phone(number)
    except ValueError:
        return number


class DuplicateCandidateModel(ListTableModel[DuplicateCandidate]):
    """The existing records that look like the person being registered, best match first."""

    #: column 0: the record's code (TNG-2026-00042)
    CODE = 0
    #: column 1: the name in Latin letters, then in Arabic script when known
    NAME = 1
    #: column 2: the date of birth, or the year alone
    BIRTH = 2
    #: column 3: the phone numbers, international form
    PHONES = 3
    #: column 4: the identity document number
    DOCUMENT = 4
    #: column 5: the registration date
    REGISTERED = 5
    #: column 6: how alike the two records are, 0-100
    SCORE = 6
    #: column 7: why they look alike, in words
    REASONS = 7

    #: the ``DuplicateCandidate`` of a row (any column)
    CandidateRole = RecordRole

    def __init__(self, candidates: Sequence[DuplicateCandidate], parent: QWidget | None = None) -> None:
        super().__init__([], parent)
        self._headers = (
            self.tr("Code"),
            self.tr("Name"),
            self.tr("Born"),
            self.tr("Phones"),
            self.tr("Document"),
            self.tr("Registered"),
            self.tr("Score"),
            self.tr("Why"),
        )
        self.set_items(candidates)

    def candidate(self, row: int) -> DuplicateCandidate:
        return self._items[row]

    def alignment(self, column: int) -> Qt.AlignmentFlag | None:
        return Qt.AlignmentFlag.AlignRight if column == self.SCORE else None

    def display(self, candidate: DuplicateCandidate, column: int) -> str:
        if column == self.CODE:
            return candidate.code
        if column == self.NAME:
            latin = f"{candidate.first_name} {candidate.last_name}".strip()
            return f"{latin}\n{labels.isolate(candidate.arabic_name)}" if candidate.arabic_name else latin
        if column == self.BIRTH:
            return labels.birth(candidate.birth_date, candidate.birth_year)
        if column == self.PHONES:
            return "\n".join(_phone(number) for number in candidate.phones)
        if column == self.DOCUMENT:
            return candidate.document_number
        if column == self.REGISTERED:
            return labels.short_date(candidate.registered_on)
        if column == self.SCORE:
            return str(candidate.score)
        return ", ".join(labels.match_reason(reason) for reason in candidate.reasons)


class DuplicateWarningDialog(QDialog):
    """Lists possible existing records; the counsellor opens one, saves anyway, or goes back.

    Signals:
        existing_chosen: the counsellor wants to open this existing record (its id) instead.
        save_chosen: the counsellor says it is a different person and wants to save.
    """

    existing_chosen = Signal(str)
    save_chosen = Signal()

    def __init__(self, candidates: Sequence[DuplicateCandidate], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Possible existing records"))
        count = len(candidates)
        if count == 1:
            intro = self.tr("This person may already be registered. Check before saving a new record.")
        else:
            intro = self.tr(
                "This person may already be registered: {count} records look alike. Check before saving a new record."
            ).format(count=count)
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)

        self.model = DuplicateCandidateModel(candidates, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DuplicateCandidateModel.REASONS, QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.doubleClicked.connect(self._open_existing)

        buttons = QDialogButtonBox(self)
        self.open_button = QPushButton(self.tr("Open the existing record"), self)
        self.save_button = QPushButton(self.tr("It is a different person — save"), self)
        self.back_button = QPushButton(self.tr("Back to the form"), self)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.RejectRole)
        # Enter must not save a possible duplicate by reflex: the safe choice is the default.
        for button in (self.open_button, self.save_button):
            button.setAutoDefault(False)
        self.back_button.setDefault(True)
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open_existing)
        self.save_button.clicked.connect(self._save)
        self.back_button.clicked.connect(self.reject)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(900, 320)
        self.view.setFocus()

    def selected(self) -> DuplicateCandidate | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.candidate(rows[0].row()) if rows else None

    @Slot()
    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.selected() is not None)

    @Slot()
    def _open_existing(self) -> None:
        candidate = self.selected()
        if candidate is None:
            return
        self.accept()
        self.existing_chosen.emit(candidate.id)

    @Slot()
    def _save(self) -> None:
        self.accept()
        self.save_chosen.emit()
