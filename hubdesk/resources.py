"""Where the bundled resources (fonts with their licences, translations, icons) are found."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The ``resources`` folder: inside a PyInstaller bundle, else beside the ``hubdesk`` package."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def font_files() -> list[Path]:
    return sorted((resources_dir() / "fonts").glob("*.ttf"))
