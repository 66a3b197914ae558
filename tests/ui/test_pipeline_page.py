"""The Business projects page: counts by stage under the filters, a new project, a move along the pipeline."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from hubdesk.domain.enums import MemberRole, Role, VentureKind, VentureStage
from hubdesk.services.facade import Services
from hubdesk.services.venture_readmodels import MemberDraft, VentureDraft
from hubdesk.ui import unsaved_changes
from hubdesk.ui.form_rows import qdate
from hubdesk.ui.pipeline_page import PipelinePage
from hubdesk.ui.pipeline_table_model import PipelineTableModel, RecordRole
from hubdesk.ui.stage_dialog import StageDialog
from hubdesk.ui.venture_dialog import VentureDialog
from tests.integration.test_document_register import as_role
from tests.integration.venture_helpers import collective, people

TODAY = date.today()


@pytest.fixture(autouse=True)
def background_work_ends(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Counts off the GUI thread end before the database closes; a form left open closes without asking."""
    monkeypatch.setattr(unsaved_changes, "confirm_discard", lambda _parent: True)
    yield
    QThreadPool.globalInstance().waitForDone(5000)


@pytest.fixture
def open_page(qtbot: QtBot) -> Callable[[Services], PipelinePage]:
    def opener(hub: Services) -> PipelinePage:
        page = PipelinePage(hub)
        qtbot.addWidget(page)
        page.resize(1280, 720)
        with qtbot.waitActive(page):  # active, as on a desk: the shortcuts work; showing it loads the lists
            page.show()
            page.activateWindow()
        return page

    return opener


def names(page: PipelinePage) -> list[str]:
    return [
        page.model.index(row, PipelineTableModel.NAME).data().strip("\u2068\u2069")
        for row in range(page.model.rowCount())
    ]


def choose_stage(page: PipelinePage, stage: VentureStage | None) -> None:
    """Click the stage's line in the list."""
    for row in range(page.stage_list.count()):
        item = page.stage_list.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == (stage.value if stage is not None else ""):
            page.stage_list.setCurrentItem(item)
            return
    raise AssertionError(stage)


def individual(hub: Services, name: str, person_id: str) -> str:
    return hub.ventures.create(
        VentureDraft(name=name), [MemberDraft(person_id, MemberRole.FOUNDER)], TODAY - timedelta(days=30)
    )


def test_a_collective_project_made_on_the_page_is_counted_under_idea_then_moved_to_created(
    qtbot: QtBot, open_page: Callable[[Services], PipelinePage], services: Services
) -> None:
    people(services, 3)
    page = open_page(services)
    assert page.count_of(VentureStage.IDEA) == "Idea (0)" and page.count_of(None) == "All stages (0)"
    choose_stage(page, VentureStage.IDEA)

    def fill_in(dialog: QDialog) -> bool:
        assert isinstance(dialog, VentureDialog)
        dialog.show()  # as exec() would
        qtbot.keyClicks(dialog.name_edit, "Couture Solidaire")
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(VentureKind.COLLECTIVE.value))
        for typed in ("Diallo", "Moussa", "Ndiaye"):
            qtbot.keyClicks(dialog.picker.box, typed)
            qtbot.keyClick(dialog.picker.box, Qt.Key.Key_Return)
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        return dialog.result() == QDialog.DialogCode.Accepted

    page.ask = fill_in  # type: ignore[method-assign]
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert page.count_of(VentureStage.IDEA) == "Idea (1)" and page.count_of(None) == "All stages (1)"
    assert names(page) == ["Couture Solidaire"]
    selected = page.selected_venture()
    assert selected is not None and selected.member_count == 3
    assert page.status.text() == f"{selected.code} is added at the stage “Idea”."

    def move_to_created(dialog: QDialog) -> bool:
        assert isinstance(dialog, StageDialog)
        dialog.show()
        assert dialog.chosen() is VentureStage.PRE_INCUBATION  # the next stage by default
        texts = [dialog.stage_combo.itemText(i) for i in range(dialog.stage_combo.count())]
        assert texts[-1] == "Abandoned — ends the project"
        dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData(VentureStage.CREATED.value))
        qtbot.keyClicks(dialog.note, "SARL registered")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)  # Enter in the note saves
        return dialog.result() == QDialog.DialogCode.Accepted

    page.ask = move_to_created  # type: ignore[method-assign]
    assert page.move_button.isEnabled()
    qtbot.mouseClick(page.move_button, Qt.MouseButton.LeftButton)
    assert page.count_of(VentureStage.IDEA) == "Idea (0)" and page.count_of(VentureStage.CREATED) == "Created (1)"
    assert page.chosen_stage() is VentureStage.CREATED  # followed to its new stage, still selected
    moved = page.selected_venture()
    assert moved is not None and moved.id == selected.id and moved.stage is VentureStage.CREATED
    assert page.status.text() == f"{selected.code} moved to Created on {TODAY:%d/%m/%Y}."
    info = services.ventures.get(selected.id)
    assert info.created_on == TODAY and info.steps[-1].note == "SARL registered"


def test_a_day_still_to_come_is_refused_with_the_message_shown(qtbot: QtBot, services: Services) -> None:
    venture_id = collective(services, people(services, 2))
    info = services.ventures.get(venture_id)
    dialog = StageDialog(services, venture_id, info.code, info.stage, info.next_stages)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData(VentureStage.CREATED.value))
    dialog.changed_on.setDate(qdate(TODAY + timedelta(days=1)))
    message = "A stage cannot be reached on a day still to come."
    assert dialog.errors["changed_on"].isVisible() and dialog.errors["changed_on"].text() == message
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.errors["changed_on"].text() == message
    assert dialog.chosen() is VentureStage.CREATED  # what was chosen stays
    assert services.ventures.get(venture_id).stage is VentureStage.IDEA
    dialog.changed_on.setDate(qdate(info.started_on - timedelta(days=1)))  # before the project started
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "pick that day or later" in dialog.errors["changed_on"].text()
    dialog.changed_on.setDate(qdate(TODAY - timedelta(days=2)))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert services.ventures.get(venture_id).created_on == TODAY - timedelta(days=2)


