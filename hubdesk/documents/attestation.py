"""The support attestation (attestation d'accompagnement): the HUB accompanies or accompanied a person."""

from __future__ import annotations

from reportlab.platypus import Flowable

from hubdesk.documents.blocks import BODY, Blocks
from hubdesk.documents.data import AttestationData, PersonRef
from hubdesk.documents.layout import A4, MARGIN, Composition, PageSetup
from hubdesk.documents.person_text import id_document_text
from hubdesk.documents.wording import check_language, long_date, pick, word
from hubdesk.domain.vocabulary import label

WIDTH = A4[0] - 2 * MARGIN

#: key -> (French, Arabic, English)
TEXT: dict[str, tuple[str, str, str]] = {
    "title": ("Attestation d'accompagnement", "شهادة مواكبة", "Support attestation"),
    "we": (
        "Nous soussignés, {org}, attestons que",
        "نشهد نحن الموقعين أسفله، {org}، بأن",
        "We, the undersigned, {org}, certify that",
    ),
    "born": ("né(e) le {date}", "المزداد(ة) بتاريخ {date}", "born on {date}"),
    "born_year": ("né(e) en {year}", "المزداد(ة) سنة {year}", "born in {year}"),
    "holder": ("titulaire de : {document}", "الحامل(ة) لـ: {document}", "holder of: {document}"),
    "registered": (
        "inscrit(e) au HUB sous le code {code}",
        "المسجل(ة) لدى الهب تحت الرمز {code}",
        "registered with the HUB under code {code}",
    ),
    "since": (
        "est accompagné(e) par notre centre depuis le {since}.",
        "يستفيد من مواكبة مركزنا منذ {since}.",
        "has been accompanied by our centre since {since}.",
    ),
    "from_to": (
        "a été accompagné(e) par notre centre du {since} au {until}.",
        "استفاد من مواكبة مركزنا من {since} إلى {until}.",
        "was accompanied by our centre from {since} to {until}.",
    ),
    "supports": (
        "Dans ce cadre, l'intéressé(e) a bénéficié des prestations suivantes :",
        "وفي هذا الإطار، استفاد المعني بالأمر من الخدمات التالية:",
        "In this context, the person received the following support:",
    ),
    "purpose": (
        "La présente attestation est délivrée à l'intéressé(e), à sa demande, pour servir et valoir ce que de droit.",
        "سلمت هذه الشهادة للمعني بالأمر بطلب منه للإدلاء بها عند الحاجة.",
        "This attestation is issued at the person's request, for whatever purpose it may serve.",
    ),
    "sign_here": ("Signature et cachet", "التوقيع والخاتم", "Signature and stamp"),
}


def _t(key: str, lang: str, **values: object) -> str:
    return pick(TEXT, key, lang, **values)


def _person_clause(person: PersonRef, lang: str) -> str:
    names = [n for n in (person.latin_name, person.arabic_name) if n]
    who = f"{names[0]} ({names[1]})" if len(names) == 2 else (names[0] if names else person.code)
    parts = [who]
    if person.birth_date is not None:
        parts.append(_t("born", lang, date=long_date(person.birth_date, lang)))
    elif person.birth_year is not None:
        parts.append(_t("born_year", lang, year=person.birth_year))
    document = id_document_text(person.id_document_type, person.id_document_number, lang)
    if document:
        parts.append(_t("holder", lang, document=document))
    parts.append(_t("registered", lang, code=person.code))
    return ("، " if lang == "ar" else ", ").join(parts)


def _body(data: AttestationData, lang: str, b: Blocks) -> list[Flowable]:
    period = (
        _t("from_to", lang, since=long_date(data.since, lang), until=long_date(data.until, lang))
        if data.until is not None
        else _t("since", lang, since=long_date(data.since, lang))
    )
    separator = "، " if lang == "ar" else ", "
    sentence = f"{_t('we', lang, org=data.letterhead.name)} {_person_clause(data.person, lang)}{separator}{period}"
    out: list[Flowable] = [b.space(8), b.title(_t("title", lang)), b.space(8), b.para(sentence), b.space(3)]
    if data.supports:
        out.append(b.para(_t("supports", lang)))
        out += [b.para(f"•  {label(kind, lang)}", BODY) for kind in data.supports]
        out.append(b.space(3))
    out.append(b.para(data.purpose.strip() or _t("purpose", lang)))
    out += [
        b.space(8),
        b.para(
            word("made_at", lang, city=data.letterhead.city, date=long_date(data.stamp.issued_on, lang)),
            BODY.but(align="end"),
        ),
        b.space(4),
    ]
    out += b.signature([data.signatory.name, data.signatory.title, _t("sign_here", lang)], WIDTH, height_mm=28)
    return out


def compose_attestation(data: AttestationData, lang: str) -> Composition:
    check_language(lang)
    b = Blocks(lang)
    setup = PageSetup(lang=lang, stamp=data.stamp, letterhead=data.letterhead, title=_t("title", lang))
    return Composition(_body(data, lang, b), setup)


def render_attestation(data: AttestationData, lang: str) -> bytes:
    """The attestation as PDF bytes."""
    return compose_attestation(data, lang).build()
