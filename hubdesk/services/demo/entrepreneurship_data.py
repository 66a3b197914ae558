"""The hand-picked data of the demo's entrepreneurship support (issue #5): the small demo's projects and trainings,
how often each stage, sector and financing is drawn, and the words projects, financing, support and trainings are
made of (French, as the counsellors of Tangier write them)."""

from __future__ import annotations

from hubdesk.domain.enums import TrainingTheme
from hubdesk.services.demo.draws import _Pick

#: the small demo's projects: (name, kind, sector, stage reached, members, legal form once created)
SHOWCASE: tuple[tuple[str, str, str, str, int, str], ...] = (
    ("Atelier de couture Nour", "individual", "textile", "operating", 1, "auto_entrepreneur"),
    ("Coopérative Al Khayt, couture solidaire", "collective", "textile", "operating", 4, "cooperative"),
    ("Épicerie solidaire Bir Chifa", "individual", "commerce", "operating", 1, "auto_entrepreneur"),
    ("Snack Malabata", "individual", "hotels_catering", "created", 1, "informal"),
    ("Peinture et décoration Souani", "collective", "construction", "created", 3, "sarl"),
    ("Traiteur Dar Salam", "collective", "hotels_catering", "seeking_financing", 3, "none_yet"),
    ("Garde d'enfants Les Petits Pas", "individual", "care", "seeking_financing", 1, "none_yet"),
    ("Tresses et beauté africaine", "individual", "beauty", "plan_validated", 1, "none_yet"),
    ("Tanja Tech, réparation de smartphones", "individual", "ict", "pre_incubation", 1, "none_yet"),
    ("Coopérative apicole Jbala", "collective", "agriculture", "idea", 5, "none_yet"),
    ("Pâtisserie Msemen d'Or", "individual", "hotels_catering", "idea", 1, "none_yet"),
    ("Menuiserie Al Amal", "collective", "crafts", "closed", 3, "cooperative"),
    ("Livraison express Boukhalef", "individual", "transport", "abandoned", 1, "none_yet"),
    ("Maroquinerie du Détroit", "collective", "crafts", "abandoned", 4, "none_yet"),
)
#: the small demo's trainings: (title index in TRAINING_TITLES, days, trainees, days before today of
#: the first day (negative: still to come), weekly rather than on following days, hours a day, share to complete)
SHOWCASE_TRAININGS = (
    (0, 5, 18, 290, False, 6.0, 0.8),
    (1, 2, 22, 200, True, 3.0, 1.0),
    (2, 4, 12, 120, True, 2.5, 0.75),
    (3, 1, 25, 60, False, 3.0, 1.0),
    (4, 5, 10, 30, False, 6.0, 0.8),
    (5, 3, 14, 12, True, 3.0, 0.8),
    (6, 3, 8, -10, False, 3.0, 0.8),
)
STANDALONE_AUTO = ("applied", "applied", "active", "lapsed", "lapsed")  # the small demo's, besides its projects

FINAL_STAGES = _Pick(
    [("idea", 14), ("pre_incubation", 14), ("plan_validated", 12), ("seeking_financing", 12), ("created", 8),
     ("operating", 18), ("closed", 7), ("abandoned", 15)]
)  # fmt: skip
STEP_GAPS = {  # days from the previous step
    "pre_incubation": (14, 60), "plan_validated": (30, 120), "seeking_financing": (7, 45), "created": (30, 180),
    "operating": (7, 60), "closed": (90, 500), "abandoned": (30, 200),
}  # fmt: skip
SECTORS = _Pick(
    [("textile", 14), ("hotels_catering", 16), ("commerce", 18), ("beauty", 10), ("crafts", 8), ("ict", 8),
     ("transport", 6), ("agriculture", 5), ("construction", 8), ("care", 7)]
)  # fmt: skip
AUTO_CATEGORY = {"beauty": "services", "ict": "services", "transport": "services", "care": "services",
                 "construction": "services"}  # fmt: skip
