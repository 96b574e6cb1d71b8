"""The office signing key: an Ed25519 key pair whose PRIVATE half never enters the database.

- The public key is stored in the database (`office_keys`, part of the hash chain); its fingerprint is printed on
  every certificate, so anyone holding the public key file can check a certificate (`talentdesk verify --public-key`).
- The private key lives in this PC's data folder, protected by the operating system:
    * Windows: encrypted with DPAPI for the signed-in Windows user (CryptProtectData, through ctypes);
    * elsewhere: the system keyring (the `keyring` library) when a real backend is available and the data folder is
      the default one;
    * otherwise (no keyring backend, a portable install, tests): a file readable only by this user (mode 0600) in
      `<data folder>/keys/`. That is only as safe as the user account: `key_protection()` says which one is used.
- `export_key` writes a password-protected copy (scrypt + AES-GCM) for safekeeping and for a new PC;
  `import_key` installs it.
- The HMAC key that signed certificates before this change (setting `certificate_key`) is moved out of the database
  into the same protected store, so old certificates stay verifiable on this PC while the key no longer travels with
  every copy of the file.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import secrets
import sys
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.domain.enums import AuditAction
from talentdesk.domain.errors import InputFileError, RuleViolation, StorageError, ValidationError
from talentdesk.domain.models import OfficeKey, Setting
from talentdesk.i18n import translate
from talentdesk.paths import data_dir
from talentdesk.services.base import Change, Lane, Permission, operation, record_event

EXPORT_FORMAT = "talentdesk-office-key/1"
KEYRING_SERVICE = "TalentDesk office key"
MIN_EXPORT_PASSWORD = 8


# ------------------------------------------------------------------ fingerprints and signatures

def fingerprint_of(public_raw: bytes) -> str:
    """16 hex digits of SHA-256 over the raw public key (printed in groups of four)."""
    return hashlib.sha256(public_raw).hexdigest()[:16].upper()


def pretty_fingerprint(fp: str) -> str:
    fp = (fp or "").upper()
    return " ".join(fp[i:i + 4] for i in range(0, len(fp), 4))


def _raw_public(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def sign(key: Ed25519PrivateKey, message: str) -> str:
    """Base32 (upper case, no padding): fits a QR code's compact alphanumeric mode."""
    return base64.b32encode(key.sign(message.encode())).decode().rstrip("=")


def signature_ok(public_raw: bytes, message: str, signature_b32: str) -> bool:
    try:
        sig = base64.b32decode(signature_b32 + "=" * (-len(signature_b32) % 8))
        Ed25519PublicKey.from_public_bytes(public_raw).verify(sig, message.encode())
        return True
    except (InvalidSignature, ValueError, TypeError):
        return False


