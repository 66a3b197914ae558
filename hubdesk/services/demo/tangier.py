"""Life around the HUB in Tangier: districts, partners, opening days and who walks in (ages, occupations)."""

from __future__ import annotations

from hubdesk.domain.enums import HeardFrom, Occupation
from hubdesk.services.demo.draws import _Pick, _uniform

_DISABILITY_NOTES = (
    "Malvoyant, lit avec difficulté les petits caractères",
    "Handicap moteur léger (jambe gauche)",
    "Malentendant, préfère les échanges par écrit ou WhatsApp",
    "Ne peut pas porter de charges lourdes (dos)",
    "Amputation d'un doigt (accident de chantier)",
    "Diabète : horaires de travail réguliers souhaités",
    "Séquelles d'une blessure au bras droit",
)

_NEIGHBOURHOODS_MA = _uniform(
    (
        "Beni Makada", "Casabarata", "Bir Chifa", "Mesnana", "Drissia", "Souani", "Médina", "Marchan",
        "Dradeb", "Hay Hassani", "Branes", "Mghogha", "Al Aouama", "Charf", "Ain Ktiouet", "Boukhalef",
        "Malabata", "Iberia", "Gzenaya", "Hay Mabrouk", "Bendiban", "Msallah", "Val Fleuri",
    )
)  # fmt: skip
_NEIGHBOURHOODS_MIGRANTS = _Pick(
    [("Boukhalef", 5), ("Mesnana", 4), ("Al Irfane", 3), ("Casabarata", 2), ("Beni Makada", 2),
     ("Branes", 1), ("Gzenaya", 1), ("Médina", 1), ("Bir Chifa", 1)]
)  # fmt: skip
_CITIES = _Pick([("Tanger", 95), ("Tétouan", 2), ("Asilah", 2), ("Larache", 1)])
_PARTNERS_MIGRANTS = _uniform(
    (
        "Caritas Tanger",
        "Délégation diocésaine aux migrations",
        "Fondation Orient-Occident",
        "HCR",
        "OIM",
        "Association Darna",
        "Association ALCS",
    )
)
_PARTNERS_MA = _uniform(
    (
        "ANAPEC Tanger",
        "Association Darna",
        "Maison des jeunes Beni Makada",
        "Entraide nationale",
        "Plateforme des jeunes INDH",
        "Fondation Mohammed V",
    )
)
_HEARD_FROM = _Pick(
    [(HeardFrom.WORD_OF_MOUTH, 40), (HeardFrom.PARTNER, 25), (HeardFrom.SOCIAL_MEDIA, 15),
     (HeardFrom.OUTREACH, 10), (HeardFrom.EVENT, 5), (HeardFrom.OTHER, 5)]
)  # fmt: skip
_OCCUPATION = _Pick(
    [(Occupation.UNEMPLOYED, 55), (Occupation.INFORMAL, 24), (Occupation.EMPLOYED, 8),
     (Occupation.SELF_EMPLOYED, 5), (Occupation.STUDENT, 8)]
)  # fmt: skip
_AGE = _Pick(
    [((16, 17), 4), ((18, 21), 18), ((22, 25), 22), ((26, 30), 22), ((31, 35), 17), ((36, 45), 12),
     ((46, 54), 5)]
)  # fmt: skip
# Opening hours, local time (a quiet lunch break and Friday prayer are folded into the weights).
_HOURS = _Pick([(9, 8), (10, 16), (11, 17), (12, 12), (13, 4), (14, 12), (15, 15), (16, 11), (17, 5)])
_HOLIDAYS = frozenset({(1, 1), (1, 11), (1, 14), (5, 1), (7, 30), (8, 14), (8, 20), (8, 21), (11, 6), (11, 18)})
_EMAIL_DOMAINS = _Pick([("gmail.com", 80), ("hotmail.com", 8), ("hotmail.fr", 5), ("yahoo.fr", 5), ("outlook.fr", 2)])
