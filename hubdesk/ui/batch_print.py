"""Papers for many people at once (attestations, certificates): a worker thread with progress and Cancel, then
the result shown (one PDF) or saved (a ZIP)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QProgressDialog, QWidget

from hubdesk.domain.errors import Cancelled, HubdeskError
from hubdesk.services.document_readmodels import BatchOutput
from hubdesk.services.facade import Services
from hubdesk.ui.attestation_dialog import AttestationChoice, AttestationDialog
from hubdesk.ui.gc_guard import freeze_for_batch, thaw_after_batch
from hubdesk.ui.pdf_preview_dialog import PdfPreviewDialog
from hubdesk.ui.workers import WorkControl, Worker


@dataclass(frozen=True)
class BatchTexts:
    """What the batch says, in the interface language, for one kind of paper and one batch."""

    #: the title of the progress dialog and of the messages: "Support attestations"
    title: str
    #: the progress dialog's first line: "Printing 3 attestations…"
    printing: str
    #: each step, %1 of %2: "Printing attestation %1 of %2…"
    step: str
    #: the preview's window title: "Support attestations (3 people)"
    preview_title: str
    #: the start of the file names offered: "attestations" (then the date)
    file_stem: str
    #: the title of the dialog asking where to save the ZIP
    save_title: str
    #: told when the ZIP was not saved
    not_saved: str
    #: told once the ZIP is saved, %1 the path: "3 attestations saved to %1."
    saved: str
    #: told when the person stopped the batch
    cancelled: str


#: a batch on the worker thread: ``work(control)`` returns the BatchOutput, reporting through ``control.report``
#: and stopping when ``control.is_cancelled()``
BatchWork = Callable[[WorkControl], BatchOutput]


class BatchPrint(QObject):
    """Prints one attestation per person chosen, into one PDF (shown in the preview) or a ZIP (saved);
    ``start_batch`` prints any other batch of papers (certificates) the same way.

    Signals: ``printed(int)`` with the number of papers once they are shown or saved,
    ``cancelled()`` when the person stopped the batch (nothing was recorded), ``failed(str)`` with the reason.
    """

    printed = Signal(int)
    cancelled = Signal()
    failed = Signal(str)

    def __init__(self, services: Services, parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services
        self._window = parent
        self._choice: AttestationChoice | None = None  # the last one, offered again
        self._count = 0
        self._texts = self.attestation_texts(0)
        self.worker: Worker | None = None
        self.progress: QProgressDialog | None = None
        self.preview: PdfPreviewDialog | None = None
        self.last_message: QMessageBox | None = None

    @property
    def running(self) -> bool:
        return self.worker is not None

    # --- asking ------------------------------------------------------------------------------------

    def ask(self, dialog: AttestationDialog) -> bool:
        """Show the options; True when the person chose to print. Tests replace this."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def run(self, beneficiary_ids: Sequence[str], since: date) -> None:
        """Ask for the options of the attestations of ``beneficiary_ids``, then print them."""
        if self.running or not beneficiary_ids:
            return
        dialog = AttestationDialog(
            self._services.person_documents, since, self._window, batch=len(beneficiary_ids), initial=self._choice
        )
        try:
            if not self.ask(dialog):
                return
            self._choice = choice = dialog.choice()
        finally:
            dialog.deleteLater()
        self.start(beneficiary_ids, choice)

    def choose_zip_path(self) -> str | None:
        """Ask where to save the ZIP; None when the person gives up. Tests replace this."""
        path, _chosen = QFileDialog.getSaveFileName(
            self._window,
            self._texts.save_title,
            str(Path.home() / f"{self._texts.file_stem}-{date.today().isoformat()}.zip"),
            self.tr("ZIP archive (*.zip)"),
        )
        return path or None

    def attestation_texts(self, count: int) -> BatchTexts:
        return BatchTexts(
            title=self.tr("Support attestations"),
            printing=self.tr("Printing %n attestations…", "", count),
            step=self.tr("Printing attestation %1 of %2…"),
            preview_title=self.tr("Support attestations (%n people)", "", count),
            file_stem="attestations",
            save_title=self.tr("Save the attestations"),
            not_saved=self.tr(
                "The attestations were recorded but not saved. Print them again to get the same numbers."
            ),
            saved=self.tr("%n attestations saved to %1.", "", count),
            cancelled=self.tr("Printing was cancelled: no attestation was recorded."),
        )

    # --- working -----------------------------------------------------------------------------------

    def start(self, beneficiary_ids: Sequence[str], choice: AttestationChoice) -> None:
        """Print on a worker thread; the progress dialog's Cancel stops the batch and records nothing."""
        ids = list(beneficiary_ids)
        self._choice = choice
        documents = self._services.person_documents
        self.start_batch(
            lambda control: documents.attestations(
                ids,
                choice.request,
                choice.lang,
                as_zip=choice.as_zip,
                progress=control.report,
                cancelled=control.is_cancelled,
            ),
            len(ids),
            self.attestation_texts(len(ids)),
        )

    def start_batch(self, work: BatchWork, count: int, texts: BatchTexts) -> None:
        """Run ``work`` (``count`` papers) on a worker thread with a progress dialog whose Cancel stops it."""
        if self.running:
            return
        self._count = count
        self._texts = texts
        self.worker = Worker(work, self)
        progress = QProgressDialog(texts.printing, self.tr("Cancel"), 0, max(count, 1), self._window)
        progress.setWindowTitle(texts.title)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setMinimumWidth(380)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setValue(0)
        progress.canceled.connect(self.cancel)
        self.progress = progress
        self.worker.progressed.connect(self._progressed)
        self.worker.done.connect(self._done)
        self.worker.error.connect(self._failed)
        progress.show()
        freeze_for_batch()
        self.worker.start()

    @Slot()
    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            if self.progress is not None:
                self.progress.setLabelText(self.tr("Stopping…"))

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        progress = self.progress
        if progress is None or (self.worker is not None and self.worker.control.is_cancelled()):
            return  # keep saying "Stopping…"
        progress.setLabelText(self._texts.step.replace("%1", str(min(done + 1, total))).replace("%2", str(total)))
        progress.setMaximum(max(total, 1))
        progress.setValue(done)  # last: a modal progress dialog handles pending events here, the result among them

    def _finish(self) -> None:
        thaw_after_batch()
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel)  # closing the dialog would emit it
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        if self.worker is not None:
            self.worker.deleteLater()
            self.worker = None

    @Slot(object)
    def _done(self, output: Any) -> None:
        self._finish()
        assert isinstance(output, BatchOutput)
        if output.as_zip:
            self._save_zip(output)
            return
        self.preview = PdfPreviewDialog(
            output.data,
            self._texts.preview_title,
            f"{self._texts.file_stem}-{date.today().isoformat()}.pdf",
            self._window,
        )
        self.preview.saved.connect(lambda path: self._audit_saved(output, path))
        self.preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview.show()
        self.printed.emit(self._count)

    def _audit_saved(self, output: BatchOutput, path: str) -> None:
        """Saving papers to a file is an export of personal data: the audit trail says where."""
        try:
            self._services.documents.record_saved(output.numbers, path)
        except HubdeskError as error:
            self.tell(str(error))

    def _save_zip(self, output: BatchOutput) -> None:
        path = self.choose_zip_path()
        if not path:
            self.tell(self._texts.not_saved, QMessageBox.Icon.Information)
            return
        target = Path(path) if Path(path).suffix else Path(path).with_suffix(".zip")
        try:
            target.write_bytes(output.data)
        except OSError as exc:
            self.tell(
                self.tr("The ZIP file could not be saved to %1: %2")
                .replace("%1", str(target))
                .replace("%2", exc.strerror or str(exc))
            )
            return
        self._audit_saved(output, str(target))
        self.tell(
            self._texts.saved.replace("%1", str(target)),
            QMessageBox.Icon.Information,
        )
        self.printed.emit(self._count)

    @Slot(object)
    def _failed(self, error: Any) -> None:
        self._finish()
        if isinstance(error, Cancelled):
            self.tell(self._texts.cancelled, QMessageBox.Icon.Information)
            self.cancelled.emit()
            return
        text = (
            str(error) if isinstance(error, HubdeskError) else self.tr("Printing failed: %1").replace("%1", str(error))
        )
        self.tell(text)
        self.failed.emit(text)

    def tell(self, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Warning) -> None:
        """A message box that does not block: the person reads it, tests look at ``last_message``."""
        box = QMessageBox(icon, self._texts.title, text, QMessageBox.StandardButton.Ok, self._window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_message = box
        box.open()
