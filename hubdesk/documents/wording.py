"""Words every document shares, in French, Arabic and English, and dates in each language."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date

from hubdesk.domain.vocabulary import LANGUAGES

#: the Babel locale of each document language (dates, numbers)
LOCALES = {"fr": "fr_MA", "ar": "ar_MA", "en": "en_GB"}

#: key -> (French, Arabic, English)
COMMON: dict[str, tuple[str, str, str]] = {
    "number": ("N°", "رقم", "No."),
    "page": ("Page {page} sur {pages}", "الصفحة {page} من {pages}", "Page {page} of {pages}"),
    "verification": ("Code de vérification", "رمز التحقق", "Verification code"),
    "made_at": ("Fait à {city}, le {date}", "حرر ب{city} في {date}", "{city}, {date}"),
    "signature": ("Signature", "التوقيع", "Signature"),
    "stamp": ("Cachet", "الخاتم", "Stamp"),
    "phone": ("Tél.", "الهاتف", "Tel."),
    "email": ("Courriel", "البريد الإلكتروني", "Email"),
    "code": ("Code bénéficiaire", "رمز المستفيد", "Beneficiary code"),
    "name": ("Nom et prénom", "الاسم الكامل", "Full name"),
    "arabic_name": ("Nom en arabe", "الاسم بالعربية", "Name in Arabic"),
    "birth_date": ("Date de naissance", "تاريخ الازدياد", "Date of birth"),
    "birth_year": ("Année de naissance", "سنة الازدياد", "Year of birth"),
    "nationality": ("Nationalité", "الجنسية", "Nationality"),
    "id_document": ("Pièce d'identité", "وثيقة الهوية", "Identity document"),
    "verify_hint": (
        "Authenticité vérifiable auprès du HUB avec le code ci-contre.",
        "يمكن التحقق من صحة هذه الوثيقة لدى الهب بواسطة الرمز المرفق.",
        "Authenticity can be checked with the HUB using this code.",
    ),
}


def lang_index(lang: str) -> int:
    return LANGUAGES.index(lang) if lang in LANGUAGES else 0


def pick(table: dict[str, tuple[str, str, str]], key: str, lang: str, **values: object) -> str:
    """The phrase ``key`` of ``table`` in ``lang``, with ``{placeholders}`` filled."""
    text = table[key][lang_index(lang)]
    return text.format(**values) if values else text


def word(key: str, lang: str, **values: object) -> str:
    return pick(COMMON, key, lang, **values)


def long_date(day: date, lang: str) -> str:
    """29 novembre 2026 · 29 نونبر 2026 · 29 November 2026 (Moroccan month names in Arabic)."""
    return format_date(day, "long", locale=LOCALES.get(lang, "fr_MA"))


def short_date(day: date, lang: str) -> str:
    """29/11/2026 in every language: the form Moroccan administrations write."""
    return day.strftime("%d/%m/%Y")


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"document language must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    return lang
