from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest

from hubdesk.domain.beneficiary import (
    BeneficiaryDraft,
    Consent,
    ExperienceEntry,
    LanguageEntry,
    PhoneEntry,
    SkillEntry,
)
from hubdesk.domain.enums import (
    ConsentPurpose,
    IdDocumentType,
    LanguageLevel,
    MigrationStatus,
    Sex,
    SkillLevel,
    SkillSector,
)
from hubdesk.domain.validation import (
    MAX_NAME,
    MAX_NOTE,
    MAX_TEXT,
    clean_text,
    validate_beneficiary,
    validate_email,
)

TODAY = date(2025, 6, 15)


def valid_draft() -> BeneficiaryDraft:
    return BeneficiaryDraft(
        first_name="  Aminata  ",
        last_name="N'Diaye",
        arabic_name="أميناتا  نجاي",
        sex=Sex.FEMALE,
        birth_date=date(1995, 3, 2),
        nationality="sn",
        migration_status=MigrationStatus.REGULAR_MIGRANT,
        arrival_year=2019,
        id_document_type=IdDocumentType.PASSPORT,
        id_document_number="a12 345-678",
        id_document_expiry=date(2020, 1, 1),  # expired papers are recorded, not refused
        phones=[
            PhoneEntry("06 12 34 56 78", whatsapp=False),
            PhoneEntry("+221 77 123 45 67", whatsapp=True),
            PhoneEntry("0612345678", whatsapp=True),  # same number again
            PhoneEntry("   "),
        ],
        email=" Aminata.Ndiaye@Example.COM ",
        neighbourhood="Beni   Makada",
        city="Tanger",
        languages=[LanguageEntry("wo", LanguageLevel.NATIVE), LanguageEntry(" FR "), LanguageEntry("")],
        diplomas=["  Baccalauréat ", "", "BTS  couture"],
        skills=[
            SkillEntry("Couture", SkillSector.TEXTILE, SkillLevel.EXPERIENCED, years=8, certified=True),
            SkillEntry("  "),
        ],
        experiences=[
            ExperienceEntry("Couturière", "Atelier  Fatou", "sn", 2012, 2018),
            ExperienceEntry(""),
        ],
        has_disability=False,
        household_size=3,
        dependents=2,
        registered_on=date(2025, 6, 1),
        referring_organisation="  Caritas ",
        counsellor_id=" c-42 ",
        consent=Consent(date(2025, 6, 1), {ConsentPurpose.FOLLOW_UP, ConsentPurpose.CONTACT}),
    )


def errors_of(draft: BeneficiaryDraft) -> dict[str, str]:
    return validate_beneficiary(draft, TODAY)[1]


# -- clean_text and validate_email ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  Fatima  Zahra ", "Fatima Zahra"),
        ("Jean\t\nPierre", "Jean Pierre"),
        ("Aïcha\u00a0Benali", "Aïcha Benali"),  # no-break space
        ("Ae\u0301cha", "Aécha"),  # decomposed accent composed to NFC
        ("N'Diaye", "N'Diaye"),
        ("Ould  Mohamed  ", "Ould Mohamed"),
        ("  محمد   الأمين ", "محمد الأمين"),
        (" 🌸 Awa 🌸 ", "🌸 Awa 🌸"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("awa@gmail.com", "awa@gmail.com"),
        (" Awa.Diallo@Gmail.COM ", "Awa.Diallo@gmail.com"),
        ("a.b+hub@mail.example.co.ma", "a.b+hub@mail.example.co.ma"),
        ("x_y@sub-domain.org", "x_y@sub-domain.org"),
    ],
)
def test_validate_email_valid(raw: str, clean: str) -> None:
    assert validate_email(raw) == clean


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "awa",
        "awa@",
        "@gmail.com",
        "awa@gmail",
        "awa@gmail,com",
        "awa diallo@gmail.com",
        "awa@@gmail.com",
        "awa@gmail..com",
        ".awa@gmail.com",
        "awa.@gmail.com",
        "awa@-gmail.com",
        "a" * 250 + "@x.com",
    ],
)
def test_validate_email_invalid(raw: str) -> None:
    with pytest.raises(ValueError, match="Not a valid e-mail address"):
        validate_email(raw)


# -- a complete valid draft ----------------------------------------------------------------------------


