"""Closed vocabularies of the registry. Values are stored as text; labels live in ``labels``."""

from __future__ import annotations

from enum import StrEnum


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"


class MigrationStatus(StrEnum):
    MOROCCAN = "moroccan"
    RETURNEE = "returnee"  # returnee or diaspora
    REGULAR_MIGRANT = "regular_migrant"  # with a residence permit
    ASYLUM_SEEKER = "asylum_seeker"
    REFUGEE_UNHCR = "refugee_unhcr"  # refugee under UNHCR mandate
    REFUGEE_MOROCCO = "refugee_morocco"  # refugee recognised by Morocco
    IRREGULAR = "irregular"
    OTHER = "other"


class IdDocumentType(StrEnum):
    CNIE = "cnie"
    RESIDENCE_PERMIT = "residence_permit"
    PASSPORT = "passport"
    UNHCR_CARD = "unhcr_card"  # UNHCR card or certificate
    NONE = "none"


class LanguageLevel(StrEnum):
    A1 = "A1"
    A2 = "A2"
    B1 = "B1"
    B2 = "B2"
    C1 = "C1"
    C2 = "C2"
    NATIVE = "native"


class EducationLevel(StrEnum):
    NONE = "none"
    KORANIC = "koranic"
    PRIMARY = "primary"
    LOWER_SECONDARY = "lower_secondary"
    UPPER_SECONDARY = "upper_secondary"
    VOCATIONAL = "vocational"
    HIGHER = "higher"


class SkillSector(StrEnum):
    CONSTRUCTION = "construction"
    AGRICULTURE = "agriculture"
    TEXTILE = "textile"  # textile and sewing
    HOTELS_CATERING = "hotels_catering"
    COMMERCE = "commerce"
    ICT = "ict"
    BEAUTY = "beauty"  # beauty and hairdressing
    CRAFTS = "crafts"
    TRANSPORT = "transport"  # transport and logistics
    CARE = "care"  # care and domestic work
    OTHER = "other"


class SkillLevel(StrEnum):
    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    EXPERIENCED = "experienced"
    EXPERT = "expert"


class Occupation(StrEnum):
    UNEMPLOYED = "unemployed"
    INFORMAL = "informal"
    EMPLOYED = "employed"
    SELF_EMPLOYED = "self_employed"
    STUDENT = "student"


class HeardFrom(StrEnum):
    WORD_OF_MOUTH = "word_of_mouth"
    PARTNER = "partner"  # referred by an organisation
    SOCIAL_MEDIA = "social_media"
    OUTREACH = "outreach"
    EVENT = "event"
    OTHER = "other"


class ConsentPurpose(StrEnum):
    FOLLOW_UP = "follow_up"  # case follow-up: without it only a minimal record is kept
    PARTNER_SHARING = "partner_sharing"  # sharing data with partners when referred
    PHOTOS = "photos"
    CONTACT = "contact"  # contact by phone or WhatsApp


class Role(StrEnum):
    ADMINISTRATOR = "administrator"
    COORDINATOR = "coordinator"
    COUNSELLOR = "counsellor"
    DATA_OFFICER = "data_officer"
    READ_ONLY = "read_only"


class AuditAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    EXPORT = "export"
    VIEW = "view"
    MERGE = "merge"
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    PRINT = "print"  # a document issued or reprinted
    CANCEL = "cancel"  # an issued document cancelled


class DocumentKind(StrEnum):
    """What the HUB prints and records in the document register."""

    REFERRAL_LETTER = "referral_letter"
    CERTIFICATE = "certificate"  # training certificate
    ATTESTATION = "attestation"  # support attestation
    SUMMARY = "summary"  # beneficiary summary sheet


class SupportKind(StrEnum):
    """Kinds of support an attestation can name."""

    COUNSELLING = "counselling"  # counselling and orientation
    JOB_SEARCH = "job_search"
    REFERRAL = "referral"  # referral to partner institutions
    BUSINESS_CREATION = "business_creation"
    AUTO_ENTREPRENEUR = "auto_entrepreneur"  # auto-entrepreneur formalities
    TRAINING = "training"


class ReferralPriority(StrEnum):
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class ReferralOutcome(StrEnum):
    """What a partner ticks on the feedback slip of a referral letter."""

    ACCEPTED = "accepted"
    SERVICE_GIVEN = "service_given"
    REFUSED = "refused"
    UNREACHABLE = "unreachable"  # could not be reached


class SessionType(StrEnum):
    """What a guidance session was about."""

    FIRST_RECEPTION = "first_reception"
    ORIENTATION = "orientation"  # individual orientation
    JOB_SEARCH = "job_search"  # job search and CV
    BUSINESS_COACHING = "business_coaching"  # business idea coaching
    ADMIN_LEGAL = "admin_legal"  # administrative or legal information
    PSYCHOSOCIAL = "psychosocial"  # psychosocial listening
    FOLLOW_UP = "follow_up"


