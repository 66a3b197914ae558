"""What the demo's counsellors write: session topics, notes and agreed actions, referral reasons and
feedback, and the jobs people find (in French, as the HUB in Tangier keeps its files)."""

from __future__ import annotations

from hubdesk.domain.enums import (
    CloseReason,
    ContractType,
    ReferralFailure,
    SessionMode,
    SessionType,
    SkillSector,
)
from hubdesk.services.demo.draws import _Pick, _uniform

_T = SessionType
_M = SessionMode

#: the kind of a session after the first reception (psychosocial listening and legal help more often
#: for refugees and migrants, business coaching more often for Moroccans: see follow_up._Profile)
SESSION_TYPES_MA = _Pick(
    [(_T.FOLLOW_UP, 27), (_T.JOB_SEARCH, 27), (_T.ORIENTATION, 22), (_T.BUSINESS_COACHING, 14),
     (_T.ADMIN_LEGAL, 6), (_T.PSYCHOSOCIAL, 4)]
)  # fmt: skip
SESSION_TYPES_MIGRANT = _Pick(
    [(_T.FOLLOW_UP, 25), (_T.JOB_SEARCH, 22), (_T.ORIENTATION, 20), (_T.ADMIN_LEGAL, 16),
     (_T.PSYCHOSOCIAL, 11), (_T.BUSINESS_COACHING, 6)]
)  # fmt: skip
MODES = {
    _T.FOLLOW_UP: _Pick([(_M.IN_PERSON, 50), (_M.PHONE, 38), (_M.REMOTE, 12)]),
    _T.JOB_SEARCH: _Pick([(_M.IN_PERSON, 62), (_M.GROUP, 22), (_M.REMOTE, 10), (_M.PHONE, 6)]),
    _T.ORIENTATION: _Pick([(_M.IN_PERSON, 78), (_M.GROUP, 10), (_M.PHONE, 7), (_M.REMOTE, 5)]),
    _T.BUSINESS_COACHING: _Pick([(_M.IN_PERSON, 70), (_M.GROUP, 22), (_M.REMOTE, 8)]),
    _T.ADMIN_LEGAL: _Pick([(_M.IN_PERSON, 80), (_M.PHONE, 15), (_M.REMOTE, 5)]),
    _T.PSYCHOSOCIAL: _Pick([(_M.IN_PERSON, 90), (_M.PHONE, 10)]),
}
#: (shortest, longest) minutes of a session, by mode; in five-minute steps
DURATIONS = {_M.IN_PERSON: (20, 60), _M.PHONE: (5, 20), _M.REMOTE: (10, 30), _M.GROUP: (90, 150)}

TOPICS = {
    _T.FIRST_RECEPTION: (
        "présentation du HUB",
        "inscription",
        "consentement",
        "situation familiale",
        "parcours scolaire",
        "projet professionnel",
        "documents d'identité",
        "expérience au pays",
    ),
    _T.ORIENTATION: (
        "projet professionnel",
        "bilan de compétences",
        "formation qualifiante",
        "OFPPT",
        "ANAPEC",
        "choix de filière",
        "validation des acquis",
        "cours de français",
        "cours d'arabe dialectal",
        "permis de conduire",
        "stage",
    ),
    _T.JOB_SEARCH: (
        "CV",
        "lettre de motivation",
        "préparation à l'entretien",
        "offres d'emploi",
        "Rekrute",
        "ANAPEC",
        "zone franche",
        "entretien à l'hôtel",
        "centre d'appels",
        "usine textile",
        "contrat Idmaj",
        "travail saisonnier",
    ),
    _T.BUSINESS_COACHING: (
        "idée de projet",
        "étude de marché",
        "plan d'affaires",
        "microcrédit",
        "Forsa",
        "auto-entrepreneur",
        "coopérative",
        "local commercial",
        "fournisseurs",
        "prix de vente",
    ),
    _T.ADMIN_LEGAL: (
        "carte de séjour",
        "renouvellement du titre",
        "demande d'asile",
        "HCR",
        "CNSS",
        "AMO",
        "contrat de travail",
        "bail",
        "acte de naissance",
        "équivalence du diplôme",
        "scolarité des enfants",
    ),
    _T.PSYCHOSOCIAL: (
        "écoute",
        "stress",
        "isolement",
        "famille au pays",
        "sommeil",
        "orientation vers un soignant",
        "logement",
        "violences",
    ),
    _T.FOLLOW_UP: (
        "point d'étape",
        "suite de l'orientation",
        "retour de l'ANAPEC",
        "retour de formation",
        "entretien passé",
        "démarches en cours",
        "premier mois en emploi",
        "relance",
    ),
}