def test_valid_draft_has_no_errors_and_is_cleaned() -> None:
    draft = valid_draft()
    before = copy.deepcopy(draft)

    cleaned, errors = validate_beneficiary(draft, TODAY)

    assert errors == {}
    assert draft == before  # input untouched
    assert cleaned is not draft
    assert cleaned.first_name == "Aminata"
    assert cleaned.last_name == "N'Diaye"
    assert cleaned.arabic_name == "أميناتا نجاي"
    assert cleaned.nationality == "SN"
    assert cleaned.id_document_number == "A12345678"
    assert cleaned.id_document_expiry == date(2020, 1, 1)
    assert cleaned.phones == [PhoneEntry("+212612345678", whatsapp=True), PhoneEntry("+221771234567", True)]
    assert cleaned.email == "Aminata.Ndiaye@example.com"
    assert cleaned.neighbourhood == "Beni Makada"
    assert cleaned.languages == [LanguageEntry("wo", LanguageLevel.NATIVE), LanguageEntry("fr")]
    assert cleaned.diplomas == ["Baccalauréat", "BTS couture"]
    assert cleaned.skills == [
        SkillEntry("Couture", SkillSector.TEXTILE, SkillLevel.EXPERIENCED, years=8, certified=True)
    ]
    assert cleaned.experiences == [ExperienceEntry("Couturière", "Atelier Fatou", "SN", 2012, 2018)]
    assert cleaned.referring_organisation == "Caritas"
    assert cleaned.counsellor_id == "c-42"
    assert cleaned.consent == draft.consent
    assert cleaned.consent is not draft.consent
    assert cleaned.consent.purposes is not draft.consent.purposes


def test_cleaned_rows_are_new_objects() -> None:
    draft = valid_draft()
    cleaned, _ = validate_beneficiary(draft, TODAY)
    cleaned.phones[0].whatsapp = False
    cleaned.skills[0].years = 1
    cleaned.consent.purposes.clear()
    assert draft.phones[0].number == "06 12 34 56 78"
    assert draft.skills[0].years == 8
    assert draft.consent.purposes


def test_minimal_draft_is_valid() -> None:
    draft = BeneficiaryDraft(
        first_name="Youssef",
        last_name="El Amrani",
        sex=Sex.MALE,
        nationality="MA",
        migration_status=MigrationStatus.MOROCCAN,
        registered_on=TODAY,
    )
    cleaned, errors = validate_beneficiary(draft, TODAY)
    assert errors == {}
    assert cleaned == draft


def test_validation_is_idempotent() -> None:
    cleaned, _ = validate_beneficiary(valid_draft(), TODAY)
    again, errors = validate_beneficiary(cleaned, TODAY)
    assert errors == {}
    assert again == cleaned


@pytest.mark.parametrize(
    ("first", "last", "arabic"),
    [
        ("محمد", "العلوي", "محمد العلوي"),
        ("Aïcha", "Ben Saïd", ""),
        ("N'Golo", "N'Diaye", ""),
        ("Ngozi", "Okonkwo-Adébáyọ̀", ""),
        ("  Awa 🌸 ", " Traoré ", ""),
        ("Mamadou", "O'Neil", "مامادو"),
        ("A", "B", "أ"),
        ("Đorđe", "Łukasz", ""),
    ],
)
def test_unicode_names_accepted(first: str, last: str, arabic: str) -> None:
    draft = replace(valid_draft(), first_name=first, last_name=last, arabic_name=arabic)
    cleaned, errors = validate_beneficiary(draft, TODAY)
    assert errors == {}
    assert cleaned.first_name == clean_text(first)
    assert cleaned.last_name == clean_text(last)


# -- each rule produces one error on its key ------------------------------------------------------------


Change = Callable[[BeneficiaryDraft], BeneficiaryDraft]


def _set(**changes: object) -> Change:
    return lambda draft: replace(draft, **changes)  # type: ignore[arg-type]


def _consent(**changes: object) -> Change:
    return lambda draft: replace(draft, consent=replace(draft.consent, **changes))  # type: ignore[arg-type]


