"""The Partners page: the seeded directory, searching, adding and editing through the form, disabling,
deleting (refused once a partner received referrals), and what each role may do."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog, QWidget
from pytestqt.qtbot import QtBot

from hubdesk.domain.enums import PartnerType, Role
from hubdesk.services.facade import Services
from hubdesk.ui import labels
from hubdesk.ui.partner_dialog import PartnerDialog
from hubdesk.ui.partners_page import PartnersPage
from hubdesk.ui.partners_table_model import PartnersTableModel
from tests.integration.guidance_helpers import referral_to, sharing_person
from tests.integration.test_document_register import as_role

ANAPEC = "ANAPEC — Agence nationale de promotion de l'emploi et des compétences"
AL_AMANA = "Al Amana Microfinance"
EMPLOYER = "Renault Tanger Med"
EMPLOYER_AR = "رونو طنجة المتوسط"

#: what the form is given in a test: the dialog, shown; returns whether the page should take it as saved
Filler = Callable[[PartnerDialog], bool]


@pytest.fixture(autouse=True)
def _no_modal_questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every yes/no question is answered yes, and remembered."""
    asked: list[str] = []

    def answer(_self: QWidget, text: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(PartnersPage, "confirm", answer)
    monkeypatch.setattr(PartnerDialog, "confirm", answer)
    return asked


@pytest.fixture
def open_page(qtbot: QtBot) -> Iterator[Callable[[Services], PartnersPage]]:
    def opener(hub: Services) -> PartnersPage:
        page = PartnersPage(hub)
        qtbot.addWidget(page)
        page.resize(1200, 700)
        with qtbot.waitActive(page):  # active, as on a desk: the shortcuts work
            page.show()
            page.activateWindow()
        return page

    yield opener


def shown(page: PartnersPage, column: int = PartnersTableModel.NAME) -> list[str]:
    return [page.proxy.index(row, column).data() for row in range(page.proxy.rowCount())]


def cell(page: PartnersPage, name: str, column: int) -> str:
    row = shown(page).index(name)
    return str(page.proxy.index(row, column).data())


def click_row(qtbot: QtBot, page: PartnersPage, name: str) -> None:
    row = shown(page).index(name)
    rect = page.table.visualRect(page.proxy.index(row, PartnersTableModel.NAME))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.selected_partner() is not None and page.selected_partner().name == name  # type: ignore[union-attr]


def show_active(qtbot: QtBot, dialog: PartnerDialog) -> None:
    with qtbot.waitActive(dialog):  # active, as on a desk: the cells edit and the shortcuts work
        dialog.show()
        dialog.activateWindow()


def fill_in(qtbot: QtBot, page: PartnersPage, filler: Filler) -> list[PartnerDialog]:
    """Replace the modal step of ``page``: the form is shown and ``filler`` types into it."""
    opened: list[PartnerDialog] = []

    def ask(dialog: PartnerDialog) -> bool:
        opened.append(dialog)
        show_active(qtbot, dialog)
        return filler(dialog)

    page.ask = ask  # type: ignore[method-assign]
    return opened


def saved_by_clicking(qtbot: QtBot, dialog: PartnerDialog) -> bool:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    return dialog.result() == QDialog.DialogCode.Accepted


def add_contact(qtbot: QtBot, dialog: PartnerDialog, *cells: str) -> None:
    """Add a contact row and type its cells (name, role, phone, e-mail), Tab from one to the next."""
    qtbot.mouseClick(dialog.contacts.add_button, Qt.MouseButton.LeftButton)
    view = dialog.contacts.view
    row = dialog.contacts.model.rowCount() - 1
    for column, text in enumerate(cells):
        index = dialog.contacts.model.index(row, column)
        view.setCurrentIndex(index)
        if view.indexWidget(index) is None:
            view.edit(index)
        editor = view.indexWidget(index)
        assert editor is not None
        qtbot.keyClicks(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


# --- the list -------------------------------------------------------------------------------


def test_the_seeded_partners_are_listed_with_their_services(
    qtbot: QtBot, services: Services, open_page: Callable[[Services], PartnersPage]
) -> None:
    page = open_page(services)
    names = shown(page)
    assert ANAPEC in names and AL_AMANA in names and "Entraide Nationale" in names
    assert any(name.startswith("OFPPT") for name in names) and any(name.startswith("Caritas") for name in names)
    assert len(names) == len(services.partners.list())
    assert cell(page, ANAPEC, PartnersTableModel.SERVICES) == "Idmaj, Taehil, Tahfiz, Auto-emploi"
    assert cell(page, ANAPEC, PartnersTableModel.TYPE) == labels.partner_type(PartnerType.PUBLIC_EMPLOYMENT)
    arabic = cell(page, ANAPEC, PartnersTableModel.ARABIC_NAME)
    assert arabic == "\u2068الوكالة الوطنية لإنعاش التشغيل والكفاءات\u2069"
    row = names.index(ANAPEC)
    alignment = page.proxy.index(row, PartnersTableModel.ARABIC_NAME).data(Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight
    assert cell(page, ANAPEC, PartnersTableModel.REFERRALS) == "0"
    assert cell(page, ANAPEC, PartnersTableModel.ACTIVE) == "Active"

    click_row(qtbot, page, ANAPEC)
    details = page.details.toPlainText()
    for text in ("Idmaj", "Taehil", "Tahfiz", "Auto-emploi", "الوكالة الوطنية لإنعاش التشغيل والكفاءات", "Tanger"):
        assert text in details


def test_searching_a_service_keeps_only_the_partners_offering_it(
    qtbot: QtBot, services: Services, open_page: Callable[[Services], PartnersPage]
) -> None:
    page = open_page(services)
    qtbot.keyClicks(page.search_edit, "idmaj")
    qtbot.waitUntil(lambda: shown(page) == [ANAPEC])
    page.search_edit.clear()
    qtbot.waitUntil(lambda: len(shown(page)) == len(services.partners.list()))


def test_the_type_filter_keeps_the_partners_of_that_type(
    qtbot: QtBot, services: Services, open_page: Callable[[Services], PartnersPage]
) -> None:
    page = open_page(services)
    page.type_filter.setCurrentIndex(page.type_filter.findData(PartnerType.FINANCING.value))
    assert sorted(shown(page)) == [AL_AMANA, "Guichet Forsa"]


# --- the form -------------------------------------------------------------------------------


def test_a_partner_created_through_the_form_is_listed_and_selected(
    qtbot: QtBot, services: Services, open_page: Callable[[Services], PartnersPage]
) -> None:
    page = open_page(services)

    def type_employer(dialog: PartnerDialog) -> bool:
        qtbot.keyClicks(dialog.name_edit, EMPLOYER)
        dialog.arabic_edit.setFocus()
        dialog.arabic_edit.insert(EMPLOYER_AR)
        dialog.type_combo.setCurrentIndex(dialog.type_combo.findText(labels.partner_type(PartnerType.EMPLOYER)))
        qtbot.keyClicks(dialog.services_edit, "Operateur de production")
        qtbot.keyClicks(dialog.city_edit, "Tanger")
        qtbot.keyClicks(dialog.email_edit, "recrutement@renault.example")
        add_contact(qtbot, dialog, "Samira Alaoui", "RH", "0539 00 00 00", "samira@renault.example")
        return saved_by_clicking(qtbot, dialog)

    opened = fill_in(qtbot, page, type_employer)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert opened and opened[0].saved is not None

    assert EMPLOYER in shown(page)
    assert cell(page, EMPLOYER, PartnersTableModel.ARABIC_NAME) == labels.isolate(EMPLOYER_AR)
    assert cell(page, EMPLOYER, PartnersTableModel.TYPE) == labels.partner_type(PartnerType.EMPLOYER)
    assert cell(page, EMPLOYER, PartnersTableModel.SERVICES) == "Operateur de production"
    selected = page.selected_partner()
    assert selected is not None and selected.name == EMPLOYER
    details = page.details.toPlainText()
    assert "Samira Alaoui" in details and "RH" in details and "samira@renault.example" in details
    stored = next(p for p in services.partners.list() if p.name == EMPLOYER)
    assert stored.draft.arabic_name == EMPLOYER_AR
    assert [(c.name, c.role, c.phone, c.email) for c in stored.draft.contacts] == [
        ("Samira Alaoui", "RH", "0539 00 00 00", "samira@renault.example")
    ]


def test_an_invalid_email_is_shown_next_to_the_field_and_what_was_typed_is_kept(
    qtbot: QtBot, services: Services
) -> None:
    dialog = PartnerDialog(services)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    qtbot.keyClicks(dialog.name_edit, EMPLOYER)
    qtbot.keyClicks(dialog.email_edit, "recrutement@renault")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    message = dialog.errors["email"]
    assert message.isVisible() and "'recrutement@renault' is not an e-mail address" in message.text()
    assert not dialog.errors["name"].isVisible()
    assert dialog.isVisible() and dialog.saved is None
    assert dialog.name_edit.text() == EMPLOYER and dialog.email_edit.text() == "recrutement@renault"
    assert dialog.focusWidget() is dialog.email_edit
    assert EMPLOYER not in [p.name for p in services.partners.list(include_inactive=True)]

    # corrected, it saves
    qtbot.keyClicks(dialog.email_edit, ".ma")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved is not None and dialog.saved.draft.email == "recrutement@renault.ma"


def test_a_name_already_in_the_directory_is_refused_next_to_the_name(qtbot: QtBot, services: Services) -> None:
    dialog = PartnerDialog(services)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    qtbot.keyClicks(dialog.name_edit, "entraide nationale")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors["name"].isVisible() and "already in the directory" in dialog.errors["name"].text()
    assert dialog.name_edit.text() == "entraide nationale" and dialog.saved is None


def test_enter_on_a_partner_edits_it_and_the_selection_stays_on_it(
    qtbot: QtBot, services: Services, open_page: Callable[[Services], PartnersPage]
) -> None:
    page = open_page(services)
    click_row(qtbot, page, AL_AMANA)

    def change_city(dialog: PartnerDialog) -> bool:
        assert dialog.name_edit.text() == AL_AMANA and dialog.services_edit.toPlainText() == "Microcrédit"
        dialog.city_edit.selectAll()
        qtbot.keyClicks(dialog.city_edit, "Tetouan")
        return saved_by_clicking(qtbot, dialog)

    opened = fill_in(qtbot, page, change_city)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert len(opened) == 1
    assert cell(page, AL_AMANA, PartnersTableModel.CITY) == "Tetouan"
    selected = page.selected_partner()
    assert selected is not None and selected.name == AL_AMANA and selected.draft.city == "Tetouan"


# --- disabling and deleting -------------------------------------------------------------------


def test_a_partner_that_received_a_referral_cannot_be_deleted_but_can_be_disabled(
    qtbot: QtBot, services: Services, open_page: Callable[[Services], PartnersPage], _no_modal_questions: list[str]
) -> None:
    person = sharing_person(services)
    services.referrals.create(person.id, referral_to(services, "Al Amana"))
    page = open_page(services)
    assert cell(page, AL_AMANA, PartnersTableModel.REFERRALS) == "1"

    click_row(qtbot, page, AL_AMANA)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert any(AL_AMANA in question for question in _no_modal_questions)
    assert "disable it instead" in page.status.text()
    assert AL_AMANA in shown(page)
    assert AL_AMANA in [p.name for p in services.partners.list()]

    assert page.active_button.text().replace("&", "") == "Disable"
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    assert AL_AMANA not in shown(page)
    assert "Show disabled partners" in page.status.text()

    qtbot.mouseClick(page.show_disabled, Qt.MouseButton.LeftButton)
    assert page.show_disabled.isChecked()
    assert cell(page, AL_AMANA, PartnersTableModel.ACTIVE) == "Disabled"
    click_row(qtbot, page, AL_AMANA)
    assert page.active_button.text().replace("&", "") == "Enable"
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.show_disabled, Qt.MouseButton.LeftButton)
    assert cell(page, AL_AMANA, PartnersTableModel.ACTIVE) == "Active"


def test_a_partner_nobody_was_referred_to_is_deleted_after_confirmation(
    qtbot: QtBot, services: Services, open_page: Callable[[Services], PartnersPage]
) -> None:
    page = open_page(services)
    click_row(qtbot, page, "Entraide Nationale")
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert "Entraide Nationale" not in shown(page)
    assert "Entraide Nationale" not in [p.name for p in services.partners.list(include_inactive=True)]


def test_declining_the_confirmation_deletes_nothing(
    qtbot: QtBot, services: Services, open_page: Callable[[Services], PartnersPage], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_page(services)
    monkeypatch.setattr(page, "confirm", lambda _text: False)
    click_row(qtbot, page, "Entraide Nationale")
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert "Entraide Nationale" in shown(page)


# --- roles ----------------------------------------------------------------------------------


def test_a_read_only_user_sees_the_directory_but_no_write_buttons(
    qtbot: QtBot, services: Services, open_page: Callable[[Services], PartnersPage]
) -> None:
    page = open_page(as_role(services, Role.READ_ONLY))
    assert ANAPEC in shown(page)
    for button in (page.new_button, page.edit_button, page.active_button, page.delete_button):
        assert not button.isVisible()
    opened = fill_in(qtbot, page, lambda dialog: True)
    click_row(qtbot, page, ANAPEC)
    qtbot.mouseDClick(
        page.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=page.table.visualRect(page.proxy.index(shown(page).index(ANAPEC), 0)).center(),
    )
    qtbot.keyClick(page.table, Qt.Key.Key_Insert)
    assert opened == []


def test_a_counsellor_adds_and_edits_but_does_not_disable_or_delete(
    qtbot: QtBot, services: Services, open_page: Callable[[Services], PartnersPage]
) -> None:
    page = open_page(as_role(services, Role.COUNSELLOR))
    assert page.new_button.isVisible() and page.edit_button.isVisible()
    assert not page.active_button.isVisible() and not page.delete_button.isVisible()
    opened = fill_in(qtbot, page, lambda dialog: False)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Insert)
    assert len(opened) == 1 and opened[0].windowTitle() == "New partner"
    click_row(qtbot, page, ANAPEC)
    qtbot.mouseDClick(
        page.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=page.table.visualRect(page.proxy.index(shown(page).index(ANAPEC), 0)).center(),
    )
    assert len(opened) == 2 and opened[1].name_edit.text() == ANAPEC


def test_escape_on_a_changed_form_asks_before_throwing_the_typing_away(
    qtbot: QtBot, services: Services, _no_modal_questions: list[str]
) -> None:
    dialog = PartnerDialog(services)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and _no_modal_questions == []  # nothing typed: nothing to ask

    dialog = PartnerDialog(services)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    qtbot.keyClicks(dialog.name_edit, EMPLOYER)
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Escape)
    assert _no_modal_questions == ["Discard the changes?"] and not dialog.isVisible()
