"""Where the demo people come from: names, statuses, languages, schooling, phones and papers per country."""

from __future__ import annotations

from dataclasses import dataclass

from hubdesk.domain.enums import LanguageLevel, MigrationStatus
from hubdesk.services.demo.draws import _Pick, _zipf
from hubdesk.services.demo.names import (
    _ARAB_FEMALE,
    _ARAB_MALE,
    _BF_FEMALE,
    _BF_LAST,
    _BF_MALE,
    _CD_FEMALE,
    _CD_LAST,
    _CD_MALE,
    _CF_FEMALE,
    _CF_LAST,
    _CF_MALE,
    _CI_FEMALE,
    _CI_LAST,
    _CI_MALE,
    _CM_FEMALE,
    _CM_LAST,
    _CM_MALE,
    _GM_FEMALE,
    _GM_LAST,
    _GM_MALE,
    _GN_FEMALE,
    _GN_LAST,
    _GN_MALE,
    _MA_FEMALE,
    _MA_LAST,
    _MA_MALE,
    _ML_FEMALE,
    _ML_LAST,
    _ML_MALE,
    _NG_FEMALE,
    _NG_LAST,
    _NG_MALE,
    _SD_LAST,
    _SN_FEMALE,
    _SN_LAST,
    _SN_MALE,
    _SY_LAST,
    _TD_FEMALE,
    _TD_LAST,
    _TD_MALE,
    _YE_LAST,
    _Name,
)

_S = MigrationStatus
_L = LanguageLevel
_LEVELS = (_L.A1, _L.A2, _L.B1, _L.B2, _L.C1, _L.C2)


@dataclass(frozen=True)
class _Origin:
    country: str
    weight: float
    female_share: float
    male: _Pick[_Name]
    female: _Pick[_Name]
    last: _Pick[_Name]
    status: _Pick[MigrationStatus]
    #: mother tongue(s): one is picked
    native: _Pick[str]
    #: other languages: (code, probability, lowest level index, highest level index in _LEVELS)
    extra: tuple[tuple[str, float, int, int], ...]
    zone: str  # school system: "ma", "fr", "en", "ar"
    mobile: tuple[str, tuple[str, ...], int]  # country calling code, mobile prefixes, national length
    arabic_script: bool = False


def _origin(
    country: str,
    weight: float,
    female_share: float,
    names: tuple[tuple[_Name, ...], tuple[_Name, ...], tuple[_Name, ...]],
    status: dict[MigrationStatus, float],
    native: dict[str, float],
    extra: tuple[tuple[str, float, int, int], ...],
    zone: str,
    mobile: tuple[str, tuple[str, ...], int],
    arabic_script: bool = False,
) -> _Origin:
    male, female, last = names
    return _Origin(
        country,
        weight,
        female_share,
        _zipf(male),
        _zipf(female),
        _zipf(last, 0.7),
        _Pick(list(status.items())),
        _Pick(list(native.items())),
        extra,
        zone,
        mobile,
        arabic_script,
    )


_WEST_AFRICAN_ARRIVALS = ("ary", 0.35, 0, 2)  # Darija picked up in Tangier

