"""The agenda: follow-ups by when they are due, Mine / Everyone's, recording the session from it, and the
referrals waiting too long for the partner's feedback."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from hubdesk.domain.enums import ReferralOutcome, Role
from hubdesk.services.facade import Services
from hubdesk.ui.agenda_model import LATE_RED, AgendaModel, AwaitingTableModel, Section
from hubdesk.ui.agenda_page import AgendaPage
from hubdesk.ui.feedback_dialog import FeedbackDialog
from hubdesk.ui.session_dialog import SessionDialog
from tests.conftest import ADMIN_PASSWORD
from tests.integration.guidance_helpers import other_counsellor, referral_to, session_on, sharing_person
from tests.integration.test_document_register import as_role

TODAY = date.today()


@pytest.fixture
def open_page(qtbot: QtBot) -> Iterator[Callable[..., AgendaPage]]:
    def opener(hub: Services, today: Callable[[], date] = date.today) -> AgendaPage:
        page = AgendaPage(hub, today=today)
        qtbot.addWidget(page)
        page.resize(1100, 700)
        page.show()  # showing it loads the agenda
        return page

    yield opener


def section_rows(page: AgendaPage, section: Section) -> list[list[str]]:
    """What the person reads under a section: one list of cell texts per follow-up."""
    parent = page.model.section_index(section)
    return [
        [page.model.index(row, column, parent).data() for column in range(page.model.columnCount())]
        for row in range(page.model.rowCount(parent))
    ]


def people_under(page: AgendaPage, section: Section) -> list[str]:
    return [row[AgendaModel.PERSON] for row in section_rows(page, section)]


def awaiting_rows(page: AgendaPage) -> list[list[str]]:
    model = page.awaiting_model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_follow_ups_show_under_today_and_overdue_with_their_delay(
    open_page: Callable[..., AgendaPage], services: Services
) -> None:
    aminata = sharing_person(services)
    fatou = sharing_person(services, "Fatou", "Ndiaye")
    moussa = sharing_person(services, "Moussa", "Traore")
    services.guidance.record_session(aminata.id, session_on(TODAY - timedelta(days=3), 3, agreed_actions="Bring CV"))
    services.guidance.record_session(fatou.id, session_on(TODAY - timedelta(days=10), 4))
    services.guidance.record_session(moussa.id, session_on(TODAY - timedelta(days=1), 5))
    page = open_page(services)

    today = section_rows(page, Section.TODAY)
    assert len(today) == 1
    assert aminata.code in today[0][AgendaModel.PERSON] and "Aminata Diallo" in today[0][AgendaModel.PERSON]
    assert today[0][AgendaModel.COUNSELLOR] == "Admin Istrateur"
    assert today[0][AgendaModel.ACTIONS] == "Bring CV"
    overdue = section_rows(page, Section.OVERDUE)
    assert len(overdue) == 1 and "Fatou Ndiaye" in overdue[0][AgendaModel.PERSON]
    assert "6 days late" in overdue[0][AgendaModel.DUE]
    parent = page.model.section_index(Section.OVERDUE)
    assert page.model.index(0, AgendaModel.DUE, parent).data(Qt.ItemDataRole.ForegroundRole) == LATE_RED
    assert "late" not in today[0][AgendaModel.DUE]
    assert ["Moussa Traore" in text for text in people_under(page, Section.THIS_WEEK)] == [True]
    assert page.model.section_index(Section.OVERDUE).data() == "Overdue (1)"


def test_mine_or_everyones_a_colleagues_follow_up_shows_only_under_everyones(
    open_page: Callable[..., AgendaPage], services: Services
) -> None:
    aminata = sharing_person(services)
    fatou = sharing_person(services, "Fatou", "Ndiaye")
    counsellor = as_role(services, Role.COUNSELLOR)
    colleague = other_counsellor(services)
    counsellor.guidance.record_session(aminata.id, session_on(TODAY - timedelta(days=2), 2))
    colleague.guidance.record_session(fatou.id, session_on(TODAY - timedelta(days=2), 2))
    page = open_page(counsellor)

    assert page.mine_button.isChecked()  # a counsellor starts with their own
    assert [("Aminata" in p, "Fatou" in p) for p in people_under(page, Section.TODAY)] == [(True, False)]
    page.everyone_button.click()
    assert sorted("Fatou" in p for p in people_under(page, Section.TODAY)) == [False, True]
    page.mine_button.click()
    assert len(people_under(page, Section.TODAY)) == 1
    # a counsellor reads the number of days; coordinators and administrators change it
    assert page.days_spin.isHidden() and "14 days" in page.days_label.text()
    assert not open_page(services).mine_button.isChecked()  # an administrator starts with everyone's


def test_recording_the_session_takes_the_follow_up_off_the_agenda(
    qtbot: QtBot, open_page: Callable[..., AgendaPage], services: Services
) -> None:
    aminata = sharing_person(services)
    services.guidance.record_session(aminata.id, session_on(TODAY - timedelta(days=3), 3))
    page = open_page(services)
    assert not page.record_button.isEnabled()  # nothing selected yet
    forms: list[str] = []

    def fill_in(dialog: QDialog) -> bool:
        assert isinstance(dialog, SessionDialog)
        forms.append(dialog.windowTitle())
        qtbot.keyClicks(dialog.topics, "Interview at the hotel")
        dialog.save_button.click()
        return dialog.result() == QDialog.DialogCode.Accepted

    page.ask = fill_in  # type: ignore[method-assign]
    parent = page.model.section_index(Section.TODAY)
    page.tree.setFocus()
    page.tree.setCurrentIndex(page.model.index(0, 0, parent))
    assert page.record_button.isEnabled()
    with qtbot.waitSignal(page.agenda_changed):
        qtbot.keyClick(page.tree, Qt.Key.Key_Return)  # Enter records, like the button

    assert forms == ["Session with Aminata Diallo"]
    assert section_rows(page, Section.TODAY) == []
    assert "Aminata Diallo" in page.status.text()
    assert services.guidance.sessions(aminata.id)[0].topics == "Interview at the hotel"


def test_a_form_closed_without_saving_leaves_the_follow_up(
    open_page: Callable[..., AgendaPage], services: Services
) -> None:
    aminata = sharing_person(services)
    services.guidance.record_session(aminata.id, session_on(TODAY - timedelta(days=3), 3))
    page = open_page(services)
    page.ask = lambda dialog: False  # type: ignore[method-assign]
    page.select_follow_up(page.model.items(Section.TODAY)[0].session_id)
    page.record_button.click()
    assert len(section_rows(page, Section.TODAY)) == 1


def test_a_referral_not_answered_in_time_awaits_feedback_and_leaves_once_recorded(
    qtbot: QtBot, open_page: Callable[..., AgendaPage], services: Services
) -> None:
    aminata = sharing_person(services)
    sent = services.referrals.create(aminata.id, referral_to(services), send=True)
    later = TODAY + timedelta(days=3)
    shifted = Services(services.database, today=lambda: later)
    shifted.login("admin", ADMIN_PASSWORD)
    page = open_page(shifted, today=lambda: later)
    assert awaiting_rows(page) == []  # three days: within the 14 the partner has

    page.days_spin.setFocus()
    page.days_spin.setValue(1)
    qtbot.waitUntil(lambda: len(awaiting_rows(page)) == 1, timeout=3000)
    assert shifted.follow_up.feedback_days() == 1
    row = awaiting_rows(page)[0]
    assert row[AwaitingTableModel.CODE] == sent.code
    assert "Aminata Diallo" in row[AwaitingTableModel.PERSON] and row[AwaitingTableModel.PARTNER].startswith("ANAPEC")
    assert row[AwaitingTableModel.WAITING].startswith("3 days")

    typed: list[str] = []

    def slip(dialog: QDialog) -> bool:
        assert isinstance(dialog, FeedbackDialog)
        typed.append(dialog.code.text())
        dialog.outcomes[ReferralOutcome.SERVICE_GIVEN].setChecked(True)
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    page.referral_actions.ask = slip  # type: ignore[method-assign]
    page.awaiting_table.selectRow(0)
    with qtbot.waitSignal(page.beneficiary_opened) as opened:
        page.open_awaiting_button.click()
    assert opened.args == [aminata.id]
    page.feedback_button.click()
    assert typed == [sent.code]
    assert awaiting_rows(page) == []  # the service was given: nothing more to wait for


def test_a_reader_sees_the_agenda_but_records_nothing(open_page: Callable[..., AgendaPage], services: Services) -> None:
    aminata = sharing_person(services)
    services.guidance.record_session(aminata.id, session_on(TODAY - timedelta(days=3), 3))
    page = open_page(as_role(services, Role.READ_ONLY))
    assert len(section_rows(page, Section.TODAY)) == 1
    assert page.record_button.isHidden() and page.feedback_button.isHidden()
