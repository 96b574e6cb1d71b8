"""Encryption at rest: the SQLCipher database key, who can unwrap it, and opening encrypted files (no Qt, no session).

A database with accounts is one encrypted file (SQLCipher 4 through `sqlcipher3-wheels`, a DB-API module like
`sqlite3`; see docs/encryption.md for why that library). Its key is 32 random bytes, given to SQLCipher as a raw key
(`PRAGMA key = "x'…'"`, so opening a connection costs no key derivation). The key is never stored in clear:

- the *keys file* beside the database (`talentdesk.db.keys`, JSON) holds one wrap of it per account: AES-256-GCM
  under a key derived from that account's password with scrypt. The file holds no secret in clear; it travels with
  every backup (`…-manual.db.keys`).
- in single-user mode, when the office turns it on, the key is kept in this PC's protected store instead
  (DPAPI / keyring / a file only this user can read: store/keystore.py).
- the *recovery key* printed once at set-up is the database key itself, written in groups of letters and digits: it
  opens the file and every backup of it even when the keys file is lost.

Unlocking puts the key in this process's registry (`register`); every connection to that file — the engine's
(store/db.py), the backup copies, the checks — applies it before any other statement. Plain databases (single-user
mode, the default) stay ordinary SQLite files opened with `sqlite3`.
"""
from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import sqlite3
import sys
import threading
from pathlib import Path

from talentdesk.domain.errors import AuthenticationError, InputFileError, StorageError
from talentdesk.i18n import translate

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
KEYS_SUFFIX = ".keys"
KEYS_FORMAT = "talentdesk-database-keys"
KEY_BYTES = 32
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2 ** 15, 8, 1   # 32 MiB, about 0.1 s here: a guess at a password costs that much
RECOVERY_PREFIX = "TDRK"
ENCRYPTED_CACHE_KIB = 32 * 1024

_lock = threading.RLock()
_keys: dict[str, bytes] = {}      # key id → key
_paths: dict[str, str] = {}       # normalised path → key id
_log_quietened = False


def _dbapi():
    import sqlcipher3.dbapi2 as dbapi

    return dbapi


def errors() -> tuple[type[BaseException], ...]:
    """The DB-API errors of both drivers (plain files: sqlite3; encrypted: sqlcipher3)."""
    return (sqlite3.Error, _dbapi().Error)


def database_errors() -> tuple[type[BaseException], ...]:
    return (sqlite3.DatabaseError, _dbapi().DatabaseError)


class DatabaseLocked(StorageError):
    """The file is encrypted and this process does not have its key: someone must log in (or give the recovery
    key) first. Nothing was opened or changed."""


# ------------------------------------------------------------------ which files are encrypted, and their keys

def _norm(path: Path | str) -> str:
    return os.path.normcase(os.path.abspath(str(path)))


def is_encrypted(path: Path | str) -> bool:
    """A database file that does not start with SQLite's header: SQLCipher starts with a random 16-byte salt, and
    the file is whole pages. (A text file, an empty one or one of zeros is not taken for an encrypted database.)"""
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
            size = os.fstat(fh.fileno()).st_size
    except OSError:
        return False
    if len(head) < 16 or head == SQLITE_MAGIC or size < 1024 or size % 512:
        return False
    return len(set(head)) > 4 and not all(32 <= b < 127 or b in (9, 10, 13) for b in head)


def key_id(key: bytes) -> str:
    """A public name of a key (in the keys file and the OS store): says which key, reveals nothing of it."""
    return hashlib.sha256(b"talentdesk database key id\x00" + key).hexdigest()[:16]


def register(path: Path | str, key: bytes) -> None:
    """This process may now open `path` (and any copy of it) with `key`."""
    kid = key_id(key)
    with _lock:
        _keys[kid] = bytes(key)
        _paths[_norm(path)] = kid


def remember(key: bytes) -> None:
    """A key this process may try on files it has no registration for (a recovery key given for a backup)."""
    with _lock:
        _keys[key_id(key)] = bytes(key)


def registered_key(path: Path | str) -> bytes | None:
    with _lock:
        kid = _paths.get(_norm(path))
        return _keys.get(kid) if kid else None