_ORIGINS: tuple[_Origin, ...] = (
    _origin(
        "MA", 45, 0.46, (_MA_MALE, _MA_FEMALE, _MA_LAST),
        {_S.MOROCCAN: 0.88, _S.RETURNEE: 0.12},
        {"ary": 0.86, "rif": 0.1, "zgh": 0.04},
        (("ar", 0.95, 2, 5), ("fr", 0.75, 0, 4), ("es", 0.35, 0, 3), ("en", 0.3, 0, 3)),
        "ma", ("212", (), 9), arabic_script=True,
    ),
    _origin(
        "SN", 9, 0.35, (_SN_MALE, _SN_FEMALE, _SN_LAST),
        {_S.REGULAR_MIGRANT: 0.55, _S.IRREGULAR: 0.25, _S.ASYLUM_SEEKER: 0.06, _S.REFUGEE_UNHCR: 0.04,
         _S.OTHER: 0.1},
        {"wo": 0.7, "ff": 0.2, "srr": 0.05, "dyo": 0.05},
        (("fr", 0.95, 1, 4), ("ar", 0.2, 0, 1), _WEST_AFRICAN_ARRIVALS, ("es", 0.15, 0, 2),
         ("en", 0.15, 0, 2)),
        "fr", ("221", ("77", "78", "76", "70", "75"), 9),
    ),
    _origin(
        "GN", 9, 0.3, (_GN_MALE, _GN_FEMALE, _GN_LAST),
        {_S.REGULAR_MIGRANT: 0.25, _S.IRREGULAR: 0.35, _S.ASYLUM_SEEKER: 0.2, _S.REFUGEE_UNHCR: 0.12,
         _S.OTHER: 0.08},
        {"ff": 0.45, "sus": 0.3, "man": 0.25},
        (("fr", 0.9, 0, 4), _WEST_AFRICAN_ARRIVALS, ("en", 0.1, 0, 2), ("es", 0.1, 0, 1)),
        "fr", ("224", ("62", "66", "65", "61"), 9),
    ),
    _origin(
        "CI", 8, 0.4, (_CI_MALE, _CI_FEMALE, _CI_LAST),
        {_S.REGULAR_MIGRANT: 0.35, _S.IRREGULAR: 0.35, _S.ASYLUM_SEEKER: 0.15, _S.REFUGEE_UNHCR: 0.08,
         _S.OTHER: 0.07},
        {"fr": 0.5, "dyu": 0.5},
        (("fr", 1.0, 3, 5), _WEST_AFRICAN_ARRIVALS, ("en", 0.2, 0, 2), ("es", 0.1, 0, 1)),
        "fr", ("225", ("07", "05", "01"), 10),
    ),
    _origin(
        "ML", 5, 0.3, (_ML_MALE, _ML_FEMALE, _ML_LAST),
        {_S.REGULAR_MIGRANT: 0.2, _S.IRREGULAR: 0.35, _S.ASYLUM_SEEKER: 0.2, _S.REFUGEE_UNHCR: 0.18,
         _S.OTHER: 0.07},
        {"bm": 0.75, "snk": 0.15, "ff": 0.1},
        (("fr", 0.8, 0, 4), ("ar", 0.15, 0, 2), _WEST_AFRICAN_ARRIVALS, ("es", 0.1, 0, 1)),
        "fr", ("223", ("76", "79", "66", "65", "70", "73", "74", "75", "77", "78", "90", "91", "92"), 8),
    ),
    _origin(
        "CM", 5, 0.4, (_CM_MALE, _CM_FEMALE, _CM_LAST),
        {_S.REGULAR_MIGRANT: 0.3, _S.IRREGULAR: 0.35, _S.ASYLUM_SEEKER: 0.18, _S.REFUGEE_UNHCR: 0.12,
         _S.OTHER: 0.05},
        {"fr": 0.55, "ewo": 0.15, "bas": 0.1, "dua": 0.1, "en": 0.1},
        (("fr", 1.0, 4, 5), ("en", 0.45, 1, 4), _WEST_AFRICAN_ARRIVALS, ("es", 0.1, 0, 2)),
        "fr", ("237", ("67", "69", "65", "68", "66"), 9),
    ),
    _origin(
        "CD", 4, 0.45, (_CD_MALE, _CD_FEMALE, _CD_LAST),
        {_S.REGULAR_MIGRANT: 0.15, _S.IRREGULAR: 0.2, _S.ASYLUM_SEEKER: 0.3, _S.REFUGEE_UNHCR: 0.3,
         _S.REFUGEE_MOROCCO: 0.05},
        {"ln": 0.6, "sw": 0.2, "lua": 0.1, "kg": 0.1},
        (("fr", 1.0, 2, 5), ("en", 0.2, 0, 3), ("ary", 0.25, 0, 2), ("es", 0.1, 0, 1)),
        "fr", ("243", ("81", "82", "84", "85", "89", "97", "99"), 9),
    ),
    _origin(
        "NG", 3, 0.4, (_NG_MALE, _NG_FEMALE, _NG_LAST),
        {_S.REGULAR_MIGRANT: 0.2, _S.IRREGULAR: 0.5, _S.ASYLUM_SEEKER: 0.15, _S.REFUGEE_UNHCR: 0.05,
         _S.OTHER: 0.1},
        {"ig": 0.35, "yo": 0.35, "ha": 0.2, "pcm": 0.1},
        (("en", 1.0, 3, 5), ("fr", 0.2, 0, 1), ("ary", 0.25, 0, 1), ("es", 0.1, 0, 1)),
        "en",
        ("234", ("803", "806", "813", "816", "703", "706", "802", "808", "812", "902", "905", "810"), 10),
    ),
    _origin(
        "SD", 4, 0.2, (_ARAB_MALE, _ARAB_FEMALE, _SD_LAST),
        {_S.REFUGEE_UNHCR: 0.45, _S.ASYLUM_SEEKER: 0.35, _S.REFUGEE_MOROCCO: 0.1, _S.REGULAR_MIGRANT: 0.05,
         _S.IRREGULAR: 0.05},
        {"ar": 1.0},
        (("en", 0.5, 1, 3), ("ary", 0.4, 1, 3), ("fr", 0.1, 0, 1)),
        "ar", ("249", ("91", "92", "90", "96", "99", "12", "11"), 9), arabic_script=True,
    ),
    _origin(
        "SY", 2.5, 0.4, (_ARAB_MALE, _ARAB_FEMALE, _SY_LAST),
        {_S.REFUGEE_UNHCR: 0.5, _S.ASYLUM_SEEKER: 0.2, _S.REFUGEE_MOROCCO: 0.15, _S.REGULAR_MIGRANT: 0.15},
        {"ar": 0.92, "ku": 0.08},
        (("ar", 1.0, 4, 5), ("en", 0.45, 0, 3), ("ary", 0.4, 1, 3), ("fr", 0.15, 0, 2), ("tr", 0.1, 0, 2)),
        "ar", ("963", ("93", "94", "95", "96", "98", "99"), 9), arabic_script=True,
    ),
    _origin(
        "YE", 1.5, 0.25, (_ARAB_MALE, _ARAB_FEMALE, _YE_LAST),
        {_S.REFUGEE_UNHCR: 0.45, _S.ASYLUM_SEEKER: 0.3, _S.REFUGEE_MOROCCO: 0.1, _S.REGULAR_MIGRANT: 0.15},
        {"ar": 1.0},
        (("en", 0.45, 0, 3), ("ary", 0.35, 1, 3), ("fr", 0.1, 0, 1)),
        "ar", ("967", ("77", "73", "71", "70"), 9), arabic_script=True,
    ),
    _origin(
        "GM", 1.2, 0.25, (_GM_MALE, _GM_FEMALE, _GM_LAST),
        {_S.REGULAR_MIGRANT: 0.3, _S.IRREGULAR: 0.4, _S.ASYLUM_SEEKER: 0.15, _S.REFUGEE_UNHCR: 0.05,
         _S.OTHER: 0.1},
        {"man": 0.4, "wo": 0.3, "ff": 0.2, "snk": 0.1},
        (("en", 0.95, 2, 4), ("fr", 0.15, 0, 1), _WEST_AFRICAN_ARRIVALS, ("es", 0.1, 0, 1)),
        "en", ("220", ("7", "3", "2", "9"), 7),
    ),
    _origin(
        "BF", 1.2, 0.3, (_BF_MALE, _BF_FEMALE, _BF_LAST),
        {_S.REGULAR_MIGRANT: 0.3, _S.IRREGULAR: 0.4, _S.ASYLUM_SEEKER: 0.15, _S.REFUGEE_UNHCR: 0.1,
         _S.OTHER: 0.05},
        {"mos": 0.6, "dyu": 0.2, "ff": 0.2},
        (("fr", 0.85, 0, 4), _WEST_AFRICAN_ARRIVALS, ("en", 0.1, 0, 1)),
        "fr", ("226", ("70", "76", "78", "75", "65", "66", "60", "51", "71", "72", "74", "77"), 8),
    ),
    _origin(
        "TD", 0.8, 0.3, (_TD_MALE, _TD_FEMALE, _TD_LAST),
        {_S.ASYLUM_SEEKER: 0.35, _S.REFUGEE_UNHCR: 0.35, _S.IRREGULAR: 0.15, _S.REGULAR_MIGRANT: 0.15},
        {"shu": 0.6, "sba": 0.4},
        (("fr", 0.8, 1, 4), ("ar", 0.5, 2, 4), ("ary", 0.3, 0, 2)),
        "fr", ("235", ("63", "66", "65", "99", "90", "92", "60", "62", "93", "95", "98"), 8),
    ),
    _origin(
        "CF", 0.8, 0.4, (_CF_MALE, _CF_FEMALE, _CF_LAST),
        {_S.REFUGEE_UNHCR: 0.4, _S.ASYLUM_SEEKER: 0.35, _S.IRREGULAR: 0.15, _S.REGULAR_MIGRANT: 0.1},
        {"sg": 1.0},
        (("fr", 0.9, 2, 4), ("ary", 0.25, 0, 1), ("en", 0.1, 0, 1)),
        "fr", ("236", ("70", "72", "75", "77"), 8),
    ),
)  # fmt: skip

