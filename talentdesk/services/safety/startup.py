"""What happens to the database when the window starts, before anyone sees data (DESIGN.md §2).

The window's start-up code (ui/safety/startup.py) refuses a network drive and takes the one-writer lock, then runs
`prepare_database` on the exclusive lane: quick check (naming the newest good backup when it fails) → daily
backup → back up and migrate when the schema is behind → are there accounts, and how long until the idle lock.
"""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from talentdesk.domain.errors import StorageError, TalentDeskError
from talentdesk.services.base import Change, Lane, operation
from talentdesk.services.safety.accounts import has_accounts
from talentdesk.services.safety.backups import daily_backup_if_due, sqlite_path
from talentdesk.store.migrate import MigrationResult, migrate_to_head
from talentdesk.store import backup_files as files
from talentdesk.store import integrity
from talentdesk.store.backup_files import BackupResult

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Prepared:
    """The database is ready (`problems` empty), or why not and the newest backup that passes the checks."""

    problems: tuple[str, ...] = ()
    good_backup: Path | None = None
    daily_backup: BackupResult | None = None
    backup_warning: str = ""
    migration: MigrationResult | None = None
    accounts: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


@operation(None, writes=True, changes=(Change.BACKUPS,), lane=Lane.EXCLUSIVE)
def prepare_database(session: Session, *, now: dt.datetime | None = None) -> Prepared:
    database = session.info["database"]
    if database.server is not None:  # a server database: the first query is the connection check
        session.connection()
        database.keep_password()
    try:
        path: Path | None = sqlite_path(session)
    except StorageError:
        path = None  # a server database: no file to check or back up
    told: list[str] = []  # a committed print or export that could not be put in place after a crash
    if path is not None:
        files.clean_leftovers(path, notice=told.append)  # what a killed backup, restore, print or export left
    if path is not None and path.exists() and path.stat().st_size > 0:
        problems = integrity.quick_check(path)
        if problems:
            log.warning("the quick check of %s failed: %s", path, problems[:3])
            return Prepared(tuple(problems), files.newest_good_backup(path))
    daily, warning = None, " ".join(told)
    if path is not None:
        try:
            daily = daily_backup_if_due(session, now=now)
            if daily and daily.second_error:
                warning = " ".join(filter(None, (warning, daily.second_error)))
        except TalentDeskError as exc:  # a failed daily backup must not keep the office out of its data
            log.warning("daily backup failed: %s", exc.message)
            warning = " ".join(filter(None, (warning, exc.message)))
            session.rollback()
    session.commit()  # the daily backup's audit entry; and no transaction stays open across the migration
    migration = migrate_to_head(database.engine, path)
    database.migration = migration
    return Prepared((), None, daily, warning, migration, has_accounts(session))
