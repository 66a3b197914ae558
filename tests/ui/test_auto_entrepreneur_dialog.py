"""The auto-entrepreneur dialog: registering a project's member, the eligibility notice, messages next to fields."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog
from pytestqt.qtbot import QtBot

from hubdesk.domain.enums import AutoEntrepreneurCategory, AutoEntrepreneurStatus, IdDocumentType, MigrationStatus
from hubdesk.services.facade import Services
from hubdesk.services.readmodels import SavedBeneficiary
from hubdesk.ui import labels, unsaved_changes
from hubdesk.ui.auto_entrepreneur_dialog import AutoEntrepreneurDialog
from hubdesk.ui.enterprise_panel import EnterprisePanel
from hubdesk.ui.form_rows import qdate
from tests.integration.test_beneficiary_service import person
from tests.integration.venture_helpers import collective

TODAY = date.today()


def with_permit(hub: Services, first: str, last: str) -> SavedBeneficiary:
    """A regular migrant holding a residence permit valid for a year: may register."""
    return hub.beneficiaries.create(
        person(
            first,
            last,
            id_document_type=IdDocumentType.RESIDENCE_PERMIT,
            id_document_number="E123456",
            id_document_expiry=TODAY + timedelta(days=365),
        )
    )


def choose(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def answer(fill: Callable[[AutoEntrepreneurDialog], None], seen: list[AutoEntrepreneurDialog]) -> Callable[..., bool]:
    """Stands for the panel's exec(): shows the dialog, lets ``fill`` act in it, says whether it was saved."""

    def ask(dialog: QDialog) -> bool:
        assert isinstance(dialog, AutoEntrepreneurDialog)
        seen.append(dialog)
        dialog.show()
        fill(dialog)
        return dialog.result() == QDialog.DialogCode.Accepted

    return ask


def test_a_project_member_is_registered_and_the_panel_shows_the_status(qtbot: QtBot, services: Services) -> None:
    members = [with_permit(services, *name) for name in (("Aminata", "Diallo"), ("Moussa", "Traoré"), ("Awa", "Sow"))]
    venture_id = collective(services, members)
    code = services.ventures.get(venture_id).code
    panel = EnterprisePanel(services)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_person(members[1].id)
    assert panel.status_line.text() == "Not registered"
    assert not panel.eligibility.isVisible()
    registered_on = TODAY - timedelta(days=10)
    seen: list[AutoEntrepreneurDialog] = []

    def register(dialog: AutoEntrepreneurDialog) -> None:
        assert not dialog.eligibility.isVisible()
        assert dialog.chosen_status() is AutoEntrepreneurStatus.APPLIED
        dialog.applied_on.setDate(qdate(TODAY - timedelta(days=30)))
        choose(dialog.status, AutoEntrepreneurStatus.ACTIVE)
        # active without a registration day: said at once, next to the registration
        assert dialog.errors["registered_on"].isVisible()
        assert dialog.errors["registered_on"].text() == "Give the day of the registration."
        qtbot.mouseClick(dialog.registered_on.check, Qt.MouseButton.LeftButton)
        assert dialog.registered_on.edit.isEnabled() and not dialog.errors["registered_on"].isVisible()
        dialog.registered_on.edit.setDate(qdate(registered_on))
        qtbot.keyClicks(dialog.register_number, "123456")
        qtbot.keyClicks(dialog.activity, "Tailoring")
        choose(dialog.category, AutoEntrepreneurCategory.SERVICES)
        assert [dialog.venture.itemData(i) for i in range(dialog.venture.count())] == [None, venture_id]
        assert code in dialog.venture.itemText(1)
        choose(dialog.venture, venture_id)
        dialog.save_button.click()

    panel.ask = answer(register, seen)  # type: ignore[method-assign]
    panel.status_button.click()
    assert seen and seen[0].result() == QDialog.DialogCode.Accepted
    category = labels.auto_entrepreneur_category(AutoEntrepreneurCategory.SERVICES)
    expected = f"Active since {labels.short_date(registered_on)} — register no. 123456, {category}"
    assert panel.status_line.text() == expected
    assert "200,000 MAD" in expected
    stored = services.auto_entrepreneurs.get(members[1].id)
    assert stored.draft is not None and stored.draft.venture_id == venture_id and stored.ceiling_mad == 200_000

    # opened again, the dialog shows what was recorded
    dialog = AutoEntrepreneurDialog(services, members[1].id)
    qtbot.addWidget(dialog)
    assert dialog.chosen_status() is AutoEntrepreneurStatus.ACTIVE
    assert dialog.registered_on.value() == registered_on and dialog.register_number.text() == "123456"
    assert dialog.venture.currentData() == venture_id


