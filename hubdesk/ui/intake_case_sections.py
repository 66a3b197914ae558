"""The sections of the intake form about the case: situation, the HUB's own data, and consent."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from hubdesk.domain.beneficiary import BeneficiaryDraft, Consent
from hubdesk.domain.enums import ConsentPurpose, HeardFrom, Occupation
from hubdesk.domain.validation import MAX_HOUSEHOLD
from hubdesk.ui import labels
from hubdesk.ui.intake_editors import CHOICE_WIDTH, SHORT_WIDTH, ChoiceCombo, DateField, OptionalSpinBox
from hubdesk.ui.intake_fields import IntakeSection


class SituationSection(IntakeSection):
    """Occupation, disability and household."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self.tr("Situation")
        self.occupation = ChoiceCombo([(o, labels.occupation(o)) for o in Occupation], self.tr("Choose…"), parent=self)
        self.occupation.setMaximumWidth(CHOICE_WIDTH)
        self.add_field(self.tr("Current occupation"), self.occupation, "occupation")
        self.has_disability = QCheckBox(self.tr("The person lives with a disability"), self)
        self.add_field(self.tr("Disability"), self.has_disability, "has_disability")
        self.disability_note = QPlainTextEdit(self)
        self.disability_note.setTabChangesFocus(True)
        self.disability_note.setPlaceholderText(self.tr("What support or adaptation is needed"))
        self.disability_note.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.add_field(self.tr("About the disability"), self.disability_note, "disability_note")
        self.has_disability.toggled.connect(self.disability_note.setEnabled)
        self.disability_note.setEnabled(False)
        self.household_size = OptionalSpinBox(1, MAX_HOUSEHOLD, self.tr("Unknown"), self)
        self.household_size.setMaximumWidth(SHORT_WIDTH)
        self.add_field(self.tr("Household size"), self.household_size, "household_size")
        self.dependents = OptionalSpinBox(0, MAX_HOUSEHOLD, self.tr("Unknown"), self)
        self.dependents.setMaximumWidth(SHORT_WIDTH)
        self.add_field(self.tr("Dependents"), self.dependents, "dependents")

    def load(self, draft: BeneficiaryDraft) -> None:
        self.occupation.set_value(draft.occupation)
        self.has_disability.setChecked(draft.has_disability)
        self.disability_note.setPlainText(draft.disability_note)
        self.household_size.set_value_or_none(draft.household_size)
        self.dependents.set_value_or_none(draft.dependents)

    def store(self, draft: BeneficiaryDraft) -> None:
        draft.occupation = self.occupation.value()
        draft.has_disability = self.has_disability.isChecked()
        # the note stays in the box when the tick is removed, but is only kept with the tick
        draft.disability_note = self.disability_note.toPlainText() if draft.has_disability else ""
        draft.household_size = self.household_size.value_or_none()
        draft.dependents = self.dependents.value_or_none()


class HubSection(IntakeSection):
    """Registration date, how the person came to the HUB, and the counsellor in charge."""

    def __init__(self, counsellors: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self.tr("HUB")
        self.registered_on = DateField(self)
        self.add_field(self.tr("Registration date"), self.registered_on, "registered_on")
        self.heard_from = ChoiceCombo([(h, labels.heard_from(h)) for h in HeardFrom], self.tr("Choose…"), parent=self)
        self.heard_from.setMaximumWidth(CHOICE_WIDTH)
        self.add_field(self.tr("Heard of the HUB through"), self.heard_from, "heard_from")
        self.referring_organisation = QLineEdit(self)
        self.add_field(self.tr("Referring organisation"), self.referring_organisation, "referring_organisation")
        self.counsellor = ChoiceCombo([(None, self.tr("Not assigned")), *counsellors], parent=self)
        self.counsellor.setMaximumWidth(CHOICE_WIDTH)
        self.add_field(self.tr("Assigned counsellor"), self.counsellor, "counsellor_id")

    def ensure_counsellor(self, user_id: str, name: str) -> None:
        """Offer ``user_id`` even when they are no longer an active counsellor (an older record)."""
        if not self.counsellor.has_value(user_id):
            self.counsellor.add_choice(user_id, name or self.tr("Former counsellor"))

    def load(self, draft: BeneficiaryDraft) -> None:
        self.registered_on.set_date(draft.registered_on)
        self.heard_from.set_value(draft.heard_from)
        self.referring_organisation.setText(draft.referring_organisation)
        self.counsellor.set_value(draft.counsellor_id)

    def store(self, draft: BeneficiaryDraft) -> None:
        draft.registered_on = self.registered_on.date()
        draft.heard_from = self.heard_from.value()
        draft.referring_organisation = self.referring_organisation.text()
        draft.counsellor_id = self.counsellor.value()


class ConsentSection(IntakeSection):
    """What the person agreed to, and when. Without case follow-up only a minimal record is kept."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self.tr("Consent")
        self.given_on = DateField(self)
        self.add_field(self.tr("Consent given on"), self.given_on, "consent.given_on")
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.purposes: dict[ConsentPurpose, QCheckBox] = {}
        for purpose in ConsentPurpose:
            check = QCheckBox(labels.consent_purpose(purpose), box)
            column.addWidget(check)
            self.purposes[purpose] = check
            self.watch(check, "consent")
        self.add_field(self.tr("The person agrees to"), box, "consent.purposes", watch=box)
        self.withdrawn_on = DateField(self)
        self.withdrawn_on.line_edit.setToolTip(self.tr("Leave empty unless the person withdrew consent"))
        self.add_field(self.tr("Consent withdrawn on"), self.withdrawn_on, "consent.withdrawn_on")

    @property
    def follow_up(self) -> QCheckBox:
        return self.purposes[ConsentPurpose.FOLLOW_UP]

    def load(self, draft: BeneficiaryDraft) -> None:
        self.given_on.set_date(draft.consent.given_on)
        for purpose, check in self.purposes.items():
            check.setChecked(purpose in draft.consent.purposes)
        self.withdrawn_on.set_date(draft.consent.withdrawn_on)

    def store(self, draft: BeneficiaryDraft) -> None:
        draft.consent = Consent(
            given_on=self.given_on.date(),
            purposes={purpose for purpose, check in self.purposes.items() if check.isChecked()},
            withdrawn_on=self.withdrawn_on.date(),
        )