def public_key_from_file(path: Path | str) -> bytes:
    """The raw public key in a PEM file written by `talentdesk key public` (or any Ed25519 SubjectPublicKeyInfo)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputFileError(translate("Keys", "The public key file {path} cannot be read: {error}").format(
            path=path, error=exc.strerror or exc)) from None
    try:
        key = serialization.load_pem_public_key(data)
    except ValueError:
        raise InputFileError(translate("Keys", "{path} is not a public key file.").format(path=path)) from None
    if not isinstance(key, Ed25519PublicKey):
        raise InputFileError(translate("Keys", "{path} is not a TalentDesk office key (Ed25519).").format(path=path))
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


# ------------------------------------------------------------------ the protected store on this PC

def _keys_dir() -> Path:
    return data_dir() / "keys"


def _use_keyring() -> bool:
    if sys.platform.startswith("win") or os.environ.get("TALENTDESK_HOME"):
        return False  # Windows: DPAPI; a portable data folder keeps its key beside it
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return False
    backend = keyring.get_keyring()
    return not isinstance(backend, fail.Keyring) and getattr(backend, "priority", 0) > 0


def key_protection() -> str:
    """How the private key is protected on this PC: 'dpapi', 'keyring' or 'file' (readable only by this user)."""
    if sys.platform.startswith("win"):
        return "dpapi"
    return "keyring" if _use_keyring() else "file"


def _dpapi(data: bytes, protect: bool) -> bytes:  # pragma: no cover - Windows only
    import ctypes
    from ctypes import wintypes

    class DATA_BLOB(ctypes.Structure):  # noqa: N801 - the Windows name
        _fields_ = [("cbData", wintypes.DWORD), ("pbData", ctypes.POINTER(ctypes.c_char))]

    buf = ctypes.create_string_buffer(data, len(data))
    blob_in = DATA_BLOB(len(data), ctypes.cast(buf, ctypes.POINTER(ctypes.c_char)))
    blob_out = DATA_BLOB()
    crypt32 = ctypes.windll.crypt32
    fn = crypt32.CryptProtectData if protect else crypt32.CryptUnprotectData
    CRYPTPROTECT_UI_FORBIDDEN = 0x1
    if not fn(ctypes.byref(blob_in), None, None, None, None, CRYPTPROTECT_UI_FORBIDDEN, ctypes.byref(blob_out)):
        raise OSError(ctypes.GetLastError(), "DPAPI refused the office key")
    try:
        return ctypes.string_at(blob_out.pbData, blob_out.cbData)
    finally:
        ctypes.windll.kernel32.LocalFree(blob_out.pbData)


def _store_write(fp: str, secret: dict) -> None:
    data = json.dumps(secret).encode()
    how = key_protection()
    if how == "keyring":
        import keyring

        keyring.set_password(KEYRING_SERVICE, fp, data.decode())
        return
    folder = _keys_dir()
    folder.mkdir(parents=True, exist_ok=True)
    if how == "dpapi":
        path, data = folder / f"{fp}.dpapi", _dpapi(data, True)
    else:
        os.chmod(folder, 0o700)
        path = folder / f"{fp}.key"
    tmp = path.with_name(path.name + ".part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _store_read(fp: str) -> dict | None:
    how = key_protection()
    try:
        if how == "keyring":
            import keyring

            text = keyring.get_password(KEYRING_SERVICE, fp)
            return json.loads(text) if text else None
        if how == "dpapi":
            path = _keys_dir() / f"{fp}.dpapi"
            return json.loads(_dpapi(path.read_bytes(), False)) if path.exists() else None
        path = _keys_dir() / f"{fp}.key"
        return json.loads(path.read_bytes()) if path.exists() else None
    except (OSError, ValueError) as exc:
        raise StorageError(translate("Keys", "The office key on this PC cannot be read: {error}").format(
            error=exc)) from None


@dataclass(frozen=True)
class OfficeKeyInfo:
    id: int
    fingerprint: str
    public_key: str          # hex
    private_here: bool       # the private key is on this PC
    protection: str          # dpapi | keyring | file
    legacy_here: bool        # the pre-signing certificate key is on this PC


def _current(session: Session) -> OfficeKey | None:
    return session.scalar(select(OfficeKey).order_by(OfficeKey.id.desc()).limit(1))


def _secret(row: OfficeKey) -> dict | None:
    secret = _store_read(row.fingerprint)
    if secret is None:
        return None
    key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(secret["private"]))
    if _raw_public(key).hex() != row.public_key:
        raise StorageError(translate("Keys", "The office key on this PC does not belong to this database."))
    return secret


def ensure_office_key(session: Session) -> OfficeKey:
    """The database's office key; the first call creates the pair (private half into the protected store, read back
    before the public half is written) and moves the old certificate key out of `settings`."""
    row = _current(session)
    legacy = session.get(Setting, "certificate_key")
    if row is None:
        key = Ed25519PrivateKey.generate()
        public = _raw_public(key)
        row = OfficeKey(algorithm="ed25519", public_key=public.hex(), fingerprint=fingerprint_of(public))
        secret = {"private": key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                               serialization.NoEncryption()).hex(), "legacy": None}
        if legacy is not None:
            secret["legacy"] = json.loads(legacy.value)
        _store_write(row.fingerprint, secret)
        if _store_read(row.fingerprint) != secret:
            raise StorageError(translate("Keys", "The office key could not be stored safely on this PC."))
        session.add(row)
        session.flush()
    if legacy is not None:
        secret = _secret(row)
        if secret is None:
            raise StorageError(translate(
                "Keys", "The office key is not on this PC, so the old certificate key cannot be moved out of the "
                        "database. Import the office key first (talentdesk key import)."))
        if not secret.get("legacy"):
            secret["legacy"] = json.loads(legacy.value)
            _store_write(row.fingerprint, secret)
            if _store_read(row.fingerprint) != secret:
                raise StorageError(translate("Keys", "The office key could not be stored safely on this PC."))
        session.delete(legacy)  # audited with its value redacted (services/base.py SECRET_SETTINGS)
        session.flush()
    return row


def private_key(session: Session, row: OfficeKey) -> Ed25519PrivateKey:
    secret = _secret(row)
    if secret is None:
        raise RuleViolation(translate(
            "Keys", "The office signing key (fingerprint {fp}) is not on this PC, so nothing can be signed here. "
                    "Import it with: talentdesk key import FILE").format(fp=pretty_fingerprint(row.fingerprint)))
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(secret["private"]))


def legacy_key(session: Session) -> bytes | None:
    """The HMAC key of certificates printed before signing, from this PC's protected store (or, on a database not
    yet opened by this version, from settings)."""
    row = session.get(Setting, "certificate_key")
    if row is not None:
        return bytes.fromhex(json.loads(row.value))
    for k in session.scalars(select(OfficeKey).order_by(OfficeKey.id)):
        secret = _store_read(k.fingerprint)
        if secret and secret.get("legacy"):
            return bytes.fromhex(secret["legacy"])
    return None


def move_legacy_key_out(database) -> None:
    """At open: a database that still holds the old certificate key in `settings` gets an office key, and the old
    key moves into this PC's protected store (once; nothing happens when it is already gone)."""
    from talentdesk.services.base import Actor

    with database.session(Actor.system(), readonly=True) as s:
        if s.get(Setting, "certificate_key") is None:
            return
    with database.session(Actor.system()) as s:
        ensure_office_key(s)
    if database.engine.dialect.name == "sqlite":  # the zeroed pages reach the file itself now, not only the WAL
        with database.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