RULES: list[tuple[str, Change, str, str]] = [
    # (case, change, key, message)
    ("first name empty", _set(first_name="   "), "first_name", "Required"),
    ("last name empty", _set(last_name=""), "last_name", "Required"),
    (
        "first name long",
        _set(first_name="A" * (MAX_NAME + 1)),
        "first_name",
        "Too long: at most 80 characters",
    ),
    ("last name digits", _set(last_name="12345"), "last_name", "Must contain at least one letter"),
    ("first name emoji", _set(first_name="🌸"), "first_name", "Must contain at least one letter"),
    ("arabic name latin", _set(arabic_name="Aminata"), "arabic_name", "Use Arabic script here"),
    ("arabic name digits only", _set(arabic_name="١٢٣ ،"), "arabic_name", "Use Arabic script here"),
    (
        "arabic name long",
        _set(arabic_name="م" * (MAX_NAME + 1)),
        "arabic_name",
        "Too long: at most 80 characters",
    ),
    ("sex missing", _set(sex=None), "sex", "Required"),
    ("nationality missing", _set(nationality=None), "nationality", "Required"),
    ("nationality blank", _set(nationality="  "), "nationality", "Required"),
    ("nationality unknown", _set(nationality="QQ"), "nationality", "Unknown country"),
    ("nationality not a country", _set(nationality="EU"), "nationality", "Unknown country"),
    ("status missing", _set(migration_status=None), "migration_status", "Required"),
    ("registered missing", _set(registered_on=None), "registered_on", "Required"),
    ("registered future", _set(registered_on=date(2025, 6, 16)), "registered_on", "Date is in the future"),
    (
        "registered 1999",
        _set(registered_on=date(1999, 12, 31)),
        "registered_on",
        "Date before 2000: check the date",
    ),
    (
        "born future",
        _set(birth_date=date(2025, 6, 16), arrival_year=None),
        "birth_date",
        "Date of birth is in the future",
    ),
    (
        "born too long ago",
        _set(birth_date=date(1924, 6, 15)),
        "birth_date",
        "Age over 100 years: check the date",
    ),
    (
        "born too late",
        _set(birth_date=date(2011, 6, 16), arrival_year=None),
        "birth_date",
        "Under 14 years old",
    ),
    (
        "year future",
        _set(birth_date=None, birth_year=2026, arrival_year=None),
        "birth_year",
        "Year of birth is in the future",
    ),
    (
        "year too old",
        _set(birth_date=None, birth_year=1924),
        "birth_year",
        "Age over 100 years: check the date",
    ),
    (
        "year too young",
        _set(birth_date=None, birth_year=2012, arrival_year=None),
        "birth_year",
        "Under 14 years old",
    ),
    ("year disagrees", _set(birth_year=1996), "birth_year", "Does not match the date of birth"),
    ("arrival early", _set(arrival_year=1949), "arrival_year", "Must be between 1950 and 2025"),
    ("arrival future", _set(arrival_year=2026), "arrival_year", "Must be between 1950 and 2025"),
    ("arrival before birth", _set(arrival_year=1994), "arrival_year", "Arrival before the year of birth"),
    (
        "no type but number",
        _set(id_document_type=IdDocumentType.NONE, id_document_expiry=None),
        "id_document_number",
        "No document type chosen",
    ),
    (
        "no type but expiry",
        _set(id_document_type=IdDocumentType.NONE, id_document_number=""),
        "id_document_expiry",
        "No document type chosen",
    ),
    ("number missing", _set(id_document_number=" - "), "id_document_number", "Required"),
    (
        "number long",
        _set(id_document_number="A" * 31),
        "id_document_number",
        "Too long: at most 30 characters",
    ),
    (
        "number symbols",
        _set(id_document_number="AB/123"),
        "id_document_number",
        "Use only letters and digits",
    ),
    ("phone short", _set(phones=[PhoneEntry("061234")]), "phones.0", "Too short"),
    (
        "phone letters",
        _set(phones=[PhoneEntry("0612345678"), PhoneEntry("06 12 AB")]),
        "phones.1",
        "Not a valid phone number",
    ),
    (
        "phone country",
        _set(phones=[PhoneEntry(""), PhoneEntry("+999 1234567")]),
        "phones.1",
        "Unknown country code",
    ),
    ("email bad", _set(email="aminata@gmail"), "email", "Not a valid e-mail address"),
    (
        "neighbourhood long",
        _set(neighbourhood="x" * (MAX_TEXT + 1)),
        "neighbourhood",
        "Too long: at most 200 characters",
    ),
    ("city long", _set(city="x" * (MAX_TEXT + 1)), "city", "Too long: at most 200 characters"),
    (
        "referrer long",
        _set(referring_organisation="x" * 201),
        "referring_organisation",
        "Too long: at most 200 characters",
    ),
    (
        "note long",
        _set(disability_note="x" * (MAX_NOTE + 1)),
        "disability_note",
        "Too long: at most 2000 characters",
    ),
    ("diploma long", _set(diplomas=["BTS", "x" * 201]), "diplomas.1", "Too long: at most 200 characters"),
    ("language unknown", _set(languages=[LanguageEntry("xx")]), "languages.0", "Unknown language"),
    (
        "language twice",
        _set(languages=[LanguageEntry("fr"), LanguageEntry("ar"), LanguageEntry("FR", LanguageLevel.B2)]),
        "languages.2",
        "Listed twice",
    ),
    (
        "skill no name",
        _set(skills=[SkillEntry("Cuisine"), SkillEntry("", years=3)]),
        "skills.1.name",
        "Required",
    ),
    ("skill sector no name", _set(skills=[SkillEntry(" ", SkillSector.ICT)]), "skills.0.name", "Required"),
    (
        "skill name long",
        _set(skills=[SkillEntry("x" * 201)]),
        "skills.0.name",
        "Too long: at most 200 characters",
    ),
    (
        "skill negative",
        _set(skills=[SkillEntry("Maçonnerie", years=-1)]),
        "skills.0.years",
        "Must be between 0 and 70",
    ),
    (
        "skill too many",
        _set(skills=[SkillEntry("Maçonnerie", years=71)]),
        "skills.0.years",
        "Must be between 0 and 70",
    ),
    (
        "skill over age",
        _set(skills=[SkillEntry("a"), SkillEntry("b"), SkillEntry("Couture", years=31)]),
        "skills.2.years",
        "More years than the person's age",
    ),
    (
        "job missing",
        _set(experiences=[ExperienceEntry("", employer="Renault")]),
        "experiences.0.job",
        "Required",
    ),
    (
        "employer long",
        _set(experiences=[ExperienceEntry("Ouvrier", employer="x" * 201)]),
        "experiences.0.employer",
        "Too long: at most 200 characters",
    ),
    (
        "job long",
        _set(experiences=[ExperienceEntry("x" * 201)]),
        "experiences.0.job",
        "Too long: at most 200 characters",
    ),
    (
        "job start early",
        _set(experiences=[ExperienceEntry("Ouvrier", start_year=1949)]),
        "experiences.0.start_year",
        "Must be between 1950 and 2025",
    ),
    (
        "job end future",
        _set(experiences=[ExperienceEntry("Ouvrier", end_year=2026)]),
        "experiences.0.end_year",
        "Must be between 1950 and 2025",
    ),
    (
        "job ends first",
        _set(experiences=[ExperienceEntry("a"), ExperienceEntry("Ouvrier", start_year=2015, end_year=2010)]),
        "experiences.1.end_year",
        "Ends before it starts",
    ),
    (
        "job country",
        _set(experiences=[ExperienceEntry("Ouvrier", country="QQ")]),
        "experiences.0.country",
        "Unknown country",
    ),
    ("household zero", _set(household_size=0, dependents=None), "household_size", "Must be between 1 and 30"),
    ("household big", _set(household_size=31, dependents=None), "household_size", "Must be between 1 and 30"),
    ("dependents negative", _set(dependents=-1), "dependents", "Must be between 0 and 30"),
    ("dependents big", _set(household_size=None, dependents=31), "dependents", "Must be between 0 and 30"),
    (
        "dependents too many",
        _set(household_size=3, dependents=3),
        "dependents",
        "Must be fewer than the household size",
    ),
    ("consent future", _consent(given_on=date(2025, 6, 16)), "consent.given_on", "Date is in the future"),
    ("consent undated", _consent(given_on=None), "consent.given_on", "Date of consent required"),
    (
        "withdrawn undated",
        _consent(given_on=None, purposes=set(), withdrawn_on=date(2025, 6, 2)),
        "consent.given_on",
        "Date of consent required",
    ),
    (
        "withdrawn before",
        _consent(withdrawn_on=date(2025, 5, 31)),
        "consent.withdrawn_on",
        "Withdrawn before it was given",
    ),
    (
        "withdrawn future",
        _consent(withdrawn_on=date(2025, 7, 1)),
        "consent.withdrawn_on",
        "Date is in the future",
    ),
]


