"""The demo's partner directory: the Tangier partners of migration 0003, a few invented employers, their
contact people, and how each partner behaves (who is sent there, how fast it answers, how often it helps)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from hubdesk.db.models import AuditEvent, Partner, PartnerContact
from hubdesk.domain.enums import AuditAction, PartnerType
from hubdesk.services.demo.bulk import _table
from hubdesk.services.demo.draws import _Pick, _Random, _uuid


@dataclass(frozen=True)
class _Employer:
    name: str
    arabic_name: str
    services: tuple[str, ...]
    address: str
    phone: str
    email: str
    sector: str  # SkillSector value


#: invented employers (no real company's name): hotels, textile factories and call centres of Tangier
EMPLOYERS: tuple[_Employer, ...] = (
    _Employer(
        "Hôtel Kasbah du Détroit",
        "فندق قصبة المضيق",
        ("Recrutement saisonnier", "Femmes de chambre et commis de cuisine"),
        "Avenue Mohammed VI, Malabata",
        "+212539301122",
        "rh@kasbah-detroit.example",
        "hotels_catering",
    ),
    _Employer(
        "Hôtel Les Colonnes d'Hercule",
        "فندق أعمدة هرقل",
        ("Réception et service en salle", "Stages en hôtellerie"),
        "Boulevard Pasteur, centre-ville",
        "+212539374455",
        "emploi@colonnes-hercule.example",
        "hotels_catering",
    ),
    _Employer(
        "Textiles du Nord SARL",
        "نسيج الشمال",
        ("Opératrices de confection", "Formation interne à la couture industrielle"),
        "Zone franche de Gzenaya, lot 42",
        "+212539395566",
        "recrutement@textiles-nord.example",
        "textile",
    ),
    _Employer(
        "Confection Mghogha SA",
        "خياطة مغوغة",
        ("Couture", "Repassage et contrôle qualité"),
        "Zone industrielle de Mghogha",
        "+212539350077",
        "rh@confection-mghogha.example",
        "textile",
    ),
    _Employer(
        "Tanger Contact Center",
        "مركز الاتصال طنجة",
        ("Téléconseillers francophones", "Téléconseillers hispanophones"),
        "Tanger City Center, tour B",
        "+212539328899",
        "jobs@tanger-contact.example",
        "ict",
    ),
    _Employer(
        "Atlas Relation Client",
        "أطلس لخدمة الزبناء",
        ("Service client bilingue", "Contrat Idmaj possible"),
        "Route de Rabat, Boukhalef",
        "+212539401010",
        "carrieres@atlas-relation.example",
        "ict",
    ),
)

#: (name, role) of contact people, by the start of the partner's name
CONTACTS: dict[str, tuple[tuple[str, str], ...]] = {
    "ANAPEC": (("Nadia Berrada", "Conseillère en emploi"), ("Hicham Ouazzani", "Chargé des relations entreprises")),
    "OFPPT": (("Karim Lahlou", "Responsable des inscriptions"),),
    "Centre régional": (("Meryem Alaoui", "Chargée d'accueil des porteurs de projet"),),
    "Entraide": (("Rachid Bouzid", "Assistant social"),),
    "INDH": (("Samira Tazi", "Animatrice de la plateforme des jeunes"),),
    "Guichet Forsa": (("Omar Bennis", "Conseiller Forsa"),),
    "Al Amana": (("Latifa Chraibi", "Chargée de clientèle"),),
    "AMAPPE": (("Youssef Kettani", "Accompagnateur de projets"),),
    "Fondation Orient": (("Claire Martin", "Coordinatrice de l'accueil"), ("Ibrahima Sow", "Médiateur")),
    "Caritas": (("Sœur Anne-Marie", "Responsable de l'accueil"), ("Jean-Baptiste Mbarga", "Travailleur social")),
    "Hôtel Kasbah": (("Fatima Zahra Amrani", "Responsable des ressources humaines"),),
    "Hôtel Les Colonnes": (("Mehdi Sqalli", "Chef du personnel"),),
    "Textiles du Nord": (("Aziz El Fassi", "Responsable du recrutement"),),
    "Confection Mghogha": (("Houda Benjelloun", "Responsable d'atelier"),),
    "Tanger Contact": (("Sophie Durand", "Chargée de recrutement"),),
    "Atlas Relation": (("Anas Belkadi", "Responsable des ressources humaines"),),
}


@dataclass(frozen=True)
class _Behaviour:
    """How a partner answers: median days to its first answer, (shortest, longest) days to the end of
    its service, share of completed referrals that succeed, and whether success usually means a job."""

    feedback_days: int
    duration: tuple[int, int]
    success: float
    job: float = 0.0  # share of successes that end in a job with it (employers) or through it (ANAPEC)


_BEHAVIOUR: dict[str, _Behaviour] = {
    "ANAPEC": _Behaviour(10, (20, 120), 0.5, 0.55),
    "OFPPT": _Behaviour(18, (60, 240), 0.6),
    "Centre régional": _Behaviour(21, (30, 120), 0.45),
    "Entraide": _Behaviour(14, (30, 180), 0.6),
    "INDH": _Behaviour(25, (45, 180), 0.4),
    "Guichet Forsa": _Behaviour(15, (30, 90), 0.45),
    "Al Amana": _Behaviour(6, (10, 45), 0.55),
    "AMAPPE": _Behaviour(12, (30, 150), 0.5),
    "Fondation Orient": _Behaviour(4, (14, 120), 0.7),
    "Caritas": _Behaviour(3, (7, 60), 0.75),
}
_EMPLOYER_BEHAVIOUR = _Behaviour(6, (3, 25), 0.45, 0.9)
_OTHER_BEHAVIOUR = _Behaviour(14, (20, 120), 0.5)

#: how often each group of people is sent to each partner (by the start of its name)
_WEIGHTS: dict[str, dict[str, float]] = {
    "moroccan": {
        "ANAPEC": 30, "OFPPT": 16, "Entraide": 7, "INDH": 6, "Guichet Forsa": 6, "Al Amana": 4,
        "Centre régional": 3, "AMAPPE": 4, "employer": 4,
    },
    "regular": {
        "ANAPEC": 12, "OFPPT": 8, "Fondation Orient": 18, "Caritas": 12, "Entraide": 3, "AMAPPE": 3,
        "Al Amana": 2, "employer": 4,
    },
    "irregular": {"Fondation Orient": 28, "Caritas": 26, "OFPPT": 3, "AMAPPE": 2, "employer": 2},
}  # fmt: skip
_EMPLOYER_NOTE = "Employeur partenaire : offres d'emploi transmises au HUB."
_BUSINESS = ("Centre régional", "INDH", "Guichet Forsa", "Al Amana", "AMAPPE")


@dataclass(frozen=True)
class DemoPartner:
    id: str
    name: str
    short: str  # what a counsellor writes: "ANAPEC", "Caritas"
    services: tuple[str, ...]
    contacts: tuple[str, ...]
    behaviour: _Behaviour
    employer_sector: str | None  # for an employer: the sector of its jobs
    business: bool  # financing or business support: success may mean a business was created


def _key(name: str) -> str | None:
    return next((key for key in (*_BEHAVIOUR, *CONTACTS) if name.startswith(key)), None)


def _short(name: str) -> str:
    head = name.split(" — ", 1)[0]
    return {"Centre régional d'investissement Tanger-Tétouan-Al Hoceïma": "CRI Tanger"}.get(head, head)


def set_up_partners(session: Session, rng: _Random, admin_id: str, opened: datetime) -> list[DemoPartner]:
    """Insert the demo employers (audited as the partner service would) and every partner's contact
    people; return the partners (those of migration 0003 and the employers), by name. The contacts of
    the partners the migration made are not audited, as the demo's settings are not: nobody changed
    them, the demo was made so (and their ids, the migration's, are not drawn from the seed)."""
    moment = opened + timedelta(hours=2)
    employers = {employer.name: employer for employer in EMPLOYERS}
    session.execute(
        insert(_table(Partner)),
        [
            {
                "id": _uuid(rng),
                "created_at": moment + timedelta(minutes=3 * index),
                "updated_at": moment + timedelta(minutes=3 * index),
                "created_by": admin_id,
                "updated_by": admin_id,
                "deleted_at": None,
                "name": employer.name,
                "arabic_name": employer.arabic_name,
                "partner_type": PartnerType.EMPLOYER.value,
                "services": "\n".join(employer.services),
                "address": employer.address,
                "city": "Tanger",
                "phone": employer.phone,
                "email": employer.email,
                "website": "",
                "notes": _EMPLOYER_NOTE,
                "active": True,
            }
            for index, employer in enumerate(EMPLOYERS)
        ],
    )
    partners: list[DemoPartner] = []
    contact_rows: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    rows = session.execute(
        select(Partner.id, Partner.name, Partner.partner_type, Partner.services, Partner.created_at)
        .where(Partner.deleted_at.is_(None))
        .order_by(Partner.name)
    ).all()
    for position, (partner_id, name, _type, services, created_at) in enumerate(rows):
        key = _key(name)
        employer = employers.get(name)
        at = created_at if employer is not None else moment + timedelta(minutes=30 + position)
        contacts = [[person, role, f"+2126{rng.digits(8)}", ""] for person, role in CONTACTS.get(key or "", ())]
        for rank, (person, role, phone, email) in enumerate(contacts):
            contact_rows.append(
                {
                    "id": _uuid(rng),
                    "created_at": at,
                    "updated_at": at,
                    "created_by": admin_id,
                    "updated_by": admin_id,
                    "deleted_at": None,
                    "partner_id": partner_id,
                    "position": rank,
                    "name": person,
                    "role": role,
                    "phone": phone,
                    "email": email,
                }
            )
        if employer is not None:
            snapshot = {
                "name": name,
                "partner_type": PartnerType.EMPLOYER.value,
                "arabic_name": employer.arabic_name,
                "services": list(employer.services),
                "address": employer.address,
                "city": "Tanger",
                "phone": employer.phone,
                "email": employer.email,
                "website": "",
                "notes": _EMPLOYER_NOTE,
                "contacts": contacts,
            }
            events.append(_event(rng, at, admin_id, AuditAction.CREATE, partner_id, f"partner {name}", snapshot))
        behaviour = _EMPLOYER_BEHAVIOUR if employer else _BEHAVIOUR.get(key or "", _OTHER_BEHAVIOUR)
        partners.append(
            DemoPartner(
                id=partner_id,
                name=name,
                short=_short(name),
                services=tuple(s for s in services.split("\n") if s) or ("Accompagnement",),
                contacts=tuple(contact[0] for contact in contacts),
                behaviour=behaviour,
                employer_sector=employer.sector if employer else None,
                business=key in _BUSINESS,
            )
        )
    if contact_rows:
        session.execute(insert(_table(PartnerContact)), contact_rows)
    session.execute(insert(_table(AuditEvent)), events)
    return partners


def partner_picks(partners: list[DemoPartner]) -> dict[str, _Pick[DemoPartner]]:
    """Per group of people ("moroccan", "regular", "irregular"): a weighted choice of partner."""
    picks: dict[str, _Pick[DemoPartner]] = {}
    for group, weights in _WEIGHTS.items():
        weighted = []
        for partner in partners:
            key = "employer" if partner.employer_sector else _key(partner.name)
            weight = weights.get(key or "", 0.0)
            if weight:
                weighted.append((partner, weight))
        picks[group] = _Pick(weighted or [(partner, 1.0) for partner in partners])
    return picks


def _event(
    rng: _Random, at: datetime, user_id: str, action: AuditAction, partner_id: str, summary: str, diff: dict[str, Any]
) -> dict[str, Any]:
    return {
        "id": _uuid(rng),
        "at": at,
        "user_id": user_id,
        "username": "admin",
        "action": action.value,
        "entity": "partner",
        "entity_id": partner_id,
        "beneficiary_id": None,
        "summary": summary,
        "diff": json.dumps(diff, ensure_ascii=False, sort_keys=True),
    }
