"""A4 pages: the letterhead, the footer (number, page x of y, verification code and QR code).

An Arabic document mirrors the whole page: the association's logo and name go to the right,
the partners' logos to the left, and the footer's ends swap.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from typing import Any

import segno
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate

from hubdesk.documents import fonts
from hubdesk.documents.bidi_text import TextStyle, draw_aligned, wrap_directed
from hubdesk.documents.data import Letterhead, Stamp
from hubdesk.documents.logos import logo
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
    #: draws the footer of page ``page`` of ``pages``; None: ``draw_footer`` (number, page count, verification code)
    footer: Callable[[Canvas, PageSetup, int, int], None] | None = None
    #: the room the footer takes under the content, from the bottom margin's edge up
    footer_height: float = FOOTER_HEIGHT

    @property
    def rtl(self) -> bool:
        return self.lang == "ar"

    @property
    def size(self) -> tuple[float, float]:
        return landscape(A4) if self.landscape else A4


def _logo_size(reader: ImageReader) -> tuple[float, float]:
    """The size a logo prints at: at most LOGO_HEIGHT high and LOGO_MAX_WIDTH wide, aspect kept."""
    w, h = reader.getSize()
    scale = min(LOGO_HEIGHT / h, LOGO_MAX_WIDTH / w)
    return w * scale, h * scale


def _draw_logo(canvas: Canvas, reader: ImageReader, x: float, top: float, at_right: bool, scale: float = 1.0) -> float:
    """Draw a logo hanging from ``top``, ``scale`` times its usual size; returns its width."""
    width, height = (side * scale for side in _logo_size(reader))
    canvas.drawImage(reader, x - width if at_right else x, top - height, width, height, mask="auto")
    return width


@lru_cache(maxsize=64)
def _qr_runs(payload: str) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """(modules per side, (row, first column, length) of each run of dark modules) of ``payload``'s QR code.

    Cached: a letter's pages all carry the same code.
    """
    # a fixed mask skips segno's scoring of all eight (most of its time); any mask is a valid code
    code = segno.make(payload, error="m", micro=False, mask=4)
    rows = [list(row) for row in code.matrix_iter(border=0)]
    runs = []
    for r, row in enumerate(rows):
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            runs.append((r, start, c - start))
    return len(rows), tuple(runs)


def draw_qr(canvas: Canvas, stamp: Stamp, x: float, y: float, size: float = QR_SIZE) -> None:
    """The QR code of the stamp's verification payload, dark modules merged into runs per row."""
    side, runs = _qr_runs(qr_payload(stamp.number, stamp.verification_code))
    module = size / side
    path = canvas.beginPath()
    for row, column, length in runs:
        path.rect(x + column * module, y + size - (row + 1) * module, length * module, module)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)


def _fit(
    text: str, style: TextStyle, width: float, rtl: bool, smallest: float = 6.0
) -> list[tuple[str, TextStyle, bool]]:
    """A letterhead line that fits ``width``: a little smaller if that keeps it on one line, else wrapped
    (a name in print too small to read is worse than a name on two lines)."""
    floor = max(smallest, style.size * 0.8)
    size = style.size
    while size - 0.5 >= floor and fonts.width(text, style.font, size) > width:
        size -= 0.5
    fitted = style.but(size=size)
    # every line of a wrapped text keeps the text's own direction (a French address in an Arabic letter)
    return [(line, fitted, base) for line, base in wrap_directed(text, style.font, size, width, rtl)]


#: the share of the width between the margins the letterhead's text keeps, however many logos there are
TEXT_SHARE = 0.5
#: how far the letterhead's text may shrink to stay above the rule (then the last lines are left out)
_SHRINK = (1.0, 0.94, 0.88, 0.82, 0.76, 0.7)
#: depth of the lowest glyphs (Arabic descenders) below the baseline, as a share of the size
_DESCENT = 0.45


def _letterhead_lines(setup: PageSetup) -> list[tuple[str, TextStyle]]:
    head = setup.letterhead
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
    return lines


def _laid_out(
    lines: list[tuple[str, TextStyle]], width: float, top: float, floor: float, rtl: bool
) -> list[tuple[str, TextStyle, float, bool]]:
    """(line, style, baseline) of the letterhead's text in a box ``width`` wide from ``top`` down to ``floor``.

    The text shrinks until it fits; at the smallest size, the lines that would still run below ``floor``
    are left out (the settings page keeps the texts short enough for that never to happen).
    """
    placed: list[tuple[str, TextStyle, float, bool]] = []
    for factor in _SHRINK:
        placed = []
        y = top - 4.5 * mm * factor
        for text, style in lines:
            smaller = style.but(size=style.size * factor)
            for line, fitted, base in _fit(text, smaller, width, rtl):
                placed.append((line, fitted, y, base))
                y -= fitted.size + 2.5 * factor
        if all(y - _DESCENT * style.size >= floor for _line, style, y, _base in placed):
            return placed
    return [entry for entry in placed if entry[2] - _DESCENT * entry[1].size >= floor]


