"""A counsellor's day with the follow-up, as a new user would live it, through the main window.

She records a session with a follow-up tomorrow and finds it in the agenda, refers the person to
ANAPEC and prints the letter in Arabic; weeks later the partner's slip comes back and is typed in, and
the coordinator sees the referral still waiting for another partner's answer.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from hubdesk.domain.enums import ReferralStatus, Role
from hubdesk.services.facade import Services
from hubdesk.ui.feedback_dialog import FeedbackDialog
from hubdesk.ui.main_window import MainWindow
from hubdesk.ui.referral_dialog import ReferralDialog
from hubdesk.ui.session_dialog import SessionDialog
from tests.integration.guidance_helpers import referral_to, sharing_person
from tests.integration.test_document_register import PASSWORD
from tests.pdf_reading import has_all_words

TODAY = date.today()


def texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    """Every line a view of ``model`` shows (a tree's children too), its cells joined."""
    parent = parent or QModelIndex()
    lines = []
    for row in range(model.rowCount(parent)):
        cells = [
            str(model.index(row, c, parent).data(Qt.ItemDataRole.DisplayRole) or "")
            for c in range(model.columnCount(parent))
        ]
        lines.append(" | ".join(cells))
        first = model.index(row, 0, parent)
        if model.rowCount(first) > 0:
            lines.extend(texts(model, first))
    return lines


def answering(fill: Callable[[QDialog], None]) -> Callable[[QDialog], bool]:
    """The person fills the dialog in and presses its button (instead of waiting in exec())."""

    def ask(dialog: QDialog) -> bool:
        dialog.show()
        fill(dialog)
        return dialog.result() == QDialog.DialogCode.Accepted

    return ask


def window_for(qtbot: QtBot, services: Services) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_counsellors_day_from_the_session_to_the_stuck_referrals(qtbot: QtBot, services: Services) -> None:
    person = sharing_person(services, "Aminata", "Diallo")
    other = sharing_person(services, "Moussa", "Traore")
    services.accounts.create_user(services.actor(), "samira", "Samira Benali", PASSWORD, Role.COUNSELLOR)
    counsellor = Services(services.database)
    counsellor.login("samira", PASSWORD)
    window = window_for(qtbot, counsellor)

    # 1. she opens the person and records the session, with a follow-up tomorrow
    window.open_beneficiary(person.id)
    panel = window.record.follow_up
    assert panel is not None and panel.isVisible()

    def session(dialog: QDialog) -> None:
        assert isinstance(dialog, SessionDialog)
        qtbot.keyClicks(dialog.topics, "CV, ANAPEC")
        qtbot.keyClicks(dialog.notes, "Cook, wants a first job in a hotel")
        dialog.has_follow_up.setChecked(True)
        dialog.follow_up.setDate(QDate(TODAY.year, TODAY.month, TODAY.day).addDays(1))
        dialog.save_button.click()

    panel.ask = answering(session)  # type: ignore[method-assign]
    panel.session_button.click()
    assert any("CV, ANAPEC" in line for line in texts(panel.timeline))

    # 2. tomorrow's follow-ups are in her agenda
    window.show_agenda()
    assert window.agenda.isVisible()
    agenda = texts(window.agenda.model)
    assert any("Aminata Diallo" in line for line in agenda)

    # 3. she refers the person to ANAPEC, letter in Arabic
    window.open_beneficiary(person.id)

    def refer(dialog: QDialog) -> None:
        assert isinstance(dialog, ReferralDialog)
        qtbot.keyClicks(dialog.partner.lineEdit(), "anapec")
        dialog.service.setCurrentText("Idmaj")
        dialog.language.setCurrentIndex(dialog.language.findData("ar"))
        dialog.send_button.click()

    panel.referral_actions.ask = answering(refer)  # type: ignore[method-assign]
    panel.refer_button.click()
    letter = panel.referral_actions.preview
    assert letter is not None and letter.isVisible()
    referral = counsellor.referrals.of_person(person.id)[0]
    assert referral.status is ReferralStatus.SENT and has_all_words(letter.pdf, referral.code)
    printed = counsellor.documents.register()
    assert [(d.kind.value, d.language) for d in printed] == [("referral_letter", "ar")]
    letter.close()
    # another person was sent to OFPPT the same day, and OFPPT never answers
    stuck = counsellor.referrals.create(other.id, referral_to(counsellor, "OFPPT"), send=True)
    window.close()

    # 4. three weeks later ANAPEC's slip comes back: she types it on the Referrals page
    later = Services(services.database, today=lambda: TODAY + timedelta(days=21))
    later.login("samira", PASSWORD)
    window = window_for(qtbot, later)
    page = window.referrals
    window.nav.setCurrentRow(window._pages.index(page))

    def slip(dialog: QDialog) -> None:
        assert isinstance(dialog, FeedbackDialog)
        qtbot.keyClicks(dialog.code, referral.code.lower().replace("-", " "))
        qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
        qtbot.keyClick(dialog, Qt.Key.Key_2)  # service provided
        dialog.ok_button.click()

    page.referral_actions.ask = answering(slip)  # type: ignore[method-assign]
    page.table.clearSelection()
    page.feedback_button.click()
    assert later.referrals.get(referral.id).status is ReferralStatus.COMPLETED
    qtbot.waitUntil(lambda: any("ANAPEC" in line for line in texts(page.figures_model)), timeout=5000)
    window.close()

    # 5. the coordinator sees which referrals are stuck
    services.accounts.create_user(services.actor(), "coord", "Nadia Coordinatrice", PASSWORD, Role.COORDINATOR)
    coordinator = Services(services.database, today=lambda: TODAY + timedelta(days=21))
    coordinator.login("coord", PASSWORD)
    window = window_for(qtbot, coordinator)
    window.nav.setCurrentRow(window._pages.index(window.referrals))
    window.referrals.overdue_check.setChecked(True)
    overdue = texts(window.referrals.model)
    assert len(overdue) == 1 and stuck.code in overdue[0]
    window.show_agenda()
    assert any(stuck.code in line for line in texts(window.agenda.awaiting_table.model()))
    # and that Aminata's follow-up, due the day after the session, was never held: 20 days late
    assert any("Aminata Diallo" in line and "20" in line for line in texts(window.agenda.model))
    assert "Agenda (2)" in window._agenda_item.text()
