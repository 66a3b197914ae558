"""Reading rendered PDFs back: text (pypdf), drawn characters with positions (pypdfium2), pages as PNG."""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass

import pypdf
import pypdfium2
import pypdfium2.raw as pdfium_raw

#: a word is a run of Arabic letters or a run of other letters and digits: extractors glue neighbours of
#: different scripts together when they reorder a mixed line ("العمرانيné")
_WORD = re.compile(r"[\u0600-\u06ff]+|[^\W\u0600-\u06ff]+")


def pdf_text(pdf: bytes) -> str:
    """All pages' text as pypdf reads it, Arabic presentation forms folded back to letters."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return unicodedata.normalize("NFKC", "\n".join(page.extract_text() for page in reader.pages))


def raw_text(pdf: bytes) -> str:
    """Text as pypdf reads it, without folding: joined Arabic letter forms stay visible."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def words(text: str) -> set[str]:
    """The words and numbers of ``text``: extractors reorder mixed-direction lines, words survive."""
    return set(_WORD.findall(unicodedata.normalize("NFKC", text)))


def has_all_words(pdf: bytes, phrase: str) -> bool:
    return words(phrase) <= words(pdf_text(pdf))


def page_count(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


@dataclass(frozen=True)
class DrawnChar:
    char: str
    left: float
    bottom: float


def drawn_chars(pdf: bytes, page: int = 0) -> list[DrawnChar]:
    """Characters of a page in reading order with where their glyph was drawn (points from bottom left)."""
    document = pypdfium2.PdfDocument(pdf)
    text = document[page].get_textpage()
    chars = []
    for index in range(text.count_chars()):
        left, bottom, _right, _top = text.get_charbox(index)
        chars.append(DrawnChar(chr(pdfium_raw.FPDFText_GetUnicode(text, index)), left, bottom))
    return chars


def find_word(chars: list[DrawnChar], word: str) -> list[DrawnChar]:
    joined = "".join(c.char for c in chars)
    at = joined.find(word)
    assert at >= 0, f"{word!r} not found on the page"
    return chars[at : at + len(word)]


def page_width(pdf: bytes, page: int = 0) -> float:
    return float(pypdfium2.PdfDocument(pdf)[page].get_width())
