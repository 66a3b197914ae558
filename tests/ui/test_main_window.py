"""The main window as a counsellor uses it: find people by typing, open them, export the list."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from hubdesk.domain.enums import MigrationStatus, Role, Sex, VentureStage
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import Agenda, AgendaCounts
from hubdesk.ui import labels
from hubdesk.ui.agenda_model import Section
from hubdesk.ui.main_window import MainWindow
from hubdesk.ui.pipeline_table_model import PipelineTableModel
from hubdesk.ui.session_dialog import SessionDialog
from hubdesk.ui.stage_dialog import StageDialog
from hubdesk.ui.venture_dialog import VentureDialog
from tests.integration.guidance_helpers import other_counsellor, session_on, sharing_person
from tests.integration.test_beneficiary_service import person
from tests.integration.test_document_register import as_role
from tests.integration.venture_helpers import collective, people


@pytest.fixture
def window(qtbot: QtBot, services: Services) -> MainWindow:
    services.beneficiaries.create(person())
    services.beneficiaries.create(
        person(
            "Mohamed",
            "El Amrani",
            arabic_name="محمد العمراني",
            sex=Sex.MALE,
            nationality="MA",
            migration_status=MigrationStatus.MOROCCAN,
            phones=[],
            registered_on=date.today(),
        )
    )
    services.beneficiaries.create(person("Fatou", "Ndiaye"))
    main = MainWindow(services)
    qtbot.addWidget(main)
    main.show()
    return main


def _visible_last_names(main: MainWindow) -> list[str]:
    model = main.beneficiaries.model
    return [model.index(r, 1).data() for r in range(model.rowCount())]


def test_home_shows_the_counts(window: MainWindow) -> None:
    assert window.home.total.value.text() == "3"
    assert window.home.month.value.text() == "1"


def test_ctrl_f_then_typing_finds_a_person_in_either_script(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.beneficiaries
    assert window.beneficiaries.search_edit.hasFocus()
    assert sorted(_visible_last_names(window)) == ["Diallo", "El Amrani", "Ndiaye"]
    qtbot.keyClicks(window.beneficiaries.search_edit, "amr")
    qtbot.waitUntil(lambda: _visible_last_names(window) == ["El Amrani"], timeout=2000)
    window.beneficiaries.search_edit.clear()
    # QTest can only type ASCII keys: Arabic arrives the way an input method delivers it
    window.beneficiaries.search_edit.insert("العمر")
    qtbot.waitUntil(lambda: _visible_last_names(window) == ["El Amrani"], timeout=2000)
    assert "1" in window.beneficiaries.count_label.text()


def test_enter_in_the_search_opens_the_record_and_its_history(qtbot: QtBot, window: MainWindow) -> None:
    window.focus_search()
    qtbot.keyClicks(window.beneficiaries.search_edit, "ndiaye fatou")
    qtbot.keyClick(window.beneficiaries.search_edit, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.record
    assert "Fatou Ndiaye" in window.record.title.text()
    assert "TNG-2026-00003" in window.record.subtitle.text()
    assert window.record.history.rowCount() == 2  # registered, then opened just now
    assert window.record.history.index(0, 2).data() == "Opened the record"


def test_filters_and_sorting_change_what_the_list_shows(qtbot: QtBot, window: MainWindow) -> None:
    window.show_list()
    page = window.beneficiaries
    page.sex_filter.setCurrentIndex(page.sex_filter.findData("male"))
    assert _visible_last_names(window) == ["El Amrani"]
    page.sex_filter.setCurrentIndex(0)
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert _visible_last_names(window) == ["Ndiaye", "El Amrani", "Diallo"]


def test_export_writes_the_file_and_says_how_many(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: said.append(text))
    window.show_list()
    window.beneficiaries.status_filter.setCurrentIndex(
        window.beneficiaries.status_filter.findData(MigrationStatus.REGULAR_MIGRANT.value)
    )
    count = window.beneficiaries.export_to(tmp_path / "list.csv")
    assert count == 2
    assert (tmp_path / "list.csv").read_text(encoding="utf-8-sig").count("TNG-2026-") == 2
    assert said and "2" in said[0]


def test_ctrl_n_opens_a_new_intake_and_a_save_opens_the_new_record(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    intake = window.intake
    assert intake is not None and intake.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.intake is intake  # a second Ctrl+N brings the open form forward, it never opens another
    window._saved(window.beneficiaries.model.row_at(0).id)  # type: ignore[union-attr]
    assert window.stack.currentWidget() is window.record
    assert "Saved: TNG-" in window.statusBar().currentMessage()


def test_a_read_only_user_is_not_offered_intake_edit_or_export(qtbot: QtBot, services: Services) -> None:
    saved = services.beneficiaries.create(person())
    services.accounts.create_user(services.actor(), "lecture", "Lecture Seule", "long-enough-1", Role.READ_ONLY)
    services.login("lecture", "long-enough-1")
    main = MainWindow(services)
    qtbot.addWidget(main)
    main.show()
    qtbot.keyClick(main, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert main.intake is None
    assert not main.beneficiaries.export_button.isVisible()
    main.open_beneficiary(saved.id)
    assert "Aminata Diallo" in main.record.title.text()
    assert not main.record.edit_button.isVisible()


def _navigation(main: MainWindow) -> list[str]:
    return [main.nav.item(row).text() for row in range(main.nav.count())]


def test_the_navigation_shows_the_agenda_with_what_is_due(qtbot: QtBot, services: Services) -> None:
    today = date.today()
    aminata = sharing_person(services)
    fatou = sharing_person(services, "Fatou", "Ndiaye")
    services.guidance.record_session(aminata.id, session_on(today - timedelta(days=3), 3))  # due today
    services.guidance.record_session(fatou.id, session_on(today - timedelta(days=9), 2))  # a week late
    main = MainWindow(services)
    qtbot.addWidget(main)
    main.show()
    assert _navigation(main)[:6] == ["Home", "Beneficiaries", "Agenda (2)", "Sessions", "Referrals", "Partners"]
    assert (main.home.overdue.value.text(), main.home.due_today.value.text()) == ("1", "1")

    main.home.agenda_button.click()  # "Open the agenda" on the Home page
    assert main.agenda is not None and main.stack.currentWidget() is main.agenda
    assert main.nav.currentItem().text() == "Agenda (2)"

    def save(dialog: QDialog) -> bool:
        assert isinstance(dialog, SessionDialog)
        dialog.save_button.click()
        return dialog.result() == QDialog.DialogCode.Accepted

    main.agenda.ask = save  # type: ignore[method-assign]
    assert main.agenda.select_follow_up(main.agenda.model.items(Section.TODAY)[0].session_id)
    main.agenda.record_button.click()
    assert _navigation(main)[2] == "Agenda (1)"  # recorded: the sidebar follows at once

    with qtbot.waitSignal(main.agenda.beneficiary_opened):
        assert main.agenda.select_follow_up(main.agenda.model.items(Section.OVERDUE)[0].session_id)
        main.agenda.open_follow_up_button.click()
    assert main.stack.currentWidget() is main.record and "Fatou Ndiaye" in main.record.title.text()


def test_a_data_officer_does_not_see_the_follow_up_pages(qtbot: QtBot, services: Services) -> None:
    officer = as_role(services, Role.DATA_OFFICER)
    main = MainWindow(officer)
    qtbot.addWidget(main)
    main.show()
    shown = _navigation(main)
    assert not any(title.startswith(("Agenda", "Sessions", "Referrals", "Partners")) for title in shown)
    assert shown[:2] == ["Home", "Beneficiaries"] and "Documents" in shown
    assert main.agenda is None and main.sessions is None and main.referrals is None and main.partners is None
    assert main.home.agenda_box.isHidden()
    coordinator = MainWindow(as_role(services, Role.COORDINATOR))
    qtbot.addWidget(coordinator)
    assert [t for t in _navigation(coordinator) if t.startswith(("Agenda", "Sessions", "Referrals", "Partners"))] == [
        "Agenda (0)",
        "Sessions",
        "Referrals",
        "Partners",
    ]


def _counting_agenda_reads(hub: Services) -> list[str]:
    """Every read of the agenda's numbers ("counts") or lists ("agenda", whose numbers come with it)."""
    reads: list[str] = []
    counts, agenda = hub.follow_up.agenda_counts, hub.follow_up.agenda

    def read_counts(*, mine: bool = True) -> AgendaCounts:
        reads.append("counts")
        return counts(mine=mine)

    def read_agenda(*, mine: bool = True, limit: int = 300) -> Agenda:
        reads.append("agenda")
        return agenda(mine=mine, limit=limit)

    hub.follow_up.agenda_counts = read_counts  # type: ignore[method-assign]
    hub.follow_up.agenda = read_agenda  # type: ignore[method-assign]
    return reads


