"""The bundled fonts: Amiri (Arabic and Latin, OFL) first, DejaVu Serif for what Amiri lacks.

A character neither font has is refused with a clear message instead of printing as a blank box.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from hubdesk.domain.errors import HubdeskError
from hubdesk.resources import resources_dir

REGULAR = "Amiri"
BOLD = "Amiri-Bold"
FALLBACK = "DejaVuSerif"
FALLBACK_BOLD = "DejaVuSerif-Bold"

_FILES = {
    REGULAR: "Amiri-Regular.ttf",
    BOLD: "Amiri-Bold.ttf",
    FALLBACK: "DejaVuSerif.ttf",
    FALLBACK_BOLD: "DejaVuSerif-Bold.ttf",
}
_FALLBACK_OF = {REGULAR: FALLBACK, BOLD: FALLBACK_BOLD}


class UnprintableText(HubdeskError):
    """Text holds a character no bundled font can draw."""


@dataclass(frozen=True)
class _Font:
    name: str
    cmap: frozenset[int]
    chars: frozenset[str]


@cache
def _font(name: str) -> _Font:
    path: Path = resources_dir() / "fonts" / _FILES[name]
    if not path.is_file():
        raise HubdeskError(f"The document font {path.name} is missing from {path.parent}: reinstall hubdesk.")
    font = TTFont(name, str(path))
    pdfmetrics.registerFont(font)
    cmap = frozenset(font.face.charToGlyph)
    return _Font(name, cmap, frozenset(map(chr, cmap)) | {" "})


def register_fonts() -> None:
    """Load the bundled fonts into ReportLab (once per process)."""
    for name in _FILES:
        _font(name)


#: directional isolates: kept through the bidi step, never drawn
ISOLATES = frozenset("\u2066\u2067\u2068\u2069")


def _invisible(char: str) -> bool:
    return unicodedata.category(char) in ("Cf", "Cc") and char not in "\t\n"


@lru_cache(maxsize=8192)
def clean(text: str) -> str:
    """Text without invisible format characters (typed bidi marks, zero widths); isolates stay."""
    return "".join(c for c in text if c in ISOLATES or not _invisible(c))


def runs(text: str, font: str) -> list[tuple[str, str]]:
    """``text`` cut into (font name, piece) so that each piece is drawn by a font that has it.

    Raises UnprintableText naming the character when neither bundled font has it.
    """
    main = _font(font)
    if main.chars.issuperset(text):  # nearly always: one piece, no per-character work
        return [(main.name, text)] if text else []
    fallback = _font(_FALLBACK_OF.get(font, FALLBACK))
    pieces: list[tuple[str, str]] = []
    for char in text:
        if char in ISOLATES:
            continue
        code = ord(char)
        if code in main.cmap or char == " ":
            name = main.name
        elif code in fallback.cmap:
            name = fallback.name
        else:
            raise UnprintableText(
                f"The character {char!r} (U+{code:04X}) in “{text.strip()[:60]}” cannot be printed with the "
                "document fonts. Replace it in the record and print again."
            )
        if pieces and pieces[-1][0] == name:
            pieces[-1] = (name, pieces[-1][1] + char)
        else:
            pieces.append((name, char))
    return pieces


@lru_cache(maxsize=65536)
def width(text: str, font: str, size: float) -> float:
    return sum(pdfmetrics.stringWidth(piece, name, size) for name, piece in runs(text, font))