def draw_letterhead(canvas: Canvas, setup: PageSetup) -> None:
    """The association's logo at the start side, up to three partners' logos at the end side, the
    organisation's name, address and contact between them, and a rule under it all.

    Partners' logos shrink (all alike) so that the text keeps at least ``TEXT_SHARE`` of the width, and
    the text shrinks so that it stays above the rule.
    """
    width, height = setup.size
    rtl = setup.rtl
    margin = setup.margin
    inner = width - 2 * margin
    top = height - margin + 6 * mm
    rule_y = height - margin - LETTERHEAD_HEIGHT + 6 * mm
    readers = [r for r in (logo(p) for p in setup.letterhead.logos) if r is not None]
    start_edge = width - margin if rtl else margin
    end_edge = margin if rtl else width - margin
    direction = -1 if rtl else 1  # from the start side toward the end side
    text_from = start_edge
    if readers:
        used = _draw_logo(canvas, readers[0], start_edge, top, at_right=rtl)
        text_from = start_edge + direction * (used + 4 * mm)
    partners = readers[1:4]
    gap = 3 * mm
    natural = sum(_logo_size(reader)[0] for reader in partners)
    room = abs(end_edge - text_from) - 2 * mm - TEXT_SHARE * inner - gap * len(partners)
    scale = min(1.0, max(room, 0.0) / natural) if natural else 1.0
    edge = end_edge
    for reader in partners:
        used = _draw_logo(canvas, reader, edge, top, at_right=not rtl, scale=scale)
        edge -= direction * (used + gap)
    box_width = abs(edge - text_from) - 2 * mm
    box_x = text_from - box_width if rtl else text_from
    floor = rule_y + 1 * mm
    if setup.banner:
        floor += 1.5 * mm + 9  # the banner stands on the rule, at the end side
    for line, style, y, base in _laid_out(_letterhead_lines(setup), box_width, top, floor, rtl):
        draw_aligned(canvas, line, box_x, y, box_width, style, rtl, base_rtl=base)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.8)
    canvas.line(margin, rule_y, width - margin, rule_y)
    if setup.banner:
        banner = TextStyle(font=fonts.BOLD, size=9, color=HexColor("#A4262C"), align="end")
        draw_aligned(canvas, setup.banner, margin, rule_y + 1.5 * mm, width - 2 * margin, banner, rtl)


def draw_footer(canvas: Canvas, setup: PageSetup, page: int, pages: int) -> None:
    stamp = setup.stamp
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


def _numbered_canvas(setup: PageSetup) -> type[Canvas]:
    """A canvas that holds its pages back until the end, to print "page x of y" on each."""
    footer = setup.footer or draw_footer

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            # in a batch each document's pages carry its own stamp and count from 1 (see StampMarker)
            stamps = [state.get("_hubdesk_stamp", setup.stamp) for state in self._pages]
            totals = Counter(stamp.number for stamp in stamps)
            seen: Counter[str] = Counter()
            for state, stamp in zip(self._pages, stamps, strict=True):
                self.__dict__.update(state)
                seen[stamp.number] += 1
                footer(self, replace(setup, stamp=stamp), seen[stamp.number], totals[stamp.number])
                super().showPage()
            super().save()

    return NumberedCanvas


def content_box(setup: PageSetup) -> tuple[float, float, float, float]:
    """x, y, width and height of the frame the story flows into."""
    width, height = setup.size
    margin = setup.margin
    top = margin + (LETTERHEAD_HEIGHT - 4 * mm if setup.letterhead_on_page else 0)
    bottom = margin + setup.footer_height - 10 * mm
    return margin, bottom, width - 2 * margin, height - top - bottom


def _content_frame(setup: PageSetup) -> Frame:
    x, y, width, height = content_box(setup)
    return Frame(
        x, y, width, height, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="content"
    )  # fmt: skip


class StampMarker(Flowable):
    """Starts the next document of a batch: the pages that follow carry its stamp."""

    def __init__(self, stamp: Stamp, started: Callable[[int], None] | None = None) -> None:
        super().__init__()
        self.stamp = stamp
        self.started = started

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        if self.started is not None:
            self.started(self.canv.getPageNumber())
        self.canv._hubdesk_stamp = self.stamp


@dataclass(frozen=True)
class Composition:
    """One document laid out and ready to build: its story, its pages, what decorates each page."""

    story: list[Flowable]
    setup: PageSetup
    decorate: Callable[[Canvas, PageSetup], None] | None = None

    def build(self) -> bytes:
        return build_pdf(self.story, self.setup, self.decorate)


def build_many(parts: Sequence[Composition], started: Callable[[int, int], None] | None = None) -> bytes:
    """Several documents of one kind and language in one PDF: fonts and logos embedded once, each
    document on its own pages with its own number, verification code and page count.

    ``started(index, page)`` is called as each document goes onto its first page, numbered from 1
    (it may raise to stop)."""
    if not parts:
        raise ValueError("no document to build")
    story: list[Flowable] = []
    for index, part in enumerate(parts):
        if index:
            story.append(PageBreak())
        hook = None if started is None else partial(started, index)
        story.append(StampMarker(part.setup.stamp, hook))
        story.extend(part.story)
    first = parts[0]
    return build_pdf(story, first.setup, first.decorate)


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
