"""Site-wide settings stored in the database."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from hubdesk.db.database import Database
from hubdesk.db.models import Setting
from hubdesk.domain.codes import DEFAULT_SITE

SITE_CODE = "site_code"
ORGANISATION = "organisation_name"
DEMO = "demo"  # "1" in a database made by `hubdesk demo`
DEMO_ACCOUNTS = "demo_accounts"  # JSON list of [user name, full name, role] shown at log-in


def read_setting(session: Session, key: str, default: str = "") -> str:
    value = session.scalar(select(Setting.value).where(Setting.key == key))
    return default if value is None else value


def write_setting(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


class SettingsService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def get(self, key: str, default: str = "") -> str:
        with self._db.unit_of_work() as uow:
            return read_setting(uow.session, key, default)

    def site_code(self) -> str:
        return self.get(SITE_CODE, DEFAULT_SITE)

    def is_demo(self) -> bool:
        return self.get(DEMO) == "1"

    def demo_accounts(self) -> list[tuple[str, str, str]]:
        """(user name, full name, role) of a demo database's accounts; [] for a real database."""
        if not self.is_demo():
            return []
        try:
            entries = json.loads(self.get(DEMO_ACCOUNTS) or "[]")
        except ValueError:
            return []
        if not isinstance(entries, list):
            return []
        return [
            (e[0], e[1], e[2])
            for e in entries
            if isinstance(e, list) and len(e) == 3 and all(isinstance(part, str) for part in e)
        ]
