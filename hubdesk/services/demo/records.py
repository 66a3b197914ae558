"""A demo person's table rows and index keys, as ``apply_draft`` and ``reindex`` would write them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from hubdesk.domain.beneficiary import BeneficiaryDraft
from hubdesk.domain.enums import AuditAction
from hubdesk.services import beneficiary_mapping as mapping
from hubdesk.services.demo.accounts import DEMO_SITE
from hubdesk.services.demo.bulk import _Rows, _Values
from hubdesk.services.demo.draws import _Random, _uuid


class _Records:
    """Rows of each person, with the values converted as stored and the costly parts remembered."""

    def __init__(self, rng: _Random, values: _Values, usernames: dict[str, str]) -> None:
        self.rng = rng
        self.moment = values.moment
        self.store_day = values.day
        self.days: dict[date | None, Any] = {}
        self.sort_names: dict[tuple[str, str], str] = {}
        self.flag = values.flag
        self.usernames = usernames
        self.keys = _Keys()

    def sort_name(self, first: str, last: str) -> str:
        key = (first, last)
        value = self.sort_names.get(key)
        if value is None:
            value = self.sort_names[key] = mapping.sort_name(first, last)
        return value

    def day(self, value: date | None) -> Any:
        """A date as the column stores it (dates repeat a lot: converted once each)."""
        stored = self.days.get(value, self)
        if stored is self:
            stored = self.days[value] = self.store_day(value)
        return stored

    def add(self, draft: BeneficiaryDraft, code: str, person_id: str, at: datetime, rows: _Rows) -> None:
        """The table rows of one person, as ``apply_draft`` and ``reindex`` would write them."""
        rng = self.rng
        day = self.day
        flag = self.flag
        user_id = draft.counsellor_id
        moment = self.moment(at)
        stamp = {
            "created_at": moment,
            "updated_at": moment,
            "created_by": user_id,
            "updated_by": user_id,
            "deleted_at": None,
            "beneficiary_id": person_id,
        }
        consent = draft.consent
        sex, status, education = draft.sex, draft.migration_status, draft.education_level
        occupation, heard_from = draft.occupation, draft.heard_from
        rows.beneficiaries.append(
            {
                "id": person_id,
                "created_at": moment,
                "updated_at": moment,
                "created_by": user_id,
                "updated_by": user_id,
                "deleted_at": None,
                "code": code,
                "site": DEMO_SITE,
                "first_name": draft.first_name,
                "last_name": draft.last_name,
                "arabic_name": draft.arabic_name,
                "sort_name": self.sort_name(draft.first_name, draft.last_name),
                "sex": sex.value if sex is not None else None,
                "birth_date": day(draft.birth_date),
                "birth_year": draft.birth_year,
                "nationality": draft.nationality,
                "migration_status": status.value if status is not None else None,
                "arrival_year": draft.arrival_year,
                "id_document_type": draft.id_document_type.value,
                "id_document_number": draft.id_document_number,
                "id_document_expiry": day(draft.id_document_expiry),
                "email": draft.email,
                "neighbourhood": draft.neighbourhood,
                "city": draft.city,
                "education_level": education.value if education is not None else None,
                "occupation": occupation.value if occupation is not None else None,
                "has_disability": flag(draft.has_disability),
                "disability_note": draft.disability_note,
                "household_size": draft.household_size,
                "dependents": draft.dependents,
                "registered_on": day(draft.registered_on),
                "heard_from": heard_from.value if heard_from is not None else None,
                "referring_organisation": draft.referring_organisation,
                "counsellor_id": user_id,
                "consent_given_on": day(consent.given_on),
                "consent_purposes": " ".join(sorted(p.value for p in consent.purposes)),
                "consent_withdrawn_on": day(consent.withdrawn_on),
                "merged_into_id": None,
            }
        )
        for position, phone in enumerate(draft.phones):
            rows.phones.append(
                {
                    "id": _uuid(rng),
                    **stamp,
                    "position": position,
                    "number": phone.number,
                    "whatsapp": flag(phone.whatsapp),
                }
            )
        for position, language in enumerate(draft.languages):
            rows.languages.append(
                {
                    "id": _uuid(rng),
                    **stamp,
                    "position": position,
                    "language": language.language,
                    "level": language.level.value,
                }
            )
        for position, title in enumerate(draft.diplomas):
            rows.diplomas.append({"id": _uuid(rng), **stamp, "position": position, "title": title})
        for position, skill in enumerate(draft.skills):
            rows.skills.append(
                {
                    "id": _uuid(rng),
                    **stamp,
                    "position": position,
                    "name": skill.name,
                    "sector": skill.sector.value,
                    "level": skill.level.value,
                    "years": skill.years,
                    "certified": flag(skill.certified),
                }
            )
        for position, experience in enumerate(draft.experiences):
            rows.experiences.append(
                {
                    "id": _uuid(rng),
                    **stamp,
                    "position": position,
                    "job": experience.job,
                    "employer": experience.employer,
                    "country": experience.country,
                    "start_year": experience.start_year,
                    "end_year": experience.end_year,
                }
            )
        rows.search_keys.extend([(key, person_id) for key in self.keys.search(code, draft)])
        rows.match_keys.extend([(key, person_id) for key in self.keys.match(draft)])
        rows.events.append(
            {
                "id": _uuid(rng),
                "at": moment,
                "user_id": user_id,
                "username": self.usernames.get(user_id or "", "system"),
                "action": AuditAction.CREATE.value,
                "entity": "beneficiary",
                "entity_id": person_id,
                "beneficiary_id": person_id,
                "summary": f"registered {code}",
                "diff": "{}",
            }
        )


def _moroccan_mobile_keys(e164: str) -> list[str]:
    """``phones.phone_search_keys`` of a Moroccan mobile "+2126XXXXXXXX", without parsing it.

    Parsing costs more than the rest of a person; the tests check the stored keys against search_keys_for.
    """
    national = e164[4:]
    return [e164[1:], national, f"0{national}"]


class _Keys:
    """``mapping.search_keys_for`` and ``mapping.match_keys_for`` of a person, remembered per name.

    Name keys are most of the work and the same names come back thousands of times. Search keys are
    a union over the fields (each name, the code, each phone, the document), so those of each name
    come from ``search_keys_for`` on a draft holding only that name, once per spelling, and the
    others from ``search_keys_for`` on a draft without the names (Moroccan mobiles, which are most
    phones, skip the phone number parser: see _moroccan_mobile_keys). Duplicate keys pair the
    names, so they are remembered per (first, last, Arabic) spelling. The tests check every person's
    stored keys against ``search_keys_for`` and ``match_keys_for`` of the whole record.
    """

    def __init__(self) -> None:
        self.words: dict[str, frozenset[str]] = {}
        self.pairs: dict[tuple[str, str, str], frozenset[str]] = {}

    def _of_name(self, name: str) -> frozenset[str]:
        keys = self.words.get(name)
        if keys is None:
            keys = frozenset(mapping.search_keys_for("", BeneficiaryDraft(first_name=name)))
            self.words[name] = keys
        return keys

    def search(self, code: str, draft: BeneficiaryDraft) -> set[str]:
        keys = set(self._of_name(draft.first_name))
        keys |= self._of_name(draft.last_name)
        if draft.arabic_name:
            keys |= self._of_name(draft.arabic_name)
        phones = draft.phones
        rest = BeneficiaryDraft(
            city="",
            phones=[phone for phone in phones if not phone.number.startswith("+212")],
            id_document_number=draft.id_document_number,
        )
        keys |= mapping.search_keys_for(code, rest)
        for phone in phones:
            if phone.number.startswith("+212"):
                keys.update(_moroccan_mobile_keys(phone.number))
        return keys

    def match(self, draft: BeneficiaryDraft) -> frozenset[str]:
        spelling = (draft.first_name, draft.last_name, draft.arabic_name)
        keys = self.pairs.get(spelling)
        if keys is None:
            keys = frozenset(
                mapping.match_keys_for(
                    BeneficiaryDraft(
                        first_name=draft.first_name, last_name=draft.last_name, arabic_name=draft.arabic_name
                    )
                )
            )
            self.pairs[spelling] = keys
        return keys
