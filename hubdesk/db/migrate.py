"""Schema upgrades through Alembic, run programmatically on hubdesk's own engine.

Alembic is imported only when the schema must change: a database already at ``HEAD_REVISION``
opens without it (a quarter of a second at every start). A test checks that the constant is
Alembic's head.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

from hubdesk.db import sqlite

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")

#: the newest revision in migrations/versions; bump it with every new revision
HEAD_REVISION = "0004"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    return HEAD_REVISION


def script_head() -> str | None:
    """The head according to the migration scripts themselves."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


@contextmanager
def migration_connection(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction, foreign keys off for the rebuilds and checked before commit."""
    with engine.connect() as connection:
        sqlite.foreign_keys_off(connection)  # outside any transaction: SQLite ignores it inside one
        connection.commit()
        try:
            with connection.begin():
                yield connection
                sqlite.check_foreign_keys(connection)
        finally:
            sqlite.foreign_keys_on(connection)
            connection.commit()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    config = alembic_config()
    with migration_connection(engine) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
