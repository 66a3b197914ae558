"""A4 pages: the letterhead, the footer (number, page x of y, verification code and QR code).

An Arabic document mirrors the whole page: the association's logo and name go to the right,
the partners' logos to the left, and the footer's ends swap.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import segno
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from hubdesk.documents import fonts
from hubdesk.documents.bidi_text import TextStyle, draw_aligned, wrap_logical
from hubdesk.documents.data import Letterhead, Stamp
from hubdesk.documents.wording import word
from hubdesk.domain.document_numbers import qr_payload

INK = HexColor("#1F2A44")
MUTED = HexColor("#5B6475")
RULE = HexColor("#9AA5B8")
ACCENT = HexColor("#2E5C8A")

MARGIN = 18 * mm
LETTERHEAD_HEIGHT = 24 * mm
FOOTER_HEIGHT = 20 * mm
LOGO_HEIGHT = 16 * mm
LOGO_MAX_WIDTH = 36 * mm
QR_SIZE = 17 * mm


@dataclass(frozen=True)
class PageSetup:
    lang: str
    stamp: Stamp
    letterhead: Letterhead
    title: str
    landscape: bool = False
    letterhead_on_page: bool = True
    qr_in_footer: bool = True
    #: a line printed above the letterhead rule on every page ("CONFIDENTIEL")
    banner: str = ""
    margin: float = MARGIN

    @property
    def rtl(self) -> bool:
        return self.lang == "ar"

    @property
    def size(self) -> tuple[float, float]:
        return landscape(A4) if self.landscape else A4


@lru_cache(maxsize=32)
def _image(path: Path, mtime: float) -> ImageReader | None:
    try:
        reader = ImageReader(str(path))
        reader.getSize()
    except Exception:  # a file that is not an image: the settings page reports it, the paper prints without it
        return None
    return reader


def logo(path: Path) -> ImageReader | None:
    """The logo's image, or None when the file is missing or not an image."""
    try:
        return _image(path, path.stat().st_mtime)
    except OSError:
        return None


def _draw_logo(canvas: Canvas, reader: ImageReader, x: float, top: float, at_right: bool) -> float:
    """Draw a logo hanging from ``top``; returns its width."""
    w, h = reader.getSize()
    scale = min(LOGO_HEIGHT / h, LOGO_MAX_WIDTH / w)
    width, height = w * scale, h * scale
    canvas.drawImage(reader, x - width if at_right else x, top - height, width, height, mask="auto")
    return width


def draw_qr(canvas: Canvas, stamp: Stamp, x: float, y: float, size: float = QR_SIZE) -> None:
    """The QR code of the stamp's verification payload, dark modules merged into runs per row."""
    # a fixed mask skips segno's scoring of all eight (most of its time); any mask is a valid code
    code = segno.make(qr_payload(stamp.number, stamp.verification_code), error="m", micro=False, mask=4)
    rows = [list(row) for row in code.matrix_iter(border=0)]
    module = size / len(rows)
    path = canvas.beginPath()
    for r, row in enumerate(rows):
        top = y + size - (r + 1) * module
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            path.rect(x + start * module, top, (c - start) * module, module)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)


def _fit(text: str, style: TextStyle, width: float, smallest: float = 7.5) -> list[tuple[str, TextStyle]]:
    """A letterhead line that fits ``width``: in a smaller size if need be, else wrapped."""
    size = style.size
    while size > smallest and fonts.width(text, style.font, size) > width:
        size -= 0.5
    fitted = style.but(size=size)
    return [(line, fitted) for line in wrap_logical(text, style.font, size, width)]


def draw_letterhead(canvas: Canvas, setup: PageSetup) -> None:
    width, height = setup.size
    head = setup.letterhead
    rtl = setup.rtl
    margin = setup.margin
    top = height - margin + 6 * mm
    readers = [r for r in (logo(p) for p in head.logos) if r is not None]
    start_edge = width - margin if rtl else margin
    end_edge = margin if rtl else width - margin
    text_from = start_edge
    if readers:
        used = _draw_logo(canvas, readers[0], start_edge, top, at_right=rtl)
        text_from = start_edge - used - 4 * mm if rtl else start_edge + used + 4 * mm
    partners_width = 0.0
    edge = end_edge
    for reader in readers[1:4]:
        used = _draw_logo(canvas, reader, edge, top, at_right=not rtl)
        edge = edge + used + 3 * mm if rtl else edge - used - 3 * mm
        partners_width += used + 3 * mm
    box_width = abs(end_edge - text_from) - partners_width - 2 * mm
    box_x = text_from - box_width if rtl else text_from
    lines = [(head.name, TextStyle(font=fonts.BOLD, size=12.5, color=INK))]
    if head.address:
        lines.append((head.address, TextStyle(size=9, color=MUTED)))
    contact = "  ·  ".join(
        part
        for part in (
            f"{word('phone', setup.lang)} {head.phone}" if head.phone else "",
            f"{word('email', setup.lang)} {head.email}" if head.email else "",
        )
        if part
    )
    if contact:
        lines.append((contact, TextStyle(size=9, color=MUTED)))
    y = top - 4.5 * mm
    for text, style in lines:
        for line, fitted in _fit(text, style, box_width):
            draw_aligned(canvas, line, box_x, y, box_width, fitted, rtl)
            y -= fitted.size + 2.5
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.8)
    rule_y = height - margin - LETTERHEAD_HEIGHT + 6 * mm
    canvas.line(margin, rule_y, width - margin, rule_y)
    if setup.banner:
        banner = TextStyle(font=fonts.BOLD, size=9, color=HexColor("#A4262C"), align="end")
        draw_aligned(canvas, setup.banner, margin, rule_y + 1.5 * mm, width - 2 * margin, banner, rtl)


