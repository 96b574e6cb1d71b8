"""Engine, connection discipline, migrations, backup and integrity checks. No Qt.

Thread rule: an Engine may be shared; a Session never is. Each worker thread opens its own sessions.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.orm import Session, sessionmaker

from talentdesk.domain.errors import StorageError
from talentdesk.i18n import translate
from talentdesk.paths import backups_dir_for, migrations_dir

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
NETWORK_FS_TYPES = {
    "nfs", "nfs4", "cifs", "smbfs", "smb3", "smb2", "ncpfs", "afs", "9p", "fuse.sshfs", "sshfs",
    "fuse.rclone", "davfs", "fuse.davfs2", "glusterfs", "ceph", "lustre", "fuse.gvfsd-fuse",
}


# ------------------------------------------------------------------ where the database may live

def _mount_fstype(path: Path) -> str | None:
    """The file-system type of the mount that holds `path` (the deepest mount point above it; of several mounts on
    one point the last, which hides the others), from psutil's list of every mount."""
    import psutil

    best: Path | None = None
    best_type = None
    for part in psutil.disk_partitions(all=True):
        mount = Path(part.mountpoint)
        if (path == mount or mount in path.parents) and (best is None or len(mount.parts) >= len(best.parts)):
            best, best_type = mount, part.fstype
    return best_type


def _windows_drive_is_remote(path: Path) -> bool:  # pragma: no cover - Windows only
    import ctypes

    drive = os.path.splitdrive(str(path))[0]
    if not drive:
        return False
    DRIVE_REMOTE = 4
    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE


def network_location_reason(path: Path, *, platform: str | None = None) -> str | None:
    """Why `path` is on a network share (UNC path, mapped network drive, nfs/cifs/smb mount), or None."""
    platform = platform or sys.platform
    raw = str(path)
    if raw.startswith("\\\\") or raw.startswith("//"):
        return "UNC"
    if platform.startswith("win"):
        if _windows_drive_is_remote(Path(os.path.abspath(raw))):
            return "network drive"
        return None
    resolved = Path(os.path.abspath(raw))
    probe = resolved if resolved.exists() else resolved.parent
    fstype = _mount_fstype(probe.resolve())
    if fstype and (fstype in NETWORK_FS_TYPES or fstype.startswith("nfs") or fstype.startswith("smb")):
        return fstype
    return None


def refuse_network_location(path: Path, **kw) -> None:
    reason = network_location_reason(path, **kw)
    if reason:
        raise StorageError(
            translate(
                "Storage",
                "The database {path} is on a network share ({reason}). SQLite databases are damaged when they are "
                "written over a network. Keep the database on this PC's own disk (the default data folder) and use "
                "backups to copy it elsewhere.",
            ).format(path=path, reason=reason)
        )


# ------------------------------------------------------------------ engines

