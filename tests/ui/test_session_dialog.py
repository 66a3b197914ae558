"""The session dialog, driven from a person's follow-up: record, refuse with the reason, confidential notes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from hubdesk.domain.beneficiary import Consent
from hubdesk.domain.enums import ConsentPurpose, Role, SessionMode, SessionType
from hubdesk.domain.local_time import LOCAL_ZONE
from hubdesk.services.facade import Services
from hubdesk.ui import labels, unsaved_changes
from hubdesk.ui.follow_up_panel import FollowUpPanel
from hubdesk.ui.session_dialog import SessionDialog
from hubdesk.ui.timeline_model import TimelineModel
from tests.conftest import ADMIN_PASSWORD
from tests.integration.guidance_helpers import other_counsellor, sharing_person
from tests.integration.test_beneficiary_service import person
from tests.integration.test_document_register import as_role

NOTES = "Wants to work in a hotel kitchen. Brought her diploma."


def _panel(qtbot: QtBot, services: Services, beneficiary_id: str) -> FollowUpPanel:
    panel = FollowUpPanel(services)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_person(beneficiary_id, "Aminata Diallo")
    return panel


def _choose(combo: object, value: object) -> None:
    index = combo.findData(value)  # type: ignore[attr-defined]
    assert index >= 0, value
    combo.setCurrentIndex(index)  # type: ignore[attr-defined]


def _driving(
    qtbot: QtBot, fill: Callable[[SessionDialog], None], seen: list[SessionDialog]
) -> Callable[[QDialog], bool]:
    """Stands for exec(): shows the dialog, lets ``fill`` type into it and press a key, says if it was saved."""

    def ask(dialog: QDialog) -> bool:
        assert isinstance(dialog, SessionDialog)
        seen.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        fill(dialog)
        return dialog.result() == QDialog.DialogCode.Accepted

    return ask


def _cell(panel: FollowUpPanel, row: int, column: int) -> str:
    return str(panel.proxy.index(row, column).data())


def _local_today() -> datetime:
    return datetime.now(LOCAL_ZONE)


def test_a_session_with_a_follow_up_in_a_week_shows_on_the_timeline(qtbot: QtBot, services: Services) -> None:
    saved = sharing_person(services)
    panel = _panel(qtbot, services, saved.id)
    assert panel.proxy.rowCount() == 0
    seen: list[SessionDialog] = []

    def fill(dialog: SessionDialog) -> None:
        assert dialog.counsellor.currentText() == "Admin Istrateur"  # the logged-in user by default
        assert dialog.duration.value() == 45
        _choose(dialog.session_type, SessionType.JOB_SEARCH)
        _choose(dialog.mode, SessionMode.PHONE)
        qtbot.keyClicks(dialog.notes, NOTES)
        dialog.quick_buttons["+1 week"].click()
        dialog.topics.setFocus()
        qtbot.keyClicks(dialog.topics, "CV, interview")
        qtbot.keyClick(dialog.topics, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter saves

    panel.ask = _driving(qtbot, fill, seen)  # type: ignore[method-assign,assignment]
    panel.session_button.click()

    assert seen and seen[0].saved_id is not None
    in_a_week = _local_today().date() + timedelta(days=7)
    assert panel.proxy.rowCount() == 1
    assert _cell(panel, 0, TimelineModel.WHAT) == "Session — Job search and CV (by phone) · CV, interview"
    assert _cell(panel, 0, TimelineModel.STATUS) == f"Next follow-up: {labels.short_date(in_a_week)}"
    assert _cell(panel, 0, TimelineModel.BY) == "Admin Istrateur"
    stored = services.guidance.sessions(saved.id)
    assert len(stored) == 1 and stored[0].next_follow_up == in_a_week and stored[0].notes == NOTES
    assert stored[0].held_at.astimezone(LOCAL_ZONE).date() == _local_today().date()


def test_a_follow_up_before_the_session_is_refused_next_to_the_field(qtbot: QtBot, services: Services) -> None:
    saved = sharing_person(services)
    panel = _panel(qtbot, services, saved.id)
    refused: list[str] = []

    def fill(dialog: SessionDialog) -> None:
        qtbot.keyClicks(dialog.notes, NOTES)
        dialog.has_follow_up.setChecked(True)
        dialog.follow_up.setDate(dialog.held_at.date().addDays(-3))
        dialog.save_button.click()

        assert dialog.isVisible() and dialog.saved_id is None  # still open, nothing saved
        message = dialog.errors["next_follow_up"]
        assert message.isVisible() and "cannot come before the session" in message.text()
        assert not dialog.errors["held_at"].isVisible()
        assert dialog.notes.toPlainText() == NOTES  # nothing typed is lost
        assert services.guidance.sessions(saved.id) == []
        refused.append(message.text())

        # moved to a week later, the message goes at once, and Ctrl+Enter from the notes saves
        dialog.follow_up.setDate(dialog.held_at.date().addDays(7))
        assert not message.isVisible()
        with qtbot.waitActive(dialog):  # a shortcut works in the active window
            dialog.activateWindow()
        dialog.notes.setFocus()
        qtbot.keyClick(dialog.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    panel.ask = _driving(qtbot, fill, [])  # type: ignore[method-assign,assignment]
    panel.session_button.click()

    assert refused
    stored = services.guidance.sessions(saved.id)
    assert len(stored) == 1 and stored[0].notes == NOTES
    assert panel.proxy.rowCount() == 1


def test_confidential_notes_are_hidden_from_another_counsellor_not_from_a_coordinator(
    qtbot: QtBot, services: Services
) -> None:
    saved = sharing_person(services)
    panel = _panel(qtbot, services, saved.id)

    def fill(dialog: SessionDialog) -> None:
        _choose(dialog.session_type, SessionType.PSYCHOSOCIAL)
        qtbot.keyClicks(dialog.notes, NOTES)
        qtbot.keyClicks(dialog.agreed_actions, "Call back on Monday")
        dialog.confidential.setChecked(True)
        dialog.save_button.click()

    panel.ask = _driving(qtbot, fill, [])  # type: ignore[method-assign,assignment]
    panel.session_button.click()
    assert panel.proxy.rowCount() == 1

    colleague = _panel(qtbot, other_counsellor(services), saved.id)
    assert colleague.select(colleague.timeline.items()[0].key)
    what = _cell(colleague, 0, TimelineModel.WHAT)
    assert what.startswith("Session — Psychosocial listening") and what.endswith("Confidential notes")
    assert colleague.proxy.index(0, TimelineModel.WHAT).data(Qt.ItemDataRole.ToolTipRole) == "Confidential notes"
    shown = colleague.detail.toPlainText()
    assert "Confidential notes" in shown and NOTES not in shown and "Call back" not in shown
    # not theirs: they may not change or delete it either
    assert colleague.edit_session_button.isHidden() and colleague.delete_session_button.isHidden()

    coordinator = _panel(qtbot, as_role(services, Role.COORDINATOR), saved.id)
    assert coordinator.select(coordinator.timeline.items()[0].key)
    assert "Confidential notes" not in _cell(coordinator, 0, TimelineModel.WHAT)
    shown = coordinator.detail.toPlainText()
    assert NOTES in shown and "Call back on Monday" in shown
    assert coordinator.edit_session_button.isVisible() and coordinator.delete_session_button.isVisible()


def test_the_quick_buttons_count_from_the_session_day(qtbot: QtBot, services: Services) -> None:
    saved = sharing_person(services)
    dialog = SessionDialog(services, saved.id, "Aminata Diallo")
    qtbot.addWidget(dialog)
    dialog.held_at.setDate(QDate(2026, 1, 31))
    assert not dialog.follow_up.isEnabled()
    dialog.quick_buttons["+1 month"].click()
    assert dialog.has_follow_up.isChecked() and dialog.follow_up.date() == QDate(2026, 2, 28)
    dialog.quick_buttons["+2 weeks"].click()
    assert dialog.follow_up.date() == QDate(2026, 2, 14)
    draft = dialog.draft()
    assert draft.held_at.tzinfo is not None and draft.held_at.astimezone(LOCAL_ZONE).date().isoformat() == "2026-01-31"


def _shown_dialog(qtbot: QtBot, services: Services, beneficiary_id: str) -> SessionDialog:
    dialog = SessionDialog(services, beneficiary_id, "Aminata Diallo")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_enter_moves_to_the_next_field_and_only_ctrl_enter_saves(qtbot: QtBot, services: Services) -> None:
    """Enter pressed twice from the agenda once saved an empty session: Enter now only moves on."""
    saved = sharing_person(services)
    dialog = _shown_dialog(qtbot, services, saved.id)
    assert dialog.focusWidget() is dialog.topics  # the date, time and counsellor are usually right already
    assert not dialog.save_button.isDefault() and "Ctrl+Enter" in dialog.save_button.toolTip()

    for field in (dialog.held_at, dialog.duration, dialog.counsellor, dialog.session_type, dialog.mode, dialog.topics):
        field.setFocus()
        qtbot.keyClick(field, Qt.Key.Key_Return)
        assert dialog.isVisible() and dialog.saved_id is None, field
        assert dialog.focusWidget() is not field  # moved on to the next field
    qtbot.keyClick(dialog, Qt.Key.Key_Enter)  # the keypad's Enter, reaching the dialog itself
    assert dialog.isVisible() and services.guidance.sessions(saved.id) == []

    dialog.topics.setFocus()
    qtbot.keyClicks(dialog.topics, "CV")
    qtbot.keyClick(dialog.topics, Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.notes and services.guidance.sessions(saved.id) == []
    qtbot.keyClick(dialog.duration, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible() and dialog.saved_id is not None
    assert [s.topics for s in services.guidance.sessions(saved.id)] == ["CV"]


def test_esc_asks_before_throwing_typing_away(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = sharing_person(services)
    asked: list[QWidget] = []
    answer = [False]

    def confirm(parent: QWidget) -> bool:
        asked.append(parent)
        return answer[0]

    monkeypatch.setattr(unsaved_changes, "confirm_discard", confirm)
    untouched = _shown_dialog(qtbot, services, saved.id)
    qtbot.keyClick(untouched.topics, Qt.Key.Key_Escape)
    assert not untouched.isVisible() and asked == []  # nothing typed: nothing to ask

    dialog = _shown_dialog(qtbot, services, saved.id)
    dialog.notes.setFocus()
    qtbot.keyClicks(dialog.notes, NOTES)
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Escape)
    assert asked == [dialog] and dialog.isVisible() and dialog.notes.toPlainText() == NOTES  # "No": kept
    dialog.mode.setCurrentIndex(dialog.mode.findData(SessionMode.PHONE))
    dialog.notes.clear()
    dialog.reject()  # a choice changed is something typed too
    assert len(asked) == 2 and dialog.isVisible()
    answer[0] = True
    dialog.reject()
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    assert services.guidance.sessions(saved.id) == []


def test_the_discard_question_defaults_to_no(qtbot: QtBot, services: Services) -> None:
    saved = sharing_person(services)
    dialog = _shown_dialog(qtbot, services, saved.id)
    qtbot.keyClicks(dialog.topics, "CV")
    seen: list[str] = []

    def press_enter_in_the_question() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
        box.defaultButton().click()

    QTimer.singleShot(0, press_enter_in_the_question)
    dialog.reject()
    assert seen == ["Discard what you typed?"]
    assert dialog.isVisible() and dialog.topics.text() == "CV"
    dialog.topics.clear()  # back as it opened: it closes without asking
    dialog.reject()
    assert not dialog.isVisible()


def test_a_person_without_consent_to_follow_up_gets_a_session_without_notes(qtbot: QtBot, services: Services) -> None:
    saved = services.beneficiaries.create(
        person("Moussa", "Traore", consent=Consent(date(2026, 3, 2), {ConsentPurpose.CONTACT}))
    )
    dialog = SessionDialog(services, saved.id, "Moussa Traore")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    assert not dialog.follows_up and dialog.consent_note.isVisible()
    assert dialog.consent_note.text().startswith(f"{labels.isolate('Moussa Traore')} did not agree to case follow-up")
    for field in (dialog.notes, dialog.agreed_actions, dialog.has_follow_up, dialog.follow_up, dialog.confidential):
        assert not field.isEnabled(), field
    assert not any(button.isEnabled() for button in dialog.quick_buttons.values())
    assert dialog.topics.isEnabled() and dialog.session_type.isEnabled()

    qtbot.keyClicks(dialog.topics, "Information on the HUB")
    dialog.save_button.click()
    stored = services.guidance.sessions(saved.id)
    assert dialog.saved_id is not None and [s.topics for s in stored] == ["Information on the HUB"]
    assert stored[0].notes == "" and stored[0].next_follow_up is None

    agreed = _shown_dialog(qtbot, services, sharing_person(services).id)
    assert agreed.follows_up and agreed.consent_note.isHidden() and agreed.notes.isEnabled()


def test_the_form_counts_from_the_services_day(qtbot: QtBot, services: Services) -> None:
    day = date.today() - timedelta(days=40)
    past = Services(services.database, today=lambda: day)
    past.login("admin", ADMIN_PASSWORD)
    saved = sharing_person(past)
    dialog = SessionDialog(past, saved.id, "Aminata Diallo")
    qtbot.addWidget(dialog)
    assert dialog.held_at.date() == QDate(day.year, day.month, day.day)
    assert dialog.follow_up.date() == QDate(day.year, day.month, day.day).addDays(7)
    dialog.held_at.setDate(QDate(day.year, day.month, day.day).addDays(1))  # the day after the services' day
    assert "day still to come" in dialog.errors["held_at"].text()
