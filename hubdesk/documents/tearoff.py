"""The dotted cut line above a tear-off slip, with a short instruction under it."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from hubdesk.documents.bidi_text import TextStyle, draw_aligned
from hubdesk.documents.layout import MUTED, RULE


class TearOffLine(Flowable):
    def __init__(self, caption: str, rtl: bool) -> None:
        super().__init__()
        self.caption = caption
        self.rtl = rtl
        self.width = 0.0
        self.height = 9 * mm

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.height

    def draw(self) -> None:
        canvas = self.canv
        y = self.height - 3 * mm
        canvas.setStrokeColor(RULE)
        canvas.setDash(3, 2)
        canvas.setLineWidth(0.8)
        canvas.line(0, y, self.width, y)
        canvas.setDash()
        style = TextStyle(size=7.5, color=MUTED, align="center")
        draw_aligned(canvas, self.caption, 0, y - 5 * mm, self.width, style, self.rtl)