def is_sqlite_url(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_url(path: Path | str) -> str:
    return f"sqlite:///{Path(path)}"


def _install_sqlite_discipline(engine: Engine) -> None:
    """foreign_keys=ON, WAL and synchronous=FULL on every connection; real BEGIN so DDL and DML are transactional."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # let SQLAlchemy's BEGIN (below) own the transaction
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys=ON")
        mode = cur.execute("PRAGMA journal_mode").fetchone()[0]
        if mode.lower() != "memory":
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        conn.exec_driver_sql("BEGIN")


def make_engine(target: Path | str, *, echo: bool = False) -> Engine:
    """An engine for a SQLite file path or any SQLAlchemy URL (e.g. PostgreSQL for a city-level database)."""
    url = str(target)
    if "://" not in url:
        url = sqlite_url(target)
    if is_sqlite_url(url):
        engine = create_engine(url, echo=echo, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000})
        _install_sqlite_discipline(engine)
    else:
        engine = create_engine(url, echo=echo, pool_pre_ping=True)
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False, autoflush=True)


# ------------------------------------------------------------------ migrations

def _alembic_config(connection: Connection | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def has_user_tables(engine: Engine) -> bool:
    names = set(inspect(engine).get_table_names()) - {"alembic_version"}
    return bool(names)


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None

    @property
    def migrated(self) -> bool:
        return self.from_revision != self.to_revision


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run Alembic in one transaction on a connection handed to it; foreign keys off while tables are rebuilt."""
    from alembic import command

    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        raw = conn.connection.driver_connection if sqlite else None
        if sqlite:
            raw.execute("PRAGMA foreign_keys=OFF")  # outside any transaction, or SQLite ignores it
        try:
            with conn.begin():
                command.upgrade(_alembic_config(conn), revision)
                if sqlite:
                    bad = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if bad:
                        raise StorageError(
                            translate("Storage", "The upgrade would break links between records; nothing was changed.")
                        )
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys=ON")


def built_head() -> str | None:
    """The head revision a built program carries (`HEAD` beside its migrations, written by Alembic's ScriptDirectory
    at build time: installer/build_data.py, used by setup.py and build.spec); None in the source tree.

    Why not ask Alembic every time: importing it costs 0.3–0.4 s here, a third of the start-up budget, and a
    database already at head needs nothing else from it. The source tree has no HEAD file (migrations change
    there), so it always asks Alembic (`head_revision`)."""
    try:
        return (migrations_dir() / "HEAD").read_text(encoding="ascii").strip() or None
    except OSError:
        return None


def stored_revision(engine: Engine) -> str | None:
    """The revision recorded in the database (plain SQL; None for a new database)."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    with engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except DBAPIError:
            return None


def migrate_to_head(engine: Engine, db_path: Path | None = None, *, backup_dir: Path | None = None) -> MigrationResult:
    """Bring the schema to head. When a database holding data is behind, back it up first (SQLite backup API)."""
    built = built_head()
    if built is not None and stored_revision(engine) == built:
        return MigrationResult(built, built, None)  # a built program on a current database: Alembic stays unloaded
    head = head_revision()
    current = current_revision(engine)
    if current == head:
        return MigrationResult(current, head, None)
    backup_path = None
    if db_path is not None and engine.dialect.name == "sqlite" and has_user_tables(engine):
        backup_path = backup_database(
            db_path, (backup_dir or backups_dir_for(db_path)), reason=f"pre-migrate-{current or 'none'}"
        )
    log.info("migrating %s from %s to %s", db_path or engine.url, current, head)
    upgrade(engine, "head")
    return MigrationResult(current, head, backup_path)


# ------------------------------------------------------------------ backup and checks

def _timestamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def backup_database(
    db_path: Path,
    dest_dir: Path,
    *,
    reason: str = "manual",
    dest: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Copy a live SQLite database with the backup API (consistent while it is being used), then check the copy."""
    db_path = Path(db_path)
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    if dest is None:
        dest = dest_dir / f"{db_path.stem}-{_timestamp()}-{reason}.db"
    tmp = dest.with_suffix(dest.suffix + ".part")
    src = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        dst = sqlite3.connect(tmp)
        try:

            def _progress(_status, remaining, total):
                if progress:
                    progress(total - remaining, total)

            src.backup(dst, pages=1024, progress=_progress)
            dst.execute("PRAGMA journal_mode=DELETE")
            result = dst.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            dst.close()
    except sqlite3.Error as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(
            translate("Storage", "The backup could not be written: {error}").format(error=exc)
        ) from exc
    finally:
        src.close()
    if result != "ok":
        tmp.unlink(missing_ok=True)
        raise StorageError(translate("Storage", "The backup copy failed its integrity check; it was discarded."))
    os.replace(tmp, dest)
    return dest


def integrity_check(db_path: Path, *, quick: bool = False) -> list[str]:
    """Problems reported by SQLite (empty list when the file is sound)."""
    pragma = "quick_check" if quick else "integrity_check"
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows


def foreign_key_problems(db_path: Path) -> list[tuple]:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        conn.close()