@pytest.mark.parametrize(("change", "key", "message"), [rule[1:] for rule in RULES], ids=[rule[0] for rule in RULES])
def test_rule(change: Change, key: str, message: str) -> None:
    draft = change(valid_draft())
    before = copy.deepcopy(draft)

    cleaned, errors = validate_beneficiary(draft, TODAY)

    assert errors == {key: message}
    assert draft == before
    # Everything else is still cleaned; the field in error is kept as typed (modulo whitespace).
    assert cleaned.first_name == clean_text(draft.first_name)
    assert cleaned.sex == draft.sex
    assert cleaned.birth_date == draft.birth_date
    assert cleaned.birth_year == draft.birth_year
    assert cleaned.household_size == draft.household_size
    assert cleaned.consent == draft.consent


def test_all_problems_reported_at_once() -> None:
    draft = replace(
        valid_draft(),
        first_name="",
        last_name="x" * 81,
        sex=None,
        nationality="QQ",
        phones=[PhoneEntry("123"), PhoneEntry("abc")],
        email="nope",
        skills=[SkillEntry("", years=80)],
        household_size=0,
    )
    errors = errors_of(draft)
    assert set(errors) == {
        "first_name",
        "last_name",
        "sex",
        "nationality",
        "phones.0",
        "phones.1",
        "email",
        "skills.0.name",
        "skills.0.years",
        "household_size",
    }