def test_the_kind_filter_and_the_search_change_the_counts_and_the_list(
    qtbot: QtBot, open_page: Callable[[Services], PipelinePage], services: Services
) -> None:
    team = people(services, 3)
    couture = collective(services, team)
    individual(services, "Taxi Vert", team[0].id)
    bakery = individual(services, "Boulangerie du Détroit", team[1].id)
    services.ventures.move(bakery, VentureStage.PRE_INCUBATION, TODAY - timedelta(days=3))
    page = open_page(services)
    assert (page.count_of(None), page.count_of(VentureStage.IDEA)) == ("All stages (3)", "Idea (2)")
    assert page.count_of(VentureStage.PRE_INCUBATION) == "Pre-incubation (1)"
    assert page.table.isColumnHidden(PipelineTableModel.STAGE) is False  # all stages: the stage is shown
    page.kind_filter.setCurrentIndex(page.kind_filter.findData(VentureKind.COLLECTIVE.value))
    assert (page.count_of(None), page.count_of(VentureStage.IDEA)) == ("All stages (1)", "Idea (1)")
    assert page.count_of(VentureStage.PRE_INCUBATION) == "Pre-incubation (0)"
    assert names(page) == ["Coopérative Couture Solidaire"]
    assert page.model.index(0, 0).data(RecordRole) == couture
    page.kind_filter.setCurrentIndex(page.kind_filter.findData(VentureKind.INDIVIDUAL.value))
    assert (page.count_of(None), page.count_of(VentureStage.IDEA)) == ("All stages (2)", "Idea (1)")
    page.kind_filter.setCurrentIndex(0)
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_edit.hasFocus()
    qtbot.keyClicks(page.search_edit, "boulang")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert names(page) == ["Boulangerie du Détroit"]
    assert (page.count_of(None), page.count_of(VentureStage.IDEA)) == ("All stages (1)", "Idea (0)")
    choose_stage(page, VentureStage.IDEA)
    assert names(page) == [] and page.count_label.text() == "0 projects"
    choose_stage(page, VentureStage.PRE_INCUBATION)
    assert names(page) == ["Boulangerie du Détroit"] and page.table.isColumnHidden(PipelineTableModel.STAGE)
    page.search_edit.clear()
    page.apply_filters()
    assert page.count_of(VentureStage.IDEA) == "Idea (2)" and names(page) == ["Boulangerie du Détroit"]


def test_enter_or_a_double_click_opens_the_project(
    qtbot: QtBot, open_page: Callable[[Services], PipelinePage], services: Services
) -> None:
    venture_id = collective(services, people(services, 2))
    page = open_page(services)
    opened: list[str] = []
    page.venture_opened.connect(opened.append)
    assert not page.open_button.isEnabled()
    page.table.selectRow(0)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert opened == [venture_id, venture_id]


def test_an_ended_project_is_not_moved(
    qtbot: QtBot, open_page: Callable[[Services], PipelinePage], services: Services
) -> None:
    venture_id = collective(services, people(services, 2))
    services.ventures.move(venture_id, VentureStage.ABANDONED, TODAY)
    page = open_page(services)
    assert page.count_of(VentureStage.ABANDONED) == "Abandoned (1)"
    page.table.selectRow(0)
    assert page.open_button.isEnabled() and not page.move_button.isEnabled()


def test_a_read_only_user_only_looks_and_the_data_officer_is_told_why_nothing_shows(
    qtbot: QtBot, open_page: Callable[[Services], PipelinePage], services: Services
) -> None:
    collective(services, people(services, 2))
    reader = open_page(as_role(services, Role.READ_ONLY))
    assert reader.count_of(VentureStage.IDEA) == "Idea (1)" and reader.model.rowCount() == 1
    assert not reader.new_button.isVisible() and not reader.move_button.isVisible()
    officer = open_page(as_role(services, Role.DATA_OFFICER))
    assert officer.model.rowCount() == 0 and officer.count_of(VentureStage.IDEA) == "Idea"
    assert officer.status.text() == "Your role cannot read business projects."
    assert not officer.new_button.isVisible()


def test_a_place_kept_past_five_hundred_projects_still_lists_them_all_after_a_refresh(
    qtbot: QtBot, open_page: Callable[[Services], PipelinePage], services: Services
) -> None:
    founder = people(services, 1)[0]
    for number in range(520):  # more than one call of the services used to give (500)
        started_on = TODAY - timedelta(days=number)
        services.ventures.create(
            VentureDraft(name=f"Projet {number:03}"), [MemberDraft(founder.id, MemberRole.FOUNDER)], started_on
        )
    page = open_page(services)
    assert page.count_of(None) == "All stages (520)"
    while page.model.canFetchMore():  # as the table asks while the person scrolls to the end
        page.model.fetchMore()
    page.table.selectRow(515)
    page.table.scrollToBottom()
    chosen = page.selected_venture()
    assert chosen is not None and chosen.name == "Projet 515"
    page.refresh()
    assert page.model.rowCount() == 520 and names(page)[-1] == "Projet 519"
    selected = page.selected_venture()
    assert selected is not None and selected.id == chosen.id  # the place and the selection are kept
    qtbot.waitUntil(lambda: page.count_label.text() == "520 projects", timeout=5000)
