"""The Sessions page: sessions over everyone, filtered by type, mode, period and pending follow-up."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hubdesk.domain.enums import SessionMode, SessionType
from hubdesk.services.facade import Services
from hubdesk.services.readmodels import SavedBeneficiary
from hubdesk.ui import labels
from hubdesk.ui.sessions_page import SessionsPage
from hubdesk.ui.sessions_table_model import SessionsTableModel
from tests.integration.guidance_helpers import session_on, sharing_person

TODAY = date.today()


@pytest.fixture
def open_page(qtbot: QtBot) -> Iterator[Callable[[Services], SessionsPage]]:
    def opener(hub: Services) -> SessionsPage:
        page = SessionsPage(hub)
        qtbot.addWidget(page)
        page.resize(1300, 700)
        with qtbot.waitActive(page):  # active, as on a desk: Enter works
            page.show()  # showing it loads the list
        return page

    yield opener


@pytest.fixture
def people(services: Services) -> dict[str, SavedBeneficiary]:
    """Aminata: a job-search session 40 days ago and one by phone today with a follow-up; Fatou: one 2 days ago."""
    aminata = sharing_person(services)
    fatou = sharing_person(services, "Fatou", "Ndiaye")
    services.guidance.record_session(
        aminata.id, session_on(TODAY - timedelta(days=40), session_type=SessionType.JOB_SEARCH, topics="CV")
    )
    services.guidance.record_session(fatou.id, session_on(TODAY - timedelta(days=2), confidential=True))
    services.guidance.record_session(aminata.id, session_on(TODAY, 7, mode=SessionMode.PHONE, duration_minutes=30))
    return {"Aminata": aminata, "Fatou": fatou}


def column(page: SessionsPage, which: int) -> list[str]:
    return [page.model.index(row, which).data() for row in range(page.model.rowCount())]


def test_the_sessions_show_newest_first_in_local_time(
    open_page: Callable[[Services], SessionsPage], services: Services, people: dict[str, SavedBeneficiary]
) -> None:
    page = open_page(services)
    assert page.count_label.text() == "3 sessions"
    assert ["Aminata" in p for p in column(page, SessionsTableModel.PERSON)] == [True, False, True]
    assert column(page, SessionsTableModel.HELD)[0].strip("\u2066\u2069").endswith("10:00")  # as typed, in Tangier
    assert labels.short_date(TODAY) in column(page, SessionsTableModel.HELD)[0]
    assert column(page, SessionsTableModel.MODE)[0] == labels.session_mode(SessionMode.PHONE)
    assert column(page, SessionsTableModel.DURATION)[0] == "30 min"
    assert column(page, SessionsTableModel.CONFIDENTIAL) == ["", "Confidential", ""]
    assert column(page, SessionsTableModel.NEXT_FOLLOW_UP)[0] == labels.short_date(TODAY + timedelta(days=7))
    assert column(page, SessionsTableModel.TOPICS)[2] == "CV"


def test_filters_by_type_mode_period_and_pending_follow_up(
    open_page: Callable[[Services], SessionsPage], services: Services, people: dict[str, SavedBeneficiary]
) -> None:
    page = open_page(services)
    page.type_filter.setCurrentIndex(page.type_filter.findData(SessionType.JOB_SEARCH.value))
    assert column(page, SessionsTableModel.TYPE) == [labels.session_type(SessionType.JOB_SEARCH)]
    assert page.count_label.text().startswith("1 ")
    page.type_filter.setCurrentIndex(0)
    page.period_check.setChecked(True)
    page.from_edit.setDate(TODAY - timedelta(days=5))
    page.to_edit.setDate(TODAY)
    assert ["Fatou" in p for p in column(page, SessionsTableModel.PERSON)] == [False, True]
    page.from_edit.setDate(TODAY - timedelta(days=60))
    page.to_edit.setDate(TODAY - timedelta(days=30))
    assert column(page, SessionsTableModel.TOPICS) == ["CV"]
    page.period_check.setChecked(False)
    page.mode_filter.setCurrentIndex(page.mode_filter.findData(SessionMode.PHONE.value))
    assert column(page, SessionsTableModel.DURATION) == ["30 min"]
    page.mode_filter.setCurrentIndex(0)
    page.pending_check.click()
    assert len(column(page, SessionsTableModel.PERSON)) == 1
    assert column(page, SessionsTableModel.NEXT_FOLLOW_UP) == [labels.short_date(TODAY + timedelta(days=7))]


def test_double_click_or_enter_opens_the_person(
    qtbot: QtBot, open_page: Callable[[Services], SessionsPage], services: Services, people: dict[str, SavedBeneficiary]
) -> None:
    page = open_page(services)
    second = page.table.visualRect(page.model.index(1, SessionsTableModel.PERSON)).center()
    with qtbot.waitSignal(page.beneficiary_opened) as opened:
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=second)
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=second)
    assert opened.args == [people["Fatou"].id]
    page.table.setFocus()
    page.table.selectRow(0)
    with qtbot.waitSignal(page.beneficiary_opened) as entered:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert entered.args == [people["Aminata"].id]
