"""The attendance sign-in sheet of one training day: a form to print, not a registered document.

The letterhead of the other documents, the training and the day, then one numbered row per trainee
with room to sign (blank rows follow for walk-ins). No register number, no verification code: the
footer of every page carries the trainer's signature line and the page count ("1/2").
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from babel.numbers import format_decimal
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepInFrame, Table, TableStyle

from hubdesk.documents import fonts
from hubdesk.documents.bidi_text import TextStyle, draw_aligned, wrap_logical
from hubdesk.documents.blocks import HEADER_FILL, LABEL, VALUE, Blocks
from hubdesk.documents.data import Letterhead, Stamp
from hubdesk.documents.layout import ACCENT, INK, MUTED, PageSetup, build_pdf, content_box
from hubdesk.documents.wording import LOCALES, check_language, pick, short_date, word

#: key -> (French, Arabic, English)
TEXT: dict[str, tuple[str, str, str]] = {
    "title": ("Feuille de présence", "ورقة الحضور", "Attendance sheet"),
    "day": ("Jour {n} sur {total} — {date}", "اليوم {n} من {total} — {date}", "Day {n} of {total} — {date}"),
    "training_code": ("Code de la formation", "رمز التكوين", "Training code"),
    "trainer": ("Formateur(trice)", "المكون(ة)", "Trainer"),
    "place": ("Lieu", "المكان", "Place"),
    "hours": ("Nombre d'heures", "عدد الساعات", "Hours"),
    "code": ("Code", "الرمز", "Code"),
    "trainer_signs": ("Signature du formateur(trice) :", "توقيع المكون(ة):", "Trainer's signature:"),
}

ROW_HEIGHT = 9.5 * mm  # room to sign
HEADER_HEIGHT = 7 * mm
#: the room the one-line footer takes: less than the registered documents' (no verification code)
FOOTER_HEIGHT = 14 * mm
#: a sheet for walk-ins only; and the blank rows added after the last trainee when the page has room
EMPTY_ROWS = 15
EXTRA_ROWS = 5
#: No., code, name, signature (shares of the width between the margins)
SHARES = (0.065, 0.19, 0.395, 0.35)
PAD = 3

TRAINING = LABEL.but(size=13, leading=17, align="center", color=ACCENT)
DAY = VALUE.but(size=11, leading=15, align="center", space_after=4)
HEAD = LABEL.but(size=9, leading=11)
CELL = VALUE.but(size=9.5, leading=12)


@dataclass(frozen=True)
class SignInRow:
    code: str  # TNG-2026-00042
    name: str  # Latin name: "Awa DIALLO"
    arabic_name: str = ""


@dataclass(frozen=True)
class SignInSheetData:
    letterhead: Letterhead
    training_code: str
    training_title: str
    day: date
    day_number: int
    day_total: int
    trainer: str = ""
    place: str = ""
    hours: float | None = None
    rows: tuple[SignInRow, ...] = ()


def _t(key: str, lang: str, **values: object) -> str:
    return pick(TEXT, key, lang, **values)


def _intro(data: SignInSheetData, lang: str, b: Blocks, width: float) -> list[Flowable]:
    """Title, training, day, and the training's details in two label/value tables side by side."""
    hours = format_decimal(data.hours, "#,##0.#", locale=LOCALES[lang]) if data.hours else ""
    day = _t("day", lang, n=data.day_number, total=data.day_total, date=short_date(data.day, lang))
    half = width / 2
    halves = [
        b.fields([(_t("training_code", lang), data.training_code), (_t("trainer", lang), data.trainer)], half, 0.42),
        b.fields([(_t("place", lang), data.place), (_t("hours", lang), hours)], half, 0.42),
    ]
    story: list[Flowable] = [b.title(_t("title", lang)), b.para(data.training_title, TRAINING), b.para(day, DAY)]
    if any(halves):
        details = Table([b.row(halves)], colWidths=[half, half])
        details.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        story += [details, b.space(3)]
    return story


