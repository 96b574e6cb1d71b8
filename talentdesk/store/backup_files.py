"""Backup files: writing a checked copy, the second folder, rotation, listing, and judging a file offered for restore.

File-level work only (no sessions, no permissions): the operations in services/safety/backups.py call these.
Copies use SQLite's backup API (consistent while the program runs) and are integrity-checked before they get
their final name; a copy that fails is deleted. Backups sit in `backups/` beside the database and are optionally
copied to a second folder (a USB stick). Rotation keeps the newest backup of each of the last 7 days, 4 ISO weeks
and 12 months, plus everything from today.
"""
from __future__ import annotations

import datetime as dt
import functools
import logging
import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from talentdesk.domain.errors import InputFileError, StorageError
from talentdesk.i18n import translate
from talentdesk.paths import backups_dir_for
from talentdesk.store import cipher
from talentdesk.store.db import BUSY_TIMEOUT_MS, connect_file, connect_readonly
from talentdesk.store.chain import chain_head_of, chain_sidecar, link_raw, write_chain_sidecar
from talentdesk.store.files import sync_folder
from talentdesk.store.integrity import CheckReport, full_check, integrity_check

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
class Fingerprint:
    """What a backup is compared with: the rows of every table, and a checksum of the talents and the ledger."""

    counts: dict[str, int]
    checksums: dict[str, str]

    def differences(self, other: "Fingerprint") -> list[str]:
        out = []
        for table in sorted(set(self.counts) | set(other.counts)):
            a, b = self.counts.get(table), other.counts.get(table)
            if a != b:
                out.append(f"{table}: {a} ≠ {b}")
        for table in sorted(set(self.checksums) | set(other.checksums)):
            if self.checksums.get(table) != other.checksums.get(table):
                out.append(translate("Backups", "{table}: the contents differ").format(table=table))
        return out


CHECKSUMMED = ("talents", "ledger_entries")


def fingerprint(conn: sqlite3.Connection) -> Fingerprint:
    """Row counts of every table and checksums of the talents and the ledger, read in the caller's transaction."""
    import hashlib

    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}  # noqa: S608
    checksums = {}
    for t in CHECKSUMMED:
        if t in counts:
            h = hashlib.sha256()
            for row in conn.execute(f'SELECT * FROM "{t}" ORDER BY id'):  # noqa: S608 - fixed names
                h.update(repr(row).encode("utf-8"))
            checksums[t] = h.hexdigest()
    return Fingerprint(counts, checksums)


@dataclass(frozen=True, slots=True)
class ProvenBackup:
    path: Path
    fingerprint: Fingerprint


@dataclass(frozen=True, slots=True)
class BackupResult:
    path: Path
    made_at: dt.datetime
    size: int
    second_path: Path | None = None
    second_error: str = ""
    removed: tuple[Path, ...] = ()
    counts: dict[str, int] | None = None   # rows per table, equal in the database and the backup

    def proof_text(self) -> str:
        """What was compared, for the message: the counts that matched."""
        if not self.counts:
            return ""
        return translate("Backups", "Compared with the database: {tables} tables equal, {talents:,} talents, "
                                    "{entries:,} ledger entries (contents checksummed).").format(
            tables=len(self.counts), talents=self.counts.get("talents", 0),
            entries=self.counts.get("ledger_entries", 0))


@dataclass(frozen=True, slots=True)
class BackupCandidate:
    """What validation found out about a file offered for restore."""

    path: Path
    revision: str
    talents: int
    ledger_entries: int
    users: int
    needs_migration: bool


# ------------------------------------------------------------------ writing one checked copy

