"""The partners a new installation starts with: the real institutions the Tangier HUB refers people to.

Every entry is editable once installed; this is only the first content of the partner directory
(issue #4). Names are as the institutions write them, in French and in Arabic.
"""

from __future__ import annotations

from dataclasses import dataclass

from hubdesk.domain.enums import PartnerType


@dataclass(frozen=True)
class PartnerSeed:
    name: str  # French, as the institution writes it
    arabic_name: str
    partner_type: PartnerType
    #: services and programmes offered, as counsellors name them
    services: tuple[str, ...] = ()
    city: str = "Tanger"


TANGIER_PARTNERS: tuple[PartnerSeed, ...] = (
    PartnerSeed(
        "ANAPEC — Agence nationale de promotion de l'emploi et des compétences",
        "الوكالة الوطنية لإنعاش التشغيل والكفاءات",
        PartnerType.PUBLIC_EMPLOYMENT,
        ("Idmaj", "Taehil", "Tahfiz", "Auto-emploi"),
    ),
    PartnerSeed(
        "OFPPT — Office de la formation professionnelle et de la promotion du travail",
        "مكتب التكوين المهني وإنعاش الشغل",
        PartnerType.VOCATIONAL_TRAINING,
        ("Formation qualifiante", "Formation par apprentissage"),
    ),
    PartnerSeed(
        "Centre régional d'investissement Tanger-Tétouan-Al Hoceïma",
        "المركز الجهوي للاستثمار لجهة طنجة تطوان الحسيمة",
        PartnerType.BUSINESS_SUPPORT,
        ("Création d'entreprise", "Accompagnement des porteurs de projet"),
    ),
    PartnerSeed(
        "Entraide Nationale",
        "التعاون الوطني",
        PartnerType.PUBLIC_EMPLOYMENT,
        ("Centres d'éducation et de formation", "Accompagnement social"),
    ),
    PartnerSeed(
        "INDH — Initiative nationale pour le développement humain",
        "المبادرة الوطنية للتنمية البشرية",
        PartnerType.BUSINESS_SUPPORT,
        ("Inclusion économique des jeunes", "Appui aux activités génératrices de revenus"),
    ),
    PartnerSeed(
        "Guichet Forsa",
        "شباك برنامج فرصة",
        PartnerType.FINANCING,
        ("Prêt d'honneur Forsa", "Accompagnement Forsa"),
    ),
    PartnerSeed(
        "Al Amana Microfinance",
        "الأمانة للتمويلات الصغرى",
        PartnerType.FINANCING,
        ("Microcrédit",),
    ),
    PartnerSeed(
        "AMAPPE — Association marocaine d'appui à la promotion de la petite entreprise",
        "الجمعية المغربية لدعم وإنعاش المقاولة الصغرى",
        PartnerType.NGO,
        ("Accompagnement à la création d'entreprise", "Coopératives"),
    ),
    PartnerSeed(
        "Fondation Orient-Occident",
        "مؤسسة الشرق والغرب",
        PartnerType.NGO,
        ("Accueil des migrants", "Formation", "Insertion professionnelle"),
    ),
    PartnerSeed(
        "Caritas Maroc",
        "كاريتاس المغرب",
        PartnerType.NGO,
        ("Accueil et orientation des migrants", "Aide d'urgence"),
    ),
)
