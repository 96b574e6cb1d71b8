"""Engine, connection discipline and migrations. No Qt. (Backup files: store/backup_files.py; checks: store/integrity.py.)

Thread rule: an Engine may be shared; a Session never is. Each worker thread opens its own sessions.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import functools
import itertools
import logging
import os
import sqlite3
import sys
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.sql import sqltypes

from talentdesk.domain.errors import StorageError
from talentdesk.i18n import translate
from talentdesk.paths import migrations_dir, recorded_head

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


def _windows_drive_is_remote(path: str) -> bool:
    """Whether the drive letter of a Windows path is a mapped network drive (GetDriveTypeW says DRIVE_REMOTE).
    Windows path rules (ntpath) on purpose, so tests on any system can run it with a stand-in for ctypes.windll."""
    import ctypes
    import ntpath

    drive = ntpath.splitdrive(path if ntpath.isabs(path) else os.path.abspath(path))[0]
    if not drive or drive.startswith(("\\\\", "//")):
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
        if _windows_drive_is_remote(raw):
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

def sqlite_url(path: Path | str) -> URL:
    """The SQLAlchemy URL of a SQLite file, built as an object: a `?` or `#` in a folder name stays in the path."""
    return URL.create("sqlite", database=str(Path(path)))


def connect_readonly(path: Path | str, *, timeout: float = BUSY_TIMEOUT_MS / 1000) -> sqlite3.Connection:
    """Open a SQLite file read-only. The URI is built with `Path.as_uri()` (which escapes `#`, `?`, `%` and
    spaces), never by splicing the path into text; a missing file is an error, never a new empty database.
    An encrypted file is opened with its unlocked key applied first (store/cipher.py)."""
    from talentdesk.store import cipher

    return cipher.connect(path, readonly=True, timeout=timeout)


def connect_file(path: Path | str, *, timeout: float = BUSY_TIMEOUT_MS / 1000, key: bytes | None = None):
    """Open a SQLite file for writing (plain, or encrypted with its unlocked key / `key` for a new copy)."""
    from talentdesk.store import cipher

    return cipher.connect(path, timeout=timeout, key=key)


def _install_sqlite_discipline(engine: Engine) -> None:
    """foreign_keys=ON, WAL and synchronous=FULL on every connection; real BEGIN so DDL and DML are transactional."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # let SQLAlchemy's BEGIN (below) own the transaction
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA secure_delete=ON")  # deleted rows (a moved key, a removed person) are zeroed, not left
        mode = cur.execute("PRAGMA journal_mode").fetchone()[0]
        if mode.lower() != "memory":
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        conn.exec_driver_sql("BEGIN")


def _date_text(value):
    """A date as SQLAlchemy's SQLite dialect stores it (YYYY-MM-DD), at C speed."""
    return None if value is None else value.isoformat()


def _datetime_text(slow):
    """A naive date-time as SQLAlchemy's SQLite dialect stores it (YYYY-MM-DD HH:MM:SS.ffffff, always with the
    microseconds), at C speed; anything else through SQLAlchemy's own conversion (`slow`)."""
    def convert(value):
        if value is None:
            return None
        if type(value) is dt.datetime and value.tzinfo is None and value.year >= 1000:
            return value.isoformat(" ", "microseconds")
        return slow(value)
    return convert


def bind_converter(type_, dialect):
    """The bind conversion of a column type for rows handed to the SQLite driver in bulk (None: the value goes as
    it is): SQLAlchemy's own, except dates and date-times, which are written the fast way to the same text."""
    if type(type_) is sqltypes.Date:
        return _date_text
    slow = type_._cached_bind_processor(dialect)
    if type(type_) is sqltypes.DateTime and slow is not None:
        return _datetime_text(slow)
    return slow


def variable_limit(conn: Connection) -> int:
    """How many bound parameters one statement may carry on this SQLite connection (32,766 since SQLite 3.32,
    999 before; a build may set its own)."""
    raw = conn.connection.dbapi_connection
    getlimit = getattr(raw, "getlimit", None)
    if getlimit is not None:
        try:
            return int(getlimit(9))  # SQLITE_LIMIT_VARIABLE_NUMBER
        except Exception:  # noqa: BLE001 - a driver without limits: fall back on the version
            pass
    version = conn.exec_driver_sql("SELECT sqlite_version()").scalar()
    return 32_766 if tuple(int(p) for p in version.split(".")[:2]) >= (3, 32) else 999


