"""Between the intake draft and the database rows: copy, snapshot for the audit, search keys."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from datetime import date
from enum import Enum
from typing import Any

from hubdesk.db.models import Beneficiary, Diploma, LanguageSkill, Phone, Skill, WorkExperience
from hubdesk.domain import names, phones
from hubdesk.domain.beneficiary import (
    BeneficiaryDraft,
    Consent,
    ExperienceEntry,
    LanguageEntry,
    PhoneEntry,
    SkillEntry,
)
from hubdesk.domain.codes import code_search_key
from hubdesk.domain.enums import (
    ConsentPurpose,
    EducationLevel,
    HeardFrom,
    IdDocumentType,
    LanguageLevel,
    MigrationStatus,
    Occupation,
    Sex,
    SkillLevel,
    SkillSector,
)
from hubdesk.domain.matching import PersonFacts

_SCALARS = (
    "first_name",
    "last_name",
    "arabic_name",
    "birth_date",
    "birth_year",
    "nationality",
    "arrival_year",
    "id_document_number",
    "id_document_expiry",
    "email",
    "neighbourhood",
    "city",
    "has_disability",
    "disability_note",
    "household_size",
    "dependents",
    "registered_on",
    "referring_organisation",
    "counsellor_id",
)
_ENUMS: dict[str, type[Enum]] = {
    "sex": Sex,
    "migration_status": MigrationStatus,
    "id_document_type": IdDocumentType,
    "education_level": EducationLevel,
    "occupation": Occupation,
    "heard_from": HeardFrom,
}


def sort_name(first_name: str, last_name: str) -> str:
    return f"{names.normalize(last_name)} {names.normalize(first_name)}".strip()[:170]


def apply_draft(row: Beneficiary, draft: BeneficiaryDraft, user_id: str | None) -> None:
    """Copy a validated draft onto the row, replacing its lists."""
    for name in _SCALARS:
        setattr(row, name, getattr(draft, name))
    for name in _ENUMS:
        value = getattr(draft, name)
        setattr(row, name, str(value) if value is not None else None)
    row.id_document_type = str(draft.id_document_type)
    row.sort_name = sort_name(draft.first_name, draft.last_name)
    row.consent_given_on = draft.consent.given_on
    row.consent_purposes = " ".join(sorted(p.value for p in draft.consent.purposes))
    row.consent_withdrawn_on = draft.consent.withdrawn_on
    row.updated_by = user_id
    stamp = {"created_by": user_id, "updated_by": user_id}
    row.phones = [Phone(number=p.number, whatsapp=p.whatsapp, position=i, **stamp) for i, p in enumerate(draft.phones)]
    row.languages = [
        LanguageSkill(language=lang.language, level=lang.level.value, position=i, **stamp)
        for i, lang in enumerate(draft.languages)
    ]
    row.diplomas = [Diploma(title=t, position=i, **stamp) for i, t in enumerate(draft.diplomas)]
    row.skills = [
        Skill(
            name=s.name,
            sector=s.sector.value,
            level=s.level.value,
            years=s.years,
            certified=s.certified,
            position=i,
            **stamp,
        )
        for i, s in enumerate(draft.skills)
    ]
    row.experiences = [
        WorkExperience(
            job=e.job,
            employer=e.employer,
            country=e.country,
            start_year=e.start_year,
            end_year=e.end_year,
            position=i,
            **stamp,
        )
        for i, e in enumerate(draft.experiences)
    ]


def to_draft(row: Beneficiary) -> BeneficiaryDraft:
    values: dict[str, Any] = {name: getattr(row, name) for name in _SCALARS}
    for name, enum in _ENUMS.items():
        raw = getattr(row, name)
        values[name] = enum(raw) if raw else None
    values["id_document_type"] = IdDocumentType(row.id_document_type or "none")
    values["consent"] = Consent(
        given_on=row.consent_given_on,
        purposes={ConsentPurpose(p) for p in row.consent_purposes.split()},
        withdrawn_on=row.consent_withdrawn_on,
    )
    values["phones"] = [PhoneEntry(p.number, p.whatsapp) for p in row.phones]
    values["languages"] = [LanguageEntry(lang.language, LanguageLevel(lang.level)) for lang in row.languages]
    values["diplomas"] = [d.title for d in row.diplomas]
    values["skills"] = [
        SkillEntry(s.name, SkillSector(s.sector), SkillLevel(s.level), s.years, s.certified) for s in row.skills
    ]
    values["experiences"] = [
        ExperienceEntry(e.job, e.employer, e.country, e.start_year, e.end_year) for e in row.experiences
    ]
    return BeneficiaryDraft(**values)


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, set | frozenset):
        return sorted(_plain(v) for v in value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def snapshot(draft: BeneficiaryDraft) -> dict[str, Any]:
    """JSON-able picture of a draft, one key per field, for audit diffs."""
    return {name: _plain(value) for name, value in asdict(draft).items()}


def search_keys_for(code: str, draft: BeneficiaryDraft) -> set[str]:
    keys = names.search_keys(draft.first_name, draft.last_name, draft.arabic_name)
    keys.add(code_search_key(code))
    keys.add(code.rsplit("-", 1)[-1])  # the running number alone: "00042"
    for phone in draft.phones:
        keys.update(phones.phone_search_keys(phone.number))
    if draft.id_document_number:
        keys.add(code_search_key(draft.id_document_number))
    return {k[:120] for k in keys if k}


def match_keys_for(draft: BeneficiaryDraft) -> set[str]:
    return {k[:60] for k in names.blocking_keys(draft.first_name, draft.last_name, draft.arabic_name)}


def person_facts(
    first_name: str,
    last_name: str,
    arabic_name: str,
    birth_date: date | None,
    birth_year: int | None,
    phones: Iterable[str],
    document_number: str,
) -> PersonFacts:
    """What duplicate matching compares; a full birth date also gives the year."""
    return PersonFacts(
        first_name=first_name,
        last_name=last_name,
        arabic_name=arabic_name,
        birth_date=birth_date,
        birth_year=birth_date.year if birth_date is not None else birth_year,
        phones=frozenset(phones),
        document_number=document_number,
    )


def facts_of(draft: BeneficiaryDraft) -> PersonFacts:
    return person_facts(
        draft.first_name,
        draft.last_name,
        draft.arabic_name,
        draft.birth_date,
        draft.birth_year,
        (p.number for p in draft.phones),
        draft.id_document_number,
    )
