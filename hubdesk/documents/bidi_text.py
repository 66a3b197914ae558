"""The bidi paragraph: Arabic and Latin text laid out correctly with ReportLab.

ReportLab draws glyphs in the order it is given and knows nothing of Arabic. The recipe: shape
the Arabic letters into their joined presentation forms (arabic-reshaper), wrap the lines in
logical order, then reorder each line for display (python-bidi) with its paragraph's base
direction, decided once per paragraph by its first letter (Unicode rules P2/P3): an Arabic
letter makes it right-to-left, a Latin one left-to-right, and a paragraph without letters
takes the document's direction. Alignment is another matter: it always follows the document
(an Arabic document sets a French address at the right, but reads it left to right).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Literal

import arabic_reshaper
from reportlab.lib.colors import Color, black
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from hubdesk.documents import fonts
from hubdesk.documents.bidi_mirror import ISOLATE_CLOSER, ISOLATE_OPENERS, display

Align = Literal["start", "end", "center"]

_reshaper = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": True, "support_ligatures": True})


@dataclass(frozen=True)
class TextStyle:
    font: str = fonts.REGULAR
    size: float = 10.5
    leading: float = 14.0
    align: Align = "start"  # start = left in a Latin document, right in an Arabic one
    color: Color = black
    space_before: float = 0.0
    space_after: float = 0.0

    def but(self, **changes: Any) -> TextStyle:
        return replace(self, **changes)


def has_arabic(text: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f" or "\ufb50" <= c <= "\ufeff" for c in text)


@lru_cache(maxsize=4096)
def _shaped(text: str) -> str:
    return _reshaper.reshape(text) if has_arabic(text) else text


def _break_word(word: str, font: str, size: float, width: float) -> list[str]:
    """A word too wide for a line (a long e-mail address…) cut into pieces that fit."""
    pieces: list[str] = []
    current = ""
    for char in word:
        if current and fonts.width(current + char, font, size) > width:
            pieces.append(current)
            current = char
        else:
            current += char
    if current:
        pieces.append(current)
    return pieces


def _wrap_paragraph(paragraph: str, font: str, size: float, width: float) -> list[str]:
    """One paragraph (no line feed), shaped, in lines no wider than ``width``."""
    lines: list[str] = []
    words = _shaped(" ".join(paragraph.split())).split(" ")
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if fonts.width(candidate, font, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        if fonts.width(word, font, size) <= width:
            current = word
        else:
            *full, current = _break_word(word, font, size, width)
            lines.extend(full)
    lines.append(current)
    return lines


def wrap_logical(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines of shaped text in logical (reading) order, each no wider than ``width``."""
    return [line for line, _base in wrap_directed(text, font, size, width, rtl=False)]


def wrap_directed(text: str, font: str, size: float, width: float, rtl: bool) -> list[tuple[str, bool]]:
    """The lines of ``wrap_logical``, each with its paragraph's base direction (True: right to left).

    Each line feed starts a paragraph (Unicode rule P1) with its own base direction (``is_rtl_paragraph``,
    ``rtl`` being the document's); every line of a paragraph is then reordered with that same base.
    """
    lines: list[tuple[str, bool]] = []
    for paragraph in fonts.clean(text).split("\n"):
        base_rtl = is_rtl_paragraph(paragraph, rtl)
        lines.extend((line, base_rtl) for line in _wrap_paragraph(paragraph, font, size, width))
    return lines


def is_rtl_paragraph(text: str, rtl: bool) -> bool:
    """Whether the paragraph ``text`` reads right to left: Unicode rules P2/P3.

    Its first strong letter decides (what an isolate holds aside): an Arabic letter, right to left; a Latin
    letter, left to right. A paragraph without letters ("12/03/2026", "+212 539 00 00 00") takes the
    document's direction ``rtl``.
    """
    depth = 0
    for char in text:
        if char in ISOLATE_OPENERS:
            depth += 1
        elif char == ISOLATE_CLOSER:
            depth = max(depth - 1, 0)
        elif depth == 0:
            kind = unicodedata.bidirectional(char)
            if kind == "L":
                return False
            if kind in ("R", "AL"):
                return True
    return rtl


#: numbers written in groups (+212 539 00 00 00, 2021–2024, +212661234567): one left-to-right unit
#: (not inside a longer token such as the number CRT-TNG-2026-00012, which bidi keeps whole by itself)
_NUMBER_GROUPS = re.compile(r"(?<![\w-])(?:\+?\d+(?:[ ./:–-]\d+)+|\+\d+)(?![\w-])")


