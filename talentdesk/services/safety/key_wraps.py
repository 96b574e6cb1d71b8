"""Each account's wrap of the database key follows its password (see services/safety/encryption.py).

Called by services/safety/accounts.py whenever a password is set (a new account, an admin's reset — the re-wrap
for a lost password —, one's own change) or an account is disabled. No-op on a plain database. The new wrap is
added before the unit of work commits and the old one removed after it commits, so a failed commit never leaves an
account without a wrap.
"""
from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import Session

from talentdesk.domain.errors import StorageError
from talentdesk.store import cipher

log = logging.getLogger(__name__)


def _encrypted_path(session: Session) -> tuple[Path, bytes] | None:
    engine = session.get_bind()
    if engine.dialect.name != "sqlite" or not engine.url.database:
        return None
    path = Path(engine.url.database)
    if not cipher.is_encrypted(path):
        return None
    key = cipher.key_for(path)
    if key is None:  # cannot happen: the session could not have been opened
        raise cipher.locked_error(path)
    return path, key


def _after_commit(session: Session, fn) -> None:
    pending = session.info.setdefault("td_key_after_commit", [])
    pending.append(fn)
    if len(pending) == 1:
        event.listen(session, "after_commit", _run_after_commit, once=True)
        event.listen(session, "after_soft_rollback", _drop_after_commit, once=True)


def _run_after_commit(session: Session) -> None:
    for fn in session.info.pop("td_key_after_commit", []):
        try:
            fn()
        except (OSError, StorageError) as exc:  # the new wrap is in place; an old one stays until the next change
            log.warning("could not tidy the keys file: %s", exc)


def _drop_after_commit(session: Session, _previous_transaction) -> None:
    session.info.pop("td_key_after_commit", None)


def password_set(session: Session, *, username: str, password: str) -> None:
    """An account's password was set in this unit of work: its wrap of the database key follows (no-op on a plain
    database). The new wrap is added now, beside the old one; the old one goes once the unit of work commits."""
    found = _encrypted_path(session)
    if found is None:
        return
    path, key = found
    data = cipher.read_keys_file(path, missing_ok=True) or cipher.new_keys_file(key)
    cipher.write_keys_file(path, cipher.set_wrap(data, key, username, password, keep_old=True))

    def _tidy() -> None:
        current = cipher.read_keys_file(path)
        slot = current["wraps"].get(username.strip().casefold())
        if isinstance(slot, list) and slot:
            current["wraps"][username.strip().casefold()] = slot[-1]
        if current.get("os_store"):  # accounts now: the key opens only with a password (or the recovery key)
            current["os_store"] = False
            cipher.write_keys_file(path, current)
            cipher.remove_from_os_store(key)
        cipher.write_keys_file(path, current)

    _after_commit(session, _tidy)


def account_disabled(session: Session, *, username: str) -> None:
    """A disabled account's wrap is removed once the change commits (re-enabled, it needs a password reset)."""
    found = _encrypted_path(session)
    if found is None:
        return
    path, _key = found
    _after_commit(session, lambda: cipher.write_keys_file(path, cipher.drop_wrap(cipher.read_keys_file(path),
                                                                                  username)))
