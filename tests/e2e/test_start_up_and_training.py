"""A coordinator's entrepreneurship work through the main window, as a new user would live it.

She follows a collective start-up from the idea to its creation, records a member's auto-entrepreneur
registration, runs a training, marks attendance and prints every certificate in one go in French and in
Arabic.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from hubdesk.domain.enums import (
    AutoEntrepreneurCategory,
    AutoEntrepreneurStatus,
    DocumentKind,
    IdDocumentType,
    Role,
    VentureKind,
    VentureStage,
)
from hubdesk.services.facade import Services
from hubdesk.ui import labels
from hubdesk.ui.auto_entrepreneur_dialog import AutoEntrepreneurDialog
from hubdesk.ui.form_rows import qdate
from hubdesk.ui.stage_dialog import StageDialog
from hubdesk.ui.training_dialog import TrainingDialog
from hubdesk.ui.venture_dialog import VentureDialog
from tests.e2e.test_counsellor_day import window_for
from tests.integration.test_beneficiary_service import person
from tests.integration.test_document_register import PASSWORD
from tests.integration.venture_helpers import TODAY
from tests.pdf_reading import pdf_text, words


def shown(fill: object) -> object:
    """Stands for a dialog's exec(): shows it, lets the person act in it, says whether it was saved."""

    def ask(dialog: QDialog) -> bool:
        dialog.show()
        fill(dialog)  # type: ignore[operator]
        return dialog.result() == QDialog.DialogCode.Accepted

    return ask


