"""Trades of the demo people (skills, jobs, employers) and schooling and diplomas per school system."""

from __future__ import annotations

from dataclasses import dataclass

from hubdesk.domain.enums import EducationLevel, SkillSector
from hubdesk.services.demo.draws import _Pick

_Z = SkillSector


@dataclass(frozen=True)
class _Sector:
    sector: SkillSector
    male_weight: float
    female_weight: float
    skills: tuple[str, ...]
    #: "masculine|feminine" when the title changes with the person
    jobs: tuple[str, ...]
    employers: tuple[str, ...]
    employers_morocco: tuple[str, ...]
    #: vocational diplomas by school system
    diplomas: dict[str, tuple[str, ...]]


_SECTORS: tuple[_Sector, ...] = (
    _Sector(
        _Z.CONSTRUCTION, 24, 1,
        ("Maçonnerie", "Carrelage", "Peinture en bâtiment", "Plomberie", "Électricité bâtiment", "Coffrage",
         "Ferraillage", "Plâtrerie", "Menuiserie aluminium", "Soudure"),
        ("Maçon", "Aide-maçon", "Carreleur", "Peintre en bâtiment", "Plombier", "Électricien", "Ferrailleur",
         "Manœuvre de chantier", "Soudeur"),
        ("Chantier (journalier)", "Entreprise de BTP", "Particuliers", "Petite entreprise de construction"),
        ("Chantier Tanger Boulevard", "Chantier Ibn Batouta", "Entreprise BTP Boukhalef",
         "Sous-traitant Tanger Med"),
        {"ma": ("Qualification OFPPT en maçonnerie", "Diplôme OFPPT technicien en électricité",
                "Qualification OFPPT en plomberie sanitaire"),
         "fr": ("CAP maçonnerie", "CAP électricité bâtiment", "CAP plomberie"),
         "en": ("City & Guilds Electrical Installation", "NABTEB Certificate in Welding"),
         "ar": ("Diplôme d'institut technique en électricité",)},
    ),
    _Sector(
        _Z.AGRICULTURE, 8, 4,
        ("Travaux agricoles", "Cueillette de fruits rouges", "Élevage", "Conduite de tracteur", "Maraîchage",
         "Irrigation goutte-à-goutte", "Arboriculture"),
        ("Ouvrier agricole|Ouvrière agricole", "Cueilleur de fraises|Cueilleuse de fraises", "Berger|Bergère",
         "Jardinier|Jardinière"),
        ("Exploitation agricole", "Coopérative agricole", "Ferme familiale"),
        ("Exploitation fruits rouges (Larache)", "Domaine agricole du Loukkos", "Pépinière de Tanger"),
        {"ma": ("Qualification OFPPT en production agricole",), "fr": ("CAP agricole",),
         "en": ("Certificate in Agriculture",), "ar": ("Diplôme d'institut agricole",)},
    ),
    _Sector(
        _Z.TEXTILE, 4, 22,
        ("Couture", "Piquage industriel", "Repassage industriel", "Coupe", "Broderie",
         "Contrôle qualité textile", "Retouches"),
        ("Couturier|Couturière", "Piqueur|Piqueuse", "Repasseur|Repasseuse",
         "Contrôleur qualité|Contrôleuse qualité", "Coupeur|Coupeuse"),
        ("Atelier de confection", "Atelier de couture du quartier", "Tailleur"),
        ("Usine textile (zone franche de Tanger)", "Confection Gzenaya", "Atelier de confection Mghogha"),
        {"ma": ("Qualification OFPPT en couture", "Technicien OFPPT en confection industrielle"),
         "fr": ("CAP couture", "CAP coupe et couture"), "en": ("Certificate in Fashion Design",),
         "ar": ("Diplôme de couture",)},
    ),
    _Sector(
        _Z.HOTELS_CATERING, 14, 16,
        ("Cuisine", "Pâtisserie", "Service en salle", "Plonge", "Boulangerie", "Barista",
         "Réception hôtelière", "Entretien des chambres"),
        ("Commis de cuisine", "Cuisinier|Cuisinière", "Serveur|Serveuse", "Plongeur|Plongeuse",
         "Pâtissier|Pâtissière", "Valet de chambre|Femme de chambre", "Réceptionniste",
         "Boulanger|Boulangère"),
        ("Restaurant", "Café", "Snack", "Hôtel", "Boulangerie", "Maquis"),
        ("Café Hafa", "Hôtel de la corniche", "Restaurant du port", "Snack Iberia", "Pâtisserie Malabata"),
        {"ma": ("Qualification OFPPT en cuisine", "Technicien OFPPT en pâtisserie",
                "Qualification OFPPT en service de restauration"),
         "fr": ("CAP cuisine", "CAP pâtisserie", "CAP restauration"), "en": ("Certificate in Catering",),
         "ar": ("Diplôme d'institut hôtelier",)},
    ),
    _Sector(
        _Z.COMMERCE, 14, 14,
        ("Vente", "Caisse", "Mise en rayon", "Commerce ambulant", "Relation client", "Gestion de stock",
         "Téléconseil"),
        ("Vendeur|Vendeuse", "Caissier|Caissière", "Magasinier|Magasinière", "Téléconseiller|Téléconseillère",
         "Marchand ambulant|Marchande ambulante", "Employé libre-service|Employée libre-service"),
        ("Boutique de vêtements", "Commerce familial", "Centre d'appels", "Marché"),
        ("Marjane Tanger", "Carrefour Market", "Souk Casabarata", "Centre d'appels Tanger",
         "Tanger City Mall"),
        {"ma": ("Technicien OFPPT en commerce", "Technicien spécialisé OFPPT en gestion des entreprises"),
         "fr": ("BEP vente", "CAP vente"), "en": ("Certificate in Sales and Marketing",),
         "ar": ("Diplôme de commerce",)},
    ),
    _Sector(
        _Z.ICT, 6, 4,
        ("Développement web", "Bureautique", "Maintenance informatique", "Graphisme", "Réseaux informatiques",
         "Community management", "Réparation de téléphones"),
        ("Développeur web|Développeuse web", "Technicien informatique|Technicienne informatique",
         "Agent de saisie|Agente de saisie", "Réparateur de téléphones|Réparatrice de téléphones"),
        ("Cybercafé", "Agence web", "Boutique de téléphonie", "Freelance"),
        ("Agence web Tanger", "Boutique de téléphonie Beni Makada", "Centre d'appels Tanger"),
        {"ma": ("Technicien spécialisé OFPPT en développement digital",
                "Technicien OFPPT en maintenance informatique"),
         "fr": ("BTS informatique", "Certificat en bureautique"), "en": ("Diploma in Computer Studies",),
         "ar": ("Diplôme d'institut technique en informatique",)},
    ),
    _Sector(
        _Z.BEAUTY, 3, 14,
        ("Coiffure", "Tresses africaines", "Esthétique", "Onglerie", "Barbier", "Maquillage",
         "Soins au hammam"),
        ("Coiffeur|Coiffeuse", "Barbier|Maquilleuse", "Esthéticien|Esthéticienne", "Tresseur|Tresseuse"),
        ("Salon de coiffure", "Salon de beauté", "À domicile"),
        ("Salon de coiffure Mesnana", "Hammam du quartier", "Salon de beauté Souani"),
        {"ma": ("Qualification OFPPT en coiffure", "Qualification OFPPT en esthétique"),
         "fr": ("CAP coiffure", "CAP esthétique"), "en": ("Certificate in Cosmetology",),
         "ar": ("Diplôme de coiffure",)},
    ),
    _Sector(
        _Z.CRAFTS, 8, 3,
        ("Menuiserie bois", "Zellige", "Cordonnerie", "Tapisserie", "Ferronnerie", "Poterie", "Maroquinerie",
         "Ébénisterie"),
        ("Menuisier|Menuisière", "Cordonnier|Cordonnière", "Zelligeur|Potière", "Tapissier|Tapissière",
         "Ferronnier|Ferronnière"),
        ("Atelier de menuiserie", "Coopérative artisanale", "Atelier familial"),
        ("Atelier de la médina", "Ensemble artisanal de Tanger", "Coopérative artisanale de Tanger"),
        {"ma": ("Qualification OFPPT en menuiserie", "Qualification OFPPT en ébénisterie"),
         "fr": ("CAP menuiserie", "CAP ébénisterie"), "en": ("Certificate in Carpentry and Joinery",),
         "ar": ("Diplôme de menuiserie",)},
    ),
    _Sector(
        _Z.TRANSPORT, 14, 2,
        ("Conduite poids lourd", "Conduite (permis B)", "Cariste", "Logistique et manutention",
         "Livraison à moto", "Mécanique automobile", "Préparation de commandes"),
        ("Chauffeur|Chauffeuse", "Chauffeur poids lourd", "Cariste", "Manutentionnaire", "Livreur|Livreuse",
         "Mécanicien|Mécanicienne", "Préparateur de commandes|Préparatrice de commandes"),
        ("Société de transport", "Garage", "Entrepôt", "Taxi"),
        ("Sous-traitant logistique Tanger Med", "Entrepôt zone franche", "Livraison à domicile (plateforme)",
         "Garage Bir Chifa"),
        {"ma": ("Technicien OFPPT en logistique", "Qualification OFPPT en réparation automobile",
                "Permis poids lourd (catégorie C)"),
         "fr": ("CAP mécanique automobile", "Permis poids lourd"), "en": ("Certificate in Motor Mechanics",),
         "ar": ("Diplôme de mécanique automobile",)},
    ),
    _Sector(
        _Z.CARE, 2, 18,
        ("Aide à domicile", "Garde d'enfants", "Ménage", "Aide-soignant",
         "Accompagnement des personnes âgées", "Cuisine familiale"),
        ("Aide à domicile", "Garde d'enfants", "Aide ménager|Aide ménagère", "Aide-soignant|Aide-soignante",
         "Agent d'entretien|Agente d'entretien"),
        ("Famille (particulier)", "Société de nettoyage", "Clinique", "Crèche"),
        ("Famille à Malabata", "Clinique du Détroit", "Société de nettoyage Tanger"),
        {"ma": ("Qualification en aide-soignance", "Attestation d'auxiliaire de vie"),
         "fr": ("CAP petite enfance", "Certificat d'aide-soignant"),
         "en": ("Certificate in Health and Social Care",),
         "ar": ("Diplôme d'aide-soignant",)},
    ),
    _Sector(
        _Z.OTHER, 7, 4,
        ("Gardiennage", "Sécurité", "Animation", "Traduction et interprétariat", "Pêche"),
        ("Gardien|Gardienne", "Agent de sécurité|Agente de sécurité", "Pêcheur", "Interprète",
         "Animateur|Animatrice"),
        ("Société de gardiennage", "Association", "ONG"),
        ("Port de pêche de Tanger", "Société de gardiennage Tanger", "Association de quartier"),
        {"ma": ("Attestation de formation en sécurité",), "fr": ("Certificat d'agent de sécurité",),
         "en": ("Certificate in Security Services",), "ar": ("Attestation de formation",)},
    ),
)  # fmt: skip

