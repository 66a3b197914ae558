"""The schema only changes through Alembic, and the migrations build exactly what the models say."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from hubdesk.db import migrate
from hubdesk.db.base import Base
from hubdesk.db.database import BACKUP_DIR, Database, open_database
from hubdesk.db.location import DATABASE_FILE
from hubdesk.domain.errors import DatabaseUnavailable
from hubdesk.services.facade import Services
from tests.integration.test_beneficiary_service import person


def test_upgrade_from_empty_equals_the_models(database: Database) -> None:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    assert migrate.current_revision(database.engine) == migrate.head_revision()


def test_the_head_constant_is_the_head_of_the_migration_scripts() -> None:
    assert migrate.script_head() == migrate.HEAD_REVISION


def test_sqlite_runs_in_wal_mode_with_foreign_keys(database: Database) -> None:
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_an_older_database_is_copied_before_it_is_upgraded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    open_database(tmp_path).close()
    # The code now knows a newer head than the file: the file must be copied before upgrading.
    monkeypatch.setattr(migrate, "head_revision", lambda: "0002_future")
    upgrade = migrate.upgrade
    copies_when_upgrading: list[int] = []

    def watched_upgrade(engine: sa.Engine, revision: str = "head") -> None:
        copies_when_upgrading.append(len(list((tmp_path / BACKUP_DIR).glob("*.sqlite3"))))
        upgrade(engine, revision)

    monkeypatch.setattr(migrate, "upgrade", watched_upgrade)
    db = open_database(tmp_path)
    db.close()
    assert db.upgrade_backup is not None and db.upgrade_backup.exists()
    assert copies_when_upgrading == [1]  # the copy was there before the schema was touched
    assert db.upgrade_backup.parent == tmp_path / BACKUP_DIR
    copy = sqlite3.connect(db.upgrade_backup)
    assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (migrate.HEAD_REVISION,)
    copy.close()


def test_a_database_from_a_newer_version_is_refused_and_left_alone(tmp_path: Path) -> None:
    db = open_database(tmp_path)
    db.close()
    connection = sqlite3.connect(tmp_path / DATABASE_FILE)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    before = (tmp_path / DATABASE_FILE).read_bytes()
    with pytest.raises(DatabaseUnavailable, match="newer version of hubdesk"):
        open_database(tmp_path)
    assert (tmp_path / DATABASE_FILE).read_bytes() == before
    assert not (tmp_path / "hubdesk.lock").exists()


def test_a_damaged_database_gives_a_message_and_the_latest_copy(tmp_path: Path) -> None:
    (tmp_path / BACKUP_DIR).mkdir()
    copy = tmp_path / BACKUP_DIR / "hubdesk-2026-11-01.sqlite3"
    copy.write_bytes(b"")
    (tmp_path / DATABASE_FILE).write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(DatabaseUnavailable) as caught:
        open_database(tmp_path)
    assert "damaged" in str(caught.value) or "not a hubdesk database" in str(caught.value)
    assert str(copy) in str(caught.value)


def test_a_second_hubdesk_on_the_same_database_is_told_who_holds_it(tmp_path: Path) -> None:
    first = open_database(tmp_path)
    try:
        with pytest.raises(DatabaseUnavailable, match="already open in another hubdesk"):
            open_database(tmp_path)
    finally:
        first.close()
    open_database(tmp_path).close()  # free again once the first one closed


def test_a_lock_left_by_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    import json
    import socket

    (tmp_path / "hubdesk.lock").write_text(
        json.dumps({"host": socket.gethostname(), "user": "x", "pid": 2**22 + 12345}), encoding="utf-8"
    )
    open_database(tmp_path).close()


def test_a_migration_that_rebuilds_a_table_keeps_the_rows_that_point_at_it(services: Services) -> None:
    """Alembic's batch mode copies and drops a table: with foreign keys on, the drop would cascade."""
    from alembic.operations import Operations
    from alembic.runtime.migration import MigrationContext as Context
    from sqlalchemy import Integer, text

    database: Database = services.database
    saved = services.beneficiaries.create(person())
    with migrate.migration_connection(database.engine) as connection:
        operations = Operations(Context.configure(connection, opts={"render_as_batch": True}))
        with operations.batch_alter_table("beneficiary", recreate="always") as batch:
            batch.add_column(sa.Column("future_field", Integer, nullable=True))
    with database.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM beneficiary_phone")).scalar() == 1
        assert connection.execute(text("SELECT count(*) FROM search_key")).scalar() > 0
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert services.beneficiaries.get(saved.id).draft.phones


def test_a_lock_naming_a_reused_process_number_is_taken_over(tmp_path: Path) -> None:
    """After a crash and a restart, the old number may be another program's (here: this one's parent)."""
    import json
    import os
    import socket

    holder = {"host": socket.gethostname(), "user": "x", "pid": os.getppid(), "started": 12.0}
    (tmp_path / "hubdesk.lock").write_text(json.dumps(holder), encoding="utf-8")
    open_database(tmp_path).close()