def test_the_agenda_numbers_are_read_only_when_they_may_have_changed(qtbot: QtBot, services: Services) -> None:
    aminata = sharing_person(services)
    services.guidance.record_session(aminata.id, session_on(date.today() - timedelta(days=3), 3))
    reads = _counting_agenda_reads(services)
    main = MainWindow(services)
    qtbot.addWidget(main)
    main.show()
    assert reads == ["counts"]  # once at the start, for the sidebar and Home together
    assert _navigation(main)[2] == "Agenda (1)" and main.home.due_today.value.text() == "1"

    reads.clear()
    for page in (main.beneficiaries, main.sessions, main.referrals, main.partners, main.documents):
        main.nav.setCurrentRow(main._pages.index(page))
    assert reads == []  # moving between pages reads nothing of the agenda
    main.nav.setCurrentRow(0)
    assert reads == ["counts"]  # Home: one read, shared with the sidebar
    reads.clear()
    main.show_agenda()
    # the agenda reads its lists with their numbers (the "counts" is the service's own, inside that one call)
    assert reads == ["agenda", "counts"] and _navigation(main)[2] == "Agenda (1)"

    reads.clear()
    services.guidance.record_session(aminata.id, session_on(date.today()))  # from the record page, say
    main.record.follow_up_changed.emit()
    assert reads == ["counts"] and _navigation(main)[2] == "Agenda (0)"
    main.nav.setCurrentRow(0)
    assert main.home.due_today.value.text() == "0"


