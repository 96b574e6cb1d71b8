"""Backups and restore.

Backups use SQLite's backup API (consistent while the program runs, see `db.backup_database`) and are checked with
`integrity_check` after writing. They sit in `backups/` beside the database and are optionally copied to a second
folder (a USB stick, setting `backup_second_folder`). Rotation keeps the newest backup of each of the last 7 days,
4 ISO weeks and 12 months, plus everything from today.

A restore validates the chosen file (a TalentDesk database? which schema version? sound?), backs up the current
database, replaces it and migrates it. A file that fails validation is refused and nothing changes.

Thread rule: plain functions; restore must run when no other thread holds a session on the database.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from talentdesk.store import db as dbmod
from talentdesk.domain.enums import AuditAction
from talentdesk.domain.errors import InputFileError, StorageError
from talentdesk.i18n import translate
from talentdesk.paths import backups_dir_for
from talentdesk.services.base import Actor, Change, Database, Lane, Permission, actor_of, operation, record_event, require

log = logging.getLogger(__name__)

KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
OLD_AFTER_DAYS = 3
REQUIRED_TABLES = {"talents", "ledger_entries", "audit_entries", "users", "settings", "alembic_version"}
SQLITE_MAGIC = b"SQLite format 3\x00"
_NAME = re.compile(r"-(\d{8})-(\d{6})-(\d{6})-([A-Za-z0-9_.\-]+)\.db$")


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    made_at: dt.datetime  # local time
    reason: str
    size: int


@dataclass(frozen=True, slots=True)
class BackupResult:
    path: Path
    made_at: dt.datetime
    size: int
    second_path: Path | None = None
    second_error: str = ""
    removed: tuple[Path, ...] = ()


@dataclass(frozen=True, slots=True)
class BackupStatus:
    last: BackupInfo | None
    age_days: float | None
    old: bool
    folder: Path
    count: int

    def message(self) -> str:
        if self.last is None:
            return translate("Backups", "No backup has been made yet.")
        text = translate("Backups", "Last backup: {when}").format(when=f"{self.last.made_at:%Y-%m-%d %H:%M}")
        if self.old:
            text += " — " + translate("Backups", "older than {days} days; make a backup now.").format(
                days=OLD_AFTER_DAYS)
        return text


@dataclass(frozen=True, slots=True)
class BackupCandidate:
    """What validation found out about a file offered for restore."""

    path: Path
    revision: str
    talents: int
    ledger_entries: int
    users: int
    needs_migration: bool


# ------------------------------------------------------------------ listing and rotation

def _parse(path: Path) -> tuple[dt.datetime, str]:
    m = _NAME.search(path.name)
    if m:
        try:
            return dt.datetime.strptime(m.group(1) + m.group(2) + m.group(3), "%Y%m%d%H%M%S%f"), m.group(4)
        except ValueError:
            pass
    return dt.datetime.fromtimestamp(path.stat().st_mtime), ""


def list_backups(db_path: Path, folder: Path | None = None) -> list[BackupInfo]:
    """Backups of this database in its backup folder, newest first."""
    folder = Path(folder) if folder else backups_dir_for(db_path)
    if not folder.is_dir():
        return []
    out = []
    for p in folder.glob(f"{Path(db_path).stem}-*.db"):
        try:
            when, reason = _parse(p)
            out.append(BackupInfo(p, when, reason, p.stat().st_size))
        except OSError:
            continue
    return sorted(out, key=lambda b: b.made_at, reverse=True)


def backups_to_keep(backups: list[BackupInfo], now: dt.datetime) -> set[Path]:
    """Grandfather-father-son: newest per day (7 days), per ISO week (4), per month (12), and all of today."""
    keep: set[Path] = set()
    newest_first = sorted(backups, key=lambda b: b.made_at, reverse=True)
    for period, limit in ((lambda d: d.date(), KEEP_DAILY),
                          (lambda d: d.isocalendar()[:2], KEEP_WEEKLY),
                          (lambda d: (d.year, d.month), KEEP_MONTHLY)):
        seen: list = []
        for b in newest_first:
            key = period(b.made_at)
            if key in seen:
                continue
            if len(seen) >= limit:
                break
            seen.append(key)
            keep.add(b.path)
    keep.update(b.path for b in backups if b.made_at.date() == now.date())
    return keep


def rotate(db_path: Path, folder: Path | None = None, *, now: dt.datetime | None = None) -> list[Path]:
    """Delete backups the rotation no longer keeps; returns what was removed."""
    now = now or dt.datetime.now()
    backups = list_backups(db_path, folder)
    keep = backups_to_keep(backups, now)
    removed = []
    for b in backups:
        if b.path not in keep:
            try:
                b.path.unlink()
                dbmod.chain_sidecar(b.path).unlink(missing_ok=True)
                removed.append(b.path)
            except OSError as exc:  # a file we cannot delete is kept; rotation tries again next time
                log.warning("could not remove old backup %s: %s", b.path, exc)
    return removed


def backup_status(db_path: Path, *, now: dt.datetime | None = None) -> BackupStatus:
    now = now or dt.datetime.now()
    backups = list_backups(db_path)
    last = backups[0] if backups else None
    age = (now - last.made_at).total_seconds() / 86400 if last else None
    return BackupStatus(last, age, last is None or age > OLD_AFTER_DAYS, backups_dir_for(db_path), len(backups))


# ------------------------------------------------------------------ making backups

def _sqlite_path(session_or_db) -> Path:
    engine = session_or_db.get_bind() if hasattr(session_or_db, "get_bind") else session_or_db.engine
    if engine.dialect.name != "sqlite" or not engine.url.database:
        raise StorageError(translate("Backups", "Backups from this program are made only for a SQLite database file; "
                                                "back up a server database with the server's own tools."))
    return Path(engine.url.database)


def _copy_to_second_folder(backup: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / backup.name
    tmp = dest.with_name(dest.name + ".part")
    shutil.copyfile(backup, tmp)
    problems = dbmod.integrity_check(tmp)
    if problems:
        tmp.unlink(missing_ok=True)
        raise StorageError(translate("Backups", "The copy in the second folder failed its integrity check."))
    os.replace(tmp, dest)
    sidecar = dbmod.chain_sidecar(backup)
    if sidecar.exists():
        shutil.copyfile(sidecar, dbmod.chain_sidecar(dest))
    return dest


def make_backup(db_path: Path, *, reason: str = "manual", to: Path | None = None, second_folder: str | Path = "",
                progress: Callable[[int, int], None] | None = None, now: dt.datetime | None = None) -> BackupResult:
    """Back up, check, copy to the second folder (a failure there is reported, not fatal) and rotate.

    `to` writes one extra backup to that file or folder instead of the backup folder (no rotation there)."""
    db_path = Path(db_path)
    if not db_path.exists():
        raise StorageError(translate("Backups", "There is no database at {path} to back up.").format(path=db_path))
    try:
        if to is not None:
            to = Path(to)
            if to.is_dir():
                path = dbmod.backup_database(db_path, to, reason=reason, progress=progress)
            else:
                if to.suffix.lower() not in (".db", ".sqlite", ".sqlite3", ".bak"):
                    to = to.with_name(to.name + ".db")
                path = dbmod.backup_database(db_path, to.parent, reason=reason, dest=to, progress=progress)
        else:
            path = dbmod.backup_database(db_path, backups_dir_for(db_path), reason=reason, progress=progress)
    except OSError as exc:
        raise StorageError(translate("Backups", "The backup could not be written: {error}").format(
            error=exc.strerror or exc)) from exc
    second_path, second_error = None, ""
    if second_folder and to is None:
        try:
            second_path = _copy_to_second_folder(path, Path(second_folder))
            rotate(db_path, Path(second_folder), now=now)
        except (OSError, StorageError) as exc:
            second_error = translate("Backups", "The copy to the second folder {folder} failed: {error}").format(
                folder=second_folder, error=getattr(exc, "message", None) or getattr(exc, "strerror", None) or exc)
            log.warning("second backup copy failed: %s", second_error)
    removed = tuple(rotate(db_path, now=now)) if to is None else ()
    made_at, _ = _parse(path)
    return BackupResult(path, made_at, path.stat().st_size, second_path, second_error, removed)


@operation(Permission.BACKUP_RUN, writes=True, changes=(Change.BACKUPS,), long=True)
def run_backup(session: Session, *, reason: str = "manual", to: Path | str | None = None,
               progress: Callable[[int, int, str], None] | None = None,
               abort: Callable[[], bool] | None = None) -> BackupResult:
    """A backup on demand (menu or `talentdesk backup`), recorded in the audit trail."""
    from talentdesk.services.common.settings import get_setting

    db_path = _sqlite_path(session)
    second = get_setting(session, "backup_second_folder") or ""
    session.rollback()  # end the read transaction before copying, so the copy sees everything committed

    def _progress(done: int, total: int) -> None:
        if progress:
            progress(done, total, translate("Backups", "Backing up…"))

    result = make_backup(db_path, reason=reason, to=Path(to) if to else None, second_folder=second,
                         progress=_progress)
    record_event(session, AuditAction.BACKUP, summary=f"{reason}: {result.path.name}"
                 + (f" + {result.second_path}" if result.second_path else ""))
    return result


def daily_backup_if_due(database: Database, *, now: dt.datetime | None = None) -> BackupResult | None:
    """At start: one automatic backup a day (none if a backup was already made today)."""
    now = now or dt.datetime.now()
    db_path = _sqlite_path(database)
    if not db_path.exists() or not dbmod.has_user_tables(database.engine):
        return None
    if any(b.made_at.date() == now.date() for b in list_backups(db_path)):
        return None
    from talentdesk.services.common.settings import get_setting

    with database.session(Actor.system(), readonly=True) as s:
        second = get_setting(s, "backup_second_folder") or ""
    result = make_backup(db_path, reason="daily", second_folder=second, now=now)
    with database.session(Actor.system()) as s:
        record_event(s, AuditAction.BACKUP, summary=f"daily: {result.path.name}")
    return result


def backup_before(database: Database, reason: str) -> Path | None:
    """The backup taken before an import or another risky change (callers: importer, restore)."""
    db_path = _sqlite_path(database)
    if not db_path.exists():
        return None
    return make_backup(db_path, reason=f"pre-{reason}").path


# ------------------------------------------------------------------ restore

def validate_backup(path: Path | str) -> BackupCandidate:
    """Is this a TalentDesk database this program can open? Raises InputFileError with the reason if not."""
    path = Path(path)
    if not path.is_file():
        raise InputFileError(translate("Backups", "The file {path} does not exist.").format(path=path))
    try:
        with open(path, "rb") as fh:
            magic = fh.read(16)
    except OSError as exc:
        raise InputFileError(translate("Backups", "The file {path} cannot be read: {error}").format(
            path=path, error=exc.strerror or exc)) from exc
    if magic != SQLITE_MAGIC:
        raise InputFileError(translate("Backups", "{name} is not a TalentDesk database (not a SQLite file).").format(
            name=path.name))
    problems = dbmod.integrity_check(path)
    if problems:
        raise InputFileError(translate("Backups", "{name} is damaged and cannot be restored: {problem}").format(
            name=path.name, problem=problems[0]))
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not REQUIRED_TABLES <= tables:
                raise InputFileError(translate("Backups", "{name} is a database, but not a TalentDesk one.").format(
                    name=path.name))
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            counts = [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608 - fixed names
                      for t in ("talents", "ledger_entries", "users")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise InputFileError(translate("Backups", "{name} cannot be read as a database: {error}").format(
            name=path.name, error=exc)) from exc
    revision = row[0] if row else ""
    known = _known_revisions()
    if revision not in known:
        raise InputFileError(translate(
            "Backups", "{name} was made by a newer or unknown version of TalentDesk (schema {rev}); it cannot be "
                       "restored with this version.").format(name=path.name, rev=revision or "?"))
    return BackupCandidate(path, revision, counts[0], counts[1], counts[2], revision != dbmod.head_revision())


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(dbmod._alembic_config())
    return {r.revision for r in script.walk_revisions()}


def _keep_damaged_copy(db_path: Path) -> Path:
    folder = backups_dir_for(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / f"{db_path.stem}-{dt.datetime.now():%Y%m%d-%H%M%S}-damaged.db.broken"
    try:
        shutil.copyfile(db_path, dest)
    except OSError as exc:
        raise StorageError(translate("Backups", "The damaged database could not be set aside: {error}").format(
            error=exc.strerror or exc)) from exc
    return dest


def _remove_sidecars(db_path: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)


@dataclass(frozen=True, slots=True)
class RestoreResult:
    restored_from: Path
    safety_backup: Path
    revision_before: str
    migrated: bool


@operation(Permission.BACKUP_RESTORE, writes=True, lane=Lane.EXCLUSIVE,
           changes=tuple(Change))
def restore(session: Session, *, source: Path | str) -> RestoreResult:
    """The window's restore: runs alone on the exclusive lane, so no read or write is in flight meanwhile."""
    return restore_database(session.info["database"], actor=actor_of(session), source=source)


