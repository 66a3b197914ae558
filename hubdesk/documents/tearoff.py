"""What a tear-off slip is made of: the dotted cut line with its instruction, boxes to tick."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from hubdesk.documents.bidi_text import TextStyle, draw_aligned
from hubdesk.documents.layout import MUTED, RULE


class TickBox(Flowable):
    """An empty square to tick by hand (drawn: the document fonts have no box character)."""

    def __init__(self, size: float = 3.2 * mm) -> None:
        super().__init__()
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.setStrokeColor(MUTED)
        self.canv.setLineWidth(0.7)
        self.canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)


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
