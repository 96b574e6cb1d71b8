"""Backups and restore: the operations the window and the command line run. Each takes a Session.

The file work (writing a checked copy, the second folder, rotation, validating a candidate, the swap) lives in
store/backup_files.py. Backup, restore and the full check run on the exclusive lane: no read or write of this
program is in flight meanwhile; the exclusive lane's session gives the Database (`session.info["database"]`).

Every backup is proven against the database (row counts of every table, checksums of the talents and the ledger).
A restore stages, upgrades and fully checks the chosen file before the database is touched; a file that fails is
refused and nothing changes.
"""
from __future__ import annotations

import datetime as dt
import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from talentdesk.domain.enums import AuditAction
from talentdesk.domain.errors import InputFileError, StorageError
from talentdesk.i18n import translate
from talentdesk.services.base import (
    Change, Database, Lane, Permission, actor_of, audit_row, operation, record_event,
)
from talentdesk.services.common.settings import get_setting
from talentdesk.store import backup_files as files
from talentdesk.store import cipher
from talentdesk.store import db as dbmod
from talentdesk.store import integrity
from talentdesk.store.backup_files import BackupCandidate, BackupInfo, BackupResult, BackupStatus

log = logging.getLogger(__name__)

__all__ = [
    "BackupCandidate", "BackupInfo", "BackupResult", "BackupStatus", "BackupOverview", "RestoreResult",
    "backup_overview", "run_backup", "daily_backup_if_due", "check_candidate", "restore", "check_database",
    "sqlite_path",
]


def sqlite_path(session: Session) -> Path:
    """The database file behind this session; a server database is backed up with the server's tools."""
    engine = session.get_bind()
    if engine.dialect.name != "sqlite" or not engine.url.database:
        raise StorageError(translate("Backups", "Backups from this program are made only for a SQLite database file; "
                                                "back up a server database with the server's own tools."))
    return Path(engine.url.database)


def _database(session: Session) -> Database:
    return session.info["database"]


# ------------------------------------------------------------------ what the window shows

@dataclass(frozen=True, slots=True)
class BackupOverview:
    status: BackupStatus | None       # None for a server database
    backups: tuple[BackupInfo, ...]
    second_folder: str


@operation(None)
def backup_overview(session: Session, *, now: dt.datetime | None = None) -> BackupOverview:
    """When the last backup was made, the kept backups, and the second folder (shown to everyone)."""
    second = get_setting(session, "backup_second_folder") or ""
    try:
        path = sqlite_path(session)
    except StorageError:
        return BackupOverview(None, (), second)
    return BackupOverview(files.backup_status(path, now=now), tuple(files.list_backups(path)), second)


# ------------------------------------------------------------------ making backups

@operation(Permission.BACKUP_RUN, writes=True, changes=(Change.BACKUPS,), lane=Lane.EXCLUSIVE, long=True)
def run_backup(session: Session, *, reason: str = "manual", to: Path | str | None = None, overwrite: bool = False,
               progress: Callable[[int, int, str], None] | None = None,
               abort: Callable[[], bool] | None = None) -> BackupResult:
    """A backup on demand (menu or `talentdesk backup`), recorded in the audit trail."""
    db_path = sqlite_path(session)
    second = get_setting(session, "backup_second_folder") or ""
    session.rollback()  # end the read transaction before copying, so the copy sees everything committed

    def _progress(done: int, total: int) -> None:
        if progress:
            progress(done, total, translate("Backups", "Backing up…"))

    result = files.make_backup(db_path, reason=reason, to=Path(to) if to else None, second_folder=second,
                               progress=_progress, overwrite=overwrite)
    record_event(session, AuditAction.BACKUP, summary=f"{reason}: {result.path.name}"
                 + (f" + {result.second_path}" if result.second_path else ""))
    return result


@operation(None, writes=True, changes=(Change.BACKUPS,), lane=Lane.EXCLUSIVE)
def daily_backup_if_due(session: Session, *, now: dt.datetime | None = None) -> BackupResult | None:
    """At start: one automatic backup a day (none if a backup was already made today)."""
    now = now or dt.datetime.now()
    db_path = sqlite_path(session)
    if not db_path.exists() or not dbmod.has_user_tables(session.get_bind()):
        return None
    if any(b.made_at.date() == now.date() for b in files.list_backups(db_path)):
        return None
    second = get_setting(session, "backup_second_folder") or ""
    session.rollback()
    result = files.make_backup(db_path, reason="daily", second_folder=second, now=now)
    record_event(session, AuditAction.BACKUP, summary=f"daily: {result.path.name}")
    return result


