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
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice
from typing import Any, Literal

import arabic_reshaper
from bidi import get_display
from bidi.mirror import MIRRORED
from reportlab.lib.colors import Color, black
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from hubdesk.documents import fonts

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


_ISOLATE_OPENERS = "\u2066\u2067\u2068"  # LRI, RLI, FSI
_ISOLATE_CLOSER = "\u2069"  # PDI


def is_rtl_paragraph(text: str, rtl: bool) -> bool:
    """Whether the paragraph ``text`` reads right to left: Unicode rules P2/P3.

    Its first strong letter decides (what an isolate holds aside): an Arabic letter, right to left; a Latin
    letter, left to right. A paragraph without letters ("12/03/2026", "+212 539 00 00 00") takes the
    document's direction ``rtl``.
    """
    depth = 0
    for char in text:
        if char in _ISOLATE_OPENERS:
            depth += 1
        elif char == _ISOLATE_CLOSER:
            depth = max(depth - 1, 0)
        elif depth == 0:
            kind = unicodedata.bidirectional(char)
            if kind == "L":
                return False
            if kind in ("R", "AL"):
                return True
    return rtl


# Mirroring. A mirrorable character ("(", "]", "«", "<"…) is drawn as its mirror image when it ends up at
# an odd, right-to-left, embedding level (Unicode rule L4). python-bidi 0.6 (Rust) resolves the levels,
# bracket pairs included (rule N0), but neither mirrors nor tells the levels, so they are read off its
# own display order by probing:
#
# - the line is reordered once more with each mirrorable character swapped for a marker the algorithm
#   treats exactly alike, so the reordering is the same:
#   - a bracket pair (rule BD16, computed here as the engine does) for another, unused bracket pair: both
#     halves of a pair get one level, and everything between them is at that level or deeper, so the pair
#     shows in its logical order ("⟦…⟧") at an even level and reversed ("⟧…⟦") at an odd one;
#   - any other mirrorable character (a lone bracket as in "1)", half a pair that wrapped to another line,
#     "«", "<") for two distinct plain neutral characters (arrows, class ON like it): adjacent neutrals
#     resolve alike, so the two show in order at an even level and swapped at an odd one.
# - where the markers land, collapsing each neutral couple to one place, is where the original
#   characters land in the line's real display order; each is drawn there, mirrored if its level is odd.
#
# Every step is the engine's own decision, never a guess from neighbouring letters, so it holds for
# brackets nested, unpaired, around Latin words in an Arabic line or around Arabic in a Latin one.

#: the Bidi_Paired_Bracket pairs (BidiBrackets.txt), opening then closing: exactly those python-bidi
#: pairs (a test checks it)
_BRACKET_PAIRS = (
    "()[]{}\u0f3a\u0f3b\u0f3c\u0f3d\u169b\u169c\u2045\u2046\u207d\u207e\u208d\u208e\u2308\u2309\u230a\u230b"
    "\u2329\u232a\u2768\u2769\u276a\u276b\u276c\u276d\u276e\u276f\u2770\u2771\u2772\u2773\u2774\u2775\u27c5\u27c6"
    "\u27e6\u27e7\u27e8\u27e9\u27ea\u27eb\u27ec\u27ed\u27ee\u27ef\u2983\u2984\u2985\u2986\u2987\u2988\u2989\u298a"
    "\u298b\u298c\u298d\u2990\u298f\u298e\u2991\u2992\u2993\u2994\u2995\u2996\u2997\u2998\u29d8\u29d9\u29da\u29db"
    "\u29fc\u29fd\u2e22\u2e23\u2e24\u2e25\u2e26\u2e27\u2e28\u2e29\u3008\u3009\u300a\u300b\u300c\u300d\u300e\u300f"
    "\u3010\u3011\u3014\u3015\u3016\u3017\u3018\u3019\u301a\u301b\ufe59\ufe5a\ufe5b\ufe5c\ufe5d\ufe5e\uff08\uff09"
    "\uff3b\uff3d\uff5b\uff5d\uff5f\uff60\uff62\uff63"
)
_CLOSING_OF = dict(zip(_BRACKET_PAIRS[::2], _BRACKET_PAIRS[1::2], strict=True))
_CLOSERS = frozenset(_CLOSING_OF.values())
#: U+2329/U+232A are canonically equivalent to U+3008/U+3009, and BD16 pairs them as such
_CANONICAL = {"\u2329": "\u3008", "\u232a": "\u3009"}
#: BD16 stops pairing when one more opening bracket finds this many still waiting for their partner
_BRACKET_STACK_SIZE = 63

