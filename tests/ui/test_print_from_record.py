"""Printing from a person's record: attestation and summary sheet, preview, register, who may print."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from hubdesk.domain.enums import DocumentKind, Role, SupportKind
from hubdesk.domain.errors import NotFound
from hubdesk.services.facade import Services
from hubdesk.services.person_documents import PersonDocuments
from hubdesk.ui.attestation_dialog import AttestationDialog
from hubdesk.ui.beneficiary_record_page import BeneficiaryRecordPage
from tests.integration.test_beneficiary_service import person
from tests.integration.test_document_register import as_role
from tests.pdf_reading import has_all_words, pdf_text


def _page(qtbot: QtBot, services: Services, beneficiary_id: str) -> BeneficiaryRecordPage:
    page = BeneficiaryRecordPage(services)
    qtbot.addWidget(page)
    page.show()
    page.show_beneficiary(beneficiary_id)
    return page


def test_print_support_attestation_opens_the_preview_and_records_it(qtbot: QtBot, services: Services) -> None:
    saved = services.beneficiaries.create(person(arabic_name="أميناتا ديالو"))
    page = _page(qtbot, services, saved.id)
    assert page.print_button.isVisible()
    seen: list[date] = []

    def accept_the_options() -> None:  # the person ticks one more kind of support and presses Print
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AttestationDialog)
        seen.append(dialog.choice().request.since)
        dialog.supports[SupportKind.AUTO_ENTREPRENEUR].setChecked(True)
        dialog.ok_button.click()

    QTimer.singleShot(0, accept_the_options)
    page.attestation_action.trigger()

    assert seen == [date(2026, 3, 2)]  # the registration date of the person
    preview = page.preview
    assert preview is not None and preview.isVisible()
    assert preview.page_count() >= 1
    assert has_all_words(preview.pdf, f"{saved.code} Aminata DIALLO")
    assert has_all_words(preview.pdf, "auto-entrepreneur")
    register = services.documents.register()
    assert len(register) == 1 and register[0].kind is DocumentKind.ATTESTATION
    assert register[0].number in preview.windowTitle() and register[0].number in preview.header.text()
    assert register[0].verification_code in preview.header.text()
    assert preview.suggested_name == f"{register[0].number} {saved.code}.pdf"


def test_printing_it_again_says_reprint_and_keeps_the_number(qtbot: QtBot, services: Services) -> None:
    saved = services.beneficiaries.create(person())
    page = _page(qtbot, services, saved.id)
    page.ask_attestation = lambda dialog: True  # type: ignore[method-assign]
    page.attestation_action.trigger()
    first = page.preview
    assert first is not None and "Reprint" not in first.windowTitle()
    number = services.documents.register()[0].number
    page.attestation_action.trigger()
    assert page.preview is not None and page.preview is not first
    assert f"Reprint of {number}" in page.preview.windowTitle()
    assert len(services.documents.register()) == 1


def test_summary_sheet_in_arabic(qtbot: QtBot, services: Services) -> None:
    saved = services.beneficiaries.create(person(arabic_name="أميناتا ديالو"))
    page = _page(qtbot, services, saved.id)
    assert set(page.summary_actions) == {"fr", "ar", "en"}
    page.summary_actions["ar"].trigger()
    assert page.preview is not None
    assert has_all_words(page.preview.pdf, "أميناتا ديالو")
    assert has_all_words(page.preview.pdf, saved.code)
    row = services.documents.register()[0]
    assert row.kind is DocumentKind.SUMMARY and row.language == "ar"


def test_cancelling_the_options_prints_nothing(qtbot: QtBot, services: Services) -> None:
    saved = services.beneficiaries.create(person())
    page = _page(qtbot, services, saved.id)
    page.ask_attestation = lambda dialog: False  # type: ignore[method-assign]
    page.attestation_action.trigger()
    assert page.preview is None and services.documents.register() == []


def test_a_refused_print_shows_the_message_and_keeps_the_options(qtbot: QtBot, services: Services) -> None:
    saved = services.beneficiaries.create(person())
    page = _page(qtbot, services, saved.id)
    offered: list[str] = []

    def choose(dialog: AttestationDialog) -> bool:
        offered.append(dialog.purpose.toPlainText())
        dialog.purpose.setPlainText("Residence permit renewal")
        return True

    def fail(*_args: object) -> None:
        raise NotFound("This person's record was deleted.")

    page.ask_attestation = choose  # type: ignore[method-assign]
    original = PersonDocuments.attestation
    services.person_documents.attestation = fail  # type: ignore[method-assign,assignment]
    page.attestation_action.trigger()
    boxes = [box for box in page.findChildren(QMessageBox) if box.isVisible()]
    assert boxes and "deleted" in boxes[0].text()
    assert page.preview is None
    services.person_documents.attestation = original.__get__(services.person_documents)  # type: ignore[method-assign]
    page.attestation_action.trigger()  # the options come back as they were chosen
    assert offered == ["", "Residence permit renewal"]
    assert page.preview is not None and "Residence" in pdf_text(page.preview.pdf)


def test_who_sees_the_print_button(qtbot: QtBot, services: Services) -> None:
    saved = services.beneficiaries.create(person())
    for role, visible in (
        (Role.COUNSELLOR, True),
        (Role.COORDINATOR, True),
        (Role.DATA_OFFICER, False),
        (Role.READ_ONLY, False),
    ):
        page = _page(qtbot, as_role(services, role), saved.id)
        assert page.print_button.isVisible() is visible, role


def test_saving_the_printed_paper_to_a_file_shows_in_the_history(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    saved = services.beneficiaries.create(person())
    page = _page(qtbot, services, saved.id)
    QTimer.singleShot(0, lambda: _press_print(QApplication.activeModalWidget()))
    page.attestation_action.trigger()
    preview = page.preview
    assert preview is not None
    target = tmp_path / "attestation.pdf"

    assert preview.save_to(target)

    assert target.read_bytes() == preview.pdf
    assert any(
        entry.summary.startswith("saved ATT-TNG-") and str(target) in entry.summary for entry in page.history.items()
    )


def _press_print(dialog: QWidget | None) -> None:
    assert isinstance(dialog, AttestationDialog)
    dialog.ok_button.click()