def ltr(text: str) -> str:
    """``text`` isolated as one left-to-right unit (a phone number, an e-mail inside Arabic)."""
    return f"\u2066{text}\u2069" if text else text


def visual(line: str, rtl: bool, base_rtl: bool | None = None) -> str:
    """One shaped line in display order (left to right, as the canvas draws it).

    ``base_rtl`` is the base direction of the paragraph the line was wrapped from (``wrap_directed``);
    without it, the line's own (``is_rtl_paragraph``), the document's direction ``rtl`` if it has no letter.
    """
    if base_rtl is None:
        base_rtl = is_rtl_paragraph(line, rtl)
    if not base_rtl and not has_arabic(line):
        return line
    if base_rtl:
        line = _NUMBER_GROUPS.sub(lambda match: ltr(match.group(0)), line)
    return display(line, base_rtl)


def draw_line(canvas: Canvas, text: str, x: float, y: float, font: str, size: float) -> None:
    """Draw display-ordered ``text`` starting at ``x``, switching to the fallback font where needed.

    One text object per line, so that a word mixing fonts still reads as one word when copied.
    """
    line = canvas.beginText(x, y)
    for name, piece in fonts.runs(text, font):
        line.setFont(name, size)
        line.textOut(piece)
    canvas.drawText(line)


def draw_aligned(
    canvas: Canvas,
    text: str,
    x: float,
    y: float,
    width: float,
    style: TextStyle,
    rtl: bool,
    base_rtl: bool | None = None,
) -> None:
    """Draw one logical line (shaped here) in the box [x, x + width], aligned as the style says.

    The document's direction ``rtl`` decides the alignment; the line reads in its own direction
    (``is_rtl_paragraph``), or in ``base_rtl``, that of the paragraph it was wrapped from.
    """
    shown = visual(_shaped(fonts.clean(text)), rtl, base_rtl)
    line_width = fonts.width(shown, style.font, style.size)
    canvas.setFillColor(style.color)
    draw_line(canvas, shown, _start_x(x, width, line_width, style.align, rtl), y, style.font, style.size)


def _start_x(x: float, width: float, line_width: float, align: Align, rtl: bool) -> float:
    """Where a line starts: ``rtl`` is the document's direction, not the line's."""
    if align == "center":
        return x + (width - line_width) / 2
    at_right = (align == "start") == rtl
    return x + width - line_width if at_right else x


class BidiParagraph(Flowable):
    """A wrapped paragraph of Arabic and/or Latin text that can break across pages.

    ``rtl`` is the document's direction: it sets the alignment. Each line reads in its paragraph's
    direction, decided once when the text is wrapped and kept by both halves of a split.
    """

    def __init__(self, text: str, style: TextStyle, rtl: bool, lines: list[tuple[str, bool]] | None = None) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.rtl = rtl
        self._lines = lines  # (shaped line in logical order, its paragraph reads right to left)
        self._width = 0.0
        self.spaceBefore = style.space_before
        self.spaceAfter = style.space_after

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._lines is None or avail_width != self._width:
            self._lines = wrap_directed(self.text, self.style.font, self.style.size, avail_width, self.rtl)
        self._width = avail_width
        return avail_width, len(self._lines) * self.style.leading

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        assert self._lines is not None
        fit = int(avail_height // self.style.leading)
        if fit < 1 or fit >= len(self._lines):
            return []
        head = BidiParagraph(self.text, self.style.but(space_after=0), self.rtl, self._lines[:fit])
        tail = BidiParagraph(self.text, self.style.but(space_before=0), self.rtl, self._lines[fit:])
        head._width = tail._width = avail_width
        return [head, tail]

    def draw(self) -> None:
        assert self._lines is not None
        style = self.style
        canvas: Canvas = self.canv
        canvas.setFillColor(style.color)
        # the first baseline sits one leading down, less the descent room the leading leaves
        y = len(self._lines) * style.leading - style.size
        for line, base_rtl in self._lines:
            shown = visual(line, self.rtl, base_rtl)
            line_width = fonts.width(shown, style.font, style.size)
            draw_line(
                canvas, shown, _start_x(0, self._width, line_width, style.align, self.rtl), y, style.font, style.size
            )
            y -= style.leading
