"""Printed labels of the closed vocabularies, in French, Arabic and English.

The wording is the one of an official paper from a Moroccan association: French and Arabic as used in
Moroccan administration (Modern Standard Arabic, no vowel marks), English for international partners.

The table is grouped by enum because members of a ``StrEnum`` compare and hash as their text value:
``IdDocumentType.NONE == EducationLevel.NONE``, so one flat dict keyed by member would let the second
label silently overwrite the first.
"""

from __future__ import annotations

from enum import StrEnum

from hubdesk.domain.enums import (
    AuditAction,
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

#: Document languages, in the order of the label tuples. French comes first and is the default.
LANGUAGES: tuple[str, ...] = ("fr", "ar", "en")

_INDEX: dict[str, int] = {lang: position for position, lang in enumerate(LANGUAGES)}

# One (fr, ar, en) tuple per member.
_LABELS: dict[type[StrEnum], dict[StrEnum, tuple[str, str, str]]] = {
    Sex: {
        Sex.FEMALE: ("Femme", "أنثى", "Female"),
        Sex.MALE: ("Homme", "ذكر", "Male"),
    },
    MigrationStatus: {
        MigrationStatus.MOROCCAN: ("Marocain(e)", "مغربي", "Moroccan"),
        MigrationStatus.RETURNEE: (
            "Marocain(e) de retour / diaspora",
            "مغربي عائد أو من مغاربة العالم",
            "Returning Moroccan / diaspora",
        ),
        MigrationStatus.REGULAR_MIGRANT: (
            "Migrant(e) en situation régulière",
            "مهاجر في وضعية نظامية",
            "Migrant with a residence permit",
        ),
        MigrationStatus.ASYLUM_SEEKER: ("Demandeur(euse) d'asile", "طالب لجوء", "Asylum seeker"),
        MigrationStatus.REFUGEE_UNHCR: (
            "Réfugié(e) sous mandat du HCR",
            "لاجئ تحت ولاية المفوضية السامية لشؤون اللاجئين",
            "Refugee under UNHCR mandate",
        ),
        MigrationStatus.REFUGEE_MOROCCO: (
            "Réfugié(e) reconnu(e) par le Maroc",
            "لاجئ معترف به من طرف المغرب",
            "Refugee recognised by Morocco",
        ),
        MigrationStatus.IRREGULAR: (
            "Migrant(e) en situation administrative irrégulière",
            "مهاجر في وضعية إدارية غير نظامية",
            "Migrant in an irregular administrative situation",
        ),
        MigrationStatus.OTHER: ("Autre", "أخرى", "Other"),
    },
    IdDocumentType: {
        IdDocumentType.CNIE: (
            "Carte nationale d'identité électronique (CNIE)",
            "البطاقة الوطنية للتعريف الإلكترونية",
            "Electronic national identity card (CNIE)",
        ),
        IdDocumentType.RESIDENCE_PERMIT: ("Carte de séjour", "بطاقة الإقامة", "Residence permit"),
        IdDocumentType.PASSPORT: ("Passeport", "جواز السفر", "Passport"),
        IdDocumentType.UNHCR_CARD: (
            "Carte / attestation du HCR",
            "بطاقة أو شهادة المفوضية السامية لشؤون اللاجئين",
            "UNHCR card or certificate",
        ),
        IdDocumentType.NONE: ("Aucun document", "بدون وثيقة", "No document"),
    },
    LanguageLevel: {
        LanguageLevel.A1: ("A1", "A1", "A1"),
        LanguageLevel.A2: ("A2", "A2", "A2"),
        LanguageLevel.B1: ("B1", "B1", "B1"),
        LanguageLevel.B2: ("B2", "B2", "B2"),
        LanguageLevel.C1: ("C1", "C1", "C1"),
        LanguageLevel.C2: ("C2", "C2", "C2"),
        LanguageLevel.NATIVE: ("Langue maternelle", "اللغة الأم", "Native"),
    },
    EducationLevel: {
        EducationLevel.NONE: ("Non scolarisé(e)", "بدون مستوى دراسي", "No schooling"),
        EducationLevel.KORANIC: ("École coranique (msid)", "التعليم العتيق / الكتاب", "Koranic school (msid)"),
        EducationLevel.PRIMARY: ("Enseignement primaire", "التعليم الابتدائي", "Primary education"),
        EducationLevel.LOWER_SECONDARY: (
            "Secondaire collégial (collège)",
            "التعليم الثانوي الإعدادي",
            "Lower secondary (collège)",
        ),
        EducationLevel.UPPER_SECONDARY: (
            "Secondaire qualifiant (lycée)",
            "التعليم الثانوي التأهيلي",
            "Upper secondary (lycée)",
        ),
        EducationLevel.VOCATIONAL: ("Formation professionnelle", "التكوين المهني", "Vocational training"),
        EducationLevel.HIGHER: ("Enseignement supérieur", "التعليم العالي", "Higher education"),
    },
    SkillSector: {
        SkillSector.CONSTRUCTION: (
            "Bâtiment et travaux publics (BTP)",
            "البناء والأشغال العمومية",
            "Construction and public works",
        ),
        SkillSector.AGRICULTURE: ("Agriculture", "الفلاحة", "Agriculture"),
        SkillSector.TEXTILE: ("Textile et couture", "النسيج والخياطة", "Textile and sewing"),
        SkillSector.HOTELS_CATERING: ("Hôtellerie et restauration", "الفندقة والإطعام", "Hotels and catering"),
        SkillSector.COMMERCE: ("Commerce", "التجارة", "Trade"),
        SkillSector.ICT: (
            "Technologies de l'information et de la communication (TIC)",
            "تكنولوجيا المعلومات والاتصال",
            "Information and communication technology (ICT)",
        ),
        SkillSector.BEAUTY: ("Esthétique et coiffure", "التجميل والحلاقة", "Beauty and hairdressing"),
        SkillSector.CRAFTS: ("Artisanat", "الصناعة التقليدية", "Handicrafts"),
        SkillSector.TRANSPORT: ("Transport et logistique", "النقل واللوجستيك", "Transport and logistics"),
        SkillSector.CARE: (
            "Aide à la personne et travail domestique",
            "رعاية الأشخاص والعمل المنزلي",
            "Care and domestic work",
        ),
        SkillSector.OTHER: ("Autre", "أخرى", "Other"),
    },
    SkillLevel: {
        SkillLevel.BEGINNER: ("Débutant(e)", "مبتدئ", "Beginner"),
        SkillLevel.INTERMEDIATE: ("Intermédiaire", "متوسط", "Intermediate"),
        SkillLevel.EXPERIENCED: ("Expérimenté(e)", "ذو خبرة", "Experienced"),
        SkillLevel.EXPERT: ("Expert(e)", "خبير", "Expert"),
    },
    Occupation: {
        Occupation.UNEMPLOYED: ("Sans emploi", "بدون عمل", "Unemployed"),
        Occupation.INFORMAL: ("Travail informel", "عمل في القطاع غير المهيكل", "Informal work"),
        Occupation.EMPLOYED: ("Salarié(e)", "أجير", "Employed"),
        Occupation.SELF_EMPLOYED: ("Travailleur(euse) indépendant(e)", "عامل مستقل", "Self-employed"),
        Occupation.STUDENT: ("Élève / étudiant(e)", "تلميذ / طالب", "Pupil / student"),
    },
    HeardFrom: {
        HeardFrom.WORD_OF_MOUTH: ("Bouche-à-oreille", "عن طريق الأقارب أو المعارف", "Word of mouth"),
        HeardFrom.PARTNER: (
            "Orienté(e) par un organisme partenaire",
            "موجه من طرف هيئة شريكة",
            "Referred by a partner organisation",
        ),
        HeardFrom.SOCIAL_MEDIA: ("Réseaux sociaux", "شبكات التواصل الاجتماعي", "Social media"),
        HeardFrom.OUTREACH: ("Sensibilisation de proximité", "أنشطة التحسيس الميدانية", "Outreach activities"),
        HeardFrom.EVENT: ("Événement", "تظاهرة أو نشاط", "Event"),
        HeardFrom.OTHER: ("Autre", "أخرى", "Other"),
    },
    ConsentPurpose: {
        ConsentPurpose.FOLLOW_UP: ("Suivi du dossier", "تتبع الملف", "Case follow-up"),
        ConsentPurpose.PARTNER_SHARING: (
            "Partage des données avec les partenaires lors d'une orientation",
            "مشاركة المعطيات مع الشركاء عند التوجيه",
            "Sharing data with partners when referred",
        ),
        ConsentPurpose.PHOTOS: ("Prise et utilisation de photos", "التقاط الصور واستعمالها", "Taking and using photos"),
        ConsentPurpose.CONTACT: (
            "Contact par téléphone ou WhatsApp",
            "التواصل عبر الهاتف أو واتساب",
            "Contact by phone or WhatsApp",
        ),
    },
    Role: {
        Role.ADMINISTRATOR: ("Administrateur(rice)", "مدير النظام", "Administrator"),
        Role.COORDINATOR: ("Coordinateur(rice)", "منسق", "Coordinator"),
        Role.COUNSELLOR: ("Conseiller(ère)", "مستشار", "Counsellor"),
        Role.DATA_OFFICER: ("Chargé(e) de suivi-évaluation", "مكلف بالتتبع والتقييم", "Data / M&E officer"),
        Role.READ_ONLY: ("Consultation seule", "اطلاع فقط", "Read only"),
    },
    AuditAction: {
        AuditAction.CREATE: ("Création", "إنشاء", "Creation"),
        AuditAction.UPDATE: ("Modification", "تعديل", "Update"),
        AuditAction.DELETE: ("Suppression", "حذف", "Deletion"),
        AuditAction.EXPORT: ("Exportation", "تصدير", "Export"),
        AuditAction.VIEW: ("Consultation", "اطلاع", "View"),
        AuditAction.MERGE: ("Fusion", "دمج", "Merge"),
        AuditAction.LOGIN: ("Connexion", "تسجيل الدخول", "Login"),
        AuditAction.LOGIN_FAILED: ("Échec de connexion", "فشل تسجيل الدخول", "Failed login"),
        AuditAction.PRINT: ("Impression", "طباعة", "Print"),
        AuditAction.CANCEL: ("Annulation", "إلغاء", "Cancellation"),
    },
    DocumentKind: {
        DocumentKind.REFERRAL_LETTER: ("Lettre d'orientation", "رسالة توجيه", "Referral letter"),
        DocumentKind.CERTIFICATE: ("Attestation de formation", "شهادة تكوين", "Training certificate"),
        DocumentKind.ATTESTATION: ("Attestation d'accompagnement", "شهادة مواكبة", "Attestation of support"),
        DocumentKind.SUMMARY: (
            "Fiche de synthèse du bénéficiaire",
            "بطاقة ملخص المستفيد",
            "Beneficiary summary sheet",
        ),
    },
    SupportKind: {
        SupportKind.COUNSELLING: ("Conseil et orientation", "الاستشارة والتوجيه", "Counselling and guidance"),
        SupportKind.JOB_SEARCH: (
            "Aide à la recherche d'emploi",
            "المساعدة في البحث عن شغل",
            "Job search assistance",
        ),
        SupportKind.REFERRAL: (
            "Orientation vers les institutions partenaires",
            "التوجيه نحو المؤسسات الشريكة",
            "Referral to partner institutions",
        ),
        SupportKind.BUSINESS_CREATION: (
            "Accompagnement à la création d'entreprise",
            "مواكبة إحداث المقاولة",
            "Business creation support",
        ),
        SupportKind.AUTO_ENTREPRENEUR: (
            "Formalités du statut d'auto-entrepreneur",
            "إجراءات الحصول على صفة المقاول الذاتي",
            "Auto-entrepreneur status formalities",
        ),
        SupportKind.TRAINING: ("Formation", "التكوين", "Training"),
    },
    ReferralPriority: {
        ReferralPriority.NORMAL: ("Normale", "عادية", "Normal"),
        ReferralPriority.HIGH: ("Élevée", "مرتفعة", "High"),
        ReferralPriority.URGENT: ("Urgente", "مستعجلة", "Urgent"),
    },
    ReferralOutcome: {
        ReferralOutcome.ACCEPTED: ("Accepté(e)", "تم القبول", "Accepted"),
        ReferralOutcome.SERVICE_GIVEN: ("Service rendu", "تم تقديم الخدمة", "Service provided"),
        ReferralOutcome.REFUSED: ("Refusé(e)", "تم الرفض", "Refused"),
        ReferralOutcome.UNREACHABLE: (
            "N'a pas pu être joint(e)",
            "تعذر الاتصال بالمستفيد",
            "Could not be reached",
        ),
    },
    SessionType: {
        SessionType.FIRST_RECEPTION: ("Premier accueil", "الاستقبال الأول", "First reception"),
        SessionType.ORIENTATION: ("Orientation individuelle", "التوجيه الفردي", "Individual orientation"),
        SessionType.JOB_SEARCH: ("Recherche d'emploi et CV", "البحث عن الشغل والسيرة الذاتية", "Job search and CV"),
        SessionType.BUSINESS_COACHING: (
            "Accompagnement d'une idée de projet",
            "مواكبة فكرة مشروع",
            "Business idea coaching",
        ),
        SessionType.ADMIN_LEGAL: (
            "Information administrative ou juridique",
            "إرشاد إداري أو قانوني",
            "Administrative or legal information",
        ),
        SessionType.PSYCHOSOCIAL: ("Écoute psychosociale", "الإنصات النفسي والاجتماعي", "Psychosocial listening"),
        SessionType.FOLLOW_UP: ("Suivi", "التتبع", "Follow-up"),
    },
    SessionMode: {
        SessionMode.IN_PERSON: ("En présentiel", "حضوريا", "In person"),
        SessionMode.PHONE: ("Par téléphone", "عبر الهاتف", "By phone"),
        SessionMode.REMOTE: ("WhatsApp ou vidéo", "واتساب أو فيديو", "WhatsApp or video"),
        SessionMode.GROUP: ("En groupe", "جماعيا", "In a group"),
    },
    CaseStatus: {
        CaseStatus.ACTIVE: ("Actif", "نشط", "Active"),
        CaseStatus.ON_HOLD: ("En pause", "معلق", "On hold"),
        CaseStatus.CLOSED: ("Clôturé", "مغلق", "Closed"),
        CaseStatus.REOPENED: ("Rouvert", "أعيد فتحه", "Reopened"),
    },
    CloseReason: {
        CloseReason.EMPLOYED: ("A trouvé un emploi", "حصل على شغل", "Found a job"),
        CloseReason.BUSINESS_CREATED: ("A créé son activité", "أحدث نشاطه الخاص", "Created a business"),
        CloseReason.MOVED_AWAY: ("A déménagé", "انتقل إلى مكان آخر", "Moved away"),
        CloseReason.UNREACHABLE: ("Injoignable", "تعذر الاتصال به", "Unreachable"),
        CloseReason.DECLINED: ("A renoncé à l'accompagnement", "تخلى عن المواكبة", "Declined further support"),
        CloseReason.OTHER: ("Autre motif", "سبب آخر", "Other reason"),
    },
    PartnerType: {
        PartnerType.PUBLIC_EMPLOYMENT: (
            "Service public de l'emploi",
            "المرفق العمومي للتشغيل",
            "Public employment service",
        ),
        PartnerType.VOCATIONAL_TRAINING: ("Formation professionnelle", "التكوين المهني", "Vocational training"),
        PartnerType.BUSINESS_SUPPORT: (
            "Appui à l'entreprise et à l'investissement",
            "دعم المقاولة والاستثمار",
            "Business support and investment",
        ),
        PartnerType.FINANCING: ("Financement et microfinance", "التمويل والقروض الصغرى", "Financing and microfinance"),
        PartnerType.NGO: ("Association / ONG", "جمعية / منظمة غير حكومية", "NGO"),
        PartnerType.UN_AGENCY: ("Agence des Nations Unies", "وكالة تابعة للأمم المتحدة", "United Nations agency"),
        PartnerType.EMPLOYER: ("Employeur", "مشغل", "Employer"),
        PartnerType.HEALTH: ("Santé", "الصحة", "Health"),
        PartnerType.LEGAL: ("Aide juridique", "المساعدة القانونية", "Legal aid"),
        PartnerType.OTHER: ("Autre partenaire", "شريك آخر", "Other partner"),
    },
    ReferralStatus: {
        ReferralStatus.DRAFT: ("Brouillon", "مسودة", "Draft"),
        ReferralStatus.SENT: ("Envoyée", "مرسلة", "Sent"),
        ReferralStatus.ACCEPTED: ("Acceptée", "مقبولة", "Accepted"),
        ReferralStatus.REJECTED: ("Refusée", "مرفوضة", "Rejected"),
        ReferralStatus.COMPLETED: ("Terminée", "منتهية", "Completed"),
        ReferralStatus.CANCELLED: ("Annulée", "ملغاة", "Cancelled"),
    },
    ReferralChannel: {
        ReferralChannel.LETTER: ("Lettre remise en main propre", "رسالة مسلمة باليد", "Letter in hand"),
        ReferralChannel.EMAIL: ("Courriel", "البريد الإلكتروني", "Email"),
        ReferralChannel.PHONE: ("Téléphone", "الهاتف", "Phone"),
    },
    ReferralFailure: {
        ReferralFailure.PERSON_REFUSED: ("La personne a refusé", "رفض الشخص", "The person refused"),
        ReferralFailure.NO_CAPACITY: (
            "Le partenaire n'avait pas de place",
            "لم تكن لدى الشريك طاقة استيعابية",
            "The partner had no capacity",
        ),
        ReferralFailure.NO_LONGER_NEEDED: ("Plus nécessaire", "لم تعد ضرورية", "No longer needed"),
        ReferralFailure.PERSON_UNREACHABLE: ("Personne injoignable", "تعذر الاتصال بالشخص", "Person unreachable"),
        ReferralFailure.PARTNER_UNREACHABLE: ("Partenaire injoignable", "تعذر الاتصال بالشريك", "Partner unreachable"),
        ReferralFailure.OTHER: ("Autre raison", "سبب آخر", "Other"),
    },
    ContractType: {
        ContractType.PERMANENT: ("CDI", "عقد غير محدد المدة", "Permanent contract"),
        ContractType.FIXED_TERM: ("CDD", "عقد محدد المدة", "Fixed-term contract"),
        ContractType.IDMAJ: ("Contrat d'insertion Idmaj (ANAPEC)", "عقد الإدماج (إدماج)", "Idmaj insertion contract"),
        ContractType.SEASONAL: ("Saisonnier", "موسمي", "Seasonal"),
        ContractType.INFORMAL: ("Informel", "غير مهيكل", "Informal"),
    },
    VentureKind: {
        VentureKind.INDIVIDUAL: ("Projet individuel", "مشروع فردي", "Individual project"),
        VentureKind.COLLECTIVE: ("Projet collectif", "مشروع جماعي", "Collective start-up"),
    },
    MemberRole: {
        MemberRole.FOUNDER: ("Fondateur(rice)", "مؤسس", "Founder"),
        MemberRole.MEMBER: ("Membre", "عضو", "Member"),
        MemberRole.MANAGER: ("Gérant(e)", "مسير", "Manager"),
    },
    LegalForm: {
        LegalForm.NONE_YET: ("Pas encore de forme juridique", "بدون شكل قانوني بعد", "No legal form yet"),
        LegalForm.AUTO_ENTREPRENEUR: ("Auto-entrepreneur", "مقاول ذاتي", "Auto-entrepreneur"),
        LegalForm.COOPERATIVE: ("Coopérative", "تعاونية", "Cooperative"),
        LegalForm.SARL: ("SARL / SARL AU", "شركة ذات مسؤولية محدودة", "SARL / single-member SARL"),
        LegalForm.ASSOCIATION: ("Association", "جمعية", "Association"),
        LegalForm.INFORMAL: ("Activité informelle", "نشاط غير مهيكل", "Informal activity"),
    },
    VentureStage: {
        VentureStage.IDEA: ("Idée", "فكرة", "Idea"),
        VentureStage.PRE_INCUBATION: ("Pré-incubation", "ما قبل الاحتضان", "Pre-incubation"),
        VentureStage.PLAN_VALIDATED: ("Plan d'affaires validé", "مخطط الأعمال مصادق عليه", "Business plan validated"),
        VentureStage.SEEKING_FINANCING: ("Recherche de financement", "البحث عن التمويل", "Seeking financing"),
        VentureStage.CREATED: ("Créé", "تم الإحداث", "Created"),
        VentureStage.OPERATING: ("En activité", "في طور النشاط", "Operating"),
        VentureStage.CLOSED: ("Fermé", "مغلق", "Closed"),
        VentureStage.ABANDONED: ("Abandonné", "متخلى عنه", "Abandoned"),
    },
    FinancingKind: {
        FinancingKind.OWN_FUNDS: ("Fonds propres", "أموال ذاتية", "Own funds"),
        FinancingKind.HONOUR_LOAN: ("Prêt d'honneur (Forsa…)", "قرض شرف (فرصة…)", "Honour loan (Forsa…)"),
        FinancingKind.BANK_LOAN: ("Prêt bancaire (Intelaka…)", "قرض بنكي (انطلاقة…)", "Bank loan (Intelaka…)"),
        FinancingKind.MICROCREDIT: ("Microcrédit", "قرض صغير", "Microcredit"),
        FinancingKind.GRANT: ("Subvention", "منحة", "Grant"),
        FinancingKind.EQUIPMENT_KIT: ("Kit d'équipement", "عدة تجهيز", "Equipment kit"),
    },
    SupportActionKind: {
        SupportActionKind.COACHING: ("Coaching", "مواكبة فردية", "Coaching"),
        SupportActionKind.BUSINESS_PLAN: ("Aide au plan d'affaires", "المساعدة في مخطط الأعمال", "Business plan help"),
        SupportActionKind.FORMALITIES: (
            "Démarches administratives",
            "الإجراءات الإدارية",
            "Administrative formalities",
        ),
        SupportActionKind.MARKET_ACCESS: ("Accès au marché", "الولوج إلى السوق", "Market access"),
        SupportActionKind.FINANCIAL_EDUCATION: ("Éducation financière", "التربية المالية", "Financial education"),
        SupportActionKind.EQUIPMENT_KIT: (
            "Remise d'un kit d'équipement",
            "تسليم عدة تجهيز",
            "Equipment kit handed over",
        ),
    },
    AutoEntrepreneurCategory: {
        AutoEntrepreneurCategory.COMMERCE_INDUSTRY_CRAFTS: (
            "Commerce, industrie, artisanat (plafond 500 000 MAD)",
            "التجارة والصناعة والصناعة التقليدية (السقف 500.000 درهم)",
            "Commerce, industry, crafts (500,000 MAD ceiling)",
        ),
        AutoEntrepreneurCategory.SERVICES: (
            "Prestation de services (plafond 200 000 MAD)",
            "تقديم الخدمات (السقف 200.000 درهم)",
            "Services (200,000 MAD ceiling)",
        ),
    },
    AutoEntrepreneurStatus: {
        AutoEntrepreneurStatus.APPLIED: ("Demande déposée", "تم إيداع الطلب", "Applied"),
        AutoEntrepreneurStatus.ACTIVE: ("Actif", "نشيط", "Active"),
        AutoEntrepreneurStatus.LAPSED: ("Radié ou expiré", "مشطب أو منتهي", "Lapsed"),
    },
    TrainingTheme: {
        TrainingTheme.ENTREPRENEURSHIP: ("Entrepreneuriat", "المقاولة", "Entrepreneurship"),
        TrainingTheme.FINANCIAL_EDUCATION: ("Éducation financière", "التربية المالية", "Financial education"),
        TrainingTheme.SOFT_SKILLS: ("Compétences de vie", "المهارات الحياتية", "Soft skills"),
        TrainingTheme.DIGITAL: ("Numérique", "الرقميات", "Digital"),
        TrainingTheme.VOCATIONAL: ("Formation professionnelle", "التكوين المهني", "Vocational"),
    },
}


def label(member: StrEnum, lang: str) -> str:
    """The printed label of ``member`` in ``lang`` ("fr", "ar" or "en"; anything else gives French).

    A regional tag such as "ar-MA" or "fr_FR" counts as its language. Raises ``KeyError`` for a member
    that has no label yet (the tests check that every member has one).
    """
    base = lang.replace("_", "-").split("-", 1)[0].lower()
    try:
        labels = _LABELS[type(member)][member]
    except KeyError:
        raise KeyError(f"no label for {type(member).__name__}.{member.name}") from None
    return labels[_INDEX.get(base, 0)]
