"""The Documents page: verifying a paper by code, QR or file, browsing the register, cancelling."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from hubdesk.domain.document_numbers import qr_payload
from hubdesk.domain.enums import DocumentKind, Role
from hubdesk.services.document_readmodels import PrintedDocument
from hubdesk.services.facade import Services
from hubdesk.services.person_documents import AttestationRequest
from hubdesk.ui.documents_page import DocumentsPage
from hubdesk.ui.documents_table_model import DocumentsTableModel
from hubdesk.ui.main_window import MainWindow
from tests.integration.test_beneficiary_service import person
from tests.integration.test_document_register import as_role

REQUEST = AttestationRequest(since=date(2026, 3, 2))
PEOPLE = (("Aminata", "Diallo"), ("Fatou", "Ndiaye"), ("Cheikh", "Fall"))


@pytest.fixture
def printed(services: Services) -> list[PrintedDocument]:
    """One attestation each for three people, newest last."""
    documents = []
    for first, last in PEOPLE:
        saved = services.beneficiaries.create(person(first, last))
        documents.append(services.person_documents.attestation(saved.id, REQUEST, "fr"))
    return documents


def open_page(qtbot: QtBot, services: Services) -> DocumentsPage:
    page = DocumentsPage(services)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    return page


def shown_numbers(page: DocumentsPage) -> list[str]:
    return [page.proxy.index(row, DocumentsTableModel.NUMBER).data() for row in range(page.proxy.rowCount())]


def select(page: DocumentsPage, number: str) -> int:
    row = shown_numbers(page).index(number)
    page.table.selectRow(row)
    return row


def typed_code(code: str) -> str:
    """The code as someone types it in a hurry: lower case, no dash."""
    return code.replace("-", "").lower()


def verify_typing(qtbot: QtBot, page: DocumentsPage, text: str) -> None:
    page.verify_panel.code_edit.clear()
    qtbot.keyClicks(page.verify_panel.code_edit, text)
    qtbot.keyClick(page.verify_panel.code_edit, Qt.Key.Key_Return)


def test_the_register_lists_the_issued_documents_newest_first(
    qtbot: QtBot, services: Services, printed: list[PrintedDocument]
) -> None:
    page = open_page(qtbot, services)
    assert shown_numbers(page) == [p.info.number for p in reversed(printed)]
    first = printed[0].info
    row = shown_numbers(page).index(first.number)
    cell = page.proxy.index(row, DocumentsTableModel.PERSON).data()
    assert first.person_code in cell and "Aminata" in cell
    assert page.proxy.index(row, DocumentsTableModel.KIND).data() == "Attestation of support"
    assert page.proxy.index(row, DocumentsTableModel.ISSUED_BY).data() == "Admin Istrateur"
    assert page.proxy.index(row, DocumentsTableModel.STATUS).data() == "Valid"
    assert "3" in page.count_label.text()


def test_a_code_typed_in_lower_case_without_dash_is_genuine(
    qtbot: QtBot, services: Services, printed: list[PrintedDocument]
) -> None:
    page = open_page(qtbot, services)
    info = printed[1].info
    verify_typing(qtbot, page, typed_code(info.verification_code))
    panel = page.verify_panel
    assert "Genuine document" in panel.headline.text()
    assert panel.fields["number"].text() == info.number
    assert info.person_code in panel.fields["person"].text() and "Fatou" in panel.fields["person"].text()
    assert panel.fields["kind"].text() == "Attestation of support"
    assert panel.fields["issued_by"].text() == "Admin Istrateur"
    assert panel.code_edit.text() == typed_code(info.verification_code)  # the typed text stays
    assert page.selected_document() == info  # and the register shows the row


def test_a_scanned_qr_code_is_verified_on_enter(
    qtbot: QtBot, services: Services, printed: list[PrintedDocument]
) -> None:
    page = open_page(qtbot, services)
    info = printed[0].info
    verify_typing(qtbot, page, qr_payload(info.number, info.verification_code))
    assert "Genuine document" in page.verify_panel.headline.text()
    assert page.verify_panel.fields["number"].text() == info.number


def test_a_made_up_code_was_not_issued(qtbot: QtBot, services: Services, printed: list[PrintedDocument]) -> None:
    page = open_page(qtbot, services)
    verify_typing(qtbot, page, "k7qm4xpt9c")
    panel = page.verify_panel
    assert "No document with this code was issued by this HUB" in panel.headline.text()
    assert panel.details.isHidden()
    assert panel.code_edit.text() == "k7qm4xpt9c"
    verify_typing(qtbot, page, "hello")
    assert "No document with this code was issued by this HUB" in panel.headline.text()
    assert "is not a verification code" in panel.explanation.text()
    verify_typing(qtbot, page, "")
    assert "Type the verification code first" in panel.headline.text()


def test_cancelling_needs_a_reason_then_the_register_and_verification_say_so(
    qtbot: QtBot, services: Services, printed: list[PrintedDocument]
) -> None:
    page = open_page(qtbot, services)
    info = printed[0].info
    verify_typing(qtbot, page, info.verification_code)
    assert page.cancel_button.isVisible()
    row = select(page, info.number)
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    dialog = page.cancel_dialog
    assert dialog is not None and dialog.isVisible()
    assert info.number in dialog.intro.text()

    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.reason_error.isVisible()
    assert dialog.reason_error.text() == "Say why the document is cancelled."
    assert not services.documents.verify(info.verification_code).cancelled

    qtbot.keyClicks(dialog.reason_edit, "Wrong dates, reissued")
    assert not dialog.reason_error.isVisible()
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.cancel_dialog is None, timeout=2000)

    status = page.proxy.index(row, DocumentsTableModel.STATUS).data()
    assert status.startswith("Cancelled on ") and "by Admin Istrateur: Wrong dates, reissued" in status
    number_font = page.proxy.index(row, DocumentsTableModel.NUMBER).data(Qt.ItemDataRole.FontRole)
    assert isinstance(number_font, QFont) and number_font.strikeOut()
    assert not page.cancel_button.isEnabled()
    assert info.number in page.status.text()
    # the answer on display follows at once, and verifying again says the same
    assert "Cancelled on" in page.verify_panel.headline.text()
    verify_typing(qtbot, page, typed_code(info.verification_code))
    headline = page.verify_panel.headline.text()
    assert "Cancelled on" in headline and "Admin Istrateur" in headline and "Wrong dates, reissued" in headline
    assert "Genuine" not in headline


def test_keep_it_closes_the_dialog_and_cancels_nothing(
    qtbot: QtBot, services: Services, printed: list[PrintedDocument]
) -> None:
    page = open_page(qtbot, services)
    info = printed[2].info
    select(page, info.number)
    page.cancel_button.click()
    assert page.cancel_dialog is not None
    qtbot.keyClicks(page.cancel_dialog.reason_edit, "changed my mind")
    qtbot.mouseClick(page.cancel_dialog.keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.cancel_dialog is None, timeout=2000)
    assert not services.documents.verify(info.verification_code).cancelled


def test_a_counsellor_verifies_but_cannot_cancel(
    qtbot: QtBot, services: Services, printed: list[PrintedDocument]
) -> None:
    counsellor = as_role(services, Role.COUNSELLOR)
    page = open_page(qtbot, counsellor)
    assert not page.cancel_button.isVisible()
    select(page, printed[0].info.number)
    page.cancel_selected()
    assert page.cancel_dialog is None
    verify_typing(qtbot, page, typed_code(printed[0].info.verification_code))
    assert "Genuine document" in page.verify_panel.headline.text()


@pytest.mark.parametrize("role", [Role.DATA_OFFICER, Role.READ_ONLY, Role.COORDINATOR])
def test_every_role_can_verify(qtbot: QtBot, services: Services, printed: list[PrintedDocument], role: Role) -> None:
    page = open_page(qtbot, as_role(services, role))
    verify_typing(qtbot, page, printed[2].info.verification_code)
    assert "Genuine document" in page.verify_panel.headline.text()
    assert page.cancel_button.isVisible() == (role is Role.COORDINATOR)


def test_search_and_kind_narrow_the_register(qtbot: QtBot, services: Services, printed: list[PrintedDocument]) -> None:
    page = open_page(qtbot, services)
    qtbot.keyClicks(page.search_edit, "ndia")
    qtbot.waitUntil(lambda: shown_numbers(page) == [printed[1].info.number], timeout=2000)
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, printed[2].info.number.lower())
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert shown_numbers(page) == [printed[2].info.number]
    page.search_edit.clear()
    qtbot.waitUntil(lambda: len(shown_numbers(page)) == 3, timeout=2000)
    page.kind_filter.setCurrentIndex(page.kind_filter.findData(DocumentKind.CERTIFICATE.value))
    assert shown_numbers(page) == []
    page.kind_filter.setCurrentIndex(page.kind_filter.findData(DocumentKind.ATTESTATION.value))
    assert len(shown_numbers(page)) == 3


def test_check_a_pdf_file(
    qtbot: QtBot,
    services: Services,
    printed: list[PrintedDocument],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    genuine = tmp_path / "attestation.pdf"
    genuine.write_bytes(printed[1].pdf)
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(printed[1].pdf + b"\n% edited")
    chosen = [str(genuine)]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (chosen[0], "PDF"))
    page = open_page(qtbot, services)
    qtbot.mouseClick(page.verify_panel.file_button, Qt.MouseButton.LeftButton)
    assert "Genuine document" in page.verify_panel.headline.text()
    assert page.verify_panel.fields["number"].text() == printed[1].info.number

    chosen[0] = str(changed)
    qtbot.mouseClick(page.verify_panel.file_button, Qt.MouseButton.LeftButton)
    assert "No document matching this file was issued by this HUB" in page.verify_panel.headline.text()
    assert "changed.pdf" in page.verify_panel.explanation.text()

    chosen[0] = str(tmp_path / "gone.pdf")
    qtbot.mouseClick(page.verify_panel.file_button, Qt.MouseButton.LeftButton)
    assert "could not be read" in page.verify_panel.headline.text()


def test_open_person_emits_the_id(qtbot: QtBot, services: Services, printed: list[PrintedDocument]) -> None:
    page = open_page(qtbot, services)
    assert not page.open_button.isEnabled()
    select(page, printed[2].info.number)
    with qtbot.waitSignal(page.beneficiary_opened) as opened:
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [printed[2].info.beneficiary_id]


def test_the_main_window_has_the_page_and_opens_the_person(
    qtbot: QtBot, services: Services, printed: list[PrintedDocument]
) -> None:
    window = MainWindow(as_role(services, Role.COUNSELLOR))
    qtbot.addWidget(window)
    window.show()
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    window.nav.setCurrentRow(titles.index("Documents"))
    assert window.stack.currentWidget() is window.documents
    assert len(shown_numbers(window.documents)) == 3
    select(window.documents, printed[0].info.number)
    window.documents.open_button.click()
    assert window.stack.currentWidget() is window.record
    assert window.record.record is not None and window.record.record.code == printed[0].info.person_code
