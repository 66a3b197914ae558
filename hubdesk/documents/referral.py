"""The referral letter (lettre d'orientation) with its tear-off feedback slip (coupon-réponse)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from hubdesk.documents import fonts
from hubdesk.documents.blocks import BODY, LABEL, SMALL, VALUE, Blocks
from hubdesk.documents.data import PersonRef, ReferralLetterData
from hubdesk.documents.layout import A4, MARGIN, Composition, PageSetup, color
from hubdesk.documents.person_text import person_fields, profile_fields
from hubdesk.documents.tearoff import TearOffLine, TickBox
from hubdesk.documents.wording import check_language, long_date, pick, word
from hubdesk.domain.enums import ReferralOutcome, ReferralPriority
from hubdesk.domain.vocabulary import label

WIDTH = A4[0] - 2 * MARGIN

#: key -> (French, Arabic, English)
TEXT: dict[str, tuple[str, str, str]] = {
    "title": ("Lettre d'orientation", "رسالة توجيه", "Referral letter"),
    "to": ("Destinataire", "إلى", "To"),
    "service": ("Service / programme", "المصلحة / البرنامج", "Service / programme"),
    "attention": ("À l'attention de", "عناية", "For the attention of"),
    "address": ("Adresse", "العنوان", "Address"),
    "subject": ("Objet", "الموضوع", "Subject"),
    "default_subject": (
        "Orientation d'un(e) bénéficiaire du HUB",
        "توجيه مستفيد(ة) من الهب",
        "Referral of a HUB beneficiary",
    ),
    "referral": ("Réf. orientation", "مرجع التوجيه", "Referral ref."),
    "priority": ("Priorité", "الأولوية", "Priority"),
    "salutation": ("Madame, Monsieur,", "سيدتي، سيدي،", "Dear Madam or Sir,"),
    "intro_named": (
        "Nous avons l'honneur de vous orienter {who}, accompagné(e) par notre centre, afin qu'il ou elle "
        "puisse bénéficier de vos services.",
        "يشرفنا أن نوجه إليكم {who}، الذي يواكبه مركزنا، قصد الاستفادة من خدماتكم.",
        "We are pleased to refer {who}, who is accompanied by our centre, to your services.",
    ),
    "intro_code": (
        "Nous avons l'honneur de vous orienter la personne inscrite au HUB sous le code {who}, afin qu'elle "
        "puisse bénéficier de vos services.",
        "يشرفنا أن نوجه إليكم الشخص المسجل لدى الهب تحت الرمز {who}، قصد الاستفادة من خدماتكم.",
        "We are pleased to refer the person registered with the HUB under code {who} to your services.",
    ),
    "person": ("Personne orientée", "الشخص الموجه", "Person referred"),
    "reason": ("Motif de l'orientation", "سبب التوجيه", "Reason for the referral"),
    "requested": ("Service demandé", "الخدمة المطلوبة", "Service requested"),
    "profile": ("Profil", "الملف الشخصي", "Profile"),
    "closing": (
        "Nous vous remercions de l'accueil que vous lui réserverez et vous prions de bien vouloir nous retourner "
        "le coupon-réponse ci-dessous. Veuillez agréer, Madame, Monsieur, l'expression de nos salutations "
        "distinguées.",
        "نشكركم على حسن استقبالكم، ونرجو منكم التفضل بإرجاع قسيمة الرد أسفله. وتقبلوا فائق عبارات التقدير والاحترام.",
        "Thank you for receiving this person. Please return the feedback slip below. Yours faithfully,",
    ),
    "counsellor": ("Conseiller(ère) du HUB", "مستشار(ة) الهب", "HUB counsellor"),
    "cut": ("Découper suivant le pointillé", "يقطع على طول الخط المنقط", "Cut along the dotted line"),
    "slip_title": (
        "Coupon-réponse — à retourner au HUB",
        "قسيمة الرد — ترجع إلى الهب",
        "Feedback slip — please return to the HUB",
    ),
    "slip_ref": (
        "Orientation N° {referral} — lettre N° {letter}",
        "التوجيه رقم {referral} — الرسالة رقم {letter}",
        "Referral No. {referral} — letter No. {letter}",
    ),
    "slip_person": ("Personne", "الشخص", "Person"),
    "received": ("Reçu(e) le", "تاريخ الاستقبال", "Received on"),
    "outcome": ("Suite donnée", "النتيجة", "Outcome"),
    "comment": ("Commentaire", "ملاحظات", "Comment"),
    "partner_sign": (
        "Nom, signature et cachet du partenaire",
        "اسم الشريك وتوقيعه وخاتمه",
        "Partner's name, signature and stamp",
    ),
}

_BLANK = "……………………"
#: the slip's label column, as a share of the width
_SLIP_LABELS = 0.3
#: cell padding of a field table (blocks.fields), on each side
_PADDING = 3


def _dotted_line(width: float) -> str:
    """A line of dots as wide as ``width`` allows in the values' style (where the partner writes)."""
    return "…" * int((width - 1) // fonts.width("…", VALUE.font, VALUE.size))


def _t(key: str, lang: str, **values: object) -> str:
    return pick(TEXT, key, lang, **values)


def _who(person: PersonRef, named: bool) -> str:
    """How the letter names the person: full name(s) if consented, else the code only."""
    if not named:
        return person.code
    names = [n for n in (person.latin_name, person.arabic_name) if n]
    if not names:
        return person.code
    return f"{names[0]} ({names[1]})" if len(names) == 2 else names[0]


def _letter_head(data: ReferralLetterData, lang: str, b: Blocks) -> list[Flowable]:
    out: list[Flowable] = [
        b.para(word("made_at", lang, city=data.letterhead.city, date=long_date(data.stamp.issued_on, lang)),
               BODY.but(align="end")),
        b.space(3),
    ]  # fmt: skip
    out += b.fields(
        [
            (_t("to", lang), data.partner),
            (_t("service", lang), data.service),
            (_t("attention", lang), data.contact_person),
            (_t("address", lang), data.partner_address),
        ],
        WIDTH * 0.6,
        label_share=0.36,
        at_end=True,
    )
    out.append(b.space(4))
    out.append(b.title(_t("title", lang)))
    subject = data.subject.strip() or _t("default_subject", lang)
    out += b.fields(
        [
            (_t("subject", lang), subject),
            (_t("referral", lang), data.referral_number),
            (
                _t("priority", lang),
                label(data.priority, lang) if data.priority is not ReferralPriority.NORMAL else "",
            ),
        ],
        WIDTH,
        label_share=0.22,
    )
    return out


def _body(data: ReferralLetterData, lang: str, b: Blocks) -> list[Flowable]:
    named = data.disclosure.name
    intro = "intro_named" if named and (data.person.latin_name or data.person.arabic_name) else "intro_code"
    out: list[Flowable] = [
        b.space(3),
        b.para(_t("salutation", lang)),
        b.space(1.5),
        b.para(_t(intro, lang, who=_who(data.person, named))),
        b.heading(_t("person", lang)),
    ]
    out += b.fields(person_fields(data.person, data.disclosure, lang), WIDTH, label_share=0.3)
    if data.reason.strip():
        out += [b.heading(_t("reason", lang)), b.para(data.reason)]
    if data.service_requested.strip():
        out += [b.heading(_t("requested", lang)), b.para(data.service_requested)]
    if data.disclosure.profile and data.profile is not None:
        rows = profile_fields(data.profile, lang)
        if rows:
            out += [b.heading(_t("profile", lang)), *b.fields(rows, WIDTH, label_share=0.3)]
    out += [b.space(2), b.para(_t("closing", lang)), b.space(2)]
    counsellor = data.counsellor
    phone = f"{word('phone', lang)} {counsellor.phone}" if counsellor.phone else ""
    out += b.signature([counsellor.name, counsellor.title or _t("counsellor", lang), phone], WIDTH, height_mm=12)
    return out


def _tick_boxes(choices: list[str], b: Blocks) -> Table:
    """The choices two by two, each after a box to tick (mirrored in Arabic)."""
    width = WIDTH * (1 - _SLIP_LABELS) - 2 * _PADDING
    box = 5 * mm
    rows = []
    for first in range(0, len(choices), 2):
        cells: list[Flowable | str] = []
        for choice in choices[first : first + 2]:
            cells += [TickBox(), b.para(choice, VALUE)]
        cells += ["", ""] * (2 - len(choices[first : first + 2]))
        rows.append(b.row(cells))
    table = Table(rows, colWidths=b.widths([box, width / 2 - box] * 2))
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def _slip(data: ReferralLetterData, lang: str, b: Blocks) -> Flowable:
    outcomes = _tick_boxes([label(outcome, lang) for outcome in ReferralOutcome], b)
    parts: list[Flowable] = [
        TearOffLine(_t("cut", lang), b.rtl),
        b.para(_t("slip_title", lang), LABEL.but(size=11.5, leading=16, align="center", color=color("#2E5C8A"))),
        b.para(
            _t("slip_ref", lang, referral=data.referral_number or "—", letter=data.stamp.number),
            SMALL.but(align="center"),
        ),
        b.space(2),
    ]
    dots = _dotted_line(WIDTH * (1 - _SLIP_LABELS) - 2 * _PADDING)
    parts += b.fields(
        [
            (_t("slip_person", lang), _who(data.person, data.disclosure.name)),
            (_t("received", lang), f"{_BLANK} / {_BLANK} / {_BLANK}"),
            (_t("outcome", lang), outcomes),
            (_t("comment", lang), f"{dots}\n{dots}"),
            (_t("partner_sign", lang), f"\n\n{_BLANK * 3}"),
        ],
        WIDTH,
        label_share=_SLIP_LABELS,
    )
    return KeepTogether(parts)


def compose_referral_letter(data: ReferralLetterData, lang: str) -> Composition:
    check_language(lang)
    b = Blocks(lang)
    story = [*_letter_head(data, lang, b), *_body(data, lang, b), b.space(6), _slip(data, lang, b)]
    setup = PageSetup(lang=lang, stamp=data.stamp, letterhead=data.letterhead, title=_t("title", lang))
    return Composition(story, setup)


def render_referral_letter(data: ReferralLetterData, lang: str) -> bytes:
    """The letter a partner receives with the person, and its feedback slip, as PDF bytes."""
    return compose_referral_letter(data, lang).build()
