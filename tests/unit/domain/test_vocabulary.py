import inspect
import re
from enum import StrEnum

import pytest

from hubdesk.domain import enums
from hubdesk.domain.enums import EducationLevel, IdDocumentType, LanguageLevel, MigrationStatus, Sex, SkillSector
from hubdesk.domain.vocabulary import LANGUAGES, label

ENUMS: list[type[StrEnum]] = [
    cls
    for _name, cls in inspect.getmembers(enums, inspect.isclass)
    if issubclass(cls, StrEnum) and cls is not StrEnum and cls.__module__ == enums.__name__
]
MEMBERS: list[StrEnum] = [member for enum in ENUMS for member in enum]

ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
HARAKAT_OR_TATWEEL = re.compile(r"[\u0640\u064B-\u065F\u0670]")
LATIN_LETTER = re.compile(r"[A-Za-z]")
CODE = re.compile(r"[A-Z][0-9]")  # CEFR levels stay as codes in every language


def _id(member: StrEnum) -> str:
    return f"{type(member).__name__}.{member.name}"


def test_the_enums_are_found() -> None:
    # Guards the automatic discovery itself: if it found nothing, every other test would pass vacuously.
    assert len(ENUMS) >= 16
    assert {Sex, MigrationStatus, LanguageLevel, enums.AuditAction, enums.ReferralOutcome} <= set(ENUMS)


def test_languages() -> None:
    assert LANGUAGES == ("fr", "ar", "en")


@pytest.mark.parametrize("member", MEMBERS, ids=_id)
def test_every_member_has_a_label_in_every_language(member: StrEnum) -> None:
    # Fails with KeyError when a member is added to enums.py without a label.
    for lang in LANGUAGES:
        text = label(member, lang)
        assert text.strip(), (lang, text)
        assert text == text.strip() and "  " not in text, (lang, text)


@pytest.mark.parametrize("member", MEMBERS, ids=_id)
def test_arabic_labels_are_in_arabic_script(member: StrEnum) -> None:
    text = label(member, "ar")
    if CODE.fullmatch(text):
        assert text == label(member, "fr") == label(member, "en")
        return
    assert ARABIC_LETTER.search(text), text
    assert not LATIN_LETTER.search(text), text
    assert not HARAKAT_OR_TATWEEL.search(text), text


@pytest.mark.parametrize("member", MEMBERS, ids=_id)
def test_french_and_english_labels_are_in_latin_script(member: StrEnum) -> None:
    for lang in ("fr", "en"):
        text = label(member, lang)
        assert LATIN_LETTER.search(text), (lang, text)
        assert not ARABIC_LETTER.search(text), (lang, text)


@pytest.mark.parametrize("enum", ENUMS, ids=lambda enum: enum.__name__)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_two_members_of_one_enum_share_a_label(enum: type[StrEnum], lang: str) -> None:
    labels = [label(member, lang) for member in enum]
    duplicates = {text for text in labels if labels.count(text) > 1}
    assert not duplicates, duplicates


def test_members_with_the_same_value_keep_their_own_label() -> None:
    # StrEnum members hash as their value: IdDocumentType.NONE == EducationLevel.NONE == "none".
    assert IdDocumentType.NONE == EducationLevel.NONE
    assert label(IdDocumentType.NONE, "fr") == "Aucun document"
    assert label(EducationLevel.NONE, "fr") == "Non scolarisé(e)"
    assert label(MigrationStatus.OTHER, "en") == label(SkillSector.OTHER, "en") == "Other"


@pytest.mark.parametrize("lang", ["es", "", "xx", "zgh"])
def test_unknown_language_falls_back_to_french(lang: str) -> None:
    assert label(Sex.FEMALE, lang) == "Femme"
    assert label(MigrationStatus.RETURNEE, lang) == "Marocain(e) de retour / diaspora"


def test_regional_tags_count_as_their_language() -> None:
    assert label(Sex.FEMALE, "ar-MA") == label(Sex.FEMALE, "ar") == "أنثى"
    assert label(Sex.MALE, "en_GB") == "Male"
    assert label(Sex.MALE, "FR") == "Homme"


def test_a_few_official_wordings() -> None:
    assert label(IdDocumentType.CNIE, "ar") == "البطاقة الوطنية للتعريف الإلكترونية"
    assert label(IdDocumentType.RESIDENCE_PERMIT, "fr") == "Carte de séjour"
    assert label(LanguageLevel.B2, "ar") == "B2"
    assert label(LanguageLevel.NATIVE, "ar") == "اللغة الأم"
    assert label(enums.SupportKind.AUTO_ENTREPRENEUR, "ar") == "إجراءات الحصول على صفة المقاول الذاتي"
    assert label(enums.DocumentKind.REFERRAL_LETTER, "fr") == "Lettre d'orientation"
    assert label(MigrationStatus.IRREGULAR, "ar") == "مهاجر في وضعية إدارية غير نظامية"


def test_a_member_without_a_label_is_reported_by_name() -> None:
    class Colour(StrEnum):
        RED = "red"

    with pytest.raises(KeyError, match=r"Colour\.RED"):
        label(Colour.RED, "fr")
