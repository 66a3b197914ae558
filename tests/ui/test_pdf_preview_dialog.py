"""The PDF preview: pages shown, zoom, Save writes the same bytes, Print sends every page."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from hubdesk.domain.enums import DocumentKind
from hubdesk.services.document_files import sample_pdf
from hubdesk.ui.pdf_preview_dialog import PdfPreviewDialog
from tests.pdf_reading import page_count


@pytest.fixture(scope="module")
def letter() -> bytes:
    """A real document of more than one page (the referral letter and its feedback slip)."""
    pdf = sample_pdf(DocumentKind.REFERRAL_LETTER, "fr")
    assert page_count(pdf) >= 2
    return pdf


def _dialog(qtbot: QtBot, pdf: bytes) -> PdfPreviewDialog:
    dialog = PdfPreviewDialog(pdf, "Referral letter", "REF-2026-0001.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_preview_shows_every_page(qtbot: QtBot, letter: bytes) -> None:
    dialog = _dialog(qtbot, letter)
    assert dialog.page_count() == page_count(letter)
    assert dialog.page_label.text() == f"Page 1 of {page_count(letter)}"
    assert dialog.view.pageMode() is QPdfView.PageMode.MultiPage
    assert dialog.header.isHidden()  # no register row given: no number to show


def test_zoom_in_out_and_back_to_the_page_width(qtbot: QtBot, letter: bytes) -> None:
    dialog = _dialog(qtbot, letter)
    dialog.zoom_in_button.click()
    zoomed = dialog.view.zoomFactor()
    assert dialog.view.zoomMode() is QPdfView.ZoomMode.Custom and dialog.zoom_label.text().endswith("%")
    dialog.zoom_out_button.click()
    assert dialog.view.zoomFactor() < zoomed
    dialog.fit_button.click()
    assert dialog.view.zoomMode() is QPdfView.ZoomMode.FitToWidth


def test_save_writes_the_same_bytes_to_the_chosen_file(qtbot: QtBot, letter: bytes, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, letter)
    target = tmp_path / "letter.pdf"
    dialog.choose_save_path = lambda: str(target)  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save_button.click()
    assert saved.args == [str(target)]
    assert target.read_bytes() == letter


def test_a_file_that_cannot_be_written_is_told_not_raised(qtbot: QtBot, letter: bytes, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, letter)
    dialog.choose_save_path = lambda: str(tmp_path / "no such folder" / "letter.pdf")  # type: ignore[method-assign]
    dialog.save_button.click()
    assert dialog.last_message is not None and dialog.last_message.isVisible()
    assert "could not be saved" in dialog.last_message.text()


def test_giving_up_the_save_dialog_writes_nothing(qtbot: QtBot, letter: bytes) -> None:
    dialog = _dialog(qtbot, letter)
    dialog.choose_save_path = lambda: None  # type: ignore[method-assign]
    with qtbot.assertNotEmitted(dialog.saved):
        dialog.save_button.click()


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_print_sends_every_page_to_the_printer(qtbot: QtBot, letter: bytes, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, letter)
    out = tmp_path / "printed.pdf"
    chosen: list[QPrinter] = []

    def choose(printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # "print to file": no real printer
        printer.setOutputFileName(str(out))
        chosen.append(printer)
        return True

    dialog.run_print_dialog = choose  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.printed) as printed:
        dialog.print_button.click()
    assert chosen and printed.args == [page_count(letter)]
    assert page_count(out.read_bytes()) == page_count(letter)


def test_print_honours_the_page_range(qtbot: QtBot, letter: bytes, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, letter)
    printer = _pdf_printer(tmp_path / "page2.pdf")
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 2)
    assert dialog.print_to(printer) == 1
    assert page_count((tmp_path / "page2.pdf").read_bytes()) == 1


def test_a_landscape_certificate_prints_on_landscape_paper(qtbot: QtBot, tmp_path: Path) -> None:
    certificate = sample_pdf(DocumentKind.CERTIFICATE, "en")
    dialog = _dialog(qtbot, certificate)
    out = tmp_path / "certificate.pdf"
    assert dialog.print_to(_pdf_printer(out)) == 1
    page = pypdfium2.PdfDocument(out.read_bytes())[0]
    assert page.get_width() > page.get_height()


def test_cancelling_the_print_dialog_prints_nothing(qtbot: QtBot, letter: bytes) -> None:
    dialog = _dialog(qtbot, letter)
    dialog.run_print_dialog = lambda printer: False  # type: ignore[method-assign]
    with qtbot.assertNotEmitted(dialog.printed):
        dialog.print_button.click()


def test_escape_closes(qtbot: QtBot, letter: bytes) -> None:
    dialog = _dialog(qtbot, letter)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
