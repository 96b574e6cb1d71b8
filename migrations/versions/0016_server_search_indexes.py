"""PostgreSQL: trigram indexes for the talents list's "contains" searches (name, ID and phone fragments, employer
name), which otherwise read the whole table — the 100,000-talent benchmark on PostgreSQL measured search p95 at
60 ms, over the 50 ms bar, from exactly these. SQLite has its own (fts_1); nothing to do there.

pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it. Where it cannot be created, the
indexes are left out and search still works, only slower.

Revision ID: trgm_1
Revises: bigfen_1
"""
from __future__ import annotations

import logging

from alembic import op
from sqlalchemy.exc import DBAPIError

revision = "trgm_1"
down_revision = "bigfen_1"

log = logging.getLogger(__name__)

INDEXES = (
    ("ix_trgm_talents_name", "talents", "name"),
    ("ix_trgm_talents_id_number", "talents", "id_number"),
    ("ix_trgm_talents_phone", "talents", "phone"),
    ("ix_trgm_employers_name", "employers", "name"),
)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    try:
        with bind.begin_nested():
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DBAPIError as exc:
        log.warning("pg_trgm is not available (%s): search works without its indexes, only slower", exc.orig)
        return
    for name, table, column in INDEXES:
        bind.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, _table, _column in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