def _cell(lines: list[str], b: Blocks, width: float, style: TextStyle = CELL) -> Flowable:
    """Lines kept inside a row of fixed height: a name too long for its column prints smaller.

    A little space between two lines keeps an Arabic name's descenders off the accents of a Latin one.
    """
    lines = [line for line in lines if line.strip()]
    paragraphs = [b.para(line, style.but(space_after=2 if i < len(lines) - 1 else 0)) for i, line in enumerate(lines)]
    return KeepInFrame(width - 2 * PAD, ROW_HEIGHT - 1, paragraphs, mode="shrink")


def _table(rows: list[SignInRow | None], lang: str, b: Blocks, width: float) -> Table:
    """The numbered rows (None: a blank row), the header repeated on every page, columns mirrored in Arabic."""
    widths = [width * share for share in SHARES]
    number = HEAD.but(align="center")
    head = [b.para(word("number", lang), number)]
    head += [b.para(text, HEAD) for text in (_t("code", lang), word("name", lang), word("signature", lang))]
    data = [b.row(head)]
    for index, row in enumerate(rows, 1):
        names = [] if row is None else [row.arabic_name, row.name] if b.rtl else [row.name, row.arabic_name]
        cells: list[Flowable | str] = [
            b.para(str(index), CELL.but(align="center")),
            _cell([] if row is None else [row.code], b, widths[1], CELL.but(size=9)),
            _cell(names, b, widths[2]),
            "",
        ]
        data.append(b.row(cells))
    table = Table(data, colWidths=b.widths(widths), rowHeights=[HEADER_HEIGHT] + [ROW_HEIGHT] * len(rows), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("GRID", (0, 0), (-1, -1), 0.5, MUTED),
                ("LEFTPADDING", (0, 0), (-1, -1), PAD),
                ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
                ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
            ]
        )
    )
    return table


def _blank_rows(trainees: int, first: int, later: int) -> int:
    """Blank rows after the trainees: up to EXTRA_ROWS, only as many as fit on the pages the trainees need."""
    if trainees == 0:
        return EMPTY_ROWS
    pages = 1 + max(0, -(-(trainees - first) // later))
    return min(EXTRA_ROWS, first + (pages - 1) * later - trainees)


def _story(data: SignInSheetData, lang: str, width: float, height: float) -> list[Flowable]:
    b = Blocks(lang)
    intro = _intro(data, lang, b, width)
    measure = Canvas(io.BytesIO())
    used = sum(f.wrapOn(measure, width, height)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in intro)
    room = height - HEADER_HEIGHT - 1  # a point spare, against rounding
    first, later = max(0, int((room - used) // ROW_HEIGHT)), int(room // ROW_HEIGHT)
    rows: list[SignInRow | None] = [*data.rows, *[None] * _blank_rows(len(data.rows), first, later)]
    return [*intro, _table(rows, lang, b, width)]


def _footer(canvas: Canvas, setup: PageSetup, page: int, pages: int) -> None:
    """The trainer's signature line at the start side, the page count at the end side."""
    rtl, margin = setup.rtl, setup.margin
    inner = setup.size[0] - 2 * margin
    y = margin - 6 * mm
    style = TextStyle(font=fonts.BOLD, size=9.5, color=INK)
    label = _t("trainer_signs", setup.lang)
    draw_aligned(canvas, label, margin, y, inner, style, rtl)
    used = fonts.width(wrap_logical(label, style.font, style.size, inner)[0], style.font, style.size) + 3 * mm
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.6)
    start = margin + inner - used if rtl else margin + used
    end = start - 70 * mm if rtl else start + 70 * mm
    canvas.line(start, y - 1, end, y - 1)
    draw_aligned(canvas, f"{page}/{pages}", margin, y, inner, TextStyle(size=9, color=MUTED, align="end"), rtl)


def render_sign_in_sheet(data: SignInSheetData, lang: str) -> bytes:
    """The day's sign-in sheet as PDF bytes, A4 portrait. Same data and language, same bytes."""
    check_language(lang)
    fonts.register_fonts()
    setup = PageSetup(
        lang=lang,
        # never printed (this form is not registered): its number only names the PDF's subject
        stamp=Stamp(data.training_title, "", data.day),
        letterhead=data.letterhead,
        title=f"{_t('title', lang)} — {data.training_code} — {short_date(data.day, lang)}",
        footer=_footer,
        footer_height=FOOTER_HEIGHT,
    )
    _x, _y, width, height = content_box(setup)
    return build_pdf(_story(data, lang, width, height), setup)
