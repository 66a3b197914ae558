"""A training run as a coordinator does: created, three people enrolled by name, attendance ticked and saved,
certificates printed in French and in Arabic for those who completed, a sign-in sheet saved."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from hubdesk.domain.enums import DocumentKind, Role
from hubdesk.services.facade import Services
from hubdesk.ui import unsaved_changes
from hubdesk.ui.training_dialog import TrainingDialog
from hubdesk.ui.training_page import TrainingPage
from hubdesk.ui.training_print_dialog import PrintChoiceDialog
from hubdesk.ui.trainings_page import TrainingsPage
from tests.integration.test_document_register import as_role
from tests.integration.venture_helpers import TODAY, people, training
from tests.pdf_reading import pdf_text, words


def _page(qtbot: QtBot, services: Services, training_id: str) -> TrainingPage:
    page = TrainingPage(services)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    assert page.show_training(training_id)
    return page


def _row(page: TrainingPage, first_name: str) -> int:
    return next(r for r, t in enumerate(page.model.trainees()) if t.person_name.startswith(first_name))


def _click_box(qtbot: QtBot, page: TrainingPage, row: int, column: int) -> None:
    """Click the tick box of a cell, as a person does."""
    rect = page.table.visualRect(page.model.index(row, column))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 11, rect.center().y()))


def _enrol_by_typing(qtbot: QtBot, page: TrainingPage, names: list[str]) -> None:
    page.enrol_button.click()
    assert page.enrol_box.isVisible()
    for name in names:
        qtbot.keyClicks(page.picker.box, name)
        qtbot.keyClick(page.picker.box, Qt.Key.Key_Return)
    page.enrol_them_button.click()


def _choose(lang: str, *, as_zip: bool = False) -> object:
    def answer(dialog: PrintChoiceDialog) -> bool:
        dialog.language.setCurrentIndex(dialog.language.findData(lang))
        dialog.zip.setChecked(as_zip)
        return True

    return answer


def _completed_column(page: TrainingPage) -> list[str]:
    column = page.model.completed_column
    return [str(page.model.index(r, column).data()) for r in range(page.model.rowCount())]


def test_a_training_from_creation_to_certificates_in_french_and_arabic(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    trio = people(services, 3)  # Aminata Diallo, Moussa Traoré, Fatou Ndiaye
    trainings = TrainingsPage(services)
    qtbot.addWidget(trainings)
    trainings.resize(1200, 700)
    trainings.show()

    def fill_in(dialog: QDialog) -> bool:
        assert isinstance(dialog, TrainingDialog)
        qtbot.keyClicks(dialog.title_edit, "Create your business")
        qtbot.keyClicks(dialog.trainer_edit, "Salma Bennani")
        dialog.days_editor.date_edits()[0].setDate(dialog.days_editor.date_edits()[0].date().addDays(-10))
        for _ in range(4):
            dialog.days_editor.add_button.click()
        dialog.save_button.click()
        return dialog.result() == QDialog.DialogCode.Accepted

    trainings.run_dialog = fill_in  # type: ignore[method-assign]
    trainings.new_button.click()
    page = trainings.training_page
    assert trainings.stack.currentWidget() is page and page.training is not None
    assert page.model.columnCount() == 2 + 5 + 2
    assert "Create your business" in page.title.text() and "80% of the days (4 of 5)" in page.details.text()

    _enrol_by_typing(qtbot, page, ["Aminata", "Moussa", "Fatou"])
    assert page.model.rowCount() == 3 and not page.enrol_box.isVisible()
    attended = {"Aminata": 4, "Moussa": 4, "Fatou": 2}
    for name, days in attended.items():
        for n in range(days):
            _click_box(qtbot, page, _row(page, name), page.model.FIRST_DAY + n)
    assert page.save_button.isEnabled()
    assert str(page.model.index(_row(page, "Fatou"), page.model.attended_column).data()) == "2/5"
    page.save_button.click()
    assert not page.model.has_changes() and not page.save_button.isEnabled()
    saved = services.trainings.get(page.training.id)
    assert sorted(len(t.attended) for t in saved.trainees) == [2, 4, 4]
    completed = {
        t.person_name.split()[0]: text for t, text in zip(page.model.trainees(), _completed_column(page), strict=True)
    }
    assert completed == {"Aminata": "yes", "Moussa": "yes", "Fatou": "no"}

    for lang in ("fr", "ar"):
        page.batch.preview = None
        page.ask_print = _choose(lang)  # type: ignore[method-assign,assignment]
        page.certificates_button.click()
        qtbot.waitUntil(lambda: page.batch.preview is not None, timeout=30000)
        preview = page.batch.preview
        assert preview is not None and preview.page_count() == 2
        seen = words(pdf_text(preview.pdf).upper())
        assert {"AMINATA", "DIALLO", "MOUSSA", "TRAORÉ"} <= seen and "NDIAYE" not in seen
        assert "1 trainee" in page.status.text() and "left out" in page.status.text()
        preview.close()
        register = [d for d in services.documents.register(kind=DocumentKind.CERTIFICATE) if d.language == lang]
        assert len(register) == 2 and {d.person_code for d in register} == {trio[0].code, trio[1].code}

    target = tmp_path / "sheet"
    opened: list[Path] = []
    page.ask_print = _choose("fr")  # type: ignore[method-assign,assignment]
    page.choose_sheet_path = lambda suggested: str(target)  # type: ignore[method-assign]
    page.offer_open = opened.append  # type: ignore[method-assign]
    page.sheet_button.click()
    written = target.with_suffix(".pdf")
    assert opened == [written] and written.read_bytes().startswith(b"%PDF")
    assert trio[2].code in pdf_text(written.read_bytes())


def test_someone_who_did_not_complete_is_refused_a_certificate_with_the_reason(
    qtbot: QtBot, services: Services
) -> None:
    fatou = people(services, 3)[2]
    training_id = training(services, days=5)
    services.trainings.enrol(training_id, [fatou.id])
    page = _page(qtbot, services, training_id)
    page.print_certificate(page.model.trainees()[0], "fr")
    assert "did not complete" in page.status.text() and "attended 0 of 5 days" in page.status.text()
    assert services.documents.register() == []
    page.table.selectRow(0)
    page.ask_print = lambda dialog: (dialog.selected.setChecked(True), True)[1]  # type: ignore[method-assign]
    page.certificates_button.click()
    assert "Nobody has completed" not in page.status.text()
    qtbot.waitUntil(lambda: page.batch.last_message is not None, timeout=20000)
    assert page.batch.last_message is not None and "did not complete" in page.batch.last_message.text()


def test_an_exception_shows_in_the_completed_column_and_allows_the_certificate(
    qtbot: QtBot, services: Services
) -> None:
    fatou = people(services, 3)[2]
    training_id = training(services, days=5)
    services.trainings.enrol(training_id, [fatou.id])
    page = _page(qtbot, services, training_id)
    assert page.allow_button.isVisible()
    page.table.selectRow(0)
    asked: list[str] = []

    def reasons(_trainee: object, _text: str, problem: str) -> str | None:
        asked.append(problem)
        return "short" if len(asked) == 1 else ("Sat the OFPPT exam on days 3 to 5" if len(asked) == 2 else None)

    page.ask_reason = reasons  # type: ignore[method-assign,assignment]
    page.allow_button.click()
    assert asked[0] == "" and "at least 10 characters" in asked[1]
    assert _completed_column(page) == ["exception: Sat the OFPPT exam on days 3 to 5"]
    page.print_certificate(page.model.trainees()[0], "en")
    assert page.preview is not None and "NDIAYE" in pdf_text(page.preview.pdf).upper()


def test_days_to_come_are_not_checkable_and_unsaved_ticks_ask_before_leaving(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    aminata = people(services, 1)[0]
    training_id = training(services, days=4, first=TODAY - timedelta(days=1))  # yesterday, today, two to come
    services.trainings.enrol(training_id, [aminata.id])
    page = _page(qtbot, services, training_id)
    first = page.model.FIRST_DAY
    assert [bool(page.model.flags(page.model.index(0, first + n)) & Qt.ItemFlag.ItemIsEnabled) for n in range(4)] == [
        True,
        True,
        False,
        False,
    ]
    _click_box(qtbot, page, 0, first + 2)
    assert not page.model.has_changes()
    _click_box(qtbot, page, 0, first)
    assert page.model.has_changes()
    answers: list[bool] = []
    monkeypatch.setattr(unsaved_changes, "confirm_discard", lambda parent: answers.append(False) or False)
    assert not page.confirm_leave() and answers == [False]
    assert page.model.has_changes()


def test_a_refused_day_keeps_its_ticks(qtbot: QtBot, services: Services) -> None:
    aminata = people(services, 1)[0]
    training_id = training(services, days=3)
    services.trainings.enrol(training_id, [aminata.id])
    page = _page(qtbot, services, training_id)
    for n in range(2):
        _click_box(qtbot, page, 0, page.model.FIRST_DAY + n)
    real = services.trainings.mark_attendance
    calls: list[int] = []

    def second_day_fails(training: str, on: object, present: object) -> None:
        calls.append(1)
        if len(calls) == 2:
            from hubdesk.domain.errors import ValidationError

            raise ValidationError({"day": "The day is locked."})
        real(training, on, present)  # type: ignore[arg-type]

    services.trainings.mark_attendance = second_day_fails  # type: ignore[method-assign,assignment]
    page.save_button.click()
    assert "not saved" in page.status.text() and "The day is locked." in page.status.text()
    assert page.model.has_changes() and len(page.model.changed_days()) == 1
    assert str(page.model.index(0, page.model.attended_column).data()) == "2/3"


def test_a_read_only_user_sees_the_grid_without_boxes_to_tick(qtbot: QtBot, services: Services) -> None:
    aminata = people(services, 1)[0]
    training_id = training(services, days=2)
    services.trainings.enrol(training_id, [aminata.id])
    page = _page(qtbot, as_role(services, Role.READ_ONLY), training_id)
    assert not page.save_button.isVisible() and not page.enrol_button.isVisible()
    assert not page.certificates_button.isVisible() and not page.allow_button.isVisible()
    assert not page.model.flags(page.model.index(0, page.model.FIRST_DAY)) & Qt.ItemFlag.ItemIsEnabled


def test_one_certificate_from_the_context_menu(qtbot: QtBot, services: Services) -> None:
    aminata = people(services, 1)[0]
    training_id = training(services, days=2)
    services.trainings.enrol(training_id, [aminata.id])
    page = _page(qtbot, services, training_id)
    for n in range(2):
        _click_box(qtbot, page, 0, page.model.FIRST_DAY + n)
    page.save_button.click()
    page._context_menu(page.table.visualRect(page.model.index(0, 1)).center())
    menu = page.context_menu
    assert menu is not None
    arabic = next(a for a in menu.actions() if a.text() == "Certificate in Arabic")
    arabic.trigger()
    assert page.preview is not None and page.preview.isVisible()
    register = services.documents.register(kind=DocumentKind.CERTIFICATE)
    assert len(register) == 1 and register[0].language == "ar" and register[0].number in page.preview.windowTitle()
    menu.close()
