"""Bringing a database to the current schema: back it up first when it holds data and is behind, then upgrade."""
from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from talentdesk.paths import backups_dir_for
from talentdesk.store import db
from talentdesk.store.backup_files import backup_database

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None

    @property
    def migrated(self) -> bool:
        return self.from_revision != self.to_revision


def migrate_to_head(engine: Engine, db_path: Path | None = None, *, backup_dir: Path | None = None,
                    around: Callable[[], AbstractContextManager] | None = None) -> MigrationResult:
    """Bring the schema to head. When a database holding data is behind, back it up first (SQLite backup API).
    `around()` is held while backing up and upgrading (the exclusive lane); a current database needs neither."""
    built = db.built_head()
    if built is not None and db.stored_revision(engine) == built:
        return MigrationResult(built, built, None)  # a built program on a current database: Alembic stays unloaded
    head = db.head_revision()
    stored = db.stored_revision(engine)  # plain SQL; Alembic's own reading only when it differs
    if stored == head:
        return MigrationResult(stored, head, None)
    current = db.current_revision(engine)
    if current == head:
        return MigrationResult(current, head, None)
    with around() if around is not None else nullcontext():
        return _back_up_and_upgrade(engine, db_path, backup_dir, current, head)


def _back_up_and_upgrade(engine: Engine, db_path: Path | None, backup_dir: Path | None, current: str | None,
                         head: str) -> MigrationResult:
    if db.current_revision(engine) == head:  # another program upgraded it while this one waited
        return MigrationResult(current, head, None)
    backup_path = None
    if db_path is not None and engine.dialect.name == "sqlite" and db.has_user_tables(engine):
        backup_path = backup_database(
            db_path, (backup_dir or backups_dir_for(db_path)), reason=f"pre-migrate-{current or 'none'}"
        ).path
    log.info("migrating %s from %s to %s", db_path or engine.url, current, head)
    db.upgrade(engine, "head")
    return MigrationResult(current, head, backup_path)
