"""Referring a person to a partner (or changing a referral not answered yet): what, to whom, how, and the consent."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.enums import ReferralChannel, ReferralPriority, ReferralStatus
from hubdesk.domain.errors import HubdeskError, ValidationError
from hubdesk.services.access import CASE_WORKERS, SUPERVISORS
from hubdesk.services.documents import DOCUMENT_LANGUAGES
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import PartnerInfo, ReferralDraft, ReferralInfo
from hubdesk.ui import labels
from hubdesk.ui.form_rows import OTHER, FormDialog, FormRows, message
from hubdesk.ui.intake_editors import CHOICE_WIDTH

#: the fields the services name in a ValidationError, each shown under its own field ("other": under the form)
ERROR_KEYS = ("partner", "service", "reason", "contact_person", "consent", "consent_override", OTHER)
#: how the missing consent is shown: a banner a person cannot overlook, readable on light and dark palettes
BANNER_STYLE = "background: #fdf2d0; color: #5c4400; border: 1px solid #e0b84c; border-radius: 4px; padding: 6px;"


class ReferralDialog(FormDialog):
    """A new referral of one person (saved as a draft or sent today), or changes to a draft or sent one.

    A person who did not agree to share data with partners (or withdrew it since) is referred only by a
    coordinator or an administrator who says why, unless a reason was recorded already; a counsellor sees why
    saving is disabled. Enter moves from field to field; only Ctrl+Enter or the Send button sends (a letter
    may be printed). The services' partners are read here: HubdeskError goes to the caller.

    Signals: ``referral_saved(object)`` with the ReferralInfo saved.
    """

    referral_saved = Signal(object)

    def __init__(
        self,
        services: Services,
        beneficiary_id: str,
        person_name: str,
        parent: QWidget | None = None,
        *,
        referral: ReferralInfo | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._beneficiary_id = beneficiary_id
        self._referral = referral
        self._editing_sent = referral is not None and referral.status is not ReferralStatus.DRAFT
        self.saved: ReferralInfo | None = None
        #: True when this dialog moved the referral to "sent" (a letter is then printed)
        self.just_sent = False
        self._partners = {p.id: p for p in services.partners.list()}
        if referral is not None and referral.partner_id not in self._partners:
            # a disabled partner keeps the referrals made to it
            self._partners[referral.partner_id] = services.partners.get(referral.partner_id)
        name = labels.isolate(person_name)  # an Arabic name stays whole in a Latin line
        self.setWindowTitle(
            self.tr("Refer %1").replace("%1", name)
            if referral is None
            else self.tr("Referral %1 — %2").replace("%1", referral.code).replace("%2", name)
        )

        self.partner = QComboBox()
        self.partner.setEditable(True)
        self.partner.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.partner.setMinimumWidth(CHOICE_WIDTH)
        for partner in sorted(self._partners.values(), key=lambda p: p.name.casefold()):
            self.partner.addItem(partner.name, partner.id)
            self.partner.setItemData(
                self.partner.count() - 1, labels.partner_type(partner.partner_type), Qt.ItemDataRole.ToolTipRole
            )
        completer = QCompleter(self.partner.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.partner.setCompleter(completer)
        self.partner.setCurrentIndex(-1)
        self._placeholder(self.partner, self.tr("Type to search the partners"))
        self.partner_type = QLabel()
        self.partner_type.setStyleSheet("color: palette(mid);")
        self.partner_type.hide()

        self.service = self._editable_combo(self.tr("Choose or type the service or programme"))
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("What the person needs from the partner, in a few lines"))
        self.reason.setFixedHeight(self.reason.fontMetrics().lineSpacing() * 5 + 12)
        self.priority = QComboBox()
        for priority in ReferralPriority:
            self.priority.addItem(labels.referral_priority(priority), priority)
        self.channel = QComboBox()
        for channel in ReferralChannel:
            self.channel.addItem(labels.referral_channel(channel), channel)
        self.contact_person = self._editable_combo(self.tr("Optional: who the person should ask for"))
        self.language = QComboBox()
        for code in DOCUMENT_LANGUAGES:
            self.language.addItem(labels.printed_language(code), code)
        self.language.setToolTip(self.tr("The letter is printed in this language when the referral is sent"))

        self.rows = FormRows(self, ERROR_KEYS)
        self.errors, self.columns, self.form = self.rows.errors, self.rows.columns, self.rows.form
        self.consent_banner = QLabel()
        self.consent_banner.setObjectName("consentWarning")
        self.consent_banner.setStyleSheet(BANNER_STYLE)
        self.consent_banner.setWordWrap(True)
        self.consent_banner.hide()
        self.consent_override = QLineEdit()
        self.consent_override.setMaxLength(300)
        self.consent_override.setPlaceholderText(self.tr("For example: agreed orally, the signed form follows"))

        partner_box = QVBoxLayout()
        partner_box.setSpacing(2)
        partner_box.addWidget(self.partner)
        partner_box.addWidget(self.partner_type)
        form = self.form
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.rows.add(self.tr("&Partner:"), partner_box, "partner", self.partner)
        self.rows.add(self.tr("&Service or programme:"), self.service, "service")
        self.rows.add(self.tr("&Reason:"), self.reason, "reason")
        form.addRow(self.tr("Pr&iority:"), self.priority)
        form.addRow(self.tr("&Channel:"), self.channel)
        self.rows.add(self.tr("C&ontact person:"), self.contact_person, "contact_person")
        form.addRow(self.tr("&Letter language:"), self.language)
        self.rows.add(self.tr("Reason to refer &anyway:"), self.consent_override, "consent_override")

        buttons = QDialogButtonBox()
        self.draft_button = QPushButton(self.tr("Save as &draft"))
        self.draft_button.setAutoDefault(False)
        self.send_button = QPushButton(self.tr("Save") if self._editing_sent else self.tr("Send"))
        self.send_button.setToolTip(self.tr("Ctrl+Enter"))
        buttons.addButton(self.draft_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.draft_button.clicked.connect(self.save_draft)
        self.send_button.clicked.connect(self.send)
        self.draft_button.setVisible(not self._editing_sent)

        layout = QVBoxLayout(self)
        layout.addWidget(self.consent_banner)
        layout.addWidget(self.errors["consent"])
        layout.addLayout(form)
        layout.addWidget(self.errors[OTHER])
        layout.addWidget(buttons)
        self.setMinimumWidth(640)
        # the main action, drawn so; Enter in a field only moves on (Enter in the reason starts a new line), and
        # Ctrl+Enter sends from anywhere (FormDialog.save)
        self.send_button.setDefault(True)

        self.partner.currentTextChanged.connect(self._partner_changed)
        self.channel.currentIndexChanged.connect(self._channel_changed)
        self.service.currentTextChanged.connect(lambda: self.rows.clear_error("service"))
        self.reason.textChanged.connect(lambda: self.rows.clear_error("reason"))
        self.contact_person.currentTextChanged.connect(lambda: self.rows.clear_error("contact_person"))
        self.consent_override.textChanged.connect(lambda: self.rows.clear_error("consent_override"))

        self._shown_partner = ""
        self._overriding = False
        self._name = name
        #: whether the person shares data with partners (None until asked, or when the services refused)
        self._shares: bool | None = None
        self._role = services.user.role if services.user is not None else None
        if referral is not None:
            self._fill(referral)
        self._check_consent()
        self._channel_changed()
        (self.reason if referral is not None else self.partner).setFocus()
        self.watch_changes()

    def _editable_combo(self, placeholder: str) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._placeholder(combo, placeholder)
        return combo

    @staticmethod
    def _placeholder(combo: QComboBox, text: str) -> None:
        edit = combo.lineEdit()
        if edit is not None:
            edit.setPlaceholderText(text)

    def _fill(self, referral: ReferralInfo) -> None:
        self.partner.setCurrentIndex(self.partner.findData(referral.partner_id))
        self.partner.setEnabled(not self._editing_sent)  # a sent referral keeps its partner
        edit = self.partner.lineEdit()
        if edit is not None:
            edit.setCursorPosition(0)  # a long name is read from its start
        self._partner_changed()
        self.service.setCurrentText(referral.service)
        self.reason.setPlainText(referral.reason)
        self.reason.moveCursor(QTextCursor.MoveOperation.End)  # the focus starts here: go on typing
        self.priority.setCurrentIndex(self.priority.findData(referral.priority))
        self.channel.setCurrentIndex(self.channel.findData(referral.channel))
        self.contact_person.setCurrentText(referral.contact_person)
        self.form.setRowVisible(self.language, not self._editing_sent)

    def _check_consent(self) -> None:
        """Ask whether the person shares data with partners, once; the role may forbid referring at all."""
        self.rows.set_row_visible("consent_override", False)
        if self._role not in CASE_WORKERS:
            self._block(self.tr("Your role cannot refer people."))
            return
        try:
            self._shares = self._services.referrals.may_share(self._beneficiary_id)
        except HubdeskError as exc:
            self._block(message(str(exc)))
            return
        self._show_consent()

    def _recorded_override(self) -> str:
        """The reason recorded to refer the person anyway: it holds for the referral's own partner only."""
        if self._referral is None or self.partner_id() != self._referral.partner_id:
            return ""
        return self._referral.consent_override

    def _show_consent(self) -> None:
        """The banner, the reason field and the save buttons, as the consent, the role and the partner allow.

        The services check the consent again whenever a referral is changed or sent: a person who withdrew it
        since the draft needs a reason too, unless one was recorded already for this partner.
        """
        if self._shares is not False:
            return  # shares, or not known (saving is blocked then)
        recorded = self._recorded_override()
        overriding = self._overriding = not recorded and self._role in SUPERVISORS
        self.rows.set_row_visible("consent_override", overriding)
        text = self.tr("%1 did not agree to share data with partners.").replace("%1", self._name)
        if recorded:
            text += " " + self.tr("Referred anyway because: %1").replace("%1", labels.isolate(recorded))
        elif overriding:
            text += " " + self.tr("As a coordinator you may refer them anyway: say why below (it is recorded).")
        else:
            text += " " + self.tr(
                "The referral cannot be saved: record their consent first, or ask a coordinator to refer them."
            )
        blocked = not recorded and not overriding
        self.draft_button.setEnabled(not blocked)
        self.send_button.setEnabled(not blocked)
        self.consent_banner.setText(text)
        self.consent_banner.show()

    def _block(self, text: str) -> None:
        self.draft_button.setEnabled(False)
        self.send_button.setEnabled(False)
        if text:
            self.rows.show_error(OTHER, text)

    # --- what was typed -------------------------------------------------------------------------------

    def partner_id(self) -> str:
        """The partner named in the combo: exactly, or the only one whose name contains what was typed."""
        text = self.partner.currentText().strip()
        if not text:
            return ""
        index = self.partner.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            found = [i for i in range(self.partner.count()) if text.casefold() in self.partner.itemText(i).casefold()]
            index = found[0] if len(found) == 1 else -1
        return str(self.partner.itemData(index)) if index >= 0 else ""

    def draft(self) -> ReferralDraft:
        return ReferralDraft(
            partner_id=self.partner_id(),
            service=self.service.currentText(),
            reason=self.reason.toPlainText(),
            priority=ReferralPriority(self.priority.currentData()),
            channel=ReferralChannel(self.channel.currentData()),
            contact_person=self.contact_person.currentText(),
            consent_override=self.consent_override.text() if self._overriding else "",
        )

    def letter_language(self) -> str:
        return str(self.language.currentData())

    @Slot()
    def _partner_changed(self) -> None:
        self.rows.clear_error("partner")
        chosen = self.partner_id()
        if chosen == self._shown_partner:
            return
        self._shown_partner = chosen
        partner: PartnerInfo | None = self._partners.get(chosen)
        self.partner_type.setText(labels.partner_type(partner.partner_type) if partner else "")
        self.partner_type.setVisible(partner is not None)
        self._refill(self.service, partner.services if partner else [])
        self._refill(self.contact_person, [c.name for c in partner.draft.contacts] if partner else [])
        self._show_consent()  # a reason recorded to refer anyway holds for one partner

    @staticmethod
    def _refill(combo: QComboBox, items: list[str]) -> None:
        """New choices for another partner; what was typed stays."""
        typed = combo.currentText()
        combo.blockSignals(True)
        combo.clear()
        combo.addItems(items)
        combo.setCurrentIndex(-1)
        combo.setEditText(typed)
        combo.blockSignals(False)

    @Slot()
    def _channel_changed(self) -> None:
        self.language.setEnabled(self.channel.currentData() == ReferralChannel.LETTER)

    # --- the keyboard ---------------------------------------------------------------------------------

    def enter_pressed(self, focused: QWidget | None) -> bool:
        """Enter in the partner field takes the one partner matching what was typed, then moves on."""
        if focused is self.partner or focused is self.partner.lineEdit():
            index = self.partner.findData(self.partner_id()) if self.partner_id() else -1
            if index >= 0 and index != self.partner.currentIndex():
                self.partner.setCurrentIndex(index)
        return False

    # --- saving ---------------------------------------------------------------------------------------

    @Slot()
    def save(self) -> None:
        """Ctrl+Enter: what the main button does."""
        self.send()

    @Slot()
    def save_draft(self) -> None:
        if self.draft_button.isEnabled() and self.draft_button.isVisible():
            self._save(send=False)

    @Slot()
    def send(self) -> None:
        if self.send_button.isEnabled():
            self._save(send=not self._editing_sent)

    def _save(self, *, send: bool) -> None:
        """Create or change the referral; a refusal is shown next to its field and nothing typed is lost."""
        self.rows.clear_errors()
        referrals = self._services.referrals
        try:
            if self._referral is None:
                info = referrals.create(self._beneficiary_id, self.draft(), send=send)
            else:
                info = self._referral = referrals.update(self._referral.id, self.draft())
                if send and info.status is ReferralStatus.DRAFT:
                    info = self._referral = referrals.change_status(info.id, ReferralStatus.SENT)
        except ValidationError as exc:
            self.rows.show_errors(exc.errors)
            self._focus_first_error(exc.errors)
            return
        except HubdeskError as exc:
            self.rows.show_error(OTHER, message(str(exc)))
            return
        self.saved = info
        self.just_sent = send and info.status is ReferralStatus.SENT
        self.referral_saved.emit(info)
        self.accept()

    def _focus_first_error(self, errors: dict[str, str]) -> None:
        fields: dict[str, QWidget] = {
            "partner": self.partner,
            "service": self.service,
            "reason": self.reason,
            "contact_person": self.contact_person,
            "consent_override": self.consent_override,
        }
        for key in fields:
            if key in errors and fields[key].isEnabled() and self.rows.row_visible(key):
                fields[key].setFocus()
                return
