"""The business project form: members picked by typing their names, refusals next to the fields, editing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from hubdesk.domain.enums import LegalForm, MemberRole, SkillSector, VentureKind, VentureStage
from hubdesk.services.facade import Services
from hubdesk.ui import unsaved_changes
from hubdesk.ui.form_rows import qdate
from hubdesk.ui.venture_dialog import VentureDialog
from tests.integration.venture_helpers import collective, people

TODAY = date.today()


@pytest.fixture(autouse=True)
def discard_answered_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing a form left half-filled at the end of a test does not wait for a person to answer."""
    monkeypatch.setattr(unsaved_changes, "confirm_discard", lambda _parent: True)


def open_dialog(qtbot: QtBot, hub: Services, **kwargs: object) -> VentureDialog:
    dialog = VentureDialog(hub, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def pick(qtbot: QtBot, dialog: VentureDialog, typed: str) -> None:
    """Type part of a name into the members' search box and press Enter, as a counsellor does."""
    qtbot.keyClicks(dialog.picker.box, typed)
    qtbot.keyClick(dialog.picker.box, Qt.Key.Key_Return)


def choose(combo: object, value: str) -> None:
    combo.setCurrentIndex(combo.findData(value))  # type: ignore[attr-defined]


def listed(dialog: VentureDialog) -> list[tuple[str, str]]:
    """The members as the list shows them: (the person's line, the role chosen)."""
    return [(row.label.text(), row.role.currentText()) for row in dialog.members]


def test_a_collective_project_with_three_members_is_created_by_typing_their_names(
    qtbot: QtBot, services: Services
) -> None:
    aminata, moussa, fatou = people(services, 3)
    dialog = open_dialog(qtbot, services)
    qtbot.keyClicks(dialog.name_edit, "Couture Solidaire")
    choose(dialog.kind_combo, VentureKind.COLLECTIVE.value)
    choose(dialog.sector_combo, SkillSector.TEXTILE.value)
    choose(dialog.legal_combo, LegalForm.COOPERATIVE.value)
    for typed in ("Diallo", "Moussa", "Ndiaye"):
        pick(qtbot, dialog, typed)
    assert [line.split()[0] for line, _role in listed(dialog)] == [aminata.code, moussa.code, fatou.code]
    assert [role for _line, role in listed(dialog)] == ["Founder", "Member", "Member"]
    dialog.members[2].role.setCurrentIndex(dialog.members[2].role.findData(MemberRole.MANAGER.value))
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter saves
    assert dialog.result() == QDialog.DialogCode.Accepted
    info = services.ventures.get(dialog.saved_id)
    assert (info.draft.name, info.draft.kind, info.draft.legal_form) == (
        "Couture Solidaire",
        VentureKind.COLLECTIVE,
        LegalForm.COOPERATIVE,
    )
    assert (info.stage, info.started_on) == (VentureStage.IDEA, TODAY)
    assert [(m.person_code, m.role) for m in info.members] == [
        (aminata.code, MemberRole.FOUNDER),
        (moussa.code, MemberRole.MEMBER),
        (fatou.code, MemberRole.MANAGER),
    ]


def test_a_person_picked_twice_is_refused_next_to_the_members_and_one_may_be_removed(
    qtbot: QtBot, services: Services
) -> None:
    aminata, _moussa = people(services, 2)
    dialog = open_dialog(qtbot, services)
    pick(qtbot, dialog, "Diallo")
    pick(qtbot, dialog, "Diallo")
    assert len(dialog.members) == 1
    refusal = dialog.errors["members"]
    assert refusal.isVisible() and refusal.text() == f"{listed(dialog)[0][0]} is already a member."
    assert aminata.code in refusal.text()
    pick(qtbot, dialog, "Moussa")
    assert not refusal.isVisible() and len(dialog.members) == 2
    qtbot.mouseClick(dialog.members[0].remove, Qt.MouseButton.LeftButton)
    assert len(dialog.members) == 1 and aminata.code not in listed(dialog)[0][0]


def test_refusals_show_next_to_their_fields_and_keep_what_was_typed(qtbot: QtBot, services: Services) -> None:
    people(services, 2)
    dialog = open_dialog(qtbot, services)
    dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    assert dialog.errors["name"].isVisible() and dialog.errors["name"].text() == "Give the project a name."
    qtbot.keyClicks(dialog.name_edit, "Taxi Vert")
    assert not dialog.errors["name"].isVisible()  # typing takes the message away
    dialog.save()
    assert dialog.errors["members"].text() == "Add the person (or people) behind the project."
    pick(qtbot, dialog, "Diallo")
    pick(qtbot, dialog, "Moussa")
    dialog.save()  # still an individual project
    assert "an individual project has one" in dialog.errors["kind"].text()
    assert dialog.name_edit.text() == "Taxi Vert" and len(dialog.members) == 2
    choose(dialog.kind_combo, VentureKind.COLLECTIVE.value)
    assert not dialog.errors["kind"].isVisible()
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert services.ventures.get(dialog.saved_id).draft.kind is VentureKind.COLLECTIVE


def test_a_start_still_to_come_is_refused_with_the_message_shown(qtbot: QtBot, services: Services) -> None:
    people(services, 1)
    dialog = open_dialog(qtbot, services)
    qtbot.keyClicks(dialog.name_edit, "Taxi Vert")
    pick(qtbot, dialog, "Diallo")
    dialog.started_on.setDate(qdate(TODAY + timedelta(days=2)))
    message = "A project cannot start on a day still to come."
    assert dialog.errors["started_on"].isVisible() and dialog.errors["started_on"].text() == message
    dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted and not dialog.saved_id
    assert dialog.errors["started_on"].text() == message
    dialog.started_on.setDate(qdate(TODAY - timedelta(days=10)))
    dialog.save()
    assert services.ventures.get(dialog.saved_id).started_on == TODAY - timedelta(days=10)


def test_editing_changes_the_project_and_offers_no_members(qtbot: QtBot, services: Services) -> None:
    venture_id = collective(services, people(services, 3))
    dialog = open_dialog(qtbot, services, venture=services.ventures.get(venture_id))
    assert dialog.name_edit.text() == "Coopérative Couture Solidaire"
    assert not dialog.picker.isVisible() and not dialog.started_on.isVisible()
    dialog.name_edit.selectAll()
    qtbot.keyClicks(dialog.name_edit, "Couture Plus")
    dialog.jobs_spin.setValue(4)
    choose(dialog.legal_combo, LegalForm.AUTO_ENTREPRENEUR.value)
    dialog.save()
    assert "collective project needs another form" in dialog.errors["legal_form"].text()
    choose(dialog.legal_combo, LegalForm.SARL.value)
    dialog.save()
    assert dialog.saved_id == venture_id
    info = services.ventures.get(venture_id)
    assert (info.draft.name, info.draft.jobs_created, info.draft.legal_form) == ("Couture Plus", 4, LegalForm.SARL)
    assert len(info.members) == 3


def test_escape_asks_before_throwing_away_what_was_typed(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[bool] = []
    answer = False

    def confirm(_parent: object) -> bool:
        asked.append(True)
        return answer

    monkeypatch.setattr(unsaved_changes, "confirm_discard", confirm)
    dialog = open_dialog(qtbot, services)
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Escape)  # nothing typed: closes without asking
    assert not dialog.isVisible() and not asked
    dialog = open_dialog(qtbot, services)
    qtbot.keyClicks(dialog.name_edit, "Taxi Vert")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Escape)
    assert asked and dialog.isVisible() and dialog.name_edit.text() == "Taxi Vert"
    answer = True
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
