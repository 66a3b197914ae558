"""The demo people: who each one is (or was, on a second visit) and all a counsellor records of them."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from hubdesk.domain.beneficiary import BeneficiaryDraft, Consent, PhoneEntry
from hubdesk.domain.enums import ConsentPurpose, EducationLevel, HeardFrom, MigrationStatus, Occupation, Role, Sex
from hubdesk.services.demo.backgrounds import _diplomas, _document, _languages, _skills, _work
from hubdesk.services.demo.bulk import _Rows, _Values
from hubdesk.services.demo.draws import _Pick, _Random
from hubdesk.services.demo.names import _misspell, _Name, _respelt
from hubdesk.services.demo.origins import _MA_MOBILE_PREFIXES, _ORIGINS, _Origin
from hubdesk.services.demo.records import _Records
from hubdesk.services.demo.sectors import _EDUCATION
from hubdesk.services.demo.tangier import (
    _AGE,
    _CITIES,
    _DISABILITY_NOTES,
    _EMAIL_DOMAINS,
    _HEARD_FROM,
    _NEIGHBOURHOODS_MA,
    _NEIGHBOURHOODS_MIGRANTS,
    _OCCUPATION,
    _PARTNERS_MA,
    _PARTNERS_MIGRANTS,
)

_S = MigrationStatus
_E = EducationLevel


def _ascii_slug(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if ch.isascii() and ch.isalnum()).lower()


@dataclass
class _Identity:
    """What a second registration of the same person repeats."""

    origin: _Origin
    female: bool
    first: _Name
    last: _Name
    first_variant: int
    last_variant: int
    birth_date: date | None
    birth_year: int | None
    phone: str | None
    arabic_name: str
    status: MigrationStatus | None = None  # drawn for a new person, repeated for a second visit


class _Generator:
    def __init__(self, rng: _Random, users: Sequence[tuple[str, str, Role]], values: _Values) -> None:
        self.rng = rng
        by_name = {username: user_id for user_id, username, _ in users}
        staff = [by_name["amina"], by_name["youssef"], by_name["fatou"], by_name["coordination"]]
        # Fatou sees more West and Central Africans, Amina and Youssef more Moroccans and Arabic speakers.
        self.counsellor_arabic = _Pick(list(zip(staff, (38, 38, 14, 10), strict=True)))
        self.counsellor_african = _Pick(list(zip(staff, (20, 20, 50, 10), strict=True)))
        self.origins = _Pick([(o, o.weight) for o in _ORIGINS])
        self.used_phones: set[str] = set()
        self.identities: list[_Identity] = []
        self.emails: dict[tuple[str, str], str] = {}
        self.records = _Records(rng, values, {user_id: username for user_id, username, _ in users})

    # -- small helpers --------------------------------------------------------------------------------

    def variant(self, name: _Name) -> int:
        variants = name[0]
        if len(variants) == 1 or self.rng.random() < 0.72:
            return 0
        return self.rng.span(1, len(variants))

    def moroccan_mobile(self) -> str:
        while True:
            number = f"+212{_MA_MOBILE_PREFIXES(self.rng)}{self.rng.digits(6)}"
            if number not in self.used_phones:
                self.used_phones.add(number)
                return number

    def home_mobile(self, origin: _Origin) -> str:
        calling_code, prefixes, length = origin.mobile
        while True:
            prefix = self.rng.pick(prefixes)
            number = f"+{calling_code}{prefix}{self.rng.digits(length - len(prefix))}"
            if number not in self.used_phones:
                self.used_phones.add(number)
                return number

    # -- one person -----------------------------------------------------------------------------------

    def identity(self, registered_on: date) -> _Identity:
        rng = self.rng
        if len(self.identities) > 20 and rng.random() < 0.01:
            return self.second_registration()
        origin = self.origins(rng)
        female = rng.random() < origin.female_share
        first = (origin.female if female else origin.male)(rng)
        last = origin.last(rng)
        low, high = _AGE(rng)
        age = rng.between(low, high)
        born = registered_on - timedelta(days=int(age * 365.25) + rng.below(365))
        birth_date: date | None = born
        birth_year: int | None = None
        if origin.country != "MA":
            roll = rng.random()
            if roll < 0.04:  # only the year is known
                birth_date, birth_year = None, born.year
            elif roll < 0.12:  # papers issued with 1 January for an unknown day
                birth_date = date(born.year, 1, 1)
        arabic = ""
        if origin.arabic_script and first[1] and last[1] and rng.random() < 0.9:
            arabic = f"{first[1]} {last[1]}"
        return _Identity(
            origin,
            female,
            first,
            last,
            self.variant(first),
            self.variant(last),
            birth_date,
            birth_year,
            None,
            arabic,
        )

    def second_registration(self) -> _Identity:
        """The same person registered again, typed differently (what duplicate detection must catch)."""
        rng = self.rng
        source = rng.pick(self.identities)
        first_variant, last_variant = source.first_variant, source.last_variant
        first, last = source.first, source.last
        swapped = False
        if len(first[0]) > 1 and rng.random() < 0.5:
            first_variant = (first_variant + 1) % len(first[0])
        elif len(last[0]) > 1:
            last_variant = (last_variant + 1) % len(last[0])
        elif len(first[0]) > 1:
            first_variant = (first_variant + 1) % len(first[0])
        elif (respelt := _misspell(last[0][last_variant])) is not None:
            last, last_variant = _respelt(respelt, last), 0
        elif (respelt := _misspell(first[0][first_variant])) is not None:
            first, first_variant = _respelt(respelt, first), 0
        else:
            swapped = True  # first and last name typed the wrong way round
        # Recognisable by the same date of birth, the same phone, or both.
        same_birth = source.birth_date is not None and (source.phone is None or rng.random() < 0.75)
        same_phone = source.phone is not None and (not same_birth or rng.random() < 0.5)
        if swapped:
            first, last, first_variant, last_variant = last, first, last_variant, first_variant
        if same_birth:
            birth_date, birth_year = source.birth_date, source.birth_year
        else:  # only the year given this time
            birth_date = None
            birth_year = source.birth_date.year if source.birth_date is not None else source.birth_year
        return _Identity(
            source.origin,
            source.female,
            first,
            last,
            first_variant,
            last_variant,
            birth_date,
            birth_year,
            source.phone if same_phone else None,
            source.arabic_name,
            source.status,
        )

    def email(self, first: str, last: str, birth_year: int) -> str:
        key = (first, last)
        slug = self.emails.get(key)
        if slug is None:
            slug = f"{_ascii_slug(first)}.{_ascii_slug(last)}"
            self.emails[key] = slug
        rng = self.rng
        style = rng.random()
        if style < 0.4:
            local = f"{slug}{rng.between(1, 99)}"
        elif style < 0.7:
            local = slug.replace(".", "")
        else:
            local = f"{slug.split('.', 1)[0]}{birth_year}"
        return f"{local}@{_EMAIL_DOMAINS(rng)}"

    def person(self, registered_on: date, at: datetime, code: str, person_id: str, rows: _Rows) -> None:
        rng = self.rng
        who = self.identity(registered_on)
        origin = who.origin
        country = origin.country
        moroccan = country == "MA"
        reg_year = registered_on.year
        status = who.status or origin.status(rng)
        birth_year = who.birth_date.year if who.birth_date is not None else who.birth_year or reg_year - 25
        age = reg_year - birth_year
        sex = Sex.FEMALE if who.female else Sex.MALE
        first = who.first[0][who.first_variant]
        last = who.last[0][who.last_variant]
        counsellor = (self.counsellor_arabic if moroccan or origin.arabic_script else self.counsellor_african)(rng)

        identity: dict[str, Any] = {
            "first_name": first,
            "last_name": last,
            "arabic_name": who.arabic_name,
            "sex": sex,
            "birth_date": who.birth_date,
            "birth_year": who.birth_year,
            "nationality": country,
            "migration_status": status,
            "registered_on": registered_on,
            "counsellor_id": counsellor,
        }
        if rng.random() >= 0.92:
            # Declined case follow-up: only the minimal record is kept, as BeneficiaryService does.
            minimal = BeneficiaryDraft(**identity).minimal_record()
            self.records.add(minimal, code, person_id, at, rows)
            return
        purposes = {ConsentPurpose.FOLLOW_UP}
        if rng.random() < 0.85:
            purposes.add(ConsentPurpose.PARTNER_SHARING)
        if rng.random() < 0.9:
            purposes.add(ConsentPurpose.CONTACT)
        if rng.random() < 0.3:
            purposes.add(ConsentPurpose.PHOTOS)
        consent = Consent(registered_on, purposes)

        arrival_year: int | None = None
        if status is _S.RETURNEE:
            arrival_year = reg_year - rng.between(0, 3)
        elif not moroccan:
            back = rng.pick((0, 0, 1, 1, 1, 2, 2, 3, 3, 4, 5, 6, 8))
            if country in ("SY", "YE"):
                back += rng.between(2, 6)
            arrival_year = max(birth_year + 14, reg_year - back)
            if arrival_year > reg_year:
                arrival_year = reg_year
        if arrival_year is not None and rng.random() < 0.05:
            arrival_year = None  # not asked or not remembered

        doc_type, doc_number, doc_expiry = _document(rng, origin, status, registered_on, arrival_year)

        education = _EDUCATION[origin.zone](rng)
        if age < 18 and education is _E.HIGHER:
            education = _E.UPPER_SECONDARY
        occupation = _OCCUPATION(rng)
        if occupation is Occupation.STUDENT and age > 26:
            occupation = Occupation.UNEMPLOYED
        if not moroccan and status in (_S.IRREGULAR, _S.ASYLUM_SEEKER) and occupation is Occupation.EMPLOYED:
            occupation = Occupation.INFORMAL
        main, experiences, practice = _work(
            rng,
            origin,
            status,
            who.female,
            birth_year,
            reg_year,
            arrival_year,
            occupation in (Occupation.EMPLOYED, Occupation.INFORMAL, Occupation.SELF_EMPLOYED),
        )
        certified = education is _E.VOCATIONAL or rng.random() < 0.1
        skills = _skills(rng, main, who.female, practice, age, certified)
        diplomas = _diplomas(rng, origin, education, main, certified and education is not _E.VOCATIONAL)

        phones: list[PhoneEntry] = []
        if rng.random() < 0.96:
            phones.append(PhoneEntry(who.phone or self.moroccan_mobile(), rng.random() < 0.8))
            if rng.random() < 0.12:
                phones.append(PhoneEntry(self.moroccan_mobile(), rng.random() < 0.3))
        elif who.phone:
            phones.append(PhoneEntry(who.phone, True))
        if not moroccan and rng.random() < 0.1:
            phones.append(PhoneEntry(self.home_mobile(origin), rng.random() < 0.7))

        if moroccan:
            household = rng.pick((1, 2, 3, 3, 4, 4, 5, 5, 5, 6, 6, 7, 8))
        else:
            household = rng.pick((1, 1, 1, 1, 2, 2, 3, 3, 4, 5))
        if age < 24:
            dependents = 0 if rng.random() < 0.85 else min(1, household - 1)
        else:
            dependents = min(household - 1, rng.pick((0, 0, 0, 1, 1, 2, 3)))
        heard_from = _HEARD_FROM(rng)
        referring = ""
        if heard_from is HeardFrom.PARTNER:
            referring = (_PARTNERS_MA if moroccan else _PARTNERS_MIGRANTS)(rng)
        disabled = rng.random() < 0.03
        email = ""
        if rng.random() < (0.45 if moroccan else 0.3):
            email = self.email(first, last, birth_year)
        known = rng.random() < 0.92
        draft = BeneficiaryDraft(
            **identity,
            arrival_year=arrival_year,
            id_document_type=doc_type,
            id_document_number=doc_number,
            id_document_expiry=doc_expiry,
            phones=phones,
            email=email,
            neighbourhood=(_NEIGHBOURHOODS_MA if moroccan else _NEIGHBOURHOODS_MIGRANTS)(rng) if known else "",
            city=_CITIES(rng),
            languages=_languages(rng, origin, education),
            education_level=education,
            diplomas=diplomas,
            skills=skills,
            experiences=experiences,
            occupation=occupation,
            has_disability=disabled,
            disability_note=rng.pick(_DISABILITY_NOTES) if disabled else "",
            household_size=household if known else None,
            dependents=dependents if known else None,
            heard_from=heard_from,
            referring_organisation=referring,
            consent=consent,
        )
        if phones or who.birth_date is not None:
            self.identities.append(
                _Identity(
                    origin,
                    who.female,
                    who.first,
                    who.last,
                    who.first_variant,
                    who.last_variant,
                    who.birth_date,
                    who.birth_year,
                    phones[0].number if phones else None,
                    who.arabic_name,
                    status,
                )
            )
        self.records.add(draft, code, person_id, at, rows)