def draw_footer(canvas: Canvas, setup: PageSetup, stamp: Stamp, page: int, pages: int) -> None:
    width, _height = setup.size
    rtl = setup.rtl
    lang = setup.lang
    margin = setup.margin
    base = margin - 8 * mm
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(margin, base + FOOTER_HEIGHT - 4 * mm, width - margin, base + FOOTER_HEIGHT - 4 * mm)
    small = TextStyle(size=8.5, color=MUTED)
    inner = width - 2 * margin
    text_y = base + 8 * mm
    draw_aligned(canvas, f"{word('number', lang)} {stamp.number}", margin, text_y, inner, small, rtl)
    draw_aligned(
        canvas, word("page", lang, page=page, pages=pages), margin, text_y, inner, small.but(align="center"), rtl
    )
    code_box = inner - (QR_SIZE + 3 * mm if setup.qr_in_footer else 0)
    code_x = margin + (QR_SIZE + 3 * mm if setup.qr_in_footer and rtl else 0)
    end = small.but(align="end")
    draw_aligned(canvas, word("verification", lang), code_x, text_y + 4 * mm, code_box, end, rtl)
    draw_aligned(canvas, stamp.verification_code, code_x, text_y, code_box, end.but(font=fonts.BOLD, color=INK), rtl)
    if setup.qr_in_footer:
        qr_x = margin if rtl else width - margin - QR_SIZE
        draw_qr(canvas, stamp, qr_x, base - 1 * mm)


class StampMarker(Flowable):
    """Starts the next document of a batch: its pages carry this stamp and count from 1."""

    def __init__(self, stamp: Stamp) -> None:
        super().__init__()
        self.stamp = stamp

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._hubdesk_stamp = self.stamp


def _numbered_canvas(setup: PageSetup) -> type[Canvas]:
    """A canvas that holds its pages back until the end, to print "page x of y" on each."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            stamps = [state.get("_hubdesk_stamp", setup.stamp) for state in self._pages]
            totals = Counter(stamp.number for stamp in stamps)
            seen: Counter[str] = Counter()
            for state, stamp in zip(self._pages, stamps, strict=True):
                self.__dict__.update(state)
                seen[stamp.number] += 1
                draw_footer(self, setup, stamp, seen[stamp.number], totals[stamp.number])
                super().showPage()
            super().save()

    return NumberedCanvas


def _content_frame(setup: PageSetup) -> Frame:
    width, height = setup.size
    margin = setup.margin
    top = margin + (LETTERHEAD_HEIGHT - 4 * mm if setup.letterhead_on_page else 0)
    bottom = margin + FOOTER_HEIGHT - 10 * mm
    return Frame(
        margin, bottom, width - 2 * margin, height - top - bottom, leftPadding=0, rightPadding=0,
        topPadding=0, bottomPadding=0, id="content",
    )  # fmt: skip


def build_pdf(
    story: Sequence[Flowable],
    setup: PageSetup,
    decorate: Callable[[Canvas, PageSetup], None] | None = None,
) -> bytes:
    """The PDF of ``story`` on the pages of ``setup``: same input, same bytes."""
    fonts.register_fonts()
    buffer = io.BytesIO()

    def on_page(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        if decorate is not None:
            decorate(canvas, setup)
        if setup.letterhead_on_page:
            draw_letterhead(canvas, setup)
        canvas.restoreState()

    document = BaseDocTemplate(
        buffer,
        pagesize=setup.size,
        invariant=1,
        title=setup.title,
        author=setup.letterhead.name,
        subject=setup.stamp.number,
        creator="hubdesk",
        lang={"fr": "fr-MA", "ar": "ar-MA", "en": "en"}.get(setup.lang, "fr"),
        leftMargin=setup.margin,
        rightMargin=setup.margin,
        topMargin=setup.margin,
        bottomMargin=setup.margin,
    )
    document.addPageTemplates([PageTemplate(id="page", frames=[_content_frame(setup)], onPage=on_page)])
    document.build(list(story), canvasmaker=_numbered_canvas(setup))
    return buffer.getvalue()


def color(value: str) -> Color:
    return HexColor(value)
