"""Cleaning and checking what a counsellor typed at intake, reporting every problem at once."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date

from hubdesk.domain.beneficiary import (
    BeneficiaryDraft,
    Consent,
    ExperienceEntry,
    LanguageEntry,
    PhoneEntry,
    SkillEntry,
)
from hubdesk.domain.countries import is_country
from hubdesk.domain.enums import IdDocumentType, SkillLevel, SkillSector
from hubdesk.domain.languages import is_language
from hubdesk.domain.phones import normalize_phone

MAX_NAME = 80
MAX_TEXT = 200
MAX_NOTE = 2000
MAX_EMAIL = 254
MAX_DOCUMENT_NUMBER = 30
MIN_AGE = 14  # the HUB serves people of working age
MAX_AGE = 100
MAX_SKILL_YEARS = 70
MAX_HOUSEHOLD = 30
FIRST_YEAR = 1950  # earliest arrival or job year taken as plausible
FIRST_REGISTRATION = date(2000, 1, 1)

REQUIRED = "Required"
IN_FUTURE = "Date is in the future"
UNKNOWN_COUNTRY = "Unknown country"

_EMAIL = re.compile(
    r"""
    (?!\.)(?!.*\.\.)[^@\s]+(?<!\.)              # local part: no spaces, no @, no dot at its ends
    @
    (?:[^\W_](?:[\w-]*[^\W_])?\.)+               # domain labels, IDN letters allowed
    (?:[^\W\d_]{2,}|xn--[a-z0-9-]+)              # top-level domain
    """,
    re.VERBOSE | re.IGNORECASE,
)
_DOCUMENT_SEPARATORS = re.compile(r"[\s\-‐‑‒–—−]+")
_DOCUMENT_NUMBER = re.compile(r"[A-Z0-9]+")
_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")


def clean_text(value: str) -> str:
    """Trim, collapse every whitespace run to one space, and compose to NFC; any script is kept."""
    return " ".join(unicodedata.normalize("NFC", value).split())


def _clean_note(value: str) -> str:
    # A note is read as paragraphs: keep line breaks, at most one empty line between paragraphs.
    lines = [clean_text(line) for line in unicodedata.normalize("NFC", value).splitlines()]
    text = "\n".join(lines).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text)


def validate_email(raw: str) -> str:
    """The address trimmed with its domain in lower case, or ValueError("Not a valid e-mail address")."""
    text = unicodedata.normalize("NFC", raw).strip()
    if len(text) > MAX_EMAIL or not _EMAIL.fullmatch(text):
        raise ValueError("Not a valid e-mail address")
    local, domain = text.rsplit("@", 1)
    return f"{local}@{domain.lower()}"


def _too_long(limit: int) -> str:
    return f"Too long: at most {limit} characters"


def _between(low: int, high: int) -> str:
    return f"Must be between {low} and {high}"


def _age_on(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def _has_letter(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _clean_code(code: str | None) -> str | None:
    return (code.strip().upper() or None) if code else None


class _Checker:
    """Collects errors while a cleaned copy of the draft is built."""

    def __init__(self, draft: BeneficiaryDraft, today: date) -> None:
        self.draft = draft
        self.today = today
        self.errors: dict[str, str] = {}

    def error(self, key: str, message: str) -> None:
        # The first problem of a field is the one to fix first; later checks must not hide it.
        self.errors.setdefault(key, message)

    def text(self, key: str, value: str, limit: int = MAX_TEXT) -> str:
        cleaned = clean_text(value)
        if len(cleaned) > limit:
            self.error(key, _too_long(limit))
        return cleaned

    def note(self, key: str, value: str) -> str:
        cleaned = _clean_note(value)
        if len(cleaned) > MAX_NOTE:
            self.error(key, _too_long(MAX_NOTE))
        return cleaned

    def year(self, key: str, value: int | None, low: int = FIRST_YEAR) -> None:
        if value is not None and not low <= value <= self.today.year:
            self.error(key, _between(low, self.today.year))

    def not_future(self, key: str, value: date | None, message: str = IN_FUTURE) -> None:
        if value is not None and value > self.today:
            self.error(key, message)

    # -- identity ---------------------------------------------------------------------------------

    def name(self, key: str, value: str) -> str:
        cleaned = clean_text(value)
        if not cleaned:
            self.error(key, REQUIRED)
        elif len(cleaned) > MAX_NAME:
            self.error(key, _too_long(MAX_NAME))
        elif not _has_letter(cleaned):
            self.error(key, "Must contain at least one letter")
        return cleaned

    def arabic_name(self, value: str) -> str:
        cleaned = clean_text(value)
        if not cleaned:
            return cleaned
        if len(cleaned) > MAX_NAME:
            self.error("arabic_name", _too_long(MAX_NAME))
        elif not any(ch.isalpha() and _ARABIC_LETTER.match(ch) for ch in cleaned):
            self.error("arabic_name", "Use Arabic script here")
        return cleaned

    def birth(self) -> int | None:
        """Check the date and year of birth; return the age when they give a plausible one."""
        birth_date, birth_year, today = self.draft.birth_date, self.draft.birth_year, self.today
        age: int | None = None
        if birth_date is not None:
            if birth_date > today:
                self.error("birth_date", "Date of birth is in the future")
            else:
                age = self._age("birth_date", _age_on(birth_date, today))
            if birth_year is not None and birth_year != birth_date.year:
                self.error("birth_year", "Does not match the date of birth")
        elif birth_year is not None:
            if birth_year > today.year:
                self.error("birth_year", "Year of birth is in the future")
            else:
                age = self._age("birth_year", today.year - birth_year)
        return age

    def _age(self, key: str, age: int) -> int | None:
        if age > MAX_AGE:
            self.error(key, f"Age over {MAX_AGE} years: check the date")
        elif age < MIN_AGE:
            self.error(key, f"Under {MIN_AGE} years old")
        else:
            return age
        return None

    def id_document(self) -> str:
        number = _DOCUMENT_SEPARATORS.sub("", unicodedata.normalize("NFC", self.draft.id_document_number))
        number = number.upper()
        if self.draft.id_document_type is IdDocumentType.NONE:
            if number:
                self.error("id_document_number", "No document type chosen")
            if self.draft.id_document_expiry is not None:
                self.error("id_document_expiry", "No document type chosen")
        elif not number:
            self.error("id_document_number", REQUIRED)
        elif len(number) > MAX_DOCUMENT_NUMBER:
            self.error("id_document_number", _too_long(MAX_DOCUMENT_NUMBER))
        elif not _DOCUMENT_NUMBER.fullmatch(number):
            self.error("id_document_number", "Use only letters and digits")
        # An expired document is still recorded: counsellors note the papers people actually hold.
        return number

    # -- contact ----------------------------------------------------------------------------------

    def phones(self) -> list[PhoneEntry]:
        kept: list[PhoneEntry] = []
        by_number: dict[str, PhoneEntry] = {}
        for i, entry in enumerate(self.draft.phones):
            typed = clean_text(entry.number)
            if not typed:
                continue
            try:
                number = normalize_phone(typed)
            except ValueError as exc:
                self.error(f"phones.{i}", str(exc))
                kept.append(PhoneEntry(typed, entry.whatsapp))
                continue
            if number in by_number:
                # The same number typed twice in two forms: keep one, on WhatsApp if either said so.
                by_number[number].whatsapp = by_number[number].whatsapp or entry.whatsapp
                continue
            by_number[number] = PhoneEntry(number, entry.whatsapp)
            kept.append(by_number[number])
        return kept

    def email(self) -> str:
        typed = clean_text(self.draft.email)
        if not typed:
            return typed
        try:
            return validate_email(typed)
        except ValueError as exc:
            self.error("email", str(exc))
            return typed

    # -- skills and languages ---------------------------------------------------------------------

    def languages(self) -> list[LanguageEntry]:
        kept: list[LanguageEntry] = []
        seen: set[str] = set()
        for i, entry in enumerate(self.draft.languages):
            code = entry.language.strip().lower()
            if not code:
                continue
            key = f"languages.{i}"
            if not is_language(code):
                self.error(key, "Unknown language")
            elif code in seen:
                self.error(key, "Listed twice")
            seen.add(code)
            kept.append(LanguageEntry(code, entry.level))
        return kept

    def diplomas(self) -> list[str]:
        kept: list[str] = []
        for i, diploma in enumerate(self.draft.diplomas):
            cleaned = self.text(f"diplomas.{i}", diploma)
            if cleaned:
                kept.append(cleaned)
        return kept

    def skills(self, age: int | None) -> list[SkillEntry]:
        kept: list[SkillEntry] = []
        for i, entry in enumerate(self.draft.skills):
            key = f"skills.{i}"
            name = self.text(f"{key}.name", entry.name)
            untouched = (
                entry.years is None
                and not entry.certified
                and entry.sector is SkillSector.OTHER
                and entry.level is SkillLevel.BEGINNER
            )
            if not name and untouched:
                continue
            if not name:
                self.error(f"{key}.name", REQUIRED)
            if entry.years is not None:
                if not 0 <= entry.years <= MAX_SKILL_YEARS:
                    self.error(f"{key}.years", _between(0, MAX_SKILL_YEARS))
                elif age is not None and entry.years > age:
                    self.error(f"{key}.years", "More years than the person's age")
            kept.append(replace(entry, name=name))
        return kept

    def experiences(self) -> list[ExperienceEntry]:
        kept: list[ExperienceEntry] = []
        for i, entry in enumerate(self.draft.experiences):
            key = f"experiences.{i}"
            job = self.text(f"{key}.job", entry.job)
            employer = self.text(f"{key}.employer", entry.employer)
            country = _clean_code(entry.country)
            if not (job or employer or country) and entry.start_year is None and entry.end_year is None:
                continue
            if not job:
                self.error(f"{key}.job", REQUIRED)
            if country is not None and not is_country(country):
                self.error(f"{key}.country", UNKNOWN_COUNTRY)
            start, end = entry.start_year, entry.end_year
            self.year(f"{key}.start_year", start)
            self.year(f"{key}.end_year", end)
            if start is not None and end is not None and end < start:
                self.error(f"{key}.end_year", "Ends before it starts")
            kept.append(replace(entry, job=job, employer=employer, country=country))
        return kept

    # -- household and consent --------------------------------------------------------------------

    def household(self) -> None:
        size, dependents = self.draft.household_size, self.draft.dependents
        if size is not None and not 1 <= size <= MAX_HOUSEHOLD:
            self.error("household_size", _between(1, MAX_HOUSEHOLD))
            size = None  # a wrong size says nothing about the dependents
        if dependents is not None:
            if not 0 <= dependents <= MAX_HOUSEHOLD:
                self.error("dependents", _between(0, MAX_HOUSEHOLD))
            elif size is not None and dependents >= size:
                self.error("dependents", "Must be fewer than the household size")

    def consent(self) -> Consent:
        consent = self.draft.consent
        given, withdrawn = consent.given_on, consent.withdrawn_on
        self.not_future("consent.given_on", given)
        self.not_future("consent.withdrawn_on", withdrawn)
        if given is None and (consent.purposes or withdrawn is not None):
            self.error("consent.given_on", "Date of consent required")
        if given is not None and withdrawn is not None and withdrawn < given:
            self.error("consent.withdrawn_on", "Withdrawn before it was given")
        return Consent(given, set(consent.purposes), withdrawn)


def validate_beneficiary(draft: BeneficiaryDraft, today: date) -> tuple[BeneficiaryDraft, dict[str, str]]:
    """A cleaned copy of ``draft`` and every problem found, as field key -> English message.

    Keys are attribute names, "consent.given_on", or "<list>.<row>[.<attribute>]" where the row is the
    index in the input draft (what the form shows), e.g. "phones.0", "skills.2.years". Rows left empty
    are dropped from the copy; a value that fails a check is kept as typed. ``draft`` is not modified.
    """
    check = _Checker(draft, today)

    first_name = check.name("first_name", draft.first_name)
    last_name = check.name("last_name", draft.last_name)
    arabic_name = check.arabic_name(draft.arabic_name)
    if draft.sex is None:
        check.error("sex", REQUIRED)
    nationality = _clean_code(draft.nationality)
    if nationality is None:
        check.error("nationality", REQUIRED)
    elif not is_country(nationality):
        check.error("nationality", UNKNOWN_COUNTRY)
    if draft.migration_status is None:
        check.error("migration_status", REQUIRED)
    if draft.registered_on is None:
        check.error("registered_on", REQUIRED)
    else:
        check.not_future("registered_on", draft.registered_on)
        if draft.registered_on < FIRST_REGISTRATION:
            check.error("registered_on", "Date before 2000: check the date")

    age = check.birth()
    check.year("arrival_year", draft.arrival_year)
    birth_year = draft.birth_date.year if draft.birth_date is not None else draft.birth_year
    if draft.arrival_year is not None and birth_year is not None and draft.arrival_year < birth_year:
        check.error("arrival_year", "Arrival before the year of birth")

    cleaned = replace(
        draft,
        first_name=first_name,
        last_name=last_name,
        arabic_name=arabic_name,
        nationality=nationality,
        id_document_number=check.id_document(),
        phones=check.phones(),
        email=check.email(),
        neighbourhood=check.text("neighbourhood", draft.neighbourhood),
        city=check.text("city", draft.city),
        languages=check.languages(),
        diplomas=check.diplomas(),
        skills=check.skills(age),
        experiences=check.experiences(),
        disability_note=check.note("disability_note", draft.disability_note),
        referring_organisation=check.text("referring_organisation", draft.referring_organisation),
        counsellor_id=(draft.counsellor_id or "").strip() or None,
        consent=check.consent(),
    )
    check.household()
    return cleaned, check.errors