#: every character with a mirror image (BidiMirroring.txt), all of bidi class ON
_MIRROR: dict[str, str] = dict(MIRRORED)
#: markers standing in for bracket pairs: pairs not typed in documents (and not canonically equivalent)
_PAIR_MARKERS = tuple(
    (opening, closing)
    for opening, closing in _CLOSING_OF.items()
    if not opening.isascii() and opening not in _CANONICAL and opening not in _CANONICAL.values()
)
#: markers standing in for other mirrorable characters: neutral (ON) arrows that are neither brackets
#: nor mirrored
_NEUTRAL_MARKERS = tuple(
    chr(code)
    for code in range(0x2190, 0x2200)
    if unicodedata.bidirectional(chr(code)) == "ON" and chr(code) not in _MIRROR
)


#: what bracket pairing looks at: brackets and isolates' ends
_PAIRING_CHARS = re.compile("[" + re.escape(_BRACKET_PAIRS + _ISOLATE_OPENERS + _ISOLATE_CLOSER) + "]")
_MIRRORABLE = re.compile("[" + re.escape("".join(_MIRROR)) + "]")


def _bracket_pairs(line: str) -> list[tuple[int, int]]:
    """The bracket pairs of ``line``, (opening index, closing index), found as rule BD16 finds them.

    A pair never straddles an isolate's boundary: the text inside an isolate pairs on its own.
    """
    pairs: list[tuple[int, int]] = []
    stacks: list[list[tuple[str, int]] | None] = [[]]  # one per isolate level; None: pairing ended
    for found in _PAIRING_CHARS.finditer(line):
        index, char = found.start(), found.group()
        if char in _ISOLATE_OPENERS:
            stacks.append([])
            continue
        if char == _ISOLATE_CLOSER:
            if len(stacks) > 1:
                stacks.pop()
            continue
        stack = stacks[-1]
        if stack is None:
            continue
        char = _CANONICAL.get(char, char)
        if char in _CLOSING_OF:
            if len(stack) == _BRACKET_STACK_SIZE:
                stacks[-1] = None
            else:
                stack.append((_CLOSING_OF[char], index))
        elif char in _CLOSERS:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == char:
                    pairs.append((stack[depth][1], index))
                    del stack[depth:]
                    break
    return sorted(pairs)


def _probe(
    line: str, base_dir: str, pairs: list[tuple[int, int, str, str]], singles: list[tuple[int, str, str]]
) -> Iterator[tuple[int, str]]:
    """(display position, character drawn there) for the bracket ``pairs`` of ``line`` (opening index,
    closing index, their two markers) and its lone mirrorable characters ``singles`` (index, two markers)."""
    probe = list(line)
    for opening, closing, open_marker, close_marker in pairs:
        probe[opening], probe[closing] = open_marker, close_marker
    for index, first, second in singles:
        probe[index] = first + second
    shown = str(get_display("".join(probe), base_dir=base_dir))
    at = {marker: shown.index(marker) for pair in pairs for marker in pair[2:]}
    at.update((marker, shown.index(marker)) for single in singles for marker in single[1:])
    # a couple of neutral markers stands for one character: the second of the two to show is extra
    extra = sorted(max(at[first], at[second]) for _index, first, second in singles)

    def place(marker: str) -> int:
        return at[marker] - bisect_left(extra, at[marker])

    for opening, closing, open_marker, close_marker in pairs:
        odd = at[close_marker] < at[open_marker]
        yield place(open_marker), _MIRROR[line[opening]] if odd else line[opening]
        yield place(close_marker), _MIRROR[line[closing]] if odd else line[closing]
    for index, first, second in singles:
        odd = at[second] < at[first]
        yield place(second if odd else first), _MIRROR[line[index]] if odd else line[index]


def _display(line: str, base_rtl: bool) -> str:
    """``line`` in display order with base direction ``base_rtl``, mirrored where its level is odd."""
    base_dir = "R" if base_rtl else "L"
    shown = str(get_display(line, base_dir=base_dir))
    mirrorable = [found.start() for found in _MIRRORABLE.finditer(line)]
    if not mirrorable:
        return shown
    drawn = list(shown)
    pairs = _bracket_pairs(line)
    paired = {index for pair in pairs for index in pair}
    singles = [index for index in mirrorable if index not in paired]
    present = set(line)
    free_pairs = (pair for pair in _PAIR_MARKERS if pair[0] not in present and pair[1] not in present)
    free_neutrals = (marker for marker in _NEUTRAL_MARKERS if marker not in present)
    pair_markers = list(islice(free_pairs, len(pairs)))
    couples = list(islice(zip(free_neutrals, free_neutrals, strict=False), len(singles)))
    while pairs or singles:  # in batches, should a line ever hold more brackets than there are markers
        batch = [(*pair, *markers) for pair, markers in zip(pairs, pair_markers, strict=False)]
        lone = [(index, *markers) for index, markers in zip(singles, couples, strict=False)]
        if not batch and not lone:
            break
        pairs, singles = pairs[len(batch) :], singles[len(lone) :]
        for position, char in _probe(line, base_dir, batch, lone):
            drawn[position] = char
    return "".join(drawn)


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
    return _display(line, base_rtl)


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
