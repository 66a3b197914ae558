"""Shared fixtures: a fresh, migrated database per test and services logged in as an administrator."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never let a test reach the real user's data folder.
os.environ.pop("HUBDESK_DATA_DIR", None)

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from hubdesk.db.database import Database, open_database
from hubdesk.db.location import DATABASE_FILE
from hubdesk.services import accounts
from hubdesk.services.facade import Services
from hubdesk.ui.binding_guard import keep_none_alive

keep_none_alive()  # as the application does: pytest-qt's waits call into Qt hundreds of thousands of times

ADMIN_PASSWORD = "correct-horse-1"


@pytest.fixture(autouse=True, scope="session")
def _cheap_password_hashing() -> Iterator[None]:
    """Still argon2id, at the smallest cost: the suite hashes hundreds of passwords."""
    production = accounts._hasher
    accounts._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    yield
    accounts._hasher = production


@pytest.fixture(scope="session")
def _template(tmp_path_factory: pytest.TempPathFactory, _cheap_password_hashing: None) -> Path:
    """A migrated database holding the administrator, made once and copied for each test."""
    folder = tmp_path_factory.mktemp("template")
    db = open_database(folder)
    Services(db).accounts.create_first_administrator("admin", "Admin Istrateur", ADMIN_PASSWORD)
    db.close()
    return folder / DATABASE_FILE


@pytest.fixture
def empty_database(tmp_path: Path) -> Iterator[Database]:
    """A freshly migrated database with no account at all (first start)."""
    db = open_database(tmp_path / "empty")
    yield db
    db.close()


@pytest.fixture
def database(tmp_path: Path, _template: Path) -> Iterator[Database]:
    """A fresh database per test, holding only the administrator account ``admin``."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(_template, folder / DATABASE_FILE)
    db = open_database(folder)
    yield db
    db.close()


@pytest.fixture
def services(database: Database) -> Services:
    """Services on a fresh database, logged in as the administrator ``admin``."""
    hub = Services(database)
    hub.login("admin", ADMIN_PASSWORD)
    return hub
