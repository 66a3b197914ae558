"""One training: what it is, its trainees with the attendance of each day, and its papers (certificates, sheets)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.errors import HubdeskError
from hubdesk.services.access import CASE_WORKERS, SUPERVISORS
from hubdesk.services.documents import DOCUMENT_LANGUAGES, PRINTERS
from hubdesk.services.facade import Services
from hubdesk.services.venture_readmodels import TraineeInfo, TrainingInfo
from hubdesk.ui import labels, unsaved_changes
from hubdesk.ui.attendance_model import AttendanceModel
from hubdesk.ui.form_rows import message
from hubdesk.ui.intake_editors import ERROR_STYLE
from hubdesk.ui.pdf_preview_dialog import PdfPreviewDialog
from hubdesk.ui.training_dialog import TrainingDialog
from hubdesk.ui.training_enrol_panel import TrainingEnrolPanel
from hubdesk.ui.training_papers import TrainingPapers
from hubdesk.ui.training_print_dialog import PrintChoiceDialog


class TrainingPage(QWidget):
    """A training's header, its trainees and their attendance (ticked, then saved), and its actions.

    Signals: ``beneficiary_opened(str)`` with a trainee's person id; ``closed()`` when the person asks to go back
    to the list.
    """

    beneficiary_opened = Signal(str)
    closed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        role = services.user.role if services.user is not None else None
        self.can_change = role in CASE_WORKERS
        self.can_print = role in PRINTERS
        self.can_allow = role in SUPERVISORS
        self.training: TrainingInfo | None = None
        #: prints the certificates and sign-in sheets; ``batch`` prints the certificates in one go
        self.papers = TrainingPapers(services, self)
        self.batch = self.papers.batch
        #: the last context menu shown (tests trigger its actions)
        self.context_menu: QMenu | None = None

        self.back_button = QPushButton(self.tr("← All trainings"))
        self.back_button.clicked.connect(self.closed)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.title.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet(ERROR_STYLE)

        self.model = AttendanceModel(self)
        self.model.ticks_changed.connect(self._update_actions)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().sectionClicked.connect(self._tick_whole_day)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)

        self.enrol_box = TrainingEnrolPanel(services, lambda: self.confirm_leave())
        self.enrol_box.enrolled.connect(self._enrolled)
        #: the search box and the button of the enrol box (tests type and click in them)
        self.picker = self.enrol_box.picker
        self.enrol_them_button = self.enrol_box.enrol_them_button

        def button(text: str, slot: Callable[[], None], visible: bool, tip: str = "") -> QPushButton:
            made = QPushButton(text)
            made.clicked.connect(slot)
            made.setVisible(visible)
            made.setToolTip(tip)
            return made

        self.save_button = button(self.tr("&Save attendance"), self.save_attendance, self.can_change)
        self.edit_button = button(self.tr("&Edit training…"), self.edit_training, self.can_change)
        self.enrol_button = button(self.tr("E&nrol…"), self.open_enrol, self.can_change)
        self.remove_button = button(self.tr("&Remove from training"), self.remove_selected, self.can_change)
        self.allow_button = button(
            self.tr("&Allow certificate…"),
            self.allow_certificate,
            self.can_allow,
            self.tr("A certificate for someone who did not complete, with the reason"),
        )
        self.certificates_button = button(
            self.tr("Print &certificates…"), self.papers.print_certificates, self.can_print
        )
        self.sheet_button = button(self.tr("Sign-in s&heet…"), self.papers.print_sign_in_sheet, self.can_print)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.title, 1)
        top.addWidget(self.edit_button)
        trainee_actions = QHBoxLayout()
        for widget in (self.enrol_button, self.remove_button, self.allow_button):
            trainee_actions.addWidget(widget)
        trainee_actions.addStretch(1)
        for widget in (self.sheet_button, self.certificates_button, self.save_button):
            trainee_actions.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details)
        layout.addWidget(self.enrol_box)
        layout.addWidget(self.table, 1)
        layout.addLayout(trainee_actions)
        layout.addWidget(self.status)
        self._update_actions()

    # --- showing -----------------------------------------------------------------------------------

    def show_training(self, training_id: str) -> bool:
        """Show the training as the services hold it now; False (and the reason shown) when it cannot be read."""
        try:
            training = self._services.trainings.get(training_id)
        except HubdeskError as exc:
            self.say(message(str(exc)))
            return False
        self.training = training
        self.enrol_box.training_id = training.id
        self.model.set_training(training, self._services.today(), editable=self.can_change)
        self._show_header(training)
        self._size_columns()
        self._update_actions()
        return True

    @Slot()
    def reload(self) -> None:
        if self.training is not None:
            self.show_training(self.training.id)

    def _show_header(self, training: TrainingInfo) -> None:
        draft = training.draft
        self.title.setText(f"{training.code} · {draft.title}")
        days = ", ".join(f"{labels.short_date(d.held_on)} ({d.hours:g} h)" for d in training.days)
        needed = round(draft.completion_share * len(training.days) + 0.4999)
        rule = self.tr("Completed at %1% of the days (%2 of %3)").replace("%1", f"{draft.completion_share * 100:g}")
        rule = rule.replace("%2", str(needed)).replace("%3", str(len(training.days)))
        parts = [labels.training_theme(draft.theme), draft.trainer, draft.place]
        lines = [
            " · ".join(part for part in parts if part),
            self.tr("Days: %1 — %2 hours").replace("%1", days).replace("%2", f"{training.hours:g}"),
            rule + " · " + self.tr("%n enrolled", "", len(training.trainees)),
        ]
        self.details.setText("\n".join(lines))

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(AttendanceModel.CODE, 120)
        header.resizeSection(AttendanceModel.NAME, 200)
        for column in range(AttendanceModel.FIRST_DAY, self.model.attended_column):
            header.resizeSection(column, 84)
        header.resizeSection(self.model.attended_column, 80)

    def selected_trainees(self) -> list[TraineeInfo]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [t for t in (self.model.trainee_at(row) for row in rows) if t is not None]

    @Slot()
    def _update_actions(self) -> None:
        chosen = len(self.selected_trainees())
        self.save_button.setEnabled(self.model.has_changes())
        self.remove_button.setEnabled(chosen == 1)
        self.allow_button.setEnabled(chosen == 1)
        has_days = self.training is not None and bool(self.training.days)
        self.sheet_button.setEnabled(has_days)
        self.certificates_button.setEnabled(has_days and bool(self.model.trainees()))

    def say(self, text: str, *, problem: bool = True) -> None:
        """A line under the grid: what went wrong (red), or what was done."""
        self.status.setStyleSheet(ERROR_STYLE if problem else "")
        self.status.setText(text)

    def confirm_leave(self) -> bool:
        """True when nothing unsaved would be lost, or the person agrees to lose the ticks."""
        return not self.model.has_changes() or unsaved_changes.confirm_discard(self)

    # --- attendance --------------------------------------------------------------------------------

    @Slot()
    def save_attendance(self) -> None:
        """Save each day whose ticks changed; at the first refusal the ticks not saved stay on the grid."""
        if self.training is None:
            return
        for day, present in self.model.changed_days():
            try:
                self._services.trainings.mark_attendance(self.training.id, day.held_on, present)
            except HubdeskError as exc:
                self.say(
                    self.tr("Attendance of %1 not saved: %2")
                    .replace("%1", labels.short_date(day.held_on))
                    .replace("%2", message(str(exc)))
                )
                self._update_actions()
                return
            self.model.day_saved(day.id)
        self.say(self.tr("Attendance saved."), problem=False)
        self.reload()

    @Slot(int)
    def _tick_whole_day(self, column: int) -> None:
        """A click on a day's header ticks everyone present that day (or unticks all when all are ticked)."""
        day = self.model.day_at(column)
        if day is None or not self.model.is_open(day):
            return
        rows = range(self.model.rowCount())
        everyone = all(
            self.model.index(r, column).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked for r in rows
        )
        for row in rows:
            self.model.set_ticked(row, day, not everyone)

    # --- trainees ----------------------------------------------------------------------------------

    @Slot()
    def open_enrol(self) -> None:
        self.enrol_box.open_panel()

    @Slot(int)
    def _enrolled(self, count: int) -> None:
        self.say(self.tr("%n people enrolled.", "", count), problem=False)
        self.reload()

    def confirm(self, text: str) -> bool:
        """A yes/no question, No by default. Tests replace this."""
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def remove_selected(self) -> None:
        chosen = self.selected_trainees()
        if len(chosen) != 1 or not self.confirm_leave():
            return
        trainee = chosen[0]
        question = self.tr("Remove %1 from the training? Their attendance is removed too.")
        if not self.confirm(question.replace("%1", trainee.person_name)):
            return
        self._call(lambda: self._services.trainings.unenrol(trainee.enrolment_id))

    def ask_reason(self, trainee: TraineeInfo, text: str, problem: str) -> str | None:
        """The reason for an exceptional certificate ("" withdraws it); None when cancelled. Tests replace this."""
        label = self.tr("Why may %1 have a certificate without completing? (at least 10 characters)")
        label = label.replace("%1", trainee.person_name)
        value, ok = QInputDialog.getText(self, self.tr("Allow a certificate"), f"{label}\n{problem}".strip(), text=text)
        return value if ok else None

    @Slot()
    def allow_certificate(self) -> None:
        """Ask the reason until the services accept it (or the person gives up)."""
        chosen = self.selected_trainees()
        if len(chosen) != 1 or not self.can_allow or not self.confirm_leave():
            return
        trainee, answer, problem = chosen[0], chosen[0].exception_reason, ""
        while True:
            text = self.ask_reason(trainee, answer, problem)
            if text is None:
                return
            answer = text
            try:
                self._services.trainings.grant_exception(trainee.enrolment_id, text)
            except HubdeskError as exc:
                problem = message(str(exc))
                continue
            self.reload()
            return

    @Slot()
    def edit_training(self) -> None:
        if self.training is None or not self.confirm_leave():
            return
        dialog = TrainingDialog(self._services, self, self.training)
        if self.run_dialog(dialog):
            self.reload()
        dialog.deleteLater()

    def run_dialog(self, dialog: QDialog) -> bool:
        """Show a dialog; True when accepted. Tests replace this."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _call(self, work: Callable[[], object]) -> None:
        try:
            work()
        except HubdeskError as exc:
            self.say(message(str(exc)))
            return
        self.reload()

    @Slot(QModelIndex)
    def _double_clicked(self, index: QModelIndex) -> None:
        trainee = self.model.trainee_at(index.row())
        if trainee is not None and self.model.day_at(index.column()) is None:
            self.beneficiary_opened.emit(trainee.beneficiary_id)

    @Slot(QPoint)
    def _context_menu(self, point: QPoint) -> None:
        trainee = self.model.trainee_at(self.table.indexAt(point).row())
        if trainee is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Open the person"), lambda: self.beneficiary_opened.emit(trainee.beneficiary_id))
        if self.can_print:
            for lang in DOCUMENT_LANGUAGES:
                text = self.tr("Certificate in %1").replace("%1", labels.printed_language(lang))
                menu.addAction(text, partial(self.print_certificate, trainee, lang))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.context_menu = menu
        menu.popup(self.table.viewport().mapToGlobal(point))

    # --- papers (printed by ``papers``; tests replace the three questions here) ---------------------------

    @property
    def preview(self) -> PdfPreviewDialog | None:
        """The preview of the last single certificate printed."""
        return self.papers.preview

    def print_certificate(self, trainee: TraineeInfo, lang: str) -> None:
        """One trainee's certificate in the preview; someone who did not complete is refused with the reason."""
        self.papers.print_certificate(trainee, lang)

    def ask_print(self, dialog: PrintChoiceDialog) -> bool:
        """Show the print options; True when the person chose to print. Tests replace this."""
        return self.papers.ask_print(dialog)

    def choose_sheet_path(self, suggested: str) -> str | None:
        """Where to save the sign-in sheet; None when the person gives up. Tests replace this."""
        return self.papers.choose_sheet_path(suggested)

    def offer_open(self, path: Path) -> None:
        """Say where the sheet was saved, with a button opening it (does not block). Tests replace this."""
        self.papers.offer_open(path)
