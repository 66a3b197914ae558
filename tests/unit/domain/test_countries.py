from __future__ import annotations

import unicodedata

import pytest

from hubdesk.domain.countries import country_choices, country_name, is_country, sort_key
from hubdesk.domain.languages import (
    COMMON_LANGUAGES,
    is_language,
    language_choices,
    language_name,
)


def _plain(name: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)).casefold()


@pytest.mark.parametrize(("lang", "morocco"), [("fr", "Maroc"), ("ar", "المغرب"), ("en", "Morocco")])
def test_morocco_first(lang: str, morocco: str) -> None:
    assert country_choices(lang)[0] == ("MA", morocco)


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_choices_are_countries_once(lang: str) -> None:
    choices = country_choices(lang)
    codes = [code for code, _ in choices]
    assert len(codes) == len(set(codes))
    assert all(len(code) == 2 and code.isalpha() and code.isupper() for code in codes)
    assert all(name for _, name in choices)
    assert {"SN", "CI", "ML", "GN", "CM", "CD", "NG", "SY", "YE", "SD", "XK", "ES", "FR"} <= set(codes)
    assert not {"ZZ", "EU", "EZ", "UN", "QO", "XA", "XB", "EA", "IC"} & set(codes)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_rest_sorted_by_name_ignoring_accents(lang: str) -> None:
    names = [name for _, name in country_choices(lang)[1:]]
    assert [_plain(name) for name in names] == sorted(_plain(name) for name in names)


def test_french_accented_names_sort_with_their_letter() -> None:
    names = [name for _, name in country_choices("fr")]
    assert names.index("Équateur") < names.index("Espagne") < names.index("Éthiopie") < names.index("Fidji")
    assert names.index("Îles Salomon") < names.index("Inde") < names.index("Islande")
    assert names.index("Égypte") < names.index("France")


def test_sort_key_is_accent_and_case_insensitive() -> None:
    assert sort_key("Égypte")[0] == sort_key("egypte")[0]


def test_unsupported_language_falls_back_to_french() -> None:
    assert country_choices("de") == country_choices("fr")
    assert country_choices("fr_MA") == country_choices("fr")


def test_choices_are_a_fresh_list() -> None:
    country_choices("fr").clear()
    assert country_choices("fr")


@pytest.mark.parametrize(
    ("code", "lang", "name"),
    [
        ("SN", "fr", "Sénégal"),
        ("CI", "fr", "Côte d’Ivoire"),
        ("CD", "fr", "Congo-Kinshasa"),
        ("MA", "fr", "Maroc"),
        ("ma", "fr", "Maroc"),
        ("SN", "en", "Senegal"),
        ("MA", "ar", "المغرب"),
        ("SN", "ar", "السنغال"),
        ("SN", "xx", "Sénégal"),
        (None, "fr", ""),
        ("", "fr", ""),
        ("QQ", "fr", ""),
        ("EU", "fr", ""),
    ],
)
def test_country_name(code: str | None, lang: str, name: str) -> None:
    assert country_name(code, lang) == name


def test_arabic_names_non_empty_and_arabic() -> None:
    for _, name in country_choices("ar"):
        assert name.strip()
    assert any("\u0600" <= ch <= "\u06ff" for ch in country_name("CM", "ar"))


@pytest.mark.parametrize(
    ("code", "known"),
    [("MA", True), ("sn", True), ("XK", True), ("ZZ", False), ("EU", False), ("UN", False), ("", False)],
)
def test_is_country(code: str, known: bool) -> None:
    assert is_country(code) is known


# -- languages (same babel data, tested here to keep one module per concern in the source) --


def test_common_languages_known() -> None:
    for code in COMMON_LANGUAGES:
        assert is_language(code), code
        for lang in ("fr", "ar", "en"):
            assert language_name(code, lang) != code, (code, lang)


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_language_choices_common_first_then_sorted(lang: str) -> None:
    choices = language_choices(lang)
    head = [code for code, _ in choices[: len(COMMON_LANGUAGES)]]
    assert head == list(COMMON_LANGUAGES)
    rest = choices[len(COMMON_LANGUAGES) :]
    codes = [code for code, _ in choices]
    assert len(codes) == len(set(codes))
    assert not set(COMMON_LANGUAGES) & {code for code, _ in rest}
    if lang != "ar":
        assert [_plain(name) for _, name in rest] == sorted(_plain(name) for _, name in rest)
    assert all(2 <= len(code) <= 3 for code in codes)


@pytest.mark.parametrize(
    ("code", "lang", "name"),
    [
        ("ary", "fr", "Arabe dialectal marocain (darija)"),
        ("ary", "ar", "الدارجة المغربية"),
        ("ary", "en", "Moroccan Arabic (Darija)"),
        ("wo", "fr", "Wolof"),
        ("fr", "fr", "Français"),
        ("ar", "ar", "العربية"),
        ("ff", "en", "Fula"),
        ("kri", "ar", "Krio"),  # no Arabic name: English one
        ("qqq", "fr", "qqq"),
    ],
)
def test_language_name(code: str, lang: str, name: str) -> None:
    assert language_name(code, lang) == name


@pytest.mark.parametrize(
    ("code", "known"),
    [("ar", True), ("ary", True), ("ARY", True), ("zgh", True), ("sus", True), ("und", False), ("xx", False)],
)
def test_is_language(code: str, known: bool) -> None:
    assert is_language(code) is known