def insert_values(conn: Connection, target: str, keys: list[str], rows: list) -> None:
    """Rows of values as the SQLite driver takes them (each in `keys` order, bind conversions done) into `target`
    (a quoted table name): as few multi-row INSERT statements as the parameter limit allows. One statement a row
    costs SQLite a statement journal and the driver a round trip each (issue 18); the bulk writes of
    services/base.py and the watch list's signals go through here."""
    if not rows:
        return
    per = max(1, variable_limit(conn) // len(keys))
    quote = conn.dialect.identifier_preparer.quote
    head = f"INSERT INTO {target} ({', '.join(quote(k) for k in keys)}) VALUES "
    one = "(" + ", ".join("?" * len(keys)) + ")"
    for start in range(0, len(rows), per):
        chunk = rows[start:start + per]
        conn.exec_driver_sql(head + ", ".join([one] * len(chunk)), tuple(itertools.chain.from_iterable(chunk)))


BULK_CACHE_KIB = 65_536  # 64 MiB of page cache while a bulk write runs (SQLite's default is 2 MiB)
BULK_CACHE_MAX_KIB = 524_288


def bulk_cache_kib(rows: int) -> int:
    """The page cache for a bulk write into a table of about `rows` rows: about half a KiB a row (a talent's entries
    in its fourteen indexes and two full-text indexes, which a large import touches all over), at least 64 MiB, at
    most 512 MiB and an eighth of the memory free on this computer. At a million talents 512 MiB instead of 64 takes
    a quarter off an import's write time (issue 18); at 100,000 it stays 64 MiB."""
    want = max(BULK_CACHE_KIB, rows // 2)
    try:
        import psutil

        free = psutil.virtual_memory().available // 1024 // 8
    except Exception:  # noqa: BLE001 - no figure: keep to the smallest
        free = BULK_CACHE_KIB
    return int(min(want, BULK_CACHE_MAX_KIB, max(BULK_CACHE_KIB, free)))


@contextlib.contextmanager
def larger_page_cache(conn: Connection, kib: int = BULK_CACHE_KIB):
    """A larger SQLite page cache on this connection for one bulk write, the connection's own size afterwards.
    Inserting thousands of rows into a table with many indexes touches pages all over each index; with the default
    cache they are read again and again (issue 18: a 10,000-row import into 100,000 talents). Other databases:
    nothing changes."""
    if conn.dialect.name != "sqlite":
        yield
        return
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    if before is not None and (before < 0 and -before >= kib or before > 0 and before * 4 >= kib):
        yield  # already at least as large (page counts are taken as 4 KiB pages, SQLite's usual)
        return
    conn.exec_driver_sql(f"PRAGMA cache_size=-{int(kib)}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size={int(before)}")


def _install_key(engine: Engine, path: Path) -> None:
    """An encrypted file: every connection is made here and gets its key before any other statement (the pool's
    `connect` listeners, SQLAlchemy's own first statements and `_install_sqlite_discipline` all come after)."""
    from talentdesk.store import cipher

    @event.listens_for(engine, "do_connect")
    def _connect_with_key(_dialect, _record, cargs, cparams):
        key = cipher.key_for(path)
        if key is None:
            raise cipher.locked_error(path)
        return cipher.connect(path, key=key, **{k: v for k, v in cparams.items() if k != "database"})


def is_encrypted_target(target: Path | str) -> bool:
    """A SQLite file that is encrypted (or is about to be created encrypted with a key already unlocked for it)."""
    from talentdesk.store import cipher

    if "://" in str(target):
        return False
    return cipher.is_encrypted(target) or cipher.registered_key(target) is not None


def make_engine(target: Path | str, *, echo: bool = False) -> Engine:
    """An engine for a SQLite file path or any SQLAlchemy URL (e.g. PostgreSQL for a city-level database).
    An encrypted SQLite file gets a SQLCipher engine (store/cipher.py); a plain one stays on `sqlite3`."""
    from talentdesk.store import server

    if server.is_server_url(target):  # never a file, even when a Path folded its `//`
        where, password = server.parse_server_url(target)
        return server.make_server_engine(where, password or server.stored_password(where), echo=echo)
    url = str(target)
    if "://" not in url:
        url = sqlite_url(target)
    if make_url(url).get_backend_name() == "sqlite":
        args = {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
        database = make_url(url).database
        if database and database != ":memory:" and is_encrypted_target(database):
            from talentdesk.store import cipher

            engine = create_engine(url, echo=echo, connect_args=args, module=cipher._dbapi())
            _install_key(engine, Path(database))
        else:
            engine = create_engine(url, echo=echo, connect_args=args)
        _install_sqlite_discipline(engine)
    else:
        engine = create_engine(url, echo=echo, pool_pre_ping=True)
    return engine


# ------------------------------------------------------------------ migrations

def _alembic_config(connection: Connection | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


@functools.cache
def head_revision() -> str:
    """The newest schema revision of this program (read once per process: the migration files do not change while
    it runs, and loading them costs 30 ms)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def has_user_tables(engine: Engine) -> bool:
    names = set(inspect(engine).get_table_names()) - {"alembic_version"}
    return bool(names)


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
    return recorded_head(migrations_dir())


def stored_revision(engine: Engine) -> str | None:
    """The revision recorded in the database (plain SQL; None for a new database)."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    with engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except DBAPIError:
            return None


# ------------------------------------------------------------------ a list of ids as ONE bound parameter

from sqlalchemy import Boolean, any_, bindparam, func as _func, select as _select  # noqa: E402
from sqlalchemy.dialects.postgresql import ARRAY  # noqa: E402
from sqlalchemy.ext.compiler import compiles  # noqa: E402
from sqlalchemy.sql.expression import ColumnElement  # noqa: E402


class _InList(ColumnElement):
    """`column IN (values)` sent as one parameter, whatever the number of values: SQLite allows 32,766 bound
    parameters and PostgreSQL 65,535, and a broad search (or a whole county's ids) passes both."""

    inherit_cache = False
    type = Boolean()
    # a predicate, not a boolean value: without this SQLite gets `... IN (...) = 1`, which no index can serve
    # (every search then scanned the whole talents table)
    _is_implicitly_boolean = True

    def __init__(self, column, values):
        self.column = column
        self.values = list(values)


def ids_in(column, values) -> ColumnElement:
    """`column IN values` with the list in one bound parameter (an array on PostgreSQL, JSON on SQLite)."""
    return _InList(column, values)


@compiles(_InList)
def _in_list_default(element, compiler, **kw):
    return compiler.process(element.column.in_(element.values), **kw)


@compiles(_InList, "sqlite")
def _in_list_sqlite(element, compiler, **kw):
    import json

    each = _func.json_each(json.dumps(element.values)).table_valued("value")
    return compiler.process(element.column.in_(_select(each.c.value)), **kw)


@compiles(_InList, "postgresql")
def _in_list_postgresql(element, compiler, **kw):
    param = bindparam(None, element.values, type_=ARRAY(element.column.type))
    return compiler.process(element.column == any_(param), **kw)
