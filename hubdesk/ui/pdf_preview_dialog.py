"""A printed document shown in the application before it goes to paper or to a file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QPointF, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QImage, QKeySequence, QPageLayout, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hubdesk.services.document_readmodels import IssuedDocumentInfo, PrintedDocument
from hubdesk.ui import labels

#: pages are rendered for the printer at most this fine: an A4 page at 1200 dpi would be a 550 MB image
MAX_PRINT_DPI = 300
#: longer prints show their progress and can be stopped
PAGES_WITHOUT_PROGRESS = 3
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.25, 5.0


class PdfPreviewDialog(QDialog):
    """Shows a PDF with Print… and Save…; the bytes stay in a buffer the dialog owns.

    Signals: ``saved(str)`` with the path written, ``printed(int)`` with the number of pages sent.
    """

    saved = Signal(str)
    printed = Signal(int)

    def __init__(
        self,
        pdf: bytes,
        title: str,
        suggested_name: str,
        parent: QWidget | None = None,
        info: IssuedDocumentInfo | None = None,
    ) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.suggested_name = suggested_name
        self.last_message: QMessageBox | None = None
        self.setWindowTitle(title)

        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setStyleSheet("QPdfView { background: palette(mid); }")

        self.header = QLabel()
        self.header.setObjectName("documentHeader")
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.header.setWordWrap(True)
        if info is not None:
            self.header.setText(
                self.tr("%1 no. %2 · verification code %3")
                .replace("%1", labels.document_kind(info.kind))
                .replace("%2", info.number)
                .replace("%3", info.verification_code)
            )
        else:
            self.header.hide()

        self.zoom_out_button = self._tool_button("−", self.tr("Zoom out (Ctrl+-)"), self.zoom_out)
        self.zoom_in_button = self._tool_button("+", self.tr("Zoom in (Ctrl++)"), self.zoom_in)
        self.fit_button = QPushButton(self.tr("Fit width"))
        self.fit_button.setToolTip(self.tr("Show the whole width of the page (Ctrl+0)"))
        self.fit_button.setCheckable(True)
        self.fit_button.clicked.connect(self.fit_width)
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(48)
        self.page_label = QLabel()
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setToolTip(self.tr("Send to a printer (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self.tr("Save…"))
        self.save_button.setToolTip(self.tr("Save the PDF to a file (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_document)
        close_button = QPushButton(self.tr("Close"))
        close_button.clicked.connect(self.reject)
        for button in (self.fit_button, self.print_button, self.save_button, close_button):
            button.setAutoDefault(False)  # Enter in the viewer prints nothing by surprise

        for keys, slot in (
            (QKeySequence.StandardKey.ZoomIn, self.zoom_in),
            (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
            (QKeySequence.StandardKey.Print, self.print_document),
            (QKeySequence.StandardKey.Save, self.save_document),
        ):
            QShortcut(QKeySequence(keys), self, slot)
        QShortcut(QKeySequence("Ctrl+0"), self, self.fit_width)

        tools = QHBoxLayout()
        tools.addWidget(self.zoom_out_button)
        tools.addWidget(self.zoom_in_button)
        tools.addWidget(self.fit_button)
        tools.addWidget(self.zoom_label)
        tools.addStretch(1)
        tools.addWidget(self.page_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        self.view.pageNavigator().currentPageChanged.connect(self._show_page)
        self.view.zoomFactorChanged.connect(self._show_zoom)
        self.view.zoomModeChanged.connect(self._show_zoom)
        self._show_page(self.view.pageNavigator().currentPage())
        self._show_zoom()
        self.resize(760, 900)
        self.print_button.setFocus()

    def _tool_button(self, text: str, tip: str, slot: Callable[[], None]) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setMinimumWidth(32)
        button.clicked.connect(slot)
        return button

    # --- looking -----------------------------------------------------------------------------------

    def page_count(self) -> int:
        return self.document.pageCount()

    @Slot(int)
    def _show_page(self, page: int) -> None:
        self.page_label.setText(
            self.tr("Page %1 of %2").replace("%1", str(page + 1)).replace("%2", str(self.page_count()))
        )

    @Slot()
    def _show_zoom(self) -> None:
        fitting = self.view.zoomMode() is QPdfView.ZoomMode.FitToWidth
        self.fit_button.setChecked(fitting)
        self.zoom_label.setText("" if fitting else f"{round(self.view.zoomFactor() * 100)} %")

    def _zoom_by(self, factor: float) -> None:
        current = self._effective_zoom()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(MAX_ZOOM, max(MIN_ZOOM, current * factor)))
        self._show_zoom()

    def _effective_zoom(self) -> float:
        """The zoom as shown: in "fit width" mode the factor is whatever fits the page to the view."""
        if self.view.zoomMode() is QPdfView.ZoomMode.Custom or self.page_count() == 0:
            return self.view.zoomFactor()
        page_width = self.document.pagePointSize(0).width() * self.logicalDpiX() / 72
        return max(MIN_ZOOM, self.view.viewport().width() / page_width) if page_width else 1.0

    @Slot()
    def zoom_in(self) -> None:
        self._zoom_by(ZOOM_STEP)

    @Slot()
    def zoom_out(self) -> None:
        self._zoom_by(1 / ZOOM_STEP)

    @Slot()
    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._show_zoom()

    # --- saving ------------------------------------------------------------------------------------

    def choose_save_path(self) -> str | None:
        """Ask where to save; None when the person gives up. Tests replace this."""
        path, _chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the document"),
            str(Path.home() / self.suggested_name),
            self.tr("PDF document (*.pdf)"),
        )
        return path or None

    @Slot()
    def save_document(self) -> None:
        path = self.choose_save_path()
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Write the PDF to ``path`` (".pdf" added when missing); a failure is told, not raised."""
        if not path.suffix:
            path = path.with_suffix(".pdf")
        try:
            path.write_bytes(self.pdf)
        except OSError as exc:
            self.warn(
                self.tr("The document could not be saved to %1: %2")
                .replace("%1", str(path))
                .replace("%2", exc.strerror or str(exc))
            )
            return False
        self.saved.emit(str(path))
        return True

    # --- printing ----------------------------------------------------------------------------------

    def run_print_dialog(self, printer: QPrinter) -> bool:
        """Let the person choose the printer and pages; False when they cancel. Tests replace this."""
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, True)
        return dialog.exec() == QDialog.DialogCode.Accepted

    @Slot()
    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        printer.setFromTo(1, max(1, self.page_count()))
        if self.run_print_dialog(printer):
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Paint the pages the printer asks for (all, or its page range); returns how many were sent."""
        count = self.page_count()
        first, last = printer.fromPage(), printer.toPage()
        if printer.printRange() is not QPrinter.PrintRange.PageRange or first < 1:
            first, last = 1, count
        pages = range(first - 1, min(last, count))
        if not pages:
            return 0
        self._orient(printer, pages[0])
        painter = QPainter()
        if not painter.begin(printer):
            self.warn(self.tr("The printer could not be opened."))
            return 0
        # a batch of hundreds of pages takes minutes: say how far it is and let the person stop it
        progress = None
        if len(pages) > PAGES_WITHOUT_PROGRESS:
            progress = QProgressDialog(self.tr("Sending pages to the printer…"), self.tr("Stop"), 0, len(pages), self)
            progress.setWindowModality(Qt.WindowModality.WindowModal)
            progress.setMinimumDuration(0)
        sent = 0
        try:
            for position, page in enumerate(pages):
                if progress is not None:
                    progress.setValue(position)  # also lets the window repaint and Stop be pressed
                    if progress.wasCanceled():
                        printer.abort()
                        break
                if position:
                    self._orient(printer, page)
                    printer.newPage()
                self._paint_page(painter, printer, page)
                sent += 1
        finally:
            painter.end()
            if progress is not None:
                progress.close()
        self.printed.emit(sent)
        return sent

    def _orient(self, printer: QPrinter, page: int) -> None:
        size = self.document.pagePointSize(page)
        landscape = size.width() > size.height()
        printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)

    def _paint_page(self, painter: QPainter, printer: QPrinter, page: int) -> None:
        """The page as an image, as large as the paper allows and centred, never stretched."""
        target = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
        target.moveTo(0, 0)  # the painter's origin is the printable area's corner
        points = self.document.pagePointSize(page)
        if points.isEmpty():
            return
        scale = min(target.width() / points.width(), target.height() / points.height())
        width, height = points.width() * scale, points.height() * scale
        dpi = min(float(printer.resolution()), MAX_PRINT_DPI)
        image = self.document.render(page, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72)))
        if image.isNull():
            return
        if image.hasAlphaChannel():  # PDFium leaves the paper transparent
            image = _on_white(image)
        corner = QPointF(target.left() + (target.width() - width) / 2, target.top() + (target.height() - height) / 2)
        painter.drawImage(QRectF(corner.x(), corner.y(), width, height), image)

    # --- telling -----------------------------------------------------------------------------------

    def warn(self, text: str) -> None:
        """A problem in a message box that does not block (so tests and the person can go on)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.windowTitle(), text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_message = box
        box.open()