def test_home_and_the_sidebar_show_the_same_numbers_mine_or_everyones(qtbot: QtBot, services: Services) -> None:
    counsellor = as_role(services, Role.COUNSELLOR)
    colleague = other_counsellor(services)
    aminata = sharing_person(services)
    fatou = sharing_person(services, "Fatou", "Ndiaye")
    counsellor.guidance.record_session(aminata.id, session_on(date.today() - timedelta(days=3), 3))
    colleague.guidance.record_session(fatou.id, session_on(date.today() - timedelta(days=3), 3))
    main = MainWindow(counsellor)
    qtbot.addWidget(main)
    main.show()
    assert main.home.agenda_box.title() == "My agenda" and main.home.due_today.value.text() == "1"
    assert _navigation(main)[2] == "Agenda (1)" and main.nav.item(2).toolTip().startswith("Mine:")

    main.show_agenda()
    assert main.agenda is not None
    main.agenda.everyone_button.click()  # the centre's numbers, in the sidebar and on Home alike
    assert _navigation(main)[2] == "Agenda (2)" and main.nav.item(2).toolTip().startswith("Everyone's:")
    main.nav.setCurrentRow(0)
    assert main.home.agenda_box.title() == "Agenda of the centre" and main.home.due_today.value.text() == "2"
    assert "Everyone's" in main.home.agenda_box.toolTip()
    assert _navigation(main)[2] == "Agenda (2)"


def test_home_lists_the_people_seen_with_date_and_time_kept_in_order(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    window.focus_search()
    qtbot.keyClicks(window.beneficiaries.search_edit, "amrani")
    qtbot.waitUntil(lambda: _visible_last_names(window) == ["El Amrani"], timeout=2000)
    qtbot.keyClick(window.beneficiaries.search_edit, Qt.Key.Key_Return)
    window.nav.setCurrentRow(0)
    line = window.home.recent.item(0).text()
    code, name, seen = line.split("  ·  ")
    assert code.startswith("TNG-2026-") and name == labels.isolate("Mohamed El Amrani")
    # the full date then the time, isolated left to right so that an Arabic line does not swap them
    assert re.fullmatch("\u2066\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d\u2069", seen), seen
    assert seen == labels.local_time(services.beneficiaries.recently_seen()[0].seen_at)


def test_a_project_changed_on_its_page_shows_changed_back_on_the_pipeline_read_once(
    qtbot: QtBot, services: Services
) -> None:
    venture_id = collective(services, people(services, 2))
    main = MainWindow(services)
    qtbot.addWidget(main)
    main.show()
    assert main.pipeline is not None and main.venture is not None
    pipeline, venture = main.pipeline, main.venture
    main.nav.setCurrentRow(main._pages.index(pipeline))
    assert pipeline.count_of(VentureStage.IDEA) == "Idea (1)"
    pipeline.table.selectRow(0)
    pipeline.open_button.click()
    assert main.stack.currentWidget() is venture and venture.venture is not None
    assert venture.venture.id == venture_id
    reads: list[object] = []
    counts = services.pipeline.counts
    services.pipeline.counts = lambda query=None: reads.append(query) or counts(query)  # type: ignore[method-assign]

    def rename(dialog: QDialog) -> bool:
        assert isinstance(dialog, VentureDialog)
        dialog.show()
        dialog.name_edit.selectAll()
        qtbot.keyClicks(dialog.name_edit, "Couture du Nord")
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        return dialog.result() == QDialog.DialogCode.Accepted

    def move_to_created(dialog: QDialog) -> bool:
        assert isinstance(dialog, StageDialog)
        dialog.show()
        dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData(VentureStage.CREATED.value))
        dialog.save_button.click()
        return dialog.result() == QDialog.DialogCode.Accepted

    venture.ask = rename  # type: ignore[method-assign]
    venture.edit_button.click()
    venture.ask = move_to_created  # type: ignore[method-assign]
    venture.move_button.click()
    assert venture.venture.stage is VentureStage.CREATED
    assert reads == []  # the pipeline, hidden, is not reloaded after each change
    venture.back_button.click()
    assert main.stack.currentWidget() is pipeline
    assert len(reads) == 1  # once, as it is shown again
    assert (
        pipeline.count_of(VentureStage.IDEA) == "Idea (0)" and pipeline.count_of(VentureStage.CREATED) == "Created (1)"
    )
    assert pipeline.model.index(0, PipelineTableModel.NAME).data().strip("\u2068\u2069") == "Couture du Nord"
    assert pipeline.model.index(0, PipelineTableModel.STAGE).data() == "Created"
