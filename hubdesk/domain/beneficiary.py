"""What a counsellor types at intake: the plain data of one person, before and after saving."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from hubdesk.domain.enums import (
    ConsentPurpose,
    EducationLevel,
    HeardFrom,
    IdDocumentType,
    LanguageLevel,
    MigrationStatus,
    Occupation,
    Sex,
    SkillLevel,
    SkillSector,
)


@dataclass
class PhoneEntry:
    number: str  # as typed; normalised to E.164 by validation
    whatsapp: bool = False


@dataclass
class LanguageEntry:
    language: str  # ISO 639 code, e.g. "ar", "ary" (Darija), "fr", "wo"
    level: LanguageLevel = LanguageLevel.A1


@dataclass
class SkillEntry:
    name: str
    sector: SkillSector = SkillSector.OTHER
    level: SkillLevel = SkillLevel.BEGINNER
    years: int | None = None
    certified: bool = False  # proven by a certificate


@dataclass
class ExperienceEntry:
    job: str
    employer: str = ""
    country: str | None = None  # ISO 3166 alpha-2
    start_year: int | None = None
    end_year: int | None = None


@dataclass
class Consent:
    given_on: date | None = None
    purposes: set[ConsentPurpose] = field(default_factory=set)
    withdrawn_on: date | None = None

    def allows(self, purpose: ConsentPurpose) -> bool:
        return self.given_on is not None and self.withdrawn_on is None and purpose in self.purposes


#: Fields kept for a person who did not agree to case follow-up (the minimal record).
MINIMAL_FIELDS = frozenset(
    {
        "first_name",
        "last_name",
        "arabic_name",
        "sex",
        "birth_date",
        "birth_year",
        "nationality",
        "migration_status",
        "registered_on",
        "counsellor_id",
        "consent",
    }
)


@dataclass
class BeneficiaryDraft:
    """Everything the intake form holds. Text fields are as typed until ``validate`` cleans them."""

    first_name: str = ""
    last_name: str = ""
    arabic_name: str = ""
    sex: Sex | None = None
    birth_date: date | None = None
    birth_year: int | None = None  # when only the year is known
    nationality: str | None = None  # ISO 3166 alpha-2
    migration_status: MigrationStatus | None = None
    arrival_year: int | None = None
    id_document_type: IdDocumentType = IdDocumentType.NONE
    id_document_number: str = ""
    id_document_expiry: date | None = None
    phones: list[PhoneEntry] = field(default_factory=list)
    email: str = ""
    neighbourhood: str = ""
    city: str = "Tanger"
    languages: list[LanguageEntry] = field(default_factory=list)
    education_level: EducationLevel | None = None
    diplomas: list[str] = field(default_factory=list)
    skills: list[SkillEntry] = field(default_factory=list)
    experiences: list[ExperienceEntry] = field(default_factory=list)
    occupation: Occupation | None = None
    has_disability: bool = False
    disability_note: str = ""
    household_size: int | None = None
    dependents: int | None = None
    registered_on: date | None = None
    heard_from: HeardFrom | None = None
    referring_organisation: str = ""
    counsellor_id: str | None = None
    consent: Consent = field(default_factory=Consent)

    @property
    def minimal_only(self) -> bool:
        """True when the person did not agree to case follow-up: only MINIMAL_FIELDS may be kept."""
        return not self.consent.allows(ConsentPurpose.FOLLOW_UP)

    def minimal_record(self) -> BeneficiaryDraft:
        """A copy keeping only MINIMAL_FIELDS; every other field empty."""
        return replace(BeneficiaryDraft(city=""), **{name: getattr(self, name) for name in MINIMAL_FIELDS})
