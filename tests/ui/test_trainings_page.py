"""The Trainings page: the list searched and filtered, a training opened and left, the training form."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from hubdesk.domain.enums import TrainingTheme
from hubdesk.services.facade import Services
from hubdesk.services.venture_readmodels import TrainingDraft
from hubdesk.ui import unsaved_changes
from hubdesk.ui.training_dialog import TrainingDialog
from hubdesk.ui.trainings_page import TrainingsPage
from tests.integration.venture_helpers import TODAY, people, training


@pytest.fixture(autouse=True)
def discard_without_asking(monkeypatch: pytest.MonkeyPatch) -> None:
    """A form left open at the end of a test is closed by qtbot: no modal question then."""
    monkeypatch.setattr(unsaved_changes, "confirm_discard", lambda parent: True)


@pytest.fixture
def page(qtbot: QtBot, services: Services) -> TrainingsPage:
    listing = TrainingsPage(services)
    qtbot.addWidget(listing)
    listing.resize(1200, 700)
    listing.show()
    return listing


def _texts(listing: TrainingsPage, column: int) -> list[str]:
    return [str(listing.model.index(r, column).data()) for r in range(listing.model.rowCount())]


def test_the_list_is_searched_and_filtered_by_theme(qtbot: QtBot, services: Services) -> None:
    training(services, title="Créer son entreprise")
    services.trainings.create(
        TrainingDraft("Excel for beginners", TrainingTheme.DIGITAL, "Youssef Alami", days=[(TODAY, 2.0)])
    )
    listing = TrainingsPage(services)
    qtbot.addWidget(listing)
    with qtbot.waitActive(listing):  # active, as on a desk: the shortcuts work
        listing.show()
        listing.activateWindow()
    assert sorted(_texts(listing, listing.model.TITLE)) == ["Créer son entreprise", "Excel for beginners"]
    assert "Digital" in _texts(listing, listing.model.THEME)
    listing.table.setFocus()
    qtbot.keyClick(listing.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert listing.search_edit.hasFocus()
    qtbot.keyClicks(listing.search_edit, "youssef")
    qtbot.keyClick(listing.search_edit, Qt.Key.Key_Return)
    assert listing.search_edit.text() == "youssef", listing.model.query
    assert _texts(listing, listing.model.TITLE) == ["Excel for beginners"], listing.model.query
    listing.search_edit.clear()
    listing.theme_filter.setCurrentIndex(listing.theme_filter.findData(TrainingTheme.ENTREPRENEURSHIP.value))
    assert _texts(listing, listing.model.TITLE) == ["Créer son entreprise"]
    assert _texts(listing, listing.model.DAYS) == ["5"] and listing.count_label.text().startswith("1 ")


def test_enter_opens_a_training_and_back_asks_about_unsaved_ticks(
    qtbot: QtBot, services: Services, page: TrainingsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    training_id = training(services)
    services.trainings.enrol(training_id, [people(services, 1)[0].id])
    page.refresh()
    page.table.selectRow(0)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    detail = page.training_page
    assert page.stack.currentWidget() is detail and detail.training is not None and detail.training.id == training_id
    detail.model.set_ticked(0, detail.model.days[0], True)
    monkeypatch.setattr(unsaved_changes, "confirm_discard", lambda parent: False)
    detail.back_button.click()
    assert page.stack.currentWidget() is detail and detail.model.has_changes()
    monkeypatch.setattr(unsaved_changes, "confirm_discard", lambda parent: True)
    detail.back_button.click()
    assert page.stack.currentWidget() is page.list_page
    assert page.selected_training() is not None and page.selected_training().id == training_id  # type: ignore[union-attr]


def test_show_training_opens_one_directly(services: Services, page: TrainingsPage) -> None:
    training_id = training(services, title="Financial education")
    assert page.show_training(training_id)
    assert "Financial education" in page.training_page.title.text()


def test_the_form_shows_what_is_missing_next_to_the_field_and_keeps_it(qtbot: QtBot, services: Services) -> None:
    dialog = TrainingDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.share_spin.value() == 80 and len(dialog.days_editor.days()) == 1
    dialog.days_editor.remove_buttons()[0].click()
    qtbot.keyClicks(dialog.trainer_edit, "Salma Bennani")
    dialog.save_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.saved_id is None
    assert dialog.form.errors["title"].isVisible() and "title" in dialog.form.errors["title"].text()
    assert dialog.form.errors["days"].isVisible() and "days" in dialog.form.errors["days"].text()
    assert dialog.trainer_edit.text() == "Salma Bennani"
    qtbot.keyClicks(dialog.title_edit, "Soft skills at work")
    dialog.days_editor.add_button.click()
    dialog.days_editor.add_button.click()
    assert [on for on, _ in dialog.days_editor.days()] == [TODAY, TODAY + timedelta(days=1)]
    dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.saved_id is not None
    saved = services.trainings.get(dialog.saved_id)
    assert saved.draft.title == "Soft skills at work" and len(saved.days) == 2 and saved.draft.completion_share == 0.8


def test_a_day_with_attendance_cannot_be_removed(qtbot: QtBot, services: Services) -> None:
    training_id = training(services, days=3)
    enrolment = people(services, 1)[0]
    services.trainings.enrol(training_id, [enrolment.id])
    info = services.trainings.get(training_id)
    services.trainings.mark_attendance(training_id, info.days[0].held_on, [info.trainees[0].enrolment_id])
    dialog = TrainingDialog(services, training=services.trainings.get(training_id))
    qtbot.addWidget(dialog)
    dialog.show()
    assert len(dialog.days_editor.days()) == 3
    dialog.days_editor.remove_buttons()[0].click()
    dialog.save_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "has attendance marked" in dialog.form.errors["days"].text()
    assert len(services.trainings.get(training_id).days) == 3


def test_a_new_training_opens_once_saved(qtbot: QtBot, page: TrainingsPage) -> None:
    def fill_in(dialog: QDialog) -> bool:
        assert isinstance(dialog, TrainingDialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.keyClicks(dialog.title_edit, "Digital marketing")
        dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData(TrainingTheme.DIGITAL.value))
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter saves
        return dialog.result() == QDialog.DialogCode.Accepted

    page.run_dialog = fill_in  # type: ignore[method-assign]
    page.new_button.click()
    assert page.stack.currentWidget() is page.training_page
    assert "Digital marketing" in page.training_page.title.text()
    assert "Digital" in page.training_page.details.text()


def test_a_place_kept_past_five_hundred_trainings_still_lists_them_all_after_a_refresh(
    qtbot: QtBot, page: TrainingsPage, services: Services
) -> None:
    for number in range(520):  # more than one call of the services used to give (500)
        services.trainings.create(
            TrainingDraft(f"Atelier {number:03}", TrainingTheme.DIGITAL, "Youssef Alami", days=[(TODAY, 2.0)])
        )
    page.refresh()
    while page.model.canFetchMore():  # as the table asks while the person scrolls to the end
        page.model.fetchMore()
    page.table.scrollToBottom()
    page.refresh()
    assert page.model.rowCount() == 520 and _texts(page, page.model.CODE)[-1].endswith("0001")
    qtbot.waitUntil(lambda: page.count_label.text() == "520 trainings", timeout=5000)
    QThreadPool.globalInstance().waitForDone(5000)  # the count of the first refresh too, before the database closes
