"""The window's first rows before the services load (issue 18: "window painted before the heavy imports").

A read-only sqlite3 look at the database file — no SQLAlchemy, no Alembic, no services — that says whether the
window may show the overview's first rows at once, and gives them. The window runs it on a worker thread (never on
its own thread: store/guard.py).

Only a database that needs nothing before anyone sees its data is read this way:
- a plain SQLite file (an encrypted one is unlocked first; a server database connects and may ask a password),
- at this program's schema head as a built program records it (else back up and migrate first; the source tree
  records no head, so it always takes the full start),
- without accounts (else the login comes first),
- holding talents (else the first-run wizard may come first).
For every other database `first_rows` gives None and the usual start-up (ui/safety/startup.py) runs before the
window shows. For this one it runs right after: the lock, the quick check and the daily backup happen while the
window already shows the rows, behind the "Opening the database…" dialog, and nothing can be changed before."""
from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path

from talentdesk import paths
from talentdesk.services.growth.attention import AttentionItem, read_service_end
from talentdesk.store import cipher

log = logging.getLogger(__name__)

# the same facts the full start-up asks (services/safety/accounts.py `has_accounts`: any account, or an account
# the hash chain remembers; wizard.py: no talents yet)
_NEEDS_LOGIN = ("SELECT EXISTS (SELECT 1 FROM users) OR "
                "EXISTS (SELECT 1 FROM chain_links WHERE kind = 'user')")
_HAS_TALENTS = "SELECT EXISTS (SELECT 1 FROM talents)"


def first_rows(path: Path | str, *, today: dt.date) -> list[AttentionItem] | None:
    """The overview's first category as the service gives it, or None when this database must take the full
    start-up before anything is shown (see the module's text)."""
    path = Path(path)
    head = paths.recorded_head(paths.migrations_dir())
    if head is None or not path.is_file() or cipher.is_encrypted(path) or cipher.registered_key(path) is not None:
        return None
    try:
        conn = cipher.connect(path, readonly=True, encrypted=False, timeout=1.0)
    except sqlite3.Error as exc:
        log.info("early read of %s not possible: %s", path, exc)
        return None
    try:
        if conn.execute("SELECT version_num FROM alembic_version").fetchall() != [(head,)]:
            return None
        if conn.execute(_NEEDS_LOGIN).fetchone()[0] or not conn.execute(_HAS_TALENTS).fetchone()[0]:
            return None
        return read_service_end(conn, today)
    except sqlite3.Error as exc:  # an old or damaged file: the full start-up says what is wrong
        log.info("early read of %s not possible: %s", path, exc)
        return None
    finally:
        conn.close()
