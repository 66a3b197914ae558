"""The agenda: follow-ups by when they are due, Mine / Everyone's, recording the session from it, and the
referrals waiting too long for the partner's feedback."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QLocale, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from hubdesk.domain.enums import ReferralOutcome, Role
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import Agenda, AgendaCounts, FollowUpItem
from hubdesk.ui import labels
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

    assert forms == ["Session with \u2068Aminata Diallo\u2069"]  # the name isolated: any script reads right
    assert section_rows(page, Section.TODAY) == []
    assert "Aminata Diallo" in page.status.text()
    assert page.status.text() == f"Session recorded for {labels.isolate('Aminata Diallo')}."
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
    qtbot.keyClick(page.days_spin, Qt.Key.Key_Return)  # saved once the person is done with the field
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


def _list_two_at_most(hub: Services) -> None:
    """The services list at most 300 of each; two here, to see the cut without thousands of people."""
    read = hub.follow_up.agenda
    hub.follow_up.agenda = lambda *, mine=True: read(mine=mine, limit=2)  # type: ignore[method-assign]


def test_the_titles_give_the_exact_numbers_and_say_when_a_list_is_cut(
    open_page: Callable[..., AgendaPage], services: Services
) -> None:
    people = [sharing_person(services, name, "Diallo") for name in ("Aminata", "Fatou", "Moussa", "Awa")]
    for late, someone in enumerate(people[:3], start=1):
        services.guidance.record_session(someone.id, session_on(TODAY - timedelta(days=10 + late), 10))
    services.guidance.record_session(people[3].id, session_on(TODAY - timedelta(days=3), 3))
    for someone in people[:3]:
        services.referrals.create(someone.id, referral_to(services), send=True)
    later = Services(services.database, today=lambda: TODAY + timedelta(days=20))  # the referrals wait too long
    later.login("admin", ADMIN_PASSWORD)
    for hub in (services, later):
        _list_two_at_most(hub)

    page = open_page(services)
    titles = [page.model.section_index(section).data() for section in Section]
    assert titles == ["Overdue (3 · showing the 2 most recently due)", "Today (1)", "This week (0)"]
    assert page.model.count(Section.OVERDUE) == 3 and len(people_under(page, Section.OVERDUE)) == 2
    assert ["Aminata" in p for p in people_under(page, Section.OVERDUE)] == [True, False]  # 1 day late first
    assert page.tree.isFirstColumnSpanned(int(Section.OVERDUE), page.model.index(0, 0).parent())
    assert page.awaiting_box.title() == "Referrals awaiting feedback (0)"

    waited = open_page(later, today=lambda: TODAY + timedelta(days=20))
    assert waited.awaiting_box.title() == "Referrals awaiting feedback (3 · showing the 2 waiting longest)"
    assert len(awaiting_rows(waited)) == 2


def test_a_large_number_is_written_whole(qtbot: QtBot) -> None:
    model = AgendaModel()
    items = tuple(  # the first 300 of 10,073 overdue follow-ups
        FollowUpItem(f"s{n}", "b", "TNG-2026-00001", "Aminata Diallo", TODAY - timedelta(days=2), None, "", "")
        for n in range(300)
    )
    model.set_agenda(Agenda(items, (), (), (), AgendaCounts(10073, 0, 0, 0)), TODAY)
    before = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        assert model.section_index(Section.OVERDUE).data() == "Overdue (10,073 · showing the 300 most recently due)"
        QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.Morocco))  # as the application runs
        title = model.section_index(Section.OVERDUE).data()
        assert title.startswith("Overdue (10") and title.endswith("073 · showing the 300 most recently due)")
        assert "10073" not in title  # grouped as French writes it
    finally:
        QLocale.setDefault(before)


def test_a_wheel_passing_over_the_days_changes_nothing(
    qtbot: QtBot, open_page: Callable[..., AgendaPage], services: Services
) -> None:
    page = open_page(services)
    spin = page.days_spin
    assert spin.focusPolicy() == Qt.FocusPolicy.StrongFocus  # a wheel gives it no focus either
    page.tree.setFocus()
    centre = QPointF(spin.width() / 2, spin.height() / 2)
    for _ in range(3):
        wheel = QWheelEvent(
            centre,
            spin.mapToGlobal(centre),
            QPoint(0, 0),
            QPoint(0, 120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(spin, wheel)
    assert spin.value() == 14 and services.follow_up.feedback_days() == 14

    spin.setFocus()
    spin.setValue(20)  # the arrows step through 15, 16, ...: nothing saved on the way
    qtbot.wait(700)
    assert services.follow_up.feedback_days() == 14
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert services.follow_up.feedback_days() == 20


def test_enter_twice_on_a_follow_up_opens_the_form_and_saves_nothing(
    qtbot: QtBot, open_page: Callable[..., AgendaPage], services: Services
) -> None:
    aminata = sharing_person(services)
    services.guidance.record_session(aminata.id, session_on(TODAY - timedelta(days=3), 3))
    page = open_page(services)
    focused: list[object] = []

    def second_enter(dialog: QDialog) -> bool:  # the second Enter of a double press lands in the form
        assert isinstance(dialog, SessionDialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        focused.append(dialog.focusWidget())
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
        saved = dialog.result() == QDialog.DialogCode.Accepted
        dialog.reject()  # nothing typed: closes without asking
        return saved

    page.ask = second_enter  # type: ignore[method-assign]
    page.tree.setFocus()
    assert page.select_follow_up(page.model.items(Section.TODAY)[0].session_id)
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    assert len(focused) == 1 and isinstance(focused[0], QLineEdit)  # the topics
    assert len(services.guidance.sessions(aminata.id)) == 1  # the earlier session only
    assert len(section_rows(page, Section.TODAY)) == 1  # the follow-up is still due


def test_the_selected_referral_stays_selected_right_to_left(
    open_page: Callable[..., AgendaPage], services: Services
) -> None:
    for name in ("Aminata", "Fatou", "Moussa"):
        someone = sharing_person(services, name, "Diallo")
        services.referrals.create(someone.id, referral_to(services), send=True)
    later = Services(services.database, today=lambda: TODAY + timedelta(days=20))
    later.login("admin", ADMIN_PASSWORD)
    page = open_page(later)
    page.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    bar = page.awaiting_table.horizontalScrollBar()
    bar.setValue(bar.maximum())
    second = page.awaiting_model.items()[1]
    assert page.select_awaiting(second.referral_id) and page.selected_awaiting() == second
    page.refresh()  # (QTableView.selectRow lost it here: right to left it picked no column)
    assert page.selected_awaiting() == second and page.feedback_button.isEnabled()
