"""What a person reads for each stored value (enums, countries, languages), through Qt translation."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from hubdesk.domain.enums import (
    AutoEntrepreneurCategory,
    AutoEntrepreneurStatus,
    CaseStatus,
    CloseReason,
    ConsentPurpose,
    ContractType,
    DocumentKind,
    EducationLevel,
    FinancingKind,
    HeardFrom,
    IdDocumentType,
    LanguageLevel,
    LegalForm,
    MemberRole,
    MigrationStatus,
    Occupation,
    PartnerType,
    ReferralChannel,
    ReferralFailure,
    ReferralOutcome,
    ReferralPriority,
    ReferralStatus,
    Role,
    SessionMode,
    SessionType,
    Sex,
    SkillLevel,
    SkillSector,
    SupportActionKind,
    SupportKind,
    TrainingTheme,
    VentureKind,
    VentureStage,
)
from hubdesk.domain.local_time import LOCAL_ZONE
from hubdesk.domain.matching import MatchReason
from hubdesk.domain.vocabulary import label as vocabulary_label


def _t(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def sex(value: Sex | str | None) -> str:
    return {Sex.FEMALE: _t("Female"), Sex.MALE: _t("Male")}.get(Sex(value), "") if value else ""


def migration_status(value: MigrationStatus | str | None) -> str:
    if not value:
        return ""
    return {
        MigrationStatus.MOROCCAN: _t("Moroccan"),
        MigrationStatus.RETURNEE: _t("Returnee or diaspora"),
        MigrationStatus.REGULAR_MIGRANT: _t("Regular migrant (residence permit)"),
        MigrationStatus.ASYLUM_SEEKER: _t("Asylum seeker"),
        MigrationStatus.REFUGEE_UNHCR: _t("Refugee (UNHCR mandate)"),
        MigrationStatus.REFUGEE_MOROCCO: _t("Refugee recognised by Morocco"),
        MigrationStatus.IRREGULAR: _t("Irregular situation"),
        MigrationStatus.OTHER: _t("Other"),
    }[MigrationStatus(value)]


def id_document_type(value: IdDocumentType | str | None) -> str:
    if not value:
        return ""
    return {
        IdDocumentType.CNIE: _t("CNIE (national identity card)"),
        IdDocumentType.RESIDENCE_PERMIT: _t("Residence permit"),
        IdDocumentType.PASSPORT: _t("Passport"),
        IdDocumentType.UNHCR_CARD: _t("UNHCR card or certificate"),
        IdDocumentType.NONE: _t("No document"),
    }[IdDocumentType(value)]


def language_level(value: LanguageLevel | str) -> str:
    return _t("Native") if LanguageLevel(value) is LanguageLevel.NATIVE else LanguageLevel(value).value


def education_level(value: EducationLevel | str | None) -> str:
    if not value:
        return ""
    return {
        EducationLevel.NONE: _t("No schooling"),
        EducationLevel.KORANIC: _t("Koranic school"),
        EducationLevel.PRIMARY: _t("Primary"),
        EducationLevel.LOWER_SECONDARY: _t("Lower secondary (collège)"),
        EducationLevel.UPPER_SECONDARY: _t("Upper secondary (lycée)"),
        EducationLevel.VOCATIONAL: _t("Vocational training"),
        EducationLevel.HIGHER: _t("Higher education"),
    }[EducationLevel(value)]


def skill_sector(value: SkillSector | str) -> str:
    return {
        SkillSector.CONSTRUCTION: _t("Construction"),
        SkillSector.AGRICULTURE: _t("Agriculture"),
        SkillSector.TEXTILE: _t("Textile and sewing"),
        SkillSector.HOTELS_CATERING: _t("Hotels and catering"),
        SkillSector.COMMERCE: _t("Commerce"),
        SkillSector.ICT: _t("ICT"),
        SkillSector.BEAUTY: _t("Beauty and hairdressing"),
        SkillSector.CRAFTS: _t("Crafts"),
        SkillSector.TRANSPORT: _t("Transport and logistics"),
        SkillSector.CARE: _t("Care and domestic work"),
        SkillSector.OTHER: _t("Other"),
    }[SkillSector(value)]


def skill_level(value: SkillLevel | str) -> str:
    return {
        SkillLevel.BEGINNER: _t("Beginner"),
        SkillLevel.INTERMEDIATE: _t("Intermediate"),
        SkillLevel.EXPERIENCED: _t("Experienced"),
        SkillLevel.EXPERT: _t("Expert"),
    }[SkillLevel(value)]


def occupation(value: Occupation | str | None) -> str:
    if not value:
        return ""
    return {
        Occupation.UNEMPLOYED: _t("Unemployed"),
        Occupation.INFORMAL: _t("Informal work"),
        Occupation.EMPLOYED: _t("Employed"),
        Occupation.SELF_EMPLOYED: _t("Self-employed"),
        Occupation.STUDENT: _t("Student"),
    }[Occupation(value)]


def heard_from(value: HeardFrom | str | None) -> str:
    if not value:
        return ""
    return {
        HeardFrom.WORD_OF_MOUTH: _t("Word of mouth"),
        HeardFrom.PARTNER: _t("Referred by an organisation"),
        HeardFrom.SOCIAL_MEDIA: _t("Social media"),
        HeardFrom.OUTREACH: _t("Outreach in the neighbourhood"),
        HeardFrom.EVENT: _t("Event or information session"),
        HeardFrom.OTHER: _t("Other"),
    }[HeardFrom(value)]


def consent_purpose(value: ConsentPurpose | str) -> str:
    return {
        ConsentPurpose.FOLLOW_UP: _t("Case follow-up"),
        ConsentPurpose.PARTNER_SHARING: _t("Sharing data with partners when referred"),
        ConsentPurpose.PHOTOS: _t("Photos"),
        ConsentPurpose.CONTACT: _t("Contact by phone or WhatsApp"),
    }[ConsentPurpose(value)]


def match_reason(value: MatchReason | str) -> str:
    """Why two records look alike, in words."""
    return {
        MatchReason.NAME: _t("similar name"),
        MatchReason.SAME_PHONE: _t("same phone"),
        MatchReason.SAME_DOCUMENT: _t("same document number"),
        MatchReason.SAME_BIRTH_DATE: _t("same date of birth"),
        MatchReason.SAME_BIRTH_YEAR: _t("same year of birth"),
        MatchReason.DIFFERENT_BIRTH_DATE: _t("different date of birth"),
    }[MatchReason(value)]


def role(value: Role | str) -> str:
    return {
        Role.ADMINISTRATOR: _t("Administrator"),
        Role.COORDINATOR: _t("Coordinator"),
        Role.COUNSELLOR: _t("Counsellor"),
        Role.DATA_OFFICER: _t("Data officer"),
        Role.READ_ONLY: _t("Read only"),
    }[Role(value)]


def document_kind(value: DocumentKind | str) -> str:
    return {
        DocumentKind.REFERRAL_LETTER: _t("Referral letter"),
        DocumentKind.CERTIFICATE: _t("Training certificate"),
        DocumentKind.ATTESTATION: _t("Attestation of support"),
        DocumentKind.SUMMARY: _t("Beneficiary summary sheet"),
    }[DocumentKind(value)]


def support_kind(value: SupportKind | str) -> str:
    """A kind of support an attestation names."""
    return {
        SupportKind.COUNSELLING: _t("Counselling and guidance"),
        SupportKind.JOB_SEARCH: _t("Job search assistance"),
        SupportKind.REFERRAL: _t("Referral to partner institutions"),
        SupportKind.BUSINESS_CREATION: _t("Business creation support"),
        SupportKind.AUTO_ENTREPRENEUR: _t("Auto-entrepreneur status formalities"),
        SupportKind.TRAINING: _t("Training"),
    }[SupportKind(value)]


def printed_language(code: str) -> str:
    """The name of a document language (fr, ar, en), for choosing the language a paper is printed in."""
    return {"fr": _t("French"), "ar": _t("Arabic"), "en": _t("English")}.get(code, code)


def document_language() -> str:
    """The language code used for country and language names (follows the interface)."""
    name = QLocale().name()[:2]
    return name if name in {"fr", "ar", "en"} else "fr"


def country(code: str | None) -> str:
    from hubdesk.domain import countries  # babel's tables load on first use, not at start-up

    return countries.country_name(code, document_language()) if code else ""


def language(code: str) -> str:
    from hubdesk.domain import languages

    return languages.language_name(code, document_language())


def short_date(value: date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat)


def isolate(text: str) -> str:
    """Text of either direction kept whole inside a line of the other (Unicode first-strong isolate)."""
    return f"\u2068{text}\u2069" if text else ""


def local_time(moment: datetime) -> str:
    """An instant as Tangier's clock shows it, "dd/MM/yyyy HH:mm", kept left to right in an Arabic line.

    A naive ``moment`` is taken as already local. (Left-to-right isolate: the time stays after the date.)
    """
    local = moment.astimezone(LOCAL_ZONE) if moment.tzinfo is not None else moment
    return f"\u2066{local:%d/%m/%Y %H:%M}\u2069"


def birth(birth_date: date | None, birth_year: int | None) -> str:
    """A full date when known, else the year alone."""
    if birth_date is not None:
        return short_date(birth_date)
    return str(birth_year) if birth_year else ""


# --- issue #4: sessions, cases, partners, referrals, jobs -----------------------------------------------
# The English wording comes from the domain's vocabulary (the labels documents print), passed through
# Qt translation so that the French and Arabic interface translate them (#9 merges the two tables).


def _vocabulary(value: StrEnum) -> str:
    return QCoreApplication.translate("labels", vocabulary_label(value, "en"))


def session_type(value: SessionType | str) -> str:
    return _vocabulary(SessionType(value))


def session_mode(value: SessionMode | str) -> str:
    return _vocabulary(SessionMode(value))


def case_status(value: CaseStatus | str) -> str:
    return _vocabulary(CaseStatus(value))


def close_reason(value: CloseReason | str | None) -> str:
    return _vocabulary(CloseReason(value)) if value else ""


def partner_type(value: PartnerType | str) -> str:
    return _vocabulary(PartnerType(value))


def referral_status(value: ReferralStatus | str) -> str:
    return _vocabulary(ReferralStatus(value))


def referral_priority(value: ReferralPriority | str) -> str:
    return _vocabulary(ReferralPriority(value))


def referral_channel(value: ReferralChannel | str) -> str:
    return _vocabulary(ReferralChannel(value))


def referral_failure(value: ReferralFailure | str | None) -> str:
    return _vocabulary(ReferralFailure(value)) if value else ""


def referral_outcome(value: ReferralOutcome | str) -> str:
    return _vocabulary(ReferralOutcome(value))


def contract_type(value: ContractType | str) -> str:
    return _vocabulary(ContractType(value))


# --- issue #5: business projects, auto-entrepreneurs, trainings ------------------------------------------


def venture_kind(value: VentureKind | str) -> str:
    return _vocabulary(VentureKind(value))


def member_role(value: MemberRole | str) -> str:
    return _vocabulary(MemberRole(value))


def legal_form(value: LegalForm | str) -> str:
    return _vocabulary(LegalForm(value))


def venture_stage(value: VentureStage | str) -> str:
    return _vocabulary(VentureStage(value))


def financing_kind(value: FinancingKind | str) -> str:
    return _vocabulary(FinancingKind(value))


def support_action_kind(value: SupportActionKind | str) -> str:
    return _vocabulary(SupportActionKind(value))


def auto_entrepreneur_category(value: AutoEntrepreneurCategory | str) -> str:
    return _vocabulary(AutoEntrepreneurCategory(value))


def auto_entrepreneur_status(value: AutoEntrepreneurStatus | str) -> str:
    return _vocabulary(AutoEntrepreneurStatus(value))


def training_theme(value: TrainingTheme | str) -> str:
    return _vocabulary(TrainingTheme(value))


def dirhams(amount: int | None) -> str:
    """An amount as a person reads it: "120 000 MAD" in the interface's locale; "" when unknown."""
    if amount is None:
        return ""
    return _t("{amount} MAD").format(amount=QLocale().toString(amount))
