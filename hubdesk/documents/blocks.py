"""Building blocks of a document body, mirrored for Arabic: paragraphs, headings, field tables."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from hubdesk.documents import fonts
from hubdesk.documents.bidi_text import BidiParagraph, TextStyle
from hubdesk.documents.layout import ACCENT, INK, MUTED, RULE

BODY = TextStyle(size=10.5, leading=14, color=INK)
SMALL = TextStyle(size=9, leading=12, color=MUTED)
LABEL = TextStyle(font=fonts.BOLD, size=10, leading=13, color=INK)
VALUE = TextStyle(size=10, leading=13, color=INK)
HEADING = TextStyle(font=fonts.BOLD, size=12, leading=15, color=ACCENT, space_before=6, space_after=2)
TITLE = TextStyle(font=fonts.BOLD, size=16, leading=21, color=INK, align="center", space_after=6)
HEADER_FILL = HexColor("#E8EDF4")


class Blocks:
    """Makes the flowables of one document in one language (Arabic: right to left, mirrored)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.rtl = lang == "ar"

    def para(self, text: str, style: TextStyle = BODY) -> BidiParagraph:
        return BidiParagraph(text, style, self.rtl)

    def title(self, text: str) -> BidiParagraph:
        return self.para(text, TITLE)

    def heading(self, text: str) -> BidiParagraph:
        """A section heading, never left alone at the foot of a page."""
        heading = self.para(text, HEADING)
        heading.keepWithNext = True
        return heading

    def space(self, height_mm: float) -> Spacer:
        return Spacer(1, height_mm * mm)

    def row(self, cells: Sequence[Flowable | str]) -> list[Flowable | str]:
        """Cells in reading order, placed right to left in an Arabic document."""
        return list(reversed(cells)) if self.rtl else list(cells)

    def widths(self, widths: Sequence[float]) -> list[float]:
        return list(reversed(widths)) if self.rtl else list(widths)

    def fields(
        self,
        pairs: Sequence[tuple[str, str | Flowable]],
        width: float,
        label_share: float = 0.34,
        at_end: bool = False,
    ) -> list[Flowable]:
        """A label/value table; a pair with no value is left out, so no label stands empty.

        A value is text, or a flowable laid out as it is (the slip's tick boxes). ``at_end`` puts a
        narrow table at the end side (right in French, left in Arabic).
        """
        rows = [
            self.row([self.para(label, LABEL), value if isinstance(value, Flowable) else self.para(value, VALUE)])
            for label, value in pairs
            if isinstance(value, Flowable) or value.strip()
        ]
        if not rows:
            return []
        table = Table(
            rows,
            colWidths=self.widths([width * label_share, width * (1 - label_share)]),
            hAlign=("LEFT" if self.rtl else "RIGHT") if at_end else "CENTER",
        )
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 3),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                ]
            )
        )
        return [table]

    def grid(self, columns: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]) -> list[Flowable]:
        """A table with a header row; columns run right to left in an Arabic document."""
        if not rows:
            return []
        data = [self.row([self.para(c, LABEL.but(size=9, leading=12)) for c in columns])]
        data += [self.row([self.para(str(cell), VALUE.but(size=9, leading=12)) for cell in row]) for row in rows]
        table = Table(data, colWidths=self.widths(widths), repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                    ("GRID", (0, 0), (-1, -1), 0.3, RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 3),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        return [table]

    def signature(self, lines: Sequence[str], width: float, height_mm: float = 22) -> list[Flowable]:
        """The signer's name and title at the end side, with room to sign below."""
        texts = [self.para(line, LABEL if i == 0 else VALUE) for i, line in enumerate(lines) if line.strip()]
        if not texts:
            return []
        cell: list[Flowable] = [*texts, Spacer(1, height_mm * mm)]
        table = Table([self.row(["", cell])], colWidths=self.widths([width * 0.5, width * 0.5]))
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        return [table]
