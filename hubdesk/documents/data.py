"""What each document is given: plain data classes, never database records.

The services build these from the records; the renderers print exactly what they hold, so a
field that is empty (or not disclosed) leaves no label behind.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

from hubdesk.domain.beneficiary import BeneficiaryDraft
from hubdesk.domain.enums import (
    EducationLevel,
    IdDocumentType,
    LanguageLevel,
    ReferralPriority,
    SkillLevel,
    SupportKind,
)
from hubdesk.domain.vocabulary import LANGUAGES as LANGUAGES  # document languages, French first


@dataclass(frozen=True)
class Letterhead:
    """The organisation as printed at the top of a page, already in the document's language."""

    name: str
    address: str = ""
    phone: str = ""
    email: str = ""
    #: image files (association first, then partners); unreadable ones are left out when printing
    logos: tuple[Path, ...] = ()
    #: place of issue: "Tanger, le 29 novembre 2026"
    city: str = "Tanger"


@dataclass(frozen=True)
class Stamp:
    """What makes a paper provably issued: its register number and verification code."""

    number: str  # e.g. "LTR-TNG-2026-00012"
    verification_code: str  # e.g. "K7QM4-XPT9C"
    issued_on: date


@dataclass(frozen=True)
class Signatory:
    name: str
    title: str = ""
    phone: str = ""


@dataclass(frozen=True)
class PersonRef:
    """A person as a document may name them. Empty fields are not printed."""

    code: str  # TNG-2026-00042
    first_name: str = ""
    last_name: str = ""
    arabic_name: str = ""
    birth_date: date | None = None
    birth_year: int | None = None
    nationality: str | None = None  # ISO 3166 alpha-2
    id_document_type: IdDocumentType | None = None
    id_document_number: str = ""

    @property
    def latin_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name.upper()) if part)


@dataclass(frozen=True)
class Disclosure:
    """What the person agreed to share with the partner; what is not agreed never prints."""

    name: bool = False  # otherwise the code only
    birth_date: bool = False
    nationality: bool = False
    id_document: bool = False
    profile: bool = False  # education, languages, skills

    @classmethod
    def everything(cls) -> Disclosure:
        return cls(True, True, True, True, True)


@dataclass(frozen=True)
class ProfileSummary:
    education_level: EducationLevel | None = None
    diplomas: tuple[str, ...] = ()
    languages: tuple[tuple[str, LanguageLevel], ...] = ()  # (ISO 639 code, level)
    skills: tuple[tuple[str, SkillLevel], ...] = ()  # (skill as typed, level)


@dataclass(frozen=True)
class ReferralLetterData:
    stamp: Stamp
    letterhead: Letterhead
    referral_number: str  # the referral's own code (REF-2026-0007), carried by the feedback slip
    partner: str  # e.g. "ANAPEC — agence Tanger Ibn Batouta"
    person: PersonRef
    disclosure: Disclosure
    counsellor: Signatory
    service: str = ""  # service or programme, e.g. "Programme Idmaj"
    contact_person: str = ""
    partner_address: str = ""
    subject: str = ""
    reason: str = ""
    service_requested: str = ""
    priority: ReferralPriority = ReferralPriority.NORMAL
    profile: ProfileSummary | None = None


@dataclass(frozen=True)
class CertificateData:
    stamp: Stamp
    letterhead: Letterhead
    person: PersonRef  # name(s) as they should read on the certificate
    training_title: str
    start_date: date
    end_date: date
    signatory: Signatory
    hours: float | None = None
    place: str = ""


@dataclass(frozen=True)
class AttestationData:
    stamp: Stamp
    letterhead: Letterhead
    person: PersonRef
    since: date
    signatory: Signatory
    until: date | None = None  # None: still accompanied
    supports: tuple[SupportKind, ...] = ()
    #: optional sentence on what the attestation is for ("for a loan application")
    purpose: str = ""


@dataclass(frozen=True)
class SummarySection:
    """An extra table on the summary sheet (sessions, referrals… added by later features)."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class SummarySheetData:
    stamp: Stamp
    letterhead: Letterhead
    code: str
    person: BeneficiaryDraft
    counsellor: str = ""
    prepared_by: str = ""
    sections: tuple[SummarySection, ...] = field(default_factory=tuple)


def _in(texts: dict[str, str], lang: str) -> str:
    """The text in ``lang``, else French, else any language given."""
    for key in (lang, "fr", *texts):
        if texts.get(key, "").strip():
            return texts[key].strip()
    return ""


@dataclass(frozen=True)
class OrganisationProfile:
    """The organisation settings every document is printed with (texts per document language)."""

    names: dict[str, str] = field(
        default_factory=lambda: {
            "fr": "HUB — Centre d'orientation et d'accompagnement vers l'emploi et l'entrepreneuriat",
            "ar": "الهب — مركز التوجيه والمواكبة نحو الشغل والمقاولة",
            "en": "HUB — Employment and Entrepreneurship Guidance Centre",
        }
    )
    addresses: dict[str, str] = field(default_factory=lambda: {"fr": "Tanger", "ar": "طنجة", "en": "Tangier"})
    cities: dict[str, str] = field(default_factory=lambda: {"fr": "Tanger", "ar": "طنجة", "en": "Tangier"})
    phone: str = ""
    email: str = ""
    logos: tuple[Path, ...] = ()
    signatory_name: str = ""
    signatory_titles: dict[str, str] = field(
        default_factory=lambda: {"fr": "Coordinateur du HUB", "ar": "منسق الهب", "en": "HUB Coordinator"}
    )
    site_code: str = "TNG"

    def letterhead(self, lang: str) -> Letterhead:
        return Letterhead(
            name=_in(self.names, lang),
            address=_in(self.addresses, lang),
            phone=self.phone.strip(),
            email=self.email.strip(),
            logos=self.logos,
            city=_in(self.cities, lang),
        )

    def signatory(self, lang: str) -> Signatory:
        return Signatory(name=self.signatory_name.strip(), title=_in(self.signatory_titles, lang))


def _plain(value: Any) -> Any:
    """``value`` as JSON-ready data in a fixed order (sets sorted, enums and paths as text)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return sorted((_plain(v) for v in value), key=repr)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, date | Path):
        return str(value)
    return value


def fingerprint(data: object, lang: str) -> str:
    """SHA-256 of what a document says in ``lang``: equal for the same document printed again."""
    text = json.dumps([type(data).__name__, lang, _plain(data)], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