NOTES = {
    _T.FIRST_RECEPTION: (
        "Premier contact au HUB, venu(e) sur le conseil d'une connaissance.",
        "Présentation des services du HUB ; la personne cherche un emploi rapidement.",
        "Souhaite d'abord une formation courte avant de chercher un emploi.",
        "Arrivée récente à Tanger, hébergée chez des proches.",
        "Expérience solide dans son métier, sans diplôme reconnu au Maroc.",
        "Parle peu le français : l'entretien s'est fait en partie en arabe.",
    ),
    _T.ORIENTATION: (
        "Projet clarifié : formation qualifiante puis recherche d'emploi.",
        "Hésite entre deux filières ; les débouchés locaux ont été présentés.",
        "Motivé(e), mais doit d'abord régulariser ses documents.",
        "Intéressé(e) par l'hôtellerie, disponible en horaires décalés.",
        "A besoin d'un cours de langue avant d'entrer en formation.",
    ),
    _T.JOB_SEARCH: (
        "CV revu ensemble, à compléter avec les dates des emplois.",
        "Simulation d'entretien : bonne présentation, à travailler la ponctualité.",
        "Trois offres repérées en zone franche, candidatures envoyées.",
        "Atelier collectif sur le CV et la lettre de motivation.",
        "Entretien prévu la semaine prochaine, préparation faite.",
        "Cherche un poste proche de son quartier pour des raisons familiales.",
    ),
    _T.BUSINESS_COACHING: (
        "Projet de petit commerce de quartier, budget à préciser.",
        "Plan d'affaires avancé ; besoin d'un financement de démarrage.",
        "Idée de coopérative avec trois autres femmes du quartier.",
        "Étude des prix des fournisseurs faite, marge trop faible pour l'instant.",
        "Activité informelle existante, souhaite la déclarer.",
    ),
    _T.ADMIN_LEGAL: (
        "Explication des démarches de renouvellement de la carte de séjour.",
        "Documents à rassembler pour l'équivalence du diplôme.",
        "Questions sur le contrat de travail et la déclaration CNSS.",
        "Orientation vers l'accompagnement juridique d'un partenaire.",
        "Récépissé en attente ; la personne reviendra dès réception.",
    ),
    _T.PSYCHOSOCIAL: (
        "Exprime une grande fatigue et des difficultés de sommeil.",
        "Inquiète pour sa famille restée au pays ; échange long et apaisé.",
        "Situation de logement précaire, source de stress important.",
        "Se sent isolé(e) depuis son arrivée ; groupe de parole proposé.",
        "Souhaite être orienté(e) vers un soutien psychologique.",
    ),
    _T.FOLLOW_UP: (
        "Point d'étape : les démarches avancent comme prévu.",
        "Appel de suivi, pas de nouvelle de l'employeur pour l'instant.",
        "A commencé la formation, se dit satisfait(e).",
        "Entretien passé, réponse attendue sous quinze jours.",
        "Premier mois en emploi, tout se passe bien.",
        "N'a pas pu venir au dernier rendez-vous, nouveau rendez-vous fixé.",
    ),
}

ACTIONS = {
    _T.FIRST_RECEPTION: (
        "Apporter la copie de la pièce d'identité",
        "Réfléchir au projet professionnel",
        "Revenir pour un entretien d'orientation",
    ),
    _T.ORIENTATION: (
        "S'inscrire à l'ANAPEC",
        "Se renseigner sur les dates d'inscription à l'OFPPT",
        "Commencer le cours de français",
        "Apporter les attestations de travail",
    ),
    _T.JOB_SEARCH: (
        "Mettre à jour le CV",
        "Envoyer les candidatures repérées",
        "Préparer l'entretien avec la fiche remise",
        "Créer un compte sur le site d'offres d'emploi",
    ),
    _T.BUSINESS_COACHING: (
        "Compléter le plan d'affaires",
        "Demander trois devis aux fournisseurs",
        "Préparer le dossier de financement",
    ),
    _T.ADMIN_LEGAL: (
        "Rassembler les pièces du dossier",
        "Déposer la demande de renouvellement",
        "Apporter le récépissé",
    ),
    _T.PSYCHOSOCIAL: (
        "Rendez-vous au centre de santé",
        "Participer au groupe de parole",
        "Reprendre contact si la situation s'aggrave",
    ),
    _T.FOLLOW_UP: (
        "Donner des nouvelles après l'entretien",
        "Apporter l'attestation de formation",
        "Rappeler le HUB en cas de difficulté",
    ),
}

