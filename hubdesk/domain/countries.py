"""Countries as ISO 3166-1 alpha-2 codes, named in the interface language (French, Arabic or English)."""

from __future__ import annotations

import unicodedata
from functools import cache

from babel import Locale

LANGUAGES = ("fr", "ar", "en")
DEFAULT_LANGUAGE = "fr"
HOME = "MA"

# CLDR names more than countries: groupings and test codes, plus codes ISO only reserves (Ascension,
# Clipperton, Sark, Diego Garcia, Ceuta & Melilla, Canaries, Tristan da Cunha), which nobody holds a
# passport of. Kosovo (XK) is user-assigned in ISO but a nationality in practice, so it stays.
# Western Sahara (EH) is left out because Moroccan administration does not list it as a country.
_NOT_COUNTRIES = frozenset({"ZZ", "EU", "EZ", "UN", "QO", "XA", "XB", "AC", "CP", "CQ", "DG", "EA", "IC", "TA", "EH"})


def ui_language(lang: str) -> str:
    """The supported interface language for ``lang`` ("fr_MA" -> "fr"); French when unsupported."""
    base = lang.replace("-", "_").split("_", 1)[0].lower()
    return base if base in LANGUAGES else DEFAULT_LANGUAGE


def sort_key(name: str) -> tuple[str, str]:
    """Accent- and case-insensitive order, so "Égypte" sorts with E and "Îles Åland" with I."""
    decomposed = unicodedata.normalize("NFKD", name)
    base = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # The exact name breaks ties so the order never depends on the input order.
    return base.casefold(), name


@cache
def _names(lang: str) -> dict[str, str]:
    territories = Locale.parse(lang).territories
    return {
        code: name
        for code, name in territories.items()
        if len(code) == 2 and code.isalpha() and code.isupper() and code not in _NOT_COUNTRIES
    }


@cache
def _choices(lang: str) -> tuple[tuple[str, str], ...]:
    names = _names(lang)
    others = sorted((item for item in names.items() if item[0] != HOME), key=lambda item: sort_key(item[1]))
    return ((HOME, names[HOME]), *others)


def country_choices(lang: str = DEFAULT_LANGUAGE) -> list[tuple[str, str]]:
    """(code, name) for every country, Morocco first, then by name."""
    return list(_choices(ui_language(lang)))


def _code(code: str) -> str:
    return code.strip().upper()


def country_name(code: str | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """Name of ``code`` in ``lang``; "" when there is no code or it is not a country."""
    if not code:
        return ""
    return _names(ui_language(lang)).get(_code(code), "")


def is_country(code: str) -> bool:
    """True for an ISO 3166-1 alpha-2 code of a country offered in the choices (case-insensitive)."""
    return bool(code) and _code(code) in _names(DEFAULT_LANGUAGE)
