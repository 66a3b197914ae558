"""The beneficiary summary sheet: the printable profile for the paper file, marked confidential."""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable

from hubdesk.documents.blocks import SMALL, Blocks
from hubdesk.documents.data import SummarySheetData
from hubdesk.documents.layout import A4, MARGIN, Composition, PageSetup
from hubdesk.documents.person_text import id_document_text
from hubdesk.documents.wording import check_language, long_date, pick, short_date, word
from hubdesk.domain.beneficiary import BeneficiaryDraft
from hubdesk.domain.countries import country_name
from hubdesk.domain.languages import language_name
from hubdesk.domain.vocabulary import label

WIDTH = A4[0] - 2 * MARGIN

#: key -> (French, Arabic, English)
TEXT: dict[str, tuple[str, str, str]] = {
    "title": ("Fiche de synthèse du bénéficiaire", "بطاقة ملخص المستفيد", "Beneficiary summary sheet"),
    "confidential": (
        "CONFIDENTIEL — données personnelles (loi 09-08)",
        "سري — معطيات ذات طابع شخصي (القانون 09-08)",
        "CONFIDENTIAL — personal data (law 09-08)",
    ),
    "identity": ("Identité", "الهوية", "Identity"),
    "contact": ("Coordonnées", "معلومات الاتصال", "Contact"),
    "profile": ("Formation et compétences", "التكوين والكفاءات", "Education and skills"),
    "situation": ("Situation", "الوضعية", "Situation"),
    "follow_up": ("Suivi au HUB", "التتبع لدى الهب", "Follow-up at the HUB"),
    "sex": ("Sexe", "الجنس", "Sex"),
    "status": ("Statut", "الوضعية القانونية", "Status"),
    "arrival_year": ("Année d'arrivée au Maroc", "سنة الوصول إلى المغرب", "Year of arrival in Morocco"),
    "document_expiry": ("Validité de la pièce", "صلاحية الوثيقة", "Document valid until"),
    "phones": ("Téléphone", "الهاتف", "Phone"),
    "whatsapp": ("WhatsApp", "واتساب", "WhatsApp"),
    "email": ("Courriel", "البريد الإلكتروني", "Email"),
    "address": ("Quartier, ville", "الحي، المدينة", "Neighbourhood, city"),
    "education": ("Niveau d'études", "المستوى الدراسي", "Education"),
    "diplomas": ("Diplômes", "الشهادات", "Diplomas"),
    "languages": ("Langues", "اللغات", "Languages"),
    "skill": ("Compétence", "الكفاءة", "Skill"),
    "sector": ("Secteur", "القطاع", "Sector"),
    "level": ("Niveau", "المستوى", "Level"),
    "years": ("Années", "السنوات", "Years"),
    "certified": ("Certifiée", "مشهود بها", "Certified"),
    "yes": ("oui", "نعم", "yes"),
    "job": ("Emploi", "العمل", "Job"),
    "employer": ("Employeur", "المشغل", "Employer"),
    "country": ("Pays", "البلد", "Country"),
    "period": ("Période", "الفترة", "Period"),
    "occupation": ("Occupation", "الوضعية المهنية", "Occupation"),
    "disability": ("Handicap", "الإعاقة", "Disability"),
    "household": ("Taille du ménage", "عدد أفراد الأسرة", "Household size"),
    "dependents": ("Personnes à charge", "الأشخاص المتكفل بهم", "Dependents"),
    "registered_on": ("Inscrit(e) le", "تاريخ التسجيل", "Registered on"),
    "heard_from": ("A connu le HUB par", "تعرف على الهب عبر", "Heard of the HUB through"),
    "referred_by": ("Orienté(e) par", "موجه(ة) من طرف", "Referred by"),
    "counsellor": ("Conseiller(ère)", "المستشار(ة)", "Counsellor"),
    "consent_given": ("Consentement donné le", "تاريخ الموافقة", "Consent given on"),
    "consent_for": ("Consentement pour", "أغراض الموافقة", "Consent for"),
    "consent_withdrawn": ("Consentement retiré le", "تاريخ سحب الموافقة", "Consent withdrawn on"),
    "prepared": (
        "Fiche établie le {date} par {who}.",
        "أعدت هذه البطاقة بتاريخ {date} من طرف {who}.",
        "Sheet prepared on {date} by {who}.",
    ),
}


def _t(key: str, lang: str, **values: object) -> str:
    return pick(TEXT, key, lang, **values)


def _date(value: date | None, lang: str) -> str:
    return short_date(value, lang) if value is not None else ""


def _identity(code: str, p: BeneficiaryDraft, lang: str) -> list[tuple[str, str]]:
    latin = " ".join(part for part in (p.first_name, p.last_name.upper()) if part)
    birth = (word("birth_date", lang), _date(p.birth_date, lang))
    if p.birth_date is None and p.birth_year is not None:
        birth = (word("birth_year", lang), str(p.birth_year))
    return [
        (word("code", lang), code),
        (word("name", lang), latin),
        (word("arabic_name", lang), p.arabic_name),
        (_t("sex", lang), label(p.sex, lang) if p.sex else ""),
        birth,
        (word("nationality", lang), country_name(p.nationality, lang)),
        (_t("status", lang), label(p.migration_status, lang) if p.migration_status else ""),
        (_t("arrival_year", lang), str(p.arrival_year or "")),
        (word("id_document", lang), id_document_text(p.id_document_type, p.id_document_number, lang)),
        (_t("document_expiry", lang), _date(p.id_document_expiry, lang) if p.id_document_number else ""),
    ]


