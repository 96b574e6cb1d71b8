"""the watch list's signals, precomputed: one row per signal of an active talent with the days between which it
holds, kept current by every write (services/watch_signals.py) so the list is read, not recomputed (issue 18: at
100,000 talents its nine set queries took about a second; at 1,000,000, 13 s). Filled here from the data.

Revision ID: watchsig_1
Revises: trgm_1
"""
from __future__ import annotations

from alembic import op

from talentdesk.store.schema_kit import create_table

revision = "watchsig_1"
down_revision = "trgm_1"


def upgrade() -> None:
    create_table("watch_signals", """
        talent_id  int
        code       str24
        start_on   date?
        end_on     date?
        n          int?
        v_date     date?
        v_text     str120?
        index ix_watch_signals_talent: talent_id
    """)
    from talentdesk.services import watch_signals

    watch_signals.rebuild(op.get_bind())


def downgrade() -> None:
    op.drop_index("ix_watch_signals_talent", table_name="watch_signals")
    op.drop_table("watch_signals")
