"""The sections of the intake form about the person: identity, contact, languages, skills."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QWidget

from hubdesk.domain.beneficiary import (
    BeneficiaryDraft,
    ExperienceEntry,
    LanguageEntry,
    PhoneEntry,
    SkillEntry,
)
from hubdesk.domain.countries import country_choices
from hubdesk.domain.enums import (
    EducationLevel,
    IdDocumentType,
    LanguageLevel,
    MigrationStatus,
    Sex,
    SkillLevel,
    SkillSector,
)
from hubdesk.domain.languages import language_choices
from hubdesk.domain.validation import FIRST_YEAR, MAX_AGE, MAX_SKILL_YEARS
from hubdesk.ui import labels
from hubdesk.ui.intake_editors import CHOICE_WIDTH, SHORT_WIDTH, ChoiceCombo, DateField, OptionalSpinBox
from hubdesk.ui.intake_fields import IntakeSection
from hubdesk.ui.row_list_editor import (
    RowListEditor,
    bool_column,
    choice_column,
    int_column,
    text_column,
)


def _rows(entries: list[Any]) -> list[dict[str, Any]]:
    return [asdict(entry) for entry in entries]


class IdentitySection(IntakeSection):
    """Names, sex, birth, nationality, migration status and identity document."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self.tr("Identity")
        this_year = dt.date.today().year
        lang = labels.document_language()

        self.first_name = QLineEdit(self)
        self.add_field(self.tr("First name"), self.first_name, "first_name")
        self.last_name = QLineEdit(self)
        self.add_field(self.tr("Last name"), self.last_name, "last_name")
        self.arabic_name = QLineEdit(self)
        self.arabic_name.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.arabic_name.setPlaceholderText(self.tr("Optional, in Arabic script"))
        self.add_field(self.tr("Full name in Arabic"), self.arabic_name, "arabic_name")
        self.sex = ChoiceCombo([(s, labels.sex(s)) for s in Sex], self.tr("Choose…"), parent=self)
        self.sex.setMaximumWidth(SHORT_WIDTH)
        self.add_field(self.tr("Sex"), self.sex, "sex")

        self.birth_date = DateField(self)
        self.year_only = QCheckBox(self.tr("Only the year is known"), self)
        self.birth_year = OptionalSpinBox(this_year - MAX_AGE, this_year, self.tr("Unknown"), self)
        self.birth_year.setMinimumWidth(110)
        birth = QWidget(self)
        row = QHBoxLayout(birth)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.birth_date)
        row.addWidget(self.birth_year)
        row.addWidget(self.year_only)
        row.addStretch(1)
        self.add_field(self.tr("Date of birth"), birth, "birth_date", "birth_year", watch=self.birth_date)
        self._focus["birth_date"] = self.birth_date
        self._focus["birth_year"] = self.birth_year
        self.watch(self.year_only, "birth_date")
        self.watch(self.birth_year, "birth_date")
        self.year_only.toggled.connect(self._show_birth_mode)
        self.year_only.clicked.connect(self._focus_birth_value)
        self._show_birth_mode(False)

        self.nationality = ChoiceCombo(
            country_choices(lang), self.tr("Type or choose a country"), searchable=True, parent=self
        )
        self.nationality.setMaximumWidth(CHOICE_WIDTH)
        self.add_field(self.tr("Nationality"), self.nationality, "nationality")
        self.migration_status = ChoiceCombo(
            [(m, labels.migration_status(m)) for m in MigrationStatus], self.tr("Choose…"), parent=self
        )
        self.migration_status.setMaximumWidth(CHOICE_WIDTH)
        self.add_field(self.tr("Migration status"), self.migration_status, "migration_status")
        self.arrival_year = OptionalSpinBox(FIRST_YEAR, this_year, self.tr("Unknown"), self)
        self.arrival_year.setMaximumWidth(SHORT_WIDTH)
        self.add_field(self.tr("Year of arrival in Morocco"), self.arrival_year, "arrival_year")

        self.id_document_type = ChoiceCombo([(t, labels.id_document_type(t)) for t in IdDocumentType], parent=self)
        self.id_document_type.setMaximumWidth(CHOICE_WIDTH)
        self.add_field(self.tr("Identity document"), self.id_document_type, "id_document_type")
        self.id_document_number = QLineEdit(self)
        self.id_document_number.setMaximumWidth(2 * SHORT_WIDTH)
        self._number_box = self.add_field(self.tr("Document number"), self.id_document_number, "id_document_number")
        self.id_document_expiry = DateField(self)
        self._expiry_box = self.add_field(self.tr("Document expiry"), self.id_document_expiry, "id_document_expiry")
        self.id_document_type.currentIndexChanged.connect(self._update_document_fields)
        self._minimal = False

    def load(self, draft: BeneficiaryDraft) -> None:
        self.first_name.setText(draft.first_name)
        self.last_name.setText(draft.last_name)
        self.arabic_name.setText(draft.arabic_name)
        self.sex.set_value(draft.sex)
        self.birth_date.set_date(draft.birth_date)
        self.year_only.setChecked(draft.birth_date is None and draft.birth_year is not None)
        self.birth_year.set_value_or_none(draft.birth_year if draft.birth_date is None else None)
        self.nationality.set_value(draft.nationality)
        self.migration_status.set_value(draft.migration_status)
        self.arrival_year.set_value_or_none(draft.arrival_year)
        self.id_document_type.set_value(draft.id_document_type)
        self.id_document_number.setText(draft.id_document_number)
        self.id_document_expiry.set_date(draft.id_document_expiry)

    def store(self, draft: BeneficiaryDraft) -> None:
        draft.first_name = self.first_name.text()
        draft.last_name = self.last_name.text()
        draft.arabic_name = self.arabic_name.text()
        draft.sex = self.sex.value()
        if self.year_only.isChecked():
            draft.birth_date, draft.birth_year = None, self.birth_year.value_or_none()
        else:
            draft.birth_date, draft.birth_year = self.birth_date.date(), None
        draft.nationality = self.nationality.value()
        draft.migration_status = self.migration_status.value()
        draft.arrival_year = self.arrival_year.value_or_none()
        draft.id_document_type = self.id_document_type.value() or IdDocumentType.NONE
        has_document = draft.id_document_type is not IdDocumentType.NONE
        # a number typed before the type was set back to "no document" is not a document
        draft.id_document_number = self.id_document_number.text() if has_document else ""
        draft.id_document_expiry = self.id_document_expiry.date() if has_document else None

    def local_errors(self) -> dict[str, str]:
        errors = super().local_errors()
        if self.year_only.isChecked():
            errors.pop("birth_date", None)
        if self.nationality.unmatched_text():
            errors["nationality"] = self.tr("Choose a country from the list")
        return errors

    def set_minimal(self, minimal: bool) -> None:
        super().set_minimal(minimal)
        self._minimal = minimal
        self._update_document_fields()

    @Slot()
    def _update_document_fields(self) -> None:
        has_document = self.id_document_type.value() not in (None, IdDocumentType.NONE)
        for box in (self._number_box, self._expiry_box):
            box.setEnabled(has_document and not self._minimal)

    @Slot(bool)
    def _show_birth_mode(self, year_only: bool) -> None:
        # Both values stay in their widgets, so unticking by mistake loses nothing.
        self.birth_date.setVisible(not year_only)
        self.birth_year.setVisible(year_only)

    @Slot()
    def _focus_birth_value(self) -> None:
        (self.birth_year if self.year_only.isChecked() else self.birth_date).setFocus()


