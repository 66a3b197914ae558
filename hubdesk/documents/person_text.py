"""A person's identity and profile as label/value lines, limited to what may be disclosed."""

from __future__ import annotations

from hubdesk.documents.data import Disclosure, PersonRef, ProfileSummary
from hubdesk.documents.wording import pick, short_date, word
from hubdesk.domain.countries import country_name
from hubdesk.domain.enums import IdDocumentType
from hubdesk.domain.languages import language_name
from hubdesk.domain.vocabulary import label

#: key -> (French, Arabic, English)
TEXT: dict[str, tuple[str, str, str]] = {
    "education": ("Niveau d'études", "المستوى الدراسي", "Education"),
    "diplomas": ("Diplômes", "الشهادات", "Diplomas"),
    "languages": ("Langues", "اللغات", "Languages"),
    "skills": ("Compétences", "الكفاءات", "Skills"),
}


def _t(key: str, lang: str) -> str:
    return pick(TEXT, key, lang)


def id_document_text(kind: IdDocumentType | None, number: str, lang: str) -> str:
    if kind is None or kind is IdDocumentType.NONE or not number.strip():
        return ""
    return f"{label(kind, lang)} {number.strip()}"


def person_fields(person: PersonRef, disclosure: Disclosure, lang: str) -> list[tuple[str, str]]:
    """(label, value) lines of the person; what is not disclosed is not even looked at."""
    lines = [(word("code", lang), person.code)]
    if disclosure.name:
        lines += [(word("name", lang), person.latin_name), (word("arabic_name", lang), person.arabic_name)]
    if disclosure.birth_date:
        if person.birth_date is not None:
            lines.append((word("birth_date", lang), short_date(person.birth_date, lang)))
        elif person.birth_year is not None:
            lines.append((word("birth_year", lang), str(person.birth_year)))
    if disclosure.nationality:
        lines.append((word("nationality", lang), country_name(person.nationality, lang)))
    if disclosure.id_document:
        lines.append(
            (word("id_document", lang), id_document_text(person.id_document_type, person.id_document_number, lang))
        )
    return [(key, value) for key, value in lines if value]


def profile_fields(profile: ProfileSummary, lang: str) -> list[tuple[str, str]]:
    languages = " · ".join(f"{language_name(code, lang)} ({label(level, lang)})" for code, level in profile.languages)
    skills = " · ".join(f"{name} ({label(level, lang)})" for name, level in profile.skills)
    lines = [
        (_t("education", lang), label(profile.education_level, lang) if profile.education_level else ""),
        (_t("diplomas", lang), " · ".join(d for d in profile.diplomas if d.strip())),
        (_t("languages", lang), languages),
        (_t("skills", lang), skills),
    ]
    return [(key, value) for key, value in lines if value]
