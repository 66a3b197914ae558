"""The training certificate: landscape, bordered, always on one page (long texts print smaller)."""

from __future__ import annotations

import io

from babel.numbers import format_decimal
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepInFrame, Spacer, Table, TableStyle

from hubdesk.documents import fonts
from hubdesk.documents.bidi_text import TextStyle
from hubdesk.documents.blocks import BODY, LABEL, SMALL, VALUE, Blocks
from hubdesk.documents.data import CertificateData
from hubdesk.documents.layout import ACCENT, INK, RULE, Composition, PageSetup, content_box
from hubdesk.documents.logos import logo
from hubdesk.documents.wording import LOCALES, check_language, long_date, pick, word

MARGIN = 24 * mm
LOGO_HEIGHT = 18 * mm
LOGO_MAX_WIDTH = 40 * mm
#: room kept free beside the header for the corner logos (they reach 16 mm + 40 mm from the edge)
LOGO_CLEARANCE = 16 * mm + LOGO_MAX_WIDTH - MARGIN + 2 * mm

#: key -> (French, Arabic, English)
TEXT: dict[str, tuple[str, str, str]] = {
    "title": ("Attestation de formation", "شهادة تكوين", "Certificate of training"),
    "certifies": ("Le présent document atteste que", "تشهد هذه الوثيقة بأن", "This is to certify that"),
    "attended": (
        "a suivi avec assiduité la formation",
        "قد تابع(ت) بمواظبة الدورة التكوينية",
        "has attended the training",
    ),
    "from_to": ("organisée du {start} au {end}", "المنظمة من {start} إلى {end}", "held from {start} to {end}"),
    "on": ("organisée le {start}", "المنظمة يوم {start}", "held on {start}"),
    "hours": ("d'une durée de {hours} heures", "بحجم ساعي قدره {hours} ساعة", "lasting {hours} hours"),
    "place": ("à {place}", "في {place}", "at {place}"),
    "sign_here": ("Signature et cachet", "التوقيع والخاتم", "Signature and stamp"),
}

NAME = LABEL.but(size=24, leading=30, align="center")
SECOND_NAME = VALUE.but(size=18, leading=24, align="center")
TRAINING = LABEL.but(size=17, leading=22, align="center", color=ACCENT)
CENTRED = BODY.but(size=12.5, leading=17, align="center")
CERT_TITLE = LABEL.but(size=30, leading=38, align="center", color=INK)


def _t(key: str, lang: str, **values: object) -> str:
    return pick(TEXT, key, lang, **values)


def _details(data: CertificateData, lang: str) -> str:
    start, end = long_date(data.start_date, lang), long_date(data.end_date, lang)
    parts = [_t("on", lang, start=start) if start == end else _t("from_to", lang, start=start, end=end)]
    if data.hours:
        parts.append(_t("hours", lang, hours=format_decimal(data.hours, "#,##0.#", locale=LOCALES[lang])))
    if data.place.strip():
        parts.append(_t("place", lang, place=data.place.strip()))
    return ("، " if lang == "ar" else ", ").join(parts) + "."


def _names(data: CertificateData, lang: str) -> list[str]:
    latin, arabic = data.person.latin_name, data.person.arabic_name
    ordered = [arabic, latin] if lang == "ar" else [latin, arabic]
    return [name for name in ordered if name] or [data.person.code]


class _Scaled:
    """The document's blocks with every size and space ``factor`` times the usual (1: as designed)."""

    def __init__(self, b: Blocks, factor: float) -> None:
        self.b = b
        self.factor = factor

    def para(self, text: str, style: TextStyle) -> Flowable:
        f = self.factor
        return self.b.para(text, style.but(size=style.size * f, leading=style.leading * f))

    def space(self, height_mm: float) -> Spacer:
        return self.b.space(height_mm * self.factor)