def _contact(p: BeneficiaryDraft, lang: str) -> list[tuple[str, str]]:
    phones = " · ".join(
        f"{phone.number} ({_t('whatsapp', lang)})" if phone.whatsapp else phone.number for phone in p.phones
    )
    place = ("، " if lang == "ar" else ", ").join(part for part in (p.neighbourhood, p.city) if part.strip())
    return [(_t("phones", lang), phones), (_t("email", lang), p.email), (_t("address", lang), place)]


def _profile(p: BeneficiaryDraft, lang: str, b: Blocks) -> list[Flowable]:
    languages = " · ".join(f"{language_name(e.language, lang)} ({label(e.level, lang)})" for e in p.languages)
    out = b.fields(
        [
            (_t("education", lang), label(p.education_level, lang) if p.education_level else ""),
            (_t("diplomas", lang), " · ".join(d for d in p.diplomas if d.strip())),
            (_t("languages", lang), languages),
        ],
        WIDTH,
        label_share=0.3,
    )
    skills = [
        (
            s.name,
            label(s.sector, lang),
            label(s.level, lang),
            str(s.years) if s.years is not None else "",
            _t("yes", lang) if s.certified else "",
        )
        for s in p.skills
    ]
    columns = tuple(_t(k, lang) for k in ("skill", "sector", "level", "years", "certified"))
    out += b.grid(columns, skills, [0.34 * WIDTH, 0.24 * WIDTH, 0.18 * WIDTH, 0.1 * WIDTH, 0.14 * WIDTH])
    jobs = [
        (
            e.job,
            e.employer,
            country_name(e.country, lang),
            "–".join(str(y) for y in (e.start_year, e.end_year) if y is not None),
        )
        for e in p.experiences
    ]
    columns = tuple(_t(k, lang) for k in ("job", "employer", "country", "period"))
    if jobs:
        out += [b.space(2), *b.grid(columns, jobs, [0.34 * WIDTH, 0.3 * WIDTH, 0.18 * WIDTH, 0.18 * WIDTH])]
    return out


def _situation(p: BeneficiaryDraft, lang: str) -> list[tuple[str, str]]:
    disability = ""
    if p.has_disability:
        disability = f"{_t('yes', lang)} — {p.disability_note}" if p.disability_note.strip() else _t("yes", lang)
    return [
        (_t("occupation", lang), label(p.occupation, lang) if p.occupation else ""),
        (_t("disability", lang), disability),
        (_t("household", lang), "" if p.household_size is None else str(p.household_size)),
        (_t("dependents", lang), "" if p.dependents is None else str(p.dependents)),
    ]


def _follow_up(data: SummarySheetData, lang: str) -> list[tuple[str, str]]:
    p = data.person
    consent = p.consent
    purposes = " · ".join(label(purpose, lang) for purpose in sorted(consent.purposes))
    return [
        (_t("registered_on", lang), _date(p.registered_on, lang)),
        (_t("heard_from", lang), label(p.heard_from, lang) if p.heard_from else ""),
        (_t("referred_by", lang), p.referring_organisation),
        (_t("counsellor", lang), data.counsellor),
        (_t("consent_given", lang), _date(consent.given_on, lang)),
        (_t("consent_for", lang), purposes if consent.given_on else ""),
        (_t("consent_withdrawn", lang), _date(consent.withdrawn_on, lang)),
    ]


def _story(data: SummarySheetData, lang: str) -> list[Flowable]:
    b = Blocks(lang)
    p = data.person
    prepared = _t("prepared", lang, date=long_date(data.stamp.issued_on, lang), who=data.prepared_by or "—")
    story: list[Flowable] = [b.title(_t("title", lang)), b.para(prepared, SMALL.but(align="end"))]
    for heading, rows in (
        ("identity", _identity(data.code, p, lang)),
        ("contact", _contact(p, lang)),
    ):
        table = b.fields(rows, WIDTH, label_share=0.3)
        if table:
            story += [b.heading(_t(heading, lang)), *table]
    profile = _profile(p, lang, b)
    if profile:
        story += [b.heading(_t("profile", lang)), *profile]
    for heading, rows in (("situation", _situation(p, lang)), ("follow_up", _follow_up(data, lang))):
        table = b.fields(rows, WIDTH, label_share=0.3)
        if table:
            story += [b.heading(_t(heading, lang)), *table]
    for section in data.sections:
        share = 1 / max(len(section.columns), 1)
        story += [
            b.heading(section.title),
            *b.grid(section.columns, section.rows, [WIDTH * share] * len(section.columns)),
        ]
    return story


def compose_summary_sheet(data: SummarySheetData, lang: str) -> Composition:
    check_language(lang)
    setup = PageSetup(
        lang=lang,
        stamp=data.stamp,
        letterhead=data.letterhead,
        title=_t("title", lang),
        banner=_t("confidential", lang),
    )
    return Composition(_story(data, lang), setup)


def render_summary_sheet(data: SummarySheetData, lang: str) -> bytes:
    """The summary sheet as PDF bytes; every page says it is confidential."""
    return compose_summary_sheet(data, lang).build()
