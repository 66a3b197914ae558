"""SQLite-only SQL lives here and nowhere else (the rest of hubdesk stays portable to PostgreSQL)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine


def install_pragmas(engine: Engine) -> None:
    """WAL for crash safety and concurrent readers, foreign keys on, wait rather than fail when busy."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()


def foreign_keys_off(connection: Connection) -> None:
    """Before a migration: Alembic's batch mode rebuilds a table by copy-and-drop, and with foreign
    keys on, the drop would cascade into every child table (phones, skills, keys…)."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")


def check_foreign_keys(connection: Connection) -> None:
    """After a migration, inside its transaction: refuse to commit a schema that broke a reference."""
    if connection.dialect.name != "sqlite":
        return
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise RuntimeError(f"the migration broke {len(broken)} references, first: {tuple(broken[0])}")


def foreign_keys_on(connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")


def optimize(engine: Engine) -> None:
    """Let SQLite refresh the planner's statistics where they went stale (cheap; run when closing)."""
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA optimize")


def open_check(path: Path) -> str | None:
    """None when the file opens as a SQLite database with a readable schema, else why not.

    Cheap enough for every start (it reads the header and the schema, not every page); the full
    ``quick_check`` belongs to the weekly integrity check.
    """
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None


def quick_check(path: Path) -> str | None:
    """None when the file is a sound SQLite database, else the reason it is not."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = connection.execute("PRAGMA quick_check").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    if rows and rows[0][0] == "ok":
        return None
    return "; ".join(str(row[0]) for row in rows[:5])


def online_copy(source: Path, target: Path) -> None:
    """Consistent copy of a live database through SQLite's backup API."""
    src = sqlite3.connect(str(source))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def user_version_tables(path: Path) -> set[str]:
    """Names of the tables in a database file (empty for a new file)."""
    connection = sqlite3.connect(str(path))
    try:
        return {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        connection.close()
