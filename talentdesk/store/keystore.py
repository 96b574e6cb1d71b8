"""The office key store on this PC (no database session of its own; used by the unit of work and services/safety/keys).

See services/safety/keys.py for what the office key is and how it is protected.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.domain.errors import InputFileError, RuleViolation, StorageError
from talentdesk.domain.models import OfficeKey, Setting
from talentdesk.i18n import translate
from talentdesk.paths import data_dir

KEYRING_SERVICE = "TalentDesk office key"


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
    tmp = path.with_name(f"{path.name}.{os.getpid()}.part")  # two programs storing at once never share it
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
    """The key this PC signs with: the newest whose private half is on this PC, else the newest (whose absence here
    `private_key` then explains). A county office's file has one key. A city database holds one per county moved in
    (`move --county` brings its key along), the newest of them being another county's: each county's PCs keep
    signing with their own county's key, and every certificate names the key that signed it (`key_id`)."""
    rows = session.scalars(select(OfficeKey).order_by(OfficeKey.id.desc())).all()
    for row in rows:
        try:
            if _store_read(row.fingerprint) is not None:
                return row
        except StorageError:
            continue
    return rows[0] if rows else None


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


# ------------------------------------------------------------------ other secrets of this PC (the database key)

def store_secret(name: str, secret: dict) -> None:
    """Keep a secret under `name` in this PC's protected store (DPAPI, keyring or a private file), as the office
    key is kept."""
    _store_write(name, secret)


def read_secret(name: str) -> dict | None:
    return _store_read(name)


def delete_secret(name: str) -> None:
    how = key_protection()
    if how == "keyring":
        import keyring
        from keyring.errors import PasswordDeleteError

        try:
            keyring.delete_password(KEYRING_SERVICE, name)
        except PasswordDeleteError:
            pass
        return
    (_keys_dir() / f"{name}.{'dpapi' if how == 'dpapi' else 'key'}").unlink(missing_ok=True)
