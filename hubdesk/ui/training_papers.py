"""A training's papers, printed from its page: the certificates in one go, one trainee's certificate, a day's
sign-in sheet saved to a file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from hubdesk.domain.errors import HubdeskError
from hubdesk.services.facade import Services
from hubdesk.services.venture_readmodels import TraineeInfo
from hubdesk.ui.batch_print import BatchPrint, BatchTexts
from hubdesk.ui.form_rows import message
from hubdesk.ui.pdf_preview_dialog import PdfPreviewDialog, open_preview
from hubdesk.ui.training_print_dialog import PrintChoiceDialog

if TYPE_CHECKING:
    from hubdesk.ui.training_page import TrainingPage


class TrainingPapers(QObject):
    """Prints the papers of the training shown on ``page``, saying on the page what was done or refused.

    The questions (print options, where to save the sheet) and the note offering to open the saved sheet go
    through the page's ``ask_print``, ``choose_sheet_path`` and ``offer_open``, which tests replace; the
    methods of the same name here are what the page's call by default. No signals: the page shows the outcome.
    """

    def __init__(self, services: Services, page: TrainingPage) -> None:
        super().__init__(page)
        self._services = services
        self._page = page
        self.batch = BatchPrint(services, page)
        self.batch.printed.connect(self._certificates_printed)
        #: the preview of the last single certificate printed
        self.preview: PdfPreviewDialog | None = None
        self._left_out = 0

    # --- asking (the page's methods of the same name call these; tests replace the page's) -------------

    def ask_print(self, dialog: PrintChoiceDialog) -> bool:
        """Show the print options; True when the person chose to print."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def choose_sheet_path(self, suggested: str) -> str | None:
        """Where to save the sign-in sheet; None when the person gives up."""
        path, _chosen = QFileDialog.getSaveFileName(
            self._page,
            self.tr("Save the sign-in sheet"),
            str(Path.home() / suggested),
            self.tr("PDF document (*.pdf)"),
        )
        return path or None

    def offer_open(self, path: Path) -> None:
        """Say where the sheet was saved, with a button opening it (does not block)."""
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Sign-in sheet"), "", QMessageBox.StandardButton.Close, self._page
        )
        box.setText(self.tr("The sign-in sheet was saved to %1.").replace("%1", str(path)))
        opener = box.addButton(self.tr("Open it"), QMessageBox.ButtonRole.AcceptRole)
        opener.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # --- certificates --------------------------------------------------------------------------------

    def _unsaved_before_printing(self) -> bool:
        if self._page.model.has_changes():
            self._page.say(self.tr("Save the attendance first: papers follow what is saved."))
            return True
        return False

    def print_certificate(self, trainee: TraineeInfo, lang: str) -> None:
        """One trainee's certificate in the preview; someone who did not complete is refused with the reason."""
        training = self._page.training
        if training is None or self._unsaved_before_printing():
            return
        try:
            printed = self._services.training_documents.certificate(training.id, trainee.beneficiary_id, lang)
        except HubdeskError as exc:
            self._page.say(message(str(exc)))
            return
        numbers = [printed.info.number]
        self.preview = open_preview(
            printed, self._page, trainee.person_name, lambda path: self._services.documents.record_saved(numbers, path)
        )

    @Slot()
    def print_certificates(self) -> None:
        """Everyone who completed (or the trainees selected), one PDF or a ZIP, with a progress bar and Cancel."""
        page = self._page
        training = page.training
        if training is None or self.batch.running or self._unsaved_before_printing():
            return
        dialog = PrintChoiceDialog(
            self.tr("Certificates of %1").replace("%1", training.code), page, selected=len(page.selected_trainees())
        )
        try:
            if not page.ask_print(dialog):
                return
            choice = dialog.choice()
        finally:
            dialog.deleteLater()
        if choice.selected_only:
            ids: list[str] | None = [t.beneficiary_id for t in page.selected_trainees()]
            count, self._left_out = len(ids or []), 0
        else:
            ids = None
            count = sum(1 for t in training.trainees if t.certified)
            self._left_out = len(training.trainees) - count
            if not count:
                page.say(self.tr("Nobody has completed the training yet: no certificate to print."))
                return
        documents, training_id = self._services.training_documents, training.id
        self.batch.start_batch(
            lambda control: documents.certificates(
                training_id,
                choice.lang,
                beneficiary_ids=ids,
                as_zip=choice.as_zip,
                progress=control.report,
                cancelled=control.is_cancelled,
            ),
            count,
            self._certificate_texts(count),
        )

    def _certificate_texts(self, count: int) -> BatchTexts:
        training = self._page.training
        return BatchTexts(
            title=self.tr("Training certificates"),
            printing=self.tr("Printing %n certificates…", "", count),
            step=self.tr("Printing certificate %1 of %2…"),
            preview_title=self.tr("Certificates of %1 (%n people)", "", count).replace("%1", self._page.title.text()),
            file_stem=f"certificates-{training.code if training else ''}",
            save_title=self.tr("Save the certificates"),
            not_saved=self.tr(
                "The certificates were recorded but not saved. Print them again to get the same numbers."
            ),
            saved=self.tr("%n certificates saved to %1.", "", count),
            cancelled=self.tr("Printing was cancelled: no certificate was recorded."),
        )

    @Slot(int)
    def _certificates_printed(self, count: int) -> None:
        text = self.tr("%n certificates printed.", "", count)
        if self._left_out:
            text += " " + self.tr("%n trainees who did not complete were left out.", "", self._left_out)
        self._page.say(text, problem=False)

    # --- sign-in sheet -------------------------------------------------------------------------------

    @Slot()
    def print_sign_in_sheet(self) -> None:
        """The sheet of a chosen day (today's when it is a day of the training), saved to a file."""
        page = self._page
        training = page.training
        if training is None or not training.days:
            return
        days = [d.held_on for d in training.days]
        dialog = PrintChoiceDialog(self.tr("Sign-in sheet of %1").replace("%1", training.code), page, days=days)
        today = self._services.today()
        dialog.day.setCurrentIndex(next((i for i, on in enumerate(days) if on >= today), len(days) - 1))
        try:
            if not page.ask_print(dialog):
                return
            choice = dialog.choice()
        finally:
            dialog.deleteLater()
        assert choice.day is not None
        try:
            pdf = self._services.training_documents.sign_in_sheet(training.id, choice.day, choice.lang)
        except HubdeskError as exc:
            page.say(message(str(exc)))
            return
        path = page.choose_sheet_path(f"{training.code} {choice.day.isoformat()} {choice.lang}.pdf")
        if not path:
            return
        target = Path(path) if Path(path).suffix else Path(path).with_suffix(".pdf")
        try:
            target.write_bytes(pdf)
        except OSError as exc:
            page.say(
                self.tr("The sheet could not be saved to %1: %2")
                .replace("%1", str(target))
                .replace("%2", exc.strerror or str(exc))
            )
            return
        page.offer_open(target)