# ------------------------------------------------------------------ checks

@operation(None, lane=Lane.NO_DATABASE)
def check_candidate(*, path: Path | str) -> BackupCandidate:
    """Is this file a TalentDesk database this program can restore? Raises InputFileError with the reason."""
    return files.validate_candidate(path)


@operation(None, lane=Lane.EXCLUSIVE)
def check_database(session: Session) -> integrity.CheckReport:
    """The full check (SQLite, links, ledger rules, serials, guards); names the newest good backup on a problem."""
    path = sqlite_path(session)
    session.rollback()
    return files.check_naming_a_good_backup(path)


# ------------------------------------------------------------------ restore

@dataclass(frozen=True, slots=True)
class RestoreResult:
    restored_from: Path
    safety_backup: Path
    revision_before: str
    migrated: bool
    talents: int
    ledger_entries: int


def _keep_the_backups_wraps(source: Path, db_path: Path) -> None:
    """The restored accounts may have the passwords they had when the backup was made: their wraps from the
    backup's keys file join the current ones (same key), so both the old and the current password open the file
    and the login decides by the restored password hash. The next password change leaves one wrap again."""
    backup_keys = cipher.read_keys_file(source, missing_ok=True)
    live = cipher.read_keys_file(db_path, missing_ok=True)
    if not backup_keys or not live or backup_keys.get("key_id") != live.get("key_id"):
        return
    merged = dict(live, wraps=dict(live["wraps"]))
    for slot, old in backup_keys["wraps"].items():
        current = merged["wraps"].get(slot)
        if current is None:
            merged["wraps"][slot] = old
        elif current != old:
            as_list = current if isinstance(current, list) else [current]
            extra = old if isinstance(old, list) else [old]
            merged["wraps"][slot] = as_list + [w for w in extra if w not in as_list]
    try:
        cipher.write_keys_file(db_path, merged)
    except OSError as exc:  # the current passwords still open it
        log.warning("could not keep the backup's key wraps: %s", exc)


@operation(Permission.BACKUP_RESTORE, writes=True, lane=Lane.EXCLUSIVE, changes=tuple(Change), purpose="restore")
def restore(session: Session, *, source: Path | str) -> RestoreResult:
    """Put a backup in the database's place, so that it cannot hurt: the candidate is staged beside the database,
    brought to the current schema and fully checked (store/backup_files.stage_restore) before anything else; then
    the current database is backed up, the restore is recorded inside the staged copy, and the copy is swapped in
    atomically. Runs alone on the exclusive lane; the Database stays usable (its engine reconnects)."""
    database = _database(session)
    actor = actor_of(session)
    db_path = sqlite_path(session).resolve()
    session.rollback()
    source = Path(source)
    if source.exists() and source.resolve() == db_path:
        raise InputFileError(translate("Backups", "That is the database in use; choose a backup file."))
    staging, candidate = files.stage_restore(source, db_path)
    try:
        try:
            safety = files.make_backup(db_path, reason="pre-restore").path
        except StorageError:
            if not integrity.integrity_check(db_path):
                raise  # a sound database that cannot be backed up (disk full …) is not replaced
            safety = files.keep_damaged_copy(db_path)  # a damaged database cannot pass a backup's check; keep it
        files.record_in(staging, audit_row(
            actor, AuditAction.RESTORE,
            summary=f"restored from {source.name}; previous database saved as {safety.name}"))
        session.close()
        database.engine.dispose()
        files.swap_in(staging, db_path)
        if cipher.is_encrypted(db_path) and not cipher.keys_file(db_path).exists():
            files.copy_keys_file(source, db_path)  # an encrypted backup restored over a plain database
        elif cipher.is_encrypted(db_path):
            _keep_the_backups_wraps(source, db_path)
    except BaseException:
        files.remove_with_sidecars(staging)
        raise
    database.reopen()  # the restored file may be encrypted where the old one was not (the driver differs)
    return RestoreResult(source, safety, candidate.revision, candidate.needs_migration, candidate.talents,
                         candidate.ledger_entries)
