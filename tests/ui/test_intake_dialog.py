"""The intake form, driven as a counsellor would: typing, choosing, saving, cancelling."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QWidget,
)
from pytestqt.qtbot import QtBot

from hubdesk.domain.beneficiary import BeneficiaryDraft, Consent, PhoneEntry
from hubdesk.domain.enums import (
    ConsentPurpose,
    MigrationStatus,
    Sex,
    SkillLevel,
    SkillSector,
)
from hubdesk.services.facade import Services
from hubdesk.ui import labels
from hubdesk.ui.intake_dialog import IntakeDialog
from hubdesk.ui.intake_fields import IntakeSection
from hubdesk.ui.row_list_editor import RowListEditor


class Answers:
    """Stands in for the yes/no question boxes: records the questions, answers as told."""

    def __init__(self) -> None:
        self.questions: list[str] = []
        self.answer = True

    def __call__(self, text: str) -> bool:
        self.questions.append(text)
        return self.answer


@pytest.fixture
def answers() -> Answers:
    return Answers()


@pytest.fixture
def informed() -> list[str]:
    return []


@pytest.fixture
def open_intake(
    qtbot: QtBot, services: Services, answers: Answers, informed: list[str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[..., IntakeDialog]]:
    monkeypatch.setattr(IntakeDialog, "_confirm", lambda self, text: answers(text))
    monkeypatch.setattr(IntakeDialog, "_inform", lambda self, title, text: informed.append(text))
    opened: list[IntakeDialog] = []

    def opener(beneficiary_id: str | None = None) -> IntakeDialog:
        dialog = IntakeDialog(services, beneficiary_id)
        qtbot.addWidget(dialog)
        with qtbot.waitActive(dialog):  # active, as on a desk: shortcuts and pop-ups work
            dialog.show()
            dialog.activateWindow()
        opened.append(dialog)
        return dialog

    yield opener
    for dialog in opened:
        dialog._leaving = True  # nothing to ask while the test tears down


def show(dialog: IntakeDialog, section: IntakeSection) -> None:
    dialog.tabs.setCurrentIndex(dialog.sections.index(section))


def choose(qtbot: QtBot, combo: QComboBox, label: str) -> None:
    combo.setFocus()
    qtbot.keyClicks(combo, label)
    assert combo.currentText() == label


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Arabic and accents included (``keyClicks`` only knows ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def retype(widget: QWidget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()  # type: ignore[attr-defined]
    type_text(widget, text)


def press_enter_in_cell(qtbot: QtBot, editor: RowListEditor, cell: QWidget) -> None:
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    # the view commits the cell once back in the event loop
    qtbot.waitUntil(lambda: editor.view.state() != QAbstractItemView.State.EditingState)


def type_in_new_row(qtbot: QtBot, editor: RowListEditor, text: str) -> None:
    """Click Add and type into the first cell of the new row, which is ready for typing."""
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    cell = editor.view.indexWidget(editor.model.index(editor.model.rowCount() - 1, 0))
    assert cell is not None
    qtbot.keyClicks(cell, text)
    press_enter_in_cell(qtbot, editor, cell)


def edit_cell(qtbot: QtBot, editor: RowListEditor, row: int, key: str, text: str) -> None:
    keys = [column.key for column in editor.model.columns]
    index = editor.model.index(row, keys.index(key))
    editor.view.setCurrentIndex(index)
    editor.view.edit(index)
    cell = editor.view.indexWidget(index)
    assert cell is not None
    qtbot.keyClicks(cell, text)
    press_enter_in_cell(qtbot, editor, cell)


def click_box(qtbot: QtBot, box: QCheckBox) -> None:
    # on the tick itself: the widget is wider than the box and its text
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def tick_follow_up(qtbot: QtBot, dialog: IntakeDialog) -> None:
    show(dialog, dialog.consent)
    click_box(qtbot, dialog.consent.follow_up)


def type_identity(
    qtbot: QtBot, dialog: IntakeDialog, first: str = "Aminata", last: str = "Diallo", born: str = "12/03/1995"
) -> None:
    identity = dialog.identity
    show(dialog, identity)
    qtbot.keyClicks(identity.first_name, first)
    qtbot.keyClicks(identity.last_name, last)
    choose(qtbot, identity.sex, labels.sex(Sex.FEMALE))
    qtbot.keyClicks(identity.birth_date.line_edit, born)
    choose(qtbot, identity.migration_status, labels.migration_status(MigrationStatus.ASYLUM_SEEKER))


def click_save(qtbot: QtBot, dialog: IntakeDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def register(services: Services, first: str, last: str, born: date, phone: str = "") -> str:
    draft = BeneficiaryDraft(
        first_name=first,
        last_name=last,
        sex=Sex.MALE,
        birth_date=born,
        nationality="MA",
        migration_status=MigrationStatus.MOROCCAN,
        registered_on=date.today(),
        phones=[PhoneEntry(phone)] if phone else [],
        consent=Consent(date.today(), {ConsentPurpose.FOLLOW_UP}),
    )
    return services.beneficiaries.create(draft).id


def test_opens_as_a_new_intake_with_sensible_defaults(open_intake: Callable[..., IntakeDialog]) -> None:
    dialog = open_intake()
    assert dialog.windowTitle() == "New intake"
    assert dialog.focusWidget() is dialog.identity.first_name
    assert dialog.identity.nationality.value() == "MA"
    assert dialog.contact.city.text() == "Tanger"
    assert dialog.hub.registered_on.date() == date.today()
    assert dialog.consent.given_on.date() == date.today()
    assert dialog.hub.counsellor.value() == dialog._services.user.id  # type: ignore[union-attr]
    assert dialog.identity.arabic_name.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_a_complete_intake_is_saved_with_its_skill(
    qtbot: QtBot, services: Services, open_intake: Callable[..., IntakeDialog]
) -> None:
    dialog = open_intake()
    type_identity(qtbot, dialog)
    # typed without its accents ("Sénégal" in French), then picked in the suggestions
    nationality = dialog.identity.nationality
    nationality.setFocus()
    line_edit, completer = nationality.lineEdit(), nationality.completer()
    assert line_edit is not None and completer is not None
    line_edit.selectAll()
    qtbot.keyClicks(nationality, "senegal")
    popup = completer.popup()
    assert popup is not None and popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert nationality.currentText() == labels.country("SN")
    assert not dialog._save_attempted  # Enter picked the country; it did not save
    tick_follow_up(qtbot, dialog)

    show(dialog, dialog.contact)
    type_in_new_row(qtbot, dialog.contact.phones, "0612345678")
    assert not dialog._save_attempted  # Enter ended the cell; it did not save the form

    show(dialog, dialog.skills)
    skills = dialog.skills.skills
    type_in_new_row(qtbot, skills, "Couture")
    edit_cell(qtbot, skills, 0, "sector", labels.skill_sector(SkillSector.TEXTILE))
    edit_cell(qtbot, skills, 0, "years", "6")

    with qtbot.waitSignal(dialog.beneficiary_saved) as saved:
        click_save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    beneficiary_id = saved.args[0]
    assert dialog.saved is not None and dialog.saved.id == beneficiary_id

    rows = services.search.search("Diallo")
    assert [row.id for row in rows] == [beneficiary_id]
    draft = services.beneficiaries.get(beneficiary_id, record_view=False).draft
    assert (draft.first_name, draft.last_name, draft.sex) == ("Aminata", "Diallo", Sex.FEMALE)
    assert draft.birth_date == date(1995, 3, 12)
    assert draft.nationality == "SN"
    assert draft.migration_status is MigrationStatus.ASYLUM_SEEKER
    assert [p.number for p in draft.phones] == ["+212612345678"]
    assert len(draft.skills) == 1
    skill = draft.skills[0]
    assert (skill.name, skill.sector, skill.level, skill.years) == (
        "Couture",
        SkillSector.TEXTILE,
        SkillLevel.BEGINNER,
        6,
    )
    assert draft.consent.allows(ConsentPurpose.FOLLOW_UP)


def test_a_wrong_email_is_explained_under_the_field_as_it_is_typed(
    qtbot: QtBot, open_intake: Callable[..., IntakeDialog]
) -> None:
    dialog = open_intake()
    tick_follow_up(qtbot, dialog)
    assert dialog.consent.follow_up.isChecked()
    show(dialog, dialog.contact)
    qtbot.keyClicks(dialog.contact.email, "not-an-email")
    qtbot.waitUntil(lambda: dialog.contact.error_text("email") == "Not a valid e-mail address")
    assert dialog.contact.email.text() == "not-an-email"
    # fields not touched yet are not shouted at before a save attempt
    assert dialog.identity.error_text("last_name") == ""
    assert "•" in dialog.tabs.tabText(dialog.sections.index(dialog.contact))


def test_a_failed_save_keeps_everything_typed_and_says_why(
    qtbot: QtBot, services: Services, open_intake: Callable[..., IntakeDialog]
) -> None:
    dialog = open_intake()
    identity = dialog.identity
    qtbot.keyClicks(identity.first_name, "Youssef")
    qtbot.keyClicks(identity.birth_date.line_edit, "01/01/2099")
    type_text(identity.arabic_name, "يوسف")
    click_save(qtbot, dialog)

    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert identity.first_name.text() == "Youssef"
    assert identity.birth_date.line_edit.text() == "01/01/2099"
    assert identity.arabic_name.text() == "يوسف"
    assert identity.error_text("last_name") == "Required"
    assert identity.error_text("birth_date") == "Date of birth is in the future"
    assert identity.error_text("sex") == "Required"
    assert "fields need attention" in dialog.status_label.text()
    assert dialog.tabs.currentIndex() == 0
    assert services.search.search("Youssef") == []


def test_a_date_that_is_not_a_date_is_refused(qtbot: QtBot, open_intake: Callable[..., IntakeDialog]) -> None:
    dialog = open_intake()
    type_identity(qtbot, dialog, born="31/02/1990")
    click_save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.identity.error_text("birth_date") == "Not a valid date: type it as dd/mm/yyyy"
    assert dialog.identity.birth_date.line_edit.text() == "31/02/1990"


def test_only_the_year_of_birth_may_be_known(
    qtbot: QtBot, services: Services, open_intake: Callable[..., IntakeDialog]
) -> None:
    dialog = open_intake()
    type_identity(qtbot, dialog, born="")
    click_box(qtbot, dialog.identity.year_only)
    assert dialog.identity.birth_year.isVisible() and not dialog.identity.birth_date.isVisible()
    retype(dialog.identity.birth_year, "1988")
    with qtbot.waitSignal(dialog.beneficiary_saved) as saved:
        click_save(qtbot, dialog)
    draft = services.beneficiaries.get(saved.args[0], record_view=False).draft
    assert (draft.birth_date, draft.birth_year) == (None, 1988)


def test_a_near_identical_person_brings_up_the_duplicate_warning(
    qtbot: QtBot, services: Services, open_intake: Callable[..., IntakeDialog]
) -> None:
    first_id = register(services, "Mohammed", "Alaoui", date(1995, 3, 12))
    code = services.beneficiaries.get(first_id, record_view=False).code
    dialog = open_intake()
    type_identity(qtbot, dialog, first="Mohamed", last="Alaoui", born="12/03/1995")
    qtbot.waitUntil(lambda: dialog.duplicate_banner.isVisible())
    assert dialog.duplicate_banner.text() == "1 possible existing record — check before saving"

    click_save(qtbot, dialog)
    warning = dialog.duplicate_dialog
    assert warning is not None
    qtbot.waitUntil(warning.isVisible)
    assert warning.model.rowCount() == 1
    assert warning.model.index(0, 0).data() == code
    assert "similar name" in warning.model.index(0, warning.model.REASONS).data()
    assert "same date of birth" in warning.model.index(0, warning.model.REASONS).data()
    assert not warning.open_button.isEnabled()

    qtbot.mouseClick(warning.back_button, Qt.MouseButton.LeftButton)
    assert dialog.duplicate_dialog is None and dialog.isVisible()
    assert len(services.search.search("Alaoui")) == 1

    click_save(qtbot, dialog)
    warning = dialog.duplicate_dialog
    assert warning is not None
    with qtbot.waitSignal(dialog.beneficiary_saved):
        qtbot.mouseClick(warning.save_button, Qt.MouseButton.LeftButton)
    assert len(services.search.search("Alaoui")) == 2


def test_the_banner_opens_the_same_warning(
    qtbot: QtBot, services: Services, open_intake: Callable[..., IntakeDialog]
) -> None:
    register(services, "Mohammed", "Alaoui", date(1995, 3, 12), phone="0612345678")
    dialog = open_intake()
    tick_follow_up(qtbot, dialog)
    show(dialog, dialog.contact)
    type_in_new_row(qtbot, dialog.contact.phones, "06 12 34 56 78")
    qtbot.waitUntil(lambda: dialog.duplicate_banner.isVisible())
    qtbot.mouseClick(dialog.duplicate_banner, Qt.MouseButton.LeftButton)
    warning = dialog.duplicate_dialog
    assert warning is not None
    assert "same phone" in warning.model.index(0, warning.model.REASONS).data()
    qtbot.keyClick(warning, Qt.Key.Key_Escape)
    assert dialog.duplicate_dialog is None and dialog.isVisible()


def test_opening_the_existing_record_instead_asks_first_and_saves_nothing(
    qtbot: QtBot, services: Services, answers: Answers, open_intake: Callable[..., IntakeDialog]
) -> None:
    first_id = register(services, "Mohammed", "Alaoui", date(1995, 3, 12))
    dialog = open_intake()
    type_identity(qtbot, dialog, first="Mohamed", last="Alaoui", born="12/03/1995")
    click_save(qtbot, dialog)
    warning = dialog.duplicate_dialog
    assert warning is not None
    warning.view.selectRow(0)
    assert warning.open_button.isEnabled()

    answers.answer = False
    qtbot.mouseClick(warning.open_button, Qt.MouseButton.LeftButton)
    assert answers.questions == ["Discard this intake and open the existing record?"]
    assert dialog.isVisible() and dialog.identity.first_name.text() == "Mohamed"

    click_save(qtbot, dialog)
    warning = dialog.duplicate_dialog
    assert warning is not None
    warning.view.selectRow(0)
    answers.answer = True
    with qtbot.waitSignal(dialog.existing_opened) as opened:
        qtbot.mouseClick(warning.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [first_id]
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert len(services.search.search("Alaoui")) == 1


def test_without_consent_to_follow_up_only_the_minimal_record_is_kept(
    qtbot: QtBot, services: Services, informed: list[str], open_intake: Callable[..., IntakeDialog]
) -> None:
    dialog = open_intake()
    type_identity(qtbot, dialog)
    assert dialog.minimal_notice.isVisible()
    assert not dialog.skills.isEnabled()
    assert not dialog.identity.id_document_type.isEnabled()

    tick_follow_up(qtbot, dialog)
    assert dialog.consent.follow_up.isChecked()
    assert not dialog.minimal_notice.isVisible()
    assert dialog.skills.isEnabled()
    show(dialog, dialog.contact)
    qtbot.keyClicks(dialog.contact.email, "aminata@example.org")
    dialog.skills.skills.model.add_row({"name": "Couture"})

    tick_follow_up(qtbot, dialog)  # unticked again
    assert not dialog.consent.follow_up.isChecked()
    assert dialog.minimal_notice.isVisible()
    assert "only a minimal record is kept" in dialog.minimal_notice.label.text()
    assert not dialog.skills.isEnabled() and not dialog.contact.isEnabled()
    assert dialog.contact.email.text() == "aminata@example.org"  # kept in case the box is ticked again
    assert dialog.skills.skills.model.rowCount() == 1

    with qtbot.waitSignal(dialog.beneficiary_saved) as saved:
        click_save(qtbot, dialog)
    draft = services.beneficiaries.get(saved.args[0], record_view=False).draft
    assert (draft.first_name, draft.last_name) == ("Aminata", "Diallo")
    assert draft.skills == [] and draft.email == "" and draft.phones == []
    assert len(informed) == 1 and "minimal record" in informed[0]


def test_editing_loads_the_person_and_saves_the_change(
    qtbot: QtBot, services: Services, answers: Answers, open_intake: Callable[..., IntakeDialog]
) -> None:
    beneficiary_id = register(services, "Mohammed", "Alaoui", date(1995, 3, 12), phone="0612345678")
    record = services.beneficiaries.get(beneficiary_id, record_view=False)
    dialog = open_intake(beneficiary_id)
    assert record.code in dialog.windowTitle()
    assert dialog.identity.first_name.text() == "Mohammed"
    assert dialog.identity.birth_date.line_edit.text() == "12/03/1995"
    assert dialog.contact.phones.rows()[0]["number"] == "+212612345678"
    assert not dialog.minimal_notice.isVisible()
    assert not dialog.is_dirty()

    show(dialog, dialog.contact)
    retype(dialog.contact.city, "Tétouan")
    with qtbot.waitSignal(dialog.beneficiary_saved) as saved:
        click_save(qtbot, dialog)
    assert saved.args == [beneficiary_id]
    assert answers.questions == []
    assert services.beneficiaries.get(beneficiary_id, record_view=False).draft.city == "Tétouan"
    assert len(services.search.search("Alaoui")) == 1


def test_cancel_with_changes_asks_before_closing(
    qtbot: QtBot, answers: Answers, open_intake: Callable[..., IntakeDialog]
) -> None:
    dialog = open_intake()
    qtbot.keyClicks(dialog.identity.first_name, "Fatima")
    answers.answer = False
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert answers.questions == ["Discard the changes?"]
    assert dialog.isVisible() and dialog.identity.first_name.text() == "Fatima"

    qtbot.keyClick(dialog.identity.first_name, Qt.Key.Key_Escape)
    assert len(answers.questions) == 2 and dialog.isVisible()

    answers.answer = True
    dialog.close()
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_cancel_without_changes_closes_without_asking(
    qtbot: QtBot, answers: Answers, open_intake: Callable[..., IntakeDialog]
) -> None:
    dialog = open_intake()
    qtbot.keyClick(dialog.identity.first_name, Qt.Key.Key_Escape)
    assert answers.questions == []
    assert not dialog.isVisible()


def test_enter_saves(qtbot: QtBot, services: Services, open_intake: Callable[..., IntakeDialog]) -> None:
    dialog = open_intake()
    type_identity(qtbot, dialog)
    with qtbot.waitSignal(dialog.beneficiary_saved):
        qtbot.keyClick(dialog.identity.last_name, Qt.Key.Key_Return)
    assert len(services.search.search("Diallo")) == 1


def test_ctrl_enter_saves_even_from_a_note(
    qtbot: QtBot, services: Services, open_intake: Callable[..., IntakeDialog]
) -> None:
    dialog = open_intake()
    type_identity(qtbot, dialog)
    tick_follow_up(qtbot, dialog)
    show(dialog, dialog.situation)
    click_box(qtbot, dialog.situation.has_disability)
    note = dialog.situation.disability_note
    note.setFocus()
    qtbot.keyClicks(note, "Needs a ground-floor room")
    qtbot.keyClick(note, Qt.Key.Key_Return)  # a new line in the note, not a save
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.beneficiary_saved) as saved:
        qtbot.keyClick(note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    draft = services.beneficiaries.get(saved.args[0], record_view=False).draft
    assert draft.has_disability and draft.disability_note == "Needs a ground-floor room"


@pytest.mark.parametrize("shortcut", ["Ctrl+Enter", "Ctrl+S"])
def test_a_shortcut_save_keeps_what_is_typed_in_an_open_cell(
    qtbot: QtBot, services: Services, open_intake: Callable[..., IntakeDialog], shortcut: str
) -> None:
    dialog = open_intake()
    type_identity(qtbot, dialog)
    tick_follow_up(qtbot, dialog)
    show(dialog, dialog.contact)
    phones = dialog.contact.phones
    index = phones.model.index(phones.model.add_row(), 0)
    phones.view.setCurrentIndex(index)
    phones.view.setFocus()
    phones.view.edit(index)
    cell = phones.view.indexWidget(index)
    assert cell is not None
    qtbot.keyClicks(cell, "0612345678")
    assert phones.view.state() == QAbstractItemView.State.EditingState
    with qtbot.waitSignal(dialog.beneficiary_saved) as saved:
        if shortcut == "Ctrl+Enter":
            qtbot.keyClick(cell, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
        else:
            qtbot.keyClick(cell, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    draft = services.beneficiaries.get(saved.args[0], record_view=False).draft
    assert [phone.number for phone in draft.phones] == ["+212612345678"]


def test_a_shortcut_save_checks_duplicates_with_the_open_cell(
    qtbot: QtBot, services: Services, open_intake: Callable[..., IntakeDialog]
) -> None:
    register(services, "Mohammed", "Alaoui", date(1995, 3, 12), phone="0612345678")
    dialog = open_intake()
    type_identity(qtbot, dialog, first="Karim", last="Bennani", born="12/03/1995")
    tick_follow_up(qtbot, dialog)
    show(dialog, dialog.contact)
    phones = dialog.contact.phones
    qtbot.mouseClick(phones.add_button, Qt.MouseButton.LeftButton)
    cell = phones.view.indexWidget(phones.model.index(0, 0))
    assert cell is not None
    qtbot.keyClicks(cell, "0612345678")
    qtbot.keyClick(cell, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    warning = dialog.duplicate_dialog
    assert warning is not None
    assert "same phone" in warning.model.index(0, warning.model.REASONS).data()
    assert len(services.search.search("Bennani")) == 0


def _full_record(services: Services) -> str:
    beneficiary_id = register(services, "Mohammed", "Alaoui", date(1995, 3, 12), phone="0612345678")
    record = services.beneficiaries.get(beneficiary_id, record_view=False)
    draft = record.draft
    draft.email = "m.alaoui@example.org"
    services.beneficiaries.update(beneficiary_id, draft)
    return beneficiary_id


ERASE_QUESTION = (
    "Without consent to case follow-up, this person's contact details, languages, skills and situation"
    " will be erased from the record. Continue?"
)


def test_unticking_follow_up_on_an_existing_record_asks_before_erasing(
    qtbot: QtBot, services: Services, answers: Answers, open_intake: Callable[..., IntakeDialog]
) -> None:
    beneficiary_id = _full_record(services)
    before = services.beneficiaries.get(beneficiary_id, record_view=False).draft
    dialog = open_intake(beneficiary_id)
    tick_follow_up(qtbot, dialog)  # unticked
    assert not dialog.consent.follow_up.isChecked()

    answers.answer = False
    click_save(qtbot, dialog)
    assert answers.questions == [ERASE_QUESTION]
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.saved is None
    assert not dialog.consent.follow_up.isChecked()
    assert dialog.contact.email.text() == "m.alaoui@example.org"
    assert dialog.contact.phones.rows()[0]["number"] == "+212612345678"
    assert services.beneficiaries.get(beneficiary_id, record_view=False).draft == before

    answers.answer = True
    with qtbot.waitSignal(dialog.beneficiary_saved):
        qtbot.keyClick(dialog.consent.follow_up, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert answers.questions == [ERASE_QUESTION, ERASE_QUESTION]
    after = services.beneficiaries.get(beneficiary_id, record_view=False).draft
    assert after.minimal_only
    assert (after.first_name, after.last_name) == ("Mohammed", "Alaoui")
    assert after.email == "" and after.phones == []


def test_an_existing_minimal_record_is_saved_without_asking(
    qtbot: QtBot, services: Services, answers: Answers, open_intake: Callable[..., IntakeDialog]
) -> None:
    draft = BeneficiaryDraft(
        first_name="Omar",
        last_name="Tazi",
        sex=Sex.MALE,
        birth_date=date(1990, 5, 1),
        nationality="MA",
        migration_status=MigrationStatus.MOROCCAN,
        registered_on=date.today(),
        consent=Consent(date.today()),
    )
    beneficiary_id = services.beneficiaries.create(draft).id
    dialog = open_intake(beneficiary_id)
    retype(dialog.identity.first_name, "Omar Ali")
    with qtbot.waitSignal(dialog.beneficiary_saved):
        click_save(qtbot, dialog)
    assert answers.questions == []
    assert services.beneficiaries.get(beneficiary_id, record_view=False).draft.first_name == "Omar Ali"
