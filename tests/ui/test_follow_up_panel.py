"""A person's follow-up panel: the case line, the timeline and its filter, jobs, who sees which buttons."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TypeVar

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from hubdesk.domain.enums import CaseStatus, CloseReason, ContractType, ReferralStatus, Role, SkillSector
from hubdesk.domain.errors import PermissionDenied
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import JobDraft, PersonFollowUp
from hubdesk.ui import labels, unsaved_changes
from hubdesk.ui.beneficiary_record_page import BeneficiaryRecordPage
from hubdesk.ui.case_status_dialog import CaseStatusDialog
from hubdesk.ui.follow_up_panel import FollowUpPanel
from hubdesk.ui.job_dialog import JobDialog
from hubdesk.ui.timeline_model import TimelineKind, TimelineModel
from tests.conftest import ADMIN_PASSWORD
from tests.integration.guidance_helpers import at, referral_to, session_on, sharing_person
from tests.integration.test_document_register import as_role

TODAY = date.today()
D = TypeVar("D", bound=QDialog)


def _panel(qtbot: QtBot, services: Services, beneficiary_id: str) -> FollowUpPanel:
    panel = FollowUpPanel(services)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_person(beneficiary_id, "Aminata Diallo")
    return panel


def _answer(kind: type[D], fill: Callable[[D], None], seen: list[D]) -> Callable[[QDialog], bool]:
    """Stands for exec(): shows the dialog, lets ``fill`` act in it, says whether it was saved."""

    def ask(dialog: QDialog) -> bool:
        assert isinstance(dialog, kind)
        seen.append(dialog)
        dialog.show()
        fill(dialog)
        return dialog.result() == QDialog.DialogCode.Accepted

    return ask


def _choose(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def _column(panel: FollowUpPanel, column: int) -> list[str]:
    return [str(panel.proxy.index(row, column).data()) for row in range(panel.proxy.rowCount())]


def _kinds(panel: FollowUpPanel) -> list[str]:
    return [str(panel.proxy.index(row, 0).data(TimelineModel.KindRole)) for row in range(panel.proxy.rowCount())]


def test_the_case_is_closed_with_a_reason_and_the_status_line_changes(qtbot: QtBot, services: Services) -> None:
    saved = sharing_person(services)
    panel = _panel(qtbot, services, saved.id)
    assert panel.case_label.text() == "Case: Active"
    seen: list[CaseStatusDialog] = []
    offered: list[list[str]] = []

    def close(dialog: CaseStatusDialog) -> None:
        offered.append([dialog.status.itemText(i) for i in range(dialog.status.count())])
        _choose(dialog.status, CaseStatus.CLOSED)
        qtbot.keyClicks(dialog.note, "Hired as a cook")
        dialog.save_button.click()  # no reason yet: refused next to the field, the note kept
        assert dialog.isVisible() and "why the case is closed" in dialog.errors["reason"].text()
        assert dialog.errors["reason"].isVisible() and dialog.note.text() == "Hired as a cook"
        _choose(dialog.reason, CloseReason.EMPLOYED)
        dialog.save_button.click()

    panel.ask = _answer(CaseStatusDialog, close, seen)  # type: ignore[method-assign,assignment]
    changes: list[bool] = []
    panel.follow_up_changed.connect(lambda: changes.append(True))
    panel.case_button.click()

    assert offered == [["On hold", "Closed"]]  # only the next steps
    assert seen[0].saved is not None and seen[0].saved.status is CaseStatus.CLOSED
    assert panel.case_label.text() == f"Case: Closed since {labels.short_date(TODAY)}"
    assert _column(panel, TimelineModel.WHAT) == ["Case: Closed — Found a job"]
    assert _column(panel, TimelineModel.STATUS) == ["Hired as a cook"]
    assert changes == [True]

    def reopen(dialog: CaseStatusDialog) -> None:  # a closed case is only reopened, with no reason asked
        offered.append([dialog.status.itemText(i) for i in range(dialog.status.count())])
        assert dialog.reason.isHidden()
        dialog.save_button.click()

    panel.ask = _answer(CaseStatusDialog, reopen, seen)  # type: ignore[method-assign,assignment]
    panel.case_button.click()
    assert offered[1] == ["Reopened"]
    assert panel.case_label.text() == f"Case: Reopened since {labels.short_date(TODAY)}"
    assert services.guidance.case(saved.id).status is CaseStatus.REOPENED


def test_the_timeline_is_newest_first_and_the_filter_keeps_one_kind(qtbot: QtBot, services: Services) -> None:
    saved = sharing_person(services)
    services.guidance.record_session(saved.id, session_on(TODAY - timedelta(days=30), topics="First visit"))
    services.jobs.record(
        saved.id,
        JobDraft("Hotel Rif", ContractType.FIXED_TERM, TODAY - timedelta(days=20), SkillSector.HOTELS_CATERING),
    )
    services.guidance.record_session(saved.id, session_on(TODAY - timedelta(days=10), follow_up_in=14))
    # a referral sent 23 days ago (by a clock set back), then one made today
    past = Services(services.database, today=lambda: TODAY - timedelta(days=23))
    past.login("admin", ADMIN_PASSWORD)
    sent = past.referrals.create(saved.id, referral_to(services, "ANAPEC", service="Idmaj"), send=True)
    draft = services.referrals.create(saved.id, referral_to(services, "OFPPT"))

    panel = _panel(qtbot, services, saved.id)

    assert _kinds(panel) == ["referral", "session", "job", "referral", "session"]
    what = _column(panel, TimelineModel.WHAT)
    assert what[0].startswith(f"Referral {draft.code} to OFPPT")
    assert what[1] == "Session — Individual orientation (in person)"
    assert what[2] == "Job — Hotel Rif, fixed-term contract"
    assert what[3].startswith(f"Referral {sent.code} to ANAPEC") and what[3].endswith(" — Idmaj")
    assert what[4] == "Session — Individual orientation (in person) · First visit"
    status = _column(panel, TimelineModel.STATUS)
    assert status[0] == "Draft"
    assert status[1] == f"Next follow-up: {labels.short_date(TODAY + timedelta(days=4))}"
    assert status[3] == "Sent, waiting 23 days"
    dates = _column(panel, TimelineModel.DATE)
    assert dates[2] == labels.short_date(TODAY - timedelta(days=20))
    # a session's date then time, isolated left to right so that an Arabic line keeps them in this order
    assert dates[4] == f"\u2066{TODAY - timedelta(days=30):%d/%m/%Y} 10:00\u2069"
    assert dates[4] == labels.local_time(at(TODAY - timedelta(days=30)))

    for text, kinds in (
        ("Sessions", ["session", "session"]),
        ("Referrals", ["referral", "referral"]),
        ("Jobs", ["job"]),
        ("All", ["referral", "session", "job", "referral", "session"]),
    ):
        panel.filter.setCurrentIndex(panel.filter.findText(text))
        assert _kinds(panel) == kinds, text

    # the selected referral in full: its steps with their dates
    panel.filter.setCurrentIndex(panel.filter.findText("Referrals"))
    assert panel.select(f"{TimelineKind.REFERRAL.value}:{sent.id}")
    shown = panel.detail.toPlainText()
    assert "Idmaj" in shown and labels.short_date(TODAY - timedelta(days=23)) in shown and "Sent" in shown
    assert panel.referral_status_button.isVisible() and panel.print_letter_button.isVisible()
    assert set(panel.letter_actions) == {"fr", "ar", "en"}
    assert panel.edit_session_button.isHidden() and panel.edit_job_button.isHidden()


def test_a_read_only_user_sees_no_write_buttons(qtbot: QtBot, services: Services) -> None:
    saved = sharing_person(services)
    services.guidance.record_session(saved.id, session_on(TODAY - timedelta(days=2)))
    referral = services.referrals.create(saved.id, referral_to(services), send=True)
    writes = ("case_button", "session_button", "refer_button", "feedback_button", "job_button")

    admin = _panel(qtbot, services, saved.id)  # the same panel shows them to those who may write
    assert all(getattr(admin, name).isVisible() for name in writes)
    reader = _panel(qtbot, as_role(services, Role.READ_ONLY), saved.id)

    assert [name for name in writes if getattr(reader, name).isVisible()] == []
    assert reader.proxy.rowCount() == 2  # they still read the follow-up
    for key, item_kind in ((f"referral:{referral.id}", "referral"), (reader.timeline.items()[1].key, "session")):
        assert reader.select(key), item_kind
        assert reader.detail.toPlainText(), item_kind
        assert [button.text() for button in reader.item_buttons if button.isVisible()] == [], item_kind
        assert admin.select(key)
        assert any(button.isVisible() for button in admin.item_buttons), item_kind


def test_a_job_found_through_a_referral_shows_its_code(qtbot: QtBot, services: Services) -> None:
    saved = sharing_person(services)
    referral = services.referrals.create(saved.id, referral_to(services, "ANAPEC", service="Idmaj"), send=True)
    services.referrals.change_status(referral.id, ReferralStatus.ACCEPTED)
    panel = _panel(qtbot, services, saved.id)
    offered: list[list[str]] = []

    def fill(dialog: JobDialog) -> None:
        offered.append([dialog.referral.itemText(i) for i in range(dialog.referral.count())])
        qtbot.keyClicks(dialog.employer, "Hotel Rif")
        qtbot.keyClicks(dialog.job_title, "Cook")
        _choose(dialog.sector, SkillSector.HOTELS_CATERING)
        _choose(dialog.contract, ContractType.IDMAJ)
        dialog.start_date.setDate(QDate.currentDate().addDays(-3))
        _choose(dialog.referral, referral.id)
        dialog.save_button.click()

    panel.ask = _answer(JobDialog, fill, [])  # type: ignore[method-assign,assignment]
    panel.job_button.click()

    assert offered[0][0] == "None" and offered[0][1].startswith(f"{referral.code} — ANAPEC")
    assert _kinds(panel) == ["referral", "job"]
    assert _column(panel, TimelineModel.WHAT)[1] == "Job — Hotel Rif (Cook), idmaj insertion contract"
    assert _column(panel, TimelineModel.STATUS)[1] == f"Found through {referral.code}"
    jobs = services.jobs.of_person(saved.id)
    assert len(jobs) == 1 and jobs[0].draft.referral_id == referral.id
    assert panel.select(f"job:{jobs[0].id}")
    assert referral.code in panel.detail.toPlainText() and "Hotel Rif" in panel.detail.toPlainText()
    assert panel.edit_job_button.isVisible()

    # a double-click opens the job to change it, with what was recorded
    def change(dialog: JobDialog) -> None:
        assert dialog.employer.text() == "Hotel Rif" and dialog.referral.currentData() == referral.id
        dialog.job_title.clear()
        qtbot.keyClicks(dialog.job_title, "Head cook")
        dialog.save_button.click()

    panel.ask = _answer(JobDialog, change, [])  # type: ignore[method-assign,assignment]
    rect = panel.view.visualRect(panel.proxy.index(1, TimelineModel.WHAT))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert _column(panel, TimelineModel.WHAT)[1] == "Job — Hotel Rif (Head cook), idmaj insertion contract"


def test_deleting_a_session_asks_first_and_a_refusal_shows_the_services_message(
    qtbot: QtBot, services: Services
) -> None:
    saved = sharing_person(services)
    services.guidance.record_session(saved.id, session_on(TODAY - timedelta(days=1)))
    panel = _panel(qtbot, services, saved.id)
    assert panel.select(panel.timeline.items()[0].key)
    asked: list[str] = []

    def say_no(text: str) -> bool:
        asked.append(text)
        return False

    panel.confirm = say_no  # type: ignore[method-assign]
    panel.delete_session_button.click()
    assert asked and panel.proxy.rowCount() == 1  # said no: kept

    def refuse(_session_id: str) -> None:
        raise PermissionDenied("Only the counsellor of a session, a coordinator or an administrator can change it.")

    panel.confirm = lambda text: True  # type: ignore[method-assign]
    original = services.guidance.delete_session
    services.guidance.delete_session = refuse  # type: ignore[method-assign,assignment]
    panel.delete_session_button.click()
    assert panel.last_message is not None and "Only the counsellor" in panel.last_message.text()
    services.guidance.delete_session = original  # type: ignore[method-assign]
    panel.delete_session_button.click()
    assert panel.proxy.rowCount() == 0 and services.guidance.sessions(saved.id) == []


def test_a_long_follow_up_is_read_once(qtbot: QtBot, services: Services) -> None:
    saved = sharing_person(services)
    for days in range(200):
        services.guidance.record_session(saved.id, session_on(TODAY - timedelta(days=days + 1)))
    for _ in range(50):
        services.referrals.create(saved.id, referral_to(services))
    reads: list[str] = []
    follow_up = services.person_follow_up.follow_up

    def counted(beneficiary_id: str) -> PersonFollowUp:
        reads.append(beneficiary_id)
        return follow_up(beneficiary_id)

    services.person_follow_up.follow_up = counted  # type: ignore[method-assign]
    panel = _panel(qtbot, services, saved.id)
    assert reads == [saved.id]
    assert panel.proxy.rowCount() == 250
    assert panel.view.indexWidget(panel.proxy.index(0, 0)) is None  # no widget per row


def test_the_record_page_opens_on_the_follow_up(qtbot: QtBot, services: Services) -> None:
    saved = sharing_person(services)
    services.guidance.record_session(saved.id, session_on(TODAY - timedelta(days=1)))
    page = BeneficiaryRecordPage(services)
    qtbot.addWidget(page)
    page.show()
    page.show_beneficiary(saved.id)
    assert page.follow_up is not None and page.tabs.currentWidget() is page.follow_up
    assert page.follow_up.proxy.rowCount() == 1
    # a change in the follow-up shows in the history at once
    page.follow_up.confirm = lambda text: True  # type: ignore[method-assign]
    assert page.follow_up.select(page.follow_up.timeline.items()[0].key)
    page.follow_up.delete_session_button.click()
    assert any("deleted session" in entry.summary for entry in page.history.items())
    # the data officer reads no follow-up: the record opens without it
    officer = BeneficiaryRecordPage(as_role(services, Role.DATA_OFFICER))
    qtbot.addWidget(officer)
    officer.show_beneficiary(saved.id)
    assert officer.follow_up is None and officer.tabs.count() == 2


def test_a_ctrl_click_taking_the_selection_away_empties_the_detail(qtbot: QtBot, services: Services) -> None:
    saved = sharing_person(services)
    services.guidance.record_session(saved.id, session_on(TODAY - timedelta(days=2), topics="First visit"))
    panel = _panel(qtbot, services, saved.id)
    rect = panel.view.visualRect(panel.proxy.index(0, TimelineModel.WHAT))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert "First visit" in panel.detail.toPlainText() and panel.edit_session_button.isVisible()

    qtbot.mouseClick(
        panel.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, rect.center()
    )
    assert panel.view.selectionModel().selectedRows() == [] and panel.selected_item() is None
    assert panel.detail.toPlainText() == ""  # nothing selected: nothing described, nothing offered
    assert [button for button in panel.item_buttons if button.isVisible()] == []


def test_a_line_is_selected_in_a_right_to_left_interface(qtbot: QtBot, services: Services) -> None:
    saved = sharing_person(services)
    services.guidance.record_session(saved.id, session_on(TODAY - timedelta(days=2), topics="First visit"))
    services.guidance.record_session(saved.id, session_on(TODAY - timedelta(days=1), topics="Second visit"))
    panel = FollowUpPanel(services)
    qtbot.addWidget(panel)
    panel.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    panel.resize(900, 500)
    panel.show()
    panel.show_person(saved.id, "Aminata Diallo")
    panel.view.horizontalScrollBar().setValue(panel.view.horizontalScrollBar().maximum())
    first = panel.timeline.items()[1]
    assert panel.select(first.key)
    assert panel.selected_item() == first and "First visit" in panel.detail.toPlainText()
    assert len(panel.view.selectionModel().selectedRows()) == 1


def _long_named_referral(services: Services) -> tuple[str, str]:
    saved = sharing_person(services)
    referral = services.referrals.create(saved.id, referral_to(services, "ANAPEC"), send=True)
    assert len(referral.partner) > 40  # ANAPEC's full name
    return saved.id, referral.id


def test_the_job_form_shows_its_labels_whole_and_enter_does_not_save(qtbot: QtBot, services: Services) -> None:
    beneficiary_id, referral_id = _long_named_referral(services)
    dialog = JobDialog(services, beneficiary_id, services.referrals.of_person(beneficiary_id))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    label = next(w for w in dialog.findChildren(QLabel) if w.text() == "Found through referral:")
    assert label.width() >= label.sizeHint().width()  # not cut to "Found throu"
    assert dialog.width() <= 600  # a long partner name does not stretch the form either
    assert "Ctrl+Enter" in dialog.save_button.toolTip() and not dialog.save_button.isDefault()

    qtbot.keyClicks(dialog.employer, "Hotel Rif")
    qtbot.keyClick(dialog.employer, Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.job_title and dialog.isVisible()
    dialog.referral.setFocus()
    dialog.referral.setCurrentIndex(dialog.referral.findData(referral_id))
    qtbot.keyClick(dialog.referral, Qt.Key.Key_Return)
    assert dialog.isVisible() and services.jobs.of_person(beneficiary_id) == []
    qtbot.keyClick(dialog.referral, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    jobs = services.jobs.of_person(beneficiary_id)
    assert [(j.draft.employer, j.draft.referral_id) for j in jobs] == [("Hotel Rif", referral_id)]


def test_the_job_and_case_forms_ask_before_throwing_typing_away(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = sharing_person(services)
    asked: list[QWidget] = []
    answer = [False]

    def confirm(parent: QWidget) -> bool:
        asked.append(parent)
        return answer[0]

    monkeypatch.setattr(unsaved_changes, "confirm_discard", confirm)
    job = JobDialog(services, saved.id, [])
    case = CaseStatusDialog(services, saved.id, services.guidance.case(saved.id))
    for dialog in (job, case):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
    untouched = JobDialog(services, saved.id, [])
    qtbot.addWidget(untouched)
    untouched.show()
    qtbot.keyClick(untouched.employer, Qt.Key.Key_Escape)
    assert not untouched.isVisible() and asked == []  # nothing typed: closed at once

    qtbot.keyClicks(job.employer, "Hotel Rif")
    qtbot.keyClick(job.employer, Qt.Key.Key_Escape)
    assert asked == [job] and job.isVisible() and job.employer.text() == "Hotel Rif"
    _choose(case.status, CaseStatus.CLOSED)
    qtbot.keyClick(case.status, Qt.Key.Key_Escape)
    assert asked == [job, case] and case.isVisible()

    answer[0] = True
    job.reject()
    case.reject()
    assert not job.isVisible() and not case.isVisible() and asked == [job, case, job, case]
    assert services.jobs.of_person(saved.id) == [] and services.guidance.case(saved.id).status is CaseStatus.ACTIVE


def test_the_case_and_job_forms_count_from_the_services_day(qtbot: QtBot, services: Services) -> None:
    day = TODAY - timedelta(days=40)
    past = Services(services.database, today=lambda: day)
    past.login("admin", ADMIN_PASSWORD)
    saved = sharing_person(past)
    case = CaseStatusDialog(past, saved.id, past.guidance.case(saved.id))
    job = JobDialog(past, saved.id, [])
    for dialog in (case, job):
        qtbot.addWidget(dialog)
    on_day = QDate(day.year, day.month, day.day)
    assert case.changed_on.date() == on_day and case.changed_on.maximumDate() == on_day
    assert job.start_date.date() == on_day

    _choose(case.status, CaseStatus.ON_HOLD)
    qtbot.keyClick(case.status, Qt.Key.Key_Return)  # Enter moves on: nothing saved yet
    assert past.guidance.case(saved.id).status is CaseStatus.ACTIVE
    qtbot.keyClick(case.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert case.saved is not None and case.saved.status is CaseStatus.ON_HOLD and case.saved.since == day