def test_values_in_error_are_kept_as_typed() -> None:
    draft = replace(
        valid_draft(),
        phones=[PhoneEntry(" 06 12 AB "), PhoneEntry("0612345678", whatsapp=True)],
        email=" nope@ ",
        nationality="qq",
        languages=[LanguageEntry("xx", LanguageLevel.B1)],
        skills=[SkillEntry("", years=3)],
    )
    cleaned, errors = validate_beneficiary(draft, TODAY)
    assert set(errors) == {"phones.0", "email", "nationality", "languages.0", "skills.0.name"}
    assert cleaned.phones == [PhoneEntry("06 12 AB"), PhoneEntry("+212612345678", whatsapp=True)]
    assert cleaned.email == "nope@"
    assert cleaned.nationality == "QQ"
    assert cleaned.languages == [LanguageEntry("xx", LanguageLevel.B1)]
    assert cleaned.skills == [SkillEntry("", years=3)]


# -- boundaries and details ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "valid"),
    [
        ({"birth_date": date(2011, 6, 15), "arrival_year": None}, True),  # 14 today
        ({"birth_date": date(2011, 6, 16), "arrival_year": None}, False),
        ({"birth_date": date(1924, 6, 16)}, True),  # 100 until tomorrow
        ({"birth_date": date(1924, 6, 15)}, False),
        ({"birth_date": None, "birth_year": 2011, "arrival_year": None}, True),
        ({"birth_date": None, "birth_year": 1925}, True),
        ({"birth_date": None, "birth_year": 1995}, True),
        ({"birth_date": None, "birth_year": None}, True),
        ({"birth_year": 1995}, True),  # agrees with the date
        ({"arrival_year": 1995}, True),  # the year of birth itself
        ({"arrival_year": 2025}, True),
        ({"registered_on": date(2000, 1, 1)}, True),
        ({"registered_on": TODAY}, True),
        ({"household_size": 1, "dependents": 0}, True),
        ({"household_size": 30, "dependents": 29}, True),
        ({"household_size": None, "dependents": 5}, True),
        ({"household_size": 4, "dependents": None}, True),
        (
            {"id_document_type": IdDocumentType.NONE, "id_document_number": "", "id_document_expiry": None},
            True,
        ),
        ({"id_document_type": IdDocumentType.CNIE, "id_document_number": "k 123456"}, True),
        ({"id_document_type": IdDocumentType.UNHCR_CARD, "id_document_number": "250-17C01234"}, True),
        ({"id_document_number": "A" * 30}, True),
        ({"id_document_expiry": None}, True),
        ({"phones": []}, True),
        ({"email": ""}, True),
        ({"arabic_name": ""}, True),
        ({"disability_note": "x" * MAX_NOTE, "has_disability": True}, True),
        ({"neighbourhood": "x" * MAX_TEXT}, True),
        ({"first_name": "A" * MAX_NAME}, True),
        ({"consent": Consent()}, True),
        ({"consent": Consent(date(2025, 1, 1), set(), date(2025, 1, 1))}, True),
    ],
)
def test_boundaries(changes: dict[str, object], valid: bool) -> None:
    errors = errors_of(replace(valid_draft(), **changes))  # type: ignore[arg-type]
    assert (errors == {}) is valid, errors


