"""Attestations for several people chosen in the list: one PDF, a ZIP, or cancelled midway."""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from hubdesk.domain.enums import Role
from hubdesk.services.facade import Services
from hubdesk.services.person_documents import AttestationRequest
from hubdesk.ui.attestation_dialog import AttestationDialog
from hubdesk.ui.beneficiary_list_page import BeneficiaryListPage
from tests.integration.test_beneficiary_service import person
from tests.integration.test_document_register import as_role
from tests.pdf_reading import has_all_words, page_count

NAMES = (("Aminata", "Diallo"), ("Fatou", "Ndiaye"), ("Cheikh", "Fall"), ("Moussa", "Traore"))


@pytest.fixture
def page(qtbot: QtBot, services: Services) -> BeneficiaryListPage:
    for first, last in NAMES:
        services.beneficiaries.create(person(first, last))
    listing = BeneficiaryListPage(services)
    qtbot.addWidget(listing)
    listing.show()
    return listing


def _select(qtbot: QtBot, listing: BeneficiaryListPage, rows: Sequence[int]) -> None:
    """Click the first row, Ctrl+click the others, as a person does."""
    view = listing.table
    for n, row in enumerate(rows):
        rect = view.visualRect(listing.model.index(row, 1))
        modifier = Qt.KeyboardModifier.ControlModifier if n else Qt.KeyboardModifier.NoModifier
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def _options(as_zip: bool) -> Callable[[AttestationDialog], bool]:
    def choose(dialog: AttestationDialog) -> bool:
        (dialog.zip if as_zip else dialog.one_pdf).setChecked(True)
        return True

    return choose


def test_the_button_follows_the_selection(qtbot: QtBot, page: BeneficiaryListPage) -> None:
    assert page.print_button.isVisible() and not page.print_button.isEnabled()
    _select(qtbot, page, [0, 2])
    assert len(page.selected_rows()) == 2 and page.print_button.isEnabled()
    page.search_edit.setText("zzz")
    page.apply_filters()
    assert not page.print_button.isEnabled()


def test_three_people_in_one_pdf_open_in_the_preview(
    qtbot: QtBot, services: Services, page: BeneficiaryListPage
) -> None:
    _select(qtbot, page, [0, 1, 3])
    chosen = page.selected_rows()
    page.batch.ask = _options(as_zip=False)  # type: ignore[method-assign,assignment]
    page.print_button.click()
    assert page.batch.progress is not None and page.batch.progress.isVisible()
    qtbot.waitUntil(lambda: page.batch.preview is not None, timeout=20000)
    preview = page.batch.preview
    assert preview is not None and preview.page_count() == 3 == page_count(preview.pdf)
    for row in chosen:
        assert has_all_words(preview.pdf, f"{row.code} {row.first_name}")
    assert page.batch.progress is None and not page.batch.running
    assert len(services.documents.register()) == 3


def test_a_zip_is_saved_where_the_person_chooses(
    qtbot: QtBot, services: Services, page: BeneficiaryListPage, tmp_path: Path
) -> None:
    _select(qtbot, page, [0, 1])
    page.batch.ask = _options(as_zip=True)  # type: ignore[method-assign,assignment]
    asked: list[bool] = []
    target = tmp_path / "attestations"

    def choose_zip_path() -> str:
        asked.append(True)
        return str(target)

    page.batch.choose_zip_path = choose_zip_path  # type: ignore[method-assign]
    with qtbot.waitSignal(page.batch.printed, timeout=20000) as printed:
        page.print_button.click()
    assert printed.args == [2] and asked
    with zipfile.ZipFile(io.BytesIO(target.with_suffix(".zip").read_bytes())) as archive:
        assert len(archive.namelist()) == 2
    message = page.batch.last_message
    assert message is not None and "2 attestations saved" in message.text()


def test_the_default_zip_name_carries_the_date(qtbot: QtBot, page: BeneficiaryListPage) -> None:
    from hubdesk.ui import batch_print

    seen: list[str] = []

    def fake_dialog(_parent: Any, _title: str, default: str, _filter: str) -> tuple[str, str]:
        seen.append(default)
        return "", ""

    original = batch_print.QFileDialog.getSaveFileName
    batch_print.QFileDialog.getSaveFileName = fake_dialog  # type: ignore[assignment]
    try:
        assert page.batch.choose_zip_path() is None
    finally:
        batch_print.QFileDialog.getSaveFileName = original  # type: ignore[method-assign]
    assert Path(seen[0]).name == f"attestations-{date.today().isoformat()}.zip"


def test_cancelling_midway_records_nothing_and_says_so(
    qtbot: QtBot, services: Services, page: BeneficiaryListPage
) -> None:
    real = services.person_documents.attestations

    def slow_batch(
        ids: Sequence[str], request: AttestationRequest, lang: str, *, as_zip: bool, progress: Any, cancelled: Any
    ) -> bytes:
        def report(done: int, total: int) -> None:
            progress(done, total)
            deadline = time.monotonic() + 10
            while done == 1 and not cancelled() and time.monotonic() < deadline:
                time.sleep(0.01)  # the person presses Cancel after the first attestation

        return real(ids, request, lang, as_zip=as_zip, progress=report, cancelled=cancelled)

    services.person_documents.attestations = slow_batch  # type: ignore[method-assign,assignment]
    _select(qtbot, page, [0, 1, 2])
    page.batch.ask = _options(as_zip=False)  # type: ignore[method-assign,assignment]
    page.print_button.click()
    progress = page.batch.progress
    assert progress is not None
    qtbot.waitUntil(lambda: progress.value() == 1, timeout=20000)
    with qtbot.waitSignal(page.batch.cancelled, timeout=20000):
        cancel_button = progress.findChild(QPushButton)
        assert cancel_button is not None
        cancel_button.click()  # as the person does
    assert page.batch.preview is None and not page.batch.running
    message = page.batch.last_message
    assert message is not None and "cancelled" in message.text() and "no attestation was recorded" in message.text()
    assert services.documents.register() == []


def test_a_read_only_user_has_no_print_button(qtbot: QtBot, services: Services) -> None:
    services.beneficiaries.create(person())
    listing = BeneficiaryListPage(as_role(services, Role.READ_ONLY))
    qtbot.addWidget(listing)
    listing.show()
    assert not listing.print_button.isVisible()


def test_shift_click_selects_a_range(qtbot: QtBot, page: BeneficiaryListPage) -> None:
    page.table.selectionModel().select(
        page.model.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    page.table.setCurrentIndex(page.model.index(0, 0))
    rect = page.table.visualRect(page.model.index(3, 1))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, rect.center())
    assert len(page.selected_rows()) == 4
