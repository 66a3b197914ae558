"""The Sessions page: sessions over everyone, filtered by type, mode, period and pending follow-up."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt, QThreadPool
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from hubdesk.db.models import User
from hubdesk.domain.enums import Role, SessionMode, SessionType
from hubdesk.domain.errors import HubdeskError
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import SessionQuery, SessionRow
from hubdesk.services.readmodels import SavedBeneficiary
from hubdesk.ui import labels
from hubdesk.ui.paged_table_model import PAGE, PagedTableModel
from hubdesk.ui.period_filter import PeriodFilter
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


# --- after the review of issue #4 -------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def background_work_ends(qtbot: QtBot) -> Iterator[None]:
    """The counts computed off the GUI thread end before the database is closed."""
    yield
    QThreadPool.globalInstance().waitForDone(5000)


def test_the_page_fits_a_window_1280_pixels_wide(
    open_page: Callable[[Services], SessionsPage], services: Services
) -> None:
    services.accounts.create_user(
        services.actor(), "long", "Fatima Zahra El Ouazzani Bennani Chraibi", "long-password-12", Role.COUNSELLOR
    )
    page = open_page(services)
    assert page.counsellor_filter.count() == 3
    assert page.minimumSizeHint().width() <= 1050


def test_the_counsellors_offered_follow_the_accounts(
    open_page: Callable[[Services], SessionsPage], services: Services
) -> None:
    page = open_page(services)
    services.accounts.create_user(services.actor(), "salma", "Salma Bennani", "long-password-12", Role.COUNSELLOR)
    services.accounts.create_user(services.actor(), "reader", "Rachid Reader", "long-password-12", Role.READ_ONLY)
    with services.database.unit_of_work() as uow:  # Salma left: no service closes an account yet
        uow.session.execute(update(User).where(User.username == "salma").values(active=False))
        uow.commit()
    page.hide()
    page.show()
    offered = [page.counsellor_filter.itemText(i) for i in range(page.counsellor_filter.count())]
    assert offered == ["All counsellors", "Admin Istrateur", "Salma Bennani (left)"]


def test_the_first_rows_show_before_they_are_counted(
    qtbot: QtBot, services: Services, people: dict[str, SavedBeneficiary], monkeypatch: pytest.MonkeyPatch
) -> None:
    many = services.guidance.page(SessionQuery(), 0, 1) * 250
    release = threading.Event()
    counted_on: list[threading.Thread] = []

    def slow_count(_query: SessionQuery) -> int:
        counted_on.append(threading.current_thread())
        release.wait(5)
        return len(many)

    monkeypatch.setattr(services.guidance, "page", lambda _query, offset, limit: many[offset : offset + limit])
    monkeypatch.setattr(services.guidance, "count", slow_count)
    page = SessionsPage(services)
    qtbot.addWidget(page)
    page.show()
    assert page.model.rowCount() == PAGE and page.model.total is None
    assert page.count_label.text() == f"{PAGE} sessions shown, counting…"
    release.set()
    qtbot.waitUntil(lambda: page.count_label.text() == "250 sessions", timeout=3000)
    assert counted_on and counted_on[0] is not threading.main_thread()  # the GUI was not held up


def test_a_refusal_while_loading_is_shown_on_the_page(
    open_page: Callable[[Services], SessionsPage],
    services: Services,
    people: dict[str, SavedBeneficiary],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = open_page(services)

    def refused(*_args: object) -> list[SessionRow]:
        raise HubdeskError("The database is busy: try again in a moment.")

    monkeypatch.setattr(services.guidance, "page", refused)
    page.pending_check.click()
    assert page.status.text() == "The database is busy: try again in a moment."
    assert page.model.rowCount() == 3  # the rows shown stay


def test_the_period_filter_says_when_it_changed(qtbot: QtBot) -> None:
    period = PeriodFilter("&Held from", date(2026, 3, 17))
    qtbot.addWidget(period)
    changes: list[None] = []
    period.changed.connect(lambda: changes.append(None))
    assert period.period() == (None, None) and not period.from_edit.isEnabled()
    period.to_edit.setDate(QDate(2026, 3, 20))
    assert changes == []  # not ticked: the days do not filter
    period.check.click()
    assert period.period() == (date(2026, 3, 1), date(2026, 3, 20)) and period.from_edit.isEnabled()
    period.from_edit.setDate(QDate(2026, 2, 1))
    assert len(changes) == 2 and period.period() == (date(2026, 2, 1), date(2026, 3, 20))
    period.check.click()
    assert len(changes) == 3 and period.period() == (None, None)


class _Rows(PagedTableModel[int]):
    def display(self, item: int, column: int) -> str:
        return str(item)


def test_a_paged_model_counts_off_the_gui_thread_and_drops_an_earlier_count(qtbot: QtBot) -> None:
    model = _Rows(["Number"], page_size=10)
    rows = list(range(25))
    gate = threading.Event()

    def slow_count() -> int:
        gate.wait(5)
        return 999  # an earlier list, counted too late

    assert model.load(slow_count, lambda offset, limit: rows[offset : offset + limit])
    assert model.rowCount() == 10 and model.counting and model.canFetchMore()
    with qtbot.waitSignal(model.counted) as counted:
        model.load(lambda: len(rows), lambda offset, limit: rows[offset : offset + limit])
    assert counted.args == [25] and model.total == 25
    gate.set()
    assert QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(20)
    assert model.total == 25

    while model.canFetchMore():
        model.fetchMore()
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == [str(n) for n in rows]
    assert model.load(lambda: len(rows), lambda offset, limit: rows[offset : offset + limit], at_least=22)
    assert model.rowCount() == 22  # a reload keeps as many rows as were shown


def test_a_paged_model_tells_a_refusal_instead_of_raising(qtbot: QtBot) -> None:
    model = _Rows(["Number"], page_size=10)
    told: list[str] = []
    model.load_failed.connect(told.append)
    pages = {0: list(range(10))}

    def page(offset: int, _limit: int) -> list[int]:
        if offset not in pages:
            raise HubdeskError("The database is busy: try again in a moment.")
        return pages[offset]

    assert model.load(lambda: 30, page) and model.rowCount() == 10
    model.fetchMore()
    assert told == ["The database is busy: try again in a moment."] and not model.canFetchMore()
    assert not model.load(lambda: 30, lambda _offset, _limit: page(5, 10))
    assert model.rowCount() == 10 and len(told) == 2
