"""Encryption at rest (issue 15 item 5): turning it on, unlocking, and keeping each account's wrap of the key.

The file work lives in store/cipher.py (keys, wraps, the recovery key, opening encrypted files). Here:

- `encrypt_database` — on the exclusive lane: a proven backup first, `sqlcipher_export` into a new file beside the
  database, that copy checked (SQLite integrity check, and the same rows and checksums as the database), the keys
  file written, the copy put in place atomically (the replace-file retry helper), the engine reopened on it, and
  then every backup of the database (the one just made included) encrypted the same way, so no plain copy of the
  personal data stays in the backup folders. Returns the recovery key, to be shown once.
- `unlock`, `unlock_with_recovery_key`, `unlock_from_os_store` — before the database can be opened at all (the
  no-database lane): at the login dialog and on the command line. A wrong password changes nothing.
- `password_set` / `account_disabled` (services/safety/key_wraps.py) — called by services/safety/accounts.py whenever a password is set (a new
  account, an admin's reset — the "re-wrap" for a lost password —, one's own change) or an account is disabled.
  The new wrap is added before the unit of work commits and the old one removed after it commits, so a failed
  commit never leaves an account without a wrap.

Encryption is for a SQLite file only: a PostgreSQL database is refused with a message (the server's own disk
encryption and access control apply there).
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.domain.enums import AuditAction
from talentdesk.domain.errors import AuthenticationError, RuleViolation, StorageError
from talentdesk.domain.models import User
from talentdesk.i18n import translate
from talentdesk.services.base import Change, Database, Lane, Permission, operation, record_event
from talentdesk.store import backup_files as files
from talentdesk.store import cipher
from talentdesk.store.db import connect_file, connect_readonly

log = logging.getLogger(__name__)

__all__ = [
    "EncryptionStatus", "Encrypted", "encryption_status", "encrypt_database", "unlock", "unlock_with_recovery_key",
    "unlock_from_os_store", "refuse_server_database",
]


def refuse_server_database(session: Session) -> Path:
    """The database file behind the session, or a clear refusal for a server database."""
    engine = session.get_bind()
    if engine.dialect.name != "sqlite" or not engine.url.database or engine.url.database == ":memory:":
        raise RuleViolation(translate(
            "Encryption", "Encryption at rest is for a database file on this PC. A server database (PostgreSQL) is "
                          "protected by the server: its disk encryption, its accounts and TLS; this setting does "
                          "not apply to it."))
    return Path(engine.url.database)


# ------------------------------------------------------------------ status

@dataclass(frozen=True, slots=True)
class EncryptionStatus:
    applicable: bool              # a SQLite file (not a server database)
    encrypted: bool
    accounts_with_key: tuple[str, ...] = ()
    accounts_without_key: tuple[str, ...] = ()   # active accounts that need a password reset to open the file
    os_store: bool = False
    keys_file: str = ""


@operation(None)
def encryption_status(session: Session) -> EncryptionStatus:
    try:
        path = refuse_server_database(session)
    except RuleViolation:
        return EncryptionStatus(False, False)
    if not cipher.is_encrypted(path):
        return EncryptionStatus(True, False)
    data = cipher.read_keys_file(path, missing_ok=True) or {}
    wrapped = set(cipher.wrapped_accounts(data))
    active = [u.username for u in session.scalars(select(User).where(User.active.is_(True)).order_by(User.username))]
    return EncryptionStatus(True, True, tuple(a for a in active if a.casefold() in wrapped),
                            tuple(a for a in active if a.casefold() not in wrapped), bool(data.get("os_store")),
                            str(cipher.keys_file(path)))


# ------------------------------------------------------------------ turning it on

@dataclass(frozen=True)
class Encrypted:
    path: Path
    backup: Path                          # the proven backup made first (itself encrypted afterwards)
    recovery_key: str = field(repr=False)  # shown once; never logged, audited or stored by the program
    os_store: bool = False
    backups_encrypted: int = 0
    accounts_without_key: tuple[str, ...] = ()

    def __repr__(self) -> str:  # never the recovery key in a log line
        return f"Encrypted({self.path.name!r}, backups_encrypted={self.backups_encrypted})"


def _check_copy(source_print: files.Fingerprint, copy: Path, key: bytes) -> None:
    conn = connect_file(copy, key=key)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise StorageError(translate("Encryption", "The encrypted copy failed its integrity check; the database "
                                                       "was left as it was."))
        conn.execute("BEGIN")
        differences = source_print.differences(files.fingerprint(conn))
        conn.execute("COMMIT")
    finally:
        conn.close()
    if differences:
        raise StorageError(translate("Encryption", "The encrypted copy does not hold the same data as the database "
                                                   "({what}); the database was left as it was.").format(
            what="; ".join(differences[:5])))


def _fingerprint_of(path: Path) -> files.Fingerprint:
    conn = connect_readonly(path)
    try:
        conn.isolation_level = None
        conn.execute("BEGIN")
        result = files.fingerprint(conn)
        conn.execute("COMMIT")
        return result
    finally:
        conn.close()


def _checkpoint(path: Path) -> None:
    conn = connect_file(path)
    try:
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    finally:
        conn.close()
    if busy:
        raise StorageError(translate("Encryption", "Another program is reading the database, so it was not "
                                                   "encrypted; close the other program and try again."))


def encrypt_file_in_place(path: Path, key: bytes) -> None:
    """Replace a plain database file (no program has it open) by an encrypted copy that was checked first."""
    from talentdesk.store.files import replace_file

    path = Path(path)
    if cipher.is_encrypted(path):
        return
    if not path.exists() or path.stat().st_size == 0:
        return
    _checkpoint(path)
    source_print = _fingerprint_of(path)
    tmp = path.with_name(path.name + ".encrypting")
    try:
        cipher.export_encrypted(path, tmp, key)
        conn = connect_file(tmp, key=key)
        try:
            conn.execute("PRAGMA journal_mode=DELETE")
        finally:
            conn.close()
        _check_copy(source_print, tmp, key)
        _sync(tmp)
        files.remove_sidecars(path)
        replace_file(tmp, path)
        files._sync_folder(path.parent)
    except BaseException:
        files.remove_with_sidecars(tmp)
        cipher.forget(tmp)
        raise
    cipher.forget(tmp)
    cipher.register(path, key)


def _sync(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _plain_backups(db_path: Path, second_folder: str) -> list[Path]:
    found = [b.path for b in files.list_backups(db_path)]
    if second_folder:
        try:
            found += [b.path for b in files.list_backups(db_path, Path(second_folder))]
        except OSError:
            pass
    return [p for p in found if not cipher.is_encrypted(p)]


def encrypt_backups(db_path: Path, key: bytes, *, second_folder: str = "") -> tuple[int, list[str]]:
    """Encrypt every plain backup of this database (backup folder and second folder) in place, each checked before
    it replaces the plain one, and give each its keys file. Returns how many, and the files that could not be."""
    done, failed = 0, []
    for backup in _plain_backups(db_path, second_folder):
        try:
            encrypt_file_in_place(backup, key)
            files.copy_keys_file(db_path, backup)
            done += 1
        except (OSError, StorageError, *cipher.errors()) as exc:
            log.warning("could not encrypt the backup %s: %s", backup, exc)
            failed.append(backup.name)
    return done, failed


@operation(Permission.SETTINGS_MANAGE, writes=True, changes=(Change.SETTINGS, Change.BACKUPS), lane=Lane.EXCLUSIVE,
           purpose="migration")
def encrypt_database(session: Session, *, username: str | None = None, password: str | None = None,
                     os_store: bool = False) -> Encrypted:
    """Encrypt the database in place. With accounts, `username`/`password` (checked against the account) get the
    first wrap; without accounts the key goes into this PC's protected store (`os_store`, the office's choice)."""
    from talentdesk.services.common.settings import get_setting
    from talentdesk.services.safety.accounts import _verify, find_user, has_accounts

    database: Database = session.info["database"]
    path = refuse_server_database(session).resolve()
    if cipher.is_encrypted(path):
        raise RuleViolation(translate("Encryption", "The database is already encrypted."))
    accounts = has_accounts(session)
    user = find_user(session, username or "") if accounts else None
    if accounts:
        if user is None or not user.active or not _verify(user.password_hash, password or ""):
            raise AuthenticationError(translate(
                "Encryption", "The user name or password is wrong, so the database was not encrypted; nothing was "
                              "changed."))
        others = tuple(u.username for u in session.scalars(select(User).where(User.active.is_(True)))
                       if u.id != user.id)
    else:
        if not os_store:
            raise RuleViolation(translate(
                "Encryption", "A database without accounts is encrypted only when its key can be kept in this PC's "
                              "protected store; turn that on, or create an account first."))
        others = ()
    second = get_setting(session, "backup_second_folder") or ""
    session.rollback()
    backup = files.make_backup(path, reason="pre-encrypt").path  # proven before anything changes

    key = os.urandom(cipher.KEY_BYTES)
    data = cipher.new_keys_file(key)
    if user is not None:
        data = cipher.set_wrap(data, key, user.username, password or "")
    if os_store:
        cipher.put_in_os_store(key)
        data["os_store"] = True
    session.close()
    database.engine.dispose()
    cipher.write_keys_file(path, data)  # beside a plain file it means nothing; written before the swap
    try:
        encrypt_file_in_place(path, key)
    except BaseException:
        cipher.keys_file(path).unlink(missing_ok=True)
        cipher.forget(path)
        database.reopen()
        raise
    database.reopen()
    session.bind = database.engine
    count, failed = encrypt_backups(path, key, second_folder=second)
    record_event(session, AuditAction.UPDATE, table="database", summary=(
        f"encrypted at rest (SQLCipher); key wrapped for {user.username if user else 'this PC'}; "
        f"{count} backups encrypted" + (f"; not encrypted: {', '.join(failed[:5])}" if failed else "")))
    return Encrypted(path, backup, cipher.recovery_text(key), os_store, count, others)


# ------------------------------------------------------------------ unlocking (no session: the file is closed)

@operation(None, lane=Lane.NO_DATABASE)
def unlock(*, path: Path | str, username: str, password: str) -> bool:
    """The login's first step on an encrypted database: unwrap its key with the account's password."""
    cipher.unlock_with_password(path, username, password)
    return True


@operation(None, lane=Lane.NO_DATABASE)
def unlock_with_recovery_key(*, path: Path | str, recovery_key: str) -> bool:
    cipher.unlock_with_recovery_key(path, recovery_key)
    return True


@operation(None, lane=Lane.NO_DATABASE)
def unlock_from_os_store(*, path: Path | str) -> bool:
    return cipher.unlock_from_os_store(path) is not None