@operation(Permission.LEDGER_READ)
def office_key_info(session: Session) -> OfficeKeyInfo | None:
    row = _current(session)
    if row is None:
        return None
    try:
        secret = _store_read(row.fingerprint)
    except StorageError:
        secret = None
    return OfficeKeyInfo(row.id, row.fingerprint, row.public_key, secret is not None, key_protection(),
                         bool(secret and secret.get("legacy")))


# ------------------------------------------------------------------ export and import

def _kdf(password: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=2 ** 15, r=8, p=1).derive(password.encode())


@operation(Permission.SETTINGS_MANAGE, writes=True, changes=(Change.AUDIT,))
def export_key(session: Session, *, out_path: str | Path, password: str) -> str:
    """Write the office key (and the old certificate key) to a file protected by `password`. Returns the fingerprint."""
    if not isinstance(password, str) or len(password) < MIN_EXPORT_PASSWORD:
        raise ValidationError(translate("Keys", "The export password needs at least {n} characters.").format(
            n=MIN_EXPORT_PASSWORD), field="password")
    row = ensure_office_key(session)
    secret = _secret(row)
    if secret is None:
        private_key(session, row)  # raises the clear message
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    sealed = AESGCM(_kdf(password, salt)).encrypt(nonce, json.dumps(secret).encode(), row.fingerprint.encode())
    doc = {"format": EXPORT_FORMAT, "fingerprint": row.fingerprint, "public_key": row.public_key,
           "kdf": {"name": "scrypt", "n": 2 ** 15, "r": 8, "p": 1, "salt": salt.hex()},
           "nonce": nonce.hex(), "ciphertext": base64.b64encode(sealed).decode(),
           "exported_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}
    path = Path(out_path)
    try:
        tmp = path.with_name(path.name + ".part")
        tmp.write_text(json.dumps(doc, indent=1), encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        raise StorageError(translate("Keys", "The key could not be written to {path}: {error}").format(
            path=path, error=exc.strerror or exc)) from None
    record_event(session, AuditAction.EXPORT, table="office_keys", record_id=str(row.id),
                 summary=f"office key {row.fingerprint} exported (password-protected) to {path.name}")
    return row.fingerprint


@operation(Permission.SETTINGS_MANAGE, writes=True, changes=(Change.SETTINGS,))
def import_key(session: Session, *, in_path: str | Path, password: str) -> str:
    """Install an exported office key on this PC (a new PC, or after reinstalling). It must be this database's key."""
    try:
        doc = json.loads(Path(in_path).read_text(encoding="utf-8"))
        if doc.get("format") != EXPORT_FORMAT:
            raise ValueError
        kdf = doc["kdf"]
        key = Scrypt(salt=bytes.fromhex(kdf["salt"]), length=32, n=int(kdf["n"]), r=int(kdf["r"]),
                     p=int(kdf["p"])).derive(password.encode())
        plain = AESGCM(key).decrypt(bytes.fromhex(doc["nonce"]), base64.b64decode(doc["ciphertext"]),
                                    doc["fingerprint"].encode())
    except OSError as exc:
        raise InputFileError(translate("Keys", "The key file {path} cannot be read: {error}").format(
            path=in_path, error=exc.strerror or exc)) from None
    except InvalidTag:
        raise ValidationError(translate("Keys", "The password is wrong (or the key file was altered)."),
                              field="password") from None
    except (ValueError, KeyError, TypeError):
        raise InputFileError(translate("Keys", "{path} is not an exported TalentDesk office key.").format(
            path=in_path)) from None
    secret = json.loads(plain)
    private = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(secret["private"]))
    public = _raw_public(private)
    fp = fingerprint_of(public)
    row = session.scalar(select(OfficeKey).where(OfficeKey.public_key == public.hex()))
    if row is None:
        if _current(session) is not None:
            raise RuleViolation(translate(
                "Keys", "This key (fingerprint {fp}) is not the office key of this database.").format(
                fp=pretty_fingerprint(fp)))
        row = OfficeKey(algorithm="ed25519", public_key=public.hex(), fingerprint=fp)
        session.add(row)
        session.flush()
    _store_write(fp, secret)
    record_event(session, AuditAction.IMPORT, table="office_keys", record_id=str(row.id),
                 summary=f"office key {fp} installed on this PC ({key_protection()})")
    return fp


@operation(Permission.LEDGER_READ, writes=True, changes=(Change.AUDIT,))
def export_public_key(session: Session, *, out_path: str | Path) -> str:
    """The public key as a PEM file, for the finance bureau or another office to verify certificates."""
    row = ensure_office_key(session)
    pem = Ed25519PublicKey.from_public_bytes(bytes.fromhex(row.public_key)).public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    try:
        Path(out_path).write_bytes(pem)
    except OSError as exc:
        raise StorageError(translate("Keys", "The key could not be written to {path}: {error}").format(
            path=out_path, error=exc.strerror or exc)) from None
    record_event(session, AuditAction.EXPORT, table="office_keys", record_id=str(row.id),
                 summary=f"public key {row.fingerprint} to {Path(out_path).name}")
    return row.fingerprint


__all__ = ["ensure_office_key", "private_key", "legacy_key", "export_key", "import_key", "export_public_key",
           "office_key_info", "sign", "signature_ok", "fingerprint_of", "pretty_fingerprint", "key_protection",
           "public_key_from_file", "Lane"]