def restore_database(database: Database, *, actor: Actor, source: Path | str) -> RestoreResult:
    """Validate `source`, back up the current database, put `source` in its place and migrate it.

    Any refusal happens before the current database is touched. The Database object stays usable (its engine
    reconnects to the restored file). Callers should ask everyone to log in again afterwards."""
    with database.session(actor) as s:
        require(s, Permission.BACKUP_RESTORE, "backups.restore_database")
    db_path = _sqlite_path(database).resolve()
    source = Path(source)
    if source.exists() and source.resolve() == db_path:
        raise InputFileError(translate("Backups", "That is the database in use; choose a backup file."))
    candidate = validate_backup(source)
    try:
        safety = make_backup(db_path, reason="pre-restore").path
    except StorageError:
        if not dbmod.integrity_check(db_path):
            raise  # a sound database that cannot be backed up (disk full …) is not replaced
        safety = _keep_damaged_copy(db_path)  # a damaged database cannot pass a backup's check; keep it as it is
    staging = db_path.with_name(db_path.name + ".restoring")
    staging.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        dst = sqlite3.connect(staging)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
            if dst.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise StorageError(translate("Backups", "The copy of the backup failed its integrity check."))
        finally:
            dst.close()
            src.close()
    except (sqlite3.Error, OSError) as exc:
        staging.unlink(missing_ok=True)
        raise StorageError(translate("Backups", "The backup could not be copied: {error}").format(error=exc)) from exc
    # Close every pooled connection, fold the WAL into the file, and only then swap the files: a WAL left beside
    # the new file would be replayed into it.
    database.engine.dispose()
    conn = sqlite3.connect(db_path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    _remove_sidecars(db_path)
    os.replace(staging, db_path)
    database.engine.dispose()
    try:
        dbmod.migrate_to_head(database.engine, db_path)
    except Exception:
        # the restored file could not be brought up to date: put the previous database back
        database.engine.dispose()
        _remove_sidecars(db_path)
        shutil.copyfile(safety, db_path)
        raise
    with database.session(actor) as s:
        record_event(s, AuditAction.RESTORE, summary=f"restored from {source.name}; previous database saved as "
                                                     f"{safety.name}")
    return RestoreResult(source, safety, candidate.revision, candidate.needs_migration)