def forget(path: Path | str | None = None) -> None:
    """Drop one file's key (or every key: tests, and a window that locks for good)."""
    with _lock:
        if path is None:
            _keys.clear()
            _paths.clear()
        else:
            _paths.pop(_norm(path), None)


def key_for(path: Path | str) -> bytes | None:
    """The key that opens this encrypted file, from what this process has unlocked: the file's own registration,
    the key its keys file names, or (a backup copied without its keys file) any unlocked key that opens it."""
    key = registered_key(path)
    if key is not None:
        return key
    with _lock:
        candidates = dict(_keys)
    if not candidates:
        return None
    info = read_keys_file(path, missing_ok=True)
    if info is not None and info.get("key_id") in candidates:
        key = candidates[info["key_id"]]
        register(path, key)
        return key
    for kid, key in candidates.items():
        if key_opens(path, key):
            register(path, key)
            return key
    return None


def needs_key(path: Path | str) -> bool:
    """The file is encrypted and no key for it is unlocked in this process."""
    return is_encrypted(path) and key_for(path) is None


def _quieten_sqlcipher(conn) -> None:
    """SQLCipher writes every wrong-key attempt to stderr; the program says it in the user's language instead."""
    global _log_quietened
    if not _log_quietened:
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
        except Exception:  # noqa: BLE001 - an older SQLCipher without the setting
            pass
        _log_quietened = True


def apply_key(conn, key: bytes) -> None:
    """The first statement on an encrypted connection: the raw key (no key derivation per connection)."""
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")


def key_opens(path: Path | str, key: bytes) -> bool:
    dbapi = _dbapi()
    try:
        conn = dbapi.connect(Path(os.path.abspath(path)).as_uri() + "?mode=ro", uri=True)
    except dbapi.Error:
        return False
    try:
        _quieten_sqlcipher(conn)
        apply_key(conn, key)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except dbapi.Error:
        return False
    finally:
        conn.close()


def locked_error(path: Path | str) -> DatabaseLocked:
    return DatabaseLocked(translate(
        "Encryption", "{name} is encrypted. Log in with your account (or give the recovery key) to open it; "
                      "nothing was opened or changed.").format(name=Path(path).name))


def connect(path: Path | str, *, readonly: bool = False, key: bytes | None = None, timeout: float = 10.0,
            encrypted: bool | None = None, **kwargs):
    """A DB-API connection to a database file: `sqlite3` for a plain file, `sqlcipher3` with the key applied first
    for an encrypted one (or a new file made with `key`). A read-only URI is built with `Path.as_uri()`."""
    path = Path(path)
    if encrypted is None:
        encrypted = key is not None or is_encrypted(path)
    if encrypted and key is None:
        key = key_for(path)
        if key is None:
            raise locked_error(path)
    if readonly:
        target, kwargs["uri"] = Path(os.path.abspath(path)).as_uri() + "?mode=ro", True
    else:
        target = str(path)
    if not encrypted:
        return sqlite3.connect(target, timeout=timeout, **kwargs)
    sys.audit("sqlite3.connect", target)  # the window-thread guard (store/guard.py) sees this connection too
    conn = _dbapi().connect(target, timeout=timeout, **kwargs)
    try:
        _quieten_sqlcipher(conn)
        apply_key(conn, key)
        # pages are decrypted when read into SQLite's cache: a larger cache than SQLite's 2 MB default keeps the
        # pages a search revisits decrypted (a plain file gets the same from the OS's file cache)
        conn.execute(f"PRAGMA cache_size = -{ENCRYPTED_CACHE_KIB}")
    except BaseException:
        conn.close()
        raise
    return conn


# ------------------------------------------------------------------ the keys file: one wrap per account

def keys_file(db_path: Path | str) -> Path:
    return Path(str(db_path) + KEYS_SUFFIX)