def _timestamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def backup_database(db_path: Path, dest_dir: Path, *, reason: str = "manual", dest: Path | None = None,
                    progress: Callable[[int, int], None] | None = None) -> ProvenBackup:
    """Copy a live SQLite database with the backup API, then prove the copy: SQLite's integrity check, and the same
    row counts of every table and checksums of the talents and the ledger as the database had at that moment (one
    read transaction holds the source still). A copy that is not proven is deleted, never named like a backup."""
    db_path = Path(db_path)
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    if dest is None:
        dest = dest_dir / f"{db_path.stem}-{_timestamp()}-{reason}.db"
    tmp = dest.with_name(dest.name + ".part")
    try:
        key = cipher.key_for(db_path) if cipher.is_encrypted(db_path) else None  # a backup is encrypted like its database
        src = connect_readonly(db_path)
        src.isolation_level = None
    except cipher.errors() as exc:
        raise StorageError(translate("Storage", "The backup could not be written: {error}").format(error=exc)) from exc
    try:
        dst = connect_file(tmp, key=key)
        try:

            def _progress(_status, remaining, total):
                if progress:
                    progress(total - remaining, total)

            src.execute("BEGIN")
            source_print = fingerprint(src)
            src.backup(dst, pages=1024, progress=_progress)
            src.execute("COMMIT")
            dst.execute("PRAGMA journal_mode=DELETE")
            result = dst.execute("PRAGMA integrity_check").fetchone()[0]
            head = chain_head_of(dst)
            copy_print = fingerprint(dst) if result == "ok" else None
        finally:
            dst.close()
    except cipher.errors() as exc:
        _remove_partial(tmp)
        named = _os_fault(exc)
        raise StorageError(
            translate("Storage", "The backup could not be written: {error}").format(error=named or exc)
        ) from exc
    except BaseException:
        _remove_partial(tmp)
        raise
    finally:
        src.close()
    if result != "ok":
        _remove_partial(tmp)
        raise StorageError(translate("Storage", "The backup copy failed its integrity check; it was discarded."))
    differences = source_print.differences(copy_print)
    if differences:
        _remove_partial(tmp)
        raise StorageError(translate("Backups", "The backup does not hold the same data as the database ({what}); "
                                                "it was discarded.").format(what="; ".join(differences[:5])))
    try:
        os.replace(tmp, dest)
    except OSError:
        _remove_partial(tmp)
        raise
    if head is not None:
        write_chain_sidecar(dest, head)
    if key is not None:
        cipher.register(dest, key)
        copy_keys_file(db_path, dest)
    return ProvenBackup(dest, source_print)


def copy_keys_file(db_path: Path, copy: Path) -> None:
    """An encrypted database's keys file (the per-account wraps, no secret in clear) goes with each copy, so a
    backup opens with the same passwords; without it the recovery key opens it."""
    source = cipher.keys_file(db_path)
    if not source.exists():
        return
    try:
        shutil.copyfile(source, cipher.keys_file(copy))
    except OSError as exc:  # the copy is good; the recovery key opens it without its keys file
        log.warning("could not copy the keys file beside %s: %s", copy, exc)


def _os_fault(exc: BaseException) -> str | None:
    text = str(exc).lower()
    if "full" in text:
        return translate("Backups", "the disk is full")
    if "readonly" in text or "read-only" in text:
        return translate("Backups", "the folder is read-only")
    if "unable to open" in text:
        return translate("Backups", "the folder cannot be written to")
    return None


def _remove_partial(tmp: Path) -> None:
    for p in (tmp, Path(str(tmp) + "-journal")):
        p.unlink(missing_ok=True)


# ------------------------------------------------------------------ listing and rotation

def parse_name(path: Path) -> tuple[dt.datetime, str]:
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
    for p in folder.glob(f"{glob_escape(Path(db_path).stem)}-*.db"):
        try:
            when, reason = parse_name(p)
            out.append(BackupInfo(p, when, reason, p.stat().st_size))
        except OSError:
            continue
    return sorted(out, key=lambda b: b.made_at, reverse=True)


def glob_escape(text: str) -> str:
    """A file name used as a glob pattern literally (`[`, `*`, `?` in a database's name)."""
    import glob

    return glob.escape(text)


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
                chain_sidecar(b.path).unlink(missing_ok=True)
                cipher.keys_file(b.path).unlink(missing_ok=True)
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


