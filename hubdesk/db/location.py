"""Where the data lives: the user's data folder, or --data-dir / HUBDESK_DATA_DIR."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

DATABASE_FILE = "hubdesk.sqlite3"


def default_data_dir() -> Path:
    return user_data_path("hubdesk", appauthor=False)


def resolve_data_dir(option: str | os.PathLike[str] | None = None) -> Path:
    """The --data-dir option wins, then HUBDESK_DATA_DIR, then the platform's data folder."""
    if option:
        return Path(option).expanduser()
    env = os.environ.get("HUBDESK_DATA_DIR")
    if env:
        return Path(env).expanduser()
    return default_data_dir()


def demo_data_dir() -> Path:
    """Demo databases never share the folder of the real one."""
    return default_data_dir() / "demo"