def read_keys_file(db_path: Path | str, *, missing_ok: bool = False) -> dict | None:
    path = keys_file(db_path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        if missing_ok:
            return None
        raise StorageError(translate(
            "Encryption", "The keys file {name} beside the encrypted database is missing. Open the database with its "
                          "recovery key (talentdesk encryption recover), which writes it again.").format(
            name=path.name)) from None
    except (OSError, ValueError) as exc:
        if missing_ok:
            return None
        raise StorageError(translate("Encryption", "The keys file {name} cannot be read: {error}").format(
            name=path.name, error=exc)) from None
    if not isinstance(data, dict) or data.get("format") != KEYS_FORMAT:
        if missing_ok:
            return None
        raise StorageError(translate("Encryption", "{name} is not a TalentDesk keys file.").format(name=path.name))
    data.setdefault("wraps", {})
    return data


def write_keys_file(db_path: Path | str, data: dict) -> Path:
    """Write the keys file whole and in place atomically (temporary file, fsync, replace with the retry helper)."""
    from talentdesk.store.files import replace_file

    path = keys_file(db_path)
    tmp = path.with_name(path.name + ".part")
    with open(tmp, "wb") as fh:
        fh.write(json.dumps(data, indent=1, sort_keys=True).encode("utf-8"))
        fh.flush()
        os.fsync(fh.fileno())
    replace_file(tmp, path)
    return path


def new_keys_file(key: bytes) -> dict:
    return {"format": KEYS_FORMAT, "version": 1, "cipher": "sqlcipher4", "key_id": key_id(key), "wraps": {},
            "os_store": False}


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")


def _unb64(s: str) -> bytes:
    return base64.b64decode(s.encode("ascii"))


def _user_slot(username: str) -> str:
    return (username or "").strip().casefold()


def _kek(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(password.encode("utf-8"))


def wrap(key: bytes, username: str, password: str) -> dict:
    """The database key sealed under this account's password (scrypt → AES-256-GCM; the account name and the
    key id are bound in, so a wrap cannot be moved to another account)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    kek = _kek(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    aad = f"{key_id(key)}|{_user_slot(username)}".encode("utf-8")
    return {"kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": _b64(salt), "nonce": _b64(nonce),
            "wrapped": _b64(AESGCM(kek).encrypt(nonce, key, aad))}


def unwrap(data: dict, username: str, password: str) -> bytes | None:
    """The database key, or None when the account has no wrap or the password does not open it."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    entry = data.get("wraps", {}).get(_user_slot(username))
    if not entry:
        return None
    wraps = entry if isinstance(entry, list) else [entry]
    for w in wraps:
        try:
            kek = _kek(password, _unb64(w["salt"]), int(w["n"]), int(w["r"]), int(w["p"]))
            aad = f"{data.get('key_id', '')}|{_user_slot(username)}".encode("utf-8")
            key = AESGCM(kek).decrypt(_unb64(w["nonce"]), _unb64(w["wrapped"]), aad)
        except (InvalidTag, KeyError, ValueError, TypeError):
            continue
        if key_id(key) == data.get("key_id"):
            return key
    return None


def set_wrap(data: dict, key: bytes, username: str, password: str, *, keep_old: bool = False) -> dict:
    """A copy of the keys data with this account's wrap replaced (or, `keep_old`, added beside the old one until
    the change commits)."""
    out = json.loads(json.dumps(data))
    slot = _user_slot(username)
    new = wrap(key, username, password)
    old = out["wraps"].get(slot)
    if keep_old and old:
        out["wraps"][slot] = (old if isinstance(old, list) else [old]) + [new]
    else:
        out["wraps"][slot] = new
    return out


def drop_wrap(data: dict, username: str) -> dict:
    out = json.loads(json.dumps(data))
    out["wraps"].pop(_user_slot(username), None)
    return out


def wrapped_accounts(data: dict | None) -> list[str]:
    return sorted((data or {}).get("wraps", {}))


# ------------------------------------------------------------------ the recovery key

def recovery_text(key: bytes) -> str:
    """The database key for paper: `TDRK-` and 13 groups of four letters/digits (base32, no 0/1/8/9 confusion)."""
    body = base64.b32encode(key).decode("ascii").rstrip("=")
    groups = [body[i:i + 4] for i in range(0, len(body), 4)]
    return "-".join([RECOVERY_PREFIX, *groups])


def key_from_recovery_text(text: str) -> bytes:
    cleaned = "".join(ch for ch in (text or "").upper() if ch.isalnum())
    if cleaned.startswith(RECOVERY_PREFIX):
        cleaned = cleaned[len(RECOVERY_PREFIX):]
    try:
        key = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except (ValueError, TypeError):
        key = b""
    if len(key) != KEY_BYTES:
        raise InputFileError(translate(
            "Encryption", "That is not a recovery key: it has the form TDRK-XXXX-XXXX-… with 13 groups of four "
                          "letters and digits."))
    return key


# ------------------------------------------------------------------ the OS key store (single-user mode)

def _os_name(key: bytes) -> str:
    return f"db-{key_id(key)}"


def put_in_os_store(key: bytes) -> None:
    from talentdesk.store import keystore

    keystore.store_secret(_os_name(key), {"database_key": key.hex()})
    if keystore.read_secret(_os_name(key)) != {"database_key": key.hex()}:
        raise StorageError(translate("Encryption", "The database key could not be stored safely on this PC."))


def from_os_store(data: dict) -> bytes | None:
    from talentdesk.store import keystore

    kid = data.get("key_id")
    if not kid or not data.get("os_store"):
        return None
    secret = keystore.read_secret(f"db-{kid}")
    if not secret or "database_key" not in secret:
        return None
    key = bytes.fromhex(secret["database_key"])
    return key if key_id(key) == kid else None


def remove_from_os_store(key: bytes) -> None:
    from talentdesk.store import keystore

    keystore.delete_secret(_os_name(key))


# ------------------------------------------------------------------ unlocking

def unlock_with_password(db_path: Path | str, username: str, password: str) -> bytes:
    """Unwrap the key with an account's password and register it; a wrong name or password changes nothing."""
    data = read_keys_file(db_path)
    key = unwrap(data, username, password or "")
    if key is None or not key_opens(db_path, key):
        raise AuthenticationError(translate(
            "Encryption", "The user name or password is wrong, so the encrypted database stays closed; nothing was "
                          "changed."))
    register(db_path, key)
    return key


def unlock_with_recovery_key(db_path: Path | str, text: str) -> bytes:
    key = key_from_recovery_text(text)
    if not key_opens(db_path, key):
        raise AuthenticationError(translate(
            "Encryption", "This recovery key does not open {name}; nothing was changed.").format(
            name=Path(db_path).name))
    register(db_path, key)
    return key


def unlock_from_os_store(db_path: Path | str) -> bytes | None:
    """Single-user mode with the key in this PC's store: unlock without asking. None when it is not there."""
    data = read_keys_file(db_path, missing_ok=True)
    if data is None:
        return None
    key = from_os_store(data)
    if key is None or not key_opens(db_path, key):
        return None
    register(db_path, key)
    return key


# ------------------------------------------------------------------ writing an encrypted copy

def export_encrypted(source: Path, dest: Path, key: bytes) -> None:
    """`sqlcipher_export` of a plain (or already encrypted, with its key known) database into a new encrypted
    file `dest` (which must not exist). The source is read in one transaction; `dest` ends in rollback-journal
    mode, fully written."""
    dbapi = _dbapi()
    dest = Path(dest)
    for p in (dest, Path(str(dest) + "-journal")):
        p.unlink(missing_ok=True)
    src_key = key_for(source) if is_encrypted(source) else None
    if is_encrypted(source) and src_key is None:
        raise locked_error(source)
    conn = dbapi.connect(str(source), timeout=10.0, isolation_level=None)
    try:
        _quieten_sqlcipher(conn)
        if src_key is not None:
            apply_key(conn, src_key)
        conn.execute("ATTACH DATABASE ? AS td_encrypted KEY ?", (str(dest), f"x'{key.hex()}'"))
        try:
            conn.execute("SELECT sqlcipher_export('td_encrypted')")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            conn.execute(f"PRAGMA td_encrypted.user_version = {int(version)}")
        finally:
            conn.execute("DETACH DATABASE td_encrypted")
    finally:
        conn.close()
    register(dest, key)
