"""The Referrals page: filters by partner, status and lateness, the per-partner figures, and the actions."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from hubdesk.db.models import User
from hubdesk.domain.enums import ReferralOutcome, ReferralStatus, Role
from hubdesk.domain.errors import HubdeskError
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import PartnerFigures, ReferralQuery, ReferralRow
from hubdesk.ui import labels
from hubdesk.ui.feedback_dialog import FeedbackDialog
from hubdesk.ui.partner_figures_model import PartnerFiguresModel
from hubdesk.ui.referrals_page import ReferralsPage
from hubdesk.ui.referrals_table_model import ReferralsTableModel
from tests.conftest import ADMIN_PASSWORD
from tests.integration.guidance_helpers import partner_id, referral_to, sharing_person
from tests.integration.test_document_register import as_role
from tests.pdf_reading import has_all_words

TODAY = date.today()


@pytest.fixture(autouse=True)
def background_work_ends(qtbot: QtBot) -> Iterator[None]:
    """The counts and figures computed off the GUI thread end before the database is closed."""
    yield
    QThreadPool.globalInstance().waitForDone(5000)


@pytest.fixture
def open_page(qtbot: QtBot) -> Iterator[Callable[[Services], ReferralsPage]]:
    def opener(hub: Services) -> ReferralsPage:
        page = ReferralsPage(hub)
        qtbot.addWidget(page)
        page.resize(1300, 800)
        page.show()  # showing it loads the list; the figures follow
        return page

    yield opener


def column(page: ReferralsPage, which: int) -> list[str]:
    return [page.model.index(row, which).data() for row in range(page.model.rowCount())]


def figures(page: ReferralsPage) -> dict[str, tuple[str, ...]]:
    """Partner (its first word) -> sent, accepted, successful, success rate, as the table shows them."""
    proxy = page.figures_proxy
    shown: dict[str, tuple[str, ...]] = {}
    for row in range(proxy.rowCount()):
        cells = [proxy.index(row, c).data() for c in range(proxy.columnCount())]
        shown[cells[PartnerFiguresModel.PARTNER].split()[0]] = tuple(
            cells[PartnerFiguresModel.SENT : PartnerFiguresModel.MEDIAN_DAYS]
        )
    return shown


@pytest.fixture
def referred(services: Services) -> dict[str, str]:
    """Three referrals: to ANAPEC sent, to OFPPT sent, to OFPPT still a draft. Returns code -> partner."""
    aminata = sharing_person(services)
    fatou = sharing_person(services, "Fatou", "Ndiaye")
    anapec = services.referrals.create(aminata.id, referral_to(services, service="Idmaj"), send=True)
    ofppt = services.referrals.create(fatou.id, referral_to(services, "OFPPT"), send=True)
    draft = services.referrals.create(aminata.id, referral_to(services, "OFPPT"))
    return {anapec.code: "ANAPEC", ofppt.code: "OFPPT", draft.code: "OFPPT"}


def test_partner_and_status_filters_change_the_rows(
    open_page: Callable[[Services], ReferralsPage], services: Services, referred: dict[str, str]
) -> None:
    page = open_page(services)
    assert sorted(column(page, ReferralsTableModel.CODE)) == sorted(referred)
    assert page.count_label.text() == "3 referrals"
    page.partner_filter.setCurrentIndex(page.partner_filter.findData(partner_id(services, "OFPPT")))
    assert all(p.startswith("OFPPT") for p in column(page, ReferralsTableModel.PARTNER))
    assert len(column(page, ReferralsTableModel.PARTNER)) == 2
    page.status_filter.setCurrentIndex(page.status_filter.findData(ReferralStatus.DRAFT.value))
    assert column(page, ReferralsTableModel.CODE) == list(referred)[2:]  # the draft
    assert column(page, ReferralsTableModel.STATUS)[0].startswith(labels.referral_status(ReferralStatus.DRAFT))
    page.partner_filter.setCurrentIndex(0)  # All partners
    page.status_filter.setCurrentIndex(page.status_filter.findData(ReferralStatus.SENT.value))
    assert sorted(p.split()[0] for p in column(page, ReferralsTableModel.PARTNER)) == ["ANAPEC", "OFPPT"]
    page.period_check.setChecked(True)
    page.from_edit.setDate(TODAY + timedelta(days=1))
    page.to_edit.setDate(TODAY + timedelta(days=30))
    assert page.model.rowCount() == 0 and page.count_label.text() == "0 referrals"


def test_only_overdue_lists_the_referrals_the_partner_is_late_to_answer(
    open_page: Callable[[Services], ReferralsPage], services: Services, referred: dict[str, str]
) -> None:
    later = TODAY + timedelta(days=3)
    shifted = Services(services.database, today=lambda: later)
    shifted.login("admin", ADMIN_PASSWORD)
    shifted.follow_up.set_feedback_days(2)
    page = open_page(shifted)
    page.overdue_check.click()
    assert sorted(column(page, ReferralsTableModel.CODE)) == sorted(referred)[:2]  # the two sent, not the draft
    assert all(text.endswith("overdue") for text in column(page, ReferralsTableModel.STATUS))
    page.overdue_check.click()
    statuses = column(page, ReferralsTableModel.STATUS)
    assert len(statuses) == 3 and sum(text.endswith("overdue") for text in statuses) == 2


def test_the_figures_come_after_the_rows_and_follow_the_feedback(
    qtbot: QtBot, open_page: Callable[[Services], ReferralsPage], services: Services, referred: dict[str, str]
) -> None:
    page = open_page(services)
    assert page.model.rowCount() == 3 and page.figures_model.rowCount() == 0  # the rows first
    qtbot.waitUntil(lambda: page.figures_model.rowCount() == 2, timeout=3000)
    assert figures(page) == {"ANAPEC": ("1", "0", "0", "0 %"), "OFPPT": ("1", "0", "0", "0 %")}

    def slip(dialog: QDialog) -> bool:
        assert isinstance(dialog, FeedbackDialog)
        dialog.outcomes[ReferralOutcome.SERVICE_GIVEN].setChecked(True)
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    page.referral_actions.ask = slip  # type: ignore[method-assign]
    anapec = next(code for code, p in referred.items() if p == "ANAPEC")
    page.table.selectRow(column(page, ReferralsTableModel.CODE).index(anapec))
    with qtbot.waitSignal(page.referrals_changed):
        page.feedback_button.click()
    qtbot.waitUntil(lambda: figures(page)["ANAPEC"] == ("1", "1", "1", "100 %"), timeout=3000)
    assert figures(page)["OFPPT"] == ("1", "0", "0", "0 %")
    row = column(page, ReferralsTableModel.CODE).index(anapec)
    assert column(page, ReferralsTableModel.STATUS)[row].startswith(labels.referral_status(ReferralStatus.COMPLETED))


def test_feedback_with_no_referral_selected_is_typed_by_its_number(
    qtbot: QtBot, open_page: Callable[[Services], ReferralsPage], services: Services, referred: dict[str, str]
) -> None:
    page = open_page(services)
    ofppt = next(code for code, p in referred.items() if p == "OFPPT")
    offered: list[str] = []

    def slip(dialog: QDialog) -> bool:
        assert isinstance(dialog, FeedbackDialog)
        offered.append(dialog.code.text())
        qtbot.keyClicks(dialog.code, ofppt.lower())
        dialog.outcomes[ReferralOutcome.REFUSED].setChecked(True)
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    page.referral_actions.ask = slip  # type: ignore[method-assign]
    assert page.feedback_button.isEnabled() and not page.status_button.isEnabled()
    page.feedback_button.click()
    assert offered == [""]
    row = column(page, ReferralsTableModel.CODE).index(ofppt)
    assert column(page, ReferralsTableModel.STATUS)[row].startswith(labels.referral_status(ReferralStatus.REJECTED))


def test_opening_the_person_and_what_a_reader_is_offered(
    qtbot: QtBot, open_page: Callable[[Services], ReferralsPage], services: Services, referred: dict[str, str]
) -> None:
    page = open_page(services)
    page.table.selectRow(0)
    person = services.referrals.find(column(page, ReferralsTableModel.CODE)[0]).beneficiary_id
    with qtbot.waitSignal(page.beneficiary_opened) as opened:
        page.open_button.click()
    assert opened.args == [person]
    reader = open_page(as_role(services, Role.READ_ONLY))
    assert reader.model.rowCount() == 3
    assert reader.feedback_button.isHidden() and reader.status_button.isHidden() and reader.letter_button.isHidden()


def test_the_letter_is_printed_in_the_language_chosen(
    qtbot: QtBot, open_page: Callable[[Services], ReferralsPage], services: Services, referred: dict[str, str]
) -> None:
    page = open_page(services)
    anapec = next(code for code, p in referred.items() if p == "ANAPEC")
    page.table.selectRow(column(page, ReferralsTableModel.CODE).index(anapec))
    assert page.letter_button.isEnabled() and list(page.letter_actions) == ["fr", "ar", "en"]
    page.letter_actions["en"].trigger()
    preview = page.referral_actions.preview
    assert preview is not None and preview.isVisible()
    qtbot.addWidget(preview)
    assert has_all_words(preview.pdf, f"{anapec} Aminata DIALLO Idmaj")
    assert services.documents.register()[0].language == "en"


# --- after the review of issue #4 -------------------------------------------------------------------------


def test_the_page_fits_a_window_1280_pixels_wide(
    open_page: Callable[[Services], ReferralsPage], services: Services
) -> None:
    longest = max(services.partners.list(include_inactive=True), key=lambda p: len(p.name))
    page = open_page(services)
    assert len(longest.name) > 60  # the partners' long names do not widen the page
    assert page.minimumSizeHint().width() <= 1050
    assert page.partner_filter.view().minimumWidth() > page.partner_filter.width()  # but are read whole in the list


def test_a_draft_is_sent_then_printed_and_a_cancelled_referral_has_no_letter(
    qtbot: QtBot, open_page: Callable[[Services], ReferralsPage], services: Services, referred: dict[str, str]
) -> None:
    page = open_page(services)
    draft = list(referred)[2]
    page.table.selectRow(column(page, ReferralsTableModel.CODE).index(draft))
    assert page.letter_button.isEnabled() and page.letter_button.text() == "Send and print &letter"
    with qtbot.waitSignal(page.referrals_changed):
        page.letter_actions["fr"].trigger()
    preview = page.referral_actions.preview
    assert preview is not None and preview.isVisible()
    qtbot.addWidget(preview)
    assert services.referrals.find(draft).status is ReferralStatus.SENT
    assert [letter.language for letter in services.documents.register()] == ["fr"]
    row = column(page, ReferralsTableModel.CODE).index(draft)
    assert column(page, ReferralsTableModel.STATUS)[row].startswith(labels.referral_status(ReferralStatus.SENT))
    assert page.selected_referral() is not None and page.letter_button.text() == "Print &letter"

    cancelled = services.referrals.change_status(services.referrals.find(draft).id, ReferralStatus.CANCELLED)
    page.refresh()
    page.table.selectRow(column(page, ReferralsTableModel.CODE).index(cancelled.code))
    assert not page.letter_button.isEnabled()
    page.print_letter("fr")  # even asked directly, no letter goes out
    assert len(services.documents.register()) == 1


def test_the_selection_and_the_place_in_the_list_stay_after_a_change(
    qtbot: QtBot, open_page: Callable[[Services], ReferralsPage], services: Services
) -> None:
    people = [sharing_person(services, "Person", f"Number{n}") for n in range(3)]
    for n in range(60):
        services.referrals.create(people[n % 3].id, referral_to(services), send=True)
    page = open_page(services)
    scroll = page.table.verticalScrollBar()
    qtbot.waitUntil(lambda: scroll.maximum() > 20)
    page.table.selectRow(45)
    scroll.setValue(10)  # the row selected is further down, out of sight
    chosen = page.selected_referral()
    assert chosen is not None

    def slip(dialog: QDialog) -> bool:
        assert isinstance(dialog, FeedbackDialog) and dialog.code.text() == chosen.code
        dialog.outcomes[ReferralOutcome.ACCEPTED].setChecked(True)
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    page.referral_actions.ask = slip  # type: ignore[method-assign]
    with qtbot.waitSignal(page.referrals_changed):
        page.feedback_button.click()
    selected = page.selected_referral()
    assert selected is not None and selected.id == chosen.id and selected.status is ReferralStatus.ACCEPTED
    qtbot.wait(50)  # the table laid out again
    assert scroll.value() == 10 and page.table.rowAt(0) == 10


def test_the_counsellors_offered_follow_the_accounts(
    open_page: Callable[[Services], ReferralsPage], services: Services
) -> None:
    page = open_page(services)
    services.accounts.create_user(services.actor(), "salma", "Salma Bennani", "long-password-12", Role.COUNSELLOR)
    page.hide()
    page.show()  # shown again: the new colleague is offered
    offered = [page.counsellor_filter.itemText(i) for i in range(page.counsellor_filter.count())]
    assert offered == ["All counsellors", "Admin Istrateur", "Salma Bennani"]

    page.counsellor_filter.setCurrentIndex(2)
    with services.database.unit_of_work() as uow:  # Salma left: no service closes an account yet
        uow.session.execute(update(User).where(User.username == "salma").values(active=False))
        uow.commit()
    page.refresh()
    offered = [page.counsellor_filter.itemText(i) for i in range(page.counsellor_filter.count())]
    assert offered == ["All counsellors", "Admin Istrateur", "Salma Bennani (left)"]
    assert page.counsellor_filter.currentText() == "Salma Bennani (left)"  # still chosen: her referrals stay


def test_figures_computed_for_earlier_filters_are_dropped(
    qtbot: QtBot, services: Services, referred: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    compute = services.follow_up.partner_figures

    def slow_first(query: ReferralQuery | None = None) -> list[PartnerFigures]:
        if query is not None and query.referred_from is None:
            release.wait(5)  # the figures of every period take long
        return compute(query)

    monkeypatch.setattr(services.follow_up, "partner_figures", slow_first)
    page = ReferralsPage(services)
    qtbot.addWidget(page)
    page.show()  # asks for the figures of every period
    page.period_check.setChecked(True)
    page.from_edit.setDate(TODAY + timedelta(days=1))  # then of a period with no referral, ready at once
    qtbot.waitUntil(lambda: not page.figures_pending, timeout=3000)
    assert page.figures_model.rowCount() == 0
    release.set()  # the first figures arrive last: they are not shown
    assert QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(50)
    assert page.figures_model.rowCount() == 0 and not page.figures_pending


def test_a_refusal_while_loading_is_shown_on_the_page(
    qtbot: QtBot,
    open_page: Callable[[Services], ReferralsPage],
    services: Services,
    referred: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = open_page(services)

    def refused(*_args: object) -> list[ReferralRow]:
        raise HubdeskError("The database is busy: try again in a moment.")

    monkeypatch.setattr(services.follow_up, "referral_page", refused)
    page.status_filter.setCurrentIndex(page.status_filter.findData(ReferralStatus.DRAFT.value))
    assert page.status.text() == "The database is busy: try again in a moment."
    assert page.model.rowCount() == 3  # the rows shown stay
