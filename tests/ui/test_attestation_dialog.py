"""The attestation options: defaults, checked as the person changes them, one person or a batch."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from hubdesk.domain.enums import SupportKind
from hubdesk.services.facade import Services
from hubdesk.services.person_documents import AttestationRequest
from hubdesk.ui.attestation_dialog import AttestationChoice, AttestationDialog

SINCE = date(2026, 3, 2)


def _dialog(qtbot: QtBot, services: Services, **options: object) -> AttestationDialog:
    dialog = AttestationDialog(services.person_documents, SINCE, **options)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def test_defaults_french_since_registration_still_accompanied(qtbot: QtBot, services: Services) -> None:
    dialog = _dialog(qtbot, services)
    choice = dialog.choice()
    assert choice == AttestationChoice(AttestationRequest(SINCE, None, (SupportKind.COUNSELLING,), ""), "fr", False)
    assert dialog.ok_button.isEnabled()
    assert not dialog.until.isEnabled()
    assert not dialog.zip.isVisible()  # one person: no choice of output


def test_until_before_since_is_refused_next_to_the_field_and_kept(qtbot: QtBot, services: Services) -> None:
    dialog = _dialog(qtbot, services)
    dialog.language.setCurrentIndex(dialog.language.findData("ar"))
    dialog.supports[SupportKind.BUSINESS_CREATION].setChecked(True)
    dialog.purpose.insertPlainText("Dossier de crédit")
    dialog.ended.setChecked(True)
    dialog.until.setDate(_qdate(SINCE - timedelta(days=10)))

    assert dialog.errors["until"].isVisible()
    assert dialog.errors["until"].text() == "The end comes before the start."
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.until, Qt.Key.Key_Return)  # Enter does not get past the refusal
    assert dialog.isVisible() and dialog.result() == 0
    kept = dialog.choice()
    assert kept.lang == "ar" and kept.request.until == SINCE - timedelta(days=10)
    assert set(kept.request.supports) == {SupportKind.COUNSELLING, SupportKind.BUSINESS_CREATION}
    assert kept.request.purpose == "Dossier de crédit"

    dialog.until.setDate(_qdate(SINCE + timedelta(days=30)))
    assert not dialog.errors["until"].isVisible() and dialog.ok_button.isEnabled()


def test_no_kind_of_support_and_a_future_start_are_refused(qtbot: QtBot, services: Services) -> None:
    dialog = _dialog(qtbot, services)
    dialog.supports[SupportKind.COUNSELLING].setChecked(False)
    assert dialog.errors["supports"].text() == "Tick at least one kind of support."
    assert not dialog.ok_button.isEnabled()
    dialog.supports[SupportKind.TRAINING].setChecked(True)
    dialog.since.setDate(_qdate(date.today() + timedelta(days=2)))
    assert dialog.errors["since"].isVisible() and not dialog.errors["supports"].isVisible()
    assert not dialog.ok_button.isEnabled()


def test_a_too_long_purpose_is_counted(qtbot: QtBot, services: Services) -> None:
    dialog = _dialog(qtbot, services)
    dialog.purpose.setPlainText("x" * 401)
    assert "401" in dialog.errors["purpose"].text() and not dialog.ok_button.isEnabled()


def test_enter_accepts_a_valid_choice_and_escape_cancels(qtbot: QtBot, services: Services) -> None:
    dialog = _dialog(qtbot, services)
    qtbot.keyClick(dialog.since, Qt.Key.Key_Return)
    assert dialog.result() == AttestationDialog.DialogCode.Accepted
    other = _dialog(qtbot, services)
    qtbot.keyClick(other, Qt.Key.Key_Escape)
    assert other.result() == AttestationDialog.DialogCode.Rejected and not other.isVisible()


def test_a_batch_offers_one_pdf_or_a_zip(qtbot: QtBot, services: Services) -> None:
    dialog = _dialog(qtbot, services, batch=3)
    assert "3" in dialog.windowTitle() and "3" in dialog.ok_button.text()
    assert dialog.one_pdf.isChecked() and dialog.zip.isVisible()
    dialog.zip.setChecked(True)
    assert dialog.choice().as_zip


def test_an_earlier_choice_comes_back(qtbot: QtBot, services: Services) -> None:
    earlier = AttestationChoice(
        AttestationRequest(SINCE, date(2026, 9, 30), (SupportKind.JOB_SEARCH, SupportKind.REFERRAL), "Bank loan"),
        "en",
        True,
    )
    dialog = _dialog(qtbot, services, batch=2, initial=earlier)
    assert dialog.choice() == earlier