class SessionMode(StrEnum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    REMOTE = "remote"  # WhatsApp or video
    GROUP = "group"


class CaseStatus(StrEnum):
    """Where a person's follow-up stands; every change is dated and audited."""

    ACTIVE = "active"
    ON_HOLD = "on_hold"
    CLOSED = "closed"
    REOPENED = "reopened"  # followed again after a closing


class CloseReason(StrEnum):
    EMPLOYED = "employed"
    BUSINESS_CREATED = "business_created"
    MOVED_AWAY = "moved_away"
    UNREACHABLE = "unreachable"
    DECLINED = "declined"
    OTHER = "other"


class PartnerType(StrEnum):
    PUBLIC_EMPLOYMENT = "public_employment"
    VOCATIONAL_TRAINING = "vocational_training"
    BUSINESS_SUPPORT = "business_support"  # business support or investment
    FINANCING = "financing"  # financing or microfinance
    NGO = "ngo"
    UN_AGENCY = "un_agency"
    EMPLOYER = "employer"
    HEALTH = "health"
    LEGAL = "legal"
    OTHER = "other"


class ReferralStatus(StrEnum):
    """draft → sent → accepted or rejected → completed (successful or not), or cancelled."""

    DRAFT = "draft"
    SENT = "sent"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class ReferralChannel(StrEnum):
    LETTER = "letter"  # letter in hand
    EMAIL = "email"
    PHONE = "phone"


class ReferralFailure(StrEnum):
    """Why a completed referral did not succeed."""

    PERSON_REFUSED = "person_refused"
    NO_CAPACITY = "no_capacity"  # the partner had no capacity
    NO_LONGER_NEEDED = "no_longer_needed"
    PERSON_UNREACHABLE = "person_unreachable"
    PARTNER_UNREACHABLE = "partner_unreachable"
    OTHER = "other"


class ContractType(StrEnum):
    PERMANENT = "permanent"  # CDI
    FIXED_TERM = "fixed_term"  # CDD
    IDMAJ = "idmaj"  # ANAPEC Idmaj insertion contract
    SEASONAL = "seasonal"
    INFORMAL = "informal"


# --- issue #5: entrepreneurship support ------------------------------------------------------------------


class VentureKind(StrEnum):
    INDIVIDUAL = "individual"
    COLLECTIVE = "collective"  # a collective start-up: several beneficiaries found it together


class MemberRole(StrEnum):
    FOUNDER = "founder"
    MEMBER = "member"
    MANAGER = "manager"


class LegalForm(StrEnum):
    NONE_YET = "none_yet"
    AUTO_ENTREPRENEUR = "auto_entrepreneur"
    COOPERATIVE = "cooperative"
    SARL = "sarl"  # SARL or SARL AU
    ASSOCIATION = "association"
    INFORMAL = "informal"


class VentureStage(StrEnum):
    """The pipeline of a business project, in order; closed and abandoned end it."""

    IDEA = "idea"
    PRE_INCUBATION = "pre_incubation"  # training, business plan
    PLAN_VALIDATED = "plan_validated"  # business plan validated
    SEEKING_FINANCING = "seeking_financing"
    CREATED = "created"
    OPERATING = "operating"
    CLOSED = "closed"
    ABANDONED = "abandoned"


class FinancingKind(StrEnum):
    OWN_FUNDS = "own_funds"
    HONOUR_LOAN = "honour_loan"  # e.g. Forsa
    BANK_LOAN = "bank_loan"  # e.g. Intelaka
    MICROCREDIT = "microcredit"
    GRANT = "grant"
    EQUIPMENT_KIT = "equipment_kit"


class SupportActionKind(StrEnum):
    COACHING = "coaching"
    BUSINESS_PLAN = "business_plan"  # business plan help
    FORMALITIES = "formalities"  # administrative formalities
    MARKET_ACCESS = "market_access"
    FINANCIAL_EDUCATION = "financial_education"
    EQUIPMENT_KIT = "equipment_kit"


class AutoEntrepreneurCategory(StrEnum):
    """The two categories of the auto-entrepreneur status, each with its turnover ceiling."""

    COMMERCE_INDUSTRY_CRAFTS = "commerce_industry_crafts"  # 500,000 MAD a year
    SERVICES = "services"  # 200,000 MAD a year


class AutoEntrepreneurStatus(StrEnum):
    APPLIED = "applied"
    ACTIVE = "active"
    LAPSED = "lapsed"


class TrainingTheme(StrEnum):
    ENTREPRENEURSHIP = "entrepreneurship"
    FINANCIAL_EDUCATION = "financial_education"
    SOFT_SKILLS = "soft_skills"
    DIGITAL = "digital"
    VOCATIONAL = "vocational"