#: why a partner is asked to receive the person, by kind of partner service
REASONS = (
    "Profil adapté au programme : la personne cherche un premier emploi stable.",
    "Souhaite suivre une formation qualifiante dans son domaine d'expérience.",
    "Projet de création d'activité à accompagner et à financer.",
    "Besoin d'un accompagnement social en plus de la recherche d'emploi.",
    "Expérience confirmée, disponible immédiatement.",
    "Orientation demandée par la personne après l'entretien d'orientation.",
    "Besoin urgent de revenus : famille à charge.",
)
EMPLOYER_REASONS = (
    "Candidature au poste proposé : expérience dans le métier, disponible immédiatement.",
    "Profil correspondant à l'offre transmise par le service des ressources humaines.",
    "Bonne présentation, parle français et arabe, horaires décalés acceptés.",
)
OVERRIDE_REASONS = (
    "Urgence sociale : hébergement d'urgence demandé, accord oral de la personne en entretien.",
    "Demande expresse de la personne, qui n'a pas encore signé le formulaire de partage.",
)

ACCEPTED_NOTES = ("", "", "", "Inscrit(e) à la prochaine session.", "Rendez-vous fixé par le partenaire.")
SUCCESS_NOTES = ("", "", "Service rendu, retour positif du partenaire.", "Formation terminée avec attestation.")
REJECTED_NOTES = ("", "Pas de place dans la session en cours.", "Ne remplit pas les conditions du programme.")
FAILURE_NOTES = {
    ReferralFailure.PERSON_REFUSED: "La personne a finalement refusé la proposition.",
    ReferralFailure.NO_CAPACITY: "Le partenaire n'a plus de place.",
    ReferralFailure.NO_LONGER_NEEDED: "La personne a trouvé une autre solution entre-temps.",
    ReferralFailure.PERSON_UNREACHABLE: "La personne ne s'est pas présentée au rendez-vous.",
    ReferralFailure.PARTNER_UNREACHABLE: "Le partenaire n'a jamais répondu aux relances.",
    ReferralFailure.OTHER: "Abandon en cours de route.",
}
FAILURES = _Pick(
    [(ReferralFailure.PERSON_REFUSED, 18), (ReferralFailure.NO_CAPACITY, 16), (ReferralFailure.NO_LONGER_NEEDED, 18),
     (ReferralFailure.PERSON_UNREACHABLE, 22), (ReferralFailure.PARTNER_UNREACHABLE, 12), (ReferralFailure.OTHER, 14)]
)  # fmt: skip
REJECTIONS = _Pick(
    [(ReferralFailure.NO_CAPACITY, 45), (None, 25), (ReferralFailure.OTHER, 18),
     (ReferralFailure.PERSON_UNREACHABLE, 12)]
)  # fmt: skip
CANCEL_NOTES = (
    "Pas de réponse du partenaire malgré les relances.",
    "La personne ne souhaite plus être orientée.",
    "Orientation faite en double, annulée.",
    "La personne a quitté Tanger.",
)

RELAUNCH_NOTES = (
    "Appel de relance : la personne recontactera le HUB quand elle sera disponible.",
    "Appel de relance : occupée en ce moment, reviendra si besoin.",
    "Message WhatsApp de relance, réponse : pas disponible pour l'instant.",
)
CLOSE_NOTES = {
    CloseReason.EMPLOYED: ("En emploi depuis plus d'un mois.", "Contrat signé, suivi terminé.", ""),
    CloseReason.BUSINESS_CREATED: ("Activité lancée.", "Commerce ouvert, financement obtenu."),
    CloseReason.MOVED_AWAY: ("Parti(e) pour une autre ville.", "A quitté le Maroc.", ""),
    CloseReason.UNREACHABLE: ("Injoignable après plusieurs relances.", "Numéro hors service.", ""),
    CloseReason.DECLINED: ("Ne souhaite pas de suivi.",),
    CloseReason.OTHER: ("Suivi assuré par une autre association.", "Demande de la personne.", ""),
}
HOLD_NOTES = (
    "En formation pendant plusieurs mois.",
    "Raisons de santé.",
    "Voyage au pays.",
    "Congé de maternité.",
    "Attend ses documents.",
)
REOPEN_NOTES = ("Revenu(e) au HUB après la fin de son contrat.", "De retour à Tanger.", "Nouvelle demande.", "")

