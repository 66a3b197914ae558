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
from hubdesk.documents.samples import sample
from hubdesk.domain.enums import DocumentKind

HERE = Path(__file__).resolve().parent
SCALE = 1.25  # 90 dpi: readable on screen, small in the repository


def main(kinds: list[str]) -> None:
    for kind in DocumentKind:
        if kinds and kind.value not in kinds:
            continue
        for lang in LANGUAGES:
            for stale in HERE.glob(f"{kind.value}-{lang}-*.png"):
                stale.unlink()
            pdf = pypdfium2.PdfDocument(render(kind, sample(kind, lang), lang))
            for index in range(len(pdf)):
                path = HERE / f"{kind.value}-{lang}-{index + 1}.png"
                pdf[index].render(scale=SCALE).to_pil().save(path, optimize=True)
                print(path.relative_to(HERE.parent.parent))


if __name__ == "__main__":
    main(sys.argv[1:])
