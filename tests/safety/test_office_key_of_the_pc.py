"""A city database holds the office key of every county moved into it (`move --county` brings each file's key), and
the newest is another county's: each PC keeps signing with the key it holds — its own county's — instead of being
told to import a key that belongs to another county."""
from __future__ import annotations

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from talentdesk.domain.models import OfficeKey
from talentdesk.services.safety import keys
from talentdesk.store import keystore


def _another_countys_key(database, local) -> tuple[str, dict]:
    other = Ed25519PrivateKey.generate()
    public = other.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    fp = keystore.fingerprint_of(public)
    with database.session(local) as s:  # as `move --county` adds it: the public half only
        s.add(OfficeKey(algorithm="ed25519", public_key=public.hex(), fingerprint=fp))
    secret = {"private": other.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                             serialization.NoEncryption()).hex(), "legacy": None}
    return fp, secret


def test_a_pc_signs_with_the_key_it_holds_not_the_newest_in_the_database(database, local):
    with database.session(local) as s:
        mine = keys.ensure_office_key(s).fingerprint
    theirs, secret = _another_countys_key(database, local)
    with database.session(local) as s:
        assert keys.ensure_office_key(s).fingerprint == mine  # no new key made, the one held here is used
        keys.private_key(s, keystore._current(s))
        info = keys.office_key_info(s)
    assert info.fingerprint == mine and info.private_here
    # on the other county's PC (its key in the store, not this one's)
    keystore._store_write(theirs, secret)
    keystore.delete_secret(mine)
    with database.session(local, readonly=True) as s:
        info = keys.office_key_info(s)
    assert info.fingerprint == theirs and info.private_here
    # a PC holding neither is told which key to import (the newest), as before
    keystore.delete_secret(theirs)
    with database.session(local, readonly=True) as s:
        info = keys.office_key_info(s)
    assert info.fingerprint == theirs and not info.private_here