class ContactSection(IntakeSection):
    """Phone numbers, e-mail and address."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self.tr("Contact")
        self.phones = RowListEditor(
            [text_column("number", self.tr("Number")), bool_column("whatsapp", self.tr("WhatsApp"))],
            "phones",
            self.tr("Add a phone"),
            self,
        )
        self.add_list(self.tr("Phone numbers"), self.phones)
        self.email = QLineEdit(self)
        self.email.setPlaceholderText(self.tr("name@example.com"))
        self.add_field(self.tr("E-mail"), self.email, "email")
        self.neighbourhood = QLineEdit(self)
        self.add_field(self.tr("Neighbourhood"), self.neighbourhood, "neighbourhood")
        self.city = QLineEdit(self)
        self.add_field(self.tr("City"), self.city, "city")

    def load(self, draft: BeneficiaryDraft) -> None:
        self.phones.set_rows(_rows(draft.phones))
        self.email.setText(draft.email)
        self.neighbourhood.setText(draft.neighbourhood)
        self.city.setText(draft.city)

    def store(self, draft: BeneficiaryDraft) -> None:
        draft.phones = [PhoneEntry(**row) for row in self.phones.rows()]
        draft.email = self.email.text()
        draft.neighbourhood = self.neighbourhood.text()
        draft.city = self.city.text()


class LanguagesSection(IntakeSection):
    """Languages spoken, schooling and diplomas."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self.tr("Languages and education")
        levels = [(level, labels.language_level(level)) for level in LanguageLevel]
        self.languages = RowListEditor(
            [
                choice_column(
                    "language",
                    self.tr("Language"),
                    language_choices(labels.document_language()),
                    stretch=True,
                ),
                choice_column("level", self.tr("Level"), levels, default=LanguageLevel.A1),
            ],
            "languages",
            self.tr("Add a language"),
            self,
        )
        self.add_list(self.tr("Languages"), self.languages)
        self.education_level = ChoiceCombo(
            [(e, labels.education_level(e)) for e in EducationLevel], self.tr("Choose…"), parent=self
        )
        self.education_level.setMaximumWidth(CHOICE_WIDTH)
        self.add_field(self.tr("Education level"), self.education_level, "education_level")
        self.diplomas = RowListEditor(
            [text_column("title", self.tr("Title"))], "diplomas", self.tr("Add a diploma"), self
        )
        self.add_list(self.tr("Diplomas"), self.diplomas)

    def load(self, draft: BeneficiaryDraft) -> None:
        self.languages.set_rows(_rows(draft.languages))
        self.education_level.set_value(draft.education_level)
        self.diplomas.set_rows([{"title": title} for title in draft.diplomas])

    def store(self, draft: BeneficiaryDraft) -> None:
        draft.languages = [LanguageEntry(row["language"] or "", row["level"]) for row in self.languages.rows()]
        draft.education_level = self.education_level.value()
        draft.diplomas = [row["title"] for row in self.diplomas.rows()]