#: jobs people find, by sector: (job titles, contracts)
JOBS: dict[SkillSector, tuple[tuple[str, ...], _Pick[ContractType]]] = {
    SkillSector.HOTELS_CATERING: (
        ("Commis de cuisine", "Femme de chambre", "Serveur", "Réceptionniste", "Plongeur", "Aide-pâtissier"),
        _Pick(
            [
                (ContractType.FIXED_TERM, 45),
                (ContractType.SEASONAL, 30),
                (ContractType.PERMANENT, 15),
                (ContractType.IDMAJ, 10),
            ]
        ),
    ),
    SkillSector.TEXTILE: (
        ("Couturière", "Opératrice de confection", "Repasseur", "Contrôleuse qualité", "Coupeur"),
        _Pick(
            [
                (ContractType.FIXED_TERM, 50),
                (ContractType.PERMANENT, 25),
                (ContractType.IDMAJ, 15),
                (ContractType.INFORMAL, 10),
            ]
        ),
    ),
    SkillSector.ICT: (
        ("Téléconseiller", "Chargé de clientèle", "Technicien support", "Téléopérateur bilingue"),
        _Pick([(ContractType.IDMAJ, 40), (ContractType.FIXED_TERM, 35), (ContractType.PERMANENT, 25)]),
    ),
    SkillSector.CONSTRUCTION: (
        ("Maçon", "Manœuvre", "Carreleur", "Peintre en bâtiment", "Ferrailleur"),
        _Pick([(ContractType.INFORMAL, 50), (ContractType.FIXED_TERM, 40), (ContractType.SEASONAL, 10)]),
    ),
    SkillSector.COMMERCE: (
        ("Vendeur", "Caissière", "Magasinier", "Commercial terrain"),
        _Pick(
            [
                (ContractType.FIXED_TERM, 45),
                (ContractType.IDMAJ, 25),
                (ContractType.PERMANENT, 20),
                (ContractType.INFORMAL, 10),
            ]
        ),
    ),
    SkillSector.TRANSPORT: (
        ("Chauffeur-livreur", "Cariste", "Agent logistique", "Préparateur de commandes"),
        _Pick([(ContractType.FIXED_TERM, 50), (ContractType.PERMANENT, 30), (ContractType.IDMAJ, 20)]),
    ),
    SkillSector.CARE: (
        ("Aide à domicile", "Garde d'enfants", "Agent d'entretien"),
        _Pick([(ContractType.INFORMAL, 50), (ContractType.FIXED_TERM, 35), (ContractType.PERMANENT, 15)]),
    ),
    SkillSector.AGRICULTURE: (
        ("Ouvrier agricole", "Cueilleuse de fraises", "Ouvrier en conditionnement"),
        _Pick([(ContractType.SEASONAL, 70), (ContractType.INFORMAL, 30)]),
    ),
    SkillSector.BEAUTY: (
        ("Coiffeuse", "Esthéticienne", "Assistante en salon"),
        _Pick([(ContractType.INFORMAL, 40), (ContractType.FIXED_TERM, 40), (ContractType.PERMANENT, 20)]),
    ),
    SkillSector.CRAFTS: (
        ("Menuisier", "Soudeur", "Électricien", "Plombier"),
        _Pick([(ContractType.FIXED_TERM, 45), (ContractType.INFORMAL, 40), (ContractType.PERMANENT, 15)]),
    ),
}
#: employers of the jobs found without a referral (invented names)
OTHER_EMPLOYERS = {
    SkillSector.HOTELS_CATERING: ("Café-restaurant Al Andalous", "Hôtel Petit Socco", "Snack Le Détroit"),
    SkillSector.TEXTILE: ("Atelier de couture Casabarata", "Confection Bir Chifa SARL"),
    SkillSector.ICT: ("Tanja Télécom Services", "Centre d'appels Médina Contact"),
    SkillSector.CONSTRUCTION: ("Chantier Malabata Résidences", "Entreprise de BTP Boukhalef"),
    SkillSector.COMMERCE: ("Supermarché Iberia", "Magasin Souani Électroménager"),
    SkillSector.TRANSPORT: ("Transports Mghogha Logistique", "Livraisons Tanja Express"),
    SkillSector.CARE: ("Particulier (Val Fleuri)", "Société de nettoyage Tanja Propreté"),
    SkillSector.AGRICULTURE: ("Exploitation agricole de Larache", "Coopérative fruitière Loukkos"),
    SkillSector.BEAUTY: ("Salon de coiffure Lalla", "Institut Beauté Marchan"),
    SkillSector.CRAFTS: ("Menuiserie Drissia", "Atelier de soudure Branes"),
}
#: the sector of a job for a person who named no skill
ANY_SECTOR = _uniform(tuple(JOBS))
JOB_NOTES = ("", "", "Trouvé grâce au réseau du HUB.", "Période d'essai d'un mois.", "Travail de nuit.")