_SECTOR_FOR_MEN = _Pick([(s, s.male_weight) for s in _SECTORS])
_SECTOR_FOR_WOMEN = _Pick([(s, s.female_weight) for s in _SECTORS])

_E = EducationLevel
_EDUCATION: dict[str, _Pick[EducationLevel]] = {
    "ma": _Pick([(_E.NONE, 4), (_E.PRIMARY, 12), (_E.LOWER_SECONDARY, 28), (_E.UPPER_SECONDARY, 25),
                 (_E.VOCATIONAL, 19), (_E.HIGHER, 12)]),
    "fr": _Pick([(_E.NONE, 9), (_E.KORANIC, 6), (_E.PRIMARY, 18), (_E.LOWER_SECONDARY, 22),
                 (_E.UPPER_SECONDARY, 20), (_E.VOCATIONAL, 10), (_E.HIGHER, 15)]),
    "en": _Pick([(_E.NONE, 5), (_E.KORANIC, 3), (_E.PRIMARY, 15), (_E.LOWER_SECONDARY, 20),
                 (_E.UPPER_SECONDARY, 30), (_E.VOCATIONAL, 10), (_E.HIGHER, 17)]),
    "ar": _Pick([(_E.NONE, 5), (_E.KORANIC, 3), (_E.PRIMARY, 15), (_E.LOWER_SECONDARY, 22),
                 (_E.UPPER_SECONDARY, 25), (_E.VOCATIONAL, 10), (_E.HIGHER, 20)]),
}  # fmt: skip
_EDUCATION_RANK = {level: rank for rank, level in enumerate(EducationLevel)}