# ------------------------------------------------------------------ a backup with its second copy and rotation

def copy_to_second_folder(backup: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / backup.name
    tmp = dest.with_name(dest.name + ".part")
    shutil.copyfile(backup, tmp)
    problems = integrity_check(tmp)
    if problems:
        tmp.unlink(missing_ok=True)
        raise StorageError(translate("Backups", "The copy in the second folder failed its integrity check."))
    os.replace(tmp, dest)
    if chain_sidecar(backup).exists():
        shutil.copyfile(chain_sidecar(backup), chain_sidecar(dest))
    copy_keys_file(backup, dest)
    return dest


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def refuse_target(db_path: Path, target: Path, *, overwrite: bool) -> None:
    """A backup may not be written over the live database, its side files, a database in use, or (without
    `overwrite`) any existing file."""
    db_path = Path(db_path)
    target = Path(target)
    live = [db_path] + [Path(str(db_path) + s) for s in ("-wal", "-shm", "-journal", ".lock", ".busy", ".keys")]
    resolved = Path(os.path.abspath(target))
    if any(_same_file(resolved, p) or os.path.normcase(resolved) == os.path.normcase(os.path.abspath(p))
           for p in live):
        raise InputFileError(translate("Backups", "{path} is the database in use (or one of its files); a backup "
                                                  "cannot be written over it. Choose another file.").format(path=target))
    if target.exists():
        if target.is_dir():
            return
        in_use = [Path(str(target) + s) for s in ("-wal", "-shm", "-journal")]
        if any(p.exists() for p in in_use) or _held_by_a_program(target):
            raise InputFileError(translate("Backups", "{path} is a database that a program has open; a backup "
                                                      "cannot be written over it.").format(path=target))
        if not overwrite:
            raise InputFileError(translate("Backups", "{path} already exists. Choose another name, or allow "
                                                      "replacing it (--overwrite).").format(path=target))


def _held_by_a_program(path: Path) -> bool:
    from talentdesk.store.locking import DatabaseInUse, DatabaseLock, lock_path_for

    if not lock_path_for(path).exists():
        return False
    try:
        DatabaseLock(path).acquire().release()
        return False
    except (DatabaseInUse, OSError):
        return True


def make_backup(db_path: Path, *, reason: str = "manual", to: Path | None = None, second_folder: str | Path = "",
                progress: Callable[[int, int], None] | None = None, now: dt.datetime | None = None,
                overwrite: bool = False) -> BackupResult:
    """Back up, prove, copy to the second folder (a failure there is reported, not fatal) and rotate.

    `to` writes one extra backup to that file or folder instead of the backup folder (no rotation there); an
    existing file there is replaced only with `overwrite`, and never the live database or a database in use."""
    db_path = Path(db_path)
    if not db_path.exists():
        raise StorageError(translate("Backups", "There is no database at {path} to back up.").format(path=db_path))
    try:
        if to is not None:
            to = Path(to)
            if not to.is_dir() and to.suffix.lower() not in (".db", ".sqlite", ".sqlite3", ".bak"):
                to = to.with_name(to.name + ".db")
            refuse_target(db_path, to, overwrite=overwrite)
            if to.is_dir():
                proven = backup_database(db_path, to, reason=reason, progress=progress)
            else:
                proven = backup_database(db_path, to.parent, reason=reason, dest=to, progress=progress)
        else:
            proven = backup_database(db_path, backups_dir_for(db_path), reason=reason, progress=progress)
        path = proven.path
    except OSError as exc:
        raise StorageError(translate("Backups", "The backup could not be written: {error}").format(
            error=exc.strerror or exc)) from exc
    second_path, second_error = None, ""
    if second_folder and to is None:
        try:
            second_path = copy_to_second_folder(path, Path(second_folder))
            rotate(db_path, Path(second_folder), now=now)
        except (OSError, StorageError) as exc:
            second_error = translate("Backups", "The copy to the second folder {folder} failed: {error}").format(
                folder=second_folder, error=getattr(exc, "message", None) or getattr(exc, "strerror", None) or exc)
            log.warning("second backup copy failed: %s", second_error)
    removed = tuple(rotate(db_path, now=now)) if to is None else ()
    made_at, _ = parse_name(path)
    return BackupResult(path, made_at, path.stat().st_size, second_path, second_error, removed,
                        proven.fingerprint.counts)


# ------------------------------------------------------------------ a file offered for restore

@functools.cache
def known_revisions() -> frozenset[str]:
    from alembic.script import ScriptDirectory

    from talentdesk.store.db import _alembic_config

    script = ScriptDirectory.from_config(_alembic_config())
    return frozenset(r.revision for r in script.walk_revisions())


def validate_candidate(path: Path | str) -> BackupCandidate:
    """Is this a TalentDesk database this program can open? Raises InputFileError with the reason if not."""
    from talentdesk.store.db import head_revision

    path = Path(path)
    if not path.is_file():
        raise InputFileError(translate("Backups", "The file {path} does not exist.").format(path=path))
    try:
        with open(path, "rb") as fh:
            magic = fh.read(16)
    except OSError as exc:
        raise InputFileError(translate("Backups", "The file {path} cannot be read: {error}").format(
            path=path, error=exc.strerror or exc)) from exc
    if magic != SQLITE_MAGIC and cipher.is_encrypted(path):
        if cipher.key_for(path) is None:
            raise InputFileError(translate(
                "Encryption", "{name} is not a TalentDesk database, or it is encrypted with a key that is not "
                              "unlocked here (a backup of another database, or its keys file is missing). Give its recovery key in "
                              "TALENTDESK_RECOVERY_KEY (the window asks for it).").format(name=path.name))
    elif magic != SQLITE_MAGIC:
        raise InputFileError(translate("Backups", "{name} is not a TalentDesk database (not a SQLite file).").format(
            name=path.name))
    problems = integrity_check(path)
    if problems:
        raise InputFileError(translate("Backups", "{name} is damaged and cannot be restored: {problem}").format(
            name=path.name, problem=problems[0]))
    try:
        conn = connect_readonly(path)
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
    except cipher.database_errors() as exc:
        raise InputFileError(translate("Backups", "{name} cannot be read as a database: {error}").format(
            name=path.name, error=exc)) from exc
    revision = row[0] if row else ""
    if revision not in known_revisions():
        raise InputFileError(translate(
            "Backups", "{name} was made by a newer or unknown version of TalentDesk (schema {rev}); it cannot be "
                       "restored with this version.").format(name=path.name, rev=revision or "?"))
    return BackupCandidate(path, revision, counts[0], counts[1], counts[2], revision != head_revision())


def newest_good_backup(db_path: Path) -> Path | None:
    """The newest backup of this database that is a valid TalentDesk database and passes the full check."""
    for b in list_backups(db_path):
        try:
            validate_candidate(b.path)
        except (InputFileError, StorageError):
            continue
        if full_check(b.path).ok:
            return b.path
    return None


def check_naming_a_good_backup(db_path: Path, *, heads: tuple[str, ...] = ()) -> CheckReport:
    """The full check; when it finds a problem, the report names the newest backup that passes it. `heads` are chain
    heads read off paper: each must still be in the chain."""
    report = full_check(db_path, heads=heads, backup_heads=True)
    if report.ok:
        return report
    return CheckReport(report.path, report.items, newest_good_backup(db_path))


# ------------------------------------------------------------------ swapping a restored file in

def keep_damaged_copy(db_path: Path) -> Path:
    folder = backups_dir_for(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / f"{db_path.stem}-{dt.datetime.now():%Y%m%d-%H%M%S}-damaged.db.broken"
    try:
        shutil.copyfile(db_path, dest)
    except OSError as exc:
        raise StorageError(translate("Backups", "The damaged database could not be set aside: {error}").format(
            error=exc.strerror or exc)) from exc
    return dest


def remove_sidecars(db_path: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)


def stage_copy(source: Path, staging: Path, *, key: bytes | None = None) -> None:
    """Copy `source` to `staging` with the backup API and check the copy; on failure nothing is left behind.
    With `key` (the live database is encrypted) the copy is encrypted with it, whatever the source was."""
    remove_with_sidecars(staging)
    source_key = cipher.key_for(source) if cipher.is_encrypted(source) else None
    try:
        if key is not None and source_key != key:
            cipher.export_encrypted(source, staging, key)  # a plain (or otherwise keyed) backup comes back encrypted
            src, dst = None, connect_file(staging, key=key)
        else:
            src = connect_readonly(source)
            dst = connect_file(staging, key=source_key)
        try:
            if src is not None:
                src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
            if dst.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise StorageError(translate("Backups", "The copy of the backup failed its integrity check."))
        finally:
            dst.close()
            if src is not None:
                src.close()
    except (*cipher.errors(), OSError) as exc:
        remove_with_sidecars(staging)
        raise StorageError(translate("Backups", "The backup could not be copied: {error}").format(error=exc)) from exc
    except BaseException:
        remove_with_sidecars(staging)
        raise


def remove_with_sidecars(path: Path) -> None:
    for p in (path, *(Path(str(path) + s) for s in ("-journal", "-wal", "-shm"))):
        p.unlink(missing_ok=True)


_GUARD_DDL = "CREATE TRIGGER IF NOT EXISTS trg_{table}_no_{verb_l} BEFORE {verb} ON {table} " \
             "BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"


def _bring_to_head(staging: Path) -> None:
    """Upgrade the staged copy to the current schema, then check every table of the current schema is there and
    re-create the append-only guards if someone removed them."""
    from sqlalchemy import inspect as sa_inspect

    from talentdesk.domain.models import APPEND_ONLY_TABLES, Base
    from talentdesk.store.db import head_revision, make_engine, stored_revision, upgrade

    engine = make_engine(staging)
    try:
        if stored_revision(engine) != head_revision():
            upgrade(engine, "head")
        present = set(sa_inspect(engine).get_table_names())
    finally:
        engine.dispose()
    missing = sorted(set(Base.metadata.tables) - present)
    if missing:
        raise InputFileError(translate("Backups", "The file lacks tables this version needs ({tables}); it cannot be "
                                                  "restored.").format(tables=", ".join(missing[:6])))
    conn = connect_file(staging)
    try:
        for table in APPEND_ONLY_TABLES:
            for verb in ("UPDATE", "DELETE"):
                conn.execute(_GUARD_DDL.format(table=table, verb=verb, verb_l=verb.lower()))
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        Path(str(staging) + suffix).unlink(missing_ok=True)


def stage_restore(source: Path, db_path: Path) -> tuple[Path, BackupCandidate]:
    """Everything a restore checks, done on a copy beside the database before the live file is touched: the file is
    a TalentDesk database of a known version, it is brought to the current schema, every table is there, the
    append-only guards are in place, and the whole `check` passes (links, ledger rules, serials). Returns the staged
    copy, ready to swap in. Any refusal removes the copy and leaves the database as it was."""
    candidate = validate_candidate(source)
    staging = Path(db_path).with_name(Path(db_path).name + ".restoring")
    live_key = cipher.key_for(db_path) if cipher.is_encrypted(db_path) else None
    stage_copy(Path(source), staging, key=live_key)
    try:
        _bring_to_head(staging)
        report = full_check(staging)
        if not report.ok:
            problems = [f"{i.name}: {(i.problems or [''])[0]}" for i in report.items if not i.ok]
            raise InputFileError(translate("Backups", "{name} does not pass the checks, so it is not restored: "
                                                      "{problems}").format(name=Path(source).name,
                                                                           problems="; ".join(problems[:3])))
    except BaseException as exc:
        remove_with_sidecars(staging)
        if isinstance(exc, cipher.errors()):
            raise InputFileError(translate("Backups", "{name} cannot be restored: {error}").format(
                name=Path(source).name, error=exc)) from exc
        raise
    return staging, candidate


def record_in(staging: Path, row: dict) -> None:
    """Write one audit entry into the staged copy, so the restore is in the restored trail from its first moment."""
    conn = connect_file(staging)
    try:
        cols = ", ".join(f'"{k}"' for k in row)
        cur = conn.execute(f"INSERT INTO audit_entries ({cols}) VALUES ({', '.join('?' for _ in row)})",  # noqa: S608
                           [v.isoformat(sep=" ") if isinstance(v, dt.datetime) else v for v in row.values()])
        link_raw(conn, "audit_entries", cur.lastrowid)  # the entry is a link of the chain like any other
        conn.commit()
    finally:
        conn.close()


def swap_in(staging: Path, db_path: Path) -> None:
    """Fold the live file's WAL into it, remove its side files, and atomically put `staging` in its place.
    Every connection of this program to `db_path` must be closed first (a WAL left beside the new file would be
    replayed into it)."""
    conn = connect_file(db_path, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    finally:
        conn.close()
    if busy:
        remove_with_sidecars(staging)
        raise StorageError(translate("Backups", "Another program is still reading the database, so it was not "
                                                "replaced; close the other program and try again."))
    remove_sidecars(db_path)
    os.replace(staging, db_path)
    _sync_folder(db_path.parent)


_sync_folder = sync_folder  # the name services/safety/encryption.py uses


def leftovers(db_path: Path) -> list[Path]:
    """Files a killed run leaves behind: `.part`, `.part-journal` in the backup folder and beside the database,
    the staged `.restoring` copy, and the placing journals of transactions killed around their commit
    (store/placing.py) with their temporary files. A temporary file of a committed transaction that could not be
    put in place yet (kept for the next start) is not a leftover."""
    from talentdesk.store import placing

    db_path = Path(db_path)
    found: list[Path] = []
    stem = glob_escape(db_path.name)
    for pattern in (f"{stem}.restoring", f"{stem}.restoring-*", f"{stem}.encrypting", f"{stem}.encrypting-*"):
        found.extend(db_path.parent.glob(pattern))
    for folder in {db_path.parent, backups_dir_for(db_path)}:
        if folder.is_dir():
            found.extend(folder.glob("*.part"))
            found.extend(folder.glob("*.part-journal"))
    kept = placing.kept_for_later(db_path)
    found = [p for p in found if p.absolute() not in kept]
    found.extend(placing.journals(db_path, unfinished_only=True))
    found.extend(t for t in placing.temporary_files(db_path) if t.exists() and t.absolute() not in kept)
    return sorted(set(found))


def clean_leftovers(db_path: Path, notice: Callable[[str], None] | None = None) -> list[Path]:
    """Remove what killed runs left behind — only while no unit of work, backup or restore runs in any program
    (the lane is held alone meanwhile). Files of transactions killed around their commit are finished first: put
    in place when the transaction committed, removed when it did not (store/placing.py); a committed file that is
    missing, or one still held open by another program, is told to `notice` (and logged)."""
    from talentdesk.store import placing
    from talentdesk.store.exclusive import lane_for

    if not leftovers(db_path) and not placing.journals(db_path):  # kept journals are tried again at each start
        return []
    with lane_for(db_path).alone_now() as alone:
        if not alone:
            return []
        finished = placing.finish_interrupted(db_path)
        removed = list(finished.removed)
        for p in leftovers(db_path):
            try:
                p.unlink()
                removed.append(p)
            except OSError as exc:
                log.warning("could not remove the leftover %s: %s", p, exc)
    if removed:
        log.info("removed leftovers of an interrupted run: %s", [p.name for p in removed])
    for text in placing.report(finished):
        log.warning("%s", text)
        if notice is not None:
            notice(text)
    return removed
