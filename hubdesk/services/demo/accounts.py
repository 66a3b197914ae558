"""The demo's accounts, password and site, and the accounts a demo database lists."""

from __future__ import annotations

from hubdesk.db.database import Database
from hubdesk.domain.enums import Role
from hubdesk.services.settings import SettingsService

DEMO_PASSWORD = "hubdesk-demo"

#: (user name, full name, role) of the accounts of a demo database; they all use DEMO_PASSWORD.
DEMO_ACCOUNTS: tuple[tuple[str, str, Role], ...] = (
    ("admin", "Administrateur démo", Role.ADMINISTRATOR),
    ("coordination", "Salma Bennani", Role.COORDINATOR),
    ("amina", "Amina El Idrissi", Role.COUNSELLOR),
    ("youssef", "Youssef Tahiri", Role.COUNSELLOR),
    ("fatou", "Fatou Ndiaye", Role.COUNSELLOR),
)

DEMO_SITE = "TNG"


def demo_accounts(database: Database) -> list[tuple[str, str, str]]:
    """(user name, full name, role) of the demo accounts; [] when the database is not a demo."""
    return SettingsService(database).demo_accounts()
