"""Human codes people see instead of UUIDs: TNG-2026-00042, numbered per site and year."""

from __future__ import annotations

import re

DEFAULT_SITE = "TNG"

#: digits of the running number per kind of record
WIDTHS = {"beneficiary": 5, "referral": 4, "venture": 4, "training": 4}

#: the prefix of each kind of record's code, before the site
PREFIXES = {"referral": "REF", "venture": "PRJ", "training": "TRN"}

_SITE = re.compile(r"^[A-Z]{2,5}$")


def format_code(site: str, year: int, number: int, kind: str = "beneficiary") -> str:
    if not _SITE.match(site):
        raise ValueError(f"site code must be 2 to 5 capital letters, got {site!r}")
    if number < 1:
        raise ValueError("numbers start at 1")
    return f"{site}-{year:04d}-{number:0{WIDTHS[kind]}d}"


def code_search_key(code: str) -> str:
    """The form stored in the search index: lower case, no separators."""
    return re.sub(r"[^0-9a-z]", "", code.lower())


def prefixed_code(kind: str, site: str, year: int, number: int) -> str:
    """REF-TNG-2026-0007, PRJ-TNG-2026-0012, TRN-TNG-2026-0003: the site in the code keeps the records of
    two sites apart once they share a server."""
    return f"{PREFIXES[kind]}-{format_code(site, year, number, kind)}"


def referral_code(site: str, year: int, number: int) -> str:
    return prefixed_code("referral", site, year, number)


def _normalise(text: str, kind: str, prefix: str) -> str:
    """What a person typed, in the stored form of ``kind``'s codes; ``prefix`` ("" for a person) may be left out."""
    parts = re.findall(r"[A-Za-z]+|\d+", text)
    glued = re.fullmatch(rf"(?:{prefix})?([A-Z]{{2,5}})(\d{{4}})(\d{{1,6}})", re.sub(r"[^0-9A-Za-z]", "", text).upper())
    if len(parts) < 3 and glued:  # "reftng20260007", typed without any separator
        parts = list(glued.groups())
    if prefix and parts and parts[0].upper() == prefix:
        parts = parts[1:]
    if len(parts) != 3 or not parts[1].isdigit() or not parts[2].isdigit() or not parts[0].isalpha():
        return text.strip().upper()
    try:
        code = format_code(parts[0].upper(), int(parts[1]), int(parts[2]), kind)
    except ValueError:
        return text.strip().upper()
    return f"{prefix}-{code}" if prefix else code


def normalise_person_code(text: str) -> str:
    """A person's code as typed, in the stored form: ``tng 2026 42`` -> TNG-2026-00042."""
    return _normalise(text, "beneficiary", "")


def normalise_prefixed_code(text: str, kind: str) -> str:
    """What a person typed, in the stored form: ``ref tng 2026 7`` -> REF-TNG-2026-0007 (prefix optional)."""
    return _normalise(text, kind, PREFIXES[kind])


def normalise_referral_code(text: str) -> str:
    return normalise_prefixed_code(text, "referral")
