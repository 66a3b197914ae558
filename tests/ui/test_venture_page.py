"""A business project's page: members, stages, financing with its totals, revenue follow-ups, support, who may act."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TypeVar

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QTableView
from pytestqt.qtbot import QtBot

from hubdesk.domain.enums import FinancingKind, MemberRole, Role, SupportActionKind, VentureStage
from hubdesk.services.facade import Services
from hubdesk.services.venture_readmodels import SupportActionDraft
from hubdesk.ui import labels
from hubdesk.ui.financing_dialog import FinancingDialog
from hubdesk.ui.form_rows import qdate
from hubdesk.ui.revenue_dialog import RevenueDialog
from hubdesk.ui.stage_dialog import StageDialog
from hubdesk.ui.support_action_dialog import SupportActionDialog
from hubdesk.ui.venture_dialog import VentureDialog
from hubdesk.ui.venture_page import VenturePage
from tests.integration.test_document_register import as_role
from tests.integration.venture_helpers import collective, people

TODAY = date.today()
D = TypeVar("D", bound=QDialog)


def _page(qtbot: QtBot, services: Services, venture_id: str) -> VenturePage:
    page = VenturePage(services)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.show_venture(venture_id)
    return page


def _answer(kind: type[D], fill: Callable[[D], None], seen: list[D]) -> Callable[[QDialog], bool]:
    """Stands for exec(): shows the dialog, lets ``fill`` act in it, says whether it was saved."""

    def ask(dialog: QDialog) -> bool:
        assert isinstance(dialog, kind)
        seen.append(dialog)
        dialog.show()
        fill(dialog)
        return dialog.result() == QDialog.DialogCode.Accepted

    return ask


def _reply(asked: list[str], answer: bool) -> Callable[[str], bool]:
    """Stands for the yes/no question: notes it, answers ``answer``."""

    def confirm(text: str) -> bool:
        asked.append(text)
        return answer

    return confirm


def _column(view: QTableView, column: int) -> list[str]:
    model = view.model()
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def _venture(services: Services) -> str:
    return collective(services, people(services, 3))


def test_a_collective_project_of_three_shows_its_members_and_its_idea(qtbot: QtBot, services: Services) -> None:
    venture_id = _venture(services)
    page = _page(qtbot, services, venture_id)
    info = services.ventures.get(venture_id)

    assert page.title.text().startswith(info.code)
    assert "Coopérative Couture Solidaire" in page.title.text()
    assert page.facts["kind"].text() == labels.venture_kind("collective")
    assert labels.venture_stage(VentureStage.IDEA) in page.facts["stage"].text()
    assert page.facts["requested"].text() == labels.dirhams(0)
    assert _column(page.members_panel.view, 1) == ["Aminata DIALLO", "Moussa TRAORÉ", "Fatou NDIAYE"]
    assert _column(page.members_panel.view, 2) == [labels.member_role(r) for r in ("founder", "manager", "member")]
    assert page.tabs.tabText(0).endswith("(3)")
    assert _column(page.steps_view, 0) == [labels.venture_stage(VentureStage.IDEA)]
    assert not page.undo_button.isEnabled()  # one step: nothing to take back

    opened: list[str] = []
    page.beneficiary_opened.connect(opened.append)
    where = page.members_panel.view.visualRect(page.members_panel.view.model().index(1, 1)).center()
    qtbot.mouseClick(page.members_panel.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(page.members_panel.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert opened == [info.members[1].beneficiary_id]


def test_a_financing_line_typed_in_the_dialog_shows_with_the_totals(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    venture_id = _venture(services)
    page = _page(qtbot, services, venture_id)
    changed: list[str] = []
    page.venture_changed.connect(changed.append)

    def fill(dialog: FinancingDialog) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData(FinancingKind.HONOUR_LOAN.value))
        assert "Forsa" in dialog.source.placeholderText()
        qtbot.keyClicks(dialog.source, "Forsa")
        dialog.requested.lineEdit().selectAll()
        qtbot.keyClicks(dialog.requested.lineEdit(), "-50000")  # the minus cannot be typed
        assert dialog.requested.value() == 50000
        assert not dialog.obtained.isEnabled()
        qtbot.mouseClick(dialog.answered, Qt.MouseButton.LeftButton, pos=QPoint(6, dialog.answered.height() // 2))
        assert dialog.obtained.isEnabled()
        dialog.obtained.lineEdit().selectAll()
        qtbot.keyClicks(dialog.obtained.lineEdit(), "45000")
        dialog.save_button.click()

    seen: list[FinancingDialog] = []
    monkeypatch.setattr(page, "ask", _answer(FinancingDialog, fill, seen))
    page.money_panel.add_financing_button.click()

    assert seen and seen[0].result() == QDialog.DialogCode.Accepted
    assert _column(page.money_panel.financing_view, 1) == ["Forsa"]
    assert _column(page.money_panel.financing_view, 2) == [labels.dirhams(50000)]
    assert _column(page.money_panel.financing_view, 3) == [labels.dirhams(45000)]
    assert (
        labels.dirhams(50000) in page.money_panel.totals.text()
        and labels.dirhams(45000) in page.money_panel.totals.text()
    )
    assert page.facts["requested"].text() == labels.dirhams(50000)
    assert page.facts["obtained"].text() == labels.dirhams(45000)
    assert changed == [venture_id]

    def refuse(dialog: FinancingDialog) -> None:  # nothing requested: the service's words, under the amount
        dialog.requested.setValue(0)
        dialog.save_button.click()

    refused: list[FinancingDialog] = []
    page.select_row(page.money_panel.financing_view, 0)
    monkeypatch.setattr(page, "ask", _answer(FinancingDialog, refuse, refused))
    page.money_panel.edit_financing_button.click()
    assert refused[0].result() != QDialog.DialogCode.Accepted
    assert "positive" in refused[0].errors["requested_mad"].text()
    assert refused[0].source.text() == "Forsa"  # what was typed stays
    assert services.ventures.get(venture_id).requested_mad == 50000


def test_undo_last_step_brings_the_stage_back(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    venture_id = _venture(services)
    page = _page(qtbot, services, venture_id)

    def move(dialog: StageDialog) -> None:
        dialog.save_button.click()  # the next stage of the pipeline, today

    monkeypatch.setattr(page, "ask", _answer(StageDialog, move, []))
    page.move_button.click()
    pre_incubation = labels.venture_stage(VentureStage.PRE_INCUBATION)
    assert pre_incubation in page.facts["stage"].text()
    assert _column(page.steps_view, 0)[-1] == pre_incubation

    questions: list[str] = []
    monkeypatch.setattr(page, "confirm", _reply(questions, False))
    page.undo_button.click()
    assert pre_incubation in page.facts["stage"].text()  # "No" changes nothing

    monkeypatch.setattr(page, "confirm", _reply(questions, True))
    page.undo_button.click()
    assert questions[-1] == f"Take back '{pre_incubation}' of {labels.short_date(TODAY)}?"
    assert labels.venture_stage(VentureStage.IDEA) in page.facts["stage"].text()
    assert _column(page.steps_view, 0) == [labels.venture_stage(VentureStage.IDEA)]
    assert services.ventures.get(venture_id).stage is VentureStage.IDEA


def test_adding_a_member_already_in_the_project_shows_the_refusal(qtbot: QtBot, services: Services) -> None:
    four = people(services, 4)
    venture_id = collective(services, four[:3])
    page = _page(qtbot, services, venture_id)
    page.members_panel.add_member_button.click()
    assert page.members_panel.member_box.isVisible() and not page.members_panel.add_member_button.isEnabled()

    qtbot.keyClicks(page.members_panel.picker.box, four[0].code)
    qtbot.keyClick(page.members_panel.picker.box, Qt.Key.Key_Return)
    assert "already a member" in page.members_panel.member_message.text()
    assert page.tabs.tabText(0).endswith("(3)")

    page.members_panel.new_role.setCurrentIndex(page.members_panel.new_role.findData(MemberRole.MANAGER.value))
    qtbot.keyClicks(page.members_panel.picker.box, four[3].code)
    qtbot.keyClick(page.members_panel.picker.box, Qt.Key.Key_Return)
    assert "joined the project" in page.members_panel.member_message.text()
    assert page.tabs.tabText(0).endswith("(4)")
    assert _column(page.members_panel.view, 2)[-1] == labels.member_role(MemberRole.MANAGER)


def test_a_revenue_follow_up_before_creation_is_refused_next_to_the_field(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    venture_id = _venture(services)
    page = _page(qtbot, services, venture_id)

    def fill(dialog: RevenueDialog) -> None:
        dialog.revenue.lineEdit().selectAll()
        qtbot.keyClicks(dialog.revenue.lineEdit(), "12000")
        qtbot.keyClicks(dialog.jobs, "2")
        dialog.save_button.click()

    seen: list[RevenueDialog] = []
    monkeypatch.setattr(page, "ask", _answer(RevenueDialog, fill, seen))
    page.money_panel.add_revenue_button.click()

    dialog = seen[0]
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.errors["period_start"].text() == "Revenue is followed once the business is created."
    assert dialog.errors["period_start"].isVisible()
    assert dialog.revenue.value() == 12000 and dialog.jobs.text() == "2"
    assert page.money_panel.revenue.rowCount() == 0


def test_a_revenue_follow_up_of_a_created_business_is_listed(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    venture_id = collective(services, people(services, 3), started_on=TODAY - timedelta(days=120))
    services.ventures.move(venture_id, VentureStage.CREATED, TODAY - timedelta(days=100))
    page = _page(qtbot, services, venture_id)

    def fill(dialog: RevenueDialog) -> None:
        dialog.period_start.setDate(qdate(TODAY - timedelta(days=60)))
        dialog.period_end.setDate(qdate(TODAY - timedelta(days=30)))
        dialog.revenue.setValue(8000)
        qtbot.keyClicks(dialog.note, "Bon mois")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)  # Enter in the note saves

    seen: list[RevenueDialog] = []
    monkeypatch.setattr(page, "ask", _answer(RevenueDialog, fill, seen))
    page.money_panel.add_revenue_button.click()
    assert seen[0].result() == QDialog.DialogCode.Accepted, seen[0].errors["period_start"].text()
    assert _column(page.money_panel.revenue_view, 2) == [labels.dirhams(8000)]
    assert _column(page.money_panel.revenue_view, 4) == ["Bon mois"]

    page.select_row(page.money_panel.revenue_view, 0)
    monkeypatch.setattr(page, "confirm", _reply([], True))
    page.money_panel.remove_revenue_button.click()
    assert page.money_panel.revenue.rowCount() == 0


def test_removing_the_last_member_is_not_offered_and_a_removal_asks(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    venture_id = _venture(services)
    page = _page(qtbot, services, venture_id)
    page.select_row(page.members_panel.view, 2)
    asked: list[str] = []
    monkeypatch.setattr(page, "confirm", _reply(asked, True))
    page.members_panel.remove_member_button.click()
    assert asked == [f"Remove {labels.isolate('Fatou NDIAYE')} from the project?"]
    assert _column(page.members_panel.view, 1) == ["Aminata DIALLO", "Moussa TRAORÉ"]
    page.select_row(page.members_panel.view, 1)
    page.members_panel.remove_member_button.click()
    page.select_row(page.members_panel.view, 0)
    assert _column(page.members_panel.view, 1) == ["Aminata DIALLO"]
    assert not page.members_panel.remove_member_button.isEnabled()  # a project keeps at least one person
    assert page.members_panel.role_button.isEnabled()
    page.members_panel.role_button.menu().actions()[list(MemberRole).index(MemberRole.MANAGER)].trigger()
    assert _column(page.members_panel.view, 2) == [labels.member_role(MemberRole.MANAGER)]


def test_edit_project_opens_the_project_dialog(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    venture_id = _venture(services)
    page = _page(qtbot, services, venture_id)
    seen: list[VentureDialog] = []
    monkeypatch.setattr(page, "ask", _answer(VentureDialog, lambda dialog: None, seen))
    page.edit_button.click()
    assert [dialog.name_edit.text() for dialog in seen] == ["Coopérative Couture Solidaire"]


def test_support_history_and_adding_an_action(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    venture_id = _venture(services)
    services.support_actions.record(
        SupportActionDraft(SupportActionKind.COACHING, TODAY - timedelta(days=10), 2.0, "Premier entretien"),
        venture_id=venture_id,
    )
    page = _page(qtbot, services, venture_id)
    assert _column(page.support_view, 1) == [labels.support_action_kind(SupportActionKind.COACHING)]
    assert _column(page.support_view, 4) == ["Premier entretien"]

    def fill(dialog: SupportActionDialog) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData(SupportActionKind.MARKET_ACCESS))
        dialog.notes.insertPlainText("Salon de l'artisanat")
        dialog.save_button.click()

    seen: list[SupportActionDialog] = []
    monkeypatch.setattr(page, "ask", _answer(SupportActionDialog, fill, seen))
    page.add_support_button.click()
    assert seen[0].result() == QDialog.DialogCode.Accepted
    assert _column(page.support_view, 4) == ["Salon de l'artisanat", "Premier entretien"]  # newest first


@pytest.mark.parametrize("role", [Role.READ_ONLY])
def test_a_reader_sees_everything_without_buttons(qtbot: QtBot, services: Services, role: Role) -> None:
    venture_id = _venture(services)
    reader = as_role(services, role)
    page = _page(qtbot, reader, venture_id)
    assert _column(page.members_panel.view, 1) == ["Aminata DIALLO", "Moussa TRAORÉ", "Fatou NDIAYE"]
    assert not any(button.isVisible() for button in page.write_buttons)
    assert page.back_button.isVisible()
    back: list[bool] = []
    page.back_requested.connect(lambda: back.append(True))
    page.back_button.click()
    assert back == [True]


def test_a_project_that_is_gone_says_so(qtbot: QtBot, services: Services) -> None:
    venture_id = _venture(services)
    page = _page(qtbot, services, venture_id)
    services.ventures.delete(venture_id)
    page.reload()
    assert page.venture is None
    assert page.members_panel.model.rowCount() == 0
    assert page.title.text()
    assert not page.move_button.isEnabled()