def test_a_start_up_from_idea_to_creation_then_a_training_and_its_certificates(
    qtbot: QtBot, services: Services
) -> None:
    permit = {
        "id_document_type": IdDocumentType.RESIDENCE_PERMIT,
        "id_document_number": "E123456",
        "id_document_expiry": TODAY + timedelta(days=365),
    }
    trio = [
        services.beneficiaries.create(person(first, last, **permit))  # type: ignore[arg-type]
        for first, last in (("Aminata", "Diallo"), ("Moussa", "Traoré"), ("Fatou", "Ndiaye"))
    ]
    services.accounts.create_user(services.actor(), "karima", "Karima Alaoui", PASSWORD, Role.COORDINATOR)
    coordinator = Services(services.database)
    coordinator.login("karima", PASSWORD)
    window = window_for(qtbot, coordinator)
    pipeline, venture_page, trainings = window.pipeline, window.venture, window.trainings
    assert pipeline is not None and venture_page is not None and trainings is not None

    # 1. the project: three founders type in, then it moves along the pipeline, each step dated
    window.nav.setCurrentRow(window._pages.index(pipeline))
    assert window.stack.currentWidget() is pipeline

    def new_project(dialog: QDialog) -> None:
        assert isinstance(dialog, VentureDialog)
        qtbot.keyClicks(dialog.name_edit, "Couture Solidaire")
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(VentureKind.COLLECTIVE.value))
        dialog.started_on.setDate(qdate(TODAY - timedelta(days=120)))
        for typed in ("Diallo", "Moussa", "Ndiaye"):
            qtbot.keyClicks(dialog.picker.box, typed)
            qtbot.keyClick(dialog.picker.box, Qt.Key.Key_Return)
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    pipeline.ask = shown(new_project)  # type: ignore[method-assign,assignment]
    pipeline.new_button.click()
    project = pipeline.selected_venture()
    assert project is not None and project.member_count == 3
    assert pipeline.count_of(VentureStage.IDEA) == "Idea (1)"

    for stage, days_ago in (
        (VentureStage.PRE_INCUBATION, 90),
        (VentureStage.PLAN_VALIDATED, 60),
        (VentureStage.SEEKING_FINANCING, 40),
        (VentureStage.CREATED, 7),
    ):

        def move(dialog: QDialog, stage: VentureStage = stage, days_ago: int = days_ago) -> None:
            assert isinstance(dialog, StageDialog)
            dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData(stage.value))
            dialog.changed_on.setDate(qdate(TODAY - timedelta(days=days_ago)))
            qtbot.keyClick(dialog.note, Qt.Key.Key_Return)

        pipeline.ask = shown(move)  # type: ignore[method-assign,assignment]
        pipeline.move_button.click()
        moved = pipeline.selected_venture()
        assert moved is not None and moved.id == project.id and moved.stage is stage
    assert (
        pipeline.count_of(VentureStage.CREATED) == "Created (1)" and pipeline.count_of(VentureStage.IDEA) == "Idea (0)"
    )

    # the project's page tells its story
    pipeline.venture_opened.emit(project.id)
    assert window.stack.currentWidget() is venture_page
    info = coordinator.ventures.get(project.id)
    assert info.created_on == TODAY - timedelta(days=7)
    assert [step.stage for step in info.steps] == [
        VentureStage.IDEA,
        VentureStage.PRE_INCUBATION,
        VentureStage.PLAN_VALIDATED,
        VentureStage.SEEKING_FINANCING,
        VentureStage.CREATED,
    ]
    assert "Couture Solidaire" in venture_page.title.text()

    # 2. Moussa registers as an auto-entrepreneur: from his record's Entrepreneurship tab
    window.open_beneficiary(trio[1].id)
    panel = window.record.enterprise
    assert panel is not None
    window.record.tabs.setCurrentWidget(panel)
    assert panel.status_line.text() == "Not registered"

    def register(dialog: QDialog) -> None:
        assert isinstance(dialog, AutoEntrepreneurDialog)
        dialog.applied_on.setDate(qdate(TODAY - timedelta(days=30)))
        dialog.status.setCurrentIndex(dialog.status.findData(AutoEntrepreneurStatus.ACTIVE))
        qtbot.mouseClick(dialog.registered_on.check, Qt.MouseButton.LeftButton)
        dialog.registered_on.edit.setDate(qdate(TODAY - timedelta(days=5)))
        qtbot.keyClicks(dialog.register_number, "AE-2026-004512")
        qtbot.keyClicks(dialog.activity, "Couture et retouches")
        dialog.category.setCurrentIndex(dialog.category.findData(AutoEntrepreneurCategory.SERVICES))
        dialog.save_button.click()

    panel.ask = shown(register)  # type: ignore[method-assign,assignment]
    panel.status_button.click()
    assert panel.status_line.text().startswith(f"Active since {labels.short_date(TODAY - timedelta(days=5))}")
    assert "Couture Solidaire" in " ".join(
        str(panel.venture_model.index(r, 1).data()) for r in range(panel.venture_model.rowCount())
    )

    # 3. a training of five days: the three enrolled, attendance ticked, certificates for those who completed
    window.nav.setCurrentRow(window._pages.index(trainings))

    def new_training(dialog: QDialog) -> None:
        assert isinstance(dialog, TrainingDialog)
        dialog.title_edit.insert("Créer et gérer son entreprise")  # keyClicks types ASCII only
        qtbot.keyClicks(dialog.trainer_edit, "Salma Bennani")
        first = dialog.days_editor.date_edits()[0]
        first.setDate(first.date().addDays(-10))
        for _ in range(4):
            dialog.days_editor.add_button.click()
        dialog.save_button.click()

    trainings.run_dialog = shown(new_training)  # type: ignore[method-assign,assignment]
    trainings.new_button.click()
    page = trainings.training_page
    assert trainings.stack.currentWidget() is page and page.training is not None
    page.enrol_button.click()
    for name in ("Aminata", "Moussa", "Fatou"):
        qtbot.keyClicks(page.picker.box, name)
        qtbot.keyClick(page.picker.box, Qt.Key.Key_Return)
    page.enrol_them_button.click()
    assert page.model.rowCount() == 3
    for name, days in {"Aminata": 5, "Moussa": 4, "Fatou": 2}.items():
        row = next(r for r, t in enumerate(page.model.trainees()) if t.person_name.startswith(name))
        for n in range(days):
            rect = page.table.visualRect(page.model.index(row, page.model.FIRST_DAY + n))
            qtbot.mouseClick(
                page.table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 11, rect.center().y())
            )
    page.save_button.click()
    assert not page.model.has_changes()

    for lang in ("fr", "ar"):

        def everyone(dialog: QDialog, lang: str = lang) -> bool:
            dialog.language.setCurrentIndex(dialog.language.findData(lang))  # type: ignore[attr-defined]
            return True

        page.batch.preview = None
        page.ask_print = everyone  # type: ignore[method-assign,assignment]
        page.certificates_button.click()
        qtbot.waitUntil(lambda: page.batch.preview is not None, timeout=30000)
        preview = page.batch.preview
        assert preview is not None and preview.page_count() == 2
        seen = words(pdf_text(preview.pdf).upper())
        assert {"AMINATA", "DIALLO", "MOUSSA", "TRAORÉ"} <= seen and "NDIAYE" not in seen
        preview.close()
    register_rows = coordinator.documents.register(kind=DocumentKind.CERTIFICATE)
    assert sorted(d.language for d in register_rows) == ["ar", "ar", "fr", "fr"]
    assert {d.person_code for d in register_rows} == {trio[0].code, trio[1].code}
