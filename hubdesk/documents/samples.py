"""Sample data for every document, so fonts and layout can be checked on any machine."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from hubdesk.documents import DocumentData
from hubdesk.documents.data import (
    AttestationData,
    CertificateData,
    Disclosure,
    OrganisationProfile,
    PersonRef,
    ProfileSummary,
    ReferralLetterData,
    Signatory,
    Stamp,
    SummarySection,
    SummarySheetData,
)
from hubdesk.documents.sign_in_sheet import SignInRow, SignInSheetData
from hubdesk.domain.beneficiary import (
    BeneficiaryDraft,
    Consent,
    ExperienceEntry,
    LanguageEntry,
    PhoneEntry,
    SkillEntry,
)
from hubdesk.domain.document_numbers import document_number
from hubdesk.domain.enums import (
    ConsentPurpose,
    DocumentKind,
    EducationLevel,
    IdDocumentType,
    LanguageLevel,
    MigrationStatus,
    Occupation,
    ReferralPriority,
    Sex,
    SkillLevel,
    SkillSector,
    SupportKind,
)

ISSUED_ON = date(2026, 11, 29)

SAMPLE_ORGANISATION = OrganisationProfile(
    addresses={
        "fr": "12, rue de Fès, quartier Mesnana, 90000 Tanger",
        "ar": "12، زنقة فاس، حي مسنانة، 90000 طنجة",
        "en": "12 Fez Street, Mesnana, 90000 Tangier",
    },
    phone="+212 539 94 12 34",
    email="contact@hub-tanger.ma",
    signatory_name="Nadia Benjelloun",
)

PERSON = PersonRef(
    code="TNG-2026-00042",
    first_name="Amina",
    last_name="El Amrani",
    arabic_name="أمينة العمراني",
    birth_date=date(1999, 4, 17),
    nationality="MA",
    id_document_type=IdDocumentType.CNIE,
    id_document_number="K123456",
)

#: (French, Arabic, English) of the sample's free texts
_TEXTS = {
    "partner": (
        "ANAPEC — Agence Tanger Ibn Batouta",
        "الوكالة الوطنية لإنعاش التشغيل والكفاءات — وكالة طنجة ابن بطوطة",
        "ANAPEC — Tangier Ibn Batouta agency",
    ),
    "service": ("Programme Idmaj (contrat d'insertion)", "برنامج إدماج (عقد الإدماج)", "Idmaj programme"),
    "address": ("Avenue Moulay Rachid, Tanger", "شارع مولاي رشيد، طنجة", "Moulay Rachid Avenue, Tangier"),
    "subject": (
        "Inscription et accompagnement vers un emploi dans l'hôtellerie",
        "التسجيل والمواكبة نحو شغل في قطاع الفندقة",
        "Registration and support towards a job in hospitality",
    ),
    "reason": (
        "Mme El Amrani a suivi une formation en cuisine et cherche un premier emploi salarié. Elle est disponible "
        "immédiatement et souhaite travailler à Tanger.",
        "تابعت السيدة العمراني تكوينا في الطبخ وتبحث عن أول شغل مأجور. هي متاحة فورا وترغب في العمل بطنجة.",
        "Ms El Amrani completed a cooking course and is looking for her first salaried job. She is available at "
        "once and wishes to work in Tangier.",
    ),
    "requested": (
        "Inscription à l'ANAPEC, atelier de recherche d'emploi et mise en relation avec les employeurs de "
        "l'hôtellerie.",
        "التسجيل بالوكالة، ورشة البحث عن الشغل، وربط الاتصال بمشغلي قطاع الفندقة.",
        "Registration with ANAPEC, a job-search workshop and introduction to hotel employers.",
    ),
    "counsellor_title": ("Conseillère en orientation", "مستشارة في التوجيه", "Guidance counsellor"),
    "training": (
        "Création et gestion d'une très petite entreprise",
        "إحداث وتسيير مقاولة صغيرة جدا",
        "Starting and running a very small business",
    ),
    "place": ("HUB Tanger, salle de formation", "الهب طنجة، قاعة التكوين", "HUB Tangier, training room"),
    "purpose": (
        "Cette attestation est délivrée à l'intéressée, à sa demande, pour servir et valoir ce que de droit.",
        "سلمت هذه الشهادة للمعنية بالأمر بطلب منها للإدلاء بها عند الحاجة.",
        "This attestation is issued to the person, at her request, for whatever purpose it may serve.",
    ),
}


def _text(key: str, lang: str) -> str:
    return _TEXTS[key][("fr", "ar", "en").index(lang) if lang in ("fr", "ar", "en") else 0]


def sample_stamp(kind: DocumentKind, n: int = 12) -> Stamp:
    return Stamp(document_number(kind, "TNG", ISSUED_ON.year, n), "K7QM4-XPT9C", ISSUED_ON)


def sample_referral(lang: str, stamp: Stamp | None = None) -> ReferralLetterData:
    return ReferralLetterData(
        stamp=stamp or sample_stamp(DocumentKind.REFERRAL_LETTER),
        letterhead=SAMPLE_ORGANISATION.letterhead(lang),
        referral_number="REF-2026-0007",
        partner=_text("partner", lang),
        service=_text("service", lang),
        contact_person="M. Karim Tazi",
        partner_address=_text("address", lang),
        subject=_text("subject", lang),
        person=PERSON,
        disclosure=Disclosure(name=True, birth_date=True, nationality=True, id_document=False, profile=True),
        reason=_text("reason", lang),
        service_requested=_text("requested", lang),
        priority=ReferralPriority.HIGH,
        profile=ProfileSummary(
            education_level=EducationLevel.VOCATIONAL,
            diplomas=("Diplôme de technicien en cuisine (OFPPT)",),
            languages=(("ar", LanguageLevel.NATIVE), ("fr", LanguageLevel.B1), ("es", LanguageLevel.A2)),
            skills=(("Cuisine marocaine", SkillLevel.EXPERIENCED), ("Pâtisserie", SkillLevel.INTERMEDIATE)),
        ),
        counsellor=Signatory("Fatima Zahra Alaoui", _text("counsellor_title", lang), "+212 661 23 45 67"),
    )


def sample_certificate(lang: str, stamp: Stamp | None = None) -> CertificateData:
    return CertificateData(
        stamp=stamp or sample_stamp(DocumentKind.CERTIFICATE),
        letterhead=SAMPLE_ORGANISATION.letterhead(lang),
        person=PERSON,
        training_title=_text("training", lang),
        start_date=date(2026, 10, 5),
        end_date=date(2026, 10, 23),
        hours=42,
        place=_text("place", lang),
        signatory=SAMPLE_ORGANISATION.signatory(lang),
    )


def sample_attestation(lang: str, stamp: Stamp | None = None) -> AttestationData:
    return AttestationData(
        stamp=stamp or sample_stamp(DocumentKind.ATTESTATION),
        letterhead=SAMPLE_ORGANISATION.letterhead(lang),
        person=PERSON,
        since=date(2026, 2, 9),
        signatory=SAMPLE_ORGANISATION.signatory(lang),
        supports=(SupportKind.COUNSELLING, SupportKind.BUSINESS_CREATION, SupportKind.AUTO_ENTREPRENEUR),
        purpose=_text("purpose", lang),
    )


def sample_person() -> BeneficiaryDraft:
    return BeneficiaryDraft(
        first_name=PERSON.first_name,
        last_name=PERSON.last_name,
        arabic_name=PERSON.arabic_name,
        sex=Sex.FEMALE,
        birth_date=PERSON.birth_date,
        nationality="MA",
        migration_status=MigrationStatus.MOROCCAN,
        id_document_type=IdDocumentType.CNIE,
        id_document_number="K123456",
        phones=[PhoneEntry("+212661234567", whatsapp=True)],
        email="amina.elamrani@example.ma",
        neighbourhood="Bni Makada",
        city="Tanger",
        languages=[LanguageEntry("ar", LanguageLevel.NATIVE), LanguageEntry("fr", LanguageLevel.B1)],
        education_level=EducationLevel.VOCATIONAL,
        diplomas=["Diplôme de technicien en cuisine (OFPPT)"],
        skills=[SkillEntry("Cuisine marocaine", SkillSector.HOTELS_CATERING, SkillLevel.EXPERIENCED, 4, True)],
        experiences=[ExperienceEntry("Aide-cuisinière", "Riad Zitoun", "MA", 2021, 2024)],
        occupation=Occupation.UNEMPLOYED,
        household_size=5,
        dependents=1,
        registered_on=date(2026, 2, 9),
        consent=Consent(
            given_on=date(2026, 2, 9),
            purposes={ConsentPurpose.FOLLOW_UP, ConsentPurpose.PARTNER_SHARING, ConsentPurpose.CONTACT},
        ),
    )


def sample_summary(lang: str, stamp: Stamp | None = None) -> SummarySheetData:
    return SummarySheetData(
        stamp=stamp or sample_stamp(DocumentKind.SUMMARY),
        letterhead=SAMPLE_ORGANISATION.letterhead(lang),
        code=PERSON.code,
        person=sample_person(),
        counsellor="Fatima Zahra Alaoui",
        prepared_by="Nadia Benjelloun",
        sections=(
            SummarySection(
                title={"fr": "Orientations", "ar": "التوجيهات", "en": "Referrals"}[lang],
                columns=(
                    "N°",
                    {"fr": "Date", "ar": "التاريخ", "en": "Date"}[lang],
                    {"fr": "Partenaire", "ar": "الشريك", "en": "Partner"}[lang],
                ),
                rows=(("REF-2026-0007", "29/11/2026", _text("partner", lang)),),
            ),
        ),
    )


def sample_sign_in_sheet(lang: str) -> SignInSheetData:
    """The second day's sheet of a five-day training, with Latin and Arabic names and blank rows."""
    return SignInSheetData(
        letterhead=SAMPLE_ORGANISATION.letterhead(lang),
        training_code="TRN-TNG-2026-0003",
        training_title=_text("training", lang),
        day=date(2026, 10, 6),
        day_number=2,
        day_total=5,
        trainer="Salma Bennani",
        place=_text("place", lang),
        hours=3,
        rows=(
            SignInRow("TNG-2026-00042", "Aminata DIALLO"),
            SignInRow("TNG-2026-00043", "Mohammed EL AMRANI", "محمد العمراني"),
            SignInRow("TNG-2026-00051", "Grace MULUMBA"),
            SignInRow("TNG-2026-00057", "Yasmine REGRAGUI", "ياسمين الركراكي"),
        ),
    )


def sample(kind: DocumentKind, lang: str, stamp: Stamp | None = None) -> DocumentData:
    """Sample data of ``kind`` in ``lang`` (the free texts are written in that language)."""
    makers: dict[DocumentKind, Callable[[str, Stamp | None], DocumentData]] = {
        DocumentKind.REFERRAL_LETTER: sample_referral,
        DocumentKind.CERTIFICATE: sample_certificate,
        DocumentKind.ATTESTATION: sample_attestation,
        DocumentKind.SUMMARY: sample_summary,
    }
    return makers[kind](lang, stamp)