# Moroccan mobile numbers: 06 and 07 followed by 8 digits, on the prefixes phonenumbers accepts.
_MA_MOBILE_PREFIXES = _Pick(
    [(f"6{n:02d}", 0.7 / 97) for n in range(100) if n not in (83, 85, 86)]
    + [(f"7{n:02d}", 0.3 / 30) for n in (*range(10), *range(60, 80))]
)

# Papers: Moroccan identity card (CNIE) prefixes, and the letters of foreign document numbers.
_CNIE_PREFIXES = _Pick(
    [("K", 20), ("KB", 14), ("L", 10), ("LC", 6), ("LB", 4), ("BE", 6), ("BK", 4), ("BJ", 3), ("A", 4),
     ("AB", 3), ("BH", 3), ("G", 3), ("J", 3), ("JC", 2), ("Z", 2), ("ZG", 2), ("D", 2), ("X", 1)]
)  # fmt: skip
_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"

# Where returnees worked abroad, and where migrants worked on the way to Morocco.
_RETURN_COUNTRIES = _Pick([("ES", 45), ("FR", 15), ("IT", 15), ("BE", 10), ("NL", 8), ("DE", 7)])
_TRANSIT_COUNTRIES = _Pick([("DZ", 5), ("MR", 4), ("ML", 2), ("LY", 1)])
