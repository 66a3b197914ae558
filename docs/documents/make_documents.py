"""Render every document's sample in French, Arabic and English to PNG (one file per page).

    python docs/documents/make_documents.py [KIND ...]

The PNGs land beside this script; README.md shows them. Rendering uses pypdfium2, so no
Debian package is needed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pypdfium2

from hubdesk.documents import render
from hubdesk.documents.data import LANGUAGES
from hubdesk.documents.samples import sample, sample_sign_in_sheet
from hubdesk.documents.sign_in_sheet import render_sign_in_sheet
from hubdesk.domain.enums import DocumentKind

HERE = Path(__file__).resolve().parent
SCALE = 1.25  # 90 dpi: readable on screen, small in the repository


def save_pages(name: str, pdf_bytes: bytes) -> None:
    for stale in HERE.glob(f"{name}-*.png"):
        stale.unlink()
    pdf = pypdfium2.PdfDocument(pdf_bytes)
    for index in range(len(pdf)):
        path = HERE / f"{name}-{index + 1}.png"
        pdf[index].render(scale=SCALE).to_pil().save(path, optimize=True)
        print(path.relative_to(HERE.parent.parent))


def main(kinds: list[str]) -> None:
    for kind in DocumentKind:
        if kinds and kind.value not in kinds:
            continue
        for lang in LANGUAGES:
            save_pages(f"{kind.value}-{lang}", render(kind, sample(kind, lang), lang))
    if not kinds or "sign_in_sheet" in kinds:  # a form, not a registered document
        for lang in LANGUAGES:
            save_pages(f"sign_in_sheet-{lang}", render_sign_in_sheet(sample_sign_in_sheet(lang), lang))


if __name__ == "__main__":
    main(sys.argv[1:])