def test_skill_years_allowed_up_to_age() -> None:
    draft = replace(valid_draft(), skills=[SkillEntry("Couture", years=30)])  # 30 years old
    assert errors_of(draft) == {}


def test_skill_years_unchecked_against_age_when_birth_unknown() -> None:
    draft = replace(valid_draft(), birth_date=None, skills=[SkillEntry("Couture", years=60)])
    assert errors_of(draft) == {}


def test_skill_with_data_but_no_name_is_kept_and_refused() -> None:
    for skill in (
        SkillEntry("", certified=True),
        SkillEntry("", level=SkillLevel.EXPERT),
        SkillEntry("", years=0),
    ):
        draft = replace(valid_draft(), skills=[skill])
        cleaned, errors = validate_beneficiary(draft, TODAY)
        assert errors == {"skills.0.name": "Required"}
        assert cleaned.skills == [skill]


def test_empty_rows_dropped() -> None:
    draft = replace(
        valid_draft(),
        phones=[PhoneEntry(""), PhoneEntry("  ", whatsapp=True)],
        languages=[LanguageEntry(" ")],
        diplomas=["", "   "],
        skills=[SkillEntry(""), SkillEntry("  ")],
        experiences=[ExperienceEntry(""), ExperienceEntry(" ", employer="  ", country=" ")],
    )
    cleaned, errors = validate_beneficiary(draft, TODAY)
    assert errors == {}
    assert cleaned.phones == cleaned.languages == cleaned.diplomas == cleaned.skills == cleaned.experiences == []


def test_duplicate_phones_merged_keep_whatsapp() -> None:
    draft = replace(
        valid_draft(),
        phones=[
            PhoneEntry("0612345678"),
            PhoneEntry("+212 6 12 34 56 78", True),
            PhoneEntry("00212612345678"),
        ],
    )
    cleaned, errors = validate_beneficiary(draft, TODAY)
    assert errors == {}
    assert cleaned.phones == [PhoneEntry("+212612345678", whatsapp=True)]


def test_error_keys_use_input_row_numbers() -> None:
    draft = replace(valid_draft(), phones=[PhoneEntry(""), PhoneEntry("  "), PhoneEntry("123")])
    cleaned, errors = validate_beneficiary(draft, TODAY)
    assert errors == {"phones.2": "Too short"}
    assert cleaned.phones == [PhoneEntry("123")]


def test_disability_note_keeps_paragraphs() -> None:
    draft = replace(
        valid_draft(), has_disability=True, disability_note="  Malvoyante.\r\n\n\n\n  Lunettes   à prévoir. "
    )
    cleaned, _ = validate_beneficiary(draft, TODAY)
    assert cleaned.disability_note == "Malvoyante.\n\nLunettes à prévoir."


def test_expired_document_is_not_an_error() -> None:
    draft = replace(valid_draft(), id_document_expiry=date(2001, 1, 1))
    assert errors_of(draft) == {}


def test_text_fields_cleaned() -> None:
    draft = replace(valid_draft(), city="  Tanger \u00a0 Médina ", neighbourhood="\tBni  Makada\n")
    cleaned, _ = validate_beneficiary(draft, TODAY)
    assert cleaned.city == "Tanger Médina"
    assert cleaned.neighbourhood == "Bni Makada"


def test_blank_counsellor_becomes_none() -> None:
    cleaned, _ = validate_beneficiary(replace(valid_draft(), counsellor_id="  "), TODAY)
    assert cleaned.counsellor_id is None