FINANCING_KINDS = _Pick(
    [("honour_loan", 25), ("microcredit", 25), ("grant", 15), ("equipment_kit", 15), ("bank_loan", 10),
     ("own_funds", 10)]
)  # fmt: skip
STAGE_ACTIONS = {
    "idea": ("coaching", "financial_education"),
    "pre_incubation": ("coaching", "business_plan", "financial_education"),
    "plan_validated": ("business_plan", "coaching", "formalities"),
    "seeking_financing": ("coaching", "formalities", "business_plan"),
    "created": ("formalities", "equipment_kit", "market_access"),
    "operating": ("market_access", "coaching", "financial_education"),
}
PERSON_ACTIONS = ("coaching", "financial_education", "formalities", "market_access")
DILIGENCE = _Pick([(0.97, 70), (0.75, 18), (0.35, 12)])  # chance a trainee is there on a given day
TRAINING_DAYS = _Pick([(1, 5), (2, 10), (3, 15), (4, 30), (5, 40)])

#: (sector, names of businesses): what the people the HUB meets set up in Tangier
NAMES: dict[str, tuple[str, ...]] = {
    "textile": ("Atelier de couture", "Retouches et création", "Broderie tanjaouie", "Confection de caftans"),
    "hotels_catering": ("Snack", "Traiteur", "Pâtisserie marocaine", "Msemen et harcha", "Food truck"),
    "commerce": ("Épicerie de quartier", "Téléphones et accessoires", "Friperie", "Cosmétiques à l'argan"),
    "beauty": ("Salon de coiffure", "Institut de beauté", "Tresses africaines", "Onglerie"),
    "crafts": ("Maroquinerie artisanale", "Poterie et zellige", "Menuiserie", "Bijoux berbères"),
    "ict": ("Réparation de smartphones", "Cybercafé et impression", "Développement web", "Community management"),
    "transport": ("Livraison à deux-roues", "Transport de marchandises", "Déménagements"),
    "agriculture": ("Coopérative apicole", "Élevage de poulets", "Maraîchage bio", "Plantes aromatiques"),
    "construction": ("Peinture et plâtrerie", "Électricité bâtiment", "Plomberie", "Carrelage"),
    "care": ("Garde d'enfants", "Aide à domicile", "Ménage et repassage"),
}
#: what tells projects of the same kind apart: a neighbourhood of Tangier or a hopeful word
SUFFIXES = (
    "Nour", "Al Amal", "Tanja", "Beni Makada", "Malabata", "Boukhalef", "Souani", "Bir Chifa", "Mesnana",
    "Al Baraka", "Salam", "du Détroit", "Marchan", "Dradeb", "Iberia", "Al Fath", "Yasmine", "Atlas",
)  # fmt: skip
DESCRIPTIONS = (
    "Clientèle du quartier et commandes par WhatsApp.",
    "Local trouvé près du marché ; matériel en partie déjà acheté.",
    "Activité exercée de manière informelle depuis deux ans, à structurer.",
    "Projet porté après la formation « Créer et gérer son entreprise ».",
    "Étude de marché faite auprès de 30 clients potentiels.",
    "",
)
STEP_NOTES = {
    "pre_incubation": ("Entrée en pré-incubation.", "Formation à la création d'entreprise suivie.", ""),
    "plan_validated": ("Plan d'affaires validé en comité.", "Business plan validé avec réserves levées.", ""),
    "seeking_financing": ("Dossier déposé.", "Recherche de financement engagée.", ""),
    "created": ("Immatriculation obtenue.", "Activité déclarée.", ""),
    "operating": ("Premières ventes.", "Activité lancée.", ""),
    "closed": ("Activité arrêtée faute de clients.", "Fermeture : départ du porteur de projet.", ""),
    "abandoned": ("Le porteur a trouvé un emploi salarié.", "Projet abandonné faute de financement.", ""),
}
#: financing kind -> (sources, smallest and largest amount requested in dirhams)
FINANCING: dict[str, tuple[tuple[str, ...], int, int]] = {
    "own_funds": (("Apport personnel", "Épargne familiale"), 2_000, 30_000),
    "honour_loan": (("Forsa", "Initiative Tanger", "Réseau Entreprendre"), 10_000, 100_000),
    "bank_loan": (("Intelaka (Banque Populaire)", "Intelaka (Attijariwafa bank)", "Intelaka (Al Barid Bank)"),
                  50_000, 300_000),
    "microcredit": (("Al Amana", "Attawfiq Micro-Finance", "Al Baraka", "Fondation Ardi"), 5_000, 50_000),
    "grant": (("Forsa", "INDH", "Programme Awrach", "OIM (programme de réintégration)"), 5_000, 50_000),
    "equipment_kit": (("INDH", "Entraide Nationale", "OIM", "HCR"), 3_000, 20_000),
}  # fmt: skip
FINANCING_NOTES = ("", "", "Accordé après passage en comité.", "Montant réduit par le comité.", "Refusé : garanties")
SUPPORT_NOTES = {
    "coaching": ("Point d'étape sur l'avancement du projet.", "Préparation du rendez-vous avec le financeur."),
    "business_plan": ("Travail sur les prévisions de chiffre d'affaires.", "Relecture du plan d'affaires."),
    "formalities": ("Accompagnement pour l'inscription au registre.", "Démarches CNSS et patente."),
    "market_access": ("Participation au marché solidaire de Tanger.", "Mise en relation avec des clients."),
    "financial_education": ("Séance sur la tenue de caisse.", "Séparer argent personnel et argent de l'activité."),
    "equipment_kit": ("Remise du kit de démarrage.", "Liste du matériel validée avec le fournisseur."),
}
ACTIVITIES = {
    "commerce_industry_crafts": ("Couture et retouches", "Vente de produits alimentaires", "Artisanat du cuir",
                                 "Vente d'accessoires téléphoniques", "Menuiserie"),
    "services": ("Coiffure et esthétique", "Réparation de smartphones", "Livraison", "Garde d'enfants",
                 "Développement web"),
}  # fmt: skip
#: (title, theme, description) of trainings; the first ones are those of the small demo
TRAINING_TITLES: tuple[tuple[str, TrainingTheme, str], ...] = (
    ("Créer et gérer son entreprise", TrainingTheme.ENTREPRENEURSHIP, "De l'idée au plan d'affaires (méthode CREE)."),
    ("Éducation financière", TrainingTheme.FINANCIAL_EDUCATION, "Budget, épargne, crédit et services bancaires."),
    ("Marketing digital", TrainingTheme.DIGITAL, "Vendre avec Facebook, Instagram et WhatsApp Business."),
    ("Soft skills : entretien d'embauche", TrainingTheme.SOFT_SKILLS, "Se présenter, répondre, simuler l'entretien."),
    ("Couture industrielle", TrainingTheme.VOCATIONAL, "Machines piqueuse et surjeteuse, travail en chaîne."),
    ("Gérer sa trésorerie", TrainingTheme.FINANCIAL_EDUCATION, "Tenir sa caisse et suivre ses recettes."),
    ("Devenir auto-entrepreneur", TrainingTheme.ENTREPRENEURSHIP, "Le statut, l'inscription, la CNSS, l'impôt."),
    ("Bureautique de base", TrainingTheme.DIGITAL, "Word, Excel et messagerie pour la recherche d'emploi."),
    ("Communication professionnelle", TrainingTheme.SOFT_SKILLS, "Parler à un client, à un employeur."),
    ("Hygiène et sécurité alimentaire", TrainingTheme.VOCATIONAL, "Les règles de l'ONSSA pour la restauration."),
    ("Pitcher son projet", TrainingTheme.ENTREPRENEURSHIP, "Présenter son projet à un comité de financement."),
    ("Coiffure et esthétique", TrainingTheme.VOCATIONAL, "Techniques de base et accueil de la clientèle."),
)
TRAINERS = (
    "Karim Berrada", "Nadia El Amrani", "Hicham Ouazzani", "Awa Diallo", "Leïla Chraïbi", "Formateur OFPPT",
    "Équipe Maroc PME", "Samir Bouzid",
)  # fmt: skip
PLACES = (
    "HUB, salle de formation", "HUB, salle polyvalente", "Espace associatif Beni Makada", "Centre OFPPT Tanger",
    "Maison des jeunes Souani",
)  # fmt: skip
EXCEPTION = "Absente un jour pour raison médicale (certificat fourni)."
