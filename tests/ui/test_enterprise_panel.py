"""A person's Entrepreneurship tab: support actions recorded, changed and deleted; projects and trainings listed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QTableView
from pytestqt.qtbot import QtBot

from hubdesk.domain.enums import MemberRole, Role, SupportActionKind, VentureKind, VentureStage
from hubdesk.services.facade import Services
from hubdesk.services.venture_readmodels import SupportActionDraft
from hubdesk.ui import labels, unsaved_changes
from hubdesk.ui.beneficiary_record_page import BeneficiaryRecordPage
from hubdesk.ui.enterprise_panel import EnterprisePanel
from hubdesk.ui.form_rows import qdate
from hubdesk.ui.support_action_dialog import SupportActionDialog
from tests.integration.test_document_register import as_role
from tests.integration.venture_helpers import collective, people, training

TODAY = date.today()


def _panel(qtbot: QtBot, services: Services, beneficiary_id: str) -> EnterprisePanel:
    panel = EnterprisePanel(services)
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    panel.show_person(beneficiary_id)
    return panel


def _rows(view: QTableView) -> list[list[str]]:
    model = view.model()
    return [
        [str(model.index(row, column).data()) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def _double_click(qtbot: QtBot, view: QTableView, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _answer(fill: Callable[[SupportActionDialog], None], seen: list[SupportActionDialog]) -> Callable[..., bool]:
    def ask(dialog: QDialog) -> bool:
        assert isinstance(dialog, SupportActionDialog)
        seen.append(dialog)
        dialog.show()
        fill(dialog)
        return dialog.result() == QDialog.DialogCode.Accepted

    return ask


def test_a_support_action_is_recorded_for_the_person_and_listed(qtbot: QtBot, services: Services) -> None:
    (saved,) = people(services, 1)
    panel = _panel(qtbot, services, saved.id)
    assert panel.action_model.rowCount() == 0 and not panel.edit_action_button.isEnabled()
    seen: list[SupportActionDialog] = []

    def fill(dialog: SupportActionDialog) -> None:
        # defaults: today, one hour, the logged-in user
        assert dialog.held_on.date() == qdate(TODAY) and dialog.hours.value() == 1
        assert dialog.counsellor.currentText() == "Admin Istrateur"
        dialog.kind.setCurrentIndex(dialog.kind.findData(SupportActionKind.FORMALITIES))
        dialog.held_on.setDate(qdate(TODAY - timedelta(days=2)))
        dialog.hours.setFocus()
        dialog.hours.stepUp()  # 0.5 steps
        assert dialog.hours.value() == 1.5
        qtbot.keyClicks(dialog.notes, "Filed the application at the CRI")
        dialog.save_button.click()

    panel.ask = _answer(fill, seen)  # type: ignore[method-assign]
    with qtbot.waitSignal(panel.changed):
        panel.add_action_button.click()
    (row,) = _rows(panel.actions_view)
    assert row[3].startswith(saved.code)  # about the person
    assert row[:3] + row[4:] == [
        labels.short_date(TODAY - timedelta(days=2)),
        labels.support_action_kind(SupportActionKind.FORMALITIES),
        "1.5",
        "Admin Istrateur",
        "Filed the application at the CRI",
    ]


def test_a_refused_action_keeps_what_was_typed(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    (saved,) = people(services, 1)
    dialog = SupportActionDialog(services, beneficiary_id=saved.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.notes, "x" * 4001)
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.errors["notes"].isVisible() and "4001 typed" in dialog.errors["notes"].text()
    assert len(dialog.notes.toPlainText()) == 4001
    assert services.support_actions.of_person(saved.id) == []
    asked: list[bool] = []

    def discard(parent: object) -> bool:
        asked.append(True)
        return True

    monkeypatch.setattr(unsaved_changes, "confirm_discard", discard)
    dialog.reject()  # Esc: asked first, as something was typed
    assert asked and not dialog.isVisible()


def test_an_action_is_changed_on_double_click_and_deleted_after_asking(qtbot: QtBot, services: Services) -> None:
    (saved,) = people(services, 1)
    services.support_actions.record(
        SupportActionDraft(SupportActionKind.COACHING, TODAY - timedelta(days=3), 2.0, "First coaching"),
        beneficiary_id=saved.id,
    )
    panel = _panel(qtbot, services, saved.id)
    seen: list[SupportActionDialog] = []

    def change(dialog: SupportActionDialog) -> None:
        assert dialog.notes.toPlainText() == "First coaching" and dialog.hours.value() == 2.0
        dialog.hours.setValue(3.0)
        dialog.save_button.click()

    panel.ask = _answer(change, seen)  # type: ignore[method-assign]
    _double_click(qtbot, panel.actions_view, 0)
    assert seen and _rows(panel.actions_view)[0][2] == "3"
    questions: list[str] = []

    def say_no(text: str) -> bool:
        questions.append(text)
        return False

    panel.confirm = say_no  # type: ignore[method-assign]
    panel.actions_view.selectRow(0)
    panel.delete_action_button.click()
    assert questions and panel.action_model.rowCount() == 1  # "No" keeps it
    panel.confirm = lambda text: True  # type: ignore[method-assign]
    panel.actions_view.selectRow(0)
    panel.delete_action_button.click()
    assert panel.action_model.rowCount() == 0 and services.support_actions.of_person(saved.id) == []


def test_the_persons_projects_and_trainings_are_listed_and_open(qtbot: QtBot, services: Services) -> None:
    members = people(services, 3)
    venture_id = collective(services, members)
    venture = services.ventures.get(venture_id)
    training_id = training(services, days=5)
    info = services.trainings.get(training_id)
    services.trainings.enrol(training_id, [members[1].id])
    enrolment = services.trainings.get(training_id).trainees[0].enrolment_id
    for held in info.days[:4]:
        services.trainings.mark_attendance(training_id, held.held_on, [enrolment])
    # an action on the project shows on its members' tab, about the project
    services.support_actions.record(
        SupportActionDraft(SupportActionKind.BUSINESS_PLAN, TODAY - timedelta(days=1), 2.5), venture_id=venture_id
    )
    panel = _panel(qtbot, services, members[1].id)
    assert _rows(panel.ventures_view) == [
        [
            venture.code,
            "Coopérative Couture Solidaire",
            labels.venture_kind(VentureKind.COLLECTIVE),
            labels.venture_stage(VentureStage.IDEA),
            labels.member_role(MemberRole.MANAGER),
        ]
    ]
    assert _rows(panel.trainings_view) == [
        [info.code, "Créer son entreprise", labels.short_date(info.first_day), "4/5", "Yes"]
    ]
    assert venture.code in _rows(panel.actions_view)[0][3]
    with qtbot.waitSignal(panel.venture_opened) as opened:
        _double_click(qtbot, panel.ventures_view, 0)
    assert opened.args == [venture_id]
    with qtbot.waitSignal(panel.training_opened) as opened:
        _double_click(qtbot, panel.trainings_view, 0)
    assert opened.args == [training_id]


def test_a_read_only_user_sees_the_lists_without_the_buttons(qtbot: QtBot, services: Services) -> None:
    members = people(services, 2)
    collective(services, members)
    reader = as_role(services, Role.READ_ONLY)
    panel = _panel(qtbot, reader, members[0].id)
    assert panel.venture_model.rowCount() == 1
    for button in (panel.status_button, panel.add_action_button, panel.edit_action_button):
        assert not button.isVisible()
    assert panel.status_line.text() == "Not registered"


def test_the_record_page_has_the_tab_after_the_follow_up_and_passes_its_signals(
    qtbot: QtBot, services: Services
) -> None:
    members = people(services, 2)
    venture_id = collective(services, members)
    page = BeneficiaryRecordPage(services)
    qtbot.addWidget(page)
    page.resize(1000, 750)
    page.show()
    page.show_beneficiary(members[0].id)
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "Follow-up",
        "Entrepreneurship",
        "Profile",
        "History",
    ]
    assert page.enterprise is not None
    page.tabs.setCurrentWidget(page.enterprise)
    assert page.enterprise.venture_model.rowCount() == 1
    with qtbot.waitSignal(page.venture_opened) as opened:
        _double_click(qtbot, page.enterprise.ventures_view, 0)
    assert opened.args == [venture_id]
    # a support action recorded from the tab shows in the history at once
    page.enterprise.ask = _answer(lambda dialog: dialog.save_button.click(), [])  # type: ignore[method-assign]
    page.enterprise.add_action_button.click()
    assert page.enterprise.action_model.rowCount() == 1
    assert any("support_action" in entry.summary or "coaching" in entry.summary for entry in page.history.items())
    # the data officer reads no follow-up nor entrepreneurship
    officer = BeneficiaryRecordPage(as_role(services, Role.DATA_OFFICER))
    qtbot.addWidget(officer)
    assert officer.enterprise is None and officer.tabs.count() == 2


def test_an_exception_and_a_turnover_past_the_ceiling_are_said_on_the_tab(qtbot: QtBot, services: Services) -> None:
    from hubdesk.domain.enums import IdDocumentType, VentureStage
    from hubdesk.services.venture_readmodels import MemberDraft, RevenueDraft, VentureDraft
    from tests.integration.test_auto_entrepreneurs import registered
    from tests.integration.test_beneficiary_service import person

    someone = services.beneficiaries.create(
        person(
            "Awa",
            "Sow",
            id_document_type=IdDocumentType.RESIDENCE_PERMIT,
            id_document_number="E123456",
            id_document_expiry=TODAY + timedelta(days=300),
        )
    )
    training_id = training(services, days=5)
    services.trainings.enrol(training_id, [someone.id])
    enrolment = services.trainings.get(training_id).trainees[0].enrolment_id
    services.trainings.grant_exception(enrolment, "Hospitalised, caught up with the trainer")
    venture_id = services.ventures.create(
        VentureDraft(name="Salon Awa"), [MemberDraft(someone.id)], TODAY - timedelta(days=90)
    )
    services.ventures.move(venture_id, VentureStage.CREATED, TODAY - timedelta(days=80))
    status = registered()
    status.venture_id = venture_id
    services.auto_entrepreneurs.save(someone.id, status)
    panel = _panel(qtbot, services, someone.id)
    assert _rows(panel.trainings_view)[0][-1] == "No — certificate allowed"
    assert not panel.eligibility.isVisible()
    services.ventures.add_revenue(
        venture_id, RevenueDraft(TODAY - timedelta(days=70), TODAY - timedelta(days=10), 260_000)
    )
    panel.show_person(someone.id)
    assert panel.eligibility.isVisible() and "past the" in panel.eligibility.text()