class SkillsSection(IntakeSection):
    """What the person can do, and where they worked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self.tr("Skills and experience")
        this_year = dt.date.today().year
        self.skills = RowListEditor(
            [
                text_column("name", self.tr("Skill")),
                choice_column(
                    "sector",
                    self.tr("Sector"),
                    [(s, labels.skill_sector(s)) for s in SkillSector],
                    default=SkillSector.OTHER,
                ),
                choice_column(
                    "level",
                    self.tr("Level"),
                    [(level, labels.skill_level(level)) for level in SkillLevel],
                    default=SkillLevel.BEGINNER,
                ),
                int_column("years", self.tr("Years"), 0, MAX_SKILL_YEARS),
                bool_column("certified", self.tr("Certified")),
            ],
            "skills",
            self.tr("Add a skill"),
            self,
        )
        self.add_list(self.tr("Skills"), self.skills)
        self.experiences = RowListEditor(
            [
                text_column("job", self.tr("Job")),
                text_column("employer", self.tr("Employer")),
                choice_column("country", self.tr("Country"), country_choices(labels.document_language())),
                int_column("start_year", self.tr("From"), FIRST_YEAR, this_year),
                int_column("end_year", self.tr("To"), FIRST_YEAR, this_year),
            ],
            "experiences",
            self.tr("Add an experience"),
            self,
        )
        self.add_list(self.tr("Work experience"), self.experiences)

    def load(self, draft: BeneficiaryDraft) -> None:
        self.skills.set_rows(_rows(draft.skills))
        self.experiences.set_rows(_rows(draft.experiences))

    def store(self, draft: BeneficiaryDraft) -> None:
        draft.skills = [SkillEntry(**row) for row in self.skills.rows()]
        draft.experiences = [ExperienceEntry(**row) for row in self.experiences.rows()]
