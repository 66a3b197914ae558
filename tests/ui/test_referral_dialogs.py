"""Referring a person, moving a referral along and typing in the partner's feedback slip, through the dialogs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from hubdesk.domain.beneficiary import Consent
from hubdesk.domain.enums import (
    ConsentPurpose,
    DocumentKind,
    ReferralChannel,
    ReferralFailure,
    ReferralOutcome,
    ReferralStatus,
    Role,
)
from hubdesk.domain.errors import HubdeskError
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import ReferralInfo
from hubdesk.ui import labels, unsaved_changes
from hubdesk.ui.feedback_dialog import FeedbackDialog
from hubdesk.ui.referral_actions import ReferralActions
from hubdesk.ui.referral_dialog import ReferralDialog
from hubdesk.ui.referral_status_dialog import ReferralStatusDialog
from tests.conftest import ADMIN_PASSWORD
from tests.integration.guidance_helpers import referral_to, sharing_person
from tests.integration.test_beneficiary_service import person
from tests.integration.test_document_register import as_role
from tests.pdf_reading import has_all_words

TODAY = date.today()


@pytest.fixture(autouse=True)
def questions(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[QWidget]]:
    """Whom "Discard what you typed?" was asked of; answered Yes (the real question would wait for a person)."""
    asked: list[QWidget] = []

    def confirm_discard(parent: QWidget) -> bool:
        asked.append(parent)
        return True

    monkeypatch.setattr(unsaved_changes, "confirm_discard", confirm_discard)
    yield asked


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


def test_a_draft_prints_nothing_and_cancel_saves_nothing(
    qtbot: QtBot, services: Services, questions: list[QWidget]
) -> None:
    saved = sharing_person(services)
    actions, changes = _actions(qtbot, services)

    def cancel(dialog: QDialog) -> None:
        assert isinstance(dialog, ReferralDialog)
        qtbot.keyClicks(dialog.partner.lineEdit(), "OFPPT")
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    actions.ask = _answering(cancel)  # type: ignore[method-assign]
    assert actions.new_referral(saved.id, "Aminata Diallo") is None
    assert services.referrals.of_person(saved.id) == [] and changes == []
    assert len(questions) == 1  # "Discard what you typed?", answered Yes

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
    # the name kept whole (an Arabic name in a Latin line, a Latin one in an Arabic line)
    assert (
        f"{labels.isolate('Aminata Diallo')} did not agree to share data with partners" in dialog.consent_banner.text()
    )
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


# --- after the review of issue #4 -------------------------------------------------------------------------


def _withdraw_sharing(hub: Services, beneficiary_id: str) -> None:
    draft = hub.beneficiaries.get(beneficiary_id).draft
    draft.consent = Consent(draft.consent.given_on, {ConsentPurpose.FOLLOW_UP})
    hub.beneficiaries.update(beneficiary_id, draft)


def test_a_coordinator_sends_a_draft_whose_person_withdrew_consent_by_saying_why(
    qtbot: QtBot, services: Services
) -> None:
    saved = sharing_person(services)
    draft = services.referrals.create(saved.id, referral_to(services, reason="First job"))
    _withdraw_sharing(services, saved.id)
    coordinator = as_role(services, Role.COORDINATOR)
    dialog = ReferralDialog(coordinator, saved.id, "Aminata Diallo", referral=coordinator.referrals.get(draft.id))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.consent_banner.isVisible() and dialog.consent_override.isVisible()
    assert "say why below" in dialog.consent_banner.text()
    dialog.send_button.click()  # no reason yet: told under the field that takes it
    assert dialog.errors["consent_override"].isVisible() and "say why" in dialog.errors["consent_override"].text()
    assert not dialog.errors["other"].isVisible() and dialog.saved is None
    qtbot.keyClicks(dialog.consent_override, "Agreed orally, the signed form follows")
    dialog.send_button.click()
    assert dialog.saved is not None and dialog.saved.status is ReferralStatus.SENT
    assert dialog.saved.consent_override == "Agreed orally, the signed form follows"

    # the reason is recorded: changing the referral again asks for none, the banner says it
    again = ReferralDialog(coordinator, saved.id, "Aminata Diallo", referral=dialog.saved)
    qtbot.addWidget(again)
    again.show()
    assert again.consent_banner.isVisible() and not again.consent_override.isVisible()
    assert "Referred anyway because:" in again.consent_banner.text() and again.send_button.isEnabled()


def test_a_counsellor_cannot_send_a_draft_whose_person_withdrew_consent(qtbot: QtBot, services: Services) -> None:
    saved = sharing_person(services)
    draft = services.referrals.create(saved.id, referral_to(services))
    _withdraw_sharing(services, saved.id)
    counsellor = as_role(services, Role.COUNSELLOR)
    dialog = ReferralDialog(counsellor, saved.id, "Aminata Diallo", referral=counsellor.referrals.get(draft.id))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.consent_banner.isVisible() and "ask a coordinator" in dialog.consent_banner.text()
    assert not dialog.consent_override.isVisible()
    assert not dialog.send_button.isEnabled() and not dialog.draft_button.isEnabled()


def test_a_message_for_a_hidden_field_is_shown_under_the_form(qtbot: QtBot, services: Services) -> None:
    dialog = ReferralDialog(services, sharing_person(services).id, "Aminata Diallo")  # consent given: no reason row
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.consent_override.isVisible()
    assert dialog.rows.show_error("consent_override", "Say why") == "other"
    assert dialog.errors["other"].isVisible() and dialog.errors["other"].text() == "Say why"
    assert not dialog.errors["consent_override"].isVisible()


def test_enter_moves_from_field_to_field_and_never_sends(qtbot: QtBot, services: Services) -> None:
    saved = sharing_person(services)
    dialog = ReferralDialog(services, saved.id, "Aminata Diallo")
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    assert "Ctrl+Enter" in dialog.send_button.toolTip()
    qtbot.keyClicks(dialog.partner.lineEdit(), "anapec")
    dialog.partner.completer().popup().hide()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # takes the one partner matching, moves on
    assert dialog.partner.currentText().startswith("ANAPEC —") and dialog.focusWidget() is dialog.service
    qtbot.keyClicks(dialog.service.lineEdit(), "Idmaj")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.reason
    assert dialog.isVisible() and dialog.saved is None and services.referrals.of_person(saved.id) == []
    qtbot.keyClicks(dialog.reason, "Looking for a first job")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # a new line in the reason
    dialog.priority.setFocus()
    qtbot.keyClick(dialog.priority, Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.channel and dialog.saved is None
    assert services.documents.register() == []  # no letter printed with half a form

    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.saved is not None and dialog.saved.status is ReferralStatus.SENT
    assert dialog.saved.reason == "Looking for a first job" and dialog.saved.service == "Idmaj"


def test_enter_saves_the_status_only_from_the_note(qtbot: QtBot, services: Services) -> None:
    dialog = ReferralStatusDialog(services, _sent(services))
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    dialog.steps[ReferralStatus.REJECTED].click()
    qtbot.keyClick(dialog.steps[ReferralStatus.REJECTED], Qt.Key.Key_Return)
    qtbot.keyClick(dialog.changed_on, Qt.Key.Key_Return)
    dialog.failure.setFocus()
    qtbot.keyClick(dialog.failure, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.saved is None and dialog.focusWidget() is dialog.note
    qtbot.keyClicks(dialog.note, "No places left this year")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    assert dialog.saved is not None and dialog.saved.status is ReferralStatus.REJECTED


def test_enter_on_the_slip_never_saves_from_the_middle(qtbot: QtBot, services: Services) -> None:
    sent = _sent(services)
    dialog = FeedbackDialog(services, code=sent.code)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    dialog.outcomes[ReferralOutcome.REFUSED].setChecked(True)
    dialog.failure.setFocus()
    qtbot.keyClick(dialog.failure, Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.note and dialog.saved is None
    assert services.referrals.get(sent.id).status is ReferralStatus.SENT


def test_changing_the_number_after_a_look_up_shows_the_new_referral_before_saving(
    qtbot: QtBot, services: Services
) -> None:
    first = _sent(services)
    second = services.referrals.create(
        sharing_person(services, "Moussa", "Traore").id, referral_to(services, "OFPPT"), send=True
    )
    dialog = FeedbackDialog(services)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    qtbot.keyClicks(dialog.code, first.code)
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    assert "Aminata Diallo" in dialog.referral_label.text()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_3)  # refused
    dialog.code.setFocus()
    dialog.code.selectAll()
    qtbot.keyClicks(dialog.code, second.code)
    assert not dialog.referral_label.isVisible() and dialog.found is None  # Aminata's referral is no longer shown

    qtbot.keyClick(dialog.code, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.saved is None and dialog.isVisible()  # the person sees Moussa's referral first
    assert "Moussa Traore" in dialog.referral_label.text() and dialog.referral_label.isVisible()
    assert "another referral" in dialog.errors["code"].text()
    assert services.referrals.get(first.id).status is ReferralStatus.SENT
    assert services.referrals.get(second.id).status is ReferralStatus.SENT

    qtbot.keyClick(dialog.code, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # checked: saved
    assert dialog.saved is not None and dialog.saved.id == second.id
    assert services.referrals.get(second.id).status is ReferralStatus.REJECTED
    assert services.referrals.get(first.id).status is ReferralStatus.SENT


def test_esc_asks_before_throwing_away_what_was_typed(
    qtbot: QtBot, services: Services, questions: list[QWidget], monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = sharing_person(services)
    sent = _sent(services)
    untouched = [
        ReferralDialog(services, saved.id, "Aminata Diallo"),
        ReferralStatusDialog(services, sent),
        FeedbackDialog(services, code=sent.code),
    ]
    for dialog in untouched:  # nothing typed: Esc closes at once
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    assert questions == []

    monkeypatch.setattr(unsaved_changes, "confirm_discard", lambda parent: questions.append(parent) or False)
    referral = ReferralDialog(services, saved.id, "Aminata Diallo")
    status = ReferralStatusDialog(services, sent)
    slip = FeedbackDialog(services, code=sent.code)
    for dialog, field in ((referral, referral.reason), (status, status.note), (slip, slip.note)):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(field, "Typed before a phone call")
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # answered No: the dialog stays, as typed
        assert dialog.isVisible() and dialog in questions
    assert referral.reason.toPlainText() == status.note.text() == slip.note.text() == "Typed before a phone call"

    monkeypatch.setattr(unsaved_changes, "confirm_discard", lambda parent: True)
    for dialog in (referral, status, slip):
        dialog.reject()  # Cancel, answered Yes
        assert not dialog.isVisible()
    assert services.referrals.get(sent.id).status is ReferralStatus.SENT
    assert services.referrals.of_person(saved.id) == []


def test_the_partners_not_read_are_told_not_raised(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreadable(*_args: object, **_kwargs: object) -> list[object]:
        raise HubdeskError("The database is busy: try again in a moment.")

    monkeypatch.setattr(services.partners, "list", unreadable)
    actions, changes = _actions(qtbot, services)
    assert actions.new_referral(sharing_person(services).id, "Aminata Diallo") is None
    assert actions.last_message is not None and "database is busy" in actions.last_message.text()
    assert changes == []


def test_arabic_names_are_kept_whole_in_latin_lines(qtbot: QtBot, services: Services) -> None:
    saved = sharing_person(services, "فاطمة", "الزهراء")
    sent = services.referrals.create(saved.id, referral_to(services), send=True)
    refer = ReferralDialog(services, saved.id, "فاطمة الزهراء")
    status = ReferralStatusDialog(services, sent)
    slip = FeedbackDialog(services, code=sent.code)
    for dialog in (refer, status, slip):
        qtbot.addWidget(dialog)
    assert labels.isolate("فاطمة الزهراء") in refer.windowTitle()
    summary = next(label.text() for label in status.findChildren(QLabel) if sent.code in label.text())
    assert labels.isolate(sent.person_name) in summary
    assert labels.isolate(sent.person_name) in slip.referral_label.text()


def test_the_dialogs_date_from_the_services_day(qtbot: QtBot, services: Services) -> None:
    sent = _sent(services)
    later = TODAY + timedelta(days=3)
    shifted = Services(services.database, today=lambda: later)
    shifted.login("admin", ADMIN_PASSWORD)
    status = ReferralStatusDialog(shifted, sent)
    slip = FeedbackDialog(shifted, code=sent.code)
    for dialog in (status, slip):
        qtbot.addWidget(dialog)
        assert dialog.changed_on.date().toPython() == later and dialog.changed_on.maximumDate().toPython() == later
    status.ok_button.click()  # accepted, dated as the services count the days
    assert status.saved is not None and status.saved.status_on == later


def test_a_reason_to_refer_anyway_holds_for_one_partner(qtbot: QtBot, services: Services) -> None:
    saved = services.beneficiaries.create(person())  # no consent to share
    coordinator = as_role(services, Role.COORDINATOR)
    draft = coordinator.referrals.create(
        saved.id, referral_to(services, "Caritas", consent_override="Urgent medical case")
    )
    dialog = ReferralDialog(coordinator, saved.id, "Aminata Diallo", referral=draft)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.consent_override.isVisible() and "Urgent medical case" in dialog.consent_banner.text()
    dialog.partner.setCurrentIndex(dialog.partner.findText("OFPPT", Qt.MatchFlag.MatchStartsWith))
    assert dialog.consent_override.isVisible() and "say why below" in dialog.consent_banner.text()
    dialog.draft_button.click()
    assert dialog.saved is None and dialog.errors["consent_override"].isVisible()
    dialog.partner.setCurrentIndex(dialog.partner.findText("Caritas", Qt.MatchFlag.MatchStartsWith))
    assert not dialog.consent_override.isVisible() and "Urgent medical case" in dialog.consent_banner.text()
