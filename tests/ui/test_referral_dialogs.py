"""Referring a person, moving a referral along and typing in the partner's feedback slip, through the dialogs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from hubdesk.domain.enums import DocumentKind, ReferralChannel, ReferralFailure, ReferralOutcome, ReferralStatus, Role
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import ReferralInfo
from hubdesk.ui.feedback_dialog import FeedbackDialog
from hubdesk.ui.referral_actions import ReferralActions
from hubdesk.ui.referral_dialog import ReferralDialog
from hubdesk.ui.referral_status_dialog import ReferralStatusDialog
from tests.integration.guidance_helpers import referral_to, sharing_person
from tests.integration.test_beneficiary_service import person
from tests.integration.test_document_register import as_role
from tests.pdf_reading import has_all_words


def _actions(qtbot: QtBot, services: Services) -> tuple[ReferralActions, list[None]]:
    window = QWidget()
    qtbot.addWidget(window)
    actions = ReferralActions(services, window)
    changes: list[None] = []
    actions.referrals_changed.connect(lambda: changes.append(None))
    return actions, changes


def _answering(fill: Callable[[QDialog], None]) -> Callable[[QDialog], bool]:
    """What the person does in the dialog instead of waiting in exec(): fill it in, then press a button."""

    def ask(dialog: QDialog) -> bool:
        dialog.show()
        fill(dialog)
        return dialog.result() == QDialog.DialogCode.Accepted

    return ask


def _sent(services: Services, **extra: object) -> ReferralInfo:
    return services.referrals.create(sharing_person(services).id, referral_to(services, **extra), send=True)


def test_a_counsellor_refers_to_anapec_and_the_letter_comes_out_in_arabic(qtbot: QtBot, services: Services) -> None:
    saved = sharing_person(services)
    counsellor = as_role(services, Role.COUNSELLOR)
    actions, changes = _actions(qtbot, counsellor)
    seen: dict[str, object] = {}

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, ReferralDialog)
        assert not dialog.consent_banner.isVisible() and not dialog.consent_override.isVisible()
        assert dialog.send_button.isDefault() and dialog.letter_language() == "fr"
        qtbot.keyClicks(dialog.partner.lineEdit(), "anapec")  # part of the name, in lower case
        seen["type"] = dialog.partner_type.text()
        seen["services"] = [dialog.service.itemText(i) for i in range(dialog.service.count())]
        qtbot.keyClicks(dialog.service.lineEdit(), "Idmaj")
        qtbot.keyClicks(dialog.reason, "Looking for a first job in logistics")
        dialog.priority.setCurrentIndex(dialog.priority.findText("High"))
        dialog.language.setCurrentIndex(dialog.language.findText("Arabic"))
        dialog.send_button.click()

    actions.ask = _answering(fill)  # type: ignore[method-assign]
    made = actions.new_referral(saved.id, "Aminata Diallo")

    assert seen["type"] == "Public employment service" and "Idmaj" in seen["services"]  # type: ignore[operator]
    assert made is not None and made.status is ReferralStatus.SENT and made.channel is ReferralChannel.LETTER
    assert made.partner.startswith("ANAPEC") and made.service == "Idmaj" and made.priority.value == "high"
    assert changes == [None]
    letters = services.documents.register(kind=DocumentKind.REFERRAL_LETTER)
    assert [(letter.language, letter.person_code) for letter in letters] == [("ar", saved.code)]
    assert actions.preview is not None and actions.preview.isVisible()
    assert letters[0].number in actions.preview.windowTitle()
    assert has_all_words(actions.preview.pdf, made.code)


def test_a_draft_prints_nothing_and_cancel_saves_nothing(qtbot: QtBot, services: Services) -> None:
    saved = sharing_person(services)
    actions, changes = _actions(qtbot, services)

    def cancel(dialog: QDialog) -> None:
        assert isinstance(dialog, ReferralDialog)
        qtbot.keyClicks(dialog.partner.lineEdit(), "OFPPT")
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    actions.ask = _answering(cancel)  # type: ignore[method-assign]
    assert actions.new_referral(saved.id, "Aminata Diallo") is None
    assert services.referrals.of_person(saved.id) == [] and changes == []

    def draft(dialog: QDialog) -> None:
        assert isinstance(dialog, ReferralDialog)
        qtbot.keyClicks(dialog.partner.lineEdit(), "OFPPT")
        dialog.draft_button.click()

    actions.ask = _answering(draft)  # type: ignore[method-assign]
    made = actions.new_referral(saved.id, "Aminata Diallo")
    assert made is not None and made.status is ReferralStatus.DRAFT and changes == [None]
    assert actions.preview is None and services.documents.register() == []


def test_a_draft_is_changed_then_sent_and_a_sent_one_keeps_its_partner(qtbot: QtBot, services: Services) -> None:
    saved = sharing_person(services)
    draft = services.referrals.create(saved.id, referral_to(services, service="Idmaj", reason="First job"))
    actions, changes = _actions(qtbot, services)

    def send_in_english(dialog: QDialog) -> None:
        assert isinstance(dialog, ReferralDialog)
        assert dialog.partner.isEnabled() and dialog.draft_button.isVisible() and dialog.send_button.text() == "Send"
        assert dialog.service.currentText() == "Idmaj" and dialog.reason.toPlainText() == "First job"
        qtbot.keyClicks(dialog.reason, " in logistics")
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.send_button.click()

    actions.ask = _answering(send_in_english)  # type: ignore[method-assign]
    sent = actions.edit_referral(draft)
    assert sent is not None and sent.status is ReferralStatus.SENT and sent.reason == "First job in logistics"
    assert [letter.language for letter in services.documents.register()] == ["en"] and changes == [None]

    def name_the_contact(dialog: QDialog) -> None:
        assert isinstance(dialog, ReferralDialog)
        assert not dialog.partner.isEnabled() and not dialog.draft_button.isVisible()
        assert not dialog.language.isVisible() and dialog.send_button.text() == "Save"
        qtbot.keyClicks(dialog.contact_person.lineEdit(), "Mme Benali")
        dialog.send_button.click()

    actions.ask = _answering(name_the_contact)  # type: ignore[method-assign]
    changed = actions.edit_referral(sent)
    assert changed is not None and changed.status is ReferralStatus.SENT and changed.contact_person == "Mme Benali"
    assert len(services.documents.register()) == 1  # no second letter for a change


def test_no_partner_is_told_next_to_the_partner_field(qtbot: QtBot, services: Services) -> None:
    saved = sharing_person(services)
    dialog = ReferralDialog(services, saved.id, "Aminata Diallo")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.reason, "Needs a training")
    qtbot.keyClicks(dialog.partner.lineEdit(), "Nobody at all")
    dialog.send_button.click()
    assert dialog.errors["partner"].isVisible() and "partner" in dialog.errors["partner"].text()
    assert dialog.isVisible() and dialog.saved is None
    assert dialog.reason.toPlainText() == "Needs a training" and dialog.partner.currentText() == "Nobody at all"
    assert services.referrals.of_person(saved.id) == []


def test_a_counsellor_cannot_refer_a_person_who_did_not_agree_to_share(qtbot: QtBot, services: Services) -> None:
    saved = services.beneficiaries.create(person())  # agreed to the follow-up, not to sharing
    dialog = ReferralDialog(as_role(services, Role.COUNSELLOR), saved.id, "Aminata Diallo")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.consent_banner.isVisible()
    assert "Aminata Diallo did not agree to share data with partners" in dialog.consent_banner.text()
    assert "coordinator" in dialog.consent_banner.text()
    assert not dialog.send_button.isEnabled() and not dialog.draft_button.isEnabled()
    assert not dialog.consent_override.isVisible()


def test_a_coordinator_refers_them_anyway_with_a_reason(qtbot: QtBot, services: Services) -> None:
    saved = services.beneficiaries.create(person())
    dialog = ReferralDialog(as_role(services, Role.COORDINATOR), saved.id, "Aminata Diallo")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.consent_banner.isVisible() and dialog.consent_override.isVisible()
    assert dialog.send_button.isEnabled()
    qtbot.keyClicks(dialog.partner.lineEdit(), "Caritas")
    dialog.channel.setCurrentIndex(dialog.channel.findData(ReferralChannel.PHONE))
    assert not dialog.language.isEnabled()  # no letter by phone
    qtbot.keyClicks(dialog.consent_override, "urgent")
    dialog.send_button.click()
    assert dialog.errors["consent_override"].isVisible() and "say why" in dialog.errors["consent_override"].text()
    assert dialog.saved is None and dialog.consent_override.text() == "urgent"

    qtbot.keyClicks(dialog.consent_override, ": agreed orally, the signed form follows")
    dialog.send_button.click()
    assert dialog.saved is not None and dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved.status is ReferralStatus.SENT and dialog.saved.consent_override.startswith("urgent: agreed")


def test_the_status_dialog_offers_only_the_next_steps(qtbot: QtBot, services: Services) -> None:
    sent = _sent(services)
    actions, changes = _actions(qtbot, services)
    offered: list[set[ReferralStatus]] = []

    def accept(dialog: QDialog) -> None:
        assert isinstance(dialog, ReferralStatusDialog)
        offered.append(set(dialog.steps))
        assert dialog.steps[ReferralStatus.ACCEPTED].isChecked()  # the forward step is the default
        assert not dialog.successful_yes.isVisible() and not dialog.failure.isVisible()
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)

    actions.ask = _answering(accept)  # type: ignore[method-assign]
    accepted = actions.change_status(sent)
    assert offered == [{ReferralStatus.ACCEPTED, ReferralStatus.REJECTED, ReferralStatus.CANCELLED}]
    assert accepted is not None and accepted.status is ReferralStatus.ACCEPTED and changes == [None]

    dialog = ReferralStatusDialog(services, accepted)
    qtbot.addWidget(dialog)
    dialog.show()
    assert set(dialog.steps) == {ReferralStatus.COMPLETED, ReferralStatus.CANCELLED}
    dialog.steps[ReferralStatus.COMPLETED].click()
    assert dialog.successful_yes.isVisible() and not dialog.failure.isVisible()
    dialog.successful_no.click()
    assert dialog.failure.isVisible()
    qtbot.keyClicks(dialog.note, "Did not come to the appointment")
    dialog.ok_button.click()
    assert dialog.errors["failure"].isVisible() and "did not succeed" in dialog.errors["failure"].text()
    assert dialog.isVisible() and dialog.saved is None
    assert dialog.successful_no.isChecked() and dialog.note.text() == "Did not come to the appointment"
    assert services.referrals.get(sent.id).status is ReferralStatus.ACCEPTED

    dialog.failure.setCurrentIndex(dialog.failure.findData(ReferralFailure.PERSON_UNREACHABLE))
    dialog.ok_button.click()
    assert dialog.saved is not None and dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved.status is ReferralStatus.COMPLETED and dialog.saved.successful is False
    assert dialog.saved.failure_reason is ReferralFailure.PERSON_UNREACHABLE


def test_a_finished_referral_offers_no_step(qtbot: QtBot, services: Services) -> None:
    done = services.referrals.record_feedback(_sent(services).code, ReferralOutcome.REFUSED)
    dialog = ReferralStatusDialog(services, done)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.steps == {} and dialog.finished_label.isVisible() and not dialog.ok_button.isEnabled()


def test_the_feedback_slip_is_typed_from_the_keyboard(qtbot: QtBot, services: Services) -> None:
    sent = _sent(services)
    actions, changes = _actions(qtbot, services)
    shown: list[str] = []

    def type_the_slip(dialog: QDialog) -> None:
        assert isinstance(dialog, FeedbackDialog)
        assert dialog.focusWidget() is dialog.code
        typed = sent.code.lower().replace("-", " ")  # "ref tng 2026 0001"
        qtbot.keyClicks(dialog.code, typed)
        assert dialog.outcome() is None  # the digits of the number went into the field, not to the outcome
        qtbot.keyClick(dialog.code, Qt.Key.Key_Return)  # looks it up and moves on to the outcome
        shown.append(dialog.referral_label.text())
        assert not dialog.errors["code"].isVisible()
        assert dialog.focusWidget() is dialog.outcomes[ReferralOutcome.ACCEPTED]
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_2)
        assert dialog.outcome() is ReferralOutcome.SERVICE_GIVEN
        qtbot.keyClicks(dialog.note, "Registered on 12 March")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    actions.ask = _answering(type_the_slip)  # type: ignore[method-assign]
    done = actions.record_feedback()

    assert sent.code in shown[0] and "Aminata Diallo" in shown[0] and "ANAPEC" in shown[0]
    assert done is not None and done.status is ReferralStatus.COMPLETED and done.successful is True
    assert done.feedback_note == "Registered on 12 March"
    assert services.referrals.get(sent.id).status is ReferralStatus.COMPLETED and changes == [None]


def test_an_unknown_number_is_told_next_to_the_code_field(qtbot: QtBot, services: Services) -> None:
    dialog = FeedbackDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.code, "REF-TNG-1999-0042")
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    assert dialog.errors["code"].isVisible() and "REF-TNG-1999-0042" in dialog.errors["code"].text()
    assert dialog.focusWidget() is dialog.code and not dialog.referral_label.isVisible()
    dialog.outcomes[ReferralOutcome.ACCEPTED].click()
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.saved is None and dialog.errors["code"].isVisible()
    assert dialog.code.text() == "REF-TNG-1999-0042" and dialog.outcome() is ReferralOutcome.ACCEPTED
