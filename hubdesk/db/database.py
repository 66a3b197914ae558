"""Opening the database: lock, health check, copy before upgrade, upgrade, session factory."""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import psutil
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from hubdesk.db import migrate, sqlite
from hubdesk.db.location import DATABASE_FILE
from hubdesk.db.uow import UnitOfWork
from hubdesk.domain.errors import DatabaseUnavailable

LOCK_FILE = "hubdesk.lock"
BACKUP_DIR = "backups"


@dataclass
class Database:
    """An open, up-to-date database and the folder it lives in."""

    engine: Engine
    session_factory: sessionmaker[Session]
    data_dir: Path
    path: Path
    upgrade_backup: Path | None = None
    _lock_path: Path | None = None

    def unit_of_work(self) -> UnitOfWork:
        return UnitOfWork(self.session_factory)

    @property
    def label(self) -> str:
        return str(self.path)

    def analyze(self) -> None:
        """Gather the planner's statistics, after a bulk load (e.g. the demo) changed the tables."""
        with self.engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")

    def close(self) -> None:
        with contextlib.suppress(Exception):  # closing must not fail over the planner's statistics
            sqlite.optimize(self.engine)
        self.engine.dispose()
        if self._lock_path is not None:
            self._lock_path.unlink(missing_ok=True)
            self._lock_path = None


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}")
    sqlite.install_pragmas(engine)
    return engine


def latest_backup(data_dir: Path) -> Path | None:
    folder = data_dir / BACKUP_DIR
    copies = sorted(folder.glob("*.sqlite3"), key=lambda p: p.stat().st_mtime) if folder.is_dir() else []
    return copies[-1] if copies else None


def _started(pid: int) -> float | None:
    """When process ``pid`` started (None when there is no such process)."""
    try:
        return round(psutil.Process(pid).create_time(), 2)
    except (psutil.NoSuchProcess, psutil.AccessDenied, ValueError):
        return None


def _take_lock(data_dir: Path) -> Path:
    """One hubdesk at a time on a database; a lock left by a dead process is taken over."""
    lock = data_dir / LOCK_FILE
    me = {
        "host": socket.gethostname(),
        "user": getpass.getuser(),
        "pid": os.getpid(),
        "started": _started(os.getpid()),
    }
    for _ in range(2):
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            try:
                holder = json.loads(lock.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                holder = {}
            same_host = holder.get("host") == me["host"]
            # after a crash and a restart the number may belong to another program: compare start times
            pid = holder.get("pid")
            started = _started(pid) if isinstance(pid, int) else None
            alive = same_host and started is not None and started == holder.get("started")
            if same_host and not alive:
                lock.unlink(missing_ok=True)
                continue
            raise DatabaseUnavailable(
                f"This database is already open in another hubdesk (user {holder.get('user', '?')} "
                f"on {holder.get('host', '?')}, process {holder.get('pid', '?')}). Close it there first; "
                f"if that hubdesk crashed on another computer, delete {lock}."
            ) from None
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(me, handle)
        return lock
    raise DatabaseUnavailable(f"Could not take the lock {lock}.")


def _way_out(data_dir: Path) -> str:
    backup = latest_backup(data_dir)
    if backup is None:
        return "No copy of it was found in the backups folder."
    return f"The latest copy is {backup}: to go back to it, close hubdesk and copy it over {DATABASE_FILE}."


def open_database(data_dir: Path, *, lock: bool = True, upgrade: bool = True) -> Database:
    """Open (creating if needed) and upgrade the database in ``data_dir``.

    ``lock=False, upgrade=False`` is a quick look beside a running hubdesk (e.g. ``hubdesk verify``):
    no lock file, and a database that would need an upgrade is refused rather than touched.

    Raises DatabaseUnavailable with a message that says what is wrong and the way out.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / DATABASE_FILE
    lock_path = _take_lock(data_dir) if lock else None
    try:
        backup = None
        if path.exists() and path.stat().st_size > 0:
            problem = sqlite.open_check(path)
            if problem is not None:
                raise DatabaseUnavailable(f"The database {path} is damaged ({problem}). {_way_out(data_dir)}")
        engine = make_engine(path)
        current = migrate.current_revision(engine)
        if current is not None and current != migrate.head_revision() and current not in migrate.known_revisions():
            engine.dispose()
            raise DatabaseUnavailable(
                f"The database {path} was made by a newer version of hubdesk (schema {current}). "
                "Install the newer hubdesk to open it; this version will not touch it."
            )
        if current is None and path.stat().st_size > 0 and sqlite.user_version_tables(path):
            engine.dispose()
            raise DatabaseUnavailable(f"{path} is not a hubdesk database. {_way_out(data_dir)}")
        if current != migrate.head_revision() and not upgrade:
            engine.dispose()
            raise DatabaseUnavailable(
                f"The database {path} needs an upgrade first: open it once in hubdesk, then try again."
            )
        if current != migrate.head_revision():
            if current is not None:
                backup = _copy_before_upgrade(path, data_dir, current)
            migrate.upgrade(engine)
    except DatabaseUnavailable:
        if lock_path is not None:
            lock_path.unlink(missing_ok=True)
        raise
    except Exception as exc:
        if lock_path is not None:
            lock_path.unlink(missing_ok=True)
        raise DatabaseUnavailable(f"The database {path} cannot be opened: {exc}. {_way_out(data_dir)}") from exc
    factory = sessionmaker(engine, expire_on_commit=False)
    return Database(engine, factory, data_dir, path, backup, lock_path)


def _copy_before_upgrade(path: Path, data_dir: Path, revision: str) -> Path:
    folder = data_dir / BACKUP_DIR
    folder.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"hubdesk-before-upgrade-{revision}-{stamp}.sqlite3"
    sqlite.online_copy(path, target)
    return target
