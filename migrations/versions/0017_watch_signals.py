"""the watch list's signals, precomputed: one row per signal of an active talent with the days between which it
holds, kept current by every write (services/watch_signals.py) so the list is read, not recomputed (issue 18: at
100,000 talents its nine set queries took about a second; at 1,000,000, 13 s). Filled here from the data.

Revision ID: watchsig_1
Revises: trgm_1
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "watchsig_1"
down_revision = "trgm_1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "watch_signals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("talent_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=24), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=True),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.Column("n", sa.Integer(), nullable=True),
        sa.Column("v_date", sa.Date(), nullable=True),
        sa.Column("v_text", sa.String(length=120), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_watch_signals")),
    )
    op.create_index("ix_watch_signals_talent", "watch_signals", ["talent_id"], unique=False)
    from talentdesk.services import watch_signals

    watch_signals.rebuild(op.get_bind())


def downgrade() -> None:
    op.drop_index("ix_watch_signals_talent", table_name="watch_signals")
    op.drop_table("watch_signals")