def _on_white(image: QImage) -> QImage:
    paper = QImage(image.size(), QImage.Format.Format_RGB32)
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    return paper


def preview_title(printed: PrintedDocument, person: str = "") -> str:
    """The preview's window title: what the paper is, its number, and whether it is a reprint."""
    if printed.reprint:
        text = QCoreApplication.translate("PdfPreviewDialog", "Reprint of %1").replace("%1", printed.info.number)
    else:
        text = f"{labels.document_kind(printed.info.kind)} {printed.info.number}"
    return f"{text} — {person}" if person else text


def suggested_file_name(printed: PrintedDocument) -> str:
    """``ATT-TNG-2026-00001 TNG-2026-00042.pdf``: the number first, so the files sort like the register."""
    parts = [printed.info.number, printed.info.person_code]
    return " ".join(p for p in parts if p).replace("/", "-") + ".pdf"


def open_preview(
    printed: PrintedDocument,
    parent: QWidget | None,
    person: str = "",
    on_saved: Callable[[str], None] | None = None,
) -> PdfPreviewDialog:
    """Show a printed document in its own window (the record stays usable behind it) and return it.

    ``on_saved(path)`` hears where the person saved it (the services audit that export).
    """
    dialog = PdfPreviewDialog(
        printed.pdf, preview_title(printed, person), suggested_file_name(printed), parent, info=printed.info
    )
    if on_saved is not None:
        dialog.saved.connect(on_saved)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