_LOWER_SECONDARY: dict[str, tuple[str, ...]] = {
    "ma": ("Brevet d'enseignement collégial",),
    "fr": ("BEPC",),
    "en": ("Junior School Certificate (JSSCE)",),
    "ar": ("Certificat d'études de base",),
    "SN": ("BFEM",),
}
_UPPER_SECONDARY: dict[str, tuple[str, ...]] = {
    "ma": (
        "Baccalauréat sciences expérimentales",
        "Baccalauréat lettres",
        "Baccalauréat sciences économiques",
        "Baccalauréat sciences mathématiques",
        "Baccalauréat professionnel",
    ),
    "fr": ("Baccalauréat série A", "Baccalauréat série D", "Baccalauréat série C", "Baccalauréat série G2"),
    "en": ("WASSCE (West African Senior School Certificate)",),
    "ar": ("Baccalauréat (Thanawiya Amma)",),
    "CD": ("Diplôme d'État (humanités scientifiques)", "Diplôme d'État (humanités commerciales)"),
    "SD": ("Sudan School Certificate",),
}
_HIGHER: dict[str, tuple[str, ...]] = {
    "ma": (
        "Licence en économie et gestion",
        "Licence en droit privé",
        "Licence en études anglaises",
        "Licence professionnelle en logistique",
        "Licence en études islamiques",
        "Master en management",
        "DUT génie électrique",
        "BTS comptabilité",
        "Licence en sciences de la vie",
    ),
    "fr": (
        "Licence en économie",
        "Licence en droit",
        "Licence en sociologie",
        "BTS informatique de gestion",
        "BTS comptabilité",
        "Master en gestion des ressources humaines",
        "Licence en géographie",
        "DUT génie civil",
    ),
    "en": (
        "B.Sc. Economics",
        "HND Computer Science",
        "OND Business Administration",
        "B.A. English",
        "B.Sc. Accounting",
        "NCE (National Certificate in Education)",
    ),
    "ar": (
        "Licence en comptabilité",
        "Licence en littérature arabe",
        "Licence en génie civil",
        "Licence en droit",
        "Diplôme d'infirmier",
        "Licence en informatique",
    ),
    "CD": ("Graduat en informatique de gestion", "Licence en économie", "Graduat en sciences commerciales"),
}
_SHORT_TRAININGS = (
    "Attestation de formation en soudure (Fondation Orient-Occident)",
    "Attestation de formation en cuisine (Caritas)",
    "Attestation de formation en couture (Association Darna)",
    "Attestation de formation en informatique de base",
    "Certificat de langue française (Institut français)",
    "Attestation de formation en coiffure",
)

# Past jobs and skills recorded per person.
_EXPERIENCE_COUNT = _Pick([(0, 33), (1, 35), (2, 22), (3, 10)])
_SKILL_COUNT = _Pick([(0, 12), (1, 43), (2, 32), (3, 13)])