def _story(data: CertificateData, lang: str, b: Blocks, width: float, factor: float = 1.0) -> list[Flowable]:
    head = data.letterhead
    names = _names(data, lang)
    s = _Scaled(b, factor)
    header: list[Flowable] = [s.para(head.name, LABEL.but(size=13.5, leading=17, align="center"))]
    if head.address:
        header.append(s.para(head.address, SMALL.but(align="center")))
    # the organisation's name stays clear of the logos in the top corners
    side = LOGO_CLEARANCE
    frame = Table([["", header, ""]], colWidths=[side, width - 2 * side, side])
    frame.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story: list[Flowable] = [frame]
    story += [
        s.space(12),
        s.para(_t("title", lang).upper() if lang != "ar" else _t("title", lang), CERT_TITLE),
        s.space(8),
        s.para(_t("certifies", lang), CENTRED),
        s.space(3),
        s.para(names[0], NAME),
    ]
    if len(names) > 1:
        story.append(s.para(names[1], SECOND_NAME))
    story += [
        s.space(4),
        s.para(_t("attended", lang), CENTRED),
        s.space(2),
        s.para(data.training_title, TRAINING),
        s.space(2),
        s.para(_details(data, lang), CENTRED),
        s.space(14),
    ]
    story.append(_closing(data, lang, s, width))
    return story


def _closing(data: CertificateData, lang: str, s: _Scaled, width: float) -> Flowable:
    made = s.para(word("made_at", lang, city=data.letterhead.city, date=long_date(data.stamp.issued_on, lang)), BODY)
    signer = [
        s.para(line, LABEL if i == 0 else VALUE)
        for i, line in enumerate((data.signatory.name, data.signatory.title))
        if line.strip()
    ]
    signer.append(s.para(_t("sign_here", lang), SMALL))
    table = Table([s.b.row([made, signer])], colWidths=s.b.widths([width * 0.55, width * 0.45]))
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table


#: how far a certificate's text may shrink to stay on its one page (long titles, places, names)
_SHRINK = tuple(1 - 0.03 * step for step in range(17))  # 1 down to 0.52


def _height(story: list[Flowable], width: float, canvas: Canvas) -> float:
    return sum(f.wrapOn(canvas, width, 10_000)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in story)


def _one_page(data: CertificateData, lang: str, b: Blocks, width: float, height: float) -> list[Flowable]:
    """The certificate's story in the largest size that fits one page."""
    measure = Canvas(io.BytesIO())
    story: list[Flowable] = []
    for factor in _SHRINK:
        story = _story(data, lang, b, width, factor)
        if _height(story, width, measure) <= height - 2:
            return story
    # still too long at half size (a title of many hundred words): the page shrinks as a whole
    return [KeepInFrame(width, height - 2, _story(data, lang, b, width, _SHRINK[-1]), mode="shrink")]


def _border(canvas: Canvas, setup: PageSetup) -> None:
    """Double frame and the logos in the top corners (association at the start side)."""
    width, height = setup.size
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(2.2)
    canvas.rect(9 * mm, 9 * mm, width - 18 * mm, height - 18 * mm)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.7)
    canvas.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
    readers = [r for r in (logo(p) for p in setup.letterhead.logos) if r is not None]
    top = height - 16 * mm
    for index, reader in enumerate(readers[:2]):
        w, h = reader.getSize()
        scale = min(LOGO_HEIGHT / h, LOGO_MAX_WIDTH / w)
        at_right = (index == 0) == setup.rtl
        x = width - 16 * mm - w * scale if at_right else 16 * mm
        canvas.drawImage(reader, x, top - h * scale, w * scale, h * scale, mask="auto")


def _setup(data: CertificateData, lang: str) -> PageSetup:
    return PageSetup(
        lang=lang,
        stamp=data.stamp,
        letterhead=data.letterhead,
        title=_t("title", lang),
        landscape=True,
        letterhead_on_page=False,
        margin=MARGIN,
    )


def compose_certificate(data: CertificateData, lang: str) -> Composition:
    check_language(lang)
    fonts.register_fonts()
    setup = _setup(data, lang)
    _x, _y, width, height = content_box(setup)
    return Composition(_one_page(data, lang, Blocks(lang), width, height), setup, decorate=_border)


def render_certificate(data: CertificateData, lang: str) -> bytes:
    """One trainee's certificate, on one landscape page, as PDF bytes."""
    return compose_certificate(data, lang).build()
