"""The organisation settings page, driven as an administrator would: typing, saving, logos."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from hubdesk.domain.enums import Role
from hubdesk.services.facade import Services
from hubdesk.ui.main_window import MainWindow
from hubdesk.ui.organisation_logos import LogoTableModel
from hubdesk.ui.organisation_page import OrganisationPage


def png(path: Path, colour: str = "darkgreen") -> Path:
    image = QImage(60, 30, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path), "PNG")
    return path


class Answers:
    """Stands in for the yes/no question boxes: records the questions, answers as told."""

    def __init__(self) -> None:
        self.questions: list[str] = []
        self.answer = True

    def __call__(self, text: str) -> bool:
        self.questions.append(text)
        return self.answer


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    given = Answers()
    monkeypatch.setattr(OrganisationPage, "_confirm", lambda self, text: given(text))
    return given


@pytest.fixture
def open_page(qtbot: QtBot, services: Services, answers: Answers) -> Iterator[Callable[[], OrganisationPage]]:
    def opener() -> OrganisationPage:
        page = OrganisationPage(services)
        qtbot.addWidget(page)
        page.resize(1100, 760)
        with qtbot.waitActive(page):  # active, as on a desk: the shortcuts work
            page.show()
            page.activateWindow()
        return page

    yield opener


def retype(qtbot: QtBot, page: OrganisationPage, key: str, text: str) -> None:
    field = page.fields[key]
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def test_typed_values_are_saved_and_shown_again(
    qtbot: QtBot, services: Services, open_page: Callable[[], OrganisationPage]
) -> None:
    page = open_page()
    assert not page.save_button.isEnabled()  # nothing to save yet
    assert page.fields["site_code"].text() == "TNG"
    retype(qtbot, page, "names.fr", "Association Al Amal")
    page.fields["names.ar"].clear()
    page.fields["names.ar"].insert("جمعية الأمل")  # the way an input method delivers Arabic
    retype(qtbot, page, "email", "contact@alamal.ma")
    retype(qtbot, page, "phone", "0539941234")
    retype(qtbot, page, "site_code", "TAN")
    retype(qtbot, page, "signatory_name", "Nadia Bennani")
    assert page.is_dirty() and page.save_button.isEnabled()
    assert page.status_label.text() == "Unsaved changes"
    qtbot.keyClick(page.fields["email"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert page.status_label.text() == "Saved."
    assert not page.is_dirty() and not page.save_button.isEnabled()
    assert page.fields["phone"].text() == "+212 5 39 94 12 34"  # shown as saved
    saved = services.organisation.profile()
    assert saved.names["fr"] == "Association Al Amal"
    assert saved.names["ar"] == "جمعية الأمل"
    assert saved.email == "contact@alamal.ma" and saved.site_code == "TAN"
    assert saved.signatory_name == "Nadia Bennani"

    again = open_page()
    assert again.fields["names.fr"].text() == "Association Al Amal"
    assert again.fields["names.ar"].text() == "جمعية الأمل"
    assert again.fields["site_code"].text() == "TAN"
    assert again.fields["email"].text() == "contact@alamal.ma"


def test_arabic_fields_read_right_to_left(open_page: Callable[[], OrganisationPage]) -> None:
    page = open_page()
    page.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the Arabic interface: Latin fields stay LTR
    for attribute in ("names", "addresses", "cities", "signatory_titles"):
        assert page.fields[f"{attribute}.ar"].layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert page.fields[f"{attribute}.fr"].layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert page.fields["email"].layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert page.fields["names.ar"].text().startswith("الهب")  # a new installation prints at once


def test_a_wrong_email_is_explained_next_to_it_and_kept(
    qtbot: QtBot, services: Services, open_page: Callable[[], OrganisationPage]
) -> None:
    page = open_page()
    before = services.organisation.profile()
    retype(qtbot, page, "email", "contact@")
    qtbot.waitUntil(lambda: page.error_text("email") == "Not a valid e-mail address", timeout=2000)
    assert page.error_text("names.fr") == ""  # untouched fields say nothing yet
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.fields["email"].text() == "contact@"
    assert page.fields["email"].hasFocus()
    assert page.status_label.text() == "Not saved: 1 field needs attention"
    assert services.organisation.profile() == before
    # fixing it takes the message away, and the save goes through
    qtbot.keyClicks(page.fields["email"], "alamal.ma")
    qtbot.waitUntil(lambda: page.error_text("email") == "", timeout=2000)
    qtbot.keyClick(page.fields["email"], Qt.Key.Key_Return)
    assert services.organisation.profile().email == "contact@alamal.ma"


def test_every_problem_shows_at_save(qtbot: QtBot, open_page: Callable[[], OrganisationPage]) -> None:
    page = open_page()
    page.fields["names.fr"].clear()
    retype(qtbot, page, "site_code", "t2")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.error_text("names.fr") == "Required"
    assert page.error_text("site_code") == "2 to 5 capital letters (e.g. TNG)"
    assert page.fields["names.fr"].hasFocus()
    assert page.status_label.text() == "Not saved: 2 fields need attention"


def test_revert_and_leaving_ask_before_throwing_changes_away(
    qtbot: QtBot, open_page: Callable[[], OrganisationPage], answers: Answers
) -> None:
    page = open_page()
    assert page.confirm_leave() and not answers.questions  # nothing to lose: nothing asked
    retype(qtbot, page, "phone", "0539941234")
    answers.answer = False
    assert not page.confirm_leave()
    qtbot.mouseClick(page.revert_button, Qt.MouseButton.LeftButton)
    assert page.fields["phone"].text() == "0539941234"
    answers.answer = True
    qtbot.mouseClick(page.revert_button, Qt.MouseButton.LeftButton)
    assert page.fields["phone"].text() == ""
    assert not page.is_dirty()
    assert len(answers.questions) == 3


def test_logos_are_added_ordered_removed_and_saved(
    qtbot: QtBot,
    services: Services,
    open_page: Callable[[], OrganisationPage],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = open_page()
    chosen: list[Path] = [png(tmp_path / "association.png"), png(tmp_path / "partner.png", "orange")]
    monkeypatch.setattr(page.logos, "choose_file", lambda: chosen.pop(0))
    for _ in range(2):
        qtbot.mouseClick(page.logos.add_button, Qt.MouseButton.LeftButton)
    model = page.logos.model
    assert model.rowCount() == 2
    assert model.index(0, 0).data() == "association.png"
    assert model.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is not None  # a thumbnail
    assert model.problem(0) == ""
    assert page.logos.selected_row() == 1
    qtbot.mouseClick(page.logos.up_button, Qt.MouseButton.LeftButton)  # the partner first, by mistake
    assert model.index(0, 0).data() == "partner.png" and page.logos.selected_row() == 0
    assert not page.logos.up_button.isEnabled()
    qtbot.mouseClick(page.logos.down_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(page.fields["names.fr"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    logos = services.organisation.profile().logos
    assert [p.name for p in logos] == ["association.png", "partner.png"]
    assert all(p.parent.parent == services.database.data_dir / "logos" for p in logos)

    page.logos.view.selectRow(0)
    qtbot.mouseClick(page.logos.remove_button, Qt.MouseButton.LeftButton)
    assert page.logos.logos() == logos[1:]
    assert page.is_dirty()


def test_a_file_that_is_not_an_image_is_refused_with_its_reason(
    qtbot: QtBot, open_page: Callable[[], OrganisationPage], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_page()
    fake = tmp_path / "logo.png"
    fake.write_text("hello", encoding="utf-8")
    monkeypatch.setattr(page.logos, "choose_file", lambda: fake)
    qtbot.mouseClick(page.logos.add_button, Qt.MouseButton.LeftButton)
    assert page.logos.error_label.isVisible()
    assert page.logos.error_label.text() == "logo.png is not an image (PNG or JPEG)"
    assert page.logos.logos() == () and not page.is_dirty()


def test_a_missing_logo_shows_its_problem_in_red(
    services: Services, open_page: Callable[[], OrganisationPage], tmp_path: Path
) -> None:
    kept = services.organisation.add_logo(png(tmp_path / "kept.png"))
    gone = tmp_path / "usb" / "partner.png"
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not an image")
    services.organisation.save(replace(services.organisation.profile(), logos=(kept, gone, broken)))
    page = open_page()
    model = page.logos.model
    assert model.rowCount() == 3
    assert model.problem(0) == ""
    assert model.problem(1) == f"File missing: {gone}"
    assert model.problem(2) == "Not an image (PNG or JPEG)"
    problem = model.index(1, LogoTableModel.PROBLEM)
    assert problem.data() == f"File missing: {gone}"
    assert problem.data(Qt.ItemDataRole.ForegroundRole) == QColor("#c0392b")
    assert model.index(1, 0).data(Qt.ItemDataRole.DecorationRole) is None  # no thumbnail to show
    # the stick comes back: the page sees it the next time it is shown
    gone.parent.mkdir()
    png(gone)
    page.hide()
    page.show()
    assert model.problem(1) == ""


def test_only_administrators_see_the_page(qtbot: QtBot, services: Services) -> None:
    main = MainWindow(services)
    qtbot.addWidget(main)
    titles = [main.nav.item(r).text() for r in range(main.nav.count())]
    assert "Organisation" in titles
    main.nav.setCurrentRow(titles.index("Organisation"))
    assert main.stack.currentWidget() is main.organisation

    services.accounts.create_user(services.actor(), "coord", "Coordinatrice", "long-enough-1", Role.COORDINATOR)
    services.login("coord", "long-enough-1")
    other = MainWindow(services)
    qtbot.addWidget(other)
    assert other.organisation is None
    assert "Organisation" not in [other.nav.item(r).text() for r in range(other.nav.count())]
