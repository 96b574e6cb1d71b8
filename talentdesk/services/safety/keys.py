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
import json
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.domain.enums import AuditAction
from talentdesk.domain.errors import InputFileError, RuleViolation, StorageError, ValidationError
from talentdesk.domain.models import OfficeKey
from talentdesk.i18n import translate
from talentdesk.services.base import Change, Permission, file_at_commit, operation, record_event
from talentdesk.store.keystore import (  # noqa: F401 - the key store's primitives are part of this module's API
    OfficeKeyInfo, _current, _raw_public, _secret, _store_read, _store_write, ensure_office_key, fingerprint_of,
    key_protection, legacy_key, pretty_fingerprint, private_key, public_key_from_file, sign, signature_ok,
)

EXPORT_FORMAT = "talentdesk-office-key/1"
MIN_EXPORT_PASSWORD = 8


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
    _write_key_file(session, Path(out_path), json.dumps(doc, indent=1).encode("utf-8"))
    record_event(session, AuditAction.EXPORT, table="office_keys", record_id=str(row.id),
                 summary=f"office key {row.fingerprint} exported (password-protected) to {Path(out_path).name}")
    return row.fingerprint


def _write_key_file(session: Session, path: Path, data: bytes) -> None:
    """A key file, named right after the unit of work (and its audit entry) commits; never over a database."""
    with file_at_commit(session, path, failed=lambda exc: StorageError(translate(
            "Keys", "The key could not be written to {path}: {error}").format(
            path=path, error=exc.strerror or exc))) as tmp:
        tmp.write_bytes(data)


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
    _write_key_file(session, Path(out_path), pem)  # `key public --out talentdesk.db` is refused there
    record_event(session, AuditAction.EXPORT, table="office_keys", record_id=str(row.id),
                 summary=f"public key {row.fingerprint} to {Path(out_path).name}")
    return row.fingerprint


__all__ = ["ensure_office_key", "private_key", "legacy_key", "export_key", "import_key", "export_public_key",
           "office_key_info", "sign", "signature_ok", "fingerprint_of", "pretty_fingerprint", "key_protection",
           "public_key_from_file"]