def test_an_asylum_seeker_without_a_permit_sees_why_and_cannot_apply(qtbot: QtBot, services: Services) -> None:
    saved = services.beneficiaries.create(person("Jean", "Mbeki", migration_status=MigrationStatus.ASYLUM_SEEKER))
    panel = EnterprisePanel(services)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_person(saved.id)
    reason = "An asylum seeker without a residence permit cannot register as an auto-entrepreneur."
    assert panel.eligibility.isVisible() and panel.eligibility.text() == reason
    seen: list[AutoEntrepreneurDialog] = []

    def try_to_apply(dialog: AutoEntrepreneurDialog) -> None:
        assert dialog.eligibility.isVisible()
        assert reason in dialog.eligibility.text() and "identity document" in dialog.eligibility.text()
        qtbot.keyClicks(dialog.activity, "Phone repair")
        dialog.save_button.click()
        assert dialog.isVisible() and dialog.errors["status"].isVisible()
        assert dialog.errors["status"].text() == reason
        assert dialog.activity.text() == "Phone repair"  # nothing typed is lost
        dialog.done(QDialog.DialogCode.Rejected)

    panel.ask = answer(try_to_apply, seen)  # type: ignore[method-assign]
    panel.status_button.click()
    assert seen and services.auto_entrepreneurs.get(saved.id).draft is None
    assert panel.status_line.text() == "Not registered"


def test_a_wrong_ice_is_refused_next_to_its_field_and_kept(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = with_permit(services, "Fatou", "Ndiaye")
    dialog = AutoEntrepreneurDialog(services, saved.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.ice, "123")
    qtbot.keyClicks(dialog.tax_id, "12345678")
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.errors["ice"].isVisible()
    assert "15 digits" in dialog.errors["ice"].text()
    assert dialog.ice.text() == "123" and dialog.tax_id.text() == "12345678"
    assert services.auto_entrepreneurs.get(saved.id).draft is None
    # Esc asks before throwing the typing away
    asked: list[bool] = []

    def keep_typing(parent: object) -> bool:
        asked.append(True)
        return False

    monkeypatch.setattr(unsaved_changes, "confirm_discard", keep_typing)
    dialog.reject()
    assert asked and dialog.isVisible()
    # corrected, the application is recorded
    dialog.ice.setText("001234567000089")
    dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    stored = services.auto_entrepreneurs.get(saved.id).draft
    assert stored is not None and stored.ice == "001234567000089" and stored.status is AutoEntrepreneurStatus.APPLIED


def test_only_a_lapsed_status_asks_for_its_end(qtbot: QtBot, services: Services) -> None:
    saved = with_permit(services, "Fatou", "Ndiaye")
    dialog = AutoEntrepreneurDialog(services, saved.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.rows.row_visible("lapsed_on")
    choose(dialog.status, AutoEntrepreneurStatus.LAPSED)
    assert dialog.rows.row_visible("lapsed_on") and dialog.lapsed_on.isVisible()
    choose(dialog.status, AutoEntrepreneurStatus.APPLIED)
    assert not dialog.lapsed_on.isVisible() and not dialog.errors["registered_on"].isVisible()
    dialog.done(QDialog.DialogCode.Rejected)
