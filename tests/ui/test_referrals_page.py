"""The Referrals page: filters by partner, status and lateness, the per-partner figures, and the actions."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from hubdesk.domain.enums import ReferralOutcome, ReferralStatus, Role
from hubdesk.services.facade import Services
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
