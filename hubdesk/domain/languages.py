"""Spoken languages as ISO 639 codes, with the ones heard at the HUB offered first."""

from __future__ import annotations

from functools import cache

from babel import Locale

from hubdesk.domain.countries import DEFAULT_LANGUAGE, LANGUAGES, sort_key, ui_language

#: Offered first in the intake form, in this order. Mandinka has no code of its own in CLDR, so the
#: Mandingo macrolanguage ("man") stands for it, as for Malinke.
COMMON_LANGUAGES: tuple[str, ...] = (
    "ar",
    "ary",
    "fr",
    "en",
    "es",
    "zgh",
    "wo",
    "bm",
    "ff",
    "ln",
    "ha",
    "sus",
    "man",
    "pt",
    "it",
    "de",
)

# Names that win over CLDR: counsellors and beneficiaries say "darija", and CLDR has no Arabic name for it.
_OVERRIDES: dict[str, dict[str, str]] = {
    "ary": {
        "fr": "Arabe dialectal marocain (darija)",
        "ar": "الدارجة المغربية",
        "en": "Moroccan Arabic (Darija)",
    },
}

# Codes that name no language a person speaks.
_NOT_LANGUAGES = frozenset({"und", "zxx", "mul", "mis"})


def _capitalised(name: str) -> str:
    # CLDR writes French language names in lower case ("arabe"); a list entry starts with a capital.
    return name[:1].upper() + name[1:]


@cache
def _names(lang: str) -> dict[str, str]:
    names = {
        code: _capitalised(name)
        for code, name in Locale.parse(lang).languages.items()
        if 2 <= len(code) <= 3 and code.isascii() and code.isalpha() and code.islower()
        if code not in _NOT_LANGUAGES
    }
    for code, by_lang in _OVERRIDES.items():
        names[code] = by_lang[lang]
    return names


@cache
def _known() -> frozenset[str]:
    return frozenset().union(*(_names(lang) for lang in LANGUAGES))


@cache
def _choices(lang: str) -> tuple[tuple[str, str], ...]:
    names = _names(lang)
    common = tuple((code, language_name(code, lang)) for code in COMMON_LANGUAGES)
    rest = (item for item in names.items() if item[0] not in COMMON_LANGUAGES)
    others = sorted(rest, key=lambda item: sort_key(item[1]))
    return (*common, *others)


def language_choices(lang: str = DEFAULT_LANGUAGE) -> list[tuple[str, str]]:
    """(code, name) pairs: COMMON_LANGUAGES in their order, then every other language by name."""
    return list(_choices(ui_language(lang)))


def language_name(code: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """Name of ``code`` in ``lang``, else in English, else the code itself."""
    key = code.strip().lower()
    return _names(ui_language(lang)).get(key) or _names("en").get(key) or code


def is_language(code: str) -> bool:
    """True for a language code known in any of the interface languages."""
    return code.strip().lower() in _known()
